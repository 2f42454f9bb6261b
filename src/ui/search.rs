//! The search prompt and its results, matched characters marked.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, pane_block, rect, row_line, text};
use crate::app::search::Search;
use crate::app::{App, plural};

pub fn draw(frame: &mut Frame, app: &App, s: &Search, theme: &Theme) {
    let area = rect(app.screen.main, frame);
    let block = pane_block(format!("Search · {}", count(app, s)), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    draw_prompt(frame, s, inner, theme);
    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    let cols = inner.width as usize;
    let lines: Vec<Line> = if s.query.trim().is_empty() {
        before_typing(app, s, (cols, list.height as usize), theme)
    } else if s.hits.is_empty() && !s.is_pending() {
        no_match(cols, theme)
    } else {
        hit_lines(app, s, (cols, list.height as usize), theme)
    };
    frame.render_widget(Paragraph::new(lines), list);
}

/// The pane title's count: how many results, or what is being waited for.
fn count(app: &App, s: &Search) -> String {
    if s.query.trim().is_empty() {
        "type to search".to_string()
    } else if !app.loading.index {
        "indexing…".to_string()
    } else if s.is_pending() {
        "searching…".to_string()
    } else {
        let n = plural(s.hits.len(), "result", "results");
        match &s.respelled {
            Some(q) => format!("no exact match; {n} for “{q}”"),
            None => n,
        }
    }
}

/// The prompt on the first row of `inner`, with the caret where the next
/// character goes.
fn draw_prompt(frame: &mut Frame, s: &Search, inner: Rect, theme: &Theme) {
    let cols = inner.width as usize;
    let prompt = format!("/ {}", text::safe(&s.query));
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            text::truncate(&prompt, cols).into_owned(),
            theme.status,
        ))),
        Rect { height: 1, ..inner },
    );
    let before: String = s.query.chars().take(s.caret).collect();
    let x = inner.x + (2 + text::width(&text::safe(&before))).min(cols.saturating_sub(1)) as u16;
    frame.set_cursor_position(Position::new(x, inner.y));
}

/// Before a query: what can be searched, and the recent searches to pick
/// from, scrolled to the selected one within `rows`.
fn before_typing<'a>(
    app: &'a App,
    s: &Search,
    (cols, rows): (usize, usize),
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mut v = vec![Line::from(Span::styled(
        text::truncate(
            "Names, posts, meetings, conclusions and provinces; diacritics optional (ngo dong hai, uy ban).",
            cols,
        )
        .into_owned(),
        theme.dim,
    ))];
    if app.recent_searches.is_empty() {
        return v;
    }
    v.push(Line::default());
    v.push(Line::from(Span::styled(
        "Recent searches (↑/↓ and Enter pick one)",
        theme.heading,
    )));
    // Fewer rows than results get, below the heading: scrolled here.
    let room = rows.saturating_sub(3).max(1);
    let offset = (s.list.selected + 1).saturating_sub(room);
    v.extend(
        (app.recent_searches.iter().enumerate())
            .skip(offset)
            .take(room)
            .map(|(i, q)| {
                row_line(
                    vec![Span::styled(format!(" {}", text::safe(q)), theme.text)],
                    i == s.list.selected,
                    true,
                    cols,
                    theme,
                )
            }),
    );
    v
}

/// A query that matched nothing, and how to widen it.
fn no_match(cols: usize, theme: &Theme) -> Vec<Line<'static>> {
    vec![
        Line::from(Span::styled("No match.", theme.dim)),
        Line::from(Span::styled(
            text::truncate(
                "Every word must begin a word of an entry; a word of 4 or more letters may have one typo. Try fewer or shorter words.",
                cols,
            )
            .into_owned(),
            theme.dim,
        )),
    ]
}

/// The `rows` results from the list's offset, each with its kind and its
/// matched characters marked.
fn hit_lines<'a>(
    app: &'a App,
    s: &Search,
    (cols, rows): (usize, usize),
    theme: &Theme,
) -> Vec<Line<'a>> {
    (s.hits.iter().enumerate())
        .skip(s.list.offset)
        .take(rows)
        .map(|(i, h)| {
            let e = app.index.entry(h.entry);
            let label = format!("{:<10} ", e.kind.label());
            let mut spans = vec![Span::styled(label, theme.dim)];
            spans.extend(text::marked(
                e.text,
                h.positions(e.text),
                theme.text,
                theme.matched,
                cols.saturating_sub(12),
            ));
            row_line(spans, i == s.list.selected, true, cols, theme)
        })
        .collect()
}
