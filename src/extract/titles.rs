//! Reading an official title out of a token sequence, and finding where it
//! stops: at punctuation, at a verb, or where a person's name begins
//! ("Bí thư Huyện ủy Thạch Hà | Trần Nhật Tân").
//!
//! A trailing province name is dropped from the title as written and kept
//! apart ("Bí thư Tỉnh ủy Thái Bình" is the post "Bí thư Tỉnh ủy" in Thái
//! Bình); district and commune names stay, as they name the post.

use std::ops::Range;

use super::names::{is_name_token, name_run, name_score};
use crate::gazetteer::provinces::{self, Province};
use crate::gazetteer::titles::{LEXICON, Locality, Part};
use crate::text::segment::{Token, TokenKind};

/// A title found at some token position.
#[derive(Debug, Clone)]
pub struct TitleMatch {
    /// Token range of the title as it will be reported.
    pub tokens: Range<usize>,
    /// Index of the first token after the title and any province after it.
    pub end: usize,
    /// The province named right after the title and dropped from it.
    pub province: Option<&'static Province>,
    /// Token range of a name directly after the title (title-first layout).
    pub name: Option<Range<usize>>,
}

impl TitleMatch {
    /// Byte range of the title text.
    pub fn span(&self, toks: &[Token]) -> Range<usize> {
        toks[self.tokens.start].start..toks[self.tokens.end - 1].end
    }
}

/// Words that end a body's name when it was not in the lexicon: verbs and
/// function words that follow titles in running text.
const STOP_WORDS: &[&str] = &[
    "phát", "trình", "báo", "chủ", "nhấn", "cho", "khẳng", "yêu", "đề", "kết", "dự", "tham", "có",
    "cùng", "đã", "đang", "sẽ", "tại", "về", "với", "của", "được", "là", "và", "thì", "nêu", "chỉ",
    "lưu", "giới", "thông", "trao", "tặng", "đọc", "công", "chúc", "ghi", "đánh", "tiếp", "điều",
    "làm", "cũng", "vừa", "nhận", "lên", "đến", "đi", "trong", "theo", "khi", "do", "như", "để",
    "từ", "ra", "vào", "nói", "mong", "bày", "phân", "mời", "gặp", "thăm", "dẫn", "đồng", "khai",
    "bế", "quán", "triển", "biểu", "hỏi", "trả", "nhắc", "khen", "gửi", "đón", "tổ",
];

fn lex<'a>(t: &'a Token) -> &'a str {
    &t.key
}

