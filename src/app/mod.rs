//! The application's state and everything that changes it. State changes
//! only through [`App::handle_key`], [`App::apply`] and the few `receive`
//! methods; there is no I/O here and no terminal library, so every change
//! can be tested by feeding actions and looking at the state. What the
//! outside world must do (copy to the clipboard, run a search, quit) comes
//! out as [`Effect`]s.

pub mod action;
pub mod browse;
pub mod copy;
pub mod cursor;
pub mod deadlines;
pub mod detail;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod leadership;
pub mod person;
mod posts;
pub mod search;
pub mod store;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use action::Action;
pub use keymap::{ALWAYS_QUIT, Key, KeyCode, Keymap};

use crate::corpus::catalog::Catalog;
use crate::corpus::{Article, CENTRAL, Corpus};
use crate::extract::Date;
use crate::search::{Hit, Index, Target};
use browse::Browse;
use cursor::{Cursor, Move};
use deadlines::{Deadlines, ROWS_PER_DUE};
use detail::{Detail, FactKind};
use layout::Screen;
use leadership::Leadership;
use person::{PersonPage, Row};
use search::Search;
use store::{AfterCatalog, ArticleOf, Focus, StoreBrowse};

/// The panes of the browser, left to right, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pane {
    Provinces,
    Meetings,
    Attendees,
    Conclusions,
}

impl Pane {
    pub const ALL: [Pane; 4] = [
        Pane::Provinces,
        Pane::Meetings,
        Pane::Attendees,
        Pane::Conclusions,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Provinces => "Provinces",
            Pane::Meetings => "Meetings",
            Pane::Attendees => "Attendees",
            Pane::Conclusions => "Conclusions",
        }
    }

    fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// A view above the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Detail(Detail),
    Person(PersonPage),
    Leadership(Leadership),
    Deadlines(Deadlines),
    Search(Search),
}

/// Which key set applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Detail,
    Person,
    Leadership,
    Deadlines,
    Search,
    Help,
}

impl Mode {
    /// The actions the footer offers in this mode, most useful first. Help
    /// and quit follow them in every mode, whatever the width.
    pub fn hints(self) -> &'static [Action] {
        match self {
            Mode::Browse => &[
                Action::Down,
                Action::Up,
                Action::NextPane,
                Action::Open,
                Action::Source,
                Action::Search,
                Action::CopyText,
            ],
            Mode::Detail => &[
                Action::NextFact,
                Action::PrevFact,
                Action::Down,
                Action::Up,
                Action::Open,
                Action::Back,
                Action::CopyText,
            ],
            Mode::Person => &[
                Action::Down,
                Action::Up,
                Action::Open,
                Action::Back,
                Action::CopyText,
            ],
            Mode::Leadership => &[
                Action::MonthBack,
                Action::MonthForward,
                Action::YearBack,
                Action::YearForward,
                Action::Open,
                Action::MarkDate,
                Action::Compare,
                Action::Back,
            ],
            Mode::Deadlines => &[
                Action::Down,
                Action::Up,
                Action::Open,
                Action::NextProvince,
                Action::Back,
            ],
            Mode::Search => &[Action::Down, Action::Up, Action::Open, Action::Back],
            Mode::Help => &[Action::Down, Action::Up, Action::Back],
        }
    }

    /// The footer's last two hints, shown in every mode.
    pub const ALWAYS: [Action; 2] = [Action::Help, Action::Quit];
}

/// What the world outside the state must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Put text on the clipboard; `what` names it for the status line.
    Copy {
        text: String,
        what: String,
    },
    /// Run a search and hand the hits back to [`App::receive_hits`].
    Search {
        generation: u64,
        query: String,
    },
    /// Read rows from the corpus and hand them back to [`App::receive`].
    Read(store::Request),
}

/// A message on the status line until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// What is remembered between runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    pub province: Option<String>,
    /// Id of an article of the selected meeting.
    pub meeting_article: Option<String>,
    pub focus: Option<Pane>,
    pub recent_searches: Vec<String>,
}

