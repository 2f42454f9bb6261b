//! Bad files through the real binary: each one is named with what is wrong
//! with it, the command fails when nothing could be done, what could be read
//! still comes out, and an existing corpus is never replaced by a partial one.

use std::ffi::OsStr;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const ARTICLE: &str = "data/articles/000_6144b09bc32397b6.txt";
const OTHER_ARTICLE: &str = "data/articles/001_459ce03ce86bd3fb.txt";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What a run of the binary gave.
struct Run {
    code: Option<i32>,
    out: String,
    err: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.out).unwrap_or_else(|e| panic!("{e}: {}", self.out))
    }
}

/// Runs the binary with no terminal on stdin or stdout, as a script would.
fn tinhuy<S: AsRef<OsStr>>(args: &[S]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_tinhuy"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let run = Run {
        code: out.status.code(),
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.err.contains("panicked"), "{}", run.err);
    run
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Text in windows-1258, as older Vietnamese sites serve it: a letter the
/// encoding has a byte for as that byte, other tones as a combining mark
/// after the letter, anything else as '?'.
fn windows_1258(text: &str) -> Vec<u8> {
    use unicode_normalization::UnicodeNormalization;
    let byte_of: std::collections::HashMap<char, u8> = (0x80..=0xFFu8)
        .filter_map(|b| {
            let byte = [b];
            let (s, _, _) = encoding_rs::WINDOWS_1258.decode(&byte);
            s.chars().next().map(|c| (c, b))
        })
        .collect();
    let byte = |c: char| match c {
        c if c.is_ascii() => Some(c as u8),
        c => byte_of.get(&c).copied(),
    };
    let mut out = Vec::new();
    for c in text.chars() {
        if let Some(b) = byte(c) {
            out.push(b);
            continue;
        }
        let tone =
            |d: &char| matches!(d, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}');
        let base: String = c.nfd().filter(|d| !tone(d)).nfc().collect();
        let mut chars = base.chars();
        match (chars.next().and_then(byte), chars.next()) {
            (Some(b), None) => out.push(b),
            _ => out.push(b'?'),
        }
        out.extend(c.nfd().filter(tone).filter_map(byte));
    }
    out
}

/// Text in windows-1251 (Cyrillic): an encoding tinhuy does not read.
fn windows_1251(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c as u32 {
            c @ 0x410..=0x44F => (c - 0x410 + 0xC0) as u8,
            c if c < 0x80 => c as u8,
            _ => b'?',
        })
        .collect()
}

/// Whether permission bits stop this process reading: they do not for
/// root, and the chmod cases are then left out.
fn permissions_apply(dir: &Path) -> bool {
    let probe = dir.join("probe");
    std::fs::write(&probe, "x").unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).unwrap();
    let applies = std::fs::read(&probe).is_err();
    std::fs::remove_file(&probe).unwrap();
    applies
}

/// Files whose names show a write was left half done.
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect()
}

