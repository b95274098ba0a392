//! Validation rules over a loaded repository, one file per family of rules.
//!
//! Every rule pushes [`Diagnostic`]s and moves on; none reads the disk or prints.

mod content;
mod cycle;
mod ids;
mod layout;
mod references;
mod text;

use crate::diagnostic::Diagnostic;
use crate::model::{Limits, Process};
use crate::repo::{CONFIG_FILE, Repository};

/// Every rule over the repository, with the problems found while reading it, sorted by
/// file and position.
pub fn validate(repo: &Repository) -> Vec<Diagnostic> {
    let mut out = repo.diagnostics.clone();
    layout::check(repo, &mut out);
    text::check(repo, &mut out);
    let (process, limits) = repo
        .config
        .as_ref()
        .map_or((Process::default(), Limits::default()), |c| {
            (c.process, c.limits)
        });
    let known = repo.config.as_ref().map(references::Known::new);
    if let (Some(config), Some(known)) = (&repo.config, &known) {
        ids::check_config(config, &mut out);
        references::check_config(config, known, &mut out);
    }
    let index = references::PlanIndex::new(&repo.plans);
    for plan in &repo.plans {
        ids::check_plan(plan, &mut out);
        if let Some(known) = &known {
            references::check_plan(known, plan, &index, &mut out);
        }
        cycle::check(plan, process, &mut out);
        content::check(plan, limits, &mut out);
    }
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
