//! `--format md`: the diff as Markdown for a pull request, such as a comment or
//! `$GITHUB_STEP_SUMMARY`, from the template `diff.md`: nested lists under a heading per
//! part, a table for the workload. The template escapes text from the files for Markdown.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::{count, label, place, update, value};
use crate::render::Renderer;
use crate::report::diff::{Change, Diff, FieldChange, FindingView};

/// What `diff.md` gets: each change in words, ready to lay out.
#[derive(Debug, Serialize)]
struct Page {
    /// The revisions in code style, or "the working tree".
    from: String,
    to: String,
    empty: bool,
    plans: Vec<PlanView>,
    settings: Vec<SettingView>,
    workload: Option<WorkloadView>,
    findings: Vec<FindingPart>,
}

#[derive(Debug, Serialize)]
struct PlanView {
    #[serde(rename = "ref")]
    reference: String,
    status: String,
    change: Change,
    fields: Vec<FieldView>,
    /// Issues, then actions.
    items: Vec<ItemView>,
}

#[derive(Debug, Serialize)]
struct ItemView {
    kind: &'static str,
    id: String,
    change: Change,
    title: String,
    status: Option<FieldView>,
    fields: Vec<FieldView>,
    updates: Vec<String>,
}

/// A key (the format's own name, safe to show as code) and its values in words.
#[derive(Debug, Serialize)]
struct FieldView {
    field: String,
    before: String,
    after: String,
}

#[derive(Debug, Serialize)]
struct SettingView {
    section: &'static str,
    id: Option<String>,
    change: Change,
    fields: Vec<FieldView>,
}

#[derive(Debug, Serialize)]
struct WorkloadView {
    year: i64,
    staff: Vec<StaffView>,
}

#[derive(Debug, Serialize)]
struct StaffView {
    id: String,
    initiatives: String,
    initiatives_over: bool,
    departments: String,
    departments_over: bool,
}

#[derive(Debug, Serialize)]
struct FindingPart {
    title: &'static str,
    findings: Vec<FindingLine>,
}

#[derive(Debug, Serialize)]
struct FindingLine {
    severity: String,
    code: &'static str,
    /// `file:line`, safe to show as code.
    place: String,
    message: String,
}

pub fn write(out: &mut dyn Write, diff: &Diff, renderer: &Renderer) -> Result<()> {
    out.write_all(renderer.report("diff.md", &page(diff))?.as_bytes())?;
    Ok(())
}

fn page(diff: &Diff) -> Page {
    let code = |s: &str| format!("`{}`", as_code(s));
    Page {
        from: label(&diff.from, &code),
        to: label(&diff.to, &code),
        empty: diff.is_empty(),
        plans: diff
            .plans
            .iter()
            .map(|plan| PlanView {
                reference: plan.reference.clone(),
                status: plan
                    .status
                    .clone()
                    .unwrap_or_else(|| "cannot be read".to_owned()),
                change: plan.change,
                fields: fields(&plan.fields),
                items: plan
                    .issues
                    .iter()
                    .map(|i| ItemView {
                        kind: "issue",
                        id: i.id.clone(),
                        change: i.change,
                        title: value(&i.title.clone().into()),
                        status: None,
                        fields: fields(&i.fields),
                        updates: Vec::new(),
                    })
                    .chain(plan.actions.iter().map(|a| ItemView {
                        kind: "action",
                        id: a.id.clone(),
                        change: a.change,
                        title: value(&a.title.clone().into()),
                        status: a.current_status.as_ref().map(field),
                        fields: fields(&a.fields),
                        updates: a.updates_added.iter().map(update).collect(),
                    }))
                    .collect(),
            })
            .collect(),
        settings: diff
            .settings
            .iter()
            .map(|s| SettingView {
                section: s.section,
                id: s.id.clone(),
                change: s.change,
                fields: fields(&s.fields),
            })
            .collect(),
        workload: diff
            .workload
            .as_ref()
            .filter(|w| !w.staff.is_empty())
            .map(|w| WorkloadView {
                year: w.year,
                staff: w
                    .staff
                    .iter()
                    .map(|p| StaffView {
                        id: p.id.clone(),
                        initiatives: count(&p.initiatives),
                        initiatives_over: p.initiatives.is_over(),
                        departments: count(&p.departments),
                        departments_over: p.departments.is_over(),
                    })
                    .collect(),
            }),
        findings: [
            ("Findings added", &diff.findings.added),
            ("Findings fixed", &diff.findings.fixed),
        ]
        .into_iter()
        .filter(|(_, found)| !found.is_empty())
        .map(|(title, found)| FindingPart {
            title,
            findings: found.iter().map(finding).collect(),
        })
        .collect(),
    }
}

fn field(change: &FieldChange) -> FieldView {
    FieldView {
        field: as_code(&change.field),
        before: value(&change.before),
        after: value(&change.after),
    }
}

fn fields(changes: &[FieldChange]) -> Vec<FieldView> {
    changes.iter().map(field).collect()
}

fn finding(f: &FindingView) -> FindingLine {
    FindingLine {
        severity: f.severity.to_string(),
        code: f.code,
        place: as_code(&place(f)),
        message: f.message.clone(),
    }
}

/// Text for a Markdown code span, which shows everything as written but a backtick.
fn as_code(text: &str) -> String {
    text.chars()
        .map(|c| if c == '`' || c.is_control() { '\'' } else { c })
        .collect()
}
