//! What a plan holds: realistic numbers of actions, due dates in the plan's year, done
//! actions that say what was done, themes on everything, LibQual+ scores on the scale.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{ActionStatus, Limits, Plan};

/// The LibQual+ scale.
const LIBQUAL_SCALE: std::ops::RangeInclusive<f64> = 1.0..=9.0;

pub fn check(plan: &Plan, limits: Limits, out: &mut Vec<Diagnostic>) {
    let file = plan.file;
    let year = *plan.year.get_ref();
    let max = limits.max_actions_per_department as usize;
    // Done and dropped actions take no more effort, as in `aplan workload`.
    let active: Vec<_> = plan
        .actions
        .iter()
        .filter(|a| a.current_status().is_active())
        .collect();
    if let Some(extra) = active.get(max) {
        out.push(
            Diagnostic::new(
                Code::TooManyActions,
                file,
                Some(extra.id.span()),
                format!(
                    "{} active actions for one department; the limit is {max}",
                    active.len()
                ),
            )
            .with_hint("agree fewer actions, or change [limits] max_actions_per_department"),
        );
    }
    for action in &plan.actions {
        if let Some(due) = &action.due
            && year != 0
            && i64::from(chrono::Datelike::year(due.get_ref())) != year
        {
            out.push(
                Diagnostic::new(
                    Code::DueOutsideYear,
                    file,
                    Some(due.span()),
                    format!(
                        "action `{}` is due {}, outside the plan's year {year}",
                        action.id.get_ref(),
                        due.get_ref()
                    ),
                )
                .with_hint(format!(
                    "pick a date in {year}, or carry the action over to next year's plan"
                )),
            );
        }
        // Update keys under a missing header have their own finding, which says what to fix.
        if action.current_status() == ActionStatus::Done
            && action.updates.is_empty()
            && !action.unreadable.contains(&"updates")
        {
            out.push(
                Diagnostic::new(
                    Code::DoneWithoutUpdate,
                    file,
                    Some(action.status.span()),
                    format!(
                        "action `{}` is done but has no update saying what was done",
                        action.id.get_ref()
                    ),
                )
                .with_hint("add an [[actions.updates]] entry with date, by and note"),
            );
        }
    }
    let untagged = plan
        .issues
        .iter()
        .filter(|i| i.themes.is_empty())
        .map(|i| ("issue", &i.id))
        .chain(
            plan.actions
                .iter()
                .filter(|a| a.themes.is_empty())
                .map(|a| ("action", &a.id)),
        );
    for (kind, id) in untagged {
        out.push(
            Diagnostic::new(
                Code::MissingTheme,
                file,
                Some(id.span()),
                format!("{kind} `{}` has no theme", id.get_ref()),
            )
            .with_hint("add `themes = [\"…\"]` with a theme from aplan.toml"),
        );
    }
    for row in &plan.context.libqual {
        for (name, score) in [
            ("minimum", &row.minimum),
            ("desired", &row.desired),
            ("perceived", &row.perceived),
        ] {
            if !LIBQUAL_SCALE.contains(score.get_ref()) {
                out.push(
                    Diagnostic::new(
                        Code::LibqualRange,
                        file,
                        Some(score.span()),
                        format!(
                            "LibQual+ {name} score {} is outside the 1-9 scale",
                            score.get_ref()
                        ),
                    )
                    .with_hint("LibQual+ scores run from 1 to 9"),
                );
            }
        }
    }
}
