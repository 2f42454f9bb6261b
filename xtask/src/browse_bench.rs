//! The browser over a store (`cargo xtask browse-bench STORE…`): time to
//! the meetings on screen, to the first meeting's attendees, to the first
//! search answered after start, per-keystroke search latency from the
//! store's postings (keystroke to drawn frame, each keystroke narrowing the
//! last one's candidates, as the browser does), and peak memory (in a child
//! process) while browsing and searching, then after the officials are read.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde::Serialize;

use crate::bench::{QUERIES, percentile};
use tinhuy::app::store::Reply;
use tinhuy::app::{Action, App, Effect, Key, Keymap};
use tinhuy::corpus::reader::{CorpusReader, StoreReader};
use tinhuy::search::stored::Haystacks;
use tinhuy::tui::reader::{self, Job, answer};
use tinhuy::ui::Theme;

/// One store's figures.
#[derive(Debug, Serialize)]
pub struct BrowseReport {
    pub store: String,
    pub first_frame_ms: f64,
    /// The first page of meetings drawn.
    pub meetings_ms: f64,
    /// The first meeting's attendees and conclusions drawn.
    pub panes_ms: f64,
    /// A search typed at start answered and drawn.
    pub search_ms: f64,
    /// Keystrokes answered from the store's postings, reading the
    /// candidates (before the haystacks are read), then ranking them on
    /// the haystacks.
    pub keys_reading: Vec<KeyReport>,
    pub keys_haystacks: Vec<KeyReport>,
    /// Time to read every entry's haystack.
    pub haystacks_ms: f64,
    /// Peak resident memory browsing and searching; then after reading
    /// the officials (leadership, an official's page).
    pub peak_rss_mb: Option<f64>,
    pub peak_rss_catalog_mb: Option<f64>,
    pub whole_load: Option<WholeLoad>,
}

/// Keystroke-to-frame times of one query typed letter by letter.
#[derive(Debug, Serialize)]
pub struct KeyReport {
    pub query: String,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    pub results: usize,
}

/// The browser as it was, loading the whole store: milliseconds to the
/// meetings, the attendees, the search index; peak RSS in MB.
#[derive(Debug, Serialize)]
pub struct WholeLoad {
    pub meetings_ms: f64,
    pub articles_ms: f64,
    pub search_ms: f64,
    pub peak_rss_mb: Option<f64>,
}

/// Measures each store and prints a table (or JSON); with `before`, also
/// the browser loading the whole store, as it did before reading it pane
/// by pane.
pub fn run(
    stores: &[PathBuf],
    runs: usize,
    json: bool,
    before: bool,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let mut reports = Vec::new();
    for db in stores {
        let mut r = measure(db, runs.max(1))?;
        if before {
            let (t, _) = crate::bench::startup(db)?;
            r.whole_load = Some(WholeLoad {
                meetings_ms: t[1],
                articles_ms: t[2],
                search_ms: t[3],
                peak_rss_mb: crate::bench::peak_rss_of_probe(db),
            });
        }
        reports.push(r);
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &reports)?;
        writeln!(out)?;
    } else {
        write_table(&reports, out)?;
    }
    Ok(0)
}

pub(crate) fn measure(db: &Path, runs: usize) -> anyhow::Result<BrowseReport> {
    let mut startups: Vec<[f64; 4]> = (0..runs)
        .map(|_| store_startup(db))
        .collect::<anyhow::Result<_>>()?;
    let median_of = |i: usize, s: &mut Vec<[f64; 4]>| {
        s.sort_by(|a, b| a[i].total_cmp(&b[i]));
        s[s.len() / 2][i]
    };
    let keys_reading = QUERIES
        .iter()
        .map(|q| store_typing(db, q, runs, None))
        .collect::<anyhow::Result<_>>()?;
    let t = Instant::now();
    let haystacks = Arc::new(StoreReader::open(db)?.haystacks()?);
    let haystacks_ms = t.elapsed().as_secs_f64() * 1e3;
    let keys_haystacks = QUERIES
        .iter()
        .map(|q| store_typing(db, q, runs, Some(&haystacks)))
        .collect::<anyhow::Result<_>>()?;
    let rss = peak_rss_of_browsing(db);
    Ok(BrowseReport {
        store: db.display().to_string(),
        first_frame_ms: median_of(0, &mut startups),
        meetings_ms: median_of(1, &mut startups),
        panes_ms: median_of(2, &mut startups),
        search_ms: median_of(3, &mut startups),
        keys_reading,
        keys_haystacks,
        haystacks_ms,
        peak_rss_mb: rss.map(|r| r.0),
        peak_rss_catalog_mb: rss.and_then(|r| r.1),
        whole_load: None,
    })
}

