//! `tinhuy search QUERY`: the search of the app, for scripts.

use std::io::Write;

use serde::Serialize;

use crate::corpus::Corpus;
use crate::search::{Index, Kind, Target};

#[derive(Serialize)]
struct HitOut<'a> {
    kind: Kind,
    text: &'a str,
    score: i64,
    /// Matched character positions in `text`.
    positions: &'a [usize],
    target: &'a Target,
}

/// Runs the subcommand; returns 1 when nothing matches.
pub fn run(
    corpus: &Corpus,
    q: &str,
    limit: usize,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let index = Index::build(corpus);
    let hits = index.search(q, limit);
    if json {
        let rows: Vec<HitOut> = hits
            .iter()
            .map(|h| {
                let e = index.entry(h.entry);
                HitOut {
                    kind: e.kind,
                    text: e.text,
                    score: h.score,
                    positions: &h.positions,
                    target: e.target,
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
    } else {
        for h in &hits {
            let e = index.entry(h.entry);
            writeln!(out, "{:<10} {}", e.kind.label(), e.text)?;
        }
    }
    if hits.is_empty() {
        // Said apart from the results, so a script reading them sees none.
        writeln!(err, "tinhuy: no match for {q:?}")?;
        return Ok(1);
    }
    Ok(0)
}
