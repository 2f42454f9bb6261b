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
//!
//! Records of one name in two provinces are then joined on evidence only:
//! an article naming the person's posts in both ("nguyên Bí thư Tỉnh ủy Bà
//! Rịa - Vũng Tàu" in a Đồng Nai story), or a province merged on 1 July
//! 2025 whose official goes on in the merged one. Each person keeps the
//! reasons in `merged`.

use super::model::{
    Appearance, Article, CENTRAL, Corpus, Meeting, MergeKind, MergeReason, Person, Spell,
};
use crate::extract::{ArticleFacts, Date, Position, Role};
use crate::gazetteer::provinces::{self, PROVINCES};
use crate::gazetteer::titles::{is_central, title_key};
use crate::gazetteer::{FastMap, FastSet};
use crate::text::{fold, lex_key};

/// An article ready to go into a corpus.
pub struct Input {
    pub id: String,
    pub file: String,
    pub text: String,
    pub facts: ArticleFacts,
    /// The hash of the text's wording ([`super::dedupe::text_hash`]), worked
    /// out where the text was read: duplicates are told by it, and a store
    /// keeps it.
    pub text_hash: Option<i64>,
}

/// Builds a corpus. Articles are ordered by id so the result does not depend
/// on the order files were read in.
pub fn build(inputs: Vec<Input>) -> Corpus {
    build_keyed(inputs).0
}

/// Builds a corpus, with the keys of the names of its people worked out
/// on the way.
pub(crate) fn build_keyed(mut inputs: Vec<Input>) -> (Corpus, NameKeys) {
    inputs.sort_by(|a, b| a.id.cmp(&b.id).then(a.file.cmp(&b.file)));
    let mut corpus = Corpus::default();
    let mut used_ids: FastMap<String, usize> = FastMap::default();
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
    let names = resolve(&mut corpus);
    link_chairs(&mut corpus);
    (corpus, names)
}

/// Resolves the people of articles whose meetings are already linked:
/// records by name and province, joined across provinces, with their
/// timelines. People of different names never meet in any of these steps,
/// so the people of some names can be resolved from only the articles
/// that name them. Returns the keys of the names met.
pub(crate) fn resolve(corpus: &mut Corpus) -> NameKeys {
    let mut keys = Keys::new();
    resolve_people(corpus, &mut keys);
    join_across_provinces(corpus, &mut keys);
    build_timelines(corpus, &mut keys.central);
    NameKeys(keys.names)
}

/// The [`lex_key`] of each name of people resolved, as worked out then.
pub(crate) struct NameKeys(Memo<String>);

impl NameKeys {
    /// The key of `name`, if it was met.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        let place = self.0.known.get(name)?;
        Some(self.0.answer(*place).as_str())
    }
}

/// What every step asks of the same names, titles and provinces, worked
/// out once however often they are named.
struct Keys {
    names: Memo<String>,
    central: Memo<bool>,
    canon: Memo<String>,
}

impl Keys {
    fn new() -> Self {
        Keys {
            names: Memo::new(lex_key),
            central: Memo::new(is_central),
            canon: Memo::new(canonical),
        }
    }
}

/// The key a meeting is told by: province, date and body, folded; None for
/// an article missing any of these, whose meeting stands alone.
pub(crate) fn meeting_key(f: &ArticleFacts) -> Option<(String, Date, String)> {
    match (&f.province, f.meeting.date, &f.meeting.body) {
        (Some(p), Some(d), Some(b)) => Some((fold(p), d, fold(b))),
        _ => None,
    }
}

/// One meeting per (province, date, body); articles missing any of these
/// stand alone.
fn link_meetings(corpus: &mut Corpus) {
    let mut by_key: FastMap<(String, Date, String), usize> = FastMap::default();
    for ai in 0..corpus.articles.len() {
        let f = &corpus.articles[ai].facts;
        let key = meeting_key(f);
        let existing = key.as_ref().and_then(|k| by_key.get(k).copied());
        let mi = match existing {
            Some(mi) => {
                corpus.meetings[mi].articles.push(ai);
                mi
            }
            None => {
                corpus.meetings.push(new_meeting(f, ai));
                if let Some(k) = key {
                    by_key.insert(k, corpus.meetings.len() - 1);
                }
                corpus.meetings.len() - 1
            }
        };
        corpus.articles[ai].meeting = mi;
    }
}

