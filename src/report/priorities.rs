//! `aplan priorities`: the paper for the senior managers' prioritisation meeting, as data
//! for its templates. One year's agreed actions by theme, the common themes and the shared
//! work they suggest, quick wins, high priorities, workload against the limits and due
//! dates by quarter, in one document.
//!
//! The themes and the workload are those of [`super::themes`] and [`super::workload`]
//! (what `aplan themes` and `aplan workload` print), looked up as names; nothing is
//! counted twice. The agreed actions are those of met and final plans that were not
//! dropped; drafts and plans sent but not yet met are named as not yet agreed.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::document::figures;
use super::themes::ThemesReport;
use super::workload::{Limit, Workload};
use crate::model::decode::Keyword;
use crate::model::{Action, ActionStatus, Config, Plan, PlanStatus};
use crate::workspace::{Workspace, action_reference};

/// The paper. Template authors see these field names; they are listed in the README.
#[derive(Debug, Clone, Serialize)]
pub struct Priorities {
    /// `Priorities for 2017`.
    pub title: String,
    pub library: String,
    pub year: i64,
    /// The day it was written: `10 April 2017`.
    pub date_text: String,
    /// How many of the year's plans (without errors) were read.
    pub plans: usize,
    /// Met and final plans, whose actions are agreed.
    pub agreed_plans: usize,
    /// The other plans, by department name: `Department of Physics (Sent)`.
    pub not_agreed: Vec<String>,
    /// How many agreed actions in all.
    pub agreed_actions: usize,
    /// Themes of aplan.toml with agreed actions, in the themes report's order (most
    /// departments first), then "No theme" for untagged ones.
    pub by_theme: Vec<ThemeActions>,
    /// The fewest departments that make a theme common.
    pub min_departments: u32,
    /// The common themes, in the themes report's order.
    pub common_themes: Vec<CommonTheme>,
    /// Agreed actions marked `quick_win`, active, by due date.
    pub quick_wins: Vec<ActionRow>,
    /// Agreed actions of high priority, active, by due date.
    pub high_priorities: Vec<ActionRow>,
    pub workload: WorkloadSummary,
    /// Active agreed actions by the calendar quarter they are due in, earliest first;
    /// those without a due date last.
    pub quarters: Vec<Quarter>,
}

/// One agreed action on one line.
#[derive(Debug, Clone, Serialize)]
pub struct ActionRow {
    #[serde(rename = "ref")]
    pub reference: String,
    /// The department's name.
    pub department: String,
    pub title: String,
    /// The owner's name, and those of the others taking part.
    pub owner: String,
    pub with: Vec<String>,
    /// `High`, or none.
    pub priority: Option<&'static str>,
    pub quick_win: bool,
    pub due: Option<NaiveDate>,
    pub due_text: Option<String>,
    /// The due date as tables show it: `30 Apr 2018`.
    pub due_short_text: Option<String>,
    /// Its current status: `In progress`.
    pub status_label: &'static str,
    /// The shared initiative's title, if it is part of one.
    pub initiative: Option<String>,
}

/// A theme and the agreed actions that carry it.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeActions {
    /// Empty for "No theme".
    pub id: String,
    pub title: String,
    pub common: bool,
    /// By department name, then due date.
    pub actions: Vec<ActionRow>,
}

/// A common theme, and whether it still needs a shared piece of work.
#[derive(Debug, Clone, Serialize)]
pub struct CommonTheme {
    pub id: String,
    pub title: String,
    /// By name.
    pub departments: Vec<String>,
    /// The departments' liaison librarians, by name.
    pub librarians: Vec<String>,
    /// Shared initiatives its actions already point at, by title.
    pub initiatives: Vec<String>,
    /// No shared initiative covers it: the group could share one piece of work.
    pub suggest_shared_work: bool,
}

