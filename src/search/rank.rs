//! Finding and ranking the entries that match a query.
//!
//! What matches: every word of the query begins a word of the entry
//! (folded, so `uy ban` meets Ủy ban and Uỷ ban, and `hai` meets Hải but not
//! Thái), and fuzzy-matcher's skim algorithm matches the folded query in the
//! entry's folded text. How they rank: when the query carries marks, entries
//! whose words keep those marks come first; then by fuzzy-matcher's score;
//! then by kind and corpus order. [`exhaustive`] says exactly this by
//! reading every entry; [`Searcher`] gives the same answer from the index.
//!
//! Why the index can stop early: the haystack starts with a space, so every
//! word start earns the same bonus, and with a fresh matcher each entry's
//! score is the best possible score less a shortfall that only alignments
//! close to the best can keep small (see [`super::shortfall`]). Entries
//! with no shortfall are tied at the best score and come in corpus order,
//! so once a page of them is found the rest cannot rank higher; otherwise
//! the candidates' shortfalls within a budget order them, and only when
//! too few fall within it are the others scored in full.

use std::borrow::Cow;
use std::collections::BinaryHeap;
use std::ops::Range;
use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::text::fold::{fold_char_into, has_diacritics, word_key};
use crate::text::{Folded, fold, normalize};

use super::Hit;
use super::index::{Index, folded_words, holds_any, marked_words};
use super::shortfall::{Scratch, Shortfall};

/// Score bonus of entries that keep the marks the query was typed with.
const MARKED_BONUS: i64 = 1_000;

/// A query, read once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Folded, words joined by single spaces: what fuzzy-matcher scores.
    pub pattern: String,
    /// Folded words; each must begin a word of a result.
    pub words: Vec<String>,
    /// Lex keys of the words typed with marks.
    pub marked: Vec<String>,
}

impl Query {
    /// Reads a query; `None` when it has no letter or digit.
    pub fn parse(query: &str) -> Option<Query> {
        let query = normalize(query);
        let pattern = fold(&query)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let words: Vec<String> = folded_words(&pattern).map(str::to_string).collect();
        if words.is_empty() {
            return None;
        }
        let marked = query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| has_diacritics(w))
            .map(|w| word_key(w).into_owned())
            .collect();
        Some(Query {
            pattern,
            words,
            marked,
        })
    }
}

/// fuzzy-matcher's score of `pattern` in `haystack` with the matched
/// positions, from a fresh matcher and its full score matrix. A reused
/// matcher reads cells left over from earlier entries, and the two-row
/// matrix behind its score-only call reads cells left over from other rows,
/// so either can score the same entry differently; this one always gives
/// the best alignment's score.
fn score_with_positions(haystack: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
    SkimMatcherV2::default().fuzzy_indices(haystack, pattern)
}

/// The matched characters of `pattern` (folded) in `text` as written: the
/// best alignment's positions in the entry's haystack, mapped back.
pub(super) fn positions(text: &str, pattern: &str) -> Vec<usize> {
    let mut haystack = String::from(" ");
    for c in text.chars() {
        fold_char_into(c, &mut haystack);
    }
    let (_, folded_at) = score_with_positions(&haystack, pattern).unwrap_or_default();
    // The haystack's leading space is not in the folded text.
    let at: Vec<usize> = folded_at.iter().filter_map(|&j| j.checked_sub(1)).collect();
    Folded::new(text).original_indices(&at)
}

/// The matching entries, best first, at most `limit`, found by reading
/// every entry: the definition the index must agree with.
pub fn exhaustive(index: &Index, query: &str, limit: usize) -> Vec<Hit> {
    let Some(q) = Query::parse(query) else {
        return Vec::new();
    };
    let mut found: Vec<(bool, i64, usize)> = Vec::new();
    for i in 0..index.len() {
        let hay = index.haystack(i);
        let words: Vec<&str> = folded_words(&hay).collect();
        if !q
            .words
            .iter()
            .all(|w| words.iter().any(|u| u.starts_with(w.as_str())))
        {
            continue;
        }
        let Some((score, _)) = score_with_positions(&hay, &q.pattern) else {
            continue;
        };
        let marks: Vec<Cow<str>> = marked_words(index.entry(i).text).collect();
        let keeps_marks = !q.marked.is_empty()
            && q.marked
                .iter()
                .all(|w| marks.iter().any(|u| u.starts_with(w.as_str())));
        found.push((keeps_marks, score, i));
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let pattern: Arc<str> = q.pattern.into();
    found
        .into_iter()
        .take(limit)
        .map(|(marked, score, i)| {
            let bonus = if marked { MARKED_BONUS } else { 0 };
            Hit::new(i, score + bonus, pattern.clone())
        })
        .collect()
}

/// Searches an index, remembering the last query's candidates so that
/// typing one more letter only re-reads those.
#[derive(Default)]
pub struct Searcher {
    /// The words of the last query and every entry that held them.
    last: Option<(Vec<String>, Vec<u32>)>,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("last", &self.last.as_ref().map(|(w, c)| (w, c.len())))
            .finish()
    }
}

