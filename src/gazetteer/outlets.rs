//! Outlets that belong to one province: the provinces' Party papers, Party
//! committee sites and government portals, known by their host names.
//!
//! Most follow a pattern on the province's name written without marks or
//! spaces (the "slug"): `bao<slug>.vn` (also `.com.vn`, `.org.vn`),
//! `<slug>.gov.vn` and its commune or department sub-domains,
//! `<slug>.dcs.vn` and its sub-domains, `tinhuy<slug>.vn`,
//! `thanhuy<slug>.vn`. A few papers carry a name of their own ("Ấp Bắc",
//! "Đồng Khởi"); they are listed.

use std::sync::LazyLock;

use super::provinces::{self, PROVINCES, Province};
use crate::text::fold;
use crate::text::segment::tokenize;

/// Host names (or their first label) that do not follow the patterns.
const IRREGULAR: &[(&str, &str)] = &[
    ("hanoimoi", "Hà Nội"),
    ("kinhtedothi", "Hà Nội"),
    ("nguoihanoi", "Hà Nội"),
    ("hanoi", "Hà Nội"),
    ("sggp", "Hồ Chí Minh"),
    ("hcmcpv", "Hồ Chí Minh"),
    ("hcmc", "Hồ Chí Minh"),
    ("hcm", "Hồ Chí Minh"),
    ("hochiminhcity", "Hồ Chí Minh"),
    ("thanhphohochiminh", "Hồ Chí Minh"),
    ("apbac", "Tiền Giang"),
    ("dongkhoi", "Bến Tre"),
    ("dienbienphu", "Điện Biên"),
    ("baria", "Bà Rịa - Vũng Tàu"),
    ("vungtau", "Bà Rịa - Vũng Tàu"),
    ("brvt", "Bà Rịa - Vũng Tàu"),
    ("hue", "Thừa Thiên Huế"),
    ("thuathienhue", "Thừa Thiên Huế"),
    ("daklak", "Đắk Lắk"),
    ("daknong", "Đắk Nông"),
    ("thanhphohaiphong", "Hải Phòng"),
    ("bdk", "Bến Tre"),
];

/// Short tags provincial papers sign their leads with ("(QBĐT) - …").
const TAGS: &[(&str, &str)] = &[
    ("BBNĐT", "Bắc Ninh"),
    ("BGĐT", "Bắc Giang"),
    ("QBĐT", "Quảng Bình"),
    ("QTO", "Quảng Trị"),
    ("KGO", "Kiên Giang"),
    ("BPO", "Bình Phước"),
    ("HGĐT", "Hà Giang"),
    ("QNgĐT", "Quảng Ngãi"),
    ("HNMO", "Hà Nội"),
    ("BDK", "Bến Tre"),
];

/// Words a host starts with before the slug: "báo", "tỉnh ủy", "thành ủy",
/// "cổng", "đài".
const PREFIXES: &[&str] = &[
    "bao",
    "tinhuy",
    "thanhuy",
    "congan",
    "cong",
    "dai",
    "truyenhinh",
    "ptth",
    "ubnd",
    "hdnd",
];

/// Host labels that say nothing of the province.
const GENERIC_LABELS: &[&str] = &[
    "vn", "com", "net", "org", "gov", "edu", "info", "biz", "dcs", "www", "m", "lite", "amp",
    "mobile", "en", "news", "tintuc",
];

/// Each province's slugs (name and spellings without marks or spaces),
/// longest first, with the irregular names.
static SLUGS: LazyLock<Vec<(String, &'static Province)>> = LazyLock::new(|| {
    let mut v: Vec<(String, &'static Province)> = Vec::new();
    for p in PROVINCES {
        for s in std::iter::once(&p.name).chain(p.aliases.iter()) {
            let slug = slug(s);
            if slug.len() >= 4 {
                v.push((slug, p));
            }
        }
    }
    for (s, name) in IRREGULAR {
        if let Some(p) = provinces::lookup(name) {
            v.push((s.to_string(), p));
        }
    }
    v.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    v
});

/// A name without marks, spaces or punctuation: "Bà Rịa - Vũng Tàu" →
/// "bariavungtau".
pub fn slug(s: &str) -> String {
    fold(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// The province of an outlet: a host ("baohatinh.vn", "Baohatinh.vn",
/// "ubkt.hungyen.dcs.vn") or a name that contains a province ("Báo Sơn La",
/// "Cổng TTĐT tỉnh Tuyên Quang").
pub fn province_of_outlet(outlet: &str) -> Option<&'static Province> {
    let o = outlet.trim();
    if let Some((_, name)) = TAGS.iter().find(|(t, _)| *t == o) {
        return provinces::lookup(name);
    }
    let looks_like_host = !o.contains(' ') && o.contains('.');
    if looks_like_host {
        return province_of_host(o);
    }
    named_in(o)
}

/// The first province named in a short text.
fn named_in(s: &str) -> Option<&'static Province> {
    let toks = tokenize(s, 0..s.len());
    (0..toks.len()).find_map(|i| provinces::at_tokens(&toks, i).map(|(p, _)| p))
}

