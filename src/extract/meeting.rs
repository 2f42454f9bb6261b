//! The meeting: which body met, its session number and term, and the date,
//! resolved against the page stamp ("Chiều 5/11" → 2020-11-05, "chiều nay"
//! → the publication day).

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;

use crate::text::pattern::{Bounded, Groups, Pattern};

use super::doc::{Doc, Sentence, clean};
use super::header::source_run;
use super::people::People;
use super::{Date, Found, Span, SpanSet};
use crate::gazetteer::{FirstWords, Lexicon, PhraseList, PhraseStarts};
use crate::text::segment::{Token, has_ascii_digit};
use crate::text::{BlockKind, lex_key};

/// The meeting facts with their spans.
#[derive(Debug, Clone, Default)]
pub struct Meeting {
    pub body: Option<Found<String>>,
    pub date: Option<Found<Date>>,
    /// Where the date's year was read.
    pub year_from: Option<YearFrom>,
    pub session: Option<Found<u32>>,
    pub term: Option<Found<String>>,
}

/// Bodies that meet, each spelling mapped to the name reported.
const BODIES: &[(&str, &[&str])] = &[
    (
        "Ban Thường vụ Tỉnh ủy",
        &["Ban Thường vụ Tỉnh ủy", "BTV Tỉnh ủy", "Ban TVTU"],
    ),
    (
        "Ban Thường vụ Thành ủy",
        &["Ban Thường vụ Thành ủy", "BTV Thành ủy"],
    ),
    (
        "Ban Thường vụ Huyện ủy",
        &["Ban Thường vụ Huyện ủy", "BTV Huyện ủy"],
    ),
    ("Ban Thường vụ Đảng ủy", &["Ban Thường vụ Đảng ủy"]),
    (
        "Ban Chấp hành Đảng bộ tỉnh",
        &[
            "Ban Chấp hành Đảng bộ tỉnh",
            "BCH Đảng bộ tỉnh",
            "Ban Chấp hành Tỉnh ủy",
            "BCH Tỉnh ủy",
        ],
    ),
    (
        "Ban Chấp hành Đảng bộ thành phố",
        &[
            "Ban Chấp hành Đảng bộ thành phố",
            "BCH Đảng bộ thành phố",
            "Ban Chấp hành Thành ủy",
        ],
    ),
    (
        "Ban Chấp hành Đảng bộ huyện",
        &["Ban Chấp hành Đảng bộ huyện", "Ban Chấp hành Huyện ủy"],
    ),
    ("Thường trực Tỉnh ủy", &["Thường trực Tỉnh ủy"]),
    ("Thường trực Thành ủy", &["Thường trực Thành ủy"]),
    (
        "Thường trực HĐND tỉnh",
        &[
            "Thường trực HĐND tỉnh",
            "Thường trực Hội đồng nhân dân tỉnh",
        ],
    ),
    (
        "Ủy ban Kiểm tra Tỉnh ủy",
        &["Ủy ban Kiểm tra Tỉnh ủy", "UBKT Tỉnh ủy"],
    ),
    (
        "Ủy ban Kiểm tra Thành ủy",
        &["Ủy ban Kiểm tra Thành ủy", "UBKT Thành ủy"],
    ),
    ("Tỉnh ủy", &["Tỉnh ủy"]),
    ("Thành ủy", &["Thành ủy"]),
    ("Huyện ủy", &["Huyện ủy"]),
    ("UBND tỉnh", &["UBND tỉnh", "Ủy ban nhân dân tỉnh"]),
    (
        "UBND thành phố",
        &["UBND thành phố", "Ủy ban nhân dân thành phố"],
    ),
    ("HĐND tỉnh", &["HĐND tỉnh", "Hội đồng nhân dân tỉnh"]),
    (
        "HĐND thành phố",
        &["HĐND thành phố", "Hội đồng nhân dân thành phố"],
    ),
    ("Ban Chỉ đạo", &["Ban Chỉ đạo"]),
    (
        "Đại hội đại biểu Đảng bộ tỉnh",
        &["Đại hội đại biểu Đảng bộ tỉnh", "Đại hội Đảng bộ tỉnh"],
    ),
    (
        "Đại hội đại biểu Đảng bộ thành phố",
        &[
            "Đại hội đại biểu Đảng bộ thành phố",
            "Đại hội Đảng bộ thành phố",
            "Đại hội đại biểu Đảng bộ TP",
            "Đại hội Đảng bộ TP",
        ],
    ),
];

static BODY_LEXICON: LazyLock<Lexicon<usize>> = LazyLock::new(|| {
    let mut lx = Lexicon::new();
    for (i, (_, spellings)) in BODIES.iter().enumerate() {
        lx.add_all(spellings, i);
    }
    lx
});

/// Where a body's name may start: every spelling has two words or more,
/// so a common first word ("tỉnh", "thành", "hội") is passed over unless
/// a spelling's second word follows it.
static BODY_STARTS: LazyLock<PhraseStarts> = LazyLock::new(|| BODY_LEXICON.starts_where(|_| true));

/// The longest body spelling at `toks[i]`, screened by [`BODY_STARTS`].
fn body_at(toks: &[Token], i: usize) -> Option<(usize, usize)> {
    BODY_STARTS
        .may_start(toks, i)
        .then(|| BODY_LEXICON.longest(toks, i))
        .flatten()
}

/// Verbs that make a body the one meeting ("Ban Thường vụ Tỉnh ủy họp").
static MEETING_VERBS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "họp",
        "tổ chức",
        "tiếp tục",
        "tiến hành",
        "làm việc",
        "nhóm họp",
        "khai mạc",
        "bế mạc",
        "cho ý kiến",
        "thảo luận",
        "bàn",
        "nghe",
        "xem xét",
        "đã họp",
        "triệu tập",
        "thông qua",
    ])
});
/// What a congress that met is told to have done, after its name and
/// number ("Đại hội … lần thứ XVII, nhiệm kỳ 2020-2025 khai mạc").
static CONGRESS_VERBS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "khai mạc",
        "bế mạc",
        "tiến hành",
        "diễn ra",
        "thành công",
        "công bố",
        "bầu",
        "họp",
        "làm việc",
    ])
});

/// Words between a congress and what it is told to have done ("đã",
/// "chính thức được" khai mạc).
const CONGRESS_AUXILIARIES: &[&str] = &["đã", "chính", "thức", "được"];

/// Whether the body named at `toks[i]` is a congress ("Đại hội Đảng bộ
/// tỉnh").
fn is_congress(toks: &[Token], i: usize) -> bool {
    toks[i].is("đại")
}

/// Whether the congress named at `toks[i..i + n]` is told to open, hold
/// or close; else it is one prepared for, attended or cited ("chuẩn bị
/// nhân sự cho Đại hội …", "Nghị quyết Đại hội …").
fn congress_held(toks: &[Token], i: usize, n: usize) -> bool {
    let mut after = skip_congress_number(toks, skip_place(toks, i + n));
    while toks
        .get(after)
        .is_some_and(|t| CONGRESS_AUXILIARIES.iter().any(|a| t.is(a)))
    {
        after += 1;
    }
    CONGRESS_VERBS.at(toks, after).is_some()
        || (i > 1 && toks[i - 2].is("diễn") && toks[i - 1].is("ra"))
}

/// Past a congress's number and term after its name: ", lần thứ XVII,
/// nhiệm kỳ 2020 - 2025" or "lần thứ I (nhiệm kỳ 2025 - 2030)".
fn skip_congress_number(toks: &[Token], mut i: usize) -> usize {
    let comma = |i: usize| usize::from(toks.get(i).is_some_and(|t| t.is_punct(',')));
    i += comma(i);
    if toks.get(i).is_some_and(|t| t.is("lần")) && toks.get(i + 1).is_some_and(|t| t.is("thứ"))
    {
        i += 3;
    }
    i += comma(i);
    let open = usize::from(toks.get(i).is_some_and(|t| t.is_punct('(')));
    if toks.get(i + open).is_some_and(|t| t.is("nhiệm"))
        && toks.get(i + open + 1).is_some_and(|t| t.is("kỳ"))
    {
        i += open + 2;
        // The years: "2020 - 2025", "2020-2025".
        while toks
            .get(i)
            .is_some_and(|t| t.kind == crate::text::segment::TokenKind::Number || t.is_dash())
        {
            i += 1;
        }
        i += usize::from(open == 1 && toks.get(i).is_some_and(|t| t.is_punct(')')));
    }
    i + comma(i)
}

/// Nouns before a body that name its meeting ("Hội nghị Ban Thường vụ …").
static MEETING_NOUNS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "hội nghị",
        "kỳ họp",
        "phiên họp",
        "cuộc họp",
        "buổi làm việc",
    ])
});

