//! Reading article files into a corpus: every article file (`.txt`,
//! `.html`, `.jsonl`) under the given directories plus the files named,
//! extracted on all cores, with a report of what was read, what was skipped
//! and why, and how many duplicates were dropped.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::build::{Input, build};
use super::dedupe::text_hash;
use super::model::Corpus;
use crate::source::{self, Kind};
pub use reading::{Bound, Reading, Step};

mod reading;
mod tasks;

/// A file that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// What an ingest did.
#[derive(Debug, Default)]
pub struct Report {
    pub read: usize,
    pub bytes: u64,
    pub skipped: Vec<Skipped>,
    /// Files read with a repair worth knowing about ("not valid UTF-8: …").
    pub warnings: Vec<Skipped>,
    /// Articles dropped as the same as one already read (same address or
    /// same text).
    pub duplicates: usize,
}

/// Files to read: the files named, and the article files under directories
/// named (recursively, sorted). Paths that do not exist are reported.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = HashSet::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut skipped, &mut seen),
            Ok(_) => files.push(p.clone()),
            Err(e) => skipped.push(Skipped {
                path: p.clone(),
                reason: format!("cannot open: {e}"),
            }),
        }
    }
    (files, skipped)
}

/// `seen` holds the directories already walked, resolved: a symlink back up
/// the tree would otherwise have every file under it read again at each
/// level, until the path grows too long.
fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<Skipped>,
    seen: &mut HashSet<PathBuf>,
) {
    if let Ok(real) = std::fs::canonicalize(dir)
        && !seen.insert(real)
    {
        skipped.push(Skipped {
            path: dir.to_path_buf(),
            reason: "directory already read, by another path or a symlink".into(),
        });
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            skipped.push(Skipped {
                path: dir.to_path_buf(),
                reason: format!("cannot list directory: {e}"),
            });
            return;
        }
    };
    let mut names: Vec<(OsString, bool)> = entries
        .filter_map(|e| e.ok().map(|e| (e.file_name(), entry_is_dir(&e))))
        .collect();
    // The names of one directory sort as its paths would, without each
    // comparison splitting two paths into their components.
    names.sort_unstable();
    for (name, is_dir) in names {
        let p = dir.join(name);
        if is_dir {
            walk(&p, files, skipped, seen);
        } else if Kind::is_article_file(&p) {
            files.push(p);
        } else if !p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            skipped.push(Skipped {
                path: p,
                reason: "not an article file (.txt, .html, .jsonl)".into(),
            });
        }
    }
}

/// Whether a directory entry is a directory, following a symlink as
/// `Path::is_dir` does: the entry's type comes with the listing on most
/// file systems, so only a symlink or an unknown type costs a `stat`.
fn entry_is_dir(e: &std::fs::DirEntry) -> bool {
    match e.file_type() {
        Ok(t) if !t.is_symlink() => t.is_dir(),
        _ => e.path().is_dir(),
    }
}

/// An article read (as `T`), with the repairs its decoding made.
type ReadAs<T> = Result<(T, Vec<String>), Skipped>;
type ReadArticle = ReadAs<Input>;

/// Reads one file into ingest inputs: one for a text or page, one per
/// record of a `.jsonl`/`.json` file. A bad record is skipped with its line.
pub fn read_articles(path: &Path) -> Vec<ReadArticle> {
    articles_of(source::read_file(path))
}

/// Reads one file as [`read_articles`] does, with its size: the length of
/// what was read rather than a `stat` of its own, or 0 when it cannot be
/// read. The reading threads do the same, a file of many records in
/// batches (see [`Reading`]).
#[cfg(test)]
fn read_sized(path: &Path) -> (Vec<ReadArticle>, u64) {
    match file_bytes(path) {
        Ok(bytes) => {
            let size = bytes.len() as u64;
            (articles_of(source::read_owned(path, bytes)), size)
        }
        Err(unreadable) => (articles_of(unreadable), 0),
    }
}

/// A file's bytes, or, when it cannot be read, what reading it reports:
/// it is read again to be reported as every unreadable file is.
fn file_bytes(path: &Path) -> Result<Vec<u8>, source::Read> {
    std::fs::read(path).map_err(|_| source::read_file(path))
}

/// The ingest inputs of a file's articles, as read.
fn articles_of(read: source::Read) -> Vec<ReadArticle> {
    read.into_iter()
        .map(|r| {
            let a = r.map_err(|e| Skipped {
                path: PathBuf::from(e.location()),
                reason: e.message,
            })?;
            let read = a.extract().map_err(|e| Skipped {
                path: PathBuf::from(&a.label),
                reason: e.to_string(),
            })?;
            Ok((
                Input {
                    id: a.id,
                    file: a.label,
                    text_hash: text_hash(&read.page.text),
                    text: read.page.text,
                    facts: read.facts,
                },
                read.warnings,
            ))
        })
        .collect()
}

/// Runs `work` on `0..count` across `threads` threads; returns the results
/// in index order.
fn in_parallel<T: Send>(count: usize, threads: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    use rayon::prelude::*;
    let run = || (0..count).into_par_iter().map(&work).collect();
    match rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
    {
        Ok(pool) => pool.install(run),
        // No threads to be had: the global pool does the same work.
        Err(_) => run(),
    }
}

