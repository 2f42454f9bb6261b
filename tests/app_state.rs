//! The app's state under sequences of keys and actions, with no terminal.

use std::sync::Arc;

use tinhuy::app::detail::FactKind;
use tinhuy::app::person::{PersonPage, Row};
use tinhuy::app::{Action, App, Effect, Key, KeyCode, Keymap, Mode, Pane, Saved, View};
use tinhuy::corpus::{Appearance, Corpus};
use tinhuy::search::{Index, Target};

fn app() -> App {
    let corpus = Arc::new(Corpus::bundled());
    let index = Arc::new(Index::build(&corpus));
    App::new(corpus, index, Keymap::default(), 100, 30)
}

fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        app.handle_key(Key::char(c));
    }
}

/// Runs the searches the app asked for, as the terminal loop's worker does.
fn settle(app: &mut App) {
    for e in app.take_effects() {
        if let Effect::Search { generation, query } = e {
            let hits = app.index.search(&query, 200);
            app.receive_hits(generation, hits);
        }
    }
}

fn meeting_titles(app: &App) -> Vec<String> {
    app.browse
        .meetings
        .iter()
        .map(|&m| app.corpus.meetings[m].title.clone().unwrap_or_default())
        .collect()
}

#[test]
fn starts_on_all_meetings_newest_first() {
    let a = app();
    assert_eq!(a.mode(), Mode::Browse);
    assert_eq!(a.focus, Pane::Meetings);
    assert_eq!(a.browse.provinces.len(), 4);
    assert_eq!(a.browse.provinces[0].name, None);
    let dates: Vec<String> = a
        .browse
        .meetings
        .iter()
        .map(|&m| a.corpus.meetings[m].date.unwrap().to_string())
        .collect();
    assert_eq!(
        dates,
        vec![
            "2020-12-03",
            "2020-12-02",
            "2020-11-05",
            "2020-11-03",
            "2020-08-15"
        ]
    );
    // The newest meeting's attendees and conclusions are listed.
    assert_eq!(a.browse.attendees.len(), 3);
    assert!(!a.browse.conclusions.is_empty());
}

#[test]
fn panes_filter_to_the_right() {
    let mut a = app();
    a.apply(Action::Left);
    assert_eq!(a.focus, Pane::Provinces);
    a.apply(Action::Bottom);
    assert_eq!(a.browse.selected_province(), Some("Thái Bình"));
    assert_eq!(a.browse.meetings.len(), 3);
    a.apply(Action::Top);
    a.apply(Action::Down);
    assert_eq!(a.browse.selected_province(), Some("Hà Tĩnh"));
    assert_eq!(
        meeting_titles(&a),
        vec![
            "Tiếp tục hoàn thiện Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh khóa XIX"
        ]
    );
    assert_eq!(a.browse.attendees.len(), 9);
    assert_eq!(
        a.corpus.people[a.browse.attendees[0].person].name, "Hoàng Trung Dũng",
        "the chair first"
    );
    a.apply(Action::Right);
    assert_eq!(a.focus, Pane::Meetings);
    a.apply(Action::NextPane);
    assert_eq!(a.focus, Pane::Attendees);
    a.apply(Action::NextPane);
    a.apply(Action::NextPane);
    assert_eq!(a.focus, Pane::Provinces);
    a.apply(Action::PrevPane);
    assert_eq!(a.focus, Pane::Conclusions);
    a.apply(Action::Bottom);
    assert_eq!(a.browse.conclusion.selected, a.browse.conclusions.len() - 1);
    a.apply(Action::Top);
    assert_eq!(a.browse.conclusion.selected, 0);
}

#[test]
fn vim_keys_and_arrows_do_the_same() {
    let mut a = app();
    let mut b = app();
    keys(&mut a, "jjk");
    b.handle_key(Key::plain(KeyCode::Down));
    assert_eq!(a.browse.meeting.selected, b.browse.meeting.selected);
    a.handle_key(Key::ctrl('d'));
    b.handle_key(Key::plain(KeyCode::PageDown));
    assert_eq!(a.browse.meeting.selected, 4);
    assert_eq!(b.browse.meeting.selected, 4);
}

