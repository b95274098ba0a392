//! Any bytes as a plan, rendered to HTML and Markdown as `aplan render --force` would:
//! no panic, the same output twice, and no markup in the HTML that plan text put there.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| aplan_fuzz::render(data));
