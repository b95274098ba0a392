//! `--format md`: the diff as Markdown for a pull request, such as a comment or
//! `$GITHUB_STEP_SUMMARY`: nested lists under a heading per part, a table for the
//! workload. Text from the files is escaped so it reads as written.

use std::io::{self, Write};

use super::{count, label, place, update, value};
use crate::report::diff::{
    ActionChange, Change, Diff, FieldChange, FindingView, ItemChange, PlanChange,
};

pub fn write(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    let code = |s: &str| format!("`{}`", s.replace('`', "'"));
    let (from, to) = (label(&diff.from, &code), label(&diff.to, &code));
    writeln!(out, "## Changes to the action plans from {from} to {to}")?;
    if diff.is_empty() {
        writeln!(out)?;
        return writeln!(out, "No changes to the plans or the settings.");
    }
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
                Some(id) => format!("{} `{}`", setting.section, text(id)),
                None => setting.section.to_owned(),
            };
            match setting.change {
                Change::Added => writeln!(out, "- added {name}")?,
                Change::Removed => writeln!(out, "- removed {name}")?,
                Change::Changed if setting.id.is_none() => {
                    for f in &setting.fields {
                        writeln!(out, "- {}", md_field(f))?;
                    }
                }
                Change::Changed => {
                    writeln!(out, "- {name}")?;
                    for f in &setting.fields {
                        writeln!(out, "  - {}", md_field(f))?;
                    }
                }
            }
        }
    }
    if let Some(workload) = diff.workload.as_ref().filter(|w| !w.staff.is_empty()) {
        heading(out, &format!("Workload {}", workload.year))?;
        writeln!(out, "| Staff | Active initiatives | Departments |")?;
        writeln!(out, "| --- | --- | --- |")?;
        for person in &workload.staff {
            let cell = |c: &crate::report::diff::Count| {
                let shown = count(c);
                if c.is_over() {
                    format!("**{shown}**")
                } else {
                    shown
                }
            };
            writeln!(
                out,
                "| {} | {} | {} |",
                text(&person.id),
                cell(&person.initiatives),
                cell(&person.departments)
            )?;
        }
    }
    findings(out, "Findings added", &diff.findings.added)?;
    findings(out, "Findings fixed", &diff.findings.fixed)
}

fn write_plan(out: &mut dyn Write, plan: &PlanChange) -> io::Result<()> {
    let status = plan.status.as_deref().unwrap_or("cannot be read");
    let name = format!("**{}** ({status})", text(&plan.reference));
    match plan.change {
        Change::Added => return writeln!(out, "- {name}: added"),
        Change::Removed => return writeln!(out, "- {name}: removed"),
        Change::Changed => writeln!(out, "- {name}")?,
    }
    for f in &plan.fields {
        writeln!(out, "  - {}", md_field(f))?;
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
    let title = text(&value(&item.title.clone().into()));
    let id = text(&item.id);
    match item.change {
        Change::Added => writeln!(out, "  - added {kind} `{id}`: {title}"),
        Change::Removed => writeln!(out, "  - removed {kind} `{id}`: {title}"),
        Change::Changed => {
            writeln!(out, "  - {kind} `{id}`: {title}")?;
            for f in &item.fields {
                writeln!(out, "    - {}", md_field(f))?;
            }
            Ok(())
        }
    }
}

fn write_action(out: &mut dyn Write, action: &ActionChange) -> io::Result<()> {
    let title = text(&value(&action.title.clone().into()));
    let id = text(&action.id);
    match action.change {
        Change::Added => return writeln!(out, "  - added action `{id}`: {title}"),
        Change::Removed => return writeln!(out, "  - removed action `{id}`: {title}"),
        Change::Changed => writeln!(out, "  - action `{id}`: {title}")?,
    }
    if let Some(status) = &action.current_status {
        writeln!(
            out,
            "    - status {} → **{}**",
            text(&value(&status.before)),
            text(&value(&status.after))
        )?;
    }
    for f in &action.fields {
        writeln!(out, "    - {}", md_field(f))?;
    }
    for u in &action.updates_added {
        writeln!(out, "    - new update {}", text(&update(u)))?;
    }
    Ok(())
}

fn findings(out: &mut dyn Write, title: &str, findings: &[FindingView]) -> io::Result<()> {
    if findings.is_empty() {
        return Ok(());
    }
    heading(out, title)?;
    for f in findings {
        writeln!(
            out,
            "- {} `{}` in `{}`: {}",
            f.severity,
            f.code,
            place(f).replace('`', "'"),
            text(&f.message)
        )?;
    }
    Ok(())
}

fn heading(out: &mut dyn Write, title: &str) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "### {title}")?;
    writeln!(out)
}

/// `` `status`: draft → sent ``, the key in code style so it reads as the file has it.
fn md_field(change: &FieldChange) -> String {
    format!(
        "`{}`: {} → {}",
        change.field.replace('`', "'"),
        text(&value(&change.before)),
        text(&value(&change.after))
    )
}

/// Text from the files on one line, with what Markdown would read as markup escaped.
fn text(s: &str) -> String {
    let line = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut escaped = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        // `&` only matters where it could start an entity such as `&lt;`.
        let entity = c == '&'
            && chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || *n == '#');
        if entity
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#'
            )
        {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}
