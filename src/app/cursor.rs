//! A selection in a scrolling list: which row is selected and which row is
//! at the top, always kept inside the list and the visible window.

/// How a selection moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Down,
    Up,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
}

/// Selected row and first visible row of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    /// Moves within a list of `len` rows showing `page` rows at a time.
    pub fn go(&mut self, m: Move, len: usize, page: usize) {
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        let page = page.max(1);
        let half = (page / 2).max(1);
        let last = len - 1;
        self.selected = match m {
            Move::Down => (self.selected + 1).min(last),
            Move::Up => self.selected.saturating_sub(1),
            Move::HalfPageDown => (self.selected + half).min(last),
            Move::HalfPageUp => self.selected.saturating_sub(half),
            Move::PageDown => (self.selected + page).min(last),
            Move::PageUp => self.selected.saturating_sub(page),
            Move::Top => 0,
            Move::Bottom => last,
        };
        self.fit(len, page);
    }

    /// Keeps the selection inside the list and visible in a window of
    /// `page` rows, scrolling as little as possible.
    pub fn fit(&mut self, len: usize, page: usize) {
        let page = page.max(1);
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        self.selected = self.selected.min(len - 1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        self.offset = self.offset.min(len.saturating_sub(page));
    }

    /// Selects a row and makes it visible.
    pub fn select(&mut self, row: usize, len: usize, page: usize) {
        self.selected = row;
        self.fit(len, page);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_in_bounds_and_scroll_minimally() {
        let mut c = Cursor::default();
        c.go(Move::Up, 10, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 0,
                offset: 0
            }
        );
        for _ in 0..5 {
            c.go(Move::Down, 10, 4);
        }
        assert_eq!(
            c,
            Cursor {
                selected: 5,
                offset: 2
            }
        );
        c.go(Move::Up, 10, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 4,
                offset: 2
            }
        );
        c.go(Move::Bottom, 10, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 9,
                offset: 6
            }
        );
        c.go(Move::PageUp, 10, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 5,
                offset: 5
            }
        );
        c.go(Move::HalfPageUp, 10, 4);
        assert_eq!(c.selected, 3);
        c.go(Move::Down, 0, 4);
        assert_eq!(c, Cursor::default());
        let mut d = Cursor {
            selected: 50,
            offset: 48,
        };
        d.fit(3, 10);
        assert_eq!(
            d,
            Cursor {
                selected: 2,
                offset: 0
            }
        );
    }
}