/// The meeting first reported by article `ai`, with these facts.
pub(crate) fn new_meeting(f: &ArticleFacts, ai: usize) -> Meeting {
    Meeting {
        articles: vec![ai],
        title: f.title.clone(),
        province: f.province.clone(),
        date: f.meeting.date.or(f.published),
        body: f.meeting.body.clone(),
        session: f.meeting.session,
        term: f.meeting.term.clone(),
        chairs: Vec::new(),
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
fn scope_of(
    province: Option<&str>,
    positions: &[Position],
    central: &mut Memo<bool>,
    local: &mut Vec<usize>,
) -> Scope {
    // `local`: the current provincial posts, by their place in `positions`.
    local.clear();
    let mut current = false;
    for (i, p) in positions.iter().enumerate().filter(|(_, p)| !p.former) {
        current = true;
        if !*central.get(&p.title) {
            local.push(i);
        }
    }
    if !current {
        return Scope::Untitled;
    }
    if local.is_empty() {
        return Scope::Central;
    }
    // The province most posts name, the first by name on a tie: a person
    // has a post or two, so each is counted among the rest.
    let province_of = |i: usize| positions[i].province.as_deref();
    let mut named: Option<(&str, usize)> = None;
    for &i in local.iter() {
        let Some(pr) = province_of(i) else { continue };
        let n = local
            .iter()
            .filter(|&&j| province_of(j) == Some(pr))
            .count();
        if named.is_none_or(|(best, most)| n > most || (n == most && pr < best)) {
            named = Some((pr, n));
        }
    }
    Scope::Province(
        named
            .map(|(p, _)| p)
            .or(province)
            .unwrap_or("?")
            .to_string(),
    )
}

/// People are resolved in three rounds: provincial officials by name and
/// province; central officials by name, or as the provincial official of
/// that name in the article's province (a provincial secretary is also a
/// Central Committee member); people named with no title as whoever of that
/// name is known there or centrally, so a central leader is one person in
/// every province's stories.
fn resolve_people(corpus: &mut Corpus, keys: &mut Keys) {
    let mut index = ByName::default();
    let (names, central_titles) = (&mut keys.names, &mut keys.central);
    let mut central: Vec<(usize, usize)> = Vec::new();
    let mut untitled: Vec<(usize, usize)> = Vec::new();
    let mut attached = Attached::default();
    let mut local = Vec::new();
    for ai in 0..corpus.articles.len() {
        for pi in 0..corpus.articles[ai].facts.people.len() {
            let a = &corpus.articles[ai];
            let p = &a.facts.people[pi];
            let province = a.facts.province.as_deref();
            let scope = match scope_of(province, &p.positions, central_titles, &mut local) {
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
            let person = index.get_or_insert_with(names.get(&p.name), &scope, || {
                new_person(&mut corpus.people, &p.name, &scope)
            });
            attach(corpus, &mut attached, ai, pi, person);
        }
    }
    for (ai, pi) in central {
        let name_key = names.get(&corpus.articles[ai].facts.people[pi].name);
        let person = known_or_new(corpus, &mut index, (ai, pi), name_key, CENTRAL);
        attach(corpus, &mut attached, ai, pi, person);
    }
    for (ai, pi) in untitled {
        let local = corpus.articles[ai]
            .facts
            .province
            .clone()
            .unwrap_or_else(|| "?".to_string());
        let name_key = names.get(&corpus.articles[ai].facts.people[pi].name);
        // The central person of a name is made under that name's key.
        let person = match index.get(name_key, CENTRAL) {
            Some(p) if index.get(name_key, &local).is_none() => p,
            _ => known_or_new(corpus, &mut index, (ai, pi), name_key, &local),
        };
        attach(corpus, &mut attached, ai, pi, person);
    }
}

/// People (or records) by name key, then scope: looked up by borrowed
/// keys, a name's few scopes searched in a line, in the order they came.
#[derive(Default)]
struct ByName(FastMap<String, Vec<(String, usize)>>);

impl ByName {
    /// Those of `name_key` in `scope`, in the order they came.
    fn all<'b>(&'b self, name_key: &str, scope: &'b str) -> impl Iterator<Item = usize> + 'b {
        let of_name = self.0.get(name_key).into_iter().flatten();
        of_name.filter(move |(s, _)| s == scope).map(|&(_, p)| p)
    }

    /// The first of `name_key` in `scope`.
    fn get(&self, name_key: &str, scope: &str) -> Option<usize> {
        self.all(name_key, scope).next()
    }

    /// Adds `p` under `name_key` in `scope`.
    fn push(&mut self, name_key: &str, scope: String, p: usize) {
        match self.0.get_mut(name_key) {
            Some(scopes) => scopes.push((scope, p)),
            None => {
                self.0.insert(name_key.to_string(), vec![(scope, p)]);
            }
        }
    }

    /// The person of `name_key` in `scope`, made by `make` when none is.
    fn get_or_insert_with(
        &mut self,
        name_key: &str,
        scope: &str,
        make: impl FnOnce() -> usize,
    ) -> usize {
        if let Some(p) = self.get(name_key, scope) {
            return p;
        }
        let p = make();
        self.push(name_key, scope.to_string(), p);
        p
    }
}

/// The person of that name in the article's province if known, else the
/// one of that name in `scope`, made when new.
fn known_or_new(
    corpus: &mut Corpus,
    index: &mut ByName,
    (ai, pi): (usize, usize),
    name_key: &str,
    scope: &str,
) -> usize {
    let a = &corpus.articles[ai];
    let local = a
        .facts
        .province
        .as_deref()
        .and_then(|prov| index.get(name_key, prov));
    match local {
        Some(p) => p,
        None => {
            let name = &a.facts.people[pi].name;
            index.get_or_insert_with(name_key, scope, || {
                new_person(&mut corpus.people, name, scope)
            })
        }
    }
}

// ---- One official across provinces ----------------------------------------
//
// The first rounds keep provinces apart, so an official who moved is two
// records. Two records of one name are joined only on evidence: an article
// naming the person's posts in both provinces ("nguyên Bí thư Tỉnh ủy Bà Rịa
// - Vũng Tàu" in a Đồng Nai story), or the province merging into another on
// 1 July 2025 with the posts going on there. A name alone never joins
// provinces: namesakes in two provinces stay two people.

/// A province by its gazetteer name, so that spellings of one province meet.
fn canonical(province: &str) -> String {
    provinces::lookup(province).map_or_else(|| province.to_string(), |p| p.name.to_string())
}

/// Answers worked out once per distinct text: the same few dozen province
/// spellings and titles recur across every article.
struct Memo<T> {
    work: fn(&str) -> T,
    /// The place of each text's answer in `answers`: a text already met
    /// is hashed and compared once, not again to fetch its answer.
    known: FastMap<Box<str>, usize>,
    answers: Vec<T>,
}

impl<T> Memo<T> {
    fn new(work: fn(&str) -> T) -> Self {
        Memo {
            work,
            known: FastMap::default(),
            answers: Vec::new(),
        }
    }

    fn get(&mut self, text: &str) -> &T {
        let i = self.place(text);
        &self.answers[i]
    }

    /// Where the answer for `text` is kept, worked out when new: for
    /// holding two answers at once (see [`Memo::answer`]).
    fn place(&mut self, text: &str) -> usize {
        match self.known.get(text) {
            Some(&i) => i,
            None => {
                self.answers.push((self.work)(text));
                self.known.insert(text.into(), self.answers.len() - 1);
                self.answers.len() - 1
            }
        }
    }

    fn answer(&self, place: usize) -> &T {
        &self.answers[place]
    }
}

/// A record's dated appearance: the date, the article, and the person
/// named there (whose posts are read when asked for, not copied).
#[derive(Clone, Copy)]
struct Sighting {
    date: Date,
    article: usize,
    fact: usize,
}

impl Sighting {
    /// The posts written for the person then, former ones aside.
    fn titles<'c>(&self, corpus: &'c Corpus) -> Vec<&'c str> {
        let p = &corpus.articles[self.article].facts.people[self.fact];
        p.positions
            .iter()
            .filter(|x| !x.former)
            .map(|x| x.title.as_str())
            .collect()
    }
}

/// The earliest and latest dated appearances of a record.
#[derive(Clone, Default)]
struct Seen {
    first: Option<Sighting>,
    last: Option<Sighting>,
}

/// What the articles show of each record, by record index.
fn sightings(corpus: &Corpus) -> Vec<Seen> {
    let mut seen = vec![Seen::default(); corpus.people.len()];
    for (ai, a) in corpus.articles.iter().enumerate() {
        let Some(date) = a.date() else { continue };
        for pi in 0..a.facts.people.len() {
            let Some(s) = seen.get_mut(a.people[pi]) else {
                continue;
            };
            let sighting = Sighting {
                date,
                article: ai,
                fact: pi,
            };
            if s.first.as_ref().is_none_or(|f| date < f.date) {
                s.first = Some(sighting);
            }
            if s.last.as_ref().is_none_or(|l| date > l.date) {
                s.last = Some(sighting);
            }
        }
    }
    seen
}

/// Records by name key, each with its gazetteer province (or
/// [`CENTRAL`]), in record order.
fn records_by_name_and_province(corpus: &Corpus, keys: &mut Keys) -> ByName {
    let mut by = ByName::default();
    for (i, p) in corpus.people.iter().enumerate() {
        let scope = if p.scope == CENTRAL {
            p.scope.clone()
        } else {
            keys.canon.get(&p.scope).clone()
        };
        by.push(keys.names.get(&p.name), scope, i);
    }
    by
}

/// Two records found to be one official, and why.
struct Link {
    kept: usize,
    joined: usize,
    reason: MergeReason,
}

/// Links from articles that name a person's posts in another province
/// than the record they were resolved to.
fn bridges(corpus: &Corpus, records: &ByName, keys: &mut Keys) -> Vec<Link> {
    let mut links = Vec::new();
    let Keys {
        names,
        central,
        canon,
    } = keys;
    for (ai, a) in corpus.articles.iter().enumerate() {
        for (pi, p) in a.facts.people.iter().enumerate() {
            let here = a.people[pi];
            let Some(record) = corpus.people.get(here) else {
                continue;
            };
            let here_scope = canon.place(&record.scope);
            // Keyed only when a post names another province.
            let mut key = None;
            for pos in &p.positions {
                let there = if *central.get(&pos.title) {
                    // A central post now is a membership a provincial
                    // leader also holds; a former one is a past career.
                    if !pos.former {
                        continue;
                    }
                    CENTRAL
                } else {
                    let Some(there) = pos.province.as_deref() else {
                        continue;
                    };
                    let there = canon.place(there);
                    canon.answer(there).as_str()
                };
                if there == canon.answer(here_scope) {
                    continue;
                }
                let key = *key.get_or_insert_with(|| names.place(&p.name));
                let key = names.answer(key);
                for other in records.all(key, there).filter(|&o| o != here) {
                    links.push(Link {
                        kept: here,
                        joined: other,
                        reason: MergeReason {
                            kind: MergeKind::Bridge,
                            article: ai,
                            from: corpus.people[other].scope.clone(),
                            to: record.scope.clone(),
                            evidence: pos.title.clone(),
                        },
                    });
                }
            }
        }
    }
    links
}

/// How high a set of posts sits: the province's own, a district's or
/// commune's, or not to be told from the words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tier {
    Province,
    Local,
    Unknown,
}

