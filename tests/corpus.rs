//! The corpus: the bundled file is what ingest makes of data/articles, one
//! person per official across articles, timelines and "who held what".

mod common;

use std::path::Path;

use tinhuy::corpus::ingest::{collect, ingest};
use tinhuy::corpus::query::who;
use tinhuy::corpus::{Corpus, CorpusError, store};
use tinhuy::search::{Index, Kind, Target};

fn bundled() -> Corpus {
    Corpus::bundled()
}

#[test]
fn bundled_corpus_is_a_fresh_ingest_of_data_articles() {
    // Paths are stored as given, so ingest from the crate root like the
    // command that wrote data/corpus.json.
    std::env::set_current_dir(common::root()).unwrap();
    let (files, skipped) = collect(&[Path::new("data/articles").to_path_buf()]);
    assert!(skipped.is_empty(), "{skipped:?}");
    let (fresh, report) = ingest(&files, 2, &|_, _| {});
    assert_eq!(report.read, 5);
    let on_disk = std::fs::read_to_string("data/corpus.json").unwrap();
    assert!(
        store::to_json(&fresh, true) == on_disk,
        "data/corpus.json is stale: run `cargo run --release -- ingest data/articles -o data/corpus.json --pretty`"
    );
}

#[test]
fn one_person_per_official_across_articles() {
    let c = bundled();
    let hai: Vec<_> = c
        .people
        .iter()
        .filter(|p| p.name == "Ngô Đông Hải")
        .collect();
    assert_eq!(hai.len(), 1);
    assert_eq!(hai[0].appearances.len(), 3);
    assert_eq!(hai[0].scope, "Thái Bình");
    // A central official visiting is one person of her own scope.
    let mai = c
        .people
        .iter()
        .find(|p| p.name == "Trương Thị Mai")
        .unwrap();
    assert_eq!(mai.scope, tinhuy::corpus::CENTRAL);
    assert_eq!(c.people.len(), 17);
    assert_eq!(c.meetings.len(), 5);
}

#[test]
fn timeline_adds_a_post() {
    let c = bundled();
    let thanh = c
        .people
        .iter()
        .find(|p| p.name == "Nguyễn Tiến Thành")
        .unwrap();
    let deputy = thanh
        .timeline
        .iter()
        .find(|s| tinhuy::text::fold(&s.title) == "pho bi thu thuong truc tinh uy")
        .expect("deputy secretary");
    assert_eq!(deputy.first_seen.unwrap().to_string(), "2020-08-15");
    assert_eq!(deputy.last_seen.unwrap().to_string(), "2020-12-03");
    assert_eq!(deputy.meetings.len(), 3);
    let council = thanh
        .timeline
        .iter()
        .find(|s| s.title == "Chủ tịch HĐND tỉnh")
        .expect("council chair");
    assert_eq!(council.first_seen.unwrap().to_string(), "2020-12-02");
    assert_eq!(council.province.as_deref(), Some("Thái Bình"));
}

