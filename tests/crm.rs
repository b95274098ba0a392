//! Contacts and interactions beside the plans: read, exported without private detail, and
//! their broken files left out of reports.

mod common;

use std::fs;

use common::{aplan, fixtures, repo_with};
use serde_json::Value;

/// The private interaction's detail in the fixture.
const PRIVATE: &str = "a colleague's leave";

fn export(dir: &std::path::Path, format: &str) -> String {
    let output = aplan(dir)
        .args(["export", "--format", format])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn export_lists_contacts_and_interactions_in_order() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    let json: Value = serde_json::from_str(&export(repo.path(), "json")).unwrap();
    let contacts = json["contacts"].as_array().unwrap();
    let ids: Vec<&str> = contacts.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["ahead", "brep", "cold", "tgreaves"]);
    assert_eq!(contacts[0]["department"], "history");
    assert_eq!(contacts[0]["role"], "head-of-department");
    let interactions = json["interactions"].as_array().unwrap();
    let dates: Vec<&str> = interactions
        .iter()
        .map(|i| i["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2016-11-02", "2017-02-14", "2017-03-14"]);
    assert_eq!(interactions[1]["year"], 2017);
    assert_eq!(
        interactions[1]["by"],
        serde_json::json!(["jsmith", "bjones"])
    );
    assert_eq!(json["crm"]["kinds"][3], "teaching");
}

/// Hostile: the detail of a private interaction is in its file and in no export.
#[test]
fn private_detail_never_leaves_the_files() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    let file = fs::read_to_string(repo.path().join("interactions/2017/history.toml")).unwrap();
    assert!(file.contains(PRIVATE));
    for format in ["json", "yaml"] {
        let out = export(repo.path(), format);
        assert!(
            !out.contains(PRIVATE),
            "{format} export shows private detail"
        );
        assert!(out.contains("Action plan meeting"), "the summary stays");
    }
    let json: Value = serde_json::from_str(&export(repo.path(), "json")).unwrap();
    let meeting = &json["interactions"][2];
    assert_eq!(meeting["private"], true);
    assert_eq!(meeting["detail"], Value::Null);
    assert_eq!(
        json["interactions"][1]["detail"],
        "Went well; the group asked for a second session."
    );
}

/// A contacts or interactions file with errors is left out of the export, as a plan is.
#[test]
fn files_with_errors_are_left_out_of_the_export() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    let path = repo.path().join("interactions/2017/history.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("kind = \"email\"", "kind = \"emial\"")).unwrap();
    let json: Value = serde_json::from_str(&export(repo.path(), "json")).unwrap();
    assert_eq!(json["interactions"], serde_json::json!([]));
    aplan(repo.path()).arg("export").assert().stderr(
        "warning: left out 1 file with errors (interactions/2017/history.toml); run `aplan validate` to see them\n",
    );
    assert_eq!(json["contacts"].as_array().unwrap().len(), 4);
}

fn render(dir: &std::path::Path, plan: &str) -> String {
    let output = aplan(dir).args(["render", plan]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Attendees and an action's contact written as contact ids are shown by name and role.
#[test]
fn the_document_names_contacts_with_their_roles() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    let document = render(repo.path(), "history/2017");
    assert!(
        document.contains(
            "**At the meeting from the department**\n\n- Prof. Ann Head, Head of Department\n- Dr Ben Rep, Library Representative\n"
        ),
        "{document}"
    );
    assert!(document.contains("- **Department contact:** Dr Ben Rep, Library Representative\n"));
    assert!(!document.contains("ahead") && !document.contains("brep"));
}

/// The head at both meetings is one person: by name last year, by contact id this year.
#[test]
fn a_head_known_by_name_and_by_contact_id_is_not_new() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    let document = render(repo.path(), "history/2017");
    assert!(
        !document.contains("How our action plans work"),
        "{document}"
    );
}

