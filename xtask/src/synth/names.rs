//! Names: officials (Kinh names weighted by family-name frequency, and the
//! names of minorities in the provinces where they live), reporters' pen
//! names, and district and commune names.

use super::rng::Rng;
use tinhuy::gazetteer::provinces;
use tinhuy::gazetteer::surnames;

/// Where a province lies, which shapes its officials' names: Hoàng/Vũ in
/// the north and Huỳnh/Võ in the south, and which minorities live there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    North,
    NorthHighland,
    Central,
    Highland,
    South,
    Khmer,
}

const NORTH_HIGHLAND: &[&str] = &[
    "Hà Giang",
    "Lào Cai",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Yên Bái",
    "Cao Bằng",
    "Lạng Sơn",
    "Bắc Kạn",
    "Tuyên Quang",
    "Hòa Bình",
];
const NORTH: &[&str] = &[
    "Hà Nội",
    "Hải Phòng",
    "Bắc Giang",
    "Bắc Ninh",
    "Hà Nam",
    "Hải Dương",
    "Hưng Yên",
    "Nam Định",
    "Ninh Bình",
    "Phú Thọ",
    "Quảng Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Vĩnh Phúc",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
];
const HIGHLAND: &[&str] = &["Gia Lai", "Kon Tum", "Đắk Lắk", "Đắk Nông", "Lâm Đồng"];
const KHMER: &[&str] = &[
    "Sóc Trăng",
    "Trà Vinh",
    "Kiên Giang",
    "An Giang",
    "Bạc Liêu",
];
const CENTRAL: &[&str] = &[
    "Quảng Bình",
    "Quảng Trị",
    "Thừa Thiên Huế",
    "Đà Nẵng",
    "Quảng Nam",
    "Quảng Ngãi",
    "Bình Định",
    "Phú Yên",
    "Khánh Hòa",
    "Ninh Thuận",
    "Bình Thuận",
];

pub fn region_of(province: &str) -> Region {
    if NORTH_HIGHLAND.contains(&province) {
        Region::NorthHighland
    } else if NORTH.contains(&province) {
        Region::North
    } else if HIGHLAND.contains(&province) {
        Region::Highland
    } else if KHMER.contains(&province) {
        Region::Khmer
    } else if CENTRAL.contains(&province) {
        Region::Central
    } else {
        Region::South
    }
}

/// Percent of the population per family name, for the ranked names of
/// `surnames::common()`; Hoàng/Huỳnh and Vũ/Võ share their figure by region.
/// Names further down the list get a small flat weight.
fn kinh_surname(rng: &mut Rng, region: Region) -> &'static str {
    let common = surnames::common();
    // Weights in hundredths of a percent.
    let south = matches!(region, Region::South | Region::Khmer | Region::Central);
    let w = |name: &str| -> u32 {
        match name {
            "Nguyễn" => 3840,
            "Trần" => 1100,
            "Lê" => 950,
            "Phạm" => 710,
            "Hoàng" => {
                if south {
                    150
                } else {
                    400
                }
            }
            "Huỳnh" => {
                if south {
                    360
                } else {
                    20
                }
            }
            "Phan" => 450,
            "Vũ" => {
                if south {
                    90
                } else {
                    330
                }
            }
            "Võ" => {
                if south {
                    300
                } else {
                    40
                }
            }
            "Đặng" => 210,
            "Bùi" => 200,
            "Đỗ" => 140,
            "Hồ" => 130,
            "Ngô" => 130,
            "Dương" => 100,
            "Lý" => 50,
            _ => 45,
        }
    };
    let total: u32 = common.iter().map(|n| w(n)).sum();
    let mut x = rng.below(total as usize) as u32;
    for n in common {
        let wn = w(n);
        if x < wn {
            return n;
        }
        x -= wn;
    }
    common[0]
}

