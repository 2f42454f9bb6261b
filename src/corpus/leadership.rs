//! Who held the key posts of a province, and when, as far as the corpus
//! shows: each post with its holders over time.
//!
//! Evidence is the people's timelines: every meeting a spell rests on is a
//! day its holder is seen in the post (former posts are never in a
//! timeline; a post conferred at a meeting is first seen on that day).
//!
//! A province merged on 1 July 2025 is read as its predecessors before
//! that day and the merged unit from it: the same title names a different
//! post once the unit changes, so tenures never cross the merger.

use std::collections::BTreeMap;

use serde::Serialize;

use super::catalog::Catalog;
use super::model::Corpus;
use crate::extract::Date;
use crate::gazetteer::provinces::{self, PROVINCES, Province, ProvinceKind};
use crate::gazetteer::titles::title_key;
use crate::text::fold;

/// A person's time in a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tenure {
    /// Index into `corpus.people`.
    pub person: usize,
    pub name: String,
    /// The unit the post was held in (a pre-2025 predecessor before the
    /// merger).
    pub province: String,
    /// Start as the corpus shows it (first seen, or the conferral date).
    pub from: Date,
    /// Last day held: `None` = still held as far as the corpus knows.
    pub to: Option<Date>,
    /// The last day the corpus shows the holder in the post.
    pub last_seen: Date,
    /// How many meetings this tenure rests on.
    pub meetings: usize,
}

/// One key post and every known holder, earliest first (holders of a post
/// with several seats, such as Phó Bí thư, may overlap).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostRow {
    /// The label as shown: "Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh" …
    pub post: String,
    pub holders: Vec<Tenure>,
}

/// The day the 63 provinces became 34 units.
pub fn merger_day() -> Date {
    Date::ymd(2025, 7, 1).expect("a real day")
}

/// The day Thừa Thiên Huế became the centrally-run city of Huế.
fn hue_city_day() -> Date {
    Date::ymd(2025, 1, 1).expect("a real day")
}

/// Which body a post belongs to, which decides the word naming the unit
/// after it: "Tỉnh ủy"/"Thành ủy" or "tỉnh"/"thành phố".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Party,
    State,
}

/// A key post: the folded keys its titles reduce to once the unit words
/// are taken off, and whether it has one seat.
struct KeyPost {
    /// The label before the unit word.
    label: &'static str,
    level: Level,
    cores: &'static [&'static str],
    single_seat: bool,
}

/// The key posts in the order they are shown.
const KEY_POSTS: &[KeyPost] = &[
    KeyPost {
        label: "Bí thư",
        level: Level::Party,
        cores: &["bi thu"],
        single_seat: true,
    },
    KeyPost {
        label: "Phó Bí thư Thường trực",
        level: Level::Party,
        cores: &["pho bi thu thuong truc"],
        single_seat: true,
    },
    KeyPost {
        label: "Phó Bí thư",
        level: Level::Party,
        cores: &["pho bi thu"],
        single_seat: false,
    },
    KeyPost {
        label: "Chủ tịch UBND",
        level: Level::State,
        cores: &["chu tich uy ban nhan dan"],
        single_seat: true,
    },
    KeyPost {
        label: "Phó Chủ tịch UBND",
        level: Level::State,
        cores: &[
            "pho chu tich uy ban nhan dan",
            "pho chu tich thuong truc uy ban nhan dan",
        ],
        single_seat: false,
    },
    KeyPost {
        label: "Chủ tịch HĐND",
        level: Level::State,
        cores: &["chu tich hoi dong nhan dan"],
        single_seat: true,
    },
    KeyPost {
        label: "Trưởng Đoàn ĐBQH",
        level: Level::State,
        cores: &["truong doan dai bieu quoc hoi"],
        single_seat: true,
    },
    KeyPost {
        label: "Chủ nhiệm Ủy ban Kiểm tra",
        level: Level::Party,
        cores: &["chu nhiem uy ban kiem tra"],
        single_seat: true,
    },
    KeyPost {
        label: "Trưởng Ban Tổ chức",
        level: Level::Party,
        cores: &["truong ban to chuc"],
        single_seat: true,
    },
    KeyPost {
        // The board absorbed the Dân vận board in 2025.
        label: "Trưởng Ban Tuyên giáo (và Dân vận)",
        level: Level::Party,
        cores: &["truong ban tuyen giao", "truong ban tuyen giao va dan van"],
        single_seat: true,
    },
    KeyPost {
        label: "Trưởng Ban Dân vận",
        level: Level::Party,
        cores: &["truong ban dan van"],
        single_seat: true,
    },
    KeyPost {
        label: "Trưởng Ban Nội chính",
        level: Level::Party,
        cores: &["truong ban noi chinh"],
        single_seat: true,
    },
    KeyPost {
        label: "Chánh Văn phòng",
        level: Level::Party,
        cores: &["chanh van phong"],
        single_seat: true,
    },
];

