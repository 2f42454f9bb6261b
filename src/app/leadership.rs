//! Who held the key posts of a province, when: the holders on a chosen
//! date above a timeline of every holder, a date that moves by months and
//! years, a selected holder, and the changes between two dates.

use crate::corpus::catalog::Catalog;
use crate::corpus::changes::{self, Change};
use crate::corpus::leadership::{self, PostRow, Tenure};
use crate::extract::Date;

/// The changes between a marked date and the chosen one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub from: Date,
    pub to: Date,
    pub changes: Vec<Change>,
}

/// The leadership view's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leadership {
    pub province: String,
    /// Key posts in their fixed order, each with every known holder.
    pub rows: Vec<PostRow>,
    /// The date the holders are shown for; the chart's cursor.
    pub date: Date,
    /// A date marked to compare the chosen one with.
    pub mark: Option<Date>,
    /// The posts drawn in the chart: those with a known holder, as
    /// indices into `rows`.
    pub charted: Vec<usize>,
    /// The selected post: index into `charted`.
    pub post: usize,
    /// The selected holder of that post (index into its holders).
    pub holder: usize,
    pub comparison: Option<Comparison>,
    /// The province's newest meeting: as far as the corpus knows, so a
    /// post still held is drawn up to it.
    pub newest: Date,
}

impl Leadership {
    /// The view of a province on its newest meeting's date; `None` when
    /// the corpus has no meeting of it.
    pub fn new(corpus: &Catalog, province: &str) -> Option<Leadership> {
        let newest = leadership::newest_meeting_date_in(corpus, Some(province))?;
        let rows = leadership::timeline_in(corpus, province);
        let charted = (0..rows.len())
            .filter(|&i| !rows[i].holders.is_empty())
            .collect();
        let mut view = Leadership {
            province: province.to_string(),
            rows,
            charted,
            date: newest,
            mark: None,
            post: 0,
            holder: 0,
            comparison: None,
            newest,
        };
        view.follow_date();
        Some(view)
    }

    /// Holders of each post on the chosen date.
    pub fn holders(&self) -> Vec<(&str, Vec<&Tenure>)> {
        leadership::holders_on(&self.rows, self.date)
    }

    /// The selected post.
    pub fn selected_post(&self) -> Option<&PostRow> {
        self.rows.get(*self.charted.get(self.post)?)
    }

    /// The selected holder's tenure.
    pub fn selected(&self) -> Option<&Tenure> {
        self.selected_post()?.holders.get(self.holder)
    }

    /// Moves the chosen date by whole months (negative: earlier), keeping
    /// the day where the month has it, and selects the holders then.
    pub fn shift(&mut self, months: i32) {
        self.date = add_months(self.date, months);
        self.follow_date();
    }

    /// Selects the next or previous post, on its holder at the date.
    pub fn step_post(&mut self, forward: bool) {
        let last = self.charted.len().saturating_sub(1);
        self.post = if forward {
            (self.post + 1).min(last)
        } else {
            self.post.saturating_sub(1)
        };
        self.holder = holder_at(self.selected_post(), self.date);
    }

    /// Selects the first or last post.
    pub fn jump_post(&mut self, last: bool) {
        self.post = if last {
            self.charted.len().saturating_sub(1)
        } else {
            0
        };
        self.holder = holder_at(self.selected_post(), self.date);
    }

    /// Selects the next or previous holder of the selected post.
    pub fn step_holder(&mut self, forward: bool) {
        let n = self.selected_post().map_or(0, |r| r.holders.len());
        self.holder = if forward {
            (self.holder + 1).min(n.saturating_sub(1))
        } else {
            self.holder.saturating_sub(1)
        };
    }

    /// Marks the chosen date to compare another with.
    pub fn mark_date(&mut self) {
        self.mark = Some(self.date);
    }

    /// Who took and who left which post between the marked date (else the
    /// earliest tenure's start) and the chosen one.
    pub fn compare(&mut self) {
        let other = self.mark.unwrap_or_else(|| self.earliest());
        let (from, to) = if other <= self.date {
            (other, self.date)
        } else {
            (self.date, other)
        };
        self.comparison = Some(Comparison {
            from,
            to,
            changes: changes::changes_in(&self.rows, from, to),
        });
    }

    /// The first date any holder is known from, else the chosen date.
    pub fn earliest(&self) -> Date {
        self.rows
            .iter()
            .flat_map(|r| &r.holders)
            .map(|t| t.from)
            .min()
            .unwrap_or(self.date)
    }

    /// Where the chart ends: the chosen date or the newest meeting,
    /// whichever is later. Nothing past it rests on a meeting.
    pub fn latest(&self) -> Date {
        self.date.max(self.newest)
    }

    /// After the date moved: the selected post's holder then.
    fn follow_date(&mut self) {
        self.post = self.post.min(self.charted.len().saturating_sub(1));
        self.holder = holder_at(self.selected_post(), self.date);
    }
}

/// The holder of a post on a date: the newest tenure begun by then, else
/// the first one.
fn holder_at(row: Option<&PostRow>, on: Date) -> usize {
    let Some(row) = row else { return 0 };
    row.holders
        .iter()
        .rposition(|t| leadership::covers(t, on))
        .or_else(|| row.holders.iter().rposition(|t| t.from <= on))
        .unwrap_or(0)
}

/// The date `months` months later (earlier when negative), its day cut to
/// the month's last day.
pub fn add_months(d: Date, months: i32) -> Date {
    let Some(month) = d.month else {
        // A year-only date moves by whole years.
        return Date {
            year: d.year + months.div_euclid(12),
            ..d
        };
    };
    let index = d.year * 12 + i32::from(month) - 1 + months;
    let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u32);
    let Some(first) = Date::ym(year, month) else {
        return d;
    };
    match d.day {
        None => first,
        Some(day) => (u32::from(day).min(28)..=u32::from(day))
            .rev()
            .find_map(|day| Date::ymd(year, month, day))
            .unwrap_or(first),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_keep_the_day_where_they_can() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(add_months(d("2020-12-03"), -1), d("2020-11-03"));
        assert_eq!(add_months(d("2020-03-31"), -1), d("2020-02-29"));
        assert_eq!(add_months(d("2020-01-15"), -1), d("2019-12-15"));
        assert_eq!(add_months(d("2020-12-03"), 12), d("2021-12-03"));
        assert_eq!(add_months(d("2020-12"), 1), d("2021-01"));
        assert_eq!(add_months(d("2020"), -12), d("2019"));
        // Past the dates a Date can hold, it stays.
        assert_eq!(add_months(d("2100-12-01"), 1), d("2100-12-01"));
    }
}
