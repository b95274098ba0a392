//! Fitting into a team's tools: `init`, `schema`, `export`, `explain`, `completions`, `man`.

mod common;

use std::fs;

use common::aplan;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use serde_json::Value;

fn repo_root() -> &'static std::path::Path {
    env!("CARGO_MANIFEST_DIR").as_ref()
}

#[test]
fn init_writes_a_repository_that_validates_clean() {
    let dir = tempfile::tempdir().unwrap();
    aplan(dir.path())
        .args([
            "init",
            "new-repo",
            "--library",
            "St Mary's \"College\": Library",
        ])
        .assert()
        .code(0)
        .stdout(contains("plans/2017/history.toml"));
    let root = dir.path().join("new-repo");
    for path in [
        "aplan.toml",
        "plans/2017/history.toml",
        ".github/workflows/aplan.yml",
        ".pre-commit-config.yaml",
        ".gitignore",
    ] {
        assert!(root.join(path).is_file(), "{path} was not written");
    }
    aplan(&root)
        .args(["validate", "--deny-warnings"])
        .assert()
        .code(0);
    aplan(&root).args(["workload", "--check"]).assert().code(0);
    let config = fs::read_to_string(root.join("aplan.toml")).unwrap();
    assert!(config.contains(r#"name = "St Mary's \"College\": Library""#));
}

#[test]
fn init_writes_yaml_that_parses() {
    let dir = tempfile::tempdir().unwrap();
    aplan(dir.path())
        .args([
            "init",
            "--aplan-repo",
            "example/aplan",
            "--aplan-ref",
            "v9.9.9",
        ])
        .assert()
        .code(0);
    let workflow: Value = serde_saphyr::from_str(
        &fs::read_to_string(dir.path().join(".github/workflows/aplan.yml")).unwrap(),
    )
    .unwrap();
    assert_eq!(workflow["permissions"]["contents"], "read");
    assert_eq!(workflow["jobs"]["check"]["timeout-minutes"], 15);
    let steps = workflow["jobs"]["check"]["steps"].as_array().unwrap();
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert_eq!(uses, ["actions/checkout@v4", "example/aplan@v9.9.9"]);
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert_eq!(
        runs,
        [
            "aplan diff \"$BASE\" --format md >> \"$GITHUB_STEP_SUMMARY\"",
            "aplan validate --format github --new-from-rev \"$BASE\"",
            "aplan workload --check --new-from-rev \"$BASE\"",
            "aplan validate --format github",
            "aplan workload --check"
        ]
    );
    let hooks: Value = serde_saphyr::from_str(
        &fs::read_to_string(dir.path().join(".pre-commit-config.yaml")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        hooks["repos"][0]["repo"],
        "https://github.com/example/aplan"
    );
    assert_eq!(hooks["repos"][0]["rev"], "v9.9.9");
    assert_eq!(hooks["repos"][0]["hooks"][0]["id"], "aplan-validate");
    assert_eq!(hooks["repos"][0]["hooks"][1]["id"], "aplan-workload");

    // The hook ids are the ones this repository defines.
    let defined: Value = serde_saphyr::from_str(
        &fs::read_to_string(repo_root().join(".pre-commit-hooks.yaml")).unwrap(),
    )
    .unwrap();
    let ids: Vec<&str> = defined
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["aplan-validate", "aplan-workload"]);
    // Each hook checks the whole repository against HEAD: a commit that deletes a staff
    // member must not pass because only aplan.toml was handed to the hook.
    for hook in defined.as_array().unwrap() {
        assert_eq!(hook["pass_filenames"], false, "{hook:?}");
        assert!(
            hook["entry"]
                .as_str()
                .unwrap()
                .ends_with("--new-from-rev HEAD")
        );
    }
}

#[test]
fn init_without_a_repository_builds_aplan_from_one_marked_git_url_and_caches_it() {
    let dir = tempfile::tempdir().unwrap();
    aplan(dir.path()).arg("init").assert().code(0);
    let text = fs::read_to_string(dir.path().join(".github/workflows/aplan.yml")).unwrap();
    let workflow: Value = serde_saphyr::from_str(&text).unwrap();
    assert_eq!(text.matches("https://").count(), 1, "{text}");
    assert_eq!(
        workflow["env"]["APLAN_GIT_URL"],
        "https://github.com/aplan-tool/aplan"
    );
    assert_eq!(workflow["jobs"]["check"]["timeout-minutes"], 30);
    let steps = workflow["jobs"]["check"]["steps"].as_array().unwrap();
    assert!(steps.iter().any(|s| s["uses"] == "actions/cache@v4"));
    let hooks = fs::read_to_string(dir.path().join(".pre-commit-config.yaml")).unwrap();
    assert_eq!(hooks.matches("pass_filenames: false").count(), 2, "{hooks}");
    assert_eq!(hooks.matches("--new-from-rev HEAD").count(), 2, "{hooks}");
}

#[test]
fn init_refuses_a_repository_that_is_not_owner_and_name() {
    let dir = tempfile::tempdir().unwrap();
    aplan(dir.path())
        .args(["init", "--aplan-repo", "https://example.org/aplan.git"])
        .assert()
        .code(2)
        .stderr(contains("is not a GitHub repository's OWNER/NAME"));
    aplan(dir.path())
        .args(["init", "--aplan-ref", "v1\nrun: curl x"])
        .assert()
        .code(2)
        .stderr(contains("is not a tag or branch name"));
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn init_appends_to_an_existing_gitignore_once_and_prints_clean_paths() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(".gitignore"), "*.log").unwrap();
    aplan(dir.path())
        .args(["init", "."])
        .assert()
        .code(0)
        .stdout(contains(format!(
            "Created a plans repository in {}:\n",
            dir.path().display()
        )))
        .stdout(contains("  .gitignore (aplan's lines appended)\n"));
    let once = fs::read_to_string(dir.path().join(".gitignore")).unwrap();
    assert!(once.starts_with("*.log\n\n# "), "{once}");
    assert!(once.ends_with("/out/\n/site/\n"), "{once}");
    // A second init is refused for the other files, and the .gitignore is left alone.
    aplan(dir.path()).arg("init").assert().code(2);
    assert_eq!(
        fs::read_to_string(dir.path().join(".gitignore")).unwrap(),
        once
    );
    let taplo = fs::read_to_string(dir.path().join(".taplo.toml")).unwrap();
    assert!(taplo.contains("schema.path = \"./schema/plan.json\""));
    assert!(dir.path().join("schema/plan.json").is_file());
    assert!(dir.path().join("schema/config.json").is_file());
}

#[test]
fn init_can_start_templates_that_render() {
    let dir = tempfile::tempdir().unwrap();
    aplan(dir.path())
        .args(["init", "--templates"])
        .assert()
        .code(0)
        .stdout(contains("templates/plan.html"));
    aplan(dir.path())
        .arg("templates")
        .assert()
        .code(0)
        .stdout(contains("templates/plan.md (same as the built-in)"));
    aplan(dir.path())
        .args(["render", "history/2017"])
        .assert()
        .code(0)
        .stdout(contains(
            "# Department of History: library action plan 2017",
        ));
}

#[test]
fn init_refuses_to_overwrite_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("aplan.toml"), "# ours\n").unwrap();
    fs::write(dir.path().join(".taplo.toml"), "# ours\n").unwrap();
    fs::write(dir.path().join(".gitignore"), "target\n").unwrap();
    aplan(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(contains(
            "already has aplan.toml, .taplo.toml; nothing was written",
        ));
    assert_eq!(
        fs::read_to_string(dir.path().join(".gitignore")).unwrap(),
        "target\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("aplan.toml")).unwrap(),
        "# ours\n"
    );
    assert!(!dir.path().join("plans").exists());
    assert!(!dir.path().join(".pre-commit-config.yaml").exists());
}

