//! Article files read on threads of their own, in runs of files and, for
//! a file of many records, in batches of them, and given back in the order
//! of the files, with where the articles still to come sort.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::tasks::{Task, Tasks};
use super::{ReadArticle, ReadAs, Report, Skipped, articles_of, file_bytes};
use crate::corpus::build::Input;
use crate::source::records::{self, LinePiece};
use crate::source::{self, Kind};

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

/// Records of a file extracted together, as a batch any reading thread may
/// take. A file of no more records is extracted by the thread that read it.
/// The unit tests split files of a few records, so that every file of
/// records they read goes through the batches.
const BATCH: usize = if cfg!(test) { 2 } else { 32 };

/// A file's articles as read, and its size.
type FileRead<T> = (Vec<ReadAs<T>>, u64);

/// What a run gives for one of its files.
enum FileDone<T> {
    Read(FileRead<T>),
    /// Its records were left, in this many batches, to any thread.
    Split {
        batches: usize,
        size: u64,
    },
}

/// What a reading thread hands over.
enum Handed<T> {
    /// A run of files, by the number of its first.
    Run(usize, Vec<FileDone<T>>),
    /// Batch `index` of file `file`: its articles as read.
    Batch {
        file: usize,
        index: usize,
        read: Vec<ReadAs<T>>,
    },
}

/// Records of a file of records to extract.
struct Batch {
    file: usize,
    index: usize,
    records: Records,
    /// The share of the file's size this batch counts for in the progress.
    bytes: u64,
    /// Batches of the file not yet extracted, this one among them.
    left: std::sync::Arc<AtomicUsize>,
}

/// The records of a batch.
enum Records {
    /// Decoded already, with the file (a `.json` array is decoded whole).
    Decoded(source::Read),
    /// Lines of a `.jsonl` file, decoded by the thread that takes them.
    Lines {
        bytes: std::sync::Arc<Vec<u8>>,
        piece: LinePiece,
    },
}

impl Records {
    /// The records, of the file at `path`.
    fn decoded(self, path: &Path) -> source::Read {
        match self {
            Records::Decoded(read) => read,
            Records::Lines { bytes, piece } => {
                let lines = &bytes[piece.bytes.clone()];
                records::read_lines_from(path, lines, piece.first_line)
            }
        }
    }
}

/// Files read on threads of their own, their articles given in the order
/// of the files as the threads go on with the next ones: each thread
/// takes the first [`RUN`] files not yet taken, so the files come back
/// about in order and few wait to be given. The records of a file of
/// records are extracted in batches by every thread.
pub struct Reading<'s, T> {
    files: &'s [PathBuf],
    read: std::sync::mpsc::Receiver<Handed<T>>,
    /// Files read before those ahead of them, by number.
    early: std::collections::BTreeMap<usize, FileDone<T>>,
    /// Batches handed over, by file and index, until their file is given.
    batches: std::collections::BTreeMap<(usize, usize), Vec<ReadAs<T>>>,
    /// The next file to give.
    next: usize,
    /// Steps of the file given last, still to be taken.
    steps: std::collections::VecDeque<Step<T>>,
    order: Order,
    report: Report,
    tasks: std::sync::Arc<Tasks<Batch>>,
}

/// What the reading threads share besides their tasks.
struct Readers<'s, T> {
    files: &'s [PathBuf],
    tasks: std::sync::Arc<Tasks<Batch>>,
    sent: std::sync::mpsc::Sender<Handed<T>>,
    progress: &'s (dyn Fn(usize, u64) + Sync),
    prepare: &'s (dyn Fn(Input) -> T + Sync),
    /// Files and bytes done, for `progress`.
    done: std::sync::Arc<AtomicUsize>,
    bytes_done: std::sync::Arc<std::sync::atomic::AtomicU64>,
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
        let tasks = std::sync::Arc::new(Tasks::new(files.len(), RUN));
        let readers = Readers {
            files,
            tasks: tasks.clone(),
            sent,
            progress,
            prepare,
            done: Default::default(),
            bytes_done: Default::default(),
        };
        for _ in 0..threads.max(1) {
            let readers = readers.clone();
            scope.spawn(move || readers.work());
        }
        Reading {
            files,
            read,
            early: std::collections::BTreeMap::new(),
            batches: std::collections::BTreeMap::new(),
            next: 0,
            steps: std::collections::VecDeque::new(),
            order: Order::of(files),
            report: Report::default(),
            tasks,
        }
    }
}