/// Rarer Kinh family names from `surnames::others()`, without those of
/// minorities, whose names are built differently.
fn rare_kinh_surname(rng: &mut Rng) -> &'static str {
    const MINORITY: &[&str] = &[
        "Y",
        "Rah Lan",
        "Rơ Châm",
        "Rơ Mah",
        "Rơ Ô",
        "Ksor",
        "Siu",
        "Nay",
        "Kpă",
        "Rmah",
        "Rcom",
        "Niê",
        "Byă",
        "Êban",
        "Mlô",
        "Hờ",
        "Lìu",
        "Pờ",
        "Vừ",
        "Chang",
        "Giàng",
        "Sùng",
        "Thào",
        "Vàng",
        "Lầu",
        "Mùa",
        "Chẩu",
        "Lò",
        "Cầm",
        "Lường",
        "Quàng",
        "Điêu",
        "Tòng",
        "Điểu",
        "Danh",
        "Thạch",
        "Sơn",
        "Tôn Nữ",
        "Tôn Thất",
    ];
    loop {
        let s = *rng.pick(surnames::others());
        if !MINORITY.contains(&s) {
            return s;
        }
    }
}

const MALE_MIDDLE: &[(&str, u32)] = &[
    ("Văn", 30),
    ("Đức", 7),
    ("Hữu", 5),
    ("Minh", 6),
    ("Quang", 6),
    ("Thanh", 5),
    ("Xuân", 4),
    ("Công", 4),
    ("Đình", 5),
    ("Tiến", 3),
    ("Trọng", 3),
    ("Ngọc", 4),
    ("Mạnh", 2),
    ("Quốc", 4),
    ("Anh", 2),
    ("Hoàng", 2),
    ("Thế", 2),
    ("Trung", 2),
    ("Khắc", 2),
    ("Duy", 2),
    ("Hồng", 3),
    ("Nhật", 1),
    ("Tuấn", 2),
    ("Đăng", 1),
    ("Việt", 2),
    ("Hải", 1),
    ("Bá", 2),
    ("Kim", 1),
    ("Phú", 1),
    ("Phước", 1),
    ("Tấn", 2),
    ("Thành", 2),
    ("Chí", 2),
    ("Đông", 1),
    ("Sỹ", 1),
    ("Vĩnh", 1),
    ("Huy", 1),
    ("Gia", 1),
    ("Hoài", 1),
    ("Trường", 1),
    ("Lam", 1),
];
const FEMALE_MIDDLE: &[(&str, u32)] = &[
    ("Thị", 45),
    ("Thu", 6),
    ("Ngọc", 6),
    ("Thanh", 6),
    ("Kim", 4),
    ("Minh", 4),
    ("Hồng", 5),
    ("Thùy", 3),
    ("Bích", 2),
    ("Diệu", 1),
    ("Mai", 2),
    ("Phương", 2),
    ("Tuyết", 1),
    ("Lan", 1),
    ("Hải", 1),
    ("Thúy", 2),
];
/// Second middle names of four-syllable names ("Nguyễn Thị Thu Hà").
const FEMALE_MIDDLE2: &[&str] = &[
    "Thu", "Thanh", "Ngọc", "Kim", "Minh", "Hồng", "Thúy", "Bích", "Mai", "Phương", "Lan", "Diệu",
    "Hải", "Việt", "Hoài",
];
const MALE_MIDDLE2: &[&str] = &[
    "Minh", "Quang", "Thanh", "Ngọc", "Hoàng", "Hải", "Anh", "Đức", "Quốc", "Việt", "Xuân",
];
const MALE_GIVEN: &[&str] = &[
    "Hải",
    "Dũng",
    "Hưng",
    "Thành",
    "Sơn",
    "Tuấn",
    "Hùng",
    "Minh",
    "Quang",
    "Long",
    "Nam",
    "Bình",
    "Cường",
    "Thắng",
    "Trung",
    "Hòa",
    "Huy",
    "Khánh",
    "Lâm",
    "Lực",
    "Lợi",
    "Nghĩa",
    "Phong",
    "Phúc",
    "Quân",
    "Tâm",
    "Thanh",
    "Thông",
    "Toàn",
    "Trí",
    "Tú",
    "Vinh",
    "Vũ",
    "Chiến",
    "Đạt",
    "Định",
    "Đông",
    "Hiếu",
    "Hoàng",
    "Kiên",
    "Linh",
    "Luân",
    "Mạnh",
    "Ninh",
    "Phương",
    "Quyết",
    "Tài",
    "Thái",
    "Thịnh",
    "Thuận",
    "Tiến",
    "Tùng",
    "Tường",
    "Bảo",
    "Châu",
    "Duy",
    "Điệp",
    "Hiển",
    "Khoa",
    "Lộc",
    "Nhân",
    "Phát",
    "Sang",
    "Tân",
    "Thụy",
    "Trọng",
    "Tuyên",
    "Xuân",
    "Thận",
    "Thăng",
    "Lĩnh",
    "Hậu",
    "Khải",
    "Kỳ",
    "Lập",
    "Nhật",
    "Quý",
    "Sinh",
    "Thiện",
    "Toản",
    "Triều",
    "Trường",
    "Tuệ",
    "Uy",
    "Vương",
    "Yên",
    "Đoàn",
    "Giang",
    "Hà",
    "Hạnh",
    "Hoan",
    "Hợp",
    "Khôi",
    "Luyện",
    "Mẫn",
    "Nguyên",
    "Phú",
    "Quảng",
    "Sáng",
    "Thạch",
    "Thiệu",
    "Thủy",
    "Túy",
];
const FEMALE_GIVEN: &[&str] = &[
    "Hà",
    "Lan",
    "Hương",
    "Hạnh",
    "Mai",
    "Hoa",
    "Thủy",
    "Nga",
    "Yến",
    "Huyền",
    "Thảo",
    "Trang",
    "Linh",
    "Ánh",
    "Loan",
    "Nhung",
    "Tâm",
    "Dung",
    "Hằng",
    "Hiền",
    "Hồng",
    "Liên",
    "Ly",
    "Nguyệt",
    "Oanh",
    "Phượng",
    "Quyên",
    "Sương",
    "Thoa",
    "Thúy",
    "Thư",
    "Trinh",
    "Vân",
    "Xuân",
    "Hậu",
    "Hòa",
    "Huệ",
    "Minh",
    "Ngân",
    "Thanh",
    "Thắm",
    "Tuyết",
    "Giang",
    "Hiên",
    "Lệ",
    "Nhàn",
    "Phương",
    "Thơ",
    "Thục",
    "Uyên",
    "Vy",
    "Yên",
    "Cúc",
    "Đào",
    "Duyên",
    "Hải",
    "Khuyên",
    "Mến",
];

