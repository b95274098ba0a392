//! `aplan update`: an entry appended in place, every other byte kept, nothing written on
//! any error, and concurrent updates both kept.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{aplan, fixtures, repo_with};
use predicates::str::contains;

const PLAN: &str = "plans/2017/chemistry.toml";

/// The base repository with a chemistry plan full of comments and odd spacing.
fn repo() -> tempfile::TempDir {
    repo_with(Some(&fixtures().join("update")))
}

fn read(dir: &Path) -> String {
    fs::read_to_string(dir.join(PLAN)).unwrap()
}

/// `before` with `entry` inserted right after the first line that is `anchor`.
fn inserted_after(before: &str, anchor: &str, entry: &str) -> String {
    let start = before
        .find(anchor)
        .unwrap_or_else(|| panic!("`{anchor}` is not in the plan"));
    let end = start + anchor.len();
    format!("{}{entry}{}", &before[..end], &before[end..])
}

const ENTRY: &str = "\n[[actions.updates]]\ndate = 2017-04-01\nby = \"bjones\"\nstatus = \"in-progress\"\nnote = \"Room booked for 3 May\"\n";

#[test]
fn the_file_after_is_the_file_before_plus_the_entry() {
    let repo = repo();
    let before = read(repo.path());
    aplan(repo.path())
        .args(["update", "chemistry/2017/oa-workshop", "--note", "Room booked for 3 May"])
        .args(["--status", "in-progress", "--by", "bjones"])
        .assert()
        .success()
        .stdout("updated chemistry/2017/oa-workshop (plans/2017/chemistry.toml): 2017-04-01, status in-progress\n");
    let expected = inserted_after(&before, "Booked the room.\"\"\"   \n", ENTRY);
    assert_eq!(read(repo.path()), expected);
    aplan(repo.path())
        .args(["validate", "--deny-warnings"])
        .assert()
        .success();
}

