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
        .args(args);
    // The copy was just written: while another test's thread forks, its child may hold the
    // copy's file open for a moment, and running it fails with "text file busy". Waiting
    // a little and trying again is the usual remedy.
    let mut tries = 0;
    loop {
        match command.output() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy && tries < 50 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            result => return result.unwrap(),
        }
    }
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

/// Text that could act on a terminal or forge a CI annotation, in TOML's escapes.
const FORGERY: &str = r"\u001b]0;owned\u0007\u001b[2J\r\n::error file=x::forged\u0000\u007f\u009b";

/// The control characters in `text` other than line feeds, tabs and (in `crlf` formats,
/// CSV and iCalendar) the carriage returns ending lines, and any line that would be read as
/// an annotation. A CSV cell may hold several lines, as RFC 4180 allows, so only its
/// control characters count.
fn raw_controls(text: &str, crlf: bool) -> Vec<String> {
    let is_csv = crlf && !text.starts_with("BEGIN:VCALENDAR");
    let text = if crlf {
        text.replace("\r\n", "\n")
    } else {
        text.to_owned()
    };
    let mut found: Vec<String> = text
        .chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\t')
        .map(|c| format!("{c:?}"))
        .collect();
    found.extend(
        text.lines()
            .filter(|l| !is_csv && l.starts_with("::error file=x"))
            .map(str::to_owned),
    );
    found
}

/// Regression guard: a field holding escape sequences, a bell, a line break and a GitHub
/// annotation reached the terminal and CI logs as it was: `render` wrote NUL, DEL and ESC
/// into documents, and error messages echoed values and arguments raw, so a plan could
/// retitle a terminal or print a forged `::error` line.
#[test]
fn nothing_raw_reaches_a_terminal_or_a_document() {
    let repo = repo_with(None);
    let text = base_plan("history.toml")
        .replace(
            "id = \"year1-lists\"",
            &format!("id = \"year1-lists\"\ncontact = \"Dr Ben Rep{FORGERY}\""),
        )
        .replace("title = \"", &format!("title = \"{FORGERY}"));
    assert!(text.contains("contact = \"Dr Ben Rep\\u001b"), "{text}");
    write(repo.path(), "plans/2017/history.toml", &text);
    let forged = |text: &str| text.replace("\"Jane Smith\"", &format!("\"Jane{FORGERY}\""));
    let config = fs::read_to_string(repo.path().join("aplan.toml")).unwrap();
    write(repo.path(), "aplan.toml", &forged(&config));
    let cases: &[(&[&str], bool)] = &[
        (&["validate"], false),
        (&["validate", "--format", "github"], false),
        (&["render", "history/2017", "--format", "md"], false),
        (&["render", "history/2017", "--format", "html"], false),
        (&["actions"], false),
        (&["actions", "--format", "csv"], true),
        (&["workload"], false),
        (&["workload", "--format", "md"], false),
        (&["themes"], false),
        (&["timeline", "--format", "ics"], true),
        (&["new", "history", "--year", "2018"], false),
        (
            &[
                "update",
                "history/2017/year1-lists",
                "--note",
                "x\u{1b}]0;t\u{7}\r\n::error file=x::f",
                "--by",
                "jsmith",
            ],
            false,
        ),
        (
            &[
                "update",
                "history/2017/year1-lists",
                "--note",
                "x",
                "--by",
                "js\u{1b}[2J\r\n::error file=x::f",
            ],
            false,
        ),
        (
            &["render", "nowhere\u{1b}]0;t\u{7}\r\n::error file=x::f"],
            false,
        ),
    ];
    for (args, crlf) in cases {
        let output = aplan(repo.path()).args(*args).output().unwrap();
        assert!(output.status.code().is_some(), "{args:?}");
        let out = String::from_utf8_lossy(&output.stdout);
        let err = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            raw_controls(&out, *crlf),
            Vec::<String>::new(),
            "{args:?} stdout: {out}"
        );
        assert_eq!(
            raw_controls(&err, false),
            Vec::<String>::new(),
            "{args:?} stderr: {err}"
        );
    }
    let human = aplan(repo.path())
        .args([
            "update",
            "history/2017/year1-lists",
            "--note",
            "x",
            "--by",
            "a\r\nb",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&human.stderr);
    assert!(err.contains("`a↵b` is not a staff id"), "{err}");
}

