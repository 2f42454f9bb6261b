//! Reference lists the extractor reads text against: provinces and their
//! 2025 mergers, family names, and the words official titles are built from.

pub mod provinces;
pub mod surnames;
pub mod titles;

use std::collections::HashMap;

use crate::text::lex_key;
use crate::text::segment::{Token, tokenize};

/// Multi-word phrases looked up by the keys of consecutive tokens, so a
/// phrase matches whatever its case or tone-mark placement.
#[derive(Debug)]
pub struct Lexicon<T: Copy> {
    /// First word's key → (keys of the other words, value), longest first.
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
}

/// Tokens that end a phrase: phrases do not run across a sentence break, a
/// parenthesis or a colon.
fn breaks_phrase(t: &Token) -> bool {
    t.is_punct('.') || t.is_punct('(') || t.is_punct(')') || t.is_punct(';') || t.is_punct(':')
}

impl<T: Copy> Lexicon<T> {
    pub fn new() -> Self {
        Lexicon {
            by_first: HashMap::new(),
        }
    }

    /// Adds a phrase as written; a later addition of the same phrase wins.
    pub fn add(&mut self, phrase: &str, value: T) {
        let toks = tokenize(phrase, 0..phrase.len());
        let Some((first, rest)) = toks.split_first() else {
            return;
        };
        let rest: Vec<String> = rest.iter().map(|t| t.key.to_string()).collect();
        let list = self.by_first.entry(first.key.to_string()).or_default();
        list.retain(|(r, _)| *r != rest);
        list.push((rest, value));
        list.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
    }

    pub fn add_all(&mut self, phrases: &[&str], value: T) {
        for p in phrases {
            self.add(p, value);
        }
    }

    /// The longest phrase starting at `tokens[i]`, with its token count.
    pub fn longest(&self, tokens: &[Token], i: usize) -> Option<(T, usize)> {
        let list = self.by_first.get(tokens.get(i)?.key.as_ref())?;
        list.iter().find_map(|(rest, v)| {
            let ok = rest.len() < tokens.len() - i
                && rest.iter().enumerate().all(|(k, w)| {
                    let t = &tokens[i + 1 + k];
                    !breaks_phrase(t) && t.key == w.as_str()
                });
            ok.then_some((*v, rest.len() + 1))
        })
    }

    /// The value of a whole phrase.
    pub fn get(&self, phrase: &str) -> Option<T> {
        let toks = tokenize(phrase, 0..phrase.len());
        self.longest(&toks, 0)
            .filter(|&(_, n)| n == toks.len())
            .map(|(v, _)| v)
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
    pub fn at(&self, tokens: &[Token], i: usize) -> Option<usize> {
        self.0.longest(tokens, i).map(|(_, n)| n)
    }

    /// Whether a phrase ends right before `tokens[i]`.
    pub fn ends_before(&self, tokens: &[Token], i: usize) -> bool {
        (1..=i.min(8)).any(|n| self.at(&tokens[..i], i - n) == Some(n))
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
