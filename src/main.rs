use clap::Parser;

mod cli;

// The command line is the binary's own; its modules name the library's
// stages as `crate::corpus`, `crate::search`, … through these.
use tinhuy::{corpus, extract, report, search, source, tui};

fn main() {
    let code = match cli::run(cli::Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("tinhuy: {e:#}");
            1
        }
    };
    std::process::exit(code);
}
