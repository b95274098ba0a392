//! The whole resolved repository as plain data for other tools: settings, staff,
//! departments, themes, initiatives, every plan with references and current statuses, and
//! the departments' contacts and interactions. The shape is documented in the README.
//! The detail of a private interaction stays in its file.
//!
//! The model types serialize as the files have them; this view adds only what is derived:
//! the `ref` of plans, issues and actions, a plan's `path`, its liaison resolved from its
//! department, and LibQual+ gaps. (An action's `current_status` is the model's own.)

use std::borrow::Cow;

use serde::Serialize;

use crate::model::{
    Action, Config, Contact, Crm, Department, Feedback, Initiative, Interaction, Investment, Issue,
    LibQual, Library, Limits, Meeting, Plan, PlanStatus, Process, Staff, Theme, Usage,
};
use crate::workspace::{Workspace, action_reference};

/// Everything in the repository: settings, staff, departments, themes, initiatives, every
/// plan without errors, and the departments' contacts and interactions.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Export<'a> {
    pub library: &'a Library,
    pub process: &'a Process,
    pub limits: &'a Limits,
    pub crm: &'a Crm,
    pub staff: &'a [Staff],
    pub departments: &'a [Department],
    pub themes: &'a [Theme],
    pub initiatives: &'a [Initiative],
    /// By year, then department.
    pub plans: Vec<ExportPlan<'a>>,
    /// By department, then in the file's order.
    pub contacts: Vec<InDepartment<'a, &'a Contact>>,
    /// By year, then department, then date.
    pub interactions: Vec<InYear<'a>>,
}

/// A contact with the department it belongs to.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct InDepartment<'a, T> {
    pub department: &'a str,
    #[serde(flatten)]
    pub item: T,
}

/// An interaction with its department and plan year, without the detail when private.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct InYear<'a> {
    pub department: &'a str,
    pub year: Option<i64>,
    #[serde(flatten)]
    pub item: Cow<'a, Interaction>,
}

/// A plan's keys in the file's order, with its reference and path first.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ExportPlan<'a> {
    /// `history/2017`.
    #[serde(rename = "ref")]
    pub reference: String,
    pub path: String,
    pub department: &'a str,
    pub year: i64,
    pub status: PlanStatus,
    /// The plan's liaison, else the department's.
    pub liaison: Option<&'a str>,
    pub meeting: Option<&'a Meeting>,
    pub context: ExportContext<'a>,
    pub issues: Vec<Referenced<'a, Issue>>,
    pub actions: Vec<Referenced<'a, Action>>,
}

/// An issue or action with its global reference before its own keys.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(rename = "Referenced{T}")]
pub struct Referenced<'a, T> {
    /// `history/2017/year1-lists`.
    #[serde(rename = "ref")]
    pub reference: String,
    #[serde(flatten)]
    pub item: &'a T,
}

/// The plan's `[context]`, with each LibQual+ dimension's gaps.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ExportContext<'a> {
    pub summary: Option<&'a str>,
    pub investment: &'a [Investment],
    pub usage: &'a [Usage],
    pub feedback: &'a [Feedback],
    pub libqual: Vec<WithGaps<'a>>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct WithGaps<'a> {
    #[serde(flatten)]
    pub scores: &'a LibQual,
    /// Perceived minus minimum; below zero is below what users accept.
    pub adequacy_gap: f64,
    /// Perceived minus desired.
    pub superiority_gap: f64,
}

/// Everything in the repository: the plans, contacts and interactions files without errors.
pub fn build(workspace: &Workspace) -> Export<'_> {
    let config = workspace.config();
    Export {
        library: &config.library,
        process: &config.process,
        limits: &config.limits,
        crm: &config.crm,
        staff: &config.staff,
        departments: &config.departments,
        themes: &config.themes,
        initiatives: &config.initiatives,
        plans: workspace
            .plans()
            .into_iter()
            .map(|p| plan(config, p, workspace.path(p).to_owned()))
            .collect(),
        contacts: workspace
            .contacts()
            .into_iter()
            .flat_map(|file| {
                file.contacts.iter().map(|c| InDepartment {
                    department: file.department.as_str(),
                    item: c,
                })
            })
            .collect(),
        interactions: workspace
            .interactions()
            .into_iter()
            .flat_map(|file| {
                file.in_date_order().into_iter().map(|i| InYear {
                    department: file.department.as_str(),
                    year: file.year,
                    item: i.public(),
                })
            })
            .collect(),
    }
}

fn plan<'a>(config: &'a Config, plan: &'a Plan, path: String) -> ExportPlan<'a> {
    let department = plan.department.get_ref();
    let context = &plan.context;
    ExportPlan {
        reference: plan.reference(),
        path,
        department,
        year: *plan.year.get_ref(),
        status: *plan.status.get_ref(),
        liaison: plan.librarian(config),
        meeting: plan.meeting.as_ref(),
        context: ExportContext {
            summary: context.summary.as_deref(),
            investment: &context.investment,
            usage: &context.usage,
            feedback: &context.feedback,
            libqual: context
                .libqual
                .iter()
                .map(|l| WithGaps {
                    scores: l,
                    adequacy_gap: round(l.adequacy_gap()),
                    superiority_gap: round(l.superiority_gap()),
                })
                .collect(),
        },
        issues: plan
            .issues
            .iter()
            .map(|i| Referenced {
                reference: format!("{}/{}", plan.reference(), i.id.get_ref()),
                item: i,
            })
            .collect(),
        actions: plan
            .actions
            .iter()
            .map(|a| Referenced {
                reference: action_reference(plan, a),
                item: a,
            })
            .collect(),
    }
}

/// Gaps to two decimals, so 6.6 - 6.9 reads -0.3 and not -0.30000000000000071.
fn round(gap: f64) -> f64 {
    (gap * 100.0).round() / 100.0
}
