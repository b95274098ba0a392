//! The workload report in each of its formats: `table` for a terminal, `md` for sharing,
//! `json` and `csv` for other tools, and the bare list of broken limits for `--check`.
//! Each writes the same [`Workload`].

pub mod csv;
pub mod markdown;
pub mod table;

use std::io::{self, Write};

use crate::report::workload::Breach;

/// `--check`: each broken limit on a line of its own, nothing when all are kept (or, with
/// `--new-from-rev`, the ones the change breaks).
pub fn check(out: &mut dyn Write, breaches: &[Breach]) -> io::Result<()> {
    for line in breaches {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