/// The province a host name belongs to, by the patterns above; the
/// registered name is tried before sub-domains.
pub fn province_of_host(host: &str) -> Option<&'static Province> {
    let host = crate::source::host_of(host).unwrap_or_else(|| host.to_ascii_lowercase());
    let labels: Vec<&str> = host
        .split('.')
        .filter(|l| !l.is_empty() && !GENERIC_LABELS.contains(l))
        .collect();
    let registered = labels.last()?;
    of_label(registered, true)
        .or_else(|| labels.iter().rev().skip(1).find_map(|l| of_label(l, false)))
        .or_else(|| blog_label(&labels))
}

/// A site on a shared host ("kinhtethaibinh.family.blog"): its own label,
/// the first, with a province's slug inside it.
fn blog_label(labels: &[&str]) -> Option<&'static Province> {
    let [own, _, ..] = labels else { return None };
    SLUGS
        .iter()
        .find(|(s, _)| s.len() >= 7 && own.contains(s.as_str()))
        .map(|(_, p)| *p)
}

/// A label that is a slug, a prefix and a slug, or (for the registered
/// name) that has a slug of six letters or more inside it.
fn of_label(label: &str, registered: bool) -> Option<&'static Province> {
    let l: String = label
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let exact = |s: &str| SLUGS.iter().find(|(x, _)| x == s).map(|(_, p)| *p);
    if let Some(p) = exact(&l) {
        return Some(p);
    }
    for pre in PREFIXES {
        if let Some(rest) = l.strip_prefix(pre)
            && let Some(p) = exact(rest).or_else(|| exact(rest.strip_prefix("tp").unwrap_or("")))
        {
            return Some(p);
        }
    }
    if !registered {
        return None;
    }
    SLUGS
        .iter()
        .find(|(s, _)| s.len() >= 6 && l.contains(s.as_str()))
        .map(|(_, p)| *p)
}

/// A province named in an address's path, as aggregators' tag and topic
/// pages have it ("/tag/Phú-Yên-34.epi", "/chu-de/thanh-hoa.htm"). A name
/// written with its marks is taken first; a slug only when it is the one
/// province in the path.
pub fn province_in_path(url: &str) -> Option<&'static Province> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.split_once('/').map_or("", |(_, p)| p);
    let path = percent_decode(path);
    let words: Vec<&str> = path
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for i in 0..words.len() {
        if !words[i].is_ascii()
            && let Some((p, _)) = provinces::lookup_words(&words[i..])
        {
            return Some(p);
        }
    }
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let mut found: Vec<&'static Province> = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        let hit = (1..=4.min(folded.len() - i)).rev().find_map(|n| {
            let joined = folded[i..i + n].join(" ");
            SPACED
                .iter()
                .find(|(s, _)| *s == joined)
                .map(|(_, p)| (*p, n))
        });
        match hit {
            Some((p, n)) => {
                if !found.iter().any(|q| q.name == p.name) {
                    found.push(p);
                }
                i += n;
            }
            None => i += 1,
        }
    }
    (found.len() == 1).then(|| found[0])
}

/// Spellings of two words or more, folded with their spaces ("phu yen"):
/// one-word slugs are too often ordinary words in a path.
static SPACED: LazyLock<Vec<(String, &'static Province)>> = LazyLock::new(|| {
    let mut v = Vec::new();
    for p in PROVINCES {
        for s in std::iter::once(&p.name).chain(p.aliases.iter()) {
            let words: Vec<String> = fold(s)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            if words.len() >= 2 {
                v.push((words.join(" "), p));
            }
        }
    }
    v
});

/// `%XX` escapes decoded; invalid UTF-8 replaced.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(if b[i] == b'+' { b' ' } else { b[i] });
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(h: &str) -> Option<&'static str> {
        province_of_host(h).map(|p| p.name)
    }

    #[test]
    fn party_papers_and_portals() {
        assert_eq!(host("baothanhhoa.vn"), Some("Thanh Hóa"));
        assert_eq!(host("https://www.baosonla.org.vn/x"), Some("Sơn La"));
        assert_eq!(host("ubkt.hungyen.dcs.vn"), Some("Hưng Yên"));
        assert_eq!(host("tinhuybinhphuoc.vn"), Some("Bình Phước"));
        assert_eq!(host("thanhuytphcm.vn"), Some("Hồ Chí Minh"));
        assert_eq!(host("xaabc.danang.gov.vn"), Some("Đà Nẵng"));
        assert_eq!(host("baoapbac.vn"), Some("Tiền Giang"));
        assert_eq!(host("kinhtethaibinh.family.blog"), Some("Thái Bình"));
        assert_eq!(host("vnexpress.net"), None);
        assert_eq!(host("thanhnien.vn"), None);
    }

    #[test]
    fn paths_of_aggregators() {
        let p = province_in_path("https://baomoi.net.vn/tag/Ph%C3%BA-Y%C3%AAn-34.epi");
        assert_eq!(p.map(|p| p.name), Some("Phú Yên"));
        let two = province_in_path("https://x.vn/tinh-uy-thai-nguyen-tai-dong-nai-1.html");
        assert!(two.is_none());
    }
}