#[test]
fn who_held_the_post() {
    let c = bundled();
    let a = who(&c, "Chủ tịch UBND tỉnh", Some("Thái Bình"), None);
    let rows: Vec<(String, String)> = a
        .holders
        .iter()
        .map(|h| {
            (
                c.people[h.person].name.clone(),
                h.spell.first_seen.unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("Đặng Trọng Thăng".into(), "2020-08-15".into()),
            ("Nguyễn Khắc Thận".into(), "2020-12-02".into())
        ]
    );
    // Typed without marks, with the post-2025 province, on a date between.
    let b = who(
        &c,
        "chu tich ubnd tinh",
        Some("Hưng Yên"),
        "2020-10-01".parse().ok(),
    );
    assert_eq!(b.holders.len(), 2);
    assert_eq!(
        b.on_date
            .iter()
            .map(|&i| c.people[b.holders[i].person].name.as_str())
            .collect::<Vec<_>>(),
        vec!["Đặng Trọng Thăng"]
    );
    let d = who(
        &c,
        "Chủ tịch UBND tỉnh",
        Some("Thái Bình"),
        "2020-12-03".parse().ok(),
    );
    assert_eq!(
        d.on_date
            .iter()
            .map(|&i| c.people[d.holders[i].person].name.as_str())
            .collect::<Vec<_>>(),
        vec!["Nguyễn Khắc Thận"]
    );
    assert!(
        who(&c, "Chủ tịch UBND tỉnh", Some("Hà Tĩnh"), None)
            .holders
            .iter()
            .all(|h| c.people[h.person].name == "Trần Tiến Hưng")
    );
}

#[test]
fn search_finds_people_typed_without_marks() {
    let c = bundled();
    let idx = Index::build(&c);
    let hit = idx.search("ngo dong hai", 5).into_iter().next().unwrap();
    let e = idx.entry(hit.entry);
    assert_eq!(e.kind, Kind::Official);
    let Target::Person { person } = e.target else {
        panic!("{:?}", e.target)
    };
    assert_eq!(c.people[*person].name, "Ngô Đông Hải");
    // Both tone-mark styles answer "uy ban".
    let texts: Vec<&str> = idx
        .search("uy vien du khuyet", 50)
        .iter()
        .map(|h| idx.entry(h.entry).text)
        .collect();
    assert!(texts.iter().any(|t| t.contains("Ủy viên dự khuyết")));
}

#[test]
fn corpus_files_round_trip_and_bad_files_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.json");
    store::save(&bundled(), &path, false).unwrap();
    assert_eq!(store::load(&path).unwrap(), bundled());

    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\n  \"schema\": \"tinhuy-corpus\",\n  \"articles\": [ oops ]\n}",
    )
    .unwrap();
    let e = store::load(&bad).unwrap_err();
    assert!(matches!(e, CorpusError::Syntax { line: 3, .. }), "{e}");
    assert!(
        e.to_string().contains("bad.json") && e.to_string().contains("line 3"),
        "{e}"
    );

    let other = dir.path().join("other.json");
    std::fs::write(&other, "[{\"file\": \"x.txt\"}]").unwrap();
    let e = store::load(&other).unwrap_err();
    assert!(matches!(e, CorpusError::NotACorpus { .. }), "{e}");

    let newer = dir.path().join("newer.json");
    std::fs::write(
        &newer,
        "{\"schema\": \"tinhuy-corpus\", \"schema_version\": 99, \"things\": []}",
    )
    .unwrap();
    let e = store::load(&newer).unwrap_err();
    assert!(matches!(e, CorpusError::Newer { found: 99, .. }), "{e}");

    let truncated = dir.path().join("truncated.json");
    let json = store::to_json(&bundled(), true);
    let mut half = json.len() / 2;
    while !json.is_char_boundary(half) {
        half -= 1;
    }
    std::fs::write(&truncated, &json[..half]).unwrap();
    assert!(matches!(
        store::load(&truncated).unwrap_err(),
        CorpusError::Syntax { .. }
    ));

    let missing = dir.path().join("missing.json");
    let e = store::load(&missing).unwrap_err();
    assert!(
        matches!(e, CorpusError::Read { .. }) && e.to_string().contains("missing.json"),
        "{e}"
    );
}

/// A corpus built from short articles written for the test.
fn built(articles: &[&str]) -> Corpus {
    let inputs = articles
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let (page, facts) = tinhuy::extract::extract_article(raw);
            tinhuy::corpus::build::Input {
                id: format!("a{i}"),
                file: format!("a{i}.txt"),
                text_hash: tinhuy::corpus::dedupe::text_hash(&page.text),
                text: page.text.clone(),
                facts,
            }
        })
        .collect();
    tinhuy::corpus::build::build(inputs)
}

