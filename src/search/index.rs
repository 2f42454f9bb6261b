//! The search index: every entry's text, its folded haystack and its words,
//! and for every folded word the entries that hold it.
//!
//! Words are kept in one sorted dictionary, so the words that begin with a
//! typed prefix are one range of word numbers, and "does this entry have a
//! word starting with …" is a binary search in the entry's sorted word
//! numbers. Everything lives in a few flat arrays: a million entries cost a
//! few hundred bytes each, not a few thousand.

use std::ops::Range;

use crate::corpus::Corpus;
use crate::gazetteer::FastMap;
use crate::text::fold::{
    FOLDS_TO, FoldsTo, fold_char_into, fold_into, folded_letter, is_alphanumeric, word_key,
};

use super::entries::{each_entry, entries_but_provinces};
use super::{Kind, Target};

/// Many strings, byte strings or number lists in one buffer: item `i` is
/// `buf[ends[i - 1]..ends[i]]`. A few flat arrays instead of a heap
/// allocation per item.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Packed<B> {
    buf: B,
    ends: Vec<usize>,
}

/// The buffers [`Packed`] keeps its items in.
pub(super) trait Buffer {
    type Item: ?Sized;
    fn len(&self) -> usize;
    fn append(&mut self, item: &Self::Item);
    fn slice(&self, range: Range<usize>) -> &Self::Item;
}

impl Buffer for String {
    type Item = str;
    fn len(&self) -> usize {
        self.len()
    }
    fn append(&mut self, item: &str) {
        self.push_str(item);
    }
    fn slice(&self, range: Range<usize>) -> &str {
        &self[range]
    }
}

impl<T: Copy> Buffer for Vec<T> {
    type Item = [T];
    fn len(&self) -> usize {
        self.len()
    }
    fn append(&mut self, item: &[T]) {
        self.extend_from_slice(item);
    }
    fn slice(&self, range: Range<usize>) -> &[T] {
        &self[range]
    }
}

impl<B: Buffer> Packed<B> {
    pub(super) fn push(&mut self, item: &B::Item) {
        self.buf.append(item);
        self.ends.push(self.buf.len());
    }
    #[cfg(test)]
    pub(super) fn push_iter<I: IntoIterator>(&mut self, items: I)
    where
        B: Extend<I::Item>,
    {
        self.buf.extend(items);
        self.ends.push(self.buf.len());
    }
    pub(super) fn get(&self, i: usize) -> &B::Item {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.buf.slice(start..self.ends[i])
    }
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }
    pub(super) fn shrink_to_fit(&mut self)
    where
        B: Shrink,
    {
        self.buf.shrink();
        self.ends.shrink_to_fit();
    }
}

/// Buffers whose spare capacity can be given back.
pub(super) trait Shrink {
    fn shrink(&mut self);
}

impl<T> Shrink for Vec<T> {
    fn shrink(&mut self) {
        self.shrink_to_fit();
    }
}

/// Entry texts.
type Strings = Packed<String>;
/// Entry haystacks, one byte per character (see [`project`]).
pub(super) type Bytes = Packed<Vec<u8>>;
/// Sorted lists of word or entry numbers.
pub(super) type Lists = Packed<Vec<u32>>;

/// A character outside ASCII that is a letter or digit, projected.
pub(super) const OTHER_LETTER: u8 = 0x80;
/// A character outside ASCII that is neither, projected: it ends a word.
const OTHER_MARK: u8 = 0x81;

/// One byte per character of `s`: ASCII as is, anything else as
/// [`OTHER_LETTER`] or [`OTHER_MARK`], so that words can still be told
/// apart.
pub(super) fn project(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.chars().map(|c| match c {
        c if c.is_ascii() => c as u8,
        c if c.is_alphanumeric() => OTHER_LETTER,
        _ => OTHER_MARK,
    })
}

/// [`project`] of `text` folded as [`fold_entry`] folds it, into `out`,
/// without the folded text in between: most characters are ASCII and go
/// straight in, and most others (Vietnamese letters) are looked up by
/// their bytes.
pub(super) fn project_entry(text: &str, out: &mut Vec<u8>, scratch: &mut String) {
    out.clear();
    out.reserve(text.len() + 1);
    out.push(b' ');
    let table = &*FOLDS_TO;
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            out.push(b.to_ascii_lowercase());
            at += 1;
            continue;
        }
        let (folds, width) = table.at(bytes, at);
        match folds {
            FoldsTo::Letter(f) | FoldsTo::Ascii(f) => out.push(f),
            FoldsTo::Mark => out.push(OTHER_MARK),
            FoldsTo::Nothing => {}
            FoldsTo::Other => {
                scratch.clear();
                fold_into(&text[at..at + width], scratch);
                out.extend(project(scratch));
            }
        }
        at += width;
    }
}

/// Whether a projected byte belongs to a word, as [`folded_words`] splits.
pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == OTHER_LETTER
}

