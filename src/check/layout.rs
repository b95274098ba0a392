//! Where plans live: the path must agree with `department` and `year`, and a department
//! has one plan a year.

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::repo::Repository;

pub fn check(repo: &Repository, out: &mut Vec<Diagnostic>) {
    let mut first_plan: HashMap<(&str, i64), &str> = HashMap::new();
    for plan in &repo.plans {
        let path = repo.sources.get(plan.file).path();
        let department = plan.department.get_ref().as_str();
        let year = *plan.year.get_ref();
        check_path(path, plan, out);
        if department.is_empty() {
            continue;
        }
        if let Some(other) = first_plan.insert((department, year), path) {
            first_plan.insert((department, year), other);
            out.push(
                Diagnostic::new(
                    Code::DuplicatePlan,
                    plan.file,
                    Some(plan.department.span()),
                    format!("{department}/{year} already has a plan: {other}"),
                )
                .with_hint("keep one plan per department and year"),
            );
        }
    }
}

/// `plans/<year>/<department>.toml` must match the values inside the file.
fn check_path(path: &str, plan: &crate::model::Plan, out: &mut Vec<Diagnostic>) {
    let department = plan.department.get_ref();
    let year = *plan.year.get_ref();
    let parts: Vec<&str> = path.split('/').collect();
    let (folder, stem) = match parts.as_slice() {
        ["plans", folder, file] => (*folder, file.strip_suffix(".toml").unwrap_or(file)),
        _ => {
            out.push(
                Diagnostic::new(
                    Code::PathMismatch,
                    plan.file,
                    None,
                    "a plan must live at plans/<year>/<department>.toml".to_owned(),
                )
                .with_hint(format!("move it to plans/{year}/{department}.toml")),
            );
            return;
        }
    };
    if !department.is_empty() && stem != department {
        out.push(
            Diagnostic::new(
                Code::PathMismatch,
                plan.file,
                Some(plan.department.span()),
                format!("department `{department}` does not match the file name `{stem}.toml`"),
            )
            .with_hint(format!(
                "rename the file to plans/{folder}/{department}.toml, or set department = \"{stem}\""
            )),
        );
    }
    if year != 0 && folder != year.to_string() {
        out.push(
            Diagnostic::new(
                Code::PathMismatch,
                plan.file,
                Some(plan.year.span()),
                format!("year {year} does not match the folder plans/{folder}/"),
            )
            .with_hint(format!(
                "move the file to plans/{year}/, or set year = {folder}"
            )),
        );
    }
}
