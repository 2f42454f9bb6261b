//! Deadlines, soonest first: each on two lines, the due date with how
//! near it is and the meeting that set it, then who said what.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::browse::short_body;
use super::{Theme, cut_line, pane_block, rect, row_line, span};
use crate::app::App;
use crate::app::deadlines::{Deadlines, ROWS_PER_DUE};
use crate::app::plural;
use crate::corpus::deadlines::{Due, Urgency, urgency};

pub fn draw(frame: &mut Frame, app: &App, d: &Deadlines, theme: &Theme) {
    let area = rect(app.screen.main, frame);
    let title = format!(
        "Deadlines — {} · {}",
        d.province.as_deref().unwrap_or("all provinces"),
        plural(d.shown.len(), "directive", "directives")
    );
    let block = pane_block(title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cols = inner.width as usize;
    let legend = match app.today {
        Some(today) => format!(" Today {today}: OVERDUE past due, SOON within 30 days"),
        None => " Soonest due first".to_string(),
    };
    let mut lines = vec![cut_line(vec![Span::styled(legend, theme.dim)], cols)];
    if d.shown.is_empty() {
        lines.push(Line::from(Span::styled(
            " No directive with a deadline",
            theme.dim,
        )));
    }
    let page = (inner.height as usize).saturating_sub(1) / ROWS_PER_DUE;
    for (i, &due) in d.shown.iter().enumerate().skip(d.cursor.offset).take(page) {
        let selected = i == d.cursor.selected;
        let [top, bottom] = due_lines(app, &d.all[due], selected, cols, theme);
        lines.push(top);
        lines.push(bottom);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A deadline's two lines: when and where, then who and what.
fn due_lines(
    app: &App,
    due: &Due,
    selected: bool,
    cols: usize,
    theme: &Theme,
) -> [Line<'static>; 2] {
    let (word, style) = match app.today.map(|t| urgency(due.due, t)) {
        Some(Urgency::Overdue) => ("OVERDUE", theme.error),
        Some(Urgency::Soon) => ("SOON", theme.key),
        _ => ("", theme.dim),
    };
    let meeting = app
        .catalog
        .as_ref()
        .and_then(|c| c.meetings.get(due.meeting));
    let date = meeting
        .and_then(|m| m.date)
        .map_or_else(|| "?".to_string(), |d| d.to_string());
    let body = meeting
        .and_then(|m| m.body.as_deref())
        .map(short_body)
        .unwrap_or_default();
    let top = row_line(
        vec![
            Span::styled(format!("{:<11}", due.due.to_string()), theme.heading),
            Span::styled(format!("{word:<8}"), style),
            span(due.province.as_deref().unwrap_or("?"), theme.text),
            span(&format!(" · meeting {date} {body}"), theme.dim),
        ],
        selected,
        true,
        cols,
        theme,
    );
    let speaker = due
        .speaker
        .as_deref()
        .map(|s| format!("{s}: "))
        .unwrap_or_default();
    let bottom = row_line(
        vec![
            Span::raw("  "),
            span(&speaker, theme.person),
            span(&due.text, theme.conclusion),
        ],
        false,
        true,
        cols,
        theme,
    );
    let bottom = if selected {
        bottom.style(theme.selected)
    } else {
        bottom
    };
    [top, bottom]
}
