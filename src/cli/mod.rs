//! The command line: subcommands for scripts, and the terminal app when no
//! subcommand is given.

pub mod changes;
pub mod deadlines;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod leaders;
pub mod person;
pub mod search;
pub mod table;
pub mod who;

use std::path::{Path, PathBuf};

use std::io::Write;

use crate::tui::load::Source;

use clap::{CommandFactory, Parser, Subcommand};

use crate::corpus::{self, Corpus};
use crate::extract::Date;

/// tinhuy: facts from Vietnamese provincial Party-committee meeting news —
/// who chaired, who attended, what was concluded, who held which post when.
///
/// With no subcommand, opens the terminal browser.
#[derive(Debug, Parser)]
#[command(name = "tinhuy", version, about, long_about)]
pub struct Cli {
    /// Corpus file to use instead of the bundled one.
    #[arg(long, global = true, value_name = "FILE")]
    pub corpus: Option<PathBuf>,
    /// Print where the config file is read from, and exit.
    #[arg(long)]
    pub print_config_path: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract the facts of article files.
    Extract {
        /// Article text files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print a JSON array, one object per file.
        #[arg(long)]
        json: bool,
    },
    /// Build a corpus from article files and directories of .txt files.
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the corpus.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Worker threads (default: one per core).
        #[arg(long)]
        threads: Option<usize>,
        /// Indent the JSON (larger and slower to load; for files people read).
        #[arg(long)]
        pretty: bool,
        /// Seconds to wait for another ingest into the same store to finish.
        #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
        wait: f64,
    },
    /// Show the official best matching a name: meetings, posts over time.
    Person {
        /// A name, with or without diacritics ("ngo dong hai").
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// Who held a post, from which date to which.
    Who {
        /// The title ("Chủ tịch UBND tỉnh", "bi thu tinh uy").
        title: String,
        /// Only this province (old or post-2025 name).
        #[arg(long)]
        province: Option<String>,
        /// The holder on this date (YYYY-MM-DD, YYYY-MM or YYYY).
        #[arg(long, value_parser = parse_date)]
        on: Option<Date>,
        #[arg(long)]
        json: bool,
    },
    /// Who held each key post of a province on a date.
    Leaders {
        /// The province (old or post-2025 name, with or without diacritics).
        province: String,
        /// The date (YYYY-MM-DD, YYYY-MM or YYYY); default: the province's
        /// newest meeting.
        #[arg(long, value_parser = parse_date)]
        on: Option<Date>,
        #[command(flatten)]
        format: FormatFlags,
    },
    /// Conclusions with a deadline, soonest first, marked overdue or due soon.
    Deadlines {
        /// Only this province (old or post-2025 name).
        #[arg(long)]
        province: Option<String>,
        /// Only those due before this date.
        #[arg(long, value_parser = parse_date)]
        due_before: Option<Date>,
        /// The day urgency is measured from (default: the system date).
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        #[command(flatten)]
        format: FormatFlags,
    },
    /// Who took and who left which key post of a province between two dates.
    Changes {
        #[arg(long)]
        province: String,
        #[arg(long, value_parser = parse_date)]
        from: Date,
        #[arg(long, value_parser = parse_date)]
        to: Date,
        #[command(flatten)]
        format: FormatFlags,
    },
    /// Search officials, positions, meetings, conclusions and provinces.
    Search {
        query: String,
        /// At most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Open the browser on a directory of article files (read, not saved).
    Open {
        /// Directories or .txt files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Export a table of the corpus.
    Export {
        #[arg(value_enum)]
        what: export::What,
        #[arg(long, value_enum, default_value_t = export::Format::Json)]
        format: export::Format,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a shell completion script ("tinhuy completions bash >
    /// ~/.local/share/bash-completion/completions/tinhuy").
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page, in roff ("tinhuy man > ~/.local/share/man/man1/tinhuy.1").
    Man,
}

/// `--json` or `--csv` instead of the table.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct FormatFlags {
    /// Print JSON.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV, one line per row.
    #[arg(long)]
    pub csv: bool,
}

impl FormatFlags {
    fn output(self) -> table::Output {
        table::Output::from_flags(self.json, self.csv)
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse()
}

/// The corpus named by `--corpus`, or the bundled one.
/// A date as the text outputs write it: `?` when unknown.
fn date_text(d: Option<Date>) -> String {
    d.map_or("?".to_string(), |d| d.to_string())
}

pub fn load_corpus(path: Option<&Path>) -> anyhow::Result<Corpus> {
    Ok(match path {
        Some(p) => corpus::load(p)?,
        None => Corpus::bundled(),
    })
}

/// Why the browser cannot run here, if it cannot: it draws on standard
/// output and reads keys from standard input, which must be a terminal
/// that can move the cursor.
fn not_a_terminal() -> Option<&'static str> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        Some("standard output is not a terminal")
    } else if !std::io::stdin().is_terminal() {
        Some("standard input is not a terminal")
    } else if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        Some("TERM=dumb cannot draw it")
    } else {
        None
    }
}

/// Opens the browser; the exit code is 128 + the signal that ended it, or
/// 2 when there is no terminal to open it in.
fn browse(source: Source) -> anyhow::Result<i32> {
    if let Some(why) = not_a_terminal() {
        eprintln!("tinhuy: the browser needs a terminal ({why}); for scripts see `tinhuy --help`");
        return Ok(2);
    }
    Ok(crate::tui::run(source, crate::tui::Options::from_env())?.map_or(0, |sig| 128 + sig))
}

/// `tinhuy open PATHS`: the browser on article files.
fn open(paths: &[PathBuf]) -> anyhow::Result<i32> {
    let (files, skipped) = crate::corpus::ingest::collect(paths);
    if files.is_empty() {
        let stderr = std::io::stderr();
        let err = &mut stderr.lock();
        for s in &skipped {
            writeln!(err, "tinhuy: {}: {}", s.path.display(), s.reason)?;
        }
        writeln!(
            err,
            "tinhuy: no article files found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )?;
        return Ok(1);
    }
    browse(Source::Articles {
        files,
        skipped: skipped.len(),
    })
}

/// Runs the command line; returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    // The browser takes standard output only where it writes: a lock held
    // for the session would block the signal handler's and the panic
    // hook's writes from other threads.
    match &cli.command {
        Some(Command::Open { paths }) => open(paths),
        None if !cli.print_config_path => browse(match cli.corpus.as_deref() {
            Some(path) => {
                // A file that is not a corpus this build reads is said
                // before the screen changes; damage deep inside it, once
                // read.
                corpus::store::check_header(path)?;
                Source::File(path.to_path_buf())
            }
            None => Source::Bundled,
        }),
        _ => {
            let stdout = std::io::stdout();
            let stderr = std::io::stderr();
            run_command(cli, &mut stdout.lock(), &mut stderr.lock())
        }
    }
}

/// Writes the completion script for `shell`.
fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> anyhow::Result<i32> {
    // Made in memory: the generator panics on a failed write.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "tinhuy", &mut script);
    out.write_all(&script)?;
    Ok(0)
}

/// Writes where the browser's config file is read from.
fn print_config_path(out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    match crate::tui::config::config_path() {
        Some(p) => writeln!(out, "{}", p.display())?,
        None => writeln!(err, "tinhuy: no home directory to keep a config file in")?,
    }
    Ok(0)
}

/// Runs a command that writes to `out` and `err` and leaves the screen be.
fn run_command(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let corpus_path = cli.corpus.as_deref();
    match cli.command {
        Some(Command::Extract { files, json }) => extract::run(&files, json, out, err),
        Some(Command::Ingest {
            paths,
            output,
            threads,
            pretty,
            wait,
        }) => {
            let wait = std::time::Duration::from_secs_f64(wait.max(0.0));
            ingest::run(&paths, &output, threads, pretty, wait, err)
        }
        Some(Command::Person { query, json }) => {
            person::run(&load_corpus(corpus_path)?, &query, json, out, err)
        }
        Some(Command::Who {
            title,
            province,
            on,
            json,
        }) => who::run(
            &who::load(corpus_path, &title)?,
            &title,
            province.as_deref(),
            on,
            json,
            out,
            err,
        ),
        Some(Command::Leaders {
            province,
            on,
            format,
        }) => leaders::run(
            &load_corpus(corpus_path)?,
            &province,
            on,
            format.output(),
            out,
        ),
        Some(Command::Deadlines {
            province,
            due_before,
            today,
            format,
        }) => deadlines::run(
            &load_corpus(corpus_path)?,
            &deadlines::Filter {
                province: province.as_deref(),
                due_before,
                today: today.unwrap_or_else(deadlines::system_today),
            },
            format.output(),
            out,
            err,
        ),
        Some(Command::Changes {
            province,
            from,
            to,
            format,
        }) => changes::run(
            &load_corpus(corpus_path)?,
            &province,
            from,
            to,
            format.output(),
            out,
            err,
        ),
        Some(Command::Search { query, limit, json }) => {
            search::run(corpus_path, &query, limit, json, out, err)
        }
        Some(Command::Export {
            what,
            format,
            output,
        }) => export::run(
            &load_corpus(corpus_path)?,
            what,
            format,
            output.as_deref(),
            out,
        ),
        Some(Command::Completions { shell }) => completions(shell, out),
        Some(Command::Man) => {
            clap_mangen::Man::new(Cli::command()).render(out)?;
            Ok(0)
        }
        None if cli.print_config_path => print_config_path(out, err),
        Some(Command::Open { .. }) | None => unreachable!("the browser is started by `run`"),
    }
}
