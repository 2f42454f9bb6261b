//! The real binary in a real terminal (tmux): what a person sees and does.

mod common;

use common::tmux::{Tmux, assert_clean, available};

#[test]
fn search_an_official_and_see_his_meetings() {
    if !available() {
        return;
    }
    let t = Tmux::start("search", 100, 30);
    t.launch("");
    t.wait_for("the panes", |s| {
        s.contains("Provinces")
            && s.contains("Meetings")
            && s.contains("Attendees")
            && s.contains("Conclusions")
    });
    t.keys(&["/"]);
    t.type_text("ngo dong hai");
    // He is listed from "ngo" on: wait for the whole query and its results
    // (the count in the title is for the query shown, not a shorter one).
    t.wait_for("the whole query and the official in the results", |s| {
        s.contains("/ ngo dong hai")
            && s.contains("official   Ngô Đông Hải")
            && !s.contains("searching…")
    });
    t.keys(&["Enter"]);
    // The page and every meeting row the test looks at, in one screen.
    t.wait_for("his page with his three meetings", |s| {
        s.contains("Ngô Đông Hải — Thái Bình · 3 meetings")
            && ["2020-12-03", "2020-12-02", "2020-08-15"]
                .iter()
                .all(|date| {
                    s.lines()
                        .any(|l| l.contains(date) && l.contains("Thái Bình"))
                })
    });
    t.keys(&["q"]);
    let s = t.wait_for("the shell", |s| {
        s.lines().filter(|l| l.starts_with("PROMPT$")).count() >= 2
    });
    assert!(!s.contains("Provinces"), "the app's screen is gone:\n{s}");
    assert_clean(&t);
}

#[test]
fn copy_goes_to_the_terminal_clipboard() {
    if !available() {
        return;
    }
    let t = Tmux::start("copy", 100, 30);
    t.launch("");
    // The pane titles show before the corpus is read; copying needs it.
    t.wait_for("the corpus", |s| {
        s.contains("Meetings") && !s.contains("Reading") && !s.contains("Indexing")
    });
    t.keys(&["y"]);
    t.wait_for("the status line", |s| s.contains("Copied meeting as text"));
    // The status line is drawn after the clipboard sequence is written.
    let buffer = t.tmux(&["show-buffer"]);
    assert!(
        buffer.contains("2020-12-03 · Ban Chấp hành Đảng bộ tỉnh · Thái Bình"),
        "clipboard: {buffer:?}"
    );
    t.keys(&["q"]);
    t.wait_for("the shell", |s| {
        s.lines().filter(|l| l.starts_with("PROMPT$")).count() >= 2
    });
}

#[test]
fn resizing_follows_and_small_terminals_say_so() {
    if !available() {
        return;
    }
    let t = Tmux::start("resize", 100, 30);
    t.launch("");
    t.wait_for("the panes", |s| s.contains("Meetings"));
    t.tmux(&["resize-window", "-t", "main", "-x", "50", "-y", "12"]);
    t.wait_for("the size message", |s| s.contains("Terminal too small"));
    t.tmux(&["resize-window", "-t", "main", "-x", "130", "-y", "40"]);
    // Drawn across the new width and height, not just begun.
    t.wait_for("the panes again at 130x40", |s| {
        let widest = s.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        s.contains("Meetings")
            && !s.contains("too small")
            && widest == 130
            && s.lines().count() == 40
    });
    t.keys(&["q"]);
    let s = t.wait_for("the shell", |s| {
        s.lines().filter(|l| l.starts_with("PROMPT$")).count() >= 2
    });
    assert!(
        !s.contains('│') && !s.contains("Meetings"),
        "nothing of the app is left on the shell's screen:\n{s}"
    );
    assert_clean(&t);
}

#[test]
fn a_bad_config_file_is_named_and_defaults_used() {
    if !available() {
        return;
    }
    let t = Tmux::start("config", 100, 30);
    let dir = t.home.path().join("config/tinhuy");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "[keys]\nquit = \"hyper-q\"\n").unwrap();
    t.launch("");
    // The message is wrapped in a box: look at it without the line breaks.
    t.wait_for("the warning", |s| {
        let s = flat(s);
        s.contains("config.toml") && s.contains("unknownkey") && s.contains("defaultkeys")
    });
    // The first key closes the message; the default q still quits.
    t.keys(&["j"]);
    t.keys(&["q"]);
    t.wait_for("the shell", |s| {
        s.lines().filter(|l| l.starts_with("PROMPT$")).count() >= 2
    });
    assert_clean(&t);
}

#[test]
fn ctrl_c_quits_when_the_config_unbinds_quit() {
    if !available() {
        return;
    }
    let t = Tmux::start("unbound", 100, 30);
    let dir = t.home.path().join("config/tinhuy");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "[keys]\nquit = []\n").unwrap();
    t.launch("");
    t.wait_for("the warning", |s| flat(s).contains("Ctrl-cstillquits"));
    t.keys(&["q"]);
    t.keys(&["C-c"]);
    let s = t.wait_for("the shell", |s| {
        s.lines().filter(|l| l.starts_with("PROMPT$")).count() >= 2
    });
    assert!(!s.contains("Meetings"), "{s}");
    assert_clean(&t);
}

