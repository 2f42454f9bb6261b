//! The posts of the simulated world and how a title is written for them.
//!
//! A post is a place on a roster ("Phó Chủ tịch UBND tỉnh", the second of
//! four); its title depends on the unit (province or centrally-run city), the
//! date (boards and departments merged in 2025) and the article's writing
//! style ("UBND" or "Ủy ban nhân dân", "Sở KH&ĐT" or "Sở Kế hoạch và Đầu tư").

use super::rng::Rng;

/// A provincial Party board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ban {
    ToChuc,
    TuyenGiao,
    DanVan,
    NoiChinh,
}

/// A central Party body whose officials visit provinces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BanTw {
    ToChuc,
    TuyenGiao,
    DanVan,
    KinhTe,
    NoiChinh,
    Ubkt,
    VanPhong,
}

/// A provincial department (Sở).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dept {
    KeHoach,
    TaiChinh,
    NoiVu,
    NongNghiep,
    TaiNguyen,
    XayDung,
    GiaoThong,
    CongThuong,
    GiaoDuc,
    YTe,
    LaoDong,
    VanHoa,
    KhoaHoc,
    ThongTin,
    TuPhap,
}

pub const DEPTS: &[Dept] = &[
    Dept::KeHoach,
    Dept::TaiChinh,
    Dept::NoiVu,
    Dept::NongNghiep,
    Dept::TaiNguyen,
    Dept::XayDung,
    Dept::GiaoThong,
    Dept::CongThuong,
    Dept::GiaoDuc,
    Dept::YTe,
    Dept::LaoDong,
    Dept::VanHoa,
    Dept::KhoaHoc,
    Dept::ThongTin,
    Dept::TuPhap,
];

/// A ministry whose minister or deputy may lead a delegation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ministry {
    KeHoach,
    TaiChinh,
    NoiVu,
    NongNghiep,
    XayDung,
    YTe,
    GiaoDuc,
    CongThuong,
}

pub const MINISTRIES: &[Ministry] = &[
    Ministry::KeHoach,
    Ministry::TaiChinh,
    Ministry::NoiVu,
    Ministry::NongNghiep,
    Ministry::XayDung,
    Ministry::YTe,
    Ministry::GiaoDuc,
    Ministry::CongThuong,
];

/// A place on a roster. The declaration order is the order titles are
/// written in ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Post {
    // National leaders: named in teasers and cited documents only.
    TongBiThu,
    ChuTichNuoc,
    ThuTuong,
    ChuTichQuocHoi,
    // Central officials who visit.
    PhoThuTuong(u8),
    TruongBanTw(BanTw),
    BoTruong(Ministry),
    PhoTruongBanTw(BanTw, u8),
    ThuTruong(Ministry, u8),
    VuTruong(BanTw, u8),
    PhoVuTruong(BanTw, u8),
    // Province: Party.
    BiThu,
    PhoBiThuTT,
    PhoBiThu(u8),
    TruongBan(Ban),
    ChuNhiemUbkt,
    ChanhVanPhong,
    // Province: councils, government, front, forces.
    ChuTichHdnd,
    PhoChuTichHdnd(u8),
    ChuTichUbnd,
    PhoChuTichUbndTT,
    PhoChuTichUbnd(u8),
    TruongDoanDbqh,
    ChuTichMttq,
    GiamDocSo(Dept),
    GiamDocCongAn,
    ChiHuyTruong,
    // Below the province.
    BiThuHuyen(u8),
    ChuTichHuyen(u8),
    BiThuXa(u8),
}

impl Post {
    pub fn is_central(self) -> bool {
        matches!(
            self,
            Post::TongBiThu
                | Post::ChuTichNuoc
                | Post::ThuTuong
                | Post::ChuTichQuocHoi
                | Post::PhoThuTuong(_)
                | Post::TruongBanTw(_)
                | Post::BoTruong(_)
                | Post::PhoTruongBanTw(..)
                | Post::ThuTruong(..)
                | Post::VuTruong(..)
                | Post::PhoVuTruong(..)
        )
    }

    /// Members of the provincial standing committee by post, whose title
    /// may be preceded by "Ủy viên Ban Thường vụ Tỉnh ủy".
    pub fn is_standing_member(self) -> bool {
        matches!(
            self,
            Post::TruongBan(_)
                | Post::ChuNhiemUbkt
                | Post::ChanhVanPhong
                | Post::PhoChuTichUbndTT
                | Post::GiamDocCongAn
                | Post::ChiHuyTruong
                | Post::ChuTichMttq
        )
    }

