//! Bringing a store's search tables up to date after an ingest that added
//! entries or changed the text of some, without reading the others: the
//! postings of the words those entries gain or lose, and the ranked lists
//! of the short queries they match or matched.
//!
//! Each ranked list keeps its entries' shortfalls, so new scores merge in
//! without scoring the entries kept. A list is complete (every match) or
//! the exact best of all matches down to its last entry: entries outside
//! it rank below that one. A changed entry that leaves such a list can
//! only be replaced by one as good as its last; when fewer than
//! [`TOP`] entries are then known to be best, the update gives up and the
//! caller ranks everything again.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use rusqlite::{Connection, OptionalExtension, params};

use super::index::Index;
use super::shortfall::{Scratch, Shortfall};
use super::stored::{
    KEPT, ROW_MARK, ROW_POSTINGS, Short, TOP, from_blob, row_key, shortfall_of, to_blob, words_of,
};
use super::{Kind, Target};

/// An entry as it now reads.
pub type Entry = (Kind, Target, String);

/// The entries to write, numbered: stored ones keep their number, new ones
/// are numbered after the last.
struct Numbered {
    ids: Vec<u32>,
    /// The stored text of each entry that was stored, by position in `ids`.
    old: Vec<Option<usize>>,
    now: Index,
    before: Index,
}

/// Writes `entries` (new ones, or stored ones by their target) and updates
/// the words and ranked lists. False when a ranked list can no longer be
/// kept exact this way; nothing useful is then written and the caller
/// rebuilds the search tables.
pub fn update(conn: &Connection, entries: Vec<Entry>) -> rusqlite::Result<bool> {
    let numbered = number(conn, entries)?;
    if numbered.ids.is_empty() {
        return Ok(true);
    }
    write_entries(conn, &numbered)?;
    super::haystack_rows::rewrite(conn, &numbered.ids)?;
    update_words(conn, &numbered)?;
    update_tops(conn, &numbered)
}

/// Numbers the entries, leaving out stored ones whose text is unchanged.
fn number(conn: &Connection, entries: Vec<Entry>) -> rusqlite::Result<Numbered> {
    let mut next: u32 =
        conn.query_row("SELECT coalesce(max(id) + 1, 0) FROM entries", [], |r| {
            r.get(0)
        })?;
    let mut find = conn.prepare("SELECT id, text FROM entries WHERE target = ?1")?;
    let (mut ids, mut old, mut now, mut before) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (kind, target, text) in entries {
        let key = serde_json::to_string(&target).expect("targets always serialize");
        let stored: Option<(u32, String)> = find
            .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match stored {
            Some((_, was)) if was == text => continue,
            Some((id, was)) => {
                ids.push(id);
                old.push(Some(before.len()));
                before.push((kind, target.clone(), was));
            }
            None => {
                ids.push(next);
                old.push(None);
                next += 1;
            }
        }
        now.push((kind, target, text));
    }
    Ok(Numbered {
        ids,
        old,
        now: Index::from_entries(now),
        before: Index::from_entries(before),
    })
}

fn write_entries(conn: &Connection, n: &Numbered) -> rusqlite::Result<()> {
    let mut put = conn.prepare(
        "INSERT OR REPLACE INTO entries (id, kind, target, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, &id) in n.ids.iter().enumerate() {
        let e = n.now.entry(i);
        let target = serde_json::to_string(e.target).expect("targets always serialize");
        put.execute(params![id, e.kind.label(), target, e.text])?;
    }
    Ok(())
}

/// The words of entry `i` now and before.
fn both_words(n: &Numbered, i: usize) -> (BTreeSet<&str>, BTreeSet<&str>) {
    let now = words_of(&n.now, i).collect();
    let before = n.old[i]
        .map(|o| words_of(&n.before, o).collect())
        .unwrap_or_default();
    (now, before)
}

/// Adds each entry to the postings of the words it gained and takes it out
/// of those of the words it lost, rewriting only the rows of `words` that
/// change; emptied rows go.
fn update_words(conn: &Connection, n: &Numbered) -> rusqlite::Result<()> {
    let mut rows = WordRows::new(conn)?;
    for (word, (added, removed)) in word_changes(n) {
        let mut parts = rows.read(word, !removed.is_empty())?;
        take_out(&mut parts, &removed);
        put_in(&mut parts, added);
        split_long(&mut parts);
        rows.write(word, parts)?;
    }
    Ok(())
}

