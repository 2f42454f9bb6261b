//! The corpus as an SQLite database (a "store"): articles written once,
//! everything derived from them (meetings, people, their posts, the search
//! entries) rewritten by each ingest in the same transaction, so a store is
//! always the result of its last completed ingest.
//!
//! Nested records that other parts of the program grow (a person, a
//! meeting, an article's facts) are kept as JSON columns, read back with
//! serde, so a field added to them needs no change here; the flat tables
//! beside them (positions, attendance, conclusions) are for `sqlite3` users.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Duration;

use rusqlite::{
    Connection, OpenFlags, OptionalExtension, Statement, Transaction, TransactionBehavior,
};

use super::build::{Input, NameKeys, build_keyed};
use super::dedupe::{Seen, text_key, url_key};
use super::increment::SightingRow;
use super::ingest::{Bound, Step};
use super::model::{Appearance, Article, Corpus, Meeting, Person, SCHEMA, SCHEMA_VERSION};
use super::store::CorpusError;
use crate::extract::ArticleFacts;
use crate::gazetteer::FastMap;
use crate::search::haystack_rows::{self, HAYSTACKS_SQL};
use crate::search::stored;
use crate::text::fold::{FNV_OFFSET, fnv1a};
use crate::text::lex_key;

/// Version of the database layout, also kept as `PRAGMA user_version`.
pub const STORE_VERSION: u32 = 3;

/// What every store file starts with.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// The tables, as documented in the README.
const SCHEMA_SQL: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Written once per article; never rewritten.
CREATE TABLE articles (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL,
  url TEXT,
  url_key TEXT,
  text_hash INTEGER NOT NULL,
  published TEXT,
  outlet TEXT,
  title TEXT,
  province TEXT,
  facts TEXT NOT NULL,
  text TEXT NOT NULL
);
-- Everything below is rewritten by each ingest.
CREATE TABLE article_links (
  idx INTEGER PRIMARY KEY,
  article INTEGER NOT NULL UNIQUE REFERENCES articles(key),
  meeting INTEGER NOT NULL,
  people TEXT NOT NULL
);
CREATE TABLE meetings (
  idx INTEGER PRIMARY KEY,
  date TEXT, province TEXT, body TEXT, title TEXT, session INTEGER, term TEXT,
  data TEXT NOT NULL
);
CREATE TABLE people (
  idx INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  scope TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE TABLE positions (
  person INTEGER NOT NULL, spell INTEGER, title TEXT NOT NULL, province TEXT,
  from_date TEXT, to_date TEXT, former INTEGER NOT NULL, meetings INTEGER
);
CREATE TABLE attendance (
  person INTEGER NOT NULL, meeting INTEGER NOT NULL, article INTEGER NOT NULL,
  date TEXT, roles TEXT NOT NULL
);
CREATE TABLE conclusions (
  article INTEGER NOT NULL, n INTEGER NOT NULL, speaker TEXT, deadline TEXT,
  text TEXT NOT NULL
);
CREATE TABLE entries (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, text TEXT NOT NULL
);
CREATE TABLE words (
  id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE, n INTEGER NOT NULL,
  postings BLOB NOT NULL
);
";

/// The indexes of [`SCHEMA_SQL`]'s tables. A new store gets them once its
/// rows are written: one sort each instead of an update per row.
const ARTICLES_INDEXES: &str = "
CREATE INDEX articles_url_key ON articles(url_key);
CREATE INDEX articles_text_hash ON articles(text_hash);
";
const ROWS_INDEXES: &str = "
-- The browser's meetings pane: each province's meetings (and the check
-- that a meeting is the first of equal ones), and all of them newest first.
CREATE INDEX meetings_province ON meetings(province, date, body, title);
CREATE INDEX meetings_newest ON meetings(date DESC);
CREATE INDEX positions_person ON positions(person);
CREATE INDEX attendance_person ON attendance(person);
";

/// What an ingest adds to without reading the whole store (version 2):
/// each person named in each article by name key, to resolve a new
/// article's people against the stored ones of the same names; each
/// meeting's key; entries by target; the ranked lists with their entries'
/// shortfalls, and whether they hold every match.
const INCREMENTAL_SQL: &str = "
CREATE TABLE sightings (
  name_key TEXT NOT NULL, article INTEGER NOT NULL, fact INTEGER NOT NULL,
  person INTEGER NOT NULL, province TEXT, date TEXT, meeting INTEGER NOT NULL,
  data TEXT NOT NULL, PRIMARY KEY (article, fact)
) WITHOUT ROWID;
CREATE TABLE meeting_keys (key TEXT PRIMARY KEY, meeting INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE tops (
  pattern TEXT PRIMARY KEY, entries BLOB NOT NULL, losses BLOB NOT NULL,
  complete INTEGER NOT NULL
) WITHOUT ROWID;
";

/// The indexes of [`INCREMENTAL_SQL`]'s tables and those it reads by.
const SIGHTINGS_INDEX: &str = "CREATE INDEX sightings_name ON sightings(name_key);";
const ENTRIES_INDEX: &str = "CREATE INDEX entries_target ON entries(target);";

/// Indexes newer than some stores, made when such a store is written to.
/// Without the meetings indexes the browser's meetings page checks each
/// meeting against every other.
const ADDED_INDEXES: &str =
    "CREATE INDEX IF NOT EXISTS positions_title ON positions(title, former, person);
     CREATE INDEX IF NOT EXISTS meetings_province ON meetings(province, date, body, title);
     CREATE INDEX IF NOT EXISTS meetings_newest ON meetings(date DESC);";

/// The tables an ingest that reads the whole store rewrites.
const DERIVED: [&str; 12] = [
    "article_links",
    "meetings",
    "people",
    "positions",
    "attendance",
    "conclusions",
    "entries",
    "words",
    "haystacks",
    "tops",
    "sightings",
    "meeting_keys",
];

/// Whether a corpus written to `path` should be a store: by its extension.
pub fn wants_store(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "db" | "sqlite" | "sqlite3"))
}

/// Whether the file at `path` is an SQLite database, by its first bytes.
pub fn is_store(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == MAGIC)
}

/// A SQLite error as a corpus error naming the store.
pub fn store_error(path: &Path) -> impl Fn(rusqlite::Error) -> CorpusError + '_ {
    move |e| CorpusError::Store {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

fn json_error(path: &Path, what: String) -> impl Fn(serde_json::Error) -> CorpusError + '_ {
    move |e| CorpusError::Store {
        path: path.to_path_buf(),
        message: format!("{what}: {e}"),
    }
}

/// Opens a store for reading and checks it is one this build reads.
pub fn open(path: &Path) -> Result<Connection, CorpusError> {
    if !is_store(path) {
        return Err(CorpusError::NotAStore {
            path: path.to_path_buf(),
            detail: ": not an SQLite database".into(),
        });
    }
    // Opened for writing when it may be, though only read: an ingest killed
    // halfway leaves a journal that the next reader rolls back, which a
    // read-only connection cannot do.
    let flags = OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_READ_WRITE)
        .or_else(|_| Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_READ_ONLY))
        .map_err(store_error(path))?;
    // A reader waits out another process's commit rather than failing.
    conn.busy_timeout(Duration::from_secs(30))
        .map_err(store_error(path))?;
    check_version(&conn, path)?;
    Ok(conn)
}

/// The store's version, or None for an empty database.
fn version(conn: &Connection, path: &Path) -> Result<Option<u32>, CorpusError> {
    let has_meta: bool = conn
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE name = 'meta'",
            [],
            |r| r.get(0),
        )
        .map_err(store_error(path))?;
    if !has_meta {
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(store_error(path))?;
        return if tables == 0 {
            Ok(None)
        } else {
            Err(CorpusError::NotAStore {
                path: path.to_path_buf(),
                detail: ": an SQLite database without tinhuy's tables".into(),
            })
        };
    }
    let meta = |key: &str| -> Result<Option<String>, CorpusError> {
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(store_error(path))
    };
    if meta("schema")?.as_deref() != Some(SCHEMA) {
        return Err(CorpusError::NotAStore {
            path: path.to_path_buf(),
            detail: ": its meta table names another schema".into(),
        });
    }
    let found: u32 = meta("store_version")?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Ok(Some(found))
}

fn check_version(conn: &Connection, path: &Path) -> Result<(), CorpusError> {
    match version(conn, path)? {
        None => Err(CorpusError::NotAStore {
            path: path.to_path_buf(),
            detail: ": an empty SQLite database".into(),
        }),
        Some(v) if v > STORE_VERSION => Err(CorpusError::Newer {
            path: path.to_path_buf(),
            found: v,
        }),
        Some(_) => Ok(()),
    }
}

/// Creates the tables in an empty database, without their indexes (see
/// [`NewIndexes`]).
fn create_schema(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(SCHEMA_SQL)?;
    tx.execute_batch(INCREMENTAL_SQL)?;
    tx.execute_batch(HAYSTACKS_SQL)?;
    let mut put = tx.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")?;
    put.execute(["schema", SCHEMA])?;
    put.execute(["schema_version", &SCHEMA_VERSION.to_string()])?;
    put.execute(["store_version", &STORE_VERSION.to_string()])?;
    set_version(tx)
}

/// The indexes of a new store (made by [`create_schema`]), each made
/// once its tables are filled, in the order a store's schema lists them:
/// the articles' while the corpus is built, the other rows' while the
/// search entries are ranked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum NewIndexes {
    /// The store had its tables and indexes already.
    No,
    Yes,
}

impl NewIndexes {
    fn articles(self, tx: &Transaction) -> rusqlite::Result<()> {
        self.batch(tx, &[ARTICLES_INDEXES])
    }

    fn rows(self, tx: &Transaction) -> rusqlite::Result<()> {
        self.batch(tx, &[ROWS_INDEXES, SIGHTINGS_INDEX])
    }

    fn entries(self, tx: &Transaction) -> rusqlite::Result<()> {
        self.batch(tx, &[ENTRIES_INDEX, ADDED_INDEXES])
    }

    fn batch(self, tx: &Transaction, sql: &[&str]) -> rusqlite::Result<()> {
        if self == NewIndexes::Yes {
            for s in sql {
                tx.execute_batch(s)?;
            }
        }
        Ok(())
    }
}

/// Brings a version 1 store's tables to this version; its derived tables
/// are then rewritten by the ingest.
fn upgrade_schema(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch("DROP TABLE tops;")?;
    tx.execute_batch(INCREMENTAL_SQL)?;
    tx.execute_batch(SIGHTINGS_INDEX)?;
    tx.execute_batch(ENTRIES_INDEX)?;
    tx.execute_batch(HAYSTACKS_SQL)?;
    set_store_version(tx)
}

