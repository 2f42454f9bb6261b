//! The vocabulary of official titles.
//!
//! A title is read as: optional prefix ("nguyên", "Quyền"), a head naming the
//! post ("Phó Bí thư", "Giám đốc"), modifiers ("Thường trực", "dự khuyết"),
//! then organisations, departments, levels and place names
//! ("Sở Kế hoạch và Đầu tư", "UBND", "tỉnh", "Thạch Hà"). These lists say
//! which words play which part; `extract::titles` does the reading.

use std::sync::LazyLock;

use super::Lexicon;
use crate::text::fold;

/// Whether a place name may or must follow a word ("Huyện ủy Thạch Hà").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locality {
    No,
    Optional,
    Required,
}

/// The part a word or phrase plays in a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// "nguyên" (former), "Quyền" (acting), "Hàm" (rank-equivalent).
    Prefix,
    /// The post: "Bí thư", "Phó Chủ tịch", "Vụ trưởng", "Tỉnh ủy viên".
    Head,
    /// "Thường trực", "dự khuyết", "chuyên trách".
    HeadModifier,
    /// A body: "Tỉnh ủy", "UBND", "Bộ Chính trị". `named` bodies take a name
    /// after them ("Sở" + "Tài chính", "Vụ" + "Địa phương I").
    Org { locality: Locality, named: bool },
    /// An administrative level: "tỉnh", "huyện", "xã".
    Level(Locality),
    /// The name of a department or board after a named body.
    Department,
}

/// Military and police ranks, and academic or professional prefixes, which
/// stand before a name like "đồng chí" does and are not positions.
pub const RANKS: &[&str] = &[
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
    "Đại úy",
    "Thượng úy",
    "Trung úy",
    "Thiếu úy",
    "Đô đốc",
    "Phó Đô đốc",
    "Chuẩn Đô đốc",
    "GS",
    "PGS",
    "TS",
    "ThS",
    "GS.TS",
    "PGS.TS",
    "GS. TS",
    "PGS. TS",
    "TSKH",
    "BSCKII",
    "BS",
    "Bác sĩ",
    "Tiến sĩ",
    "Thạc sĩ",
    "Giáo sư",
    "Phó Giáo sư",
    "Nhà báo",
    "Luật sư",
    "Kỹ sư",
    "Anh hùng",
    "Mẹ",
];

/// Words that introduce a person: "đồng chí Ngô Đông Hải", "ông", "bà".
pub const HONORIFICS: &[&str] = &["đồng chí", "đ/c", "đc", "ông", "bà", "Ông", "Bà"];

const PREFIXES: &[&str] = &["nguyên", "quyền", "hàm", "phụ trách"];

