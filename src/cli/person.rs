//! `tinhuy person QUERY`: the official best matching a name, with meetings,
//! posts over time and the people most often seen with them.

use std::io::Write;

use serde::Serialize;

use crate::corpus::model::MergeKind;
use crate::corpus::{Corpus, query};
use crate::extract::{Date, Role};
use crate::search::{Index, Kind, Target};
use crate::text::lex_key;

#[derive(Serialize)]
struct PersonOut<'a> {
    name: &'a str,
    scope: &'a str,
    meetings: Vec<MeetingOut<'a>>,
    timeline: Vec<SpellOut<'a>>,
    seen_with: Vec<Companion<'a>>,
    /// Records of other provinces found to be this official, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    merged: Vec<MergeOut<'a>>,
    /// Other officials the query matches as well as this one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    also_matching: Vec<Match<'a>>,
}

#[derive(Serialize)]
struct Match<'a> {
    name: &'a str,
    scope: &'a str,
}

#[derive(Serialize)]
struct MeetingOut<'a> {
    date: Option<Date>,
    province: Option<&'a str>,
    body: Option<&'a str>,
    title: Option<&'a str>,
    roles: &'a [Role],
    article: &'a str,
}

#[derive(Serialize)]
struct SpellOut<'a> {
    title: &'a str,
    province: Option<&'a str>,
    first_seen: Option<Date>,
    last_seen: Option<Date>,
    meetings: Vec<Option<Date>>,
}

#[derive(Serialize)]
struct MergeOut<'a> {
    kind: MergeKind,
    from: &'a str,
    to: &'a str,
    evidence: &'a str,
    article: &'a str,
    date: Option<Date>,
}

#[derive(Serialize)]
struct Companion<'a> {
    name: &'a str,
    meetings: usize,
}

/// The officials the query matches equally well, best first: the best one,
/// and any other scoring as high or bearing the same name (one name held
/// by officials of different provinces).
pub fn matching(corpus: &Corpus, index: &Index, q: &str) -> Vec<usize> {
    let hits: Vec<(usize, i64)> = index
        .search(q, 50)
        .into_iter()
        .filter_map(
            |h| match (index.entry(h.entry).kind, index.entry(h.entry).target) {
                (Kind::Official, Target::Person { person }) if *person < corpus.people.len() => {
                    Some((*person, h.score))
                }
                _ => None,
            },
        )
        .collect();
    let Some(&(best, top)) = hits.first() else {
        return Vec::new();
    };
    let name = lex_key(&corpus.people[best].name);
    let mut out: Vec<usize> = Vec::new();
    for (p, score) in hits {
        if (score == top || lex_key(&corpus.people[p].name) == name) && !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

pub fn run(
    corpus: &Corpus,
    q: &str,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let index = Index::build(corpus);
    let found = matching(corpus, &index, q);
    let Some((&pi, others)) = found.split_first() else {
        writeln!(err, "tinhuy: no official matches {q:?}")?;
        return Ok(1);
    };
    let view = person_out(corpus, pi, others);
    if json {
        serde_json::to_writer_pretty(&mut *out, &view)?;
        writeln!(out)?;
    } else {
        write_text(&view, q, out)?;
    }
    Ok(0)
}

/// What is shown of official `pi`; `others` are the other officials the
/// query matched.
fn person_out<'a>(corpus: &'a Corpus, pi: usize, others: &[usize]) -> PersonOut<'a> {
    let p = &corpus.people[pi];
    PersonOut {
        name: &p.name,
        scope: &p.scope,
        meetings: (p.appearances.iter())
            .map(|a| {
                let m = &corpus.meetings[a.meeting];
                MeetingOut {
                    date: m.date,
                    province: m.province.as_deref(),
                    body: m.body.as_deref(),
                    title: m.title.as_deref(),
                    roles: &a.roles,
                    article: &corpus.articles[a.article].id,
                }
            })
            .collect(),
        timeline: (p.timeline.iter())
            .map(|s| SpellOut {
                title: &s.title,
                province: s.province.as_deref(),
                first_seen: s.first_seen,
                last_seen: s.last_seen,
                meetings: s
                    .meetings
                    .iter()
                    .map(|&m| corpus.meetings[m].date)
                    .collect(),
            })
            .collect(),
        seen_with: query::companions(corpus, pi)
            .into_iter()
            .take(8)
            .map(|(o, n)| Companion {
                name: &corpus.people[o].name,
                meetings: n,
            })
            .collect(),
        merged: (p.merged.iter())
            .map(|m| {
                let a = corpus.articles.get(m.article);
                MergeOut {
                    kind: m.kind,
                    from: &m.from,
                    to: &m.to,
                    evidence: &m.evidence,
                    article: a.map_or("?", |a| a.id.as_str()),
                    date: a.and_then(|a| a.date()),
                }
            })
            .collect(),
        also_matching: (others.iter())
            .map(|&o| Match {
                name: &corpus.people[o].name,
                scope: &corpus.people[o].scope,
            })
            .collect(),
    }
}

/// The text output of `tinhuy person`: the official, then each part that
/// has something to show.
fn write_text(view: &PersonOut, q: &str, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} ({})", view.name, view.scope)?;
    if !view.also_matching.is_empty() {
        let others: Vec<String> = (view.also_matching.iter())
            .map(|m| format!("{} ({})", m.name, m.scope))
            .collect();
        writeln!(
            out,
            "{} officials match {q:?}; also: {}",
            others.len() + 1,
            others.join("; ")
        )?;
    }
    write_merged(&view.merged, out)?;
    writeln!(out, "\nPosts:")?;
    for s in &view.timeline {
        writeln!(
            out,
            "  {} – {}  {}{}",
            super::date_text(s.first_seen),
            super::date_text(s.last_seen),
            s.title,
            s.province.map(|p| format!(", {p}")).unwrap_or_default()
        )?;
    }
    write_meetings(&view.meetings, out)?;
    write_companions(&view.seen_with, out)
}

fn write_merged(merged: &[MergeOut], out: &mut dyn Write) -> std::io::Result<()> {
    if merged.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nOne official across provinces:")?;
    for m in merged {
        let why = match m.kind {
            MergeKind::Merger => "the 2025 merger",
            MergeKind::Bridge => "one article names both",
        };
        writeln!(
            out,
            "  {} → {} ({why}): {}  [{} {}]",
            m.from,
            m.to,
            m.evidence,
            super::date_text(m.date),
            m.article
        )?;
    }
    Ok(())
}

fn write_meetings(meetings: &[MeetingOut], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "\nMeetings ({}):", meetings.len())?;
    for m in meetings {
        let roles: Vec<&str> = m.roles.iter().map(|r| r.as_str()).collect();
        writeln!(
            out,
            "  {}  {} · {} [{}]  {}",
            super::date_text(m.date),
            m.body.unwrap_or("?"),
            m.province.unwrap_or("?"),
            roles.join(", "),
            m.title.unwrap_or("")
        )?;
    }
    Ok(())
}

fn write_companions(seen_with: &[Companion], out: &mut dyn Write) -> std::io::Result<()> {
    if seen_with.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nSeen most with:")?;
    for c in seen_with {
        writeln!(
            out,
            "  {} ({} meeting{})",
            c.name,
            c.meetings,
            if c.meetings == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}
