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
    let s = t.wait_for("the official in the results", |s| {
        s.contains("official   Ngô Đông Hải")
    });
    assert!(s.contains("/ ngo dong hai"));
    t.keys(&["Enter"]);
    let s = t.wait_for("his page", |s| {
        s.contains("Ngô Đông Hải — Thái Bình · 3 meetings")
    });
    for date in ["2020-12-03", "2020-12-02", "2020-08-15"] {
        assert!(
            s.lines()
                .any(|l| l.contains(date) && l.contains("Thái Bình")),
            "meeting {date}:\n{s}"
        );
    }
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
    let s = t.wait_for("the panes again", |s| {
        s.contains("Meetings") && !s.contains("too small")
    });
    let widest = s.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert_eq!(widest, 130, "drawn across the new width:\n{s}");
    assert_eq!(s.lines().count(), 40);
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
    let s = t.wait_for("the warning", |s| s.contains("config.toml"));
    assert!(s.contains("unknown key"), "{s}");
    t.keys(&["q"]);
    t.wait_for("the shell", |s| {
        s.lines().filter(|l| l.starts_with("PROMPT$")).count() >= 2
    });
    assert_clean(&t);
}