#[test]
fn enter_on_a_meeting_opens_its_article_and_facts_step() {
    let mut a = app();
    a.apply(Action::Open);
    assert_eq!(a.mode(), Mode::Detail);
    let Some(View::Detail(d)) = a.stack.last() else {
        panic!()
    };
    assert!(d.facts.len() > 10);
    assert_eq!(d.current, None);
    a.apply(Action::NextFact);
    let first = a.current_fact();
    assert!(first.is_some());
    a.apply(Action::NextFact);
    a.apply(Action::PrevFact);
    assert_eq!(a.current_fact(), first);
    // Step to a name and Enter opens the official.
    for _ in 0..40 {
        if a.current_fact() == Some(FactKind::Person) {
            break;
        }
        a.apply(Action::NextFact);
    }
    a.apply(Action::Open);
    assert_eq!(a.mode(), Mode::Person);
    a.apply(Action::Back);
    a.apply(Action::Back);
    assert_eq!(a.mode(), Mode::Browse);
}

#[test]
fn a_conclusion_opens_with_its_source_current() {
    let mut a = app();
    a.apply(Action::NextPane);
    a.apply(Action::NextPane);
    assert_eq!(a.focus, Pane::Conclusions);
    a.apply(Action::Down);
    let row = a.browse.conclusions[1];
    a.apply(Action::Open);
    let Some(View::Detail(d)) = a.stack.last() else {
        panic!()
    };
    let c = &a.corpus.articles[row.article].facts.conclusions[row.conclusion];
    let current = &d.facts[d.current.unwrap()];
    assert_eq!(current.span, c.span);
    assert_eq!(current.kind, FactKind::Conclusion);
    // The current fact is on screen.
    let line = d.line_of(current.span.start);
    assert!(line >= d.scroll && line < d.scroll + a.main_page());
}

#[test]
fn attendees_open_the_official_page_or_their_source() {
    let mut a = app();
    a.apply(Action::NextPane);
    assert_eq!(a.focus, Pane::Attendees);
    let person = a.browse.attendees[0].person;
    assert_eq!(a.corpus.people[person].name, "Ngô Đông Hải");
    a.apply(Action::Open);
    let Some(View::Person(p)) = a.stack.last() else {
        panic!()
    };
    assert_eq!(p.person, person);
    let meetings = p
        .rows
        .iter()
        .filter(|r| matches!(r, tinhuy::app::person::Row::Meeting { .. }))
        .count();
    assert_eq!(meetings, 3);
    a.apply(Action::Back);
    a.apply(Action::Source);
    let Some(View::Detail(d)) = a.stack.last() else {
        panic!()
    };
    assert_eq!(d.facts[d.current.unwrap()].person, Some(person));
}

#[test]
fn search_types_without_waiting_and_opens_in_context() {
    let mut a = app();
    a.apply(Action::Left);
    a.apply(Action::Down);
    let before = a.browse.clone();
    keys(&mut a, "/");
    assert_eq!(a.mode(), Mode::Search);
    keys(&mut a, "ngo dong hai");
    // Each keystroke asked for a search; only the newest answer counts.
    let asked: Vec<u64> = a
        .take_effects()
        .into_iter()
        .filter_map(|e| {
            if let Effect::Search { generation, .. } = e {
                Some(generation)
            } else {
                None
            }
        })
        .collect();
    assert_eq!(asked.len(), "ngo dong hai".len());
    let newest = *asked.last().unwrap();
    let stale = a.index.search("ngo", 200);
    a.receive_hits(newest, a.index.search("ngo dong hai", 200));
    a.receive_hits(asked[2], stale);
    let Some(View::Search(s)) = a.stack.last() else {
        panic!()
    };
    assert!(!s.is_pending());
    let top = a.index.entry(s.hits[0].entry);
    assert!(top.text.starts_with("Ngô Đông Hải"), "{}", top.text);
    assert_eq!(
        *top.target,
        Target::Person {
            person: a
                .corpus
                .people
                .iter()
                .position(|p| p.name == "Ngô Đông Hải")
                .unwrap()
        }
    );
    a.handle_key(Key::plain(KeyCode::Enter));
    assert_eq!(a.mode(), Mode::Person);
    assert_eq!(a.recent_searches, vec!["ngo dong hai"]);
    // Esc: back to the results, then to where the search started.
    a.handle_key(Key::plain(KeyCode::Esc));
    assert_eq!(a.mode(), Mode::Search);
    a.handle_key(Key::plain(KeyCode::Esc));
    assert_eq!(a.mode(), Mode::Browse);
    assert_eq!(a.browse, before);
}

