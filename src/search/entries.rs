//! What is searchable in a corpus, and how each entry reads.
//!
//! Entries come kind by kind (officials, positions, meetings, conclusions,
//! provinces), so an entry's number orders entries of equal score the way
//! the result list shows them: by kind, then in corpus order.

use crate::corpus::{Corpus, query};
use crate::gazetteer::provinces;

use super::{Kind, Target};

/// Calls `add` once per entry of `corpus`, in result-list order.
pub fn each_entry(corpus: &Corpus, mut add: impl FnMut(Kind, Target, String)) {
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
        add(Kind::Official, Target::Person { person: pi }, text);
    }
    for (pi, p) in corpus.people.iter().enumerate() {
        for (si, s) in p.timeline.iter().enumerate() {
            // "Chủ tịch UBND tỉnh Thái Bình": a central post names no place.
            let text = match &s.province {
                Some(place) => format!("{} {place} — {}", s.title, p.name),
                None => format!("{} — {}", s.title, p.name),
            };
            let target = Target::Spell {
                person: pi,
                spell: si,
            };
            add(Kind::Position, target, text);
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
        add(Kind::Meeting, Target::Meeting { meeting: mi }, text);
    }
    for (ai, a) in corpus.articles.iter().enumerate() {
        for (ci, c) in a.facts.conclusions.iter().enumerate() {
            let text = match &c.speaker {
                Some(s) => format!("{} — {s}", c.text),
                None => c.text.clone(),
            };
            let target = Target::Conclusion {
                article: ai,
                conclusion: ci,
            };
            add(Kind::Conclusion, target, text);
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
        add(Kind::Province, Target::Province { name }, text);
    }
}
