//! `aplan update REF`: append an entry to an action's running log in its plan file.

use std::io::Write;

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use super::Context;
use crate::cli::UpdateArgs;
use crate::edit::Transaction;
use crate::edit::append_update::{NewUpdate, append_update};
use crate::exit::ExitStatus;
use crate::model::{Config, YearStart};
use crate::suggest::did_you_mean;

pub fn run(context: &Context, args: &UpdateArgs) -> Result<ExitStatus> {
    let note = args.note.trim();
    if note.is_empty() {
        bail!("the note is empty; say what happened with --note");
    }
    let by = args
        .by
        .as_deref()
        .ok_or_else(|| anyhow!("say who made the update with --by ID, or set APLAN_USER"))?;
    let mut transaction = Transaction::begin(&context.root()?)?;
    let repo = transaction.repo();
    let (plan, action) = match repo.find_action(&args.reference) {
        Ok(found) => found,
        Err(not_found) => {
            // A plan that does not parse has no actions to find; name its error instead.
            if let Some(file) = expected_file(&args.reference).and_then(|p| repo.file(&p)) {
                transaction.refuse_errors(&[file], "so it cannot be updated")?;
            }
            return Err(not_found);
        }
    };
    transaction.refuse_errors(&[plan.file], "so it cannot be updated")?;
    let config = repo
        .config
        .as_ref()
        .expect("a transaction has the settings");
    if config.staff(by).is_none() {
        bail!("{}", unknown_staff(config, by));
    }
    let date = args.date.unwrap_or(context.today);
    in_the_year(
        date,
        *plan.year.get_ref(),
        config.process.year_starts,
        context.today,
    )?;
    let update = NewUpdate {
        date,
        by: by.to_owned(),
        status: args.status,
        note: note.to_owned(),
    };
    let path = repo.path(plan).to_owned();
    let text = repo.sources.get(plan.file).text().unwrap_or_default();
    let edited = append_update(text, action.id.get_ref(), &update)
        .map_err(|e| anyhow!("cannot edit {path}: {e}"))?;
    transaction.set(path.clone(), edited);
    transaction.commit("the update")?;

    if !context.quiet {
        let status = update
            .status
            .map(|s| format!(", status {s}"))
            .unwrap_or_default();
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "updated {} ({path}): {}{status}",
            args.reference, update.date
        )?;
        out.flush()?;
    }
    Ok(ExitStatus::Success)
}

/// Refuses an update dated before its plan's year starts or after today: an update
/// records what happened in the plan's year, and the digest and the document as of a date
/// go by it.
fn in_the_year(date: NaiveDate, year: i64, start: YearStart, today: NaiveDate) -> Result<()> {
    if date > today {
        bail!(
            "the update is dated {date}, after today ({today}); an update records what has \
             happened: give --date {today} or earlier"
        );
    }
    let Some(first) = start.first_day(year) else {
        return Ok(());
    };
    if today < first {
        bail!(
            "the {year} plan year starts on {first}, after today ({today}); its actions can \
             be updated once it has started"
        );
    }
    if date < first {
        bail!(
            "the update is dated {date}, before the {year} plan year starts ({first}); give a \
             --date from {first} to {today}, or update the action in the plan it was carried \
             over from"
        );
    }
    Ok(())
}

/// The file a reference's plan would be at: `plans/<year>/<department>.toml`.
fn expected_file(reference: &str) -> Option<String> {
    let mut parts = reference.split('/');
    let (department, year) = (parts.next()?, parts.next()?);
    Some(format!("plans/{year}/{department}.toml"))
}

/// Refuses a staff id that is not in aplan.toml, naming the nearest.
pub(super) fn unknown_staff(config: &Config, by: &str) -> String {
    let mut ids: Vec<&str> = config
        .staff
        .iter()
        .map(|s| s.id.get_ref().as_str())
        .collect();
    ids.sort_unstable();
    let near = did_you_mean(by, ids.iter().copied())
        .map(|n| format!("did you mean `{n}`? "))
        .unwrap_or_default();
    format!(
        "`{by}` is not a staff id in aplan.toml; {near}staff ids: {}",
        ids.join(", ")
    )
}
