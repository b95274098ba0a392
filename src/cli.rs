//! Every command and option. The doc comments are the `--help` text.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::ActionStatus;
use crate::model::decode::Keyword;

/// Departmental library action plans as plain-text files in Git.
///
/// aplan reads a plans repository (an `aplan.toml` and `plans/<year>/<department>.toml`
/// files) and checks, renders and reports on it.
#[derive(Debug, Parser)]
#[command(
    name = "aplan",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The plans repository [default: the nearest folder with an aplan.toml, at or above the
    /// current one]
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub root: Option<PathBuf>,

    /// The date to treat as today, for reproducible output
    #[arg(
        long,
        global = true,
        env = "APLAN_TODAY",
        value_name = "YYYY-MM-DD",
        value_parser = parse_date,
        help_heading = "Global options"
    )]
    pub today: Option<NaiveDate>,

    /// When to colour the output (NO_COLOR is honoured under `auto`)
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = ColorChoice::Auto,
        value_name = "WHEN",
        help_heading = "Global options"
    )]
    pub color: ColorChoice,

    /// Print only the findings, no summary or progress
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check aplan.toml and every plan against the rules, reporting every problem
    ///
    /// Exits 0 when there are no errors (warnings allowed), 1 when there are errors (or
    /// warnings with --deny-warnings), 2 when the check could not run.
    Validate(ValidateArgs),

    /// List actions across plans, one row each, filtered and sorted by due date
    ///
    /// Filters combine: an action is listed when it passes every filter given; a filter
    /// given several times matches any of its values.
    Actions(ActionsArgs),

    /// Append an update to an action, keeping the rest of its file as it was
    ///
    /// The edited plan is validated before it is written; nothing is written when the
    /// reference, the status, the author or the edited plan is wrong.
    Update(UpdateArgs),

    /// Write a draft plan for a year from the department's most recent plan
    ///
    /// Active actions are carried over as proposed, with `carried_from`; usage figures
    /// move to `previous`; an issue is proposed for every LibQual+ dimension below the
    /// minimum acceptable score.
    New(NewArgs),

    /// Where each department is in the year's cycle: the next step, its deadline, what is
    /// late
    Timeline(TimelineArgs),
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files or folders to report on [default: the whole repository]
    ///
    /// The whole repository is always read, so references between files are checked;
    /// only findings in these paths (and in aplan.toml) are reported.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How to print the findings
    #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
    pub format: DiagnosticFormat,

    /// Exit 1 when there are warnings, not only errors
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    /// For people: the source line, a caret and a hint
    Human,
    /// One JSON object, documented in the README
    Json,
    /// GitHub Actions workflow annotations
    Github,
}

#[derive(Debug, Args)]
pub struct ActionsArgs {
    /// The plan year [default: the latest year with plans]
    #[arg(long, value_name = "YEAR", conflicts_with = "all_years")]
    pub year: Option<i64>,

    /// Every year's actions
    #[arg(long)]
    pub all_years: bool,

    /// Only actions owned by this member of staff
    #[arg(long, value_name = "STAFF", help_heading = "Filters")]
    pub owner: Vec<String>,

    /// Only this department's actions
    #[arg(long, value_name = "DEPARTMENT", help_heading = "Filters")]
    pub department: Vec<String>,

    /// Only actions tagged with this theme
    #[arg(long, value_name = "THEME", help_heading = "Filters")]
    pub theme: Vec<String>,

    /// Only actions whose current status is this
    #[arg(long, value_name = "STATUS", value_parser = parse_action_status, help_heading = "Filters")]
    pub status: Vec<ActionStatus>,

    /// Only actions that are part of this shared initiative
    #[arg(long, value_name = "INITIATIVE", help_heading = "Filters")]
    pub initiative: Vec<String>,

    /// Only quick wins
    #[arg(long, help_heading = "Filters")]
    pub quick_win: bool,

    /// Only active actions due before today
    #[arg(long, help_heading = "Filters")]
    pub overdue: bool,

    /// How to print the list
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for people
    Table,
    /// RFC 4180 CSV with a header row, for spreadsheets
    Csv,
    /// A JSON array, documented in the README
    Json,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The action, as department/year/id (such as `history/2017/year2-lists`)
    #[arg(value_name = "REF")]
    pub reference: String,

    /// What happened
    #[arg(long, value_name = "TEXT")]
    pub note: String,

    /// The action's new status
    #[arg(long, value_name = "STATUS", value_parser = parse_action_status)]
    pub status: Option<ActionStatus>,

    /// Who made the update: a staff id from aplan.toml
    #[arg(long, value_name = "ID", env = "APLAN_USER")]
    pub by: Option<String>,

    /// When it happened [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("which").required(true).args(["department", "all"]))]
pub struct NewArgs {
    /// The department, by its id in aplan.toml
    #[arg(value_name = "DEPT")]
    pub department: Option<String>,

    /// A draft for every department in aplan.toml that has no plan for the year yet
    #[arg(long)]
    pub all: bool,

    /// The year of the new plan
    #[arg(long, value_name = "YEAR")]
    pub year: i64,

    /// Replace a plan that already exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The plan year [default: the latest year with plans]
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i64>,

    /// Only departments with something late, a deadline within this many days, or no
    /// plan or meeting date yet
    #[arg(long, value_name = "DAYS")]
    pub within: Option<u32>,

    /// How to print the timeline
    #[arg(long, value_enum, default_value_t = TimelineFormat::Table)]
    pub format: TimelineFormat,

    /// Add the due dates of active actions to the calendar (with --format ics)
    #[arg(long)]
    pub with_actions: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    /// Aligned columns for people
    Table,
    /// A JSON array, documented in the README
    Json,
    /// An iCalendar file (RFC 5545): meetings and deadlines as all-day events
    Ics,
}

/// Parses an action status, naming the allowed ones when it is not one.
fn parse_action_status(s: &str) -> Result<ActionStatus, String> {
    ActionStatus::parse(s).ok_or_else(|| {
        format!(
            "`{s}` is not an action status; allowed: {}",
            ActionStatus::allowed()
        )
    })
}

/// Parses a `YYYY-MM-DD` date.
fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("`{s}` is not a date of the form YYYY-MM-DD ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn today_must_be_a_real_date() {
        assert!(parse_date("2017-03-14").is_ok());
        assert!(parse_date("2017-02-30").is_err());
        assert!(parse_date("14/03/2017").is_err());
    }

    #[test]
    fn action_statuses_are_the_files_words() {
        assert_eq!(
            parse_action_status("in-progress"),
            Ok(ActionStatus::InProgress)
        );
        let error = parse_action_status("started").unwrap_err();
        assert!(error.contains("`proposed`, `agreed`"), "{error}");
    }
}
