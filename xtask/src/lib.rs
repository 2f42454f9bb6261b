//! Development tools for tinhuy, kept out of the product: a deterministic
//! generator of synthetic articles with their ground truth ([`synth`]),
//! used by the tests and benchmarks, and the performance table
//! ([`bench`]). `cargo xtask synth` and `cargo xtask bench` run them.

pub mod bench;
pub mod browse_bench;
pub mod synth;