/// One file of each kind that cannot be read as an article, and two that
/// can, one of them in a subdirectory.
struct Mixed {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Mixed {
    fn new() -> Mixed {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("in");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::copy(root_path(ARTICLE), root.join("good.txt")).unwrap();
        std::fs::copy(root_path(OTHER_ARTICLE), root.join("sub/deep.txt")).unwrap();
        std::fs::write(root.join("empty.txt"), "").unwrap();
        std::fs::write(root.join("blank.txt"), "\n  \n\t\n").unwrap();
        std::fs::write(root.join("photo.txt"), PNG).unwrap();
        let cyrillic = "Заседание комитета обсудило план работы на год.\n".repeat(3);
        std::fs::write(root.join("cyrillic.txt"), windows_1251(&cyrillic)).unwrap();
        std::fs::write(root.join("notes.md"), "# not an article\n").unwrap();
        std::os::unix::fs::symlink("nowhere.txt", root.join("dangling.txt")).unwrap();
        std::os::unix::fs::symlink("loop-b.txt", root.join("loop-a.txt")).unwrap();
        std::os::unix::fs::symlink("loop-a.txt", root.join("loop-b.txt")).unwrap();
        // A directory that leads back up the tree.
        std::os::unix::fs::symlink("..", root.join("sub/up")).unwrap();
        // A socket cannot be opened for reading, even by root.
        let _socket = std::os::unix::net::UnixListener::bind(root.join("socket.txt")).unwrap();
        Mixed { _dir: dir, root }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }
}

fn root_path(rel: &str) -> PathBuf {
    root().join(rel)
}

/// What each bad file of [`Mixed`] is said to be, by extract and ingest.
const REASONS: &[(&str, &str)] = &[
    ("empty.txt", "empty file"),
    ("blank.txt", "empty file"),
    (
        "photo.txt",
        "looks like a binary file, not text (12 NUL bytes in the first 29 bytes)",
    ),
    ("cyrillic.txt", "is not UTF-8 text ("),
    ("dangling.txt", "cannot read: No such file or directory"),
    (
        "loop-a.txt",
        "cannot read: Too many levels of symbolic links",
    ),
    (
        "loop-b.txt",
        "cannot read: Too many levels of symbolic links",
    ),
    ("socket.txt", "cannot read: No such device or address"),
];

#[test]
fn extract_names_each_bad_file_and_still_gives_the_good_ones() {
    let m = Mixed::new();
    let mut args = vec!["extract".to_string(), "--json".to_string()];
    let mut names = vec!["good.txt", "notes.md", "sub", "sub/deep.txt"];
    names.extend(REASONS.iter().map(|r| r.0));
    args.extend(names.iter().map(|n| s(&m.path(n)).to_string()));
    let r = tinhuy(&args);
    assert_eq!(r.code, Some(0), "{}", r.err);
    let v = r.json();
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), names.len());
    for (obj, name) in a.iter().zip(&names) {
        assert_eq!(obj["file"], s(&m.path(name)));
    }
    // The good files, and a file named outright whatever its extension.
    assert_eq!(a[0]["province"], "Thái Bình");
    assert!(a[0].get("error").is_none());
    assert!(a[1].get("error").is_none(), "{}", a[1]);
    assert_eq!(a[3]["province"], "Hà Tĩnh");
    let dir_error = a[2]["error"].as_str().unwrap();
    assert!(
        dir_error.starts_with("cannot read: Is a directory"),
        "{dir_error}"
    );
    for (obj, (name, reason)) in a[4..].iter().zip(REASONS) {
        let error = obj["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: {obj}"));
        assert!(error.starts_with(reason), "{name}: {error}");
        // Each failure is also said on stderr, with its path.
        let line = format!("tinhuy: {}: {reason}", s(&m.path(name)));
        assert!(r.err.contains(&line), "{line}\n{}", r.err);
    }
    assert!(r.err.contains(&format!(
        "tinhuy: {}: cannot read: Is a directory",
        s(&m.path("sub"))
    )));

    // As text, the good files are summed up on stdout, the bad only said.
    let mut text_args = args.clone();
    text_args.remove(1);
    let t = tinhuy(&text_args);
    assert_eq!(t.code, Some(0));
    assert!(
        t.out
            .contains(&format!("{}\n  title:", s(&m.path("good.txt")))),
        "{}",
        t.out
    );
    assert!(
        !t.out.contains("photo.txt") && !t.out.contains("cyrillic.txt"),
        "{}",
        t.out
    );
    assert!(
        t.err.contains("photo.txt: looks like a binary file"),
        "{}",
        t.err
    );
}

#[test]
fn extract_fails_when_no_file_could_be_read() {
    let m = Mixed::new();
    for (name, reason) in REASONS {
        let path = m.path(name);
        let r = tinhuy(&["extract", "--json", s(&path)]);
        assert_eq!(r.code, Some(1), "{name}: {}", r.err);
        assert!(
            r.err
                .starts_with(&format!("tinhuy: {}: {reason}", s(&path))),
            "{name}: {}",
            r.err
        );
        // The JSON still says which file failed and why.
        assert_eq!(r.json()[0]["file"], s(&path));
        assert!(r.json()[0]["error"].as_str().unwrap().starts_with(reason));
    }
    let sub = m.path("sub");
    let r = tinhuy(&["extract", s(&sub)]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.err,
        format!(
            "tinhuy: {}: cannot read: Is a directory (os error 21)\n",
            s(&sub)
        )
    );
    assert_eq!(r.out, "");
    let missing = m.path("missing.txt");
    let r = tinhuy(&["extract", s(&missing)]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.err,
        format!(
            "tinhuy: {}: cannot read: No such file or directory (os error 2)\n",
            s(&missing)
        )
    );
}

