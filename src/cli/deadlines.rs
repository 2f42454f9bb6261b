//! `tinhuy deadlines [--province P] [--due-before D] [--today D]`: every
//! conclusion with a deadline, soonest first, marked overdue or due soon.

use std::io::Write;

use serde::Serialize;

use super::table::{Output, write_csv, write_table};
use crate::corpus::deadlines::{self, Due, Urgency};
use crate::corpus::{Corpus, query};
use crate::extract::Date;
use tinhuy::ui::text::{safe, truncate};

/// Longest conclusion shown in the table, in cells; JSON and CSV give it whole.
const TEXT_CELLS: usize = 90;

#[derive(Serialize)]
struct DueOut<'a> {
    due: Date,
    urgency: Urgency,
    province: Option<&'a str>,
    speaker: Option<&'a str>,
    text: &'a str,
    meeting_date: Option<Date>,
    article: &'a str,
}

/// Which deadlines to show, and the day urgency is measured from.
pub struct Filter<'a> {
    pub province: Option<&'a str>,
    pub due_before: Option<Date>,
    pub today: Date,
}

/// Today by the system clock (UTC).
pub fn system_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_seconds(secs)
}

fn urgency_word(u: Urgency) -> &'static str {
    match u {
        Urgency::Overdue => "overdue",
        Urgency::Soon => "due soon",
        Urgency::Later => "",
    }
}

/// The deadlines the filter lets through: in the province (by its name
/// then or its unit since 2025), and due (by their last day) before the
/// first day of `due_before`.
fn selected<'a>(all: &'a [Due], filter: &Filter) -> Vec<&'a Due> {
    all.iter()
        .filter(|d| {
            filter
                .province
                .is_none_or(|p| query::province_matches(d.province.as_deref(), p))
        })
        .filter(|d| {
            filter
                .due_before
                .is_none_or(|b| d.due.last_day().days() < b.days())
        })
        .collect()
}

/// A deadline's cells: due, urgency, province, speaker, conclusion (cut
/// to `text_cells` when given, for the table), meeting date, article.
fn cells(r: &DueOut, text_cells: Option<usize>) -> Vec<String> {
    let opt = |s: Option<&str>| s.unwrap_or_default().to_string();
    let text = match text_cells {
        Some(n) => truncate(&safe(r.text), n).into_owned(),
        None => r.text.to_string(),
    };
    vec![
        r.due.to_string(),
        urgency_word(r.urgency).to_string(),
        opt(r.province),
        opt(r.speaker),
        text,
        r.meeting_date.map(|d| d.to_string()).unwrap_or_default(),
        r.article.to_string(),
    ]
}

/// Runs the command. With nothing to show, the table form says so on
/// stderr and exits with 1.
pub fn run(
    corpus: &Corpus,
    filter: &Filter,
    output: Output,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let all = deadlines::deadlines(corpus);
    let rows: Vec<DueOut> = selected(&all, filter)
        .into_iter()
        .map(|d| DueOut {
            due: d.due,
            urgency: deadlines::urgency(d.due, filter.today),
            province: d.province.as_deref(),
            speaker: d.speaker.as_deref(),
            text: &d.text,
            meeting_date: corpus.meetings.get(d.meeting).and_then(|m| m.date),
            article: &corpus.articles[d.article].id,
        })
        .collect();
    match output {
        Output::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
        Output::Csv => {
            let lines: Vec<Vec<String>> = rows.iter().map(|r| cells(r, None)).collect();
            write_csv(
                out,
                &[
                    "due",
                    "urgency",
                    "province",
                    "speaker",
                    "text",
                    "meeting_date",
                    "article",
                ],
                &lines,
            )?;
        }
        Output::Table if rows.is_empty() => {
            writeln!(err, "tinhuy: no conclusion with a deadline matches")?;
            return Ok(1);
        }
        Output::Table => {
            writeln!(out, "Deadlines as of {}", filter.today)?;
            let lines: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let mut c = cells(r, Some(TEXT_CELLS));
                    c.truncate(5);
                    c
                })
                .collect();
            write_table(
                out,
                &["Due", "", "Province", "Speaker", "Conclusion"],
                &lines,
            )?;
        }
    }
    Ok(0)
}