const HEADS: &[&str] = &[
    "Tổng Bí thư",
    "Bí thư",
    "Phó Bí thư",
    "Bí thư thứ nhất",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Chủ tịch nước",
    "Phó Chủ tịch nước",
    "Thủ tướng",
    "Phó Thủ tướng",
    "Ủy viên",
    "Tỉnh ủy viên",
    "Thành ủy viên",
    "Huyện ủy viên",
    "Thị ủy viên",
    "Quận ủy viên",
    "Đảng ủy viên",
    "Trưởng",
    "Phó Trưởng",
    "Giám đốc",
    "Phó Giám đốc",
    "Tổng Giám đốc",
    "Phó Tổng Giám đốc",
    "Chủ nhiệm",
    "Phó Chủ nhiệm",
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng",
    "Chánh án",
    "Phó Chánh án",
    "Viện trưởng",
    "Phó Viện trưởng",
    "Vụ trưởng",
    "Phó Vụ trưởng",
    "Cục trưởng",
    "Phó Cục trưởng",
    "Tổng Cục trưởng",
    "Phó Tổng Cục trưởng",
    "Bộ trưởng",
    "Thứ trưởng",
    "Chánh Thanh tra",
    "Phó Chánh Thanh tra",
    "Chỉ huy trưởng",
    "Phó Chỉ huy trưởng",
    "Chính ủy",
    "Phó Chính ủy",
    "Tư lệnh",
    "Phó Tư lệnh",
    "Đại biểu Quốc hội",
    "ĐBQH",
    "Tổng Thư ký",
    "Phó Tổng Thư ký",
    "Tổng Biên tập",
    "Phó Tổng Biên tập",
    "Hiệu trưởng",
    "Phó Hiệu trưởng",
    "Thành viên",
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Tổng Kiểm toán",
    "Phó Tổng Kiểm toán",
    "Kiểm toán trưởng",
    "Trợ lý",
    "Thư ký",
    "UVTW",
    "UVTƯ",
    "UVT.Ư",
    "UVBCH",
    "UVBTV",
    "UVBCT",
    "UV",
    "PBT",
    "PCT",
    "Tổng Tham mưu trưởng",
    "Tham mưu trưởng",
    "Người phát ngôn",
    "Phó Ban",
    "Tỉnh trưởng",
    "Phó Tỉnh trưởng",
    "Phó Tổng Tham mưu trưởng",
    "Tổ trưởng",
    "Tổ phó",
    "TUV",
    // The standing member of the Secretariat is a post of its own.
    "Thường trực Ban Bí thư",
    // A common slip that drops "thư"; the rest of the title still follows.
    "Phó Bí",
];

const HEAD_MODIFIERS: &[&str] = &[
    "thường trực",
    "dự khuyết",
    "chuyên trách",
    "thứ nhất",
    "phụ trách",
    "kiêm",
];

/// Bodies that may be followed by a place name.
const ORGS_OPTIONAL_PLACE: &[&str] = &[
    "Tỉnh ủy",
    "Thành ủy",
    "Đảng ủy",
    "Đảng bộ",
    "Đảng đoàn",
    "Ban cán sự đảng",
    "Chi bộ",
    "Ủy ban nhân dân",
    "UBND",
    "Hội đồng nhân dân",
    "HĐND",
    "Đoàn đại biểu Quốc hội",
    "Đoàn ĐBQH",
    "Ủy ban MTTQ",
    "Ủy ban MTTQ Việt Nam",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Ủy ban Mặt trận Tổ quốc",
    "Mặt trận Tổ quốc Việt Nam",
    "Mặt trận Tổ quốc",
    "MTTQ",
    "MTTQ Việt Nam",
    "MTTQVN",
    "Công an",
    "Bộ Chỉ huy Quân sự",
    "Bộ CHQS",
    "BCHQS",
    "Bộ Chỉ huy Bộ đội Biên phòng",
    "Bộ đội Biên phòng",
    "Đảng ủy Quân sự",
    "Tòa án nhân dân",
    "TAND",
    "Viện Kiểm sát nhân dân",
    "VKSND",
    "Liên đoàn Lao động",
    "Hội Nông dân",
    "Hội Liên hiệp Phụ nữ",
    "Hội LHPN",
    "Hội Cựu chiến binh",
    "Tỉnh đoàn",
    "Thành đoàn",
    "Huyện đoàn",
    "Đoàn Thanh niên",
    "Đoàn TNCS Hồ Chí Minh",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Khối các cơ quan và doanh nghiệp",
    "Đảng ủy Khối các cơ quan và doanh nghiệp",
    "Đảng ủy Khối các cơ quan",
    "Khối các cơ quan",
    "Khối Doanh nghiệp",
    "Đảng ủy Khối",
    "Trường Chính trị",
    "Kho bạc Nhà nước",
    "Cục Thuế",
    "Cục Hải quan",
    "Ngân hàng Nhà nước",
    "Thanh tra",
    "Văn phòng",
    "Ban Chỉ đạo",
    "Ban Quản lý",
    "Đài Phát thanh và Truyền hình",
    "Đài PT-TH",
    "Báo",
    "Ủy ban Kiểm tra",
    "UBKT",
    "Ban Thường vụ",
    "BTV",
    "Ban Chấp hành",
    "BCH",
    "Thường trực",
    "Hội đồng Dân tộc",
];

