//! The site's activity page: interactions per department and month of the planning year,
//! for the heat map and the table beside it, and each department's recent interactions
//! for its plan page. Summaries only: no detail, private or not, goes on the site.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::{department_name, plan_file};
use crate::model::{Config, Interactions};
use crate::report::document::figures;

/// How many of a department's latest interactions its plan page lists.
pub const RECENT: usize = 5;

#[derive(Debug, Clone, Serialize)]
pub struct ActivityPage {
    /// The twelve months of the planning year, as `Oct 2016`.
    pub months: Vec<String>,
    /// Every department of aplan.toml, by name.
    pub rows: Vec<ActivityRow>,
    /// The most interactions in one month of one department, for the heat map's scale.
    pub most: usize,
    pub total: usize,
    pub quiet_after_days: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActivityRow {
    pub name: String,
    /// The department's plan page for the year, when it has a plan.
    pub file: Option<String>,
    /// Interactions in each month of the year, up to today.
    pub counts: Vec<usize>,
    pub total: usize,
    pub last_text: Option<String>,
    pub quiet: bool,
}

/// One interaction as a plan page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct RecentInteraction {
    pub date_text: String,
    pub kind: String,
    pub summary: String,
}

pub fn build(
    config: &Config,
    files: &[&Interactions],
    year: i64,
    has_plan: impl Fn(&str) -> bool,
    today: NaiveDate,
) -> ActivityPage {
    let first = config.process.year_starts.first_day(year);
    let months: Vec<NaiveDate> = first
        .map(|first| {
            (0..12)
                .filter_map(|m| first.with_day(1)?.checked_add_months(Months::new(m)))
                .collect()
        })
        .unwrap_or_default();
    let month_of = |date: NaiveDate| {
        months
            .iter()
            .rposition(|m| *m <= date)
            .filter(|_| config.process.year_starts.planning_year(date) == year)
    };
    let mut counts: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut last: BTreeMap<&str, NaiveDate> = BTreeMap::new();
    for file in files {
        for date in file.interactions.iter().filter_map(|i| i.date()) {
            if date > today {
                continue;
            }
            let seen = last.entry(&file.department).or_insert(date);
            *seen = (*seen).max(date);
            if let Some(month) = month_of(date) {
                counts
                    .entry(&file.department)
                    .or_insert_with(|| vec![0; months.len()])[month] += 1;
            }
        }
    }
    let mut rows: Vec<ActivityRow> = config
        .departments
        .iter()
        .map(|d| {
            let id = d.id.get_ref().as_str();
            let counts = counts
                .get(id)
                .cloned()
                .unwrap_or_else(|| vec![0; months.len()]);
            let last = last.get(id).copied();
            ActivityRow {
                name: department_name(config, id),
                file: has_plan(id).then(|| plan_file(id, year)),
                total: counts.iter().sum(),
                counts,
                last_text: last.map(figures::date),
                quiet: last.is_none_or(|l| {
                    (today - l).num_days() > i64::from(config.crm.quiet_after_days)
                }),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    ActivityPage {
        months: months
            .iter()
            .map(|m| m.format("%b %Y").to_string())
            .collect(),
        most: rows
            .iter()
            .flat_map(|r| r.counts.iter().copied())
            .max()
            .unwrap_or(0),
        total: rows.iter().map(|r| r.total).sum(),
        quiet_after_days: config.crm.quiet_after_days,
        rows,
    }
}

/// A department's latest interactions up to `as_of`, newest first.
pub fn recent(
    files: &[&Interactions],
    department: &str,
    as_of: NaiveDate,
) -> Vec<RecentInteraction> {
    let mut all: Vec<_> = files
        .iter()
        .filter(|f| f.department == department)
        .flat_map(|f| &f.interactions)
        .filter_map(|i| Some((i.date().filter(|d| *d <= as_of)?, i)))
        .collect();
    // Newest first; of one day, the one written last first.
    all.reverse();
    all.sort_by_key(|(date, _)| std::cmp::Reverse(*date));
    all.into_iter()
        .take(RECENT)
        .map(|(date, i)| RecentInteraction {
            date_text: figures::date(date),
            kind: i.kind.get_ref().clone(),
            summary: i.summary.get_ref().clone(),
        })
        .collect()
}