/// Words ending a delegation's name: "Đoàn công tác của Ban Bí thư | làm việc".
static DELEGATION_END: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "làm việc",
        "do",
        "tại",
        "về",
        "đến",
        "với",
        "đã",
        "kiểm tra",
        "dẫn đầu",
    ])
});
/// What a delegation does when it meets a province.
static DELEGATION_WORK: LazyLock<PhraseList> =
    LazyLock::new(|| PhraseList::new(&["làm việc", "kiểm tra", "đến"]));

/// The most whitespace-separated pieces a date pattern spans ("sáng nay
/// ( ngày 5 / 11 / 2020", "trong 2 ngày 6 và 7 / 8 / 2020"), with room to
/// spare: the patterns are tried only over that many from where their
/// screens match, not through the backtracker over the whole sentence.
const DATE_SPAN_WORDS: usize = 14;

/// The most whitespace-separated pieces a session ("kỳ họp lần thứ 4")
/// and a term ("khóa XX") span, with room to spare: like the dates, they
/// are tried anchored where their screens match.
const SESSION_WORDS: usize = 8;
const TERM_WORDS: usize = 4;

const SESSION_PATTERN: &str = r"(?i)\b(?:kỳ họp|phiên họp|hội nghị|họp kỳ|kỳ)\s+(?:lần\s+)?thứ\s+(\d{1,3}|[IVXL]{1,6}|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)\b";
static SESSION: LazyLock<Bounded> = LazyLock::new(|| Bounded::new(SESSION_PATTERN, SESSION_WORDS));
static HOI_NGHI: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)hội nghị").unwrap());
/// "lần thứ 5" within sixty characters of a meeting's noun, no period or
/// semicolon between: read by [`session_after_body`].
#[cfg(test)]
const SESSION_AFTER_BODY_PATTERN: &str = r"(?i)^[^.;]{0,60}?\blần\s+thứ\s+(\d{1,3}|[IVXL]{1,6}|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)\b";
/// The session's number as [`SESSION_AFTER_BODY_PATTERN`] reads it, with
/// none of the sixty copies of a class before it that make the pattern
/// cost more to build than to run over a thousand pages.
const SESSION_NUMBER_PATTERN: &str =
    r"(?i)\blần\s+thứ\s+(\d{1,3}|[IVXL]{1,6}|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)\b";
/// The most whitespace-separated pieces "lần thứ 5" spans, with room.
const SESSION_NUMBER_WORDS: usize = 4;
static SESSION_NUMBER: LazyLock<Bounded> =
    LazyLock::new(|| Bounded::new(SESSION_NUMBER_PATTERN, SESSION_NUMBER_WORDS));
/// The most characters before "lần thứ" after a meeting's noun.
const SESSION_AFTER_CHARS: usize = 60;
const TERM_PATTERN: &str = r"\b(?:khóa|khoá|Khóa|Khoá)\s+([IVXL]{1,7})\b";
static TERM: LazyLock<Bounded> = LazyLock::new(|| Bounded::new(TERM_PATTERN, TERM_WORDS));
static CENTRAL_BEFORE_TERM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:trung ương|t\.ư|tw|tư|quốc hội)(?:\s+đảng)?\s*$").unwrap()
});
/// "Chiều 5/11", "ngày 22-8", "Sáng nay (12/10)", "Hôm nay 22/7",
/// "Chiều tối qua (23/9)".
const DATE_CUE_PATTERN: &str = r"(?i)\b(?:(?:sáng|chiều(?:\s+tối)?|tối|trưa|đêm|hôm)\s+(?:(?:nay|qua)\s*\(?\s*)?(?:ngày\s+)?|ngày\s+)(\d{1,2})\s*[/.\-–]\s*(\d{1,2})(?:\s*[/.\-–]\s*(\d{4}))?\b";
static DATE_CUE: LazyLock<Bounded> =
    LazyLock::new(|| Bounded::new(DATE_CUE_PATTERN, DATE_SPAN_WORDS));
/// A meeting over days of one month, read as its first: "Trong 2 ngày 6
/// và 7/8", "ngày 14, 15/12", "Từ ngày 22-24/9", "từ ngày 22 đến 24/9".
const DATE_PAIR_PATTERN: &str = r"(?i)\b(?:trong\s+(?:2|hai)\s+ngày\s+|(?:từ\s+)?(?:(?:sáng|chiều)\s+)?ngày\s+)(\d{1,2})\s*(?:và|,|[-–]|đến|tới)\s*\d{1,2}\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?\b";
static DATE_PAIR: LazyLock<Bounded> =
    LazyLock::new(|| Bounded::new(DATE_PAIR_PATTERN, DATE_SPAN_WORDS));
/// A meeting from one dated day to another, read as its first, in the
/// year written after the last: "Từ ngày 30/9 đến ngày 2/10/2020".
const DATE_SPAN_PATTERN: &str = r"(?i)\b(?:từ\s+)?(?:(?:sáng|chiều)\s+)?ngày\s+(\d{1,2})\s*[/.]\s*(\d{1,2})\s*(?:[-–]|đến|tới)\s*(?:ngày\s+)?\d{1,2}\s*[/.]\s*\d{1,2}(?:\s*[/.\-]\s*(\d{4}))?\b";
static DATE_SPAN: LazyLock<Bounded> =
    LazyLock::new(|| Bounded::new(DATE_SPAN_PATTERN, DATE_SPAN_WORDS));
/// A source named before the lead: "(Baohatinh.vn) - ", "CTTĐT - ". Read
/// by [`source_prefix_end`]: as a regex its eighty copies of `\w` cost
/// more to build than all of the meeting's other patterns.
#[cfg(test)]
const SOURCE_PREFIX_PATTERN: &str =
    r"^(?:\([^()]{2,40}\)\s*(?:[-–—]\s*)?|[\w.&]{2,40}(?:\s[\w.&]{1,20}){0,2}\s*[-–—]\s*)";
const DATE_WORDS_PATTERN: &str = r"(?i)\b(?:(?:sáng|chiều|tối|trưa|đêm)\s+)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?";
static DATE_WORDS: LazyLock<Bounded> =
    LazyLock::new(|| Bounded::new(DATE_WORDS_PATTERN, DATE_SPAN_WORDS));
static RELATIVE_TODAY: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)\b(?:sáng|chiều|tối|trưa|hôm|đêm)\s+nay\b"));
static RELATIVE_YESTERDAY: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)\b(?:sáng|chiều|tối|trưa|hôm|đêm)\s+qua\b"));
/// The words [`RELATIVE_TODAY`] and [`RELATIVE_YESTERDAY`] end with.
static NAY: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("nay"));
static QUA: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("qua"));
/// Whether the ASCII lower case of a text holds one of `words`.
fn holds_any(lower: &[u8], words: &[memmem::Finder<'static>]) -> bool {
    words.iter().any(|w| w.find(lower).is_some())
}

/// What [`RELATIVE_UNKNOWN`]'s words other than those ending in "qua"
/// ("mới đây", "tuần trước") hold in the ASCII lower case of any case of
/// them: no letter of "đây" or "trước" but ASCII ones has another case
/// than its capital, and ASCII ones are lowered.
static UNKNOWN_ENDINGS: LazyLock<[memmem::Finder<'static>; 4]> =
    LazyLock::new(|| ["ây", "Ây", "ớc", "Ớc"].map(memmem::Finder::new));
static RELATIVE_UNKNOWN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)\b(?:cuối tuần qua|tuần qua|vừa qua|mới đây|tuần trước|tháng trước|hôm trước)\b",
    )
});

/// The keys of the ordinals one to ten, made once.
static ORDINAL_KEYS: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ]
    .iter()
    .map(|w| lex_key(w))
    .collect()
});

fn session_number(s: &str) -> Option<u32> {
    let key = lex_key(s);
    if let Some(i) = ORDINAL_KEYS.iter().position(|w| *w == key) {
        return Some(i as u32 + 1);
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    roman(s)
}

/// The value of a Roman numeral up to L.
pub fn roman(s: &str) -> Option<u32> {
    let val = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let digits: Vec<u32> = s.chars().map(val).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&n| n > d) {
            total -= d as i64;
        } else {
            total += d as i64;
        }
    }
    (total > 0).then_some(total as u32)
}

/// Reads the meeting facts. `published` is the page date that relative
/// dates are read against.
pub fn extract(doc: &Doc, published: Option<Date>, people: &People) -> Meeting {
    let lead = lead_sentences(doc);
    let BodyScan {
        best: body,
        names_body,
    } = body(doc, people);
    let body_sentence = body.as_ref().and_then(|(_, si)| doc.sentences().nth(*si));
    let around = around_body(body_sentence, &lead);
    let (date, year_from) = date(doc, &lead, published, &names_body);
    Meeting {
        session: session(doc, &around),
        term: term(doc, &around),
        date,
        year_from,
        body: body.map(|(b, _)| b),
    }
}

/// Paragraphs that make the lead, the title's included.
const LEAD_PARAGRAPHS: usize = 4;

