//! The search prompt and its results, matched characters marked.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, pane_block, rect, row_line, text};
use crate::app::App;
use crate::app::search::Search;

pub fn draw(frame: &mut Frame, app: &App, s: &Search, theme: &Theme) {
    let area = rect(app.screen.main, frame);
    let count = if s.query.trim().is_empty() {
        "type to search".to_string()
    } else if !app.loading.index {
        "indexing…".to_string()
    } else if s.is_pending() {
        "searching…".to_string()
    } else {
        format!(
            "{} result{}",
            s.hits.len(),
            if s.hits.len() == 1 { "" } else { "s" }
        )
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
            "Names, posts, meetings, conclusions and provinces; diacritics optional (ngo dong hai, uy ban).",
            theme.dim,
        ))];
        if !app.recent_searches.is_empty() {
            v.push(Line::default());
            v.push(Line::from(Span::styled("Recent searches", theme.heading)));
            v.extend(
                app.recent_searches
                    .iter()
                    .map(|q| Line::from(Span::styled(format!("  {}", text::safe(q)), theme.text))),
            );
        }
        v
    } else if s.hits.is_empty() && !s.is_pending() {
        vec![Line::from(Span::styled("No match.", theme.dim))]
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
                    &h.positions,
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
