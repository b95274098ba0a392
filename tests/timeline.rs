//! `aplan timeline`: deadlines worked out from the meeting, late flags on a given day, and
//! the table, JSON and iCalendar formats.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{aplan, repo_with};
use predicates::str::contains;

/// The base repository (history met on 2017-03-14, sent on 03-07, not finalised) with a
/// chemistry meeting on 2017-04-20 not yet sent, its action due on 2017-05-31, and a
/// physics department with no plan.
fn repo() -> tempfile::TempDir {
    let repo = repo_with(None);
    let config = repo.path().join("aplan.toml");
    let mut text = fs::read_to_string(&config).unwrap();
    text.push_str(
        "\n[[departments]]\nid = \"physics\"\nname = \"Department of Physics\"\nliaison = \"bjones\"\n",
    );
    fs::write(&config, text).unwrap();
    let plan = repo.path().join("plans/2017/chemistry.toml");
    let text = fs::read_to_string(&plan).unwrap();
    let text = text.replace(
        "status = \"proposed\"",
        "due = 2017-05-31\nstatus = \"proposed\"",
    );
    fs::write(&plan, format!("{text}\n[meeting]\ndate = 2017-04-20\n")).unwrap();
    repo
}

fn timeline(dir: &Path, args: &[&str]) -> serde_json::Value {
    let output = aplan(dir)
        .args(["timeline", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Each department as `department: late [..], next step by date`.
fn summary(dir: &Path, today: &str) -> Vec<String> {
    let json = timeline(dir, &["--today", today]);
    json.as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let late: Vec<&str> = row["late"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap())
                .collect();
            let next = match &row["next"] {
                serde_json::Value::Null => "done".to_owned(),
                next => format!(
                    "{} by {}",
                    next["step"].as_str().unwrap(),
                    next["by"].as_str().unwrap_or("-")
                ),
            };
            format!(
                "{}: late [{}], {next}",
                row["department"].as_str().unwrap(),
                late.join(", ")
            )
        })
        .collect()
}

#[test]
fn deadlines_come_from_the_meeting_and_the_process_settings() {
    let repo = repo();
    let json = timeline(repo.path(), &[]);
    let history = &json[1];
    assert_eq!(history["department"], "history");
    assert_eq!(history["meeting"], "2017-03-14");
    assert_eq!(history["send_by"], "2017-03-07");
    assert_eq!(history["finalise_by"], "2017-03-21");
    let chemistry = &json[0];
    assert_eq!(chemistry["send_by"], "2017-04-13");
    assert_eq!(chemistry["finalise_by"], "2017-04-27");

    // Other settings move the deadlines.
    let config = repo.path().join("aplan.toml");
    let text = fs::read_to_string(&config).unwrap();
    let text = text.replacen(
        "[[staff]]",
        "[process]\nsend_days_before = 10\nfinalise_within_days = 3\n\n[[staff]]",
        1,
    );
    fs::write(&config, text).unwrap();
    let json = timeline(repo.path(), &[]);
    assert_eq!(json[0]["send_by"], "2017-04-10");
    assert_eq!(json[0]["finalise_by"], "2017-04-23");
}

#[test]
fn late_flags_follow_today() {
    let repo = repo();
    let dir = repo.path();
    assert_eq!(
        summary(dir, "2017-03-20"),
        [
            "chemistry: late [], send by 2017-04-13",
            "history: late [], finalise by 2017-03-21",
            "physics: late [], create-plan by -",
        ]
    );
    // The deadline day itself is not late; the day after is.
    assert_eq!(
        summary(dir, "2017-03-21")[1],
        "history: late [], finalise by 2017-03-21"
    );
    assert_eq!(
        summary(dir, "2017-03-22")[1],
        "history: late [finalise], finalise by 2017-03-21"
    );
    assert_eq!(
        summary(dir, "2017-04-13")[0],
        "chemistry: late [], send by 2017-04-13"
    );
    assert_eq!(
        summary(dir, "2017-04-14")[0],
        "chemistry: late [send], send by 2017-04-13"
    );
    // On the meeting day the plan should still have gone out. After it, a draft asks for
    // the record of what happened (see docs/cycle.md), rather than growing late for ever.
    assert_eq!(
        summary(dir, "2017-04-20")[0],
        "chemistry: late [send], send by 2017-04-13"
    );
    assert_eq!(
        summary(dir, "2017-04-21")[0],
        "chemistry: late [], record-sent by -"
    );
    assert_eq!(
        summary(dir, "2017-06-28")[0],
        "chemistry: late [], record-sent by -"
    );
}

#[test]
fn sent_met_and_finalised_plans_move_on() {
    let repo = repo();
    let plan = repo.path().join("plans/2017/chemistry.toml");
    let text = fs::read_to_string(&plan).unwrap();
    fs::write(&plan, format!("{text}sent = 2017-04-12\n")).unwrap();
    assert_eq!(
        summary(repo.path(), "2017-04-14")[0],
        "chemistry: late [], meet by 2017-04-20"
    );
    let history = repo.path().join("plans/2017/history.toml");
    let text = fs::read_to_string(&history).unwrap();
    fs::write(
        &history,
        text.replace(
            "sent = 2017-03-07",
            "sent = 2017-03-07\nfinalised = 2017-03-24",
        ),
    )
    .unwrap();
    assert_eq!(
        summary(repo.path(), "2017-04-14")[1],
        "history: late [], done"
    );
}

#[test]
fn no_plan_no_meeting_and_plans_with_errors_are_listed() {
    let repo = repo_with(None);
    let plan = repo.path().join("plans/2017/history.toml");
    let text = fs::read_to_string(&plan).unwrap();
    fs::write(
        &plan,
        text.replace("owner = \"jsmith\"", "owner = \"nobody\""),
    )
    .unwrap();
    assert_eq!(
        summary(repo.path(), "2017-04-01"),
        [
            "chemistry: late [], book-meeting by -",
            "history: late [], fix-plan by -",
        ]
    );
}

#[test]
fn within_keeps_what_needs_attention_soon() {
    let repo = repo();
    let departments = |args: &[&str]| -> Vec<String> {
        timeline(repo.path(), args)
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row["department"].as_str().unwrap().to_owned())
            .collect()
    };
    let today = ["--today", "2017-04-01"];
    assert_eq!(
        departments(&[&today[..], &["--within", "14"]].concat()),
        ["chemistry", "history", "physics"]
    );
    // Chemistry's deadline (2017-04-13) is further off than 5 days.
    assert_eq!(
        departments(&[&today[..], &["--within", "5"]].concat()),
        ["history", "physics"]
    );
    aplan(repo.path())
        .args(["timeline", "--year", "2016", "--within", "30"])
        .assert()
        .success()
        .stdout(
            "department  status   meeting  sent  finalised  next                         by  late\n\
             chemistry   no plan                            create the plan (aplan new)\n\
             physics     no plan                            create the plan (aplan new)\n",
        );
    aplan(repo.path())
        .args(["timeline", "--year", "2015"])
        .assert()
        .code(2)
        .stderr(contains(
            "there are no plans for 2015; years with plans: 2016, 2017",
        ));
}

