//! Any bytes as a plan and as `aplan.toml`: read, decoded, validated and reported in every
//! diagnostic format, without a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| aplan_fuzz::validate(data));
