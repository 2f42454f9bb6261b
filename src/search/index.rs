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
use crate::text::fold::{fold_char_into, folded_letter, is_alphanumeric, word_key};

use super::entries::each_entry;
use super::{Kind, Target};

/// Many strings, byte strings or number lists in one buffer: item `i` is
/// `buf[ends[i - 1]..ends[i]]`. A few flat arrays instead of a heap
/// allocation per item.
#[derive(Debug, Default)]
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
/// straight in.
pub(super) fn project_entry(text: &str, out: &mut Vec<u8>, scratch: &mut String) {
    out.clear();
    out.push(b' ');
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase() as u8);
        } else {
            scratch.clear();
            fold_char_into(c, scratch);
            out.extend(project(scratch));
        }
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
        let mut b = Builder::default();
        each_entry(corpus, |kind, target, text| b.push(kind, target, &text));
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
    folded: String,
}

/// The words and marked words met so far, numbered in order of
/// appearance, and those of the entry being read.
#[derive(Default)]
struct Numbering {
    word_ids: WordMap,
    mark_ids: WordMap,
    /// The number of each marked word's lex key, by the word as written.
    marks_as_written: WordMap,
    /// The entry's word numbers and marked words' numbers.
    words: Vec<u32>,
    marks: Vec<u32>,
}

impl Numbering {
    fn word(&mut self, word: &str) {
        let id = number(&mut self.word_ids, word);
        self.words.push(id);
    }

    /// Numbers the lex key of `word`, written with letters outside ASCII.
    /// Each word as written is keyed once: entries repeat the same names
    /// and titles.
    fn mark(&mut self, word: &str) {
        let id = match self.marks_as_written.get(word) {
            Some(&id) => id,
            None => {
                let id = number(&mut self.mark_ids, &word_key(word));
                self.marks_as_written.insert(word.into(), id);
                id
            }
        };
        self.marks.push(id);
    }
}

/// A run of letters and digits being read: where it began, and whether a
/// character of it is outside ASCII.
#[derive(Default)]
struct WordRun {
    from: Option<usize>,
    marked: bool,
}

impl WordRun {
    /// Takes a letter or digit at `at`, outside ASCII when `marked`.
    #[inline]
    fn letter(&mut self, at: usize, marked: bool) {
        if self.from.is_none() {
            self.from = Some(at);
            self.marked = false;
        }
        self.marked |= marked;
    }

    /// Ends the run at `at`: the run of `text` read, if any, with whether
    /// it is marked.
    #[inline]
    fn end<'a>(&mut self, text: &'a str, at: usize) -> Option<(&'a str, bool)> {
        let from = self.from.take()?;
        Some((&text[from..at], self.marked))
    }
}

/// Words numbered by the word.
type WordMap = FastMap<Box<str>, u32>;

/// The number of `word` in `ids`, adding it when new.
fn number(ids: &mut WordMap, word: &str) -> u32 {
    if let Some(&id) = ids.get(word) {
        return id;
    }
    let id = ids.len() as u32;
    ids.insert(word.into(), id);
    id
}

impl Builder {
    fn push(&mut self, kind: Kind, target: Target, text: &str) {
        self.kinds.push(kind);
        self.targets.push(target);
        self.texts.push(text);
        let n = &mut self.numbers;
        n.words.clear();
        n.marks.clear();
        split(text, &mut self.folded, &mut self.projected.buf, n);
        self.projected.ends.push(self.projected.buf.len());
        for list in [&mut n.words, &mut n.marks] {
            list.sort_unstable();
            list.dedup();
        }
        self.entry_words.push(&n.words);
        self.entry_marks.push(&n.marks);
    }

    fn finish(self) -> Index {
        let (words, entry_words) = sorted(self.numbers.word_ids, self.entry_words);
        let (marks, entry_marks) = sorted(self.numbers.mark_ids, self.entry_marks);
        // Invert: count each word's entries, then fill in entry order so
        // every posting list comes out sorted.
        let n_words = words.words.len();
        let mut count = vec![0usize; n_words];
        for &w in &entry_words.buf {
            count[w as usize] += 1;
        }
        let mut postings_before = Vec::with_capacity(n_words + 1);
        let mut total = 0;
        postings_before.push(0);
        for c in &count {
            total += c;
            postings_before.push(total);
        }
        let mut next: Vec<usize> = postings_before[..n_words].to_vec();
        let mut items = vec![0u32; total];
        for e in 0..entry_words.len() {
            for &w in entry_words.get(e) {
                items[next[w as usize]] = e as u32;
                next[w as usize] += 1;
            }
        }
        let postings = Lists {
            buf: items,
            ends: postings_before[1..].to_vec(),
        };
        Index {
            kinds: self.kinds,
            targets: self.targets,
            texts: self.texts,
            projected: self.projected,
            words,
            postings,
            postings_before,
            entry_words,
            marks,
            entry_marks,
        }
    }
}