impl<T> Clone for Readers<'_, T> {
    fn clone(&self) -> Self {
        Readers {
            files: self.files,
            tasks: self.tasks.clone(),
            sent: self.sent.clone(),
            progress: self.progress,
            prepare: self.prepare,
            done: self.done.clone(),
            bytes_done: self.bytes_done.clone(),
        }
    }
}

impl<T> Readers<'_, T> {
    /// Takes tasks until none is left; each thread runs this.
    fn work(self) {
        while let Some(task) = self.tasks.take() {
            let handed = match task {
                Task::Run(run, _taken) => {
                    let first = run.start;
                    Handed::Run(first, run.map(|i| self.read_file(i)).collect())
                }
                Task::Batch(batch) => self.extract_batch(batch),
            };
            // Fails only once nothing more is wanted.
            if self.sent.send(handed).is_err() {
                return;
            }
        }
    }

    /// Reads file `i`: extracts its articles, or leaves its records to
    /// every thread in batches when it has many.
    fn read_file(&self, i: usize) -> FileDone<T> {
        let path = &self.files[i];
        let bytes = match file_bytes(path) {
            Ok(bytes) => bytes,
            Err(unreadable) => return self.read_whole(unreadable, 0),
        };
        let size = bytes.len() as u64;
        match apart(path, bytes) {
            Ok(batches) => self.leave_batches(i, batches, size),
            Err(records) => self.read_whole(records, size),
        }
    }

    /// Leaves file `i`'s batches to any thread.
    fn leave_batches(&self, i: usize, batches: Vec<Records>, size: u64) -> FileDone<T> {
        let count = batches.len();
        let left = std::sync::Arc::new(AtomicUsize::new(count));
        let share = |index: usize| size * index as u64 / count as u64;
        self.tasks.add(
            batches
                .into_iter()
                .enumerate()
                .map(|(index, records)| Batch {
                    file: i,
                    index,
                    records,
                    bytes: share(index + 1) - share(index),
                    left: left.clone(),
                }),
        );
        FileDone::Split {
            batches: count,
            size,
        }
    }

    /// A file's articles extracted on this thread.
    fn read_whole(&self, records: source::Read, size: u64) -> FileDone<T> {
        let read = self.prepared(articles_of(records));
        self.count_done(1, size);
        FileDone::Read((read, size))
    }

    fn extract_batch(&self, batch: Batch) -> Handed<T> {
        let records = batch.records.decoded(&self.files[batch.file]);
        let read = self.prepared(articles_of(records));
        let last = batch.left.fetch_sub(1, Ordering::Relaxed) == 1;
        self.count_done(usize::from(last), batch.bytes);
        Handed::Batch {
            file: batch.file,
            index: batch.index,
            read,
        }
    }

    fn prepared(&self, read: Vec<ReadArticle>) -> Vec<ReadAs<T>> {
        (read.into_iter())
            .map(|r| r.map(|(input, warnings)| ((self.prepare)(input), warnings)))
            .collect()
    }

    /// Counts `files` more files done and `bytes` more bytes read.
    fn count_done(&self, files: usize, bytes: u64) {
        let n = self.done.fetch_add(files, Ordering::Relaxed) + files;
        let b = self.bytes_done.fetch_add(bytes, Ordering::Relaxed) + bytes;
        (self.progress)(n, b);
    }
}

