//! People resolved across articles, measured against the synthetic world:
//! each appearance of an extracted person is mapped to the world official
//! of that name in the same article, and pairs of appearances are compared
//! (put in one corpus person vs being one official).

use std::collections::HashMap;
use std::process::Command;

use tinhuy::corpus::Corpus;
use tinhuy::corpus::ingest::from_texts;
use tinhuy::corpus::model::MergeKind;
use tinhuy::text::fold;
use xtask::synth::{PersonId, SynthArticle, SynthConfig, generate};

/// Appearances as (corpus person, world official), one per person entry of
/// an article whose name matches a truth person there.
fn labelled(corpus: &Corpus, truth: &HashMap<String, &SynthArticle>) -> Vec<(usize, PersonId)> {
    let mut out = Vec::new();
    for a in &corpus.articles {
        let Some(synth) = truth.get(&a.file) else {
            continue;
        };
        let ids: HashMap<String, PersonId> = synth
            .truth
            .people
            .iter()
            .map(|p| (fold(&p.name), p.id))
            .collect();
        for (pi, p) in a.facts.people.iter().enumerate() {
            if let Some(&id) = ids.get(&fold(&p.name)) {
                out.push((a.people[pi], id));
            }
        }
    }
    out
}

fn pairs(n: usize) -> u64 {
    (n as u64) * (n as u64).saturating_sub(1) / 2
}

/// Pairwise precision and recall of `(cluster, truth)` labels.
fn pairwise(labels: &[(usize, PersonId)]) -> (f64, f64) {
    let mut both: HashMap<(usize, PersonId), usize> = HashMap::new();
    let mut by_cluster: HashMap<usize, usize> = HashMap::new();
    let mut by_truth: HashMap<PersonId, usize> = HashMap::new();
    for &(c, t) in labels {
        *both.entry((c, t)).or_default() += 1;
        *by_cluster.entry(c).or_default() += 1;
        *by_truth.entry(t).or_default() += 1;
    }
    let agree: u64 = both.values().map(|&n| pairs(n)).sum();
    let put_together: u64 = by_cluster.values().map(|&n| pairs(n)).sum();
    let truly_together: u64 = by_truth.values().map(|&n| pairs(n)).sum();
    (
        agree as f64 / put_together.max(1) as f64,
        agree as f64 / truly_together.max(1) as f64,
    )
}

#[test]
fn people_resolved_across_articles_match_the_world() {
    let synth: Vec<SynthArticle> = generate(&SynthConfig {
        articles: 3000,
        seed: 21,
    })
    .collect();
    let texts: Vec<(String, String)> = synth
        .iter()
        .map(|a| (a.file_name.clone(), a.text.clone()))
        .collect();
    let corpus = from_texts(texts, 2);
    let truth: HashMap<String, &SynthArticle> =
        synth.iter().map(|a| (a.file_name.clone(), a)).collect();
    let labels = labelled(&corpus, &truth);
    let (precision, recall) = pairwise(&labels);
    let merges = |kind: &str| {
        corpus
            .people
            .iter()
            .flat_map(|p| &p.merged)
            .filter(|m| m.kind.as_str() == kind)
            .count()
    };
    eprintln!(
        "{} appearances, {} corpus people: pairwise precision {precision:.4}, recall {recall:.4}; merges: {} merger, {} bridge",
        labels.len(),
        corpus.people.len(),
        merges("merger"),
        merges("bridge"),
    );
    assert!(precision >= 0.99, "precision {precision:.4}");
    assert!(recall >= 0.97, "recall {recall:.4}");
}

/// A short meeting report: province, date (d/m/y) and the sentence that
/// names the chair.
fn report(province: &str, dmy: (u32, u32, i32), chair: &str) -> String {
    let (d, m, y) = dmy;
    format!(
        "Thứ 4, {d:02}.{m:02}.{y} | 17:21:47\n\
         Ban Thường vụ Tỉnh ủy {province} họp cho ý kiến dự thảo quy chế\n\
         Sáng {d}/{m}, Ban Thường vụ Tỉnh ủy {province} họp dưới sự chủ trì của đồng chí {chair}.\n\
         Phát biểu kết luận, đồng chí chủ trì yêu cầu các sở hoàn thành báo cáo trước ngày 28/{m}/{y}.\n"
    )
}

/// A secretary of Bà Rịa - Vũng Tàu, then a deputy in Đồng Nai written
/// with the former post.
fn moved_to_dong_nai() -> [String; 2] {
    [
        report(
            "Bà Rịa - Vũng Tàu",
            (10, 4, 2023),
            "Trương Minh Khôi, Bí thư Tỉnh ủy",
        ),
        report(
            "Đồng Nai",
            (20, 6, 2024),
            "Trương Minh Khôi, Phó Bí thư Tỉnh ủy, nguyên Bí thư Tỉnh ủy Bà Rịa - Vũng Tàu",
        ),
    ]
}

fn corpus_of(reports: &[String]) -> Corpus {
    let texts = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (format!("r{i}.txt"), r.clone()))
        .collect();
    from_texts(texts, 1)
}

/// The corpus people of that name.
fn named<'a>(corpus: &'a Corpus, name: &str) -> Vec<&'a tinhuy::corpus::Person> {
    corpus.people.iter().filter(|p| p.name == name).collect()
}