/// The title sentence and those of the first paragraphs.
fn lead_sentences<'d>(doc: &'d Doc) -> Vec<&'d Sentence<'d>> {
    doc.paragraphs
        .iter()
        .take(LEAD_PARAGRAPHS)
        .flat_map(|p| doc.sentences_of(p))
        .collect()
}

/// The sentences read for the session and term: the body's, then the
/// lead's. A lead sentence that is the body's is read once: what is read
/// of a sentence depends on its text alone, so a second reading after the
/// first found nothing would find nothing either.
fn around_body<'d>(
    body: Option<&'d Sentence<'d>>,
    lead: &[&'d Sentence<'d>],
) -> Vec<&'d Sentence<'d>> {
    let mut around: Vec<&Sentence> = body.into_iter().collect();
    around.extend(
        lead.iter()
            .copied()
            .filter(|s| body.is_none_or(|b| b.range() != s.range())),
    );
    around
}

/// What the scan for the meeting's body finds: the best body with the
/// index of the sentence it was read from, and which sentences name a body
/// at all (asked again of later paragraphs, see [`later_meeting_date`]).
struct BodyScan {
    best: Option<(Found<String>, usize)>,
    names_body: Vec<bool>,
}

/// A name read as a body's: a known body, or a delegation's words.
#[derive(Clone, Copy)]
enum BodyName {
    Known(usize),
    Delegation,
}

/// A body found, scored (see [`body`]).
struct Candidate {
    score: f32,
    name: BodyName,
    span: Span,
    sentence: usize,
}

/// Every word a body's name or a delegation's ("Đoàn công tác") may open
/// with: a token none of them may be is passed over after one bit test.
static BODY_OR_DELEGATION: LazyLock<FirstWords> = LazyLock::new(|| {
    let mut words = BODY_STARTS.first_words();
    words.insert_words(&["đoàn"]);
    words
});

/// The body that met, with the index of the sentence it was read from.
/// A body is scored by the words around it; one whose best possible score
/// cannot beat the best so far is not scored (ties keep the first).
fn body(doc: &Doc, people: &People) -> BodyScan {
    let mut masked: Option<SpanSet> = None;
    let mut in_title = |s: usize| {
        masked
            .get_or_insert_with(|| title_spans(people))
            .contains(s)
    };
    let lead_end = doc.paragraphs.get(3).map_or(usize::MAX, |p| p.start);
    let mut best: Option<Candidate> = None;
    let mut names_body = Vec::with_capacity(doc.sentences().len());
    let screen = &*BODY_OR_DELEGATION;
    for (si, sentence) in doc.sentences().enumerate() {
        let toks = sentence.tokens;
        // Asked only of sentences naming a body, once.
        let mut meeting_sentence: Option<bool> = None;
        let mut any_body = false;
        // Bodies up to here are named as a place or an owner.
        let mut apart_until = 0;
        for i in 0..toks.len() {
            if !screen.may_hold(&toks[i]) {
                continue;
            }
            let lead = toks[i].start < lead_end;
            let known = body_at(toks, i);
            any_body |= known.is_some();
            if let Some((_, n)) = known
                && place_or_owner(toks, i, n)
            {
                // So is any body inside it ("Tỉnh ủy" of "Ban Thường vụ
                // Tỉnh ủy").
                apart_until = i + n;
            }
            let met = known.filter(|&(_, n)| {
                i >= apart_until
                    && !in_title(toks[i].start)
                    && (!is_congress(toks, i) || congress_held(toks, i, n))
            });
            let to_beat = best.as_ref().map(|b| b.score);
            let Some((mut score, name, span)) = candidate_at(toks, i, met, lead, to_beat) else {
                continue;
            };
            if span.start < lead_end {
                score += 3.0;
            }
            if tells_of_before(toks) {
                score -= 4.0;
            }
            if *meeting_sentence.get_or_insert_with(|| meeting_words(toks)) {
                score += 1.0;
            }
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(Candidate {
                    score,
                    name,
                    span,
                    sentence: si,
                });
            }
        }
        names_body.push(any_body);
    }
    let best = best.map(|c| {
        let name = match c.name {
            BodyName::Known(b) => BODIES[b].0.to_string(),
            BodyName::Delegation => clean(&doc.text[c.span.range()]),
        };
        (Found::new(name, c.span), c.sentence)
    });
    BodyScan { best, names_body }
}

/// The body named at `toks[i]`, the known body `met` or else a
/// delegation, with its score before the lead, earlier-event and
/// meeting-sentence adjustments; None where none is named, or where it
/// could not beat the best so far (`to_beat`).
fn candidate_at(
    toks: &[Token],
    i: usize,
    met: Option<(usize, usize)>,
    lead: bool,
    to_beat: Option<f32>,
) -> Option<(f32, BodyName, Span)> {
    let beaten = |ub: f32| to_beat.is_some_and(|b| b >= ub);
    if let Some((b, n)) = met {
        let base = 1.0 + BODIES[b].0.len() as f32 / 100.0;
        if beaten(top_score(base + 4.0 + 4.0, lead)) {
            return None;
        }
        let span = Span::new(toks[i].start, toks[i + n - 1].end);
        return Some((known_body_score(toks, i, n, base), BodyName::Known(b), span));
    }
    if !opens_delegation(toks, i) || beaten(top_score(1.0 + 4.0, lead)) {
        return None;
    }
    let (score, span) = delegation(toks, i);
    Some((score, BodyName::Delegation, span))
}

/// Whether a sentence tells of an earlier event ("Trước đó, ngày 10/12,
/// Ban Chấp hành … đã tổ chức hội nghị …"): not the meeting reported.
fn tells_of_before(toks: &[Token]) -> bool {
    toks.first().is_some_and(|t| t.is("trước"))
        && toks.get(1).is_some_and(|t| t.is("đó") || t.is("khi"))
}

/// Whether the body `toks[i..i + n]` is named as a place ("tại trụ sở
/// Tỉnh ủy", "ở Tỉnh ủy"), as the owner of departments ("các ban đảng
/// Tỉnh ủy") or as a list's label ("các đồng chí trong Ban Thường vụ Tỉnh
/// ủy:"), not as what met.
fn place_or_owner(toks: &[Token], i: usize, n: usize) -> bool {
    let Some(before) = i.checked_sub(1).map(|p| toks[p].key.as_ref()) else {
        return false;
    };
    matches!(before, "tại" | "ở" | "sở" | "đảng")
        || before == "trong" && toks.get(i + n).is_some_and(|t| t.is_punct(':'))
}

/// The spans of people's titles, where a body's name is part of a title
/// ("Bí thư Tỉnh ủy"), not the body that met.
fn title_spans(people: &People) -> SpanSet {
    SpanSet::new(
        people
            .people
            .iter()
            .flat_map(|p| p.positions.iter().map(|pos| pos.span))
            .chain(people.title_refs.iter().map(|r| r.span)),
    )
}

/// The most a body scored `scored` before the lead and meeting-sentence
/// bonuses can reach: added in the order [`body`] adds them, so no score
/// of a body is above it.
fn top_score(scored: f32, lead: bool) -> f32 {
    let mut score = scored;
    if lead {
        score += 3.0;
    }
    score + 1.0
}

/// The score of a known body `toks[i..i + n]` from the words around it,
/// before the lead and meeting-sentence bonuses.
fn known_body_score(toks: &[Token], i: usize, n: usize, base: f32) -> f32 {
    let mut score = base;
    if is_congress(toks, i) {
        // Told to open, hold or close (see `congress_held`): the event
        // itself, over the committees it elects and that meet inside it.
        return score + 8.0;
    }
    let after = skip_place(toks, i + n);
    if MEETING_VERBS.at(toks, after).is_some() {
        score += 4.0;
    }
    // "Hội nghị Ban Thường vụ …", "cuộc họp của Thường trực …".
    let owner = i > 0 && toks[i - 1].is("của");
    if MEETING_NOUNS.ends_before(toks, i) || (owner && MEETING_NOUNS.ends_before(toks, i - 1)) {
        return score + 4.0;
    }
    if i > 0
        && matches!(
            toks[i - 1].key.as_ref(),
            "của" | "về" | "cho" | "với" | "và"
        )
    {
        score -= 2.0;
    }
    score
}

/// Whether "Đoàn công tác" opens at `toks[i]`.
fn opens_delegation(toks: &[Token], i: usize) -> bool {
    toks[i].key == "đoàn"
        && toks.get(i + 1).is_some_and(|t| t.key == "công")
        && toks.get(i + 2).is_some_and(|t| t.key == "tác")
}

/// A delegation's working session: "Đoàn công tác của Ban Bí thư …", its
/// score before the lead and meeting-sentence bonuses and its span.
fn delegation(toks: &[Token], i: usize) -> (f32, Span) {
    let mut j = i + 3;
    while j < toks.len()
        && !toks[j].is_punct(',')
        && !toks[j].is_punct('.')
        && DELEGATION_END.at(toks, j).is_none()
    {
        j += 1;
    }
    let span = Span::new(toks[i].start, toks[j - 1].end);
    let mut score = 1.0;
    if DELEGATION_WORK.at(toks, j).is_some() {
        score += 4.0;
    }
    (score, span)
}

