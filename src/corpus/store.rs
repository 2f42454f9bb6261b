//! Reading and writing corpus files (JSON here; SQLite stores, told by
//! their first bytes, in [`super::sqlite`]), with errors that say what is wrong and
//! where, and writes that never leave a half-written file behind.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use super::model::{Article, Corpus, Meeting, Person, SCHEMA, SCHEMA_VERSION};

/// Why a corpus could not be loaded or saved.
///
/// Each message carries its cause (a field not named `source`, so it is
/// not also given as `source()`: a printer of error chains would say it
/// twice).
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{}: cannot read: {cause}", path.display())]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{}: cannot write: {cause}", path.display())]
    Write {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{}: not valid JSON at line {line}, column {column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{}: is not a tinhuy corpus (expected an object with \"schema\": \"{SCHEMA}\"){detail}",
        path.display()
    )]
    NotACorpus { path: PathBuf, detail: String },
    /// A file read or written as a store (an SQLite database) that is not
    /// one tinhuy wrote: said without the JSON corpus's terms.
    #[error("{}: is not a tinhuy corpus store{detail}", path.display())]
    NotAStore { path: PathBuf, detail: String },
    #[error(
        "{}: was written by a newer tinhuy (corpus schema {found}; this build reads up to {SCHEMA_VERSION})",
        path.display()
    )]
    Newer { path: PathBuf, found: u32 },
    #[error(
        "{}: corpus does not match schema {SCHEMA_VERSION} at {field} (line {line}, column {column}): {message}",
        path.display()
    )]
    Shape {
        path: PathBuf,
        /// The field holding the value, as `articles[3].facts.title`.
        field: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: corpus is inconsistent: {message}", path.display())]
    Inconsistent { path: PathBuf, message: String },
    #[error("{}: corpus database: {message}", path.display())]
    Store { path: PathBuf, message: String },
    #[error(
        "{}: another ingest is writing to this corpus (waited {waited:.0} s); try again when it is done",
        path.display()
    )]
    Busy { path: PathBuf, waited: f64 },
}

/// Parses a corpus from JSON text; `path` names the source in errors.
pub fn from_json(json: &str, path: &Path) -> Result<Corpus, CorpusError> {
    from_json_in_stages(json, path, |_| {})
}

/// [`from_json`], handing `catalog` the meetings and people first (see
/// [`load_in_stages`]).
pub fn from_json_in_stages(
    json: &str,
    path: &Path,
    catalog: impl FnOnce(Corpus),
) -> Result<Corpus, CorpusError> {
    read(serde_json::Deserializer::from_str(json), path, catalog)
}

/// Reads a corpus file.
pub fn load(path: &Path) -> Result<Corpus, CorpusError> {
    load_in_stages(path, |_| {})
}

/// Reads a corpus file, handing `catalog` its meetings and people (with
/// articles that only say which meeting they report) as soon as they are
/// read, before the articles: a browser can show them while the rest loads.
/// The file is read as a stream, never held in memory whole.
pub fn load_in_stages(path: &Path, catalog: impl FnOnce(Corpus)) -> Result<Corpus, CorpusError> {
    if super::sqlite::is_store(path) {
        return super::sqlite::load_in_stages(path, catalog);
    }
    let reader = open(path)?;
    read(serde_json::Deserializer::from_reader(reader), path, catalog)
}

