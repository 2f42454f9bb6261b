//! The browser under random use: every key the app knows and many it does
//! not, actions, search results arriving late, twice or out of order, the
//! corpus arriving in stages, and resizes down to nothing. After every step
//! the frame is drawn, and every selection in the state must point at a
//! real item and be on screen.

use std::path::Path;
use std::sync::{Arc, LazyLock};

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use tinhuy::app::cursor::Cursor;
use tinhuy::app::layout::Area;
use tinhuy::app::person::PersonPage;
use tinhuy::app::{
    Action, App, DETAIL_HEADER_ROWS, Effect, Key, KeyCode, Keymap, Mode, Pane, SEARCH_LIMIT, Saved,
    View,
};
use tinhuy::corpus::{BUNDLED_JSON, Corpus, store};
use tinhuy::search::{Hit, Index, Searcher};
use tinhuy::ui::{self, Theme};
use xtask::synth::{SynthConfig, generate};

/// A corpus as the browser receives it: meetings and officials first, then
/// everything, then the search index.
struct Staged {
    catalog: Arc<Corpus>,
    full: Arc<Corpus>,
    index: Arc<Index>,
}

impl Staged {
    fn from_json(json: &str) -> Staged {
        let mut catalog = None;
        let full = store::from_json_in_stages(json, Path::new("<test>"), |c| catalog = Some(c))
            .expect("corpus parses");
        let index = Arc::new(Index::build(&full));
        Staged {
            catalog: Arc::new(catalog.expect("a catalog stage")),
            full: Arc::new(full),
            index,
        }
    }
}

static BUNDLED: LazyLock<Staged> = LazyLock::new(|| Staged::from_json(BUNDLED_JSON));

/// More meetings, officials and provinces than the bundled corpus, so that
/// lists scroll.
static SYNTHETIC: LazyLock<Staged> = LazyLock::new(|| {
    let articles = generate(&SynthConfig {
        articles: 60,
        seed: 11,
    })
    .map(|a| (a.file_name, a.text))
    .collect();
    let corpus = tinhuy::corpus::ingest::from_texts(articles, 2);
    Staged::from_json(&store::to_json(&corpus, false))
});

/// Sizes worth trying: nothing, slivers, just too small, the smallest
/// drawn, common and huge.
const SIZES: &[(u16, u16)] = &[
    (0, 0),
    (1, 1),
    (2, 200),
    (200, 2),
    (20, 5),
    (59, 15),
    (60, 14),
    (60, 15),
    (61, 16),
    (80, 24),
    (120, 40),
    (300, 100),
];

#[derive(Debug, Clone)]
enum Step {
    Key(Key),
    Act(Action),
    /// One action many times: deep into long lists.
    Repeat(Action, u8),
    /// A query typed key by key into the search prompt, opened first.
    Type(&'static str),
    Resize(u16, u16),
    /// The search worker runs what is queued: only the newest query of a
    /// burst, or each in turn when it keeps up.
    Work {
        newest_only: bool,
    },
    /// Results computed earlier arrive, not necessarily in order.
    Deliver(prop::sample::Index),
    /// The worker keeps up: everything queued is answered, in order.
    Settle,
    /// Results already delivered arrive again.
    Replay(prop::sample::Index),
    /// The next stage of the corpus arrives (when starting empty).
    Load,
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        3 => prop::sample::select(SIZES),
        2 => (60u16..=320, 15u16..=120),
        1 => (0u16..=320, 0u16..=120),
    ]
}

fn key() -> impl Strategy<Value = Key> {
    let named = prop::sample::select(vec![
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
    ]);
    let keymap_chars =
        prop::sample::select("jkhlgGnNyY?qs/ 0123456789".chars().collect::<Vec<_>>());
    let odd_chars = prop::sample::select(vec![
        'ô', 'Đ', 'ạ', 'ữ', '中', '😀', '\u{301}', '\u{1b}', '\u{7f}', '\u{9b}', '\u{202e}',
        '\u{200d}', '\u{feff}', '\n', '\t',
    ]);
    prop_oneof![
        8 => keymap_chars.prop_map(Key::char),
        4 => named.clone().prop_map(Key::plain),
        2 => odd_chars.prop_map(Key::char),
        1 => any::<char>().prop_map(Key::char),
        2 => prop::sample::select(vec!['d', 'u', 'f', 'b', 'w', 'n', 'p', 'c', 'a', 'z'])
            .prop_map(Key::ctrl),
        1 => (0u8..=25).prop_map(|n| Key::plain(KeyCode::F(n))),
        1 => (named, any::<bool>(), any::<bool>())
            .prop_map(|(code, ctrl, alt)| Key { code, ctrl, alt }),
        1 => (any::<char>(), any::<bool>()).prop_map(|(c, ctrl)| Key {
            code: KeyCode::Char(c),
            ctrl,
            alt: true,
        }),
    ]
}

