//! What is searchable in a corpus, and how each entry reads.
//!
//! Entries come kind by kind (officials, positions, meetings, conclusions,
//! provinces), so an entry's number orders entries of equal score the way
//! the result list shows them: by kind, then in corpus order.

use std::fmt::Write;

use crate::corpus::Corpus;
use crate::corpus::{Meeting, Person, Spell, query};
use crate::extract::Conclusion;
use crate::gazetteer::provinces;

use super::{Kind, Target};

/// Calls `add` once per entry of `corpus`, in result-list order. Each text
/// is written into one buffer, used again for the next entry: a caller
/// copies what it keeps.
pub fn each_entry(corpus: &Corpus, mut add: impl FnMut(Kind, Target, &str)) {
    let mut text = String::new();
    for (pi, p) in corpus.people.iter().enumerate() {
        text.clear();
        write_official(p, &mut text);
        add(Kind::Official, Target::Person { person: pi }, &text);
    }
    for (pi, p) in corpus.people.iter().enumerate() {
        for (si, s) in p.timeline.iter().enumerate() {
            let target = Target::Spell {
                person: pi,
                spell: si,
            };
            text.clear();
            write_spell(p, s, &mut text);
            add(Kind::Position, target, &text);
        }
    }
    for (mi, m) in corpus.meetings.iter().enumerate() {
        text.clear();
        write_meeting(m, &mut text);
        add(Kind::Meeting, Target::Meeting { meeting: mi }, &text);
    }
    for (ai, a) in corpus.articles.iter().enumerate() {
        for (ci, c) in a.facts.conclusions.iter().enumerate() {
            let target = Target::Conclusion {
                article: ai,
                conclusion: ci,
            };
            text.clear();
            write_conclusion(c, &mut text);
            add(Kind::Conclusion, target, &text);
        }
    }
    for (name, n) in query::provinces_with_counts(corpus) {
        if name.is_empty() {
            continue;
        }
        let text = province_text(&name, n);
        add(Kind::Province, Target::Province { name }, &text);
    }
}

/// How many entries [`each_entry`] gives for `corpus`, but for the
/// provinces: a few dozen at most.
pub fn entries_but_provinces(corpus: &Corpus) -> usize {
    let spells: usize = corpus.people.iter().map(|p| p.timeline.len()).sum();
    let conclusions: usize = corpus
        .articles
        .iter()
        .map(|a| a.facts.conclusions.len())
        .sum();
    corpus.people.len() + spells + corpus.meetings.len() + conclusions
}

/// An official: name, latest three posts, scope.
pub fn official_text(p: &Person) -> String {
    let mut out = String::new();
    write_official(p, &mut out);
    out
}

/// [`official_text`], appended to `out`.
fn write_official(p: &Person, out: &mut String) {
    out.push_str(&p.name);
    out.push_str(" — ");
    for (i, s) in p.timeline.iter().rev().take(3).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&s.title);
    }
    if !p.timeline.is_empty() {
        out.push_str(" — ");
    }
    out.push_str(&p.scope);
}

/// A post held: "Chủ tịch UBND tỉnh Thái Bình — name"; a central post
/// names no place.
pub fn spell_text(p: &Person, s: &Spell) -> String {
    let mut out = String::new();
    write_spell(p, s, &mut out);
    out
}

/// [`spell_text`], appended to `out`.
fn write_spell(p: &Person, s: &Spell, out: &mut String) {
    out.push_str(&s.title);
    if let Some(place) = &s.province {
        out.push(' ');
        out.push_str(place);
    }
    out.push_str(" — ");
    out.push_str(&p.name);
}

pub fn meeting_text(m: &Meeting) -> String {
    let mut out = String::new();
    write_meeting(m, &mut out);
    out
}

/// [`meeting_text`], appended to `out`.
fn write_meeting(m: &Meeting, out: &mut String) {
    if let Some(d) = m.date {
        write!(out, "{d}").expect("a String takes any text");
    }
    out.push_str(" · ");
    out.push_str(m.body.as_deref().unwrap_or("?"));
    out.push_str(" · ");
    out.push_str(m.province.as_deref().unwrap_or("?"));
    out.push_str(" · ");
    out.push_str(m.title.as_deref().unwrap_or(""));
}

pub fn conclusion_text(c: &Conclusion) -> String {
    let mut out = String::new();
    write_conclusion(c, &mut out);
    out
}

/// [`conclusion_text`], appended to `out`.
fn write_conclusion(c: &Conclusion, out: &mut String) {
    out.push_str(&c.text);
    if let Some(s) = &c.speaker {
        out.push_str(" — ");
        out.push_str(s);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts as first written, with `format!`.
    fn official_plainly(p: &Person) -> String {
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

    fn spell_plainly(p: &Person, s: &Spell) -> String {
        match &s.province {
            Some(place) => format!("{} {place} — {}", s.title, p.name),
            None => format!("{} — {}", s.title, p.name),
        }
    }

    fn meeting_plainly(m: &Meeting) -> String {
        format!(
            "{} · {} · {} · {}",
            m.date.map(|d| d.to_string()).unwrap_or_default(),
            m.body.as_deref().unwrap_or("?"),
            m.province.as_deref().unwrap_or("?"),
            m.title.as_deref().unwrap_or("")
        )
    }

    fn conclusion_plainly(c: &Conclusion) -> String {
        match &c.speaker {
            Some(s) => format!("{} — {s}", c.text),
            None => c.text.clone(),
        }
    }

    #[test]
    fn entries_read_as_formatted() {
        let mut c = Corpus::bundled();
        // Cases the bundled corpus may lack: no posts, more than three,
        // a meeting without its facts, a conclusion without a speaker.
        let mut bare = c.people[0].clone();
        bare.timeline.clear();
        let mut busy = c.people[0].clone();
        for i in 0..5 {
            let mut s = busy.timeline[0].clone();
            s.title = format!("Chức vụ {i}");
            s.province = (i % 2 == 0).then(|| "Thái Bình".to_string());
            busy.timeline.push(s);
        }
        c.people.extend([bare, busy]);
        let mut m = c.meetings[0].clone();
        (m.date, m.body, m.province, m.title) = (None, None, None, None);
        c.meetings.push(m);
        let mut con = c.articles[0].facts.conclusions.first().cloned();
        if let Some(x) = con.as_mut() {
            x.speaker = None;
            c.articles[0].facts.conclusions.push(x.clone());
        }
        for p in &c.people {
            assert_eq!(official_text(p), official_plainly(p));
            for s in &p.timeline {
                assert_eq!(spell_text(p, s), spell_plainly(p, s));
            }
        }
        for m in &c.meetings {
            assert_eq!(meeting_text(m), meeting_plainly(m));
        }
        for a in &c.articles {
            for x in &a.facts.conclusions {
                assert_eq!(conclusion_text(x), conclusion_plainly(x));
            }
        }
        let mut entries = 0;
        each_entry(&c, |kind, _, _| {
            entries += usize::from(kind != Kind::Province)
        });
        assert_eq!(entries_but_provinces(&c), entries);
    }
}
