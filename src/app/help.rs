//! The help overlay's text and size, built from the same action list as
//! the footer and the config file, with the keys actually bound. It is
//! wrapped here, not when drawn, so that scrolling knows its length.

use super::layout::Area;
use super::{Action, Keymap};

/// Cells of the key column.
pub const KEY_COLS: usize = 16;

/// How a help line is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// An action: its keys, then what it does.
    Action,
    Heading,
    Text,
    Dim,
    Key,
}

/// One screen line of help: `key` fills the key column (empty on the
/// continuation lines of a wrapped description).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub key: String,
    pub text: String,
    pub style: Style,
}

/// Where the overlay goes on a `width`×`height` screen.
pub fn area(width: u16, height: u16) -> Area {
    let w = width.min(76);
    let h = height.saturating_sub(2).min(30);
    Area {
        x: (width - w) / 2,
        y: height.saturating_sub(h) / 2,
        width: w,
        height: h,
    }
}

/// The help text wrapped to `cols` cells.
pub fn lines(keymap: &Keymap, cols: usize) -> Vec<Line> {
    let mut out = Vec::new();
    for &a in Action::ALL {
        let keys = keymap.describe(a);
        // Keys wider than their column get a line of their own.
        let (first_key, text_cols) = if width(&keys) < KEY_COLS {
            (keys, cols.saturating_sub(KEY_COLS))
        } else {
            out.push(Line {
                key: keys,
                text: String::new(),
                style: Style::Action,
            });
            (String::new(), cols.saturating_sub(KEY_COLS))
        };
        for (i, part) in wrap(a.description(), text_cols).into_iter().enumerate() {
            out.push(Line {
                key: if i == 0 {
                    first_key.clone()
                } else {
                    String::new()
                },
                text: part,
                style: Style::Action,
            });
        }
    }
    let plain = |text: &str, style: Style, out: &mut Vec<Line>| {
        for part in wrap(text, cols) {
            out.push(Line {
                key: String::new(),
                text: part,
                style,
            });
        }
    };
    plain("", Style::Text, &mut out);
    plain("In the search prompt", Style::Heading, &mut out);
    plain(
        "type to search; Bksp/Del/Ctrl-w/Ctrl-u edit; ←/→ move; ↑/↓ or Ctrl-n/p choose; with nothing typed, ↑/↓ and Enter pick a recent search",
        Style::Text,
        &mut out,
    );
    plain("", Style::Text, &mut out);
    plain(
        "Ctrl-c quits in every view. Keys and colours can be changed in the config file:",
        Style::Dim,
        &mut out,
    );
    plain("tinhuy --print-config-path", Style::Key, &mut out);
    plain("NO_COLOR=1 turns colours off.", Style::Dim, &mut out);
    out
}

/// Display width.
fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Greedy word wrap by display width; a word wider than the line is cut.
pub fn wrap(text: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && width(&line) + 1 + width(word) > cols {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        for c in word.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if !line.is_empty() && width(&line) + w > cols {
                out.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    out.push(line);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_to_the_width() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("", 7), vec![""]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        let km = Keymap::default();
        for cols in [20, 40, 74] {
            for l in lines(&km, cols) {
                let w = width(&l.text)
                    + if l.style == Style::Action {
                        KEY_COLS
                    } else {
                        0
                    };
                assert!(w <= cols.max(KEY_COLS + 1), "{cols}: {l:?}");
            }
        }
    }
}
