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
        for c in CHANGE.captures_iter(text) {
            let (Some(whole), Some(verb), Some(num)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let Ok(value) = num.as_str().replace(',', ".").parse::<f64>() else {
                continue;
            };
            let sign = if verb.as_str().to_lowercase() == "giảm" {
                -1.0
            } else {
                1.0
            };
            // The indicator: the words before the verb back to a clause edge.
            let before = &text[..whole.start()];
            let clause_start = before.rfind([',', ';', ':']).map_or(0, |p| p + 1);
            let mut words: Vec<&str> = before[clause_start..].split_whitespace().collect();
            while words
                .last()
                .is_some_and(|w| HEDGES.contains(&w.to_lowercase().as_str()))
            {
                words.pop();
            }
            if words.is_empty() {
                continue;
            }
            let indicator = words[words.len().saturating_sub(8)..].join(" ");
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

#[cfg(test)]
mod tests {
    use super::*;

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
