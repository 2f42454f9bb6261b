//! The synthetic corpus generator: determinism, the world behind it, the
//! consistency of its truth, and how the extractor does on it.

use std::collections::{HashMap, HashSet};

use tinhuy::extract::extract_article;
use tinhuy::gazetteer::provinces::{PROVINCES, units_2025};
use tinhuy::gazetteer::titles::title_key;
use tinhuy::text::fold;
use xtask::synth::world::{self, CENTRAL, World, date_of, day};
use xtask::synth::{SynthArticle, SynthConfig, generate, write_dir};

fn articles(n: usize, seed: u64) -> Vec<SynthArticle> {
    generate(&SynthConfig { articles: n, seed }).collect()
}

#[test]
fn same_seed_same_bytes_and_other_seeds_differ() {
    let a = articles(40, 11);
    let b = articles(40, 11);
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.file_name, y.file_name);
        assert_eq!(x.text, y.text);
        assert_eq!(x.truth.to_gold_json(), y.truth.to_gold_json());
    }
    let c = articles(40, 12);
    let same = a.iter().zip(&c).filter(|(x, y)| x.text == y.text).count();
    assert_eq!(same, 0);
}

#[test]
fn files_on_disk_match_the_iterator_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let config = SynthConfig {
        articles: 25,
        seed: 3,
    };
    let stats = write_dir(&config, dir.path(), true).unwrap();
    assert_eq!(stats.articles, 25);
    assert_eq!(stats.truth_files, 25);
    for a in generate(&config) {
        let text = std::fs::read_to_string(dir.path().join(&a.file_name)).unwrap();
        assert_eq!(text, a.text, "{}", a.file_name);
        let stem = a.file_name.trim_end_matches(".txt");
        let gold = std::fs::read_to_string(dir.path().join(format!("gold/{stem}.json"))).unwrap();
        assert_eq!(gold, a.truth.to_gold_json());
        let v: serde_json::Value = serde_json::from_str(&gold).unwrap();
        for key in [
            "title",
            "published",
            "province",
            "date",
            "body",
            "chairs",
            "people",
            "not_attendees",
            "conclusions",
            "deadlines",
            "authors",
        ] {
            assert!(v.get(key).is_some(), "{key} missing in {stem}");
        }
    }
}

#[test]
fn truth_is_consistent_with_the_text() {
    for a in articles(300, 5) {
        let t = &a.truth;
        let text = fold(&a.text);
        let kb = a.text.len() as f64 / 1024.0;
        assert!((2.0..16.0).contains(&kb), "{} is {kb:.1} KB", a.file_name);
        let names: HashSet<String> = t.people.iter().map(|p| fold(&p.name)).collect();
        assert_eq!(
            names.len(),
            t.people.len(),
            "{}: two people fold alike",
            a.file_name
        );
        for p in &t.people {
            assert!(text.contains(&fold(&p.name)), "{}: {}", a.file_name, p.name);
            assert!(
                !p.positions.is_empty(),
                "{}: {} has no position",
                a.file_name,
                p.name
            );
            for pos in &p.positions {
                assert!(text.contains(&fold(pos)), "{}: {pos}", a.file_name);
                // Positions are kept without the province after them.
                assert!(!pos.ends_with(&t.province), "{}: {pos}", a.file_name);
            }
            let keys: HashSet<String> = p.positions.iter().map(|x| title_key(x)).collect();
            assert_eq!(
                keys.len(),
                p.positions.len(),
                "{}: {:?}",
                a.file_name,
                p.positions
            );
        }
        for c in &t.chairs {
            assert!(names.contains(&fold(c)), "{}: chair {c}", a.file_name);
        }
        for n in &t.not_attendees {
            assert!(!names.contains(&fold(n)), "{}: {n} both ways", a.file_name);
            assert!(text.contains(&fold(n)), "{}: {n}", a.file_name);
        }
        for au in &t.authors {
            assert!(text.contains(&fold(au)), "{}: author {au}", a.file_name);
        }
        assert!(!t.conclusions.is_empty(), "{}", a.file_name);
        for c in &t.conclusions {
            assert!(
                text.contains(&fold(&c.phrase)),
                "{}: {}",
                a.file_name,
                c.phrase
            );
            // A deadline falls after the meeting ("giữa tháng 8" set on
            // 3 August counts: it is a month).
            if let (Some(due), Some(met)) = (c.deadline, t.date) {
                let after = match due.day {
                    Some(_) => due > met,
                    None => (due.year, due.month.unwrap_or(12)) >= (met.year, met.month.unwrap()),
                };
                assert!(after, "{}: deadline {due} before {met}", a.file_name);
            }
        }
        assert!(a.text.contains(&t.title), "{}", a.file_name);
        assert!(PROVINCES.iter().any(|p| p.name == t.province));
    }
}

