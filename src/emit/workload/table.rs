//! `--format table`: each person with a bar of their initiatives, for a terminal, then the
//! broken limits and who could take something on.

use std::io::{self, Write};

use crate::emit::table::{Table, bar};
use crate::report::workload::Workload;

pub fn write(out: &mut dyn Write, report: &Workload, color: bool) -> io::Result<()> {
    writeln!(out, "Workload {}: ! marks a broken limit\n", report.year)?;
    staff_table(report).write(out, color)?;
    write_breaches(out, report)
}

/// One row per person: departments and initiatives against their limits.
fn staff_table(report: &Workload) -> Table {
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
        let drawn = bar(person.active_initiatives as f64, unit, 12);
        let initiatives = format!("{drawn:<12} {initiatives}");
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
fn write_breaches(out: &mut dyn Write, report: &Workload) -> io::Result<()> {
    let breaches = report.breaches();
    if breaches.is_empty() {
        return writeln!(out, "\nEveryone is within the limits.");
    }
    writeln!(out, "\nOver the limits:\n")?;
    for line in breaches {
        writeln!(out, "{line}")?;
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
            writeln!(out, "for {}: {}", person.id, person.candidates.join(", "))?;
        }
    }
    Ok(())
}
