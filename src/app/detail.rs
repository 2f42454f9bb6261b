//! An article read in full: its text without page boilerplate, wrapped to
//! the screen, with the source of every extracted fact marked and a current
//! fact that `n`/`N` move between.

use unicode_width::UnicodeWidthChar;

use crate::corpus::Article;
use crate::extract::Span;
use crate::text::normalize::{is_invisible, visible_control};
use crate::text::{BlockKind, boilerplate};

/// What kind of fact a marked span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactKind {
    Person,
    Position,
    Conclusion,
    Meeting,
    Date,
    Place,
    Document,
    Figure,
    Byline,
}

impl FactKind {
    pub fn label(self) -> &'static str {
        match self {
            FactKind::Person => "person",
            FactKind::Position => "position",
            FactKind::Conclusion => "conclusion",
            FactKind::Meeting => "meeting",
            FactKind::Date => "date",
            FactKind::Place => "place",
            FactKind::Document => "document",
            FactKind::Figure => "figure",
            FactKind::Byline => "byline",
        }
    }
}

/// A fact's source in the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub span: Span,
    pub kind: FactKind,
    /// The person it names, when it is a person's name.
    pub person: Option<usize>,
}

/// One screen line: a byte range of the article text, or a blank line
/// between paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.start == self.end
    }
}

/// The detail view's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub article: usize,
    /// Width the lines were wrapped to.
    pub width: usize,
    pub lines: Vec<Line>,
    /// Facts shown in the text, in reading order.
    pub facts: Vec<Fact>,
    pub current: Option<usize>,
    pub scroll: usize,
}

impl Detail {
    /// Opens an article with the fact starting at `focus` (if any) current.
    pub fn new(
        article_index: usize,
        article: &Article,
        width: usize,
        focus: Option<usize>,
    ) -> Detail {
        let lines = wrap(&article.text, width);
        let facts = facts(article, &lines);
        let current = focus
            .map(|at| fact_at(&facts, at))
            .filter(|_| !facts.is_empty());
        Detail {
            article: article_index,
            width,
            lines,
            facts,
            current,
            scroll: 0,
        }
    }

    /// Re-wraps for a new width, keeping the current fact in view.
    pub fn rewrap(&mut self, article: &Article, width: usize) {
        if width == self.width {
            return;
        }
        let top = self.lines.get(self.scroll).map(|l| l.start);
        // The facts shown do not depend on the width: the current one stays.
        *self = Detail {
            current: self.current,
            ..Detail::new(self.article, article, width, None)
        };
        if let Some(at) = top {
            self.scroll = self.line_of(at);
        }
    }

    /// Index of the line holding byte `at`.
    pub fn line_of(&self, at: usize) -> usize {
        let i = self.lines.partition_point(|l| l.end <= at);
        match self.lines.get(i) {
            Some(l) if !l.is_blank() && l.start <= at => i,
            _ => i.min(self.lines.len().saturating_sub(1)),
        }
    }

