//! The four panes of the browser, each filtered by the selection to its
//! left: provinces → meetings → attendees and conclusions.

use std::collections::{HashMap, HashSet};

use crate::corpus::{Corpus, Meeting};
use crate::extract::Role;
use crate::text::fold;

use super::cursor::Cursor;

/// A row of the provinces pane; the first row stands for all provinces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvinceRow {
    /// `None` for "all provinces".
    pub name: Option<String>,
    pub meetings: usize,
}

/// An attendee of the selected meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendeeRow {
    pub person: usize,
    pub article: usize,
    /// Index into the article's `facts.people`.
    pub fact: usize,
    pub roles: Vec<Role>,
}

/// A conclusion of the selected meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConclusionRow {
    pub article: usize,
    pub conclusion: usize,
}

/// What the panes show, for the status line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub meetings: usize,
    pub officials: usize,
    pub conclusions: usize,
}

/// The browser's lists and selections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Browse {
    /// Meetings once each, newest first: a corpus may hold the same
    /// meeting more than once (the same articles read twice).
    pub distinct: Vec<usize>,
    /// For each meeting, the one shown for it.
    pub canonical: Vec<usize>,
    /// Counts of the selected province's meetings.
    pub shown: Counts,
    /// Counts of all meetings, kept: they take a pass over the corpus.
    all: Counts,
    pub provinces: Vec<ProvinceRow>,
    pub province: Cursor,
    /// Meetings of the selected province, newest first.
    pub meetings: Vec<usize>,
    pub meeting: Cursor,
    pub attendees: Vec<AttendeeRow>,
    pub attendee: Cursor,
    pub conclusions: Vec<ConclusionRow>,
    pub conclusion: Cursor,
}

impl Browse {
    pub fn new(corpus: &Corpus) -> Browse {
        let (distinct, canonical) = distinct_meetings(corpus);
        let all = counts(corpus, &distinct);
        let mut b = Browse {
            all,
            provinces: province_rows(corpus, &distinct),
            distinct,
            canonical,
            shown: Counts::default(),
            province: Cursor::default(),
            meetings: Vec::new(),
            meeting: Cursor::default(),
            attendees: Vec::new(),
            attendee: Cursor::default(),
            conclusions: Vec::new(),
            conclusion: Cursor::default(),
        };
        b.refresh_meetings(corpus);
        b
    }

    /// The province selected, `None` for all.
    pub fn selected_province(&self) -> Option<&str> {
        self.provinces
            .get(self.province.selected)
            .and_then(|p| p.name.as_deref())
    }

    pub fn selected_meeting(&self) -> Option<usize> {
        self.meetings.get(self.meeting.selected).copied()
    }

    /// Recomputes the meetings for the selected province, then the rest.
    pub fn refresh_meetings(&mut self, corpus: &Corpus) {
        let province = self.selected_province().map(str::to_string);
        self.meetings = self
            .distinct
            .iter()
            .copied()
            .filter(|&m| province.is_none() || corpus.meetings[m].province == province)
            .collect();
        self.shown = match province {
            None => self.all,
            Some(_) => counts(corpus, &self.meetings),
        };
        self.meeting = Cursor::default();
        self.refresh_meeting(corpus);
    }

    /// Recomputes attendees and conclusions for the selected meeting.
    pub fn refresh_meeting(&mut self, corpus: &Corpus) {
        self.attendees.clear();
        self.conclusions.clear();
        if let Some(m) = self.selected_meeting() {
            for &ai in &corpus.meetings[m].articles {
                let a = &corpus.articles[ai];
                for (fi, fact) in a.facts.people.iter().enumerate() {
                    let person = a.people[fi];
                    if !self.attendees.iter().any(|r| r.person == person) {
                        self.attendees.push(AttendeeRow {
                            person,
                            article: ai,
                            fact: fi,
                            roles: fact.roles.clone(),
                        });
                    }
                }
                for ci in 0..a.facts.conclusions.len() {
                    let text = &a.facts.conclusions[ci].text;
                    // Two reports of a meeting may say the same.
                    let seen = self.conclusions.iter().any(|r| {
                        corpus.articles[r.article].facts.conclusions[r.conclusion].text == *text
                    });
                    if !seen {
                        self.conclusions.push(ConclusionRow {
                            article: ai,
                            conclusion: ci,
                        });
                    }
                }
            }
            // Chairs first, then in the order the article names them.
            self.attendees
                .sort_by_key(|r| !r.roles.contains(&Role::Chair));
        }
        self.attendee = Cursor::default();
        self.conclusion = Cursor::default();
    }

