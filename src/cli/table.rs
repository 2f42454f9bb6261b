//! Output shared by the table commands: aligned columns for people, CSV
//! for spreadsheets, and the `--json`/`--csv` choice.

use std::io::Write;

use tinhuy::ui::text::{safe, width};

/// How a table command prints its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Table,
    Json,
    Csv,
}

impl Output {
    /// The format chosen by the `--json` and `--csv` flags.
    pub fn from_flags(json: bool, csv: bool) -> Output {
        match (json, csv) {
            (true, _) => Output::Json,
            (false, true) => Output::Csv,
            _ => Output::Table,
        }
    }
}

/// A CSV field, quoted when it holds a separator, quote or line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A header line and one line per row, as CSV.
pub fn write_csv(
    out: &mut dyn Write,
    headers: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    writeln!(out, "{}", headers.join(","))?;
    for r in rows {
        let fields: Vec<String> = r.iter().map(|f| csv_field(f)).collect();
        writeln!(out, "{}", fields.join(","))?;
    }
    Ok(())
}

/// Columns padded to their widest cell (by display width), two spaces
/// apart, the last one unpadded. Control characters from the data are
/// shown as visible stand-ins.
pub fn write_table(
    out: &mut dyn Write,
    headers: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let cells: Vec<Vec<String>> = std::iter::once(headers.iter().map(|h| h.to_string()).collect())
        .chain(
            rows.iter()
                .map(|r| r.iter().map(|c| safe(c).into_owned()).collect()),
        )
        .collect();
    let mut widths = vec![0; headers.len()];
    for r in &cells {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(width(c));
        }
    }
    for r in &cells {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            line.push_str(c);
            if i + 1 < r.len() {
                line.push_str(&" ".repeat(widths[i] - width(c) + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
