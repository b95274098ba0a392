//! `aplan render`: plans as meeting documents, to standard output, a file or a folder.

use std::collections::HashSet;
use std::io::{IsTerminal as _, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

use super::Context;
use crate::cli::{DocumentFormat, RenderArgs};
use crate::diagnostic::Severity;
use crate::exit::ExitStatus;
use crate::model::Plan;
use crate::render::templates::{Origin, TemplateSet, built_in};
use crate::render::{Format, Renderer};
use crate::repo::{self, Repository};
use crate::report::document;
use crate::workspace::{Workspace, describe_error};
use crate::write::{Overwrite, Staged, write_atomic};

pub fn run(context: &Context, args: &RenderArgs) -> Result<ExitStatus> {
    let format = format(args)?;
    if format == Format::Docx && args.output.is_none() && args.out.is_none() {
        refuse_word_on_a_terminal()?;
    }
    let root = context.root()?;
    let workspace = super::kept(Workspace::new(Repository::load(&root)?)?);
    let plans = select(context, &workspace, args)?;
    if let Some(as_of) = args.as_of {
        let start = workspace.config().process.year_starts;
        for plan in &plans {
            let year = *plan.year.get_ref();
            if let Some(first) = start.first_day(year)
                && as_of < first
            {
                bail!(
                    "--as-of {as_of} is before the {year} plan year starts ({first}), when \
                     {} did not exist yet; give a date from {first} on",
                    workspace.path(plan)
                );
            }
        }
    }
    if args.out.is_none() && plans.len() > 1 {
        bail!(
            "{} plans to render, and {} takes one; write them all with --out DIR",
            plans.len(),
            if args.output.is_some() {
                "-o"
            } else {
                "standard output"
            }
        );
    }
    let templates = template_set(context, &root, args.templates.as_deref())?;
    announce_overrides(context, &templates, used_by_documents);
    let renderer = Renderer::new(templates)?;
    let overwrite = if args.force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };

    if let Some(dir) = &args.out {
        super::check_out_folder(dir, &root, overwrite)?;
        let as_of = |plan: &Plan| document::as_of(plan, args.as_of, context.today);
        let progress = super::progress_bar(context, plans.len());
        let folder = Folder {
            dir,
            format,
            overwrite,
            progress: &progress,
        };
        write_folder(&workspace, &renderer, &plans, &folder, &as_of)?;
        progress.finish_and_clear();
        context.note(&format!(
            "wrote {} plan{} and index.{} to {}",
            plans.len(),
            if plans.len() == 1 { "" } else { "s" },
            format.extension(),
            dir.display()
        ));
    } else {
        let as_of = document::as_of(plans[0], args.as_of, context.today);
        let document = document::build(&workspace, plans[0], as_of);
        let bytes = renderer.plan_file(&document, format, as_of)?;
        match &args.output {
            Some(file) => write_atomic(file, &bytes, overwrite)?,
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(&bytes)?;
                out.flush()?;
            }
        }
    }
    Ok(ExitStatus::Success)
}

/// Where and how `--out DIR` writes, and the progress bar it moves.
struct Folder<'a> {
    dir: &'a Path,
    format: Format,
    overwrite: Overwrite,
    progress: &'a indicatif::ProgressBar,
}

/// `--out DIR`: each plan in a file of its own and an index of them, rendered a batch at a
/// time. Files already there are refused before anything is rendered, unless allowed.
fn write_folder(
    workspace: &Workspace,
    renderer: &Renderer,
    plans: &[&Plan],
    folder: &Folder<'_>,
    as_of: &(dyn Fn(&Plan) -> NaiveDate + Sync),
) -> Result<()> {
    let Folder {
        dir,
        format,
        overwrite,
        progress,
    } = *folder;
    // Paths stay as the user gave them (relative to the current folder), so messages name
    // them the same way.
    let files: Vec<(&Plan, String)> = plans
        .iter()
        .map(|plan| (*plan, file_name(workspace.path(plan), format)))
        .collect();
    let index_path = dir.join(format!("index.{}", format.extension()));
    let paths: Vec<PathBuf> = files.iter().map(|(_, name)| dir.join(name)).collect();
    let all = paths
        .iter()
        .map(PathBuf::as_path)
        .chain([index_path.as_path()]);
    super::refuse_existing(all, overwrite)?;
    drop(paths);
    let mut staged = Staged::new(overwrite);
    let entries = super::render_in_batches(&files, &mut staged, |(plan, name)| {
        let day = as_of(plan);
        let document = document::build(workspace, plan, day);
        let bytes = renderer.plan_file(&document, format, day)?;
        progress.inc(1);
        Ok((
            dir.join(name),
            bytes,
            document::index_entry(&document, name.clone()),
        ))
    })?;
    let index = document::index(&workspace.config().library.name, entries);
    staged.write(&[(index_path, renderer.index_file(index, format)?)])?;
    Ok(staged.place()?)
}

