//! The shape of a person's name: two to five capitalized syllables, usually
//! starting with a family name, and never a place or an organisation.

use crate::gazetteer::provinces;
use crate::gazetteer::surnames::{surname_rank, surname_rank_of};
use crate::gazetteer::titles::{HONORIFIC_LEXICON, LEXICON, Part, RANK_LEXICON};
use crate::text::segment::{Token, TokenKind};

/// Whether a token can be a syllable of a name: a capitalized word of
/// letters ("Hải", "H'Hen", "Y"), not an abbreviation.
pub fn is_name_token(t: &Token) -> bool {
    t.shape.name_like
}

/// Whether a title-lexicon phrase begins at `tokens[i]`, so a name cannot
/// run on through it ("Ngô Đông Hải Bí thư …").
pub fn starts_title_word(tokens: &[Token], i: usize) -> bool {
    match LEXICON.longest(tokens, i) {
        Some((Part::Head, _)) => true,
        // "Quyền" is also a given name: a prefix counts only before a head.
        Some((Part::Prefix, n)) => matches!(LEXICON.longest(tokens, i + n), Some((Part::Head, _))),
        Some((Part::Org { .. } | Part::Level(_), n)) => n >= 2 || single_word_org(tokens[i].text),
        _ => false,
    }
}

/// One-word bodies that are never a syllable of a name.
fn single_word_org(w: &str) -> bool {
    matches!(
        w,
        "Sở" | "Ban"
            | "Bộ"
            | "Vụ"
            | "Cục"
            | "Phòng"
            | "Viện"
            | "Báo"
            | "Đảng"
            | "UBND"
            | "HĐND"
            | "TW"
            | "TP"
            | "MTTQ"
    )
}

/// Length of the run of name-shaped tokens starting at `tokens[i]` (at most
/// `max`), stopping before a title word.
pub fn name_run(tokens: &[Token], i: usize, max: usize) -> usize {
    let mut n = 0;
    while i + n < tokens.len() && n < max {
        let t = &tokens[i + n];
        if !is_name_token(t) || (n > 0 && !t.space_before) {
            break;
        }
        // Asked only once the title words are ruled out, as the others.
        let honorific = || {
            HONORIFIC_LEXICON.longest(tokens, i + n).is_some()
                && !(n == 0 && honorific_is_family_name(tokens, i))
        };
        if (starts_title_word(tokens, i + n) && !org_words_ending_name(tokens, i, n))
            || honorific()
            || repeats_start(tokens, i, n)
            || (n > 0 && credit_label_at(tokens, i + n))
        {
            break;
        }
        n += 1;
    }
    n
}

/// Whether a credit's label ("Ảnh:", "Nguồn:") begins at `tokens[i]`: a
/// caption's credit glued to the name before it is not one of its
/// syllables ("ông Trần Phong Ảnh: Thanh Lộc").
fn credit_label_at(tokens: &[Token], i: usize) -> bool {
    matches!(
        tokens[i].key.as_ref(),
        "ảnh" | "nguồn" | "photo" | "video" | "clip"
    ) && tokens.get(i + 1).is_some_and(|t| t.is_punct(':'))
}

/// Whether the honorific at `tokens[i]` is a family name ("Ông") that
/// begins a name: capitalized, and followed by two given names, which a
/// name after an honorific would not begin with ("Ông Xuân Quang", not
/// "Ông Nguyễn Xuân Quang").
pub fn honorific_is_family_name(tokens: &[Token], i: usize) -> bool {
    let Some(given) = tokens.get(i + 1..i + 3) else {
        return false;
    };
    is_name_token(&tokens[i])
        && matches!(HONORIFIC_LEXICON.longest(tokens, i), Some((_, 1)))
        && surname_rank_of(&tokens[i..i + 1]) > 0
        && given.iter().enumerate().all(|(k, t)| {
            is_name_token(t) && t.space_before && !starts_title_word(tokens, i + 1 + k)
        })
        && surname_rank_of(given) == 0
}

/// A name written in capitals after a title in a caption ("Bí thư Thị ủy
/// TRẦN PHƯỚC HIỀN"): two to four capitalized syllables ending the clause,
/// the first a family name. Returns its length.
pub fn caps_name_at(tokens: &[Token], i: usize) -> Option<usize> {
    // A syllable in capitals is capitalized: the token's shape rules out
    // most words before their letters are read.
    if !tokens[i].is_capitalized() {
        return None;
    }
    let syllable =
        |t: &Token| t.kind == TokenKind::Word && t.space_before && capital_letters(t.text, 2..=7);
    let n = tokens[i..].iter().take_while(|t| syllable(t)).count();
    if !(2..=4).contains(&n) || !tokens.get(i + n).is_none_or(|t| t.kind == TokenKind::Punct) {
        return None;
    }
    let first = tokens[i].text.to_lowercase();
    let shaped = surname_rank(&[first.as_str()]) > 0;
    (shaped && !provinces::is_province(&tokens[i..i + n])).then_some(n)
}

/// Whether `text` is only letters, all upper case, and their count is in
/// `count`. ASCII is answered without Unicode tables, and a lower-case
/// letter ends the reading: most words fail at their second letter.
fn capital_letters(text: &str, count: std::ops::RangeInclusive<usize>) -> bool {
    let mut n = 0;
    for c in text.chars() {
        n += 1;
        // Every upper-case character is alphabetic: one table answers.
        let capital = if c.is_ascii() {
            c.is_ascii_uppercase()
        } else {
            c.is_uppercase()
        };
        if !capital || n > *count.end() {
            return false;
        }
    }
    count.contains(&n)
}

