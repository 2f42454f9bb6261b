//! Text made safe and sized for the screen: control characters from the
//! data made visible, strings cut and padded by display width (Vietnamese
//! letters are one cell, wide characters two), and matched characters
//! marked.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::text::normalize::{is_invisible, visible_control};

/// The text with every control character replaced by a visible stand-in
/// and invisible formatting characters (bidi overrides, zero-width) dropped,
/// so nothing from the data can drive the terminal.
pub fn safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() || is_invisible(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|&c| !is_invisible(c))
            .map(|c| match c {
                '\n' | '\t' => ' ',
                c => visible_control(c).unwrap_or(c),
            })
            .collect(),
    )
}

/// Display width.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts to at most `max` cells, ending in "…" when cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > max - 1 {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    Cow::Owned(out)
}

/// Cuts or pads with spaces to exactly `cells` cells.
pub fn fit(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let pad = cells.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(pad))
}

/// The text as spans, with characters at `positions` (character indices,
/// sorted) in `hit` style and the rest in `base`, cut to `max` cells and
/// ending in "…" when cut. When the first match would fall past the edge,
/// the start of the text shows, then "…", then the words around the match
/// to as near the end as fits.
pub fn marked(
    s: &str,
    positions: &[usize],
    base: Style,
    hit: Style,
    max: usize,
) -> Vec<Span<'static>> {
    let positions = safe_positions(s, positions);
    let chars: Vec<char> = safe(s).chars().collect();
    let first = positions.first().copied().unwrap_or(0).min(chars.len());
    let pieces = pieces_shown(&chars, first, max);
    if max == 0 {
        return Vec::new();
    }
    spans_of(&chars, pieces, &positions, (base, hit), max)
}

/// `positions` in the text as [`safe`] leaves it: positions count the
/// characters as given; `safe` drops the invisible ones, and the marks
/// must move with the letters.
fn safe_positions<'a>(s: &str, positions: &'a [usize]) -> Cow<'a, [usize]> {
    if !s.chars().any(is_invisible) {
        return Cow::Borrowed(positions);
    }
    let mut kept = 0;
    let index: Vec<Option<usize>> = s
        .chars()
        .map(|c| {
            (!is_invisible(c)).then(|| {
                kept += 1;
                kept - 1
            })
        })
        .collect();
    Cow::Owned(
        (positions.iter())
            .filter_map(|&p| index.get(p).copied().flatten())
            .collect(),
    )
}

/// The cells `chars` take.
fn cells_of(chars: &[char]) -> usize {
    chars.iter().filter_map(|c| c.width()).sum()
}

/// The pieces of `chars` to show in `max` cells, in order, with "…"
/// between them: all of it, or when the first match (at `first`) would
/// fall past the edge, the start and then the words around the match.
fn pieces_shown(chars: &[char], first: usize, max: usize) -> Vec<Range<usize>> {
    let n = chars.len();
    let cells = |r: Range<usize>| cells_of(&chars[r]);
    if max <= 12 || cells(0..(first + 1).min(n)) <= max {
        return std::iter::once(0..n).collect();
    }
    let head_cells = max / 3;
    let mut head = 0;
    while head < first && cells(0..head + 1) <= head_cells {
        head += 1;
    }
    let room = max - cells(0..head) - 1;
    // As much as fits up to the end, but never starting after the match.
    let mut start = first;
    while start > head && cells(start - 1..n) <= room {
        start -= 1;
    }
    if cells(start..n) > room {
        // The rest is longer than the room: some words before the match.
        start = first;
        while start > head && cells(start - 1..first + 1) <= room / 3 {
            start -= 1;
        }
    }
    vec![0..head, start..n]
}

/// The spans of `pieces` of `chars`, characters at `positions` in the hit
/// style, cut to `max` cells with a "…" that says so.
fn spans_of(
    chars: &[char],
    pieces: Vec<Range<usize>>,
    positions: &[usize],
    (base, hit): (Style, Style),
    max: usize,
) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let style = |is_hit: bool| if is_hit { hit } else { base };
    let mut w = 0;
    let last_piece = pieces.len() - 1;
    for (pi, piece) in pieces.into_iter().enumerate() {
        if pi > 0 {
            spans.push(Span::styled("…", base));
            w += 1;
        }
        let fits = w + cells_of(&chars[piece.clone()]) <= max;
        let mut run = String::new();
        let mut run_hit = false;
        for i in piece {
            let cw = chars[i].width().unwrap_or(0);
            if pi == last_piece && !fits && w + cw + 1 > max {
                // Cut here, with room for the "…" that says so.
                if !run.is_empty() {
                    spans.push(Span::styled(run, style(run_hit)));
                }
                spans.push(Span::styled("…", base));
                return spans;
            }
            w += cw;
            let is_hit = positions.binary_search(&i).is_ok();
            if is_hit != run_hit && !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), style(run_hit)));
            }
            run_hit = is_hit;
            run.push(chars[i]);
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, style(run_hit)));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_pass() {
        let s = safe("a\u{1b}[2Jb\u{7}c\u{202e}d\u{9b}e\nf");
        assert!(!s.chars().any(|c| c.is_control()));
        assert_eq!(s, "a␛[2Jb␇cd\u{FFFD}e f");
        assert!(matches!(safe("Ngô Đông Hải"), Cow::Borrowed(_)));
    }

    #[test]
    fn widths_and_cuts() {
        assert_eq!(width("Ngô Đông Hải"), 12);
        assert_eq!(truncate("Ngô Đông Hải", 8), "Ngô Đôn…");
        assert_eq!(fit("Hà", 4), "Hà  ");
        assert_eq!(width(&fit("中文字", 5)), 5);
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn marked_spans() {
        let spans = marked("Ngô Hải", &[0, 1, 2], Style::new(), Style::new().bold(), 20);
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, vec!["Ngô", " Hải"]);
        // A match past the edge scrolls into view.
        let long = format!("{} — Ngô", "x".repeat(40));
        let spans = marked(&long, &[43, 44, 45], Style::new(), Style::new().bold(), 20);
        let shown: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(
            shown.starts_with("xxxxxx…") && shown.ends_with("Ngô"),
            "{shown}"
        );
        assert!(width(&shown) <= 20);
    }

    fn shown(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_late_match_shows_the_start_and_fills_the_row() {
        // A conclusion matched in its speaker, far past the edge.
        let text = format!(
            "{} — Bí thư Tỉnh ủy",
            "Đề nghị các sở ngành tập trung triển khai ".repeat(3)
        );
        let first = text.chars().position(|c| c == 'B').unwrap();
        let spans = marked(
            &text,
            &[first, first + 1],
            Style::new(),
            Style::new().bold(),
            60,
        );
        let s = shown(&spans);
        assert!(s.starts_with("Đề nghị"), "{s}");
        assert!(s.ends_with("Bí thư Tỉnh ủy"), "{s}");
        assert_eq!(width(&s), 60, "{s}");
        // A long text cut at the end says so.
        let spans = marked(&"a b c d ".repeat(20), &[0], Style::new(), Style::new(), 30);
        let s = shown(&spans);
        assert!(s.ends_with('…') && width(&s) == 30, "{s}");
    }
}
