//! Who carries what: each person's departments and active initiatives against the limits,
//! and departments with more active actions than is realistic.
//!
//! An initiative is a shared initiative from aplan.toml (counted once per person, however
//! many departments' actions point at it) or a single action that names none. A person
//! takes part as the initiative's lead, or as owner or `with` of one of its actions. Only
//! active actions (neither done nor dropped, by current status) count, and a shared
//! initiative is active while one of the year's actions for it is.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::model::{Action, Config, Limits, Plan, StaffRole};
use crate::workspace::action_reference;

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Workload {
    pub year: i64,
    pub limits: WorkloadLimits,
    /// Sorted by id.
    pub staff: Vec<StaffLoad>,
    /// Sorted by id.
    pub departments_over: Vec<DepartmentOver>,
}

#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct WorkloadLimits {
    pub max_initiatives_per_librarian: u32,
    pub max_departments_per_librarian: u32,
    pub max_actions_per_department: u32,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StaffLoad {
    pub id: String,
    pub name: String,
    pub role: &'static str,
    /// Departments this person is liaison for, sorted.
    pub departments: Vec<String>,
    /// Sorted by key.
    pub initiatives: Vec<Involvement>,
    pub active_initiatives: usize,
    /// Which limits are broken: `"initiatives"`, `"departments"`.
    pub over: Vec<&'static str>,
    /// For someone over a limit: colleagues with room to spare who already work in the
    /// same themes or faculties, sorted.
    pub candidates: Vec<String>,
}

/// One initiative a person takes part in.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Involvement {
    /// The shared initiative's id, or the action's reference.
    pub key: String,
    pub kind: InitiativeKind,
    pub title: String,
    pub part: Part,
    /// The active actions behind it that involve this person (all of them for a lead),
    /// sorted.
    pub refs: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum InitiativeKind {
    Shared,
    Action,
}

/// A person's part in an initiative; the strongest one wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Lead,
    Owner,
    With,
}

impl Part {
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Lead => "lead",
            Part::Owner => "owner",
            Part::With => "with",
        }
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DepartmentOver {
    pub id: String,
    pub active_actions: usize,
}

impl StaffLoad {
    pub fn is_over(&self) -> bool {
        !self.over.is_empty()
    }
}

/// A limit of aplan.toml that someone or some department is over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breach {
    /// The person's or the department's id.
    pub who: String,
    pub limit: Limit,
    pub count: usize,
    pub max: u32,
}

/// Which limit a [`Breach`] breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Limit {
    Initiatives,
    Departments,
    Actions,
}

impl Breach {
    /// How far over the limit: 1 for one initiative too many.
    pub fn excess(&self) -> i64 {
        self.count as i64 - i64::from(self.max)
    }
}

impl std::fmt::Display for Breach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (who, count, max) = (&self.who, self.count, self.max);
        match self.limit {
            Limit::Initiatives => {
                write!(
                    f,
                    "{who} has {count} active initiatives; the limit is {max}"
                )
            }
            Limit::Departments => {
                write!(
                    f,
                    "{who} is liaison for {count} departments; the limit is {max}"
                )
            }
            Limit::Actions => write!(f, "{who} has {count} active actions; the limit is {max}"),
        }
    }
}

impl Workload {
    /// Every broken limit, people first, for `--check` and the list under the table.
    pub fn breaches(&self) -> Vec<Breach> {
        let limits = self.limits;
        let mut breaches = Vec::new();
        for person in self.staff.iter().filter(|s| s.is_over()) {
            if person.over.contains(&"initiatives") {
                breaches.push(Breach {
                    who: person.id.clone(),
                    limit: Limit::Initiatives,
                    count: person.active_initiatives,
                    max: limits.max_initiatives_per_librarian,
                });
            }
            if person.over.contains(&"departments") {
                breaches.push(Breach {
                    who: person.id.clone(),
                    limit: Limit::Departments,
                    count: person.departments.len(),
                    max: limits.max_departments_per_librarian,
                });
            }
        }
        for department in &self.departments_over {
            breaches.push(Breach {
                who: department.id.clone(),
                limit: Limit::Actions,
                count: department.active_actions,
                max: limits.max_actions_per_department,
            });
        }
        breaches
    }

    /// The broken limits a change is to blame for: over a limit now and not before, or
    /// further over it than before (one more initiative, or a lower limit). A limit that
    /// was broken as much before is left to the change that fixes it.
    /// Without a workload before (no readable settings then), every broken limit is new.
    pub fn breaches_beyond(&self, before: Option<&Workload>) -> Vec<Breach> {
        let earlier: HashMap<(String, Limit), i64> = before
            .map(Workload::breaches)
            .unwrap_or_default()
            .into_iter()
            .map(|b| ((b.who.clone(), b.limit), b.excess()))
            .collect();
        self.breaches()
            .into_iter()
            .filter(|b| {
                earlier
                    .get(&(b.who.clone(), b.limit))
                    .is_none_or(|&excess| b.excess() > excess)
            })
            .collect()
    }
}