#[test]
fn unreadable_files_are_named() {
    let m = Mixed::new();
    if !permissions_apply(&m.root) {
        eprintln!("permission bits do not stop this user reading; the socket cases stand in");
        return;
    }
    let locked = m.path("locked.txt");
    std::fs::copy(root_path(ARTICLE), &locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let r = tinhuy(&["extract", s(&locked)]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.err.contains(&format!(
            "tinhuy: {}: cannot read: Permission denied",
            s(&locked)
        )),
        "{}",
        r.err
    );
    let out = m.root.parent().unwrap().join("c.json");
    let r = tinhuy(&["ingest", s(&locked), "-o", s(&out)]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.err.contains(&format!(
            "tinhuy: skipped {}: cannot read: Permission denied",
            s(&locked)
        )),
        "{}",
        r.err
    );
    assert!(!out.exists());
    // A directory that cannot be listed is named, and the rest still read.
    let closed = m.path("closed");
    std::fs::create_dir(&closed).unwrap();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    let r = tinhuy(&["ingest", s(&m.root), "-o", s(&out)]);
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert!(
        r.err.contains(&format!(
            "  {}: cannot list directory: Permission denied",
            s(&closed)
        )),
        "{}",
        r.err
    );
    assert!(
        r.err
            .contains(&format!("  {}: cannot read: Permission denied", s(&locked)))
    );
}

#[test]
fn ingest_reads_what_it_can_and_lists_the_rest() {
    let m = Mixed::new();
    let out = m.root.parent().unwrap().join("corpus.json");
    let r = tinhuy(&["ingest", s(&m.root), "-o", s(&out)]);
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert!(r.err.starts_with("read 2 article(s)"), "{}", r.err);
    assert!(
        r.err
            .contains(&format!("skipped {} file(s):\n", REASONS.len() + 2)),
        "{}",
        r.err
    );
    for (name, reason) in REASONS {
        let line = format!("\n  {}: {reason}", s(&m.path(name)));
        assert!(r.err.contains(&line), "{line}\n{}", r.err);
    }
    assert!(r.err.contains(&format!(
        "\n  {}: not an article file (.txt, .html, .jsonl)\n",
        s(&m.path("notes.md"))
    )));
    // The symlink back up the tree is walked once, not until the path is
    // too long: each article is read once.
    assert!(
        r.err.contains(&format!(
            "\n  {}: directory already read, by another path or a symlink\n",
            s(&m.path("sub/up"))
        )),
        "{}",
        r.err
    );
    let c = tinhuy::corpus::load(&out).unwrap();
    let mut files: Vec<&str> = c.articles.iter().map(|a| a.file.as_str()).collect();
    files.sort();
    assert_eq!(
        files,
        vec![s(&m.path("good.txt")), s(&m.path("sub/deep.txt"))]
    );
    assert_eq!(temp_files(m.root.parent().unwrap()), Vec::<String>::new());
}

#[test]
fn ingest_of_nothing_readable_fails_and_writes_nothing() {
    let m = Mixed::new();
    let out = m.root.parent().unwrap().join("corpus.json");
    for (name, reason) in REASONS {
        let path = m.path(name);
        let r = tinhuy(&["ingest", s(&path), "-o", s(&out)]);
        assert_eq!(r.code, Some(1), "{name}: {}", r.err);
        // A dangling or looping symlink named outright does not open.
        let said = match *name {
            "dangling.txt" => format!("tinhuy: {}: cannot open: No such file", s(&path)),
            "loop-a.txt" | "loop-b.txt" => {
                format!(
                    "tinhuy: {}: cannot open: Too many levels of symbolic links",
                    s(&path)
                )
            }
            _ => format!("tinhuy: skipped {}: {reason}", s(&path)),
        };
        assert!(r.err.starts_with(&said), "{said}\n{}", r.err);
        assert!(!out.exists(), "{name}");
    }
    let missing = m.path("missing");
    let r = tinhuy(&["ingest", s(&missing), "-o", s(&out)]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.err,
        format!(
            "tinhuy: {}: cannot open: No such file or directory (os error 2)\n\
             tinhuy: no article files found; nothing written to {}\n",
            s(&missing),
            s(&out)
        )
    );
    assert!(!out.exists());
}

#[test]
fn a_failed_ingest_leaves_the_old_corpus_as_it_was() {
    let m = Mixed::new();
    let parent = m.root.parent().unwrap();
    let out = parent.join("corpus.json");
    let good = tinhuy(&["ingest", ARTICLE, "-o", s(&out)]);
    assert_eq!(good.code, Some(0), "{}", good.err);
    let before = std::fs::read(&out).unwrap();

    // Only unreadable files, and a path that does not exist.
    let bad = parent.join("bad");
    std::fs::create_dir(&bad).unwrap();
    for name in ["photo.txt", "cyrillic.txt", "empty.txt"] {
        std::fs::copy(m.path(name), bad.join(name)).unwrap();
    }
    let r = tinhuy(&["ingest", s(&bad), s(&parent.join("missing")), "-o", s(&out)]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.err.ends_with(&format!(
            "tinhuy: no article could be read; {} left as it was\n",
            s(&out)
        )),
        "{}",
        r.err
    );
    assert!(r.err.contains(&format!(
        "tinhuy: skipped {}: looks like a binary",
        s(&bad.join("photo.txt"))
    )));
    assert!(r.err.contains(&format!(
        "tinhuy: skipped {}: is not UTF-8",
        s(&bad.join("cyrillic.txt"))
    )));
    assert!(r.err.contains(&format!(
        "tinhuy: skipped {}: cannot open: No such file",
        s(&parent.join("missing"))
    )));
    assert_eq!(std::fs::read(&out).unwrap(), before);
    assert_eq!(temp_files(parent), Vec::<String>::new());
}

#[test]
fn an_output_that_cannot_be_written_is_named_and_nothing_is_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    // The output is a directory: it is neither replaced nor written into.
    let taken = dir.path().join("taken.json");
    std::fs::create_dir(&taken).unwrap();
    std::fs::write(taken.join("keep"), "kept").unwrap();
    let r = tinhuy(&["ingest", ARTICLE, "-o", s(&taken)]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.err,
        format!(
            "tinhuy: {}: cannot write: Is a directory (os error 21)\n",
            s(&taken)
        )
    );
    assert_eq!(std::fs::read_to_string(taken.join("keep")).unwrap(), "kept");
    assert_eq!(std::fs::read_dir(&taken).unwrap().count(), 1);
    assert_eq!(temp_files(dir.path()), Vec::<String>::new());

    // The output's directory does not exist, or is a file.
    let nowhere = dir.path().join("nowhere/c.json");
    let r = tinhuy(&["ingest", ARTICLE, "-o", s(&nowhere)]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.err,
        format!(
            "tinhuy: {}: cannot write: No such file or directory (os error 2)\n",
            s(&nowhere)
        )
    );
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let under_file = file.join("c.json");
    let r = tinhuy(&["ingest", ARTICLE, "-o", s(&under_file)]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.err,
        format!(
            "tinhuy: {}: cannot write: Not a directory (os error 20)\n",
            s(&under_file)
        )
    );

    // A directory this user may not write to.
    if permissions_apply(dir.path()) {
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        let out = locked.join("c.json");
        std::fs::write(&out, "old").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        let r = tinhuy(&["ingest", ARTICLE, "-o", s(&out)]);
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(r.code, Some(1));
        assert_eq!(
            r.err,
            format!(
                "tinhuy: {}: cannot write: Permission denied (os error 13)\n",
                s(&out)
            )
        );
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
        assert_eq!(temp_files(&locked), Vec::<String>::new());
    }
}

