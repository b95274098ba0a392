//! `aplan digest`: what happened with a department's plan, for its Library Rep, on a
//! fixture whose every action and interaction holds one known answer (see
//! tests/fixtures/digest/plans/2017/history.toml). The tests' today is 2017-04-01, and the
//! meeting was on 2017-03-14, so the period runs from 2017-03-15.

mod common;

use std::fs;
use std::path::Path;

use common::{aplan, fixtures, repo_with};
use predicates::str::contains;
use tempfile::TempDir;

fn repo() -> TempDir {
    repo_with(Some(&fixtures().join("digest")))
}

fn digest(dir: &Path, args: &[&str]) -> String {
    let output = aplan(dir).arg("digest").args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The Markdown section under `## heading`, up to the next one.
fn section<'a>(markdown: &'a str, heading: &str) -> &'a str {
    let start = markdown
        .find(&format!("## {heading}\n"))
        .unwrap_or_else(|| panic!("no section {heading} in:\n{markdown}"));
    let body = &markdown[start..];
    let end = body[3..].find("\n## ").map_or(body.len(), |i| i + 4);
    body[..end].trim_end()
}

#[test]
fn the_markdown_digest_is_as_reviewed() {
    let repo = repo();
    insta::assert_snapshot!(digest(repo.path(), &["history"]));
}

#[test]
fn done_overdue_and_due_soon_are_exact() {
    let repo = repo();
    let text = digest(repo.path(), &["history"]);
    assert_eq!(
        section(&text, "Done"),
        "## Done\n\n- Subject guide to digitised sources (Jane Smith)"
    );
    assert_eq!(
        section(&text, "Overdue"),
        "## Overdue\n\n- Review short loan periods (Ben Jones): due 31 March 2017, agreed"
    );
    assert_eq!(
        section(&text, "Due in the next 60 days"),
        "## Due in the next 60 days\n\n- Review Year 1 reading lists with module leaders (Jane Smith): due 15 May 2017, in progress"
    );
}

#[test]
fn updates_before_the_period_are_left_out() {
    let repo = repo();
    let text = digest(repo.path(), &["history"]);
    assert!(text.contains("10 of 20 lists reviewed"), "{text}");
    assert!(!text.contains("before the meeting"), "{text}");
    assert!(!text.contains("Sent the draft plan"), "{text}");
    // From 2017-03-21, the update of the 20th is before the period, that of the 25th in it.
    let text = digest(repo.path(), &["history", "--since", "2017-03-21"]);
    assert!(!text.contains("10 of 20 lists reviewed"), "{text}");
    assert!(text.contains("Guide published"), "{text}");
    assert!(text.contains("since 21 March 2017"), "{text}");
}

/// A private interaction is listed by its summary, never with its detail, in any format.
#[test]
fn private_detail_never_leaves_the_repository() {
    let repo = repo();
    for format in ["md", "html", "eml"] {
        let text = digest(repo.path(), &["history", "--format", format]);
        assert!(
            text.contains("Catch-up with the head of department"),
            "{format}"
        );
        assert!(!text.contains("leave"), "{format}: {text}");
        assert!(!text.contains("announced"), "{format}: {text}");
    }
    let text = digest(repo.path(), &["history"]);
    assert!(text.contains("The group asked for a second session."));
}

#[test]
fn the_message_is_the_same_on_every_run() {
    let repo = repo();
    let first = digest(repo.path(), &["history", "--format", "eml"]);
    let second = digest(repo.path(), &["history", "--format", "eml"]);
    assert_eq!(first, second);
    let headers = &first[..first.find("\r\n\r\n").unwrap()];
    assert!(headers.contains("To: \"Dr Ben Rep\" <ben.rep@example.ac.uk>\r\n"));
    assert!(headers.contains("Date: Sat, 1 Apr 2017 00:00:00 +0000\r\n"));
    assert!(headers.contains("Content-Type: multipart/alternative;"));
    assert!(headers.contains("X-Unsent: 1\r\n"));
}

#[test]
fn no_library_rep_is_a_warning_and_the_role_is_addressed() {
    let repo = repo();
    aplan(repo.path())
        .args(["digest", "chemistry", "--always"])
        .assert()
        .success()
        .stdout(contains("Dear Library Representative,"))
        .stderr(contains(
            "warning: chemistry has no Library Rep in contacts/chemistry.toml",
        ));
    let message = digest(repo.path(), &["chemistry", "--always", "--format", "eml"]);
    assert!(
        message.contains("To: \"Library Representative\":;\r\n"),
        "{message}"
    );
}