#[test]
fn schemas() {
    for file in ["plan", "config", "contacts", "interactions"] {
        let output = aplan(repo_root()).args(["schema", file]).output().unwrap();
        assert_eq!(output.status.code(), Some(0));
        let schema: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        insta::assert_snapshot!(
            format!("schema_{file}"),
            String::from_utf8(output.stdout).unwrap()
        );
    }
    aplan(repo_root())
        .args(["schema", "plans"])
        .assert()
        .code(2)
        .stderr(contains(
            "[possible values: plan, config, contacts, interactions, review, validate, themes, workload, actions, timeline, diff, activity, history, review-report, export]",
        ));
}

#[test]
fn export_yaml_reads_back_as_the_json() {
    let json = aplan(repo_root()).arg("export").output().unwrap();
    assert_eq!(json.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&json.stdout).unwrap();
    let yaml = aplan(repo_root())
        .args(["export", "--format", "yaml"])
        .output()
        .unwrap();
    let yaml: Value = serde_saphyr::from_str(std::str::from_utf8(&yaml.stdout).unwrap()).unwrap();
    assert_eq!(json, yaml);

    let plans = json["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 26);
    assert_eq!(plans[0]["ref"], "archaeology/2016");
    let done_by_update = plans
        .iter()
        .flat_map(|p| p["actions"].as_array().unwrap())
        .find(|a| a["ref"] == "economics/2017/working-paper-repository")
        .unwrap();
    assert_eq!(done_by_update["current_status"], "done");
    assert_ne!(done_by_update["status"], "done");
}

#[test]
fn explain() {
    aplan(repo_root())
        .args(["explain", "sent-late"])
        .assert()
        .code(0)
        .stdout(contains("## sent-late\n\nSeverity: **warning**"));
    aplan(repo_root())
        .args(["explain", "unknown-staf"])
        .assert()
        .code(2)
        .stderr(contains("the nearest are: unknown-staff"));
    aplan(repo_root())
        .arg("explain")
        .assert()
        .code(0)
        .stdout(contains(
            "unknown-staff        error    A staff id that aplan.toml does not define.",
        ));
}

#[test]
fn completions_and_man_page() {
    // Each script has the shell ask aplan itself for the candidates (tests/completions.rs).
    for (shell, asks) in [
        ("bash", r#"COMPLETE="bash""#),
        ("zsh", r#"COMPLETE="zsh""#),
        ("fish", "COMPLETE=fish"),
        ("powershell", r#"$env:COMPLETE = "powershell""#),
        ("elvish", r#"COMPLETE="elvish""#),
    ] {
        aplan(repo_root())
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(contains(asks));
    }
    aplan(repo_root()).arg("man").assert().code(0).stdout(
        contains(".TH APLAN 1")
            .and(contains("validate"))
            .and(contains(".SH \"EXIT STATUS\""))
            .and(contains(".B APLAN_TODAY"))
            .and(contains(".SH EXAMPLES"))
            .and(contains(".BR aplan\\-validate (1)")),
    );
}

#[test]
fn man_out_writes_a_page_per_command_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    aplan(repo_root())
        .args(["man", "--out"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout("");
    for command in ["validate", "render", "themes", "workload", "actions", "man"] {
        let page = std::fs::read_to_string(out.join(format!("aplan-{command}.1"))).unwrap();
        let title = format!(".TH APLAN-{} 1", command.to_uppercase());
        assert!(page.contains(&title), "{command}: {page}");
        assert!(page.contains(".SH ENVIRONMENT"), "{command}");
        assert!(page.contains(".SH \"EXIT STATUS\""), "{command}");
        assert!(page.contains(".SH EXAMPLES"), "{command}");
        assert!(page.contains(".BR aplan (1)"), "{command}");
        assert!(
            page.lines().all(|l| l.len() <= 80 || l.starts_with('.')),
            "{command}"
        );
    }
    assert!(out.join("aplan.1").is_file());
    assert!(!out.join("aplan-help.1").exists());
    aplan(repo_root())
        .args(["man", "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("already exists").and(contains("use --force")));
    aplan(repo_root())
        .args(["man", "--force", "--out"])
        .arg(&out)
        .assert()
        .code(0);
}
