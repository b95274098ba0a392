//! `aplan themes`: which themes recur across one year's plans, which departments share
//! them, and where one piece of work could serve a group of departments.
//!
//! A department carries a theme when any of its issues or actions is tagged with it, and
//! counts once however many items it has. A theme is common when it reaches the
//! threshold; a common theme that no shared initiative covers is a candidate for one.
//! Untagged items get theme suggestions from the themes' keywords, and phrases that recur
//! across departments without any theme's keyword are offered as emerging themes.

mod emerging;
pub mod words;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::model::{Config, Plan, Spanned};
use crate::workspace::Workspace;

pub use emerging::EmergingTheme;

/// The themes of one year's plans. Serialises to the JSON shape in the README; the fields
/// it skips are what people's formats need to print names.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ThemesReport {
    pub year: i64,
    pub min_departments: u32,
    /// By number of departments, most first, then id.
    pub themes: Vec<ThemeSummary>,
    /// By reference, then theme.
    pub suggestions: Vec<Suggestion>,
    /// By number of departments, most first, then phrase.
    pub emerging: Vec<EmergingTheme>,
    /// The latest earlier year with plans: what "since last year" compares with.
    #[serde(skip)]
    pub previous_year: Option<i64>,
    /// Departments with a plan for the year that has no errors, by id.
    #[serde(skip)]
    pub planned: Vec<String>,
    /// Every department of aplan.toml, by id.
    #[serde(skip)]
    pub departments: Vec<DepartmentInfo>,
    /// Every member of staff of aplan.toml, by id.
    #[serde(skip)]
    pub staff: Vec<Named>,
    /// Every shared initiative of aplan.toml, by id.
    #[serde(skip)]
    pub initiatives: Vec<Named>,
}

/// One theme of aplan.toml and what carries it this year.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ThemeSummary {
    pub id: String,
    pub title: String,
    /// Departments whose issues or actions carry the theme, by id.
    pub departments: Vec<String>,
    /// By reference, then kind.
    pub items: Vec<Item>,
    /// Whether `departments` reaches the threshold.
    pub common: bool,
    /// Shared initiatives that the theme's actions point at, by id.
    pub initiatives: Vec<String>,
    /// The liaison librarians of `departments`, by id.
    pub librarians: Vec<String>,
    /// Departments that carried the theme in the previous year's plans, by id.
    pub previous_departments: Vec<String>,
    /// How many issues and actions carry the theme, by department.
    #[serde(skip)]
    pub counts: BTreeMap<String, (usize, usize)>,
}

/// An issue or action tagged with a theme.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
pub struct Item {
    #[serde(rename = "ref")]
    pub reference: String,
    pub kind: ItemKind,
    pub title: String,
    #[serde(skip)]
    pub department: String,
}

/// In the order of the words, so items sort as their JSON reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Action,
    Issue,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Issue => "issue",
            ItemKind::Action => "action",
        }
    }
}

/// An untagged issue or action whose title or detail contains a theme's keyword.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
pub struct Suggestion {
    #[serde(rename = "ref")]
    pub reference: String,
    pub theme: String,
    /// The keyword, as aplan.toml spells it.
    pub matched: String,
}

/// A department as aplan.toml names it, with its liaison librarian for the year.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DepartmentInfo {
    pub id: String,
    pub name: String,
    pub faculty: Option<String>,
    /// The year's plan's `liaison`, else the department's.
    pub librarian: String,
}

/// An id with the name or title people know it by.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Named {
    pub id: String,
    pub name: String,
}

impl ThemeSummary {
    /// Common, and no shared initiative covers it: a group that could share one piece of
    /// work.
    pub fn needs_shared_work(&self) -> bool {
        self.common && self.initiatives.is_empty()
    }

    /// Departments that carry the theme this year but did not last year.
    pub fn new_departments(&self) -> Vec<&str> {
        difference(&self.departments, &self.previous_departments)
    }

    /// Departments that carried the theme last year and still do.
    pub fn continuing_departments(&self) -> Vec<&str> {
        self.departments
            .iter()
            .filter(|d| self.previous_departments.binary_search(d).is_ok())
            .map(String::as_str)
            .collect()
    }

    /// Departments that carried the theme last year but no longer do.
    pub fn gone_departments(&self) -> Vec<&str> {
        difference(&self.previous_departments, &self.departments)
    }

    /// How many of a department's issues and actions carry the theme.
    pub fn count_in(&self, department: &str) -> (usize, usize) {
        self.counts.get(department).copied().unwrap_or_default()
    }
}

impl ThemesReport {
    pub fn department(&self, id: &str) -> Option<&DepartmentInfo> {
        // The first of any two with one id, as aplan.toml is read.
        let first = self.departments.partition_point(|d| d.id.as_str() < id);
        self.departments.get(first).filter(|d| d.id == id)
    }

