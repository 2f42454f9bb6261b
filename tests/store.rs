//! The SQLite corpus store: it holds exactly the corpus written to it, an
//! ingest adds to it without duplicates and as one transaction, and
//! concurrent or killed ingests never lose or half-write a corpus.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tinhuy::corpus::ingest::from_texts;
use tinhuy::corpus::{Corpus, sqlite, store};
use tinhuy::search::stored::Haystacks;
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

/// A corpus with its numbering taken out: meetings named by their
/// articles' ids, people by name and scope, everything sorted.
fn unnumbered(c: &Corpus) -> (Vec<String>, Vec<String>, Vec<String>) {
    let meeting = |m: usize| {
        let mut ids: Vec<&str> = c.meetings[m]
            .articles
            .iter()
            .map(|&a| c.articles[a].id.as_str())
            .collect();
        ids.sort_unstable();
        ids.join("+")
    };
    let person = |p: usize| format!("{} ({})", c.people[p].name, c.people[p].scope);
    let mut people: Vec<String> = c
        .people
        .iter()
        .map(|p| {
            let mut seen: Vec<String> = p
                .appearances
                .iter()
                .map(|a| {
                    format!(
                        "{} {} {:?} {:?}",
                        meeting(a.meeting),
                        c.articles[a.article].id,
                        a.roles,
                        a.date
                    )
                })
                .collect();
            seen.sort();
            let timeline: Vec<String> = p
                .timeline
                .iter()
                .map(|s| {
                    let mut ms: Vec<String> = s.meetings.iter().map(|&m| meeting(m)).collect();
                    ms.sort();
                    format!(
                        "{} {:?} {:?}–{:?} {ms:?}",
                        s.title, s.province, s.first_seen, s.last_seen
                    )
                })
                .collect();
            let mut merged: Vec<String> = p
                .merged
                .iter()
                .map(|m| {
                    format!(
                        "{:?} {} {}→{} {}",
                        m.kind, c.articles[m.article].id, m.from, m.to, m.evidence
                    )
                })
                .collect();
            merged.sort();
            format!("{} ({}) {seen:?} {timeline:?} {merged:?}", p.name, p.scope)
        })
        .collect();
    people.sort();
    let mut meetings: Vec<String> = (0..c.meetings.len())
        .map(|mi| {
            let m = &c.meetings[mi];
            let mut chairs: Vec<String> = m.chairs.iter().map(|&p| person(p)).collect();
            chairs.sort();
            format!(
                "{} {:?} {:?} {:?} {:?} {:?} {:?} {chairs:?}",
                meeting(mi),
                m.title,
                m.province,
                m.date,
                m.body,
                m.session,
                m.term
            )
        })
        .collect();
    meetings.sort();
    let mut articles: Vec<String> = c
        .articles
        .iter()
        .map(|a| {
            let people: Vec<String> = a.people.iter().map(|&p| person(p)).collect();
            format!(
                "{} {} {people:?} {:?}",
                a.id,
                meeting(a.meeting),
                a.facts.conclusions
            )
        })
        .collect();
    articles.sort();
    (people, meetings, articles)
}

/// Searching the store gives what searching `whole` gives: the same scores,
/// and the same entries wherever the score is above the last one shown
/// (entries of equal score may be numbered in another order).
fn assert_same_search(db: &Path, whole: &Corpus, queries: &[&str]) {
    let index = tinhuy::search::Index::build(whole);
    let conn = rusqlite::Connection::open(db).unwrap();
    for q in queries {
        for limit in [10, 1000] {
            let want = index.search(q, limit);
            let got = tinhuy::search::stored::search(&conn, q, limit).unwrap();
            let scores =
                |hits: &[tinhuy::search::Hit]| hits.iter().map(|h| h.score).collect::<Vec<_>>();
            assert_eq!(scores(&got.hits), scores(&want), "{q} {limit}");
            let last = want.last().map_or(i64::MIN, |h| h.score);
            let texts = |texts: Vec<(i64, String)>| {
                let mut t: Vec<(i64, String)> =
                    texts.into_iter().filter(|(s, _)| *s > last).collect();
                t.sort();
                t
            };
            assert_eq!(
                texts(
                    got.hits
                        .iter()
                        .map(|h| (h.score, got.entries.entry(h.entry).text.to_string()))
                        .collect()
                ),
                texts(
                    want.iter()
                        .map(|h| (h.score, index.entry(h.entry).text.to_string()))
                        .collect()
                ),
                "{q} {limit}"
            );
        }
    }
}

