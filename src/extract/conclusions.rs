//! What the meeting concluded: the chair's closing directives, requests and
//! assessments, and decisions of the body ("Ban Thường vụ Tỉnh ủy thống
//! nhất …"), one entry per sentence, with speaker and deadline.
//!
//! Two kinds of passage hold conclusions:
//! - a closing speech, opened by a cue at the start of a sentence ("Kết
//!   luận hội nghị, đồng chí …", "Phát biểu kết luận, …"), running over the
//!   following paragraphs until someone else speaks or the scene changes;
//! - a directive of the chair ("Bí thư Tỉnh ủy yêu cầu …"), or of a leading
//!   official when no chair is named, running on only through paragraphs
//!   that continue it ("Ngoài ra, …", "Đồng thời, …").
//!
//! Other speakers' remarks are opinions, not conclusions.

use std::ops::Range;
use std::sync::LazyLock;

use super::deadline;
use super::doc::{Doc, Sentence, clean};
use super::people::{People, Role};
use super::{Conclusion, Date, Span};
use crate::gazetteer::PhraseList;
use crate::text::segment::Token;

/// Openers of a closing speech, at the start of a sentence.
static CLOSING: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "kết luận",
        "phát biểu kết luận",
        "phát biểu bế mạc",
        "phát biểu chỉ đạo",
        "kết luận hội nghị",
        "kết luận cuộc họp",
        "kết luận buổi làm việc",
        "kết luận phiên họp",
        "kết luận kỳ họp",
        "bế mạc",
    ])
});
/// Verbs by which a leader directs or assesses.
static DIRECTIVE_VERBS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "yêu cầu",
        "đề nghị",
        "nhấn mạnh",
        "chỉ đạo",
        "giao",
        "lưu ý",
        "cho rằng",
        "khẳng định",
        "kết luận",
        "đánh giá cao",
        "ghi nhận",
        "biểu dương",
        "quán triệt",
        "chỉ rõ",
        "đề ra",
        "chỉ ra",
    ])
});
/// Decisions of a body, wherever they stand.
static DECISIONS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "thống nhất",
        "nhất trí",
        "quyết định",
        "đồng ý",
        "thông qua",
        "cho chủ trương",
    ])
});
/// Bodies whose decisions count.
static DECIDING_BODIES: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "ban thường vụ",
        "thường trực",
        "hội nghị",
        "ban chấp hành",
        "tỉnh ủy",
        "thành ủy",
        "các đại biểu",
        "đại biểu",
        "ủy ban",
        "ubnd",
        "hđnd",
        "huyện ủy",
        "tập thể",
        "ban cán sự",
    ])
});
/// Words that continue what was said before.
static CONNECTIVES: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "ngoài ra",
        "đồng thời",
        "bên cạnh đó",
        "cùng với đó",
        "trong đó",
        "đặc biệt",
        "mặt khác",
        "vì vậy",
        "do đó",
        "theo đó",
        "trước hết",
        "tiếp theo",
        "cuối cùng",
        "đối với",
        "với",
        "trên cơ sở đó",
        "từ đó",
        "để",
        "thời gian tới",
        "trước mắt",
    ])
});
/// Openers that change the scene and end a passage.
static SCENE_CHANGE: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "thay mặt",
        "dịp này",
        "tại hội nghị",
        "cũng tại hội nghị",
        "trước đó",
        "sau đó",
        "tiếp đó",
        "cùng ngày",
        "tại buổi làm việc",
        "trước khi",
        "nhân dịp",
        "tại kỳ họp",
        "tại cuộc họp",
    ])
});
/// Sentences about who attended, not what was decided.
static ATTENDANCE: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "dự",
        "tham dự",
        "cùng dự",
        "về phía",
        "dự họp",
        "dự hội nghị",
        "đến dự",
        "tiếp và làm việc",
    ])
});
/// Titles of the people who conclude meetings.
const LEADING_TITLES: &[&str] = &[
    "bi thu",
    "chu tich",
    "truong doan",
    "truong ban",
    "bo truong",
    "thu tuong",
    "pho bi thu",
];

/// Where a passage came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    Closing,
    Directive,
}

