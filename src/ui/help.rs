//! The help overlay, built from the same action list as the footer and the
//! config file, with the keys actually bound.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Theme, pane_block, text};
use crate::app::{Action, App};

pub fn draw(frame: &mut Frame, app: &App, scroll: usize, theme: &Theme) {
    let full = frame.area();
    let width = full.width.min(76);
    let height = full.height.saturating_sub(2).min(30);
    let area = Rect::new(
        full.x + (full.width - width) / 2,
        full.y + (full.height.saturating_sub(height)) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, area);
    let block = pane_block("Keys · Esc closes".to_string(), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let key_cols = 16;
    let mut lines: Vec<Line> = Action::ALL
        .iter()
        .map(|&a| {
            Line::from(vec![
                Span::styled(text::fit(&app.keymap.describe(a), key_cols), theme.key),
                Span::styled(a.description(), theme.text),
            ])
        })
        .collect();
    lines.extend([
        Line::default(),
        Line::from(Span::styled("In the search prompt", theme.heading)),
        Line::from(Span::styled(
            "type to search; Bksp/Del/Ctrl-w/Ctrl-u edit; ←/→ move; ↑/↓ or Ctrl-n/p choose",
            theme.text,
        )),
        Line::default(),
        Line::from(Span::styled(
            "Keys and colours can be changed in the config file:",
            theme.dim,
        )),
        Line::from(Span::styled("tinhuy --print-config-path", theme.key)),
        Line::from(Span::styled("NO_COLOR=1 turns colours off.", theme.dim)),
        Line::default(),
    ]);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(inner.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
