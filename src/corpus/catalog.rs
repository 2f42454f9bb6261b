//! The catalog: what the views over the whole corpus read (an official's
//! page, a province's leadership, the deadlines), held compactly. Of each
//! article it keeps only its meeting, its people, its province and the
//! conclusions a view lists (those naming a speaker or a deadline); indices
//! are 32-bit and equal strings are shared, so that the catalog of a large
//! store fits in a small part of the memory its corpus would take.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::model::{Corpus, Meeting, Person};
use crate::extract::{Conclusion, Date, Role};

/// Meetings, people and articles as the views read them; indices are the
/// corpus's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    pub meetings: Vec<Gathering>,
    pub people: Vec<Official>,
    pub articles: Vec<Card>,
    /// The speakers conclusions name, once each.
    pub speakers: Vec<Arc<str>>,
}

/// A meeting: its articles, when and where it was, the body and headline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gathering {
    pub articles: Box<[u32]>,
    pub date: Option<Date>,
    pub province: Option<Arc<str>>,
    pub body: Option<Arc<str>>,
    pub title: Option<Arc<str>>,
}

/// An official: name, scope, meetings attended and posts over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Official {
    pub name: Arc<str>,
    pub scope: Arc<str>,
    pub appearances: Box<[Seen]>,
    pub timeline: Box<[Post]>,
}

/// An official at one meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub meeting: u32,
    pub article: u32,
    pub date: Option<Date>,
    pub roles: Roles,
}

/// A post held: first and last date seen and the meetings that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub title: Arc<str>,
    pub province: Option<Arc<str>>,
    pub first_seen: Option<Date>,
    pub last_seen: Option<Date>,
    pub meetings: Box<[u32]>,
}

/// An article: its meeting, the person of each of its people, the
/// province it names and the conclusions the views list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub meeting: u32,
    pub people: Box<[u32]>,
    pub province: Option<Arc<str>>,
    pub conclusions: Box<[Said]>,
}

/// A conclusion with a speaker or a deadline, at place `n` of its
/// article's conclusions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub n: u32,
    pub text: Arc<str>,
    pub deadline: Option<Date>,
    /// Index into the catalog's speakers, [`Said::NO_SPEAKER`] for none:
    /// half the size of a shared string, on every conclusion.
    pub speaker: u32,
}

impl Said {
    pub const NO_SPEAKER: u32 = u32::MAX;

    /// Whether a view lists a conclusion: it has a speaker or a deadline.
    pub fn listed(speaker: Option<&str>, deadline: Option<Date>) -> bool {
        speaker.is_some() || deadline.is_some()
    }
}

/// A person's roles at a meeting, in order, three bits each (a part is
/// named once, so four fit).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Roles(u16);

const ROLE_KINDS: [Role; 4] = [Role::Chair, Role::Presenter, Role::Speaker, Role::Attendee];

impl Roles {
    /// The roles packed; any past the fifth are left out (a list of the
    /// four parts never has them).
    pub fn of(roles: &[Role]) -> Roles {
        let code = |r: &Role| ROLE_KINDS.iter().position(|k| k == r).unwrap_or(0) as u16 + 1;
        Roles(
            roles
                .iter()
                .take(5)
                .enumerate()
                .fold(0, |acc, (i, r)| acc | (code(r) << (3 * i))),
        )
    }

    pub fn iter(self) -> impl Iterator<Item = Role> {
        (0..5)
            .map(move |i| (self.0 >> (3 * i)) & 7)
            .take_while(|&c| c != 0)
            .map(|c| ROLE_KINDS[usize::from(c - 1)])
    }

    pub fn to_vec(self) -> Vec<Role> {
        self.iter().collect()
    }

    pub fn contains(self, role: Role) -> bool {
        self.iter().any(|r| r == role)
    }
}

impl Catalog {
    /// Who said a conclusion, when it says.
    pub fn speaker(&self, said: &Said) -> Option<&Arc<str>> {
        self.speakers.get(said.speaker as usize)
    }

    /// The catalog of a corpus held in memory.
    pub fn of(corpus: &Corpus) -> Catalog {
        let (m, p, a) = (
            corpus.meetings.len(),
            corpus.people.len(),
            corpus.articles.len(),
        );
        let mut b = Builder::with_room(m, p, a);
        for m in &corpus.meetings {
            b.meeting(m);
        }
        for p in &corpus.people {
            b.person(p);
        }
        for (ai, a) in corpus.articles.iter().enumerate() {
            b.article(ai, a.meeting, &a.people, a.facts.province.as_deref());
            for (n, c) in a.facts.conclusions.iter().enumerate() {
                b.conclusion(ai, n, c);
            }
        }
        b.finish()
    }
}

/// Builds a catalog piece by piece, sharing equal strings.
#[derive(Debug, Default)]
pub struct Builder {
    catalog: Catalog,
    strings: HashSet<Arc<str>>,
    /// Each speaker's index in the catalog's speakers.
    speakers: HashMap<Arc<str>, u32>,
    /// The conclusions of one article gathered before they are boxed:
    /// they come article by article.
    said: (usize, Vec<Said>),
}

impl Builder {
    /// A builder with room for this many meetings, people and articles.
    pub fn with_room(meetings: usize, people: usize, articles: usize) -> Builder {
        let mut b = Builder::default();
        b.catalog.meetings.reserve_exact(meetings);
        b.catalog.people.reserve_exact(people);
        b.catalog.articles.reserve_exact(articles);
        b
    }

    /// The shared copy of a string.
    pub fn share(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.strings.get(s) {
            return a.clone();
        }
        let a: Arc<str> = Arc::from(s);
        self.strings.insert(a.clone());
        a
    }

