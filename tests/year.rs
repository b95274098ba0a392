//! The year a report is on: the planning year that includes `--today` (from `[process]
//! year_starts`, October 1st by default), said on stderr, so that next year's drafts,
//! written in the autumn, do not take over this year's reports before the year turns.

mod common;

use std::path::Path;

use common::{aplan, repo_with};
use serde_json::Value;

/// `aplan --today TODAY COMMAND --format json`: the JSON and what stderr said.
fn report(dir: &Path, today: &str, command: &[&str]) -> (Value, String) {
    let output = aplan(dir)
        .args(["--today", today])
        .args(command)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    (serde_json::from_slice(&output.stdout).unwrap(), stderr)
}

/// The years a report's JSON is about: its `year`, or every row's.
fn years(json: &Value) -> Vec<i64> {
    let mut years: Vec<i64> = match json {
        Value::Array(rows) => rows.iter().map(|r| r["year"].as_i64().unwrap()).collect(),
        _ => vec![json["year"].as_i64().unwrap()],
    };
    years.dedup();
    years
}

/// The base repository (plans for 2016 and 2017) with drafts for 2018, as `aplan new`
/// writes them in the autumn, chemistry's carrying its open actions over.
fn with_next_years_draft() -> tempfile::TempDir {
    let repo = repo_with(None);
    for department in ["history", "chemistry"] {
        aplan(repo.path())
            .args(["--today", "2016-11-15", "new", department, "--year", "2018"])
            .assert()
            .success();
    }
    assert!(repo.path().join("plans/2018/chemistry.toml").exists());
    repo
}

// Drafts for 2018 written early must not switch the 2017 reports over in the spring.
#[test]
fn reports_stay_on_this_year_until_the_year_turns() {
    let repo = with_next_years_draft();
    for command in [&["themes"][..], &["workload"], &["timeline"], &["actions"]] {
        let (json, stderr) = report(repo.path(), "2017-04-10", command);
        assert_eq!(years(&json), [2017], "{command:?}");
        assert_eq!(
            stderr,
            "reporting on 2017, the planning year that includes 2017-04-10; \
             choose another with --year\n",
            "{command:?}"
        );
        let (json, stderr) = report(repo.path(), "2017-10-02", command);
        assert_eq!(years(&json), [2018], "{command:?}");
        assert_eq!(
            stderr,
            "reporting on 2018, the planning year that includes 2017-10-02; \
             choose another with --year\n",
            "{command:?}"
        );
    }
}

#[test]
fn the_site_shows_this_year_until_the_year_turns() {
    let repo = with_next_years_draft();
    for (today, year) in [("2017-04-10", 2017), ("2017-10-02", 2018)] {
        let out = format!("site-{year}");
        let output = aplan(repo.path())
            .args(["--today", today, "site", "--out", &out])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.starts_with(&format!(
                "reporting on {year}, the planning year that includes {today}; \
                 choose another with --year\nwrote the {year} site"
            )),
            "{stderr}"
        );
    }
}

#[test]
fn a_year_without_plans_falls_back_to_the_latest_before_it() {
    let repo = repo_with(None);
    let (json, stderr) = report(repo.path(), "2018-05-01", &["themes"]);
    assert_eq!(years(&json), [2017]);
    assert_eq!(
        stderr,
        "reporting on 2017: 2018, the planning year that includes 2018-05-01, has no plans \
         yet; choose another with --year\n"
    );
}

#[test]
fn a_year_named_on_the_command_line_is_not_explained() {
    let repo = with_next_years_draft();
    let (json, stderr) = report(repo.path(), "2017-04-10", &["themes", "--year", "2018"]);
    assert_eq!(years(&json), [2018]);
    assert_eq!(stderr, "");
    let output = aplan(repo.path())
        .args(["-q", "--today", "2017-04-10", "workload"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty());
}

#[test]
fn the_planning_year_can_start_on_another_day() {
    let repo = with_next_years_draft();
    let config = repo.path().join("aplan.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        format!("{text}\n[process]\nyear_starts = \"09-01\"\n"),
    )
    .unwrap();
    let (json, _) = report(repo.path(), "2017-09-15", &["workload"]);
    assert_eq!(years(&json), [2018]);
    let (json, _) = report(repo.path(), "2017-08-31", &["workload"]);
    assert_eq!(years(&json), [2017]);
}

// A date before any plan, or a year nobody planned, is a mistake in the command: exit 2
// with the reason, and nothing printed on stdout.
#[test]
fn a_year_that_makes_no_sense_is_refused() {
    let repo = repo_with(None);
    for args in [
        &["--today", "2014-04-10", "workload"][..],
        &["workload", "--year", "2030"],
        &["themes", "--year", "1999"],
        &["timeline", "--year", "twenty"],
    ] {
        let output = aplan(repo.path()).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let output = aplan(repo.path())
        .args(["--today", "2014-04-10", "workload"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: no plans for 2014, the planning year that includes 2014-04-10, or before it; \
         years with plans: 2016, 2017; choose one with --year\n"
    );
}

// Carried into next year's draft, an overdue action is still this year's to do.
#[test]
fn an_action_carried_into_next_years_draft_is_still_overdue() {
    // chemistry/2017/apc-guide, agreed, was due 2017-04-28.
    let repo = repo_with(Some(&common::fixtures().join("actions")));
    let args = [
        "actions",
        "--overdue",
        "--today",
        "2017-07-01",
        "--format",
        "json",
    ];
    let before = aplan(repo.path()).args(args).output().unwrap().stdout;
    let rows: serde_json::Value = serde_json::from_slice(&before).unwrap();
    assert!(!rows.as_array().unwrap().is_empty(), "{rows}");
    aplan(repo.path())
        .args([
            "--today",
            "2017-07-01",
            "new",
            "chemistry",
            "--year",
            "2018",
        ])
        .assert()
        .success();
    let after = aplan(repo.path()).args(args).output().unwrap().stdout;
    assert_eq!(after, before);
}
