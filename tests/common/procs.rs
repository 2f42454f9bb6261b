//! Processes as Linux's /proc shows them: finding the app a test started,
//! signalling it from outside, and waiting for it to be gone.

use std::process::Command;
use std::time::{Duration, Instant};

/// A process, from /proc/PID/stat.
#[derive(Debug, Clone)]
pub struct Proc {
    pub pid: u32,
    pub ppid: u32,
    /// R, S, D, Z…
    pub state: char,
    /// The executable's name, at most 15 bytes.
    pub comm: String,
}

/// A process by its id, or None when there is no such process.
pub fn get(pid: u32) -> Option<Proc> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "PID (COMM) STATE PPID …", where COMM may hold spaces and parentheses.
    let (open, close) = (stat.find('(')?, stat.rfind(')')?);
    let comm = stat[open + 1..close].to_string();
    let mut rest = stat[close + 1..].split_whitespace();
    let state = rest.next()?.chars().next()?;
    let ppid = rest.next()?.parse().ok()?;
    Some(Proc {
        pid,
        ppid,
        state,
        comm,
    })
}

/// Every process on the machine.
pub fn all() -> Vec<Proc> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .filter_map(get)
        .collect()
}

/// Whether the process exists and has not ended (a zombie has ended; its
/// parent just has not collected it yet).
pub fn running(pid: u32) -> bool {
    get(pid).is_some_and(|p| p.state != 'Z')
}

/// Running processes below `root`, at any depth, named `comm`.
pub fn descendants(root: u32, comm: &str) -> Vec<u32> {
    let procs = all();
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(procs.iter().filter(|p| p.ppid == parent).map(|p| p.pid));
        i += 1;
    }
    procs
        .iter()
        .filter(|p| p.pid != root && tree.contains(&p.pid))
        .filter(|p| p.comm == comm && p.state != 'Z')
        .map(|p| p.pid)
        .collect()
}

/// Running processes named `comm` whose environment holds `entry`
/// ("NAME=value") exactly.
pub fn with_env(comm: &str, entry: &str) -> Vec<u32> {
    all()
        .into_iter()
        .filter(|p| p.comm == comm && p.state != 'Z')
        .filter(|p| {
            std::fs::read(format!("/proc/{}/environ", p.pid))
                .is_ok_and(|env| env.split(|&b| b == 0).any(|var| var == entry.as_bytes()))
        })
        .map(|p| p.pid)
        .collect()
}

/// Sends a signal by name ("TERM", "KILL") from outside, as `kill` does.
pub fn signal(pid: u32, name: &str) {
    let ok = Command::new("sh")
        .args(["-c", &format!("kill -s {name} {pid}")])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -s {name} {pid} failed");
}

/// Polls `value` until it is Some, for up to `secs` seconds; panics with
/// `what` and the last value of `detail` when it never is.
pub fn wait_until<T>(
    what: &str,
    secs: u64,
    mut value: impl FnMut() -> Option<T>,
    detail: impl Fn() -> String,
) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = value() {
            return v;
        }
        if start.elapsed() > Duration::from_secs(secs) {
            panic!("timed out after {secs} s waiting for {what}\n{}", detail());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Kills the process when dropped if it is still running, so a failed
/// test leaves nothing behind.
pub struct KillOnDrop(pub u32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if running(self.0) {
            let _ = Command::new("sh")
                .args(["-c", &format!("kill -s KILL {}", self.0)])
                .status();
        }
    }
}
