//! Files as people and tools really leave them, and as an attacker might write them: each
//! gives a clear finding or message, never a panic, a hang or output that misleads.
//! `bad_input.rs` holds the first list (binary, not UTF-8, huge, symlinks, FIFOs); these go
//! further.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command as StdCommand;

use common::{aplan, findings, fixtures, repo_with, validate_json};

fn base_plan(name: &str) -> String {
    fs::read_to_string(fixtures().join("base/plans/2017").join(name)).unwrap()
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("aplan prints UTF-8")
}

#[test]
fn a_windows_file_renders_as_the_same_document() {
    let unix = repo_with(None);
    let windows = repo_with(None);
    let text = base_plan("history.toml");
    write(
        windows.path(),
        "plans/2017/history.toml",
        &format!("\u{feff}{}", text.replace('\n', "\r\n")),
    );
    let render = |dir: &Path| {
        let output = aplan(dir)
            .args(["render", "history/2017", "--format", "md"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        stdout(&output)
    };
    assert_eq!(render(windows.path()), render(unix.path()));
    let (code, json) = validate_json(windows.path(), &[]);
    assert_eq!((code, findings(&json)), (0, Vec::<String>::new()));
}

#[test]
fn a_key_written_twice_is_a_syntax_error_on_the_second() {
    let repo = repo_with(None);
    let text = base_plan("chemistry.toml").replace(
        "status = \"proposed\"",
        "status = \"proposed\"\nstatus = \"done\"",
    );
    write(repo.path(), "plans/2017/chemistry.toml", &text);
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&json),
        ["toml-syntax plans/2017/chemistry.toml:17:1"]
    );
    let hint = json["diagnostics"][0]["hint"].as_str().unwrap();
    assert!(hint.contains("a key may appear once"), "{hint}");
}

#[test]
fn a_table_written_twice_is_a_syntax_error() {
    let repo = repo_with(None);
    let text = format!(
        "{}\n[meeting]\ndate = 2017-03-14\n\n[meeting]\ndate = 2017-03-15\n",
        base_plan("chemistry.toml")
    );
    write(repo.path(), "plans/2017/chemistry.toml", &text);
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(code, 1);
    let found = findings(&json);
    assert!(
        found[0].starts_with("toml-syntax plans/2017/chemistry.toml:21:"),
        "{found:?}"
    );
}

/// Two lines of 450,000 characters, just under the size limit together: checked as usual, and the
/// finding on it printed without trouble.
#[test]
fn a_very_long_line() {
    let repo = repo_with(None);
    let long = "word ".repeat(90_000);
    let text = base_plan("chemistry.toml")
        .replace(
            "title = \"Open access workshop for research staff\"",
            &format!("title = \"{long}\""),
        )
        .replace("owner = \"bjones\"", &format!("owner = \"{long}\""));
    write(repo.path(), "plans/2017/chemistry.toml", &text);
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&json),
        ["unknown-staff plans/2017/chemistry.toml:15:9"]
    );
    let human = aplan(repo.path()).arg("validate").output().unwrap();
    assert_eq!(human.status.code(), Some(1));
    assert!(stdout(&human).contains("unknown-staff"));
}

