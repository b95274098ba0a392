//! References between files: departments, staff, themes and initiatives must be defined in
//! aplan.toml; issues addressed must be in the same plan; carried-over actions must exist.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::decode::{is_slug, slugify};
use crate::model::{Attendee, Config, Plan, StaffAttendee};
use crate::source::FileId;
use crate::suggest::did_you_mean;

/// Plans by department and year, for references across files.
#[derive(Debug)]
pub struct PlanIndex<'p> {
    plans: HashMap<(&'p str, i64), &'p Plan>,
}

impl<'p> PlanIndex<'p> {
    pub fn new(plans: &'p [Plan]) -> Self {
        let mut index = HashMap::new();
        for plan in plans {
            index
                .entry((plan.department.get_ref().as_str(), *plan.year.get_ref()))
                .or_insert(plan);
        }
        Self { plans: index }
    }

    pub fn get(&self, department: &str, year: i64) -> Option<&'p Plan> {
        self.plans.get(&(department, year)).copied()
    }
}

/// What a reference points at, for messages and did-you-mean.
#[derive(Debug)]
struct Target<'c> {
    code: Code,
    /// Where ids are defined, as in "owner `x` is not in aplan.toml".
    defined_in: &'static str,
    /// The ids in plural, as in "known staff ids: …".
    plural: &'static str,
    /// The ids that are valid slugs: the only ones worth suggesting.
    ids: Vec<&'c str>,
    lookup: HashSet<&'c str>,
    /// Ids that are not slugs, which `bad-slug` reports where they are defined.
    invalid: Vec<&'c str>,
    /// Other names an id goes by, with what they are and the id: a theme's title and
    /// keywords.
    aliases: Vec<(&'c str, &'static str, &'c str)>,
}

impl<'c> Target<'c> {
    fn new(
        code: Code,
        defined_in: &'static str,
        plural: &'static str,
        ids: impl Iterator<Item = &'c Spanned<String>>,
    ) -> Self {
        let all: Vec<&str> = ids.map(|id| id.get_ref().as_str()).collect();
        let (ids, invalid): (Vec<&str>, Vec<&str>) = all.iter().partition(|id| is_slug(id));
        Self {
            code,
            defined_in,
            plural,
            lookup: all.into_iter().collect(),
            ids,
            invalid,
            aliases: Vec::new(),
        }
    }

    /// Adds other names the ids go by, matched whatever their capitals.
    fn with_aliases(
        mut self,
        aliases: impl Iterator<Item = (&'c str, &'static str, &'c str)>,
    ) -> Self {
        self.aliases.extend(aliases);
        self
    }

    /// The way to the fix for an id that is not one of the target's.
    fn hint(&self, name: &str) -> String {
        if let Some(invalid) = self.invalid.iter().find(|id| slugify(id) == name) {
            return format!(
                "`{invalid}` in aplan.toml is not a valid id; rename it `{name}` there and this matches"
            );
        }
        // The id in other capitals, then another name of an id, then a misspelling.
        if let Some(id) = self.ids.iter().find(|id| id.eq_ignore_ascii_case(name)) {
            return format!("did you mean `{id}`?");
        }
        let alias = self
            .aliases
            .iter()
            .find(|(alias, _, _)| slugify(alias) == slugify(name));
        if let Some((alias, what, id)) = alias {
            return format!("did you mean `{id}`? its {what} is \"{alias}\"");
        }
        match did_you_mean(name, self.ids.iter().copied()) {
            Some(near) => format!("did you mean `{near}`?"),
            None if self.ids.is_empty() => format!("there are no {} yet", self.plural),
            None => format!("known {}: {}", self.plural, listing(&self.ids)),
        }
    }

    /// Reports `id` when it is not one of the target's ids. Empty ids were missing and are
    /// already reported.
    fn check(&self, file: FileId, field: &str, id: &Spanned<String>, out: &mut Vec<Diagnostic>) {
        let name = id.get_ref().as_str();
        if name.is_empty() || self.lookup.contains(name) {
            return;
        }
        let message = format!("{field} `{name}` is not {}", self.defined_in);
        out.push(
            Diagnostic::new(self.code, file, Some(id.span()), message).with_hint(self.hint(name)),
        );
    }
}

/// The ids aplan.toml defines, gathered once for every plan.
#[derive(Debug)]
pub struct Known<'c> {
    staff: Target<'c>,
    departments: Target<'c>,
    themes: Target<'c>,
    initiatives: Target<'c>,
}

impl<'c> Known<'c> {
    pub fn new(config: &'c Config) -> Self {
        let in_config = "in aplan.toml";
        Self {
            staff: Target::new(
                Code::UnknownStaff,
                in_config,
                "staff ids",
                config.staff.iter().map(|s| &s.id),
            ),
            departments: Target::new(
                Code::UnknownDepartment,
                in_config,
                "departments",
                config.departments.iter().map(|d| &d.id),
            ),
            themes: Target::new(
                Code::UnknownTheme,
                in_config,
                "themes",
                config.themes.iter().map(|t| &t.id),
            )
            .with_aliases(config.themes.iter().flat_map(|t| {
                let id = t.id.get_ref().as_str();
                std::iter::once((t.title.as_str(), "title"))
                    .chain(t.keywords.iter().map(|k| (k.as_str(), "keyword")))
                    .map(move |(name, what)| (name, what, id))
            })),
            initiatives: Target::new(
                Code::UnknownInitiative,
                in_config,
                "initiatives",
                config.initiatives.iter().map(|i| &i.id),
            ),
        }
    }
}

