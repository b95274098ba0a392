//! A plan file that does not parse is still the plan of its department and year, with
//! errors, in every command: never "no plan".

mod common;

use std::fs;

use common::{aplan, repo_with};
use predicates::str::contains;

/// The base repository with chemistry's 2017 plan broken by a string left open on line 3.
fn repo() -> tempfile::TempDir {
    let repo = repo_with(None);
    fs::write(
        repo.path().join("plans/2017/chemistry.toml"),
        "department = \"chemistry\"\nyear = 2017\nstatus = \"draft\n",
    )
    .unwrap();
    repo
}

const FIRST_ERROR: &str = "line 3: this string is not closed on its line";

#[test]
fn the_timeline_asks_for_the_plan_to_be_fixed_not_created() {
    let repo = repo();
    let output = aplan(repo.path())
        .args(["timeline", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let chemistry = &rows[0];
    assert_eq!(chemistry["department"], "chemistry");
    assert_eq!(chemistry["next"]["step"], "fix-plan");
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("left out 1 plan with errors (plans/2017/chemistry.toml)")
    );
}

#[test]
fn render_refuses_it_with_its_first_error_and_writes_nothing() {
    let repo = repo();
    for name in ["chemistry/2017", "plans/2017/chemistry.toml"] {
        aplan(repo.path())
            .args(["render", name, "-o", "out.md", "--force"])
            .assert()
            .code(2)
            .stderr(contains(format!(
                "error: plans/2017/chemistry.toml has errors (first, {FIRST_ERROR}"
            )))
            .stderr(contains(
                "run `aplan validate plans/2017/chemistry.toml` to see them all",
            ));
        assert!(!repo.path().join("out.md").exists());
    }
}

#[test]
fn new_says_the_plan_is_there_with_errors() {
    let repo = repo();
    let before = fs::read_to_string(repo.path().join("plans/2017/chemistry.toml")).unwrap();
    aplan(repo.path())
        .args(["new", "chemistry", "--year", "2017"])
        .assert()
        .code(2)
        .stderr(contains(
            "chemistry already has a plan for 2017, with errors: plans/2017/chemistry.toml \
             cannot be read as a plan",
        ));
    let after = fs::read_to_string(repo.path().join("plans/2017/chemistry.toml")).unwrap();
    assert_eq!(before, after);
}

#[test]
fn update_refuses_it_with_its_first_error() {
    let repo = repo();
    aplan(repo.path())
        .args([
            "update",
            "chemistry/2017/anything",
            "--note",
            "x",
            "--by",
            "jsmith",
        ])
        .assert()
        .code(2)
        .stderr(contains(FIRST_ERROR));
}

#[test]
fn a_year_whose_only_plan_is_broken_is_still_a_year_with_plans() {
    let repo = repo();
    fs::write(repo.path().join("plans/2017/history.toml"), "status = [").unwrap();
    fs::remove_file(repo.path().join("plans/2016/history.toml")).unwrap();
    let output = aplan(repo.path())
        .args(["timeline", "--year", "2017", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let steps: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["next"]["step"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["fix-plan", "fix-plan"]);
}