/// `--format`, else the `-o` file's extension, else Markdown.
fn format(args: &RenderArgs) -> Result<Format> {
    let asked = super::document_format(
        args.format,
        args.output.as_deref(),
        &[
            (DocumentFormat::Md, &["md", "markdown"]),
            (DocumentFormat::Html, &["html", "htm"]),
            (DocumentFormat::Docx, &["docx"]),
        ],
    )?;
    Ok(from_argument(asked))
}

fn from_argument(format: DocumentFormat) -> Format {
    match format {
        DocumentFormat::Md => Format::Markdown,
        DocumentFormat::Html => Format::Html,
        DocumentFormat::Docx => Format::Docx,
    }
}

/// A Word document is a zip file: on a terminal it would be noise.
fn refuse_word_on_a_terminal() -> Result<()> {
    if std::io::stdout().is_terminal() {
        bail!(
            "a Word document cannot be shown in the terminal; write it to a file with \
             -o plan.docx, or every plan of the year with --out DIR"
        );
    }
    Ok(())
}

/// The plans named on the command line, or every plan of the year. A plan with errors is
/// rendered only with `--force`, and said so in a warning.
fn select<'w>(
    context: &Context,
    workspace: &'w Workspace,
    args: &RenderArgs,
) -> Result<Vec<&'w Plan>> {
    if args.plans.is_empty() {
        let year = context.year(workspace, args.year)?;
        let mut plans = Vec::new();
        for plan in workspace
            .repo
            .plans
            .iter()
            .filter(|p| *p.year.get_ref() == year)
        {
            if workspace.is_valid(plan) {
                plans.push(plan);
            } else if args.force {
                context.warn(&with_errors(workspace, plan));
                plans.push(plan);
            }
        }
        let skipped = skipped(workspace, year, &plans);
        if !skipped.is_empty() {
            context.warn(&format!(
                "left out {} plan{} with errors ({}); run `aplan validate` to see them{}",
                skipped.len(),
                if skipped.len() == 1 { "" } else { "s" },
                skipped.join(", "),
                if args.force {
                    ""
                } else {
                    ", or render them anyway with --force"
                }
            ));
        }
        if plans.is_empty() {
            bail!("no plan for {year} can be rendered; run `aplan validate` to see why");
        }
        plans.sort_by_key(|p| workspace.path(p));
        return Ok(plans);
    }
    let root = context.root()?;
    let mut plans: Vec<&Plan> = Vec::new();
    let mut chosen = HashSet::new();
    for name in &args.plans {
        let name = plan_name(context, &root, name);
        let plan = match workspace.find_plan(&name) {
            Ok(plan) => plan,
            Err(not_found) => match workspace.unreadable_plan(&name) {
                Some((path, error)) => bail!(
                    "{path} has errors (first, {}), so it cannot be rendered, even with \
                     --force; run `aplan validate {path}` to see them all",
                    describe_error(&workspace.repo.sources, error)
                ),
                None => return Err(not_found),
            },
        };
        if !workspace.is_valid(plan) {
            if !args.force {
                bail!(
                    "{}; run `aplan validate` to see them all, or render it anyway with --force",
                    with_errors(workspace, plan)
                );
            }
            context.warn(&with_errors(workspace, plan));
        }
        if chosen.insert(plan.file) {
            plans.push(plan);
        }
    }
    Ok(plans)
}

