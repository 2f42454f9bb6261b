//! The same article given twice is one article: two inputs are the same
//! when they have the same address, or the same text once case, marks,
//! punctuation and spacing are set aside (a page saved twice, a record
//! scraped again, a file named twice).

use std::collections::{HashMap, HashSet};

use super::build::Input;
use crate::text::fold;
use crate::text::fold::{FNV_OFFSET, FOLDS_TO, FoldsTo, fnv1a, fnv1a_step};

/// Keeps the first of each set of duplicates, in input order; returns the
/// inputs kept and how many were dropped. Each input carries its
/// [`text_hash`], worked out where it was read.
pub fn dedupe(inputs: Vec<Input>) -> (Vec<Input>, usize) {
    // Each kept input is known by its position in `kept`.
    let mut seen = Seen::default();
    let mut kept: Vec<Input> = Vec::with_capacity(inputs.len());
    let mut dropped = 0;
    for input in inputs {
        let url = input.facts.url.as_deref().map(url_key);
        let hash = input.text_hash;
        let text_of = |&k: &usize| Ok::<_, std::convert::Infallible>(kept[k].text.clone());
        let Ok(same) = seen.has(url.as_deref(), hash, &input.text, text_of);
        if same {
            dropped += 1;
            continue;
        }
        seen.add(url, hash, kept.len());
        kept.push(input);
    }
    (kept, dropped)
}

/// The articles kept so far, by address and by wording, for telling
/// whether another is the same as one of them. The wording of each is
/// known by a hash that only says two texts may be the same: their texts
/// are compared when the hashes meet, each found by the `T` it was added
/// with (its text need not be held in memory).
pub struct Seen<T> {
    urls: HashSet<String>,
    /// Text hash → the articles kept with it.
    texts: HashMap<i64, Vec<T>>,
}

impl<T> Default for Seen<T> {
    fn default() -> Self {
        Seen {
            urls: HashSet::new(),
            texts: HashMap::new(),
        }
    }
}

impl<T> Seen<T> {
    /// Whether an article whose address has the [`url_key`] `url`, and
    /// whose `text` has the [`text_hash`] `hash`, is the same as one kept:
    /// the same address, or the same wording. `text_of` gives the text of
    /// one kept.
    pub fn has<E>(
        &self,
        url: Option<&str>,
        hash: Option<i64>,
        text: &str,
        mut text_of: impl FnMut(&T) -> Result<String, E>,
    ) -> Result<bool, E> {
        if url.is_some_and(|u| self.urls.contains(u)) {
            return Ok(true);
        }
        let Some(same_hash) = hash.and_then(|h| self.texts.get(&h)) else {
            return Ok(false);
        };
        // Equal hashes only say the texts may be the same.
        let key = text_key(text);
        for at in same_hash {
            if text_key(&text_of(at)?) == key {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Keeps an article (see [`Seen::has`]), its text found by `at`.
    pub fn add(&mut self, url: Option<String>, hash: Option<i64>, at: T) {
        if let Some(u) = url {
            self.urls.insert(u);
        }
        if let Some(h) = hash {
            self.texts.entry(h).or_default().push(at);
        }
    }
}

/// The hash of a text's [`text_key`], as stored; None for a text with no
/// words, which is no duplicate of anything.
pub fn text_hash(text: &str) -> Option<i64> {
    // The key is hashed as it is folded: most texts are read only to be
    // hashed, and a folded copy of each would be thrown away at once. The
    // characters of Vietnamese text are looked up, by their bytes, in a
    // table of what each folds to; runs of ASCII letters and digits,
    // most of the bytes, are hashed in a loop of their own.
    let table = &*FOLDS_TO;
    let mut hash = KeyHash::default();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b < 0x80 {
            at = hash.ascii_run(bytes, at);
            continue;
        }
        let (folds, width) = table.at(bytes, at);
        match folds {
            FoldsTo::Letter(b) => hash.letter(b),
            FoldsTo::Ascii(_) | FoldsTo::Mark => hash.gap(),
            FoldsTo::Nothing => {}
            FoldsTo::Other => hash.fold(&text[at..at + width]),
        }
        at += width;
    }
    hash.finish()
}

/// What each ASCII byte adds to a text key: its lower case when it is a
/// letter or digit, 0 when it ends a word.
const ASCII_KEY: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    table
};

/// [`super::sqlite::hash`] of a [`text_key`], fed one folded character at
/// a time.
struct KeyHash {
    state: u64,
    words: bool,
    /// A word ended after a word: a space comes before the next character.
    space_owed: bool,
}

impl Default for KeyHash {
    fn default() -> KeyHash {
        KeyHash {
            state: FNV_OFFSET,
            words: false,
            space_owed: false,
        }
    }
}

impl KeyHash {
    /// A folded ASCII letter or digit.
    #[inline]
    fn letter(&mut self, b: u8) {
        self.word_goes_on();
        self.state = fnv1a_step(self.state, u64::from(b));
    }

