//! Leadership read from a synthetic corpus against the generator's world,
//! which knows who held which post on every day: transfers, promotions and
//! the 2025 merger included.

use std::collections::{HashMap, HashSet};

use tinhuy::corpus::Corpus;
use tinhuy::corpus::ingest::from_texts;
use tinhuy::corpus::leadership::{self, Tenure};
use tinhuy::extract::Date;
use tinhuy::gazetteer::provinces::{self, PROVINCES};
use tinhuy::text::fold;
use xtask::synth::article_at;
use xtask::synth::posts::{Ban, Post};
use xtask::synth::world::{PersonId, UnitId, World};

const SEED: u64 = 21;
const ARTICLES: usize = 3000;
const PAIRS: usize = 500;

/// A small deterministic generator for the sample (splitmix64).
struct Sampler(u64);

impl Sampler {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}

fn corpus_of(world: &World) -> Corpus {
    let texts: Vec<(String, String)> = (0..ARTICLES)
        .map(|i| {
            let a = article_at(world, SEED, i);
            (a.file_name, a.text)
        })
        .collect();
    from_texts(texts, 2)
}

/// A row's label without its unit word.
fn core_of(label: &str) -> &str {
    label
        .trim_end_matches(" Tỉnh ủy")
        .trim_end_matches(" Thành ủy")
        .trim_end_matches(" tỉnh")
        .trim_end_matches(" thành phố")
}

/// Whether a row's post has several seats.
fn several_seats(label: &str) -> bool {
    matches!(core_of(label), "Phó Bí thư" | "Phó Chủ tịch UBND")
}

/// The world's posts a row of the leadership table stands for.
fn world_posts(label: &str) -> Option<fn(Post) -> bool> {
    Some(match core_of(label) {
        "Bí thư" => |p| p == Post::BiThu,
        "Phó Bí thư Thường trực" => |p| p == Post::PhoBiThuTT,
        "Phó Bí thư" => |p| matches!(p, Post::PhoBiThu(_)),
        "Chủ tịch UBND" => |p| p == Post::ChuTichUbnd,
        "Phó Chủ tịch UBND" => {
            |p| matches!(p, Post::PhoChuTichUbnd(_) | Post::PhoChuTichUbndTT)
        }
        "Chủ tịch HĐND" => |p| p == Post::ChuTichHdnd,
        "Trưởng Đoàn ĐBQH" => |p| p == Post::TruongDoanDbqh,
        "Chủ nhiệm Ủy ban Kiểm tra" => |p| p == Post::ChuNhiemUbkt,
        "Trưởng Ban Tổ chức" => |p| p == Post::TruongBan(Ban::ToChuc),
        "Trưởng Ban Tuyên giáo (và Dân vận)" => |p| p == Post::TruongBan(Ban::TuyenGiao),
        "Trưởng Ban Dân vận" => |p| p == Post::TruongBan(Ban::DanVan),
        "Trưởng Ban Nội chính" => |p| p == Post::TruongBan(Ban::NoiChinh),
        "Chánh Văn phòng" => |p| p == Post::ChanhVanPhong,
        _ => return None,
    })
}

/// Who truly held a row's post in a unit on a day, by folded name. A
/// province's chairman with no Party seat of their own is written as one
/// of its Phó Bí thư (the generator's `titles` says so), so they count as
/// one here too.
fn truth(world: &World, unit: UnitId, day: i32, label: &str) -> HashSet<String> {
    let wanted = world_posts(label).unwrap_or_else(|| panic!("unmapped row {label}"));
    let roster = world.roster(unit, day);
    let name = |p: PersonId| fold(&world.people[p as usize].name);
    let mut held: HashSet<String> = roster
        .iter()
        .filter(|(post, _)| wanted(*post))
        .map(|&(_, p)| name(p))
        .collect();
    if wanted(Post::PhoBiThu(0)) {
        for &(post, p) in &roster {
            let party_seat = world.posts_of(p, day).iter().any(|&(u, x)| {
                u == unit && matches!(x, Post::BiThu | Post::PhoBiThuTT | Post::PhoBiThu(_))
            });
            if post == Post::ChuTichUbnd && !party_seat {
                held.insert(name(p));
            }
        }
    }
    held
}