/// Bodies after which a place name is expected.
const ORGS_REQUIRED_PLACE: &[&str] = &[
    "Huyện ủy",
    "Thị ủy",
    "Quận ủy",
    "Đảng ủy xã",
    "Đảng ủy phường",
];

/// Bodies that are not followed by a place.
const ORGS_NO_PLACE: &[&str] = &[
    "Trung ương",
    "Trung ương Đảng",
    "TW",
    "TƯ",
    "T.Ư",
    "T.W",
    "TW Đảng",
    "TƯ Đảng",
    "T.Ư Đảng",
    "Ban Chấp hành Trung ương Đảng",
    "Ban Chấp hành Trung ương",
    "BCH Trung ương",
    "BCH TW",
    "BCHTW",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Quốc hội",
    "Ủy ban Thường vụ Quốc hội",
    "UBTVQH",
    // The National Assembly's committees, named with it.
    "Ủy ban về các vấn đề xã hội",
    "Ủy ban về các vấn đề xã hội của Quốc hội",
    "Ủy ban Kinh tế của Quốc hội",
    "Ủy ban Pháp luật của Quốc hội",
    "Ủy ban Tư pháp của Quốc hội",
    "Ủy ban Quốc phòng và An ninh của Quốc hội",
    "Ủy ban Đối ngoại của Quốc hội",
    "Ủy ban Xã hội của Quốc hội",
    "Ủy ban Pháp luật và Tư pháp của Quốc hội",
    "Ủy ban Kinh tế và Tài chính của Quốc hội",
    "Ủy ban Văn hóa và Xã hội của Quốc hội",
    "Hội đồng Dân tộc của Quốc hội",
    "Chính phủ",
    "Nhà nước",
    "Đảng",
    "Việt Nam",
    "Kiểm toán Nhà nước",
    "Quân đội nhân dân Việt Nam",
    "Bộ Quốc phòng",
    "Bộ Công an",
    "Quân sự",
    "nhân dân",
    "Quân ủy Trung ương",
    "Đảng ủy Quốc hội",
    "Đảng ủy Chính phủ",
    "Đảng ủy Công an Trung ương",
    "Đảng ủy Quân sự Trung ương",
    "Tổng Liên đoàn Lao động Việt Nam",
    "Tổng Liên đoàn Lao động",
    "Tạp chí Cộng sản",
    "Viện Kiểm sát nhân dân tối cao",
    "VKSND Tối cao",
    "Tòa án nhân dân tối cao",
    "TAND Tối cao",
];

/// Bodies that take a name after them ("Sở Tài chính", "Vụ Địa phương I").
const NAMED_ORGS: &[&str] = &[
    "Sở",
    "Ban",
    "Bộ",
    "Vụ",
    "Cục",
    "Tổng cục",
    "Chi cục",
    "Phòng",
    "Viện",
    "Hội",
    "Trung tâm",
    "Học viện",
    "Đại học",
    "Trường",
    "Công ty",
    "Tổng công ty",
    "Tập đoàn",
    "Ngân hàng",
    "Ủy ban",
    "Hiệp hội",
    "Liên hiệp",
    "Hội đồng",
    "Quân khu",
    "Quân đoàn",
    "Sư đoàn",
    "Bệnh viện",
    "Khu kinh tế",
    "Đoàn",
    "Tổ",
    "Tiểu ban",
    "Tạp chí",
];

