//! The status line (counts, or the last message) and the footer's key
//! hints for what the current view can do. A message too long for the
//! status line is shown whole in a box above it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{Theme, pane_block, rect, text};
use crate::app::{Action, App, Mode, View, plural};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let s = &app.screen;
    let cols = s.status.width as usize;
    let line = match &app.status {
        Some(st) => {
            let shown = text::safe(&st.text);
            let style = if st.error { theme.error } else { theme.status };
            if text::width(&shown) > cols {
                message_box(frame, app, &shown, style, theme);
            }
            Line::from(Span::styled(
                text::truncate(&shown, cols).into_owned(),
                style,
            ))
        }
        // The context names the article's file, which may hold anything.
        None => Line::from(Span::styled(
            text::truncate(&text::safe(&context(app)), cols).into_owned(),
            theme.dim,
        )),
    };
    frame.render_widget(Paragraph::new(line), rect(s.status, frame));
    frame.render_widget(
        Paragraph::new(Line::from(footer(app, cols, theme))),
        rect(s.footer, frame),
    );
}

/// A long message, wrapped in a box just above the status line.
fn message_box(
    frame: &mut Frame,
    app: &App,
    msg: &str,
    style: ratatui::style::Style,
    theme: &Theme,
) {
    let main = rect(app.screen.main, frame);
    let inner_cols = main.width.saturating_sub(2).max(1) as usize;
    let rows = crate::app::help::wrap(msg, inner_cols).len() as u16;
    let height = (rows + 2).min(main.height);
    let area = Rect {
        y: main.y + main.height - height,
        height,
        ..main
    };
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(Span::styled(msg.to_string(), style))
            .wrap(Wrap { trim: false })
            .block(pane_block("Message · any key closes".into(), true, theme)),
        area,
    );
}

/// Key hints: the view's own as far as they fit, then help and quit,
/// which always show.
fn footer<'a>(app: &App, cols: usize, theme: &Theme) -> Vec<Span<'a>> {
    let mode = app.mode();
    let hint = |a: Action| {
        let key = app.keymap.hint_key(mode, a)?;
        let h = if mode == Mode::Help && a == Action::Help {
            "close"
        } else {
            a.hint()
        };
        Some((key.to_string(), h))
    };
    let width = |(k, h): &(String, &str)| text::width(k) + text::width(h) + 3;
    let always: Vec<(String, &str)> = Mode::ALWAYS.iter().filter_map(|&a| hint(a)).collect();
    let reserved: usize = always.iter().map(width).sum();
    let mut shown = Vec::new();
    let mut used = 0;
    for &a in mode.hints() {
        let Some(h) = hint(a) else { continue };
        if used + width(&h) + reserved > cols {
            break;
        }
        used += width(&h);
        shown.push(h);
    }
    shown.extend(always);
    let mut spans = Vec::new();
    for (k, h) in shown {
        spans.push(Span::styled(k, theme.key));
        spans.push(Span::styled(format!(" {h}  "), theme.text));
    }
    spans
}

/// The cells of the status line that show the open article's address,
/// and the address: what a terminal that supports it may make a link of.
/// None when the status line shows anything else.
pub fn link(app: &App, frame: Rect) -> Option<(Rect, String)> {
    if app.screen.too_small || app.status.is_some() {
        return None;
    }
    let Some(View::Detail(d)) = app.stack.last() else {
        return None;
    };
    let url = app.article(d.article)?.facts.url.as_deref()?;
    if !context(app).starts_with(url) {
        return None;
    }
    let s = app.screen.status;
    let row = Rect::new(s.x, s.y, s.width, s.height.min(1)).intersection(frame);
    let cells = text::width(&text::safe(url)).min(row.width as usize) as u16;
    (cells > 0 && row.height > 0).then(|| {
        (
            Rect {
                width: cells,
                ..row
            },
            url.to_string(),
        )
    })
}

/// What the status line says when there is no message.
fn context(app: &App) -> String {
    if let Some(note) = app.loading.note() {
        return note;
    }
    match app.stack.last() {
        None => super::browse::counts(app),
        Some(View::Detail(d)) => {
            let Some(a) = app.article(d.article) else {
                return String::new();
            };
            format!(
                "{} · line {}/{}",
                a.facts.url.as_deref().unwrap_or(&a.file),
                d.scroll + 1,
                d.lines.len().max(1)
            )
        }
        Some(View::Person(p)) => {
            let posts = app
                .catalog
                .as_ref()
                .map_or(0, |c| c.people[p.person].timeline.len());
            format!(
                "{} · {}",
                plural(posts, "post", "posts"),
                plural(p.meetings(), "meeting", "meetings")
            )
        }
        Some(View::Leadership(l)) => match (l.selected_post(), l.selected()) {
            (Some(row), Some(t)) => format!(
                "{} · {} · {} – {} · {} · Enter opens",
                t.name,
                row.post,
                t.from,
                // An open tenure: the corpus shows no end, only the last sighting.
                t.to.map_or_else(|| format!("last seen {}", t.last_seen), |d| d.to_string()),
                plural(t.meetings, "meeting", "meetings")
            ),
            (Some(row), None) => format!("{}: nobody known", row.post),
            _ => "No key post known".to_string(),
        },
        Some(View::Deadlines(d)) => match d.selected() {
            Some(due) => {
                let m = app
                    .catalog
                    .as_ref()
                    .and_then(|c| c.meetings.get(due.meeting));
                format!(
                    "{} · {} · Enter opens the article",
                    m.and_then(|m| m.title.as_deref()).unwrap_or("?"),
                    due.province.as_deref().unwrap_or("?")
                )
            }
            None => String::new(),
        },
        Some(View::Search(_)) if app.mode() == Mode::Search => {
            "Enter opens · Esc goes back".to_string()
        }
        Some(View::Search(_)) => String::new(),
    }
}