#[test]
fn search_ignores_tone_placement_and_ranks_marked_queries() {
    let mut a = app();
    keys(&mut a, "/chu tich ubnd thai binh");
    settle(&mut a);
    let Some(View::Search(s)) = a.stack.last() else {
        panic!()
    };
    let top = a.index.entry(s.hits[0].entry).text;
    assert!(top.starts_with("Chủ tịch UBND tỉnh Thái Bình"), "{top}");
    // With marks, hits keeping them come first.
    a.handle_key(Key::ctrl('u'));
    keys(&mut a, "Hưng");
    settle(&mut a);
    let Some(View::Search(s)) = a.stack.last() else {
        panic!()
    };
    let top = a.index.entry(s.hits[0].entry).text;
    assert!(top.contains("Hưng"), "{top}");
}

#[test]
fn a_province_result_selects_it_in_the_browser() {
    let mut a = app();
    keys(&mut a, "/ha tinh");
    settle(&mut a);
    let Some(View::Search(s)) = a.stack.last() else {
        panic!()
    };
    let row = s
        .hits
        .iter()
        .position(|h| matches!(a.index.entry(h.entry).target, Target::Province { .. }))
        .unwrap();
    for _ in 0..row {
        a.handle_key(Key::plain(KeyCode::Down));
    }
    a.handle_key(Key::plain(KeyCode::Enter));
    assert_eq!(a.mode(), Mode::Browse);
    assert_eq!(a.browse.selected_province(), Some("Hà Tĩnh"));
    assert_eq!(a.focus, Pane::Meetings);
}

#[test]
fn copying_asks_for_the_clipboard() {
    let mut a = app();
    keys(&mut a, "y");
    let effects = a.take_effects();
    let Some(Effect::Copy { text, what }) = effects.first() else {
        panic!("{effects:?}")
    };
    assert!(
        text.contains("2020-12-03") && text.contains("Ban Chấp hành Đảng bộ tỉnh"),
        "{text}"
    );
    assert_eq!(what, "meeting as text");
    keys(&mut a, "Y");
    let Some(Effect::Copy { text, .. }) = a.take_effects().pop() else {
        panic!()
    };
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["body"], "Ban Chấp hành Đảng bộ tỉnh");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut a = app();
    keys(&mut a, "?");
    assert_eq!(a.mode(), Mode::Help);
    keys(&mut a, "j");
    assert_eq!(a.mode(), Mode::Help);
    a.handle_key(Key::plain(KeyCode::Esc));
    assert_eq!(a.mode(), Mode::Browse);
    keys(&mut a, "?x");
    assert_eq!(a.mode(), Mode::Browse, "any other key closes help");
    keys(&mut a, "?q");
    assert_eq!(a.mode(), Mode::Browse, "q closes help");
    assert_eq!(a.take_effects(), vec![], "and does not quit");
    keys(&mut a, "q");
    assert_eq!(a.take_effects(), vec![Effect::Quit]);
}

