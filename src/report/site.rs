//! The static site of `aplan site` as data for its templates: one year's dashboard (every
//! department's place in the cycle), its plans and the earlier ones, and the themes,
//! workload, timeline and actions reports, with ids looked up as names and dates written
//! out. The charts are drawn from the same data by `render::svg`.

mod actions;
pub mod activity;
mod overview;
mod themes;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::document::{self, Document, figures};
use super::timeline::{self, DepartmentTimeline, Step};
use super::workload::{self, Workload};
use crate::model::decode::Keyword;
use crate::model::{Config, Interactions, Plan, PlanStatus};
use crate::workspace::Workspace;

pub use actions::{ActionLine, ActionsPage, PersonGroup, StatusGroup};
pub use overview::{DepartmentRow, Overview, PlanLink, StageCount, StatusCount};
pub use themes::{MatrixCell, MatrixRow, ThemeColumn, ThemeGroup, ThemesPage};

/// Everything the site shows, for one year as it stands on one day. A plan's meeting
/// document is built when its page is rendered ([`Site::document`]), so the site of a large
/// repository never holds every document at once.
#[derive(Debug, Clone)]
pub struct Site<'w> {
    workspace: &'w Workspace,
    pub library: String,
    pub year: i64,
    pub today: NaiveDate,
    pub overview: Overview,
    /// The year's plans and every earlier one, by year then department.
    pub plans: Vec<PlanPage<'w>>,
    pub themes: ThemesPage,
    pub workload: WorkloadPage,
    pub timeline: TimelinePage,
    pub actions: ActionsPage,
    /// The latest review of the process up to the year, if any.
    pub review: Option<super::review::ReviewReport>,
    pub activity: activity::ActivityPage,
    /// The interactions files without errors, by year then department.
    interactions: Vec<&'w Interactions>,
    /// Each department's plan pages, as indices into `plans`, earliest year first.
    pages_of: BTreeMap<&'w str, Vec<usize>>,
}

/// One plan's page: the plan and the file it is written to.
#[derive(Debug, Clone)]
pub struct PlanPage<'w> {
    pub file: String,
    pub plan: &'w Plan,
}

impl Site<'_> {
    /// A plan page's department's latest interactions, as of the day its document is.
    pub fn recent_interactions(&self, page: &PlanPage<'_>) -> Vec<activity::RecentInteraction> {
        let as_of = document::as_of(page.plan, None, self.today);
        activity::recent(&self.interactions, page.plan.department.get_ref(), as_of)
    }

    /// Every page the site has of a plan page's department, one a year, earliest first:
    /// the department's plans across years, the page itself among them.
    pub fn plans_across_years(&self, page: &PlanPage<'_>) -> Vec<YearLink> {
        let pages = self.pages_of.get(page.plan.department.get_ref().as_str());
        pages
            .into_iter()
            .flatten()
            .map(|&i| &self.plans[i])
            .map(|p| YearLink {
                year: *p.plan.year.get_ref(),
                file: p.file.clone(),
                current: p.file == page.file,
            })
            .collect()
    }

    /// The meeting document of a plan page.
    pub fn document(&self, page: &PlanPage<'_>) -> Document {
        let as_of = document::as_of(page.plan, None, self.today);
        document::build(self.workspace, page.plan, as_of)
    }
}

/// One year's plan page of a department.
#[derive(Debug, Clone, Serialize)]
pub struct YearLink {
    pub year: i64,
    pub file: String,
    /// The page the link is on.
    pub current: bool,
}

