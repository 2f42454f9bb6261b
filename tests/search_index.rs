//! The index-backed search gives exactly what reading every entry gives:
//! the same entries, in the same order, with the same scores and matched
//! characters, whether queries are typed letter by letter or asked at once,
//! or asked of a corpus store without loading the corpus.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use proptest::prelude::*;
use tinhuy::corpus::ingest::from_texts;
use tinhuy::corpus::{Corpus, sqlite, store};
use tinhuy::search::{Hit, Index, Searcher, exhaustive, stored};
use xtask::synth::{SynthConfig, generate};

static BUNDLED: LazyLock<Index> = LazyLock::new(|| Index::build(&Corpus::bundled()));

/// A few hundred synthetic articles: thousands of entries, with the
/// recurring names and titles of a real corpus.
static SYNTHETIC_CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let articles = generate(&SynthConfig {
        articles: 400,
        seed: 3,
    })
    .map(|a| (a.file_name, a.text))
    .collect();
    from_texts(articles, 2)
});

static SYNTHETIC: LazyLock<Index> = LazyLock::new(|| Index::build(&SYNTHETIC_CORPUS));

/// Both corpora written as stores: (directory kept for the run, bundled,
/// synthetic).
static STORES: LazyLock<(tempfile::TempDir, PathBuf, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let bundled = dir.path().join("bundled.db");
    let synthetic = dir.path().join("synthetic.db");
    store::save(&Corpus::bundled(), &bundled, false).expect("bundled store");
    store::save(&SYNTHETIC_CORPUS, &synthetic, false).expect("synthetic store");
    (dir, bundled, synthetic)
});

/// What the browser draws of each hit: the entry's text, its score and
/// the matched characters, found only as the row is drawn.
fn drawn(entries: &Index, hits: &[Hit]) -> Vec<(String, i64, Vec<usize>)> {
    hits.iter()
        .map(|h| {
            let text = entries.entry(h.entry).text;
            (text.to_string(), h.score, h.positions(text).to_vec())
        })
        .collect()
}

/// The store's answer equals the exhaustive reading of the whole index,
/// and is drawn the same.
fn check_stored(index: &Index, db: &Path, query: &str, limit: usize) {
    let conn = sqlite::open(db).expect("the store opens");
    let found = stored::search(&conn, query, limit).expect("the store answers");
    let expected = exhaustive(index, query, limit);
    let at = format!("{query:?} (limit {limit}) from {}", db.display());
    assert_eq!(found.numbered(), expected, "{at}");
    assert_eq!(
        drawn(&found.entries, &found.hits),
        drawn(index, &expected),
        "{at}"
    );
}

const QUERIES: &[&str] = &[
    "ngo dong hai",
    "Ngô Đông Hải",
    "chu tich ubnd",
    "chu tich ubnd thai binh",
    "bi thu tinh uy thai binh",
    "Bí thư Tỉnh uỷ",
    "uy ban",
    "Ủy ban kiểm tra",
    "hoà",
    "nguyen thi",
    "Nguyễn",
    "pho bi thu thuong truc",
    "153-kh/tu",
    "2020-12",
    "ha tinh",
    "xyzzy qq",
    "a",
    "t",
    "đ",
    "—",
    "  thai   binh  ",
];

/// Types `query` letter by letter into one searcher and checks every
/// prefix against the exhaustive reading.
fn check_typing(index: &Index, query: &str, limit: usize) {
    let mut searcher = Searcher::default();
    let chars: Vec<char> = query.chars().collect();
    for n in 1..=chars.len() {
        let typed: String = chars[..n].iter().collect();
        let fast = searcher.search(index, &typed, limit);
        let slow = exhaustive(index, &typed, limit);
        assert_eq!(fast, slow, "typed {typed:?} (limit {limit})");
    }
    // Deleting back to the start goes through fresh candidates.
    for n in (1..chars.len()).rev() {
        let typed: String = chars[..n].iter().collect();
        assert_eq!(
            searcher.search(index, &typed, limit),
            exhaustive(index, &typed, limit),
            "deleted back to {typed:?}"
        );
    }
}

#[test]
fn typed_queries_match_the_exhaustive_search_on_the_bundled_corpus() {
    for q in QUERIES {
        for limit in [1, 5, 200] {
            check_typing(&BUNDLED, q, limit);
        }
    }
}

#[test]
fn typed_queries_match_the_exhaustive_search_on_a_synthetic_corpus() {
    assert!(SYNTHETIC.len() > 3_000, "{} entries", SYNTHETIC.len());
    for q in QUERIES {
        for limit in [3, 200] {
            check_typing(&SYNTHETIC, q, limit);
        }
    }
}

#[test]
fn queries_taken_from_entries_match_the_exhaustive_search() {
    // Words of real entries, cut at every length: the shapes people type.
    let index = &*SYNTHETIC;
    for i in (0..index.len()).step_by(index.len() / 60) {
        let text = index.entry(i).text;
        let words: Vec<&str> = text.split_whitespace().take(4).collect();
        let q = words.join(" ");
        check_typing(index, &q, 50);
    }
}

#[test]
fn a_store_answers_as_the_whole_index_does() {
    for q in QUERIES {
        for limit in [1, 5, 200, 500] {
            check_stored(&BUNDLED, &STORES.1, q, limit);
            check_stored(&SYNTHETIC, &STORES.2, q, limit);
        }
    }
}

