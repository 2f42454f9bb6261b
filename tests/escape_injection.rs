//! Text from articles never drives the terminal: escape sequences, other
//! control characters, bidi overrides and zero-width characters in a
//! title, an official's name and post, conclusions, body text and the file
//! name reach no cell of any view. Control characters show as visible
//! stand-ins (ESC as ␛, other C0 controls as their Control Pictures, DEL
//! as ␡, C1 controls as �); bidi and zero-width characters are dropped. The
//! text around them still shows.
//!
//! Two ways in: article files read by the program, which normalizes them,
//! and a corpus file written elsewhere, whose strings are taken as they are.

use std::path::Path;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use serde_json::Value;
use tinhuy::app::{Action, App, Effect, Key, Keymap, Mode, Pane, SEARCH_LIMIT, View};
use tinhuy::corpus::ingest::from_texts;
use tinhuy::corpus::{Corpus, store};
use tinhuy::search::Index;
use tinhuy::ui::{self, Theme};

/// Sequences a terminal acts on: clear screen, clipboard write (OSC 52), a
/// hyperlink (OSC 8), a device control string; then every other C0
/// control but the line and page breaks (the text's own structure), DEL,
/// every C1 control (U+009B is a one-byte CSI), every bidi embedding,
/// override, isolate and mark, and the zero-width characters.
fn hostile() -> String {
    let mut s = String::from(
        "\u{1b}[2J\u{1b}]52;c;aGVsbG8=\u{7}\u{1b}]8;;http://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\\u{1b}P1$qm\u{1b}\\",
    );
    let c0 = (0u32..0x20).filter(|c| !(0x09..=0x0d).contains(c));
    let c1 = 0x7f..=0x9f;
    let bidi = (0x202a..=0x202e).chain(0x2066..=0x2069);
    let zero_width = (0x200b..=0x200f).chain([0xfeff, 0x2060]);
    s.extend(
        c0.chain(c1)
            .chain(bidi)
            .chain(zero_width)
            .filter_map(char::from_u32),
    );
    s
}

/// A meeting report with the hostile text in its headline, in the line
/// naming the chair and their post, in the body and in a conclusion; the
/// chair's name is wrapped in bidi isolates and split by a zero-width space.
fn article() -> String {
    format!(
        "Hội nghị{H} Ban Thường vụ Tỉnh ủy Thái Bình bàn chương trình làm việc\n\n\
         Thứ 4, 02.12.2020 | 17:21:47\n\n\
         Ban Thường vụ Tỉnh ủy Thái Bình họp kỳ thứ 4{H}, bàn chương trình làm việc toàn khóa.\n\n\
         Chủ trì hội nghị có đồng chí \u{2066}Ngô\u{200b} Đông Hải\u{2069}, Bí thư Tỉnh ủy{H}, \
         đồng chí Nguyễn Tiến Thành, Phó bí thư Thường trực Tỉnh ủy.\n\n\
         Tại hội nghị, các đại biểu thảo luận{H} về dự thảo quy chế làm việc.\n\n\
         Kết luận hội nghị, đồng chí Ngô Đông Hải yêu cầu các sở hoàn thành trước 10/12/2020{H}.\n\n\
         Phạm Ngọc\n",
        H = hostile()
    )
}

/// The file name carries an escape sequence too.
const FILE: &str = "data/tin\u{1b}]0;owned\u{7}.txt";

/// Characters no cell may hold: every control character (C0 including
/// newline and tab, DEL, C1), bidi embeddings, overrides, isolates and
/// marks, and zero-width and other invisible format characters.
fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// The corpus as the program builds it from article files.
fn ingested() -> Corpus {
    from_texts(vec![(FILE.to_string(), article())], 1)
}

