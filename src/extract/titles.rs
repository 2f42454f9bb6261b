//! Reading an official title out of a token sequence, and finding where it
//! stops: at punctuation, at a verb, or where a person's name begins
//! ("Bí thư Huyện ủy Thạch Hà | Trần Nhật Tân").
//!
//! A trailing province name is dropped from the title as written and kept
//! apart ("Bí thư Tỉnh ủy Thái Bình" is the post "Bí thư Tỉnh ủy" in Thái
//! Bình); district and commune names stay, as they name the post.

use std::ops::Range;
use std::sync::LazyLock;

use super::names::{is_name_token, name_run, name_score};
use crate::gazetteer::PhraseList;
use crate::gazetteer::provinces::{self, Province};
use crate::gazetteer::surnames::surname_rank;
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
    /// Tokens inside `tokens` left out of the reported title: a province
    /// before a term ("Phó Bí thư Tỉnh ủy Đắk Lắk khóa XVI").
    pub hole: Option<Range<usize>>,
    /// Token range of a name directly after the title (title-first layout).
    pub name: Option<Range<usize>>,
}

impl TitleMatch {
    /// Byte range of the title text.
    pub fn span(&self, toks: &[Token]) -> Range<usize> {
        toks[self.tokens.start].start..toks[self.tokens.end - 1].end
    }

    /// The title as reported: its text without the hole, whitespace
    /// collapsed.
    pub fn text(&self, toks: &[Token], text: &str) -> String {
        let whole = self.span(toks);
        let s = match &self.hole {
            Some(h) => format!(
                "{} {}",
                &text[whole.start..toks[h.start].start],
                &text[toks[h.end - 1].end..whole.end]
            ),
            None => text[whole].to_string(),
        };
        super::doc::clean(&s)
    }
}

