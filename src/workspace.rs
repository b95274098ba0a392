//! A repository made ready for reports and edits: loaded, validated, and split into the
//! plans that can be trusted and those skipped because they have errors.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

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
    /// The plans without errors (as indexes into `repo.plans`), by year then department.
    valid: Vec<usize>,
    /// The same plans by department and year.
    by_department: BTreeMap<(String, i64), usize>,
    /// Every plan by reference and by path, made when a plan is first looked up by name.
    names: OnceLock<HashMap<String, usize>>,
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
        let broken: HashSet<FileId> = diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .map(|d| d.file)
            .collect();
        let mut by_department = BTreeMap::new();
        for (i, plan) in repo.plans.iter().enumerate() {
            if !broken.contains(&plan.file) {
                // Two valid plans cannot share a key: the second is a duplicate-plan error.
                by_department
                    .entry((plan.department.get_ref().clone(), *plan.year.get_ref()))
                    .or_insert(i);
            }
        }
        let mut valid: Vec<usize> = by_department.values().copied().collect();
        valid.sort_by_key(|&i| {
            let plan = &repo.plans[i];
            (*plan.year.get_ref(), plan.department.get_ref())
        });
        Ok(Workspace {
            repo,
            diagnostics,
            broken,
            valid,
            by_department,
            names: OnceLock::new(),
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
        self.valid.iter().map(|&i| &self.repo.plans[i]).collect()
    }

    /// The plans without errors for one year, by department.
    pub fn plans_for(&self, year: i64) -> Vec<&Plan> {
        let year_of = |i: &usize| *self.repo.plans[*i].year.get_ref();
        let start = self.valid.partition_point(|i| year_of(i) < year);
        let end = self.valid.partition_point(|i| year_of(i) <= year);
        self.valid[start..end]
            .iter()
            .map(|&i| &self.repo.plans[i])
            .collect()
    }

    /// The department's plan for the year, if it has one without errors.
    pub fn plan(&self, department: &str, year: i64) -> Option<&Plan> {
        self.by_department
            .get(&(department.to_owned(), year))
            .map(|&i| &self.repo.plans[i])
    }

    /// The department's most recent plan before `year`, without errors.
    pub fn previous_plan(&self, department: &str, year: i64) -> Option<&Plan> {
        let department = department.to_owned();
        self.by_department
            .range((department.clone(), i64::MIN)..(department, year))
            .next_back()
            .map(|(_, &i)| &self.repo.plans[i])
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
        let names = self.names.get_or_init(|| {
            let mut names = HashMap::new();
            // In reverse, so the first plan with a name keeps it.
            for (i, plan) in self.repo.plans.iter().enumerate().rev() {
                names.insert(self.path(plan).to_owned(), i);
            }
            for (i, plan) in self.repo.plans.iter().enumerate().rev() {
                names.insert(plan.reference(), i);
            }
            names
        });
        let found = [wanted, wanted.trim_start_matches("./")]
            .iter()
            .find_map(|name| names.get(*name))
            .map(|&i| &self.repo.plans[i]);
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
