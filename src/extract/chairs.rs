//! Who chaired: the people named with "chủ trì" ("Chủ trì hội nghị có đồng
//! chí …", "dưới sự chủ trì của …", "… chủ trì cuộc họp", "đồng chủ trì",
//! "được chủ trì bởi …", "A (chủ trì)", "A chủ trì hội nghị cùng các đồng
//! chí: B, C") or "chủ tọa" ("Chủ tọa kỳ họp có các đồng chí …"), in any
//! sentence or caption. Without one, a delegation's working session is
//! chaired by whoever closed it; leading a delegation, attending or a
//! closing speech elsewhere make nobody a chair.

use super::doc::Doc;
use super::people::{Mention, People, Role};
use std::sync::LazyLock;

use crate::gazetteer::PhraseList;
use crate::text::fold::key_hash;

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
/// A delegation's working session.
static WORKING_SESSION: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "đoàn công tác",
        "đoàn kiểm tra",
        "đoàn giám sát",
        "buổi làm việc",
    ])
});
use crate::text::segment::Token;

/// Words allowed between chairs listed together.
const LIST_GLUE: &[&str] = &[
    "đồng", "chí", "và", "cùng", "có", "các", "ông", "bà", "đ/c", ",", ";", ":",
];

/// Returns the chairs (indices into `people.people`) and marks their role.
pub fn extract(doc: &Doc, people: &mut People) -> Vec<usize> {
    let mut chairs: Vec<usize> = Vec::new();
    // Most sentences have no cue: the first word is screened by its hash,
    // and the sentence's mentions gathered only once a cue is found.
    let chu = key_hash("chủ");
    for (si, s) in doc.sentences().enumerate() {
        // A cue names only the people of its own sentence: a sentence
        // naming no one has no chair to give, and its words need no reading.
        if people.mentions_in(si).next().is_none() {
            continue;
        }
        let toks = s.tokens;
        let mut in_sentence: Option<Vec<&Mention>> = None;
        for (k, t) in toks.iter().enumerate() {
            // "chủ trì", or "chủ tọa" for the presiding officers of a council
            // session.
            if t.hash != chu
                || t.key != "chủ"
                || toks
                    .get(k + 1)
                    .is_none_or(|n| !matches!(n.key.as_ref(), "trì" | "toạ" | "tọa"))
            {
                continue;
            }
            if leads_a_task(toks, k + 2) {
                continue;
            }
            let in_sentence = in_sentence.get_or_insert_with(|| people.mentions_in(si).collect());
            let opens = k == 0
                || (k >= 2 && toks[k - 1].key == "sự")
                || toks[..k].iter().all(|t| {
                    t.is_punct(',')
                        || matches!(t.key.as_ref(), "tham" | "dự" | "và" | "đồng" | "cùng")
                });
            let passive = toks.get(k + 2).is_some_and(|t| t.is("bởi"));
            let mut group = if opens || passive {
                chain_after(toks, in_sentence, k + 2 + usize::from(passive))
            } else {
                chain_before(toks, in_sentence, k)
            };
            // "Chủ trì cuộc làm việc với …, đồng chí A nhấn mạnh …": a clause
            // of chairing opens the sentence, its subject named after it.
            if group.is_empty() && k == 0 {
                group = subject_after_clause(toks, in_sentence);
            }
            // "Hội nghị do Thường trực Đảng ủy chủ trì, gồm các đồng chí: A,
            // B": a body chaired, its members named after it.
            if group.is_empty() && members_follow(toks, k + 2) {
                group = chain_after(toks, in_sentence, k + 4);
            }
            // "… chủ trì hội nghị cùng các đồng chí: B, C" names co-chairs.
            if !opens
                && let Some(c) = (k + 2..(k + 6).min(toks.len())).find(|&j| toks[j].is("cùng"))
            {
                group.extend(chain_after(toks, in_sentence, c + 1));
            }
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

/// Whether "chủ trì" at token `k` tells who chaired: it does unless it
/// gives the lead of a task (see [`leads_a_task`]).
pub(crate) fn tells_chair(toks: &[Token], k: usize) -> bool {
    toks[k].is("chủ") && toks.get(k + 1).is_some_and(|t| t.is("trì")) && !leads_a_task(toks, k + 2)
}

/// Whether a chairing verb ending before token `after` gives someone the
/// lead of a task ("Sở Nội vụ chủ trì, phối hợp với …", "giao đồng chí A
/// chủ trì và phối hợp …"): what a directive assigns, not who chaired.
pub(crate) fn leads_a_task(toks: &[Token], after: usize) -> bool {
    let mut next = toks[after.min(toks.len())..]
        .iter()
        .skip_while(|t| t.is_punct(',') || t.is("và"));
    next.next().is_some_and(|t| t.is("phối")) && next.next().is_some_and(|t| t.is("hợp"))
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
            m.tokens.start >= pos && list_gap(&toks[pos..m.tokens.start])
        };
        if !joined {
            break;
        }
        out.push(m.person);
        pos = m.tokens.end;
    }
    out
}

/// The people named right after the comma that ends a sentence's opening
/// clause ("Chủ trì cuộc làm việc với Ban Thường vụ Tỉnh ủy chiều nay,
/// Chủ tịch Quốc hội A nhấn mạnh").
fn subject_after_clause(toks: &[Token], mentions: &[&Mention]) -> Vec<usize> {
    match (2..toks.len().min(32)).find(|&j| toks[j].is_punct(',')) {
        Some(comma) => chain_after(toks, mentions, comma + 1),
        None => Vec::new(),
    }
}

/// Whether the members of the chairing body are listed from token `at`:
/// ", gồm".
fn members_follow(toks: &[Token], at: usize) -> bool {
    toks.get(at).is_some_and(|t| t.is_punct(',')) && toks.get(at + 1).is_some_and(|t| t.is("gồm"))
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
            let between = skip_parenthesis(between);
            let glue = between.iter().rev().take_while(|t| {
                matches!(
                    t.key.as_ref(),
                    "đồng" | "dự" | "và" | "cùng" | "đã" | "làm" | "sẽ" | "("
                ) || t.is_punct(',')
            });
            let glue = glue.count();
            glue == between.len() || (glue <= 3 && title_tail(&between[..between.len() - glue]))
        } else {
            list_gap(between)
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

/// The longest gap between two people of one list, in tokens.
const MAX_LIST_GAP: usize = 80;

/// Whether the tokens between two people continue one list: only glue
/// words, or the first one's titles that were not read as such (a typo, a
/// title list with a semicolon inside) ending in a semicolon with only glue
/// after it. Attendance or a new cue ends the list.
fn list_gap(toks: &[Token]) -> bool {
    if only_glue(toks) {
        return true;
    }
    let Some(last) = toks.iter().rposition(|t| t.is_punct(';')) else {
        return false;
    };
    toks.len() <= MAX_LIST_GAP
        && only_glue(&toks[last + 1..])
        && !toks.iter().any(|t| {
            t.is_punct(':')
                || t.is_punct('.')
                || matches!(t.key.as_ref(), "dự" | "trì" | "tọa" | "toạ" | "mời")
        })
}

/// The longest unread end of a title before "chủ trì", in tokens.
const MAX_TITLE_TAIL: usize = 20;

/// Whether tokens can be the unread end of the last chair's title ("Phó
/// trưởng BCĐ Trung ương | về tổng kết 15 năm thực hiện NQ 32 | đồng chủ
/// trì"): short, no clause break, no verb of attending or speaking.
fn title_tail(toks: &[Token]) -> bool {
    toks.len() <= MAX_TITLE_TAIL
        && !toks.iter().any(|t| {
            (t.kind == crate::text::segment::TokenKind::Punct && !t.is_punct(','))
                || matches!(
                    t.key.as_ref(),
                    "dự" | "tại" | "phát" | "trình" | "họp" | "đã" | "sẽ" | "được"
                )
        })
}

/// A caption's place note before the cue dropped: "A (giữa) chủ trì".
fn skip_parenthesis<'t, 'a>(toks: &'t [Token<'a>]) -> &'t [Token<'a>] {
    if toks.first().is_some_and(|t| t.is_punct('('))
        && let Some(close) = toks.iter().take(8).position(|t| t.is_punct(')'))
    {
        return &toks[close + 1..];
    }
    toks
}

/// Without a "chủ trì": in a delegation's working session ("Đoàn công tác
/// … làm việc", "buổi làm việc"), whoever closed it ("Phát biểu kết luận,
/// đồng chí …"). Elsewhere a closing speech alone makes no chair.
fn led_or_concluded(doc: &Doc, people: &People) -> Vec<usize> {
    let sentences: Vec<_> = doc.sentences().collect();
    let working_session = sentences
        .iter()
        .take(lead_sentences(doc))
        .any(|s| WORKING_SESSION.find(s.tokens, s.tokens.len()).is_some());
    if !working_session {
        return Vec::new();
    }
    for (si, s) in sentences.iter().enumerate() {
        if CLOSES.find(s.tokens, s.tokens.len()).is_some() {
            let found = speaker_of(people, si);
            if !found.is_empty() {
                return found;
            }
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
