//! Tone-mark placement: the generator writes the old style ("hòa", "Tỉnh
//! ủy") and moves marks to the new style ("hoà", "Tỉnh uỷ") for sites or
//! paragraphs that use it. The two differ only in open syllables ending in
//! oa, oe and uy.

/// Marked o or u (lower, upper) → (base letter, index of the tone 0..5:
/// huyền, sắc, hỏi, ngã, nặng).
fn split_mark(c: char) -> Option<(char, usize)> {
    Some(match c {
        'ò' => ('o', 0),
        'ó' => ('o', 1),
        'ỏ' => ('o', 2),
        'õ' => ('o', 3),
        'ọ' => ('o', 4),
        'Ò' => ('O', 0),
        'Ó' => ('O', 1),
        'Ỏ' => ('O', 2),
        'Õ' => ('O', 3),
        'Ọ' => ('O', 4),
        'ù' => ('u', 0),
        'ú' => ('u', 1),
        'ủ' => ('u', 2),
        'ũ' => ('u', 3),
        'ụ' => ('u', 4),
        'Ù' => ('U', 0),
        'Ú' => ('U', 1),
        'Ủ' => ('U', 2),
        'Ũ' => ('U', 3),
        'Ụ' => ('U', 4),
        _ => return None,
    })
}

/// The vowel after the marked letter carrying tone `t`.
fn with_mark(v: char, t: usize) -> Option<char> {
    let table: &[char; 5] = match v {
        'a' => &['à', 'á', 'ả', 'ã', 'ạ'],
        'e' => &['è', 'é', 'ẻ', 'ẽ', 'ẹ'],
        'y' => &['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
        'A' => &['À', 'Á', 'Ả', 'Ã', 'Ạ'],
        'E' => &['È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
        'Y' => &['Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
        _ => return None,
    };
    Some(table[t])
}

/// Rewrites old-style tone placement to the new style.
pub fn to_new(s: &str) -> String {
    // Most text has none of the letters involved: skip it cheaply.
    if !s.chars().any(|c| split_mark(c).is_some()) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some((base, t)) = split_mark(c)
            && let Some(&next) = chars.get(i + 1)
        {
            let pairs = match base.to_ascii_lowercase() {
                'o' => matches!(next.to_ascii_lowercase(), 'a' | 'e'),
                _ => next.eq_ignore_ascii_case(&'y'),
            };
            let open = chars.get(i + 2).is_none_or(|c| !c.is_alphabetic());
            // "quý" keeps its mark in both styles: qu is a consonant.
            let after_q = i > 0 && matches!(chars[i - 1], 'q' | 'Q');
            if pairs
                && open
                && !after_q
                && let Some(moved) = with_mark(next, t)
            {
                out.push(base);
                out.push(moved);
                i += 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_marks_in_open_syllables_only() {
        assert_eq!(to_new("Tỉnh ủy Thanh Hóa"), "Tỉnh uỷ Thanh Hoá");
        assert_eq!(to_new("Ủy ban, hòa bình, khỏe"), "Uỷ ban, hoà bình, khoẻ");
        assert_eq!(to_new("Hoàng Thủy quý"), "Hoàng Thuỷ quý");
        assert_eq!(to_new("thuyền hoàn"), "thuyền hoàn");
        assert_eq!(to_new("không đổi"), "không đổi");
    }
}
