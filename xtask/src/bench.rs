//! The performance table (`cargo xtask bench`). For each corpus size it
//! makes a synthetic corpus (kept between runs), then measures ingest
//! throughput, corpus load time, time to the first frames, per-keystroke
//! search latency while typing realistic queries, the same queries through
//! `fzf --filter` on the same folded entries, and peak memory (in a child
//! process, so one size's allocations do not count against the next).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde::Serialize;

use crate::browse_bench::BrowseReport;
use crate::synth::{SynthConfig, write_dir};
use tinhuy::app::{App, Keymap, SEARCH_LIMIT};
use tinhuy::corpus::{Corpus, ingest, store};
use tinhuy::search::{Index, Searcher, entries::each_entry};
use tinhuy::tui::load::{self, Loaded, Source};
use tinhuy::ui::Theme;

/// The queries typed, letter by letter: a full name, a post, a long post
/// with a province, and a name that is not in the corpus.
pub const QUERIES: [&str; 4] = [
    "ngo dong hai",
    "chu tich ubnd",
    "bi thu tinh uy thai binh",
    "nguyen van zzz",
];

/// What to measure.
pub struct Options {
    pub sizes: Vec<usize>,
    /// Where synthetic corpora are kept between runs.
    pub dir: PathBuf,
    /// Repetitions; medians are reported.
    pub runs: usize,
    pub seed: u64,
    pub json: bool,
    /// Use the corpus file of an earlier run instead of ingesting again.
    pub reuse: bool,
    /// With the store: also a synthetic corpus of at least this many
    /// search entries.
    pub entries: Option<usize>,
}

/// One corpus size's figures.
#[derive(Debug, Serialize)]
pub struct SizeReport {
    pub articles: usize,
    /// The bundled real articles rather than a synthetic corpus.
    pub bundled: bool,
    pub text_mb: f64,
    pub json_mb: f64,
    pub entries: usize,
    pub threads: usize,
    /// Articles read, facts extracted, people resolved and the corpus
    /// written, per second of wall time.
    pub ingest_mb_s: Option<f64>,
    pub load_s: f64,
    /// The app's first frame (panes saying what is loading).
    pub first_frame_ms: f64,
    /// The first frame with the meetings and officials.
    pub catalog_frame_ms: f64,
    /// Articles loaded: attendees and conclusions shown.
    pub articles_ms: f64,
    /// Search index built.
    pub search_ready_ms: f64,
    pub peak_rss_mb: Option<f64>,
    pub queries: Vec<QueryReport>,
}

/// One query's figures.
#[derive(Debug, Serialize)]
pub struct QueryReport {
    pub query: String,
    pub keystrokes: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    /// The whole query at once, with no earlier keystroke to narrow from.
    pub whole_ms: f64,
    pub results: usize,
    pub fzf_ms: Option<f64>,
    /// Every keystroke's time, sorted.
    #[serde(skip)]
    pub per_key_ms: Vec<f64>,
}

/// Runs the benchmarks and prints the table; returns the exit code.
pub fn run(opts: &Options, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let mut reports = Vec::new();
    for &n in &opts.sizes {
        writeln!(err, "bench: {n} articles")?;
        reports.push(measure_size(n, opts, err)?);
    }
    if opts.json {
        serde_json::to_writer_pretty(&mut *out, &reports)?;
        writeln!(out)?;
    } else {
        write_table(&reports, out)?;
    }
    Ok(0)
}

fn measure_size(n: usize, opts: &Options, err: &mut dyn Write) -> anyhow::Result<SizeReport> {
    let (dir, articles) = if n == 0 {
        // The bundled articles, from the source tree this was built from.
        let dir = opts.dir.join("bundled");
        (
            dir,
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/articles"),
        )
    } else {
        let dir = opts.dir.join(format!("{n}-seed{}", opts.seed));
        let articles = dir.join("articles");
        (dir, articles)
    };
    std::fs::create_dir_all(&dir)?;
    if n > 0 {
        ensure_synthetic(&articles, n, opts.seed, err)?;
    }
    let corpus_path = dir.join("corpus.json");
    let threads = std::thread::available_parallelism().map_or(1, |x| x.get());

    // Ingest: large corpora once, small ones the median of the runs; none
    // when asked to reuse the corpus of an earlier run.
    let reuse = opts.reuse && corpus_path.exists();
    let ingest_runs = match (reuse, n >= 50_000) {
        (true, _) => 0,
        (false, true) => 1,
        (false, false) => opts.runs,
    };
    let mut ingest_s = Vec::new();
    let (mut text_bytes, mut text_articles) = (0, 0);
    for _ in 0..ingest_runs {
        let t = Instant::now();
        let (files, _) = ingest::collect(std::slice::from_ref(&articles));
        let (corpus, report) = ingest::ingest(&files, threads, &|_, _| {});
        anyhow::ensure!(report.read > 0, "no articles in {}", articles.display());
        store::save(&corpus, &corpus_path, false)?;
        ingest_s.push(t.elapsed().as_secs_f64());
        text_bytes = report.bytes;
        text_articles = report.read;
    }
    if reuse {
        let (files, _) = ingest::collect(std::slice::from_ref(&articles));
        text_articles = files.len();
        text_bytes = files
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum();
    }
    let text_mb = text_bytes as f64 / 1e6;
    let ingest_mb_s = (!reuse).then(|| text_mb / median(&mut ingest_s));
    if let Some(r) = ingest_mb_s {
        writeln!(err, "  ingest {r:.1} MB/s")?;
    }
    let json_mb = std::fs::metadata(&corpus_path)?.len() as f64 / 1e6;

    let mut load_s = Vec::new();
    for _ in 0..opts.runs {
        let t = Instant::now();
        drop(store::load(&corpus_path)?);
        load_s.push(t.elapsed().as_secs_f64());
    }

    let mut stages = Vec::new();
    let mut last = None;
    for _ in 0..opts.runs {
        let (s, loaded) = startup(&corpus_path)?;
        stages.push(s);
        last = Some(loaded);
    }
    let (corpus, index) = last.expect("at least one run");
    let stage = |i: usize| {
        let mut v: Vec<f64> = stages.iter().map(|s| s[i]).collect();
        median(&mut v)
    };
    writeln!(err, "  first frames measured")?;

    let lines = dir.join("entries.txt");
    let fzf = fzf_available();
    if fzf {
        write_entry_lines(&corpus, &lines)?;
    }
    let mut queries = Vec::new();
    for q in QUERIES {
        let mut report = type_query(&index, q, opts.runs);
        if fzf {
            report.fzf_ms = fzf_filter(&lines, q, opts.runs);
        }
        queries.push(report);
    }
    writeln!(err, "  searches measured")?;

    Ok(SizeReport {
        articles: if n == 0 { text_articles } else { n },
        bundled: n == 0,
        text_mb,
        json_mb,
        entries: index.len(),
        threads,
        ingest_mb_s,
        load_s: median(&mut load_s),
        first_frame_ms: stage(0),
        catalog_frame_ms: stage(1),
        articles_ms: stage(2),
        search_ready_ms: stage(3),
        peak_rss_mb: peak_rss_of_probe(&corpus_path),
        queries,
    })
}

