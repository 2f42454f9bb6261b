//! The command line as scripts use it: the real binary, its stdout, stderr
//! and exit codes.

mod common;

use std::process::{Command, Output};

use serde_json::Value;

use common::tinhuy;

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn extract_prints_one_object_per_file_even_when_one_fails() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("photo.txt");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2]).unwrap();
    let missing = dir.path().join("missing.txt");
    let out = tinhuy(&[
        "extract",
        "--json",
        "data/articles/001_459ce03ce86bd3fb.txt",
        missing.to_str().unwrap(),
        binary.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let v = json(&out);
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), 3);
    assert_eq!(a[0]["province"], "Hà Tĩnh");
    assert_eq!(a[0]["published"], "2020-11-05");
    assert_eq!(a[0]["meeting"]["date"], "2020-11-05");
    assert_eq!(a[0]["chairs"][0], "Hoàng Trung Dũng");
    assert!(a[0]["people"][0]["positions"][0].is_string());
    assert!(a[0]["people"][0]["spans"][0].is_array());
    assert!(a[0]["conclusions"][0]["span"].is_array());
    assert!(a[1]["error"].as_str().unwrap().contains("cannot read"));
    assert!(a[2]["error"].as_str().unwrap().contains("binary"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("missing.txt") && err.contains("photo.txt"),
        "{err}"
    );
}

#[test]
fn extract_fails_when_no_file_can_be_read() {
    let out = tinhuy(&["extract", "--json", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
}

#[test]
fn person_typed_without_diacritics() {
    let out = tinhuy(&["person", "ngo dong hai", "--json"]);
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["name"], "Ngô Đông Hải");
    assert_eq!(v["meetings"].as_array().unwrap().len(), 3);
    let titles: Vec<&str> = v["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Bí thư Tỉnh ủy"), "{titles:?}");
    let text = tinhuy(&["person", "nguyen tien thanh"]);
    let s = String::from_utf8_lossy(&text.stdout);
    assert!(
        s.contains("Phó bí thư Thường trực Tỉnh ủy") && s.contains("Chủ tịch HĐND tỉnh"),
        "{s}"
    );
    assert_eq!(tinhuy(&["person", "zzzz qqqq"]).status.code(), Some(1));
}