/// Queries with many results, few, none, and with diacritics.
const QUERIES: &[&str] = &[
    "nguyen",
    "bi thu",
    "hai",
    "a",
    "thai binh",
    "Ngô Đông Hải",
    "ubnd",
    "2020",
    "zzzq",
    "  ",
];

fn step() -> impl Strategy<Value = Step> {
    let action = || {
        prop_oneof![
            2 => prop::sample::select(Action::ALL.to_vec()),
            1 => prop::sample::select(vec![Action::Down, Action::Open, Action::Back]),
        ]
    };
    prop_oneof![
        8 => key().prop_map(Step::Key),
        10 => action().prop_map(Step::Act),
        4 => (action(), 2u8..=40).prop_map(|(a, n)| Step::Repeat(a, n)),
        3 => prop::sample::select(QUERIES).prop_map(Step::Type),
        3 => size().prop_map(|(w, h)| Step::Resize(w, h)),
        3 => any::<bool>().prop_map(|newest_only| Step::Work { newest_only }),
        3 => any::<prop::sample::Index>().prop_map(Step::Deliver),
        3 => Just(Step::Settle),
        1 => any::<prop::sample::Index>().prop_map(Step::Replay),
        1 => Just(Step::Load),
    ]
}

/// The search worker of the terminal loop, run by hand: it has no index
/// until the index stage arrives, and hands results back when told to.
#[derive(Default)]
struct Worker {
    index: Option<Arc<Index>>,
    searcher: Searcher,
    queued: Vec<(u64, String)>,
    done: Vec<(u64, Vec<Hit>)>,
    delivered: Vec<(u64, Vec<Hit>)>,
}

impl Worker {
    /// Queues the searches the app asked for; returns their generations.
    fn collect(&mut self, app: &mut App) -> Vec<u64> {
        let mut asked = Vec::new();
        for e in app.take_effects() {
            if let Effect::Search { generation, query } = e {
                asked.push(generation);
                self.queued.push((generation, query));
            }
        }
        asked
    }

    fn work(&mut self, newest_only: bool) {
        let Some(index) = &self.index else {
            return;
        };
        let queued = std::mem::take(&mut self.queued);
        let start = if newest_only {
            queued.len().saturating_sub(1)
        } else {
            0
        };
        for (g, q) in &queued[start..] {
            let hits = self.searcher.search(index, q, SEARCH_LIMIT);
            self.done.push((*g, hits));
        }
    }
}

/// Runs a sequence of steps on `app`, drawing and checking after each.
struct Run<'a> {
    app: App,
    worker: Worker,
    staged: &'a Staged,
    /// Stages of the corpus delivered so far (3 when it started loaded).
    stage: usize,
    /// Generations asked for by the search prompt now open.
    prompt: Vec<u64>,
    terminal: Terminal<TestBackend>,
}

