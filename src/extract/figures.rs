//! Reported figures: an indicator rising or falling by a percentage
//! ("GRDP năm 2020 ước tăng 3,23% so với năm 2019").

use std::sync::LazyLock;

use crate::text::pattern::Pattern;

use super::doc::{Doc, clean};
use super::{Figure, Span};

static CHANGE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)\b(tăng|giảm)\s+(?:khoảng\s+|gần\s+|trên\s+|hơn\s+|xấp xỉ\s+)?(\d{1,3}(?:[.,]\d{1,3})?)\s*%",
    )
});
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
    for s in doc.sentences() {
        let text = &doc.text[s.range()];
        if !text.contains('%') {
            continue;
        }
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