    /// A department's name, or its id when aplan.toml does not know it.
    pub fn department_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.department(id).map_or(id, |d| d.name.as_str())
    }

    /// A person's name, or their id when aplan.toml does not know them.
    pub fn staff_name<'a>(&'a self, id: &'a str) -> &'a str {
        find_name(&self.staff, id)
    }

    /// An initiative's title, or its id.
    pub fn initiative_title<'a>(&'a self, id: &'a str) -> &'a str {
        find_name(&self.initiatives, id)
    }

    /// The faculties of the year's departments, sorted; `None` (no faculty) last.
    pub fn faculties(&self) -> Vec<Option<&str>> {
        let mut faculties: Vec<Option<&str>> = self
            .planned
            .iter()
            .map(|id| self.department(id).and_then(|d| d.faculty.as_deref()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        // `None` sorts first; people expect "no faculty" at the end.
        if faculties.first() == Some(&None) {
            faculties.rotate_left(1);
        }
        faculties
    }

    /// How many of a theme's departments belong to a faculty.
    pub fn faculty_count(&self, theme: &ThemeSummary, faculty: Option<&str>) -> usize {
        theme
            .departments
            .iter()
            .filter(|id| self.department(id).and_then(|d| d.faculty.as_deref()) == faculty)
            .count()
    }

    /// Common themes that no shared initiative covers, in the report's order.
    pub fn shared_work(&self) -> impl Iterator<Item = &ThemeSummary> {
        self.themes.iter().filter(|t| t.needs_shared_work())
    }
}

/// The themes report for `year`, counting a theme as common from `min_departments`.
pub fn build(workspace: &Workspace, year: i64, min_departments: u32) -> ThemesReport {
    let config = workspace.config();
    let plans = workspace.plans_for(year);
    let previous_year = workspace.years().into_iter().filter(|y| *y < year).max();
    let previous = previous_year
        .map(|y| workspace.plans_for(y))
        .unwrap_or_default();
    let entries: Vec<Entry<'_>> = plans.iter().flat_map(|p| plan_entries(p)).collect();
    let earlier: Vec<Entry<'_>> = previous.iter().flat_map(|p| plan_entries(p)).collect();

    let mut themes: Vec<ThemeSummary> = config
        .themes
        .iter()
        .map(|theme| {
            summarise(
                config,
                theme.id.get_ref(),
                &theme.title,
                &entries,
                &earlier,
                min_departments,
            )
        })
        .collect();
    themes.sort_by(|a, b| {
        b.departments
            .len()
            .cmp(&a.departments.len())
            .then_with(|| a.id.cmp(&b.id))
    });

    let keywords: Vec<Vec<String>> = config
        .themes
        .iter()
        .flat_map(|t| t.keywords.iter().map(|k| words::keyword(k)))
        .collect();
    let threshold = usize::try_from(min_departments.max(1)).unwrap_or(usize::MAX);
    let texts: Vec<(&str, &str)> = entries
        .iter()
        .flat_map(|e| e.texts().map(|text| (e.department(), text)))
        .collect();

    ThemesReport {
        year,
        min_departments,
        themes,
        suggestions: suggestions(config, &entries),
        emerging: emerging::find(&texts, &keywords, threshold),
        previous_year,
        planned: plans
            .iter()
            .map(|p| p.department.get_ref().clone())
            .collect(),
        departments: departments(config, &plans),
        staff: sorted_named(config.staff.iter().map(|s| (s.id.get_ref(), &s.name))),
        initiatives: sorted_named(
            config
                .initiatives
                .iter()
                .map(|i| (i.id.get_ref(), &i.title)),
        ),
    }
}

/// An issue or action seen the same way, for tagging and matching.
#[derive(Debug, Clone, Copy)]
struct Entry<'p> {
    plan: &'p Plan,
    kind: ItemKind,
    id: &'p str,
    title: &'p str,
    detail: Option<&'p str>,
    themes: &'p [Spanned<String>],
    initiative: Option<&'p str>,
}

impl Entry<'_> {
    fn department(&self) -> &str {
        self.plan.department.get_ref()
    }

    fn reference(&self) -> String {
        format!("{}/{}", self.plan.reference(), self.id)
    }

    fn has_theme(&self, theme: &str) -> bool {
        self.themes.iter().any(|t| t.get_ref() == theme)
    }

    /// The title and the detail, each a separate text so no phrase spans the two.
    fn texts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title).chain(self.detail)
    }
}

fn plan_entries(plan: &Plan) -> Vec<Entry<'_>> {
    let issues = plan.issues.iter().map(move |i| Entry {
        plan,
        kind: ItemKind::Issue,
        id: i.id.get_ref(),
        title: i.title.get_ref(),
        detail: i.detail.as_deref(),
        themes: &i.themes,
        initiative: None,
    });
    let actions = plan.actions.iter().map(move |a| Entry {
        plan,
        kind: ItemKind::Action,
        id: a.id.get_ref(),
        title: a.title.get_ref(),
        detail: a.detail.as_deref(),
        themes: &a.themes,
        initiative: a.initiative.as_ref().map(|i| i.get_ref().as_str()),
    });
    issues.chain(actions).collect()
}