/// The store keeps a haystack for each entry, the one its text projects
/// to.
fn assert_stored_haystacks(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let stored = Haystacks::stored(&conn).unwrap();
    assert!(stored.is_some(), "no haystack for each entry");
    assert!(stored == Some(Haystacks::project(&conn).unwrap()));
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
    // The same people, meetings and timelines, numbered in another order.
    assert_eq!(unnumbered(&added), unnumbered(&whole));
    assert_eq!(ids(&added), ids(&whole));
    assert_same_search(
        &db,
        &whole,
        &["t", "ng", "b t", "chu tich", "ke hoach", "2020"],
    );
    assert_stored_haystacks(&db);
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

#[test]
fn a_file_that_is_no_store_is_named_with_what_it_is_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let articles = write_dir(dir.path(), "articles", &synthetic(2, 15));
    let notes = dir.path().join("notes.db");
    std::fs::write(&notes, "not a database\n").unwrap();
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
        .unwrap();
    let foreign = dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch(
            "CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('schema', 'maps');",
        )
        .unwrap();
    let not = "is not a tinhuy corpus store";
    let cases = [
        (
            &notes,
            format!("{not}: not an SQLite database; write a store to a new file"),
        ),
        (
            &other,
            format!("{not}: an SQLite database without tinhuy's tables"),
        ),
        (
            &foreign,
            format!("{not}: its meta table names another schema"),
        ),
    ];
    for (path, what) in &cases {
        let before = std::fs::read(path).unwrap();
        let o = tinhuy(&[
            "ingest",
            "-o",
            path.to_str().unwrap(),
            articles.to_str().unwrap(),
        ]);
        let said = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{said}");
        assert!(
            said.contains(&format!("{}: {what}", path.display())),
            "{said}"
        );
        assert!(!said.contains("expected an object"), "{said}");
        assert_eq!(std::fs::read(path).unwrap(), before, "{}", path.display());
    }
    for (path, what) in &cases[1..] {
        let o = tinhuy(&["search", "--corpus", path.to_str().unwrap(), "x"]);
        let said = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{said}");
        assert!(
            said.contains(&format!("{}: {what}", path.display())),
            "{said}"
        );
    }
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

/// An article of a provincial standing committee's meeting, in the shape
/// the extractor reads: a title line, the page's date, the chair with posts.
fn meeting_article(
    body: &str,
    place: &str,
    day: &str,
    chair: &str,
    post: &str,
    task: &str,
) -> String {
    let (d, m, y) = (&day[8..10], &day[5..7], &day[..4]);
    format!(
        "{body} {place} họp phiên thường kỳ\n\nThứ 5, {d}.{m}.{y} | 08:00:00\n\n\
         Ngày {d}/{m}/{y}, {body} {place} họp phiên thường kỳ. Chủ trì hội nghị có đồng chí \
         {chair}, {post}.\n\nKết luận hội nghị, đồng chí {chair} yêu cầu các sở, ngành {task}.\n"
    )
}

#[test]
fn an_added_batch_answers_who_search_and_person_as_one_ingest_of_all() {
    let dir = tempfile::tempdir().unwrap();
    let mut all = synthetic(50, 21);
    let old_len = 30;
    // Stored: a provincial secretary; added: the same name leading the
    // province it merged into (a person first seen in the new batch who
    // joins a stored one), and a new post for a stored official.
    all.insert(
        0,
        (
            "brvt.txt".into(),
            meeting_article(
                "Ban Thường vụ Tỉnh ủy",
                "Bà Rịa - Vũng Tàu",
                "2024-10-10",
                "Lương Văn Khiêm",
                "Bí thư Tỉnh ủy Bà Rịa - Vũng Tàu",
                "hoàn thành kế hoạch đầu tư công",
            ),
        ),
    );
    all.insert(
        1,
        (
            "brvt2.txt".into(),
            meeting_article(
                "Ban Thường vụ Tỉnh ủy",
                "Bà Rịa - Vũng Tàu",
                "2024-11-12",
                "Đặng Minh Quyết",
                "Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu",
                "rà soát ngân sách",
            ),
        ),
    );
    all.push((
        "hcm.txt".into(),
        meeting_article(
            "Ban Thường vụ Thành ủy",
            "Thành phố Hồ Chí Minh",
            "2025-09-10",
            "Lương Văn Khiêm",
            "Phó Bí thư Thành ủy Thành phố Hồ Chí Minh",
            "rà soát quy hoạch đô thị",
        ),
    ));
    all.push((
        "brvt3.txt".into(),
        meeting_article(
            "Ban Thường vụ Tỉnh ủy",
            "Bà Rịa - Vũng Tàu",
            "2025-03-02",
            "Đặng Minh Quyết",
            "Phó Bí thư Tỉnh ủy Bà Rịa - Vũng Tàu",
            "chuẩn bị đại hội",
        ),
    ));
    let db = dir.path().join("corpus.db");
    ingest(&[&write_dir(dir.path(), "old", &all[..old_len])], &db);
    let before = store::load(&db).unwrap();
    ingest(&[&write_dir(dir.path(), "new", &all[old_len..])], &db);
    let json = dir.path().join("once.json");
    ingest(&[&write_dir(dir.path(), "once", &all)], &json);
    let (added, whole) = (store::load(&db).unwrap(), store::load(&json).unwrap());
    assert_eq!(unnumbered(&added), unnumbered(&whole));
    // Stored people kept their numbers.
    for (i, p) in before.people.iter().enumerate() {
        assert_eq!(added.people[i].name, p.name);
    }
    let khiem = added
        .people
        .iter()
        .position(|p| p.name == "Lương Văn Khiêm")
        .unwrap();
    assert!(khiem < before.people.len());
    assert_eq!(
        added.people[khiem].merged.len(),
        1,
        "{:?}",
        added.people[khiem]
    );
    let quyet = added
        .people
        .iter()
        .position(|p| p.name == "Đặng Minh Quyết")
        .unwrap();
    assert!(added.people[quyet].timeline.len() > before.people[quyet].timeline.len());

    let ask = |corpus: &Path, args: &[&str]| {
        let mut all_args = vec!["--corpus", corpus.to_str().unwrap()];
        all_args.extend(args);
        let o = tinhuy(&all_args);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let questions: [&[&str]; 5] = [
        &["who", "--json", "bi thu tinh uy"],
        &["who", "--json", "Phó Bí thư Tỉnh ủy"],
        &["who", "--json", "chu tich ubnd tinh"],
        &["person", "luong van khiem"],
        &["person", "dang minh quyet"],
    ];
    for q in questions {
        assert_eq!(ask(&db, q), ask(&json, q), "{q:?}");
    }
    // Entries of equal score may come in another order: new ones are
    // numbered after the stored ones.
    let sorted_lines = |text: String| {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        lines.sort();
        lines
    };
    let search = ["search", "--limit", "1000", "quy hoach"];
    assert_eq!(
        sorted_lines(ask(&db, &search)),
        sorted_lines(ask(&json, &search))
    );
    assert!(ask(&db, &["person", "luong van khiem"]).contains("Hồ Chí Minh"));
    assert_same_search(
        &db,
        &whole,
        &[
            "luong",
            "l v k",
            "dang minh",
            "ba ria",
            "ho chi minh",
            "q",
            "d m",
        ],
    );
    assert_eq!(integrity(&db), "ok");
}

#[test]
fn an_added_article_that_makes_two_stored_people_one_gives_one_person() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = synthetic(12, 22);
    let committee = "Ban Thường vụ Tỉnh ủy";
    old.push((
        "dn.txt".into(),
        meeting_article(
            committee,
            "Đồng Nai",
            "2022-10-10",
            "Trịnh Văn Bảo",
            "Bí thư Tỉnh ủy Đồng Nai",
            "hoàn thành kế hoạch",
        ),
    ));
    old.push((
        "bp.txt".into(),
        meeting_article(
            committee,
            "Bình Phước",
            "2019-10-10",
            "Trịnh Văn Bảo",
            "Chủ tịch UBND tỉnh Bình Phước",
            "rà soát ngân sách",
        ),
    ));
    // Names both posts: the two stored records are one official.
    let bridge = (
        "dn2.txt".to_string(),
        meeting_article(
            committee,
            "Đồng Nai",
            "2023-03-10",
            "Trịnh Văn Bảo",
            "Bí thư Tỉnh ủy Đồng Nai, nguyên Chủ tịch UBND tỉnh Bình Phước",
            "chuẩn bị đại hội",
        ),
    );
    let named = |c: &Corpus| {
        c.people
            .iter()
            .filter(|p| p.name == "Trịnh Văn Bảo")
            .count()
    };
    // Alone, the bridge names no new person to take the merged one's
    // number: the store is rebuilt. With new people, it is added to.
    let with_new_people: Vec<(String, String)> = std::iter::once(bridge.clone())
        .chain(
            synthetic(3, 99)
                .into_iter()
                .map(|(f, t)| (format!("other_{f}"), t)),
        )
        .collect();
    for (case, batch) in [("alone", vec![bridge]), ("with others", with_new_people)] {
        let db = dir.path().join(format!("{case}.db"));
        ingest(&[&write_dir(dir.path(), &format!("old {case}"), &old)], &db);
        assert_eq!(named(&store::load(&db).unwrap()), 2);
        let o = ingest(
            &[&write_dir(dir.path(), &format!("new {case}"), &batch)],
            &db,
        );
        let said = String::from_utf8_lossy(&o.stderr);
        assert_eq!(
            said.contains("rebuilt the store"),
            case == "alone",
            "{case}: {said}"
        );
        let all: Vec<(String, String)> = old.iter().chain(&batch).cloned().collect();
        let json = dir.path().join(format!("{case}.json"));
        ingest(
            &[&write_dir(dir.path(), &format!("once {case}"), &all)],
            &json,
        );
        let (added, whole) = (store::load(&db).unwrap(), store::load(&json).unwrap());
        assert_eq!(named(&added), 1, "{case}");
        assert_eq!(unnumbered(&added), unnumbered(&whole), "{case}");
        assert_same_search(&db, &whole, &["trinh", "t v b", "dong nai", "b", "ch"]);
        assert_eq!(integrity(&db), "ok");
    }
}

#[test]
fn a_version_1_store_is_upgraded_by_the_next_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let all = synthetic(30, 23);
    let db = dir.path().join("corpus.db");
    ingest(&[&write_dir(dir.path(), "old", &all[..20])], &db);
    // What a version 1 store lacks.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(
            "DROP TABLE sightings; DROP TABLE meeting_keys; DROP INDEX entries_target;
             DROP TABLE tops; DROP TABLE haystacks;
             CREATE TABLE tops (pattern TEXT PRIMARY KEY, entries BLOB NOT NULL) WITHOUT ROWID;
             UPDATE meta SET value = '1' WHERE key = 'store_version'; PRAGMA user_version = 1;",
        )
        .unwrap();
    ingest(&[&write_dir(dir.path(), "new", &all[20..])], &db);
    let version: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT value FROM meta WHERE key = 'store_version'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(version, sqlite::STORE_VERSION.to_string());
    let json = dir.path().join("once.json");
    ingest(&[&write_dir(dir.path(), "once", &all)], &json);
    let (added, whole) = (store::load(&db).unwrap(), store::load(&json).unwrap());
    assert_eq!(unnumbered(&added), unnumbered(&whole));
    // And the next ingest adds to it.
    let more = synthetic(35, 23);
    ingest(&[&write_dir(dir.path(), "more", &more[30..])], &db);
    assert_eq!(store::load(&db).unwrap().articles.len(), 35);
    assert_stored_haystacks(&db);
    assert_eq!(integrity(&db), "ok");
}