/// The same corpus as a corpus file from elsewhere could hold it: the
/// stand-ins put back as raw control characters, and bidi and zero-width
/// characters around every name, title and conclusion.
fn raw_corpus_file() -> Corpus {
    let mut v: Value = serde_json::from_str(&store::to_json(&ingested(), false)).unwrap();
    // Article texts keep their length, so that the facts' spans still fit.
    let texts: Vec<String> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| unmask_in_place(a["text"].as_str().unwrap()))
        .collect();
    poison(&mut v, None);
    for (a, text) in v["articles"].as_array_mut().unwrap().iter_mut().zip(texts) {
        a["text"] = Value::String(text);
    }
    // In the order of a corpus file: what it is first, articles last.
    let json = format!(
        r#"{{"schema":{},"schema_version":{},"meetings":{},"people":{},"articles":{}}}"#,
        v["schema"], v["schema_version"], v["meetings"], v["people"], v["articles"]
    );
    store::from_json(&json, Path::new("<raw corpus>")).expect("still a corpus")
}

/// Control characters back in place of their stand-ins, byte for byte:
/// each three-byte stand-in becomes a control character padded to three
/// bytes with a C1 control, and each replacement character a three-byte
/// bidi or zero-width character.
fn unmask_in_place(s: &str) -> String {
    let invisibles = ['\u{202E}', '\u{200B}', '\u{2066}', '\u{FEFF}', '\u{200D}'];
    let mut n = 0;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2400}'..='\u{241F}' => {
                out.push(char::from_u32(c as u32 - 0x2400).unwrap());
                out.push('\u{85}');
            }
            '\u{2421}' => {
                out.push('\u{7f}');
                out.push('\u{9b}');
            }
            '\u{FFFD}' => {
                out.push(invisibles[n % invisibles.len()]);
                n += 1;
            }
            c => out.push(c),
        }
    }
    assert_eq!(out.len(), s.len());
    out
}

/// Control characters back in place of their stand-ins, and invisible
/// characters around the whole string.
fn unmask(s: &str) -> String {
    let inner: String = s
        .chars()
        .map(|c| match c {
            '\u{2400}'..='\u{241F}' => char::from_u32(c as u32 - 0x2400).unwrap(),
            '\u{2421}' => '\u{7f}',
            '\u{FFFD}' => '\u{9b}',
            c => c,
        })
        .collect();
    // Joiners right after a letter would join its cell.
    format!("\u{202e}\u{200b}{inner}\u{200d}\u{200c}\u{1b}[0m\u{2069}\u{feff}\t\r\n\u{b}\u{c}")
}

/// Poisons every shown string of a corpus as JSON; `key` is the field the
/// value is under.
fn poison(v: &mut Value, key: Option<&str>) {
    const SHOWN: &[&str] = &[
        "title",
        "name",
        "text",
        "speaker",
        "chairs",
        "authors",
        "positions",
        "body",
        "province",
        "scope",
        "file",
        "id",
        "term",
    ];
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                poison(x, Some(k));
            }
        }
        Value::Array(a) => {
            for x in a {
                poison(x, key);
            }
        }
        Value::String(s) if key.is_some_and(|k| SHOWN.contains(&k)) => *s = unmask(s),
        _ => {}
    }
}

fn app(corpus: Corpus, w: u16, h: u16) -> App {
    let corpus = Arc::new(corpus);
    let index = Arc::new(Index::build(&corpus));
    App::new(corpus, index, Keymap::default(), w, h)
}

fn draw(app: &App) -> Buffer {
    let (w, h) = (app.screen.main.width, app.screen.main.height + 2);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, app, &Theme::default())).unwrap();
    t.backend().buffer().clone()
}

fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// Runs the searches the app asked for.
fn settle(app: &mut App) {
    for e in app.take_effects() {
        if let Effect::Search { generation, query } = e {
            let hits = app.index.search(&query, SEARCH_LIMIT);
            app.receive_hits(generation, hits);
        }
    }
}

/// A drawn frame: where it was taken, and what it must show.
struct Frame {
    view: String,
    buf: Buffer,
    shows: Vec<String>,
}

fn frame(view: impl Into<String>, app: &App, shows: &[&str]) -> Frame {
    Frame {
        view: view.into(),
        buf: draw(app),
        shows: shows.iter().map(|s| s.to_string()).collect(),
    }
}

/// Words of the article that every view of it shows.
const NAME: &str = "Ngô Đông Hải";
const TITLE: &str = "Hội nghị";

