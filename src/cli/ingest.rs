//! `tinhuy ingest PATH... -o corpus.json`: build a corpus from article files;
//! `-o corpus.db` adds them to an SQLite store instead (made when missing).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::corpus::ingest::{Reading, Report, collect, read_inputs};
use crate::corpus::{build::build, save, sqlite};

/// Files from which a progress bar is worth drawing.
const PROGRESS_FROM: usize = 50;

pub fn run(
    paths: &[PathBuf],
    output: &Path,
    threads: Option<usize>,
    pretty: bool,
    wait: std::time::Duration,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let started = Instant::now();
    crate::corpus::heap::keep_freed_memory();
    let (files, mut skipped) = collect(paths);
    if files.is_empty() {
        for s in &skipped {
            writeln!(err, "tinhuy: {}: {}", s.path.display(), s.reason)?;
        }
        writeln!(
            err,
            "tinhuy: no article files found; nothing written to {}",
            output.display()
        )?;
        return Ok(1);
    }
    let threads =
        threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let show = std::io::stderr().is_terminal() && files.len() >= PROGRESS_FROM;
    let progress = progress_bar(show, files.len());
    let (report, counts) = if sqlite::wants_store(output) {
        let (added, mut report) = std::thread::scope(|s| {
            let prepare = &sqlite::ReadArticle::of;
            let mut reading = Reading::start(s, &files, threads, &progress, prepare);
            let added = sqlite::add_as_read(output, reading.by_ref(), wait);
            (added, reading.into_report())
        });
        if show {
            eprintln!();
        }
        skipped.extend(report.skipped.iter().cloned());
        let Some(added) = added? else {
            return nothing_read(output, &skipped, err);
        };
        report.duplicates = added.duplicates;
        (report, tell_added(added, err)?)
    } else {
        let (inputs, report) = read_inputs(&files, threads, &progress);
        if show {
            eprintln!();
        }
        skipped.extend(report.skipped.iter().cloned());
        if report.read == 0 {
            return nothing_read(output, &skipped, err);
        }
        let corpus = build(inputs);
        save(&corpus, output, pretty)?;
        (report, (corpus.meetings.len(), corpus.people.len()))
    };
    let (meetings, people) = counts;
    let secs = started.elapsed().as_secs_f64();
    writeln!(
        err,
        "read {} article(s), {:.2} MB in {:.2} s ({:.1} MB/s, {threads} thread(s)): {meetings} meetings, {people} people → {}",
        report.read,
        report.bytes as f64 / 1e6,
        secs,
        report.bytes as f64 / 1e6 / secs.max(1e-9),
        output.display()
    )?;
    report_rest(&report, &skipped, err)
}

/// Draws, when `show`, a bar of the files done of `total` and the bytes
/// read, called as files are read.
fn progress_bar(show: bool, total: usize) -> impl Fn(usize, u64) + Sync {
    move |done: usize, bytes: u64| {
        if show && (done.is_multiple_of(16) || done == total) {
            let width = 30;
            let filled = done * width / total.max(1);
            eprint!(
                "\r[{}{}] {done}/{total} files, {:.1} MB",
                "#".repeat(filled),
                ".".repeat(width - filled),
                bytes as f64 / 1e6
            );
        }
    }
}

/// Says what an addition to a store did; its counts of meetings and
/// people.
fn tell_added(added: sqlite::Added, err: &mut dyn Write) -> std::io::Result<(usize, usize)> {
    for (file, why) in &added.already {
        writeln!(err, "already in the store: {file}: {why}")?;
    }
    if let Some(why) = added.rebuilt {
        writeln!(err, "rebuilt the store from all its articles: {why}")?;
    }
    writeln!(
        err,
        "added {} article(s) to the store; it holds {}",
        added.added, added.articles
    )?;
    let counts = (added.meetings, added.people);
    // The process ends with the ingest: the corpus built is left to the
    // exit rather than freed part by part.
    std::mem::forget(added.corpus);
    Ok(counts)
}

/// Nothing could be read: the files skipped, and the output untouched.
fn nothing_read(
    output: &Path,
    skipped: &[crate::corpus::ingest::Skipped],
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    for s in skipped {
        writeln!(err, "tinhuy: skipped {}: {}", s.path.display(), s.reason)?;
    }
    writeln!(
        err,
        "tinhuy: no article could be read; {} left as it was",
        output.display()
    )?;
    Ok(1)
}

/// Duplicates dropped, warnings and files skipped.
fn report_rest(
    report: &Report,
    skipped: &[crate::corpus::ingest::Skipped],
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    if report.duplicates > 0 {
        writeln!(
            err,
            "dropped {} duplicate article(s): same address or same text as one already read",
            report.duplicates
        )?;
    }
    for w in &report.warnings {
        writeln!(err, "warning: {}: {}", w.path.display(), w.reason)?;
    }
    if !skipped.is_empty() {
        writeln!(err, "skipped {} file(s):", skipped.len())?;
        for s in skipped {
            writeln!(err, "  {}: {}", s.path.display(), s.reason)?;
        }
    }
    Ok(0)
}
