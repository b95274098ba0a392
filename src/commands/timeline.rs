//! `aplan timeline`: where each department is in the year's cycle, as a table, JSON or an
//! iCalendar file.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{TimelineArgs, TimelineFormat};
use crate::emit::timeline;
use crate::exit::ExitStatus;
use crate::model::ActionStatus;
use crate::report;
use crate::report::actions::{self, Filter};

pub fn run(context: &Context, args: &TimelineArgs) -> Result<ExitStatus> {
    if args.with_actions && args.format != TimelineFormat::Ics {
        anyhow::bail!(
            "--with-actions adds action due dates to a calendar: use it with --format ics"
        );
    }
    let workspace = context.workspace()?;
    let year = context.year(&workspace, args.year)?;
    let today = context.today;
    let mut rows = report::timeline::build(&workspace, year, today);
    if let Some(days) = args.within {
        rows.retain(|row| row.needs_attention(today, days));
        let horizon = today.checked_add_days(chrono::Days::new(days.into()));
        for row in &mut rows {
            row.follow_ups
                .retain(|f| horizon.is_none_or(|h| f.follow_up <= h));
        }
    }

    let mut out = std::io::stdout().lock();
    match args.format {
        TimelineFormat::Table => {
            let style = timeline::table::Style {
                today,
                color: context.color,
            };
            timeline::table::write(&mut out, &rows, style)?;
        }
        TimelineFormat::Json => crate::emit::pretty_json(&mut out, &rows)?,
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
            let title = timeline::ics::Title {
                library: &workspace.config().library.name,
                year,
            };
            timeline::ics::write(&mut out, title, &rows, &due)?;
        }
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}
