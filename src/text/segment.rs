//! Cutting normalized text into lines, sentences and tokens, each carrying its
//! byte range in the text so facts can point back at their source.

use std::borrow::Cow;
use std::ops::Range;

use super::fold::{
    has_plain_lower, is_upper, key_hash, lowered_word_key, one_byte_key_hash, plain_word_key,
    word_key,
};
use super::sixteen::Sixteen;

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
    let mut start = 0;
    // The vectorized byte search finds line ends several times faster than
    // splitting on the character.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        let next = end + 1;
        let (lead, trimmed) = trim_counting_lead(&text[start..end]);
        if !trimmed.is_empty() {
            out.push(Line {
                start: start + lead,
                end: start + lead + trimmed.len(),
            });
        }
        start = next;
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
    let mut out = Vec::new();
    sentences_into(text, range, &mut out);
    out
}

/// [`sentences`] into `out`, emptied first: one buffer serves all the
/// paragraphs of a page instead of one allocation each.
pub fn sentences_into(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    out.clear();
    let s = &text[range.clone()];
    let mut start = 0;
    let mut stops = Terminals::new(s);
    while let Some((b, c)) = stops.next_from(s) {
        // Take the whole run of closing punctuation ("…", ".”", ").").
        let mut lone_period = c == '.';
        let mut end = b + c.len_utf8();
        while end < s.len() {
            let (n, len) = char_at(s, end);
            if !matches!(n, '.' | '!' | '?' | '…' | '"' | '”' | '’' | ')' | '»') {
                break;
            }
            lone_period = false;
            end += len;
        }
        stops.skip_to(end);
        if starts_sentence(s, end) && !(lone_period && is_abbreviation(&s[start..b])) {
            push_trimmed(out, s, start..end, range.start);
            start = end;
        }
    }
    push_trimmed(out, s, start..s.len(), range.start);
}

/// Whether a sentence can start after byte `end` of `s`: a space, then
/// a capital letter, digit or opening quote.
fn starts_sentence(s: &str, end: usize) -> bool {
    let rest = &s.as_bytes()[end..];
    if rest.first() != Some(&b' ') {
        return false;
    }
    let spaces = rest.iter().take_while(|&&b| b == b' ').count();
    let after = char_before_stop(s, end + spaces, s.len());
    after.is_some_and(|a| {
        is_upper(a) || a.is_ascii_digit() || matches!(a, '"' | '“' | '(' | '-' | '–' | '•')
    })
}

/// The sentence-ending characters of a text (`.`, `!`, `?`, `…`), found by
/// byte search rather than character by character.
struct Terminals {
    /// Where the search goes on.
    from: usize,
    /// The next `…` at or after `from`, when known.
    ellipsis: Option<usize>,
}

/// The first `…` (E2 80 A6) in `bytes` at or after `from`. Its last byte
/// is searched for: in Vietnamese text it is rarer than its first, which
/// begins the curly quotes and dashes, and one byte is found with less
/// setting up than three.
fn find_ellipsis(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(k) = memchr::memchr(0xA6, &bytes[at..]) {
        let last = at + k;
        if last >= from + 2 && bytes[last - 2] == 0xE2 && bytes[last - 1] == 0x80 {
            return Some(last - 2);
        }
        at = last + 1;
    }
    None
}

impl Terminals {
    fn new(s: &str) -> Terminals {
        Terminals {
            from: 0,
            ellipsis: find_ellipsis(s.as_bytes(), 0),
        }
    }

    /// The next terminal character at or after the current position.
    fn next_from(&mut self, s: &str) -> Option<(usize, char)> {
        let bytes = s.as_bytes();
        if let Some(e) = self.ellipsis
            && e < self.from
        {
            self.ellipsis = find_ellipsis(bytes, self.from);
        }
        let ascii = memchr::memchr3(b'.', b'!', b'?', &bytes[self.from..]).map(|k| self.from + k);
        let at = match (ascii, self.ellipsis) {
            (Some(a), Some(e)) => a.min(e),
            (a, e) => a.or(e)?,
        };
        self.from = at + 1;
        Some((at, char_at(s, at).0))
    }

    /// Goes on searching from byte `end`.
    fn skip_to(&mut self, end: usize) {
        self.from = end;
    }
}

/// Whether the text before a period ends with an abbreviation ("TP", "ThS").
/// Only the last few characters are read, so long runs without spaces stay
/// linear.
fn is_abbreviation(before: &str) -> bool {
    let tail_start = before.char_indices().rev().nth(7).map_or(0, |(i, _)| i);
    let tail = &before[tail_start..];
    let word = tail
        .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
        .next()
        .unwrap_or("");
    if word.len() == tail.len() && tail_start > 0 {
        return false;
    }
    is_abbreviation_word(word)
}

/// Whether a word is in [`NO_BREAK_BEFORE_PERIOD`], in any case. Lowering
/// an ASCII word needs no new string.
fn is_abbreviation_word(word: &str) -> bool {
    // The abbreviations are at most 4 bytes and no letter is more than four
    // times the length of its lower case: a longer word is none of them.
    const LONGEST: usize = 16;
    if word.len() > LONGEST {
        return false;
    }
    if word.is_ascii() {
        let mut buf = [0u8; LONGEST];
        let lowered = &mut buf[..word.len()];
        lowered.copy_from_slice(word.as_bytes());
        lowered.make_ascii_lowercase();
        return NO_BREAK_BEFORE_PERIOD
            .iter()
            .any(|a| a.as_bytes() == &lowered[..]);
    }
    // Lowering never makes fewer characters, and no abbreviation has more
    // than three: a longer word need not be lowered.
    if word.chars().nth(3).is_some() {
        return false;
    }
    // Lowered a character at a time into a buffer, not a new string (the
    // final sigma that lowering a string tells apart is in no abbreviation).
    let mut buf = [0u8; LONGEST];
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let Some(room) = buf.get_mut(len..len + c.len_utf8()) else {
            return false;
        };
        c.encode_utf8(room);
        len += room.len();
    }
    NO_BREAK_BEFORE_PERIOD
        .iter()
        .any(|a| a.as_bytes() == &buf[..len])
}

/// Longest sentence kept whole, in bytes. Real sentences, even long lists
/// of attendees, stay far below it; a megabyte without a full stop is cut
/// into pieces so that no later stage works on one unbounded token run.
pub const MAX_SENTENCE_BYTES: usize = 8 * 1024;

