//! `--format table`: one row per department, then each person's totals, then the open
//! follow-ups.

use std::io::{self, Write};

use super::by_kind;
use crate::emit::table::Table;
use crate::report::activity::Activity;
use crate::report::follow_ups::FollowUp;

pub fn write(out: &mut dyn Write, report: &Activity, color: bool) -> io::Result<()> {
    let window = match (report.year, report.since) {
        (Some(year), _) => format!("plan year {year}"),
        (_, Some(since)) => format!("since {since}"),
        _ => String::new(),
    };
    writeln!(
        out,
        "Activity, {window}, on {}: quiet means no interaction for more than {} days\n",
        report.today, report.quiet_after_days
    )?;
    departments(report).write(out, color)?;
    writeln!(out)?;
    staff(report).write(out, color)?;
    writeln!(out)?;
    if report.follow_ups.is_empty() {
        writeln!(out, "No open follow-ups.")
    } else {
        writeln!(out, "Open follow-ups:\n")?;
        follow_ups(&report.follow_ups).write(out, color)
    }
}

fn departments(report: &Activity) -> Table {
    let mut table = Table::new([
        "department",
        "liaison",
        "total",
        "by kind",
        "last",
        "days",
        "follow-ups",
        "",
    ])
    .right_align(&[2, 5]);
    for department in &report.departments {
        let mut follow_ups = Vec::new();
        if department.follow_ups_overdue > 0 {
            follow_ups.push(format!("{} overdue", department.follow_ups_overdue));
        }
        if department.follow_ups_due > 0 {
            follow_ups.push(format!("{} due", department.follow_ups_due));
        }
        table.push(vec![
            department.id.clone(),
            department.liaison.clone(),
            department.interactions.to_string(),
            by_kind(&report.kinds, &department.by_kind),
            department
                .last
                .as_ref()
                .map_or_else(|| "never".to_owned(), |l| l.date.to_string()),
            department
                .days_since_last
                .map(|d| d.to_string())
                .unwrap_or_default(),
            follow_ups.join(", "),
            if department.quiet { "quiet" } else { "" }.to_owned(),
        ]);
    }
    table
}

fn staff(report: &Activity) -> Table {
    let mut table =
        Table::new(["staff", "name", "total", "by kind", "departments", "last"]).right_align(&[2]);
    for person in &report.staff {
        table.push(vec![
            person.id.clone(),
            person.name.clone(),
            person.interactions.to_string(),
            by_kind(&report.kinds, &person.by_kind),
            person.departments.len().to_string(),
            person.last.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    table
}

/// Open follow-ups, one a row; `timeline` shows them too.
pub fn follow_ups<'a>(open: impl IntoIterator<Item = &'a FollowUp>) -> Table {
    let mut table = Table::new(["follow up", "", "department", "from", "kind", "summary"]);
    for follow_up in open {
        table.push(vec![
            follow_up.follow_up.to_string(),
            follow_up.state.label().to_owned(),
            follow_up.department.clone(),
            follow_up.date.to_string(),
            follow_up.kind.clone(),
            follow_up.summary.clone(),
        ]);
    }
    table
}
