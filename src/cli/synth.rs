//! `tinhuy synth`: writes a synthetic corpus with its ground truth, for
//! testing and benchmarking at scale. Hidden from the help.

use std::io::Write;
use std::path::Path;

use crate::synth::{SynthConfig, write_dir};

/// Runs the subcommand; returns the process exit code.
pub fn run(
    articles: usize,
    seed: u64,
    out: &Path,
    truth: bool,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let stats = write_dir(&SynthConfig { articles, seed }, out, truth)?;
    let mb = stats.bytes as f64 / 1e6;
    writeln!(
        err,
        "tinhuy synth: {} articles, {mb:.1} MB{} in {:.2} s ({:.0} MB/s) → {}",
        stats.articles,
        if truth { " with truth" } else { "" },
        stats.seconds,
        mb / stats.seconds.max(1e-9),
        out.display()
    )?;
    Ok(0)
}