fn tier(titles: &[&str]) -> Tier {
    let keys: Vec<String> = titles.iter().map(|t| title_key(t)).collect();
    let has = |w: &str| keys.iter().any(|k| k.split(' ').any(|x| x == w));
    if has("tinh") {
        Tier::Province
    } else if ["huyen", "quan", "xa", "phuong", "khu"]
        .iter()
        .any(|w| has(w))
    {
        Tier::Local
    } else {
        Tier::Unknown
    }
}

/// Whether posts seen after the merger can continue those seen before: a
/// provincial leader re-seated in the merged province, not a namesake
/// heading a commune.
fn posts_follow(before: &[&str], after: &[&str]) -> bool {
    !(tier(before) == Tier::Province && tier(after) == Tier::Local)
}

/// Links from the 2025 merger: a record of a merged province seen only
/// from 1 July 2025 on, and the one record of that name in its
/// predecessors seen only before, whose posts it continues.
fn merger_continuations(
    corpus: &Corpus,
    seen: &[Seen],
    records: &ByName,
    names: &mut Memo<String>,
) -> Vec<Link> {
    let day = super::leadership::merger_day();
    let mut links = Vec::new();
    let mut unit_of = Memo::new(provinces::lookup);
    for (x, person) in corpus.people.iter().enumerate() {
        let Some(unit) = *unit_of.get(&person.scope) else {
            continue;
        };
        let Some(after) = seen[x].first.as_ref().filter(|f| f.date >= day) else {
            continue;
        };
        let key = names.get(&person.name);
        let after_titles = after.titles(corpus);
        let earlier: Vec<(usize, &Sighting, Vec<&str>)> = PROVINCES
            .iter()
            .filter(|p| p.merged_into == unit.merged_into && p.name != unit.name)
            .flat_map(|p| records.all(key, p.name))
            .filter_map(|y| seen[y].last.as_ref().map(|l| (y, l, l.titles(corpus))))
            .filter(|(_, before, titles)| before.date < day && posts_follow(titles, &after_titles))
            .collect();
        // Two candidates of one name: nothing tells which one it is.
        let [(y, before, ref before_titles)] = earlier[..] else {
            continue;
        };
        links.push(Link {
            kept: x,
            joined: y,
            reason: MergeReason {
                kind: MergeKind::Merger,
                article: after.article,
                from: corpus.people[y].scope.clone(),
                to: person.scope.clone(),
                evidence: format!(
                    "{} {} until {}; {} {} from {}",
                    posts_or_named(before_titles),
                    corpus.people[y].scope,
                    before.date,
                    posts_or_named(&after_titles),
                    person.scope,
                    after.date
                ),
            },
        });
    }
    links
}

