//! The simulated world: provinces with rosters of officials over 2015–2025,
//! the central bodies whose officials visit, and who held which post when.
//!
//! Posts fall vacant when a term runs out (often at a Party congress or a
//! council election) and are filled the way provinces fill them: a deputy
//! is promoted, an official is rotated in from another province or from the
//! centre, a provincial leader moves up to a central post, or someone new
//! arrives. On 1 July 2025 the 63 provinces become 34 and their leaders are
//! re-seated in the merged units; districts are abolished.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

use super::names::{self, Region};
use super::posts::{
    Ban, BanTw, DEPTS, DistrictKind, MINISTRIES, Post, Reforms, TitleStyle, UnitNames,
    dept_abolished,
};
use super::rng::Rng;
use tinhuy::extract::Date;
use tinhuy::gazetteer::provinces::{PROVINCES, ProvinceKind, is_2025_unit};
use tinhuy::text::fold;

pub type PersonId = u32;
pub type UnitId = usize;

/// The central level's unit index (after the 63 provinces).
pub const CENTRAL: UnitId = 63;
/// Tenure end of a post still held.
pub const OPEN: i32 = i32::MAX;

/// Days since 1970-01-01.
pub fn day(y: i32, m: u32, d: u32) -> i32 {
    Date::ymd(y, m, d).expect("valid date").days() as i32
}

pub fn date_of(d: i32) -> Date {
    Date::ymd(1970, 1, 1).unwrap().add_days(d as i64)
}

/// First day of the simulated period.
pub fn start() -> i32 {
    day(2015, 1, 1)
}
/// Day after the simulated period.
pub fn end() -> i32 {
    day(2026, 1, 1)
}

pub fn reforms() -> Reforms {
    Reforms {
        boards_merged: day(2025, 2, 1),
        depts_merged: day(2025, 3, 1),
        provinces_merged: day(2025, 7, 1),
    }
}

/// Provincial Party congresses, where many posts change hands.
fn congresses() -> [i32; 3] {
    [day(2015, 10, 15), day(2020, 10, 15), day(2025, 10, 10)]
}
/// First sittings of newly elected People's Councils.
fn council_terms() -> [i32; 2] {
    [day(2016, 6, 28), day(2021, 6, 25)]
}
/// Central Committee terms: XI until January 2016, XII, XIII.
pub fn cc_term(d: i32) -> usize {
    if d < day(2016, 1, 28) {
        0
    } else if d < day(2021, 2, 1) {
        1
    } else {
        2
    }
}

/// A police or army rank written before the name; not a position.
#[derive(Debug, Clone)]
pub struct Rank {
    pub colonel_until: i32,
}

impl Rank {
    pub fn on(&self, d: i32) -> &'static str {
        if d < self.colonel_until {
            "Đại tá"
        } else {
            "Thiếu tướng"
        }
    }
}

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub female: bool,
    pub region: Region,
    pub rank: Option<Rank>,
    /// Central Committee membership per term: 0 none, 1 alternate, 2 full.
    pub cc: [u8; 3],
    pub politburo: [bool; 3],
    pub secretariat: [bool; 3],
    /// Every tenure held: (slot, index in the slot's tenures).
    pub tenures: Vec<(u32, u32)>,
}

#[derive(Debug, Clone)]
pub struct Tenure {
    pub person: PersonId,
    pub from: i32,
    /// Last day held, inclusive; [`OPEN`] while held.
    pub to: i32,
    /// Held alongside another post ("kiêm").
    pub concurrent: bool,
}

#[derive(Debug, Clone)]
pub struct Slot {
    pub unit: UnitId,
    pub post: Post,
    /// First and last day the post exists.
    pub open: i32,
    pub close: i32,
    pub tenures: Vec<Tenure>,
}

impl Slot {
    /// The holder on a day.
    pub fn holder(&self, d: i32) -> Option<PersonId> {
        if d < self.open || d > self.close {
            return None;
        }
        // Tenures are in time order and do not overlap.
        let i = self.tenures.partition_point(|t| t.from <= d);
        let t = self.tenures.get(i.checked_sub(1)?)?;
        (t.to >= d).then_some(t.person)
    }

    fn current(&self) -> Option<(usize, &Tenure)> {
        let i = self.tenures.len().checked_sub(1)?;
        let t = &self.tenures[i];
        (t.to == OPEN).then_some((i, t))
    }
}

/// A province's fixed facts.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Index into `PROVINCES` (the central unit has none).
    pub province: Option<usize>,
    pub region: Region,
    pub districts: Vec<(String, DistrictKind)>,
    /// Communes and wards (`true`) after the 2025 reform.
    pub communes: Vec<(String, bool)>,
    pub outlet: String,
    pub reporters: Vec<String>,
    /// Number of the provincial Party congress held in 2015.
    pub congress_2015: u32,
    /// Term of the People's Council elected in 2016.
    pub council_2016: u32,
    /// How often the unit's outlets publish, relative to others.
    pub weight: u32,
    /// Slot indices, in roster order.
    pub slots: Vec<usize>,
}

impl Unit {
    pub fn name(&self) -> &'static str {
        match self.province {
            Some(p) => PROVINCES[p].name,
            None => "Trung ương",
        }
    }
}

/// The simulated world.
pub struct World {
    pub people: Vec<Person>,
    pub slots: Vec<Slot>,
    pub units: Vec<Unit>,
    pub reforms: Reforms,
}

impl World {
    /// Builds the world of a seed.
    pub fn new(seed: u64) -> World {
        let mut sim = Sim::new(seed);
        sim.populate();
        sim.run_until(reforms().provinces_merged);
        sim.merge_provinces();
        sim.run_until(end());
        sim.assign_memberships(seed);
        sim.world
    }