/// Types `query` letter by letter into one store search, each keystroke
/// narrowing the last one's candidates, then deletes back: every prefix
/// answers as the exhaustive reading does.
fn check_stored_typing(index: &Index, db: &Path, query: &str, limit: usize, haystacks: bool) {
    let conn = sqlite::open(db).expect("the store opens");
    let mut typing = stored::Typing::default();
    if haystacks {
        let h = stored::Haystacks::read(&conn).expect("haystacks read");
        typing.use_haystacks(std::sync::Arc::new(h));
    }
    let chars: Vec<char> = query.chars().collect();
    let prefixes = (1..=chars.len()).chain((1..chars.len()).rev());
    for n in prefixes {
        let typed: String = chars[..n].iter().collect();
        let found = typing
            .search(&conn, &typed, limit)
            .expect("the store answers");
        let expected = exhaustive(index, &typed, limit);
        let at = format!("typed {typed:?} (limit {limit}) into {}", db.display());
        assert_eq!(found.numbered(), expected, "{at}");
        assert_eq!(
            drawn(&found.entries, &found.hits),
            drawn(index, &expected),
            "{at}"
        );
    }
}

#[test]
fn a_store_typed_into_answers_as_the_whole_index_does() {
    for q in QUERIES
        .iter()
        .chain(&["thanh uy hai phong", "nguyen van zzz"])
    {
        for haystacks in [false, true] {
            check_stored_typing(&BUNDLED, &STORES.1, q, 20, haystacks);
            check_stored_typing(&SYNTHETIC, &STORES.2, q, 20, haystacks);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn random_queries_ranked_on_haystacks_match_the_exhaustive_search(
        q in "[a-z]{1,5}( [a-z]{1,4}){0,2}",
        limit in 1usize..60,
    ) {
        let conn = sqlite::open(&STORES.2).expect("the store opens");
        let mut typing = stored::Typing::default();
        let h = stored::Haystacks::read(&conn).expect("haystacks read");
        typing.use_haystacks(std::sync::Arc::new(h));
        let found = typing.search(&conn, &q, limit).expect("the store answers");
        let expected = exhaustive(&SYNTHETIC, &q, limit);
        prop_assert_eq!(found.numbered(), expected.clone());
        prop_assert_eq!(drawn(&found.entries, &found.hits), drawn(&SYNTHETIC, &expected));
    }
}

#[test]
fn a_store_answers_broad_queries_as_the_whole_index_does() {
    // Queries with more candidates than a store reads at first: the page
    // is taken from the front of them only when nothing later can enter it.
    let index = &*SYNTHETIC;
    let conn = sqlite::open(&STORES.2).expect("the store opens");
    let mut broad = 0;
    for q in [
        "tinh", "uy vien", "hoi nghi", "chu tich", "nguyen", "ti uy", "Tỉnh",
    ] {
        let all = exhaustive(index, q, index.len());
        broad += usize::from(all.len() > 1_100);
        for limit in [1, 20, 200, 1_000, 5_000] {
            let found = stored::search(&conn, q, limit).expect("the store answers");
            assert_eq!(
                found.numbered(),
                &all[..limit.min(all.len())],
                "{q:?} (limit {limit})"
            );
        }
    }
    assert!(
        broad >= 2,
        "too few queries with more matches than read at first"
    );
}

#[test]
fn a_store_answers_short_queries_as_the_whole_index_does() {
    // One and two letters, as one word or two: the lists ranked at ingest.
    let letters = "abdghnt0đ";
    let mut queries: Vec<String> = Vec::new();
    for a in letters.chars() {
        queries.push(a.to_string());
        for b in letters.chars() {
            queries.push(format!("{a}{b}"));
            queries.push(format!("{a} {b}"));
        }
    }
    let conn = sqlite::open(&STORES.2).expect("the store opens");
    for q in &queries {
        // A shorter page is the start of a longer one.
        let all = exhaustive(&SYNTHETIC, q, 201);
        for limit in [3, 200, 201] {
            let found = stored::search(&conn, q, limit).expect("the store answers");
            let expected = &all[..limit.min(all.len())];
            assert_eq!(found.numbered(), expected, "{q:?} (limit {limit})");
        }
        check_stored(&BUNDLED, &STORES.1, q, 20);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_queries_to_a_store_match_the_exhaustive_search(
        q in "[antuhgiocbdđ ôơưạảệ0-9/-]{1,12}",
        limit in 1usize..300,
    ) {
        let conn = sqlite::open(&STORES.2).expect("the store opens");
        let found = stored::search(&conn, &q, limit).expect("the store answers");
        prop_assert_eq!(found.numbered(), exhaustive(&SYNTHETIC, &q, limit));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_queries_match_the_exhaustive_search(
        q in "[antuhgiocbdđ ôơưạảệ0-9/-]{1,12}",
        limit in 1usize..300,
    ) {
        let fast = Searcher::default().search(&SYNTHETIC, &q, limit);
        let slow = exhaustive(&SYNTHETIC, &q, limit);
        prop_assert_eq!(fast, slow);
    }
}

#[test]
fn words_match_at_their_start_and_marks_rank_first() {
    let index = &*BUNDLED;
    let texts = |q: &str| -> Vec<String> {
        index
            .search(q, 500)
            .iter()
            .map(|h| index.entry(h.entry).text.to_string())
            .collect()
    };
    let hai = texts("hai");
    assert!(hai.iter().any(|t| t.contains("Hải")));
    assert!(
        hai.iter()
            .all(|t| !t.contains("Thái") || t.contains("Hải") || t.contains("hai")),
        "{hai:?}"
    );
    // Typed with marks, the entries that keep them come first.
    let hits = index.search("Hải", 500);
    let first_plain = hits.iter().position(|h| h.score < 1_000);
    if let Some(p) = first_plain {
        assert!(hits[p..].iter().all(|h| h.score < 1_000));
    }
    assert!(index.entry(hits[0].entry).text.contains("Hải"));
    assert!(texts("xyzzy").is_empty());
    assert!(texts("").is_empty());
}
