//! Documents discussed: drafts ("dự thảo Quy chế làm việc …"), numbered
//! plans and resolutions ("Kế hoạch số 153-KH/TU"), and named documents the
//! meeting agreed on or commented ("thống nhất với Đề án …").

use std::ops::Range;
use std::sync::LazyLock;

use regex_automata::{Anchored, Input, meta};

use super::doc::{Doc, clean};
use super::{Document, Span};
use crate::gazetteer::FirstWords;
use crate::text::fold;
use crate::text::pattern::{Bounded, next_char};
use crate::text::segment::{Token, TokenKind, is_numeric};

/// The most documents reported for one article.
const MAX_DOCUMENTS: usize = 100;

/// A document number: "153-KH/TU", "06-NQ/TU", "45/2025/NĐ-CP", "175/2024/QH15".
const NUMBER_PATTERN: &str =
    r"\b\d{1,4}(?:/\d{4})?[-/][A-ZĐ][A-ZĐƯ&]*\d{0,3}(?:[-/][A-ZĐƯ][A-ZĐƯ&.]*\d{0,3})*\b";

/// [`NUMBER_PATTERN`], tried only where a number may begin (see
/// [`numbers`]).
static NUMBER: LazyLock<meta::Regex> =
    LazyLock::new(|| meta::Regex::new(NUMBER_PATTERN).expect("number pattern compiles"));

/// A document type word before a number or a title.
static NAMED: LazyLock<Bounded> = LazyLock::new(|| {
    Bounded::new(
        r"(?:(?i:dự thảo)\s+|\b(?:Kế hoạch|Nghị quyết|Quyết định|Chỉ thị|Kết luận|Thông báo|Quy định|Quy chế|Đề án|Chương trình|Hướng dẫn|Nghị định|Thông tư|Báo cáo|Tờ trình)\s+số\s+)",
        3,
    )
});
/// Verbs whose object is a document ("thống nhất với Đề án …").
static DISCUSSED: LazyLock<Bounded> = LazyLock::new(|| {
    Bounded::new(
        r"(?i)(?:cho ý kiến (?:vào|về|đối với)|thảo luận(?: về)?|thông qua|thống nhất(?: với)?|xem xét|góp ý(?: vào)?|ban hành|tổng kết|sơ kết)\s+(?:các\s+|việc\s+)?((?:Đề án|Kế hoạch|Nghị quyết|Chương trình|Quy chế|Quy định|Báo cáo|Tờ trình|Chỉ thị|Kết luận)\b)",
        8,
    )
});

/// The first number in `s` (see [`numbers`]), when it begins before
/// `before`. Every number has a dash or
/// slash before a capital ("-KH", "/NĐ"): text without one is not searched.
fn number_in(s: &str, before: usize) -> Option<Range<usize>> {
    let b = s.as_bytes();
    let capital_after = |i: usize| {
        b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
            || (b.get(i + 1) == Some(&0xC4) && b.get(i + 2) == Some(&0x90))
    };
    memchr::memchr2_iter(b'-', b'/', b)
        .any(capital_after)
        .then(|| numbers_starting_before(s, before).next())
        .flatten()
}

/// The document numbers in `s`, as `NUMBER_PATTERN` finds them one after
/// another. A number begins with a digit and holds only digits, capitals,
/// `&`, `.`, `-` and `/`: the pattern is tried anchored at each digit that
/// may begin one, over the run of such characters from it, with the text
/// around as its context. Searching the whole text would walk its every
/// byte through the backtracker the pattern's word boundaries need.
fn numbers(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    numbers_starting_before(s, s.len())
}

/// The numbers of [`numbers`] that begin before `limit`.
fn numbers_starting_before(s: &str, limit: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(at) = next_number_start(s, from, limit) {
            let end = at
                + s[at..]
                    .find(|c: char| !in_number(c))
                    .unwrap_or(s.len() - at);
            let input = Input::new(s).span(at..end).anchored(Anchored::Yes);
            if let Some(m) = NUMBER.find(input) {
                from = m.end();
                return Some(m.range());
            }
            from = next_char(s, at);
        }
        from = s.len();
        None
    })
}

