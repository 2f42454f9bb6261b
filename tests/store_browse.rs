//! The browser over a corpus read pane by pane: the state asks for the
//! rows it shows, and replies fill the panes. Requests are answered here by
//! the same function the terminal program's reader thread uses, from a
//! corpus in memory or from a store written by `sqlite::save`.

mod common;

use std::sync::Arc;

use common::tmux::{Tmux, assert_clean, available};

use tinhuy::app::store::{ArticleOf, Focus, MEETINGS_PAGE, Request};
use tinhuy::app::{Action, App, Effect, Key, Keymap, Mode, Pane, View};
use tinhuy::corpus::catalog::Catalog;
use tinhuy::corpus::reader::{CorpusReader, MemoryReader, StoreReader};
use tinhuy::corpus::{Corpus, Meeting, sqlite};
use tinhuy::extract::Date;
use tinhuy::tui::reader::{Job, answer};

fn bundled() -> Arc<Corpus> {
    Arc::new(Corpus::bundled())
}

/// The requests the app has made since the last call.
fn requests(app: &mut App) -> Vec<Effect> {
    app.take_effects()
}

/// Answers every request and search until the app asks for nothing more.
fn settle(app: &mut App, reader: &mut impl CorpusReader) {
    for _ in 0..20 {
        let effects = app.take_effects();
        if effects.is_empty() {
            return;
        }
        reply(app, reader, effects);
    }
    panic!("the app kept asking");
}

/// Answers requests taken from the app earlier.
fn reply(app: &mut App, reader: &mut impl CorpusReader, effects: Vec<Effect>) {
    for e in effects {
        let job = match e {
            Effect::Read(r) => Job::Read(r),
            Effect::Search { generation, query } => Job::Search(generation, query),
            _ => continue,
        };
        app.receive(answer(reader, job));
    }
}

fn reading() -> App {
    App::reading(Keymap::default(), 100, 30)
}

#[test]
fn starts_by_asking_for_the_first_page_of_meetings_and_the_provinces() {
    let mut app = reading();
    let asked = requests(&mut app);
    assert_eq!(
        asked,
        vec![
            Effect::Read(Request::Meetings {
                province: None,
                offset: 0,
                limit: MEETINGS_PAGE
            }),
            Effect::Read(Request::Provinces),
        ]
    );
    let s = app.store.as_ref().unwrap();
    assert!(s.provinces.is_empty() && s.meetings.is_none());
    assert!(!s.ready(Pane::Meetings));
}

#[test]
fn replies_fill_the_panes_as_the_whole_corpus_would() {
    let corpus = bundled();
    let whole = App::new(
        corpus.clone(),
        Arc::new(tinhuy::search::Index::build(&corpus)),
        Keymap::default(),
        100,
        30,
    );
    let mut app = reading();
    settle(&mut app, &mut MemoryReader::new(corpus.clone()));
    let s = app.store.as_ref().unwrap();
    let names: Vec<_> = s.provinces.iter().map(|p| p.name.clone()).collect();
    let expected: Vec<_> = whole
        .browse
        .provinces
        .iter()
        .map(|p| p.name.clone())
        .collect();
    assert_eq!(names, expected);
    assert_eq!(s.meetings_total(), whole.browse.meetings.len());
    let first = s.selected_meeting().unwrap();
    assert_eq!(Some(first.meeting), whole.browse.selected_meeting());
    let panes = s.shown_panes().expect("the first meeting's panes");
    let people: Vec<usize> = panes.attendees.iter().map(|r| r.person).collect();
    let expected: Vec<usize> = whole.browse.attendees.iter().map(|r| r.person).collect();
    assert_eq!(people, expected);
    assert_eq!(panes.conclusions.len(), whole.browse.conclusions.len());
}

#[test]
fn moving_to_another_meeting_asks_for_its_panes_only() {
    let mut app = reading();
    let mut reader = MemoryReader::new(bundled());
    settle(&mut app, &mut reader);
    app.apply(Action::Down);
    let second = app
        .store
        .as_ref()
        .unwrap()
        .selected_meeting()
        .unwrap()
        .meeting;
    assert_eq!(
        requests(&mut app),
        vec![Effect::Read(Request::MeetingPanes { meeting: second })]
    );
    // Until the reply, the old meeting's rows are not shown for the new one.
    assert!(app.store.as_ref().unwrap().shown_panes().is_none());
    app.receive(answer(
        &mut reader,
        Job::Read(Request::MeetingPanes { meeting: second }),
    ));
    assert!(app.store.as_ref().unwrap().shown_panes().is_some());
}

