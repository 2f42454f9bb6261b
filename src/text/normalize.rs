//! Turning the bytes of a scraped file into the one text every later stage reads.
//!
//! Spans of extracted facts point into the text returned here, so this is the
//! only place that rewrites characters. The rewrite is small and predictable:
//! NFC, `\n` line ends, one kind of space, no invisible formatting characters,
//! and control characters turned into visible symbols.

use unicode_normalization::UnicodeNormalization;

use super::sixteen::Sixteen;
#[cfg(test)]
use super::sixteen::mask_by_bytes;

/// Text decoded from a file, with what had to be repaired on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Human-readable notes ("not valid UTF-8: 3 bytes replaced").
    pub warnings: Vec<String>,
}

/// Why bytes could not be read as article text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("looks like a binary file, not text ({0})")]
    Binary(String),
    #[error("is not UTF-8 text ({invalid} of {total} bytes are not valid UTF-8)")]
    NotUtf8 { invalid: usize, total: usize },
}

/// Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM,
/// or, when the bytes are clearly one of them, windows-1258 (Vietnamese) or
/// windows-1252/latin-1. Mostly-valid UTF-8 is repaired and stray NUL bytes
/// dropped, with a warning; binary data and other encodings are refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let mut warnings = Vec::new();
    if let Some(text) = decode_utf16_with_bom(bytes) {
        warnings.push("decoded from UTF-16".to_string());
        return Ok(Decoded {
            text: normalize(&text),
            warnings,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = &bytes[..bytes.len().min(8192)];
    let (nul, controls) = nul_and_control_counts(head);
    // A stray NUL in a scraped page is damage; more than one in 64 bytes
    // is a binary file (or UTF-16 without its BOM).
    if nul > 1 && nul * 64 > head.len() {
        return Err(DecodeError::Binary(format!(
            "{nul} NUL bytes in the first {} bytes",
            head.len()
        )));
    }
    // Short text is judged by its controls only when it has a NUL too.
    if (head.len() >= 64 || nul > 0) && controls * 10 > head.len() {
        return Err(DecodeError::Binary(format!(
            "{controls} control bytes in the first {} bytes",
            head.len()
        )));
    }
    let without_nul: Vec<u8>;
    let bytes = if memchr::memchr(0, bytes).is_some() {
        without_nul = bytes.iter().copied().filter(|&b| b != 0).collect();
        let dropped = bytes.len() - without_nul.len();
        warnings.push(format!("{dropped} NUL byte(s) removed"));
        &without_nul[..]
    } else {
        bytes
    };
    // The vectorized check answers as the standard one does, several
    // times faster on text where every few bytes begin a letter with marks.
    let text = match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => match decode_legacy(bytes) {
            Some((text, encoding)) => {
                warnings.push(format!("decoded from {encoding}"));
                std::borrow::Cow::Owned(text)
            }
            None => std::borrow::Cow::Owned(repair_utf8(bytes, &mut warnings)?),
        },
    };
    Ok(Decoded {
        text: normalize(&text),
        warnings,
    })
}

/// How many bytes of `bytes` are NUL, and how many are controls (NUL too)
/// other than the line feed, carriage return, tab and form feed: counted
/// in masks of sixteen bytes, the NULs only where there are controls
/// (text has next to none).
fn nul_and_control_counts(bytes: &[u8]) -> (usize, usize) {
    let (mut nul, mut controls) = (0, 0);
    let mut sixteens = bytes.chunks_exact(16);
    for sixteen in &mut sixteens {
        let v = Sixteen::load(sixteen.try_into().expect("sixteen bytes"));
        let found = v.within(0x00, 0x08) | v.equal(0x0B) | v.within(0x0E, 0x1F);
        if found != 0 {
            controls += found.count_ones() as usize;
            nul += v.equal(0).count_ones() as usize;
        }
    }
    for &b in sixteens.remainder() {
        controls += usize::from(is_counted_control(b));
        nul += usize::from(b == 0);
    }
    (nul, controls)
}

/// A control byte that marks a file as binary when there are many.
fn is_counted_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)
}

