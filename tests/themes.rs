//! `aplan themes` on `tests/fixtures/themes`, a repository with known answers (see the
//! comment at the top of its aplan.toml), and on the bundled plans.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{aplan, copy_tree, fixtures};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use serde_json::{Value, json};

fn fixture() -> PathBuf {
    fixtures().join("themes")
}

/// A copy of the themes fixture that a test may change.
fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture(), dir.path());
    dir
}

/// `aplan themes` in `dir` with `args`: stdout, which must be the only output but for the
/// line saying which year was chosen.
fn themes(dir: &Path, args: &[&str]) -> String {
    let output = aplan(dir).arg("themes").args(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.lines().all(|line| line.starts_with("reporting on ")),
        "{stderr}"
    );
    String::from_utf8(output.stdout).unwrap()
}

fn themes_json(dir: &Path, args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    serde_json::from_str(&themes(dir, &args)).unwrap()
}

fn theme<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("no theme {id}"))
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

#[test]
fn themes_are_sorted_by_departments_then_id() {
    let json = themes_json(&fixture(), &[]);
    let order: Vec<(&str, usize)> = json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap(),
                t["departments"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("reading-lists", 4),
            ("open-access", 3),
            ("study-space", 2),
            ("research-data", 0),
        ]
    );
    assert_eq!(json["year"], 2017);
    assert_eq!(json["min_departments"], 3);
}

#[test]
fn a_theme_at_the_threshold_is_common_and_one_under_is_not() {
    let json = themes_json(&fixture(), &[]);
    assert_eq!(theme(&json, "open-access")["common"], true);
    assert_eq!(theme(&json, "study-space")["common"], false);
    assert_eq!(theme(&json, "research-data")["common"], false);

    // --min-departments overrides aplan.toml either way.
    let json = themes_json(&fixture(), &["--min-departments", "4"]);
    assert_eq!(json["min_departments"], 4);
    assert_eq!(theme(&json, "reading-lists")["common"], true);
    assert_eq!(theme(&json, "open-access")["common"], false);
    let json = themes_json(&fixture(), &["--min-departments", "2"]);
    assert_eq!(theme(&json, "study-space")["common"], true);
    // A theme nobody carries is never common.
    let json = themes_json(&fixture(), &["--min-departments", "1"]);
    assert_eq!(theme(&json, "research-data")["common"], false);
}

#[test]
fn a_department_with_the_theme_on_an_issue_and_an_action_counts_once() {
    let json = themes_json(&fixture(), &[]);
    let reading = theme(&json, "reading-lists");
    assert_eq!(
        strings(&reading["departments"]),
        ["english", "history", "law", "physics"]
    );
    let history: Vec<&Value> = reading["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["ref"].as_str().unwrap().starts_with("history/"))
        .collect();
    assert_eq!(
        history,
        [
            &json!({"ref": "history/2017/key-texts", "kind": "issue", "title": "Not enough copies of key texts"}),
            &json!({"ref": "history/2017/review-lists", "kind": "action", "title": "Review Year 1 reading lists"}),
        ]
    );
}

#[test]
fn librarians_initiatives_and_the_group_to_work_together() {
    let json = themes_json(&fixture(), &[]);
    let reading = theme(&json, "reading-lists");
    // physics' plan names cmoss as its liaison this year, instead of the department's bkhan.
    assert_eq!(strings(&reading["librarians"]), ["alee", "cmoss"]);
    assert_eq!(strings(&reading["initiatives"]), ["reading-list-review"]);
    let open = theme(&json, "open-access");
    assert_eq!(strings(&open["librarians"]), ["bkhan", "cmoss"]);
    assert_eq!(strings(&open["initiatives"]), Vec::<&str>::new());

    // Only the common theme with no shared initiative is a group to work together.
    let table = themes(&fixture(), &[]);
    let section = table
        .split("Where to work together")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap();
    assert_eq!(
        section,
        ": common themes that no shared initiative covers
  open-access (Open access): 3 departments
    departments: Department of Chemistry, Law School, Department of Physics
    librarians: Bilal Khan (bkhan), Cara Moss (cmoss)"
    );
}

/// Keywords match whole words with simple plurals: "Reading Lists" is a reading list, but
/// "reading listings" is not, and neither "spreadsheet" nor "workspace" is a "space".
#[test]
fn keyword_suggestions_match_whole_words_only() {
    let json = themes_json(&fixture(), &[]);
    assert_eq!(
        json["suggestions"],
        json!([
            {"ref": "english/2017/newsletter", "theme": "reading-lists", "matched": "reading list"},
            {"ref": "law/2017/drop-in", "theme": "open-access", "matched": "open access"},
            {"ref": "law/2017/drop-in", "theme": "study-space", "matched": "seating"},
        ])
    );
    let table = themes(&fixture(), &[]);
    assert!(
        table.contains(
            "english/2017/newsletter looks like reading-lists (matched \"reading list\")"
        )
    );
    assert!(!table.contains("english/2017/listings looks like"));
}

#[test]
fn emerging_phrases_recur_in_enough_departments_and_no_keyword_covers_them() {
    let json = themes_json(&fixture(), &[]);
    // "Interlibrary loans" and "interlibrary loan" are one phrase; "Library as Place"
    // loses its stop word. "key texts" and "reading lists" recur too, but are keywords.
    assert_eq!(
        json["emerging"],
        json!([
            {"phrase": "interlibrary loan", "departments": ["chemistry", "history", "law"]},
            {"phrase": "library place", "departments": ["english", "history", "physics"]},
        ])
    );
    // The threshold follows --min-departments.
    let json = themes_json(&fixture(), &["--min-departments", "2"]);
    let phrases: Vec<&str> = json["emerging"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["phrase"].as_str().unwrap())
        .collect();
    assert!(phrases.contains(&"subject guide"), "{phrases:?}");
    assert!(
        !phrases.iter().any(|p| p.contains("reading")),
        "{phrases:?}"
    );
}

/// The emerging themes of the bundled plans at two departments. In 2016 Biology and
/// Philosophy both plan a "joint session with the Academic Skills team": one theme, where
/// its overlapping phrases were once listed as three; "academic skills", which Sociology
/// writes too, stays a theme of its own.
#[test]
fn emerging_themes_of_the_bundled_plans() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut emerging = String::new();
    for year in ["2016", "2017"] {
        let table = themes(root, &["--year", year, "--min-departments", "2"]);
        let start = table.find("Emerging themes").unwrap();
        let end = table[start..]
            .find("\n\n")
            .map_or(table.len(), |n| start + n + 1);
        emerging.push_str(&format!("{year}\n{}", &table[start..end]));
    }
    insta::assert_snapshot!(emerging);
}