#[test]
fn a_province_asks_for_its_meetings_and_late_pages_are_dropped() {
    let mut app = reading();
    let mut reader = MemoryReader::new(bundled());
    settle(&mut app, &mut reader);
    let all = app.store.as_ref().unwrap().meetings_total();
    app.focus = Pane::Provinces;
    app.apply(Action::Down);
    let name = app.selected_province().unwrap().to_string();
    let asked = requests(&mut app);
    assert_eq!(
        asked,
        vec![Effect::Read(Request::Meetings {
            province: Some(name.clone()),
            offset: 0,
            limit: MEETINGS_PAGE
        })]
    );
    // A page of all provinces arriving late is not this province's.
    let late = answer(
        &mut reader,
        Job::Read(Request::Meetings {
            province: None,
            offset: 0,
            limit: MEETINGS_PAGE,
        }),
    );
    app.receive(late);
    assert!(app.store.as_ref().unwrap().meetings.is_none());
    reply(&mut app, &mut reader, asked);
    settle(&mut app, &mut reader);
    let s = app.store.as_ref().unwrap();
    assert!(s.meetings_total() < all);
    let page = s.meetings.as_ref().unwrap();
    assert!(
        page.rows
            .iter()
            .all(|r| r.province.as_deref() == Some(&*name))
    );
}

/// A corpus of `n` meetings in one province, one a day, without articles.
fn many_meetings(n: usize) -> Corpus {
    let meetings = (0..n)
        .map(|i| Meeting {
            articles: Vec::new(),
            title: Some(format!("Meeting {i}")),
            province: Some("Hà Tĩnh".into()),
            date: Some(Date::ymd(2000 + (i / 365) as i32, 1, 1).unwrap()),
            body: Some(format!("Body {}", i % 365)),
            session: None,
            term: None,
            chairs: Vec::new(),
        })
        .collect();
    Corpus {
        meetings,
        ..Corpus::default()
    }
}

#[test]
fn the_meetings_pane_pages_through_a_long_list() {
    let mut reader = MemoryReader::new(Arc::new(many_meetings(MEETINGS_PAGE * 2 + 50)));
    let mut app = reading();
    settle(&mut app, &mut reader);
    let s = app.store.as_ref().unwrap();
    assert_eq!(s.meetings_total(), MEETINGS_PAGE * 2 + 50);
    assert_eq!(s.meetings.as_ref().unwrap().rows.len(), MEETINGS_PAGE);
    app.apply(Action::Bottom);
    let asked = requests(&mut app);
    assert_eq!(
        asked,
        vec![Effect::Read(Request::Meetings {
            province: None,
            offset: MEETINGS_PAGE * 2,
            limit: MEETINGS_PAGE
        })]
    );
    assert!(app.store.as_ref().unwrap().selected_meeting().is_none());
    reply(&mut app, &mut reader, asked);
    let last = app.store.as_ref().unwrap().selected_meeting().unwrap();
    // Oldest last; meetings of one day in corpus order.
    assert_eq!(last.title.as_deref(), Some("Meeting 364"));
}

#[test]
fn opening_a_meeting_asks_for_its_article_and_the_reply_opens_it() {
    let corpus = bundled();
    let mut reader = MemoryReader::new(corpus.clone());
    let mut app = reading();
    settle(&mut app, &mut reader);
    let article = app
        .store
        .as_ref()
        .unwrap()
        .selected_meeting()
        .unwrap()
        .article;
    app.apply(Action::Open);
    assert_eq!(
        requests(&mut app),
        vec![Effect::Read(Request::Article {
            of: ArticleOf::Number(article),
            focus: Focus::Start
        })]
    );
    assert_eq!(app.mode(), Mode::Browse);
    app.receive(answer(
        &mut reader,
        Job::Read(Request::Article {
            of: ArticleOf::Number(article),
            focus: Focus::Start,
        }),
    ));
    assert_eq!(app.mode(), Mode::Detail);
    assert_eq!(
        app.article(article).map(|a| a.id.clone()),
        Some(corpus.articles[article].id.clone())
    );
}