#[test]
fn a_successful_ingest_leaves_only_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.json");
    std::fs::write(&out, "an older file").unwrap();
    for pretty in [false, true] {
        let mut args = vec!["ingest", ARTICLE, OTHER_ARTICLE, "-o", s(&out)];
        if pretty {
            args.push("--pretty");
        }
        let r = tinhuy(&args);
        assert_eq!(r.code, Some(0), "{}", r.err);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let c = tinhuy::corpus::load(&out).unwrap();
        assert_eq!(c.articles.len(), 2);
        let who = tinhuy(&["--corpus", s(&out), "person", "ngo dong hai", "--json"]);
        assert_eq!(who.code, Some(0), "{}", who.err);
        assert_eq!(who.json()["name"], "Ngô Đông Hải");
    }
}

#[test]
fn an_ingest_killed_while_writing_leaves_the_old_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    let config = xtask::synth::SynthConfig {
        articles: 1000,
        seed: 1,
    };
    xtask::synth::write_dir(&config, &articles, false).unwrap();
    let out = dir.path().join("c.json");
    assert_eq!(tinhuy(&["ingest", ARTICLE, "-o", s(&out)]).code, Some(0));
    let before = std::fs::read(&out).unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_tinhuy"))
        .args(["ingest", s(&articles), "-o", s(&out), "--pretty"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(300);
    let temp = loop {
        let written = temp_files(dir.path())
            .into_iter()
            .map(|n| dir.path().join(n))
            .find(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 0));
        if let Some(temp) = written {
            break temp;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("ingest ended ({status}) before it was seen writing");
        }
        assert!(Instant::now() < deadline, "ingest never started writing");
        std::thread::sleep(Duration::from_millis(1));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), before);
    tinhuy::corpus::load(&out).unwrap();
    // A later write goes through a temporary file of its own.
    assert!(
        temp.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(".c.json.tmp-")
    );
    assert_eq!(tinhuy(&["ingest", ARTICLE, "-o", s(&out)]).code, Some(0));
    assert_eq!(temp_files(dir.path()).len(), 1);
    tinhuy::corpus::load(&out).unwrap();
}