    /// A character that ends a word.
    #[inline]
    fn gap(&mut self) {
        self.space_owed = self.words;
    }

    /// Takes in the ASCII bytes from `at` up to the next other byte (or the
    /// end), and returns where they end. The state is kept in locals
    /// through the run, one multiply a byte.
    #[inline]
    fn ascii_run(&mut self, bytes: &[u8], mut at: usize) -> usize {
        let (mut state, mut words, mut space_owed) = (self.state, self.words, self.space_owed);
        while let Some(&b) = bytes.get(at) {
            if b >= 0x80 {
                break;
            }
            let key = ASCII_KEY[b as usize];
            at += 1;
            if key == 0 {
                space_owed = words;
                continue;
            }
            if space_owed {
                state = fnv1a_step(state, u64::from(b' '));
                space_owed = false;
            }
            words = true;
            state = fnv1a_step(state, u64::from(key));
        }
        (self.state, self.words, self.space_owed) = (state, words, space_owed);
        at
    }

    /// The characters of `c`, folded the slow way.
    fn fold(&mut self, c: &str) {
        let mut folded = String::new();
        fold::fold_into(c, &mut folded);
        for f in folded.chars() {
            if !f.is_alphanumeric() {
                self.gap();
            } else if f.is_ascii() {
                self.letter(f as u8);
            } else {
                self.word_goes_on();
                self.state = fnv1a(self.state, f.encode_utf8(&mut [0; 4]).as_bytes());
            }
        }
    }

    /// A word character comes: a space first when a word ended before it.
    #[inline]
    fn word_goes_on(&mut self) {
        if self.space_owed {
            self.state = fnv1a_step(self.state, u64::from(b' '));
        }
        self.space_owed = false;
        self.words = true;
    }

    fn finish(self) -> Option<i64> {
        self.words.then_some(self.state as i64)
    }
}

/// An address without scheme, "www.", fragment or trailing slash, host in
/// lower case: "https://www.Bao.vn/a/#top" and "http://bao.vn/a" meet.
pub fn url_key(url: &str) -> String {
    let u = url.trim();
    let u = u.split_once("://").map_or(u, |(_, r)| r);
    let u = u.split('#').next().unwrap_or(u);
    let (host, path) = u.split_once('/').unwrap_or((u, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    format!("{host}/{}", path.trim_end_matches('/'))
}

/// The text's words, folded: what is left when only the wording counts.
pub fn text_key(text: &str) -> String {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_meet_across_scheme_and_slash() {
        assert_eq!(
            url_key("https://www.Bao.vn/a/#top"),
            url_key("http://bao.vn/a")
        );
        assert_ne!(url_key("https://bao.vn/a"), url_key("https://bao.vn/b"));
    }

    #[test]
    fn text_hash_is_the_hash_of_the_text_key() {
        for text in [
            "Hội nghị  Tỉnh ủy.\n",
            "  ĐẠI HỘI Đảng bộ – lần thứ XV, 2025 ",
            "Ǆ ǅ ﬁ Ⅻ ½ x²",
            "…",
            "",
        ] {
            let key = text_key(text);
            let expected = (!key.is_empty()).then(|| super::super::sqlite::hash(&key));
            assert_eq!(text_hash(text), expected, "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// The ASCII runs hashed in their own loop and the characters
        /// looked up one at a time give the hash of the key.
        #[test]
        fn text_hash_is_the_hash_of_any_text_key(text in "[a-zA-Z0-9 .,_'\n\t!~\u{7f}đĐảẢơƠạẤỹỸ\u{301}\u{323}\u{1f600}ǅßÆ×ᴀ€ḁ–“”…\u{200b}\u{2070}Ж-]{0,40}") {
            let key = text_key(&text);
            let expected = (!key.is_empty()).then(|| super::super::sqlite::hash(&key));
            proptest::prop_assert_eq!(text_hash(&text), expected);
        }
    }

    #[test]
    fn texts_meet_across_spacing_and_case() {
        assert_eq!(
            text_key("Hội nghị  Tỉnh ủy.\n"),
            text_key("hội nghị tỉnh ủy")
        );
    }
}
