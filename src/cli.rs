//! Every command and option. The doc comments are the `--help` text.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter};

use crate::complete;
use crate::model::ActionStatus;
use crate::model::decode::Keyword;
use crate::model::loose_date::LooseDate;

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

    /// Render plans as meeting documents, in Markdown, HTML or Word
    ///
    /// One plan goes to standard output, or to a file with -o. With --out DIR, each plan is
    /// written to DIR/<year>-<department>.<ext> and an index beside them. Without PLAN, every
    /// plan of --year (default: the planning year that includes today) is rendered.
    Render(RenderArgs),

    /// List the templates documents are rendered from, or write them out to start your own
    ///
    /// A `templates/` folder in the plans repository overrides the built-in templates file by
    /// file.
    Templates(TemplatesArgs),

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

    /// Record an interaction with a department: a teaching session, an enquiry, an email
    ///
    /// Appends an entry to interactions/<year>/<department>.toml for the planning year of
    /// its date (the file is created when missing), keeping the rest of the file as it was.
    /// The edited file is validated before it is written; nothing is written when the
    /// department, the kind, a person, an action or the edited file is wrong.
    Log(LogArgs),

    /// What happened with a department's plan since its Library Rep last heard, for them
    ///
    /// Action updates and status changes, actions done, overdue and due in the next 60
    /// days, the interactions with the department by kind (never a private one's detail)
    /// and the next meeting, addressed to the department's Library Rep (from
    /// contacts/<department>.toml, else the year's meeting). The period starts the day
    /// after the last digest recorded with --record, else the day after the meeting. A
    /// period with no update and no interaction gives one line saying so, and no file.
    /// Nothing is sent: --format eml writes a message for a mail client to open.
    Digest(DigestArgs),

    /// The year's review of the process: the feedback and the improvements, with where
    /// each stands
    ///
    /// Reads reviews/<year>.toml, the latest review up to --year (default: the planning
    /// year that includes today). Proposed and agreed improvements are open: `aplan new`
    /// lists them when it drafts next year's plans.
    Review(ReviewArgs),
    /// What the library has done with each department: interactions by kind, quiet
    /// departments, follow-ups due and overdue, each person's totals
    ///
    /// Counts cover the planning year (or --since a date); the last interaction and days
    /// since look at every year up to today. A department with none for more than
    /// `[crm] quiet_after_days` (default 90) is quiet. A follow-up stays open until a later
    /// interaction with one of the same contacts (or with the department, when it named
    /// none).
    Activity(ActivityArgs),

    /// Everything that happened with a department or a contact, in date order
    ///
    /// Plans sent, meetings, final plans sent, action updates and interactions. Events of
    /// one day come in that order. A contact is named by id (`dosei`), or as
    /// department/id when two departments have one of that id. Private detail is never
    /// shown.
    History(HistoryArgs),

    /// Erase a contact from every file: a data-protection erasure request
    ///
    /// Removes the contact from contacts/<department>.toml, from interactions' `with`
    /// lists, from meeting attendees (keeping the role) and from actions' `contact`, and
    /// replaces their name wherever it appears in text. Every file is changed or none.
    /// Without --confirm, lists what would change and writes nothing.
    Forget(ForgetArgs),

    /// Write a draft plan for a year from the department's most recent plan
    ///
    /// Active actions are carried over as proposed, with `carried_from`; usage figures
    /// move to `previous`; an issue is proposed for every LibQual+ dimension below the
    /// minimum acceptable score.
    New(NewArgs),

    /// Write the year's figures from a spreadsheet into every department's plan
    ///
    /// Reads CSV, Excel (.xlsx, .xlsm, .xlsb, .xls) or OpenDocument (.ods) with a header row
    /// and one row per department and entry, and replaces the imported array of each plan's
    /// [context] with the rows for its department, keeping every other byte of the file.
    /// Departments are matched by id or by name. Every changed plan is checked before any is
    /// written, and all are written or none; nothing is written when a row is wrong.
    Import(ImportArgs),

    /// Where each department is in the year's cycle: the next step, its deadline, what is
    /// late
    Timeline(TimelineArgs),

    /// What changed between two states of the repository, for a reviewer
    ///
    /// Plans added or removed, status changes, issues and actions added, removed or changed
    /// field by field, updates added, settings changed (staff, limits, themes), each
    /// person's workload before and after, and the findings the change brings and fixes.
    /// REV and REV2 are Git revisions; without REV2, the files as they are now.
    Diff(DiffArgs),

    /// The paper for the senior managers' prioritisation meeting, in Markdown or HTML
    ///
    /// One document for the year: agreed actions (of met and final plans) by theme with
    /// departments and owners, common themes and the shared work they suggest, quick wins,
    /// high priorities, workload against the limits with who is over, and due dates by
    /// quarter. The themes and the workload are those `aplan themes` and `aplan workload`
    /// report. Plans with errors are left out, with a warning naming them.
    Priorities(PrioritiesArgs),

    /// Each person's departments and active initiatives against the limits
    ///
    /// A shared initiative counts once per person, however many departments' actions point
    /// at it; an action without one is an initiative of its own. Taking part means leading
    /// the initiative, owning one of its actions or being named in `with`. Done and dropped
    /// actions do not count.
    Workload(WorkloadArgs),

    /// A static HTML site of one year's plans that anyone can open from a shared drive
    ///
    /// Writes into DIR: index.html (every department's place in the cycle), timeline.html,
    /// workload.html, themes.html, actions.html, a page per plan of the year and of earlier
    /// years, and style.css. No script, nothing fetched from elsewhere, relative links
    /// only, so it works from file:// as well as a web server. Nothing is overwritten
    /// without --force. Plans with errors are left out, with a warning naming them.
    Site(SiteArgs),

    /// Start a new plans repository: settings, an example plan, CI workflow and hooks
    ///
    /// Writes aplan.toml, plans/<this year>/history.toml, .github/workflows/aplan.yml,
    /// .pre-commit-config.yaml, .taplo.toml with the schemas in schema/, and .gitignore (and
    /// templates/ with --templates). Nothing is overwritten: if any of them exists, nothing
    /// is written; only an existing .gitignore gets aplan's lines appended.
    Init(InitArgs),

    /// What a diagnostic code means and how to fix it; without a code, list them all
    Explain {
        /// A code such as `unknown-staff`
        #[arg(add = ArgValueCandidates::new(complete::codes))]
        code: Option<String>,
    },

    /// Shell completions that know the repository, for example `source <(aplan completions
    /// bash)` in ~/.bashrc
    ///
    /// Prints a script for the shell that asks aplan for the candidates at each TAB, so
    /// `update`, `render`, `--owner`, `--department`, `--theme` and `explain` offer the
    /// references, staff, departments, themes and codes of the repository you are in.
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },

    /// The man pages: aplan(1) on standard output, or with --out a page per command
    ///
    /// For example `aplan man --out ~/.local/share/man/man1` writes aplan.1,
    /// aplan-validate.1, aplan-render.1 and the others there.
    Man {
        /// Write aplan.1 and aplan-<command>.1 for every command into DIR
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,

        /// Overwrite pages that exist
        #[arg(long, requires = "out")]
        force: bool,
    },

    /// The whole resolved repository as JSON or YAML, for other tools
    ///
    /// Settings, staff, departments, themes, initiatives, and every plan without errors with
    /// references and each action's current status.
    Export {
        /// The format to write
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
    },

    /// The JSON Schema of a file, for editors such as Taplo and Even Better TOML, or of a
    /// command's `--format json` output, for tools that read it
    Schema {
        #[arg(value_enum, value_name = "NAME")]
        file: SchemaFile,
    },
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to set up [default: the current folder]
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// The library's name, for aplan.toml
    #[arg(long, value_name = "NAME", default_value = "University Library")]
    pub library: String,

    /// The GitHub repository of aplan, as OWNER/NAME: CI installs aplan with its action
    /// (the release binary) and pre-commit runs its hooks [default: CI builds aplan from
    /// the Git URL in the workflow, and the hooks run an installed `aplan`]
    #[arg(long, value_name = "OWNER/NAME")]
    pub aplan_repo: Option<String>,

    /// The version of aplan CI and the hooks use: a release tag such as v0.2.0 [default:
    /// this aplan's version]
    #[arg(long, value_name = "TAG")]
    pub aplan_ref: Option<String>,

    /// Also write the built-in templates to templates/, to start your own documents from
    #[arg(long)]
    pub templates: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Yaml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaFile {
    /// A plan: plans/<year>/<department>.toml
    Plan,
    /// The settings: aplan.toml
    Config,
    /// A department's people: contacts/<department>.toml
    Contacts,
    /// A department's interactions in a year: interactions/<year>/<department>.toml
    Interactions,
    /// A year's review of the process: reviews/<year>.toml
    Review,
    /// What `aplan validate --format json` writes
    Validate,
    /// What `aplan themes --format json` writes
    Themes,
    /// What `aplan workload --format json` writes
    Workload,
    /// What `aplan actions --format json` writes
    Actions,
    /// What `aplan timeline --format json` writes
    Timeline,
    /// What `aplan diff --format json` writes
    Diff,
    /// What `aplan activity --format json` writes
    Activity,
    /// What `aplan history --format json` writes
    History,
    /// What `aplan review --format json` writes (not the review file: that is `review`)
    ReviewReport,
    /// What `aplan export --format json` writes
    Export,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

#[derive(Debug, Args)]
pub struct WorkloadArgs {
    /// The plan year [default: the planning year that includes today]
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i64>,

    /// How to print the report
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,

    /// Print only broken limits, one a line, and exit 1 when there are any (for CI)
    #[arg(long)]
    pub check: bool,

    /// With --check, fail only on limits the change since this Git revision breaks (over
    /// a limit it was within, or further over it), such as the pull request's base
    #[arg(long, value_name = "REV", requires = "check")]
    pub new_from_rev: Option<String>,
}

#[derive(Debug, Args)]
pub struct PrioritiesArgs {
    /// The plan year [default: the planning year that includes today]
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i64>,

    /// The document format [default: from the -o file's extension (.md, .html, .htm), else
    /// md]
    #[arg(long, value_enum)]
    pub format: Option<DocumentFormat>,

    /// Write the paper to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// A folder of templates to use instead of the repository's templates/
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Overwrite the -o file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The latest review up to this plan year [default: the planning year that includes
    /// today]
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i64>,

    /// How to print the review
    #[arg(long, value_enum, default_value_t = ReviewFormat::Table)]
    pub format: ReviewFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    /// Lines for a terminal
    Table,
    /// One JSON object, documented in the README
    Json,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The revision to compare from: a commit, branch or tag
    #[arg(value_name = "REV", default_value = "HEAD")]
    pub from: String,

    /// The revision to compare to [default: the files as they are now]
    #[arg(value_name = "REV2")]
    pub to: Option<String>,

    /// How to print the changes
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Indented lines for a terminal
    Table,
    /// Markdown, for a pull request comment or a job summary
    Md,
    /// One JSON object, documented in the README
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned text for a terminal
    Table,
    /// Markdown, for a wiki or a pull request comment
    Md,
    /// JSON, documented in the README
    Json,
    /// CSV with a header row, for a spreadsheet
    Csv,
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

    /// Report only the findings that are not already there at this Git revision, such
    /// as the pull request's base or HEAD (matched by file, code and message, not line)
    #[arg(long, value_name = "REV")]
    pub new_from_rev: Option<String>,
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
    /// The plans' year [default: the planning year that includes today]
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

#[derive(Debug, Args)]
pub struct ActionsArgs {
    /// The plan year [default: the planning year that includes today; with --overdue, every year]
    #[arg(long, value_name = "YEAR", conflicts_with = "all_years")]
    pub year: Option<i64>,

    /// Every year's actions
    #[arg(long)]
    pub all_years: bool,

    /// Only actions owned by this member of staff
    #[arg(long, value_name = "STAFF", help_heading = "Filters",
          add = ArgValueCandidates::new(complete::staff))]
    pub owner: Vec<String>,

    /// Only this department's actions
    #[arg(long, value_name = "DEPARTMENT", help_heading = "Filters",
          add = ArgValueCandidates::new(complete::departments))]
    pub department: Vec<String>,

    /// Only actions tagged with this theme
    #[arg(long, value_name = "THEME", help_heading = "Filters",
          add = ArgValueCandidates::new(complete::themes))]
    pub theme: Vec<String>,

    /// Only actions whose current status is this
    #[arg(long, value_name = "STATUS", value_parser = parse_action_status, help_heading = "Filters",
          add = ArgValueCandidates::new(complete::action_statuses))]
    pub status: Vec<ActionStatus>,

    /// Only actions that are part of this shared initiative
    #[arg(long, value_name = "INITIATIVE", help_heading = "Filters",
          add = ArgValueCandidates::new(complete::initiatives))]
    pub initiative: Vec<String>,

    /// Only quick wins
    #[arg(long, help_heading = "Filters")]
    pub quick_win: bool,

    /// Only active actions due before today (in every year, unless --year is given)
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
    #[arg(value_name = "REF", add = ArgValueCompleter::new(complete::actions))]
    pub reference: String,

    /// What happened
    #[arg(long, value_name = "TEXT")]
    pub note: String,

    /// The action's new status
    #[arg(long, value_name = "STATUS", value_parser = parse_action_status,
          add = ArgValueCandidates::new(complete::action_statuses))]
    pub status: Option<ActionStatus>,

    /// Who made the update: a staff id from aplan.toml
    #[arg(long, value_name = "ID", env = "APLAN_USER",
          add = ArgValueCandidates::new(complete::staff))]
    pub by: Option<String>,

    /// When it happened [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct ActivityArgs {
    /// The plan year [default: the planning year that includes today]
    #[arg(long, value_name = "YEAR", conflicts_with = "since")]
    pub year: Option<i64>,

    /// Interactions from this date on, in any year, instead of one planning year
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<NaiveDate>,

    /// Only interactions this member of staff took part in (repeat for more)
    #[arg(long, value_name = "STAFF", help_heading = "Filters",
          add = ArgValueCandidates::new(complete::staff))]
    pub by: Vec<String>,

    /// Only this department (repeat for more)
    #[arg(long, value_name = "DEPARTMENT", help_heading = "Filters",
          add = ArgValueCandidates::new(complete::departments))]
    pub department: Vec<String>,

    /// How to print the report
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// A department id, or a contact as id or department/id
    #[arg(value_name = "DEPT|CONTACT", add = ArgValueCandidates::new(complete::departments))]
    pub subject: String,

    /// Only events on or after this date
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<NaiveDate>,

    /// How to print the history
    #[arg(long, value_enum, default_value_t = HistoryFormat::Table)]
    pub format: HistoryFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    /// Aligned columns for people
    Table,
    /// Markdown, for a wiki or a briefing note
    Md,
    /// A JSON object, documented in the README
    Json,
}

