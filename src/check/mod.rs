//! Validation rules over a loaded repository, one file per family of rules.
//!
//! Every rule pushes [`Diagnostic`]s and moves on; none reads the disk or prints.
//! The rules that look at one plan on its own ([`PlanRules`]) and the text check
//! (`text::check_text`) run as each file is read, in parallel; the rest, which compare
//! files, run once every plan is in ([`validate`]).

mod content;
mod cycle;
mod ids;
mod layout;
mod references;
pub(crate) mod text;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::model::{Config, Limits, Plan, Process};
use crate::repo::{CONFIG_FILE, Repository};

/// The rules that need only one plan and aplan.toml: ids, references to aplan.toml and
/// to the plan's own issues, the meeting cycle, and what the plan holds.
#[derive(Debug)]
pub struct PlanRules<'c> {
    process: Process,
    limits: Limits,
    /// `None` when aplan.toml could not be read: references cannot be checked then.
    known: Option<references::Known<'c>>,
}

impl<'c> PlanRules<'c> {
    pub fn new(config: Option<&'c Config>) -> Self {
        let (process, limits) = config.map_or((Process::default(), Limits::default()), |c| {
            (c.process, c.limits)
        });
        Self {
            process,
            limits,
            known: config.map(references::Known::new),
        }
    }

    pub fn check(&self, plan: &Plan, out: &mut Vec<Diagnostic>) {
        ids::check_plan(plan, out);
        if let Some(known) = &self.known {
            references::check_plan(known, plan, out);
        }
        cycle::check(plan, self.process, out);
        content::check(plan, self.limits, out);
    }
}

/// Every finding in the repository: those found while reading it (which include the
/// [`PlanRules`] and the text check), and those of the rules across files, sorted by file
/// and position.
pub fn validate(repo: &Repository) -> Vec<Diagnostic> {
    let mut out = repo.diagnostics.clone();
    layout::check_duplicates(repo, &mut out);
    if let Some(config) = &repo.config {
        ids::check_config(config, &mut out);
        references::check_config(config, &references::Known::new(config), &mut out);
    }
    let index = references::PlanIndex::new(&repo.plans);
    let known = layout::Known::new(repo);
    let per_plan: Vec<Vec<Diagnostic>> = repo
        .plans
        .par_iter()
        .map(|plan| {
            let mut found = Vec::new();
            layout::check_path(repo, plan, &known, &mut found);
            references::check_carried(plan, &index, &mut found);
            found
        })
        .collect();
    out.extend(per_plan.into_iter().flatten());
    out.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            let path = repo.sources.get(d.file).path();
            // aplan.toml first: a broken config explains problems in plans.
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