/// Words that end a body's name when it was not in the lexicon: verbs and
/// function words that follow titles in running text. Two-word entries keep
/// their first word usable inside names ("công tác" goes on, "công bố" stops).
static STOPS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "phát biểu",
        "phát động",
        "trình bày",
        "trình",
        "báo cáo",
        "chủ trì",
        "nhấn mạnh",
        "cho biết",
        "cho rằng",
        "khẳng định",
        "yêu cầu",
        "đề nghị",
        "đề xuất",
        "kết luận",
        "dự",
        "tham dự",
        "có",
        "cùng",
        "đã",
        "đang",
        "sẽ",
        "tại",
        "về",
        "với",
        "của",
        "được",
        "là",
        "và",
        "thì",
        "nêu",
        "chỉ đạo",
        "lưu ý",
        "giới thiệu",
        "thông qua",
        "trao",
        "tặng",
        "đọc",
        "công bố",
        "chúc mừng",
        "ghi nhận",
        "đánh giá",
        "tiếp thu",
        "tiếp",
        "điều hành",
        "làm",
        "cũng",
        "vừa",
        "nhận",
        "lên",
        "đến",
        "đi",
        "trong",
        "theo",
        "khi",
        "do",
        "như",
        "để",
        "từ",
        "ra",
        "vào",
        "nói",
        "mong",
        "phân tích",
        "mời",
        "gặp",
        "thăm",
        "dẫn đầu",
        "đồng chủ trì",
        "khai mạc",
        "bế mạc",
        "quán triệt",
        "triển khai",
        "biểu dương",
        "hỏi",
        "trả lời",
        "nhắc",
        "khen",
        "gửi",
        "đón",
        "tổ chức",
        "đồng chí",
        "và các",
        "cùng các",
        "bày tỏ",
        "thay mặt",
        "chia sẻ",
        "quyết định",
    ])
});

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
    // A head ending in a body word names that body next ("Phó Ban Tổ chức").
    let names_body = toks[j - 1].is("ban");
    let tail = extend(toks, j, Locality::No, names_body);
    Some(TitleMatch {
        tokens: i..tail.text_end.max(j),
        end: tail.end.max(j),
        province: tail.province,
        hole: tail.hole,
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
    hole: Option<Range<usize>>,
    name: Option<Range<usize>>,
}

fn extend(toks: &[Token], start: usize, locality: Locality, expect_name: bool) -> Tail {
    let mut j = start;
    let mut text_end = start;
    let mut locality = locality;
    let mut expect_name = expect_name;
    let mut after_department = false;
    // Where the last place level word ("tỉnh", "TP", "huyện") ended.
    let mut level_end = None;
    // A place just consumed that names a province (from the gazetteer, or
    // after "tỉnh"/"Tỉnh ủy"): dropped if the title ends with it.
    let mut province: Option<(Range<usize>, Option<&'static Province>)> = None;
    // Whether the last body or level word was provincial ("tỉnh", "Tỉnh ủy").
    let mut provincial = false;
    // Whether a body was named yet: "UBND tỉnh" keeps its level word before a
    // dropped province, "Tỉnh trưởng tỉnh Hủa Phăn" does not.
    let mut body_named = false;
    let mut level_after_body = false;
    // Where the title's reported text stood when only a term followed.
    let mut before_term: Option<usize> = None;
    let mut name = None;
    // Whether a steering committee was named: its remit ("về xây dựng Đề án
    // …") and its owner ("của Thành ủy") are part of its name.
    let mut steering = false;
    while j < toks.len() {
        let t = &toks[j];
        if steering && t.is("về") {
            j = remit_end(toks, j + 1);
            text_end = j;
            province = None;
            steering = false;
            continue;
        }
        if steering
            && t.is("của")
            && matches!(LEXICON.longest(toks, j + 1), Some((Part::Org { .. }, _)))
        {
            j += 1;
            continue;
        }
        // Whether what is consumed this round is part of the title's text;
        // a term of office ("nhiệm kỳ 2020-2025") is read but not reported.
        let mut reported = true;
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
            // "Hội Hữu nghị Việt - Lào": a dash inside a name, where no new
            // title and no person follows it.
            if t.is_dash() && dash_inside_name(toks, j + 1) {
                j += 1;
                locality = Locality::Optional;
                continue;
            }
            break;
        }
        // A verb ends the title even where its first word could name a body
        // ("Tỉnh ủy báo cáo": "Báo" is a newspaper only when capitalized).
        if !t.is_capitalized() && STOPS.at(toks, j).is_some_and(|n| n > 1) {
            break;
        }
        match LEXICON.longest(toks, j) {
            Some((Part::HeadModifier, n)) => {
                j += n;
                (locality, expect_name, after_department) = (Locality::No, false, false);
            }
            Some((Part::Org { .. }, _))
                if level_end == Some(j) && is_name_token(t) && full_name_at(toks, j).is_some() =>
            {
                // "Trưởng Đoàn ĐBQH TP Đoàn Sỹ Kiên": after a place level the
                // body is complete, so a family name that is also a body word
                // ("Đoàn", "Ban") begins the person's name.
                name = full_name_at(toks, j);
                break;
            }
            Some((Part::Org { locality: l, named }, n)) => {
                steering |= is_steering(&toks[j..j + n]);
                provincial = toks[j + n - 1].is("ủy") && toks[j].is("tỉnh");
                body_named = !toks[j + n - 1].is("ủy");
                j += n;
                (locality, expect_name, after_department) = (l, named, false);
            }
            Some((Part::Level(l), n)) => {
                provincial = n == 1 && (toks[j].is("tỉnh") || toks[j].is("thủ"));
                level_after_body = body_named;
                j += n;
                level_end = Some(j);
                (locality, expect_name, after_department) = (l, false, false);
            }
            Some((Part::Department, n)) if expect_name || after_department => {
                j += n;
                (locality, expect_name, after_department) = (Locality::No, false, true);
            }
            Some((Part::Head | Part::Prefix | Part::Department, _)) => break,
            None => {
                let w = lex(t);
                let next = toks.get(j + 1);
                if (w == "khóa" || w == "khoá") && next.is_some_and(is_roman) {
                    // The term is read but not reported: "Ủy viên Ban Thường vụ
                    // Tỉnh ủy khóa XVII" is the post "Ủy viên Ban Thường vụ
                    // Tỉnh ủy".
                    if province.as_ref().is_some_and(|(r, _)| r.end == j) {
                        before_term = Some(j);
                    }
                    j += 2;
                    reported = false;
                } else if w == "nhiệm" && next.is_some_and(|n| lex(n) == "kỳ") {
                    j += 2;
                    while toks
                        .get(j)
                        .is_some_and(|t| t.kind == TokenKind::Number || t.is_dash())
                    {
                        j += 1;
                    }
                    reported = false;
                } else if w == "của"
                    && matches!(
                        LEXICON.longest(toks, j + 1),
                        Some((
                            Part::Org {
                                locality: Locality::No,
                                ..
                            },
                            _
                        ))
                    )
                {
                    // "Trưởng đoàn kiểm tra số 11 của Bộ Chính trị".
                    j += 1;
                    continue;
                } else if w == "số"
                    && next.is_some_and(|n| n.kind == TokenKind::Number)
                    && (after_department || locality != Locality::No)
                {
                    // "Đoàn kiểm tra số 11".
                    j += 2;
                } else if is_roman(t) && (after_department || locality != Locality::No) {
                    j += 1;
                } else if t.kind == TokenKind::Number && (expect_name || after_department) {
                    j += 1;
                    expect_name = false;
                } else if t.is_all_caps() && t.text.chars().count() <= 8 && !is_name_token(t) {
                    // An unlisted body abbreviation ("VKSND", "EVN").
                    steering |= is_steering(&toks[j..j + 1]);
                    j += 1;
                    locality = Locality::Optional;
                } else if (w == "và" || w == "&")
                    && (after_department || expect_name)
                    && matches!(LEXICON.longest(toks, j + 1), Some((Part::Department, _)))
                {
                    j += 1;
                    expect_name = true;
                    continue;
                } else if expect_name
                    && t.kind == TokenKind::Word
                    && (is_name_token(t) || !t.is_capitalized())
                    && STOPS.at(toks, j).is_none()
                {
                    // A body name not in the lexicon: words until a verb
                    // ("Hội Luật gia", "Ban Quản lý dự án", "đoàn kiểm tra số 11").
                    j += 1;
                    let mut k = 0;
                    while k < 8 && continues_body_name(toks, j) {
                        j += 1;
                        k += 1;
                    }
                    (locality, expect_name, after_department) = (Locality::No, false, true);
                } else if let Some((known, n)) = provinces::at_tokens(toks, j)
                    .filter(|&(_, n)| locality != Locality::No && n > name_run(toks, j, 8))
                {
                    // A province whose name has a word no person's name has
                    // ("Thành ủy Hải Phòng"): the place, whatever follows.
                    province = Some((j..j + n, Some(known)));
                    j += n;
                    text_end = j;
                    (locality, expect_name, after_department) = (Locality::No, false, false);
                    continue;
                } else if is_name_token(t) {
                    let run = name_run(toks, j, 8);
                    let Some((k, has_name)) = split_place_and_name(toks, j, run, locality) else {
                        break;
                    };
                    if k > 0 {
                        let known = provinces::at_tokens(&toks[j..j + k], 0)
                            .filter(|&(_, n)| n == k)
                            .map(|(p, _)| p);
                        province = (known.is_some() || provincial).then(|| (j..j + k, known));
                        j += k;
                        text_end = j;
                    }
                    if has_name {
                        name = Some(j..j + run - k);
                        break;
                    }
                    (locality, expect_name, after_department) = (Locality::No, false, false);
                    if k == 0 {
                        break;
                    }
                    continue;
                } else {
                    break;
                }
            }
        }
        if reported {
            text_end = j;
        }
        let term_only =
            before_term.is_some_and(|b| province.as_ref().is_some_and(|(r, _)| r.end == b));
        if !matches!(province, Some((ref r, _)) if r.end == j) && reported && !term_only {
            province = None;
        }
    }
    let end = j.max(text_end);
    let mut hole = None;
    let (text_end, province) = match province {
        Some((r, p)) if r.start > start && (r.end == text_end || before_term == Some(r.end)) => {
            // "Tỉnh ủy tỉnh Đắk Lắk", "Thành ủy TP Cần Thơ": the level word
            // belongs to the place, not to the committee.
            let level_before = r.start > start
                && matches!(
                    LEXICON.longest(toks, r.start - 1),
                    Some((Part::Level(_), 1))
                )
                && !level_after_body;
            let cut = if level_before { r.start - 1 } else { r.start };
            if r.end == text_end {
                (cut, p)
            } else {
                hole = Some(cut..r.end);
                (text_end, p)
            }
        }
        _ => (text_end, None),
    };
    Tail {
        text_end,
        end,
        province,
        hole,
        name,
    }
}

/// Whether the words name a steering committee ("Ban Chỉ đạo", "BCĐ").
fn is_steering(words: &[Token]) -> bool {
    words.iter().any(|t| t.is("bcđ")) || words.windows(2).any(|w| w[0].is("chỉ") && w[1].is("đạo"))
}

/// Where a steering committee's remit that starts at `toks[j]` ends: at a
/// comma, semicolon or full stop, or at a verb of the sentence ("đồng chủ
/// trì"). Parentheses and dashes inside it are kept ("Nghị quyết (NQ) 32",
/// "CNH- HĐH").
fn remit_end(toks: &[Token], mut j: usize) -> usize {
    while let Some(t) = toks.get(j) {
        let stop = match t.kind {
            TokenKind::Punct => !(t.is_dash() || t.is_punct('(') || t.is_punct(')')),
            _ => !t.is_capitalized() && STOPS.at(toks, j).is_some_and(|n| n > 1),
        };
        if stop {
            break;
        }
        j += 1;
    }
    // A dash or an opening parenthesis does not end a title.
    while j > 0 && (toks[j - 1].is_dash() || toks[j - 1].is_punct('(')) {
        j -= 1;
    }
    j
}

/// A full name of three or more words starting at `toks[j]`.
fn full_name_at(toks: &[Token], j: usize) -> Option<Range<usize>> {
    let run = name_run(toks, j, 4);
    (run >= 3 && name_score(&toks[j..j + run], false).is_some()).then_some(j..j + run)
}

/// Whether `toks[j]` goes on naming a body not in the lexicon: a lower-case
/// word that is not a verb, a number after "số", or a capital that does not
/// begin a person's name ("Hội Hữu nghị Việt - Lào").
fn continues_body_name(toks: &[Token], j: usize) -> bool {
    let Some(t) = toks.get(j) else { return false };
    match t.kind {
        TokenKind::Number => j > 0 && toks[j - 1].is("số"),
        TokenKind::Word if !t.is_capitalized() => STOPS.at(toks, j).is_none(),
        TokenKind::Word => {
            is_name_token(t)
                && LEXICON.longest(toks, j).is_none()
                && name_score(&toks[j..j + name_run(toks, j, 4).max(1)], false).is_none()
        }
        TokenKind::Punct => false,
    }
}

/// Whether the words after a dash continue a name inside a title ("Việt -
/// Lào") rather than start a new title or a person's name.
fn dash_inside_name(toks: &[Token], j: usize) -> bool {
    let Some(t) = toks.get(j) else { return false };
    if !t.is_capitalized()
        || matches!(
            LEXICON.longest(toks, j),
            Some((Part::Head | Part::Prefix, _))
        )
    {
        return false;
    }
    let run = name_run(toks, j, 4);
    run == 0 || name_score(&toks[j..j + run], false).is_none()
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
            let texts: Vec<&str> = place.iter().take(2).map(|t| t.text).collect();
            score += if provinces::is_province(place) {
                2.5
            } else if locality == Locality::Required && place.len() <= 3 {
                // Most district and commune names have two syllables.
                1.0 + if place.len() == 2 { 0.7 } else { 0.0 }
            } else if locality == Locality::Optional
                && place.len() <= 3
                && surname_rank(&texts) == 0
            {
                // A place not in the gazetteer ("tỉnh Viêng Chăn", "Tỉnh ủy
                // Vân Nam"): names after titles start with a family name.
                0.8
            } else {
                continue;
            };
        } else if locality == Locality::Required {
            score -= 3.0;
        }
        let has_name = !person.is_empty();
        if has_name {
            // After a bare title the name must start with a family name.
            match name_score(person, false) {
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
        let title = m.text(&toks, s);
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
    fn verbs_and_cities_end_titles() {
        assert_eq!(
            read("Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy báo cáo kết quả"),
            ("Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy".into(), None, None)
        );
        assert_eq!(
            read("Bí thư Thành ủy Hải Phòng làm trưởng đoàn"),
            ("Bí thư Thành ủy".into(), Some("Hải Phòng"), None)
        );
        assert_eq!(
            read("Chủ tịch UBND thành phố Hải Phòng;"),
            ("Chủ tịch UBND thành phố".into(), Some("Hải Phòng"), None)
        );
        assert_eq!(
            read("Trưởng Đoàn ĐBQH TP Đoàn Sỹ Kiên và"),
            (
                "Trưởng Đoàn ĐBQH TP".into(),
                None,
                Some("Đoàn Sỹ Kiên".into())
            )
        );
        assert_eq!(
            read("Chủ tịch UBND huyện Lệ Châu Vi Văn Vũ: Cần"),
            (
                "Chủ tịch UBND huyện Lệ Châu".into(),
                None,
                Some("Vi Văn Vũ".into())
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
            ("Ủy viên Ban Chấp hành Trung ương Đảng".into(), None, None)
        );
    }
}