#[derive(Debug, Args)]
pub struct ForgetArgs {
    /// The contact, as id or department/id
    #[arg(value_name = "CONTACT")]
    pub contact: String,

    /// Make the change; without it, only list what would change
    #[arg(long)]
    pub confirm: bool,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// The department, by its id in aplan.toml
    #[arg(value_name = "DEPT", add = ArgValueCandidates::new(complete::departments))]
    pub department: String,

    /// The kind of interaction, one of [crm] kinds in aplan.toml (by default meeting,
    /// email, call, teaching, enquiry, event, visit, digest, other)
    #[arg(long, value_name = "KIND", add = ArgValueCandidates::new(complete::kinds))]
    pub kind: String,

    /// What happened, in a line
    #[arg(long, value_name = "TEXT")]
    pub summary: String,

    /// More about it, in Markdown
    #[arg(long, value_name = "TEXT")]
    pub detail: Option<String>,

    /// Someone from the department who took part: a contact id from
    /// contacts/<department>.toml (repeat for more)
    #[arg(long = "with", value_name = "CONTACT", add = ArgValueCandidates::new(complete::contacts))]
    pub with: Vec<String>,

    /// Someone from the library who took part: a staff id from aplan.toml (repeat for
    /// more)
    #[arg(long, value_name = "ID", env = "APLAN_USER", value_delimiter = ',',
          add = ArgValueCandidates::new(complete::staff))]
    pub by: Vec<String>,

    /// When it happened [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,

    /// An action it was about, as department/year/id (repeat for more)
    #[arg(long = "action", value_name = "REF", add = ArgValueCompleter::new(complete::actions))]
    pub actions: Vec<String>,

    /// A theme from aplan.toml (repeat for more)
    #[arg(long = "theme", value_name = "THEME", add = ArgValueCandidates::new(complete::themes))]
    pub themes: Vec<String>,

    /// A date to come back to it
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub follow_up: Option<NaiveDate>,

    /// Keep the detail in the repository's files only, out of the export and every report
    #[arg(long)]
    pub private: bool,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("which").required(true).args(["department", "all"]))]
