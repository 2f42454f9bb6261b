//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use tinhuy::extract::ArticleFacts;

/// The crate's root directory.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the built binary from the crate's root.
pub fn tinhuy(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tinhuy"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// The bundled article files, sorted.
pub fn articles() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("data/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// Facts of an article file.
pub fn facts(path: &Path) -> ArticleFacts {
    let raw = std::fs::read_to_string(path).unwrap();
    tinhuy::extract::extract_article(&raw).1
}

/// Facts of an article given as text.
pub fn facts_of(raw: &str) -> ArticleFacts {
    tinhuy::extract::extract_article(raw).1
}

/// A person's positions by name, for readable assertions.
pub fn positions(f: &ArticleFacts, name: &str) -> Vec<String> {
    f.people
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} not found among {:?}", names(f)))
        .titles()
        .map(str::to_string)
        .collect()
}

pub fn names(f: &ArticleFacts) -> Vec<String> {
    f.people.iter().map(|p| p.name.clone()).collect()
}
pub mod procs;
pub mod tmux;
