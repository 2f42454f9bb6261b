//! Drawing the state. Nothing here changes the app: every function takes
//! the state by reference and draws into a frame.

pub mod browse;
pub mod chart;
pub mod deadlines;
pub mod detail;
pub mod help;
pub mod leadership;
pub mod person;
pub mod search;
pub mod status;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use crate::app::layout::{Area, MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, View};
pub use theme::Theme;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if app.screen.too_small {
        too_small(frame, area, theme);
        return;
    }
    match app.stack.last() {
        None => browse::draw(frame, app, theme),
        Some(View::Detail(d)) => detail::draw(frame, app, d, theme),
        Some(View::Person(p)) => person::draw(frame, app, p, theme),
        Some(View::Leadership(l)) => leadership::draw(frame, app, l, theme),
        Some(View::Deadlines(d)) => deadlines::draw(frame, app, d, theme),
        Some(View::Search(s)) => search::draw(frame, app, s, theme),
    }
    status::draw(frame, app, theme);
    if let Some(scroll) = app.help {
        help::draw(frame, app, scroll, theme);
    }
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let msg = format!(
        "Terminal too small ({}×{}). tinhuy needs at least {MIN_WIDTH}×{MIN_HEIGHT}. Enlarge the window, or press q to quit.",
        area.width, area.height
    );
    frame.render_widget(
        Paragraph::new(msg)
            .style(theme.status)
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// The ratatui rectangle of an app area, clipped to the frame.
pub fn rect(a: Area, frame: &Frame) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height).intersection(frame.area())
}

/// A bordered box; the focused one has a thick border and a marked title so
/// focus shows without colour.
pub fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let title = text::safe(&title).into_owned();
    if focused {
        Block::bordered()
            .border_type(BorderType::Thick)
            .border_style(theme.focused_border)
            .title(Line::from(vec![Span::styled(
                format!("▶ {title} "),
                theme.focused_title,
            )]))
    } else {
        Block::bordered()
            .border_type(BorderType::Plain)
            .border_style(theme.border)
            .title(Line::from(Span::styled(format!(" {title} "), theme.title)))
    }
}

/// A list row: the text cut to `cols` cells, in the selection style when
/// selected.
pub fn row_line<'a>(
    spans: Vec<Span<'a>>,
    selected: bool,
    focused: bool,
    cols: usize,
    theme: &Theme,
) -> Line<'a> {
    let marker = if selected { "›" } else { " " };
    let mut out = vec![Span::raw(marker)];
    let used = 1 + cut_into(spans, cols.saturating_sub(1), &mut out);
    if used < cols {
        out.push(Span::raw(" ".repeat(cols - used)));
    }
    let line = Line::from(out);
    match (selected, focused) {
        (true, true) => line.style(theme.selected),
        (true, false) => line.style(theme.selected_unfocused),
        _ => line,
    }
}

/// Appends the spans to `out`, cut to `cols` cells in all; returns the
/// cells used.
pub fn cut_into<'a>(spans: Vec<Span<'a>>, cols: usize, out: &mut Vec<Span<'a>>) -> usize {
    let mut used = 0;
    for s in spans {
        if used >= cols {
            break;
        }
        let content = text::truncate(&s.content, cols - used).into_owned();
        used += text::width(&content);
        out.push(Span::styled(content, s.style));
    }
    used
}

/// A line of spans cut to `cols` cells.
pub fn cut_line(spans: Vec<Span<'static>>, cols: usize) -> Line<'static> {
    let mut out = Vec::new();
    cut_into(spans, cols, &mut out);
    Line::from(out)
}

/// Plain text span made safe for the terminal.
pub fn span<'a>(s: &str, style: Style) -> Span<'a> {
    Span::styled(text::safe(s).into_owned(), style)
}