/// Searches remembered.
const RECENT_SEARCHES: usize = 20;
/// Results kept per query.
pub const SEARCH_LIMIT: usize = 200;

/// How much of the corpus has arrived: a large one is read in stages
/// while the browser already answers keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    /// Meetings and officials: the provinces and meetings panes.
    pub catalog: bool,
    /// Articles: attendees, conclusions, article text.
    pub articles: bool,
    /// The search index.
    pub index: bool,
    /// Article files read of how many, while a directory is read.
    pub files: Option<(usize, usize)>,
}

impl Loading {
    pub const DONE: Loading = Loading {
        catalog: true,
        articles: true,
        index: true,
        files: None,
    };

    /// What is still being read, for the status line.
    pub fn note(self) -> Option<String> {
        if !self.catalog {
            Some(match self.files {
                Some((done, total)) => format!(
                    "Reading the corpus… {done} of {}",
                    plural(total, "file", "files")
                ),
                None => "Reading the corpus…".to_string(),
            })
        } else if !self.articles {
            Some("Reading articles… meetings and officials are ready".to_string())
        } else if !self.index {
            Some("Indexing for search…".to_string())
        } else {
            None
        }
    }
}

/// The application.
#[derive(Debug)]
pub struct App {
    pub corpus: Arc<Corpus>,
    /// What the views over the whole corpus read (see [`App::officials`]).
    pub catalog: Option<Arc<Catalog>>,
    pub index: Arc<Index>,
    pub loading: Loading,
    /// Saved state to put back once the corpus has arrived, unless a key
    /// was pressed first.
    pending_restore: Option<Saved>,
    pub keymap: Keymap,
    pub screen: Screen,
    pub focus: Pane,
    pub browse: Browse,
    /// The panes' rows when the corpus is read pane by pane (a store).
    pub store: Option<StoreBrowse>,
    /// Articles read for the views that show them, the newest last.
    opened: Vec<(usize, Arc<Article>)>,
    /// Views opened above the browser, the current one last.
    pub stack: Vec<View>,
    /// The help overlay's scroll position, when it is open.
    pub help: Option<usize>,
    pub status: Option<Status>,
    pub recent_searches: Vec<String>,
    /// Today's date, given by the terminal program (the state reads no
    /// clock): deadlines are overdue or near by it.
    pub today: Option<Date>,
    effects: Vec<Effect>,
    generation: u64,
}

impl App {
    pub fn new(
        corpus: Arc<Corpus>,
        index: Arc<Index>,
        keymap: Keymap,
        width: u16,
        height: u16,
    ) -> App {
        let browse = Browse::new(&corpus);
        App {
            corpus,
            catalog: None,
            index,
            loading: Loading::DONE,
            pending_restore: None,
            keymap,
            screen: Screen::of(width, height),
            focus: Pane::Meetings,
            browse,
            store: None,
            opened: Vec::new(),
            stack: Vec::new(),
            help: None,
            status: None,
            recent_searches: Vec::new(),
            today: None,
            effects: Vec::new(),
            generation: 0,
        }
    }

    /// An app with nothing loaded yet: see [`App::receive_corpus`] and
    /// [`App::receive_index`].
    pub fn starting(keymap: Keymap, width: u16, height: u16) -> App {
        let empty = Arc::new(Corpus::default());
        let index = Arc::new(Index::build(&empty));
        let mut app = App::new(empty, index, keymap, width, height);
        app.loading = Loading {
            catalog: false,
            articles: false,
            index: false,
            files: None,
        };
        app
    }

