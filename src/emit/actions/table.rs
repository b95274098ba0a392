//! `--format table`: one line per action, overdue ones marked, for a terminal.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::date;
use crate::emit::table::Table;
use crate::report::actions::ActionRow;

/// How the table is written.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Actions due before this day and still active are marked overdue.
    pub today: NaiveDate,
    pub color: bool,
    /// Leave out the count under the table.
    pub quiet: bool,
}

pub fn write(out: &mut dyn Write, rows: &[ActionRow], style: Style) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "no actions match");
    }
    let mut table = Table::new(["ref", "owner", "due", "status", "updated", "title"]);
    for row in rows {
        let status = if row.is_overdue(style.today) {
            format!("{} (overdue)", row.status)
        } else {
            row.status.to_string()
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
    table.write(out, style.color)?;
    if !style.quiet {
        let noun = if rows.len() == 1 { "action" } else { "actions" };
        writeln!(out, "\n{} {noun}", rows.len())?;
    }
    Ok(())
}