const DEPARTMENTS: &[&str] = &[
    "Tài chính",
    "Kế hoạch và Đầu tư",
    "Nội vụ",
    "Tư pháp",
    "Công Thương",
    "Công thương",
    "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và PTNT",
    "Nông nghiệp và Môi trường",
    "Tài nguyên và Môi trường",
    "Xây dựng",
    "Giao thông vận tải",
    "Giao thông - Vận tải",
    "Khoa học và Công nghệ",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Lao động - Thương binh và Xã hội",
    "Lao động, Thương binh và Xã hội",
    "Văn hóa, Thể thao và Du lịch",
    "Văn hóa - Thể thao và Du lịch",
    "Văn hóa và Thể thao",
    "Thông tin và Truyền thông",
    "Ngoại vụ",
    "Dân tộc",
    "Dân tộc và Tôn giáo",
    "Du lịch",
    "Quy hoạch - Kiến trúc",
    "Tổ chức",
    "Tuyên giáo",
    "Dân vận",
    "Nội chính",
    "Kinh tế",
    "Đối ngoại",
    "Tuyên giáo và Dân vận",
    "Quốc phòng",
    "Ngoại giao",
    "Địa phương",
    "Tổ chức cán bộ",
    "Kinh tế - Ngân sách",
    "Kinh tế - Xã hội",
    "Pháp chế",
    "Văn hóa - Xã hội",
    "Thi đua - Khen thưởng",
    "Tôn giáo",
    "Bảo vệ chăm sóc sức khỏe cán bộ",
    "Chính sách, chiến lược",
    "Chính sách chiến lược",
    "Kiểm tra",
    "Tổ chức Trung ương",
    "Tuyên giáo Trung ương",
    "Dân vận Trung ương",
    "Nội chính Trung ương",
    "Kinh tế Trung ương",
    "Đối ngoại Trung ương",
    "KH&ĐT",
    "KHĐT",
    "TN&MT",
    "TNMT",
    "NN&PTNT",
    "NNPTNT",
    "GD&ĐT",
    "GDĐT",
    "LĐ-TB&XH",
    "LĐTBXH",
    "VH-TT&DL",
    "VHTTDL",
    "KH&CN",
    "KHCN",
    "TT&TT",
    "TTTT",
    "GTVT",
    "NN&MT",
    "Chính sách - Chiến lược",
    "Chính sách – Chiến lược",
    "Chính sách, Chiến lược",
];

/// Administrative levels, and whether their name must follow.
const LEVELS_OPTIONAL: &[&str] = &[
    "tỉnh",
    "thành phố",
    "TP",
    "TP.",
    "Thủ đô",
    // The constituency of a National Assembly delegation.
    "đơn vị tỉnh",
    "đơn vị thành phố",
];
const LEVELS_REQUIRED: &[&str] = &[
    "huyện",
    "quận",
    "thị xã",
    "TX",
    "xã",
    "phường",
    "thị trấn",
    "đặc khu",
    "khu vực",
];

/// The title lexicon.
pub static LEXICON: LazyLock<Lexicon<Part>> = LazyLock::new(|| {
    let mut lx = Lexicon::new();
    lx.add_all(
        NAMED_ORGS,
        Part::Org {
            locality: Locality::Optional,
            named: true,
        },
    );
    lx.add_all(DEPARTMENTS, Part::Department);
    lx.add_all(
        ORGS_NO_PLACE,
        Part::Org {
            locality: Locality::No,
            named: false,
        },
    );
    lx.add_all(
        ORGS_OPTIONAL_PLACE,
        Part::Org {
            locality: Locality::Optional,
            named: false,
        },
    );
    lx.add_all(
        ORGS_REQUIRED_PLACE,
        Part::Org {
            locality: Locality::Required,
            named: false,
        },
    );
    lx.add_all(LEVELS_OPTIONAL, Part::Level(Locality::Optional));
    lx.add_all(LEVELS_REQUIRED, Part::Level(Locality::Required));
    lx.add_all(HEAD_MODIFIERS, Part::HeadModifier);
    lx.add_all(HEADS, Part::Head);
    lx.add_all(PREFIXES, Part::Prefix);
    lx
});

/// Ranks and academic prefixes.
pub static RANK_LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| {
    let mut lx = Lexicon::new();
    lx.add_all(RANKS, ());
    lx
});

/// Honorifics that introduce a name.
pub static HONORIFIC_LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| {
    let mut lx = Lexicon::new();
    lx.add_all(HONORIFICS, ());
    lx
});

