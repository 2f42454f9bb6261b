//! Meeting dates, chairs, conclusions and deadlines, each pattern in a short
//! article written for the test (names invented).

mod common;

use common::facts_of;
use tinhuy::extract::{ArticleFacts, ArticleMeta, extract_bytes_with};

fn date_of(f: &ArticleFacts) -> (Option<String>, Option<String>) {
    (
        f.meeting.date.map(|d| d.to_string()),
        f.meeting.year_from.clone(),
    )
}

fn dated(date: &str, from: &str) -> (Option<String>, Option<String>) {
    (Some(date.to_string()), Some(from.to_string()))
}

fn with_published(raw: &str, published: &str) -> ArticleFacts {
    let meta = ArticleMeta {
        published: Some(published.to_string()),
        ..ArticleMeta::default()
    };
    extract_bytes_with(raw.as_bytes(), &meta).unwrap().facts
}

// --- meeting dates -------------------------------------------------------

#[test]
fn a_full_date_carries_its_own_year() {
    let f = facts_of(
        "Chiều ngày 14/4/2022, Ban Chấp hành Đảng bộ tỉnh họp phiên thường kỳ.\n\nĐồng chí Lê Văn Minh, Bí thư Tỉnh ủy chủ trì hội nghị.\n",
    );
    assert_eq!(date_of(&f), dated("2022-04-14", "text"));
}

#[test]
fn a_day_and_month_take_the_year_of_the_metadata() {
    let f = with_published(
        "Sáng 01.12, Ban Thường vụ Tỉnh ủy họp cho ý kiến các đề án.\n",
        "2022-12-02T08:00:00+07:00",
    );
    assert_eq!(date_of(&f), dated("2022-12-01", "published"));
}

#[test]
fn a_december_meeting_published_in_january_is_of_the_year_before() {
    let f = with_published(
        "Chiều 30-12, Ban Thường vụ Tỉnh ủy họp tổng kết công tác.\n",
        "2021-01-02",
    );
    assert_eq!(date_of(&f), dated("2020-12-30", "published"));
}

#[test]
fn a_metadata_line_glued_to_the_lead_gives_the_year() {
    let f = facts_of(
        "date 2020-01 Chiều 31-1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị triển khai công tác cán bộ.\n\nĐồng chí Lê Văn Minh, Bí thư Tỉnh ủy chủ trì hội nghị.\n",
    );
    assert_eq!(date_of(&f), dated("2020-01-31", "published"));
    // The metadata is not the lead and not a conclusion.
    assert!(
        f.conclusions.iter().all(|c| !c.text.contains("date 2020")),
        "{:?}",
        f.conclusions
    );
}

#[test]
fn a_print_stamp_gives_a_year_but_is_not_the_meeting() {
    let f = facts_of(
        "Print Thứ Bảy, 26/01/2019 19:26\n\nNgày 22-8, Ban Thường vụ Thành ủy tổ chức hội thảo về phát triển cảng biển.\n",
    );
    assert_eq!(date_of(&f), dated("2018-08-22", "published"));
    let g = facts_of(
        "Print Thứ Bảy, 26/01/2019 19:26\n\nBan Thường vụ Thành ủy tổ chức hội thảo về phát triển cảng biển.\n",
    );
    assert_eq!(date_of(&g), (None, None));
}

#[test]
fn a_stamp_does_not_swap_day_and_month() {
    let f = facts_of(
        "Thứ Ba, 09/12/2025 | 10:15\n\nChiều 12/9, Ban Thường vụ Tỉnh ủy họp phiên thường kỳ.\n",
    );
    assert_eq!(date_of(&f), dated("2025-09-12", "published"));
}