#[test]
fn an_action_without_updates_gets_its_first_before_the_closing_comment() {
    let repo = repo();
    let before = read(repo.path());
    aplan(repo.path())
        .env("APLAN_USER", "bjones")
        .args(["update", "chemistry/2017/apc-guide", "--note", "Drafted"])
        .args(["--date", "2017-03-30"])
        .assert()
        .success();
    let entry = "\n[[actions.updates]]\ndate = 2017-03-30\nby = \"bjones\"\nnote = \"Drafted\"\n";
    assert_eq!(
        read(repo.path()),
        inserted_after(&before, "status=\"proposed\"\n", entry)
    );
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_kept() {
    let repo = repo();
    let crlf = format!("\u{feff}{}", read(repo.path()).replace('\n', "\r\n"));
    fs::write(repo.path().join(PLAN), &crlf).unwrap();
    aplan(repo.path())
        .args([
            "update",
            "chemistry/2017/oa-workshop",
            "--note",
            "Room booked for 3 May",
        ])
        .args(["--status", "in-progress", "--by", "bjones"])
        .assert()
        .success();
    let expected = inserted_after(
        &crlf,
        "Booked the room.\"\"\"   \r\n",
        &ENTRY.replace('\n', "\r\n"),
    );
    assert_eq!(read(repo.path()), expected);
}

#[test]
fn every_bundled_plan_takes_an_update_without_other_changes() {
    // The bundled plans are what people's files look like; each gets an update on its
    // first action, and removing the entry again must give the original bytes.
    let repo = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::copy(root.join("aplan.toml"), repo.path().join("aplan.toml")).unwrap();
    common::copy_tree(&root.join("plans"), &repo.path().join("plans"));
    for year in ["2016", "2017"] {
        let mut names: Vec<_> = fs::read_dir(repo.path().join("plans").join(year))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for path in names {
            let before = fs::read_to_string(&path).unwrap();
            let department = path.file_stem().unwrap().to_str().unwrap();
            let first: toml::Table = toml::from_str(&before).unwrap();
            let id = first["actions"][0]["id"].as_str().unwrap().to_owned();
            aplan(repo.path())
                .args(["update", &format!("{department}/{year}/{id}")])
                .args(["--note", "checked", "--by", "hpatel"])
                .assert()
                .success();
            let after = fs::read_to_string(&path).unwrap();
            let entry =
                "\n[[actions.updates]]\ndate = 2017-04-01\nby = \"hpatel\"\nnote = \"checked\"\n";
            assert_eq!(after.matches(entry).count(), 1, "{}", path.display());
            assert_eq!(after.replacen(entry, "", 1), before, "{}", path.display());
        }
    }
    aplan(repo.path()).arg("validate").assert().success();
}

/// Runs `aplan update` and checks it failed with `message`, leaving the plan as it was.
fn refused(args: &[&str], message: &str) {
    let repo = repo();
    let before = read(repo.path());
    aplan(repo.path())
        .arg("update")
        .args(args)
        .assert()
        .code(2)
        .stderr(contains(message));
    assert_eq!(read(repo.path()), before);
}

#[test]
fn an_unknown_reference_names_the_nearest() {
    refused(
        &["chemistry/2017/oa-workshp", "--note", "x", "--by", "bjones"],
        "no action `chemistry/2017/oa-workshp`; the nearest are: chemistry/2017/oa-workshop",
    );
}

#[test]
fn a_bad_status_names_the_allowed_ones() {
    refused(
        &[
            "chemistry/2017/oa-workshop",
            "--note",
            "x",
            "--by",
            "bjones",
            "--status",
            "started",
        ],
        "allowed: `proposed`, `agreed`, `in-progress`, `done`, `dropped`",
    );
}

#[test]
fn a_bad_staff_id_names_the_staff() {
    refused(
        &[
            "chemistry/2017/oa-workshop",
            "--note",
            "x",
            "--by",
            "bjnoes",
        ],
        "`bjnoes` is not a staff id in aplan.toml; did you mean `bjones`? staff ids: bjones, jsmith, mblake",
    );
}

#[test]
fn someone_must_make_the_update() {
    refused(
        &["chemistry/2017/oa-workshop", "--note", "x"],
        "--by ID, or set APLAN_USER",
    );
    refused(
        &[
            "chemistry/2017/oa-workshop",
            "--note",
            "  ",
            "--by",
            "bjones",
        ],
        "the note is empty",
    );
    refused(
        &[
            "chemistry/2017/oa-workshop",
            "--note",
            "x",
            "--by",
            "bjones",
            "--date",
            "2017-13-01",
        ],
        "not a date of the form YYYY-MM-DD",
    );
}

#[test]
fn a_plan_that_does_not_validate_is_refused_with_its_first_error() {
    let repo = repo();
    let path = repo.path().join(PLAN);
    let broken = read(repo.path()).replace("owner=\"bjones\"", "owner=\"nobody\"");
    fs::write(&path, &broken).unwrap();
    aplan(repo.path())
        .args(["update", "chemistry/2017/oa-workshop", "--note", "x", "--by", "bjones"])
        .assert()
        .code(2)
        .stderr(contains(
            "plans/2017/chemistry.toml does not validate, so it cannot be updated: line 34: owner `nobody` is not in aplan.toml [unknown-staff]",
        ));
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);

    // A plan that is not TOML at all has no actions to find; its error is named all the same.
    let garbled = read(repo.path()).replace("id=\"apc-guide\"", "id=\"apc-guide");
    fs::write(&path, &garbled).unwrap();
    aplan(repo.path())
        .args([
            "update",
            "chemistry/2017/apc-guide",
            "--note",
            "x",
            "--by",
            "bjones",
        ])
        .assert()
        .code(2)
        .stderr(contains(
            "does not validate, so it cannot be updated: line 31:",
        ))
        .stderr(contains("[toml-syntax]"));
    assert_eq!(fs::read_to_string(&path).unwrap(), garbled);
}

