//! A timeline chart in text cells: a label column, then one bar per
//! holding across whole years (whole months for less than two years), each bar drawn `├─ name ─┤` with its text
//! on it (or beside it when it is too short), and a date cursor: `▼` on
//! the axis, `│` through the rows. Shapes carry the meaning, so it reads
//! without colour.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Theme, text};
use crate::extract::Date;

/// A span of time drawn as a bar.
#[derive(Debug, Clone)]
pub struct Bar {
    pub from: Date,
    pub to: Date,
    pub text: String,
    pub selected: bool,
}

/// The days a chart spans, from the first day of its first month to the
/// day after its last.
#[derive(Debug, Clone, Copy)]
pub struct Range {
    start: i64,
    end: i64,
    /// First month as (year, month).
    first: (i32, u32),
}

impl Range {
    /// Whole years around two dates, or whole months when they are less
    /// than two years apart, so that a short span is not a sliver.
    pub fn around(a: Date, b: Date) -> Range {
        let (first, last) = (a.min(b), a.max(b));
        let (from, to) = if last.year - first.year >= 2 {
            ((first.year, 1), (last.year, 12))
        } else {
            (
                (first.year, u32::from(first.month.unwrap_or(1))),
                (last.year, u32::from(last.month.unwrap_or(12))),
            )
        };
        let day1 = |(year, month): (i32, u32)| Date {
            year,
            month: Some(month as u8),
            day: Some(1),
        };
        let after = if to.1 == 12 {
            (to.0 + 1, 1)
        } else {
            (to.0, to.1 + 1)
        };
        Range {
            start: day1(from).days(),
            end: day1(after).days().max(day1(from).days() + 1),
            first: from,
        }
    }

    /// The first day of each month in the range.
    fn months(&self) -> impl Iterator<Item = Date> + '_ {
        let (y, m) = self.first;
        (0..)
            .map(move |k: i32| {
                let index = y * 12 + m as i32 - 1 + k;
                Date {
                    year: index.div_euclid(12),
                    month: Some((index.rem_euclid(12) + 1) as u8),
                    day: Some(1),
                }
            })
            .take_while(|d| d.days() < self.end)
    }

    /// The cell of a date among `cols`.
    fn x(&self, d: Date, cols: usize) -> usize {
        let offset = (d.days() - self.start).clamp(0, self.end - self.start - 1);
        (offset as usize * cols / (self.end - self.start) as usize).min(cols.saturating_sub(1))
    }
}

/// One cell: its text (empty after a wide character) and style.
#[derive(Debug, Clone)]
struct Cell {
    symbol: String,
    style: Style,
    taken: bool,
}

/// A row of cells being drawn.
struct Cells(Vec<Cell>);

impl Cells {
    fn new(cols: usize, style: Style) -> Cells {
        Cells(vec![
            Cell {
                symbol: " ".into(),
                style,
                taken: false,
            };
            cols
        ])
    }

    fn set(&mut self, x: usize, symbol: &str, style: Style) {
        if let Some(c) = self.0.get_mut(x) {
            *c = Cell {
                symbol: symbol.into(),
                style,
                taken: true,
            };
        }
    }

    /// Whether `n` cells from `x` are free.
    fn free(&self, x: usize, n: usize) -> bool {
        x + n <= self.0.len() && self.0[x..x + n].iter().all(|c| !c.taken)
    }

    /// Writes text from `x`, cut to `max` cells; returns the cells used.
    fn write(&mut self, x: usize, s: &str, max: usize, style: Style) -> usize {
        let shown = text::truncate(s, max);
        let mut at = x;
        for ch in shown.chars() {
            let w = text::width(ch.encode_utf8(&mut [0; 4]));
            if w == 0 {
                continue;
            }
            if at + w > x + max {
                break;
            }
            self.set(at, &ch.to_string(), style);
            for k in 1..w {
                self.set(at + k, "", style);
            }
            at += w;
        }
        at - x
    }

    /// The cells as spans, neighbours of one style merged.
    fn spans(self) -> Vec<Span<'static>> {
        let mut out: Vec<Span<'static>> = Vec::new();
        for c in self.0 {
            match out.last_mut() {
                Some(last) if last.style == c.style => last.content.to_mut().push_str(&c.symbol),
                _ => out.push(Span::styled(c.symbol, c.style)),
            }
        }
        out
    }
}

/// The label column: a selection mark, then the label cut to fit.
pub fn label(s: &str, cols: usize, selected: bool, theme: &Theme) -> Vec<Span<'static>> {
    let mark = if selected { "›" } else { " " };
    let style = if selected { theme.selected } else { theme.text };
    vec![
        Span::raw(mark),
        Span::styled(text::fit(&text::safe(s), cols.saturating_sub(2)), style),
        Span::raw(" "),
    ]
}

/// The axis above the rows: each year where it starts ("8/2020" for a
/// first month that is not January), the months between where there is
/// room, and the cursor.
pub fn axis(range: Range, cols: usize, cursor: Option<Date>, theme: &Theme) -> Vec<Span<'static>> {
    let mut cells = Cells::new(cols, theme.dim);
    let months: Vec<Date> = range.months().collect();
    // Months show only with room for their numbers; years are labelled
    // first so that months never crowd them out.
    let month_cols = cols / months.len().max(1);
    for years in [true, false] {
        for (k, d) in months.iter().enumerate() {
            let month = d.month.unwrap_or(1);
            let x = range.x(*d, cols);
            let (label, style) = match (month, k) {
                (1, _) => (d.year.to_string(), theme.heading),
                (_, 0) => (format!("{month}/{}", d.year), theme.heading),
                _ => (month.to_string(), theme.dim),
            };
            if (month == 1 || k == 0) != years || (!years && month_cols < 3) {
                continue;
            }
            let w = text::width(&label);
            // One free cell before a label keeps neighbours apart.
            let room = x == 0 || cells.free(x - 1, 1);
            if room && cells.free(x, w + 1) || (x + w == cols && cells.free(x, w)) {
                cells.write(x, &label, w, style);
            } else if !years && cells.free(x, 1) {
                cells.set(x, "·", theme.dim);
            }
        }
    }
    if let Some(d) = cursor {
        cells.set(range.x(d, cols), "▼", theme.key);
    }
    cells.spans()
}

