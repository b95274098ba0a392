//! The timeline in each of its formats: `table` for a terminal, `json` for other tools,
//! `ics` for a calendar. Each writes the same [`DepartmentTimeline`] rows.

pub mod ics;
pub mod table;

use std::io::{self, Write};

use crate::report::timeline::DepartmentTimeline;

/// `--format json`: the rows as documented in the README.
pub fn json(out: &mut dyn Write, rows: &[DepartmentTimeline]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, rows)?;
    writeln!(out)
}
