//! Search over everything in a corpus: officials, positions, meetings,
//! conclusions and provinces, matched fuzzily on folded text so diacritics
//! and tone placement do not matter, with the matched characters mapped
//! back onto the original text for highlighting.

pub mod entries;
pub(crate) mod haystack_rows;
pub(crate) mod index;
mod rank;
mod short;
pub mod shortfall;
pub mod stored;
pub mod typo;
pub mod update;

use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

pub use index::{EntryRef, Index};
pub use rank::{Query, Searcher, exhaustive};

/// What a search entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Official,
    Position,
    Meeting,
    Conclusion,
    Province,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Official => "official",
            Kind::Position => "position",
            Kind::Meeting => "meeting",
            Kind::Conclusion => "conclusion",
            Kind::Province => "province",
        }
    }

    /// The kind a [`Kind::label`] names.
    pub fn from_label(label: &str) -> Option<Kind> {
        [
            Kind::Official,
            Kind::Position,
            Kind::Meeting,
            Kind::Conclusion,
            Kind::Province,
        ]
        .into_iter()
        .find(|k| k.label() == label)
    }
}

/// What a search entry leads to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Target {
    Person { person: usize },
    Spell { person: usize, spell: usize },
    Meeting { meeting: usize },
    Conclusion { article: usize, conclusion: usize },
    Province { name: String },
}

/// A matching entry with its score, and the folded query it matched, from
/// which the matched characters are found when the entry is shown: most
/// results of a keystroke are never drawn.
#[derive(Debug, Clone)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
    /// The folded query, words joined by single spaces.
    pub pattern: Arc<str>,
    positions: OnceLock<Vec<usize>>,
}

impl Hit {
    pub fn new(entry: usize, score: i64, pattern: Arc<str>) -> Hit {
        Hit {
            entry,
            score,
            pattern,
            positions: OnceLock::new(),
        }
    }

    /// The matched character positions in `text`, the entry's text, found
    /// the first time they are asked for.
    pub fn positions(&self, text: &str) -> &[usize] {
        self.positions
            .get_or_init(|| rank::positions(text, &self.pattern))
    }
}

/// Hits are the same when they name the same entry with the same score for
/// the same query, whether or not their positions were found yet.
impl PartialEq for Hit {
    fn eq(&self, other: &Hit) -> bool {
        (self.entry, self.score, &self.pattern) == (other.entry, other.score, &other.pattern)
    }
}

impl Eq for Hit {}

impl Index {
    /// Entries matching `query`, best first, at most `limit` (see
    /// [`Searcher`] to search as someone types).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        Searcher::default().search(self, query, limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::text::fold;

    #[test]
    fn folded_queries_find_marked_text() {
        let c = Corpus::bundled();
        let idx = Index::build(&c);
        let hits = idx.search("ngo dong hai", 5);
        assert!(!hits.is_empty());
        let top = idx.entry(hits[0].entry);
        assert_eq!(top.kind, Kind::Official);
        assert!(top.text.starts_with("Ngô Đông Hải"));
        // The matched characters are those of the name.
        let chars: Vec<char> = top.text.chars().collect();
        let matched: String = hits[0]
            .positions(top.text)
            .iter()
            .map(|&i| chars[i])
            .collect();
        assert_eq!(fold(&matched).replace(' ', ""), "ngodonghai");
    }

    #[test]
    fn both_tone_styles_match() {
        let c = Corpus::bundled();
        let idx = Index::build(&c);
        let texts: Vec<&str> = idx
            .search("uy ban", 200)
            .iter()
            .map(|h| idx.entry(h.entry).text)
            .collect();
        assert!(texts.iter().any(|t| t.contains("Ủy ban")));
        assert!(
            texts
                .iter()
                .any(|t| t.contains("Uỷ ban") || t.contains("UBND"))
        );
    }
}
