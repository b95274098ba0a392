//! `aplan activity` on a fixture with known answers (tests/fixtures/activity over the base
//! fixture, on 2017-04-01): counts by kind, the last interaction, a quiet department,
//! follow-ups settled, overdue, due and later.

mod common;

use common::{aplan, fixtures, repo_with};
use serde_json::{Value, json};
use tempfile::TempDir;

fn repo() -> TempDir {
    repo_with(Some(&fixtures().join("activity")))
}

fn report(repo: &TempDir, args: &[&str]) -> Value {
    let output = aplan(repo.path())
        .args(["activity", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

fn department<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not in the report"))
}

#[test]
fn counts_by_kind_and_the_last_interaction() {
    let repo = repo();
    let report = report(&repo, &[]);
    assert_eq!(report["year"], 2017);
    let history = department(&report, "history");
    // The entry dated after today has not happened: five, not six.
    assert_eq!(history["interactions"], 5);
    assert_eq!(
        history["by_kind"],
        json!({"email": 2, "enquiry": 1, "meeting": 1, "teaching": 1})
    );
    assert_eq!(history["last"]["date"], "2017-03-25");
    assert_eq!(history["last"]["kind"], "enquiry");
    assert_eq!(history["days_since_last"], 7);
    assert_eq!(history["quiet"], false);
}

#[test]
fn a_department_without_interactions_for_more_than_ninety_days_is_quiet() {
    let repo = repo();
    let report = report(&repo, &[]);
    let chemistry = department(&report, "chemistry");
    assert_eq!(chemistry["days_since_last"], 107);
    assert_eq!(chemistry["quiet"], true);
    // The setting moves the line.
    let config = repo.path().join("aplan.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}\n[crm]\nquiet_after_days = 120\n")).unwrap();
    let report = self::report(&repo, &[]);
    assert_eq!(department(&report, "chemistry")["quiet"], false);
    assert_eq!(report["quiet_after_days"], 120);
}

#[test]
fn follow_ups_are_overdue_due_or_later_until_a_later_interaction_settles_them() {
    let repo = repo();
    let report = report(&repo, &[]);
    let open: Vec<(String, String, String)> = report["follow_ups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["follow_up"].as_str().unwrap().to_owned(),
                f["state"].as_str().unwrap().to_owned(),
                f["department"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("2017-01-15", "overdue", "chemistry"),
        ("2017-03-01", "overdue", "history"),
        ("2017-04-10", "due", "history"),
        ("2017-05-30", "later", "history"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect();
    // The follow-up of 2016-10-20 was settled by the meeting with the same contact.
    assert_eq!(open, expected);
    let history = department(&report, "history");
    assert_eq!(history["follow_ups_overdue"], 1);
    assert_eq!(history["follow_ups_due"], 1);
}

#[test]
fn totals_per_librarian_count_every_interaction_they_took_part_in() {
    let repo = repo();
    let report = report(&repo, &[]);
    let staff = report["staff"].as_array().unwrap();
    let ids: Vec<&str> = staff.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["bjones", "jsmith"]);
    assert_eq!(staff[0]["interactions"], 3);
    assert_eq!(staff[0]["departments"], json!(["chemistry", "history"]));
    assert_eq!(staff[1]["interactions"], 5);
    assert_eq!(staff[1]["last"], "2017-03-25");
}

#[test]
fn since_a_date_reads_every_year_and_filters_narrow_the_report() {
    let repo = repo();
    let since = report(&repo, &["--since", "2016-01-01"]);
    assert_eq!(since["year"], Value::Null);
    assert_eq!(since["since"], "2016-01-01");
    assert_eq!(department(&since, "history")["interactions"], 6);
    let by = report(&repo, &["--by", "bjones", "--department", "history"]);
    let departments = by["departments"].as_array().unwrap();
    assert_eq!(departments.len(), 1);
    assert_eq!(departments[0]["interactions"], 1);
    assert_eq!(by["staff"][0]["id"], "bjones");
}

#[test]
fn an_unknown_department_or_person_is_refused_with_the_nearest() {
    let repo = repo();
    let output = aplan(repo.path())
        .args(["activity", "--department", "histroy"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("did you mean `history`?"), "{stderr}");
    let output = aplan(repo.path())
        .args(["activity", "--by", "jsmiht"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn json_shape() {
    let repo = repo();
    let output = aplan(repo.path())
        .args(["activity", "--format", "json"])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn table_and_csv() {
    let repo = repo();
    for format in ["table", "csv"] {
        let output = aplan(repo.path())
            .args(["activity", "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        insta::assert_snapshot!(
            format!("activity_{format}"),
            String::from_utf8(output.stdout).unwrap()
        );
    }
}