pub struct DigestArgs {
    /// The department, by its id in aplan.toml
    #[arg(value_name = "DEPT", add = ArgValueCandidates::new(complete::departments))]
    pub department: Option<String>,

    /// A digest for every department of aplan.toml, each written to
    /// DIR/<department>.<ext> (with --out)
    #[arg(long, requires = "out")]
    pub all: bool,

    /// The first day of the period [default: the day after the last digest recorded, else
    /// the day after the year's meeting]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<NaiveDate>,

    /// The plan year whose actions it follows [default: the planning year that includes
    /// today]
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i64>,

    /// The format [default: from the -o file's extension (.md, .html, .htm, .eml), else md]
    #[arg(long, value_enum)]
    pub format: Option<DigestFormat>,

    /// Write the digest to this file instead of standard output
    #[arg(short, long, value_name = "FILE", conflicts_with_all = ["out", "all"])]
    pub output: Option<PathBuf>,

    /// Write each digest to DIR/<department>.<ext>
    #[arg(long, value_name = "DIR", requires = "all")]
    pub out: Option<PathBuf>,

    /// Record a `digest` interaction for each digest written, so the next one starts the
    /// day after
    #[arg(long)]
    pub record: bool,

    /// Who sends it, for --record: a staff id from aplan.toml [default: the liaison
    /// librarian]
    #[arg(long, value_name = "ID", env = "APLAN_USER", requires = "record",
          add = ArgValueCandidates::new(complete::staff))]
    pub by: Option<String>,

    /// Write the digest even when nothing happened in the period
    #[arg(long)]
    pub always: bool,

    /// A folder of templates to use instead of the repository's templates/
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Overwrite files that exist
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DigestFormat {
    /// Markdown with YAML front matter
    Md,
    /// One self-contained HTML page
    Html,
    /// An e-mail message (RFC 5322) with text and HTML parts, for a mail client to open
    Eml,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("which").required(true).args(["department", "all"]))]
