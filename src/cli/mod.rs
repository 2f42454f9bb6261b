//! The command line: subcommands for scripts, and the terminal app when no
//! subcommand is given.

pub mod extract;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// tinhuy: a terminal browser for Vietnamese provincial Party-committee
/// meeting news.
#[derive(Debug, Parser)]
#[command(name = "tinhuy", version, about)]
pub struct Cli {
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
}

/// Runs the command line; returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    match cli.command {
        Some(Command::Extract { files, json }) => {
            extract::run(&files, json, &mut stdout.lock(), &mut stderr.lock())
        }
        None => Ok(0),
    }
}