#[test]
fn help_scrolls_to_its_end_on_a_small_screen() {
    let corpus = Arc::new(Corpus::bundled());
    let index = Arc::new(Index::build(&corpus));
    let mut a = App::new(corpus, index, Keymap::default(), 60, 15);
    keys(&mut a, "?G");
    let (lines, page) = a.help_lines();
    assert!(lines.len() > page);
    assert_eq!(a.help, Some(lines.len() - page));
    assert!(lines.iter().any(|l| l.text.contains("NO_COLOR")));
}

#[test]
fn help_scrolled_on_a_small_screen_fits_a_larger_one() {
    let corpus = Arc::new(Corpus::bundled());
    let index = Arc::new(Index::build(&corpus));
    let mut a = App::new(corpus, index, Keymap::default(), 60, 15);
    keys(&mut a, "?G");
    a.resize(120, 40);
    let (lines, page) = a.help_lines();
    assert_eq!(a.help, Some(lines.len().saturating_sub(page)));
}

#[test]
fn ctrl_c_quits_whatever_the_config_says() {
    let corpus = Arc::new(Corpus::bundled());
    let index = Arc::new(Index::build(&corpus));
    let mut km = Keymap::default();
    km.bind(Action::Quit, vec![]);
    let mut a = App::new(corpus, index, km, 100, 30);
    keys(&mut a, "q");
    assert_eq!(a.take_effects(), vec![]);
    for setup in ["", "/", "?"] {
        keys(&mut a, setup);
        a.handle_key(Key::ctrl('c'));
        assert_eq!(a.take_effects(), vec![Effect::Quit], "after {setup:?}");
        a.handle_key(Key::plain(KeyCode::Esc));
        a.take_effects();
    }
    a.resize(30, 8);
    a.handle_key(Key::ctrl('c'));
    assert_eq!(a.take_effects(), vec![Effect::Quit], "too small");
}

#[test]
fn a_too_small_terminal_takes_only_quit() {
    let mut a = app();
    a.resize(40, 10);
    let before = (a.browse.clone(), a.focus, a.stack.clone());
    keys(&mut a, "jjl/?");
    a.handle_key(Key::plain(KeyCode::Enter));
    a.handle_key(Key::plain(KeyCode::Tab));
    assert_eq!((a.browse.clone(), a.focus, a.stack.clone()), before);
    assert_eq!(a.help, None);
    assert_eq!(a.take_effects(), vec![]);
    keys(&mut a, "q");
    assert_eq!(a.take_effects(), vec![Effect::Quit]);
    // Back to a size that draws: keys act again.
    a.resize(100, 30);
    keys(&mut a, "j");
    assert_eq!(a.browse.meeting.selected, 1);
}

#[test]
fn h_and_l_cross_to_the_other_row() {
    let mut a = app();
    assert_eq!(a.focus, Pane::Meetings);
    keys(&mut a, "l");
    assert_eq!(a.focus, Pane::Attendees);
    keys(&mut a, "l");
    assert_eq!(a.focus, Pane::Conclusions);
    keys(&mut a, "l");
    assert_eq!(a.focus, Pane::Conclusions);
    keys(&mut a, "hh");
    assert_eq!(a.focus, Pane::Meetings);
    keys(&mut a, "hh");
    assert_eq!(a.focus, Pane::Provinces);
}