#[test]
fn who_lists_holders_in_order() {
    let out = tinhuy(&["who", "Chủ tịch UBND tỉnh", "--province", "Thái Bình"]);
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    let thang = s.find("Đặng Trọng Thăng").expect(&s);
    let than = s.find("Nguyễn Khắc Thận").expect(&s);
    assert!(thang < than, "{s}");
    assert!(s.contains("2020-08-15") && s.contains("2020-12-02"), "{s}");
    let j = json(&tinhuy(&[
        "who",
        "chu tich ubnd tinh",
        "--province",
        "thai binh",
        "--on",
        "2020-12-02",
        "--json",
    ]));
    let on: Vec<&str> = j
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["on_date"] == true)
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(on, vec!["Nguyễn Khắc Thận"]);
    let bad = tinhuy(&["who", "Bí thư Tỉnh ủy", "--on", "yesterday"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a date"));
}

#[test]
fn search_and_export() {
    let v = json(&tinhuy(&[
        "search",
        "chu tich ubnd thai binh",
        "--json",
        "--limit",
        "3",
    ]));
    assert!(
        v[0]["text"]
            .as_str()
            .unwrap()
            .contains("Chủ tịch UBND tỉnh Thái Bình"),
        "{v}"
    );
    let csv = tinhuy(&["export", "positions", "--format", "csv"]);
    let s = String::from_utf8_lossy(&csv.stdout);
    assert!(
        s.starts_with("person,title,province,first_seen,last_seen,meetings\n"),
        "{s}"
    );
    assert!(
        s.contains("Nguyễn Khắc Thận,Chủ tịch UBND tỉnh,Thái Bình,2020-12-02,2020-12-03,2"),
        "{s}"
    );
    let lines = tinhuy(&["export", "conclusions", "--format", "jsonl"]);
    let first: Value = serde_json::from_str(
        String::from_utf8_lossy(&lines.stdout)
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert!(first["text"].is_string());
}

#[test]
fn ingest_writes_a_corpus_and_reports_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    std::fs::copy(
        common::root().join("data/articles/000_6144b09bc32397b6.txt"),
        src.join("a.txt"),
    )
    .unwrap();
    std::fs::write(src.join("empty.txt"), "").unwrap();
    std::fs::write(src.join("notes.md"), "# not an article").unwrap();
    let out_path = dir.path().join("corpus.json");
    let out = tinhuy(&[
        "ingest",
        src.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("read 1 article"), "{err}");
    assert!(
        err.contains("empty.txt: empty file")
            && err.contains("notes.md: not an article file (.txt, .html, .jsonl)"),
        "{err}"
    );
    let person = tinhuy(&[
        "--corpus",
        out_path.to_str().unwrap(),
        "person",
        "ngo dong hai",
        "--json",
    ]);
    assert_eq!(json(&person)["meetings"].as_array().unwrap().len(), 1);

    // Nothing readable: the existing corpus stays as it was.
    let before = std::fs::read(&out_path).unwrap();
    let empty_dir = dir.path().join("none");
    std::fs::create_dir(&empty_dir).unwrap();
    let again = tinhuy(&[
        "ingest",
        empty_dir.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(std::fs::read(&out_path).unwrap(), before);
}

#[test]
fn a_bad_corpus_file_is_named_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.json");
    std::fs::write(&bad, "{\"schema\": \"tinhuy-corpus\",\n \"articles\": [,]}").unwrap();
    let out = tinhuy(&["--corpus", bad.to_str().unwrap(), "search", "x"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("broken.json") && err.contains("line 2"),
        "{err}"
    );
}

/// Runs the binary with a stdout pipe whose reader has already gone, as
/// `tinhuy … | head -0` would leave it.
fn closed_pipe(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tinhuy"))
        .args(args)
        .current_dir(common::root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    for args in [
        &["export", "corpus"][..],
        &["export", "positions", "--format", "csv"],
        &["export", "meetings", "--format", "jsonl"],
        &["search", "chu tich"],
        &["search", "chu tich", "--json"],
        &["person", "ngo dong hai"],
        &["who", "bi thu tinh uy", "--json"],
        &["extract", "data/articles/001_459ce03ce86bd3fb.txt"],
    ] {
        let out = closed_pipe(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
    }
}

#[test]
fn a_search_without_results_says_so_on_stderr() {
    let out = tinhuy(&["search", "zzqx"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "tinhuy: no match for \"zzqx\"\n"
    );
    let out = tinhuy(&["search", "zzqx", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out), serde_json::json!([]));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no match"));
}

#[test]
fn export_corpus_streams_the_bundled_corpus_file() {
    let out = tinhuy(&["export", "corpus"]);
    assert!(out.status.success());
    let on_disk = std::fs::read(common::root().join("data/corpus.json")).unwrap();
    assert!(
        out.stdout == on_disk,
        "export corpus differs from data/corpus.json"
    );
}

#[test]
fn completions_and_the_man_page_come_from_the_command_definitions() {
    for (shell, mark) in [
        ("bash", "complete -F _tinhuy"),
        ("zsh", "#compdef tinhuy"),
        ("fish", "complete -c tinhuy"),
    ] {
        let out = tinhuy(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(script.contains(mark), "{shell}: {script}");
        for sub in ["extract", "ingest", "person", "who", "search", "export"] {
            assert!(script.contains(sub), "{shell} lacks {sub}");
        }
    }
    let out = tinhuy(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    let out = tinhuy(&["man"]);
    assert!(out.status.success());
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{page}");
    assert!(page.contains(".TH tinhuy 1"), "{page}");
    assert!(page.contains("\\-\\-corpus"), "{page}");
    for a in [&["completions", "bash"][..], &["man"]] {
        assert_eq!(closed_pipe(a).status.code(), Some(0), "{a:?}");
    }
}
