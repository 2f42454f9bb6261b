//! Frames drawn into ratatui's TestBackend, kept as snapshots: every view
//! at 80x24, 120x40 and the smallest size drawn (60x15).

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use tinhuy::app::{Action, App, Effect, Key, KeyCode, Keymap, Mode, View};
use tinhuy::corpus::Corpus;
use tinhuy::search::{Index, Kind};
use tinhuy::ui::{self, Theme};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (60, 15)];

fn app(w: u16, h: u16) -> App {
    let corpus = Arc::new(Corpus::bundled());
    let index = Arc::new(Index::build(&corpus));
    App::new(corpus, index, Keymap::default(), w, h)
}

fn draw(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let (w, h) = (app.screen.main.width, app.screen.main.height + 2);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, app, theme)).unwrap();
    t
}

fn type_and_search(app: &mut App, s: &str) {
    for c in s.chars() {
        app.handle_key(Key::char(c));
    }
    for e in app.take_effects() {
        if let Effect::Search { generation, query } = e {
            let hits = app.index.search(&query, 200);
            app.receive_hits(generation, hits);
        }
    }
}

/// How to reach a view from the start.
type Setup = fn(&mut App);

/// Each view, set up the same way at every size.
fn views() -> Vec<(&'static str, Setup)> {
    vec![
        ("browse", |_| {}),
        ("browse_hatinh_attendees", |a| {
            a.apply(Action::Left);
            a.apply(Action::Down);
            a.apply(Action::NextPane);
            a.apply(Action::NextPane);
            a.apply(Action::Down);
        }),
        ("detail", |a| {
            a.apply(Action::Down);
            a.apply(Action::Down);
            a.apply(Action::Open);
            a.apply(Action::NextFact);
            a.apply(Action::NextFact);
            a.apply(Action::NextFact);
        }),
        ("person", |a| {
            a.apply(Action::NextPane);
            a.apply(Action::Open);
            a.apply(Action::Down);
        }),
        ("search", |a| type_and_search(a, "/ngo dong hai")),
        ("search_empty", |a| a.apply(Action::Search)),
        ("help", |a| a.apply(Action::Help)),
        ("help_end", |a| {
            a.apply(Action::Help);
            a.apply(Action::Bottom);
        }),
        ("search_recent", |a| {
            a.recent_searches = vec!["ngo dong hai".into(), "thai binh".into()];
            a.apply(Action::Search);
            a.apply(Action::Down);
        }),
    ]
}

#[test]
fn every_view_at_every_size() {
    for (w, h) in SIZES {
        for (name, setup) in views() {
            let mut a = app(w, h);
            setup(&mut a);
            let t = draw(&a, &Theme::default());
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
        }
    }
}

/// The leadership of Thái Bình on 2020-12-03 (its newest meeting), the
/// deadlines on a fixed today, and an official's chart of posts.
fn when_views() -> Vec<(&'static str, Setup)> {
    vec![
        ("leadership", |a| a.apply(Action::Leadership)),
        ("leadership_compare", |a| {
            a.apply(Action::Leadership);
            a.apply(Action::MarkDate);
            for _ in 0..4 {
                a.apply(Action::MonthBack);
            }
            a.apply(Action::Compare);
        }),
        ("deadlines", |a| a.apply(Action::Deadlines)),
        ("person_chart", |a| {
            a.apply(Action::Leadership);
            a.apply(Action::Down);
            a.apply(Action::Open);
        }),
    ]
}

#[test]
fn leadership_deadlines_and_the_posts_chart() {
    for (w, h) in [(80, 24), (120, 40)] {
        for (name, setup) in when_views() {
            let mut a = app(w, h);
            a.today = "2020-12-03".parse().ok();
            setup(&mut a);
            let t = draw(&a, &Theme::default());
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
        }
    }
}

#[test]
fn the_timeline_reads_without_colour() {
    let mut a = app(80, 24);
    a.apply(Action::Leadership);
    let t = draw(&a, &Theme::mono());
    let buf = t.backend().buffer();
    // Names on their bars, the date as a glyph, the selected post marked.
    assert!(find(buf, "├Ngô Đông Hải─").is_some());
    assert!(find(buf, "▼ 2020-12-03").is_some());
    let (x, y) = find(buf, "›Bí thư Tỉnh ủy").expect("selected post");
    assert!(buf[(x + 1, y)].modifier.contains(Modifier::REVERSED));
    for cell in buf.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
        );
    }
}

