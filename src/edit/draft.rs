//! The text of a new year's draft plan, made from the department's most recent plan:
//! the context lists carried over for this year's figures, an issue proposed for every
//! LibQual+ dimension below the minimum acceptable score, and every action still active
//! carried over as proposed. Comments tell the editor what to fill in.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::model::decode::{Keyword, slugify};
use crate::model::{Action, Config, Department, Issue, LibQual, Plan};
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

    /// The plan file's text.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.header(&mut out);
        self.meeting(&mut out);
        if let Some((plan, _)) = self.previous {
            context(&mut out, plan);
        } else {
            out.push_str(EMPTY_CONTEXT);
        }
        let mut taken = BTreeSet::new();
        self.issues(&mut out, &mut taken);
        self.actions(&mut out);
        out
    }

    fn header(&self, out: &mut String) {
        let department = self.department;
        let _ = writeln!(
            out,
            "# Draft action plan for the {}, {}.",
            department.name, self.year
        );
        match self.previous {
            Some((_, path)) => {
                let _ = writeln!(out, "# Made by `aplan new` from {path}.");
            }
            None => out.push_str("# Made by `aplan new`; the department has no earlier plan.\n"),
        }
        out.push_str(
            "# Fill in what the comments ask, then check the plan with `aplan validate`.\n\n",
        );
        let _ = writeln!(out, "department = {}", quote(department.id.get_ref()));
        let _ = writeln!(out, "year = {}", self.year);
        out.push_str("status = \"draft\"                # draft | sent | met | final\n");
        let _ = writeln!(out, "liaison = {}", quote(department.liaison.get_ref()));
    }

    fn meeting(&self, out: &mut String) {
        let liaison = self.department.liaison.get_ref();
        let year = self.year;
        let _ = write!(
            out,
            "
# When the meeting is booked, add it (dates are TOML dates, not strings):
# [meeting]
# date = {year}-03-01
# sent = {year}-02-22              # when the plan went to the department
# finalised = {year}-03-08         # when the final plan went out
# attendees = [
#   {{ name = \"…\", role = \"head-of-department\" }},
#   {{ name = \"…\", role = \"library-rep\" }},
#   {{ staff = \"{liaison}\" }},
# ]
"
        );
    }

    fn issues(&self, out: &mut String, taken: &mut BTreeSet<String>) {
        let Some((plan, _)) = self.previous else {
            return;
        };
        let reference = plan.reference();
        let carried = self.carried_actions();
        let addressed: BTreeSet<&str> = carried
            .iter()
            .flat_map(|a| a.addresses.iter().map(|i| i.get_ref().as_str()))
            .collect();
        let mut first = true;
        for issue in plan
            .issues
            .iter()
            .filter(|i| addressed.contains(i.id.get_ref().as_str()))
        {
            if first {
                let _ = write!(
                    out,
                    "\n# Carried over from {reference}: the issues that the carried actions address.\n"
                );
                first = false;
            } else {
                out.push('\n');
            }
            taken.insert(issue.id.get_ref().clone());
            carried_issue(out, issue);
        }
        let below: Vec<&LibQual> = plan
            .context
            .libqual
            .iter()
            .filter(|row| row.adequacy_gap() < 0.0)
            .collect();
        for (i, row) in below.iter().enumerate() {
            if i == 0 {
                out.push_str(
                    "\n# Proposed from LibQual+: perceived service below the minimum acceptable score.\n# Keep, reword or delete each one.\n",
                );
            } else {
                out.push('\n');
            }
            let id = unique(format!("libqual-{}", slugify(&row.dimension)), taken);
            libqual_issue(
                out,
                &id,
                row,
                &themes_for(self.config, plan, &row.dimension),
                plan,
            );
        }
    }

    fn actions(&self, out: &mut String) {
        let Some((plan, _)) = self.previous else {
            out.push_str(NO_ACTIONS);
            return;
        };
        let carried = self.carried_actions();
        if carried.is_empty() {
            out.push_str(NO_ACTIONS);
            return;
        }
        let _ = write!(
            out,
            "\n# Carried over from {}: still open at the end of that plan. Agree each one again\n# at the meeting (status = \"agreed\"), or drop it.\n",
            plan.reference()
        );
        for (i, action) in carried.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            carried_action(out, plan, action, self.year);
        }
    }
}

