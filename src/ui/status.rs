//! The status line (counts, or the last message) and the footer's key
//! hints for what the current view can do.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, rect, text};
use crate::app::{App, Mode, View};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let s = &app.screen;
    let cols = s.status.width as usize;
    let line = match &app.status {
        Some(st) => Line::from(Span::styled(
            text::truncate(&text::safe(&st.text), cols).into_owned(),
            if st.error { theme.error } else { theme.status },
        )),
        // The context names the article's file, which may hold anything.
        None => Line::from(Span::styled(
            text::truncate(&text::safe(&context(app)), cols).into_owned(),
            theme.dim,
        )),
    };
    frame.render_widget(Paragraph::new(line), rect(s.status, frame));

    let mut spans = Vec::new();
    let mut used = 0;
    for &a in app.mode().hints() {
        let Some(key) = app.keymap.keys(a).first() else {
            continue;
        };
        let (k, h) = (key.to_string(), a.hint());
        let w = text::width(&k) + text::width(h) + 3;
        if used + w > cols {
            break;
        }
        spans.push(Span::styled(k, theme.key));
        spans.push(Span::styled(format!(" {h}  "), theme.text));
        used += w;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), rect(s.footer, frame));
}

/// What the status line says when there is no message.
fn context(app: &App) -> String {
    if let Some(note) = app.loading.note() {
        return note.to_string();
    }
    match app.stack.last() {
        None => super::browse::counts(&app.corpus),
        Some(View::Detail(d)) => {
            let a = &app.corpus.articles[d.article];
            format!(
                "{} · line {}/{}",
                a.file,
                d.scroll + 1,
                d.lines.len().max(1)
            )
        }
        Some(View::Person(p)) => {
            let person = &app.corpus.people[p.person];
            format!(
                "{} posts · {} meetings",
                person.timeline.len(),
                person.appearances.len()
            )
        }
        Some(View::Search(_)) if app.mode() == Mode::Search => {
            "Enter opens · Esc goes back".to_string()
        }
        Some(View::Search(_)) => String::new(),
    }
}