#[test]
fn a_secretary_of_thai_binh_goes_on_in_hung_yen_after_the_merger() {
    let corpus = corpus_of(&[
        report(
            "Thái Bình",
            (12, 3, 2024),
            "Ngô Quang Thiều, Bí thư Tỉnh ủy",
        ),
        report("Thái Bình", (5, 5, 2025), "Ngô Quang Thiều, Bí thư Tỉnh ủy"),
        report(
            "Hưng Yên",
            (9, 9, 2025),
            "Ngô Quang Thiều, Phó Bí thư Tỉnh ủy",
        ),
    ]);
    let people = named(&corpus, "Ngô Quang Thiều");
    assert_eq!(people.len(), 1, "{people:#?}");
    let p = people[0];
    assert_eq!(p.scope, "Hưng Yên");
    assert_eq!(p.appearances.len(), 3);
    assert_eq!(p.merged.len(), 1);
    let m = &p.merged[0];
    assert_eq!(m.kind, MergeKind::Merger);
    assert_eq!((m.from.as_str(), m.to.as_str()), ("Thái Bình", "Hưng Yên"));
    assert_eq!(corpus.articles[m.article].id, "r2");
}

#[test]
fn the_merger_joins_no_namesake_whose_posts_do_not_follow() {
    // A provincial secretary before; a commune secretary of that name after.
    let corpus = corpus_of(&[
        report(
            "Thái Bình",
            (12, 3, 2024),
            "Ngô Quang Thiều, Bí thư Tỉnh ủy",
        ),
        report(
            "Hưng Yên",
            (9, 9, 2025),
            "Ngô Quang Thiều, Bí thư Đảng ủy xã Vũ Tiến",
        ),
    ]);
    assert_eq!(named(&corpus, "Ngô Quang Thiều").len(), 2);
}

#[test]
fn nguyen_bi_thu_tinh_uy_of_another_province_bridges_the_two() {
    let corpus = corpus_of(&moved_to_dong_nai());
    let people = named(&corpus, "Trương Minh Khôi");
    assert_eq!(people.len(), 1, "{people:#?}");
    let p = people[0];
    assert_eq!(p.scope, "Đồng Nai");
    let m = &p.merged[0];
    assert_eq!(m.kind, MergeKind::Bridge);
    assert_eq!(m.from, "Bà Rịa - Vũng Tàu");
    assert_eq!(corpus.articles[m.article].id, "r1");
    assert!(m.evidence.contains("Bà Rịa"), "{}", m.evidence);
    let provinces: Vec<Option<&str>> = p.timeline.iter().map(|s| s.province.as_deref()).collect();
    assert!(
        provinces.contains(&Some("Bà Rịa - Vũng Tàu")),
        "{provinces:?}"
    );
    assert!(provinces.contains(&Some("Đồng Nai")), "{provinces:?}");
}

#[test]
fn namesakes_in_two_provinces_stay_apart() {
    let corpus = corpus_of(&[
        report("Nam Định", (10, 4, 2023), "Nguyễn Văn Hùng, Bí thư Tỉnh ủy"),
        report(
            "Quảng Ngãi",
            (20, 6, 2024),
            "Nguyễn Văn Hùng, Bí thư Tỉnh ủy",
        ),
        report("Nam Định", (3, 8, 2024), "Nguyễn Văn Hùng, Bí thư Tỉnh ủy"),
    ]);
    let people = named(&corpus, "Nguyễn Văn Hùng");
    assert_eq!(people.len(), 2, "{people:#?}");
    assert!(people.iter().all(|p| p.merged.is_empty()));
    let mut scopes: Vec<&str> = people.iter().map(|p| p.scope.as_str()).collect();
    scopes.sort_unstable();
    assert_eq!(scopes, ["Nam Định", "Quảng Ngãi"]);
}

#[test]
fn tinhuy_person_says_why_records_were_joined() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    let reports = moved_to_dong_nai();
    for (i, r) in reports.iter().enumerate() {
        std::fs::write(articles.join(format!("r{i}.txt")), r).unwrap();
    }
    let corpus = dir.path().join("corpus.json");
    let bin = env!("CARGO_BIN_EXE_tinhuy");
    let ingest = Command::new(bin)
        .arg("ingest")
        .arg(&articles)
        .arg("-o")
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(ingest.status.success(), "{ingest:?}");
    let run = |json: bool| {
        let mut cmd = Command::new(bin);
        cmd.arg("--corpus")
            .arg(&corpus)
            .args(["person", "truong minh khoi"]);
        if json {
            cmd.arg("--json");
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run(false);
    assert!(text.contains("One official across provinces:"), "{text}");
    assert!(
        text.contains("Bà Rịa - Vũng Tàu → Đồng Nai (one article names both)"),
        "{text}"
    );
    assert!(text.contains("[2024-06-20 r1]"), "{text}");
    let v: serde_json::Value = serde_json::from_str(&run(true)).unwrap();
    let m = &v["merged"][0];
    assert_eq!(m["kind"], "bridge");
    assert_eq!(m["from"], "Bà Rịa - Vũng Tàu");
    assert_eq!(m["to"], "Đồng Nai");
    assert_eq!(m["article"], "r1");
    assert_eq!(m["date"], "2024-06-20");
}
