//! The 63 provinces and centrally-run cities before 1 July 2025, their
//! spelling variants, and the 34 units they were merged into.
//!
//! Articles keep the names of their time, so extraction reports the name as
//! it was and [`Province::merged_into`] gives the unit for filtering today.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Lexicon;
use crate::text::segment::{Token, abbreviation_of_period};
use crate::text::{fold, lex_key};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProvinceKind {
    Province,
    /// Centrally-run city (thành phố trực thuộc trung ương).
    City,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Province {
    /// Name as the pre-2025 unit was officially written (old tone placement).
    pub name: &'static str,
    pub kind: ProvinceKind,
    /// Other spellings seen in articles.
    pub aliases: &'static [&'static str],
    /// The unit it belongs to since 1 July 2025 (itself when unchanged or when
    /// it absorbed others).
    pub merged_into: &'static str,
}

macro_rules! p {
    ($name:expr, $kind:ident, [$($alias:expr),*], $into:expr) => {
        Province { name: $name, kind: ProvinceKind::$kind, aliases: &[$($alias),*], merged_into: $into }
    };
}

/// All 63 pre-2025 units.
pub static PROVINCES: &[Province] = &[
    p!(
        "Hà Nội",
        City,
        ["Thủ đô Hà Nội", "TP Hà Nội", "TP. Hà Nội"],
        "Hà Nội"
    ),
    p!(
        "Hải Phòng",
        City,
        ["TP Hải Phòng", "TP. Hải Phòng"],
        "Hải Phòng"
    ),
    p!("Đà Nẵng", City, ["TP Đà Nẵng", "TP. Đà Nẵng"], "Đà Nẵng"),
    p!(
        "Hồ Chí Minh",
        City,
        [
            "TP Hồ Chí Minh",
            "TP. Hồ Chí Minh",
            "TP.HCM",
            "TP HCM",
            "TPHCM",
            "TP.Hồ Chí Minh",
            "Sài Gòn"
        ],
        "Hồ Chí Minh"
    ),
    p!("Cần Thơ", City, ["TP Cần Thơ", "TP. Cần Thơ"], "Cần Thơ"),
    p!("An Giang", Province, [], "An Giang"),
    p!(
        "Bà Rịa - Vũng Tàu",
        Province,
        [
            "Bà Rịa-Vũng Tàu",
            "Bà Rịa – Vũng Tàu",
            "BR-VT",
            "Bà Rịa Vũng Tàu"
        ],
        "Hồ Chí Minh"
    ),
    p!("Bắc Giang", Province, [], "Bắc Ninh"),
    p!("Bắc Kạn", Province, ["Bắc Cạn"], "Thái Nguyên"),
    p!("Bạc Liêu", Province, [], "Cà Mau"),
    p!("Bắc Ninh", Province, [], "Bắc Ninh"),
    p!("Bến Tre", Province, [], "Vĩnh Long"),
    p!("Bình Định", Province, [], "Gia Lai"),
    p!("Bình Dương", Province, [], "Hồ Chí Minh"),
    p!("Bình Phước", Province, [], "Đồng Nai"),
    p!("Bình Thuận", Province, [], "Lâm Đồng"),
    p!("Cà Mau", Province, [], "Cà Mau"),
    p!("Cao Bằng", Province, [], "Cao Bằng"),
    p!(
        "Đắk Lắk",
        Province,
        [
            "Đắc Lắc",
            "Đăk Lăk",
            "Đắk Lăk",
            "Đăk Lắk",
            "Daklak",
            "Dak Lak"
        ],
        "Đắk Lắk"
    ),
    p!(
        "Đắk Nông",
        Province,
        ["Đắc Nông", "Đăk Nông", "Daknong", "Dak Nong"],
        "Lâm Đồng"
    ),
    p!("Điện Biên", Province, [], "Điện Biên"),
    p!("Đồng Nai", Province, [], "Đồng Nai"),
    p!("Đồng Tháp", Province, [], "Đồng Tháp"),
    p!("Gia Lai", Province, [], "Gia Lai"),
    p!("Hà Giang", Province, [], "Tuyên Quang"),
    p!("Hà Nam", Province, [], "Ninh Bình"),
    p!("Hà Tĩnh", Province, [], "Hà Tĩnh"),
    p!("Hải Dương", Province, [], "Hải Phòng"),
    p!("Hậu Giang", Province, [], "Cần Thơ"),
    p!("Hòa Bình", Province, [], "Phú Thọ"),
    p!("Hưng Yên", Province, [], "Hưng Yên"),
    p!("Khánh Hòa", Province, [], "Khánh Hòa"),
    p!("Kiên Giang", Province, [], "An Giang"),
    p!("Kon Tum", Province, ["Kontum"], "Quảng Ngãi"),
    p!("Lai Châu", Province, [], "Lai Châu"),
    p!("Lâm Đồng", Province, [], "Lâm Đồng"),
    p!("Lạng Sơn", Province, [], "Lạng Sơn"),
    p!("Lào Cai", Province, [], "Lào Cai"),
    p!("Long An", Province, [], "Tây Ninh"),
    p!("Nam Định", Province, [], "Ninh Bình"),
    p!("Nghệ An", Province, [], "Nghệ An"),
    p!("Ninh Bình", Province, [], "Ninh Bình"),
    p!("Ninh Thuận", Province, [], "Khánh Hòa"),
    p!("Phú Thọ", Province, [], "Phú Thọ"),
    p!("Phú Yên", Province, [], "Đắk Lắk"),
    p!("Quảng Bình", Province, [], "Quảng Trị"),
    p!("Quảng Nam", Province, [], "Đà Nẵng"),
    p!("Quảng Ngãi", Province, [], "Quảng Ngãi"),
    p!("Quảng Ninh", Province, [], "Quảng Ninh"),
    p!("Quảng Trị", Province, [], "Quảng Trị"),
    p!("Sóc Trăng", Province, [], "Cần Thơ"),
    p!("Sơn La", Province, [], "Sơn La"),
    p!("Tây Ninh", Province, [], "Tây Ninh"),
    p!("Thái Bình", Province, [], "Hưng Yên"),
    p!("Thái Nguyên", Province, [], "Thái Nguyên"),
    p!("Thanh Hóa", Province, ["Xứ Thanh"], "Thanh Hóa"),
    p!(
        "Thừa Thiên Huế",
        Province,
        [
            "Thừa Thiên - Huế",
            "Thừa Thiên-Huế",
            "TT-Huế",
            "TT Huế",
            "Huế",
            "TP Huế",
            "TP. Huế"
        ],
        "Huế"
    ),
    p!("Tiền Giang", Province, [], "Đồng Tháp"),
    p!("Trà Vinh", Province, [], "Vĩnh Long"),
    p!("Tuyên Quang", Province, [], "Tuyên Quang"),
    p!("Vĩnh Long", Province, [], "Vĩnh Long"),
    p!("Vĩnh Phúc", Province, [], "Phú Thọ"),
    p!("Yên Bái", Province, [], "Lào Cai"),
];

