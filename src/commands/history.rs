//! `aplan history DEPT|CONTACT`: everything that happened with a department or a contact,
//! in date order.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{HistoryArgs, HistoryFormat};
use crate::emit::history;
use crate::exit::ExitStatus;
use crate::render::Renderer;
use crate::report::history::{Subject, SubjectContact};
use crate::workspace::Workspace;

pub fn run(context: &Context, args: &HistoryArgs) -> Result<ExitStatus> {
    let workspace = context.workspace()?;
    let subject = subject(&workspace, &args.subject)?;
    let report = crate::report::history::build(
        workspace.config(),
        subject,
        &workspace.plans(),
        &workspace.interactions(),
        args.since,
    );

    let mut out = std::io::stdout().lock();
    match args.format {
        HistoryFormat::Table => history::table(&mut out, &report, context.color)?,
        HistoryFormat::Json => crate::emit::pretty_json(&mut out, &report)?,
        HistoryFormat::Md => {
            let templates = super::render::template_set(context, &context.root()?, None)?;
            history::markdown(&mut out, &report, &Renderer::new(templates)?)?;
        }
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}

/// A department by id, or a contact by id or as department/id.
fn subject(workspace: &Workspace, name: &str) -> Result<Subject> {
    let config = workspace.config();
    let department_subject = |id: &str, contact: Option<SubjectContact>| Subject {
        department: id.to_owned(),
        name: config
            .department(id)
            .map_or_else(|| id.to_owned(), |d| d.name.clone()),
        contact,
    };
    if config.department(name).is_some() {
        return Ok(department_subject(name, None));
    }
    let departments: Vec<&str> = config
        .departments
        .iter()
        .map(|d| d.id.get_ref().as_str())
        .collect();
    let (file, contact) = super::find_contact(&workspace.contacts(), name, &departments)?;
    Ok(department_subject(
        &file.department,
        Some(SubjectContact::of(contact)),
    ))
}