/// Ê Đê and Jrai clan names that follow the given name ("Y Vinh Tơr").
const EDE_CLANS: &[&str] = &[
    "Niê",
    "Mlô",
    "Êban",
    "Byă",
    "Tơr",
    "Niê Kđăm",
    "Ayun",
    "Knul",
    "Kbuôr",
    "Hđơk",
];
/// Jrai and Bahnar clan names that lead ("Ksor Phước Hà").
const JRAI_CLANS: &[&str] = &[
    "Rah Lan",
    "Ksor",
    "Siu",
    "Rơ Châm",
    "Rơ Mah",
    "Nay",
    "Kpă",
    "Rmah",
    "Rcom",
];
const HIGHLAND_GIVEN: &[&str] = &[
    "Vinh", "Moan", "Thanh", "Biêr", "Phi", "Hương", "Chung", "Tuân", "Kim", "Blin", "Luân",
    "Dhăm", "Mrang", "Phước", "Hà", "Nhứ", "Thuyên", "Yim", "Wấn", "Lê", "Đoan", "Bơn", "Thu",
];
const HIGHLAND_FEMALE: &[&str] = &[
    "H'Hen", "H'Yim", "H'Ngọc", "H'Xuân", "H'Luân", "H'Lim", "H'Bla", "H'Yâo",
];
/// Tày, Nùng, Thái family names (with Kinh-style middle names).
const TAY_THAI: &[&str] = &[
    "Lò", "Cầm", "Lường", "Quàng", "Điêu", "Tòng", "Chẩu", "Nông", "Bế", "Ma", "Lục", "Triệu",
    "Hoàng", "Lý", "Vi", "Hà", "Sầm",
];
/// Mông family names, with "A" as the men's middle name ("Sùng A Hồ").
const HMONG: &[&str] = &["Sùng", "Giàng", "Thào", "Vàng", "Lầu", "Mùa", "Hầu", "Vừ"];
const HMONG_GIVEN: &[&str] = &[
    "Hồ", "Chu", "Sềnh", "Sơn", "Dế", "Páo", "Chứ", "Lử", "Mỷ", "Say", "Tủa", "Vư", "Nhà",
];
const KHMER_FAMILY: &[&str] = &["Thạch", "Sơn", "Kim", "Danh", "Lâm", "Châu"];
const KHMER_GIVEN: &[&str] = &[
    "Phước Bình",
    "Út",
    "Ngọc Thái",
    "Dư",
    "Sô Phênh",
    "Thị Ánh Hồng",
    "Sa Rây",
    "Chanh Đa",
    "Hoàng Nhung",
    "Sóc Khên",
    "Ra",
    "Thị Sa Ra",
    "Thanh Liêm",
    "Vũ",
    "Tuấn Kiệt",
];

