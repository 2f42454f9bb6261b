//! Publication stamps, meeting dates and deadlines in the shapes provincial
//! sites write them, each in a short text written for the test.

mod common;

use common::facts_of;
use tinhuy::extract::ArticleFacts;

fn published(f: &ArticleFacts) -> Option<String> {
    f.published.map(|d| d.to_string())
}

fn meeting_date(f: &ArticleFacts) -> Option<String> {
    f.meeting.date.map(|d| d.to_string())
}

#[test]
fn a_metadata_date_glued_to_the_headline_is_the_publication_day() {
    let f = facts_of(
        " date 2025-08-25 Hội nghị Ban Thường vụ Tỉnh ủy\n\nNgày 25/8, Ban Thường vụ Tỉnh ủy họp cho ý kiến các nội dung.\n",
    );
    assert_eq!(published(&f).as_deref(), Some("2025-08-25"));
    assert_eq!(meeting_date(&f).as_deref(), Some("2025-08-25"));
}

#[test]
fn a_month_only_metadata_date_gives_the_year_of_this_morning() {
    let f = facts_of(
        " date 2023-04 Sáng nay 6/4, Tỉnh ủy tổ chức Hội nghị lần thứ 11 đánh giá công tác quý I.\n",
    );
    assert_eq!(published(&f), None);
    assert_eq!(meeting_date(&f).as_deref(), Some("2023-04-06"));
}

fn due(text: &str) -> Option<String> {
    let reference = tinhuy::extract::Date::ymd(2025, 4, 15);
    tinhuy::extract::deadline::find(text, reference).map(|(d, _)| d.to_string())
}

#[test]
fn a_target_figure_or_a_distant_verb_sets_no_deadline() {
    assert_eq!(
        due("bảo đảm mục tiêu tăng trưởng kinh tế trong quý 2 tiếp tục trên 10%"),
        None
    );
    assert_eq!(
        due(
            "phải tập trung tháo gỡ khó khăn, vướng mắc để các dự án sớm triển khai trong năm 2025"
        ),
        None
    );
    assert_eq!(
        due("phải hoàn thành việc sắp xếp trong năm 2025").as_deref(),
        Some("2025")
    );
    assert_eq!(
        due("khẩn trương hoàn thành đề án trước ngày 22-4").as_deref(),
        Some("2025-04-22")
    );
    assert_eq!(
        due("đề nghị các ngành hoàn thành việc rà soát đến hết tháng 6").as_deref(),
        Some("2025-06")
    );
}

fn conclusions(f: &ArticleFacts) -> Vec<String> {
    f.conclusions.iter().map(|c| c.text.clone()).collect()
}

#[test]
fn a_decision_lead_in_covers_the_paragraph_after_it() {
    let f = facts_of(
        "Thông báo kết luận của Thường trực Tỉnh ủy\n\n02/06/2024 16:30\n\nTại hội nghị ngày 25/5/2024, Thường trực Tỉnh ủy thống nhất kết luận như sau:\n\nCông tác cán bộ: Tổ chức lấy phiếu tín nhiệm đối với các chức danh lãnh đạo, quản lý. Giám sát việc thực hiện nhiệm vụ được giao của cấp ủy viên.\n",
    );
    let got = conclusions(&f);
    assert!(
        got.iter()
            .any(|c| c.contains("Tổ chức lấy phiếu tín nhiệm")),
        "{got:?}"
    );
    assert!(
        got.iter().any(|c| c.starts_with("Giám sát việc thực hiện")),
        "{got:?}"
    );
}

#[test]
fn elections_foundings_and_a_steering_committee_decide() {
    let f = facts_of(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh\n\n15/10/2025 10:00\n\nSáng 15/10, Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ tỉnh đã bầu Ban Thường vụ Tỉnh ủy khóa XV gồm 15 đồng chí.\n\nBan Chỉ đạo của Tỉnh ủy thống nhất tổ chức lấy ý kiến cử tri trên địa bàn trước ngày 22-10.\n\nCông tác bầu cử đại biểu Quốc hội được chuẩn bị chu đáo.\n",
    );
    let got = conclusions(&f);
    assert!(
        got.iter()
            .any(|c| c.contains("bầu Ban Thường vụ Tỉnh ủy khóa XV gồm 15 đồng chí")),
        "{got:?}"
    );
    let steering = f
        .conclusions
        .iter()
        .find(|c| c.text.contains("lấy ý kiến cử tri"))
        .unwrap_or_else(|| panic!("{got:?}"));
    assert_eq!(
        steering.deadline.map(|d| d.to_string()).as_deref(),
        Some("2025-10-22")
    );
    assert!(!got.iter().any(|c| c.contains("bầu cử")), "{got:?}");
}

#[test]
fn a_congress_in_the_lead_is_held_in_the_first_year_of_its_term() {
    let f = facts_of(
        "Khai mạc Đại hội\n\nSáng 30/9, Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025-2030, chính thức khai mạc.\n",
    );
    assert_eq!(meeting_date(&f).as_deref(), Some("2025-09-30"));
    // A target year in the headline is not the meeting's.
    let g = facts_of(
        "Tỉnh phấn đấu dẫn đầu khu vực vào năm 2030\n\nSáng 16/10, Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025 bế mạc.\n",
    );
    assert_eq!(meeting_date(&g).as_deref(), Some("2020-10-16"));
}
