//! An official's page.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::browse::{role_marks, short_body};
use super::{Theme, pane_block, rect, row_line, span};
use crate::app::App;
use crate::app::person::{PersonPage, Row};
use crate::app::plural;
use crate::extract::Date;

pub fn draw(frame: &mut Frame, app: &App, page: &PersonPage, theme: &Theme) {
    let c = &app.corpus;
    let p = &c.people[page.person];
    let area = rect(app.screen.main, frame);
    let block = pane_block(
        format!(
            "{} — {} · {}",
            p.name,
            p.scope,
            plural(page.meetings(), "meeting", "meetings")
        ),
        true,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cols = inner.width as usize;
    let d = |d: Option<Date>| d.map_or_else(|| "?".to_string(), |d| d.to_string());
    let lines: Vec<Line> = page
        .rows
        .iter()
        .enumerate()
        .skip(page.cursor.offset)
        .take(inner.height as usize)
        .map(|(i, row)| {
            let spans: Vec<Span> = match row {
                Row::Heading(h) => return Line::from(Span::styled(h.to_string(), theme.heading)),
                Row::Blank => return Line::default(),
                Row::Spell(s) => {
                    let s = &p.timeline[*s];
                    vec![
                        Span::styled(
                            format!(" {} – {}  ", d(s.first_seen), d(s.last_seen)),
                            theme.dim,
                        ),
                        span(&s.title, theme.position),
                        span(
                            &s.province
                                .as_deref()
                                .map(|p| format!(", {p}"))
                                .unwrap_or_default(),
                            theme.text,
                        ),
                        Span::styled(
                            format!(
                                "  ({} meeting{})",
                                s.meetings.len(),
                                if s.meetings.len() == 1 { "" } else { "s" }
                            ),
                            theme.dim,
                        ),
                    ]
                }
                Row::Meeting { meeting, roles, .. } => {
                    let m = &c.meetings[*meeting];
                    vec![
                        Span::styled(format!(" {}  ", d(m.date)), theme.dim),
                        Span::styled(role_marks(roles), theme.chair),
                        span(&short_body(m.body.as_deref().unwrap_or("?")), theme.heading),
                        span(
                            &format!(" · {} · ", m.province.as_deref().unwrap_or("?")),
                            theme.dim,
                        ),
                        span(m.title.as_deref().unwrap_or(""), theme.text),
                    ]
                }
                Row::Conclusion {
                    article,
                    conclusion,
                } => {
                    let x = &c.articles[*article].facts.conclusions[*conclusion];
                    let mut v = vec![Span::raw(" ")];
                    if let Some(due) = x.deadline {
                        v.push(Span::styled(format!("⏱{due} "), theme.error));
                    }
                    v.push(span(&x.text, theme.conclusion));
                    v
                }
                Row::Companion { person, meetings } => vec![
                    span(&format!(" {}", c.people[*person].name), theme.person),
                    Span::styled(
                        format!(
                            "  {meetings} meeting{}",
                            if *meetings == 1 { "" } else { "s" }
                        ),
                        theme.dim,
                    ),
                ],
            };
            row_line(spans, i == page.cursor.selected, true, cols, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
