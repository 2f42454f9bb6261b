//! The extractor against the hand-annotated facts of the bundled articles,
//! measured the way the project's scorer measures them: names and titles
//! compared after folding case and tone placement (not other diacritics),
//! a gold title found when equal to an extracted one or contained in all of
//! them joined, an extracted one correct when equal to or contained in the
//! gold ones joined.

mod common;

use std::collections::BTreeSet;

use serde_json::Value;
use tinhuy::extract::ArticleFacts;
use unicode_normalization::UnicodeNormalization;

/// The scorer's key: NFD, lower case, tone marks sorted after each word's
/// letters, edge punctuation dropped.
fn key(s: &str) -> String {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let lower: String = s.to_lowercase().nfd().collect();
    lower
        .split_whitespace()
        .filter_map(|w| {
            let w = w.trim_matches(|c: char| ".,;:!?\"'()[]{}-–—…".contains(c));
            if w.is_empty() {
                return None;
            }
            let mut tones: Vec<char> = w.chars().filter(|c| TONES.contains(c)).collect();
            tones.sort_unstable();
            let base: String = w
                .chars()
                .filter(|c| !TONES.contains(c))
                .collect::<String>()
                .nfc()
                .collect();
            Some(format!("{base}{}", tones.into_iter().collect::<String>()))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Default, Debug)]
struct Count {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Count {
    fn f1(&self) -> f64 {
        let p = if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        };
        let r = if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        };
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

struct Scores {
    people: Count,
    positions: Count,
    chairs: Count,
    conclusions: Count,
    deadlines: Count,
    province_ok: usize,
    date_ok: usize,
    articles: usize,
    leaks: Vec<String>,
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn score() -> Scores {
    let mut s = Scores {
        people: Count::default(),
        positions: Count::default(),
        chairs: Count::default(),
        conclusions: Count::default(),
        deadlines: Count::default(),
        province_ok: 0,
        date_ok: 0,
        articles: 0,
        leaks: Vec::new(),
    };
    for path in common::articles() {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let gold_path = common::root()
            .join("tests/fixtures/gold")
            .join(format!("{stem}.json"));
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
        let got: ArticleFacts = common::facts(&path);
        s.articles += 1;
        if got.province.as_deref().map(key) == gold["province"].as_str().map(key) {
            s.province_ok += 1;
        }
        if got.published.map(|d| d.to_string()).as_deref() == gold["published"].as_str() {
            s.date_ok += 1;
        }
        let gold_people: Vec<(String, Vec<String>)> = gold["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (key(p["name"].as_str().unwrap()), strings(&p["positions"])))
            .collect();
        let got_people: Vec<(String, Vec<String>)> = got
            .people
            .iter()
            .map(|p| (key(&p.name), p.titles().map(str::to_string).collect()))
            .collect();
        let gold_names: BTreeSet<&String> = gold_people.iter().map(|p| &p.0).collect();
        let got_names: BTreeSet<&String> = got_people.iter().map(|p| &p.0).collect();
        s.people.tp += gold_names.intersection(&got_names).count();
        s.people.fp += got_names.difference(&gold_names).count();
        s.people.fn_ += gold_names.difference(&got_names).count();
        let not_attendees: BTreeSet<String> = strings(&gold["not_attendees"])
            .iter()
            .map(|n| key(n))
            .collect();
        for n in got_names.difference(&gold_names) {
            if not_attendees.contains(*n) {
                s.leaks.push(format!("{stem}: {n}"));
            }
        }
        for (name, gold_pos) in &gold_people {
            let got_pos: Vec<String> = got_people
                .iter()
                .find(|p| &p.0 == name)
                .map(|p| p.1.clone())
                .unwrap_or_default();
            let g: Vec<String> = gold_pos.iter().map(|x| key(x)).collect();
            let e: Vec<String> = got_pos.iter().map(|x| key(x)).collect();
            let (gj, ej) = (g.join(" "), e.join(" "));
            let correct = e
                .iter()
                .filter(|x| g.contains(x) || gj.contains(x.as_str()))
                .count();
            let found = g
                .iter()
                .filter(|x| e.contains(x) || ej.contains(x.as_str()))
                .count();
            s.positions.tp += correct;
            s.positions.fp += e.len() - correct;
            s.positions.fn_ += g.len() - found;
        }
        for (name, pos) in &got_people {
            if !gold_names.contains(name) {
                s.positions.fp += pos.len();
            }
        }
        let gold_chairs: BTreeSet<String> =
            strings(&gold["chairs"]).iter().map(|n| key(n)).collect();
        let got_chairs: BTreeSet<String> = got.chairs.iter().map(|n| key(n)).collect();
        s.chairs.tp += gold_chairs.intersection(&got_chairs).count();
        s.chairs.fp += got_chairs.difference(&gold_chairs).count();
        s.chairs.fn_ += gold_chairs.difference(&got_chairs).count();
        let texts: Vec<String> = got.conclusions.iter().map(|c| key(&c.text)).collect();
        for phrase in strings(&gold["conclusions"]) {
            if texts.iter().any(|t| t.contains(&key(&phrase))) {
                s.conclusions.tp += 1;
            } else {
                s.conclusions.fn_ += 1;
            }
        }
        let gold_dl: BTreeSet<String> = strings(&gold["deadlines"]).into_iter().collect();
        let got_dl: BTreeSet<String> = got
            .conclusions
            .iter()
            .filter_map(|c| c.deadline.map(|d| d.to_string()))
            .collect();
        s.deadlines.tp += gold_dl.intersection(&got_dl).count();
        s.deadlines.fp += got_dl.difference(&gold_dl).count();
        s.deadlines.fn_ += gold_dl.difference(&got_dl).count();
    }
    s
}

#[test]
fn scores_meet_the_bar_on_the_bundled_articles() {
    let s = score();
    assert_eq!(s.articles, 5);
    assert!(
        s.people.f1() >= 0.95,
        "people F1 {:.3} {:?}",
        s.people.f1(),
        s.people
    );
    assert!(
        s.positions.f1() >= 0.90,
        "positions F1 {:.3} {:?}",
        s.positions.f1(),
        s.positions
    );
    assert!(
        s.chairs.f1() >= 0.90,
        "chairs F1 {:.3} {:?}",
        s.chairs.f1(),
        s.chairs
    );
    assert!(
        s.conclusions.recall() >= 0.80,
        "conclusions recall {:.3}",
        s.conclusions.recall()
    );
    assert_eq!(
        (s.deadlines.tp, s.deadlines.fn_),
        (2, 0),
        "both deadlines: {:?}",
        s.deadlines
    );
    assert_eq!(s.province_ok, 5, "province");
    assert_eq!(s.date_ok, 5, "publication date");
    assert!(s.leaks.is_empty(), "non-attendees listed: {:?}", s.leaks);
}

#[test]
fn scorer_key_folds_only_tone_placement() {
    assert_eq!(key("Tỉnh ủy"), key("Tỉnh uỷ"));
    assert_eq!(key("Hòa"), key("hoà"));
    assert_ne!(key("Hưng"), key("Hùng"));
}
