//! Where each department is in the year's cycle: the plan's status and dates, the send
//! and finalise deadlines worked out from the meeting, what is late on a given day, and
//! the next step with its deadline.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::actions::iso_date;
use crate::model::decode::Keyword;
use crate::model::{Department, Plan, Process};
use crate::workspace::Workspace;

/// A step of the cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// The department has no plan for the year: `aplan new`.
    CreatePlan,
    /// The plan has errors and is left out until they are fixed: `aplan validate`.
    FixPlan,
    /// The plan has no meeting date yet.
    BookMeeting,
    /// Send the plan to the department, `send_days_before` days before the meeting.
    Send,
    /// Hold the meeting.
    Meet,
    /// Send the final plan, within `finalise_within_days` days after the meeting.
    Finalise,
}

impl Step {
    /// What to do, for people.
    pub fn describe(self) -> &'static str {
        match self {
            Step::CreatePlan => "create the plan (aplan new)",
            Step::FixPlan => "fix the plan (aplan validate)",
            Step::BookMeeting => "book the meeting",
            Step::Send => "send the plan",
            Step::Meet => "hold the meeting",
            Step::Finalise => "send the final plan",
        }
    }
}

/// The next step and the day it is due by, when it has a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Next {
    pub step: Step,
    #[serde(serialize_with = "iso_date")]
    pub by: Option<NaiveDate>,
}

/// One department's place in the cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DepartmentTimeline {
    pub department: String,
    /// The department's name, for calendars and tables.
    #[serde(skip)]
    pub name: String,
    pub year: i64,
    /// The plan's status; `None` when the department has no plan without errors.
    pub status: Option<&'static str>,
    #[serde(serialize_with = "iso_date")]
    pub meeting: Option<NaiveDate>,
    #[serde(serialize_with = "iso_date")]
    pub sent: Option<NaiveDate>,
    #[serde(serialize_with = "iso_date")]
    pub finalised: Option<NaiveDate>,
    /// The meeting date less `send_days_before`.
    #[serde(serialize_with = "iso_date")]
    pub send_by: Option<NaiveDate>,
    /// The meeting date plus `finalise_within_days`.
    #[serde(serialize_with = "iso_date")]
    pub finalise_by: Option<NaiveDate>,
    /// Steps not done whose deadline has passed, in the order of the cycle.
    pub late: Vec<Step>,
    /// `None` once the final plan has gone out.
    pub next: Option<Next>,
}

impl DepartmentTimeline {
    /// Whether the department needs attention within `days` of `today`: something is
    /// late, a deadline falls within the window, or there is no plan or meeting date to
    /// work deadlines out from.
    pub fn needs_attention(&self, today: NaiveDate, days: u32) -> bool {
        let horizon = today.checked_add_days(Days::new(days.into()));
        !self.late.is_empty()
            || self.next.is_some_and(|next| match next.by {
                Some(by) => horizon.is_none_or(|h| by <= h),
                None => true,
            })
    }

    /// Days between a late step's deadline and `today`.
    pub fn days_late(&self, step: Step, today: NaiveDate) -> Option<i64> {
        let deadline = match step {
            Step::Send => self.send_by,
            Step::Finalise => self.finalise_by,
            _ => None,
        }?;
        Some((today - deadline).num_days())
    }

    /// A late step in words, the same in every report: `plan 3 days late`, `final plan
    /// 1 day late`.
    pub fn late_text(&self, step: Step, today: NaiveDate) -> String {
        let what = match step {
            Step::Send => "plan",
            Step::Finalise => "final plan",
            other => other.describe(),
        };
        match self.days_late(step, today) {
            Some(1) => format!("{what} 1 day late"),
            Some(days) => format!("{what} {days} days late"),
            None => format!("{what} late"),
        }
    }
}

/// Every department in aplan.toml, by id, for `year` as it stands on `today`.
pub fn build(workspace: &Workspace, year: i64, today: NaiveDate) -> Vec<DepartmentTimeline> {
    let config = workspace.config();
    // Departments with a plan file for the year, valid or not.
    let with_file: HashSet<&str> = workspace
        .repo
        .plans
        .iter()
        .filter(|p| *p.year.get_ref() == year)
        .map(|p| p.department.get_ref().as_str())
        .collect();
    let mut rows: Vec<DepartmentTimeline> = config
        .departments
        .iter()
        .map(|department| {
            let id = department.id.get_ref();
            match workspace.plan(id, year) {
                Some(plan) => with_plan(department, plan, config.process, today),
                None => {
                    let broken = with_file.contains(id.as_str());
                    let step = if broken {
                        Step::FixPlan
                    } else {
                        Step::CreatePlan
                    };
                    without_plan(department, year, step)
                }
            }
        })
        .collect();
    rows.sort_by(|a, b| a.department.cmp(&b.department));
    rows
}

fn without_plan(department: &Department, year: i64, step: Step) -> DepartmentTimeline {
    DepartmentTimeline {
        department: department.id.get_ref().clone(),
        name: department.name.clone(),
        year,
        status: None,
        meeting: None,
        sent: None,
        finalised: None,
        send_by: None,
        finalise_by: None,
        late: Vec::new(),
        next: Some(Next { step, by: None }),
    }
}

fn with_plan(
    department: &Department,
    plan: &Plan,
    process: Process,
    today: NaiveDate,
) -> DepartmentTimeline {
    let date = |d: Option<&toml::Spanned<NaiveDate>>| d.map(|d| *d.get_ref());
    let meeting = plan.meeting.as_ref();
    let held = date(meeting.and_then(|m| m.date.as_ref()));
    let sent = date(meeting.and_then(|m| m.sent.as_ref()));
    let finalised = date(meeting.and_then(|m| m.finalised.as_ref()));
    let send_by = held.and_then(|d| d.checked_sub_days(Days::new(process.send_days_before.into())));
    let finalise_by =
        held.and_then(|d| d.checked_add_days(Days::new(process.finalise_within_days.into())));

    let mut late = Vec::new();
    if sent.is_none() && send_by.is_some_and(|by| today > by) {
        late.push(Step::Send);
    }
    if finalised.is_none() && finalise_by.is_some_and(|by| today > by) {
        late.push(Step::Finalise);
    }
    let next = match (held, sent, finalised) {
        (_, _, Some(_)) => None,
        (None, _, None) => Some(Next {
            step: Step::BookMeeting,
            by: None,
        }),
        (Some(held), None, None) if today <= held => Some(Next {
            step: Step::Send,
            by: send_by,
        }),
        (Some(held), Some(_), None) if today <= held => Some(Next {
            step: Step::Meet,
            by: Some(held),
        }),
        (Some(_), _, None) => Some(Next {
            step: Step::Finalise,
            by: finalise_by,
        }),
    };
    DepartmentTimeline {
        department: department.id.get_ref().clone(),
        name: department.name.clone(),
        year: *plan.year.get_ref(),
        status: Some(plan.status.get_ref().as_str()),
        meeting: held,
        sent,
        finalised,
        send_by,
        finalise_by,
        late,
        next,
    }
}