/// Last year's head, by contact id, was someone else: the document explains the process to
/// the new one.
#[test]
fn a_new_head_by_contact_id_has_the_process_explained() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    let path = repo.path().join("plans/2016/history.toml");
    let text = fs::read_to_string(&path).unwrap();
    let text = text.replace(
        "{ name = \"Prof. Ann Head\", role = \"head-of-department\" }",
        "{ contact = \"cold\" }",
    );
    fs::write(&path, text).unwrap();
    let document = render(repo.path(), "history/2017");
    assert!(
        document.contains("## How our action plans work\n\nWelcome, Prof. Ann Head."),
        "{document}"
    );
}

/// Every path aplan reads lies inside the repository: a contacts file linked from outside
/// is refused and not read, as a plan would be.
#[test]
fn a_contacts_file_linked_from_outside_is_not_read() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("people.toml");
    fs::write(
        &secret,
        "[[contacts]]\nid = \"secret\"\nname = \"Not to be read\"\nrole = \"other\"\n",
    )
    .unwrap();
    let link = repo.path().join("contacts/chemistry.toml");
    std::os::unix::fs::symlink(&secret, &link).unwrap();
    let (code, json) = common::validate_json(repo.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(
        common::findings(&json),
        ["bad-symlink contacts/chemistry.toml"],
        "{json}"
    );
    assert!(!export(repo.path(), "json").contains("Not to be read"));
}

/// Regression: contacts and interactions files named on the command line were read twice,
/// once by the walk and once as named, and their ids reported as used twice.
#[test]
fn validating_named_contacts_and_interactions_reads_each_once() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    aplan(repo.path())
        .args([
            "validate",
            "contacts/history.toml",
            "interactions/2017/history.toml",
        ])
        .assert()
        .success()
        .stdout("checked 3 files: no problems found\n");
}

/// Hostile: the detail of a private interaction is in no output of `history` (any format)
/// nor of `site`, while the interaction itself is listed.
#[test]
fn private_detail_is_in_no_history_or_site() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    for subject in ["history", "ahead"] {
        for format in ["table", "md", "json"] {
            let output = aplan(repo.path())
                .args(["history", subject, "--format", format])
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(0), "{output:?}");
            let out = String::from_utf8(output.stdout).unwrap();
            assert!(
                !out.contains(PRIVATE),
                "history {subject} --format {format}"
            );
            assert!(out.contains("Action plan meeting"), "the summary stays");
        }
    }
    let out = repo.path().join("site-out");
    aplan(repo.path())
        .args(["site", "--out"])
        .arg(&out)
        .assert()
        .success();
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = fs::read_to_string(entry.path()).unwrap();
            assert!(
                !text.contains(PRIVATE),
                "{} shows private detail",
                entry.path().display()
            );
        }
    }
}

/// The site's activity page draws departments by month as an SVG heat map with the same
/// figures in a table, and a plan page lists the department's recent interactions.
#[test]
fn the_site_has_an_activity_page_and_recent_interactions_on_plan_pages() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    let out = repo.path().join("site-out");
    aplan(repo.path())
        .args(["site", "--out"])
        .arg(&out)
        .assert()
        .success();
    let page = fs::read_to_string(out.join("activity.html")).unwrap();
    assert!(page.contains("<svg"), "a heat map");
    assert!(page.contains("aria-labelledby=\"activity-chart-title activity-chart-desc\""));
    assert!(page.contains("<caption>Interactions per department and month, 2017</caption>"));
    // History: one interaction in November 2016, one in February 2017 and one in March
    // (the private meeting, counted but not described), three in all.
    let months = [0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 3]
        .map(|n| format!("<td class=\"num\">{n}</td>"))
        .concat();
    assert!(page.contains(&months), "{page}");
    let plan = fs::read_to_string(out.join("2017-history.html")).unwrap();
    assert!(plan.contains("Recent interactions"), "{plan}");
    assert!(plan.contains("Archives session for HIS2050"));
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("href=\"activity.html\""));
}