    pub fn is_active(&self, u: UnitId, d: i32) -> bool {
        match self.units[u].province {
            None => true,
            Some(p) => d < self.reforms.provinces_merged || is_2025_unit(&PROVINCES[p]),
        }
    }

    /// Whether the unit is a centrally-run city on a day (Thừa Thiên Huế
    /// became the city of Huế on 1 January 2025).
    pub fn is_city(&self, u: UnitId, d: i32) -> bool {
        let Some(p) = self.units[u].province else {
            return false;
        };
        let p = &PROVINCES[p];
        p.kind == ProvinceKind::City || (p.merged_into == "Huế" && d >= day(2025, 1, 1))
    }

    /// The unit's name as articles of that day write it.
    pub fn unit_name(&self, u: UnitId, d: i32) -> &'static str {
        let Some(p) = self.units[u].province else {
            return "Trung ương";
        };
        let p = &PROVINCES[p];
        if p.merged_into == "Huế" && d >= day(2025, 1, 1) {
            "Huế"
        } else {
            p.name
        }
    }

    pub fn names(&self, u: UnitId, d: i32) -> UnitNames<'_> {
        UnitNames {
            is_city: self.is_city(u, d),
            districts: &self.units[u].districts,
            communes: &self.units[u].communes,
        }
    }

    /// The holder of a post in a unit on a day.
    pub fn holder(&self, u: UnitId, post: Post, d: i32) -> Option<PersonId> {
        self.units[u]
            .slots
            .iter()
            .map(|&s| &self.slots[s])
            .find(|s| s.post == post)
            .and_then(|s| s.holder(d))
    }

    /// The posts a unit has on a day with their holders, in roster order.
    pub fn roster(&self, u: UnitId, d: i32) -> Vec<(Post, PersonId)> {
        self.units[u]
            .slots
            .iter()
            .filter_map(|&s| {
                let s = &self.slots[s];
                s.holder(d).map(|p| (s.post, p))
            })
            .collect()
    }

    /// The posts a person holds on a day, in title order, with their units.
    pub fn posts_of(&self, p: PersonId, d: i32) -> Vec<(UnitId, Post)> {
        let mut v: Vec<(UnitId, Post)> = self.people[p as usize]
            .tenures
            .iter()
            .filter_map(|&(s, t)| {
                let slot = &self.slots[s as usize];
                let t = &slot.tenures[t as usize];
                (t.from <= d && t.to >= d).then_some((slot.unit, slot.post))
            })
            .collect();
        v.sort_by_key(|&(_, post)| post);
        v
    }

    /// Every title of a person on a day, as the article's style writes
    /// them, without a trailing province name: memberships first, then posts.
    pub fn titles(&self, p: PersonId, d: i32, st: &TitleStyle) -> Vec<String> {
        let posts = self.posts_of(p, d);
        let person = &self.people[p as usize];
        let term = cc_term(d);
        let mut out: Vec<String> = Vec::new();
        let Some(&(unit, top)) = posts.first() else {
            return out;
        };
        let names = self.names(unit, d);
        let senior = matches!(
            top,
            Post::TongBiThu
                | Post::ChuTichNuoc
                | Post::ThuTuong
                | Post::ChuTichQuocHoi
                | Post::PhoThuTuong(_)
                | Post::TruongBanTw(_)
                | Post::BoTruong(_)
                | Post::PhoTruongBanTw(..)
                | Post::ThuTruong(..)
                | Post::BiThu
                | Post::PhoBiThuTT
                | Post::ChuTichUbnd
        );
        let is_national = matches!(
            top,
            Post::TongBiThu | Post::ChuTichNuoc | Post::ThuTuong | Post::ChuTichQuocHoi
        );
        if senior && !is_national {
            if person.politburo[term] {
                out.push("Ủy viên Bộ Chính trị".into());
            }
            if person.secretariat[term] && top.is_central() {
                out.push("Bí thư Trung ương Đảng".into());
            }
            if !person.politburo[term] && person.cc[term] > 0 {
                out.push(super::posts::central_committee(st, person.cc[term] == 1).into());
            }
        }
        let party_seat = posts
            .iter()
            .any(|&(_, p)| matches!(p, Post::BiThu | Post::PhoBiThuTT | Post::PhoBiThu(_)));
        if st.memberships && !top.is_central() && !party_seat {
            if top.is_standing_member() {
                out.push(super::posts::standing_member(&names));
            } else if top.is_committee_member() {
                out.push(super::posts::committee_member(&names, st).into());
            }
        }
        for &(u, post) in &posts {
            let n = self.names(u, d);
            // A province's chairman is always one of its Party deputies.
            if post == Post::ChuTichUbnd && !party_seat {
                out.push(super::posts::title(
                    Post::PhoBiThu(0),
                    &n,
                    d,
                    &self.reforms,
                    st,
                ));
            }
            let t = super::posts::title(post, &n, d, &self.reforms, st);
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out.dedup();
        out
    }
}

/// Where a vacancy looks for its new holder.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Same,
    Other,
    Central,
    New,
}

struct Src {
    scope: Scope,
    weight: u32,
    concurrent: bool,
    want: Box<dyn Fn(Post) -> bool>,
}

fn src(scope: Scope, weight: u32, concurrent: bool, want: impl Fn(Post) -> bool + 'static) -> Src {
    Src {
        scope,
        weight,
        concurrent,
        want: Box::new(want),
    }
}

fn new_person(weight: u32) -> Src {
    src(Scope::New, weight, false, |_| false)
}