/// A file of each kind given where a corpus is expected, with the message
/// each must give (after "tinhuy: PATH: ").
fn bad_corpora(dir: &Path) -> Vec<(PathBuf, String)> {
    let corpus = std::fs::read_to_string(root_path("data/corpus.json")).unwrap();
    let mut v = Vec::new();
    let mut add = |name: &str, bytes: &[u8], message: String| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        v.push((p, message));
    };
    // Cut at several points; the position said is the end of the file.
    let inside_string = corpus.find("Bàn các nội dung").unwrap() + 4;
    let between_fields =
        corpus.find("\"schema_version\": 1,").unwrap() + "\"schema_version\": 1,".len();
    let articles = corpus.find("\"articles\": [").unwrap();
    let inside_articles = articles + (corpus.len() - articles) / 2;
    let after_a_meeting = corpus.find("\n    },\n").unwrap() + "\n    }".len();
    // In the middle of a two-byte letter ('à'), as a cut by bytes falls.
    let inside_letter = corpus.find("Bàn").unwrap() + 2;
    for (name, cut, message) in [
        (
            "cut-string.json",
            inside_string,
            "EOF while parsing a string",
        ),
        (
            "cut-fields.json",
            between_fields,
            "EOF while parsing a value",
        ),
        ("cut-articles.json", inside_articles, "EOF while parsing"),
        (
            "cut-meeting.json",
            after_a_meeting,
            "EOF while parsing a list",
        ),
        ("cut-letter.json", inside_letter, ""),
    ] {
        let head = &corpus.as_bytes()[..cut];
        let line = head.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = head.len() - head.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        add(
            name,
            head,
            format!("not valid JSON at line {line}, column {column}: {message}"),
        );
    }
    add(
        "newer.json",
        corpus
            .replacen("\"schema_version\": 1,", "\"schema_version\": 2,", 1)
            .as_bytes(),
        "was written by a newer tinhuy (corpus schema 2; this build reads up to 1)".into(),
    );
    let not = "is not a tinhuy corpus (expected an object with \"schema\": \"tinhuy-corpus\")";
    add(
        "array.json",
        b"[{\"schema\": \"tinhuy-corpus\"}]",
        format!("{not}: invalid type: sequence"),
    );
    add(
        "object.json",
        b"{}",
        format!("{not}: missing field `schema`"),
    );
    add(
        "package.json",
        b"{\"name\": \"x\", \"version\": \"1.0.0\", \"dependencies\": {}}\n",
        format!("{not}: missing field `schema`"),
    );
    add(
        "other-schema.json",
        b"{\"schema\": \"geojson\", \"schema_version\": 1}",
        format!("{not} (schema is \"geojson\")"),
    );
    add(
        "article.txt",
        &std::fs::read(root_path(ARTICLE)).unwrap(),
        format!("{not}: the file is not JSON"),
    );
    add("empty.json", b"", format!("{not}: the file is empty"));
    add("image.json", PNG, format!("{not}: the file is not JSON"));
    let d = dir.join("a-directory");
    std::fs::create_dir(&d).unwrap();
    v.push((d, "cannot read: Is a directory (os error 21)".into()));
    v.push((
        dir.join("missing.json"),
        "cannot read: No such file or directory (os error 2)".into(),
    ));
    v
}

