//! The views over the whole corpus (an official's page, a province's
//! leadership, the deadlines) show over a store exactly what they show over
//! the same corpus in memory: the same rows and the same frames.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use tinhuy::app::{App, Effect, Keymap, View};
use tinhuy::corpus::catalog::Catalog;
use tinhuy::corpus::reader::{CorpusReader, StoreReader};
use tinhuy::corpus::{CENTRAL, Corpus, ingest, sqlite};
use tinhuy::search::Index;
use tinhuy::tui::reader::{Job, answer};
use tinhuy::ui::{self, Theme};
use xtask::synth::{SynthConfig, write_dir};

/// A corpus of synthetic articles, as ingest reads them.
fn synthetic(articles: usize) -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    let config = SynthConfig { articles, seed: 5 };
    write_dir(&config, dir.path(), false).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    ingest::ingest(&files, 2, &|_, _| {}).0
}

/// Answers what the app asks until it asks nothing more.
fn settle(app: &mut App, reader: &mut impl CorpusReader) {
    for _ in 0..20 {
        let effects = app.take_effects();
        if effects.is_empty() {
            return;
        }
        for e in effects {
            if let Effect::Read(r) = e {
                app.receive(answer(reader, Job::Read(r)));
            }
        }
    }
    panic!("the app kept asking");
}

fn frame(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    t.draw(|f| ui::draw(f, app, &Theme::default())).unwrap();
    format!("{:?}", t.backend().buffer())
}

fn top(app: &App) -> &View {
    app.stack.last().expect("a view is open")
}

/// Opens `open` in both apps and checks they show the same.
fn same_view(memory: &mut App, store: &mut App, reader: &mut StoreReader, open: impl Fn(&mut App)) {
    open(memory);
    open(store);
    settle(store, reader);
    assert_eq!(top(memory), top(store));
    assert_eq!(frame(memory), frame(store));
}

fn views_agree(corpus: Corpus) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    sqlite::save(&corpus, &db).unwrap();
    let mut reader = StoreReader::open(&db).unwrap();
    assert_eq!(reader.catalog().unwrap(), Catalog::of(&corpus));

    let corpus = Arc::new(corpus);
    let index = Arc::new(Index::build(&corpus));
    let mut memory = App::new(corpus.clone(), index, Keymap::default(), 100, 30);
    let mut store = App::reading(Keymap::default(), 100, 30);
    settle(&mut store, &mut reader);
    for app in [&mut memory, &mut store] {
        app.today = "2021-06-01".parse().ok();
    }

    same_view(&mut memory, &mut store, &mut reader, |a| a.open_deadlines());
    let mut provinces = 0;
    for (p, person) in corpus.people.iter().enumerate() {
        same_view(&mut memory, &mut store, &mut reader, |a| a.open_person(p));
        if person.scope != CENTRAL {
            same_view(&mut memory, &mut store, &mut reader, |a| {
                a.open_leadership()
            });
            provinces += 1;
        }
        memory.stack.clear();
        store.stack.clear();
    }
    assert!(provinces > 0);
}

#[test]
fn the_bundled_corpus_shows_the_same_from_a_store() {
    views_agree(Corpus::bundled());
}

#[test]
fn a_synthetic_corpus_shows_the_same_from_a_store() {
    let corpus = synthetic(120);
    assert!(corpus.people.len() > 50, "{}", corpus.people.len());
    views_agree(corpus);
}
