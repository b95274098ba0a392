//! Completions at a TAB press: aplan asked exactly as the scripts of `aplan completions`
//! ask it (clap_complete's `COMPLETE=<shell> aplan -- <words>`, with the index of the word
//! being completed), on the bundled repository, on fixtures and on broken repositories; and
//! the scripts themselves.

mod common;

use std::fs;
use std::path::Path;

use common::{aplan, fixtures, repo_with};

/// The bundled repository: this project's own `aplan.toml` and `plans/`.
fn bundled() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What aplan prints for `shell` when the last of `words` (the words after `aplan`) is
/// completed in `dir`. A TAB press must never fail or print an error into the command line.
fn ask(shell: &str, dir: &Path, words: &[&str]) -> String {
    let output = aplan(dir)
        .env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .arg("aplan")
        .args(words)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The values bash is given, leaving out the options clap offers beside them.
fn bash(dir: &Path, words: &[&str]) -> Vec<String> {
    ask("bash", dir, words)
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('-'))
        .map(str::to_owned)
        .collect()
}

/// What fish is given: a value and, after a tab, what it names.
fn fish(dir: &Path, words: &[&str]) -> Vec<String> {
    ask("fish", dir, words)
        .lines()
        .filter(|line| !line.starts_with('-'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn update_offers_departments_then_years_then_actions() {
    let departments = bash(bundled(), &["update", ""]);
    assert_eq!(
        departments,
        [
            "archaeology/",
            "biology/",
            "chemistry/",
            "computer-science/",
            "economics/",
            "english/",
            "history/",
            "mathematics/",
            "music/",
            "philosophy/",
            "physics/",
            "politics/",
            "sociology/",
        ]
    );
    // This year's plan first: it is the one updated most.
    assert_eq!(
        bash(bundled(), &["update", "history/"]),
        ["history/2017/", "history/2016/"]
    );
    assert_eq!(
        bash(bundled(), &["update", "history/2017/"]),
        [
            "history/2017/year2-lists",
            "history/2017/archives-workshop",
            "history/2017/deposit-reminders",
            "history/2017/digital-sources-guide",
            "history/2017/seating-survey",
        ]
    );
    assert_eq!(
        bash(bundled(), &["update", "history/2017/d"]),
        [
            "history/2017/deposit-reminders",
            "history/2017/digital-sources-guide",
        ]
    );
}

#[test]
fn fish_and_zsh_see_what_each_candidate_names() {
    assert_eq!(
        fish(bundled(), &["update", "history/2017/a"]),
        ["history/2017/archives-workshop\tArchives workshop built into HIS2050"]
    );
    assert_eq!(
        ask("zsh", bundled(), &["actions", "--owner", "hp"]),
        "hpatel:Hannah Patel"
    );
    assert_eq!(
        fish(bundled(), &["update", "hist"]),
        ["history/2017/", "history/2016/"]
    );
}

#[test]
fn where_only_one_way_on_is_left_a_tab_takes_it() {
    let repo = repo_with(None);
    assert_eq!(
        bash(repo.path(), &["update", ""]),
        ["chemistry/", "history/"]
    );
    // chemistry has one plan, with one action.
    assert_eq!(
        bash(repo.path(), &["update", "c"]),
        ["chemistry/2017/oa-workshop"]
    );
    assert_eq!(
        bash(repo.path(), &["update", "h"]),
        ["history/2017/", "history/2016/"]
    );
    assert_eq!(
        bash(
            repo.path(),
            &["log", "chemistry", "--action", "history/2016/"]
        ),
        ["history/2016/lists"]
    );
}

#[test]
fn render_offers_plan_references_and_paths() {
    assert_eq!(
        bash(bundled(), &["render", "hist"]),
        ["history/2017", "history/2016"]
    );
    assert_eq!(
        bash(bundled(), &["render", "history/2016"]),
        ["history/2016"]
    );
    assert_eq!(
        bash(bundled(), &["render", "plans/2017/hist"]),
        ["plans/2017/history.toml"]
    );
    assert_eq!(
        bash(bundled(), &["render", "history/2017", "chem"]),
        ["chemistry/2017", "chemistry/2016"]
    );
}

#[test]
fn options_offer_the_staff_departments_themes_and_initiatives_of_aplan_toml() {
    let repo = repo_with(None);
    let dir = repo.path();
    assert_eq!(
        bash(dir, &["actions", "--owner", ""]),
        ["jsmith", "bjones", "mblake"]
    );
    assert_eq!(bash(dir, &["actions", "--owner", "b"]), ["bjones"]);
    assert_eq!(
        bash(dir, &["actions", "--department", ""]),
        ["history", "chemistry"]
    );
    assert_eq!(
        fish(dir, &["actions", "--theme", ""]),
        ["reading-lists\tReading lists", "open-access\tOpen access"]
    );
    assert_eq!(
        bash(dir, &["actions", "--initiative", ""]),
        ["reading-list-review"]
    );
    assert_eq!(bash(dir, &["update", "x", "--by", "m"]), ["mblake"]);
    assert_eq!(bash(dir, &["log", "--by", "jsmith,b"]), ["jsmith,bjones"]);
    assert_eq!(bash(dir, &["log", "c"]), ["chemistry"]);
    assert_eq!(bash(dir, &["new", "h"]), ["history"]);
    assert_eq!(bash(dir, &["digest", "c"]), ["chemistry"]);
    assert_eq!(bash(dir, &["log", "history", "--kind", "te"]), ["teaching"]);
    assert_eq!(
        bash(dir, &["actions", "--status", "d"]),
        ["done", "dropped"]
    );
}

#[test]
fn options_on_the_bundled_repository() {
    let staff = bash(bundled(), &["actions", "--owner", ""]);
    assert_eq!(staff.len(), 10, "{staff:?}");
    assert!(staff.contains(&"hpatel".to_owned()), "{staff:?}");
    assert_eq!(
        bash(bundled(), &["actions", "--department", "p"]),
        ["philosophy", "physics", "politics"]
    );
    assert_eq!(
        bash(bundled(), &["actions", "--theme", "re"]),
        ["reading-lists", "research-data"]
    );
}

#[test]
fn the_crm_commands_offer_staff_and_departments() {
    let staff = bash(bundled(), &["activity", "--by", ""]);
    assert_eq!(staff.len(), 10, "{staff:?}");
    assert_eq!(
        bash(bundled(), &["activity", "--department", "p"]),
        ["philosophy", "physics", "politics"]
    );
    assert_eq!(bash(bundled(), &["history", "mu"]), ["music"]);
    assert_eq!(
        bash(bundled(), &["digest", "history", "--record", "--by", "hp"]),
        ["hpatel"]
    );
}

#[test]
fn log_with_offers_the_contacts_of_the_department_on_the_line() {
    assert_eq!(
        fish(
            bundled(),
            &["log", "history", "--kind", "teaching", "--with", "t"]
        ),
        ["tgreaves\tDr Thomas Greaves"]
    );
    // The department may come after the options.
    assert_eq!(
        bash(
            bundled(),
            &["log", "--summary", "Induction", "english", "--with", ""]
        )
        .len(),
        fs::read_to_string(bundled().join("contacts/english.toml"))
            .unwrap()
            .matches("[[contacts]]")
            .count()
    );
    // Without a department, or without its contacts file, there is nobody to offer.
    assert_eq!(
        bash(bundled(), &["log", "--with", ""]),
        Vec::<String>::new()
    );
    let repo = repo_with(None);
    assert_eq!(
        bash(repo.path(), &["log", "history", "--with", ""]),
        Vec::<String>::new()
    );
}

#[test]
fn explain_offers_the_codes_with_or_without_a_repository() {
    let empty = tempfile::tempdir().unwrap();
    for dir in [bundled(), empty.path()] {
        assert_eq!(
            bash(dir, &["explain", "unknown-s"]),
            ["unknown-staff"],
            "{}",
            dir.display()
        );
    }
    assert_eq!(
        fish(empty.path(), &["explain", "no-manager"]),
        [
            "no-manager-at-meeting\tA met or final plan whose attendees include nobody from the library in a manager role."
        ]
    );
}

#[test]
fn the_root_on_the_command_line_is_the_repository_completed() {
    let repo = repo_with(None);
    let elsewhere = tempfile::tempdir().unwrap();
    let root = repo.path().to_str().unwrap();
    assert_eq!(
        bash(elsewhere.path(), &["--root", root, "update", "c"]),
        ["chemistry/2017/oa-workshop"]
    );
    assert_eq!(
        bash(
            elsewhere.path(),
            &["actions", &format!("--root={root}"), "--owner", "j"]
        ),
        ["jsmith"]
    );
}

#[test]
fn without_a_repository_nothing_is_offered_and_nothing_is_said() {
    let empty = tempfile::tempdir().unwrap();
    let dir = empty.path();
    for words in [
        &["update", ""][..],
        &["update", "history/2017/"],
        &["render", "h"],
        &["actions", "--owner", ""],
        &["actions", "--department", ""],
        &["actions", "--theme", ""],
        &["--root", "nowhere", "actions", "--owner", ""],
    ] {
        assert_eq!(bash(dir, words), Vec::<String>::new(), "{words:?}");
    }
}

#[test]
fn a_broken_repository_offers_what_can_still_be_read() {
    let repo = repo_with(None);
    let dir = repo.path();
    fs::write(dir.join("aplan.toml"), "[library\nname = ").unwrap();
    fs::write(dir.join("plans/2017/history.toml"), "[[actions]\nid = ").unwrap();
    fs::write(dir.join("plans/2017/chemistry.toml"), b"\xff\xfe\0binary").unwrap();
    assert_eq!(bash(dir, &["actions", "--owner", ""]), Vec::<String>::new());
    assert_eq!(bash(dir, &["actions", "--theme", ""]), Vec::<String>::new());
    // The file names still say which plans there are; their actions cannot be read.
    assert_eq!(bash(dir, &["update", ""]), ["chemistry/", "history/"]);
    assert_eq!(
        bash(dir, &["update", "history/2017/"]),
        Vec::<String>::new()
    );
    assert_eq!(
        bash(dir, &["update", "chemistry/2017/"]),
        Vec::<String>::new()
    );
    assert_eq!(
        bash(dir, &["update", "history/2016/"]),
        ["history/2016/lists"]
    );
}

#[test]
fn folders_and_links_that_are_not_plans_are_not_offered() {
    let repo = repo_with(None);
    let dir = repo.path();
    let outside = tempfile::tempdir().unwrap();
    fs::create_dir_all(outside.path().join("2015")).unwrap();
    fs::copy(
        fixtures().join("base/plans/2016/history.toml"),
        outside.path().join("2015/history.toml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path().join("2015"), dir.join("plans/2015")).unwrap();
    fs::create_dir_all(dir.join("plans/drafts")).unwrap();
    fs::write(dir.join("plans/drafts/music.toml"), "").unwrap();
    fs::create_dir_all(dir.join("plans/2017/physics.toml")).unwrap();
    fs::write(dir.join("plans/2017/.hidden.toml"), "").unwrap();
    fs::write(dir.join("plans/2017/notes.md"), "").unwrap();
    assert_eq!(bash(dir, &["update", ""]), ["chemistry/", "history/"]);
    assert_eq!(
        bash(dir, &["update", "history/"]),
        ["history/2017/", "history/2016/"]
    );
    assert_eq!(
        bash(dir, &["update", "history/2015/"]),
        Vec::<String>::new()
    );
}

/// The scripts print the path aplan was run as; tests run it from the build folder.
fn script(shell: &str) -> String {
    let output = aplan(bundled())
        .args(["completions", shell])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let binary = assert_cmd::cargo::cargo_bin("aplan");
    String::from_utf8(output.stdout)
        .unwrap()
        .replace(binary.to_str().unwrap(), "[APLAN]")
}

#[test]
fn the_scripts_call_aplan_back() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let text = script(shell);
        assert!(text.contains("[APLAN]"), "{shell}: {text}");
        insta::assert_snapshot!(format!("script_{shell}"), text);
    }
}

#[test]
fn the_variable_alone_prints_the_same_script() {
    let output = aplan(bundled()).env("COMPLETE", "bash").output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let binary = assert_cmd::cargo::cargo_bin("aplan");
    let text = String::from_utf8(output.stdout)
        .unwrap()
        .replace(binary.to_str().unwrap(), "[APLAN]");
    assert_eq!(text, script("bash"));
}