#[test]
fn table_output() {
    let repo = repo();
    let output = aplan(repo.path()).arg("timeline").output().unwrap();
    assert!(output.status.success());
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn json_output() {
    let repo = repo();
    let output = aplan(repo.path())
        .args(["timeline", "--format", "json"])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

fn ics(dir: &Path, args: &[&str]) -> String {
    let output = aplan(dir)
        .args(["timeline", "--format", "ics"])
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn ics_uids_name_the_library_so_two_calendars_never_collide() {
    // Two libraries' calendars imported into one calendar program must keep their own
    // events: the UID carries the library's name as well as the reference.
    let repo = repo();
    let first = ics(repo.path(), &[]);
    let config = repo.path().join("aplan.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        text.replace("Fixture University Library", "Other College Library"),
    )
    .unwrap();
    let second = ics(repo.path(), &[]);
    let uids = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.trim_end().strip_prefix("UID:").map(str::to_owned))
            .collect()
    };
    assert!(
        uids(&first).contains(&"history/2017/meeting@fixture-university-library.aplan".to_owned())
    );
    assert!(uids(&second).contains(&"history/2017/meeting@other-college-library.aplan".to_owned()));
    assert!(uids(&first).iter().all(|u| !uids(&second).contains(u)));
    assert!(first.contains("DTSTAMP:20000101T000000Z"));
}

#[test]
fn ics_output() {
    let repo = repo();
    insta::assert_snapshot!(ics(repo.path(), &["--with-actions"]));
}

#[test]
fn ics_is_rfc_5545_shaped_and_reproducible() {
    let repo = repo();
    let text = ics(repo.path(), &["--with-actions"]);
    assert_eq!(
        text,
        ics(repo.path(), &["--with-actions", "--today", "2019-01-01"])
    );
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert!(
        lines.iter().all(|l| !l.contains('\n') && l.len() <= 75),
        "{text}"
    );
    let uids: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("UID:"))
        .collect();
    let mut unique = uids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), uids.len());
    assert!(uids.contains(&"history/2017/meeting@fixture-university-library.aplan"));
    assert!(uids.contains(&"history/2017/finalise-by@fixture-university-library.aplan"));
    assert!(uids.contains(&"chemistry/2017/send-by@fixture-university-library.aplan"));
    // Active actions with a due date; year1-lists is done.
    let due: Vec<&&str> = uids
        .iter()
        .filter(|u| u.ends_with("/due@fixture-university-library.aplan"))
        .collect();
    assert_eq!(
        due,
        [&"chemistry/2017/oa-workshop/due@fixture-university-library.aplan"]
    );
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20170314"));
    assert!(lines.contains(&"DTEND;VALUE=DATE:20170315"));
    assert!(
        lines
            .iter()
            .filter(|l| l.starts_with("DTSTAMP:"))
            .all(|l| *l == "DTSTAMP:20000101T000000Z")
    );
}

