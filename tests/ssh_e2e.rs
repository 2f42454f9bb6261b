//! The real binary over a real SSH connection: a private OpenSSH server on
//! 127.0.0.1 with throwaway keys, a client in tmux, searching, resizing,
//! and the connection dropping under the app.

mod common;

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::procs;
use common::tmux::{Tmux, available, binary};

/// An sshd of its own, in the foreground; stopped when dropped.
struct Sshd {
    child: Child,
    dir: tempfile::TempDir,
    port: u16,
}

/// sshd's absolute path (it re-executes itself by it), when installed.
fn sshd_path() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::iter::once(PathBuf::from("/usr/sbin"))
        .chain(std::env::split_paths(&path))
        .map(|d| d.join("sshd"))
        .find(|p| p.is_file())
}

fn runs(cmd: &str, arg: &str) -> bool {
    Command::new(cmd)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

fn output(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().unwrap();
    assert!(out.status.success(), "{cmd} {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn keygen(path: &Path) {
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-N", "", "-t", "ed25519", "-f"])
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "ssh-keygen failed");
}

impl Sshd {
    fn start(sshd: &Path) -> Sshd {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        keygen(&d.join("host_key"));
        keygen(&d.join("user_key"));
        fs::copy(d.join("user_key.pub"), d.join("authorized_keys")).unwrap();
        let root = output("id", &["-u"]) == "0";
        if root {
            // Privilege separation needs it, and a fresh machine lacks it.
            fs::create_dir_all("/run/sshd").unwrap();
        }
        // SetEnv SHLVL=1: bash reads ~/.bashrc before a command from sshd
        // only at shell level 1, and the login's rc files are no part of
        // the test.
        fs::write(
            d.join("sshd_config"),
            format!(
                "ListenAddress 127.0.0.1\n\
                 HostKey {d}/host_key\n\
                 AuthorizedKeysFile {d}/authorized_keys\n\
                 PidFile {d}/sshd.pid\n\
                 StrictModes no\n\
                 PasswordAuthentication no\n\
                 KbdInteractiveAuthentication no\n\
                 UsePAM no\n\
                 PrintMotd no\n\
                 PrintLastLog no\n\
                 UseDNS no\n\
                 SetEnv SHLVL=1\n\
                 PermitRootLogin {}\n",
                if root { "yes" } else { "no" },
                d = d.display()
            ),
        )
        .unwrap();
        // A free port can be taken between asking and binding: try again.
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let log = fs::File::create(d.join("sshd.log")).unwrap();
            let mut child = Command::new(sshd)
                .args(["-D", "-e", "-f"])
                .arg(d.join("sshd_config"))
                .args(["-p", &port.to_string()])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .unwrap();
            if listening(&mut child, port, d) {
                return Sshd { child, dir, port };
            }
            let log = fs::read_to_string(d.join("sshd.log")).unwrap_or_default();
            assert!(
                log.contains("Address already in use"),
                "sshd did not start:\n{log}"
            );
        }
        panic!("sshd found no free port");
    }

    fn log(&self) -> String {
        fs::read_to_string(self.dir.path().join("sshd.log")).unwrap_or_default()
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for sshd to accept connections; false if it exited.
fn listening(child: &mut Child, port: u16, dir: &Path) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    panic!(
        "sshd is not listening after 30 s:\n{}",
        fs::read_to_string(dir.join("sshd.log")).unwrap_or_default()
    );
}

/// Says why the test does not run; on CI, where the tools are installed,
/// a missing one fails it instead.
fn skip(why: &str) {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(!ci, "CI=true and {why}");
    eprintln!("skipped: {why}");
}

/// The box spans the whole width, and the footer sits on the last row.
fn laid_out(s: &str, width: usize, height: usize) -> bool {
    let lines: Vec<&str> = s.lines().collect();
    let spans = |l: &&str| l.chars().count() == width;
    lines.len() == height
        && lines[0].starts_with('┏')
        && lines[0].ends_with('┓')
        && spans(&lines[0])
        && lines
            .iter()
            .any(|l| l.starts_with('┗') && l.ends_with('┛') && spans(l))
        && !lines[height - 1].trim().is_empty()
        && s.contains("Ngô Đông Hải")
}

#[test]
fn search_resize_and_drop_the_connection() {
    if !available() {
        return;
    }
    let Some(sshd) = sshd_path() else {
        skip("no sshd (apt-get install openssh-server)");
        return;
    };
    if !runs("ssh", "-V") || !runs("ssh-keygen", "-?") {
        skip("no ssh or ssh-keygen (apt-get install openssh-client)");
        return;
    }
    let server = Sshd::start(&sshd);
    let t = Tmux::start("ssh", 100, 30);
    let home = t.home.path().join("remote");
    fs::create_dir_all(&home).unwrap();
    // The remote app is found by its HOME, a path no other process has.
    let marker = format!("HOME={}", home.display());
    let user = output("id", &["-un"]);
    t.run(&format!(
        "ssh -tt -F /dev/null -i {key} -p {port} -o StrictHostKeyChecking=no \
         -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes \
         {user}@127.0.0.1 env {marker} XDG_CONFIG_HOME={home}/config \
         XDG_STATE_HOME={home}/state {bin}",
        key = server.dir.path().join("user_key").display(),
        port = server.port,
        home = home.display(),
        bin = binary().display(),
    ));
    // Waits for every pane it checks: the titles are drawn one by one over
    // a slow link, and a screen with one is not yet one with all.
    procs::wait_until(
        "the panes over ssh",
        30,
        || {
            let s = t.screen();
            (s.contains("Meetings") && s.contains("Attendees")).then_some(s)
        },
        || format!("screen:\n{}\nsshd:\n{}", t.screen(), server.log()),
    );
    let remote = procs::wait_until(
        "the remote app",
        30,
        || match procs::with_env("tinhuy", &marker)[..] {
            [pid] => Some(pid),
            _ => None,
        },
        || server.log(),
    );
    let _cleanup = procs::KillOnDrop(remote);

    t.keys(&["/"]);
    t.type_text("ngo dong hai");
    // "ngo" alone already lists him: wait for the whole query, not just him.
    t.wait_for("the whole query and the official in the results", |s| {
        s.contains("/ ngo dong hai") && s.contains("official   Ngô Đông Hải")
    });

    for (w, h) in [(120, 40), (80, 24)] {
        t.tmux(&[
            "resize-window",
            "-t",
            "main",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
        ]);
        t.wait_for(&format!("the layout at {w}x{h}"), |s| laid_out(s, w, h));
    }

    // A dropped connection: the client dies without a word to the server.
    let client = t.started("ssh");
    procs::signal(client, "KILL");
    procs::wait_until(
        "the remote app to end after the connection dropped",
        15,
        || (!procs::running(remote)).then_some(()),
        || format!("sshd:\n{}", server.log()),
    );
    assert_eq!(
        procs::with_env("tinhuy", &marker),
        Vec::<u32>::new(),
        "no app left from this connection"
    );
    drop(server);
}