/// For each word, the entries that gained it and those that lost it.
fn word_changes(n: &Numbered) -> BTreeMap<&str, (Vec<u32>, Vec<u32>)> {
    let mut changes: BTreeMap<&str, (Vec<u32>, Vec<u32>)> = BTreeMap::new();
    for (i, &id) in n.ids.iter().enumerate() {
        let (now, before) = both_words(n, i);
        for w in now.difference(&before) {
            changes.entry(w).or_default().0.push(id);
        }
        for w in before.difference(&now) {
            changes.entry(w).or_default().1.push(id);
        }
    }
    changes
}

/// One stored row of a word's postings (see [`ROW_POSTINGS`]).
struct Part {
    /// The row's id; None for a row not stored yet.
    id: Option<i64>,
    part: usize,
    /// The row's postings, when read: only rows that may change are.
    list: Vec<u32>,
    loaded: bool,
    changed: bool,
}

/// Takes `removed` out of the rows holding them.
fn take_out(parts: &mut [Part], removed: &[u32]) {
    if removed.is_empty() {
        return;
    }
    let removed: HashSet<u32> = removed.iter().copied().collect();
    for p in parts {
        let before = p.list.len();
        p.list.retain(|e| !removed.contains(e));
        p.changed |= p.list.len() != before;
    }
}

/// Adds `added` (entries new to the word) to its last row while it has
/// room, then to new rows.
fn put_in(parts: &mut Vec<Part>, mut added: Vec<u32>) {
    added.sort_unstable();
    let mut rest = &added[..];
    if let Some(last) = parts.last_mut()
        && last.loaded
        && last.list.len() < ROW_POSTINGS
        && !rest.is_empty()
    {
        let (now, later) = rest.split_at((ROW_POSTINGS - last.list.len()).min(rest.len()));
        last.list.extend_from_slice(now);
        last.list.sort_unstable();
        last.changed = true;
        rest = later;
    }
    push_rows(parts, rest);
}

/// New rows after the last, holding `postings`.
fn push_rows(parts: &mut Vec<Part>, postings: &[u32]) {
    for chunk in postings.chunks(ROW_POSTINGS) {
        let part = parts.last().map_or(0, |p| p.part + 1);
        parts.push(Part {
            id: None,
            part,
            list: chunk.to_vec(),
            loaded: true,
            changed: true,
        });
    }
}

/// Splits each changed row longer than [`ROW_POSTINGS`] (a store written
/// with one row per word) so that the next change rewrites less.
fn split_long(parts: &mut Vec<Part>) {
    for i in 0..parts.len() {
        if !parts[i].changed || parts[i].list.len() <= ROW_POSTINGS {
            continue;
        }
        let rest = parts[i].list.split_off(ROW_POSTINGS);
        push_rows(parts, &rest);
    }
}

/// Reads and writes the rows of a word's postings.
struct WordRows<'c> {
    read: rusqlite::CachedStatement<'c>,
    postings: rusqlite::CachedStatement<'c>,
    put: rusqlite::CachedStatement<'c>,
    drop: rusqlite::CachedStatement<'c>,
    next: i64,
}

impl<'c> WordRows<'c> {
    fn new(conn: &'c Connection) -> rusqlite::Result<Self> {
        Ok(WordRows {
            // The word's rows and no other: their keys are the word, or it
            // followed by the mark, below any other character.
            read: conn.prepare_cached(
                "SELECT id, word, n FROM words WHERE word >= ?1 AND word < ?2 ORDER BY word",
            )?,
            postings: conn.prepare_cached("SELECT postings FROM words WHERE id = ?1")?,
            put: conn.prepare_cached(
                "INSERT OR REPLACE INTO words (id, word, n, postings) VALUES (?1, ?2, ?3, ?4)",
            )?,
            drop: conn.prepare_cached("DELETE FROM words WHERE id = ?1")?,
            next: conn.query_row("SELECT coalesce(max(id) + 1, 0) FROM words", [], |r| {
                r.get(0)
            })?,
        })
    }