fn push_trimmed(out: &mut Vec<Range<usize>>, s: &str, r: Range<usize>, base: usize) {
    let (lead, t) = trim_piece_counting_lead(&s[r.clone()]);
    let mut from = r.start + lead;
    let mut rest = t;
    while rest.len() > MAX_SENTENCE_BYTES {
        let cut = overlong_cut(rest);
        let head = rest[..cut].trim_end();
        if !head.is_empty() {
            out.push(base + from..base + from + head.len());
        }
        let tail = rest[cut..].trim_start();
        from += rest.len() - tail.len();
        rest = tail;
    }
    if !rest.is_empty() {
        out.push(base + from..base + from + rest.len());
    }
}

/// `piece.trim()`, and how many bytes it cut at the start. Most pieces
/// begin with no space and end in ASCII that is none, which their first
/// and last bytes tell without reading characters.
fn trim_counting_lead(piece: &str) -> (usize, &str) {
    let untrimmed = piece.as_bytes().last().is_some_and(|&last| {
        BYTE_CLASS[last as usize] & (SPACE | HIGH) == 0 && !space_step(piece, 0).0
    });
    if untrimmed {
        return (0, piece);
    }
    (piece.len() - piece.trim_start().len(), piece.trim())
}

/// [`trim_counting_lead`] for a piece of a paragraph, which mostly begins
/// with the plain spaces after the sentence before: they are passed by
/// byte rather than read as characters.
fn trim_piece_counting_lead(piece: &str) -> (usize, &str) {
    let spaces = piece.bytes().take_while(|&b| b == b' ').count();
    let (lead, trimmed) = trim_counting_lead(&piece[spaces..]);
    (spaces + lead, trimmed)
}

/// Where to cut an overlong sentence: after the last `;`, else the last
/// space, in its first [`MAX_SENTENCE_BYTES`], else at a character boundary.
fn overlong_cut(s: &str) -> usize {
    let mut limit = MAX_SENTENCE_BYTES;
    while !s.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &s[..limit];
    window
        .rfind(';')
        .map(|i| i + 1)
        .or_else(|| window.rfind(' '))
        .filter(|&i| i > 0)
        .unwrap_or(limit)
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
    /// Its shape, read once here because every extractor asks.
    pub shape: Shape,
}

/// What a token looks like, as far as telling names and titles apart needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    /// A word whose first letter is upper case ("Hải", "UBND", "Đ/c").
    pub capitalized: bool,
    /// A capitalized word of letters that can be a syllable of a name
    /// ("Hải", "H'Hen", "Y"), not an abbreviation.
    pub name_like: bool,
}

#[cfg(test)]
impl Shape {
    /// The shape of a token of `kind` written `text`, read on its own: what
    /// the tokenizer's one pass must agree with.
    pub fn of(kind: TokenKind, text: &str) -> Shape {
        let capitalized = kind == TokenKind::Word
            && match text.as_bytes().first() {
                Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
                Some(_) => is_upper(char_at(text, 0).0),
                None => false,
            };
        Shape {
            capitalized,
            name_like: capitalized && is_name_syllable(text),
        }
    }
}

/// Whether a capitalized word can be a syllable of a name: short, letters
/// only, no capital inside but after an apostrophe ("H'Hen", "K'Nhiên").
#[cfg(test)]
fn is_name_syllable(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = char_at(text, 0).1;
    let (mut count, mut hyphen, mut after_apostrophe) = (1, false, false);
    let mut inner_capital = false;
    while i < text.len() {
        count += 1;
        // ASCII, most letters of a name, is told by its byte.
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            match b {
                b'0'..=b'9' | b'/' | b'&' | b'.' | b'_' => return false,
                b'\'' => {
                    after_apostrophe = true;
                    continue;
                }
                b'-' => hyphen = true,
                b'A'..=b'Z' => inner_capital |= !after_apostrophe,
                _ => {}
            }
            after_apostrophe = false;
            continue;
        }
        let (c, len) = char_at(text, i);
        i += len;
        if matches!(c, '/' | '&' | '.' | '_') || is_numeric(c) {
            return false;
        }
        hyphen |= c == '-';
        if c == '\'' || c == '’' {
            after_apostrophe = true;
            continue;
        }
        inner_capital |= is_upper(c) && !after_apostrophe;
        after_apostrophe = false;
    }
    // Syllables are short; hyphens join a few of them ("Phông-tha-đi").
    let limit = if hyphen { 16 } else { 9 };
    count <= limit && !inner_capital
}

/// Whether `text` holds an ASCII digit. Read in blocks without stopping
/// inside one, which the compiler turns into vector instructions: most
/// texts are read through.
/// The abbreviation in capitals whose period is `toks[j]`, glued to it
/// ("TP.", "TX.", "H."): a period that ends no sentence.
pub fn abbreviation_of_period<'t, 'a>(toks: &'t [Token<'a>], j: usize) -> Option<&'t Token<'a>> {
    let dot = toks.get(j)?;
    let word = toks.get(j.checked_sub(1)?)?;
    let capitals = !word.text.is_empty() && word.text.bytes().all(|b| b.is_ascii_uppercase());
    (dot.is_punct('.') && !dot.space_before && capitals).then_some(word)
}

pub fn has_ascii_digit(text: &str) -> bool {
    text.as_bytes()
        .chunks(32)
        .any(|block| block.iter().fold(false, |any, b| any | b.is_ascii_digit()))
}

/// `char::is_numeric`, answered without a table for the Latin letters
/// Vietnamese is written in.
#[inline]
pub fn is_numeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_digit(),
        0xC0..=0x24F | 0x1E00..=0x1EFF => false,
        _ => c.is_numeric(),
    }
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
        self.shape.capitalized
    }
    /// Two or more letters, all upper case ("UBND", "HĐND", "T.Ư").
    pub fn is_all_caps(&self) -> bool {
        // ASCII is read without Unicode tables, and a lower-case letter
        // ends the reading.
        let mut letters = 0;
        for c in self.text.chars() {
            if c.is_ascii() {
                if c.is_ascii_lowercase() {
                    return false;
                }
                letters += usize::from(c.is_ascii_uppercase());
            } else if c.is_alphabetic() {
                if !c.is_uppercase() {
                    return false;
                }
                letters += 1;
            }
        }
        letters >= 2
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

/// What a byte is to the tokenizer: for ASCII, [`SPACE`], [`WORD`] (with
/// [`DIGIT`] for digits and [`UPPER`] for capitals), [`JOINER`] for the
/// punctuation that may join a word, or 0 for other punctuation; [`HIGH`]
/// for every byte of a longer character. One look-up answers what the
/// loops would otherwise ask in several tests.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => SPACE,
            b'0'..=b'9' => WORD | DIGIT,
            b'A'..=b'Z' => WORD | UPPER,
            b'a'..=b'z' | b'\'' | b'&' | b'_' => WORD,
            b'-' | b'.' | b'/' | b',' => JOINER,
            0x80..=0xFF => HIGH,
            _ => 0,
        };
        b += 1;
    }
    table
};
const SPACE: u8 = 1;
const WORD: u8 = 2;
const DIGIT: u8 = 4;
const UPPER: u8 = 8;
const JOINER: u8 = 16;
const HIGH: u8 = 32;

