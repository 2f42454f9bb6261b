//! `tinhuy search QUERY`: the search of the app, for scripts. From a store
//! it reads only the entries that can match, not the corpus.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::corpus::sqlite;
use crate::search::{Hit, Index, Kind, Target, stored};

#[derive(Serialize)]
struct HitOut<'a> {
    kind: Kind,
    text: &'a str,
    score: i64,
    /// Matched character positions in `text`.
    positions: &'a [usize],
    target: &'a Target,
}

/// Runs the subcommand on the corpus at `corpus` (the bundled one when
/// None); returns 1 when nothing matches.
pub fn run(
    corpus: Option<&Path>,
    q: &str,
    limit: usize,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let (index, hits) = match corpus {
        Some(path) if sqlite::is_store(path) => {
            let conn = sqlite::open(path)?;
            let found = stored::search(&conn, q, limit).map_err(sqlite::store_error(path))?;
            (found.entries, found.hits)
        }
        _ => {
            let index = Index::build(&super::load_corpus(corpus)?);
            let hits = index.search(q, limit);
            (index, hits)
        }
    };
    print_hits(&index, &hits, json, out)?;
    if hits.is_empty() {
        // Said apart from the results, so a script reading them sees none.
        writeln!(err, "tinhuy: no match for {q:?}")?;
        return Ok(1);
    }
    Ok(0)
}

fn print_hits(index: &Index, hits: &[Hit], json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    if json {
        let rows: Vec<HitOut> = hits
            .iter()
            .map(|h| {
                let e = index.entry(h.entry);
                HitOut {
                    kind: e.kind,
                    text: e.text,
                    score: h.score,
                    positions: h.positions(e.text),
                    target: e.target,
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
    } else {
        for h in hits {
            let e = index.entry(h.entry);
            writeln!(out, "{:<10} {}", e.kind.label(), e.text)?;
        }
    }
    Ok(())
}
