//! Building a corpus from extracted articles: meetings reported twice are
//! merged, people are resolved across articles, and each person's posts are
//! laid out in time.
//!
//! People are the same when their names are the same word for word (tone
//! placement aside) and they serve in the same province. Central officials
//! (whose every title is central: Politburo, Central Committee departments)
//! form one scope of their own, since they appear in every province. A name
//! seen with only central titles in a province where a provincial official
//! of that name is known is that official (a provincial secretary is also a
//! Central Committee member).

use std::collections::{BTreeMap, HashMap};

use super::model::{Appearance, Article, CENTRAL, Corpus, Meeting, Person, Spell};
use crate::extract::{ArticleFacts, Date, Role};
use crate::gazetteer::titles::{is_central, title_key};
use crate::text::{fold, lex_key};

/// An article ready to go into a corpus.
pub struct Input {
    pub id: String,
    pub file: String,
    pub text: String,
    pub facts: ArticleFacts,
}

/// Builds a corpus. Articles are ordered by id so the result does not depend
/// on the order files were read in.
pub fn build(mut inputs: Vec<Input>) -> Corpus {
    inputs.sort_by(|a, b| a.id.cmp(&b.id).then(a.file.cmp(&b.file)));
    let mut corpus = Corpus::default();
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    for input in inputs {
        let n = used_ids.entry(input.id.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 {
            input.id
        } else {
            format!("{}-{}", input.id, n)
        };
        let people = vec![usize::MAX; input.facts.people.len()];
        corpus.articles.push(Article {
            id,
            file: input.file,
            meeting: 0,
            people,
            facts: input.facts,
            text: input.text,
        });
    }
    link_meetings(&mut corpus);
    resolve_people(&mut corpus);
    build_timelines(&mut corpus);
    corpus
}

/// One meeting per (province, date, body); articles missing any of these
/// stand alone.
fn link_meetings(corpus: &mut Corpus) {
    let mut by_key: HashMap<(String, Date, String), usize> = HashMap::new();
    for ai in 0..corpus.articles.len() {
        let f = &corpus.articles[ai].facts;
        let key = match (&f.province, f.meeting.date, &f.meeting.body) {
            (Some(p), Some(d), Some(b)) => Some((fold(p), d, fold(b))),
            _ => None,
        };
        let existing = key.as_ref().and_then(|k| by_key.get(k).copied());
        let mi = match existing {
            Some(mi) => {
                corpus.meetings[mi].articles.push(ai);
                mi
            }
            None => {
                corpus.meetings.push(Meeting {
                    articles: vec![ai],
                    title: f.title.clone(),
                    province: f.province.clone(),
                    date: f.meeting.date.or(f.published),
                    body: f.meeting.body.clone(),
                    session: f.meeting.session,
                    term: f.meeting.term.clone(),
                    chairs: Vec::new(),
                });
                if let Some(k) = key {
                    by_key.insert(k, corpus.meetings.len() - 1);
                }
                corpus.meetings.len() - 1
            }
        };
        corpus.articles[ai].meeting = mi;
    }
}

/// The scope a person is seen in: the article's province, or the centre
/// when all their titles there are central.
fn scope_of(province: Option<&str>, titles: &[&str]) -> String {
    if !titles.is_empty() && titles.iter().all(|t| is_central(t)) {
        return CENTRAL.to_string();
    }
    province.map_or_else(|| "?".to_string(), str::to_string)
}

fn resolve_people(corpus: &mut Corpus) {
    // (name key, scope) → person.
    let mut index: BTreeMap<(String, String), usize> = BTreeMap::new();
    // Central-looking mentions are resolved after every provincial one is known.
    let mut deferred: Vec<(usize, usize)> = Vec::new();
    for ai in 0..corpus.articles.len() {
        for pi in 0..corpus.articles[ai].facts.people.len() {
            let a = &corpus.articles[ai];
            let p = &a.facts.people[pi];
            let titles: Vec<&str> = p.titles().collect();
            let scope = scope_of(a.facts.province.as_deref(), &titles);
            if scope == CENTRAL {
                deferred.push((ai, pi));
                continue;
            }
            let key = (lex_key(&p.name), scope.clone());
            let person = *index
                .entry(key)
                .or_insert_with(|| new_person(&mut corpus.people, &p.name, &scope));
            attach(corpus, ai, pi, person);
        }
    }
    for (ai, pi) in deferred {
        let a = &corpus.articles[ai];
        let name_key = lex_key(&a.facts.people[pi].name);
        let local = a
            .facts
            .province
            .as_ref()
            .and_then(|prov| index.get(&(name_key.clone(), prov.clone())).copied());
        let person = match local {
            Some(p) => p,
            None => {
                let name = a.facts.people[pi].name.clone();
                *index
                    .entry((name_key, CENTRAL.to_string()))
                    .or_insert_with(|| new_person(&mut corpus.people, &name, CENTRAL))
            }
        };
        attach(corpus, ai, pi, person);
    }
    // Chairs by person index.
    for mi in 0..corpus.meetings.len() {
        let mut chairs = Vec::new();
        for &ai in &corpus.meetings[mi].articles {
            let a = &corpus.articles[ai];
            for (pi, p) in a.facts.people.iter().enumerate() {
                if p.roles.contains(&Role::Chair) && !chairs.contains(&a.people[pi]) {
                    chairs.push(a.people[pi]);
                }
            }
        }
        corpus.meetings[mi].chairs = chairs;
    }
}

fn new_person(people: &mut Vec<Person>, name: &str, scope: &str) -> usize {
    people.push(Person {
        name: name.to_string(),
        scope: scope.to_string(),
        appearances: Vec::new(),
        timeline: Vec::new(),
    });
    people.len() - 1
}

fn attach(corpus: &mut Corpus, ai: usize, pi: usize, person: usize) {
    let a = &mut corpus.articles[ai];
    a.people[pi] = person;
    let appearance = Appearance {
        meeting: a.meeting,
        article: ai,
        roles: a.facts.people[pi].roles.clone(),
        date: a.date(),
    };
    let apps = &mut corpus.people[person].appearances;
    if !apps.iter().any(|x| x.meeting == appearance.meeting) {
        apps.push(appearance);
    }
}

/// Each person's posts: one spell per (title, province), with the dates and
/// meetings that show it.
fn build_timelines(corpus: &mut Corpus) {
    struct Acc {
        spellings: BTreeMap<String, usize>,
        province: Option<String>,
        first: Option<Date>,
        last: Option<Date>,
        meetings: Vec<usize>,
    }
    let mut per_person: Vec<BTreeMap<(String, String), Acc>> =
        (0..corpus.people.len()).map(|_| BTreeMap::new()).collect();
    for a in &corpus.articles {
        let date = a.date();
        for (pi, p) in a.facts.people.iter().enumerate() {
            let person = a.people[pi];
            for pos in &p.positions {
                let province = pos.province.clone().or_else(|| {
                    if is_central(&pos.title) {
                        None
                    } else {
                        a.facts.province.clone()
                    }
                });
                let key = (title_key(&pos.title), province.clone().unwrap_or_default());
                let acc = per_person[person].entry(key).or_insert_with(|| Acc {
                    spellings: BTreeMap::new(),
                    province,
                    first: None,
                    last: None,
                    meetings: Vec::new(),
                });
                *acc.spellings.entry(pos.title.clone()).or_insert(0) += 1;
                if let Some(d) = date {
                    acc.first = Some(acc.first.map_or(d, |f| f.min(d)));
                    acc.last = Some(acc.last.map_or(d, |l| l.max(d)));
                }
                if !acc.meetings.contains(&a.meeting) {
                    acc.meetings.push(a.meeting);
                }
            }
        }
    }
    for (person, spells) in per_person.into_iter().enumerate() {
        let mut timeline: Vec<Spell> = spells
            .into_values()
            .map(|acc| {
                // The most common spelling, the earliest written on a tie.
                let title = acc
                    .spellings
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(t, _)| t.clone())
                    .unwrap_or_default();
                Spell {
                    title,
                    province: acc.province,
                    first_seen: acc.first,
                    last_seen: acc.last,
                    meetings: acc.meetings,
                }
            })
            .collect();
        timeline.sort_by(|a, b| a.first_seen.cmp(&b.first_seen).then(a.title.cmp(&b.title)));
        let p = &mut corpus.people[person];
        p.appearances
            .sort_by(|a, b| a.date.cmp(&b.date).then(a.meeting.cmp(&b.meeting)));
        p.timeline = timeline;
    }
}
