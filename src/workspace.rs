//! A repository made ready for reports: loaded, validated, and split into the plans that
//! can be trusted and those skipped because they have errors. A report shows no line of
//! a file without findings, so those texts are let go once every rule has run.

use std::collections::HashSet;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::check;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Action, Config, Contacts, Interactions, Plan, Review};
use crate::repo::Repository;
use crate::source::{FileId, Sources};

/// A validated repository.
#[derive(Debug)]
pub struct Workspace {
    pub repo: Repository,
    /// Every finding of `aplan validate`.
    pub diagnostics: Vec<Diagnostic>,
    broken: HashSet<FileId>,
    /// The plans without errors (as indexes into `repo.plans`), by year then department.
    valid: Vec<usize>,
}

impl Workspace {
    /// Validates a loaded repository, letting go of the texts of files without findings.
    /// Fails when `aplan.toml` cannot be read at all, since no report makes sense without
    /// it.
    pub fn new(repo: Repository) -> Result<Workspace> {
        Workspace::validate(repo, true)
    }

    /// As [`Workspace::new`], keeping the text of every file, for an edit that builds on
    /// them after the report.
    pub fn keeping_texts(repo: Repository) -> Result<Workspace> {
        Workspace::validate(repo, false)
    }

    fn validate(mut repo: Repository, release_texts: bool) -> Result<Workspace> {
        if repo.config.is_none() {
            bail!("aplan.toml could not be read; run `aplan validate` to see why");
        }
        let diagnostics = check::validate(&repo);
        if release_texts {
            let with_findings: HashSet<FileId> = diagnostics.iter().map(|d| d.file).collect();
            let clean: Vec<FileId> = repo
                .sources
                .iter()
                .map(|(id, _)| id)
                .filter(|id| !with_findings.contains(id))
                .collect();
            for file in clean {
                repo.sources.get_mut(file).release_text();
            }
        }
        let broken: HashSet<FileId> = diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .map(|d| d.file)
            .collect();
        let mut valid: Vec<usize> = (0..repo.plans.len())
            .filter(|&i| {
                let plan = &repo.plans[i];
                !broken.contains(&plan.file)
                    && repo
                        .plan(plan.department.get_ref(), *plan.year.get_ref())
                        .is_some_and(|kept| kept.file == plan.file)
            })
            .collect();
        valid.sort_by_key(|&i| {
            let plan = &repo.plans[i];
            (*plan.year.get_ref(), plan.department.get_ref())
        });
        Ok(Workspace {
            repo,
            diagnostics,
            broken,
            valid,
        })
    }

    pub fn config(&self) -> &Config {
        self.repo
            .config
            .as_ref()
            .expect("Workspace::new refuses a repository without a config")
    }

    /// The first error in `aplan.toml`, on one line, when it has one: reports then run on
    /// the settings that could be read and the defaults for the rest.
    pub fn config_error(&self) -> Option<String> {
        first_error(&self.diagnostics, self.config().file)
            .map(|error| describe_error(&self.repo.sources, error))
    }

    /// Whether a plan's file has no errors.
    pub fn is_valid(&self, plan: &Plan) -> bool {
        !self.broken.contains(&plan.file)
    }

    /// The first error in a plan's file, for refusing to act on it.
    pub fn first_error(&self, plan: &Plan) -> Option<&Diagnostic> {
        first_error(&self.diagnostics, plan.file)
    }

    /// The path of a plan's file, relative to the root.
    pub fn path(&self, plan: &Plan) -> &str {
        self.repo.sources.get(plan.file).path()
    }

    /// Every plan without errors, by year then department.
    pub fn plans(&self) -> Vec<&Plan> {
        self.valid.iter().map(|&i| &self.repo.plans[i]).collect()
    }

    /// The contacts files without errors, by department.
    pub fn contacts(&self) -> Vec<&Contacts> {
        let mut contacts: Vec<&Contacts> = self
            .repo
            .contacts
            .iter()
            .filter(|c| !self.broken.contains(&c.file))
            .collect();
        contacts.sort_by(|a, b| a.department.cmp(&b.department));
        contacts
    }

    /// The department's contacts, if its contacts file has no errors.
    pub fn contacts_of(&self, department: &str) -> Option<&Contacts> {
        self.repo
            .contacts_of(department)
            .filter(|c| !self.broken.contains(&c.file))
    }

    /// The interactions files without errors, by year then department.
    pub fn interactions(&self) -> Vec<&Interactions> {
        let mut interactions: Vec<&Interactions> = self
            .repo
            .interactions
            .iter()
            .filter(|i| !self.broken.contains(&i.file))
            .collect();
        interactions.sort_by(|a, b| (a.year, &a.department).cmp(&(b.year, &b.department)));
        interactions
    }

    /// The reviews of the process without errors, by year.
    pub fn reviews(&self) -> Vec<&Review> {
        let mut reviews: Vec<&Review> = self
            .repo
            .reviews
            .iter()
            .filter(|r| !self.broken.contains(&r.file))
            .collect();
        reviews.sort_by_key(|r| r.year);
        reviews
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
        self.repo
            .plan(department, year)
            .filter(|plan| self.is_valid(plan))
    }

