//! `--format csv`: one row per department with a column per kind of interaction, for a
//! spreadsheet.

use std::io::{self, Write};

use crate::emit::csv;
use crate::report::activity::Activity;

pub fn write(out: &mut dyn Write, report: &Activity) -> io::Result<()> {
    let mut header: Vec<&str> = vec!["department", "name", "liaison", "interactions"];
    header.extend(report.kinds.iter().map(String::as_str));
    header.extend([
        "last",
        "days_since_last",
        "quiet",
        "follow_ups_due",
        "follow_ups_overdue",
    ]);
    let rows = report.departments.iter().map(|d| {
        let mut row = vec![
            d.id.clone(),
            d.name.clone(),
            d.liaison.clone(),
            d.interactions.to_string(),
        ];
        row.extend(
            report
                .kinds
                .iter()
                .map(|k| d.by_kind.get(k).copied().unwrap_or(0).to_string()),
        );
        row.extend([
            d.last
                .as_ref()
                .map(|l| l.date.to_string())
                .unwrap_or_default(),
            d.days_since_last.map(|n| n.to_string()).unwrap_or_default(),
            d.quiet.to_string(),
            d.follow_ups_due.to_string(),
            d.follow_ups_overdue.to_string(),
        ]);
        row
    });
    csv::write(out, &header, rows)
}
