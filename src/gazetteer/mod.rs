//! Reference lists the extractor reads text against: provinces and their
//! 2025 mergers, family names, and the words official titles are built from.

pub mod outlets;
pub mod provinces;
pub mod surnames;
pub mod titles;

use crate::text::lex_key;
use crate::text::segment::{Token, TokenKind, tokenize};

/// A map keyed by names, words and indices, hashed eight bytes at a time.
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// A set of the same keys, hashed the same way.
pub type FastSet<T> = rustc_hash::FxHashSet<T>;

/// A word of a phrase: its key and the key's hash.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    hash: u64,
    key: String,
}

impl Word {
    fn matches(&self, t: &Token) -> bool {
        self.hash == t.hash && self.key == t.key
    }
}

/// Phrases sharing a first word, longest first.
#[derive(Debug)]
struct Entry<T> {
    first: Word,
    phrases: Vec<(Vec<Word>, T)>,
    /// The phrases of two words or more by the hash of their second word,
    /// sorted by hash, each list in the order of `phrases`: a lookup reads
    /// only those that can match the next token.
    by_second: Vec<(u64, Vec<u32>)>,
    /// The value of the first word alone, when it is a phrase.
    single: Option<T>,
}

impl<T: Copy> Entry<T> {
    /// Fills `by_second` and `single` from `phrases`.
    fn index(&mut self) {
        self.by_second.clear();
        self.single = None;
        for (k, (rest, v)) in self.phrases.iter().enumerate() {
            let Some(second) = rest.first() else {
                self.single.get_or_insert(*v);
                continue;
            };
            match self
                .by_second
                .binary_search_by_key(&second.hash, |(h, _)| *h)
            {
                Ok(at) => self.by_second[at].1.push(k as u32),
                Err(at) => self.by_second.insert(at, (second.hash, vec![k as u32])),
            }
        }
    }

    /// Indices of the phrases of two words or more whose second word has
    /// this hash, longest first.
    fn with_second(&self, hash: u64) -> &[u32] {
        self.by_second
            .binary_search_by_key(&hash, |(h, _)| *h)
            .map_or(&[], |at| &self.by_second[at].1)
    }
}

/// Multi-word phrases looked up by the keys of consecutive tokens, so a
/// phrase matches whatever its case or tone-mark placement.
///
/// Lexicons are asked about nearly every token, several times, so the
/// first words sit in an open-addressing table probed with the hash each
/// token carries: no hashing at lookup time.
#[derive(Debug)]
pub struct Lexicon<T: Copy> {
    entries: Vec<Entry<T>>,
    /// Slot → the first word's hash and its index into `entries` plus
    /// one (zero: empty). The hash sits in the slot so that probing past
    /// other words never reads their entries.
    table: Vec<(u64, u32)>,
    /// One bit per high part of a first word's hash: most tokens begin no
    /// phrase, and this small set tells so without reading the table.
    firsts: Vec<u64>,
    /// `firsts.len() * 64 - 1`, kept so each probe need not compute it.
    first_mask: usize,
    /// Token count of the longest phrase: a phrase ending before a token
    /// starts no further back.
    max_words: usize,
}

/// Tokens that end a phrase: phrases do not run across a sentence break, a
/// parenthesis or a colon.
///
/// Asked of the token after nearly every first word found: one test of the
/// kind and the first byte, not five of the whole token.
#[inline]
fn breaks_phrase(t: &Token) -> bool {
    t.kind == TokenKind::Punct
        && matches!(
            t.text.as_bytes().first(),
            Some(b'.' | b'(' | b')' | b';' | b':')
        )
}

impl<T: Copy> Lexicon<T> {
    pub fn new() -> Self {
        Lexicon {
            entries: Vec::new(),
            table: vec![(0, 0); 16],
            firsts: vec![0; 16],
            first_mask: 16 * 64 - 1,
            max_words: 0,
        }
    }

    /// Index into `entries` of a first word, by its hash and key.
    fn index_of(&self, hash: u64, key: &str) -> Option<usize> {
        if !self.may_begin(hash) {
            return None;
        }
        self.probe(hash, key)
    }