/// The hash of the key of "họp", tested before the key itself.
static HOP: LazyLock<u64> = LazyLock::new(|| {
    let word = "họp";
    crate::text::segment::tokenize(word, 0..word.len())[0].hash
});

/// Whether a sentence holds a meeting noun or "họp", asked of each token
/// in one walk.
fn meeting_words(toks: &[Token]) -> bool {
    let hop = *HOP;
    (0..toks.len())
        .any(|i| (toks[i].hash == hop && toks[i].is("họp")) || MEETING_NOUNS.at(toks, i).is_some())
}

/// Skips a province or place name after a body ("Ban Thường vụ Tỉnh ủy
/// Thái Bình họp").
fn skip_place(toks: &[Token], mut i: usize) -> usize {
    while i < toks.len() && toks[i].is_capitalized() && !toks[i].is_all_caps() {
        i += 1;
    }
    i
}

fn session(doc: &Doc, around: &[&Sentence]) -> Option<Found<u32>> {
    for s in around {
        let text = &doc.text[s.range()];
        for c in SESSION.captures_iter(text) {
            let whole = c.get(0)?;
            // "Đại hội … lần thứ XX" numbers congresses, not meetings.
            if ends_with_dai(&text[..whole.start()]) {
                continue;
            }
            let m = c.get(1)?;
            if let Some(n) = session_number(m.as_str()) {
                return Some(Found::new(
                    n,
                    s.start + whole.start()..s.start + whole.end(),
                ));
            }
        }
    }
    // "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5".
    for s in around {
        let text = &doc.text[s.range()];
        // Found in the text itself: offsets into its lower case are not
        // offsets into it when lowering changes a character's length (İ, K).
        let Some(p) = HOI_NGHI.find(text).map(|m| m.start()) else {
            continue;
        };
        if ends_with_dai(&text[..p]) {
            continue;
        }
        if let Some((end, number)) = session_after_body(&text[p..])
            && let Some(n) = session_number(number)
        {
            return Some(Found::new(n, s.start + p..s.start + p + end));
        }
    }
    None
}

/// Where [`SESSION_AFTER_BODY_PATTERN`]'s match in `text` ends (it starts
/// at the text's start), and its number. The pattern's lazy run before
/// "lần thứ" stops at the first place a number is read: the first such
/// place, when no period or semicolon and no more than sixty characters
/// come before it; no later place can have fewer before it.
fn session_after_body(text: &str) -> Option<(usize, &str)> {
    let c = SESSION_NUMBER.captures(text)?;
    let whole = c.get(0)?;
    let before = &text[..whole.start()];
    if before.contains(['.', ';']) || before.chars().count() > SESSION_AFTER_CHARS {
        return None;
    }
    Some((whole.end(), c.get(1)?.as_str()))
}

/// Whether `before`, lowered, ends with "đại" and whitespace, as
/// `before.to_lowercase().trim_end().ends_with("đại")` tells, read from its
/// last characters only: whitespace lowers to itself and no other
/// character lowers to whitespace, and only `đ`/`Đ`, `ạ`/`Ạ` and `i`/`I`
/// lower to the letters of "đại".
fn ends_with_dai(before: &str) -> bool {
    let mut last = before.trim_end().chars().rev();
    matches!(
        (last.next(), last.next(), last.next()),
        (Some('i' | 'I'), Some('ạ' | 'Ạ'), Some('đ' | 'Đ'))
    )
}

fn term(doc: &Doc, around: &[&Sentence]) -> Option<Found<String>> {
    for s in around {
        let text = &doc.text[s.range()];
        for c in TERM.captures_iter(text) {
            let whole = c.get(0)?;
            if CENTRAL_BEFORE_TERM.is_match(&text[..whole.start()]) {
                continue;
            }
            let m = c.get(1)?;
            return Some(Found::new(
                m.as_str().to_string(),
                s.start + whole.start()..s.start + whole.end(),
            ));
        }
    }
    None
}

/// Where the year of the meeting date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearFrom {
    /// Written in the date itself ("14/4/2022").
    Text,
    /// The publication time: metadata, page stamp or a metadata line.
    Published,
    /// The article's own year cues ("năm 2022", a full date, a term).
    Context,
}

impl YearFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            YearFrom::Text => "text",
            YearFrom::Published => "published",
            YearFrom::Context => "context",
        }
    }
}

/// A day and month read from the lead, with the year when written.
struct DayMonth {
    day: u32,
    month: u32,
    year: Option<i32>,
    span: Span,
    /// The sentence it was read from.
    sentence: std::ops::Range<usize>,
}

/// What the lead says of the meeting day.
enum LeadDate {
    Day(DayMonth),
    Today(Span),
    Yesterday(Span),
    /// "cuối tuần qua": some day before, not known.
    Unknown,
    Nothing,
}

/// The meeting date and where its year came from: the day and month from
/// the lead, the year from the date itself, the publication time or the
/// article's own cues; else the publication day unless the lead says the
/// meeting was some unknown day before ("cuối tuần qua"), or the only
/// stamp is a print stamp.
fn date(
    doc: &Doc,
    lead: &[&Sentence],
    published: Option<Date>,
    names_body: &[bool],
) -> (Option<Found<Date>>, Option<YearFrom>) {
    let published = published.or_else(|| metadata_date(doc));
    match lead_date(doc, lead, published, names_body) {
        LeadDate::Day(dm) => match resolve_year(doc, lead, &dm, published) {
            Some((date, from)) => (Some(Found::new(date, dm.span)), Some(from)),
            None => (None, None),
        },
        LeadDate::Today(span) => match published.filter(Date::is_full) {
            Some(p) => (Some(Found::new(p, span)), Some(YearFrom::Published)),
            None => (None, None),
        },
        LeadDate::Yesterday(span) => match published.filter(Date::is_full) {
            Some(p) => (
                Some(Found::new(p.add_days(-1), span)),
                Some(YearFrom::Published),
            ),
            None => (None, None),
        },
        LeadDate::Unknown => (None, None),
        LeadDate::Nothing => {
            let Some(p) = published.filter(|p| p.is_full() && !printed_stamp(doc)) else {
                return (None, None);
            };
            let span = doc
                .paragraphs
                .first()
                .map_or(Span::new(0, 0), |p| Span::new(p.start, p.start));
            (Some(Found::new(p, span)), Some(YearFrom::Published))
        }
    }
}

/// The day and month of the meeting as the lead tells it (see
/// [`opening_date`]), else a relative day ("chiều nay"); when the lead
/// dates nothing, a later paragraph that opens on the meeting's date.
fn lead_date(
    doc: &Doc,
    lead: &[&Sentence],
    published: Option<Date>,
    names_body: &[bool],
) -> LeadDate {
    for s in lead {
        if let Some(dm) = opening_date(doc, s, published) {
            return LeadDate::Day(issued_about(doc, s, published).unwrap_or(dm));
        }
        if let Some(dm) = named_meeting_date(doc, s, published) {
            return LeadDate::Day(dm);
        }
        let text = &doc.text[s.range()];
        let at = |m: regex::Match| Span::new(s.start + m.start(), s.start + m.end());
        // No letter but ASCII ones folds to "nay" or "qua": the page's
        // ASCII lower case tells which words the sentence may hold.
        let lower = doc.page.lower()[s.range()].as_bytes();
        if let Some(m) = NAY.find(lower).and_then(|_| RELATIVE_TODAY.find(text)) {
            return LeadDate::Today(at(m));
        }
        let has_qua = QUA.find(lower).is_some();
        if let Some(m) = has_qua.then(|| RELATIVE_YESTERDAY.find(text)).flatten() {
            return LeadDate::Yesterday(at(m));
        }
        if (has_qua || holds_any(lower, &*UNKNOWN_ENDINGS)) && RELATIVE_UNKNOWN.is_match(text) {
            return LeadDate::Unknown;
        }
    }
    later_meeting_date(doc, published, names_body).map_or(LeadDate::Nothing, LeadDate::Day)
}

/// Paragraphs read after the lead for a meeting's date.
const LATER_PARAGRAPHS: usize = 8;