/// Writes `n` synthetic articles to `articles` unless an earlier run did.
fn ensure_synthetic(
    articles: &Path,
    n: usize,
    seed: u64,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    if complete(articles, n) {
        return Ok(());
    }
    writeln!(
        err,
        "  writing {n} synthetic articles to {}",
        articles.display()
    )?;
    let _ = std::fs::remove_dir_all(articles);
    write_dir(&SynthConfig { articles: n, seed }, articles, false)?;
    Ok(())
}

/// Whether `dir` holds the `n` articles of an earlier run.
fn complete(dir: &Path, n: usize) -> bool {
    std::fs::read_dir(dir).is_ok_and(|d| d.count() >= n)
}

/// A loaded corpus and its index.
type Ready = (Arc<Corpus>, Arc<Index>);

/// Starts the app as the terminal program does, drawing into a test
/// backend: milliseconds to the first frame, the frame with meetings, the
/// frame with articles and the search index; and the corpus and index.
pub(crate) fn startup(corpus_path: &Path) -> anyhow::Result<([f64; 4], Ready)> {
    let t = Instant::now();
    let (tx, rx) = mpsc::channel();
    load::spawn(Source::File(corpus_path.to_path_buf()), move |s| {
        tx.send(s).is_ok()
    });
    let theme = Theme::default();
    let mut app = App::starting(Keymap::default(), 80, 24);
    let mut term = Terminal::new(TestBackend::new(80, 24))?;
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1e3;
    term.draw(|f| tinhuy::ui::draw(f, &app, &theme))?;
    let mut times = [ms(t), 0.0, 0.0, 0.0];
    loop {
        let stage = rx.recv_timeout(Duration::from_secs(600))?;
        let slot = match stage {
            Loaded::Catalog(c) => {
                app.receive_corpus(c, false);
                1
            }
            Loaded::Corpus(c) => {
                app.receive_corpus(c, true);
                2
            }
            Loaded::Index(index) => {
                app.receive_index(index.clone());
                term.draw(|f| tinhuy::ui::draw(f, &app, &theme))?;
                times[3] = ms(t);
                return Ok((times, (app.corpus.clone(), index)));
            }
            Loaded::Notice(_) => continue,
            Loaded::Failed(e) => anyhow::bail!(e),
        };
        term.draw(|f| tinhuy::ui::draw(f, &app, &theme))?;
        times[slot] = ms(t);
        if slot == 2 && times[1] == 0.0 {
            // No separate catalog stage: meetings came with the articles.
            times[1] = times[2];
        }
    }
}

/// Types `query` letter by letter, `runs` times, as the search worker
/// sees it: one searcher narrowing from the previous keystroke.
fn type_query(index: &Index, query: &str, runs: usize) -> QueryReport {
    let mut per_key = Vec::new();
    let mut whole = Vec::new();
    let mut results = 0;
    for _ in 0..runs {
        let mut searcher = Searcher::default();
        for (i, c) in query.char_indices() {
            let prefix = &query[..i + c.len_utf8()];
            let t = Instant::now();
            let hits = searcher.search(index, prefix, SEARCH_LIMIT);
            per_key.push(t.elapsed().as_secs_f64() * 1e3);
            results = hits.len();
        }
        let t = Instant::now();
        std::hint::black_box(Searcher::default().search(index, query, SEARCH_LIMIT));
        whole.push(t.elapsed().as_secs_f64() * 1e3);
    }
    per_key.sort_by(f64::total_cmp);
    QueryReport {
        query: query.to_string(),
        keystrokes: query.chars().count(),
        p50_ms: percentile(&per_key, 0.50),
        p95_ms: percentile(&per_key, 0.95),
        max_ms: per_key.last().copied().unwrap_or(0.0),
        whole_ms: median(&mut whole),
        results,
        fzf_ms: None,
        per_key_ms: per_key,
    }
}