/// Whether the unit is a centrally-run city on that day (Huế from 2025).
fn is_city(p: &Province, on: Date) -> bool {
    p.kind == ProvinceKind::City || (p.merged_into == "Huế" && on >= hue_city_day())
}

/// The label of a post in a unit: "Bí thư Thành ủy", "Chủ tịch UBND tỉnh".
fn label(post: &KeyPost, city: bool) -> String {
    let unit = match (post.level, city) {
        (Level::Party, false) => "Tỉnh ủy",
        (Level::Party, true) => "Thành ủy",
        (Level::State, false) => "tỉnh",
        (Level::State, true) => "thành phố",
    };
    format!("{} {unit}", post.label)
}

/// The unit word a title ends with, after any province name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitWord {
    TinhUy,
    ThanhUy,
    Tinh,
    ThanhPho,
    None,
}

/// A title taken apart: its core ("bi thu") and its unit word.
fn split_title(title: &str) -> (String, UnitWord) {
    let key = title_key(title);
    let mut words: Vec<&str> = key.split(' ').collect();
    strip_province_name(&mut words);
    let ends = |tail: &[&str]| words.len() > tail.len() && words.ends_with(tail);
    let (n, unit) = if ends(&["tinh", "uy"]) {
        (2, UnitWord::TinhUy)
    } else if ends(&["thanh", "uy"]) {
        (2, UnitWord::ThanhUy)
    } else if ends(&["thanh", "pho"]) {
        (2, UnitWord::ThanhPho)
    } else if ends(&["tinh"]) {
        (1, UnitWord::Tinh)
    } else {
        (0, UnitWord::None)
    };
    (words[..words.len() - n].join(" "), unit)
}

/// Takes a province name off after the last unit word ("bi thu tinh uy
/// thai binh"); other titles are left alone without a look-up.
fn strip_province_name(words: &mut Vec<&str>) {
    let Some(unit_end) = words
        .iter()
        .rposition(|w| matches!(*w, "uy" | "tinh" | "pho"))
        .map(|i| i + 1)
    else {
        return;
    };
    if unit_end < words.len() && provinces::lookup(&words[unit_end..].join(" ")).is_some() {
        words.truncate(unit_end);
    }
}

/// The key post a title names in a unit on a day, if any.
#[cfg(test)]
fn key_post_of(title: &str, unit: &Province, on: Date) -> Option<usize> {
    let (core, word) = split_title(title);
    key_post_in(&core, word, unit, on)
}

/// The key post a title taken apart names in a unit on a day. A city's
/// committee is the Thành ủy; in a province, "Thành ủy" is a provincial
/// city's, not the province's.
fn key_post_in(core: &str, word: UnitWord, unit: &Province, on: Date) -> Option<usize> {
    let city = is_city(unit, on);
    let unit_fits = |level: Level| match (level, word) {
        (Level::Party, UnitWord::TinhUy) => !city || unit.kind != ProvinceKind::City,
        (Level::Party, UnitWord::ThanhUy) => city,
        (Level::State, UnitWord::Tinh) => !city || unit.kind != ProvinceKind::City,
        (Level::State, UnitWord::ThanhPho) => city,
        _ => false,
    };
    KEY_POSTS
        .iter()
        .position(|p| p.cores.contains(&core) && unit_fits(p.level))
}