/// `text` as an entry is searched: folded, after a space so that every
/// word follows one.
#[cfg(test)]
pub(super) fn fold_entry(text: &str, folded: &mut String) {
    folded.clear();
    folded.push(' ');
    crate::text::fold::fold_into(text, folded);
}

/// Whether a sorted list holds a number in `range`.
pub(super) fn holds_any(list: &[u32], range: &Range<u32>) -> bool {
    let at = list.partition_point(|&w| w < range.start);
    list.get(at).is_some_and(|&w| w < range.end)
}

/// Sorted words, numbered in order.
#[derive(Debug, Default)]
pub(super) struct Dictionary {
    words: Vec<Box<str>>,
}

impl Dictionary {
    pub(super) fn words(&self) -> &[Box<str>] {
        &self.words
    }

    /// The numbers of the words that begin with `prefix`.
    pub(super) fn prefixed(&self, prefix: &str) -> Range<u32> {
        let lo = self.words.partition_point(|w| &**w < prefix);
        let n = self.words[lo..].partition_point(|w| w.starts_with(prefix));
        lo as u32..(lo + n) as u32
    }
}

/// All entries of a corpus, ready to search.
pub struct Index {
    kinds: Vec<Kind>,
    targets: Vec<Target>,
    texts: Strings,
    /// The haystack of each entry with one byte per character (see
    /// [`project`] and [`Index::haystack`]). Folded Vietnamese
    /// is nearly all ASCII, and an ASCII query meets it byte for byte.
    projected: Bytes,
    pub(super) words: Dictionary,
    /// For each word, the entries holding it.
    pub(super) postings: Lists,
    /// `postings_before[w]`: how many postings words before `w` have, to
    /// size a prefix's candidates without reading them.
    postings_before: Vec<usize>,
    /// For each entry, the sorted numbers of its folded words.
    pub(super) entry_words: Lists,
    /// Lex keys of the words written with letters outside ASCII.
    pub(super) marks: Dictionary,
    pub(super) entry_marks: Lists,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("entries", &self.len())
            .field("words", &self.words.words.len())
            .finish()
    }
}

/// One entry as shown.
#[derive(Debug, Clone, Copy)]
pub struct EntryRef<'a> {
    pub kind: Kind,
    pub target: &'a Target,
    /// The text shown, as written.
    pub text: &'a str,
}

/// The folded words of folded text: runs of letters and digits.
pub(super) fn folded_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
}

/// The words of original text written with letters outside ASCII, as lex
/// keys (lower case, tone placement ignored).
pub(super) fn marked_words(text: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    marked_word_spans(text).map(word_key)
}

/// The words of original text written with letters outside ASCII, as
/// written.
fn marked_word_spans(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_ascii())
}

impl Index {
    /// Builds the index of a corpus.
    pub fn build(corpus: &Corpus) -> Index {
        let mut b = Builder::with_room(entries_but_provinces(corpus));
        each_entry(corpus, |kind, target, text| b.push(kind, target, text));
        b.finish()
    }

    /// Indexes the given entries, in the order given.
    pub fn from_entries(entries: impl IntoIterator<Item = (Kind, Target, String)>) -> Index {
        let mut b = Builder::default();
        for (kind, target, text) in entries {
            b.push(kind, target, &text);
        }
        b.finish()
    }

    /// The given entries, in the order given, only to be shown: the tables
    /// a search reads are left empty, so searching it finds nothing.
    pub fn listing(entries: impl IntoIterator<Item = (Kind, Target, String)>) -> Index {
        let mut b = Builder::default();
        for (kind, target, text) in entries {
            b.kinds.push(kind);
            b.targets.push(target);
            b.texts.push(&text);
            b.projected.push(&[]);
            b.entry_words.push(&[]);
            b.entry_marks.push(&[]);
        }
        b.finish()
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// Entry `i` as shown.
    pub fn entry(&self, i: usize) -> EntryRef<'_> {
        EntryRef {
            kind: self.kinds[i],
            target: &self.targets[i],
            text: self.texts.get(i),
        }
    }

    /// What entry `i` is searched in: a space, then its folded text. The
    /// space gives the first word the same start-of-word bonus as every
    /// other word.
    pub(super) fn haystack(&self, i: usize) -> String {
        let mut h = String::from(" ");
        for c in self.texts.get(i).chars() {
            fold_char_into(c, &mut h);
        }
        h
    }

    /// [`Index::haystack`] with one byte per character (see [`project`]).
    pub(super) fn projected(&self, i: usize) -> &[u8] {
        self.projected.get(i)
    }

    /// How many postings the words in `range` have together: an upper bound
    /// on the entries holding one of them.
    pub(super) fn postings_in(&self, range: &Range<u32>) -> usize {
        self.postings_before[range.end as usize] - self.postings_before[range.start as usize]
    }
}