/// Ten thousand departments with a plan each in one year: every command that reads them all
/// finishes and counts them all.
#[test]
fn ten_thousand_plans_in_one_year() {
    const PLANS: usize = 10_000;
    let dir = tempfile::tempdir().unwrap();
    let mut config = String::from(
        "[library]\nname = \"A Very Large Library\"\ncurrency = \"GBP\"\n\n[[staff]]\nid = \"jsmith\"\nname = \"Jane Smith\"\nrole = \"liaison-librarian\"\n\n[themes.reading-lists]\ntitle = \"Reading lists\"\n",
    );
    for i in 0..PLANS {
        config.push_str(&format!(
            "\n[[departments]]\nid = \"dept-{i}\"\nname = \"Department {i}\"\nliaison = \"jsmith\"\n"
        ));
        write(
            dir.path(),
            &format!("plans/2017/dept-{i}.toml"),
            &format!(
                "department = \"dept-{i}\"\nyear = 2017\nstatus = \"draft\"\n\n[[actions]]\nid = \"lists\"\ntitle = \"Review reading lists\"\nthemes = [\"reading-lists\"]\nowner = \"jsmith\"\nstatus = \"agreed\"\ndue = 2017-06-30\n"
            ),
        );
    }
    write(dir.path(), "aplan.toml", &config);
    let (code, json) = validate_json(dir.path(), &[]);
    assert_eq!(findings(&json), Vec::<String>::new());
    assert_eq!(code, 0);
    assert_eq!(json["summary"]["files"], PLANS + 1);
    let output = aplan(dir.path())
        .args(["actions", "--format", "csv"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(stdout(&output).lines().count(), PLANS + 1);
}

/// Welsh, Chinese, emoji and combining marks in names and text come through every format
/// intact; only ids must be slugs, and a Unicode id gets a hint.
#[test]
fn unicode_names_and_text() {
    let repo = repo_with(None);
    let config = fs::read_to_string(repo.path().join("aplan.toml"))
        .unwrap()
        .replace("Jane Smith", "Siân Llŷr ap Gwŷn")
        .replace("Department of Chemistry", "化学系 Chemistry 🧪")
        .replace("Ben Jones", "Zoë Ńe\u{301}")
        .replace("Open access", "Mynediad agored — 开放获取");
    write(repo.path(), "aplan.toml", &config);
    let text = base_plan("chemistry.toml")
        .replace(
            "Open access workshop for research staff",
            "Gweithdy ŵ ŷ: 开放获取研讨会 📚 cafe\u{301}",
        )
        .replace("id = \"apc-costs\"", "id = \"costau-ŵ\"")
        .replace("addresses = [\"apc-costs\"]", "addresses = [\"costau-ŵ\"]");
    write(repo.path(), "plans/2017/chemistry.toml", &text);
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(findings(&json), ["bad-slug plans/2017/chemistry.toml:6:6"]);
    assert_eq!(json["diagnostics"][0]["hint"], "try `costau`");

    // With slugs for ids, every name and title shows as written.
    let text = text.replace("costau-ŵ", "costau");
    write(repo.path(), "plans/2017/chemistry.toml", &text);
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!((code, findings(&json)), (0, Vec::<String>::new()));
    let html = aplan(repo.path())
        .args(["render", "chemistry/2017", "--format", "html"])
        .output()
        .unwrap();
    let html = stdout(&html);
    for name in [
        "Gweithdy ŵ ŷ: 开放获取研讨会 📚 cafe\u{301}",
        "化学系 Chemistry 🧪",
        "Zoë Ńe\u{301}",
    ] {
        assert!(html.contains(name), "{name} missing from the HTML");
    }
    let table = aplan(repo.path())
        .args(["actions", "--department", "chemistry"])
        .output()
        .unwrap();
    assert!(stdout(&table).contains("Gweithdy ŵ ŷ: 开放获取研讨会 📚 cafe\u{301}"));
    let csv = aplan(repo.path())
        .args(["actions", "--format", "csv"])
        .output()
        .unwrap();
    assert!(stdout(&csv).contains("Gweithdy ŵ ŷ: 开放获取研讨会 📚 cafe\u{301}"));
}

#[test]
fn a_plan_file_named_in_another_script_is_reported() {
    let repo = repo_with(None);
    let text = base_plan("chemistry.toml");
    write(repo.path(), "plans/2017/化学.toml", &text);
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(code, 1);
    let found = findings(&json);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("path-mismatch plans/2017/化学.toml")),
        "{found:?}"
    );
}

