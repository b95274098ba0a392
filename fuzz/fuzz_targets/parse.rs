//! Any text read by aplan's TOML tree builder and by the `toml` crate: the same texts
//! accepted and read into the same tree, the others refused with the same message.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| aplan_fuzz::parse(data));
