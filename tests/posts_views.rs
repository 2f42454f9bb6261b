//! The leadership and deadlines views under actions, with no terminal: who
//! held which post on the chosen date, moving the date, choosing a holder,
//! and deadlines filtered and opened.

use std::sync::Arc;

use tinhuy::app::person::Row;
use tinhuy::app::{Action, App, Keymap, Mode, Pane, View};
use tinhuy::corpus::Corpus;
use tinhuy::extract::Date;
use tinhuy::search::Index;

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn app() -> App {
    let corpus = Arc::new(Corpus::bundled());
    let index = Arc::new(Index::build(&corpus));
    let mut a = App::new(corpus, index, Keymap::default(), 100, 30);
    a.today = Some(day("2020-12-03"));
    a
}

fn leadership(app: &App) -> &tinhuy::app::leadership::Leadership {
    match app.stack.last() {
        Some(View::Leadership(l)) => l,
        other => panic!("not the leadership view: {other:?}"),
    }
}

fn deadlines(app: &App) -> &tinhuy::app::deadlines::Deadlines {
    match app.stack.last() {
        Some(View::Deadlines(d)) => d,
        other => panic!("not the deadlines view: {other:?}"),
    }
}

/// Who holds each post on the view's date, by post label.
fn holder(app: &App, post: &str) -> Vec<String> {
    let l = leadership(app);
    l.holders()
        .into_iter()
        .find(|(p, _)| *p == post)
        .map(|(_, t)| t.iter().map(|t| t.name.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn leadership_opens_on_the_provinces_newest_meeting() {
    let mut a = app();
    // The newest meeting (Thái Bình, 2020-12-03) is selected at start.
    a.apply(Action::Leadership);
    assert_eq!(a.mode(), Mode::Leadership);
    let l = leadership(&a);
    assert_eq!(l.province, "Thái Bình");
    assert_eq!(l.date, day("2020-12-03"));
    assert_eq!(holder(&a, "Bí thư Tỉnh ủy"), ["Ngô Đông Hải"]);
    assert_eq!(
        holder(&a, "Phó Bí thư Thường trực Tỉnh ủy"),
        ["Nguyễn Tiến Thành"]
    );
    assert_eq!(holder(&a, "Chủ tịch HĐND tỉnh"), ["Nguyễn Tiến Thành"]);
    assert_eq!(holder(&a, "Chủ tịch UBND tỉnh"), ["Nguyễn Khắc Thận"]);
    // The first charted post's holder on the date is selected.
    assert_eq!(l.selected().map(|t| t.name.as_str()), Some("Ngô Đông Hải"));
    a.apply(Action::Back);
    assert_eq!(a.mode(), Mode::Browse);
}

#[test]
fn leadership_opens_from_the_selected_province() {
    let mut a = app();
    a.apply(Action::Left);
    assert_eq!(a.focus, Pane::Provinces);
    a.apply(Action::Down);
    assert_eq!(a.browse.selected_province(), Some("Hà Tĩnh"));
    a.apply(Action::Leadership);
    let l = leadership(&a);
    assert_eq!(l.province, "Hà Tĩnh");
    assert_eq!(l.date, day("2020-11-05"));
    assert_eq!(holder(&a, "Bí thư Tỉnh ủy"), ["Hoàng Trung Dũng"]);
}

#[test]
fn the_date_moves_by_months_and_years() {
    let mut a = app();
    a.apply(Action::Leadership);
    a.apply(Action::MonthBack);
    assert_eq!(leadership(&a).date, day("2020-11-03"));
    for _ in 0..3 {
        a.apply(Action::MonthBack);
    }
    assert_eq!(leadership(&a).date, day("2020-08-03"));
    a.apply(Action::MonthForward);
    assert_eq!(leadership(&a).date, day("2020-09-03"));
    a.apply(Action::YearBack);
    assert_eq!(leadership(&a).date, day("2019-09-03"));
    a.apply(Action::YearForward);
    a.apply(Action::YearForward);
    assert_eq!(leadership(&a).date, day("2021-09-03"));
    // The keys the footer names do the same.
    let mut b = app();
    b.handle_key(tinhuy::app::Key::char('L'));
    for c in "[[[[".chars() {
        b.handle_key(tinhuy::app::Key::char(c));
    }
    b.handle_key(tinhuy::app::Key::char('{'));
    b.handle_key(tinhuy::app::Key::char('}'));
    b.handle_key(tinhuy::app::Key::char(']'));
    assert_eq!(leadership(&b).date, day("2020-09-03"));
}

#[test]
fn on_the_day_of_the_delegations_visit_the_former_chairman_holds_the_post() {
    let mut a = app();
    a.apply(Action::Leadership);
    // The chart's rows answer for any day, the visit's too.
    let l = leadership(&a);
    let on_visit = tinhuy::corpus::leadership::holders_on(&l.rows, day("2020-08-15"));
    let ubnd: Vec<&str> = on_visit
        .iter()
        .find(|(p, _)| *p == "Chủ tịch UBND tỉnh")
        .map(|(_, t)| t.iter().map(|t| t.name.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(ubnd, ["Đặng Trọng Thăng"]);
}

#[test]
fn holders_are_selected_and_enter_opens_their_page() {
    let mut a = app();
    a.apply(Action::Leadership);
    let post = |a: &App| leadership(a).selected_post().unwrap().post.clone();
    assert_eq!(post(&a), "Bí thư Tỉnh ủy");
    // Down to the chairman of the people's committee: on 2020-12-03 the
    // new one is selected; h goes to the one before him.
    while post(&a) != "Chủ tịch UBND tỉnh" {
        let before = leadership(&a).post;
        a.apply(Action::Down);
        assert_ne!(leadership(&a).post, before, "no such post in the chart");
    }
    let name = |a: &App| leadership(a).selected().unwrap().name.clone();
    assert_eq!(name(&a), "Nguyễn Khắc Thận");
    a.apply(Action::Left);
    assert_eq!(name(&a), "Đặng Trọng Thăng");
    a.apply(Action::Left);
    assert_eq!(name(&a), "Đặng Trọng Thăng", "stays on the first holder");
    a.apply(Action::Right);
    assert_eq!(name(&a), "Nguyễn Khắc Thận");
    a.apply(Action::Left);
    a.apply(Action::Open);
    assert_eq!(a.mode(), Mode::Person);
    let Some(View::Person(p)) = a.stack.last() else {
        unreachable!()
    };
    assert_eq!(a.corpus.people[p.person].name, "Đặng Trọng Thăng");
    // His chairmanship passed to his successor: it is listed apart.
    let former = p
        .rows
        .iter()
        .position(|r| *r == Row::Heading("Former posts"))
        .expect("a former posts heading");
    let titles: Vec<&str> = p.rows[former..]
        .iter()
        .filter_map(|r| match r {
            Row::Spell(s) => Some(a.corpus.people[p.person].timeline[*s].title.as_str()),
            _ => None,
        })
        .collect();
    assert!(titles.contains(&"Chủ tịch UBND tỉnh"), "{titles:?}");
    // Back to the leadership as it was.
    a.apply(Action::Back);
    assert_eq!(name(&a), "Đặng Trọng Thăng");
}

#[test]
fn a_marked_date_compares_with_the_chosen_one() {
    let mut a = app();
    a.apply(Action::Leadership);
    a.apply(Action::MarkDate);
    assert_eq!(leadership(&a).mark, Some(day("2020-12-03")));
    for _ in 0..4 {
        a.apply(Action::MonthBack);
    }
    a.apply(Action::Compare);
    let c = leadership(&a).comparison.clone().expect("a comparison");
    assert_eq!((c.from, c.to), (day("2020-08-03"), day("2020-12-03")));
    assert!(
        c.changes.iter().any(|ch| ch.post == "Chủ tịch UBND tỉnh"
            && ch
                .took
                .as_ref()
                .is_some_and(|t| t.name == "Nguyễn Khắc Thận")),
        "{:?}",
        c.changes
    );
    // Esc closes the comparison first, then the view.
    a.apply(Action::Back);
    assert_eq!(a.mode(), Mode::Leadership);
    assert!(leadership(&a).comparison.is_none());
    a.apply(Action::Back);
    assert_eq!(a.mode(), Mode::Browse);
}

#[test]
fn deadlines_are_by_due_date_and_filter_by_province() {
    let mut a = app();
    a.apply(Action::Deadlines);
    assert_eq!(a.mode(), Mode::Deadlines);
    let d = deadlines(&a);
    assert_eq!(d.province, None);
    let dues: Vec<Date> = d.shown.iter().map(|&i| d.all[i].due).collect();
    assert!(dues.len() >= 2, "{dues:?}");
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
    // p steps through the provinces with deadlines, then back to all.
    let mut seen = Vec::new();
    loop {
        a.apply(Action::NextProvince);
        let d = deadlines(&a);
        match &d.province {
            Some(p) => {
                assert!(!d.shown.is_empty());
                assert!(
                    d.shown
                        .iter()
                        .all(|&i| d.all[i].province.as_deref() == Some(p.as_str()))
                );
                seen.push(p.clone());
            }
            None => break,
        }
        assert!(seen.len() < 10, "the cycle ends");
    }
    assert!(seen.contains(&"Thái Bình".to_string()), "{seen:?}");
    assert!(seen.contains(&"Hà Tĩnh".to_string()), "{seen:?}");
}

#[test]
fn deadlines_open_on_the_selected_province_and_enter_opens_the_conclusion() {
    let mut a = app();
    a.apply(Action::Left);
    a.apply(Action::Down);
    assert_eq!(a.browse.selected_province(), Some("Hà Tĩnh"));
    a.apply(Action::Deadlines);
    let d = deadlines(&a);
    assert_eq!(d.province.as_deref(), Some("Hà Tĩnh"));
    let due = d.selected().unwrap().clone();
    assert_eq!(due.due, day("2020-11-10"));
    a.apply(Action::Open);
    assert_eq!(a.mode(), Mode::Detail);
    let Some(View::Detail(det)) = a.stack.last() else {
        unreachable!()
    };
    assert_eq!(det.article, due.article);
    let span = a.corpus.articles[due.article].facts.conclusions[due.conclusion].span;
    let current = det.current.map(|c| det.facts[c].span);
    assert_eq!(current, Some(span), "the conclusion is the current fact");
}

#[test]
fn the_new_keys_are_listed_in_help_and_the_footer() {
    let a = app();
    let km = &a.keymap;
    for (action, key) in [
        (Action::Leadership, "L"),
        (Action::Deadlines, "D"),
        (Action::MonthBack, "["),
        (Action::MonthForward, "]"),
        (Action::YearBack, "{"),
        (Action::YearForward, "}"),
        (Action::MarkDate, "m"),
        (Action::Compare, "c"),
        (Action::NextProvince, "p"),
    ] {
        assert_eq!(km.describe(action), key, "{action:?}");
        assert!(Action::ALL.contains(&action));
    }
    assert!(Mode::Leadership.hints().contains(&Action::MonthBack));
    assert!(Mode::Deadlines.hints().contains(&Action::NextProvince));
}