#[test]
fn change_since_last_year() {
    let json = themes_json(&fixture(), &[]);
    assert_eq!(
        strings(&theme(&json, "reading-lists")["previous_departments"]),
        ["chemistry", "history"]
    );
    assert_eq!(
        strings(&theme(&json, "open-access")["previous_departments"]),
        ["english", "physics"]
    );
    let table = themes(&fixture(), &[]);
    assert!(table.contains("since 2016: new english, law, physics; still history; gone chemistry"));
    assert!(table.contains("since 2016: new chemistry, law; still physics; gone english"));

    // The first year has nothing to compare with.
    let json = themes_json(&fixture(), &["--year", "2016"]);
    assert_eq!(json["year"], 2016);
    assert_eq!(
        strings(&theme(&json, "open-access")["departments"]),
        ["english", "physics"]
    );
    assert_eq!(
        strings(&theme(&json, "open-access")["previous_departments"]),
        Vec::<&str>::new()
    );
    assert!(themes(&fixture(), &["--year", "2016"]).contains("no earlier plans to compare with"));
}

#[test]
fn csv_has_one_row_per_theme_and_department() {
    let csv = themes(&fixture(), &["--format", "csv"]);
    let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(
        lines[0],
        "year,theme,theme_title,department,department_name,faculty,librarian,issues,actions,common,initiatives,since_last_year"
    );
    // 4 + 3 + 2 + 0 departments.
    assert_eq!(lines.len(), 1 + 9);
    assert!(lines.contains(
        &"2017,reading-lists,Reading lists,history,Department of History,Arts and Humanities,alee,1,1,true,reading-list-review,still"
    ));
    assert!(lines.contains(&"2017,open-access,Open access,law,Law School,,cmoss,1,0,true,,new"));
}

/// Every piece of user text is escaped, and the page needs nothing from elsewhere.
#[test]
fn html_escapes_user_text_and_is_self_contained() {
    let repo = fixture_copy();
    let config = repo.path().join("aplan.toml");
    let text = fs::read_to_string(&config).unwrap().replace(
        "title = \"Open access\"",
        "title = \"Open <script>alert('x')</script> & \\\"access\\\"\"",
    );
    fs::write(&config, text).unwrap();
    let html = themes(repo.path(), &["--format", "html"]);
    assert!(html.contains(
        "Open &lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2f;script&gt; &amp; &quot;access&quot;"
    ));
    assert!(!html.contains("<script"));
    assert!(!html.contains("http"));
    assert!(!html.contains(" src="));
    assert!(html.contains("<caption>"));
    assert!(html.contains("<th scope=\"col\""));
    assert!(html.contains("<th scope=\"row\""));

    let md = themes(repo.path(), &["--format", "md"]);
    assert!(md.contains("Open &lt;script&gt;alert('x')&lt;/script&gt; & "));
}