/// Brings a version 2 store to this version by adding its entries'
/// haystacks: what it lacks is made from what it has, and it can be added
/// to as it is.
fn add_haystacks(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(HAYSTACKS_SQL)?;
    haystack_rows::write_from_entries(tx)?;
    set_store_version(tx)
}

fn set_store_version(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'store_version'",
        [STORE_VERSION.to_string()],
    )?;
    set_version(tx)
}

fn set_version(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(&format!("PRAGMA user_version = {STORE_VERSION};"))
}

/// Reads a store, handing `catalog` its meetings and people (with articles
/// that only say which meeting they report) before the articles.
pub fn load_in_stages(path: &Path, catalog: impl FnOnce(Corpus)) -> Result<Corpus, CorpusError> {
    let conn = open(path)?;
    // One read transaction: the stages see one ingest, not two.
    conn.execute_batch("BEGIN").map_err(store_error(path))?;
    let meetings: Vec<Meeting> = read_json_column(&conn, path, "meetings")?;
    let people: Vec<Person> = read_json_column(&conn, path, "people")?;
    catalog(super::store::stub_corpus(&meetings, &people));
    let articles = read_articles(&conn, path)?;
    let corpus = Corpus {
        meetings,
        people,
        articles,
        ..Corpus::default()
    };
    super::store::check(&corpus).map_err(|message| CorpusError::Inconsistent {
        path: path.to_path_buf(),
        message,
    })?;
    Ok(corpus)
}

/// The people of a store alone (no meetings, no articles): enough for
/// questions about who held which post.
pub fn load_people(path: &Path) -> Result<Corpus, CorpusError> {
    let conn = open(path)?;
    Ok(Corpus {
        people: read_json_column(&conn, path, "people")?,
        ..Corpus::default()
    })
}

/// The people of a store who held a post that reads as `title` (by the
/// rule of [`super::query::who`]), in corpus order, with their timelines
/// but not their appearances: all that question needs.
pub fn load_holders(path: &Path, title: &str) -> Result<Corpus, CorpusError> {
    let conn = open(path)?;
    conn.execute_batch("BEGIN").map_err(store_error(path))?;
    let key = super::query::query_title_key(title);
    let titles = held_titles(&conn)
        .map_err(store_error(path))?
        .into_iter()
        .filter(|t| crate::gazetteer::titles::title_key(t) == key);
    let mut people = std::collections::BTreeSet::new();
    let mut stmt = conn
        .prepare("SELECT DISTINCT person FROM positions WHERE title = ?1 AND former = 0")
        .map_err(store_error(path))?;
    for t in titles {
        let holders = stmt.query_map([t], |r| r.get::<_, i64>(0));
        for p in holders.map_err(store_error(path))? {
            people.insert(p.map_err(store_error(path))?);
        }
    }
    Ok(Corpus {
        people: read_people(&conn, path, &people)?,
        ..Corpus::default()
    })
}

/// Every title held (not written as a former post), once.
fn held_titles(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT title FROM positions WHERE former = 0")?;
    stmt.query_map([], |r| r.get(0))?.collect()
}

/// The people numbered `people`, in that order, with their names and
/// timelines only: their appearances, most of a person's record, are
/// passed over unparsed.
fn read_people(
    conn: &Connection,
    path: &Path,
    people: &std::collections::BTreeSet<i64>,
) -> Result<Vec<Person>, CorpusError> {
    /// A person's record as `who` reads it.
    #[derive(serde::Deserialize)]
    struct Timeline {
        timeline: Vec<super::model::Spell>,
    }
    let mut stmt = conn
        .prepare("SELECT name, scope, data FROM people WHERE idx = ?1")
        .map_err(store_error(path))?;
    people
        .iter()
        .map(|&idx| {
            let (name, scope, read) = stmt
                .query_row([idx], |r| {
                    let data = r.get_ref(2)?.as_str()?;
                    Ok((r.get(0)?, r.get(1)?, serde_json::from_str::<Timeline>(data)))
                })
                .map_err(store_error(path))?;
            let timeline = read
                .map_err(json_error(path, format!("people {idx} timeline")))?
                .timeline;
            Ok(Person {
                name,
                scope,
                appearances: Vec::new(),
                timeline,
                merged: Vec::new(),
            })
        })
        .collect()
}

/// The `data` column of `table`, in corpus order.
pub(crate) fn read_json_column<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    path: &Path,
    table: &str,
) -> Result<Vec<T>, CorpusError> {
    let mut stmt = conn
        .prepare(&format!("SELECT idx, data FROM {table} ORDER BY idx"))
        .map_err(store_error(path))?;
    let mut rows = stmt.query([]).map_err(store_error(path))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(store_error(path))? {
        let idx: i64 = row.get(0).map_err(store_error(path))?;
        let data: String = row.get(1).map_err(store_error(path))?;
        out.push(serde_json::from_str(&data).map_err(json_error(path, format!("{table} {idx}")))?);
    }
    Ok(out)
}

/// The articles in corpus order.
fn read_articles(conn: &Connection, path: &Path) -> Result<Vec<Article>, CorpusError> {
    let mut stmt = conn
        .prepare(
            "SELECT l.idx, l.meeting, l.people, a.id, a.file, a.facts, a.text
             FROM article_links l JOIN articles a ON a.key = l.article ORDER BY l.idx",
        )
        .map_err(store_error(path))?;
    let mut rows = stmt.query([]).map_err(store_error(path))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(store_error(path))? {
        let get = |i| row.get::<_, String>(i).map_err(store_error(path));
        let idx: i64 = row.get(0).map_err(store_error(path))?;
        let meeting: i64 = row.get(1).map_err(store_error(path))?;
        let id = get(3)?;
        let bad = |what: &str| json_error(path, format!("article {idx} ({id}) {what}"));
        out.push(Article {
            meeting: meeting as usize,
            people: serde_json::from_str(&get(2)?).map_err(bad("people"))?,
            facts: serde_json::from_str(&get(5)?).map_err(bad("facts"))?,
            file: get(4)?,
            text: get(6)?,
            id,
        });
    }
    Ok(out)
}

/// Writes `corpus` as a new store at `path`: built in a temporary file
/// beside it, then renamed over it, so a reader never sees half of it.
pub fn save(corpus: &Corpus, path: &Path) -> Result<(), CorpusError> {
    let write_error = |cause| CorpusError::Write {
        path: path.to_path_buf(),
        cause,
    };
    let tmp = super::store::temp_beside(path).map_err(write_error)?;
    {
        let mut conn = Connection::open(tmp.path()).map_err(store_error(path))?;
        set_cache(&conn).map_err(store_error(path))?;
        let tx = conn.transaction().map_err(store_error(path))?;
        create_schema(&tx).map_err(store_error(path))?;
        let mut rows = corpus_rows(corpus);
        let people = take_people(&mut rows);
        write_derived(
            &tx,
            NewIndexes::Yes,
            || (corpus, None),
            (|| insert_articles(&tx, rows), people),
            |_, keys| {
                keys.into_iter()
                    .enumerate()
                    .map(|(i, k)| (k, Some(i)))
                    .collect()
            },
        )
        .map_err(store_error(path))?;
        tx.commit().map_err(store_error(path))?;
    }
    super::store::persist_over(tmp, path).map_err(write_error)
}

/// The rows of a corpus's articles, made on all threads; a corpus read
/// from JSON carries no text hashes, so they are worked out here.
fn corpus_rows(corpus: &Corpus) -> Vec<ArticleRow<'_>> {
    use rayon::prelude::*;
    corpus
        .articles
        .par_iter()
        .map(|a| {
            let text_hash = super::dedupe::text_hash(&a.text);
            ArticleRow::new(&a.id, &a.file, &a.facts, a.text.as_str(), text_hash)
        })
        .collect()
}

/// An article passed over: its file, and why.
pub type AlreadyStored = (String, &'static str);

/// What an ingest into a store did.
#[derive(Debug, Default)]
pub struct Added {
    /// Articles added.
    pub added: usize,
    /// Articles already in the store, by their file and why.
    pub already: Vec<AlreadyStored>,
    /// Articles dropped as the same as one before them (same address or
    /// same text).
    pub duplicates: usize,
    pub articles: usize,
    pub meetings: usize,
    pub people: usize,
    /// Why the store was rebuilt from all its articles, when it was.
    pub rebuilt: Option<&'static str>,
    /// The corpus everything derived was rewritten from, when it was (a
    /// new store, or one rebuilt), without the new articles' texts: a
    /// process that ends with the ingest can leave its many small parts
    /// unfreed.
    pub corpus: Option<Corpus>,
}

/// Adds articles to the store at `path` (made when missing), in one
/// transaction, as [`add_as_read`] does: for articles read already, all
/// written at the end. The reference the streamed ingest is held to.
#[cfg(test)]
fn ingest(path: &Path, inputs: Vec<Input>, wait: Duration) -> Result<Added, CorpusError> {
    use rayon::prelude::*;
    let ready: Vec<ReadArticle> = inputs.into_par_iter().map(ReadArticle::of).collect();
    let added = add_as_read(path, ready.into_iter().map(Step::Article), wait)?;
    Ok(added.unwrap_or_default())
}

/// Adds articles to the store at `path` (made when missing), in one
/// transaction, each written as it comes from `read` once the articles
/// still to come are known to sort after it (by id, then file: the order
/// of the store's keys), its text freed then. Articles that are the same
/// as one before them (same address or same text) are dropped, and those
/// already in the store passed over. The people of the new articles'
/// names are resolved again with the stored articles naming them, and
/// only what that changes is rewritten (see [`super::increment`]); a
/// version 1 store, or an addition that regroups stored people in a way
/// that would renumber them, is rebuilt from the facts of all its
/// articles. Another ingest writing to it is waited for up to `wait`.
/// None, the store left as it was, when no article comes.
pub fn add_as_read(
    path: &Path,
    mut read: impl Iterator<Item = Step<ReadArticle>>,
    wait: Duration,
) -> Result<Option<Added>, CorpusError> {
    // The store is opened at the first article: reading none leaves it
    // untouched.
    let first = loop {
        match read.next() {
            Some(Step::Article(a)) => break a,
            Some(Step::Sorted(_)) => {}
            None => return Ok(None),
        }
    };
    if path.exists() && !is_store(path) && std::fs::metadata(path).is_ok_and(|m| m.len() > 0) {
        return Err(CorpusError::NotAStore {
            path: path.to_path_buf(),
            detail: ": not an SQLite database; write a store to a new file".into(),
        });
    }
    let mut conn = Connection::open(path).map_err(store_error(path))?;
    conn.busy_timeout(wait).map_err(store_error(path))?;
    set_cache(&conn).map_err(store_error(path))?;
    let mut tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| busy_or_store(path, e, wait))?;
    let found = ready_to_add(&tx, path)?;
    let mut written = write_as_read(&tx, first, read).map_err(store_error(path))?;
    let added = written.fresh.len();
    let already = std::mem::take(&mut written.already);
    let duplicates = written.duplicates;
    let mut rebuilt = None;
    if found == Some(STORE_VERSION) {
        let sp = tx.savepoint().map_err(store_error(path))?;
        match super::increment::add(&sp, &written.fresh, &written.keys)
            .map_err(store_error(path))?
        {
            Ok(counts) => {
                sp.commit().map_err(store_error(path))?;
                tx.commit().map_err(|e| busy_or_store(path, e, wait))?;
                return Ok(Some(Added {
                    added,
                    already,
                    duplicates,
                    articles: counts.articles,
                    meetings: counts.meetings,
                    people: counts.people,
                    rebuilt: None,
                    corpus: None,
                }));
            }
            // Dropped: rolled back, and the whole store is rebuilt below
            // (the new articles' rows, written before it, stay).
            Err(why) => rebuilt = Some(why),
        }
    }
    if found.is_some_and(|v| v < STORE_VERSION) {
        upgrade_schema(&tx).map_err(store_error(path))?;
        rebuilt = Some("the store was of version 1");
    }
    let indexes = if found.is_none() {
        NewIndexes::Yes
    } else {
        NewIndexes::No
    };
    let corpus = rebuild(&tx, path, written, indexes)?;
    let counts = (
        corpus.articles.len(),
        corpus.meetings.len(),
        corpus.people.len(),
    );
    tx.commit().map_err(|e| busy_or_store(path, e, wait))?;
    let (articles, meetings, people) = counts;
    Ok(Some(Added {
        added,
        already,
        duplicates,
        articles,
        meetings,
        people,
        rebuilt,
        corpus: Some(corpus),
    }))
}

