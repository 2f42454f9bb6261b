//! Any bytes as an article file, through decoding, normalization,
//! extraction and the JSON report.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../check_extract.rs"]
mod check_extract;

fuzz_target!(|data: &[u8]| {
    check_extract::check(data);
});
