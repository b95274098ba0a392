//! `aplan forget`: a contact erased from every file, or from none.

mod common;

use std::fs;
use std::path::Path;

use common::{aplan, fixtures, repo_with, validate_json};

/// Every file's text under `root` (the edit lock aside).
fn texts(root: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn afterwards_the_name_address_and_id_are_in_no_file_and_the_repository_validates() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    let output = aplan(repo.path())
        .args(["forget", "ahead", "--confirm"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    for path in [
        "contacts/history.toml: removed the contact",
        "interactions/2017/history.toml: took the id out of `with` in 1 interaction",
        "plans/2016/history.toml: replaced the name or address",
        "plans/2017/history.toml: kept the meeting attendee as head-of-department, without the name",
    ] {
        assert!(stdout.contains(path), "{path} not in:\n{stdout}");
    }
    for (path, text) in texts(repo.path()) {
        for mention in [
            "\"ahead\"",
            "Ann Head",
            "Prof. Head",
            "ann.head@example.ac.uk",
        ] {
            assert!(!text.contains(mention), "{mention} is still in {path}");
        }
    }
    let (code, json) = validate_json(repo.path(), &[]);
    assert_eq!(code, 0, "{json}");
    let plan = fs::read_to_string(repo.path().join("plans/2017/history.toml")).unwrap();
    assert!(
        plan.contains("{ name = \"[name removed]\", role = \"head-of-department\" }"),
        "{plan}"
    );
}

#[test]
fn without_confirm_it_lists_the_files_and_writes_nothing() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    let before = texts(repo.path());
    let output = aplan(repo.path())
        .args(["forget", "brep"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with("forgetting history/brep (Dr Ben Rep) would change:\n"));
    assert!(stdout.contains("contacts/history.toml"), "{stdout}");
    assert!(
        stdout.ends_with(
            "nothing was written; run `aplan forget brep --confirm` to make the change\n"
        )
    );
    assert_eq!(texts(repo.path()), before);
}

#[test]
fn an_unknown_contact_is_refused_with_the_nearest_and_nothing_written() {
    let repo = repo_with(Some(&fixtures().join("crm")));
    let before = texts(repo.path());
    let output = aplan(repo.path())
        .args(["forget", "aheda", "--confirm"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("did you mean `ahead`?"), "{stderr}");
    assert_eq!(texts(repo.path()), before);
}