#[test]
fn nothing_to_report_is_one_line_and_no_file() {
    let repo = repo();
    aplan(repo.path())
        .args(["digest", "chemistry"])
        .assert()
        .success()
        .stdout(
            "nothing to report for chemistry since the 2017 planning year began: no action updates or interactions\n",
        );
    aplan(repo.path())
        .args(["digest", "chemistry", "-o", "chemistry.md"])
        .assert()
        .success()
        .stdout("")
        .stderr(contains("nothing to report for chemistry"));
    assert!(!repo.path().join("chemistry.md").exists());
}

#[test]
fn since_after_today_is_refused() {
    let repo = repo();
    aplan(repo.path())
        .args(["digest", "history", "--since", "2017-04-02"])
        .assert()
        .code(2)
        .stderr(contains("--since 2017-04-02 is after today (2017-04-01)"));
}

/// The format comes from `-o`'s extension as `render`'s does: `.htm` is a page, and a file
/// named for a format the digest has none of is refused rather than written as Markdown.
#[test]
fn the_format_comes_from_the_file_and_an_unknown_extension_is_refused() {
    let repo = repo();
    aplan(repo.path())
        .args(["digest", "history", "-o", "digest.htm"])
        .assert()
        .success();
    let page = fs::read_to_string(repo.path().join("digest.htm")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    aplan(repo.path())
        .args(["digest", "history", "-o", "digest.pdf"])
        .assert()
        .code(2)
        .stderr(contains(
            "aplan cannot write .pdf documents; name the file .md, .html or .eml, or choose the format with --format md|html|eml",
        ));
    assert!(!repo.path().join("digest.pdf").exists());
}

#[test]
fn an_unknown_department_names_the_nearest() {
    let repo = repo();
    aplan(repo.path())
        .args(["digest", "histroy"])
        .assert()
        .code(2)
        .stderr(contains("did you mean `history`?"));
}

/// `--record` logs a `digest` interaction through the validated edit, and the next digest
/// starts the day after it.
#[test]
fn recording_moves_the_next_period_on() {
    let repo = repo();
    let path = repo.path().join("interactions/2017/history.toml");
    let before = fs::read_to_string(&path).unwrap();
    aplan(repo.path())
        .args(["digest", "history", "--record", "-o", "digest.md"])
        .assert()
        .success()
        .stderr(contains(
            "logged digest with history on 2017-04-01 (interactions/2017/history.toml)",
        ));
    assert!(repo.path().join("digest.md").exists());
    let after = fs::read_to_string(&path).unwrap();
    assert_eq!(
        after,
        format!(
            "{before}\n[[interactions]]\ndate = 2017-04-01\nkind = \"digest\"\nby = [\"jsmith\"]\nwith = [\"brep\"]\nsummary = \"Sent the library update for 15 March 2017 to 1 April 2017 to Dr Ben Rep\"\n"
        )
    );
    aplan(repo.path()).arg("validate").assert().success();
    aplan(repo.path())
        .args(["digest", "history"])
        .assert()
        .success()
        .stdout(
            "nothing to report for history since the last update, sent on 1 April 2017: no action updates or interactions\n",
        );
    // The next day's update is the next digest's news.
    aplan(repo.path())
        .args(["update", "history/2017/loan-review", "--by", "bjones"])
        .args(["--note", "Loan periods reviewed", "--date", "2017-04-01"])
        .assert()
        .success();
    let text = digest(repo.path(), &["history", "--since", "2017-04-01"]);
    assert!(text.contains("Loan periods reviewed"), "{text}");
}

#[test]
fn every_department_into_a_folder() {
    let repo = repo();
    aplan(repo.path())
        .args(["digest", "--all", "--out", "digests", "--format", "html"])
        .assert()
        .success()
        .stderr(contains("nothing to report for chemistry"))
        .stderr(contains("wrote 1 digest to digests"));
    let page = fs::read_to_string(repo.path().join("digests/history.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!repo.path().join("digests/chemistry.html").exists());
    // Written once, the folder's files are not overwritten without --force.
    aplan(repo.path())
        .args(["digest", "--all", "--out", "digests", "--format", "html"])
        .assert()
        .code(2)
        .stderr(contains("already exists; use --force"));
}

#[test]
fn record_without_digest_among_the_kinds_is_refused_before_anything_is_written() {
    let repo = repo();
    let config = repo.path().join("aplan.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        format!("{text}\n[crm]\nkinds = [\"email\", \"meeting\", \"teaching\"]\n"),
    )
    .unwrap();
    aplan(repo.path())
        .args(["digest", "history", "--record", "-o", "digest.md"])
        .assert()
        .code(2)
        .stderr(contains("add `digest` to [crm] kinds in aplan.toml"));
    assert!(!repo.path().join("digest.md").exists());
}