/// Reads mostly-valid UTF-8, replacing the bad bytes; refuses a file where
/// many bytes fail (another encoding, which would give garbage facts).
fn repair_utf8(bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, DecodeError> {
    let lossy = String::from_utf8_lossy(bytes);
    let invalid = lossy.chars().filter(|&c| c == '\u{FFFD}').count();
    if invalid * 20 > bytes.len().max(1) {
        return Err(DecodeError::NotUtf8 {
            invalid,
            total: bytes.len(),
        });
    }
    warnings.push(format!(
        "not valid UTF-8: {invalid} byte sequence(s) replaced by U+FFFD"
    ));
    Ok(lossy.into_owned())
}

/// The text of bytes that are not UTF-8 but clearly windows-1258 or
/// windows-1252, NFC, with the encoding's name. None when the bytes hold
/// any valid UTF-8 sequence beyond ASCII (damaged UTF-8, not a legacy
/// file) or read as neither.
fn decode_legacy(bytes: &[u8]) -> Option<(String, &'static str)> {
    if String::from_utf8_lossy(bytes)
        .chars()
        .any(|c| !c.is_ascii() && c != '\u{FFFD}')
    {
        return None;
    }
    // windows-1258 writes most tones as combining marks after the letter.
    let (text, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
    let text: String = text.nfc().collect();
    if reads_as_vietnamese(&text) {
        return Some((text, "windows-1258"));
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    reads_as_latin(&text).then(|| (text.nfc().collect(), "windows-1252"))
}

/// Letters with the diacritics of Vietnamese, lowercase.
const VIETNAMESE: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";

/// Punctuation and symbols both legacy encodings have and articles use.
const LEGACY_PUNCTUATION: &str = "\u{A0}–—‘’‚“”„…•·«»°§©®€£¥¢±×÷¹²³¼½¾¡¿ªº´¨¸¯¬†‡‰‹›™";

/// Whether a text read as windows-1258 is Vietnamese: its other letters are
/// Vietnamese letters (some only Vietnamese has) or common punctuation.
fn reads_as_vietnamese(text: &str) -> bool {
    let (mut other, mut vietnamese, mut only_vietnamese) = (0usize, 0usize, 0usize);
    let mut ascii_letters = 0usize;
    for c in text.chars() {
        if c.is_ascii() {
            ascii_letters += usize::from(c.is_ascii_alphabetic());
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        if VIETNAMESE.contains(lower) {
            vietnamese += 1;
            if lower as u32 > 0xFF {
                only_vietnamese += 1;
            }
        } else if !LEGACY_PUNCTUATION.contains(c) {
            other += 1;
        }
    }
    // Most letters of Vietnamese words are plain.
    only_vietnamese > 0 && other * 20 <= vietnamese && vietnamese <= ascii_letters
}

/// Whether a text read as windows-1252 is in a Latin-script language:
/// accented letters inside mostly plain words, common punctuation, no
/// control characters (bytes windows-1252 leaves undefined).
fn reads_as_latin(text: &str) -> bool {
    let (mut ascii_letters, mut accented, mut other) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii() || LEGACY_PUNCTUATION.contains(c) {
            ascii_letters += usize::from(c.is_ascii_alphabetic());
        } else if c.is_alphabetic() && ('\u{C0}'..='\u{FF}').contains(&c) {
            accented += 1;
        } else {
            other += 1;
        }
    }
    accented > 0 && other == 0 && accented * 4 <= ascii_letters
}

fn decode_utf16_with_bom(bytes: &[u8]) -> Option<String> {
    let (le, body) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    let units = body.chunks_exact(2).map(|p| {
        if le {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{FFFD}'))
            .collect(),
    )
}

/// Normalizes text: `\r\n`/`\r` → `\n`, Unicode spaces → ' ', invisible
/// formatting characters (zero-width, bidi controls, soft hyphen) removed,
/// the Latin eth look-alike of Đ mapped to Đ, other control characters made
/// visible, then NFC.
pub fn normalize(s: &str) -> String {
    // Most text needs few changes: runs of characters kept as they are
    // are copied whole.
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut run = 0;
    // Whether every character out is NFC on its own, told in this pass
    // so that most text is not read a second time.
    let mut surely_nfc = true;
    let mut i = 0;
    while i < bytes.len() {
        let step = kept_nfc_step(bytes, i);
        if step > 0 {
            i += step;
            continue;
        }
        let kept_len = kept_nfc_len(bytes, i);
        if kept_len > 0 {
            i += kept_len;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or('\u{FFFD}');
        let next = i + c.len_utf8();
        if is_kept(c) {
            surely_nfc &= is_nfc_alone(c);
            i = next;
            continue;
        }
        out.push_str(&s[run..i]);
        run = next;
        match c {
            '\r' => {
                if bytes.get(next) == Some(&b'\n') {
                    run = next + 1;
                }
                out.push('\n');
            }
            '\t' | '\u{0B}' | '\u{0C}' => out.push(' '),
            c if is_space(c) => out.push(' '),
            c if is_invisible(c) => {}
            // Legacy converters write Latin eth for Đ ("Ðại hội").
            '\u{00D0}' => out.push('Đ'),
            '\u{00F0}' => out.push('đ'),
            c => {
                let shown = visible_control(c).unwrap_or(c);
                surely_nfc &= is_nfc_alone(shown);
                out.push(shown);
            }
        }
        i = run;
    }
    out.push_str(&s[run..]);
    // Most scraped text is already NFC; recomposing it would only cost time.
    if surely_nfc || is_nfc(&out) {
        return out;
    }
    out.nfc().collect()
}

/// The length of the character at byte `i` of `bytes` (valid UTF-8) when
/// its lead bytes alone show it is kept and NFC on its own: printable
/// ASCII, the Latin letters below the combining marks, the Vietnamese
/// letters of U+1E00…U+1EFF. 0 when the character must be read.
#[inline]
fn kept_nfc_len(bytes: &[u8], i: usize) -> usize {
    let len = KEPT_LEAD[bytes[i] as usize];
    if len != 0 {
        return len as usize;
    }
    match bytes[i] {
        // U+00C0…U+00FF but the eth look-alikes of Đ (U+00D0, U+00F0).
        0xC3 if !matches!(bytes[i + 1], 0x90 | 0xB0) => 2,
        0xE1 if matches!(bytes[i + 1], 0xB8..=0xBB) => 3,
        _ => 0,
    }
}

/// How far sixteen bytes from `i` (a character boundary) can be passed at
/// once: up to the first character that [`kept_nfc_len`] does not pass,
/// or that does not end in them (17 when a three-byte letter begins at the
/// fifteenth byte and all before it pass). 0 when fewer than sixteen bytes
/// are left. Most sixteen bytes of Vietnamese text hold letters with marks
/// that the byte loop reads a character at a time; vector compares read
/// them together.
#[inline(always)]
fn kept_nfc_step(bytes: &[u8], i: usize) -> usize {
    let Some(sixteen) = bytes.get(i..i + 16) else {
        return 0;
    };
    let m = ByteMasks::of(sixteen.try_into().expect("sixteen bytes"));
    // A lead byte last has the rest of its character unread; the second
    // bytes of C3 and E1 are checked one place after their lead.
    let stops = m.controls
        | m.leads & !m.passed_leads
        | m.c3 & m.eth_second >> 1
        | m.e1 & !(m.latin_extended_second >> 1)
        | m.leads & 1 << 15;
    if stops != 0 {
        return stops.trailing_zeros() as usize;
    }
    if m.e1 & 1 << 14 != 0 { 17 } else { 16 }
}

/// For each of sixteen bytes, a bit (byte k, bit k) saying what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ByteMasks {
    /// Controls but the line feed, and DEL.
    controls: u32,
    /// Lead bytes of characters beyond ASCII (C0 and above).
    leads: u32,
    /// The lead bytes [`kept_nfc_len`] may pass: C3 to CB and E1.
    passed_leads: u32,
    c3: u32,
    e1: u32,
    /// 90 and B0: after C3, the eth look-alikes of Đ.
    eth_second: u32,
    /// B8 to BB: after E1, U+1E00 to U+1EFF.
    latin_extended_second: u32,
}

impl ByteMasks {
    #[inline(always)]
    fn of(sixteen: &[u8; 16]) -> ByteMasks {
        let v = Sixteen::load(sixteen);
        ByteMasks {
            controls: v.within(0x00, 0x1F) & !v.equal(b'\n') | v.equal(0x7F),
            leads: v.within(0xC0, 0xFF),
            passed_leads: v.within(0xC3, 0xCB) | v.equal(0xE1),
            c3: v.equal(0xC3),
            e1: v.equal(0xE1),
            eth_second: v.equal(0x90) | v.equal(0xB0),
            latin_extended_second: v.within(0xB8, 0xBB),
        }
    }

    /// The masks read one byte at a time: what [`ByteMasks::of`] must give.
    #[cfg(test)]
    fn by_bytes(sixteen: &[u8; 16]) -> ByteMasks {
        let mask = |test: fn(u8) -> bool| mask_by_bytes(sixteen, test);
        ByteMasks {
            controls: mask(|b| b < 0x20 && b != b'\n' || b == 0x7F),
            leads: mask(|b| b >= 0xC0),
            passed_leads: mask(|b| (0xC3..=0xCB).contains(&b) || b == 0xE1),
            c3: mask(|b| b == 0xC3),
            e1: mask(|b| b == 0xE1),
            eth_second: mask(|b| b == 0x90 || b == 0xB0),
            latin_extended_second: mask(|b| (0xB8..=0xBB).contains(&b)),
        }
    }
}

/// For each byte, the length of the character it begins when that alone
/// shows the character is kept and NFC: printable ASCII and `\n`, and
/// U+0100…U+02FF. 0 for the rest.
const KEPT_LEAD: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'\n' | 0x20..=0x7E => 1,
            0xC4..=0xCB => 2,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// Whether [`normalize`] keeps a character as it is.
#[inline]
fn is_kept(c: char) -> bool {
    if c.is_ascii() {
        return c == '\n' || (' '..'\u{7F}').contains(&c);
    }
    !(is_space(c)
        || is_invisible(c)
        || c == '\u{00D0}'
        || c == '\u{00F0}'
        || visible_control(c).is_some())
}

/// Whether text is surely NFC. Letters before the combining marks and the
/// precomposed Vietnamese letters are NFC on their own and combine with
/// nothing before them, so text of only those needs no table look-up.
fn is_nfc(s: &str) -> bool {
    s.chars().all(is_nfc_alone)
        || unicode_normalization::is_nfc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes
}

/// A character that is NFC and combines with nothing before it.
#[inline]
fn is_nfc_alone(c: char) -> bool {
    (c as u32) < 0x300
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        || ('\u{2002}'..='\u{206F}').contains(&c)
}

/// Unicode space separators other than the plain space.
#[inline]
fn is_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Characters that change how text is shown without being seen: zero-width
/// characters, joiners, the BOM, soft hyphens and bidirectional controls.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// The visible stand-in for a control character, or `None` for other
/// characters. C0 controls become their Control Picture (ESC → ␛), DEL → ␡,
/// C1 controls → the replacement character.
#[inline]
pub fn visible_control(c: char) -> Option<char> {
    match c {
        '\u{00}'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('\u{2421}'),
        '\u{80}'..='\u{9F}' => Some('\u{FFFD}'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_read_as_nfc_without_tables_are_nfc() {
        use unicode_normalization::char::canonical_combining_class;
        let fast = (0..0x300)
            .chain(0x1E00..=0x1EFF)
            .chain(0x2002..=0x206F)
            .filter_map(char::from_u32);
        for c in fast {
            assert!(is_nfc(&c.to_string()));
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(
                unicode_normalization::is_nfc_quick(std::iter::once(c)),
                unicode_normalization::IsNormalized::Yes,
                "{c:?}"
            );
        }
        assert!(!is_nfc("a\u{301}"));
        assert!(!is_nfc("\u{2001}"));
        // Every character is kept or changed exactly as before.
        for c in (0..0x3000).filter_map(char::from_u32) {
            let changed = c == '\r'
                || c == '\t'
                || c.is_control() && c != '\n'
                || is_space(c)
                || is_invisible(c)
                || c == '\u{00D0}'
                || c == '\u{00F0}';
            assert_eq!(is_kept(c), !changed, "{c:?}");
        }
    }

    #[test]
    fn characters_passed_by_their_lead_bytes_are_kept_and_nfc() {
        let mut buf = [0u8; 4];
        for c in (0..0x3000).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let len = kept_nfc_len(bytes, 0);
            if len > 0 {
                assert_eq!(len, bytes.len(), "{c:?}");
                assert!(is_kept(c) && is_nfc_alone(c), "{c:?}");
            }
        }
        // The letters of Vietnamese are all passed this way.
        for c in "aăâđêôơưÀẦẶỹỴĐ".chars() {
            assert!(
                kept_nfc_len(c.encode_utf8(&mut buf).as_bytes(), 0) > 0,
                "{c:?}"
            );
        }
    }

    /// [`normalize`] without the sixteen-byte steps: one character at a time.
    fn normalize_by_chars(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' => {
                    chars.next_if_eq(&'\n');
                    out.push('\n');
                }
                '\n' => out.push('\n'),
                '\t' | '\u{0B}' | '\u{0C}' => out.push(' '),
                c if is_space(c) => out.push(' '),
                c if is_invisible(c) => {}
                '\u{00D0}' => out.push('Đ'),
                '\u{00F0}' => out.push('đ'),
                c => out.push(visible_control(c).unwrap_or(c)),
            }
        }
        out.nfc().collect()
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// Sixteen bytes passed at once give what reading each character gives.
        #[test]
        fn sixteen_byte_steps_normalize_as_characters_do(
            s in "[ aZ~\n\r\t\u{1}\u{7f}\u{85}\u{a0}\u{ad}àÀĐđĐðÐưƯơǿȀ\u{2ff}\u{300}\u{301}ạẠỹ\u{1e00}\u{1f00}\u{1680}\u{200b}\u{2003}“…\u{3000}\u{feff}\u{1f600}]{0,40}"
        ) {
            proptest::prop_assert_eq!(normalize(&s), normalize_by_chars(&s));
        }
    }

    #[test]
    fn byte_masks_by_vector_equal_the_masks_by_bytes() {
        for first in 0..=255u8 {
            let mut sixteen = [0u8; 16];
            for (k, b) in sixteen.iter_mut().enumerate() {
                *b = first.wrapping_add((k as u8).wrapping_mul(17));
            }
            assert_eq!(ByteMasks::of(&sixteen), ByteMasks::by_bytes(&sixteen));
        }
    }

    #[test]
    fn sixteen_byte_steps_stop_where_the_byte_loop_would() {
        let letters = [
            "a", "\n", "ồ", "à", "Đ", "ǿ", "ð", "\u{a0}", "\u{1680}", "\t", "\u{300}", "\u{7f}",
            "“",
        ];
        let mut text = String::new();
        for n in 0..4000usize {
            text.push_str(letters[(n * 7 + n / 3) % letters.len()]);
            if n % 5 == 0 {
                text.push_str("Hội nghị ");
            }
        }
        let bytes = text.as_bytes();
        for i in (0..bytes.len() - 16).filter(|&i| text.is_char_boundary(i)) {
            // Characters passed one at a time in the sixteen bytes, not
            // counting one that ends past them (but a three-byte letter
            // at the fifteenth).
            let mut k = i;
            while k < i + 16 {
                let len = kept_nfc_len(bytes, k);
                if len == 0 || k + len > i + 16 && !(k == i + 14 && len == 3) {
                    break;
                }
                k += len;
            }
            assert_eq!(kept_nfc_step(bytes, i), k - i, "{:?}", &text[i..k]);
        }
    }

    #[test]
    fn nfc_and_line_ends() {
        // "Uỷ" written with combining marks, CRLF line ends.
        let s = "U\u{309}y ban\r\nHo\u{300}a\rB";
        assert_eq!(normalize(s), "Ủy ban\nHòa\nB");
        assert_eq!(normalize("a\r\r\nb\r"), "a\n\nb\n");
    }

    #[test]
    fn controls_become_visible_and_invisibles_vanish() {
        let s = "a\u{1b}[31mb\u{200b}c\u{202e}d\u{85}e\u{a0}f";
        assert_eq!(normalize(s), "a␛[31mbcd\u{FFFD}e f");
    }

    #[test]
    fn eth_is_mapped_to_d_stroke() {
        assert_eq!(normalize("Ðại hội"), "Đại hội");
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// Counted in sixteens, NULs and controls are what counting each
        /// byte gives.
        #[test]
        fn nul_and_control_counts_by_masks_equal_the_counts_by_bytes(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![0u8..0x21, 0x20u8..0x7F, 0x80u8..=0xFF],
                0..100,
            ),
        ) {
            let by_bytes = (
                bytes.iter().filter(|&&b| b == 0).count(),
                bytes.iter().filter(|&&b| is_counted_control(b)).count(),
            );
            proptest::prop_assert_eq!(nul_and_control_counts(&bytes), by_bytes);
        }
    }

    #[test]
    fn decode_refuses_binary_and_repairs_a_few_bad_bytes() {
        assert!(matches!(
            decode(b"\x00\x01\x02PNG"),
            Err(DecodeError::Binary(_))
        ));
        let mut bytes = "Bí thư Tỉnh ủy ".repeat(20).into_bytes();
        bytes.push(0xFF);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.warnings.len(), 1);
        assert!(d.text.ends_with('\u{FFFD}'));
        assert!(matches!(
            decode(&[0xC3u8; 100]),
            Err(DecodeError::NotUtf8 { .. })
        ));
        assert_eq!(decode(b"").unwrap().text, "");
    }

    #[test]
    fn decode_drops_a_stray_nul_with_a_warning() {
        let d = decode("Bí thư\0 Tỉnh ủy họp phiên thường kỳ tháng 5".as_bytes()).unwrap();
        assert_eq!(d.text, "Bí thư Tỉnh ủy họp phiên thường kỳ tháng 5");
        assert_eq!(d.warnings, ["1 NUL byte(s) removed"]);
    }

    #[test]
    fn decode_reads_latin1_and_refuses_other_single_byte_text() {
        let d = decode(b"Caf\xe9 cr\xe8me, d\xe9j\xe0 vu: r\xe9sum\xe9 of the meeting").unwrap();
        assert_eq!(d.text, "Café crème, déjà vu: résumé of the meeting");
        assert_eq!(d.warnings, ["decoded from windows-1252"]);
        // Cyrillic in windows-1251: every letter above ASCII.
        let e = decode(b"\xc7\xe0\xf1\xe5\xe4\xe0\xed\xe8\xe5 \xea\xee\xec\xe8\xf2\xe5\xf2\xe0")
            .unwrap_err();
        assert!(matches!(e, DecodeError::NotUtf8 { .. }), "{e}");
    }

    #[test]
    fn decode_utf16() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hà Tĩnh".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Hà Tĩnh");
    }
}
