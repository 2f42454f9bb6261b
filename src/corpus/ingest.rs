//! Reading article files into a corpus: every article file (`.txt`,
//! `.html`, `.jsonl`) under the given directories plus the files named,
//! extracted on all cores, with a report of what was read, what was skipped
//! and why, and how many duplicates were dropped.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::build::{Input, build};
use super::dedupe::text_hash;
use super::model::Corpus;
use crate::source::{self, Kind};

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
/// read.
fn read_sized(path: &Path) -> (Vec<ReadArticle>, u64) {
    match std::fs::read(path) {
        Ok(bytes) => {
            let size = bytes.len() as u64;
            (articles_of(source::read_owned(path, bytes)), size)
        }
        // Read again to be reported as every unreadable file is.
        Err(_) => (read_articles(path), 0),
    }
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

/// Where the articles still to be read sort among all: each sorts (by id,
/// then file, as a corpus orders its articles) at or after the bound, its
/// id perhaps made longer by a suffix to tell it from another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    /// Anywhere: a file of records, whose ids are whatever they say, is
    /// still to be read.
    Unknown,
    /// At or after this (id, file).
    From(String, String),
    /// No article is left.
    End,
}

/// What [`Reading`] gives, in the order of the files and of the articles
/// in each.
pub enum Step<T> {
    /// An article read: what `prepare` made of its input.
    Article(T),
    /// The bound of the articles still to be read has moved.
    Sorted(Bound),
}

/// Files a reading thread takes at a time and hands over together: the
/// thread taking the articles in order is woken once a run, not once a
/// file, and takes less of the cores the others read on.
const RUN: usize = 32;

/// A file's articles as read, and its size.
type FileRead<T> = (Vec<ReadAs<T>>, u64);

/// Files read on threads of their own, their articles given in the order
/// of the files as the threads go on with the next ones: each thread
/// takes the first [`RUN`] files not yet taken, so the files come back
/// about in order and few wait to be given.
pub struct Reading<'s, T> {
    files: &'s [PathBuf],
    /// Runs of files read, by the number of their first, as the threads
    /// hand them over.
    read: std::sync::mpsc::Receiver<(usize, Vec<FileRead<T>>)>,
    /// Files read before those ahead of them, by number.
    early: std::collections::BTreeMap<usize, FileRead<T>>,
    /// The next file to give.
    next: usize,
    /// Steps of the file given last, still to be taken.
    steps: std::collections::VecDeque<Step<T>>,
    order: Order,
    report: Report,
    /// Set when no more files are wanted.
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl<'s, T: Send + 's> Reading<'s, T> {
    /// Starts `threads` threads of `scope` reading `files`; `prepare` is
    /// run there on each article read, and `progress` called with (files
    /// done, bytes done).
    pub fn start<'e>(
        scope: &'s std::thread::Scope<'s, 'e>,
        files: &'s [PathBuf],
        threads: usize,
        progress: &'s (dyn Fn(usize, u64) + Sync),
        prepare: &'s (dyn Fn(Input) -> T + Sync),
    ) -> Self {
        let (sent, read) = std::sync::mpsc::channel();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let taken = std::sync::Arc::new(AtomicUsize::new(0));
        let done = std::sync::Arc::new(AtomicUsize::new(0));
        let bytes_done = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        for _ in 0..threads.max(1).min(files.len().max(1)) {
            let (sent, stop, taken) = (sent.clone(), stop.clone(), taken.clone());
            let (done, bytes_done) = (done.clone(), bytes_done.clone());
            scope.spawn(move || {
                loop {
                    let first = taken.fetch_add(RUN, Ordering::Relaxed);
                    let run = first..(first + RUN).min(files.len());
                    if run.is_empty() || stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let mut read_run = Vec::with_capacity(run.len());
                    for i in run {
                        let (read, size) = read_sized(&files[i]);
                        let read = (read.into_iter())
                            .map(|r| r.map(|(input, warnings)| (prepare(input), warnings)))
                            .collect();
                        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                        let b = bytes_done.fetch_add(size, Ordering::Relaxed) + size;
                        progress(n, b);
                        read_run.push((read, size));
                    }
                    // Fails only once nothing more is wanted.
                    if sent.send((first, read_run)).is_err() {
                        return;
                    }
                }
            });
        }
        Reading {
            files,
            read,
            early: std::collections::BTreeMap::new(),
            next: 0,
            steps: std::collections::VecDeque::new(),
            order: Order::of(files),
            report: Report::default(),
            stop,
        }
    }
}

impl<T> Reading<'_, T> {
    /// What was read, once every file has been given.
    pub fn into_report(self) -> Report {
        let mut reading = self;
        std::mem::take(&mut reading.report)
    }

    /// The next file's articles and size, waited for.
    fn next_file(&mut self) -> FileRead<T> {
        loop {
            if let Some(file) = self.early.remove(&self.next) {
                return file;
            }
            let Ok((first, run)) = self.read.recv() else {
                // Every thread gone with files left: one of them panicked,
                // and the scope raises its panic once this one is over.
                panic!("a thread reading article files stopped");
            };
            self.early.extend((first..).zip(run));
        }
    }
}

impl<T> Iterator for Reading<'_, T> {
    type Item = Step<T>;

    fn next(&mut self) -> Option<Step<T>> {
        loop {
            if let Some(step) = self.steps.pop_front() {
                return Some(step);
            }
            if self.next == self.files.len() {
                return None;
            }
            let file = self.next_file();
            let i = self.next;
            self.next += 1;
            let articles = self.report.tally(&self.files[i], file);
            self.steps.extend(articles.into_iter().map(Step::Article));
            if let Some(bound) = self.order.done(i) {
                self.steps.push_back(Step::Sorted(bound));
            }
        }
    }
}