#[test]
fn a_conclusion_low_in_its_article_opens_in_view_at_every_size() {
    for (w, h) in [(80, 24), (60, 15), (120, 40), (100, 30), (200, 60)] {
        let corpus = Arc::new(Corpus::bundled());
        let index = Arc::new(Index::build(&corpus));
        let mut a = App::new(corpus, index, Keymap::default(), w, h);
        a.apply(Action::Left);
        a.apply(Action::Down);
        assert_eq!(a.browse.selected_province(), Some("Hà Tĩnh"));
        a.focus = Pane::Conclusions;
        a.apply(Action::Bottom);
        let row = *a.browse.conclusions.last().unwrap();
        a.apply(Action::Open);
        let Some(View::Detail(d)) = a.stack.last() else {
            panic!()
        };
        let c = &a.corpus.articles[row.article].facts.conclusions[row.conclusion];
        assert_eq!(
            d.facts[d.current.unwrap()].span,
            c.span,
            "the chosen conclusion is current"
        );
        let in_view = |a: &App| {
            let Some(View::Detail(d)) = a.stack.last() else {
                panic!()
            };
            let line = d.line_of(d.facts[d.current.unwrap()].span.start);
            (
                line >= d.scroll && line < d.scroll + a.main_page(),
                line,
                d.scroll,
            )
        };
        let (ok, line, scroll) = in_view(&a);
        assert!(ok, "{w}x{h}: fact on line {line}, top line {scroll}");
        for (w2, h2) in [(60, 15), (200, 60), (80, 24)] {
            a.resize(w2, h2);
            let (ok, line, scroll) = in_view(&a);
            assert!(ok, "{w}x{h} then {w2}x{h2}: line {line}, top {scroll}");
        }
    }
}

#[test]
fn a_key_bound_in_two_views_acts_in_each() {
    let corpus = Arc::new(Corpus::bundled());
    let index = Arc::new(Index::build(&corpus));
    let mut km = Keymap::default();
    let tab = Key::plain(KeyCode::Tab);
    km.bind(Action::NextFact, vec![Key::char('n'), tab]);
    let mut a = App::new(corpus, index, km, 100, 30);
    a.handle_key(tab);
    assert_eq!(a.focus, Pane::Attendees, "Tab still switches panes");
    a.focus = Pane::Meetings;
    a.apply(Action::Open);
    a.handle_key(tab);
    assert!(a.current_fact().is_some(), "Tab steps facts in the article");
}

#[test]
fn the_status_line_counts_what_is_shown() {
    let mut a = app();
    assert!(
        tinhuy::ui::browse::counts(&a).starts_with("5 meetings · "),
        "{}",
        tinhuy::ui::browse::counts(&a)
    );
    a.apply(Action::Left);
    a.apply(Action::Down);
    let counts = tinhuy::ui::browse::counts(&a);
    assert!(
        counts.starts_with("Hà Tĩnh: 1 meeting · 9 officials · "),
        "{counts}"
    );
    assert!(
        counts.ends_with(&format!("· {} conclusions", a.browse.conclusions.len())),
        "{counts}"
    );
}

#[test]
fn provinces_are_in_vietnamese_alphabetical_order() {
    let mut c = Corpus::bundled();
    // Đ sorts as D, and "Tây" before "Thanh".
    for name in ["Đắk Lắk", "Thanh Hóa", "Tây Ninh", "An Giang"] {
        let mut m = c.meetings[0].clone();
        m.province = Some(name.into());
        m.title = Some(format!("Hội nghị {name}"));
        c.meetings.push(m);
    }
    let a = App::new(
        Arc::new(c.clone()),
        Arc::new(Index::build(&c)),
        Keymap::default(),
        100,
        30,
    );
    let names: Vec<&str> = a.browse.provinces[1..]
        .iter()
        .map(|p| p.name.as_deref().unwrap())
        .collect();
    assert_eq!(
        names,
        vec![
            "An Giang",
            "Đắk Lắk",
            "Hà Tĩnh",
            "Hậu Giang",
            "Tây Ninh",
            "Thái Bình",
            "Thanh Hóa"
        ]
    );
}

