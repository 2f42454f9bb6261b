//! Which province an article is about: the host named in the text, else a
//! district of one, else the outlet's province, else the address's; and
//! where the answer came from.

use tinhuy::extract::{ArticleFacts, ArticleMeta, extract_page_with};
use tinhuy::gazetteer::outlets::{province_in_path, province_of_host, province_of_outlet};
use tinhuy::text::Page;

fn facts(text: &str, meta: ArticleMeta) -> ArticleFacts {
    extract_page_with(&Page::new(text), &meta)
}

fn province(text: &str, meta: ArticleMeta) -> (Option<String>, Option<String>) {
    let f = facts(text, meta);
    (f.province, f.province_from)
}

fn pair(p: &str, from: &str) -> (Option<String>, Option<String>) {
    (Some(p.to_string()), Some(from.to_string()))
}

fn url(u: &str) -> ArticleMeta {
    ArticleMeta {
        url: Some(u.to_string()),
        ..ArticleMeta::default()
    }
}

fn outlet(o: &str) -> ArticleMeta {
    ArticleMeta {
        outlet: Some(o.to_string()),
        ..ArticleMeta::default()
    }
}

/// A meeting story that names no province.
const NO_PROVINCE: &str = "Ban Thường vụ Tỉnh ủy họp phiên thường kỳ tháng 5\n\nSáng 5/5, Ban Thường vụ Tỉnh ủy họp cho ý kiến về nhiều nội dung quan trọng. Đồng chí Lê Văn Tâm, Bí thư Tỉnh ủy chủ trì hội nghị.";

#[test]
fn the_host_not_the_visiting_delegation() {
    let text = "Đoàn công tác Tỉnh ủy Thái Nguyên trao đổi kinh nghiệm\n\nNgày 12/3, Đoàn công tác Tỉnh ủy Thái Nguyên do đồng chí Trịnh Văn An, Bí thư Tỉnh ủy làm trưởng đoàn đã đến thăm và làm việc tại Đồng Nai. Tiếp đoàn có đồng chí Đỗ Văn Bình, Bí thư Tỉnh ủy Đồng Nai.";
    assert_eq!(
        province(text, ArticleMeta::default()),
        pair("Đồng Nai", "text")
    );
}

/// A place written after an official's title, kept as the title's, tells
/// where that official serves: it weighs less than the body that meets.
#[test]
fn the_body_that_meets_not_a_guest_s_post() {
    let text = "Hội nghị Ban Thường vụ Tỉnh ủy\n\nSáng 16/10/2024, Ban Thường vụ Tỉnh ủy Thanh Hóa họp. Tham dự có đồng chí Trần Minh Quang, Bí thư Thành ủy Hà Nội.";
    assert_eq!(
        province(text, ArticleMeta::default()),
        pair("Thanh Hóa", "text")
    );
}

#[test]
fn a_district_gives_its_city() {
    let text = "Hội nghị Ban Chấp hành Đảng bộ thành phố\n\nSáng 7/4, tại Hà Đông, Ban Chấp hành Đảng bộ thành phố khóa XV đã khai mạc hội nghị lần thứ tám.";
    assert_eq!(
        province(text, ArticleMeta::default()),
        pair("Hà Nội", "text")
    );
    let text = "Hội nghị Thành ủy mở rộng\n\nChiều 2/6, tại quận Ninh Kiều, Thành ủy tổ chức hội nghị sơ kết 6 tháng.";
    assert_eq!(
        province(text, ArticleMeta::default()),
        pair("Cần Thơ", "text")
    );
}

#[test]
fn a_named_province_beats_a_district() {
    let text = "Tỉnh ủy Long An làm việc với đoàn công tác\n\nSáng 3/3, Tỉnh ủy Long An làm việc với lãnh đạo quận Tân Bình về hợp tác phát triển.";
    assert_eq!(
        province(text, ArticleMeta::default()),
        pair("Long An", "text")
    );
}

#[test]
fn on_a_tie_the_province_named_first() {
    let text = "Công bố quyết định hợp nhất hai tỉnh\n\nVề phía tỉnh Gia Lai có các đồng chí lãnh đạo tỉnh. Về phía tỉnh Bình Định có các đồng chí lãnh đạo tỉnh.";
    assert_eq!(
        province(text, ArticleMeta::default()).0.as_deref(),
        Some("Gia Lai")
    );
}

