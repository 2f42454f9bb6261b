//! Search from a corpus store without loading the corpus: the entries, the
//! sorted dictionary of their folded words with each word's posting list,
//! and for the shortest queries (one or two letters) the best entries,
//! ranked at ingest.
//!
//! A query reads the posting lists of the words that begin with each query
//! word (a range of the dictionary), keeps the entries in all of them, and
//! ranks those with the in-memory search: entries outside them cannot
//! match, so the results are those of searching every entry.

use std::collections::BinaryHeap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use rayon::prelude::*;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, params};

use super::haystack_rows;
use super::index::{Bytes, Index, is_word_byte, project_entry};
use super::short::{Asked, EntryShorts, UNMATCHED, measurable};
use super::shortfall::{Scratch, Shortfall};
use super::{Hit, Kind, Query, Searcher, Target};
use crate::corpus::Corpus;
use crate::corpus::sqlite::{BATCH_ROWS, Batch};

/// How many results are ranked at ingest for each short query.
pub const TOP: usize = 200;

/// How many entries each short query's list keeps: more than [`TOP`], so
/// that an ingest that changes some of them still knows the best [`TOP`]
/// without ranking every entry again.
pub(super) const KEPT: usize = 2 * TOP;

/// Letters (and digits) in a query answered from the ranked lists.
const SHORT: usize = 2;

/// A corpus's search entries, indexed, with the rows of `entries` and
/// `words` made from them: what [`write_entries`] writes, so that writing
/// them only binds them, and what [`Ranked::of`] ranks.
pub struct Indexed {
    index: Index,
    targets: Targets,
    words: Vec<WordRow>,
}

/// A row of `words`: (id, key, postings, their blob).
type WordRow = (usize, String, usize, Vec<u8>);

impl Indexed {
    pub fn of(corpus: &Corpus) -> Indexed {
        let index = Index::build(corpus);
        let (targets, words) = rayon::join(|| Targets::of(&index), || word_rows(&index));
        Indexed {
            index,
            targets,
            words,
        }
    }
}

/// The rows of `tops`: each short query's best entries, ranked. What
/// [`write_tops`] writes.
pub struct Ranked {
    tops: Vec<TopRow>,
}

/// A row of `tops`: (pattern, entries, losses, complete).
type TopRow = (String, Vec<u8>, Vec<u8>, bool);

impl Ranked {
    pub fn of(indexed: &Indexed) -> Ranked {
        Ranked {
            tops: top_rows(ranked_short_queries(&indexed.index)),
        }
    }
}

/// Writes the tables of the search entries (`entries`, `words`), many rows
/// to a statement. They need no ranking: they can be written while the
/// short queries are ranked.
pub fn write_entries(conn: &Connection, indexed: &Indexed) -> rusqlite::Result<()> {
    write_entry_rows(conn, &indexed.index, &indexed.targets)?;
    haystack_rows::write_all(conn, &indexed.index)?;
    Batch::numbered(conn, "words (id, word, n, postings)").insert(&indexed.words)
}

/// Writes the short queries' ranked lists (`tops`).
pub fn write_tops(conn: &Connection, ranked: &Ranked) -> rusqlite::Result<()> {
    Batch::new(conn, "tops (pattern, entries, losses, complete)").insert(&ranked.tops)
}

fn write_entry_rows(conn: &Connection, index: &Index, targets: &Targets) -> rusqlite::Result<()> {
    let mut put = Batch::numbered(conn, "entries (id, kind, target, text)");
    for first in (0..index.len()).step_by(BATCH_ROWS) {
        let rows: Vec<_> = (first..index.len().min(first + BATCH_ROWS))
            .map(|i| {
                let e = index.entry(i);
                (i, e.kind.label(), targets.get(i), e.text)
            })
            .collect();
        put.insert(&rows)?;
    }
    Ok(())
}

/// Every entry's target as JSON, the column `target` of `entries`, in one
/// buffer rather than a string each.
struct Targets {
    json: String,
    /// Where each entry's JSON ends in `json`.
    ends: Vec<usize>,
}

impl Targets {
    fn of(index: &Index) -> Targets {
        let mut json = Vec::new();
        let mut ends = Vec::with_capacity(index.len());
        for i in 0..index.len() {
            write_target(&mut json, index.entry(i).target);
            ends.push(json.len());
        }
        let json = String::from_utf8(json).expect("JSON is UTF-8");
        Targets { json, ends }
    }

    /// Entry `i`'s target as JSON.
    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.json[start..self.ends[i]]
    }
}

/// Appends `target` as JSON, as `serde_json` writes it: the targets of
/// numbers are written straight, without a serializer's steps for each
/// piece; a province's name, text to escape, goes through it.
fn write_target(json: &mut Vec<u8>, target: &Target) {
    let (kind, fields): (&[u8], [(&[u8], usize); 2]) = match *target {
        Target::Person { person } => (b"person", [(b"person", person), (b"", 0)]),
        Target::Spell { person, spell } => (b"spell", [(b"person", person), (b"spell", spell)]),
        Target::Meeting { meeting } => (b"meeting", [(b"meeting", meeting), (b"", 0)]),
        Target::Conclusion {
            article,
            conclusion,
        } => (
            b"conclusion",
            [(b"article", article), (b"conclusion", conclusion)],
        ),
        Target::Province { .. } => {
            serde_json::to_writer(json, target).expect("targets always serialize");
            return;
        }
    };
    json.extend_from_slice(b"{\"type\":\"");
    json.extend_from_slice(kind);
    json.push(b'"');
    for (name, n) in fields.into_iter().filter(|(name, _)| !name.is_empty()) {
        json.extend_from_slice(b",\"");
        json.extend_from_slice(name);
        json.extend_from_slice(b"\":");
        push_number(json, n);
    }
    json.push(b'}');
}

/// Appends `n` in decimal digits.
fn push_number(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// The rows of `words`: each word's postings, [`ROW_POSTINGS`] to a row.
fn word_rows(index: &Index) -> Vec<WordRow> {
    let mut rows = Vec::new();
    for (i, w) in index.words.words().iter().enumerate() {
        for (part, list) in index.postings.get(i).chunks(ROW_POSTINGS).enumerate() {
            rows.push((rows.len(), row_key(w, part), list.len(), to_blob(list)));
        }
    }
    rows
}

/// The rows of `tops`, from each short query's ranked list.
fn top_rows(tops: Vec<(String, Vec<(u32, u32)>)>) -> Vec<TopRow> {
    tops.into_iter()
        .map(|(pattern, list)| {
            // A list cut short may leave out matches; one shorter is all of them.
            let complete = list.len() < KEPT;
            let (losses, entries): (Vec<u32>, Vec<u32>) = list.iter().copied().unzip();
            (pattern, to_blob(&entries), to_blob(&losses), complete)
        })
        .collect()
}

/// Postings kept in one row of `words`. A longer list goes on over more
/// rows, keyed by the word, a continuation mark and the row's number, so
/// that adding to it rewrites only its last row and taking an entry out
/// only the row holding it. Those keys sort after the word and before any
/// longer one, so a search, which reads every row in the range of a
/// query word, reads them all.
pub(super) const ROW_POSTINGS: usize = 4096;

/// The key of row `part` of a word's postings.
pub(super) fn row_key(word: &str, part: usize) -> String {
    if part == 0 {
        word.to_string()
    } else {
        format!("{word}{ROW_MARK}{part:06}")
    }
}

/// What sets a continuation row's key apart from the word: below every
/// character a word holds.
pub(super) const ROW_MARK: char = '\u{1}';

/// Every query of at most [`SHORT`] letters that matches something, with
/// its best [`KEPT`] entries in rank order as (shortfall, entry). A match
/// needs each query word to begin a word, so these are: each first letter
/// of a word, each two first letters, and each pair of first letters as two
/// words. A sample of the entries is ranked first; the worst of its full
/// lists bounds what the other entries must beat, so that they are ranked
/// in parts on all threads yet skipped as early as in one pass.
fn ranked_short_queries(index: &Index) -> Vec<(String, Vec<(u32, u32)>)> {
    ranked_in_lists_of(index, KEPT, PART)
}

/// [`ranked_short_queries`] keeping `kept` entries per query and ranking
/// `part` entries together.
fn ranked_in_lists_of(index: &Index, kept: usize, part: usize) -> Vec<(String, Vec<(u32, u32)>)> {
    let sampled = |e: u32| e.is_multiple_of(SAMPLE_EVERY);
    let mut sample = ranked_in_parts(index, &Bounds::default(), (kept, part), sampled);
    let bounds = sample.bounds();
    let rest = ranked_in_parts(index, &bounds, (kept, part), |e| !sampled(e));
    let mut out: Vec<(String, Vec<(u32, u32)>)> = sample
        .merge(rest)
        .into_ranked()
        .map(|(short, list)| (short.pattern(), list))
        .collect();
    out.sort_unstable();
    out
}

/// The best entries for every short query among the entries `chosen`,
/// ranked a part per thread; `(kept, part)` as [`ranked_in_lists_of`].
fn ranked_in_parts(
    index: &Index,
    bounds: &Bounds,
    (kept, part): (usize, usize),
    chosen: impl Fn(u32) -> bool + Sync,
) -> ShortTops {
    let parts: Vec<u32> = (0..index.len() as u32).step_by(part).collect();
    parts
        .into_par_iter()
        .map(|from| {
            let to = (from as usize + part).min(index.len()) as u32;
            ShortTops::of(index, (from..to).filter(|&e| chosen(e)), bounds, kept)
        })
        .reduce(|| ShortTops::new(kept), ShortTops::merge)
}

/// Entries ranked together for the short queries.
const PART: usize = 4096;

/// One entry in this many is in the sample ranked first.
const SAMPLE_EVERY: u32 = 4;

/// A query of one or two letters: `a`, `ab`, or `a b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Short {
    first: char,
    second: Option<char>,
    /// The two letters begin two words.
    spaced: bool,
}

