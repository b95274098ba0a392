//! `aplan workload`: who carries what, against the limits in aplan.toml.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{ReportFormat, WorkloadArgs};
use crate::emit::table::{Table, bar};
use crate::exit::ExitStatus;
use crate::report::workload::{self, Workload};

pub fn run(context: &Context, args: &WorkloadArgs) -> Result<ExitStatus> {
    let workspace = context.workspace()?;
    let year = workspace.year(args.year)?;
    let report = workload::build(workspace.config(), &workspace.plans_for(year), year);
    let breaches = report.breaches();

    let mut out = std::io::stdout().lock();
    if args.check {
        for line in &breaches {
            writeln!(out, "{line}")?;
        }
    } else {
        match args.format {
            ReportFormat::Table => write_table(&mut out, &report, context.color)?,
            ReportFormat::Md => write_markdown(&mut out, &report)?,
            ReportFormat::Json => {
                serde_json::to_writer_pretty(&mut out, &report)?;
                writeln!(out)?;
            }
            ReportFormat::Csv => write_csv(&mut out, &report)?,
        }
    }
    out.flush()?;
    Ok(if args.check && !breaches.is_empty() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
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

fn write_table(out: &mut dyn Write, report: &Workload, color: bool) -> std::io::Result<()> {
    writeln!(out, "Workload {}: ! marks a broken limit\n", report.year)?;
    staff_table(report, true).write(out, color)?;
    write_breaches(out, report, "")
}

fn write_markdown(out: &mut dyn Write, report: &Workload) -> std::io::Result<()> {
    writeln!(out, "# Workload {}\n", report.year)?;
    staff_table(report, false).write_markdown(out)?;
    write_breaches(out, report, "- ")
}

/// The broken limits under the table, with who could take something on.
fn write_breaches(out: &mut dyn Write, report: &Workload, bullet: &str) -> std::io::Result<()> {
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

fn write_csv(out: &mut dyn Write, report: &Workload) -> std::io::Result<()> {
    let limits = report.limits;
    let rows = report.staff.iter().map(|s| {
        vec![
            s.id.clone(),
            s.name.clone(),
            s.role.to_owned(),
            s.departments.len().to_string(),
            limits.max_departments_per_librarian.to_string(),
            s.active_initiatives.to_string(),
            limits.max_initiatives_per_librarian.to_string(),
            crate::emit::csv::list(&s.over),
            crate::emit::csv::list(&s.departments),
            crate::emit::csv::list(s.initiatives.iter().map(|i| i.key.as_str())),
        ]
    });
    crate::emit::csv::write(
        out,
        &[
            "id",
            "name",
            "role",
            "departments",
            "max_departments",
            "active_initiatives",
            "max_initiatives",
            "over",
            "department_ids",
            "initiative_keys",
        ],
        rows,
    )
}