/// Opens a corpus file for reading, refusing at once what cannot be JSON
/// (an empty file, an article, an image): their parse errors ("expected
/// value at line 1, column 1") would not say what is wrong.
fn open(path: &Path) -> Result<std::io::BufReader<std::fs::File>, CorpusError> {
    let read_error = |cause| CorpusError::Read {
        path: path.to_path_buf(),
        cause,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    // A directory opens but fails here, as a read error.
    let head = reader.fill_buf().map_err(read_error)?;
    let not_a_corpus = |detail: &str| CorpusError::NotACorpus {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    };
    if head.is_empty() {
        return Err(not_a_corpus(": the file is empty"));
    }
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[') | None => Ok(reader),
        Some(_) => Err(not_a_corpus(": the file is not JSON")),
    }
}

/// Checks, without reading the articles, that `path` opens, starts as a
/// corpus this build reads and ends as JSON does: for a caller that must
/// refuse a bad file before it changes the screen, then reads the rest in
/// stages. What is wrong inside the articles is found only by reading them.
pub fn check_header(path: &Path) -> Result<(), CorpusError> {
    if super::sqlite::is_store(path) {
        return super::sqlite::open(path).map(drop);
    }
    let reader = open(path)?;
    let mut header = Header::default();
    let mut de = serde_json::Deserializer::from_reader(reader);
    let mut track = serde_path_to_error::Track::new();
    let parsed = serde::de::DeserializeSeed::deserialize(
        &mut header,
        serde_path_to_error::Deserializer::new(&mut de, &mut track),
    );
    let seen = header.schema.clone().map(|s| (s, header.version));
    match parsed {
        Err(e) if !header.complete => {
            return Err(parse_error(path.to_path_buf(), e, seen, track.path()));
        }
        _ => {}
    }
    match seen {
        None => Err(CorpusError::NotACorpus {
            path: path.to_path_buf(),
            detail: ": missing field `schema`".into(),
        }),
        Some((s, v)) => {
            schema_error(path, &s, v.unwrap_or(0))?;
            // A missing version is left to the full read, which says where.
            check_ending(path)
        }
    }
}

/// The error for a parse that failed with `e`, knowing the schema fields
/// (name, version) read before it failed and the field it failed in.
fn parse_error(
    path: PathBuf,
    e: serde_json::Error,
    schema: Option<(String, Option<u32>)>,
    field: serde_path_to_error::Path,
) -> CorpusError {
    // A directory, a disk error: not the JSON's fault.
    if e.is_io() {
        return CorpusError::Read {
            path,
            cause: e.into(),
        };
    }
    if e.is_syntax() || e.is_eof() {
        return CorpusError::Syntax {
            path,
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        };
    }
    // Valid JSON of another shape: say what it is rather than which field
    // serde missed first.
    match schema {
        Some((s, Some(v))) if s == SCHEMA && v > SCHEMA_VERSION => {
            CorpusError::Newer { path, found: v }
        }
        Some((s, _)) if s == SCHEMA => CorpusError::Shape {
            path,
            field: field.to_string(),
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        },
        // Another format's schema says more than the field it lacks.
        Some((s, _)) => CorpusError::NotACorpus {
            path,
            detail: format!(" (schema is {s:?})"),
        },
        None => CorpusError::NotACorpus {
            path,
            detail: format!(": {}", strip_position(&e.to_string())),
        },
    }
}

/// Refuses another format's schema or a newer version of this one.
fn schema_error(path: &Path, schema: &str, version: u32) -> Result<(), CorpusError> {
    if schema != SCHEMA {
        return Err(CorpusError::NotACorpus {
            path: path.to_path_buf(),
            detail: format!(" (schema is {schema:?})"),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(CorpusError::Newer {
            path: path.to_path_buf(),
            found: version,
        });
    }
    Ok(())
}

/// A file cut short (a copy that stopped, a full disk) ends before its
/// closing brace: said with the position of its end, as a parser would.
fn check_ending(path: &Path) -> Result<(), CorpusError> {
    use std::io::{Read, Seek, SeekFrom};
    let read_error = |cause| CorpusError::Read {
        path: path.to_path_buf(),
        cause,
    };
    let mut file = std::fs::File::open(path).map_err(read_error)?;
    let len = file.seek(SeekFrom::End(0)).map_err(read_error)?;
    let mut tail = Vec::new();
    file.seek(SeekFrom::Start(len.saturating_sub(4096)))
        .map_err(read_error)?;
    file.read_to_end(&mut tail).map_err(read_error)?;
    if tail.iter().rev().find(|b| !b.is_ascii_whitespace()) == Some(&b'}') {
        return Ok(());
    }
    // Only on this error path is the whole file read, to count its lines.
    file.seek(SeekFrom::Start(0)).map_err(read_error)?;
    let (mut line, mut column) = (1, 0);
    let mut buf = vec![0; 1 << 20];
    loop {
        let n = file.read(&mut buf).map_err(read_error)?;
        if n == 0 {
            break;
        }
        let chunk = &buf[..n];
        match memchr::memrchr(b'\n', chunk) {
            Some(last) => {
                line += memchr::memchr_iter(b'\n', chunk).count();
                column = n - last - 1;
            }
            None => column += n,
        }
    }
    Err(CorpusError::Syntax {
        path: path.to_path_buf(),
        line,
        column,
        message: "the file ends before the corpus does".into(),
    })
}

/// The schema fields of a corpus file, read until both are seen.
#[derive(Default)]
struct Header {
    schema: Option<String>,
    version: Option<u32>,
    /// Both were seen and reading stopped there, by returning an error.
    complete: bool,
}

impl<'de> serde::de::DeserializeSeed<'de> for &mut Header {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for &mut Header {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "an object with \"schema\": \"{SCHEMA}\"")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        use serde::de::Error;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "schema" => self.schema = Some(map.next_value()?),
                "schema_version" => self.version = Some(map.next_value()?),
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
            if self.schema.is_some() && self.version.is_some() {
                self.complete = true;
                return Err(A::Error::custom("header read"));
            }
        }
        Ok(())
    }
}

/// Parses a corpus with `de`, then checks what it is and that it holds
/// together.
fn read<'de, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
    path: &Path,
    catalog: impl FnOnce(Corpus),
) -> Result<Corpus, CorpusError> {
    let path = path.to_path_buf();
    let mut schema: Option<(String, Option<u32>)> = None;
    // Tracks the field being read, for saying where a corpus of the right
    // schema holds a value of the wrong shape: in a one-line file the line
    // and column alone say little.
    let mut track = serde_path_to_error::Track::new();
    let parsed = serde::de::DeserializeSeed::deserialize(
        Staged {
            catalog: Some(catalog),
            schema: &mut schema,
        },
        serde_path_to_error::Deserializer::new(&mut de, &mut track),
    )
    .and_then(|c| de.end().map(|()| c));
    let c = parsed.map_err(|e| parse_error(path.clone(), e, schema, track.path()))?;
    schema_error(&path, &c.schema, c.schema_version)?;
    check(&c).map_err(|message| CorpusError::Inconsistent { path, message })?;
    Ok(c)
}

