//! The four panes of the browser, each filtered by the selection to its
//! left: provinces → meetings → attendees and conclusions.

use crate::corpus::{Corpus, query};
use crate::extract::Role;

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

/// The browser's lists and selections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Browse {
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
        let mut provinces = vec![ProvinceRow {
            name: None,
            meetings: corpus.meetings.len(),
        }];
        provinces.extend(
            query::provinces_with_counts(corpus)
                .into_iter()
                .filter(|(name, _)| !name.is_empty())
                .map(|(name, meetings)| ProvinceRow {
                    name: Some(name),
                    meetings,
                }),
        );
        let mut b = Browse {
            provinces,
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
        let mut meetings: Vec<usize> = (0..corpus.meetings.len())
            .filter(|&m| province.is_none() || corpus.meetings[m].province == province)
            .collect();
        meetings.sort_by(|&a, &b| {
            corpus.meetings[b]
                .date
                .cmp(&corpus.meetings[a].date)
                .then(a.cmp(&b))
        });
        self.meetings = meetings;
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
                    self.conclusions.push(ConclusionRow {
                        article: ai,
                        conclusion: ci,
                    });
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
