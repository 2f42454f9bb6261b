//! What the `extract` fuzz target checks on each input. The test suite runs
//! the same checks on the saved corpus, on stable.

use std::path::Path;

use tinhuy::extract::{ArticleFacts, Extracted, extract_bytes};
use tinhuy::report::FileFacts;
use tinhuy::source;

/// Reads `bytes` the way `tinhuy extract --json` reads a file and checks
/// what comes out: every span is a range of the text on character
/// boundaries (the browser slices the text with them), the facts read back
/// from their JSON equal the facts written (the corpus file stores them so),
/// and the report printed is valid JSON. Returns that JSON.
pub fn check(bytes: &[u8]) -> String {
    let read = extract_bytes(bytes);
    if let Ok(x) = &read {
        check_spans(x);
        let json = serde_json::to_string(&x.facts).expect("facts serialize");
        let back: ArticleFacts = serde_json::from_str(&json).expect("facts read back");
        assert_eq!(back, x.facts, "facts change through JSON");
    }
    let report = [FileFacts::new("input.txt".into(), read)];
    let json = serde_json::to_string_pretty(&report).expect("report serializes");
    let v: serde_json::Value = serde_json::from_str(&json).expect("report is JSON");
    assert_eq!(v[0]["file"], "input.txt");
    check_sources(bytes);
    json
}

/// Reads `bytes` as a saved page, as scraper records (`.jsonl`, `.json`)
/// and as text, the way `tinhuy extract` reads each kind: whatever the
/// bytes, every article read has spans that fit its text, and every error
/// names the file.
pub fn check_sources(bytes: &[u8]) {
    for name in ["input.html", "input.jsonl", "input.json", "input.txt"] {
        for r in source::read_bytes(Path::new(name), bytes) {
            match r {
                Ok(a) => {
                    assert!(!a.label.is_empty());
                    if let Ok(x) = a.extract() {
                        check_spans(&x);
                    }
                }
                Err(e) => {
                    assert_eq!(e.file, name);
                    assert!(!e.message.is_empty());
                }
            }
        }
    }
}

/// Every span of the facts is a range of the text on character boundaries.
pub fn check_spans(x: &Extracted) {
    let text = &x.page.text;
    for s in x.facts.all_spans() {
        assert!(
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end),
            "span {s:?} does not fit a text of {} bytes",
            text.len()
        );
    }
}
