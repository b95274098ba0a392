//! One thin file per subcommand: load, check or report, emit.

mod actions;
mod activity;
mod completions;
mod diff;
mod digest;
mod explain;
mod export;
mod forget;
mod history;
mod import;
mod init;
mod log;
mod new;
mod priorities;
mod render;
mod review;
mod schema;
mod site;
mod templates;
mod themes;
mod timeline;
mod update;
mod validate;
mod workload;

use std::io::IsTerminal;
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use rayon::prelude::*;

use crate::cli::{Cli, ColorChoice, Command, GlobalArgs};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::exit::ExitStatus;
use crate::git::{Git, GitError};
use crate::model::{Contact, Contacts};
use crate::repo::{self, Repository};
use crate::workspace::Workspace;
use crate::write::{self, Overwrite, Staged};

/// What every command gets from the global options.
#[derive(Debug)]
pub struct Context {
    /// Where the command was run from; relative paths on the command line start here.
    pub cwd: PathBuf,
    root: Option<PathBuf>,
    pub today: NaiveDate,
    pub color: bool,
    pub quiet: bool,
}

impl Context {
    pub fn new(global: &GlobalArgs) -> Result<Context> {
        let cwd = std::env::current_dir().context("cannot read the current folder")?;
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && !dumb_terminal()
                    && std::io::stdout().is_terminal()
            }
        };
        Ok(Context {
            root: global.root.as_ref().map(|r| cwd.join(r)),
            cwd,
            today: global
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            color,
            quiet: global.quiet,
        })
    }

    /// The repository root: `--root`, or the nearest folder with an `aplan.toml`.
    pub fn root(&self) -> Result<PathBuf> {
        match &self.root {
            Some(root) => Ok(root.clone()),
            None => Ok(repo::find_root(&self.cwd)?),
        }
    }

    /// The repository, loaded and validated for a report, [`kept`] to the end of the
    /// command. Plans with errors are left out, and a warning on stderr names them.
    pub fn workspace(&self) -> Result<ManuallyDrop<Workspace>> {
        let workspace = kept(Workspace::new(Repository::load(&self.root()?)?)?);
        let skipped = workspace.skipped();
        if !skipped.is_empty() {
            let all_plans = skipped.iter().all(|p| p.starts_with("plans/"));
            let plans = match (all_plans, skipped.len()) {
                (true, 1) => "plan",
                (true, _) => "plans",
                (false, 1) => "file",
                (false, _) => "files",
            };
            self.warn(&format!(
                "left out {} {plans} with errors ({}); run `aplan validate` to see them",
                skipped.len(),
                skipped.join(", ")
            ));
        }
        if let Some(error) = workspace.config_error() {
            self.warn(&format!(
                "aplan.toml has errors (first, {error}), so the defaults stand in for what could not be read; run `aplan validate aplan.toml` to see them"
            ));
        }
        Ok(workspace)
    }

    /// The year a report is on (see [`Workspace::year`]); when `--year` did not name it,
    /// stderr says which year was chosen and why.
    pub fn year(&self, workspace: &Workspace, asked: Option<i64>) -> Result<i64> {
        let chosen = workspace.year(asked, self.today)?;
        if let Some(why) = &chosen.why {
            self.note(why);
        }
        Ok(chosen.year)
    }

    /// A warning on stderr, unless `--quiet`.
    pub fn warn(&self, message: &str) {
        self.tell(&format!("warning: {message}"));
    }

    /// What a command did (`wrote 13 plans to out`), on stderr, unless `--quiet`.
    pub fn note(&self, message: &str) {
        self.tell(message);
    }

    /// The one way commands speak on stderr: nothing under `--quiet`, and control
    /// characters from plan text or paths cleaned, so they cannot drive the terminal.
    fn tell(&self, line: &str) {
        if !self.quiet {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("{}", crate::emit::terminal::clean(line));
            }
        }
    }

    /// A path from the command line, made absolute.
    pub fn absolute(&self, path: &Path) -> PathBuf {
        self.cwd.join(path)
    }
}

/// The repository as it was at a Git revision, such as a pull request's base; `None` when
/// the revision has no aplan.toml, or the repository no commits yet (the change that
/// starts the plans repository, before which there was nothing to break).
pub(crate) fn load_revision(root: &Path, revision: &str) -> Result<Option<Repository>> {
    let git = Git::open(root)?;
    let commit = match git.resolve(revision) {
        Ok(commit) => commit,
        Err(GitError::NoCommits(_)) => return Ok(None),
        Err(other) => return Err(other.into()),
    };
    let files = git.files_at(&commit, repo::TRACKED, repo::MAX_FILE_SIZE)?;
    Ok(Repository::from_revision(root, files)?)
}

