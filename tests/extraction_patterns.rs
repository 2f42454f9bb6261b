//! Layouts and cues the bundled articles do not show but other provinces'
//! sites do, each in a small article written for the test.

mod common;

use common::{facts_of, names, positions};

/// A page with a headline, a stamp and the given body.
fn page(body: &str) -> String {
    format!(
        "Hội nghị Ban Thường vụ Tỉnh ủy cho ý kiến các nội dung quan trọng\n\nThứ 3, 14/04/2026 | 09:10\n\n{body}\n"
    )
}

#[test]
fn title_first_list() {
    let f = facts_of(&page(
        "Sáng 14/4, Ban Thường vụ Tỉnh ủy họp cho ý kiến các nội dung. Dự hội nghị có: Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Lê Văn Minh; Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Trần Quốc Bảo và Giám đốc Sở Tài nguyên và Môi trường Phan Thị Hạnh.",
    ));
    assert_eq!(
        positions(&f, "Lê Văn Minh"),
        vec!["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]
    );
    assert_eq!(
        positions(&f, "Trần Quốc Bảo"),
        vec!["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]
    );
    assert_eq!(
        positions(&f, "Phan Thị Hạnh"),
        vec!["Giám đốc Sở Tài nguyên và Môi trường"]
    );
}

#[test]
fn shared_title_before_a_colon() {
    let f = facts_of(&page(
        "Cùng dự có các Phó Chủ tịch UBND tỉnh: Nguyễn Văn Tám, Hồ Thị Lan và Đinh Quang Huy; lãnh đạo các sở, ngành.",
    ));
    for n in ["Nguyễn Văn Tám", "Hồ Thị Lan", "Đinh Quang Huy"] {
        assert_eq!(positions(&f, n), vec!["Phó Chủ tịch UBND tỉnh"], "{n}");
    }
}

/// The title before the colon goes to every name of the list, when each
/// name has its own titles after it, split by semicolons.
#[test]
fn shared_title_before_a_list_of_names_with_their_own_titles() {
    let f = facts_of(&page(
        "Tham dự có các đồng chí Ủy viên Bộ Chính trị: Lê Văn Thành, Trưởng Ban Tổ chức Trung ương; Trần Minh Quang, Bí thư Thành ủy Hà Nội; Phạm Đức Long (Bộ trưởng Bộ Công an). Cùng dự có lãnh đạo các sở, ngành.",
    ));
    assert_eq!(
        positions(&f, "Lê Văn Thành"),
        vec!["Ủy viên Bộ Chính trị", "Trưởng Ban Tổ chức Trung ương"]
    );
    assert_eq!(
        positions(&f, "Trần Minh Quang"),
        vec!["Ủy viên Bộ Chính trị", "Bí thư Thành ủy"]
    );
    assert_eq!(
        positions(&f, "Phạm Đức Long"),
        vec!["Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an"]
    );
}

/// "N Phó Chủ tịch là các ông: A (…), B và C": the list is introduced by
/// words between the title and the colon.
#[test]
fn shared_title_before_people_introduced_by_words() {
    let f = facts_of(&page(
        "Lãnh đạo UBND tỉnh gồm Chủ tịch và 3 Phó Chủ tịch. Chủ tịch UBND tỉnh là ông Nguyễn Văn Sáu; 3 Phó Chủ tịch UBND tỉnh là các ông: Nguyễn Văn Lợi (Phó Chủ tịch Thường trực), Đỗ Minh Tuấn và Lê Đức Giang.",
    ));
    assert_eq!(
        positions(&f, "Nguyễn Văn Lợi"),
        vec!["Phó Chủ tịch UBND tỉnh", "Phó Chủ tịch Thường trực"]
    );
    for n in ["Đỗ Minh Tuấn", "Lê Đức Giang"] {
        assert_eq!(positions(&f, n), vec!["Phó Chủ tịch UBND tỉnh"], "{n}");
    }
}

#[test]
fn name_dash_title_with_and_without_spaces() {
    let f = facts_of(&page(
        "Tham dự có ông Võ Minh Châu-Phó Chủ tịch HĐND tỉnh và bà Lâm Thị Ngọc - Trưởng Ban Dân vận Tỉnh ủy - Chủ tịch Ủy ban MTTQ Việt Nam tỉnh.",
    ));
    assert_eq!(
        positions(&f, "Võ Minh Châu"),
        vec!["Phó Chủ tịch HĐND tỉnh"]
    );
    assert_eq!(
        positions(&f, "Lâm Thị Ngọc"),
        vec![
            "Trưởng Ban Dân vận Tỉnh ủy",
            "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"
        ]
    );
}

#[test]
fn abbreviated_titles_are_kept_as_written() {
    let f = facts_of(&page(
        "Đồng chí Vũ Đức Hạnh, UVT.Ư Đảng, Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh chủ trì hội nghị. Dự có đồng chí Mạc Văn Phúc, UVTW, Chủ tịch UBND tỉnh; đồng chí Kiều Thị Yến, TUV, Giám đốc Sở GD&ĐT.",
    ));
    assert_eq!(
        positions(&f, "Vũ Đức Hạnh"),
        vec!["UVT.Ư Đảng", "Bí thư Tỉnh ủy", "Trưởng đoàn ĐBQH tỉnh"]
    );
    assert_eq!(
        positions(&f, "Mạc Văn Phúc"),
        vec!["UVTW", "Chủ tịch UBND tỉnh"]
    );
    assert_eq!(
        positions(&f, "Kiều Thị Yến"),
        vec!["TUV", "Giám đốc Sở GD&ĐT"]
    );
    assert_eq!(f.chairs, vec!["Vũ Đức Hạnh"]);
}

#[test]
fn ranks_are_not_positions_and_minority_names_are_names() {
    let f = facts_of(&page(
        "Dự họp có các đồng chí: Rah Lan Chung, Phó Bí thư Thường trực Tỉnh ủy; Y Vinh Tơr, Phó Bí thư Tỉnh ủy; Đại tá Đinh Văn Nơi, Giám đốc Công an tỉnh; đồng chí Khăm-pheng Xay-nha-vông, Phó Tỉnh trưởng tỉnh Chăm-pa-sắc.",
    ));
    assert_eq!(
        positions(&f, "Rah Lan Chung"),
        vec!["Phó Bí thư Thường trực Tỉnh ủy"]
    );
    assert_eq!(positions(&f, "Y Vinh Tơr"), vec!["Phó Bí thư Tỉnh ủy"]);
    assert_eq!(positions(&f, "Đinh Văn Nơi"), vec!["Giám đốc Công an tỉnh"]);
    assert_eq!(
        positions(&f, "Khăm-pheng Xay-nha-vông"),
        vec!["Phó Tỉnh trưởng"]
    );
}

#[test]
fn a_visiting_delegation_does_not_make_the_host_province() {
    let raw = "Đoàn công tác tỉnh Nghệ An làm việc tại Hà Tĩnh\n\n05/03/2024 - 16:20\n\nChiều 5/3, đoàn công tác Tỉnh ủy Nghệ An do đồng chí Lương Văn Hùng, Bí thư Tỉnh ủy Nghệ An làm trưởng đoàn đã làm việc tại tỉnh Hà Tĩnh. Tiếp đoàn có đồng chí Hồ Đức Minh, Bí thư Tỉnh ủy Hà Tĩnh.\n";
    let f = facts_of(raw);
    assert_eq!(f.province.as_deref(), Some("Hà Tĩnh"));
    // Leading a delegation is not chairing the meeting.
    assert!(f.chairs.is_empty(), "{:?}", f.chairs);
    // The province after a title is kept apart from the title.
    assert_eq!(positions(&f, "Hồ Đức Minh"), vec!["Bí thư Tỉnh ủy"]);
    let p = &f
        .people
        .iter()
        .find(|p| p.name == "Lương Văn Hùng")
        .unwrap()
        .positions[0];
    assert_eq!(p.province.as_deref(), Some("Nghệ An"));
}

#[test]
fn names_after_the_merger() {
    let raw = "Ban Thường vụ Tỉnh ủy Hưng Yên họp phiên thường kỳ\n\nThứ 2, 13/10/2025 | 15:00\n\nSáng 13/10, Ban Thường vụ Tỉnh ủy Hưng Yên họp dưới sự chủ trì của đồng chí Nguyễn Hữu Nghĩa, Bí thư Tỉnh ủy.\n";
    let f = facts_of(raw);
    assert_eq!(f.province.as_deref(), Some("Hưng Yên"));
    assert_eq!(f.province_2025.as_deref(), Some("Hưng Yên"));
    assert_eq!(f.chairs, vec!["Nguyễn Hữu Nghĩa"]);
    assert_eq!(f.meeting.date.unwrap().to_string(), "2025-10-13");
}

#[test]
fn photo_credits_and_sources_are_not_bylines() {
    let body = "Sáng 14/4, Ban Thường vụ Tỉnh ủy họp dưới sự chủ trì của đồng chí Lê Văn Minh, Bí thư Tỉnh ủy.";
    let with_byline = facts_of(&page(&format!(
        "{body}\n\nẢnh: Minh Khoa\n\nQuang Huy - Tố Như\n"
    )));
    assert_eq!(with_byline.authors, vec!["Quang Huy", "Tố Như"]);
    let credit_only = facts_of(&page(&format!("{body}\n\nẢnh: Minh Khoa\n")));
    assert!(credit_only.authors.is_empty(), "{:?}", credit_only.authors);
    let labelled = facts_of(&page(&format!("{body}\n\nTin, ảnh: Hoàng Mẫn\n")));
    assert_eq!(labelled.authors, vec!["Hoàng Mẫn"]);
    // Credited photographers and writers are not people in the story.
    for f in [&with_byline, &credit_only, &labelled] {
        assert_eq!(names(f), vec!["Lê Văn Minh"]);
    }
    let inline = facts_of(&page(&format!(
        "{body} Đồng chí Lê Văn Minh phát biểu. Ảnh: Vũ Nhung\n"
    )));
    assert_eq!(names(&inline), vec!["Lê Văn Minh"]);
}

#[test]
fn bylines_under_a_long_headline_and_after_related_news() {
    let lead = "Sáng 14/4, Ban Thường vụ Tỉnh ủy họp dưới sự chủ trì của đồng chí Lê Văn Minh, Bí thư Tỉnh ủy, để cho ý kiến vào các dự thảo văn bản quan trọng của tỉnh.";
    let top = facts_of(&format!(
        "Ban Thường vụ Tỉnh ủy thảo luận, cho ý kiến vào chủ trương đầu tư một số dự án hạ tầng giao thông trọng điểm của tỉnh\n\nThứ 3, 14/04/2026 | 09:10\n\nPHẠM TÂM\n\n{lead}\n"
    ));
    assert_eq!(top.authors, vec!["PHẠM TÂM"]);
    let after = facts_of(&page(&format!(
        "{lead}\n\nTin liên quan:\nGiám đốc Sở Xây dựng Trần Khắc Lợi thăm, tặng quà gia đình chính sách\nPhó Chủ tịch UBND tỉnh Đỗ Thị Linh kiểm tra công tác phòng, chống thiên tai\n\nKhánh Hưng\n"
    )));
    assert_eq!(after.authors, vec!["Khánh Hưng"]);
}

#[test]
fn presiding_officers_of_a_council_session_chair_it() {
    let f = facts_of(&page(
        "Sáng 14/4, HĐND tỉnh khai mạc kỳ họp thứ 12. Chủ tọa kỳ họp có các đồng chí: Lê Văn Minh, Chủ tịch HĐND tỉnh; Đỗ Thị Huyền, Phó Chủ tịch HĐND tỉnh.",
    ));
    assert_eq!(f.chairs, vec!["Lê Văn Minh", "Đỗ Thị Huyền"]);
}

#[test]
fn chairs_in_their_usual_forms() {
    let f = facts_of(&page(
        "Sáng 14/4, dưới sự chủ trì của đồng chí Lê Văn Minh, Bí thư Tỉnh ủy và đồng chí Trần Quốc Bảo, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Ban Thường vụ Tỉnh ủy họp.",
    ));
    assert_eq!(f.chairs, vec!["Lê Văn Minh", "Trần Quốc Bảo"]);
    let g = facts_of(&page(
        "Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Đỗ Thị Huyền và Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Trần Quốc Bảo đồng chủ trì hội nghị.",
    ));
    assert_eq!(g.chairs, vec!["Đỗ Thị Huyền", "Trần Quốc Bảo"]);
    let h = facts_of(&page(
        "Chủ trì hội nghị có các đồng chí: Lê Văn Minh, Bí thư Tỉnh ủy; Trần Quốc Bảo, Chủ tịch UBND tỉnh. Dự hội nghị có đồng chí Phan Thị Hạnh, Giám đốc Sở Y tế.",
    ));
    assert_eq!(h.chairs, vec!["Lê Văn Minh", "Trần Quốc Bảo"]);
    assert!(names(&h).contains(&"Phan Thị Hạnh".to_string()));
}

#[test]
fn conclusions_with_deadlines_and_attribution() {
    let f = facts_of(&page(
        "Sáng 14/4, dưới sự chủ trì của đồng chí Lê Văn Minh, Bí thư Tỉnh ủy, Ban Thường vụ Tỉnh ủy họp.\n\nKết luận hội nghị, đồng chí Lê Văn Minh yêu cầu Ban Tổ chức Tỉnh ủy hoàn thiện đề án, trình Ban Thường vụ trước ngày 30/6/2026. Đồng thời, các sở, ngành phải hoàn thành rà soát quy hoạch trong quý III/2026.\n\nBan Thường vụ Tỉnh ủy thống nhất thông qua Kế hoạch số 25-KH/TU.",
    ));
    let due: Vec<String> = f
        .conclusions
        .iter()
        .filter_map(|c| c.deadline.map(|d| d.to_string()))
        .collect();
    assert_eq!(due, vec!["2026-06-30", "2026-09"]);
    assert!(f.conclusions.iter().all(|c| c.speaker.is_some()));
    let decision = f
        .conclusions
        .iter()
        .find(|c| c.text.contains("25-KH/TU"))
        .unwrap();
    assert_eq!(decision.speaker.as_deref(), Some("Ban Thường vụ Tỉnh ủy"));
    assert!(
        f.documents
            .iter()
            .any(|d| d.number.as_deref() == Some("25-KH/TU"))
    );

    let g = facts_of(&page(
        "“Phải nâng cao chất lượng công tác cán bộ, xây dựng đội ngũ đủ phẩm chất” – đó là chỉ đạo của đồng chí Lê Văn Minh, Bí thư Tỉnh ủy tại hội nghị.",
    ));
    let c = &g.conclusions[0];
    assert!(
        c.text
            .starts_with("Phải nâng cao chất lượng công tác cán bộ"),
        "{}",
        c.text
    );
    assert_eq!(c.speaker.as_deref(), Some("Lê Văn Minh"));
}

#[test]
fn related_news_and_cited_authors_are_not_attendees() {
    let f = facts_of(&page(
        "Sáng 14/4, đồng chí Lê Văn Minh, Bí thư Tỉnh ủy chủ trì hội nghị quán triệt Chỉ thị số 35 của Tổng Bí thư Tô Lâm.\n\nQuang Huy\n\nTin liên quan:\nĐồng chí Phạm Văn Sơn, Chủ tịch UBND tỉnh thăm các xã vùng lũ\n",
    ));
    assert_eq!(names(&f), vec!["Lê Văn Minh"]);
    assert_eq!(f.authors, vec!["Quang Huy"]);
}

#[test]
fn stamps_of_several_sites() {
    for (stamp, date, time) in [
        ("Cập nhật: 17:55 05/11/2020", "2020-11-05", Some("17:55")),
        (
            "[ Cập nhật vào ngày (03/11/2020) ] - [ Số lần xem: 427 ]",
            "2020-11-03",
            None,
        ),
        (
            "Thứ Tư, 08/04/2015, 08:11 [GMT+7]",
            "2015-04-08",
            Some("08:11"),
        ),
        ("04/04/2022 - 08:59", "2022-04-04", Some("08:59")),
        (
            "Tin tức - Ngày đăng : 20:15, 26/08/2015",
            "2015-08-26",
            Some("20:15"),
        ),
    ] {
        let f = facts_of(&format!(
            "Tiêu đề bài viết về hội nghị của Tỉnh ủy\n{stamp}\nSáng nay, Tỉnh ủy họp.\n"
        ));
        assert_eq!(
            f.published.map(|d| d.to_string()).as_deref(),
            Some(date),
            "{stamp}"
        );
        assert_eq!(f.published_time.as_deref(), time, "{stamp}");
    }
}

#[test]
fn the_ends_of_a_route_are_not_where_the_meeting_is() {
    let raw = "Giao ban Thường trực Tỉnh ủy\n\nNgày 21/2, Thường trực Tỉnh ủy tỉnh Quảng Ninh họp cho ý kiến về đường ven sông nối cao tốc Hạ Long - Hải Phòng và quốc lộ Hải Phòng - Lạng Sơn.\n";
    let f = facts_of(raw);
    assert_eq!(f.province.as_deref(), Some("Quảng Ninh"));
    // Nor is a town at one end: the town the road reaches is.
    let raw = "Giao ban Thường trực Tỉnh ủy\n\nNgày 21/2, Thường trực Tỉnh ủy họp cho ý kiến về đường ven sông nối cao tốc Hạ Long - Hải Phòng đến thị xã Đông Triều.\n";
    let f = facts_of(raw);
    assert_eq!(f.province.as_deref(), Some("Quảng Ninh"));
    let raw = "Giao ban Thường trực Tỉnh ủy\n\nNgày 21/2, Thường trực Tỉnh ủy họp cho ý kiến về cao tốc Hạ Long - Hải Phòng.\n";
    let f = facts_of(raw);
    assert_eq!(f.province.as_deref(), None);
    // A place after a dash with no route before it still counts.
    let raw = "Giao ban Thường trực Tỉnh ủy\n\nNgày 21/2, Thường trực Tỉnh ủy họp tại Văn phòng - Hải Phòng.\n";
    let f = facts_of(raw);
    assert_eq!(f.province.as_deref(), Some("Hải Phòng"));
}

#[test]
fn a_district_after_its_abbreviated_kind_names_its_province() {
    for place in [
        "TX Đông Triều",
        "TX. Đông Triều",
        "H. Tiên Yên",
        "thị xã Đông Triều",
    ] {
        let raw = format!(
            "Giao ban Thường trực Tỉnh ủy\n\nNgày 21/2, Thường trực Tỉnh ủy họp cho ý kiến về dự án tại {place}.\n"
        );
        let f = facts_of(&raw);
        assert_eq!(f.province.as_deref(), Some("Quảng Ninh"), "{place}");
    }
    // A lone capital and a period is no kind of place.
    let raw = "Giao ban Thường trực Tỉnh ủy\n\nNgày 21/2, Thường trực Tỉnh ủy họp cho ý kiến về dự án của ông A. Tiên Yên.\n";
    assert_eq!(facts_of(raw).province, None);
}

#[test]
fn a_photo_credit_right_after_a_name_is_not_part_of_it() {
    let f = facts_of(&page(
        "Sáng 14/4, Ban Thường vụ Tỉnh ủy họp. Bí thư Tỉnh ủy Lê Văn Minh chủ trì hội nghị. Bí thư Tỉnh ủy Lê Văn Minh tặng hoa chúc mừng ông Trần Quốc Bảo Ảnh: Thanh Lộc",
    ));
    let people = names(&f);
    assert!(people.contains(&"Trần Quốc Bảo".to_string()), "{people:?}");
    assert!(
        !people.iter().any(|n| n.contains("Ảnh") || n == "Thanh Lộc"),
        "{people:?}"
    );
}

#[test]
fn a_birth_year_and_ethnicity_before_the_titles_are_passed_over() {
    let f = facts_of(&page(
        "Sáng 14/4, Ban Thường vụ Tỉnh ủy họp. Đồng chí Triệu Văn Lâm, sinh năm 1968, dân tộc Dao, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh dự họp.",
    ));
    assert_eq!(
        positions(&f, "Triệu Văn Lâm"),
        vec!["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"]
    );
}

#[test]
fn a_plural_title_before_two_names_is_each_ones() {
    let f = facts_of(&page(
        "Sáng 14/4, HĐND tỉnh khai mạc kỳ họp thứ 12. Các Phó Chủ tịch HĐND tỉnh Trần Xuân Vinh và Nguyễn Công Thanh chủ trì kỳ họp.",
    ));
    for n in ["Trần Xuân Vinh", "Nguyễn Công Thanh"] {
        assert_eq!(positions(&f, n), vec!["Phó Chủ tịch HĐND tỉnh"], "{n}");
    }
}

#[test]
fn a_byline_after_the_end_mark_on_the_last_line() {
    let f = facts_of(&page(
        "Sáng 14/4, Ban Thường vụ Tỉnh ủy họp cho ý kiến các nội dung quan trọng của tỉnh. Bí thư Tỉnh ủy Lê Văn Minh chủ trì hội nghị.\n\nHội nghị thống nhất các nội dung trình Ban Chấp hành Đảng bộ tỉnh./. Phạm Văn Tiếp (TTXVN/Vietnam+)",
    ));
    assert_eq!(f.authors, vec!["Phạm Văn Tiếp"]);
}

#[test]
fn a_byline_of_an_initial_and_a_name_in_capitals_or_of_initials() {
    for (byline, name) in [
        ("B. LIỄU", "B. LIỄU"),
        ("T. Hương", "T. Hương"),
        ("N.H", "N.H"),
        ("X.T.", "X.T"),
        ("Đ.T.L", "Đ.T.L"),
    ] {
        let f = facts_of(&page(&format!(
            "Sáng 14/4, Ban Thường vụ Tỉnh ủy họp cho ý kiến các nội dung quan trọng của tỉnh. Bí thư Tỉnh ủy Lê Văn Minh chủ trì hội nghị.\n\n{byline}"
        )));
        assert_eq!(f.authors, vec![name], "{byline}");
    }
}

/// Who compiled a story ("T/h:", "TH:", "Tổng hợp:") signs it as a writer
/// does.
#[test]
fn a_byline_of_who_compiled_the_story() {
    for label in ["T/h:", "T/H:", "TH:", "Tổng hợp:"] {
        let f = facts_of(&page(&format!(
            "Sáng 14/4, Ban Thường vụ Tỉnh ủy họp cho ý kiến các nội dung quan trọng của tỉnh. Bí thư Tỉnh ủy Lê Văn Minh chủ trì hội nghị.\n\n{label} Xuân Hạnh"
        )));
        assert_eq!(f.authors, vec!["Xuân Hạnh"], "{label}");
        assert_eq!(names(&f), ["Lê Văn Minh"], "{label}");
    }
}
