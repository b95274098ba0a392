//! `aplan priorities`: the paper for the senior managers' prioritisation meeting, from the
//! year's themes and workload reports.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{DocumentFormat, PrioritiesArgs};
use crate::emit::priorities;
use crate::exit::ExitStatus;
use crate::render::{Format, Renderer};
use crate::report;
use crate::write::{Overwrite, write_atomic};

pub fn run(context: &Context, args: &PrioritiesArgs) -> Result<ExitStatus> {
    let workspace = context.workspace()?;
    let year = context.year(&workspace, args.year)?;
    let config = workspace.config();
    let themes = report::themes::build(&workspace, year, config.limits.common_theme_departments);
    let workload = report::workload::build(config, &workspace.plans_for(year), year);
    let paper = report::priorities::build(&workspace, year, &themes, &workload, context.today);

    let root = context.root()?;
    let templates = super::render::template_set(context, &root, args.templates.as_deref())?;
    super::render::announce_overrides(context, &templates, |name| {
        name.starts_with("priorities.") || name == "style.css"
    });
    let renderer = Renderer::new(templates)?;
    let format = match super::document_format(
        args.format,
        args.output.as_deref(),
        &[
            (DocumentFormat::Md, &["md", "markdown"]),
            (DocumentFormat::Html, &["html", "htm"]),
        ],
    )? {
        DocumentFormat::Html => Format::Html,
        _ => Format::Markdown,
    };
    match &args.output {
        Some(file) => {
            let overwrite = if args.force {
                Overwrite::Replace
            } else {
                Overwrite::Refuse
            };
            let text = renderer.priorities(&paper, format)?;
            write_atomic(&context.absolute(file), text.as_bytes(), overwrite)?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            priorities::write(&mut out, &paper, &renderer, format)?;
            out.flush()?;
        }
    }
    Ok(ExitStatus::Success)
}
