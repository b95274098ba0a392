//! The meeting document of one plan, as data for the templates: everything a reader sees,
//! already looked up (staff ids as names, theme ids as titles), counted and formatted.
//!
//! Template authors see these field names; they are listed in the README.

pub(crate) mod figures;
pub mod glance;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::model::decode::Keyword;
use crate::model::decode::is_slug;
use crate::model::{
    Action, ActionStatus, Attendee, AttendeeRole, Config, ContactRole, Contacts, Plan, PlanStatus,
    Spanned,
};
use crate::workspace::{Workspace, action_reference};

/// One plan's meeting document.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// `Department of History: library action plan 2017`.
    pub title: String,
    pub library: String,
    /// `history/2017`.
    pub reference: String,
    pub department: Department,
    pub year: i64,
    /// `draft`, `sent`, `met` or `final`.
    pub status: &'static str,
    /// `Draft`, `Sent to the department`, …
    pub status_label: &'static str,
    /// Only a draft carries the "Draft for discussion" banner.
    pub is_draft: bool,
    pub is_final: bool,
    pub liaison: Option<Person>,
    pub meeting: Option<Meeting>,
    /// Set when the Head of Department is new to the process, so the document explains it.
    pub new_head: Option<NewHead>,
    /// The headline figures, first in the document.
    pub glance: glance::Glance,
    pub numbers: Numbers,
    pub last_year: LastYear,
    pub issues: Vec<IssueEntry>,
    pub actions: Vec<ActionEntry>,
    pub next_steps: NextSteps,
}

#[derive(Debug, Clone, Serialize)]
pub struct Department {
    pub id: String,
    pub name: String,
    /// The name as it reads inside a sentence: "the Department of History".
    pub in_text: String,
    pub faculty: Option<String>,
}

