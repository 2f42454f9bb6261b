//! Exact facts of the bundled articles: each test pins one kind of fact so a
//! regression names what broke.

mod common;

use common::{facts, names, positions};
use tinhuy::extract::{ArticleFacts, Role};

fn article(prefix: &str) -> ArticleFacts {
    let path = common::articles()
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    facts(&path)
}

#[test]
fn page_facts() {
    let a = article("000");
    assert_eq!(
        a.title.as_deref(),
        Some(
            "Bàn các nội dung về Dự thảo quy chế làm việc và chương trình làm việc toàn khóa của Ban Chấp hành Đảng bộ tỉnh khóa XX"
        )
    );
    assert_eq!(a.published.unwrap().to_string(), "2020-12-02");
    assert_eq!(a.published_time.as_deref(), Some("17:21"));
    assert_eq!(a.views, Some(219));
    assert_eq!(a.authors, vec!["Phạm Ngọc"]);

    let b = article("001");
    assert_eq!(b.outlet.as_deref(), Some("Baohatinh.vn"));
    assert_eq!(
        b.title.as_deref(),
        Some(
            "Tiếp tục hoàn thiện Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh khóa XIX"
        )
    );
    assert_eq!(b.authors, vec!["Thu Hà", "Lê Tuấn"]);

    let c = article("002");
    // The byline glued to the comment box: "Thanh TâmCác ý kiến của bạn đọc".
    assert_eq!(c.authors, vec!["Thanh Tâm"]);
    assert_eq!(c.views, Some(427));
    assert_eq!(
        c.title.as_deref(),
        Some(
            "Cần tiếp tục nỗ lực, tích cực, chủ động hơn nữa hoàn thành mục tiêu, nhiệm vụ năm 2020"
        )
    );

    let e = article("004");
    assert_eq!(e.outlet.as_deref(), Some("baothaibinh.com.vn"));
    assert!(
        e.authors.is_empty(),
        "the source line is not a byline: {:?}",
        e.authors
    );
}

#[test]
fn meetings() {
    let m = |p: &str| article(p).meeting;
    let a = m("000");
    assert_eq!(
        (a.body.as_deref(), a.session, a.term.as_deref()),
        (Some("Ban Thường vụ Tỉnh ủy"), Some(4), Some("XX"))
    );
    assert_eq!(a.date.unwrap().to_string(), "2020-12-02");
    let b = m("001");
    assert_eq!(
        (b.body.as_deref(), b.session, b.term.as_deref()),
        (Some("Ban Thường vụ Tỉnh ủy"), None, Some("XIX"))
    );
    // "Chiều 5/11" resolved against the page's year.
    assert_eq!(b.date.unwrap().to_string(), "2020-11-05");
    let c = m("002");
    // "vào cuối tuần qua": some day before publication, not known.
    assert_eq!((c.body.as_deref(), c.date), (Some("Tỉnh ủy"), None));
    let d = m("003");
    // "Chiều nay": the publication day.
    assert_eq!(
        (d.body.as_deref(), d.session, d.date.unwrap().to_string()),
        (
            Some("Ban Chấp hành Đảng bộ tỉnh"),
            Some(2),
            "2020-12-03".into()
        )
    );
    let e = m("004");
    assert_eq!(
        e.body.as_deref(),
        Some("Đoàn công tác của Ban Bí thư Trung ương Đảng")
    );
    assert_eq!(e.date.unwrap().to_string(), "2020-08-15");
}

#[test]
fn provinces() {
    for (p, want, merged) in [
        ("000", "Thái Bình", "Hưng Yên"),
        ("001", "Hà Tĩnh", "Hà Tĩnh"),
        ("002", "Hậu Giang", "Cần Thơ"),
        ("004", "Thái Bình", "Hưng Yên"),
    ] {
        let a = article(p);
        assert_eq!(a.province.as_deref(), Some(want), "{p}");
        assert_eq!(a.province_2025.as_deref(), Some(merged), "{p}");
    }
}

#[test]
fn people_and_positions() {
    let b = article("001");
    assert_eq!(positions(&b, "Hoàng Trung Dũng"), vec!["Bí thư Tỉnh ủy"]);
    assert_eq!(
        positions(&b, "Lê Đình Sơn"),
        vec!["Ủy viên Trung ương Đảng", "Chủ tịch HĐND tỉnh"]
    );
    assert_eq!(
        positions(&b, "Trần Thế Dũng"),
        vec!["Phó Bí thư Tỉnh ủy", "Trưởng Ban Tổ chức Tỉnh ủy"]
    );
    assert_eq!(
        positions(&b, "Hà Văn Trọng"),
        vec!["Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Giám đốc Sở Tài Chính"]
    );
    assert_eq!(
        positions(&b, "Trần Tú Anh"),
        vec!["Giám đốc Sở Kế hoạch và đầu tư"]
    );
    assert_eq!(
        positions(&b, "Trần Nhật Tân"),
        vec!["Bí thư Huyện ủy Thạch Hà"]
    );
    // Name on one line, title on the next.
    assert_eq!(
        positions(&b, "Hoàng Công Hà"),
        vec!["Phó Vụ trưởng Vụ Địa phương I, Ban Tổ chức Trung ương"]
    );
    assert_eq!(names(&b).len(), 9);

    let c = article("002");
    assert_eq!(
        positions(&c, "Trần Duy Hưng"),
        vec!["Hàm Vụ trưởng Vụ địa phương II, Văn phòng Trung ương Đảng"]
    );
    // The chair is named only by titles: no person for it.
    assert_eq!(
        names(&c),
        vec!["Đồng Văn Thanh", "Trần Duy Hưng", "Phạm Quang Bản"]
    );

    let e = article("004");
    // "Ủy" and "Uỷ" spellings of one title are one position.
    assert_eq!(
        positions(&e, "Ngô Đông Hải"),
        vec!["Ủy viên dự khuyết Trung ương Đảng", "Bí thư Tỉnh ủy"]
    );
    // A caption broken over two lines.
    assert_eq!(
        positions(&e, "Trương Thị Mai"),
        vec![
            "Ủy viên Bộ Chính trị",
            "Bí thư Trung ương Đảng",
            "Trưởng Ban Dân vận Trung ương"
        ]
    );
}

