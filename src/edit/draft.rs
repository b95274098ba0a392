//! A new year's draft plan, made from the department's most recent plan: the context lists
//! carried over for this year's figures, an issue proposed for every LibQual+ dimension
//! below the minimum acceptable score, and every action still active carried over as
//! proposed. This builds what the `draft.toml` template sees; the text, with the comments
//! that tell the editor what to fill in, is the template's.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::decode::slugify;
use crate::model::{Action, Config, Context, Department, Issue, LibQual, Plan};
use crate::render::{Renderer, TemplateError};
use crate::workspace::action_reference;

/// What a draft is made from.
#[derive(Debug, Clone, Copy)]
pub struct Draft<'a> {
    pub config: &'a Config,
    pub department: &'a Department,
    pub year: i64,
    /// The department's most recent plan before `year`, with its path.
    pub previous: Option<(&'a Plan, &'a str)>,
}

/// What `draft.toml` sees: the department as in aplan.toml, the new plan's year, and the
/// previous plan's parts that carry over. Model types appear with the keys of the files.
#[derive(Debug, Serialize)]
struct DraftData<'a> {
    department: &'a Department,
    year: i64,
    previous: Option<Previous<'a>>,
}

#[derive(Debug, Serialize)]
struct Previous<'a> {
    path: &'a str,
    /// `history/2017`.
    reference: String,
    year: i64,
    context: &'a Context,
    /// The issues that the carried actions address.
    issues: Vec<&'a Issue>,
    /// One for each LibQual+ dimension below the minimum acceptable score.
    proposed: Vec<ProposedIssue<'a>>,
    actions: Vec<CarriedAction<'a>>,
}

#[derive(Debug, Serialize)]
struct ProposedIssue<'a> {
    /// `libqual-<dimension>`, unique among the draft's issues.
    id: String,
    #[serde(flatten)]
    scores: &'a LibQual,
    /// To one decimal: `-0.3`.
    adequacy_gap_text: String,
    superiority_gap_text: String,
    /// Theme ids from aplan.toml.
    themes: Vec<String>,
}

#[derive(Debug, Serialize)]
struct CarriedAction<'a> {
    /// `history/2017/year1-lists`, for `carried_from`.
    reference: String,
    #[serde(flatten)]
    action: &'a Action,
}

impl Draft<'_> {
    /// The actions carried over: those still active at the end of the previous plan.
    pub fn carried_actions(&self) -> Vec<&Action> {
        self.previous
            .map(|(plan, _)| {
                plan.actions
                    .iter()
                    .filter(|a| a.current_status().is_active())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The plan file's text, from the `draft.toml` template.
    pub fn text(&self, renderer: &Renderer) -> Result<String, TemplateError> {
        renderer.draft(&DraftData {
            department: self.department,
            year: self.year,
            previous: self
                .previous
                .map(|(plan, path)| self.carried_over(plan, path)),
        })
    }

    fn carried_over<'a>(&'a self, plan: &'a Plan, path: &'a str) -> Previous<'a> {
        let carried = self.carried_actions();
        let addressed: BTreeSet<&str> = carried
            .iter()
            .flat_map(|a| a.addresses.iter().map(|i| i.get_ref().as_str()))
            .collect();
        let issues: Vec<&Issue> = plan
            .issues
            .iter()
            .filter(|i| addressed.contains(i.id.get_ref().as_str()))
            .collect();
        let mut taken: BTreeSet<String> = issues.iter().map(|i| i.id.get_ref().clone()).collect();
        let proposed = plan
            .context
            .libqual
            .iter()
            .filter(|row| row.adequacy_gap() < 0.0)
            .map(|row| ProposedIssue {
                id: unique(format!("libqual-{}", slugify(&row.dimension)), &mut taken),
                scores: row,
                adequacy_gap_text: format!("{:.1}", row.adequacy_gap()),
                superiority_gap_text: format!("{:.1}", row.superiority_gap()),
                themes: themes_for(self.config, plan, &row.dimension),
            })
            .collect();
        Previous {
            path,
            reference: plan.reference(),
            year: *plan.year.get_ref(),
            context: &plan.context,
            issues,
            proposed,
            actions: carried
                .into_iter()
                .map(|action| CarriedAction {
                    reference: action_reference(plan, action),
                    action,
                })
                .collect(),
        }
    }
}

/// Themes for a LibQual+ issue: those of last year's issues and actions that name the
/// dimension, else those whose title or keywords share a word with what the dimension
/// measures.
fn themes_for(config: &Config, plan: &Plan, dimension: &str) -> Vec<String> {
    let wanted = dimension.to_lowercase();
    let mentions = |texts: &[Option<&String>]| {
        texts
            .iter()
            .flatten()
            .any(|t| t.to_lowercase().contains(&wanted))
    };
    let mut themes: BTreeSet<String> = BTreeSet::new();
    for issue in &plan.issues {
        if mentions(&[Some(issue.title.get_ref()), issue.detail.as_ref()]) {
            themes.extend(issue.themes.iter().map(|t| t.get_ref().clone()));
        }
    }
    for action in &plan.actions {
        if mentions(&[Some(action.title.get_ref()), action.detail.as_ref()]) {
            themes.extend(action.themes.iter().map(|t| t.get_ref().clone()));
        }
    }
    if themes.is_empty() {
        let words = measures(&wanted);
        themes.extend(
            config
                .themes
                .iter()
                .filter(|t| {
                    let title = t.title.to_lowercase();
                    words.iter().any(|w| {
                        title.contains(w) || t.keywords.iter().any(|k| k.to_lowercase() == *w)
                    })
                })
                .map(|t| t.id.get_ref().clone()),
        );
    }
    themes
        .into_iter()
        .filter(|t| config.theme(t).is_some())
        .collect()
}

/// What a LibQual+ dimension measures, in words a theme may use; the dimension's own name
/// for one the survey may add.
fn measures(dimension: &str) -> Vec<String> {
    let words: &[&str] = match dimension {
        "library as place" => &["study space", "space", "seating", "reading room"],
        "information control" => &["e-resources", "e-book", "journal", "database"],
        "affect of service" => &["service", "communication", "help", "staff"],
        other => return vec![other.to_owned()],
    };
    words.iter().map(|w| (*w).to_owned()).collect()
}

/// `id`, or `id-2`, `id-3`… when it is taken; the result is taken from then on.
fn unique(id: String, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_unique() {
        let mut taken = BTreeSet::from(["a".to_owned(), "a-2".to_owned()]);
        assert_eq!(unique("a".to_owned(), &mut taken), "a-3");
        assert_eq!(unique("b".to_owned(), &mut taken), "b");
    }
}
