//! Comparison keys for Vietnamese text.
//!
//! Two keys, for two jobs:
//! - [`fold`]: lower case, every diacritic stripped, đ → d. Used by search, so
//!   `ngo dong hai`, `Ngô Đông Hải`, `Uỷ ban` and `Ủy ban` all meet. It merges
//!   distinct words (Lê/Lệ), which is fine for finding, not for identity.
//! - [`lex_key`]: lower case with the tone mark placed the old way in each
//!   syllable, so only the old/new tone-placement style is ignored
//!   (hòa == hoà, Ủy == Uỷ) while Hưng stays apart from Hùng and nguyên from
//!   Nguyễn. Used for gazetteer look-ups and for telling people apart.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The five Vietnamese tone marks as combining characters.
const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// Appends the folded form of `c` to `out`.
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(f) = folded_letter(c) {
        out.push(f);
        return;
    }
    fold_char_slowly(c, out);
}

/// Blocks of the Latin letters Vietnamese is written in, whose folded
/// forms and base letters are looked up rather than decomposed each time.
const LETTER_BLOCKS: [std::ops::Range<u32>; 2] = [0x80..0x250, 0x1E00..0x1F00];

/// A character for each letter of [`LETTER_BLOCKS`], `None` where there is
/// none to look up.
type LetterTable = [Vec<Option<char>>; 2];

fn letter_table(of: fn(char) -> Option<char>) -> LetterTable {
    LETTER_BLOCKS.map(|block| block.map(|u| char::from_u32(u).and_then(of)).collect())
}

#[inline]
fn look_up(table: &LetterTable, c: char) -> Option<char> {
    let u = c as u32;
    let [first, second] = &LETTER_BLOCKS;
    if first.contains(&u) {
        table[0][(u - first.start) as usize]
    } else if second.contains(&u) {
        table[1][(u - second.start) as usize]
    } else {
        None
    }
}

/// Folded forms of the letters that fold to exactly one character.
static FOLD_TABLE: std::sync::LazyLock<LetterTable> = std::sync::LazyLock::new(|| {
    letter_table(|c| {
        let mut s = String::new();
        fold_char_slowly(c, &mut s);
        let mut it = s.chars();
        let first = it.next()?;
        it.next().is_none().then_some(first)
    })
});

/// The single character `c` folds to, when it is a letter of
/// [`LETTER_BLOCKS`] that folds to one.
#[inline]
pub fn folded_letter(c: char) -> Option<char> {
    look_up(&FOLD_TABLE, c)
}

/// [`fold_char_into`] by decomposition, for any character.
fn fold_char_slowly(c: char, out: &mut String) {
    match c {
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        }),
    }
}

/// What a character folds to, for readers that fold bytes straight into
/// something of their own (a hash, a projection) without a folded copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldsTo {
    /// This one ASCII letter or digit.
    Letter(u8),
    /// This one ASCII byte, no letter or digit: it ends a word.
    Ascii(u8),
    /// Nothing (a combining mark).
    Nothing,
    /// One character outside ASCII that is no letter or digit (a dash, a
    /// curly quote): it ends a word.
    Mark,
    /// Anything else: to be folded with [`fold_char_into`].
    Other,
}

/// [`FoldsTo`] of the characters below U+0800, of the Latin Extended
/// Additional block, where Vietnamese letters with two marks live, and of
/// General Punctuation (dashes, quotes, ellipses): nearly every character
/// of a Vietnamese text, told by its bytes.
pub struct FoldTable {
    below_800: Vec<FoldsTo>,
    latin_extended: Vec<FoldsTo>,
    punctuation: Vec<FoldsTo>,
}

/// The Latin Extended Additional block (ạ, ấ, ỹ, …): three bytes in UTF-8,
/// E1 B8 80 to E1 BB BF.
const LATIN_EXTENDED: std::ops::Range<u32> = 0x1E00..0x1F00;
/// General Punctuation (– — ‘ ’ “ ” …).
const PUNCTUATION: std::ops::Range<u32> = 0x2000..0x2070;

/// The one [`FoldTable`].
pub static FOLDS_TO: std::sync::LazyLock<FoldTable> = std::sync::LazyLock::new(|| FoldTable {
    below_800: (0..0x800).map(folds_to).collect(),
    latin_extended: LATIN_EXTENDED.map(folds_to).collect(),
    punctuation: PUNCTUATION.map(folds_to).collect(),
});

