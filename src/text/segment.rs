//! Cutting normalized text into lines, sentences and tokens, each carrying its
//! byte range in the text so facts can point back at their source.

use std::borrow::Cow;
use std::ops::Range;

use super::fold::{key_hash, word_key};

/// A non-empty line of the text, trimmed of surrounding spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
}

impl Line {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn as_str<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// The non-empty lines of `text` (on `\n`), trimmed.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split('\n') {
        let start = pos;
        pos += raw.len() + 1;
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            out.push(Line {
                start: start + lead,
                end: start + lead + trimmed.len(),
            });
        }
    }
    out
}

/// Abbreviations that end in a period without ending a sentence.
const NO_BREAK_BEFORE_PERIOD: &[&str] = &[
    "tp", "tx", "tt", "p", "q", "h", "x", "ths", "ts", "pgs", "gs", "bs", "ks", "đ/c", "đc", "ông",
    "bà", "st", "vd", "v.v", "tr", "số", "ng",
];

/// Byte ranges of the sentences in `text[range]`: split after `.`, `!`, `?`
/// or `…` followed by a space and a capital letter, digit or opening quote.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Take the whole run of closing punctuation ("…", ".”", ").").
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '.' | '!' | '?' | '…' | '"' | '”' | '’' | ')' | '»'
                )
            {
                j += 1;
            }
            let end = chars.get(j).map_or(s.len(), |p| p.0);
            let next_is_space = chars.get(j).is_some_and(|p| p.1 == ' ');
            let after = chars[j..].iter().find(|p| p.1 != ' ').map(|p| p.1);
            let starts_new = after.is_some_and(|a| {
                a.is_uppercase()
                    || a.is_ascii_digit()
                    || matches!(a, '"' | '“' | '(' | '-' | '–' | '•')
            });
            let word_before = s[start..b]
                .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                .next()
                .unwrap_or("")
                .to_lowercase();
            let abbrev =
                c == '.' && j == i + 1 && NO_BREAK_BEFORE_PERIOD.contains(&word_before.as_str());
            if next_is_space && starts_new && !abbrev {
                push_trimmed(&mut out, s, start..end, range.start);
                start = end;
            }
            i = j;
            let _ = b;
            continue;
        }
        i += 1;
    }
    push_trimmed(&mut out, s, start..s.len(), range.start);
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, s: &str, r: Range<usize>, base: usize) {
    let piece = &s[r.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    if !t.is_empty() {
        out.push(base + r.start + lead..base + r.start + lead + t.len());
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits or inner `.`, `/`, `&`, `'` ("T.Ư", "Đ/c").
    Word,
    /// Digits, possibly with inner `.`, `,`, `/` ("3,23", "5/11", "02.12.2020").
    Number,
    /// One punctuation character.
    Punct,
}

/// A token with its byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// The word's lex key (see [`lex_key`](super::fold::lex_key)), computed once.
    pub key: Cow<'a, str>,
    /// Hash of `key`, for lexicon look-ups.
    pub hash: u64,
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Whether whitespace (or the start of the range) comes right before it.
    pub space_before: bool,
}

impl Token<'_> {
    /// Whether the token's key is `key` (a lower-case word, old tone placement).
    pub fn is(&self, key: &str) -> bool {
        self.key == key
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn is_punct(&self, p: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(p)
    }
    /// A dash used as a separator: `-`, `–` or `—`.
    pub fn is_dash(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.text, "-" | "–" | "—")
    }
    /// First letter upper case ("Hải", "UBND", "Đ/c").
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
    /// Two or more letters, all upper case ("UBND", "HĐND", "T.Ư").
    pub fn is_all_caps(&self) -> bool {
        let mut letters = self.text.chars().filter(|c| c.is_alphabetic());
        let n = letters.clone().count();
        n >= 2 && letters.all(char::is_uppercase)
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || matches!(c, '\'' | '&' | '_');
    }
    // The Latin letters Vietnamese is written in, without a table lookup.
    match c as u32 {
        0xC0..=0xFF => c != '×' && c != '÷',
        0x100..=0x24F | 0x1E00..=0x1EFF | 0x300..=0x36F => true,
        _ => c.is_alphanumeric() || c == '’',
    }
}