/// Abbreviations and long forms that name the same thing, folded; used to
/// compare titles written differently ("Chủ tịch UBND tỉnh" and
/// "Chủ tịch Ủy ban nhân dân tỉnh").
const EXPANSIONS: &[(&str, &str)] = &[
    ("ubnd", "uy ban nhan dan"),
    ("hdnd", "hoi dong nhan dan"),
    ("ubkt", "uy ban kiem tra"),
    ("mttqvn", "mat tran to quoc viet nam"),
    ("mttq", "mat tran to quoc"),
    ("bchtw", "ban chap hanh trung uong"),
    ("bch", "ban chap hanh"),
    ("btv", "ban thuong vu"),
    ("uvtw", "uy vien trung uong"),
    ("uvtu", "uy vien trung uong"),
    ("uvt.u", "uy vien trung uong"),
    ("uvbtv", "uy vien ban thuong vu"),
    ("uvbct", "uy vien bo chinh tri"),
    ("uvbch", "uy vien ban chap hanh"),
    ("uv", "uy vien"),
    ("t.u", "trung uong"),
    ("t.w", "trung uong"),
    ("tw", "trung uong"),
    ("tu", "trung uong"),
    ("dbqh", "dai bieu quoc hoi"),
    ("ubtvqh", "uy ban thuong vu quoc hoi"),
    ("bchqs", "bo chi huy quan su"),
    ("chqs", "chi huy quan su"),
    ("tand", "toa an nhan dan"),
    ("vksnd", "vien kiem sat nhan dan"),
    ("lhpn", "lien hiep phu nu"),
    ("pbt", "pho bi thu"),
    ("pct", "pho chu tich"),
    ("tp", "thanh pho"),
    ("tuv", "tinh uy vien"),
    ("tp.", "thanh pho"),
    ("kh&dt", "ke hoach va dau tu"),
    ("khdt", "ke hoach va dau tu"),
    ("tn&mt", "tai nguyen va moi truong"),
    ("tnmt", "tai nguyen va moi truong"),
    ("nn&ptnt", "nong nghiep va phat trien nong thon"),
    ("ptnt", "phat trien nong thon"),
    ("gd&dt", "giao duc va dao tao"),
    ("kh&cn", "khoa hoc va cong nghe"),
    ("tt&tt", "thong tin va truyen thong"),
    ("gtvt", "giao thong van tai"),
];

/// A key under which the same post written in different ways compares
/// equal: folded, abbreviations expanded, punctuation dropped, and
/// "Ban Chấp hành Trung ương Đảng" reduced to "Trung ương".
///
/// Extraction and corpus building ask for the keys of the same few hundred
/// titles again and again, so each thread remembers the keys it made.
pub fn title_key(title: &str) -> String {
    thread_local! {
        static KEYS: Remembered<String> = Default::default();
    }
    remembered(&KEYS, title, make_title_key)
}

/// Answers a thread remembers, by title.
type Remembered<T> = std::cell::RefCell<super::FastMap<String, T>>;

/// The answer `cache` remembers for `title`, worked out by `make` when it
/// has none.
fn remembered<T: Clone>(
    cache: &'static std::thread::LocalKey<Remembered<T>>,
    title: &str,
    make: impl FnOnce(&str) -> T,
) -> T {
    /// Enough for every title of a large corpus; past it the memory starts over.
    const MAX_REMEMBERED: usize = 16 * 1024;
    cache.with_borrow_mut(|known| {
        if let Some(answer) = known.get(title) {
            return answer.clone();
        }
        let answer = make(title);
        if known.len() >= MAX_REMEMBERED {
            known.clear();
        }
        known.insert(title.to_string(), answer.clone());
        answer
    })
}

