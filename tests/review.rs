//! The year's review of the process: `aplan review` on the repository's own
//! reviews/2017.toml, `aplan new` listing its open improvements, and the site's page.

mod common;

use std::fs;
use std::path::Path;

use common::{aplan, copy_tree};
use predicates::str::contains;
use serde_json::Value;

/// A copy of the repository's own plans and review, which a test may write into.
fn bundled_copy() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    fs::copy(root.join("aplan.toml"), dir.path().join("aplan.toml")).unwrap();
    for folder in ["plans", "contacts", "interactions", "reviews"] {
        copy_tree(&root.join(folder), &dir.path().join(folder));
    }
    dir
}

#[test]
fn the_review_lists_each_improvement_and_where_it_stands() {
    let repo = bundled_copy();
    let output = aplan(repo.path())
        .args(["-q", "review", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["year"], 2017);
    assert_eq!(report["path"], "reviews/2017.toml");
    let statuses: Vec<(&str, &str)> = report["improvements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("book-after-data", "agreed"),
            ("termly-digest", "agreed"),
            ("share-reading-lists", "proposed"),
            ("libqual-trends", "done"),
            ("print-plans", "dropped"),
        ]
    );
    assert_eq!(report["open"], 3);
    assert_eq!(report["improvements"][0]["owner_name"], "Claire Drummond");
    aplan(repo.path())
        .arg("review")
        .assert()
        .success()
        .stdout(contains(
            "Review of the 2017 process (reviews/2017.toml): 3 of 5 improvements open",
        ));
}

#[test]
fn a_year_without_a_review_is_refused_with_where_to_write_one() {
    let repo = bundled_copy();
    aplan(repo.path())
        .args(["review", "--year", "2016"])
        .assert()
        .code(2)
        .stderr(contains(
            "there is no review of the process up to 2016; write the year's feedback and improvements in reviews/2016.toml",
        ));
}

/// Drafting next year's plans is when last year's improvements are to be carried out.
#[test]
fn new_prints_the_open_improvements() {
    let repo = bundled_copy();
    aplan(repo.path())
        .args(["new", "history", "--year", "2018"])
        .assert()
        .success()
        .stdout(
            "wrote plans/2018/history.toml from plans/2017/history.toml: 4 actions carried over\n\
             open improvements from the review of 2017 (reviews/2017.toml):\n  \
             book-after-data: Book meetings only once the figures are in (agreed, Claire Drummond, due 2017-10-31)\n  \
             termly-digest: Send every Library Rep a digest each term (agreed, David Fairbairn, due 2017-09-30)\n  \
             share-reading-lists: Share the reading list reviews between two librarians (proposed, David Fairbairn)\n",
        );
}

#[test]
fn the_site_shows_the_review() {
    let repo = bundled_copy();
    aplan(repo.path())
        .args(["-q", "site", "--out", "site"])
        .assert()
        .success();
    let page = fs::read_to_string(repo.path().join("site/review.html")).unwrap();
    assert!(
        page.contains("<h1>Review of the 2017 process</h1>"),
        "{page}"
    );
    assert!(page.contains("Book meetings only once the figures are in"));
    assert!(page.contains("Too many initiatives sit with one liaison librarian"));
    let index = fs::read_to_string(repo.path().join("site/index.html")).unwrap();
    assert!(
        index.contains(r#"<a href="review.html">Review</a>"#),
        "{index}"
    );
}

#[test]
fn the_schema_describes_the_review_file() {
    let output = aplan(Path::new(env!("CARGO_MANIFEST_DIR")))
        .args(["schema", "review"])
        .output()
        .unwrap();
    let schema: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(schema["title"], "aplan review");
    assert!(schema["properties"]["improvements"].is_object());
}