#[test]
fn merged_provinces_after_july_2025_and_old_ones_before() {
    let units: HashSet<&str> = units_2025().into_iter().collect();
    let mut before = HashSet::new();
    let mut after = 0;
    for a in articles(1500, 9) {
        let Some(d) = a.truth.date.or(a.truth.published) else {
            continue;
        };
        let p = PROVINCES
            .iter()
            .find(|p| p.name == a.truth.province)
            .unwrap();
        if d.to_string().as_str() >= "2025-07-01" {
            after += 1;
            assert!(units.contains(p.merged_into), "{}", a.file_name);
            assert_eq!(p.merged_into, a.truth.province_2025);
            // An absorbed province no longer meets.
            assert!(
                tinhuy::gazetteer::provinces::is_2025_unit(p),
                "{} {}",
                a.file_name,
                p.name
            );
        } else {
            before.insert(p.name);
        }
    }
    assert!(after > 20, "{after} articles after the merger");
    assert!(before.len() > 55, "{} provinces before", before.len());
}

/// Officials recur across articles and hold different posts over time.
#[test]
fn officials_recur_and_change_posts() {
    let arts = articles(500, 1);
    let mut seen: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut written: HashMap<u32, HashSet<String>> = HashMap::new();
    for (i, a) in arts.iter().enumerate() {
        for p in &a.truth.people {
            seen.entry(p.id).or_default().push(i);
            let w = written.entry(p.id).or_default();
            for pos in &p.positions {
                w.insert(title_key(pos));
            }
        }
    }
    let most = seen.values().map(Vec::len).max().unwrap();
    assert!(most >= 5, "most frequent official in {most} articles");
    let recurring = seen.values().filter(|v| v.len() >= 5).count();
    assert!(recurring >= 20, "{recurring} officials in 5+ articles");
    // Someone written as a deputy chairman in one article and as chairman
    // in another.
    let promoted = written.values().any(|w| {
        w.contains(&title_key("Phó Chủ tịch UBND tỉnh"))
            && w.contains(&title_key("Chủ tịch UBND tỉnh"))
            || w.contains(&title_key("Phó Bí thư Thường trực Tỉnh ủy"))
                && w.contains(&title_key("Bí thư Tỉnh ủy"))
    });
    assert!(promoted, "no promotion seen across articles");
}

