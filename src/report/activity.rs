//! What the library has done with each department: interactions by kind, the last one and
//! how long ago it was, departments gone quiet, follow-ups due and overdue, and each
//! person's totals.
//!
//! Counts and follow-ups cover the interactions in the window asked for (a planning year,
//! or a date on to today); the last interaction and quietness look at every interaction up
//! to today, since a department that heard from the library last week is not quiet because
//! that was in another year. Interactions dated after today have not happened yet and are
//! left out.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::follow_ups::{self, FollowUp, FollowUpState};
use crate::model::{Config, Interaction, Interactions};

/// Which interactions the report is on.
#[derive(Debug, Clone)]
pub struct Selection {
    pub window: Window,
    /// Only interactions these staff took part in (all when empty).
    pub by: Vec<String>,
    /// Only these departments (all when empty).
    pub departments: Vec<String>,
    pub today: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// The interactions files of one planning year.
    Year(i64),
    /// Interactions from this date on, in any year.
    Since(NaiveDate),
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Activity {
    pub today: NaiveDate,
    /// The planning year reported on, or `null` with `--since`.
    pub year: Option<i64>,
    /// The first day reported on, or `null` with `--year`.
    pub since: Option<NaiveDate>,
    pub quiet_after_days: u32,
    /// The kinds of interaction, in the order of `[crm] kinds`.
    pub kinds: Vec<String>,
    /// Every department of aplan.toml (or those asked for), by id.
    pub departments: Vec<DepartmentActivity>,
    /// Everyone who took part in an interaction, and every liaison librarian of the
    /// departments shown, by id.
    pub staff: Vec<StaffActivity>,
    /// Open follow-ups, by date.
    pub follow_ups: Vec<FollowUp>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DepartmentActivity {
    pub id: String,
    pub name: String,
    pub liaison: String,
    pub interactions: usize,
    /// Only kinds with at least one interaction.
    pub by_kind: BTreeMap<String, usize>,
    pub last: Option<Last>,
    pub days_since_last: Option<i64>,
    /// No interaction for more than `quiet_after_days` days, or none at all.
    pub quiet: bool,
    pub follow_ups_due: usize,
    pub follow_ups_overdue: usize,
}

/// The latest interaction on or before today.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Last {
    pub date: NaiveDate,
    pub kind: String,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StaffActivity {
    pub id: String,
    pub name: String,
    pub interactions: usize,
    pub by_kind: BTreeMap<String, usize>,
    /// Departments this person had interactions with, by id.
    pub departments: Vec<String>,
    pub last: Option<NaiveDate>,
}

pub fn build(config: &Config, files: &[&Interactions], selection: &Selection) -> Activity {
    let today = selection.today;
    let chosen = |interaction: &Interaction| {
        interaction.date().is_some_and(|d| d <= today)
            && (selection.by.is_empty()
                || interaction
                    .by
                    .iter()
                    .any(|s| selection.by.contains(s.get_ref())))
    };
    let in_window = |file: &Interactions, interaction: &Interaction| match selection.window {
        Window::Year(year) => file.year == Some(year),
        Window::Since(since) => interaction.date().is_some_and(|d| d >= since),
    };
    let grouped: HashMap<&str, Vec<&Interactions>> =
        follow_ups::by_department(files).into_iter().collect();

    let mut departments = Vec::new();
    let mut staff: BTreeMap<String, StaffActivity> = BTreeMap::new();
    let mut follow_ups = Vec::new();
    let mut shown: Vec<_> = config
        .departments
        .iter()
        .filter(|d| {
            selection.departments.is_empty() || selection.departments.contains(d.id.get_ref())
        })
        .collect();
    shown.sort_by(|a, b| a.id.get_ref().cmp(b.id.get_ref()));
    for department in shown {
        let id = department.id.get_ref();
        let files: Vec<&Interactions> = grouped.get(id.as_str()).cloned().unwrap_or_default();
        let everything: Vec<&Interaction> = files
            .iter()
            .flat_map(|f| &f.interactions)
            .filter(|i| chosen(i))
            .collect();
        let window: Vec<&Interaction> = files
            .iter()
            .flat_map(|f| f.interactions.iter().map(move |i| (*f, i)))
            .filter(|(f, i)| chosen(i) && in_window(f, i))
            .map(|(_, i)| i)
            .collect();

        let mut by_kind = BTreeMap::new();
        for interaction in &window {
            *by_kind
                .entry(interaction.kind.get_ref().clone())
                .or_insert(0) += 1;
            for person in &interaction.by {
                let entry = staff
                    .entry(person.get_ref().clone())
                    .or_insert_with(|| StaffActivity::new(config, person.get_ref()));
                entry.add(interaction, id);
            }
        }
        let last = everything
            .iter()
            .rev()
            .max_by_key(|i| i.date())
            .map(|i| Last {
                date: i.date().unwrap_or(today),
                kind: i.kind.get_ref().clone(),
                summary: i.summary.get_ref().clone(),
            });
        let days_since_last = last.as_ref().map(|l| (today - l.date).num_days());
        let quiet =
            days_since_last.is_none_or(|days| days > i64::from(config.crm.quiet_after_days));

        let settled_by = follow_ups::LastContact::of(everything.iter().copied(), today);
        let open = follow_ups::open(id, window.iter().copied(), &settled_by, today);
        let count = |state| open.iter().filter(|f| f.state == state).count();
        departments.push(DepartmentActivity {
            id: id.clone(),
            name: department.name.clone(),
            liaison: department.liaison.get_ref().clone(),
            interactions: window.len(),
            by_kind,
            last,
            days_since_last,
            quiet,
            follow_ups_due: count(FollowUpState::Due),
            follow_ups_overdue: count(FollowUpState::Overdue),
        });
        follow_ups.extend(open);
        if selection.by.is_empty() || selection.by.contains(department.liaison.get_ref()) {
            let liaison = department.liaison.get_ref();
            staff
                .entry(liaison.clone())
                .or_insert_with(|| StaffActivity::new(config, liaison));
        }
    }
    follow_ups.sort_by(|a, b| {
        (a.follow_up, a.date, &a.department).cmp(&(b.follow_up, b.date, &b.department))
    });
    Activity {
        today,
        year: match selection.window {
            Window::Year(year) => Some(year),
            Window::Since(_) => None,
        },
        since: match selection.window {
            Window::Since(since) => Some(since),
            Window::Year(_) => None,
        },
        quiet_after_days: config.crm.quiet_after_days,
        kinds: config.crm.kinds.clone(),
        departments,
        staff: staff.into_values().collect(),
        follow_ups,
    }
}

impl StaffActivity {
    fn new(config: &Config, id: &str) -> StaffActivity {
        StaffActivity {
            id: id.to_owned(),
            name: config
                .staff(id)
                .map_or_else(|| id.to_owned(), |s| s.name.clone()),
            interactions: 0,
            by_kind: BTreeMap::new(),
            departments: Vec::new(),
            last: None,
        }
    }

    fn add(&mut self, interaction: &Interaction, department: &str) {
        self.interactions += 1;
        *self
            .by_kind
            .entry(interaction.kind.get_ref().clone())
            .or_insert(0) += 1;
        if self.departments.last().is_none_or(|d| d != department) {
            self.departments.push(department.to_owned());
        }
        self.last = self.last.max(interaction.date());
    }
}