/// Renders history/2017 as Markdown with `template` as the repository's `plan.md`.
fn render_with_template(template: &str) -> std::process::Output {
    let repo = repo_with(None);
    write(repo.path(), "templates/plan.md", template);
    aplan(repo.path())
        .args(["render", "history/2017", "--format", "md"])
        .output()
        .unwrap()
}

/// Regression guard: templates had no limit, so three nested loops hung `render` and a
/// text doubled by a macro grew to gigabytes before the process aborted. Each now stops
/// within seconds with an error naming the template.
#[test]
fn a_template_cannot_run_for_ever_or_fill_the_memory() {
    let cases = [
        (
            "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}x{% endfor %}{% endfor %}{% endfor %}",
            "the template does far more work than any document needs",
        ),
        (
            "{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% else %}{{ s }}{% endif %}{% endmacro %}{{ d(\"x\", 40) }}",
            "ran out of fuel",
        ),
        (
            "{% for a in range(10000) %}{{ (\"x\" * 10000000) | safe }}{% endfor %}",
            "the document grew past 64 MiB",
        ),
    ];
    for (template, expected) in cases {
        let output = render_with_template(template);
        assert_eq!(output.status.code(), Some(2), "{template}");
        assert!(output.stdout.is_empty(), "{template}");
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(err.contains("template templates/plan.md"), "{err}");
        assert!(err.contains(expected), "{err}");
    }
}

