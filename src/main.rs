use clap::Parser;

fn main() {
    let code = match tinhuy::cli::run(tinhuy::cli::Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("tinhuy: {e:#}");
            1
        }
    };
    std::process::exit(code);
}