/// Builds a corpus from articles already in memory, as (file name, raw
/// text), extracting on `threads` threads.
pub fn from_texts(articles: Vec<(String, String)>, threads: usize) -> Corpus {
    let inputs = in_parallel(articles.len(), threads, |i| {
        let (file, raw) = &articles[i];
        let (page, facts) = crate::extract::extract_article(raw);
        let id = Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Input {
            id,
            file: file.clone(),
            text_hash: text_hash(&page.text),
            text: page.text,
            facts,
        }
    });
    build(inputs)
}

/// Reads `files` on `threads` threads and builds the corpus. `progress` is
/// called with (files done, bytes done) as work completes.
pub fn ingest(
    files: &[PathBuf],
    threads: usize,
    progress: &(dyn Fn(usize, u64) + Sync),
) -> (Corpus, Report) {
    let (inputs, report) = read_inputs(files, threads, progress);
    (build(inputs), report)
}

/// Reads `files` on `threads` threads into articles ready to build a
/// corpus from, duplicates among them dropped.
pub fn read_inputs(
    files: &[PathBuf],
    threads: usize,
    progress: &(dyn Fn(usize, u64) + Sync),
) -> (Vec<Input>, Report) {
    let (inputs, mut report) = std::thread::scope(|s| {
        let mut reading = Reading::start(s, files, threads, progress, &|input| input);
        let inputs: Vec<Input> = (reading.by_ref())
            .filter_map(|step| match step {
                Step::Article(input) => Some(input),
                Step::Sorted(_) => None,
            })
            .collect();
        (inputs, reading.into_report())
    });
    let (inputs, dropped) = super::dedupe::dedupe(inputs);
    report.duplicates = dropped;
    (inputs, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn an_entry_is_a_directory_as_its_path_says() {
        use std::os::unix::fs::symlink;
        let root = tempfile::tempdir().unwrap();
        let r = root.path();
        std::fs::create_dir(r.join("dir")).unwrap();
        std::fs::write(r.join("file.txt"), "x").unwrap();
        symlink("dir", r.join("to-dir")).unwrap();
        symlink("file.txt", r.join("to-file")).unwrap();
        symlink("nowhere", r.join("dangling")).unwrap();
        symlink("loop-b", r.join("loop-a")).unwrap();
        symlink("loop-a", r.join("loop-b")).unwrap();
        let mut seen = 0;
        for e in std::fs::read_dir(r).unwrap() {
            let e = e.unwrap();
            assert_eq!(
                entry_is_dir(&e),
                e.path().is_dir(),
                "{}",
                e.path().display()
            );
            seen += 1;
        }
        assert_eq!(seen, 7);
    }

    /// An article read as a string to compare: its input's fields and
    /// facts, or why it was skipped.
    pub(super) fn shown(r: &ReadArticle) -> String {
        match r {
            Ok((i, warnings)) => format!(
                "{} {} {:?} {:?} {} {warnings:?}",
                i.id,
                i.file,
                i.text,
                i.text_hash,
                serde_json::to_string(&i.facts).unwrap()
            ),
            Err(s) => format!("skipped {s:?}"),
        }
    }

    #[test]
    fn a_file_read_with_its_size_reads_as_it_does_alone() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("empty.txt"), "  \n").unwrap();
        std::fs::write(
            d.join("page.html"),
            "<html><body><p>Hà Nội.</p></body></html>",
        )
        .unwrap();
        std::fs::write(
            d.join("records.jsonl"),
            "{\"text\": \"Một bài.\"}\nnot json\n{\"text\": \"Bài hai.\"}\n",
        )
        .unwrap();
        std::fs::write(d.join("latin1.txt"), b"caf\xe9 \xff").unwrap();
        let mut paths: Vec<PathBuf> = std::fs::read_dir("data/articles")
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.extend(std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()));
        paths.push(d.join("missing.txt"));
        paths.push(d.to_path_buf());
        for p in &paths {
            let (read, size) = read_sized(p);
            let alone: Vec<String> = read_articles(p).iter().map(shown).collect();
            let sized: Vec<String> = read.iter().map(shown).collect();
            assert_eq!(sized, alone, "{}", p.display());
            let stat = std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
            let readable = std::fs::read(p).is_ok();
            assert_eq!(size, if readable { stat } else { 0 }, "{}", p.display());
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(256))]

        #[test]
        fn names_sort_as_their_paths_do(
            names in proptest::collection::hash_set("[a-c.\\-_0-9 éẢ]{1,6}", 0..24),
            dir in "(/|\\.|[a-b./]{1,5})",
        ) {
            // A listing never holds "." or "..".
            let names: Vec<&String> = names.iter().filter(|n| *n != "." && *n != "..").collect();
            let dir = Path::new(&dir);
            let mut by_name: Vec<OsString> = names.iter().map(OsString::from).collect();
            by_name.sort_unstable();
            let by_name: Vec<PathBuf> = by_name.into_iter().map(|n| dir.join(n)).collect();
            let mut by_path: Vec<PathBuf> = names.iter().map(|n| dir.join(n)).collect();
            by_path.sort();
            proptest::prop_assert_eq!(by_name, by_path);
        }
    }
}
