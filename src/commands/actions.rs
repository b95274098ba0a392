//! `aplan actions`: the central list of actions, as a table, CSV or JSON.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;
use crate::cli::{ActionsArgs, ListFormat};
use crate::emit;
use crate::exit::ExitStatus;
use crate::report::actions::{self, Filter};
use crate::suggest::did_you_mean;

pub fn run(context: &Context, args: &ActionsArgs) -> Result<ExitStatus> {
    let workspace = context.workspace()?;
    let config = workspace.config();
    known(
        "staff id",
        &args.owner,
        config
            .staff
            .iter()
            .map(|s| s.id.get_ref().as_str())
            .collect(),
    )?;
    known(
        "department",
        &args.department,
        config
            .departments
            .iter()
            .map(|d| d.id.get_ref().as_str())
            .collect(),
    )?;
    known(
        "theme",
        &args.theme,
        config
            .themes
            .iter()
            .map(|t| t.id.get_ref().as_str())
            .collect(),
    )?;
    known(
        "initiative",
        &args.initiative,
        config
            .initiatives
            .iter()
            .map(|i| i.id.get_ref().as_str())
            .collect(),
    )?;
    // An overdue action is overdue whichever year's plan holds it.
    let year = if args.all_years || (args.overdue && args.year.is_none()) {
        None
    } else {
        Some(context.year(&workspace, args.year)?)
    };
    let filter = Filter {
        year,
        owners: args.owner.clone(),
        departments: args.department.clone(),
        themes: args.theme.clone(),
        statuses: args.status.clone(),
        initiatives: args.initiative.clone(),
        quick_win: args.quick_win,
        overdue: args.overdue,
        today: context.today,
    };
    let rows = actions::build(&workspace, &filter);

    let mut out = std::io::stdout().lock();
    match args.format {
        ListFormat::Table => {
            let style = emit::actions::table::Style {
                today: context.today,
                color: context.color,
                quiet: context.quiet,
            };
            emit::actions::table::write(&mut out, &rows, style)?;
        }
        ListFormat::Csv => emit::actions::csv::write(&mut out, &rows)?,
        ListFormat::Json => emit::pretty_json(&mut out, &rows)?,
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}

/// Refuses a filter value that aplan.toml does not define, which would silently match
/// nothing.
fn known(what: &str, wanted: &[String], ids: Vec<&str>) -> Result<()> {
    for id in wanted {
        if ids.contains(&id.as_str()) {
            continue;
        }
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        match did_you_mean(id, ids.iter().copied()) {
            Some(near) => bail!("`{id}` is not a {what} in aplan.toml; did you mean `{near}`?"),
            None if sorted.is_empty() => bail!("`{id}` is not a {what}: aplan.toml defines none"),
            None => bail!(
                "`{id}` is not a {what} in aplan.toml; known: {}",
                sorted.join(", ")
            ),
        }
    }
    Ok(())
}