    /// Posts whose holders sit on the provincial Party committee and may be
    /// titled "Tỉnh ủy viên".
    pub fn is_committee_member(self) -> bool {
        matches!(
            self,
            Post::GiamDocSo(_)
                | Post::BiThuHuyen(_)
                | Post::PhoChuTichUbnd(_)
                | Post::PhoChuTichHdnd(_)
        )
    }

    /// Typical tenure in days: the range a new holder's term is drawn from.
    pub fn tenure_days(self) -> (i64, i64) {
        const Y: i64 = 365;
        match self {
            Post::TongBiThu | Post::ChuTichNuoc | Post::ThuTuong | Post::ChuTichQuocHoi => {
                (5 * Y, 10 * Y)
            }
            Post::BiThu | Post::TruongBanTw(_) | Post::BoTruong(_) => (3 * Y, 7 * Y),
            Post::ChuTichUbnd | Post::ChuTichHdnd | Post::PhoThuTuong(_) => (3 * Y, 6 * Y),
            Post::BiThuHuyen(_) | Post::ChuTichHuyen(_) | Post::BiThuXa(_) => (2 * Y, 5 * Y),
            Post::GiamDocSo(_) | Post::VuTruong(..) | Post::PhoVuTruong(..) => (2 * Y, 8 * Y),
            _ => (2 * Y, 6 * Y),
        }
    }

    /// Share of women among new holders.
    pub fn female_share(self) -> f64 {
        match self {
            Post::TruongBan(Ban::DanVan) | Post::ChuTichMttq | Post::PhoChuTichHdnd(_) => 0.35,
            Post::GiamDocCongAn | Post::ChiHuyTruong => 0.0,
            Post::GiamDocSo(Dept::YTe | Dept::GiaoDuc | Dept::LaoDong | Dept::VanHoa) => 0.3,
            _ => 0.12,
        }
    }
}

/// Dates of reorganisations that change titles, as days since 1970.
pub struct Reforms {
    /// Ban Tuyên giáo and Ban Dân vận merged (February 2025).
    pub boards_merged: i32,
    /// Departments and ministries merged (March 2025).
    pub depts_merged: i32,
    /// Provinces merged and districts abolished (1 July 2025).
    pub provinces_merged: i32,
}

/// How an article writes titles. Chosen once per article, so the same post
/// is written the same way throughout, as a newsroom's style would.
#[derive(Debug, Clone)]
pub struct TitleStyle {
    /// "Ủy ban nhân dân" instead of "UBND".
    pub ubnd_long: bool,
    pub hdnd_long: bool,
    /// "UBKT" instead of "Ủy ban Kiểm tra".
    pub ubkt_abbr: bool,
    /// 0 "Phó Bí thư Thường trực", 1 "Phó bí thư Thường trực", 2 "Phó Bí
    /// thư thường trực".
    pub pbt_case: u8,
    /// 0 "Ủy viên Trung ương Đảng", 1 "Ủy viên Ban Chấp hành Trung ương
    /// Đảng", 2 "UVTW", 3 "Ủy viên T.Ư Đảng".
    pub cc_form: u8,
    /// "Sở KH&ĐT" instead of "Sở Kế hoạch và Đầu tư".
    pub dept_abbr: bool,
    /// Write "Ủy viên Ban Thường vụ Tỉnh ủy" and "Tỉnh ủy viên" before posts.
    pub memberships: bool,
    /// "TUV" instead of "Tỉnh ủy viên".
    pub tuv_abbr: bool,
    /// "Trưởng Đoàn ĐBQH tỉnh" instead of "Trưởng Đoàn đại biểu Quốc hội tỉnh".
    pub dbqh_abbr: bool,
    /// "TP" instead of "thành phố" after UBND in centrally-run cities.
    pub city_abbr: bool,
    /// "Bộ CHQS" instead of "Bộ Chỉ huy Quân sự".
    pub chqs_abbr: bool,
    /// "MTTQ" instead of "Mặt trận Tổ quốc".
    pub mttq_abbr: bool,
}