/// `plans/2017/x.toml has errors (line 3: …)`.
fn with_errors(workspace: &Workspace, plan: &Plan) -> String {
    let path = workspace.path(plan);
    let message = match workspace.first_error(plan) {
        Some(error) => {
            let file = workspace.repo.sources.get(error.file);
            let at = error
                .span
                .as_ref()
                .map(|span| format!("line {}: ", file.location(span.start).line))
                .unwrap_or_default();
            format!("{path} has errors (first, {at}{})", error.message)
        }
        None => format!("{path} has errors"),
    };
    crate::sanitize::terminal(&message).into_owned()
}

/// Plan files of `year` left out: those with errors that are not being rendered, including
/// files that could not be read as a plan at all.
fn skipped<'w>(workspace: &'w Workspace, year: i64, rendered: &[&Plan]) -> Vec<&'w str> {
    let folder = format!("plans/{year}/");
    let rendered: HashSet<&str> = rendered.iter().map(|p| workspace.path(p)).collect();
    let mut paths: Vec<&str> = workspace
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| workspace.repo.sources.get(d.file).path())
        .filter(|path| path.starts_with(&folder) && !rendered.contains(path))
        .collect();
    paths.sort_unstable();
    paths.dedup();
    paths
}

/// A PLAN argument as `find_plan` takes it: a file that exists becomes its path from the
/// repository's root, so paths work from any folder; anything else is a reference.
fn plan_name(context: &Context, root: &Path, name: &str) -> String {
    let path = context.absolute(Path::new(name));
    let relative = path
        .canonicalize()
        .ok()
        .zip(root.canonicalize().ok())
        .and_then(|(path, root)| {
            let rel = path.strip_prefix(&root).ok()?;
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            Some(parts.join("/"))
        });
    match relative {
        Some(rel) if path.is_file() => rel,
        _ => name.to_owned(),
    }
}

/// `<year>-<department>.<ext>`, from the plan's file path, so a plan rendered with
/// `--force` cannot name a file outside the folder whatever its `department` says.
fn file_name(plan_path: &str, format: Format) -> String {
    let mut parts = plan_path.rsplit('/');
    let stem = parts.next().unwrap_or_default().trim_end_matches(".toml");
    let year = parts.next().unwrap_or_default();
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    };
    format!("{}-{}.{}", safe(year), safe(stem), format.extension())
}

/// Says on stderr, once, which templates in use (those `used` names) come from a folder
/// and differ from the built-in ones, so whoever runs aplan on a pull request knows the
/// documents are not the built-in ones.
pub(super) fn announce_overrides(
    context: &Context,
    templates: &TemplateSet,
    used: fn(&str) -> bool,
) {
    for template in templates.iter().filter(|t| used(&t.name)) {
        let Origin::File(path) = &template.origin else {
            continue;
        };
        let message = match built_in(&template.name) {
            Some(text) if text == template.source => continue,
            Some(_) => format!("using {path} instead of the built-in template"),
            None => format!("using {path}, which the built-in templates do not have"),
        };
        context.note(&format!("note: {message}"));
    }
}

/// Whether a document of `render` or `site` may use the template.
pub(super) fn used_by_documents(name: &str) -> bool {
    name != "draft.toml"
}

/// The built-in templates with the override folder laid over them: `--templates DIR`, or
/// the repository's `templates/` when it has one.
pub(super) fn template_set(
    context: &Context,
    root: &Path,
    asked: Option<&Path>,
) -> Result<TemplateSet> {
    let (dir, shown) = match asked {
        Some(dir) => (context.absolute(dir), dir.to_path_buf()),
        None => match repo::template_folder(root)? {
            Some(dir) => (dir, PathBuf::from("templates")),
            None => return Ok(TemplateSet::new(Vec::new())),
        },
    };
    let files = repo::read_template_folder(&dir)
        .with_context(|| format!("cannot read the templates in {}", shown.display()))?;
    let overrides = files
        .into_iter()
        .map(|(name, text)| {
            let path = shown.join(&name).display().to_string();
            (name, path, text)
        })
        .collect();
    Ok(TemplateSet::new(overrides))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_come_from_the_plan_file() {
        assert_eq!(
            file_name("plans/2017/history.toml", Format::Html),
            "2017-history.html"
        );
        assert_eq!(
            file_name("plans/2017/computer-science.toml", Format::Markdown),
            "2017-computer-science.md"
        );
        assert_eq!(
            file_name("plans/2017/a b.toml", Format::Markdown),
            "2017-a-b.md"
        );
    }
}