    /// Makes the next (or previous) fact current and scrolls it into a
    /// window of `page` lines.
    pub fn step_fact(&mut self, forward: bool, page: usize) {
        if self.facts.is_empty() {
            return;
        }
        let n = self.facts.len();
        let next = match (self.current, forward) {
            (None, true) => {
                // The first fact at or below the top of the window.
                let top = self.lines.get(self.scroll).map_or(0, |l| l.start);
                self.facts
                    .iter()
                    .position(|f| f.span.start >= top)
                    .unwrap_or(0)
            }
            (None, false) => n - 1,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
        self.current = Some(next);
        self.show_current(page);
    }

    /// Scrolls so that the current fact's first line shows in a window of
    /// `page` lines, with some lines above it when it had to move.
    pub fn show_current(&mut self, page: usize) {
        let page = page.max(1);
        if let Some(c) = self.current {
            let line = self.line_of(self.facts[c].span.start);
            if line < self.scroll || line >= self.scroll + page {
                self.scroll = line.saturating_sub(page / 3);
            }
        }
        self.clamp_scroll(page);
    }

    pub fn clamp_scroll(&mut self, page: usize) {
        self.scroll = self
            .scroll
            .min(self.lines.len().saturating_sub(page.max(1)));
    }
}

/// The fact to make current for byte `at`: the one starting there, else the
/// innermost one holding it, else the next one after it.
fn fact_at(facts: &[Fact], at: usize) -> usize {
    facts
        .iter()
        .position(|f| f.span.start == at)
        .or_else(|| {
            facts
                .iter()
                .rposition(|f| f.span.start <= at && at < f.span.end)
        })
        .or_else(|| facts.iter().position(|f| f.span.start > at))
        .unwrap_or(0)
}

/// The article's content blocks wrapped to `width` columns, a blank line
/// between paragraphs.
pub fn wrap(text: &str, width: usize) -> Vec<Line> {
    let width = width.max(4);
    let mut out = Vec::new();
    for b in boilerplate::classify(text)
        .iter()
        .filter(|b| b.kind == BlockKind::Content)
    {
        if !out.is_empty() {
            out.push(Line {
                start: b.start,
                end: b.start,
            });
        }
        wrap_block(text, b.start, b.end, width, &mut out);
    }
    out
}

/// Cells a character takes on screen. The drawing layer shows control
/// characters as one-cell stand-ins and drops invisible ones, so a text
/// holding them wraps to what is drawn.
fn cells(c: char) -> usize {
    if is_invisible(c) {
        0
    } else {
        visible_control(c).unwrap_or(c).width().unwrap_or(0)
    }
}

/// Greedy word wrap by display width; a word wider than the line is cut.
fn wrap_block(text: &str, start: usize, end: usize, width: usize, out: &mut Vec<Line>) {
    let mut line_start = start;
    let mut line_width = 0;
    // Where the line may break: after the last space seen.
    let mut last_space: Option<(usize, usize)> = None;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        let w = cells(c);
        if line_width + w > width && at > line_start {
            // A space that does not fit ends the line where it stands.
            if c == ' ' {
                out.push(Line {
                    start: line_start,
                    end: at,
                });
                line_start = at + 1;
                line_width = 0;
                last_space = None;
                continue;
            }
            match last_space {
                Some((space_at, width_after)) if space_at > line_start => {
                    out.push(Line {
                        start: line_start,
                        end: space_at,
                    });
                    line_start = space_at + 1;
                    line_width -= width_after;
                }
                _ => {
                    out.push(Line {
                        start: line_start,
                        end: at,
                    });
                    line_start = at;
                    line_width = 0;
                }
            }
            last_space = None;
        }
        if c == ' ' {
            last_space = Some((at, line_width + w));
        }
        line_width += w;
    }
    if line_start < end {
        out.push(Line {
            start: line_start,
            end,
        });
    }
}

/// The facts of an article whose source is in the shown text.
fn facts(a: &Article, lines: &[Line]) -> Vec<Fact> {
    // Lines are in text order: find the one that could hold a span by search.
    let shown = |s: &Span| {
        let i = lines.partition_point(|l| l.end <= s.start);
        !s.is_empty()
            && lines
                .get(i)
                .is_some_and(|l| l.start <= s.start && s.start < l.end)
    };
    let mut out = Vec::new();
    let mut push = |span: Span, kind: FactKind, person: Option<usize>| {
        if shown(&span) {
            out.push(Fact { span, kind, person });
        }
    };
    let f = &a.facts;
    for (i, p) in f.people.iter().enumerate() {
        for &s in &p.spans {
            push(s, FactKind::Person, a.people.get(i).copied());
        }
        for pos in &p.positions {
            push(pos.span, FactKind::Position, None);
        }
    }
    for c in &f.conclusions {
        push(c.span, FactKind::Conclusion, None);
    }
    for d in &f.documents {
        push(d.span, FactKind::Document, None);
    }
    for x in &f.figures {
        push(x.span, FactKind::Figure, None);
    }
    let s = &f.spans;
    for (span, kind) in [
        (s.meeting_body, FactKind::Meeting),
        (s.session, FactKind::Meeting),
        (s.term, FactKind::Meeting),
        (s.meeting_date, FactKind::Date),
        (s.province, FactKind::Place),
    ] {
        if let Some(span) = span {
            push(span, kind, None);
        }
    }
    for &span in &s.authors {
        push(span, FactKind::Byline, None);
    }
    out.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    out.dedup_by(|a, b| a.span == b.span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_display_width_at_spaces() {
        let text = "Một hai ba bốn năm sáu bảy tám chín mười\n\nBoilerplate {name}\nĐoạn hai";
        let lines = wrap(text, 12);
        let shown: Vec<&str> = lines.iter().map(|l| &text[l.start..l.end]).collect();
        assert_eq!(
            shown,
            vec![
                "Một hai ba",
                "bốn năm sáu",
                "bảy tám chín",
                "mười",
                "",
                "Đoạn hai"
            ]
        );
        for l in &lines {
            assert!(
                text[l.start..l.end]
                    .chars()
                    .filter_map(|c| c.width())
                    .sum::<usize>()
                    <= 12
            );
        }
    }

    #[test]
    fn cuts_words_wider_than_the_line() {
        let text = "abcdefghijklmnop";
        let shown: Vec<&str> = wrap(text, 5)
            .iter()
            .map(|l| &text[l.start..l.end])
            .collect();
        assert_eq!(shown, vec!["abcde", "fghij", "klmno", "p"]);
    }
}