/// The 34 units since 1 July 2025 (Huế is the former Thừa Thiên Huế).
pub fn units_2025() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = PROVINCES.iter().map(|p| p.merged_into).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Spellings (lex keys of names and aliases) to the province index, plus the
/// spaceless folded form used to spot a province inside a domain name.
struct Index {
    by_lex: HashMap<String, usize>,
    by_compact_fold: Vec<(String, usize)>,
    /// Longest number of words in any spelling.
    max_words: usize,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut by_lex = HashMap::new();
    let mut by_compact_fold = Vec::new();
    let mut max_words = 1;
    for (i, p) in PROVINCES.iter().enumerate() {
        for s in std::iter::once(&p.name).chain(p.aliases.iter()) {
            let key = spelling_key(s);
            max_words = max_words.max(key.split(' ').count());
            by_lex.insert(key, i);
        }
        let compact: String = fold(p.name)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        by_compact_fold.push((compact, i));
    }
    by_compact_fold.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
    Index {
        by_lex,
        by_compact_fold,
        max_words,
    }
});

/// The key a spelling is looked up by: lex key with punctuation spaced out,
/// so "Bà Rịa-Vũng Tàu" and "Bà Rịa - Vũng Tàu" meet.
fn spelling_key(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| {
            if c == '.' || c == '-' || c == '–' {
                ' '
            } else {
                c
            }
        })
        .collect();
    lex_key(&spaced)
}

