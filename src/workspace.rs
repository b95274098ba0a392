//! A repository made ready for reports and edits: loaded, validated, and split into the
//! plans that can be trusted and those skipped because they have errors.

use std::collections::HashSet;

use anyhow::{Result, anyhow, bail};

use crate::check;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Action, Config, Plan};
use crate::repo::Repository;
use crate::source::FileId;
use crate::suggest::nearest;

/// A validated repository.
#[derive(Debug)]
pub struct Workspace {
    pub repo: Repository,
    /// Every finding of `aplan validate`.
    pub diagnostics: Vec<Diagnostic>,
    broken: HashSet<FileId>,
}

impl Workspace {
    /// Validates a loaded repository. Fails when `aplan.toml` cannot be read at all, since
    /// no report makes sense without it.
    pub fn new(mut repo: Repository) -> Result<Workspace> {
        if repo.config.is_none() {
            bail!("aplan.toml could not be read; run `aplan validate` to see why");
        }
        let diagnostics = check::validate(&repo);
        repo.recall_texts(diagnostics.iter().map(|d| d.file));
        let broken = diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .map(|d| d.file)
            .collect();
        Ok(Workspace {
            repo,
            diagnostics,
            broken,
        })
    }

    pub fn config(&self) -> &Config {
        self.repo
            .config
            .as_ref()
            .expect("Workspace::new refuses a repository without a config")
    }

    /// Whether a plan's file has no errors.
    pub fn is_valid(&self, plan: &Plan) -> bool {
        !self.broken.contains(&plan.file)
    }

    /// The first error in a plan's file, for refusing to act on it.
    pub fn first_error(&self, plan: &Plan) -> Option<&Diagnostic> {
        self.diagnostics
            .iter()
            .find(|d| d.file == plan.file && d.severity() == Severity::Error)
    }

    /// The path of a plan's file, relative to the root.
    pub fn path(&self, plan: &Plan) -> &str {
        self.repo.sources.get(plan.file).path()
    }

    /// Every plan without errors, by year then department.
    pub fn plans(&self) -> Vec<&Plan> {
        let mut plans: Vec<&Plan> = self
            .repo
            .plans
            .iter()
            .filter(|p| self.is_valid(p))
            .collect();
        plans.sort_by(|a, b| {
            (a.year.get_ref(), a.department.get_ref())
                .cmp(&(b.year.get_ref(), b.department.get_ref()))
        });
        plans
    }

    /// The plans without errors for one year, by department.
    pub fn plans_for(&self, year: i64) -> Vec<&Plan> {
        self.plans()
            .into_iter()
            .filter(|p| *p.year.get_ref() == year)
            .collect()
    }

    /// The department's plan for the year, if it has one without errors.
    pub fn plan(&self, department: &str, year: i64) -> Option<&Plan> {
        self.repo.plans.iter().find(|p| {
            p.department.get_ref() == department && *p.year.get_ref() == year && self.is_valid(p)
        })
    }

    /// The department's most recent plan before `year`, without errors.
    pub fn previous_plan(&self, department: &str, year: i64) -> Option<&Plan> {
        self.plans()
            .into_iter()
            .filter(|p| p.department.get_ref() == department && *p.year.get_ref() < year)
            .max_by_key(|p| *p.year.get_ref())
    }

    /// Paths of the plan files left out of reports because they have errors, sorted.
    /// Files too broken to read as a plan at all (bad TOML, not UTF-8) are included: they
    /// never become a [`Plan`], but a report must still say it left them out.
    pub fn skipped(&self) -> Vec<&str> {
        let mut skipped: Vec<&str> = self
            .repo
            .sources
            .iter()
            .filter(|(id, file)| {
                self.broken.contains(id)
                    && file.path().starts_with("plans/")
                    && file.path().ends_with(".toml")
            })
            .map(|(_, file)| file.path())
            .collect();
        skipped.sort_unstable();
        skipped
    }

    /// Every year that has a plan (with or without errors), ascending.
    pub fn years(&self) -> Vec<i64> {
        let mut years: Vec<i64> = self
            .repo
            .plans
            .iter()
            .map(|p| *p.year.get_ref())
            .filter(|y| *y != 0)
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The year asked for, which must have plans, or the latest year.
    pub fn year(&self, asked: Option<i64>) -> Result<i64> {
        let years = self.years();
        let listed = || {
            years
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match asked {
            Some(year) if years.contains(&year) => Ok(year),
            Some(year) if years.is_empty() => {
                bail!("there are no plans for {year}: plans/ has none yet")
            }
            Some(year) => bail!(
                "there are no plans for {year}; years with plans: {}",
                listed()
            ),
            None => years
                .last()
                .copied()
                .ok_or_else(|| anyhow!("there are no plans under plans/ yet")),
        }
    }

    /// A plan named by its path (`plans/2017/history.toml`) or reference (`history/2017`).
    pub fn find_plan(&self, name: &str) -> Result<&Plan> {
        let wanted = name.trim_end_matches('/');
        let found = self.repo.plans.iter().find(|p| {
            p.reference() == wanted
                || self.path(p) == wanted
                || self.path(p) == wanted.trim_start_matches("./")
        });
        found.ok_or_else(|| {
            let references: Vec<String> = self.repo.plans.iter().map(Plan::reference).collect();
            let near = nearest(wanted, references.iter().map(String::as_str), 3);
            anyhow!("no plan `{name}`; the nearest are: {}", near.join(", "))
        })
    }

    /// An action named `department/year/id`, with its plan.
    pub fn find_action(&self, reference: &str) -> Result<(&Plan, &Action)> {
        let found = self.repo.plans.iter().find_map(|plan| {
            let prefix = format!("{}/", plan.reference());
            let id = reference.strip_prefix(&prefix)?;
            plan.action(id).map(|action| (plan, action))
        });
        found.ok_or_else(|| {
            let references: Vec<String> = self
                .repo
                .plans
                .iter()
                .flat_map(|p| p.actions.iter().map(move |a| action_reference(p, a)))
                .collect();
            let near = nearest(reference, references.iter().map(String::as_str), 3);
            anyhow!(
                "no action `{reference}`; the nearest are: {}",
                near.join(", ")
            )
        })
    }
}

/// An action's global reference, as in `history/2017/year1-lists`.
pub fn action_reference(plan: &Plan, action: &Action) -> String {
    format!("{}/{}", plan.reference(), action.id.get_ref())
}