/// How a vacancy in `post` is filled, with weights.
fn sources(post: Post) -> Vec<Src> {
    use Scope::*;
    let provincial_leader =
        |p: Post| matches!(p, Post::BiThu | Post::PhoBiThuTT | Post::ChuTichUbnd);
    match post {
        Post::TongBiThu | Post::ChuTichNuoc | Post::ThuTuong | Post::ChuTichQuocHoi => vec![
            src(Central, 50, false, |p| {
                matches!(p, Post::PhoThuTuong(_) | Post::TruongBanTw(_))
            }),
            new_person(50),
        ],
        Post::PhoThuTuong(_) => vec![
            src(Central, 40, false, |p| matches!(p, Post::BoTruong(_))),
            src(Other, 30, false, |p| p == Post::BiThu),
            new_person(30),
        ],
        Post::TruongBanTw(b) => vec![
            src(
                Central,
                40,
                false,
                move |p| matches!(p, Post::PhoTruongBanTw(x, _) if x == b),
            ),
            src(Other, 35, false, |p| p == Post::BiThu),
            src(Central, 10, false, |p| matches!(p, Post::BoTruong(_))),
            new_person(15),
        ],
        Post::PhoTruongBanTw(b, _) => vec![
            src(
                Central,
                35,
                false,
                move |p| matches!(p, Post::VuTruong(x, _) if x == b),
            ),
            src(Other, 40, false, provincial_leader),
            new_person(25),
        ],
        Post::VuTruong(b, _) => vec![
            src(
                Central,
                60,
                false,
                move |p| matches!(p, Post::PhoVuTruong(x, _) if x == b),
            ),
            src(Other, 10, false, |p| {
                matches!(p, Post::PhoBiThu(_) | Post::TruongBan(_))
            }),
            new_person(30),
        ],
        Post::PhoVuTruong(..) => vec![
            src(Other, 10, false, |p| {
                matches!(p, Post::TruongBan(_) | Post::BiThuHuyen(_))
            }),
            new_person(90),
        ],
        Post::BoTruong(m) => vec![
            src(
                Central,
                40,
                false,
                move |p| matches!(p, Post::ThuTruong(x, _) if x == m),
            ),
            src(Other, 35, false, |p| {
                matches!(p, Post::BiThu | Post::ChuTichUbnd)
            }),
            new_person(25),
        ],
        Post::ThuTruong(..) => vec![
            src(Other, 40, false, |p| {
                matches!(p, Post::ChuTichUbnd | Post::PhoChuTichUbndTT)
            }),
            new_person(60),
        ],
        Post::BiThu => vec![
            src(Same, 45, false, |p| p == Post::PhoBiThuTT),
            src(Same, 20, false, |p| p == Post::ChuTichUbnd),
            src(Other, 20, false, |p| {
                matches!(p, Post::PhoBiThuTT | Post::ChuTichUbnd | Post::PhoBiThu(_))
            }),
            src(Central, 10, false, |p| {
                matches!(
                    p,
                    Post::PhoTruongBanTw(..) | Post::ThuTruong(..) | Post::VuTruong(..)
                )
            }),
            new_person(5),
        ],
        Post::PhoBiThuTT => vec![
            src(Same, 35, false, |p| p == Post::TruongBan(Ban::ToChuc)),
            src(Same, 20, false, |p| matches!(p, Post::PhoBiThu(_))),
            src(Same, 15, false, |p| p == Post::PhoChuTichUbndTT),
            src(Other, 15, false, |p| {
                matches!(p, Post::TruongBan(_) | Post::PhoBiThu(_))
            }),
            src(Central, 5, false, |p| matches!(p, Post::VuTruong(..))),
            new_person(10),
        ],
        Post::PhoBiThu(_) => vec![
            src(Same, 40, false, |p| matches!(p, Post::TruongBan(_))),
            src(Same, 25, false, |p| matches!(p, Post::BiThuHuyen(0))),
            src(Same, 20, false, |p| matches!(p, Post::PhoChuTichUbnd(_))),
            new_person(15),
        ],
        Post::ChuTichUbnd => vec![
            src(Same, 50, false, |p| p == Post::PhoChuTichUbndTT),
            src(Same, 20, false, |p| {
                matches!(p, Post::PhoBiThu(_) | Post::PhoBiThuTT)
            }),
            src(Other, 15, false, |p| {
                matches!(p, Post::PhoChuTichUbndTT | Post::PhoChuTichUbnd(_))
            }),
            src(Central, 5, false, |p| matches!(p, Post::ThuTruong(..))),
            new_person(10),
        ],
        Post::PhoChuTichUbndTT => vec![
            src(Same, 50, false, |p| matches!(p, Post::PhoChuTichUbnd(_))),
            src(
                Same,
                30,
                false,
                |p| matches!(p, Post::GiamDocSo(d) if matches!(d, super::posts::Dept::KeHoach | super::posts::Dept::TaiChinh)),
            ),
            src(Same, 20, false, |p| matches!(p, Post::BiThuHuyen(_))),
        ],
        Post::PhoChuTichUbnd(_) => vec![
            src(Same, 50, false, |p| matches!(p, Post::GiamDocSo(_))),
            src(Same, 30, false, |p| matches!(p, Post::BiThuHuyen(_))),
            new_person(20),
        ],
        Post::ChuTichHdnd => vec![
            src(Same, 50, true, |p| p == Post::PhoBiThuTT),
            src(Same, 25, true, |p| matches!(p, Post::PhoBiThu(_))),
            src(Same, 15, false, |p| matches!(p, Post::PhoChuTichHdnd(_))),
            new_person(10),
        ],
        Post::PhoChuTichHdnd(_) => vec![
            src(Same, 50, false, |p| {
                matches!(
                    p,
                    Post::GiamDocSo(_) | Post::TruongBan(_) | Post::BiThuHuyen(_)
                )
            }),
            new_person(50),
        ],
        Post::TruongDoanDbqh => vec![
            src(Same, 50, true, |p| matches!(p, Post::PhoBiThu(_))),
            new_person(50),
        ],
        Post::TruongBan(Ban::ToChuc) => vec![
            src(Same, 15, true, |p| matches!(p, Post::PhoBiThu(_))),
            src(Same, 40, false, |p| matches!(p, Post::BiThuHuyen(_))),
            src(Same, 20, false, |p| matches!(p, Post::GiamDocSo(_))),
            new_person(25),
        ],
        Post::TruongBan(_) | Post::ChuNhiemUbkt | Post::ChanhVanPhong => vec![
            src(Same, 40, false, |p| matches!(p, Post::BiThuHuyen(_))),
            src(Same, 25, false, |p| matches!(p, Post::GiamDocSo(_))),
            new_person(35),
        ],
        Post::ChuTichMttq => vec![
            src(Same, 30, true, |p| p == Post::TruongBan(Ban::DanVan)),
            new_person(70),
        ],
        Post::GiamDocSo(_) => vec![
            src(Same, 15, false, |p| matches!(p, Post::ChuTichHuyen(_))),
            new_person(85),
        ],
        Post::GiamDocCongAn => vec![
            src(Other, 40, false, |p| p == Post::GiamDocCongAn),
            new_person(60),
        ],
        Post::ChiHuyTruong => vec![new_person(100)],
        Post::BiThuHuyen(i) => vec![
            src(Same, 50, false, move |p| p == Post::ChuTichHuyen(i)),
            src(Same, 30, false, |p| matches!(p, Post::ChuTichHuyen(_))),
            new_person(20),
        ],
        Post::ChuTichHuyen(_) | Post::BiThuXa(_) => vec![new_person(100)],
    }
}