/// The Markdown and HTML pages are templates, so a repository's `templates/` overrides
/// them like the meeting documents; a broken one is named with its line.
#[test]
fn a_repositorys_templates_override_the_md_and_html_pages() {
    let repo = fixture_copy();
    let templates = repo.path().join("templates");
    fs::create_dir(&templates).unwrap();
    fs::write(
        templates.join("themes.md"),
        "{{ title }}: {% for theme in themes %}{{ theme.id }} ({{ theme.departments | length }}) {% endfor %}\n",
    )
    .unwrap();
    let md = themes(repo.path(), &["--format", "md"]);
    assert!(
        md.starts_with("Themes across departments, 2017: reading-lists (4) "),
        "{md}"
    );
    // The stylesheet is a piece of its own, so a library can restyle the page alone.
    fs::write(templates.join("themes.css"), "main { color: teal; }\n").unwrap();
    let html = themes(repo.path(), &["--format", "html"]);
    assert!(
        html.contains("<style>\nmain { color: teal; }\n</style>"),
        "{html}"
    );

    fs::write(templates.join("themes.html"), "{{ nothing.here }}").unwrap();
    aplan(repo.path())
        .args(["themes", "--format", "html"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("template templates/themes.html, line 1"));
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &["themes", "--min-departments", "0"][..],
        &["themes", "--min-departments", "many"],
        &["themes", "--format", "xml"],
        &["themes", "--year", "last"],
    ] {
        aplan(&fixture()).args(args).assert().code(2).stdout("");
    }
    let empty = tempfile::tempdir().unwrap();
    aplan(empty.path())
        .arg("themes")
        .assert()
        .code(2)
        .stderr(contains("no aplan.toml"));
    let no_plans = tempfile::tempdir().unwrap();
    fs::copy(
        fixture().join("aplan.toml"),
        no_plans.path().join("aplan.toml"),
    )
    .unwrap();
    aplan(no_plans.path())
        .arg("themes")
        .assert()
        .code(2)
        .stderr(contains("no plans under plans/"));
}

/// One plan with a bad reference and one that is not TOML at all: the second never
/// becomes a plan, and was once left out of the warning without a word.
#[test]
fn plans_with_errors_are_skipped_with_a_warning() {
    let repo = fixture_copy();
    let plan = repo.path().join("plans/2017/law.toml");
    let text = fs::read_to_string(&plan).unwrap();
    fs::write(
        &plan,
        text.replace("owner = \"cmoss\"", "owner = \"cmsos\""),
    )
    .unwrap();
    fs::write(
        repo.path().join("plans/2017/physics.toml"),
        "department = [",
    )
    .unwrap();

    let output = aplan(repo.path())
        .args(["themes", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "warning: left out 2 plans with errors (plans/2017/law.toml, plans/2017/physics.toml); run `aplan validate` to see them\n\
         reporting on 2017, the planning year that includes 2017-04-01; choose another with --year\n"
    );
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        strings(&theme(&json, "reading-lists")["departments"]),
        ["english", "history"]
    );
    assert_eq!(
        strings(&theme(&json, "open-access")["departments"]),
        ["chemistry"]
    );

    // -q keeps the report and drops the warning.
    aplan(repo.path())
        .args(["-q", "themes"])
        .assert()
        .code(0)
        .stderr("")
        .stdout(contains("reading-lists"));
}

#[test]
fn the_bundled_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let json = themes_json(root, &[]);
    assert_eq!(json["year"], 2017);
    let all = json["themes"].as_array().unwrap();
    assert_eq!(all.len(), 9);
    assert!(all.iter().any(|t| t["common"] == true));
    assert!(all.iter().any(|t| t["common"] == false));
    for t in all {
        for key in [
            "departments",
            "initiatives",
            "librarians",
            "previous_departments",
        ] {
            let list = strings(&t[key]);
            let mut sorted = list.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(list, sorted, "{} {key} is not sorted", t["id"]);
        }
        let refs: Vec<(&str, &str)> = t["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["ref"].as_str().unwrap(), i["kind"].as_str().unwrap()))
            .collect();
        assert!(refs.windows(2).all(|w| w[0] <= w[1]), "{} items", t["id"]);
    }
    for format in ["table", "md", "html", "csv"] {
        let first = themes(root, &["--format", format]);
        assert!(!first.is_empty());
        assert_eq!(
            first,
            themes(root, &["--format", format]),
            "{format} differs"
        );
    }
    aplan(root)
        .args(["themes", "--year", "2016"])
        .assert()
        .code(0)
        .stdout(contains("no earlier plans").and(contains("reading-lists")));
}