#[test]
fn too_small_says_so() {
    let a = app(40, 10);
    let t = draw(&a, &Theme::default());
    insta::assert_snapshot!("too_small_40x10", t.backend());
}

fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    for y in 0..area.height {
        let line: String = (0..area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        if let Some(col) = line.find(needle) {
            return Some((line[..col].chars().count() as u16, y));
        }
    }
    None
}

#[test]
fn focus_and_selection_show_without_colour() {
    let a = app(80, 24);
    let t = draw(&a, &Theme::mono());
    let buf = t.backend().buffer();
    // The focused pane is marked in its title and has a thick border.
    let (x, y) = find(buf, "▶ Meetings").expect("focused title");
    assert_eq!(buf[(x - 1, y)].symbol(), "┏");
    // Selection is reverse video, with no colour anywhere.
    let (sx, sy) = find(buf, "›2020-12-03").expect("selected row");
    assert!(buf[(sx, sy)].modifier.contains(Modifier::REVERSED));
    for cell in buf.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
        );
    }
}

#[test]
fn matched_characters_are_marked() {
    let mut a = app(80, 24);
    type_and_search(&mut a, "/ngo dong hai");
    let t = draw(&a, &Theme::default());
    let buf = t.backend().buffer();
    let (x, y) = find(buf, "Ngô Đông Hải —").expect("result");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "N is matched"
    );
    assert!(
        !buf[(x + 13, y)].modifier.contains(Modifier::UNDERLINED),
        "the dash after the name is not"
    );
    // The caret stands after the query.
    let mut t2 = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let frame = t2.draw(|f| ui::draw(f, &a, &Theme::default())).unwrap();
    let _ = frame;
    t2.backend_mut()
        .assert_cursor_position((2 + 2 + "ngo dong hai".len() as u16 - 1, 1));
}

#[test]
fn the_current_fact_is_reverse_video() {
    let mut a = app(100, 30);
    a.apply(Action::Open);
    for _ in 0..3 {
        a.handle_key(Key::char('n'));
    }
    let t = draw(&a, &Theme::default());
    let buf = t.backend().buffer();
    let reversed = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED) && c.symbol() != " ")
        .count();
    assert!(reversed > 0);
    a.handle_key(Key::plain(KeyCode::Esc));
    assert_eq!(a.stack.len(), 0);
}