/// A file's records in batches for any thread, when it has more than a
/// batch holds; else all of them, decoded.
fn apart(path: &Path, bytes: Vec<u8>) -> Result<Vec<Records>, source::Read> {
    if Kind::of(path) == Kind::JsonLines
        && let Some(pieces) = records::line_pieces(&bytes, BATCH)
    {
        let bytes = std::sync::Arc::new(bytes);
        return Ok((pieces.into_iter())
            .map(|piece| Records::Lines {
                bytes: bytes.clone(),
                piece,
            })
            .collect());
    }
    let mut read = source::read_owned(path, bytes);
    if read.len() <= BATCH {
        return Err(read);
    }
    // A `.json` array, decoded whole.
    let mut batches = Vec::new();
    while !read.is_empty() {
        let rest = read.split_off(read.len().min(BATCH));
        batches.push(Records::Decoded(std::mem::replace(&mut read, rest)));
    }
    Ok(batches)
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
            match self.early.remove(&self.next) {
                Some(FileDone::Read(file)) => return file,
                Some(FileDone::Split { batches, size }) => {
                    return (self.gather(self.next, batches), size);
                }
                None => self.receive(),
            }
        }
    }

    /// The articles of file `file`'s batches, in order, waited for.
    fn gather(&mut self, file: usize, batches: usize) -> Vec<ReadAs<T>> {
        let mut read = Vec::new();
        for index in 0..batches {
            let batch = loop {
                match self.batches.remove(&(file, index)) {
                    Some(batch) => break batch,
                    None => self.receive(),
                }
            };
            read.extend(batch);
        }
        read
    }

    /// Takes what a reading thread handed over next.
    fn receive(&mut self) {
        match self.read.recv() {
            Ok(Handed::Run(first, run)) => self.early.extend((first..).zip(run)),
            Ok(Handed::Batch { file, index, read }) => {
                self.batches.insert((file, index), read);
            }
            // Every thread gone with files left: one of them panicked, and
            // the scope raises its panic once this one is over.
            Err(_) => panic!("a thread reading article files stopped"),
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
        self.tasks.stop();
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
    use super::super::read_articles;
    use super::super::tests::shown;
    use super::*;

    /// Writes files of records and texts under `d`: for each of `plan`, a
    /// `.jsonl` of that many records (some of them bad lines), a `.json`
    /// array, or a text. Returns their paths, and a missing file's.
    fn planned_files(d: &Path, plan: &[(usize, usize)]) -> Vec<PathBuf> {
        let texts = [
            "Hội nghị Tỉnh ủy.",
            "  ",
            "Ông Nguyễn Văn A, Bí thư Tỉnh ủy.",
            "Bài ba.",
        ];
        let mut paths = Vec::new();
        for (n, &(kind, records)) in plan.iter().enumerate() {
            let record = |r: usize| match (n + r) % 5 {
                4 => "not json".to_string(),
                t => serde_json::json!({ "id": format!("r{r}"), "text": texts[t % texts.len()] })
                    .to_string(),
            };
            let (name, body) = match kind % 3 {
                0 => (
                    format!("f{n}.jsonl"),
                    (0..records).map(record).collect::<Vec<_>>().join("\n"),
                ),
                1 => {
                    let items: Vec<String> = (0..records)
                        .map(|r| {
                            serde_json::json!({ "text": texts[(n + r) % texts.len()] }).to_string()
                        })
                        .collect();
                    (format!("f{n}.json"), format!("[{}]", items.join(",")))
                }
                _ => (format!("f{n}.txt"), texts[n % texts.len()].to_string()),
            };
            let path = d.join(name);
            std::fs::write(&path, body).unwrap();
            paths.push(path);
        }
        paths.push(d.join("missing.jsonl"));
        paths
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(48))]

        /// Files read on threads, the records of a file in batches any
        /// thread extracts, give the articles, in order, and the report of
        /// reading each file alone in turn.
        #[test]
        fn files_read_on_threads_give_what_each_file_gives_alone(
            plan in proptest::collection::vec((0usize..3, 0usize..9), 0..8),
            threads in 1usize..4,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let files = planned_files(dir.path(), &plan);
            let (given, report) = std::thread::scope(|s| {
                let mut reading = Reading::start(s, &files, threads, &|_, _| {}, &|input| input);
                let given: Vec<String> = (reading.by_ref())
                    .filter_map(|step| match step {
                        Step::Article(input) => Some(shown(&Ok((input, Vec::new())))),
                        Step::Sorted(_) => None,
                    })
                    .collect();
                (given, reading.into_report())
            });
            let mut alone = Vec::new();
            let (mut read, mut bytes, mut skipped, mut warnings) = (0, 0, Vec::new(), Vec::new());
            for p in &files {
                let articles = read_articles(p);
                if articles.iter().any(Result::is_ok) {
                    bytes += std::fs::metadata(p).unwrap().len();
                }
                for a in articles {
                    match a {
                        Ok((input, said)) => {
                            read += 1;
                            alone.push(shown(&Ok((input, Vec::new()))));
                            warnings.extend(said.into_iter().map(|reason| Skipped { path: p.clone(), reason }));
                        }
                        Err(s) => skipped.push(s),
                    }
                }
            }
            proptest::prop_assert_eq!(given, alone);
            proptest::prop_assert_eq!(
                (report.read, report.bytes, report.skipped, report.warnings),
                (read, bytes, skipped, warnings)
            );
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