const EMPTY_CONTEXT: &str = "
[context]
# summary = \"\"\"
# The department this year: changes, what the data says (Markdown).
# \"\"\"
investment = []                  # { item = \"Books\", amount = 45000 }
usage = []                       # { measure = \"Loans\", value = 1200, previous = 1100, source = \"Loans\" }
feedback = []                    # { source = \"NSS\", text = \"…\", score = 84 }
libqual = []                     # { dimension = \"Library as Place\", minimum = 6.0, desired = 7.5, perceived = 6.8 }
";

const NO_ACTIONS: &str = "
# Add the actions agreed with the department:
# [[actions]]
# id = \"…\"                       # unique in the plan
# title = \"…\"
# themes = [\"…\"]
# owner = \"…\"                    # a staff id
# status = \"proposed\"
";

fn context(out: &mut String, plan: &Plan) {
    let year = plan.year.get_ref();
    let context = &plan.context;
    out.push_str(
        "
[context]
# summary = \"\"\"
# The department this year: changes, what the data says (Markdown).
# \"\"\"
",
    );
    if context.investment.is_empty() {
        out.push_str("investment = []                  # { item = \"Books\", amount = 45000 }\n");
    } else {
        let _ = writeln!(
            out,
            "# This year's amounts: fill them in (the comments give {year}'s)."
        );
        out.push_str("investment = [\n");
        for item in &context.investment {
            let _ = writeln!(
                out,
                "  {{ item = {}, amount = 0 }},  # {year}: {}",
                quote(&item.item),
                number(item.amount)
            );
        }
        out.push_str("]\n");
    }
    if context.usage.is_empty() {
        out.push_str("usage = []                       # { measure = \"Loans\", value = 1200, previous = 1100 }\n");
    } else {
        let _ = writeln!(
            out,
            "# `value` is this year's figure: fill it in. `previous` is {year}'s."
        );
        out.push_str("usage = [\n");
        for usage in &context.usage {
            let source = usage
                .source
                .as_deref()
                .map(|s| format!(", source = {}", quote(s)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {{ measure = {}, value = 0, previous = {}{source} }},",
                quote(&usage.measure),
                number(usage.value)
            );
        }
        out.push_str("]\n");
    }
    out.push_str("# This year's comments from surveys, meetings and the department.\nfeedback = []                    # { source = \"NSS\", text = \"…\", score = 84 }\n");
    if context.libqual.is_empty() {
        out.push_str("libqual = []                     # { dimension = \"Library as Place\", minimum = 6.0, desired = 7.5, perceived = 6.8 }\n");
    } else {
        let _ = writeln!(
            out,
            "# LibQual+ scores from the {year} plan: replace them when a new survey reports."
        );
        out.push_str("libqual = [\n");
        for row in &context.libqual {
            let _ = writeln!(
                out,
                "  {{ dimension = {}, minimum = {}, desired = {}, perceived = {} }},",
                quote(&row.dimension),
                number(*row.minimum.get_ref()),
                number(*row.desired.get_ref()),
                number(*row.perceived.get_ref())
            );
        }
        out.push_str("]\n");
    }
}

fn carried_issue(out: &mut String, issue: &Issue) {
    out.push_str("[[issues]]\n");
    let _ = writeln!(out, "id = {}", quote(issue.id.get_ref()));
    let _ = writeln!(out, "title = {}", quote(issue.title.get_ref()));
    if let Some(detail) = &issue.detail {
        let _ = writeln!(out, "detail = {}", quote(detail));
    }
    let _ = writeln!(out, "themes = {}", list(&ids(&issue.themes)));
    if let Some(source) = &issue.source {
        let _ = writeln!(out, "source = {}", quote(source));
    }
}

fn libqual_issue(out: &mut String, id: &str, row: &LibQual, themes: &[String], plan: &Plan) {
    let detail = format!(
        "LibQual+ scores in the {} plan: perceived {} against a minimum of {} (adequacy gap {:.1}) and a desired {} (superiority gap {:.1}).",
        plan.year.get_ref(),
        number(*row.perceived.get_ref()),
        number(*row.minimum.get_ref()),
        row.adequacy_gap(),
        number(*row.desired.get_ref()),
        row.superiority_gap(),
    );
    out.push_str("[[issues]]\n");
    let _ = writeln!(out, "id = {}", quote(id));
    let _ = writeln!(
        out,
        "title = {}",
        quote(&format!(
            "{} is below the minimum acceptable score",
            row.dimension
        ))
    );
    let _ = writeln!(out, "detail = {}", quote(&detail));
    if themes.is_empty() {
        out.push_str("themes = []                      # add a theme from aplan.toml\n");
    } else {
        let _ = writeln!(out, "themes = {}", list(themes));
    }
    out.push_str("source = \"LibQual+\"\n");
}

fn carried_action(out: &mut String, plan: &Plan, action: &Action, year: i64) {
    out.push_str("[[actions]]\n");
    let _ = writeln!(out, "id = {}", quote(action.id.get_ref()));
    let _ = writeln!(out, "title = {}", quote(action.title.get_ref()));
    if let Some(detail) = &action.detail {
        let _ = writeln!(out, "detail = {}", quote(detail));
    }
    let _ = writeln!(out, "themes = {}", list(&ids(&action.themes)));
    if !action.addresses.is_empty() {
        let _ = writeln!(out, "addresses = {}", list(&ids(&action.addresses)));
    }
    let _ = writeln!(out, "owner = {}", quote(action.owner.get_ref()));
    if !action.with.is_empty() {
        let _ = writeln!(out, "with = {}", list(&ids(&action.with)));
    }
    for (key, value) in [("contact", &action.contact), ("measure", &action.measure)] {
        if let Some(value) = value {
            let _ = writeln!(out, "{key} = {}", quote(value));
        }
    }
    if let Some(priority) = action.priority {
        let _ = writeln!(out, "priority = {}", quote(priority.as_str()));
    }
    if action.quick_win {
        out.push_str("quick_win = true\n");
    }
    match &action.due {
        Some(due) => {
            let _ = writeln!(
                out,
                "# due = {year}-MM-DD                # a new due date (it was due {})",
                due.get_ref()
            );
        }
        None => {
            let _ = writeln!(out, "# due = {year}-MM-DD");
        }
    }
    out.push_str("status = \"proposed\"\n");
    if let Some(initiative) = &action.initiative {
        let _ = writeln!(out, "initiative = {}", quote(initiative.get_ref()));
    }
    let _ = writeln!(
        out,
        "carried_from = {}",
        quote(&action_reference(plan, action))
    );
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

fn ids(ids: &[toml::Spanned<String>]) -> Vec<String> {
    ids.iter().map(|id| id.get_ref().clone()).collect()
}

/// A TOML string, quoted and escaped as toml_edit writes it.
fn quote(s: &str) -> String {
    toml_edit::Value::from(s).to_string()
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| quote(i)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A figure as people write it: `46000`, `6.1`.
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_as_people_write_them() {
        assert_eq!(number(46000.0), "46000");
        assert_eq!(number(6.1), "6.1");
        assert_eq!(number(-2.5), "-2.5");
    }

    #[test]
    fn strings_are_toml_strings() {
        assert_eq!(quote("Dr \"Ben\" Rep"), "'Dr \"Ben\" Rep'");
        let parsed: toml::Table = toml::from_str(&format!("a = {}", quote("x\ny\\z"))).unwrap();
        assert_eq!(parsed["a"].as_str(), Some("x\ny\\z"));
    }

    #[test]
    fn ids_are_made_unique() {
        let mut taken = BTreeSet::from(["a".to_owned(), "a-2".to_owned()]);
        assert_eq!(unique("a".to_owned(), &mut taken), "a-3");
        assert_eq!(unique("b".to_owned(), &mut taken), "b");
    }
}
