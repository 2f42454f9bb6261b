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

// --- conclusions and deadlines -------------------------------------------

/// A meeting chaired by Lê Văn Minh, with `body` after its lead.
fn meeting(body: &str) -> ArticleFacts {
    facts_of(&format!(
        "Hội nghị Ban Thường vụ Tỉnh ủy\n\nThứ 3, 14/04/2026 | 09:10\n\nSáng 14/4, Ban Thường vụ Tỉnh ủy họp. Đồng chí Lê Văn Minh, Bí thư Tỉnh ủy chủ trì hội nghị.\n\n{body}\n"
    ))
}

fn texts(f: &ArticleFacts) -> Vec<(String, Option<String>, Option<String>)> {
    f.conclusions
        .iter()
        .map(|c| {
            (
                c.text.clone(),
                c.speaker.clone(),
                c.deadline.map(|d| d.to_string()),
            )
        })
        .collect()
}

fn has(f: &ArticleFacts, text: &str) -> bool {
    f.conclusions.iter().any(|c| c.text.contains(text))
}

#[test]
fn bullets_under_a_lead_in_are_directives_and_share_its_deadline() {
    let f = meeting(
        "Đồng chí Lê Văn Minh đề nghị các cấp, các ngành trong tháng 9 năm 2026:\n- Tập trung rà soát các dự án đầu tư công chậm tiến độ.\n- Hoàn thiện đề án sắp xếp các đơn vị sự nghiệp trước ngày 15/10.\n\nTại hội nghị, các đại biểu đã thảo luận sôi nổi.",
    );
    let got = texts(&f);
    let find = |t: &str| got.iter().find(|c| c.0.contains(t)).cloned();
    let first = find("Tập trung rà soát").expect("first bullet");
    assert_eq!(first.1.as_deref(), Some("Lê Văn Minh"));
    assert_eq!(first.2.as_deref(), Some("2026-09"));
    let second = find("Hoàn thiện đề án").expect("second bullet");
    assert_eq!(second.2.as_deref(), Some("2026-10-15"));
    assert!(find("thảo luận sôi nổi").is_none(), "{got:?}");
}

#[test]
fn numbered_lists_go_on_with_the_lead_in() {
    let f = meeting(
        "Kết luận hội nghị, đồng chí Lê Văn Minh yêu cầu:\n1. Các sở, ngành khẩn trương hoàn thiện hồ sơ dự án.\n2. UBND tỉnh chỉ đạo giải ngân vốn đầu tư công trong quý I.",
    );
    assert!(has(&f, "Các sở, ngành khẩn trương hoàn thiện hồ sơ dự án"));
    let c = f
        .conclusions
        .iter()
        .find(|c| c.text.contains("giải ngân vốn"))
        .expect("second item");
    assert_eq!(
        c.deadline.map(|d| d.to_string()).as_deref(),
        Some("2026-03")
    );
}

#[test]
fn a_quoted_first_person_request_is_the_speakers() {
    let f = meeting(
        "“Tôi đề nghị các cấp ủy khẩn trương kiện toàn bộ máy, hoàn thành trong năm 2026”, đồng chí Lê Văn Minh nhấn mạnh.",
    );
    let c = f
        .conclusions
        .iter()
        .find(|c| c.text.contains("kiện toàn bộ máy"))
        .expect("the request");
    assert_eq!(c.speaker.as_deref(), Some("Lê Văn Minh"));
    assert_eq!(c.deadline.map(|d| d.to_string()).as_deref(), Some("2026"));
}

#[test]
fn assessments_are_not_directives() {
    let f = meeting(
        "Phát biểu kết luận, đồng chí Lê Văn Minh đánh giá cao kết quả các địa phương đạt được trong năm qua. Đồng chí yêu cầu các địa phương tiếp tục đẩy mạnh cải cách hành chính.",
    );
    assert!(!has(&f, "đánh giá cao"), "{:?}", texts(&f));
    assert!(has(&f, "tiếp tục đẩy mạnh cải cách hành chính"));
}

#[test]
fn the_object_of_congratulations_is_not_the_speaker() {
    let f = meeting(
        "Đồng chí Lê Văn Minh chúc mừng đồng chí Trần Quốc Bảo và mong rằng đồng chí sẽ phát huy kinh nghiệm trên cương vị mới.",
    );
    let c = f
        .conclusions
        .iter()
        .find(|c| c.text.contains("phát huy kinh nghiệm"))
        .expect("the wish");
    assert_eq!(c.speaker.as_deref(), Some("Lê Văn Minh"));
}

#[test]
fn decisions_of_a_body_but_not_decisions_as_nouns() {
    let f = facts_of(
        "Chiều 4/7, Tỉnh ủy Hòa Bình tổ chức hội nghị triển khai các quyết định của Bộ Chính trị về công tác cán bộ.\n\nBan Thường vụ Tỉnh ủy thống nhất thông qua đề án sắp xếp bộ máy các cơ quan tham mưu.\n",
    );
    assert_eq!(
        texts(&f),
        vec![(
            "Ban Thường vụ Tỉnh ủy thống nhất thông qua đề án sắp xếp bộ máy các cơ quan tham mưu"
                .to_string(),
            Some("Ban Thường vụ Tỉnh ủy".to_string()),
            None
        )]
    );
}

