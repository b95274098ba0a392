//! `aplan workload`: who carries what, against the limits in aplan.toml.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{ReportFormat, WorkloadArgs};
use crate::emit::workload;
use crate::exit::ExitStatus;
use crate::render::Renderer;
use crate::report;
use crate::report::workload::Workload;
use crate::workspace::Workspace;

pub fn run(context: &Context, args: &WorkloadArgs) -> Result<ExitStatus> {
    let workspace = context.workspace()?;
    let year = context.year(&workspace, args.year)?;
    let report = report::workload::build(workspace.config(), &workspace.plans_for(year), year);
    let breaches = match &args.new_from_rev {
        Some(revision) => {
            let before = before(context, revision, year)?;
            let new = report.breaches_beyond(before.as_ref());
            let already = report.breaches().len() - new.len();
            if already > 0 {
                let limits = if already == 1 { "limit" } else { "limits" };
                context.note(&format!(
                    "note: {already} broken {limits} already at {revision} not shown"
                ));
            }
            new
        }
        None => report.breaches(),
    };

    let mut out = std::io::stdout().lock();
    if args.check {
        workload::check(&mut out, &breaches)?;
    } else {
        match args.format {
            ReportFormat::Table => workload::table::write(&mut out, &report, context.color)?,
            ReportFormat::Md => {
                let templates = super::render::template_set(context, &context.root()?, None)?;
                let renderer = Renderer::new(templates)?;
                workload::markdown::write(&mut out, &report, &renderer)?;
            }
            ReportFormat::Json => crate::emit::pretty_json(&mut out, &report)?,
            ReportFormat::Csv => workload::csv::write(&mut out, &report)?,
        }
    }
    out.flush()?;
    Ok(if args.check && !breaches.is_empty() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// The year's workload at a Git revision; `None` when the revision has no readable
/// aplan.toml, so that every broken limit counts as the change's.
fn before(context: &Context, revision: &str, year: i64) -> Result<Option<Workload>> {
    let repo = super::load_revision(&context.root()?, revision)?;
    let workspace = repo.and_then(|repo| Workspace::new(repo).ok());
    Ok(workspace.map(|w| report::workload::build(w.config(), &w.plans_for(year), year)))
}