/// A new official's name: a three-syllable Kinh name most of the time,
/// four or two syllables sometimes, and minority names in the provinces
/// where minorities live.
pub fn person_name(rng: &mut Rng, region: Region, female: bool) -> String {
    let minority_share = match region {
        Region::Highland | Region::NorthHighland => 0.28,
        Region::Khmer => 0.15,
        _ => 0.0,
    };
    if rng.chance(minority_share) {
        return minority_name(rng, region, female);
    }
    let family = if rng.chance(0.03) {
        rare_kinh_surname(rng)
    } else {
        kinh_surname(rng, region)
    };
    let given = if female {
        *rng.pick(FEMALE_GIVEN)
    } else {
        *rng.pick(MALE_GIVEN)
    };
    let roll = rng.unit();
    if roll < 0.04 {
        // Two syllables: "Lê Hùng".
        return format!("{family} {given}");
    }
    let middle = if female {
        *rng.pick_weighted(FEMALE_MIDDLE)
    } else {
        *rng.pick_weighted(MALE_MIDDLE)
    };
    if roll < 0.82 || middle == given {
        return format!("{family} {middle} {given}");
    }
    // Four syllables: "Nguyễn Thị Thu Hà", a compound family name
    // ("Lê Trần Minh Hoàng") or two middle names.
    if female {
        let m2 = *rng.pick(FEMALE_MIDDLE2);
        if m2 != given && m2 != middle {
            return format!("{family} {middle} {m2} {given}");
        }
        format!("{family} {middle} {given}")
    } else if rng.chance(0.4) {
        let f2 = kinh_surname(rng, region);
        if f2 != family {
            return format!("{family} {f2} {middle} {given}");
        }
        format!("{family} {middle} {given}")
    } else {
        let m2 = *rng.pick(MALE_MIDDLE2);
        if m2 != middle && m2 != given && middle != "Văn" {
            return format!("{family} {middle} {m2} {given}");
        }
        format!("{family} {middle} {given}")
    }
}

