//! Documents discussed: drafts ("dự thảo Quy chế làm việc …"), numbered
//! plans and resolutions ("Kế hoạch số 153-KH/TU"), and named documents the
//! meeting agreed on or commented ("thống nhất với Đề án …").

use std::sync::LazyLock;

use crate::text::pattern::Pattern;

use super::doc::{Doc, clean};
use super::{Document, Span};
use crate::text::fold;
use crate::text::segment::{Token, TokenKind};

/// The most documents reported for one article.
const MAX_DOCUMENTS: usize = 100;

/// A document number: "153-KH/TU", "06-NQ/TU", "45/2025/NĐ-CP", "175/2024/QH15".
static NUMBER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"\b\d{1,4}(?:/\d{4})?[-/][A-ZĐ][A-ZĐƯ&]*\d{0,3}(?:[-/][A-ZĐƯ][A-ZĐƯ&.]*\d{0,3})*\b",
    )
});
/// A document type word before a number or a title.
static NAMED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?:(?i:dự thảo)\s+|\b(?:Kế hoạch|Nghị quyết|Quyết định|Chỉ thị|Kết luận|Thông báo|Quy định|Quy chế|Đề án|Chương trình|Hướng dẫn|Nghị định|Thông tư|Báo cáo|Tờ trình)\s+số\s+)",
    )
});
/// Verbs whose object is a document ("thống nhất với Đề án …").
static DISCUSSED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)(?:cho ý kiến (?:vào|về|đối với)|thảo luận(?: về)?|thông qua|thống nhất(?: với)?|xem xét|góp ý(?: vào)?|ban hành|tổng kết|sơ kết)\s+(?:các\s+|việc\s+)?((?:Đề án|Kế hoạch|Nghị quyết|Chương trình|Quy chế|Quy định|Báo cáo|Tờ trình|Chỉ thị|Kết luận)\b)",
    )
});

/// The first [`NUMBER`] in `s`. Every number has a dash or slash before a
/// capital ("-KH", "/NĐ"): text without one is not searched.
fn number_in(s: &str) -> Option<regex::Match<'_>> {
    let b = s.as_bytes();
    let capital_after = |i: usize| {
        b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
            || (b.get(i + 1) == Some(&0xC4) && b.get(i + 2) == Some(&0x90))
    };
    b.iter()
        .enumerate()
        .any(|(i, &c)| matches!(c, b'-' | b'/') && capital_after(i))
        .then(|| NUMBER.find(s))
        .flatten()
}

/// Reads the documents of an article.
pub fn extract(doc: &Doc) -> Vec<Document> {
    let mut out: Vec<Document> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for s in doc.sentences() {
        let text = &doc.text[s.range()];
        let Some(cues) = Cues::of(&s.tokens, text) else {
            continue;
        };
        for st in starts(text, cues) {
            let Some((piece, len)) = named_at(&text[st..]) else {
                continue;
            };
            let key = fold(&piece);
            if keys
                .iter()
                .any(|k| k.contains(&key) || key.contains(k.as_str()))
            {
                continue;
            }
            // Comparing each with all is fine for an article's documents;
            // a page with hundreds is not an article.
            if out.len() >= MAX_DOCUMENTS {
                return out;
            }
            keys.push(key);
            let number = number_in(&piece).map(|m| m.as_str().to_string());
            out.push(Document {
                text: clean(&piece),
                number,
                span: Span::new(s.start + st, s.start + st + len),
            });
        }
    }
    out
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

impl Cues {
    fn of(toks: &[Token<'_>], text: &str) -> Option<Cues> {
        let named = toks.windows(2).any(|w| {
            (w[0].is("dự") && w[1].is("thảo")) || (w[0].is("số") && w[1].kind == TokenKind::Number)
        });
        let discussed = toks.iter().any(|t| {
            t.is_capitalized()
                && matches!(
                    t.key.as_ref(),
                    "đề" | "kế" | "nghị" | "chương" | "quy" | "báo" | "tờ" | "chỉ" | "kết"
                )
        }) && toks.windows(2).any(|w| {
            matches!(
                (w[0].key.as_ref(), w[1].key.as_ref()),
                ("ý", "kiến")
                    | ("thảo", "luận")
                    | ("thông", "qua")
                    | ("thống", "nhất")
                    | ("xem", "xét")
                    | ("góp", "ý")
                    | ("ban", "hành")
                    | ("tổng", "kết")
                    | ("sơ", "kết")
            )
        });
        let numbered = text.as_bytes().windows(3).any(|w| {
            w[0].is_ascii_digit()
                && (w[1] == b'-' || w[1] == b'/')
                && (w[2].is_ascii_uppercase() || w[2] >= 0xC3)
        });
        (named || discussed || numbered).then_some(Cues {
            named,
            discussed,
            numbered,
        })
    }
}

/// Where documents' names may begin in a sentence, in order, once each.
fn starts(text: &str, cues: Cues) -> Vec<usize> {
    let mut starts: Vec<usize> = if cues.named {
        NAMED.find_iter(text).map(|m| m.start()).collect()
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
    for m in NUMBER.find_iter(if cues.numbered { text } else { "" }) {
        let before = &text[..m.start()];
        let typed = before
            .rfind(|c: char| c.is_uppercase())
            .unwrap_or(m.start());
        if m.start() - typed <= 24 && !starts.iter().any(|&s| s <= m.start() && m.start() - s < 40)
        {
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
    let mut end = rest
        .find([',', ';', ':', '(', ')', '.', '“', '"'])
        .unwrap_or(rest.len());
    // Keep the dot inside a number like "153-KH/TU." only at its end.
    if let Some(m) = number_in(rest)
        && m.start() < end
        && m.end() > end
    {
        end = m.end();
    }
    let words: Vec<&str> = rest[..end].split_whitespace().take(24).collect();
    if words.len() < 2 {
        return None;
    }
    let last = words.last().copied().unwrap_or("");
    let len = rest[..end].find(last).map_or(end, |p| p + last.len());
    Some((words.join(" "), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for n in [
            "153-KH/TU",
            "06-NQ/TU",
            "45/2025/NĐ-CP",
            "175/2024/QH15",
            "04-ĐA/TU",
        ] {
            assert_eq!(NUMBER.find(n).map(|m| m.as_str()), Some(n), "{n}");
        }
        assert!(NUMBER.find("5/11").is_none());
        assert!(NUMBER.find("2020-2025").is_none());
    }
}