/// Builds the workload for `year` from that year's plans.
pub fn build(config: &Config, plans: &[&Plan], year: i64) -> Workload {
    let limits = config.limits;
    let active: Vec<(&Plan, &Action)> = plans
        .iter()
        .filter(|p| *p.year.get_ref() == year)
        .flat_map(|p| p.actions.iter().map(move |a| (*p, a)))
        .filter(|(_, a)| a.current_status().is_active())
        .collect();

    let mut involvements: BTreeMap<&str, BTreeMap<String, Involvement>> = BTreeMap::new();
    let mut themes: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (plan, action) in &active {
        let reference = action_reference(plan, action);
        let shared = action
            .initiative
            .as_ref()
            .and_then(|id| config.initiative(id.get_ref()));
        let (key, kind, title) = match shared {
            Some(initiative) => (
                initiative.id.get_ref().clone(),
                InitiativeKind::Shared,
                initiative.title.clone(),
            ),
            None => (
                reference.clone(),
                InitiativeKind::Action,
                action.title.get_ref().clone(),
            ),
        };
        let lead = shared
            .and_then(|i| i.lead.as_ref())
            .map(|l| l.get_ref().as_str());
        let people = lead
            .map(|id| (id, Part::Lead))
            .into_iter()
            .chain(std::iter::once((
                action.owner.get_ref().as_str(),
                Part::Owner,
            )))
            .chain(
                action
                    .with
                    .iter()
                    .map(|w| (w.get_ref().as_str(), Part::With)),
            );
        for (person, part) in people {
            let entry = involvements
                .entry(person)
                .or_default()
                .entry(key.clone())
                .or_insert_with(|| Involvement {
                    key: key.clone(),
                    kind,
                    title: title.clone(),
                    part,
                    refs: Vec::new(),
                });
            entry.part = entry.part.min(part);
            // Sorted and without repeats once every action is in.
            entry.refs.push(reference.clone());
            themes
                .entry(person)
                .or_default()
                .extend(action.themes.iter().map(|t| t.get_ref().as_str()));
        }
    }

    let mut liaison_for: HashMap<&str, Vec<String>> = HashMap::new();
    for department in &config.departments {
        liaison_for
            .entry(department.liaison.get_ref())
            .or_default()
            .push(department.id.get_ref().clone());
    }
    let mut staff: Vec<StaffLoad> = config
        .staff
        .iter()
        .map(|member| {
            let id = member.id.get_ref().as_str();
            let mut departments = liaison_for.get(id).cloned().unwrap_or_default();
            departments.sort();
            let initiatives: Vec<Involvement> = involvements
                .remove(id)
                .unwrap_or_default()
                .into_values()
                .map(|mut i| {
                    i.refs.sort();
                    i.refs.dedup();
                    i
                })
                .collect();
            let mut over = Vec::new();
            if initiatives.len() > limits.max_initiatives_per_librarian as usize {
                over.push("initiatives");
            }
            if departments.len() > limits.max_departments_per_librarian as usize {
                over.push("departments");
            }
            StaffLoad {
                id: id.to_owned(),
                name: member.name.clone(),
                role: role_name(member.role),
                departments,
                active_initiatives: initiatives.len(),
                initiatives,
                over,
                candidates: Vec::new(),
            }
        })
        .collect();
    staff.sort_by(|a, b| a.id.cmp(&b.id));
    add_candidates(config, &mut staff, &themes);

    let mut per_department: BTreeMap<&str, usize> = BTreeMap::new();
    for (plan, _) in &active {
        *per_department.entry(plan.department.get_ref()).or_default() += 1;
    }
    let departments_over = per_department
        .into_iter()
        .filter(|(_, n)| *n > limits.max_actions_per_department as usize)
        .map(|(id, active_actions)| DepartmentOver {
            id: id.to_owned(),
            active_actions,
        })
        .collect();

    Workload {
        year,
        limits: workload_limits(limits),
        staff,
        departments_over,
    }
}

fn workload_limits(limits: Limits) -> WorkloadLimits {
    WorkloadLimits {
        max_initiatives_per_librarian: limits.max_initiatives_per_librarian,
        max_departments_per_librarian: limits.max_departments_per_librarian,
        max_actions_per_department: limits.max_actions_per_department,
    }
}

fn role_name(role: StaffRole) -> &'static str {
    crate::model::decode::Keyword::as_str(role)
}

/// For everyone over a limit, the colleagues with room to spare (fewer initiatives than
/// the limit, departments within it) who share a theme of their active work or a faculty
/// of their departments.
fn add_candidates(
    config: &Config,
    staff: &mut [StaffLoad],
    themes: &BTreeMap<&str, BTreeSet<&str>>,
) {
    let faculties = |person: &StaffLoad| -> BTreeSet<String> {
        person
            .departments
            .iter()
            .filter_map(|d| config.department(d)?.faculty.clone())
            .collect()
    };
    let no_themes = BTreeSet::new();
    let themes_of = |id: &str| themes.get(id).unwrap_or(&no_themes);
    let limits = config.limits;
    let under: Vec<(String, BTreeSet<String>)> = staff
        .iter()
        .filter(|s| {
            s.active_initiatives < limits.max_initiatives_per_librarian as usize
                && s.departments.len() <= limits.max_departments_per_librarian as usize
        })
        .map(|s| (s.id.clone(), faculties(s)))
        .collect();
    for person in staff.iter_mut().filter(|s| s.is_over()) {
        let my_faculties = faculties(person);
        let my_themes = themes_of(&person.id);
        person.candidates = under
            .iter()
            .filter(|(id, their_faculties)| {
                !my_faculties.is_disjoint(their_faculties) || !my_themes.is_disjoint(themes_of(id))
            })
            .map(|(id, _)| id.clone())
            .collect();
    }
}
