//! Replays the saved fuzzing corpus (and the inputs kept from past fuzzer
//! findings) through the checks the fuzz target runs, so every build checks
//! them on stable without libFuzzer.

use std::path::{Path, PathBuf};

#[path = "../fuzz/check_extract.rs"]
mod check_extract;

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

fn replay(files: &[PathBuf]) {
    for f in files {
        let bytes = std::fs::read(f).unwrap();
        let r = std::panic::catch_unwind(|| check_extract::check(&bytes));
        let json = r.unwrap_or_else(|_| panic!("{} fails the checks", f.display()));
        assert!(json.contains("\"file\": \"input.txt\""), "{json}");
    }
}

fn dir(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn saved_corpus_passes() {
    let files = files(&dir("fuzz/corpus/extract"));
    // An empty or missing corpus would make this test pass without checking.
    assert!(files.len() >= 5, "only {} corpus files", files.len());
    replay(&files);
}

#[test]
fn saved_findings_pass() {
    let files = files(&dir("fuzz/regressions/extract"));
    assert!(!files.is_empty());
    replay(&files);
}

#[test]
fn real_articles_give_facts_in_the_report() {
    // The corpus holds the sample articles; they must come out with facts,
    // so a check that let everything through as "Failed" would show here.
    let bytes = std::fs::read(dir("data/articles/001_459ce03ce86bd3fb.txt")).unwrap();
    let json = check_extract::check(&bytes);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let people = v[0]["people"].as_array().expect("people in the report");
    assert!(
        people.iter().any(|p| p["name"] == "Hoàng Trung Dũng"),
        "{json}"
    );
    let json = check_extract::check(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13]);
    assert!(json.contains("binary"), "{json}");
}
