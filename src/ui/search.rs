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
    let count = if s.query.trim().is_empty() {
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
    };
    let block = pane_block(format!("Search · {count}"), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let cols = inner.width as usize;

    // The prompt, with the caret where the next character goes.
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

    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    let lines: Vec<Line> = if s.query.trim().is_empty() {
        let mut v = vec![Line::from(Span::styled(
            text::truncate(
                "Names, posts, meetings, conclusions and provinces; diacritics optional (ngo dong hai, uy ban).",
                cols,
            )
            .into_owned(),
            theme.dim,
        ))];
        if !app.recent_searches.is_empty() {
            v.push(Line::default());
            v.push(Line::from(Span::styled(
                "Recent searches (↑/↓ and Enter pick one)",
                theme.heading,
            )));
            // Fewer rows than results get, below the heading: scrolled here.
            let room = (list.height as usize).saturating_sub(3).max(1);
            let offset = (s.list.selected + 1).saturating_sub(room);
            v.extend(
                app.recent_searches
                    .iter()
                    .enumerate()
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
        }
        v
    } else if s.hits.is_empty() && !s.is_pending() {
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
    } else {
        s.hits
            .iter()
            .enumerate()
            .skip(s.list.offset)
            .take(list.height as usize)
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
    };
    frame.render_widget(Paragraph::new(lines), list);
}
