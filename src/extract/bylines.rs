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
use crate::gazetteer::surnames::surname_rank_of;
use crate::text::BlockKind;
use crate::text::segment::{Token, tokenize_keyed, word_count, word_count_over};

/// Labels that introduce the writer ("Bài và ảnh:", "Tin, ảnh:"), or who
/// compiled the story ("T/h:", "Tổng hợp:").
static WRITER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:bài\s*(?:và|,|&)?\s*ảnh|tin\s*(?:và|,|&)?\s*ảnh|bài|tin|tác giả|nhóm (?:phóng viên|pv)|phóng viên|pv|bài viết|thực hiện|nhóm thực hiện|t\s*/\s*h|th|tổng hợp)\s*:\s*").unwrap()
});
/// A pen name of initials only: two or three capitals joined by periods.
static INITIALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}\.\p{Lu}(?:\.\p{Lu})?$").unwrap());
/// Photo credits and captions: not bylines.
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:ảnh|photo|video|clip|đồ họa|đồ hoạ|ảnh minh họa|ảnh minh hoạ)\s*:")
        .unwrap()
});

/// A credit label right before a name ("Ảnh: ", "Tin, ảnh: ", "Bài và ảnh: "):
/// the name is the photographer's or writer's, not a person in the story.
static CREDIT_BEFORE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s.(\[-])(?:(?:bài|tin)\s*(?:và|,|&)?\s*ảnh|ảnh|bài|tin|photo|video|clip|đồ họa|đồ hoạ|thực hiện|nguồn|tác giả|phóng viên|pv|t\s*/\s*h|th|tổng hợp)\s*:\s*$").unwrap()
});

/// Whether `before`, the text just before a name, ends with a credit label.
pub fn ends_with_credit_label(before: &str) -> bool {
    // Every label ends in a colon and spaces: text ending otherwise is not
    // searched.
    before.trim_end().ends_with(':') && CREDIT_BEFORE_NAME.is_match(before)
}

/// Reads the bylines of an article.
pub fn extract(doc: &Doc) -> Vec<Found<String>> {
    let found = at_the_end(doc);
    if !found.is_empty() {
        return found;
    }
    // Some pages print the byline again right after the related-news marker
    // or after its list of teasers.
    let blocks = &doc.page.blocks;
    let tail = doc.page.tail_start().min(blocks.len());
    for b in blocks[tail..].iter().skip(1).take(6) {
        let found = byline_names(doc.text, doc.page.lower(), Span::new(b.start, b.end), false);
        if !found.is_empty() {
            return found;
        }
    }
    at_the_top(doc)
}

/// The byline among the last lines of the article, skipping photo
/// credits, sources and short widget lines.
fn at_the_end(doc: &Doc) -> Vec<Found<String>> {
    let lower = doc.page.lower();
    let blocks = &doc.page.blocks[..doc.page.tail_start()];
    for b in (blocks.iter().rev())
        .filter(|b| b.kind == BlockKind::Content)
        .take(4)
    {
        let s = b.as_str(doc.text);
        if PHOTO_CREDIT.is_match(s) || is_source_line(s) {
            continue;
        }
        let found = byline_names(doc.text, lower, Span::new(b.start, b.end), false);
        if !found.is_empty() {
            return found;
        }
        // The byline may follow the story's end mark on its last line
        // ("… Bắc Bộ./. Phạm Văn Tiếp (TTXVN)").
        if let Some(rest) = after_end_mark(s) {
            let start = b.end - rest.len();
            let found = byline_names(doc.text, lower, Span::new(start, b.end), false);
            if !found.is_empty() {
                return found;
            }
        }
        if word_count(s) > 5 {
            break;
        }
    }
    Vec::new()
}

/// The byline at the top, between the headline and the lead, where it may
/// be in capitals ("MINH QUÂN"). The lead is the first long paragraph
/// after the headline (which may be long itself).
fn at_the_top(doc: &Doc) -> Vec<Found<String>> {
    let blocks = &doc.page.blocks;
    let headline = blocks.iter().position(|b| b.kind == BlockKind::Content);
    let lead = headline
        .and_then(|h| {
            blocks[h + 1..]
                .iter()
                .position(|b| b.kind == BlockKind::Content && word_count(b.as_str(doc.text)) >= 20)
                .map(|i| h + 1 + i)
        })
        .unwrap_or(0);
    for b in blocks[lead.saturating_sub(4)..lead].iter().rev() {
        if matches!(b.kind, BlockKind::Content | BlockKind::Repeat) {
            let found = byline_names(doc.text, doc.page.lower(), Span::new(b.start, b.end), true);
            if !found.is_empty() {
                return found;
            }
        }
    }
    Vec::new()
}

/// What follows the story's end mark ("./.") on a line, when anything does.
fn after_end_mark(line: &str) -> Option<&str> {
    let (_, rest) = line.rsplit_once("./.")?;
    let rest = rest.trim_start();
    (!rest.is_empty()).then_some(rest)
}

/// Whether a line holds only a byline's names ("Tố Tuấn", "Thực hiện: A
/// - B"). `lower` is the text's ASCII lower case (see [`byline_names`]).
pub fn is_byline_line(text: &str, lower: &str, span: Span) -> bool {
    word_count_over(&text[span.range()], 8) <= 8
        && !byline_names(text, lower, span, false).is_empty()
}