/// A template from the repository changes what aplan writes, so whoever runs it on a pull
/// request is told, once per template; one the same as the built-in is not mentioned.
#[test]
fn templates_from_the_repository_are_announced_once() {
    let repo = repo_with(None);
    write(repo.path(), "templates/plan.md", "{{ department.name }}\n");
    write(
        repo.path(),
        "templates/index.md",
        include_str!("../templates/index.md"),
    );
    write(
        repo.path(),
        "templates/draft.toml",
        include_str!("../templates/draft.toml"),
    );
    let output = aplan(repo.path())
        .args([
            "render", "--year", "2017", "--format", "md", "--out", "docs",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        err.lines()
            .filter(|l| l.starts_with("note:"))
            .collect::<Vec<_>>(),
        ["note: using templates/plan.md instead of the built-in template"],
        "{err}"
    );
    let quiet = aplan(repo.path())
        .args(["-q", "render", "history/2017", "--format", "md"])
        .output()
        .unwrap();
    assert!(quiet.stderr.is_empty(), "{quiet:?}");
}

/// Regression guard: `--force` replaced whatever was at the output path, so as root
/// `-o /dev/full --force` turned a device into a file; a FIFO stands in for the device.
#[test]
fn force_replaces_only_regular_files() {
    let repo = repo_with(None);
    let fifo = repo.path().join("pipe.md");
    let made = StdCommand::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let output = aplan(repo.path())
        .args(["render", "history/2017", "-o", "pipe.md", "--force"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("pipe.md is not a regular file"), "{err}");
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

/// Regression guard: `--out` wrote into any folder, the repository's root or `/`
/// included, scattering documents among files that are not aplan's. Such a folder is now
/// refused unless `--force` insists.
#[test]
fn out_refuses_a_folder_that_is_not_aplans_to_fill() {
    let repo = repo_with(None);
    write(repo.path(), "notes/todo.txt", "mine\n");
    for (command, out) in [
        ("render", "."),
        ("site", "."),
        ("render", "notes"),
        ("site", "notes"),
    ] {
        let mut args = vec![command, "--out", out];
        if command == "render" {
            args.extend(["--year", "2017"]);
        }
        let output = aplan(repo.path()).args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(
            err.contains("is the repository's root")
                || err.contains("todo.txt, which aplan did not write"),
            "{args:?}: {err}"
        );
    }
    let mut names: Vec<String> = fs::read_dir(repo.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["aplan.toml", "notes", "plans"]);
    assert_eq!(fs::read_dir(repo.path().join("notes")).unwrap().count(), 1);

    // A folder of aplan's own documents is written again, and --force writes anywhere.
    for args in [
        &["render", "--year", "2017", "--out", "docs"][..],
        &["render", "--year", "2017", "--out", "docs", "--force"],
        &["render", "--year", "2017", "--out", "notes", "--force"],
    ] {
        let output = aplan(repo.path()).args(args).output().unwrap();
        assert!(output.status.success(), "{args:?}: {output:?}");
    }
}

/// Regression guard: `update` appended to a plan just under the size limit and left a
/// file over it, which from then on was `file-too-large` and no plan at all. An edit that
/// would make a file aplan cannot read is refused, and the file is left as it was.
#[test]
fn an_edit_never_makes_a_file_too_large_to_read() {
    let repo = repo_with(None);
    let plan = base_plan("history.toml");
    let padding = 1024 * 1024 - plan.len() - 200;
    let text = format!("{plan}\n# {}\n", "x".repeat(padding));
    assert!(text.len() < 1024 * 1024);
    write(repo.path(), "plans/2017/history.toml", &text);
    let output = aplan(repo.path())
        .args([
            "update",
            "history/2017/year1-lists",
            "--by",
            "jsmith",
            "--note",
            &"Reviewed the lists. ".repeat(20),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("larger than 1 MiB"), "{err}");
    assert_eq!(
        fs::read_to_string(repo.path().join("plans/2017/history.toml")).unwrap(),
        text
    );
}

/// Regression guard: findings had no cap, so one plan of a megabyte gave 168,600 of them
/// and 78 MB of output. A file shows its first hundred; the rest are counted, in the
/// summary and in the JSON.
#[test]
fn findings_are_capped_per_file() {
    let repo = repo_with(None);
    let mut text = base_plan("chemistry.toml");
    for i in 0..500 {
        text.push_str(&format!(
            "\n[[actions]]\nid = \"a{i}\"\ntitle = \"x\"\nowner = \"nobody\"\nstatus = \"proposed\"\nthemes = [\"open-access\"]\n"
        ));
    }
    write(repo.path(), "plans/2017/chemistry.toml", &text);
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(code, 1);
    let shown = json["diagnostics"].as_array().unwrap().len();
    assert_eq!(shown, 100);
    let summary = &json["summary"];
    assert!(
        summary["errors"].as_u64().unwrap() + summary["warnings"].as_u64().unwrap() > 500,
        "{summary}"
    );
    assert_eq!(summary["left_out"]["shown_per_file"], 100);
    assert_eq!(
        summary["left_out"]["files"][0]["file"],
        "plans/2017/chemistry.toml"
    );

    let human = aplan(repo.path()).arg("validate").output().unwrap();
    let human = stdout(&human);
    assert!(
        human.contains("like these in plans/2017/chemistry.toml, left out after the first 100"),
        "{human}"
    );
    assert!(
        human
            .trim_end()
            .ends_with("(at most 100 shown for each file)"),
        "{human}"
    );
    let github = aplan(repo.path())
        .args(["validate", "--format", "github"])
        .output()
        .unwrap();
    let github = stdout(&github);
    assert_eq!(github.lines().count(), 101, "{github}");
    assert!(
        github
            .lines()
            .last()
            .unwrap()
            .starts_with("::notice file=plans/2017/chemistry.toml"),
        "{github}"
    );
}

/// Regression guard: a write killed between creating its temporary file and renaming it
/// left `.aplan-*.tmp` behind for ever. The next write to that folder removes those older
/// than a minute, and nothing else.
#[test]
fn leftover_temporary_files_are_removed_by_the_next_write() {
    let repo = repo_with(None);
    let folder = repo.path().join("plans/2017");
    for name in [".aplan-killed.tmp", ".aplan-recent.tmp", ".mine-old.tmp"] {
        write(repo.path(), &format!("plans/2017/{name}"), "half a plan");
    }
    for name in [".aplan-killed.tmp", ".mine-old.tmp"] {
        let aged = StdCommand::new("touch")
            .args(["-d", "2 minutes ago"])
            .arg(folder.join(name))
            .status()
            .unwrap();
        assert!(aged.success());
    }
    let output = aplan(repo.path())
        .args([
            "update",
            "history/2017/year1-lists",
            "--by",
            "jsmith",
            "--note",
            "Lists reviewed",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let mut hidden: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    hidden.sort();
    assert_eq!(hidden, [".aplan-recent.tmp", ".mine-old.tmp"]);
}

/// Regression guard: `workload --format md` printed staff names raw, while every other
/// Markdown output escapes them.
#[test]
fn workload_markdown_escapes_staff_names() {
    let repo = repo_with(None);
    let config = fs::read_to_string(repo.path().join("aplan.toml"))
        .unwrap()
        .replace(
            "name = \"Ben Jones\"",
            "name = \"Ben <script>alert(1)</script><img src=x onerror=alert(1)> | Jones\"",
        );
    write(repo.path(), "aplan.toml", &config);
    let output = aplan(repo.path())
        .args(["workload", "--year", "2017", "--format", "md"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let md = stdout(&output);
    assert!(
        md.contains(
            "Ben &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &#124; Jones"
        ),
        "{md}"
    );
    assert!(!md.contains('<'), "{md}");
}

/// Smaller things the second round found. `render >&-` exited 0 though its document went
/// nowhere; messages said their cause twice ("File exists (os error 17): File exists (os
/// error 17)"); `timeline` ran on a `[process]` it could not read without a word.
#[test]
fn closed_output_repeated_causes_and_broken_settings_are_said() {
    let repo = repo_with(None);
    let bin = assert_cmd::cargo::cargo_bin("aplan");
    let closed = StdCommand::new("sh")
        .args(["-c", "exec \"$0\" render history/2017 >&-"])
        .arg(&bin)
        .current_dir(repo.path())
        .env("APLAN_TODAY", common::TODAY)
        .output()
        .unwrap();
    assert_eq!(closed.status.code(), Some(2), "{closed:?}");
    let err = String::from_utf8_lossy(&closed.stderr);
    assert!(err.contains("standard output is closed"), "{err}");
    let discarded = StdCommand::new(&bin)
        .args(["render", "history/2017"])
        .current_dir(repo.path())
        .env("APLAN_TODAY", common::TODAY)
        .stdout(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(discarded.status.success(), "{discarded:?}");

    let exists = aplan(repo.path())
        .args(["render", "history/2017", "-o", "aplan.toml/x.md"])
        .output()
        .unwrap();
    assert_eq!(exists.status.code(), Some(2));
    let err = String::from_utf8_lossy(&exists.stderr);
    assert_eq!(err.matches("(os error").count(), 1, "{err}");

    let config = fs::read_to_string(repo.path().join("aplan.toml")).unwrap();
    write(
        repo.path(),
        "aplan.toml",
        &format!("{config}\n[process]\nsend_days_before = \"seven\"\n"),
    );
    let timeline = aplan(repo.path()).arg("timeline").output().unwrap();
    let err = String::from_utf8_lossy(&timeline.stderr);
    assert!(
        err.contains("warning: aplan.toml has errors (first, line ")
            && err.contains("[wrong-type]"),
        "{err}"
    );
}