/// Collects entries, then sorts the dictionaries and inverts the lists.
#[derive(Default)]
struct Builder {
    kinds: Vec<Kind>,
    targets: Vec<Target>,
    texts: Strings,
    projected: Bytes,
    numbers: Numbering,
    entry_words: Lists,
    entry_marks: Lists,
    scratch: Scratch,
}

/// The words and marked words met so far, numbered in order of
/// appearance, and those of the entry being read.
#[derive(Default)]
struct Numbering {
    /// Folded words, as bytes: most are read straight from the
    /// projection, which is the folded word itself when it is ASCII.
    word_ids: FastMap<Box<[u8]>, u32>,
    mark_ids: WordMap,
    /// The number of each marked word's lex key, by the word as written.
    marks_as_written: WordMap,
    /// A word as written that is one folded word too (its letters each
    /// fold to one ASCII letter): the folded word's number, and its lex
    /// key's when marked ([`NO_MARK`] when not). Entries repeat the same
    /// names and titles, and one look-up answers both.
    as_written: WordMap<(u32, u32)>,
    /// [`Numbering::as_written`] for the words of up to eight bytes, most
    /// of them, by [`short_key`]: a number to hash and compare, not text.
    short_as_written: FastMap<(u64, u8), (u32, u32)>,
    /// The last of those found at each place of [`Recent`].
    recent: Recent,
    /// The entry being read, numbered from 1, and the last entry each
    /// word and mark was listed for: each is listed once an entry.
    entry: u32,
    word_listed: Vec<u32>,
    mark_listed: Vec<u32>,
    /// The entry's word numbers and marked words' numbers.
    words: Vec<u32>,
    marks: Vec<u32>,
}

/// The mark of a word as written with no letter outside ASCII.
const NO_MARK: u32 = u32::MAX;

impl Numbering {
    /// Starts listing the words of the next entry.
    fn next_entry(&mut self) {
        self.entry += 1;
        self.words.clear();
        self.marks.clear();
    }

    fn word(&mut self, word: &[u8]) {
        let id = self.word_id(word);
        self.list_word(id);
    }

    fn word_id(&mut self, word: &[u8]) -> u32 {
        if let Some(&id) = self.word_ids.get(word) {
            return id;
        }
        let id = self.word_ids.len() as u32;
        self.word_ids.insert(word.into(), id);
        self.word_listed.push(0);
        id
    }

    fn list_word(&mut self, id: u32) {
        let listed = &mut self.word_listed[id as usize];
        if *listed != self.entry {
            *listed = self.entry;
            self.words.push(id);
        }
    }

    /// Numbers the lex key of `word`, written with letters outside ASCII.
    fn mark(&mut self, word: &str) {
        let id = self.mark_id(word);
        self.list_mark(id);
    }

    /// Each word as written is keyed once: entries repeat the same names
    /// and titles.
    fn mark_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.marks_as_written.get(word) {
            return id;
        }
        let key = word_key(word);
        let id = match self.mark_ids.get(&*key) {
            Some(&id) => id,
            None => {
                let id = self.mark_ids.len() as u32;
                self.mark_ids.insert(key.into(), id);
                self.mark_listed.push(0);
                id
            }
        };
        self.marks_as_written.insert(word.into(), id);
        id
    }

    fn list_mark(&mut self, id: u32) {
        let listed = &mut self.mark_listed[id as usize];
        if *listed != self.entry {
            *listed = self.entry;
            self.marks.push(id);
        }
    }

    /// Numbers a word as written, `text[from..to]`, that is also one
    /// folded word, `folded`.
    #[inline(always)]
    fn both(&mut self, text: &str, (from, to): (usize, usize), folded: &[u8]) {
        let short = short_key(&text.as_bytes()[from..to]);
        let (word, mark) = match short {
            Some(key) => match self.recent.get(key) {
                Some(ids) => ids,
                None => {
                    let ids = self.both_apart(&text[from..to], short, folded);
                    self.recent.set(key, ids);
                    ids
                }
            },
            None => self.both_apart(&text[from..to], short, folded),
        };
        self.list_word(word);
        if mark != NO_MARK {
            self.list_mark(mark);
        }
    }

    /// The numbers of a word as written and of its folded word, when
    /// [`Recent`] does not hold them.
    #[inline(never)]
    fn both_apart(&mut self, written: &str, short: Option<(u64, u8)>, folded: &[u8]) -> (u32, u32) {
        let known = match short {
            Some(key) => self.short_as_written.get(&key),
            None => self.as_written.get(written),
        };
        if let Some(&ids) = known {
            return ids;
        }
        let word = self.word_id(folded);
        let mark = if written.is_ascii() {
            NO_MARK
        } else {
            self.mark_id(written)
        };
        match short {
            Some(key) => self.short_as_written.insert(key, (word, mark)),
            None => self.as_written.insert(written.into(), (word, mark)),
        };
        (word, mark)
    }
}

