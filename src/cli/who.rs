//! `tinhuy who TITLE [--province P] [--on DATE]`: who held a post, from when
//! to when as far as the corpus shows.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::corpus::{Corpus, query, sqlite};
use crate::extract::Date;

#[derive(Serialize)]
struct HolderOut<'a> {
    name: &'a str,
    title: &'a str,
    province: Option<&'a str>,
    first_seen: Option<Date>,
    last_seen: Option<Date>,
    meetings: usize,
    /// Whether this holder answers the `--on` date.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    on_date: bool,
}

/// The corpus to ask about `title`: from a store only the people who held
/// it.
pub fn load(path: Option<&Path>, title: &str) -> anyhow::Result<Corpus> {
    match path {
        Some(p) if sqlite::is_store(p) => Ok(sqlite::load_holders(p, title)?),
        _ => super::load_corpus(path),
    }
}

pub fn run(
    corpus: &Corpus,
    title: &str,
    province: Option<&str>,
    on: Option<Date>,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let answer = query::who(corpus, title, province, on);
    let rows: Vec<HolderOut> = answer
        .holders
        .iter()
        .enumerate()
        .map(|(i, h)| HolderOut {
            name: &corpus.people[h.person].name,
            title: &h.spell.title,
            province: h.spell.province.as_deref(),
            first_seen: h.spell.first_seen,
            last_seen: h.spell.last_seen,
            meetings: h.spell.meetings.len(),
            on_date: answer.on_date.contains(&i),
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
    } else if rows.is_empty() {
        writeln!(
            err,
            "tinhuy: nobody seen holding {title:?}{}",
            province.map(|p| format!(" in {p}")).unwrap_or_default()
        )?;
        return Ok(1);
    } else {
        for r in &rows {
            let mark = if r.on_date { "→ " } else { "  " };
            writeln!(
                out,
                "{mark}{} – {}  {}  ({}{}, {} meeting{})",
                super::date_text(r.first_seen),
                super::date_text(r.last_seen),
                r.name,
                r.title,
                r.province.map(|p| format!(", {p}")).unwrap_or_default(),
                r.meetings,
                if r.meetings == 1 { "" } else { "s" }
            )?;
        }
        if on.is_some() && answer.on_date.is_empty() {
            writeln!(
                err,
                "nobody is known to hold it on {}",
                on.map(|d| d.to_string()).unwrap_or_default()
            )?;
        }
    }
    Ok(0)
}
