//! The four panes: provinces, meetings, attendees, conclusions.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, pane_block, rect, row_line, span, text};
use crate::app::cursor::Cursor;
use crate::app::layout::Area;
use crate::app::{App, Pane, plural};
use crate::extract::{Date, Role};

/// Draws the four panes.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    provinces(frame, app, theme);
    meetings(frame, app, theme);
    attendees(frame, app, theme);
    conclusions(frame, app, theme);
}

fn provinces(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = app.screen.provinces;
    let format = |name: Option<&str>, meetings: usize| {
        let name = name.unwrap_or("All provinces");
        let count = meetings.to_string();
        let cols = area.inner_cols().saturating_sub(2 + count.len());
        vec![
            span(&text::fit(name, cols), theme.text),
            Span::styled(format!(" {count}"), theme.dim),
        ]
    };
    let (rows, len) = match &app.store {
        Some(s) => (
            visible(&s.provinces, s.province, area, |p| {
                format(p.name.as_deref(), p.meetings)
            }),
            s.provinces.len(),
        ),
        None => {
            let b = &app.browse;
            (
                visible(&b.provinces, b.province, area, |p| {
                    format(p.name.as_deref(), p.meetings)
                }),
                b.provinces.len(),
            )
        }
    };
    let title = format!("Provinces ({})", len.saturating_sub(1));
    list(frame, app, Pane::Provinces, title, rows, theme);
}

/// A meeting's row: date, body, province (when all are listed), title.
fn meeting_spans<'a>(
    date: Option<Date>,
    body: Option<&str>,
    province: Option<&str>,
    title: Option<&str>,
    all: bool,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let date = date.map_or_else(
        || "          ".to_string(),
        |d| format!("{:<10}", d.to_string()),
    );
    let body = short_body(body.unwrap_or("?"));
    let mut row = vec![
        Span::styled(date, theme.dim),
        Span::raw(" "),
        span(&text::fit(&body, 16), theme.heading),
    ];
    if all {
        row.push(span(
            &format!(" {}", text::fit(province.unwrap_or("?"), 10)),
            theme.dim,
        ));
    }
    row.push(span(&format!(" {}", title.unwrap_or("")), theme.text));
    row
}

fn meetings(frame: &mut Frame, app: &App, theme: &Theme) {
    let all = app.selected_province().is_none();
    let area = app.screen.meetings;
    let (rows, len) = match &app.store {
        Some(s) => {
            let total = s.meetings_total();
            let shown = (s.meeting.offset..total).take(area.inner_rows());
            let rows = shown
                .map(|i| match s.meetings.as_ref().and_then(|p| p.get(i)) {
                    Some(r) => {
                        let (body, province) = (r.body.as_deref(), r.province.as_deref());
                        let spans =
                            meeting_spans(r.date, body, province, r.title.as_deref(), all, theme);
                        (i, spans)
                    }
                    // A row of a page still being read.
                    None => (i, vec![Span::styled("…", theme.dim)]),
                })
                .collect();
            (rows, total)
        }
        None => {
            let b = &app.browse;
            let c = &app.corpus;
            let rows = visible(&b.meetings, b.meeting, area, |&m| {
                let m = &c.meetings[m];
                let (body, province) = (m.body.as_deref(), m.province.as_deref());
                meeting_spans(m.date, body, province, m.title.as_deref(), all, theme)
            });
            (rows, b.meetings.len())
        }
    };
    let title = match app.selected_province() {
        Some(p) => format!("Meetings · {p} ({len})"),
        None => format!("Meetings ({len})"),
    };
    list(frame, app, Pane::Meetings, title, rows, theme);
}

/// An attendee's row: role marks, name, titles.
fn attendee_spans<'a>(name: &str, titles: &str, roles: &[Role], theme: &Theme) -> Vec<Span<'a>> {
    let style = if roles.contains(&Role::Chair) {
        theme.person.patch(theme.chair)
    } else {
        theme.person
    };
    vec![
        Span::styled(role_marks(roles), theme.chair),
        span(name, style),
        span(&format!("  {titles}"), theme.text),
    ]
}

fn attendees(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = app.screen.attendees;
    let (rows, len) = match &app.store {
        Some(s) => {
            let list = s.shown_panes().map_or(&[][..], |p| &p.attendees[..]);
            let rows = visible(list, s.attendee, area, |r| {
                attendee_spans(&r.name, &r.titles.join(", "), &r.roles, theme)
            });
            (rows, list.len())
        }
        None => {
            let b = &app.browse;
            let c = &app.corpus;
            let rows = visible(&b.attendees, b.attendee, area, |r| {
                let fact = &c.articles[r.article].facts.people[r.fact];
                let titles = fact.titles().collect::<Vec<_>>().join(", ");
                attendee_spans(&fact.name, &titles, &r.roles, theme)
            });
            (rows, b.attendees.len())
        }
    };
    let title = format!("Attendees ({len}) ★ chair ▲ presents ✎ speaks");
    list(frame, app, Pane::Attendees, title, rows, theme);
}

/// A conclusion's row: deadline, text, speaker.
fn conclusion_spans<'a>(
    text: &str,
    speaker: Option<&str>,
    deadline: Option<Date>,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let mut row = Vec::new();
    if let Some(d) = deadline {
        row.push(Span::styled(format!("⏱{d} "), theme.error));
    }
    row.push(span(text, theme.conclusion));
    if let Some(sp) = speaker {
        row.push(span(&format!(" — {sp}"), theme.dim));
    }
    row
}

fn conclusions(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = app.screen.conclusions;
    let (rows, len) = match &app.store {
        Some(s) => {
            let list = s.shown_panes().map_or(&[][..], |p| &p.conclusions[..]);
            let rows = visible(list, s.conclusion, area, |r| {
                conclusion_spans(&r.text, r.speaker.as_deref(), r.deadline, theme)
            });
            (rows, list.len())
        }
        None => {
            let b = &app.browse;
            let c = &app.corpus;
            let rows = visible(&b.conclusions, b.conclusion, area, |r| {
                let x = &c.articles[r.article].facts.conclusions[r.conclusion];
                conclusion_spans(&x.text, x.speaker.as_deref(), x.deadline, theme)
            });
            (rows, b.conclusions.len())
        }
    };
    let title = format!("Conclusions ({len})");
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
    let ready = match (&app.store, pane) {
        (Some(s), _) => s.ready(pane),
        (None, Pane::Provinces | Pane::Meetings) => app.loading.catalog,
        (None, Pane::Attendees | Pane::Conclusions) => app.loading.articles,
    };
    let empty = if ready { " (none)" } else { " loading…" };
    let focused = app.focus == pane;
    let s = &app.screen;
    let b = &app.browse;
    let (province, meeting, attendee, conclusion) = match &app.store {
        Some(st) => (st.province, st.meeting, st.attendee, st.conclusion),
        None => (b.province, b.meeting, b.attendee, b.conclusion),
    };
    let (area, cursor) = match pane {
        Pane::Provinces => (s.provinces, province),
        Pane::Meetings => (s.meetings, meeting),
        Pane::Attendees => (s.attendees, attendee),
        Pane::Conclusions => (s.conclusions, conclusion),
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
    if let Some(s) = &app.store {
        let all = app
            .selected_province()
            .map_or(String::new(), |p| format!("{p}: "));
        return format!("{all}{}", plural(s.meetings_total(), "meeting", "meetings"));
    }
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
