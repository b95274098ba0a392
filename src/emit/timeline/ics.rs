//! iCalendar (RFC 5545) for the cycle's meetings and deadlines, and optionally action due
//! dates: all-day events with an exclusive end, UIDs built from references and the
//! library's name, and a fixed
//! DTSTAMP, so the same plans always give the same file.

use std::io::{self, Write};

use chrono::{DateTime, Days, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};

use crate::report::actions::ActionRow;
use crate::report::timeline::DepartmentTimeline;

/// The stamp of every event. RFC 5545 asks for the time the calendar data was made; a
/// constant keeps the file reproducible, and calendar programs compare events by UID.
const DTSTAMP: &str = "2000-01-01T00:00:00Z";

/// The calendar's title, as calendar programs show it.
#[derive(Debug, Clone, Copy)]
pub struct Title<'a> {
    pub library: &'a str,
    pub year: i64,
}

/// Writes the events, sorted by date then UID.
pub fn write(
    out: &mut dyn Write,
    title: Title<'_>,
    timeline: &[DepartmentTimeline],
    actions: &[ActionRow],
) -> io::Result<()> {
    let domain = domain(title.library);
    let mut events: Vec<(NaiveDate, String, Event)> = Vec::new();
    for row in timeline {
        cycle_events(row, &domain, &mut events);
        follow_up_events(row, &domain, &mut events);
    }
    for action in actions {
        if let Some(due) = action.due {
            let uid = format!("{}/due@{domain}", action.reference);
            let event = all_day(
                &uid,
                due,
                &format!("Due: {} ({})", action.title, action.department),
                &format!(
                    "Action {}, owner {}, status {}.",
                    action.reference, action.owner, action.status
                ),
            );
            events.push((due, uid, event));
        }
    }
    events.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));

    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//aplan//Action plans//EN"),
        ("CALSCALE", "GREGORIAN"),
    ] {
        calendar.append_property(Property::new(key, value));
    }
    // The writer escapes line breaks in events' text, not in the calendar's name.
    let name = format!("{} action plans {}", title.library, title.year);
    calendar.name(&crate::sanitize::document_line(&name));
    for (_, _, event) in events {
        calendar.push(event);
    }
    write!(out, "{calendar}")
}

/// The right-hand side of every UID: the library's name as a slug, so two libraries'
/// calendars never share a UID (`history/2017/meeting@university-of-york-library.aplan`).
fn domain(library: &str) -> String {
    let slug = crate::model::decode::slugify(library);
    if slug.is_empty() {
        "library.aplan".to_owned()
    } else {
        format!("{slug}.aplan")
    }
}

/// The meeting and its send and finalise deadlines.
fn cycle_events(
    row: &DepartmentTimeline,
    domain: &str,
    events: &mut Vec<(NaiveDate, String, Event)>,
) {
    let Some(meeting) = row.meeting else {
        return;
    };
    let reference = format!("{}/{}", row.department, row.year);
    let status = row.status.unwrap_or("draft");
    let mut push = |kind: &str, date: NaiveDate, summary: String, description: String| {
        let uid = format!("{reference}/{kind}@{domain}");
        let event = all_day(&uid, date, &summary, &description);
        events.push((date, uid, event));
    };
    push(
        "meeting",
        meeting,
        format!("Action plan meeting: {}", row.name),
        format!("Plan {reference}, status {status}."),
    );
    if let Some(send_by) = row.send_by {
        let done = row.sent.map(|d| format!(" Sent {d}.")).unwrap_or_default();
        push(
            "send-by",
            send_by,
            format!("Send the action plan to the {}", row.name),
            format!(
                "Plan {reference} reaches the department before the meeting on {meeting}.{done}"
            ),
        );
    }
    if let Some(finalise_by) = row.finalise_by {
        let done = row
            .finalised
            .map(|d| format!(" Sent {d}."))
            .unwrap_or_default();
        push(
            "finalise-by",
            finalise_by,
            format!("Send the final action plan to the {}", row.name),
            format!(
                "Plan {reference} goes out in its final form after the meeting on {meeting}.{done}"
            ),
        );
    }
}

/// The department's open follow-ups, each on its date. The UID names the department, the
/// day of the interaction that set it and the follow-up's date, numbered when one day set
/// several for the same date.
fn follow_up_events(
    row: &DepartmentTimeline,
    domain: &str,
    events: &mut Vec<(NaiveDate, String, Event)>,
) {
    let mut seen: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for follow_up in &row.follow_ups {
        let key = (follow_up.date, follow_up.follow_up);
        let n = seen.iter().filter(|k| **k == key).count();
        seen.push(key);
        let number = if n == 0 {
            String::new()
        } else {
            format!("-{}", n + 1)
        };
        let uid = format!(
            "{}/follow-up/{}/{}{number}@{domain}",
            row.department, follow_up.date, follow_up.follow_up
        );
        let by = follow_up.by.join(", ");
        let event = all_day(
            &uid,
            follow_up.follow_up,
            &format!("Follow up: {} ({})", follow_up.summary, row.name),
            &format!(
                "Set by the {} of {} ({by}); {}.",
                follow_up.kind,
                follow_up.date,
                follow_up.state.label()
            ),
        );
        events.push((follow_up.follow_up, uid, event));
    }
}

/// An all-day event: DTEND is the day after, as RFC 5545 makes it exclusive.
fn all_day(uid: &str, date: NaiveDate, summary: &str, description: &str) -> Event {
    let stamp: DateTime<Utc> = DTSTAMP.parse().expect("DTSTAMP is a valid UTC time");
    let mut event = Event::new();
    event
        .uid(uid)
        .timestamp(stamp)
        .starts(date)
        .ends(date.checked_add_days(Days::new(1)).unwrap_or(date))
        .summary(&one_line(summary))
        .description(&one_line(description))
        .add_property("TRANSP", "TRANSPARENT");
    event.done()
}

/// Text without carriage returns or other control characters, which iCalendar text cannot
/// carry unescaped; line feeds are escaped by the writer.
fn one_line(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    crate::sanitize::document(&text).into_owned()
}
