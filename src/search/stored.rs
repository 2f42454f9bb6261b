//! Search from a corpus store without loading the corpus: the entries, the
//! sorted dictionary of their folded words with each word's posting list,
//! and for the shortest queries (one or two letters) the best entries,
//! ranked at ingest.
//!
//! A query reads the posting lists of the words that begin with each query
//! word (a range of the dictionary), keeps the entries in all of them, and
//! ranks those with the in-memory search: entries outside them cannot
//! match, so the results are those of searching every entry.

use rayon::prelude::*;
use rusqlite::{Connection, OptionalExtension, params};

use super::index::Index;
use super::{Hit, Kind, Query, Searcher, Target};

/// How many results are ranked at ingest for each short query.
pub const TOP: usize = 200;

/// Letters (and digits) in a query answered from the ranked lists.
const SHORT: usize = 2;

/// Writes the search tables (`entries`, `words`, `tops`) of `index`.
pub fn write(conn: &Connection, index: &Index) -> rusqlite::Result<()> {
    let mut entry =
        conn.prepare("INSERT INTO entries (id, kind, target, text) VALUES (?1, ?2, ?3, ?4)")?;
    for i in 0..index.len() {
        let e = index.entry(i);
        let target = serde_json::to_string(e.target).expect("targets always serialize");
        entry.execute(params![i, e.kind.label(), target, e.text])?;
    }
    let mut word =
        conn.prepare("INSERT INTO words (id, word, n, postings) VALUES (?1, ?2, ?3, ?4)")?;
    for (i, w) in index.words.words().iter().enumerate() {
        let list = index.postings.get(i);
        word.execute(params![i, &**w, list.len(), to_blob(list)])?;
    }
    let mut top = conn.prepare("INSERT INTO tops (pattern, entries) VALUES (?1, ?2)")?;
    for (pattern, list) in ranked_short_queries(index) {
        top.execute(params![pattern, to_blob(&list)])?;
    }
    Ok(())
}

/// Every query of at most [`SHORT`] letters that matches something, with
/// its best [`TOP`] entries in rank order. A match needs each query word to
/// begin a word, so these are: each first letter of a word, each two first
/// letters, and each pair of first letters as two words.
fn ranked_short_queries(index: &Index) -> Vec<(String, Vec<u32>)> {
    let mut firsts = std::collections::BTreeSet::new();
    let mut patterns = std::collections::BTreeSet::new();
    for w in index.words.words() {
        let mut chars = w.chars();
        if let Some(a) = chars.next() {
            firsts.insert(a);
            patterns.insert(a.to_string());
            if let Some(b) = chars.next() {
                patterns.insert(format!("{a}{b}"));
            }
        }
    }
    for a in &firsts {
        for b in &firsts {
            patterns.insert(format!("{a} {b}"));
        }
    }
    let patterns: Vec<String> = patterns.into_iter().collect();
    patterns
        .into_par_iter()
        .filter_map(|p| {
            let hits = Searcher::default().search(index, &p, TOP);
            let list: Vec<u32> = hits.iter().map(|h| h.entry as u32).collect();
            (!list.is_empty()).then_some((p, list))
        })
        .collect()
}

fn to_blob(list: &[u32]) -> Vec<u8> {
    list.iter().flat_map(|e| e.to_le_bytes()).collect()
}

fn from_blob(blob: &[u8]) -> impl Iterator<Item = u32> + '_ {
    blob.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// The results of a search in a store: the entries read, indexed, and the
/// hits among them.
#[derive(Debug)]
pub struct Found {
    /// The entries read from the store, in entry order.
    pub entries: Index,
    /// The store's number of each entry read.
    pub ids: Vec<u32>,
    /// Best first; `entry` is the position in `entries`.
    pub hits: Vec<Hit>,
}

impl Found {
    /// The hits with the store's entry numbers, as a search of the whole
    /// corpus numbers them.
    pub fn numbered(&self) -> Vec<Hit> {
        self.hits
            .iter()
            .map(|h| Hit {
                entry: self.ids[h.entry] as usize,
                ..h.clone()
            })
            .collect()
    }
}

