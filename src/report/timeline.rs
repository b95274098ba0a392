//! Where each department is in the year's cycle: the plan's status and dates, the send
//! and finalise deadlines worked out from the meeting, what is late on a given day, and
//! the next step with its deadline.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::actions::iso_date;
use super::follow_ups::{self, FollowUp};
use crate::model::decode::Keyword;
use crate::model::{Department, Plan, PlanStatus, Process, Spanned};
use crate::workspace::Workspace;

/// A step of the cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
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
    /// The meeting date has passed but the plan is still a draft: record that it was sent
    /// and that the meeting took place.
    RecordSent,
    /// The meeting date has passed but the plan is still `sent`: record the meeting.
    RecordMeeting,
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
            Step::RecordSent => "record that the plan was sent and the meeting took place",
            Step::RecordMeeting => "record that the meeting took place",
        }
    }

    /// Where the department stands, for colleagues who read the site and never run aplan,
    /// and the word a date follows it with: `plan to be sent to the department` by …
    pub fn in_words(self) -> (&'static str, &'static str) {
        let what = match self {
            Step::CreatePlan => "plan not drafted yet",
            Step::FixPlan => "plan being corrected by the liaison librarian",
            Step::BookMeeting => "meeting with the department not booked yet",
            Step::Send => "plan to be sent to the department",
            Step::Meet => "meeting with the department",
            Step::Finalise => "final plan to be sent to the department",
            Step::RecordSent | Step::RecordMeeting => {
                "meeting date passed; the plan is to be updated with what was agreed"
            }
        };
        (what, if self == Step::Meet { "on" } else { "by" })
    }
}

/// Where today falls against a plan's meeting date and the deadlines worked out from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// No meeting date: nothing to work deadlines out from.
    NoMeeting,
    /// On or before the send-by date.
    BeforeSendBy,
    /// After the send-by date, up to and including the meeting day.
    AfterSendBy,
    /// After the meeting, up to and including the finalise-by date.
    MeetingPassed,
    /// After the finalise-by date.
    AfterFinaliseBy,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::NoMeeting,
        Phase::BeforeSendBy,
        Phase::AfterSendBy,
        Phase::MeetingPassed,
        Phase::AfterFinaliseBy,
    ];

    /// The phase on `today` of a meeting on `meeting` with these deadlines.
    pub fn on(
        today: NaiveDate,
        meeting: Option<NaiveDate>,
        send_by: Option<NaiveDate>,
        finalise_by: Option<NaiveDate>,
    ) -> Phase {
        let Some(meeting) = meeting else {
            return Phase::NoMeeting;
        };
        if send_by.is_none_or(|by| today <= by) {
            Phase::BeforeSendBy
        } else if today <= meeting {
            Phase::AfterSendBy
        } else if finalise_by.is_none_or(|by| today <= by) {
            Phase::MeetingPassed
        } else {
            Phase::AfterFinaliseBy
        }
    }

    /// The phase in the words of docs/cycle.md.
    pub fn describe(self) -> &'static str {
        match self {
            Phase::NoMeeting => "no meeting booked",
            Phase::BeforeSendBy => "before send-by",
            Phase::AfterSendBy => "after send-by",
            Phase::MeetingPassed => "meeting passed",
            Phase::AfterFinaliseBy => "after finalise-by",
        }
    }
}

/// The next step, and the steps that are late, for a plan of `status` in `phase`: the one
/// table behind the timeline, written out in docs/cycle.md. A draft or sent plan whose
/// meeting has passed asks for the missing record rather than growing late for ever.
pub fn next_step(status: PlanStatus, phase: Phase) -> (Option<Step>, &'static [Step]) {
    use Phase::*;
    match (status, phase) {
        (PlanStatus::Final, _) => (None, &[]),
        (_, NoMeeting) => (Some(Step::BookMeeting), &[]),
        (PlanStatus::Draft, BeforeSendBy) => (Some(Step::Send), &[]),
        (PlanStatus::Draft, AfterSendBy) => (Some(Step::Send), &[Step::Send]),
        (PlanStatus::Draft, MeetingPassed | AfterFinaliseBy) => (Some(Step::RecordSent), &[]),
        (PlanStatus::Sent, BeforeSendBy | AfterSendBy) => (Some(Step::Meet), &[]),
        (PlanStatus::Sent, MeetingPassed | AfterFinaliseBy) => (Some(Step::RecordMeeting), &[]),
        (PlanStatus::Met, AfterFinaliseBy) => (Some(Step::Finalise), &[Step::Finalise]),
        (PlanStatus::Met, _) => (Some(Step::Finalise), &[]),
    }
}

/// The next step and the day it is due by, when it has a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Next {
    pub step: Step,
    #[serde(serialize_with = "iso_date")]
    pub by: Option<NaiveDate>,
}

/// One department's place in the cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
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
    /// Open follow-ups of the department's interactions set or falling in the year, by
    /// date.
    pub follow_ups: Vec<FollowUp>,
}