fn folds_to(u: u32) -> FoldsTo {
    let Some(c) = char::from_u32(u) else {
        return FoldsTo::Other;
    };
    let mut folded = String::new();
    fold_char_into(c, &mut folded);
    let mut chars = folded.chars();
    match (chars.next(), chars.next()) {
        (None, _) => FoldsTo::Nothing,
        (Some(f), None) if f.is_ascii_alphanumeric() => FoldsTo::Letter(f as u8),
        (Some(f), None) if f.is_ascii() => FoldsTo::Ascii(f as u8),
        (Some(f), None) if !f.is_alphanumeric() => FoldsTo::Mark,
        _ => FoldsTo::Other,
    }
}

impl FoldTable {
    /// What the character at byte `at` of valid UTF-8 folds to, and its
    /// width in bytes.
    #[inline]
    pub fn at(&self, bytes: &[u8], at: usize) -> (FoldsTo, usize) {
        let b = bytes[at];
        let cont = |i: usize| u32::from(bytes[at + i] & 0x3F);
        match b {
            0..0x80 => (self.below_800[b as usize], 1),
            0xC0..0xE0 => {
                let u = (u32::from(b & 0x1F) << 6) | cont(1);
                (self.below_800[u as usize], 2)
            }
            0xE0..0xF0 => {
                let u = (u32::from(b & 0x0F) << 12) | (cont(1) << 6) | cont(2);
                let folds = if LATIN_EXTENDED.contains(&u) {
                    self.latin_extended[(u - LATIN_EXTENDED.start) as usize]
                } else if PUNCTUATION.contains(&u) {
                    self.punctuation[(u - PUNCTUATION.start) as usize]
                } else {
                    FoldsTo::Other
                };
                (folds, 3)
            }
            _ => (FoldsTo::Other, 4),
        }
    }
}

/// `char::is_alphanumeric`, answered without a table for ASCII, the rest
/// of Latin-1, the Latin letters Vietnamese is written in, and General
/// Punctuation (dashes, dots, quotes): nearly all of a text.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c as u32 {
        0..0x80 => c.is_ascii_alphanumeric(),
        0x80..0xC0 => matches!(
            c as u32,
            0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE
        ),
        0xD7 | 0xF7 => false,
        0xC0..0x250 | 0x1E00..0x1F00 => true,
        0x2000..0x2070 => false,
        _ => c.is_alphanumeric(),
    }
}

/// Starting value of FNV-1a.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One FNV-1a step: `unit` (a byte, or a wider unit such as a character)
/// taken into state `h`.
#[inline]
pub fn fnv1a_step(h: u64, unit: u64) -> u64 {
    (h ^ unit).wrapping_mul(0x0100_0000_01b3)
}

/// FNV-1a over bytes, from state `h`.
pub fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = fnv1a_step(h, u64::from(b));
    }
    h
}

/// The hash a token's key is looked up by: the key read eight bytes at a
/// time, each read taken in by a multiply. Most keys are one read, where
/// a byte-at-a-time hash costs a multiply per byte. Every step is one to
/// one, so keys of one length up to eight bytes never share a hash.
pub fn key_hash(key: &str) -> u64 {
    let bytes = key.as_bytes();
    let mut h = key_hash_seed(bytes.len());
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        h = (h ^ u64::from_le_bytes(eight))
            .wrapping_mul(KEY_HASH_K)
            .rotate_left(29);
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        h = (h ^ short_word(rest)).wrapping_mul(KEY_HASH_K);
    }
    spread(h)
}

/// The multiplier of [`key_hash`]'s steps.
const KEY_HASH_K: u64 = 0x9E37_79B9_7F4A_7C15;

/// [`key_hash`]'s state before a key of `len` bytes: the length multiplied
/// out to all bits, so that it does not mix with the first byte of a read.
#[inline]
const fn key_hash_seed(len: usize) -> u64 {
    FNV_OFFSET ^ (len as u64 + 1).wrapping_mul(KEY_HASH_K)
}