#[test]
fn a_version_2_store_gets_its_haystacks_and_is_added_to() {
    let dir = tempfile::tempdir().unwrap();
    let all = synthetic(60, 29);
    let db = dir.path().join("corpus.db");
    ingest(&[&write_dir(dir.path(), "old", &all[..40])], &db);
    let conn = rusqlite::Connection::open(&db).unwrap();
    // What a version 2 store lacks: it is searched all the same.
    conn.execute_batch(
        "DROP TABLE haystacks;
         UPDATE meta SET value = '2' WHERE key = 'store_version'; PRAGMA user_version = 2;",
    )
    .unwrap();
    assert!(Haystacks::stored(&conn).unwrap().is_none());
    let projected = Haystacks::project(&conn).unwrap();
    assert!(Haystacks::read(&conn).unwrap() == projected);
    drop(conn);
    let o = ingest(&[&write_dir(dir.path(), "new", &all[40..])], &db);
    let said = String::from_utf8_lossy(&o.stderr);
    // Added to, not rebuilt.
    assert!(!said.contains("rebuilt"), "{said}");
    assert!(
        said.contains("added 20 article(s) to the store; it holds 60"),
        "{said}"
    );
    let version: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, i64::from(sqlite::STORE_VERSION));
    assert_stored_haystacks(&db);
    let json = dir.path().join("once.json");
    ingest(&[&write_dir(dir.path(), "once", &all)], &json);
    assert_same_search(
        &db,
        &store::load(&json).unwrap(),
        &["t", "ng", "chu tich", "ke hoach"],
    );
    assert_eq!(integrity(&db), "ok");
}
