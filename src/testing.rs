//! What the unit tests share.

/// Property-test settings: `cases` cases, and no file of failing cases
/// kept beside the sources (a failure prints its case instead).
pub fn cases(cases: u32) -> proptest::prelude::ProptestConfig {
    proptest::prelude::ProptestConfig {
        cases,
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    }
}

/// The bundled articles in data/articles, each normalized and classified.
pub fn bundled_pages() -> Vec<crate::text::Page> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles");
    std::fs::read_dir(dir)
        .expect("bundled articles")
        .map(|entry| {
            let path = entry.expect("article entry").path();
            let text = std::fs::read_to_string(&path).expect("article text");
            crate::text::Page::from_normalized(text)
        })
        .collect()
}

/// Calls `f` with each bundled article read into sentences.
pub fn each_bundled_doc(mut f: impl FnMut(&crate::extract::doc::Doc)) {
    for page in bundled_pages() {
        let mut tokens = Vec::new();
        f(&crate::extract::doc::Doc::new(&page, &mut tokens));
    }
}

/// Texts of up to `max` of `pieces` run together: the mixes of words,
/// marks and spaces that property tests of patterns read.
pub fn pieces_joined(
    pieces: &'static [&'static str],
    max: usize,
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::strategy::Strategy;
    proptest::collection::vec(proptest::sample::select(pieces), 0..max).prop_map(|p| p.concat())
}
