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
