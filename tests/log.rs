//! `aplan log`: an interaction appended with `update`'s guarantees. The file keeps every
//! byte it had, concurrent runs each add their entry, and a refused run writes nothing.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{TODAY, aplan, fixtures, repo_with};
use predicates::str::contains;
use serde_json::Value;
use tempfile::TempDir;

const HISTORY: &str = "interactions/2017/history.toml";

fn repo() -> TempDir {
    repo_with(Some(&fixtures().join("crm")))
}

fn read(dir: &Path, path: &str) -> String {
    fs::read_to_string(dir.join(path)).unwrap()
}

#[test]
fn appends_an_entry_dated_today_for_the_planning_year() {
    let repo = repo();
    let before = read(repo.path(), HISTORY);
    aplan(repo.path())
        .args(["log", "history", "--kind", "teaching", "--by", "jsmith"])
        .args(["--summary", "Second archives session", "--with", "tgreaves"])
        .args([
            "--action",
            "history/2017/year1-lists",
            "--theme",
            "reading-lists",
        ])
        .args(["--follow-up", "2017-05-01"])
        .assert()
        .success()
        .stdout(format!(
            "logged teaching with history on {TODAY} ({HISTORY})\n"
        ));
    let after = read(repo.path(), HISTORY);
    assert_eq!(
        after,
        format!(
            "{before}\n[[interactions]]\ndate = {TODAY}\nkind = \"teaching\"\nby = [\"jsmith\"]\nwith = [\"tgreaves\"]\nsummary = \"Second archives session\"\nactions = [\"history/2017/year1-lists\"]\nthemes = [\"reading-lists\"]\nfollow_up = 2017-05-01\n"
        )
    );
    aplan(repo.path()).arg("validate").assert().success();
}

/// Byte for byte: comments, spacing, Windows line endings and a byte-order mark stay, and
/// the entry takes the file's line endings.
#[test]
fn the_file_keeps_every_byte_it_had() {
    let repo = repo();
    let original = read(repo.path(), HISTORY);
    let commented = format!(
        "\u{feff}# History, plan year 2017\n{}",
        original.replace("kind = \"email\"", "kind   =   \"email\"   # by email")
    )
    .replace('\n', "\r\n");
    fs::write(repo.path().join(HISTORY), &commented).unwrap();
    aplan(repo.path())
        .args(["log", "history", "--kind", "call", "--by", "bjones"])
        .args([
            "--summary",
            "Rang about \"key texts\"",
            "--date",
            "2017-03-20",
        ])
        .assert()
        .success();
    let after = read(repo.path(), HISTORY);
    let entry = "\r\n[[interactions]]\r\ndate = 2017-03-20\r\nkind = \"call\"\r\nby = [\"bjones\"]\r\nsummary = \"Rang about \\\"key texts\\\"\"\r\n";
    assert_eq!(after, format!("{commented}{entry}"));
    aplan(repo.path()).arg("validate").assert().success();
}

/// The year's file is created when the department has none yet, in the planning year of
/// the date: 20 September 2016 is in plan year 2016.
#[test]
fn starts_the_file_of_the_planning_year() {
    let repo = repo();
    aplan(repo.path())
        .args(["log", "chemistry", "--kind", "email", "--by", "bjones"])
        .args([
            "--summary",
            "Sent the new term's dates",
            "--date",
            "2016-09-20",
        ])
        .assert()
        .success();
    assert_eq!(
        read(repo.path(), "interactions/2016/chemistry.toml"),
        "[[interactions]]\ndate = 2016-09-20\nkind = \"email\"\nby = [\"bjones\"]\nsummary = \"Sent the new term's dates\"\n"
    );
}

