//! Who chaired: the people named with "chủ trì" ("Chủ trì hội nghị có đồng
//! chí …", "dưới sự chủ trì của …", "… chủ trì cuộc họp", "đồng chủ trì") or
//! "chủ tọa" ("Chủ tọa kỳ họp có các đồng chí …"),
//! else whoever led the delegation or gave the closing conclusion.

use super::doc::Doc;
use super::people::{Mention, People, Role};
use std::sync::LazyLock;

use crate::gazetteer::PhraseList;

/// Leading a delegation: "do đồng chí … dẫn đầu", "… làm trưởng đoàn".
static LEADS: LazyLock<PhraseList> =
    LazyLock::new(|| PhraseList::new(&["dẫn đầu", "làm trưởng đoàn"]));
/// Closing the meeting: "Phát biểu kết luận, đồng chí …", "Bế mạc kỳ họp, …".
static CLOSES: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "phát biểu kết luận",
        "kết luận hội nghị",
        "kết luận cuộc họp",
        "kết luận buổi làm việc",
        "phát biểu bế mạc",
        "bế mạc kỳ họp",
        "bế mạc hội nghị",
    ])
});
/// Opening it: "… phát biểu khai mạc hội nghị".
static OPENS: LazyLock<PhraseList> =
    LazyLock::new(|| PhraseList::new(&["phát biểu khai mạc", "bài phát biểu khai mạc"]));
/// The presidium of a congress: "Thay mặt Đoàn Chủ tịch, đồng chí …".
static PRESIDIUM: LazyLock<PhraseList> =
    LazyLock::new(|| PhraseList::new(&["thay mặt đoàn chủ tịch"]));
/// A working session: "… đã làm việc với Ban Thường vụ Tỉnh ủy".
static WORKS_WITH: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "làm việc với",
        "làm việc tại",
        "có buổi làm việc với",
        "thăm và làm việc",
    ])
});
use crate::text::segment::Token;

/// Words allowed between chairs listed together.
const LIST_GLUE: &[&str] = &[
    "đồng", "chí", "và", "cùng", "có", "các", "ông", "bà", "đ/c", ",", ";", ":",
];

/// Returns the chairs (indices into `people.people`) and marks their role.
pub fn extract(doc: &Doc, people: &mut People) -> Vec<usize> {
    let sentences: Vec<_> = doc.sentences().collect();
    let mut chairs: Vec<usize> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let toks = &s.tokens;
        let in_sentence: Vec<&Mention> = people.mentions_in(si).collect();
        for (k, t) in toks.iter().enumerate() {
            // "chủ trì", or "chủ tọa" for the presiding officers of a council
            // session.
            if t.key != "chủ"
                || toks
                    .get(k + 1)
                    .is_none_or(|n| !matches!(n.key.as_ref(), "trì" | "toạ" | "tọa"))
            {
                continue;
            }
            let opens = k == 0
                || (k >= 2 && toks[k - 1].key == "sự")
                || toks[..k].iter().all(|t| {
                    t.is_punct(',')
                        || matches!(t.key.as_ref(), "tham" | "dự" | "và" | "đồng" | "cùng")
                });
            let group = if opens {
                chain_after(toks, &in_sentence, k + 2)
            } else {
                chain_before(toks, &in_sentence, k)
            };
            for p in group {
                if !chairs.contains(&p) {
                    chairs.push(p);
                }
            }
        }
    }
    if chairs.is_empty() {
        chairs = led_or_concluded(doc, people);
    }
    for &c in &chairs {
        people.add_role(c, Role::Chair);
    }
    chairs
}

/// The most people one chair cue can name; more is a list of something else.
const MAX_CHAIRS: usize = 12;