/// The entries of the store matching `query`, best first, at most `limit`:
/// the same as searching the whole corpus's index.
pub fn search(conn: &Connection, query: &str, limit: usize) -> rusqlite::Result<Found> {
    let mut ids = match Query::parse(query) {
        None => Vec::new(),
        Some(_) if limit == 0 => Vec::new(),
        Some(q) => match ranked(conn, &q, limit)? {
            Some(top) => top,
            None => candidates(conn, &q)?,
        },
    };
    ids.sort_unstable();
    let entries = read_entries(conn, &ids)?;
    let hits = Searcher::default().search(&entries, query, limit);
    Ok(Found { entries, ids, hits })
}

/// The first `limit` entries ranked at ingest, for a short query typed
/// without marks; None when the query is not one, or asks for more than
/// was ranked.
fn ranked(conn: &Connection, q: &Query, limit: usize) -> rusqlite::Result<Option<Vec<u32>>> {
    let letters = q.pattern.chars().filter(|&c| c != ' ').count();
    let plain = q.pattern.chars().all(|c| c == ' ' || c.is_alphanumeric());
    if !q.marked.is_empty() || !plain || letters > SHORT {
        return Ok(None);
    }
    let blob: Option<Vec<u8>> = conn
        .query_row(
            "SELECT entries FROM tops WHERE pattern = ?1",
            [&q.pattern],
            |r| r.get(0),
        )
        .optional()?;
    // Every short query that matches anything has a list.
    let list: Vec<u32> = blob
        .as_deref()
        .map(|b| from_blob(b).collect())
        .unwrap_or_default();
    if limit > list.len() && list.len() >= TOP {
        return Ok(None);
    }
    Ok(Some(list.into_iter().take(limit).collect()))
}

/// The first string after every string that begins with `prefix`, if any.
fn after_prefix(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        let next = match last as u32 + 1 {
            0xD800 => Some('\u{E000}'),
            n => char::from_u32(n),
        };
        if let Some(n) = next {
            chars.push(n);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

/// Entries holding a word that begins with each query word: the entries of
/// the word with the fewest postings, narrowed by the others' where those
/// are not much longer (the ranking checks every word again).
fn candidates(conn: &Connection, q: &Query) -> rusqlite::Result<Vec<u32>> {
    let mut sized = Vec::new();
    for w in &q.words {
        let n: i64 = conn.query_row(
            "SELECT coalesce(sum(n), 0) FROM words WHERE word >= ?1 AND (?2 IS NULL OR word < ?2)",
            params![w, after_prefix(w)],
            |r| r.get(0),
        )?;
        if n == 0 {
            return Ok(Vec::new());
        }
        sized.push((n, w));
    }
    sized.sort();
    let mut found = postings(conn, sized[0].1)?;
    for &(n, w) in &sized[1..] {
        if n as usize > found.len() * 8 {
            break;
        }
        let other = postings(conn, w)?;
        found.retain(|e| other.binary_search(e).is_ok());
    }
    Ok(found)
}

/// The entries holding a word that begins with `prefix`, sorted.
fn postings(conn: &Connection, prefix: &str) -> rusqlite::Result<Vec<u32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT postings FROM words WHERE word >= ?1 AND (?2 IS NULL OR word < ?2)",
    )?;
    let mut rows = stmt.query(params![prefix, after_prefix(prefix)])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let blob = row.get_ref(0)?.as_blob()?;
        out.extend(from_blob(blob));
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// The entries numbered `ids` (sorted), indexed.
fn read_entries(conn: &Connection, ids: &[u32]) -> rusqlite::Result<Index> {
    let mut stmt = conn.prepare_cached("SELECT kind, target, text FROM entries WHERE id = ?1")?;
    let mut entries = Vec::with_capacity(ids.len());
    for &id in ids {
        let (kind, target, text): (String, String, String) =
            stmt.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let bad = |what: &str| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("entry {id}: {what}").into(),
            )
        };
        let kind = Kind::from_label(&kind).ok_or_else(|| bad("unknown kind"))?;
        let target: Target = serde_json::from_str(&target).map_err(|_| bad("bad target"))?;
        entries.push((kind, target, text));
    }
    Ok(Index::from_entries(entries))
}