/// A department's name inside a sentence. A name that starts with a word for a kind of
/// unit ("Department of History", "School of Law") takes "the"; a subject's name
/// ("Archaeology") and a name that has its article already stand alone.
pub fn in_text(name: &str) -> String {
    const UNITS: &[&str] = &[
        "Department",
        "School",
        "Faculty",
        "Institute",
        "Centre",
        "Center",
        "College",
        "Division",
        "Unit",
    ];
    let first = name.split_whitespace().next().unwrap_or_default();
    if UNITS.contains(&first) {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

/// Someone at the meeting or named in an action.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub name: String,
    /// `Liaison Librarian`, `Head of Department`, or empty.
    pub role: String,
    /// Library staff's address, from aplan.toml.
    pub email: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    /// `2017-03-08`, or `null` while no date is set.
    pub date: Option<String>,
    /// `Wednesday 8 March 2017`.
    pub date_text: Option<String>,
    pub sent_text: Option<String>,
    pub finalised_text: Option<String>,
    /// People from the department, in the plan's order.
    pub department_attendees: Vec<Person>,
    /// Library staff, in the plan's order.
    pub library_attendees: Vec<Person>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NewHead {
    /// Who is new: the Head of Department and or the Library Rep, joined with "and"; empty
    /// on a first plan that names nobody yet.
    pub name: String,
    /// The Head at last year's meeting, when there was one.
    pub previous: Option<String>,
}

/// "The library and the department in numbers".
#[derive(Debug, Clone, Serialize)]
pub struct Numbers {
    /// Markdown.
    pub summary: Option<String>,
    pub investment: Vec<InvestmentRow>,
    pub investment_total_text: String,
    pub usage: Vec<UsageRow>,
    pub libqual: Vec<LibQualRow>,
    /// The surveys the LibQual+ scores come from, as the plan names them: `LibQual+ 2016`.
    pub libqual_survey: Option<String>,
    /// Whether any LibQual+ dimension is below the minimum acceptable score.
    pub libqual_below_minimum: bool,
    pub feedback: Vec<FeedbackRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InvestmentRow {
    pub item: String,
    pub amount: f64,
    /// `£46,000`.
    pub amount_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct UsageRow {
    pub measure: String,
    pub source: Option<String>,
    pub value_text: String,
    pub previous_text: Option<String>,
    /// `+5,745`.
    pub change_text: Option<String>,
    /// `+31.5%`; `null` without a previous figure or when it was zero.
    pub change_percent_text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LibQualRow {
    pub dimension: String,
    pub minimum_text: String,
    pub desired_text: String,
    pub perceived_text: String,
    /// Perceived minus minimum, `+0.90`.
    pub adequacy_gap_text: String,
    /// Perceived minus desired, `-0.60`.
    pub superiority_gap_text: String,
    /// A negative adequacy gap: service below what users will accept.
    pub below_minimum: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct FeedbackRow {
    pub text: String,
    pub source: Option<String>,
    pub score_text: Option<String>,
}

/// "What we did last year", from the department's previous plan.
#[derive(Debug, Clone, Serialize)]
pub struct LastYear {
    /// The previous plan's year, or `null` when the department has no earlier plan.
    pub year: Option<i64>,
    pub actions: Vec<PastAction>,
    pub done: usize,
    pub in_progress: usize,
    pub dropped: usize,
    /// Proposed or agreed, with no sign of work yet.
    pub not_started: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct PastAction {
    pub title: String,
    pub status: &'static str,
    pub status_label: &'static str,
    /// The latest update's note.
    pub note: Option<String>,
    pub note_date_text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IssueEntry {
    pub id: String,
    pub title: String,
    /// Markdown.
    pub detail: Option<String>,
    pub source: Option<String>,
    /// Theme titles.
    pub themes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionEntry {
    pub id: String,
    /// `history/2017/year2-lists`.
    pub reference: String,
    pub title: String,
    /// Markdown.
    pub detail: Option<String>,
    pub owner: Person,
    pub with: Vec<Person>,
    pub contact: Option<String>,
    pub due_text: Option<String>,
    /// `31 Jul 2017`, for the actions table.
    pub due_short_text: Option<String>,
    /// `High`, `Medium`, `Low`.
    pub priority: Option<&'static str>,
    pub quick_win: bool,
    /// Theme titles.
    pub themes: Vec<String>,
    pub measure: Option<String>,
    pub status: &'static str,
    pub status_label: &'static str,
    /// Titles of the issues it addresses.
    pub addresses: Vec<String>,
    /// The shared initiative's title.
    pub initiative: Option<String>,
    /// `history/2016/lists` when carried over from an earlier plan.
    pub carried_from: Option<String>,
    pub latest_update: Option<UpdateEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UpdateEntry {
    pub date_text: Option<String>,
    pub by: String,
    pub note: String,
}

/// "Next steps": when the plan reaches the department and when the final one follows.
#[derive(Debug, Clone, Serialize)]
pub struct NextSteps {
    pub send_days_before: u32,
    pub finalise_within_days: u32,
    /// The meeting date minus `send_days_before`.
    pub send_by_text: Option<String>,
    /// The meeting date plus `finalise_within_days`.
    pub final_by_text: Option<String>,
}

/// The day a document of `plan` is rendered as of: the day asked for, else, for a final
/// plan, the day it was sent, so rendering it again gives the document that went out;
/// else `today`.
pub fn as_of(plan: &Plan, asked: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    let finalised = plan
        .meeting
        .as_ref()
        .and_then(|m| m.finalised.as_ref())
        .map(|d| *d.get_ref())
        .filter(|_| *plan.status.get_ref() == PlanStatus::Final);
    asked.or(finalised).unwrap_or(today)
}

/// Builds the document of `plan` as it stood on `as_of`: updates written after it are
/// left out. Its previous plan comes from `workspace`.
pub fn build(workspace: &Workspace, plan: &Plan, as_of: NaiveDate) -> Document {
    let config = workspace.config();
    let department_id = plan.department.get_ref();
    let department = match config.department(department_id) {
        Some(d) => Department {
            id: department_id.clone(),
            name: d.name.clone(),
            in_text: in_text(&d.name),
            faculty: d.faculty.clone(),
        },
        None => Department {
            id: department_id.clone(),
            name: department_id.clone(),
            in_text: department_id.clone(),
            faculty: None,
        },
    };
    let year = *plan.year.get_ref();
    let status = *plan.status.get_ref();
    let contacts = workspace.contacts_of(department_id);
    // A previous plan with errors is left out rather than passed over for an older one.
    let previous = workspace
        .previous_plan(department_id, year)
        .filter(|p| workspace.is_valid(p));
    let liaison = plan.librarian(config).map(|id| staff(config, id));
    Document {
        title: format!("{}: library action plan {year}", department.name),
        library: config.library.name.clone(),
        reference: plan.reference(),
        department,
        year,
        status: status.as_str(),
        status_label: status.label(),
        is_draft: status == PlanStatus::Draft,
        is_final: status == PlanStatus::Final,
        liaison,
        meeting: plan.meeting.as_ref().map(|m| meeting(config, contacts, m)),
        new_head: new_head(plan, previous, contacts),
        glance: glance::build(
            plan,
            &workspace
                .plans()
                .into_iter()
                .filter(|p| p.department.get_ref() == department_id)
                .collect::<Vec<_>>(),
            previous,
            &config.library.currency,
        ),
        numbers: numbers(config, plan),
        last_year: last_year(previous, as_of),
        issues: plan
            .issues
            .iter()
            .map(|issue| IssueEntry {
                id: issue.id.get_ref().clone(),
                title: issue.title.get_ref().clone(),
                detail: issue.detail.clone(),
                source: issue.source.clone(),
                themes: theme_titles(config, &issue.themes),
            })
            .collect(),
        actions: plan
            .actions
            .iter()
            .map(|a| action(config, contacts, plan, a, as_of))
            .collect(),
        next_steps: next_steps(config, plan),
    }
}

/// A member of staff by id; an unknown id (in a plan rendered despite errors) is shown as
/// it is written.
fn staff(config: &Config, id: &str) -> Person {
    match config.staff(id) {
        Some(s) => Person {
            name: s.name.clone(),
            role: s.role.label().to_owned(),
            email: s.email.clone(),
        },
        None => Person {
            name: id.to_owned(),
            role: String::new(),
            email: None,
        },
    }
}

/// Someone from the department named by contact id; an unknown id (in a plan rendered
/// despite errors) is shown as it is written.
fn contact(contacts: Option<&Contacts>, id: &str) -> Person {
    match contacts.and_then(|c| c.contact(id)) {
        Some(c) => Person {
            name: c.name.get_ref().clone(),
            role: c.role.get_ref().label().to_owned(),
            email: c.email.clone(),
        },
        None => Person {
            name: id.to_owned(),
            role: String::new(),
            email: None,
        },
    }
}

fn meeting(
    config: &Config,
    contacts: Option<&Contacts>,
    meeting: &crate::model::Meeting,
) -> Meeting {
    let mut department_attendees = Vec::new();
    let mut library_attendees = Vec::new();
    for attendee in &meeting.attendees {
        match attendee {
            Attendee::Staff(s) => library_attendees.push(staff(config, s.staff.get_ref())),
            Attendee::Contact(c) => {
                department_attendees.push(contact(contacts, c.contact.get_ref()));
            }
            Attendee::Person(p) => department_attendees.push(Person {
                name: p.name.clone(),
                role: p.role.label().to_owned(),
                email: None,
            }),
        }
    }
    let text = |d: &Option<Spanned<NaiveDate>>| d.as_ref().map(|d| figures::date(*d.get_ref()));
    Meeting {
        date: meeting.date.as_ref().map(|d| d.get_ref().to_string()),
        date_text: meeting.date.as_ref().map(|d| figures::day(*d.get_ref())),
        sent_text: text(&meeting.sent),
        finalised_text: text(&meeting.finalised),
        department_attendees,
        library_attendees,
    }
}

/// Someone among a plan's attendees: a contact by id (with their name), or a name.
#[derive(Debug, Clone, Copy)]
enum Who<'p> {
    Contact { id: &'p str, name: &'p str },
    Named(&'p str),
}

impl<'p> Who<'p> {
    fn name(self) -> &'p str {
        match self {
            Who::Contact { name, .. } | Who::Named(name) => name,
        }
    }

    /// The same person: by contact id when both are contacts, else by name.
    fn is(self, other: Who<'_>) -> bool {
        match (self, other) {
            (Who::Contact { id: a, .. }, Who::Contact { id: b, .. }) => a == b,
            _ => same_person(self.name(), other.name()),
        }
    }
}

/// The person in `role` among a plan's attendees, named in the plan or by contact id.
fn attendee<'p>(
    plan: &'p Plan,
    role: AttendeeRole,
    contacts: Option<&'p Contacts>,
) -> Option<Who<'p>> {
    plan.meeting
        .as_ref()?
        .attendees
        .iter()
        .find_map(|a| match a {
            Attendee::Person(p) if p.role == role => Some(Who::Named(p.name.as_str())),
            Attendee::Contact(c) => {
                let person = contacts?.contact(c.contact.get_ref())?;
                let held = match *person.role.get_ref() {
                    ContactRole::HeadOfDepartment => Some(AttendeeRole::HeadOfDepartment),
                    ContactRole::LibraryRep => Some(AttendeeRole::LibraryRep),
                    _ => None,
                };
                (held == Some(role)).then(|| Who::Contact {
                    id: c.contact.get_ref().as_str(),
                    name: person.name.get_ref().as_str(),
                })
            }
            _ => None,
        })
}

/// The people the process is explained to: the Head of Department and the Library Rep
/// when either is not the one in the previous plan (the same contact id, or the same name
/// once titles are set aside), or, on a department's first plan, whoever reads it (named
/// when the plan names them).
fn new_head(plan: &Plan, previous: Option<&Plan>, contacts: Option<&Contacts>) -> Option<NewHead> {
    const ROLES: [AttendeeRole; 2] = [AttendeeRole::HeadOfDepartment, AttendeeRole::LibraryRep];
    let now = ROLES.map(|role| attendee(plan, role, contacts));
    let new: Vec<&str> = match previous {
        None => now.iter().flatten().map(|w| w.name()).collect(),
        Some(previous) => ROLES
            .iter()
            .zip(now)
            .filter_map(|(role, now)| {
                let now = now?;
                let before = attendee(previous, *role, contacts);
                (!before.is_some_and(|b| b.is(now))).then_some(now.name())
            })
            .collect(),
    };
    if previous.is_some() && new.is_empty() {
        return None;
    }
    Some(NewHead {
        name: new.join(" and "),
        previous: previous.and_then(|p| {
            attendee(p, AttendeeRole::HeadOfDepartment, contacts).map(|w| w.name().to_owned())
        }),
    })
}

/// Titles that say nothing about who someone is: "Prof. Sarah Hughes" is "Professor Sarah
/// Hughes".
pub(crate) const TITLES: &[&str] = &[
    "prof",
    "professor",
    "dr",
    "doctor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "sir",
    "dame",
];

/// Two names for one person: the same words once case, punctuation, spacing and titles
/// are set aside.
fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        let plain: String = s
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect::<String>()
            .to_lowercase();
        plain
            .split_whitespace()
            .filter(|w| !TITLES.contains(w))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

fn numbers(config: &Config, plan: &Plan) -> Numbers {
    let context = &plan.context;
    let currency = config.library.currency.as_str();
    let total: f64 = context.investment.iter().map(|i| i.amount).sum();
    let libqual: Vec<LibQualRow> = context
        .libqual
        .iter()
        .map(|l| LibQualRow {
            dimension: l.dimension.clone(),
            minimum_text: figures::score(*l.minimum.get_ref()),
            desired_text: figures::score(*l.desired.get_ref()),
            perceived_text: figures::score(*l.perceived.get_ref()),
            adequacy_gap_text: figures::gap(l.adequacy_gap()),
            superiority_gap_text: figures::gap(l.superiority_gap()),
            // Rounded as shown, so a gap printed as 0.00 is never flagged.
            below_minimum: l.adequacy_gap() < -0.005,
        })
        .collect();
    Numbers {
        summary: context.summary.clone(),
        investment: context
            .investment
            .iter()
            .map(|i| InvestmentRow {
                item: i.item.clone(),
                amount: i.amount,
                amount_text: figures::money(i.amount, currency),
            })
            .collect(),
        investment_total_text: figures::money(total, currency),
        usage: context
            .usage
            .iter()
            .map(|u| UsageRow {
                measure: u.measure.clone(),
                source: u.source.clone(),
                value_text: figures::number(u.value),
                previous_text: u.previous.map(figures::number),
                change_text: u.previous.map(|p| figures::signed(u.value - p)),
                change_percent_text: u
                    .previous
                    .filter(|p| *p != 0.0)
                    .map(|p| figures::percent((u.value - p) / p.abs() * 100.0)),
            })
            .collect(),
        libqual_below_minimum: libqual.iter().any(|l| l.below_minimum),
        libqual,
        libqual_survey: surveys(&context.libqual),
        feedback: context
            .feedback
            .iter()
            .map(|f| FeedbackRow {
                text: f.text.clone(),
                source: f.source.clone(),
                score_text: f.score.map(figures::number),
            })
            .collect(),
    }
}

/// The distinct surveys named on LibQual+ rows, in the plan's order, joined by commas.
fn surveys(rows: &[crate::model::LibQual]) -> Option<String> {
    let mut named: Vec<&str> = Vec::new();
    for survey in rows.iter().filter_map(|r| r.survey.as_deref()) {
        if !named.contains(&survey) {
            named.push(survey);
        }
    }
    (!named.is_empty()).then(|| named.join(", "))
}

fn last_year(previous: Option<&Plan>, as_of: NaiveDate) -> LastYear {
    let Some(previous) = previous else {
        return LastYear {
            year: None,
            actions: Vec::new(),
            done: 0,
            in_progress: 0,
            dropped: 0,
            not_started: 0,
        };
    };
    let statuses: Vec<ActionStatus> = previous
        .actions
        .iter()
        .map(|a| a.status_as_of(Some(as_of)))
        .collect();
    let count = |wanted: &[ActionStatus]| statuses.iter().filter(|s| wanted.contains(s)).count();
    LastYear {
        year: Some(*previous.year.get_ref()),
        actions: previous
            .actions
            .iter()
            .map(|a| {
                let status = a.status_as_of(Some(as_of));
                let latest = a.latest_update_as_of(Some(as_of));
                PastAction {
                    title: a.title.get_ref().clone(),
                    status: status.as_str(),
                    status_label: status.label(),
                    note: latest.map(|u| u.note.clone()),
                    note_date_text: latest
                        .and_then(|u| u.date.as_ref())
                        .map(|d| figures::date(*d.get_ref())),
                }
            })
            .collect(),
        done: count(&[ActionStatus::Done]),
        in_progress: count(&[ActionStatus::InProgress]),
        dropped: count(&[ActionStatus::Dropped]),
        not_started: count(&[ActionStatus::Proposed, ActionStatus::Agreed]),
    }
}

fn theme_titles(config: &Config, themes: &[Spanned<String>]) -> Vec<String> {
    themes
        .iter()
        .map(|t| {
            config
                .theme(t.get_ref())
                .map_or_else(|| t.get_ref().clone(), |theme| theme.title.clone())
        })
        .collect()
}

fn action(
    config: &Config,
    contacts: Option<&Contacts>,
    plan: &Plan,
    a: &Action,
    as_of: NaiveDate,
) -> ActionEntry {
    let status = a.status_as_of(Some(as_of));
    ActionEntry {
        id: a.id.get_ref().clone(),
        reference: action_reference(plan, a),
        title: a.title.get_ref().clone(),
        detail: a.detail.clone(),
        owner: staff(config, a.owner.get_ref()),
        with: a.with.iter().map(|w| staff(config, w.get_ref())).collect(),
        contact: a
            .contact
            .as_ref()
            .map(|c| action_contact(contacts, c.get_ref())),
        due_text: a.due.as_ref().map(|d| figures::date(*d.get_ref())),
        due_short_text: a.due.as_ref().map(|d| figures::short_date(*d.get_ref())),
        priority: a.priority.map(Keyword::label),
        quick_win: a.quick_win,
        themes: theme_titles(config, &a.themes),
        measure: a.measure.clone(),
        status: status.as_str(),
        status_label: status.label(),
        addresses: a
            .addresses
            .iter()
            .map(|id| {
                plan.issues
                    .iter()
                    .find(|i| i.id.get_ref() == id.get_ref())
                    .map_or_else(|| id.get_ref().clone(), |i| i.title.get_ref().clone())
            })
            .collect(),
        initiative: a.initiative.as_ref().map(|id| {
            config
                .initiative(id.get_ref())
                .map_or_else(|| id.get_ref().clone(), |i| i.title.clone())
        }),
        carried_from: a.carried_from.as_ref().map(|c| c.get_ref().clone()),
        latest_update: a.latest_update_as_of(Some(as_of)).map(|u| UpdateEntry {
            date_text: u.date.as_ref().map(|d| figures::date(*d.get_ref())),
            by: staff(config, u.by.get_ref()).name,
            note: u.note.clone(),
        }),
    }
}

fn next_steps(config: &Config, plan: &Plan) -> NextSteps {
    let process = &config.process;
    let date = plan
        .meeting
        .as_ref()
        .and_then(|m| m.date.as_ref())
        .map(|d| *d.get_ref());
    let shifted = |days: u32, later: bool| {
        let date = date?;
        let days = Days::new(days.into());
        let moved = if later {
            date.checked_add_days(days)
        } else {
            date.checked_sub_days(days)
        };
        moved.map(figures::date)
    };
    NextSteps {
        send_days_before: process.send_days_before,
        finalise_within_days: process.finalise_within_days,
        send_by_text: shifted(process.send_days_before, false),
        final_by_text: shifted(process.finalise_within_days, true),
    }
}

/// The index of a folder of rendered plans.
#[derive(Debug, Clone, Serialize)]
pub struct Index {
    /// `Library action plans 2017`, or with a span of years.
    pub title: String,
    pub library: String,
    /// By year, then department name.
    pub plans: Vec<IndexEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndexEntry {
    pub title: String,
    pub department: Department,
    pub year: i64,
    pub status: &'static str,
    pub status_label: &'static str,
    /// `8 Mar 2017`, for the index's table.
    pub meeting_date_text: Option<String>,
    /// The rendered file, relative to the index.
    pub file: String,
}

/// A document's line in the index, linking to the file it is rendered to.
pub fn index_entry(doc: &Document, file: String) -> IndexEntry {
    IndexEntry {
        title: doc.title.clone(),
        department: doc.department.clone(),
        year: doc.year,
        status: doc.status,
        status_label: doc.status_label,
        meeting_date_text: doc
            .meeting
            .as_ref()
            .and_then(|m| m.date.as_ref())
            .and_then(|d| d.parse().ok())
            .map(figures::short_date),
        file,
    }
}

/// The index of the rendered documents, from their [`index_entry`]s.
pub fn index(library: &str, mut plans: Vec<IndexEntry>) -> Index {
    plans.sort_by(|a, b| {
        (a.year, &a.department.name, &a.file).cmp(&(b.year, &b.department.name, &b.file))
    });
    let first = plans.first().map(|p| p.year);
    let last = plans.last().map(|p| p.year);
    let title = match (first, last) {
        (Some(first), Some(last)) if first != last => {
            format!("Library action plans {first}–{last}")
        }
        (Some(year), _) => format!("Library action plans {year}"),
        _ => "Library action plans".to_owned(),
    };
    Index {
        title,
        library: library.to_owned(),
        plans,
    }
}

/// An action's contact: "Prof. Daniel Osei, Head of Department" for a contact id, else the
/// name as written.
fn action_contact(contacts: Option<&Contacts>, written: &str) -> String {
    contacts
        .filter(|_| is_slug(written))
        .and_then(|c| c.contact(written))
        .map_or_else(|| written.to_owned(), |c| c.name_and_role())
}

#[cfg(test)]
mod tests {
    use super::{Who, in_text};

    // Recorded contacts are told apart by id: two people of one name are two people, and
    // one contact is one person however the plan spells the name around them.
    #[test]
    fn contacts_are_the_same_person_by_id_and_names_by_folded_name() {
        let osei = Who::Contact {
            id: "dosei",
            name: "Prof. Daniel Osei",
        };
        let namesake = Who::Contact {
            id: "dosei-2",
            name: "Prof. Daniel Osei",
        };
        assert!(osei.is(osei));
        assert!(!osei.is(namesake));
        assert!(osei.is(Who::Named("Professor Daniel Osei")));
        assert!(Who::Named("Prof. Sarah Hughes").is(Who::Named("professor sarah  hughes")));
    }

    #[test]
    fn units_take_the_article_and_subjects_stand_alone() {
        assert_eq!(
            in_text("Department of History"),
            "the Department of History"
        );
        assert_eq!(in_text("School of Law"), "the School of Law");
        assert_eq!(in_text("Archaeology"), "Archaeology");
        assert_eq!(in_text("The Business School"), "The Business School");
        assert_eq!(in_text("Departmental Studies"), "Departmental Studies");
    }
}
