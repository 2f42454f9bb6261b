//! Reading a corpus a screen at a time: the rows the browser shows
//! (provinces with counts, a page of a province's meetings, one meeting's
//! attendees and conclusions, one article) asked of an in-memory corpus or
//! of a store, so that a browser over a store reads only what it shows.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, params};

use super::catalog::{Builder, Catalog};
use super::model::{Article, Corpus, Meeting};
use super::sqlite::{open, store_error};
use super::store::CorpusError;
use crate::extract::{ArticleFacts, Date, Role};
use crate::search::{Hit, Index, stored};
use crate::text::fold;

/// A province with how many meetings it holds; `None` for all provinces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvinceCount {
    pub name: Option<String>,
    pub meetings: usize,
}

/// A meeting as the meetings pane shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRow {
    pub meeting: usize,
    /// The first article reporting it: what Enter opens.
    pub article: usize,
    pub date: Option<Date>,
    pub province: Option<String>,
    pub body: Option<String>,
    pub title: Option<String>,
}

/// Rows `offset..offset + rows.len()` of a list of `total`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub offset: usize,
    pub total: usize,
    pub rows: Vec<T>,
}

impl<T> Page<T> {
    /// Row `i` of the whole list, when this page holds it.
    pub fn get(&self, i: usize) -> Option<&T> {
        i.checked_sub(self.offset).and_then(|k| self.rows.get(k))
    }
}

/// An official at a meeting, as the attendees pane shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub person: usize,
    pub article: usize,
    /// Index into the article's `facts.people`.
    pub fact: usize,
    pub name: String,
    pub titles: Vec<String>,
    pub roles: Vec<Role>,
}

/// A conclusion of a meeting, as the conclusions pane shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConclusionLine {
    pub article: usize,
    pub conclusion: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub deadline: Option<Date>,
}

/// What the attendees and conclusions panes show for one meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingPanes {
    pub attendees: Vec<Attendee>,
    pub conclusions: Vec<ConclusionLine>,
}

/// Search results with the entries they point at (`Hit::entry` indexes
/// `entries`, not the whole corpus's index).
#[derive(Debug)]
pub struct Results {
    pub entries: Arc<Index>,
    pub hits: Vec<Hit>,
}

/// The questions the browser asks of a corpus, whatever holds it.
pub trait CorpusReader {
    /// "All provinces" first, then each province in Vietnamese order.
    fn provinces(&mut self) -> Result<Vec<ProvinceCount>, CorpusError>;
    /// A page of the province's meetings (all when `None`), newest first,
    /// each meeting once.
    fn meetings(
        &mut self,
        province: Option<&str>,
        offset: usize,
        limit: usize,
    ) -> Result<Page<MeetingRow>, CorpusError>;
    fn meeting_panes(&mut self, meeting: usize) -> Result<MeetingPanes, CorpusError>;
    /// The first article reporting a meeting.
    fn meeting_article(&mut self, meeting: usize) -> Result<usize, CorpusError>;
    /// One article with its text and facts.
    fn article(&mut self, article: usize) -> Result<Article, CorpusError>;
    fn search(&mut self, query: &str, limit: usize) -> Result<Results, CorpusError>;
    /// What the views over the whole corpus (leadership, an official's
    /// page, deadlines) read.
    fn catalog(&mut self) -> Result<Catalog, CorpusError>;
}

/// "All provinces", then the provinces with their counts in Vietnamese
/// alphabetical order (by the name without marks, then as written).
fn province_list(counts: Vec<(String, usize)>, all: usize) -> Vec<ProvinceCount> {
    let mut named: Vec<(String, String, usize)> = counts
        .into_iter()
        .filter(|(name, _)| !name.is_empty())
        .map(|(name, n)| (fold(&name), name, n))
        .collect();
    named.sort();
    let mut rows = vec![ProvinceCount {
        name: None,
        meetings: all,
    }];
    rows.extend(named.into_iter().map(|(_, name, meetings)| ProvinceCount {
        name: Some(name),
        meetings,
    }));
    rows
}