#[test]
fn a_central_leader_is_one_person_in_every_province() {
    let c = built(&[
        "Hội nghị Ban Thường vụ Tỉnh ủy Bình Thuận\n\nSáng 14/4/2026, Ban Thường vụ Tỉnh ủy Bình Thuận họp. Đồng chí Lương Thị Hoa, Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương dự và phát biểu. Đồng chí Lâm Quốc Khải, Bí thư Tỉnh ủy chủ trì.\n",
        "Hội nghị Ban Thường vụ Tỉnh ủy Ninh Thuận\n\nSáng 20/5/2026, Ban Thường vụ Tỉnh ủy Ninh Thuận họp. Phát biểu tại hội nghị, đồng chí Lương Thị Hoa cho biết nhiều việc đã xong. Đồng chí Đặng Minh Tú, Bí thư Tỉnh ủy chủ trì.\n",
    ]);
    let hoa: Vec<_> = c
        .people
        .iter()
        .filter(|p| p.name == "Lương Thị Hoa")
        .collect();
    assert_eq!(hoa.len(), 1);
    assert_eq!(hoa[0].scope, tinhuy::corpus::CENTRAL);
    assert_eq!(hoa[0].appearances.len(), 2);
}

#[test]
fn a_visitors_posts_stay_with_the_visitors_province() {
    let c = built(&[
        "Đoàn công tác tỉnh Thái Nguyên thăm tỉnh Bình Thuận\n\nSáng 14/4/2026, tại tỉnh Bình Thuận, Ban Thường vụ Tỉnh ủy Bình Thuận tiếp đoàn công tác. Đồng chí Lâm Quốc Khải, Bí thư Tỉnh ủy Bình Thuận chủ trì. Đồng chí Đặng Minh Tú, Bí thư Tỉnh ủy, Trưởng đoàn Đại biểu Quốc hội tỉnh Thái Nguyên dẫn đầu đoàn. Tỉnh Bình Thuận cảm ơn đoàn.\n",
    ]);
    let tu = c.people.iter().find(|p| p.name == "Đặng Minh Tú").unwrap();
    assert_eq!(tu.scope, "Thái Nguyên");
    assert!(
        tu.timeline
            .iter()
            .all(|s| s.province.as_deref() == Some("Thái Nguyên"))
    );
    let held = who(&c, "Bí thư Tỉnh ủy", Some("Bình Thuận"), None);
    let names: Vec<&str> = held
        .holders
        .iter()
        .map(|h| c.people[h.person].name.as_str())
        .collect();
    assert_eq!(names, vec!["Lâm Quốc Khải"]);
}

#[test]
fn person_lists_every_official_a_name_matches() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        "Hội nghị Ban Thường vụ Tỉnh ủy Bình Thuận\n\nSáng 14/4/2026, Ban Thường vụ Tỉnh ủy Bình Thuận họp. Đồng chí Đặng Minh Tú, Bí thư Tỉnh ủy Bình Thuận chủ trì.\n",
        "Hội nghị Ban Thường vụ Tỉnh ủy Ninh Thuận\n\nSáng 20/5/2026, Ban Thường vụ Tỉnh ủy Ninh Thuận họp. Đồng chí Đặng Minh Tú, Phó Chủ tịch UBND tỉnh Ninh Thuận dự.\n",
    ];
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.txt")), t).unwrap();
    }
    let corpus = dir.path().join("corpus.json");
    let bin = env!("CARGO_BIN_EXE_tinhuy");
    let ingest = std::process::Command::new(bin)
        .arg("ingest")
        .arg(dir.path())
        .arg("-o")
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(ingest.status.success(), "{ingest:?}");
    let o = std::process::Command::new(bin)
        .arg("--corpus")
        .arg(&corpus)
        .args(["person", "Đặng Minh Tú"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("2 officials match"), "{text}");
    assert!(
        text.contains("Bình Thuận") && text.contains("Ninh Thuận"),
        "{text}"
    );
}
