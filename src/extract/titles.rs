//! Reading an official title out of a token sequence, and finding where it
//! stops: at punctuation, at a verb, or where a person's name begins
//! ("Bí thư Huyện ủy Thạch Hà | Trần Nhật Tân").
//!
//! A trailing province name is dropped from the title as written and kept
//! apart ("Bí thư Tỉnh ủy Thái Bình" is the post "Bí thư Tỉnh ủy" in Thái
//! Bình); district and commune names stay, as they name the post. A term
//! after a title is part of it as written ("Bí thư Tỉnh ủy Thái Bình khóa
//! XIX"), the province inside it kept in the text and noted apart too.

use std::ops::Range;
use std::sync::LazyLock;

use super::names::{caps_name_at, is_name_token, name_run, name_score};
use crate::gazetteer::provinces::{self, Province};
use crate::gazetteer::surnames::surname_rank_of;
use crate::gazetteer::titles::{LEXICON, Locality, Part};
use crate::gazetteer::{PhraseList, PhraseStarts};
use crate::text::segment::{Token, TokenKind, abbreviation_of_period};

/// A title found at some token position.
#[derive(Debug, Clone)]
pub struct TitleMatch {
    /// Token range of the title as it will be reported.
    pub tokens: Range<usize>,
    /// Index of the first token after the title and any province after it.
    pub end: usize,
    /// The province named by the title: dropped from its end, or kept
    /// inside it before a term ("Phó Bí thư Tỉnh ủy Đắk Lắk khóa XVI").
    pub province: Option<&'static Province>,
    /// Token range of a name directly after the title (title-first layout).
    pub name: Option<Range<usize>>,
}

impl TitleMatch {
    /// Byte range of the title text.
    pub fn span(&self, toks: &[Token]) -> Range<usize> {
        toks[self.tokens.start].start..toks[self.tokens.end - 1].end
    }

    /// The title as reported, whitespace collapsed.
    pub fn text(&self, toks: &[Token], text: &str) -> String {
        tokens_text(text, &toks[self.tokens.clone()])
    }
}

