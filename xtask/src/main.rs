//! `cargo xtask synth` writes a synthetic corpus; `cargo xtask bench`
//! prints the performance table.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use xtask::synth::{SynthConfig, write_dir};
use xtask::{bench, browse_bench};

/// Development tools for tinhuy.
#[derive(Debug, Parser)]
#[command(name = "xtask")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Measure ingest, load, first frame, search and memory on synthetic
    /// corpora of several sizes, and print a table.
    Bench {
        /// Corpus sizes in articles; 0 is the bundled corpus.
        #[arg(long, value_delimiter = ',', default_values_t = [0, 1000, 10_000, 100_000])]
        sizes: Vec<usize>,
        /// Where synthetic corpora are kept between runs.
        #[arg(long, value_name = "DIR", default_value = "target/bench-corpora")]
        dir: PathBuf,
        /// Repetitions of each measurement; medians are reported.
        #[arg(long, default_value_t = 3)]
        runs: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        json: bool,
        /// Reuse the corpus files of an earlier run (no ingest figures).
        #[arg(long)]
        reuse: bool,
        /// Measure the SQLite store instead: ingest to .db (rg as the
        /// floor), cold `tinhuy search` and `who` on .db (and on .json up
        /// to 10,000 articles) against the sqlite3 shell on an FTS5 table
        /// of the same entries, adding 100 articles, the browser over the
        /// store (as `browse-bench`) and `fzf --filter` on the same entries
        /// (synthetic sizes only; needs the release build beside it).
        #[arg(long)]
        store: bool,
        /// With --store: also a synthetic corpus of at least this many
        /// search entries (its article count taken from the largest size
        /// measured before it, or from 1,000 articles).
        #[arg(long, value_name = "N", requires = "store")]
        entries: Option<usize>,
        /// Load this corpus, index and search it, print peak RSS in kB.
        #[arg(long, value_name = "FILE", hide = true)]
        rss_probe: Option<PathBuf>,
    },
    /// Measure the browser over stores (`tinhuy ingest … -o X.db`): time
    /// to meetings, panes and a first search, keystroke latency, memory.
    BrowseBench {
        #[arg(required_unless_present = "rss_probe")]
        stores: Vec<PathBuf>,
        #[arg(long, default_value_t = 3)]
        runs: usize,
        #[arg(long)]
        json: bool,
        /// Also measure the browser loading the whole store, as it did.
        #[arg(long)]
        before: bool,
        /// Browse this store, print peak RSS in kB (twice: browsing, then
        /// with the officials read).
        #[arg(long, value_name = "FILE", hide = true)]
        rss_probe: Option<PathBuf>,
    },
    /// Write a synthetic corpus of articles (and their truth) for tests.
    Synth {
        #[arg(long, default_value_t = 1000)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Also write gold/<stem>.json files.
        #[arg(long)]
        truth: bool,
    },
}

fn main() {
    let code = match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xtask: {e:#}");
            1
        }
    };
    std::process::exit(code);
}

fn run(cli: Cli) -> anyhow::Result<i32> {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let (out, err) = (&mut stdout.lock(), &mut stderr.lock());
    match cli.command {
        Command::Synth {
            articles,
            seed,
            out,
            truth,
        } => synth(articles, seed, &out, truth, err),
        Command::Bench {
            rss_probe: Some(path),
            ..
        } => bench::rss_probe(&path, out),
        Command::BrowseBench {
            rss_probe: Some(path),
            ..
        } => browse_bench::rss_probe(&path, out),
        Command::BrowseBench {
            stores,
            runs,
            json,
            before,
            ..
        } => browse_bench::run(&stores, runs, json, before, out),
        Command::Bench {
            sizes,
            dir,
            runs,
            seed,
            json,
            reuse,
            store,
            entries,
            rss_probe: None,
        } => (if store { bench::run_store } else { bench::run })(
            &bench::Options {
                sizes,
                dir,
                runs: runs.max(1),
                seed,
                json,
                reuse,
                entries,
            },
            out,
            err,
        ),
    }
}

/// Writes a synthetic corpus with its ground truth and says how fast.
fn synth(
    articles: usize,
    seed: u64,
    out: &std::path::Path,
    truth: bool,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let stats = write_dir(&SynthConfig { articles, seed }, out, truth)?;
    let mb = stats.bytes as f64 / 1e6;
    writeln!(
        err,
        "synth: {} articles, {mb:.1} MB{} in {:.2} s ({:.0} MB/s) → {}",
        stats.articles,
        if truth { " with truth" } else { "" },
        stats.seconds,
        mb / stats.seconds.max(1e-9),
        out.display()
    )?;
    Ok(0)
}