/// Builds the world: the event queue and the people made so far.
struct Sim {
    world: World,
    rng: Rng,
    /// (vacancy day, slot, tenure index): the day a tenure runs out.
    queue: BinaryHeap<Reverse<(i32, usize, usize)>>,
    taken_names: HashSet<String>,
    /// Draws for namesakes, apart from the main stream so that the rest of
    /// the world does not depend on them.
    twin_rng: Rng,
    /// The unit each person was first seated in.
    home_of: Vec<UnitId>,
    /// People sharing their full name with an official of another
    /// province; they stay in their province, so namesakes never meet.
    twins: HashSet<PersonId>,
    /// Slot closings of the 2025 reorganisations: (day, slot).
    closings: Vec<(i32, usize)>,
}

impl Sim {
    fn new(seed: u64) -> Sim {
        Sim {
            world: World {
                people: Vec::new(),
                slots: Vec::new(),
                units: Vec::new(),
                reforms: reforms(),
            },
            rng: Rng::derive(seed, 1, 0),
            queue: BinaryHeap::new(),
            taken_names: HashSet::new(),
            twin_rng: Rng::derive(seed, 5, 0),
            home_of: Vec::new(),
            twins: HashSet::new(),
            closings: Vec::new(),
        }
    }

    fn add_slot(&mut self, unit: UnitId, post: Post, open: i32, close: i32) {
        let id = self.world.slots.len();
        self.world.slots.push(Slot {
            unit,
            post,
            open,
            close,
            tenures: Vec::new(),
        });
        self.world.units[unit].slots.push(id);
        if close < end() - 1 {
            self.closings.push((close + 1, id));
        }
    }

