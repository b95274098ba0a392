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

    /// Render plans as meeting documents, in Markdown or HTML
    ///
    /// One plan goes to standard output, or to a file with -o. With --out DIR, each plan is
    /// written to DIR/<year>-<department>.<ext> and an index beside them. Without PLAN, every
    /// plan of --year (default: the latest year) is rendered.
    Render(RenderArgs),

    /// List the templates documents are rendered from, or write them out to start your own
    ///
    /// A `templates/` folder in the plans repository overrides the built-in templates file by
    /// file.
    Templates(TemplatesArgs),
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Plans to render: a path (plans/2017/history.toml) or a reference (history/2017)
    #[arg(value_name = "PLAN")]
    pub plans: Vec<String>,

    /// Render every plan of this year [default: the latest year]
    #[arg(long, value_name = "YEAR", conflicts_with = "plans")]
    pub year: Option<i64>,

    /// The document format [default: from the -o file's extension, else md]
    #[arg(long, value_enum)]
    pub format: Option<DocumentFormat>,

    /// Write the plan to this file instead of standard output
    #[arg(short, long, value_name = "FILE", conflicts_with = "out")]
    pub output: Option<PathBuf>,

    /// Write each plan to DIR/<year>-<department>.<ext>, with an index
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// A folder of templates to use instead of the repository's templates/
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Overwrite files that exist, and render plans that have errors
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocumentFormat {
    /// Markdown with YAML front matter, for reading as text or a static site generator
    Md,
    /// One self-contained HTML file, for the screen and for printing on A4
    Html,
}

#[derive(Debug, Args)]
pub struct TemplatesArgs {
    /// Write the built-in templates into DIR, to start an override from
    #[arg(long, value_name = "DIR")]
    pub dump: Option<PathBuf>,

    /// A folder of templates to list instead of the repository's templates/
    #[arg(long, value_name = "DIR", conflicts_with = "dump")]
    pub templates: Option<PathBuf>,

    /// Overwrite templates that exist in DIR
    #[arg(long, requires = "dump")]
    pub force: bool,
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
