//! Driving the real binary in tmux: a private tmux server per test, keys
//! sent with send-keys, the screen read with capture-pane.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server running a shell in one window; killed when dropped.
pub struct Tmux {
    socket: String,
    pub home: tempfile::TempDir,
}

/// Whether tmux can be used; CI installs it. Set TINHUY_SKIP_TMUX=1 to
/// skip these tests where it cannot be installed.
pub fn available() -> bool {
    if std::env::var_os("TINHUY_SKIP_TMUX").is_some() {
        return false;
    }
    assert!(
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success()),
        "tmux is needed for the end-to-end tests (apt-get install tmux), or set TINHUY_SKIP_TMUX=1"
    );
    true
}

impl Tmux {
    /// A `width`×`height` window running a plain shell whose prompt is
    /// "PROMPT$ ", with config and state in a fresh directory.
    pub fn start(name: &str, width: u16, height: u16) -> Tmux {
        let home = tempfile::tempdir().unwrap();
        let socket = format!("tinhuy-{name}-{}", std::process::id());
        let shell = format!(
            "env -i PATH={path} HOME={home} XDG_CONFIG_HOME={home}/config XDG_STATE_HOME={home}/state TERM=xterm-256color PS1='PROMPT$ ' bash --norc --noprofile",
            path = std::env::var("PATH").unwrap_or_default(),
            home = home.path().display()
        );
        let ok = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "main",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .arg(&shell)
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux new-session failed");
        let t = Tmux { socket, home };
        t.tmux(&["set", "-g", "set-clipboard", "on"]);
        t.wait_for("the prompt", |s| s.contains("PROMPT$"));
        t
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Keys by tmux name ("Enter", "Escape", "C-c", "q").
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "main", k]);
        }
    }

    /// Text typed as is.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", text]);
    }

    /// Runs a command line in the shell.
    pub fn run(&self, line: &str) {
        self.type_text(line);
        self.keys(&["Enter"]);
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "main"])
    }

    /// A format of the pane ("#{alternate_on}", "#{cursor_flag}").
    pub fn pane(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "main", format])
            .trim()
            .to_string()
    }

    /// Waits up to 30 s (a busy machine) for the screen to satisfy `ok`;
    /// returns the screen.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(30) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Starts tinhuy with arguments from the shell.
    pub fn launch(&self, args: &str) {
        self.run(&format!("{} {args}", binary().display()));
    }

    /// The process id of the window's shell.
    pub fn shell_pid(&self) -> u32 {
        let pid = self.pane("#{pane_pid}");
        pid.parse().unwrap_or_else(|_| panic!("pane_pid: {pid:?}"))
    }

    /// The one running process named `comm` started from the window's
    /// shell (at any depth), once it is there.
    pub fn started(&self, comm: &str) -> u32 {
        let shell = self.shell_pid();
        super::procs::wait_until(
            &format!("{comm} to start"),
            30,
            || match super::procs::descendants(shell, comm)[..] {
                [pid] => Some(pid),
                _ => None,
            },
            || self.screen(),
        )
    }
}

/// The terminal is as the shell left it: main screen, cursor shown, cooked
/// mode with echo.
pub fn assert_clean(t: &Tmux) {
    assert_eq!(t.pane("#{alternate_on}"), "0", "left the alternate screen");
    assert_eq!(t.pane("#{cursor_flag}"), "1", "cursor visible");
    // The marker is split in the command so only the output shows it whole.
    t.run("printf 'MO%sDE %s\\n' '' \"$(stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' ')\"");
    // Until the prompt after it shows, the line may be printed in part.
    let s = t.wait_for("stty output and the prompt after it", |s| {
        s.lines()
            .skip_while(|l| !l.starts_with("MODE "))
            .any(|l| l.starts_with("PROMPT$"))
    });
    let line = s
        .lines()
        .find(|l| l.starts_with("MODE "))
        .unwrap_or_default();
    assert_eq!(
        line.trim_end(),
        "MODE icanon echo",
        "cooked mode with echo:\n{s}"
    );
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_tinhuy"))
}
