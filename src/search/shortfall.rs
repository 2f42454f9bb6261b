//! How far below its best possible score fuzzy-matcher scores an entry,
//! found by following only the alignments that stay close to the best.
//!
//! fuzzy-matcher's skim algorithm (a fresh matcher's full matrix, see
//! [`super::rank`]) scores an alignment of the query's characters in the
//! haystack character by character: 16 for each match, plus a bonus set by
//! the haystack character before it (8 after a space, slash or bracket, 7
//! after other ASCII punctuation, 0 inside a word; a character right after
//! the previous match gets at least 4), minus 4 for the first character of a
//! gap and 1 for each further one; the first match starts from -1. So every
//! character has a most it can earn, and an alignment's shortfall from the
//! sum of those is a sum of non-negative losses that only grow with gaps.
//! Measuring shortfalls on bytes, without fuzzy-matcher's allocations, is
//! several times cheaper than asking it for scores, and orders entries
//! exactly as its scores do.

/// fuzzy-matcher's bonus for a character given the one before it.
#[inline]
const fn bonus(prev: char, cur: char) -> i32 {
    let hard = matches!(
        prev,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' | '\0'
    );
    let soft = matches!(prev, '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~');
    if hard {
        8
    } else if soft {
        7
    } else if cur.is_ascii_uppercase() && (prev.is_ascii_digit() || !prev.is_ascii_uppercase()) {
        6
    } else {
        0
    }
}

/// A haystack character: bytes for ASCII text, chars otherwise.
trait Sym: Copy + Eq {
    fn char(self) -> char;
    /// Calls `f` with each position from `from` on where `x` stands.
    fn each_at(h: &[Self], x: Self, from: usize, f: impl FnMut(usize));
}

impl Sym for u8 {
    fn char(self) -> char {
        // Bytes past ASCII stand for any non-ASCII character: fuzzy-matcher
        // gives them all the bonus of a word letter.
        if self < 0x80 { self as char } else { 'é' }
    }
    fn each_at(h: &[u8], x: u8, from: usize, mut f: impl FnMut(usize)) {
        if from < h.len() {
            memchr::memchr_iter(x, &h[from..]).for_each(|k| f(from + k));
        }
    }
}

impl Sym for char {
    fn char(self) -> char {
        self
    }
    fn each_at(h: &[char], x: char, from: usize, mut f: impl FnMut(usize)) {
        for (k, &c) in h.iter().enumerate().skip(from) {
            if c == x {
                f(k);
            }
        }
    }
}

/// A query pattern, ready to measure shortfalls against.
#[derive(Debug, Clone)]
pub struct Shortfall {
    pattern: Vec<char>,
    /// The pattern's bytes when it is ASCII.
    bytes: Option<Vec<u8>>,
    /// What each character earns right after the one before it in the
    /// pattern: the most it can earn (the first one's is for a word start).
    earns: Vec<i32>,
    /// For each byte, the places it stands at in an ASCII pattern of at
    /// most 64 characters, one bit each.
    rows_of: Option<Box<[u64; 256]>>,
}

/// Buffers reused from one entry to the next.
#[derive(Debug, Default)]
pub struct Scratch {
    chars: Vec<char>,
    row: Vec<(i32, i32)>,
    next_row: Vec<(i32, i32)>,
    rows: Vec<Row>,
    until: Vec<i32>,
}

/// One pass of [`Shortfall::least_bytes`] over a haystack.
struct Pass<'a> {
    rows: &'a mut [Row],
    /// Per row, the last position at which it can feed the next row.
    until: &'a mut [i32],
    /// Rows that can feed the next one, one bit each (never the last).
    alive: u64,
    /// The least of `until` over the rows alive.
    expiry: i32,
    budget: i32,
    least: i32,
}