#[test]
fn the_outlet_when_the_text_names_none() {
    assert_eq!(province(NO_PROVINCE, ArticleMeta::default()), (None, None));
    assert_eq!(
        province(NO_PROVINCE, outlet("Báo Sơn La")),
        pair("Sơn La", "outlet")
    );
    assert_eq!(
        province(NO_PROVINCE, outlet("baothanhhoa.vn")),
        pair("Thanh Hóa", "outlet")
    );
    let prefixed = format!("(Baohatinh.vn) - {NO_PROVINCE}");
    let (p, from) = province(&prefixed, ArticleMeta::default());
    assert_eq!(
        (p.as_deref(), from.as_deref()),
        (Some("Hà Tĩnh"), Some("outlet"))
    );
    let credited = format!("{NO_PROVINCE}\n\nNguồn: Báo Sơn La");
    assert_eq!(
        province(&credited, ArticleMeta::default()),
        pair("Sơn La", "outlet")
    );
}

#[test]
fn the_address_when_nothing_else_tells() {
    let cases = [
        (
            "https://ubkt.hungyen.dcs.vn/chuyen-muc/hoat-dong.html",
            "Hưng Yên",
        ),
        (
            "https://www.tuyenquang.gov.vn/vi/post/phien-tru-bi?id=1",
            "Tuyên Quang",
        ),
        (
            "https://tinhuybinhphuoc.vn/news/tag/xay-dung/page-8",
            "Bình Phước",
        ),
        ("https://www.danang.gov.vn/web/guest/trang-chu", "Đà Nẵng"),
        (
            "https://baomoi.net.vn/tag/Ph%C3%BA-Y%C3%AAn-34.epi",
            "Phú Yên",
        ),
    ];
    for (u, p) in cases {
        assert_eq!(province(NO_PROVINCE, url(u)), pair(p, "url"), "{u}");
    }
    // A national outlet's address says nothing.
    assert_eq!(
        province(NO_PROVINCE, url("https://vnexpress.net/thoi-su-1.html")),
        (None, None)
    );
}

#[test]
fn the_outlet_weighs_in_between_two_named_provinces() {
    let text = "Hội nghị giao ban khối thi đua\n\nSáng 9/9, Tỉnh ủy Nam Định và Tỉnh ủy Thái Bình tổ chức hội nghị giao ban.";
    assert_eq!(
        province(text, ArticleMeta::default()).0.as_deref(),
        Some("Nam Định")
    );
    assert_eq!(
        province(text, url("https://baothaibinh.com.vn/tin-tuc/1.html")),
        pair("Thái Bình", "text")
    );
}

#[test]
fn hosts_by_pattern_for_every_province() {
    for p in tinhuy::gazetteer::provinces::PROVINCES {
        let slug = tinhuy::gazetteer::outlets::slug(p.name);
        for host in [
            format!("bao{slug}.vn"),
            format!("bao{slug}.com.vn"),
            format!("{slug}.gov.vn"),
            format!("sotuphap.{slug}.gov.vn"),
            format!("{slug}.dcs.vn"),
            format!("tinhuy{slug}.vn"),
        ] {
            assert_eq!(
                province_of_host(&host).map(|x| x.name),
                Some(p.name),
                "{host}"
            );
        }
    }
    assert_eq!(
        province_of_host("hcmcpv.org.vn").unwrap().name,
        "Hồ Chí Minh"
    );
    assert_eq!(
        province_of_host("thanhuytphcm.vn").unwrap().name,
        "Hồ Chí Minh"
    );
    assert_eq!(province_of_host("baodongkhoi.vn").unwrap().name, "Bến Tre");
    assert_eq!(
        province_of_host("thanhphohaiphong.gov.vn").unwrap().name,
        "Hải Phòng"
    );
    for national in [
        "thanhnien.vn",
        "tuoitre.vn",
        "nhandan.vn",
        "baochinhphu.vn",
        "laodong.vn",
        "vietnamplus.vn",
        "baomoi.com",
        "dantri.com.vn",
    ] {
        assert_eq!(
            province_of_host(national).map(|p| p.name),
            None,
            "{national}"
        );
    }
    assert_eq!(
        province_of_outlet("Cổng TTĐT tỉnh Tuyên Quang")
            .unwrap()
            .name,
        "Tuyên Quang"
    );
    assert_eq!(
        province_in_path("https://x.vn/chu-de/thanh-hoa.htm")
            .unwrap()
            .name,
        "Thanh Hóa"
    );
}