/// [`title_key`] worked out. Most words of a title are no abbreviation
/// and most titles name no central body: a word's case is read only when
/// it is one, and the central body's long forms are looked for only when
/// the key says "trung uong".
fn make_title_key(title: &str) -> String {
    let f = fold(title);
    let mut words: Vec<&str> = Vec::new();
    for (i, w) in title_words(&f).enumerate() {
        match EXPANSION_OF.get(w) {
            // Only all-caps words are abbreviations: "tư" in running text is a word.
            Some(long) if w.contains('&') || w.contains('.') || is_abbreviation(title, i) => {
                words.extend(long.split(' '))
            }
            _ => words.push(w.trim_matches(|c: char| !c.is_alphanumeric())),
        }
    }
    words.retain(|w| !w.is_empty());
    let mut s = without_terms(&words).join(" ");
    if s.contains("trung uong") {
        for (from, to) in [
            ("ban chap hanh trung uong dang", "trung uong"),
            ("ban chap hanh trung uong", "trung uong"),
            ("trung uong dang", "trung uong"),
        ] {
            s = s.replace(from, to);
        }
    }
    s
}

/// The words of a title, as its key reads them.
fn title_words(title: &str) -> impl Iterator<Item = &str> {
    title
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '–')
        .filter(|w| !w.is_empty())
}

/// Whether the `i`-th word of a title is written in capitals: two letters
/// or more, every one upper case.
fn is_abbreviation(title: &str, i: usize) -> bool {
    title_words(title).nth(i).is_some_and(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    })
}

/// [`EXPANSIONS`] by abbreviation, the first of each kept.
static EXPANSION_OF: LazyLock<super::FastMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut map = super::FastMap::default();
    for &(short, long) in EXPANSIONS {
        map.entry(short).or_insert(long);
    }
    map
});

/// Folded title words without terms of office ("khoa xiv", "nhiem ky 2015
/// 2020"): a post is the same whichever term it is written with.
fn without_terms<'w>(words: &[&'w str]) -> Vec<&'w str> {
    let numeral = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit())
            || w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let w = words[k];
        let next = words.get(k + 1).copied();
        if w == "khoa" && next.is_some_and(numeral) {
            k += 2;
        } else if w == "nhiem" && next == Some("ky") {
            k += 2;
            while words.get(k).is_some_and(|w| numeral(w)) {
                k += 1;
            }
        } else {
            out.push(w);
            k += 1;
        }
    }
    out
}

/// Words naming a local level: a title holding one whole is provincial.
const LOCAL_WORDS: &[&str] = &["tinh", "huyen", "xa", "phuong", "quan"];
/// A local level's party committee ("tinh uy", "thanh pho uy"), found
/// anywhere in the key.
const LOCAL_COMMITTEES: &[&str] = &[
    "tinh uy",
    "huyen uy",
    "thanh pho uy",
    "xa uy",
    "phuong uy",
    "quan uy",
    "thi xa uy",
    "dang bo uy",
];
/// Parts of a key that make a post central once no local level is named.
const CENTRAL_PARTS: &[&str] = &[
    "trung uong",
    "bo chinh tri",
    "ban bi thu",
    "quoc hoi",
    "chinh phu",
    "thu tuong",
    "bo truong",
    "thu truong",
    "chu tich nuoc",
    "tong bi thu",
    "vu truong",
    "cuc truong",
    "tong lien doan",
    "tap chi cong san",
];

/// True when a title belongs to the central level (Politburo, Secretariat,
/// Central Committee departments, National Assembly, Government): such
/// officials serve everywhere, not in one province.
///
/// Asked of every position of every article, and the same few hundred
/// titles come again and again: each thread remembers the answers, as
/// [`title_key`] does the keys.
pub fn is_central(title: &str) -> bool {
    thread_local! {
        static CENTRAL: Remembered<bool> = Default::default();
    }
    remembered(&CENTRAL, title, |t| key_is_central(&title_key(t)))
}

