//! Building a corpus from extracted articles: meetings reported twice are
//! merged, people are resolved across articles, and each person's posts are
//! laid out in time.
//!
//! People are the same when their names are the same word for word (tone
//! placement aside) and they serve in the same province: the one their
//! posts name (a visiting delegation's), else the article's. Central
//! officials (whose every title is central: Politburo, Central Committee
//! departments) form one scope of their own, since they appear in every
//! province. A name seen with only central titles in a province where a
//! provincial official of that name is known is that official (a provincial
//! secretary is also a Central Committee member), and a name written with no
//! title is whoever of that name is known there or centrally.

use std::collections::{BTreeMap, HashMap};

use super::model::{Appearance, Article, CENTRAL, Corpus, Meeting, Person, Spell};
use crate::extract::{ArticleFacts, Date, Position, Role};
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

/// Where a person named in an article serves, read from their positions.
enum Scope {
    /// Every post held is central.
    Central,
    /// A province: the one most of their provincial posts name, else the
    /// article's ("?" when unknown).
    Province(String),
    /// No title at all: the same name already known decides.
    Untitled,
}

/// The scope of a person from the posts written for them in an article.
/// Former posts say nothing of where they serve now.
fn scope_of(province: Option<&str>, positions: &[Position]) -> Scope {
    let current: Vec<&Position> = positions.iter().filter(|p| !p.former).collect();
    if current.is_empty() {
        return Scope::Untitled;
    }
    let local: Vec<&Position> = current
        .iter()
        .copied()
        .filter(|p| !is_central(&p.title))
        .collect();
    if local.is_empty() {
        return Scope::Central;
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &local {
        if let Some(pr) = p.province.as_deref() {
            *counts.entry(pr).or_insert(0) += 1;
        }
    }
    let named = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(p, _)| p);
    Scope::Province(named.or(province).unwrap_or("?").to_string())
}

/// People are resolved in three rounds: provincial officials by name and
/// province; central officials by name, or as the provincial official of
/// that name in the article's province (a provincial secretary is also a
/// Central Committee member); people named with no title as whoever of that
/// name is known there or centrally, so a central leader is one person in
/// every province's stories.
fn resolve_people(corpus: &mut Corpus) {
    // (name key, scope) → person.
    let mut index: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut central: Vec<(usize, usize)> = Vec::new();
    let mut untitled: Vec<(usize, usize)> = Vec::new();
    for ai in 0..corpus.articles.len() {
        for pi in 0..corpus.articles[ai].facts.people.len() {
            let a = &corpus.articles[ai];
            let p = &a.facts.people[pi];
            let scope = match scope_of(a.facts.province.as_deref(), &p.positions) {
                Scope::Central => {
                    central.push((ai, pi));
                    continue;
                }
                Scope::Untitled => {
                    untitled.push((ai, pi));
                    continue;
                }
                Scope::Province(s) => s,
            };
            let key = (lex_key(&p.name), scope.clone());
            let person = *index
                .entry(key)
                .or_insert_with(|| new_person(&mut corpus.people, &p.name, &scope));
            attach(corpus, ai, pi, person);
        }
    }
    for (ai, pi) in central {
        let person = known_or_new(corpus, &mut index, ai, pi, CENTRAL);
        attach(corpus, ai, pi, person);
    }
    for (ai, pi) in untitled {
        let local = corpus.articles[ai]
            .facts
            .province
            .clone()
            .unwrap_or_else(|| "?".to_string());
        let name_key = lex_key(&corpus.articles[ai].facts.people[pi].name);
        let person = match index.get(&(name_key, CENTRAL.to_string())) {
            Some(&p) if !index.contains_key(&(lex_key(&corpus.people[p].name), local.clone())) => p,
            _ => known_or_new(corpus, &mut index, ai, pi, &local),
        };
        attach(corpus, ai, pi, person);
    }
    link_chairs(corpus);
}

/// The person of that name in the article's province if known, else the
/// one of that name in `scope`, made when new.
fn known_or_new(
    corpus: &mut Corpus,
    index: &mut BTreeMap<(String, String), usize>,
    ai: usize,
    pi: usize,
    scope: &str,
) -> usize {
    let a = &corpus.articles[ai];
    let name = a.facts.people[pi].name.clone();
    let name_key = lex_key(&name);
    let local = a
        .facts
        .province
        .as_ref()
        .and_then(|prov| index.get(&(name_key.clone(), prov.clone())).copied());
    match local {
        Some(p) => p,
        None => *index
            .entry((name_key, scope.to_string()))
            .or_insert_with(|| new_person(&mut corpus.people, &name, scope)),
    }
}

/// Each meeting's chairs by person index.
fn link_chairs(corpus: &mut Corpus) {
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
            // A former post was not held on this date.
            for pos in p.positions.iter().filter(|x| !x.former) {
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