impl Pass<'_> {
    /// Takes the pattern characters of rows `here` (one bit each) at
    /// position `k`, last row first.
    #[inline]
    fn step(&mut self, mut here: u64, k: i32, bonus: i32, earns: &[i32]) {
        let last = self.rows.len() - 1;
        while here != 0 {
            let i = 63 - here.leading_zeros() as usize;
            here &= !(1 << i);
            let loss = match i {
                0 => 8 - bonus,
                _ => self.rows[i - 1].next_at(k, earns[i], bonus),
            };
            if loss > self.budget {
                continue;
            }
            if i == last {
                self.least = self.least.min(loss);
                self.budget = self.budget.min(self.least - 1);
                continue;
            }
            self.rows[i].push(k, loss);
            self.alive |= 1 << i;
            self.until[i] = self.rows[i].feeds_until(self.budget, earns[i + 1]);
            self.expiry = self.expiry.min(self.until[i]);
        }
    }

    /// Empties the rows that can no longer feed the next one at `k` or
    /// after.
    fn expire(&mut self, k: i32) {
        let mut expiry = i32::MAX;
        let mut alive = self.alive;
        while alive != 0 {
            let i = alive.trailing_zeros() as usize;
            alive &= alive - 1;
            if self.until[i] < k {
                self.alive &= !(1 << i);
                self.rows[i] = Row::EMPTY;
            } else {
                expiry = expiry.min(self.until[i]);
            }
        }
        self.expiry = expiry;
    }
}

/// No state: far above any budget, and far enough from overflow to add
/// positions and earnings to.
pub(super) const NONE: i32 = i32::MAX / 2;

/// fuzzy-matcher's bonus for a projected byte given the one before it
/// (past ASCII: a word letter).
#[inline]
pub(super) fn byte_bonus(prev: u8, cur: u8) -> i32 {
    i32::from(BONUS_AFTER[prev as usize][usize::from(cur.is_ascii_uppercase())])
}

/// [`bonus`] on bytes, by the byte before and whether the byte is an
/// upper-case letter: the only thing about it the bonus looks at.
static BONUS_AFTER: [[u8; 2]; 256] = bonus_table();

const fn bonus_table() -> [[u8; 2]; 256] {
    let mut table = [[0u8; 2]; 256];
    let mut prev = 0;
    while prev < 256 {
        // Past ASCII a byte stands for a word letter, as Latin-1's do.
        let b = prev as u8 as char;
        table[prev] = [bonus(b, 'a') as u8, bonus(b, 'A') as u8];
        prev += 1;
    }
    table
}

/// The states of one pattern row in a pass over bytes: its latest
/// (position, shortfall), and the least (shortfall - position) of those
/// before it, which are two or more positions behind any later one.
#[derive(Debug, Clone, Copy)]
pub(super) struct Row {
    latest: (i32, i32),
    run: i32,
}

impl Row {
    pub(super) const EMPTY: Row = Row {
        latest: (-2, NONE),
        run: NONE,
    };

    /// The shortfall of the next row's character at position `k`, earning
    /// `earns` at most and `bonus` there, given this row's states.
    pub(super) fn next_at(&self, k: i32, earns: i32, bonus: i32) -> i32 {
        let (j, at_j) = self.latest;
        if at_j >= NONE {
            return NONE;
        }
        let (gap_from, right_after) = if j + 1 == k {
            (self.run, at_j)
        } else {
            (self.run.min(at_j - j), NONE)
        };
        (gap_from + earns + 2 + k - bonus).min(right_after)
    }

    /// The last position at which the next row's character can take a
    /// shortfall within `budget` from this row's states, earning `earns` at
    /// most: right after the latest, or after a gap, which costs at least
    /// its length plus 2 plus `earns` less the largest bonus (8).
    fn feeds_until(&self, budget: i32, earns: i32) -> i32 {
        let (j, at_j) = self.latest;
        let least_from = self.run.min(at_j - j);
        (j + 1).max(budget + 6 - earns - least_from)
    }

