//! `aplan activity`: what the library has done with each department, and who did it.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;
use super::log::unknown_department;
use super::update::unknown_staff;
use crate::cli::{ActivityArgs, ListFormat};
use crate::emit::activity;
use crate::exit::ExitStatus;
use crate::report::activity::{Selection, Window};

pub fn run(context: &Context, args: &ActivityArgs) -> Result<ExitStatus> {
    let workspace = context.workspace()?;
    let config = workspace.config();
    if let Some(department) = args
        .department
        .iter()
        .find(|d| config.department(d).is_none())
    {
        bail!("{}", unknown_department(config, department));
    }
    if let Some(by) = args.by.iter().find(|by| config.staff(by).is_none()) {
        bail!("{}", unknown_staff(config, by));
    }
    let window = match args.since {
        Some(since) => Window::Since(since),
        None => Window::Year(context.year(&workspace, args.year)?),
    };
    let selection = Selection {
        window,
        by: args.by.clone(),
        departments: args.department.clone(),
        today: context.today,
    };
    let report = crate::report::activity::build(config, &workspace.interactions(), &selection);

    let mut out = std::io::stdout().lock();
    match args.format {
        ListFormat::Table => activity::table::write(&mut out, &report, context.color)?,
        ListFormat::Csv => activity::csv::write(&mut out, &report)?,
        ListFormat::Json => crate::emit::pretty_json(&mut out, &report)?,
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}