impl DepartmentTimeline {
    /// Whether the department needs attention within `days` of `today`: something is
    /// late, a deadline falls within the window, or there is no plan or meeting date to
    /// work deadlines out from.
    pub fn needs_attention(&self, today: NaiveDate, days: u32) -> bool {
        let horizon = today.checked_add_days(Days::new(days.into()));
        !self.late.is_empty()
            || self
                .follow_ups
                .iter()
                .any(|f| horizon.is_none_or(|h| f.follow_up <= h))
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
    // Departments with a plan file for the year, valid or not, read as a plan or too
    // broken to read (a TOML syntax error): either way the plan is there, with errors.
    let folder = format!("plans/{year}/");
    let with_file: HashSet<&str> = workspace
        .repo
        .plans
        .iter()
        .filter(|p| *p.year.get_ref() == year)
        .map(|p| p.department.get_ref().as_str())
        .chain(
            workspace
                .skipped()
                .into_iter()
                .filter_map(|path| path.strip_prefix(folder.as_str())?.strip_suffix(".toml")),
        )
        .collect();
    let mut rows: Vec<DepartmentTimeline> = config
        .departments
        .iter()
        .map(|department| {
            let id = department.id.get_ref();
            match workspace.plan(id, year) {
                Some(plan) => with_plan(department, plan, &config.process, today),
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
    let year_starts = config.process.year_starts;
    let in_year = |d: NaiveDate| year_starts.planning_year(d) == year;
    for follow_up in follow_ups::all_open(&workspace.interactions(), today) {
        if !(in_year(follow_up.date) || in_year(follow_up.follow_up)) {
            continue;
        }
        if let Some(row) = rows
            .iter_mut()
            .find(|r| r.department == follow_up.department)
        {
            row.follow_ups.push(follow_up);
        }
    }
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
        follow_ups: Vec::new(),
    }
}

fn with_plan(
    department: &Department,
    plan: &Plan,
    process: &Process,
    today: NaiveDate,
) -> DepartmentTimeline {
    let date = |d: Option<&Spanned<NaiveDate>>| d.map(|d| *d.get_ref());
    let meeting = plan.meeting.as_ref();
    let held = date(meeting.and_then(|m| m.date.as_ref()));
    let sent = date(meeting.and_then(|m| m.sent.as_ref()));
    let finalised = date(meeting.and_then(|m| m.finalised.as_ref()));
    let send_by = held.and_then(|d| d.checked_sub_days(Days::new(process.send_days_before.into())));
    let finalise_by =
        held.and_then(|d| d.checked_add_days(Days::new(process.finalise_within_days.into())));

    let phase = Phase::on(today, held, send_by, finalise_by);
    // A date recorded under [meeting] moves the plan on even when its status was left
    // behind: a plan with `finalised` has gone out, one with `sent` has been sent.
    let status = match (*plan.status.get_ref(), sent, finalised) {
        (_, _, Some(_)) => PlanStatus::Final,
        (PlanStatus::Draft, Some(_), None) => PlanStatus::Sent,
        (status, _, _) => status,
    };
    let (step, late) = next_step(status, phase);
    let next = step.map(|step| Next {
        step,
        by: match step {
            Step::Send => send_by,
            Step::Meet => held,
            Step::Finalise => finalise_by,
            _ => None,
        },
    });
    let late = late.to_vec();
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
        follow_ups: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows of the table in docs/cycle.md: status, phase, next step, late.
    fn documented() -> Vec<[String; 4]> {
        include_str!("../../docs/cycle.md")
            .lines()
            .filter(|line| {
                line.starts_with("| ")
                    && !line.starts_with("| status")
                    && !line.starts_with("| ---")
            })
            .map(|line| {
                let cells: Vec<String> = line
                    .trim_matches('|')
                    .split('|')
                    .map(|cell| cell.trim().to_owned())
                    .collect();
                cells.try_into().expect("four cells a row")
            })
            .collect()
    }

    // docs/cycle.md is the table users read; every state and phase must be there, in
    // order, and say what the program does.
    #[test]
    fn the_next_step_table_is_the_one_in_docs_cycle_md() {
        let mut expected = Vec::new();
        for (word, status) in PlanStatus::ALL {
            for phase in Phase::ALL {
                let (step, late) = next_step(*status, phase);
                let late: Vec<&str> = late
                    .iter()
                    .map(|step| match step {
                        Step::Send => "send",
                        Step::Finalise => "final plan",
                        other => other.describe(),
                    })
                    .collect();
                expected.push([
                    (*word).to_owned(),
                    phase.describe().to_owned(),
                    step.map_or("-", Step::describe).to_owned(),
                    late.join(", "),
                ]);
            }
        }
        assert_eq!(documented(), expected);
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_phase_turns_on_the_day_after_each_deadline() {
        let (send_by, meeting, finalise_by) =
            (day("2017-03-07"), day("2017-03-14"), day("2017-03-21"));
        let on = |today| Phase::on(day(today), Some(meeting), Some(send_by), Some(finalise_by));
        assert_eq!(
            Phase::on(day("2017-03-01"), None, None, None),
            Phase::NoMeeting
        );
        assert_eq!(on("2017-03-07"), Phase::BeforeSendBy);
        assert_eq!(on("2017-03-08"), Phase::AfterSendBy);
        assert_eq!(on("2017-03-14"), Phase::AfterSendBy);
        assert_eq!(on("2017-03-15"), Phase::MeetingPassed);
        assert_eq!(on("2017-03-21"), Phase::MeetingPassed);
        assert_eq!(on("2017-03-22"), Phase::AfterFinaliseBy);
    }
}
