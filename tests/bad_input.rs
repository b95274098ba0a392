//! Hostile and broken files: each gets a clear finding naming the file, every other file
//! is still checked, and nothing panics or hangs.

mod common;

use std::fs;
use std::path::Path;

use common::{aplan, findings, repo_with, validate_json};

/// A plan with a misspelt owner, so each test can see that other files were still checked.
fn add_other_broken_plan(root: &Path) {
    let path = root.join("plans/2017/chemistry.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        path,
        text.replace("owner = \"bjones\"", "owner = \"bjnoes\""),
    )
    .unwrap();
}

const OTHER: &str = "unknown-staff plans/2017/chemistry.toml:15:9";

/// Writes `bytes` as `plans/2017/history.toml` next to the other broken plan, validates,
/// and returns the findings.
fn findings_for_history(bytes: &[u8]) -> Vec<String> {
    let repo = repo_with(None);
    add_other_broken_plan(repo.path());
    fs::write(repo.path().join("plans/2017/history.toml"), bytes).unwrap();
    let (code, json) = validate_json(repo.path(), &[]);
    let found = findings(&json);
    assert!(
        found.contains(&OTHER.to_owned()),
        "other files not checked: {found:?}"
    );
    assert_eq!(code, 1, "{found:?}");
    found
}

fn assert_has(found: &[String], expected: &str) {
    assert!(
        found.iter().any(|f| f == expected),
        "expected `{expected}` in {found:#?}"
    );
}

#[test]
fn a_file_that_is_not_utf8_points_at_the_bad_byte() {
    let found = findings_for_history(b"department = \"history\"\ntitle = \"Caf\xe9\"\n");
    assert_has(&found, "not-utf8 plans/2017/history.toml:2:13");
}

#[test]
fn an_empty_file() {
    let found = findings_for_history(b"");
    assert_has(&found, "empty-file plans/2017/history.toml");
}

#[test]
fn a_file_of_only_whitespace_and_a_byte_order_mark_is_empty() {
    let found = findings_for_history("\u{feff}\r\n  \n".as_bytes());
    assert_has(&found, "empty-file plans/2017/history.toml");
}

#[test]
fn a_file_over_one_mebibyte() {
    let mut big = b"department = \"history\"\n".to_vec();
    big.resize(1024 * 1024 + 1, b' ');
    let found = findings_for_history(&big);
    assert_has(&found, "file-too-large plans/2017/history.toml");
}

#[test]
fn a_binary_file() {
    let found = findings_for_history(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    assert_has(&found, "binary-file plans/2017/history.toml");
}

#[test]
fn a_file_of_nul_bytes() {
    let found = findings_for_history(&[0; 4096]);
    assert_has(&found, "binary-file plans/2017/history.toml");
}

#[test]
fn a_hundred_thousand_nested_arrays() {
    let text = format!(
        "department = {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let found = findings_for_history(text.as_bytes());
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("toml-syntax plans/2017/history.toml:1:")),
        "{found:?}"
    );
}

#[test]
fn a_year_written_as_a_string() {
    let text = fs::read_to_string(common::fixtures().join("base/plans/2017/history.toml"))
        .unwrap()
        .replace("year = 2017", "year = \"2017\"");
    let found = findings_for_history(text.as_bytes());
    assert_has(&found, "wrong-type plans/2017/history.toml:2:8");
}

#[test]
fn a_date_that_is_not_in_the_calendar() {
    let text = fs::read_to_string(common::fixtures().join("base/plans/2017/history.toml"))
        .unwrap()
        .replace("date = 2017-03-14", "date = 2017-02-30");
    let found = findings_for_history(text.as_bytes());
    assert_has(&found, "invalid-date plans/2017/history.toml:6:8");
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_fine() {
    let text = fs::read_to_string(common::fixtures().join("base/plans/2017/history.toml"))
        .unwrap()
        .replace('\n', "\r\n")
        .replace("owner = \"jsmith\"", "owner = \"jsmtih\"");
    let found = findings_for_history(format!("\u{feff}{text}").as_bytes());
    // Only the planted mistake, at the line and column an editor shows.
    assert_eq!(
        found,
        [OTHER, "unknown-staff plans/2017/history.toml:29:9"],
        "{found:?}"
    );
}

#[test]
fn a_symlink_loop_under_plans() {
    let repo = repo_with(None);
    add_other_broken_plan(repo.path());
    let year = repo.path().join("plans/2017");
    std::os::unix::fs::symlink("loop-b.toml", year.join("loop-a.toml")).unwrap();
    std::os::unix::fs::symlink("loop-a.toml", year.join("loop-b.toml")).unwrap();
    std::os::unix::fs::symlink("../..", year.join("up")).unwrap();
    let (code, json) = validate_json(repo.path(), &[]);
    let found = findings(&json);
    assert_has(&found, "bad-symlink plans/2017/loop-a.toml");
    assert_has(&found, "bad-symlink plans/2017/loop-b.toml");
    assert_has(&found, OTHER);
    assert_eq!(code, 1);
}

#[test]
fn a_symlink_out_of_the_repository_is_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("secret.toml"),
        "department = \"history\"\n",
    )
    .unwrap();
    let repo = repo_with(None);
    std::os::unix::fs::symlink(
        outside.path().join("secret.toml"),
        repo.path().join("plans/2017/music.toml"),
    )
    .unwrap();
    let (_, json) = validate_json(repo.path(), &[]);
    assert_eq!(findings(&json), ["bad-symlink plans/2017/music.toml"]);
}

#[test]
fn a_folder_under_plans_that_is_not_a_year() {
    let repo = repo_with(None);
    add_other_broken_plan(repo.path());
    fs::create_dir(repo.path().join("plans/drafts")).unwrap();
    fs::write(repo.path().join("plans/drafts/x.toml"), "not = [toml").unwrap();
    let (_, json) = validate_json(repo.path(), &[]);
    assert_eq!(findings(&json), [OTHER, "not-a-year plans/drafts"]);
}

#[test]
fn a_fifo_named_like_a_plan_does_not_hang() {
    let repo = repo_with(None);
    let fifo = repo.path().join("plans/2017/music.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(findings(&json), ["unreadable-file plans/2017/music.toml"]);
    assert_eq!(code, 1);
}

#[test]
fn a_config_that_names_staff_it_does_not_define() {
    let repo = repo_with(None);
    add_other_broken_plan(repo.path());
    let config = repo.path().join("aplan.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        text.replace("liaison = \"bjones\"", "liaison = \"kwhite\""),
    )
    .unwrap();
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(findings(&json), ["unknown-staff aplan.toml:31:11", OTHER]);
    assert_eq!(code, 1);
}

#[test]
fn a_config_that_is_not_toml_still_lets_plans_be_read() {
    let repo = repo_with(None);
    add_other_broken_plan(repo.path());
    fs::write(repo.path().join("aplan.toml"), "[library\nname = 1").unwrap();
    let (code, json) = validate_json(repo.path(), &[]);
    let found = findings(&json);
    assert!(
        found[0].starts_with("toml-syntax aplan.toml:1:"),
        "{found:?}"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_config_that_is_a_folder_cannot_run() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("aplan.toml")).unwrap();
    aplan(dir.path())
        .args(["--root", ".", "validate"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("aplan.toml is not a file"));
}