fn posts_or_named(titles: &[&str]) -> String {
    if titles.is_empty() {
        "named".to_string()
    } else {
        titles.join(", ")
    }
}

/// Joins the records of one official across provinces and renumbers people.
fn join_across_provinces(corpus: &mut Corpus, keys: &mut Keys) {
    let records = records_by_name_and_province(corpus, keys);
    let seen = sightings(corpus);
    let mut links = bridges(corpus, &records, keys);
    links.extend(merger_continuations(
        corpus,
        &seen,
        &records,
        &mut keys.names,
    ));
    let mut sets = DisjointSets::new(corpus.people.len());
    let mut reasons: Vec<(usize, MergeReason)> = Vec::new();
    for link in links {
        if sets.union(link.kept, link.joined) {
            reasons.push((link.kept, link.reason));
        }
    }
    if reasons.is_empty() {
        return;
    }
    regroup(corpus, &mut sets, &seen, reasons);
}

/// One person per set of records, in the order of their first record; the
/// scope is that of the record seen last; each keeps the reasons its
/// records were joined for.
fn regroup(
    corpus: &mut Corpus,
    sets: &mut DisjointSets,
    seen: &[Seen],
    reasons: Vec<(usize, MergeReason)>,
) {
    let old = std::mem::take(&mut corpus.people);
    let mut by_root: FastMap<usize, usize> = FastMap::default();
    let mut latest: Vec<Option<Date>> = Vec::new();
    let mut new_index = vec![0; old.len()];
    for (r, record) in old.into_iter().enumerate() {
        let last = seen[r].last.as_ref().map(|l| l.date);
        let root = sets.find(r);
        let ni = match by_root.get(&root) {
            Some(&ni) => ni,
            None => {
                by_root.insert(root, corpus.people.len());
                latest.push(last);
                corpus.people.push(Person {
                    appearances: Vec::new(),
                    ..record.clone()
                });
                corpus.people.len() - 1
            }
        };
        new_index[r] = ni;
        let person = &mut corpus.people[ni];
        if last > latest[ni] {
            latest[ni] = last;
            person.scope = record.scope;
        }
        person.appearances.extend(record.appearances);
    }
    for (record, reason) in reasons {
        corpus.people[new_index[record]].merged.push(reason);
    }
    // Records of one person may show the same meeting: keep its first showing.
    for person in corpus.people.iter_mut().filter(|p| !p.merged.is_empty()) {
        person.appearances.sort_by_key(|a| a.meeting);
        person.appearances.dedup_by_key(|a| a.meeting);
    }
    for a in &mut corpus.articles {
        for p in &mut a.people {
            if let Some(&ni) = new_index.get(*p) {
                *p = ni;
            }
        }
    }
}