impl TitleStyle {
    pub fn random(rng: &mut Rng) -> TitleStyle {
        TitleStyle {
            ubnd_long: rng.chance(0.18),
            hdnd_long: rng.chance(0.15),
            ubkt_abbr: rng.chance(0.3),
            pbt_case: *rng.pick_weighted(&[(0u8, 70), (1, 20), (2, 10)]),
            cc_form: *rng.pick_weighted(&[(0u8, 70), (1, 18), (2, 6), (3, 6)]),
            dept_abbr: rng.chance(0.2),
            memberships: rng.chance(0.45),
            tuv_abbr: rng.chance(0.05),
            dbqh_abbr: rng.chance(0.7),
            city_abbr: rng.chance(0.3),
            chqs_abbr: rng.chance(0.25),
            mttq_abbr: rng.chance(0.6),
        }
    }
}

/// What kind of place a district-level unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DistrictKind {
    /// Provincial city: "Thành ủy Vinh", "UBND thành phố Vinh".
    City,
    /// Town: "Thị ủy", "thị xã".
    Town,
    Rural,
    /// Urban district of a centrally-run city: "Quận ủy", "quận".
    Urban,
}

/// The names a unit's titles need.
pub struct UnitNames<'a> {
    /// A centrally-run city on this date (Tỉnh ủy → Thành ủy, tỉnh →
    /// thành phố).
    pub is_city: bool,
    pub districts: &'a [(String, DistrictKind)],
    pub communes: &'a [(String, bool)],
}

fn dept_name(d: Dept, abbr: bool, merged: bool) -> &'static str {
    match (d, abbr) {
        (Dept::KeHoach, false) => "Kế hoạch và Đầu tư",
        (Dept::KeHoach, true) => "KH&ĐT",
        (Dept::TaiChinh, _) => "Tài chính",
        (Dept::NoiVu, _) => "Nội vụ",
        (Dept::NongNghiep, _) if merged => "Nông nghiệp và Môi trường",
        (Dept::NongNghiep, false) => "Nông nghiệp và Phát triển nông thôn",
        (Dept::NongNghiep, true) => "NN&PTNT",
        (Dept::TaiNguyen, false) => "Tài nguyên và Môi trường",
        (Dept::TaiNguyen, true) => "TN&MT",
        (Dept::XayDung, _) => "Xây dựng",
        (Dept::GiaoThong, false) => "Giao thông vận tải",
        (Dept::GiaoThong, true) => "GTVT",
        (Dept::CongThuong, _) => "Công Thương",
        (Dept::GiaoDuc, false) => "Giáo dục và Đào tạo",
        (Dept::GiaoDuc, true) => "GD&ĐT",
        (Dept::YTe, _) => "Y tế",
        (Dept::LaoDong, false) => "Lao động - Thương binh và Xã hội",
        (Dept::LaoDong, true) => "LĐ-TB&XH",
        (Dept::VanHoa, false) => "Văn hóa, Thể thao và Du lịch",
        (Dept::VanHoa, true) => "VH-TT&DL",
        (Dept::KhoaHoc, false) => "Khoa học và Công nghệ",
        (Dept::KhoaHoc, true) => "KH&CN",
        (Dept::ThongTin, false) => "Thông tin và Truyền thông",
        (Dept::ThongTin, true) => "TT&TT",
        (Dept::TuPhap, _) => "Tư pháp",
    }
}

/// Departments abolished in the March 2025 reorganisation.
pub fn dept_abolished(d: Dept) -> bool {
    matches!(
        d,
        Dept::KeHoach | Dept::TaiNguyen | Dept::GiaoThong | Dept::LaoDong | Dept::ThongTin
    )
}

pub fn ministry_name(m: Ministry, merged: bool) -> &'static str {
    match m {
        Ministry::KeHoach => "Kế hoạch và Đầu tư",
        Ministry::TaiChinh => "Tài chính",
        Ministry::NoiVu => "Nội vụ",
        Ministry::NongNghiep if merged => "Nông nghiệp và Môi trường",
        Ministry::NongNghiep => "Nông nghiệp và Phát triển nông thôn",
        Ministry::XayDung => "Xây dựng",
        Ministry::YTe => "Y tế",
        Ministry::GiaoDuc => "Giáo dục và Đào tạo",
        Ministry::CongThuong => "Công Thương",
    }
}

