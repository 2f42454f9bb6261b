//! Answering the app's requests for rows from a store, on a thread that
//! owns the connection. Requests that queue up while one is answered are
//! thinned first: of the meetings pages, meeting panes and searches asked
//! for, only the newest of each is still wanted.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread;

use crate::app::SEARCH_LIMIT;
use crate::app::store::{ArticleOf, Reply, Request};
use crate::corpus::CorpusError;
use crate::corpus::reader::{CorpusReader, MeetingRow, Page, StoreReader};
use crate::search::stored::Haystacks;

/// What the reader is asked.
#[derive(Debug, Clone)]
pub enum Job {
    Read(Request),
    /// A search, tagged with the app's generation.
    Search(u64, String),
    /// Every search entry's haystack, read in the background.
    Haystacks(Arc<Haystacks>),
}

/// The reader threads of a store: one answers the panes, the other the
/// searches, so that a search never holds up the rows of a pane.
#[derive(Debug, Clone)]
pub struct Readers {
    panes: Sender<Job>,
    search: Sender<Job>,
}

impl Readers {
    /// Hands a job to the thread that answers its kind.
    pub fn send(&self, job: Job) -> Result<(), mpsc::SendError<Job>> {
        match job {
            Job::Search(..) | Job::Haystacks(_) => self.search.send(job),
            Job::Read(_) => self.panes.send(job),
        }
    }
}

/// Starts the readers of the store at `path`; replies go to `send`, which
/// returns false once nobody listens.
pub fn spawn(path: PathBuf, send: impl Fn(Reply) -> bool + Send + Sync + 'static) -> Readers {
    let send = Arc::new(send);
    let search = spawn_searcher(path.clone(), send.clone());
    let (panes, rx) = mpsc::channel::<Job>();
    let to_searcher = search.clone();
    thread::spawn(move || {
        let Some(mut reader) = open_or_say(&path, &*send) else {
            return;
        };
        let mut reading_haystacks = false;
        while let Ok(first) = rx.recv() {
            let jobs = newest_only(std::iter::once(first).chain(rx.try_iter()).collect());
            for job in jobs {
                if matches!(job, Job::Read(Request::Catalog)) {
                    spawn_catalog(path.clone(), send.clone());
                    continue;
                }
                let reply = match uncounted_page(&mut reader, &job) {
                    // The rows shown at once, then the same rows counted.
                    Some((province, page)) => {
                        let shown = Reply::Meetings {
                            province: province.clone(),
                            page: page.clone(),
                        };
                        if !send(shown) {
                            return;
                        }
                        counted(&mut reader, province, page)
                    }
                    None => answer(&mut reader, job),
                };
                if !send(reply) {
                    return;
                }
            }
            // The first rows are out: the haystacks may take the time.
            if !reading_haystacks {
                reading_haystacks = true;
                spawn_haystacks(path.clone(), to_searcher.clone());
            }
        }
    });
    Readers { panes, search }
}

fn open_or_say(path: &Path, send: &dyn Fn(Reply) -> bool) -> Option<StoreReader> {
    StoreReader::open(path)
        .map_err(|e| send(Reply::Failed(e.to_string())))
        .ok()
}

/// Before the meetings are first counted, the page asked for (with its
/// province), to show at once: the counted page follows.
fn uncounted_page(
    reader: &mut StoreReader,
    job: &Job,
) -> Option<(Option<String>, Page<MeetingRow>)> {
    let Job::Read(Request::Meetings {
        province,
        offset,
        limit,
    }) = job
    else {
        return None;
    };
    let page = reader
        .meetings_uncounted(province.as_deref(), *offset, *limit)
        .ok()??;
    Some((province.clone(), page))
}

/// A page read before the meetings were counted, with its true total.
fn counted(reader: &mut StoreReader, province: Option<String>, page: Page<MeetingRow>) -> Reply {
    match reader.meetings_total(province.as_deref()) {
        Ok(total) => Reply::Meetings {
            province,
            page: Page { total, ..page },
        },
        Err(e) => Reply::Failed(e.to_string()),
    }
}