/// Union-find over record indices.
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        let mut y = x;
        while self.parent[y] != root {
            let next = self.parent[y];
            self.parent[y] = root;
            y = next;
        }
        root
    }

    /// Joins the sets of `a` and `b`; false when they were one already.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        self.parent[rb.max(ra)] = rb.min(ra);
        true
    }
}

/// Each meeting's chairs by person index.
pub(crate) fn link_chairs(corpus: &mut Corpus) {
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
        merged: Vec::new(),
    });
    people.len() - 1
}

/// The (person, meeting) pairs with an appearance: looked up, not searched
/// for in the person's appearances, which run to thousands for a leader.
type Attached = FastSet<(usize, usize)>;

/// Names fact `pi` of article `ai` as `person`, with an appearance at the
/// article's meeting unless the person has one there.
fn attach(corpus: &mut Corpus, attached: &mut Attached, ai: usize, pi: usize, person: usize) {
    let a = &mut corpus.articles[ai];
    a.people[pi] = person;
    let appearance = Appearance {
        meeting: a.meeting,
        article: ai,
        roles: a.facts.people[pi].roles.clone(),
        date: a.date(),
    };
    if attached.insert((person, appearance.meeting)) {
        corpus.people[person].appearances.push(appearance);
    }
}

/// Each person's posts: one spell per (title, province), with the dates and
/// meetings that show it.
fn build_timelines(corpus: &mut Corpus, central: &mut Memo<bool>) {
    let Corpus {
        articles, people, ..
    } = corpus;
    let mut posts = Posts::new();
    for a in articles.iter() {
        let date = a.date();
        for (pi, p) in a.facts.people.iter().enumerate() {
            let person = a.people[pi];
            // A former post was not held on this date.
            for pos in p.positions.iter().filter(|x| !x.former) {
                let province = if *central.get(&pos.title) {
                    None
                } else {
                    pos.province.as_ref().or(a.facts.province.as_ref())
                };
                posts.add(person, &pos.title, province, (date, a.meeting));
            }
        }
    }
    let mut timelines = posts.timelines(people.len()).into_iter();
    for p in people.iter_mut() {
        let mut timeline = timelines.next().unwrap_or_default();
        timeline.sort_by(|a, b| a.first_seen.cmp(&b.first_seen).then(a.title.cmp(&b.title)));
        p.appearances
            .sort_by(|a, b| a.date.cmp(&b.date).then(a.meeting.cmp(&b.meeting)));
        p.timeline = timeline;
    }
}