/// [`is_central`] worked out from the title's key, read in place, with no
/// copy but where "địa phương" has to go.
fn key_is_central(k: &str) -> bool {
    // "Vụ Địa phương II" is a central department: its "phương" is no ward.
    let places = if k.contains("dia phuong") {
        std::borrow::Cow::Owned(k.replace("dia phuong", ""))
    } else {
        std::borrow::Cow::Borrowed(k)
    };
    let local = places.split(' ').any(|w| LOCAL_WORDS.contains(&w))
        || LOCAL_COMMITTEES.iter().any(|c| places.contains(c));
    !local && CENTRAL_PARTS.iter().any(|c| k.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::tokenize;

    #[test]
    fn longest_match_over_tokens() {
        let s = "Phó Bí thư Thường trực Tỉnh uỷ";
        let toks = tokenize(s, 0..s.len());
        assert_eq!(LEXICON.longest(&toks, 0), Some((Part::Head, 3)));
        assert_eq!(LEXICON.longest(&toks, 3), Some((Part::HeadModifier, 2)));
        assert!(matches!(
            LEXICON.longest(&toks, 5),
            Some((Part::Org { .. }, 2))
        ));
    }

    #[test]
    fn title_keys_meet_across_spellings() {
        assert_eq!(
            title_key("Chủ tịch UBND tỉnh"),
            title_key("Chủ tịch Ủy ban nhân dân tỉnh")
        );
        assert_eq!(
            title_key("Phó bí thư Thường trực Tỉnh ủy"),
            title_key("Phó Bí thư thường trực Tỉnh uỷ")
        );
        assert_eq!(
            title_key("Ủy viên Ban Chấp hành Trung ương Đảng"),
            title_key("UVTW")
        );
        assert_eq!(
            title_key("Ủy viên T.Ư Đảng"),
            title_key("Ủy viên Trung ương Đảng")
        );
        assert_ne!(
            title_key("Chủ tịch UBND tỉnh"),
            title_key("Phó Chủ tịch UBND tỉnh")
        );
        // A term is no part of the post.
        assert_eq!(
            title_key("Ủy viên Ban Thường vụ Tỉnh ủy khóa XVII"),
            title_key("Ủy viên Ban Thường vụ Tỉnh ủy")
        );
        assert_eq!(
            title_key("Bí thư Tỉnh ủy nhiệm kỳ 2015-2020"),
            title_key("Bí thư Tỉnh ủy")
        );
        assert_ne!(
            title_key("Giám đốc Sở Khoa học và Công nghệ"),
            title_key("Giám đốc Sở học và Công nghệ")
        );
    }

    /// [`make_title_key`] written the plain way: every word's case read,
    /// every abbreviation tried in turn, every long form replaced.
    fn make_title_key_plain(title: &str) -> String {
        let f = fold(title);
        let mut words: Vec<String> = Vec::new();
        let upper: Vec<bool> = title_words(title)
            .map(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && w.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
            })
            .collect();
        for (i, w) in title_words(&f).enumerate() {
            let is_abbrev = upper.get(i).copied().unwrap_or(false);
            match EXPANSIONS.iter().find(|(a, _)| *a == w) {
                Some((_, long)) if is_abbrev || w.contains('&') || w.contains('.') => {
                    words.extend(long.split(' ').map(str::to_string))
                }
                _ => words.push(w.trim_matches(|c: char| !c.is_alphanumeric()).to_string()),
            }
        }
        let words: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| !w.is_empty())
            .collect();
        let mut s = without_terms(&words).join(" ");
        for (from, to) in [
            ("ban chap hanh trung uong dang", "trung uong"),
            ("ban chap hanh trung uong", "trung uong"),
            ("trung uong dang", "trung uong"),
        ] {
            s = s.replace(from, to);
        }
        s
    }

    /// Words titles are made of, abbreviations in every case among them.
    const KEY_WORDS: &[&str] = &[
        "Ủy", "viên", "Ban", "Chấp", "hành", "Trung", "ương", "Đảng", "TW", "Tw", "tw", "TƯ", "tư",
        "T.Ư", "T.W", "UBND", "Ubnd", "ubnd", "tỉnh", "TP", "TP.", "tp", "KH&ĐT", "kh&đt", "Sở",
        "BCH", "BCHTW", "UVTW", "UV", "uv", "khóa", "XIV", "14", "nhiệm", "kỳ", "2020", "2025",
        "-", "–", ",", "(", ")", "ĐBQH", "Phó", "Bí", "thư", "Chủ", "tịch", "Địa", "phương", "II",
        "Tỉnh", "ủy", "Quốc", "hội", "\u{a0}", "MTTQ", "PTNT", "NN&PTNT", "X.", ".", "&",
    ];

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(2000))]

        #[test]
        fn title_keys_are_the_plain_ones(
            picks in proptest::collection::vec((0..KEY_WORDS.len(), 0..4usize), 0..12)
        ) {
            let title: String = picks
                .iter()
                .map(|&(w, g)| format!("{}{}", KEY_WORDS[w], [" ", "", ", ", "  "][g]))
                .collect();
            proptest::prop_assert_eq!(make_title_key(&title), make_title_key_plain(&title));
        }
    }

    /// The same on every title the bundled articles give their people.
    #[test]
    fn title_keys_of_the_articles_are_the_plain_ones() {
        let mut titles = 0;
        crate::testing::each_bundled_doc(|doc| {
            let found = crate::extract::people::extract(doc);
            let named = found.people.iter().flat_map(|p| p.titles());
            for t in named.chain(found.title_refs.iter().map(|r| r.title.as_str())) {
                assert_eq!(make_title_key(t), make_title_key_plain(t), "{t}");
                titles += 1;
            }
        });
        assert!(titles > 30, "{titles} titles");
    }

    /// The test written the plain way: each level word and committee
    /// looked for on its own.
    fn is_central_plain(title: &str) -> bool {
        let k = title_key(title);
        let places = k.replace("dia phuong", "");
        let provincial = [
            "tinh",
            "huyen",
            "thanh pho",
            "xa",
            "phuong",
            "quan",
            "thi xa",
            "dang bo",
        ];
        let local = provincial
            .iter()
            .any(|p| places.split(' ').any(|w| w == *p) || places.contains(&format!("{p} uy")));
        !local && CENTRAL_PARTS.iter().any(|c| k.contains(c))
    }

    #[test]
    fn central_test_is_the_plain_one() {
        let titles = [
            "Ủy viên Bộ Chính trị",
            "Phó Vụ trưởng Vụ Địa phương II",
            "Phó Vụ trưởng Vụ Địa phương II, Ban Tổ chức Trung ương",
            "Vụ trưởng Vụ Địa phương tỉnh",
            "Bí thư Thành phố ủy",
            "Bí thư Thị xã ủy Trung ương",
            "Bí thư Đảng bộ ủy Khối cơ quan Trung ương",
            "Phó Bí thư Quận ủy",
            "Chủ tịch Quốc hội",
            "Bộ trưởng Bộ Tài chính",
            "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy",
            "Thủ tướng Chính phủ",
            "Tổng Biên tập Tạp chí Cộng sản",
            "Chủ tịch UBND xã",
            "Phó Chủ tịch UBND phường",
            "Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam",
            "Cục trưởng Cục Quản lý thị trường thành phố",
            "Ủy viên Ban Thường vụ Tỉnh ủy khóa XVII",
            "Trưởng ban Tuyên giáo Huyện ủy",
            "Chủ tịch nước",
            "",
        ];
        // Twice: the second answer is the remembered one.
        for t in titles.iter().chain(&titles) {
            assert_eq!(is_central(t), is_central_plain(t), "{t}");
        }
    }

    #[test]
    fn central_titles() {
        assert!(is_central("Ủy viên Bộ Chính trị"));
        assert!(is_central("Phó Vụ trưởng Ban Tuyên giáo Trung ương"));
        assert!(!is_central("Bí thư Tỉnh ủy"));
        assert!(!is_central("Chủ tịch UBND tỉnh"));
    }
}