/// Folds `text` into `folded` (after a space, as [`fold_entry`]) and
/// appends its projection (see [`project`]) to `projected`, numbering its
/// folded words as [`folded_words`] splits them and its words written with
/// letters outside ASCII as [`marked_words`] does: one pass over its
/// characters for all of it, where folding, splitting the folded text and
/// splitting the text as written took one each.
fn split(text: &str, folded: &mut String, projected: &mut Vec<u8>, numbers: &mut Numbering) {
    folded.clear();
    folded.push(' ');
    projected.push(b' ');
    let (mut words, mut written) = (WordRun::default(), WordRun::default());
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits, most of an entry, goes
            // on with both words in one step and is copied whole.
            written.letter(at, false);
            words.letter(folded.len(), false);
            while let Some(&b) = bytes.get(at).filter(|b| b.is_ascii_alphanumeric()) {
                let lower = b.to_ascii_lowercase();
                folded.push(lower as char);
                projected.push(lower);
                at += 1;
            }
            continue;
        }
        if b < 0x80 {
            if let Some((w, true)) = written.end(text, at) {
                numbers.mark(w);
            }
            take_folded_at(folded.len(), false, false, folded, &mut words, numbers);
            folded.push(b as char);
            projected.push(b);
            at += 1;
            continue;
        }
        let c = text[at..].chars().next().expect("within the text");
        if let Some(f) = one_ascii_letter(c) {
            // A Vietnamese letter with marks folds to one ASCII letter.
            written.letter(at, true);
            words.letter(folded.len(), false);
            folded.push(f as char);
            projected.push(f);
            at += c.len_utf8();
            continue;
        }
        if is_alphanumeric(c) {
            written.letter(at, true);
        } else if let Some((w, true)) = written.end(text, at) {
            numbers.mark(w);
        }
        let from = folded.len();
        fold_char_into(c, folded);
        let mut next = from;
        while next < folded.len() {
            let f = folded[next..].chars().next().expect("within the text");
            let letter = is_alphanumeric(f);
            take_folded_at(next, letter, !f.is_ascii(), folded, &mut words, numbers);
            projected.push(match f {
                f if f.is_ascii() => f as u8,
                _ if letter => OTHER_LETTER,
                _ => OTHER_MARK,
            });
            next += f.len_utf8();
        }
        at += c.len_utf8();
    }
    if let Some((w, _)) = words.end(folded, folded.len()) {
        numbers.word(w);
    }
    if let Some((w, true)) = written.end(text, text.len()) {
        numbers.mark(w);
    }
}

/// The ASCII letter or digit a letter outside ASCII folds to, when it
/// folds to exactly one (looked up, as [`fold_char_into`] does first).
fn one_ascii_letter(c: char) -> Option<u8> {
    if !is_alphanumeric(c) {
        return None;
    }
    folded_letter(c)
        .filter(char::is_ascii_alphanumeric)
        .map(|f| f as u8)
}

/// Takes the folded character at `at`: a letter or digit goes on with the
/// word being read, anything else ends it.
#[inline]
fn take_folded_at(
    at: usize,
    letter: bool,
    marked: bool,
    folded: &str,
    words: &mut WordRun,
    numbers: &mut Numbering,
) {
    if letter {
        words.letter(at, marked);
    } else if let Some((w, _)) = words.end(folded, at) {
        numbers.word(w);
    }
}

/// Sorts a dictionary built in order of appearance and renumbers the lists
/// that use it.
fn sorted(ids: WordMap, mut lists: Lists) -> (Dictionary, Lists) {
    let mut words: Vec<(Box<str>, u32)> = ids.into_iter().collect();
    words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut renumber = vec![0u32; words.len()];
    for (new, (_, old)) in words.iter().enumerate() {
        renumber[*old as usize] = new as u32;
    }
    for w in &mut lists.buf {
        *w = renumber[*w as usize];
    }
    let mut start = 0;
    for &end in &lists.ends {
        lists.buf[start..end].sort_unstable();
        start = end;
    }
    let words = words.into_iter().map(|(w, _)| w).collect();
    (Dictionary { words }, lists)
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

    /// What one pass over `text` finds, as the folded words, projection
    /// and marked words' keys, in order of appearance.
    fn split_plainly(text: &str) -> (Vec<String>, Vec<u8>, Vec<String>) {
        let (mut folded, mut projected, mut n) = (String::new(), Vec::new(), Numbering::default());
        split(text, &mut folded, &mut projected, &mut n);
        let named = |ids: &WordMap, list: &[u32]| -> Vec<String> {
            let mut by_id: Vec<(&u32, &Box<str>)> = ids.iter().map(|(w, id)| (id, w)).collect();
            by_id.sort();
            list.iter()
                .map(|&i| by_id[i as usize].1.to_string())
                .collect()
        };
        (
            named(&n.word_ids, &n.words),
            projected,
            named(&n.mark_ids, &n.marks),
        )
    }

    fn check_one_pass(text: &str) {
        let mut folded = String::new();
        fold_entry(text, &mut folded);
        let (words, projected, marks) = split_plainly(text);
        assert_eq!(projected, project(&folded).collect::<Vec<u8>>(), "{text:?}");
        let expected: Vec<&str> = folded_words(&folded).collect();
        assert_eq!(words, expected, "{text:?}");
        let expected: Vec<String> = marked_words(text).map(|w| w.into_owned()).collect();
        assert_eq!(marks, expected, "{text:?}");
    }

    #[test]
    fn one_pass_folds_projects_and_splits_as_three_do() {
        for text in [
            "",
            " ngô–đông hải x²",
            "ĐẮK LẮK ½ 日本 café ß",
            "a«b»c ",
            "ǅ ﬁ",
            "a\u{301}b Ủy ban Uỷ ban",
            "Nguyễn Văn AN, Bí thư",
        ] {
            check_one_pass(text);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(500))]

        #[test]
        fn one_pass_splits_any_text_as_three_passes_do(
            text in "[a-zA-Z0-9 ,.–·ÂâĐđƯưỦủỷễẮắ²½ﬁǅßĳÆøªµ日\u{301}\u{300}-]{0,40}",
        ) {
            check_one_pass(&text);
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