    /// Units, their slots, and the first holders of every post.
    fn populate(&mut self) {
        let r = reforms();
        let never = end() - 1;
        let merged = r.provinces_merged;
        // Outlets differ in how much they publish.
        let mut order: Vec<usize> = (0..PROVINCES.len()).collect();
        self.rng.shuffle(&mut order);
        let mut weights = vec![0u32; PROVINCES.len()];
        for (rank, &p) in order.iter().enumerate() {
            weights[p] = 20 + 600 / (rank as u32 + 2);
        }
        let mut places_taken: Vec<String> = Vec::new();
        for (pi, p) in PROVINCES.iter().enumerate() {
            let region = names::region_of(p.name);
            let rng = &mut self.rng;
            let n_districts = rng.range(6, 11) as usize;
            let mut districts = Vec::new();
            for i in 0..n_districts {
                let kind = if p.kind == ProvinceKind::City {
                    if i < n_districts / 2 {
                        DistrictKind::Urban
                    } else {
                        DistrictKind::Rural
                    }
                } else if i == 0 {
                    DistrictKind::City
                } else if i == 1 && rng.chance(0.5) {
                    DistrictKind::Town
                } else {
                    DistrictKind::Rural
                };
                districts.push((names::place_name(rng, region, &mut places_taken), kind));
            }
            let communes = (0..8)
                .map(|_| {
                    let ward = rng.chance(0.4);
                    (names::place_name(rng, region, &mut places_taken), ward)
                })
                .collect();
            let compact: String = fold(p.name)
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect();
            let outlet = match rng.below(4) {
                0 => format!("bao{compact}.vn"),
                1 => format!("bao{compact}.com.vn"),
                2 => format!("tinhuy{compact}.vn"),
                _ => format!("{compact}.dcs.vn"),
            };
            let reporters = (0..10).map(|_| names::pen_name(rng)).collect();
            let unit = Unit {
                province: Some(pi),
                region,
                districts,
                communes,
                outlet,
                reporters,
                congress_2015: rng.range(14, 20) as u32,
                council_2016: rng.range(9, 17) as u32,
                weight: weights[pi],
                slots: Vec::new(),
            };
            self.world.units.push(unit);
            let u = pi;
            let absorber = is_2025_unit(p);
            let until = if absorber { never } else { merged - 1 };
            let mut posts: Vec<(Post, i32, i32)> = vec![
                (Post::BiThu, 0, until),
                (Post::PhoBiThuTT, 0, until),
                (Post::PhoBiThu(0), 0, until),
                (Post::TruongBan(Ban::ToChuc), 0, until),
                (Post::TruongBan(Ban::TuyenGiao), 0, until),
                (
                    Post::TruongBan(Ban::DanVan),
                    0,
                    until.min(r.boards_merged - 1),
                ),
                (Post::TruongBan(Ban::NoiChinh), 0, until),
                (Post::ChuNhiemUbkt, 0, until),
                (Post::ChanhVanPhong, 0, until),
                (Post::ChuTichHdnd, 0, until),
                (Post::PhoChuTichHdnd(0), 0, until),
                (Post::ChuTichUbnd, 0, until),
                (Post::PhoChuTichUbndTT, 0, until),
                (Post::PhoChuTichUbnd(0), 0, until),
                (Post::PhoChuTichUbnd(1), 0, until),
                (Post::PhoChuTichUbnd(2), 0, until),
                (Post::TruongDoanDbqh, 0, until),
                (Post::ChuTichMttq, 0, until),
            ];
            for &d in DEPTS {
                let close = if dept_abolished(d) {
                    until.min(r.depts_merged - 1)
                } else {
                    until
                };
                posts.push((Post::GiamDocSo(d), 0, close));
            }
            posts.push((Post::GiamDocCongAn, 0, until));
            posts.push((Post::ChiHuyTruong, 0, until));
            for i in 0..n_districts as u8 {
                posts.push((Post::BiThuHuyen(i), 0, merged - 1));
                posts.push((Post::ChuTichHuyen(i), 0, merged - 1));
            }
            if absorber {
                // Merged units seat more deputies, and communes report to
                // the province directly.
                posts.push((Post::PhoBiThu(1), merged, never));
                posts.push((Post::PhoBiThu(2), merged, never));
                for k in 3..7 {
                    posts.push((Post::PhoChuTichUbnd(k), merged, never));
                }
                posts.push((Post::PhoChuTichHdnd(1), merged, never));
                for k in 0..8 {
                    posts.push((Post::BiThuXa(k), merged, never));
                }
            }
            posts.sort_by_key(|&(post, _, _)| post);
            for (post, open, close) in posts {
                let open = if open == 0 { start() } else { open };
                self.add_slot(u, post, open, close);
            }
        }
        // The centre.
        self.world.units.push(Unit {
            province: None,
            region: Region::North,
            districts: Vec::new(),
            communes: Vec::new(),
            outlet: String::new(),
            reporters: Vec::new(),
            congress_2015: 0,
            council_2016: 0,
            weight: 0,
            slots: Vec::new(),
        });
        let mut posts: Vec<(Post, i32)> = vec![
            (Post::TongBiThu, never),
            (Post::ChuTichNuoc, never),
            (Post::ThuTuong, never),
            (Post::ChuTichQuocHoi, never),
        ];
        for k in 0..3 {
            posts.push((Post::PhoThuTuong(k), never));
        }
        for b in [
            BanTw::ToChuc,
            BanTw::TuyenGiao,
            BanTw::DanVan,
            BanTw::KinhTe,
            BanTw::NoiChinh,
            BanTw::Ubkt,
            BanTw::VanPhong,
        ] {
            let close = if b == BanTw::DanVan {
                r.boards_merged - 1
            } else {
                never
            };
            posts.push((Post::TruongBanTw(b), close));
            for k in 0..2 {
                posts.push((Post::PhoTruongBanTw(b, k), close));
            }
            if !matches!(b, BanTw::KinhTe) {
                for v in 0..3 {
                    posts.push((Post::VuTruong(b, v), close));
                    posts.push((Post::PhoVuTruong(b, v), close));
                }
            }
        }
        for &m in MINISTRIES {
            let close = if m == super::posts::Ministry::KeHoach {
                r.depts_merged - 1
            } else {
                never
            };
            posts.push((Post::BoTruong(m), close));
            for k in 0..2 {
                posts.push((Post::ThuTruong(m, k), close));
            }
        }
        posts.sort_by_key(|&(post, _)| post);
        for (post, close) in posts {
            self.add_slot(CENTRAL, post, start(), close);
        }
        // First holders, part-way through their terms.
        for s in 0..self.world.slots.len() {
            if self.world.slots[s].open != start() {
                continue;
            }
            let unit = self.world.slots[s].unit;
            let post = self.world.slots[s].post;
            let p = self.make_person(unit, post);
            let (lo, hi) = post.tenure_days();
            let len = self.rng.range(lo, hi) as i32;
            let elapsed = self.rng.range(0, len as i64 - 30) as i32;
            let from = start() - elapsed;
            self.push_tenure(s, p, from, false);
            let ends = self.term_end(post, from, len);
            let t = self.world.slots[s].tenures.len() - 1;
            self.queue.push(Reverse((ends.max(start() + 1), s, t)));
        }
    }

    /// The day a term begun on `from` runs out: `len` days later, or at the
    /// congress or council election it would otherwise run past.
    fn term_end(&mut self, post: Post, from: i32, len: i32) -> i32 {
        let natural = from + len;
        let party = matches!(
            post,
            Post::BiThu | Post::PhoBiThuTT | Post::PhoBiThu(_) | Post::TruongBan(_)
        );
        let council = matches!(
            post,
            Post::ChuTichUbnd
                | Post::ChuTichHdnd
                | Post::PhoChuTichUbndTT
                | Post::PhoChuTichUbnd(_)
                | Post::PhoChuTichHdnd(_)
        );
        let snap: &[i32] = if party && self.rng.chance(0.5) {
            &congresses()
        } else if council && self.rng.chance(0.4) {
            &council_terms()
        } else {
            &[]
        };
        snap.iter()
            .copied()
            .find(|&c| c > from + 365 && c <= natural + 365)
            .unwrap_or(natural)
    }