fn minority_name(rng: &mut Rng, region: Region, female: bool) -> String {
    match region {
        Region::Highland => {
            if female {
                if rng.chance(0.6) {
                    format!("{} {}", rng.pick(HIGHLAND_FEMALE), rng.pick(EDE_CLANS))
                } else {
                    format!("{} {}", rng.pick(JRAI_CLANS), rng.pick(HIGHLAND_FEMALE))
                }
            } else if rng.chance(0.5) {
                // Ê Đê men: "Y" + given + clan ("Y Vinh Tơr").
                format!("Y {} {}", rng.pick(HIGHLAND_GIVEN), rng.pick(EDE_CLANS))
            } else {
                let clan = rng.pick(JRAI_CLANS);
                if rng.chance(0.5) {
                    format!("{clan} {}", rng.pick(HIGHLAND_GIVEN))
                } else {
                    let g1 = rng.pick(HIGHLAND_GIVEN);
                    let g2 = rng.pick(HIGHLAND_GIVEN);
                    if g1 == g2 {
                        format!("{clan} {g1}")
                    } else {
                        format!("{clan} {g1} {g2}")
                    }
                }
            }
        }
        Region::NorthHighland => {
            if rng.chance(0.3) {
                let fam = rng.pick(HMONG);
                if female {
                    format!("{fam} Thị {}", rng.pick(HMONG_GIVEN))
                } else {
                    format!("{fam} A {}", rng.pick(HMONG_GIVEN))
                }
            } else {
                let fam = rng.pick(TAY_THAI);
                let (middle, given) = if female {
                    (*rng.pick_weighted(FEMALE_MIDDLE), *rng.pick(FEMALE_GIVEN))
                } else {
                    (*rng.pick_weighted(MALE_MIDDLE), *rng.pick(MALE_GIVEN))
                };
                if middle == given {
                    format!("{fam} Văn {given}")
                } else {
                    format!("{fam} {middle} {given}")
                }
            }
        }
        _ => {
            let fam = rng.pick(KHMER_FAMILY);
            let given = rng.pick(KHMER_GIVEN);
            if female && !given.starts_with("Thị") {
                format!("{fam} Thị {given}")
            } else {
                format!("{fam} {given}")
            }
        }
    }
}

/// A name must not read as a place: no run of its syllables may spell a
/// province ("Nguyễn Thái Bình") or a country ("Việt Nam", "Trung Quốc").
pub fn is_clean_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    // "Hoàng Minh Hoàng Quảng": a syllable twice reads as a slip.
    if (1..words.len()).any(|i| words[..i].contains(&words[i])) {
        return false;
    }
    for i in 0..words.len() {
        if let Some((_, n)) = provinces::lookup_words(&words[i..])
            && n >= 2
        {
            return false;
        }
        // Countries are not given names.
        if i + 1 < words.len()
            && matches!(
                (words[i], words[i + 1]),
                ("Việt", "Nam") | ("Trung", "Quốc")
            )
        {
            return false;
        }
    }
    true
}

/// A reporter's pen name: a given name with a middle or family name
/// ("Thu Hà", "Phạm Ngọc", "Quang Huy").
pub fn pen_name(rng: &mut Rng) -> String {
    const FIRST: &[&str] = &[
        "Thu", "Thanh", "Minh", "Quang", "Hoàng", "Phạm", "Lê", "Ngọc", "Hồng", "Tố", "Hữu", "Đức",
        "Việt", "Kim", "Bảo", "Khánh", "Hải", "Mai", "Nguyễn", "Trần", "Phương", "Đình", "Trung",
        "Xuân", "Lam", "Hà", "Vũ", "Anh",
    ];
    const LAST: &[&str] = &[
        "Hà", "Ngọc", "Tuấn", "Tâm", "Mẫn", "Khoa", "Huy", "Như", "Hiệp", "Hòa", "Nhung", "Quân",
        "Thủy", "Long", "Linh", "Trang", "Dũng", "Sơn", "Tú", "Yến", "Phong", "Hiếu", "Giang",
        "Chinh", "Lộc", "Thắng", "Vân", "Hưng", "Trâm", "Duy",
    ];
    loop {
        let a = rng.pick(FIRST);
        let b = rng.pick(LAST);
        let name = format!("{a} {b}");
        // "Khánh Hòa" is a province before it is a pen name.
        if a != b && is_clean_name(&name) {
            return name;
        }
    }
}