/// Looks a written name up: "Thái Bình", "Khánh Hoà", "TP.HCM", "Daklak".
pub fn lookup(name: &str) -> Option<&'static Province> {
    let idx = &*INDEX;
    if let Some(&i) = idx.by_lex.get(&spelling_key(name)) {
        return Some(&PROVINCES[i]);
    }
    // Typed without diacritics (a user's query, a CLI argument).
    let f = fold(name);
    let compact: String = f.chars().filter(|c| c.is_alphanumeric()).collect();
    PROVINCES
        .iter()
        .find(|p| {
            std::iter::once(&p.name).chain(p.aliases.iter()).any(|s| {
                fold(s)
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
                    == compact
            })
        })
        .or_else(|| idx.by_lex.get(&lex_key(&f)).map(|&i| &PROVINCES[i]))
}

/// Every spelling as a token phrase, for finding provinces in running text.
static TOKEN_LEXICON: LazyLock<Lexicon<usize>> = LazyLock::new(|| {
    let mut lx = Lexicon::new();
    for (i, p) in PROVINCES.iter().enumerate() {
        lx.add(p.name, i);
        lx.add_all(p.aliases, i);
    }
    lx
});

/// The longest province spelling starting at `toks[i]`, with its token count.
#[inline]
pub fn at_tokens(toks: &[Token], i: usize) -> Option<(&'static Province, usize)> {
    TOKEN_LEXICON
        .longest(toks, i)
        .map(|(p, n)| (&PROVINCES[p], n))
}

/// Whether the tokens are exactly a province's name.
#[inline]
pub fn is_province(toks: &[Token]) -> bool {
    at_tokens(toks, 0).is_some_and(|(_, n)| n == toks.len())
}

/// Looks up a run of words given as their spelling keys (see [`lookup_words`]).
pub fn lookup_key(key: &str) -> Option<&'static Province> {
    INDEX.by_lex.get(key).map(|&i| &PROVINCES[i])
}

/// Longest province spelling made of the first words of `words` (each a
/// word as written). Returns the province and how many words it took.
pub fn lookup_words(words: &[&str]) -> Option<(&'static Province, usize)> {
    let max = INDEX.max_words.min(words.len());
    (1..=max).rev().find_map(|n| {
        let joined = words[..n].join(" ");
        lookup_key(&spelling_key(&joined)).map(|p| (p, n))
    })
}

/// A province whose name is written inside a host or domain name, such as
/// "baothaibinh.com.vn" or "Baohatinh.vn".
pub fn in_domain(domain: &str) -> Option<&'static Province> {
    let host = fold(domain);
    let host = host.split('.').next().unwrap_or("");
    INDEX
        .by_compact_fold
        .iter()
        .find(|(compact, _)| compact.len() >= 5 && host.contains(compact.as_str()))
        .map(|&(_, i)| &PROVINCES[i])
}

