//! A repository of a couple of hundred plans, read on several threads: the findings and
//! the reports come out the same, in the same order, however many threads read them, and
//! a finding made once every plan is in (a plan in the wrong place, a duplicate, a
//! carried-over action that does not exist) still shows its line, though the text of a
//! clean file is let go as soon as it is read.

mod common;

use std::fs;
use std::path::Path;

use common::{aplan, findings, repo_with};

/// The base fixture with a plan for history and chemistry in every year from 1900, and
/// four problems planted among them.
fn many_plans() -> tempfile::TempDir {
    let repo = repo_with(None);
    let root = repo.path();
    let history = fs::read_to_string(root.join("plans/2016/history.toml")).unwrap();
    for year in 1900..2016 {
        let text = history
            .replace("year = 2016", &format!("year = {year}"))
            .replace("2016-", &format!("{year}-"));
        let folder = root.join(format!("plans/{year}"));
        fs::create_dir_all(&folder).unwrap();
        // Chemistry's liaison librarian is bjones.
        let chemistry = text
            .replace("\"history\"", "\"chemistry\"")
            .replace("{ staff = \"jsmith\" }", "{ staff = \"bjones\" }");
        fs::write(folder.join("history.toml"), &text).unwrap();
        fs::write(folder.join("chemistry.toml"), chemistry).unwrap();
    }
    // Found while the plan is read: the file keeps its text.
    edit(
        root,
        "plans/1950/history.toml",
        "owner = \"jsmith\"",
        "owner = \"nobody\"",
    );
    // Found across files: a plan moved to the wrong year, and a copy and a carried-over
    // action in files that are clean on their own.
    edit(
        root,
        "plans/1960/history.toml",
        "year = 1960",
        "year = 1961",
    );
    let copy = fs::read_to_string(root.join("plans/1970/chemistry.toml")).unwrap();
    fs::write(root.join("plans/1970/chem-copy.toml"), copy).unwrap();
    edit(
        root,
        "plans/1980/history.toml",
        "due = 1980-06-30",
        "due = 1980-06-30\ncarried_from = \"history/1979/nope\"",
    );
    repo
}

fn edit(root: &Path, path: &str, from: &str, to: &str) {
    let path = root.join(path);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} is not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The output and exit code of `aplan ARGS` with rayon limited to `threads`.
fn run(root: &Path, threads: usize, args: &[&str]) -> (Option<i32>, String) {
    let output = aplan(root)
        .env("RAYON_NUM_THREADS", threads.to_string())
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    (output.status.code(), stdout)
}

#[test]
fn findings_are_the_same_in_number_order_and_place_on_any_number_of_threads() {
    let repo = many_plans();
    let (code, json) = run(repo.path(), 1, &["validate", "--format", "json"]);
    assert_eq!(code, Some(1));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        findings(&json),
        [
            "unknown-staff plans/1950/history.toml:24:9",
            // Now a second plan for 1961, due in its folder's year.
            "duplicate-plan plans/1960/history.toml:1:14",
            "path-mismatch plans/1960/history.toml:2:8",
            "due-outside-year plans/1960/history.toml:26:7",
            "path-mismatch plans/1970/chem-copy.toml:1:14",
            "duplicate-plan plans/1970/chem-copy.toml:1:14",
            "bad-reference plans/1980/history.toml:27:16",
        ]
    );
    // aplan.toml, the base's three plans, two a year for 116 years and the copy.
    assert_eq!(json["summary"]["files"], 237);
    for format in ["human", "json", "github"] {
        let (_, one) = run(repo.path(), 1, &["validate", "--format", format]);
        for threads in [2, 7] {
            let (_, many) = run(repo.path(), threads, &["validate", "--format", format]);
            assert_eq!(one, many, "--format {format} on {threads} threads");
        }
    }
}

/// Regression guard for letting go of clean files' text: a finding made across files
/// must read the file again to show its line.
#[test]
fn a_finding_across_files_shows_the_line_of_a_file_read_clean() {
    let repo = many_plans();
    let (_, human) = run(repo.path(), 2, &["validate"]);
    assert!(
        human
            .contains(" --> plans/1970/chem-copy.toml:1:14\n  |\n1 | department = \"chemistry\"\n"),
        "no source line for the copied plan:\n{human}"
    );
    assert!(
        human.contains("carried_from = \"history/1979/nope\""),
        "no source line for the bad reference:\n{human}"
    );
}

#[test]
fn reports_are_the_same_on_any_number_of_threads() {
    let repo = many_plans();
    let commands: [&[&str]; 4] = [
        &["actions", "--all-years", "--format", "csv"],
        &["themes", "--year", "1999", "--format", "json"],
        &["workload", "--year", "1999", "--format", "json"],
        &["export", "--format", "json"],
    ];
    for args in commands {
        let (code, one) = run(repo.path(), 1, args);
        assert_eq!(code, Some(0), "{args:?}");
        assert!(!one.is_empty(), "{args:?}");
        let (_, many) = run(repo.path(), 7, args);
        assert_eq!(one, many, "{args:?}");
    }
}

#[test]
fn rendering_every_plan_of_a_year_writes_one_file_each_and_an_index() {
    let repo = many_plans();
    let out = repo.path().join("out");
    aplan(repo.path())
        .env("RAYON_NUM_THREADS", "3")
        .args([
            "-q", "render", "--year", "1999", "--format", "html", "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["1999-chemistry.html", "1999-history.html", "index.html"]
    );
    let everything: Vec<String> = (1990..2000)
        .flat_map(|y| [format!("history/{y}"), format!("chemistry/{y}")])
        .collect();
    let all = repo.path().join("all");
    aplan(repo.path())
        .arg("-q")
        .arg("render")
        .args(&everything)
        .args(["--format", "md", "--out"])
        .arg(&all)
        .assert()
        .success();
    assert_eq!(fs::read_dir(&all).unwrap().count(), 21);
}

/// Guards writing in batches: `site` writes each batch of pages as it is rendered, so a
/// template that fails on a plan of a later batch must still leave no page, no temporary
/// file and no folder behind.
#[test]
fn a_template_failing_on_a_late_page_writes_nothing() {
    let repo = many_plans();
    let root = repo.path();
    // More pages than one batch.
    let history = fs::read_to_string(root.join("plans/2016/history.toml")).unwrap();
    for year in 1850..1900 {
        let text = history
            .replace("year = 2016", &format!("year = {year}"))
            .replace("2016-", &format!("{year}-"));
        let folder = root.join(format!("plans/{year}"));
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join("history.toml"), text).unwrap();
    }
    let templates = root.join("templates");
    fs::create_dir(&templates).unwrap();
    let built_in =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/plan.html"))
            .unwrap();
    let failing =
        "{% if year == 2016 and department.id == \"history\" %}{{ nothing.here }}{% endif %}";
    fs::write(templates.join("plan.html"), format!("{failing}{built_in}")).unwrap();
    aplan(root)
        .args(["-q", "site", "--year", "2016", "--out", "site"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "template templates/plan.html, line 1",
        ));
    assert!(!root.join("site").exists());

    // The same pages with a working template are all written.
    fs::write(templates.join("plan.html"), built_in).unwrap();
    aplan(root)
        .args(["-q", "site", "--year", "2016", "--out", "site"])
        .assert()
        .success();
    let pages = fs::read_dir(root.join("site")).unwrap().count();
    assert!(pages > 256, "{pages} pages, more than one batch of 256");
}
