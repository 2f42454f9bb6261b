//! Running the app in a terminal: input, signals and search results arrive
//! on one channel from their own threads, the app's state changes, the
//! effects it asks for are carried out, and the screen is drawn again.
//! Bursts of events (a resize storm, fast typing) are drained before a
//! single draw.

pub mod clipboard;
pub mod config;
pub mod load;
pub mod reader;
pub mod saved;
pub mod terminal;

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, Event as TermEvent, KeyCode as TermCode, KeyEventKind, KeyModifiers,
};
use ratatui::crossterm::{execute, terminal as term};

use crate::app::store::Reply;
use crate::app::{App, Effect, Key, KeyCode, SEARCH_LIMIT};
use crate::search::typo::Vocabulary;
use crate::search::{Hit, Index, Searcher};
use load::{Loaded, Source};

/// What wakes the loop.
enum Event {
    Key(Key),
    Resize(u16, u16),
    /// Results of a query; the respelled query they answer when the one
    /// typed matched nothing.
    Hits(u64, Vec<Hit>, Option<String>),
    /// Article files read, of how many.
    Progress(usize, usize),
    /// A stage of the corpus, read on its own thread.
    Load(Loaded),
    /// Rows read from a store for the app.
    Reply(Reply),
    /// A terminating signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT).
    Signal(i32),
    /// The terminal stopped answering (closed, or the connection dropped).
    InputGone(String),
}

/// How to start.
pub struct Options {
    pub config_path: Option<PathBuf>,
    pub state_path: Option<PathBuf>,
    pub no_color: bool,
    /// A message to show on the status line at start (a skipped file…).
    pub notice: Option<String>,
}

