//! `aplan workload` on a fixture with known answers (tests/fixtures/workload: limits of 2
//! initiatives, 2 departments and 2 actions).

mod common;

use std::fs;
use std::path::PathBuf;

use common::{aplan, fixtures, repo_with};
use serde_json::Value;

fn fixture() -> PathBuf {
    fixtures().join("workload")
}

fn report() -> Value {
    let output = aplan(&fixture())
        .args(["workload", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn person<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["staff"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not in the report"))
}

#[test]
fn a_shared_initiative_counts_once_for_its_lead_and_once_for_each_owner() {
    let report = report();
    let ann = person(&report, "ann");
    assert_eq!(ann["active_initiatives"], 1);
    let shared = &ann["initiatives"][0];
    assert_eq!(shared["key"], "list-review");
    assert_eq!(shared["kind"], "shared");
    assert_eq!(shared["part"], "lead");
    assert_eq!(
        shared["refs"],
        serde_json::json!([
            "chemistry/2017/lists",
            "history/2017/lists",
            "music/2017/lists",
            "physics/2017/lists"
        ])
    );
    for owner in ["bob", "cat", "dan", "eve"] {
        let shared: Vec<&Value> = person(&report, owner)["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["key"] == "list-review")
            .collect();
        assert_eq!(shared.len(), 1, "{owner}");
        assert_eq!(shared[0]["part"], "owner", "{owner}");
    }
}

#[test]
fn done_by_an_update_and_dropped_actions_do_not_count() {
    let report = report();
    let cat = person(&report, "cat");
    assert_eq!(cat["active_initiatives"], 1);
    assert_eq!(cat["initiatives"][0]["key"], "list-review");
}

#[test]
fn with_counts() {
    let report = report();
    let dan = person(&report, "dan");
    let parts: Vec<(&str, &str)> = dan["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["key"].as_str().unwrap(), i["part"].as_str().unwrap()))
        .collect();
    assert_eq!(
        parts,
        [
            ("history/2017/guide", "with"),
            ("history/2017/induction", "with"),
            ("list-review", "owner")
        ]
    );
}

#[test]
fn exactly_at_the_limit_is_not_flagged_one_above_is() {
    let report = report();
    let bob = person(&report, "bob");
    assert_eq!(bob["active_initiatives"], 2);
    assert_eq!(bob["over"], serde_json::json!([]));
    let dan = person(&report, "dan");
    assert_eq!(dan["active_initiatives"], 3);
    assert_eq!(dan["over"], serde_json::json!(["initiatives"]));
    assert_eq!(dan["candidates"], serde_json::json!(["ann", "cat"]));
    let eve = person(&report, "eve");
    assert_eq!(
        eve["departments"],
        serde_json::json!(["history", "music", "physics"])
    );
    assert_eq!(eve["over"], serde_json::json!(["departments"]));
    assert_eq!(
        report["departments_over"],
        serde_json::json!([{ "id": "history", "active_actions": 3 }])
    );
}

#[test]
fn plans_with_errors_are_left_out_and_named() {
    let repo = repo_with(None);
    let plan = repo.path().join("plans/2017/chemistry.toml");
    let text = fs::read_to_string(&plan).unwrap();
    fs::write(
        &plan,
        text.replace("owner = \"bjones\"", "owner = \"nobody\""),
    )
    .unwrap();
    let output = aplan(repo.path())
        .args(["workload", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("left out 1 plan with errors (plans/2017/chemistry.toml)"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(person(&report, "bjones")["active_initiatives"], 0);
}

#[test]
fn csv_parses_back() {
    let output = aplan(&fixture())
        .args(["workload", "--format", "csv"])
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(&rows[3][0], "dan");
    assert_eq!(&rows[3][7], "initiatives");
}
