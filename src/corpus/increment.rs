//! Adding articles to a store without reading all of it.
//!
//! People of different names never meet in resolution (see
//! [`super::build`]), so the people of the names the new articles give are
//! resolved again from the stored sightings of those names alone, by the
//! same rules, in store order: the grouping is that of resolving every
//! article at once. Stored people keep their numbers and new ones are
//! numbered after them; only the people whose sightings changed, the
//! meetings the new articles report, and the search entries that read
//! differently are written. When the new sightings merge two stored people
//! into one, the one merged in leaves its number to a new person of the
//! batch, so numbers stay dense; a post no longer held leaves an empty
//! search entry, which no search finds. With more stored people merged
//! than new people named, [`add`] says so and the caller rebuilds the
//! store.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension, Statement, params};

use super::build::{Input, meeting_key, new_meeting, resolve};
use super::model::{Article, Corpus, Meeting, Person};
use super::sqlite::{
    OneRow, REPLACE, Row, date, insert_one, to_json, write_article_conclusions, write_former,
    write_link, write_meeting, write_person,
};
use crate::extract::{ArticleFacts, Date, PersonFact, Role};
use crate::search::entries::{
    conclusion_text, meeting_text, official_text, province_text, spell_text,
};
use crate::search::{Kind, Target, update};
use crate::text::lex_key;

/// How many articles, meetings and people a store holds.
pub struct Counts {
    pub articles: usize,
    pub meetings: usize,
    pub people: usize,
}

impl Counts {
    fn read(conn: &Connection) -> rusqlite::Result<Counts> {
        let next = |table: &str| -> rusqlite::Result<usize> {
            conn.query_row(
                &format!("SELECT coalesce(max(idx) + 1, 0) FROM {table}"),
                [],
                |r| r.get(0),
            )
        };
        Ok(Counts {
            articles: next("article_links")?,
            meetings: next("meetings")?,
            people: next("people")?,
        })
    }
}

/// A meeting's key as stored in `meeting_keys`.
pub fn meeting_key_text(f: &ArticleFacts) -> Option<String> {
    meeting_key(f).map(|(p, d, b)| format!("{p}\u{1f}{d}\u{1f}{b}"))
}

pub(super) const SIGHTINGS: &str =
    "sightings (name_key, article, fact, person, province, date, meeting, data)";
static SIGHTING: OneRow = OneRow::new(REPLACE, SIGHTINGS);

/// Fact `fact` of article number `article`, resolved to `person`: its row
/// of `sightings`, in place of any stored.
fn write_sighting(
    conn: &Connection,
    (article, fact): (usize, usize),
    person: usize,
    a: &Article,
    p: &PersonFact,
) -> rusqlite::Result<()> {
    let data = to_json(p).into();
    let row = SightingRow::new(
        lex_key(&p.name),
        (article, fact),
        person,
        a,
        date(a.date()).map(Cow::Owned),
        data,
    );
    insert_one(conn, &SIGHTING, &row)
}

/// A row of `sightings`, made apart from its writing so that it can be
/// made on another thread.
pub struct SightingRow<'a> {
    name_key: String,
    article: usize,
    fact: usize,
    person: usize,
    province: Option<&'a str>,
    date: Option<Cow<'a, str>>,
    meeting: usize,
    data: Cow<'a, str>,
}

impl<'a> SightingRow<'a> {
    /// Fact `fact` of article number `article`, resolved to `person`,
    /// whose name's [`lex_key`] is `name_key`: its article's date as
    /// stored is `date`, and the fact's JSON `data`.
    pub fn new(
        name_key: String,
        (article, fact): (usize, usize),
        person: usize,
        a: &'a Article,
        date: Option<Cow<'a, str>>,
        data: Cow<'a, str>,
    ) -> Self {
        SightingRow {
            name_key,
            article,
            fact,
            person,
            province: a.facts.province.as_deref(),
            date,
            meeting: a.meeting,
            data,
        }
    }
}

impl Row for SightingRow<'_> {
    const COLUMNS: usize = 8;

    fn bind(&self, stmt: &mut Statement, first: usize) -> rusqlite::Result<()> {
        (
            &self.name_key,
            self.article,
            self.fact,
            self.person,
            self.province,
            self.date.as_deref(),
            self.meeting,
            self.data.as_ref(),
        )
            .bind(stmt, first)
    }
}

