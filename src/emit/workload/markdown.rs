//! `--format md`: the table and the broken limits as Markdown, to paste into a report.

use std::io::{self, Write};

use super::{staff_table, write_breaches};
use crate::report::workload::Workload;

pub fn write(out: &mut dyn Write, report: &Workload) -> io::Result<()> {
    writeln!(out, "# Workload {}\n", report.year)?;
    staff_table(report, false).write_markdown(out)?;
    write_breaches(out, report, "- ")
}