/// The store's version, its schema made when it has none and the indexes
/// an addition needs made when it has: an error for a store of a newer
/// version.
fn ready_to_add(tx: &Transaction, path: &Path) -> Result<Option<u32>, CorpusError> {
    let found = version(tx, path)?;
    match found {
        None => create_schema(tx).map_err(store_error(path))?,
        Some(v) if v > STORE_VERSION => {
            return Err(CorpusError::Newer {
                path: path.to_path_buf(),
                found: v,
            });
        }
        Some(v) => {
            tx.execute_batch(ADDED_INDEXES).map_err(store_error(path))?;
            if v == 2 {
                add_haystacks(tx).map_err(store_error(path))?;
                return Ok(Some(STORE_VERSION));
            }
        }
    }
    Ok(found)
}

/// Takes `first` and the rest of `read` into the store (see [`Adding`]).
fn write_as_read(
    tx: &Transaction,
    first: ReadArticle,
    read: impl Iterator<Item = Step<ReadArticle>>,
) -> rusqlite::Result<Written> {
    let mut adding = Adding::new(tx)?;
    adding.take(first)?;
    for step in read {
        match step {
            Step::Article(a) => adding.take(a)?,
            Step::Sorted(bound) => adding.write_below(&bound)?,
        }
    }
    adding.finish()
}

/// An article read for a store: its input, without its text, and its row,
/// with it; made on the thread that read it.
pub struct ReadArticle {
    input: Input,
    row: ArticleRow<'static>,
}

impl ReadArticle {
    pub fn of(mut input: Input) -> ReadArticle {
        let text = std::mem::take(&mut input.text);
        let row = ArticleRow::new(&input.id, &input.file, &input.facts, text, input.text_hash);
        ReadArticle { input, row }
    }

    /// Where it sorts among the articles of a corpus: its id and file,
    /// taken out of its input while it waits (see [`ReadArticle::put_back`]).
    fn take_key(&mut self) -> (String, String) {
        let id = std::mem::take(&mut self.input.id);
        (id, std::mem::take(&mut self.input.file))
    }

    fn put_back(&mut self, (id, file): (String, String)) {
        (self.input.id, self.input.file) = (id, file);
    }
}

/// The articles of an ingest as they are taken into a store: each dropped
/// as the same as one before it, passed over as stored already, or given
/// an id of its own and written once no article still to come can sort
/// before it. Written so, in order of (id, file), their rows' keys are
/// those of all the new articles sorted and then written.
struct Adding<'t> {
    tx: &'t Transaction<'t>,
    /// The store held no articles: none to look up.
    empty: bool,
    /// The articles not dropped as duplicates, each known by its place in
    /// `texts`.
    seen: Seen<usize>,
    texts: Vec<TextAt>,
    /// The ids given.
    ids: HashSet<String>,
    /// New articles waiting for those that may sort before them, by (id,
    /// file), each with its place in `texts`.
    waiting: std::collections::BTreeMap<(String, String), (ReadArticle, Option<usize>)>,
    /// Articles taken to be written by the next statement.
    batch: Vec<(ReadArticle, Option<usize>)>,
    put: Batch<'t>,
    written: Written,
}

/// Where the text of an article in [`Adding::seen`] is.
enum TextAt {
    /// With the article, waiting to be written.
    Waiting,
    /// In the store's row of this key.
    Stored(i64),
    /// Here: an article passed over as stored already by its address.
    Held(String),
}

/// The new articles written, and those left out.
#[derive(Default)]
struct Written {
    /// The largest key stored before: the new articles' keys are above.
    stored: i64,
    /// The new articles, in order, their texts gone into their rows.
    fresh: Vec<Input>,
    /// Their rows' keys.
    keys: Vec<i64>,
    /// Their people's JSON, as their facts' JSON wrote it.
    people: Vec<PeopleJson>,
    already: Vec<AlreadyStored>,
    duplicates: usize,
}

impl<'t> Adding<'t> {
    fn new(tx: &'t Transaction<'t>) -> rusqlite::Result<Adding<'t>> {
        let stored: Option<i64> =
            tx.query_row("SELECT max(key) FROM articles", [], |r| r.get(0))?;
        Ok(Adding {
            tx,
            empty: stored.is_none(),
            seen: Seen::default(),
            texts: Vec::new(),
            ids: HashSet::new(),
            waiting: std::collections::BTreeMap::new(),
            batch: Vec::with_capacity(BATCH_ROWS),
            put: Batch::new(tx, ARTICLES),
            written: Written {
                stored: stored.unwrap_or(0),
                ..Written::default()
            },
        })
    }

    /// Takes the next article read: dropped, passed over, or waiting to
    /// be written under an id of its own.
    fn take(&mut self, mut a: ReadArticle) -> rusqlite::Result<()> {
        let hash = a.input.text_hash;
        let url = a.row.url_key.clone();
        if (self.seen).has(url.as_deref(), hash, &a.row.text, |&at| self.text_at(at))? {
            self.written.duplicates += 1;
            return Ok(());
        }
        // Only an article with a text hash is looked for by its text.
        let place = hash.is_some();
        self.seen.add(url, hash, self.texts.len());
        if let Some((why, at)) = self.stored_as(&a)? {
            let file = std::mem::take(&mut a.input.file);
            self.written.already.push((file, why));
            if place {
                (self.texts).push(at.unwrap_or_else(|| TextAt::Held(a.row.text.into_owned())));
            }
            return Ok(());
        }
        let id = self.unique_id(&a.input.id)?;
        self.ids.insert(id.clone());
        a.row.id.clone_from(&id);
        a.input.id = id;
        let key = a.take_key();
        let place = place.then(|| {
            self.texts.push(TextAt::Waiting);
            self.texts.len() - 1
        });
        self.waiting.insert(key, (a, place));
        Ok(())
    }

    /// Why an article is stored already, and where the stored text of
    /// the same wording is; None when it is not.
    fn stored_as(
        &self,
        a: &ReadArticle,
    ) -> rusqlite::Result<Option<(&'static str, Option<TextAt>)>> {
        if self.empty {
            return Ok(None);
        }
        // The new articles written have no address and no wording of one
        // taken after them (that one is dropped as a duplicate): what is
        // found was stored before.
        if let Some(u) = &a.row.url_key {
            let mut stmt =
                (self.tx).prepare_cached("SELECT count(*) > 0 FROM articles WHERE url_key = ?1")?;
            if stmt.query_row([u], |r| r.get::<_, bool>(0))? {
                return Ok(Some(("same address as an article in the store", None)));
            }
        }
        if let Some(h) = a.input.text_hash
            && let Some(key) = same_text_stored(self.tx, h, &a.row.text)?
        {
            let at = Some(TextAt::Stored(key));
            return Ok(Some(("same text as an article in the store", at)));
        }
        Ok(None)
    }

    /// `id`, or `id-2`, `id-3` … when taken: stored articles keep their
    /// ids.
    fn unique_id(&self, id: &str) -> rusqlite::Result<String> {
        if self.empty {
            return unique_id(id, &mut |id| Ok(self.ids.contains(id)));
        }
        let mut stmt =
            (self.tx).prepare_cached("SELECT count(*) > 0 FROM articles WHERE id = ?1")?;
        unique_id(id, &mut |id| {
            Ok(self.ids.contains(id) || stmt.query_row([id], |r| r.get::<_, bool>(0))?)
        })
    }

    /// The text of the article at `at` in `texts`.
    fn text_at(&self, at: usize) -> rusqlite::Result<String> {
        Ok(match &self.texts[at] {
            TextAt::Waiting => {
                let mut not_written = self.waiting.values().chain(&self.batch);
                let (a, _) = not_written
                    .find(|(_, place)| *place == Some(at))
                    .expect("an article not written is waiting or in the batch");
                a.row.text.to_string()
            }
            TextAt::Stored(key) => {
                let mut stmt = self
                    .tx
                    .prepare_cached("SELECT text FROM articles WHERE key = ?1")?;
                stmt.query_row([key], |r| r.get(0))?
            }
            TextAt::Held(text) => text.clone(),
        })
    }

    /// Writes the articles waiting that sort before every article still to
    /// come, which sorts at or after `bound`.
    fn write_below(&mut self, bound: &Bound) -> rusqlite::Result<()> {
        while let Some(entry) = self.waiting.first_entry() {
            let below = match bound {
                Bound::Unknown => false,
                Bound::From(id, file) => {
                    let (at_id, at_file) = entry.key();
                    (at_id.as_str(), at_file.as_str()) < (id.as_str(), file.as_str())
                }
                Bound::End => true,
            };
            if !below {
                break;
            }
            let (at, (mut a, place)) = entry.remove_entry();
            let last =
                (self.batch.last().map(|(a, _)| &a.input)).or_else(|| self.written.fresh.last());
            if last.is_some_and(|last| (last.id.as_str(), last.file.as_str()) >= (&at.0, &at.1)) {
                // Keys out of order would number the articles otherwise
                // than a corpus orders them: the ingest fails, and its
                // transaction undoes it all.
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_INTERNAL),
                    Some(format!("article {} ({}) read out of order", at.0, at.1)),
                ));
            }
            a.put_back(at);
            self.batch.push((a, place));
            if self.batch.len() == BATCH_ROWS {
                self.write_batch()?;
            }
        }
        Ok(())
    }

    /// Inserts the articles taken by one statement, and frees their texts.
    fn write_batch(&mut self) -> rusqlite::Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let (articles, places): (Vec<ReadArticle>, Vec<Option<usize>>) =
            std::mem::take(&mut self.batch).into_iter().unzip();
        let (inputs, mut rows): (Vec<Input>, Vec<ArticleRow>) =
            articles.into_iter().map(|a| (a.input, a.row)).unzip();
        self.written.people.extend(take_people(&mut rows));
        self.put.insert(&rows)?;
        drop(rows);
        // A key not given is one past the largest, so the keys of one
        // statement's rows follow each other up to the last.
        let last = self.tx.last_insert_rowid();
        let first = last + 1 - inputs.len() as i64;
        for (key, place) in (first..=last).zip(places) {
            if let Some(p) = place {
                self.texts[p] = TextAt::Stored(key);
            }
            self.written.keys.push(key);
        }
        self.written.fresh.extend(inputs);
        Ok(())
    }

    /// Writes the articles left; what was written and left out.
    fn finish(mut self) -> rusqlite::Result<Written> {
        self.write_below(&Bound::End)?;
        self.write_batch()?;
        Ok(self.written)
    }
}