/// Whether a character may stand in a document number.
fn in_number(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'Đ' | 'Ư' | '&' | '.' | '-' | '/') || is_numeric(c)
}

/// The first place at or after `from`, and before `limit`, where a number
/// may begin: a digit not right after an ASCII digit (no word boundary
/// there), whose run of ASCII digits is followed by a dash or slash, or by
/// what may be a digit.
fn next_number_start(s: &str, mut from: usize, limit: usize) -> Option<usize> {
    let b = s.as_bytes();
    while from < limit {
        let at = next_numeric(s, from, limit)?;
        let c = s[at..].chars().next()?;
        from = at + c.len_utf8();
        if at > 0 && b[at - 1].is_ascii_digit() {
            continue;
        }
        if !c.is_ascii() {
            return Some(at);
        }
        let run = b[at..].iter().take_while(|d| d.is_ascii_digit()).count();
        let next = s[at + run..].chars().next();
        if next.is_some_and(|n| matches!(n, '-' | '/') || (!n.is_ascii() && is_numeric(n))) {
            return Some(at);
        }
    }
    None
}

/// Where the first numeric character at or after `from` and before
/// `limit` stands: ASCII bytes are read as bytes, and only other
/// characters decoded.
fn next_numeric(s: &str, from: usize, limit: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = from;
    while i < limit {
        if b[i].is_ascii() {
            if b[i].is_ascii_digit() {
                return Some(i);
            }
            i += 1;
            continue;
        }
        let c = s[i..].chars().next()?;
        if is_numeric(c) {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

/// Reads the documents of an article.
pub fn extract(doc: &Doc) -> Vec<Document> {
    let mut out: Vec<Document> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for s in doc.sentences() {
        let text = &doc.text[s.range()];
        let Some(cues) = Cues::of(s.tokens, text) else {
            continue;
        };
        for st in starts(text, cues) {
            let Some((piece, len)) = named_at(&text[st..]) else {
                continue;
            };
            let key = fold(&piece);
            // Only a key as long or longer can hold another: the length
            // rules out most pairs before a search.
            if keys.iter().any(|k| {
                (k.len() >= key.len() && holds(k, &key)) || (key.len() >= k.len() && holds(&key, k))
            }) {
                continue;
            }
            // Comparing each with all is fine for an article's documents;
            // a page with hundreds is not an article.
            if out.len() >= MAX_DOCUMENTS {
                return out;
            }
            keys.push(key);
            let number = number_in(&piece, piece.len()).map(|m| piece[m].to_string());
            out.push(Document {
                text: clean(&piece),
                number,
                span: Span::new(s.start + st, s.start + st + len),
            });
        }
    }
    out
}

/// Whether `hay` holds `needle`, as `str::contains` tells. Keys are a
/// few dozen bytes and each is searched for once or twice: a searcher's
/// set-up would cost more than trying each place holding the needle's
/// first byte.
fn holds(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, _)) = needle.split_first() else {
        return true;
    };
    let Some(last_start) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    memchr::memchr_iter(first, &hay[..=last_start]).any(|p| &hay[p..p + needle.len()] == needle)
}

/// Which ways a sentence may name a document, found by cheap checks on
/// its tokens and bytes first: most sentences name none.
#[derive(Clone, Copy)]
struct Cues {
    /// "dự thảo …", "số 12 …".
    named: bool,
    /// A capitalized document word with a verb of discussing it.
    discussed: bool,
    /// "153-KH/TU", "12/NQ-TU": a digit, a dash or slash, a capital.
    numbered: bool,
}

/// The first words of every cue [`Cues::of`] reads: a token none of them
/// may be is passed over after one bit test.
static CUE_WORDS: LazyLock<FirstWords> = LazyLock::new(|| {
    let mut words = FirstWords::default();
    words.insert_words(&["dự", "số"]);
    words.insert_words(DOCUMENT_HEADS);
    words.insert_words(&DISCUSSING.map(|(first, _)| first));
    words
});

/// The first words of capitalized document names ("Đề án", "Kế hoạch").
const DOCUMENT_HEADS: &[&str] = &[
    "đề", "kế", "nghị", "chương", "quy", "báo", "tờ", "chỉ", "kết",
];
/// Verbs of discussing a document, as pairs of words.
const DISCUSSING: [(&str, &str); 9] = [
    ("ý", "kiến"),
    ("thảo", "luận"),
    ("thông", "qua"),
    ("thống", "nhất"),
    ("xem", "xét"),
    ("góp", "ý"),
    ("ban", "hành"),
    ("tổng", "kết"),
    ("sơ", "kết"),
];

impl Cues {
    /// The cues of a sentence, read in one pass over its tokens.
    fn of(toks: &[Token<'_>], text: &str) -> Option<Cues> {
        let words = &*CUE_WORDS;
        let (mut named, mut head, mut verb) = (false, false, false);
        for (i, t) in toks.iter().enumerate() {
            if !words.may_hold(t) {
                continue;
            }
            let next = toks.get(i + 1);
            let key = t.key.as_ref();
            named |= next.is_some_and(|n| {
                (key == "dự" && n.is("thảo")) || (key == "số" && n.kind == TokenKind::Number)
            });
            head |= t.is_capitalized() && DOCUMENT_HEADS.contains(&key);
            verb |= next.is_some_and(|n| DISCUSSING.contains(&(key, n.key.as_ref())));
        }
        let discussed = head && verb;
        let numbered = numbered_cue(text);
        (named || discussed || numbered).then_some(Cues {
            named,
            discussed,
            numbered,
        })
    }
}

/// Whether a text may hold a document number: a digit, a dash or slash,
/// then a capital ("153-KH/TU", "12/NQ-TU").
fn numbered_cue(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'-', b'/', b).any(|i| {
        i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1)
                .is_some_and(|&c| c.is_ascii_uppercase() || c >= 0xC3)
    })
}