/// Every view that shows the article's text, at one size.
fn frames(corpus: &Corpus, w: u16, h: u16) -> Vec<Frame> {
    let mut out = Vec::new();
    for (i, pane) in Pane::ALL.into_iter().enumerate() {
        let mut a = app(corpus.clone(), w, h);
        while a.focus != pane {
            a.apply(Action::NextPane);
        }
        out.push(frame(
            format!("browse, {pane:?} focused"),
            &a,
            &[NAME, "Bí thư", "Thái Bình", TITLE, "␛", "yêu cầu"],
        ));
        if i == 0 {
            a.apply(Action::Help);
            out.push(frame(
                "help over the browser",
                &a,
                &["Keys · Esc or q closes"],
            ));
        }
    }

    // The article, page by page and fact by fact.
    let mut a = app(corpus.clone(), w, h);
    a.apply(Action::Open);
    let detail_shows = [TITLE, "Chaired by", NAME, "tin␛]0;owned␇.txt"];
    loop {
        out.push(detail_frame(&a, &detail_shows));
        let before = detail(&a).scroll;
        a.apply(Action::PageDown);
        if detail(&a).scroll == before {
            break;
        }
    }
    for _ in 0..detail(&a).facts.len() {
        a.apply(Action::NextFact);
        out.push(detail_frame(&a, &detail_shows));
    }
    a.apply(Action::Help);
    out.push(frame(
        "help over the article",
        &a,
        &["Keys · Esc or q closes"],
    ));

    // A conclusion in its article.
    let mut a = app(corpus.clone(), w, h);
    a.focus = Pane::Conclusions;
    a.apply(Action::Open);
    out.push(detail_frame(&a, &detail_shows));

    // The chair's page, row by row.
    let mut a = app(corpus.clone(), w, h);
    a.focus = Pane::Attendees;
    a.apply(Action::Open);
    assert_eq!(a.mode(), Mode::Person);
    for _ in 0..8 {
        out.push(frame(
            "the chair's page",
            &a,
            &[NAME, "Bí thư Tỉnh ủy", TITLE, "yêu cầu"],
        ));
        a.apply(Action::Down);
    }

    // Who held which post, over time and compared, and the deadlines.
    let mut a = app(corpus.clone(), w, h);
    a.today = "2020-12-03".parse().ok();
    a.apply(Action::Leadership);
    // A province name with escapes in it is no province the gazetteer
    // knows: the status line says so, and shows the name harmlessly.
    let shows: &[&str] = if a.mode() == Mode::Leadership {
        &["Bí thư Tỉnh ủy", "Leadership"]
    } else {
        &["No meeting of"]
    };
    out.push(frame("the leadership", &a, shows));
    if a.mode() == Mode::Leadership {
        a.apply(Action::MarkDate);
        a.apply(Action::MonthBack);
        a.apply(Action::Compare);
        out.push(frame("the leadership compared", &a, &["Changes"]));
    }
    let mut a = app(corpus.clone(), w, h);
    a.today = "2020-12-03".parse().ok();
    a.apply(Action::Deadlines);
    assert_eq!(a.mode(), Mode::Deadlines);
    out.push(frame("the deadlines", &a, &["2020-12-10", "yêu cầu"]));

    // Search results, and a query typed with the hostile text in it.
    for (query, shows) in [
        ("ngo dong hai", [NAME, "Bí thư"]),
        ("hoi nghi ban thuong vu", [TITLE, "␛"]),
        ("yeu cau cac so", ["yêu cầu", "␛"]),
    ] {
        let mut a = app(corpus.clone(), w, h);
        a.apply(Action::Search);
        for c in query.chars() {
            a.handle_key(Key::char(c));
        }
        settle(&mut a);
        out.push(frame(format!("search {query:?}"), &a, &shows));
    }
    let mut a = app(corpus.clone(), w, h);
    a.apply(Action::Search);
    for c in hostile().chars().take(60) {
        a.handle_key(Key::char(c));
    }
    settle(&mut a);
    out.push(frame("search typed with escapes", &a, &["/ ␛[2J␛]52;c;"]));
    out
}