/// Attendees (chairs first, each person once) and conclusions (each text
/// once: two reports of a meeting may say the same) of a meeting's articles.
pub fn panes_of<'a>(
    articles: impl IntoIterator<Item = (usize, &'a [usize], &'a ArticleFacts)>,
) -> MeetingPanes {
    let mut panes = MeetingPanes::default();
    for (ai, people, facts) in articles {
        for (fi, fact) in facts.people.iter().enumerate() {
            let Some(&person) = people.get(fi) else {
                continue;
            };
            if !panes.attendees.iter().any(|r| r.person == person) {
                panes.attendees.push(Attendee {
                    person,
                    article: ai,
                    fact: fi,
                    name: fact.name.clone(),
                    titles: fact.titles().map(str::to_string).collect(),
                    roles: fact.roles.clone(),
                });
            }
        }
        for (ci, c) in facts.conclusions.iter().enumerate() {
            if !panes.conclusions.iter().any(|r| r.text == c.text) {
                panes.conclusions.push(ConclusionLine {
                    article: ai,
                    conclusion: ci,
                    text: c.text.clone(),
                    speaker: c.speaker.clone(),
                    deadline: c.deadline,
                });
            }
        }
    }
    panes
        .attendees
        .sort_by_key(|r| !r.roles.contains(&Role::Chair));
    panes
}

/// The reader over a corpus held in memory.
#[derive(Debug, Clone)]
pub struct MemoryReader {
    corpus: Arc<Corpus>,
    /// Meetings once each, newest first.
    distinct: Vec<usize>,
    /// Built on the first search.
    index: Option<Arc<Index>>,
}

impl MemoryReader {
    pub fn new(corpus: Arc<Corpus>) -> MemoryReader {
        let distinct = distinct_meetings(&corpus.meetings);
        MemoryReader {
            corpus,
            distinct,
            index: None,
        }
    }

    fn meeting(&self, m: usize) -> Result<&Meeting, CorpusError> {
        self.corpus
            .meetings
            .get(m)
            .ok_or_else(|| missing("meeting", m))
    }
}

fn missing(what: &str, i: usize) -> CorpusError {
    CorpusError::Inconsistent {
        path: PathBuf::from("<corpus>"),
        message: format!("no {what} {i}"),
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

/// Meetings once each (the first of equal ones), newest first.
fn distinct_meetings(meetings: &[Meeting]) -> Vec<usize> {
    let mut first = HashMap::new();
    let mut distinct: Vec<usize> = (0..meetings.len())
        .filter(|&i| *first.entry(meeting_key(&meetings[i])).or_insert(i) == i)
        .collect();
    distinct.sort_by(|&a, &b| meetings[b].date.cmp(&meetings[a].date).then(a.cmp(&b)));
    distinct
}

fn meeting_row(meeting: usize, m: &Meeting) -> MeetingRow {
    MeetingRow {
        meeting,
        article: m.articles.first().copied().unwrap_or(0),
        date: m.date,
        province: m.province.clone(),
        body: m.body.clone(),
        title: m.title.clone(),
    }
}

impl CorpusReader for MemoryReader {
    fn provinces(&mut self) -> Result<Vec<ProvinceCount>, CorpusError> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for &m in &self.distinct {
            if let Some(p) = self.corpus.meetings[m].province.as_deref() {
                *counts.entry(p).or_insert(0) += 1;
            }
        }
        let counts = counts.into_iter().map(|(p, n)| (p.to_string(), n));
        Ok(province_list(counts.collect(), self.distinct.len()))
    }

    fn meetings(
        &mut self,
        province: Option<&str>,
        offset: usize,
        limit: usize,
    ) -> Result<Page<MeetingRow>, CorpusError> {
        let meetings = &self.corpus.meetings;
        let of_province = self
            .distinct
            .iter()
            .filter(|&&m| province.is_none() || meetings[m].province.as_deref() == province);
        let total = of_province.clone().count();
        let rows = of_province
            .skip(offset)
            .take(limit)
            .map(|&m| meeting_row(m, &meetings[m]))
            .collect();
        Ok(Page {
            offset,
            total,
            rows,
        })
    }

    fn meeting_panes(&mut self, meeting: usize) -> Result<MeetingPanes, CorpusError> {
        let articles = &self.corpus.articles;
        let of = self.meeting(meeting)?.articles.iter().filter_map(|&ai| {
            let a = articles.get(ai)?;
            Some((ai, a.people.as_slice(), &a.facts))
        });
        Ok(panes_of(of))
    }

    fn meeting_article(&mut self, meeting: usize) -> Result<usize, CorpusError> {
        let m = self.meeting(meeting)?;
        m.articles
            .first()
            .copied()
            .ok_or_else(|| missing("article of meeting", meeting))
    }

    fn article(&mut self, article: usize) -> Result<Article, CorpusError> {
        self.corpus
            .articles
            .get(article)
            .cloned()
            .ok_or_else(|| missing("article", article))
    }

    fn search(&mut self, query: &str, limit: usize) -> Result<Results, CorpusError> {
        let corpus = &self.corpus;
        let entries = self
            .index
            .get_or_insert_with(|| Arc::new(Index::build(corpus)))
            .clone();
        let hits = entries.search(query, limit);
        Ok(Results { entries, hits })
    }

    fn catalog(&mut self) -> Result<Catalog, CorpusError> {
        Ok(Catalog::of(&self.corpus))
    }
}

/// The reader over a store: every answer is a few indexed queries.
pub struct StoreReader {
    conn: Connection,
    path: PathBuf,
    /// Meetings of each province ("" for none), counted once.
    counts: Option<Vec<(String, usize)>>,
    /// Searches narrow the last one's candidates as a query is typed.
    typing: stored::Typing,
    /// How a page of meetings is read: a store older than the meetings
    /// indexes has them grouped instead of looked up.
    newest_meetings: &'static str,
}

impl std::fmt::Debug for StoreReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreReader")
            .field("path", &self.path)
            .finish()
    }
}

