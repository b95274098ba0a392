//! `aplan themes`: load the repository, build the themes report for a year, print it.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{ThemesArgs, ThemesFormat};
use crate::emit::themes;
use crate::exit::ExitStatus;
use crate::repo::Repository;
use crate::report::themes::build;
use crate::workspace::Workspace;

pub fn run(context: &Context, args: &ThemesArgs) -> Result<ExitStatus> {
    let workspace = Workspace::new(Repository::load(&context.root()?)?)?;
    let year = workspace.year(args.year)?;
    let min_departments = args
        .min_departments
        .unwrap_or(workspace.config().limits.common_theme_departments);
    if !context.quiet {
        warn_skipped(&workspace);
    }
    let report = build(&workspace, year, min_departments);

    let mut out = std::io::stdout().lock();
    match args.format {
        ThemesFormat::Table => themes::table::write(&mut out, &report, context.color)?,
        ThemesFormat::Md => themes::markdown::write(&mut out, &report)?,
        ThemesFormat::Html => themes::html::write(&mut out, &report)?,
        ThemesFormat::Json => themes::json(&mut out, &report)?,
        ThemesFormat::Csv => themes::csv::write(&mut out, &report)?,
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}

/// Says on stderr which plans the report leaves out because they have errors.
fn warn_skipped(workspace: &Workspace) {
    let skipped = workspace.skipped();
    if skipped.is_empty() {
        return;
    }
    let plans = if skipped.len() == 1 { "plan" } else { "plans" };
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "warning: skipped {} {plans} with errors: {}; run `aplan validate`",
            skipped.len(),
            skipped.join(", ")
        );
    }
}