/// The names in a byline-shaped line, or nothing when the line is not one.
/// `lower`, the text's ASCII lower case, lends most words their keys, which
/// would otherwise be made anew for every line tried.
fn byline_names(text: &str, lower: &str, span: Span, capitals_allowed: bool) -> Vec<Found<String>> {
    let line = &text[span.range()];
    let (label, body) = label_and_names(line);
    // After a writer's label, a name in capitals is a name ("Tin, ảnh: VŨ
    // ĐÌNH ĐÔNG"); alone on a line, only where capitals are allowed.
    let capitals_allowed = capitals_allowed || label > 0;
    // A byline is a few names; a long line is prose (and tokenizing a
    // megabyte-long line only to reject it would cost memory).
    if body.len() > 200 {
        return Vec::new();
    }
    let start = span.start + label;
    // A writer known by initials alone ("N.H", "X.T"): a name of their own.
    if INITIALS.is_match(body) {
        return vec![Found::new(body.to_string(), start..start + body.len())];
    }
    let toks = tokenize_keyed(text, lower, start..start + body.len());
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
            let run = &toks[current[0]..=*current.last().unwrap()];
            if provinces::is_province(run) || is_place_credit(run) {
                return false;
            }
            for run in pen_names(run) {
                let (a, b) = (run[0].start, run[run.len() - 1].end);
                names.push(Found::new(text[a..b].to_string(), a..b));
            }
        }
        current.clear();
        ok
    };
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let sep = t.is_dash() || t.is_punct(',') || t.is_punct('&') || t.text == "và";
        if sep {
            if !flush(&mut current, &mut names) {
                return Vec::new();
            }
        } else if current.is_empty() && initial_before_name(&toks, i) {
            // "B. LIỄU": the initial, its period passed over, and the name.
            current.extend([i, i + 2]);
            i += 2;
        } else if is_name_token(t)
            || (capitals_allowed && t.is_all_caps() && t.text.chars().all(char::is_alphabetic))
        {
            current.push(i);
        } else {
            return Vec::new();
        }
        i += 1;
    }
    if !flush(&mut current, &mut names) || names.len() > 4 {
        return Vec::new();
    }
    names
}

/// Where the names of a byline-shaped `line` start (after a writer's
/// label, if any) and their text, its end marks and a trailing agency
/// mark dropped ("Tin: Hồng Nhung (TTXVN)./.").
fn label_and_names(line: &str) -> (usize, &str) {
    let label = WRITER_LABEL.find(line).map_or(0, |m| m.end());
    let body = line[label..].trim_end_matches(['.', '/', ' ']);
    let body = match body.rfind('(') {
        Some(p) if body.ends_with(')') => body[..p].trim_end(),
        _ => body,
    };
    (label, body)
}

/// Whether `toks[i]` is a writer's initial before a name written in full
/// ("B. LIỄU", "T. Hương"): a capital letter alone, a period, and a word
/// of capital letters or name-shaped. A writer's given name is often cut
/// so; the shape is a byline's, in capitals or not.
fn initial_before_name(toks: &[Token], i: usize) -> bool {
    let is_initial = |t: &Token| {
        let mut chars = t.text.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
    };
    let name_word = |t: &Token| {
        t.space_before
            && (is_name_token(t) || (t.is_all_caps() && t.text.chars().all(char::is_alphabetic)))
    };
    is_initial(&toks[i])
        && toks.get(i + 1).is_some_and(|t| t.is_punct('.'))
        && toks.get(i + 2).is_some_and(name_word)
        && i + 3 == toks.len()
}

/// Whether a run of capitalized words is an outlet named after its place
/// ("Báo Sơn La", "Đài Hà Nam"): a word that is no family name, then a
/// province.
fn is_place_credit(run: &[Token]) -> bool {
    surname_rank_of(run) == 0 && provinces::is_province(&run[1..])
}

/// The pen names in a run of capitalized words. Two pen names of two words
/// are often printed with no mark between them ("Bích Liên Vũ Hiếu"): four
/// words whose first is no family name and whose third is a common one are
/// read as two names; any other run is one name.
fn pen_names<'r, 'a>(run: &'r [Token<'a>]) -> Vec<&'r [Token<'a>]> {
    if run.len() == 4 && surname_rank_of(run) == 0 && surname_rank_of(&run[2..]) == 2 {
        vec![&run[..2], &run[2..]]
    } else {
        vec![run]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::testing::cases(1024))]

        /// Text screened for its colon is read as the label pattern reads it.
        #[test]
        fn credit_labels_are_the_pattern_ones(
            s in r"(ảnh|Ảnh|tin|bài|và|,|PV|x| |\u{a0}|\t|:|\.|\(|-){0,8}"
        ) {
            prop_assert_eq!(ends_with_credit_label(&s), CREDIT_BEFORE_NAME.is_match(&s));
        }
    }

    fn names(s: &str) -> Vec<String> {
        byline_names(s, &s.to_ascii_lowercase(), Span::new(0, s.len()), false)
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

    #[test]
    fn names_in_capitals_after_a_writer_label() {
        assert_eq!(names("Tin, ảnh: LÊ VĂN AN"), vec!["LÊ VĂN AN"]);
        assert!(names("LÊ VĂN AN").is_empty());
    }

    #[test]
    fn outlets_named_after_their_place_are_no_bylines() {
        assert!(names("Báo Lào Cai").is_empty());
        assert!(names("Đài Quảng Nam").is_empty());
        // A family name before the place is a person's name.
        assert_eq!(names("Lê Lào Cai"), vec!["Lê Lào Cai"]);
    }

    #[test]
    fn two_pen_names_printed_together() {
        assert_eq!(
            names("Thực hiện: Thu Hà Trần Minh"),
            vec!["Thu Hà", "Trần Minh"]
        );
        // A four-word name begins with its family name.
        assert_eq!(names("Nguyễn Thị Thu Hà"), vec!["Nguyễn Thị Thu Hà"]);
        assert_eq!(
            names("Hồng Nhung Lê Tuấn - Minh Quân"),
            vec!["Hồng Nhung", "Lê Tuấn", "Minh Quân"]
        );
    }
}
