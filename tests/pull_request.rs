//! Judging a change rather than the repository's history: `--new-from-rev` and `aplan
//! diff` on real Git repositories built in temporary folders.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command as Process;

use common::{aplan, fixtures, repo_with};
use predicates::prelude::PredicateBooleanExt;
use tempfile::TempDir;

/// Runs git in `dir` as a test author, whatever the machine's Git settings.
fn git(dir: &Path, args: &[&str]) -> String {
    let output = Process::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Test Author",
            "-c",
            "user.email=test@example.org",
        ])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_AUTHOR_NAME", "Test Author")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test Author")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_AUTHOR_DATE", "2017-04-01T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2017-04-01T12:00:00Z")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A Git repository holding `fixture` (a folder under tests/fixtures), committed once.
fn committed(fixture: &str) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&fixtures().join(fixture), dir.path());
    git(dir.path(), &["init", "-q"]);
    commit_all(dir.path(), "The plans as they were");
    dir
}

fn commit_all(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

/// Replaces the first `from` in a file with `to`.
fn edit(dir: &Path, path: &str, from: &str, to: &str) {
    let path = dir.join(path);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{} has no `{from}`", path.display());
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Each finding of `validate --format json` as `code file`.
fn findings(json: &serde_json::Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["code"].as_str().unwrap(),
                d["file"].as_str().unwrap()
            )
        })
        .collect()
}

fn validate_json(dir: &Path, args: &[&str]) -> (i32, serde_json::Value, String) {
    let output = aplan(dir)
        .args(["validate", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}): {}", String::from_utf8_lossy(&output.stderr)));
    (
        output.status.code().unwrap(),
        json,
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn deleting_a_staff_member_fails_with_the_new_findings_only() {
    let repo = committed("base");
    let dir = repo.path();
    // An error already committed in another plan: not this change's doing.
    edit(
        dir,
        "plans/2016/history.toml",
        "status = ",
        "colour = \"red\"\nstatus = ",
    );
    commit_all(dir, "A mistake that is already there");
    edit(
        dir,
        "aplan.toml",
        "[[staff]]\nid = \"bjones\"\nname = \"Ben Jones\"\nrole = \"liaison-librarian\"\n",
        "",
    );

    let (code, json, stderr) = validate_json(dir, &["--new-from-rev", "HEAD"]);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(
        findings(&json),
        [
            "unknown-staff aplan.toml",
            "unknown-staff plans/2017/chemistry.toml",
            "unknown-staff plans/2017/history.toml",
        ]
    );
    assert!(
        stderr.contains("1 finding already at HEAD not shown"),
        "{stderr}"
    );

    // Without the option, the old mistake is reported as well.
    let (code, json, _) = validate_json(dir, &[]);
    assert_eq!(code, 1);
    assert!(findings(&json).contains(&"unknown-key plans/2016/history.toml".to_owned()));
}

#[test]
fn a_finding_that_only_moved_is_not_new() {
    let repo = committed("base");
    let dir = repo.path();
    edit(
        dir,
        "plans/2017/history.toml",
        "owner = \"jsmith\"",
        "owner = \"jsmiht\"",
    );
    commit_all(dir, "A typo");
    // Lines added above the typo move it down; it is the same finding.
    edit(
        dir,
        "plans/2017/history.toml",
        "[context]\n",
        "[context]\nsummary = \"\"\"\nA\nB\n\"\"\"\n",
    );
    let (code, json, stderr) = validate_json(dir, &["--new-from-rev", "HEAD"]);
    assert_eq!(
        (code, findings(&json)),
        (0, Vec::<String>::new()),
        "{stderr}"
    );
}

#[test]
fn a_plans_repository_in_a_folder_of_the_git_repository_is_compared_there() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(
        &fixtures().join("base"),
        &dir.path().join("library/plans-repo"),
    );
    git(dir.path(), &["init", "-q"]);
    commit_all(dir.path(), "Plans in a folder");
    let root = dir.path().join("library/plans-repo");
    edit(
        &root,
        "plans/2017/history.toml",
        "owner = \"jsmith\"",
        "owner = \"nobody\"",
    );
    let (code, json, _) = validate_json(&root, &["--new-from-rev", "HEAD"]);
    assert_eq!(code, 1);
    assert_eq!(findings(&json), ["unknown-staff plans/2017/history.toml"]);
}

#[test]
fn a_revision_without_aplan_toml_makes_every_finding_new() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("README.md"), "Plans to come\n").unwrap();
    git(dir.path(), &["init", "-q"]);
    commit_all(dir.path(), "An empty repository");
    common::copy_tree(&fixtures().join("base"), dir.path());
    edit(
        dir.path(),
        "plans/2017/history.toml",
        "owner = \"jsmith\"",
        "owner = \"nobody\"",
    );
    let (code, json, _) = validate_json(dir.path(), &["--new-from-rev", "HEAD"]);
    assert_eq!(code, 1);
    assert_eq!(findings(&json), ["unknown-staff plans/2017/history.toml"]);
}

