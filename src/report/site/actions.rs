//! The central list of the year's actions, grouped by owner and, within an owner, by
//! current status in the order of an action's life.

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
    /// By owner's name, then id.
    pub owners: Vec<OwnerGroup>,
    pub total: usize,
    /// Active actions due before today.
    pub overdue: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct OwnerGroup {
    pub id: String,
    pub name: String,
    /// Only statuses the owner has actions in.
    pub statuses: Vec<StatusGroup>,
    pub total: usize,
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
    /// Other people taking part, by name.
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
    let mut owners: Vec<(String, String)> = rows
        .iter()
        .map(|r| (staff_name(config, &r.owner), r.owner.clone()))
        .collect();
    owners.sort();
    owners.dedup();
    let line = |row: &ActionRow| ActionLine {
        reference: row.reference.clone(),
        title: row.title.clone(),
        department: department_name(config, &row.department),
        link: format!("{}#action-{}", plan_file(&row.department, row.year), row.id),
        due_text: row.due.map(figures::date),
        overdue: row.is_overdue(today),
        priority: row.priority,
        with: row.with.iter().map(|w| staff_name(config, w)).collect(),
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
    let owners: Vec<OwnerGroup> = owners
        .into_iter()
        .map(|(name, id)| {
            let statuses: Vec<StatusGroup> = ActionStatus::ALL
                .iter()
                .map(|(word, status)| StatusGroup {
                    status: word,
                    label: status.label(),
                    actions: rows
                        .iter()
                        .filter(|r| r.owner == id && r.status == *status)
                        .map(line)
                        .collect(),
                })
                .filter(|g| !g.actions.is_empty())
                .collect();
            OwnerGroup {
                total: statuses.iter().map(|g| g.actions.len()).sum(),
                id,
                name,
                statuses,
            }
        })
        .collect();
    let overdue = owners
        .iter()
        .flat_map(|o| &o.statuses)
        .flat_map(|g| &g.actions)
        .filter(|a| a.overdue)
        .count();
    ActionsPage {
        total: rows.len(),
        overdue,
        owners,
    }
}