fn detail(app: &App) -> &tinhuy::app::detail::Detail {
    match app.stack.last() {
        Some(View::Detail(d)) => d,
        _ => panic!("the article is open"),
    }
}

/// A frame of the article, which must also show each of its text lines on
/// screen whole: nothing pushed past the edge.
fn detail_frame(app: &App, shows: &[&str]) -> Frame {
    let d = detail(app);
    let text = &app.corpus.articles[d.article].text;
    let mut shows: Vec<&str> = shows.to_vec();
    let shown: Vec<String> = d
        .lines
        .iter()
        .skip(d.scroll)
        .take(app.main_page())
        .filter(|l| !l.is_blank())
        .map(|l| ui::text::safe(&text[l.start..l.end]).trim().to_string())
        .collect();
    shows.extend(shown.iter().map(String::as_str));
    frame(
        format!("article from line {}, fact {:?}", d.scroll, d.current),
        app,
        &shows,
    )
}

/// The frame's rows as text.
fn text_of(buf: &Buffer) -> String {
    rows(buf).join("\n")
}

fn check(frames: &[Frame], corpus: &str, size: (u16, u16)) {
    for f in frames {
        for p in f.buf.area.positions() {
            let sym = f.buf[p].symbol();
            assert!(
                !sym.chars().any(forbidden),
                "{corpus} at {size:?}, {}: cell ({}, {}) holds {sym:?}\n{}",
                f.view,
                p.x,
                p.y,
                text_of(&f.buf)
            );
        }
    }
    for f in frames {
        // The long title is cut to its box, measured as drawn.
        if f.view.starts_with("article") {
            let top = &rows(&f.buf)[0];
            assert!(
                top.contains('…'),
                "{corpus} at {size:?}, {}: title not cut\n{top}",
                f.view
            );
        }
        let text = text_of(&f.buf);
        for want in &f.shows {
            assert!(
                text.contains(want.as_str()),
                "{corpus} at {size:?}, {}: {want:?} not shown\n{text}",
                f.view
            );
        }
    }
}

#[test]
fn article_files_with_escapes_show_them_harmlessly() {
    let corpus = ingested();
    assert_eq!(corpus.people.first().map(|p| p.name.as_str()), Some(NAME));
    for size in [(80, 24), (120, 40)] {
        check(&frames(&corpus, size.0, size.1), "article files", size);
    }
}

#[test]
fn a_corpus_file_with_raw_escapes_shows_them_harmlessly() {
    let corpus = raw_corpus_file();
    // The strings hold raw controls now.
    assert!(
        corpus.meetings[0]
            .title
            .as_deref()
            .unwrap()
            .contains('\u{1b}')
    );
    assert!(corpus.articles[0].text.contains('\u{9b}'));
    for size in [(80, 24), (120, 40)] {
        check(&frames(&corpus, size.0, size.1), "a corpus file", size);
    }
}

/// The official's name in the results for "ngo dong hai", with each
/// character not marked as matched shown as '_'.
fn marks_on_name(corpus: Corpus) -> String {
    let mut a = app(corpus, 80, 24);
    a.apply(Action::Search);
    for c in "ngo dong hai".chars() {
        a.handle_key(Key::char(c));
    }
    settle(&mut a);
    let buf = draw(&a);
    let (y, row) = rows(&buf)
        .into_iter()
        .enumerate()
        .find(|(_, r)| r.contains(NAME))
        .expect("the official is found");
    let x = row[..row.find(NAME).unwrap()].chars().count();
    NAME.chars()
        .enumerate()
        .map(|(i, c)| {
            let cell = &buf[((x + i) as u16, y as u16)];
            if cell.modifier.contains(ratatui::style::Modifier::UNDERLINED) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[test]
fn matched_letters_stay_marked_when_invisible_characters_are_dropped() {
    let clean = marks_on_name(ingested());
    assert!(clean.starts_with("Ngô"), "{clean}");
    assert_eq!(marks_on_name(raw_corpus_file()), clean);
}
