//! The list of actions in each of its formats: `table` for a terminal, `csv` for a
//! spreadsheet, `json` for other tools. Each writes the same [`ActionRow`]s.

pub mod csv;
pub mod table;

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::report::actions::ActionRow;

/// `--format json`: the rows as documented in the README.
pub fn json(out: &mut dyn Write, rows: &[ActionRow]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, rows)?;
    writeln!(out)
}

/// A date as `YYYY-MM-DD`, or an empty cell.
fn date(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}