/// Whether the run begun at `tokens[i]` starts over at `tokens[i + n]`: a
/// name written twice ("Bùi Thanh Nhân Bùi Thanh Nhân") is two names.
fn repeats_start(tokens: &[Token], i: usize, n: usize) -> bool {
    n >= 2
        && tokens.len() > i + n + 1
        && tokens[i + n].key == tokens[i].key
        && tokens[i + n + 1].key == tokens[i + 1].key
}

/// Whether the body words at `tokens[i + n]` are the last syllables of the
/// name begun at `tokens[i]` ("Nguyễn Trung Tâm", not "Trung tâm Y tế"):
/// every word capitalized, and no name-shaped word after them.
fn org_words_ending_name(tokens: &[Token], i: usize, n: usize) -> bool {
    let Some((Part::Org { .. }, len)) = LEXICON.longest(tokens, i + n) else {
        return false;
    };
    let words = &tokens[i + n..i + n + len];
    n > 0
        && len >= 2
        && n + len <= 4
        && words.iter().all(|t| is_name_token(t) && t.space_before)
        && tokens
            .get(i + n + len)
            .is_none_or(|t| !is_name_token(t) || !t.space_before)
}

/// How much `words` look like a person's name, or `None` when they cannot
/// be one. `introduced` is true after "đồng chí", a rank or a title, where
/// names of minorities without a known family name are accepted.
pub fn name_score(toks: &[Token], introduced: bool) -> Option<f32> {
    let n = toks.len();
    if !(2..=5).contains(&n) || (n == 5 && !introduced && !ede_shape(toks)) {
        return None;
    }
    if toks.iter().all(|t| t.text.chars().count() == 1) {
        return None;
    }
    // A place is not a person: "Thái Bình", "Hồ Chí Minh".
    if provinces::is_province(toks) {
        return None;
    }
    let rank = surname_rank_of(toks);
    if rank == 0 && !introduced {
        return None;
    }
    let length_bonus = match n {
        3 => 1.0,
        4 => 0.6,
        2 => 0.4,
        _ => -0.5,
    };
    Some(rank as f32 + length_bonus)
}

/// An Ê Đê or Jrai name, which may have five words: a personal prefix ("Y"
/// for men, "H'" for women) and a family name after the given names ("Y
/// Thanh Hà Niê Kđăm").
fn ede_shape(toks: &[Token]) -> bool {
    let first = toks[0].text;
    let prefix = first == "Y" || first.starts_with("H'") || first.starts_with("H’");
    prefix
        && toks[1..]
            .iter()
            .any(|t| surname_rank_of(std::slice::from_ref(t)) > 0)
}

/// A line that holds only a name, maybe after an honorific or rank
/// ("Đồng chí Hoàng Công Hà").
pub fn looks_like_name_line(tokens: &[Token]) -> bool {
    let skip = HONORIFIC_LEXICON
        .longest(tokens, 0)
        .or_else(|| RANK_LEXICON.longest(tokens, 0))
        .map_or(0, |(_, n)| n);
    let rest = &tokens[skip..];
    name_run(tokens, skip, 6) == rest.len() && name_score(rest, skip > 0).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::tokenize;

    fn toks(s: &str) -> Vec<Token<'_>> {
        tokenize(s, 0..s.len())
    }

    #[test]
    fn name_tokens() {
        let t = toks("Hải H'Hen Y UBND T.Ư 2020 hải");
        let ok: Vec<bool> = t.iter().map(is_name_token).collect();
        assert_eq!(ok, vec![true, true, true, false, false, false, false]);
    }

    #[test]
    fn runs_stop_at_titles() {
        let t = toks("Ngô Đông Hải Bí thư Tỉnh ủy");
        assert_eq!(name_run(&t, 0, 6), 3);
        // Body words can end a name, but not begin a body's name.
        assert_eq!(name_run(&toks("Nguyễn Trung Tâm, Ngô Xuân Hoà"), 0, 6), 3);
        assert_eq!(name_run(&toks("Nguyễn Văn An Trung tâm Y tế"), 0, 6), 3);
        assert_eq!(name_run(&toks("Nguyễn An Trung Tâm Y Tế"), 0, 6), 2);
        let t = toks("Hoàng Trung Dũng chủ trì");
        assert_eq!(name_run(&t, 0, 6), 3);
    }

    #[test]
    fn scores() {
        let score = |s: &str, introduced| name_score(&toks(s), introduced);
        assert!(score("Ngô Đông Hải", false).is_some());
        assert!(score("Thái Bình", true).is_none());
        assert!(score("Tại Hội", false).is_none());
        assert!(score("Rah Lan Chung", false).is_some());
        assert!(score("Y Moan", true).is_some());
        assert!(score("Nguyễn Văn A B C", false).is_none());
    }

    /// "Ông" is an honorific and a family name: before given names only,
    /// it begins the name.
    #[test]
    fn honorific_family_names() {
        assert!(honorific_is_family_name(
            &toks("Ông Xuân Quang phát biểu"),
            0
        ));
        assert!(!honorific_is_family_name(
            &toks("Ông Nguyễn Xuân Quang phát biểu"),
            0
        ));
        assert!(!honorific_is_family_name(&toks("Ông Quang phát biểu"), 0));
        assert!(!honorific_is_family_name(&toks("ông Xuân Quang"), 0));
        assert!(!honorific_is_family_name(&toks("Bà Xuân Lan phát biểu"), 0));
        assert_eq!(name_run(&toks("Ông Xuân Quang, Giám đốc"), 0, 6), 3);
        assert_eq!(name_run(&toks("Ông Lê Xuân Quang, Giám đốc"), 0, 6), 0);
    }

    #[test]
    fn name_lines() {
        assert!(looks_like_name_line(&toks("Đồng chí Hoàng Công Hà")));
        assert!(!looks_like_name_line(&toks("Quang cảnh Hội nghị")));
    }
}
