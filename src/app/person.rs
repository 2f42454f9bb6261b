//! An official's page: posts over time, meetings attended with their part
//! in each, conclusions they gave, and the people seen most with them.

use std::collections::HashSet;

use crate::corpus::catalog::Catalog;
use crate::corpus::{CENTRAL, leadership, query};
use crate::extract::Role;
use crate::text::fold;

use super::cursor::Cursor;

/// A row of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Heading(&'static str),
    /// The time axis of the posts' chart.
    Axis,
    /// A post: index into the person's timeline.
    Spell(usize),
    Meeting {
        meeting: usize,
        article: usize,
        roles: Vec<Role>,
    },
    Conclusion {
        article: usize,
        conclusion: usize,
    },
    Companion {
        person: usize,
        meetings: usize,
    },
    Blank,
}

impl Row {
    /// Whether the cursor can stop on the row.
    pub fn selectable(&self) -> bool {
        !matches!(self, Row::Heading(_) | Row::Blank | Row::Axis)
    }
}

/// The page's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonPage {
    pub person: usize,
    pub rows: Vec<Row>,
    pub cursor: Cursor,
}

/// How many companions to list.
const COMPANIONS: usize = 8;

impl PersonPage {
    pub fn new(corpus: &Catalog, person: usize) -> PersonPage {
        let p = &corpus.people[person];
        let mut rows = vec![Row::Heading("Posts"), Row::Axis];
        // Posts not seen at their newest meeting are no longer held, nor
        // key posts someone else is known to have taken.
        let newest = p.appearances.iter().filter_map(|a| a.date).max();
        let handed_on = handed_on(corpus, person);
        let former = |s: &usize| {
            let spell = &p.timeline[*s];
            let last = spell.last_seen;
            (last.is_some() && last < newest) || handed_on.contains(&fold(&spell.title))
        };
        let (gone, held): (Vec<usize>, Vec<usize>) = (0..p.timeline.len()).partition(former);
        rows.extend(held.into_iter().map(Row::Spell));
        if !gone.is_empty() {
            rows.push(Row::Blank);
            rows.push(Row::Heading("Former posts"));
            rows.extend(gone.into_iter().map(Row::Spell));
        }
        rows.push(Row::Blank);
        rows.push(Row::Heading("Meetings"));
        // A corpus may hold a meeting, and so its conclusions, more than once.
        let mut meetings = HashSet::new();
        for app in p.appearances.iter().rev() {
            let m = &corpus.meetings[app.meeting as usize];
            let key = (
                m.date,
                m.province.as_deref(),
                m.body.as_deref(),
                m.title.as_deref(),
            );
            if meetings.insert(key) {
                rows.push(Row::Meeting {
                    meeting: app.meeting as usize,
                    article: app.article as usize,
                    roles: app.roles.to_vec(),
                });
            }
        }
        let mut said = Vec::new();
        let mut texts = HashSet::new();
        for app in p.appearances.iter().rev() {
            let a = &corpus.articles[app.article as usize];
            for c in a.conclusions.iter() {
                if corpus.speaker(c).map(|s| &**s) == Some(&*p.name) && texts.insert(&*c.text) {
                    said.push(Row::Conclusion {
                        article: app.article as usize,
                        conclusion: c.n as usize,
                    });
                }
            }
        }
        if !said.is_empty() {
            rows.push(Row::Blank);
            rows.push(Row::Heading("Conclusions given"));
            rows.extend(said);
        }
        let companions = query::companions_in(corpus, person);
        if !companions.is_empty() {
            rows.push(Row::Blank);
            rows.push(Row::Heading("Seen most with"));
            rows.extend(
                companions
                    .into_iter()
                    .take(COMPANIONS)
                    .map(|(person, meetings)| Row::Companion { person, meetings }),
            );
        }
        let first = rows.iter().position(Row::selectable).unwrap_or(0);
        PersonPage {
            person,
            rows,
            cursor: Cursor {
                selected: first,
                offset: 0,
            },
        }
    }

    /// Moves to the next selectable row in a direction, or stays.
    pub fn step(&mut self, forward: bool, page: usize) {
        let mut i = self.cursor.selected;
        loop {
            let next = if forward {
                i.checked_add(1).filter(|&n| n < self.rows.len())
            } else {
                i.checked_sub(1)
            };
            match next {
                Some(n) if self.rows[n].selectable() => {
                    self.cursor.select(n, self.rows.len(), page);
                    return;
                }
                Some(n) => i = n,
                None => {
                    // Show the heading above the first row when at the top.
                    if !forward {
                        self.cursor.offset = 0;
                    }
                    return;
                }
            }
        }
    }

    /// Moves by many rows, landing on a selectable one.
    pub fn jump(&mut self, m: super::cursor::Move, page: usize) {
        let before = self.cursor.selected;
        self.cursor.go(m, self.rows.len(), page);
        if !self
            .rows
            .get(self.cursor.selected)
            .is_some_and(Row::selectable)
        {
            let forward = self.cursor.selected >= before;
            self.step(forward, page);
            if !self
                .rows
                .get(self.cursor.selected)
                .is_some_and(Row::selectable)
            {
                self.step(!forward, page);
            }
        }
        if self.cursor.selected == self.rows.iter().position(Row::selectable).unwrap_or(0) {
            self.cursor.offset = 0;
        }
    }

    /// How many meetings the page lists.
    pub fn meetings(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r, Row::Meeting { .. }))
            .count()
    }

    pub fn selected(&self) -> Option<&Row> {
        self.rows
            .get(self.cursor.selected)
            .filter(|r| r.selectable())
    }
}

/// The key posts (folded) of a person's province whose tenure of theirs
/// ended before the province's newest meeting.
fn handed_on(corpus: &Catalog, person: usize) -> HashSet<String> {
    let scope = &corpus.people[person].scope;
    if &**scope == CENTRAL {
        return HashSet::new();
    }
    let Some(newest) = leadership::newest_meeting_date_in(corpus, Some(scope)) else {
        return HashSet::new();
    };
    leadership::timeline_in(corpus, scope)
        .into_iter()
        .filter(|row| {
            row.holders
                .iter()
                .any(|t| t.person == person && t.to.is_some_and(|to| to < newest))
        })
        .map(|row| fold(&row.post))
        .collect()
}
