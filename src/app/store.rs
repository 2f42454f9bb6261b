//! Browsing a corpus read pane by pane (a store): the state asks for the
//! rows it shows as [`Request`]s, the terminal program answers them from
//! the corpus on its own thread, and the answers come back as [`Reply`]s.
//! Nothing the screen does not show is held: the meetings pane holds one
//! page of its list and asks for another when the selection leaves it.

use std::sync::Arc;

use super::cursor::Cursor;
use super::{App, Effect, Pane, View};
use crate::corpus::Article;
use crate::corpus::catalog::Catalog;
use crate::corpus::reader::{MeetingPanes, MeetingRow, Page, ProvinceCount, Results};

/// Rows of the meetings list asked for at once.
pub const MEETINGS_PAGE: usize = 200;
/// Articles read from the store kept for the views that show them.
const OPENED_KEPT: usize = 16;

/// Which fact of an article to make current when it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Start,
    /// A conclusion, by its index in the article's facts.
    Conclusion(usize),
    /// A person fact, by its index in the article's facts.
    PersonFact(usize),
    /// Where the article names a resolved person.
    Person(usize),
}

impl Focus {
    /// The byte the fact starts at in `article`'s text.
    pub fn at(self, article: &Article) -> Option<usize> {
        let f = &article.facts;
        match self {
            Focus::Start => None,
            Focus::Conclusion(c) => f.conclusions.get(c).map(|c| c.span.start),
            Focus::PersonFact(i) => f.people.get(i)?.spans.first().map(|s| s.start),
            Focus::Person(p) => {
                let i = article.people.iter().position(|&x| x == p)?;
                f.people.get(i)?.spans.first().map(|s| s.start)
            }
        }
    }
}

/// An article named by its number or by the meeting it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleOf {
    Number(usize),
    Meeting(usize),
}

/// Rows the state needs from the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Provinces,
    Meetings {
        province: Option<String>,
        offset: usize,
        limit: usize,
    },
    MeetingPanes {
        meeting: usize,
    },
    Article {
        of: ArticleOf,
        focus: Focus,
    },
    /// What the views over the whole corpus read.
    Catalog,
}

/// An answer to a [`Request`] or a search.
#[derive(Debug)]
pub enum Reply {
    Provinces(Vec<ProvinceCount>),
    Meetings {
        province: Option<String>,
        page: Page<MeetingRow>,
    },
    MeetingPanes {
        meeting: usize,
        panes: MeetingPanes,
    },
    Article {
        article: usize,
        doc: Arc<Article>,
        focus: Focus,
    },
    Found {
        generation: u64,
        results: Results,
    },
    Catalog(Arc<Catalog>),
    /// A request could not be answered.
    Failed(String),
}

/// A view that waits for the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterCatalog {
    Person(usize),
    Leadership,
    Deadlines,
}

/// The panes' rows as read so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreBrowse {
    pub provinces: Vec<ProvinceCount>,
    pub province: Cursor,
    /// The page of the selected province's meetings that is held.
    pub meetings: Option<Page<MeetingRow>>,
    pub meeting: Cursor,
    /// The panes of the meeting `.0`.
    pub panes: Option<(usize, MeetingPanes)>,
    pub attendee: Cursor,
    pub conclusion: Cursor,
    /// Asked for the catalog; whether it is here; what to open then.
    pub catalog_asked: bool,
    pub catalog: bool,
    pub after_catalog: Option<AfterCatalog>,
}

impl StoreBrowse {
    pub fn selected_province(&self) -> Option<&str> {
        self.provinces
            .get(self.province.selected)
            .and_then(|p| p.name.as_deref())
    }

    pub fn meetings_total(&self) -> usize {
        self.meetings.as_ref().map_or(0, |p| p.total)
    }

    pub fn selected_meeting(&self) -> Option<&MeetingRow> {
        self.meetings.as_ref()?.get(self.meeting.selected)
    }

    /// The selected meeting's panes, once read.
    pub fn shown_panes(&self) -> Option<&MeetingPanes> {
        let (m, panes) = self.panes.as_ref()?;
        (Some(*m) == self.selected_meeting().map(|r| r.meeting)).then_some(panes)
    }

    /// Rows and cursor of a pane.
    pub fn pane_list(&mut self, pane: Pane) -> (usize, &mut Cursor) {
        let (attendees, conclusions) = self
            .shown_panes()
            .map_or((0, 0), |p| (p.attendees.len(), p.conclusions.len()));
        match pane {
            Pane::Provinces => (self.provinces.len(), &mut self.province),
            Pane::Meetings => (self.meetings_total(), &mut self.meeting),
            Pane::Attendees => (attendees, &mut self.attendee),
            Pane::Conclusions => (conclusions, &mut self.conclusion),
        }
    }

