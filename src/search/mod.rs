//! Search over everything in a corpus: officials, positions, meetings,
//! conclusions and provinces, matched fuzzily on folded text so diacritics
//! and tone placement do not matter, with the matched characters mapped
//! back onto the original text for highlighting.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::corpus::{Corpus, query};
use crate::gazetteer::provinces;
use crate::text::fold::has_diacritics;
use crate::text::{Folded, fold};

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
}

/// What a search entry leads to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Target {
    Person { person: usize },
    Spell { person: usize, spell: usize },
    Meeting { meeting: usize },
    Conclusion { article: usize, conclusion: usize },
    Province { name: String },
}

/// A searchable line of text.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: Kind,
    pub target: Target,
    /// The text shown, as written.
    pub text: String,
    folded: Folded,
    /// Lower-case original, for ranking hits that keep the query's marks.
    lower: String,
}

/// A matching entry with its score and the matched character positions in
/// `Entry::text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
    pub positions: Vec<usize>,
}

/// All entries of a corpus, ready to search.
pub struct Index {
    pub entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("entries", &self.entries.len())
            .finish()
    }
}

fn entry(kind: Kind, target: Target, text: String) -> Entry {
    Entry {
        kind,
        target,
        folded: Folded::new(&text),
        lower: text.to_lowercase(),
        text,
    }
}

impl Index {
    /// Builds the entries of a corpus.
    pub fn build(corpus: &Corpus) -> Index {
        let mut entries = Vec::new();
        for (pi, p) in corpus.people.iter().enumerate() {
            let titles: Vec<&str> = p
                .timeline
                .iter()
                .rev()
                .map(|s| s.title.as_str())
                .take(3)
                .collect();
            let text = if titles.is_empty() {
                format!("{} — {}", p.name, p.scope)
            } else {
                format!("{} — {} — {}", p.name, titles.join(", "), p.scope)
            };
            entries.push(entry(Kind::Official, Target::Person { person: pi }, text));
            for (si, s) in p.timeline.iter().enumerate() {
                // "Chủ tịch UBND tỉnh Thái Bình": a central post names no place.
                let text = match &s.province {
                    Some(place) => format!("{} {place} — {}", s.title, p.name),
                    None => format!("{} — {}", s.title, p.name),
                };
                entries.push(entry(
                    Kind::Position,
                    Target::Spell {
                        person: pi,
                        spell: si,
                    },
                    text,
                ));
            }
        }
        for (mi, m) in corpus.meetings.iter().enumerate() {
            let text = format!(
                "{} · {} · {} · {}",
                m.date.map(|d| d.to_string()).unwrap_or_default(),
                m.body.as_deref().unwrap_or("?"),
                m.province.as_deref().unwrap_or("?"),
                m.title.as_deref().unwrap_or("")
            );
            entries.push(entry(Kind::Meeting, Target::Meeting { meeting: mi }, text));
        }
        for (ai, a) in corpus.articles.iter().enumerate() {
            for (ci, c) in a.facts.conclusions.iter().enumerate() {
                let text = match &c.speaker {
                    Some(s) => format!("{} — {s}", c.text),
                    None => c.text.clone(),
                };
                entries.push(entry(
                    Kind::Conclusion,
                    Target::Conclusion {
                        article: ai,
                        conclusion: ci,
                    },
                    text,
                ));
            }
        }
        for (name, n) in query::provinces_with_counts(corpus) {
            if name.is_empty() {
                continue;
            }
            let merged = provinces::lookup(&name)
                .map(|p| p.merged_into)
                .filter(|m| *m != name);
            let text = match merged {
                Some(m) => format!("{name} (since 2025: {m}) — {n} meetings"),
                None => format!("{name} — {n} meetings"),
            };
            entries.push(entry(Kind::Province, Target::Province { name }, text));
        }
        Index {
            entries,
            matcher: SkimMatcherV2::default(),
        }
    }

    /// Entries matching `query`, best first, at most `limit`. A query typed
    /// with diacritics ranks entries that keep them above folded matches.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = query.trim();
        if q.is_empty() {
            return Vec::new();
        }
        let folded_query = fold(q);
        let marked = has_diacritics(q);
        let lower_query = q.to_lowercase();
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let (score, idx) = self.matcher.fuzzy_indices(&e.folded.text, &folded_query)?;
                let mut score = score;
                if marked && self.matcher.fuzzy_match(&e.lower, &lower_query).is_some() {
                    score += 1_000;
                }
                Some(Hit {
                    entry: i,
                    score,
                    positions: e.folded.original_indices(&idx),
                })
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(self.entries[a.entry].kind.cmp(&self.entries[b.entry].kind))
                .then(a.entry.cmp(&b.entry))
        });
        hits.truncate(limit);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_queries_find_marked_text() {
        let c = Corpus::bundled();
        let idx = Index::build(&c);
        let hits = idx.search("ngo dong hai", 5);
        assert!(!hits.is_empty());
        let top = &idx.entries[hits[0].entry];
        assert_eq!(top.kind, Kind::Official);
        assert!(top.text.starts_with("Ngô Đông Hải"));
        // The matched characters are those of the name.
        let chars: Vec<char> = top.text.chars().collect();
        let matched: String = hits[0].positions.iter().map(|&i| chars[i]).collect();
        assert_eq!(fold(&matched).replace(' ', ""), "ngodonghai");
    }

    #[test]
    fn both_tone_styles_match() {
        let c = Corpus::bundled();
        let idx = Index::build(&c);
        let texts: Vec<&str> = idx
            .search("uy ban", 200)
            .iter()
            .map(|h| idx.entries[h.entry].text.as_str())
            .collect();
        assert!(texts.iter().any(|t| t.contains("Ủy ban")));
        assert!(
            texts
                .iter()
                .any(|t| t.contains("Uỷ ban") || t.contains("UBND"))
        );
    }
}
