//! What changed between two states of the repository, for a reviewer: plans added and
//! removed, status changes, issues and actions added, removed or changed field by field,
//! updates added, settings changed, each person's workload before and after, and the
//! findings the change brings and fixes. The JSON shape is documented in the README.
//!
//! Values are compared as the files have them (the model types serialize that way), so a
//! new key in the format is compared without a line here.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::check::baseline::{self, Findings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::decode::Keyword as _;
use crate::model::{Action, Config, Plan};
use crate::repo::Repository;
use crate::report::workload;

/// How the files on the disk are named, as against a revision.
pub const WORKING_TREE: &str = "the working tree";

/// One state of the repository: what was read and what `aplan validate` finds in it.
#[derive(Debug, Clone, Copy)]
pub struct State<'a> {
    /// How the user named it: `HEAD`, `origin/main`, `the working tree`.
    pub label: &'a str,
    pub repo: &'a Repository,
    pub findings: &'a [Diagnostic],
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Diff {
    pub from: String,
    pub to: String,
    /// By path.
    pub plans: Vec<PlanChange>,
    /// Library, process and limits first, then staff, departments, themes and
    /// initiatives by id.
    pub settings: Vec<SettingChange>,
    /// Each person whose workload changed, in the latest year with plans.
    pub workload: Option<WorkloadChanges>,
    pub findings: FindingChanges,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Added,
    Removed,
    Changed,
}