fn fzf_available() -> bool {
    Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The searchable entries, folded as the index reads them, one per line.
fn write_entry_lines(corpus: &Corpus, to: &Path) -> anyhow::Result<()> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(to)?);
    let mut result = Ok(());
    each_entry(corpus, |_, _, text| {
        if result.is_ok() {
            result = writeln!(w, "{}", tinhuy::text::fold(text).replace('\n', " "));
        }
    });
    result?;
    w.flush()?;
    Ok(())
}

/// Milliseconds for `fzf --filter query` over the lines: the median of runs.
fn fzf_filter(lines: &Path, query: &str, runs: usize) -> Option<f64> {
    let mut times = Vec::new();
    for _ in 0..runs {
        let input = std::fs::File::open(lines).ok()?;
        let t = Instant::now();
        Command::new("fzf")
            .args(["--filter", query])
            .stdin(input)
            .stdout(Stdio::null())
            .status()
            .ok()?;
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    Some(median(&mut times))
}

/// Peak resident memory of a fresh process that loads the corpus as the
/// browser does, builds the index and searches.
pub(crate) fn peak_rss_of_probe(corpus_path: &Path) -> Option<f64> {
    let exe = std::env::current_exe().ok()?;
    let out = Command::new(exe)
        .args(["bench", "--rss-probe"])
        .arg(corpus_path)
        .stderr(Stdio::inherit())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.trim().parse::<f64>().ok().map(|kb| kb / 1024.0)
}

/// The child side of [`peak_rss_of_probe`]: prints the peak resident set
/// in kB (Linux; nothing elsewhere).
pub fn rss_probe(corpus_path: &Path, out: &mut dyn Write) -> anyhow::Result<i32> {
    // The browser holds the catalog until the whole corpus replaces it.
    let mut catalog = None;
    let corpus: Corpus = store::load_in_stages(corpus_path, |c| catalog = Some(c))?;
    drop(catalog);
    let index = Index::build(&corpus);
    for q in QUERIES {
        let mut searcher = Searcher::default();
        for (i, c) in q.char_indices() {
            std::hint::black_box(searcher.search(&index, &q[..i + c.len_utf8()], SEARCH_LIMIT));
        }
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(kb) = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
    {
        writeln!(out, "{kb}")?;
    }
    Ok(0)
}

fn write_table(reports: &[SizeReport], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "| articles | text MB | corpus.json MB | entries | ingest MB/s ({} threads) | load s | first frame ms | meetings shown ms | articles ms | search ready ms | peak RSS MB (× JSON) |",
        reports.first().map_or(0, |r| r.threads)
    )?;
    writeln!(
        out,
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )?;
    for r in reports {
        let rss = r.peak_rss_mb.map_or("–".to_string(), |m| {
            format!("{m:.0} ({:.2}×)", m / r.json_mb.max(1e-9))
        });
        writeln!(
            out,
            "| {} | {:.1} | {:.1} | {} | {} | {:.2} | {:.1} | {:.0} | {:.0} | {:.0} | {rss} |",
            label(r),
            r.text_mb,
            r.json_mb,
            r.entries,
            r.ingest_mb_s.map_or("–".into(), |r| format!("{r:.1}")),
            r.load_s,
            r.first_frame_ms,
            r.catalog_frame_ms,
            r.articles_ms,
            r.search_ready_ms,
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "| articles | query | per keystroke p50 / p95 / max ms | whole query ms | results | fzf --filter ms | fzf ÷ whole query | fzf ÷ keystroke p95 |"
    )?;
    writeln!(out, "|---:|---|---:|---:|---:|---:|---:|---:|")?;
    for r in reports {
        for q in &r.queries {
            let ratio = |d: f64| {
                q.fzf_ms
                    .map_or("–".into(), |f| format!("{:.0}×", f / d.max(1e-3)))
            };
            writeln!(
                out,
                "| {} | `{}` | {:.2} / {:.2} / {:.2} | {:.2} | {} | {} | {} | {} |",
                label(r),
                q.query,
                q.p50_ms,
                q.p95_ms,
                q.max_ms,
                q.whole_ms,
                q.results,
                q.fzf_ms.map_or("–".into(), |f| format!("{f:.0}")),
                ratio(q.whole_ms),
                ratio(q.p95_ms),
            )?;
        }
        let mut all: Vec<f64> = r
            .queries
            .iter()
            .flat_map(|q| q.per_key_ms.clone())
            .collect();
        all.sort_by(f64::total_cmp);
        writeln!(
            out,
            "| {} | all keystrokes above | {:.2} / {:.2} / {:.2} | | | | | |",
            label(r),
            percentile(&all, 0.50),
            percentile(&all, 0.95),
            all.last().copied().unwrap_or(0.0),
        )?;
    }
    Ok(())
}

/// The size column: a count, or what the bundled corpus is.
fn label(r: &SizeReport) -> String {
    if r.bundled {
        format!("{} (bundled, real)", r.articles)
    } else {
        r.articles.to_string()
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    percentile(v, 0.5)
}

/// The value at fraction `p` of sorted `v` (nearest rank).
pub(crate) fn percentile(v: &[f64], p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let rank = ((p * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_for_entries_follows_the_two_largest_sizes() {
        // Entries ×8 for articles ×10: exponent log 8 / log 10 ≈ 0.903.
        let measured = [(1_000, 10_000), (10_000, 80_000), (100_000, 640_000)];
        let n = articles_for_entries(1_000_000, &measured).unwrap();
        assert_eq!(n % 1_000, 0);
        // (1.02 × 1e6 / 640k)^(1/0.903) × 100k ≈ 167.7k
        assert!((165_000..=170_000).contains(&n), "{n}");
    }

    #[test]
    fn articles_for_entries_is_none_when_a_size_has_them() {
        assert_eq!(articles_for_entries(500, &[(100, 900)]), None);
    }

    #[test]
    fn articles_for_entries_scales_one_size_linearly() {
        assert_eq!(articles_for_entries(10_000, &[(1_000, 5_000)]), Some(3_000));
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.5), 10.0);
        assert_eq!(percentile(&v, 0.95), 19.0);
        assert_eq!(percentile(&v, 1.0), 20.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
    }
}

/// One size's figures for the SQLite store (`cargo xtask bench --store`).
#[derive(Debug, Serialize)]
pub struct StoreReport {
    pub articles: usize,
    /// Search entries in the store.
    pub entries: usize,
    pub text_mb: f64,
    pub threads: usize,
    /// The JSON corpus, made only up to [`JSON_UP_TO`] articles: beyond,
    /// loading it whole for every cold process takes minutes per size.
    pub json_mb: Option<f64>,
    pub db_mb: f64,
    /// Reading the articles and writing a new store, seconds.
    pub ingest_db_s: f64,
    /// Of which after the last file is read (build, tables, search lists).
    pub write_db_s: f64,
    /// Article text ingested into a new store, MB per second per core.
    pub ingest_mb_s_core: f64,
    /// The same ingest's user and system time on all threads, seconds
    /// (None where the platform does not say).
    pub ingest_cpu_s: Option<f64>,
    /// Article text per CPU second: MB per second per core as if every
    /// core were busy for the whole ingest, and steadier than wall time
    /// on a shared machine.
    pub ingest_mb_cpu_s: Option<f64>,
    /// Of [`StoreReport::ingest_cpu_s`], the thread writing the store.
    pub writer_cpu_s: Option<f64>,
    /// `rg` reading the same files, MB per second per core: the floor of
    /// merely reading them (None without `rg`).
    pub rg_mb_s_core: Option<f64>,
    /// The same articles as records of one `.jsonl` file, as scrapers
    /// save them, ingested into a new store: article text MB per second
    /// per core (up to [`JSON_UP_TO`] articles).
    pub ingest_jsonl_mb_s_core: Option<f64>,
    /// (query, cold `tinhuy search` on .db ms, on .json ms, `sqlite3` FTS5 ms)
    pub searches: Vec<(String, f64, Option<f64>, Option<f64>)>,
    /// Cold `tinhuy who "chu tich ubnd tinh"` on .db and on .json, ms.
    pub who_db_ms: f64,
    pub who_json_ms: Option<f64>,
    /// `tinhuy ingest` of [`ADDED`] new articles into a copy of the store,
    /// seconds (a whole process: reading, extracting, writing).
    pub add_s: f64,
    /// (query, a cold `fzf --filter` over the entries' folded lines, ms)
    pub fzf: Vec<(String, Option<f64>)>,
}

/// The largest size for which the JSON corpus is made and asked too.
const JSON_UP_TO: usize = 10_000;

/// The queries asked cold: the four typed ones and two short ones.
const COLD_QUERIES: [&str; 6] = [
    "ngo dong hai",
    "chu tich ubnd",
    "bi thu tinh uy thai binh",
    "nguyen van zzz",
    "t",
    "ng",
];

/// New articles added to a finished store.
const ADDED: usize = 100;

/// Measures the store: ingest into a new `.db`, then cold processes of
/// `tinhuy search` and `tinhuy who` on it and on the JSON corpus, the
/// `sqlite3` shell asking an FTS5 table of the same entries, and adding a
/// few new articles to the store.
pub fn run_store(opts: &Options, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let exe = std::env::current_exe()?.with_file_name("tinhuy");
    anyhow::ensure!(
        exe.exists(),
        "{} is missing: build it first (cargo build --release)",
        exe.display()
    );
    let (mut reports, mut browse) = (Vec::new(), Vec::new());
    let mut sizes: Vec<usize> = opts.sizes.iter().copied().filter(|&n| n > 0).collect();
    if opts.entries.is_some() && sizes.is_empty() {
        sizes.push(ENTRIES_SAMPLE);
    }
    for &n in &sizes {
        writeln!(err, "bench --store: {n} articles")?;
        let (report, browsed) = measure_store(n, opts, &exe, err)?;
        reports.push(report);
        browse.push(browsed);
    }
    if let Some(entries) = opts.entries {
        let measured: Vec<(usize, usize)> =
            reports.iter().map(|r| (r.articles, r.entries)).collect();
        match articles_for_entries(entries, &measured) {
            Some(n) => {
                writeln!(
                    err,
                    "bench --store: {n} articles for {entries} search entries"
                )?;
                let (report, browsed) = measure_store(n, opts, &exe, err)?;
                reports.push(report);
                browse.push(browsed);
            }
            None => writeln!(
                err,
                "bench --store: a size above has {entries} search entries"
            )?,
        }
    }
    writeln!(
        err,
        "bench --store: the bundled articles repeated to {BUNDLED_REPEATED_MB} MB"
    )?;
    let bundled = bundled_extraction()?;
    if opts.json {
        let all = serde_json::json!({ "store": reports, "browse": browse, "bundled": bundled });
        serde_json::to_writer_pretty(&mut *out, &all)?;
        writeln!(out)?;
    } else {
        write_store_table(&reports, &browse, out)?;
        writeln!(out)?;
        write_bundled(&bundled, out)?;
    }
    Ok(0)
}

/// Megabytes of the bundled articles extracted, over and over, for the
/// throughput of real text (a store would keep only one of each copy).
const BUNDLED_REPEATED_MB: usize = 50;

/// Extraction of the bundled articles repeated to [`BUNDLED_REPEATED_MB`].
#[derive(Debug, Serialize)]
pub struct BundledReport {
    pub articles: usize,
    pub text_mb: f64,
    pub threads: usize,
    pub one_thread_mb_s: f64,
    pub all_threads_mb_s_core: f64,
}

/// Extracts the bundled articles in turn until each thread has done its
/// share of [`BUNDLED_REPEATED_MB`]: on one thread, then on every core.
fn bundled_extraction() -> anyhow::Result<BundledReport> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/articles");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read(&path)?);
        }
    }
    anyhow::ensure!(!texts.is_empty(), "no articles in {}", dir.display());
    let total = BUNDLED_REPEATED_MB * 1_000_000;
    let threads = std::thread::available_parallelism().map_or(1, |x| x.get());
    let one = extraction_rate(&texts, total, 1);
    let all = extraction_rate(&texts, total, threads);
    Ok(BundledReport {
        articles: texts.len(),
        text_mb: texts.iter().map(Vec::len).sum::<usize>() as f64 / 1e6,
        threads,
        one_thread_mb_s: one,
        all_threads_mb_s_core: all / threads as f64,
    })
}

/// MB per second of `threads` threads extracting `texts` round-robin until
/// `total` bytes are done between them.
fn extraction_rate(texts: &[Vec<u8>], total: usize, threads: usize) -> f64 {
    let t = Instant::now();
    let done: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|w| {
                scope.spawn(move || {
                    let mut bytes = 0;
                    for text in texts.iter().cycle().skip(w) {
                        if bytes >= total / threads {
                            break;
                        }
                        let _ = std::hint::black_box(tinhuy::extract::extract_bytes(text));
                        bytes += text.len();
                    }
                    bytes
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
    });
    done as f64 / 1e6 / t.elapsed().as_secs_f64().max(1e-9)
}

fn write_bundled(b: &BundledReport, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "Extraction of the {} bundled articles ({:.3} MB) repeated to {BUNDLED_REPEATED_MB} MB: \
         {:.2} MB/s on one thread, {:.2} MB/s per core on {} threads.",
        b.articles, b.text_mb, b.one_thread_mb_s, b.all_threads_mb_s_core, b.threads
    )
}

fn measure_store(
    n: usize,
    opts: &Options,
    exe: &Path,
    err: &mut dyn Write,
) -> anyhow::Result<(StoreReport, BrowseReport)> {
    let dir = opts.dir.join(format!("{n}-seed{}", opts.seed));
    let articles = dir.join("articles");
    ensure_synthetic(&articles, n, opts.seed, err)?;
    let threads = std::thread::available_parallelism().map_or(1, |x| x.get());
    let (files, _) = ingest::collect(std::slice::from_ref(&articles));
    let json = (n <= JSON_UP_TO).then(|| dir.join("corpus.json"));
    if let Some(json) = json.as_ref().filter(|j| !j.exists()) {
        let (corpus, _) = ingest::ingest(&files, threads, &|_, _| {});
        store::save(&corpus, json, false)?;
    }
    let db = dir.join("corpus.db");
    let ingested = ingest_store(&files, threads, &db)?;
    let (text_mb, ingest_db_s, write_db_s) = (ingested.text_mb, ingested.seconds, ingested.writing);
    let ingest_cpu_s = ingested.cpu;
    writeln!(err, "  ingest to .db {ingest_db_s:.1} s")?;
    let ingest_jsonl_mb_s_core = match n <= JSON_UP_TO {
        true => Some(text_mb / ingest_one_jsonl(&files, &dir, threads)?.max(1e-9) / threads as f64),
        false => None,
    };
    let searches = cold_searches(exe, &dir, &db, json.as_deref(), opts.runs);
    let who = |corpus: &Path| {
        let corpus = corpus.to_string_lossy();
        cold(
            exe,
            &["who", "--corpus", &corpus, "chu tich ubnd tinh"],
            opts.runs,
        )
    };
    let (who_db_ms, who_json_ms) = (who(&db), json.as_deref().map(who));
    let fzf = fzf_on_store(&db, &dir, opts.runs);
    let add_s = add_articles(exe, &dir, &db, opts, err)?;
    writeln!(err, "  browsing the store")?;
    let browse = crate::browse_bench::measure(&db, opts.runs)?;
    let report = StoreReport {
        articles: n,
        entries: store_entries(&db)?,
        text_mb,
        threads,
        json_mb: match &json {
            Some(json) => Some(std::fs::metadata(json)?.len() as f64 / 1e6),
            None => None,
        },
        db_mb: std::fs::metadata(&db)?.len() as f64 / 1e6,
        ingest_db_s,
        write_db_s,
        ingest_mb_s_core: text_mb / ingest_db_s.max(1e-9) / threads as f64,
        ingest_cpu_s,
        ingest_mb_cpu_s: ingest_cpu_s.map(|cpu| text_mb / cpu.max(1e-9)),
        writer_cpu_s: ingested.writer_cpu,
        rg_mb_s_core: rg_floor(&articles, text_mb, threads),
        ingest_jsonl_mb_s_core,
        searches,
        who_db_ms,
        who_json_ms,
        add_s,
        fzf,
    };
    Ok((report, browse))
}

/// The articles measured for `--entries` alone, to learn how many entries
/// an article of the generator makes.
const ENTRIES_SAMPLE: usize = 1_000;

/// Synthetic articles that make at least `entries` search entries, or
/// None when a size measured before already has them. Entries grow slower
/// than articles (officials recur), so the count is read off the power law
/// through the two largest sizes measured (a line through the origin with
/// one), with 2% to spare, rounded up to a thousand; the table reports the
/// entries made.
fn articles_for_entries(entries: usize, measured: &[(usize, usize)]) -> Option<usize> {
    if measured.iter().any(|&(_, e)| e >= entries) {
        return None;
    }
    let mut by_size: Vec<(f64, f64)> = measured
        .iter()
        .filter(|&&(n, e)| n > 0 && e > 0)
        .map(|&(n, e)| (n as f64, e as f64))
        .collect();
    by_size.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (n1, e1) = *by_size.last()?;
    let exponent = match by_size.len() {
        0 | 1 => 1.0,
        k => {
            let (n0, e0) = by_size[k - 2];
            ((e1 / e0).ln() / (n1 / n0).ln()).clamp(0.5, 1.0)
        }
    };
    let n = n1 * (entries as f64 * 1.02 / e1).powf(1.0 / exponent);
    Some((n.ceil() as usize).div_ceil(1_000) * 1_000)
}

/// Search entries in a store.
fn store_entries(db: &Path) -> anyhow::Result<usize> {
    let conn = tinhuy::corpus::sqlite::open(db)?;
    let n: i64 = conn.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))?;
    Ok(usize::try_from(n)?)
}

