//! The corpus as stored: articles with their facts and text, the meetings
//! they report, and the people resolved across articles.

use serde::{Deserialize, Serialize};

use crate::extract::{ArticleFacts, Date, Role};

/// Name of the format, written in every corpus file so other JSON is told
/// apart from a corpus.
pub const SCHEMA: &str = "tinhuy-corpus";
/// Version of the format this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Articles, meetings and people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub schema: String,
    pub schema_version: u32,
    // Meetings and people come before the articles in the file, so that a
    // reader can show them while the articles, nine tenths of it, load.
    pub meetings: Vec<Meeting>,
    pub people: Vec<Person>,
    pub articles: Vec<Article>,
}

impl Default for Corpus {
    fn default() -> Self {
        Corpus {
            schema: SCHEMA.to_string(),
            schema_version: SCHEMA_VERSION,
            articles: Vec::new(),
            meetings: Vec::new(),
            people: Vec::new(),
        }
    }
}

/// One article: where it came from, its facts and its normalized text,
/// which the facts' spans point into.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// File stem, unique in the corpus.
    pub id: String,
    /// The path it was ingested from.
    pub file: String,
    /// Index of the meeting it reports.
    pub meeting: usize,
    /// For each entry of `facts.people`, the index of the resolved person.
    pub people: Vec<usize>,
    pub facts: ArticleFacts,
    pub text: String,
}

impl Article {
    /// The date the article's facts are true on: the meeting's, else the
    /// publication day.
    pub fn date(&self) -> Option<Date> {
        self.facts.meeting.date.or(self.facts.published)
    }
}

/// A meeting, reported by one or more articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub articles: Vec<usize>,
    pub title: Option<String>,
    pub province: Option<String>,
    pub date: Option<Date>,
    pub body: Option<String>,
    pub session: Option<u32>,
    pub term: Option<String>,
    /// Indices of the people who chaired.
    pub chairs: Vec<usize>,
}

/// One real official, seen in one or more articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    /// The province they serve in, or "Trung ương" for central officials.
    pub scope: String,
    /// Each meeting they attended and their part in it.
    pub appearances: Vec<Appearance>,
    /// Their posts over time, earliest first.
    pub timeline: Vec<Spell>,
    /// Records of other provinces joined into this one, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<MergeReason>,
}

/// Why two records of one name in different provinces are one official.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeReason {
    pub kind: MergeKind,
    /// The article that shows it: the first one in the merged province
    /// (`Merger`), or the one naming both provinces' posts (`Bridge`).
    pub article: usize,
    /// The province of the record joined in.
    pub from: String,
    /// The province it was joined to.
    pub to: String,
    /// What the article says: the post that bridges ("nguyên Bí thư Tỉnh
    /// ủy Bà Rịa - Vũng Tàu"), or the posts before and after the merger.
    pub evidence: String,
}

/// How two records were found to be one official.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MergeKind {
    /// Their province merged into another on 1 July 2025 and the posts
    /// continue there.
    Merger,
    /// One article names their posts in both provinces.
    Bridge,
}

impl MergeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MergeKind::Merger => "merger",
            MergeKind::Bridge => "bridge",
        }
    }
}

/// A person at one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appearance {
    pub meeting: usize,
    pub article: usize,
    pub roles: Vec<Role>,
    pub date: Option<Date>,
}

/// A post held, as far as the corpus shows: first and last date seen and
/// the meetings that show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spell {
    /// The title as written (most common spelling).
    pub title: String,
    pub province: Option<String>,
    pub first_seen: Option<Date>,
    pub last_seen: Option<Date>,
    pub meetings: Vec<usize>,
}

/// Scope of officials who serve the whole country.
pub const CENTRAL: &str = "Trung ương";
