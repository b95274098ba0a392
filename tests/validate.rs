//! `aplan validate` as users and CI run it: exit codes, formats, paths, the bundled
//! repository.

mod common;

use std::fs;

use common::{aplan, findings, repo_with, validate_json};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

/// A copy of the base fixture with one error and one warning planted.
fn broken_repo() -> tempfile::TempDir {
    let repo = repo_with(None);
    let plan = repo.path().join("plans/2017/chemistry.toml");
    let text = fs::read_to_string(&plan).unwrap();
    let text = text
        .replace("owner = \"bjones\"", "owner = \"bjnoes\"")
        .replace("themes = [\"open-access\"]\naddresses", "addresses");
    fs::write(plan, text).unwrap();
    repo
}

#[test]
fn the_bundled_repository_validates_clean() {
    let root = env!("CARGO_MANIFEST_DIR");
    let (code, json) = validate_json(root.as_ref(), &["--deny-warnings"]);
    assert_eq!(findings(&json), Vec::<String>::new());
    assert_eq!(code, 0);
    assert!(json["summary"]["files"].as_u64().unwrap() >= 25);
}

#[test]
fn the_repository_is_found_from_a_subfolder() {
    let repo = broken_repo();
    aplan(&repo.path().join("plans/2017"))
        .args(["validate", "--format", "github"])
        .assert()
        .code(1)
        .stdout(contains("file=plans/2017/chemistry.toml,line=14,col=9"));
}

#[test]
fn exit_codes() {
    let clean = repo_with(None);
    aplan(clean.path()).arg("validate").assert().code(0);

    let broken = broken_repo();
    aplan(broken.path()).arg("validate").assert().code(1);

    // Warnings alone pass, unless denied.
    let warned = repo_with(None);
    let plan = warned.path().join("plans/2017/chemistry.toml");
    let text = fs::read_to_string(&plan).unwrap();
    fs::write(
        &plan,
        text.replace("themes = [\"open-access\"]\naddresses", "addresses"),
    )
    .unwrap();
    aplan(warned.path()).arg("validate").assert().code(0);
    aplan(warned.path())
        .args(["validate", "--deny-warnings"])
        .assert()
        .code(1);

    // Could not run.
    let empty = tempfile::tempdir().unwrap();
    aplan(empty.path())
        .arg("validate")
        .assert()
        .code(2)
        .stderr(contains("no aplan.toml"));
    aplan(clean.path())
        .args(["--root", "no-such-folder", "validate"])
        .assert()
        .code(2);
    aplan(clean.path())
        .args(["validate", "plans/2017/no-such-plan.toml"])
        .assert()
        .code(2)
        .stderr(contains("no-such-plan.toml"));
    aplan(clean.path())
        .args(["validate", "--format", "xml"])
        .assert()
        .code(2);
    aplan(clean.path())
        .args(["--today", "2017-02-30", "validate"])
        .assert()
        .code(2);
}

#[test]
fn json_has_the_documented_shape() {
    let repo = broken_repo();
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(code, 1);
    let object = json.as_object().unwrap();
    assert_eq!(
        object.keys().collect::<Vec<_>>(),
        ["diagnostics", "summary"]
    );
    let summary = json["summary"].as_object().unwrap();
    assert_eq!(
        summary.keys().collect::<Vec<_>>(),
        ["errors", "files", "warnings"]
    );
    assert_eq!(json["summary"]["errors"], 1);
    assert_eq!(json["summary"]["warnings"], 1);
    assert_eq!(json["summary"]["files"], 4);
    for d in json["diagnostics"].as_array().unwrap() {
        let keys: Vec<_> = d.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "code", "column", "file", "hint", "line", "message", "severity"
            ]
        );
        assert!(matches!(d["severity"].as_str(), Some("error" | "warning")));
        assert!(d["line"].as_u64().unwrap() >= 1);
        assert!(d["column"].as_u64().unwrap() >= 1);
        assert!(d["hint"].is_string() || d["hint"].is_null());
    }
    assert_eq!(
        json["diagnostics"][1],
        serde_json::json!({
            "code": "unknown-staff",
            "severity": "error",
            "file": "plans/2017/chemistry.toml",
            "line": 14,
            "column": 9,
            "message": "owner `bjnoes` is not in aplan.toml",
            "hint": "did you mean `bjones`?",
        })
    );
}

#[test]
fn human_output() {
    let repo = broken_repo();
    let output = aplan(repo.path()).arg("validate").output().unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn github_output() {
    let repo = broken_repo();
    let output = aplan(repo.path())
        .args(["validate", "--format", "github"])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn colour_only_when_asked() {
    let repo = broken_repo();
    aplan(repo.path())
        .args(["validate", "--color", "always"])
        .assert()
        .stdout(contains("\u{1b}["));
    // Not a terminal, so `auto` means no colour.
    aplan(repo.path())
        .env_remove("NO_COLOR")
        .args(["validate", "--color", "auto"])
        .assert()
        .stdout(contains("\u{1b}[").not());
}

#[test]
fn paths_limit_what_is_reported_but_not_what_is_read() {
    let repo = broken_repo();
    // The history plan is clean; chemistry's findings are left out.
    let (code, json) = validate_json(repo.path(), &["plans/2017/history.toml"]);
    assert_eq!(findings(&json), Vec::<String>::new());
    assert_eq!(json["summary"]["files"], 2);
    assert_eq!(code, 0);

    let (code, json) = validate_json(repo.path(), &["plans/2017"]);
    assert_eq!(json["summary"]["errors"], 1);
    assert_eq!(code, 1);
}

#[test]
fn a_path_outside_the_repository_cannot_run() {
    let repo = repo_with(None);
    let other = tempfile::tempdir().unwrap();
    let stray = other.path().join("x.toml");
    fs::write(&stray, "").unwrap();
    aplan(repo.path())
        .arg("validate")
        .arg(&stray)
        .assert()
        .code(2)
        .stderr(contains("outside the plans repository"));
}

#[test]
fn a_plan_given_by_path_outside_plans_is_checked_for_its_place() {
    let repo = repo_with(None);
    fs::copy(
        repo.path().join("plans/2017/chemistry.toml"),
        repo.path().join("chemistry.toml"),
    )
    .unwrap();
    let (code, json) = validate_json(repo.path(), &["chemistry.toml"]);
    assert_eq!(
        findings(&json),
        [
            "path-mismatch chemistry.toml",
            "duplicate-plan chemistry.toml:1:14"
        ]
    );
    assert_eq!(code, 1);
}
