//! Follow-ups: the dates an interaction set to come back to the department, and which of
//! them are still open on a given day.
//!
//! A follow-up is settled by a later interaction with the department, dated after the one
//! that set it and no later than today, that involves one of the same contacts (or any
//! later interaction with the department, when the first named no contact). Until then it
//! is open: overdue once its date has passed, due when it falls within
//! [`DUE_WITHIN_DAYS`] days of today.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Interaction, Interactions};

/// How many days ahead an open follow-up counts as due.
pub const DUE_WITHIN_DAYS: i64 = 14;

/// Where an open follow-up stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FollowUpState {
    /// Its date has passed.
    Overdue,
    /// Its date is today or within 14 days.
    Due,
    /// Further ahead.
    Later,
}

impl FollowUpState {
    pub fn on(follow_up: NaiveDate, today: NaiveDate) -> FollowUpState {
        let days = (follow_up - today).num_days();
        if days < 0 {
            FollowUpState::Overdue
        } else if days <= DUE_WITHIN_DAYS {
            FollowUpState::Due
        } else {
            FollowUpState::Later
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FollowUpState::Overdue => "overdue",
            FollowUpState::Due => "due",
            FollowUpState::Later => "later",
        }
    }
}

/// An open follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct FollowUp {
    pub department: String,
    /// The date of the interaction that set it.
    pub date: NaiveDate,
    pub follow_up: NaiveDate,
    pub state: FollowUpState,
    pub kind: String,
    pub summary: String,
    pub by: Vec<String>,
    pub with: Vec<String>,
}

/// When the department was last in touch, for settling follow-ups: the latest
/// interaction on or before today, overall and with each contact.
#[derive(Debug, Default)]
pub struct LastContact<'a> {
    any: Option<NaiveDate>,
    with: HashMap<&'a str, NaiveDate>,
}

impl<'a> LastContact<'a> {
    /// From one department's interactions, on `today`.
    pub fn of(interactions: impl IntoIterator<Item = &'a Interaction>, today: NaiveDate) -> Self {
        let mut last = LastContact::default();
        for interaction in interactions {
            let Some(date) = interaction.date().filter(|d| *d <= today) else {
                continue;
            };
            last.any = last.any.max(Some(date));
            for contact in &interaction.with {
                let slot = last.with.entry(contact.get_ref()).or_insert(date);
                *slot = (*slot).max(date);
            }
        }
        last
    }

    /// Whether a later interaction settled the follow-up `interaction` set.
    pub fn settles(&self, interaction: &Interaction) -> bool {
        let Some(date) = interaction.date() else {
            return true;
        };
        if interaction.with.is_empty() {
            return self.any.is_some_and(|last| last > date);
        }
        interaction.with.iter().any(|c| {
            self.with
                .get(c.get_ref().as_str())
                .is_some_and(|last| *last > date)
        })
    }
}

/// The open follow-ups among one department's `candidates`, which `last` (built from
/// every interaction of the department) has not settled, by follow-up date then the date
/// that set it.
pub fn open<'a>(
    department: &str,
    candidates: impl IntoIterator<Item = &'a Interaction>,
    last: &LastContact<'_>,
    today: NaiveDate,
) -> Vec<FollowUp> {
    let mut open: Vec<FollowUp> = candidates
        .into_iter()
        .filter_map(|interaction| {
            let follow_up = *interaction.follow_up.as_ref()?.get_ref();
            let date = interaction.date()?;
            (date <= today && !last.settles(interaction)).then(|| FollowUp {
                department: department.to_owned(),
                date,
                follow_up,
                state: FollowUpState::on(follow_up, today),
                kind: interaction.kind.get_ref().clone(),
                summary: interaction.summary.get_ref().clone(),
                by: interaction.by.iter().map(|s| s.get_ref().clone()).collect(),
                with: interaction
                    .with
                    .iter()
                    .map(|s| s.get_ref().clone())
                    .collect(),
            })
        })
        .collect();
    open.sort_by_key(|f| (f.follow_up, f.date));
    open
}

/// Every open follow-up in the repository on `today` (a follow-up set late in one year
/// falls in the next, so every year is read), by follow-up date, date and department.
pub fn all_open(files: &[&Interactions], today: NaiveDate) -> Vec<FollowUp> {
    let mut open_ones = Vec::new();
    for (department, files) in by_department(files) {
        let all = || files.iter().flat_map(|f| &f.interactions);
        let last = LastContact::of(all(), today);
        open_ones.extend(open(department, all(), &last, today));
    }
    open_ones.sort_by(|a, b| {
        (a.follow_up, a.date, &a.department).cmp(&(b.follow_up, b.date, &b.department))
    });
    open_ones
}

/// Every department's interactions files, by department, each department's by year.
pub fn by_department<'a>(files: &[&'a Interactions]) -> Vec<(&'a str, Vec<&'a Interactions>)> {
    let mut grouped: HashMap<&str, Vec<&Interactions>> = HashMap::new();
    for file in files {
        grouped.entry(&file.department).or_default().push(file);
    }
    let mut grouped: Vec<(&str, Vec<&Interactions>)> = grouped.into_iter().collect();
    grouped.sort_by_key(|(department, _)| *department);
    for (_, files) in &mut grouped {
        files.sort_by_key(|f| f.year);
    }
    grouped
}
