//! tinhuy: facts from Vietnamese provincial Party-committee meeting news.
//!
//! Data flows one way: [`text`] → [`extract`] → [`corpus`] → [`search`] →
//! [`app`] → [`ui`].

pub mod cli;
pub mod extract;
pub mod gazetteer;
pub mod text;