    /// Whether a pane's rows have arrived.
    pub fn ready(&self, pane: Pane) -> bool {
        match pane {
            Pane::Provinces => !self.provinces.is_empty(),
            Pane::Meetings => self.meetings.is_some(),
            Pane::Attendees | Pane::Conclusions => {
                self.shown_panes().is_some() || self.meetings_total() == 0
            }
        }
    }
}

impl App {
    /// An app reading its corpus pane by pane: it starts by asking for the
    /// provinces and the first page of meetings.
    pub fn reading(keymap: super::Keymap, width: u16, height: u16) -> App {
        let mut app = App::starting(keymap, width, height);
        app.store = Some(StoreBrowse::default());
        // Search answers from the store's postings at once; articles are
        // read when opened.
        app.loading.index = true;
        app.loading.articles = true;
        // The meetings first: they fill most of the first screen.
        app.ask_meetings(None, 0);
        app.ask(Request::Provinces);
        app
    }

    pub(super) fn ask(&mut self, request: Request) {
        self.effects.push(Effect::Read(request));
    }

    fn ask_meetings(&mut self, province: Option<String>, offset: usize) {
        self.ask(Request::Meetings {
            province,
            offset,
            limit: MEETINGS_PAGE,
        });
    }

    /// A reply to a request or a search.
    pub fn receive(&mut self, reply: Reply) {
        match reply {
            Reply::Provinces(rows) => self.receive_provinces(rows),
            Reply::Meetings { province, page } => self.receive_meetings(province, page),
            Reply::MeetingPanes { meeting, panes } => {
                if let Some(s) = self.store.as_mut() {
                    s.panes = Some((meeting, panes));
                }
            }
            Reply::Article {
                article,
                doc,
                focus,
            } => {
                let at = focus.at(&doc);
                self.opened.retain(|(a, _)| *a != article);
                self.opened.push((article, doc));
                // Articles of views closed long ago are let go.
                if self.opened.len() > OPENED_KEPT {
                    self.opened.remove(0);
                }
                self.open_detail(article, at);
            }
            Reply::Found {
                generation,
                results,
            } => self.receive_found(generation, results),
            Reply::Catalog(corpus) => self.receive_catalog(corpus),
            Reply::Failed(e) => self.notify(e, true),
        }
    }

    fn receive_provinces(&mut self, rows: Vec<ProvinceCount>) {
        let page = self.page(Pane::Provinces);
        let Some(s) = self.store.as_mut() else { return };
        s.provinces = rows;
        s.province.fit(s.provinces.len(), page);
        // A remembered province is put back once the list is here.
        let wanted = self.pending_restore.take().and_then(|saved| saved.province);
        if let Some(row) = wanted.and_then(|name| {
            s.provinces
                .iter()
                .position(|p| p.name.as_deref() == Some(&name))
        }) {
            s.province.select(row, s.provinces.len(), page);
            self.province_changed();
        }
    }

    fn receive_meetings(&mut self, province: Option<String>, page: Page<MeetingRow>) {
        let rows = self.page(Pane::Meetings);
        let Some(s) = self.store.as_mut() else { return };
        // Pages asked for another province are late: drop them.
        if province.as_deref() != s.selected_province() && !s.provinces.is_empty() {
            return;
        }
        s.meetings = Some(page);
        s.meeting.fit(s.meetings_total(), rows);
        self.loading.catalog = true;
        self.meeting_changed();
    }

    fn receive_found(&mut self, generation: u64, results: Results) {
        // The entries go with the hits they answer; late answers keep neither.
        let accepts = self.stack.iter().rev().find_map(|v| match v {
            View::Search(s) => Some(generation >= s.shown && generation <= s.asked),
            _ => None,
        });
        if accepts == Some(true) {
            self.index = results.entries;
            self.receive_hits(generation, results.hits);
        }
    }

    fn receive_catalog(&mut self, catalog: Arc<Catalog>) {
        self.catalog = Some(catalog);
        let Some(s) = self.store.as_mut() else { return };
        s.catalog = true;
        self.status = None;
        let after = s.after_catalog.take();
        match after {
            Some(AfterCatalog::Person(p)) => self.open_person(p),
            Some(AfterCatalog::Leadership) => self.open_leadership(),
            Some(AfterCatalog::Deadlines) => self.open_deadlines(),
            None => {}
        }
    }

    /// The catalog the views over the whole corpus read: a store's once
    /// read, else made from the corpus in memory when first needed.
    pub(super) fn officials(&mut self) -> Arc<Catalog> {
        let corpus = &self.corpus;
        self.catalog
            .get_or_insert_with(|| Arc::new(Catalog::of(corpus)))
            .clone()
    }