/// The character starting at byte `i` of `s` and its length. ASCII is
/// answered without decoding, as most bytes of the text are ASCII.
#[inline(always)]
pub(crate) fn char_at(s: &str, i: usize) -> (char, usize) {
    let bytes = s.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    // `s` is UTF-8 and `i` begins a character: its bytes need no checks.
    let tail = |k: usize| u32::from(bytes[i + k] & 0x3F);
    let (code, len) = match b {
        0xC0..0xE0 => (u32::from(b & 0x1F) << 6 | tail(1), 2),
        0xE0..0xF0 => (u32::from(b & 0x0F) << 12 | tail(1) << 6 | tail(2), 3),
        _ => {
            let c = s[i..].chars().next().unwrap_or('\u{FFFD}');
            return (c, c.len_utf8());
        }
    };
    (char::from_u32(code).unwrap_or('\u{FFFD}'), len)
}

/// The character starting at byte `i` of `s`, when `i` is before `stop`.
#[inline]
fn char_before_stop(s: &str, i: usize, stop: usize) -> Option<char> {
    (i < stop).then(|| char_at(s, i).0)
}

/// Tokens of `text[range]`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    tokenize_with(text, None, range)
}

/// [`tokenize`] for a text whose ASCII lower case `lower` (the text with
/// its ASCII letters in lower case) is at hand: the keys of most words are
/// slices of it rather than new strings.
pub fn tokenize_keyed<'a>(text: &'a str, lower: &'a str, range: Range<usize>) -> Vec<Token<'a>> {
    debug_assert_eq!(text.len(), lower.len());
    tokenize_with(text, Some(lower), range)
}

/// [`tokenize_keyed`] onto the end of `out`: one list can hold the tokens
/// of many sentences.
pub fn tokenize_keyed_into<'a>(
    text: &'a str,
    lower: &'a str,
    range: Range<usize>,
    out: &mut Vec<Token<'a>>,
) {
    debug_assert_eq!(text.len(), lower.len());
    tokenize_onto(text, Some(lower), range, out);
}

fn tokenize_with<'a>(text: &'a str, lower: Option<&'a str>, range: Range<usize>) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    tokenize_onto(text, lower, range, &mut out);
    out
}

fn tokenize_onto<'a>(
    text: &'a str,
    lower: Option<&'a str>,
    range: Range<usize>,
    out: &mut Vec<Token<'a>>,
) {
    // A syllable and its space take four or more bytes: one allocation
    // holds the range's tokens.
    out.reserve(range.len() / 4 + 1);
    // The bytes up to the range's end: reading one checks the end once.
    let bytes = &text.as_bytes()[..range.end];
    let mut i = range.start;
    let mut space_before = true;
    while let Some(&b) = bytes.get(i) {
        let class = BYTE_CLASS[b as usize];
        if class & SPACE != 0 {
            space_before = true;
            i += 1;
            continue;
        }
        let mut len = 1;
        let first = if class & WORD != 0 {
            // ASCII begins most words, and its class tells which loop
            // reads them.
            Some(FirstLetter {
                len: 1,
                capital: class & UPPER != 0,
                digit: class & DIGIT != 0,
                plain: true,
            })
        } else if class & HIGH != 0 {
            match vietnamese_letter_at(bytes, i) {
                // The letters Vietnamese adds are told by their bytes.
                Some((len, small)) => Some(FirstLetter {
                    len,
                    capital: !small,
                    digit: false,
                    plain: small,
                }),
                None => {
                    let c;
                    (c, len) = char_at(text, i);
                    if c.is_whitespace() {
                        space_before = true;
                        i += len;
                        continue;
                    }
                    is_word_char(c).then(|| FirstLetter {
                        len,
                        capital: is_upper(c),
                        digit: false,
                        plain: is_plain_letter(c),
                    })
                }
            }
        } else {
            None
        };
        if let Some(first) = first {
            let word = scan_word(text, bytes, i, first);
            out.push(word_token(text, lower, i, word, space_before));
            i = word.end;
            // Most words are followed by one space: it is passed here
            // rather than in another round of the loop.
            space_before = bytes.get(i) == Some(&b' ');
            i += usize::from(space_before);
            continue;
        }
        let punct = &text[i..i + len];
        out.push(Token {
            text: punct,
            key: Cow::Borrowed(punct),
            hash: if len == 1 {
                ONE_BYTE_HASH[b as usize]
            } else {
                key_hash(punct)
            },
            start: i,
            end: i + len,
            kind: TokenKind::Punct,
            space_before,
            shape: Shape::default(),
        });
        i += len;
        space_before = false;
    }
}

/// [`key_hash`] of each ASCII character as a key of its own.
const ONE_BYTE_HASH: [u64; 128] = {
    let mut table = [0u64; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = one_byte_key_hash(b as u8);
        b += 1;
    }
    table
};

/// What one pass over a word tells: where it ends, whether its lower case
/// is its ASCII lower case (letters with a plain lower case, see
/// [`fold::has_plain_lower`](super::fold::has_plain_lower), and capitals
/// only in ASCII, as in most words), and its shape. Reading the shape of a
/// capitalized word in the pass that finds its end spares reading the
/// word again.
#[derive(Debug, Clone, Copy)]
struct WordEnd {
    end: usize,
    plain: bool,
    /// It has no capital: a plain word is then its own lower case.
    uncapitalized: bool,
    /// It begins with a digit.
    number: bool,
    shape: Shape,
}

/// Whether a letter of a word keeps the word's key a slice of the ASCII
/// lower case.
#[inline(always)]
fn is_plain_letter(c: char) -> bool {
    match c as u32 {
        0..0x80 => true,
        // The Vietnamese letters of Latin Extended Additional, small on
        // odd code points: answered before the general test.
        0x1EA0..=0x1EF9 => c as u32 % 2 == 1,
        _ => has_plain_lower(c) && !is_upper(c),
    }
}

/// Whether a capitalized word can be a syllable of a name, read one
/// character at a time, after the first.
#[derive(Debug, Clone, Copy, Default)]
struct Syllable {
    chars: usize,
    hyphen: bool,
    after_apostrophe: bool,
    inner_capital: bool,
    /// A digit or a joiner other than the hyphen was read.
    not_name: bool,
}

