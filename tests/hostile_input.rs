//! Whatever bytes a file holds, reading and extracting it gives facts or a
//! clear error, never a panic.

use proptest::prelude::*;
use tinhuy::extract::{ArticleFacts, Extracted, extract_bytes};
use tinhuy::text::{decode, normalize};
use unicode_normalization::UnicodeNormalization;

// The fuzzer's checks, shared rather than written again.
#[allow(dead_code)]
#[path = "../fuzz/check_extract.rs"]
mod check_extract;

/// Decodes and extracts like `tinhuy extract` does, and checks that every
/// span fits the text and the facts serialize.
fn run(bytes: &[u8]) -> Option<Extracted> {
    let x = extract_bytes(bytes).ok()?;
    check_extract::check_spans(&x);
    serde_json::to_string(&x.facts).unwrap();
    Some(x)
}

/// The facts of text that must decode.
fn facts(text: &str) -> ArticleFacts {
    run(text.as_bytes()).expect("decodes").facts
}

fn names(f: &ArticleFacts) -> Vec<&str> {
    f.people.iter().map(|p| p.name.as_str()).collect()
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
    let f = facts(nfd);
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

/// Vietnamese sentences of the kind articles are made of.
const SENTENCES: &[&str] = &[
    "Chủ trì hội nghị có đồng chí Ngô Đông Hải, Ủy viên dự khuyết Trung ương Đảng, Bí thư Tỉnh ủy.",
    "Sáng 02/12, Ban Thường vụ Tỉnh ủy Thái Bình họp kỳ thứ 4, khóa XX.",
    "Kết luận hội nghị, đồng chí Bí thư Tỉnh ủy yêu cầu hoàn thành trước 10/11/2020.",
    "GRDP năm 2020 ước tăng 3,23% so với năm 2019.",
    "Dự hội nghị có đồng chí Trần Tiến Hưng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
    "Hội nghị thảo luận dự thảo Kế hoạch số 153-KH/TU của Tỉnh ủy.",
    "Đồng chí Hoàng Trung Dũng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Hà Tĩnh phát biểu.",
    "Tin, ảnh: Lê Quỳnh",
];

/// Several article sentences, in paragraphs.
fn vietnamese() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(SENTENCES), prop::bool::ANY), 1..12).prop_map(|v| {
        v.into_iter()
            .map(|(s, br)| format!("{s}{}", if br { "\n" } else { " " }))
            .collect()
    })
}

const TITLES: &[&str] = &[
    "Bí thư Tỉnh ủy",
    "Phó Bí thư Thường trực Tỉnh ủy",
    "Ủy viên Trung ương Đảng",
    "Chủ tịch UBND tỉnh",
    "Trưởng Ban Tổ chức Tỉnh ủy",
    "Chủ tịch HĐND tỉnh",
];
const NAMES: &[&str] = &[
    "Ngô Đông Hải",
    "Trần Tiến Hưng",
    "Hoàng Trung Dũng",
    "Nguyễn Văn An",
    "Lê Thị Bình",
];

/// "đồng chí NAME, TITLE, TITLE, …" with long title chains.
fn title_chains() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(NAMES),
            prop::collection::vec(prop::sample::select(TITLES), 1..200),
        ),
        1..20,
    )
    .prop_map(|people| {
        let mut s = String::from("Chủ trì hội nghị có ");
        for (name, titles) in people {
            s += &format!("đồng chí {name}, {}; ", titles.join(", "));
        }
        s
    })
}

/// Punctuation and symbols only, ASCII and typographic, with spaces and
/// line breaks.
fn punctuation() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(
            ",.;:!?-–—…“”‘’\"'()[]{}/\\|%&*#@+=<>«»·•、。「」،؛؟ \n"
                .chars()
                .collect::<Vec<_>>(),
        ),
        0..4000,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// Vietnamese mixed with CJK, Arabic, emoji and stacked combining marks.