pub struct NewArgs {
    /// The department, by its id in aplan.toml
    #[arg(value_name = "DEPT", add = ArgValueCandidates::new(complete::departments))]
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
pub struct ImportArgs {
    /// What the file holds: the array of each plan's [context] it replaces
    #[arg(value_enum, value_name = "KIND")]
    pub kind: crate::import::Kind,

    /// The spreadsheet: .csv, .xlsx, .xlsm, .xlsb, .xls or .ods
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The plan year to write into [default: the planning year that includes today]
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i64>,

    /// The workbook's sheet to read [default: the sheet named after KIND, else the first]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// Read the column headed COLUMN as FIELD, for headers with other names (repeatable),
    /// such as --map "Cost centre=department"
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,

    /// Print what would be written, and write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Make a draft, as `aplan new` does, for each department in the file that has no plan
    /// for the year yet
    #[arg(long)]
    pub create_drafts: bool,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The plan year [default: the planning year that includes today]
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

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Plans to render: a path (plans/2017/history.toml) or a reference (history/2017)
    #[arg(value_name = "PLAN", add = ArgValueCompleter::new(complete::plans))]
    pub plans: Vec<String>,

    /// Render every plan of this year [default: the planning year that includes today]
    #[arg(long, value_name = "YEAR", conflicts_with = "plans")]
    pub year: Option<i64>,