/// Builds the corpus of the stored articles and the new ones `written` at
/// once, and rewrites everything derived. The corpus returned holds none
/// of the new articles' texts.
fn rebuild(
    tx: &Transaction,
    path: &Path,
    written: Written,
    indexes: NewIndexes,
) -> Result<Corpus, CorpusError> {
    let known = Known::read(tx, path, written.stored)?;
    let Written {
        fresh,
        keys: inserted,
        people,
        ..
    } = written;
    let fresh_ids: Vec<String> = fresh.iter().map(|i| i.id.clone()).collect();
    let mut all = known.inputs;
    all.extend(fresh);
    let built = std::sync::OnceLock::new();
    let keys = |corpus: &Corpus, inserted: Vec<i64>| {
        let mut by_id: HashMap<&str, (i64, Option<usize>)> = (fresh_ids.iter())
            .map(String::as_str)
            .zip(inserted.into_iter().enumerate().map(|(i, k)| (k, Some(i))))
            .collect();
        by_id.extend(
            known
                .keys
                .iter()
                .map(|(id, &key)| (id.as_str(), (key, None))),
        );
        corpus
            .articles
            .iter()
            .map(|a| by_id[a.id.as_str()])
            .collect()
    };
    write_derived(
        tx,
        indexes,
        || {
            let (corpus, names) = built.get_or_init(|| build_keyed(all));
            (corpus, Some(names))
        },
        (|| Ok(inserted), people),
        keys,
    )
    .map_err(store_error(path))?;
    Ok(built
        .into_inner()
        .expect("built before its rows were written")
        .0)
}

/// A page cache of 64 MB, so that an ingest's writes to indexes, which
/// land all over them, seldom spill to the file before the commit; pages
/// are only taken as they are read, and a larger cache only fills with
/// the pages of whole tables read once. (Temporary files stay files: the
/// journal of the savepoint an addition runs in is cut back after every
/// statement, which in memory means walking all of it.)
fn set_cache(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA cache_size = -65536;")
}

/// A locked store is said as such, with what to do.
fn busy_or_store(path: &Path, e: rusqlite::Error, wait: Duration) -> CorpusError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            CorpusError::Busy {
                path: path.to_path_buf(),
                waited: wait.as_secs_f64(),
            }
        }
        _ => store_error(path)(e),
    }
}

/// What a store already holds: its articles' facts (without text) and
/// their keys.
struct Known {
    inputs: Vec<Input>,
    keys: HashMap<String, i64>,
}

impl Known {
    /// The articles of keys up to `stored`.
    fn read(tx: &Transaction, path: &Path, stored: i64) -> Result<Known, CorpusError> {
        let mut known = Known {
            inputs: Vec::new(),
            keys: HashMap::new(),
        };
        let mut stmt = tx
            .prepare("SELECT key, id, file, facts FROM articles WHERE key <= ?1")
            .map_err(store_error(path))?;
        let mut rows = stmt.query([stored]).map_err(store_error(path))?;
        while let Some(row) = rows.next().map_err(store_error(path))? {
            let key: i64 = row.get(0).map_err(store_error(path))?;
            let id: String = row.get(1).map_err(store_error(path))?;
            let facts: String = row.get(3).map_err(store_error(path))?;
            let facts: ArticleFacts =
                serde_json::from_str(&facts).map_err(json_error(path, format!("article {id}")))?;
            known.keys.insert(id.clone(), key);
            known.inputs.push(Input {
                id,
                file: row.get(2).map_err(store_error(path))?,
                text: String::new(),
                facts,
                // Stored already; never written again.
                text_hash: None,
            });
        }
        Ok(known)
    }
}

/// The key of a stored article with the wording of `text`, whose text
/// hash is `hash` (the hash only says it may be), if any.
fn same_text_stored(tx: &Connection, hash: i64, text: &str) -> rusqlite::Result<Option<i64>> {
    let mut stmt = tx.prepare_cached("SELECT key, text FROM articles WHERE text_hash = ?1")?;
    let texts = stmt.query_map([hash], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })?;
    // Worked out only for a text whose hash is stored: most are not.
    let mut key = None;
    for t in texts {
        let (stored, t) = t?;
        let key = key.get_or_insert_with(|| text_key(text));
        if text_key(&t) == *key {
            return Ok(Some(stored));
        }
    }
    Ok(None)
}

/// `id`, or `id-2`, `id-3` … when taken: stored articles keep their ids.
fn unique_id(
    id: &str,
    taken: &mut impl FnMut(&str) -> rusqlite::Result<bool>,
) -> rusqlite::Result<String> {
    if !taken(id)? {
        return Ok(id.to_string());
    }
    for n in 2.. {
        let candidate = format!("{id}-{n}");
        if !taken(&candidate)? {
            return Ok(candidate);
        }
    }
    unreachable!("some suffix is free")
}

/// FNV-1a of a text key: stable across builds, unlike std's hasher.
pub(super) fn hash(key: &str) -> i64 {
    fnv1a(FNV_OFFSET, key.as_bytes()) as i64
}

pub(super) fn date(d: Option<crate::extract::Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// The `text_hash` column of an article whose [`text_hash`] is `h`: a text
/// with no words has the hash of no words.
///
/// [`text_hash`]: super::dedupe::text_hash
fn stored_text_hash(h: Option<i64>) -> i64 {
    h.unwrap_or_else(|| hash(""))
}

/// An article's row of `articles`, its facts encoded: made on all threads,
/// inserted on one.
pub(super) struct ArticleRow<'a> {
    id: String,
    file: String,
    url: Option<String>,
    url_key: Option<String>,
    text_hash: i64,
    published: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    province: Option<String>,
    facts: String,
    /// Owned when the row is the text's last use, so that it is freed as
    /// soon as it is written.
    text: std::borrow::Cow<'a, str>,
    /// The people's JSON in `facts`, for their sightings' rows.
    people: PeopleJson,
}

impl<'a> ArticleRow<'a> {
    /// The row of an article with these facts and text, whose
    /// [`text_hash`](super::dedupe::text_hash) is `text_hash`.
    pub(super) fn new(
        id: &str,
        file: &str,
        facts: &ArticleFacts,
        text: impl Into<std::borrow::Cow<'a, str>>,
        text_hash: Option<i64>,
    ) -> Self {
        let (facts_json, people) = facts_json(facts);
        ArticleRow {
            id: id.to_string(),
            file: file.to_string(),
            url: facts.url.clone(),
            url_key: facts.url.as_deref().map(url_key),
            text_hash: stored_text_hash(text_hash),
            published: date(facts.published),
            outlet: facts.outlet.clone(),
            title: facts.title.clone(),
            province: facts.province.clone(),
            facts: facts_json,
            text: text.into(),
            people,
        }
    }
}

/// The people's JSON of each row, taken out before the rows are inserted
/// (and freed): the sightings' rows are written after them.
fn take_people(rows: &mut [ArticleRow]) -> Vec<PeopleJson> {
    rows.iter_mut()
        .map(|r| std::mem::take(&mut r.people))
        .collect()
}

/// An article's facts as JSON, holding no more memory than it needs (the
/// rows of a whole ingest are held at once, and grown by doubling each
/// would hold a third more, every page of it touched for the first time),
/// with its people's JSON as written there.
fn facts_json(facts: &ArticleFacts) -> (String, PeopleJson) {
    thread_local! {
        /// Where facts are written before being copied out at their size.
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with_borrow_mut(|buffer| {
        buffer.clear();
        let marks = marked_json(facts, buffer);
        // SAFETY: serde_json writes only whole `str`s (escaped strings
        // are cut at ASCII escapes) and ASCII, so its output is UTF-8, as
        // `serde_json::to_string` takes it to be; checking again costs as
        // much as a tenth of the writing.
        let json = unsafe { String::from_utf8_unchecked(buffer.clone()) };
        let people = PeopleJson::of(&json, marks, facts.people.len());
        (json, people)
    })
}

/// Writes `facts` as JSON to `out`, as [`serde_json::to_writer`] does;
/// returns where each of its people's JSON starts and ends there.
fn marked_json(facts: &ArticleFacts, out: &mut Vec<u8>) -> Vec<(usize, usize)> {
    use serde::Serialize;
    let written = std::cell::Cell::new(0);
    let mut marks = Vec::with_capacity(facts.people.len());
    let formatter = PeopleMarks {
        written: &written,
        marks: &mut marks,
        depth: 0,
        key: Key::Other,
        in_people: false,
    };
    let writer = Counted {
        out,
        written: &written,
    };
    let mut ser = serde_json::Serializer::with_formatter(writer, formatter);
    facts.serialize(&mut ser).expect("facts always serialize");
    marks
}

/// Bytes written to a buffer, their count kept where [`PeopleMarks`]
/// reads it.
struct Counted<'a> {
    out: &'a mut Vec<u8>,
    written: &'a std::cell::Cell<usize>,
}