/// Words of up to eight bytes with their numbers, one at each of a fixed
/// number of places found from the [`short_key`] alone: a look-up is one
/// multiplication and one comparison, where the hash map probes. Words
/// met again soon, as entries' names and titles are, are nearly all here.
struct Recent {
    slots: Vec<((u64, u8), (u32, u32))>,
}

/// How many places [`Recent`] has, as a power of two.
const RECENT_BITS: u32 = 12;

impl Default for Recent {
    fn default() -> Recent {
        // A count of 0 is no word's: words have a letter.
        Recent {
            slots: vec![((0, 0), (0, 0)); 1 << RECENT_BITS],
        }
    }
}

impl Recent {
    fn place((key, n): (u64, u8)) -> usize {
        let mixed = (key ^ u64::from(n)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> (64 - RECENT_BITS)) as usize
    }

    #[inline]
    fn get(&self, key: (u64, u8)) -> Option<(u32, u32)> {
        let (at, ids) = self.slots[Recent::place(key)];
        (at == key).then_some(ids)
    }

    fn set(&mut self, key: (u64, u8), ids: (u32, u32)) {
        self.slots[Recent::place(key)] = (key, ids);
    }
}

/// Words numbered by the word.
type WordMap<V = u32> = FastMap<Box<str>, V>;

/// Bytes of up to eight as one number, with their count: different
/// bytes, different keys.
fn short_key(bytes: &[u8]) -> Option<(u64, u8)> {
    let n = bytes.len();
    let key = match n {
        0 => 0,
        // The first four and the last four, overlapping below eight.
        4..=8 => {
            let four = |at: usize| {
                let mut b = [0u8; 4];
                b.copy_from_slice(&bytes[at..at + 4]);
                u64::from(u32::from_le_bytes(b))
            };
            four(0) | four(n - 4) << 32
        }
        1..4 => {
            let b = |i: usize| u64::from(bytes[i]);
            b(0) | b(n / 2) << 8 | b(n - 1) << 16
        }
        _ => return None,
    };
    Some((key, n as u8))
}

impl Builder {
    /// A builder with room for the lists of `entries` entries.
    fn with_room(entries: usize) -> Builder {
        let mut b = Builder::default();
        b.kinds.reserve(entries);
        b.targets.reserve(entries);
        for ends in [
            &mut b.texts.ends,
            &mut b.projected.ends,
            &mut b.entry_words.ends,
            &mut b.entry_marks.ends,
        ] {
            ends.reserve(entries);
        }
        b
    }

    fn push(&mut self, kind: Kind, target: Target, text: &str) {
        self.kinds.push(kind);
        self.targets.push(target);
        self.texts.push(text);
        let n = &mut self.numbers;
        n.next_entry();
        split(text, &mut self.projected.buf, n, &mut self.scratch);
        self.projected.ends.push(self.projected.buf.len());
        // Listed in order of appearance; [`sorted`] sorts them.
        self.entry_words.push(&n.words);
        self.entry_marks.push(&n.marks);
    }

    fn finish(self) -> Index {
        let (words, sorted_words) = sorted(self.numbers.word_ids, self.entry_words, |w| {
            String::from_utf8(w.into_vec())
                .expect("folded words are text")
                .into_boxed_str()
        });
        let (marks, sorted_marks) = sorted(self.numbers.mark_ids, self.entry_marks, |w| w);
        let (postings_before, postings) = sorted_words.postings;
        Index {
            kinds: self.kinds,
            targets: self.targets,
            texts: self.texts,
            projected: self.projected,
            words,
            postings,
            postings_before,
            entry_words: sorted_words.lists,
            marks,
            entry_marks: sorted_marks.lists,
        }
    }
}

/// What reading an entry keeps between entries, to be used again.
#[derive(Default)]
struct Scratch {
    /// The folded form of a character read the slow way.
    folded: String,
    /// The folded word being read, when it has a letter outside ASCII.
    word: Vec<u8>,
}

/// The runs of letters and digits being read: the folded word (from its
/// start in the projection) and the word as written (from its start in
/// the text), and whether the two began together and have been one run
/// of letters that each fold to one ASCII letter since.
struct Runs {
    word: Option<usize>,
    /// The letters outside ASCII of the folded word, in order: the
    /// projection has [`OTHER_LETTER`] in their place.
    word_others: Vec<char>,
    written: Option<usize>,
    together: bool,
}

impl Runs {
    /// Takes a letter at `at` of the text that folds to one ASCII letter,
    /// to be projected at `to`.
    #[inline]
    fn letter(&mut self, at: usize, to: usize) {
        match (self.written, self.word) {
            (Some(_), Some(_)) => {}
            (None, None) => {
                self.written = Some(at);
                self.word = Some(to);
                self.word_others.clear();
                self.together = true;
            }
            (None, Some(_)) => {
                self.written = Some(at);
                self.together = false;
            }
            (Some(_), None) => {
                self.word = Some(to);
                self.word_others.clear();
                self.together = false;
            }
        }
    }

