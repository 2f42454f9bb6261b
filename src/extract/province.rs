//! The province where the meeting took place, when several are named: the
//! one in the headline, after "tỉnh"/"Tỉnh ủy"/"tại", in the lead, of the
//! outlet, and named most often. When the text names none: a district,
//! commune or ward that belongs to one province, else the outlet's province
//! (a provincial paper or portal), else a province in the article's
//! address. From the July 2025 merger on, a province goes by its new unit.

use super::doc::Doc;
use super::people::People;
use super::{Date, Found, Span};
use crate::gazetteer::outlets;
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
/// Words before the ends of a route: "cao tốc Hạ Long - Hải Phòng".
static ROUTE: LazyLock<PhraseList> = LazyLock::new(|| {
    PhraseList::new(&[
        "cao tốc",
        "quốc lộ",
        "đường",
        "tuyến",
        "tuyến đường",
        "đường sắt",
        "đường bay",
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

/// Where the province was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Named in the text (a province, or a district of one).
    Text,
    /// The outlet is the province's paper or portal.
    Outlet,
    /// The article's address: a provincial host, or a name in the path.
    Url,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Text => "text",
            Origin::Outlet => "outlet",
            Origin::Url => "url",
        }
    }
}

/// Picks the host province and says where it came from. `outlet` is the
/// outlet as the page or its source names it, `url` the article's address.
pub fn extract(
    doc: &Doc,
    title: Option<Span>,
    outlet: Option<&Found<String>>,
    url: Option<&str>,
    people: &People,
    on: Option<Date>,
) -> Option<(Found<&'static Province>, Origin)> {
    let of_outlet = outlet.and_then(|o| outlets::province_of_outlet(&o.value));
    let of_host = url.and_then(outlets::province_of_host);
    let outlet_span = outlet.map(|o| o.span);
    if let Some(p) = named(doc, title, outlet_span, of_outlet.or(of_host), people) {
        return Some((p, Origin::Text));
    }
    if let Some(p) = district(doc).or_else(|| ward(doc, on)) {
        return Some((p, Origin::Text));
    }
    if let (Some(p), Some(o)) = (of_outlet, outlet) {
        return Some((Found::new(p, o.span), Origin::Outlet));
    }
    let none = Span::new(0, 0);
    of_host
        .or_else(|| url.and_then(outlets::province_in_path))
        .map(|p| (Found::new(p, none), Origin::Url))
}

/// The day the 63 units became 34.
fn merger_day() -> Date {
    Date::ymd(2025, 7, 1).expect("a real day")
}

/// The day Thừa Thiên Huế became the city of Huế.
fn hue_city_day() -> Date {
    Date::ymd(2025, 1, 1).expect("a real day")
}

/// The name a province goes by on the article's day: its 2025 unit from
/// the merger on ("Bình Dương" → "Hồ Chí Minh"), "Huế" once the province
/// became that city; the name of the time before.
pub fn name_on(p: &Province, on: Option<Date>) -> &'static str {
    match on {
        Some(d) if d >= merger_day() => p.merged_into,
        Some(d) if d >= hue_city_day() && p.merged_into == "Huế" => p.merged_into,
        _ => p.name,
    }
}

/// The first ward, commune or special zone named after its kind ("xã Tịnh
/// Khê") whose name belongs to one province, as that province: after the
/// merger among the 2025 units' wards, before it among the communes of the
/// time, else a 2025 ward of a unit that absorbed no other.
fn ward(doc: &Doc, on: Option<Date>) -> Option<Found<&'static Province>> {
    if on.is_some_and(|d| d >= merger_day()) {
        return first_place(doc, &provinces::WARDS_2025, provinces::lookup);
    }
    first_place(doc, &provinces::COMMUNES_2024, provinces::lookup)
        .or_else(|| first_place(doc, &provinces::WARDS_2025, provinces::sole_predecessor))
}

/// The first place of a list named in the text, as the province `owner`
/// gives for its owner.
fn first_place(
    doc: &Doc,
    places: &provinces::Places,
    owner: fn(&str) -> Option<&'static Province>,
) -> Option<Found<&'static Province>> {
    doc.sentences().find_map(|sentence| {
        let toks = sentence.tokens;
        (0..toks.len()).find_map(|i| {
            let (name, n) = places.at(toks, i)?;
            let span = Span::new(toks[i].start, toks[i + n - 1].end);
            owner(name).map(|p| Found::new(p, span))
        })
    })
}

/// A district of the official list named after its kind ("huyện Châu Đức").
fn listed_district(toks: &[Token], i: usize) -> Option<(&'static Province, usize)> {
    let (owner, n) = provinces::DISTRICTS_2024.at(toks, i)?;
    provinces::lookup(owner).map(|p| (p, n))
}

