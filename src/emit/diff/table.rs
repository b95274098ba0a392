//! `--format table`: the diff for a terminal, one change a line, indented under the plan,
//! action or setting it belongs to.

use std::io::{self, Write};

use super::{count, field, label, place, update, value};
use crate::emit::terminal::clean;
use crate::report::diff::{ActionChange, Change, Diff, FindingView, ItemChange, PlanChange};

pub fn write(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    let quoted = |s: &str| format!("`{s}`");
    let (from, to) = (label(&diff.from, &quoted), label(&diff.to, &quoted));
    if diff.is_empty() {
        return line(out, 0, &format!("No changes from {from} to {to}."));
    }
    line(out, 0, &format!("Changes from {from} to {to}"))?;
    if !diff.plans.is_empty() {
        heading(out, "Plans")?;
        for plan in &diff.plans {
            write_plan(out, plan)?;
        }
    }
    if !diff.settings.is_empty() {
        heading(out, "Settings (aplan.toml)")?;
        for setting in &diff.settings {
            let name = match &setting.id {
                Some(id) => format!("{} {id}", setting.section),
                None => setting.section.to_owned(),
            };
            match setting.change {
                Change::Added => line(out, 1, &format!("+ {name}"))?,
                Change::Removed => line(out, 1, &format!("- {name}"))?,
                Change::Changed if setting.id.is_none() => {
                    for f in &setting.fields {
                        line(out, 1, &field(f))?;
                    }
                }
                Change::Changed => {
                    line(out, 1, &format!("{name}:"))?;
                    for f in &setting.fields {
                        line(out, 2, &field(f))?;
                    }
                }
            }
        }
    }
    if let Some(workload) = diff.workload.as_ref().filter(|w| !w.staff.is_empty()) {
        heading(out, &format!("Workload {}", workload.year))?;
        for person in &workload.staff {
            line(
                out,
                1,
                &format!(
                    "{}: initiatives {}; departments {}",
                    person.id,
                    count(&person.initiatives),
                    count(&person.departments)
                ),
            )?;
        }
    }
    findings(out, "Findings added", &diff.findings.added)?;
    findings(out, "Findings fixed", &diff.findings.fixed)
}

fn write_plan(out: &mut dyn Write, plan: &PlanChange) -> io::Result<()> {
    let status = plan.status.as_deref().unwrap_or("cannot be read");
    let name = format!("{} ({status})", plan.reference);
    match plan.change {
        Change::Added => return line(out, 1, &format!("+ {name}, added")),
        Change::Removed => return line(out, 1, &format!("- {name}, removed")),
        Change::Changed => line(out, 1, &name)?,
    }
    for f in &plan.fields {
        line(out, 2, &field(f))?;
    }
    for issue in &plan.issues {
        item(out, "issue", issue)?;
    }
    for action in &plan.actions {
        write_action(out, action)?;
    }
    Ok(())
}

fn item(out: &mut dyn Write, kind: &str, item: &ItemChange) -> io::Result<()> {
    let title = value(&item.title.clone().into());
    match item.change {
        Change::Added => line(out, 2, &format!("+ {kind} {}: {title}", item.id)),
        Change::Removed => line(out, 2, &format!("- {kind} {}: {title}", item.id)),
        Change::Changed => {
            line(out, 2, &format!("{kind} {}: {title}", item.id))?;
            for f in &item.fields {
                line(out, 3, &field(f))?;
            }
            Ok(())
        }
    }
}

fn write_action(out: &mut dyn Write, action: &ActionChange) -> io::Result<()> {
    let title = value(&action.title.clone().into());
    match action.change {
        Change::Added => return line(out, 2, &format!("+ action {}: {title}", action.id)),
        Change::Removed => return line(out, 2, &format!("- action {}: {title}", action.id)),
        Change::Changed => line(out, 2, &format!("action {}: {title}", action.id))?,
    }
    if let Some(status) = &action.current_status {
        line(
            out,
            3,
            &format!(
                "status {} → {}",
                value(&status.before),
                value(&status.after)
            ),
        )?;
    }
    for f in &action.fields {
        line(out, 3, &field(f))?;
    }
    for u in &action.updates_added {
        line(out, 3, &format!("+ update {}", update(u)))?;
    }
    Ok(())
}

fn findings(out: &mut dyn Write, title: &str, findings: &[FindingView]) -> io::Result<()> {
    if findings.is_empty() {
        return Ok(());
    }
    heading(out, title)?;
    for f in findings {
        line(
            out,
            1,
            &format!("{}[{}] {}: {}", f.severity, f.code, place(f), f.message),
        )?;
    }
    Ok(())
}

fn heading(out: &mut dyn Write, title: &str) -> io::Result<()> {
    writeln!(out)?;
    line(out, 0, title)
}

/// One line, indented two spaces a level, with control characters from the files made
/// harmless for the terminal.
fn line(out: &mut dyn Write, level: usize, text: &str) -> io::Result<()> {
    writeln!(out, "{:width$}{}", "", clean(text), width = level * 2)
}