#[test]
fn a_layout_that_cannot_be_kept_is_refused() {
    let repo = repo();
    let path = repo.path().join(PLAN);
    let inline = "department = \"chemistry\"\nyear = 2017\nstatus = \"draft\"\nactions = [\n  { id = \"x\", title = \"X\", themes = [\"open-access\"], owner = \"bjones\", status = \"agreed\" },\n]\n";
    fs::write(&path, inline).unwrap();
    aplan(repo.path())
        .args([
            "update",
            "chemistry/2017/x",
            "--note",
            "x",
            "--by",
            "bjones",
        ])
        .assert()
        .code(2)
        .stderr(contains("needs them as [[actions]] tables"));
    assert_eq!(fs::read_to_string(&path).unwrap(), inline);
}

/// A write that fails part-way (here: the new file passes a file size limit of 1 KiB) leaves the old
/// file in place and no temporary file behind.
#[test]
fn a_failed_write_leaves_the_old_file() {
    let repo = repo();
    let before = read(repo.path());
    let note = "a long note ".repeat(100);
    let output = Command::new("bash")
        .current_dir(repo.path())
        .env("APLAN_TODAY", common::TODAY)
        .arg("-c")
        .arg(r#"trap '' XFSZ; ulimit -f 1; exec "$0" update chemistry/2017/oa-workshop --note "$1" --by bjones"#)
        .arg(assert_cmd::cargo::cargo_bin("aplan"))
        .arg(&note)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot write"), "{stderr}");
    assert_eq!(read(repo.path()), before);
    let entries = fs::read_dir(repo.path().join("plans/2017"))
        .unwrap()
        .count();
    assert_eq!(entries, 2);
}

/// Regression guard for lost updates: runs started together on one file each add their
/// entry, because each takes the file's lock and reads it only then.
#[test]
fn concurrent_updates_lose_nothing() {
    let repo = repo();
    const RUNS: usize = 8;
    let children: Vec<_> = (0..RUNS)
        .map(|i| {
            Command::new(assert_cmd::cargo::cargo_bin("aplan"))
                .current_dir(repo.path())
                .env("APLAN_TODAY", common::TODAY)
                .env_remove("APLAN_USER")
                .args(["update", "chemistry/2017/oa-workshop", "--by", "bjones"])
                .args(["--note", &format!("concurrent note {i}")])
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
    let after = read(repo.path());
    for i in 0..RUNS {
        assert_eq!(
            after
                .matches(&format!("note = \"concurrent note {i}\""))
                .count(),
            1,
            "note {i} lost or doubled:\n{after}"
        );
    }
    aplan(repo.path()).arg("validate").assert().success();
}

// An update records what happened in its plan's year: one dated before the year began, or
// after today, is a typing mistake that would put the action's log out of order.
#[test]
fn an_update_dated_outside_the_plans_year_is_refused() {
    let update = |date: &'static str| {
        [
            "chemistry/2017/oa-workshop",
            "--note",
            "x",
            "--by",
            "bjones",
            "--date",
            date,
        ]
    };
    refused(
        &update("2015-01-01"),
        "error: the update is dated 2015-01-01, before the 2017 plan year starts (2016-10-01); \
         give a --date from 2016-10-01 to 2017-04-01",
    );
    refused(
        &update("2030-01-01"),
        "error: the update is dated 2030-01-01, after today (2017-04-01); an update records \
         what has happened: give --date 2017-04-01 or earlier",
    );
    refused(
        &[
            "--today",
            "2016-05-01",
            "chemistry/2017/oa-workshop",
            "--note",
            "x",
            "--by",
            "bjones",
        ],
        "error: the 2017 plan year starts on 2016-10-01, after today (2016-05-01)",
    );
    // The first day of the year and today itself are inside it.
    for date in ["2016-10-01", "2017-04-01"] {
        let repo = repo();
        aplan(repo.path())
            .args(["update"])
            .args(update(date))
            .assert()
            .success();
    }
}
