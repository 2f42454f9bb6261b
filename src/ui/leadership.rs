//! A province's leadership: the holders of each key post on the chosen
//! date (or the changes between two dates), above a timeline of every
//! holder with the date as a cursor.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::chart::{self, Bar, Range};
use super::{Theme, cut_line as cut, pane_block, rect, span, text};
use crate::app::App;
use crate::app::leadership::{Comparison, Leadership};
use crate::app::plural;
use crate::corpus::leadership::Tenure;

pub fn draw(frame: &mut Frame, app: &App, l: &Leadership, theme: &Theme) {
    let area = rect(app.screen.main, frame);
    let mut title = format!("Leadership — {} · on {}", l.province, l.date);
    if let Some(m) = l.mark {
        title.push_str(&format!(" · marked {m}"));
    }
    let block = pane_block(title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cols = inner.width as usize;
    let label_cols = label_cols(l, cols);
    let height = inner.height as usize;
    // The chart (an axis and a row per post) has the room it needs first;
    // the table above it gets the rest, less a blank line between them.
    let chart_rows = (l.charted.len() + 1).min(height);
    let room = height.saturating_sub(chart_rows + 1);
    let mut table = match &l.comparison {
        Some(c) => changes(c, label_cols, cols, theme),
        None => holders(l, label_cols, cols, room, theme),
    };
    table.truncate(height.saturating_sub(chart_rows + 1));
    let mut lines = table;
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines.extend(timeline(l, label_cols, cols, chart_rows, theme));
    if lines.len() + 2 <= height {
        lines.push(Line::default());
        lines.push(cut(
            vec![Span::styled(
                " ▼ the date · ├─┤ a holder, first to last seen · ┃ seen once",
                theme.dim,
            )],
            cols,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The label column: as wide as the longest post, within a third of
/// the width.
fn label_cols(l: &Leadership, cols: usize) -> usize {
    let longest = l
        .charted
        .iter()
        .map(|&r| text::width(&l.rows[r].post))
        .max()
        .unwrap_or(0);
    (longest + 2).clamp(10, (cols / 3).max(10))
}

/// Who held each post on the date: one line per holder, "nobody known"
/// for a post without one, or when that does not fit in `room` lines, one
/// line naming all the posts nobody is known to hold.
fn holders(
    l: &Leadership,
    label_cols: usize,
    cols: usize,
    room: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let name_cols = 22.min(cols.saturating_sub(label_cols) / 2);
    let mut out = vec![cut(
        vec![
            Span::styled(text::fit(" Post", label_cols), theme.heading),
            Span::styled(text::fit("Holder", name_cols), theme.heading),
            Span::styled(" Since        Meetings", theme.heading),
        ],
        cols,
    )];
    let held = l.holders();
    let lines: usize = held.iter().map(|(_, t)| t.len().max(1)).sum();
    let condensed = lines + 1 > room;
    let mut unheld = Vec::new();
    for (post, tenures) in held {
        if tenures.is_empty() && condensed {
            unheld.push(text::safe(post).into_owned());
        } else if tenures.is_empty() {
            out.push(cut(
                vec![
                    Span::styled(
                        text::fit(&format!(" {}", text::safe(post)), label_cols),
                        theme.text,
                    ),
                    Span::styled("— nobody known", theme.dim),
                ],
                cols,
            ));
        }
        for (i, t) in tenures.iter().enumerate() {
            let post = if i == 0 {
                text::safe(post).into_owned()
            } else {
                String::new()
            };
            out.push(cut(
                vec![
                    Span::styled(text::fit(&format!(" {post}"), label_cols), theme.text),
                    Span::styled(text::fit(&text::safe(&t.name), name_cols), theme.person),
                    Span::styled(
                        format!(" {}", text::fit(&t.from.to_string(), 12)),
                        theme.dim,
                    ),
                    Span::styled(t.meetings.to_string(), theme.text),
                ],
                cols,
            ));
        }
    }
    if !unheld.is_empty() {
        // Wrapped into the lines left, the last one cut.
        let left = room.saturating_sub(out.len()).max(1);
        let said = format!("Nobody known: {}", unheld.join(", "));
        let mut parts = crate::app::help::wrap(&said, cols.saturating_sub(1));
        if parts.len() > left {
            parts.truncate(left);
            parts[left - 1].push_str(" …");
        }
        out.extend(
            parts
                .into_iter()
                .map(|p| cut(vec![Span::styled(format!(" {p}"), theme.dim)], cols)),
        );
    }
    out
}

/// Who left and who took each post between the two dates.
fn changes(c: &Comparison, label_cols: usize, cols: usize, theme: &Theme) -> Vec<Line<'static>> {
    let name = |t: &Option<Tenure>| {
        t.as_ref()
            .map_or_else(|| "—".to_string(), |t| text::safe(&t.name).into_owned())
    };
    let mut out = vec![cut(
        vec![Span::styled(
            format!(
                " Changes {} → {} · {} · Esc closes",
                c.from,
                c.to,
                plural(c.changes.len(), "post", "posts")
            ),
            theme.heading,
        )],
        cols,
    )];
    if c.changes.is_empty() {
        out.push(Line::from(Span::styled(
            " No post changed hands between these dates",
            theme.dim,
        )));
    }
    for ch in &c.changes {
        let since = ch
            .took
            .as_ref()
            .map(|t| format!("  (from {})", t.from))
            .unwrap_or_default();
        out.push(cut(
            vec![
                Span::styled(
                    text::fit(&format!(" {}", text::safe(&ch.post)), label_cols),
                    theme.text,
                ),
                span(&format!("left: {}", name(&ch.left)), theme.person),
                Span::styled(" → ", theme.dim),
                span(&format!("took: {}", name(&ch.took)), theme.person),
                Span::styled(since, theme.dim),
            ],
            cols,
        ));
    }
    out
}

/// The axis, then a row of bars per post, scrolled so the selected post
/// shows when they do not all fit.
fn timeline(
    l: &Leadership,
    label_cols: usize,
    cols: usize,
    rows: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let chart_cols = cols.saturating_sub(label_cols);
    let range = Range::around(l.earliest().min(l.date), l.latest());
    let axis_label = vec![Span::styled(
        text::fit(&format!(" ▼ {}", l.date), label_cols),
        theme.key,
    )];
    let mut out = vec![chart::line(
        axis_label,
        chart::axis(range, chart_cols, Some(l.date), theme),
    )];
    let shown = rows.saturating_sub(1);
    let first = (l.post + 1).saturating_sub(shown.max(1));
    for (i, &row) in l.charted.iter().enumerate().skip(first).take(shown) {
        let r = &l.rows[row];
        let selected_row = i == l.post;
        let bars: Vec<Bar> = r
            .holders
            .iter()
            .enumerate()
            .map(|(h, t)| Bar {
                from: t.from,
                to: t.to.unwrap_or(l.newest.max(t.from)),
                text: t.name.clone(),
                selected: selected_row && h == l.holder,
            })
            .collect();
        out.push(chart::line(
            chart::label(&r.post, label_cols, selected_row, theme),
            chart::row(&bars, range, chart_cols, Some(l.date), theme),
        ));
    }
    out
}
