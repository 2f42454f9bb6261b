//! A deterministic generator of synthetic meeting articles with their
//! ground truth, for testing and benchmarking the extractor and the corpus
//! on thousands of articles.

pub mod names;
pub mod posts;
pub mod rng;
pub mod tone;
pub mod world;

pub use world::{PersonId, World};
