//! Every command and option. The doc comments are the `--help` text.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

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

    /// Themes across one year's plans: what is common, who could work together, what is new
    ///
    /// For each theme of aplan.toml: the departments whose issues or actions carry it, the
    /// items, the liaison librarians, shared initiatives and the change since the previous
    /// year. Common themes that no shared initiative covers are listed as groups that could
    /// share one piece of work; untagged items get theme suggestions from the keywords;
    /// phrases shared by several departments that no keyword covers are offered as
    /// emerging themes. Plans with errors are left out, with a warning naming them.
    Themes(ThemesArgs),
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
pub struct ThemesArgs {
    /// The plans' year [default: the latest year under plans/]
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i64>,

    /// How many departments make a theme common [default: common_theme_departments in
    /// aplan.toml, 3 when unset]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub min_departments: Option<u32>,

    /// How to print the report
    #[arg(long, value_enum, default_value_t = ThemesFormat::Table)]
    pub format: ThemesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemesFormat {
    /// For a terminal: a summary table, then each theme in full
    Table,
    /// Markdown with YAML front matter: a theme-by-department matrix, then the lists
    Md,
    /// One self-contained HTML page: a shaded theme-by-department matrix, then the lists
    Html,
    /// One JSON object, documented in the README
    Json,
    /// One row per theme and department that carries it
    Csv,
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
}
