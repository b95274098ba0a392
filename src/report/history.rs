//! Everything that happened with a department, or with one of its contacts, on one time
//! line: plans sent, meetings, final plans sent, action updates and interactions.
//!
//! Events are in date order. Events of one day come in a fixed order: the plan's being
//! sent, the meeting, the final plan's being sent, action updates, then interactions; two
//! events of one kind on one day keep the order of the files (plans by year, actions and
//! updates as written, interactions as written). Private detail is never in it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::decode::Keyword;
use crate::model::{Attendee, Config, Contact, Interactions, Plan};

/// Whose history: a department, or one contact of a department.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Subject {
    pub department: String,
    /// The department's name from aplan.toml.
    pub name: String,
    /// The contact, for a contact's history.
    pub contact: Option<SubjectContact>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SubjectContact {
    pub id: String,
    pub name: String,
    pub role: String,
}

impl SubjectContact {
    pub fn of(contact: &Contact) -> SubjectContact {
        SubjectContact {
            id: contact.id.get_ref().clone(),
            name: contact.name.get_ref().clone(),
            role: contact.role.get_ref().as_str().to_owned(),
        }
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct History {
    pub subject: Subject,
    pub since: Option<NaiveDate>,
    /// In date order; events of one day as plan sent, meeting, final plan sent, update,
    /// interaction.
    pub events: Vec<Event>,
}

/// What happened; same-day events come in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    PlanSent,
    Meeting,
    PlanFinalised,
    Update,
    Interaction,
}

impl EventKind {
    pub fn label(self) -> &'static str {
        match self {
            EventKind::PlanSent => "plan sent",
            EventKind::Meeting => "meeting",
            EventKind::PlanFinalised => "final plan sent",
            EventKind::Update => "update",
            EventKind::Interaction => "interaction",
        }
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Event {
    pub date: NaiveDate,
    pub event: EventKind,
    /// The plan, as `history/2017`, for plan events and updates.
    pub plan: Option<String>,
    /// The action, as `history/2017/year1-lists`, for updates.
    pub action: Option<String>,
    /// For an interaction, its kind (`teaching`); for an update, the status it set.
    pub kind: Option<String>,
    /// One line: the interaction's summary, the update's note, the action's title.
    pub summary: String,
    /// Library staff.
    pub by: Vec<String>,
    /// Contacts, by id.
    pub with: Vec<String>,
    /// An interaction's detail, when it is not private.
    pub detail: Option<String>,
    /// Whether an interaction's detail is kept out.
    pub private: bool,
}

/// The history of `subject` from the department's plans and interactions files (every
/// year), from `since` on when given.
pub fn build(
    config: &Config,
    subject: Subject,
    plans: &[&Plan],
    interactions: &[&Interactions],
    since: Option<NaiveDate>,
) -> History {
    let contact = subject.contact.as_ref().map(|c| c.id.as_str());
    let department = subject.department.as_str();
    let mut events = Vec::new();
    for plan in plans
        .iter()
        .filter(|p| p.department.get_ref() == department)
    {
        plan_events(plan, plan.librarian(config), contact, &mut events);
    }
    for file in interactions.iter().filter(|f| f.department == department) {
        for interaction in &file.interactions {
            let with: Vec<String> = interaction
                .with
                .iter()
                .map(|c| c.get_ref().clone())
                .collect();
            let (Some(date), true) = (
                interaction.date(),
                contact.is_none_or(|id| with.iter().any(|c| c == id)),
            ) else {
                continue;
            };
            let public = interaction.public();
            events.push(Event {
                date,
                event: EventKind::Interaction,
                plan: None,
                action: None,
                kind: Some(interaction.kind.get_ref().clone()),
                summary: interaction.summary.get_ref().clone(),
                by: interaction.by.iter().map(|s| s.get_ref().clone()).collect(),
                with,
                detail: public.detail.clone(),
                private: interaction.private,
            });
        }
    }
    events.retain(|e| since.is_none_or(|since| e.date >= since));
    // A stable sort: events of one kind on one day keep the order they were read in.
    events.sort_by_key(|e| (e.date, e.event));
    History {
        subject,
        since,
        events,
    }
}

/// A plan's dates (for a contact, only when they were at the meeting) and its actions'
/// updates (for a contact, only of actions they are the contact for).
fn plan_events(plan: &Plan, liaison: Option<&str>, contact: Option<&str>, events: &mut Vec<Event>) {
    let reference = format!("{}/{}", plan.department.get_ref(), plan.year.get_ref());
    let plan_event = |date: NaiveDate, event: EventKind, summary: String| Event {
        date,
        event,
        plan: Some(reference.clone()),
        action: None,
        kind: None,
        summary,
        by: liaison.iter().map(|l| (*l).to_owned()).collect(),
        with: Vec::new(),
        detail: None,
        private: false,
    };
    if let Some(meeting) = &plan.meeting {
        let attended = contact.is_none_or(|id| {
            meeting
                .attendees
                .iter()
                .any(|a| matches!(a, Attendee::Contact(c) if c.contact.get_ref() == id))
        });
        let year = plan.year.get_ref();
        let dates = [
            (
                &meeting.sent,
                EventKind::PlanSent,
                format!("{year} plan sent to the department"),
            ),
            (
                &meeting.date,
                EventKind::Meeting,
                format!("{year} action plan meeting"),
            ),
            (
                &meeting.finalised,
                EventKind::PlanFinalised,
                format!("{year} final plan sent"),
            ),
        ];
        for (date, event, summary) in dates {
            if let (Some(date), true) = (date, attended) {
                events.push(plan_event(*date.get_ref(), event, summary));
            }
        }
    }
    for action in &plan.actions {
        if contact.is_some_and(|id| action.contact.as_ref().is_none_or(|c| c.get_ref() != id)) {
            continue;
        }
        for update in &action.updates {
            let Some(date) = &update.date else {
                continue;
            };
            events.push(Event {
                date: *date.get_ref(),
                event: EventKind::Update,
                plan: Some(reference.clone()),
                action: Some(plan.action_reference(action)),
                kind: update
                    .status
                    .as_ref()
                    .map(|s| s.get_ref().as_str().to_owned()),
                summary: format!("{}: {}", action.title.get_ref(), update.note),
                by: vec![update.by.get_ref().clone()],
                with: Vec::new(),
                detail: None,
                private: false,
            });
        }
    }
}
