//! The workload report in each of its formats: `table` for a terminal, `md` for sharing,
//! `json` and `csv` for other tools, and the bare list of broken limits for `--check`.
//! Each writes the same [`Workload`].

pub mod csv;
pub mod markdown;
pub mod table;

use std::io::{self, Write};

use crate::emit::table::{Table, bar};
use crate::report::workload::Workload;

/// `--format json`: the report as documented in the README.
pub fn json(out: &mut dyn Write, report: &Workload) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// `--check`: each broken limit on a line of its own, nothing when all are kept.
pub fn check(out: &mut dyn Write, report: &Workload) -> io::Result<()> {
    for line in report.breaches() {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// One row per person: departments and initiatives against their limits.
fn staff_table(report: &Workload, with_bars: bool) -> Table {
    let limits = report.limits;
    let mut table = Table::new(["", "staff", "name", "role", "departments", "initiatives"]);
    // The limit is six cells wide, so a bar past six cells is over it.
    let unit = f64::from(limits.max_initiatives_per_librarian.max(1)) / 6.0;
    for person in &report.staff {
        let count = |n: usize, limit: u32| format!("{n}/{limit}");
        let initiatives = count(
            person.active_initiatives,
            limits.max_initiatives_per_librarian,
        );
        let initiatives = if with_bars {
            let drawn = bar(person.active_initiatives as f64, unit, 12);
            format!("{drawn:<12} {initiatives}")
        } else {
            initiatives
        };
        table.push(vec![
            if person.is_over() { "!" } else { "" }.to_owned(),
            person.id.clone(),
            person.name.clone(),
            person.role.to_owned(),
            count(
                person.departments.len(),
                limits.max_departments_per_librarian,
            ),
            initiatives,
        ]);
    }
    table
}

/// The broken limits under the table, with who could take something on.
fn write_breaches(out: &mut dyn Write, report: &Workload, bullet: &str) -> io::Result<()> {
    let breaches = report.breaches();
    if breaches.is_empty() {
        return writeln!(out, "\nEveryone is within the limits.");
    }
    writeln!(out, "\nOver the limits:\n")?;
    for line in breaches {
        writeln!(out, "{bullet}{line}")?;
    }
    let with_candidates: Vec<_> = report
        .staff
        .iter()
        .filter(|s| s.is_over() && !s.candidates.is_empty())
        .collect();
    if !with_candidates.is_empty() {
        writeln!(
            out,
            "\nColleagues under the limits in the same themes or faculties:\n"
        )?;
        for person in with_candidates {
            writeln!(
                out,
                "{bullet}for {}: {}",
                person.id,
                person.candidates.join(", ")
            )?;
        }
    }
    Ok(())
}