impl Short {
    pub(super) fn pattern(self) -> String {
        match (self.second, self.spaced) {
            (None, _) => self.first.to_string(),
            (Some(b), false) => format!("{}{b}", self.first),
            (Some(b), true) => format!("{} {b}", self.first),
        }
    }

    /// The short queries whose words all begin words of an entry with
    /// these `words`, sorted.
    pub(super) fn of_words<'a>(words: impl Iterator<Item = &'a str>) -> Vec<Short> {
        Short::of_any_words(&words.collect::<Vec<_>>())
    }

    /// Whether the one pass can measure this query: its letters are
    /// [`measurable`].
    fn is_measurable(self) -> bool {
        measurable(self.first) && self.second.is_none_or(measurable)
    }

    /// The place of a query of symbols in a [`ShortTable`].
    fn slot(self) -> Option<usize> {
        let a = symbol_of(self.first)?;
        let rest = match self.second {
            None => 0,
            Some(b) => 1 + 2 * symbol_of(b)? + usize::from(self.spaced),
        };
        Some(a * SLOTS_PER_FIRST + rest)
    }

    /// [`Short::slot`] of `ab`, both symbols.
    #[inline]
    fn pair_slot(a: u8, b: u8) -> usize {
        let number = |c| symbol(c).expect("a symbol");
        number(a) * SLOTS_PER_FIRST + 1 + 2 * number(b)
    }

    /// The query of symbols at `slot`: [`Short::slot`] undone.
    fn of_slot(slot: usize) -> Short {
        let char_of = |i: usize| char::from(SYMBOLS[i]);
        let (a, rest) = (slot / SLOTS_PER_FIRST, slot % SLOTS_PER_FIRST);
        Short {
            first: char_of(a),
            second: (rest > 0).then(|| char_of((rest - 1) / 2)),
            spaced: rest > 0 && (rest - 1) % 2 == 1,
        }
    }

    fn of_any_words(words: &[&str]) -> Vec<Short> {
        let mut firsts = Vec::new();
        let mut out = Vec::new();
        for w in words {
            let mut chars = w.chars();
            let Some(a) = chars.next() else { continue };
            firsts.push(a);
            out.push(Short {
                first: a,
                second: None,
                spaced: false,
            });
            if let Some(b) = chars.next() {
                out.push(Short {
                    first: a,
                    second: Some(b),
                    spaced: false,
                });
            }
        }
        firsts.sort_unstable();
        firsts.dedup();
        for &a in &firsts {
            for &b in &firsts {
                out.push(Short {
                    first: a,
                    second: Some(b),
                    spaced: true,
                });
            }
        }
        out.sort_unstable_by_key(|s| (s.first, s.second, s.spaced));
        out.dedup();
        out
    }
}

/// The ASCII lower-case letters and digits, in order: a short query's
/// letters numbered for bit sets.
const SYMBOLS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// The number of `b` in [`SYMBOLS`].
fn symbol(b: u8) -> Option<usize> {
    match b {
        b'0'..=b'9' => Some(usize::from(b - b'0')),
        b'a'..=b'z' => Some(usize::from(b - b'a') + 10),
        _ => None,
    }
}

/// [`symbol`] of a character.
fn symbol_of(c: char) -> Option<usize> {
    u8::try_from(c).ok().and_then(symbol)
}

/// Slots of a [`ShortTable`] per first letter: the letter alone, then
/// `ab` and `a b` for each second letter.
const SLOTS_PER_FIRST: usize = 1 + 2 * SYMBOLS.len();

/// The symbols that begin `words`, and per symbol those that follow it at
/// the beginning of a word, as bit sets; None when a word begins outside
/// the symbols.
fn symbol_sets<'a>(words: impl Iterator<Item = &'a str>) -> Option<(u64, [u64; SYMBOLS.len()])> {
    let mut firsts = 0u64;
    let mut seconds = [0u64; SYMBOLS.len()];
    for w in words {
        let mut bytes = w.bytes();
        let Some(a) = bytes.next() else { continue };
        let a = symbol(a)?;
        firsts |= 1 << a;
        if let Some(b) = bytes.next() {
            seconds[a] |= 1 << symbol(b)?;
        }
    }
    Some((firsts, seconds))
}

/// The numbers of the bits set in `set`, lowest first.
fn bits(mut set: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let at = set.trailing_zeros() as usize;
        set &= set.wrapping_sub(1);
        (at < 64).then_some(at)
    })
}

/// Values keyed by short queries: those of symbols (nearly all) at their
/// [`Short::slot`], made up front so that reaching one is a single index
/// with no hashing; others after them, hashed, in order of arrival.
struct ShortTable<V> {
    /// Per [`Short::slot`] its value, then the others' values.
    values: Vec<V>,
    /// The queries of the values after the slots'.
    others: Vec<Short>,
    numbers: ShortMap<u32>,
}

/// The slots of a [`ShortTable`]: every query of symbols.
const SYMBOL_SLOTS: usize = SYMBOLS.len() * SLOTS_PER_FIRST;

impl<V: Default> ShortTable<V> {
    fn new() -> ShortTable<V> {
        ShortTable {
            values: std::iter::repeat_with(V::default)
                .take(SYMBOL_SLOTS)
                .collect(),
            others: Vec::new(),
            numbers: ShortMap::default(),
        }
    }

    /// The number of the value of `short`, made when it has none.
    fn number(&mut self, short: Short) -> usize {
        if let Some(slot) = short.slot() {
            return slot;
        }
        let next = self.values.len();
        let at = *self.numbers.entry(short).or_insert(next as u32) as usize;
        if at == next {
            self.values.push(V::default());
            self.others.push(short);
        }
        at
    }

    fn value_mut(&mut self, number: usize) -> &mut V {
        &mut self.values[number]
    }

    /// Joins `other`'s values into these by `join`, query by query.
    fn merge(&mut self, other: ShortTable<V>, mut join: impl FnMut(&mut V, V)) {
        let mut values = other.values.into_iter();
        for (value, theirs) in self
            .values
            .iter_mut()
            .zip(values.by_ref().take(SYMBOL_SLOTS))
        {
            join(value, theirs);
        }
        for (short, theirs) in other.others.into_iter().zip(values) {
            let at = self.number(short);
            join(&mut self.values[at], theirs);
        }
    }

    /// Every value with its query.
    fn into_iter(self) -> impl Iterator<Item = (Short, V)> {
        let shorts = (0..SYMBOL_SLOTS).map(Short::of_slot).chain(self.others);
        shorts.zip(self.values)
    }

    fn iter_mut(&mut self) -> impl Iterator<Item = (Short, &mut V)> {
        let shorts = (0..SYMBOL_SLOTS)
            .map(Short::of_slot)
            .chain(self.others.iter().copied());
        shorts.zip(&mut self.values)
    }
}

/// For each short query, its best entries so far as (shortfall, entry).
struct ShortTops {
    lists: ShortTable<List>,
    /// How many entries each list keeps.
    kept: usize,
    /// Per [`Short::slot`], what (shortfall, entry) must come before to
    /// enter the query's list, as [`item_key`]: the least of its bound,
    /// its list's worst once full and [`NO_MATCH`]. An entry of symbols
    /// offered to each of its queries is turned away by one comparison
    /// here, without a lookup of the list.
    limits: Vec<u64>,
}

/// A (shortfall, entry) as a number that orders as it does.
#[inline]
fn item_key((loss, e): (u32, u32)) -> u64 {
    (u64::from(loss) << 32) | u64::from(e)
}

/// [`item_key`] undone.
#[inline]
fn item_of(key: u64) -> (u32, u32) {
    ((key >> 32) as u32, key as u32)
}

/// One short query's best entries so far.
#[derive(Default)]
struct List {
    /// The query's pattern, made when an entry is first measured against
    /// it apart from the one pass of [`EntryShorts`].
    shortfall: Option<Shortfall>,
    /// The entries kept, in no order, as [`item_key`]s, which compare and
    /// sort in one step: the best of them are chosen only when twice as
    /// many have gathered, not sifted in one by one.
    items: Vec<u64>,
    /// The worst of the best chosen last, once the list was full: an entry
    /// must beat it to be of use.
    worst: Option<u64>,
}

impl List {
    /// The most a later entry may fall short and still beat the worst
    /// kept (at least the list's own worst, once full); None when none can.
    fn budget(&self) -> Option<u32> {
        match self.worst {
            Some(worst) => item_of(worst).0.checked_sub(1),
            None => Some(u32::MAX),
        }
    }

    #[inline]
    fn push(&mut self, item: u64, kept: usize) {
        if self.worst.is_some_and(|worst| item >= worst) {
            return;
        }
        if self.items.len() == self.items.capacity() {
            self.make_room(kept);
        }
        self.items.push(item);
        if self.items.len() >= 2 * kept {
            self.choose(kept);
        }
    }

    /// Grows the items' room at once to what they hold before they are
    /// chosen, rather than doubling from a few: most lists are only
    /// pushed to, and grew a dozen times each.
    #[cold]
    fn make_room(&mut self, kept: usize) {
        let room = (2 * kept).max(self.items.len() + 1);
        self.items.reserve_exact(room - self.items.len());
    }

    /// Keeps only the best `kept` items.
    fn choose(&mut self, kept: usize) {
        if self.items.len() >= kept {
            self.items.select_nth_unstable(kept - 1);
            self.items.truncate(kept);
            self.worst = Some(self.items[kept - 1]);
        }
    }

    /// Both lists' items. The best `kept` of them are chosen as pushing
    /// chooses, once twice as many have gathered: a list that is read
    /// chooses first, so parts that each keep few are not sifted at
    /// every merge.
    fn merge(&mut self, other: List, kept: usize) {
        if self.shortfall.is_none() {
            self.shortfall = other.shortfall;
        }
        if self.items.is_empty() {
            // Most lists of one part are empty in the other.
            self.items = other.items;
        } else {
            self.items.extend(other.items);
        }
        self.worst = None;
        if self.items.len() >= 2 * kept {
            self.choose(kept);
        }
    }