/// People named one after another from token `from` on, joined only by
/// commas, "và", "đồng chí" and the like. `mentions` are in reading order.
fn chain_after(toks: &[Token], mentions: &[&Mention], from: usize) -> Vec<usize> {
    // Skip the meeting noun: "Chủ trì hội nghị có …", "sự chủ trì của …".
    let limit = (from + 10).min(toks.len());
    let first = mentions.partition_point(|m| m.tokens.start < from);
    let mut out = Vec::new();
    let mut pos = from;
    for m in mentions[first..].iter().take(MAX_CHAIRS) {
        let joined = if out.is_empty() {
            m.tokens.start <= limit
        } else {
            m.tokens.start >= pos && only_glue(&toks[pos..m.tokens.start])
        };
        if !joined {
            break;
        }
        out.push(m.person);
        pos = m.tokens.end;
    }
    out
}

/// People named just before token `to`, joined only by glue words.
fn chain_before(toks: &[Token], mentions: &[&Mention], to: usize) -> Vec<usize> {
    let before = mentions.partition_point(|m| m.tokens.end <= to);
    let mut out = Vec::new();
    let mut pos = to;
    for m in mentions[..before].iter().rev().take(MAX_CHAIRS) {
        if m.tokens.end > pos {
            break;
        }
        let between = &toks[m.tokens.end..pos];
        let ok = if out.is_empty() {
            between.len() <= 3
                && between.iter().all(|t| {
                    matches!(
                        t.key.as_ref(),
                        "đồng" | "dự" | "và" | "cùng" | "đã" | "làm" | "sẽ"
                    ) || t.is_punct(',')
                })
        } else {
            only_glue(between)
        };
        if !ok {
            break;
        }
        out.insert(0, m.person);
        pos = m.tokens.start;
    }
    out
}

fn only_glue(toks: &[Token]) -> bool {
    toks.iter().all(|t| LIST_GLUE.contains(&t.key.as_ref()))
}

/// Without a "chủ trì", in this order: the named leader of a delegation
/// ("do đồng chí … làm trưởng đoàn / dẫn đầu"); who closed the meeting
/// ("Phát biểu kết luận / bế mạc, …"); who opened it ("… phát biểu khai
/// mạc"); the presidium of a congress ("Thay mặt Đoàn Chủ tịch, …"); the
/// leaders of a working session ("A; B; C đã làm việc với …").
fn led_or_concluded(doc: &Doc, people: &People) -> Vec<usize> {
    let sentences: Vec<_> = doc.sentences().collect();
    let cues: [&LazyLock<PhraseList>; 4] = [&LEADS, &CLOSES, &PRESIDIUM, &OPENS];
    for cue in cues {
        let mut found = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            if cue.find(&s.tokens, s.tokens.len()).is_none() {
                continue;
            }
            for p in speaker_of(people, si) {
                if !found.contains(&p) {
                    found.push(p);
                }
            }
            // One leader suffices, except for a presidium of several.
            if !found.is_empty() && !std::ptr::eq(cue, &PRESIDIUM) {
                return found;
            }
        }
        if !found.is_empty() {
            return found;
        }
    }
    // A working session: the people before "làm việc với" in the lead.
    for (si, s) in sentences.iter().enumerate().take(lead_sentences(doc)) {
        let Some((verb, _)) = WORKS_WITH.find(&s.tokens, s.tokens.len()) else {
            continue;
        };
        let mentions: Vec<&Mention> = people.mentions_in(si).collect();
        let before = chain_before(&s.tokens, &mentions, verb);
        if !before.is_empty() {
            return before;
        }
        if let Some(first) = mentions.first() {
            return vec![first.person];
        }
    }
    Vec::new()
}

/// The number of sentences in the first three paragraphs.
fn lead_sentences(doc: &Doc) -> usize {
    doc.paragraphs
        .iter()
        .take(3)
        .map(|p| p.sentences.len())
        .sum()
}

/// Who a sentence is about: the first person named in it, or the one person
/// holding the title it names without a name ("đồng chí Bí thư Tỉnh ủy").
fn speaker_of(people: &People, si: usize) -> Vec<usize> {
    if let Some(m) = people.mentions_in(si).next() {
        return vec![m.person];
    }
    people
        .title_refs_in(si)
        .find_map(|r| people.holder_of(&r.title))
        .into_iter()
        .collect()
}
