//! The province where the meeting took place, when several are named: the
//! one in the headline, after "tỉnh"/"Tỉnh ủy"/"tại", in the lead, in the
//! outlet's domain, and named most often.

use super::doc::Doc;
use super::people::People;
use super::{Found, Span};
use crate::gazetteer::provinces::{self, Province};
use crate::text::lex_key;
use crate::text::segment::Token;

/// Words before a province name that make it the subject of the story.
const STRONG_BEFORE: &[&str] = &[
    "tỉnh",
    "thành phố",
    "tp",
    "tỉnh ủy",
    "thành ủy",
    "đảng bộ tỉnh",
    "tại",
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
    let in_name = |s: usize| {
        people
            .people
            .iter()
            .any(|p| p.spans.iter().any(|n| n.start <= s && s < n.end))
    };
    let lead_end = doc.paragraphs.get(3).map_or(usize::MAX, |p| p.start);
    for sentence in doc.sentences() {
        let toks = &sentence.tokens;
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].is_capitalized() || in_name(toks[i].start) {
                i += 1;
                continue;
            }
            let words: Vec<&str> = toks[i..(i + 5).min(toks.len())]
                .iter()
                .map(|t| t.text)
                .collect();
            let Some((p, n)) = provinces::lookup_words(&words) else {
                i += 1;
                continue;
            };
            let span = Span::new(toks[i].start, toks[i + n - 1].end);
            let mut w = 1.0;
            if strong_before(toks, i) {
                w += 2.0;
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
    (1..=5).any(|n| {
        i >= n && {
            let words: Vec<String> = toks[i - n..i].iter().map(|t| lex_key(t.text)).collect();
            STRONG_BEFORE.iter().any(|s| lex_key(s) == words.join(" "))
        }
    })
}