impl std::io::Write for Counted<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.out.extend_from_slice(bytes);
        self.written.set(self.out.len());
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// serde_json's compact JSON, noting where each entry of the facts'
/// `people` list starts and ends.
struct PeopleMarks<'a> {
    /// Bytes written so far (see [`Counted`]).
    written: &'a std::cell::Cell<usize>,
    marks: &'a mut Vec<(usize, usize)>,
    /// Objects and lists open: the facts are 1, their lists 2.
    depth: usize,
    /// What the key of the facts being written reads so far.
    key: Key,
    /// Whether the value of the facts being written is their people.
    in_people: bool,
}

/// A key of the facts as far as it is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Empty,
    People,
    Other,
}

impl PeopleMarks<'_> {
    fn in_list(&self) -> bool {
        self.in_people && self.depth == 2
    }
}

impl serde_json::ser::Formatter for PeopleMarks<'_> {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        w.write_all(b"]")
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        w.write_all(b"}")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.in_list() {
            self.marks.push((self.written.get(), self.written.get()));
        }
        Ok(())
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        if self.in_list()
            && let Some(mark) = self.marks.last_mut()
        {
            mark.1 = self.written.get();
        }
        Ok(())
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if self.depth == 1 {
            self.key = Key::Empty;
        }
        if first { Ok(()) } else { w.write_all(b",") }
    }

    fn end_object_key<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        if self.depth == 1 {
            self.in_people = self.key == Key::People;
            self.key = Key::Other;
        }
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        self.key = match (self.key, fragment) {
            (Key::Empty, "people") => Key::People,
            (Key::Empty, "") => Key::Empty,
            _ => Key::Other,
        };
        w.write_all(fragment.as_bytes())
    }

    fn write_char_escape<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        escape: serde_json::ser::CharEscape,
    ) -> std::io::Result<()> {
        self.key = Key::Other;
        let compact = &mut serde_json::ser::CompactFormatter;
        serde_json::ser::Formatter::write_char_escape(compact, w, escape)
    }
}

/// An article's people as its facts' JSON writes them: the JSON of each
/// is that of the person alone, so a sighting's row takes it from here
/// rather than writing the person again.
#[derive(Default)]
pub(super) struct PeopleJson {
    text: String,
    /// Where each person's JSON starts and ends in `text`.
    bounds: Vec<(usize, usize)>,
}

impl PeopleJson {
    /// The people of `json`, whose `marks` say where they are, unless
    /// these are not `n` people.
    fn of(json: &str, marks: Vec<(usize, usize)>, n: usize) -> PeopleJson {
        let (Some(first), Some(last)) = (marks.first(), marks.last()) else {
            return PeopleJson::default();
        };
        if marks.len() != n {
            return PeopleJson::default();
        }
        let start = first.0;
        PeopleJson {
            text: json[start..last.1].to_string(),
            bounds: marks.iter().map(|&(s, e)| (s - start, e - start)).collect(),
        }
    }

    /// The JSON of person `i`, when known.
    pub(super) fn get(&self, i: usize) -> Option<&str> {
        self.bounds.get(i).map(|&(s, e)| &self.text[s..e])
    }
}

impl Row for ArticleRow<'_> {
    const COLUMNS: usize = 11;

    fn bind(&self, stmt: &mut Statement, first: usize) -> rusqlite::Result<()> {
        (
            &self.id,
            &self.file,
            &self.url,
            &self.url_key,
            self.text_hash,
            &self.published,
            &self.outlet,
            &self.title,
            &self.province,
            &self.facts,
            self.text.as_ref(),
        )
            .bind(stmt, first)
    }
}

const ARTICLES: &str = "articles (id, file, url, url_key, text_hash, published, outlet, title,
   province, facts, text)";

/// Inserts articles' rows, each batch freed once written; returns their
/// keys in order.
fn insert_articles(tx: &Connection, rows: Vec<ArticleRow>) -> rusqlite::Result<Vec<i64>> {
    let mut put = Batch::new(tx, ARTICLES);
    let mut keys = Vec::with_capacity(rows.len());
    let mut rows = rows.into_iter();
    loop {
        let batch: Vec<ArticleRow> = rows.by_ref().take(BATCH_ROWS).collect();
        if batch.is_empty() {
            return Ok(keys);
        }
        put.insert(&batch)?;
        // A key not given is one past the largest, so the keys of one
        // statement's rows follow each other up to the last.
        let last = tx.last_insert_rowid();
        keys.extend(last + 1 - batch.len() as i64..=last);
    }
}

/// Rewrites everything derived from the articles: links, meetings, people,
/// positions, attendance, conclusions and the search tables. The corpus
/// is made (`make`) on another thread while `insert` writes the articles
/// not stored yet on this one (whose people's JSON is `people`), and its
/// search entries are then indexed and ranked there while the other rows
/// are written here, then the entries' tables while the ranking goes on;
/// `keys` gives the stored key of each article in corpus order, from those
/// `insert` gave, with its place among the inserted ones if it is one.
/// The keys of the names of people are those `make` gives, when it does.
/// A new store's indexes are made as their tables fill.
fn write_derived<'c>(
    tx: &Transaction,
    indexes: NewIndexes,
    make: impl FnOnce() -> (&'c Corpus, Option<&'c NameKeys>) + Send,
    (insert, people): (impl FnOnce() -> rusqlite::Result<Vec<i64>>, Vec<PeopleJson>),
    keys: impl FnOnce(&Corpus, Vec<i64>) -> Vec<(i64, Option<usize>)>,
) -> rusqlite::Result<()> {
    for table in DERIVED {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    std::thread::scope(|s| {
        let (made, corpus_made) = std::sync::mpsc::channel();
        let (indexed, entries_indexed) = std::sync::mpsc::channel();
        let ranking = s.spawn(move || {
            let (corpus, names) = make();
            // The rows but the search tables need only the corpus.
            let _ = made.send((corpus, names));
            // The search entries' tables need no ranking.
            let entries = std::sync::Arc::new(stored::Indexed::of(corpus));
            let _ = indexed.send(std::sync::Arc::clone(&entries));
            stored::Ranked::of(&entries)
        });
        let inserted = insert()?;
        indexes.articles(tx)?;
        write_back(tx, s)?;
        let Ok((corpus, names)) = corpus_made.recv() else {
            // Nothing sent: making the corpus panicked.
            resume_panic(ranking)
        };
        let (keys, inserted): (Vec<i64>, Vec<Option<usize>>) =
            keys(corpus, inserted).into_iter().unzip();
        let people: Vec<Option<&PeopleJson>> =
            inserted.iter().map(|i| i.map(|i| &people[i])).collect();
        write_rows(tx, (corpus, names), &keys, &people)?;
        indexes.rows(tx)?;
        write_back(tx, s)?;
        let Ok(entries) = entries_indexed.recv() else {
            // Nothing sent: indexing the entries panicked.
            resume_panic(ranking)
        };
        stored::write_entries(tx, &entries)?;
        if !ranking.is_finished() {
            // Waited for anyway: the search tables' pages go to the disk
            // now rather than at the commit, which then has only the
            // ranked lists' pages to write.
            write_back(tx, s)?;
        }
        let ranked = ranking
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        stored::write_tops(tx, &ranked)?;
        indexes.entries(tx)
    })
}

/// Hands the pages written so far to the file and has the system start
/// writing them to the disk on a thread of `scope`, which waits for the
/// disk and for nothing else: the commit then waits only for the pages
/// written after. (SQLite writes its journal to the disk before any page
/// of the store, so pages written early are as safe as at the commit. The
/// commit's own sync is the one that counts: this one's errors are its.)
fn write_back<'s>(tx: &Transaction, scope: &'s std::thread::Scope<'s, '_>) -> rusqlite::Result<()> {
    tx.cache_flush()?;
    if let Some(path) = tx.path().filter(|p| !p.is_empty()) {
        let path = std::path::PathBuf::from(path);
        scope.spawn(move || std::fs::File::open(path).and_then(|f| f.sync_data()));
    }
    Ok(())
}

/// Raises again the panic of `thread`, which stopped before sending what
/// it makes.
fn resume_panic<T>(thread: std::thread::ScopedJoinHandle<'_, T>) -> ! {
    match thread.join() {
        Err(panic) => std::panic::resume_unwind(panic),
        Ok(_) => unreachable!("what is made is sent"),
    }
}

/// The derived rows outside the search tables. The rows of people and
/// sightings are made on a thread of their own as the others are written:
/// their JSON is about as much work as the writing. A sighting's JSON is
/// taken from `people`, each article's people as its facts' JSON wrote
/// them, when there, and a name's key from `names` when there.
fn write_rows(
    tx: &Transaction,
    (corpus, names): (&Corpus, Option<&NameKeys>),
    keys: &[i64],
    people_json: &[Option<&PeopleJson>],
) -> rusqlite::Result<()> {
    use std::sync::mpsc::sync_channel;
    // Each article's date as stored, shared by its people's sightings.
    let dates: Vec<Option<String>> = corpus.articles.iter().map(|a| date(a.date())).collect();
    let dates = &dates;
    std::thread::scope(|s| {
        let (people_made, people) = sync_channel(CHUNKS_AHEAD);
        let (sightings_made, sightings) = sync_channel(CHUNKS_AHEAD);
        s.spawn(move || {
            // A send fails only once the writer has stopped on an error.
            for chunk in corpus.people.chunks(ROWS_PER_CHUNK) {
                let rows: Vec<PersonRows> = (chunk.iter())
                    .map(|p| PersonRows::of(p, Some((corpus, dates))))
                    .collect();
                if people_made.send(rows).is_err() {
                    return;
                }
            }
            drop(people_made);
            // A name's key not in `names` is worked out once however often
            // it is named.
            let mut name_keys: FastMap<&str, String> = FastMap::default();
            for chunk in sighting_rows(corpus).chunks(ROWS_PER_CHUNK) {
                let rows = chunk.iter().map(|&(ai, pi)| {
                    let a = &corpus.articles[ai];
                    let p = &a.facts.people[pi];
                    let key = match names.and_then(|n| n.get(&p.name)) {
                        Some(key) => key.to_string(),
                        None => (name_keys.entry(&p.name))
                            .or_insert_with(|| lex_key(&p.name))
                            .clone(),
                    };
                    let data = people_json[ai]
                        .and_then(|j| j.get(pi))
                        .map_or_else(|| to_json(p).into(), Cow::Borrowed);
                    let date = dates[ai].as_deref().map(Cow::Borrowed);
                    SightingRow::new(key, (ai, pi), a.people[pi], a, date, data)
                });
                if sightings_made.send(rows.collect()).is_err() {
                    return;
                }
            }
        });
        write_links(tx, corpus, keys)?;
        write_meetings(tx, corpus)?;
        write_people(tx, corpus, people)?;
        write_positions(tx, corpus)?;
        write_conclusions(tx, corpus)?;
        write_sightings(tx, sightings)?;
        write_meeting_keys(tx, corpus)
    })
}

