//! Scraper records: `.jsonl` (one JSON object a line) and `.json` (an array
//! of objects, or one object), one article a record.
//!
//! The field names are those common scrapers write: the text in `text`,
//! `maintext`, `raw_text`, `content` or `body`, or a whole page in `html`;
//! the address in `url`, `source` or `link`; `title`; the publication time
//! in `date`, `date_publish`, `published` or `published_at`; the outlet in
//! `sitename`, `hostname` or `source_domain`. A record's `id` (or `file`)
//! names it in reports.

use std::ops::Range;
use std::path::Path;

use serde_json::{Map, Value};

use super::{Read, SourceArticle, SourceError, host_of, stem};
use crate::extract::ArticleMeta;

/// Longest record read, in bytes: articles are a few tens of kilobytes,
/// and a line longer than this is a dump or a broken file.
pub const MAX_RECORD: usize = 8 * 1024 * 1024;

const TEXT_FIELDS: &[&str] = &["text", "maintext", "raw_text", "content", "body"];
const URL_FIELDS: &[&str] = &["url", "source", "link"];
const DATE_FIELDS: &[&str] = &["date", "date_publish", "published", "published_at"];
const OUTLET_FIELDS: &[&str] = &["sitename", "hostname", "source_domain"];
const ID_FIELDS: &[&str] = &["id", "file"];

/// Reads a `.jsonl` file: each non-blank line a record.
pub fn read_lines(path: &Path, bytes: &[u8]) -> Read {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut out = read_lines_from(path, bytes, 1);
    if out.is_empty() {
        out.push(Err(SourceError::new(
            &path.display().to_string(),
            None,
            "no records",
        )));
    }
    out
}

/// Lines of a `.jsonl` file, numbered from `first_line`, and the records
/// of those not blank.
pub fn read_lines_from(path: &Path, bytes: &[u8], first_line: usize) -> Read {
    let file = path.display().to_string();
    let mut out = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let n = i + first_line;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if is_blank(line) {
            continue;
        }
        let at = Some(format!("line {n}"));
        let err = |m: String| SourceError::new(&file, at.clone(), m);
        let record = if line.len() > MAX_RECORD {
            Err(err(too_long(line.len())))
        } else {
            serde_json::from_slice::<Value>(line)
                .map_err(|e| err(format!("invalid JSON: {e}")))
                .and_then(|v| from_value(&v).map_err(err))
                .map(|r| r.into_article(path, &format!("{file}:{n}"), n))
        };
        out.push(record);
    }
    out
}

/// Lines of a `.jsonl` file to be read apart, [`read_lines_from`] each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinePiece {
    /// Where the lines are among the file's bytes.
    pub bytes: Range<usize>,
    /// The number of the first.
    pub first_line: usize,
}

/// A `.jsonl` file's lines cut into pieces of `records` records each (the
/// last perhaps fewer), to be read on several threads. None when the file
/// holds no more records than that: it is read whole.
pub fn line_pieces(bytes: &[u8], records: usize) -> Option<Vec<LinePiece>> {
    let records = records.max(1);
    let start = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let mut pieces = Vec::new();
    let mut piece = LinePiece {
        bytes: start..start,
        first_line: 1,
    };
    let (mut at, mut line, mut held, mut total) = (start, 1, 0, 0);
    while at < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
        if !is_blank(&bytes[at..end]) {
            held += 1;
            total += 1;
        }
        at = end;
        line += 1;
        if held == records {
            piece.bytes.end = at;
            let next = LinePiece {
                bytes: at..at,
                first_line: line,
            };
            pieces.push(std::mem::replace(&mut piece, next));
            held = 0;
        }
    }
    if piece.bytes.start < bytes.len() {
        piece.bytes.end = bytes.len();
        pieces.push(piece);
    }
    (total > records).then_some(pieces)
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// Reads a `.json` file: an array of records, or one record. A tinhuy
/// corpus is refused with a pointer to `--corpus`, not read as articles.
pub fn read_json(path: &Path, bytes: &[u8]) -> Read {
    let file = path.display().to_string();
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let fail = |at: Option<String>, m: String| vec![Err(SourceError::new(&file, at, m))];
    let v: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            let at = (e.line() > 0).then(|| format!("line {}", e.line()));
            return fail(at, format!("invalid JSON: {e}"));
        }
    };
    match v {
        Value::Array(items) => {
            if items.is_empty() {
                return fail(None, "no records".into());
            }
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let n = i + 1;
                    from_value(item)
                        .map(|r| r.into_article(path, &format!("{file}#{n}"), n))
                        .map_err(|m| SourceError::new(&file, Some(format!("record {n}")), m))
                })
                .collect()
        }
        Value::Object(ref m) if is_corpus(m) => fail(
            None,
            "is a tinhuy corpus, not article records (open it with `tinhuy --corpus FILE`)".into(),
        ),
        Value::Object(_) => vec![
            from_value(&v)
                .map(|r| r.into_article(path, &file, 1))
                .map_err(|m| SourceError::new(&file, None, m)),
        ],
        _ => fail(None, "not an article record or an array of them".into()),
    }
}