/// A value before and after; `null` where it is not set.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct FieldChange {
    /// The key, with its table: `status`, `meeting.date`, `context.usage`.
    pub field: String,
    pub before: Value,
    pub after: Value,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PlanChange {
    /// `history/2017`.
    #[serde(rename = "ref")]
    pub reference: String,
    pub path: String,
    pub change: Change,
    /// The plan's status after the change (before it, for a removed plan); `null` when
    /// the file cannot be read as a plan.
    pub status: Option<String>,
    /// The plan's own keys that changed, `status` and the meeting and context included.
    pub fields: Vec<FieldChange>,
    pub issues: Vec<ItemChange>,
    pub actions: Vec<ActionChange>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ItemChange {
    pub id: String,
    pub change: Change,
    pub title: String,
    pub fields: Vec<FieldChange>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ActionChange {
    pub id: String,
    pub change: Change,
    pub title: String,
    /// The current status (its latest update's, else its own) before and after, when it
    /// changed.
    pub current_status: Option<FieldChange>,
    /// The action's own keys that changed; updates are listed in `updates_added`.
    pub fields: Vec<FieldChange>,
    /// Updates that are new, in the file's order.
    pub updates_added: Vec<Value>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SettingChange {
    /// `library`, `process`, `limits`, `staff`, `departments`, `themes`, `initiatives`.
    pub section: &'static str,
    /// The entry's id, for staff, departments, themes and initiatives.
    pub id: Option<String>,
    pub change: Change,
    pub fields: Vec<FieldChange>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct WorkloadChanges {
    pub year: i64,
    pub staff: Vec<StaffLoadChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct StaffLoadChange {
    pub id: String,
    pub initiatives: Count,
    pub departments: Count,
}

/// A count before and after, with the limit after.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Count {
    pub before: usize,
    pub after: usize,
    pub limit: u32,
}

impl Count {
    pub fn is_over(&self) -> bool {
        self.after > self.limit as usize
    }
}

#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct FindingChanges {
    pub added: Vec<FindingView>,
    pub fixed: Vec<FindingView>,
}

/// A finding as a reviewer reads it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FindingView {
    pub code: &'static str,
    pub severity: Severity,
    pub file: String,
    /// `null` for a finding about a whole file or folder.
    pub line: Option<usize>,
    pub message: String,
}

impl Diff {
    /// Whether nothing a reviewer would see changed.
    pub fn is_empty(&self) -> bool {
        self.plans.is_empty()
            && self.settings.is_empty()
            && self.workload.as_ref().is_none_or(|w| w.staff.is_empty())
            && self.findings.added.is_empty()
            && self.findings.fixed.is_empty()
    }
}

/// The change from `before` to `after`.
pub fn build(before: State<'_>, after: State<'_>) -> Diff {
    Diff {
        from: before.label.to_owned(),
        to: after.label.to_owned(),
        plans: plans(before.repo, after.repo),
        settings: match (&before.repo.config, &after.repo.config) {
            (Some(b), Some(a)) => settings(b, a),
            _ => Vec::new(),
        },
        workload: workload(before, after),
        findings: findings(before, after),
    }
}

fn plans(before: &Repository, after: &Repository) -> Vec<PlanChange> {
    let plan_files = |repo: &Repository| -> BTreeSet<String> {
        repo.sources
            .iter()
            .map(|(_, f)| f.path())
            .filter(|p| p.starts_with("plans/") && p.ends_with(".toml"))
            .map(str::to_owned)
            .collect()
    };
    let (old, new) = (plan_files(before), plan_files(after));
    old.union(&new)
        .filter_map(|path| {
            let b = before.plans.iter().find(|p| before.path(p) == path);
            let a = after.plans.iter().find(|p| after.path(p) == path);
            let change = match (old.contains(path), new.contains(path)) {
                (false, _) => Change::Added,
                (_, false) => Change::Removed,
                _ => Change::Changed,
            };
            plan(path, change, b, a)
        })
        .collect()
}

/// One plan's changes; `None` when nothing changed.
fn plan(
    path: &str,
    change: Change,
    before: Option<&Plan>,
    after: Option<&Plan>,
) -> Option<PlanChange> {
    // From the path, which names the plan even when its `department` or `year` is wrong.
    let reference = reference_of(path);
    let status = after
        .or(before)
        .map(|p| p.status.get_ref().as_str().to_owned());
    let mut change = PlanChange {
        reference,
        path: path.to_owned(),
        change,
        status,
        fields: Vec::new(),
        issues: Vec::new(),
        actions: Vec::new(),
    };
    if change.change != Change::Changed {
        return Some(change);
    }
    let (Some(before), Some(after)) = (before, after) else {
        // One side could not be read as a plan: the findings say why.
        return (before.is_some() || after.is_some()).then_some(change);
    };
    let (b, a) = (as_object(before), as_object(after));
    change.fields = object_fields(&b, &a, "", &["issues", "actions"], 1);
    change.issues = items(&before.issues, &after.issues, |i| {
        (i.id.get_ref().clone(), i.title.get_ref().clone())
    });
    change.actions = actions(&before.actions, &after.actions);
    let unchanged =
        change.fields.is_empty() && change.issues.is_empty() && change.actions.is_empty();
    (!unchanged).then_some(change)
}

/// `history/2017` from `plans/2017/history.toml`.
fn reference_of(path: &str) -> String {
    let rest = path.trim_start_matches("plans/").trim_end_matches(".toml");
    match rest.split_once('/') {
        Some((year, department)) => format!("{department}/{year}"),
        None => rest.to_owned(),
    }
}

/// Issues (or other items with an id and a title) added, removed or changed.
fn items<T: Serialize>(
    before: &[T],
    after: &[T],
    id_title: impl Fn(&T) -> (String, String),
) -> Vec<ItemChange> {
    let mut out = Vec::new();
    for (id, b, a) in matched(before, after, |t| id_title(t).0) {
        let title = id_title(a.or(b).expect("one side has it")).1;
        let (change, fields) = match (b, a) {
            (None, _) => (Change::Added, Vec::new()),
            (_, None) => (Change::Removed, Vec::new()),
            (Some(b), Some(a)) => (
                Change::Changed,
                object_fields(&as_object(b), &as_object(a), "", &[], 0),
            ),
        };
        if change != Change::Changed || !fields.is_empty() {
            out.push(ItemChange {
                id,
                change,
                title,
                fields,
            });
        }
    }
    out
}

fn actions(before: &[Action], after: &[Action]) -> Vec<ActionChange> {
    let mut out = Vec::new();
    for (id, b, a) in matched(before, after, |a| a.id.get_ref().clone()) {
        let title = a.or(b).expect("one side has it").title.get_ref().clone();
        let mut change = ActionChange {
            id,
            change: Change::Changed,
            title,
            current_status: None,
            fields: Vec::new(),
            updates_added: Vec::new(),
        };
        match (b, a) {
            (None, _) => change.change = Change::Added,
            (_, None) => change.change = Change::Removed,
            (Some(b), Some(a)) => {
                let (bo, ao) = (as_object(b), as_object(a));
                change.fields = object_fields(&bo, &ao, "", &["updates", "current_status"], 0);
                let (bs, as_) = (b.current_status(), a.current_status());
                if bs != as_ {
                    let moved = FieldChange {
                        field: "current_status".to_owned(),
                        before: Value::from(bs.as_str()),
                        after: Value::from(as_.as_str()),
                    };
                    // The action's own status saying the same is said once.
                    change.fields.retain(|f| {
                        f.field != "status"
                            || (&f.before, &f.after) != (&moved.before, &moved.after)
                    });
                    change.current_status = Some(moved);
                }
                change.updates_added = added_values(
                    bo.get("updates").and_then(Value::as_array),
                    ao.get("updates").and_then(Value::as_array),
                );
                let unchanged = change.fields.is_empty()
                    && change.current_status.is_none()
                    && change.updates_added.is_empty();
                if unchanged {
                    continue;
                }
            }
        }
        out.push(change);
    }
    out
}

/// Items of two lists paired by id: those of `after` in its order (with their match in
/// `before`, if any), then those only in `before`.
fn matched<'t, T>(
    before: &'t [T],
    after: &'t [T],
    id: impl Fn(&T) -> String,
) -> Vec<(String, Option<&'t T>, Option<&'t T>)> {
    let after_ids: HashSet<String> = after.iter().map(&id).collect();
    let mut out: Vec<_> = after
        .iter()
        .map(|a| {
            let key = id(a);
            let b = before.iter().find(|b| id(b) == key);
            (key, b, Some(a))
        })
        .collect();
    out.extend(
        before
            .iter()
            .filter(|b| !after_ids.contains(&id(b)))
            .map(|b| (id(b), Some(b), None)),
    );
    out
}

/// The entries of `after` that `before` does not have (each entry of `before` matching
/// one of `after` once).
fn added_values(before: Option<&Vec<Value>>, after: Option<&Vec<Value>>) -> Vec<Value> {
    let mut left: Vec<&Value> = before.map(|b| b.iter().collect()).unwrap_or_default();
    let mut added = Vec::new();
    for value in after.into_iter().flatten() {
        match left.iter().position(|b| *b == value) {
            Some(at) => {
                left.remove(at);
            }
            None => added.push(value.clone()),
        }
    }
    added
}

fn as_object<T: Serialize>(value: &T) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// The keys of two tables whose values differ, in the order of `after`'s keys then
/// `before`'s; tables inside are compared key by key down to `depth` more levels.
fn object_fields(
    before: &Map<String, Value>,
    after: &Map<String, Value>,
    prefix: &str,
    skip: &[&str],
    depth: usize,
) -> Vec<FieldChange> {
    let keys: Vec<&String> = {
        let mut keys: Vec<&String> = after.keys().collect();
        keys.extend(before.keys().filter(|k| !after.contains_key(*k)));
        keys
    };
    let mut out = Vec::new();
    for key in keys.into_iter().filter(|k| !skip.contains(&k.as_str())) {
        let b = before.get(key).cloned().unwrap_or(Value::Null);
        let a = after.get(key).cloned().unwrap_or(Value::Null);
        if is_empty(&b) && is_empty(&a) || b == a {
            continue;
        }
        let field = format!("{prefix}{key}");
        let none = Map::new();
        let table = |v: &'_ Value| match v {
            Value::Object(map) => Some(map.clone()),
            Value::Null => Some(none.clone()),
            _ => None,
        };
        match (table(&b), table(&a)) {
            (Some(bo), Some(ao)) if depth > 0 => {
                out.extend(object_fields(
                    &bo,
                    &ao,
                    &format!("{field}."),
                    &[],
                    depth - 1,
                ));
            }
            _ => out.push(FieldChange {
                field,
                before: b,
                after: a,
            }),
        }
    }
    out
}

