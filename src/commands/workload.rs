//! `aplan workload`: who carries what, against the limits in aplan.toml.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{ReportFormat, WorkloadArgs};
use crate::emit::workload;
use crate::exit::ExitStatus;
use crate::render::Renderer;
use crate::report;

pub fn run(context: &Context, args: &WorkloadArgs) -> Result<ExitStatus> {
    let workspace = context.workspace()?;
    let year = context.year(&workspace, args.year)?;
    let report = report::workload::build(workspace.config(), &workspace.plans_for(year), year);

    let mut out = std::io::stdout().lock();
    if args.check {
        workload::check(&mut out, &report)?;
    } else {
        match args.format {
            ReportFormat::Table => workload::table::write(&mut out, &report, context.color)?,
            ReportFormat::Md => {
                let templates = super::render::template_set(context, &context.root()?, None)?;
                let renderer = Renderer::new(templates)?;
                workload::markdown::write(&mut out, &report, &renderer)?;
            }
            ReportFormat::Json => workload::json(&mut out, &report)?,
            ReportFormat::Csv => workload::csv::write(&mut out, &report)?,
        }
    }
    out.flush()?;
    Ok(if args.check && !report.breaches().is_empty() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}