#[test]
fn a_bad_corpus_is_named_with_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    for (path, message) in bad_corpora(dir.path()) {
        for command in [
            &["search", "x"][..],
            &["person", "x"],
            &["who", "x"],
            &["export", "positions"],
        ] {
            let mut args = vec!["--corpus", s(&path)];
            args.extend(command);
            let r = tinhuy(&args);
            assert_eq!(r.code, Some(1), "{args:?}: {}", r.err);
            let said = format!("tinhuy: {}: {message}", s(&path));
            assert!(
                r.err.starts_with(&said),
                "{args:?}\nwanted {said}\ngot    {}",
                r.err
            );
            // One line, and the cause said once.
            assert_eq!(r.err.lines().count(), 1, "{}", r.err);
            assert!(!r.err.contains("(os error 2): No such"), "{}", r.err);
            assert_eq!(r.out, "");
        }
    }
}

/// Exactly what the full read says, said before the articles are read: what
/// a caller checks before it changes the screen.
#[test]
fn the_header_check_says_what_a_full_read_would() {
    let dir = tempfile::tempdir().unwrap();
    for (path, message) in bad_corpora(dir.path()) {
        let Err(e) = tinhuy::corpus::store::check_header(&path) else {
            assert!(path.ends_with("cut-meeting.json"), "{}", path.display());
            continue;
        };
        let e = e.to_string();
        let said = format!("{}: ", s(&path));
        assert!(e.starts_with(&said), "{e}");
        let full = tinhuy::corpus::load(&path).unwrap_err().to_string();
        if path.ends_with("cut-meeting.json") {
            // Cut just after a closing brace, the file ends as a corpus does:
            // only reading it through finds that it is short.
            continue;
        }
        if message.contains("not valid JSON") {
            // The position of the end of the file, said as the parser says it.
            assert_eq!(
                e.split(": ").nth(1),
                full.split(": ").nth(1),
                "{}\nheader: {e}\nfull:   {full}",
                path.display()
            );
        } else {
            assert!(e.starts_with(&format!("{said}{message}")), "{e}");
        }
    }
    let good = dir.path().join("good.json");
    for pretty in [false, true] {
        tinhuy::corpus::save(&tinhuy::corpus::Corpus::bundled(), &good, pretty).unwrap();
        tinhuy::corpus::store::check_header(&good).unwrap();
    }
    tinhuy::corpus::store::check_header(&root_path("data/corpus.json")).unwrap();
}

/// No terminal escape (alternate screen, cursor) on stdout: the terminal
/// was never taken over.
fn assert_no_escapes(r: &Run) {
    assert!(!r.out.contains('\x1b'), "{:?}", r.out);
}

