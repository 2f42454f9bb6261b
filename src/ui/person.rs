//! An official's page.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::browse::{role_marks, short_body};
use super::chart::{self, Bar, Range};
use super::{Theme, pane_block, rect, row_line, span, text};
use crate::app::App;
use crate::app::person::{PersonPage, Row};
use crate::app::plural;
use crate::corpus::catalog::Official;
use crate::extract::Date;

pub fn draw(frame: &mut Frame, app: &App, page: &PersonPage, theme: &Theme) {
    let Some(c) = app.catalog.as_deref() else {
        return;
    };
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
    let chart = PostsChart::new(p, cols);
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
                Row::Axis => return chart.axis(theme),
                Row::Spell(s) => return chart.row(p, *s, i == page.cursor.selected, theme),
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
                    let listed = c.articles[*article].conclusions.iter();
                    let Some(x) = listed.clone().find(|x| x.n as usize == *conclusion) else {
                        return Line::default();
                    };
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

/// The posts drawn as bars across the years they were seen in.
struct PostsChart {
    range: Option<Range>,
    label_cols: usize,
    chart_cols: usize,
}

impl PostsChart {
    fn new(p: &Official, cols: usize) -> PostsChart {
        let first = p.timeline.iter().filter_map(|s| s.first_seen).min();
        let last = p.timeline.iter().filter_map(|s| s.last_seen).max();
        let longest = (0..p.timeline.len())
            .map(|s| text::width(&label(p, s)) + 2)
            .max()
            .unwrap_or(0);
        let label_cols = longest.clamp(12, (cols * 2 / 5).max(12)).min(cols);
        PostsChart {
            range: first.zip(last).map(|(a, b)| Range::around(a, b)),
            label_cols,
            chart_cols: cols.saturating_sub(label_cols),
        }
    }

    fn axis(&self, theme: &Theme) -> Line<'static> {
        let Some(range) = self.range else {
            return Line::default();
        };
        chart::line(
            vec![Span::raw(" ".repeat(self.label_cols))],
            chart::axis(range, self.chart_cols, None, theme),
        )
    }

    /// A post: its title, where and how many meetings show it, then its
    /// bar from first to last seen.
    fn row(&self, p: &Official, s: usize, selected: bool, theme: &Theme) -> Line<'static> {
        let spell = &p.timeline[s];
        let labels = chart::label(&label(p, s), self.label_cols, selected, theme);
        let bars: Vec<Bar> = spell
            .first_seen
            .zip(spell.last_seen)
            .map(|(from, to)| Bar {
                from,
                to,
                text: if from == to {
                    from.to_string()
                } else {
                    format!("{from} – {to}")
                },
                selected,
            })
            .into_iter()
            .collect();
        let row = match self.range {
            Some(range) => chart::row(&bars, range, self.chart_cols, None, theme),
            None => Vec::new(),
        };
        chart::line(labels, row)
    }
}

/// "Bí thư Tỉnh ủy (3)": a post, where when elsewhere, and its meetings.
fn label(p: &Official, s: usize) -> String {
    let spell = &p.timeline[s];
    // The province only when it is not the one the official serves in.
    let place = spell
        .province
        .as_deref()
        .filter(|&pr| pr != &*p.scope)
        .map(|pr| format!(", {pr}"))
        .unwrap_or_default();
    format!("{}{place} ({})", spell.title, spell.meetings.len())
}