    /// Ends both runs at a character that is no letter either way, at
    /// `at` in the text and `to` in the projection.
    #[inline(always)]
    fn end_both(
        &mut self,
        text: &str,
        at: usize,
        projected: &[u8],
        numbers: &mut Numbering,
        word_bytes: &mut Vec<u8>,
    ) {
        if self.together
            && let (Some(written), Some(word)) = (self.written, self.word)
        {
            numbers.both(text, (written, at), &projected[word..]);
            self.written = None;
            self.word = None;
            self.together = false;
            return;
        }
        self.end_apart(text, at, projected, numbers, word_bytes);
    }

    /// [`Runs::end_both`] of runs that did not begin together, or of none.
    #[inline(never)]
    fn end_apart(
        &mut self,
        text: &str,
        at: usize,
        projected: &[u8],
        numbers: &mut Numbering,
        word_bytes: &mut Vec<u8>,
    ) {
        self.end_written(text, at, numbers);
        self.end_word(projected, numbers, word_bytes);
    }

    fn end_written(&mut self, text: &str, at: usize, numbers: &mut Numbering) {
        if let Some(from) = self.written.take() {
            let w = &text[from..at];
            if !w.is_ascii() {
                numbers.mark(w);
            }
        }
        self.together = false;
    }

    /// Ends the folded word at the end of `projected`; a word with letters
    /// outside ASCII is written out in `word_bytes`.
    fn end_word(&mut self, projected: &[u8], numbers: &mut Numbering, word_bytes: &mut Vec<u8>) {
        let Some(from) = self.word.take() else {
            return;
        };
        self.together = false;
        let projection = &projected[from..];
        if self.word_others.is_empty() {
            numbers.word(projection);
            return;
        }
        let mut others = self.word_others.iter();
        word_bytes.clear();
        for &b in projection {
            if b == OTHER_LETTER {
                let c = others
                    .next()
                    .expect("one letter for each in the projection");
                word_bytes.extend(c.encode_utf8(&mut [0; 4]).as_bytes());
            } else {
                word_bytes.push(b);
            }
        }
        numbers.word(word_bytes);
    }
}

/// For each character of the text, the one ASCII letter or digit it
/// folds to, or 0: looked up by the character's UTF-8 bytes for ASCII,
/// the two-byte letters and those of Latin Extended Additional, which
/// hold every Vietnamese letter.
struct OneLetter {
    /// U+0000 to U+07FF.
    low: [u8; 0x800],
    /// U+1E00 to U+1EFF.
    extended: [u8; 0x100],
}

static ONE_LETTER: std::sync::LazyLock<Box<OneLetter>> = std::sync::LazyLock::new(|| {
    let fold = |u: u32| char::from_u32(u).and_then(one_ascii_letter).unwrap_or(0);
    let mut t = Box::new(OneLetter {
        low: [0; 0x800],
        extended: [0; 0x100],
    });
    for (u, f) in (0..).zip(t.low.iter_mut()) {
        *f = fold(u);
    }
    for (u, f) in (0x1E00..).zip(t.extended.iter_mut()) {
        *f = fold(u);
    }
    t
});

impl OneLetter {
    /// The letter the character at `at` folds to (0 when none is looked
    /// up) and its length in bytes.
    #[inline]
    fn at(&self, bytes: &[u8], at: usize) -> (u8, usize) {
        let b = bytes[at];
        match b {
            0..0x80 => (self.low[b as usize], 1),
            0xC2..=0xDF => {
                let u = (usize::from(b & 0x1F) << 6) | usize::from(bytes[at + 1] & 0x3F);
                (self.low[u], 2)
            }
            0xE1 if (0xB8..0xBC).contains(&bytes[at + 1]) => {
                let u =
                    (usize::from(bytes[at + 1] - 0xB8) << 6) | usize::from(bytes[at + 2] & 0x3F);
                (self.extended[u], 3)
            }
            _ => (0, 0),
        }
    }
}