/// A stretch of time in which one unit's posts are read: a predecessor
/// before the merger, the merged unit after it.
#[derive(Debug, Clone)]
struct Segment {
    unit: &'static Province,
    /// Provinces whose posts count here (as written in the corpus).
    sources: Vec<&'static Province>,
    /// First day in force, and the first day no longer in force.
    starts: Option<Date>,
    ends: Option<Date>,
}

impl Segment {
    fn contains(&self, d: Date) -> bool {
        self.starts.is_none_or(|s| d >= s) && self.ends.is_none_or(|e| d < e)
    }
}

/// The segments a province query stands for. An unchanged unit is one
/// segment; a merged one is each predecessor (or just the one asked for)
/// until the merger and the merged unit after it.
fn segments(query: &'static Province) -> Vec<Segment> {
    let unit = provinces::lookup(query.merged_into).unwrap_or(query);
    let predecessors: Vec<&'static Province> = PROVINCES
        .iter()
        .filter(|p| p.merged_into == query.merged_into)
        .collect();
    if predecessors.len() <= 1 {
        return vec![Segment {
            unit,
            sources: vec![unit],
            starts: None,
            ends: None,
        }];
    }
    let before: Vec<&'static Province> = if query.name == unit.name {
        predecessors.clone()
    } else {
        vec![query]
    };
    let mut v: Vec<Segment> = before
        .into_iter()
        .map(|p| Segment {
            unit: p,
            sources: vec![p],
            starts: None,
            ends: Some(merger_day()),
        })
        .collect();
    v.push(Segment {
        unit,
        sources: predecessors,
        starts: Some(merger_day()),
        ends: None,
    });
    v
}

/// A day a person was seen in a post.
#[derive(Debug, Clone, Copy)]
struct Sighting {
    person: usize,
    date: Date,
    meeting: usize,
}

/// Every sighting of each key post in a segment, from the timelines.
fn sightings(catalog: &Catalog, seg: &Segment) -> Vec<Vec<Sighting>> {
    let mut per_post: Vec<Vec<Sighting>> = vec![Vec::new(); KEY_POSTS.len()];
    for (person, p) in catalog.people.iter().enumerate() {
        for spell in &p.timeline {
            let Some(written) = spell.province.as_deref().and_then(provinces::lookup) else {
                continue;
            };
            if !seg.sources.iter().any(|s| s.name == written.name) {
                continue;
            }
            let (core, word) = split_title(&spell.title);
            if word == UnitWord::None {
                continue;
            }
            for &meeting in &spell.meetings {
                let meeting = meeting as usize;
                let Some(date) = catalog.meetings.get(meeting).and_then(|m| m.date) else {
                    continue;
                };
                if !seg.contains(date) {
                    continue;
                }
                if let Some(k) = key_post_in(&core, word, seg.unit, date) {
                    per_post[k].push(Sighting {
                        person,
                        date,
                        meeting,
                    });
                }
            }
        }
    }
    per_post
}

