//! `aplan digest`: what happened with one department's plan since its Library Rep last
//! heard from the library, as data for the digest's templates and its e-mail.
//!
//! The period runs from the day after the last `digest` interaction recorded for the
//! department, else the day after the year's meeting, else the first day of the planning
//! year, up to today; `--since` names its first day instead. It holds the action updates
//! and status changes written in that period, the actions done in it, the interactions of
//! the period by kind (never a private one's detail), and, as things stand today, the
//! actions overdue and due within [`DUE_SOON_DAYS`], and the next meeting.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::document::figures;
use super::document::in_text;
use crate::model::decode::Keyword;
use crate::model::{
    Action, ActionStatus, Attendee, AttendeeRole, Config, ContactRole, Interaction, Plan,
};
use crate::workspace::{Workspace, action_reference};

/// How far ahead "due soon" looks, in days.
pub const DUE_SOON_DAYS: u64 = 60;

/// The interaction kind that records a digest sent.
pub const DIGEST_KIND: &str = "digest";

/// One department's digest. Template authors see these field names; they are listed in
/// the README.
#[derive(Debug, Clone, Serialize)]
pub struct Digest {
    /// `Library update for the Department of History`.
    pub title: String,
    /// The e-mail's subject: the title and the period.
    pub subject: String,
    pub library: String,
    pub department: DepartmentName,
    /// The plan year whose actions the digest follows.
    pub year: i64,
    /// Whom the digest is for.
    pub rep: Recipient,
    /// The liaison librarian, who sends it.
    pub librarian: Option<Sender>,
    /// The period's first day.
    pub from: NaiveDate,
    pub from_text: String,
    /// The period's last day: today.
    pub to: NaiveDate,
    pub to_text: String,
    /// Where the period starts, in words: "since the last update, sent on 3 April 2017".
    pub since_text: String,
    /// What the period's first day was taken from.
    pub since: Since,
    /// Actions with updates written in the period, in the plan's order.
    pub updated: Vec<ActionNews>,
    /// Actions whose update in the period marked them done.
    pub done: Vec<ActionLine>,
    /// Active actions due before today, by due date.
    pub overdue: Vec<ActionLine>,
    /// Active actions due from today to [`DUE_SOON_DAYS`] ahead, by due date.
    pub due_soon: Vec<ActionLine>,
    pub due_soon_days: u64,
    /// The period's interactions, by kind in the order of `[crm] kinds`; digests sent are
    /// left out.
    pub interactions: Vec<KindGroup>,
    /// The next meeting about a plan, today or later: `Tuesday 6 March 2018`.
    pub next_meeting: Option<String>,
}

/// The department as the digest names it.
#[derive(Debug, Clone, Serialize)]
pub struct DepartmentName {
    pub id: String,
    pub name: String,
    /// Inside a sentence: "the Department of History".
    pub in_text: String,
}

/// The department's Library Rep, or the role when nobody is known.
#[derive(Debug, Clone, Serialize)]
pub struct Recipient {
    /// `None` when neither the contacts nor the meeting name a Library Rep.
    pub name: Option<String>,
    pub email: Option<String>,
    /// Their id in contacts/<department>.toml, when they are there.
    pub contact: Option<String>,
    /// Whom the digest is addressed to: their name, or "the Library Representative".
    pub addressed: String,
    /// Who the greeting names: their name, or "Library Representative".
    pub greeting: String,
}

/// The liaison librarian.
#[derive(Debug, Clone, Serialize)]
pub struct Sender {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
}

/// What the period's first day was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Since {
    /// `--since`.
    Given,
    /// The day after the last `digest` interaction.
    LastDigest,
    /// The day after the year's meeting.
    Meeting,
    /// The planning year's first day: no digest yet and no meeting held.
    YearStart,
}

/// An action and the updates written to it in the period.
#[derive(Debug, Clone, Serialize)]
pub struct ActionNews {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    /// Its status today: `In progress`.
    pub status_label: &'static str,
    pub updates: Vec<UpdateNews>,
}

/// One update of the period.
#[derive(Debug, Clone, Serialize)]
pub struct UpdateNews {
    pub date_text: String,
    /// Who wrote it, by name.
    pub by: String,
    pub note: String,
    /// The status it set, if any: `Done`.
    pub status_label: Option<&'static str>,
}

/// An action on one line: done, overdue or due soon.
#[derive(Debug, Clone, Serialize)]
pub struct ActionLine {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    /// The owner, by name.
    pub owner: String,
    pub due_text: Option<String>,
    pub status_label: &'static str,
}

/// The period's interactions of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct KindGroup {
    pub kind: String,
    /// `Teaching`.
    pub label: String,
    pub entries: Vec<InteractionLine>,
}

/// One interaction, as it may leave the repository: a private one without its detail.
#[derive(Debug, Clone, Serialize)]
pub struct InteractionLine {
    pub date_text: String,
    pub summary: String,
    /// Markdown; `None` for a private interaction.
    pub detail: Option<String>,
}

impl Digest {
    /// Nothing was written or recorded in the period: no update and no interaction.
    pub fn is_empty(&self) -> bool {
        self.updated.is_empty() && self.interactions.is_empty()
    }
}