/// One to seven bytes as a number, every byte in it: with the length
/// taken in before, different byte strings give different numbers.
#[inline]
fn short_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    let b = |i: usize| u64::from(rest[i]);
    if n >= 4 {
        // Two overlapping four-byte reads cover the bytes.
        let four = |at: usize| {
            let mut bytes = [0u8; 4];
            bytes.copy_from_slice(&rest[at..at + 4]);
            u64::from(u32::from_le_bytes(bytes))
        };
        four(0) | four(n - 4) << 32
    } else {
        b(0) | b(n / 2) << 8 | b(n - 1) << 16
    }
}

/// A one-to-one mix of all bits into all bits (the MurmurHash3 finalizer),
/// so table slots (low bits) and filter bits (high bits) both spread.
#[inline]
const fn spread(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^= x >> 33;
    x = x.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    x ^ x >> 33
}

/// Lower case, diacritics stripped, đ → d: the search key.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends [`fold`] of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    // Vietnamese has a letter with marks every few bytes: the ASCII
    // between them is pushed a byte at a time, which costs less than a
    // copy call for each short run, and the table is found once.
    let letters = &*FOLD_TABLE;
    out.reserve(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(f) = look_up(letters, c) {
            out.push(f);
        } else {
            fold_char_slowly(c, out);
        }
    }
}

/// Folded text that remembers, for each of its characters, the index of the
/// character of the original it came from, so match positions found in the
/// folded text can be shown on the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `origin[i]` is the original char index of folded char `i`.
    pub origin: Vec<u32>,
}

impl Folded {
    pub fn new(s: &str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut origin = Vec::with_capacity(s.len());
        let mut buf = String::new();
        for (i, c) in s.chars().enumerate() {
            buf.clear();
            fold_char_into(c, &mut buf);
            for f in buf.chars() {
                text.push(f);
                origin.push(i as u32);
            }
        }
        Folded { text, origin }
    }

    /// Maps folded char indices to original char indices (sorted, unique).
    pub fn original_indices(&self, folded: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = folded
            .iter()
            .filter_map(|&i| self.origin.get(i).map(|&o| o as usize))
            .collect();
        out.dedup();
        out
    }
}

/// Lower case with the tone mark placed the old way in every word
/// ("hoà" → "hòa", "Uỷ" → "ủy"), so keys compare equal across placement
/// styles and also equal to plain lower-case words written the old way.
pub fn lex_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for (n, word) in s.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        if word.is_ascii() {
            push_lex_word(word, &mut out);
        } else {
            push_kept_lex_word(word, &mut out);
        }
    }
    out
}

/// The lex key of one word, borrowed when the word already is its own key
/// (lower case, precomposed, no tone to move), which most words are.
pub fn word_key(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        return if word.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(word.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        };
    }
    // Most other words are only capitalized: their lower case, taken in
    // the same pass that looks for marks, is the key.
    match lower_plain(word) {
        Some(None) if ends_own_key(word) => std::borrow::Cow::Borrowed(word),
        Some(Some(lower)) if ends_own_key(&lower) => std::borrow::Cow::Owned(lower),
        Some(_) => std::borrow::Cow::Owned(moved_tone_key(word)),
        None => key_by_full_rules(word),
    }
}

/// Whether `c` has a one-letter lower case of its own byte length that
/// [`lower_case`] writes: ASCII, Latin-1 and the letters Vietnamese adds.
/// A word of such letters has its lower case in the text's lower case.
#[inline]
pub fn has_plain_lower(c: char) -> bool {
    (c as u32) < 0x100
        || matches!(
            c,
            'Ă' | 'ă' | 'Đ' | 'đ' | 'Ĩ' | 'ĩ' | 'Ũ' | 'ũ' | 'Ơ' | 'ơ' | 'Ư' | 'ư' | '\u{1EA0}'
                ..='\u{1EF9}'
        )
}

/// [`word_key`] of a word whose letters all have a plain lower case (see
/// [`has_plain_lower`]), given that lower case: most keys are borrowed
/// from it.
#[inline]
pub fn plain_word_key<'a>(word: &str, lower: &'a str) -> std::borrow::Cow<'a, str> {
    let ends_in_ascii = lower.as_bytes().last().is_none_or(u8::is_ascii);
    if ends_in_ascii || ends_own_key(lower) {
        std::borrow::Cow::Borrowed(lower)
    } else {
        std::borrow::Cow::Owned(moved_tone_key(word))
    }
}

