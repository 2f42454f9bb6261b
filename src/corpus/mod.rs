//! The corpus: facts of many articles, one person per real official, each
//! official's posts over time; loading, saving and the questions asked of it.

pub mod build;
pub mod catalog;
pub mod changes;
pub mod deadlines;
pub mod dedupe;
pub mod heap;
mod increment;
pub mod ingest;
pub mod leadership;
pub mod model;
pub mod query;
pub mod reader;
pub mod sqlite;
pub mod store;

use std::path::Path;

pub use model::{Appearance, Article, CENTRAL, Corpus, Meeting, Person, Spell};
pub use store::{CorpusError, load, save};

/// The corpus bundled with the program, built from `data/articles` by
/// `tinhuy ingest data/articles -o data/corpus.json --pretty`.
pub const BUNDLED_JSON: &str = include_str!("../../data/corpus.json");

impl Corpus {
    /// The bundled corpus.
    pub fn bundled() -> Corpus {
        store::from_json(BUNDLED_JSON, Path::new("<bundled corpus>"))
            .expect("the bundled corpus is checked by the tests")
    }
}