    /// The rows of `word`'s postings, with the postings of every row when
    /// `all`, else only of the last row when it has room: a long list is
    /// not read to be added to.
    fn read(&mut self, word: &str, all: bool) -> rusqlite::Result<Vec<Part>> {
        // Past the word's last row: the character after the mark.
        let past = format!("{word}\u{2}");
        let mut rows = self.read.query(params![word, past])?;
        let mut parts = Vec::new();
        let mut sizes = Vec::new();
        while let Some(r) = rows.next()? {
            let key: String = r.get(1)?;
            let part = key
                .strip_prefix(word)
                .and_then(|rest| rest.strip_prefix(ROW_MARK))
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            parts.push(Part {
                id: Some(r.get(0)?),
                part,
                list: Vec::new(),
                loaded: false,
                changed: false,
            });
            sizes.push(r.get::<_, usize>(2)?);
        }
        let last = parts.len().wrapping_sub(1);
        for (i, p) in parts.iter_mut().enumerate() {
            if all || (i == last && sizes[i] < ROW_POSTINGS) {
                let id = p.id.unwrap_or_default();
                p.list = self
                    .postings
                    .query_row([id], |r| Ok(from_blob(r.get_ref(0)?.as_blob()?).collect()))?;
                p.loaded = true;
            }
        }
        Ok(parts)
    }

    /// Writes the rows that changed; an emptied one goes.
    fn write(&mut self, word: &str, parts: Vec<Part>) -> rusqlite::Result<()> {
        for p in parts.into_iter().filter(|p| p.changed) {
            match (p.id, p.list.is_empty()) {
                (Some(id), true) => {
                    self.drop.execute([id])?;
                }
                (None, true) => {}
                (id, false) => {
                    let id = id.unwrap_or_else(|| {
                        self.next += 1;
                        self.next - 1
                    });
                    let key = row_key(word, p.part);
                    self.put
                        .execute(params![id, key, p.list.len(), to_blob(&p.list)])?;
                }
            }
        }
        Ok(())
    }
}

/// Every short query any of the entries matches now or matched before,
/// with the entries (by position) that match it now.
fn touched_patterns(n: &Numbered) -> BTreeMap<String, Vec<usize>> {
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for i in 0..n.ids.len() {
        let (now, before) = both_words(n, i);
        for s in Short::of_words(now.into_iter()) {
            out.entry(s.pattern()).or_default().push(i);
        }
        for s in Short::of_words(before.into_iter()) {
            out.entry(s.pattern()).or_default();
        }
    }
    out
}

/// Merges the entries' new shortfalls into each list they may be in.
fn update_tops(conn: &Connection, n: &Numbered) -> rusqlite::Result<bool> {
    let changed: HashSet<u32> = n.ids.iter().copied().collect();
    let mut read = conn.prepare("SELECT entries, losses, complete FROM tops WHERE pattern = ?1")?;
    let mut put = conn.prepare(
        "INSERT OR REPLACE INTO tops (pattern, entries, losses, complete) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut drop = conn.prepare("DELETE FROM tops WHERE pattern = ?1")?;
    let mut scratch = Scratch::default();
    for (pattern, matching) in touched_patterns(n) {
        let stored: Option<(Vec<u8>, Vec<u8>, bool)> = read
            .query_row([&pattern], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let (mut kept, complete) = match stored {
            Some((entries, losses, complete)) => (
                from_blob(&losses)
                    .zip(from_blob(&entries))
                    .collect::<Vec<_>>(),
                complete,
            ),
            None => (Vec::new(), true),
        };
        // Past the last of an incomplete list, entries not read may rank.
        let last = kept.last().copied().filter(|_| !complete);
        kept.retain(|(_, e)| !changed.contains(e));
        let shortfall = Shortfall::new(&pattern);
        let budget = last.map_or(u32::MAX, |(loss, _)| loss);
        for i in matching {
            if let Some(loss) = shortfall_of(&shortfall, &n.now, i, budget, &mut scratch) {
                kept.push((loss, n.ids[i]));
            }
        }
        kept.sort_unstable();
        if let Some(last) = last {
            kept.retain(|&x| x <= last);
            if kept.len() < TOP {
                return Ok(false);
            }
        }
        let complete = complete && kept.len() <= KEPT;
        kept.truncate(KEPT);
        if kept.is_empty() {
            drop.execute([&pattern])?;
            continue;
        }
        let (losses, entries): (Vec<u32>, Vec<u32>) = kept.into_iter().unzip();
        put.execute(params![
            pattern,
            to_blob(&entries),
            to_blob(&losses),
            complete
        ])?;
    }
    Ok(true)
}