impl<T> Drop for Reading<'_, T> {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl Report {
    /// Counts a file's articles and reports its warnings and the articles
    /// skipped; returns those read.
    fn tally<T>(&mut self, path: &Path, (read, size): FileRead<T>) -> Vec<T> {
        if read.iter().any(Result::is_ok) {
            self.bytes += size;
        }
        let mut articles = Vec::with_capacity(read.len());
        for r in read {
            match r {
                Ok((article, warnings)) => {
                    self.read += 1;
                    for w in warnings {
                        self.warnings.push(Skipped {
                            path: path.to_path_buf(),
                            reason: w,
                        });
                    }
                    articles.push(article);
                }
                Err(s) => self.skipped.push(s),
            }
        }
        articles
    }
}

/// Where the articles of the files not read yet sort. A text or page
/// gives one article at most, whose id is the file's stem and whose file
/// is its path (see [`crate::source`]); a file of records gives any.
struct Order {
    /// The (id, file) of each file of one article, by file number.
    keys: Vec<Option<(String, String)>>,
    /// The files of one article by their (id, file).
    sorted: Vec<usize>,
    read: Vec<bool>,
    /// The first of `sorted` not read.
    first: usize,
    /// Files of records not read.
    records: usize,
}

impl Order {
    fn of(files: &[PathBuf]) -> Order {
        let keys: Vec<Option<(String, String)>> =
            files.iter().map(|f| one_article_key(f)).collect();
        let mut sorted: Vec<usize> = (0..files.len()).filter(|&i| keys[i].is_some()).collect();
        sorted.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        Order {
            records: files.len() - sorted.len(),
            keys,
            sorted,
            read: vec![false; files.len()],
            first: 0,
        }
    }

    /// File `i` is read; the new bound of those left, if it moved.
    fn done(&mut self, i: usize) -> Option<Bound> {
        self.read[i] = true;
        let was = (self.first, self.records);
        if self.keys[i].is_none() {
            self.records -= 1;
        }
        while self.first < self.sorted.len() && self.read[self.sorted[self.first]] {
            self.first += 1;
        }
        ((self.first, self.records) != was).then(|| self.bound())
    }

    fn bound(&self) -> Bound {
        if self.records > 0 {
            return Bound::Unknown;
        }
        match self
            .sorted
            .get(self.first)
            .and_then(|&f| self.keys[f].as_ref())
        {
            Some((id, file)) => Bound::From(id.clone(), file.clone()),
            None => Bound::End,
        }
    }
}

/// The (id, file) of the one article a file of this name gives, if any;
/// None for a file of records.
fn one_article_key(path: &Path) -> Option<(String, String)> {
    matches!(Kind::of(path), Kind::Text | Kind::Html)
        .then(|| (source::stem(path), path.display().to_string()))
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
    fn shown(r: &ReadArticle) -> String {
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

    #[test]
    fn a_text_or_page_gives_the_article_its_name_says() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(
            d.join("a.b.html"),
            "<html><body><p>Hà Nội.</p></body></html>",
        )
        .unwrap();
        std::fs::write(d.join("x-2.htm"), "<p>Một bài.</p>").unwrap();
        std::fs::write(d.join("notes.md"), "Một bài.").unwrap();
        std::fs::write(d.join(".hidden"), "Một bài.").unwrap();
        let mut paths: Vec<PathBuf> = std::fs::read_dir("data/articles")
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.extend(std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()));
        for p in &paths {
            let key = one_article_key(p).expect("a text or a page");
            let read = read_articles(p);
            assert_eq!(read.len(), 1, "{}", p.display());
            if let Ok((input, _)) = &read[0] {
                assert_eq!((&input.id, &input.file), (&key.0, &key.1));
            }
        }
        assert_eq!(one_article_key(&d.join("r.jsonl")), None);
        assert_eq!(one_article_key(&d.join("r.json")), None);
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(256))]

        /// Whatever order the files are read in, the bound is the least
        /// (id, file) of the texts and pages not read, unknown while a
        /// file of records is not read, and the end once all are.
        #[test]
        fn the_bound_is_the_least_article_to_come(
            names in proptest::collection::vec(
                ("(|d/|d/e/)", "[ab.\\-]{1,3}", "(txt|html|jsonl)"),
                1..16,
            ),
            order in proptest::collection::vec(proptest::num::usize::ANY, 16),
        ) {
            let files: Vec<PathBuf> = names
                .iter()
                .map(|(dir, stem, ext)| PathBuf::from(format!("{dir}{stem}.{ext}")))
                .collect();
            let mut left: Vec<usize> = (0..files.len()).collect();
            let mut sorted = Order::of(&files);
            let mut bound = sorted.bound();
            for pick in order.iter().take(files.len()) {
                let i = left.remove(pick % left.len());
                if let Some(moved) = sorted.done(i) {
                    bound = moved;
                }
                proptest::prop_assert_eq!(&bound, &sorted.bound());
                let records = left.iter().any(|&f| one_article_key(&files[f]).is_none());
                let least = left.iter().filter_map(|&f| one_article_key(&files[f])).min();
                let expected = match least {
                    _ if records => Bound::Unknown,
                    Some((id, file)) => Bound::From(id, file),
                    None => Bound::End,
                };
                proptest::prop_assert_eq!(&bound, &expected);
            }
        }
    }
}
