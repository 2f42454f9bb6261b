//! The four panes: provinces, meetings, attendees, conclusions.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, pane_block, rect, row_line, span, text};
use crate::app::cursor::Cursor;
use crate::app::layout::Area;
use crate::app::{App, Pane, plural};
use crate::extract::Role;

/// Draws the four panes.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    provinces(frame, app, theme);
    meetings(frame, app, theme);
    attendees(frame, app, theme);
    conclusions(frame, app, theme);
}

fn provinces(frame: &mut Frame, app: &App, theme: &Theme) {
    let b = &app.browse;
    let area = app.screen.provinces;
    let rows = visible(&b.provinces, b.province, area, |p| {
        let name = p.name.as_deref().unwrap_or("All provinces");
        let count = p.meetings.to_string();
        let cols = area.inner_cols().saturating_sub(2 + count.len());
        vec![
            span(&text::fit(name, cols), theme.text),
            Span::styled(format!(" {count}"), theme.dim),
        ]
    });
    let title = format!("Provinces ({})", b.provinces.len().saturating_sub(1));
    list(frame, app, Pane::Provinces, title, rows, theme);
}

fn meetings(frame: &mut Frame, app: &App, theme: &Theme) {
    let b = &app.browse;
    let c = &app.corpus;
    let all = b.selected_province().is_none();
    let rows = visible(&b.meetings, b.meeting, app.screen.meetings, |&m| {
        let meeting = &c.meetings[m];
        let date = meeting.date.map_or_else(
            || "          ".to_string(),
            |d| format!("{:<10}", d.to_string()),
        );
        let body = short_body(meeting.body.as_deref().unwrap_or("?"));
        let mut row = vec![
            Span::styled(date, theme.dim),
            Span::raw(" "),
            span(&text::fit(&body, 16), theme.heading),
        ];
        if all {
            row.push(span(
                &format!(
                    " {}",
                    text::fit(meeting.province.as_deref().unwrap_or("?"), 10)
                ),
                theme.dim,
            ));
        }
        row.push(span(
            &format!(" {}", meeting.title.as_deref().unwrap_or("")),
            theme.text,
        ));
        row
    });
    let title = match b.selected_province() {
        Some(p) => format!("Meetings · {p} ({})", b.meetings.len()),
        None => format!("Meetings ({})", b.meetings.len()),
    };
    list(frame, app, Pane::Meetings, title, rows, theme);
}

fn attendees(frame: &mut Frame, app: &App, theme: &Theme) {
    let b = &app.browse;
    let c = &app.corpus;
    let rows = visible(&b.attendees, b.attendee, app.screen.attendees, |r| {
        let fact = &c.articles[r.article].facts.people[r.fact];
        let style = if r.roles.contains(&Role::Chair) {
            theme.person.patch(theme.chair)
        } else {
            theme.person
        };
        vec![
            Span::styled(role_marks(&r.roles), theme.chair),
            span(&fact.name, style),
            span(
                &format!("  {}", fact.titles().collect::<Vec<_>>().join(", ")),
                theme.text,
            ),
        ]
    });
    let title = format!(
        "Attendees ({}) ★ chair ▲ presents ✎ speaks",
        b.attendees.len()
    );
    list(frame, app, Pane::Attendees, title, rows, theme);
}

fn conclusions(frame: &mut Frame, app: &App, theme: &Theme) {
    let b = &app.browse;
    let c = &app.corpus;
    let rows = visible(&b.conclusions, b.conclusion, app.screen.conclusions, |r| {
        let x = &c.articles[r.article].facts.conclusions[r.conclusion];
        let mut row = Vec::new();
        if let Some(d) = x.deadline {
            row.push(Span::styled(format!("⏱{d} "), theme.error));
        }
        row.push(span(&x.text, theme.conclusion));
        if let Some(sp) = &x.speaker {
            row.push(span(&format!(" — {sp}"), theme.dim));
        }
        row
    });
    let title = format!("Conclusions ({})", b.conclusions.len());
    list(frame, app, Pane::Conclusions, title, rows, theme);
}

/// The rows a pane shows, each with its index: only those are formatted,
/// however long the list.
fn visible<'a, T>(
    items: &[T],
    cursor: Cursor,
    area: Area,
    format: impl Fn(&T) -> Vec<Span<'a>>,
) -> Vec<(usize, Vec<Span<'a>>)> {
    items
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(area.inner_rows())
        .map(|(i, item)| (i, format(item)))
        .collect()
}

/// One-cell marks for an attendee's roles.
pub fn role_marks(roles: &[Role]) -> String {
    let mark = |r: Role, m: char| if roles.contains(&r) { m } else { ' ' };
    format!(
        "{}{}{} ",
        mark(Role::Chair, '★'),
        mark(Role::Presenter, '▲'),
        mark(Role::Speaker, '✎')
    )
}

/// A short name for a meeting body that fits a column.
pub fn short_body(body: &str) -> String {
    let b = body
        .replace("Ban Thường vụ", "BTV")
        .replace("Ban Chấp hành Đảng bộ", "BCH Đảng bộ")
        .replace("Ủy ban Kiểm tra", "UBKT")
        .replace("Thường trực", "TT");
    if b.starts_with("Đoàn công tác") {
        "Đoàn công tác".to_string()
    } else {
        b
    }
}

fn list(
    frame: &mut Frame,
    app: &App,
    pane: Pane,
    title: String,
    rows: Vec<(usize, Vec<Span>)>,
    theme: &Theme,
) {
    // An empty pane says whether there is nothing, or nothing yet.
    let ready = match pane {
        Pane::Provinces | Pane::Meetings => app.loading.catalog,
        Pane::Attendees | Pane::Conclusions => app.loading.articles,
    };
    let empty = if ready { " (none)" } else { " loading…" };
    let focused = app.focus == pane;
    let s = &app.screen;
    let (area, cursor) = match pane {
        Pane::Provinces => (s.provinces, app.browse.province),
        Pane::Meetings => (s.meetings, app.browse.meeting),
        Pane::Attendees => (s.attendees, app.browse.attendee),
        Pane::Conclusions => (s.conclusions, app.browse.conclusion),
    };
    let cols = area.inner_cols();
    let lines: Vec<Line> = if rows.is_empty() {
        vec![Line::from(Span::styled(empty, theme.dim))]
    } else {
        rows.into_iter()
            .map(|(i, spans)| row_line(spans, i == cursor.selected, focused, cols, theme))
            .collect()
    };
    frame.render_widget(
        Paragraph::new(lines).block(pane_block(title, focused, theme)),
        rect(area, frame),
    );
}

/// Counts for the status line: what the panes show.
pub fn counts(app: &App) -> String {
    let n = app.browse.shown;
    let all = match app.browse.selected_province() {
        Some(p) => format!("{p}: "),
        None => String::new(),
    };
    format!(
        "{all}{} · {} · {}",
        plural(n.meetings, "meeting", "meetings"),
        plural(n.officials, "official", "officials"),
        plural(n.conclusions, "conclusion", "conclusions")
    )
}