/// `value`, never freed. A command loads one repository (an edit, two or three) and ends,
/// and the system takes the memory back at once, where freeing a large repository's plans
/// one string at a time costs a tenth of checking them. Only commands use this: a library
/// user or a fuzzer that loads repository after repository frees each as usual.
pub(crate) fn kept<T>(value: T) -> ManuallyDrop<T> {
    ManuallyDrop::new(value)
}

/// Refuses an output folder that is not aplan's to fill: the top of the file system
/// always; the repository's root, or a folder holding anything but documents (`.md`,
/// `.html`, `.css` and `.eml` files), unless `--force` allowed it.
pub(crate) fn check_out_folder(dir: &Path, root: &Path, overwrite: Overwrite) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        anyhow::bail!("{} is not a folder", dir.display());
    }
    let Ok(real) = std::fs::canonicalize(dir) else {
        return Ok(());
    };
    if real.parent().is_none() {
        anyhow::bail!(
            "{} is the top of the file system, not a place for documents; name a folder of their own, such as --out docs",
            dir.display()
        );
    }
    if overwrite == Overwrite::Replace {
        return Ok(());
    }
    if std::fs::canonicalize(root).is_ok_and(|root| root == real) {
        anyhow::bail!(
            "{} is the repository's root; name a folder of their own, such as --out docs, or use --force to write there anyway",
            dir.display()
        );
    }
    let document = |name: &str| {
        Path::new(name)
            .extension()
            .is_some_and(|e| e == "md" || e == "html" || e == "css" || e == "eml")
    };
    if let Some(entry) = write::foreign_entry(dir, document) {
        anyhow::bail!(
            "{} holds {}, which aplan did not write; name a new or empty folder, or use --force to write there anyway",
            dir.display(),
            entry.display()
        );
    }
    Ok(())
}

/// The format to write a document in: `--format` when given, else the one the `-o` file's
/// extension names, else the first of `formats`. Each format comes with the extensions it
/// is written as, the usual one first. An extension none of them has is refused, and so is
/// a `--format` this document is not written in, so a file is never written in a format
/// its name or the command line does not say.
pub(crate) fn document_format<F: clap::ValueEnum + Copy + PartialEq>(
    asked: Option<F>,
    file: Option<&Path>,
    formats: &[(F, &[&str])],
) -> Result<F> {
    let names = || {
        formats
            .iter()
            .filter_map(|(f, _)| f.to_possible_value())
            .map(|v| v.get_name().to_owned())
            .collect::<Vec<_>>()
            .join("|")
    };
    if let Some(asked) = asked {
        if formats.iter().any(|(f, _)| *f == asked) {
            return Ok(asked);
        }
        let name = asked
            .to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default();
        anyhow::bail!(
            "this document cannot be written as {name}; choose --format {}",
            names()
        );
    }
    let Some(extension) = file
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
    else {
        return Ok(formats[0].0);
    };
    if let Some((format, _)) = formats
        .iter()
        .find(|(_, extensions)| extensions.contains(&extension.as_str()))
    {
        return Ok(*format);
    }
    let usual: Vec<String> = formats
        .iter()
        .filter_map(|(_, extensions)| extensions.first())
        .map(|e| format!(".{e}"))
        .collect();
    let usual = match usual.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    anyhow::bail!(
        "aplan cannot write .{extension} documents; name the file {usual}, or choose the \
         format with --format {}",
        names()
    )
}

/// Refuses, unless `overwrite` allows it, files that already exist, before any is written,
/// so that a refusal leaves the output folder as it was.
pub(crate) fn refuse_existing<'p>(
    paths: impl IntoIterator<Item = &'p Path>,
    overwrite: Overwrite,
) -> Result<()> {
    if overwrite == Overwrite::Replace {
        return Ok(());
    }
    let existing = write::existing(paths);
    if let Some(first) = existing.first() {
        let more = match existing.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        anyhow::bail!(
            "{} already exists{more}; use --force to overwrite",
            first.display()
        );
    }
    Ok(())
}

/// How many files are rendered before they are written: enough to keep every core busy,
/// few enough that the texts of a repository's thousands of plans are never all held at
/// once.
const BATCH: usize = 64;

/// `TERM=dumb`: a terminal that shows escape sequences as they are, so it gets neither
/// colour nor progress bars.
fn dumb_terminal() -> bool {
    std::env::var_os("TERM").is_some_and(|t| t == "dumb")
}

/// From this many files a terminal shows a progress bar while they are rendered.
const PROGRESS_FROM_FILES: usize = 10;