    /// Whether the views over the whole corpus can open; when they cannot
    /// yet, asks for the catalog and opens `then` once it is here.
    pub(super) fn catalog_ready(&mut self, then: AfterCatalog) -> bool {
        let Some(s) = self.store.as_mut() else {
            return true;
        };
        if s.catalog {
            return true;
        }
        s.after_catalog = Some(then);
        if !s.catalog_asked {
            s.catalog_asked = true;
            self.ask(Request::Catalog);
        }
        self.notify("Reading officials and meetings…", false);
        false
    }

    /// The selected province changed: its meetings are asked for.
    fn province_changed(&mut self) {
        let Some(s) = self.store.as_mut() else { return };
        s.meetings = None;
        s.meeting = Cursor::default();
        s.panes = None;
        let province = s.selected_province().map(str::to_string);
        self.ask_meetings(province, 0);
    }

    /// The selected meeting changed: its page, or its panes, are asked for.
    fn meeting_changed(&mut self) {
        let Some(s) = self.store.as_mut() else { return };
        s.attendee = Cursor::default();
        s.conclusion = Cursor::default();
        let selected = s.meeting.selected;
        if s.meetings_total() == 0 {
            return;
        }
        match s.selected_meeting().map(|r| r.meeting) {
            Some(m) if s.panes.as_ref().is_some_and(|(p, _)| *p == m) => {}
            Some(meeting) => self.ask(Request::MeetingPanes { meeting }),
            None => {
                let province = s.selected_province().map(str::to_string);
                let offset = selected / MEETINGS_PAGE * MEETINGS_PAGE;
                self.ask_meetings(province, offset);
            }
        }
    }

    /// Selects a province by name, for a search result.
    pub(super) fn select_store_province(&mut self, name: &str) {
        let page = self.page(Pane::Provinces);
        let Some(s) = self.store.as_mut() else { return };
        if let Some(row) = s
            .provinces
            .iter()
            .position(|p| p.name.as_deref() == Some(name))
        {
            s.province.select(row, s.provinces.len(), page);
            self.province_changed();
        }
    }

    /// The province selected in the browser, `None` for all.
    pub fn selected_province(&self) -> Option<&str> {
        match &self.store {
            Some(s) => s.selected_province(),
            None => self.browse.selected_province(),
        }
    }

    /// A pane's selection moved.
    pub(super) fn store_moved(&mut self, pane: Pane) {
        match pane {
            Pane::Provinces => self.province_changed(),
            Pane::Meetings => self.meeting_changed(),
            _ => {}
        }
    }

    /// Enter (or `s`, `source`) in the browser over a store.
    pub(super) fn open_in_store(&mut self, source: bool) {
        let Some(s) = self.store.as_ref() else { return };
        let panes = s.shown_panes();
        match self.focus {
            Pane::Provinces => self.focus = Pane::Meetings,
            Pane::Meetings => {
                if let Some(r) = s.selected_meeting() {
                    let of = ArticleOf::Number(r.article);
                    self.open_article(of, Focus::Start);
                }
            }
            Pane::Attendees => {
                let Some(r) = panes.and_then(|p| p.attendees.get(s.attendee.selected)) else {
                    return;
                };
                let (person, article, fact) = (r.person, r.article, r.fact);
                if source {
                    self.open_article(ArticleOf::Number(article), Focus::PersonFact(fact));
                } else {
                    self.open_person(person);
                }
            }
            Pane::Conclusions => {
                let Some(r) = panes.and_then(|p| p.conclusions.get(s.conclusion.selected)) else {
                    return;
                };
                let (article, c) = (r.article, r.conclusion);
                self.open_article(ArticleOf::Number(article), Focus::Conclusion(c));
            }
        }
    }

    /// Opens an article with a fact current: at once when it is held, else
    /// once the corpus has answered.
    pub fn open_article(&mut self, of: ArticleOf, focus: Focus) {
        if self.store.is_none() {
            let article = match of {
                ArticleOf::Number(a) => Some(a),
                ArticleOf::Meeting(m) => self
                    .corpus
                    .meetings
                    .get(m)
                    .and_then(|m| m.articles.first().copied()),
            };
            if let Some(a) = article.filter(|&a| a < self.corpus.articles.len()) {
                let at = focus.at(&self.corpus.articles[a]);
                self.open_detail(a, at);
            }
            return;
        }
        self.ask(Request::Article { of, focus });
    }

    /// An article: one read from the store and opened, else the corpus's.
    pub fn article(&self, article: usize) -> Option<&Article> {
        self.opened
            .iter()
            .rev()
            .find(|(a, _)| *a == article)
            .map(|(_, d)| d.as_ref())
            .or_else(|| self.corpus.articles.get(article))
    }
}