#[test]
fn no_browser_without_a_terminal() {
    use std::process::{Command, Stdio};
    let bin = common::tmux::binary();
    for (name, stdout_is_file) in [("stdout to a file", true), ("stdin from /dev/null", false)] {
        let out_file = tempfile::NamedTempFile::new().unwrap();
        let mut cmd = Command::new(&bin);
        cmd.stderr(Stdio::piped());
        if stdout_is_file {
            cmd.stdout(out_file.reopen().unwrap());
        } else {
            cmd.stdin(Stdio::null());
            cmd.stdout(Stdio::piped());
        }
        let child = cmd.spawn().unwrap();
        let pid = child.id();
        let _cleanup = common::procs::KillOnDrop(pid);
        common::procs::wait_until(
            &format!("tinhuy to refuse ({name})"),
            10,
            || (!common::procs::running(pid)).then_some(()),
            String::new,
        );
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(out.stdout.is_empty(), "{name}: nothing drawn");
        assert_eq!(
            std::fs::read(out_file.path()).unwrap(),
            b"",
            "{name}: nothing drawn"
        );
        assert!(err.contains("needs a terminal"), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
    }
    if !available() {
        return;
    }
    let t = Tmux::start("dumb", 100, 30);
    t.run(&format!(
        "TERM=dumb {}; echo \"EX\"\"IT=$?\"",
        bin.display()
    ));
    let s = t.wait_for("the exit status and the prompt after it", |s| {
        s.split_once("EXIT=")
            .is_some_and(|(_, after)| after.contains("PROMPT$"))
    });
    assert!(s.contains("EXIT=2") && s.contains("TERM=dumb"), "{s}");
}

/// The screen without spaces, line breaks and box sides.
fn flat(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"┃│".contains(*c))
        .collect()
}

#[test]
fn leadership_over_time_and_a_holders_page() {
    if !available() {
        return;
    }
    // The newest meeting (Thái Bình) is selected once the corpus is read.
    let t = loaded("leaders");
    t.keys(&["L"]);
    t.wait_for("the leadership on the newest meeting's date", |s| {
        s.contains("Leadership — Thái Bình · on 2020-12-03")
            && s.contains("▼ 2020-12-03")
            && s.lines()
                .any(|l| l.contains("Chủ tịch UBND tỉnh") && l.contains("Nguyễn Khắc Thận"))
    });
    // A month back, then a year back and forward again.
    t.keys(&["["]);
    t.wait_for("the date a month earlier", |s| {
        s.contains("on 2020-11-03") && s.contains("▼ 2020-11-03")
    });
    t.keys(&["{"]);
    t.wait_for("a year earlier", |s| s.contains("on 2019-11-03"));
    t.keys(&["}"]);
    t.wait_for("back to 2020", |s| s.contains("on 2020-11-03"));
    // Down to the chairman of the people's committee, then his predecessor.
    t.keys(&["j", "j", "j", "h"]);
    t.wait_for("the predecessor selected", |s| {
        s.contains("Đặng Trọng Thăng · Chủ tịch UBND tỉnh")
    });
    t.keys(&["Enter"]);
    t.wait_for("his page", |s| {
        s.contains("Đặng Trọng Thăng — Thái Bình") && s.contains("Former posts")
    });
    t.keys(&["Escape"]);
    t.wait_for("the leadership again", |s| {
        s.contains("Leadership — Thái Bình")
    });
    quit_clean(&t);
}

#[test]
fn deadlines_by_province_and_into_the_article() {
    if !available() {
        return;
    }
    let t = loaded("deadlines");
    t.keys(&["D"]);
    // Today is the real date here: deadlines of 2020 are past.
    t.wait_for("every deadline, soonest first", |s| {
        s.contains("Deadlines — all provinces")
            && s.contains("OVERDUE")
            && s.find("2020-11-10")
                .zip(s.find("2020-12  "))
                .is_some_and(|(a, b)| a < b)
    });
    t.keys(&["p"]);
    t.wait_for("one province", |s| {
        s.contains("Deadlines — Hà Tĩnh · 1 directive")
    });
    t.keys(&["Enter"]);
    t.wait_for("the article at the conclusion", |s| {
        s.contains("conclusion") && s.contains("10/11/2020")
    });
    quit_clean(&t);
}

/// The app at 100x30 with the whole corpus read.
fn loaded(name: &str) -> Tmux {
    let t = Tmux::start(name, 100, 30);
    t.launch("");
    t.wait_for("the corpus", |s| {
        s.contains("Meetings") && !s.contains("Reading") && !s.contains("Indexing")
    });
    t
}

/// Quits and checks the shell's screen and the terminal are as before.
fn quit_clean(t: &Tmux) {
    t.keys(&["q"]);
    t.wait_for("the shell", |s| {
        s.lines().filter(|l| l.starts_with("PROMPT$")).count() >= 2
    });
    assert_clean(t);
}