/// [`word_key`] of a word with a capital that keeps its byte length in
/// lower case (Đ, Ủ, À), given that lower case: the word is one
/// [`plain_word_key`] takes but for its capitals.
pub fn lowered_word_key<'a>(word: &str, lower: String) -> std::borrow::Cow<'a, str> {
    if ends_own_key(&lower) {
        std::borrow::Cow::Owned(lower)
    } else {
        std::borrow::Cow::Owned(moved_tone_key(word))
    }
}

/// [`key_hash`] of a key of one byte, worked out when compiled: the keys of
/// most punctuation tokens.
pub const fn one_byte_key_hash(b: u8) -> u64 {
    // A key of one byte is one short read (see `short_word`): the byte
    // three times over.
    let byte = b as u64;
    spread((key_hash_seed(1) ^ (byte | byte << 8 | byte << 16)).wrapping_mul(KEY_HASH_K))
}

/// [`word_key`] for words with combining marks or letters outside the
/// Vietnamese alphabet: Unicode lower case, then the tone moved.
fn key_by_full_rules(word: &str) -> std::borrow::Cow<'_, str> {
    if is_own_key(word) {
        return std::borrow::Cow::Borrowed(word);
    }
    let lower = word.to_lowercase();
    if is_own_key(&lower) {
        return std::borrow::Cow::Owned(lower);
    }
    std::borrow::Cow::Owned(moved_tone_key(word))
}

fn is_own_key(word: &str) -> bool {
    !word.chars().any(|c| is_upper(c) || is_mark(c)) && ends_own_key(word)
}

/// The lower case of a word without combining marks whose letters all
/// have a one-letter lower case: `Some(None)` when the word has no
/// capital, `None` when it needs the full rules.
fn lower_plain(word: &str) -> Option<Option<String>> {
    if !word.chars().any(|c| is_upper(c) || is_mark(c)) {
        return Some(None);
    }
    let mut lower = String::with_capacity(word.len());
    for c in word.chars() {
        if is_mark(c) {
            return None;
        }
        lower.push(simple_lower(c)?);
    }
    Some(Some(lower))
}

/// The one-letter lower case of a letter, answered without a table for the
/// letters Vietnamese is written in; `None` when it is not one letter.
fn simple_lower(c: char) -> Option<char> {
    let u = c as u32;
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(u + 0x20),
        'Ă' | 'Đ' | 'Ĩ' | 'Ũ' | 'Ơ' | 'Ư' => char::from_u32(u + 1),
        '\u{1EA0}'..='\u{1EF9}' if u.is_multiple_of(2) => char::from_u32(u + 1),
        '\0'..='@' | '['..='\u{BF}' | '×' | 'ß'..='ÿ' => Some(c),
        'ă' | 'đ' | 'ĩ' | 'ũ' | 'ơ' | 'ư' | '\u{1EA0}'..='\u{1EF9}' => Some(c),
        // Any other: only when it is its own lower case.
        _ => {
            let mut l = c.to_lowercase();
            (l.next() == Some(c) && l.next().is_none()).then_some(c)
        }
    }
}

/// Words whose tone must be moved (new-style "hoà", "thuỷ", and "quý",
/// which the full rules leave as it is) recur throughout an article: their
/// keys are kept per thread rather than decomposed each time.
fn moved_tone_key(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    push_kept_lex_word(word, &mut out);
    out
}

/// [`push_lex_word`] for a word whose key may have been made before on
/// this thread: names and titles are keyed again and again.
fn push_kept_lex_word(word: &str, out: &mut String) {
    use std::cell::RefCell;
    use std::collections::HashMap;
    // Enough for an article's vocabulary; cleared when full.
    const MOST_KEPT: usize = 4096;
    thread_local! {
        static KEPT: RefCell<HashMap<Box<str>, Box<str>>> = RefCell::new(HashMap::new());
    }
    KEPT.with_borrow_mut(|kept| {
        if let Some(key) = kept.get(word) {
            out.push_str(key);
            return;
        }
        let start = out.len();
        push_lex_word(word, out);
        if kept.len() >= MOST_KEPT {
            kept.clear();
        }
        kept.insert(word.into(), out[start..].into());
    })
}