impl Syllable {
    #[inline(always)]
    fn ascii(&mut self, b: u8) {
        self.chars += 1;
        // Small letters, most of a name, change nothing else.
        if b.is_ascii_lowercase() {
            self.after_apostrophe = false;
            return;
        }
        match b {
            b'0'..=b'9' | b'/' | b'&' | b'.' | b'_' => self.not_name = true,
            b'\'' => {
                self.after_apostrophe = true;
                return;
            }
            b'-' => self.hyphen = true,
            b'A'..=b'Z' => self.inner_capital |= !self.after_apostrophe,
            _ => {}
        }
        self.after_apostrophe = false;
    }

    /// A letter of Latin Extended Additional, upper case or not.
    #[inline(always)]
    fn letter(&mut self, upper: bool) {
        self.chars += 1;
        self.inner_capital |= upper && !self.after_apostrophe;
        self.after_apostrophe = false;
    }

    #[inline]
    fn other(&mut self, c: char) {
        self.chars += 1;
        self.not_name |= is_numeric(c);
        if c == '’' {
            self.after_apostrophe = true;
            return;
        }
        self.inner_capital |= is_upper(c) && !self.after_apostrophe;
        self.after_apostrophe = false;
    }

    fn is_name(&self) -> bool {
        let limit = if self.hyphen { 16 } else { 9 };
        !self.not_name && self.chars <= limit && !self.inner_capital
    }
}

/// The letter a word begins with: its length in bytes, whether it is a
/// capital, a digit, and plain (see [`is_plain_letter`]).
#[derive(Debug, Clone, Copy)]
struct FirstLetter {
    len: usize,
    capital: bool,
    digit: bool,
    plain: bool,
}

/// Reads the word that begins at byte `start` of `text` with `first`,
/// within `bytes` (the text up to where reading stops).
#[inline(always)]
fn scan_word(text: &str, bytes: &[u8], start: usize, first: FirstLetter) -> WordEnd {
    // Only capitalized words have a name shape to read, and only words
    // that begin with a digit can be numbers: the loops for the others do
    // not ask at every letter.
    if first.digit {
        scan_word_as::<false, true>(text, bytes, start, first.len, first.plain)
    } else if first.capital {
        scan_word_as::<true, false>(text, bytes, start, first.len, first.plain)
    } else {
        scan_word_as::<false, false>(text, bytes, start, first.len, first.plain)
    }
}

/// Reads the word that begins at byte `start` of `text` with a letter of
/// `first_len` bytes (`plain` when it keeps the key a slice of the lower
/// case), within `bytes` (the text up to where reading stops); the word
/// is `CAPITALIZED` or not, and begins with a `DIGIT` or not. Only a word
/// that begins with a digit can be all digits: the loops for the others
/// do not follow that at every byte.
#[inline(always)]
fn scan_word_as<const CAPITALIZED: bool, const DIGIT_FIRST: bool>(
    text: &str,
    bytes: &[u8],
    start: usize,
    first_len: usize,
    plain: bool,
) -> WordEnd {
    let mut end = start + first_len;
    let mut all_digits = DIGIT_FIRST;
    let mut plain = plain;
    let mut syllable = Syllable {
        chars: 1,
        ..Syllable::default()
    };
    // The classes of the ASCII letters read, for an ASCII capital.
    let mut classes = 0;
    while let Some(&b) = bytes.get(end) {
        let class = BYTE_CLASS[b as usize];
        if class & WORD != 0 {
            // An ASCII letter or digit, most bytes of a word.
            if DIGIT_FIRST {
                all_digits &= class & DIGIT != 0;
            }
            if CAPITALIZED {
                syllable.ascii(b);
            } else {
                classes |= class;
            }
            end += 1;
            continue;
        }
        if class & HIGH != 0 {
            // The letters Vietnamese adds to ASCII are told by their bytes.
            if let Some((len, small)) = vietnamese_letter_at(bytes, end) {
                if DIGIT_FIRST {
                    all_digits = false;
                }
                plain &= small;
                if CAPITALIZED {
                    syllable.letter(!small);
                }
                end += len;
                continue;
            }
            let (c, len) = char_at(text, end);
            if !is_word_char(c) {
                break;
            }
            if DIGIT_FIRST {
                all_digits = false;
            }
            plain &= is_plain_letter(c);
            if CAPITALIZED {
                syllable.other(c);
            }
            end += len;
            continue;
        }
        if class & JOINER == 0 || !joins_word(text, end, bytes.len(), b, all_digits) {
            break;
        }
        if CAPITALIZED {
            syllable.ascii(b);
        }
        end += 1;
    }
    WordEnd {
        end,
        plain,
        // Other capitals than ASCII's make the word not plain.
        uncapitalized: !CAPITALIZED && classes & UPPER == 0,
        number: DIGIT_FIRST,
        shape: Shape {
            capitalized: CAPITALIZED,
            name_like: CAPITALIZED && syllable.is_name(),
        },
    }
}

/// The length of the letter that begins at byte `at`, and whether it is
/// small, when it is one of the letters Vietnamese writes beyond ASCII:
/// U+00C0…U+00FF but × and ÷ (capitals below U+00DF), ă đ ĩ ũ ơ ư and their
/// capitals, and U+1EA0…U+1EF9 (small on odd code points). These are word
/// letters, none numeric, each small one plain (see [`is_plain_letter`])
/// and no capital plain. None for any other character.
#[inline(always)]
fn vietnamese_letter_at(bytes: &[u8], at: usize) -> Option<(usize, bool)> {
    let lead = bytes[at];
    let second = *bytes.get(at + 1)?;
    if lead == 0xE1 {
        // U+1EA0…U+1EF9 are E1 BA A0 to E1 BB B9: from the last bit of the
        // second byte and the low six of the third, 0x20 to 0x79.
        let third = *bytes.get(at + 2)?;
        let offset = (u32::from(second & 1) << 6 | u32::from(third & 0x3F)).wrapping_sub(0x20);
        return (second & 0xFE == 0xBA && offset < 0x5A).then_some((3, third & 1 == 1));
    }
    // The two-byte letters have leads C3 to C6: any other lead is past
    // the table's 256 entries.
    let index = usize::from(lead.wrapping_sub(0xC3)) << 6 | usize::from(second & 0x3F);
    match TWO_BYTE_LETTERS.get(index) {
        Some(&SMALL_LETTER) => Some((2, true)),
        Some(&CAPITAL_LETTER) => Some((2, false)),
        _ => None,
    }
}

/// The two-byte letters of [`vietnamese_letter_at`], by the low two bits
/// of the lead (C3 to C6) and the low six of the second byte: whether each
/// is a [`SMALL_LETTER`], a [`CAPITAL_LETTER`] or none (0).
const TWO_BYTE_LETTERS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut k = 0;
    while k < 256 {
        // C3 80 is U+00C0: the code points run on from there.
        table[k] = match 0xC0 + k as u32 {
            0xD7 | 0xF7 => 0,
            0xC0..=0xDE | 0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 | 0x1AF => CAPITAL_LETTER,
            0xDF..=0xFF | 0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => SMALL_LETTER,
            _ => 0,
        };
        k += 1;
    }
    table
};
const SMALL_LETTER: u8 = 1;
const CAPITAL_LETTER: u8 = 2;