/// The date opening a sentence of the paragraphs after the lead that names
/// a meeting ("Ngày 9/9, Tỉnh ủy tổ chức Hội nghị …"): the lead may be page
/// noise, a quote or another story's teaser. `names_body` tells, by the
/// sentence's index in the article, which sentences name a body.
fn later_meeting_date(doc: &Doc, published: Option<Date>, names_body: &[bool]) -> Option<DayMonth> {
    let first: usize = doc
        .paragraphs
        .iter()
        .take(LEAD_PARAGRAPHS)
        .map(|p| p.sentences.len())
        .sum();
    doc.paragraphs
        .iter()
        .skip(LEAD_PARAGRAPHS)
        .take(LATER_PARAGRAPHS)
        .flat_map(|p| doc.sentences_of(p))
        .zip(first..)
        // A day is read from ASCII digits: a sentence without one is not
        // asked whether it names a meeting.
        .filter(|(s, _)| has_ascii_digit(&doc.text[s.range()]))
        .filter(|(s, si)| names_body.get(*si).copied().unwrap_or(false) || meeting_words(s.tokens))
        .find_map(|(s, _)| opening_date(doc, s, published))
}

/// Whether a sentence names a meeting: a body, a meeting noun or "họp".
#[cfg(test)]
fn names_meeting(s: &Sentence) -> bool {
    let toks = s.tokens;
    toks.iter().any(|t| t.is("họp"))
        || MEETING_NOUNS.find(toks, toks.len()).is_some()
        || (0..toks.len()).any(|i| body_at(toks, i).is_some())
}

/// The first date of a sentence that tells when it happened: opening it
/// ("Chiều 5/11, …"), maybe after a source ("(Baohatinh.vn) - ",
/// "Trực tiếp - "), right after a verb of taking place ("Buổi tiếp nhận
/// diễn ra chiều 22.12"), or opening a clause (see [`opens_clause`]).
/// Dates elsewhere in sentences are about other things; one the meeting
/// "will" take place on is a later session; a written year after
/// publication is another event.
fn opening_date(doc: &Doc, s: &Sentence, published: Option<Date>) -> Option<DayMonth> {
    let text = &doc.text[s.range()];
    // A day is read from ASCII digits: a sentence without one has no date.
    if !has_ascii_digit(text) {
        return None;
    }
    // At one start, a span (with the year after its last day) before a
    // single date.
    let mut found: Vec<Groups> = [&*DATE_SPAN, &*DATE_CUE, &*DATE_PAIR, &*DATE_WORDS]
        .iter()
        .flat_map(|re| re.captures_iter(text))
        .collect();
    if found.is_empty() {
        return None;
    }
    let opening = source_prefix_end(text).unwrap_or(0);
    found.sort_by_key(|c| c.get(0).map_or(0, |m| m.start()));
    found.into_iter().find_map(|c| {
        let whole = c.get(0)?;
        if !opens_sentence(text, whole.range(), opening) {
            return None;
        }
        let day = c[1].parse::<u32>().ok()?;
        let month = c[2].parse::<u32>().ok()?;
        let year = c.get(3).and_then(|y| y.as_str().parse().ok());
        written_in_time(day, month, year, published).then(|| DayMonth {
            day,
            month,
            year,
            span: Span::new(s.start + whole.start(), s.start + whole.end()),
            sentence: s.range(),
        })
    })
}

/// A date the text gives a meeting by name: "tại hội nghị ngày
/// 25/5/2023", "tại Hội nghị rút kinh nghiệm …, ngày 7-4-2015".
const NAMED_MEETING_DATE_PATTERN: &str = r"(?i)\b(?:hội nghị|phiên họp|cuộc họp|kỳ họp)\b([^.;]{0,120}?)\bngày\s+(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?\b";
static NAMED_MEETING_DATE: LazyLock<Bounded> =
    LazyLock::new(|| Bounded::new(NAMED_MEETING_DATE_PATTERN, NAMED_DATE_WORDS));
/// The most pieces [`NAMED_MEETING_DATE`] spans: the meeting (two), up
/// to 120 characters between (at most 61 pieces) and the date (six).
const NAMED_DATE_WORDS: usize = 72;
/// Documents between a meeting and a date: the date is the document's
/// ("hội nghị quán triệt Nghị quyết số 5 ngày …").
static DOCUMENT_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)\b(?:nghị quyết|kết luận|thông báo|chỉ thị|quyết định|quy định|kế hoạch|công văn|số)\b",
    )
});
/// What [`ISSUED`]'s words ("ban hành", "đã ký") hold in the ASCII lower
/// case of any case of them (see [`UNKNOWN_ENDINGS`]).
static ISSUED_WORDS: LazyLock<[memmem::Finder<'static>; 3]> =
    LazyLock::new(|| ["ban h", "ký", "kÝ"].map(memmem::Finder::new));
/// Verbs of issuing a document.
static ISSUED: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)\b(?:ban hành|đã ký|ký ban hành)\b"));

/// The date a sentence gives a meeting by name (see [`NAMED_MEETING_DATE`]).
fn named_meeting_date(doc: &Doc, s: &Sentence, published: Option<Date>) -> Option<DayMonth> {
    let text = &doc.text[s.range()];
    if !has_ascii_digit(text) {
        return None;
    }
    NAMED_MEETING_DATE.captures_iter(text).find_map(|c| {
        if DOCUMENT_WORDS.is_match(&c[1]) {
            return None;
        }
        let day = c[2].parse::<u32>().ok()?;
        let month = c[3].parse::<u32>().ok()?;
        let year = c.get(4).and_then(|y| y.as_str().parse().ok());
        let (from, to) = (c.get(1)?.end(), c.get(0)?.end());
        written_in_time(day, month, year, published).then(|| DayMonth {
            day,
            month,
            year,
            span: Span::new(s.start + from, s.start + to),
            sentence: s.range(),
        })
    })
}

/// A sentence opening on the day a document was issued about a meeting
/// it dates ("Ngày 31/5, Tỉnh ủy ban hành Thông báo kết luận … tại hội
/// nghị ngày 25/5"): the meeting's day.
fn issued_about(doc: &Doc, s: &Sentence, published: Option<Date>) -> Option<DayMonth> {
    let lower = doc.page.lower()[s.range()].as_bytes();
    (holds_any(lower, &*ISSUED_WORDS) && ISSUED.is_match(&doc.text[s.range()]))
        .then(|| named_meeting_date(doc, s, published))
        .flatten()
}

/// Where a source named before the lead ends (see [`SOURCE_PREFIX_PATTERN`]):
/// a name in parentheses with a dash after it or none, else one to three
/// runs of name characters (see [`source_run`]) and a dash. A run must be
/// taken whole, as what follows it (a space or a dash) is no name
/// character; of the runs, the pattern tries three, then two, then one.
fn source_prefix_end(text: &str) -> Option<usize> {
    if let Some(rest) = text.strip_prefix('(') {
        let close = rest.find(['(', ')'])?;
        let inside = rest[..close].chars().count();
        if rest[close..].starts_with(')') && (2..=40).contains(&inside) {
            return Some(after_dash(text, 1 + close + 1, true));
        }
    }
    let (first, count) = source_run(text, 0);
    if !(2..=40).contains(&count) {
        return None;
    }
    let mut ends = vec![first];
    while ends.len() < 3 {
        let at = ends[ends.len() - 1];
        let Some(space) = text[at..].chars().next().filter(|c| c.is_whitespace()) else {
            break;
        };
        let (end, count) = source_run(text, at + space.len_utf8());
        if !(1..=20).contains(&count) {
            break;
        }
        ends.push(end);
    }
    ends.iter().rev().find_map(|&end| {
        let dash = end + (text[end..].len() - text[end..].trim_start().len());
        text[dash..]
            .starts_with(['-', '–', '—'])
            .then(|| after_dash(text, dash, false))
    })
}

/// The end of `\s*[-–—]\s*` from `at` (the dash optional when
/// `optional`), or of the spaces alone when no dash follows them.
fn after_dash(text: &str, at: usize, optional: bool) -> usize {
    let spaces = |from: usize| from + (text[from..].len() - text[from..].trim_start().len());
    let dash = spaces(at);
    match text[dash..].chars().next() {
        Some(c @ ('-' | '–' | '—')) => spaces(dash + c.len_utf8()),
        _ if optional => dash,
        _ => at,
    }
}

/// Whether a day exists and, with its year written, is not after publication.
fn written_in_time(day: u32, month: u32, year: Option<i32>, published: Option<Date>) -> bool {
    match (year, published) {
        (Some(y), Some(p)) => {
            Date::ymd(y, month, day).is_some_and(|d| d.days() <= p.last_day().days() + 1)
        }
        _ => Date::ymd(year.unwrap_or(2000), month, day).is_some(),
    }
}

/// Whether the date `m` tells when its sentence happened (see [`opening_date`]).
fn opens_sentence(text: &str, m: Range<usize>, opening: usize) -> bool {
    let before = &text[..m.start];
    m.start <= opening + 2
        || after_event_verb(before)
        || (text[m.end..].starts_with(',') && opens_clause(before, &text[m]))
}

