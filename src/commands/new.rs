//! `aplan new DEPT --year Y` and `aplan new --all --year Y`: draft plans for a new year.

use std::io::Write;

use std::path::Path;

use anyhow::{Result, bail};

use super::Context;
use crate::cli::NewArgs;
use crate::edit::Transaction;
use crate::edit::draft::Draft;
use crate::exit::ExitStatus;
use crate::model::{Config, Department};
use crate::render::Renderer;
use crate::repo::Repository;
use crate::report;
use crate::report::review::ReviewReport;
use crate::source::FileId;
use crate::suggest::nearest;

pub fn run(context: &Context, args: &NewArgs) -> Result<ExitStatus> {
    if !(1000..=9999).contains(&args.year) {
        bail!("{} is not a year of four digits", args.year);
    }
    let root = context.root()?;
    let mut transaction = Transaction::begin(&root)?;
    let repo = transaction.repo();
    let config = repo
        .config
        .as_ref()
        .expect("a transaction has the settings");
    let renderer = draft_renderer(context, &root)?;
    let review = last_review(repo, config, args.year);
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
    let mut sources = Vec::new();
    for department in departments {
        let id = department.id.get_ref();
        let path = format!("plans/{}/{id}.toml", args.year);
        let exists = root.join(&path).exists() || repo.plan(id, args.year).is_some();
        if exists && !args.force {
            if args.all {
                kept.push(format!(
                    "kept {path}: {id} already has a plan for {}",
                    args.year
                ));
                continue;
            }
            // A plan that does not parse is still the department's plan for the year.
            if repo.plan(id, args.year).is_none() && repo.file(&path).is_some() {
                bail!(
                    "{id} already has a plan for {}, with errors: {path} cannot be read as a \
                     plan; fix it (`aplan validate {path}` shows where), or use --force to \
                     replace it",
                    args.year
                );
            }
            bail!(
                "{id} already has a plan for {}: {path}; use --force to replace it",
                args.year
            );
        }
        let draft = new_draft(repo, &renderer, department, args.year)?;
        sources.extend(draft.source);
        drafts.push((draft.path, draft.text, draft.message));
    }
    // A draft made from a plan with errors would carry its mistakes.
    transaction.refuse_errors(&sources, "so no draft is made from it")?;
    let mut messages = Vec::with_capacity(drafts.len());
    for (path, text, message) in drafts {
        transaction.set(path, text);
        messages.push(message);
    }
    transaction.commit("the draft")?;

    let mut out = std::io::stdout().lock();
    if !context.quiet {
        for line in messages.iter().chain(&kept) {
            writeln!(out, "{line}")?;
        }
        if let Some(review) = review.filter(|r| r.open > 0) {
            writeln!(
                out,
                "open improvements from the review of {} ({}):",
                review.year, review.path
            )?;
            for improvement in review.improvements.iter().filter(|i| i.open) {
                let mut about = vec![improvement.status.to_owned()];
                about.extend(improvement.owner_name.clone());
                about.extend(improvement.due.map(|d| format!("due {d}")));
                writeln!(
                    out,
                    "  {}: {} ({})",
                    improvement.id,
                    improvement.title,
                    about.join(", ")
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}

/// The latest review of the process before `year`, whose open improvements the new year's
/// plans are to carry out.
fn last_review(repo: &Repository, config: &Config, year: i64) -> Option<ReviewReport> {
    repo.reviews
        .iter()
        .filter(|r| r.year.is_some_and(|y| y < year))
        .max_by_key(|r| r.year)
        .map(|review| report::review::build(config, repo.sources.get(review.file).path(), review))
}

/// The renderer of drafts: the built-in `draft.toml`, or the repository's own, which is
/// then announced on stderr.
pub(super) fn draft_renderer(context: &Context, root: &Path) -> Result<Renderer> {
    let templates = super::render::template_set(context, root, None)?;
    super::render::announce_overrides(context, &templates, |name| name == "draft.toml");
    Ok(Renderer::new(templates)?)
}

/// A department's new draft plan for `year`, made from its most recent plan.
#[derive(Debug)]
pub(super) struct NewDraft {
    /// `plans/<year>/<department>.toml`.
    pub path: String,
    pub text: String,
    /// What was written, for the user: `wrote … from …: 2 actions carried over`.
    pub message: String,
    /// The plan it was made from, which must have no errors for the draft to be written.
    pub source: Option<FileId>,
}

/// The draft `aplan new` writes for `department`.
pub(super) fn new_draft(
    repo: &Repository,
    renderer: &Renderer,
    department: &Department,
    year: i64,
) -> Result<NewDraft> {
    let config = repo
        .config
        .as_ref()
        .expect("a transaction has the settings");
    let id = department.id.get_ref();
    let path = format!("plans/{year}/{id}.toml");
    let previous = repo.previous_plan(id, year);
    let draft = Draft {
        config,
        department,
        year,
        previous: previous.map(|p| (p, repo.path(p))),
    };
    let carried = draft.carried_actions().len();
    let actions = if carried == 1 { "action" } else { "actions" };
    let from = previous
        .map(|p| format!(" from {}", repo.path(p)))
        .unwrap_or_default();
    let message = format!("wrote {path}{from}: {carried} {actions} carried over");
    Ok(NewDraft {
        text: draft.text(renderer)?,
        path,
        message,
        source: previous.map(|p| p.file),
    })
}