#[test]
fn a_speaker_is_never_a_sentence_fragment() {
    let f = facts_of(
        "Sáng 5/3, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức Hội nghị triển khai quyết định của Bộ Chính trị về công tác cán bộ.\n\nBan Chấp hành Đảng bộ tỉnh đã biểu quyết bằng phiếu kín, với 100% ủy viên thống nhất với tờ trình của Ban Thường vụ.\n",
    );
    for c in &f.conclusions {
        let sp = c.speaker.as_deref().unwrap_or("");
        assert!(
            !sp.contains("tổ chức") && sp != "Hội nghị",
            "speaker {sp:?} of {:?}",
            c.text
        );
    }
    assert!(has(&f, "100% ủy viên thống nhất"));
}

#[test]
fn schedules_periods_and_targets_are_not_deadlines() {
    let f = meeting(
        "Đồng chí Lê Văn Minh yêu cầu các cấp ủy chuẩn bị tốt đại hội; Đại hội Đảng bộ tỉnh dự kiến tổ chức vào tháng 10/2026. Đồng chí đề nghị phấn đấu đến năm 2030 tăng trưởng kinh tế đạt 10%, triển khai quyết liệt từ nay đến cuối năm và đánh giá kết quả 6 tháng đầu năm.",
    );
    assert!(!f.conclusions.is_empty());
    for c in &f.conclusions {
        assert_eq!(c.deadline, None, "{:?}", c.text);
    }
}

#[test]
fn page_counters_are_not_conclusions() {
    let f = meeting(
        "Đồng chí Lê Văn Minh yêu cầu các sở, ngành tập trung giải ngân vốn đầu tư công.\n\nTổng số lượt truy cập: 12.345.678\n\nĐang truy cập: 215",
    );
    assert!(
        f.conclusions.iter().all(|c| !c.text.contains("truy cập")),
        "{:?}",
        texts(&f)
    );
}

#[test]
fn items_a_body_decided_after_a_colon() {
    let f = meeting(
        "Hội nghị thống nhất:\n- Giao UBND tỉnh hoàn thành giải ngân vốn đầu tư công trong năm 2026.\n- Đề nghị các huyện hoàn thành sáp nhập xã trong quý II.",
    );
    assert_eq!(
        texts(&f),
        vec![
            (
                "Giao UBND tỉnh hoàn thành giải ngân vốn đầu tư công trong năm 2026".to_string(),
                Some("Hội nghị".to_string()),
                Some("2026".to_string())
            ),
            (
                "Đề nghị các huyện hoàn thành sáp nhập xã trong quý II".to_string(),
                Some("Hội nghị".to_string()),
                Some("2026-06".to_string())
            ),
        ]
    );
}

#[test]
fn a_directive_after_an_opening_assessment_clause() {
    let f = meeting(
        "Đánh giá cao nỗ lực của các xã, đồng chí Lê Văn Minh yêu cầu tập trung chuẩn bị tốt cho Tết Nguyên đán.",
    );
    assert_eq!(
        texts(&f),
        vec![(
            "yêu cầu tập trung chuẩn bị tốt cho Tết Nguyên đán".to_string(),
            Some("Lê Văn Minh".to_string()),
            None
        )]
    );
}

#[test]
fn a_quarter_named_in_december_is_of_the_next_year() {
    let f = facts_of(
        "Thứ Hai, 05/01/2026 | 16:20\n\nChiều 30-12, Ban Thường vụ Tỉnh ủy họp dưới sự chủ trì của đồng chí Trần Văn Hải, Bí thư Tỉnh ủy.\n\n“Tôi đề nghị các sở, ngành hoàn thiện kế hoạch trong quý I”, đồng chí Trần Văn Hải nhấn mạnh.\n",
    );
    assert_eq!(date_of(&f), dated("2025-12-30", "published"));
    assert_eq!(
        texts(&f),
        vec![(
            "đề nghị các sở, ngành hoàn thiện kế hoạch trong quý I".to_string(),
            Some("Trần Văn Hải".to_string()),
            Some("2026-03".to_string())
        )]
    );
}

#[test]
fn a_meeting_named_for_a_handover_is_not_a_bodys_directive() {
    let f = facts_of(
        "Sáng 28/10, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị bàn giao nhiệm vụ điều hành công việc của Tỉnh ủy.\n\nĐoàn kiểm tra cũng yêu cầu các chi bộ khắc phục ngay các hạn chế.\n",
    );
    assert_eq!(
        texts(&f),
        vec![(
            "Đoàn kiểm tra cũng yêu cầu các chi bộ khắc phục ngay các hạn chế".to_string(),
            Some("Đoàn kiểm tra".to_string()),
            None
        )]
    );
}

