//! What the meeting concluded: the chair's closing directives, requests and
//! assessments, and decisions of the body ("Ban Thường vụ Tỉnh ủy thống
//! nhất …"), one entry per sentence, with speaker and deadline.
//!
//! A conclusion passage opens with a cue ("Kết luận hội nghị, đồng chí …",
//! "Phát biểu kết luận", "Bí thư Tỉnh ủy yêu cầu …") and runs over the
//! following paragraphs until someone else speaks or the scene changes.

use super::deadline;
use super::doc::{Doc, Sentence, clean};
use super::people::People;
use super::{Conclusion, Date, Span};
use crate::text::lex_key;
use crate::text::segment::Token;

/// Openers of a concluding speech.
const CONCLUDING: &[&str] = &[
    "kết luận",
    "phát biểu kết luận",
    "phát biểu bế mạc",
    "phát biểu chỉ đạo",
    "ý kiến chỉ đạo",
    "chỉ đạo tại",
    "kết luận hội nghị",
    "kết luận cuộc họp",
    "kết luận buổi làm việc",
];
/// Verbs by which a leader directs or assesses.
const DIRECTIVE_VERBS: &[&str] = &[
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
];
/// Collective decisions, wherever they stand.
const DECISIONS: &[&str] = &[
    "thống nhất",
    "nhất trí",
    "quyết định",
    "đồng ý",
    "thông qua",
    "cho chủ trương",
    "kết luận",
];
/// Openers that change the scene and end a passage.
const SCENE_CHANGE: &[&str] = &[
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
];
/// Bodies whose decisions count.
const DECIDING_BODIES: &[&str] = &[
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
    "kỳ họp",
    "cuộc họp",
];

fn lex(t: &Token) -> String {
    lex_key(t.text)
}

fn phrase_at(toks: &[Token], i: usize, phrases: &[&str]) -> Option<usize> {
    phrases.iter().find_map(|p| {
        let words: Vec<String> = p.split(' ').map(lex_key).collect();
        let ok = words.len() <= toks.len().saturating_sub(i)
            && words
                .iter()
                .enumerate()
                .all(|(k, w)| lex(&toks[i + k]) == *w);
        ok.then_some(words.len())
    })
}

fn find_phrase(toks: &[Token], phrases: &[&str], within: usize) -> Option<(usize, usize)> {
    (0..toks.len().min(within)).find_map(|i| phrase_at(toks, i, phrases).map(|n| (i, n)))
}

/// Reads the conclusions.
pub fn extract(doc: &Doc, people: &People, reference: Option<Date>) -> Vec<Conclusion> {
    let sentences: Vec<(usize, &Sentence)> = doc.sentences().enumerate().collect();
    // Which paragraph each sentence is in, to run passages paragraph-wise.
    let mut para_of = Vec::with_capacity(sentences.len());
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        para_of.extend(std::iter::repeat_n(pi, p.sentences.len()));
    }
    let mut out: Vec<Conclusion> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut push =
        |text: String, span: Span, speaker: Option<String>, out: &mut Vec<Conclusion>| {
            let key = crate::text::fold(&text);
            if key.split_whitespace().count() < 4
                || seen
                    .iter()
                    .any(|s| s.contains(&key) || key.contains(s.as_str()))
            {
                return;
            }
            seen.push(key);
            let deadline = deadline::find(&text, reference).map(|(d, _)| d);
            out.push(Conclusion {
                text,
                speaker,
                deadline,
                span,
            });
        };
    let mut i = 0;
    while i < sentences.len() {
        let (si, s) = sentences[i];
        let toks = &s.tokens;
        if let Some((speaker, content_from)) = opens_passage(doc, people, si, toks) {
            // The passage: this sentence and those after it, paragraph by
            // paragraph, until another voice or scene.
            let start_para = para_of[i];
            let mut j = i;
            while j < sentences.len() {
                let (sj, sent) = sentences[j];
                if j > i
                    && para_of[j] != para_of[j - 1]
                    && ends_passage(people, sj, &sent.tokens, &speaker)
                {
                    break;
                }
                if para_of[j] > start_para + 12 {
                    break;
                }
                let from = if j == i { content_from } else { 0 };
                let body_speaker = decision_subject(&sent.tokens).map(|b| clean(&doc.text[b]));
                for (text, span) in directive_pieces(doc, sent, from) {
                    let who = body_speaker.clone().or_else(|| speaker.clone());
                    push(text, span, who, &mut out);
                }
                j += 1;
            }
            i = j;
            continue;
        }
        if let Some(body) = decision_subject(toks) {
            for (text, span) in directive_pieces(doc, s, 0) {
                push(text, span, Some(clean(&doc.text[body.clone()])), &mut out);
            }
        }
        i += 1;
    }
    out
}

