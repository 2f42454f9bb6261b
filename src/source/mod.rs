//! Article files to text and metadata: one reader per kind of file.
//!
//! - `.txt`: the text as it is, no metadata.
//! - `.html`/`.htm`: a saved page; its main content as text, and its
//!   address, publication time, outlet and headline from the page's markup.
//! - `.jsonl`: one scraper record a line; `.json`: an array of records or a
//!   single record.
//!
//! A file may hold many articles, and one bad record does not stop the
//! others: each comes out as an article or as an error that names the file
//! and the line (or record number).

pub mod html;
pub mod records;

use std::fmt;
use std::path::Path;

use crate::extract::{ArticleMeta, Extracted, extract_bytes_with};

/// Kinds of article files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Html,
    JsonLines,
    Json,
}

impl Kind {
    /// The kind a file name says; anything not named otherwise is text.
    pub fn of(path: &Path) -> Kind {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Kind::Html,
            "jsonl" | "ndjson" => Kind::JsonLines,
            "json" => Kind::Json,
            _ => Kind::Text,
        }
    }

    /// Whether a directory walk picks files of this name up.
    pub fn is_article_file(path: &Path) -> bool {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        matches!(
            ext.as_str(),
            "txt" | "html" | "htm" | "xhtml" | "jsonl" | "ndjson"
        )
    }
}

/// One article as its file gives it: the text (still bytes, decoded by the
/// text pipeline) and what the source says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceArticle {
    /// How reports name it: the path, or for a record its `id`/`file`
    /// field, else `<path>:<line>` (`.jsonl`) or `<path>#<n>` (`.json`).
    pub label: String,
    /// A short name unique enough for a corpus: file stem or record id.
    pub id: String,
    pub text: Vec<u8>,
    pub meta: ArticleMeta,
}

impl SourceArticle {
    /// Decodes, normalizes and reads the facts, as for a `.txt` file.
    pub fn extract(&self) -> Result<Extracted, crate::text::DecodeError> {
        extract_bytes_with(&self.text, &self.meta)
    }
}

/// Why an article of a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub file: String,
    /// Where in the file: "line 3", "record 2".
    pub at: Option<String>,
    pub message: String,
}

impl SourceError {
    pub fn new(file: &str, at: Option<String>, message: impl Into<String>) -> SourceError {
        SourceError {
            file: file.to_string(),
            at,
            message: message.into(),
        }
    }

    /// The file name with the place, as reports print it: "a.jsonl:3".
    pub fn location(&self) -> String {
        match &self.at {
            Some(at) => format!("{}: {at}", self.file),
            None => self.file.clone(),
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

/// What one file gave: articles and errors, in file order.
pub type Read = Vec<Result<SourceArticle, SourceError>>;

/// Reads a file from disk by its kind.
pub fn read_file(path: &Path) -> Read {
    let label = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => read_owned(path, bytes),
        Err(e) => vec![Err(SourceError::new(
            &label,
            None,
            format!("cannot read: {e}"),
        ))],
    }
}

/// [`read_bytes`] of bytes the caller gives up: a text file's become its
/// article's text without a copy.
pub fn read_owned(path: &Path, bytes: Vec<u8>) -> Read {
    if Kind::of(path) == Kind::Text && !is_blank(&bytes) {
        return vec![Ok(text_article(path, path.display().to_string(), bytes))];
    }
    read_bytes(path, &bytes)
}

/// Reads a file's bytes by the kind its name says.
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Read {
    let label = path.display().to_string();
    if is_blank(bytes) {
        return vec![Err(SourceError::new(&label, None, "empty file"))];
    }
    match Kind::of(path) {
        Kind::Text => vec![Ok(text_article(path, label, bytes.to_vec()))],
        Kind::Html => vec![
            html::read_page(bytes)
                .map(|(text, meta)| SourceArticle {
                    id: stem(path),
                    label: label.clone(),
                    text: text.into_bytes(),
                    meta,
                })
                .map_err(|e| SourceError::new(&label, None, e)),
        ],
        Kind::JsonLines => records::read_lines(path, bytes),
        Kind::Json => records::read_json(path, bytes),
    }
}

/// Whether a file holds nothing but spacing: an empty file.
fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// The article of a text file: its bytes, as they are.
fn text_article(path: &Path, label: String, text: Vec<u8>) -> SourceArticle {
    SourceArticle {
        id: stem(path),
        label,
        text,
        meta: ArticleMeta::default(),
    }
}

/// A file's name without its extension.
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The host of an address, lower case, without "www." or a port:
/// "https://www.BaoThanhHoa.vn/x" → "baothanhhoa.vn".
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.trim();
    let rest = rest.split_once("://").map_or(rest, |(_, r)| r);
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_end_matches('.');
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let ok = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    ok.then(|| host.to_string())
}