/// Reads the conclusions.
pub fn extract(
    doc: &Doc,
    people: &People,
    headline: Option<Span>,
    reference: Option<Date>,
) -> Vec<Conclusion> {
    // (global sentence index, paragraph, sentence), the headline left out.
    let mut sentences: Vec<(usize, usize, &Sentence)> = Vec::new();
    let mut global = 0;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let is_headline = headline.is_some_and(|h| h.start <= p.start && p.end <= h.end);
        for s in &p.sentences {
            if !is_headline {
                sentences.push((global, pi, s));
            }
            global += 1;
        }
    }
    let has_chairs = people.people.iter().any(|p| p.roles.contains(&Role::Chair));
    let mut out = Conclusions::new(reference);
    let mut i = 0;
    while i < sentences.len() {
        let (si, para, s) = sentences[i];
        let Some((mut opener, speaker, from)) =
            opens_passage(doc, people, has_chairs, si, &s.tokens)
        else {
            if let Some(body) = decision_subject(&s.tokens) {
                out.add(doc, s, 0, Some(clean(&doc.text[body])));
            }
            i += 1;
            continue;
        };
        out.add(doc, s, from, speaker.clone());
        let mut j = i + 1;
        while j < sentences.len() {
            let (sj, pj, next) = sentences[j];
            let new_paragraph = pj != sentences[j - 1].1;
            if new_paragraph {
                let goes_on = match opener {
                    Opener::Closing => {
                        !ends_passage(people, sj, &next.tokens, &speaker) && pj <= para + 12
                    }
                    Opener::Directive => {
                        CONNECTIVES.at(&next.tokens, 0).is_some()
                            && !ends_passage(people, sj, &next.tokens, &speaker)
                    }
                };
                match opens_passage(doc, people, has_chairs, sj, &next.tokens) {
                    // The same speaker going on keeps the passage.
                    Some((Opener::Closing, s, _)) if s == speaker => opener = Opener::Closing,
                    Some((_, s, _)) if s == speaker => {}
                    Some(_) => break,
                    None if !goes_on => break,
                    None => {}
                }
            }
            let from = match opens_passage(doc, people, has_chairs, sj, &next.tokens) {
                Some((_, s, from)) if s == speaker => from,
                _ => 0,
            };
            let who = decision_subject(&next.tokens)
                .map(|b| clean(&doc.text[b]))
                .or_else(|| speaker.clone());
            out.add(doc, next, from, who);
            j += 1;
        }
        i = j;
    }
    out.list
}

/// Conclusions gathered so far, without repeats.
struct Conclusions {
    list: Vec<Conclusion>,
    seen: Vec<String>,
    reference: Option<Date>,
}

impl Conclusions {
    fn new(reference: Option<Date>) -> Self {
        Conclusions {
            list: Vec::new(),
            seen: Vec::new(),
            reference,
        }
    }

    /// Adds the directives of a sentence from token `from`.
    fn add(&mut self, doc: &Doc, s: &Sentence, from: usize, speaker: Option<String>) {
        if is_attendance(&s.tokens) {
            return;
        }
        for (text, span) in directive_pieces(doc, s, from) {
            let key = crate::text::fold(&text);
            if key.split_whitespace().count() < 5
                || self
                    .seen
                    .iter()
                    .any(|s| s.contains(&key) || key.contains(s.as_str()))
            {
                continue;
            }
            self.seen.push(key);
            let deadline = deadline::find(&text, self.reference).map(|(d, _)| d);
            self.list.push(Conclusion {
                text,
                speaker: speaker.clone().filter(|s| !s.is_empty()),
                deadline,
                span,
            });
        }
    }
}

/// Whether sentence `si` opens a conclusion passage, with the speaker and
/// the token where the directive itself begins.
fn opens_passage(
    doc: &Doc,
    people: &People,
    has_chairs: bool,
    si: usize,
    toks: &[Token],
) -> Option<(Opener, Option<String>, usize)> {
    let closing = CLOSING.at(toks, 0).map(|n| n + 1);
    // After a closing cue the speaker comes first, then what they said.
    let skip = closing.map_or(0, |n| speaker_end(people, si, toks, n).unwrap_or(n));
    let found = DIRECTIVE_VERBS
        .find(&toks[skip..], 40)
        .map(|(v, n)| (v + skip, n));
    let (verb, verb_len) = match (found, closing) {
        (Some(f), _) => f,
        (None, Some(_)) => (skip, 0),
        (None, None) => return None,
    };
    let speaker = speaker_before(
        doc,
        people,
        si,
        toks,
        verb.min(toks.len().saturating_sub(1)),
    );
    let closing = closing.is_some();
    let opener = if closing {
        Opener::Closing
    } else {
        let (name, is_chair) = speaker.as_ref()?;
        let leads = if has_chairs {
            *is_chair
        } else {
            *is_chair || is_leading_title(name) || leading_person(people, name)
        };
        if !leads {
            return None;
        }
        Opener::Directive
    };
    // The directive starts after "nhấn mạnh:" or at the directing verb.
    let colon = toks[verb..]
        .iter()
        .position(|t| t.is_punct(':'))
        .map(|p| verb + p + 1);
    let from = match colon {
        Some(c) if c <= verb + verb_len + 1 => c,
        _ => verb,
    };
    Some((opener, speaker.map(|(s, _)| s), from))
}

/// Where the first speaker named after token `from` ends (a person, or a
/// title without a name).
fn speaker_end(people: &People, si: usize, toks: &[Token], from: usize) -> Option<usize> {
    let at = toks.get(from)?.start;
    let person = people
        .mentions
        .iter()
        .filter(|m| m.sentence == si && m.name.start >= at)
        .map(|m| m.tokens.end)
        .min();
    let title = people
        .title_refs
        .iter()
        .filter(|r| r.sentence == si && r.span.start >= at)
        .map(|r| r.tokens.end)
        .min();
    person.into_iter().chain(title).min()
}