/// Whether the ASCII punctuation `b` at byte `at` joins the word being
/// read (`all_digits` when it is digits so far) to what follows. Most
/// joiners end a word before a space or other ASCII: its class answers.
#[inline(always)]
fn joins_word(text: &str, at: usize, stop: usize, b: u8, all_digits: bool) -> bool {
    let Some(&next) = text.as_bytes()[..stop].get(at + 1) else {
        return false;
    };
    let class = BYTE_CLASS[next as usize];
    if class & HIGH != 0 {
        return joins_word_by_char(text, at, stop, b, all_digits);
    }
    match b {
        b'-' => !all_digits && next.is_ascii_lowercase(),
        b',' => all_digits && class & DIGIT != 0,
        b'.' | b'/' => class & WORD != 0 && next != b'\'',
        _ => false,
    }
}

/// [`joins_word`] read by the character that follows.
fn joins_word_by_char(text: &str, at: usize, stop: usize, b: u8, all_digits: bool) -> bool {
    match b {
        // A hyphen before a lower-case letter joins syllables of one
        // name ("Khăm-mơng"); before a capital it separates ("Nguyễn
        // Văn A-Chủ tịch").
        b'-' => !all_digits && char_before_stop(text, at + 1, stop).is_some_and(char::is_lowercase),
        // An inner joiner stays in the word when a word character
        // follows it directly: "T.Ư", "Đ/c", "3,23", "02.12.2020".
        b'.' | b'/' | b',' => match char_before_stop(text, at + 1, stop) {
            Some(a) if b == b',' => all_digits && a.is_ascii_digit(),
            Some(a) => is_word_char(a) && a != '\'',
            None => false,
        },
        _ => false,
    }
}

/// `text[start..end]` for a word the tokenizer read. It stands only on
/// character boundaries: it begins at one (a byte inside a character
/// begins no word and stops the reading with a panic in [`char_at`]) and
/// steps over whole characters. Slicing would check both ends again for
/// every word.
#[inline(always)]
fn scanned(text: &str, start: usize, end: usize) -> &str {
    debug_assert!(start <= end && text.is_char_boundary(start) && text.is_char_boundary(end));
    // SAFETY: `start..end` lies in `text` and both ends are character
    // boundaries, as said above.
    unsafe { text.get_unchecked(start..end) }
}

/// The token of the word `text[start..word.end]`.
fn word_token<'a>(
    text: &'a str,
    lower: Option<&'a str>,
    start: usize,
    word: WordEnd,
    space_before: bool,
) -> Token<'a> {
    let s = scanned(text, start, word.end);
    let kind = if word.number {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let key = match lower {
        // A plain word without capitals is its own lower case: most keys
        // are the word itself.
        Some(_) if word.plain && word.uncapitalized => plain_key(s, s),
        Some(lower) if word.plain => plain_key(s, &lower[start..word.end]),
        Some(lower) => vietnamese_key(s, &lower[start..word.end]).unwrap_or_else(|| word_key(s)),
        None => word_key(s),
    };
    Token {
        text: s,
        hash: key_hash(&key),
        key,
        start,
        end: word.end,
        kind,
        space_before,
        shape: word.shape,
    }
}

/// [`plain_word_key`], its commonest case answered here: a word ending in
/// ASCII is its own key. Kept in the tokenizer's loop whatever the
/// compiler makes of the general function.
#[inline(always)]
fn plain_key<'a>(word: &str, lower: &'a str) -> Cow<'a, str> {
    if lower.as_bytes().last().is_none_or(u8::is_ascii) {
        Cow::Borrowed(lower)
    } else {
        plain_word_key(word, lower)
    }
}

/// Lower cases of the words with a capital beyond ASCII that the news
/// writes most ("Đảng", "Đồng chí", "Ủy ban", "Đại hội", "HĐND", common
/// family and place names). Each is its own key: a token of one borrows it
/// rather than a string being made for it.
const COMMON_LOWERED: &[&str] = &[
    "đảng", "đồng", "ủy", "đại", "hđnd", "đức", "đoàn", "ảnh", "đề", "đến", "đình", "đặng", "đầu",
    "định", "địa", "đỗ", "đào", "đắk", "đông", "đbqh", "đạt", "đăng", "đinh", "điện",
];

/// The key of a word of ASCII and the letters Vietnamese writes beyond it
/// (see [`vietnamese_letter_at`]), from its ASCII lower case
/// `ascii_lower`: a common one's from [`COMMON_LOWERED`]. None for a word
/// of other letters.
fn vietnamese_key<'a>(word: &str, ascii_lower: &str) -> Option<Cow<'a, str>> {
    if let Some(common) = common_lowered(word, ascii_lower) {
        return Some(Cow::Borrowed(common));
    }
    Some(lowered_word_key(word, vietnamese_lower(word, ascii_lower)?))
}

/// The lower case of a word when it is one of [`COMMON_LOWERED`], lowered
/// on the stack rather than into a string.
fn common_lowered(word: &str, ascii_lower: &str) -> Option<&'static str> {
    let mut buf = [0u8; 16];
    let lowered = buf.get_mut(..ascii_lower.len())?;
    lowered.copy_from_slice(ascii_lower.as_bytes());
    lower_capitals(word.as_bytes(), lowered)?;
    COMMON_LOWERED
        .iter()
        .copied()
        .find(|k| k.as_bytes() == &lowered[..])
}

/// The lower case of a word of ASCII and the letters Vietnamese writes
/// beyond it, from its ASCII lower case `ascii_lower`. None for a word of
/// other letters.
fn vietnamese_lower(word: &str, ascii_lower: &str) -> Option<String> {
    let mut out = ascii_lower.as_bytes().to_vec();
    lower_capitals(word.as_bytes(), &mut out)?;
    String::from_utf8(out).ok()
}

/// Lowers in `out`, the ASCII lower case of the word `bytes`, the capitals
/// Vietnamese writes beyond ASCII: each has a lower case of its byte
/// length, a byte or two above it. None when the word has another letter.
fn lower_capitals(bytes: &[u8], out: &mut [u8]) -> Option<()> {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let (len, small) = vietnamese_letter_at(bytes, i)?;
        if !small {
            // À…Þ are 0x20 below their small letters; the others are one
            // below, in their last byte.
            if bytes[i] == 0xC3 {
                out[i + 1] += 0x20;
            } else {
                out[i + len - 1] += 1;
            }
        }
        i += len;
    }
    Some(())
}