#[test]
fn duplicate_meetings_and_conclusions_show_once() {
    let mut c = Corpus::bundled();
    let (meetings, articles) = (c.meetings.len(), c.articles.len());
    // The same articles read twice more: as meetings of their own, and as
    // second reports of the same meetings.
    for round in 0..2 {
        for ai in 0..articles {
            let mut a = c.articles[ai].clone();
            a.id = format!("{}-{round}", a.id);
            let new = c.articles.len();
            if round == 0 {
                let mut m = c.meetings[a.meeting].clone();
                m.articles = vec![new];
                a.meeting = c.meetings.len();
                for &p in &a.people {
                    c.people[p].appearances.push(Appearance {
                        meeting: a.meeting,
                        article: new,
                        roles: vec![],
                        date: m.date,
                    });
                }
                c.meetings.push(m);
            } else {
                c.meetings[a.meeting].articles.push(new);
            }
            c.articles.push(a);
        }
    }
    let a = App::new(
        Arc::new(c.clone()),
        Arc::new(Index::build(&c)),
        Keymap::default(),
        100,
        30,
    );
    assert_eq!(a.browse.meetings.len(), meetings);
    assert_eq!(a.browse.provinces[0].meetings, meetings);
    let total: usize = a.browse.provinces[1..].iter().map(|p| p.meetings).sum();
    assert_eq!(total, meetings);
    let texts: Vec<&str> = a
        .browse
        .conclusions
        .iter()
        .map(|r| {
            a.corpus.articles[r.article].facts.conclusions[r.conclusion]
                .text
                .as_str()
        })
        .collect();
    let mut unique = texts.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(texts.len(), unique.len());
    // Search results, once each.
    let mut a = a;
    keys(&mut a, "/ngo dong hai");
    settle(&mut a);
    let Some(View::Search(search)) = a.stack.last() else {
        panic!()
    };
    let shown: Vec<(String, String)> = search
        .hits
        .iter()
        .map(|h| {
            let e = a.index.entry(h.entry);
            (e.kind.label().to_string(), e.text.to_string())
        })
        .collect();
    let mut unique_shown = shown.clone();
    unique_shown.sort();
    unique_shown.dedup();
    assert!(!shown.is_empty());
    assert_eq!(shown.len(), unique_shown.len());
    // An official's page lists each meeting and conclusion once too.
    let hai = a
        .corpus
        .people
        .iter()
        .position(|p| p.name == "Ngô Đông Hải")
        .unwrap();
    let page = PersonPage::new(&tinhuy::corpus::catalog::Catalog::of(&a.corpus), hai);
    assert_eq!(page.meetings(), 3);
    let said: Vec<&str> = page
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Conclusion {
                article,
                conclusion,
            } => Some(
                a.corpus.articles[*article].facts.conclusions[*conclusion]
                    .text
                    .as_str(),
            ),
            _ => None,
        })
        .collect();
    let mut unique_said = said.clone();
    unique_said.sort();
    unique_said.dedup();
    assert_eq!(said.len(), unique_said.len());
    assert_eq!(a.browse.shown.conclusions, {
        let mut n = 0;
        let mut b = a.browse.clone();
        for i in 0..b.meetings.len() {
            b.meeting.selected = i;
            b.refresh_meeting(&a.corpus);
            n += b.conclusions.len();
        }
        n
    });
}

#[test]
fn recent_searches_can_be_picked() {
    let mut a = app();
    a.recent_searches = vec!["ngo dong hai".into(), "thai binh".into()];
    keys(&mut a, "/");
    a.handle_key(Key::plain(KeyCode::Down));
    a.handle_key(Key::plain(KeyCode::Enter));
    let Some(View::Search(s)) = a.stack.last() else {
        panic!()
    };
    assert_eq!(s.query, "thai binh");
    let asked: Vec<String> = a
        .take_effects()
        .into_iter()
        .filter_map(|e| match e {
            Effect::Search { query, .. } => Some(query),
            _ => None,
        })
        .collect();
    assert_eq!(asked, vec!["thai binh"]);
}

