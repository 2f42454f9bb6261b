//! Every short query's shortfall in one entry, in one pass over its
//! projected haystack.
//!
//! Ranking the short queries at ingest measures each entry against every
//! query of its first letters: `a`, `ab` and, for each two first letters,
//! `a b`. Measured one query at a time that is a pass over the haystack per
//! query, and an entry with ten first letters has over a hundred. The
//! queries share their beginnings (`a` begins `ab`, `a ` and `a b`), so
//! here each beginning is followed once, in the same steps as
//! [`super::shortfall`] takes for one pattern, and every query's least
//! shortfall comes out of a single pass. Only queries of ASCII lower-case
//! letters and digits are measured here; in them a letter after a letter
//! earns 4, a space after a letter 4 and a letter after a space 8.
//!
//! The rows of every first letter and of every first letter and a space
//! are kept lane by lane, one lane per first letter, and stepped all
//! together: every `a b` of an entry is measured, exactly, in loops that
//! hold no branch and so go several lanes to an instruction, cheaper than
//! choosing which few to follow one at a time.

use super::shortfall::{NONE, byte_bonus};

/// Shortfalls at or above this are no match, in the `_loss(es)` readings
/// of [`EntryShorts`]: a caller that keeps only those below some bound
/// at most this then needs no test of its own.
pub(super) const UNMATCHED: u32 = NONE as u32;

/// Not one of the entry's first letters.
const NOT_FIRST: u8 = u8::MAX;

/// What the letter after a letter (or a space after a letter) earns at
/// most; and a letter after a space.
const AFTER_LETTER: i32 = 4;
const AFTER_SPACE: i32 = 8;

/// Lanes are padded to a multiple of this, so that the loops over them
/// have no remainder.
const LANES: usize = 8;

/// A row with no state: its shortfall and run. Far enough above [`NONE`]
/// that what follows from it, however far along a haystack (shorter than
/// [`NONE`] / 2), stays at or above [`NONE`] without a test: a step adds
/// its earnings, 2 and the position and takes off at most a bonus of 8 or
/// its own position.
const EMPTY: i32 = NONE + NONE / 2;

/// The position of an empty row's state: never right before another.
const EMPTY_AT: i32 = -2;

