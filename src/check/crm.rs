//! What contacts and interactions files hold: interactions dated in the planning year of
//! their folder, follow-ups after the interaction, someone from the library in `by`,
//! contacts' dates in order, and one holder at a time of a role that one person holds.

use chrono::NaiveDate;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::decode::Keyword;
use crate::model::{Contact, Contacts, Interactions, Spanned, YearStart};

pub fn check_contacts(contacts: &Contacts, out: &mut Vec<Diagnostic>) {
    let file = contacts.file;
    for contact in &contacts.contacts {
        if let (Some(from), Some(until)) = (&contact.from, &contact.until)
            && until.get_ref() < from.get_ref()
        {
            out.push(
                Diagnostic::new(
                    Code::DateOrder,
                    file,
                    Some(until.span()),
                    format!(
                        "`{}` holds the role until {}, before they took it on {}",
                        contact.id.get_ref(),
                        until.get_ref(),
                        from.get_ref()
                    ),
                )
                .with_hint("`until` is the last day in the role; swap the dates if they were typed the wrong way round"),
            );
        }
    }
    let alone: Vec<&Contact> = contacts
        .contacts
        .iter()
        .filter(|c| c.role.get_ref().is_held_alone() && !c.id.get_ref().is_empty())
        .collect();
    for (i, later) in alone.iter().enumerate() {
        let Some(earlier) = alone[..i]
            .iter()
            .find(|c| c.role.get_ref() == later.role.get_ref() && overlap(c, later).is_some())
        else {
            continue;
        };
        let role = later.role.get_ref();
        let when = match overlap(earlier, later) {
            Some(Some(day)) => format!("on {day}"),
            _ => "at the same time".to_owned(),
        };
        out.push(
            Diagnostic::new(
                Code::RoleHeldTwice,
                file,
                Some(later.role.span()),
                format!(
                    "`{}` and `{}` are both {} {when}",
                    earlier.id.get_ref(),
                    later.id.get_ref(),
                    role.label()
                ),
            )
            .with_hint(format!(
                "give the one who left `until = YYYY-MM-DD` and the one who took over `from = YYYY-MM-DD`, or set one of them to another role than `{role}`"
            )),
        );
    }
}

/// Whether two contacts hold their roles on a common day: `Some(Some(day))` names the
/// first such day when either has a start, `Some(None)` when both always held it.
fn overlap(a: &Contact, b: &Contact) -> Option<Option<NaiveDate>> {
    let date = |d: &Option<Spanned<NaiveDate>>| d.as_ref().map(|d| *d.get_ref());
    let start = date(&a.from).max(date(&b.from));
    let end = match (date(&a.until), date(&b.until)) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    match (start, end) {
        (Some(start), Some(end)) if start > end => None,
        (start, _) => Some(start),
    }
}

pub fn check_interactions(
    interactions: &Interactions,
    year_starts: YearStart,
    out: &mut Vec<Diagnostic>,
) {
    let file = interactions.file;
    let window = interactions.year.and_then(|y| {
        let first = year_starts.first_day(y)?;
        let last = year_starts.first_day(y.checked_add(1)?)?.pred_opt()?;
        Some((y, first, last))
    });
    for interaction in &interactions.interactions {
        if interaction.by.is_empty() {
            out.push(
                Diagnostic::new(
                    Code::MissingKey,
                    file,
                    Some(interaction.span.range()),
                    "an interaction needs someone from the library in `by`",
                )
                .with_hint("add a staff id from aplan.toml: `by = [\"jsmith\"]`"),
            );
        }
        let Some(date) = &interaction.date else {
            continue;
        };
        if let Some((plan_year, first, last)) = window
            && !(first..=last).contains(date.get_ref())
        {
            let belongs = year_starts.planning_year(*date.get_ref());
            out.push(
                Diagnostic::new(
                    Code::OutsideYear,
                    file,
                    Some(date.span()),
                    format!(
                        "{} is outside plan year {plan_year} ({first} to {last}), the year of interactions/{plan_year}/",
                        date.get_ref()
                    ),
                )
                .with_hint(format!(
                    "move the entry to interactions/{belongs}/{}.toml, or correct the date",
                    interactions.department
                )),
            );
        }
        if let Some(follow_up) = &interaction.follow_up
            && follow_up.get_ref() < date.get_ref()
        {
            out.push(
                Diagnostic::new(
                    Code::DateOrder,
                    file,
                    Some(follow_up.span()),
                    format!(
                        "follow-up {} is before the interaction on {}",
                        follow_up.get_ref(),
                        date.get_ref()
                    ),
                )
                .with_hint("a follow-up is a date to come back to it: pick a later one, or remove `follow_up`"),
            );
        }
    }
}