/// A date column as the corpus writes it.
fn parse_date(text: Option<String>) -> Option<Date> {
    text.and_then(|t| t.parse().ok())
}

impl StoreReader {
    pub fn open(path: &Path) -> Result<StoreReader, CorpusError> {
        let conn = open(path)?;
        let indexed: bool = conn
            .query_row(
                "SELECT count(*) > 0 FROM sqlite_master WHERE name = 'meetings_province'",
                [],
                |r| r.get(0),
            )
            .map_err(store_error(path))?;
        Ok(StoreReader {
            newest_meetings: if indexed {
                NEWEST_MEETINGS
            } else {
                NEWEST_MEETINGS_UNINDEXED
            },
            conn,
            path: path.to_path_buf(),
            counts: None,
            typing: stored::Typing::default(),
        })
    }

    /// Distinct meetings of each province, read once per connection.
    fn counts(&mut self) -> Result<&[(String, usize)], CorpusError> {
        if self.counts.is_none() {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT coalesce(province, ''), count(*) FROM
                     (SELECT DISTINCT province, date, body, title FROM meetings)
                     GROUP BY province",
                )
                .map_err(self.error())?;
            let counts = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(|rows| rows.collect())
                .map_err(self.error())?;
            self.counts = Some(counts);
        }
        Ok(self.counts.as_deref().unwrap_or_default())
    }

    fn error(&self) -> impl Fn(rusqlite::Error) -> CorpusError + '_ {
        store_error(&self.path)
    }

    fn bad_json(&self, what: String) -> impl Fn(serde_json::Error) -> CorpusError + '_ {
        move |e| CorpusError::Store {
            path: self.path.clone(),
            message: format!("{what}: {e}"),
        }
    }

    /// Every search entry's haystack, read on this reader's connection.
    pub fn haystacks(&self) -> Result<stored::Haystacks, CorpusError> {
        stored::Haystacks::read(&self.conn).map_err(self.error())
    }

    /// Searches rank candidates on `haystacks` from now on.
    pub fn use_haystacks(&mut self, haystacks: Arc<stored::Haystacks>) {
        self.typing.use_haystacks(haystacks);
    }

    /// A page of meetings while they are not counted yet: its total is
    /// its end, until [`CorpusReader::meetings`] counts them. Counting
    /// reads every meeting once, many times longer than a page; None once
    /// they are counted.
    pub fn meetings_uncounted(
        &mut self,
        province: Option<&str>,
        offset: usize,
        limit: usize,
    ) -> Result<Option<Page<MeetingRow>>, CorpusError> {
        if self.counts.is_some() {
            return Ok(None);
        }
        let rows = self.meeting_rows(province, offset, limit)?;
        Ok(Some(Page {
            offset,
            total: offset + rows.len(),
            rows,
        }))
    }

    /// How many meetings the province (all, for None) holds, counted once.
    pub fn meetings_total(&mut self, province: Option<&str>) -> Result<usize, CorpusError> {
        let counts = self.counts()?.iter();
        Ok(match province {
            None => counts.map(|(_, n)| n).sum(),
            Some(p) => counts.filter(|(name, _)| name == p).map(|(_, n)| n).sum(),
        })
    }

    /// Rows `offset..offset + limit` of the province's meetings.
    fn meeting_rows(
        &self,
        province: Option<&str>,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<MeetingRow>, CorpusError> {
        let mut stmt = self
            .conn
            .prepare_cached(self.newest_meetings)
            .map_err(self.error())?;
        stmt.query_map(params![province, limit as i64, offset as i64], |r| {
            Ok(MeetingRow {
                meeting: r.get(0)?,
                article: r.get::<_, Option<usize>>(5)?.unwrap_or(0),
                date: parse_date(r.get(1)?),
                province: r.get(2)?,
                body: r.get(3)?,
                title: r.get(4)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(self.error())
    }

    /// An article's people and facts, without its text.
    fn article_facts(&self, article: usize) -> Result<(Vec<usize>, ArticleFacts), CorpusError> {
        let (people, facts): (String, String) = self
            .conn
            .prepare_cached(
                "SELECT l.people, a.facts FROM article_links l
                 JOIN articles a ON a.key = l.article WHERE l.idx = ?1",
            )
            .and_then(|mut s| s.query_row([article], |r| Ok((r.get(0)?, r.get(1)?))))
            .map_err(self.error())?;
        let bad = |what: &str| self.bad_json(format!("article {article} {what}"));
        Ok((
            serde_json::from_str(&people).map_err(bad("people"))?,
            serde_json::from_str(&facts).map_err(bad("facts"))?,
        ))
    }

    fn meeting(&self, meeting: usize) -> Result<Meeting, CorpusError> {
        let data: String = self
            .conn
            .prepare_cached("SELECT data FROM meetings WHERE idx = ?1")
            .and_then(|mut s| s.query_row([meeting], |r| r.get(0)))
            .map_err(self.error())?;
        serde_json::from_str(&data).map_err(self.bad_json(format!("meetings {meeting}")))
    }

    /// A catalog builder with room for the store's meetings, people and
    /// articles, so that none of its lists is copied as it grows.
    fn sized_builder(&self) -> Result<Builder, CorpusError> {
        let (m, p, a): (usize, usize, usize) = self
            .conn
            .query_row(
                "SELECT (SELECT coalesce(max(idx) + 1, 0) FROM meetings),
                   (SELECT coalesce(max(idx) + 1, 0) FROM people),
                   (SELECT coalesce(max(idx) + 1, 0) FROM article_links)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(self.error())?;
        Ok(Builder::with_room(m, p, a))
    }

    /// Meetings and people, one row at a time into the catalog.
    fn read_meetings_and_people(&self, b: &mut Builder) -> Result<(), CorpusError> {
        for table in ["meetings", "people"] {
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT idx, data FROM {table} ORDER BY idx"))
                .map_err(self.error())?;
            let mut rows = stmt.query([]).map_err(self.error())?;
            while let Some(row) = rows.next().map_err(self.error())? {
                let idx: i64 = row.get(0).map_err(self.error())?;
                let data = row
                    .get_ref(1)
                    .and_then(|v| Ok(v.as_str()?))
                    .map_err(self.error())?;
                let bad = self.bad_json(format!("{table} {idx}"));
                if table == "meetings" {
                    b.meeting(&serde_json::from_str(data).map_err(bad)?);
                } else {
                    b.person(&serde_json::from_str(data).map_err(bad)?);
                }
            }
        }
        Ok(())
    }

    /// Each article's meeting, people and province.
    fn read_links(&self, b: &mut Builder) -> Result<(), CorpusError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT l.idx, l.meeting, l.people, a.province FROM article_links l
                 JOIN articles a ON a.key = l.article",
            )
            .map_err(self.error())?;
        let mut rows = stmt.query([]).map_err(self.error())?;
        while let Some(row) = rows.next().map_err(self.error())? {
            let get_err = self.error();
            let idx: usize = row.get(0).map_err(&get_err)?;
            let meeting: usize = row.get(1).map_err(&get_err)?;
            let people = row
                .get_ref(2)
                .and_then(|v| Ok(v.as_str()?))
                .map_err(&get_err)?;
            let people: Vec<usize> = serde_json::from_str(people)
                .map_err(self.bad_json(format!("article {idx} people")))?;
            let province = row
                .get_ref(3)
                .and_then(|v| Ok(v.as_str_or_null()?))
                .map_err(&get_err)?;
            b.article(idx, meeting, &people, province);
        }
        Ok(())
    }

    /// Conclusions with a speaker or a deadline: what the views list.
    fn read_conclusions(&self, b: &mut Builder) -> Result<(), CorpusError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT article, n, speaker, deadline, text FROM conclusions
                 WHERE speaker IS NOT NULL OR deadline IS NOT NULL",
            )
            .map_err(self.error())?;
        let mut rows = stmt.query([]).map_err(self.error())?;
        while let Some(row) = rows.next().map_err(self.error())? {
            let get_err = self.error();
            let (ai, n): (usize, usize) =
                (row.get(0).map_err(&get_err)?, row.get(1).map_err(&get_err)?);
            let text = |i| row.get_ref(i).and_then(|v| Ok(v.as_str_or_null()?));
            let speaker = text(2).map_err(&get_err)?;
            let deadline = text(3).map_err(&get_err)?.and_then(|d| d.parse().ok());
            let said = text(4).map_err(&get_err)?.unwrap_or_default();
            b.conclusion_parts(ai, n, said, speaker, deadline);
        }
        Ok(())
    }
}

/// A province's meetings (all when ?1 is NULL), newest first, each once:
/// a meeting equal to an earlier-numbered one is left out.
const NEWEST_MEETINGS: &str = "SELECT idx, date, province, body, title,
       json_extract(data, '$.articles[0]')
     FROM meetings m
     WHERE (?1 IS NULL OR province = ?1) AND NOT EXISTS (
       SELECT 1 FROM meetings d WHERE d.province IS m.province AND d.date IS m.date
         AND d.body IS m.body AND d.title IS m.title AND d.idx < m.idx)
     ORDER BY date DESC, idx LIMIT ?2 OFFSET ?3";

/// [`NEWEST_MEETINGS`] on a store without the meetings indexes: equal
/// meetings grouped in one pass, where a lookup of each would read every
/// meeting again.
const NEWEST_MEETINGS_UNINDEXED: &str = "SELECT idx, date, province, body, title,
       json_extract(data, '$.articles[0]')
     FROM meetings WHERE idx IN (
       SELECT min(idx) FROM meetings WHERE ?1 IS NULL OR province = ?1
       GROUP BY province, date, body, title)
     ORDER BY date DESC, idx LIMIT ?2 OFFSET ?3";

impl CorpusReader for StoreReader {
    fn provinces(&mut self) -> Result<Vec<ProvinceCount>, CorpusError> {
        let counts = self.counts()?.to_vec();
        let all = counts.iter().map(|(_, n)| n).sum();
        Ok(province_list(counts, all))
    }

    fn meetings(
        &mut self,
        province: Option<&str>,
        offset: usize,
        limit: usize,
    ) -> Result<Page<MeetingRow>, CorpusError> {
        Ok(Page {
            offset,
            total: self.meetings_total(province)?,
            rows: self.meeting_rows(province, offset, limit)?,
        })
    }

    fn meeting_panes(&mut self, meeting: usize) -> Result<MeetingPanes, CorpusError> {
        let m = self.meeting(meeting)?;
        let read: Vec<(usize, Vec<usize>, ArticleFacts)> = m
            .articles
            .iter()
            .map(|&ai| self.article_facts(ai).map(|(p, f)| (ai, p, f)))
            .collect::<Result<_, _>>()?;
        Ok(panes_of(
            read.iter().map(|(ai, p, f)| (*ai, p.as_slice(), f)),
        ))
    }

    fn meeting_article(&mut self, meeting: usize) -> Result<usize, CorpusError> {
        self.meeting(meeting)?
            .articles
            .first()
            .copied()
            .ok_or_else(|| missing("article of meeting", meeting))
    }

    fn article(&mut self, article: usize) -> Result<Article, CorpusError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT l.meeting, l.people, a.id, a.file, a.facts, a.text
                 FROM article_links l JOIN articles a ON a.key = l.article WHERE l.idx = ?1",
            )
            .and_then(|mut s| {
                s.query_row([article], |r| {
                    Ok((
                        r.get::<_, usize>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                })
                .optional()
            })
            .map_err(self.error())?;
        let (meeting, people, id, file, facts, text) =
            row.ok_or_else(|| missing("article", article))?;
        let bad = |what: &str| self.bad_json(format!("article {article} ({id}) {what}"));
        Ok(Article {
            meeting,
            people: serde_json::from_str(&people).map_err(bad("people"))?,
            facts: serde_json::from_str(&facts).map_err(bad("facts"))?,
            file,
            text,
            id,
        })
    }

    fn search(&mut self, query: &str, limit: usize) -> Result<Results, CorpusError> {
        let found = self
            .typing
            .search(&self.conn, query, limit)
            .map_err(self.error())?;
        Ok(Results {
            entries: Arc::new(found.entries),
            hits: found.hits,
        })
    }

    fn catalog(&mut self) -> Result<Catalog, CorpusError> {
        // One read transaction: meetings, people and articles of one ingest.
        self.conn.execute_batch("BEGIN").map_err(self.error())?;
        let read = || -> Result<Catalog, CorpusError> {
            let mut b = self.sized_builder()?;
            self.read_meetings_and_people(&mut b)?;
            self.read_links(&mut b)?;
            self.read_conclusions(&mut b)?;
            Ok(b.finish())
        };
        let catalog = read();
        self.conn.execute_batch("COMMIT").map_err(self.error())?;
        catalog
    }
}