/// Whether a word of lower-case letters without combining marks is its own
/// key: a final open "oa", "oe", "uy" with the tone on its last vowel is
/// the new placement and must be moved.
#[inline]
fn ends_own_key(word: &str) -> bool {
    let bytes = word.as_bytes();
    let n = bytes.len();
    // A word ending in an ASCII letter has no tone on its last letter.
    if bytes.last().is_none_or(u8::is_ascii) {
        return true;
    }
    // The byte before a last letter of two or three bytes is read without
    // decoding either: most words have an ASCII consonant there.
    let last_start = if n >= 2 && bytes[n - 2] >= 0xC0 {
        n - 2
    } else if n >= 3 && bytes[n - 3] >= 0xE0 {
        n - 3
    } else {
        return ends_own_key_by_chars(word);
    };
    match last_start.checked_sub(1).map(|k| bytes[k]) {
        None => true,
        Some(b) if b.is_ascii() && b != b'o' && b != b'u' => true,
        _ => ends_own_key_by_chars(word),
    }
}

/// [`ends_own_key`] read character by character.
fn ends_own_key_by_chars(word: &str) -> bool {
    // A word ending in an ASCII letter has no tone on its last letter.
    if word.as_bytes().last().is_none_or(u8::is_ascii) {
        return true;
    }
    let mut it = word.chars().rev();
    let Some(last) = it.next() else { return true };
    let before = it.next();
    // Only a vowel "o" or "u" (perhaps with marks) comes before the vowel
    // of such an ending; most words have a consonant there.
    if before.is_none_or(|b| b.is_ascii() && b != 'o' && b != 'u') {
        return true;
    }
    match before {
        Some(b) if last != base_letter(last) => !matches!(
            (base_letter(b), base_letter(last)),
            ('o', 'a') | ('o', 'e') | ('u', 'y')
        ),
        _ => true,
    }
}

/// Upper case (`char::is_uppercase`), answered without a table for the
/// letters Vietnamese uses.
#[inline]
pub fn is_upper(c: char) -> bool {
    // Latin-1 by table, then the Vietnamese letters of Latin Extended
    // Additional, the most common others: few tests for most letters.
    if let Some(&upper) = LATIN1_UPPER.get(c as usize) {
        return upper;
    }
    match c {
        // Latin Extended Additional pairs capitals on even code points.
        '\u{1EA0}'..='\u{1EF9}' => (c as u32).is_multiple_of(2),
        'Ă' | 'Đ' | 'Ĩ' | 'Ũ' | 'Ơ' | 'Ư' => true,
        'ă' | 'đ' | 'ĩ' | 'ũ' | 'ơ' | 'ư' => false,
        _ => c.is_uppercase(),
    }
}

/// The upper-case letters below U+0100: A…Z and À…Þ but ×.
const LATIN1_UPPER: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'A'..=b'Z' | 0xC0..=0xDE) && b != 0xD7;
        b += 1;
    }
    table
};

/// A combining mark: the common ones by range, the rest by table.
#[inline]
fn is_mark(c: char) -> bool {
    match c as u32 {
        0x300..=0x36F => true,
        0..=0x2FF | 0x370..=0x482 | 0x1E00..=0x1FFF => false,
        _ => is_combining_mark(c),
    }
}

/// Base letters of the letters of [`LETTER_BLOCKS`].
static BASE_TABLE: std::sync::LazyLock<LetterTable> =
    std::sync::LazyLock::new(|| letter_table(|c| Some(base_letter_slowly(c))));

/// The letter under a precomposed Latin letter's marks ("ệ" → 'e').
fn base_letter(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    look_up(&BASE_TABLE, c).unwrap_or_else(|| base_letter_slowly(c))
}

/// [`base_letter`] by decomposition, for any character.
fn base_letter_slowly(c: char) -> char {
    let mut first = None;
    decompose_canonical(c, |d| {
        if first.is_none() {
            first = Some(d);
        }
    });
    first.unwrap_or(c)
}