/// Each typed query through a cold `fzf --filter` over the store's entries
/// folded one per line (None without `fzf` or `sqlite3`).
fn fzf_on_store(db: &Path, dir: &Path, runs: usize) -> Vec<(String, Option<f64>)> {
    let lines = dir.join("entries.txt");
    let ready = fzf_available() && store_entry_lines(db, &lines).is_ok();
    QUERIES
        .iter()
        .map(|&q| {
            (
                q.to_string(),
                ready.then(|| fzf_filter(&lines, q, runs)).flatten(),
            )
        })
        .collect()
}

/// The store's entries, folded as the index reads them, one per line (read
/// through the `sqlite3` shell, as a script would).
fn store_entry_lines(db: &Path, to: &Path) -> anyhow::Result<()> {
    let dump = Command::new("sqlite3")
        .arg(db)
        .arg("SELECT replace(text, char(10), ' ') FROM entries ORDER BY id;")
        .stderr(Stdio::null())
        .output()?;
    anyhow::ensure!(
        dump.status.success(),
        "sqlite3 could not read {}",
        db.display()
    );
    let mut w = std::io::BufWriter::new(std::fs::File::create(to)?);
    for line in String::from_utf8_lossy(&dump.stdout).lines() {
        writeln!(w, "{}", tinhuy::text::fold(line))?;
    }
    w.flush()?;
    Ok(())
}

