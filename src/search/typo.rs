//! One typo per word: when a query matches nothing, each word of four or
//! more letters that no entry holds is replaced by the most frequent word
//! of the index one edit away (a letter dropped, added, changed, or two
//! swapped); a three-letter word only by two letters swapped, so
//! "ngo dong hia" finds "ngo dong hai". Only asked for when
//! the query as typed found nothing, so exact matches always come first.

use std::collections::HashMap;

use super::Index;
use crate::text::fold;

/// Shortest word taken as possibly mistyped in any way.
const MIN_LETTERS: usize = 4;
/// Shortest word taken as possibly typed with two letters swapped.
const MIN_SWAPPED: usize = 3;

/// The folded words of an index and how many times each occurs.
#[derive(Debug, Default)]
pub struct Vocabulary {
    counts: HashMap<String, u32>,
}

impl Vocabulary {
    pub fn of(index: &Index) -> Vocabulary {
        let mut counts = HashMap::new();
        for i in 0..index.len() {
            let folded = fold(index.entry(i).text);
            for w in folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                *counts.entry(w.to_string()).or_insert(0) += 1;
            }
        }
        Vocabulary { counts }
    }

    /// The query with its unknown words replaced by known ones one edit
    /// away, or None when no word changed.
    pub fn respell(&self, query: &str) -> Option<String> {
        let folded = fold(query);
        let mut changed = false;
        let words: Vec<String> = folded
            .split_whitespace()
            .map(|w| match self.nearest(w) {
                Some(n) => {
                    changed = true;
                    n
                }
                None => w.to_string(),
            })
            .collect();
        changed.then(|| words.join(" "))
    }

    /// The most frequent known word one edit from an unknown `word`.
    fn nearest(&self, word: &str) -> Option<String> {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() < MIN_SWAPPED
            || !chars.iter().all(|c| c.is_alphanumeric())
            || self.counts.contains_key(word)
            || self.counts.keys().any(|k| k.starts_with(word))
        {
            return None;
        }
        let all = chars.len() >= MIN_LETTERS;
        edits(&chars)
            .filter(|(swap, _)| all || *swap)
            .map(|(_, e)| e)
            .filter_map(|e| self.counts.get(&e).map(|&n| (n, e)))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, e)| e)
    }
}

/// Every string one edit from `w`, over the letters and digits of folded
/// text, each marked true when it swaps two letters.
fn edits(w: &[char]) -> impl Iterator<Item = (bool, String)> + '_ {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    let at = |f: &dyn Fn(&mut Vec<char>)| {
        let mut v = w.to_vec();
        f(&mut v);
        v.into_iter().collect::<String>()
    };
    let n = w.len();
    let deletes = (0..n).map(move |i| {
        at(&|v| {
            v.remove(i);
        })
    });
    let swaps = (1..n).map(move |i| at(&|v| v.swap(i - 1, i)));
    let changes = (0..n).flat_map(move |i| LETTERS.chars().map(move |c| at(&|v| v[i] = c)));
    let inserts = (0..=n).flat_map(move |i| LETTERS.chars().map(move |c| at(&|v| v.insert(i, c))));
    swaps
        .map(|e| (true, e))
        .chain(deletes.chain(changes).chain(inserts).map(|e| (false, e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn one_typo_per_long_word_is_forgiven() {
        let idx = Index::build(&Corpus::bundled());
        let v = Vocabulary::of(&idx);
        assert_eq!(v.respell("ngo dong hia").as_deref(), Some("ngo dong hai"));
        assert_eq!(v.respell("ngo dong hxi"), None, "3 letters: only swaps");
        assert_eq!(v.respell("ngo dogn hai").as_deref(), Some("ngo dong hai"));
        assert_eq!(v.respell("thai bnih").as_deref(), Some("thai binh"));
        assert_eq!(v.respell("ngo dong hai"), None);
        assert_eq!(v.respell("zzzzqqqq"), None);
    }
}