/// Deserializes a corpus field by field, noting the schema fields as they
/// pass and calling `catalog` once the meetings and people are read.
struct Staged<'a, F> {
    catalog: Option<F>,
    schema: &'a mut Option<(String, Option<u32>)>,
}

impl<'de, F: FnOnce(Corpus)> serde::de::DeserializeSeed<'de> for Staged<'_, F> {
    type Value = Corpus;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Corpus, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnOnce(Corpus)> serde::de::Visitor<'de> for Staged<'_, F> {
    type Value = Corpus;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "an object with \"schema\": \"{SCHEMA}\"")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(mut self, mut map: A) -> Result<Corpus, A::Error> {
        use serde::de::Error;
        let mut schema: Option<String> = None;
        let mut version: Option<u32> = None;
        let mut meetings: Option<Vec<Meeting>> = None;
        let mut people: Option<Vec<Person>> = None;
        let mut articles: Option<Vec<Article>> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "schema" => {
                    let s: String = map.next_value()?;
                    *self.schema = Some((s.clone(), version));
                    schema = Some(s);
                }
                "schema_version" => {
                    let v: u32 = map.next_value()?;
                    if let Some((_, seen)) = self.schema.as_mut() {
                        *seen = Some(v);
                    }
                    version = Some(v);
                }
                "meetings" => meetings = Some(map.next_value()?),
                "people" => people = Some(map.next_value()?),
                "articles" => {
                    // Not a corpus, or a newer one: stop before the bulk.
                    if schema.as_deref() != Some(SCHEMA) || version > Some(SCHEMA_VERSION) {
                        return Err(A::Error::custom("not a corpus this build reads"));
                    }
                    if let (Some(m), Some(p), Some(catalog)) =
                        (&meetings, &people, self.catalog.take())
                    {
                        catalog(stub_corpus(m, p));
                    }
                    articles = Some(map.next_value()?);
                }
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(Corpus {
            schema: schema.ok_or_else(|| A::Error::missing_field("schema"))?,
            schema_version: version.ok_or_else(|| A::Error::missing_field("schema_version"))?,
            meetings: meetings.ok_or_else(|| A::Error::missing_field("meetings"))?,
            people: people.ok_or_else(|| A::Error::missing_field("people"))?,
            articles: articles.ok_or_else(|| A::Error::missing_field("articles"))?,
        })
    }
}

