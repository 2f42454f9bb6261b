//! `tinhuy leaders PROVINCE [--on DATE]`: who held each key post of a
//! province on a date (by default the province's newest meeting).

use std::io::Write;

use anyhow::bail;
use serde::Serialize;

use super::table::{Output, write_csv, write_table};
use crate::corpus::Corpus;
use crate::corpus::leadership::{self, Tenure};
use crate::extract::Date;
use tinhuy::gazetteer::provinces;

/// What a post with no known holder shows in the table.
pub const NOBODY: &str = "— nobody known";

#[derive(Serialize)]
struct LeadersOut<'a> {
    province: &'a str,
    on: Date,
    posts: Vec<PostOut<'a>>,
}

#[derive(Serialize)]
struct PostOut<'a> {
    post: &'a str,
    holders: Vec<&'a Tenure>,
}

/// Runs the command; an unknown province, or one without meetings when no
/// date is given, is an error.
pub fn run(
    corpus: &Corpus,
    province: &str,
    on: Option<Date>,
    output: Output,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let Some(unit) = provinces::lookup(province) else {
        bail!("no province named {province:?}");
    };
    let Some(on) = on.or_else(|| leadership::newest_meeting_date(corpus, Some(province))) else {
        bail!(
            "no meeting of {} in the corpus to date the answer by; give --on DATE",
            unit.name
        );
    };
    let rows = leadership::timeline(corpus, province);
    let held = leadership::holders_on(&rows, on);
    let posts: Vec<PostOut> = held
        .into_iter()
        .map(|(post, holders)| PostOut { post, holders })
        .collect();
    match output {
        Output::Json => {
            let doc = LeadersOut {
                province: unit.name,
                on,
                posts,
            };
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        Output::Csv => write_csv(
            out,
            &["post", "name", "province", "since", "until", "meetings"],
            &csv_rows(&posts),
        )?,
        Output::Table => {
            writeln!(out, "{} on {on}", unit.name)?;
            write_table(
                out,
                &["Post", "Holder", "Since", "Meetings"],
                &table_rows(&posts, unit.name),
            )?;
        }
    }
    Ok(0)
}

/// One line per holder; a post nobody is known to hold gets one line too.
fn csv_rows(posts: &[PostOut]) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for p in posts {
        if p.holders.is_empty() {
            rows.push(vec![
                p.post.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        for t in &p.holders {
            rows.push(vec![
                p.post.to_string(),
                t.name.clone(),
                t.province.clone(),
                t.from.to_string(),
                t.to.map(|d| d.to_string()).unwrap_or_default(),
                t.meetings.to_string(),
            ]);
        }
    }
    rows
}

/// The table: the post named on its first line only; a holder in another
/// unit than the one asked for (a predecessor before the merger) with the
/// unit in brackets.
fn table_rows(posts: &[PostOut], asked: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for p in posts {
        if p.holders.is_empty() {
            rows.push(vec![
                p.post.to_string(),
                NOBODY.to_string(),
                String::new(),
                String::new(),
            ]);
        }
        for (i, t) in p.holders.iter().enumerate() {
            let name = if t.province == asked {
                t.name.clone()
            } else {
                format!("{} ({})", t.name, t.province)
            };
            rows.push(vec![
                if i == 0 {
                    p.post.to_string()
                } else {
                    String::new()
                },
                name,
                t.from.to_string(),
                t.meetings.to_string(),
            ]);
        }
    }
    rows
}