impl Run<'_> {
    fn new(staged: &Staged, loaded: bool, (w, h): (u16, u16)) -> Run<'_> {
        let (app, stage, index) = if loaded {
            let app = App::new(
                staged.full.clone(),
                staged.index.clone(),
                Keymap::default(),
                w,
                h,
            );
            (app, 3, Some(staged.index.clone()))
        } else {
            (App::starting(Keymap::default(), w, h), 0, None)
        };
        let mut run = Run {
            app,
            worker: Worker {
                index,
                ..Worker::default()
            },
            staged,
            stage,
            prompt: Vec::new(),
            terminal: Terminal::new(TestBackend::new(w, h)).unwrap(),
        };
        run.draw_and_check();
        run
    }

    fn step(&mut self, s: &Step) {
        let had_prompt = has_prompt(&self.app);
        let app = &mut self.app;
        match s {
            Step::Key(k) => app.handle_key(*k),
            Step::Act(a) => app.apply(*a),
            Step::Repeat(a, n) => {
                for _ in 0..*n {
                    app.apply(*a);
                }
            }
            Step::Type(q) => {
                if app.mode() != Mode::Search {
                    app.apply(Action::Search);
                }
                for c in q.chars() {
                    app.handle_key(Key::char(c));
                }
            }
            Step::Resize(w, h) => {
                app.resize(*w, *h);
                self.terminal.backend_mut().resize(*w, *h);
            }
            Step::Work { newest_only } => self.worker.work(*newest_only),
            Step::Deliver(i) => {
                if !self.worker.done.is_empty() {
                    let (g, hits) = self.worker.done.remove(i.index(self.worker.done.len()));
                    app.receive_hits(g, hits.clone());
                    self.worker.delivered.push((g, hits));
                }
            }
            Step::Settle => {
                self.worker.work(false);
                for (g, hits) in std::mem::take(&mut self.worker.done) {
                    app.receive_hits(g, hits.clone());
                    self.worker.delivered.push((g, hits));
                }
            }
            Step::Replay(i) => {
                if !self.worker.delivered.is_empty() {
                    let (g, hits) =
                        self.worker.delivered[i.index(self.worker.delivered.len())].clone();
                    app.receive_hits(g, hits);
                }
            }
            Step::Load => {
                match self.stage {
                    0 => app.receive_corpus(self.staged.catalog.clone(), false),
                    1 => app.receive_corpus(self.staged.full.clone(), true),
                    2 => {
                        // As the terminal loop does: the worker gets the
                        // index in the same turn as the app.
                        self.worker.index = Some(self.staged.index.clone());
                        self.worker.searcher = Searcher::default();
                        app.receive_index(self.staged.index.clone());
                    }
                    _ => {}
                }
                self.stage = (self.stage + 1).min(3);
            }
        }
        if !had_prompt {
            self.prompt.clear();
        }
        let asked = self.worker.collect(&mut self.app);
        self.prompt.extend(asked);
        self.draw_and_check();
    }

    fn draw_and_check(&mut self) {
        let app = &self.app;
        self.terminal
            .draw(|f| ui::draw(f, app, &Theme::default()))
            .expect("draws");
        check_state(app);
        // Results shown answer a query typed into this prompt, not one
        // from a prompt closed before.
        for v in &app.stack {
            if let View::Search(s) = v {
                assert!(
                    s.hits.is_empty() || self.prompt.contains(&s.shown),
                    "results of generation {} shown in a prompt that asked {:?}",
                    s.shown,
                    self.prompt
                );
            }
        }
        check_frame(app, self.terminal.backend().buffer());
    }
}

fn has_prompt(app: &App) -> bool {
    app.stack.iter().any(|v| matches!(v, View::Search(_)))
}

/// A list selection: inside the list (or at its start when the list is
/// empty) and, when the screen is drawn, inside the visible window.
fn check_cursor(what: &str, c: Cursor, len: usize, page: usize, drawn: bool) {
    if len == 0 {
        assert_eq!(c, Cursor::default(), "{what}: empty list, cursor {c:?}");
        return;
    }
    assert!(c.selected < len, "{what}: selected {} of {len}", c.selected);
    assert!(
        c.offset <= c.selected,
        "{what}: {c:?} scrolled past the selection"
    );
    if drawn {
        assert!(
            c.selected < c.offset + page.max(1),
            "{what}: {c:?} not visible in {page} rows"
        );
    }
}

/// Rows of the list of a view in the main area, as the app pages it.
fn view_page(app: &App, v: &View) -> usize {
    let rows = app.screen.main.inner_rows();
    match v {
        View::Detail(_) => rows.saturating_sub(DETAIL_HEADER_ROWS),
        View::Search(_) => rows.saturating_sub(2),
        View::Person(_) | View::Leadership(_) => rows.saturating_sub(1),
        View::Deadlines(_) => rows.saturating_sub(1) / 2,
    }
}

