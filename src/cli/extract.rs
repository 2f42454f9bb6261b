//! `tinhuy extract FILE...`: facts of each article (of each file, or each
//! record of a `.jsonl`/`.json` file), as JSON or text.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::extract::ArticleFacts;
use crate::report::FileFacts;

/// Reads and extracts one file: one report for a `.txt` or `.html` file,
/// one per record for `.jsonl` and `.json`, the records on every core.
/// Never panics on the content.
pub fn extract_file(path: &Path) -> Vec<FileFacts> {
    use rayon::prelude::*;
    crate::source::read_file(path)
        .into_par_iter()
        .map(|r| match r {
            Ok(a) => FileFacts::new(a.label.clone(), a.extract()),
            Err(e) => FileFacts::Failed {
                file: e.location(),
                error: e.message,
            },
        })
        .collect()
}

/// Runs the subcommand; returns the process exit code.
pub fn run(
    files: &[PathBuf],
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    // Files on every core, in order.
    let results: Vec<FileFacts> = {
        use rayon::prelude::*;
        let per_file: Vec<Vec<FileFacts>> = files.par_iter().map(|f| extract_file(f)).collect();
        per_file.into_iter().flatten().collect()
    };
    let failed = results
        .iter()
        .filter(|r| matches!(r, FileFacts::Failed { .. }))
        .count();
    for r in &results {
        match r {
            FileFacts::Failed { file, error } => writeln!(err, "tinhuy: {file}: {error}")?,
            FileFacts::Read { file, warnings, .. } => {
                for w in warnings {
                    writeln!(err, "tinhuy: {file}: warning: {w}")?;
                }
            }
        }
    }
    if json {
        // serde writes many small pieces; a line-buffered stdout would
        // search each for a line break.
        let mut buffered = std::io::BufWriter::new(&mut *out);
        serde_json::to_writer_pretty(&mut buffered, &results)?;
        writeln!(buffered)?;
        buffered.flush()?;
    } else {
        for r in &results {
            if let FileFacts::Read { file, facts, .. } = r {
                write_summary(out, file, facts)?;
            }
        }
    }
    Ok(if failed == results.len() && failed > 0 {
        1
    } else {
        0
    })
}

fn write_summary(out: &mut dyn Write, file: &str, f: &ArticleFacts) -> std::io::Result<()> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".into());
    writeln!(out, "{file}")?;
    writeln!(out, "  title:     {}", opt(&f.title))?;
    writeln!(
        out,
        "  published: {}  views: {}  outlet: {}",
        f.published.map_or("—".into(), |d| d.to_string()),
        f.views.map_or("—".into(), |v| v.to_string()),
        opt(&f.outlet)
    )?;
    writeln!(out, "  province:  {}", opt(&f.province))?;
    let m = &f.meeting;
    writeln!(
        out,
        "  meeting:   {} | {} | session {} | term {}",
        opt(&m.body),
        m.date.map_or("—".into(), |d| d.to_string()),
        m.session.map_or("—".into(), |s| s.to_string()),
        opt(&m.term)
    )?;
    writeln!(out, "  chairs:    {}", f.chairs.join("; "))?;
    writeln!(out, "  people:")?;
    for p in &f.people {
        let roles: Vec<&str> = p.roles.iter().map(|r| r.as_str()).collect();
        let titles: Vec<&str> = p.positions.iter().map(|t| t.title.as_str()).collect();
        writeln!(
            out,
            "    {} [{}] {}",
            p.name,
            roles.join(","),
            titles.join("; ")
        )?;
    }
    writeln!(out, "  conclusions:")?;
    for c in &f.conclusions {
        let due = c
            .deadline
            .map(|d| format!(" (due {d})"))
            .unwrap_or_default();
        writeln!(
            out,
            "    - {}{} — {}",
            c.text,
            due,
            c.speaker.clone().unwrap_or_default()
        )?;
    }
    writeln!(out, "  authors:   {}", f.authors.join(", "))?;
    Ok(())
}
