//! The same article given twice is one article: two inputs are the same
//! when they have the same address, or the same text once case, marks,
//! punctuation and spacing are set aside (a page saved twice, a record
//! scraped again, a file named twice).

use std::collections::{HashMap, HashSet};

use super::build::Input;
use crate::text::fold;
use crate::text::fold::{FNV_OFFSET, fnv1a, fold_char_into};

/// Keeps the first of each set of duplicates, in input order; returns the
/// inputs kept and how many were dropped. Each input carries its
/// [`text_hash`], worked out where it was read.
pub fn dedupe(inputs: Vec<Input>) -> (Vec<Input>, usize) {
    let mut urls = HashSet::new();
    // Text hash → the inputs kept with it, by position in `kept`.
    let mut texts: HashMap<i64, Vec<usize>> = HashMap::new();
    let mut kept: Vec<Input> = Vec::with_capacity(inputs.len());
    let mut dropped = 0;
    for input in inputs {
        let hash = input.text_hash;
        let url = input.facts.url.as_deref().map(url_key);
        let seen_url = url.as_ref().is_some_and(|u| urls.contains(u));
        let same_hash = hash.and_then(|h| texts.get(&h)).into_iter().flatten();
        let seen_text = !seen_url && {
            // Equal hashes only say the texts may be the same.
            let key = || text_key(&input.text);
            same_hash
                .map(|&k| text_key(&kept[k].text))
                .any(|other| other == key())
        };
        if seen_url || seen_text {
            dropped += 1;
            continue;
        }
        if let Some(u) = url {
            urls.insert(u);
        }
        if let Some(h) = hash {
            texts.entry(h).or_default().push(kept.len());
        }
        kept.push(input);
    }
    (kept, dropped)
}

/// The hash of a text's [`text_key`], as stored; None for a text with no
/// words, which is no duplicate of anything.
pub fn text_hash(text: &str) -> Option<i64> {
    // The key is hashed as it is folded: most texts are read only to be
    // hashed, and a folded copy of each would be thrown away at once.
    let mut hash = KeyHash::default();
    let mut folded = String::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            hash.push_ascii(b.to_ascii_lowercase());
            at += 1;
            continue;
        }
        // A byte outside ASCII at `at` begins a character.
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        folded.clear();
        fold_char_into(c, &mut folded);
        folded.chars().for_each(|f| hash.push(f));
        at += c.len_utf8();
    }
    hash.finish()
}

/// [`super::sqlite::hash`] of a [`text_key`], fed one folded character at
/// a time.
struct KeyHash {
    state: u64,
    words: bool,
    /// A word ended since the last character written.
    gap: bool,
}

impl Default for KeyHash {
    fn default() -> KeyHash {
        KeyHash {
            state: FNV_OFFSET,
            words: false,
            gap: false,
        }
    }
}

impl KeyHash {
    fn push(&mut self, c: char) {
        if c.is_ascii() {
            return self.push_ascii(c as u8);
        }
        if !c.is_alphanumeric() {
            self.gap = true;
            return;
        }
        self.word_goes_on();
        self.bytes(c.encode_utf8(&mut [0; 4]).as_bytes());
    }

    fn push_ascii(&mut self, b: u8) {
        if !b.is_ascii_alphanumeric() {
            self.gap = true;
            return;
        }
        self.word_goes_on();
        self.bytes(&[b]);
    }

    /// A word character comes: a space first when a word ended before it.
    fn word_goes_on(&mut self) {
        if self.gap && self.words {
            self.bytes(b" ");
        }
        self.gap = false;
        self.words = true;
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.state = fnv1a(self.state, bytes);
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
        #[test]
        fn text_hash_is_the_hash_of_any_text_key(text in "[a-zA-Z0-9 .,đĐảẢơƠ\u{301}\u{1f600}ǅ-]{0,24}") {
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