/// Starts the browser over the store as the terminal program does (reader
/// thread, replies drawn into a test backend) and types a search at once:
/// milliseconds to the first frame, the meetings, the first meeting's
/// panes, and the search's results.
fn store_startup(db: &Path) -> anyhow::Result<[f64; 4]> {
    let t = Instant::now();
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1e3;
    let (tx, rx) = mpsc::channel();
    let jobs = reader::spawn(db.to_path_buf(), move |r| tx.send(r).is_ok());
    let theme = Theme::default();
    let mut app = App::reading(Keymap::default(), 100, 30);
    let mut term = Terminal::new(TestBackend::new(100, 30))?;
    let forward = |app: &mut App| {
        for e in app.take_effects() {
            let _ = match e {
                Effect::Read(r) => jobs.send(Job::Read(r)),
                Effect::Search { generation, query } => jobs.send(Job::Search(generation, query)),
                _ => Ok(()),
            };
        }
    };
    forward(&mut app);
    term.draw(|f| tinhuy::ui::draw(f, &app, &theme))?;
    let mut times = [ms(t), 0.0, 0.0, 0.0];
    // Someone types a name as soon as the first frame shows.
    app.apply(Action::Search);
    for c in "ngo".chars() {
        app.handle_key(Key::char(c));
    }
    forward(&mut app);
    while times[1..].contains(&0.0) {
        let reply = rx.recv_timeout(Duration::from_secs(600))?;
        if let Reply::Failed(e) = &reply {
            anyhow::bail!("{e}");
        }
        let found = matches!(reply, Reply::Found { .. });
        app.receive(reply);
        forward(&mut app);
        term.draw(|f| tinhuy::ui::draw(f, &app, &theme))?;
        let s = app.store.as_ref().expect("reading a store");
        let now = ms(t);
        if times[1] == 0.0 && s.meetings.is_some() {
            times[1] = now;
        }
        if times[2] == 0.0 && s.shown_panes().is_some() {
            times[2] = now;
        }
        if times[3] == 0.0 && found {
            times[3] = now;
        }
    }
    Ok(times)
}

/// Types `query` letter by letter `runs` times: each keystroke's search
/// from the postings (ranked on `haystacks` when given), its reply taken
/// and the frame drawn.
fn store_typing(
    db: &Path,
    query: &str,
    runs: usize,
    haystacks: Option<&Arc<Haystacks>>,
) -> anyhow::Result<KeyReport> {
    let theme = Theme::default();
    let mut term = Terminal::new(TestBackend::new(100, 30))?;
    let mut per_key = Vec::new();
    let mut results = 0;
    for _ in 0..runs {
        // A fresh reader each time: nothing kept from the last run.
        let mut reader = StoreReader::open(db)?;
        if let Some(h) = haystacks {
            reader.use_haystacks(h.clone());
        }
        let mut app = App::reading(Keymap::default(), 100, 30);
        settle(&mut app, &mut reader);
        app.apply(Action::Search);
        for c in query.chars() {
            let t = Instant::now();
            app.handle_key(Key::char(c));
            settle(&mut app, &mut reader);
            term.draw(|f| tinhuy::ui::draw(f, &app, &theme))?;
            per_key.push(t.elapsed().as_secs_f64() * 1e3);
        }
        if let Some(tinhuy::app::View::Search(s)) = app.stack.last() {
            results = s.hits.len();
        }
    }
    per_key.sort_by(f64::total_cmp);
    Ok(KeyReport {
        query: query.to_string(),
        p50_ms: percentile(&per_key, 0.50),
        p95_ms: percentile(&per_key, 0.95),
        max_ms: per_key.last().copied().unwrap_or(0.0),
        results,
    })
}

/// Answers what the app asks, in this thread, until it asks nothing more.
fn settle(app: &mut App, reader: &mut impl CorpusReader) {
    loop {
        let effects = app.take_effects();
        if effects.is_empty() {
            return;
        }
        for e in effects {
            let job = match e {
                Effect::Read(r) => Job::Read(r),
                Effect::Search { generation, query } => Job::Search(generation, query),
                _ => continue,
            };
            app.receive(answer(reader, job));
        }
    }
}