pub fn check_config(config: &Config, known: &Known<'_>, out: &mut Vec<Diagnostic>) {
    for department in &config.departments {
        known
            .staff
            .check(config.file, "liaison", &department.liaison, out);
    }
    for lead in config.initiatives.iter().filter_map(|i| i.lead.as_ref()) {
        known.staff.check(config.file, "lead", lead, out);
    }
}

/// The references of one plan to aplan.toml and to its own issues.
pub fn check_plan(known: &Known<'_>, plan: &Plan, out: &mut Vec<Diagnostic>) {
    let file = plan.file;
    let Known {
        staff,
        departments,
        themes,
        initiatives,
    } = known;
    let issues = Target::new(
        Code::UnknownIssue,
        "an issue in this plan",
        "issues in this plan",
        plan.issues.iter().map(|i| &i.id),
    );

    departments.check(file, "department", &plan.department, out);
    if let Some(liaison) = &plan.liaison {
        staff.check(file, "liaison", liaison, out);
    }
    for attendee in plan.meeting.iter().flat_map(|m| &m.attendees) {
        if let Attendee::Staff(StaffAttendee { staff: id }) = attendee {
            staff.check(file, "attendee", id, out);
        }
    }
    for issue in &plan.issues {
        for theme in &issue.themes {
            themes.check(file, "theme", theme, out);
        }
    }
    for action in &plan.actions {
        action
            .themes
            .iter()
            .for_each(|t| themes.check(file, "theme", t, out));
        action
            .addresses
            .iter()
            .for_each(|i| issues.check(file, "`addresses` entry", i, out));
        staff.check(file, "owner", &action.owner, out);
        action
            .with
            .iter()
            .for_each(|s| staff.check(file, "`with` entry", s, out));
        if let Some(initiative) = &action.initiative {
            initiatives.check(file, "initiative", initiative, out);
        }
        action
            .updates
            .iter()
            .for_each(|u| staff.check(file, "update author", &u.by, out));
    }
}

/// The references of one plan to actions of earlier plans.
pub fn check_carried(plan: &Plan, index: &PlanIndex<'_>, out: &mut Vec<Diagnostic>) {
    for from in plan.actions.iter().filter_map(|a| a.carried_from.as_ref()) {
        check_carried_from(plan, from, index, out);
    }
}

/// `carried_from = "history/2016/lists"` must name an action of an earlier plan.
fn check_carried_from(
    plan: &Plan,
    from: &Spanned<String>,
    index: &PlanIndex<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let mut report = |message: String, hint: Option<String>| {
        out.push(
            Diagnostic::new(Code::BadReference, plan.file, Some(from.span()), message)
                .with_hint_opt(hint),
        );
    };
    let text = from.get_ref();
    let parts: Vec<&str> = text.split('/').collect();
    let [department, year, id] = parts.as_slice() else {
        report(
            format!("`{text}` is not an action reference"),
            Some(
                "write `<department>/<year>/<action-id>`, such as `history/2016/year1-lists`"
                    .to_owned(),
            ),
        );
        return;
    };
    let Ok(year) = year.parse::<i64>() else {
        report(format!("`{year}` in `{text}` is not a year"), None);
        return;
    };
    if year >= *plan.year.get_ref() {
        report(
            format!("`{text}` is not from an earlier year than this plan"),
            Some("actions are carried over from a previous year's plan".to_owned()),
        );
        return;
    }
    let Some(source) = index.get(department, year) else {
        report(
            format!("there is no plan {department}/{year} to carry `{id}` from"),
            None,
        );
        return;
    };
    if source.action(id).is_none() {
        let ids: Vec<&str> = source
            .actions
            .iter()
            .map(|a| a.id.get_ref().as_str())
            .collect();
        let hint = match did_you_mean(id, ids.iter().copied()) {
            Some(near) => format!("did you mean `{department}/{year}/{near}`?"),
            None => format!("its actions are: {}", listing(&ids)),
        };
        report(
            format!("plan {department}/{year} has no action `{id}`"),
            Some(hint),
        );
    }
}

/// Up to ten ids for a hint, sorted, with a count of the rest.
fn listing(ids: &[&str]) -> String {
    const SHOWN: usize = 10;
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    let shown: Vec<String> = sorted
        .iter()
        .take(SHOWN)
        .map(|id| format!("`{id}`"))
        .collect();
    match sorted.len().checked_sub(SHOWN) {
        Some(rest) if rest > 0 => format!("{} and {rest} more", shown.join(", ")),
        _ => shown.join(", "),
    }
}