#[test]
fn a_merge_conflict_at_the_revision_is_a_finding_there_not_a_crash() {
    let repo = committed("base");
    let dir = repo.path();
    edit(
        dir,
        "plans/2017/history.toml",
        "status = \"met\"",
        "<<<<<<< HEAD\nstatus = \"met\"\n=======\nstatus = \"final\"\n>>>>>>> theirs",
    );
    commit_all(dir, "A conflict committed by mistake");
    let before = fs::read(dir.join("plans/2017/history.toml")).unwrap();
    // The conflict is still there: nothing new.
    let (code, json, _) = validate_json(dir, &["--new-from-rev", "HEAD"]);
    assert_eq!((code, findings(&json)), (0, Vec::<String>::new()));
    // Resolved in the work tree: nothing new either, and the file is left as it is.
    edit(
        dir,
        "plans/2017/history.toml",
        "<<<<<<< HEAD\nstatus = \"met\"\n=======\nstatus = \"final\"\n>>>>>>> theirs",
        "status = \"met\"",
    );
    let resolved = fs::read(dir.join("plans/2017/history.toml")).unwrap();
    let (code, _, _) = validate_json(dir, &["--new-from-rev", "HEAD"]);
    assert_eq!(code, 0);
    assert_ne!(before, resolved);
    assert_eq!(
        fs::read(dir.join("plans/2017/history.toml")).unwrap(),
        resolved
    );
    // Comparing the other way, the conflict is the new finding.
    git(dir, &["stash", "-q"]);
    let (code, json, _) = validate_json(dir, &["--new-from-rev", "HEAD~1"]);
    assert_eq!(code, 1);
    assert_eq!(findings(&json), ["toml-syntax plans/2017/history.toml"]);
}

