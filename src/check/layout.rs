//! Where plans live: the path must agree with `department` and `year`, and a department
//! has one plan a year.

use std::collections::{BTreeMap, HashSet};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Plan;
use crate::repo::Repository;

pub fn check(repo: &Repository, out: &mut Vec<Diagnostic>) {
    let paths: HashSet<&str> = repo
        .plans
        .iter()
        .map(|p| repo.sources.get(p.file).path())
        .collect();
    let departments: HashSet<&str> = repo
        .config
        .iter()
        .flat_map(|c| &c.departments)
        .map(|d| d.id.get_ref().as_str())
        .collect();
    let known = Known {
        paths: &paths,
        departments: &departments,
    };
    let mut by_key: BTreeMap<(&str, i64), Vec<&Plan>> = BTreeMap::new();
    for plan in &repo.plans {
        check_path(repo.sources.get(plan.file).path(), plan, &known, out);
        let department = plan.department.get_ref().as_str();
        if !department.is_empty() {
            by_key
                .entry((department, *plan.year.get_ref()))
                .or_default()
                .push(plan);
        }
    }
    for ((department, year), plans) in by_key.into_iter().filter(|(_, p)| p.len() > 1) {
        // The plan at the expected path is the real one; the others are stray copies.
        let expected = format!("plans/{year}/{department}.toml");
        let path = |p: &Plan| repo.sources.get(p.file).path();
        let keeper = plans
            .iter()
            .find(|p| path(p) == expected)
            .unwrap_or(&plans[0]);
        for plan in plans.iter().filter(|p| p.file != keeper.file) {
            out.push(
                Diagnostic::new(
                    Code::DuplicatePlan,
                    plan.file,
                    Some(plan.department.span()),
                    format!("{department}/{year} already has a plan: {}", path(keeper)),
                )
                .with_hint("keep one plan per department and year"),
            );
        }
    }
}

/// What exists, for hints that do not send people to a path or department that is taken
/// or unknown.
struct Known<'a> {
    paths: &'a HashSet<&'a str>,
    departments: &'a HashSet<&'a str>,
}

/// `plans/<year>/<department>.toml` must match the values inside the file.
fn check_path(path: &str, plan: &Plan, known: &Known<'_>, out: &mut Vec<Diagnostic>) {
    let department = plan.department.get_ref();
    let year = *plan.year.get_ref();
    let parts: Vec<&str> = path.split('/').collect();
    let ["plans", folder, file] = parts.as_slice() else {
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
    };
    let stem = file.strip_suffix(".toml").unwrap_or(file);
    if !department.is_empty() && stem != department {
        let wanted = format!("plans/{folder}/{department}.toml");
        let hint = if !known.paths.contains(wanted.as_str()) {
            format!("rename the file to {wanted}, or set department = \"{stem}\"")
        } else if known.departments.contains(stem) {
            format!("{wanted} already exists; set department = \"{stem}\" if this is {stem}'s plan")
        } else {
            format!(
                "this looks like a copy of {wanted}; merge what you need into it and delete this file"
            )
        };
        out.push(
            Diagnostic::new(
                Code::PathMismatch,
                plan.file,
                Some(plan.department.span()),
                format!("department `{department}` does not match the file name `{stem}.toml`"),
            )
            .with_hint(hint),
        );
    }
    if year != 0 && *folder != year.to_string() {
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