/// A date followed by a comma that opens a clause after a short lead-in
/// ("Theo đó, chiều ngày 14/10, …", "Sau 2 ngày làm việc, chiều 3/10, …"),
/// a longer one when the date names its part of the day ("Sau 3 ngày làm
/// việc khẩn trương, nghiêm túc với tinh thần trách nhiệm cao, chiều
/// 17/9/2025, …"), or a capitalised one opening a sentence glued to the
/// headline before it ("… nhiệm kỳ 2020 - 2025 Chiều 15/7, …").
fn opens_clause(before: &str, date: &str) -> bool {
    let lead_in = before.trim_end();
    let most = if names_part_of_day(date) { 20 } else { 10 };
    let short = lead_in.split_whitespace().count() <= most;
    (short && lead_in.ends_with(',')) || date.starts_with(char::is_uppercase)
}

/// Whether a date begins with the part of the day it was in ("chiều
/// 17/9", "Sáng nay (12/10)").
fn names_part_of_day(date: &str) -> bool {
    let first = date.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "sáng" | "chiều" | "tối" | "trưa" | "đêm")
}

/// Verbs of a meeting taking place, right before its date.
static EVENT_VERB_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)\b(?:diễn ra|được tổ chức|tổ chức|khai mạc|bế mạc|họp|tiến hành)(?:\s+vào)?\s*$",
    )
});
/// Words that put the event in the future.
static FUTURE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)\b(?:sẽ|dự kiến|sắp|chuẩn bị)\b"));

/// Whether `before` ends with a verb of taking place that is not told of
/// the future ("diễn ra", not "sẽ khai mạc vào").
fn after_event_verb(before: &str) -> bool {
    let Some(m) = EVENT_VERB_BEFORE.find(before) else {
        return false;
    };
    let from = floor_boundary(before, m.start().saturating_sub(40));
    !FUTURE.is_match(&before[from..m.start()])
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The year of a day and month: written, else from the publication time
/// (never after it), else from the article's cues.
fn resolve_year(
    doc: &Doc,
    lead: &[&Sentence],
    dm: &DayMonth,
    published: Option<Date>,
) -> Option<(Date, YearFrom)> {
    if let Some(y) = dm.year {
        return Date::ymd(y, dm.month, dm.day).map(|d| (d, YearFrom::Text));
    }
    if let Some(p) = published {
        let year = infer_year(dm.day, dm.month, p.last_day())?;
        return Date::ymd(year, dm.month, dm.day).map(|d| (d, YearFrom::Published));
    }
    let mut cues: Vec<&str> = lead.iter().map(|s| &doc.text[s.range()]).collect();
    if !lead.iter().any(|s| s.range() == dm.sentence) {
        cues.push(&doc.text[dm.sentence.clone()]);
    }
    let year = context_year(doc, &cues, dm.month)?;
    Date::ymd(year, dm.month, dm.day).map(|d| (d, YearFrom::Context))
}

/// A page-metadata date line ("date 2023-10") when the page has no stamp.
fn metadata_date(doc: &Doc) -> Option<Date> {
    doc.page
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Stamp)
        .find_map(|b| {
            let s = b.as_str(doc.text);
            crate::text::boilerplate::meta_date_prefix(s)?;
            s.trim_start_matches("date").trim().parse::<Date>().ok()
        })
}

/// Whether the page's only time is when it was printed ("Print Thứ Bảy,
/// 26/01/2019 19:26", "In bài: …"): that is not when the meeting was.
fn printed_stamp(doc: &Doc) -> bool {
    doc.page.blocks.iter().take(8).any(|b| {
        let s = b.as_str(doc.text);
        (s.starts_with("Print") || s.starts_with("In ") || s.starts_with("In:"))
            && has_ascii_digit(s)
    })
}

/// "năm 2023" or "tháng 7/2022" in the lead, not a horizon ("đến năm
/// 2030", "vào tháng 7-2015") or a birth year.
static YEAR_WORD: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)\b(?:năm\s+|tháng\s+\d{1,2}\s*[/\-]\s*)((?:19|20)\d{2})\b")
});
/// A full date anywhere: "13/3/2024", "14-6-2024".
static FULL_DATE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"\b(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d{2})\b")
});
/// Words before a year that make it something other than the meeting's:
/// a horizon, a birth, a party entry, a period's start.
static NOT_NOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:đến|tới|vào|tầm nhìn|sinh|vào đảng|từ|giai đoạn|thời kỳ|nhiệm kỳ|trước|sau|kể từ)\s*(?:ngày|năm)?\s*$")
        .unwrap()
});
static TERM_YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)nhiệm kỳ\s*((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})").unwrap()
});
/// Cues of a term's first meetings: its whole-term programme, its first
/// session.
static TERM_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)toàn khóa|toàn khoá|(?:hội nghị|kỳ họp|phiên họp) (?:lần )?thứ nhất|đầu tiên của ban chấp hành").unwrap()
});

/// The year the article's own cues give a meeting in `month`: the months
/// a monthly meeting reports on or plans (see [`monthly_report_year`]),
/// else "năm 2022" in the lead (a January or February meeting planning the next year
/// belongs to it), else the latest full date written in the article, else
/// the first year of a congress's term, else the start of the term when
/// the meeting is one of its first.
fn context_year(doc: &Doc, lead_text: &[&str], month: u32) -> Option<i32> {
    if let Some(year) = monthly_report_year(doc, month) {
        return Some(year);
    }
    let mut years: Vec<i32> = Vec::new();
    for t in lead_text {
        for c in YEAR_WORD.captures_iter(t) {
            let at = c.get(0).map_or(0, |m| m.start());
            if NOT_NOW.is_match(&t[..at]) {
                continue;
            }
            if let Ok(y) = c[1].parse() {
                years.push(y);
            }
        }
    }
    if let Some(&first) = years.iter().min() {
        return Some(if month <= 2 && years.contains(&(first + 1)) {
            first + 1
        } else {
            first
        });
    }
    if let Some(year) = lead_text.iter().find_map(|t| quarter_year(t, month)) {
        return Some(year);
    }
    let latest = doc
        .sentences()
        .flat_map(|s| {
            let t = &doc.text[s.range()];
            FULL_DATE
                .captures_iter(t)
                .filter(|c| !NOT_NOW.is_match(&t[..c.get(0).map_or(0, |m| m.start())]))
                .filter_map(|c| c[3].parse::<i32>().ok())
                .collect::<Vec<_>>()
        })
        .max();
    if latest.is_some() {
        return latest;
    }
    if let Some(year) = congress_year(lead_text) {
        return Some(year);
    }
    let all = doc.text;
    if TERM_START.is_match(all) {
        let c = TERM_YEARS.captures(all)?;
        let start: i32 = c[1].parse().ok()?;
        // Congresses sit in the second half of the year: a first-half
        // meeting of the term is in the year after.
        return Some(if month >= 7 { start } else { start + 1 });
    }
    None
}

/// The year a monthly meeting in `month` reports on or plans: "tháng
/// 8/2025" or "tháng 9/2025" anywhere in the article of a meeting in
/// September ("tình hình kinh tế - xã hội tháng 8/2025 và chương trình
/// công tác tháng 9/2025"); December's before a January meeting is the
/// year before.
fn monthly_report_year(doc: &Doc, month: u32) -> Option<i32> {
    static MONTH_YEAR: LazyLock<Pattern> =
        LazyLock::new(|| Pattern::new(r"(?i)\btháng\s+(\d{1,2})\s*[/\-]\s*((?:19|20)\d{2})\b"));
    doc.sentences().find_map(|s| {
        let t = &doc.text[s.range()];
        MONTH_YEAR.captures_iter(t).find_map(|c| {
            let at = c.get(0).map_or(0, |m| m.start());
            if NOT_NOW.is_match(&t[..at]) {
                return None;
            }
            let (m, y): (u32, i32) = (c[1].parse().ok()?, c[2].parse().ok()?);
            let before = if month == 1 { 12 } else { month - 1 };
            match m {
                _ if m == month => Some(y),
                _ if m == before => Some(if month == 1 { y + 1 } else { y }),
                _ => None,
            }
        })
    })
}

/// The year of a meeting in `month` whose lead names a quarter of a year
/// ("giao ban quý I/2024"): the year that puts the meeting nearest the
/// quarter, so that a January meeting on "quý IV/2023" is in 2024 and a
/// December one planning "quý I/2025" in 2024.
fn quarter_year(lead: &str, month: u32) -> Option<i32> {
    static QUARTER_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(r"(?i)\bquý\s+(IV|I{1,3}|[1-4])\s*[/\-]\s*((?:19|20)\d{2})\b")
    });
    let c = QUARTER_YEAR.captures(lead)?;
    let quarter: u32 = c[1].parse().ok().or_else(|| roman(&c[1].to_uppercase()))?;
    let year: i32 = c[2].parse().ok()?;
    // Months counted from year 0; the quarter's middle month.
    let middle = year * 12 + (quarter as i32 * 3 - 2);
    (year - 1..=year + 1).min_by_key(|y| (y * 12 + month as i32 - 1 - middle).abs())
}