/// Districts, towns and cities whose name belongs to one province only: a
/// meeting "tại Hà Đông" is in Hà Nội. The urban districts of the five
/// centrally-run cities and provincial cities and towns often named alone;
/// names shared by two provinces (Phong Điền, Vĩnh Thạnh, Thuận An) are left
/// out.
pub static DISTRICTS: &[(&str, &str)] = &[
    // Hà Nội
    ("Ba Đình", "Hà Nội"),
    ("Hoàn Kiếm", "Hà Nội"),
    ("Tây Hồ", "Hà Nội"),
    ("Long Biên", "Hà Nội"),
    ("Cầu Giấy", "Hà Nội"),
    ("Đống Đa", "Hà Nội"),
    ("Hai Bà Trưng", "Hà Nội"),
    ("Hoàng Mai", "Hà Nội"),
    ("Thanh Xuân", "Hà Nội"),
    ("Nam Từ Liêm", "Hà Nội"),
    ("Bắc Từ Liêm", "Hà Nội"),
    ("Từ Liêm", "Hà Nội"),
    ("Hà Đông", "Hà Nội"),
    ("Sơn Tây", "Hà Nội"),
    ("Sóc Sơn", "Hà Nội"),
    ("Đông Anh", "Hà Nội"),
    ("Gia Lâm", "Hà Nội"),
    ("Mê Linh", "Hà Nội"),
    ("Thạch Thất", "Hà Nội"),
    ("Quốc Oai", "Hà Nội"),
    ("Chương Mỹ", "Hà Nội"),
    ("Thanh Oai", "Hà Nội"),
    ("Thường Tín", "Hà Nội"),
    ("Phú Xuyên", "Hà Nội"),
    ("Ứng Hòa", "Hà Nội"),
    ("Mỹ Đức", "Hà Nội"),
    ("Ba Vì", "Hà Nội"),
    ("Phúc Thọ", "Hà Nội"),
    ("Đan Phượng", "Hà Nội"),
    ("Hoài Đức", "Hà Nội"),
    ("Thanh Trì", "Hà Nội"),
    // Hồ Chí Minh
    ("Thủ Đức", "Hồ Chí Minh"),
    ("Bình Thạnh", "Hồ Chí Minh"),
    ("Gò Vấp", "Hồ Chí Minh"),
    ("Phú Nhuận", "Hồ Chí Minh"),
    ("Tân Bình", "Hồ Chí Minh"),
    ("Tân Phú", "Hồ Chí Minh"),
    ("Bình Tân", "Hồ Chí Minh"),
    ("Củ Chi", "Hồ Chí Minh"),
    ("Hóc Môn", "Hồ Chí Minh"),
    ("Bình Chánh", "Hồ Chí Minh"),
    ("Nhà Bè", "Hồ Chí Minh"),
    ("Cần Giờ", "Hồ Chí Minh"),
    // Đà Nẵng
    ("Hải Châu", "Đà Nẵng"),
    ("Thanh Khê", "Đà Nẵng"),
    ("Sơn Trà", "Đà Nẵng"),
    ("Ngũ Hành Sơn", "Đà Nẵng"),
    ("Liên Chiểu", "Đà Nẵng"),
    ("Cẩm Lệ", "Đà Nẵng"),
    ("Hòa Vang", "Đà Nẵng"),
    // Hải Phòng
    ("Hồng Bàng", "Hải Phòng"),
    ("Ngô Quyền", "Hải Phòng"),
    ("Hải An", "Hải Phòng"),
    ("Kiến An", "Hải Phòng"),
    ("Đồ Sơn", "Hải Phòng"),
    ("Dương Kinh", "Hải Phòng"),
    ("Thủy Nguyên", "Hải Phòng"),
    ("An Dương", "Hải Phòng"),
    ("An Lão", "Hải Phòng"),
    ("Kiến Thụy", "Hải Phòng"),
    ("Tiên Lãng", "Hải Phòng"),
    ("Vĩnh Bảo", "Hải Phòng"),
    ("Cát Hải", "Hải Phòng"),
    // Cần Thơ
    ("Ninh Kiều", "Cần Thơ"),
    ("Bình Thủy", "Cần Thơ"),
    ("Cái Răng", "Cần Thơ"),
    ("Ô Môn", "Cần Thơ"),
    ("Thốt Nốt", "Cần Thơ"),
    ("Cờ Đỏ", "Cần Thơ"),
    ("Thới Lai", "Cần Thơ"),
    // Provincial cities and towns often named alone.
    ("Hạ Long", "Quảng Ninh"),
    ("Cẩm Phả", "Quảng Ninh"),
    ("Móng Cái", "Quảng Ninh"),
    ("Uông Bí", "Quảng Ninh"),
    ("Đà Lạt", "Lâm Đồng"),
    ("Bảo Lộc", "Lâm Đồng"),
    ("Nha Trang", "Khánh Hòa"),
    ("Cam Ranh", "Khánh Hòa"),
    ("Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    ("Biên Hòa", "Đồng Nai"),
    ("Long Khánh", "Đồng Nai"),
    ("Thủ Dầu Một", "Bình Dương"),
    ("Dĩ An", "Bình Dương"),
    ("Buôn Ma Thuột", "Đắk Lắk"),
    ("Pleiku", "Gia Lai"),
    ("Quy Nhơn", "Bình Định"),
    ("Tuy Hòa", "Phú Yên"),
    ("Hội An", "Quảng Nam"),
    ("Tam Kỳ", "Quảng Nam"),
    ("Đồng Hới", "Quảng Bình"),
    ("Đông Hà", "Quảng Trị"),
    ("Sầm Sơn", "Thanh Hóa"),
    ("Mỹ Tho", "Tiền Giang"),
    ("Rạch Giá", "Kiên Giang"),
    ("Phú Quốc", "Kiên Giang"),
    ("Hà Tiên", "Kiên Giang"),
    ("Long Xuyên", "An Giang"),
    ("Châu Đốc", "An Giang"),
    ("Cao Lãnh", "Đồng Tháp"),
    ("Sa Đéc", "Đồng Tháp"),
    ("Việt Trì", "Phú Thọ"),
    ("Sa Pa", "Lào Cai"),
    ("Điện Biên Phủ", "Điện Biên"),
    ("Phan Thiết", "Bình Thuận"),
    ("Phan Rang - Tháp Chàm", "Ninh Thuận"),
    ("Buôn Hồ", "Đắk Lắk"),
    ("Vị Thanh", "Hậu Giang"),
];

/// District spellings as token phrases.
static DISTRICT_LEXICON: LazyLock<Lexicon<usize>> = LazyLock::new(|| {
    let mut lx = Lexicon::new();
    for (i, (d, _)) in DISTRICTS.iter().enumerate() {
        lx.add(d, i);
    }
    lx
});

/// The province of the district named at `toks[i]`, with the district's
/// token count.
pub fn district_at_tokens(toks: &[Token], i: usize) -> Option<(&'static Province, usize)> {
    let (d, n) = DISTRICT_LEXICON.longest(toks, i)?;
    // "Sơn Tây Hạ" is another place than "Sơn Tây".
    if toks.get(i + n).is_some_and(|t| t.is_capitalized()) {
        return None;
    }
    lookup(DISTRICTS[d].1).map(|p| (p, n))
}

/// Places of one kind whose name belongs to one province (or 2025 unit)
/// only, read from a list of "owner<TAB>name;name…" lines, and found in
/// text after a word of their kind ("xã Tịnh Khê", "Huyện ủy Châu Đức").
pub struct Places {
    names: Vec<(&'static str, &'static str)>,
    lexicon: Lexicon<usize>,
    kinds: super::PhraseList,
    /// Its kinds' abbreviations written with a period ("TX. Đông Triều"),
    /// lower-cased.
    abbreviated: &'static [&'static str],
    /// Whether "thị xã" (a town) is of this kind.
    towns: bool,
}