fn check_person(app: &App, p: &PersonPage, page: usize, drawn: bool) {
    let c = &app.corpus;
    assert!(p.person < c.people.len());
    assert!(!p.rows.is_empty());
    check_cursor(
        "person page",
        p.cursor,
        p.rows.len(),
        page,
        drawn && page > 1,
    );
    if p.rows.iter().any(|r| r.selectable()) {
        assert!(
            p.selected().is_some(),
            "person page: row {} is not selectable",
            p.cursor.selected
        );
    }
}

fn check_state(app: &App) {
    let c = &app.corpus;
    let b = &app.browse;
    let drawn = !app.screen.too_small;

    // The panes' lists point into the corpus, their cursors into the lists.
    assert!(
        !b.provinces.is_empty(),
        "the \"all provinces\" row is always there"
    );
    assert!(b.meetings.iter().all(|&m| m < c.meetings.len()));
    for r in &b.attendees {
        let a = &c.articles[r.article];
        assert!(r.fact < a.facts.people.len() && r.person < c.people.len());
    }
    for r in &b.conclusions {
        assert!(r.conclusion < c.articles[r.article].facts.conclusions.len());
    }
    for (pane, len, cursor) in [
        (Pane::Provinces, b.provinces.len(), b.province),
        (Pane::Meetings, b.meetings.len(), b.meeting),
        (Pane::Attendees, b.attendees.len(), b.attendee),
        (Pane::Conclusions, b.conclusions.len(), b.conclusion),
    ] {
        check_cursor(pane.title(), cursor, len, app.page(pane), drawn);
    }

    for v in &app.stack {
        let page = view_page(app, v);
        match v {
            View::Detail(d) => {
                let a = &c.articles[d.article];
                assert_eq!(d.width, app.detail_width(), "wrapped to the screen");
                for l in &d.lines {
                    assert!(l.start <= l.end && l.end <= a.text.len());
                    assert!(a.text.is_char_boundary(l.start) && a.text.is_char_boundary(l.end));
                }
                for f in &d.facts {
                    assert!(f.span.end <= a.text.len());
                    assert!(f.person.is_none_or(|p| p < c.people.len()));
                }
                if let Some(i) = d.current {
                    assert!(i < d.facts.len(), "current fact {i} of {}", d.facts.len());
                }
                let last = d
                    .lines
                    .len()
                    .saturating_sub(if drawn { page.max(1) } else { 1 });
                assert!(
                    d.scroll <= last,
                    "scrolled to {} of {}",
                    d.scroll,
                    d.lines.len()
                );
            }
            View::Person(p) => check_person(app, p, page, drawn),
            View::Leadership(l) => {
                assert!(l.charted.iter().all(|&r| r < l.rows.len()));
                assert!(
                    l.charted.is_empty() || l.post < l.charted.len(),
                    "post {} of {}",
                    l.post,
                    l.charted.len()
                );
                let holders = l.selected_post().map_or(0, |r| r.holders.len());
                assert!(holders == 0 || l.holder < holders);
                for t in l.rows.iter().flat_map(|r| &r.holders) {
                    assert!(t.person < c.people.len());
                }
            }
            View::Deadlines(d) => {
                assert!(d.shown.iter().all(|&i| i < d.all.len()));
                for due in &d.all {
                    assert!(due.article < c.articles.len() && due.meeting < c.meetings.len());
                }
                check_cursor("deadlines", d.cursor, d.shown.len(), page, drawn);
            }
            View::Search(s) => {
                assert!(s.hits.iter().all(|h| h.entry < app.index.len()));
                assert!(s.caret <= s.query.chars().count());
                assert!(s.shown <= s.asked);
                // With nothing typed, the list is the recent searches.
                let len = if s.query.trim().is_empty() {
                    app.recent_searches.len()
                } else {
                    s.hits.len()
                };
                check_cursor("search results", s.list, len, page, drawn);
            }
        }
    }
    if let Some(scroll) = app.help {
        let (lines, page) = app.help_lines();
        assert!(scroll <= lines.len().saturating_sub(page));
    }
}

fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