/// Whether sentence `si` opens a conclusion passage: a concluding cue, or a
/// leader's directive verb. Returns the speaker and the token where the
/// directive itself begins.
fn opens_passage(
    doc: &Doc,
    people: &People,
    si: usize,
    toks: &[Token],
) -> Option<(Option<String>, usize)> {
    let cue = find_phrase(toks, CONCLUDING, 4);
    let verb = find_phrase(toks, DIRECTIVE_VERBS, 40)?;
    let speaker = speaker_before(doc, people, si, toks, verb.0);
    if cue.is_none() && speaker.is_none() {
        return None;
    }
    // The directive starts after "nhấn mạnh:" or at the directing verb.
    let colon = toks[verb.0..]
        .iter()
        .position(|t| t.is_punct(':'))
        .map(|p| verb.0 + p + 1);
    let from = match colon {
        Some(c) if c <= verb.0 + verb.1 + 1 => c,
        _ => verb.0,
    };
    Some((speaker, from))
}

/// The leader named before the verb: a person ("đồng chí Ngô Đông Hải"), or
/// a leading title without a name ("Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh").
fn speaker_before(
    doc: &Doc,
    people: &People,
    si: usize,
    toks: &[Token],
    verb: usize,
) -> Option<String> {
    let start = toks.first().map_or(0, |t| t.start);
    let verb_at = toks[verb].start;
    if let Some(m) = people
        .mentions
        .iter()
        .rev()
        .find(|m| m.sentence == si && m.name.end <= verb_at && m.name.start >= start)
    {
        return Some(people.people[m.person].name.clone());
    }
    let r = people
        .title_refs
        .iter()
        .rfind(|r| r.sentence == si && r.span.end <= verb_at)?;
    if !is_leading_title(&r.title) {
        return None;
    }
    // Several titles of one person read as one speaker.
    let same: Vec<&str> = people
        .title_refs
        .iter()
        .filter(|x| x.sentence == si && x.span.end <= verb_at)
        .map(|x| x.title.as_str())
        .collect();
    match people.holder_of(&r.title) {
        Some(p) => Some(people.people[p].name.clone()),
        None => Some(clean(
            &doc.text[people
                .title_refs
                .iter()
                .find(|x| x.title == same[0])?
                .span
                .start..r.span.end],
        )),
    }
}

/// Titles of the people who conclude meetings.
fn is_leading_title(title: &str) -> bool {
    let k = crate::text::fold(title);
    [
        "bi thu",
        "chu tich",
        "truong doan",
        "truong ban",
        "bo truong",
        "thu tuong",
        "pho bi thu",
    ]
    .iter()
    .any(|t| k.starts_with(t))
}

/// Whether a paragraph starting with this sentence ends a passage: it
/// changes the scene or gives the floor to someone else.
fn ends_passage(people: &People, si: usize, toks: &[Token], speaker: &Option<String>) -> bool {
    if phrase_at(toks, 0, SCENE_CHANGE).is_some() {
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

/// The deciding body at the start of a sentence ("Ban Thường vụ Tỉnh ủy
/// (cũng/cơ bản) thống nhất …"), as a byte range.
fn decision_subject(toks: &[Token]) -> Option<std::ops::Range<usize>> {
    let (d, _) = find_phrase(toks, DECISIONS, 14)?;
    let (b, _) = find_phrase(&toks[..d], DECIDING_BODIES, 6)?;
    // Nothing but the body and adverbs between: "… Tỉnh ủy cũng thống nhất".
    let end = (b..d).rev().find(|&k| {
        !matches!(
            lex(&toks[k]).as_str(),
            "cũng" | "cơ" | "bản" | "đã" | "đều" | "về" | "hoàn" | "toàn"
        )
    })?;
    Some(toks[b].start..toks[end].end)
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