fn is_roman(t: &Token) -> bool {
    t.kind == TokenKind::Word
        && !t.text.is_empty()
        && t.text.len() <= 6
        && t.text.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// Reads a title starting at `toks[i]`: prefixes, a head, then what follows.
pub fn parse_title(toks: &[Token], i: usize) -> Option<TitleMatch> {
    let mut j = i;
    while let Some((Part::Prefix, n)) = LEXICON.longest(toks, j) {
        j += n;
    }
    match LEXICON.longest(toks, j) {
        Some((Part::Head, n)) => j += n,
        _ => return None,
    }
    let tail = extend(toks, j, Locality::No, false);
    Some(TitleMatch {
        tokens: i..tail.text_end.max(j),
        end: tail.end.max(j),
        province: tail.province,
        name: tail.name,
    })
}

/// Whether the tokens begin with a title.
pub fn starts_with_title(toks: &[Token]) -> bool {
    parse_title(toks, 0).is_some()
}

/// What follows a head: where the title text ends, where the consumed part
/// ends, a province dropped from its end, a name after it.
struct Tail {
    text_end: usize,
    end: usize,
    province: Option<&'static Province>,
    name: Option<Range<usize>>,
}

fn extend(toks: &[Token], start: usize, locality: Locality, expect_name: bool) -> Tail {
    let mut j = start;
    let mut text_end = start;
    let mut locality = locality;
    let mut expect_name = expect_name;
    let mut after_department = false;
    // Token range of a province just consumed, dropped if it ends the title.
    let mut province: Option<(Range<usize>, &'static Province)> = None;
    let mut name = None;
    while j < toks.len() {
        let t = &toks[j];
        if t.kind == TokenKind::Punct {
            // "Vụ Địa phương I, Ban Tổ chức Trung ương": a body after a comma
            // still belongs to the title.
            if t.is_punct(',')
                && let Some(k) = org_continuation(toks, j + 1)
            {
                j = k;
                text_end = k;
                province = None;
                continue;
            }
            break;
        }
        match LEXICON.longest(toks, j) {
            Some((Part::HeadModifier, n)) => {
                j += n;
                (locality, expect_name, after_department) = (Locality::No, false, false);
            }
            Some((Part::Org { locality: l, named }, n)) => {
                j += n;
                (locality, expect_name, after_department) = (l, named, false);
            }
            Some((Part::Level(l), n)) => {
                j += n;
                (locality, expect_name, after_department) = (l, false, false);
            }
            Some((Part::Department, n)) if expect_name || after_department => {
                j += n;
                (locality, expect_name, after_department) = (Locality::Optional, false, true);
            }
            Some((Part::Head | Part::Prefix | Part::Department, _)) => break,
            None => {
                let w = lex(t);
                let next = toks.get(j + 1);
                if (w == "khóa" || w == "khoá") && next.is_some_and(is_roman) {
                    j += 2;
                } else if w == "nhiệm" && next.is_some_and(|n| lex(n) == "kỳ") {
                    j += 2;
                    while toks
                        .get(j)
                        .is_some_and(|t| t.kind == TokenKind::Number || t.is_dash())
                    {
                        j += 1;
                    }
                } else if is_roman(t) && (after_department || locality != Locality::No) {
                    j += 1;
                } else if t.kind == TokenKind::Number && expect_name {
                    j += 1;
                    expect_name = false;
                } else if t.is_all_caps() && t.text.chars().count() <= 8 && !is_name_token(t) {
                    // An unlisted body abbreviation ("VKSND", "EVN").
                    j += 1;
                    locality = Locality::Optional;
                } else if (w == "và" || w == "&")
                    && (after_department || expect_name)
                    && matches!(LEXICON.longest(toks, j + 1), Some((Part::Department, _)))
                {
                    j += 1;
                    expect_name = true;
                    continue;
                } else if is_name_token(t) && expect_name {
                    // A body name not in the lexicon: a capital, then lower-case
                    // words until a verb ("Hội Luật gia", "Ban Quản lý dự án").
                    j += 1;
                    let mut k = 0;
                    while k < 5
                        && toks.get(j).is_some_and(|t| {
                            t.kind == TokenKind::Word
                                && !t.is_capitalized()
                                && !STOP_WORDS.contains(&lex(t))
                        })
                    {
                        j += 1;
                        k += 1;
                    }
                    (locality, expect_name, after_department) = (Locality::Optional, false, true);
                } else if is_name_token(t) {
                    let run = name_run(toks, j, 8);
                    let Some((k, has_name)) = split_place_and_name(toks, j, run, locality) else {
                        break;
                    };
                    if k > 0 {
                        province = provinces::at_tokens(&toks[j..j + k], 0)
                            .filter(|&(_, n)| n == k)
                            .map(|(p, _)| (j..j + k, p));
                        j += k;
                        text_end = j;
                    }
                    if has_name {
                        name = Some(j..j + run - k);
                    }
                    break;
                } else {
                    break;
                }
            }
        }
        text_end = j;
        if !matches!(province, Some((ref r, _)) if r.end == j) {
            province = None;
        }
    }
    let end = text_end;
    let (text_end, province) = match province {
        Some((r, p)) if r.end == text_end && r.start > start => (r.start, Some(p)),
        _ => (text_end, None),
    };
    Tail {
        text_end,
        end,
        province,
        name,
    }
}

/// After a comma inside a title: a body with no head of its own that ends at
/// punctuation and is not followed by a name. Returns where it ends.
fn org_continuation(toks: &[Token], j: usize) -> Option<usize> {
    let (locality, named, n) = match LEXICON.longest(toks, j)? {
        (Part::Org { locality, named }, n) => (locality, named, n),
        _ => return None,
    };
    let tail = extend(toks, j + n, locality, named);
    let ends_clause = toks
        .get(tail.end)
        .is_none_or(|t| t.kind == TokenKind::Punct && !t.is_dash());
    (tail.name.is_none() && ends_clause).then_some(tail.end)
}

/// Splits a run of capitalized words after a title into a place (first `k`
/// words) and a person's name (the rest). Returns `k` and whether a name
/// remains, or `None` when no reading makes sense.
fn split_place_and_name(
    toks: &[Token],
    j: usize,
    run: usize,
    locality: Locality,
) -> Option<(usize, bool)> {
    let words = &toks[j..j + run];
    let mut best: Option<(f32, usize, bool)> = None;
    for k in 0..=run {
        let (place, person) = words.split_at(k);
        let mut score = 0.0;
        if !place.is_empty() {
            let is_province = provinces::is_province(place);
            score += if is_province {
                2.5
            } else if locality == Locality::Required && place.len() <= 3 {
                1.0 + if place.len() == 2 { 0.5 } else { 0.0 }
            } else {
                continue;
            };
        } else if locality == Locality::Required {
            score -= 3.0;
        }
        let has_name = !person.is_empty();
        if has_name {
            match name_score(person, true) {
                Some(s) => score += s,
                None => continue,
            }
        }
        if best.is_none_or(|(b, _, _)| score > b) {
            best = Some((score, k, has_name));
        }
    }
    best.map(|(_, k, has_name)| (k, has_name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::tokenize;

    /// (title as reported, province dropped, name after it)
    fn read(s: &str) -> (String, Option<&'static str>, Option<String>) {
        let toks = tokenize(s, 0..s.len());
        let m = parse_title(&toks, 0).expect("a title");
        let title = s[m.span(&toks)].to_string();
        let name = m
            .name
            .map(|r| s[toks[r.start].start..toks[r.end - 1].end].to_string());
        (title, m.province.map(|p| p.name), name)
    }

    #[test]
    fn title_then_name() {
        assert_eq!(
            read("Bí thư Tỉnh ủy Hà Tĩnh Hoàng Trung Dũng yêu cầu"),
            (
                "Bí thư Tỉnh ủy".into(),
                Some("Hà Tĩnh"),
                Some("Hoàng Trung Dũng".into())
            )
        );
        assert_eq!(
            read("Bí thư Huyện ủy Thạch Hà Trần Nhật Tân: Thường trực"),
            (
                "Bí thư Huyện ủy Thạch Hà".into(),
                None,
                Some("Trần Nhật Tân".into())
            )
        );
        assert_eq!(
            read("Chủ tịch UBND tỉnh Trần Tiến Hưng"),
            (
                "Chủ tịch UBND tỉnh".into(),
                None,
                Some("Trần Tiến Hưng".into())
            )
        );
        assert_eq!(
            read("Giám đốc Sở Kế hoạch và đầu tư Trần Tú Anh: Dự thảo"),
            (
                "Giám đốc Sở Kế hoạch và đầu tư".into(),
                None,
                Some("Trần Tú Anh".into())
            )
        );
        assert_eq!(
            read("Giám đốc Sở Tài Chính Hà Văn Trọng trình bày"),
            (
                "Giám đốc Sở Tài Chính".into(),
                None,
                Some("Hà Văn Trọng".into())
            )
        );
    }

    #[test]
    fn title_alone() {
        assert_eq!(
            read("Bí thư Tỉnh ủy Thái Bình phát biểu"),
            ("Bí thư Tỉnh ủy".into(), Some("Thái Bình"), None)
        );
        assert_eq!(
            read("Phó bí thư Thường trực Tỉnh ủy, Chủ tịch"),
            ("Phó bí thư Thường trực Tỉnh ủy".into(), None, None)
        );
        assert_eq!(
            read("Phó Vụ trưởng Vụ Địa phương I, Ban Tổ chức Trung ương"),
            (
                "Phó Vụ trưởng Vụ Địa phương I, Ban Tổ chức Trung ương".into(),
                None,
                None
            )
        );
        assert_eq!(
            read("Hàm Vụ trưởng Vụ địa phương II, Văn phòng Trung ương Đảng; đồng chí"),
            (
                "Hàm Vụ trưởng Vụ địa phương II, Văn phòng Trung ương Đảng".into(),
                None,
                None
            )
        );
        assert_eq!(
            read("Trưởng Ban Dân vận Trung ương phát biểu"),
            ("Trưởng Ban Dân vận Trung ương".into(), None, None)
        );
        assert_eq!(
            read("Ủy viên dự khuyết Trung ương Đảng, Bí thư"),
            ("Ủy viên dự khuyết Trung ương Đảng".into(), None, None)
        );
        assert_eq!(
            read("Ủy viên Ban Chấp hành Trung ương Đảng khóa XIII, Bí thư"),
            (
                "Ủy viên Ban Chấp hành Trung ương Đảng khóa XIII".into(),
                None,
                None
            )
        );
    }
}
