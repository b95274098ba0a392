//! `aplan new`: drafts that carry exactly the active actions, propose LibQual+ issues,
//! validate clean and never overwrite unless asked.

mod common;

use std::fs;
use std::path::Path;

use common::{aplan, fixtures, repo_with};
use predicates::str::contains;

/// The base repository with a 2017 history plan holding actions in every state.
fn repo() -> tempfile::TempDir {
    repo_with(Some(&fixtures().join("new")))
}

fn actions_json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let output = aplan(dir)
        .args(["actions", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn carries_exactly_the_active_actions_and_validates_clean() {
    let repo = repo();
    aplan(repo.path())
        .args(["new", "history", "--year", "2018"])
        .assert()
        .success()
        .stdout(
            "wrote plans/2018/history.toml from plans/2017/history.toml: 3 actions carried over\n",
        );
    // The drafts validate clean; the fixture's 2017 history plan keeps its updates out of
    // order on purpose (`updates-out-of-order`), to test that the latest by date counts.
    aplan(repo.path())
        .args(["validate", "--deny-warnings", "plans/2018"])
        .assert()
        .success();
    let carried = actions_json(repo.path(), &["--year", "2018"]);
    let carried: Vec<(&str, &str)> = carried
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["ref"].as_str().unwrap(), a["status"].as_str().unwrap()))
        .collect();
    // Done (by its latest update) and dropped actions stay behind; an action marked
    // done early and then reopened is carried.
    assert_eq!(
        carried,
        [
            ("history/2018/catalogue", "proposed"),
            ("history/2018/deposits", "proposed"),
            ("history/2018/year1-lists", "proposed"),
        ]
    );
    let text = fs::read_to_string(repo.path().join("plans/2018/history.toml")).unwrap();
    let plan: toml::Table = toml::from_str(&text).unwrap();
    let from: Vec<&str> = plan["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["carried_from"].as_str().unwrap())
        .collect();
    assert_eq!(
        from,
        [
            "history/2017/year1-lists",
            "history/2017/catalogue",
            "history/2017/deposits"
        ]
    );
    assert_eq!(plan["status"].as_str(), Some("draft"));
    assert_eq!(plan["liaison"].as_str(), Some("jsmith"));
    // No figure is invented: this year's are left to fill in, as commented lines that
    // give last year's, and last year's LibQual+ scores are not carried as this year's.
    for table in ["investment", "usage", "libqual"] {
        assert_eq!(
            plan["context"][table].as_array().map(Vec::len),
            Some(0),
            "{table}"
        );
    }
    let text = fs::read_to_string(repo.path().join("plans/2018/history.toml")).unwrap();
    assert!(
        !text.contains("amount = 0") && !text.contains("value = 0"),
        "{text}"
    );
    assert!(text.contains("value = , previous = 12345"), "{text}");
    // One issue per LibQual+ dimension below the minimum: Information Control only
    // (Library as Place is at the minimum, not below it).
    let issues: Vec<&str> = plan["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        issues,
        ["key-texts", "oa-deposits", "libqual-information-control"]
    );
}

#[test]
fn draft_text() {
    let repo = repo();
    aplan(repo.path())
        .args(["new", "history", "--year", "2018"])
        .assert()
        .success();
    let text = fs::read_to_string(repo.path().join("plans/2018/history.toml")).unwrap();
    insta::assert_snapshot!(text);
}

#[test]
fn refuses_to_overwrite_unless_forced() {
    let repo = repo();
    let path = repo.path().join("plans/2017/chemistry.toml");
    let before = fs::read_to_string(&path).unwrap();
    aplan(repo.path())
        .args(["new", "chemistry", "--year", "2017"])
        .assert()
        .code(2)
        .stderr(contains(
            "chemistry already has a plan for 2017: plans/2017/chemistry.toml; use --force to replace it",
        ));
    assert_eq!(fs::read_to_string(&path).unwrap(), before);

    aplan(repo.path())
        .args(["new", "history", "--year", "2018"])
        .assert()
        .success();
    let draft = repo.path().join("plans/2018/history.toml");
    fs::write(&draft, "# my edits\n").unwrap();
    aplan(repo.path())
        .args(["new", "history", "--year", "2018"])
        .assert()
        .code(2);
    assert_eq!(fs::read_to_string(&draft).unwrap(), "# my edits\n");
    aplan(repo.path())
        .args(["new", "history", "--year", "2018", "--force"])
        .assert()
        .success();
    assert!(
        fs::read_to_string(&draft)
            .unwrap()
            .starts_with("# Draft action plan")
    );
}

#[test]
fn all_departments_at_once_keeps_existing_plans() {
    let repo = repo();
    aplan(repo.path())
        .args(["new", "history", "--year", "2018"])
        .assert()
        .success();
    aplan(repo.path())
        .args(["new", "--all", "--year", "2018"])
        .assert()
        .success()
        .stdout(
            "wrote plans/2018/chemistry.toml from plans/2017/chemistry.toml: 1 action carried over\n\
             kept plans/2018/history.toml: history already has a plan for 2018\n",
        );
    // The drafts validate clean; the fixture's 2017 history plan keeps its updates out of
    // order on purpose (`updates-out-of-order`), to test that the latest by date counts.
    aplan(repo.path())
        .args(["validate", "--deny-warnings", "plans/2018"])
        .assert()
        .success();
}

#[test]
fn a_department_without_plans_gets_a_skeleton_that_validates() {
    let repo = repo();
    let config = repo.path().join("aplan.toml");
    let mut text = fs::read_to_string(&config).unwrap();
    text.push_str(
        "\n[[departments]]\nid = \"physics\"\nname = \"Department of Physics\"\nliaison = \"bjones\"\n",
    );
    fs::write(&config, text).unwrap();
    aplan(repo.path())
        .args(["new", "physics", "--year", "2018"])
        .assert()
        .success()
        .stdout("wrote plans/2018/physics.toml: 0 actions carried over\n");
    // The drafts validate clean; the fixture's 2017 history plan keeps its updates out of
    // order on purpose (`updates-out-of-order`), to test that the latest by date counts.
    aplan(repo.path())
        .args(["validate", "--deny-warnings", "plans/2018"])
        .assert()
        .success();
}

#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    let repo = repo();
    aplan(repo.path())
        .args(["new", "histroy", "--year", "2018"])
        .assert()
        .code(2)
        .stderr(contains(
            "`histroy` is not a department in aplan.toml; the nearest are: history",
        ));
    aplan(repo.path())
        .args(["new", "history", "--year", "18"])
        .assert()
        .code(2)
        .stderr(contains("18 is not a year of four digits"));
    aplan(repo.path())
        .args(["new", "--year", "2018"])
        .assert()
        .code(2);
    aplan(repo.path()).args(["new", "history"]).assert().code(2);

    // A draft is never made from a plan with errors.
    let path = repo.path().join("plans/2017/history.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("owner = \"mblake\"", "owner = \"nobody\""),
    )
    .unwrap();
    aplan(repo.path())
        .args(["new", "--all", "--year", "2018"])
        .assert()
        .code(2)
        .stderr(contains(
            "plans/2017/history.toml does not validate, so no draft is made from it: line 95: owner `nobody` is not in aplan.toml [unknown-staff]; run `aplan validate plans/2017/history.toml`",
        ));
    assert!(!repo.path().join("plans/2018").exists());
}

