//! Vietnamese family names, the common Kinh ones ranked by frequency and
//! those of ethnic minorities (Tày, Nùng, Thái, Mông, Dao, Khmer, Ê Đê,
//! Jrai, Bahnar, …) whose names break the Kinh pattern.

use std::sync::LazyLock;

use super::FastMap;
use crate::text::fold::word_key;
use crate::text::lex_key;
use crate::text::segment::{Token, TokenKind};

/// First words of the two-word family names below.
const MULTI_FIRST: &[&str] = &["âu", "tôn", "rah", "rơ"];

/// The most frequent family names, most common first. Together they cover
/// about nine in ten people.
const COMMON: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đào", "Trịnh", "Trương", "Đoàn", "Lâm", "Mai", "Lương",
    "Hà", "Cao", "Tạ", "Phùng", "Lưu", "Tô", "Châu", "Chu", "Đàm", "Kiều", "Triệu",
];

/// Less common Kinh family names and those of minorities.
const OTHER: &[&str] = &[
    "Âu",
    "Âu Dương",
    "Bạch",
    "Bế",
    "Biện",
    "Cầm",
    "Cù",
    "Chẩu",
    "Danh",
    "Diệp",
    "Điểu",
    "Điêu",
    "Đậu",
    "Đồng",
    "Đổng",
    "Đường",
    "Giáp",
    "Giàng",
    "Hàn",
    "Hầu",
    "Hứa",
    "Kha",
    "Khổng",
    "Khúc",
    "Khuất",
    "Khương",
    "Kim",
    "La",
    "Lã",
    "Lạc",
    "Lại",
    "Lạng",
    "Lành",
    "Lầu",
    "Lò",
    "Lù",
    "Lục",
    "Lường",
    "Ma",
    "Mạc",
    "Mẫn",
    "Mông",
    "Mùa",
    "Nghiêm",
    "Ninh",
    "Nông",
    "Ông",
    "Phí",
    "Phương",
    "Quách",
    "Quan",
    "Quản",
    "Quàng",
    "Sầm",
    "Sái",
    "Sơn",
    "Sùng",
    "Tăng",
    "Thạch",
    "Thái",
    "Thân",
    "Thào",
    "Thiều",
    "Tiêu",
    "Tòng",
    "Tôn",
    "Tôn Nữ",
    "Tôn Thất",
    "Tống",
    "Trình",
    "Từ",
    "Ung",
    "Ứng",
    "Vàng",
    "Vi",
    "Viên",
    "Vương",
    "Xa",
    "Y",
    // The prefix of Bahnar, Sedang and other men's names ("A Pớt").
    "A",
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
    "Lộc",
    "Ôn",
    // Mông and Dao family names.
    "Chá",
    "Cứ",
    "Hạng",
    "Tráng",
    "Sình",
    "Chảo",
    "Tẩn",
    "Lỳ",
    "Ly",
    "Mã",
    // Rarer Kinh family names, and Dao ("Bàn"), Thái ("Lự") and Tày or
    // Hoa ones; those that are also common words ("Giang", "Phó", "Hình")
    // are left out, as a title before one would take the word for a name.
    "Bàn",
    "Bành",
    "Cấn",
    "Chử",
    "Doãn",
    "Liêu",
    "Lỗ",
    "Lữ",
    "Lự",
    "Mạch",
    "Nhâm",
    "Nhữ",
    "Sằm",
    "Thẩm",
    "Tưởng",
    "Vòng",
];

/// How common a family name is: 2 for the ranked common names, 1 for the
/// others. Keyed by lex key.
static RANK: LazyLock<FastMap<String, u8>> = LazyLock::new(|| {
    let mut m: FastMap<String, u8> = OTHER.iter().map(|s| (lex_key(s), 1)).collect();
    m.extend(COMMON.iter().map(|s| (lex_key(s), 2)));
    m
});

/// 2 for a common family name, 1 for a rarer or minority one, 0 otherwise.
/// Takes the first one or two words of a name (written as in the text).
pub fn surname_rank(words: &[&str]) -> u8 {
    let Some(first) = words.first() else {
        return 0;
    };
    rank_by_keys(first, &word_key(first), || {
        words.get(1).map(|w| word_key(w))
    })
}

/// The rank of a name whose first word is written `text` with key
/// `first`, the key of its second word given by `second` when asked.
fn rank_by_keys<'k>(
    text: &str,
    first: &str,
    second: impl FnOnce() -> Option<std::borrow::Cow<'k, str>>,
) -> u8 {
    // Ê Đê and Jrai women's names begin with H' ("H'Hen Niê").
    if text.starts_with("H'") || text.starts_with("H’") || text.starts_with("K'") {
        return 1;
    }
    // Two-word family names ("Rah Lan", "Âu Dương") start with one of few words.
    if MULTI_FIRST.contains(&first)
        && let Some(second) = second()
        && let Some(&r) = RANK.get(&format!("{first} {second}"))
    {
        return r;
    }
    RANK.get(first).copied().unwrap_or(0)
}

/// [`surname_rank`] of the first one or two words of a name as tokens,
/// read from the keys the tokenizer made: no word is folded again.
pub fn surname_rank_of(words: &[Token]) -> u8 {
    let words = &words[..words.len().min(2)];
    // A word's key is its `word_key`; marks are keyed otherwise.
    if words.iter().any(|t| t.kind == TokenKind::Punct) {
        let texts: Vec<&str> = words.iter().map(|t| t.text).collect();
        return surname_rank(&texts);
    }
    let Some(first) = words.first() else {
        return 0;
    };
    rank_by_keys(first.text, &first.key, || {
        words
            .get(1)
            .map(|t| std::borrow::Cow::Borrowed(t.key.as_ref()))
    })
}

/// Family names for generators and tests, common first.
pub fn common() -> &'static [&'static str] {
    COMMON
}

/// Family names outside the common list.
pub fn others() -> &'static [&'static str] {
    OTHER
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::tokenize;
    use proptest::prelude::*;

    proptest! {
        /// Ranks read from the tokens' keys equal ranks read from their
        /// text, for family names of one and two words, in any case.
        #[test]
        fn ranks_from_keys_equal_ranks_from_text(
            picks in prop::collection::vec(0..usize::MAX, 1..6),
            upper in any::<bool>(),
        ) {
            let pool: Vec<&str> = COMMON
                .iter()
                .chain(OTHER)
                .copied()
                .chain(["H'Hen", "K'Lông", "Văn", "-", ",", "A", "Âu", "âu dương", "Tỉnh"])
                .collect();
            let text = picks
                .iter()
                .map(|&k| pool[k % pool.len()])
                .collect::<Vec<_>>()
                .join(" ");
            let text = if upper { text.to_uppercase() } else { text };
            let toks = tokenize(&text, 0..text.len());
            for i in 0..toks.len() {
                let words = &toks[i..toks.len().min(i + 2)];
                let texts: Vec<&str> = words.iter().map(|t| t.text).collect();
                prop_assert_eq!(surname_rank_of(words), surname_rank(&texts), "{}", text);
            }
        }
    }

    #[test]
    fn ranks() {
        assert_eq!(surname_rank(&["Nguyễn", "Tiến"]), 2);
        assert_eq!(surname_rank(&["Đồng", "Văn"]), 1);
        assert_eq!(surname_rank(&["Rah", "Lan", "Chung"]), 1);
        assert_eq!(surname_rank(&["H'Hen", "Niê"]), 1);
        assert_eq!(surname_rank(&["Thạch", "Hà"]), 1);
        assert_eq!(surname_rank(&["Tiến", "Hưng"]), 0);
    }
}
