//! The year's review of the process (`reviews/<year>.toml`) as people read it: the
//! feedback, and each improvement with its owner's name and where it stands. `aplan
//! review`, the site's review page and `aplan new` all show it.

use chrono::NaiveDate;
use serde::Serialize;

use super::document::figures;
use crate::model::Config;
use crate::model::decode::Keyword;
use crate::model::review::{ImprovementStatus, Review};
use crate::workspace::Workspace;

/// One year's review. Serialises to the JSON shape in the README.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ReviewReport {
    /// The planning year reviewed.
    pub year: i64,
    /// The review's file, as `reviews/2017.toml`.
    pub path: String,
    pub feedback: Vec<FeedbackLine>,
    /// In the file's order.
    pub improvements: Vec<ImprovementLine>,
    /// How many improvements are proposed or agreed.
    pub open: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FeedbackLine {
    pub source: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ImprovementLine {
    pub id: String,
    pub title: String,
    /// Markdown.
    pub detail: Option<String>,
    /// Staff id.
    pub owner: Option<String>,
    /// The owner's name, or their id when aplan.toml does not know them.
    pub owner_name: Option<String>,
    /// `proposed`, `agreed`, `done` or `dropped`.
    #[schemars(with = "ImprovementStatus")]
    pub status: &'static str,
    pub status_label: &'static str,
    /// Proposed or agreed: still to carry into the next year.
    pub open: bool,
    pub due: Option<NaiveDate>,
    pub due_text: Option<String>,
}

/// The latest review of a year up to `year` without errors, if any.
pub fn latest(workspace: &Workspace, year: i64) -> Option<ReviewReport> {
    workspace
        .reviews()
        .into_iter()
        .filter(|r| r.year.is_some_and(|y| y <= year))
        .max_by_key(|r| r.year)
        .map(|review| {
            let path = workspace.repo.sources.get(review.file).path();
            build(workspace.config(), path, review)
        })
}

/// The report of one review, read from `path`.
pub fn build(config: &Config, path: &str, review: &Review) -> ReviewReport {
    let improvements: Vec<ImprovementLine> = review
        .improvements
        .iter()
        .map(|improvement| {
            let status: ImprovementStatus = *improvement.status.get_ref();
            let owner = improvement.owner.as_ref().map(|o| o.get_ref().clone());
            let due = improvement.due.as_ref().map(|d| *d.get_ref());
            ImprovementLine {
                id: improvement.id.get_ref().clone(),
                title: improvement.title.get_ref().clone(),
                detail: improvement.detail.clone(),
                owner_name: owner.as_ref().map(|id| {
                    config
                        .staff(id)
                        .map_or_else(|| id.clone(), |s| s.name.clone())
                }),
                owner,
                status: status.as_str(),
                status_label: status.label(),
                open: status.is_open(),
                due,
                due_text: due.map(figures::date),
            }
        })
        .collect();
    ReviewReport {
        year: review.year.unwrap_or_default(),
        path: path.to_owned(),
        feedback: review
            .feedback
            .iter()
            .map(|f| FeedbackLine {
                source: f.source.clone(),
                text: f.text.get_ref().clone(),
            })
            .collect(),
        open: improvements.iter().filter(|i| i.open).count(),
        improvements,
    }
}
