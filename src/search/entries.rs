//! What is searchable in a corpus, and how each entry reads.
//!
//! Entries come kind by kind (officials, positions, meetings, conclusions,
//! provinces), so an entry's number orders entries of equal score the way
//! the result list shows them: by kind, then in corpus order.

use crate::corpus::Corpus;
use crate::corpus::{Meeting, Person, Spell, query};
use crate::extract::Conclusion;
use crate::gazetteer::provinces;

use super::{Kind, Target};

/// Calls `add` once per entry of `corpus`, in result-list order.
pub fn each_entry(corpus: &Corpus, mut add: impl FnMut(Kind, Target, String)) {
    for (pi, p) in corpus.people.iter().enumerate() {
        add(
            Kind::Official,
            Target::Person { person: pi },
            official_text(p),
        );
    }
    for (pi, p) in corpus.people.iter().enumerate() {
        for (si, s) in p.timeline.iter().enumerate() {
            let target = Target::Spell {
                person: pi,
                spell: si,
            };
            add(Kind::Position, target, spell_text(p, s));
        }
    }
    for (mi, m) in corpus.meetings.iter().enumerate() {
        add(
            Kind::Meeting,
            Target::Meeting { meeting: mi },
            meeting_text(m),
        );
    }
    for (ai, a) in corpus.articles.iter().enumerate() {
        for (ci, c) in a.facts.conclusions.iter().enumerate() {
            let target = Target::Conclusion {
                article: ai,
                conclusion: ci,
            };
            add(Kind::Conclusion, target, conclusion_text(c));
        }
    }
    for (name, n) in query::provinces_with_counts(corpus) {
        if name.is_empty() {
            continue;
        }
        let text = province_text(&name, n);
        add(Kind::Province, Target::Province { name }, text);
    }
}

/// An official: name, latest three posts, scope.
pub fn official_text(p: &Person) -> String {
    let titles: Vec<&str> = p
        .timeline
        .iter()
        .rev()
        .map(|s| s.title.as_str())
        .take(3)
        .collect();
    if titles.is_empty() {
        format!("{} — {}", p.name, p.scope)
    } else {
        format!("{} — {} — {}", p.name, titles.join(", "), p.scope)
    }
}

/// A post held: "Chủ tịch UBND tỉnh Thái Bình — name"; a central post
/// names no place.
pub fn spell_text(p: &Person, s: &Spell) -> String {
    match &s.province {
        Some(place) => format!("{} {place} — {}", s.title, p.name),
        None => format!("{} — {}", s.title, p.name),
    }
}

pub fn meeting_text(m: &Meeting) -> String {
    format!(
        "{} · {} · {} · {}",
        m.date.map(|d| d.to_string()).unwrap_or_default(),
        m.body.as_deref().unwrap_or("?"),
        m.province.as_deref().unwrap_or("?"),
        m.title.as_deref().unwrap_or("")
    )
}

pub fn conclusion_text(c: &Conclusion) -> String {
    match &c.speaker {
        Some(s) => format!("{} — {s}", c.text),
        None => c.text.clone(),
    }
}

/// A province with its number of meetings, and what it merged into.
pub fn province_text(name: &str, meetings: usize) -> String {
    let merged = provinces::lookup(name)
        .map(|p| p.merged_into)
        .filter(|m| *m != name);
    match merged {
        Some(m) => format!("{name} (since 2025: {m}) — {meetings} meetings"),
        None => format!("{name} — {meetings} meetings"),
    }
}