/// The text of consecutive tokens with whitespace collapsed, as
/// [`clean`](super::doc::clean) makes it. Tokens hold no whitespace, so when
/// nothing or one space parts each from the next, as nearly always, the
/// text is clean already and its bytes are not read again.
pub fn tokens_text(text: &str, toks: &[Token]) -> String {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return String::new();
    };
    let span = &text[first.start..last.end];
    let spaced = toks.windows(2).all(|w| {
        let gap = w[1].start.wrapping_sub(w[0].end);
        gap == 0 || (gap == 1 && text.as_bytes()[w[0].end] == b' ')
    });
    if spaced {
        span.to_string()
    } else {
        super::doc::clean(span)
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

/// First words of the title lexicon's prefixes and heads: a title starts
/// with one, and most tokens are none.
pub static TITLE_STARTS: LazyLock<PhraseStarts> =
    LazyLock::new(|| LEXICON.starts_where(|p| matches!(p, Part::Prefix | Part::Head)));

/// Reads a title starting at `toks[i]`: prefixes, a head, then what follows.
pub fn parse_title(toks: &[Token], i: usize) -> Option<TitleMatch> {
    if !TITLE_STARTS.may_start(toks, i) {
        return None;
    }
    let mut j = i;
    let mut found = LEXICON.longest(toks, j);
    while let Some((Part::Prefix, n)) = found {
        j += n;
        found = LEXICON.longest(toks, j);
    }
    let head = match found {
        Some((Part::Head, n)) => j..j + n,
        _ => return None,
    };
    j = head.end;
    // A head ending in a body word names that body next ("Phó Ban Tổ chức",
    // "Trưởng phòng Tuyên truyền").
    let names_body = toks[j - 1].is("ban") || toks[j - 1].is("phòng");
    let tail = extend(toks, j, Locality::No, names_body, false);
    if tail.text_end <= j && needs_body(&toks[head]) {
        return None;
    }
    Some(TitleMatch {
        tokens: i..tail.text_end.max(j),
        end: tail.end.max(j),
        province: tail.province,
        name: tail.name,
    })
}

/// Heads that are no post without the body they lead ("Phó Trưởng" cut
/// off at the end of a page).
fn needs_body(head: &[Token]) -> bool {
    let last = &head[head.len() - 1];
    last.is("trưởng") && head.iter().all(|t| t.is("trưởng") || t.is("phó"))
}

/// Whether the tokens begin with a title.
pub fn starts_with_title(toks: &[Token]) -> bool {
    parse_title(toks, 0).is_some()
}

/// What follows a head: where the title text ends, where the consumed part
/// ends, the province it names, a name after it.
struct Tail {
    text_end: usize,
    end: usize,
    province: Option<&'static Province>,
    name: Option<Range<usize>>,
}

/// How reading one piece after a head went.
enum Step {
    /// The title ends here.
    Stop,
    /// Read, with the reader's state already settled.
    Skip,
    /// Read; `reported` when it is part of the title's text.
    Read { reported: bool },
}

/// Where a person's name begins in a body phrase that a family name
/// shares ("Đoàn", "tỉnh Đoàn").
enum NameInBody {
    /// At the phrase's first word; the name's length.
    Here(usize),
    /// After its first words, which are read alone as this part.
    After(Part, usize),
}

/// The state of reading what follows a head.
struct Reader<'t, 'a> {
    toks: &'t [Token<'a>],
    start: usize,
    j: usize,
    text_end: usize,
    locality: Locality,
    expect_name: bool,
    after_department: bool,
    /// Where the last place level word ("tỉnh", "TP", "huyện") ended.
    level_end: Option<usize>,
    /// A place just consumed that names a province (from the gazetteer, or
    /// after "tỉnh"/"Tỉnh ủy"): dropped if the title ends with it.
    province: Option<(Range<usize>, Option<&'static Province>)>,
    /// Whether the last body or level word was provincial ("tỉnh", "Tỉnh ủy").
    provincial: bool,
    /// Whether a body was named yet: "UBND tỉnh" keeps its level word before
    /// a dropped province, "Tỉnh trưởng tỉnh Hủa Phăn" does not.
    body_named: bool,
    /// Whether a body, a level or a department was read: after one that
    /// is complete, a family name that is also a body word ("Đoàn") begins
    /// a person's name.
    body_read: bool,
    level_after_body: bool,
    /// Where a term began that directly follows a province: the province
    /// stays in the text and is still the title's place.
    before_term: Option<usize>,
    /// Where the last term of office read ended.
    term_end: Option<usize>,
    name: Option<Range<usize>>,
    /// Whether a steering committee was named: its remit ("về xây dựng Đề
    /// án …") and its owner ("của Thành ủy") are part of its name.
    steering: bool,
    /// Whether the head leads a ministry, whose name may follow it without
    /// its "Bộ" ("Bộ trưởng Giao thông vận tải").
    ministry_head: bool,
}

/// Reads what follows a head, or a body (`body_read`) at `start`.
fn extend(
    toks: &[Token],
    start: usize,
    locality: Locality,
    expect_name: bool,
    body_read: bool,
) -> Tail {
    let mut r = Reader {
        toks,
        start,
        j: start,
        text_end: start,
        locality,
        expect_name,
        after_department: false,
        level_end: None,
        province: None,
        provincial: false,
        body_named: false,
        body_read,
        level_after_body: false,
        before_term: None,
        term_end: None,
        name: None,
        steering: false,
        ministry_head: !body_read && leads_ministry(&toks[..start]),
    };
    while r.j < toks.len() {
        match r.step() {
            Step::Stop => break,
            Step::Skip => {}
            Step::Read { reported } => r.settle(reported),
        }
    }
    r.finish()
}

impl Reader<'_, '_> {
    fn set_state(&mut self, locality: Locality, expect_name: bool, after_department: bool) {
        (self.locality, self.expect_name, self.after_department) =
            (locality, expect_name, after_department);
    }

    /// Reads the next piece.
    fn step(&mut self) -> Step {
        let (toks, j) = (self.toks, self.j);
        let t = &toks[j];
        if let Some(step) = self.steering_words() {
            return step;
        }
        if t.kind == TokenKind::Punct {
            return self.punct();
        }
        if let Some(n) = self.seat(j) {
            self.j += n;
            self.province = None;
            self.set_state(Locality::No, false, false);
            return Step::Read { reported: true };
        }
        if let Some(n) = caps_name_at(toks, j) {
            self.name = Some(j..j + n);
            return Step::Stop;
        }
        // A verb ends the title even where its first word could name a body
        // ("Tỉnh ủy báo cáo": "Báo" is a newspaper only when capitalized).
        if !t.is_capitalized() && STOPS.at(toks, j).is_some_and(|n| n > 1) {
            return Step::Stop;
        }
        match LEXICON.longest(toks, j) {
            Some((part, n)) => self.lexicon_part(part, n),
            None => self
                .term_or_number()
                .or_else(|| self.unlisted_body())
                .unwrap_or_else(|| self.place_or_name()),
        }
    }

    /// Where a liaison board or a representative office sits, part of its
    /// name ("Ban liên lạc … tại Hà Nội", "Văn phòng đại diện … tại TP Hồ
    /// Chí Minh"): the length of "tại" and the place.
    fn seat(&self, j: usize) -> Option<usize> {
        let toks = self.toks;
        // "tại" first: it is rare, and the words read so far are many.
        if !toks[j].is("tại") {
            return None;
        }
        let read = &toks[self.start..j];
        let located = read.windows(2).any(|w| {
            matches!(
                (w[0].key.as_ref(), w[1].key.as_ref()),
                ("liên", "lạc") | ("đại", "diện") | ("thường", "trú")
            )
        });
        if !located {
            return None;
        }
        let level = match LEXICON.longest(toks, j + 1) {
            Some((Part::Level(_), n)) => n,
            _ => 0,
        };
        provinces::at_tokens(toks, j + 1 + level).map(|(_, n)| 1 + level + n)
    }

    /// A steering committee's remit and owner.
    fn steering_words(&mut self) -> Option<Step> {
        // Each step asks; only after a steering committee are the
        // lexicons looked up.
        if !self.steering {
            return None;
        }
        let t = &self.toks[self.j];
        if t.is("về") {
            self.j = remit_end(self.toks, self.j + 1);
            self.text_end = self.j;
            self.province = None;
            self.steering = false;
            return Some(Step::Skip);
        }
        let owner = matches!(
            LEXICON.longest(self.toks, self.j + 1),
            Some((Part::Org { .. }, _))
        );
        if t.is("của") && owner {
            self.j += 1;
            return Some(Step::Skip);
        }
        // "Ban Chỉ đạo đại hội": a remit in plain words, up to the clause end.
        let plain = t.kind == TokenKind::Word
            && !t.is_capitalized()
            && LEXICON.longest(self.toks, self.j).is_none()
            && STOPS.at(self.toks, self.j).is_none();
        if plain {
            self.j = remit_end(self.toks, self.j);
            self.text_end = self.j;
            self.province = None;
            self.steering = false;
            return Some(Step::Skip);
        }
        None
    }

    /// Punctuation ends the title, but for a body after a comma ("Vụ Địa
    /// phương I, Ban Tổ chức Trung ương") and a dash inside a name ("Hội Hữu
    /// nghị Việt - Lào", where no new title and no person follows it).
    fn punct(&mut self) -> Step {
        let t = &self.toks[self.j];
        if t.is_punct(',')
            && let Some(k) = org_continuation(self.toks, self.j + 1)
        {
            self.j = k;
            self.text_end = k;
            self.province = None;
            return Step::Skip;
        }
        // "UBND Q.Tân Bình (TP.HCM)": the province of a district, in
        // parentheses after it, is part of the title.
        if t.is_punct('(')
            && self.place_before()
            && let Some((_, n)) = provinces::at_tokens(self.toks, self.j + 1)
            && self
                .toks
                .get(self.j + 1 + n)
                .is_some_and(|c| c.is_punct(')'))
        {
            self.j += n + 2;
            self.set_state(Locality::No, false, false);
            return Step::Read { reported: true };
        }
        if t.is_punct('(')
            && let Some(n) = abbreviation_aside(self.toks, self.j)
        {
            self.j += n;
            return Step::Skip;
        }
        // "Trưởng đoàn ĐBQH khóa XIV, đơn vị tỉnh Hà Giang".
        if t.is_punct(',')
            && self.term_end == Some(self.j)
            && self.toks.get(self.j + 1).is_some_and(|t| t.is("đơn"))
            && matches!(
                LEXICON.longest(self.toks, self.j + 1),
                Some((Part::Level(_), _))
            )
        {
            self.j += 1;
            return Step::Skip;
        }
        if t.is_dash() && dash_inside_name(self.toks, self.j + 1) {
            self.j += 1;
            self.locality = Locality::Optional;
            return Step::Skip;
        }
        // "UBND TP. Chí Linh", "Thị ủy TX. Kinh Môn": the period of an
        // abbreviated level, its place still to come.
        if level_period(self.toks, self.j) && self.level_end == Some(self.j) {
            self.j += 1;
            return Step::Skip;
        }
        Step::Stop
    }

    /// Whether the title read so far ends with a place below the province
    /// ("Q.Tân Bình", "huyện Lệ Châu").
    fn place_before(&self) -> bool {
        self.level_end
            .is_some_and(|l| l < self.j && self.j - l <= 4 && self.province.is_none())
    }

    /// A word or phrase of the title lexicon.
    fn lexicon_part(&mut self, part: Part, n: usize) -> Step {
        let (toks, j) = (self.toks, self.j);
        if matches!(part, Part::Org { .. }) {
            match self.name_in_body(j, n) {
                Some(NameInBody::Here(len)) => {
                    self.name = Some(j..j + len);
                    return Step::Stop;
                }
                // "UBND tỉnh Đoàn Văn Minh": the level alone, then the name.
                Some(NameInBody::After(part, k)) => return self.lexicon_part(part, k),
                None => {}
            }
        }
        if !matches!(part, Part::HeadModifier) {
            self.body_read = true;
        }
        match part {
            Part::HeadModifier => {
                self.j += n;
                self.set_state(Locality::No, false, false);
            }
            Part::Org { locality, named } => {
                self.steering |= is_steering(&toks[j..j + n]);
                self.provincial = toks[j + n - 1].is("ủy") && toks[j].is("tỉnh");
                self.body_named = !toks[j + n - 1].is("ủy");
                self.j += n;
                self.set_state(locality, named, false);
            }
            Part::Level(locality) => {
                self.provincial = n == 1 && (toks[j].is("tỉnh") || toks[j].is("thủ"));
                self.level_after_body = self.body_named;
                self.j += n;
                self.level_end = Some(self.j);
                self.set_state(locality, false, false);
            }
            Part::Department
                if self.expect_name
                    || self.after_department
                    || (self.ministry_head && j == self.start) =>
            {
                self.j += n;
                self.set_state(Locality::No, false, true);
            }
            Part::Head | Part::Prefix | Part::Department => return Step::Stop,
        }
        Step::Read { reported: true }
    }

    /// Whether the body read so far is complete: a body, level or
    /// department was read, and no name of a body nor a place is awaited
    /// ("Sở" awaits "Tài chính", "Huyện ủy" its district).
    fn body_complete(&self) -> bool {
        self.body_read && !self.expect_name && self.locality != Locality::Required
    }

    /// A person's name beginning inside the body phrase of `n` words at
    /// `toks[j]`, after a complete body: a family name that is also a body
    /// word ("Sở Tài chính Đoàn Thị Lan"), or ends one whose first words
    /// are a level ("UBND tỉnh Đoàn Văn Minh", where "tỉnh Đoàn" reads as
    /// "Tỉnh đoàn").
    fn name_in_body(&self, j: usize, n: usize) -> Option<NameInBody> {
        if !self.body_complete() {
            return self.name_after_head(j, n).map(NameInBody::Here);
        }
        let toks = self.toks;
        (0..n).find_map(|k| {
            let at = j + k;
            let len = name_past_phrase(toks, at, j + n)?;
            if k == 0 {
                return Some(NameInBody::Here(len));
            }
            // The words before the family name are a level or a body of
            // their own, and those after it are no name of their own:
            // "Ban Thường vụ Tỉnh Đoàn Nguyễn Văn An" names the body.
            let part = match LEXICON.longest(&toks[..at], j) {
                Some((
                    part @ (Part::Level(Locality::Optional)
                    | Part::Org {
                        locality: Locality::No | Locality::Optional,
                        named: false,
                    }),
                    m,
                )) if m == k => part,
                _ => return None,
            };
            let given_names_only = name_score(&toks[at + 1..at + len], false).is_none();
            given_names_only.then_some(NameInBody::After(part, k))
        })
    }

    /// The length of a person's name of three or more words beginning at
    /// `toks[j]`, right after a head with no body ("Bí thư Đoàn Văn Minh"):
    /// the family name is also a body word, and the words after it are
    /// given names, neither a name of their own ("Bí thư Đoàn Nguyễn Văn
    /// An" names the body) nor a place ("Trưởng Đoàn Thái Bình").
    fn name_after_head(&self, j: usize, n: usize) -> Option<usize> {
        if self.body_read || self.expect_name {
            return None;
        }
        let toks = self.toks;
        let len = name_past_phrase(toks, j, j + n).filter(|&len| len >= 3)?;
        let given = &toks[j + 1..j + len];
        (name_score(given, false).is_none() && !provinces::is_province(given)).then_some(len)
    }

    /// A term ("khóa XVII", "khoá 16", "nhiệm kỳ 2020-2025"); an owner ("của Bộ Chính trị"); a number or numeral naming a body
    /// ("Đoàn kiểm tra số 11", "Vụ Địa phương I").
    fn term_or_number(&mut self) -> Option<Step> {
        let (toks, j) = (self.toks, self.j);
        let t = &toks[j];
        let w = lex(t);
        let next = toks.get(j + 1);
        let names_body = self.after_department || self.locality != Locality::No;
        if let Some(n) = term_at(toks, j) {
            if self.province.as_ref().is_some_and(|(r, _)| r.end == j) {
                self.before_term = Some(j);
            }
            self.j += n;
            self.term_end = Some(self.j);
            return Some(Step::Read { reported: true });
        }
        // Looked up only after "của".
        let central_owner = || {
            matches!(
                LEXICON.longest(toks, j + 1),
                Some((
                    Part::Org {
                        locality: Locality::No,
                        ..
                    },
                    _
                ))
            )
        };
        if w == "của" && central_owner() {
            // "Trưởng đoàn kiểm tra số 11 của Bộ Chính trị".
            self.j += 1;
            return Some(Step::Skip);
        }
        if w == "số" && next.is_some_and(|n| n.kind == TokenKind::Number) && names_body {
            self.j += 2;
        } else if is_roman(t) && names_body {
            self.j += 1;
        } else if t.kind == TokenKind::Number && (self.expect_name || self.after_department) {
            self.j += 1;
            self.expect_name = false;
        } else {
            return None;
        }
        Some(Step::Read { reported: true })
    }

    /// A body not in the lexicon: an abbreviation ("VKSND", "EVN"), a second
    /// department after "và", or words until a verb ("Hội Luật gia", "Ban
    /// Quản lý dự án").
    fn unlisted_body(&mut self) -> Option<Step> {
        let (toks, j) = (self.toks, self.j);
        let t = &toks[j];
        let w = lex(t);
        if self.locality != Locality::No && is_abbreviated_place(t) {
            // "UBND Q.Tân Bình": a level abbreviation glued to the place's
            // first word, and the rest of the place name.
            self.j += 1;
            let mut k = 0;
            while k < 2
                && toks.get(self.j).is_some_and(is_name_token)
                && full_name_at(toks, self.j).is_none()
            {
                self.j += 1;
                k += 1;
            }
            self.level_end = Some(j + 1);
            self.set_state(Locality::No, false, false);
            return Some(Step::Read { reported: true });
        }
        if t.is_all_caps() && t.text.chars().count() <= 8 && !is_name_token(t) {
            self.steering |= is_steering(&toks[j..j + 1]);
            self.body_read = true;
            self.j += 1;
            self.locality = Locality::Optional;
            return Some(Step::Read { reported: true });
        }
        if (w == "và" || w == "&")
            && (self.after_department || self.expect_name)
            && (matches!(LEXICON.longest(toks, j + 1), Some((Part::Department, _)))
                || second_unlisted_department(toks, j + 1))
        {
            self.j += 1;
            self.expect_name = true;
            return Some(Step::Skip);
        }
        if self.expect_name
            && t.kind == TokenKind::Word
            && (is_name_token(t) || !t.is_capitalized())
            && STOPS.at(toks, j).is_none()
        {
            // A person's full name where the body's name was awaited
            // ("Trưởng đoàn Nguyễn Văn An"): the body goes unnamed. A run
            // of capitals longer than one name holds the body's name and
            // then the person's ("Trường Nguyễn Văn Cừ Lê Thị Hoa").
            if let Some(name) = full_name_at(toks, j)
                && name_run(toks, j, 8) == name.len()
            {
                self.name = Some(name);
                return Some(Step::Stop);
            }
            self.j += 1;
            let mut k = 0;
            while k < 8 && continues_body_name(toks, self.j) {
                self.j += 1;
                k += 1;
            }
            self.set_state(Locality::No, false, true);
            return Some(Step::Read { reported: true });
        }
        None
    }

    /// Capitalized words after a body: a place, a person's name, or both.
    fn place_or_name(&mut self) -> Step {
        let (toks, j) = (self.toks, self.j);
        let t = &toks[j];
        if let Some((known, n)) = provinces::at_tokens(toks, j)
            .filter(|&(_, n)| self.locality != Locality::No && n > name_run(toks, j, 8))
        {
            // A province whose name has a word no person's name has
            // ("Thành ủy Hải Phòng"): the place, whatever follows.
            self.province = Some((j..j + n, Some(known)));
            self.j += n;
            self.text_end = self.j;
            self.set_state(Locality::No, false, false);
            return Step::Skip;
        }
        if !is_name_token(t) {
            return Step::Stop;
        }
        let run = name_run(toks, j, 8);
        let Some((k, has_name)) = split_place_and_name(toks, j, run, self.locality) else {
            return Step::Stop;
        };
        if k > 0 {
            let known = provinces::at_tokens(&toks[j..j + k], 0)
                .filter(|&(_, n)| n == k)
                .map(|(p, _)| p);
            self.province = (known.is_some() || self.provincial).then(|| (j..j + k, known));
            self.j += k;
            self.text_end = self.j;
        }
        if has_name {
            self.name = Some(self.j..self.j + run - k);
            return Step::Stop;
        }
        self.set_state(Locality::No, false, false);
        if k == 0 { Step::Stop } else { Step::Skip }
    }

    /// After a piece is read: the reported text grows, and a province not
    /// at the end any more is part of the title.
    fn settle(&mut self, reported: bool) {
        if reported {
            self.text_end = self.j;
        }
        let b = self.before_term;
        let term_only = b.is_some_and(|b| self.province.as_ref().is_some_and(|(r, _)| r.end == b));
        let at_end = matches!(self.province, Some((ref r, _)) if r.end == self.j);
        if !at_end && reported && !term_only {
            self.province = None;
        }
    }

    /// The tail read, with a province at its end dropped from the text.
    fn finish(self) -> Tail {
        let (toks, start, text_end) = (self.toks, self.start, self.text_end);
        let end = self.j.max(text_end);
        let (text_end, province) = match self.province {
            Some((r, p))
                if r.start > start && (r.end == text_end || self.before_term == Some(r.end)) =>
            {
                // "Tỉnh ủy tỉnh Đắk Lắk", "Thành ủy TP Cần Thơ": the level word
                // belongs to the place, not to the committee.
                let level_at = if level_period(toks, r.start - 1) {
                    r.start - 2
                } else {
                    r.start - 1
                };
                let level_before =
                    matches!(LEXICON.longest(toks, level_at), Some((Part::Level(_), 1)))
                        && !self.level_after_body;
                let cut = if level_before { level_at } else { r.start };
                if r.end == text_end {
                    (cut, p)
                } else {
                    (text_end, p)
                }
            }
            _ => (text_end, None),
        };
        Tail {
            text_end,
            end,
            province,
            name: self.name,
        }
    }
}

/// Whether the words end with the head of a ministry ("Bộ trưởng", "Thứ
/// trưởng").
fn leads_ministry(toks: &[Token]) -> bool {
    matches!(toks, [.., a, b] if b.is("trưởng") && (a.is("bộ") || a.is("thứ")))
}

/// Whether `toks[j]` is the period right after an abbreviated level word
/// ("TP.", "TX.", "H.") that a capitalized place follows.
fn level_period(toks: &[Token], j: usize) -> bool {
    abbreviation_of_period(toks, j).is_some_and(|word| word.text.len() <= 2)
        && toks.get(j + 1).is_some_and(Token::is_capitalized)
        && matches!(LEXICON.longest(toks, j - 1), Some((Part::Level(_), _)))
}

/// The length of a term of office at `toks[j]`: "khóa XIV", "khoá 16",
/// "nhiệm kỳ 2015-2020", "nhiệm kỳ 2020 – 2025".
fn term_at(toks: &[Token], j: usize) -> Option<usize> {
    let w = lex(&toks[j]);
    let next = toks.get(j + 1)?;
    if w == "khóa" || w == "khoá" {
        return (is_roman(next) || next.kind == TokenKind::Number).then_some(2);
    }
    if w != "nhiệm" || lex(next) != "kỳ" {
        return None;
    }
    let mut n = 2;
    while toks
        .get(j + n)
        .is_some_and(|t| t.kind == TokenKind::Number || t.is_dash())
    {
        n += 1;
    }
    // A dash after the last year is not part of the term.
    while n > 2 && toks[j + n - 1].is_dash() {
        n -= 1;
    }
    (n > 2).then_some(n)
}

/// An abbreviation in parentheses inside a title, the title going on after
/// it: "Đoàn đại biểu Quốc hội (ĐBQH) tỉnh". Returns its length.
fn abbreviation_aside(toks: &[Token], j: usize) -> Option<usize> {
    let abbr = toks.get(j + 1)?;
    let is_abbr = abbr.is_all_caps() && abbr.text.chars().count() <= 8 && !is_name_token(abbr);
    let goes_on = matches!(
        LEXICON.longest(toks, j + 3),
        Some((Part::Level(_) | Part::Org { .. }, _))
    );
    (is_abbr && toks.get(j + 2)?.is_punct(')') && goes_on).then_some(3)
}

/// A second department not in the lexicon after "và", in capitals and not
/// a person ("Phòng Tuyên truyền và Xuất bản").
fn second_unlisted_department(toks: &[Token], j: usize) -> bool {
    toks.get(j)
        .is_some_and(|t| t.is_capitalized() && is_name_token(t))
        && LEXICON.longest(toks, j).is_none()
        && full_name_at(toks, j).is_none()
        && name_score(&toks[j..j + name_run(toks, j, 4).max(1)], false).is_none()
}

/// A district, commune or town level abbreviation glued to a place name:
/// "Q.Tân Bình", "H.Củ Chi", "P.Bến Nghé", "TX.Long Khánh".
fn is_abbreviated_place(t: &Token) -> bool {
    ["Q.", "H.", "P.", "TX."].iter().any(|abbr| {
        t.text
            .strip_prefix(abbr)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase)
    })
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

/// The length of a person's name beginning with a family name at
/// `toks[at]` and going on past a body phrase ending at `phrase_end`
/// ("Đoàn Thị Lan", not "Đoàn Thanh Niên"). Two words are a name only where
/// the title would end after them ("Đoàn Sáng trình bày", not "Đoàn Công
/// tác").
fn name_past_phrase(toks: &[Token], at: usize, phrase_end: usize) -> Option<usize> {
    // Most body words are no family name: known before the run is read.
    let first = &toks[at..toks.len().min(at + 2)];
    if !is_name_token(&toks[at]) || surname_rank_of(first) == 0 {
        return None;
    }
    let run = name_run(toks, at, 5);
    let len = (2..=run)
        .rev()
        .find(|&m| name_score(&toks[at..at + m], false).is_some())?;
    let ends_title = |i: usize| {
        toks.get(i).is_none_or(|t| {
            t.kind == TokenKind::Punct || (!t.is_capitalized() && STOPS.at(toks, i).is_some())
        })
    };
    (at + len > phrase_end && (len >= 3 || ends_title(at + len))).then_some(len)
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
    let tail = extend(toks, j + n, locality, named, true);
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
            score += if provinces::is_province(place) {
                2.5
            } else if locality == Locality::Required && place.len() <= 3 {
                if person.is_empty() && has_middle_name(place) && !is_listed_place(place) {
                    continue;
                }
                // Most district and commune names have two syllables.
                1.0 + if place.len() == 2 { 0.7 } else { 0.0 }
            } else if locality == Locality::Optional
                && place.len() <= 3
                && surname_rank_of(place) == 0
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

/// Whether words read as a person's name by its middle name: a family
/// name, then "Văn" or "Thị", then a given name or two ("Lê Văn Cường").
/// Places named so are after people, and listed.
fn has_middle_name(words: &[Token]) -> bool {
    (3..=4).contains(&words.len())
        && matches!(words[1].key.as_ref(), "văn" | "thị")
        && surname_rank_of(words) > 0
}

/// Whether words name a district, commune or ward in the gazetteers.
fn is_listed_place(words: &[Token]) -> bool {
    [
        &provinces::DISTRICTS_2024,
        &provinces::COMMUNES_2024,
        &provinces::WARDS_2025,
    ]
    .iter()
    .any(|places| places.names(words))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::tokenize;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::testing::cases(2000))]

        /// Tokens' text read from their gaps is the text [`clean`] makes.
        ///
        /// [`clean`]: super::super::doc::clean
        #[test]
        fn tokens_text_is_the_clean_text(
            s in "[ aB,\t\n\u{a0}\u{2009}\u{3000}ồỦ\u{300}'.(-]{0,24}"
        ) {
            let toks = tokenize(&s, 0..s.len());
            for i in 0..toks.len() {
                for j in i + 1..=toks.len() {
                    let plain = crate::extract::doc::clean(&s[toks[i].start..toks[j - 1].end]);
                    prop_assert_eq!(tokens_text(&s, &toks[i..j]), plain);
                }
            }
        }
    }

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
    fn an_abbreviated_level_keeps_its_place() {
        assert_eq!(
            read("Chủ tịch UBND TP. Chí Linh; đồng chí"),
            ("Chủ tịch UBND TP. Chí Linh".into(), None, None)
        );
        assert_eq!(
            read("Chủ tịch UBND TX. Kinh Môn Lê Văn An phát biểu"),
            (
                "Chủ tịch UBND TX. Kinh Môn".into(),
                None,
                Some("Lê Văn An".into())
            )
        );
        assert_eq!(
            read("Bí thư Thành ủy TP. Hải Dương."),
            ("Bí thư Thành ủy".into(), Some("Hải Dương"), None)
        );
        // A period that ends the sentence still ends the title.
        assert_eq!(
            read("Chủ tịch UBND TP. đồng chí"),
            ("Chủ tịch UBND TP".into(), None, None)
        );
    }

    #[test]
    fn a_ministry_may_follow_its_head_without_its_word() {
        assert_eq!(
            read("Bộ trưởng Giao thông vận tải Nguyễn Văn Thể dự"),
            (
                "Bộ trưởng Giao thông vận tải".into(),
                None,
                Some("Nguyễn Văn Thể".into())
            )
        );
        assert_eq!(
            read("Thứ trưởng Tài chính Lê Văn Bình nói"),
            (
                "Thứ trưởng Tài chính".into(),
                None,
                Some("Lê Văn Bình".into())
            )
        );
        // Any other head still needs its body's word.
        assert_eq!(
            read("Giám đốc Tài chính Lê Văn Bình nói"),
            ("Giám đốc".into(), None, None)
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

    /// Asserts that `s` reads as `title` before the name `person`.
    fn reads(s: &str, title: &str, person: Option<&str>) {
        let (t, _, n) = read(s);
        assert_eq!((t.as_str(), n.as_deref()), (title, person), "{s}");
    }

    /// A family name that is also a body word ("Đoàn") begins the name
    /// after a complete body: a body, a level or a department.
    #[test]
    fn family_names_that_are_body_words_after_a_body() {
        let name = |s: &str, title: &str, person: &str| reads(s, title, Some(person));
        name(
            "Trưởng Ban Tổ chức Tỉnh ủy Đoàn Thị Mai Hoa trình bày",
            "Trưởng Ban Tổ chức Tỉnh ủy",
            "Đoàn Thị Mai Hoa",
        );
        name(
            "Phó Chủ tịch UBND tỉnh Đoàn Văn Tâm phát biểu.",
            "Phó Chủ tịch UBND tỉnh",
            "Đoàn Văn Tâm",
        );
        name(
            "Chủ tịch UBND tỉnh Đoàn Văn Tâm phát biểu.",
            "Chủ tịch UBND tỉnh",
            "Đoàn Văn Tâm",
        );
        name(
            "Trưởng Đoàn ĐBQH tỉnh Đoàn Hữu Lộc phát biểu.",
            "Trưởng Đoàn ĐBQH tỉnh",
            "Đoàn Hữu Lộc",
        );
        name(
            "Giám đốc Sở Tài chính Đoàn Thị Lan phát biểu.",
            "Giám đốc Sở Tài chính",
            "Đoàn Thị Lan",
        );
        name(
            "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy Đoàn Lê Hữu Nhân trình bày",
            "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
            "Đoàn Lê Hữu Nhân",
        );
        // Two words where the title ends after them.
        name(
            "Phó Chủ tịch UBND tỉnh Đoàn Tâm, Giám đốc",
            "Phó Chủ tịch UBND tỉnh",
            "Đoàn Tâm",
        );
        name(
            "Bí thư Đảng ủy Khối Đoàn Văn Hậu phát biểu",
            "Bí thư Đảng ủy Khối",
            "Đoàn Văn Hậu",
        );
        // The same family name in the youth union's own title.
        name(
            "Phó Bí thư Tỉnh đoàn Đoàn Văn Hậu phát biểu",
            "Phó Bí thư Tỉnh đoàn",
            "Đoàn Văn Hậu",
        );
        // Right after a head, before given names.
        name("Bí thư Đoàn Văn Hậu phát biểu", "Bí thư", "Đoàn Văn Hậu");
        name(
            "Phó Chủ tịch Đoàn Thị Mai Hoa, Giám đốc",
            "Phó Chủ tịch",
            "Đoàn Thị Mai Hoa",
        );
    }

    /// A full name where a body's name was awaited is the person, and the
    /// body goes unnamed; a longer run of capitals names the body first.
    #[test]
    fn a_full_name_after_an_unnamed_body_is_the_person() {
        let name = |s: &str, title: &str, person: &str| reads(s, title, Some(person));
        name(
            "Trưởng đoàn Nguyễn Văn An phát biểu",
            "Trưởng đoàn",
            "Nguyễn Văn An",
        );
        name(
            "Giám đốc Sở Trần Văn Bình phát biểu",
            "Giám đốc Sở",
            "Trần Văn Bình",
        );
        name(
            "Bí thư Đoàn Nguyễn Văn An phát biểu",
            "Bí thư Đoàn",
            "Nguyễn Văn An",
        );
        name(
            "Hiệu trưởng Trường Nguyễn Văn Cừ Lê Thị Hoa phát biểu",
            "Hiệu trưởng Trường Nguyễn Văn Cừ",
            "Lê Thị Hoa",
        );
    }

    /// Bodies named "Đoàn …" stay bodies.
    #[test]
    fn bodies_named_doan_stay_bodies() {
        let body = reads;
        body(
            "Bí thư Đoàn Thanh niên tỉnh Lê Văn Hùng phát biểu",
            "Bí thư Đoàn Thanh niên tỉnh",
            Some("Lê Văn Hùng"),
        );
        body(
            "Trưởng Đoàn đại biểu Quốc hội tỉnh phát biểu",
            "Trưởng Đoàn đại biểu Quốc hội tỉnh",
            None,
        );
        body(
            "Trưởng đoàn kiểm tra số 11 của Bộ Chính trị phát biểu",
            "Trưởng đoàn kiểm tra số 11 của Bộ Chính trị",
            None,
        );
        body(
            "Phó Trưởng Đoàn ĐBQH chuyên trách tỉnh Lê Văn Hùng phát biểu",
            "Phó Trưởng Đoàn ĐBQH chuyên trách tỉnh",
            Some("Lê Văn Hùng"),
        );
        body(
            "Bí thư Tỉnh Đoàn Nguyễn Văn An phát biểu",
            "Bí thư Tỉnh Đoàn",
            Some("Nguyễn Văn An"),
        );
        // After a head, a place after "Đoàn".
        body(
            "Trưởng Đoàn Thái Bình phát biểu",
            "Trưởng Đoàn Thái Bình",
            None,
        );
        // After a body that has an owner, "Tỉnh Đoàn" before a name of
        // its own is that owner.
        body(
            "Ủy viên Ban Thường vụ Tỉnh Đoàn Nguyễn Văn An phát biểu",
            "Ủy viên Ban Thường vụ Tỉnh Đoàn",
            Some("Nguyễn Văn An"),
        );
        body(
            "Ủy viên Ban Chấp hành Đoàn Thanh Niên tỉnh phát biểu",
            "Ủy viên Ban Chấp hành Đoàn Thanh Niên tỉnh",
            None,
        );
        body(
            "Phó Trưởng Ban Tổ chức Tỉnh ủy, Trưởng Đoàn công tác",
            "Phó Trưởng Ban Tổ chức Tỉnh ủy",
            None,
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
        assert_eq!(
            read("Phó Bí thư Tỉnh ủy Đắk Lắk khóa XVI phát biểu"),
            (
                "Phó Bí thư Tỉnh ủy Đắk Lắk khóa XVI".into(),
                Some("Đắk Lắk"),
                None
            )
        );
    }
}
