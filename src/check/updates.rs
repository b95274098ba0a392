//! An action's running log: updates dated inside the plan's year, in date order, so the
//! latest entry is the action's current state and a document as of a date can go by it.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Plan, YearStart};

pub fn check(plan: &Plan, start: YearStart, out: &mut Vec<Diagnostic>) {
    let year = *plan.year.get_ref();
    let first = start.first_day(year).filter(|_| year != 0);
    for action in &plan.actions {
        let mut latest = None;
        for date in action.updates.iter().filter_map(|u| u.date.as_ref()) {
            if let Some(first) = first
                && *date.get_ref() < first
            {
                out.push(
                    Diagnostic::new(
                        Code::UpdateBeforeYear,
                        plan.file,
                        Some(date.span()),
                        format!(
                            "an update of `{}` is dated {}, before the {year} plan year starts ({first})",
                            action.id.get_ref(),
                            date.get_ref()
                        ),
                    )
                    .with_hint(format!(
                        "correct the date; work done before {first} belongs in the previous year's plan"
                    )),
                );
            }
            if let Some(before) = latest
                && *date.get_ref() < before
            {
                out.push(
                    Diagnostic::new(
                        Code::UpdatesOutOfOrder,
                        plan.file,
                        Some(date.span()),
                        format!(
                            "an update of `{}` is dated {}, before the update above it ({before})",
                            action.id.get_ref(),
                            date.get_ref()
                        ),
                    )
                    .with_hint(
                        "correct the date, or move the entry so updates run from oldest to newest",
                    ),
                );
            }
            latest = latest.max(Some(*date.get_ref()));
        }
    }
}