    /// The corpus, or its meetings and officials only (`complete` false),
    /// has arrived. The selection stays where it was.
    pub fn receive_corpus(&mut self, corpus: Arc<Corpus>, complete: bool) {
        let province = self.browse.selected_province().map(str::to_string);
        let meeting = self.browse.selected_meeting();
        self.corpus = corpus;
        self.catalog = None;
        self.browse = Browse::new(&self.corpus);
        let page = self.page(Pane::Provinces);
        self.browse
            .select_province(&self.corpus, province.as_deref(), page);
        if let Some(m) = meeting.filter(|&m| m < self.corpus.meetings.len()) {
            let page = self.page(Pane::Meetings);
            self.browse.select_meeting(&self.corpus, m, page);
        }
        self.loading.catalog = true;
        self.loading.articles = complete;
        if let Some(saved) = self.pending_restore.take() {
            self.restore(&saved);
        }
    }

    /// `done` of `total` article files have been read.
    pub fn receive_progress(&mut self, done: usize, total: usize) {
        self.loading.files = Some((done, total));
    }

    /// The search index has arrived.
    pub fn receive_index(&mut self, index: Arc<Index>) {
        self.index = index;
        self.loading.index = true;
    }

    /// Effects produced since the last call.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            return Mode::Help;
        }
        match self.stack.last() {
            None => Mode::Browse,
            Some(View::Detail(_)) => Mode::Detail,
            Some(View::Person(_)) => Mode::Person,
            Some(View::Leadership(_)) => Mode::Leadership,
            Some(View::Deadlines(_)) => Mode::Deadlines,
            Some(View::Search(_)) => Mode::Search,
        }
    }

    /// Sets a status message.
    pub fn notify(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
    }

    /// Rows a pane shows.
    pub fn page(&self, pane: Pane) -> usize {
        let s = &self.screen;
        match pane {
            Pane::Provinces => s.provinces.inner_rows(),
            Pane::Meetings => s.meetings.inner_rows(),
            Pane::Attendees => s.attendees.inner_rows(),
            Pane::Conclusions => s.conclusions.inner_rows(),
        }
    }

    /// Rows of the main area's list or text (inside its border and header).
    pub fn main_page(&self) -> usize {
        self.view_page(self.stack.last())
    }

    /// Rows of a view's list or text in the main area (`None`: the
    /// browser). Views differ in how many header rows they draw, so each
    /// view in the stack pages by its own count, not the top view's.
    pub fn view_page(&self, view: Option<&View>) -> usize {
        let rows = self.screen.main.inner_rows();
        match view {
            Some(View::Detail(_)) => rows.saturating_sub(DETAIL_HEADER_ROWS),
            Some(View::Search(_)) => rows.saturating_sub(2),
            Some(View::Deadlines(_)) => rows.saturating_sub(1) / ROWS_PER_DUE,
            _ => rows.saturating_sub(1),
        }
    }

    /// Columns the detail text wraps to.
    pub fn detail_width(&self) -> usize {
        self.screen.main.inner_cols().saturating_sub(1)
    }

    /// A key press: what it does depends on the view.
    pub fn handle_key(&mut self, key: Key) {
        if key == ALWAYS_QUIT {
            self.effects.push(Effect::Quit);
            return;
        }
        let action = self.keymap.action_in(self.mode(), &key);
        if self.screen.too_small {
            // Nothing shows what a key would do: only quitting acts.
            if action == Some(Action::Quit) {
                self.effects.push(Effect::Quit);
            }
            return;
        }
        self.status = None;
        // Someone is at the keys: what they do wins over the saved state.
        self.pending_restore = None;
        if self.mode() == Mode::Search && self.edit_query(key) {
            return;
        }
        match action {
            Some(a) => self.apply(a),
            None if self.help.is_some() => self.help = None,
            None => {}
        }
    }

    /// Editing keys of the search prompt; true when the key was one.
    fn edit_query(&mut self, key: Key) -> bool {
        let Some(View::Search(s)) = self.stack.last_mut() else {
            return false;
        };
        let changed = match (key.code, key.ctrl, key.alt) {
            (KeyCode::Char(c), false, false) => {
                s.insert(c);
                true
            }
            (KeyCode::Backspace, _, _) => s.backspace(),
            (KeyCode::Delete, _, _) => s.delete(),
            (KeyCode::Char('w'), true, _) => s.delete_word(),
            (KeyCode::Char('u'), true, _) => s.clear(),
            (KeyCode::Left, false, false) => {
                s.move_caret(-1);
                return true;
            }
            (KeyCode::Right, false, false) => {
                s.move_caret(1);
                return true;
            }
            (KeyCode::Home, _, _) => {
                s.move_caret(isize::MIN / 2);
                return true;
            }
            (KeyCode::End, _, _) => {
                s.move_caret(isize::MAX / 2);
                return true;
            }
            (KeyCode::Char('n') | KeyCode::Down, true, _) => return self.apply_ret(Action::Down),
            (KeyCode::Char('p') | KeyCode::Up, true, _) => return self.apply_ret(Action::Up),
            _ => return false,
        };
        if changed {
            // The list below changes: results to come, or recent searches.
            s.list = Cursor::default();
            self.ask_search();
        }
        true
    }

    fn apply_ret(&mut self, a: Action) -> bool {
        self.apply(a);
        true
    }

    /// Asks for results of the current query.
    fn ask_search(&mut self) {
        self.generation += 1;
        let generation = self.generation;
        if let Some(View::Search(s)) = self.stack.last_mut() {
            s.asked = generation;
            self.effects.push(Effect::Search {
                generation,
                query: s.query.clone(),
            });
        }
    }

    /// Results of a search asked for earlier. Stale ones are dropped.
    pub fn receive_hits(&mut self, generation: u64, hits: Vec<Hit>) {
        self.receive_respelled(generation, hits, None);
    }

    /// Results for `respelled`, a query near the one typed that matched
    /// nothing as typed.
    pub fn receive_respelled(
        &mut self,
        generation: u64,
        hits: Vec<Hit>,
        respelled: Option<String>,
    ) {
        // A corpus holding a meeting twice has its entries twice: show each once.
        let mut seen = std::collections::HashSet::new();
        let index = self.index.clone();
        let mut hits = hits;
        hits.retain(|h| {
            h.entry >= index.len() || {
                let e = index.entry(h.entry);
                seen.insert((e.kind, e.text))
            }
        });
        let Some(i) = self
            .stack
            .iter()
            .rposition(|v| matches!(v, View::Search(_)))
        else {
            return;
        };
        let page = self.view_page(self.stack.get(i));
        if let View::Search(s) = &mut self.stack[i] {
            s.receive_respelled(generation, hits, respelled, page);
        }
    }

    /// The terminal changed size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = Screen::of(width, height);
        for pane in Pane::ALL {
            let page = self.page(pane);
            let (len, cursor) = self.pane_list(pane);
            cursor.fit(len, page);
        }
        let width = self.detail_width();
        let pages: Vec<usize> = self.stack.iter().map(|v| self.view_page(Some(v))).collect();
        let corpus = self.corpus.clone();
        let opened = self.opened.clone();
        for (v, page) in self.stack.iter_mut().zip(pages) {
            match v {
                View::Detail(d) => {
                    let held = opened.iter().rev().find(|(a, _)| *a == d.article);
                    let doc = held.map(|(_, doc)| doc.as_ref());
                    if let Some(doc) = doc.or_else(|| corpus.articles.get(d.article)) {
                        d.rewrap(doc, width);
                    }
                    d.show_current(page);
                }
                View::Person(p) => p.cursor.fit(p.rows.len(), page),
                View::Leadership(_) => {}
                View::Deadlines(d) => d.cursor.fit(d.shown.len(), page),
                View::Search(s) => s.list.fit(s.hits.len(), page),
            }
        }
        // A larger help box shows more lines: scroll no further than the last page.
        if self.help.is_some() {
            let (lines, page) = self.help_lines();
            let top = lines.len().saturating_sub(page);
            self.help = self.help.map(|scroll| scroll.min(top));
        }
    }

    /// The length and cursor of a pane's list.
    fn pane_list(&mut self, pane: Pane) -> (usize, &mut Cursor) {
        if let Some(s) = self.store.as_mut() {
            return s.pane_list(pane);
        }
        let b = &mut self.browse;
        match pane {
            Pane::Provinces => (b.provinces.len(), &mut b.province),
            Pane::Meetings => (b.meetings.len(), &mut b.meeting),
            Pane::Attendees => (b.attendees.len(), &mut b.attendee),
            Pane::Conclusions => (b.conclusions.len(), &mut b.conclusion),
        }
    }

    /// Does what an action says, in the current view.
    pub fn apply(&mut self, action: Action) {
        if self.screen.too_small {
            if action == Action::Quit {
                self.effects.push(Effect::Quit);
            }
            return;
        }
        if self.help.is_some() {
            self.apply_in_help(action);
            return;
        }
        match action {
            Action::Quit => self.effects.push(Effect::Quit),
            Action::Help => self.help = Some(0),
            Action::Search => self.open_search(),
            Action::Leadership => self.open_leadership(),
            Action::Deadlines => self.open_deadlines(),
            Action::Back => self.back(),
            Action::CopyText | Action::CopyJson => self.copy(action == Action::CopyJson),
            _ => match self.stack.last() {
                None => self.apply_in_browse(action),
                Some(View::Detail(_)) => self.apply_in_detail(action),
                Some(View::Person(_)) => self.apply_in_person(action),
                Some(View::Leadership(_)) => self.apply_in_leadership(action),
                Some(View::Deadlines(_)) => self.apply_in_deadlines(action),
                Some(View::Search(_)) => self.apply_in_search(action),
            },
        }
    }

    /// The help overlay's lines and the rows it shows.
    pub fn help_lines(&self) -> (Vec<help::Line>, usize) {
        let s = &self.screen;
        let area = help::area(s.main.width, s.main.height + 2);
        (
            help::lines(&self.keymap, area.inner_cols()),
            area.inner_rows(),
        )
    }

    fn apply_in_help(&mut self, action: Action) {
        let (lines, page) = self.help_lines();
        let top = lines.len().saturating_sub(page);
        let Some(scroll) = self.help.as_mut() else {
            return;
        };
        match action {
            Action::Down => *scroll = (*scroll + 1).min(top),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => *scroll = (*scroll + page / 2).min(top),
            Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(page / 2),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = top,
            // q closes help like Esc; Ctrl-c still quits the app.
            _ => self.help = None,
        }
    }

    fn movement(action: Action) -> Option<Move> {
        Some(match action {
            Action::Down => Move::Down,
            Action::Up => Move::Up,
            Action::HalfPageDown => Move::HalfPageDown,
            Action::HalfPageUp => Move::HalfPageUp,
            Action::PageDown => Move::PageDown,
            Action::PageUp => Move::PageUp,
            Action::Top => Move::Top,
            Action::Bottom => Move::Bottom,
            _ => return None,
        })
    }

    fn apply_in_browse(&mut self, action: Action) {
        if let Some(m) = Self::movement(action) {
            let pane = self.focus;
            let page = self.page(pane);
            let (len, cursor) = self.pane_list(pane);
            let before = cursor.selected;
            cursor.go(m, len, page);
            let moved = cursor.selected != before;
            if moved && self.store.is_some() {
                self.store_moved(pane);
            } else if moved {
                let corpus = self.corpus.clone();
                match pane {
                    Pane::Provinces => self.browse.refresh_meetings(&corpus),
                    Pane::Meetings => self.browse.refresh_meeting(&corpus),
                    _ => {}
                }
            }
            return;
        }
        let i = self.focus.index();
        match action {
            Action::NextPane => self.focus = Pane::ALL[(i + 1) % 4],
            Action::PrevPane => self.focus = Pane::ALL[(i + 3) % 4],
            // Panes read left to right, row after row: past the end of a
            // row is the other row's pane on that side.
            Action::Right => self.focus = Pane::ALL[(i + 1).min(3)],
            Action::Left => self.focus = Pane::ALL[i.saturating_sub(1)],
            Action::Open if self.store.is_some() => self.open_in_store(false),
            Action::Source if self.store.is_some() => self.open_in_store(true),
            Action::Open => self.open_in_browse(),
            Action::Source => self.source_in_browse(),
            _ => {}
        }
    }

    /// Enter in the browser: a province shows its meetings, a meeting or a
    /// conclusion opens the article, an attendee opens the official's page.
    fn open_in_browse(&mut self) {
        let b = &self.browse;
        match self.focus {
            Pane::Provinces => self.focus = Pane::Meetings,
            Pane::Meetings => {
                if let Some(m) = b.selected_meeting() {
                    let article = self.corpus.meetings[m].articles[0];
                    self.open_detail(article, None);
                }
            }
            Pane::Attendees => {
                if let Some(r) = b.attendees.get(b.attendee.selected) {
                    self.open_person(r.person);
                }
            }
            Pane::Conclusions => {
                if let Some(r) = b.conclusions.get(b.conclusion.selected).copied() {
                    let at = self.corpus.articles[r.article].facts.conclusions[r.conclusion]
                        .span
                        .start;
                    self.open_detail(r.article, Some(at));
                }
            }
        }
    }

    /// `s` in the browser: the selected item in its article.
    fn source_in_browse(&mut self) {
        let b = &self.browse;
        match self.focus {
            Pane::Attendees => {
                if let Some(r) = b.attendees.get(b.attendee.selected) {
                    let at = self.corpus.articles[r.article].facts.people[r.fact]
                        .spans
                        .first()
                        .map(|s| s.start);
                    self.open_detail(r.article, at);
                }
            }
            _ => self.open_in_browse(),
        }
    }

    fn apply_in_detail(&mut self, action: Action) {
        let page = self.main_page();
        let corpus = self.corpus.clone();
        let store = self.store.is_some();
        let Some(View::Detail(d)) = self.stack.last_mut() else {
            return;
        };
        let last = d.lines.len().saturating_sub(page.max(1));
        match action {
            Action::Down => d.scroll = (d.scroll + 1).min(last),
            Action::Up => d.scroll = d.scroll.saturating_sub(1),
            Action::HalfPageDown => d.scroll = (d.scroll + page / 2).min(last),
            Action::HalfPageUp => d.scroll = d.scroll.saturating_sub(page / 2),
            Action::PageDown => d.scroll = (d.scroll + page.max(1)).min(last),
            Action::PageUp => d.scroll = d.scroll.saturating_sub(page.max(1)),
            Action::Top => d.scroll = 0,
            Action::Bottom => d.scroll = last,
            Action::NextFact => d.step_fact(true, page),
            Action::PrevFact => d.step_fact(false, page),
            Action::Open => {
                // On a person's name, open their page.
                let person = d.current.and_then(|c| d.facts[c].person);
                let known = |p: &usize| store || *p < corpus.people.len();
                if let Some(p) = person.filter(known) {
                    self.open_person(p);
                } else if d.current.is_none() {
                    d.step_fact(true, page);
                }
            }
            _ => {}
        }
    }

    fn apply_in_person(&mut self, action: Action) {
        let page = self.main_page();
        let Some(View::Person(p)) = self.stack.last_mut() else {
            return;
        };
        match action {
            Action::Down => p.step(true, page),
            Action::Up => p.step(false, page),
            Action::Open | Action::Source => {
                let row = p.selected().cloned();
                match row {
                    Some(Row::Meeting { article, .. }) => {
                        self.open_article(ArticleOf::Number(article), Focus::Start)
                    }
                    Some(Row::Conclusion {
                        article,
                        conclusion,
                    }) => {
                        self.open_article(ArticleOf::Number(article), Focus::Conclusion(conclusion))
                    }
                    Some(Row::Companion { person, .. }) => self.open_person(person),
                    Some(Row::Spell(s)) => {
                        // A post: the first meeting that shows it.
                        let person = p.person;
                        let meeting = self.catalog.as_ref().and_then(|c| {
                            c.people[person].timeline[s]
                                .meetings
                                .first()
                                .map(|&m| m as usize)
                        });
                        if let Some(m) = meeting {
                            self.open_article(ArticleOf::Meeting(m), Focus::Person(person));
                        }
                    }
                    _ => {}
                }
            }
            other => {
                if let Some(m) = Self::movement(other) {
                    p.jump(m, page);
                }
            }
        }
    }

    fn apply_in_search(&mut self, action: Action) {
        let page = self.main_page();
        let recent = self.recent_searches.len();
        let Some(View::Search(s)) = self.stack.last_mut() else {
            return;
        };
        // With nothing typed, the list is the recent searches.
        let picking = s.query.trim().is_empty();
        if let Some(m) = Self::movement(action) {
            let len = if picking { recent } else { s.hits.len() };
            s.list.go(m, len, page);
            return;
        }
        if action == Action::Open && picking {
            if let Some(q) = self.recent_searches.get(s.list.selected).cloned() {
                s.set(&q);
                s.list = Cursor::default();
                self.ask_search();
            }
            return;
        }
        if action == Action::Open {
            let query = s.query.trim().to_string();
            let target = s
                .hits
                .get(s.list.selected)
                .map(|h| self.index.entry(h.entry).target.clone());
            if !query.is_empty() {
                self.remember_search(&query);
            }
            match target {
                Some(t) => self.open_target(t),
                None if !query.is_empty() => {
                    self.notify(format!("nothing matches {query:?}"), true)
                }
                None => {}
            }
        }
    }

    fn remember_search(&mut self, query: &str) {
        self.recent_searches.retain(|q| q != query);
        self.recent_searches.insert(0, query.to_string());
        self.recent_searches.truncate(RECENT_SEARCHES);
    }

    /// Opens a search result where it belongs.
    fn open_target(&mut self, target: Target) {
        let corpus = self.corpus.clone();
        match target {
            Target::Person { person } => self.open_person(person),
            Target::Spell { person, .. } => self.open_person(person),
            Target::Meeting { meeting } => {
                self.open_article(ArticleOf::Meeting(meeting), Focus::Start)
            }
            Target::Conclusion {
                article,
                conclusion,
            } => self.open_article(ArticleOf::Number(article), Focus::Conclusion(conclusion)),
            Target::Province { name } if self.store.is_some() => {
                self.stack.clear();
                self.select_store_province(&name);
                self.focus = Pane::Meetings;
            }
            Target::Province { name } => {
                self.stack.clear();
                let page = self.page(Pane::Provinces);
                self.browse.select_province(&corpus, Some(&name), page);
                self.focus = Pane::Meetings;
            }
        }
    }

    /// Opens the search prompt, or goes back to it when already open below.
    fn open_search(&mut self) {
        if let Some(i) = self
            .stack
            .iter()
            .rposition(|v| matches!(v, View::Search(_)))
        {
            self.stack.truncate(i + 1);
            return;
        }
        // Results for an earlier prompt's queries may still arrive: start
        // at a generation of its own so that only this prompt's are taken.
        self.generation += 1;
        self.stack.push(View::Search(Search {
            asked: self.generation,
            shown: self.generation,
            ..Search::default()
        }));
    }

    fn back(&mut self) {
        // A comparison shown over the leadership closes first.
        if let Some(View::Leadership(l)) = self.stack.last_mut()
            && l.comparison.is_some()
        {
            l.comparison = None;
            return;
        }
        if self.stack.pop().is_none() {
            self.status = None;
        }
    }

    /// Says so and returns false while the articles are still loading.
    fn articles_ready(&mut self) -> bool {
        if !self.loading.articles {
            self.notify(
                "The articles are still loading; try again in a moment",
                true,
            );
        }
        self.loading.articles
    }

    /// Opens an article, with the fact at byte `at` current.
    pub fn open_detail(&mut self, article: usize, at: Option<usize>) {
        if !self.articles_ready() {
            return;
        }
        let width = self.detail_width();
        let Some(doc) = self.article(article) else {
            return;
        };
        let d = Detail::new(article, doc, width, at);
        self.stack.push(View::Detail(d));
        let page = self.main_page();
        if let Some(View::Detail(d)) = self.stack.last_mut() {
            d.show_current(page);
        }
    }

    pub fn open_person(&mut self, person: usize) {
        if !self.articles_ready() || !self.catalog_ready(AfterCatalog::Person(person)) {
            return;
        }
        let catalog = self.officials();
        if person >= catalog.people.len() {
            return;
        }
        let page = PersonPage::new(&catalog, person);
        self.stack.push(View::Person(page));
    }

    /// Copies what is selected, as text or as JSON.
    fn copy(&mut self, json: bool) {
        // Over a store only an open article holds what a copy says.
        if self.store.is_some() && !matches!(self.stack.last(), Some(View::Detail(_))) {
            self.notify(
                "Open the item to copy it: this corpus is read pane by pane",
                true,
            );
            return;
        }
        match copy::selected(self) {
            Some(item) => {
                let text = if json {
                    serde_json::to_string_pretty(&item.json).unwrap_or_default()
                } else {
                    item.text
                };
                let what = format!("{} as {}", item.what, if json { "JSON" } else { "text" });
                self.effects.push(Effect::Copy { text, what });
            }
            None => self.notify("nothing selected to copy", true),
        }
    }

    /// What to remember of this session.
    pub fn saved(&self) -> Saved {
        // Quit before the corpus arrived: keep what was to be put back.
        if let Some(pending) = &self.pending_restore {
            return Saved {
                recent_searches: self.recent_searches.clone(),
                ..pending.clone()
            };
        }
        if let Some(s) = &self.store {
            return Saved {
                province: s.selected_province().map(str::to_string),
                meeting_article: None,
                focus: Some(self.focus),
                recent_searches: self.recent_searches.clone(),
            };
        }
        let meeting_article = self
            .browse
            .selected_meeting()
            .and_then(|m| self.corpus.meetings[m].articles.first())
            .map(|&a| self.corpus.articles[a].id.clone());
        Saved {
            province: self.browse.selected_province().map(str::to_string),
            meeting_article,
            focus: Some(self.focus),
            recent_searches: self.recent_searches.clone(),
        }
    }

    /// Puts back what was remembered; whatever no longer exists is skipped.
    /// Before the articles have arrived, only the province is put back, and
    /// the rest waits for them.
    pub fn restore(&mut self, saved: &Saved) {
        if self.store.is_some() {
            // The province is put back when the list of provinces arrives.
            self.pending_restore = Some(saved.clone());
        } else if !self.loading.articles {
            self.pending_restore = Some(saved.clone());
        }
        let corpus = self.corpus.clone();
        self.browse.select_province(
            &corpus,
            saved.province.as_deref(),
            self.page(Pane::Provinces),
        );
        if let Some(id) = &saved.meeting_article
            && let Some(a) = corpus.articles.iter().position(|a| &a.id == id)
        {
            let page = self.page(Pane::Meetings);
            self.browse
                .select_meeting(&corpus, corpus.articles[a].meeting, page);
        }
        if let Some(f) = saved.focus {
            self.focus = f;
        }
        self.recent_searches = saved
            .recent_searches
            .iter()
            .take(RECENT_SEARCHES)
            .cloned()
            .collect();
    }

    /// The kind of the current fact in the detail view, for the status line.
    pub fn current_fact(&self) -> Option<FactKind> {
        match self.stack.last() {
            Some(View::Detail(d)) => d.current.map(|c| d.facts[c].kind),
            _ => None,
        }
    }
}

/// "1 meeting", "2 meetings".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Rows the detail view's header takes above the text.
pub const DETAIL_HEADER_ROWS: usize = 3;
