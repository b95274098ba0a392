//! `aplan priorities`: the paper for the senior managers' prioritisation meeting, on the
//! repository's own 2017 plans. Its themes and workload are those of `aplan themes` and
//! `aplan workload`, so the tests hold it to their JSON rather than to names written here.

mod common;

use std::path::Path;

use common::aplan;
use serde_json::Value;

/// The repository's own plans, which the tests only read.
fn bundled() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> String {
    let output = aplan(bundled())
        .args(["-q", "--today", "2017-05-10"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&run(args)).unwrap()
}

fn html_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

#[test]
fn the_markdown_paper_is_as_reviewed() {
    insta::assert_snapshot!(run(&["priorities", "--year", "2017"]));
}

#[test]
fn the_html_paper_is_as_reviewed() {
    insta::assert_snapshot!(run(&["priorities", "--year", "2017", "--format", "html"]));
}

#[test]
fn every_common_theme_appears() {
    let themes = json(&["themes", "--year", "2017", "--format", "json"]);
    let common: Vec<&str> = themes["themes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["common"] == true)
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert!(common.len() >= 3, "{common:?}");
    let markdown = run(&["priorities", "--year", "2017"]);
    let html = run(&["priorities", "--year", "2017", "--format", "html"]);
    let section = &markdown[markdown.find("## Common themes").unwrap()..];
    for title in common {
        assert!(section.contains(&format!("- **{title}**")), "{title}");
        assert!(
            html.contains(&format!("<li><strong>{}</strong>", html_escaped(title))),
            "{title}"
        );
    }
}

#[test]
fn everyone_over_a_limit_appears() {
    let workload = json(&["workload", "--year", "2017", "--format", "json"]);
    let over: Vec<&str> = workload["staff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["over"].as_array().unwrap().is_empty())
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(!over.is_empty());
    let markdown = run(&["priorities", "--year", "2017"]);
    let html = run(&["priorities", "--year", "2017", "--format", "html"]);
    let section = &markdown[markdown.find("Over the limits:").unwrap()..];
    for name in over {
        assert!(section.contains(&format!("- {name} ")), "{name}");
        assert!(markdown.contains(&format!("| {name} (over) |")), "{name}");
        assert!(
            html.contains(&format!("<li>{} ", html_escaped(name))),
            "{name}"
        );
    }
}

#[test]
fn plans_not_yet_agreed_are_named() {
    let markdown = run(&["priorities", "--year", "2017"]);
    assert!(markdown.contains("Not yet agreed: "), "{markdown}");
    assert!(markdown.contains("Department of Mathematics (Draft)"));
}

#[test]
fn a_year_without_plans_is_refused() {
    aplan(bundled())
        .args(["priorities", "--year", "2015"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("there are no plans for 2015"));
}

/// The paper is Markdown or HTML: a Word file name or `--format docx` is refused, not
/// written as Markdown under that name.
#[test]
fn a_format_the_paper_has_not_is_refused() {
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("priorities.docx");
    aplan(bundled())
        .args(["-q", "--today", "2017-05-10", "priorities", "-o"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "aplan cannot write .docx documents; name the file .md or .html, or choose the format with --format md|html",
        ));
    assert!(!file.exists());
    aplan(bundled())
        .args([
            "-q",
            "--today",
            "2017-05-10",
            "priorities",
            "--format",
            "docx",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "this document cannot be written as docx; choose --format md|html",
        ));
}
