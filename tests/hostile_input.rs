//! Whatever bytes a file holds, reading and extracting it gives facts or a
//! clear error, never a panic.

use proptest::prelude::*;
use tinhuy::extract::extract_page;
use tinhuy::text::{Page, decode};

/// Decodes and extracts like `tinhuy extract` does.
fn run(bytes: &[u8]) {
    if let Ok(d) = decode(bytes) {
        let page = Page::from_normalized(d.text);
        let facts = extract_page(&page);
        // Spans stay inside the text and on character boundaries.
        for p in &facts.people {
            for s in p.spans.iter().chain(p.positions.iter().map(|x| &x.span)) {
                assert!(
                    s.end <= page.text.len()
                        && page.text.is_char_boundary(s.start)
                        && page.text.is_char_boundary(s.end)
                );
            }
        }
        for c in &facts.conclusions {
            assert!(c.span.end <= page.text.len());
        }
        serde_json::to_string(&facts).unwrap();
    }
}

/// Pieces of real article text, to make random input look enough like an
/// article to reach every extractor.
const PIECES: &[&str] = &[
    "đồng chí Ngô Đông Hải, Ủy viên dự khuyết Trung ương Đảng, Bí thư Tỉnh ủy",
    "Chủ trì hội nghị có",
    "Kết luận hội nghị, đồng chí Bí thư Tỉnh ủy yêu cầu",
    "trước 10/11/2020",
    "Chủ tịch UBND tỉnh Trần Tiến Hưng",
    "Thứ 4, 02.12.2020 | 17:21:47",
    "Tin liên quan",
    "{name} - {time}",
    "Ban Thường vụ Tỉnh uỷ Thái Bình họp kỳ thứ 4",
    "; ",
    ", ",
    ": ",
    "\n",
    " - ",
    "“",
    "Đại tá ",
    "Phó Bí thư - Trưởng Ban Tổ chức Tỉnh ủy ",
    "khóa XX",
    "U\u{309}y ban",
    "\u{1b}[31m",
    "\u{202e}",
];

fn article_like() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(PIECES).prop_map(|s| s.as_bytes().to_vec()),
            any::<Vec<u8>>()
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in any::<Vec<u8>>()) {
        run(&bytes);
    }

    #[test]
    fn article_like_text_never_panics(bytes in article_like()) {
        run(&bytes);
    }
}

#[test]
fn awkward_files() {
    run(b"");
    run(b"\n\n\n   \n");
    run(&[0xFF, 0xFE, 0x41, 0x00]);
    run(&[0xC3; 1000]);
    run("Đồng chí".repeat(10_000).as_bytes());
    run(",;:-".repeat(10_000).as_bytes());
    // Decomposed (NFD) text reads like composed text.
    let nfd = "Đồng chí Ngo\u{302} Đo\u{302}ng Ha\u{309}i, Bi\u{301} thu\u{31b} Ti\u{309}nh u\u{309}y chu\u{309} tri\u{300} ho\u{323}i nghi\u{323}.";
    let (_, f) = tinhuy::extract::extract_article(nfd);
    assert_eq!(f.people[0].name, "Ngô Đông Hải");
    assert_eq!(f.chairs, vec!["Ngô Đông Hải"]);
}

#[test]
fn binary_and_foreign_encodings_are_refused_clearly() {
    let e = decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13]).unwrap_err();
    assert!(e.to_string().contains("binary"), "{e}");
    let latin1: Vec<u8> = "Bí thư Tỉnh ủy".chars().map(|c| c as u32 as u8).collect();
    let e = decode(&latin1.repeat(20)).unwrap_err();
    assert!(e.to_string().contains("not UTF-8"), "{e}");
}

#[test]
fn a_large_file_is_read_in_one_piece() {
    // Many megabytes of real article text, as one file.
    let one = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/articles/001_459ce03ce86bd3fb.txt"
    ))
    .unwrap();
    let big = one.repeat(400);
    assert!(big.len() > 5_000_000);
    let (_, f) = tinhuy::extract::extract_article(&big);
    assert!(f.people.iter().any(|p| p.name == "Hoàng Trung Dũng"));
}