    /// [`Lexicon::index_of`] past the first-word bits, for callers that
    /// tested them already.
    #[inline]
    fn probe(&self, hash: u64, key: &str) -> Option<usize> {
        let mask = self.table.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            match self.table[slot] {
                (_, 0) => return None,
                (h, i) if h == hash && self.entries[i as usize - 1].first.key == key => {
                    return Some(i as usize - 1);
                }
                _ => {}
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The bit of [`Lexicon::firsts`] for a first word's hash, from the
    /// hash's high bits (the table slot comes from its low ones).
    #[inline]
    fn first_bit(&self, hash: u64) -> usize {
        (hash >> 40) as usize & self.first_mask
    }

    fn rebuild(&mut self) {
        let size = (self.entries.len() * 2).next_power_of_two().max(16);
        self.table = vec![(0, 0); size];
        self.firsts = vec![0; (size * 8 / 64).max(16)];
        self.first_mask = self.firsts.len() * 64 - 1;
        for i in 0..self.entries.len() {
            self.rebuild_one(i);
        }
    }

    /// Adds a phrase as written; a later addition of the same phrase wins.
    pub fn add(&mut self, phrase: &str, value: T) {
        let toks = tokenize(phrase, 0..phrase.len());
        let Some((first, rest)) = toks.split_first() else {
            return;
        };
        self.max_words = self.max_words.max(toks.len());
        let rest: Vec<Word> = rest
            .iter()
            .map(|t| Word {
                hash: t.hash,
                key: t.key.to_string(),
            })
            .collect();
        let at = match self.index_of(first.hash, &first.key) {
            Some(at) => at,
            None => {
                self.entries.push(Entry {
                    first: Word {
                        hash: first.hash,
                        key: first.key.to_string(),
                    },
                    phrases: Vec::new(),
                    by_second: Vec::new(),
                    single: None,
                });
                if self.entries.len() * 2 > self.table.len() {
                    self.rebuild();
                } else {
                    self.rebuild_one(self.entries.len() - 1);
                }
                self.entries.len() - 1
            }
        };
        let entry = &mut self.entries[at];
        entry.phrases.retain(|(r, _)| *r != rest);
        entry.phrases.push((rest, value));
        entry
            .phrases
            .sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
        entry.index();
    }

    fn rebuild_one(&mut self, i: usize) {
        let mask = self.table.len() - 1;
        let hash = self.entries[i].first.hash;
        let mut slot = hash as usize & mask;
        while self.table[slot].1 != 0 {
            slot = (slot + 1) & mask;
        }
        self.table[slot] = (hash, i as u32 + 1);
        let bit = self.first_bit(hash);
        self.firsts[bit / 64] |= 1 << (bit % 64);
    }

    pub fn add_all(&mut self, phrases: &[&str], value: T) {
        for p in phrases {
            self.add(p, value);
        }
    }

    /// The longest phrase starting at `tokens[i]`, with its token count.
    ///
    /// Asked of nearly every token by several lexicons, and most tokens
    /// begin no phrase: that answer comes from the first-word bits, inline,
    /// before any table is read.
    #[inline]
    pub fn longest(&self, tokens: &[Token], i: usize) -> Option<(T, usize)> {
        let t = tokens.get(i)?;
        if !self.may_begin(t.hash) {
            return None;
        }
        self.longest_from(tokens, i, t)
    }

    /// Whether a word of this hash may begin a phrase (no false negatives).
    #[inline]
    fn may_begin(&self, hash: u64) -> bool {
        let bit = self.first_bit(hash);
        self.firsts[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// [`Lexicon::longest`] past the first-word bits. Phrases are tried
    /// longest first, and the first word alone last: only those whose
    /// second word is the next token's can match before it.
    fn longest_from(&self, tokens: &[Token], i: usize, t: &Token) -> Option<(T, usize)> {
        let entry = &self.entries[self.probe(t.hash, &t.key)?];
        let longer = match tokens.get(i + 1) {
            Some(next) if !entry.by_second.is_empty() && !breaks_phrase(next) => {
                entry.with_second(next.hash)
            }
            _ => &[],
        };
        longer
            .iter()
            .find_map(|&k| {
                let (rest, v) = &entry.phrases[k as usize];
                let ok = rest.len() < tokens.len() - i
                    && rest.iter().enumerate().all(|(k, w)| {
                        let t = &tokens[i + 1 + k];
                        w.matches(t) && !breaks_phrase(t)
                    });
                ok.then_some((*v, rest.len() + 1))
            })
            .or(entry.single.map(|v| (v, 1)))
    }

    /// The value of a whole phrase.
    pub fn get(&self, phrase: &str) -> Option<T> {
        let toks = tokenize(phrase, 0..phrase.len());
        self.longest(&toks, 0)
            .filter(|&(_, n)| n == toks.len())
            .map(|(v, _)| v)
    }
}

impl<T: Copy> Lexicon<T> {
    /// The first words of the phrases whose value `keep` accepts.
    pub fn firsts_where(&self, keep: impl Fn(&T) -> bool) -> FirstWords {
        let mut set = FirstWords::default();
        for e in &self.entries {
            if e.phrases.iter().any(|(_, v)| keep(v)) {
                set.insert(e.first.hash);
            }
        }
        set
    }
}

impl<T: Copy> Lexicon<T> {
    /// Where the phrases whose value `keep` accepts may start, read from
    /// their first two words.
    pub fn starts_where(&self, keep: impl Fn(&T) -> bool) -> PhraseStarts {
        let mut starts = PhraseStarts::default();
        for e in &self.entries {
            for (rest, _) in e.phrases.iter().filter(|(_, v)| keep(v)) {
                match rest.first() {
                    None => starts.singles.insert(e.first.hash),
                    Some(second) => {
                        starts.firsts.insert(e.first.hash);
                        starts.seconds.insert(second.hash);
                    }
                }
            }
        }
        starts
    }
}

/// A filter of where some phrases may start: a one-word phrase's word, or
/// a longer phrase's first word followed by some such phrase's second
/// word. Common words that open only long phrases ("ủy" of "Ủy viên")
/// are ruled out by the word after them.
#[derive(Debug, Clone, Default)]
pub struct PhraseStarts {
    singles: FirstWords,
    firsts: FirstWords,
    seconds: FirstWords,
}

impl PhraseStarts {
    /// Whether one of the phrases may start at `tokens[i]` (no false
    /// negatives).
    #[inline]
    pub fn may_start(&self, tokens: &[Token], i: usize) -> bool {
        let Some(t) = tokens.get(i) else {
            return false;
        };
        self.singles.may_hold(t)
            || (self.firsts.may_hold(t)
                && tokens.get(i + 1).is_some_and(|n| self.seconds.may_hold(n)))
    }

    /// Every word that may start one of the phrases.
    pub fn first_words(&self) -> FirstWords {
        let mut set = self.singles.clone();
        set.insert_all(&self.firsts);
        set
    }
}

/// A set of first words, by their keys' hashes, that answers "surely not"
/// for most tokens in a few instructions: a filter run before lexicon
/// lookups whose answer matters only for some of their phrases (a title's
/// head, not any title word). It may hold words it was not given, never
/// miss one it was.
#[derive(Debug, Clone)]
pub struct FirstWords {
    bits: Box<[u64; FirstWords::WORDS]>,
}

impl Default for FirstWords {
    fn default() -> Self {
        FirstWords {
            bits: Box::new([0; FirstWords::WORDS]),
        }
    }
}

impl FirstWords {
    /// 8,192 bits: sparse for the few hundred words a set holds.
    const WORDS: usize = 128;

    fn bit(hash: u64) -> usize {
        (hash >> 40) as usize & (Self::WORDS * 64 - 1)
    }

    pub fn insert(&mut self, hash: u64) {
        let bit = Self::bit(hash);
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    /// Adds words as written ("các", "là").
    pub fn insert_words(&mut self, words: &[&str]) {
        for w in words {
            for t in tokenize(w, 0..w.len()) {
                self.insert(t.hash);
            }
        }
    }

    /// Adds every word of another set.
    pub fn insert_all(&mut self, other: &FirstWords) {
        for (a, b) in self.bits.iter_mut().zip(other.bits.iter()) {
            *a |= b;
        }
    }

    /// Adds every first word of a lexicon.
    pub fn insert_lexicon<T: Copy>(&mut self, lexicon: &Lexicon<T>) {
        for e in &lexicon.entries {
            self.insert(e.first.hash);
        }
    }

    /// Whether a token may be one of the words (no false negatives).
    #[inline]
    pub fn may_hold(&self, t: &Token) -> bool {
        let bit = Self::bit(t.hash);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// For each first word, which of up to eight sets of first words may hold
/// it: a reader that would try several lexicons at a token reads one byte
/// and tries only those that can match. Built from [`FirstWords`] sets and
/// as exact as they are: a flag is clear only where its set surely lacks
/// the word.
#[derive(Debug, Clone)]
pub struct FirstWordFlags {
    flags: Box<[u8; FirstWords::WORDS * 64]>,
}

impl Default for FirstWordFlags {
    fn default() -> Self {
        FirstWordFlags {
            flags: Box::new([0; FirstWords::WORDS * 64]),
        }
    }
}

impl FirstWordFlags {
    /// Sets `flag` for every word of `set`.
    pub fn add(&mut self, set: &FirstWords, flag: u8) {
        for (bit, f) in self.flags.iter_mut().enumerate() {
            if set.bits[bit / 64] & (1 << (bit % 64)) != 0 {
                *f |= flag;
            }
        }
    }

    /// The flags of the sets that may hold a token (no false negatives).
    #[inline]
    pub fn of(&self, t: &Token) -> u8 {
        self.flags[FirstWords::bit(t.hash)]
    }
}

impl PhraseList {
    /// The first words of its phrases.
    pub fn firsts(&self) -> FirstWords {
        self.0.firsts_where(|_| true)
    }
}

impl<T: Copy> Default for Lexicon<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// A list of cue phrases ("phát biểu kết luận", "chủ trì") to find in
/// tokens.
#[derive(Debug)]
pub struct PhraseList(Lexicon<()>);

impl PhraseList {
    pub fn new(phrases: &[&str]) -> PhraseList {
        let mut lx = Lexicon::new();
        lx.add_all(phrases, ());
        PhraseList(lx)
    }

    /// Token count of the longest phrase starting at `tokens[i]`.
    #[inline]
    pub fn at(&self, tokens: &[Token], i: usize) -> Option<usize> {
        self.0.longest(tokens, i).map(|(_, n)| n)
    }

    /// Whether a phrase ends right before `tokens[i]`.
    pub fn ends_before(&self, tokens: &[Token], i: usize) -> bool {
        (1..=i.min(8).min(self.0.max_words)).any(|n| self.at(&tokens[..i], i - n) == Some(n))
    }

    /// The first phrase among the first `within` tokens: (start, length).
    pub fn find(&self, tokens: &[Token], within: usize) -> Option<(usize, usize)> {
        (0..tokens.len().min(within)).find_map(|i| self.at(tokens, i).map(|n| (i, n)))
    }
}

/// Lex key of a phrase for one-off comparisons.
pub fn key(phrase: &str) -> String {
    lex_key(phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon<u8> {
        let mut lx = Lexicon::new();
        lx.add_all(&["Ban Thường vụ Tỉnh ủy", "Ban Thường vụ", "Ban"], 1);
        lx.add_all(&["Ban Chấp hành", "Ủy viên"], 2);
        lx
    }

    #[test]
    fn longest_phrase_by_second_word() {
        let lx = lexicon();
        let text = "Ban Thường vụ Tỉnh ủy họp; Ban Chấp hành; Ban. Ban Thường";
        let toks = tokenize(text, 0..text.len());
        let at = |i: usize| lx.longest(&toks, i);
        assert_eq!(at(0), Some((1, 5)));
        assert_eq!(at(7), Some((2, 3)));
        assert_eq!(at(11), Some((1, 1)));
        assert_eq!(at(13), Some((1, 1)));
        assert_eq!(lx.get("Ban Thường vụ"), Some(1));
        assert_eq!(lx.get("Ủy viên"), Some(2));
        assert_eq!(lx.get("Ủy"), None);
    }

    #[test]
    fn flags_answer_as_their_sets() {
        let lx = lexicon();
        let starts = lx.starts_where(|v| *v == 2).first_words();
        let mut words = FirstWords::default();
        words.insert_words(&["họp", "và"]);
        let mut flags = FirstWordFlags::default();
        flags.add(&lx.firsts_where(|_| true), 1);
        flags.add(&starts, 2);
        flags.add(&words, 4);
        let text = "Ban Thường vụ Tỉnh ủy họp; Ủy viên Ban Chấp hành và các đại biểu, ông A";
        for t in tokenize(text, 0..text.len()) {
            let f = flags.of(&t);
            assert_eq!(f & 1 != 0, lx.firsts_where(|_| true).may_hold(&t), "{t:?}");
            assert_eq!(f & 2 != 0, starts.may_hold(&t), "{t:?}");
            assert_eq!(f & 4 != 0, words.may_hold(&t), "{t:?}");
        }
        let ban = &tokenize("Ban", 0..3)[0];
        assert_ne!(flags.of(ban) & 1, 0);
    }

    #[test]
    fn phrases_end_before_a_token_only_within_the_longest() {
        let list = PhraseList::new(&["tại", "tại hội trường"]);
        let text = "họp tại hội trường tỉnh";
        let toks = tokenize(text, 0..text.len());
        assert!(list.ends_before(&toks, 4));
        assert!(list.ends_before(&toks, 2));
        assert!(!list.ends_before(&toks, 3));
        assert!(!list.ends_before(&toks, 1));
    }

    #[test]
    fn phrase_starts_rule_out_only_what_cannot_start() {
        let lx = lexicon();
        let starts = lx.starts_where(|v| *v == 2);
        let text = "Ủy viên Ban Chấp hành, Tỉnh ủy";
        let toks = tokenize(text, 0..text.len());
        for i in 0..toks.len() {
            let found = lx.longest(&toks, i).is_some_and(|(v, _)| v == 2);
            assert!(!found || starts.may_start(&toks, i), "token {i}");
        }
        assert!(starts.may_start(&toks, 0));
        assert!(!starts.may_start(&toks, 6));
        let firsts = starts.first_words();
        assert!(firsts.may_hold(&toks[0]) && firsts.may_hold(&toks[2]));
    }
}
