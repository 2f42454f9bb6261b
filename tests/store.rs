//! The SQLite corpus store: it holds exactly the corpus written to it, an
//! ingest adds to it without duplicates and as one transaction, and
//! concurrent or killed ingests never lose or half-write a corpus.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tinhuy::corpus::ingest::from_texts;
use tinhuy::corpus::{Corpus, sqlite, store};
use xtask::synth::{SynthConfig, generate};

const BIN: &str = env!("CARGO_BIN_EXE_tinhuy");

/// Synthetic articles as (file name, text), distinct for one seed.
fn synthetic(n: usize, seed: u64) -> Vec<(String, String)> {
    generate(&SynthConfig { articles: n, seed })
        .map(|a| (a.file_name, a.text))
        .collect()
}

/// Writes articles as files into a new directory `dir/name`.
fn write_dir(dir: &Path, name: &str, articles: &[(String, String)]) -> PathBuf {
    let d = dir.join(name);
    std::fs::create_dir_all(&d).unwrap();
    for (file, text) in articles {
        std::fs::write(d.join(file), text).unwrap();
    }
    d
}

fn tinhuy(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn ingest(paths: &[&Path], out: &Path) -> Output {
    let mut args: Vec<&str> = vec!["ingest", "--threads", "1", "-o"];
    args.push(out.to_str().unwrap());
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    let o = tinhuy(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o
}

fn ids(c: &Corpus) -> BTreeSet<String> {
    c.articles.iter().map(|a| a.id.clone()).collect()
}

fn integrity(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_corpus_comes_back_from_a_store_as_it_went_in() {
    let dir = tempfile::tempdir().unwrap();
    for (name, corpus) in [
        ("bundled.db", Corpus::bundled()),
        ("synthetic.db", from_texts(synthetic(60, 5), 2)),
    ] {
        let path = dir.path().join(name);
        store::save(&corpus, &path, false).unwrap();
        assert!(sqlite::is_store(&path));
        assert_eq!(store::load(&path).unwrap(), corpus, "{name}");
        assert_eq!(integrity(&path), "ok");
    }
}

#[test]
fn export_turns_a_json_corpus_into_a_store_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let json = dir.path().join("c.json");
    let o = tinhuy(&[
        "export",
        "corpus",
        "--format",
        "sqlite",
        "-o",
        db.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let corpus = db.to_str().unwrap();
    let o = tinhuy(&[
        "export",
        "corpus",
        "--corpus",
        corpus,
        "-o",
        json.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(store::load(&json).unwrap(), Corpus::bundled());
    let o = tinhuy(&["export", "corpus", "--format", "sqlite"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o FILE"));
}

#[test]
fn an_ingest_adds_to_a_store_as_if_all_were_read_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let all = synthetic(70, 11);
    let old = write_dir(dir.path(), "old", &all[..40]);
    // Ten of the new articles are old ones again.
    let new = write_dir(dir.path(), "new", &all[30..]);
    let db = dir.path().join("corpus.db");
    ingest(&[&old], &db);
    let o = ingest(&[&new], &db);
    let said = String::from_utf8_lossy(&o.stderr);
    assert_eq!(said.matches("already in the store").count(), 10, "{said}");
    assert!(
        said.contains("added 30 article(s) to the store; it holds 70"),
        "{said}"
    );

    let once = write_dir(dir.path(), "once", &all);
    let json = dir.path().join("once.json");
    ingest(&[&once], &json);
    let (added, whole) = (store::load(&db).unwrap(), store::load(&json).unwrap());
    assert_eq!(added.articles.len(), 70);
    // The same people, meetings and timelines; only the files' paths differ.
    assert_eq!(added.people, whole.people);
    assert_eq!(added.meetings, whole.meetings);
    assert_eq!(ids(&added), ids(&whole));
    // Someone seen both before and after is one person.
    let old_people: BTreeSet<usize> = added.articles[..40]
        .iter()
        .flat_map(|a| a.people.iter().copied())
        .collect();
    assert!(
        added.articles[40..]
            .iter()
            .any(|a| a.people.iter().any(|p| old_people.contains(p)))
    );
    assert_eq!(integrity(&db), "ok");
}

#[test]
fn an_article_at_a_stored_address_is_not_added_again() {
    let dir = tempfile::tempdir().unwrap();
    let texts = synthetic(2, 12);
    let record = |url: &str, text: &str| {
        serde_json::json!({ "id": "rec", "url": url, "text": text }).to_string() + "\n"
    };
    let first = dir.path().join("a.jsonl");
    std::fs::write(&first, record("https://www.bao.vn/tin/1", &texts[0].1)).unwrap();
    let again = dir.path().join("b.jsonl");
    std::fs::write(&again, record("http://bao.vn/tin/1/", &texts[1].1)).unwrap();
    let db = dir.path().join("c.db");
    ingest(&[&first], &db);
    let said = String::from_utf8_lossy(&ingest(&[&again], &db).stderr).into_owned();
    assert!(
        said.contains("same address as an article in the store"),
        "{said}"
    );
    assert_eq!(store::load(&db).unwrap().articles.len(), 1);
}

#[test]
fn concurrent_ingests_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let all = synthetic(60, 13);
    let base = write_dir(dir.path(), "base", &all[..20]);
    let one = write_dir(dir.path(), "one", &all[20..40]);
    let two = write_dir(dir.path(), "two", &all[40..]);
    let db = dir.path().join("corpus.db");
    ingest(&[&base], &db);
    let spawn = |d: &Path| {
        Command::new(BIN)
            .args(["ingest", "--threads", "1", "-o"])
            .arg(&db)
            .arg(d)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(&one), spawn(&two));
    for child in [a, b] {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let c = store::load(&db).unwrap();
    assert_eq!(c.articles.len(), 60);
    assert_eq!(integrity(&db), "ok");
}

#[test]
fn an_ingest_into_a_locked_store_fails_naming_it_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let all = synthetic(10, 14);
    let base = write_dir(dir.path(), "base", &all[..5]);
    let more = write_dir(dir.path(), "more", &all[5..]);
    let db = dir.path().join("corpus.db");
    ingest(&[&base], &db);
    let mut holder = rusqlite::Connection::open(&db).unwrap();
    let lock = holder
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    let o = Command::new(BIN)
        .args(["ingest", "--wait", "0.2", "-o"])
        .arg(&db)
        .arg(&more)
        .output()
        .unwrap();
    drop(lock);
    assert!(!o.status.success());
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains(db.to_str().unwrap()), "{said}");
    assert!(said.contains("another ingest is writing"), "{said}");
    assert_eq!(store::load(&db).unwrap().articles.len(), 5);
}

/// A small seeded generator for the kill delays.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[cfg(unix)]
#[test]
fn an_ingest_killed_at_any_moment_leaves_the_last_committed_store() {
    let dir = tempfile::tempdir().unwrap();
    let all = synthetic(140, 15);
    let db = dir.path().join("corpus.db");
    ingest(&[&write_dir(dir.path(), "base", &all[..40])], &db);
    // One ingest run to the end gives the span the kills are spread over.
    let started = std::time::Instant::now();
    ingest(&[&write_dir(dir.path(), "timed", &all[40..45])], &db);
    let span_ms = (started.elapsed().as_millis() as u64 * 3 / 2).max(50);
    let mut committed = ids(&store::load(&db).unwrap());

    let mut rng = XorShift(0x5eed_1234_abcd);
    let (mut cut, mut landed) = (0, 0);
    for i in 0..20 {
        let batch = &all[45 + i * 4..49 + i * 4];
        let d = write_dir(dir.path(), &format!("batch{i}"), batch);
        let mut child = Command::new(BIN)
            .args(["ingest", "--threads", "1", "-o"])
            .arg(&db)
            .arg(&d)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(rng.below(span_ms)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        assert_eq!(integrity(&db), "ok", "after kill {i}");
        let now = ids(&store::load(&db).unwrap());
        let with_batch: BTreeSet<String> = {
            let added = tinhuy::corpus::ingest::from_texts(batch.to_vec(), 1);
            committed.iter().cloned().chain(ids(&added)).collect()
        };
        if status.success() {
            assert_eq!(now, with_batch, "ingest {i} finished");
        } else {
            // Killed before or after its commit: one or the other, whole.
            assert!(now == committed || now == with_batch, "ingest {i} killed");
        }
        if now == with_batch {
            landed += 1;
        } else {
            cut += 1;
        }
        committed = now;
    }
    eprintln!("{cut} ingests cut off, {landed} landed");
}

#[test]
fn who_asks_a_store_as_it_asks_the_same_corpus_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = from_texts(synthetic(80, 7), 2);
    let (db, json) = (dir.path().join("c.db"), dir.path().join("c.json"));
    store::save(&corpus, &db, false).unwrap();
    store::save(&corpus, &json, false).unwrap();
    let titles: BTreeSet<&str> = corpus
        .people
        .iter()
        .flat_map(|p| p.timeline.iter().map(|s| s.title.as_str()))
        .collect();
    assert!(titles.len() > 5, "{titles:?}");
    let typed = ["chu tich ubnd tinh", "bi thu tinh uy", "no such post"];
    for title in titles.iter().copied().chain(typed) {
        for extra in [&[][..], &["--on", "2020-06"], &["--province", "Thái Bình"]] {
            let ask = |corpus: &Path| {
                let mut args = vec!["who", "--json", "--corpus", corpus.to_str().unwrap(), title];
                args.extend(extra);
                tinhuy(&args)
            };
            let (from_db, from_json) = (ask(&db), ask(&json));
            assert_eq!(
                from_db.status.code(),
                from_json.status.code(),
                "{title} {extra:?}"
            );
            assert_eq!(
                String::from_utf8_lossy(&from_db.stdout),
                String::from_utf8_lossy(&from_json.stdout),
                "{title} {extra:?}"
            );
        }
    }
    let o = tinhuy(&[
        "who",
        "--corpus",
        db.to_str().unwrap(),
        "chu tich ubnd tinh",
    ]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Chủ tịch UBND tỉnh"));
}