/// The district named most often (a place after "tại" counts more), as its
/// province; the ends of a route do not count.
fn district(doc: &Doc) -> Option<Found<&'static Province>> {
    let mut best: Option<(Found<&'static Province>, f32)> = None;
    let mut scores: Vec<(&'static str, f32)> = Vec::new();
    for sentence in doc.sentences() {
        let toks = sentence.tokens;
        let mut i = 0;
        while i < toks.len() {
            let hit = toks[i]
                .is_capitalized()
                .then(|| {
                    provinces::district_at_tokens(toks, i).or_else(|| listed_district(toks, i))
                })
                .flatten();
            let Some((p, n)) = hit else {
                i += 1;
                continue;
            };
            if route_end(toks, i, n) {
                i += n;
                continue;
            }
            let w = if AT_PLACE.ends_before(toks, i) {
                3.0
            } else {
                1.0
            };
            let total = match scores.iter_mut().find(|(q, _)| *q == p.name) {
                Some(e) => {
                    e.1 += w;
                    e.1
                }
                None => {
                    scores.push((p.name, w));
                    w
                }
            };
            if best.as_ref().is_none_or(|(_, b)| total > *b) {
                let span = Span::new(toks[i].start, toks[i + n - 1].end);
                best = Some((Found::new(p, span), total));
            }
            i += n;
        }
    }
    best.map(|(f, _)| f)
}

/// The province the text names as the host; `source` (the outlet's or the
/// address's province) weighs in when the text names it too.
fn named(
    doc: &Doc,
    title: Option<Span>,
    outlet: Option<Span>,
    source: Option<&'static Province>,
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
    let in_title = |s: usize| {
        covers(
            people
                .people
                .iter()
                .flat_map(|p| p.positions.iter().map(|x| x.span)),
            s,
        )
    };
    // A title may be kept without its place, written right after it ("Bí
    // thư Thành ủy Hà Nội" kept as "Bí thư Thành ủy" of Hà Nội): that place
    // is where the official serves, weighed as a plain mention.
    let after_title = |s: usize| {
        people
            .people
            .iter()
            .any(|p| (p.positions.iter()).any(|x| x.province.is_some() && x.span.end + 1 == s))
    };
    let in_name = |s: usize| {
        covers(
            people.people.iter().flat_map(|p| p.spans.iter().copied()),
            s,
        )
    };
    let lead_end = doc.paragraphs.get(3).map_or(usize::MAX, |p| p.start);
    for sentence in doc.sentences() {
        let toks = sentence.tokens;
        let mut i = 0;
        while i < toks.len() {
            // The lexicon's first-word bits rule out most capitals before
            // the names' spans are searched.
            let hit = toks[i]
                .is_capitalized()
                .then(|| provinces::at_tokens(toks, i))
                .flatten()
                .filter(|_| !in_name(toks[i].start));
            let Some((p, n)) = hit else {
                i += 1;
                continue;
            };
            let span = Span::new(toks[i].start, toks[i + n - 1].end);
            // Provinces in titles count once, through the titles below; the
            // outlet's name ("Nguồn: Báo Sơn La") counts as the outlet.
            let in_outlet = outlet.is_some_and(|o| o.start <= span.start && span.end <= o.end);
            if in_title(span.start) || in_outlet || route_end(toks, i, n) {
                i += n;
                continue;
            }
            let mut w = 1.0;
            if strong_before(toks, i) && !after_title(span.start) {
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
    // A former post ("nguyên Bí thư Tỉnh ủy X") says where someone served
    // before, not where the meeting is.
    // Officials of one page mostly serve the same province: each name is
    // looked up once.
    let mut looked_up: Vec<(&str, Option<&'static Province>)> = Vec::new();
    for p in &people.people {
        for pos in p.positions.iter().filter(|x| !x.former) {
            let Some(name) = &pos.province else {
                continue;
            };
            let prov = match looked_up.iter().find(|(n, _)| *n == name.as_str()) {
                Some(&(_, prov)) => prov,
                None => {
                    let prov = provinces::lookup(name);
                    looked_up.push((name, prov));
                    prov
                }
            };
            if let Some(prov) = prov {
                add(prov, 1.0, pos.span, &mut scores);
            }
        }
    }
    if let Some(p) = source
        && let Some(e) = scores.iter_mut().find(|(q, _, _)| q.name == p.name)
    {
        e.1 += 4.0;
    }
    // On a tie the province named first wins.
    scores
        .into_iter()
        .reduce(|best, x| if x.1 > best.1 { x } else { best })
        .map(|(p, _, span)| Found::new(p, span))
}

/// Whether `at` falls in one of `spans`, as a [`SpanSet`](super::SpanSet)
/// of them tells: asked of the few provinces a page names, a walk over its
/// people's spans costs less than sorting them into a set.
fn covers(mut spans: impl Iterator<Item = Span>, at: usize) -> bool {
    spans.any(|s| s.start <= at && at < s.end)
}

/// Whether the place of `n` words at `toks[i]` is an end of a route
/// ("cao tốc Hạ Long - Hải Phòng", "quốc lộ Hà Nội - Lạng Sơn"): a road
/// passes through a province, the story need not be there.
fn route_end(toks: &[Token], i: usize, n: usize) -> bool {
    // The first end: right after the route's word, a dash and a place after.
    let dash_after = toks.get(i + n).is_some_and(Token::is_dash)
        && toks.get(i + n + 1).is_some_and(Token::is_capitalized);
    if dash_after && ROUTE.ends_before(toks, i) {
        return true;
    }
    // The last end: after a dash, itself after a place of a few capitalized
    // words right after the route's word.
    if i < 2 || !toks[i - 1].is_dash() {
        return false;
    }
    let place = (1..=4)
        .take_while(|&k| i > k && toks[i - 1 - k].is_capitalized())
        .last();
    place.is_some_and(|k| ROUTE.ends_before(toks, i - 1 - k))
}

fn strong_before(toks: &[Token], i: usize) -> bool {
    STRONG_BEFORE.ends_before(toks, i)
}

#[cfg(test)]
mod tests {
    use super::super::SpanSet;
    use super::*;

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// A walk over spans finds a place in one as their set does,
        /// empty, overlapping and touching spans among them.
        #[test]
        fn covers_is_the_span_set(
            spans in proptest::collection::vec((0usize..40, 0usize..8), 0..12),
            at in 0usize..50,
        ) {
            let spans: Vec<Span> = spans.iter().map(|&(s, n)| Span::new(s, s + n)).collect();
            let set = SpanSet::new(spans.iter().copied());
            proptest::prop_assert_eq!(covers(spans.iter().copied(), at), set.contains(at));
        }
    }
}
