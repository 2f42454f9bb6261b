//! Reference lists the extractor reads text against: provinces and their
//! 2025 mergers, family names, and the words official titles are built from.

pub mod provinces;
pub mod surnames;
pub mod titles;

use std::collections::HashMap;

use crate::text::lex_key;
use crate::text::segment::{Token, tokenize};

/// Multi-word phrases looked up by the lex keys of consecutive tokens, so a
/// phrase matches whatever its case or tone-mark placement.
#[derive(Debug)]
pub struct Lexicon<T: Copy> {
    entries: HashMap<String, T>,
    max_tokens: usize,
}

impl<T: Copy> Lexicon<T> {
    pub fn new() -> Self {
        Lexicon {
            entries: HashMap::new(),
            max_tokens: 1,
        }
    }

    /// Adds a phrase as written; later additions of the same phrase win.
    pub fn add(&mut self, phrase: &str, value: T) {
        let toks = tokenize(phrase, 0..phrase.len());
        self.max_tokens = self.max_tokens.max(toks.len());
        self.entries.insert(token_key(&toks), value);
    }

    pub fn add_all(&mut self, phrases: &[&str], value: T) {
        for p in phrases {
            self.add(p, value);
        }
    }

    /// The longest phrase starting at `tokens[i]`, with its token count.
    pub fn longest(&self, tokens: &[Token], i: usize) -> Option<(T, usize)> {
        let max = self.max_tokens.min(tokens.len().saturating_sub(i));
        let mut key = String::new();
        let mut best = None;
        for n in 1..=max {
            let t = &tokens[i + n - 1];
            // Phrases do not run across a sentence break or a parenthesis.
            if n > 1
                && (t.is_punct('.')
                    || t.is_punct('(')
                    || t.is_punct(')')
                    || t.is_punct(';')
                    || t.is_punct(':'))
            {
                break;
            }
            if n > 1 {
                key.push(' ');
            }
            key.push_str(&lex_key(t.text));
            if let Some(&v) = self.entries.get(&key) {
                best = Some((v, n));
            }
        }
        best
    }

    /// The value of a whole phrase.
    pub fn get(&self, phrase: &str) -> Option<T> {
        let toks = tokenize(phrase, 0..phrase.len());
        self.entries.get(&token_key(&toks)).copied()
    }
}

impl<T: Copy> Default for Lexicon<T> {
    fn default() -> Self {
        Self::new()
    }
}

fn token_key(toks: &[Token]) -> String {
    toks.iter()
        .map(|t| lex_key(t.text))
        .collect::<Vec<_>>()
        .join(" ")
}
