//! Text made safe and sized for the screen: control characters from the
//! data made visible, strings cut and padded by display width (Vietnamese
//! letters are one cell, wide characters two), and matched characters
//! marked.

use std::borrow::Cow;

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
/// sorted) in `hit` style and the rest in `base`, cut to `max` cells. When
/// the first match would fall past the edge, the text starts later, after
/// an "…", so the match shows.
pub fn marked(
    s: &str,
    positions: &[usize],
    base: Style,
    hit: Style,
    max: usize,
) -> Vec<Span<'static>> {
    let shifted;
    let positions = if s.chars().any(is_invisible) {
        // Positions count the characters as given; `safe` drops the
        // invisible ones, and the marks must move with the letters.
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
        shifted = positions
            .iter()
            .filter_map(|&p| index.get(p).copied().flatten())
            .collect::<Vec<_>>();
        &shifted[..]
    } else {
        positions
    };
    let s = safe(s);
    let chars: Vec<char> = s.chars().collect();
    let first = positions.first().copied().unwrap_or(0);
    let width_to = |n: usize| {
        chars[..n.min(chars.len())]
            .iter()
            .filter_map(|c| c.width())
            .sum::<usize>()
    };
    let skip = if max > 12 && width_to(first + 1) > max {
        // Keep some words before the match for context.
        let mut start = first.saturating_sub(max / 3);
        while start < first && width_to(first + 1) - width_to(start) + 1 > max {
            start += 1;
        }
        start
    } else {
        0
    };
    let mut spans = Vec::new();
    let (s, positions, max) = if skip > 0 {
        spans.push(Span::styled("…", base));
        let rest: String = chars[skip..].iter().collect();
        let shifted: Vec<usize> = positions
            .iter()
            .filter(|&&p| p >= skip)
            .map(|&p| p - skip)
            .collect();
        (Cow::Owned(rest), shifted, max - 1)
    } else {
        (s, positions.to_vec(), max)
    };
    let mut run = String::new();
    let mut run_hit = false;
    let mut w = 0;
    let mut positions = positions.iter().peekable();
    let s = s.as_ref();
    for (i, c) in s.chars().enumerate() {
        let cw = c.width().unwrap_or(0);
        if w + cw > max {
            break;
        }
        w += cw;
        while positions.peek().is_some_and(|&&p| p < i) {
            positions.next();
        }
        let is_hit = positions.peek() == Some(&&i);
        if is_hit != run_hit && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hit { hit } else { base },
            ));
        }
        run_hit = is_hit;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hit { hit } else { base }));
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
        assert!(shown.starts_with('…') && shown.ends_with("Ngô"), "{shown}");
        assert!(width(&shown) <= 20);
    }
}