/// Why an addition needs the whole store rebuilt.
pub type Rebuild = &'static str;

/// Adds `fresh` (not in the store, ids unique, in corpus order), whose
/// rows of `articles` are written with the keys `keys`, to the store; or
/// says why stored numbers would have to change, with whatever was
/// written to be rolled back.
pub fn add(
    conn: &Connection,
    fresh: &[Input],
    keys: &[i64],
) -> rusqlite::Result<Result<Counts, Rebuild>> {
    let before = Counts::read(conn)?;
    let mut articles: Vec<Article> = fresh
        .iter()
        .map(|input| Article {
            id: input.id.clone(),
            file: input.file.clone(),
            meeting: 0,
            people: vec![usize::MAX; input.facts.people.len()],
            facts: input.facts.clone(),
            text: String::new(),
        })
        .collect();
    let mut meetings = link_meetings(conn, &mut articles, &before)?;
    let names: BTreeSet<String> = articles
        .iter()
        .flat_map(|a| a.facts.people.iter().map(|p| lex_key(&p.name)))
        .collect();
    let mut named = Named::read(conn, &names, &articles, before.articles)?;
    resolve(&mut named.corpus);
    let Some(people) = Numbering::of(&named, before.people) else {
        return Ok(Err(
            "the new articles make more stored people one than they name new people",
        ));
    };
    let held = people.held_posts(conn)?;
    let touched = people.write(conn, &named)?;
    let moved = write_sightings(conn, &named, &people, &mut articles, before.articles)?;
    for (i, a) in articles.iter().enumerate() {
        write_link(conn, before.articles + i, keys[i], a)?;
        write_article_conclusions(conn, before.articles + i, a)?;
    }
    for (article, meeting) in moved {
        relink(conn, article)?;
        load_meeting(conn, &mut meetings, meeting)?;
    }
    for (&mi, m) in &mut meetings {
        m.chairs = chairs(conn, m)?;
        write_meeting(conn, mi, m)?;
    }
    let after = Counts {
        articles: before.articles + articles.len(),
        meetings: before
            .meetings
            .max(meetings.keys().next_back().map_or(0, |m| m + 1)),
        people: people.next,
    };
    let entries = entries(conn, (&touched, &held), &meetings, &articles, &before)?;
    if !update::update(conn, entries)? {
        return Ok(Err("a short query's ranked results must be ranked again"));
    }
    Ok(Ok(after))
}

/// Links each new article to the stored or new meeting it reports; returns
/// the meetings that gained articles, by number.
fn link_meetings(
    conn: &Connection,
    articles: &mut [Article],
    before: &Counts,
) -> rusqlite::Result<BTreeMap<usize, Meeting>> {
    let mut meetings = BTreeMap::new();
    let mut keyed: HashMap<String, usize> = HashMap::new();
    let mut next = before.meetings;
    let mut find = conn.prepare("SELECT meeting FROM meeting_keys WHERE key = ?1")?;
    let mut put = conn.prepare("INSERT INTO meeting_keys (key, meeting) VALUES (?1, ?2)")?;
    for (i, a) in articles.iter_mut().enumerate() {
        let ai = before.articles + i;
        let key = meeting_key_text(&a.facts);
        let known = match &key {
            Some(k) => match keyed.get(k) {
                Some(&m) => Some(m),
                None => find.query_row([k], |r| r.get(0)).optional()?,
            },
            None => None,
        };
        a.meeting = match known {
            Some(mi) => {
                load_meeting(conn, &mut meetings, mi)?;
                if let Some(m) = meetings.get_mut(&mi) {
                    m.articles.push(ai);
                }
                mi
            }
            None => {
                meetings.insert(next, new_meeting(&a.facts, ai));
                if let Some(k) = key {
                    put.execute(params![k, next])?;
                    keyed.insert(k, next);
                }
                next += 1;
                next - 1
            }
        };
    }
    Ok(meetings)
}

