//! Reported figures: an indicator rising or falling by a percentage
//! ("GRDP năm 2020 ước tăng 3,23% so với năm 2019").

use std::sync::LazyLock;

use crate::text::pattern::Bounded;

use super::doc::{Doc, clean};
use super::{Figure, Span};

const CHANGE_PATTERN: &str = r"(?i)\b(tăng|giảm)\s+(?:khoảng\s+|gần\s+|trên\s+|hơn\s+|xấp xỉ\s+)?(\d{1,3}(?:[.,]\d{1,3})?)\s*%";
/// The most whitespace-separated pieces a change spans ("giảm xấp xỉ
/// 3,5 %" is five), with room to spare: the pattern is tried anchored
/// where its screen matches, not through the backtracker over the whole
/// sentence.
const CHANGE_WORDS: usize = 8;
static CHANGE: LazyLock<Bounded> = LazyLock::new(|| Bounded::new(CHANGE_PATTERN, CHANGE_WORDS));
/// Hedges between an indicator and its verb: "ước", "dự kiến", "đã".
const HEDGES: &[&str] = &[
    "ước",
    "dự",
    "kiến",
    "đã",
    "ước tính",
    "bình quân",
    "sẽ",
    "có",
    "đạt",
    "được",
    "tiếp",
    "tục",
];