    fn make_person(&mut self, unit: UnitId, post: Post) -> PersonId {
        let region = if unit == CENTRAL {
            *self.rng.pick(&[
                Region::North,
                Region::North,
                Region::North,
                Region::Central,
                Region::South,
                Region::NorthHighland,
                Region::Highland,
            ])
        } else {
            self.world.units[unit].region
        };
        let female = self.rng.chance(post.female_share());
        let name = loop {
            let n = names::person_name(&mut self.rng, region, female);
            if !names::is_clean_name(&n) {
                continue;
            }
            // Unique even without diacritics, so names compare safely
            // after folding.
            if self.taken_names.insert(fold(&n)) {
                break n;
            }
        };
        let twin = self.namesake_for(unit, female);
        let name = match twin {
            Some(q) => self.world.people[q as usize].name.clone(),
            None => name,
        };
        let rank = matches!(post, Post::GiamDocCongAn | Post::ChiHuyTruong).then(|| Rank {
            colonel_until: if post == Post::GiamDocCongAn && self.rng.chance(0.5) {
                start() + self.rng.range(0, 11 * 365) as i32
            } else {
                OPEN
            },
        });
        self.world.people.push(Person {
            name,
            female,
            region,
            rank,
            cc: [0; 3],
            politburo: [false; 3],
            secretariat: [false; 3],
            tenures: Vec::new(),
        });
        let id = (self.world.people.len() - 1) as PersonId;
        self.home_of.push(unit);
        if let Some(q) = twin {
            self.twins.insert(q);
            self.twins.insert(id);
        }
        id
    }

    /// Now and then (as often as full names recur among officials), an
    /// official of another province whose name a newcomer to `unit` shares:
    /// one who has served only there, in a province not merged with this
    /// one, and has no namesake yet.
    fn namesake_for(&mut self, unit: UnitId, female: bool) -> Option<PersonId> {
        if unit == CENTRAL || !self.twin_rng.chance(0.03) {
            return None;
        }
        let merged_into = |u: UnitId| {
            self.world.units[u]
                .province
                .map(|p| PROVINCES[p].merged_into)
        };
        let here = merged_into(unit);
        let candidates: Vec<PersonId> = (0..self.world.people.len() as PersonId)
            .filter(|&q| {
                let home = self.home_of[q as usize];
                let person = &self.world.people[q as usize];
                home != CENTRAL
                    && merged_into(home) != here
                    && person.female == female
                    && !self.twins.contains(&q)
                    && person
                        .tenures
                        .iter()
                        .all(|&(s, _)| self.world.slots[s as usize].unit == home)
            })
            .collect();
        (!candidates.is_empty()).then(|| *self.twin_rng.pick(&candidates))
    }

    fn push_tenure(&mut self, s: usize, p: PersonId, from: i32, concurrent: bool) {
        let slot = &mut self.world.slots[s];
        slot.tenures.push(Tenure {
            person: p,
            from,
            to: OPEN,
            concurrent,
        });
        let t = slot.tenures.len() - 1;
        self.world.people[p as usize]
            .tenures
            .push((s as u32, t as u32));
    }

    /// Open tenures of a person: (slot, tenure index).
    fn open_tenures(&self, p: PersonId) -> Vec<(usize, usize)> {
        self.world.people[p as usize]
            .tenures
            .iter()
            .filter(|&&(s, t)| self.world.slots[s as usize].tenures[t as usize].to == OPEN)
            .map(|&(s, t)| (s as usize, t as usize))
            .collect()
    }

    fn end_tenure(&mut self, s: usize, t: usize, last_day: i32) {
        self.world.slots[s].tenures[t].to = last_day;
    }

    /// Seats `p` in slot `s` from day `d`. Unless concurrent, the person
    /// leaves their other posts, which are returned to be filled.
    fn appoint(&mut self, s: usize, p: PersonId, d: i32, concurrent: bool) -> Vec<usize> {
        let mut vacated = Vec::new();
        if !concurrent {
            for (os, ot) in self.open_tenures(p) {
                self.end_tenure(os, ot, d - 1);
                vacated.push(os);
            }
        }
        self.push_tenure(s, p, d, concurrent);
        let post = self.world.slots[s].post;
        let (lo, hi) = post.tenure_days();
        let len = self.rng.range(lo, hi) as i32;
        let ends = self.term_end(post, d, len);
        let t = self.world.slots[s].tenures.len() - 1;
        self.queue.push(Reverse((ends, s, t)));
        vacated
    }

    /// Someone to fill slot `s` on day `d`: (person, concurrent), or `None`
    /// for a newcomer.
    fn choose(&mut self, s: usize, d: i32) -> Option<(PersonId, bool)> {
        let unit = self.world.slots[s].unit;
        let post = self.world.slots[s].post;
        let srcs = sources(post);
        let weights: Vec<u32> = srcs.iter().map(|x| x.weight).collect();
        for _ in 0..4 {
            let src = &srcs[self.rng.weighted(&weights)];
            let units: Vec<UnitId> = match src.scope {
                Scope::New => return None,
                Scope::Same => vec![unit],
                Scope::Central => vec![CENTRAL],
                Scope::Other => {
                    let active: Vec<UnitId> = (0..PROVINCES.len())
                        .filter(|&u| u != unit && self.world.is_active(u, d))
                        .collect();
                    (0..3).map(|_| *self.rng.pick(&active)).collect()
                }
            };
            let mut eligible: Vec<PersonId> = Vec::new();
            for u in units {
                for &os in &self.world.units[u].slots {
                    let slot = &self.world.slots[os];
                    if os == s || !(src.want)(slot.post) {
                        continue;
                    }
                    if let Some((_, t)) = slot.current()
                        && t.from <= d - 180
                        && !t.concurrent
                        && !eligible.contains(&t.person)
                    {
                        eligible.push(t.person);
                    }
                }
            }
            // Namesakes stay in their provinces.
            if src.scope != Scope::Same {
                eligible.retain(|p| !self.twins.contains(p));
            }
            // A concurrent post goes to someone not already holding two.
            if src.concurrent {
                eligible.retain(|&p| self.open_tenures(p).len() < 2);
            }
            if !eligible.is_empty() {
                return Some((*self.rng.pick(&eligible), src.concurrent));
            }
        }
        None
    }