    /// Selects a meeting, switching to "all provinces" when it is not in the
    /// selected province's list.
    pub fn select_meeting(&mut self, corpus: &Corpus, meeting: usize, page: usize) {
        let meeting = self.canonical.get(meeting).copied().unwrap_or(meeting);
        if !self.meetings.contains(&meeting) {
            let province = corpus.meetings[meeting].province.clone();
            let row = self
                .provinces
                .iter()
                .position(|p| p.name == province)
                .unwrap_or(0);
            self.province.select(row, self.provinces.len(), page);
            self.refresh_meetings(corpus);
        }
        if let Some(row) = self.meetings.iter().position(|&m| m == meeting) {
            self.meeting.select(row, self.meetings.len(), page);
            self.refresh_meeting(corpus);
        }
    }

    /// Selects a province by name (or all), for restoring a session.
    pub fn select_province(&mut self, corpus: &Corpus, name: Option<&str>, page: usize) {
        if let Some(row) = self
            .provinces
            .iter()
            .position(|p| p.name.as_deref() == name)
        {
            self.province.select(row, self.provinces.len(), page);
            self.refresh_meetings(corpus);
        }
    }
}

/// What makes two meetings the same one.
fn meeting_key(m: &Meeting) -> impl std::hash::Hash + Eq + '_ {
    (
        m.date,
        m.province.as_deref(),
        m.body.as_deref(),
        m.title.as_deref(),
    )
}

/// Meetings once each, newest first, and for every meeting the one kept
/// for it.
fn distinct_meetings(corpus: &Corpus) -> (Vec<usize>, Vec<usize>) {
    let mut first = HashMap::new();
    let mut canonical = Vec::with_capacity(corpus.meetings.len());
    let mut distinct = Vec::new();
    for (i, m) in corpus.meetings.iter().enumerate() {
        let kept = *first.entry(meeting_key(m)).or_insert(i);
        if kept == i {
            distinct.push(i);
        }
        canonical.push(kept);
    }
    distinct.sort_by(|&a, &b| {
        corpus.meetings[b]
            .date
            .cmp(&corpus.meetings[a].date)
            .then(a.cmp(&b))
    });
    (distinct, canonical)
}

/// "All provinces", then each province with its meetings, in Vietnamese
/// alphabetical order: by the name without diacritics (Đ as D), then as
/// written.
fn province_rows(corpus: &Corpus, distinct: &[usize]) -> Vec<ProvinceRow> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &m in distinct {
        if let Some(p) = corpus.meetings[m]
            .province
            .as_deref()
            .filter(|p| !p.is_empty())
        {
            *counts.entry(p).or_insert(0) += 1;
        }
    }
    let mut named: Vec<(String, &str, usize)> = counts
        .into_iter()
        .map(|(name, n)| (fold(name), name, n))
        .collect();
    named.sort();
    let mut rows = vec![ProvinceRow {
        name: None,
        meetings: distinct.len(),
    }];
    rows.extend(named.into_iter().map(|(_, name, meetings)| ProvinceRow {
        name: Some(name.to_string()),
        meetings,
    }));
    rows
}

/// Meetings, officials and conclusions of a list of meetings, each once.
fn counts(corpus: &Corpus, meetings: &[usize]) -> Counts {
    let mut officials = HashSet::new();
    let mut conclusions = 0;
    for &m in meetings {
        let mut texts = HashSet::new();
        for &a in &corpus.meetings[m].articles {
            let a = &corpus.articles[a];
            officials.extend(a.people.iter().copied());
            texts.extend(a.facts.conclusions.iter().map(|c| c.text.as_str()));
        }
        conclusions += texts.len();
    }
    Counts {
        meetings: meetings.len(),
        officials: officials.len(),
        conclusions,
    }
}
