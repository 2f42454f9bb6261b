//! Every directive with a deadline, soonest due first, for all provinces
//! or one at a time.

use crate::corpus::catalog::Catalog;
use crate::corpus::deadlines::{self, Due};
use crate::text::fold;

use super::cursor::{Cursor, Move};

/// Screen rows each deadline takes: what is due, then who said it.
pub const ROWS_PER_DUE: usize = 2;

/// The deadlines view's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadlines {
    /// Every deadline of the corpus, by due date.
    pub all: Vec<Due>,
    /// The province shown, `None` for all.
    pub province: Option<String>,
    /// Indices into `all` of the deadlines shown.
    pub shown: Vec<usize>,
    pub cursor: Cursor,
}

impl Deadlines {
    /// The deadlines of a province, or of all when `province` is `None` or
    /// has none.
    pub fn new(corpus: &Catalog, province: Option<&str>) -> Deadlines {
        let mut view = Deadlines {
            all: deadlines::deadlines_in(corpus),
            province: None,
            shown: Vec::new(),
            cursor: Cursor::default(),
        };
        let known = province.filter(|p| view.provinces().contains(p));
        view.show(known.map(str::to_string));
        view
    }

    /// The provinces with deadlines, in alphabetical order (Đ with D).
    pub fn provinces(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .all
            .iter()
            .filter_map(|d| d.province.as_deref())
            .collect();
        names.sort_by_key(|n| (fold(n), n.to_string()));
        names.dedup();
        names
    }

    /// Shows the next province's deadlines; after the last, all again.
    pub fn next_province(&mut self) {
        let provinces = self.provinces();
        let next = match &self.province {
            None => provinces.first(),
            Some(p) => provinces
                .iter()
                .position(|x| x == p)
                .and_then(|i| provinces.get(i + 1)),
        }
        .map(|p| p.to_string());
        self.show(next);
    }

    fn show(&mut self, province: Option<String>) {
        self.shown = (0..self.all.len())
            .filter(|&i| {
                province.is_none() || self.all[i].province.as_deref() == province.as_deref()
            })
            .collect();
        self.province = province;
        self.cursor = Cursor::default();
    }

    pub fn go(&mut self, m: Move, page: usize) {
        self.cursor.go(m, self.shown.len(), page);
    }

    pub fn selected(&self) -> Option<&Due> {
        self.shown.get(self.cursor.selected).map(|&i| &self.all[i])
    }
}
