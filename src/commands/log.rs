//! `aplan log DEPT`: append an interaction to the department's interactions file for the
//! planning year of its date.

use std::io::Write;

use anyhow::{Result, anyhow, bail};

use super::Context;
use super::update::unknown_staff;
use crate::cli::LogArgs;
use crate::edit::Transaction;
use crate::edit::append_interaction::{NewInteraction, append_interaction};
use crate::exit::ExitStatus;
use crate::model::Config;
use crate::suggest::did_you_mean;

pub fn run(context: &Context, args: &LogArgs) -> Result<ExitStatus> {
    let summary = args.summary.trim();
    if summary.is_empty() {
        bail!("the summary is empty; say what happened with --summary");
    }
    if args.by.is_empty() {
        bail!("say who from the library took part with --by ID, or set APLAN_USER");
    }
    let date = args.date.unwrap_or(context.today);
    if date > context.today {
        bail!(
            "{date} is after today ({}): log an interaction once it has happened, and use --follow-up for a date to come back to it",
            context.today
        );
    }
    let mut transaction = Transaction::begin(&context.root()?)?;
    let repo = transaction.repo();
    let Some(config) = repo.config.as_ref() else {
        bail!("aplan.toml could not be read; run `aplan validate aplan.toml` to see why");
    };
    let department = &args.department;
    if config.department(department).is_none() {
        bail!("{}", unknown_department(config, department));
    }
    if let Some(by) = args.by.iter().find(|by| config.staff(by).is_none()) {
        bail!("{}", unknown_staff(config, by));
    }
    if !config.crm.kinds.contains(&args.kind) {
        bail!("{}", unknown_kind(config, &args.kind));
    }
    let path = format!(
        "interactions/{}/{department}.toml",
        config.process.year_starts.planning_year(date)
    );
    let file = repo.file(&path);
    if let Some(file) = file {
        transaction.refuse_errors(&[file], "so the interaction cannot be logged")?;
    }
    let text = file
        .and_then(|f| repo.sources.get(f).text())
        .unwrap_or_default();
    let interaction = NewInteraction {
        date,
        kind: args.kind.clone(),
        by: args.by.clone(),
        with: args.with.clone(),
        summary: summary.to_owned(),
        detail: args.detail.clone(),
        actions: args.actions.clone(),
        themes: args.themes.clone(),
        follow_up: args.follow_up,
        private: args.private,
    };
    let edited =
        append_interaction(text, &interaction).map_err(|e| anyhow!("cannot edit {path}: {e}"))?;
    transaction.set(path.clone(), edited);
    transaction.commit("the interaction")?;

    if !context.quiet {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "logged {} with {department} on {date} ({path})",
            interaction.kind
        )?;
        out.flush()?;
    }
    Ok(ExitStatus::Success)
}

pub(crate) fn unknown_department(config: &Config, department: &str) -> String {
    let mut ids: Vec<&str> = config
        .departments
        .iter()
        .map(|d| d.id.get_ref().as_str())
        .collect();
    ids.sort_unstable();
    let near = did_you_mean(department, ids.iter().copied())
        .map(|n| format!("did you mean `{n}`? "))
        .unwrap_or_default();
    format!(
        "`{department}` is not a department in aplan.toml; {near}departments: {}",
        ids.join(", ")
    )
}

pub(super) fn unknown_kind(config: &Config, kind: &str) -> String {
    let kinds = &config.crm.kinds;
    let near = did_you_mean(kind, kinds.iter().map(String::as_str))
        .map(|n| format!("did you mean `{n}`? "))
        .unwrap_or_default();
    format!(
        "`{kind}` is not a kind of interaction; {near}kinds: {} (set your own with [crm] kinds in aplan.toml)",
        kinds.join(", ")
    )
}