#[test]
fn a_commune_of_one_unit_after_the_merger_gives_that_unit() {
    let text = " date 2025-09-20 Hội nghị Ban Chấp hành Đảng bộ xã\n\nNgày 19/9, Đảng ủy xã Tịnh Khê tổ chức Hội nghị sơ kết công tác 9 tháng.";
    assert_eq!(
        province(text, ArticleMeta::default()),
        pair("Quảng Ngãi", "text")
    );
    // A name that goes on is another place: not the district of Hà Nội.
    let text = " date 2025-10-02 Hội nghị Ban Chấp hành Đảng bộ xã\n\nChiều 2/10, Ban Thường vụ Đảng ủy xã Sơn Tây Hạ tổ chức Hội nghị lần thứ 2.";
    assert_eq!(
        province(text, ArticleMeta::default()),
        pair("Quảng Ngãi", "text")
    );
}

#[test]
fn before_the_merger_a_commune_counts_only_in_a_unit_that_absorbed_none() {
    // Names of 2025 wards that no commune bore before.
    let text = " date 2024-05-10 Hội nghị Đảng ủy phường\n\nNgày 9/5, Đảng ủy phường Yên Tử tổ chức hội nghị thường kỳ.";
    assert_eq!(
        province(text, ArticleMeta::default()),
        pair("Quảng Ninh", "text")
    );
    let text = " date 2024-05-10 Hội nghị Đảng ủy xã\n\nNgày 9/5, Đảng ủy xã Ba Gia tổ chức hội nghị thường kỳ.";
    assert_eq!(province(text, ArticleMeta::default()), (None, None));
}

#[test]
fn after_the_merger_a_former_province_is_named_by_its_unit() {
    let text = " date 2025-07-24 Làm việc với các đảng ủy phường\n\nNgày 24/7, Phó Bí thư Thành ủy làm việc với các đảng ủy phường thuộc tỉnh Bình Dương trước đây về chuẩn bị đại hội.";
    assert_eq!(
        province(text, ArticleMeta::default()),
        pair("Hồ Chí Minh", "text")
    );
    let before =
        " date 2024-07-24 Hội nghị Tỉnh ủy\n\nNgày 24/7, Tỉnh ủy Bình Dương tổ chức hội nghị.";
    assert_eq!(
        province(before, ArticleMeta::default()),
        pair("Bình Dương", "text")
    );
    let hue =
        " date 2025-03-10 Hội nghị Tỉnh ủy\n\nNgày 10/3, Tỉnh ủy Thừa Thiên Huế tổ chức hội nghị.";
    assert_eq!(province(hue, ArticleMeta::default()), pair("Huế", "text"));
}

#[test]
fn a_papers_bracketed_tag_names_its_province() {
    let text =
        "(BBNĐT) Ngày 3-3, Tiểu ban Tổ chức phục vụ Đại hội Đảng bộ tỉnh triển khai nhiệm vụ.";
    assert_eq!(
        province(text, ArticleMeta::default()),
        pair("Bắc Ninh", "outlet")
    );
    assert_eq!(
        province_of_outlet("QBĐT").map(|p| p.name),
        Some("Quảng Bình")
    );
    assert_eq!(
        province_of_outlet("BDK.VN").map(|p| p.name),
        Some("Bến Tre")
    );
}

#[test]
fn a_district_of_the_official_list_after_its_kind() {
    let text = " date 2024-12-20 Hội nghị Ban Chấp hành Đảng bộ huyện\n\nNgày 19/12, Ban Thường vụ Huyện ủy Tuy Phong tổ chức hội nghị tổng kết năm.";
    assert_eq!(
        province(text, ArticleMeta::default()),
        pair("Bình Thuận", "text")
    );
    // A town ("thị xã") is not read as a commune of the same name.
    let text = " date 2020-03-20 Chuẩn bị đại hội\n\nThị ủy thị xã Đức Phổ đã ban hành kế hoạch chuẩn bị đại hội đảng các cấp.";
    assert_eq!(
        province(text, ArticleMeta::default()),
        pair("Quảng Ngãi", "text")
    );
}

#[test]
fn a_commune_of_one_province_before_the_merger() {
    let text = " date 2024-01-16 Đại hội điểm\n\nNgày 15/1, Đảng bộ xã Bình Ba tổ chức Đại hội đại biểu lần thứ VII.";
    assert_eq!(
        province(text, ArticleMeta::default()),
        pair("Bà Rịa - Vũng Tàu", "text")
    );
}
