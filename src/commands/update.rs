//! `aplan update REF`: append an entry to an action's running log in its plan file.

use std::io::Write;

use anyhow::{Context as _, Result, anyhow, bail};

use super::Context;
use crate::cli::UpdateArgs;
use crate::diagnostic::{Diagnostic, Severity};
use crate::edit::append_update::{NewUpdate, append_update};
use crate::exit::ExitStatus;
use crate::repo::Repository;
use crate::source::FileId;
use crate::suggest::did_you_mean;
use crate::workspace::Workspace;
use crate::write::{self, Overwrite};

pub fn run(context: &Context, args: &UpdateArgs) -> Result<ExitStatus> {
    let note = args.note.trim();
    if note.is_empty() {
        bail!("the note is empty; say what happened with --note");
    }
    let by = args
        .by
        .as_deref()
        .ok_or_else(|| anyhow!("say who made the update with --by ID, or set APLAN_USER"))?;
    let root = context.root()?;

    // Find the action's file, lock it, then read everything again: an update made in the
    // meantime is in what is read, so it is kept.
    let path = {
        let workspace = Workspace::new(Repository::load(&root)?)?;
        let (plan, _) = resolve(&workspace, &args.reference)?;
        workspace.path(plan).to_owned()
    };
    let _lock = write::lock_for_edit(&root.join(&path))?;
    let mut workspace = Workspace::new(Repository::load(&root)?)?;
    let file = resolve(&workspace, &args.reference)?.0.file;
    let text = workspace
        .repo
        .text(file)
        .map(str::to_owned)
        .with_context(|| format!("cannot read {path}"))?;
    let (_, action) = resolve(&workspace, &args.reference)?;
    if workspace.config().staff(by).is_none() {
        bail!("{}", unknown_staff(&workspace, by));
    }
    let update = NewUpdate {
        date: args.date.unwrap_or(context.today),
        by: by.to_owned(),
        status: args.status,
        note: note.to_owned(),
    };
    let edited = append_update(&text, action.id.get_ref(), &update)
        .map_err(|e| anyhow!("cannot edit {path}: {e}"))?;

    let after = Workspace::new(workspace.repo.with_plan_text(&path, &edited))?;
    let file = after
        .repo
        .sources
        .iter()
        .find(|(_, f)| f.path() == path)
        .map(|(id, _)| id)
        .context("the edited plan is missing")?;
    if let Some(error) = first_error(&after, file) {
        bail!(
            "the update would make {path} invalid, so nothing was written: {}",
            describe(&after, error)
        );
    }
    write::write_atomic(&root.join(&path), edited.as_bytes(), Overwrite::Replace)?;

    if !context.quiet {
        let status = update
            .status
            .map(|s| format!(", status {s}"))
            .unwrap_or_default();
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "updated {} ({path}): {}{status}",
            args.reference, update.date
        )?;
        out.flush()?;
    }
    Ok(ExitStatus::Success)
}

/// The action a reference names, refusing one whose plan does not validate.
fn resolve<'w>(
    workspace: &'w Workspace,
    reference: &str,
) -> Result<(&'w crate::model::Plan, &'w crate::model::Action)> {
    let found = workspace.find_action(reference);
    let file = match &found {
        Ok((plan, _)) => Some(plan.file),
        // A plan that does not parse has no actions to find; name its error instead.
        Err(_) => expected_file(workspace, reference),
    };
    if let Some(file) = file
        && let Some(error) = first_error(workspace, file)
    {
        let path = workspace.repo.sources.get(file).path();
        bail!(
            "{path} does not validate, so it cannot be updated: {}; run `aplan validate {path}`",
            describe(workspace, error)
        );
    }
    found
}

/// The file a reference's plan would be at: `plans/<year>/<department>.toml`.
fn expected_file(workspace: &Workspace, reference: &str) -> Option<FileId> {
    let mut parts = reference.split('/');
    let (department, year) = (parts.next()?, parts.next()?);
    let path = format!("plans/{year}/{department}.toml");
    workspace
        .repo
        .sources
        .iter()
        .find(|(_, f)| f.path() == path)
        .map(|(id, _)| id)
}

fn first_error(workspace: &Workspace, file: FileId) -> Option<&Diagnostic> {
    workspace
        .diagnostics
        .iter()
        .find(|d| d.file == file && d.severity() == Severity::Error)
}

/// A finding on one line: `line 14: owner `x` is not in aplan.toml [unknown-staff]`.
fn describe(workspace: &Workspace, error: &Diagnostic) -> String {
    let source = workspace.repo.sources.get(error.file);
    let at = match &error.span {
        Some(span) => format!("line {}: ", source.location(span.start).line),
        None => String::new(),
    };
    format!("{at}{} [{}]", error.message, error.code)
}

fn unknown_staff(workspace: &Workspace, by: &str) -> String {
    let mut ids: Vec<&str> = workspace
        .config()
        .staff
        .iter()
        .map(|s| s.id.get_ref().as_str())
        .collect();
    ids.sort_unstable();
    let near = did_you_mean(by, ids.iter().copied())
        .map(|n| format!("did you mean `{n}`? "))
        .unwrap_or_default();
    format!(
        "`{by}` is not a staff id in aplan.toml; {near}staff ids: {}",
        ids.join(", ")
    )
}