#[test]
fn teasers_name_no_attendee() {
    for p in ["000", "003"] {
        let a = article(p);
        assert!(
            !names(&a).iter().any(|n| n == "Nguyễn Phú Trọng"),
            "{p}: {:?}",
            names(&a)
        );
        assert_eq!(names(&a).len(), 3, "{p}");
    }
}

#[test]
fn chairs_and_roles() {
    assert_eq!(
        article("000").chairs,
        vec!["Ngô Đông Hải", "Nguyễn Tiến Thành", "Nguyễn Khắc Thận"]
    );
    assert_eq!(article("001").chairs, vec!["Hoàng Trung Dũng"]);
    assert!(article("002").chairs.is_empty());
    // A delegation's working session: led by whoever gave the conclusion.
    assert_eq!(article("004").chairs, vec!["Trương Thị Mai"]);
    let b = article("001");
    let roles = |n: &str| b.people.iter().find(|p| p.name == n).unwrap().roles.clone();
    assert!(roles("Hoàng Trung Dũng").contains(&Role::Chair));
    assert!(roles("Trần Thế Dũng").contains(&Role::Presenter));
    assert!(roles("Trần Tú Anh").contains(&Role::Speaker));
    assert_eq!(roles("Lê Đình Sơn"), vec![Role::Attendee]);
}

#[test]
fn conclusions_and_deadlines() {
    let a = article("000");
    let c = a
        .conclusions
        .iter()
        .find(|c| c.text.contains("giữa tháng 12/2020"))
        .expect("the mid-December directive");
    assert_eq!(c.deadline.unwrap().to_string(), "2020-12");
    assert_eq!(c.speaker.as_deref(), Some("Ngô Đông Hải"));
    let body = a
        .conclusions
        .iter()
        .find(|c| c.text.contains("thống nhất với Đề án"))
        .unwrap();
    assert_eq!(body.speaker.as_deref(), Some("Ban Thường vụ Tỉnh ủy"));

    let b = article("001");
    let d = b.conclusions.iter().find(|c| c.deadline.is_some()).unwrap();
    assert_eq!(d.deadline.unwrap().to_string(), "2020-11-10");
    assert!(d.text.contains("đến trước 10/11/2020"));
    // Deadlines only where a directive sets one.
    let with_deadline: usize = common::articles()
        .iter()
        .map(|p| {
            facts(p)
                .conclusions
                .iter()
                .filter(|c| c.deadline.is_some())
                .count()
        })
        .sum();
    assert_eq!(with_deadline, 2);
    // Participants' opinions are not conclusions.
    assert!(
        !b.conclusions
            .iter()
            .any(|c| c.speaker.as_deref() == Some("Trần Tú Anh"))
    );

    let c = article("002");
    // Named only by titles, the speaker is given by them.
    assert!(c.conclusions.len() >= 4);
    for x in &c.conclusions {
        assert_eq!(
            x.speaker.as_deref(),
            Some("Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh"),
            "{}",
            x.text
        );
    }
}

#[test]
fn spans_point_at_their_source() {
    for path in common::articles() {
        let raw = std::fs::read_to_string(&path).unwrap();
        let (page, f) = tinhuy::extract::extract_article(&raw);
        for p in &f.people {
            for s in &p.spans {
                assert_eq!(tinhuy::extract::doc::clean(&page.text[s.range()]), p.name);
            }
            for pos in &p.positions {
                let src = tinhuy::text::fold(&page.text[pos.span.range()]);
                let first = tinhuy::text::fold(pos.title.split_whitespace().next().unwrap());
                assert!(
                    src.starts_with(&first),
                    "{} not at {:?}",
                    pos.title,
                    &page.text[pos.span.range()]
                );
            }
        }
        for c in &f.conclusions {
            assert_eq!(
                tinhuy::extract::doc::clean(
                    page.text[c.span.range()].trim_end_matches(['.', ';', ' '])
                ),
                c.text
            );
        }
        if let (Some(t), Some(s)) = (&f.title, f.spans.title) {
            assert_eq!(&page.text[s.range()], t);
        }
    }
}

#[test]
fn documents_and_figures() {
    let c = article("002");
    assert!(
        c.documents
            .iter()
            .any(|d| d.number.as_deref() == Some("153-KH/TU")),
        "{:?}",
        c.documents
    );
    let d = article("003");
    let grdp = d
        .figures
        .iter()
        .find(|f| f.indicator.starts_with("GRDP"))
        .expect("GRDP figure");
    assert!((grdp.change_percent - 3.23).abs() < 1e-9);
    assert!(
        article("001")
            .documents
            .iter()
            .any(|d| d.text.starts_with("dự thảo Quy chế làm việc"))
    );
}
