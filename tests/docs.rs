//! `docs/checks.md` documents every diagnostic code under a `## <code>` heading, in the
//! order of `Code::ALL`, and documents nothing else, so the page cannot drift from the
//! codes aplan prints.

use std::fs;
use std::path::Path;

use aplan::diagnostic::{Code, Severity};

/// The page's `## ` sections as (heading, body), skipping fenced code blocks, where a
/// TOML comment such as `## old` is not a heading.
fn sections() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/checks.md");
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut sections: Vec<(String, String)> = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        } else if !in_fence && let Some(heading) = line.strip_prefix("## ") {
            sections.push((heading.trim().to_owned(), String::new()));
            continue;
        }
        if let Some((_, body)) = sections.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    sections
}

fn headings() -> Vec<String> {
    sections().into_iter().map(|(heading, _)| heading).collect()
}

#[test]
fn every_code_has_a_heading() {
    let headings = headings();
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|code| code.name())
        .filter(|name| !headings.iter().any(|h| h == name))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/checks.md has no `## <code>` heading for: {}",
        missing.join(", ")
    );
}

#[test]
fn every_heading_is_a_code() {
    let unknown: Vec<String> = headings()
        .into_iter()
        .filter(|h| Code::from_name(h).is_none())
        .collect();
    assert!(
        unknown.is_empty(),
        "docs/checks.md has `## ` headings that are not diagnostic codes: {}",
        unknown.join(", ")
    );
}

/// `Code::ALL` promises the order of the page; a reader looking for a code by its family
/// relies on it too.
#[test]
fn headings_follow_the_order_of_the_codes() {
    let names: Vec<&str> = Code::ALL.iter().map(|code| code.name()).collect();
    assert_eq!(headings(), names);
}

/// The severity stated on the page is the one aplan reports.
#[test]
fn each_section_states_the_codes_severity() {
    let mut wrong = Vec::new();
    for (heading, body) in sections() {
        let Some(code) = Code::from_name(&heading) else {
            continue;
        };
        let word = match code.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if !body.contains(&format!("Severity: **{word}**")) {
            wrong.push(format!("{heading} (should say `Severity: **{word}**`)"));
        }
    }
    assert!(
        wrong.is_empty(),
        "docs/checks.md states the wrong severity for: {}",
        wrong.join(", ")
    );
}