/// Folds `text` (after a space, as [`fold_entry`]) and appends its
/// projection (see [`project`]) to `projected`, numbering its folded words
/// as [`folded_words`] splits them and its words written with letters
/// outside ASCII as [`marked_words`] does: one pass over its characters
/// for all of it, without the folded text, where folding, splitting the
/// folded text and splitting the text as written took one each.
fn split(text: &str, projected: &mut Vec<u8>, numbers: &mut Numbering, scratch: &mut Scratch) {
    let one = &**ONE_LETTER;
    let Scratch { folded, word } = scratch;
    projected.reserve(text.len() + 1);
    projected.push(b' ');
    let mut runs = Runs {
        word: None,
        word_others: Vec::new(),
        written: None,
        together: false,
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let (f, len) = one.at(bytes, at);
        if f != 0 {
            // A run of letters that each fold to one ASCII letter, most of
            // an entry, goes on with both words without asking again.
            runs.letter(at, projected.len());
            projected.push(f);
            at += len;
            while at < bytes.len() {
                let (f, len) = one.at(bytes, at);
                if f == 0 {
                    break;
                }
                projected.push(f);
                at += len;
            }
            continue;
        }
        let b = bytes[at];
        if b < 0x80 {
            runs.end_both(text, at, projected, numbers, word);
            projected.push(b);
            at += 1;
            continue;
        }
        let c = text[at..].chars().next().expect("within the text");
        if is_alphanumeric(c) {
            if runs.written.is_none() {
                runs.written = Some(at);
            }
            runs.together = false;
        } else {
            runs.end_written(text, at, numbers);
        }
        folded.clear();
        fold_char_into(c, folded);
        for f in folded.chars() {
            let letter = is_alphanumeric(f);
            if letter {
                if runs.word.is_none() {
                    runs.word = Some(projected.len());
                    runs.word_others.clear();
                }
                if !f.is_ascii() {
                    runs.word_others.push(f);
                }
            } else {
                runs.end_word(projected, numbers, word);
            }
            runs.together = false;
            projected.push(match f {
                f if f.is_ascii() => f as u8,
                _ if letter => OTHER_LETTER,
                _ => OTHER_MARK,
            });
        }
        at += c.len_utf8();
    }
    runs.end_both(text, text.len(), projected, numbers, word);
}

/// The ASCII letter or digit a letter folds to, when it folds to exactly
/// one (looked up, as [`fold_char_into`] does first).
fn one_ascii_letter(c: char) -> Option<u8> {
    if c.is_ascii() {
        return c
            .is_ascii_alphanumeric()
            .then_some(c.to_ascii_lowercase() as u8);
    }
    if !is_alphanumeric(c) {
        return None;
    }
    folded_letter(c)
        .filter(char::is_ascii_alphanumeric)
        .map(|f| f as u8)
}

/// Lists of numbers of a sorted dictionary, and the same inverted.
struct Renumbered {
    /// Each list's numbers, sorted.
    lists: Lists,
    /// For each number, how many items the numbers before it have (one
    /// more than the numbers), and the sorted lists holding it.
    postings: (Vec<usize>, Lists),
}

/// Sorts a dictionary built in order of appearance and renumbers the lists
/// that use it. The lists are inverted, then inverted back: each comes
/// out sorted from walking the other in order, where sorting each list
/// took more.
fn sorted<K: Ord>(
    ids: FastMap<K, u32>,
    lists: Lists,
    text: impl Fn(K) -> Box<str>,
) -> (Dictionary, Renumbered) {
    let mut words: Vec<(K, u32)> = ids.into_iter().collect();
    words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut renumber = vec![0u32; words.len()];
    for (new, (_, old)) in words.iter().enumerate() {
        renumber[*old as usize] = new as u32;
    }
    let postings = inverted(&lists, words.len(), |w| renumber[w as usize]);
    let lists = inverted_back(&postings.1, lists);
    let words = words.into_iter().map(|(w, _)| text(w)).collect();
    (Dictionary { words }, Renumbered { lists, postings })
}

/// For each of `n` numbers, the lists of `lists` that hold it, in order,
/// each list's numbers mapped by `number`; and how many items the numbers
/// before each have. Counted first, then filled in list order, so that
/// every list of the result comes out sorted.
fn inverted(lists: &Lists, n: usize, number: impl Fn(u32) -> u32) -> (Vec<usize>, Lists) {
    let mut before = vec![0usize; n + 1];
    for &w in &lists.buf {
        before[number(w) as usize + 1] += 1;
    }
    for w in 0..n {
        before[w + 1] += before[w];
    }
    let mut next = before[..n].to_vec();
    let mut items = vec![0u32; lists.buf.len()];
    for e in 0..lists.len() {
        for &w in lists.get(e) {
            let w = number(w) as usize;
            items[next[w]] = e as u32;
            next[w] += 1;
        }
    }
    let ends = before[1..].to_vec();
    (before, Lists { buf: items, ends })
}