/// A congress the lead tells of ("Đại hội đại biểu Đảng bộ tỉnh lần thứ I,
/// nhiệm kỳ 2025-2030") is held in the first year of the term it opens; a
/// resolution of one ("Nghị quyết Đại hội …") is not the congress itself.
fn congress_year(lead: &[&str]) -> Option<i32> {
    static CONGRESS: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?i)\bđại hội\b"));
    static RESOLUTION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?:nghị quyết|văn kiện)\s*$").unwrap());
    lead.iter().find_map(|t| {
        let congress = CONGRESS
            .find_iter(t)
            .any(|m| !RESOLUTION.is_match(&t[..m.start()]));
        if !congress {
            return None;
        }
        TERM_YEARS.captures(t)?[1].parse().ok()
    })
}

/// The year of a day and month written without one: the publication year,
/// or the year before when that would put the meeting after publication.
pub fn infer_year(day: u32, month: u32, published: Date) -> Option<i32> {
    let same = Date::ymd(published.year, month, day)?;
    Some(if same.days() > published.days() + 7 {
        published.year - 1
    } else {
        published.year
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date, session and term patterns tried from where their screens
    /// match find what the same patterns find searched through whole
    /// sentences.
    #[test]
    fn bounded_patterns_are_the_unanchored_ones() {
        let texts = [
            "Chiều 5/11, Ban Thường vụ Tỉnh ủy họp phiên thường kỳ.",
            "Sáng nay (ngày 5 / 11 / 2020), hội nghị khai mạc; chiều ngày 6-11 bế mạc.",
            "Trong 2 ngày 6 và 7/8/2021, Tỉnh ủy họp; ngày 14, 15/12 họp tiếp.",
            "Sáng ngày 3 tháng 4 năm 2022, ngày 12 tháng 10 và ngày 1 tháng 2",
            "HÔM 12.10 và ngày 13–10, ngàyx 1/2, 1ngày 2/3, ngày 12/10a",
            "ngày 7 – 8 / 9 không, sáng  nay  \n ( ngày   9 / 9 / 2024 )",
            "Từ ngày 22-24/9, từ  ngày 30/9 đến ngày 2/10/2020, ngày 1/2 – 3/2, tới 5/6",
            "Không có ngày nào ở đây.",
            "Hội nghị lần thứ 5 Ban Chấp hành khóa XX; kỳ họp thứ tư, KỲ HỌP THỨ IV, kỳ thứ nhấtx",
            "Đại hội lần thứ XVII, phiên họp   lần \n thứ 12; Khoá XIV và khóa XIIIa, khóa  IX.",
            "tại hội nghị ngày 25/5/2023 và tại Hội nghị rút kinh nghiệm công tác, ngày 7-4-2015",
            "Cuộc họp của Ban Thường vụ với a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v ngày 1/2",
            "kỳ họp (ngày 3.4), hội nghịx ngày 5/6, phiên họp; ngày 7/8",
            "",
        ];
        for (pattern, bounded) in [
            (DATE_CUE_PATTERN, &*DATE_CUE),
            (DATE_PAIR_PATTERN, &*DATE_PAIR),
            (DATE_SPAN_PATTERN, &*DATE_SPAN),
            (DATE_WORDS_PATTERN, &*DATE_WORDS),
            (SESSION_PATTERN, &*SESSION),
            (TERM_PATTERN, &*TERM),
            (NAMED_MEETING_DATE_PATTERN, &*NAMED_MEETING_DATE),
        ] {
            let plain = Regex::new(pattern).unwrap();
            for text in texts {
                let want: Vec<Vec<Option<(usize, usize)>>> = plain
                    .captures_iter(text)
                    .map(|c| {
                        (0..5)
                            .map(|g| c.get(g).map(|m| (m.start(), m.end())))
                            .collect()
                    })
                    .collect();
                let got: Vec<Vec<Option<(usize, usize)>>> = bounded
                    .captures_iter(text)
                    .map(|c| {
                        (0..5)
                            .map(|g| c.get(g).map(|m| (m.start(), m.end())))
                            .collect()
                    })
                    .collect();
                assert_eq!(got, want, "{pattern} on {text}");
            }
        }
    }

    /// The session number read after a meeting's noun is the one the
    /// pattern with its sixty characters before finds.
    fn session_after_body_is_the_pattern_one(text: &str) -> bool {
        thread_local! {
            static PLAIN: Regex = Regex::new(SESSION_AFTER_BODY_PATTERN).unwrap();
        }
        let want = PLAIN.with(|plain| {
            plain.captures(text).map(|c| {
                let m = c.get(0).unwrap();
                assert_eq!(m.start(), 0);
                (m.end(), c.get(1).unwrap().as_str())
            })
        });
        assert_eq!(session_after_body(text), want, "{text:?}");
        want.is_some()
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        #[test]
        fn session_after_body_finds_what_the_pattern_finds(
            parts in crate::testing::pieces_joined(&[
                    "Hội nghị", "LẦN", "lần", "thứ", "Thứ", "5", "12", "1234", "XIV", "IVXLIVX",
                    "nhất", "tư", "mười", "x", "lầnx", "Ban Chấp hành Đảng bộ tỉnh", "é", ".", ";",
                    ",", " ", "  ", "\n", "\u{a0}", "aaaaaaaaaaaaaaaaaaaa", "ỉ",
                ], 14)
        ) {
            session_after_body_is_the_pattern_one(&parts);
        }
    }

    #[test]
    fn session_after_body_finds_what_the_pattern_finds_on_articles() {
        let mut found = 0;
        for text in [
            "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5",
            "Hội nghị lần thứ XIV; lần thứ 2",
            "Hội nghị. lần thứ 2",
            "Hội nghị Ban Chấp hành Đảng bộ tỉnh khóa XX mở rộng năm 2024 lần thứ nhất",
        ] {
            found += usize::from(session_after_body_is_the_pattern_one(text));
        }
        crate::testing::each_bundled_doc(|doc| {
            for s in doc.sentences() {
                let text = &doc.text[s.range()];
                for m in HOI_NGHI.find_iter(text) {
                    found += usize::from(session_after_body_is_the_pattern_one(&text[m.start()..]));
                }
            }
        });
        assert!(found >= 2, "{found}");
    }

    /// The body spellings found through their screen are those the
    /// lexicon finds at every token.
    #[test]
    fn screened_bodies_are_the_lexicon_ones() {
        for text in [
            "Ban Thường vụ Tỉnh ủy họp; toàn tỉnh hoàn thành, BTV Tỉnh ủy và Ban TVTU.",
            "Hội đồng nhân dân tỉnh, HĐND thành phố, Ủy ban Kiểm tra Thành ủy, UBKT Tỉnh ủy",
            "ban hành, thường trực tỉnh ủy, ban chỉ đạo; tỉnh. ủy ban nhân dân tỉnh",
            "Thường trực Hội đồng nhân dân tỉnh và BCH Đảng bộ thành phố",
            "",
        ] {
            let toks = crate::text::segment::tokenize(text, 0..text.len());
            for i in 0..toks.len() + 1 {
                assert_eq!(
                    body_at(&toks, i),
                    BODY_LEXICON.longest(&toks, i),
                    "{text} {i}"
                );
            }
        }
    }

    /// The source prefix read by hand ends where the pattern's match does.
    #[test]
    fn source_prefix_is_the_pattern_one() {
        let pattern = Regex::new(SOURCE_PREFIX_PATTERN).unwrap();
        let a40 = "a".repeat(40);
        let a41 = "a".repeat(41);
        let b20 = "b".repeat(20);
        let b21 = "b".repeat(21);
        let texts = [
            "(Baohatinh.vn) - Chiều 5/11, Ban Thường vụ họp.".to_string(),
            "(Baohatinh.vn)Chiều 5/11".to_string(),
            "(Báo Hà Tĩnh)  —  Chiều".to_string(),
            "(a) - x".to_string(),
            "(ab(c) - x".to_string(),
            "(ab - x".to_string(),
            format!("({a40}) - x"),
            format!("({a41}) - x"),
            format!("({a41} - x"),
            "CTTĐT - Sáng nay".to_string(),
            "Trực tiếp - Sáng".to_string(),
            "Báo Hà Tĩnh – Chiều".to_string(),
            "Báo Hà Tĩnh Online – Chiều".to_string(),
            "Báo  Hà - x".to_string(),
            "Báo Hà Tĩnh -".to_string(),
            "BDK.VN-Sáng".to_string(),
            "a - x".to_string(),
            "Chiều 5/11, Ban Thường vụ họp - phiên hai.".to_string(),
            format!("{a40} - x"),
            format!("{a41} - x"),
            format!("ab {b20} - x"),
            format!("ab {b21} - x"),
            format!("ab {b20} {b20} - x"),
            format!("ab {b20} {b21} - x"),
            "ab cd ef gh - x".to_string(),
            "ab cd\u{a0}ef\t- \n x".to_string(),
            "ab١ c‿d - x".to_string(),
            String::new(),
        ];
        for text in &texts {
            let want = pattern.find(text).map(|m| m.end());
            assert_eq!(source_prefix_end(text), want, "{text}");
        }
    }

    /// The sentences the body scan marks, with those holding a meeting
    /// word, are those that name a meeting read on their own; and bodies
    /// scored only when they may beat the best are found as when all are.
    #[test]
    fn body_scan_marks_the_sentences_naming_a_meeting() {
        let mut marked = 0;
        crate::testing::each_bundled_doc(|doc| {
            let people = super::super::people::extract(doc);
            let scan = body(doc, &people);
            let sentences: Vec<&Sentence> = doc.sentences().collect();
            assert_eq!(scan.names_body.len(), sentences.len());
            for (s, &names_body) in sentences.iter().zip(&scan.names_body) {
                let named = names_body || meeting_words(s.tokens);
                assert_eq!(named, names_meeting(s), "{}", &doc.text[s.range()]);
                marked += usize::from(named);
            }
            let best = scan.best.map(|(f, si)| (f.value, f.span, si));
            assert_eq!(best, every_body_scored(doc, &people));
        });
        assert!(marked > 10, "{marked} sentences name a meeting");
    }

    /// The best body with every body scored, as [`body`] finds it.
    fn every_body_scored(doc: &Doc, people: &People) -> Option<(String, Span, usize)> {
        let masked = title_spans(people);
        let lead_end = doc.paragraphs.get(3).map_or(usize::MAX, |p| p.start);
        let mut best: Option<(f32, String, Span, usize)> = None;
        for (si, sentence) in doc.sentences().enumerate() {
            let toks = sentence.tokens;
            let mut apart_until = 0;
            for i in 0..toks.len() {
                let known = body_at(toks, i);
                if let Some((_, n)) = known.filter(|&(_, n)| place_or_owner(toks, i, n)) {
                    apart_until = i + n;
                }
                let found = match known {
                    Some((b, n))
                        if !masked.contains(toks[i].start)
                            && i >= apart_until
                            && (!is_congress(toks, i) || congress_held(toks, i, n)) =>
                    {
                        let base = 1.0 + BODIES[b].0.len() as f32 / 100.0;
                        let span = Span::new(toks[i].start, toks[i + n - 1].end);
                        Some((
                            known_body_score(toks, i, n, base),
                            BODIES[b].0.to_string(),
                            span,
                        ))
                    }
                    _ if opens_delegation(toks, i) => {
                        let (score, span) = delegation(toks, i);
                        Some((score, clean(&doc.text[span.range()]), span))
                    }
                    _ => None,
                };
                let Some((mut score, name, span)) = found else {
                    continue;
                };
                if span.start < lead_end {
                    score += 3.0;
                }
                if tells_of_before(toks) {
                    score -= 4.0;
                }
                if meeting_words(toks) {
                    score += 1.0;
                }
                if best.as_ref().is_none_or(|b| score > b.0) {
                    best = Some((score, name, span, si));
                }
            }
        }
        best.map(|(_, name, span, si)| (name, span, si))
    }

    /// A meeting word found in one walk, the hash of "họp" tested first,
    /// is found as the noun list and the key alone find it.
    #[test]
    fn meeting_words_in_one_walk_are_those_of_two() {
        let two = |toks: &[Token]| {
            MEETING_NOUNS.find(toks, toks.len()).is_some() || toks.iter().any(|t| t.is("họp"))
        };
        let mut found = 0;
        for text in [
            "Ban Thường vụ HỌP phiên thường kỳ",
            "Tỉnh ủy Họp; hợp tác, hộp, hop, họ p",
            "Kỳ Họp thứ 5, cuộc họp, buổi làm việc",
            "hội nghị",
            "Không có gì",
            "",
        ] {
            let toks = crate::text::segment::tokenize(text, 0..text.len());
            assert_eq!(meeting_words(&toks), two(&toks), "{text}");
            found += usize::from(two(&toks));
        }
        crate::testing::each_bundled_doc(|doc| {
            for s in doc.sentences() {
                assert_eq!(
                    meeting_words(s.tokens),
                    two(s.tokens),
                    "{}",
                    &doc.text[s.range()]
                );
                found += usize::from(two(s.tokens));
            }
        });
        assert!(found > 10, "{found}");
    }

    /// The session and term read from the body's sentence and the lead's,
    /// the body's read once, are those read with it twice.
    #[test]
    fn session_and_term_read_the_body_sentence_once() {
        let mut read = 0;
        crate::testing::each_bundled_doc(|doc| {
            let people = super::super::people::extract(doc);
            let lead = lead_sentences(doc);
            let body_sentence = body(doc, &people)
                .best
                .and_then(|(_, si)| doc.sentences().nth(si));
            let mut twice: Vec<&Sentence> = body_sentence.into_iter().collect();
            twice.extend(lead.iter().copied());
            let once = around_body(body_sentence, &lead);
            let found = |f: Option<Found<u32>>| f.map(|f| (f.value, f.span));
            assert_eq!(found(session(doc, &once)), found(session(doc, &twice)));
            let term_of = |f: Option<Found<String>>| f.map(|f| (f.value, f.span));
            assert_eq!(term_of(term(doc, &once)), term_of(term(doc, &twice)));
            read += usize::from(once.len() < twice.len());
        });
        assert!(read > 0);
    }

    #[test]
    fn dai_endings_are_those_of_the_lowered_text() {
        for before in [
            "Đại hội Đảng bộ tỉnh lần thứ XX, Đại ",
            "ĐẠI \n",
            "đại",
            "Đạí",
            "hội nghị",
            "đạI\u{a0}",
            "ĐẠİ",
            "ại",
            "",
        ] {
            let plain = before.to_lowercase().trim_end().ends_with("đại");
            assert_eq!(ends_with_dai(before), plain, "{before:?}");
        }
    }

    /// Whether the unknown-day and issuing patterns match `text`, and
    /// whether their screens let it through.
    fn screened_words(text: &str) -> [(bool, bool); 2] {
        let lower = text.to_ascii_lowercase();
        let lower = lower.as_bytes();
        [
            (
                RELATIVE_UNKNOWN.is_match(text),
                QUA.find(lower).is_some() || holds_any(lower, &*UNKNOWN_ENDINGS),
            ),
            (ISSUED.is_match(text), holds_any(lower, &*ISSUED_WORDS)),
        ]
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// A text the unknown-day or issuing pattern matches passes its
        /// screen, whatever the case of its words.
        #[test]
        fn word_screens_keep_every_match(
            parts in proptest::collection::vec(
                proptest::sample::select(&[
                    "cuối", "tuần", "qua", "vừa", "mới", "đây", "trước", "tháng", "hôm",
                    "ban", "hành", "đã", "ký", "x", " ", "\u{a0}", ",", ".",
                ][..]),
                0..10,
            ),
            cases in proptest::collection::vec(0u8..3, 10),
        ) {
            let text: String = parts
                .iter()
                .zip(cases.iter().cycle())
                .map(|(p, c)| match c {
                    0 => p.to_string(),
                    1 => p.to_uppercase(),
                    _ => p.chars().enumerate().map(|(i, ch)| if i == 0 { ch.to_uppercase().collect() } else { ch.to_string() }).collect(),
                })
                .collect();
            for (matched, screened) in screened_words(&text) {
                proptest::prop_assert!(!matched || screened, "{}", text);
            }
        }
    }

    #[test]
    fn word_screens_keep_every_match_on_articles() {
        let mut matched = [0; 2];
        crate::testing::each_bundled_doc(|doc| {
            for s in doc.sentences() {
                let text = &doc.text[s.range()];
                for (k, (m, screened)) in screened_words(text).into_iter().enumerate() {
                    assert!(!m || screened, "{text}");
                    matched[k] += usize::from(m);
                }
            }
        });
        assert!(matched.iter().all(|&m| m > 0), "{matched:?}");
    }

    #[test]
    fn relative_days_need_their_word() {
        for text in [
            "Sáng NAY",
            "chiều Nay",
            "hôm qua",
            "ĐÊM QUA",
            "sáng nay",
            "tối qua",
        ] {
            let lower = text.to_ascii_lowercase();
            assert!(NAY.find(lower.as_bytes()).is_some() || QUA.find(lower.as_bytes()).is_some());
            assert!(RELATIVE_TODAY.is_match(text) || RELATIVE_YESTERDAY.is_match(text));
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(session_number("4"), Some(4));
        assert_eq!(session_number("tư"), Some(4));
        assert_eq!(session_number("XIX"), Some(19));
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("ABC"), None);
    }

    #[test]
    fn year_inference() {
        let p = Date::ymd(2021, 1, 2).unwrap();
        assert_eq!(infer_year(30, 12, p), Some(2020));
        assert_eq!(infer_year(2, 1, p), Some(2021));
    }
}
