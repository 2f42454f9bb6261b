//! The table `haystacks`: every entry's haystack (its text folded and
//! projected, what search ranks on), stored in chunks of [`CHUNK`]
//! entries, so that a browser has them all after reading a few hundred
//! blobs instead of projecting every entry's text again.
//!
//! Chunk `c` holds entries `c * CHUNK ..` up to `CHUNK` of them: `bytes`
//! their haystacks one after another, `ends` where each ends in `bytes`
//! (32-bit little-endian). A chunk is rewritten from the entries' rows
//! whenever one of its entries is written.

use rusqlite::{Connection, params};

use super::index::{Bytes, Index};
use super::stored::project_rows;
use crate::corpus::sqlite::{BATCH_ROWS, Batch};

/// Entries to a chunk: few enough that an addition rewrites little with
/// each entry it changes, many enough that the whole table is read in a
/// few thousand steps.
const CHUNK: usize = 256;

/// The table, as documented in the README.
pub(crate) const HAYSTACKS_SQL: &str = "
CREATE TABLE IF NOT EXISTS haystacks (
  chunk INTEGER PRIMARY KEY, ends BLOB NOT NULL, bytes BLOB NOT NULL
);
";

/// One chunk's row: its haystacks and where each ends.
#[derive(Default)]
struct ChunkRow {
    ends: Vec<u8>,
    bytes: Vec<u8>,
}

impl ChunkRow {
    /// Takes in the next entry's haystack.
    fn push(&mut self, haystack: &[u8]) {
        self.bytes.extend_from_slice(haystack);
        let end = u32::try_from(self.bytes.len()).expect("a chunk is far below 4 GB");
        self.ends.extend_from_slice(&end.to_le_bytes());
    }

    /// The chunk of `haystacks`, its entries' in order.
    fn of<'a>(haystacks: impl Iterator<Item = &'a [u8]>) -> ChunkRow {
        let mut row = ChunkRow::default();
        for haystack in haystacks {
            row.push(haystack);
        }
        row
    }
}

/// Writes the chunks of every entry of `index`, into an empty table: the
/// haystacks the index has made.
pub(super) fn write_all(conn: &Connection, index: &Index) -> rusqlite::Result<()> {
    let mut write = Batch::numbered(conn, "haystacks (chunk, ends, bytes)");
    let chunks = index.len().div_ceil(CHUNK);
    for first in (0..chunks).step_by(BATCH_ROWS) {
        let rows: Vec<_> = (first..chunks.min(first + BATCH_ROWS))
            .map(|c| {
                let ids = c * CHUNK..index.len().min((c + 1) * CHUNK);
                let row = ChunkRow::of(ids.map(|i| index.projected(i)));
                (c, row.ends, row.bytes)
            })
            .collect();
        write.insert(&rows)?;
    }
    Ok(())
}

/// Rewrites the chunks of the entries `ids` from the entries' rows, as
/// they are now.
pub(crate) fn rewrite(conn: &Connection, ids: &[u32]) -> rusqlite::Result<()> {
    let mut chunks: Vec<usize> = ids.iter().map(|&id| id as usize / CHUNK).collect();
    chunks.sort_unstable();
    chunks.dedup();
    rewrite_chunks(conn, chunks)
}

/// Writes every chunk from the entries' rows, into a table made for a
/// store that had none.
pub(crate) fn write_from_entries(conn: &Connection) -> rusqlite::Result<()> {
    rewrite_chunks(conn, 0..entry_count(conn)?.div_ceil(CHUNK))
}

/// How many entries the store has: they are numbered from 0 without gaps.
fn entry_count(conn: &Connection) -> rusqlite::Result<usize> {
    conn.query_row("SELECT coalesce(max(id) + 1, 0) FROM entries", [], |r| {
        r.get(0)
    })
}

fn rewrite_chunks(
    conn: &Connection,
    chunks: impl IntoIterator<Item = usize>,
) -> rusqlite::Result<()> {
    let mut put = conn.prepare_cached(
        "INSERT OR REPLACE INTO haystacks (chunk, ends, bytes) VALUES (?1, ?2, ?3)",
    )?;
    for c in chunks {
        let haystacks = project_rows(conn, c * CHUNK..(c + 1) * CHUNK)?;
        let row = ChunkRow::of((0..haystacks.len()).map(|i| haystacks.get(i)));
        put.execute(params![c, row.ends, row.bytes])?;
    }
    Ok(())
}

/// Every entry's haystack from the table; None when the store has no
/// such table, or it does not hold exactly one haystack for each entry
/// (the caller then projects the entries' texts).
pub(super) fn read_all(conn: &Connection) -> rusqlite::Result<Option<Bytes>> {
    let has_table: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'haystacks'",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(None);
    }
    let entries = entry_count(conn)?;
    let mut out = Bytes::default();
    let mut stmt = conn.prepare("SELECT chunk, ends, bytes FROM haystacks ORDER BY chunk")?;
    let mut rows = stmt.query([])?;
    let mut chunk = 0;
    while let Some(row) = rows.next()? {
        // Each chunk but the last is full, and none is missing.
        if row.get::<_, i64>(0)? != chunk || out.len() != chunk as usize * CHUNK {
            return Ok(None);
        }
        let (Ok(ends), Ok(bytes)) = (row.get_ref(1)?.as_blob(), row.get_ref(2)?.as_blob()) else {
            return Ok(None);
        };
        if !push_chunk(&mut out, ends, bytes) {
            return Ok(None);
        }
        chunk += 1;
    }
    if out.len() != entries {
        return Ok(None);
    }
    out.shrink_to_fit();
    Ok(Some(out))
}

/// Appends a chunk's haystacks; false when its blobs do not fit together.
fn push_chunk(out: &mut Bytes, ends: &[u8], bytes: &[u8]) -> bool {
    if !ends.len().is_multiple_of(4) || ends.len() / 4 > CHUNK {
        return false;
    }
    let mut start = 0;
    for end in ends.chunks_exact(4) {
        let end = u32::from_le_bytes(end.try_into().expect("four bytes")) as usize;
        if end < start || end > bytes.len() {
            return false;
        }
        out.push(&bytes[start..end]);
        start = end;
    }
    start == bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, sqlite};
    use crate::search::stored::Haystacks;

    #[test]
    fn haystacks_that_do_not_fit_the_entries_are_projected_again() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        sqlite::save(&Corpus::bundled(), &db).unwrap();
        let conn = sqlite::open(&db).unwrap();
        let projected = Haystacks::project(&conn).unwrap();
        assert!(read_all(&conn).unwrap().is_some());
        assert!(Haystacks::read(&conn).unwrap() == projected);
        for spoil in [
            // An entry's end too few, one past the bytes, a chunk gone.
            "UPDATE haystacks SET ends = substr(ends, 1, length(ends) - 4)",
            "UPDATE haystacks SET ends = CAST(substr(ends, 1, length(ends) - 4) || x'ffffff7f' AS BLOB)",
            "UPDATE haystacks SET bytes = 'text'",
            "DELETE FROM haystacks",
        ] {
            conn.execute_batch(&format!("SAVEPOINT s; {spoil};"))
                .unwrap();
            assert!(read_all(&conn).unwrap().is_none(), "{spoil}");
            assert!(Haystacks::read(&conn).unwrap() == projected, "{spoil}");
            conn.execute_batch("ROLLBACK TO s; RELEASE s;").unwrap();
        }
    }
}
