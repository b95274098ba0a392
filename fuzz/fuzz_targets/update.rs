//! Any bytes as a plan (and, after a NUL byte, a note), with an update appended to each of
//! its actions: no panic, and an edit that succeeds only inserts the new entry.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| aplan_fuzz::update(data));