impl Options {
    /// Paths from the platform, NO_COLOR from the environment.
    pub fn from_env() -> Options {
        Options {
            config_path: config::config_path(),
            state_path: saved::path(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            notice: None,
        }
    }
}

/// Runs the app until the user quits or a signal arrives; returns the
/// signal that ended it, if one did. The corpus is read on its own thread
/// while the app already answers keys. The terminal is restored however
/// this returns.
pub fn run(source: Source, options: Options) -> anyhow::Result<Option<i32>> {
    let cfg = config::load(options.config_path.as_deref(), options.no_color);
    let corpus_key = saved::key(&source);
    let (tx, rx) = mpsc::channel::<Event>();
    spawn_signals(tx.clone());

    let guard = terminal::Guard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    let store = match &source {
        Source::File(path) if reader::is_store(path) => Some(path.clone()),
        _ => None,
    };
    let mut app = match store {
        Some(_) => App::reading(cfg.keymap, size.width, size.height),
        None => App::starting(cfg.keymap, size.width, size.height),
    };
    app.today = today();
    let mut notices: Vec<String> = options.notice.into_iter().chain(cfg.warnings).collect();
    if let Some(path) = &options.state_path {
        let (s, warning) = saved::load(path, &corpus_key);
        app.restore(&s);
        notices.extend(warning);
    }
    if !notices.is_empty() {
        app.notify(notices.join("; "), true);
    }
    let workers = match store {
        Some(path) => {
            let reply_tx = tx.clone();
            let jobs = reader::spawn(path, move |r| reply_tx.send(Event::Reply(r)).is_ok());
            Workers::Store(jobs)
        }
        None => {
            let search_tx = spawn_search(tx.clone());
            spawn_loader(source, tx.clone());
            Workers::Memory(search_tx)
        }
    };
    spawn_hangup_watch(tx.clone());
    spawn_input(tx);

    let result = event_loop(&mut terminal, &mut app, &cfg.theme, &rx, &workers);
    drop(terminal);
    drop(guard);
    if let Some(path) = &options.state_path
        && let Err(e) = saved::save(path, &corpus_key, &app.saved())
    {
        eprintln!("tinhuy: {}: could not save state: {e}", path.display());
    }
    result
}

/// The threads that answer the app: a loader and a search worker over a
/// corpus in memory, or a reader of a store.
enum Workers {
    Memory(Sender<SearchJob>),
    Store(reader::Readers),
}

/// Reads the whole corpus on its own thread, in stages.
fn spawn_loader(source: Source, tx: Sender<Event>) {
    let progress_tx = tx.clone();
    load::spawn_with_progress(
        source,
        move |stage| tx.send(Event::Load(stage)).is_ok(),
        move |done, total| {
            let _ = progress_tx.send(Event::Progress(done, total));
        },
    );
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    app: &mut App,
    theme: &crate::ui::Theme,
    rx: &Receiver<Event>,
    workers: &Workers,
) -> anyhow::Result<Option<i32>> {
    // What the app asks for at start (a store's first rows) goes out first.
    if carry_out(app, workers) {
        return Ok(None);
    }
    draw(terminal, app, theme)?;
    loop {
        let first = rx.recv()?;
        for ev in std::iter::once(first).chain(rx.try_iter()) {
            match ev {
                Event::Key(k) => app.handle_key(k),
                Event::Resize(w, h) => app.resize(w, h),
                Event::Hits(g, hits, respelled) => app.receive_respelled(g, hits, respelled),
                Event::Progress(done, total) => app.receive_progress(done, total),
                Event::Load(Loaded::Catalog(c)) => app.receive_corpus(c, false),
                Event::Load(Loaded::Corpus(c)) => app.receive_corpus(c, true),
                Event::Load(Loaded::Index(index)) => {
                    if let Workers::Memory(search_tx) = workers {
                        let _ = search_tx.send(SearchJob::Index(index.clone()));
                    }
                    app.receive_index(index);
                }
                Event::Reply(reply) => app.receive(reply),
                Event::Load(Loaded::Notice(text)) => app.notify(text, true),
                Event::Load(Loaded::Failed(e)) => anyhow::bail!(e),
                Event::Signal(sig) => return Ok(Some(sig)),
                Event::InputGone(e) => anyhow::bail!("terminal input closed: {e}"),
            }
            if carry_out(app, workers) {
                return Ok(None);
            }
        }
        draw(terminal, app, theme)?;
    }
}

/// Carries out what the app asked for; true when it asked to quit.
fn carry_out(app: &mut App, workers: &Workers) -> bool {
    for effect in app.take_effects() {
        match (effect, workers) {
            (Effect::Quit, _) => return true,
            (Effect::Search { generation, query }, Workers::Memory(search_tx)) => {
                let _ = search_tx.send(SearchJob::Query(generation, query));
            }
            (Effect::Search { generation, query }, Workers::Store(jobs)) => {
                let _ = jobs.send(reader::Job::Search(generation, query));
            }
            (Effect::Read(request), Workers::Store(jobs)) => {
                let _ = jobs.send(reader::Job::Read(request));
            }
            // A corpus in memory answers its own reads.
            (Effect::Read(_), Workers::Memory(_)) => {}
            (Effect::Copy { text, what }, _) => copy(app, &text, &what),
        }
    }
    false
}

/// Puts text on the clipboard through the terminal and says so.
fn copy(app: &mut App, text: &str, what: &str) {
    match clipboard::osc52(text, std::env::var_os("TMUX").is_some()) {
        Ok(seq) => {
            let mut out = io::stdout();
            let _ = out.write_all(seq.as_bytes()).and_then(|_| out.flush());
            app.notify(
                format!(
                    "Copied {what} ({} characters) to the clipboard",
                    text.chars().count()
                ),
                false,
            );
        }
        Err(e) => app.notify(format!("Not copied: {e}"), true),
    }
}

fn draw(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    app: &App,
    theme: &crate::ui::Theme,
) -> io::Result<()> {
    // Synchronized updates keep slow links from showing half-drawn frames.
    execute!(io::stdout(), term::BeginSynchronizedUpdate)?;
    let frame = terminal.draw(|f| crate::ui::draw(f, app, theme))?;
    if terminal::hyperlinks()
        && let Some((cells, url)) = crate::ui::status::link(app, frame.area)
    {
        terminal::write_link(&mut io::stdout(), frame.buffer, cells, &url)?;
    }
    execute!(io::stdout(), term::EndSynchronizedUpdate)?;
    Ok(())
}

/// Today's date by the system clock (UTC), for how near deadlines are.
fn today() -> Option<crate::extract::Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some(crate::extract::Date::from_unix_seconds(secs))
}

/// Reads terminal input on its own thread.
fn spawn_input(tx: Sender<Event>) {
    thread::spawn(move || {
        loop {
            let ev = match event::read() {
                Ok(TermEvent::Key(k)) if k.kind != KeyEventKind::Release => {
                    match key(k.code, k.modifiers) {
                        Some(k) => Event::Key(k),
                        None => continue,
                    }
                }
                Ok(TermEvent::Resize(w, h)) => Event::Resize(w, h),
                Ok(_) => continue,
                Err(e) => {
                    let _ = tx.send(Event::InputGone(e.to_string()));
                    return;
                }
            };
            if tx.send(ev).is_err() {
                return;
            }
        }
    });
}

