//! `--format table`: each person with a bar of their initiatives, for a terminal.

use std::io::{self, Write};

use super::{staff_table, write_breaches};
use crate::report::workload::Workload;

pub fn write(out: &mut dyn Write, report: &Workload, color: bool) -> io::Result<()> {
    writeln!(out, "Workload {}: ! marks a broken limit\n", report.year)?;
    staff_table(report, true).write(out, color)?;
    write_breaches(out, report, "")
}