/// Entries holding every query word: read from the last query's candidates,
/// from the posting lists of the rarest word, or from all entries when even
/// that word is everywhere.
enum Candidates {
    Listed(Vec<u32>),
    Scan,
}

/// Candidates read before the first check for a full page at the best
/// score; each later step reads twice as many.
const FIRST_CHUNK: usize = 2048;

/// A posting list longer than this share of the entries is read by
/// scanning the entries instead.
const DENSE_SHARE: usize = 4;

impl Searcher {
    /// The entries matching `query`, best first, at most `limit`: the same
    /// as [`exhaustive`].
    pub fn search(&mut self, index: &Index, query: &str, limit: usize) -> Vec<Hit> {
        let Some(q) = Query::parse(query) else {
            self.last = None;
            return Vec::new();
        };
        let ranges: Vec<Range<u32>> = q.words.iter().map(|w| index.words.prefixed(w)).collect();
        let candidates = self.candidates(index, &q.words, &ranges);
        if let Candidates::Listed(list) = &candidates {
            self.last = Some((q.words.clone(), list.clone()));
        } else {
            self.last = None;
        }
        if limit == 0 {
            return Vec::new();
        }
        let mark_ranges: Vec<Range<u32>> =
            q.marked.iter().map(|w| index.marks.prefixed(w)).collect();
        let tiered = !q.marked.is_empty() && mark_ranges.iter().all(|r| !r.is_empty());
        let shortfall = Shortfall::new(&q.pattern);

        // Read the candidates a chunk at a time, keeping for each group
        // (keeps the query's marks, or not) the best `limit` as (shortfall,
        // entry). Candidates come in entry order, so a later one only gets
        // in with a smaller shortfall than the worst kept: that is its
        // budget, and alignments that lose more are not followed.
        let measure = Measure {
            index,
            shortfall: &shortfall,
            mark_ranges: &mark_ranges,
            tiered,
        };
        let mut tops: [BinaryHeap<(u32, u32)>; 2] = Default::default();
        let mut next = 0usize;
        let mut chunk: Vec<u32> = Vec::new();
        let mut size = FIRST_CHUNK;
        loop {
            let budgets = [budget(&tops[0], limit), budget(&tops[1], limit)];
            // A page at the best score in the group that comes first: no
            // later entry can come before any of it.
            if budgets[if tiered { 0 } else { 1 }].is_none() {
                break;
            }
            next_chunk(index, &candidates, &ranges, (&mut next, size), &mut chunk);
            if chunk.is_empty() {
                break;
            }
            for (g, loss, e) in measure.chunk(&chunk, budgets) {
                tops[g].push((loss, e));
                if tops[g].len() > limit {
                    tops[g].pop();
                }
            }
            // No page yet: read on in bigger steps.
            size *= 2;
        }
        hits_of(index, &q.pattern, &shortfall, tops, limit)
    }

    fn candidates(&self, index: &Index, words: &[String], ranges: &[Range<u32>]) -> Candidates {
        if ranges.iter().any(|r| r.is_empty()) {
            return Candidates::Listed(Vec::new());
        }
        // Only the words in `check` need checking entry by entry.
        let holds = |e: u32, check: &[&Range<u32>]| {
            let have = index.entry_words.get(e as usize);
            check.iter().all(|r| holds_any(have, r))
        };
        // Typing on: the new words extend the old ones, so the new matches
        // are among the old, and only the words that changed need checking.
        if let Some((old_words, old)) = &self.last
            && old_words.len() <= words.len()
            && old_words
                .iter()
                .zip(words)
                .all(|(o, n)| n.starts_with(o.as_str()))
        {
            let check: Vec<&Range<u32>> = ranges
                .iter()
                .enumerate()
                .filter(|(i, _)| old_words.get(*i) != Some(&words[*i]))
                .map(|(_, r)| r)
                .collect();
            if check.is_empty() {
                return Candidates::Listed(old.clone());
            }
            return Candidates::Listed(old.iter().copied().filter(|&e| holds(e, &check)).collect());
        }
        let (rarest_at, rarest) = ranges
            .iter()
            .enumerate()
            .min_by_key(|(_, r)| index.postings_in(r))
            .expect("a query has words");
        if index.postings_in(rarest) * DENSE_SHARE > index.len() {
            return Candidates::Scan;
        }
        // The union of the rarest word's postings, as a bit set so that it
        // comes out in entry order without sorting; the other words are
        // checked entry by entry.
        let check: Vec<&Range<u32>> = ranges
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != rarest_at)
            .map(|(_, r)| r)
            .collect();
        let mut bits = vec![0u64; index.len().div_ceil(64)];
        for w in rarest.clone() {
            for &e in index.postings.get(w as usize) {
                bits[e as usize / 64] |= 1 << (e % 64);
            }
        }
        let mut out = Vec::new();
        for (i, &word) in bits.iter().enumerate() {
            let mut word = word;
            while word != 0 {
                let e = (i * 64 + word.trailing_zeros() as usize) as u32;
                word &= word - 1;
                if holds(e, &check) {
                    out.push(e);
                }
            }
        }
        Candidates::Listed(out)
    }
}

