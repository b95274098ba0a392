//! The site's front page: every department with its liaison, its place in the cycle, its
//! meeting, its actions by status and its plan pages.

use chrono::NaiveDate;
use serde::Serialize;

use super::{PlanPage, department_name, next_text, plan_file, staff_name, stage_label};
use crate::model::decode::Keyword;
use crate::model::{ActionStatus, PlanStatus};
use crate::report::document::figures;
use crate::report::timeline::DepartmentTimeline;
use crate::workspace::Workspace;

#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// Every department of aplan.toml, by id.
    pub departments: Vec<DepartmentRow>,
    /// How many departments are at each stage, in the order of the cycle; stages no
    /// department is at are left out.
    pub stages: Vec<StageCount>,
    /// Departments with a late step.
    pub late: usize,
    /// The year's actions by current status, every status listed.
    pub actions: Vec<StatusCount>,
    pub today_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StageCount {
    pub label: &'static str,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    /// `proposed`, `agreed`, `in-progress`, `done`, `dropped`.
    pub status: &'static str,
    pub label: &'static str,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct DepartmentRow {
    pub id: String,
    pub name: String,
    pub faculty: Option<String>,
    /// The plan's liaison librarian, else the department's, by name.
    pub liaison: String,
    /// The plan's status; `None` without a plan that has no errors.
    pub status: Option<&'static str>,
    /// `Draft`, `Sent`, `Met`, `Final`, `No plan yet` or `Plan has errors`.
    pub stage: &'static str,
    pub meeting_text: Option<String>,
    /// Late steps in words.
    pub late: Vec<String>,
    pub next: Option<String>,
    /// Actions by current status; only statuses with actions.
    pub actions: Vec<StatusCount>,
    pub action_total: usize,
    /// This year's plan page.
    pub plan: Option<String>,
    /// Earlier plans' pages, latest first.
    pub earlier: Vec<PlanLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanLink {
    pub year: i64,
    pub file: String,
}

pub fn build(
    workspace: &Workspace,
    pages: &[PlanPage],
    timeline: &[DepartmentTimeline],
    year: i64,
    today: NaiveDate,
) -> Overview {
    let config = workspace.config();
    let departments: Vec<DepartmentRow> = timeline
        .iter()
        .map(|row| {
            let plan = workspace.plan(&row.department, year);
            let liaison = plan
                .and_then(|p| p.liaison.as_ref())
                .map(|l| l.get_ref().as_str())
                .or_else(|| {
                    config
                        .department(&row.department)
                        .map(|d| d.liaison.get_ref().as_str())
                })
                .map(|id| staff_name(config, id))
                .unwrap_or_default();
            let statuses: Vec<ActionStatus> = plan
                .map(|p| p.actions.iter().map(|a| a.current_status()).collect())
                .unwrap_or_default();
            let mut earlier: Vec<PlanLink> = pages
                .iter()
                .filter(|p| {
                    *p.plan.department.get_ref() == row.department && *p.plan.year.get_ref() < year
                })
                .map(|p| PlanLink {
                    year: *p.plan.year.get_ref(),
                    file: p.file.clone(),
                })
                .collect();
            earlier.sort_by_key(|link| std::cmp::Reverse(link.year));
            DepartmentRow {
                id: row.department.clone(),
                name: department_name(config, &row.department),
                faculty: config
                    .department(&row.department)
                    .and_then(|d| d.faculty.clone()),
                liaison,
                status: row.status,
                stage: stage_label(row),
                meeting_text: row.meeting.map(figures::short_date),
                late: row
                    .late
                    .iter()
                    .map(|step| row.late_text(*step, today))
                    .collect(),
                next: next_text(row),
                actions: by_status(&statuses)
                    .into_iter()
                    .filter(|s| s.count > 0)
                    .collect(),
                action_total: statuses.len(),
                plan: plan.map(|_| plan_file(&row.department, year)),
                earlier,
            }
        })
        .collect();

    let stages = PlanStatus::ALL
        .iter()
        .map(|(_, status)| status.label())
        .chain(["Plan has errors", "No plan yet"])
        .map(|label| StageCount {
            label,
            count: departments.iter().filter(|d| d.stage == label).count(),
        })
        .filter(|s| s.count > 0)
        .collect();
    let all: Vec<ActionStatus> = workspace
        .plans_for(year)
        .iter()
        .flat_map(|p| p.actions.iter().map(|a| a.current_status()))
        .collect();
    Overview {
        late: departments.iter().filter(|d| !d.late.is_empty()).count(),
        stages,
        actions: by_status(&all),
        today_text: figures::date(today),
        departments,
    }
}

/// How many of `statuses` are of each status, in the order of an action's life.
fn by_status(statuses: &[ActionStatus]) -> Vec<StatusCount> {
    ActionStatus::ALL
        .iter()
        .map(|(word, status)| StatusCount {
            status: word,
            label: status.label(),
            count: statuses.iter().filter(|s| *s == status).count(),
        })
        .collect()
}