    /// The department's most recent plan before `year`, with or without errors: a caller
    /// that builds on it checks [`Workspace::is_valid`] rather than reaching past it to an
    /// older plan.
    pub fn previous_plan(&self, department: &str, year: i64) -> Option<&Plan> {
        self.repo.previous_plan(department, year)
    }

    /// Paths of the plan, contacts, interactions and review files left out of reports because they
    /// have errors, sorted.
    /// Files too broken to read as a plan at all (bad TOML, not UTF-8) are included: they
    /// never become a [`Plan`], but a report must still say it left them out.
    pub fn skipped(&self) -> Vec<&str> {
        let mut skipped: Vec<&str> = self
            .repo
            .sources
            .iter()
            .filter(|(id, file)| {
                self.broken.contains(id)
                    && ["plans/", "contacts/", "interactions/", "reviews/"]
                        .iter()
                        .any(|folder| file.path().starts_with(folder))
                    && file.path().ends_with(".toml")
            })
            .map(|(_, file)| file.path())
            .collect();
        skipped.sort_unstable();
        skipped
    }

    /// Every year that has a plan (with or without errors, read as a plan or not),
    /// ascending.
    pub fn years(&self) -> Vec<i64> {
        let unread = self.skipped().into_iter().filter_map(|path| {
            let (year, _) = path.strip_prefix("plans/")?.split_once('/')?;
            year.parse::<i64>().ok()
        });
        let mut years: Vec<i64> = self
            .repo
            .plans
            .iter()
            .map(|p| *p.year.get_ref())
            .chain(unread)
            .filter(|y| *y != 0)
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The year a report is on: the one asked for, which must have plans, or else the
    /// planning year that includes `today`, or when that has none yet the latest earlier
    /// year that has. Next year's drafts never take over before the year turns.
    pub fn year(&self, asked: Option<i64>, today: NaiveDate) -> Result<ChosenYear> {
        let years = self.years();
        let listed = || {
            years
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let Some(year) = asked {
            if years.contains(&year) {
                return Ok(ChosenYear { year, why: None });
            }
            if years.is_empty() {
                bail!("there are no plans for {year}: plans/ has none yet");
            }
            bail!(
                "there are no plans for {year}; years with plans: {}",
                listed()
            );
        }
        let planning = self.config().process.year_starts.planning_year(today);
        let Some(&year) = years.iter().rev().find(|y| **y <= planning) else {
            if years.is_empty() {
                bail!("there are no plans under plans/ yet");
            }
            bail!(
                "no plans for {planning}, the planning year that includes {today}, or before it; \
                 years with plans: {}; choose one with --year",
                listed()
            );
        };
        let why = if year == planning {
            format!("reporting on {year}, the planning year that includes {today}")
        } else {
            format!(
                "reporting on {year}: {planning}, the planning year that includes {today}, \
                 has no plans yet"
            )
        };
        Ok(ChosenYear {
            year,
            why: Some(format!("{why}; choose another with --year")),
        })
    }

    /// A plan named by its path (`plans/2017/history.toml`) or reference (`history/2017`).
    pub fn find_plan(&self, name: &str) -> Result<&Plan> {
        self.repo.find_plan(name)
    }

    /// The first error of a plan file that is too broken to read as a plan (a TOML syntax
    /// error, not UTF-8), named as [`Workspace::find_plan`] takes it, with the file's path:
    /// such a plan is still the plan of its department and year, with errors.
    pub fn unreadable_plan(&self, name: &str) -> Option<(&str, &Diagnostic)> {
        let name = name.trim_end_matches('/').trim_start_matches("./");
        let path = match name.split_once('/') {
            Some((department, year)) if !name.starts_with("plans/") => {
                format!("plans/{year}/{department}.toml")
            }
            _ => name.to_owned(),
        };
        let file = self.repo.file(&path)?;
        let error = first_error(&self.diagnostics, file)?;
        Some((self.repo.sources.get(file).path(), error))
    }

    /// An action named `department/year/id`, with its plan.
    pub fn find_action(&self, reference: &str) -> Result<(&Plan, &Action)> {
        self.repo.find_action(reference)
    }
}

/// The year a report is on, and why, when the user did not name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChosenYear {
    pub year: i64,
    /// Why this year, to be said on stderr; `None` when `--year` named it.
    pub why: Option<String>,
}

/// The first error in `file` among `findings`.
pub fn first_error(findings: &[Diagnostic], file: FileId) -> Option<&Diagnostic> {
    findings
        .iter()
        .find(|d| d.file == file && d.severity() == Severity::Error)
}

/// A finding on one line, for a message that refuses to act on its file:
/// `line 14: owner `x` is not in aplan.toml [unknown-staff]`.
pub fn describe_error(sources: &Sources, error: &Diagnostic) -> String {
    let at = match &error.span {
        Some(span) => format!(
            "line {}: ",
            sources.get(error.file).location(span.start).line
        ),
        None => String::new(),
    };
    format!("{at}{} [{}]", error.message, error.code)
}

/// An action's global reference, as in `history/2017/year1-lists`.
pub fn action_reference(plan: &Plan, action: &Action) -> String {
    plan.action_reference(action)
}
