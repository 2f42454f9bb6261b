//! The article as the extractors read it: content paragraphs cut into
//! sentences of tokens, with boilerplate left out.
//!
//! Two layout repairs happen here because every extractor needs them: a
//! caption broken over two lines at a comma is read as one line, and a line
//! holding only a name followed by a line holding only titles is read as
//! "name, titles".

use std::ops::Range;

use crate::text::segment::{
    Token, TokenKind, sentences_into, space_step, tokenize_keyed, tokenize_keyed_into,
    word_count_over,
};
use crate::text::{BlockKind, Page};

/// One sentence: its tokens and the byte range it covers.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    pub start: usize,
    pub end: usize,
    pub tokens: &'a [Token<'a>],
}

impl Sentence<'_> {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A paragraph of article content (one line of the page, or two joined).
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    /// The indices of its sentences among the page's (see
    /// [`Doc::sentences_of`]).
    pub sentences: Range<usize>,
    /// Index of its (first) block in the page.
    pub block: usize,
}

/// An article page ready for extraction.
#[derive(Debug)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub page: &'a Page,
    pub paragraphs: Vec<Paragraph>,
    /// The sentences of all paragraphs in order: one list for the page
    /// rather than one for each paragraph.
    sentences: Vec<Sentence<'a>>,
}

/// A sentence while the page is read: its tokens are a range of the
/// page's tokens, which may still move.
#[derive(Debug, Clone)]
struct Pending {
    start: usize,
    end: usize,
    tokens: Range<usize>,
}

impl<'a> Doc<'a> {
    /// The page read into paragraphs and sentences, the tokens of all its
    /// sentences kept one after another in `tokens` (emptied first): one
    /// list for the page instead of one for each sentence.
    pub fn new(page: &'a Page, tokens: &'a mut Vec<Token<'a>>) -> Doc<'a> {
        let text = page.text.as_str();
        let content: Vec<(usize, Range<usize>)> = page
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == BlockKind::Content)
            .map(|(i, b)| (i, b.start..b.end))
            .collect();
        tokens.clear();
        // Room for all the page's tokens at once (a syllable and its space
        // take four or more bytes, with some to spare): a list grown as it
        // goes would copy its tokens at each step.
        tokens.reserve(content.iter().map(|(_, r)| r.len() / 3 + 1).sum());
        let mut reading = Reading {
            text,
            lower: page.lower(),
            ranges: Vec::new(),
            pending: Vec::new(),
            tokens,
        };
        let mut paragraphs: Vec<Paragraph> = Vec::with_capacity(content.len());
        let mut i = 0;
        while i < content.len() {
            let (block, ref r) = content[i];
            let mut para = reading.paragraph(block, r.clone());
            if let Some((_, nr)) = content.get(i + 1)
                && reading.joins_next(&para, nr.clone())
            {
                let second = reading.paragraph(block, nr.clone());
                let insert_comma = !text[r.clone()].trim_end().ends_with(',');
                reading.join(&mut para, second, insert_comma);
                i += 1;
            }
            paragraphs.push(para);
            i += 1;
        }
        Doc {
            text,
            page,
            paragraphs,
            sentences: reading.sentences(),
        }
    }

    /// All sentences in order.
    pub fn sentences(&self) -> std::slice::Iter<'_, Sentence<'a>> {
        self.sentences.iter()
    }

    /// The sentences of a paragraph.
    pub fn sentences_of(&self, p: &Paragraph) -> &[Sentence<'a>] {
        &self.sentences[p.sentences.clone()]
    }

    /// The text of a byte range with runs of whitespace collapsed.
    pub fn clean(&self, r: Range<usize>) -> String {
        clean(&self.text[r])
    }
}

/// Collapses whitespace runs (line breaks inside joined captions included).
pub fn clean(s: &str) -> String {
    // Most pieces are clean already: one copy then.
    if is_clean(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `s` has single spaces between words and none around them. The
/// bytes that can break that are few: vectorized searches look for them,
/// and only the lead bytes that may begin other whitespace have their
/// character read.
fn is_clean(s: &str) -> bool {
    use memchr::memmem::Finder;
    static DOUBLE_SPACE: std::sync::LazyLock<Finder<'static>> =
        std::sync::LazyLock::new(|| Finder::new(b"  "));
    // The first two bytes of U+1680: the lead byte alone begins most
    // Vietnamese letters with marks too.
    static OGHAM_SPACE_LEAD: std::sync::LazyLock<Finder<'static>> =
        std::sync::LazyLock::new(|| Finder::new(b"\xE1\x9A"));
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let no_ascii_space = memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_none()
        && memchr::memchr2(0x0B, 0x0C, bytes).is_none();
    no_ascii_space
        && DOUBLE_SPACE.find(bytes).is_none()
        && OGHAM_SPACE_LEAD
            .find_iter(bytes)
            .all(|at| !space_step(s, at).0)
        && memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes).all(|at| !space_step(s, at).0)
}

/// A page being read into sentences: the sentence ranges of the paragraph
/// at hand, the sentences read so far and the tokens of all of them.
struct Reading<'a> {
    text: &'a str,
    lower: &'a str,
    ranges: Vec<Range<usize>>,
    pending: Vec<Pending>,
    tokens: &'a mut Vec<Token<'a>>,
}

