//! Conclusions with a deadline, by due date, and how urgent each is.

use std::collections::HashSet;
use std::sync::Arc;

use serde::Serialize;

use super::catalog::Catalog;
use super::model::Corpus;
use crate::extract::Date;
use crate::text::fold;

/// A conclusion that names a deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    /// Indices of the article, its meeting and the conclusion in the
    /// article's facts.
    pub article: usize,
    pub meeting: usize,
    pub conclusion: usize,
    // Shared with the catalog: the deadlines view holds every deadline.
    #[serde(serialize_with = "optional_str")]
    pub province: Option<Arc<str>>,
    pub due: Date,
    #[serde(serialize_with = "optional_str")]
    pub speaker: Option<Arc<str>>,
    #[serde(serialize_with = "str")]
    pub text: Arc<str>,
}

fn str<S: serde::Serializer>(s: &Arc<str>, to: S) -> Result<S::Ok, S::Error> {
    to.serialize_str(s)
}

fn optional_str<S: serde::Serializer>(s: &Option<Arc<str>>, to: S) -> Result<S::Ok, S::Error> {
    s.as_deref().serialize(to)
}

/// How close a deadline is to a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Its last day is before today.
    Overdue,
    /// Due within 30 days (today included).
    Soon,
    Later,
}

/// Days ahead within which a deadline counts as soon.
pub const SOON_DAYS: i64 = 30;

/// Every conclusion with a deadline, sorted by due date. A meeting
/// reported by two articles gives the same conclusion once.
pub fn deadlines(corpus: &Corpus) -> Vec<Due> {
    deadlines_in(&Catalog::of(corpus))
}

/// [`deadlines`] over a catalog. Articles are read meeting by meeting, so
/// that only one meeting's conclusions are held to tell repeats apart.
pub fn deadlines_in(catalog: &Catalog) -> Vec<Due> {
    let articles = &catalog.articles;
    let mut by_meeting: Vec<u32> = (0..articles.len() as u32).collect();
    by_meeting.sort_by_key(|&ai| (articles[ai as usize].meeting, ai));
    let dated = |ai: &u32| articles[*ai as usize].conclusions.iter();
    let count = by_meeting
        .iter()
        .flat_map(dated)
        .filter(|c| c.deadline.is_some())
        .count();
    let mut out = Vec::with_capacity(count);
    let mut seen: HashSet<(String, Date)> = HashSet::new();
    let mut meeting = None;
    for ai in by_meeting {
        let a = &articles[ai as usize];
        if meeting != Some(a.meeting) {
            meeting = Some(a.meeting);
            seen.clear();
        }
        for c in a.conclusions.iter() {
            let Some(due) = c.deadline else {
                continue;
            };
            if !seen.insert((fold(&c.text), due)) {
                continue;
            }
            out.push(Due {
                article: ai as usize,
                meeting: a.meeting as usize,
                conclusion: c.n as usize,
                province: a.province.clone(),
                due,
                speaker: catalog.speaker(c).cloned(),
                text: c.text.clone(),
            });
        }
    }
    // Article and conclusion tell every two apart: no stable sort is needed.
    out.sort_unstable_by(|a, b| {
        a.due
            .last_day()
            .cmp(&b.due.last_day())
            .then(a.article.cmp(&b.article))
            .then(a.conclusion.cmp(&b.conclusion))
    });
    out
}

/// How urgent a deadline is on `today`; a month- or year-only due date
/// means its last day.
pub fn urgency(due: Date, today: Date) -> Urgency {
    let left = due.last_day().days() - today.days();
    if left < 0 {
        Urgency::Overdue
    } else if left <= SOON_DAYS {
        Urgency::Soon
    } else {
        Urgency::Later
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn urgency_counts_from_the_last_day_due() {
        let today = day("2020-12-10");
        assert_eq!(urgency(day("2020-12-09"), today), Urgency::Overdue);
        assert_eq!(urgency(day("2020-12-10"), today), Urgency::Soon);
        assert_eq!(urgency(day("2020-12"), today), Urgency::Soon);
        assert_eq!(urgency(day("2020-11"), today), Urgency::Overdue);
        assert_eq!(urgency(day("2021-01-09"), today), Urgency::Soon);
        assert_eq!(urgency(day("2021-01-10"), today), Urgency::Later);
        assert_eq!(urgency(day("2020"), today), Urgency::Soon);
        assert_eq!(urgency(day("2021"), today), Urgency::Later);
    }
}