    /// The best `kept` items in rank order.
    fn into_ranked(mut self, kept: usize) -> Vec<(u32, u32)> {
        self.choose(kept);
        self.items.sort_unstable();
        self.items.into_iter().map(item_of).collect()
    }
}

/// For each short query whose list is full, its worst (shortfall, entry):
/// an entry ranks in the end only when it beats that.
#[derive(Default)]
struct Bounds {
    /// Per [`Short::slot`], the worst, or [`NO_BOUND`]: read for every
    /// query of every entry, so without a second lookup.
    slots: Vec<(u32, u32)>,
    others: ShortMap<(u32, u32)>,
}

/// A slot of [`Bounds`] whose list is not full: any entry may enter it.
const NO_BOUND: (u32, u32) = (u32::MAX, u32::MAX);

/// The limit of a list that is not full (see [`ShortTops::limits`]):
/// every match comes before it, and no shortfall that means none.
const NO_MATCH: (u32, u32) = (UNMATCHED, 0);

impl Bounds {
    fn insert(&mut self, short: Short, worst: (u32, u32)) {
        match short.slot() {
            Some(slot) => {
                if self.slots.is_empty() {
                    self.slots.resize(SYMBOLS.len() * SLOTS_PER_FIRST, NO_BOUND);
                }
                self.slots[slot] = worst;
            }
            None => {
                self.others.insert(short, worst);
            }
        }
    }

    /// The most entry `e` may fall short of `short` and still rank; None
    /// when it cannot.
    fn budget(&self, short: &Short, e: u32) -> Option<u32> {
        match short.slot() {
            Some(slot) => self.budget_at(slot, e),
            None => Bounds::of_worst(self.others.get(short).copied().unwrap_or(NO_BOUND), e),
        }
    }

    /// [`Bounds::budget`] of the query of symbols at `slot`.
    #[inline]
    fn budget_at(&self, slot: usize, e: u32) -> Option<u32> {
        Bounds::of_worst(self.slots.get(slot).copied().unwrap_or(NO_BOUND), e)
    }

    /// Entry numbers stay below `u32::MAX`, so [`NO_BOUND`] lets any in.
    #[inline]
    fn of_worst((worst, last): (u32, u32), e: u32) -> Option<u32> {
        if e < last {
            // On equal shortfalls the earlier entry ranks first.
            Some(worst)
        } else {
            worst.checked_sub(1)
        }
    }
}

impl ShortTops {
    fn new(kept: usize) -> ShortTops {
        ShortTops {
            lists: ShortTable::new(),
            kept,
            limits: Vec::new(),
        }
    }

    /// The best `entries` (in increasing order) for every short query that
    /// can still beat `bounds`: a later entry must do strictly better than
    /// the worst kept.
    fn of(
        index: &Index,
        entries: impl Iterator<Item = u32>,
        bounds: &Bounds,
        kept: usize,
    ) -> ShortTops {
        let mut tops = ShortTops::new(kept);
        tops.limits = (0..SYMBOL_SLOTS)
            .map(|slot| {
                let bound = bounds.slots.get(slot).copied().unwrap_or(NO_BOUND);
                item_key(bound.min(NO_MATCH))
            })
            .collect();
        let mut ranking = EntryRanking::default();
        for e in entries {
            ranking.rank(&mut tops, index, bounds, e);
        }
        tops
    }

    /// Adds entry `e`, falling short by `loss` of the query of symbols at
    /// `slot`, to that query's list when it comes before the list's limit
    /// (see [`ShortTops::limits`]); a `loss` at or above [`UNMATCHED`],
    /// no match, never does.
    #[inline(always)]
    fn offer(&mut self, slot: usize, loss: u32, e: u32) {
        let item = item_key((loss, e));
        if item < self.limits[slot] {
            self.enter(slot, item);
        }
    }

    /// Adds `item`, which comes before the slot's limit and so before the
    /// list's worst, to the list of the query of symbols at `slot`. Most
    /// items are only stored, in room there is; that step is kept apart
    /// from the rest, so that it costs no call.
    #[inline(always)]
    fn enter(&mut self, slot: usize, item: u64) {
        let kept = self.kept;
        let items = &mut self.lists.value_mut(slot).items;
        if items.len() < items.capacity() && items.len() + 1 < 2 * kept {
            items.push(item);
        } else {
            self.enter_when_full(slot, item);
        }
    }

    /// [`ShortTops::enter`] of an item that fills the list's room: the
    /// room grows, or the list keeps its best and lowers the slot's limit
    /// to its worst.
    #[cold]
    #[inline(never)]
    fn enter_when_full(&mut self, slot: usize, item: u64) {
        let list = self.lists.value_mut(slot);
        list.push(item, self.kept);
        if let Some(worst) = list.worst {
            self.limits[slot] = self.limits[slot].min(worst);
        }
    }

    /// Both parts' best, as if read as one.
    fn merge(mut self, other: ShortTops) -> ShortTops {
        let kept = self.kept;
        self.lists
            .merge(other.lists, |list, other| list.merge(other, kept));
        self
    }

    /// The worst entry of each full list.
    fn bounds(&mut self) -> Bounds {
        let mut bounds = Bounds::default();
        for (short, list) in self.lists.iter_mut() {
            list.choose(self.kept);
            if let Some(worst) = list.worst {
                bounds.insert(short, item_of(worst));
            }
        }
        bounds
    }

    /// Every list with an entry, its best in rank order.
    fn into_ranked(self) -> impl Iterator<Item = (Short, Vec<(u32, u32)>)> {
        let kept = self.kept;
        self.lists
            .into_iter()
            .filter(|(_, list)| !list.items.is_empty())
            .map(move |(short, list)| (short, list.into_ranked(kept)))
    }
}

/// Ranks one entry at a time for every short query it can still enter;
/// buffers are kept from one entry to the next.
#[derive(Default)]
struct EntryRanking {
    shorts: Vec<Short>,
    /// The entry's queries whose lists it may still enter, with their
    /// lists' numbers and the most it may fall short of each.
    wanted: Vec<(Short, usize, u32)>,
    firsts: Vec<u8>,
    /// For an entry whose words all begin with symbols, the slot (see
    /// [`Short::slot`]) of each first letter alone.
    slots: Vec<usize>,
    /// The wanted queries of symbols, measured in one pass.
    asked: Asked,
    measured: EntryShorts,
    heads: Heads,
    scratch: Scratch,
}

impl EntryRanking {
    /// Adds entry `e` to the lists of `tops` it enters.
    fn rank(&mut self, tops: &mut ShortTops, index: &Index, bounds: &Bounds, e: u32) {
        let words = words_of(index, e as usize);
        match symbol_sets(words.clone()) {
            Some(sets) => self.rank_symbols(tops, index, e, sets),
            None => self.rank_any(tops, index, bounds, e, words),
        }
    }

    /// Ranks an entry whose words all begin with symbols: all its queries
    /// are measured in the one pass, then read off its bit sets (see
    /// [`symbol_sets`]) by slot and offered to their lists, whose limits
    /// hold the bounds.
    fn rank_symbols(
        &mut self,
        tops: &mut ShortTops,
        index: &Index,
        e: u32,
        (firsts, seconds): (u64, [u64; SYMBOLS.len()]),
    ) {
        self.firsts.clear();
        self.slots.clear();
        for a in bits(firsts) {
            self.firsts.push(SYMBOLS[a]);
            self.slots.push(a * SLOTS_PER_FIRST);
        }
        self.measured.start(&self.firsts);
        for a in bits(firsts) {
            for b in bits(seconds[a]) {
                self.measured.ask_pair(SYMBOLS[a], SYMBOLS[b]);
            }
        }
        self.measured.run(index.projected(e as usize));
        let measured = &self.measured;
        for (x, &slot) in self.slots.iter().enumerate() {
            tops.offer(slot, measured.single_loss(x), e);
        }
        for (a, b, loss) in measured.pair_losses() {
            tops.offer(Short::pair_slot(a, b), loss, e);
        }
        for (y, b) in bits(firsts).enumerate() {
            for (&slot, &loss) in self.slots.iter().zip(measured.spaced_losses(y)) {
                tops.offer(slot + 2 + 2 * b, loss as u32, e);
            }
        }
    }