/// The speaker named before the verb, and whether they chair: a person
/// ("đồng chí Ngô Đông Hải"), or titles without a name ("Bí thư Tỉnh ủy,
/// Chủ tịch UBND tỉnh"), resolved to the one person holding them when
/// there is one.
fn speaker_before(
    doc: &Doc,
    people: &People,
    si: usize,
    toks: &[Token],
    verb: usize,
) -> Option<(String, bool)> {
    let verb_at = toks[verb].start;
    let is_chair = |p: usize| people.people[p].roles.contains(&Role::Chair);
    if let Some(m) = people
        .mentions
        .iter()
        .rev()
        .find(|m| m.sentence == si && m.name.end <= verb_at)
    {
        return Some((people.people[m.person].name.clone(), is_chair(m.person)));
    }
    let refs: Vec<_> = people
        .title_refs
        .iter()
        .filter(|r| r.sentence == si && r.span.end <= verb_at)
        .collect();
    let last = refs.last()?;
    // Titles of one speaker follow each other, separated by commas.
    let mut first = last;
    for r in refs.iter().rev().skip(1) {
        let gap = &doc.text[r.span.end..first.span.start];
        if gap.trim().trim_matches(',').trim().is_empty() || gap.trim() == "-" {
            first = r;
        } else {
            break;
        }
    }
    match people.holder_of(&last.title) {
        Some(p) => Some((people.people[p].name.clone(), is_chair(p))),
        None => Some((clean(&doc.text[first.span.start..last.span.end]), false)),
    }
}

fn is_leading_title(title: &str) -> bool {
    let k = crate::text::fold(title);
    LEADING_TITLES.iter().any(|t| k.starts_with(t))
}

/// Whether a named person holds a leading post.
fn leading_person(people: &People, name: &str) -> bool {
    people
        .people
        .iter()
        .any(|p| p.name == name && p.titles().any(is_leading_title))
}

/// Whether a paragraph starting with this sentence ends a passage: it
/// changes the scene or gives the floor to someone else.
fn ends_passage(people: &People, si: usize, toks: &[Token], speaker: &Option<String>) -> bool {
    if SCENE_CHANGE.at(toks, 0).is_some() {
        return true;
    }
    let early = toks.get(12).map_or(usize::MAX, |t| t.start);
    people.mentions.iter().any(|m| {
        m.sentence == si
            && m.name.start < early
            && speaker
                .as_ref()
                .is_none_or(|s| *s != people.people[m.person].name)
    })
}

/// The deciding body right before a decision verb ("Ban Thường vụ Tỉnh ủy
/// (cũng/cơ bản) thống nhất …"), as a byte range.
fn decision_subject(toks: &[Token]) -> Option<Range<usize>> {
    let (d, _) = DECISIONS.find(toks, 16)?;
    // The body closest before the verb, not inside a person's title.
    let b = (0..d)
        .rev()
        .find(|&k| DECIDING_BODIES.at(&toks[..d], k).is_some())?;
    let titled = b > 0
        && matches!(
            toks[b - 1].key.as_ref(),
            "thư" | "tịch" | "viên" | "nhiệm" | "trưởng"
        );
    if titled {
        return None;
    }
    // Nothing but the body and adverbs between: "… Tỉnh ủy cũng thống nhất".
    let end = (b..d).rev().find(|&k| {
        !matches!(
            toks[k].key.as_ref(),
            "cũng" | "cơ" | "bản" | "đã" | "đều" | "về" | "hoàn" | "toàn"
        )
    })?;
    let body_len = DECIDING_BODIES.at(&toks[..d], b)?;
    let gap_ok = toks[b + body_len..=end]
        .iter()
        .all(|t| t.is_capitalized() || t.kind != crate::text::segment::TokenKind::Punct);
    (end - b < body_len + 6 && gap_ok).then(|| toks[b].start..toks[end].end)
}

fn is_attendance(toks: &[Token]) -> bool {
    ATTENDANCE.at(toks, 0).is_some() || toks.windows(2).any(|w| w[0].is("chủ") && w[1].is("trì"))
}

/// The text of a sentence from token `from`, split at semicolons between
/// long directives.
fn directive_pieces(doc: &Doc, s: &Sentence, from: usize) -> Vec<(String, Span)> {
    let toks = &s.tokens;
    if from >= toks.len() {
        return Vec::new();
    }
    let mut pieces = Vec::new();
    let mut start = from;
    for k in from..=toks.len() {
        let at_end = k == toks.len();
        if at_end || (toks[k].is_punct(';') && k - start >= 6 && toks.len() - k >= 6) {
            let a = toks[start].start;
            let b = toks[k.max(start + 1) - 1].end;
            let text = clean(doc.text[a..b].trim_end_matches(['.', ';', ' ']));
            if !text.is_empty() {
                pieces.push((text, Span::new(a, b)));
            }
            start = k + 1;
        }
    }
    pieces
}