/// A progress bar on standard error for a command that writes `files` files; hidden under
/// `--quiet`, for a few files, when standard error is not a terminal, and on a dumb one.
pub(crate) fn progress_bar(context: &Context, files: usize) -> ProgressBar {
    if context.quiet
        || files < PROGRESS_FROM_FILES
        || dumb_terminal()
        || !std::io::stderr().is_terminal()
    {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("rendering {bar:30} {pos}/{len}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr())
        .with_style(style)
}

/// Renders `items` a batch at a time, in parallel, into files that `staged` writes as each
/// batch is done; `render` gives a file's path and text, and something to keep (an index
/// entry), returned in order. The first failure in order is the one reported, and as
/// nothing is in place before [`Staged::place`], a failure leaves the folder as it was.
pub(crate) fn render_in_batches<T: Sync, C: AsRef<[u8]> + Send + Sync, K: Send>(
    items: &[T],
    staged: &mut Staged,
    render: impl Fn(&T) -> Result<(PathBuf, C, K)> + Sync,
) -> Result<Vec<K>> {
    let mut kept = Vec::with_capacity(items.len());
    for batch in items.chunks(BATCH) {
        let rendered: Vec<_> = batch.par_iter().map(&render).collect();
        let mut files = Vec::with_capacity(batch.len());
        for item in rendered {
            let (path, text, keep) = item?;
            files.push((path, text));
            kept.push(keep);
        }
        staged.write(&files)?;
    }
    Ok(kept)
}

/// A contact named by id (`dosei`), or as department/id (`history/dosei`) when two
/// departments have one of that id; `departments` are the ids a near miss may be.
pub(crate) fn find_contact<'a>(
    contacts: &[&'a Contacts],
    name: &str,
    departments: &[&str],
) -> Result<(&'a Contacts, &'a Contact)> {
    let (department, id) = match name.split_once('/') {
        Some((department, id)) => (Some(department), id),
        None => (None, name),
    };
    let found: Vec<(&Contacts, &Contact)> = contacts
        .iter()
        .filter(|c| department.is_none_or(|d| c.department == d))
        .filter_map(|c| c.contact(id).map(|contact| (*c, contact)))
        .collect();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => {
            let mut names: Vec<&str> = contacts
                .iter()
                .filter(|c| department.is_none_or(|d| c.department == d))
                .flat_map(|c| c.contacts.iter().map(|p| p.id.get_ref().as_str()))
                .collect();
            if department.is_none() {
                names.extend(departments);
            }
            let near = crate::suggest::did_you_mean(id, names.iter().copied())
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default();
            match department {
                Some(department) => {
                    anyhow::bail!("`{id}` is not a contact in contacts/{department}.toml{near}")
                }
                None => anyhow::bail!(
                    "`{name}` is neither a department in aplan.toml nor a contact in contacts/{near}"
                ),
            }
        }
        many => {
            let places: Vec<String> = many
                .iter()
                .take(5)
                .map(|(c, _)| format!("{}/{id}", c.department))
                .collect();
            let more = match many.len() {
                n if n > 5 => format!(" and {} more", n - 5),
                _ => String::new(),
            };
            anyhow::bail!(
                "`{id}` is a contact of {} departments; name one as department/id, such as {}{more}",
                many.len(),
                places.join(", ")
            )
        }
    }
}

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> Result<ExitStatus> {
    // Commands that need no repository.
    match &cli.command {
        Command::Explain { code } => return explain::run(code.as_deref()),
        Command::Completions { shell } => return completions::completions(*shell),
        Command::Man { out, force } => return completions::man(out.as_deref(), *force),
        Command::Schema { file } => return schema::run(*file),
        _ => {}
    }
    let context = Context::new(&cli.global)?;
    match cli.command {
        Command::Validate(args) => validate::run(&context, &args),
        Command::Themes(args) => themes::run(&context, &args),
        Command::Workload(args) => workload::run(&context, &args),
        Command::Priorities(args) => priorities::run(&context, &args),
        Command::Diff(args) => diff::run(&context, &args),
        Command::Export { format } => export::run(&context, format),
        Command::Init(args) => init::run(&context, &args),
        Command::Actions(args) => actions::run(&context, &args),
        Command::Update(args) => update::run(&context, &args),
        Command::Log(args) => log::run(&context, &args),
        Command::Digest(args) => digest::run(&context, &args),
        Command::Activity(args) => activity::run(&context, &args),
        Command::History(args) => history::run(&context, &args),
        Command::Forget(args) => forget::run(&context, &args),
        Command::New(args) => new::run(&context, &args),
        Command::Review(args) => review::run(&context, &args),
        Command::Import(args) => import::run(&context, &args),
        Command::Timeline(args) => timeline::run(&context, &args),
        Command::Render(args) => render::run(&context, &args),
        Command::Templates(args) => templates::run(&context, &args),
        Command::Site(args) => site::run(&context, &args),
        Command::Explain { .. }
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Schema { .. } => {
            unreachable!("handled above")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Not even `--force` writes documents into the top of the file system.
    #[test]
    fn the_top_of_the_file_system_is_never_an_output_folder() {
        let root = Path::new("/nonexistent-repository");
        for overwrite in [Overwrite::Refuse, Overwrite::Replace] {
            let error = check_out_folder(Path::new("/"), root, overwrite).unwrap_err();
            assert!(
                error.to_string().contains("top of the file system"),
                "{error}"
            );
        }
    }
}