/// Reads stored meeting `mi` into `meetings` unless there.
fn load_meeting(
    conn: &Connection,
    meetings: &mut BTreeMap<usize, Meeting>,
    mi: usize,
) -> rusqlite::Result<()> {
    if meetings.contains_key(&mi) {
        return Ok(());
    }
    let data: String = conn
        .prepare_cached("SELECT data FROM meetings WHERE idx = ?1")?
        .query_row([mi], |r| r.get(0))?;
    meetings.insert(mi, from_json(&data, "meeting")?);
    Ok(())
}

fn from_json<T: serde::de::DeserializeOwned>(data: &str, what: &str) -> rusqlite::Result<T> {
    serde_json::from_str(data).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("stored {what}: {e}").into(),
        )
    })
}

/// A meeting's chairs by person number, in the order its articles name
/// them (as [`super::build`] lists them).
fn chairs(conn: &Connection, m: &Meeting) -> rusqlite::Result<Vec<usize>> {
    let mut stmt =
        conn.prepare_cached("SELECT person, data FROM sightings WHERE article = ?1 ORDER BY fact")?;
    let mut out = Vec::new();
    for &ai in &m.articles {
        let rows = stmt.query_map([ai], |r| {
            Ok((r.get::<_, usize>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (person, data) = row?;
            let fact: PersonFact = from_json(&data, "sighting")?;
            if fact.roles.contains(&Role::Chair) && !out.contains(&person) {
                out.push(person);
            }
        }
    }
    Ok(out)
}

/// The articles naming any of some names, with only the people of those
/// names: all that resolving them needs.
struct Named {
    corpus: Corpus,
    /// Each article's number in the store.
    article: Vec<usize>,
    /// For each article, for each of its people here: the fact's number in
    /// the article and the person it is stored as (None when new).
    facts: Vec<Vec<(usize, Option<usize>)>>,
}

/// A stored or new article's part in [`Named`].
struct NamedArticle {
    province: Option<String>,
    date: Option<Date>,
    meeting: usize,
    people: Vec<(usize, PersonFact, Option<usize>)>,
}

impl Named {
    fn read(
        conn: &Connection,
        names: &BTreeSet<String>,
        fresh: &[Article],
        first: usize,
    ) -> rusqlite::Result<Named> {
        let mut by_article: BTreeMap<usize, NamedArticle> = BTreeMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT article, fact, person, province, date, meeting, data
             FROM sightings WHERE name_key = ?1",
        )?;
        for name in names {
            let mut rows = stmt.query([name])?;
            while let Some(r) = rows.next()? {
                let day: Option<String> = r.get(4)?;
                let article = by_article.entry(r.get(0)?).or_insert(NamedArticle {
                    province: r.get(3)?,
                    date: day.and_then(|d| d.parse().ok()),
                    meeting: r.get(5)?,
                    people: Vec::new(),
                });
                let data: String = r.get(6)?;
                let fact = from_json(&data, "sighting")?;
                article.people.push((r.get(1)?, fact, Some(r.get(2)?)));
            }
        }
        for (i, a) in fresh.iter().enumerate() {
            let people = a.facts.people.iter().cloned().enumerate();
            by_article.insert(
                first + i,
                NamedArticle {
                    province: a.facts.province.clone(),
                    date: a.date(),
                    meeting: a.meeting,
                    people: people.map(|(pi, p)| (pi, p, None)).collect(),
                },
            );
        }
        Ok(Named::of(by_article))
    }

    fn of(by_article: BTreeMap<usize, NamedArticle>) -> Named {
        let mut named = Named {
            corpus: Corpus::default(),
            article: Vec::new(),
            facts: Vec::new(),
        };
        for (ai, mut a) in by_article {
            a.people.sort_by_key(|p| p.0);
            let mut facts = ArticleFacts {
                province: a.province,
                ..ArticleFacts::default()
            };
            facts.meeting.date = a.date;
            let mut numbers = Vec::new();
            for (pi, fact, stored) in a.people {
                numbers.push((pi, stored));
                facts.people.push(fact);
            }
            named.corpus.articles.push(Article {
                meeting: a.meeting,
                people: vec![usize::MAX; facts.people.len()],
                facts,
                ..Article::default()
            });
            named.article.push(ai);
            named.facts.push(numbers);
        }
        named
    }

    /// Each sighting here, with the person it was stored as.
    fn sightings(&self) -> impl Iterator<Item = Sighting> + '_ {
        self.corpus
            .articles
            .iter()
            .enumerate()
            .flat_map(move |(ai, a)| {
                a.people.iter().zip(&self.facts[ai]).enumerate().map(
                    move |(pi, (&person, &(fact, stored)))| Sighting {
                        article: ai,
                        pi,
                        person,
                        fact,
                        stored,
                    },
                )
            })
    }
}

/// A person named in an article of [`Named`].
struct Sighting {
    /// The article here, and the person's place among its people here.
    article: usize,
    pi: usize,
    /// The person here.
    person: usize,
    /// The person's place among the article's facts.
    fact: usize,
    /// The person it was stored as (None when new).
    stored: Option<usize>,
}

/// The store's number of each person resolved in [`Named`], and which of
/// them changed.
struct Numbering {
    ids: Vec<usize>,
    touched: Vec<bool>,
    /// The number the next new person gets.
    next: usize,
}

impl Numbering {
    /// Each person keeps the smallest stored number among its sightings
    /// unless another took it. A stored person merged into another leaves
    /// its number to a new person, so numbers stay dense; None when there
    /// are fewer new people than such numbers.
    fn of(named: &Named, first_new: usize) -> Option<Numbering> {
        let n = named.corpus.people.len();
        let mut stored_as: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
        for s in named.sightings() {
            stored_as[s.person].extend(s.stored);
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&p| (stored_as[p].first().copied().unwrap_or(usize::MAX), p));
        let mut ids = vec![0; n];
        let mut claimed = HashSet::new();
        let mut new_people = Vec::new();
        for p in order {
            match stored_as[p].first() {
                Some(&s) if claimed.insert(s) => ids[p] = s,
                _ => new_people.push(p),
            }
        }
        let freed: BTreeSet<usize> = stored_as
            .iter()
            .flatten()
            .copied()
            .filter(|s| !claimed.contains(s))
            .collect();
        if freed.len() > new_people.len() {
            return None;
        }
        let next = first_new + new_people.len() - freed.len();
        let numbers = freed.into_iter().chain(first_new..);
        for (&p, id) in new_people.iter().zip(numbers) {
            ids[p] = id;
        }
        let mut touched = vec![false; n];
        let mut lost = HashSet::new();
        for s in named.sightings() {
            if s.stored != Some(ids[s.person]) {
                touched[s.person] = true;
                lost.extend(s.stored);
            }
        }
        for p in 0..n {
            touched[p] |= lost.contains(&ids[p]);
        }
        Some(Numbering { ids, touched, next })
    }

    /// How many posts each changed person held as stored: the search
    /// entries of posts no longer held are emptied.
    fn held_posts(&self, conn: &Connection) -> rusqlite::Result<BTreeMap<usize, usize>> {
        let mut stmt = conn.prepare_cached(
            "SELECT count(*) FROM positions WHERE person = ?1 AND spell IS NOT NULL",
        )?;
        let mut out = BTreeMap::new();
        for (p, &id) in self.ids.iter().enumerate() {
            if self.touched[p] {
                out.insert(id, stmt.query_row([id], |r| r.get(0))?);
            }
        }
        Ok(out)
    }

    /// Rewrites the changed people with their attendance and posts;
    /// returns them by number.
    fn write(&self, conn: &Connection, named: &Named) -> rusqlite::Result<BTreeMap<usize, Person>> {
        let mut out = BTreeMap::new();
        for (p, person) in named.corpus.people.iter().enumerate() {
            if !self.touched[p] {
                continue;
            }
            let id = self.ids[p];
            conn.prepare_cached("DELETE FROM attendance WHERE person = ?1")?
                .execute([id])?;
            conn.prepare_cached("DELETE FROM positions WHERE person = ?1")?
                .execute([id])?;
            let mut person = person.clone();
            for a in &mut person.appearances {
                a.article = named.article[a.article];
            }
            for m in &mut person.merged {
                m.article = named.article[m.article];
            }
            write_person(conn, id, &person)?;
            out.insert(id, person);
        }
        for a in &named.corpus.articles {
            for (fact, &p) in a.facts.people.iter().zip(&a.people) {
                if self.touched[p] {
                    write_former(conn, self.ids[p], fact, a.date())?;
                }
            }
        }
        Ok(out)
    }
}

/// Writes the new articles' sightings and moves stored ones to their
/// person's new number; fills in the new articles' people. Returns the
/// stored articles whose people moved, with their meetings.
fn write_sightings(
    conn: &Connection,
    named: &Named,
    people: &Numbering,
    fresh: &mut [Article],
    first: usize,
) -> rusqlite::Result<BTreeMap<usize, usize>> {
    let mut moved = BTreeMap::new();
    for s in named.sightings() {
        let id = people.ids[s.person];
        let article = named.article[s.article];
        let a = &named.corpus.articles[s.article];
        match s.stored {
            None => {
                write_sighting(conn, (article, s.fact), id, a, &a.facts.people[s.pi])?;
                fresh[article - first].people[s.fact] = id;
            }
            Some(was) if was != id => {
                conn.prepare_cached(
                    "UPDATE sightings SET person = ?3 WHERE article = ?1 AND fact = ?2",
                )?
                .execute(params![article, s.fact, id])?;
                moved.insert(article, a.meeting);
            }
            Some(_) => {}
        }
    }
    Ok(moved)
}

/// A stored article's people as its sightings now say.
fn relink(conn: &Connection, article: usize) -> rusqlite::Result<()> {
    let people: Vec<usize> = conn
        .prepare_cached("SELECT person FROM sightings WHERE article = ?1 ORDER BY fact")?
        .query_map([article], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    conn.prepare_cached("UPDATE article_links SET people = ?2 WHERE idx = ?1")?
        .execute(params![article, to_json(&people)])?;
    Ok(())
}

/// The search entries that are new or may read differently: the changed
/// people and their posts, the new meetings and conclusions, and the
/// provinces with new meetings. In the order of [`crate::search::entries`],
/// so new entries are numbered kind by kind.
fn entries(
    conn: &Connection,
    (people, held): (&BTreeMap<usize, Person>, &BTreeMap<usize, usize>),
    meetings: &BTreeMap<usize, Meeting>,
    articles: &[Article],
    before: &Counts,
) -> rusqlite::Result<Vec<update::Entry>> {
    let mut out = Vec::new();
    for (&pi, p) in people {
        out.push((
            Kind::Official,
            Target::Person { person: pi },
            official_text(p),
        ));
    }
    for (&pi, p) in people {
        for (si, s) in p.timeline.iter().enumerate() {
            let target = Target::Spell {
                person: pi,
                spell: si,
            };
            out.push((Kind::Position, target, spell_text(p, s)));
        }
        // Posts no longer held (their records went to another person):
        // emptied entries, which no search finds, keep the numbering.
        let was = held.get(&pi).copied().unwrap_or(0);
        for spell in p.timeline.len()..was {
            let target = Target::Spell { person: pi, spell };
            out.push((Kind::Position, target, String::new()));
        }
    }
    let new_meetings = meetings.range(before.meetings..);
    let mut provinces = BTreeSet::new();
    for (&mi, m) in new_meetings {
        out.push((
            Kind::Meeting,
            Target::Meeting { meeting: mi },
            meeting_text(m),
        ));
        provinces.extend(m.province.clone().filter(|p| !p.is_empty()));
    }
    for (i, a) in articles.iter().enumerate() {
        for (ci, c) in a.facts.conclusions.iter().enumerate() {
            let target = Target::Conclusion {
                article: before.articles + i,
                conclusion: ci,
            };
            out.push((Kind::Conclusion, target, conclusion_text(c)));
        }
    }
    let mut count = conn.prepare_cached("SELECT count(*) FROM meetings WHERE province = ?1")?;
    for name in provinces {
        let n: usize = count.query_row([&name], |r| r.get(0))?;
        let text = province_text(&name, n);
        out.push((Kind::Province, Target::Province { name }, text));
    }
    Ok(out)
}