    /// Ranks an entry with a word that begins outside the symbols.
    fn rank_any<'a>(
        &mut self,
        tops: &mut ShortTops,
        index: &Index,
        bounds: &Bounds,
        e: u32,
        words: impl Iterator<Item = &'a str>,
    ) {
        self.wanted.clear();
        self.asked.clear();
        self.want_any(tops, bounds, e, words);
        if self.ask() {
            self.measured
                .measure(index.projected(e as usize), &self.asked);
        }
        self.heads.start(e);
        for &(short, at, budget) in &self.wanted {
            let list = tops.lists.value_mut(at);
            let loss = match self.shortfall(&short) {
                Some(exact) => exact.filter(|&loss| loss <= budget),
                None if self
                    .heads
                    .rule_out(&short, budget, index, &mut self.scratch) =>
                {
                    None
                }
                None => {
                    let pattern = list
                        .shortfall
                        .get_or_insert_with(|| Shortfall::new(&short.pattern()));
                    shortfall_of(pattern, index, e as usize, budget, &mut self.scratch)
                }
            };
            if let Some(loss) = loss {
                list.push(item_key((loss, e)), tops.kept);
            }
        }
    }

    /// Wants `short`, whose list is number `at`, within `bound` and the
    /// list's own budget, when the list can still take an entry.
    #[inline]
    fn want(
        wanted: &mut Vec<(Short, usize, u32)>,
        tops: &ShortTops,
        short: Short,
        at: usize,
        bound: u32,
    ) {
        if let Some(own) = tops.lists.values[at].budget() {
            wanted.push((short, at, own.min(bound)));
        }
    }

    /// Wants the queries of an entry with a word that begins otherwise.
    fn want_any<'a>(
        &mut self,
        tops: &mut ShortTops,
        bounds: &Bounds,
        e: u32,
        words: impl Iterator<Item = &'a str>,
    ) {
        // Entries whose words all begin with symbols are read off bit sets
        // instead (see `want_symbols`); these are few.
        self.shorts = Short::of_words(words);
        for &short in &self.shorts {
            if short.second.is_none() && measurable(short.first) {
                self.asked.firsts.push(short.first as u8);
            }
            let Some(bound) = bounds.budget(&short, e) else {
                continue;
            };
            let at = tops.lists.number(short);
            Self::want(&mut self.wanted, tops, short, at, bound);
        }
    }

    /// Gathers the wanted `ab` of symbols for the one pass (the first
    /// letters are gathered as wanted, and every `a b` of them is
    /// measured); false when no query of symbols is wanted.
    fn ask(&mut self) -> bool {
        let asked = &mut self.asked;
        let mut any = false;
        for &(s, ..) in &self.wanted {
            if !s.is_measurable() {
                continue;
            }
            any = true;
            if let (Some(b), false) = (s.second, s.spaced) {
                asked.pairs.push((s.first as u8, b as u8));
            }
        }
        any
    }

    /// The exact shortfall of `short`, one of the wanted queries, when it
    /// was measured in the one pass.
    fn shortfall(&self, short: &Short) -> Option<Option<u32>> {
        if !short.is_measurable() {
            return None;
        }
        let (a, b) = (short.first, short.second);
        Some(match b {
            None => self.measured.single(a as u8),
            Some(b) if short.spaced => self.measured.spaced(a as u8, b as u8),
            Some(b) => self.measured.pair(a as u8, b as u8),
        })
    }
}

/// For one entry, how far it falls short of each first letter followed by
/// a space, worked out once per letter: a two-word query can fall no
/// shorter than its beginning, since an alignment's shortfall only grows
/// character by character. The letter's queries that must do better are
/// then passed over without measuring them.
#[derive(Default)]
struct Heads {
    /// Each letter's pattern (the letter and a space), kept across entries.
    patterns: std::collections::HashMap<char, Shortfall>,
    entry: u32,
    /// The entry's shortfall of each letter's pattern measured so far.
    measured: Vec<(char, Option<u32>)>,
}

impl Heads {
    fn start(&mut self, e: u32) {
        self.entry = e;
        self.measured.clear();
    }

    /// Whether the entry falls short of the beginning of `short`, a query
    /// of two words, by more than `budget`.
    fn rule_out(
        &mut self,
        short: &Short,
        budget: u32,
        index: &Index,
        scratch: &mut super::shortfall::Scratch,
    ) -> bool {
        if !short.spaced || budget == u32::MAX {
            return false;
        }
        let head = match self.measured.iter().find(|(c, _)| *c == short.first) {
            Some(&(_, head)) => head,
            None => {
                let pattern = self
                    .patterns
                    .entry(short.first)
                    .or_insert_with(|| Shortfall::new(&format!("{} ", short.first)));
                let head = shortfall_of(pattern, index, self.entry as usize, u32::MAX, scratch);
                self.measured.push((short.first, head));
                head
            }
        };
        head.is_none_or(|head| head > budget)
    }
}

/// Adds `item` to `top`, dropping the worst when more than `limit`.
fn keep_best(top: &mut BinaryHeap<(u32, u32)>, item: (u32, u32), limit: usize) {
    if top.len() < limit {
        top.push(item);
    } else if let Some(mut worst) = top.peek_mut()
        && item < *worst
    {
        *worst = item;
    }
}

/// A map keyed by short queries: ranking looks one up for every short
/// query of every entry.
type ShortMap<V> = crate::gazetteer::FastMap<Short, V>;

/// The folded words of entry `e`.
pub(super) fn words_of(index: &Index, e: usize) -> impl Iterator<Item = &str> + Clone {
    let words = index.words.words();
    index
        .entry_words
        .get(e)
        .iter()
        .map(move |&w| &*words[w as usize])
}

/// How far entry `e` falls short of the pattern, when within `budget`.
pub(super) fn shortfall_of(
    shortfall: &Shortfall,
    index: &Index,
    e: usize,
    budget: u32,
    scratch: &mut super::shortfall::Scratch,
) -> Option<u32> {
    if shortfall.is_ascii() {
        shortfall.within_projected(index.projected(e), budget, scratch)
    } else {
        shortfall.within(&index.haystack(e), budget, scratch)
    }
}

pub(super) fn to_blob(list: &[u32]) -> Vec<u8> {
    list.iter().flat_map(|e| e.to_le_bytes()).collect()
}

pub(super) fn from_blob(blob: &[u8]) -> impl Iterator<Item = u32> + '_ {
    blob.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

#[cfg(test)]
mod ranking_tests {
    use super::*;

    /// Every short query's best `kept` entries among those whose words it
    /// begins, each entry measured on its own against each query, with
    /// nothing skipped.
    fn ranked_plainly(index: &Index, kept: usize) -> Vec<(String, Vec<(u32, u32)>)> {
        let of_entry: Vec<Vec<Short>> = (0..index.len())
            .map(|e| Short::of_words(words_of(index, e)))
            .collect();
        let mut shorts: Vec<Short> = of_entry.iter().flatten().copied().collect();
        shorts.sort_unstable_by_key(|s| s.pattern());
        shorts.dedup();
        let mut scratch = Scratch::default();
        let mut out: Vec<(String, Vec<(u32, u32)>)> = shorts
            .iter()
            .map(|short| {
                let pattern = Shortfall::new(&short.pattern());
                let mut list: Vec<(u32, u32)> = (0..index.len())
                    .filter(|&e| of_entry[e].contains(short))
                    .filter_map(|e| {
                        Some((pattern.exact(&index.haystack(e), &mut scratch)?, e as u32))
                    })
                    .collect();
                list.sort_unstable();
                list.truncate(kept);
                (short.pattern(), list)
            })
            .filter(|(_, list)| !list.is_empty())
            .collect();
        out.sort_unstable();
        out
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(300))]

        /// Ranking with bounds from a sample, in parts, with each entry's
        /// queries of symbols measured in one pass and those that cannot
        /// enter their lists skipped, keeps the lists ranked plainly.
        #[test]
        fn ranked_lists_are_the_plainly_ranked_ones(
            texts in proptest::collection::vec("[abnt1 ư(/.-]{0,24}", 1..70),
            kept in 1..5usize,
            part in 1..24usize,
        ) {
            let index = Index::from_entries(texts.into_iter().enumerate().map(|(person, text)| {
                (Kind::Official, Target::Person { person }, text)
            }));
            proptest::prop_assert_eq!(ranked_in_lists_of(&index, kept, part), ranked_plainly(&index, kept));
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(300))]

        /// The targets made ahead in one buffer are each target's JSON.
        #[test]
        fn targets_in_one_buffer_are_each_ones_json(
            targets in proptest::collection::vec(
                (0..5usize, proptest::prop_oneof![0..1000usize, proptest::num::usize::ANY], "[aư\"\\\\\n{}]{0,8}"),
                0..40,
            ),
        ) {
            let index = Index::from_entries(targets.into_iter().map(|(kind, n, name)| {
                let target = match kind {
                    0 => Target::Person { person: n },
                    1 => Target::Spell { person: n, spell: n / 3 },
                    2 => Target::Meeting { meeting: n },
                    3 => Target::Conclusion { article: n, conclusion: n % 7 },
                    _ => Target::Province { name },
                };
                (Kind::Official, target, String::new())
            }));
            let made = Targets::of(&index);
            for i in 0..index.len() {
                let json = serde_json::to_string(index.entry(i).target).expect("serializes");
                proptest::prop_assert_eq!(made.get(i), json);
            }
        }
    }

    #[test]
    fn queries_of_symbols_have_slots_of_their_own() {
        let shorts = Short::of_words(["ab", "b1", "z9", "0", "ba"].into_iter());
        let mut slots: Vec<usize> = shorts.iter().map(|s| s.slot().expect("symbols")).collect();
        for (&short, &slot) in shorts.iter().zip(&slots) {
            assert_eq!(Short::of_slot(slot), short);
        }
        assert!(
            slots
                .iter()
                .all(|&slot| slot < SYMBOLS.len() * SLOTS_PER_FIRST)
        );
        slots.sort_unstable();
        slots.dedup();
        assert_eq!(slots.len(), shorts.len());
        let other = Short::of_words(["ư"].into_iter())[0];
        assert_eq!(other.slot(), None);
    }
}

/// The results of a search in a store: the entries read, indexed, and the
/// hits among them.
#[derive(Debug)]
pub struct Found {
    /// The entries read from the store, in entry order.
    pub entries: Index,
    /// The store's number of each entry read.
    pub ids: Vec<u32>,
    /// Best first; `entry` is the position in `entries`.
    pub hits: Vec<Hit>,
}

impl Found {
    /// The hits with the store's entry numbers, as a search of the whole
    /// corpus numbers them.
    pub fn numbered(&self) -> Vec<Hit> {
        self.hits
            .iter()
            .map(|h| Hit {
                entry: self.ids[h.entry] as usize,
                ..h.clone()
            })
            .collect()
    }
}

/// The entries of the store matching `query`, best first, at most `limit`:
/// the same as searching the whole corpus's index.
pub fn search(conn: &Connection, query: &str, limit: usize) -> rusqlite::Result<Found> {
    Typing::default().search(conn, query, limit)
}

