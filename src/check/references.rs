//! References between files: departments, staff, themes, initiatives and kinds of
//! interaction must be defined in aplan.toml; contacts in the department's contacts file;
//! issues addressed must be in the same plan; actions referred to must exist.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::decode::{is_slug, slugify};
use crate::model::{
    Attendee, Config, Contacts, Interactions, Plan, Review, Spanned, StaffAttendee,
};
use crate::repo::Repository;
use crate::source::FileId;
use crate::suggest::did_you_mean;

/// Plans by department and year, for references across files.
#[derive(Debug)]
pub struct PlanIndex<'p> {
    plans: FxHashMap<(&'p str, i64), &'p Plan>,
    /// Paths of plan files that could not be read as a plan at all (not TOML, not UTF-8):
    /// a reference into one is not reported, as the file's own error explains it.
    unread: FxHashSet<&'p str>,
}

impl<'p> PlanIndex<'p> {
    pub fn new(repo: &'p Repository) -> Self {
        let mut index = FxHashMap::default();
        for plan in &repo.plans {
            index
                .entry((plan.department.get_ref().as_str(), *plan.year.get_ref()))
                .or_insert(plan);
        }
        let read: FxHashSet<FileId> = repo.plans.iter().map(|p| p.file).collect();
        let unread = repo
            .sources
            .iter()
            .filter(|(id, file)| file.path().starts_with("plans/") && !read.contains(id))
            .map(|(_, file)| file.path())
            .collect();
        Self {
            plans: index,
            unread,
        }
    }

    /// Whether the plan file of `department` and `year` is there but could not be read.
    fn is_unread(&self, department: &str, year: i64) -> bool {
        self.unread
            .contains(format!("plans/{year}/{department}.toml").as_str())
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
    defined_in: String,
    /// The ids in plural, as in "known staff ids: …".
    plural: String,
    /// The file that defines the ids, as in "`AEvans` in aplan.toml is not a valid id".
    home: String,
    /// The ids that are valid slugs: the only ones worth suggesting.
    ids: Vec<&'c str>,
    lookup: FxHashSet<&'c str>,
    /// Ids that are not slugs, which `bad-slug` reports where they are defined.
    invalid: Vec<&'c str>,
    /// Other names an id goes by, with what they are and the id: a theme's title and
    /// keywords.
    aliases: Vec<(&'c str, &'static str, &'c str)>,
    /// Whether a hint lists the ids even when it can suggest one: a short, closed list.
    list_always: bool,
}

impl<'c> Target<'c> {
    fn new(
        code: Code,
        defined_in: &str,
        plural: &str,
        ids: impl Iterator<Item = &'c Spanned<String>>,
    ) -> Self {
        Self::of_words(
            code,
            defined_in,
            plural,
            ids.map(|id| id.get_ref().as_str()),
        )
    }

    fn of_words(
        code: Code,
        defined_in: &str,
        plural: &str,
        ids: impl Iterator<Item = &'c str>,
    ) -> Self {
        let all: Vec<&str> = ids.collect();
        let (ids, invalid): (Vec<&str>, Vec<&str>) = all.iter().partition(|id| is_slug(id));
        Self {
            code,
            defined_in: defined_in.to_owned(),
            plural: plural.to_owned(),
            home: "in aplan.toml".to_owned(),
            lookup: all.into_iter().collect(),
            ids,
            invalid,
            aliases: Vec::new(),
            list_always: false,
        }
    }

    /// Sets the file that defines the ids, when it is not aplan.toml.
    fn defined_by(mut self, home: &str) -> Self {
        self.home = home.to_owned();
        self
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
                "`{invalid}` {} is not a valid id; rename it `{name}` there and this matches",
                self.home
            );
        }
        let suggest = |id: &str| {
            if self.list_always {
                format!(
                    "did you mean `{id}`? {}: {}",
                    self.plural,
                    listing(&self.ids)
                )
            } else {
                format!("did you mean `{id}`?")
            }
        };
        // The id in other capitals, then another name of an id, then a misspelling.
        if let Some(id) = self.ids.iter().find(|id| id.eq_ignore_ascii_case(name)) {
            return suggest(id);
        }
        let alias = self
            .aliases
            .iter()
            .find(|(alias, _, _)| slugify(alias) == slugify(name));
        if let Some((alias, what, id)) = alias {
            return format!("did you mean `{id}`? its {what} is \"{alias}\"");
        }
        match did_you_mean(name, self.ids.iter().copied()) {
            Some(near) => suggest(near),
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
    kinds: Target<'c>,
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
            kinds: Target {
                list_always: true,
                ..Target::of_words(
                    Code::UnknownKind,
                    "one of the kinds of interaction in aplan.toml",
                    "kinds",
                    config.crm.kinds.iter().map(String::as_str),
                )
            },
        }
    }
}

/// The contact ids of a department, or none when it has no contacts file.
fn contact_target<'c>(department: &str, contacts: Option<&'c Contacts>) -> Target<'c> {
    let path = format!("contacts/{department}.toml");
    Target::new(
        Code::UnknownContact,
        &format!("in {path}"),
        &format!("contacts in {path}"),
        contacts
            .into_iter()
            .flat_map(|c| &c.contacts)
            .map(|c| &c.id),
    )
    .defined_by(&format!("in {path}"))
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

