//! `aplan new DEPT --year Y` and `aplan new --all --year Y`: draft plans for a new year.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;
use crate::cli::NewArgs;
use crate::diagnostic::Severity;
use crate::edit::draft::Draft;
use crate::exit::ExitStatus;
use crate::model::{Department, Plan};
use crate::repo::Repository;
use crate::suggest::nearest;
use crate::workspace::Workspace;
use crate::write::{self, Overwrite};

pub fn run(context: &Context, args: &NewArgs) -> Result<ExitStatus> {
    if !(1000..=9999).contains(&args.year) {
        bail!("{} is not a year of four digits", args.year);
    }
    let root = context.root()?;
    let workspace = Workspace::new(Repository::load(&root)?)?;
    let config = workspace.config();
    let departments: Vec<&Department> = match &args.department {
        Some(id) => match config.department(id) {
            Some(department) => vec![department],
            None => {
                let ids = config.departments.iter().map(|d| d.id.get_ref().as_str());
                bail!(
                    "`{id}` is not a department in aplan.toml; the nearest are: {}",
                    nearest(id, ids, 3).join(", ")
                );
            }
        },
        None => {
            let mut all: Vec<&Department> = config.departments.iter().collect();
            all.sort_by(|a, b| a.id.get_ref().cmp(b.id.get_ref()));
            all
        }
    };
    // Every draft is made and checked before any is written, so a refusal writes nothing.
    let mut drafts = Vec::new();
    let mut kept = Vec::new();
    for department in departments {
        let id = department.id.get_ref();
        let path = format!("plans/{}/{id}.toml", args.year);
        let exists = root.join(&path).exists()
            || workspace
                .repo
                .plans
                .iter()
                .any(|p| p.department.get_ref() == id && *p.year.get_ref() == args.year);
        if exists && !args.force {
            if args.all {
                kept.push(format!(
                    "kept {path}: {id} already has a plan for {}",
                    args.year
                ));
                continue;
            }
            bail!(
                "{id} already has a plan for {}: {path}; use --force to replace it",
                args.year
            );
        }
        let previous = previous_plan(&workspace, id, args.year)?;
        let draft = Draft {
            config,
            department,
            year: args.year,
            previous: previous.map(|p| (p, workspace.path(p))),
        };
        let text = draft.text();
        check_draft(&workspace, &path, &text)?;
        let carried = draft.carried_actions().len();
        let actions = if carried == 1 { "action" } else { "actions" };
        let from = previous
            .map(|p| format!(" from {}", workspace.path(p)))
            .unwrap_or_default();
        let message = format!("wrote {path}{from}: {carried} {actions} carried over");
        drafts.push((path, text, message));
    }
    let overwrite = if args.force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };
    let mut out = std::io::stdout().lock();
    for (path, text, message) in drafts {
        write::write_atomic(&root.join(&path), text.as_bytes(), overwrite)?;
        if !context.quiet {
            writeln!(out, "{message}")?;
        }
    }
    if !context.quiet {
        for line in kept {
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}

/// The department's most recent plan before `year`, refused when it does not validate:
/// a draft made from a broken plan would carry its mistakes.
fn previous_plan<'w>(
    workspace: &'w Workspace,
    department: &str,
    year: i64,
) -> Result<Option<&'w Plan>> {
    let latest = workspace
        .repo
        .plans
        .iter()
        .filter(|p| p.department.get_ref() == department && *p.year.get_ref() < year)
        .max_by_key(|p| *p.year.get_ref());
    if let Some(plan) = latest
        && let Some(error) = workspace.first_error(plan)
    {
        let path = workspace.path(plan);
        bail!(
            "{path} does not validate, so no draft is made from it: {} [{}]; run `aplan validate {path}`",
            error.message,
            error.code
        );
    }
    Ok(latest)
}

/// Refuses a draft that would not validate, naming its first error.
fn check_draft(workspace: &Workspace, path: &str, text: &str) -> Result<()> {
    let after = Workspace::new(workspace.repo.with_plan_text(path, text))?;
    let error = after
        .diagnostics
        .iter()
        .find(|d| d.severity() == Severity::Error && after.repo.sources.get(d.file).path() == path);
    if let Some(error) = error {
        bail!(
            "the draft for {path} would not validate, so it was not written: {} [{}]",
            error.message,
            error.code
        );
    }
    Ok(())
}