fn mixed_scripts() -> impl Strategy<Value = String> {
    let foreign = prop_oneof![
        "[\u{4E00}-\u{9FFF}]{1,20}",
        "[\u{0600}-\u{06FF}]{1,20}",
        "[\u{1F300}-\u{1FAFF}\u{1F3FB}-\u{1F3FF}\u{200D}\u{FE0F}]{1,10}",
        "[a-zA-Zđơư][\u{0300}-\u{036F}]{1,12}",
        // Letters whose lower case is longer or shorter in UTF-8.
        "[İẞKⱮȺÅΩ]{1,3}",
        // Marks with no letter to sit on, after a space or a symbol.
        "[ ?\u{FFFD}][\u{0300}-\u{036F}]{1,4}",
        "[\u{0E00}-\u{0E7F}\u{0400}-\u{04FF}\u{0590}-\u{05FF}]{1,10}",
    ];
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(SENTENCES).prop_map(str::to_string),
            prop::sample::select(TITLES).prop_map(str::to_string),
            prop::sample::select(NAMES).prop_map(str::to_string),
            foreign,
            prop::sample::select(vec![" ", ", ", "\n", ": "]).prop_map(str::to_string),
        ],
        0..80,
    )
    .prop_map(|v| v.concat())
}

/// A byte sequence that is never valid UTF-8 on its own: stray
/// continuation bytes, overlong or cut sequences, bytes UTF-8 never uses.
fn invalid_utf8() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        (0x80u8..=0xBF).prop_map(|b| vec![b]),
        Just(vec![0xC0, 0xAF]),
        Just(vec![0xE1, 0xBB]),
        Just(vec![0xF0, 0x9F, 0x98]),
        Just(vec![0xED, 0xA0, 0x80]),
        (0xF5u8..=0xFF).prop_map(|b| vec![b]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Decomposed text reads exactly as its composed form.
    #[test]
    fn nfd_text_reads_like_nfc(text in vietnamese()) {
        let nfd: String = text.nfd().collect();
        prop_assume!(nfd != text);
        let composed = run(text.as_bytes()).unwrap();
        let decomposed = run(nfd.as_bytes()).unwrap();
        prop_assert_eq!(&decomposed.page.text, &composed.page.text);
        prop_assert_eq!(decomposed.facts, composed.facts);
    }

    /// However long the chain of titles, each named official is found once.
    #[test]
    fn long_title_chains_keep_their_names(text in title_chains()) {
        let f = facts(&text);
        let found = names(&f);
        for name in NAMES {
            let named = text.contains(name);
            prop_assert_eq!(found.iter().filter(|n| *n == name).count(), usize::from(named), "{:?}", found);
        }
    }

    /// Punctuation names nobody and reports nothing.
    #[test]
    fn punctuation_alone_gives_no_facts(text in punctuation()) {
        let f = facts(&text);
        prop_assert!(f.people.is_empty(), "{:?}", f.people);
        prop_assert!(f.chairs.is_empty() && f.conclusions.is_empty() && f.figures.is_empty());
        prop_assert!(f.meeting.date.is_none() && f.published.is_none());
    }

    /// Text in several scripts is read without a panic, and foreign words
    /// around a Vietnamese name do not hide it.
    #[test]
    fn mixed_scripts_never_panic(text in mixed_scripts(), cjk in "[\u{4E00}-\u{9FFF}]{1,8}") {
        run(text.as_bytes());
        let s = format!("{cjk}\n{}\n{cjk} 😀\n", SENTENCES[0]);
        prop_assert_eq!(facts(&s).chairs, vec!["Ngô Đông Hải"]);
    }

    /// A few bad bytes in Vietnamese text are repaired with a warning, and
    /// every one of them shows as a replacement character.
    #[test]
    fn invalid_bytes_inside_vietnamese_are_repaired(
        more in vietnamese(),
        bad in prop::collection::vec((any::<prop::sample::Index>(), invalid_utf8()), 1..4),
    ) {
        // Long enough that a few bad bytes stay under the share that makes
        // a file count as another encoding.
        let text = format!("{}\n{}\n{more}", SENTENCES[0], SENTENCES[1]);
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        // Distinct places between whole characters, so no two bad
        // sequences meet and make a valid character together.
        let mut at: Vec<(usize, Vec<u8>)> = bad.into_iter().map(|(i, b)| (*i.get(&bounds), b)).collect();
        at.sort_by_key(|x| std::cmp::Reverse(x.0));
        at.dedup_by_key(|x| x.0);
        let mut bytes = text.as_bytes().to_vec();
        for (i, b) in &at {
            bytes.splice(*i..*i, b.iter().copied());
        }
        let x = run(&bytes).expect("a few bad bytes are repaired");
        prop_assert!(x.warnings.iter().any(|w| w.contains("not valid UTF-8")), "{:?}", x.warnings);
        let marks = x.page.text.matches('\u{FFFD}').count();
        prop_assert!(marks >= at.len() && marks <= 3 * at.len(), "{} marks for {} insertions", marks, at.len());
        // The text around the bad bytes is kept.
        prop_assert_eq!(x.page.text.replace('\u{FFFD}', ""), normalize(&text));
    }
}