pub fn ban_tw_name(b: BanTw, boards_merged: bool) -> &'static str {
    match b {
        BanTw::ToChuc => "Ban Tổ chức Trung ương",
        BanTw::TuyenGiao if boards_merged => "Ban Tuyên giáo và Dân vận Trung ương",
        BanTw::TuyenGiao => "Ban Tuyên giáo Trung ương",
        BanTw::DanVan => "Ban Dân vận Trung ương",
        BanTw::KinhTe if boards_merged => "Ban Chính sách, chiến lược Trung ương",
        BanTw::KinhTe => "Ban Kinh tế Trung ương",
        BanTw::NoiChinh => "Ban Nội chính Trung ương",
        BanTw::Ubkt => "Ủy ban Kiểm tra Trung ương",
        BanTw::VanPhong => "Văn phòng Trung ương Đảng",
    }
}

/// Departments of central bodies, named "Vụ Địa phương I" and the like.
fn vu_name(v: u8) -> String {
    format!("Vụ Địa phương {}", super::names::roman(v as u32 + 1))
}

/// The committee word of a unit: "Tỉnh ủy" or "Thành ủy".
pub fn committee(u: &UnitNames) -> &'static str {
    if u.is_city {
        "Thành ủy"
    } else {
        "Tỉnh ủy"
    }
}

/// The level word after a state body: "tỉnh" or "thành phố".
pub fn level(u: &UnitNames, style: &TitleStyle) -> &'static str {
    match (u.is_city, style.city_abbr) {
        (false, _) => "tỉnh",
        (true, false) => "thành phố",
        (true, true) => "TP",
    }
}

pub fn ubnd(style: &TitleStyle) -> &'static str {
    if style.ubnd_long {
        "Ủy ban nhân dân"
    } else {
        "UBND"
    }
}

pub fn hdnd(style: &TitleStyle) -> &'static str {
    if style.hdnd_long {
        "Hội đồng nhân dân"
    } else {
        "HĐND"
    }
}