#[test]
fn an_unknown_revision_is_named_and_exits_2() {
    let repo = committed("base");
    aplan(repo.path())
        .args(["validate", "--new-from-rev", "no-such-branch"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "`no-such-branch` is not a revision of this repository",
        ));
    // Not taken for an option of git.
    aplan(repo.path())
        .args(["validate", "--new-from-rev=--all"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("`--all` is not a revision"));
}

#[test]
fn a_folder_outside_git_exits_2_saying_so() {
    let repo = repo_with(None);
    aplan(repo.path())
        .env("GIT_CEILING_DIRECTORIES", repo.path().parent().unwrap())
        .args(["validate", "--new-from-rev", "HEAD"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("is not inside a Git repository"));
}

#[test]
fn a_shallow_clone_without_the_revision_says_to_fetch_it() {
    let origin = committed("base");
    edit(
        origin.path(),
        "plans/2017/history.toml",
        "status = \"met\"",
        "status = \"met\" # checked",
    );
    commit_all(origin.path(), "A second commit");
    let first = git(origin.path(), &["rev-parse", "HEAD~1"]);
    let clones = tempfile::tempdir().unwrap();
    let url = format!("file://{}", origin.path().display());
    git(
        clones.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let shallow = clones.path().join("shallow");
    for revision in ["HEAD~1", first.trim()] {
        aplan(&shallow)
            .args(["validate", "--new-from-rev", revision])
            .assert()
            .code(2)
            .stdout("")
            .stderr(
                predicates::str::contains("shallow")
                    .and(predicates::str::contains("fetch it: `git fetch --deepen")),
            )
            .stderr(predicates::str::contains("fetch-depth: 0"));
    }
    aplan(&shallow)
        .args(["workload", "--check", "--new-from-rev", "HEAD~1"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("fetch it"));
}

#[test]
fn workload_check_fails_only_on_limits_the_change_breaks() {
    let repo = committed("workload");
    let dir = repo.path();
    // dan, eve and history are over their limits already: a typo fix passes.
    edit(
        dir,
        "plans/2017/physics.toml",
        "Review physics reading lists",
        "Review the physics reading lists",
    );
    aplan(dir)
        .args(["workload", "--check", "--new-from-rev", "HEAD"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("note: 3 broken limits already at HEAD not shown\n");
    aplan(dir).args(["workload", "--check"]).assert().code(1);

    // A lower limit puts bob over it and dan further over.
    edit(
        dir,
        "aplan.toml",
        "max_initiatives_per_librarian = 2",
        "max_initiatives_per_librarian = 1",
    );
    let output = aplan(dir)
        .args(["workload", "--check", "--new-from-rev", "HEAD"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let output = String::from_utf8(output).unwrap();
    assert!(
        output.contains("dan has 3 active initiatives; the limit is 1"),
        "{output}"
    );
    assert!(!output.contains("eve is liaison"), "{output}");
    assert!(!output.contains("history has"), "{output}");
}

#[test]
fn new_from_rev_on_workload_needs_check() {
    let repo = committed("base");
    aplan(repo.path())
        .args(["workload", "--new-from-rev", "HEAD"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--check"));
}

/// Reading a revision through Git must find what reading the disk finds, or every
/// finding would look new (or fixed). Each check fixture, committed, has no new finding
/// against HEAD. Symbolic links are left out: a revision's links are not followed.
#[test]
fn a_committed_repository_reads_the_same_from_git_as_from_the_disk() {
    let mut cases: Vec<_> = fs::read_dir(fixtures().join("checks"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("bad-symlink")
        })
        .collect();
    cases.sort();
    assert!(cases.len() > 40);
    for case in cases {
        let repo = repo_with(Some(&case));
        git(repo.path(), &["init", "-q"]);
        commit_all(repo.path(), "A fixture");
        let (all_code, all, _) = validate_json(repo.path(), &[]);
        let (code, json, stderr) = validate_json(repo.path(), &["--new-from-rev", "HEAD"]);
        assert_eq!(
            (code, findings(&json)),
            (0, Vec::<String>::new()),
            "{}: {stderr}",
            case.display()
        );
        let total = findings(&all).len();
        if total > 0 {
            assert!(
                stderr.contains(&format!("{total} finding")),
                "{}: {stderr}",
                case.display()
            );
        } else {
            assert_eq!(all_code, 0);
        }
    }
}

/// The commits of a year's small changes on the base fixture, each a step of the diff.
fn scripted_history() -> TempDir {
    let repo = committed("base");
    let dir = repo.path();
    let chemistry = "plans/2017/chemistry.toml";
    edit(
        dir,
        chemistry,
        "status = \"draft\"\n",
        "status = \"sent\"\n\n[meeting]\ndate = 2017-03-20\nsent = 2017-03-10\n",
    );
    commit_all(dir, "Chemistry's plan is sent");
    let text = fs::read_to_string(dir.join(chemistry)).unwrap();
    fs::write(
        dir.join(chemistry),
        text + "\n[[actions]]\nid = \"apc-guide\"\ntitle = \"A guide to paying APCs\"\nthemes = [\"open-access\"]\nowner = \"jsmith\"\nstatus = \"agreed\"\n",
    )
    .unwrap();
    commit_all(dir, "An action added");
    edit(
        dir,
        chemistry,
        "[[actions]]\nid = \"oa-workshop\"\ntitle = \"Open access workshop for research staff\"\nthemes = [\"open-access\"]\naddresses = [\"apc-costs\"]\nowner = \"bjones\"\nstatus = \"proposed\"\n",
        "",
    );
    commit_all(dir, "An action removed");
    let text = fs::read_to_string(dir.join(chemistry)).unwrap();
    fs::write(
        dir.join(chemistry),
        text + "\n[[actions.updates]]\ndate = 2017-03-25\nby = \"jsmith\"\nstatus = \"in-progress\"\nnote = \"First draft of the guide\"\n",
    )
    .unwrap();
    commit_all(dir, "An update appended");
    edit(
        dir,
        "aplan.toml",
        "[[staff]]\nid = \"bjones\"\nname = \"Ben Jones\"\nrole = \"liaison-librarian\"\n",
        "",
    );
    commit_all(dir, "A member of staff removed");
    edit(
        dir,
        "aplan.toml",
        "[[staff]]",
        "[limits]\nmax_initiatives_per_librarian = 0\n\n[[staff]]",
    );
    commit_all(dir, "A lower limit");
    repo
}

fn diff(dir: &Path, args: &[&str]) -> String {
    let output = aplan(dir).arg("diff").args(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn diff_json_of_each_step_of_a_scripted_history() {
    let repo = scripted_history();
    let steps = [
        "a status change",
        "an action added",
        "an action removed",
        "an update appended",
        "a member of staff removed",
        "a limit changed",
    ];
    let mut all = String::new();
    for (i, step) in steps.iter().enumerate() {
        let from = format!("HEAD~{}", steps.len() - i);
        let to = format!("HEAD~{}", steps.len() - i - 1);
        all.push_str(&format!("== {step}: diff {from} {to}\n"));
        all.push_str(&diff(repo.path(), &[&from, &to, "--format", "json"]));
    }
    insta::assert_snapshot!(all);
}

#[test]
fn diff_table_and_markdown_of_the_whole_history() {
    let repo = scripted_history();
    insta::assert_snapshot!("diff_table", diff(repo.path(), &["HEAD~6", "HEAD"]));
    insta::assert_snapshot!(
        "diff_markdown",
        diff(repo.path(), &["HEAD~6", "HEAD", "--format", "md"])
    );
}

#[test]
fn a_change_that_fixes_an_error_is_reported_as_fixed() {
    let repo = scripted_history();
    let dir = repo.path();
    edit(
        dir,
        "aplan.toml",
        "[[staff]]\nid = \"mblake\"",
        "[[staff]]\nid = \"bjones\"\nname = \"Ben Jones\"\nrole = \"liaison-librarian\"\n\n[[staff]]\nid = \"mblake\"",
    );
    let json: serde_json::Value = serde_json::from_str(&diff(dir, &["--format", "json"])).unwrap();
    assert_eq!(json["from"], "HEAD");
    assert_eq!(json["to"], "the working tree");
    assert_eq!(json["findings"]["added"], serde_json::json!([]));
    let fixed: Vec<&str> = json["findings"]["fixed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(fixed, ["unknown-staff", "unknown-staff"], "{json:#}");
    assert_eq!(json["settings"][0]["id"], "bjones");
    assert_eq!(json["settings"][0]["change"], "added");
    // Nothing changed: says so.
    git(dir, &["checkout", "-q", "--", "aplan.toml"]);
    assert_eq!(
        diff(dir, &[]),
        "No changes from `HEAD` to the working tree.\n"
    );
}

#[test]
fn diff_refuses_a_revision_without_plans_and_an_unknown_one() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("README.md"), "Plans to come\n").unwrap();
    git(dir.path(), &["init", "-q"]);
    commit_all(dir.path(), "An empty repository");
    common::copy_tree(&fixtures().join("base"), dir.path());
    aplan(dir.path())
        .arg("diff")
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: HEAD has no aplan.toml (or no commits yet), so there are no plans to compare there\n");
    aplan(dir.path())
        .args(["diff", "nope", "HEAD"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("`nope` is not a revision"));
}

#[test]
fn before_the_first_commit_every_finding_is_new() {
    let repo = repo_with(None);
    git(repo.path(), &["init", "-q"]);
    let (code, json, stderr) = validate_json(repo.path(), &["--new-from-rev", "HEAD"]);
    assert_eq!(
        (code, findings(&json)),
        (0, Vec::<String>::new()),
        "{stderr}"
    );
    edit(
        repo.path(),
        "plans/2017/history.toml",
        "owner = \"jsmith\"",
        "owner = \"nobody\"",
    );
    let (code, json, _) = validate_json(repo.path(), &["--new-from-rev", "HEAD"]);
    assert_eq!(code, 1);
    assert_eq!(findings(&json), ["unknown-staff plans/2017/history.toml"]);
    aplan(repo.path())
        .args(["workload", "--check", "--new-from-rev", "HEAD"])
        .assert()
        .code(0);
}

#[test]
fn the_markdown_diff_comes_from_a_template_the_repository_can_override() {
    let repo = scripted_history();
    let dir = repo.path();
    fs::create_dir(dir.join("templates")).unwrap();
    fs::write(
        dir.join("templates/diff.md"),
        "{{ plans | length }} plan changed from {{ from | safe }}: {{ plans[0].ref }}\n",
    )
    .unwrap();
    assert_eq!(
        diff(dir, &["HEAD~6", "HEAD", "--format", "md"]),
        "1 plan changed from `HEAD~6`: chemistry/2017\n"
    );
}