/// Ends the app when the terminal hangs up (window closed, connection
/// dropped). A process that gets no SIGHUP for it (one in its own session)
/// would otherwise stay forever: crossterm's reader retries a hung-up
/// terminal in a loop instead of returning an error.
fn spawn_hangup_watch(tx: Sender<Event>) {
    use rustix::event::{PollFd, PollFlags, poll};
    use std::io::IsTerminal;
    use std::os::fd::AsFd;
    // The terminal crossterm reads: standard input, or else /dev/tty.
    let tty: Box<dyn AsFd + Send> = if io::stdin().is_terminal() {
        Box::new(io::stdin())
    } else {
        match std::fs::File::open("/dev/tty") {
            Ok(f) => Box::new(f),
            Err(_) => return,
        }
    };
    thread::spawn(move || {
        // No events asked: poll wakes only for a hang-up or an error.
        let mut fds = [PollFd::new(&tty, PollFlags::empty())];
        loop {
            match poll(&mut fds, None) {
                Ok(_) => {
                    let revents = fds[0].revents();
                    if revents.intersects(PollFlags::HUP | PollFlags::ERR) {
                        let _ = tx.send(Event::InputGone("the terminal hung up".into()));
                        return;
                    }
                    if revents.contains(PollFlags::NVAL) {
                        return;
                    }
                }
                Err(rustix::io::Errno::INTR) => continue,
                Err(_) => return,
            }
        }
    });
}

/// The app's key for a terminal key event.
fn key(code: TermCode, mods: KeyModifiers) -> Option<Key> {
    let ctrl = mods.contains(KeyModifiers::CONTROL);
    let alt = mods.contains(KeyModifiers::ALT);
    let code = match code {
        TermCode::Char(c) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
        TermCode::Enter => KeyCode::Enter,
        TermCode::Esc => KeyCode::Esc,
        TermCode::Backspace => KeyCode::Backspace,
        TermCode::Delete => KeyCode::Delete,
        TermCode::Tab if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        TermCode::Tab => KeyCode::Tab,
        TermCode::BackTab => KeyCode::BackTab,
        TermCode::Up => KeyCode::Up,
        TermCode::Down => KeyCode::Down,
        TermCode::Left => KeyCode::Left,
        TermCode::Right => KeyCode::Right,
        TermCode::Home => KeyCode::Home,
        TermCode::End => KeyCode::End,
        TermCode::PageUp => KeyCode::PageUp,
        TermCode::PageDown => KeyCode::PageDown,
        TermCode::F(n) => KeyCode::F(n),
        _ => return None,
    };
    Some(Key { code, ctrl, alt })
}

/// What the search worker is asked.
enum SearchJob {
    /// The index to search, once it is built.
    Index(Arc<Index>),
    Query(u64, String),
}

/// Runs searches on a worker thread; when queries queue up, only the newest
/// is run, and queries asked before the index is ready wait for it.
fn spawn_search(tx: Sender<Event>) -> Sender<SearchJob> {
    let (qtx, qrx) = mpsc::channel::<SearchJob>();
    thread::spawn(move || {
        // Keeps the last query's candidates: one more letter re-reads only those.
        let mut searcher = Searcher::default();
        let mut index: Option<Arc<Index>> = None;
        // Built on the first query that finds nothing.
        let mut vocabulary: Option<Vocabulary> = None;
        let mut waiting: Option<(u64, String)> = None;
        while let Ok(first) = qrx.recv() {
            for job in std::iter::once(first).chain(qrx.try_iter()) {
                match job {
                    SearchJob::Index(i) => {
                        index = Some(i);
                        searcher = Searcher::default();
                        vocabulary = None;
                    }
                    SearchJob::Query(g, q) => waiting = Some((g, q)),
                }
            }
            let (Some(index), Some((generation, query))) = (&index, &waiting) else {
                continue;
            };
            let mut hits = searcher.search(index, query, SEARCH_LIMIT);
            let mut respelled = None;
            if hits.is_empty() {
                let v = vocabulary.get_or_insert_with(|| Vocabulary::of(index));
                if let Some(q) = v.respell(query) {
                    hits = index.search(&q, SEARCH_LIMIT);
                    respelled = Some(q).filter(|_| !hits.is_empty());
                }
            }
            if tx.send(Event::Hits(*generation, hits, respelled)).is_err() {
                return;
            }
            waiting = None;
        }
    });
    qtx
}

/// Turns terminating signals into events, so the loop ends and the guard
/// restores the terminal.
fn spawn_signals(tx: Sender<Event>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    else {
        return;
    };
    thread::spawn(move || {
        let mut seen = 0;
        for sig in signals.forever() {
            seen += 1;
            if seen > 1 || tx.send(Event::Signal(sig)).is_err() {
                // Asked twice, or the loop is gone: do not wait for it.
                terminal::restore();
                std::process::exit(128 + sig);
            }
        }
    });
}