/// The posts of people as the articles show them: one per person, title
/// key and place, numbered as first met rather than kept in maps by text,
/// which each post written would search.
struct Posts<'c> {
    /// Title keys by the title written.
    keys: Memo<String>,
    /// The number of each title's key (by its place in `keys`), once met.
    key_numbers: Vec<Option<usize>>,
    key_texts: Vec<String>,
    key_of: FastMap<String, usize>,
    /// Places ("" for none) by number.
    places: Vec<&'c str>,
    place_of: FastMap<&'c str, usize>,
    /// Each (person, key, place)'s post in `posts`.
    post_of: FastMap<(usize, usize, usize), usize>,
    posts: Vec<Post<'c>>,
    /// The (post, meeting) pairs in a post's meetings: a leader's post
    /// shows in thousands.
    met: FastSet<(usize, usize)>,
}

/// A person's post, of one title key in one place, as far as seen.
struct Post<'c> {
    person: usize,
    key: usize,
    place: usize,
    /// The province of the first showing.
    province: Option<&'c String>,
    /// Each spelling of the title, and how often it is written.
    spellings: Vec<(&'c str, usize)>,
    first: Option<Date>,
    last: Option<Date>,
    meetings: Vec<usize>,
}

impl<'c> Posts<'c> {
    fn new() -> Self {
        Posts {
            keys: Memo::new(title_key),
            key_numbers: Vec::new(),
            key_texts: Vec::new(),
            key_of: FastMap::default(),
            places: Vec::new(),
            place_of: FastMap::default(),
            post_of: FastMap::default(),
            posts: Vec::new(),
            met: FastSet::default(),
        }
    }

