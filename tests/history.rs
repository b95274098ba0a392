//! `aplan history` on the contacts fixture (tests/fixtures/crm over the base fixture):
//! events from four sources in date order, same-day ties in the stated order.

mod common;

use std::fs;

use common::{aplan, fixtures, repo_with};
use serde_json::Value;
use tempfile::TempDir;

/// The crm fixture with events of every source on 2017-03-14 (the meeting, the final plan,
/// an update, an interaction) and an interaction on the day the plan was sent, written
/// last in its file.
fn repo() -> TempDir {
    let repo = repo_with(Some(&fixtures().join("crm")));
    let plan = repo.path().join("plans/2017/history.toml");
    let text = fs::read_to_string(&plan).unwrap();
    let text = text
        .replacen("sent = 2017-03-07\n", "sent = 2017-03-07\nfinalised = 2017-03-14\n", 1)
        .replacen(
            "[[actions.updates]]\n",
            "[[actions.updates]]\ndate = 2017-03-14\nby = \"jsmith\"\nnote = \"Agreed at the meeting\"\n\n[[actions.updates]]\n",
            1,
        );
    fs::write(&plan, text).unwrap();
    let interactions = repo.path().join("interactions/2017/history.toml");
    let mut text = fs::read_to_string(&interactions).unwrap();
    text.push_str(
        "\n[[interactions]]\ndate = 2017-03-07\nkind = \"email\"\nby = [\"jsmith\"]\nwith = [\"brep\"]\nsummary = \"Sent the plan\"\n",
    );
    fs::write(&interactions, text).unwrap();
    repo
}

fn history(repo: &TempDir, args: &[&str]) -> Value {
    let output = aplan(repo.path())
        .args(["history", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Each event as `date event summary`.
fn events(history: &Value) -> Vec<String> {
    history["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                e["date"].as_str().unwrap(),
                e["event"].as_str().unwrap(),
                e["summary"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn events_from_four_sources_in_date_order_with_same_day_ties_in_the_stated_order() {
    let repo = repo();
    let history = history(&repo, &["history", "--since", "2016-10-01"]);
    assert_eq!(
        events(&history),
        [
            "2016-11-02 interaction Asked for the Year 1 reading lists",
            "2017-02-14 interaction Archives session for HIS2050",
            "2017-03-07 plan-sent 2017 plan sent to the department",
            "2017-03-07 interaction Sent the plan",
            "2017-03-14 meeting 2017 action plan meeting",
            "2017-03-14 plan-finalised 2017 final plan sent",
            "2017-03-14 update Review Year 1 reading lists with module leaders: Agreed at the meeting",
            "2017-03-14 interaction Action plan meeting",
            "2017-05-02 update Review Year 1 reading lists with module leaders: All 20 lists reviewed",
        ]
    );
    let update = &history["events"][6];
    assert_eq!(update["action"], "history/2017/year1-lists");
    assert_eq!(update["plan"], "history/2017");
    assert_eq!(update["by"][0], "jsmith");
}

#[test]
fn since_leaves_out_earlier_events_and_every_year_is_read() {
    let repo = repo();
    let all = events(&history(&repo, &["history"]));
    let since = events(&history(&repo, &["history", "--since", "2017-03-14"]));
    assert!(all.len() > since.len() + 4, "{all:?}");
    assert!(
        all.iter().any(|e| e.starts_with("2016-03")),
        "2016's plan: {all:?}"
    );
    assert_eq!(since.len(), 5);
    assert!(since.iter().all(|e| e.as_str() >= "2017-03-14"));
}

#[test]
fn a_contacts_history_holds_the_meetings_they_attended_and_their_interactions() {
    let repo = repo();
    let history = history(&repo, &["ahead"]);
    assert_eq!(history["subject"]["contact"]["id"], "ahead");
    assert_eq!(history["subject"]["department"], "history");
    assert_eq!(
        events(&history),
        [
            "2017-03-07 plan-sent 2017 plan sent to the department",
            "2017-03-14 meeting 2017 action plan meeting",
            "2017-03-14 plan-finalised 2017 final plan sent",
            "2017-03-14 interaction Action plan meeting",
        ]
    );
    // Named as department/id, the same contact.
    assert_eq!(events(&history_of(&repo, "history/ahead")).len(), 4);
}

fn history_of(repo: &TempDir, name: &str) -> Value {
    history(repo, &[name])
}

#[test]
fn an_unknown_name_is_refused_with_the_nearest() {
    let repo = repo();
    let output = aplan(repo.path())
        .args(["history", "ahaed"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("did you mean `ahead`?"), "{stderr}");
    let output = aplan(repo.path())
        .args(["history", "chemistry/ahead"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn table_and_markdown() {
    let repo = repo();
    for format in ["table", "md"] {
        let output = aplan(repo.path())
            .args(["history", "history", "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        insta::assert_snapshot!(
            format!("history_{format}"),
            String::from_utf8(output.stdout).unwrap()
        );
    }
}