/// Reads the figures of an article.
pub fn extract(doc: &Doc) -> Vec<Figure> {
    let mut out = Vec::new();
    // Every change ends in "%": one vector scan of the article finds them
    // all, and a sentence is read only when one stands in it.
    let percents: Vec<usize> = memchr::memchr_iter(b'%', doc.text.as_bytes()).collect();
    if percents.is_empty() {
        return out;
    }
    for s in doc.sentences() {
        let first_after = percents.partition_point(|&p| p < s.start);
        if percents.get(first_after).is_none_or(|&p| p >= s.end) {
            continue;
        }
        let text = &doc.text[s.range()];
        let last = percents[percents.partition_point(|&p| p < s.end) - 1];
        for c in CHANGE.captures_iter(through_last_percent(text, last - s.start)) {
            let (Some(whole), Some(verb), Some(num)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let Ok(value) = num.as_str().replace(',', ".").parse::<f64>() else {
                continue;
            };
            let sign = if falls(verb.as_str()) { -1.0 } else { 1.0 };
            // The indicator: the words before the verb back to a clause edge.
            let before = &text[..whole.start()];
            let clause_start = before.rfind([',', ';', ':']).map_or(0, |p| p + 1);
            let Some(indicator) = indicator_words(&before[clause_start..]) else {
                continue;
            };
            let ind_start = before
                .rfind(indicator.split(' ').next().unwrap_or(""))
                .unwrap_or(clause_start);
            out.push(Figure {
                indicator: clean(&indicator),
                change_percent: sign * value,
                text: clean(&text[ind_start..whole.end()]),
                span: Span::new(s.start + ind_start, s.start + whole.end()),
            });
        }
    }
    out
}

/// The sentence up to its last "%" (at `last`) and through it: every
/// change ends in one, and the pattern asks nothing of what follows, so
/// its screen need not read the rest.
fn through_last_percent(text: &str, last: usize) -> &str {
    &text[..last + 1]
}

/// Whether a matched verb is "giảm" in any case: the pattern's verbs are
/// "tăng" and "giảm", and no case of one opens as the other does.
fn falls(verb: &str) -> bool {
    verb.starts_with(['g', 'G'])
}

/// The most words an indicator keeps, nearest the verb.
const INDICATOR_WORDS: usize = 8;

/// The indicator of a change: the last words of its clause before the
/// verb, hedges after them left out, joined by single spaces; None when
/// only hedges are left. Read from the clause's end, as only its last
/// words are kept.
fn indicator_words(clause: &str) -> Option<String> {
    let mut words: Vec<&str> = clause
        .split_whitespace()
        .rev()
        .skip_while(|w| HEDGES.contains(&w.to_lowercase().as_str()))
        .take(INDICATOR_WORDS)
        .collect();
    if words.is_empty() {
        return None;
    }
    words.reverse();
    Some(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The indicator as first read: every word of the clause split
    /// out, trailing hedges popped, the last eight joined.
    fn indicator_as_collected(clause: &str) -> Option<String> {
        let mut words: Vec<&str> = clause.split_whitespace().collect();
        while words
            .last()
            .is_some_and(|w| HEDGES.contains(&w.to_lowercase().as_str()))
        {
            words.pop();
        }
        if words.is_empty() {
            return None;
        }
        Some(words[words.len().saturating_sub(8)..].join(" "))
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// Read from the clause's end, the indicator is the one read
        /// from all of its words.
        #[test]
        fn indicator_from_the_end_is_the_collected_one(
            parts in crate::testing::pieces_joined(&[
                    "GRDP", "năm", "2020", "ước", "ƯỚC", "Dự", "kiến", "đã", "tính", "bình",
                    "quân", "sẽ", "có", "đạt", "được", "tiếp", "tục", "thu", "ngân sách",
                    " ", "  ", "\u{a0}", "\n", "\t",
                ], 24)
        ) {
            let clause = parts;
            proptest::prop_assert_eq!(indicator_words(&clause), indicator_as_collected(&clause));
        }
    }

    /// The changes of a sentence cut after its last "%" are those of the
    /// whole sentence.
    fn changes_through_last_percent_are_all(text: &str) -> usize {
        let Some(last) = text.rfind('%') else {
            return 0;
        };
        let ranges = |t: &str| {
            CHANGE
                .captures_iter(t)
                .map(|c| c.ranges(3))
                .collect::<Vec<_>>()
        };
        let all = ranges(text);
        assert_eq!(ranges(through_last_percent(text, last)), all, "{text:?}");
        all.len()
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        #[test]
        fn cut_after_the_last_percent_keeps_every_change(
            parts in crate::testing::pieces_joined(&[
                    "tăng", "GIẢM", "Giảm", "khoảng", "xấp xỉ", "5", "3,25", "12.5", "%", " ",
                    "\u{a0}", "x", "é", "_", ",", "٣",
                ], 16)
        ) {
            changes_through_last_percent_are_all(&parts);
        }
    }

    #[test]
    fn cut_after_the_last_percent_keeps_every_change_on_articles() {
        let mut found = 0;
        crate::testing::each_bundled_doc(|doc| {
            for s in doc.sentences() {
                found += changes_through_last_percent_are_all(&doc.text[s.range()]);
            }
        });
        assert!(found > 0);
    }

    /// The verbs the change pattern matches, in any case, tell a fall as
    /// their lower case does.
    #[test]
    fn falls_is_the_lowered_verb() {
        let plain = regex::Regex::new(CHANGE_PATTERN).unwrap();
        let mut seen = 0;
        for verb in ["tăng", "giảm"] {
            let cases = verb.chars().fold(vec![String::new()], |acc, c| {
                let variants: Vec<String> = [
                    c.to_lowercase().collect::<String>(),
                    c.to_uppercase().collect(),
                ]
                .into();
                acc.iter()
                    .flat_map(|a| variants.iter().map(move |v| format!("{a}{v}")))
                    .collect()
            });
            for v in cases {
                let text = format!("{v} 5%");
                for c in plain.captures_iter(&text) {
                    let m = c.get(1).unwrap().as_str();
                    assert_eq!(falls(m), m.to_lowercase() == "giảm", "{m}");
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, 32);
        for page in crate::testing::bundled_pages() {
            for c in plain.captures_iter(&page.text) {
                let m = c.get(1).unwrap().as_str();
                assert_eq!(falls(m), m.to_lowercase() == "giảm", "{m}");
            }
        }
    }

    /// The change pattern tried from where its screen matches finds what
    /// the same pattern finds searched through whole sentences.
    #[test]
    fn bounded_change_is_the_unanchored_one() {
        let plain = regex::Regex::new(CHANGE_PATTERN).unwrap();
        for text in [
            "GRDP năm 2020 ước tăng 3,23% so với năm 2019, thu ngân sách giảm 5 %.",
            "Tăng khoảng 12.5%; GIẢM XẤP XỈ 7,25 % và tăng  \n hơn 100%, tăng 1234%",
            "xtăng 5%, tăng5%, tăng 5,%, giảm gần 3.1415%, tăng trên 4,5,6%",
            "tăng xấp  xỉ 9%, giảm hơn ٣%, không có gì",
            "",
        ] {
            // The two searches hand out different capture types.
            let groups = |group: &dyn Fn(usize) -> Option<std::ops::Range<usize>>| {
                (0..3).map(group).collect::<Vec<_>>()
            };
            let want: Vec<_> = plain
                .captures_iter(text)
                .map(|c| groups(&|g| c.get(g).map(|m| m.range())))
                .collect();
            let got: Vec<_> = CHANGE
                .captures_iter(text)
                .map(|c| groups(&|g| c.get(g).map(|m| m.range())))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