/// The tenures shown by a post's sightings in a segment, earliest first.
///
/// A tenure runs from the holder's first sighting to their last: the
/// corpus sees holders only now and then, and between one holder's last
/// sighting and the next one's first it cannot tell when the post changed
/// hands. Carrying a one-seat tenure on to the next holder's start instead
/// was wrong for one day in seven beyond the last sighting on synthetic
/// articles (tests/leadership_truth.rs), so an unknown stays unknown. A
/// one-seat tenure ends at the latest the day before the next holder is
/// first seen (a post conferred at a meeting where the old holder is still
/// named). A holder seen at the segment's newest meeting still holds the
/// post as far as the corpus knows (`to` is `None`): the corpus does not
/// say when it ended, so no end is written, though a predecessor's post ends
/// with the merger at the latest (see `covers`).
fn tenures(
    catalog: &Catalog,
    seg: &Segment,
    post: &KeyPost,
    seen: &[Sighting],
    newest_meeting: Option<Date>,
) -> Vec<Tenure> {
    let mut by_person: BTreeMap<usize, (Date, Date, Vec<usize>)> = BTreeMap::new();
    for s in seen {
        let e = by_person
            .entry(s.person)
            .or_insert((s.date, s.date, Vec::new()));
        e.0 = e.0.min(s.date);
        e.1 = e.1.max(s.date);
        if !e.2.contains(&s.meeting) {
            e.2.push(s.meeting);
        }
    }
    let mut v: Vec<(usize, Date, Date, usize)> = by_person
        .into_iter()
        .map(|(p, (f, l, m))| (p, f, l, m.len()))
        .collect();
    v.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    (0..v.len())
        .map(|i| {
            let (person, from, last, meetings) = v[i];
            let successor = post
                .single_seat
                .then(|| v[i + 1..].iter().find(|n| n.1.days() > from.days()))
                .flatten()
                .map(|n| n.1.add_days(-1));
            let still_held = successor.is_none() && newest_meeting.is_some_and(|n| last >= n);
            let to = if still_held {
                None
            } else {
                Some(successor.map_or(last, |s| s.min(last)))
            };
            Tenure {
                person,
                name: catalog.people[person].name.to_string(),
                province: seg.unit.name.to_string(),
                from,
                to,
                last_seen: last,
                meetings,
            }
        })
        .collect()
}

/// Key posts of a province in the fixed order, each with its holders over
/// time. `province` is any spelling or fold of an old (pre-2025) or new
/// province name; one the gazetteer does not know has no rows.
pub fn timeline(corpus: &Corpus, province: &str) -> Vec<PostRow> {
    timeline_in(&Catalog::of(corpus), province)
}

/// [`timeline`] over a catalog.
pub fn timeline_in(catalog: &Catalog, province: &str) -> Vec<PostRow> {
    let Some(query) = provinces::lookup(province) else {
        return Vec::new();
    };
    let segs = segments(query);
    let city = segs
        .last()
        .is_some_and(|s| is_city(s.unit, s.starts.unwrap_or(merger_day())));
    let mut rows: Vec<PostRow> = KEY_POSTS
        .iter()
        .map(|p| PostRow {
            post: label(p, city),
            holders: Vec::new(),
        })
        .collect();
    for seg in &segs {
        let seen = sightings(catalog, seg);
        let newest = newest_meeting_in(catalog, std::slice::from_ref(seg));
        for (k, post) in KEY_POSTS.iter().enumerate() {
            rows[k]
                .holders
                .extend(tenures(catalog, seg, post, &seen[k], newest));
        }
    }
    for row in &mut rows {
        row.holders
            .sort_by(|a, b| a.from.cmp(&b.from).then(a.person.cmp(&b.person)));
    }
    rows
}

/// Whether a tenure covers any of the days `on` stands for.
pub fn covers(t: &Tenure, on: Date) -> bool {
    t.from.days() <= on.last_day().days()
        && t.to.is_none_or(|to| on.days() <= to.last_day().days())
        && !(held_before_merger(t) && on.days() >= merger_day().days())
}

/// A tenure in a unit that became part of a larger one on the merger day
/// (the merged unit's own tenures start on or after it).
fn held_before_merger(t: &Tenure) -> bool {
    t.from.days() < merger_day().days() && gone_in_merger(&t.province)
}

/// A unit merged with others on the merger day.
fn gone_in_merger(unit: &str) -> bool {
    provinces::lookup(unit).is_some_and(|p| {
        PROVINCES
            .iter()
            .filter(|q| q.merged_into == p.merged_into)
            .count()
            > 1
    })
}

/// Tenures covering `on` for each row (same order; empty = nobody known).
pub fn holders_on(rows: &[PostRow], on: Date) -> Vec<(&str, Vec<&Tenure>)> {
    rows.iter()
        .map(|r| {
            (
                r.post.as_str(),
                r.holders.iter().filter(|t| covers(t, on)).collect(),
            )
        })
        .collect()
}

/// The newest meeting date in the corpus (of the province when given: its
/// predecessors' and its merged unit's meetings count).
pub fn newest_meeting_date(corpus: &Corpus, province: Option<&str>) -> Option<Date> {
    match province {
        Some(_) => newest_meeting_date_in(&Catalog::of(corpus), province),
        None => corpus.meetings.iter().filter_map(|m| m.date).max(),
    }
}