    fn share_opt(&mut self, s: Option<&str>) -> Option<Arc<str>> {
        s.map(|s| self.share(s))
    }

    /// The next meeting.
    pub fn meeting(&mut self, m: &Meeting) {
        let g = Gathering {
            articles: m.articles.iter().map(|&a| a as u32).collect(),
            date: m.date,
            province: self.share_opt(m.province.as_deref()),
            body: self.share_opt(m.body.as_deref()),
            title: self.share_opt(m.title.as_deref()),
        };
        self.catalog.meetings.push(g);
    }

    /// The next person.
    pub fn person(&mut self, p: &Person) {
        let appearances = p
            .appearances
            .iter()
            .map(|a| Seen {
                meeting: a.meeting as u32,
                article: a.article as u32,
                date: a.date,
                roles: Roles::of(&a.roles),
            })
            .collect();
        let timeline = p
            .timeline
            .iter()
            .map(|s| Post {
                title: self.share(&s.title),
                province: self.share_opt(s.province.as_deref()),
                first_seen: s.first_seen,
                last_seen: s.last_seen,
                meetings: s.meetings.iter().map(|&m| m as u32).collect(),
            })
            .collect();
        let o = Official {
            name: self.share(&p.name),
            scope: self.share(&p.scope),
            appearances,
            timeline,
        };
        self.catalog.people.push(o);
    }

    /// Article `ai`: its meeting, people and province.
    pub fn article(&mut self, ai: usize, meeting: usize, people: &[usize], province: Option<&str>) {
        self.grow(ai);
        let province = self.share_opt(province);
        let card = &mut self.catalog.articles[ai];
        card.meeting = meeting as u32;
        card.people = people.iter().map(|&p| p as u32).collect();
        card.province = province;
    }

    /// Conclusion `n` of article `ai`, kept when a view lists it.
    pub fn conclusion(&mut self, ai: usize, n: usize, c: &Conclusion) {
        self.conclusion_parts(ai, n, &c.text, c.speaker.as_deref(), c.deadline);
    }

    /// [`Builder::conclusion`] from its parts.
    pub fn conclusion_parts(
        &mut self,
        ai: usize,
        n: usize,
        text: &str,
        speaker: Option<&str>,
        deadline: Option<Date>,
    ) {
        if !Said::listed(speaker, deadline) {
            return;
        }
        self.grow(ai);
        if self.said.0 != ai {
            self.flush_said();
            self.said.0 = ai;
        }
        let said = Said {
            n: n as u32,
            text: self.share(text),
            deadline,
            speaker: speaker.map_or(Said::NO_SPEAKER, |s| self.speaker(s)),
        };
        self.said.1.push(said);
    }

    /// A speaker's index, given on first sight.
    fn speaker(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.speakers.get(s) {
            return i;
        }
        let i = self.catalog.speakers.len() as u32;
        let shared = self.share(s);
        self.catalog.speakers.push(shared.clone());
        self.speakers.insert(shared, i);
        i
    }

    /// The gathered conclusions into their article, with any it holds.
    fn flush_said(&mut self) {
        let (ai, said) = &mut self.said;
        if said.is_empty() {
            return;
        }
        let Some(card) = self.catalog.articles.get_mut(*ai) else {
            return;
        };
        said.extend(card.conclusions.iter().cloned());
        said.sort_by_key(|s| s.n);
        card.conclusions = said.as_slice().into();
        said.clear();
    }

    /// Makes room for article `ai`.
    fn grow(&mut self, ai: usize) {
        let articles = &mut self.catalog.articles;
        if articles.len() <= ai {
            articles.resize_with(ai + 1, || Card {
                meeting: 0,
                people: Box::default(),
                province: None,
                conclusions: Box::default(),
            });
        }
    }

    /// The catalog, each article's conclusions in their order.
    pub fn finish(mut self) -> Catalog {
        self.flush_said();
        self.catalog.meetings.shrink_to_fit();
        self.catalog.people.shrink_to_fit();
        self.catalog.articles.shrink_to_fit();
        self.catalog
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_keep_their_order() {
        for roles in [
            vec![],
            vec![Role::Attendee],
            vec![Role::Speaker, Role::Chair],
            vec![Role::Chair, Role::Presenter, Role::Speaker, Role::Attendee],
        ] {
            assert_eq!(Roles::of(&roles).to_vec(), roles);
        }
        assert!(Roles::of(&[Role::Speaker, Role::Chair]).contains(Role::Chair));
        assert!(!Roles::of(&[Role::Speaker]).contains(Role::Chair));
    }

    #[test]
    fn a_corpus_catalog_keeps_what_the_views_read() {
        let corpus = Corpus::bundled();
        let c = Catalog::of(&corpus);
        assert_eq!(c.people.len(), corpus.people.len());
        assert_eq!(c.meetings.len(), corpus.meetings.len());
        for (card, a) in c.articles.iter().zip(&corpus.articles) {
            assert_eq!(card.meeting as usize, a.meeting);
            let people: Vec<usize> = card.people.iter().map(|&p| p as usize).collect();
            assert_eq!(people, a.people);
            for s in card.conclusions.iter() {
                let x = &a.facts.conclusions[s.n as usize];
                assert_eq!((&*s.text, s.deadline), (x.text.as_str(), x.deadline));
            }
        }
        // Equal strings are one.
        let titles: Vec<&Arc<str>> = c.people.iter().map(|p| &p.scope).collect();
        let same = titles.windows(2).find(|w| w[0] == w[1]).unwrap();
        assert!(Arc::ptr_eq(same[0], same[1]));
    }
}
