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

use super::shortfall::{NONE, Row, byte_bonus};

/// Not one of the entry's first letters.
const NOT_FIRST: u8 = u8::MAX;

/// What the letter after a letter (or a space after a letter) earns at
/// most; and a letter after a space.
const AFTER_LETTER: i32 = 4;
const AFTER_SPACE: i32 = 8;

/// Whether a query letter is one measured here.
pub(super) fn measurable(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

/// One entry's least shortfall of each of its short queries asked for.
/// Buffers are kept from one entry to the next.
///
/// Every first letter alone is measured (a minimum per letter); a query
/// of two letters is followed only when asked for, since most of an
/// entry's queries cannot beat the lists they would enter and so are not.
#[derive(Debug)]
pub(super) struct EntryShorts {
    /// Each byte's place among the first letters, or [`NOT_FIRST`].
    place: [u8; 128],
    firsts: Vec<u8>,
    /// Per first letter: the letter alone, and the letter and a space.
    letter: Vec<Row>,
    letter_space: Vec<Row>,
    single: Vec<i32>,
    /// Per two first letters (first * firsts + second): `a b`.
    spaced: Vec<i32>,
    /// Per first letter, the most an `a b` asked for of it may fall short:
    /// a state of the letter and a space past that leads nowhere wanted.
    head_budget: Vec<i32>,
    /// First letters with an `a b` asked for, one bit per place.
    heads: u64,
    /// Per second letter's place, the places of the first letters whose
    /// `a b` is asked for.
    spaced_into: Vec<u64>,
    /// Letters whose rows hold a state, one bit per place.
    letters_live: u64,
    heads_live: u64,
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
}

impl Default for EntryShorts {
    fn default() -> EntryShorts {
        EntryShorts {
            place: [NOT_FIRST; 128],
            firsts: Vec::new(),
            letter: Vec::new(),
            letter_space: Vec::new(),
            single: Vec::new(),
            spaced: Vec::new(),
            head_budget: Vec::new(),
            heads: 0,
            spaced_into: Vec::new(),
            letters_live: 0,
            heads_live: 0,
            last_space: 0,
            seen: Vec::new(),
            pairs: Vec::new(),
            pairs_of: [(0, 0); 128],
        }
    }
}

/// What one entry's pass measures besides its first letters alone.
#[derive(Debug, Default)]
pub(super) struct Asked {
    /// The entry's first letters: measurable, distinct, at most 64.
    pub(super) firsts: Vec<u8>,
    /// `ab`: both measurable, `a` one of `firsts`.
    pub(super) pairs: Vec<(u8, u8)>,
    /// `a b`, both of `firsts`, with the most it may fall short and still
    /// be of use: past that, what is found for it may be anything larger.
    pub(super) spaced: Vec<(u8, u8, u32)>,
}

impl Asked {
    pub(super) fn clear(&mut self) {
        self.firsts.clear();
        self.pairs.clear();
        self.spaced.clear();
    }
}

impl EntryShorts {
    /// Measures haystack `h` (projected, beginning with a space) for the
    /// queries `asked`.
    pub(super) fn measure(&mut self, h: &[u8], asked: &Asked) {
        self.start(&asked.firsts);
        for &(a, b, budget) in &asked.spaced {
            let (x, y) = (self.place[a as usize], self.place[b as usize]);
            self.ask_spaced(x as usize, y as usize, budget);
        }
        for &(a, b) in &asked.pairs {
            self.ask_pair(a, b);
        }
        self.run(h);
    }

    /// Starts an entry whose first letters are `firsts` (measurable,
    /// distinct, at most 64), with nothing asked for yet but the letters
    /// alone.
    pub(super) fn start(&mut self, firsts: &[u8]) {
        for &c in &self.firsts {
            self.place[c as usize] = NOT_FIRST;
        }
        for &(b, ..) in &self.pairs {
            self.pairs_of[b as usize] = (0, 0);
        }
        self.pairs.clear();
        debug_assert!(firsts.len() <= 64);
        self.firsts.clear();
        self.firsts.extend_from_slice(firsts);
        for (at, &c) in firsts.iter().enumerate() {
            self.place[c as usize] = at as u8;
        }
        let n = firsts.len();
        for rows in [&mut self.letter, &mut self.letter_space] {
            rows.clear();
            rows.resize(n, Row::EMPTY);
        }
        self.single.clear();
        self.single.resize(n, NONE);
        self.spaced.clear();
        self.spaced.resize(n * n, NONE);
        self.letters_live = 0;
        self.heads_live = 0;
        self.last_space = 0;
        self.seen.clear();
        self.seen.resize(n, (-1, 0));
        self.head_budget.clear();
        self.head_budget.resize(n, -1);
        self.spaced_into.clear();
        self.spaced_into.resize(n, 0);
        self.heads = 0;
    }

    /// Asks for `a b`, where `a` and `b` are the first letters at places
    /// `x` and `y`, exact within `budget` (see [`Asked::spaced`]).
    #[inline]
    pub(super) fn ask_spaced(&mut self, x: usize, y: usize, budget: u32) {
        let budget = budget.min(NONE as u32 - 1) as i32;
        self.head_budget[x] = self.head_budget[x].max(budget);
        self.spaced_into[y] |= 1 << x;
        self.heads |= 1 << x;
    }

    /// Asks for `ab`: `a` one of the first letters, `b` measurable; each
    /// pair at most once.
    #[inline]
    pub(super) fn ask_pair(&mut self, a: u8, b: u8) {
        self.pairs.push((b, self.place[a as usize], a, NONE));
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

    /// Follows the rows of the letters with an `a b` asked for into a
    /// space at `k`.
    fn space_at(&mut self, k: i32, bonus: i32) {
        self.last_space = k;
        let mut live = self.heads & self.letters_live;
        while live != 0 {
            let x = live.trailing_zeros() as usize;
            live &= live - 1;
            let loss = self.letter[x].next_at(k, AFTER_LETTER, bonus);
            if loss <= self.head_budget[x] {
                self.letter_space[x].push(k, loss);
                self.heads_live |= 1 << x;
            }
        }
    }

    /// First letter `y` at `k`: alone, and after each letter and a space.
    fn first_at(&mut self, y: usize, k: i32, bonus: i32) {
        if self.counts_after_space(y, k, bonus) {
            self.spaced_at_first(y, k, bonus);
        }
        let loss = 8 - bonus;
        self.single[y] = self.single[y].min(loss);
        self.letter[y].push(k, loss);
        self.letters_live |= 1 << y;
    }

    /// Whether first letter `y` at `k` may end an `a b` with less
    /// shortfall than where it stood before since the last space: from
    /// the same states, a later place costs one more per step and gains
    /// only its bonus, and right after the space is the first place.
    #[inline]
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
        let n = self.firsts.len();
        let mut live = self.spaced_into[y] & self.heads_live;
        while live != 0 {
            let x = live.trailing_zeros() as usize;
            live &= live - 1;
            let loss = self.letter_space[x].next_at(k, AFTER_SPACE, bonus);
            let least = &mut self.spaced[x * n + y];
            *least = (*least).min(loss);
        }
    }

    /// Sorts the pairs asked for by second letter and finds each second
    /// letter's range of them.
    fn index_pairs(&mut self) {
        self.pairs.sort_unstable_by_key(|&(b, x, ..)| (b, x));
        let mut from = 0;
        while from < self.pairs.len() {
            let b = self.pairs[from].0;
            let to = from + self.pairs[from..].partition_point(|p| p.0 == b);
            self.pairs_of[b as usize] = (from as u16, to as u16);
            from = to;
        }
    }

    /// Follows each two-letter beginning of `range` (whose second letter
    /// stands at `k`) from its first letter's states before `k`.
    fn pairs_at(&mut self, range: std::ops::Range<usize>, k: i32, bonus: i32) {
        for (_, x, _, least) in &mut self.pairs[range] {
            let loss = self.letter[*x as usize].next_at(k, AFTER_LETTER, bonus);
            *least = (*least).min(loss);
        }
    }

    fn found(loss: i32) -> Option<u32> {
        (loss < NONE).then_some(loss as u32)
    }

    /// The least shortfall of the first letter at place `x` alone.
    pub(super) fn single_at(&self, x: usize) -> Option<u32> {
        Self::found(self.single[x])
    }

    /// [`EntryShorts::spaced`] by the places of the two first letters.
    pub(super) fn spaced_at(&self, x: usize, y: usize) -> Option<u32> {
        Self::found(self.spaced[x * self.firsts.len() + y])
    }

    /// The least shortfall of first letter `a` alone.
    pub(super) fn single(&self, a: u8) -> Option<u32> {
        self.single_at(self.place[a as usize] as usize)
    }

    /// The least shortfall of `a b`, asked for, when within the budget it
    /// was asked with; past it, None or some larger shortfall.
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
            let mut asked = Asked {
                firsts: firsts.clone(),
                pairs: firsts.iter().zip(&seconds).map(|(&a, &b)| (a, b)).collect(),
                ..Asked::default()
            };
            for &a in &firsts {
                for &b in &firsts {
                    asked.spaced.push((a, b, u32::MAX));
                }
            }
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
        }

        /// A first letter that stands again before the next space, with
        /// or without a better bonus, is measured as where it stood first.
        #[test]
        fn letters_again_within_a_word_are_measured_as_alone(
            haystack in "([abn]{1,2}[abn/(.-]{0,6} ){0,8}",
        ) {
            let h = projected(&haystack);
            let firsts = b"abn".to_vec();
            let mut asked = Asked { firsts: firsts.clone(), ..Asked::default() };
            for &a in &firsts {
                for &b in &firsts {
                    asked.spaced.push((a, b, u32::MAX));
                }
            }
            let mut shorts = EntryShorts::default();
            shorts.measure(&h, &asked);
            for &(a, b, _) in &asked.spaced {
                let p = format!("{} {}", a as char, b as char);
                prop_assert_eq!(shorts.spaced(a, b), general(&p, &h), "{}", p);
            }
        }

        /// Queries asked for with a budget are exact within it, however
        /// few of them are asked for and whatever was asked before.
        #[test]
        fn queries_asked_within_a_budget_are_exact_within_it(
            haystacks in proptest::collection::vec("[abnt1 ()/.|\u{80}\u{81}-]{0,60}", 2),
            firsts in proptest::sample::subsequence(b"abnt1".to_vec(), 1..=5),
            asked_spaced in proptest::collection::vec((0..5usize, 0..5usize, 0..30u32), 0..6),
            asked_pairs in proptest::collection::vec((0..5usize, proptest::sample::select(b"abnt1".to_vec())), 0..4),
        ) {
            let n = firsts.len();
            let spaced: Vec<(u8, u8, u32)> = asked_spaced
                .iter()
                .map(|&(x, y, budget)| (firsts[x % n], firsts[y % n], budget))
                .collect();
            let mut pairs: Vec<(u8, u8)> = asked_pairs.iter().map(|&(x, b)| (firsts[x % n], b)).collect();
            pairs.sort_unstable();
            pairs.dedup();
            let asked = Asked { firsts: firsts.clone(), pairs, spaced };
            let mut shorts = EntryShorts::default();
            for haystack in &haystacks {
                let h = projected(haystack);
                shorts.measure(&h, &asked);
                for &(a, b, budget) in &asked.spaced {
                    let p = format!("{} {}", a as char, b as char);
                    let within = |l: Option<u32>| l.filter(|&l| l <= budget);
                    prop_assert_eq!(within(shorts.spaced(a, b)), within(general(&p, &h)), "{}", p);
                }
                for &(a, b) in &asked.pairs {
                    let p = format!("{}{}", a as char, b as char);
                    prop_assert_eq!(shorts.pair(a, b), general(&p, &h), "{}", p);
                }
                for &a in &firsts {
                    prop_assert_eq!(shorts.single(a), general(&(a as char).to_string(), &h));
                }
            }
        }
    }
}
