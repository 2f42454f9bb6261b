//! Ending the real binary from outside: terminating signals sent with
//! `kill`, and the terminal going away under it. Each time the process is
//! gone within seconds and, where a shell is left, the terminal is as the
//! shell had it.

mod common;

use common::procs;
use common::tmux::{Tmux, assert_clean, available, binary};

/// Seconds a process gets to be gone after it is told to end.
const PROMPT: u64 = 10;

/// Starts tinhuy from the shell, which prints its exit status after it;
/// returns its process id once its panes (or `ready`) are drawn.
fn launch(t: &Tmux, args: &str, ready: &str) -> u32 {
    // Split so the command line never shows the marker whole.
    t.run(&format!(
        "{} {args}; echo \"EX\"\"IT=$?\"",
        binary().display()
    ));
    t.wait_for(ready, |s| s.contains(ready));
    t.started("tinhuy")
}

/// Waits for the process to be gone.
fn assert_gone(t: &Tmux, pid: u32, after: &str) {
    procs::wait_until(
        &format!("tinhuy (pid {pid}) to end after {after}"),
        PROMPT,
        || (!procs::running(pid)).then_some(()),
        || t.screen(),
    );
}

/// The exit status the shell reported (found anywhere on the screen: a
/// terminal left in raw mode does not return the carriage).
fn exit_status(t: &Tmux) -> String {
    // Until the prompt after it shows, the number may be printed in part.
    let s = t.wait_for("the exit status and the prompt after it", |s| {
        s.split_once("EXIT=")
            .is_some_and(|(_, after)| after.contains("PROMPT$"))
    });
    let (_, after) = s.split_once("EXIT=").unwrap();
    after.chars().take_while(char::is_ascii_digit).collect()
}

/// Sends `signal` to the app showing its panes; it ends with 128 + the
/// signal's number, as a shell reports a process killed by it, and gives
/// the terminal back.
fn ends_on(signal: &str, number: u32) {
    if !available() {
        return;
    }
    let t = Tmux::start(&format!("sig{}", signal.to_lowercase()), 100, 30);
    let pid = launch(&t, "", "Meetings");
    let _cleanup = procs::KillOnDrop(pid);
    procs::signal(pid, signal);
    assert_gone(&t, pid, signal);
    assert_eq!(
        exit_status(&t),
        (128 + number).to_string(),
        "after {signal}"
    );
    let s = t.screen();
    assert!(!s.contains("Meetings"), "the app's screen is gone:\n{s}");
    assert_clean(&t);
}

#[test]
fn sigterm_restores_the_terminal() {
    ends_on("TERM", 15);
}

#[test]
fn sighup_restores_the_terminal() {
    ends_on("HUP", 1);
}

/// In raw mode Ctrl-C is a key; SIGINT comes from `kill`.
#[test]
fn sigint_restores_the_terminal() {
    ends_on("INT", 2);
}

#[test]
fn sigquit_restores_the_terminal() {
    ends_on("QUIT", 3);
}

/// A signal while a large corpus is still being read does not wait for it.
#[test]
fn a_signal_while_loading_ends_at_once() {
    if !available() {
        return;
    }
    let t = Tmux::start("sigload", 100, 30);
    let dir = t.home.path().join("articles");
    let config = xtask::synth::SynthConfig {
        articles: 3000,
        seed: 5,
    };
    xtask::synth::write_dir(&config, &dir, false).unwrap();
    let pid = launch(&t, &format!("open {}", dir.display()), "Reading the corpus");
    let _cleanup = procs::KillOnDrop(pid);
    procs::signal(pid, "TERM");
    assert_gone(&t, pid, "TERM while loading");
    assert_eq!(exit_status(&t), "143");
    assert_clean(&t);
}

/// Closing the window hangs up the terminal: the app ends with no shell
/// left to give the terminal back to.
#[test]
fn closing_the_window_ends_the_app() {
    if !available() {
        return;
    }
    let t = Tmux::start("sigclose", 100, 30);
    // A second window keeps the tmux server up once the first is closed.
    t.tmux(&["new-window", "-d", "cat"]);
    let pid = launch(&t, "", "Meetings");
    let _cleanup = procs::KillOnDrop(pid);
    t.tmux(&["kill-pane", "-t", "main:0"]);
    assert_gone(&t, pid, "its window closed");
}

/// An app in a session of its own is not sent SIGHUP when its terminal
/// hangs up; it notices the terminal is gone by itself.
#[test]
fn closing_the_window_ends_an_app_in_its_own_session() {
    if !available() {
        return;
    }
    let t = Tmux::start("sigsetsid", 100, 30);
    t.tmux(&["new-window", "-d", "cat"]);
    t.run(&format!("setsid -w {}", binary().display()));
    t.wait_for("the panes", |s| s.contains("Meetings"));
    let pid = t.started("tinhuy");
    let _cleanup = procs::KillOnDrop(pid);
    t.tmux(&["kill-pane", "-t", "main:0"]);
    assert_gone(&t, pid, "its window closed");
}

/// Two signals in a row while a large corpus is read: the second one's
/// way out (restore the terminal, exit) must not wait for the first's.
#[test]
fn two_signals_while_loading_end_at_once() {
    if !available() {
        return;
    }
    let t = Tmux::start("sigtwice", 100, 30);
    let dir = t.home.path().join("articles");
    let config = xtask::synth::SynthConfig {
        articles: 3000,
        seed: 7,
    };
    xtask::synth::write_dir(&config, &dir, false).unwrap();
    // The status line counts the files read.
    let pid = launch(&t, &format!("open {}", dir.display()), " of 3000 files");
    let _cleanup = procs::KillOnDrop(pid);
    let ok = std::process::Command::new("sh")
        .args(["-c", &format!("kill -s TERM {pid}; kill -s TERM {pid}")])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    assert_gone(&t, pid, "two TERMs while loading");
    assert_eq!(exit_status(&t), "143");
    assert_clean(&t);
}