/// What the digest is asked for.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub department: &'a str,
    /// The plan year whose actions it follows.
    pub year: i64,
    /// `--since`: the period's first day.
    pub since: Option<NaiveDate>,
    pub today: NaiveDate,
}

/// The digest of `request.department`, which must be a department of aplan.toml.
pub fn build(workspace: &Workspace, request: Request<'_>) -> Digest {
    let config = workspace.config();
    let id = request.department;
    let department = config
        .department(id)
        .expect("the command checks the department");
    let plan = workspace.plan(id, request.year);
    let today = request.today;
    let (from, since, since_text) = period_start(workspace, plan, request);
    let in_period = |date: Option<NaiveDate>| date.is_some_and(|d| from <= d && d <= today);
    let staff_name = |id: &str| {
        config
            .staff(id)
            .map_or_else(|| id.to_owned(), |s| s.name.clone())
    };
    let actions: Vec<&Action> = plan.map(|p| p.actions.iter().collect()).unwrap_or_default();
    let line = |action: &Action| ActionLine {
        reference: plan
            .map(|p| action_reference(p, action))
            .unwrap_or_default(),
        title: action.title.get_ref().clone(),
        owner: staff_name(action.owner.get_ref()),
        due_text: due(action).map(figures::date),
        status_label: action.status_as_of(Some(today)).label(),
    };

    let updated = actions
        .iter()
        .filter_map(|action| {
            let updates: Vec<UpdateNews> = action
                .updates
                .iter()
                .filter(|u| in_period(u.date.as_ref().map(|d| *d.get_ref())))
                .map(|u| UpdateNews {
                    date_text: u
                        .date
                        .as_ref()
                        .map(|d| figures::date(*d.get_ref()))
                        .unwrap_or_default(),
                    by: staff_name(u.by.get_ref()),
                    note: u.note.clone(),
                    status_label: u.status.as_ref().map(|s| s.get_ref().label()),
                })
                .collect();
            (!updates.is_empty()).then(|| ActionNews {
                reference: plan
                    .map(|p| action_reference(p, action))
                    .unwrap_or_default(),
                title: action.title.get_ref().clone(),
                status_label: action.status_as_of(Some(today)).label(),
                updates,
            })
        })
        .collect();
    let done = actions
        .iter()
        .filter(|action| action.status_as_of(Some(today)) == ActionStatus::Done)
        .filter(|action| {
            action.updates.iter().any(|u| {
                u.status.as_ref().map(|s| *s.get_ref()) == Some(ActionStatus::Done)
                    && in_period(u.date.as_ref().map(|d| *d.get_ref()))
            })
        })
        .map(|action| line(action))
        .collect();
    let active = |action: &&&Action| action.status_as_of(Some(today)).is_active();
    let soon = today + Days::new(DUE_SOON_DAYS);
    let mut overdue: Vec<&Action> = actions
        .iter()
        .filter(active)
        .filter(|a| due(a).is_some_and(|d| d < today))
        .copied()
        .collect();
    let mut due_soon: Vec<&Action> = actions
        .iter()
        .filter(active)
        .filter(|a| due(a).is_some_and(|d| today <= d && d <= soon))
        .copied()
        .collect();
    overdue.sort_by_key(|a| due(a));
    due_soon.sort_by_key(|a| due(a));

    let title = format!("Library update for {}", in_text(&department.name));
    Digest {
        subject: format!(
            "{title}, {} to {}",
            figures::date(from),
            figures::date(today)
        ),
        title,
        library: config.library.name.clone(),
        department: DepartmentName {
            id: id.to_owned(),
            name: department.name.clone(),
            in_text: in_text(&department.name),
        },
        year: request.year,
        rep: recipient(workspace, plan, id, today),
        librarian: sender(config, plan, id),
        from,
        from_text: figures::date(from),
        to: today,
        to_text: figures::date(today),
        since_text,
        since,
        updated,
        done,
        overdue: overdue.into_iter().map(&line).collect(),
        due_soon: due_soon.into_iter().map(&line).collect(),
        due_soon_days: DUE_SOON_DAYS,
        interactions: interactions(workspace, id, &in_period),
        next_meeting: next_meeting(workspace, id, today),
    }
}

fn due(action: &Action) -> Option<NaiveDate> {
    action.due.as_ref().map(|d| *d.get_ref())
}

/// The period's first day, what it was taken from, and that in words.
fn period_start(
    workspace: &Workspace,
    plan: Option<&Plan>,
    request: Request<'_>,
) -> (NaiveDate, Since, String) {
    let next_day = |date: NaiveDate| date + Days::new(1);
    if let Some(given) = request.since {
        return (
            given,
            Since::Given,
            format!("since {}", figures::date(given)),
        );
    }
    if let Some(last) = last_digest(workspace, request.department, request.today) {
        return (
            next_day(last),
            Since::LastDigest,
            format!("since the last update, sent on {}", figures::date(last)),
        );
    }
    let meeting = plan
        .and_then(|p| p.meeting.as_ref())
        .and_then(|m| m.date.as_ref())
        .map(|d| *d.get_ref())
        .filter(|d| *d <= request.today);
    if let Some(meeting) = meeting {
        return (
            next_day(meeting),
            Since::Meeting,
            format!("since we met on {}", figures::date(meeting)),
        );
    }
    let start = workspace
        .config()
        .process
        .year_starts
        .first_day(request.year)
        .unwrap_or(request.today)
        .min(request.today);
    (
        start,
        Since::YearStart,
        format!("since the {} planning year began", request.year),
    )
}

