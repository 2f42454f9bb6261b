//! An article with its facts marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{Theme, pane_block, rect, span, text};
use crate::app::detail::{Detail, FactKind};
use crate::app::{App, DETAIL_HEADER_ROWS};
use crate::extract::ArticleFacts;

pub fn draw(frame: &mut Frame, app: &App, d: &Detail, theme: &Theme) {
    let Some(a) = app.article(d.article) else {
        return;
    };
    let area = rect(app.screen.main, frame);
    let title = a.facts.title.clone().unwrap_or_else(|| a.id.clone());
    // Made safe before it is cut: stand-ins take cells the raw text did not.
    let block = pane_block(
        text::truncate(&text::safe(&title), area.width.saturating_sub(6) as usize).into_owned(),
        true,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cols = inner.width.saturating_sub(1) as usize;
    let header_area = Rect {
        height: (DETAIL_HEADER_ROWS as u16).min(inner.height),
        ..inner
    };
    frame.render_widget(
        Paragraph::new(header(&a.facts, d, cols, theme)),
        header_area,
    );

    let body = Rect {
        y: inner.y + header_area.height,
        height: inner.height.saturating_sub(header_area.height),
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let lines: Vec<Line> = (d.lines.iter())
        .skip(d.scroll)
        .take(body.height as usize)
        .map(|l| {
            if l.is_blank() {
                Line::default()
            } else {
                marked_line(&a.text, l.start, l.end, d, theme)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
    draw_scrollbar(frame, d, inner, body);
}

/// The header: when, where, which body; who chaired; which fact is current.
fn header<'a>(f: &ArticleFacts, d: &Detail, cols: usize, theme: &Theme) -> Vec<Line<'a>> {
    let m = &f.meeting;
    let mut when = vec![
        (m.date.or(f.published))
            .map(|d| d.to_string())
            .unwrap_or_else(|| "date unknown".into()),
        (f.province.clone()).unwrap_or_else(|| "province unknown".into()),
        m.body.clone().unwrap_or_else(|| "body unknown".into()),
    ];
    if let Some(s) = m.session {
        when.push(format!("session {s}"));
    }
    if let Some(t) = &m.term {
        when.push(format!("term {t}"));
    }
    let chairs = if f.chairs.is_empty() {
        "—".to_string()
    } else {
        f.chairs.join(", ")
    };
    vec![
        Line::from(span(
            &text::truncate(&text::safe(&when.join(" · ")), cols),
            theme.heading,
        )),
        Line::from(vec![
            Span::styled("Chaired by ", theme.dim),
            span(
                &text::truncate(&text::safe(&chairs), cols.saturating_sub(11)),
                theme.person,
            ),
        ]),
        Line::from(span(&text::truncate(&current_fact(d), cols), theme.dim)),
    ]
}

/// Which fact is current and how to move between them.
fn current_fact(d: &Detail) -> String {
    match d.current {
        Some(i) => format!(
            "fact {}/{}: {} · n/N next/previous · Enter on a name opens the official",
            i + 1,
            d.facts.len(),
            d.facts[i].kind.label()
        ),
        None => format!(
            "{} marked · n/N to step through them",
            crate::app::plural(d.facts.len(), "fact", "facts")
        ),
    }
}

/// The scroll bar on the right of `inner`, beside the `body` rows.
fn draw_scrollbar(frame: &mut Frame, d: &Detail, inner: Rect, body: Rect) {
    let mut state =
        ScrollbarState::new(d.lines.len().saturating_sub(body.height as usize)).position(d.scroll);
    let bar = Rect {
        x: inner.x + inner.width.saturating_sub(1),
        width: 1,
        ..body
    };
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None),
        bar,
        &mut state,
    );
}

/// A line of text with each character styled by the innermost fact that
/// covers it, the current fact over all.
fn marked_line<'a>(text: &str, start: usize, end: usize, d: &Detail, theme: &Theme) -> Line<'a> {
    let style_of = |kind: FactKind| match kind {
        FactKind::Person => theme.person,
        FactKind::Position => theme.position,
        FactKind::Conclusion => theme.conclusion,
        _ => theme.other_fact,
    };
    // Facts touching this line, innermost last so they win.
    let mut touching: Vec<(usize, Style)> = d
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.span.start < end && f.span.end > start)
        .map(|(i, f)| {
            (
                i,
                if Some(i) == d.current {
                    theme.current_fact
                } else {
                    style_of(f.kind)
                },
            )
        })
        .collect();
    touching.sort_by_key(|&(i, _)| {
        (
            Some(i) == d.current,
            std::cmp::Reverse(d.facts[i].span.end - d.facts[i].span.start),
        )
    });
    let mut spans: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_style = Style::new();
    for (off, c) in text[start..end].char_indices() {
        let at = start + off;
        let style = touching
            .iter()
            .rev()
            .find(|(i, _)| d.facts[*i].span.start <= at && at < d.facts[*i].span.end)
            .map_or(theme.text, |(_, s)| *s);
        if style != run_style && !run.is_empty() {
            spans.push(Span::styled(
                super::text::safe(&std::mem::take(&mut run)).into_owned(),
                run_style,
            ));
        }
        run_style = style;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(
            super::text::safe(&run).into_owned(),
            run_style,
        ));
    }
    Line::from(spans)
}
