//! Validation rules over a loaded repository, one file per family of rules.
//!
//! Every rule pushes [`Diagnostic`]s and moves on; none reads the disk or prints. Reading
//! a file already reported what did not fit the format ([`Repository::diagnostics`]); the
//! rules here run once over what was read, each plan's on every core at once, and add
//! theirs to one sorted list.

mod attendance;
pub mod baseline;
mod content;
mod crm;
mod cycle;
mod figures;
mod ids;
mod layout;
mod references;
mod review;
mod text;
mod updates;

use std::collections::HashSet;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::diagnostic::Diagnostic;
use crate::model::{Config, Contacts, Limits, Plan, Process};
use crate::repo::{CONFIG_FILE, Repository};
use crate::source::FileId;

/// Every finding in the repository: what reading it found and what every rule finds,
/// sorted by file and position.
pub fn validate(repo: &Repository) -> Vec<Diagnostic> {
    let mut out = repo.diagnostics.clone();
    run(repo, None, &mut out);
    sorted(repo, out)
}

/// The findings in `files` only: what reading them found and what every rule finds in
/// them, the rules across files looking at the whole repository. An edit is judged by
/// the findings in the files it changes.
pub fn validate_files(repo: &Repository, files: &[FileId]) -> Vec<Diagnostic> {
    let only: HashSet<FileId> = files.iter().copied().collect();
    let mut out: Vec<Diagnostic> = repo
        .diagnostics
        .iter()
        .filter(|d| only.contains(&d.file))
        .cloned()
        .collect();
    run(repo, Some(&only), &mut out);
    out.retain(|d| only.contains(&d.file));
    sorted(repo, out)
}

/// Runs every rule over the repository, or over the files in `only`.
fn run(repo: &Repository, only: Option<&HashSet<FileId>>, out: &mut Vec<Diagnostic>) {
    let wanted = |file: FileId| only.is_none_or(|only| only.contains(&file));
    let config = repo.config.as_ref();
    if let Some(config) = config.filter(|c| wanted(c.file)) {
        ids::check_config(config, out);
        references::check_config(config, &references::Known::new(config), out);
    }
    layout::check_duplicates(repo, out);
    let texts: Vec<(FileId, &str)> = repo
        .sources
        .iter()
        .filter(|(id, _)| wanted(*id))
        .filter_map(|(id, file)| Some((id, file.text()?)))
        .collect();
    let contacts = ContactsIndex::new(&repo.contacts);
    let rules = PlanRules::new(config);
    let index = references::PlanIndex::new(repo);
    let known = layout::Known::new(repo);
    for file in repo.contacts.iter().filter(|c| wanted(c.file)) {
        ids::check_contacts(file, out);
        crm::check_contacts(file, out);
        if let Some(known) = &rules.known {
            let path = repo.sources.get(file.file).path();
            references::check_department_file(known, file.file, path, &file.department, out);
        }
    }
    let year_starts = repo
        .config
        .as_ref()
        .map(|c| c.process.year_starts)
        .unwrap_or_default();
    let per_interactions: Vec<Vec<Diagnostic>> = repo
        .interactions
        .par_iter()
        .filter(|file| wanted(file.file))
        .map(|file| {
            let mut found = Vec::new();
            crm::check_interactions(file, year_starts, &mut found);
            if let Some(known) = &rules.known {
                let path = repo.sources.get(file.file).path();
                references::check_department_file(
                    known,
                    file.file,
                    path,
                    &file.department,
                    &mut found,
                );
                let people = contacts.of(&file.department);
                references::check_interactions(known, file, people, &index, &mut found);
            }
            found
        })
        .collect();
    for file in repo.reviews.iter().filter(|r| wanted(r.file)) {
        ids::check_review(file, out);
        review::check(file, repo.sources.get(file.file).path(), out);
        if let Some(known) = &rules.known {
            references::check_review(known, file, out);
        }
    }
    let per_plan: Vec<Vec<Diagnostic>> = repo
        .plans
        .par_iter()
        .filter(|plan| wanted(plan.file))
        .map(|plan| {
            let mut found = Vec::new();
            rules.check(plan, contacts.of(plan.department.get_ref()), &mut found);
            layout::check_path(repo, plan, &known, &mut found);
            references::check_carried(plan, &index, &mut found);
            figures::check(plan, repo.sources.get(plan.file).text(), &mut found);
            found
        })
        .collect();
    let per_text: Vec<Vec<Diagnostic>> = texts
        .par_iter()
        .map(|(file, text)| {
            let mut found = Vec::new();
            text::check_text(*file, text, &mut found);
            found
        })
        .collect();
    out.extend(per_plan.into_iter().flatten());
    out.extend(per_interactions.into_iter().flatten());
    out.extend(per_text.into_iter().flatten());
}

/// Findings by file (aplan.toml first: a broken config explains problems in plans), then
/// position, each once.
fn sorted(repo: &Repository, mut out: Vec<Diagnostic>) -> Vec<Diagnostic> {
    out.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            let path = repo.sources.get(d.file).path();
            (
                path != CONFIG_FILE,
                path,
                d.span.as_ref().map(|s| s.start),
                d.code,
            )
        };
        key(a).cmp(&key(b))
    });
    out.dedup();
    out
}

/// The rules that need only one plan and aplan.toml: ids, references to aplan.toml and
/// to the plan's own issues, the meeting cycle, and what the plan holds.
#[derive(Debug)]
struct PlanRules<'c> {
    config: Option<&'c Config>,
    process: Process,
    limits: Limits,
    /// `None` when aplan.toml could not be read: references cannot be checked then.
    known: Option<references::Known<'c>>,
}

impl<'c> PlanRules<'c> {
    fn new(config: Option<&'c Config>) -> Self {
        let (process, limits) = config.map_or((Process::default(), Limits::default()), |c| {
            (c.process.clone(), c.limits)
        });
        Self {
            config,
            process,
            limits,
            known: config.map(references::Known::new),
        }
    }

    fn check(&self, plan: &Plan, contacts: Option<&Contacts>, out: &mut Vec<Diagnostic>) {
        ids::check_plan(plan, out);
        if let Some(known) = &self.known {
            references::check_plan(known, plan, contacts, out);
        }
        cycle::check(plan, contacts, &self.process, out);
        if let Some(config) = self.config {
            attendance::check(plan, config, out);
        }
        content::check(plan, self.limits, out);
        updates::check(plan, self.process.year_starts, out);
    }
}

/// Each department's contacts file, for the rules of plans and interactions; the first of
/// two files for one department (which cannot happen on disk) wins.
#[derive(Debug)]
struct ContactsIndex<'r> {
    by_department: FxHashMap<&'r str, &'r Contacts>,
}

impl<'r> ContactsIndex<'r> {
    fn new(contacts: &'r [Contacts]) -> Self {
        let mut by_department = FxHashMap::default();
        for file in contacts {
            by_department
                .entry(file.department.as_str())
                .or_insert(file);
        }
        Self { by_department }
    }

    fn of(&self, department: &str) -> Option<&'r Contacts> {
        self.by_department.get(department).copied()
    }
}
