//! The province where the meeting took place, when several are named: the
//! one in the headline, after "tỉnh"/"Tỉnh ủy"/"tại", in the lead, in the
//! outlet's domain, and named most often.

use super::doc::Doc;
use super::people::People;
use super::{Found, Span, SpanSet};
use crate::gazetteer::provinces::{self, Province};
use std::sync::LazyLock;

use crate::gazetteer::PhraseList;
use crate::text::segment::Token;

/// Words before the place a meeting happened: "làm việc tại Thái Bình".
static AT_PLACE: LazyLock<PhraseList> = LazyLock::new(|| PhraseList::new(&["tại", "ở", "đến"]));
/// Words before a visiting side: "đoàn công tác Tỉnh ủy Thái Nguyên".
static VISITORS: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "đoàn công tác",
        "đoàn đại biểu",
        "đoàn",
        "đoàn công tác của",
        "đoàn đại biểu cấp cao",
    ])
});
/// Words before a province name that make it the subject of the story.
static STRONG_BEFORE: LazyLock<PhraseList> = LazyLock::new(|| PhraseList::new(STRONG_BEFORE_WORDS));
const STRONG_BEFORE_WORDS: &[&str] = &[
    "tỉnh",
    "thành phố",
    "tp",
    "tỉnh ủy",
    "thành ủy",
    "đảng bộ tỉnh",
    "về",
    "ubnd tỉnh",
    "hđnd tỉnh",
    "ủy ban nhân dân tỉnh",
    "thủ đô",
];

/// Picks the host province.
pub fn extract(
    doc: &Doc,
    title: Option<Span>,
    outlet: Option<&str>,
    people: &People,
) -> Option<Found<&'static Province>> {
    let mut scores: Vec<(&'static Province, f32, Span)> = Vec::new();
    let add = |p: &'static Province,
               w: f32,
               span: Span,
               scores: &mut Vec<(&'static Province, f32, Span)>| match scores
        .iter_mut()
        .find(|(q, _, _)| q.name == p.name)
    {
        Some(e) => {
            e.1 += w;
            if title.is_some_and(|t| t.start <= span.start && span.end <= t.end) {
                e.2 = span;
            }
        }
        None => scores.push((p, w, span)),
    };
    let titles = SpanSet::new(
        people
            .people
            .iter()
            .flat_map(|p| p.positions.iter().map(|x| x.span)),
    );
    let in_title = |s: usize| titles.contains(s);
    let names = SpanSet::new(people.people.iter().flat_map(|p| p.spans.iter().copied()));
    let in_name = |s: usize| names.contains(s);
    let lead_end = doc.paragraphs.get(3).map_or(usize::MAX, |p| p.start);
    for sentence in doc.sentences() {
        let toks = &sentence.tokens;
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].is_capitalized() || in_name(toks[i].start) {
                i += 1;
                continue;
            }
            let Some((p, n)) = provinces::at_tokens(toks, i) else {
                i += 1;
                continue;
            };
            let span = Span::new(toks[i].start, toks[i + n - 1].end);
            // Provinces in titles count once, through the titles below.
            if in_title(span.start) {
                i += n;
                continue;
            }
            let mut w = 1.0;
            if strong_before(toks, i) {
                w += 2.0;
            }
            // Where the meeting took place, and who came visiting.
            if AT_PLACE.ends_before(toks, i)
                || (strong_before(toks, i) && AT_PLACE.ends_before(toks, i - 1))
            {
                w += 3.0;
            }
            if VISITORS.ends_before(toks, i)
                || (i >= 1 && VISITORS.ends_before(toks, i - 1))
                || (i >= 2 && VISITORS.ends_before(toks, i - 2))
            {
                w -= 3.0;
            }
            if title.is_some_and(|t| t.start <= span.start && span.end <= t.end) {
                w += 3.0;
            } else if span.start < lead_end {
                w += 1.0;
            }
            add(p, w, span, &mut scores);
            i += n;
        }
    }
    for p in &people.people {
        for pos in &p.positions {
            if let Some(name) = &pos.province
                && let Some(prov) = provinces::lookup(name)
            {
                add(prov, 1.0, pos.span, &mut scores);
            }
        }
    }
    if let Some(p) = outlet.and_then(provinces::in_domain)
        && let Some(e) = scores.iter_mut().find(|(q, _, _)| q.name == p.name)
    {
        e.1 += 4.0;
    }
    scores
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(p, _, span)| Found::new(p, span))
}

fn strong_before(toks: &[Token], i: usize) -> bool {
    STRONG_BEFORE.ends_before(toks, i)
}