/// A store searched as someone types: the last query's candidates are
/// kept, so that a query adding letters or words to it narrows them
/// instead of reading the posting lists of every word again.
#[derive(Debug, Default)]
pub struct Typing {
    /// The last query's words and every entry holding them.
    last: Option<(Vec<String>, Vec<u32>)>,
    /// Every entry's haystack, once read.
    haystacks: Option<Arc<Haystacks>>,
    /// Until then, those of the candidates ranked so far.
    read: ReadHaystacks,
    /// The candidates' floors for the last pattern ranked on `haystacks`.
    floors: Option<(String, Floors)>,
}

/// The haystacks of the candidates ranked before every entry's haystack is
/// read, each read from its entry once however many keystrokes rank it.
#[derive(Default)]
struct ReadHaystacks(std::collections::HashMap<u32, Box<[u8]>>);

impl std::fmt::Debug for ReadHaystacks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        debug_by_size(f, "ReadHaystacks", self.0.len())
    }
}

impl ReadHaystacks {
    /// The best `limit` of `candidates` (sorted), ranked on haystacks read
    /// a growing front part at a time, as [`first_page`] reads entries.
    fn best(
        &mut self,
        conn: &Connection,
        candidates: &[u32],
        shortfall: &Shortfall,
        limit: usize,
    ) -> rusqlite::Result<BestPage> {
        let mut front = FIRST_READ.max(limit.saturating_mul(4));
        loop {
            let end = front.min(candidates.len());
            self.read(conn, &candidates[..end])?;
            let haystack_of = |e: u32| self.0.get(&e).map(|h| &**h);
            let none = Floors::default();
            let ranked = best(
                haystack_of,
                &candidates[..end],
                &[],
                shortfall,
                limit,
                &none,
            );
            // Stopped early: a full page nothing later can enter.
            if end == candidates.len() || ranked.holding.is_none() {
                return Ok(BestPage {
                    holding: None,
                    ..ranked
                });
            }
            front = front.saturating_mul(4);
        }
    }

    /// Reads the haystacks of `ids` not read yet.
    fn read(&mut self, conn: &Connection, ids: &[u32]) -> rusqlite::Result<()> {
        let mut stmt = conn.prepare_cached("SELECT text FROM entries WHERE id = ?1")?;
        let (mut one, mut scratch) = (Vec::new(), String::new());
        for &id in ids {
            if self.0.contains_key(&id) {
                continue;
            }
            stmt.query_row([id], |r| {
                project_entry(text_of(r.get_ref(0)?)?, &mut one, &mut scratch);
                Ok(())
            })?;
            self.0.insert(id, one.as_slice().into());
        }
        Ok(())
    }
}

/// A text column's value, its UTF-8 checked sixteen bytes and more at a
/// step: entries are read by the hundred thousand, and most of their bytes
/// are Vietnamese letters, which the library's check takes one at a time.
fn text_of(value: ValueRef<'_>) -> rusqlite::Result<&str> {
    if let ValueRef::Text(bytes) = value
        && let Ok(text) = simdutf8::basic::from_utf8(bytes)
    {
        return Ok(text);
    }
    // Not text, or not UTF-8: the library's error, which says which.
    Ok(value.as_str()?)
}

/// The haystacks of the entries numbered `ids` (those there are), projected
/// from their texts in order. Entries are numbered from 0 without gaps: a
/// gap is an error.
pub(super) fn project_rows(
    conn: &Connection,
    ids: std::ops::Range<usize>,
) -> rusqlite::Result<Bytes> {
    let mut stmt =
        conn.prepare_cached("SELECT id, text FROM entries WHERE id >= ?1 AND id < ?2 ORDER BY id")?;
    let mut rows = stmt.query(params![ids.start, ids.end])?;
    let mut out = Bytes::default();
    let (mut one, mut scratch) = (Vec::new(), String::new());
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        if id != (ids.start + out.len()) as i64 {
            return Err(rusqlite::Error::IntegralValueOutOfRange(0, id));
        }
        project_entry(text_of(row.get_ref(1)?)?, &mut one, &mut scratch);
        out.push(&one);
    }
    Ok(out)
}

/// Haystacks shown by how many entries they hold, not byte by byte.
fn debug_by_size(f: &mut std::fmt::Formatter<'_>, name: &str, entries: usize) -> std::fmt::Result {
    f.debug_struct(name).field("entries", &entries).finish()
}

/// What every entry of a store is searched in, one byte per character as
/// the index projects it: about a byte per character of the entries, a
/// fifth of their index in memory, and enough to rank candidates without
/// reading them.
#[derive(PartialEq, Eq)]
pub struct Haystacks(Bytes);

impl std::fmt::Debug for Haystacks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        debug_by_size(f, "Haystacks", self.0.len())
    }
}

impl Haystacks {
    /// Every entry's haystack: as stored, or projected from the entries'
    /// texts when the store keeps none (it is older) or they do not match.
    pub fn read(conn: &Connection) -> rusqlite::Result<Haystacks> {
        match Haystacks::stored(conn)? {
            Some(stored) => Ok(stored),
            None => Haystacks::project(conn),
        }
    }

    /// Every entry's haystack as stored; None when the store keeps none,
    /// or not one for each entry.
    pub fn stored(conn: &Connection) -> rusqlite::Result<Option<Haystacks>> {
        Ok(haystack_rows::read_all(conn)?.map(Haystacks))
    }

    /// Every entry's haystack, projected from its text in entry order.
    pub fn project(conn: &Connection) -> rusqlite::Result<Haystacks> {
        let mut out = project_rows(conn, 0..i64::MAX as usize)?;
        out.shrink_to_fit();
        Ok(Haystacks(out))
    }

    fn get(&self, e: u32) -> Option<&[u8]> {
        ((e as usize) < self.0.len()).then(|| self.0.get(e as usize))
    }

    /// Whether every entry of `entries` (sorted) has its haystack here.
    fn covers(&self, entries: &[u32]) -> bool {
        entries.last().is_none_or(|&e| (e as usize) < self.0.len())
    }

    /// Keeps of `found` (covered) the entries holding a word that begins
    /// with `word` (ASCII), checked in their haystacks: what the posting
    /// lists of the words beginning with `word` give.
    fn narrow(&self, word: &str, found: &mut Vec<u32>) {
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        found.retain(|&e| begins_a_word(self.0.get(e as usize), &finder));
    }

    /// [`best`] on these haystacks.
    fn best(
        &self,
        candidates: &[u32],
        words: &[&str],
        shortfall: &Shortfall,
        limit: usize,
        floors: &Floors,
    ) -> BestPage {
        best(|e| self.get(e), candidates, words, shortfall, limit, floors)
    }
}

/// The best page of some candidates as (shortfall, entry), which of them
/// hold the query's words when every candidate was checked, and a floor of
/// each candidate's shortfall (see [`Floors`]).
struct BestPage {
    page: Vec<(u32, u32)>,
    holding: Option<Vec<u32>>,
    floors: Floors,
}

/// For some entries (sorted), a least shortfall they can have for a
/// pattern and any pattern it begins: an alignment of a longer pattern
/// holds one of its beginning, and loses at least as much. Found as
/// candidates are ranked (their shortfall, or one more than the budget
/// they missed), so that the next keystroke passes over the candidates
/// that cannot enter its page without measuring them again.
#[derive(Debug, Default)]
struct Floors(Vec<(u32, u32)>);

impl Floors {
    /// The floor of entry `e`, 0 when none is known.
    fn of(&self, e: u32) -> u32 {
        match self.0.binary_search_by_key(&e, |&(entry, _)| entry) {
            Ok(at) => self.0[at].1,
            Err(_) => 0,
        }
    }
}

/// The best `limit` of `candidates` (sorted) holding a word that begins
/// with each of `words`, as the index ranks them on their haystacks: least
/// shortfall, then entry order. A later candidate only gets in with less
/// shortfall than the worst kept, and once a full page has none nothing
/// later can. Candidates whose floor in `floors` already exceeds that are
/// passed over. See [`Ranking::rank`] for when two threads share it.
fn best<'a>(
    haystack_of: impl Fn(u32) -> Option<&'a [u8]> + Sync,
    candidates: &[u32],
    words: &[&str],
    shortfall: &Shortfall,
    limit: usize,
    floors: &Floors,
) -> BestPage {
    best_split(
        haystack_of,
        candidates,
        words,
        shortfall,
        limit,
        floors,
        SPLIT_FROM,
    )
}

/// Candidates still to rank once the page is full for the rest to be split
/// between two threads.
const SPLIT_FROM: usize = 8192;

/// [`best`], splitting between two threads when `split_from` candidates
/// are left once the page is full.
fn best_split<'a>(
    haystack_of: impl Fn(u32) -> Option<&'a [u8]> + Sync,
    candidates: &[u32],
    words: &[&str],
    shortfall: &Shortfall,
    limit: usize,
    floors: &Floors,
    split_from: usize,
) -> BestPage {
    let ranking = Ranking {
        haystack_of,
        finders: words
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
            .collect(),
        shortfall,
        limit,
        floors,
        split_from,
    };
    ranking.rank(candidates).page()
}

/// What [`best`] ranks with.
struct Ranking<'f, F> {
    haystack_of: F,
    finders: Vec<memchr::memmem::Finder<'f>>,
    shortfall: &'f Shortfall,
    limit: usize,
    floors: &'f Floors,
    split_from: usize,
}

/// Candidates ranked: the page so far, those holding the words, floors.
struct Part {
    top: BinaryHeap<(u32, u32)>,
    holding: Vec<u32>,
    checked_all: bool,
    floors: Vec<(u32, u32)>,
}