    /// Fills a vacancy, and the vacancies a promotion leaves behind.
    fn fill(&mut self, s: usize, d: i32, depth: u32) {
        let slot = &self.world.slots[s];
        if d < slot.open || d > slot.close || slot.current().is_some() {
            return;
        }
        let unit = slot.unit;
        let post = slot.post;
        let pick = if depth > 8 { None } else { self.choose(s, d) };
        let (p, concurrent) = match pick {
            Some(x) => x,
            None => (self.make_person(unit, post), false),
        };
        for v in self.appoint(s, p, d, concurrent) {
            self.fill(v, d, depth + 1);
        }
    }

    /// Runs term ends and reorganisations before day `until`.
    fn run_until(&mut self, until: i32) {
        self.closings.sort_unstable();
        loop {
            let next_event = self.queue.peek().map(|r| r.0.0).unwrap_or(OPEN);
            let next_closing = self
                .closings
                .iter()
                .find(|&&(cd, s)| cd < until && self.world.slots[s].current().is_some())
                .map(|&(cd, _)| cd)
                .unwrap_or(OPEN);
            if next_event.min(next_closing) >= until {
                break;
            }
            if next_closing <= next_event {
                // A post abolished: its holder moves off the roster.
                let closing_now: Vec<usize> = self
                    .closings
                    .iter()
                    .filter(|&&(cd, _)| cd == next_closing)
                    .map(|&(_, s)| s)
                    .collect();
                for s in closing_now {
                    if let Some((t, _)) = self.world.slots[s].current() {
                        self.end_tenure(s, t, next_closing - 1);
                    }
                }
                continue;
            }
            let Reverse((d, s, t)) = self.queue.pop().unwrap();
            let tenure = &self.world.slots[s].tenures[t];
            if tenure.to != OPEN {
                continue;
            }
            let (p, concurrent) = (tenure.person, tenure.concurrent);
            // A concurrent post ends alone; otherwise the holder retires or
            // moves off the roster and leaves everything.
            let vacated: Vec<usize> = if concurrent {
                self.end_tenure(s, t, d - 1);
                vec![s]
            } else {
                let open = self.open_tenures(p);
                for &(os, ot) in &open {
                    self.end_tenure(os, ot, d - 1);
                }
                open.into_iter().map(|(os, _)| os).collect()
            };
            for v in vacated {
                self.fill(v, d, 0);
            }
        }
    }

    /// 1 July 2025: each merged unit's leaders are chosen among the leaders
    /// of the provinces it absorbs; the others become deputies or leave the
    /// rosters followed here. Districts end; commune secretaries take over.
    fn merge_provinces(&mut self) {
        let m = reforms().provinces_merged;
        let last = m - 1;
        // Close whatever ends at the merger.
        for s in 0..self.world.slots.len() {
            if self.world.slots[s].close == last
                && let Some((t, _)) = self.world.slots[s].current()
            {
                self.end_tenure(s, t, last);
            }
        }
        for (absorber, a) in PROVINCES.iter().enumerate() {
            if !is_2025_unit(a) {
                continue;
            }
            let members: Vec<usize> = PROVINCES
                .iter()
                .enumerate()
                .filter(|(i, p)| *i != absorber && p.merged_into == a.merged_into)
                .map(|(i, _)| i)
                .collect();
            // Leaders of the absorbed provinces and former district
            // secretaries of all: (post, person).
            let mut pool: Vec<(Post, PersonId)> = Vec::new();
            let mut district_pool: Vec<PersonId> = Vec::new();
            for &u in members.iter().chain(std::iter::once(&absorber)) {
                for &s in &self.world.units[u].slots {
                    let slot = &self.world.slots[s];
                    let Some(h) = slot.holder(last) else { continue };
                    match slot.post {
                        Post::BiThuHuyen(_) => district_pool.push(h),
                        _ if u != absorber => pool.push((slot.post, h)),
                        _ => {}
                    }
                }
            }
            let mut placed: HashSet<PersonId> = HashSet::new();
            let mut losers: Vec<(Post, PersonId)> = Vec::new();
            let slots = self.world.units[absorber].slots.clone();
            for s in slots {
                let slot = &self.world.slots[s];
                if slot.close < m {
                    continue;
                }
                let post = slot.post;
                let current = slot.current().map(|(t, x)| (t, x.person));
                if let Post::BiThuXa(_) = post {
                    let p = match district_pool.pop() {
                        Some(p) if !placed.contains(&p) => p,
                        _ => self.make_person(absorber, post),
                    };
                    placed.insert(p);
                    self.appoint(s, p, m, false);
                    continue;
                }
                let same_kind =
                    |q: Post| std::mem::discriminant(&q) == std::mem::discriminant(&post);
                let rivals: Vec<PersonId> = pool
                    .iter()
                    .filter(|(q, p)| same_kind(*q) && !placed.contains(p))
                    .map(|&(_, p)| p)
                    .collect();
                match current {
                    Some((t, h)) => {
                        // Half the time a leader of an absorbed province
                        // takes the post.
                        if !rivals.is_empty() && self.rng.chance(0.5) {
                            let w = *self.rng.pick(&rivals);
                            self.end_tenure(s, t, last);
                            losers.push((post, h));
                            placed.insert(w);
                            self.appoint(s, w, m, false);
                        } else {
                            placed.insert(h);
                        }
                    }
                    None => {
                        // New deputy seats go to leaders who lost out.
                        let wanted = |q: Post| match post {
                            Post::PhoBiThu(_) => matches!(
                                q,
                                Post::BiThu
                                    | Post::PhoBiThuTT
                                    | Post::PhoBiThu(_)
                                    | Post::ChuTichUbnd
                            ),
                            Post::PhoChuTichUbnd(_) => matches!(
                                q,
                                Post::ChuTichUbnd
                                    | Post::PhoChuTichUbndTT
                                    | Post::PhoChuTichUbnd(_)
                            ),
                            Post::PhoChuTichHdnd(_) => {
                                matches!(q, Post::ChuTichHdnd | Post::PhoChuTichHdnd(_))
                            }
                            _ => same_kind(q),
                        };
                        let cands: Vec<PersonId> = losers
                            .iter()
                            .chain(pool.iter())
                            .filter(|(q, p)| wanted(*q) && !placed.contains(p))
                            .map(|&(_, p)| p)
                            .collect();
                        let p = if cands.is_empty() {
                            self.make_person(absorber, post)
                        } else {
                            *self.rng.pick(&cands)
                        };
                        placed.insert(p);
                        // The loser may still hold a post in its old unit's
                        // roster only until the day before.
                        self.appoint(s, p, m, false);
                    }
                }
            }
        }
        // Vacancies that remain (posts whose holders moved) are filled as usual.
        for s in 0..self.world.slots.len() {
            let slot = &self.world.slots[s];
            if slot.close >= m && slot.open <= m && slot.current().is_none() {
                self.fill(s, m, 0);
            }
        }
    }