/// A corpus with the given meetings and people, and for each article only
/// the meeting it reports (the rest empty).
pub(super) fn stub_corpus(meetings: &[Meeting], people: &[Person]) -> Corpus {
    let count = meetings
        .iter()
        .flat_map(|m| m.articles.iter())
        .map(|&a| a + 1)
        .max()
        .unwrap_or(0);
    let mut articles = vec![Article::default(); count];
    for (mi, m) in meetings.iter().enumerate() {
        for &a in &m.articles {
            articles[a].meeting = mi;
        }
    }
    Corpus {
        meetings: meetings.to_vec(),
        people: people.to_vec(),
        articles,
        ..Corpus::default()
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
pub(super) fn check(c: &Corpus) -> Result<(), String> {
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

/// The corpus as JSON with a final newline: pretty (indented, for files
/// people read) or compact.
pub fn to_json(corpus: &Corpus, pretty: bool) -> String {
    let mut bytes = Vec::new();
    write_json(corpus, pretty, &mut bytes).expect("a corpus always serializes");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// Streams the corpus as JSON with a final newline to `w`, never holding it
/// in memory whole. Buffer `w` if it is a file or a pipe.
pub fn write_json(corpus: &Corpus, pretty: bool, mut w: impl Write) -> std::io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut w, corpus)?;
    } else {
        serde_json::to_writer(&mut w, corpus)?;
    }
    w.write_all(b"\n")?;
    w.flush()
}

/// Writes a corpus: to a temporary file beside the target, then renamed over
/// it, so an interrupted write never leaves a partial corpus.
///
/// A path ending `.db`, `.sqlite` or `.sqlite3` gets an SQLite store.
pub fn save(corpus: &Corpus, path: &Path, pretty: bool) -> Result<(), CorpusError> {
    if super::sqlite::wants_store(path) {
        return super::sqlite::save(corpus, path);
    }
    write_atomically_with(path, |f| {
        write_json(
            corpus,
            pretty,
            std::io::BufWriter::with_capacity(1 << 20, f),
        )
    })
    .map_err(|cause| CorpusError::Write {
        path: path.to_path_buf(),
        cause,
    })
}

/// Writes bytes to `path` through a temporary file in the same directory.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |f| f.write_all(bytes))
}

/// Writes to `path` with `write`, through a temporary file in the same
/// directory (`.NAME.tmp-XXXXXX`) that is synced, then renamed over `path`.
/// The temporary file is removed when the write fails.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut tmp = temp_beside(path)?;
    write(tmp.as_file_mut())?;
    persist_over(tmp, path)
}

/// A new temporary file in `path`'s directory (`.NAME.tmp-XXXXXX`),
/// removed when dropped unless persisted.
pub(super) fn temp_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let mut builder = tempfile::Builder::new();
    let prefix = format!(".{name}.tmp-");
    builder.prefix(&prefix);
    // A corpus is as readable as any file the user makes (0666 less the
    // umask), not private as temporary files are by default.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder.tempfile_in(dir).map_err(without_temp_path)
}

/// Syncs a temporary file and renames it over `path`.
pub(super) fn persist_over(tmp: tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| without_temp_path(e.error))?;
    Ok(())
}

/// The error without the " at path …" tempfile adds: the temporary name
/// means nothing to the user, who is told the target's path.
fn without_temp_path(e: std::io::Error) -> std::io::Error {
    let message = e.to_string();
    match message.rfind(" at path ") {
        Some(at) => std::io::Error::new(e.kind(), &message[..at]),
        None => e,
    }
}