/// Rows made ahead of their writing, in chunks of [`ROWS_PER_CHUNK`]: a
/// bound on what is held at once. A multiple of [`BATCH_ROWS`], so that
/// only the last chunk ends in a shorter statement.
const CHUNKS_AHEAD: usize = 4;
const ROWS_PER_CHUNK: usize = 1024;

/// Every (article, fact) of a person named, in order.
fn sighting_rows(corpus: &Corpus) -> Vec<(usize, usize)> {
    corpus
        .articles
        .iter()
        .enumerate()
        .flat_map(|(ai, a)| (0..a.facts.people.len()).map(move |pi| (ai, pi)))
        .collect()
}

/// Every person named in every article, by name key, from rows made on
/// another thread.
fn write_sightings(
    tx: &Transaction,
    rows: std::sync::mpsc::Receiver<Vec<SightingRow<'_>>>,
) -> rusqlite::Result<()> {
    let mut put = Batch::new(tx, super::increment::SIGHTINGS);
    for chunk in rows {
        put.insert(&chunk)?;
    }
    Ok(())
}

/// The key of each meeting that has one.
fn write_meeting_keys(tx: &Transaction, corpus: &Corpus) -> rusqlite::Result<()> {
    let rows: Vec<(String, usize)> = corpus
        .meetings
        .iter()
        .enumerate()
        .filter_map(|(mi, m)| {
            let first = m.articles.first().map(|&ai| &corpus.articles[ai].facts);
            first
                .and_then(super::increment::meeting_key_text)
                .map(|key| (key, mi))
        })
        .collect();
    Batch::new(tx, "meeting_keys (key, meeting)").insert(&rows)
}

pub(super) fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("corpus records always serialize")
}

/// Rows written to one table by one statement: a statement's own cost (its
/// run, its cursors opened, the table sought from its root) is paid once
/// for them all rather than for each row. More rows hold more bound texts
/// at once than SQLite's small-block allocator keeps, and each copy goes
/// to malloc (64 rows cost more than 16).
pub(crate) const BATCH_ROWS: usize = 16;

/// A row's values, bound as a statement's parameters from number `first`.
pub(crate) trait Row {
    const COLUMNS: usize;
    fn bind(&self, stmt: &mut Statement, first: usize) -> rusqlite::Result<()>;
}

/// A tuple is a row of its fields, in order.
macro_rules! tuple_row {
    ($n:literal: $($t:ident $i:tt),+) => {
        impl<$($t: rusqlite::ToSql),+> Row for ($($t,)+) {
            const COLUMNS: usize = $n;

            fn bind(&self, stmt: &mut Statement, first: usize) -> rusqlite::Result<()> {
                $(stmt.raw_bind_parameter(first + $i, &self.$i)?;)+
                Ok(())
            }
        }
    };
}

tuple_row!(2: A 0, B 1);
tuple_row!(3: A 0, B 1, C 2);
tuple_row!(4: A 0, B 1, C 2, D 3);
tuple_row!(5: A 0, B 1, C 2, D 3, E 4);
tuple_row!(8: A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
tuple_row!(11: A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);

/// `verb` `INTO` `into` (a table and its columns) with the parameters of
/// `rows` rows of `columns` values.
fn values_sql(verb: &str, into: &str, columns: usize, rows: usize) -> String {
    let row = format!("({})", vec!["?"; columns].join(", "));
    format!("{verb} INTO {into} VALUES {}", vec![row; rows].join(", "))
}

/// How rows are inserted many at a time. Such a statement that may stop
/// halfway (on a constraint) is otherwise run with a journal of its own,
/// to undo its first rows; these rows go to tables emptied for them or
/// have new keys, so none conflicts, and any error fails the whole ingest,
/// whose transaction undoes everything.
const MANY: &str = "INSERT OR FAIL";

/// Inserts rows of one shape into one table, [`BATCH_ROWS`] to a
/// statement.
pub(crate) struct Batch<'c> {
    conn: &'c Connection,
    into: &'static str,
    /// The statement of a whole batch, once prepared.
    full: Option<Statement<'c>>,
    /// Rows written, when they are numbered (see [`Batch::numbered`]).
    numbered: Option<usize>,
}

impl<'c> Batch<'c> {
    /// Rows inserted into `into`: a table and its columns.
    pub(crate) fn new(conn: &'c Connection, into: &'static str) -> Self {
        Batch {
            conn,
            into,
            full: None,
            numbered: None,
        }
    }

    /// Rows whose first value, the table's integer key, is their number:
    /// 0, 1, 2 … in order, into a table emptied for them. After the first
    /// row the key is left to SQLite, which gives one past the largest
    /// from the end of the table instead of searching it for a key given;
    /// each statement's last key is checked.
    pub(crate) fn numbered(conn: &'c Connection, into: &'static str) -> Self {
        Batch {
            numbered: Some(0),
            ..Batch::new(conn, into)
        }
    }

    /// Inserts `rows`, in order; the last few by a statement of their own.
    pub(crate) fn insert<R: Row>(&mut self, rows: &[R]) -> rusqlite::Result<()> {
        for batch in rows.chunks(BATCH_ROWS) {
            let mut short;
            let stmt = if batch.len() == BATCH_ROWS {
                if self.full.is_none() {
                    let sql = values_sql(MANY, self.into, R::COLUMNS, BATCH_ROWS);
                    self.full = Some(self.conn.prepare(&sql)?);
                }
                self.full.as_mut().expect("prepared above")
            } else {
                short = self
                    .conn
                    .prepare(&values_sql(MANY, self.into, R::COLUMNS, batch.len()))?;
                &mut short
            };
            for (k, row) in batch.iter().enumerate() {
                row.bind(stmt, 1 + k * R::COLUMNS)?;
                if self.numbered.is_some_and(|written| written + k > 0) {
                    stmt.raw_bind_parameter(1 + k * R::COLUMNS, rusqlite::types::Null)?;
                }
            }
            stmt.raw_execute()?;
            if let Some(written) = &mut self.numbered {
                *written += batch.len();
                if self.conn.last_insert_rowid() != *written as i64 - 1 {
                    // Keys out of step would join rows wrongly: the
                    // ingest fails, and its transaction undoes it all.
                    return Err(rusqlite::Error::SqliteFailure(
                        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_INTERNAL),
                        Some(format!("rows into {} are not numbered from 0", self.into)),
                    ));
                }
            }
            // SQLite copies each text bound; freed now, the copies of the
            // next statement take their place in its small-block allocator.
            stmt.clear_bindings();
        }
        Ok(())
    }
}

/// A table an addition writes a row at a time: by `verb` (in place of any
/// stored row of the same key, or beside the others) into `into`, with
/// the statement's text made once rather than for each row.
pub(super) struct OneRow {
    verb: &'static str,
    into: &'static str,
    sql: std::sync::OnceLock<String>,
}

impl OneRow {
    pub(super) const fn new(verb: &'static str, into: &'static str) -> Self {
        OneRow {
            verb,
            into,
            sql: std::sync::OnceLock::new(),
        }
    }
}

/// Inserts one row into `table`, with a statement kept on `conn`.
pub(super) fn insert_one<R: Row>(
    conn: &Connection,
    table: &OneRow,
    row: &R,
) -> rusqlite::Result<()> {
    let sql = (table.sql).get_or_init(|| values_sql(table.verb, table.into, R::COLUMNS, 1));
    let mut stmt = conn.prepare_cached(sql)?;
    row.bind(&mut stmt, 1)?;
    stmt.raw_execute()?;
    Ok(())
}

/// What an addition writes one row at a time: in place of any stored row
/// of the same key, or beside the others.
pub(super) const REPLACE: &str = "INSERT OR REPLACE";
const INSERT: &str = "INSERT";

const LINKS: &str = "article_links (idx, article, meeting, people)";
const MEETINGS: &str = "meetings (idx, date, province, body, title, session, term, data)";
const PEOPLE: &str = "people (idx, name, scope, data)";
const ATTENDED: &str = "attendance (person, meeting, article, date, roles)";
const POSITIONS: &str =
    "positions (person, spell, title, province, from_date, to_date, former, meetings)";
const CONCLUSIONS: &str = "conclusions (article, n, speaker, deadline, text)";

static LINK: OneRow = OneRow::new(REPLACE, LINKS);
static MEETING: OneRow = OneRow::new(REPLACE, MEETINGS);
static PERSON: OneRow = OneRow::new(REPLACE, PEOPLE);
static ATTENDANCE: OneRow = OneRow::new(INSERT, ATTENDED);
static POSITION: OneRow = OneRow::new(INSERT, POSITIONS);
static CONCLUSION: OneRow = OneRow::new(INSERT, CONCLUSIONS);

fn write_links(tx: &Transaction, corpus: &Corpus, keys: &[i64]) -> rusqlite::Result<()> {
    let rows: Vec<_> = (corpus.articles.iter().enumerate())
        .map(|(i, a)| link_row(i, keys[i], a))
        .collect();
    Batch::numbered(tx, LINKS).insert(&rows)
}

/// Article number `i`'s row of `article_links`, in place of any stored.
pub(super) fn write_link(
    conn: &Connection,
    i: usize,
    key: i64,
    a: &Article,
) -> rusqlite::Result<()> {
    insert_one(conn, &LINK, &link_row(i, key, a))
}

fn link_row(i: usize, key: i64, a: &Article) -> (usize, i64, usize, String) {
    (i, key, a.meeting, to_json(&a.people))
}

fn write_meetings(tx: &Transaction, corpus: &Corpus) -> rusqlite::Result<()> {
    let rows: Vec<_> = corpus
        .meetings
        .iter()
        .enumerate()
        .map(meeting_row)
        .collect();
    Batch::numbered(tx, MEETINGS).insert(&rows)
}

/// A meeting's row, in place of any stored.
pub(super) fn write_meeting(conn: &Connection, i: usize, m: &Meeting) -> rusqlite::Result<()> {
    insert_one(conn, &MEETING, &meeting_row((i, m)))
}

type MeetingRow<'a> = (
    usize,
    Option<String>,
    &'a Option<String>,
    &'a Option<String>,
    &'a Option<String>,
    Option<u32>,
    &'a Option<String>,
    String,
);

