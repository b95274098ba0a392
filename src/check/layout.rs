//! Where plans live: the path must agree with `department` and `year`, and a department
//! has one plan a year.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Plan;
use crate::repo::Repository;

/// Two plans for one department and year: the one at the expected path is the real one,
/// the others are reported as stray copies.
pub fn check_duplicates(repo: &Repository, out: &mut Vec<Diagnostic>) {
    let path = |p: &Plan| repo.sources.get(p.file).path();
    let mut keys: Vec<(&str, i64, &Plan)> = repo
        .plans
        .iter()
        .filter(|p| !p.department.get_ref().is_empty())
        .map(|p| (p.department.get_ref().as_str(), *p.year.get_ref(), p))
        .collect();
    // Stable, so plans of one key stay in path order.
    keys.sort_by_key(|(department, year, _)| (*department, *year));
    for group in keys.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let [(department, year, first), ..] = group else {
            continue;
        };
        if group.len() < 2 {
            continue;
        }
        let expected = format!("plans/{year}/{department}.toml");
        let keeper = group
            .iter()
            .find(|(_, _, p)| path(p) == expected)
            .map_or(*first, |(_, _, p)| *p);
        for (_, _, plan) in group.iter().filter(|(_, _, p)| p.file != keeper.file) {
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
/// or unknown. Gathered only when a plan is in the wrong place.
pub struct Known<'a> {
    repo: &'a Repository,
    lists: OnceLock<(HashSet<&'a str>, HashSet<&'a str>)>,
}

impl<'a> Known<'a> {
    pub fn new(repo: &'a Repository) -> Self {
        Self {
            repo,
            lists: OnceLock::new(),
        }
    }

    fn lists(&self) -> &(HashSet<&'a str>, HashSet<&'a str>) {
        self.lists.get_or_init(|| {
            let repo = self.repo;
            let paths = repo
                .plans
                .iter()
                .map(|p| repo.sources.get(p.file).path())
                .collect();
            let departments = repo
                .config
                .iter()
                .flat_map(|c| &c.departments)
                .map(|d| d.id.get_ref().as_str())
                .collect();
            (paths, departments)
        })
    }

    fn has_path(&self, path: &str) -> bool {
        self.lists().0.contains(path)
    }

    fn has_department(&self, id: &str) -> bool {
        self.lists().1.contains(id)
    }
}

/// `plans/<year>/<department>.toml` must match the values inside the file.
pub fn check_path(repo: &Repository, plan: &Plan, known: &Known<'_>, out: &mut Vec<Diagnostic>) {
    let path = repo.sources.get(plan.file).path();
    let department = plan.department.get_ref();
    let year = *plan.year.get_ref();
    let mut parts = path.split('/');
    let (Some("plans"), Some(folder), Some(file), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
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
        let hint = if !known.has_path(&wanted) {
            format!("rename the file to {wanted}, or set department = \"{stem}\"")
        } else if known.has_department(stem) {
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
