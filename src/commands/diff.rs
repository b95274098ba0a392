//! `aplan diff`: what changed between a revision and the work tree, or two revisions.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;
use crate::check;
use crate::cli::{DiffArgs, DiffFormat};
use crate::emit;
use crate::exit::ExitStatus;
use crate::render::Renderer;
use crate::repo::Repository;
use crate::report::diff::{self, State, WORKING_TREE};

pub fn run(context: &Context, args: &DiffArgs) -> Result<ExitStatus> {
    let root = context.root()?;
    let before = revision(&root, &args.from)?;
    let after = match &args.to {
        Some(to) => revision(&root, to)?,
        None => Repository::load(&root)?,
    };
    let (before_findings, after_findings) = (check::validate(&before), check::validate(&after));
    let report = diff::build(
        State {
            label: &args.from,
            repo: &before,
            findings: &before_findings,
        },
        State {
            label: args.to.as_deref().unwrap_or(WORKING_TREE),
            repo: &after,
            findings: &after_findings,
        },
    );
    let mut out = std::io::stdout().lock();
    match args.format {
        DiffFormat::Table => emit::diff::table::write(&mut out, &report)?,
        DiffFormat::Md => {
            let templates = super::render::template_set(context, &root, None)?;
            let renderer = Renderer::new(templates)?;
            emit::diff::markdown::write(&mut out, &report, &renderer)?;
        }
        DiffFormat::Json => emit::pretty_json(&mut out, &report)?,
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}

/// The repository at a revision, which must have an aplan.toml.
fn revision(root: &std::path::Path, name: &str) -> Result<Repository> {
    match super::load_revision(root, name)? {
        Some(repo) => Ok(repo),
        None => bail!(
            "{name} has no aplan.toml (or no commits yet), so there are no plans to compare there"
        ),
    }
}