/// Regression guard for "Trojan Source": direction controls make a line display differently
/// from what it says, so they are reported, and never printed as they are.
#[test]
fn bidirectional_controls_are_reported_and_shown() {
    let repo = repo_with(None);
    let text = base_plan("chemistry.toml").replace(
        "status = \"proposed\"",
        "status = \"proposed\" # \u{202e} \u{2066}\"done\"\u{2069} \u{2066}",
    );
    write(repo.path(), "plans/2017/chemistry.toml", &text);
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(code, 0, "a warning");
    assert_eq!(
        findings(&json),
        ["bidi-control plans/2017/chemistry.toml:16:23"]
    );
    let message = json["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("U+202E) and 3 more"), "{message}");
    let human = aplan(repo.path()).arg("validate").output().unwrap();
    let human = stdout(&human);
    for control in ['\u{202e}', '\u{2066}', '\u{2069}'] {
        assert!(!human.contains(control), "{human}");
    }
    insta::assert_snapshot!("bidi_control_human", human);
    let github = aplan(repo.path())
        .args(["validate", "--format", "github"])
        .output()
        .unwrap();
    insta::assert_snapshot!("bidi_control_github", stdout(&github));
    let denied = aplan(repo.path())
        .args(["validate", "--deny-warnings"])
        .output()
        .unwrap();
    assert_eq!(denied.status.code(), Some(1));
}

/// Regression guard: a title with terminal escape sequences reached the terminal as they
/// were, able to retitle the window or hide lines; tables and CI annotations now show
/// control characters as `�`.
#[test]
fn terminal_escapes_in_plan_text_are_not_printed() {
    let repo = repo_with(None);
    let text = base_plan("chemistry.toml")
        .replace(
            "title = \"Open access workshop for research staff\"",
            "title = \"Workshop\\u001b]0;owned\\u0007\\u001b[2J\\nsecond line\"",
        )
        .replace("owner = \"bjones\"", "owner = \"bj\\u001b[8m\"");
    write(repo.path(), "plans/2017/chemistry.toml", &text);
    let github = aplan(repo.path())
        .args(["validate", "--format", "github"])
        .output()
        .unwrap();
    let github = stdout(&github);
    assert!(!github.contains('\u{1b}'), "{github:?}");
    assert!(github.contains("bj\u{fffd}[8m"), "{github:?}");

    let text = text.replace("bj\\u001b[8m", "bjones");
    write(repo.path(), "plans/2017/chemistry.toml", &text);
    let table = aplan(repo.path()).arg("actions").output().unwrap();
    let table = stdout(&table);
    assert!(
        !table.contains('\u{1b}') && !table.contains('\u{7}'),
        "{table:?}"
    );
    insta::assert_snapshot!("terminal_escapes_table", table);
}