/// Maps `items` a part at a time, on every core when there are many, and
/// joins the parts in order.
fn in_parallel<T: Send>(items: &[u32], f: impl Fn(&[u32]) -> Vec<T> + Sync) -> Vec<T> {
    use rayon::prelude::*;
    let threads = rayon::current_num_threads();
    if items.len() < 1024 || threads < 2 {
        return f(items);
    }
    let parts: Vec<Vec<T>> = items
        .par_chunks(items.len().div_ceil(threads))
        .map(&f)
        .collect();
    parts.into_iter().flatten().collect()
}

/// How much a candidate may fall short and still get into `top`, which
/// keeps `limit`: None when no candidate read later can.
fn budget(top: &BinaryHeap<(u32, u32)>, limit: usize) -> Option<u32> {
    match top.peek() {
        Some(&(worst, _)) if top.len() >= limit => worst.checked_sub(1),
        _ => Some(u32::MAX),
    }
}

/// Fills `chunk` with the next `size` candidates from `next` on, which it
/// moves past them.
fn next_chunk(
    index: &Index,
    candidates: &Candidates,
    ranges: &[Range<u32>],
    (next, size): (&mut usize, usize),
    chunk: &mut Vec<u32>,
) {
    chunk.clear();
    match candidates {
        Candidates::Listed(list) => {
            let end = (*next + size).min(list.len());
            chunk.extend_from_slice(&list[*next..end]);
            *next = end;
        }
        Candidates::Scan => {
            while chunk.len() < size && *next < index.len() {
                let words = index.entry_words.get(*next);
                if ranges.iter().all(|r| holds_any(words, r)) {
                    chunk.push(*next as u32);
                }
                *next += 1;
            }
        }
    }
}

/// What candidates are measured against: the query's shortfall and, when
/// results are `tiered`, the ranges of its marks.
struct Measure<'a> {
    index: &'a Index,
    shortfall: &'a Shortfall,
    mark_ranges: &'a [Range<u32>],
    tiered: bool,
}

impl Measure<'_> {
    /// The candidates of `chunk` within their group's budget, as (group,
    /// shortfall, entry): group 0 keeps the query's marks.
    fn chunk(&self, chunk: &[u32], budgets: [Option<u32>; 2]) -> Vec<(usize, u32, u32)> {
        let index = self.index;
        in_parallel(chunk, |part| {
            let mut scratch = Scratch::default();
            part.iter()
                .filter_map(|&e| {
                    let marked = self.tiered
                        && (self.mark_ranges.iter())
                            .all(|r| holds_any(index.entry_marks.get(e as usize), r));
                    let g = usize::from(!marked);
                    let budget = budgets[g]?;
                    let loss = if self.shortfall.is_ascii() {
                        let hay = index.projected(e as usize);
                        (self.shortfall).within_projected(hay, budget, &mut scratch)?
                    } else {
                        let hay = index.haystack(e as usize);
                        (self.shortfall).within(&hay, budget, &mut scratch)?
                    };
                    Some((g, loss, e))
                })
                .collect()
        })
    }
}

/// The hits of the best of `tops`, the group keeping the marks first, at
/// most `limit`.
fn hits_of(
    index: &Index,
    pattern: &str,
    shortfall: &Shortfall,
    tops: [BinaryHeap<(u32, u32)>; 2],
    limit: usize,
) -> Vec<Hit> {
    let best = shortfall.best();
    let shared: Arc<str> = pattern.into();
    let mut ranked: Vec<(usize, bool, u32)> = Vec::new();
    for (g, top) in tops.into_iter().enumerate() {
        let room = limit - ranked.len();
        let found = top.into_sorted_vec();
        ranked.extend(
            found
                .into_iter()
                .take(room)
                .map(|(loss, e)| (e as usize, g == 0, loss)),
        );
    }
    ranked
        .into_iter()
        .map(|(e, marked, loss)| {
            let bonus = if marked { MARKED_BONUS } else { 0 };
            debug_assert_eq!(
                score_with_positions(&index.haystack(e), pattern).map(|s| s.0),
                Some(best - loss as i64),
                "{:?}",
                index.haystack(e)
            );
            Hit::new(e, best - loss as i64 + bonus, shared.clone())
        })
        .collect()
}
