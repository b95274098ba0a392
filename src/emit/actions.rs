//! The list of actions in each of its formats: `table` for a terminal, `csv` for a
//! spreadsheet, `json` for other tools. Each writes the same [`ActionRow`]s.

pub mod csv;
pub mod table;

use chrono::NaiveDate;

/// A date as `YYYY-MM-DD`, or an empty cell.
fn date(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}
