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

/// One entry's least shortfall of each of its short queries. Buffers are
/// kept from one entry to the next.
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
    /// The two-letter words' beginnings: (first's place, second, row, least).
    pairs: Vec<(u8, u8, Row, i32)>,
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
            pairs: Vec::new(),
        }
    }
}

impl EntryShorts {
    /// Measures haystack `h` (projected, beginning with a space) for the
    /// queries of `firsts` (measurable letters, distinct) and of `pairs`
    /// (their first two letters, both measurable).
    pub(super) fn measure(&mut self, h: &[u8], firsts: &[u8], pairs: &[(u8, u8)]) {
        self.reset(firsts, pairs);
        for k in 1..h.len() {
            let c = h[k];
            let bonus = byte_bonus(h[k - 1], c);
            let k = k as i32;
            if c == b' ' {
                for (at, row) in self.letter.iter().enumerate() {
                    let loss = row.next_at(k, AFTER_LETTER, bonus);
                    self.letter_space[at].push(k, loss);
                }
                continue;
            }
            self.pairs_at(c, k, bonus);
            let Some(&y) = self.place.get(c as usize) else {
                continue;
            };
            if y == NOT_FIRST {
                continue;
            }
            let (y, n) = (y as usize, self.firsts.len());
            for x in 0..n {
                let loss = self.letter_space[x].next_at(k, AFTER_SPACE, bonus);
                let least = &mut self.spaced[x * n + y];
                *least = (*least).min(loss);
            }
            let loss = 8 - bonus;
            self.single[y] = self.single[y].min(loss);
            self.letter[y].push(k, loss);
        }
    }

    fn reset(&mut self, firsts: &[u8], pairs: &[(u8, u8)]) {
        for &c in &self.firsts {
            self.place[c as usize] = NOT_FIRST;
        }
        self.firsts.clear();
        self.firsts.extend_from_slice(firsts);
        for (at, &c) in firsts.iter().enumerate() {
            self.place[c as usize] = at as u8;
        }
        let n = firsts.len();
        self.letter.clear();
        self.letter.resize(n, Row::EMPTY);
        self.letter_space.clear();
        self.letter_space.resize(n, Row::EMPTY);
        self.single.clear();
        self.single.resize(n, NONE);
        self.spaced.clear();
        self.spaced.resize(n * n, NONE);
        self.pairs.clear();
        self.pairs.extend(
            pairs
                .iter()
                .map(|&(a, b)| (self.place[a as usize], b, Row::EMPTY, NONE)),
        );
    }

    /// Follows each two-letter beginning whose second letter is `c`, from
    /// its first letter's states before position `k`.
    fn pairs_at(&mut self, c: u8, k: i32, bonus: i32) {
        for (x, b, row, least) in &mut self.pairs {
            if *b != c {
                continue;
            }
            let loss = self.letter[*x as usize].next_at(k, AFTER_LETTER, bonus);
            *least = (*least).min(loss);
            row.push(k, loss);
        }
    }

    fn found(loss: i32) -> Option<u32> {
        (loss < NONE).then_some(loss as u32)
    }

    /// The least shortfall of first letter `a` alone.
    pub(super) fn single(&self, a: u8) -> Option<u32> {
        Self::found(self.single[self.place[a as usize] as usize])
    }

    /// The least shortfall of `a b`, both first letters.
    pub(super) fn spaced(&self, a: u8, b: u8) -> Option<u32> {
        let n = self.firsts.len();
        let (x, y) = (self.place[a as usize], self.place[b as usize]);
        Self::found(self.spaced[x as usize * n + y as usize])
    }

    /// The least shortfall of `ab`, one of the pairs measured.
    pub(super) fn pair(&self, a: u8, b: u8) -> Option<u32> {
        let x = self.place[a as usize];
        let &(_, _, _, least) = self
            .pairs
            .iter()
            .find(|&&(px, pb, _, _)| px == x && pb == b)
            .expect("pairs measured");
        Self::found(least)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::shortfall::{Scratch, Shortfall};
    use proptest::prelude::*;

    fn general(pattern: &str, h: &[u8]) -> Option<u32> {
        Shortfall::new(pattern).within_projected(h, u32::MAX, &mut Scratch::default())
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 2000,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// Every query's shortfall is the one measured for it alone.
        #[test]
        fn one_pass_measures_as_each_query_alone(
            haystack in "[abnt1 ()/.|\u{80}\u{81}-]{0,60}",
            firsts in proptest::sample::subsequence(b"abnt1".to_vec(), 1..=5),
            seconds in proptest::collection::vec(proptest::sample::select(b"abnt1".to_vec()), 5),
        ) {
            let h: Vec<u8> = std::iter::once(b' ')
                .chain(haystack.chars().map(|c| c as u32 as u8))
                .collect();
            let pairs: Vec<(u8, u8)> = firsts.iter().zip(&seconds).map(|(&a, &b)| (a, b)).collect();
            let mut shorts = EntryShorts::default();
            shorts.measure(&h, &firsts, &pairs);
            for &a in &firsts {
                let p = (a as char).to_string();
                prop_assert_eq!(shorts.single(a), general(&p, &h), "{}", p);
                for &b in &firsts {
                    let p = format!("{} {}", a as char, b as char);
                    prop_assert_eq!(shorts.spaced(a, b), general(&p, &h), "{}", p);
                }
            }
            for &(a, b) in &pairs {
                let p = format!("{}{}", a as char, b as char);
                prop_assert_eq!(shorts.pair(a, b), general(&p, &h), "{}", p);
            }
        }
    }
}
