//! CLI cases as data: each `tests/cmd/<case>.toml` runs aplan with its arguments in the
//! fixture repository its `fs.cwd` names, and its exit code, standard output and standard
//! error must be those of the case (`status`, `<case>.stdout`, `<case>.stderr`).
//!
//! `TRYCMD=overwrite cargo test --test cli` writes what aplan prints into the cases.

use std::path::Path;

/// The date every case runs on, as for the Rust integration tests (`tests/common`).
const TODAY: &str = "2017-04-01";

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin("aplan", Path::new(env!("CARGO_BIN_EXE_aplan")))
        .env("APLAN_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.toml");
}
