//! `tinhuy export WHAT`: tables of the corpus as JSON, JSON lines or CSV;
//! the whole corpus as JSON or as an SQLite store (`--format sqlite -o FILE`).

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use super::table::csv_field;
use crate::corpus::Corpus;
use crate::corpus::model::{Appearance, Article, Meeting, Person, Spell};
use crate::extract::{Conclusion, Date};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    /// The whole corpus file.
    Corpus,
    /// One row per article and its main facts.
    Articles,
    /// One row per meeting.
    Meetings,
    /// One row per official post held (person, title, province, dates).
    Positions,
    /// One row per attendance (person at a meeting, with roles).
    Attendance,
    /// One row per conclusion.
    Conclusions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
    /// An SQLite store (the whole corpus only, to a file).
    Sqlite,
}

type Row = Vec<(&'static str, String)>;

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

fn rows(corpus: &Corpus, what: What) -> Vec<Row> {
    match what {
        What::Corpus => Vec::new(),
        What::Articles => corpus.articles.iter().map(article_row).collect(),
        What::Meetings => (corpus.meetings.iter().enumerate())
            .map(|(i, m)| meeting_row(corpus, i, m))
            .collect(),
        What::Positions => (corpus.people.iter())
            .flat_map(|p| p.timeline.iter().map(move |s| position_row(p, s)))
            .collect(),
        What::Attendance => (corpus.people.iter())
            .flat_map(|p| (p.appearances.iter()).map(move |a| attendance_row(corpus, p, a)))
            .collect(),
        What::Conclusions => (corpus.articles.iter())
            .flat_map(|a| {
                a.facts
                    .conclusions
                    .iter()
                    .map(move |c| conclusion_row(a, c))
            })
            .collect(),
    }
}

fn date(d: Option<Date>) -> String {
    opt(&d)
}

fn article_row(a: &Article) -> Row {
    let f = &a.facts;
    vec![
        ("id", a.id.clone()),
        ("file", a.file.clone()),
        ("title", opt(&f.title)),
        ("published", date(f.published)),
        ("province", opt(&f.province)),
        ("body", opt(&f.meeting.body)),
        ("meeting_date", date(f.meeting.date)),
        ("chairs", f.chairs.join("; ")),
        ("people", f.people.len().to_string()),
        ("conclusions", f.conclusions.len().to_string()),
        ("authors", f.authors.join("; ")),
    ]
}

fn meeting_row(corpus: &Corpus, i: usize, m: &Meeting) -> Row {
    let chairs: Vec<&str> = (m.chairs.iter())
        .map(|&p| corpus.people[p].name.as_str())
        .collect();
    vec![
        ("meeting", i.to_string()),
        ("date", date(m.date)),
        ("province", opt(&m.province)),
        ("body", opt(&m.body)),
        ("session", opt(&m.session)),
        ("term", opt(&m.term)),
        ("title", opt(&m.title)),
        ("chairs", chairs.join("; ")),
    ]
}

fn position_row(p: &Person, s: &Spell) -> Row {
    vec![
        ("person", p.name.clone()),
        ("title", s.title.clone()),
        ("province", opt(&s.province)),
        ("first_seen", date(s.first_seen)),
        ("last_seen", date(s.last_seen)),
        ("meetings", s.meetings.len().to_string()),
    ]
}

fn attendance_row(corpus: &Corpus, p: &Person, a: &Appearance) -> Row {
    let m = &corpus.meetings[a.meeting];
    let roles: Vec<&str> = a.roles.iter().map(|r| r.as_str()).collect();
    vec![
        ("person", p.name.clone()),
        ("date", date(m.date)),
        ("province", opt(&m.province)),
        ("body", opt(&m.body)),
        ("roles", roles.join("; ")),
        ("article", corpus.articles[a.article].id.clone()),
    ]
}

fn conclusion_row(a: &Article, c: &Conclusion) -> Row {
    vec![
        ("article", a.id.clone()),
        ("date", date(a.date())),
        ("province", opt(&a.facts.province)),
        ("speaker", opt(&c.speaker)),
        ("deadline", date(c.deadline)),
        ("text", c.text.clone()),
    ]
}

fn to_object(row: &Row) -> serde_json::Map<String, serde_json::Value> {
    row.iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.clone())))
        .collect()
}

pub fn run(
    corpus: &Corpus,
    what: What,
    format: Format,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    if format == Format::Sqlite {
        anyhow::ensure!(
            what == What::Corpus,
            "--format sqlite writes the whole corpus: `tinhuy export corpus --format sqlite -o FILE`"
        );
        let Some(path) = output else {
            anyhow::bail!("--format sqlite needs a file to write: -o FILE");
        };
        crate::corpus::sqlite::save(corpus, path)?;
        return Ok(0);
    }
    match output {
        Some(path) => {
            let mut bytes = Vec::new();
            let code = write_table(corpus, what, format, &mut bytes)?;
            crate::corpus::store::write_atomically(path, &bytes)
                .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
            Ok(code)
        }
        None => write_table(corpus, what, format, out),
    }
}

fn write_table(
    corpus: &Corpus,
    what: What,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    if what == What::Corpus {
        let w = std::io::BufWriter::with_capacity(1 << 16, &mut *out);
        crate::corpus::store::write_json(corpus, true, w)?;
        return Ok(0);
    }
    let rows = rows(corpus, what);
    match format {
        Format::Json => {
            let v: Vec<_> = rows.iter().map(to_object).collect();
            serde_json::to_writer_pretty(&mut *out, &v)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for r in &rows {
                serde_json::to_writer(&mut *out, &to_object(r))?;
                writeln!(out)?;
            }
        }
        Format::Sqlite => unreachable!("written above"),
        Format::Csv => {
            if let Some(first) = rows.first() {
                writeln!(
                    out,
                    "{}",
                    first.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(",")
                )?;
            }
            for r in &rows {
                writeln!(
                    out,
                    "{}",
                    r.iter()
                        .map(|(_, v)| csv_field(v))
                        .collect::<Vec<_>>()
                        .join(",")
                )?;
            }
        }
    }
    Ok(0)
}
