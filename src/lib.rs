//! tinhuy: facts from Vietnamese provincial Party-committee meeting news.
//!
//! Data flows one way: [`text`] → [`extract`] → [`corpus`] → [`search`] →
//! the terminal app ([`app`], [`ui`], [`tui`]). The command line lives in
//! the binary.

pub mod app;
pub mod corpus;
pub mod extract;
pub mod gazetteer;
pub mod report;
pub mod search;
pub mod source;
#[cfg(test)]
mod testing;
pub mod text;
pub mod tui;
pub mod ui;
