//! The meeting cycle: the dates a status needs, their order, the send and finalise
//! deadlines, and who attended.

use chrono::NaiveDate;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Attendee, Contacts, Meeting, Plan, PlanStatus, Process, Spanned};

/// `contacts` are the department's, which say the role of attendees named by contact id.
pub fn check(
    plan: &Plan,
    contacts: Option<&Contacts>,
    process: &Process,
    out: &mut Vec<Diagnostic>,
) {
    let meeting = plan.meeting.as_ref();
    let date = meeting.and_then(|m| m.date.as_ref());
    let sent = meeting.and_then(|m| m.sent.as_ref());
    let finalised = meeting.and_then(|m| m.finalised.as_ref());
    check_required_dates(plan, date, sent, finalised, out);

    let mut push = |code, at: &Spanned<NaiveDate>, message: String, hint: &str| {
        out.push(Diagnostic::new(code, plan.file, Some(at.span()), message).with_hint(hint));
    };
    if let (Some(date), Some(sent)) = (date, sent) {
        let days = (*date.get_ref() - *sent.get_ref()).num_days();
        if days < 0 {
            push(
                Code::DateOrder,
                sent,
                format!(
                    "sent {} is after the meeting on {}",
                    sent.get_ref(),
                    date.get_ref()
                ),
                "the plan is sent to the department before the meeting",
            );
        } else if days < i64::from(process.send_days_before) {
            let when = match days {
                0 => "on the day of the meeting".to_owned(),
                1 => "the day before the meeting".to_owned(),
                _ => format!("{days} days before the meeting"),
            };
            push(
                Code::SentLate,
                sent,
                format!(
                    "sent {when}; plans should reach the department {} days before",
                    process.send_days_before
                ),
                "send plans earlier, or change [process] send_days_before in aplan.toml",
            );
        }
    }
    if let (Some(date), Some(finalised)) = (date, finalised) {
        let days = (*finalised.get_ref() - *date.get_ref()).num_days();
        if days < 0 {
            push(
                Code::DateOrder,
                finalised,
                format!(
                    "finalised {} is before the meeting on {}",
                    finalised.get_ref(),
                    date.get_ref()
                ),
                "the final plan goes out after the meeting",
            );
        } else if days > i64::from(process.finalise_within_days) {
            push(
                Code::FinalisedLate,
                finalised,
                format!(
                    "final plan sent {days} days after the meeting; it should go out within {} days",
                    process.finalise_within_days
                ),
                "send final plans sooner, or change [process] finalise_within_days in aplan.toml",
            );
        }
    }
    // An attendee that could not be read may be the head: its own finding says what to fix.
    if matches!(plan.status.get_ref(), PlanStatus::Met | PlanStatus::Final)
        && !meeting.is_some_and(|m| has_head(m, contacts))
        && !plan.unreadable.contains(&"attendees")
    {
        let span = meeting.map_or(plan.status.span(), |m| m.span.range());
        out.push(
            Diagnostic::new(
                Code::NoHeadAtMeeting,
                plan.file,
                Some(span),
                "no head of department (or deputy head, or chair of the board of studies) among the attendees".to_owned(),
            )
            .with_hint("add the head of department to [meeting] attendees: `{ contact = \"…\" }` or `{ name = \"…\", role = \"head-of-department\" }`"),
        );
    }
}

fn has_head(meeting: &Meeting, contacts: Option<&Contacts>) -> bool {
    meeting.attendees.iter().any(|a| match a {
        Attendee::Person(p) => p.role.leads_department(),
        Attendee::Contact(c) => contacts
            .and_then(|all| all.contact(c.contact.get_ref()))
            .is_some_and(|contact| contact.role.get_ref().leads_department()),
        Attendee::Staff(_) => false,
    })
}

/// `sent` needs the date it was sent, `met` the meeting date, `final` both the meeting
/// date and the date the final plan went out.
fn check_required_dates(
    plan: &Plan,
    date: Option<&Spanned<NaiveDate>>,
    sent: Option<&Spanned<NaiveDate>>,
    finalised: Option<&Spanned<NaiveDate>>,
    out: &mut Vec<Diagnostic>,
) {
    let status = *plan.status.get_ref();
    const SENT: (&str, &str) = ("sent", "the date it was sent");
    const MEETING: (&str, &str) = ("date", "the meeting date");
    const FINALISED: (&str, &str) = ("finalised", "the date the final plan was sent");
    let needs: &[((&str, &str), bool)] = match status {
        PlanStatus::Draft => &[],
        PlanStatus::Sent => &[(SENT, sent.is_some())],
        PlanStatus::Met => &[(MEETING, date.is_some())],
        PlanStatus::Final => &[(MEETING, date.is_some()), (FINALISED, finalised.is_some())],
    };
    for ((key, what), present) in needs {
        // A date written but not readable (in quotes, above a missing [meeting] header) has
        // its own finding, which says what to fix.
        if !present && !plan.unreadable.contains(key) {
            out.push(
                Diagnostic::new(
                    Code::MissingDate,
                    plan.file,
                    Some(plan.status.span()),
                    format!("a `{status}` plan needs {what}, but [meeting] has no `{key}`"),
                )
                .with_hint(format!(
                    "add `{key} = YYYY-MM-DD` under [meeting], or change the status"
                )),
            );
        }
    }
}