/// [`newest_meeting_date`] over a catalog.
pub fn newest_meeting_date_in(catalog: &Catalog, province: Option<&str>) -> Option<Date> {
    match province {
        Some(p) => newest_meeting_in(catalog, &segments(provinces::lookup(p)?)),
        None => catalog.meetings.iter().filter_map(|m| m.date).max(),
    }
}

/// The newest meeting held in any of the segments.
fn newest_meeting_in(catalog: &Catalog, segs: &[Segment]) -> Option<Date> {
    catalog
        .meetings
        .iter()
        .filter_map(|m| {
            let date = m.date?;
            let written = provinces::lookup(m.province.as_deref()?)?;
            segs.iter()
                .any(|s| s.contains(date) && s.sources.iter().any(|p| p.name == written.name))
                .then_some(date)
        })
        .max()
}

/// Whether two tenures are the same person's (the same index, or the same
/// name when one official was read as two people across the merger).
pub fn same_holder(a: &Tenure, b: &Tenure) -> bool {
    a.person == b.person || fold(&a.name) == fold(&b.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(name: &str) -> &'static Province {
        provinces::lookup(name).unwrap()
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn titles_name_their_post() {
        let tb = unit("Thái Bình");
        let d = day("2020-12-03");
        let post = |t: &str| key_post_of(t, tb, d).map(|k| KEY_POSTS[k].label);
        assert_eq!(post("Bí thư Tỉnh ủy"), Some("Bí thư"));
        assert_eq!(post("Bí thư Tỉnh ủy Thái Bình"), Some("Bí thư"));
        assert_eq!(
            post("Phó bí thư Thường trực Tỉnh ủy"),
            Some("Phó Bí thư Thường trực")
        );
        assert_eq!(post("Phó Bí thư Tỉnh uỷ"), Some("Phó Bí thư"));
        assert_eq!(post("Chủ tịch UBND tỉnh"), Some("Chủ tịch UBND"));
        assert_eq!(
            post("Phó Chủ tịch Ủy ban nhân dân tỉnh"),
            Some("Phó Chủ tịch UBND")
        );
        assert_eq!(post("Trưởng Đoàn ĐBQH tỉnh"), Some("Trưởng Đoàn ĐBQH"));
        assert_eq!(
            post("Chủ nhiệm UBKT Tỉnh ủy"),
            Some("Chủ nhiệm Ủy ban Kiểm tra")
        );
        // A provincial city's secretary is not the province's.
        assert_eq!(post("Bí thư Thành ủy Thái Bình"), None);
        assert_eq!(post("Chủ tịch UBND thành phố"), None);
        assert_eq!(post("Bí thư Huyện ủy Vũ Thư"), None);
        assert_eq!(post("Ủy viên Ban Thường vụ Tỉnh ủy"), None);
    }

    #[test]
    fn a_city_has_a_thanh_uy() {
        let hn = unit("Hà Nội");
        let d = day("2020-12-03");
        assert!(key_post_of("Bí thư Thành ủy", hn, d).is_some());
        assert!(key_post_of("Chủ tịch UBND TP", hn, d).is_some());
        let hue = unit("Huế");
        assert!(key_post_of("Bí thư Thành ủy", hue, d).is_none());
        assert!(key_post_of("Bí thư Thành ủy", hue, day("2025-03-01")).is_some());
    }

    #[test]
    fn a_merged_unit_reads_its_predecessors_until_the_merger() {
        let s = segments(unit("Hưng Yên"));
        assert_eq!(s.len(), 3);
        assert_eq!(s[2].unit.name, "Hưng Yên");
        assert_eq!(s[2].sources.len(), 2);
        let s = segments(unit("Thái Bình"));
        assert_eq!(
            s.iter().map(|s| s.unit.name).collect::<Vec<_>>(),
            ["Thái Bình", "Hưng Yên"]
        );
        assert_eq!(segments(unit("Nghệ An")).len(), 1);
    }
}