/// A party committee named as a place, as the owner of departments or as
/// a list's label is not the body that met; named as the subject, it is.
#[test]
fn a_committee_named_as_a_place_or_an_owner_is_not_the_body() {
    let body = |t: &str| facts_of(t).meeting.body;
    assert_eq!(
        body(
            "Tiếp các chức sắc\n\nSáng 18/1, tại trụ sở Tỉnh ủy, đồng chí Lê Văn An, Bí thư Tỉnh ủy đã tiếp các chức sắc tôn giáo.\n"
        ),
        None
    );
    assert_eq!(
        body(
            "Giao ban\n\nNgày 19/4, đồng chí Lê Văn An chủ trì cuộc giao ban. Tham dự có đại diện lãnh đạo các ban đảng Tỉnh ủy.\n"
        ),
        None
    );
    assert_eq!(
        body(
            "Hội nghị\n\nSáng 18/1, hội nghị diễn ra tại hội trường. Dự có các đồng chí trong Ban Thường vụ Tỉnh ủy: Lê Văn An, Bí thư Tỉnh ủy.\n"
        ),
        None
    );
}

/// A congress told to open, hold or close is the meeting, over the
/// committees it elects; one prepared for or cited is not.
#[test]
fn a_congress_that_met_is_the_body() {
    let body = |t: &str| facts_of(t).meeting.body;
    assert_eq!(
        body(
            "Bế mạc Đại hội\n\nSáng 25/9, Đại hội đại biểu Đảng bộ tỉnh Hà Nam lần thứ XX, nhiệm kỳ 2025 - 2030 bế mạc. Phiên họp thứ nhất của Ban Chấp hành Đảng bộ tỉnh đã bầu Ban Thường vụ Tỉnh ủy gồm 15 người.\n"
        ),
        Some("Đại hội đại biểu Đảng bộ tỉnh".to_string())
    );
    assert_eq!(
        body(
            "Khai mạc Đại hội\n\nChiều 3-10, Đại hội Đảng bộ TP Vinh lần thứ XVII (nhiệm kỳ 2025-2030) khai mạc trọng thể.\n"
        ),
        Some("Đại hội đại biểu Đảng bộ thành phố".to_string())
    );
    assert_eq!(
        body(
            "Hội nghị Ban Chấp hành\n\nSáng 14/4, Ban Chấp hành Đảng bộ tỉnh họp cho ý kiến các văn kiện trình Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025 - 2030.\n"
        ),
        Some("Ban Chấp hành Đảng bộ tỉnh".to_string())
    );
    assert_eq!(
        body(
            "Chuẩn bị nhân sự\n\nSáng 14/4, tỉnh rà soát, chuẩn bị nhân sự cho Đại hội Đảng bộ tỉnh theo đúng chỉ thị.\n"
        ),
        None
    );
    assert_eq!(
        body(
            "Đại hội\n\nSáng 25/9, Ban Chấp hành Đảng bộ tỉnh họp. Đại hội Đảng bộ tỉnh lần thứ XX đã được chuẩn bị chu đáo.\n"
        ),
        Some("Ban Chấp hành Đảng bộ tỉnh".to_string())
    );
}

/// A meeting noun before the body's owner names what met ("cuộc họp của
/// Thường trực Tỉnh ủy"), over a bare mention of the committee.
#[test]
fn a_meeting_of_a_named_body_is_that_body() {
    let f = facts_of(
        "Giao ban\n\nSáng 14/4, đồng chí Lê Văn An, Bí thư Tỉnh ủy, chủ trì cuộc họp của Thường trực Tỉnh ủy để nghe báo cáo. Tỉnh ủy yêu cầu các ngành tập trung thực hiện.\n",
    );
    assert_eq!(f.meeting.body.as_deref(), Some("Thường trực Tỉnh ủy"));
}

/// An earlier event told after the lead ("Trước đó, …") is not the
/// meeting reported.
#[test]
fn an_earlier_meeting_is_not_the_body() {
    let f = facts_of(
        "Kỳ họp HĐND tỉnh\n\nSáng 11/12, kỳ họp thứ 19, HĐND tỉnh khóa XVIII bầu Chủ tịch UBND tỉnh.\n\nTrước đó, ngày 10/12, Ban Chấp hành Đảng bộ tỉnh đã tổ chức hội nghị thống nhất giới thiệu nhân sự.\n",
    );
    assert_eq!(f.meeting.body.as_deref(), Some("HĐND tỉnh"));
}

/// With no chair and no one holding a leading post, whoever directs
/// speaks for the meeting.
#[test]
fn a_directive_where_nobody_is_said_to_lead() {
    let f = facts_of(
        "Làm việc với tỉnh\n\nSáng 14/4, đoàn công tác Trung ương làm việc với tỉnh.\n\nPhát biểu tại buổi làm việc, đồng chí Lê Văn An đánh giá cao kết quả của tỉnh.\n\nVề nhiệm vụ thời gian tới, đồng chí Lê Văn An lưu ý tỉnh cần tập trung rà soát lại quy hoạch khoáng sản đất đai.\n",
    );
    let texts: Vec<&str> = f.conclusions.iter().map(|c| c.text.as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("cần tập trung rà soát lại quy hoạch")),
        "{texts:?}"
    );
}