#[test]
fn the_browser_does_not_start_on_a_file_it_cannot_open() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    let r = tinhuy(&["--corpus", s(&missing)]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.err,
        format!(
            "tinhuy: {}: cannot read: No such file or directory (os error 2)\n",
            s(&missing)
        )
    );
    assert_no_escapes(&r);
    // What is wrong inside a file is said before the screen changes too,
    // but for a cut that only reading it through finds.
    for (path, message) in bad_corpora(dir.path()) {
        if path.ends_with("cut-meeting.json") {
            continue;
        }
        let r = tinhuy(&["--corpus", s(&path)]);
        assert_eq!(r.code, Some(1), "{}: {}", path.display(), r.err);
        let said = format!("tinhuy: {}: ", s(&path));
        assert!(r.err.starts_with(&said), "{}", r.err);
        if !message.contains("not valid JSON") {
            assert!(r.err.starts_with(&format!("{said}{message}")), "{}", r.err);
        }
        assert_eq!(r.err.lines().count(), 1, "{}", r.err);
        assert_no_escapes(&r);
    }
    if permissions_apply(dir.path()) {
        let locked = dir.path().join("locked.json");
        std::fs::copy(root_path("data/corpus.json"), &locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let r = tinhuy(&["--corpus", s(&locked)]);
        assert_eq!(r.code, Some(1));
        assert_eq!(
            r.err,
            format!(
                "tinhuy: {}: cannot read: Permission denied (os error 13)\n",
                s(&locked)
            )
        );
        assert_no_escapes(&r);
    }
}

#[test]
fn open_with_no_articles_says_so_before_the_browser_starts() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing");
    let r = tinhuy(&["open", s(&missing)]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.err,
        format!(
            "tinhuy: {0}: cannot open: No such file or directory (os error 2)\n\
             tinhuy: no article files found in {0}\n",
            s(&missing)
        )
    );
    assert_no_escapes(&r);
    assert_eq!(r.out, "");

    let bare = dir.path().join("bare");
    std::fs::create_dir_all(bare.join("empty-sub")).unwrap();
    std::fs::write(bare.join("notes.md"), "# notes").unwrap();
    std::fs::write(bare.join("photo.png"), [0x89, b'P', b'N', b'G']).unwrap();
    let r = tinhuy(&["open", s(&bare), s(&missing)]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.err.ends_with(&format!(
            "tinhuy: no article files found in {}, {}\n",
            s(&bare),
            s(&missing)
        )),
        "{}",
        r.err
    );
    assert!(
        r.err
            .contains("notes.md: not an article file (.txt, .html, .jsonl)"),
        "{}",
        r.err
    );
    assert_no_escapes(&r);
    assert_eq!(r.out, "");
}

/// A one-line corpus with a value of the wrong type says which field holds
/// it: its line and column alone would not.
#[test]
fn a_corpus_value_of_the_wrong_type_is_named_by_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = tinhuy::corpus::load(&root_path("data/corpus.json")).unwrap();
    let json = tinhuy::corpus::store::to_json(&corpus, false);
    // The first article's meeting, an index, given as a string.
    let at = json.find("\"articles\":[{\"id\"").unwrap();
    let meeting = at + json[at..].find("\"meeting\":0,").unwrap();
    let json = format!(
        "{}\"meeting\":\"first\",{}",
        &json[..meeting],
        &json[meeting + "\"meeting\":0,".len()..]
    );
    assert_eq!(json.lines().count(), 1);
    let path = dir.path().join("wrong-type.json");
    std::fs::write(&path, json).unwrap();
    let r = tinhuy(&["--corpus", s(&path), "search", "x"]);
    assert_eq!(r.code, Some(1), "{}", r.err);
    let said = format!(
        "tinhuy: {}: corpus does not match schema 1 at articles[0].meeting (line 1, column ",
        s(&path)
    );
    assert!(r.err.starts_with(&said), "wanted {said}\ngot    {}", r.err);
    assert!(
        r.err.contains("invalid type: string \"first\""),
        "{}",
        r.err
    );
}

/// An article saved as windows-1258, tones as combining marks, reads as the
/// same text as its UTF-8 original, and says which encoding it was.
#[test]
fn a_windows_1258_article_is_decoded_and_said_so() {
    let original = std::fs::read(root_path(ARTICLE)).unwrap();
    let legacy = windows_1258(std::str::from_utf8(&original).unwrap());
    assert!(std::str::from_utf8(&legacy).is_err());
    assert!(legacy.contains(&0xF2), "a dot below as a combining mark");
    let d = tinhuy::text::decode(&legacy).unwrap();
    assert_eq!(d.warnings, ["decoded from windows-1258"]);
    let utf8 = tinhuy::text::decode(&original).unwrap();
    let differ = d
        .text
        .chars()
        .zip(utf8.text.chars())
        .filter(|(a, b)| a != b);
    // Only what windows-1258 has no byte for is lost, as '?'.
    assert!(
        differ.clone().all(|(a, _)| a == '?'),
        "{:?}",
        differ.collect::<Vec<_>>()
    );
    assert_eq!(d.text.chars().count(), utf8.text.chars().count());

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cp1258.txt");
    std::fs::write(&path, &legacy).unwrap();
    let r = tinhuy(&["extract", "--json", s(&path)]);
    assert_eq!(r.code, Some(0), "{}", r.err);
    let v = r.json();
    assert_eq!(v[0]["province"], "Thái Bình");
    assert_eq!(v[0]["warnings"][0], "decoded from windows-1258");
}