fn meeting_row((i, m): (usize, &Meeting)) -> MeetingRow<'_> {
    (
        i,
        date(m.date),
        &m.province,
        &m.body,
        &m.title,
        m.session,
        &m.term,
        to_json(m),
    )
}

/// People, and the meetings each attended with their roles, from rows made
/// on another thread.
fn write_people(
    tx: &Transaction,
    corpus: &Corpus,
    rows: std::sync::mpsc::Receiver<Vec<PersonRows<'_>>>,
) -> rusqlite::Result<()> {
    let mut people = Batch::numbered(tx, PEOPLE);
    let mut attended = Batch::new(tx, ATTENDED);
    let mut spells = Batch::new(tx, POSITIONS);
    let mut numbered = corpus.people.iter().enumerate();
    for chunk in rows {
        let mut rows = PersonTables::default();
        for (row, (i, p)) in chunk.iter().zip(&mut numbered) {
            rows.add(i, p, row);
        }
        people.insert(&rows.people)?;
        attended.insert(&rows.attended)?;
        spells.insert(&rows.spells)?;
    }
    Ok(())
}

/// What a person's rows hold besides numbers and posts: made apart from
/// their writing, so that it can be made on another thread.
struct PersonRows<'a> {
    data: String,
    /// Each appearance's date and roles.
    appearances: Vec<(Option<Cow<'a, str>>, Cow<'static, str>)>,
}

impl<'a> PersonRows<'a> {
    /// The rows of `p`, a person of `corpus` when given, whose articles'
    /// dates as stored are `dates`: an appearance on its article's date
    /// takes that text.
    fn of(p: &Person, corpus: Option<(&Corpus, &'a [Option<String>])>) -> PersonRows<'a> {
        let date_text = |a: &Appearance| {
            let on_its_article = corpus.filter(|(corpus, _)| {
                (corpus.articles.get(a.article)).is_some_and(|x| x.date() == a.date)
            });
            match on_its_article {
                Some((_, dates)) => dates[a.article].as_deref().map(Cow::Borrowed),
                None => date(a.date).map(Cow::Owned),
            }
        };
        PersonRows {
            data: to_json(p),
            appearances: (p.appearances.iter())
                .map(|a| (date_text(a), roles_text(&a.roles)))
                .collect(),
        }
    }
}

/// Roles as `attendance` keeps them: their names, joined by "; ".
fn roles_text(roles: &[crate::extract::Role]) -> Cow<'static, str> {
    match roles {
        [] => Cow::Borrowed(""),
        [role] => Cow::Borrowed(role.as_str()),
        _ => {
            let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
            Cow::Owned(names.join("; "))
        }
    }
}

/// A person's row, attendance and spells, in place of any stored.
pub(super) fn write_person(conn: &Connection, i: usize, p: &Person) -> rusqlite::Result<()> {
    let made = PersonRows::of(p, None);
    let mut rows = PersonTables::default();
    rows.add(i, p, &made);
    for row in &rows.people {
        insert_one(conn, &PERSON, row)?;
    }
    for row in &rows.attended {
        insert_one(conn, &ATTENDANCE, row)?;
    }
    for row in &rows.spells {
        insert_one(conn, &POSITION, row)?;
    }
    Ok(())
}

type PersonRow<'a> = (usize, &'a str, &'a str, &'a str);
type AttendedRow<'a> = (usize, usize, usize, Option<&'a str>, &'a str);

/// People's rows of `people`, `attendance` and `positions` (their spells).
#[derive(Default)]
struct PersonTables<'a> {
    people: Vec<PersonRow<'a>>,
    attended: Vec<AttendedRow<'a>>,
    spells: Vec<PositionRow<'a>>,
}

impl<'a> PersonTables<'a> {
    /// Person `i`'s rows, with what was made of it beforehand.
    fn add(&mut self, i: usize, p: &'a Person, made: &'a PersonRows<'_>) {
        self.people.push((i, &p.name, &p.scope, &made.data));
        for (a, (date, roles)) in p.appearances.iter().zip(&made.appearances) {
            self.attended
                .push((i, a.meeting, a.article, date.as_deref(), roles.as_ref()));
        }
        for (si, s) in p.timeline.iter().enumerate() {
            self.spells.push(position_row(
                i,
                Some(si),
                &s.title,
                s.province.as_deref(),
                (s.first_seen, s.last_seen),
                Some(s.meetings.len()),
            ));
        }
    }
}

type PositionRow<'a> = (
    usize,
    Option<usize>,
    &'a str,
    Option<&'a str>,
    Option<String>,
    Option<String>,
    bool,
    Option<usize>,
);

/// One row of `positions`: a spell held, or a post written as a former
/// one (no spell, no meetings, and the article's date as its end).
fn position_row<'a>(
    person: usize,
    spell: Option<usize>,
    title: &'a str,
    province: Option<&'a str>,
    (from, to): (Option<crate::extract::Date>, Option<crate::extract::Date>),
    meetings: Option<usize>,
) -> PositionRow<'a> {
    (
        person,
        spell,
        title,
        province,
        date(from),
        date(to),
        spell.is_none(),
        meetings,
    )
}

/// Posts written as former ones, which were no longer held on the
/// article's date (the spells are written with their people).
fn write_positions(tx: &Transaction, corpus: &Corpus) -> rusqlite::Result<()> {
    let mut rows = Vec::new();
    for a in &corpus.articles {
        for (pi, p) in a.facts.people.iter().enumerate() {
            rows.extend(former_rows(a.people[pi], p, a.date()));
        }
    }
    Batch::new(tx, POSITIONS).insert(&rows)
}

/// The posts written as former ones for a person named in an article.
pub(super) fn write_former(
    conn: &Connection,
    person: usize,
    fact: &crate::extract::PersonFact,
    on: Option<crate::extract::Date>,
) -> rusqlite::Result<()> {
    for row in former_rows(person, fact, on) {
        insert_one(conn, &POSITION, &row)?;
    }
    Ok(())
}

fn former_rows(
    person: usize,
    fact: &crate::extract::PersonFact,
    on: Option<crate::extract::Date>,
) -> impl Iterator<Item = PositionRow<'_>> {
    fact.positions.iter().filter(|x| x.former).map(move |pos| {
        position_row(
            person,
            None,
            &pos.title,
            pos.province.as_deref(),
            (None, on),
            None,
        )
    })
}

fn write_conclusions(tx: &Transaction, corpus: &Corpus) -> rusqlite::Result<()> {
    let rows: Vec<_> = (corpus.articles.iter().enumerate())
        .flat_map(|(ai, a)| conclusion_rows(ai, a))
        .collect();
    Batch::new(tx, CONCLUSIONS).insert(&rows)
}

/// The conclusions of article number `ai`.
pub(super) fn write_article_conclusions(
    conn: &Connection,
    ai: usize,
    a: &Article,
) -> rusqlite::Result<()> {
    for row in conclusion_rows(ai, a) {
        insert_one(conn, &CONCLUSION, &row)?;
    }
    Ok(())
}

type ConclusionRow<'a> = (usize, usize, &'a Option<String>, Option<String>, &'a str);

