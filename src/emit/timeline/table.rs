//! `--format table`: one line per department with its next step and what is late.

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::emit::table::Table;
use crate::report::timeline::{DepartmentTimeline, Step};

/// How the table is written.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// The day lateness is counted to.
    pub today: NaiveDate,
    pub color: bool,
}

pub fn write(out: &mut dyn Write, rows: &[DepartmentTimeline], style: Style) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "nothing needs attention");
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
            .map(|step| row.late_text(*step, style.today))
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
    table.write(out, style.color)?;
    let open: Vec<_> = rows.iter().flat_map(|r| &r.follow_ups).collect();
    if open.is_empty() {
        return Ok(());
    }
    let mut open = open;
    open.sort_by_key(|f| (f.follow_up, f.date, &f.department));
    writeln!(out, "\nOpen follow-ups:\n")?;
    crate::emit::activity::table::follow_ups(open).write(out, style.color)
}

fn date(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}
