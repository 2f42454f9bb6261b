//! tinhuy: facts from Vietnamese provincial Party-committee meeting news.
//!
//! Data flows one way: [`text`] → [`extract`] → [`corpus`] → [`search`] →
//! the terminal app; [`cli`] wires the stages to the command line.

pub mod app;
pub mod cli;
pub mod corpus;
pub mod extract;
pub mod gazetteer;
pub mod search;
pub mod source;
pub mod synth;
pub mod text;
pub mod tui;
pub mod ui;
