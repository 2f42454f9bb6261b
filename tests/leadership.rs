//! Who held what, when, on the bundled corpus: the library's answers and
//! the `leaders`, `changes` and `deadlines` commands.

mod common;

use std::process::Output;

use serde_json::Value;
use tinhuy::corpus::Corpus;
use tinhuy::corpus::deadlines::{self, Urgency};
use tinhuy::corpus::{changes, leadership};
use tinhuy::extract::Date;

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

/// The holders' names of the post whose label starts with `post`.
fn held(corpus: &Corpus, province: &str, on: &str, post: &str) -> Vec<String> {
    let rows = leadership::timeline(corpus, province);
    let on = leadership::holders_on(&rows, day(on));
    let (_, holders) = on
        .iter()
        .find(|(label, _)| *label == post)
        .unwrap_or_else(|| panic!("no row {post:?}"));
    holders.iter().map(|t| t.name.clone()).collect()
}

#[test]
fn thai_binh_leaders_in_december_2020() {
    let c = Corpus::bundled();
    let on = "2020-12-03";
    assert_eq!(
        held(&c, "Thái Bình", on, "Bí thư Tỉnh ủy"),
        ["Ngô Đông Hải"]
    );
    assert_eq!(
        held(&c, "Thái Bình", on, "Phó Bí thư Thường trực Tỉnh ủy"),
        ["Nguyễn Tiến Thành"]
    );
    assert_eq!(
        held(&c, "Thái Bình", on, "Chủ tịch HĐND tỉnh"),
        ["Nguyễn Tiến Thành"]
    );
    assert_eq!(
        held(&c, "Thái Bình", on, "Chủ tịch UBND tỉnh"),
        ["Nguyễn Khắc Thận"]
    );
    // The standing deputy is not the secretary, nor a plain deputy.
    assert!(!held(&c, "Thái Bình", on, "Phó Bí thư Tỉnh ủy").contains(&"Nguyễn Tiến Thành".into()));
    assert!(held(&c, "Thái Bình", on, "Phó Chủ tịch UBND tỉnh").is_empty());
    // Typed without diacritics, or by the unit it merged into.
    assert_eq!(
        held(&c, "thai binh", on, "Bí thư Tỉnh ủy"),
        ["Ngô Đông Hải"]
    );
    assert_eq!(held(&c, "Hưng Yên", on, "Bí thư Tỉnh ủy"), ["Ngô Đông Hải"]);
}

#[test]
fn thai_binh_chairman_in_august_2020() {
    let c = Corpus::bundled();
    assert_eq!(
        held(&c, "Thái Bình", "2020-08-15", "Chủ tịch UBND tỉnh"),
        ["Đặng Trọng Thăng"]
    );
    assert_eq!(
        leadership::newest_meeting_date(&c, Some("Thái Bình")),
        Some(day("2020-12-03"))
    );
    assert_eq!(
        leadership::newest_meeting_date(&c, Some("Hà Tĩnh")),
        Some(day("2020-11-05"))
    );
}

#[test]
fn the_chairman_changed_between_august_and_december() {
    let c = Corpus::bundled();
    let found = changes::changes(&c, "Thái Bình", day("2020-08-15"), day("2020-12-03"));
    let chair = found
        .iter()
        .find(|ch| ch.post == "Chủ tịch UBND tỉnh")
        .expect("a change of chairman");
    assert_eq!(chair.left.as_ref().unwrap().name, "Đặng Trọng Thăng");
    assert_eq!(chair.took.as_ref().unwrap().name, "Nguyễn Khắc Thận");
    assert!(found.iter().all(|ch| ch.post != "Bí thư Tỉnh ủy"));
}

#[test]
fn deadlines_come_sorted_and_marked() {
    let c = Corpus::bundled();
    let all = deadlines::deadlines(&c);
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].due, day("2020-11-10"));
    assert_eq!(all[0].province.as_deref(), Some("Hà Tĩnh"));
    assert_eq!(all[1].due, day("2020-12"));
    let today = day("2020-12-05");
    assert_eq!(deadlines::urgency(all[0].due, today), Urgency::Overdue);
    assert_eq!(deadlines::urgency(all[1].due, today), Urgency::Soon);
}