#[test]
fn a_conclusion_opens_its_article_at_the_conclusion() {
    let corpus = bundled();
    let mut reader = MemoryReader::new(corpus.clone());
    let mut app = reading();
    settle(&mut app, &mut reader);
    app.focus = Pane::Conclusions;
    app.apply(Action::Down);
    app.apply(Action::Open);
    settle(&mut app, &mut reader);
    let Some(View::Detail(d)) = app.stack.last() else {
        panic!("no article open");
    };
    let current = d.current.map(|c| d.facts[c].span);
    let s = app.store.as_ref().unwrap();
    let row = &s.shown_panes().unwrap().conclusions[1];
    let expected = corpus.articles[row.article].facts.conclusions[row.conclusion].span;
    assert_eq!(current, Some(expected));
}

#[test]
fn an_official_waits_for_the_catalog_then_opens() {
    let mut reader = MemoryReader::new(bundled());
    let mut app = reading();
    settle(&mut app, &mut reader);
    app.focus = Pane::Attendees;
    app.apply(Action::Open);
    assert_eq!(requests(&mut app), vec![Effect::Read(Request::Catalog)]);
    assert_eq!(app.mode(), Mode::Browse);
    app.receive(answer(&mut reader, Job::Read(Request::Catalog)));
    assert_eq!(app.mode(), Mode::Person);
    // Asked once: the catalog is kept.
    app.apply(Action::Back);
    app.apply(Action::Open);
    assert!(requests(&mut app).is_empty());
    assert_eq!(app.mode(), Mode::Person);
}

#[test]
fn search_answers_from_the_store_postings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    sqlite::save(&Corpus::bundled(), &db).unwrap();
    let mut reader = StoreReader::open(&db).unwrap();
    let mut app = reading();
    settle(&mut app, &mut reader);
    app.apply(Action::Search);
    for c in "ngo dong hai".chars() {
        app.handle_key(Key::char(c));
    }
    settle(&mut app, &mut reader);
    let Some(View::Search(s)) = app.stack.last() else {
        panic!("no search open");
    };
    assert!(!s.hits.is_empty());
    let top = app.index.entry(s.hits[0].entry);
    assert!(top.text.contains("Ngô Đông Hải"), "{}", top.text);
    app.apply(Action::Open);
    settle(&mut app, &mut reader);
    assert_eq!(app.mode(), Mode::Person);
}

#[test]
fn a_store_answers_as_the_corpus_in_memory() {
    let corpus = bundled();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    sqlite::save(&corpus, &db).unwrap();
    let mut store = StoreReader::open(&db).unwrap();
    let mut memory = MemoryReader::new(corpus.clone());
    assert_eq!(store.provinces().unwrap(), memory.provinces().unwrap());
    let page = store.meetings(None, 0, 100).unwrap();
    assert_eq!(page, memory.meetings(None, 0, 100).unwrap());
    assert_eq!(
        store.meetings(Some("Hà Tĩnh"), 1, 2).unwrap(),
        memory.meetings(Some("Hà Tĩnh"), 1, 2).unwrap()
    );
    for row in &page.rows {
        let m = row.meeting;
        assert_eq!(
            store.meeting_panes(m).unwrap(),
            memory.meeting_panes(m).unwrap()
        );
        assert_eq!(
            store.meeting_article(m).unwrap(),
            memory.meeting_article(m).unwrap()
        );
        assert_eq!(
            store.article(row.article).unwrap(),
            corpus.articles[row.article]
        );
    }
    assert_eq!(store.catalog().unwrap(), Catalog::of(&corpus));
    assert!(store.article(corpus.articles.len()).is_err());
}