#[test]
fn ten_megabytes_on_one_line() {
    // Normalized first, so the text read back can be compared byte for byte.
    let one = normalize(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/articles/001_459ce03ce86bd3fb.txt"
        ))
        .unwrap(),
    )
    .replace('\n', " ");
    let line = one.repeat(10_000_000 / one.len() + 1);
    assert!(line.len() >= 10_000_000 && !line.contains('\n'));
    let x = run(line.as_bytes()).unwrap();
    assert!(x.page.text == line);
    assert!(
        names(&x.facts).contains(&"Hoàng Trung Dũng"),
        "{:?}",
        names(&x.facts)
    );
}

#[test]
fn a_closing_cue_alone_on_its_line() {
    // A heading that is only the cue, with nothing after it to conclude.
    for cue in ["Kết luận", "Bế mạc\n", "Ngày 15/10, phát biểu chỉ đạo"] {
        let f = facts(cue);
        assert!(f.conclusions.is_empty() && f.people.is_empty(), "{cue}");
    }
    let text = "Tin tức\nKết luận\nĐồng chí Ngô Đông Hải, Bí thư Tỉnh ủy chủ trì hội nghị.\n";
    let f = facts(text);
    assert_eq!(names(&f), vec!["Ngô Đông Hải"]);
    assert_eq!(f.chairs, vec!["Ngô Đông Hải"]);
}

#[test]
fn letters_that_change_length_in_lower_case() {
    // Ɱ, İ and K take a different number of bytes in lower case.
    for odd in ["Ɱ", "İİ", "K"] {
        let text = format!("{odd} Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5 bàn về kế hoạch.");
        let f = facts(&text);
        assert_eq!(f.meeting.session, Some(5), "{text}");
        let span = f.spans.session.unwrap();
        assert!(text[span.range()].ends_with("lần thứ 5"), "{text}");
    }
}

#[test]
fn thousands_of_repeated_titles() {
    // Titles with no name: nobody to find, however many.
    let bare = "Bí thư Tỉnh ủy, ".repeat(20_000);
    let f = facts(&bare);
    assert!(f.people.is_empty(), "{:?}", names(&f));
    // The same, then a name: the name is found once, under the title.
    let named = format!("{bare}đồng chí Ngô Đông Hải chủ trì hội nghị.");
    let f = facts(&named);
    assert_eq!(names(&f), vec!["Ngô Đông Hải"]);
    // A name after every title: each name once, not once per mention.
    let chain = "đồng chí Ngô Đông Hải, Bí thư Tỉnh ủy, ".repeat(5_000);
    let f = facts(&chain);
    assert_eq!(names(&f), vec!["Ngô Đông Hải"]);
    assert!(f.people[0].spans.len() >= 2);
}