/// Cells in `r` (clipped to the buffer) showing `symbol`.
fn count(buf: &Buffer, r: Rect, symbol: &str) -> usize {
    let r = r.intersection(buf.area);
    r.positions().filter(|&p| buf[p].symbol() == symbol).count()
}

fn check_frame(app: &App, buf: &Buffer) {
    let s = &app.screen;
    assert_eq!(
        (buf.area.width, buf.area.height),
        (
            s.main.width,
            s.main.height + s.status.height + s.footer.height
        ),
        "the app lays out the screen it is drawn on"
    );
    if app.screen.too_small {
        if buf.area.width > 0 && buf.area.height > 0 {
            assert_eq!(buf[(0, 0)].symbol(), "T", "the too-small message");
        }
        return;
    }
    if app.help.is_some() {
        return;
    }
    // The selected row of each list shows, marked: exactly one marker in
    // each non-empty list on screen.
    match app.stack.last() {
        None => {
            let b = &app.browse;
            for (area, len) in [
                (s.provinces, b.provinces.len()),
                (s.meetings, b.meetings.len()),
                (s.attendees, b.attendees.len()),
                (s.conclusions, b.conclusions.len()),
            ] {
                let want = usize::from(len > 0 && area.inner_rows() > 0);
                assert_eq!(
                    count(buf, rect(area), "›"),
                    want,
                    "selection marker in {area:?}"
                );
            }
        }
        Some(View::Person(_)) => assert_eq!(count(buf, rect(s.main), "›"), 1),
        // The selected post's label in the chart.
        Some(View::Leadership(l)) => assert_eq!(
            count(buf, rect(s.main), "›"),
            usize::from(!l.charted.is_empty() && s.main.inner_rows() >= 2),
            "leadership selection"
        ),
        Some(View::Deadlines(d)) => assert_eq!(
            count(buf, rect(s.main), "›"),
            usize::from(!d.shown.is_empty() && s.main.inner_rows() >= 3),
            "deadlines selection"
        ),
        Some(View::Search(x)) => {
            // Results, or with nothing typed the recent searches, below a
            // line of help and a heading.
            let want = if x.query.trim().is_empty() {
                let list_rows = s.main.inner_rows().saturating_sub(2);
                usize::from(!app.recent_searches.is_empty() && list_rows >= 4)
            } else {
                usize::from(!x.hits.is_empty())
            };
            assert_eq!(count(buf, rect(s.main), "›"), want, "search selection");
        }
        Some(View::Detail(_)) => {}
    }
}

fn run(staged: &Staged, loaded: bool, start: (u16, u16), restore: Option<Saved>, steps: &[Step]) {
    let mut r = Run::new(staged, loaded, start);
    if let Some(saved) = restore {
        r.app.restore(&saved);
        r.draw_and_check();
    }
    for s in steps {
        r.step(s);
    }
}

fn saved() -> impl Strategy<Value = Saved> {
    (
        prop::option::of(prop::sample::select(vec![
            "Thái Bình",
            "Hà Tĩnh",
            "Nowhere",
            "",
        ])),
        prop::option::of(prop::sample::select(vec![
            "000_6144b09bc32397b6",
            "004_373f7c4fa51f261f",
            "syn_000007",
            "missing",
        ])),
        prop::option::of(prop::sample::select(Pane::ALL.to_vec())),
        prop::collection::vec("[a-zđô ]{0,8}", 0..3),
    )
        .prop_map(
            |(province, meeting_article, focus, recent_searches)| Saved {
                province: province.map(str::to_string),
                meeting_article: meeting_article.map(str::to_string),
                focus,
                recent_searches,
            },
        )
}

/// Moves through lists, repeated to go deep.
const MOVES: &[Action] = &[
    Action::Down,
    Action::PageDown,
    Action::Bottom,
    Action::NextPane,
    Action::NextFact,
];
/// Moves between views and panes.
const GOES: &[Action] = &[
    Action::Open,
    Action::Source,
    Action::Back,
    Action::Up,
    Action::Left,
    Action::Search,
];