#[test]
fn copies_say_when_where_and_from_which_source() {
    let mut a = app();
    keys(&mut a, "y");
    let Some(Effect::Copy { text, .. }) = a.take_effects().pop() else {
        panic!()
    };
    let m = a.corpus.meetings[a.browse.selected_meeting().unwrap()].clone();
    let file = a.corpus.articles[m.articles[0]].file.clone();
    for part in [
        "2020-12-03",
        "Thái Bình",
        "Ban Chấp hành Đảng bộ tỉnh",
        m.title.as_deref().unwrap(),
        &file,
    ] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
    keys(&mut a, "Y");
    let Some(Effect::Copy { text, .. }) = a.take_effects().pop() else {
        panic!()
    };
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["sources"][0]["file"], file.as_str());
    assert!(v["chairs"][0].is_string(), "names, not numbers: {v}");
    assert!(
        v.get("articles").is_none() && v.get("meeting").is_none(),
        "{v}"
    );
    // A conclusion carries its meeting's date and place.
    a.focus = Pane::Conclusions;
    keys(&mut a, "yY");
    let effects = a.take_effects();
    let Some(Effect::Copy { text, .. }) = effects.first() else {
        panic!()
    };
    assert!(
        text.contains("2020-12-03") && text.contains("Thái Bình"),
        "{text}"
    );
    let Some(Effect::Copy { text, .. }) = effects.last() else {
        panic!()
    };
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["province"], "Thái Bình");
    assert_eq!(v["date"], "2020-12-03");
    assert!(v.get("span").is_none(), "{v}");
    // One meeting, not "1 meetings".
    a.focus = Pane::Provinces;
    a.apply(Action::Down);
    keys(&mut a, "y");
    let Some(Effect::Copy { text, .. }) = a.take_effects().pop() else {
        panic!()
    };
    assert_eq!(text, "Hà Tĩnh — 1 meeting");
}

#[test]
fn reading_a_directory_shows_how_far_it_got() {
    let mut a = App::starting(Keymap::default(), 100, 30);
    assert_eq!(a.loading.note().as_deref(), Some("Reading the corpus…"));
    a.receive_progress(120, 3000);
    assert_eq!(
        a.loading.note().as_deref(),
        Some("Reading the corpus… 120 of 3000 files")
    );
}

#[test]
fn resizing_keeps_selections_valid() {
    let mut a = app();
    a.apply(Action::Bottom);
    a.apply(Action::Open);
    for (w, h) in [(0, 0), (1, 1), (2, 200), (300, 100), (80, 24), (60, 15)] {
        a.resize(w, h);
        let Some(View::Detail(d)) = a.stack.last() else {
            panic!()
        };
        assert!(d.scroll < d.lines.len().max(1));
    }
    a.apply(Action::Back);
    a.resize(1, 1);
    for _ in 0..10 {
        a.apply(Action::Down);
    }
    assert!(a.browse.meeting.selected < a.browse.meetings.len());
}

#[test]
fn the_session_is_remembered() {
    let mut a = app();
    a.apply(Action::Left);
    a.apply(Action::Bottom);
    a.apply(Action::Right);
    a.apply(Action::Down);
    keys(&mut a, "/ngo");
    settle(&mut a);
    a.handle_key(Key::plain(KeyCode::Enter));
    let saved = a.saved();
    assert_eq!(saved.province.as_deref(), Some("Thái Bình"));
    assert_eq!(saved.recent_searches, vec!["ngo"]);
    let mut b = app();
    b.restore(&saved);
    assert_eq!(b.browse.selected_province(), Some("Thái Bình"));
    assert_eq!(b.browse.meeting.selected, 1);
    assert_eq!(b.focus, Pane::Meetings);
    // What no longer exists is skipped.
    let mut c = app();
    c.restore(&Saved {
        province: Some("Atlantis".into()),
        meeting_article: Some("gone".into()),
        ..Saved::default()
    });
    assert_eq!(c.browse.selected_province(), None);
}

#[test]
fn rebinding_keys_changes_what_they_do() {
    let corpus = Arc::new(Corpus::bundled());
    let index = Arc::new(Index::build(&corpus));
    let mut km = Keymap::default();
    km.bind(Action::Down, vec![Key::char('x')]);
    let mut a = App::new(corpus, index, km, 100, 30);
    keys(&mut a, "j");
    assert_eq!(a.browse.meeting.selected, 0);
    keys(&mut a, "x");
    assert_eq!(a.browse.meeting.selected, 1);
}