/// The date of the department's last `digest` interaction, today or before.
fn last_digest(workspace: &Workspace, department: &str, today: NaiveDate) -> Option<NaiveDate> {
    workspace
        .interactions()
        .into_iter()
        .filter(|file| file.department == department)
        .flat_map(|file| &file.interactions)
        .filter(|i| i.kind.get_ref() == DIGEST_KIND)
        .filter_map(Interaction::date)
        .filter(|date| *date <= today)
        .max()
}

/// The Library Rep: from the department's contacts (holding the role today), else the
/// year's meeting.
fn recipient(
    workspace: &Workspace,
    plan: Option<&Plan>,
    department: &str,
    today: NaiveDate,
) -> Recipient {
    let contacts = workspace.contacts_of(department);
    let from_contacts = contacts.and_then(|c| {
        c.contacts
            .iter()
            .find(|p| *p.role.get_ref() == ContactRole::LibraryRep && p.holds_role_on(today))
    });
    if let Some(rep) = from_contacts {
        return Recipient {
            name: Some(rep.name.get_ref().clone()),
            email: rep.email.clone(),
            contact: Some(rep.id.get_ref().clone()),
            addressed: rep.name.get_ref().clone(),
            greeting: rep.name.get_ref().clone(),
        };
    }
    let at_meeting = plan
        .and_then(|p| p.meeting.as_ref())
        .into_iter()
        .flat_map(|m| &m.attendees)
        .find_map(|attendee| match attendee {
            Attendee::Person(person) if person.role == AttendeeRole::LibraryRep => {
                Some(person.name.clone())
            }
            _ => None,
        });
    let role = AttendeeRole::LibraryRep.label();
    Recipient {
        addressed: at_meeting.clone().unwrap_or_else(|| format!("the {role}")),
        greeting: at_meeting.clone().unwrap_or_else(|| role.to_owned()),
        name: at_meeting,
        email: None,
        contact: None,
    }
}

/// The plan's liaison librarian, else the department's.
fn sender(config: &Config, plan: Option<&Plan>, department: &str) -> Option<Sender> {
    let id = plan
        .and_then(|p| p.liaison.as_ref())
        .or_else(|| config.department(department).map(|d| &d.liaison))?;
    let staff = config.staff(id.get_ref())?;
    Some(Sender {
        id: staff.id.get_ref().clone(),
        name: staff.name.clone(),
        email: staff.email.clone(),
    })
}

/// The period's interactions with the department, by kind in the order of `[crm] kinds`
/// (kinds it does not list after them, by name), each kind's by date.
fn interactions(
    workspace: &Workspace,
    department: &str,
    in_period: &dyn Fn(Option<NaiveDate>) -> bool,
) -> Vec<KindGroup> {
    let kinds = &workspace.config().crm.kinds;
    let mut groups: BTreeMap<(usize, String), Vec<(NaiveDate, InteractionLine)>> = BTreeMap::new();
    for file in workspace.interactions() {
        if file.department != department {
            continue;
        }
        for interaction in &file.interactions {
            let kind = interaction.kind.get_ref();
            if kind == DIGEST_KIND || !in_period(interaction.date()) {
                continue;
            }
            let public = interaction.public();
            let date = interaction.date().expect("in the period, so dated");
            let order = kinds.iter().position(|k| k == kind).unwrap_or(kinds.len());
            groups.entry((order, kind.clone())).or_default().push((
                date,
                InteractionLine {
                    date_text: figures::date(date),
                    summary: public.summary.get_ref().clone(),
                    detail: public.detail.clone(),
                },
            ));
        }
    }
    groups
        .into_iter()
        .map(|((_, kind), mut entries)| {
            entries.sort_by_key(|(date, _)| *date);
            KindGroup {
                label: capitalised(&kind),
                kind,
                entries: entries.into_iter().map(|(_, line)| line).collect(),
            }
        })
        .collect()
}

/// `teaching` → `Teaching`, `follow-up` → `Follow up`.
fn capitalised(kind: &str) -> String {
    let spaced = kind.replace('-', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The earliest meeting, today or later, of the department's plans without errors.
fn next_meeting(workspace: &Workspace, department: &str, today: NaiveDate) -> Option<String> {
    workspace
        .plans()
        .into_iter()
        .filter(|p| p.department.get_ref() == department)
        .filter_map(|p| p.meeting.as_ref()?.date.as_ref().map(|d| *d.get_ref()))
        .filter(|date| *date >= today)
        .min()
        .map(figures::day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_as_words() {
        assert_eq!(capitalised("teaching"), "Teaching");
        assert_eq!(capitalised("follow-up"), "Follow up");
        assert_eq!(capitalised(""), "");
    }
}