/// What one ingest into a new store took.
struct StoreIngest {
    text_mb: f64,
    seconds: f64,
    /// From the last file read to the commit.
    writing: f64,
    /// User and system time of all threads.
    cpu: Option<f64>,
    /// User and system time of the thread that writes the store: SQLite
    /// takes one writer, so this much of the ingest cannot be spread.
    writer_cpu: Option<f64>,
}

/// Ingests `files` into a new store at `db`, with the allocator settings
/// `tinhuy ingest` makes, and as it reads and writes (on this thread, as
/// `tinhuy ingest` writes on its main one).
fn ingest_store(files: &[PathBuf], threads: usize, db: &Path) -> anyhow::Result<StoreIngest> {
    let _ = std::fs::remove_file(db);
    tinhuy::corpus::heap::keep_freed_memory();
    let cpu = cpu_seconds();
    let writer_cpu = thread_cpu_seconds();
    let t = Instant::now();
    // As `tinhuy ingest` does: each article written as the others are
    // still read. "Writing" is what is left once the last file is read.
    let read_all = std::cell::Cell::new(None);
    let (added, report) = std::thread::scope(|s| {
        let prepare = &tinhuy::corpus::sqlite::ReadArticle::of;
        let mut reading = ingest::Reading::start(s, files, threads, &|_, _| {}, prepare);
        let steps = std::iter::from_fn(|| {
            let step = reading.next();
            if step.is_none() && read_all.get().is_none() {
                read_all.set(Some(Instant::now()));
            }
            step
        });
        let added = tinhuy::corpus::sqlite::add_as_read(db, steps, Duration::from_secs(1));
        (added, reading.into_report())
    });
    let added = added?;
    let mb = report.bytes as f64 / 1e6;
    let all = t.elapsed().as_secs_f64();
    let writing = read_all.get().map_or(0.0, |r| r.elapsed().as_secs_f64());
    let since = |before: Option<f64>, now: Option<f64>| before.zip(now).map(|(b, a)| a - b);
    let cpu = since(cpu, cpu_seconds());
    let writer_cpu = since(writer_cpu, thread_cpu_seconds());
    // `tinhuy ingest` leaves the corpus to the process's exit: freeing it
    // is no part of an ingest's time.
    drop(added);
    Ok(StoreIngest {
        text_mb: mb,
        seconds: all,
        writing,
        cpu,
        writer_cpu,
    })
}

