//! `tinhuy changes --province P --from D1 --to D2`: who took and who left
//! which key post between two dates.

use std::io::Write;

use anyhow::bail;
use serde::Serialize;

use super::table::{Output, write_csv, write_table};
use crate::corpus::Corpus;
use crate::corpus::changes::{self, Change};
use crate::corpus::leadership::Tenure;
use crate::extract::Date;
use tinhuy::gazetteer::provinces;

#[derive(Serialize)]
struct ChangesOut<'a> {
    province: &'a str,
    from: Date,
    to: Date,
    changes: &'a [Change],
}

/// Runs the command. With no change known, the table form says so on
/// stderr and exits with 1, as the other commands do when nothing matches.
pub fn run(
    corpus: &Corpus,
    province: &str,
    from: Date,
    to: Date,
    output: Output,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let Some(unit) = provinces::lookup(province) else {
        bail!("no province named {province:?}");
    };
    let found = changes::changes(corpus, province, from, to);
    let name = |t: &Option<Tenure>| t.as_ref().map(|t| t.name.clone()).unwrap_or_default();
    let since = |t: &Option<Tenure>| t.as_ref().map(|t| t.from.to_string()).unwrap_or_default();
    match output {
        Output::Json => {
            let doc = ChangesOut {
                province: unit.name,
                from,
                to,
                changes: &found,
            };
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        Output::Csv => {
            let rows: Vec<Vec<String>> = found
                .iter()
                .map(|c| vec![c.post.clone(), name(&c.left), name(&c.took), since(&c.took)])
                .collect();
            write_csv(out, &["post", "left", "took", "took_since"], &rows)?;
        }
        Output::Table if found.is_empty() => {
            writeln!(
                err,
                "tinhuy: no change known in the key posts of {} between {from} and {to}",
                unit.name
            )?;
            return Ok(1);
        }
        Output::Table => {
            writeln!(out, "{}: {from} → {to}", unit.name)?;
            let dash = |s: String| if s.is_empty() { "—".to_string() } else { s };
            let rows: Vec<Vec<String>> = found
                .iter()
                .map(|c| {
                    vec![
                        c.post.clone(),
                        dash(name(&c.left)),
                        dash(name(&c.took)),
                        since(&c.took),
                    ]
                })
                .collect();
            write_table(out, &["Post", "Left", "Took", "Since"], &rows)?;
        }
    }
    Ok(0)
}