/// Only what moves between views and through lists, at sizes that are
/// drawn: deep stacks of views resized under one another.
fn navigation() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => prop::sample::select(QUERIES).prop_map(Step::Type),
        3 => Just(Step::Settle),
        4 => (prop::sample::select(MOVES), 1u8..=40).prop_map(|(a, n)| Step::Repeat(a, n)),
        4 => prop::sample::select(GOES).prop_map(Step::Act),
        3 => (60u16..=240, 15u16..=80).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

/// Cases per property: enough to find the bugs these found, quick in a
/// debug build. PROPTEST_CASES asks for more.
fn config() -> ProptestConfig {
    let config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_some() {
        config
    } else {
        ProptestConfig {
            cases: 128,
            ..config
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn loaded_corpus_under_random_use(
        synthetic in any::<bool>(),
        start in size(),
        steps in prop::collection::vec(step(), 1..80),
    ) {
        let staged = if synthetic { &*SYNTHETIC } else { &*BUNDLED };
        run(staged, true, start, None, &steps);
    }

    #[test]
    fn views_stacked_and_resized(
        synthetic in any::<bool>(),
        start in (60u16..=240, 15u16..=80),
        steps in prop::collection::vec(navigation(), 1..60),
    ) {
        let staged = if synthetic { &*SYNTHETIC } else { &*BUNDLED };
        run(staged, true, start, None, &steps);
    }

    #[test]
    fn corpus_arriving_in_stages_under_random_use(
        synthetic in any::<bool>(),
        start in size(),
        restore in prop::option::of(saved()),
        steps in prop::collection::vec(step(), 1..80),
    ) {
        let staged = if synthetic { &*SYNTHETIC } else { &*BUNDLED };
        run(staged, false, start, restore, &steps);
    }
}

/// Runs the searches the app asked for and hands back the results.
fn settle(app: &mut App) {
    for e in app.take_effects() {
        if let Effect::Search { generation, query } = e {
            let hits = app.index.search(&query, SEARCH_LIMIT);
            app.receive_hits(generation, hits);
        }
    }
}

#[test]
fn a_resize_keeps_the_result_under_an_official_page_in_view() {
    let s = &*SYNTHETIC;
    let mut app = App::new(s.full.clone(), s.index.clone(), Keymap::default(), 60, 15);
    app.apply(Action::Search);
    for c in "nguyen".chars() {
        app.handle_key(Key::char(c));
    }
    settle(&mut app);
    app.apply(Action::Bottom);
    app.apply(Action::Open);
    assert_eq!(app.mode(), Mode::Person);
    // The search list shows one row fewer than the official's page: the
    // resize must page it by its own rows.
    app.resize(60, 15);
    app.apply(Action::Back);
    check_state(&app);
    let View::Search(x) = app.stack.last().unwrap() else {
        panic!("back at the prompt");
    };
    let mut t = Terminal::new(TestBackend::new(60, 15)).unwrap();
    t.draw(|f| ui::draw(f, &app, &Theme::default())).unwrap();
    let buf = t.backend().buffer();
    assert_eq!(count(buf, rect(app.screen.main), "›"), 1);
    assert_eq!(x.list.selected, x.hits.len() - 1);
}

#[test]
fn results_asked_by_a_closed_prompt_are_not_shown_in_a_new_one() {
    let s = &*BUNDLED;
    let mut app = App::new(s.full.clone(), s.index.clone(), Keymap::default(), 80, 24);
    app.handle_key(Key::char('/'));
    app.handle_key(Key::char('a'));
    let Some(Effect::Search { generation, query }) = app.take_effects().pop() else {
        panic!("a search asked for");
    };
    app.handle_key(Key::plain(KeyCode::Esc));
    // A new prompt, typed into; the first prompt's results come in late.
    app.handle_key(Key::char('/'));
    app.handle_key(Key::char('z'));
    let late = app.index.search(&query, SEARCH_LIMIT);
    assert!(!late.is_empty());
    app.receive_hits(generation, late);
    let View::Search(x) = app.stack.last().unwrap() else {
        panic!("at the prompt");
    };
    assert!(
        x.hits.is_empty(),
        "results for {query:?} shown for {:?}",
        x.query
    );
    assert!(x.is_pending());
    // Its own results are taken.
    settle(&mut app);
    let View::Search(x) = app.stack.last().unwrap() else {
        panic!("at the prompt");
    };
    assert!(!x.is_pending());
}