    /// Central Committee, Politburo and Secretariat seats per term, by the
    /// highest post a person held during it.
    fn assign_memberships(&mut self, seed: u64) {
        let terms = [
            (start(), day(2016, 1, 27)),
            (day(2016, 1, 28), day(2021, 1, 31)),
            (day(2021, 2, 1), end()),
        ];
        for p in 0..self.world.people.len() {
            let mut rng = Rng::derive(seed, 2, p as u64);
            for (k, &(from, to)) in terms.iter().enumerate() {
                let top = self.world.people[p]
                    .tenures
                    .iter()
                    .filter_map(|&(s, t)| {
                        let slot = &self.world.slots[s as usize];
                        let t = &slot.tenures[t as usize];
                        (t.from <= to && t.to >= from).then_some((slot.post, slot.unit))
                    })
                    .min();
                let Some((post, unit)) = top else { continue };
                let big_city = unit != CENTRAL
                    && self.world.units[unit]
                        .province
                        .is_some_and(|i| matches!(PROVINCES[i].name, "Hà Nội" | "Hồ Chí Minh"));
                let (full, alternate, politburo, secretariat) = match post {
                    Post::TongBiThu | Post::ChuTichNuoc | Post::ThuTuong | Post::ChuTichQuocHoi => {
                        (1.0, 0.0, 1.0, 0.0)
                    }
                    Post::TruongBanTw(_) => (1.0, 0.0, 0.6, 0.5),
                    Post::PhoThuTuong(_) => (1.0, 0.0, 0.4, 0.0),
                    Post::BoTruong(_) => (0.95, 0.0, 0.1, 0.0),
                    Post::PhoTruongBanTw(..) => (0.6, 0.1, 0.0, 0.0),
                    Post::ThuTruong(..) => (0.25, 0.15, 0.0, 0.0),
                    Post::BiThu if big_city => (1.0, 0.0, 1.0, 0.0),
                    Post::BiThu => (0.75, 0.2, 0.0, 0.0),
                    Post::ChuTichUbnd => (0.2, 0.2, 0.0, 0.0),
                    Post::PhoBiThuTT => (0.05, 0.15, 0.0, 0.0),
                    _ => (0.0, 0.0, 0.0, 0.0),
                };
                let x = rng.unit();
                let person = &mut self.world.people[p];
                person.cc[k] = if x < full {
                    2
                } else if x < full + alternate {
                    1
                } else {
                    0
                };
                person.politburo[k] = person.cc[k] == 2 && rng.chance(politburo);
                person.secretariat[k] = person.cc[k] == 2 && rng.chance(secretariat);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rosters_are_full_and_change() {
        let w = World::new(1);
        let u = PROVINCES
            .iter()
            .position(|p| p.name == "Thái Bình")
            .unwrap();
        let d0 = day(2016, 3, 1);
        let d1 = day(2024, 3, 1);
        let a = w.holder(u, Post::BiThu, d0).unwrap();
        assert!(w.holder(u, Post::ChuTichUbnd, d0).is_some());
        // Someone holds every post on every day it exists.
        for &s in &w.units[u].slots {
            let slot = &w.slots[s];
            for d in [d0, d1] {
                if d >= slot.open && d <= slot.close {
                    assert!(slot.holder(d).is_some(), "{:?} on {d}", slot.post);
                }
            }
        }
        // Tenures of a slot do not overlap.
        for slot in &w.slots {
            for pair in slot.tenures.windows(2) {
                assert!(pair[0].to < pair[1].from, "{:?}", slot.post);
            }
        }
        let changed = (0..63).any(|u| w.holder(u, Post::BiThu, d0) != w.holder(u, Post::BiThu, d1));
        assert!(changed);
        let _ = a;
    }

    #[test]
    fn merged_provinces_have_rosters_and_absorbed_ones_do_not() {
        let w = World::new(2);
        let d = day(2025, 9, 1);
        let thai_binh = PROVINCES
            .iter()
            .position(|p| p.name == "Thái Bình")
            .unwrap();
        let hung_yen = PROVINCES.iter().position(|p| p.name == "Hưng Yên").unwrap();
        assert!(w.roster(thai_binh, d).is_empty());
        assert!(!w.is_active(thai_binh, d));
        let r = w.roster(hung_yen, d);
        assert!(r.iter().any(|(p, _)| *p == Post::BiThu));
        assert!(r.iter().any(|(p, _)| matches!(p, Post::BiThuXa(_))));
        assert!(!r.iter().any(|(p, _)| matches!(p, Post::BiThuHuyen(_))));
    }
}