/// Seconds to ingest `files`, written as the records of one `.jsonl` file
/// (made once, beside them), into a new store.
fn ingest_one_jsonl(files: &[PathBuf], dir: &Path, threads: usize) -> anyhow::Result<f64> {
    let jsonl = dir.join("articles.jsonl");
    if !jsonl.exists() {
        // Written as made: at 10k the file is 80 MB.
        let mut lines = std::io::BufWriter::new(std::fs::File::create(&jsonl)?);
        for f in files {
            let id = f
                .file_stem()
                .map(|s| s.to_string_lossy())
                .unwrap_or_default();
            let text = String::from_utf8_lossy(&std::fs::read(f)?).into_owned();
            serde_json::to_writer(&mut lines, &serde_json::json!({ "id": id, "text": text }))?;
            lines.write_all(b"\n")?;
        }
        lines.flush()?;
    }
    let db = dir.join("jsonl.db");
    let seconds = ingest_store(&[jsonl], threads, &db)?.seconds;
    let _ = std::fs::remove_file(&db);
    Ok(seconds)
}

/// User and system time this process has used on all its threads, in
/// seconds; None off Linux.
fn cpu_seconds() -> Option<f64> {
    rusage_seconds(Rusage::Process)
}

/// User and system time of the calling thread alone, seconds.
fn thread_cpu_seconds() -> Option<f64> {
    rusage_seconds(Rusage::Thread)
}