/// Number of whitespace-separated words.
pub fn word_count(s: &str) -> usize {
    word_count_over(s, usize::MAX)
}

/// Number of words, counting no further than `max + 1`: enough to compare
/// with `max` without reading a long paragraph to its end. Sixteen bytes
/// are read at a time where none of them can be or begin whitespace other
/// than ASCII's: there the words that begin are the bytes after a space
/// that are none, counted in masks of the sixteen.
pub fn word_count_over(s: &str, max: usize) -> usize {
    let bytes = s.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    // Bytes read one at a time up to here, after sixteen that were not plain.
    let mut slow_to = 0;
    while i < bytes.len() {
        if i >= slow_to
            && let Some(sixteen) = bytes.get(i..i + 16)
        {
            if let Some(spaces) = plain_spaces(sixteen.try_into().expect("sixteen bytes")) {
                let solid = !spaces & 0xFFFF;
                let after_space = (spaces << 1 | u32::from(!in_word)) & 0xFFFF;
                words += (solid & after_space).count_ones() as usize;
                if words > max {
                    return max + 1;
                }
                in_word = solid >> 15 != 0;
                i += 16;
                continue;
            }
            slow_to = i + 16;
        }
        let (space, len) = space_step(s, i);
        if !space && !in_word {
            words += 1;
            if words > max {
                return words;
            }
        }
        in_word = !space;
        i += len;
    }
    words
}

/// The ASCII whitespace of sixteen bytes as a mask (byte k, bit k), when
/// none of them is or begins other whitespace: no byte may begin U+0085,
/// U+00A0 (0xC2), U+2000…U+205F (0xE2), U+3000 (0xE3) or U+1680 (0xE1
/// 0x9A: no 0x9A, and no 0xE1 last, whose next byte is unseen). None
/// otherwise.
#[inline(always)]
fn plain_spaces(sixteen: &[u8; 16]) -> Option<u32> {
    let (spaces, unusual, e1) = space_masks(sixteen);
    (unusual == 0 && e1 >> 15 == 0).then_some(spaces)
}

/// The masks [`plain_spaces`] reads: ASCII whitespace (the space, `\t` to
/// `\r`); the bytes 0xC2, 0xE2, 0xE3 and 0x9A; 0xE1.
#[inline(always)]
fn space_masks(sixteen: &[u8; 16]) -> (u32, u32, u32) {
    let v = Sixteen::load(sixteen);
    (
        v.equal(b' ') | v.within(b'\t', b'\r'),
        v.equal(0xC2) | v.equal(0x9A) | v.equal(0xE2) | v.equal(0xE3),
        v.equal(0xE1),
    )
}

/// [`space_masks`] one byte at a time, by the tokenizer's own classes.
#[cfg(test)]
fn space_masks_by_bytes(sixteen: &[u8; 16]) -> (u32, u32, u32) {
    use super::sixteen::mask_by_bytes;
    (
        mask_by_bytes(sixteen, |b| BYTE_CLASS[b as usize] & SPACE != 0),
        mask_by_bytes(sixteen, |b| matches!(b, 0xC2 | 0xE2 | 0xE3 | 0x9A)),
        mask_by_bytes(sixteen, |b| b == 0xE1),
    )
}

/// [`space_at`] for any byte `i` of `s`, even inside a character: a byte
/// that begins no whitespace character is one step of a word.
#[inline(always)]
pub(crate) fn space_step(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (BYTE_CLASS[b as usize] & SPACE != 0, 1);
    }
    if !matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
        return (false, 1);
    }
    space_at(s, i)
}

