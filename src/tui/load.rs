//! Reading the browser's corpus on its own thread, in stages: meetings and
//! officials first (the first panes), then the articles, then the search
//! index, so that a large corpus never keeps the app from answering keys.

use std::path::PathBuf;
use std::sync::Arc;

use crate::corpus::{BUNDLED_JSON, Corpus, ingest, store};
use crate::search::Index;

/// Where the browser's corpus comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// The corpus built into the program.
    Bundled,
    /// A corpus file.
    File(PathBuf),
    /// Article files to read first, and how many files were already
    /// passed over when they were collected.
    Articles { files: Vec<PathBuf>, skipped: usize },
}

/// A stage of loading.
#[derive(Debug)]
pub enum Loaded {
    /// Meetings and officials; articles only say which meeting they report.
    Catalog(Arc<Corpus>),
    /// The whole corpus.
    Corpus(Arc<Corpus>),
    /// The search index over it.
    Index(Arc<Index>),
    /// Something worth telling (files skipped).
    Notice(String),
    /// Why the corpus could not be loaded.
    Failed(String),
}

/// Loads `source` on a new thread, handing each stage to `send`, which
/// returns false once nobody listens.
pub fn spawn(source: Source, send: impl Fn(Loaded) -> bool + Send + 'static) {
    std::thread::spawn(move || load(source, send, |_, _| {}));
}

/// [`spawn`], also telling `progress` how many article files of how many
/// have been read, a few times a second.
pub fn spawn_with_progress(
    source: Source,
    send: impl Fn(Loaded) -> bool + Send + 'static,
    progress: impl Fn(usize, usize) + Send + Sync + 'static,
) {
    std::thread::spawn(move || load(source, send, progress));
}

/// Loads `source`, handing each stage to `send`, in this thread.
pub fn load(source: Source, send: impl Fn(Loaded) -> bool, progress: impl Fn(usize, usize) + Sync) {
    let catalog = |c: Corpus| {
        send(Loaded::Catalog(Arc::new(c)));
    };
    let corpus = match source {
        Source::Bundled => store::from_json_in_stages(
            BUNDLED_JSON,
            std::path::Path::new("<bundled corpus>"),
            catalog,
        )
        .map_err(|e| e.to_string()),
        Source::File(path) => store::load_in_stages(&path, catalog).map_err(|e| e.to_string()),
        Source::Articles { files, skipped } => {
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            let total = files.len();
            // A few steps per second are enough to see it move.
            let last = std::sync::Mutex::new(std::time::Instant::now());
            let step = |done: usize, _bytes: u64| {
                let Ok(mut last) = last.lock() else { return };
                if done == total || last.elapsed() >= std::time::Duration::from_millis(100) {
                    *last = std::time::Instant::now();
                    progress(done, total);
                }
            };
            progress(0, total);
            let (corpus, report) = ingest::ingest(&files, threads, &step);
            let skipped = skipped + report.skipped.len();
            if skipped > 0 {
                send(Loaded::Notice(format!(
                    "{skipped} file(s) skipped; `tinhuy ingest` lists why"
                )));
            }
            Ok(corpus)
        }
    };
    match corpus {
        Ok(corpus) => {
            let corpus = Arc::new(corpus);
            if send(Loaded::Corpus(corpus.clone())) {
                send(Loaded::Index(Arc::new(Index::build(&corpus))));
            }
        }
        Err(e) => {
            send(Loaded::Failed(e));
        }
    }
}