/// What `--private` keeps in the file never reaches the export.
#[test]
fn a_private_detail_stays_in_the_file() {
    let repo = repo();
    let secret = "asked not to be quoted on the budget";
    aplan(repo.path())
        .args(["log", "history", "--kind", "meeting", "--by", "jsmith"])
        .args([
            "--summary",
            "Budget conversation",
            "--detail",
            secret,
            "--private",
        ])
        .assert()
        .success();
    assert!(
        read(repo.path(), HISTORY).contains(&format!("detail = \"{secret}\"\nprivate = true\n"))
    );
    let export = aplan(repo.path()).arg("export").output().unwrap();
    let json: Value = serde_json::from_slice(&export.stdout).unwrap();
    assert!(!String::from_utf8_lossy(&export.stdout).contains(secret));
    let logged = json["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["summary"] == "Budget conversation")
        .unwrap();
    assert_eq!(logged["detail"], Value::Null);
}

/// Every refusal leaves the repository as it was: no file changed, none created.
#[test]
fn a_refused_log_writes_nothing() {
    let repo = repo();
    let before = read(repo.path(), HISTORY);
    let cases: &[(&[&str], &str)] = &[
        (
            &["history", "--kind", "email", "--with", "tgreves"],
            "nothing was written: line 32: `with` entry `tgreves` is not in contacts/history.toml [unknown-contact]; did you mean `tgreaves`?",
        ),
        (
            &["history", "--kind", "teachng"],
            "`teachng` is not a kind of interaction; did you mean `teaching`?",
        ),
        (
            &["histroy", "--kind", "email"],
            "`histroy` is not a department in aplan.toml; did you mean `history`?",
        ),
        (
            &["history", "--kind", "email", "--date", "2017-04-02"],
            "2017-04-02 is after today (2017-04-01)",
        ),
        (
            &[
                "history",
                "--kind",
                "email",
                "--action",
                "history/2017/nope",
            ],
            "plan history/2017 has no action `nope` [bad-reference]",
        ),
        (
            &["history", "--kind", "email", "--follow-up", "2017-03-01"],
            "follow-up 2017-03-01 is before the interaction on 2017-04-01 [date-order]",
        ),
        (
            &[
                "chemistry",
                "--kind",
                "email",
                "--date",
                "2016-05-01",
                "--theme",
                "nope",
            ],
            "interactions/2016/chemistry.toml invalid, so nothing was written",
        ),
    ];
    for (args, message) in cases {
        aplan(repo.path())
            .arg("log")
            .args(*args)
            .args(["--by", "jsmith", "--summary", "Refused"])
            .assert()
            .code(2)
            .stderr(contains(*message));
    }
    aplan(repo.path())
        .args(["log", "history", "--kind", "email", "--summary", "Nobody"])
        .assert()
        .code(2)
        .stderr(contains("--by ID, or set APLAN_USER"));
    assert_eq!(read(repo.path(), HISTORY), before);
    assert!(!repo.path().join("interactions/2016").exists());
}

/// A file that already has errors is not built on.
#[test]
fn a_file_with_errors_is_refused() {
    let repo = repo();
    let broken = read(repo.path(), HISTORY).replace("kind = \"email\"", "kind = \"emial\"");
    fs::write(repo.path().join(HISTORY), &broken).unwrap();
    aplan(repo.path())
        .args(["log", "history", "--kind", "email", "--by", "jsmith", "--summary", "x"])
        .assert()
        .code(2)
        .stderr(contains(
            "interactions/2017/history.toml does not validate, so the interaction cannot be logged: line 3:",
        ));
    assert_eq!(read(repo.path(), HISTORY), broken);
}

/// Runs started together on one file each add their entry, because each takes the
/// repository's lock and reads the file only then.
#[test]
fn concurrent_logs_lose_nothing() {
    let repo = repo();
    const RUNS: usize = 8;
    let children: Vec<_> = (0..RUNS)
        .map(|i| {
            Command::new(assert_cmd::cargo::cargo_bin("aplan"))
                .current_dir(repo.path())
                .env("APLAN_TODAY", TODAY)
                .env("APLAN_USER", "jsmith")
                .args(["log", "history", "--kind", "enquiry"])
                .args(["--summary", &format!("concurrent enquiry {i}")])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let after = read(repo.path(), HISTORY);
    for i in 0..RUNS {
        assert_eq!(
            after
                .matches(&format!("summary = \"concurrent enquiry {i}\""))
                .count(),
            1,
            "enquiry {i} lost or doubled:\n{after}"
        );
    }
    aplan(repo.path()).arg("validate").assert().success();
}