/// The title of a post as written, without a trailing province name.
pub fn title(post: Post, u: &UnitNames, day: i32, reforms: &Reforms, st: &TitleStyle) -> String {
    let tu = committee(u);
    let lv = level(u, st);
    let boards_merged = day >= reforms.boards_merged;
    let depts_merged = day >= reforms.depts_merged;
    let pbt = match st.pbt_case {
        1 => "Phó bí thư",
        _ => "Phó Bí thư",
    };
    match post {
        Post::TongBiThu => "Tổng Bí thư".into(),
        Post::ChuTichNuoc => "Chủ tịch nước".into(),
        Post::ThuTuong => "Thủ tướng Chính phủ".into(),
        Post::ChuTichQuocHoi => "Chủ tịch Quốc hội".into(),
        Post::PhoThuTuong(_) => "Phó Thủ tướng Chính phủ".into(),
        Post::TruongBanTw(BanTw::Ubkt) => "Chủ nhiệm Ủy ban Kiểm tra Trung ương".into(),
        Post::TruongBanTw(BanTw::VanPhong) => "Chánh Văn phòng Trung ương Đảng".into(),
        Post::TruongBanTw(b) => format!("Trưởng {}", ban_tw_name(b, boards_merged)),
        Post::PhoTruongBanTw(BanTw::Ubkt, _) => "Phó Chủ nhiệm Ủy ban Kiểm tra Trung ương".into(),
        Post::PhoTruongBanTw(BanTw::VanPhong, _) => "Phó Chánh Văn phòng Trung ương Đảng".into(),
        Post::PhoTruongBanTw(b, _) => format!("Phó Trưởng {}", ban_tw_name(b, boards_merged)),
        Post::BoTruong(m) => format!("Bộ trưởng Bộ {}", ministry_name(m, depts_merged)),
        Post::ThuTruong(m, _) => format!("Thứ trưởng Bộ {}", ministry_name(m, depts_merged)),
        Post::VuTruong(b, v) => format!(
            "Vụ trưởng {}, {}",
            vu_name(v),
            ban_tw_name(b, boards_merged)
        ),
        Post::PhoVuTruong(b, v) => format!(
            "Phó Vụ trưởng {}, {}",
            vu_name(v),
            ban_tw_name(b, boards_merged)
        ),
        Post::BiThu => format!("Bí thư {tu}"),
        Post::PhoBiThuTT => match st.pbt_case {
            2 => format!("Phó Bí thư thường trực {tu}"),
            _ => format!("{pbt} Thường trực {tu}"),
        },
        Post::PhoBiThu(_) => format!("{pbt} {tu}"),
        Post::TruongBan(Ban::ToChuc) => format!("Trưởng Ban Tổ chức {tu}"),
        Post::TruongBan(Ban::TuyenGiao) if boards_merged => {
            format!("Trưởng Ban Tuyên giáo và Dân vận {tu}")
        }
        Post::TruongBan(Ban::TuyenGiao) => format!("Trưởng Ban Tuyên giáo {tu}"),
        Post::TruongBan(Ban::DanVan) => format!("Trưởng Ban Dân vận {tu}"),
        Post::TruongBan(Ban::NoiChinh) => format!("Trưởng Ban Nội chính {tu}"),
        Post::ChuNhiemUbkt => {
            if st.ubkt_abbr {
                format!("Chủ nhiệm UBKT {tu}")
            } else {
                format!("Chủ nhiệm Ủy ban Kiểm tra {tu}")
            }
        }
        Post::ChanhVanPhong => format!("Chánh Văn phòng {tu}"),
        Post::ChuTichHdnd => format!("Chủ tịch {} {lv}", hdnd(st)),
        Post::PhoChuTichHdnd(_) => format!("Phó Chủ tịch {} {lv}", hdnd(st)),
        Post::ChuTichUbnd => format!("Chủ tịch {} {lv}", ubnd(st)),
        Post::PhoChuTichUbndTT => format!("Phó Chủ tịch Thường trực {} {lv}", ubnd(st)),
        Post::PhoChuTichUbnd(_) => format!("Phó Chủ tịch {} {lv}", ubnd(st)),
        Post::TruongDoanDbqh => {
            if st.dbqh_abbr {
                format!("Trưởng Đoàn ĐBQH {lv}")
            } else {
                format!("Trưởng Đoàn đại biểu Quốc hội {lv}")
            }
        }
        Post::ChuTichMttq => {
            if st.mttq_abbr {
                format!("Chủ tịch Ủy ban MTTQ Việt Nam {lv}")
            } else {
                format!("Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam {lv}")
            }
        }
        Post::GiamDocSo(d) => format!("Giám đốc Sở {}", dept_name(d, st.dept_abbr, depts_merged)),
        Post::GiamDocCongAn => format!("Giám đốc Công an {lv}"),
        Post::ChiHuyTruong => {
            if st.chqs_abbr {
                format!("Chỉ huy trưởng Bộ CHQS {lv}")
            } else {
                format!("Chỉ huy trưởng Bộ Chỉ huy Quân sự {lv}")
            }
        }
        Post::BiThuHuyen(i) => {
            let (name, kind) = &u.districts[i as usize];
            let c = match kind {
                DistrictKind::City => "Thành ủy",
                DistrictKind::Town => "Thị ủy",
                DistrictKind::Rural => "Huyện ủy",
                DistrictKind::Urban => "Quận ủy",
            };
            format!("Bí thư {c} {name}")
        }
        Post::ChuTichHuyen(i) => {
            let (name, kind) = &u.districts[i as usize];
            let l = match kind {
                DistrictKind::City => "thành phố",
                DistrictKind::Town => "thị xã",
                DistrictKind::Rural => "huyện",
                DistrictKind::Urban => "quận",
            };
            format!("Chủ tịch {} {l} {name}", ubnd(st))
        }
        Post::BiThuXa(i) => {
            let (name, ward) = &u.communes[i as usize];
            format!(
                "Bí thư Đảng ủy {} {name}",
                if *ward { "phường" } else { "xã" }
            )
        }
    }
}

/// "Ủy viên Trung ương Đảng" in the article's form; `alternate` for a
/// candidate member ("Ủy viên dự khuyết …").
pub fn central_committee(st: &TitleStyle, alternate: bool) -> &'static str {
    match (alternate, st.cc_form) {
        (false, 0) => "Ủy viên Trung ương Đảng",
        (false, 1) => "Ủy viên Ban Chấp hành Trung ương Đảng",
        (false, 2) => "UVTW",
        (false, _) => "Ủy viên T.Ư Đảng",
        (true, 1) => "Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng",
        (true, _) => "Ủy viên dự khuyết Trung ương Đảng",
    }
}

pub fn standing_member(u: &UnitNames) -> String {
    format!("Ủy viên Ban Thường vụ {}", committee(u))
}

pub fn committee_member(u: &UnitNames, st: &TitleStyle) -> &'static str {
    match (u.is_city, st.tuv_abbr) {
        (false, true) => "TUV",
        (false, false) => "Tỉnh ủy viên",
        (true, _) => "Thành ủy viên",
    }
}
