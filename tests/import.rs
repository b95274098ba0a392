//! `aplan import`: figures from CSV, XLSX and ODS written into the year's plans, only the
//! imported array changed, and a wrong file refused with nothing written.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{aplan, copy_tree, fixtures};
use tempfile::TempDir;

fn data(name: &str) -> PathBuf {
    fixtures().join("import/data").join(name)
}

/// A copy of the import fixture: five departments with a 2018 draft each, and one
/// (economics) with none.
fn repo() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("import/repo"), dir.path());
    dir
}

/// Every file under `plans/`, with its bytes, in path order.
fn plans(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for year in fs::read_dir(root.join("plans")).unwrap() {
        let year = year.unwrap().path();
        for file in fs::read_dir(&year).unwrap() {
            let path = file.unwrap().path();
            let name = path.strip_prefix(root).unwrap().display().to_string();
            files.push((name, fs::read(&path).unwrap()));
        }
    }
    files.sort();
    files
}

fn text(root: &Path, plan: &str) -> String {
    fs::read_to_string(root.join("plans/2018").join(plan)).unwrap()
}

fn import(root: &Path, args: &[&str]) -> (i32, String, String) {
    let output = aplan(root).arg("import").args(args).output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn csv_xlsx_and_ods_give_the_same_plans() {
    let mut results = Vec::new();
    for file in ["usage.csv", "usage.xlsx", "usage.ods"] {
        let dir = repo();
        let path = data(file);
        let (code, out, err) = import(
            dir.path(),
            &["usage", path.to_str().unwrap(), "--year", "2018"],
        );
        assert_eq!(code, 0, "{file}: {err}");
        assert!(
            out.contains("imported 7 usage rows into 5 plans for 2018"),
            "{out}"
        );
        results.push((file, plans(dir.path())));
    }
    assert_eq!(results[0].1, results[1].1, "CSV and XLSX differ");
    assert_eq!(results[0].1, results[2].1, "CSV and ODS differ");
    // And the plans hold what the rows say.
    let history = String::from_utf8(results[0].1[2].1.clone()).unwrap();
    assert!(
        history.contains("usage = [\n  { measure = \"Loans\", value = 30210, previous = 31840, source = \"Loans\" },\n  { measure = \"E-book section requests\", value = 23975, previous = 18230, source = \"COUNTER\" },\n]"),
        "{history}"
    );
}

/// Only the imported array changes: the comments, the other arrays and tables, the
/// byte-order mark and the Windows line endings stay as they were.
#[test]
fn only_the_imported_array_changes() {
    let dir = repo();
    let before = plans(dir.path());
    let path = data("usage.csv");
    let (code, out, err) = import(
        dir.path(),
        &["usage", path.to_str().unwrap(), "--year", "2018"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("plans/2018/music.toml: 2 rows (had 0)"),
        "{out}"
    );
    let history_before = String::from_utf8(before[2].1.clone()).unwrap();
    let history = text(dir.path(), "history.toml");
    let old_array = "usage = []";
    let start = history.find("usage = [").unwrap();
    let end = start + history[start..].find("\n]").unwrap() + 2;
    assert_eq!(
        format!("{}{old_array}{}", &history[..start], &history[end..]),
        history_before
    );
    // The Windows plan had no `usage`: it is added under [context], in its line endings.
    let music = fs::read(dir.path().join("plans/2018/music.toml")).unwrap();
    let music = String::from_utf8(music).unwrap();
    assert!(music.starts_with('\u{feff}'), "{music:?}");
    assert_eq!(
        music.matches('\n').count(),
        music.matches("\r\n").count(),
        "{music:?}"
    );
    assert!(
        music.contains("[context]\r\ninvestment = []\r\nusage = [\r\n  { measure = \"Loans\", value = 4410, previous = 4200, source = \"Loans\" },\r\n"),
        "{music:?}"
    );
    let (code, _, _) = import(
        dir.path(),
        &["usage", path.to_str().unwrap(), "--year", "2018"],
    );
    assert_eq!(code, 0);
    let again = import(
        dir.path(),
        &["usage", path.to_str().unwrap(), "--year", "2018"],
    )
    .1;
    assert!(
        again.contains("plans/2018/music.toml: unchanged, 2 rows"),
        "{again}"
    );
    let validate = aplan(dir.path()).args(["validate", "-q"]).output().unwrap();
    assert_eq!(validate.status.code(), Some(0));
}

#[test]
fn other_headers_are_mapped_and_departments_found_by_name() {
    let dir = repo();
    let path = data("investment.csv");
    let (code, out, err) = import(
        dir.path(),
        &[
            "investment",
            path.to_str().unwrap(),
            "--year",
            "2018",
            "--map",
            "Cost centre=department",
            "--map",
            "Spend (GBP)=amount",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("plans/2018/history.toml: 2 rows (had 1), total £1,000 → £147,400"),
        "{out}"
    );
    let history = text(dir.path(), "history.toml");
    assert!(
        history.contains("  { item = \"Books\", amount = 46000 },\n  { item = \"Journals and databases\", amount = 101400 },\n]\nusage = []"),
        "{history}"
    );
}

/// A discipline group's LibQual+ scores go to every department in the group; a
/// department's own row for a dimension wins over its group's.
#[test]
fn libqual_groups_spread_over_their_departments() {
    let dir = repo();
    let path = data("libqual.csv");
    let (code, out, err) = import(
        dir.path(),
        &[
            "libqual",
            path.to_str().unwrap(),
            "--year",
            "2018",
            "--map",
            "Discipline=group",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("plans/2018/physics.toml: 1 row (had 0), from LibQual+ 2018"),
        "{out}"
    );
    let history = text(dir.path(), "history.toml");
    assert!(history.contains("{ dimension = \"Library as Place\", minimum = 6.6, desired = 8.1, perceived = 5.9, survey = \"LibQual+ 2018\" }"), "{history}");
    let archaeology = text(dir.path(), "archaeology.toml");
    assert!(archaeology.contains("{ dimension = \"Library as Place\", minimum = 6.4, desired = 7.8, perceived = 6.1, survey = \"LibQual+ 2018\" }"), "{archaeology}");
    assert!(!text(dir.path(), "music.toml").contains("libqual"));
}

#[test]
fn a_dry_run_prints_the_same_summary_and_writes_nothing() {
    let dir = repo();
    let before = plans(dir.path());
    let path = data("usage.xlsx");
    let (code, dry, _) = import(
        dir.path(),
        &[
            "usage",
            path.to_str().unwrap(),
            "--year",
            "2018",
            "--dry-run",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(plans(dir.path()), before);
    let (_, real, _) = import(
        dir.path(),
        &["usage", path.to_str().unwrap(), "--year", "2018"],
    );
    let body = |s: &str| {
        s.lines()
            .filter(|l| l.starts_with("plans/"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(body(&dry), body(&real));
    assert!(dry.contains("--dry-run, so nothing was written"), "{dry}");
}

/// A department without a plan for the year: the import says so and how to make one, or
/// makes the draft with --create-drafts, as `aplan new` would.
#[test]
fn departments_without_a_plan_are_named_or_get_a_draft() {
    let dir = repo();
    let before = plans(dir.path());
    let csv = dir.path().join("usage.csv");
    fs::write(
        &csv,
        "department,measure,value\nhistory,Loans,12\nDepartment of Economics,Loans,40\n",
    )
    .unwrap();
    let (code, _, err) = import(dir.path(), &["usage", "usage.csv", "--year", "2018"]);
    assert_eq!(code, 1);
    assert!(err.contains("1 department in the file has no plan for 2018 yet: economics; make the drafts first with `aplan new --all --year 2018`, or add --create-drafts"), "{err}");
    assert_eq!(plans(dir.path()), before);
    let (code, out, err) = import(
        dir.path(),
        &["usage", "usage.csv", "--year", "2018", "--create-drafts"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("plans/2018/economics.toml: new draft, 1 row, total 40"),
        "{out}"
    );
    let economics = text(dir.path(), "economics.toml");
    assert!(
        economics.starts_with("# Draft action plan for the Department of Economics, 2018."),
        "{economics}"
    );
    assert!(
        economics.contains("usage = [\n  { measure = \"Loans\", value = 40 },\n]"),
        "{economics}"
    );
}

/// Each wrong file is refused with where the problem is and what would fix it, and no
/// plan is changed.
#[test]
fn wrong_files_are_refused_and_nothing_is_written() {
    let dir = repo();
    let before = plans(dir.path());
    let write = |name: &str, bytes: &[u8]| fs::write(dir.path().join(name), bytes).unwrap();
    write(
        "unknown.csv",
        b"department,measure,value\nhistory,Loans,1\nHistroy,Visits,2\n",
    );
    write(
        "text.csv",
        b"department,measure,value\nhistory,Loans,twelve\n",
    );
    write(
        "twice.csv",
        b"department,measure,value\nhistory,Loans,1\nDepartment of History,loans,2\n",
    );
    write("empty.csv", b"");
    write("no-header.csv", b"figures for 2018\n");
    write("header.csv", b"department,measure,value\n");
    write("report.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n");
    write("columns.csv", b"dept,measure,amount\nhistory,Loans,1\n");
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["unknown.csv"],
            1,
            "unknown.csv: row 3, column 1 (department): `Histroy` is not a department in aplan.toml, by id or by name; the nearest are: history",
        ),
        (
            &["text.csv"],
            1,
            "text.csv: row 2, column 3 (value): `twelve` is not a number",
        ),
        (
            &["twice.csv"],
            1,
            "twice.csv: row 3: row 2 already gives Department of History's measure `loans`; keep one of the two rows",
        ),
        (&["empty.csv"], 2, "empty.csv is empty"),
        (
            &["no-header.csv"],
            2,
            "no-header.csv has no header row naming its columns",
        ),
        (
            &["header.csv"],
            2,
            "header.csv has a header row but no figures under it",
        ),
        (
            &["report.xlsx"],
            2,
            "report.xlsx is a PDF document, not a spreadsheet",
        ),
        (&["columns.csv"], 1, "the file has no `department` column"),
    ];
    for (args, code, message) in cases {
        let (exit, _, err) = import(
            dir.path(),
            &[&["usage"], *args, &["--year", "2018"]].concat(),
        );
        assert_eq!(exit, *code, "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(plans(dir.path()), before, "{args:?} changed a plan");
    }
    let xlsx = data("usage.xlsx");
    let (exit, _, err) = import(
        dir.path(),
        &[
            "usage",
            xlsx.to_str().unwrap(),
            "--year",
            "2018",
            "--sheet",
            "Figures",
        ],
    );
    assert_eq!(exit, 2);
    assert!(
        err.contains("has no sheet `Figures`; its sheets are: `Notes`, `Usage`"),
        "{err}"
    );
    assert_eq!(plans(dir.path()), before);
}