/// The bytes of the query letters measured here.
const MEASURABLE: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Whether a query letter is one measured here.
pub(super) fn measurable(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

/// One row per first letter, lane by lane, in blocks of [`LANES`] which
/// the steps take whole. Each lane keeps what
/// [`super::shortfall::Row`] does: its latest state (position `at`,
/// shortfall `loss`) and the least (shortfall - position) of those before
/// it (`run`); and with them `gap`, the least (shortfall - position) of
/// all its states, which any gap into a later position starts from. Empty
/// lanes are [`EMPTY`].
#[derive(Debug, Clone, Copy)]
struct Block {
    at: [i32; LANES],
    loss: [i32; LANES],
    run: [i32; LANES],
    gap: [i32; LANES],
}

impl Block {
    const EMPTY: Block = Block {
        at: [EMPTY_AT; LANES],
        loss: [EMPTY; LANES],
        run: [EMPTY; LANES],
        gap: [EMPTY; LANES],
    };

    /// The shortfall of the next row's character at position `k` from
    /// lane `x`, `gain` being its earnings, 2 and `k` less its bonus: as
    /// [`super::shortfall::Row::next_at`], with no branch. An empty lane
    /// gives [`NONE`] or more.
    #[inline(always)]
    fn next_at(&self, x: usize, k: i32, gain: i32) -> i32 {
        let right_after = (self.run[x] + gain).min(self.loss[x]);
        let after_gap = self.gap[x] + gain;
        if self.at[x] + 1 == k {
            right_after
        } else {
            after_gap
        }
    }

    /// [`super::shortfall::Row::push`] of lane `x`, a state found.
    #[inline(always)]
    fn push(&mut self, x: usize, k: i32, loss: i32) {
        self.run[x] = self.gap[x];
        self.loss[x] = loss;
        self.at[x] = k;
        self.gap[x] = self.run[x].min(loss - k);
    }

    /// Every lane takes a state at `k` from the states of `from`, with
    /// `gain` (see [`Block::next_at`]): [`Block::push`] of each lane, but
    /// whole arrays at a time, which vectorize without shuffles. The
    /// lanes' position is left as it was: these rows all stand at the
    /// last space, which is kept once for them all.
    #[inline]
    fn follow(&mut self, from: &Block, k: i32, gain: i32) {
        for x in 0..LANES {
            self.loss[x] = from.next_at(x, k, gain);
        }
        self.run = self.gap;
        for x in 0..LANES {
            self.gap[x] = self.run[x].min(self.loss[x] - k);
        }
    }

    /// Lowers each lane of `least` to the shortfall at `k` from this
    /// block's lane, with `gain` (see [`Block::next_at`]), where every
    /// lane's latest state stands right before `k` (`right`) or not.
    #[inline]
    fn lower(&self, least: &mut [i32; LANES], right: bool, gain: i32) {
        let was = *least;
        *least = if right {
            std::array::from_fn(|x| was[x].min((self.run[x] + gain).min(self.loss[x])))
        } else {
            std::array::from_fn(|x| was[x].min(self.gap[x] + gain))
        };
    }
}

/// [`Block`]s enough for an entry's first letters.
#[derive(Debug, Default)]
struct Rows(Vec<Block>);

impl Rows {
    fn reset(&mut self, lanes: usize) {
        self.0.clear();
        self.0.resize(lanes / LANES, Block::EMPTY);
    }

    /// [`Block::next_at`] of lane `x`, earning `earns` and `bonus`.
    #[inline]
    fn next_at(&self, x: usize, k: i32, earns: i32, bonus: i32) -> i32 {
        self.0[x / LANES].next_at(x % LANES, k, earns + 2 + k - bonus)
    }

    /// [`Block::push`] of lane `x`.
    #[inline]
    fn push(&mut self, x: usize, k: i32, loss: i32) {
        self.0[x / LANES].push(x % LANES, k, loss);
    }
}

/// One entry's least shortfall of each of its short queries: every first
/// letter alone, every `a b` of two first letters, and the `ab` asked for.
/// Buffers are kept from one entry to the next.
#[derive(Debug)]
pub(super) struct EntryShorts {
    /// Each byte's place among the first letters, or [`NOT_FIRST`].
    place: [u8; 128],
    firsts: Vec<u8>,
    /// The first letters' count, padded to [`LANES`].
    lanes: usize,
    /// Per first letter: the letter alone, and the letter and a space
    /// (whose lanes' positions are not kept: all are `last_space`).
    letter: Rows,
    letter_space: Rows,
    single: Vec<i32>,
    /// Per two first letters (second * lanes + first): `a b`.
    spaced: Vec<[i32; LANES]>,
    /// Where the last space stands: the rows of the letters and a space
    /// change only there, so between two spaces the place and bonus of
    /// each first letter decide its `a b` alone.
    last_space: i32,
    /// Per first letter, its (position, bonus) that counts since the last
    /// space, when it stood there.
    seen: Vec<(i32, i32)>,
    /// The two-letter words' beginnings asked for, by second letter:
    /// (second, first's place, first, least).
    pairs: Vec<(u8, u8, u8, i32)>,
    /// Per byte, the range of `pairs` whose second letter it is.
    pairs_of: [(u16, u16); 128],
    /// Room for `pairs` as they are grouped by second letter.
    grouped: Vec<(u8, u8, u8, i32)>,
}

impl Default for EntryShorts {
    fn default() -> EntryShorts {
        EntryShorts {
            place: [NOT_FIRST; 128],
            firsts: Vec::new(),
            lanes: 0,
            letter: Rows::default(),
            letter_space: Rows::default(),
            single: Vec::new(),
            spaced: Vec::new(),
            last_space: 0,
            seen: Vec::new(),
            pairs: Vec::new(),
            pairs_of: [(0, 0); 128],
            grouped: Vec::new(),
        }
    }
}

/// What one entry's pass measures besides its first letters alone and
/// every `a b` of them.
#[derive(Debug, Default)]
pub(super) struct Asked {
    /// The entry's first letters: measurable, distinct, at most 64.
    pub(super) firsts: Vec<u8>,
    /// `ab`: both measurable, `a` one of `firsts`.
    pub(super) pairs: Vec<(u8, u8)>,
}

impl Asked {
    pub(super) fn clear(&mut self) {
        self.firsts.clear();
        self.pairs.clear();
    }
}

impl EntryShorts {
    /// Measures haystack `h` (projected, beginning with a space) for the
    /// queries `asked`.
    pub(super) fn measure(&mut self, h: &[u8], asked: &Asked) {
        self.start(&asked.firsts);
        for &(a, b) in &asked.pairs {
            self.ask_pair(a, b);
        }
        self.run(h);
    }

    /// Starts an entry whose first letters are `firsts` (measurable,
    /// distinct, at most 64), with no `ab` asked for yet.
    pub(super) fn start(&mut self, firsts: &[u8]) {
        for &c in &self.firsts {
            self.place[c as usize] = NOT_FIRST;
        }
        self.pairs.clear();
        debug_assert!(firsts.len() <= 64);
        self.firsts.clear();
        self.firsts.extend_from_slice(firsts);
        for (at, &c) in firsts.iter().enumerate() {
            self.place[c as usize] = at as u8;
        }
        let lanes = firsts.len().next_multiple_of(LANES);
        self.lanes = lanes;
        self.letter.reset(lanes);
        self.letter_space.reset(lanes);
        self.single.clear();
        self.single.resize(firsts.len(), EMPTY);
        self.spaced.clear();
        self.spaced.resize(lanes * lanes / LANES, [EMPTY; LANES]);
        self.last_space = 0;
        self.seen.clear();
        self.seen.resize(firsts.len(), (-1, 0));
    }

    /// Asks for `ab`: `a` one of the first letters, `b` measurable; each
    /// pair at most once.
    #[inline]
    pub(super) fn ask_pair(&mut self, a: u8, b: u8) {
        self.pairs.push((b, self.place[a as usize], a, EMPTY));
    }

    /// Measures haystack `h` (projected, beginning with a space) for what
    /// was asked since [`EntryShorts::start`].
    pub(super) fn run(&mut self, h: &[u8]) {
        self.index_pairs();
        for k in 1..h.len() {
            let c = h[k];
            if c == b' ' {
                self.space_at(k as i32, byte_bonus(h[k - 1], c));
                continue;
            }
            let Some(&y) = self.place.get(c as usize) else {
                continue;
            };
            let (from, to) = self.pairs_of[c as usize];
            if from == to && y == NOT_FIRST {
                continue;
            }
            let bonus = byte_bonus(h[k - 1], c);
            let k = k as i32;
            if from < to {
                self.pairs_at(from as usize..to as usize, k, bonus);
            }
            if y != NOT_FIRST {
                self.first_at(y as usize, k, bonus);
            }
        }
    }

    /// Follows the rows of every letter into a space at `k`. Every lane
    /// takes a state there, so that all stand at the last space; those of
    /// letters not yet seen, one of [`EMPTY`] or more, lead nowhere as no
    /// state does.
    fn space_at(&mut self, k: i32, bonus: i32) {
        self.last_space = k;
        let gain = AFTER_LETTER + 2 + k - bonus;
        for (to, from) in self.letter_space.0.iter_mut().zip(&self.letter.0) {
            to.follow(from, k, gain);
        }
    }

    /// First letter `y` at `k`: alone, and after each letter and a space.
    fn first_at(&mut self, y: usize, k: i32, bonus: i32) {
        if self.counts_after_space(y, k, bonus) {
            self.spaced_at_first(y, k, bonus);
        }
        let loss = 8 - bonus;
        self.single[y] = self.single[y].min(loss);
        self.letter.push(y, k, loss);
    }

    /// Whether first letter `y` at `k` may end an `a b` with less
    /// shortfall than where it stood before since the last space: from
    /// the same states, a later place costs one more per step and gains
    /// only its bonus, and right after the space is the first place.
    fn counts_after_space(&mut self, y: usize, k: i32, bonus: i32) -> bool {
        let (at, at_bonus) = self.seen[y];
        if at > self.last_space && bonus - at_bonus <= k - at {
            return false;
        }
        self.seen[y] = (k, bonus);
        true
    }

    /// First letter `y` at `k` after each letter and a space.
    fn spaced_at_first(&mut self, y: usize, k: i32, bonus: i32) {
        let gain = AFTER_SPACE + 2 + k - bonus;
        let right = self.last_space + 1 == k;
        let blocks = self.letter_space.0.len();
        let least = &mut self.spaced[y * blocks..][..blocks];
        for (from, least) in self.letter_space.0.iter().zip(least) {
            from.lower(least, right, gain);
        }
    }

    /// Groups the pairs asked for by second letter, in one counting pass
    /// rather than a sort, and finds each second letter's range of them.
    fn index_pairs(&mut self) {
        for &b in MEASURABLE {
            self.pairs_of[b as usize] = (0, 0);
        }
        for &(b, ..) in &self.pairs {
            self.pairs_of[b as usize].1 += 1;
        }
        let mut from = 0;
        for &b in MEASURABLE {
            let (_, n) = self.pairs_of[b as usize];
            // `.1` is where the next of the letter's pairs goes, and so
            // its range's end once all are placed.
            self.pairs_of[b as usize] = (from, from);
            from += n;
        }
        self.grouped.clear();
        self.grouped.resize(self.pairs.len(), (0, 0, 0, EMPTY));
        for &pair in &self.pairs {
            let next = &mut self.pairs_of[pair.0 as usize].1;
            self.grouped[*next as usize] = pair;
            *next += 1;
        }
        std::mem::swap(&mut self.pairs, &mut self.grouped);
    }

    /// Follows each two-letter beginning of `range` (whose second letter
    /// stands at `k`) from its first letter's states before `k`.
    fn pairs_at(&mut self, range: std::ops::Range<usize>, k: i32, bonus: i32) {
        for (_, x, _, least) in &mut self.pairs[range] {
            let loss = self.letter.next_at(*x as usize, k, AFTER_LETTER, bonus);
            *least = (*least).min(loss);
        }
    }

    fn found(loss: i32) -> Option<u32> {
        (loss < NONE).then_some(loss as u32)
    }

    /// The least shortfall of the first letter at place `x` alone, as
    /// [`EntryShorts::single_at`] but at or above [`UNMATCHED`] for none.
    #[inline]
    pub(super) fn single_loss(&self, x: usize) -> u32 {
        self.single[x] as u32
    }

    /// The least shortfall of `a b` for each first letter `a` in order, `b`
    /// the first letter at place `y`; at or above [`UNMATCHED`] for none.
    #[inline]
    pub(super) fn spaced_losses(&self, y: usize) -> &[i32] {
        let blocks = self.lanes / LANES;
        &self.spaced[y * blocks..][..blocks].as_flattened()[..self.firsts.len()]
    }

    /// Each `ab` asked for, as (a, b, least shortfall), at or above
    /// [`UNMATCHED`] for none; in no set order.
    pub(super) fn pair_losses(&self) -> impl Iterator<Item = (u8, u8, u32)> + '_ {
        self.pairs
            .iter()
            .map(|&(b, _, a, least)| (a, b, least as u32))
    }

    /// The least shortfall of the first letter at place `x` alone.
    pub(super) fn single_at(&self, x: usize) -> Option<u32> {
        Self::found(self.single[x])
    }

    /// [`EntryShorts::spaced`] by the places of the two first letters.
    pub(super) fn spaced_at(&self, x: usize, y: usize) -> Option<u32> {
        let at = y * self.lanes + x;
        Self::found(self.spaced[at / LANES][at % LANES])
    }

    /// The least shortfall of first letter `a` alone.
    pub(super) fn single(&self, a: u8) -> Option<u32> {
        self.single_at(self.place[a as usize] as usize)
    }

    /// The least shortfall of `a b`, both first letters.
    pub(super) fn spaced(&self, a: u8, b: u8) -> Option<u32> {
        self.spaced_at(
            self.place[a as usize] as usize,
            self.place[b as usize] as usize,
        )
    }

    /// The least shortfall of `ab`, asked for.
    pub(super) fn pair(&self, a: u8, b: u8) -> Option<u32> {
        let (from, to) = self.pairs_of[b as usize];
        let &(.., least) = self.pairs[from as usize..to as usize]
            .iter()
            .find(|&&(_, _, pa, _)| pa == a)
            .expect("pairs measured");
        Self::found(least)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::shortfall::{Scratch, Shortfall};
    use proptest::prelude::*;

    fn projected(haystack: &str) -> Vec<u8> {
        std::iter::once(b' ')
            .chain(haystack.chars().map(|c| c as u32 as u8))
            .collect()
    }

    fn general(pattern: &str, h: &[u8]) -> Option<u32> {
        Shortfall::new(pattern).within_projected(h, u32::MAX, &mut Scratch::default())
    }

    proptest! {
        #![proptest_config(crate::testing::cases(2000))]

        /// Every query's shortfall is the one measured for it alone.
        #[test]
        fn one_pass_measures_as_each_query_alone(
            haystack in "[abnt1 ()/.|\u{80}\u{81}-]{0,60}",
            firsts in proptest::sample::subsequence(b"abnt1".to_vec(), 1..=5),
            seconds in proptest::collection::vec(proptest::sample::select(b"abnt1".to_vec()), 5),
        ) {
            let h = projected(&haystack);
            let asked = Asked {
                firsts: firsts.clone(),
                pairs: firsts.iter().zip(&seconds).map(|(&a, &b)| (a, b)).collect(),
            };
            let mut shorts = EntryShorts::default();
            shorts.measure(&h, &asked);
            for &a in &firsts {
                let p = (a as char).to_string();
                prop_assert_eq!(shorts.single(a), general(&p, &h), "{}", p);
                for &b in &firsts {
                    let p = format!("{} {}", a as char, b as char);
                    prop_assert_eq!(shorts.spaced(a, b), general(&p, &h), "{}", p);
                }
            }
            for &(a, b) in &asked.pairs {
                let p = format!("{}{}", a as char, b as char);
                prop_assert_eq!(shorts.pair(a, b), general(&p, &h), "{}", p);
            }
            // The raw readings, for callers that compare before they ask
            // whether there is a match, say the same.
            let raw = |loss: u32| (loss < UNMATCHED).then_some(loss);
            for (x, &a) in firsts.iter().enumerate() {
                prop_assert_eq!(raw(shorts.single_loss(x)), shorts.single(a));
            }
            for (y, &b) in firsts.iter().enumerate() {
                let losses = shorts.spaced_losses(y);
                prop_assert_eq!(losses.len(), firsts.len());
                for (&loss, &a) in losses.iter().zip(&firsts) {
                    prop_assert_eq!(raw(loss as u32), shorts.spaced(a, b));
                }
            }
            let mut read: Vec<(u8, u8)> = Vec::new();
            for (a, b, loss) in shorts.pair_losses() {
                prop_assert_eq!(raw(loss), shorts.pair(a, b));
                read.push((a, b));
            }
            read.sort_unstable();
            let mut asked_pairs = asked.pairs.clone();
            asked_pairs.sort_unstable();
            prop_assert_eq!(read, asked_pairs);
        }

        /// A first letter that stands again before the next space, with
        /// or without a better bonus, is measured as where it stood first.
        #[test]
        fn letters_again_within_a_word_are_measured_as_alone(
            haystack in "([abn]{1,2}[abn/(.-]{0,6} ){0,8}",
        ) {
            let h = projected(&haystack);
            let firsts = b"abn".to_vec();
            let asked = Asked { firsts: firsts.clone(), ..Asked::default() };
            let mut shorts = EntryShorts::default();
            shorts.measure(&h, &asked);
            for &a in &firsts {
                for &b in &firsts {
                    let p = format!("{} {}", a as char, b as char);
                    prop_assert_eq!(shorts.spaced(a, b), general(&p, &h), "{}", p);
                }
            }
        }

        /// An entry measured after others, with more or fewer first
        /// letters (and so lanes) and other pairs asked for, is measured
        /// as if alone; as are entries with more first letters than one
        /// pass of lanes holds.
        #[test]
        fn entries_measured_one_after_another_are_each_exact(
            haystacks in proptest::collection::vec("[abnt1cdeg ()/.|\u{80}-]{0,80}", 3),
            firsts in proptest::collection::vec(proptest::sample::subsequence(b"abnt1cdeg".to_vec(), 1..=9), 3),
            asked_pairs in proptest::collection::vec((0..9usize, proptest::sample::select(b"abnt1cdeg".to_vec())), 0..6),
        ) {
            let mut shorts = EntryShorts::default();
            for (haystack, firsts) in haystacks.iter().zip(&firsts) {
                let n = firsts.len();
                let mut pairs: Vec<(u8, u8)> = asked_pairs.iter().map(|&(x, b)| (firsts[x % n], b)).collect();
                pairs.sort_unstable();
                pairs.dedup();
                let asked = Asked { firsts: firsts.clone(), pairs };
                let h = projected(haystack);
                shorts.measure(&h, &asked);
                for &a in firsts {
                    prop_assert_eq!(shorts.single(a), general(&(a as char).to_string(), &h));
                    for &b in firsts {
                        let p = format!("{} {}", a as char, b as char);
                        prop_assert_eq!(shorts.spaced(a, b), general(&p, &h), "{}", p);
                    }
                }
                for &(a, b) in &asked.pairs {
                    let p = format!("{}{}", a as char, b as char);
                    prop_assert_eq!(shorts.pair(a, b), general(&p, &h), "{}", p);
                }
            }
        }
    }
}