/// Where documents' names may begin in a sentence, in order, once each.
fn starts(text: &str, cues: Cues) -> Vec<usize> {
    let mut starts: Vec<usize> = if cues.named {
        NAMED.starts(text).collect()
    } else {
        Vec::new()
    };
    if cues.discussed {
        starts.extend(
            DISCUSSED
                .captures_iter(text)
                .filter_map(|c| c.get(1))
                .map(|m| m.start()),
        );
    }
    // A bare number names its document by the words before it.
    for m in numbers(if cues.numbered { text } else { "" }) {
        let before = &text[..m.start];
        let typed = before.rfind(|c: char| c.is_uppercase()).unwrap_or(m.start);
        if m.start - typed <= 24 && !starts.iter().any(|&s| s <= m.start && m.start - s < 40) {
            starts.push(typed);
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// The document named at the start of `rest` (up to 24 words, to the first
/// stop), and its length in `rest`; None when it is under two words.
fn named_at(rest: &str) -> Option<(String, usize)> {
    let mut end = stop_in(rest).unwrap_or(rest.len());
    // Keep the dot inside a number like "153-KH/TU." only at its end.
    if let Some(m) = number_in(rest, end)
        && m.end > end
    {
        end = m.end;
    }
    // The words joined by single spaces, written as they are read, into
    // room for all of them made once.
    let mut piece = String::with_capacity(end);
    let (mut count, mut last) = (0, "");
    for word in rest[..end].split_whitespace().take(24) {
        if count > 0 {
            piece.push(' ');
        }
        piece.push_str(word);
        (count, last) = (count + 1, word);
    }
    if count < 2 {
        return None;
    }
    let len = rest[..end].find(last).map_or(end, |p| p + last.len());
    Some((piece, len))
}

/// Where the first stop of a name stands: `,` `;` `:` `(` `)` `.` `"`
/// or `“`, read byte by byte (`“` is E2 80 9C in UTF-8).
fn stop_in(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    b.iter().enumerate().position(|(i, &c)| {
        matches!(c, b',' | b';' | b':' | b'(' | b')' | b'.' | b'"')
            || (c == 0xE2 && b.get(i + 1..i + 3) == Some(&[0x80, 0x9C][..]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_and_holds_are_the_library_ones() {
        for text in [
            "Kế hoạch số 153-KH/TU, ngày 5",
            "Đề án “Phát triển” và",
            "dự thảo Quy chế làm việc (sửa đổi)",
            "Nghị quyết; a: b. c\"d",
            "không có dấu ngắt nào ở đây",
            "— – … ”",
            "",
        ] {
            assert_eq!(
                stop_in(text),
                text.find([',', ';', ':', '(', ')', '.', '“', '"']),
                "{text}"
            );
            for needle in ["", "ke hoach", "”", "a", "đề án “phát", "ây", text] {
                assert_eq!(
                    holds(text, needle),
                    text.contains(needle),
                    "{text} {needle}"
                );
                assert_eq!(
                    holds(needle, text),
                    needle.contains(text),
                    "{text} {needle}"
                );
            }
        }
    }

    /// The cues read in one screened pass are those of the plain reading:
    /// every window of two tokens and every token asked.
    #[test]
    fn screened_cues_are_the_plain_ones() {
        fn plain(toks: &[Token<'_>]) -> (bool, bool) {
            let named = toks.windows(2).any(|w| {
                (w[0].is("dự") && w[1].is("thảo"))
                    || (w[0].is("số") && w[1].kind == TokenKind::Number)
            });
            let discussed = toks
                .iter()
                .any(|t| t.is_capitalized() && DOCUMENT_HEADS.contains(&t.key.as_ref()))
                && toks
                    .windows(2)
                    .any(|w| DISCUSSING.contains(&(w[0].key.as_ref(), w[1].key.as_ref())));
            (named, discussed)
        }
        for text in [
            "Hội nghị thảo luận, cho ý kiến vào dự thảo Đề án số 5.",
            "DỰ THẢO kế hoạch; Số 12 và số mười; Thông qua Nghị quyết",
            "Tờ trình, báo cáo, ban hành; góp ý; sơ kết; tổng kết Chỉ thị",
            "Không có gì ở đây, 153-KH/TU",
            "số",
            "",
        ] {
            let toks = crate::text::segment::tokenize(text, 0..text.len());
            let cues = Cues::of(&toks, text);
            let got = cues.map_or((false, false), |c| (c.named, c.discussed));
            assert_eq!(got, plain(&toks), "{text}");
        }
    }

    #[test]
    fn document_numbers() {
        for n in [
            "153-KH/TU",
            "06-NQ/TU",
            "45/2025/NĐ-CP",
            "175/2024/QH15",
            "04-ĐA/TU",
        ] {
            assert_eq!(numbers(n).next().map(|m| &n[m]), Some(n), "{n}");
        }
        assert!(numbers("5/11").next().is_none());
        let text = "Kế hoạch 153-KH/TU và 12-NQ/TU";
        let before: Vec<_> = numbers_starting_before(text, 25).collect();
        assert_eq!(before.len(), 1);
        assert_eq!(&text[before[0].clone()], "153-KH/TU");
        assert!(numbers("2020-2025").next().is_none());
    }

    #[test]
    fn numbers_are_those_the_pattern_finds() {
        let text = "Kế hoạch 153-KH/TU, 12/2024/NĐ-CP và x5-KH, 5/11, ٣-KH, ⁹-KH và 2020-2025 12345-KH 1234-KH.";
        let found: Vec<&str> = numbers(text).map(|m| &text[m]).collect();
        let expected: Vec<&str> = regex::Regex::new(NUMBER_PATTERN)
            .unwrap()
            .find_iter(text)
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, expected);
        assert_eq!(found, ["153-KH/TU", "12/2024/NĐ-CP", "٣-KH", "1234-KH"]);
    }
}
