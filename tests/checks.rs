//! One fixture per diagnostic code: `tests/fixtures/checks/<code>/` holds the files laid
//! over the clean base repository, and `expected.txt` every finding `aplan validate` must
//! report, as `code file:line:col`, and nothing else. A line may go on with ` | ` and the
//! hint the finding must give, for findings whose point is the way to the fix. A variant
//! folder `<code>-<case>/` (`unknown-key-in-action/`) tests the same code on another mistake.

mod common;

use std::collections::BTreeSet;
use std::fs;

use aplan::diagnostic::Code;
use common::{findings, fixtures, repo_with, validate_json};

/// Codes whose inputs cannot live in Git (a file over 1 MiB, a FIFO); `bad_input.rs`
/// builds them.
const GENERATED: &[Code] = &[Code::FileTooLarge, Code::UnreadableFile];

#[test]
fn the_base_fixture_is_clean() {
    let repo = repo_with(None);
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(findings(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

/// Contacts and interactions laid over the base, with every key of both files in use.
#[test]
fn the_contacts_and_interactions_fixture_is_clean() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(findings(&json), Vec::<String>::new());
    assert_eq!(code, 0);
    assert_eq!(json["summary"]["files"], 6, "{json}");
}

#[test]
fn every_code_has_a_fixture() {
    for code in Code::ALL {
        let dir = fixtures().join("checks").join(code.name());
        assert!(
            GENERATED.contains(code) || dir.join("expected.txt").is_file(),
            "no fixture for `{code}`: add tests/fixtures/checks/{code}/expected.txt"
        );
    }
}

#[test]
fn each_fixture_reports_exactly_what_it_expects() {
    let mut failures = Vec::new();
    let mut cases: Vec<_> = fs::read_dir(fixtures().join("checks"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let expected: BTreeSet<String> = fs::read_to_string(case.join("expected.txt"))
            .unwrap_or_else(|_| panic!("{name} has no expected.txt"))
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect();
        let code = fixture_code(&name)
            .unwrap_or_else(|| panic!("fixture {name} is not named after a code"));
        assert!(
            expected.iter().any(|e| e.starts_with(&format!("{code} "))),
            "fixture {name} does not expect its own code `{code}`"
        );
        let repo = repo_with(Some(&case));
        let (exit, json) = validate_json(repo.path(), &[]);
        let found = found_as_expected(&json, &expected);
        if found != expected {
            failures.push(format!(
                "{name}:\n  missing: {:?}\n  unexpected: {:?}",
                expected.difference(&found).collect::<Vec<_>>(),
                found.difference(&expected).collect::<Vec<_>>()
            ));
        }
        let has_error = json["summary"]["errors"].as_u64().unwrap() > 0;
        let want_exit = if has_error { 1 } else { 0 };
        if exit != want_exit {
            failures.push(format!("{name}: exit {exit}, expected {want_exit}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each finding as `code file:line:col`, followed by ` | ` and its hint when the expected
/// line for that place names one.
fn found_as_expected(json: &serde_json::Value, expected: &BTreeSet<String>) -> BTreeSet<String> {
    let with_hint: BTreeSet<&str> = expected
        .iter()
        .filter_map(|e| e.split_once(" | ").map(|(place, _)| place))
        .collect();
    let hints = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["hint"].as_str());
    findings(json)
        .into_iter()
        .zip(hints)
        .map(|(place, hint)| match hint {
            Some(hint) if with_hint.contains(place.as_str()) => format!("{place} | {hint}"),
            None if with_hint.contains(place.as_str()) => format!("{place} | (no hint)"),
            _ => place,
        })
        .collect()
}

/// The code a fixture folder tests: its name, or for a variant such as
/// `unknown-key-in-action` the longest prefix, cut at a '-', that is a code.
fn fixture_code(name: &str) -> Option<Code> {
    let mut cut = name.len();
    loop {
        if let Some(code) = Code::from_name(&name[..cut]) {
            return Some(code);
        }
        cut = name[..cut].rfind('-')?;
    }
}
