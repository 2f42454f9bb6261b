use clap::Parser;

mod cli;

// The command line is the binary's own; its modules name the library's
// stages as `crate::corpus`, `crate::search`, … through these.
use tinhuy::{corpus, extract, report, search, source, text, tui};

fn main() {
    let code = match cli::run(cli::Cli::parse()) {
        Ok(code) => code,
        // A reader that stopped early (`| head`) is not a failure: end
        // quietly, as other Unix tools do.
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            eprintln!("tinhuy: {e:#}");
            1
        }
    };
    std::process::exit(code);
}

/// Whether `e` comes from writing to a pipe whose reader has gone.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let kind = if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            Some(io.kind())
        } else {
            cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
        };
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