/// The world's unit answering for a province on a day: itself before the
/// merger, the unit it merged into from then on.
fn truth_unit(province: &str, date: Date) -> (UnitId, &'static str) {
    let p = provinces::lookup(province).unwrap();
    let name = if date >= leadership::merger_day() {
        provinces::lookup(p.merged_into).unwrap().name
    } else {
        p.name
    };
    (PROVINCES.iter().position(|x| x.name == name).unwrap(), name)
}

#[derive(Default)]
struct Tally {
    checks: usize,
    matches: usize,
    known: usize,
    truths: usize,
    misses: Vec<String>,
}

#[test]
fn holders_match_the_world() {
    let started = std::time::Instant::now();
    let world = World::new(SEED);
    let corpus = corpus_of(&world);
    eprintln!(
        "world and corpus built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // The sample: meetings drawn at random, each giving its province and
    // day. A day the corpus has a meeting of the province is a day it has
    // evidence about that province's leaders; a day drawn from the
    // calendar would mostly test how far a tenure is guessed beyond its
    // last sighting, which the corpus cannot know.
    let dated: Vec<(&str, Date)> = corpus
        .meetings
        .iter()
        .filter_map(|m| Some((m.province.as_deref()?, m.date.filter(Date::is_full)?)))
        .filter(|(p, _)| provinces::lookup(p).is_some())
        .collect();
    assert!(dated.len() > PAIRS, "{} dated meetings", dated.len());
    let mut sampler = Sampler(SEED);
    // One timeline per province asked for: it does not depend on the date.
    let mut timelines: HashMap<String, Vec<leadership::PostRow>> = HashMap::new();
    let mut t = Tally::default();
    for _ in 0..PAIRS {
        let (province, date) = dated[sampler.below(dated.len())];
        let (unit, unit_name) = truth_unit(province, date);
        let rows = timelines
            .entry(province.to_string())
            .or_insert_with(|| leadership::timeline(&corpus, province));
        let day = date.days() as i32;
        for (label, holders) in leadership::holders_on(rows, date) {
            let ours: Vec<&Tenure> = holders
                .into_iter()
                .filter(|h| h.province == unit_name)
                .collect();
            let truth = truth(&world, unit, day, label);
            t.truths += usize::from(!truth.is_empty());
            if ours.is_empty() {
                continue;
            }
            t.known += usize::from(!truth.is_empty());
            t.checks += 1;
            let names: HashSet<String> = ours.iter().map(|h| fold(&h.name)).collect();
            let ok = names.is_subset(&truth) && (several_seats(label) || names.len() == 1);
            if ok {
                t.matches += 1;
            } else {
                t.misses.push(format!(
                    "{province} {date} {label}: ours {names:?}, truth {truth:?}"
                ));
            }
        }
    }
    let rate = t.matches as f64 / t.checks as f64;
    let coverage = t.known as f64 / t.truths as f64;
    eprintln!(
        "leadership on {PAIRS} (province, date) pairs of {ARTICLES} synthetic articles: \
         {}/{} checks match the world ({:.2}%); a holder is known for {}/{} held posts \
         ({:.1}% coverage, {:.1}% unknown)",
        t.matches,
        t.checks,
        rate * 100.0,
        t.known,
        t.truths,
        coverage * 100.0,
        (1.0 - coverage) * 100.0
    );
    eprintln!(
        "built and checked in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    for m in t.misses.iter().take(40) {
        eprintln!("  miss: {m}");
    }
    assert!(t.checks >= PAIRS, "only {} checks", t.checks);
    assert!(rate >= 0.99, "{:.4} of checks match", rate);
}
