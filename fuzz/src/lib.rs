//! The fuzz targets' bodies: fuzzed text dropped into the small clean repository of
//! `tests/fixtures/base`, then read, checked, reported, rendered or edited as aplan would.
//! Each target fails on a panic, and on an output that breaks a promise of the README.

use std::path::Path;
use std::sync::OnceLock;

use aplan::diagnostic::Severity;
use aplan::edit::append_update::{NewUpdate, append_update};
use aplan::emit::{self, Findings};
use aplan::model::{ActionStatus, Plan};
use aplan::render::templates::TemplateSet;
use aplan::render::{Format, Renderer};
use aplan::repo::Repository;
use aplan::report::{document, export};
use aplan::source::Sources;
use aplan::workspace::Workspace;

#[path = "../../tests/common/html.rs"]
pub mod html;

#[path = "../../tests/common/toml_tree.rs"]
mod toml_tree;

const CONFIG: &str = include_str!("../../tests/fixtures/base/aplan.toml");
const PLANS: &[(&str, &str)] = &[
    (
        "plans/2016/history.toml",
        include_str!("../../tests/fixtures/base/plans/2016/history.toml"),
    ),
    (
        "plans/2017/chemistry.toml",
        include_str!("../../tests/fixtures/base/plans/2017/chemistry.toml"),
    ),
    (
        "plans/2017/history.toml",
        include_str!("../../tests/fixtures/base/plans/2017/history.toml"),
    ),
];

/// The path the fuzzed plan takes, replacing the base repository's plan there.
const FUZZED_PLAN: &str = "plans/2017/history.toml";

/// The base repository with `config` as `aplan.toml` and `plan` as the 2017 history plan.
fn repository(config: &str, plan: Option<&str>) -> Repository {
    let plans: Vec<(String, String)> = PLANS
        .iter()
        .map(|(path, text)| match plan {
            Some(plan) if *path == FUZZED_PLAN => ((*path).to_owned(), plan.to_owned()),
            _ => ((*path).to_owned(), (*text).to_owned()),
        })
        .collect();
    Repository::from_texts(Path::new("/fuzz"), config, &plans)
}

/// The bytes as aplan reads a file: NUL bytes and other binary content are refused before
/// parsing, and text that is not UTF-8 is shown with replacement characters.
fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Every finding, in every format, as `aplan validate` prints them.
fn report(sources: &Sources, diagnostics: &[aplan::diagnostic::Diagnostic]) {
    let findings = Findings {
        sources,
        diagnostics,
        files: sources.len(),
        omitted: &[],
    };
    let mut out = Vec::new();
    for color in [false, true] {
        let style = emit::human::Style {
            color,
            quiet: false,
        };
        emit::human::write(&mut out, &findings, style).expect("writing to memory");
    }
    emit::json::write(&mut out, &findings).expect("writing to memory");
    emit::github::write(&mut out, &findings).expect("writing to memory");
}

/// The bytes as a plan with the base settings, then as the settings with the base plans.
pub fn validate(data: &[u8]) {
    let text = text(data);
    for repo in [repository(CONFIG, Some(&text)), repository(&text, None)] {
        if repo.config.is_none() {
            let diagnostics = repo.diagnostics.clone();
            report(&repo.sources, &diagnostics);
            continue;
        }
        let workspace = Workspace::new(repo).expect("the settings were read");
        report(&workspace.repo.sources, &workspace.diagnostics);
        let exported = export::build(&workspace);
        serde_json::to_string(&exported).expect("the export serialises");
    }
}

/// The bytes as a plan, rendered whether or not it validates (as `--force` does).
pub fn render(data: &[u8]) {
    let text = text(data);
    let Ok(workspace) = Workspace::new(repository(CONFIG, Some(&text))) else {
        return;
    };
    static RENDERER: OnceLock<Renderer> = OnceLock::new();
    let renderer = RENDERER.get_or_init(|| {
        Renderer::new(TemplateSet::new(Vec::new())).expect("built-in templates compile")
    });
    let Some(plan) = workspace
        .repo
        .plans
        .iter()
        .find(|p| workspace.path(p) == FUZZED_PLAN)
    else {
        return;
    };
    let today = chrono::NaiveDate::from_ymd_opt(2017, 4, 10).expect("a date");
    let as_of = document::as_of(plan, None, today);
    let document = document::build(&workspace, plan, as_of);
    let html = renderer.plan(&document, Format::Html).expect("renders");
    let problems = html::problems(&html);
    assert!(problems.is_empty(), "unsafe HTML: {problems:?}\n{html}");
    let again = renderer.plan(&document::build(&workspace, plan, as_of), Format::Html);
    assert_eq!(
        again.expect("renders"),
        html,
        "HTML differs between two runs"
    );
    renderer.plan(&document, Format::Markdown).expect("renders");
}

/// The bytes up to a NUL as a plan, after it as a note; an update appended to each action.
pub fn update(data: &[u8]) {
    let (plan_bytes, note_bytes) = match data.iter().position(|b| *b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &b"Met the department; 12 of 20 lists done"[..]),
    };
    let text = text(plan_bytes);
    let note = self::text(note_bytes);
    let mut diagnostics = Vec::new();
    let mut sources = Sources::default();
    let file = sources.add(FUZZED_PLAN.to_owned(), Some(text.clone()));
    let Some(plan) = Plan::parse(file, &text, &mut diagnostics) else {
        return;
    };
    let parsed_cleanly = !diagnostics.iter().any(|d| d.severity() == Severity::Error);
    let entry = NewUpdate {
        date: chrono::NaiveDate::from_ymd_opt(2017, 4, 10).expect("a date"),
        by: "jsmith".to_owned(),
        status: Some(ActionStatus::InProgress),
        note,
    };
    for action in plan.actions.iter().take(4) {
        let id = action.id.get_ref();
        let Ok(edited) = append_update(&text, id, &entry) else {
            continue;
        };
        assert_only_inserted(&text, &edited);
        if parsed_cleanly {
            check_appended(&edited, id, action.updates.len(), &entry);
        }
    }
}

/// `edited` is `original` with one piece of text inserted and nothing else changed.
fn assert_only_inserted(original: &str, edited: &str) {
    let prefix = original
        .bytes()
        .zip(edited.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = original[prefix..]
        .bytes()
        .rev()
        .zip(edited[prefix..].bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    assert_eq!(
        prefix + suffix,
        original.len(),
        "the edit changed more than it inserted:\n{original:?}\n{edited:?}"
    );
}

/// The edited plan reads back with the new entry last in the action's updates.
fn check_appended(edited: &str, id: &str, before: usize, entry: &NewUpdate) {
    let mut diagnostics = Vec::new();
    let mut sources = Sources::default();
    let file = sources.add(FUZZED_PLAN.to_owned(), Some(edited.to_owned()));
    let plan = Plan::parse(file, edited, &mut diagnostics).expect("the edited plan parses");
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "the edit broke the plan: {errors:?}");
    let action = plan.action(id).expect("the action is still there");
    assert_eq!(action.updates.len(), before + 1, "one entry more");
    let last = action.updates.last().expect("an entry");
    assert_eq!(last.note, entry.note);
    assert_eq!(last.by.get_ref(), &entry.by);
}

/// aplan's TOML tree against the `toml` crate's: both accept the text and read it into the
/// same keys, values and spans, or both refuse it with the same message and span.
pub fn parse(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(difference) = toml_tree::agree(text) {
        panic!("{difference}");
    }
}