impl<'a, F: Fn(u32) -> Option<&'a [u8]> + Sync> Ranking<'_, F> {
    /// The best of `candidates`, with their floors. Once the page is full
    /// and many candidates are left, most of them are measured against a
    /// small budget: the rest is split in two halves ranked on two threads.
    /// The second half takes the first's budget as it shrinks (its
    /// candidates come later, so they must do better than the first's page
    /// does) and stops when the first's page has none left; before the
    /// page is full, a page filling early in the first half would leave
    /// the second's work wasted.
    fn rank(&self, candidates: &[u32]) -> Part {
        let mut out = Part::with_room(candidates.len());
        let two = rayon::current_num_threads() >= 2;
        let Some(at) = self.rank_into(&mut out, candidates, Shared::Alone { split: two }) else {
            return out;
        };
        let (first, second) = candidates[at..].split_at((candidates.len() - at) / 2);
        let bar = Bar::new(budget_of(&out.top, self.limit));
        let ((), later) = rayon::join(
            || {
                self.rank_into(&mut out, first, Shared::Sets(&bar));
            },
            || {
                let mut later = Part::with_room(second.len());
                self.rank_into(&mut later, second, Shared::Takes(&bar));
                later
            },
        );
        out.join(later, self.limit);
        out
    }

    /// Ranks `candidates` into `out`, within the budget its page leaves
    /// and the one `shared` holds. Ranking alone with `split`, stops where
    /// a full page leaves enough to split, and says where.
    fn rank_into(&self, out: &mut Part, candidates: &[u32], shared: Shared) -> Option<usize> {
        let mut scratch = Scratch::default();
        for (at, &e) in candidates.iter().enumerate() {
            let own = budget_of(&out.top, self.limit);
            let budget = match shared {
                Shared::Takes(bar) => own.zip(bar.get()).map(|(a, b)| a.min(b)),
                _ => own,
            };
            let Some(budget) = budget else {
                out.left_unchecked(&candidates[at..], self.floors);
                shared.set(None);
                break;
            };
            let left = candidates.len() - at;
            if matches!(shared, Shared::Alone { split: true })
                && own.is_some_and(|b| b < u32::MAX)
                && left >= self.split_from
            {
                return Some(at);
            }
            let Some(hay) = (self.haystack_of)(e) else {
                continue;
            };
            if !self.finders.iter().all(|f| begins_a_word(hay, f)) {
                continue;
            }
            out.holding.push(e);
            let floor = self.floors.of(e);
            if floor > budget {
                out.floors.push((e, floor));
                continue;
            }
            match self.shortfall.within_projected(hay, budget, &mut scratch) {
                Some(loss) => {
                    out.floors.push((e, loss));
                    keep_best(&mut out.top, (loss, e), self.limit);
                    shared.set(budget_of(&out.top, self.limit));
                }
                None => out.floors.push((e, budget.saturating_add(1))),
            }
        }
        None
    }
}

/// How a part of the candidates shares a budget with another: ranked
/// alone, or as the first of two parts (setting its page's budget in the
/// bar) or the second (taking it from there).
#[derive(Clone, Copy)]
enum Shared<'b> {
    Alone { split: bool },
    Sets(&'b Bar),
    Takes(&'b Bar),
}

impl Shared<'_> {
    fn set(self, budget: Option<u32>) {
        if let Shared::Sets(bar) = self {
            bar.set(budget);
        }
    }
}

/// The budget of the first of two parts ranked at once, for the second:
/// 0 for none, otherwise one more than the budget.
struct Bar(AtomicU32);

impl Bar {
    fn new(budget: Option<u32>) -> Bar {
        Bar(AtomicU32::new(Bar::value(budget)))
    }

    fn value(budget: Option<u32>) -> u32 {
        budget.map_or(0, |b| b.saturating_add(1))
    }

    fn get(&self) -> Option<u32> {
        self.0.load(Ordering::Relaxed).checked_sub(1)
    }

    /// Only ever lowered: a page's budget only shrinks.
    fn set(&self, budget: Option<u32>) {
        self.0.fetch_min(Bar::value(budget), Ordering::Relaxed);
    }
}

impl Part {
    fn with_room(candidates: usize) -> Part {
        Part {
            top: BinaryHeap::new(),
            holding: Vec::new(),
            checked_all: true,
            floors: Vec::with_capacity(candidates),
        }
    }

    /// Adds a part of the candidates ranked after these.
    fn join(&mut self, later: Part, limit: usize) {
        for item in later.top {
            keep_best(&mut self.top, item, limit);
        }
        self.holding.extend(later.holding);
        self.checked_all &= later.checked_all;
        self.floors.extend(later.floors);
    }

    /// Stops before `rest`, which keep the floors they had.
    fn left_unchecked(&mut self, rest: &[u32], floors: &Floors) {
        self.checked_all = false;
        let kept = rest.iter().map(|&e| (e, floors.of(e)));
        self.floors.extend(kept.filter(|&(_, floor)| floor > 0));
    }

    fn page(self) -> BestPage {
        BestPage {
            page: self.top.into_vec(),
            holding: self.checked_all.then_some(self.holding),
            floors: Floors(self.floors),
        }
    }
}

/// The shortfall a candidate must keep within to enter a page of `limit`
/// kept in `top`; None once a full page has none.
fn budget_of(top: &BinaryHeap<(u32, u32)>, limit: usize) -> Option<u32> {
    match top.peek() {
        Some(&(worst, _)) if top.len() >= limit => worst.checked_sub(1),
        _ => Some(u32::MAX),
    }
}

impl Typing {
    /// The entries of the store matching `query`, as [`search`] finds them.
    /// Read in one transaction unless already in one: otherwise every
    /// statement takes and drops the store's lock and looks for a journal
    /// on its own, which costs a cold search more than its reading.
    pub fn search(
        &mut self,
        conn: &Connection,
        query: &str,
        limit: usize,
    ) -> rusqlite::Result<Found> {
        if !conn.is_autocommit() {
            return self.search_in(conn, query, limit);
        }
        conn.execute_batch("BEGIN")?;
        let found = self.search_in(conn, query, limit);
        // Only read: ending it cannot lose anything, even after an error.
        let ended = conn.execute_batch("COMMIT");
        let found = found?;
        ended?;
        Ok(found)
    }

    fn search_in(
        &mut self,
        conn: &Connection,
        query: &str,
        limit: usize,
    ) -> rusqlite::Result<Found> {
        let Some(q) = Query::parse(query).filter(|_| limit > 0) else {
            self.last = None;
            return ranked_among(conn, query, Vec::new(), limit);
        };
        let shortfall = Shortfall::new(&q.pattern);
        if let Some(top) = ranked(conn, &q, limit)? {
            self.last = None;
            return shown(conn, &q.pattern, &shortfall, top);
        }
        // Marks typed rank entries keeping them first: read in full.
        let on_haystacks = shortfall.is_ascii() && q.marked.is_empty();
        let deferring = self.haystacks.clone().filter(|_| on_haystacks);
        let found = self.candidates(conn, &q, deferring.as_deref())?;
        if !on_haystacks {
            let page = first_page(conn, query, &q, &found.entries, limit);
            self.last = Some((q.words, found.entries));
            return page;
        }
        // Floors found for a beginning of this pattern hold for it.
        let floors = match self.floors.take() {
            Some((pattern, floors)) if q.pattern.starts_with(&*pattern) => floors,
            _ => Floors::default(),
        };
        let ranked = match &deferring {
            Some(h) => h.best(
                &found.entries,
                &found.unchecked(&q),
                &shortfall,
                limit,
                &floors,
            ),
            None => self.read.best(conn, &found.entries, &shortfall, limit)?,
        };
        if deferring.is_some() {
            self.floors = Some((q.pattern.clone(), ranked.floors));
        }
        self.last = Some(match ranked.holding {
            Some(all) => (q.words.clone(), all),
            None => (found.held, found.entries),
        });
        shown(conn, &q.pattern, &shortfall, ranked.page)
    }

    /// Ranks candidates on `haystacks` from now on, reading only the
    /// entries shown.
    pub fn use_haystacks(&mut self, haystacks: Arc<Haystacks>) {
        self.haystacks = Some(haystacks);
        self.read = ReadHaystacks::default();
        self.floors = None;
    }

    /// The last query's candidates narrowed by the words that changed when
    /// `q` only adds to it; otherwise read from the posting lists. Words
    /// cheaper to check in `deferring`'s haystacks are left for ranking to
    /// check, on the candidates it reaches.
    fn candidates(
        &self,
        conn: &Connection,
        q: &Query,
        deferring: Option<&Haystacks>,
    ) -> rusqlite::Result<Narrowed> {
        let haystacks = self.haystacks.as_deref();
        let Some((old_words, old)) = &self.last else {
            return candidates(conn, haystacks, deferring.is_some(), q);
        };
        let extends = old_words.len() <= q.words.len()
            && old_words
                .iter()
                .zip(&q.words)
                .all(|(o, n)| n.starts_with(o.as_str()));
        if !extends {
            return candidates(conn, haystacks, deferring.is_some(), q);
        }
        let mut found = Narrowed {
            entries: old.clone(),
            held: old_words.clone(),
        };
        found.held.resize(q.words.len(), String::new());
        for (i, w) in q.words.iter().enumerate() {
            if found.held[i] == *w {
                continue;
            }
            let defer = deferring.is_some();
            if narrow_cheaper(conn, haystacks, defer, w, None, &mut found.entries)? {
                found.held[i] = w.clone();
            }
        }
        Ok(found)
    }
}

/// Candidates of a query: the entries holding, at each place of the
/// query's words, a word beginning with `held` there (the query's word,
/// or a beginning of it, "" for none yet).
struct Narrowed {
    entries: Vec<u32>,
    held: Vec<String>,
}

impl Narrowed {
    /// The words of `q` the entries are yet to be checked for.
    fn unchecked<'a>(&self, q: &'a Query) -> Vec<&'a str> {
        q.words
            .iter()
            .zip(&self.held)
            .filter(|(w, held)| w != held)
            .map(|(w, _)| w.as_str())
            .collect()
    }
}

