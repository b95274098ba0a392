//! `aplan timeline`: where each department is in the year's cycle, as a table, JSON or an
//! iCalendar file.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;

use super::Context;
use crate::cli::{TimelineArgs, TimelineFormat};
use crate::emit;
use crate::emit::table::Table;
use crate::exit::ExitStatus;
use crate::model::ActionStatus;
use crate::report::actions::{self, Filter};
use crate::report::timeline::{self, DepartmentTimeline, Step};

pub fn run(context: &Context, args: &TimelineArgs) -> Result<ExitStatus> {
    if args.with_actions && args.format != TimelineFormat::Ics {
        anyhow::bail!(
            "--with-actions adds action due dates to a calendar: use it with --format ics"
        );
    }
    let workspace = context.workspace()?;
    let year = workspace.year(args.year)?;
    let today = context.today;
    let mut rows = timeline::build(&workspace, year, today);
    if let Some(days) = args.within {
        rows.retain(|row| row.needs_attention(today, days));
    }

    let mut out = std::io::stdout().lock();
    match args.format {
        TimelineFormat::Table => write_table(&mut out, &rows, context)?,
        TimelineFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        TimelineFormat::Ics => {
            let due = if args.with_actions {
                let filter = Filter {
                    year: Some(year),
                    statuses: vec![
                        ActionStatus::Proposed,
                        ActionStatus::Agreed,
                        ActionStatus::InProgress,
                    ],
                    today,
                    ..Filter::default()
                };
                actions::build(&workspace, &filter)
            } else {
                Vec::new()
            };
            let title = emit::ics::Title {
                library: &workspace.config().library.name,
                year,
            };
            emit::ics::write(&mut out, title, &rows, &due)?;
        }
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}

fn write_table(out: &mut dyn Write, rows: &[DepartmentTimeline], context: &Context) -> Result<()> {
    if rows.is_empty() {
        writeln!(out, "nothing needs attention")?;
        return Ok(());
    }
    let mut table = Table::new([
        "department",
        "status",
        "meeting",
        "sent",
        "finalised",
        "next",
        "by",
        "late",
    ]);
    for row in rows {
        let status = match (row.status, row.next.map(|n| n.step)) {
            (Some(status), _) => status,
            (None, Some(Step::FixPlan)) => "errors",
            (None, _) => "no plan",
        };
        let late: Vec<String> = row
            .late
            .iter()
            .map(|step| row.late_text(*step, context.today))
            .collect();
        table.push(vec![
            row.department.clone(),
            status.to_owned(),
            date(row.meeting),
            date(row.sent),
            date(row.finalised),
            row.next.map_or("-", |n| n.step.describe()).to_owned(),
            date(row.next.and_then(|n| n.by)),
            late.join(", "),
        ]);
    }
    table.write(out, context.color)?;
    Ok(())
}

/// A late step in a few words.
fn date(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}
