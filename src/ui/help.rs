//! The help overlay: lines from [`crate::app::help`], already wrapped to
//! the box, scrolled, with marks when there is more above or below.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Theme, pane_block, rect, text};
use crate::app::App;
use crate::app::help::{self, KEY_COLS, Style};

pub fn draw(frame: &mut Frame, app: &App, scroll: usize, theme: &Theme) {
    let full = frame.area();
    let area = rect(help::area(full.width, full.height), frame);
    let (lines, page) = app.help_lines();
    let scroll = scroll.min(lines.len().saturating_sub(page));
    let more_above = scroll > 0;
    let more_below = scroll + page < lines.len();
    frame.render_widget(Clear, area);
    let mut block = pane_block("Keys · Esc or q closes".to_string(), true, theme);
    if more_above || more_below {
        let mark = match (more_above, more_below) {
            (true, true) => " ↑↓ more ",
            (false, true) => " ↓ more ",
            _ => " ↑ more ",
        };
        block = block.title_bottom(Line::from(Span::styled(mark, theme.key)).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(page)
        .map(|l| match l.style {
            // Keys too many for their column have a line of their own.
            Style::Action if l.text.is_empty() => Line::from(Span::styled(l.key, theme.key)),
            Style::Action => Line::from(vec![
                Span::styled(text::fit(&l.key, KEY_COLS), theme.key),
                Span::styled(l.text, theme.text),
            ]),
            Style::Heading => Line::from(Span::styled(l.text, theme.heading)),
            Style::Text => Line::from(Span::styled(l.text, theme.text)),
            Style::Dim => Line::from(Span::styled(l.text, theme.dim)),
            Style::Key => Line::from(Span::styled(l.text, theme.key)),
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