/// Tokens of `text[range]`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let s = &text[range.clone()];
    let base = range.start;
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    let mut space_before = true;
    while let Some((b, c)) = it.next() {
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        if is_word_char(c) {
            let mut end = b + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            loop {
                match it.peek().copied() {
                    Some((nb, nc)) if is_word_char(nc) => {
                        all_digits &= nc.is_ascii_digit();
                        end = nb + nc.len_utf8();
                        it.next();
                    }
                    // A hyphen before a lower-case letter joins syllables of
                    // one name ("Khăm-mơng"); before a capital it separates
                    // ("Nguyễn Văn A-Chủ tịch").
                    Some((nb, '-'))
                        if s[nb + 1..].chars().next().is_some_and(char::is_lowercase)
                            && !all_digits =>
                    {
                        it.next();
                        end = nb + 1;
                    }
                    // An inner joiner stays in the word when a word character
                    // follows it directly: "T.Ư", "Đ/c", "3,23", "02.12.2020".
                    Some((nb, nc)) if matches!(nc, '.' | '/' | ',') => {
                        let after = s[nb + 1..].chars().next();
                        let joins = match (nc, after) {
                            (',', Some(a)) => all_digits && a.is_ascii_digit(),
                            (_, Some(a)) => is_word_char(a) && a != '\'',
                            _ => false,
                        };
                        if !joins {
                            break;
                        }
                        it.next();
                        end = nb + 1;
                    }
                    _ => break,
                }
            }
            let word = &s[b..end];
            let kind = if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            let key = word_key(word);
            out.push(Token {
                text: word,
                hash: key_hash(&key),
                key,
                start: base + b,
                end: base + end,
                kind,
                space_before,
            });
        } else {
            out.push(Token {
                text: &s[b..b + c.len_utf8()],
                key: Cow::Borrowed(&s[b..b + c.len_utf8()]),
                hash: key_hash(&s[b..b + c.len_utf8()]),
                start: base + b,
                end: base + b + c.len_utf8(),
                kind: TokenKind::Punct,
                space_before,
            });
        }
        space_before = false;
    }
    out
}

/// Number of whitespace-separated words.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Number of words, counting no further than `max + 1`: enough to compare
/// with `max` without reading a long paragraph to its end.
pub fn word_count_over(s: &str, max: usize) -> usize {
    s.split_whitespace().take(max + 1).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_and_positioned() {
        let t = "  ab \n\n c\n";
        let ls = lines(t);
        assert_eq!(ls.len(), 2);
        assert_eq!(ls[0].as_str(t), "ab");
        assert_eq!(ls[1].as_str(t), "c");
    }

    #[test]
    fn sentences_split_on_terminal_punctuation() {
        let t = "Chiều 5/11, Ban họp. Bí thư TP. Hồ Chí Minh nói: tốt! 8 nhiệm vụ… Xong";
        let ss: Vec<&str> = sentences(t, 0..t.len())
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(
            ss,
            vec![
                "Chiều 5/11, Ban họp.",
                "Bí thư TP. Hồ Chí Minh nói: tốt!",
                "8 nhiệm vụ…",
                "Xong"
            ]
        );
    }

    #[test]
    fn tokens_keep_inner_joiners() {
        let t = "UVT.Ư, Đ/c A-Chủ tịch: 3,23% ngày 02.12.2020.";
        let toks: Vec<&str> = tokenize(t, 0..t.len()).iter().map(|t| t.text).collect();
        assert_eq!(
            toks,
            vec![
                "UVT.Ư",
                ",",
                "Đ/c",
                "A",
                "-",
                "Chủ",
                "tịch",
                ":",
                "3,23",
                "%",
                "ngày",
                "02.12.2020",
                "."
            ]
        );
        let t2 = tokenize(t, 0..t.len());
        assert!(!t2[4].space_before && !t2[5].space_before);
        assert!(t2[0].is_all_caps() && t2[3].is_capitalized());
    }
}