fn conclusion_rows(ai: usize, a: &Article) -> impl Iterator<Item = ConclusionRow<'_>> {
    (a.facts.conclusions.iter().enumerate())
        .map(move |(ci, c)| (ai, ci, &c.speaker, date(c.deadline), c.text.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table with a key of its own and one without, as the stored tables.
    const TABLES: &str = "CREATE TABLE keyed (idx INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
       note TEXT, n INTEGER);
     CREATE TABLE plain (a INTEGER NOT NULL, b TEXT, c BLOB, d INTEGER NOT NULL);";

    const KEYED: &str = "keyed (idx, name, note, n)";
    const PLAIN: &str = "plain (a, b, c, d)";
    static KEYED_ONE: OneRow = OneRow::new(REPLACE, KEYED);
    static PLAIN_ONE: OneRow = OneRow::new(INSERT, PLAIN);

    type Rows = Vec<(Option<String>, Vec<u8>, bool)>;

    /// Each table's rows, with their row ids, in order.
    fn dump(conn: &Connection) -> Vec<String> {
        let mut out = Vec::new();
        for sql in [
            "SELECT rowid, idx, name, note, n FROM keyed ORDER BY rowid",
            "SELECT rowid, a, b, hex(c), d FROM plain ORDER BY rowid",
        ] {
            let mut stmt = conn.prepare(sql).unwrap();
            let rows = stmt.query_map([], |r| {
                let cells: Vec<rusqlite::types::Value> =
                    (0..5).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?;
                Ok(format!("{cells:?}"))
            });
            out.extend(rows.unwrap().map(Result::unwrap));
        }
        out
    }

    /// `rows` written to both tables, in `parts` calls, many to a statement
    /// (numbered in the keyed table) or one by one.
    fn written(rows: &Rows, parts: usize, batched: bool) -> Vec<String> {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(TABLES).unwrap();
        let keyed: Vec<_> = (rows.iter().enumerate())
            .map(|(i, (note, _, odd))| (i, format!("name {i}"), note, *odd))
            .collect();
        let plain: Vec<_> = (rows.iter().enumerate())
            .map(|(i, (note, blob, odd))| (i, note.as_deref(), blob.as_slice(), *odd))
            .collect();
        let size = keyed.len().div_ceil(parts).max(1);
        let mut put_keyed = Batch::numbered(&conn, KEYED);
        let mut put_plain = Batch::new(&conn, PLAIN);
        for (k, p) in keyed.chunks(size).zip(plain.chunks(size)) {
            if batched {
                put_keyed.insert(k).unwrap();
                put_plain.insert(p).unwrap();
            } else {
                k.iter()
                    .for_each(|r| insert_one(&conn, &KEYED_ONE, r).unwrap());
                p.iter()
                    .for_each(|r| insert_one(&conn, &PLAIN_ONE, r).unwrap());
            }
        }
        dump(&conn)
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(200))]

        #[test]
        fn batched_rows_are_those_written_one_by_one(
            rows in proptest::collection::vec(
                (
                    proptest::option::of("[a-zđ ]{0,12}"),
                    proptest::collection::vec(proptest::num::u8::ANY, 0..6),
                    proptest::bool::ANY,
                ),
                0..300,
            ),
            parts in 1usize..5,
        ) {
            proptest::prop_assert_eq!(written(&rows, parts, true), written(&rows, parts, false));
        }
    }

    /// Facts whose people's JSON is taken from the facts' JSON match the
    /// JSON of each written alone, and the facts' JSON serde_json's.
    fn check_people_json(facts: &ArticleFacts) {
        let (json, people) = facts_json(facts);
        assert_eq!(json, serde_json::to_string(facts).unwrap());
        for (i, p) in facts.people.iter().enumerate() {
            assert_eq!(people.get(i), Some(to_json(p).as_str()), "person {i}");
        }
        assert_eq!(people.get(facts.people.len()), None);
    }

    /// Strings a key or value of the facts may be confused with, or that
    /// need escaping.
    const TRICKY: &[&str] = &[
        "people", "", "\"", "\\", "\n", "Bí thư", "\u{1}", "[{", "}]", ",",
    ];

    fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
        crate::testing::pieces_joined(TRICKY, 4)
    }

    fn person() -> impl proptest::strategy::Strategy<Value = crate::extract::PersonFact> {
        use crate::extract::{PersonFact, Position, Role, Span};
        use proptest::prelude::*;
        let position = (
            tricky_text(),
            proptest::option::of(tricky_text()),
            any::<(bool, bool, u16)>(),
        )
            .prop_map(|(title, province, (former, conferred, at))| Position {
                title,
                span: Span::new(at as usize, at as usize + 3),
                province,
                former,
                conferred,
            });
        let roles = proptest::sample::subsequence(
            vec![Role::Chair, Role::Presenter, Role::Speaker, Role::Attendee],
            0..3,
        );
        (
            tricky_text(),
            proptest::collection::vec(position, 0..3),
            roles,
            proptest::collection::vec((0usize..9, 0usize..9), 0..3),
        )
            .prop_map(|(name, positions, roles, spans)| PersonFact {
                name,
                positions,
                roles,
                spans: spans.into_iter().map(|(a, b)| Span::new(a, b)).collect(),
            })
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(300))]

        #[test]
        fn people_json_is_each_persons_json(
            people in proptest::collection::vec(person(), 0..5),
            url in proptest::option::of(tricky_text()),
            province_from in proptest::option::of(tricky_text()),
            title in proptest::option::of(tricky_text()),
            authors in proptest::collection::vec(tricky_text(), 0..3),
        ) {
            let facts = ArticleFacts {
                url,
                province_from,
                title,
                authors,
                people,
                ..ArticleFacts::default()
            };
            check_people_json(&facts);
        }
    }

    #[test]
    fn people_json_of_the_bundled_articles_is_each_persons_json() {
        for page in crate::testing::bundled_pages() {
            let facts = crate::extract::extract_page(&page);
            assert!(!facts.people.is_empty());
            check_people_json(&facts);
        }
    }

    #[test]
    fn a_batch_that_breaks_a_constraint_fails() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(TABLES).unwrap();
        let mut put = Batch::new(&conn, KEYED);
        let rows: Vec<_> = (0..40)
            .map(|i| (i, format!("name {}", i % 30), 0, 0))
            .collect();
        assert!(put.insert(&rows).is_err());
        // A null where the table says NOT NULL, in the last row.
        let nulls: Vec<_> = (0..3)
            .map(|i| ((i < 2).then_some(i), "b", None::<Vec<u8>>, 0))
            .collect();
        assert!(Batch::new(&conn, PLAIN).insert(&nulls).is_err());
    }

    #[test]
    fn numbered_rows_into_a_table_not_emptied_fail_rather_than_take_other_keys() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(TABLES).unwrap();
        conn.execute("INSERT INTO keyed VALUES (100, 'old', NULL, 0)", [])
            .unwrap();
        // Row 0 takes key 0; the rows after it would take 101, 102 …
        let rows: Vec<_> = (0..40).map(|i| (i, format!("name {i}"), 0, 0)).collect();
        let err = Batch::numbered(&conn, KEYED).insert(&rows).unwrap_err();
        assert!(err.to_string().contains("not numbered from 0"), "{err}");
    }

    #[test]
    fn inserted_articles_have_the_keys_returned() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(SCHEMA_SQL).unwrap();
        let facts = ArticleFacts::default();
        let ids: Vec<String> = (0..200).map(|i| format!("a{i}")).collect();
        for range in [0..1, 1..70, 70..200] {
            let rows = ids[range.clone()]
                .iter()
                .map(|id| ArticleRow::new(id, "f", &facts, "text", None))
                .collect();
            let keys = insert_articles(&conn, rows).unwrap();
            for (id, key) in ids[range].iter().zip(keys) {
                let stored: String = conn
                    .query_row("SELECT id FROM articles WHERE key = ?1", [key], |r| {
                        r.get(0)
                    })
                    .unwrap();
                assert_eq!(&stored, id);
            }
        }
    }

    /// Every table of a store, rows in order, as text.
    fn dump_store(path: &Path) -> Vec<String> {
        let conn = Connection::open(path).unwrap();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut out = Vec::new();
        for t in tables {
            let mut stmt = conn.prepare(&format!("SELECT * FROM {t}")).unwrap();
            let n = stmt.column_count();
            let rows = stmt.query_map([], |r| {
                let cells: Vec<rusqlite::types::Value> =
                    (0..n).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?;
                Ok(format!("{t} {cells:?}"))
            });
            out.extend(rows.unwrap().map(Result::unwrap));
        }
        out
    }

    /// What an ingest said, to compare.
    fn said(added: &Added, report: &super::super::ingest::Report) -> String {
        format!(
            "{} {:?} {} {} {} {} {:?} {} {:?} {:?}",
            added.added,
            added.already,
            added.duplicates,
            added.articles,
            added.meetings,
            added.people,
            added.rebuilt,
            report.read,
            report.skipped,
            report.warnings,
        )
    }

    /// `paths` ingested into the store `db` with each article written as
    /// soon as its key is known.
    fn ingest_as_read(paths: &[std::path::PathBuf], db: &Path, threads: usize) -> String {
        use super::super::ingest::{Reading, collect};
        let (files, _) = collect(paths);
        let (added, report) = std::thread::scope(|s| {
            let prepare = &ReadArticle::of;
            let mut reading = Reading::start(s, &files, threads, &|_, _| {}, prepare);
            let added = add_as_read(db, reading.by_ref(), Duration::ZERO).unwrap();
            (added, reading.into_report())
        });
        said(&added.unwrap_or_default(), &report)
    }

    /// `paths` read whole, duplicates dropped, then sorted and written.
    fn ingest_read_whole(paths: &[std::path::PathBuf], db: &Path) -> String {
        use super::super::ingest::{collect, read_inputs};
        let (files, _) = collect(paths);
        let (inputs, report) = read_inputs(&files, 2, &|_, _| {});
        let duplicates = report.duplicates;
        let mut added = if inputs.is_empty() {
            Added::default()
        } else {
            ingest(db, inputs, Duration::ZERO).unwrap()
        };
        added.duplicates += duplicates;
        said(&added, &report)
    }

    /// Articles for the files of [`files_written`].
    static TEXTS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        let config = xtask::synth::SynthConfig {
            articles: 12,
            seed: 7,
        };
        xtask::synth::generate(&config).map(|a| a.text).collect()
    });

    /// A file of a plan: where, its name, its kind, and what it holds
    /// (articles of [`TEXTS`], with an id and an address from few, for a
    /// file of records).
    type PlannedFile = (
        usize,
        usize,
        usize,
        Vec<(usize, Option<usize>, Option<usize>)>,
    );

    /// Names that sort otherwise as paths than as stems, and ids that a
    /// suffix makes unique ("x", "x-2").
    const STEMS: &[&str] = &["x", "x.y", "x-2", "x-1", "a", "a.b", "a_b", "b", "x-2-2"];
    const DIRS: &[&str] = &["", "d", "d/e", "f"];
    const KINDS: &[&str] = &["txt", "html", "jsonl"];

    /// Writes the files of `plan` under `root`; returns the paths to ingest:
    /// the root, and the first file again when `again`.
    fn files_written(root: &Path, plan: &[PlannedFile], again: bool) -> Vec<std::path::PathBuf> {
        let mut paths = vec![root.to_path_buf()];
        for (n, (dir, stem, kind, held)) in plan.iter().enumerate() {
            let dir = root.join(DIRS[*dir % DIRS.len()]);
            std::fs::create_dir_all(&dir).unwrap();
            let kind = KINDS[*kind % KINDS.len()];
            // Some names are many files' (made unique by their folder),
            // others one file's.
            let stem = match n % 3 {
                0 => STEMS[*stem % STEMS.len()].to_string(),
                _ => format!("{}{n}", STEMS[*stem % STEMS.len()]),
            };
            let path = dir.join(format!("{stem}.{kind}"));
            let text = |t: usize| match t % (TEXTS.len() + 1) {
                // An empty file, or record.
                0 => "  ".to_string(),
                t => TEXTS[t - 1].clone(),
            };
            let body = if kind == "jsonl" {
                let records = held.iter().map(|&(t, id, url)| {
                    let mut r = serde_json::json!({ "text": text(t) });
                    if let Some(id) = id {
                        r["id"] = STEMS[id % STEMS.len()].into();
                    }
                    if let Some(u) = url {
                        r["url"] = format!("https://bao.vn/{}", u % 4).into();
                    }
                    r.to_string()
                });
                records.collect::<Vec<_>>().join("\n")
            } else {
                held.first().map_or(String::new(), |&(t, _, _)| text(t))
            };
            std::fs::write(&path, body).unwrap();
            if again && n == 0 {
                paths.push(path);
            }
        }
        paths
    }

    fn planned_file() -> impl proptest::strategy::Strategy<Value = PlannedFile> {
        use proptest::prelude::*;
        let record = (
            0usize..40,
            proptest::option::of(0usize..9),
            proptest::option::of(0usize..6),
        );
        (
            0usize..4,
            0usize..9,
            // Texts and pages more often than records.
            prop_oneof![3 => Just(0usize), 1 => Just(1usize), 1 => Just(2usize)],
            proptest::collection::vec(record, 1..4),
        )
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(24))]

        /// Articles written as they are read, to a new store and then
        /// added to it, give the store, and the report, of reading them
        /// all first, then sorting and writing them.
        #[test]
        fn a_store_written_as_read_is_the_store_written_after(
            first in proptest::collection::vec(planned_file(), 1..14),
            then in proptest::collection::vec(planned_file(), 1..14),
            again in proptest::bool::ANY,
            threads in 1usize..4,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let d = dir.path();
            let first = files_written(&d.join("first"), &first, again);
            let then = files_written(&d.join("then"), &then, !again);
            let (streamed, whole) = (d.join("streamed.db"), d.join("whole.db"));
            for paths in [&first, &then] {
                let said = ingest_as_read(paths, &streamed, threads);
                proptest::prop_assert_eq!(said, ingest_read_whole(paths, &whole));
                proptest::prop_assert_eq!(dump_store(&streamed), dump_store(&whole));
            }
        }
    }
}
