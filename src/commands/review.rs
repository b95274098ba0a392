//! `aplan review`: the latest review of the process up to a year, and where each of its
//! improvements stands.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;
use crate::cli::{ReviewArgs, ReviewFormat};
use crate::emit::review;
use crate::exit::ExitStatus;
use crate::report;

pub fn run(context: &Context, args: &ReviewArgs) -> Result<ExitStatus> {
    let workspace = context.workspace()?;
    let year = match args.year {
        Some(year) => year,
        None => {
            let year = workspace
                .config()
                .process
                .year_starts
                .planning_year(context.today);
            context.note(&format!(
                "the latest review up to {year}, the planning year that includes {}; choose another with --year",
                context.today
            ));
            year
        }
    };
    let Some(report) = report::review::latest(&workspace, year) else {
        bail!(
            "there is no review of the process up to {year}; write the year's feedback and improvements in reviews/{year}.toml (`aplan schema review` describes it)"
        );
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        ReviewFormat::Table => review::table(&mut out, &report, context.color)?,
        ReviewFormat::Json => crate::emit::pretty_json(&mut out, &report)?,
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}