/// A key left out, an empty list and `false` are the same to a reader.
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.values().all(is_empty),
        _ => false,
    }
}

fn settings(before: &Config, after: &Config) -> Vec<SettingChange> {
    let mut out = Vec::new();
    let tables: [(&'static str, Value, Value); 3] = [
        ("library", json(&before.library), json(&after.library)),
        ("process", json(&before.process), json(&after.process)),
        ("limits", json(&before.limits), json(&after.limits)),
    ];
    for (section, b, a) in tables {
        let (Value::Object(b), Value::Object(a)) = (b, a) else {
            continue;
        };
        let fields = object_fields(&b, &a, &format!("{section}."), &[], 0);
        if !fields.is_empty() {
            out.push(SettingChange {
                section,
                id: None,
                change: Change::Changed,
                fields,
            });
        }
    }
    let id = |value: &Value| value["id"].as_str().unwrap_or_default().to_owned();
    let lists: [(&'static str, Vec<Value>, Vec<Value>); 4] = [
        ("staff", list(&before.staff), list(&after.staff)),
        (
            "departments",
            list(&before.departments),
            list(&after.departments),
        ),
        ("themes", list(&before.themes), list(&after.themes)),
        (
            "initiatives",
            list(&before.initiatives),
            list(&after.initiatives),
        ),
    ];
    for (section, b, a) in lists {
        let mut entries: BTreeMap<String, SettingChange> = BTreeMap::new();
        for (key, b, a) in matched(&b, &a, id) {
            let (change, fields) = match (b, a) {
                (None, _) => (Change::Added, Vec::new()),
                (_, None) => (Change::Removed, Vec::new()),
                (Some(Value::Object(b)), Some(Value::Object(a))) => {
                    (Change::Changed, object_fields(b, a, "", &["id"], 0))
                }
                _ => continue,
            };
            if change != Change::Changed || !fields.is_empty() {
                entries.insert(
                    key.clone(),
                    SettingChange {
                        section,
                        id: Some(key),
                        change,
                        fields,
                    },
                );
            }
        }
        out.extend(entries.into_values());
    }
    out
}

fn json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn list<T: Serialize>(items: &[T]) -> Vec<Value> {
    items.iter().map(json).collect()
}

/// Each person's initiatives and departments before and after, in the latest year with
/// plans. Plans with errors count as far as they could be read: a mistake in one plan
/// should not look like everyone's work in it was dropped.
fn workload(before: State<'_>, after: State<'_>) -> Option<WorkloadChanges> {
    let (Some(before_config), Some(after_config)) = (&before.repo.config, &after.repo.config)
    else {
        return None;
    };
    let year = after
        .repo
        .plans
        .iter()
        .chain(&before.repo.plans)
        .map(|p| *p.year.get_ref())
        .max()?;
    let load = |state: State<'_>, config: &Config| {
        let plans: Vec<&Plan> = state
            .repo
            .plans
            .iter()
            .filter(|p| *p.year.get_ref() == year)
            .filter(|p| {
                state
                    .repo
                    .plan(p.department.get_ref(), year)
                    .is_some_and(|kept| kept.file == p.file)
            })
            .collect();
        workload::build(config, &plans, year)
    };
    let (b, a) = (load(before, before_config), load(after, after_config));
    let mut ids: BTreeSet<&str> = b.staff.iter().map(|s| s.id.as_str()).collect();
    ids.extend(a.staff.iter().map(|s| s.id.as_str()));
    let staff = ids
        .into_iter()
        .filter_map(|id| {
            let old = b.staff.iter().find(|s| s.id == id);
            let new = a.staff.iter().find(|s| s.id == id);
            let count = |s: Option<&workload::StaffLoad>, f: fn(&workload::StaffLoad) -> usize| {
                s.map_or(0, f)
            };
            let change = StaffLoadChange {
                id: id.to_owned(),
                initiatives: Count {
                    before: count(old, |s| s.active_initiatives),
                    after: count(new, |s| s.active_initiatives),
                    limit: a.limits.max_initiatives_per_librarian,
                },
                departments: Count {
                    before: count(old, |s| s.departments.len()),
                    after: count(new, |s| s.departments.len()),
                    limit: a.limits.max_departments_per_librarian,
                },
            };
            let limits_changed = b.limits.max_initiatives_per_librarian
                != a.limits.max_initiatives_per_librarian
                || b.limits.max_departments_per_librarian != a.limits.max_departments_per_librarian;
            let moved = change.initiatives.before != change.initiatives.after
                || change.departments.before != change.departments.after;
            let over_changed = limits_changed
                && (old.is_some_and(|s| s.is_over()) != new.is_some_and(|s| s.is_over()));
            (moved || over_changed).then_some(change)
        })
        .collect();
    Some(WorkloadChanges { year, staff })
}

fn findings(before: State<'_>, after: State<'_>) -> FindingChanges {
    let comparison = baseline::compare(
        Findings {
            sources: &before.repo.sources,
            diagnostics: before.findings,
        },
        Findings {
            sources: &after.repo.sources,
            diagnostics: after.findings,
        },
    );
    let view = |repo: &Repository, d: &Diagnostic| {
        let file = repo.sources.get(d.file);
        FindingView {
            code: d.code.name(),
            severity: d.severity(),
            file: file.path().to_owned(),
            line: d.span.as_ref().map(|s| file.location(s.start).line),
            message: d.message.clone(),
        }
    };
    FindingChanges {
        added: comparison
            .added
            .iter()
            .map(|d| view(after.repo, d))
            .collect(),
        fixed: comparison
            .fixed
            .iter()
            .map(|d| view(before.repo, d))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn state<'a>(label: &'a str, repo: &'a Repository, findings: &'a [Diagnostic]) -> State<'a> {
        State {
            label,
            repo,
            findings,
        }
    }

    const CONFIG: &str = r#"
[library]
name = "L"
[[staff]]
id = "jsmith"
name = "Jane Smith"
role = "liaison-librarian"
[[departments]]
id = "history"
name = "History"
liaison = "jsmith"
"#;

    const PLAN: &str = r#"department = "history"
year = 2017
status = "draft"

[[actions]]
id = "lists"
title = "Review lists"
owner = "jsmith"
status = "agreed"
"#;

    #[test]
    fn a_status_change_and_an_update_are_what_changed() {
        let path = "plans/2017/history.toml".to_owned();
        let before =
            Repository::from_texts(Path::new("/r"), CONFIG, &[(path.clone(), PLAN.to_owned())]);
        let edited = PLAN.replace("status = \"draft\"", "status = \"sent\"")
            + "\n[[actions.updates]]\ndate = 2017-02-01\nby = \"jsmith\"\nstatus = \"done\"\nnote = \"All done\"\n";
        let after = Repository::from_texts(Path::new("/r"), CONFIG, &[(path, edited)]);
        let diff = build(
            state("HEAD", &before, &[]),
            state("the working tree", &after, &[]),
        );
        assert_eq!(diff.plans.len(), 1);
        let plan = &diff.plans[0];
        assert_eq!(plan.reference, "history/2017");
        assert_eq!(
            plan.fields,
            [FieldChange {
                field: "status".to_owned(),
                before: "draft".into(),
                after: "sent".into()
            }]
        );
        let action = &plan.actions[0];
        assert_eq!(action.updates_added.len(), 1);
        assert_eq!(action.current_status.as_ref().unwrap().after, "done");
        assert!(action.fields.is_empty(), "{:?}", action.fields);
        assert!(diff.settings.is_empty());
        let workload = diff.workload.unwrap();
        assert_eq!(workload.staff[0].initiatives.before, 1);
        assert_eq!(workload.staff[0].initiatives.after, 0);
    }

    #[test]
    fn a_status_edited_in_place_is_said_once() {
        let path = "plans/2017/history.toml".to_owned();
        let before =
            Repository::from_texts(Path::new("/r"), CONFIG, &[(path.clone(), PLAN.to_owned())]);
        let edited = PLAN.replace("status = \"agreed\"", "status = \"done\"");
        let after = Repository::from_texts(Path::new("/r"), CONFIG, &[(path, edited)]);
        let diff = build(
            state("HEAD", &before, &[]),
            state("the working tree", &after, &[]),
        );
        let action = &diff.plans[0].actions[0];
        assert_eq!(action.current_status.as_ref().unwrap().before, "agreed");
        assert!(action.fields.is_empty(), "{:?}", action.fields);
    }

    #[test]
    fn the_same_files_make_an_empty_diff() {
        let plans = [("plans/2017/history.toml".to_owned(), PLAN.to_owned())];
        let repo = Repository::from_texts(Path::new("/r"), CONFIG, &plans);
        let diff = build(state("HEAD", &repo, &[]), state("HEAD", &repo, &[]));
        assert!(diff.is_empty(), "{diff:?}");
    }
}