/// Whether a projected haystack holds a word beginning with what `finder`
/// looks for (ASCII letters and digits): somewhere it follows a character
/// that is no part of a word.
fn begins_a_word(haystack: &[u8], finder: &memchr::memmem::Finder) -> bool {
    finder
        .find_iter(haystack)
        .any(|at| at == 0 || !is_word_byte(haystack[at - 1]))
}

/// How many postings read cost about as much as checking one candidate's
/// haystack (about a hundred bytes) in memory.
const CHECK_COST: usize = 8;

/// Keeps of `found` the entries holding a word that begins with `prefix`:
/// checked in the haystacks when that is cheaper than reading the posting
/// lists, which for a word's first letter can be most of the store; or,
/// with `defer`, left to check as the candidates are ranked (false).
/// `postings` is their size when already counted.
fn narrow_cheaper(
    conn: &Connection,
    haystacks: Option<&Haystacks>,
    defer: bool,
    prefix: &str,
    postings: Option<i64>,
    found: &mut Vec<u32>,
) -> rusqlite::Result<bool> {
    let Some(h) = haystacks.filter(|h| prefix.is_ascii() && h.covers(found)) else {
        narrow(conn, prefix, found)?;
        return Ok(true);
    };
    let postings = match postings {
        Some(n) => n,
        None => postings_count(conn, prefix)?,
    };
    let cheaper = found.len().saturating_mul(CHECK_COST) < postings.max(0) as usize;
    match (cheaper, defer) {
        (true, true) => return Ok(false),
        (true, false) => h.narrow(prefix, found),
        (false, _) => narrow(conn, prefix, found)?,
    }
    Ok(true)
}

/// The store's entries numbered `ids`, read and searched.
fn ranked_among(
    conn: &Connection,
    query: &str,
    mut ids: Vec<u32>,
    limit: usize,
) -> rusqlite::Result<Found> {
    ids.sort_unstable();
    let entries = read_entries(conn, &ids)?;
    let hits = Searcher::default().search(&entries, query, limit);
    Ok(Found { entries, ids, hits })
}

/// The entries of a page ranked on haystacks, read from the store, and
/// their hits best first: least shortfall, then entry order, as the index
/// ranks them, so they are not ranked again.
fn shown(
    conn: &Connection,
    pattern: &str,
    shortfall: &Shortfall,
    mut page: Vec<(u32, u32)>,
) -> rusqlite::Result<Found> {
    page.sort_unstable();
    let mut ids: Vec<u32> = page.iter().map(|&(_, e)| e).collect();
    ids.sort_unstable();
    // Only shown: the page is ranked already.
    let entries = Index::listing(read_rows(conn, &ids)?);
    let (best, pattern) = (shortfall.best(), Arc::<str>::from(pattern));
    let hits = page
        .iter()
        .map(|&(loss, e)| {
            let at = ids.binary_search(&e).expect("a page's entries are read");
            Hit::new(at, best - i64::from(loss), pattern.clone())
        })
        .collect();
    Ok(Found { entries, ids, hits })
}

/// Candidates read before the first look for a full page.
const FIRST_READ: usize = 1024;

/// The hits among `candidates` (sorted), read a growing front part at a
/// time: entries of equal score rank in entry order, so once the front
/// holds a full page at the best possible score no later candidate can
/// enter it, and a broad query reads a few of its many candidates.
fn first_page(
    conn: &Connection,
    query: &str,
    q: &Query,
    candidates: &[u32],
    limit: usize,
) -> rusqlite::Result<Found> {
    let best = Shortfall::new(&q.pattern).best();
    let mut front = FIRST_READ.max(limit.saturating_mul(4));
    loop {
        let end = front.min(candidates.len());
        let found = ranked_among(conn, query, candidates[..end].to_vec(), limit)?;
        if end == candidates.len() || page_is_final(&found.hits, q, best, limit) {
            return Ok(found);
        }
        front = front.saturating_mul(4);
    }
}

/// Whether no later entry can enter `hits`: a full page at the best score.
/// With marks typed, entries keeping them score above the best plain score,
/// so such queries read every candidate.
fn page_is_final(hits: &[Hit], q: &Query, best: i64, limit: usize) -> bool {
    q.marked.is_empty() && hits.len() == limit && hits.last().is_some_and(|h| h.score >= best)
}