    /// Records a state at position `k` (none when `loss` is [`NONE`]).
    pub(super) fn push(&mut self, k: i32, loss: i32) {
        if loss >= NONE {
            return;
        }
        let (j, at_j) = self.latest;
        if at_j < NONE {
            self.run = self.run.min(at_j - j);
        }
        self.latest = (k, loss);
    }
}

impl Shortfall {
    pub fn new(pattern: &str) -> Shortfall {
        let pattern: Vec<char> = pattern.chars().collect();
        let earns = (0..pattern.len())
            .map(|i| match i {
                0 => 8,
                _ => bonus(pattern[i - 1], pattern[i]).max(4),
            })
            .collect();
        let bytes: Option<Vec<u8>> = pattern
            .iter()
            .all(char::is_ascii)
            .then(|| pattern.iter().map(|&c| c as u8).collect());
        let rows_of = bytes.as_ref().filter(|b| b.len() <= 64).map(|b| {
            let mut rows = Box::new([0u64; 256]);
            for (i, &c) in b.iter().enumerate() {
                rows[c as usize] |= 1 << i;
            }
            rows
        });
        Shortfall {
            pattern,
            bytes,
            earns,
            rows_of,
        }
    }

    /// fuzzy-matcher's best possible score for the pattern.
    pub fn best(&self) -> i64 {
        let n = self.pattern.len() as i64;
        16 * n - 1 + self.earns.iter().map(|&e| e as i64).sum::<i64>()
    }

    /// The least shortfall of the pattern in `haystack`, however large: the
    /// best score less fuzzy-matcher's score; `None` when it does not match.
    pub fn exact(&self, haystack: &str, scratch: &mut Scratch) -> Option<u32> {
        self.within(haystack, u32::MAX / 4, scratch)
    }

    /// The least shortfall of the pattern in `haystack` when it is at most
    /// `budget`; alignments that lose more are dropped as soon as they do.
    pub fn within(&self, haystack: &str, budget: u32, scratch: &mut Scratch) -> Option<u32> {
        let budget = budget.min(u32::MAX / 4) as i32;
        match &self.bytes {
            Some(bytes) if haystack.is_ascii() => {
                self.least_bytes(haystack.as_bytes(), bytes, budget, scratch)
            }
            _ => {
                let mut chars = std::mem::take(&mut scratch.chars);
                chars.clear();
                chars.extend(haystack.chars());
                let r = self.least_any(&chars, &self.pattern, budget, scratch);
                scratch.chars = chars;
                r
            }
        }
    }

    /// Whether the pattern is ASCII, so that [`Shortfall::within_projected`]
    /// applies.
    pub fn is_ascii(&self) -> bool {
        self.bytes.is_some()
    }

    /// [`Shortfall::within`] on a haystack given with one byte per
    /// character, bytes past ASCII standing for characters outside it: such
    /// characters never meet an ASCII pattern, and fuzzy-matcher counts them
    /// all as word letters. `None` when the pattern is not ASCII.
    pub fn within_projected(
        &self,
        haystack: &[u8],
        budget: u32,
        scratch: &mut Scratch,
    ) -> Option<u32> {
        let budget = budget.min(u32::MAX / 4) as i32;
        self.least_bytes(haystack, self.bytes.as_deref()?, budget, scratch)
    }