impl<'a> Reading<'a> {
    /// The paragraph of `text[r]`, its sentences and their tokens read
    /// onto the page's.
    fn paragraph(&mut self, block: usize, r: Range<usize>) -> Paragraph {
        sentences_into(self.text, r.clone(), &mut self.ranges);
        let from = self.pending.len();
        for sr in &self.ranges {
            let first = self.tokens.len();
            tokenize_keyed_into(self.text, self.lower, sr.clone(), self.tokens);
            self.pending.push(Pending {
                start: sr.start,
                end: sr.end,
                tokens: first..self.tokens.len(),
            });
        }
        Paragraph {
            start: r.start,
            end: r.end,
            sentences: from..self.pending.len(),
            block,
        }
    }

    /// The tokens of a paragraph that is one sentence, covering all of it.
    fn only_tokens(&self, a: &Paragraph) -> Option<&[Token<'a>]> {
        match &self.pending[a.sentences.clone()] {
            [only] if (only.start..only.end) == (a.start..a.end) => {
                Some(&self.tokens[only.tokens.clone()])
            }
            _ => None,
        }
    }

    /// Whether line `b` continues the line of paragraph `a`: `a` ends in a
    /// comma, or `a` is only a name ("Đồng chí Hoàng Công Hà") and `b`
    /// begins with a title.
    fn joins_next(&self, a: &Paragraph, b: Range<usize>) -> bool {
        let (text, lower) = (self.text, self.lower);
        let sa = text[a.start..a.end].trim_end();
        if sa.ends_with(',') {
            return true;
        }
        let is_name_line = |toks: &[Token<'_>]| {
            toks.len() <= 7
                && super::names::looks_like_name_line(toks)
                && super::titles::starts_with_title(&tokenize_keyed(text, lower, b.clone()))
        };
        // A line that is one sentence has the tokens of that sentence: they
        // need not be made again.
        if let Some(only) = self.only_tokens(a) {
            return is_name_line(only);
        }
        // Every whitespace-separated word holds a token: a line of more than
        // seven words is no bare name, and need not be tokenized again.
        if word_count_over(sa, 7) > 7 {
            return false;
        }
        is_name_line(&tokenize_keyed(text, lower, a.start..a.end))
    }

    /// Joins two paragraphs, `b` the last read: the last sentence of the
    /// first and the first of the second become one, with a comma standing
    /// for the line break when asked.
    fn join(&mut self, a: &mut Paragraph, b: Paragraph, insert_comma: bool) {
        let pending = &mut self.pending;
        debug_assert!(a.sentences.end == b.sentences.start && b.sentences.end == pending.len());
        if !a.sentences.is_empty() && !b.sentences.is_empty() {
            // The tokens of the two sentences are next to each other already.
            let first = pending.remove(b.sentences.start);
            let last = &mut pending[a.sentences.end - 1];
            debug_assert_eq!(last.tokens.end, first.tokens.start);
            if insert_comma {
                self.tokens.insert(
                    first.tokens.start,
                    Token {
                        text: ",",
                        key: std::borrow::Cow::Borrowed(","),
                        hash: crate::text::fold::key_hash(","),
                        start: last.end,
                        end: last.end,
                        kind: TokenKind::Punct,
                        space_before: false,
                        shape: Default::default(),
                    },
                );
            }
            let shift = usize::from(insert_comma);
            last.tokens.end = first.tokens.end + shift;
            last.end = first.end;
            // The comma moved the tokens of the second paragraph's other
            // sentences one place on.
            for p in &mut pending[a.sentences.end..] {
                p.tokens = p.tokens.start + shift..p.tokens.end + shift;
            }
        }
        a.sentences.end = pending.len();
        a.end = b.end;
    }

    /// The sentences read, borrowing the tokens, which move no more.
    fn sentences(self) -> Vec<Sentence<'a>> {
        let tokens: &'a [Token<'a>] = self.tokens;
        self.pending
            .iter()
            .map(|p| Sentence {
                start: p.start,
                end: p.end,
                tokens: &tokens[p.tokens.clone()],
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`is_clean`] read character by character.
    fn is_clean_by_chars(s: &str) -> bool {
        !s.starts_with(' ')
            && !s.ends_with(' ')
            && !s.contains("  ")
            && s.chars().all(|c| c == ' ' || !c.is_whitespace())
    }

    proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// The byte pass agrees with reading each character.
        #[test]
        fn clean_pieces_are_told_by_their_bytes(
            s in "[ a\t\n\r\u{b}\u{c}\u{85}\u{a0}\u{1680}\u{1681}\u{2000}\u{200b}\u{2028}\u{202f}\u{205f}\u{3000}ồ\u{1e9a}\u{1ef9}\u{2010}\u{3001}\u{ab}]{0,16}"
        ) {
            prop_assert_eq!(is_clean(&s), is_clean_by_chars(&s));
            let words: Vec<&str> = s.split_whitespace().collect();
            prop_assert_eq!(clean(&s), words.join(" "));
        }
    }
}