/// Whether a JSON object is a corpus file rather than a record.
pub fn is_corpus(m: &Map<String, Value>) -> bool {
    m.get("schema").and_then(Value::as_str) == Some(crate::corpus::model::SCHEMA)
        || (m.contains_key("articles") && m.contains_key("meetings"))
}

fn too_long(len: usize) -> String {
    format!(
        "record of {:.1} MB is longer than the {} MB a record may be",
        len as f64 / 1e6,
        MAX_RECORD / (1024 * 1024)
    )
}

/// One record's fields.
struct Record {
    id: Option<String>,
    text: String,
    meta: ArticleMeta,
}

impl Record {
    /// The article, named by the record's id when it has one, else by
    /// `fallback` (`<path>:<line>`).
    fn into_article(self, path: &Path, fallback: &str, n: usize) -> SourceArticle {
        let (label, id) = match self.id {
            Some(id) => (id.clone(), id),
            None => (fallback.to_string(), format!("{}-{n}", stem(path))),
        };
        SourceArticle {
            label,
            id,
            text: self.text.into_bytes(),
            meta: self.meta,
        }
    }
}

/// A record from a JSON value, or why it is not one.
fn from_value(v: &Value) -> Result<Record, String> {
    let Value::Object(m) = v else {
        return Err("not a JSON object".into());
    };
    if is_corpus(m) {
        return Err("is a tinhuy corpus, not an article record".into());
    }
    let field = |names: &[&str]| {
        names.iter().find_map(|k| match m.get(*k)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        })
    };
    // Ids are often numbers.
    let id = ID_FIELDS.iter().find_map(|k| match m.get(*k)? {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    });
    let mut meta = ArticleMeta::default();
    let text = match field(TEXT_FIELDS) {
        Some(t) => t,
        None => match field(&["html"]) {
            Some(h) => {
                let (t, page) = super::html::read_page(h.as_bytes())
                    .map_err(|e| format!("field `html`: {e}"))?;
                meta = page;
                t
            }
            None => {
                return Err(format!(
                    "no article text (none of the fields {} or html)",
                    TEXT_FIELDS.join(", ")
                ));
            }
        },
    };
    // The record's own fields say more than the page's markup.
    let url = field(URL_FIELDS).filter(|u| host_of(u).is_some());
    meta.url = url.or(meta.url);
    meta.title = field(&["title"]).or(meta.title);
    meta.published = field(DATE_FIELDS).or(meta.published);
    meta.outlet = field(OUTLET_FIELDS)
        .or(meta.outlet)
        .or_else(|| meta.url.as_deref().and_then(host_of));
    Ok(Record { id, text, meta })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a read gives, as a string to compare.
    fn shown(read: &Read) -> Vec<String> {
        (read.iter())
            .map(|r| match r {
                Ok(a) => format!("{} {} {:?} {:?}", a.id, a.label, a.text, a.meta),
                Err(e) => format!("error {} {}", e.location(), e.message),
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(512))]

        /// A file's lines read in pieces give the records of the file read
        /// whole, with the same line numbers; a file of no more records
        /// than a piece holds is not cut.
        #[test]
        fn lines_read_in_pieces_are_the_lines_read_whole(
            lines in proptest::collection::vec(0usize..6, 0..24),
            bom in proptest::bool::ANY,
            last_break in proptest::bool::ANY,
            records in 1usize..5,
        ) {
            let path = Path::new("d/r.jsonl");
            let mut file = if bom { BOM.to_vec() } else { Vec::new() };
            for (n, kind) in lines.iter().enumerate() {
                file.extend_from_slice(match kind {
                    0 => "".to_string(),
                    1 => " \r".to_string(),
                    2 => "{not json".to_string(),
                    3 => format!("{{\"text\": \"Bài {n}.\"}}\r"),
                    4 => "[1]".to_string(),
                    _ => format!("{{\"id\": {n}, \"text\": \"Hội nghị {n}.\"}}"),
                }
                .as_bytes());
                if n + 1 < lines.len() || last_break {
                    file.push(b'\n');
                }
            }
            let whole = read_lines(path, &file);
            match line_pieces(&file, records) {
                Some(pieces) => {
                    let mut apart = Vec::new();
                    for p in &pieces {
                        let read = read_lines_from(path, &file[p.bytes.clone()], p.first_line);
                        proptest::prop_assert!(read.len() <= records);
                        apart.extend(read);
                    }
                    proptest::prop_assert_eq!(shown(&apart), shown(&whole));
                    proptest::prop_assert!(pieces.len() > 1);
                    proptest::prop_assert!(pieces.windows(2).all(|w| w[0].bytes.end == w[1].bytes.start));
                }
                None => {
                    let held = whole.iter().filter(|r| {
                        !matches!(r, Err(e) if e.message == "no records")
                    });
                    proptest::prop_assert!(held.count() <= records);
                }
            }
        }
    }
}