/// Whose time [`rusage_seconds`] reads.
#[derive(Clone, Copy)]
enum Rusage {
    Process,
    Thread,
}

fn rusage_seconds(who: Rusage) -> Option<f64> {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::c_int;
        unsafe extern "C" {
            fn getrusage(who: c_int, usage: *mut [i64; 18]) -> c_int;
        }
        // RUSAGE_SELF and RUSAGE_THREAD.
        let who: c_int = match who {
            Rusage::Process => 0,
            Rusage::Thread => 1,
        };
        // `struct rusage` on 64-bit Linux: two `timeval`s (seconds,
        // microseconds) for user and system time, then fourteen longs.
        let mut usage = [0i64; 18];
        // SAFETY: getrusage writes one `struct rusage`, which is 18 longs
        // on 64-bit Linux, into the buffer it is given.
        let ok = unsafe { getrusage(who, &mut usage) } == 0;
        let [user_s, user_us, sys_s, sys_us, ..] = usage;
        ok.then(|| (user_s + sys_s) as f64 + (user_us + sys_us) as f64 / 1e6)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = who;
        None
    }
}

/// Milliseconds for a cold `tinhuy` process with `args`: the median of runs.
fn cold(exe: &Path, args: &[&str], runs: usize) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let _ = Command::new(exe)
                .args(args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    median(&mut times)
}

/// The fewest runs of a cold process that answers in milliseconds: one
/// scheduling hiccup moves the median of three by as much as the answer
/// takes.
const FAST_RUNS: usize = 15;

/// Each cold query on the store, on the JSON corpus (when made) and
/// through FTS5, one after the other so that all three meet the same
/// machine; the store and FTS5, each a few milliseconds, are run at least
/// [`FAST_RUNS`] times.
fn cold_searches(
    exe: &Path,
    dir: &Path,
    db: &Path,
    json: Option<&Path>,
    runs: usize,
) -> Vec<(String, f64, Option<f64>, Option<f64>)> {
    let fts = dir.join("fts.db");
    let fts_ready = make_fts(db, &fts);
    let fast_runs = runs.max(FAST_RUNS);
    let db = db.to_string_lossy();
    let json = json.map(|j| j.to_string_lossy());
    COLD_QUERIES
        .iter()
        .map(|&q| {
            let on_db = cold(exe, &["search", "--corpus", &db, q], fast_runs);
            let on_json = json
                .as_ref()
                .map(|json| cold(exe, &["search", "--corpus", json, q], runs));
            let raw = fts_ready.then(|| fts_query(&fts, q, fast_runs)).flatten();
            (q.to_string(), on_db, on_json, raw)
        })
        .collect()
}

/// Seconds for `tinhuy ingest` to add [`ADDED`] articles it has not seen
/// (another seed's) to a copy of the store: the median of runs, each on a
/// fresh copy.
fn add_articles(
    exe: &Path,
    dir: &Path,
    db: &Path,
    opts: &Options,
    err: &mut dyn Write,
) -> anyhow::Result<f64> {
    let added = dir.join(format!("added-{ADDED}"));
    ensure_synthetic(&added, ADDED, opts.seed + 1_000, err)?;
    let copy = dir.join("added.db");
    let mut times = Vec::new();
    for _ in 0..opts.runs {
        std::fs::copy(db, &copy)?;
        let t = Instant::now();
        let status = Command::new(exe)
            .arg("ingest")
            .arg(&added)
            .arg("-o")
            .arg(&copy)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        times.push(t.elapsed().as_secs_f64());
        anyhow::ensure!(status.success(), "adding to {} failed", copy.display());
    }
    let _ = std::fs::remove_file(&copy);
    Ok(median(&mut times))
}

/// `rg` counting the lines of the article files, MB per second per core;
/// None when it is not installed.
fn rg_floor(articles: &Path, text_mb: f64, threads: usize) -> Option<f64> {
    let t = Instant::now();
    let ok = Command::new("rg")
        .args(["--count", "--threads", &threads.to_string(), "."])
        .arg(articles)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?
        .success();
    ok.then(|| text_mb / t.elapsed().as_secs_f64().max(1e-9) / threads as f64)
}