/// Peak resident memory (MB) of a fresh process browsing the store, then
/// after it has read the officials.
fn peak_rss_of_browsing(db: &Path) -> Option<(f64, Option<f64>)> {
    let exe = std::env::current_exe().ok()?;
    let out = Command::new(exe)
        .args(["browse-bench", "--rss-probe"])
        .arg(db)
        .stderr(Stdio::inherit())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut kb = text.lines().filter_map(|l| l.trim().parse::<f64>().ok());
    let browsing = kb.next()? / 1024.0;
    Some((browsing, kb.next().map(|k| k / 1024.0)))
}

/// The child side of [`peak_rss_of_browsing`]: walks fifty meetings, opens
/// an article, reads the haystacks, types every bench query, prints
/// the peak resident set in kB; then opens an official's page, their
/// province's leadership and the deadlines, and prints it again (Linux);
/// how long each view took to open goes to standard error.
pub fn rss_probe(db: &Path, out: &mut dyn Write) -> anyhow::Result<i32> {
    let mut reader = StoreReader::open(db)?;
    let mut app = App::reading(Keymap::default(), 100, 30);
    settle(&mut app, &mut reader);
    for _ in 0..50 {
        app.apply(Action::Down);
        settle(&mut app, &mut reader);
    }
    app.apply(Action::Open);
    settle(&mut app, &mut reader);
    app.apply(Action::Back);
    // The browser holds every entry's haystack once read.
    reader.use_haystacks(Arc::new(reader.haystacks()?));
    for q in QUERIES {
        app.apply(Action::Search);
        for c in q.chars() {
            app.handle_key(Key::char(c));
            settle(&mut app, &mut reader);
        }
        app.apply(Action::Back);
    }
    writeln!(out, "{}", peak_kb())?;
    app.focus = tinhuy::app::Pane::Attendees;
    let timed = |app: &mut App, reader: &mut StoreReader, action: Action, what: &str| {
        let started = Instant::now();
        app.apply(action);
        settle(app, reader);
        let ms = started.elapsed().as_secs_f64() * 1e3;
        eprintln!("{what}: {ms:.1} ms");
    };
    timed(
        &mut app,
        &mut reader,
        Action::Open,
        "catalog read, official opened",
    );
    app.apply(Action::Back);
    timed(&mut app, &mut reader, Action::Open, "official opened");
    timed(
        &mut app,
        &mut reader,
        Action::Leadership,
        "leadership opened",
    );
    timed(&mut app, &mut reader, Action::Deadlines, "deadlines opened");
    writeln!(out, "{}", peak_kb())?;
    Ok(0)
}

/// VmHWM of this process in kB, 0 where /proc does not say.
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

pub(crate) fn write_table(reports: &[BrowseReport], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "| store | first frame ms | meetings ms | panes ms | search ms | peak RSS MB (browse / +officials) |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|")?;
    let mb = |v: Option<f64>| v.map_or("?".to_string(), |v| format!("{v:.0}"));
    for r in reports {
        writeln!(
            out,
            "| {} | {:.1} | {:.1} | {:.1} | {:.1} | {} / {} |",
            r.store,
            r.first_frame_ms,
            r.meetings_ms,
            r.panes_ms,
            r.search_ms,
            mb(r.peak_rss_mb),
            mb(r.peak_rss_catalog_mb)
        )?;
    }
    for r in reports {
        if let Some(w) = &r.whole_load {
            writeln!(
                out,
                "| {} loaded whole (before) | | {:.1} | {:.1} | {:.1} | {} |",
                r.store,
                w.meetings_ms,
                w.articles_ms,
                w.search_ms,
                mb(w.peak_rss_mb)
            )?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "| store | query | keystroke p50 ms | p95 ms | max ms | results |"
    )?;
    writeln!(out, "|---|---|---:|---:|---:|---:|")?;
    for r in reports {
        let both = [
            ("reading", &r.keys_reading),
            ("haystacks", &r.keys_haystacks),
        ];
        for (from, keys) in both {
            for k in keys {
                writeln!(
                    out,
                    "| {} | {} ({from}) | {:.2} | {:.2} | {:.2} | {} |",
                    r.store, k.query, k.p50_ms, k.p95_ms, k.max_ms, k.results
                )?;
            }
        }
    }
    // Outside the table, which a line of its own would cut in two.
    for r in reports {
        writeln!(
            out,
            "\n{}: haystacks read in {:.0} ms",
            r.store, r.haystacks_ms
        )?;
    }
    Ok(())
}
