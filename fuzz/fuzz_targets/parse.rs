//! Any text through both TOML paths: the fast one may give up, but whatever it accepts the
//! `toml` crate must accept and read into the same tree.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| aplan_fuzz::parse(data));