/// The screen's rows as text.
fn rows(t: &Terminal<TestBackend>) -> Vec<String> {
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn help_and_quit_always_show_in_the_footer() {
    for (w, h) in [(60, 15), (80, 24), (120, 40)] {
        for (name, setup) in views() {
            let mut a = app(w, h);
            setup(&mut a);
            let t = draw(&a, &Theme::default());
            let footer = rows(&t).pop().unwrap();
            let (help, quit) = match a.mode() {
                Mode::Search => ("F1 help", "Ctrl-c quit"),
                Mode::Help => ("? close", "Ctrl-c quit"),
                _ => ("? help", "q quit"),
            };
            assert!(
                footer.contains(help) && footer.contains(quit),
                "{name} at {w}x{h}: {footer:?}"
            );
        }
    }
}

#[test]
fn the_search_footer_offers_arrows_not_letters() {
    let mut a = app(80, 24);
    type_and_search(&mut a, "/ngo");
    let t = draw(&a, &Theme::default());
    let footer = rows(&t).pop().unwrap();
    assert!(
        footer.contains("↓ down") && footer.contains("↑ up"),
        "{footer:?}"
    );
    assert!(!footer.contains("j down"), "{footer:?}");
}

#[test]
fn conclusion_results_show_their_start_and_the_match() {
    for (w, h) in [(80, 24), (60, 15)] {
        let mut a = app(w, h);
        type_and_search(&mut a, "/bi thu tinh uy");
        let Some(View::Search(s)) = a.stack.last() else {
            panic!()
        };
        let row = s
            .hits
            .iter()
            .position(|h| a.index.entry(h.entry).kind == Kind::Conclusion)
            .expect("a conclusion matches");
        let text = a.index.entry(s.hits[row].entry).text.to_string();
        for _ in 0..row {
            a.apply(Action::Down);
        }
        let t = draw(&a, &Theme::default());
        let line = rows(&t)
            .into_iter()
            .find(|l| l.contains("›conclusion"))
            .expect("the selected conclusion");
        let at = line.find("›conclusion").unwrap() + "›conclusion".len();
        let shown = line[at..].trim_end_matches('┃').trim();
        let start: String = text.chars().take(8).collect();
        assert!(shown.starts_with(&start), "{w}x{h}: {shown:?} / {text:?}");
        assert!(
            tinhuy::ui::text::width(shown) + 12 + 2 >= w as usize - 1,
            "the row is filled: {shown:?}"
        );
    }
}

#[test]
fn a_long_message_shows_whole() {
    let msg = "/home/someone/.config/tinhuy/config.toml: not valid config: TOML parse error at line 3, column 10 | 3 | quit = \"q\" x | ^ expected newline, `#`; using defaults";
    for (w, h) in [(80, 24), (60, 15)] {
        let mut a = app(w, h);
        a.notify(msg, true);
        let t = draw(&a, &Theme::default());
        let squeeze = |s: &str| -> String {
            s.chars()
                .filter(|c| !c.is_whitespace() && !"┃━┏┓┗┛│─┌┐└┘▶".contains(*c))
                .collect()
        };
        let screen = squeeze(&rows(&t).join(""));
        assert!(
            screen.contains(&squeeze(msg)),
            "{w}x{h}:\n{}",
            rows(&t).join("\n")
        );
        // The next key takes it away.
        a.handle_key(Key::char('j'));
        assert!(a.status.is_none());
    }
}

#[test]
fn a_respelled_search_says_so() {
    let mut a = app(80, 24);
    a.apply(Action::Search);
    for c in "ngo dong hia".chars() {
        a.handle_key(Key::char(c));
    }
    let effects = a.take_effects();
    let Some(Effect::Search { generation, query }) = effects.last().cloned() else {
        panic!()
    };
    assert!(a.index.search(&query, 200).is_empty());
    let respelled = tinhuy::search::typo::Vocabulary::of(&a.index)
        .respell(&query)
        .unwrap();
    let hits = a.index.search(&respelled, 200);
    a.receive_respelled(generation, hits, Some(respelled));
    let t = draw(&a, &Theme::default());
    let screen = rows(&t).join("\n");
    assert!(
        screen.contains("no exact match") && screen.contains("“ngo dong hai”"),
        "{screen}"
    );
    assert!(screen.contains("Ngô Đông Hải"), "{screen}");
}

#[test]
fn the_article_view_shows_its_url() {
    let mut corpus = Corpus::bundled();
    corpus.articles[0].facts.url = Some("https://example.vn/tin/hoi-nghi-123.html".into());
    let meeting = corpus.articles[0].meeting;
    let index = Arc::new(Index::build(&corpus));
    let mut a = App::new(Arc::new(corpus), index, Keymap::default(), 80, 24);
    let row = a
        .browse
        .meetings
        .iter()
        .position(|&m| m == meeting)
        .unwrap();
    for _ in 0..row {
        a.apply(Action::Down);
    }
    a.apply(Action::Open);
    let t = draw(&a, &Theme::default());
    let status = rows(&t)[22].clone();
    assert!(
        status.starts_with("https://example.vn/tin/hoi-nghi-123.html · line 1/"),
        "{status}"
    );
}

/// Only the rows on screen are formatted, however long a list is: a row
/// far below the window is never looked at (here one that could not be).
#[test]
fn panes_format_only_the_rows_on_screen() {
    let mut a = app(80, 24);
    let visible = a.screen.meetings.inner_rows();
    let first = a.browse.meetings[0];
    a.browse.meetings = vec![first; visible];
    a.browse.meetings.push(usize::MAX);
    let t = draw(&a, &Theme::default());
    assert!(rows(&t)[1].contains("2020-12-03"));
}