/// The ICS parses with Python's icalendar package when it is installed; `.ci/run`
/// installs it, so CI always runs this check.
#[test]
fn ics_parses_with_an_independent_parser() {
    let Some(python) = ["python3", "/usr/bin/python3"].into_iter().find(|p| {
        Command::new(p)
            .args(["-c", "import icalendar"])
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("skipped: Python's icalendar package is not installed");
        }
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = repo();
    for (dir, min) in [(repo.path(), "6"), (root, "40")] {
        let file = tempfile::NamedTempFile::new().unwrap();
        fs::write(
            file.path(),
            ics(dir, &["--with-actions", "--today", "2017-04-10"]),
        )
        .unwrap();
        let output = Command::new(python)
            .arg(root.join("tests/check_ics.py"))
            .arg(file.path())
            .arg(min)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn the_bundled_repository_has_a_timeline() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let json = timeline(root, &["--today", "2017-04-10"]);
    assert_eq!(json.as_array().unwrap().len(), 13);
}

/// `--with-actions` only means something in a calendar; elsewhere it would be ignored
/// without a word.
#[test]
fn with_actions_needs_the_calendar_format() {
    let repo = common::repo_with(None);
    common::aplan(repo.path())
        .args(["timeline", "--with-actions"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("use it with --format ics"));
}

/// Open follow-ups of the year's interactions are in the table and the calendar; a settled
/// one is in neither (tests/fixtures/activity, on 2017-04-01).
#[test]
fn open_follow_ups_are_in_the_table_and_the_calendar() {
    let repo = common::repo_with(Some(&common::fixtures().join("activity")));
    let output = common::aplan(repo.path())
        .args(["timeline"])
        .output()
        .unwrap();
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(table.contains("Open follow-ups:"), "{table}");
    assert!(
        table.contains(
            "2017-03-01  overdue  history     2017-02-14  teaching  Archives session for HIS2050"
        ),
        "{table}"
    );
    assert!(!table.contains("2016-10-20"), "settled: {table}");
    let output = common::aplan(repo.path())
        .args(["timeline", "--format", "ics"])
        .output()
        .unwrap();
    // Lines longer than 75 octets are folded: read them unfolded.
    let ics = String::from_utf8(output.stdout)
        .unwrap()
        .replace("\r\n ", "");
    for uid in [
        "UID:history/follow-up/2017-02-14/2017-03-01@fixture-university-library.aplan",
        "UID:history/follow-up/2017-03-20/2017-04-10@fixture-university-library.aplan",
        "UID:chemistry/follow-up/2016-12-15/2017-01-15@fixture-university-library.aplan",
    ] {
        assert!(ics.contains(uid), "{uid} not in:\n{ics}");
    }
    assert!(
        ics.contains("SUMMARY:Follow up: Archives session for HIS2050 (Department of History)")
    );
    assert!(!ics.contains("2016-10-20@aplan"), "settled: {ics}");
    // Within a week, the follow-up of 2017-05-30 is left out of the table.
    let output = common::aplan(repo.path())
        .args(["timeline", "--within", "7"])
        .output()
        .unwrap();
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(!table.contains("2017-05-30"), "{table}");
    assert!(table.contains("2017-03-01  overdue"), "{table}");
}