    /// `title`, held by `person` in `province`, shown on `date` at
    /// `meeting`.
    fn add(
        &mut self,
        person: usize,
        title: &'c str,
        province: Option<&'c String>,
        (date, meeting): (Option<Date>, usize),
    ) {
        let key = self.key_number(title);
        let place = self.place_number(province.map_or("", String::as_str));
        let next = self.posts.len();
        let at = *self.post_of.entry((person, key, place)).or_insert(next);
        if at == next {
            self.posts.push(Post {
                person,
                key,
                place,
                province,
                spellings: Vec::new(),
                first: None,
                last: None,
                meetings: Vec::new(),
            });
        }
        let post = &mut self.posts[at];
        match post.spellings.iter_mut().find(|(t, _)| *t == title) {
            Some((_, n)) => *n += 1,
            None => post.spellings.push((title, 1)),
        }
        if let Some(d) = date {
            post.first = Some(post.first.map_or(d, |f| f.min(d)));
            post.last = Some(post.last.map_or(d, |l| l.max(d)));
        }
        if self.met.insert((at, meeting)) {
            post.meetings.push(meeting);
        }
    }

    /// The number of `title`'s key.
    fn key_number(&mut self, title: &str) -> usize {
        let place = self.keys.place(title);
        if self.key_numbers.len() <= place {
            self.key_numbers.resize(place + 1, None);
        }
        if let Some(n) = self.key_numbers[place] {
            return n;
        }
        let key = self.keys.answer(place);
        let n = match self.key_of.get(key.as_str()) {
            Some(&n) => n,
            None => {
                self.key_texts.push(key.clone());
                self.key_of.insert(key.clone(), self.key_texts.len() - 1);
                self.key_texts.len() - 1
            }
        };
        self.key_numbers[place] = Some(n);
        n
    }

    fn place_number(&mut self, place: &'c str) -> usize {
        let next = self.places.len();
        let n = *self.place_of.entry(place).or_insert(next);
        if n == next {
            self.places.push(place);
        }
        n
    }