#[test]
fn without_a_stamp_the_lead_year_is_used() {
    let f = facts_of(
        "Sáng 01.12, Ban Thường vụ Tỉnh ủy tổ chức hội nghị đối thoại với nhân dân năm 2022.\n",
    );
    assert_eq!(date_of(&f), dated("2022-12-01", "context"));
    // A year-end review planning the next year is of the year reviewed.
    let g = facts_of(
        "Ngày 1/12, Ban Chấp hành Đảng bộ tỉnh đánh giá nhiệm vụ năm 2023, triển khai nhiệm vụ năm 2024.\n",
    );
    assert_eq!(date_of(&g), dated("2023-12-01", "context"));
    // A reporting period names its year.
    let h = facts_of("Ngày 29-9, Ban Chấp hành Đảng bộ tỉnh đánh giá kết quả 9 tháng năm 2023.\n");
    assert_eq!(date_of(&h), dated("2023-09-29", "context"));
}

#[test]
fn a_horizon_or_a_birth_year_is_not_the_meeting_year() {
    let f = facts_of(
        "Sáng 5/3, Ban Thường vụ Tỉnh ủy cho ý kiến quy hoạch tỉnh đến năm 2030.\n\nĐồng chí Lê Văn Minh sinh ngày 3/4/1970.\n",
    );
    assert_eq!(date_of(&f), (None, None));
}

#[test]
fn a_full_date_elsewhere_in_the_article_gives_the_year() {
    let f = facts_of(
        "Trực tiếp - Ngày 9-4, Ban Thường vụ Tỉnh ủy tổ chức hội nghị.\n\nHội nghị quán triệt kết luận tại phiên họp ngày 13/3/2024.\n",
    );
    assert_eq!(date_of(&f), dated("2024-04-09", "context"));
}

#[test]
fn the_first_meetings_of_a_term_are_in_its_first_year() {
    let f = facts_of(
        "Sáng 10/11, Ban Thường vụ Tỉnh ủy cho ý kiến Chương trình công tác toàn khóa của Ban Chấp hành Đảng bộ tỉnh khóa XX, nhiệm kỳ 2025-2030.\n",
    );
    assert_eq!(date_of(&f), dated("2025-11-10", "context"));
    // A term alone says nothing of the year.
    let g = facts_of(
        "Sáng 10/11, Ban Thường vụ Tỉnh ủy khóa XX, nhiệm kỳ 2025-2030 họp phiên thường kỳ.\n",
    );
    assert_eq!(date_of(&g), (None, None));
}

#[test]
fn a_date_after_a_verb_of_taking_place_counts_but_a_future_one_does_not() {
    let f = with_published(
        "Đó là khẳng định của ông Lê Văn Minh tại buổi tiếp nhận cán bộ.\n\nBuổi tiếp nhận diễn ra chiều 22.12, tại Hội trường Tỉnh ủy.\n",
        "2023-12-23",
    );
    assert_eq!(date_of(&f), dated("2023-12-22", "published"));
    let g = facts_of(
        "Phiên trù bị Đại hội diễn ra tại hội trường tỉnh.\n\nPhiên chính thức Đại hội nhiệm kỳ 2025-2030 sẽ khai mạc vào sáng 05/8.\n",
    );
    assert_eq!(date_of(&g), (None, None));
}

// --- chairs ----------------------------------------------------------------

fn chairs(body: &str) -> Vec<String> {
    facts_of(&format!(
        "Hội nghị Ban Thường vụ Tỉnh ủy\n\nThứ 3, 14/04/2026 | 09:10\n\n{body}\n"
    ))
    .chairs
}

#[test]
fn chairs_after_a_passive_cue() {
    assert_eq!(
        chairs(
            "Sáng 14/4, Hội nghị Ban Thường vụ Tỉnh ủy được chủ trì bởi đồng chí Lê Văn Minh, Bí thư Tỉnh ủy."
        ),
        vec!["Lê Văn Minh"]
    );
    assert_eq!(
        chairs(
            "Sáng 14/4, dưới sự chủ trì của đồng chí Lê Văn Minh, Bí thư Tỉnh ủy và các đồng chí: Trần Quốc Bảo, Phó Bí thư Thường trực Tỉnh ủy; Đỗ Thị Huyền, Phó Bí thư Tỉnh ủy, Ban Thường vụ Tỉnh ủy họp."
        ),
        vec!["Lê Văn Minh", "Trần Quốc Bảo", "Đỗ Thị Huyền"]
    );
}