fn push_lex_word(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    // Base letters (keeping circumflex, breve, horn) and where the tone sat.
    let mut base: Vec<char> = Vec::with_capacity(word.len());
    let mut tone: Option<(char, usize)> = None;
    for c in word.nfd().flat_map(char::to_lowercase) {
        if TONE_MARKS.contains(&c) {
            let at = base
                .iter()
                .rposition(|b| !is_combining_mark(*b))
                .unwrap_or(0);
            tone = Some((c, at));
        } else {
            base.push(c);
        }
    }
    // Old style puts the tone of a final open "oa", "oe", "uy" on its first
    // vowel (hòa, khỏe, thủy); "quy" keeps it on "y" in both styles.
    if let Some((mark, at)) = tone {
        let letters: Vec<(usize, char)> = base
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, c)| !is_combining_mark(*c))
            .collect();
        let n = letters.len();
        let mut at = at;
        if n >= 2 && at == letters[n - 1].0 {
            let (a, b) = (letters[n - 2].1, letters[n - 1].1);
            let plain_pair = letters[n - 2].0 + 1 == letters[n - 1].0;
            let open = matches!((a, b), ('o', 'a') | ('o', 'e'))
                || ((a, b) == ('u', 'y') && (n < 3 || letters[n - 3].1 != 'q'));
            if open && plain_pair {
                at = letters[n - 2].0;
            }
        }
        // Re-insert the tone after the vowel and its other marks. A word of
        // marks alone has no vowel: the tone stays where it was.
        let mut insert = (at + 1).min(base.len());
        while insert < base.len() && is_combining_mark(base[insert]) {
            insert += 1;
        }
        base.insert(insert, mark);
    }
    out.extend(base.into_iter().collect::<String>().nfc());
}

