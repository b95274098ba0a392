//! `aplan actions`: the central list of actions, as a table, CSV or JSON.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;
use crate::cli::{ActionsArgs, ListFormat};
use crate::emit;
use crate::emit::table::Table;
use crate::exit::ExitStatus;
use crate::report::actions::{self, ActionRow, Filter};
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
    let year = if args.all_years {
        None
    } else {
        Some(workspace.year(args.year)?)
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
        ListFormat::Table => write_table(&mut out, &rows, context)?,
        ListFormat::Csv => write_csv(&mut out, &rows)?,
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
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

fn write_table(out: &mut dyn Write, rows: &[ActionRow], context: &Context) -> Result<()> {
    if rows.is_empty() {
        writeln!(out, "no actions match")?;
        return Ok(());
    }
    let mut table = Table::new(["ref", "owner", "due", "status", "updated", "title"]);
    for row in rows {
        let overdue = row.due.is_some_and(|due| due < context.today)
            && !matches!(row.status, "done" | "dropped");
        let status = if overdue {
            format!("{} (overdue)", row.status)
        } else {
            row.status.to_owned()
        };
        table.push(vec![
            row.reference.clone(),
            row.owner.clone(),
            date(row.due),
            status,
            date(row.last_update.as_ref().and_then(|u| u.date)),
            row.title.clone(),
        ]);
    }
    table.write(out, context.color)?;
    if !context.quiet {
        let noun = if rows.len() == 1 { "action" } else { "actions" };
        writeln!(out, "\n{} {noun}", rows.len())?;
    }
    Ok(())
}

const CSV_HEADER: [&str; 17] = [
    "ref",
    "department",
    "year",
    "id",
    "title",
    "owner",
    "with",
    "themes",
    "priority",
    "quick_win",
    "due",
    "status",
    "initiative",
    "updates",
    "last_update_date",
    "last_update_by",
    "last_update_note",
];

fn write_csv(out: &mut dyn Write, rows: &[ActionRow]) -> Result<()> {
    let records = rows.iter().map(|row| {
        let last = row.last_update.as_ref();
        vec![
            row.reference.clone(),
            row.department.clone(),
            row.year.to_string(),
            row.id.clone(),
            row.title.clone(),
            row.owner.clone(),
            crate::emit::csv::list(&row.with),
            crate::emit::csv::list(&row.themes),
            row.priority.unwrap_or_default().to_owned(),
            row.quick_win.to_string(),
            date(row.due),
            row.status.to_owned(),
            row.initiative.clone().unwrap_or_default(),
            row.updates.to_string(),
            date(last.and_then(|u| u.date)),
            last.map(|u| u.by.clone()).unwrap_or_default(),
            last.map(|u| u.note.clone()).unwrap_or_default(),
        ]
    });
    emit::csv::write(out, &CSV_HEADER, records)?;
    Ok(())
}

fn date(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}