/// Answers searches from the store's postings, each keystroke narrowing
/// the last one's candidates.
fn spawn_searcher(
    path: PathBuf,
    send: Arc<impl Fn(Reply) -> bool + Send + Sync + 'static>,
) -> Sender<Job> {
    let (tx, rx) = mpsc::channel::<Job>();
    thread::spawn(move || {
        let Some(mut reader) = open_or_say(&path, &*send) else {
            return;
        };
        while let Ok(first) = rx.recv() {
            let jobs = newest_only(std::iter::once(first).chain(rx.try_iter()).collect());
            for job in jobs {
                if let Job::Haystacks(h) = job {
                    reader.use_haystacks(h);
                } else if !send(answer(&mut reader, job)) {
                    return;
                }
            }
        }
    });
    tx
}

/// Reads the store's haystacks on a connection of their own and hands them
/// to the searcher; a store whose haystacks cannot be read keeps being
/// searched by reading candidates.
fn spawn_haystacks(path: PathBuf, to: Sender<Job>) {
    thread::spawn(move || {
        if let Ok(h) = StoreReader::open(&path).and_then(|r| r.haystacks()) {
            let _ = to.send(Job::Haystacks(Arc::new(h)));
        }
    });
}

/// The catalog takes long on a large store: it is read on a connection of
/// its own, so the panes keep being answered meanwhile.
fn spawn_catalog(path: PathBuf, send: Arc<impl Fn(Reply) -> bool + Send + Sync + 'static>) {
    thread::spawn(move || {
        let catalog = StoreReader::open(&path).and_then(|mut r| r.catalog());
        send(match catalog {
            Ok(c) => Reply::Catalog(Arc::new(c)),
            Err(e) => Reply::Failed(e.to_string()),
        });
    });
}

/// Drops every meetings page, panes and search request that a later one
/// of its kind replaces.
pub fn newest_only(jobs: Vec<Job>) -> Vec<Job> {
    let kind = |j: &Job| match j {
        Job::Read(Request::Meetings { .. }) => Some(0),
        Job::Read(Request::MeetingPanes { .. }) => Some(1),
        Job::Search(..) => Some(2),
        _ => None,
    };
    let last_of = |k| jobs.iter().rposition(|j| kind(j) == Some(k));
    let keep: Vec<Option<usize>> = (0..3).map(last_of).collect();
    jobs.iter()
        .enumerate()
        .filter(|(i, j)| kind(j).is_none_or(|k| keep[k] == Some(*i)))
        .map(|(_, j)| j.clone())
        .collect()
}

/// The reply to one job, or what went wrong.
pub fn answer(reader: &mut impl CorpusReader, job: Job) -> Reply {
    read(reader, job).unwrap_or_else(|e| Reply::Failed(e.to_string()))
}

fn read(reader: &mut impl CorpusReader, job: Job) -> Result<Reply, CorpusError> {
    Ok(match job {
        Job::Haystacks(_) => Reply::Failed("haystacks are not a request".into()),
        Job::Search(generation, query) => Reply::Found {
            generation,
            results: reader.search(&query, SEARCH_LIMIT)?,
        },
        Job::Read(Request::Provinces) => Reply::Provinces(reader.provinces()?),
        Job::Read(Request::Meetings {
            province,
            offset,
            limit,
        }) => Reply::Meetings {
            page: reader.meetings(province.as_deref(), offset, limit)?,
            province,
        },
        Job::Read(Request::MeetingPanes { meeting }) => Reply::MeetingPanes {
            meeting,
            panes: reader.meeting_panes(meeting)?,
        },
        Job::Read(Request::Article { of, focus }) => {
            let article = match of {
                ArticleOf::Number(a) => a,
                ArticleOf::Meeting(m) => reader.meeting_article(m)?,
            };
            Reply::Article {
                article,
                doc: Arc::new(reader.article(article)?),
                focus,
            }
        }
        Job::Read(Request::Catalog) => Reply::Catalog(Arc::new(reader.catalog()?)),
    })
}

/// Whether `path` is a store the browser reads pane by pane.
pub fn is_store(path: &Path) -> bool {
    crate::corpus::sqlite::is_store(path)
}