    /// The document format [default: from the -o file's extension (.md, .html, .htm,
    /// .docx), else md]
    #[arg(long, value_enum)]
    pub format: Option<DocumentFormat>,

    /// Write the plan to this file instead of standard output
    #[arg(short, long, value_name = "FILE", conflicts_with = "out")]
    pub output: Option<PathBuf>,

    /// Render the plan as it stood on this date: updates written after it are left out
    /// [default: today; for a final plan, the date it was finalised]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

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

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The plan year the site shows [default: the planning year that includes today]
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i64>,

    /// The folder to write the site into; it is created if need be
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// A folder of templates to use instead of the repository's templates/
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Overwrite files of an earlier site in DIR
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocumentFormat {
    /// Markdown with YAML front matter, for reading as text or a static site generator
    Md,
    /// One self-contained HTML file, for the screen and for printing on A4
    Html,
    /// A Word document on A4, for departments that edit and pass on plans in Word
    Docx,
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
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| match LooseDate::read(s) {
        Some(date) => format!(
            "`{s}` is not a date of the form YYYY-MM-DD: write {}",
            date.as_written()
        ),
        None => format!("`{s}` is not a date of the form YYYY-MM-DD ({e})"),
    })
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
        assert_eq!(
            parse_date("14/03/2017").unwrap_err(),
            "`14/03/2017` is not a date of the form YYYY-MM-DD: write 2017-03-14"
        );
        assert_eq!(
            parse_date("05/06/2017").unwrap_err(),
            "`05/06/2017` is not a date of the form YYYY-MM-DD: write 2017-06-05 (5 June) or 2017-05-06 (6 May)"
        );
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