    /// [`Shortfall::least_any`] on bytes, in one pass over the haystack
    /// instead of one per pattern character: short haystacks spend more
    /// on starting each search for a byte than on the search. Rows are
    /// updated last first at each position, so a state found there feeds
    /// only later positions.
    ///
    /// Most haystacks ranked fall short by more than the budget, so the
    /// pass drops what cannot stay within it: a row whose states are too
    /// far behind to feed the next row within the budget is emptied, the
    /// budget shrinks below the least shortfall found (only a smaller one
    /// matters), and while no row holds a state the pass jumps to the next
    /// place of the pattern's first character.
    fn least_bytes(&self, h: &[u8], p: &[u8], budget: i32, scratch: &mut Scratch) -> Option<u32> {
        let Some(rows_of) = &self.rows_of else {
            return self.least_any(h, p, budget, scratch);
        };
        let n = p.len();
        let Scratch { rows, until, .. } = scratch;
        rows.clear();
        rows.resize(n, Row::EMPTY);
        until.clear();
        until.resize(n, -1);
        let mut pass = Pass {
            rows,
            until,
            alive: 0,
            expiry: i32::MAX,
            budget,
            least: NONE,
        };
        let mut k = 1;
        'pass: while k < h.len() {
            if pass.alive == 0 {
                match memchr::memchr(p[0], &h[k..]) {
                    Some(at) => k += at,
                    None => break,
                }
            }
            // The next position where a row takes a character.
            let wanted = (pass.alive << 1) | 1;
            while rows_of[h[k] as usize] & wanted == 0 {
                k += 1;
                if k == h.len() {
                    break 'pass;
                }
            }
            if k as i32 > pass.expiry {
                pass.expire(k as i32);
            }
            let here = rows_of[h[k] as usize] & ((pass.alive << 1) | 1);
            if here != 0 {
                pass.step(here, k as i32, byte_bonus(h[k - 1], h[k]), &self.earns);
                if pass.budget < 0 {
                    break;
                }
            }
            k += 1;
        }
        (pass.least < NONE).then_some(pass.least as u32)
    }

    /// Row by row, as fuzzy-matcher does, but only at the positions where
    /// the row's character stands, and on shortfalls: the best gap into a
    /// position comes from a running minimum over the positions before it.
    fn least_any<S: Sym>(
        &self,
        h: &[S],
        p: &[S],
        budget: i32,
        scratch: &mut Scratch,
    ) -> Option<u32> {
        let (row, next) = (&mut scratch.row, &mut scratch.next_row);
        row.clear();
        S::each_at(h, p[0], 1, |k| {
            let loss = 8 - bonus(h[k - 1].char(), h[k].char());
            if loss <= budget {
                row.push((k as i32, loss));
            }
        });
        for (&x, &earns) in p.iter().zip(&self.earns).skip(1) {
            if row.is_empty() {
                return None;
            }
            next.clear();
            // Least (shortfall - position) over the states two or more
            // positions back: the start of any gap into position k.
            let mut run = i32::MAX / 2;
            let mut at = 0;
            S::each_at(h, x, row[0].0 as usize + 1, |k| {
                let bonus = bonus(h[k - 1].char(), h[k].char());
                let k = k as i32;
                while at < row.len() && row[at].0 + 2 <= k {
                    run = run.min(row[at].1 - row[at].0);
                    at += 1;
                }
                let after_gap = run + earns + 2 + k - bonus;
                let right_after = match row.get(at) {
                    Some(&(j, loss)) if j + 1 == k => loss,
                    _ => i32::MAX / 2,
                };
                let loss = after_gap.min(right_after);
                if loss <= budget {
                    next.push((k, loss));
                }
            });
            std::mem::swap(row, next);
        }
        row.iter().map(|s| s.1).min().map(|l| l as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    fn skim(haystack: &str, pattern: &str) -> Option<i64> {
        SkimMatcherV2::default()
            .fuzzy_indices(haystack, pattern)
            .map(|(score, _)| score)
    }

    #[test]
    fn best_is_the_pattern_at_a_word_start() {
        for p in ["ngo", "ngo dong hai", "153-kh/tu", "chủ tịch", "a"] {
            let s = Shortfall::new(p);
            assert_eq!(Some(s.best()), skim(&format!(" {p}"), p), "{p}");
            assert_eq!(s.exact(&format!(" {p}"), &mut Scratch::default()), Some(0));
        }
    }

    #[test]
    fn the_byte_bonus_is_fuzzy_matchers() {
        for prev in 0..=255u8 {
            for cur in 0..=255u8 {
                assert_eq!(
                    byte_bonus(prev, cur),
                    bonus(prev.char(), cur.char()),
                    "{prev} {cur}"
                );
            }
        }
    }

    #[test]
    fn a_match_far_past_the_last_state_is_kept() {
        // Each "n" starts a state that expires long before the match at
        // the end; the budget still finds it, and the least shortfall.
        let h = format!(" n{} ngo do", "x".repeat(200));
        let s = Shortfall::new("ngo do");
        let projected = h.as_bytes();
        let exact = s.within_projected(projected, u32::MAX, &mut Scratch::default());
        assert_eq!(exact, Some(0));
        assert_eq!(
            s.within_projected(projected, 0, &mut Scratch::default()),
            Some(0)
        );
        let h = format!(" ngo{} do", "x".repeat(200));
        let exact = s.within_projected(h.as_bytes(), u32::MAX, &mut Scratch::default());
        assert!(exact.is_some_and(|l| l > 17));
        assert_eq!(
            s.within_projected(h.as_bytes(), 17, &mut Scratch::default()),
            None
        );
        let budget = exact.unwrap();
        assert_eq!(
            s.within_projected(h.as_bytes(), budget, &mut Scratch::default()),
            exact
        );
    }

    #[test]
    fn long_haystacks_with_far_apart_matches() {
        // fuzzy-matcher's two-row score-only matrix gives 4 here, reading a
        // cell left from another row; the best alignment scores -5.
        let h = " ubnd thanh pho nhat tri cao voi de an nang cao chat luong nguon nhan luc giai doan 2026-2030 — ubnd thanh pho";
        let s = Shortfall::new("t-d");
        let expected = (s.best() - skim(h, "t-d").expect("matches")) as u32;
        assert_eq!(s.exact(h, &mut Scratch::default()), Some(expected));
    }

    proptest! {
        #![proptest_config(crate::testing::cases(500))]

        #[test]
        fn long_random_haystacks(
            pattern in "[tdno]{1,2}([ -][tdnoư]{1,3}){0,2}",
            haystack in "[tdnoưa1 ()/.|—-]{0,160}",
        ) {
            let haystack = format!(" {haystack}");
            let s = Shortfall::new(&pattern);
            let expected = skim(&haystack, &pattern).map(|score| (s.best() - score) as u32);
            prop_assert_eq!(s.exact(&haystack, &mut Scratch::default()), expected);
            if s.is_ascii() {
                let projected: Vec<u8> = crate::search::index::project(&haystack).collect();
                let within = s.within_projected(&projected, u32::MAX, &mut Scratch::default());
                prop_assert_eq!(within, expected);
                // Alignments within a budget are never dropped, however
                // far apart the states that lead to them.
                for budget in [0, 3, 8, 12, 17, 25, 40] {
                    let within = s.within_projected(&projected, budget, &mut Scratch::default());
                    prop_assert_eq!(within, expected.filter(|&l| l <= budget), "budget {}", budget);
                }
            }
        }
    }

    proptest! {
        #![proptest_config(crate::testing::cases(3000))]

        /// Against fuzzy-matcher itself, on haystacks full of near misses.
        #[test]
        fn shortfall_is_fuzzy_matchers_score_from_the_best(
            pattern in "[ngoư1]{1,3}([ -][ngoư1A]{1,3})?",
            haystack in "[ngoưA1 ()/.|-]{0,24}",
        ) {
            let haystack = format!(" {haystack}");
            let s = Shortfall::new(&pattern);
            let expected = skim(&haystack, &pattern).map(|score| (s.best() - score) as u32);
            prop_assert_eq!(s.exact(&haystack, &mut Scratch::default()), expected);
            // A budget keeps exactly the alignments within it.
            for budget in [0, 4, 9, 20] {
                let within = s.within(&haystack, budget, &mut Scratch::default());
                prop_assert_eq!(within, expected.filter(|&l| l <= budget));
            }
        }
    }
}