#[test]
fn a_folder_named_like_a_plan_file() {
    let repo = repo_with(None);
    fs::create_dir(repo.path().join("plans/2017/music.toml")).unwrap();
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(code, 0);
    assert_eq!(findings(&json), ["misplaced-file plans/2017/music.toml"]);
    let message = json["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("is a folder"), "{message}");
}

/// Runs aplan as an unprivileged user when the tests run as root (as CI does), since root
/// reads any file whatever its permissions. The binary is copied to a folder that user can
/// reach, wherever the build is.
fn unprivileged(dir: &Path, args: &[&str]) -> std::process::Output {
    let root = StdCommand::new("id").arg("-u").output().unwrap();
    let bin = tempfile::tempdir().unwrap();
    let mut command = if String::from_utf8_lossy(&root.stdout).trim() == "0" {
        set_mode(bin.path(), 0o755);
        let binary = bin.path().join("aplan");
        fs::copy(assert_cmd::cargo::cargo_bin("aplan"), &binary).unwrap();
        let mut c = StdCommand::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(binary);
        c
    } else {
        StdCommand::new(assert_cmd::cargo::cargo_bin("aplan"))
    };
    command
        .current_dir(dir)
        .env("APLAN_TODAY", common::TODAY)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap()
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn an_unreadable_file_and_folder() {
    let repo = repo_with(None);
    set_mode(repo.path(), 0o755);
    fs::create_dir(repo.path().join("plans/2016/private")).unwrap();
    set_mode(&repo.path().join("plans/2017/chemistry.toml"), 0o000);
    let output = unprivileged(repo.path(), &["validate", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&output.stderr));
    });
    assert_eq!(
        findings(&json),
        [
            "misplaced-file plans/2016/private",
            "unreadable-file plans/2017/chemistry.toml"
        ]
    );
    assert_eq!(
        json["diagnostics"][1]["message"],
        "cannot read the file: permission denied"
    );
    assert_eq!(output.status.code(), Some(1));

    set_mode(&repo.path().join("plans/2017/chemistry.toml"), 0o644);
    set_mode(&repo.path().join("plans/2017"), 0o000);
    let output = unprivileged(repo.path(), &["validate", "--format", "json"]);
    set_mode(&repo.path().join("plans/2017"), 0o755);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found = findings(&json);
    assert!(
        found.contains(&"unreadable-file plans/2017".to_owned()),
        "{found:?}"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn an_unreadable_config_cannot_run() {
    let repo = repo_with(None);
    set_mode(repo.path(), 0o755);
    set_mode(&repo.path().join("aplan.toml"), 0o000);
    let output = unprivileged(repo.path(), &["actions"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("aplan.toml"), "{stderr}");
}

#[test]
fn no_plans_folder_yet() {
    let repo = repo_with(None);
    fs::remove_dir_all(repo.path().join("plans")).unwrap();
    let output = aplan(repo.path()).arg("validate").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("there is no plans/ folder yet"), "{stderr}");
    let output = aplan(repo.path()).arg("actions").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no plans under plans/"), "{stderr}");
}

#[test]
fn a_plans_file_instead_of_a_folder() {
    let repo = repo_with(None);
    fs::remove_dir_all(repo.path().join("plans")).unwrap();
    fs::write(repo.path().join("plans"), "department = \"history\"\n").unwrap();
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(findings(&json), ["unreadable-file plans"]);
    assert_eq!(code, 1);
}

#[test]
fn a_config_that_is_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("aplan.toml")).unwrap();
    fs::create_dir_all(dir.path().join("plans/2017")).unwrap();
    // Named with --root: the folder is refused.
    aplan(dir.path())
        .args(["--root", ".", "actions"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("aplan.toml is not a file"));
    // Found from inside: a folder is not a repository's settings, so none is found.
    aplan(&dir.path().join("plans/2017"))
        .arg("validate")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no aplan.toml in"));
}

/// Regression guard: a department id in aplan.toml that is not a slug (`../../x`) must never
/// become a path outside plans/ when `aplan new` writes its draft.
#[test]
fn new_never_writes_outside_plans_whatever_the_id() {
    let repo = repo_with(None);
    let config = fs::read_to_string(repo.path().join("aplan.toml"))
        .unwrap()
        .replace("id = \"chemistry\"", "id = \"../../escaped\"");
    write(repo.path(), "aplan.toml", &config);
    let output = aplan(repo.path())
        .args(["new", "../../escaped", "--year", "2018"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(!repo.path().join("escaped.toml").exists());
    assert!(!repo.path().join("plans/escaped.toml").exists());
    let output = aplan(repo.path())
        .args(["new", "--all", "--year", "2018", "--force"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(!repo.path().join("escaped.toml").exists());
}

/// The limit on files the README states: past it, aplan says so instead of reading on.
#[test]
fn more_files_under_plans_than_aplan_reads() {
    let repo = repo_with(None);
    let year = repo.path().join("plans/2018");
    fs::create_dir(&year).unwrap();
    for i in 0..aplan::repo::MAX_PLAN_ENTRIES {
        fs::write(year.join(format!("{i}.txt")), "").unwrap();
    }
    aplan(repo.path())
        .arg("validate")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "plans/ holds more than 50000 files and folders",
        ));
}

/// Regression guard: a file name holding an escape sequence reached the terminal as it was
/// in the `-->` line of a finding and in the warning about skipped plans.
#[test]
fn terminal_escapes_in_file_names_are_not_printed() {
    let repo = repo_with(None);
    let name = "plans/2017/x\u{1b}]0;owned\u{7}.toml";
    write(repo.path(), name, &base_plan("chemistry.toml"));
    let human = aplan(repo.path()).arg("validate").output().unwrap();
    assert_eq!(human.status.code(), Some(1));
    let human = stdout(&human);
    assert!(
        human.contains("--> plans/2017/x\u{fffd}]0;owned\u{fffd}.toml"),
        "{human:?}"
    );
    assert!(!human.contains('\u{1b}'), "{human:?}");
    let actions = aplan(repo.path()).arg("actions").output().unwrap();
    let stderr = String::from_utf8_lossy(&actions.stderr);
    assert!(stderr.contains("left out 1 plan with errors"), "{stderr:?}");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}

/// A repository with `rel` replaced by a symbolic link to `target`, and a folder outside
/// the repository holding a secret, a plan and a password file for links to lead to.
fn linked_out(rel: &str, target: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let outside = tempfile::tempdir().unwrap();
    let repo = outside.path().join("repo");
    common::copy_tree(&fixtures().join("base"), &repo);
    write(
        outside.path(),
        "tpl/plan.md",
        "{{ plan.department }} id_rsa",
    );
    write(
        outside.path(),
        "tpl/id_rsa",
        "-----BEGIN OPENSSH PRIVATE KEY-----",
    );
    write(
        outside.path(),
        "passwd",
        "root:x:0:0:root:/root:/bin/bash\n",
    );
    write(
        outside.path(),
        "elsewhere/2017/chemistry.toml",
        "secret line = 1\n",
    );
    let path = repo.join(rel);
    if path.is_dir() {
        fs::remove_dir_all(&path).unwrap();
    } else if path.exists() {
        fs::remove_file(&path).unwrap();
    }
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, &path).unwrap();
    (outside, repo)
}

/// Regression guard: links at the top of the repository were followed out of it, so a pull
/// request could make `render` use outside files as templates, `validate` print the lines of
/// files elsewhere on the disk, and any command show `/etc/passwd`.
#[test]
fn links_at_the_top_of_the_repository_are_not_followed_out_of_it() {
    let (_outside, repo) = linked_out("templates", "../tpl");
    for args in [
        &["templates"][..],
        &["render", "history/2017", "--format", "md"],
    ] {
        let output = aplan(&repo).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
        let (out, err) = (stdout(&output), String::from_utf8_lossy(&output.stderr));
        assert!(!out.contains("id_rsa"), "{args:?}: {out}");
        assert!(
            err.contains("`templates` is a symbolic link to a place outside the repository"),
            "{args:?}: {err}"
        );
    }

    let (_outside, repo) = linked_out("plans", "../elsewhere");
    let (code, json) = validate_json(&repo, &[]);
    assert_eq!(
        (code, findings(&json)),
        (1, vec!["bad-symlink plans".to_owned()])
    );
    let human = aplan(&repo).arg("validate").output().unwrap();
    assert!(!stdout(&human).contains("secret line"), "{human:?}");

    let (_outside, repo) = linked_out("aplan.toml", "../passwd");
    let output = aplan(&repo).arg("validate").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let all = format!(
        "{}{}",
        stdout(&output),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!all.contains("root:x"), "{all}");
    assert!(all.contains("`aplan.toml` is a symbolic link"), "{all}");
}

/// Links that stay inside the repository are followed: a repository may keep its plans or
/// templates in another folder of its own.
#[test]
fn links_inside_the_repository_are_followed() {
    let (_outside, repo) = linked_out("plans", "data/plans");
    common::copy_tree(&fixtures().join("base/plans"), &repo.join("data/plans"));
    let (code, json) = validate_json(&repo, &[]);
    assert_eq!((code, findings(&json)), (0, Vec::<String>::new()));
}

/// Regression guard: a template override that is a broken link was passed over in silence,
/// so the built-in template was used while the reviewer thought the override was.
#[test]
fn a_broken_template_link_stops_the_render() {
    let (_outside, repo) = linked_out("templates/plan.md", "nowhere.md");
    let output = aplan(&repo)
        .args(["render", "history/2017", "--format", "md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("plan.md` is a symbolic link that points at nothing"),
        "{err}"
    );
}