/// True when the text has any letter with a diacritic (or đ), that is, when
/// folding changes it. A query typed with marks asks for those marks.
pub fn has_diacritics(s: &str) -> bool {
    !s.is_ascii()
        && s.chars().any(|c| {
            !c.is_ascii()
                && c.is_alphabetic()
                && fold(&c.to_string()) != c.to_lowercase().to_string()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_reads_ascii_runs_like_other_text() {
        let s = "Ông NGUYỄN Văn A, TP.HCM: 12/3 ĐẠI hội ủy ban Quận 1!";
        let each: String = s
            .chars()
            .flat_map(|c| {
                let mut o = String::new();
                fold_char_into(c, &mut o);
                o.chars().collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(fold(s), each);
        assert_eq!(fold(""), "");
    }

    #[test]
    fn fold_strips_marks_and_d_stroke() {
        assert_eq!(fold("Ngô Đông Hải"), "ngo dong hai");
        assert_eq!(fold("Ủy ban"), fold("Uỷ ban"));
        assert_eq!(fold("Đắk Lắk"), "dak lak");
        assert_eq!(fold("Thừa Thiên Huế"), "thua thien hue");
    }

    #[test]
    fn lex_key_ignores_only_tone_placement() {
        assert_eq!(lex_key("Tỉnh ủy"), lex_key("Tỉnh uỷ"));
        assert_eq!(lex_key("Hòa Bình"), lex_key("Hoà Bình"));
        assert_ne!(lex_key("Hưng"), lex_key("Hùng"));
        assert_ne!(lex_key("nguyên"), lex_key("Nguyễn"));
        assert_eq!(lex_key("  Bí   thư "), "bí thư");
        assert_eq!(lex_key("Tỉnh Uỷ"), "tỉnh ủy");
        assert_eq!(lex_key("hoà"), "hòa");
        assert_eq!(lex_key("khoẻ"), "khỏe");
        assert_eq!(lex_key("quý"), "quý");
        assert_eq!(lex_key("hoàn"), "hoàn");
        assert_eq!(lex_key("Ngọc"), "ngọc");
        for w in [
            "hòa", "hoà", "Uỷ", "ủy", "thuỷ", "quý", "đồng", "trì", "khoẻ", "Ngọc", "x", "",
        ] {
            assert_eq!(word_key(w), lex_key(w), "{w}");
        }
        assert!(matches!(word_key("đồng"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn plain_words_take_their_lower_case_as_key() {
        for w in ["Hoà", "THUỶ", "Quý", "ĐỒNG", "ăn", "UBND", "x", ""] {
            let lower: String = w.chars().map(|c| simple_lower(c).unwrap()).collect();
            assert_eq!(plain_word_key(w, &lower), word_key(w), "{w}");
        }
    }

    #[test]
    fn tone_marks_without_a_letter_keep_their_place() {
        // Text cut at an unreadable byte leaves a word that is only marks.
        assert_eq!(lex_key("\u{309}"), "\u{309}");
        assert_eq!(word_key("\u{303}"), "\u{303}");
        assert_eq!(lex_key("\u{302}\u{301}"), "\u{302}\u{301}");
        // A tone written before its letter is moved onto it.
        assert_eq!(lex_key("\u{301}a"), "á");
    }

    #[test]
    fn looked_up_folds_equal_decomposed_ones() {
        for c in LETTER_BLOCKS
            .iter()
            .flat_map(|b| b.clone())
            .filter_map(char::from_u32)
        {
            let (mut fast, mut slow) = (String::new(), String::new());
            fold_char_into(c, &mut fast);
            fold_char_slowly(c, &mut slow);
            assert_eq!(fast, slow, "{c:?}");
            assert_eq!(base_letter(c), base_letter_slowly(c), "{c:?}");
        }
        assert_eq!(base_letter('ệ'), 'e');
        assert_eq!(folded_letter('Ệ'), Some('e'));
        assert_eq!(folded_letter('\u{301}'), None);
    }

    #[test]
    fn alphanumeric_agrees_with_the_standard_test_everywhere() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn upper_case_agrees_with_the_standard_test_everywhere() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// The last read of a key holds every one of its bytes: two keys
        /// of one length that differ give different numbers.
        #[test]
        fn short_reads_tell_different_bytes_apart(
            a in proptest::collection::vec(proptest::prelude::any::<u8>(), 1..8),
            flip in 0usize..7,
            bit in 0u8..8,
        ) {
            let mut b = a.clone();
            let at = flip % a.len();
            b[at] ^= 1 << bit;
            proptest::prop_assert_ne!(short_word(&a), short_word(&b));
        }

        /// Folding a text folds each of its characters.
        #[test]
        fn fold_is_the_fold_of_each_character(s in "[aZ .đĐỆệƠ\u{301}ñΣß\u{130}ﬁ]{0,30}") {
            let mut each = String::new();
            for c in s.chars() {
                fold_char_into(c, &mut each);
            }
            proptest::prop_assert_eq!(fold(&s), each);
        }

        /// Reading the bytes before the last letter tells an own key as
        /// reading the characters does.
        #[test]
        fn own_keys_are_told_by_their_last_bytes(w in "[aoutyđơưạảấầẩẫậòóỏõọùúủũụýỳỷỹỵèéẻẽẹ\u{301}𝒜]{0,6}") {
            proptest::prop_assert_eq!(ends_own_key(&w), ends_own_key_by_chars(&w));
        }

        /// Keys that differ, in length or in any byte, hash apart.
        #[test]
        fn different_keys_hash_apart(a in "[a-zăđơưạảấầẩẫậ ]{0,20}", b in "[a-zăđơưạảấầẩẫậ ]{0,20}") {
            proptest::prop_assert_eq!(a == b, key_hash(&a) == key_hash(&b));
        }
    }

    #[test]
    fn keys_of_many_words_do_not_collide() {
        let mut words: Vec<String> = Vec::new();
        for a in [
            "", "b", "c", "d", "đ", "g", "h", "kh", "l", "m", "ng", "nh", "ph", "qu", "th", "tr",
        ] {
            for v in [
                "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "uy", "ươ", "iê",
            ] {
                for t in ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"] {
                    for z in ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"] {
                        words.push(lex_key(&format!("{a}{v}{t}{z}")));
                    }
                }
            }
        }
        words.sort();
        words.dedup();
        let mut hashes: Vec<u64> = words.iter().map(|w| key_hash(w)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), words.len());
    }

    #[test]
    fn folded_maps_back_to_original_chars() {
        let f = Folded::new("Đồng Văn");
        assert_eq!(f.text, "dong van");
        assert_eq!(f.original_indices(&[0, 5, 7]), vec![0, 5, 7]);
    }

    #[test]
    fn diacritics_are_detected() {
        assert!(has_diacritics("ngô"));
        assert!(has_diacritics("đ"));
        assert!(!has_diacritics("ngo dong hai"));
        assert!(!has_diacritics("“quoted”"));
    }
}
