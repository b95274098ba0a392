//! `aplan actions`: the central list of actions, its filters and its three formats.

mod common;

use std::fs;
use std::path::Path;

use common::{aplan, fixtures, repo_with};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

/// The base repository with a chemistry plan of four actions in every state.
fn repo() -> tempfile::TempDir {
    repo_with(Some(&fixtures().join("actions")))
}

/// The references `aplan actions` lists with these arguments, in order.
fn refs(dir: &Path, args: &[&str]) -> Vec<String> {
    let output = aplan(dir)
        .args(["actions", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|row| row["ref"].as_str().unwrap().to_owned())
        .collect()
}

// An overdue action is overdue whichever year's plan holds it, so `--overdue` looks at
// every year unless `--year` names one; an action carried over lives on in the later plan.
#[test]
fn overdue_looks_at_every_year_but_not_at_actions_carried_over() {
    let repo = repo();
    let dir = repo.path();
    let history = dir.join("plans/2017/history.toml");
    let text = fs::read_to_string(&history).unwrap();
    fs::write(
        &history,
        text.replace("carried_from = \"history/2016/lists\"\n", ""),
    )
    .unwrap();
    assert_eq!(
        refs(dir, &["--overdue"]),
        ["history/2016/lists", "chemistry/2017/apc-guide"]
    );
    assert_eq!(
        refs(dir, &["--overdue", "--year", "2017"]),
        ["chemistry/2017/apc-guide"]
    );
    fs::write(&history, text).unwrap();
    assert_eq!(refs(dir, &["--overdue", "--year", "2016"]), [] as [&str; 0]);
}

#[test]
fn sorted_by_due_date_then_reference_with_undated_last() {
    let repo = repo();
    assert_eq!(
        refs(repo.path(), &[]),
        [
            "chemistry/2017/lab-space",
            "chemistry/2017/apc-guide",
            "chemistry/2017/key-texts",
            "history/2017/year1-lists",
            "chemistry/2017/oa-workshop",
        ]
    );
}

#[test]
fn filters_give_known_answers() {
    let repo = repo();
    let dir = repo.path();
    assert_eq!(
        refs(dir, &["--owner", "jsmith"]),
        ["chemistry/2017/key-texts", "history/2017/year1-lists"]
    );
    assert_eq!(
        refs(dir, &["--department", "history"]),
        ["history/2017/year1-lists"]
    );
    assert_eq!(
        refs(dir, &["--theme", "reading-lists", "--owner", "mblake"]),
        ["chemistry/2017/lab-space"]
    );
    // The current status comes from the latest update that has one.
    assert_eq!(
        refs(dir, &["--status", "in-progress"]),
        ["chemistry/2017/key-texts"]
    );
    assert_eq!(
        refs(dir, &["--status", "dropped", "--status", "done"]),
        ["chemistry/2017/lab-space", "history/2017/year1-lists"]
    );
    assert_eq!(
        refs(dir, &["--initiative", "reading-list-review"]),
        ["chemistry/2017/key-texts", "history/2017/year1-lists"]
    );
    assert_eq!(refs(dir, &["--quick-win"]), ["chemistry/2017/apc-guide"]);
    // Due before 2017-04-01 and still active; the dropped one is not overdue, nor is
    // history/2016/lists, carried over into 2017 as year1-lists.
    assert_eq!(refs(dir, &["--overdue"]), ["chemistry/2017/apc-guide"]);
    assert_eq!(
        refs(dir, &["--overdue", "--today", "2017-07-01"]),
        ["chemistry/2017/apc-guide", "chemistry/2017/key-texts"]
    );
    assert_eq!(refs(dir, &["--year", "2016"]), ["history/2016/lists"]);
    assert_eq!(refs(dir, &["--all-years"]).len(), 6);
    assert_eq!(
        refs(dir, &["--owner", "mblake", "--quick-win"]),
        Vec::<String>::new()
    );
}

#[test]
fn unknown_filter_values_are_refused() {
    let repo = repo();
    aplan(repo.path())
        .args(["actions", "--owner", "jsmiht"])
        .assert()
        .code(2)
        .stderr(contains(
            "`jsmiht` is not a staff id in aplan.toml; did you mean `jsmith`?",
        ));
    aplan(repo.path())
        .args(["actions", "--theme", "parking"])
        .assert()
        .code(2)
        .stderr(contains("known: open-access, reading-lists"));
    aplan(repo.path())
        .args(["actions", "--status", "finished"])
        .assert()
        .code(2)
        .stderr(contains(
            "allowed: `proposed`, `agreed`, `in-progress`, `done`, `dropped`",
        ));
    aplan(repo.path())
        .args(["actions", "--year", "2015"])
        .assert()
        .code(2)
        .stderr(contains("years with plans: 2016, 2017"));
    aplan(repo.path())
        .args(["actions", "--year", "2016", "--all-years"])
        .assert()
        .code(2);
}

#[test]
fn plans_with_errors_are_left_out_with_a_warning() {
    let repo = repo();
    let plan = repo.path().join("plans/2017/history.toml");
    let text = fs::read_to_string(&plan).unwrap();
    fs::write(
        &plan,
        text.replace("owner = \"jsmith\"", "owner = \"nobody\""),
    )
    .unwrap();
    aplan(repo.path())
        .args(["actions", "--format", "csv"])
        .assert()
        .success()
        .stderr(contains(
            "warning: left out 1 plan with errors (plans/2017/history.toml); run `aplan validate` to see them",
        ))
        .stdout(predicates::str::contains("history/2017").not());
    aplan(repo.path())
        .args(["-q", "actions"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn csv_parses_back_with_a_header_and_every_field() {
    let repo = repo();
    let output = aplan(repo.path())
        .args(["actions", "--format", "csv"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header[0], "ref");
    assert_eq!(header.len(), 17);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    let key_texts = rows
        .iter()
        .find(|r| &r[0] == "chemistry/2017/key-texts")
        .unwrap();
    let field = |name: &str| {
        let i = header.iter().position(|h| h == name).unwrap();
        key_texts[i].to_owned()
    };
    assert_eq!(field("themes"), "open-access; reading-lists");
    assert_eq!(field("due"), "2017-05-15");
    assert_eq!(field("status"), "in-progress");
    assert_eq!(field("updates"), "1");
    // A note over two lines with quotes and a comma survives the round trip.
    assert_eq!(
        field("last_update_note"),
        "Ordered 12 titles, 3 arrived.\nThe rest \"by May\", says the supplier."
    );
    let guide = rows
        .iter()
        .find(|r| &r[0] == "chemistry/2017/apc-guide")
        .unwrap();
    assert_eq!(
        &guide[4],
        "One-page guide to APC funding: \"gold\", green and hybrid"
    );
    assert_eq!(&guide[6], "jsmith; mblake");
}

#[test]
fn json_has_the_documented_shape() {
    let repo = repo();
    let output = aplan(repo.path())
        .args(["actions", "--format", "json", "--department", "history"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "ref": "history/2017/year1-lists",
            "department": "history",
            "year": 2017,
            "id": "year1-lists",
            "title": "Review Year 1 reading lists with module leaders",
            "owner": "jsmith",
            "with": ["bjones"],
            "themes": ["reading-lists"],
            "priority": null,
            "quick_win": false,
            "due": "2017-06-30",
            "status": "done",
            "initiative": "reading-list-review",
            "updates": 1,
            "last_update": { "date": "2017-05-02", "by": "jsmith", "note": "All 20 lists reviewed" },
        }])
    );
}

#[test]
fn table_output() {
    let repo = repo();
    let output = aplan(repo.path()).arg("actions").output().unwrap();
    assert!(output.status.success());
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn csv_output() {
    let repo = repo();
    let output = aplan(repo.path())
        .args(["actions", "--format", "csv"])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn json_output() {
    let repo = repo();
    let output = aplan(repo.path())
        .args(["actions", "--format", "json"])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn no_match_says_so() {
    let repo = repo();
    aplan(repo.path())
        .args(["actions", "--owner", "mblake", "--quick-win"])
        .assert()
        .success()
        .stdout("no actions match\n");
}

#[test]
fn the_bundled_repository_lists_its_actions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let all = refs(root, &["--all-years"]);
    let latest = refs(root, &[]);
    assert!(latest.len() >= 40, "{}", latest.len());
    assert!(all.len() > latest.len());
    aplan(root)
        .args([
            "actions",
            "--format",
            "csv",
            "--overdue",
            "--today",
            "2017-04-10",
        ])
        .assert()
        .success()
        .stderr("");
}