/// The workload report with names, for the chart and the table beside it.
#[derive(Debug, Clone, Serialize)]
pub struct WorkloadPage {
    #[serde(skip)]
    pub report: Workload,
    pub limits: workload::WorkloadLimits,
    /// By id, as the report lists them.
    pub people: Vec<PersonLoad>,
    /// Departments with more active actions than the limit, by id.
    pub departments_over: Vec<DepartmentLoad>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonLoad {
    pub id: String,
    pub name: String,
    pub role: &'static str,
    /// The departments this person is liaison for, by name.
    pub departments: Vec<String>,
    pub active_initiatives: usize,
    pub over_initiatives: bool,
    pub over_departments: bool,
    /// Colleagues with room to spare in the same themes or faculties, by name.
    pub candidates: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DepartmentLoad {
    pub name: String,
    pub file: Option<String>,
    pub active_actions: usize,
}

/// The year's cycle: the timeline report for the strip, and its rows in words.
#[derive(Debug, Clone, Serialize)]
pub struct TimelinePage {
    #[serde(skip)]
    pub report: Vec<DepartmentTimeline>,
    pub rows: Vec<TimelineRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineRow {
    pub name: String,
    pub file: Option<String>,
    pub status_label: &'static str,
    pub sent_text: Option<String>,
    pub meeting_text: Option<String>,
    pub finalised_text: Option<String>,
    pub send_by_text: Option<String>,
    pub finalise_by_text: Option<String>,
    pub late: Vec<String>,
    pub next: Option<String>,
}

/// The site for `year` as it stands on `today`, from the plans without errors.
pub fn build(workspace: &Workspace, year: i64, today: NaiveDate) -> Site<'_> {
    let config = workspace.config();
    let timeline = timeline::build(workspace, year, today);
    let plans: Vec<PlanPage> = workspace
        .plans()
        .into_iter()
        .filter(|plan| *plan.year.get_ref() <= year)
        .map(|plan| PlanPage {
            file: plan_file(plan.department.get_ref(), *plan.year.get_ref()),
            plan,
        })
        .collect();
    let year_plans = workspace.plans_for(year);
    let workload = workload::build(config, &year_plans, year);
    let themes = super::themes::build(workspace, year, config.limits.common_theme_departments);
    let interactions = workspace.interactions();
    let mut pages_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, page) in plans.iter().enumerate() {
        let department = page.plan.department.get_ref().as_str();
        pages_of.entry(department).or_default().push(i);
    }
    for pages in pages_of.values_mut() {
        pages.sort_by_key(|&i| *plans[i].plan.year.get_ref());
    }
    Site {
        workspace,
        library: config.library.name.clone(),
        year,
        today,
        overview: overview::build(workspace, &plans, &timeline, year, today),
        themes: themes::build(&themes),
        workload: workload_page(config, workload, year),
        timeline: timeline_page(config, timeline, today),
        actions: actions::build(workspace, year, today),
        review: super::review::latest(workspace, year),
        activity: activity::build(
            config,
            &interactions,
            year,
            |id| workspace.plan(id, year).is_some(),
            today,
        ),
        plans,
        interactions,
        pages_of,
    }
}

/// The page of a plan: `2017-history.html`. Plans without errors have slug department ids,
/// so the name is always a plain file name.
pub fn plan_file(department: &str, year: i64) -> String {
    format!("{year}-{department}.html")
}

/// A department's name, or its id when aplan.toml does not know it.
fn department_name(config: &Config, id: &str) -> String {
    config
        .department(id)
        .map_or_else(|| id.to_owned(), |d| d.name.clone())
}

/// A person's name, or their id when aplan.toml does not know them.
fn staff_name(config: &Config, id: &str) -> String {
    config
        .staff(id)
        .map_or_else(|| id.to_owned(), |s| s.name.clone())
}

/// What comes next, in words for colleagues who read the site and never run aplan: `plan to
/// be sent to the department by 7 March 2017`, `plan not drafted yet`.
fn next_text(row: &DepartmentTimeline) -> Option<String> {
    row.next.map(|next| {
        let (what, when) = next.step.in_words();
        match next.by {
            Some(by) => format!("{what} {when} {}", figures::date(by)),
            None => what.to_owned(),
        }
    })
}

/// The status of a department's plan, by its label, or why it has none.
fn stage_label(row: &DepartmentTimeline) -> &'static str {
    match (
        row.status.and_then(PlanStatus::parse),
        row.next.map(|n| n.step),
    ) {
        (Some(status), _) => status.label(),
        (None, Some(Step::FixPlan)) => "Plan has errors",
        (None, _) => "No plan yet",
    }
}

fn workload_page(config: &Config, report: Workload, year: i64) -> WorkloadPage {
    let people = report
        .staff
        .iter()
        .map(|person| PersonLoad {
            id: person.id.clone(),
            name: person.name.clone(),
            role: config.staff(&person.id).map_or("", |s| s.role.label()),
            departments: person
                .departments
                .iter()
                .map(|d| department_name(config, d))
                .collect(),
            active_initiatives: person.active_initiatives,
            over_initiatives: person.over.contains(&"initiatives"),
            over_departments: person.over.contains(&"departments"),
            candidates: person
                .candidates
                .iter()
                .map(|c| staff_name(config, c))
                .collect(),
        })
        .collect();
    let departments_over = report
        .departments_over
        .iter()
        .map(|d| DepartmentLoad {
            name: department_name(config, &d.id),
            file: Some(plan_file(&d.id, year)),
            active_actions: d.active_actions,
        })
        .collect();
    WorkloadPage {
        limits: report.limits,
        people,
        departments_over,
        report,
    }
}

fn timeline_page(
    config: &Config,
    report: Vec<DepartmentTimeline>,
    today: NaiveDate,
) -> TimelinePage {
    // Table cells: dates short enough to stay on one line.
    let text = |date: Option<NaiveDate>| date.map(figures::short_date);
    let rows = report
        .iter()
        .map(|row| TimelineRow {
            name: department_name(config, &row.department),
            file: row.status.map(|_| plan_file(&row.department, row.year)),
            status_label: stage_label(row),
            sent_text: text(row.sent),
            meeting_text: text(row.meeting),
            finalised_text: text(row.finalised),
            send_by_text: text(row.send_by),
            finalise_by_text: text(row.finalise_by),
            late: row
                .late
                .iter()
                .map(|step| row.late_text(*step, today))
                .collect(),
            next: next_text(row),
        })
        .collect();
    TimelinePage { report, rows }
}