fn summarise(
    config: &Config,
    id: &str,
    title: &str,
    entries: &[Entry<'_>],
    earlier: &[Entry<'_>],
    min_departments: u32,
) -> ThemeSummary {
    let tagged: Vec<&Entry<'_>> = entries.iter().filter(|e| e.has_theme(id)).collect();
    let departments: BTreeSet<&str> = tagged.iter().map(|e| e.department()).collect();
    let librarians: BTreeSet<&str> = tagged
        .iter()
        .filter_map(|e| e.plan.librarian(config))
        .collect();
    let initiatives: BTreeSet<&str> = tagged.iter().filter_map(|e| e.initiative).collect();
    let previous: BTreeSet<&str> = earlier
        .iter()
        .filter(|e| e.has_theme(id))
        .map(|e| e.department())
        .collect();
    let mut items: Vec<Item> = tagged
        .iter()
        .map(|e| Item {
            reference: e.reference(),
            kind: e.kind,
            title: e.title.to_owned(),
            department: e.department().to_owned(),
        })
        .collect();
    items.sort();
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for item in &items {
        let (issues, actions) = counts.entry(item.department.clone()).or_default();
        match item.kind {
            ItemKind::Issue => *issues += 1,
            ItemKind::Action => *actions += 1,
        }
    }
    let count = u32::try_from(departments.len()).unwrap_or(u32::MAX);
    ThemeSummary {
        id: id.to_owned(),
        title: title.to_owned(),
        common: count > 0 && count >= min_departments,
        departments: owned(departments),
        items,
        initiatives: owned(initiatives),
        librarians: owned(librarians),
        previous_departments: owned(previous),
        counts,
    }
}

/// For each untagged item, each theme with a keyword in its title or detail, naming the
/// first such keyword in aplan.toml's order.
fn suggestions(config: &Config, entries: &[Entry<'_>]) -> Vec<Suggestion> {
    /// A keyword as aplan.toml spells it, and as words to match.
    type Keyword<'a> = (&'a str, Vec<String>);
    let themes: Vec<(&str, Vec<Keyword<'_>>)> = config
        .themes
        .iter()
        .map(|t| {
            let keywords = t
                .keywords
                .iter()
                .map(|k| (k.as_str(), words::keyword(k)))
                .collect();
            (t.id.get_ref().as_str(), keywords)
        })
        .collect();
    let mut found = BTreeSet::new();
    for entry in entries.iter().filter(|e| e.themes.is_empty()) {
        let runs: Vec<_> = entry.texts().flat_map(words::runs).collect();
        for (theme, keywords) in &themes {
            if let Some((keyword, _)) = keywords.iter().find(|(_, k)| words::mentions(&runs, k)) {
                found.insert(Suggestion {
                    reference: entry.reference(),
                    theme: (*theme).to_owned(),
                    matched: (*keyword).to_owned(),
                });
            }
        }
    }
    found.into_iter().collect()
}

fn departments(config: &Config, plans: &[&Plan]) -> Vec<DepartmentInfo> {
    let mut by_department: HashMap<&str, &Plan> = HashMap::new();
    for plan in plans {
        by_department
            .entry(plan.department.get_ref().as_str())
            .or_insert(plan);
    }
    let mut departments: Vec<DepartmentInfo> = config
        .departments
        .iter()
        .map(|d| {
            let plan = by_department.get(d.id.get_ref().as_str());
            DepartmentInfo {
                id: d.id.get_ref().clone(),
                name: d.name.clone(),
                faculty: d.faculty.clone(),
                librarian: plan
                    .and_then(|p| p.librarian(config))
                    .unwrap_or(d.liaison.get_ref())
                    .to_owned(),
            }
        })
        .collect();
    departments.sort_by(|a, b| a.id.cmp(&b.id));
    departments
}

fn sorted_named<'a>(pairs: impl Iterator<Item = (&'a String, &'a String)>) -> Vec<Named> {
    let mut named: Vec<Named> = pairs
        .map(|(id, name)| Named {
            id: id.clone(),
            name: name.clone(),
        })
        .collect();
    named.sort_by(|a, b| a.id.cmp(&b.id));
    named
}

/// The name for `id` in a list sorted by id, or the id itself.
fn find_name<'a>(named: &'a [Named], id: &'a str) -> &'a str {
    let first = named.partition_point(|n| n.id.as_str() < id);
    named
        .get(first)
        .filter(|n| n.id == id)
        .map_or(id, |n| n.name.as_str())
}

fn owned(set: BTreeSet<&str>) -> Vec<String> {
    set.into_iter().map(str::to_owned).collect()
}

/// The ids of `these` that are not in `those`, which is sorted.
fn difference<'a>(these: &'a [String], those: &[String]) -> Vec<&'a str> {
    these
        .iter()
        .filter(|d| those.binary_search(d).is_err())
        .map(String::as_str)
        .collect()
}
