//! The central list of actions: one row per action across plans, filtered, sorted by due
//! date then reference. It replaces the spreadsheet the team used to keep by hand.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::model::decode::Keyword;
use crate::model::{Action, ActionStatus, Plan, Spanned};
use crate::workspace::{Workspace, action_reference};

/// One action as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ActionRow {
    #[serde(rename = "ref")]
    pub reference: String,
    pub department: String,
    pub year: i64,
    pub id: String,
    pub title: String,
    pub owner: String,
    /// Other staff taking part, sorted.
    pub with: Vec<String>,
    /// Sorted.
    pub themes: Vec<String>,
    pub priority: Option<&'static str>,
    pub quick_win: bool,
    #[serde(serialize_with = "iso_date")]
    pub due: Option<NaiveDate>,
    /// The current status: that of the latest update that has one, else the action's own.
    pub status: ActionStatus,
    pub initiative: Option<String>,
    /// How many updates the action has.
    pub updates: usize,
    pub last_update: Option<LastUpdate>,
}

/// The latest entry of an action's running log.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct LastUpdate {
    #[serde(serialize_with = "iso_date")]
    pub date: Option<NaiveDate>,
    pub by: String,
    pub note: String,
}

/// Which actions to list. Each list matches any of its values; an empty list matches
/// everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// `None` for every year.
    pub year: Option<i64>,
    pub owners: Vec<String>,
    pub departments: Vec<String>,
    pub themes: Vec<String>,
    pub statuses: Vec<ActionStatus>,
    pub initiatives: Vec<String>,
    pub quick_win: bool,
    /// Active and due before `today`.
    pub overdue: bool,
    pub today: NaiveDate,
}

impl Filter {
    fn admits(&self, plan: &Plan, action: &Action) -> bool {
        let any =
            |wanted: &[String], value: &str| wanted.is_empty() || wanted.iter().any(|w| w == value);
        let status = action.current_status();
        self.year.is_none_or(|y| y == *plan.year.get_ref())
            && any(&self.owners, action.owner.get_ref())
            && any(&self.departments, plan.department.get_ref())
            && (self.themes.is_empty()
                || action.themes.iter().any(|t| any(&self.themes, t.get_ref())))
            && (self.statuses.is_empty() || self.statuses.contains(&status))
            && (self.initiatives.is_empty()
                || action
                    .initiative
                    .as_ref()
                    .is_some_and(|i| any(&self.initiatives, i.get_ref())))
            && (!self.quick_win || action.quick_win)
            && (!self.overdue || is_overdue(action, self.today))
    }
}

/// Active and due before `today`.
pub fn is_overdue(action: &Action, today: NaiveDate) -> bool {
    overdue(
        action.current_status(),
        action.due.as_ref().map(|d| *d.get_ref()),
        today,
    )
}

/// The one rule for an overdue action: still active, and due before `today`.
fn overdue(status: ActionStatus, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    status.is_active() && due.is_some_and(|due| due < today)
}

impl ActionRow {
    /// Active and due before `today`, by the same rule as [`is_overdue`].
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        overdue(self.status, self.due, today)
    }
}

/// The actions of the plans without errors that pass the filter, by due date (undated
/// last), then reference. An action carried over into a later plan whose year has begun
/// is not overdue in the plan it came from: the later plan's copy carries it on. Carried
/// into next year's draft, it is still this year's to do.
pub fn build(workspace: &Workspace, filter: &Filter) -> Vec<ActionRow> {
    let plans = workspace.plans();
    let this_year = workspace
        .config()
        .process
        .year_starts
        .planning_year(filter.today);
    let carried: HashSet<&str> = plans
        .iter()
        .filter(|plan| *plan.year.get_ref() <= this_year)
        .flat_map(|plan| &plan.actions)
        .filter_map(|action| action.carried_from.as_ref())
        .map(|from| from.get_ref().as_str())
        .collect();
    let mut rows: Vec<ActionRow> = plans
        .into_iter()
        .flat_map(|plan| plan.actions.iter().map(move |action| (plan, action)))
        .filter(|(plan, action)| filter.admits(plan, action))
        .filter(|(plan, action)| {
            !filter.overdue || !carried.contains(action_reference(plan, action).as_str())
        })
        .map(|(plan, action)| row(plan, action))
        .collect();
    rows.sort_by(|a, b| {
        (a.due.is_none(), a.due, &a.reference).cmp(&(b.due.is_none(), b.due, &b.reference))
    });
    rows
}

fn row(plan: &Plan, action: &Action) -> ActionRow {
    let sorted = |ids: &[Spanned<String>]| {
        let mut ids: Vec<String> = ids.iter().map(|id| id.get_ref().clone()).collect();
        ids.sort();
        ids
    };
    ActionRow {
        reference: action_reference(plan, action),
        department: plan.department.get_ref().clone(),
        year: *plan.year.get_ref(),
        id: action.id.get_ref().clone(),
        title: action.title.get_ref().clone(),
        owner: action.owner.get_ref().clone(),
        with: sorted(&action.with),
        themes: sorted(&action.themes),
        priority: action.priority.map(Keyword::as_str),
        quick_win: action.quick_win,
        due: action.due.as_ref().map(|d| *d.get_ref()),
        status: action.current_status(),
        initiative: action.initiative.as_ref().map(|i| i.get_ref().clone()),
        updates: action.updates.len(),
        last_update: action.latest_update().map(|u| LastUpdate {
            date: u.date.as_ref().map(|d| *d.get_ref()),
            by: u.by.get_ref().clone(),
            note: u.note.clone(),
        }),
    }
}

/// Dates as `YYYY-MM-DD`, or `null`.
pub(crate) fn iso_date<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => s.collect_str(date),
        None => s.serialize_none(),
    }
}
