//! The whole resolved repository as plain data for other tools: settings, staff,
//! departments, themes, initiatives, and every plan with references and current statuses.
//! The shape is documented in the README.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::decode::Keyword;
use crate::model::{Attendee, Config, Plan};
use crate::workspace::action_reference;

#[derive(Debug, Clone, Serialize)]
pub struct Export {
    pub library: Library,
    pub process: Process,
    pub limits: Limits,
    pub staff: Vec<Staff>,
    pub departments: Vec<Department>,
    pub themes: Vec<Theme>,
    pub initiatives: Vec<Initiative>,
    /// By year, then department.
    pub plans: Vec<ExportPlan>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Library {
    pub name: String,
    pub currency: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Process {
    pub send_days_before: u32,
    pub finalise_within_days: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Limits {
    pub max_initiatives_per_librarian: u32,
    pub max_departments_per_librarian: u32,
    pub max_actions_per_department: u32,
    pub common_theme_departments: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Staff {
    pub id: String,
    pub name: String,
    pub role: &'static str,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Department {
    pub id: String,
    pub name: String,
    pub faculty: Option<String>,
    pub liaison: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Theme {
    pub id: String,
    pub title: String,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Initiative {
    pub id: String,
    pub title: String,
    pub lead: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportPlan {
    /// `history/2017`.
    #[serde(rename = "ref")]
    pub reference: String,
    pub path: String,
    pub department: String,
    pub year: i64,
    pub status: &'static str,
    /// The plan's liaison, else the department's.
    pub liaison: Option<String>,
    pub meeting: Option<Meeting>,
    pub context: Context,
    pub issues: Vec<Issue>,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    pub date: Option<NaiveDate>,
    pub sent: Option<NaiveDate>,
    pub finalised: Option<NaiveDate>,
    pub attendees: Vec<ExportAttendee>,
}

/// `{"staff": id}` or `{"name", "role"}`, as in the plan file.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum ExportAttendee {
    Staff { staff: String },
    Person { name: String, role: &'static str },
}

#[derive(Debug, Clone, Serialize)]
pub struct Context {
    pub summary: Option<String>,
    pub investment: Vec<Investment>,
    pub usage: Vec<Usage>,
    pub feedback: Vec<Feedback>,
    pub libqual: Vec<LibQual>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Investment {
    pub item: String,
    #[serde(serialize_with = "number")]
    pub amount: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Usage {
    pub measure: String,
    #[serde(serialize_with = "number")]
    pub value: f64,
    #[serde(serialize_with = "optional_number")]
    pub previous: Option<f64>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Feedback {
    pub source: Option<String>,
    pub text: String,
    #[serde(serialize_with = "optional_number")]
    pub score: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LibQual {
    pub dimension: String,
    pub minimum: f64,
    pub desired: f64,
    pub perceived: f64,
    /// Perceived minus minimum; below zero is below what users accept.
    pub adequacy_gap: f64,
    /// Perceived minus desired.
    pub superiority_gap: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Issue {
    #[serde(rename = "ref")]
    pub reference: String,
    pub id: String,
    pub title: String,
    pub detail: Option<String>,
    pub themes: Vec<String>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Action {
    #[serde(rename = "ref")]
    pub reference: String,
    pub id: String,
    pub title: String,
    pub detail: Option<String>,
    pub themes: Vec<String>,
    pub addresses: Vec<String>,
    pub owner: String,
    pub with: Vec<String>,
    pub contact: Option<String>,
    pub measure: Option<String>,
    pub priority: Option<&'static str>,
    pub quick_win: bool,
    pub due: Option<NaiveDate>,
    /// As written in the plan.
    pub status: &'static str,
    /// The latest update's status where one has it, else `status`.
    pub current_status: &'static str,
    pub initiative: Option<String>,
    pub carried_from: Option<String>,
    pub updates: Vec<Update>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Update {
    pub date: Option<NaiveDate>,
    pub by: String,
    pub status: Option<&'static str>,
    pub note: String,
}

/// Everything in the repository; `plans` are those without errors.
pub fn build(config: &Config, plans: &[&Plan], path_of: impl Fn(&Plan) -> String) -> Export {
    Export {
        library: Library {
            name: config.library.name.clone(),
            currency: config.library.currency.clone(),
        },
        process: Process {
            send_days_before: config.process.send_days_before,
            finalise_within_days: config.process.finalise_within_days,
        },
        limits: Limits {
            max_initiatives_per_librarian: config.limits.max_initiatives_per_librarian,
            max_departments_per_librarian: config.limits.max_departments_per_librarian,
            max_actions_per_department: config.limits.max_actions_per_department,
            common_theme_departments: config.limits.common_theme_departments,
        },
        staff: config
            .staff
            .iter()
            .map(|s| Staff {
                id: s.id.get_ref().clone(),
                name: s.name.clone(),
                role: s.role.as_str(),
                email: s.email.clone(),
            })
            .collect(),
        departments: config
            .departments
            .iter()
            .map(|d| Department {
                id: d.id.get_ref().clone(),
                name: d.name.clone(),
                faculty: d.faculty.clone(),
                liaison: d.liaison.get_ref().clone(),
            })
            .collect(),
        themes: config
            .themes
            .iter()
            .map(|t| Theme {
                id: t.id.get_ref().clone(),
                title: t.title.clone(),
                keywords: t.keywords.clone(),
            })
            .collect(),
        initiatives: config
            .initiatives
            .iter()
            .map(|i| Initiative {
                id: i.id.get_ref().clone(),
                title: i.title.clone(),
                lead: i.lead.as_ref().map(|l| l.get_ref().clone()),
            })
            .collect(),
        plans: plans.iter().map(|p| plan(config, p, path_of(p))).collect(),
    }
}

fn strings(values: &[toml::Spanned<String>]) -> Vec<String> {
    values.iter().map(|v| v.get_ref().clone()).collect()
}

fn plan(config: &Config, plan: &Plan, path: String) -> ExportPlan {
    let department = plan.department.get_ref();
    ExportPlan {
        reference: plan.reference(),
        path,
        department: department.clone(),
        year: *plan.year.get_ref(),
        status: plan.status.get_ref().as_str(),
        liaison: plan
            .liaison
            .as_ref()
            .map(|l| l.get_ref().clone())
            .or_else(|| {
                config
                    .department(department)
                    .map(|d| d.liaison.get_ref().clone())
            }),
        meeting: plan.meeting.as_ref().map(|m| Meeting {
            date: m.date.as_ref().map(|d| *d.get_ref()),
            sent: m.sent.as_ref().map(|d| *d.get_ref()),
            finalised: m.finalised.as_ref().map(|d| *d.get_ref()),
            attendees: m
                .attendees
                .iter()
                .map(|a| match a {
                    Attendee::Staff(id) => ExportAttendee::Staff {
                        staff: id.get_ref().clone(),
                    },
                    Attendee::Person { name, role } => ExportAttendee::Person {
                        name: name.clone(),
                        role: role.as_str(),
                    },
                })
                .collect(),
        }),
        context: Context {
            summary: plan.context.summary.clone(),
            investment: plan
                .context
                .investment
                .iter()
                .map(|i| Investment {
                    item: i.item.clone(),
                    amount: i.amount,
                })
                .collect(),
            usage: plan
                .context
                .usage
                .iter()
                .map(|u| Usage {
                    measure: u.measure.clone(),
                    value: u.value,
                    previous: u.previous,
                    source: u.source.clone(),
                })
                .collect(),
            feedback: plan
                .context
                .feedback
                .iter()
                .map(|f| Feedback {
                    source: f.source.clone(),
                    text: f.text.clone(),
                    score: f.score,
                })
                .collect(),
            libqual: plan
                .context
                .libqual
                .iter()
                .map(|l| LibQual {
                    dimension: l.dimension.clone(),
                    minimum: *l.minimum.get_ref(),
                    desired: *l.desired.get_ref(),
                    perceived: *l.perceived.get_ref(),
                    adequacy_gap: round(l.adequacy_gap()),
                    superiority_gap: round(l.superiority_gap()),
                })
                .collect(),
        },
        issues: plan
            .issues
            .iter()
            .map(|i| Issue {
                reference: format!("{}/{}", plan.reference(), i.id.get_ref()),
                id: i.id.get_ref().clone(),
                title: i.title.get_ref().clone(),
                detail: i.detail.clone(),
                themes: strings(&i.themes),
                source: i.source.clone(),
            })
            .collect(),
        actions: plan
            .actions
            .iter()
            .map(|a| Action {
                reference: action_reference(plan, a),
                id: a.id.get_ref().clone(),
                title: a.title.get_ref().clone(),
                detail: a.detail.clone(),
                themes: strings(&a.themes),
                addresses: strings(&a.addresses),
                owner: a.owner.get_ref().clone(),
                with: strings(&a.with),
                contact: a.contact.clone(),
                measure: a.measure.clone(),
                priority: a.priority.map(Keyword::as_str),
                quick_win: a.quick_win,
                due: a.due.as_ref().map(|d| *d.get_ref()),
                status: a.status.get_ref().as_str(),
                current_status: a.current_status().as_str(),
                initiative: a.initiative.as_ref().map(|i| i.get_ref().clone()),
                carried_from: a.carried_from.as_ref().map(|c| c.get_ref().clone()),
                updates: a
                    .updates
                    .iter()
                    .map(|u| Update {
                        date: u.date.as_ref().map(|d| *d.get_ref()),
                        by: u.by.get_ref().clone(),
                        status: u.status.as_ref().map(|s| s.get_ref().as_str()),
                        note: u.note.clone(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Gaps to two decimals, so 6.6 - 6.9 reads -0.3 and not -0.30000000000000071.
fn round(gap: f64) -> f64 {
    (gap * 100.0).round() / 100.0
}

/// Whole numbers as integers (`45000`, not `45000.0`), as they were written.
fn number<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if value.fract() == 0.0 && value.abs() < EXACT {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

fn optional_number<S: serde::Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => number(v, serializer),
        None => serializer.serialize_none(),
    }
}