#[test]
fn the_world_has_timelines_rotations_and_central_moves() {
    let w = World::new(1);
    let n = PROVINCES.len();
    // Who held a post on a date has one answer, and it changes.
    let tb = PROVINCES
        .iter()
        .position(|p| p.name == "Thái Bình")
        .unwrap();
    let holders: HashSet<u32> = (2015..=2025)
        .filter_map(|y| w.holder(tb, xtask::synth::posts::Post::BiThu, day(y, 3, 1)))
        .collect();
    assert!(holders.len() >= 2, "{holders:?}");
    // People who served in two provinces, or in a province and the centre.
    let mut rotated = 0;
    let mut to_centre = 0;
    for p in 0..w.people.len() as u32 {
        let units: HashSet<usize> = w.people[p as usize]
            .tenures
            .iter()
            .map(|&(s, _)| w.slots[s as usize].unit)
            .collect();
        let provinces = units.iter().filter(|&&u| u < n).count();
        if provinces >= 2 {
            rotated += 1;
        }
        if provinces >= 1 && units.contains(&CENTRAL) {
            to_centre += 1;
        }
    }
    assert!(rotated >= 20, "{rotated} rotated between provinces");
    assert!(
        to_centre >= 5,
        "{to_centre} moved between a province and the centre"
    );
    // Promotions: someone held two different posts in the same province.
    let promoted = (0..w.people.len()).any(|p| {
        let posts: HashSet<_> = w.people[p]
            .tenures
            .iter()
            .map(|&(s, _)| (w.slots[s as usize].unit, w.slots[s as usize].post))
            .collect();
        let units: HashSet<_> = posts.iter().map(|x| x.0).collect();
        units.len() == 1 && posts.len() >= 3
    });
    assert!(promoted);
}

/// People the extractor finds, compared with the truth after folding.
#[test]
fn extractor_recovers_people() {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for a in articles(200, 1) {
        let (_, facts) = extract_article(&a.text);
        let gold: HashSet<String> = a.truth.people.iter().map(|p| fold(&p.name)).collect();
        let got: HashSet<String> = facts.people.iter().map(|p| fold(&p.name)).collect();
        tp += gold.intersection(&got).count();
        fp += got.difference(&gold).count();
        fn_ += gold.difference(&got).count();
    }
    let p = tp as f64 / (tp + fp) as f64;
    let r = tp as f64 / (tp + fn_) as f64;
    let f1 = 2.0 * p * r / (p + r);
    eprintln!("people on 200 synthetic articles: P={p:.3} R={r:.3} F1={f1:.3}");
    // Measured 0.98; the margin absorbs generator changes, not regressions.
    assert!(f1 >= 0.95, "people F1 {f1:.3}");
}

/// Prints a province's leaders over time and the generation speed:
/// `cargo test --release --test synth -- --ignored --nocapture`.
#[test]
#[ignore]
fn show_timelines_and_speed() {
    use xtask::synth::posts::{Post, TitleStyle};
    let w = World::new(7);
    let st = TitleStyle::random(&mut xtask::synth::rng::Rng::new(0));
    for name in ["Thái Bình", "Hưng Yên"] {
        let u = PROVINCES.iter().position(|p| p.name == name).unwrap();
        for post in [Post::BiThu, Post::ChuTichUbnd] {
            let mut last = None;
            let mut d = world::start();
            while d < world::end() {
                let h = w.holder(u, post, d);
                if h != last {
                    if let Some(p) = h {
                        println!(
                            "{name} {post:?} from {}: {} ({})",
                            date_of(d),
                            w.people[p as usize].name,
                            w.titles(p, d, &st).join(", ")
                        );
                    }
                    last = h;
                }
                d += 7;
            }
        }
    }
    let n = 10_000;
    let started = std::time::Instant::now();
    let bytes: usize = generate(&SynthConfig {
        articles: n,
        seed: 7,
    })
    .map(|a| a.text.len() + a.truth.to_gold_json().len())
    .sum();
    let s = started.elapsed().as_secs_f64();
    println!(
        "{n} articles with truth, one thread: {:.1} MB in {s:.2} s = {:.0} MB/s",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / s
    );
    let started = std::time::Instant::now();
    let text: usize = generate(&SynthConfig {
        articles: n,
        seed: 7,
    })
    .map(|a| a.text.len())
    .sum();
    let s = started.elapsed().as_secs_f64();
    println!(
        "{n} articles, text only, one thread: {:.1} MB in {s:.2} s = {:.0} MB/s",
        text as f64 / 1e6,
        text as f64 / 1e6 / s
    );
}
