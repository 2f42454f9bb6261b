//! Bylines: the pen names at the end of an article ("Phạm Ngọc",
//! "Thu Hà - Lê Tuấn", "Tin, ảnh: Hoàng Mẫn"), not photo credits ("Ảnh: …")
//! and not sources ("Theo VnExpress", "(baothaibinh.com.vn)").

use std::sync::LazyLock;

use regex::Regex;

use super::doc::Doc;
use super::header::is_source_line;
use super::names::is_name_token;
use super::{Found, Span};
use crate::gazetteer::provinces;
use crate::text::BlockKind;
use crate::text::segment::tokenize;

/// Labels that introduce the writer ("Bài và ảnh:", "Tin, ảnh:").
static WRITER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:bài\s*(?:và|,|&)?\s*ảnh|tin\s*(?:và|,|&)?\s*ảnh|bài|tin|tác giả|nhóm (?:phóng viên|pv)|phóng viên|pv|bài viết)\s*:\s*").unwrap()
});
/// Photo credits and captions: not bylines.
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:ảnh|photo|video|clip|đồ họa|đồ hoạ|ảnh minh họa|ảnh minh hoạ)\s*:")
        .unwrap()
});

/// Reads the bylines of an article.
pub fn extract(doc: &Doc) -> Vec<Found<String>> {
    let blocks = &doc.page.blocks;
    let tail = doc.page.tail_start();
    // The last lines of the article, skipping photo credits and sources.
    let mut found = Vec::new();
    for b in blocks[..tail]
        .iter()
        .rev()
        .filter(|b| b.kind == BlockKind::Content)
        .take(3)
    {
        let s = b.as_str(doc.text);
        if PHOTO_CREDIT.is_match(s) || is_source_line(s) {
            continue;
        }
        found = byline_names(doc.text, Span::new(b.start, b.end));
        break;
    }
    // Some pages print the byline again right after the related-news
    // marker; take it from there when the article's end had none.
    if found.is_empty() {
        for b in blocks[tail.min(blocks.len())..].iter().skip(1).take(2) {
            found = byline_names(doc.text, Span::new(b.start, b.end));
            if !found.is_empty() {
                break;
            }
        }
    }
    found
}

/// The names in a byline-shaped line, or nothing when the line is not one.
fn byline_names(text: &str, span: Span) -> Vec<Found<String>> {
    let line = &text[span.range()];
    let label = WRITER_LABEL.find(line).map_or(0, |m| m.end());
    let body = line[label..].trim_end_matches(['.', '/', ' ']);
    // Drop a trailing agency mark: "Hồng Nhung (TTXVN)".
    let body = match body.rfind('(') {
        Some(p) if body.ends_with(')') => body[..p].trim_end(),
        _ => body,
    };
    let start = span.start + label;
    let toks = tokenize(text, start..start + body.len());
    if toks.is_empty() || toks.len() > 16 {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let flush = |current: &mut Vec<usize>, names: &mut Vec<Found<String>>| -> bool {
        if current.is_empty() {
            return true;
        }
        let ok = (2..=4).contains(&current.len());
        if ok {
            let (a, b) = (toks[current[0]].start, toks[*current.last().unwrap()].end);
            let is_place = provinces::is_province(&toks[current[0]..=*current.last().unwrap()]);
            if is_place {
                return false;
            }
            names.push(Found::new(text[a..b].to_string(), a..b));
        }
        current.clear();
        ok
    };
    for (i, t) in toks.iter().enumerate() {
        let sep = t.is_dash() || t.is_punct(',') || t.is_punct('&') || t.text == "và";
        if sep {
            if !flush(&mut current, &mut names) {
                return Vec::new();
            }
        } else if is_name_token(t) {
            current.push(i);
        } else {
            return Vec::new();
        }
    }
    if !flush(&mut current, &mut names) || names.len() > 4 {
        return Vec::new();
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        byline_names(s, Span::new(0, s.len()))
            .into_iter()
            .map(|f| f.value)
            .collect()
    }

    #[test]
    fn shapes() {
        assert_eq!(names("Phạm Ngọc"), vec!["Phạm Ngọc"]);
        assert_eq!(names("Thu Hà - Lê Tuấn"), vec!["Thu Hà", "Lê Tuấn"]);
        assert_eq!(names("Tin, ảnh: Hoàng Mẫn"), vec!["Hoàng Mẫn"]);
        assert_eq!(names("Hồng Nhung (TTXVN)"), vec!["Hồng Nhung"]);
        assert!(names("Quang cảnh Hội nghị").is_empty());
        assert!(names("Thái Bình").is_empty());
        assert!(names("Chủ tịch UBND tỉnh Trần Tiến Hưng").is_empty());
    }
}
