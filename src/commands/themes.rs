//! `aplan themes`: load the repository, build the themes report for a year, print it.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{ThemesArgs, ThemesFormat};
use crate::emit::themes;
use crate::exit::ExitStatus;
use crate::render::Renderer;
use crate::report::themes::build;

pub fn run(context: &Context, args: &ThemesArgs) -> Result<ExitStatus> {
    let workspace = context.workspace()?;
    let year = context.year(&workspace, args.year)?;
    let min_departments = args
        .min_departments
        .unwrap_or(workspace.config().limits.common_theme_departments);
    let report = build(&workspace, year, min_departments);

    let mut out = std::io::stdout().lock();
    match args.format {
        ThemesFormat::Table => themes::table::write(&mut out, &report, context.color)?,
        ThemesFormat::Md => themes::markdown::write(&mut out, &report, &renderer(context)?)?,
        ThemesFormat::Html => themes::html::write(&mut out, &report, &renderer(context)?)?,
        ThemesFormat::Json => crate::emit::pretty_json(&mut out, &report)?,
        ThemesFormat::Csv => themes::csv::write(&mut out, &report)?,
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}

/// The document templates, with the repository's `templates/` laid over the built-in ones.
fn renderer(context: &Context) -> Result<Renderer> {
    let templates = super::render::template_set(context, &context.root()?, None)?;
    Ok(Renderer::new(templates)?)
}