#[test]
fn a_chair_marked_in_parentheses() {
    assert_eq!(
        chairs(
            "Sáng 14/4, Ban Thường vụ Tỉnh ủy họp. Tham dự có đồng chí Lê Văn Minh, Bí thư Tỉnh ủy (chủ trì); đồng chí Phan Thị Hạnh, Giám đốc Sở Y tế."
        ),
        vec!["Lê Văn Minh"]
    );
}

#[test]
fn co_chairs_named_after_cung() {
    assert_eq!(
        chairs(
            "Sáng 14/4, đồng chí Lê Văn Minh, Bí thư Tỉnh ủy chủ trì hội nghị cùng các đồng chí: Trần Quốc Bảo, Phó Bí thư Tỉnh ủy; Đỗ Thị Huyền, Chủ tịch HĐND tỉnh."
        ),
        vec!["Lê Văn Minh", "Trần Quốc Bảo", "Đỗ Thị Huyền"]
    );
}

#[test]
fn a_chair_list_survives_a_misspelt_title() {
    assert_eq!(
        chairs(
            "Chủ trì hội nghị có các đồng chí: Lê Văn Minh, Bí thư Tỉnh ủy; Trần Quốc Bảo, Phó Bí Tỉnh ủy, Chủ tịch Ủy ban MTTQ tỉnh; Đỗ Thị Huyền, Phó Bí thư Tỉnh ủy."
        ),
        vec!["Lê Văn Minh", "Trần Quốc Bảo", "Đỗ Thị Huyền"]
    );
}

#[test]
fn co_chairs_listed_before_dong_chu_tri() {
    assert_eq!(
        chairs(
            "Các đồng chí: Lê Văn Minh, Ủy viên Bộ Chính trị; Bí thư Trung ương Đảng, Trưởng Ban Kinh tế Trung ương; Trần Quốc Bảo, Bí thư Thành ủy; Đỗ Thị Huyền, Phó trưởng Ban Kinh tế Trung ương về tổng kết Nghị quyết 32 đồng chủ trì."
        ),
        vec!["Lê Văn Minh", "Trần Quốc Bảo", "Đỗ Thị Huyền"]
    );
}

#[test]
fn a_caption_names_the_chair() {
    assert_eq!(
        chairs(
            "Sáng 14/4, Ban Thường vụ Tỉnh ủy họp.\n\nĐồng chí Lê Văn Minh, Bí thư Tỉnh ủy (giữa) chủ trì hội nghị"
        ),
        vec!["Lê Văn Minh"]
    );
}

#[test]
fn leading_a_delegation_attending_or_closing_alone_is_not_chairing() {
    assert!(
        chairs(
            "Sáng 14/4, đoàn công tác Tỉnh ủy do đồng chí Lê Văn Minh, Bí thư Tỉnh ủy làm trưởng đoàn đã đến trao đổi kinh nghiệm."
        )
        .is_empty()
    );
    assert!(
        chairs(
            "Sáng 14/4, đồng chí Lê Văn Minh, Bí thư Tỉnh ủy đã dự và chỉ đạo hội nghị sơ kết công tác dân vận."
        )
        .is_empty()
    );
    assert!(
        chairs(
            "Sáng 14/4, Ban Thường vụ Tỉnh ủy họp.\n\nPhát biểu kết luận, đồng chí Lê Văn Minh, Bí thư Tỉnh ủy yêu cầu các cấp ủy tập trung triển khai nghị quyết."
        )
        .is_empty()
    );
    assert!(
        chairs(
            "Sáng 14/4, các đồng chí: Lê Văn Minh, Bí thư Tỉnh ủy; Trần Quốc Bảo, Phó Bí thư Tỉnh ủy đã làm việc với các ban xây dựng Đảng."
        )
        .is_empty()
    );
}
