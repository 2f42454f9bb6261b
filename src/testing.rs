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