    /// Each of `n` people's spells, by title key then place (as text).
    fn timelines(mut self, n: usize) -> Vec<Vec<Spell>> {
        let (keys, places) = (&self.key_texts, &self.places);
        self.posts.sort_unstable_by(|a, b| {
            (a.person.cmp(&b.person))
                .then_with(|| keys[a.key].cmp(&keys[b.key]))
                .then_with(|| places[a.place].cmp(places[b.place]))
        });
        let mut out: Vec<Vec<Spell>> = (0..n).map(|_| Vec::new()).collect();
        for post in self.posts {
            // The most common spelling, the earliest written on a tie.
            let title = (post.spellings.iter())
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map(|(t, _)| t.to_string())
                .unwrap_or_default();
            out[post.person].push(Spell {
                title,
                province: post.province.cloned(),
                first_seen: post.first,
                last_seen: post.last,
                meetings: post.meetings,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::extract::{PersonFact, Position};

    /// Each person's spells as laid out by maps of title keys and places
    /// by text, the plain way [`build_timelines`] must match.
    fn timelines_by_maps(corpus: &Corpus) -> Vec<Vec<Spell>> {
        struct Acc {
            spellings: BTreeMap<String, usize>,
            province: Option<String>,
            first: Option<Date>,
            last: Option<Date>,
            meetings: Vec<usize>,
        }
        let mut per_person: Vec<BTreeMap<String, BTreeMap<String, Acc>>> =
            (0..corpus.people.len()).map(|_| BTreeMap::new()).collect();
        for a in &corpus.articles {
            let date = a.date();
            for (pi, p) in a.facts.people.iter().enumerate() {
                for pos in p.positions.iter().filter(|x| !x.former) {
                    let province = if is_central(&pos.title) {
                        None
                    } else {
                        pos.province.as_ref().or(a.facts.province.as_ref())
                    };
                    let by_place = per_person[a.people[pi]]
                        .entry(title_key(&pos.title))
                        .or_default();
                    let acc = (by_place.entry(province.cloned().unwrap_or_default()))
                        .or_insert_with(|| Acc {
                            spellings: BTreeMap::new(),
                            province: province.cloned(),
                            first: None,
                            last: None,
                            meetings: Vec::new(),
                        });
                    *acc.spellings.entry(pos.title.clone()).or_default() += 1;
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
        let spell = |acc: Acc| Spell {
            title: (acc.spellings.iter())
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(t, _)| t.clone())
                .unwrap_or_default(),
            province: acc.province,
            first_seen: acc.first,
            last_seen: acc.last,
            meetings: acc.meetings,
        };
        (per_person.into_iter())
            .map(|spells| {
                let mut timeline: Vec<Spell> = (spells.into_values())
                    .flat_map(BTreeMap::into_values)
                    .map(spell)
                    .collect();
                timeline
                    .sort_by(|a, b| (a.first_seen.cmp(&b.first_seen)).then(a.title.cmp(&b.title)));
                timeline
            })
            .collect()
    }

    /// Titles whose keys meet (case, spacing) or not, central or not.
    const TITLES: &[&str] = &[
        "Bí thư Tỉnh ủy",
        "bí thư tỉnh ủy",
        "Bí thư  Tỉnh ủy",
        "Phó Bí thư Tỉnh ủy",
        "Chủ tịch UBND tỉnh",
        "Ủy viên Bộ Chính trị",
        "Bí thư Huyện ủy",
    ];
    const PROVINCES: &[&str] = &["Thái Bình", "Nghệ An", "Bà Rịa - Vũng Tàu", ""];
    const NAMES: &[&str] = &["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"];

    fn position() -> impl proptest::strategy::Strategy<Value = Position> {
        use proptest::prelude::*;
        let province = proptest::option::of(proptest::sample::select(PROVINCES));
        (proptest::sample::select(TITLES), province, any::<bool>()).prop_map(
            |(title, province, former)| Position {
                title: title.to_string(),
                province: province.map(str::to_string),
                former,
                ..Position::default()
            },
        )
    }

    /// An article's province, day and body (0: none), and people.
    type Case = (
        Option<&'static str>,
        u8,
        u8,
        Vec<(&'static str, Vec<Position>)>,
    );

    fn input() -> impl proptest::strategy::Strategy<Value = Case> {
        let person = (
            proptest::sample::select(NAMES),
            proptest::collection::vec(position(), 0..3),
        );
        (
            proptest::option::of(proptest::sample::select(PROVINCES)),
            0u8..4,
            0u8..4,
            proptest::collection::vec(person, 0..4),
        )
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::cases(200))]

        #[test]
        fn timelines_are_those_laid_out_by_maps(
            articles in proptest::collection::vec(input(), 1..12),
        ) {
            let inputs = (articles.into_iter().enumerate())
                .map(|(i, (province, day, body, people))| {
                    let mut facts = ArticleFacts {
                        province: province.map(str::to_string),
                        ..ArticleFacts::default()
                    };
                    // Some days unknown, some articles of one meeting.
                    // Months on both sides of the provinces' merger.
                    facts.meeting.date = Date::ymd(2025, 5 + u32::from(day), 9).filter(|_| day > 0);
                    facts.meeting.body = (body > 0).then(|| format!("Hội nghị {body}"));
                    facts.people = (people.into_iter())
                        .map(|(name, positions)| PersonFact {
                            name: name.to_string(),
                            positions,
                            roles: Vec::new(),
                            spans: Vec::new(),
                        })
                        .collect();
                    Input {
                        id: format!("a{i:02}"),
                        file: String::new(),
                        text: String::new(),
                        facts,
                        text_hash: None,
                    }
                })
                .collect();
            let corpus = build(inputs);
            let timelines: Vec<Vec<Spell>> =
                corpus.people.iter().map(|p| p.timeline.clone()).collect();
            proptest::prop_assert_eq!(timelines, timelines_by_maps(&corpus));
        }
    }
}