/// The real binary on a store made by `ingest`, in a real terminal:
/// provinces, a province's meetings, attendees, an article, an official,
/// and a search.
#[test]
fn browsing_a_store_in_a_terminal() {
    if !available() {
        return;
    }
    let t = Tmux::start("store", 110, 32);
    let db = t.home.path().join("x.db");
    let out = common::tinhuy(&["ingest", "data/articles", "-o", db.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.launch(&format!("--corpus {}", db.display()));
    t.wait_for("provinces, meetings and the first meeting's panes", |s| {
        s.contains("Provinces (3)")
            && s.contains("Meetings (")
            && s.contains("2020-12-03")
            && !s.contains("Attendees (0)")
            && !s.contains("loading…")
    });
    t.keys(&["BTab", "j"]);
    t.wait_for("the first province's meeting and its panes", |s| {
        s.contains("Meetings · Hà Tĩnh (1)")
            && s.contains("2020-11-05")
            && !s.contains("2020-12-03")
            && s.contains("Attendees (9)")
    });
    t.keys(&["Tab", "Tab"]);
    t.wait_for("an attendee", |s| s.contains("★"));
    t.keys(&["Enter"]);
    t.wait_for("the official's page", |s| {
        s.contains("Posts") && s.contains("Meetings")
    });
    t.keys(&["Escape"]);
    t.wait_for("the browser", |s| s.contains("Provinces (3)"));
    t.keys(&["BTab", "Enter"]);
    t.wait_for("the article", |s| s.contains("facts marked"));
    t.keys(&["Escape"]);
    t.wait_for("the browser", |s| s.contains("Provinces (3)"));
    t.keys(&["/"]);
    t.type_text("ngo dong hai");
    t.wait_for("the official in the results", |s| {
        s.contains("/ ngo dong hai") && s.contains("official   Ngô Đông Hải")
    });
    t.keys(&["Enter"]);
    t.wait_for("his page", |s| {
        s.contains("Ngô Đông Hải — Thái Bình · 3 meetings")
    });
    t.keys(&["q"]);
    t.wait_for("the shell", |s| {
        s.lines().filter(|l| l.starts_with("PROMPT$")).count() >= 2
    });
    assert_clean(&t);
}

#[test]
fn the_first_page_shows_before_the_meetings_are_counted_then_the_count_follows() {
    let corpus = Arc::new(many_meetings(MEETINGS_PAGE + 30));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    sqlite::save(&corpus, &db).unwrap();
    let mut store = StoreReader::open(&db).unwrap();
    let mut memory = MemoryReader::new(corpus);
    let counted = memory.meetings(None, 0, MEETINGS_PAGE).unwrap();
    let early = store
        .meetings_uncounted(None, 0, MEETINGS_PAGE)
        .unwrap()
        .expect("nothing counted yet");
    assert_eq!(early.rows, counted.rows);
    assert_eq!(early.total, MEETINGS_PAGE);

    // The app shows the early page, then takes the counted one in its place.
    let mut app = reading();
    let asked = requests(&mut app);
    app.receive(tinhuy::app::store::Reply::Meetings {
        province: None,
        page: early,
    });
    assert_eq!(app.store.as_ref().unwrap().meetings_total(), MEETINGS_PAGE);
    reply(&mut app, &mut store, asked);
    settle(&mut app, &mut store);
    let s = app.store.as_ref().unwrap();
    assert_eq!(s.meetings_total(), MEETINGS_PAGE + 30);
    assert!(s.shown_panes().is_some());
    // Counted once per reader: later pages come counted.
    assert_eq!(store.meetings_uncounted(None, 0, 10).unwrap(), None);
}

/// Makes the store at `db` as old as one written before the meetings
/// indexes.
fn drop_meetings_indexes(db: &std::path::Path) {
    rusqlite::Connection::open(db)
        .unwrap()
        .execute_batch("DROP INDEX meetings_newest; DROP INDEX meetings_province;")
        .unwrap();
}

#[test]
fn a_store_older_than_the_meetings_indexes_gains_them_when_written_to() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    sqlite::save(&Corpus::bundled(), &db).unwrap();
    let indexes = || -> Vec<String> {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'meetings_%' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(indexes(), ["meetings_newest", "meetings_province"]);
    drop_meetings_indexes(&db);
    assert!(indexes().is_empty());
    sqlite::save(&Corpus::bundled(), &db).unwrap();
    assert_eq!(indexes(), ["meetings_newest", "meetings_province"]);
}

#[test]
fn a_store_without_the_meetings_indexes_pages_its_meetings_as_the_corpus_in_memory() {
    let corpus = Arc::new(many_meetings(MEETINGS_PAGE + 30));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    sqlite::save(&corpus, &db).unwrap();
    drop_meetings_indexes(&db);
    let mut store = StoreReader::open(&db).unwrap();
    let mut memory = MemoryReader::new(corpus);
    for (province, offset, limit) in [(None, 0, 50), (Some("Hà Tĩnh"), 190, 100), (None, 229, 5)]
    {
        assert_eq!(
            store.meetings(province, offset, limit).unwrap(),
            memory.meetings(province, offset, limit).unwrap()
        );
    }
    let corpus = bundled();
    let db = dir.path().join("bundled.db");
    sqlite::save(&corpus, &db).unwrap();
    drop_meetings_indexes(&db);
    let mut store = StoreReader::open(&db).unwrap();
    let mut memory = MemoryReader::new(corpus);
    assert_eq!(
        store.meetings(None, 0, 100).unwrap(),
        memory.meetings(None, 0, 100).unwrap()
    );
}