/// The first `limit` entries ranked at ingest, for a short query typed
/// without marks, as (shortfall, entry); None when the query is not one,
/// or asks for more than was ranked.
fn ranked(conn: &Connection, q: &Query, limit: usize) -> rusqlite::Result<Option<Vec<(u32, u32)>>> {
    let letters = q.pattern.chars().filter(|&c| c != ' ').count();
    let plain = q.pattern.chars().all(|c| c == ' ' || c.is_alphanumeric());
    if !q.marked.is_empty() || !plain || letters > SHORT {
        return Ok(None);
    }
    let blobs: Option<(Vec<u8>, Vec<u8>)> = conn
        .query_row(
            "SELECT entries, losses FROM tops WHERE pattern = ?1",
            [&q.pattern],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    // Every short query that matches anything has a list.
    let list: Vec<(u32, u32)> = blobs
        .map(|(entries, losses)| from_blob(&losses).zip(from_blob(&entries)).collect())
        .unwrap_or_default();
    if limit > list.len() && list.len() >= TOP {
        return Ok(None);
    }
    Ok(Some(list.into_iter().take(limit).collect()))
}

/// The first string after every string that begins with `prefix`, if any.
fn after_prefix(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        let next = match last as u32 + 1 {
            0xD800 => Some('\u{E000}'),
            n => char::from_u32(n),
        };
        if let Some(n) = next {
            chars.push(n);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

/// Entries holding a word that begins with each query word, found before
/// any entry is read: the rarest word's entries, narrowed by each other
/// word's in order of size, from the posting lists or from `haystacks`
/// (or, with `defer`, left for ranking to check).
fn candidates(
    conn: &Connection,
    haystacks: Option<&Haystacks>,
    defer: bool,
    q: &Query,
) -> rusqlite::Result<Narrowed> {
    let mut sized = Vec::new();
    for w in &q.words {
        let n = postings_count(conn, w)?;
        if n == 0 {
            return Ok(Narrowed {
                entries: Vec::new(),
                held: q.words.clone(),
            });
        }
        sized.push((n, w));
    }
    sized.sort();
    sized.dedup_by(|a, b| a.1 == b.1);
    let mut entries = postings(conn, sized[0].1)?;
    let mut held = vec![sized[0].1];
    for &(n, w) in &sized[1..] {
        if narrow_cheaper(conn, haystacks, defer, w, Some(n), &mut entries)? {
            held.push(w);
        }
    }
    let held = q
        .words
        .iter()
        .map(|w| {
            if held.contains(&w) {
                w.clone()
            } else {
                String::new()
            }
        })
        .collect();
    Ok(Narrowed { entries, held })
}

/// How many postings the words that begin with `prefix` have together.
fn postings_count(conn: &Connection, prefix: &str) -> rusqlite::Result<i64> {
    let (range, after) = prefixed(prefix);
    let sql = format!("SELECT coalesce(sum(n), 0) FROM words WHERE {range}");
    conn.prepare_cached(&sql)?
        .query_row(params![prefix, after], |r| r.get(0))
}

/// The condition on `words` (taking the prefix as ?1 and the string
/// after it, when there is one, as ?2) for the words that begin with
/// `prefix`, and that string. Bounded on both sides in the statement
/// itself: a bound that may be NULL leaves SQLite to search the index from
/// the prefix to its end.
fn prefixed(prefix: &str) -> (&'static str, Option<String>) {
    match after_prefix(prefix) {
        Some(after) => ("word >= ?1 AND word < ?2", Some(after)),
        None => ("word >= ?1 AND ?2 IS NULL", None),
    }
}

/// The posting lists of the words that begin with `prefix`, each as
/// stored, handed to `each` without copying.
fn each_posting_list(
    conn: &Connection,
    prefix: &str,
    mut each: impl FnMut(&[u8]),
) -> rusqlite::Result<()> {
    let (range, after) = prefixed(prefix);
    let mut stmt = conn.prepare_cached(&format!("SELECT postings FROM words WHERE {range}"))?;
    let mut rows = stmt.query(params![prefix, after])?;
    while let Some(row) = rows.next()? {
        each(row.get_ref(0)?.as_blob()?);
    }
    Ok(())
}

/// The entries holding a word that begins with `prefix`, sorted.
fn postings(conn: &Connection, prefix: &str) -> rusqlite::Result<Vec<u32>> {
    let mut out = Vec::new();
    each_posting_list(conn, prefix, |blob| out.extend(from_blob(blob)))?;
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// Keeps of `found` (sorted) the entries holding a word that begins with
/// `prefix`: each posting is looked up in a bit set of `found`.
fn narrow(conn: &Connection, prefix: &str, found: &mut Vec<u32>) -> rusqlite::Result<()> {
    let Some(&last) = found.last() else {
        return Ok(());
    };
    let mut wanted = Bits::new(last as usize + 1);
    for &e in found.iter() {
        wanted.insert(e);
    }
    let mut held = Bits::new(last as usize + 1);
    each_posting_list(conn, prefix, |blob| {
        for e in from_blob(blob) {
            if wanted.contains(e) {
                held.insert(e);
            }
        }
    })?;
    found.retain(|&e| held.contains(e));
    Ok(())
}

/// A set of entry numbers below a bound, one bit each.
pub(super) struct Bits(Vec<u64>);

impl Bits {
    pub(super) fn new(bound: usize) -> Bits {
        Bits(vec![0; bound.div_ceil(64)])
    }

    pub(super) fn insert(&mut self, e: u32) {
        self.0[e as usize / 64] |= 1 << (e % 64);
    }

    /// Whether `e` is in the set; numbers past the bound never are.
    pub(super) fn contains(&self, e: u32) -> bool {
        self.0
            .get(e as usize / 64)
            .is_some_and(|w| w & (1 << (e % 64)) != 0)
    }
}

/// The entries numbered `ids` (sorted), indexed.
fn read_entries(conn: &Connection, ids: &[u32]) -> rusqlite::Result<Index> {
    Ok(Index::from_entries(read_rows(conn, ids)?))
}

/// The entries numbered `ids` (sorted), as the index takes them.
fn read_rows(conn: &Connection, ids: &[u32]) -> rusqlite::Result<Vec<(Kind, Target, String)>> {
    let rows = match (ids.first(), ids.last()) {
        // Close together: one pass over their range beats a lookup each.
        (Some(&lo), Some(&hi)) if (hi - lo) as usize <= ids.len() * 4 => {
            read_range(conn, ids, lo, hi)?
        }
        _ => read_each(conn, ids)?,
    };
    rows.into_iter()
        .map(|(id, kind, target, text)| decode(id, &kind, &target, text))
        .collect()
}

/// An entry row as stored: number, kind label, target JSON, text.
type Row = (u32, String, String, String);

fn read_each(conn: &Connection, ids: &[u32]) -> rusqlite::Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached("SELECT kind, target, text FROM entries WHERE id = ?1")?;
    ids.iter()
        .map(|&id| stmt.query_row([id], |r| Ok((id, r.get(0)?, r.get(1)?, r.get(2)?))))
        .collect()
}

/// The rows of `ids` (sorted, all within `lo..=hi`), read in one pass.
fn read_range(conn: &Connection, ids: &[u32], lo: u32, hi: u32) -> rusqlite::Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, target, text FROM entries WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
    )?;
    let mut rows = stmt.query([lo, hi])?;
    let mut out = Vec::with_capacity(ids.len());
    let mut wanted = ids.iter().peekable();
    while let Some(row) = rows.next()? {
        let id: u32 = row.get(0)?;
        if wanted.next_if_eq(&&id).is_some() {
            out.push((id, row.get(1)?, row.get(2)?, row.get(3)?));
        }
    }
    if wanted.peek().is_some() {
        return Err(rusqlite::Error::QueryReturnedNoRows);
    }
    Ok(out)
}

/// A stored entry as the index takes it.
fn decode(
    id: u32,
    kind: &str,
    target: &str,
    text: String,
) -> rusqlite::Result<(Kind, Target, String)> {
    let bad = |what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("entry {id}: {what}").into(),
        )
    };
    let kind = Kind::from_label(kind).ok_or_else(|| bad("unknown kind"))?;
    let target: Target = serde_json::from_str(target).map_err(|_| bad("bad target"))?;
    Ok((kind, target, text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, sqlite};

    #[test]
    fn short_queries_of_other_letters_are_sorted_too() {
        let words = ["đa", "a", "ơn", "ab"];
        let shorts = Short::of_words(words.into_iter());
        assert!(shorts.is_sorted_by_key(|s| (s.first, s.second, s.spaced)));
        assert!(shorts.contains(&Short {
            first: 'đ',
            second: Some('a'),
            spaced: true
        }));
    }

    /// Every entry number of a store or index with `n` entries.
    fn all(n: usize) -> Vec<u32> {
        (0..n as u32).collect()
    }

    /// The prefixes a query word can be: each word's first one to three
    /// letters and the whole word, ASCII only.
    fn prefixes<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
        let mut out: Vec<String> = words
            .filter(|w| w.is_ascii())
            .flat_map(|w| {
                (1..=3.min(w.len()))
                    .map(|n| w[..n].to_string())
                    .chain([w.into()])
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn haystacks_narrow_as_the_postings_of_words_with_marks_between() {
        let texts = [
            "Ông Nguyễn–Văn Hải",
            "x—hai «tinh» uy",
            "café hai",
            "naïve·thu 日本hai",
            "ab1 c2d ½van",
            "Hải Phòng, Thái Bình",
        ];
        let target = Target::Province {
            name: String::new(),
        };
        let index =
            Index::from_entries(texts.map(|t| (Kind::Province, target.clone(), t.to_string())));
        let mut bytes = Bytes::default();
        for e in 0..index.len() {
            bytes.push_iter(index.projected(e).iter().copied());
        }
        let haystacks = Haystacks(bytes);
        let words = index.words.words().iter().map(|w| &**w);
        for p in prefixes(words).iter().chain(&["zz".to_string()]) {
            let range = index.words.prefixed(p);
            let mut postings: Vec<u32> = range
                .flat_map(|w| index.postings.get(w as usize).iter().copied())
                .collect();
            postings.sort_unstable();
            postings.dedup();
            let mut found = all(index.len());
            haystacks.narrow(p, &mut found);
            assert_eq!(found, postings, "{p:?}");
        }
    }

    #[test]
    fn haystacks_narrow_as_the_store_postings() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        sqlite::save(&Corpus::bundled(), &db).unwrap();
        let conn = sqlite::open(&db).unwrap();
        let haystacks = Haystacks::read(&conn).unwrap();
        let words: Vec<String> = conn
            .prepare("SELECT word FROM words")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let prefixes = prefixes(words.iter().map(String::as_str));
        assert!(prefixes.len() > 100, "too few words to check");
        for p in &prefixes {
            let mut found = all(haystacks.0.len());
            haystacks.narrow(p, &mut found);
            assert_eq!(found, postings(&conn, p).unwrap(), "{p:?}");
            // From candidates already narrowed, as typing narrows them.
            let mut odd: Vec<u32> = all(haystacks.0.len()).into_iter().step_by(3).collect();
            let mut expected = odd.clone();
            narrow(&conn, p, &mut expected).unwrap();
            haystacks.narrow(p, &mut odd);
            assert_eq!(odd, expected, "{p:?}");
        }
    }

    /// The haystacks of `texts` as the ranking tests search them.
    fn haystacks_of(texts: &[String]) -> Vec<Vec<u8>> {
        texts.iter().map(|t| format!(" {t}").into_bytes()).collect()
    }

    /// Every floor is at most its entry's exact shortfall.
    fn floors_at_most_shortfalls(
        floors: &Floors,
        shortfall: &Shortfall,
        haystacks: &[Vec<u8>],
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let mut scratch = Scratch::default();
        for &(e, floor) in &floors.0 {
            let exact = shortfall.within_projected(&haystacks[e as usize], u32::MAX, &mut scratch);
            proptest::prop_assert!(
                exact.is_none_or(|loss| floor <= loss),
                "{e}: {floor} > {exact:?}"
            );
        }
        Ok(())
    }

    fn sorted(mut page: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
        page.sort_unstable();
        page
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(300))]

        /// Passing over candidates by the floors of a beginning of the
        /// pattern, the page is the one ranked with no floors.
        #[test]
        fn floors_rank_as_one_pass(
            texts in proptest::collection::vec("[ngod ]{0,30}", 1..80),
            pattern in "[ngod]{1,3}( [ngod]{1,3})?",
            cut in 1usize..6,
            limit in 1usize..12,
        ) {
            let haystacks = haystacks_of(&texts);
            let haystack_of = |e: u32| haystacks.get(e as usize).map(Vec::as_slice);
            let candidates = all(haystacks.len());
            let shortfall = Shortfall::new(&pattern);
            let none = Floors::default();
            let one = best(haystack_of, &candidates, &[], &shortfall, limit, &none);
            // Floors as typing the beginning of the pattern left them.
            let beginning: String = pattern.chars().take(cut).collect();
            let first = Shortfall::new(&beginning);
            let floors = best(haystack_of, &candidates, &[], &first, limit, &none).floors;
            let split = best(haystack_of, &candidates, &[], &shortfall, limit, &floors);
            proptest::prop_assert_eq!(sorted(split.page), sorted(one.page));
            // Checked all, every candidate (no word to hold) is held.
            if let Some(holding) = split.holding {
                proptest::prop_assert_eq!(&holding, &candidates);
            }
            // Every floor is at most the entry's shortfall.
            floors_at_most_shortfalls(&split.floors, &shortfall, &haystacks)?;
        }

        /// Split between two threads once the page is full, the page, the
        /// floors' bounds and the candidates holding the words are those of
        /// one pass.
        #[test]
        fn two_threads_rank_as_one_pass(
            texts in proptest::collection::vec("[ngod ]{0,30}", 1..120),
            pattern in "[ngod]{1,3}( [ngod]{1,3})?",
            word in "|[ngod]",
            split_from in 1usize..40,
            limit in 1usize..12,
        ) {
            let haystacks = haystacks_of(&texts);
            let haystack_of = |e: u32| haystacks.get(e as usize).map(Vec::as_slice);
            let candidates = all(haystacks.len());
            let shortfall = Shortfall::new(&pattern);
            let words: Vec<&str> = [word.as_str()].into_iter().filter(|w| !w.is_empty()).collect();
            let none = Floors::default();
            let one = best_split(haystack_of, &candidates, &words, &shortfall, limit, &none, usize::MAX);
            let two = best_split(haystack_of, &candidates, &words, &shortfall, limit, &none, split_from);
            proptest::prop_assert_eq!(sorted(two.page), sorted(one.page));
            // Checked all, the candidates holding the words.
            let finders: Vec<_> = words.iter().map(|w| memchr::memmem::Finder::new(w.as_bytes())).collect();
            let held: Vec<u32> = candidates
                .iter()
                .copied()
                .filter(|&e| finders.iter().all(|f| begins_a_word(&haystacks[e as usize], f)))
                .collect();
            if let Some(holding) = two.holding {
                proptest::prop_assert_eq!(holding, held);
            }
            proptest::prop_assert!(two.floors.0.is_sorted_by_key(|&(e, _)| e));
            floors_at_most_shortfalls(&two.floors, &shortfall, &haystacks)?;
        }
    }

    #[test]
    fn entries_past_the_haystacks_are_not_covered() {
        let haystacks = Haystacks(Bytes::default());
        assert!(haystacks.covers(&[]));
        assert!(!haystacks.covers(&[0, 3]));
    }
}