/// An FTS5 table (`e`, with prefix indexes) of the store's entries, made
/// with the `sqlite3` shell; false when the shell is missing.
fn make_fts(db: &Path, fts: &Path) -> bool {
    let _ = std::fs::remove_file(fts);
    let sql = format!(
        "ATTACH '{}' AS s; CREATE VIRTUAL TABLE e USING fts5(text, prefix='1 2 3', \
         tokenize='unicode61 remove_diacritics 2'); \
         INSERT INTO e(rowid, text) SELECT id, text FROM s.entries;",
        db.display()
    );
    Command::new("sqlite3")
        .arg(fts)
        .arg(sql)
        .status()
        .is_ok_and(|s| s.success())
}

/// Milliseconds for a cold `sqlite3` answering the query's words as
/// prefixes, best 20 by rank: the median of runs.
fn fts_query(fts: &Path, query: &str, runs: usize) -> Option<f64> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(|w| format!("\"{w}\"*"))
        .collect();
    let sql = format!(
        "SELECT rowid FROM e WHERE e MATCH '{}' ORDER BY rank LIMIT 20;",
        words.join(" ")
    );
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let ok = Command::new("sqlite3")
            .arg(fts)
            .arg(&sql)
            .stdout(Stdio::null())
            .status()
            .ok()?
            .success();
        if !ok {
            return None;
        }
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    Some(median(&mut times))
}

fn write_store_table(
    reports: &[StoreReport],
    browse: &[BrowseReport],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    write_store_sizes(reports, out)?;
    write_ingest_cpu(reports, out)?;
    write_cold_searches(reports, out)?;
    crate::browse_bench::write_table(browse, out)?;
    writeln!(out)?;
    write_fzf(reports, browse, out)
}

fn or_dash(v: Option<f64>, digits: usize) -> String {
    v.map_or("–".into(), |v| format!("{v:.digits$}"))
}

/// Per size: ingest, sizes on disk, adding articles, cold `who`.
fn write_store_sizes(reports: &[StoreReport], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "| articles | search entries | text MB | .json MB | .db MB | ingest MB/s/core | ingest MB/CPU-s | one .jsonl MB/s/core | rg MB/s/core | ingest to .db s | of which writing s | add {ADDED} s | cold who .db ms | cold who .json ms |"
    )?;
    writeln!(
        out,
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )?;
    for r in reports {
        writeln!(
            out,
            "| {} | {} | {:.1} | {} | {:.1} | {:.2} | {} | {} | {} | {:.1} | {:.1} | {:.2} | {:.0} | {} |",
            r.articles,
            r.entries,
            r.text_mb,
            or_dash(r.json_mb, 1),
            r.db_mb,
            r.ingest_mb_s_core,
            or_dash(r.ingest_mb_cpu_s, 2),
            or_dash(r.ingest_jsonl_mb_s_core, 2),
            or_dash(r.rg_mb_s_core, 0),
            r.ingest_db_s,
            r.write_db_s,
            r.add_s,
            r.who_db_ms,
            or_dash(r.who_json_ms, 0)
        )?;
    }
    writeln!(out)
}

/// Per size: where an ingest's CPU time goes. The thread writing the
/// store works alone (SQLite takes one writer): an ingest cannot be faster
/// than its writer's time, however cheap the rest became.
fn write_ingest_cpu(reports: &[StoreReport], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "| articles | ingest CPU s, all threads | of which the store's writer s | all but the writer s | MB/s/core were all but the writer free |"
    )?;
    writeln!(out, "|---:|---:|---:|---:|---:|")?;
    for r in reports {
        let (all, writer) = (r.ingest_cpu_s, r.writer_cpu_s);
        let rest = all.zip(writer).map(|(all, writer)| all - writer);
        let bound = writer.map(|w| r.text_mb / w.max(1e-9) / r.threads as f64);
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            r.articles,
            or_dash(all, 1),
            or_dash(writer, 1),
            or_dash(rest, 1),
            or_dash(bound, 1)
        )?;
    }
    writeln!(out)
}

/// Per size and query: cold `tinhuy search` against the raw FTS5 query.
fn write_cold_searches(reports: &[StoreReport], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "| articles | query | cold search .db ms | cold search .json ms | sqlite3 FTS5 ms | .db / FTS5 |"
    )?;
    writeln!(out, "|---:|---|---:|---:|---:|---:|")?;
    for r in reports {
        for (q, db, json, fts) in &r.searches {
            writeln!(
                out,
                "| {} | `{q}` | {db:.0} | {} | {} | {} |",
                r.articles,
                or_dash(*json, 0),
                or_dash(*fts, 0),
                or_dash(fts.map(|f| db / f.max(1e-9)), 1)
            )?;
        }
    }
    writeln!(out)
}

/// Per size and query: a cold `fzf --filter` against the browser's
/// keystroke p95 once the haystacks are read.
fn write_fzf(
    reports: &[StoreReport],
    browse: &[BrowseReport],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "| articles | query | keystroke p95 ms | fzf --filter ms | fzf ÷ keystroke p95 |"
    )?;
    writeln!(out, "|---:|---|---:|---:|---:|")?;
    for (r, b) in reports.iter().zip(browse) {
        for (q, fzf) in &r.fzf {
            let p95 = b
                .keys_haystacks
                .iter()
                .find(|k| &k.query == q)
                .map(|k| k.p95_ms);
            let ratio = fzf.zip(p95).map(|(f, p)| f / p.max(1e-3));
            writeln!(
                out,
                "| {} | `{q}` | {} | {} | {} |",
                r.articles,
                or_dash(p95, 2),
                or_dash(*fzf, 0),
                ratio.map_or("–".into(), |x| format!("{x:.0}×"))
            )?;
        }
    }
    Ok(())
}
