//! The search prompt: the query being typed and the latest results.
//!
//! Typing never waits for results: each edit asks for a search (an effect
//! the terminal loop hands to a worker) tagged with a generation number, and
//! results for an older generation than the last shown are dropped.

use crate::search::Hit;

use super::cursor::Cursor;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Search {
    pub query: String,
    /// Cursor position in the query, in characters.
    pub caret: usize,
    pub hits: Vec<Hit>,
    pub list: Cursor,
    /// The generation of the last query asked for.
    pub asked: u64,
    /// The generation the shown hits answer.
    pub shown: u64,
    /// The query the hits answer when the one typed matched nothing and a
    /// word of it was taken as a typo.
    pub respelled: Option<String>,
}

impl Search {
    /// Whether the shown hits are for an older query than the one typed.
    pub fn is_pending(&self) -> bool {
        self.shown < self.asked
    }

    fn byte_at(&self, caret: usize) -> usize {
        self.query
            .char_indices()
            .nth(caret)
            .map_or(self.query.len(), |(b, _)| b)
    }

    pub fn insert(&mut self, c: char) {
        let at = self.byte_at(self.caret);
        self.query.insert(at, c);
        self.caret += 1;
    }

    /// Deletes the character before the caret; false when there was none.
    pub fn backspace(&mut self) -> bool {
        if self.caret == 0 {
            return false;
        }
        self.caret -= 1;
        let at = self.byte_at(self.caret);
        self.query.remove(at);
        true
    }

    pub fn delete(&mut self) -> bool {
        if self.caret >= self.query.chars().count() {
            return false;
        }
        let at = self.byte_at(self.caret);
        self.query.remove(at);
        true
    }

    /// Deletes the word before the caret.
    pub fn delete_word(&mut self) -> bool {
        let before: Vec<char> = self.query.chars().take(self.caret).collect();
        let mut n = before.len();
        while n > 0 && before[n - 1] == ' ' {
            n -= 1;
        }
        while n > 0 && before[n - 1] != ' ' {
            n -= 1;
        }
        if n == self.caret {
            return false;
        }
        let (a, b) = (self.byte_at(n), self.byte_at(self.caret));
        self.query.replace_range(a..b, "");
        self.caret = n;
        true
    }

    pub fn clear(&mut self) -> bool {
        let changed = !self.query.is_empty();
        self.query.clear();
        self.caret = 0;
        changed
    }

    pub fn set(&mut self, query: &str) {
        self.query = query.to_string();
        self.caret = self.query.chars().count();
    }

    pub fn move_caret(&mut self, by: isize) {
        let len = self.query.chars().count() as isize;
        self.caret = (self.caret as isize + by).clamp(0, len) as usize;
    }

    /// Takes results for generation `generation` unless newer ones are shown.
    pub fn receive(&mut self, generation: u64, hits: Vec<Hit>, page: usize) -> bool {
        self.receive_respelled(generation, hits, None, page)
    }

    /// Takes results that answer `respelled` instead of the typed query.
    pub fn receive_respelled(
        &mut self,
        generation: u64,
        hits: Vec<Hit>,
        respelled: Option<String>,
        page: usize,
    ) -> bool {
        if generation < self.shown || generation > self.asked {
            return false;
        }
        self.shown = generation;
        self.respelled = respelled;
        self.hits = hits;
        self.list = Cursor::default();
        self.list.fit(self.hits.len(), page);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_with_vietnamese_characters() {
        let mut s = Search::default();
        for c in "ngô đông".chars() {
            s.insert(c);
        }
        assert_eq!(s.query, "ngô đông");
        s.move_caret(-4);
        s.insert('X');
        assert_eq!(s.query, "ngô Xđông");
        assert!(s.backspace());
        s.move_caret(100);
        assert!(s.delete_word());
        assert_eq!(s.query, "ngô ");
        assert!(!s.delete());
        s.move_caret(-10);
        assert!(!s.backspace());
    }

    #[test]
    fn older_results_do_not_replace_newer() {
        let mut s = Search {
            asked: 3,
            ..Search::default()
        };
        let hit = |e| Hit::new(e, 1, "a".into());
        assert!(s.receive(3, vec![hit(3)], 10));
        assert!(!s.receive(2, vec![hit(2)], 10));
        assert_eq!(s.hits[0].entry, 3);
        assert!(!s.is_pending());
    }
}
