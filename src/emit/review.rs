//! The year's review in its formats: lines for a terminal, and JSON for other tools.

use std::io::{self, Write};

use super::table::Table;
use super::terminal::clean;
use crate::report::review::ReviewReport;

/// `--format table`: how many improvements are open, the improvements in a table, then
/// the feedback.
pub fn table(out: &mut dyn Write, report: &ReviewReport, bold: bool) -> io::Result<()> {
    writeln!(
        out,
        "Review of the {} process ({}): {} of {} improvement{} open\n",
        report.year,
        report.path,
        report.open,
        report.improvements.len(),
        if report.improvements.len() == 1 {
            ""
        } else {
            "s"
        }
    )?;
    if report.improvements.is_empty() {
        writeln!(out, "No improvements recorded.")?;
    } else {
        let mut table = Table::new(["status", "improvement", "title", "owner", "due"]);
        for improvement in &report.improvements {
            table.push(vec![
                improvement.status.to_owned(),
                improvement.id.clone(),
                clean(&improvement.title).into_owned(),
                clean(improvement.owner_name.as_deref().unwrap_or("")).into_owned(),
                improvement.due.map(|d| d.to_string()).unwrap_or_default(),
            ]);
        }
        table.write(out, bold)?;
    }
    if !report.feedback.is_empty() {
        writeln!(out, "\nFeedback:\n")?;
        for feedback in &report.feedback {
            let text = clean(&feedback.text);
            match &feedback.source {
                Some(source) => writeln!(out, "- {}: {text}", clean(source))?,
                None => writeln!(out, "- {text}")?,
            }
        }
    }
    Ok(())
}