#[test]
fn the_bundled_repository_drafts_next_year_clean() {
    let repo = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::copy(root.join("aplan.toml"), repo.path().join("aplan.toml")).unwrap();
    common::copy_tree(&root.join("plans"), &repo.path().join("plans"));
    aplan(repo.path())
        .args(["new", "--all", "--year", "2018"])
        .assert()
        .success();
    // The drafts validate clean; the fixture's 2017 history plan keeps its updates out of
    // order on purpose (`updates-out-of-order`), to test that the latest by date counts.
    aplan(repo.path())
        .args(["validate", "--deny-warnings", "plans/2018"])
        .assert()
        .success();
}

/// The draft is a template like the documents: a repository's `templates/draft.toml`
/// replaces the built-in one, and a draft it makes that does not validate is refused.
#[test]
fn the_repositorys_draft_template_overrides_the_built_in_one() {
    let repo = repo();
    let templates = repo.path().join("templates");
    fs::create_dir(&templates).unwrap();
    fs::write(
        templates.join("draft.toml"),
        "# {{ department.name }}\ndepartment = {{ department.id | toml }}\nyear = {{ year }}\nstatus = \"draft\"\n{% for action in previous.actions %}\n\n[[actions]]\nid = {{ action.id | toml }}\ntitle = {{ action.title | toml }}\nowner = {{ action.owner | toml }}\nthemes = {{ action.themes | toml }}\nstatus = \"proposed\"\ncarried_from = {{ action.reference | toml }}\n{% endfor %}\n",
    )
    .unwrap();
    aplan(repo.path())
        .args(["new", "history", "--year", "2018"])
        .assert()
        .success();
    let text = fs::read_to_string(repo.path().join("plans/2018/history.toml")).unwrap();
    assert!(
        text.starts_with("# Department of History\ndepartment = \"history\"\nyear = 2018\n"),
        "{text}"
    );
    assert!(
        text.contains("carried_from = \"history/2017/year1-lists\"\n"),
        "{text}"
    );

    fs::write(templates.join("draft.toml"), "year = {{ year }}\n").unwrap();
    aplan(repo.path())
        .args(["new", "history", "--year", "2019"])
        .assert()
        .code(2)
        .stderr(contains(
            "the draft would make plans/2019/history.toml invalid",
        ));
    assert!(!repo.path().join("plans/2019").exists());
}
