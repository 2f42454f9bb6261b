//! The open article's address in the status line: its cells hold only the
//! address made safe, and the hyperlink written over them after the frame
//! carries the address percent-encoded, so nothing in it reaches the
//! terminal as a control character.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tinhuy::app::{App, Keymap};
use tinhuy::corpus::ingest::from_texts;
use tinhuy::search::Index;
use tinhuy::tui::terminal::{OSC8_CLOSE, osc8_open, osc8_target, write_link};
use tinhuy::ui::{self, Theme};

const TEXT: &str = "Hội nghị Ban Thường vụ Tỉnh ủy\n\
    Chiều 5/11, đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy chủ trì hội nghị.\n\
    Đồng chí yêu cầu các sở, ngành hoàn thành kế hoạch trước ngày 30/12.\n";

/// An address with a bell, an escape sequence that would end the link and
/// clear the screen, a C1 string terminator and a space.
const URL: &str = "https://bao.vn/tin\x07-a\x1b\\\x1b[2J\u{9c}b c";

fn app_with_article_open(w: u16, h: u16) -> App {
    let mut corpus = from_texts(vec![("a.txt".into(), TEXT.into())], 1);
    corpus.articles[0].facts.url = Some(URL.to_string());
    let corpus = Arc::new(corpus);
    let index = Arc::new(Index::build(&corpus));
    let mut app = App::new(corpus, index, Keymap::default(), w, h);
    app.open_detail(0, None);
    app
}

fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, app, &Theme::default())).unwrap();
    t.backend().buffer().clone()
}

#[test]
fn the_address_cells_hold_no_control_characters_and_link_to_it_encoded() {
    let (w, h) = (100, 24);
    let app = app_with_article_open(w, h);
    let buf = draw(&app, w, h);
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "control character in cell {:?}",
            cell.symbol()
        );
    }
    let (cells, url) = ui::status::link(&app, buf.area).expect("the address is shown");
    assert_eq!(url, URL);
    assert_eq!(cells.height, 1);
    let shown: String = (cells.x..cells.right())
        .map(|x| buf[(x, cells.y)].symbol())
        .collect();
    assert!(shown.starts_with("https://bao.vn/tin"), "{shown:?}");
    assert_eq!(
        shown,
        ui::text::safe(URL),
        "the link covers the address and nothing else"
    );

    let mut out = Vec::new();
    write_link(&mut out, &buf, cells, &url).unwrap();
    let out = String::from_utf8(out).unwrap();
    let target = osc8_target(URL).unwrap();
    assert_eq!(target, "https://bao.vn/tin%07-a%1B\\%1B[2J%C2%9Cb%20c");
    let open = out.find(&osc8_open(&target)).expect("the link opens");
    let close = out.rfind(OSC8_CLOSE).expect("the link closes");
    assert!(open < close);
    assert!(!out.contains('\x07') && !out.contains('\u{9c}'));
    assert!(!out.contains("\x1b[2J"), "{out:?}");
}

#[test]
fn no_link_when_the_status_line_shows_something_else() {
    let (w, h) = (100, 24);
    let mut app = app_with_article_open(w, h);
    app.notify("Copied", false);
    let buf = draw(&app, w, h);
    assert_eq!(ui::status::link(&app, buf.area), None);
}