/// Syllables that district, town and commune names are made of.
const PLACE_SYLLABLES: &[&str] = &[
    "An",
    "Bình",
    "Cẩm",
    "Châu",
    "Đông",
    "Đức",
    "Giang",
    "Hải",
    "Hòa",
    "Hưng",
    "Hương",
    "Khê",
    "Kiến",
    "Kỳ",
    "Lạc",
    "Lâm",
    "Lộc",
    "Long",
    "Mỹ",
    "Nghĩa",
    "Ninh",
    "Phong",
    "Phú",
    "Phúc",
    "Quế",
    "Quỳnh",
    "Sơn",
    "Tân",
    "Thạch",
    "Thanh",
    "Thạnh",
    "Thái",
    "Thuận",
    "Tiên",
    "Tiền",
    "Triệu",
    "Trung",
    "Tuy",
    "Vĩnh",
    "Xuân",
    "Yên",
    "Diễn",
    "Đô",
    "Nghi",
    "Can",
    "Văn",
    "Hà",
    "Đoan",
    "Hàm",
    "Bảo",
    "Cao",
    "Lục",
    "Mai",
    "Quan",
    "Thường",
    "Tịnh",
    "Trà",
    "Vạn",
    "Vũ",
    "Thư",
    "Xương",
    "Dương",
    "Điện",
    "Hiệp",
    "Gio",
    "Cam",
    "Hướng",
    "Ba",
    "Đầm",
    "Lương",
    "Định",
    "Hồng",
    "Khánh",
    "Minh",
    "Nam",
    "Phước",
    "Quang",
    "Thọ",
    "Tường",
    "Uyên",
    "Vân",
    "Chương",
    "Đồng",
    "Hậu",
    "Kim",
    "Lập",
    "Mộ",
    "Nông",
    "Quới",
    "Sa",
    "Thủy",
    "Trạch",
    "Vụ",
    "Lệ",
];
/// Highland place names keep their own words ("Krông Búk", "Chư Sê").
const HIGHLAND_PLACES: &[&str] = &[
    "Krông Búk",
    "Krông Pắc",
    "Chư Sê",
    "Chư Păh",
    "Ea Kar",
    "Ea Súp",
    "Đăk Glei",
    "Kon Rẫy",
    "Mang Yang",
    "Ia Grai",
    "Lắk",
    "Cư Jút",
    "Đăk Mil",
    "Lạc Dương",
    "Đam Rông",
    "Ia Pa",
    "Mường Tè",
    "Mường Nhé",
    "Sìn Hồ",
    "Mù Cang Chải",
    "Bắc Hà",
    "Si Ma Cai",
    "Đồng Văn",
    "Mèo Vạc",
    "Quản Bạ",
    "Pác Nặm",
    "Na Rì",
    "Hà Quảng",
    "Trùng Khánh",
    "Bảo Lâm",
];

/// A district-level place name, not a province's and not yet used.
pub fn place_name(rng: &mut Rng, region: Region, taken: &mut Vec<String>) -> String {
    loop {
        let name = if matches!(region, Region::Highland | Region::NorthHighland) && rng.chance(0.3)
        {
            (*rng.pick(HIGHLAND_PLACES)).to_string()
        } else {
            let a = rng.pick(PLACE_SYLLABLES);
            let b = rng.pick(PLACE_SYLLABLES);
            if a == b {
                continue;
            }
            format!("{a} {b}")
        };
        let words: Vec<&str> = name.split(' ').collect();
        let is_province = provinces::lookup_words(&words).is_some_and(|(_, n)| n == words.len())
            || (0..words.len()).any(|i| provinces::lookup_words(&words[i..]).is_some());
        if is_province || taken.contains(&name) {
            continue;
        }
        taken.push(name.clone());
        return name;
    }
}

/// Roman numerals for terms ("khóa XX") and central departments ("Vụ III").
pub fn roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for &(v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(19), "XIX");
        assert_eq!(roman(20), "XX");
        assert_eq!(roman(14), "XIV");
    }

    #[test]
    fn names_have_two_to_five_syllables() {
        let mut rng = Rng::new(3);
        for region in [
            Region::North,
            Region::NorthHighland,
            Region::Central,
            Region::Highland,
            Region::South,
            Region::Khmer,
        ] {
            for i in 0..300 {
                let n = person_name(&mut rng, region, i % 5 == 0);
                let k = n.split(' ').count();
                assert!((2..=5).contains(&k), "{n}");
            }
        }
        assert!(!is_clean_name("Nguyễn Thái Bình"));
        assert!(!is_clean_name("Trần Việt Nam"));
        assert!(!is_clean_name("Đoàn Trung Quốc Mạnh"));
        assert!(is_clean_name("Ngô Đông Hải"));
        assert!(!is_clean_name("Hoàng Hoàng Thận"));
    }
}