/// Latin-1 text is read, other single-byte encodings still refused, and a
/// stray NUL no longer refuses a whole article.
#[test]
fn latin1_and_stray_nul_bytes_are_read_with_a_warning() {
    let d = tinhuy::text::decode(b"R\xe9sum\xe9: the caf\xe9 meeting, na\xefve plans").unwrap();
    assert_eq!(d.text, "Résumé: the café meeting, naïve plans");
    assert_eq!(d.warnings, ["decoded from windows-1252"]);
    let e = tinhuy::text::decode(&windows_1251("Заседание комитета")).unwrap_err();
    assert!(e.to_string().starts_with("is not UTF-8 text"), "{e}");

    let mut bytes = std::fs::read(root_path(ARTICLE)).unwrap();
    bytes.insert(bytes.len() / 2, 0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nul.txt");
    std::fs::write(&path, &bytes).unwrap();
    let r = tinhuy(&["extract", "--json", s(&path)]);
    assert_eq!(r.code, Some(0), "{}", r.err);
    let v = r.json();
    assert_eq!(v[0]["province"], "Thái Bình");
    assert_eq!(v[0]["warnings"][0], "1 NUL byte(s) removed");
}

/// The records of a big `.jsonl`, read by several threads in pieces, make
/// the corpus the same records make from files too small to cut; a bad line
/// deep in the file is reported by its own number.
#[test]
fn a_big_records_file_read_in_pieces_makes_the_corpus_of_small_ones() {
    let dir = tempfile::tempdir().unwrap();
    let record = |n: usize| {
        serde_json::json!({
            "id": format!("r{n:03}"),
            "text": format!(
                "Hội nghị Ban Thường vụ Tỉnh ủy lần thứ {n}.\n\nĐồng chí Nguyễn Văn {}, Bí thư Tỉnh ủy chủ trì.",
                ["An", "Bình", "Cường", "Dũng"][n % 4]
            ),
        })
        .to_string()
    };
    let bad = [37, 101];
    let lines: Vec<String> = (1..=130)
        .map(|n| {
            if bad.contains(&n) {
                "{not json".to_string()
            } else {
                record(n)
            }
        })
        .collect();
    let big = dir.path().join("big.jsonl");
    std::fs::write(&big, lines.join("\n")).unwrap();
    let small = dir.path().join("small");
    std::fs::create_dir(&small).unwrap();
    for (k, chunk) in lines.chunks(20).enumerate() {
        let good: Vec<&String> = chunk.iter().filter(|l| !l.starts_with("{not")).collect();
        let text: Vec<&str> = good.iter().map(|l| l.as_str()).collect();
        std::fs::write(small.join(format!("part{k}.jsonl")), text.join("\n")).unwrap();
    }
    let (from_big, from_small) = (dir.path().join("big.json"), dir.path().join("small.json"));
    let r = tinhuy(&["ingest", "--threads", "3", s(&big), "-o", s(&from_big)]);
    assert_eq!(r.code, Some(0), "{}", r.err);
    for n in bad {
        assert!(
            r.err
                .contains(&format!("{}: line {n}: invalid JSON", s(&big))),
            "{}",
            r.err
        );
    }
    let r = tinhuy(&["ingest", "--threads", "1", s(&small), "-o", s(&from_small)]);
    assert_eq!(r.code, Some(0), "{}", r.err);
    let (a, b) = (
        tinhuy::corpus::load(&from_big).unwrap(),
        tinhuy::corpus::load(&from_small).unwrap(),
    );
    assert_eq!(a.articles.len(), 128);
    assert_eq!(a, b);
}
