//! Who came from the library: a met or final plan was agreed with the department's liaison
//! librarian and someone who can commit the library's effort, a manager.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Attendee, Config, Meeting, Plan, PlanStatus};

pub fn check(plan: &Plan, config: &Config, out: &mut Vec<Diagnostic>) {
    // A met or final plan without [meeting] already has `missing-date`; saying again who
    // was not there would only repeat it.
    let Some(meeting) = plan.meeting.as_ref() else {
        return;
    };
    if !matches!(plan.status.get_ref(), PlanStatus::Met | PlanStatus::Final) {
        return;
    }
    let came: Vec<&str> = library_attendees(meeting).collect();
    let liaison = plan.librarian(config);
    if let Some(liaison) = liaison
        && config.staff(liaison).is_some()
        && !came.contains(&liaison)
    {
        out.push(
            Diagnostic::new(
                Code::NoLiaisonAtMeeting,
                plan.file,
                Some(meeting.span.range()),
                format!("the plan's liaison librarian, `{liaison}`, is not among the attendees"),
            )
            .with_hint(format!(
                "add `{{ staff = \"{liaison}\" }}` to [meeting] attendees if they came"
            )),
        );
    }
    let roles = &config.process.manager_roles;
    let is_manager = |id: &str| config.staff(id).is_some_and(|s| roles.contains(&s.role));
    // An attendee aplan.toml does not know has `unknown-staff` already, and may be the
    // manager once it is put right.
    let all_known = came.iter().all(|id| config.staff(id).is_some());
    if all_known && !came.iter().any(|id| is_manager(id)) {
        let mut managers: Vec<&str> = config
            .staff
            .iter()
            .map(|s| s.id.get_ref().as_str())
            .filter(|id| is_manager(id))
            .collect();
        managers.sort_unstable();
        let hint = match managers.first() {
            Some(id) => format!(
                "add the manager who came, such as `{{ staff = \"{id}\" }}`, to [meeting] attendees"
            ),
            None => "give a member of staff a manager role in aplan.toml, or change [process] manager_roles".to_owned(),
        };
        out.push(
            Diagnostic::new(
                Code::NoManagerAtMeeting,
                plan.file,
                Some(meeting.span.range()),
                "nobody from the library in a manager role among the attendees".to_owned(),
            )
            .with_hint(hint),
        );
    }
}

/// The staff ids among the attendees.
fn library_attendees(meeting: &Meeting) -> impl Iterator<Item = &str> {
    meeting.attendees.iter().filter_map(|a| match a {
        Attendee::Staff(s) => Some(s.staff.get_ref().as_str()),
        Attendee::Person(_) | Attendee::Contact(_) => None,
    })
}