use common::tinhuy;

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn leaders_command_as_json_csv_and_table() {
    let v = json(&tinhuy(&[
        "leaders",
        "Thái Bình",
        "--on",
        "2020-12-03",
        "--json",
    ]));
    assert_eq!(v["province"], "Thái Bình");
    assert_eq!(v["on"], "2020-12-03");
    let posts = v["posts"].as_array().unwrap();
    let holder = |post: &str| -> Vec<String> {
        posts
            .iter()
            .find(|p| p["post"] == post)
            .unwrap_or_else(|| panic!("no {post}"))["holders"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(posts[0]["post"], "Bí thư Tỉnh ủy");
    assert_eq!(holder("Bí thư Tỉnh ủy"), ["Ngô Đông Hải"]);
    assert_eq!(
        holder("Phó Bí thư Thường trực Tỉnh ủy"),
        ["Nguyễn Tiến Thành"]
    );
    assert_eq!(holder("Chủ tịch HĐND tỉnh"), ["Nguyễn Tiến Thành"]);
    assert_eq!(holder("Chủ tịch UBND tỉnh"), ["Nguyễn Khắc Thận"]);
    assert_eq!(posts[0]["holders"][0]["from"], "2020-08-15");
    assert_eq!(posts[0]["holders"][0]["meetings"], 3);

    // With no date: the province's newest meeting.
    let v = json(&tinhuy(&["leaders", "thai binh", "--json"]));
    assert_eq!(v["on"], "2020-12-03");
    let v = json(&tinhuy(&[
        "leaders",
        "Thái Bình",
        "--on",
        "2020-08-15",
        "--json",
    ]));
    let chair = v["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["post"] == "Chủ tịch UBND tỉnh")
        .unwrap();
    assert_eq!(chair["holders"][0]["name"], "Đặng Trọng Thăng");

    let csv = stdout(&tinhuy(&[
        "leaders",
        "Thái Bình",
        "--on",
        "2020-12-03",
        "--csv",
    ]));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "post,name,province,since,until,meetings");
    assert!(
        lines[1].starts_with("Bí thư Tỉnh ủy,Ngô Đông Hải,Thái Bình,2020-08-15,"),
        "{csv}"
    );
    assert!(
        lines.contains(&"Trưởng Ban Nội chính Tỉnh ủy,,,,,"),
        "{csv}"
    );

    let table = stdout(&tinhuy(&["leaders", "Thái Bình", "--on", "2020-12-03"]));
    assert!(table.starts_with("Thái Bình on 2020-12-03\n"), "{table}");
    let line = |post: &str| {
        table
            .lines()
            .find(|l| l.starts_with(post))
            .unwrap_or_else(|| panic!("no {post} in {table}"))
            .to_string()
    };
    assert!(line("Chủ tịch UBND tỉnh").contains("Nguyễn Khắc Thận"));
    assert!(line("Trưởng Đoàn ĐBQH tỉnh").contains("— nobody known"));

    let out = tinhuy(&["leaders", "Atlantis"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Atlantis"));
}

#[test]
fn changes_command_as_json_csv_and_table() {
    let args = [
        "changes",
        "--province",
        "Thái Bình",
        "--from",
        "2020-08-15",
        "--to",
        "2020-12-03",
    ];
    let v = json(&tinhuy(&[&args[..], &["--json"]].concat()));
    let chair = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["post"] == "Chủ tịch UBND tỉnh")
        .unwrap();
    assert_eq!(chair["left"]["name"], "Đặng Trọng Thăng");
    assert_eq!(chair["took"]["name"], "Nguyễn Khắc Thận");
    assert_eq!(chair["took"]["from"], "2020-12-02");

    let csv = stdout(&tinhuy(&[&args[..], &["--csv"]].concat()));
    assert!(csv.starts_with("post,left,took,took_since\n"), "{csv}");
    assert!(
        csv.contains("Chủ tịch UBND tỉnh,Đặng Trọng Thăng,Nguyễn Khắc Thận,2020-12-02\n"),
        "{csv}"
    );

    let table = stdout(&tinhuy(&args));
    assert!(
        table.starts_with("Thái Bình: 2020-08-15 → 2020-12-03\n"),
        "{table}"
    );

    let none = tinhuy(&[
        "changes",
        "--province",
        "Thái Bình",
        "--from",
        "2020-12-03",
        "--to",
        "2020-12-03",
    ]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("no change"));
}

#[test]
fn deadlines_command_as_json_csv_and_table() {
    let v = json(&tinhuy(&["deadlines", "--today", "2020-12-05", "--json"]));
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), 2);
    assert_eq!(a[0]["due"], "2020-11-10");
    assert_eq!(a[0]["urgency"], "overdue");
    assert_eq!(a[0]["speaker"], "Hoàng Trung Dũng");
    assert_eq!(a[1]["due"], "2020-12");
    assert_eq!(a[1]["urgency"], "soon");
    assert_eq!(a[1]["province"], "Thái Bình");

    // By province (the unit it merged into counts) and by due date.
    let v = json(&tinhuy(&[
        "deadlines",
        "--province",
        "Hưng Yên",
        "--today",
        "2020-12-05",
        "--json",
    ]));
    assert_eq!(v.as_array().unwrap().len(), 1);
    let v = json(&tinhuy(&[
        "deadlines",
        "--due-before",
        "2020-12",
        "--today",
        "2020-12-05",
        "--json",
    ]));
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["due"], "2020-11-10");

    let csv = stdout(&tinhuy(&["deadlines", "--today", "2020-10-01", "--csv"]));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "due,urgency,province,speaker,text,meeting_date,article"
    );
    assert!(
        lines[1].starts_with("2020-11-10,,Hà Tĩnh,Hoàng Trung Dũng,\"yêu cầu,"),
        "{csv}"
    );
    assert_eq!(lines.len(), 3);

    let table = stdout(&tinhuy(&["deadlines", "--today", "2020-11-01"]));
    assert!(table.starts_with("Deadlines as of 2020-11-01\n"), "{table}");
    assert!(
        table
            .lines()
            .nth(2)
            .unwrap()
            .starts_with("2020-11-10  due soon  Hà Tĩnh"),
        "{table}"
    );

    let none = tinhuy(&["deadlines", "--province", "Nghệ An"]);
    assert_eq!(none.status.code(), Some(1));
}

/// Words of a shell command line, double quotes grouping.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[test]
fn readme_examples_are_real_output() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("```").next().unwrap();
        let (command, shown) = block.split_once('\n').unwrap();
        let words = shell_words(command.trim_start_matches("$ "));
        assert_eq!(words[0], "tinhuy", "{command}");
        let args: Vec<&str> = words[1..].iter().map(String::as_str).collect();
        let real = stdout(&tinhuy(&args));
        // A shown example may stop early with "…".
        for (i, line) in shown.lines().enumerate() {
            if line == "…" {
                break;
            }
            assert_eq!(Some(line), real.lines().nth(i), "{command}\n{real}");
        }
        checked += 1;
    }
    assert!(checked >= 3, "{checked} examples");
}