/// Whether a whitespace character (`char::is_whitespace`) starts at byte
/// `i` of `s` (a character boundary), and how many bytes to step. Only the
/// few sequences that begin non-ASCII whitespace (U+0085, U+00A0, U+1680,
/// U+2000…U+205F, U+3000) need the character decoded; their second byte
/// tells them from the letters sharing their lead byte (U+1E00…U+1EFF
/// begin with 0xE1 too).
#[inline]
fn space_at(s: &str, i: usize) -> (bool, usize) {
    let bytes = s.as_bytes();
    let lead = bytes[i];
    if lead < 0x80 {
        return (
            matches!(lead, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'),
            1,
        );
    }
    let len = match lead {
        0x80..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    };
    let second = bytes.get(i + 1).copied();
    let may_be_space = match lead {
        0xC2 => matches!(second, Some(0x85 | 0xA0)),
        0xE1 => second == Some(0x9A),
        0xE2 => matches!(second, Some(0x80 | 0x81)),
        0xE3 => second == Some(0x80),
        _ => false,
    };
    if !may_be_space {
        return (false, len);
    }
    s[i..]
        .chars()
        .next()
        .map_or((false, len), |c| (c.is_whitespace(), c.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`word_count_over`] one byte at a time.
    fn word_count_over_by_bytes(s: &str, max: usize) -> usize {
        let bytes = s.as_bytes();
        let (mut count, mut in_word, mut i) = (0, false, 0);
        while i < bytes.len() {
            let (space, len) = space_step(s, i);
            if !space && !in_word {
                count += 1;
                if count > max {
                    break;
                }
            }
            in_word = !space;
            i += len;
        }
        count
    }

    /// Each token's key, hash and shape as they are made for one word
    /// alone, without the pass that finds the word.
    fn assert_made_alone(tokens: &[Token<'_>]) {
        for t in tokens {
            assert_eq!(t.hash, key_hash(&t.key), "{t:?}");
            assert_eq!(t.shape, Shape::of(t.kind, t.text), "{t:?}");
            if t.kind != TokenKind::Punct {
                assert_eq!(t.key, word_key(t.text), "{t:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// Each token is the text of its range, read between character
        /// boundaries, in any range of a text.
        #[test]
        fn tokens_are_the_text_of_their_ranges(
            t in "[aA ủỦ…\u{a0}\u{1680}𝒜“.,/-]{0,30}",
            a in 0usize..40,
            b in 0usize..40,
        ) {
            let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            let (x, y) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let range = x.min(y)..x.max(y);
            let lower = t.to_ascii_lowercase();
            for tok in tokenize_keyed(&t, &lower, range.clone()) {
                prop_assert!(range.start <= tok.start && tok.end <= range.end);
                prop_assert_eq!(tok.text, &t[tok.start..tok.end]);
            }
        }

        /// The byte search finds the ellipses a search for the
        /// character finds.
        #[test]
        fn ellipses_are_found_by_their_last_byte(
            t in "[a …\u{1ea6}\u{1ee6}æЦ\u{2025}\u{20a6}]{0,20}",
            from in 0usize..40,
        ) {
            let from = from.min(t.len());
            let by_chars = t.char_indices()
                .find(|&(i, c)| i >= from && c == '…')
                .map(|(i, _)| i);
            prop_assert_eq!(find_ellipsis(t.as_bytes(), from), by_chars);
        }

        /// Lowering a word a character at a time tells the abbreviations
        /// that lowering it as a string tells.
        #[test]
        fn abbreviation_words_are_told_as_by_their_lower_case(
            w in "[tTpPxXđĐôÔnNgGsSốỐbBàÀ/.vV\u{130}Σ\u{212A}]{0,5}"
        ) {
            let alone = NO_BREAK_BEFORE_PERIOD.contains(&w.to_lowercase().as_str());
            prop_assert_eq!(is_abbreviation_word(&w), alone);
        }

        /// Trimming by bytes cuts what trimming by characters cuts.
        #[test]
        fn pieces_are_trimmed_by_bytes_as_by_characters(
            piece in "[ a.\t\n\u{a0}\u{85}\u{3000}\u{1680}\u{1681}\u{2028}“ồ]{0,12}"
        ) {
            let cut = (piece.len() - piece.trim_start().len(), piece.trim());
            prop_assert_eq!(trim_counting_lead(&piece), cut);
            prop_assert_eq!(trim_piece_counting_lead(&piece), cut);
        }

        /// A joiner's class of the byte after it tells what the
        /// character after it tells.
        #[test]
        fn joiners_are_told_by_the_byte_after_as_by_the_character(
            t in "[-.,/][\u{20}-\u{7e}ăĂ\u{1ea0}\u{1ea1}×Σσ]?",
            all_digits in any::<bool>(),
            cut in 0usize..4,
        ) {
            let stop = (1 + cut).min(t.len());
            let stop = (stop..=t.len()).find(|&k| t.is_char_boundary(k)).unwrap_or(t.len());
            let b = t.as_bytes()[0];
            prop_assert_eq!(
                joins_word(&t, 0, stop, b, all_digits),
                joins_word_by_char(&t, 0, stop, b, all_digits)
            );
        }

        /// Counting sixteen bytes at a time counts the words one byte at a
        /// time counts, whatever whitespace falls in or across the sixteen.
        #[test]
        fn words_counted_sixteen_bytes_at_a_time_equal_the_plain_count(
            s in "([ab ]{1,9}|ồ|ạ|\u{1e9a}|\u{1680}|\u{1681}|\u{a0}|\u{85}|\u{2003}|\u{2028}|“|\t|\n|\u{1}|\u{7f}){0,40}",
            max in 0usize..60,
        ) {
            prop_assert_eq!(word_count_over(&s, max), word_count_over_by_bytes(&s, max));
        }

        /// The one pass over a word gives the key, hash and shape that
        /// reading the word again for each of them gives.
        #[test]
        fn one_pass_tokens_equal_tokens_made_alone(
            t in "[aAoOuUyYkKhH'’0-9 .,/&_-ăĂđĐơƠưƯủỦỷỶòÒàÀýÝầẦ×ñÑǅΑβ٣\u{300}\u{301}]{0,40}"
        ) {
            let lower = t.to_ascii_lowercase();
            let keyed = tokenize_keyed(&t, &lower, 0..t.len());
            prop_assert_eq!(&keyed, &tokenize(&t, 0..t.len()));
            assert_made_alone(&keyed);
        }
    }

    #[test]
    fn pieces_are_trimmed_as_by_characters() {
        for piece in [
            "",
            " ",
            "a",
            "a.",
            " a.",
            "a. ",
            "Đ.",
            "ồ",
            "ồ.",
            "\u{a0}a.",
            "a\u{3000}",
            "\u{1680}a",
            "\u{1681}a.",
            "\u{2028}a",
            "\ta\n",
            "“a”",
            "a\u{85}",
        ] {
            let (lead, t) = trim_counting_lead(piece);
            assert_eq!(t, piece.trim(), "{piece:?}");
            assert_eq!(lead, piece.len() - piece.trim_start().len(), "{piece:?}");
        }
    }

    #[test]
    fn space_masks_by_vector_equal_the_masks_by_bytes() {
        for first in 0..=255u8 {
            let mut sixteen = [0u8; 16];
            for (k, b) in sixteen.iter_mut().enumerate() {
                *b = first.wrapping_add((k as u8).wrapping_mul(23));
            }
            assert_eq!(space_masks(&sixteen), space_masks_by_bytes(&sixteen));
        }
    }

    #[test]
    fn one_byte_keys_are_hashed_as_keys_are() {
        for b in 0u8..128 {
            let key = (b as char).to_string();
            assert_eq!(ONE_BYTE_HASH[b as usize], key_hash(&key), "{b}");
        }
    }

    /// The common words are their own keys, written in capitals or not,
    /// as the key of the word read on its own says.
    #[test]
    fn common_lowered_words_are_their_own_keys() {
        for &w in COMMON_LOWERED {
            let mut chars = w.chars();
            let first = chars.next().unwrap();
            let capitalized: String = first.to_uppercase().chain(chars).collect();
            for word in [w.to_string(), capitalized, w.to_uppercase()] {
                let lower = word.to_ascii_lowercase();
                let keyed = tokenize_keyed(&word, &lower, 0..word.len());
                assert_eq!(keyed, tokenize(&word, 0..word.len()), "{word}");
                assert_eq!(keyed.len(), 1, "{word}");
                assert_eq!(keyed[0].key, w, "{word}");
            }
        }
    }

    #[test]
    fn vietnamese_capitals_are_lowered_as_characters_are() {
        let mut told = 0;
        for c in (0x80..0x2000).filter_map(char::from_u32) {
            let word = format!("A{c}b");
            if let Some(lowered) = vietnamese_lower(&word, &word.to_ascii_lowercase()) {
                told += 1;
                assert_eq!(lowered, word.to_lowercase(), "{c:?}");
            }
        }
        assert_eq!(told, 62 + 12 + 90);
    }

    #[test]
    fn letters_told_by_their_bytes_are_told_as_by_their_characters() {
        let mut told = 0;
        for c in (0x80..0x2000).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if let Some((len, small)) = vietnamese_letter_at(bytes, 0) {
                told += 1;
                assert_eq!(len, c.len_utf8(), "{c:?}");
                assert!(is_word_char(c) && !is_numeric(c), "{c:?}");
                assert_eq!(small, !is_upper(c), "{c:?}");
                assert_eq!(is_plain_letter(c), small, "{c:?}");
            }
        }
        // Latin-1 letters, ă đ ĩ ũ ơ ư with capitals, U+1EA0…U+1EF9.
        assert_eq!(told, 62 + 12 + 90);
    }

    #[test]
    fn plain_letters_are_those_whose_lower_case_is_plain() {
        for c in (0..0x2000).filter_map(char::from_u32) {
            let plain = c.is_ascii() || (has_plain_lower(c) && !is_upper(c));
            assert_eq!(is_plain_letter(c), plain, "{c:?}");
        }
    }

    #[test]
    fn abbreviations_are_found_in_any_case() {
        for before in [
            "Bí thư TP",
            "tp",
            "ĐC",
            "Đ/c",
            "ÔNG",
            "v.V",
            "(ThS",
            "số",
            "\u{212A}S",
            "x",
            "GS",
        ] {
            assert!(is_abbreviation(before), "{before}");
        }
        for before in ["họp", "TPHCM", "Ông Ba", "ỦY", "ΣΣ", ""] {
            let word = before.rsplit(' ').next().unwrap_or("");
            let alone = NO_BREAK_BEFORE_PERIOD.contains(&word.to_lowercase().as_str());
            assert_eq!(is_abbreviation(before), alone, "{before}");
        }
    }

    #[test]
    fn name_shapes_are_read_in_the_word_pass() {
        let t = "Hải H'Hen K’Nhiên Phông-tha-đi HĐND Đ/c A3 Nguyễn Khămmơngxay Y";
        let toks = tokenize(t, 0..t.len());
        assert_made_alone(&toks);
        let names: Vec<&str> = toks
            .iter()
            .filter(|t| t.shape.name_like)
            .map(|t| t.text)
            .collect();
        assert_eq!(
            names,
            ["Hải", "H'Hen", "K’Nhiên", "Phông-tha-đi", "Nguyễn", "Y"]
        );
    }

    #[test]
    fn word_counts_split_on_every_kind_of_space() {
        for s in [
            "",
            "  ",
            "Bí thư  Tỉnh ủy",
            " a\u{a0}b\u{2003}c\u{3000}d\u{85}e\u{1680}f\u{202f}g\u{0b}h ",
            "ồ—ồ “x” \u{2028}y",
        ] {
            let all = s.split_whitespace().count();
            assert_eq!(word_count(s), all, "{s:?}");
            for max in 0..all + 2 {
                assert_eq!(word_count_over(s, max), all.min(max + 1), "{s:?} {max}");
            }
        }
    }

    #[test]
    fn lines_are_trimmed_and_positioned() {
        let t = "  ab \n\n c\n";
        let ls = lines(t);
        assert_eq!(ls.len(), 2);
        assert_eq!(ls[0].as_str(t), "ab");
        assert_eq!(ls[1].as_str(t), "c");
    }

    #[test]
    fn overlong_sentences_are_cut_at_list_separators() {
        let t = "Nguyễn Văn An, Bí thư; ".repeat(2000) + "Đặng Thị Bình";
        let pieces = sentences(&t, 0..t.len());
        assert!(pieces.len() > 4, "{} pieces", pieces.len());
        for r in &pieces {
            assert!(r.len() <= MAX_SENTENCE_BYTES);
            assert!(t[r.clone()].starts_with("Nguyễn") || t[r.clone()].starts_with("Đặng"));
        }
        // Nothing is lost but the separating spaces.
        let kept: usize = pieces.iter().map(|r| r.len()).sum();
        assert_eq!(kept + pieces.len() - 1, t.len());
        let unbroken = "ồ".repeat(10_000);
        assert!(
            sentences(&unbroken, 0..unbroken.len())
                .iter()
                .all(|r| unbroken.is_char_boundary(r.end))
        );
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
    fn byte_classes_agree_with_the_character_tests() {
        for b in 0u8..128 {
            let c = b as char;
            let class = BYTE_CLASS[b as usize];
            assert_eq!(class & SPACE != 0, c.is_whitespace(), "{c:?}");
            assert_eq!(class & WORD != 0, is_word_char(c), "{c:?}");
            assert_eq!(class & DIGIT != 0, c.is_ascii_digit(), "{c:?}");
            assert_eq!(class & UPPER != 0, is_upper(c), "{c:?}");
            assert_eq!(
                class & JOINER != 0,
                matches!(c, '-' | '.' | '/' | ','),
                "{c:?}"
            );
            assert_eq!(class & HIGH, 0, "{c:?}");
        }
        assert!(BYTE_CLASS[128..].iter().all(|&class| class == HIGH));
    }

    #[test]
    fn keys_sliced_from_the_lower_case_equal_keys_made_alone() {
        let t = "Ủy ban UBND tỉnh Hoà Bình, THUỶ lợi; Ông Āli Ê-đê ĐỨC quý khoẻ \
                 Nguyễn Văn A-Chủ tịch 3,23% Ho\u{300}a ĂN Ɓa x’y UVT.Ư Đ/c";
        let lower = t.to_ascii_lowercase();
        assert_eq!(lower.len(), t.len());
        let alone = tokenize(t, 0..t.len());
        let keyed = tokenize_keyed(t, &lower, 0..t.len());
        assert_eq!(alone, keyed);
        let keys: Vec<&str> = keyed.iter().map(|t| t.key.as_ref()).collect();
        for k in [
            "ủy", "ubnd", "hòa", "thủy", "ông", "đức", "quý", "khỏe", "ăn",
        ] {
            assert!(keys.contains(&k), "{k} in {keys:?}");
        }
        // Words of ordinary letters borrow their keys.
        assert!(
            keyed
                .iter()
                .filter(|t| t.text == "UBND")
                .all(|t| matches!(t.key, Cow::Borrowed(_)))
        );
    }

    #[test]
    fn sentences_end_at_ellipses_and_closing_quotes() {
        let t = "Ông nói: “Tốt.” Bà hỏi… Vì sao? (Xong). 2 việc… và 3.";
        let ss: Vec<&str> = sentences(t, 0..t.len())
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(
            ss,
            vec![
                "Ông nói: “Tốt.”",
                "Bà hỏi…",
                "Vì sao?",
                "(Xong).",
                "2 việc… và 3."
            ]
        );
        // A range inside a text: positions are the text's.
        let r = sentences(t, 4..t.len());
        assert_eq!(&t[r[0].clone()], "nói: “Tốt.”");
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

    #[test]
    fn all_caps_are_two_letters_or_more_all_upper_case() {
        let text = "UBND HĐND T.Ư Ủy ỦY A Đ/c ĐC-3 3A ǅA ΑΒ Hà";
        let caps: Vec<&str> = tokenize(text, 0..text.len())
            .into_iter()
            .filter(|t| t.is_all_caps())
            .map(|t| t.text)
            .collect();
        assert_eq!(caps, ["UBND", "HĐND", "T.Ư", "ỦY", "ĐC", "ΑΒ"]);
    }
}
