//! The central list of the year's actions, grouped by person (every action a person owns
//! or helps with) and, within a person, by current status in the order of an action's life.

use chrono::NaiveDate;
use serde::Serialize;

use super::{department_name, plan_file, staff_name};
use crate::model::ActionStatus;
use crate::model::decode::Keyword;
use crate::report::actions::{self, ActionRow, Filter};
use crate::report::document::figures;
use crate::workspace::Workspace;

#[derive(Debug, Clone, Serialize)]
pub struct ActionsPage {
    /// Everyone who owns or helps with an action, by name, then id.
    pub people: Vec<PersonGroup>,
    pub total: usize,
    /// Active actions due before today.
    pub overdue: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonGroup {
    pub id: String,
    pub name: String,
    /// Only statuses the person has actions in.
    pub statuses: Vec<StatusGroup>,
    pub total: usize,
    /// How many of them the person owns; the rest they help with.
    pub owned: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusGroup {
    pub status: &'static str,
    pub label: &'static str,
    /// By due date (undated last), then reference.
    pub actions: Vec<ActionLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionLine {
    pub reference: String,
    pub title: String,
    pub department: String,
    /// The action on its plan's page.
    pub link: String,
    pub due_text: Option<String>,
    pub overdue: bool,
    pub priority: Option<&'static str>,
    pub quick_win: bool,
    /// The owner, by name.
    pub owner: String,
    /// Whether the person it is listed under helps with it rather than owns it.
    pub helping: bool,
    /// The people taking part besides the owner and the person it is listed under, by name.
    pub with: Vec<String>,
    pub last_update: Option<String>,
}

pub fn build(workspace: &Workspace, year: i64, today: NaiveDate) -> ActionsPage {
    let config = workspace.config();
    let filter = Filter {
        year: Some(year),
        today,
        ..Filter::default()
    };
    let rows = actions::build(workspace, &filter);
    let mut people: Vec<(String, String)> = rows
        .iter()
        .flat_map(|r| std::iter::once(&r.owner).chain(&r.with))
        .map(|id| (staff_name(config, id), id.clone()))
        .collect();
    people.sort();
    people.dedup();
    let takes_part =
        |row: &ActionRow, id: &str| row.owner == id || row.with.iter().any(|w| w == id);
    let line = |row: &ActionRow, person: &str| ActionLine {
        reference: row.reference.clone(),
        title: row.title.clone(),
        department: department_name(config, &row.department),
        link: format!("{}#action-{}", plan_file(&row.department, row.year), row.id),
        due_text: row.due.map(figures::date),
        overdue: row.is_overdue(today),
        priority: row.priority,
        quick_win: row.quick_win,
        owner: staff_name(config, &row.owner),
        helping: row.owner != person,
        with: row
            .with
            .iter()
            .filter(|w| *w != person)
            .map(|w| staff_name(config, w))
            .collect(),
        last_update: row.last_update.as_ref().map(|u| match u.date {
            Some(date) => format!(
                "{} ({}, {})",
                u.note,
                staff_name(config, &u.by),
                figures::date(date)
            ),
            None => format!("{} ({})", u.note, staff_name(config, &u.by)),
        }),
    };
    let people: Vec<PersonGroup> = people
        .into_iter()
        .map(|(name, id)| {
            let statuses: Vec<StatusGroup> = ActionStatus::ALL
                .iter()
                .map(|(word, status)| StatusGroup {
                    status: word,
                    label: status.label(),
                    actions: rows
                        .iter()
                        .filter(|r| r.status == *status && takes_part(r, &id))
                        .map(|r| line(r, &id))
                        .collect(),
                })
                .filter(|g| !g.actions.is_empty())
                .collect();
            PersonGroup {
                total: statuses.iter().map(|g| g.actions.len()).sum(),
                owned: rows.iter().filter(|r| r.owner == id).count(),
                id,
                name,
                statuses,
            }
        })
        .collect();
    // Each action once, however many people it is listed under.
    let overdue = rows.iter().filter(|r| r.is_overdue(today)).count();
    ActionsPage {
        total: rows.len(),
        overdue,
        people,
    }
}