/// The references of one plan to aplan.toml, to its own issues and to the department's
/// contacts (`None` when it has no contacts file).
pub fn check_plan(
    known: &Known<'_>,
    plan: &Plan,
    contacts: Option<&Contacts>,
    out: &mut Vec<Diagnostic>,
) {
    let file = plan.file;
    let Known {
        staff,
        departments,
        themes,
        initiatives,
        ..
    } = known;
    let people = contact_target(plan.department.get_ref(), contacts);
    let issues = Target::new(
        Code::UnknownIssue,
        "an issue in this plan",
        "issues in this plan",
        plan.issues.iter().map(|i| &i.id),
    )
    .defined_by("in this plan");

    departments.check(file, "department", &plan.department, out);
    if let Some(liaison) = &plan.liaison {
        staff.check(file, "liaison", liaison, out);
    }
    for attendee in plan.meeting.iter().flat_map(|m| &m.attendees) {
        match attendee {
            Attendee::Staff(StaffAttendee { staff: id }) => {
                staff.check(file, "attendee", id, out);
            }
            Attendee::Contact(c) => people.check(file, "attendee", &c.contact, out),
            Attendee::Person(_) => {}
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
        // A contact written as an id must be one; a name such as "Dr Ben Rep" is a name.
        if let Some(contact) = action.contact.as_ref().filter(|c| is_slug(c.get_ref()))
            && contacts.is_some()
        {
            people.check(file, "contact", contact, out);
        }
        action
            .updates
            .iter()
            .for_each(|u| staff.check(file, "update author", &u.by, out));
    }
}

/// The references of one department's interactions of a year to aplan.toml, to the
/// department's contacts and to actions.
pub fn check_interactions(
    known: &Known<'_>,
    interactions: &Interactions,
    contacts: Option<&Contacts>,
    index: &PlanIndex<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let file = interactions.file;
    let people = contact_target(&interactions.department, contacts);
    for interaction in &interactions.interactions {
        known.kinds.check(file, "kind", &interaction.kind, out);
        for by in &interaction.by {
            known.staff.check(file, "`by` entry", by, out);
        }
        for with in &interaction.with {
            people.check(file, "`with` entry", with, out);
        }
        for theme in &interaction.themes {
            known.themes.check(file, "theme", theme, out);
        }
        for action in &interaction.actions {
            check_action_reference(file, action, None, index, out);
        }
    }
}

/// The owners of a review's improvements must be staff of aplan.toml.
pub fn check_review(known: &Known<'_>, review: &Review, out: &mut Vec<Diagnostic>) {
    for owner in review.improvements.iter().filter_map(|i| i.owner.as_ref()) {
        known.staff.check(review.file, "owner", owner, out);
    }
}

/// The department of a contacts or interactions file (its name) must be in aplan.toml.
pub fn check_department_file(
    known: &Known<'_>,
    file: FileId,
    path: &str,
    department: &str,
    out: &mut Vec<Diagnostic>,
) {
    let ids = &known.departments.ids;
    if known.departments.lookup.contains(department) {
        return;
    }
    let hint = match did_you_mean(department, ids.iter().copied()) {
        Some(near) => format!("did you mean `{near}`? name the file after the department's id"),
        None => format!(
            "name the file after a department's id in aplan.toml, or add the department there; known departments: {}",
            listing(ids)
        ),
    };
    out.push(
        Diagnostic::new(
            Code::UnknownDepartment,
            file,
            None,
            format!("{path} is for department `{department}`, which is not in aplan.toml"),
        )
        .with_hint(hint),
    );
}

/// The references of one plan to actions of earlier plans.
pub fn check_carried(plan: &Plan, index: &PlanIndex<'_>, out: &mut Vec<Diagnostic>) {
    for from in plan.actions.iter().filter_map(|a| a.carried_from.as_ref()) {
        check_action_reference(plan.file, from, Some(*plan.year.get_ref()), index, out);
    }
}

/// A reference such as `history/2016/lists` must name an action of a plan, of a year
/// before `before` when that is given (`carried_from`).
fn check_action_reference(
    file: FileId,
    from: &Spanned<String>,
    before: Option<i64>,
    index: &PlanIndex<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let mut report = |message: String, hint: Option<String>| {
        out.push(
            Diagnostic::new(Code::BadReference, file, Some(from.span()), message)
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
    if before.is_some_and(|before| year >= before) {
        report(
            format!("`{text}` is not from an earlier year than this plan"),
            Some("actions are carried over from a previous year's plan".to_owned()),
        );
        return;
    }
    let Some(source) = index.get(department, year) else {
        if index.is_unread(department, year) {
            return;
        }
        let message = match before {
            Some(_) => format!("there is no plan {department}/{year} to carry `{id}` from"),
            None => format!("there is no plan {department}/{year}, so no action `{id}` in it"),
        };
        report(message, None);
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
