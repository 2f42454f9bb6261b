//! The right titles on the right person, each with its province, and only
//! the people who were at the meeting: one small article per layout.

mod common;

use common::{facts_of, names};
use tinhuy::extract::{ArticleFacts, Position};

/// A page with a headline, a stamp and the given body.
fn page(body: &str) -> String {
    format!(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh Bình Thuận lần thứ 9\n\nThứ 3, 14/04/2020 | 09:10\n\n{body}\n"
    )
}

fn details<'a>(f: &'a ArticleFacts, name: &str) -> &'a [Position] {
    &f.people
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} not found among {:?}", names(f)))
        .positions
}

/// The posts held when the meeting began, as the JSON `positions` lists them.
fn held(f: &ArticleFacts, name: &str) -> Vec<String> {
    details(f, name)
        .iter()
        .filter(|p| !p.conferred)
        .map(|p| p.title.clone())
        .collect()
}

fn json_positions(f: &ArticleFacts, name: &str) -> Vec<String> {
    let v = serde_json::to_value(f).unwrap();
    let people = v["people"].as_array().unwrap();
    let p = people.iter().find(|p| p["name"] == name).unwrap();
    p["positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn titles_dash_name_persons_split_by_commas() {
    let f = facts_of(&page(
        "Sáng 14/4, Ban Chấp hành Đảng bộ tỉnh Bình Thuận khóa XIV họp. UVTW Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh – Lâm Quốc Khải, Phó Bí thư Thường trực Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh - Đặng Minh Tú, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh – Hà Văn Lộc chủ trì hội nghị.",
    ));
    assert_eq!(
        held(&f, "Lâm Quốc Khải"),
        vec!["UVTW Đảng", "Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]
    );
    assert_eq!(
        held(&f, "Đặng Minh Tú"),
        vec!["Phó Bí thư Thường trực Tỉnh ủy", "Trưởng Đoàn ĐBQH tỉnh"]
    );
    assert_eq!(
        held(&f, "Hà Văn Lộc"),
        vec!["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]
    );
}

#[test]
fn a_post_held_now_after_hien_la_or_dang_la() {
    let f = facts_of(&page(
        "Sáng 14/4, hội nghị khai mạc. Ông Trần Quốc Hưng, hiện là Giám đốc Sở Tài chính, báo cáo. Ông Lê Minh Tâm hiện đang là Phó Chủ nhiệm Ủy ban về các vấn đề xã hội của Quốc hội. Bà Vũ Thị Lan đang là Trưởng Ban Dân vận Tỉnh ủy. Ông Hồ Văn Khải từng là Chủ tịch UBND huyện. Ông Đinh Công Sơn sẽ là Bí thư Huyện ủy Tuy Phong.",
    ));
    assert_eq!(held(&f, "Trần Quốc Hưng"), vec!["Giám đốc Sở Tài chính"]);
    assert_eq!(
        held(&f, "Lê Minh Tâm"),
        vec!["Phó Chủ nhiệm Ủy ban về các vấn đề xã hội của Quốc hội"]
    );
    assert_eq!(held(&f, "Vũ Thị Lan"), vec!["Trưởng Ban Dân vận Tỉnh ủy"]);
    // A post once held, or one to come, is not held now.
    assert!(held(&f, "Hồ Văn Khải").is_empty());
    assert!(held(&f, "Đinh Công Sơn").is_empty());
}

#[test]
fn a_counted_title_before_a_name_is_no_post_of_it() {
    let f = facts_of(&page(
        "Sáng 14/4, hội nghị bầu Ủy ban Kiểm tra Tỉnh ủy gồm 13 ủy viên, bà Lường Thị Hoa làm Chủ nhiệm. Trưởng Ban Tổ chức Tỉnh ủy, đồng chí Trần Văn Minh, công bố kết quả.",
    ));
    assert!(held(&f, "Lường Thị Hoa").is_empty());
    // Not counted: the title set off before the name is the name's.
    assert_eq!(
        held(&f, "Trần Văn Minh"),
        vec!["Trưởng Ban Tổ chức Tỉnh ủy"]
    );
}

#[test]
fn name_dash_title_stays_name_first() {
    let f = facts_of(&page(
        "Dự hội nghị có đồng chí Lâm Quốc Khải - Bí thư Tỉnh ủy, đồng chí Đặng Minh Tú - Phó Bí thư Tỉnh ủy.",
    ));
    assert_eq!(held(&f, "Lâm Quốc Khải"), vec!["Bí thư Tỉnh ủy"]);
    assert_eq!(held(&f, "Đặng Minh Tú"), vec!["Phó Bí thư Tỉnh ủy"]);
}

#[test]
fn distributive_titles_before_a_colon() {
    let f = facts_of(&page(
        "Dự buổi làm việc có các đồng chí Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng: Chủ nhiệm Ủy ban Kiểm tra Trung ương Trịnh Văn Bảo, Trưởng ban Tổ chức Trung ương Lương Thị Hoa; Ủy viên Trung ương Đảng, Chánh Văn phòng Trung ương Đảng Mai Xuân Đức.",
    ));
    assert_eq!(
        held(&f, "Trịnh Văn Bảo"),
        vec![
            "Ủy viên Bộ Chính trị",
            "Bí thư Trung ương Đảng",
            "Chủ nhiệm Ủy ban Kiểm tra Trung ương"
        ]
    );
    assert_eq!(
        held(&f, "Lương Thị Hoa"),
        vec![
            "Ủy viên Bộ Chính trị",
            "Bí thư Trung ương Đảng",
            "Trưởng ban Tổ chức Trung ương"
        ]
    );
    assert_eq!(
        held(&f, "Mai Xuân Đức"),
        vec!["Ủy viên Trung ương Đảng", "Chánh Văn phòng Trung ương Đảng"]
    );
}

#[test]
fn plural_lead_in_shared_by_names() {
    let f = facts_of(&page(
        "Cùng dự có các đồng chí Phó Bí thư Tỉnh ủy: Lâm Quốc Khải, Đặng Minh Tú, Hà Văn Lộc.",
    ));
    for n in ["Lâm Quốc Khải", "Đặng Minh Tú", "Hà Văn Lộc"] {
        assert_eq!(held(&f, n), vec!["Phó Bí thư Tỉnh ủy"], "{n}");
    }
}

#[test]
fn semicolon_inside_one_persons_titles() {
    let f = facts_of(&page(
        "Các đồng chí: Lâm Quốc Khải, Ủy viên Bộ Chính trị; Bí thư Trung ương Đảng, Trưởng Ban Kinh tế Trung ương; Đặng Minh Tú, Phó Bí thư Tỉnh ủy đồng chủ trì.",
    ));
    assert_eq!(
        held(&f, "Lâm Quốc Khải"),
        vec![
            "Ủy viên Bộ Chính trị",
            "Bí thư Trung ương Đảng",
            "Trưởng Ban Kinh tế Trung ương"
        ]
    );
    assert_eq!(held(&f, "Đặng Minh Tú"), vec!["Phó Bí thư Tỉnh ủy"]);
}

#[test]
fn steering_committee_titles_keep_their_remit() {
    let f = facts_of(&page(
        "Đồng chí Lâm Quốc Khải, Phó trưởng BCĐ Trung ương về tổng kết 10 năm thực hiện Nghị quyết (NQ) 12 đồng chủ trì.",
    ));
    assert_eq!(
        held(&f, "Lâm Quốc Khải"),
        vec!["Phó trưởng BCĐ Trung ương về tổng kết 10 năm thực hiện Nghị quyết (NQ) 12"]
    );
}

#[test]
fn whole_titles_of_national_bodies() {
    let f = facts_of(&page(
        "Đồng chí Lương Thị Hoa, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư dự hội nghị. Đồng chí Trịnh Văn Bảo, Ủy viên Ban Chấp hành Trung ương Đảng, Chủ tịch Tổng Liên đoàn Lao động Việt Nam phát biểu. Đồng chí Mai Xuân Đức, Tổng Biên tập Tạp chí Cộng sản cũng có mặt.",
    ));
    assert_eq!(
        held(&f, "Lương Thị Hoa"),
        vec!["Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư"]
    );
    assert_eq!(
        held(&f, "Trịnh Văn Bảo"),
        vec![
            "Ủy viên Ban Chấp hành Trung ương Đảng",
            "Chủ tịch Tổng Liên đoàn Lao động Việt Nam"
        ]
    );
    assert_eq!(
        held(&f, "Mai Xuân Đức"),
        vec!["Tổng Biên tập Tạp chí Cộng sản"]
    );
}

#[test]
fn typo_in_a_title_does_not_break_the_list() {
    let f = facts_of(&page(
        "Chủ trì hội nghị có các đồng chí: Lâm Quốc Khải, Bí thư Thành ủy; Đặng Minh Tú, Phó Bí Thành ủy, Chủ tịch Ủy ban MTTQ Việt Nam TP; Hà Văn Lộc, Phó Bí thư Thành ủy.",
    ));
    assert_eq!(
        held(&f, "Đặng Minh Tú"),
        vec!["Phó Bí Thành ủy", "Chủ tịch Ủy ban MTTQ Việt Nam TP"]
    );
    assert_eq!(held(&f, "Hà Văn Lộc"), vec!["Phó Bí thư Thành ủy"]);
}

#[test]
fn another_provinces_name_stays_in_the_title() {
    let f = facts_of(&page(
        "Sáng 14/4, tại tỉnh Bình Thuận, Ban Thường vụ Tỉnh ủy Bình Thuận tiếp đoàn công tác. Đồng chí Lâm Quốc Khải, Bí thư Tỉnh ủy Bình Thuận chủ trì. Đồng chí Đặng Minh Tú, Bí thư Tỉnh ủy, Trưởng đoàn Đại biểu Quốc hội tỉnh Thái Nguyên dẫn đầu đoàn. Tỉnh Bình Thuận cảm ơn đoàn.",
    ));
    assert_eq!(f.province.as_deref(), Some("Bình Thuận"));
    assert_eq!(
        held(&f, "Đặng Minh Tú"),
        vec![
            "Bí thư Tỉnh ủy",
            "Trưởng đoàn Đại biểu Quốc hội tỉnh Thái Nguyên"
        ]
    );
    let tu = details(&f, "Đặng Minh Tú");
    assert_eq!(tu[1].province.as_deref(), Some("Thái Nguyên"));
    // The host's own name may be dropped; the post is still the host's.
    let khai = details(&f, "Lâm Quốc Khải");
    assert_eq!(khai[0].title, "Bí thư Tỉnh ủy");
    assert_eq!(khai[0].province.as_deref(), Some("Bình Thuận"));
}

#[test]
fn central_posts_have_no_province() {
    let f = facts_of(&page(
        "Sáng 14/4, Ban Thường vụ Tỉnh ủy Bình Thuận họp. Đồng chí Lương Thị Hoa, Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương dự. Đồng chí Lâm Quốc Khải, Bí thư Tỉnh ủy chủ trì.",
    ));
    assert_eq!(f.province.as_deref(), Some("Bình Thuận"));
    assert!(
        details(&f, "Lương Thị Hoa")
            .iter()
            .all(|p| p.province.is_none())
    );
    assert_eq!(
        details(&f, "Lâm Quốc Khải")[0].province.as_deref(),
        Some("Bình Thuận")
    );
}

#[test]
fn former_posts_are_marked() {
    let f = facts_of(&page(
        "Trước khi được điều động về tỉnh, ông Lâm Quốc Khải là Ủy viên Trung ương Đảng, Phó trưởng Ban Dân vận Trung ương, nguyên Bí thư Tỉnh ủy Bà Rịa – Vũng Tàu.",
    ));
    let p = details(&f, "Lâm Quốc Khải");
    let former: Vec<(&str, bool)> = p.iter().map(|x| (x.title.as_str(), x.former)).collect();
    assert_eq!(
        former,
        vec![
            ("Ủy viên Trung ương Đảng", false),
            ("Phó trưởng Ban Dân vận Trung ương", false),
            ("nguyên Bí thư Tỉnh ủy Bà Rịa – Vũng Tàu", true),
        ]
    );
}

#[test]
fn conferred_posts_are_marked_and_left_out_of_positions() {
    let f = facts_of(&page(
        "Bộ Chính trị chỉ định đồng chí Lâm Quốc Khải, Tổng Biên tập Tạp chí Cộng sản giữ chức vụ Bí thư Tỉnh ủy Bình Thuận nhiệm kỳ 2020-2025.",
    ));
    let p = details(&f, "Lâm Quốc Khải");
    let marks: Vec<(&str, bool)> = p.iter().map(|x| (x.title.as_str(), x.conferred)).collect();
    assert_eq!(
        marks,
        vec![
            ("Tổng Biên tập Tạp chí Cộng sản", false),
            ("Bí thư Tỉnh ủy Bình Thuận nhiệm kỳ 2020-2025", true)
        ]
    );
    assert_eq!(
        json_positions(&f, "Lâm Quốc Khải"),
        vec!["Tổng Biên tập Tạp chí Cộng sản"]
    );
    // The JSON form reads back to the same facts.
    let back: ArticleFacts = serde_json::from_str(&serde_json::to_string(&f).unwrap()).unwrap();
    assert_eq!(back.people, f.people);
}

#[test]
fn relieved_post_is_not_a_new_one() {
    let f = facts_of(&page(
        "Bộ Chính trị quyết định đồng chí Lâm Quốc Khải, Ủy viên Ban Chấp hành Trung ương Đảng, Chủ tịch Hội Nông dân Việt Nam thôi giữ chức Bí thư Đảng đoàn Hội Nông dân Việt Nam.",
    ));
    assert_eq!(
        held(&f, "Lâm Quốc Khải"),
        vec![
            "Ủy viên Ban Chấp hành Trung ương Đảng",
            "Chủ tịch Hội Nông dân Việt Nam"
        ]
    );
}

#[test]
fn people_of_an_earlier_day_are_not_attendees() {
    let f = facts_of(&page(
        "Sáng 14/4, Tỉnh ủy tổ chức trao quyết định cho đồng chí Lâm Quốc Khải, Phó Bí thư Tỉnh ủy. Trước đó, ngày 10.4, ông Đặng Minh Tú, Chủ tịch UBND tỉnh, ký quyết định điều động ông Lâm Quốc Khải.",
    ));
    assert_eq!(names(&f), vec!["Lâm Quốc Khải"]);
}

#[test]
fn a_roster_to_come_is_not_attendance() {
    let f = facts_of(&page(
        "Sáng 14/4, đồng chí Lâm Quốc Khải nhận quyết định. Sau khi được kiện toàn, Thường trực Tỉnh ủy sẽ gồm 3 người: Bí thư Tỉnh ủy Lâm Quốc Khải và 2 Phó bí thư là ông Đặng Minh Tú (Chủ tịch UBND tỉnh), ông Hà Văn Lộc.",
    ));
    assert_eq!(names(&f), vec!["Lâm Quốc Khải"]);
}

#[test]
fn second_story_of_a_listing_page_is_left_out() {
    let raw = "Sáng 01.12, Ban Thường vụ Tỉnh ủy Bình Thuận tổ chức hội nghị tiếp xúc, đối thoại với Nhân dân. Đồng chí Lâm Quốc Khải, Bí thư Tỉnh ủy chủ trì hội nghị; cùng dự có các sở, ngành và đông đảo người dân trên địa bàn tỉnh.\nTố Tuấn\nSáng 28.11, Tỉnh đoàn tổ chức chương trình an sinh xã hội. Tham dự chương trình có Phó Bí thư Tỉnh ủy Đặng Minh Tú.\nTố Tuấn";
    let f = facts_of(raw);
    assert_eq!(names(&f), vec!["Lâm Quốc Khải"]);
}

#[test]
fn term_is_part_of_a_title_as_written() {
    let f = facts_of(&page(
        "Dự hội nghị có đồng chí Lâm Quốc Khải, Ủy viên Ban Thường vụ Tỉnh ủy khóa XVII, Trưởng Ban Tổ chức Tỉnh ủy; đồng chí Đặng Minh Tú, Phó Bí thư Tỉnh ủy Bình Thuận khoá 16; đồng chí Hà Văn Lộc, Bí thư Tỉnh ủy nhiệm kỳ 2015-2020.",
    ));
    assert_eq!(
        held(&f, "Lâm Quốc Khải"),
        vec![
            "Ủy viên Ban Thường vụ Tỉnh ủy khóa XVII",
            "Trưởng Ban Tổ chức Tỉnh ủy"
        ]
    );
    // The province inside stays in the text and is the post's place.
    let tu = details(&f, "Đặng Minh Tú");
    assert_eq!(tu[0].title, "Phó Bí thư Tỉnh ủy Bình Thuận khoá 16");
    assert_eq!(tu[0].province.as_deref(), Some("Bình Thuận"));
    assert_eq!(
        held(&f, "Hà Văn Lộc"),
        vec!["Bí thư Tỉnh ủy nhiệm kỳ 2015-2020"]
    );
}

#[test]
fn a_delegations_constituency_and_an_abbreviation_in_parentheses() {
    let f = facts_of(&page(
        "Dự hội nghị có đồng chí Lâm Quốc Khải, Trưởng Đoàn ĐBQH khóa XV, đơn vị tỉnh Ninh Thuận; đồng chí Đặng Minh Tú, Trưởng Đoàn đại biểu Quốc hội đơn vị tỉnh Ninh Thuận; đồng chí Hà Văn Lộc, Phó Trưởng Đoàn đại biểu Quốc hội (ĐBQH) tỉnh.",
    ));
    let khai = details(&f, "Lâm Quốc Khải");
    // The page is of Bình Thuận: another province stays in the title.
    assert_eq!(f.province.as_deref(), Some("Bình Thuận"));
    assert_eq!(
        khai[0].title,
        "Trưởng Đoàn ĐBQH khóa XV, đơn vị tỉnh Ninh Thuận"
    );
    assert_eq!(khai[0].province.as_deref(), Some("Ninh Thuận"));
    assert_eq!(
        held(&f, "Đặng Minh Tú"),
        vec!["Trưởng Đoàn đại biểu Quốc hội đơn vị tỉnh Ninh Thuận"]
    );
    assert_eq!(
        held(&f, "Hà Văn Lộc"),
        vec!["Phó Trưởng Đoàn đại biểu Quốc hội (ĐBQH) tỉnh"]
    );
}

#[test]
fn whole_names_of_bodies_and_departments() {
    let f = facts_of(&page(
        "Dự hội nghị có bà Trần Thị Hoa - Bí thư Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh; ông Lê Văn Nam – Viện trưởng VKSND Tối cao; ông Phạm Văn Bình – Trưởng phòng Tuyên truyền và Xuất bản Ban Tuyên giáo Tỉnh ủy; ông Võ Văn Thành, Phó Trưởng Ban chỉ đạo đại hội, chủ trì buổi làm việc.",
    ));
    assert_eq!(
        held(&f, "Trần Thị Hoa"),
        vec!["Bí thư Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh"]
    );
    assert_eq!(held(&f, "Lê Văn Nam"), vec!["Viện trưởng VKSND Tối cao"]);
    assert_eq!(
        held(&f, "Phạm Văn Bình"),
        vec!["Trưởng phòng Tuyên truyền và Xuất bản Ban Tuyên giáo Tỉnh ủy"]
    );
    assert_eq!(
        held(&f, "Võ Văn Thành"),
        vec!["Phó Trưởng Ban chỉ đạo đại hội"]
    );
}

#[test]
fn where_a_liaison_board_sits_is_part_of_its_name() {
    let f = facts_of(&page(
        "Dự hội nghị có ông Lê Văn Nam, nguyên Bí thư Tỉnh ủy Bình Thuận, Trưởng Ban liên lạc Hội đồng hương Bình Thuận tại Hà Nội; ông Phạm Văn Bình, Bí thư Tỉnh ủy tại hội nghị.",
    ));
    assert_eq!(
        held(&f, "Lê Văn Nam"),
        vec![
            "nguyên Bí thư Tỉnh ủy",
            "Trưởng Ban liên lạc Hội đồng hương Bình Thuận tại Hà Nội"
        ]
    );
    assert_eq!(held(&f, "Phạm Văn Bình"), vec!["Bí thư Tỉnh ủy"]);
}

#[test]
fn a_head_cut_off_without_its_body_is_no_title() {
    let f = facts_of(&page(
        "Bộ Chính trị điều động ông Lâm Quốc Khải, Ủy viên Trung ương Đảng, Phó Trưởng",
    ));
    assert_eq!(held(&f, "Lâm Quốc Khải"), vec!["Ủy viên Trung ương Đảng"]);
}

#[test]
fn name_shapes_of_minorities_capitals_and_doubles() {
    let f = facts_of(&page(
        "Chủ trì hội nghị có các đồng chí: Y Thanh Hà Niê Kđăm, Bí thư Tỉnh ủy; Sùng A Lềnh, Phó Bí thư Tỉnh ủy. Đồng chí Trần Văn Hùng Trần Văn Hùng, Chủ tịch UBND tỉnh, phát biểu. Dự có các ông: Chá A Của; Lò Văn Tiến.\n\nBí thư Thị ủy, Chủ tịch UBND thị xã Đức Phổ NGUYỄN VĂN HẢI",
    ));
    assert_eq!(
        names(&f),
        vec![
            "Y Thanh Hà Niê Kđăm",
            "Sùng A Lềnh",
            "Trần Văn Hùng",
            "Chá A Của",
            "Lò Văn Tiến",
            "NGUYỄN VĂN HẢI"
        ]
    );
    assert_eq!(f.chairs, vec!["Y Thanh Hà Niê Kđăm", "Sùng A Lềnh"]);
    assert_eq!(held(&f, "Trần Văn Hùng"), vec!["Chủ tịch UBND tỉnh"]);
    assert_eq!(
        held(&f, "NGUYỄN VĂN HẢI"),
        vec!["Bí thư Thị ủy", "Chủ tịch UBND thị xã Đức Phổ"]
    );
}

#[test]
fn an_aside_between_a_name_and_its_titles() {
    let f = facts_of(&page(
        "Đồng chí Lâm Quốc Khải (bên phải), Phó Bí thư Tỉnh ủy dự và chủ trì hội nghị. Hội nghị bầu đồng chí Đặng Minh Tú (sinh năm 1970), Trưởng Ban Nội chính Tỉnh ủy giữ chức Phó Bí thư Tỉnh ủy. Ông Hà Văn Lộc, 52 tuổi, Chủ tịch UBND tỉnh, phát biểu.",
    ));
    assert_eq!(held(&f, "Lâm Quốc Khải"), vec!["Phó Bí thư Tỉnh ủy"]);
    assert_eq!(f.chairs, vec!["Lâm Quốc Khải"]);
    assert_eq!(
        held(&f, "Đặng Minh Tú"),
        vec!["Trưởng Ban Nội chính Tỉnh ủy"]
    );
    assert_eq!(held(&f, "Hà Văn Lộc"), vec!["Chủ tịch UBND tỉnh"]);
}

#[test]
fn chairs_listed_after_the_group_honorific_or_the_chairing_body() {
    let f = facts_of(&page(
        "Các đồng chí Lâm Quốc Khải – Bí thư Tỉnh ủy; Đặng Minh Tú – Phó Bí thư Thường trực Tỉnh ủy và đồng chí Hà Văn Lộc – Chủ tịch UBND tỉnh chủ trì hội nghị.",
    ));
    assert_eq!(
        f.chairs,
        vec!["Lâm Quốc Khải", "Đặng Minh Tú", "Hà Văn Lộc"]
    );
    assert_eq!(held(&f, "Lâm Quốc Khải"), vec!["Bí thư Tỉnh ủy"]);
    let f = facts_of(&page(
        "Hội nghị do Thường trực Đảng ủy xã chủ trì, gồm các đồng chí: Trần Thị Hoa, Bí thư Đảng ủy; Lê Văn Nam, Phó Bí thư Đảng ủy. Dự có các ông Phạm Văn Bình, Võ Văn Thành.",
    ));
    assert_eq!(f.chairs, vec!["Trần Thị Hoa", "Lê Văn Nam"]);
    // The names listed after a group's honorific attended, titles or not.
    assert_eq!(
        names(&f),
        vec![
            "Trần Thị Hoa",
            "Lê Văn Nam",
            "Phạm Văn Bình",
            "Võ Văn Thành"
        ]
    );
}

#[test]
fn background_and_recalled_words_are_not_attendance() {
    let f = facts_of(&page(
        "Sáng 14/4, Tỉnh ủy tổ chức hội nghị công bố quyết định. Dự hội nghị có đồng chí Lâm Quốc Khải, Bí thư Tỉnh ủy. Đồng chí Lâm Quốc Khải nhấn mạnh, như nhận xét của Phó Thủ tướng Trần Văn Sơn tại buổi làm việc chiều 14/3, tỉnh đã làm tốt.\n\nTrước đó, ông Đặng Minh Tú đã có đơn xin thôi giữ chức. Bộ Chính trị đồng ý để ông Đặng Minh Tú nghỉ.\n\nÔng Đặng Minh Tú. Ảnh: Báo tỉnh\n\nPhát biểu kết luận của đồng chí Hà Văn Lộc, Phó Bí thư Tỉnh ủy tại hội nghị được đăng tải.",
    ));
    assert_eq!(names(&f), vec!["Lâm Quốc Khải", "Hà Văn Lộc"]);
}

#[test]
fn a_post_called_new_is_conferred_and_a_held_post_stays_beside_it() {
    let f = facts_of(&page(
        "Hội nghị bầu đồng chí Lâm Quốc Khải, Phó Bí thư Tỉnh ủy giữ chức Phó Bí thư Tỉnh ủy Bình Thuận khóa XV. Tân Bí thư Tỉnh ủy Đặng Minh Tú phát biểu.",
    ));
    assert_eq!(held(&f, "Lâm Quốc Khải"), vec!["Phó Bí thư Tỉnh ủy"]);
    assert!(held(&f, "Đặng Minh Tú").is_empty());
    assert!(details(&f, "Đặng Minh Tú")[0].conferred);
}

#[test]
fn a_delegations_posts_are_held_in_its_province() {
    let f = facts_of(&page(
        "Sáng 14/4, tỉnh Bình Thuận tổ chức lễ công bố. Về phía tỉnh Ninh Thuận có các đồng chí: Đặng Minh Tú-Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh. Đồng chí Lâm Quốc Khải, Bí thư Tỉnh ủy Bình Thuận phát biểu. Tỉnh Bình Thuận cảm ơn.",
    ));
    assert_eq!(f.province.as_deref(), Some("Bình Thuận"));
    let tu = details(&f, "Đặng Minh Tú");
    assert_eq!(tu.len(), 2);
    assert!(
        tu.iter()
            .all(|p| p.province.as_deref() == Some("Ninh Thuận"))
    );
}

#[test]
fn abbreviated_district_with_its_province_in_parentheses() {
    let f = facts_of(&page(
        "Tỉnh ủy tiếp nhận ông Đặng Minh Tú, Ủy viên Ban Thường vụ Quận ủy, Phó chủ tịch UBND Q.Tân Bình (TP.HCM), về công tác.",
    ));
    assert_eq!(
        held(&f, "Đặng Minh Tú"),
        vec![
            "Ủy viên Ban Thường vụ Quận ủy",
            "Phó chủ tịch UBND Q.Tân Bình (TP.HCM)"
        ]
    );
}

#[test]
fn commune_and_ward_posts() {
    let f = facts_of(&page(
        "Đồng chí Trần Văn Hùng, Tỉnh ủy viên, Bí thư Đảng ủy xã Tân Phú chủ trì. Dự có Bí thư Đảng ủy phường Bình Minh Nguyễn Hữu Lộc; đồng chí Hoàng Văn Tư - Ủy viên Ban Thường vụ Đảng ủy, Trưởng Ban Xây dựng Đảng Đảng ủy xã.",
    ));
    assert_eq!(
        held(&f, "Trần Văn Hùng"),
        vec!["Tỉnh ủy viên", "Bí thư Đảng ủy xã Tân Phú"]
    );
    assert_eq!(
        held(&f, "Nguyễn Hữu Lộc"),
        vec!["Bí thư Đảng ủy phường Bình Minh"]
    );
    assert_eq!(
        held(&f, "Hoàng Văn Tư"),
        vec![
            "Ủy viên Ban Thường vụ Đảng ủy",
            "Trưởng Ban Xây dựng Đảng Đảng ủy xã"
        ]
    );
}

#[test]
fn place_names_listed_after_a_kind_of_place_are_not_people() {
    let f = facts_of(&page(
        "Sáng 13/4, đồng chí Trần Văn Lộc, Bí thư Tỉnh ủy chủ trì hội nghị. Thu ngân sách \
         trên địa bàn các xã Đồng Hưng, Lê Lợi và Hoàng Xá tăng 30%; phường Bắc Sơn, Võ Cường \
         đạt chỉ tiêu.",
    ));
    assert_eq!(names(&f), ["Trần Văn Lộc"]);
}

#[test]
fn on_a_page_of_teasers_only_the_meetings_people_attended() {
    let f = facts_of(
        "Tin hoạt động\n\n\
         Chiều 7/4, đồng chí Lê Văn Khải, Phó Chủ tịch UBND tỉnh chủ trì lễ ký kết chương trình phối hợp.\n\n\
         Chiều 5/4, đồng chí Đỗ Minh Quang, Chủ tịch UBND tỉnh chủ trì buổi đối thoại với thanh niên.\n\n\
         Sáng 3/4, đồng chí Hà Thị Liên, Bí thư Tỉnh ủy chủ trì hội nghị Ban Thường vụ Tỉnh ủy cho ý kiến dự thảo quy chế.\n\n\
         Sáng 2/4, Bộ trưởng Vũ Đức Thành thăm và làm việc với tỉnh.\n",
    );
    assert_eq!(names(&f), ["Hà Thị Liên"]);
}

#[test]
fn who_sent_flowers_of_congratulation_did_not_attend() {
    let f = facts_of(&page(
        "Sáng 14/4, đồng chí Lâm Quốc Khải, Bí thư Tỉnh ủy, chủ trì hội nghị. Đồng chí Trần Văn Lâm, Ủy viên Bộ Chính trị, Phó Thủ tướng Chính phủ gửi lẵng hoa chúc mừng hội nghị.",
    ));
    assert_eq!(names(&f), vec!["Lâm Quốc Khải"]);
}

#[test]
fn a_post_held_now_is_not_one_conferred() {
    let f = facts_of(&page(
        "Ban Bí thư chỉ định ông Nguyễn Văn Hà giữ chức Bí thư Tỉnh ủy. Hiện ông Trần Quốc Toàn giữ chức Chủ tịch UBND tỉnh.",
    ));
    assert_eq!(held(&f, "Trần Quốc Toàn"), vec!["Chủ tịch UBND tỉnh"]);
    assert!(held(&f, "Nguyễn Văn Hà").is_empty());
}

/// Rarer family names (Kinh, Dao, Thái) start a name after a title as the
/// common ones do.
#[test]
fn a_rarer_family_name_after_a_title_starts_a_name() {
    let f = facts_of(&page(
        "Chủ tịch UBND tỉnh Lữ Văn Nam, Phó Chủ tịch HĐND tỉnh Doãn Thị Hoa và Trưởng Ban Dân vận Tỉnh ủy Bàn Văn Cường dự hội nghị.",
    ));
    assert_eq!(held(&f, "Lữ Văn Nam"), ["Chủ tịch UBND tỉnh"]);
    assert_eq!(held(&f, "Doãn Thị Hoa"), ["Phó Chủ tịch HĐND tỉnh"]);
    assert_eq!(held(&f, "Bàn Văn Cường"), ["Trưởng Ban Dân vận Tỉnh ủy"]);
}

/// "A", the prefix of Bahnar and Sedang men's names, starts a name after a
/// title chain as "Y" does for Ê Đê ones.
#[test]
fn a_bahnar_name_after_a_title_chain() {
    let f = facts_of(&page(
        "Dự hội nghị có Phó Bí thư Thường trực Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh A Pớt; Phó Chủ tịch UBND tỉnh Y Ngọc.",
    ));
    assert_eq!(
        held(&f, "A Pớt"),
        ["Phó Bí thư Thường trực Tỉnh ủy", "Trưởng Đoàn ĐBQH tỉnh"]
    );
    assert_eq!(held(&f, "Y Ngọc"), ["Phó Chủ tịch UBND tỉnh"]);
}

/// After "Bí thư Huyện ủy" with no district written, a name with a middle
/// name is the person's, not the district's; a district named after a
/// person ("Trần Văn Thời") stays a district.
#[test]
fn a_name_right_after_a_district_post_is_a_person() {
    let f = facts_of(&page(
        "Phó Chủ tịch UBND tỉnh Hồ Văn Bình, Bí thư Huyện ủy Lê Văn Cường cùng dự. Bí thư Huyện ủy Trần Văn Thời Nguyễn Thị Mai phát biểu.",
    ));
    assert_eq!(held(&f, "Hồ Văn Bình"), ["Phó Chủ tịch UBND tỉnh"]);
    assert_eq!(held(&f, "Lê Văn Cường"), ["Bí thư Huyện ủy"]);
    assert_eq!(
        held(&f, "Nguyễn Thị Mai"),
        ["Bí thư Huyện ủy Trần Văn Thời"]
    );
}

/// The one a new secretary replaces was not there: "thay", "thay cho",
/// "thay thế", "thay thế cho" before the name.
#[test]
fn the_one_replaced_did_not_attend() {
    for cue in ["thay", "thay cho", "thay thế", "thay thế cho"] {
        let f = facts_of(&page(&format!(
            "Đồng chí Lê Văn An được bầu làm Bí thư Tỉnh ủy, {cue} ông Trần Công Bình nghỉ hưu theo nguyện vọng."
        )));
        assert_eq!(names(&f), ["Lê Văn An"], "{cue}");
    }
    // "cho" alone is no replacement.
    let f = facts_of(&page(
        "Đồng chí Lê Văn An trao quyết định cho ông Trần Công Bình, Phó Chủ tịch UBND tỉnh.",
    ));
    assert_eq!(names(&f), ["Lê Văn An", "Trần Công Bình"]);
}