/// `lists` with their numbers taken from `postings`, their inversion
/// ([`inverted`]): each list holds the numbers whose postings list it, in
/// order, so sorted. Written over the lists' own items.
fn inverted_back(postings: &Lists, mut lists: Lists) -> Lists {
    let mut next: Vec<usize> = std::iter::once(0)
        .chain(lists.ends.iter().copied())
        .take(lists.len())
        .collect();
    for w in 0..postings.len() {
        for &e in postings.get(w) {
            lists.buf[next[e as usize]] = w as u32;
            next[e as usize] += 1;
        }
    }
    lists
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_are_told_as_unicode_tells_them() {
        let latin = (0..0x250).chain(0x1E00..0x1F00).chain(0x2000..0x2100);
        for c in latin.filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn entries_fold_as_their_characters_fold() {
        for text in [
            "Nguyễn Văn AN, Bí thư",
            "ĐẠI HỘI XV – 2025",
            "abc",
            "",
            "Ǆ ﬁ x²",
        ] {
            let mut folded = String::new();
            fold_entry(text, &mut folded);
            let mut expected = String::from(" ");
            text.chars().for_each(|c| fold_char_into(c, &mut expected));
            assert_eq!(folded, expected, "{text:?}");
        }
    }

    #[test]
    fn entries_project_as_their_folded_text_does() {
        let (mut out, mut scratch, mut folded) = (Vec::new(), String::new(), String::new());
        for text in [
            "",
            "Ông Nguyễn–Văn HẢI",
            "Đồng chí «Thái» · Bình",
            "ĐẮK LẮK ½ 日本 café ß",
        ] {
            project_entry(text, &mut out, &mut scratch);
            fold_entry(text, &mut folded);
            assert_eq!(out, project(&folded).collect::<Vec<u8>>(), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(2000))]

        /// The characters looked up by their bytes project as their folded
        /// forms do.
        #[test]
        fn any_entry_projects_as_its_folded_text_does(
            text in "[a-zA-Z0-9 ,.'!~\u{7f}ÂâĐđƯưỦủỷễẮắ²½ﬁǅßÆ×ªµᴀ€ḁ–“”…\u{200b}\u{2070}Ж日\u{301}\u{323}\u{1f600}-]{0,40}",
        ) {
            let (mut out, mut scratch, mut folded) = (Vec::new(), String::new(), String::new());
            project_entry(&text, &mut out, &mut scratch);
            fold_entry(&text, &mut folded);
            proptest::prop_assert_eq!(out, project(&folded).collect::<Vec<u8>>());
        }
    }

    /// What one pass over each of `texts` finds, read in turn, as the
    /// folded words, projection and marked words' keys, each word listed
    /// once, in order of appearance.
    fn split_plainly(texts: &[&str]) -> Vec<(Vec<String>, Vec<u8>, Vec<String>)> {
        let (mut n, mut scratch) = (Numbering::default(), Scratch::default());
        let mut read = Vec::new();
        for text in texts {
            let mut projected = vec![b'x'];
            n.next_entry();
            split(text, &mut projected, &mut n, &mut scratch);
            read.push((n.words.clone(), projected[1..].to_vec(), n.marks.clone()));
        }
        let words: Vec<(&u32, String)> = n
            .word_ids
            .iter()
            .map(|(w, id)| (id, String::from_utf8(w.to_vec()).expect("text")))
            .collect();
        let marks: Vec<(&u32, String)> = n
            .mark_ids
            .iter()
            .map(|(w, id)| (id, w.to_string()))
            .collect();
        let named = |ids: &[(&u32, String)], list: &[u32]| -> Vec<String> {
            let mut by_id = ids.to_vec();
            by_id.sort();
            list.iter().map(|&i| by_id[i as usize].1.clone()).collect()
        };
        read.into_iter()
            .map(|(w, projected, m)| (named(&words, &w), projected, named(&marks, &m)))
            .collect()
    }

    /// Each item once, where it first appears.
    fn firsts<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
        let mut out = Vec::new();
        for x in items {
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }

    fn check_one_pass(texts: &[&str]) {
        for (text, (words, projected, marks)) in texts.iter().zip(split_plainly(texts)) {
            let mut folded = String::new();
            fold_entry(text, &mut folded);
            assert_eq!(projected, project(&folded).collect::<Vec<u8>>(), "{text:?}");
            let expected = firsts(folded_words(&folded).map(str::to_string));
            assert_eq!(words, expected, "{text:?}");
            let expected = firsts(marked_words(text).map(|w| w.into_owned()));
            assert_eq!(marks, expected, "{text:?}");
        }
    }

    #[test]
    fn one_pass_folds_projects_and_splits_as_three_do() {
        let texts = [
            "",
            " ngô–đông hải x²",
            "ĐẮK LẮK ½ 日本 café ß",
            "a«b»c ",
            "ǅ ﬁ",
            "a\u{301}b Ủy ban Uỷ ban",
            "Nguyễn Văn AN, Bí thư",
            "ab½c x\u{301} ǅa aǅ 日a a日 ña Ña",
            "Nguyễn nguyễn NGUYỄN Nguyen, Bí thư Bí thư",
        ];
        for text in texts {
            check_one_pass(&[text]);
        }
        check_one_pass(&texts);
    }

    #[test]
    fn letters_are_looked_up_as_they_fold() {
        let one = &**ONE_LETTER;
        for c in (0..0x3000)
            .chain(0x1_0000..0x1_0100)
            .filter_map(char::from_u32)
        {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let (f, len) = one.at(bytes, 0);
            if f != 0 {
                assert_eq!((Some(f), len), (one_ascii_letter(c), bytes.len()), "{c:?}");
            } else {
                let u = c as u32;
                let looked_up = u < 0x800 || (0x1E00..0x1F00).contains(&u);
                assert!(!looked_up || one_ascii_letter(c).is_none(), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(500))]

        #[test]
        fn short_keys_tell_bytes_apart(
            a in proptest::collection::vec(proptest::prop_oneof![0u8..3, proptest::num::u8::ANY], 0..10),
            b in proptest::collection::vec(proptest::prop_oneof![0u8..3, proptest::num::u8::ANY], 0..10),
        ) {
            let (ka, kb) = (short_key(&a), short_key(&b));
            proptest::prop_assert_eq!(ka.is_some(), a.len() <= 8);
            if ka.is_some() && kb.is_some() {
                proptest::prop_assert_eq!(ka == kb, a == b);
            }
        }

        #[test]
        fn one_pass_splits_any_text_as_three_passes_do(
            texts in proptest::collection::vec(
                "[a-zA-Z0-9 ,.–·ÂâĐđƯưỦủỷễẮắ²½ﬁǅßĳÆøªµ日\u{301}\u{300}-]{0,40}",
                1..4,
            ),
        ) {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            check_one_pass(&texts);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(200))]

        #[test]
        fn renumbered_lists_are_sorted_and_inverted(
            lists in proptest::collection::vec(
                proptest::collection::btree_set("[a-e]{1,2}", 0..12),
                0..30,
            ),
            turn in 0usize..12,
        ) {
            // Words numbered in order of appearance, each list in an
            // order of its own.
            let mut ids: FastMap<String, u32> = FastMap::default();
            let mut packed = Lists::default();
            for list in &lists {
                let mut list: Vec<&String> = list.iter().collect();
                let n = list.len().max(1);
                list.rotate_left(turn % n);
                let numbers: Vec<u32> = list
                    .iter()
                    .map(|&w| {
                        let next = ids.len() as u32;
                        *ids.entry(w.clone()).or_insert(next)
                    })
                    .collect();
                packed.push(&numbers);
            }
            let mut all: Vec<&String> = lists.iter().flatten().collect();
            all.sort_unstable();
            all.dedup();
            let (dictionary, r) = sorted(ids, packed, |w| w.into_boxed_str());
            let words: Vec<&str> = all.iter().map(|w| w.as_str()).collect();
            proptest::prop_assert_eq!(
                dictionary.words().iter().map(|w| &**w).collect::<Vec<_>>(),
                words.clone()
            );
            let expected: Vec<Vec<u32>> = lists
                .iter()
                .map(|list| {
                    // A BTreeSet iterates sorted, as the numbers are.
                    list.iter()
                        .map(|w| words.iter().position(|a| a == w).expect("a word") as u32)
                        .collect()
                })
                .collect();
            for (e, list) in expected.iter().enumerate() {
                proptest::prop_assert_eq!(r.lists.get(e), &list[..]);
            }
            let (before, postings) = r.postings;
            proptest::prop_assert_eq!(postings.len(), words.len());
            for w in 0..words.len() as u32 {
                let holding: Vec<u32> = (0..lists.len() as u32)
                    .filter(|&e| expected[e as usize].contains(&w))
                    .collect();
                proptest::prop_assert_eq!(postings.get(w as usize), &holding[..]);
                let w = w as usize;
                proptest::prop_assert_eq!(before[w + 1] - before[w], holding.len());
            }
        }
    }

    #[test]
    fn prefixes_are_word_ranges() {
        let d = Dictionary {
            words: ["ban", "bi", "binh", "bo", "thai"]
                .into_iter()
                .map(Box::from)
                .collect(),
        };
        assert_eq!(d.prefixed("bi"), 1..3);
        assert_eq!(d.prefixed("b"), 0..4);
        assert_eq!(d.prefixed("c"), 4..4);
        assert_eq!(d.prefixed("thai"), 4..5);
        assert!(!holds_any(&[0, 3], &(1..3)));
        assert!(holds_any(&[0, 2], &(1..3)));
    }

    #[test]
    fn entries_come_in_result_order_with_their_words() {
        let c = Corpus::bundled();
        let idx = Index::build(&c);
        let kinds: Vec<Kind> = (0..idx.len()).map(|i| idx.entry(i).kind).collect();
        assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "grouped by kind");
        let hai = (0..idx.len())
            .find(|&i| idx.entry(i).text.starts_with("Ngô Đông Hải"))
            .expect("an official entry");
        assert!(idx.haystack(hai).starts_with(" ngo dong hai"));
        assert!(idx.projected(hai).starts_with(b" ngo dong hai \x81 "));
        let words = idx.words.prefixed("hai");
        assert!(holds_any(idx.entry_words.get(hai), &words));
        assert!(
            idx.postings
                .get(words.start as usize)
                .contains(&(hai as u32))
        );
        let marks = idx.marks.prefixed("hải");
        assert!(holds_any(idx.entry_marks.get(hai), &marks));
    }
}