/// The workload report in names.
#[derive(Debug, Clone, Serialize)]
pub struct WorkloadSummary {
    pub max_initiatives: u32,
    pub max_departments: u32,
    pub max_actions: u32,
    /// Everyone with a department or an active initiative, by id.
    pub staff: Vec<StaffRow>,
    /// Each broken limit in words, people first.
    pub over: Vec<String>,
    /// The names of the people over a limit.
    pub people_over: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StaffRow {
    pub id: String,
    pub name: String,
    /// `Liaison Librarian`.
    pub role: &'static str,
    pub departments: usize,
    pub initiatives: usize,
    pub over: bool,
}

/// The actions due in one calendar quarter.
#[derive(Debug, Clone, Serialize)]
pub struct Quarter {
    /// `April to June 2017`, or `No due date`.
    pub label: String,
    pub actions: Vec<ActionRow>,
}

/// The paper for `year` from its themes and workload reports, written on `today`.
pub fn build(
    workspace: &Workspace,
    year: i64,
    themes: &ThemesReport,
    workload: &Workload,
    today: NaiveDate,
) -> Priorities {
    let config = workspace.config();
    let plans = workspace.plans_for(year);
    let (agreed, others): (Vec<&Plan>, Vec<&Plan>) = plans
        .iter()
        .partition(|p| matches!(p.status.get_ref(), PlanStatus::Met | PlanStatus::Final));
    let mut rows: Vec<(ActionRow, &Action)> = agreed
        .iter()
        .flat_map(|plan| plan.actions.iter().map(move |action| (*plan, action)))
        .filter(|(_, action)| action.current_status() != ActionStatus::Dropped)
        .map(|(plan, action)| (row(config, plan, action), action))
        .collect();
    rows.sort_by(|(a, _), (b, _)| {
        (&a.department, a.due.is_none(), a.due, &a.reference).cmp(&(
            &b.department,
            b.due.is_none(),
            b.due,
            &b.reference,
        ))
    });
    let active = |(_, action): &&(ActionRow, &Action)| action.current_status().is_active();
    let by_due = |mut list: Vec<ActionRow>| {
        list.sort_by(|a, b| {
            (a.due.is_none(), a.due, &a.reference).cmp(&(b.due.is_none(), b.due, &b.reference))
        });
        list
    };

    Priorities {
        title: format!("Priorities for {year}"),
        library: config.library.name.clone(),
        year,
        date_text: figures::date(today),
        plans: plans.len(),
        agreed_plans: agreed.len(),
        not_agreed: others
            .iter()
            .map(|p| {
                let department = p.department.get_ref();
                let name = config
                    .department(department)
                    .map_or(department.as_str(), |d| d.name.as_str());
                format!("{name} ({})", p.status.get_ref().label())
            })
            .collect(),
        agreed_actions: rows.len(),
        by_theme: by_theme(themes, &rows),
        min_departments: themes.min_departments.max(1),
        common_themes: common_themes(themes),
        quick_wins: by_due(
            rows.iter()
                .filter(active)
                .filter(|(_, a)| a.quick_win)
                .map(|(r, _)| r.clone())
                .collect(),
        ),
        high_priorities: by_due(
            rows.iter()
                .filter(active)
                .filter(|(r, _)| r.priority == Some(crate::model::Priority::High.label()))
                .map(|(r, _)| r.clone())
                .collect(),
        ),
        workload: workload_summary(config, workload),
        quarters: quarters(rows.iter().filter(active).map(|(r, _)| r.clone()).collect()),
    }
}

fn row(config: &Config, plan: &Plan, action: &Action) -> ActionRow {
    let name = |id: &str| {
        config
            .staff(id)
            .map_or_else(|| id.to_owned(), |s| s.name.clone())
    };
    let department = plan.department.get_ref();
    let due = action.due.as_ref().map(|d| *d.get_ref());
    ActionRow {
        reference: action_reference(plan, action),
        department: config
            .department(department)
            .map_or_else(|| department.clone(), |d| d.name.clone()),
        title: action.title.get_ref().clone(),
        owner: name(action.owner.get_ref()),
        with: action.with.iter().map(|w| name(w.get_ref())).collect(),
        priority: action.priority.map(Keyword::label),
        quick_win: action.quick_win,
        due,
        due_text: due.map(figures::date),
        due_short_text: due.map(figures::short_date),
        status_label: action.current_status().label(),
        initiative: action.initiative.as_ref().map(|id| {
            config
                .initiative(id.get_ref())
                .map_or_else(|| id.get_ref().clone(), |i| i.title.clone())
        }),
    }
}

/// Each theme's agreed actions, in the themes report's order; untagged actions last.
fn by_theme(themes: &ThemesReport, rows: &[(ActionRow, &Action)]) -> Vec<ThemeActions> {
    let tagged = |theme: &str| -> Vec<ActionRow> {
        rows.iter()
            .filter(|(_, a)| a.themes.iter().any(|t| t.get_ref() == theme))
            .map(|(r, _)| r.clone())
            .collect()
    };
    let mut groups: Vec<ThemeActions> = themes
        .themes
        .iter()
        .map(|theme| ThemeActions {
            id: theme.id.clone(),
            title: theme.title.clone(),
            common: theme.common,
            actions: tagged(&theme.id),
        })
        .filter(|group| !group.actions.is_empty())
        .collect();
    let known = |id: &str| themes.themes.iter().any(|t| t.id == id);
    let untagged: Vec<ActionRow> = rows
        .iter()
        .filter(|(_, a)| !a.themes.iter().any(|t| known(t.get_ref())))
        .map(|(r, _)| r.clone())
        .collect();
    if !untagged.is_empty() {
        groups.push(ThemeActions {
            id: String::new(),
            title: "No theme".to_owned(),
            common: false,
            actions: untagged,
        });
    }
    groups
}

fn common_themes(themes: &ThemesReport) -> Vec<CommonTheme> {
    themes
        .themes
        .iter()
        .filter(|t| t.common)
        .map(|theme| CommonTheme {
            id: theme.id.clone(),
            title: theme.title.clone(),
            departments: theme
                .departments
                .iter()
                .map(|id| themes.department_name(id).to_owned())
                .collect(),
            librarians: theme
                .librarians
                .iter()
                .map(|id| themes.staff_name(id).to_owned())
                .collect(),
            initiatives: theme
                .initiatives
                .iter()
                .map(|id| themes.initiative_title(id).to_owned())
                .collect(),
            suggest_shared_work: theme.needs_shared_work(),
        })
        .collect()
}

fn workload_summary(config: &Config, workload: &Workload) -> WorkloadSummary {
    let limits = workload.limits;
    let staff_name = |id: &str| {
        config
            .staff(id)
            .map_or_else(|| id.to_owned(), |s| s.name.clone())
    };
    let department_name = |id: &str| {
        config
            .department(id)
            .map_or_else(|| id.to_owned(), |d| d.name.clone())
    };
    let over = workload
        .breaches()
        .into_iter()
        .map(|b| match b.limit {
            Limit::Initiatives => format!(
                "{} takes part in {} active initiatives; the limit is {}",
                staff_name(&b.who),
                b.count,
                b.max
            ),
            Limit::Departments => format!(
                "{} is liaison for {} departments; the limit is {}",
                staff_name(&b.who),
                b.count,
                b.max
            ),
            Limit::Actions => format!(
                "{} has {} active actions; the limit is {}",
                department_name(&b.who),
                b.count,
                b.max
            ),
        })
        .collect();
    WorkloadSummary {
        max_initiatives: limits.max_initiatives_per_librarian,
        max_departments: limits.max_departments_per_librarian,
        max_actions: limits.max_actions_per_department,
        staff: workload
            .staff
            .iter()
            .filter(|s| !s.departments.is_empty() || s.active_initiatives > 0)
            .map(|s| StaffRow {
                id: s.id.clone(),
                name: s.name.clone(),
                role: config.staff(&s.id).map_or("", |staff| staff.role.label()),
                departments: s.departments.len(),
                initiatives: s.active_initiatives,
                over: s.is_over(),
            })
            .collect(),
        over,
        people_over: workload
            .staff
            .iter()
            .filter(|s| s.is_over())
            .map(|s| s.name.clone())
            .collect(),
    }
}

/// Actions by the calendar quarter of their due date.
fn quarters(actions: Vec<ActionRow>) -> Vec<Quarter> {
    let mut by_quarter: BTreeMap<Option<(i32, u32)>, Vec<ActionRow>> = BTreeMap::new();
    for action in actions {
        let key = action.due.map(|d| (d.year(), d.month0() / 3));
        by_quarter.entry(key).or_default().push(action);
    }
    // `None` sorts first; undated actions go last.
    let mut quarters: Vec<Quarter> = Vec::new();
    let mut undated = None;
    for (key, mut actions) in by_quarter {
        actions.sort_by(|a, b| (a.due, &a.reference).cmp(&(b.due, &b.reference)));
        match key {
            Some((year, quarter)) => quarters.push(Quarter {
                label: quarter_label(year, quarter),
                actions,
            }),
            None => {
                undated = Some(Quarter {
                    label: "No due date".to_owned(),
                    actions,
                })
            }
        }
    }
    quarters.extend(undated);
    quarters
}

/// `January to March 2017` for the first quarter of 2017.
fn quarter_label(year: i32, quarter: u32) -> String {
    const MONTHS: [(&str, &str); 4] = [
        ("January", "March"),
        ("April", "June"),
        ("July", "September"),
        ("October", "December"),
    ];
    let (first, last) = MONTHS[quarter.min(3) as usize];
    format!("{first} to {last} {year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_are_calendar_quarters() {
        assert_eq!(quarter_label(2017, 0), "January to March 2017");
        assert_eq!(quarter_label(2017, 3), "October to December 2017");
    }
}