/// A row of bars, the cursor through it where no bar is.
pub fn row(
    bars: &[Bar],
    range: Range,
    cols: usize,
    cursor: Option<Date>,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let mut cells = Cells::new(cols, theme.text);
    let style = |b: &Bar| {
        if b.selected {
            theme.selected
        } else {
            theme.position
        }
    };
    let extent = |b: &Bar| {
        let x0 = range.x(b.from, cols);
        let x1 = (range.x(b.to.max(b.from).last_day(), cols) + 1).max(x0 + 1);
        (x0, x1)
    };
    // The selected bar last, so that an overlap shows it whole.
    let mut order: Vec<&Bar> = bars.iter().collect();
    order.sort_by_key(|b| b.selected);
    for b in &order {
        let (x0, x1) = extent(b);
        draw_bar(&mut cells, x0, x1, style(b));
        // Past an edge of the chart, an arrow says the bar goes on.
        if b.from.days() < range.start {
            cells.set(x0, "◀", style(b));
        }
        if b.to.last_day().days() >= range.end {
            cells.set(x1 - 1, "▶", style(b));
        }
    }
    for b in &order {
        let (x0, x1) = extent(b);
        place_text(&mut cells, x0, x1, &text::safe(&b.text), style(b), theme);
    }
    if let Some(d) = cursor {
        let x = range.x(d, cols);
        match cells.0.get(x).map(|c| (c.taken, c.symbol.as_str())) {
            Some((false, _)) => cells.set(x, "│", theme.key),
            Some((true, "─")) => {
                let st = cells.0[x].style;
                cells.set(x, "┼", st);
            }
            _ => {}
        }
    }
    cells.spans()
}

fn draw_bar(cells: &mut Cells, x0: usize, x1: usize, style: Style) {
    if x1 - x0 == 1 {
        cells.set(x0, "┃", style);
        return;
    }
    cells.set(x0, "├", style);
    for x in x0 + 1..x1 - 1 {
        cells.set(x, "─", style);
    }
    cells.set(x1 - 1, "┤", style);
}

/// A bar's text: on the bar when it fits, else just after it or just
/// before it where those cells are free, else cut to the bar.
fn place_text(cells: &mut Cells, x0: usize, x1: usize, s: &str, style: Style, theme: &Theme) {
    let w = text::width(s);
    let inside = (x1 - x0).saturating_sub(2);
    if w == 0 {
        return;
    }
    if w <= inside {
        cells.write(x0 + 1, s, w, style);
        return;
    }
    let beside = if style == theme.selected {
        style
    } else {
        theme.person
    };
    if cells.free(x1, w + 1) {
        cells.write(x1 + 1, s, w, beside);
    } else if x0 > w && cells.free(x0 - w - 1, w + 1) {
        cells.write(x0 - w - 1, s, w, beside);
    } else if inside > 0 {
        cells.write(x0 + 1, s, inside, style);
    }
}

/// A whole chart line: label, then the row.
pub fn line(label_spans: Vec<Span<'static>>, row: Vec<Span<'static>>) -> Line<'static> {
    Line::from(label_spans.into_iter().chain(row).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn plain(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn bars_carry_their_text_and_the_cursor_shows() {
        let theme = Theme::mono();
        let range = Range::around(d("2020-01-01"), d("2020-12-31"));
        let bars = [
            Bar {
                from: d("2020-01-01"),
                to: d("2020-06-30"),
                text: "Ngô Đông Hải".into(),
                selected: false,
            },
            Bar {
                from: d("2020-08-15"),
                to: d("2020-08-15"),
                text: "Đặng Trọng Thăng".into(),
                selected: true,
            },
        ];
        let s = plain(&row(&bars, range, 48, Some(d("2020-07-15")), &theme));
        assert_eq!(text::width(&s), 48);
        assert!(s.starts_with("├Ngô Đông Hải─"), "{s}");
        // Too short for its name: the name stands beside it.
        assert!(s.contains("┃ Đặng Trọng Thăng"), "{s}");
        assert!(s.contains('│'), "the cursor: {s}");
        let a = plain(&axis(range, 48, Some(d("2020-12-03")), &theme));
        assert!(a.starts_with("2020"), "{a}");
        assert!(a.contains('▼'), "{a}");
    }

    #[test]
    fn dates_outside_the_range_stay_inside_the_chart() {
        let range = Range::around(d("2020-01"), d("2021-12"));
        assert_eq!(range.x(d("1990-01-01"), 10), 0);
        assert_eq!(range.x(d("2030-01-01"), 10), 9);
        assert_eq!(range.x(d("2021-01-01"), 10), 5);
        // Under two years apart: whole months, the first labelled with its year.
        let short = Range::around(d("2020-08-15"), d("2020-12-03"));
        let a = plain(&axis(short, 50, None, &Theme::mono()));
        assert!(a.starts_with("8/2020"), "{a}");
        assert!(a.contains("12"), "{a}");
        // Years apart: whole years, each labelled.
        let long = Range::around(d("2016-03-01"), d("2020-12-03"));
        let a = plain(&axis(long, 50, None, &Theme::mono()));
        assert!(a.starts_with("2016") && a.contains("2020"), "{a}");
    }
}
