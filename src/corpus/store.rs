//! Reading and writing corpus files, with errors that say what is wrong and
//! where, and writes that never leave a half-written file behind.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::model::{Corpus, SCHEMA, SCHEMA_VERSION};

/// Why a corpus could not be loaded or saved.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: is not a tinhuy corpus (expected an object with \"schema\": \"{SCHEMA}\"){detail}"
    )]
    NotACorpus { path: PathBuf, detail: String },
    #[error(
        "{path}: was written by a newer tinhuy (corpus schema {found}; this build reads up to {SCHEMA_VERSION})"
    )]
    Newer { path: PathBuf, found: u32 },
    #[error(
        "{path}: corpus does not match schema {SCHEMA_VERSION} at line {line}, column {column}: {message}"
    )]
    Shape {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: corpus is inconsistent: {message}")]
    Inconsistent { path: PathBuf, message: String },
}

/// Only the fields that say what a JSON file is.
#[derive(serde::Deserialize)]
struct Header {
    schema: Option<String>,
    schema_version: Option<u32>,
}

/// Parses a corpus from JSON text; `path` names the source in errors.
pub fn from_json(json: &str, path: &Path) -> Result<Corpus, CorpusError> {
    let path = path.to_path_buf();
    match serde_json::from_str::<Corpus>(json) {
        Ok(c) => {
            if c.schema != SCHEMA {
                return Err(CorpusError::NotACorpus {
                    path,
                    detail: format!(" (schema is {:?})", c.schema),
                });
            }
            if c.schema_version > SCHEMA_VERSION {
                return Err(CorpusError::Newer {
                    path,
                    found: c.schema_version,
                });
            }
            check(&c).map_err(|message| CorpusError::Inconsistent { path, message })?;
            Ok(c)
        }
        Err(e) if e.is_syntax() || e.is_eof() => Err(CorpusError::Syntax {
            path,
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        }),
        Err(e) => {
            // Valid JSON of another shape: say what it is rather than which
            // field serde missed first.
            let header: Option<Header> = serde_json::from_str(json).ok();
            match header {
                Some(Header {
                    schema: Some(s),
                    schema_version: Some(v),
                }) if s == SCHEMA && v > SCHEMA_VERSION => {
                    Err(CorpusError::Newer { path, found: v })
                }
                Some(Header {
                    schema: Some(s), ..
                }) if s == SCHEMA => Err(CorpusError::Shape {
                    path,
                    line: e.line(),
                    column: e.column(),
                    message: strip_position(&e.to_string()),
                }),
                _ => Err(CorpusError::NotACorpus {
                    path,
                    detail: format!(": {}", strip_position(&e.to_string())),
                }),
            }
        }
    }
}

/// serde_json appends " at line L column C"; the errors above say it their way.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(p) => msg[..p].to_string(),
        None => msg.to_string(),
    }
}

/// Cross-references point where they should, so later stages can index
/// without checking.
fn check(c: &Corpus) -> Result<(), String> {
    let (na, nm, np) = (c.articles.len(), c.meetings.len(), c.people.len());
    for (i, a) in c.articles.iter().enumerate() {
        if a.meeting >= nm {
            return Err(format!(
                "article {i} ({}) refers to meeting {} of {nm}",
                a.id, a.meeting
            ));
        }
        if a.people.len() != a.facts.people.len() || a.people.iter().any(|&p| p >= np) {
            return Err(format!(
                "article {i} ({}) refers to people that do not exist",
                a.id
            ));
        }
        let spans = a
            .facts
            .people
            .iter()
            .flat_map(|p| p.spans.iter().chain(p.positions.iter().map(|x| &x.span)));
        for s in spans.chain(a.facts.conclusions.iter().map(|c| &c.span)) {
            if s.end > a.text.len()
                || s.start > s.end
                || !a.text.is_char_boundary(s.start)
                || !a.text.is_char_boundary(s.end)
            {
                return Err(format!(
                    "article {i} ({}) has a span {}..{} outside its text",
                    a.id, s.start, s.end
                ));
            }
        }
    }
    for (i, m) in c.meetings.iter().enumerate() {
        if m.articles.iter().any(|&a| a >= na) || m.chairs.iter().any(|&p| p >= np) {
            return Err(format!(
                "meeting {i} refers to articles or people that do not exist"
            ));
        }
    }
    for (i, p) in c.people.iter().enumerate() {
        let bad = p
            .appearances
            .iter()
            .any(|x| x.meeting >= nm || x.article >= na)
            || p.timeline
                .iter()
                .any(|s| s.meetings.iter().any(|&m| m >= nm));
        if bad {
            return Err(format!(
                "person {i} ({}) refers to meetings that do not exist",
                p.name
            ));
        }
    }
    Ok(())
}

/// Reads a corpus file.
pub fn load(path: &Path) -> Result<Corpus, CorpusError> {
    let bytes = std::fs::read(path).map_err(|source| CorpusError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let json = String::from_utf8(bytes).map_err(|e| CorpusError::Syntax {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        message: format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })?;
    from_json(&json, path)
}

/// The corpus as pretty JSON with a final newline.
pub fn to_json(corpus: &Corpus) -> String {
    let mut s = serde_json::to_string_pretty(corpus).expect("a corpus always serializes");
    s.push('\n');
    s
}

/// Writes a corpus: to a temporary file beside the target, then renamed over
/// it, so an interrupted write never leaves a partial corpus.
pub fn save(corpus: &Corpus, path: &Path) -> Result<(), CorpusError> {
    write_atomically(path, to_json(corpus).as_bytes()).map_err(|source| CorpusError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes bytes to `path` through a temporary file in the same directory.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