impl Places {
    fn new(list: &'static str, kinds: &[&str], abbreviated: &'static [&'static str]) -> Places {
        let names: Vec<(&'static str, &'static str)> = list
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .flat_map(|(owner, names)| names.split(';').map(move |n| (owner, n)))
            .collect();
        let mut lexicon = Lexicon::new();
        for (i, (_, name)) in names.iter().enumerate() {
            lexicon.add(name, i);
        }
        Places {
            names,
            lexicon,
            kinds: super::PhraseList::new(kinds),
            abbreviated,
            towns: kinds.contains(&"thị xã"),
        }
    }

    /// The owner of the place named at `toks[i]` after a word of its kind,
    /// with the name's token count; a name that goes on ("Sơn Tây Hạ") is
    /// another place.
    pub fn at(&self, toks: &[Token], i: usize) -> Option<(&'static str, usize)> {
        // "thị xã Đức Phổ" is a town, not a commune.
        let town = i >= 1 && toks[i - 1].key == "xã" && i >= 2 && toks[i - 2].key == "thị";
        let kind = self.kinds.ends_before(toks, i) || self.abbreviation_before(toks, i);
        if !kind || (town && !self.towns) {
            return None;
        }
        let (w, n) = self.lexicon.longest(toks, i)?;
        let continues = toks.get(i + n).is_some_and(|t| t.is_capitalized());
        (!continues).then(|| (self.names[w].0, n))
    }

    /// Whether `words` are, all of them, the name of one of its places.
    pub fn names(&self, words: &[Token]) -> bool {
        self.lexicon
            .longest(words, 0)
            .is_some_and(|(_, n)| n == words.len())
    }

    /// Whether one of its kinds' abbreviations and its period come right
    /// before `toks[i]` ("TX. Đông Triều", "H. Tiên Yên").
    fn abbreviation_before(&self, toks: &[Token], i: usize) -> bool {
        i.checked_sub(1)
            .and_then(|dot| abbreviation_of_period(toks, dot))
            .is_some_and(|word| self.abbreviated.contains(&word.key.as_ref()))
    }
}

/// Wards, communes and special zones of the 34 units since July 2025.
pub static WARDS_2025: LazyLock<Places> = LazyLock::new(|| {
    Places::new(
        include_str!("wards_2025.txt"),
        &["xã", "phường", "đặc khu", "đảng bộ xã", "đảng bộ phường"],
        &["x", "p"],
    )
});

/// Communes, wards and townships of the 63 provinces before July 2025.
pub static COMMUNES_2024: LazyLock<Places> = LazyLock::new(|| {
    Places::new(
        include_str!("communes_2024.txt"),
        &["xã", "phường", "thị trấn", "đảng bộ xã", "đảng bộ phường"],
        &["x", "p", "tt"],
    )
});

/// Districts, towns and provincial cities of the 63 provinces.
pub static DISTRICTS_2024: LazyLock<Places> = LazyLock::new(|| {
    Places::new(
        include_str!("districts_2024.txt"),
        &[
            "huyện",
            "quận",
            "thị xã",
            "thành phố",
            "tp",
            "tx",
            "huyện ủy",
            "quận ủy",
            "thị ủy",
            "thành ủy",
        ],
        &["h", "q", "tx", "tp"],
    )
});

/// The one pre-2025 unit a 2025 unit was formed from, when it absorbed
/// none (Quảng Ninh, Lạng Sơn, Huế).
pub fn sole_predecessor(unit: &str) -> Option<&'static Province> {
    let mut it = PROVINCES.iter().filter(|p| p.merged_into == unit);
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

/// True when the province is one of the 34 units in force since July 2025.
pub fn is_2025_unit(p: &Province) -> bool {
    lookup(p.merged_into).is_some_and(|u| u.name == p.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_63_and_34() {
        assert_eq!(PROVINCES.len(), 63);
        assert_eq!(units_2025().len(), 34);
        assert_eq!(
            PROVINCES
                .iter()
                .filter(|p| p.kind == ProvinceKind::City)
                .count(),
            5
        );
        for u in units_2025() {
            // Every 2025 unit is also a spelling of a pre-2025 one (Huế).
            assert!(lookup(u).is_some(), "{u}");
        }
    }

    #[test]
    fn spellings_are_found() {
        assert_eq!(lookup("Khánh Hoà").unwrap().name, "Khánh Hòa");
        assert_eq!(lookup("TP.HCM").unwrap().name, "Hồ Chí Minh");
        assert_eq!(lookup("Bà Rịa-Vũng Tàu").unwrap().name, "Bà Rịa - Vũng Tàu");
        assert_eq!(lookup("thai binh").unwrap().name, "Thái Bình");
        assert_eq!(lookup("Daklak").unwrap().name, "Đắk Lắk");
        assert_eq!(lookup("Thái Bình").unwrap().merged_into, "Hưng Yên");
        assert!(lookup("Thạch Hà").is_none());
    }

    #[test]
    fn words_and_domains() {
        let (p, n) = lookup_words(&["Thừa", "Thiên", "Huế", "Nguyễn"]).unwrap();
        assert_eq!((p.name, n), ("Thừa Thiên Huế", 3));
        assert_eq!(in_domain("baothaibinh.com.vn").unwrap().name, "Thái Bình");
        assert_eq!(in_domain("Baohatinh.vn").unwrap().name, "Hà Tĩnh");
        assert!(in_domain("vnexpress.net").is_none());
    }

    #[test]
    fn every_district_names_a_province() {
        for (d, p) in DISTRICTS {
            assert!(lookup(p).is_some(), "{d}: {p}");
        }
    }
}
