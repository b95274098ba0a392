//! A document follows its plan's state and is rendered as of a date: a final plan, as of
//! the day it was finalised, so rendering it again gives the document that was sent.

mod common;

use std::fs;
use std::path::Path;

use common::{aplan, repo_with};
use predicates::str::contains;

/// The base repository with history's 2017 plan made final on 2017-03-21, before its
/// action's update of 2017-05-02.
fn final_plan() -> tempfile::TempDir {
    let repo = repo_with(None);
    let path = repo.path().join("plans/2017/history.toml");
    let text = fs::read_to_string(&path).unwrap();
    let text = text
        .replace("status = \"met\"", "status = \"final\"")
        .replace(
            "sent = 2017-03-07\n",
            "sent = 2017-03-07\nfinalised = 2017-03-21\n",
        );
    fs::write(&path, text).unwrap();
    repo
}

fn render(dir: &Path, args: &[&str]) -> String {
    let output = aplan(dir)
        .args(["render", "history/2017"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_final_plan_renders_again_as_it_was_sent() {
    let repo = final_plan();
    let sent = render(repo.path(), &[]);
    assert!(sent.contains("## Agreed actions"), "{sent}");
    assert!(!sent.contains("Proposed actions"));
    assert!(!sent.contains("All 20 lists reviewed"));
    aplan(repo.path())
        .args(["update", "history/2017/year1-lists", "--by", "jsmith"])
        .args([
            "--note",
            "Lists for next year started",
            "--date",
            "2017-03-30",
        ])
        .assert()
        .success();
    assert_eq!(render(repo.path(), &[]), sent);
    let later = render(repo.path(), &["--as-of", "2017-03-30"]);
    assert!(later.contains("Lists for next year started"), "{later}");
    let latest = render(repo.path(), &["--as-of", "2017-06-01"]);
    assert!(latest.contains("All 20 lists reviewed"), "{latest}");
}

#[test]
fn a_draft_proposes_actions() {
    let repo = repo_with(None);
    let path = repo.path().join("plans/2017/history.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("status = \"met\"", "status = \"sent\"")).unwrap();
    let document = render(repo.path(), &["--format", "html"]);
    assert!(document.contains(">Proposed actions</h2>"));
    assert!(!document.contains("Agreed actions"));
}

// A date before the plan's year began, or not a date, is a mistake in the command.
#[test]
fn an_as_of_date_that_makes_no_sense_is_refused() {
    let repo = final_plan();
    aplan(repo.path())
        .args([
            "render",
            "history/2017",
            "--as-of",
            "2015-01-01",
            "-o",
            "out.md",
        ])
        .assert()
        .code(2)
        .stderr(contains(
            "--as-of 2015-01-01 is before the 2017 plan year starts (2016-10-01)",
        ));
    aplan(repo.path())
        .args([
            "render",
            "history/2017",
            "--as-of",
            "2017-02-30",
            "-o",
            "out.md",
        ])
        .assert()
        .code(2)
        .stderr(contains(
            "`2017-02-30` is not a date of the form YYYY-MM-DD",
        ));
    assert!(!repo.path().join("out.md").exists());
}

/// History's 2017 document, with its 2017 plan's attendees edited by `edit`.
fn explained(edit: impl Fn(String) -> String) -> bool {
    let repo = repo_with(None);
    let path = repo.path().join("plans/2017/history.toml");
    fs::write(&path, edit(fs::read_to_string(&path).unwrap())).unwrap();
    render(repo.path(), &[]).contains("## How our action plans work")
}

// The process is explained to whoever is new to it: people are compared, not the way
// their names were typed.
#[test]
fn the_process_is_explained_when_the_head_or_the_rep_is_new() {
    // 2016's plan had Prof. Ann Head and Dr Ben Rep, as 2017's has.
    assert!(!explained(|text| text));
    assert!(!explained(|text| {
        text.replace("Prof. Ann Head", "Professor  ann head")
    }));
    assert!(explained(|text| {
        text.replace("Prof. Ann Head", "Prof. Carl Head")
    }));
    assert!(explained(|text| text.replace("Dr Ben Rep", "Dr Dee Rep")));
}

#[test]
fn a_departments_first_plan_explains_the_process() {
    let repo = repo_with(None);
    fs::remove_file(repo.path().join("plans/2016/history.toml")).unwrap();
    let path = repo.path().join("plans/2017/history.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("carried_from = \"history/2016/lists\"\n", ""),
    )
    .unwrap();
    let document = render(repo.path(), &[]);
    assert!(document.contains("## How our action plans work"));
    assert!(
        document.contains("Welcome, Prof. Ann Head and Dr Ben Rep."),
        "{document}"
    );
}
