//! `aplan digest DEPT` and `aplan digest --all --out DIR`: what happened with a
//! department's plan since its Library Rep last heard, and with `--record` a `digest`
//! interaction logged for each digest written.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, anyhow, bail};

use super::Context;
use super::log::{unknown_department, unknown_kind};
use super::update::unknown_staff;
use crate::cli::{self, DigestArgs};
use crate::edit::Transaction;
use crate::edit::append_interaction::{NewInteraction, append_interaction};
use crate::emit::digest::{self as emit, DigestFormat};
use crate::exit::ExitStatus;
use crate::model::Config;
use crate::render::Renderer;
use crate::repo::Repository;
use crate::report::digest::{self, DIGEST_KIND, Digest, Request};
use crate::workspace::Workspace;
use crate::write::{Overwrite, Staged, write_atomic};

pub fn run(context: &Context, args: &DigestArgs) -> Result<ExitStatus> {
    if let Some(since) = args.since
        && since > context.today
    {
        bail!(
            "--since {since} is after today ({}): a digest tells what has already happened; give an earlier date",
            context.today
        );
    }
    let root = context.root()?;
    // Recording, the repository is read once under the edit lock, so the digest and the
    // interaction that records it see the same files.
    let transaction = if args.record {
        Some(Transaction::begin_with_workspace(&root)?)
    } else {
        None
    };
    let loaded;
    let workspace = match transaction.as_ref().and_then(Transaction::workspace) {
        Some(workspace) => workspace,
        None => {
            loaded = super::kept(Workspace::new(Repository::load(&root)?)?);
            &*loaded
        }
    };
    let config = workspace.config();
    if args.record && !config.crm.kinds.iter().any(|k| k == DIGEST_KIND) {
        bail!(
            "{}, so --record cannot log the digest; add `{DIGEST_KIND}` to [crm] kinds in aplan.toml",
            unknown_kind(config, DIGEST_KIND)
        );
    }
    if let Some(by) = &args.by
        && config.staff(by).is_none()
    {
        bail!("{}", unknown_staff(config, by));
    }
    let year = context.year(workspace, args.year)?;
    let departments = departments(config, args)?;
    let templates = super::render::template_set(context, &root, args.templates.as_deref())?;
    super::render::announce_overrides(context, &templates, |name| name.starts_with("digest."));
    let renderer = Renderer::new(templates)?;
    let format = format(args)?;
    let overwrite = if args.force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };

    let mut written: Vec<Digest> = Vec::new();
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for department in departments {
        let digest = digest::build(
            workspace,
            Request {
                department,
                year,
                since: args.since,
                today: context.today,
            },
        );
        if digest.rep.name.is_none() {
            context.warn(&format!(
                "{department} has no Library Rep in contacts/{department}.toml nor at its {year} meeting, so the digest is addressed to the Library Representative; add them to contacts/{department}.toml with role = \"library-rep\""
            ));
        }
        if digest.is_empty() && !args.always {
            let line = format!(
                "nothing to report for {department} {}: no action updates or interactions",
                digest.since_text
            );
            if args.all || args.output.is_some() {
                context.note(&line);
            } else {
                let mut out = std::io::stdout().lock();
                writeln!(out, "{line}")?;
                out.flush()?;
            }
            continue;
        }
        let bytes = emit::bytes(&digest, &renderer, format)?;
        let path = match (&args.out, &args.output) {
            (Some(dir), _) => Some(dir.join(format!("{department}.{}", format.extension()))),
            (None, Some(file)) => Some(context.absolute(file)),
            (None, None) => None,
        };
        match path {
            Some(path) => files.push((path, bytes)),
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(&bytes)?;
                out.flush()?;
            }
        }
        written.push(digest);
    }
    write_files(context, args, &root, files, overwrite)?;
    let year_today = config.process.year_starts.planning_year(context.today);
    if let Some(transaction) = transaction {
        record(context, args, year_today, transaction, &written)?;
    }
    Ok(ExitStatus::Success)
}

/// The department named, or with `--all` every department of aplan.toml, by id.
fn departments<'c>(config: &'c Config, args: &DigestArgs) -> Result<Vec<&'c str>> {
    if let Some(id) = &args.department {
        if config.department(id).is_none() {
            bail!("{}", unknown_department(config, id));
        }
        let department = config.department(id).expect("just checked");
        return Ok(vec![department.id.get_ref().as_str()]);
    }
    let mut all: Vec<&str> = config
        .departments
        .iter()
        .map(|d| d.id.get_ref().as_str())
        .collect();
    all.sort_unstable();
    all.dedup();
    Ok(all)
}

/// `--format`, else the `-o` file's extension, else Markdown.
fn format(args: &DigestArgs) -> Result<DigestFormat> {
    let asked = super::document_format(
        args.format,
        args.output.as_deref(),
        &[
            (cli::DigestFormat::Md, &["md", "markdown"]),
            (cli::DigestFormat::Html, &["html", "htm"]),
            (cli::DigestFormat::Eml, &["eml"]),
        ],
    )?;
    Ok(match asked {
        cli::DigestFormat::Md => DigestFormat::Markdown,
        cli::DigestFormat::Html => DigestFormat::Html,
        cli::DigestFormat::Eml => DigestFormat::Eml,
    })
}

/// Writes the digests to their files: `-o FILE`, or every one into `--out DIR` or none.
fn write_files(
    context: &Context,
    args: &DigestArgs,
    root: &std::path::Path,
    files: Vec<(PathBuf, Vec<u8>)>,
    overwrite: Overwrite,
) -> Result<()> {
    if let Some(dir) = &args.out {
        super::check_out_folder(dir, root, overwrite)?;
        super::refuse_existing(files.iter().map(|(p, _)| p.as_path()), overwrite)?;
        let mut staged = Staged::new(overwrite);
        staged.write(&files)?;
        staged.place()?;
        let count = files.len();
        context.note(&format!(
            "wrote {count} digest{} to {}",
            if count == 1 { "" } else { "s" },
            dir.display()
        ));
    } else {
        for (path, bytes) in &files {
            write_atomic(path, bytes, overwrite)?;
        }
    }
    Ok(())
}

/// Logs a `digest` interaction for each digest written, all in one validated edit, in the
/// interactions files of `year`, the planning year that includes today.
fn record(
    context: &Context,
    args: &DigestArgs,
    year: i64,
    mut transaction: Transaction,
    written: &[Digest],
) -> Result<()> {
    let mut logged = Vec::new();
    for digest in written {
        let department = &digest.department.id;
        let by = match (&args.by, &digest.librarian) {
            (Some(by), _) => by.clone(),
            (None, Some(librarian)) => librarian.id.clone(),
            (None, None) => bail!(
                "{department}'s liaison librarian is not a member of staff in aplan.toml, so say who sent the digest with --by ID"
            ),
        };
        let path = format!("interactions/{year}/{department}.toml");
        let repo = transaction.repo();
        let file = repo.file(&path);
        if let Some(file) = file {
            transaction.refuse_errors(&[file], "so the digest cannot be recorded")?;
        }
        let text = file
            .and_then(|f| repo.sources.get(f).text())
            .unwrap_or_default()
            .to_owned();
        let interaction = NewInteraction {
            date: context.today,
            kind: DIGEST_KIND.to_owned(),
            by: vec![by],
            with: digest.rep.contact.iter().cloned().collect(),
            summary: format!(
                "Sent the library update for {} to {} to {}",
                digest.from_text, digest.to_text, digest.rep.addressed
            ),
            detail: None,
            actions: Vec::new(),
            themes: Vec::new(),
            follow_up: None,
            private: false,
        };
        let edited = append_interaction(&text, &interaction)
            .map_err(|e| anyhow!("cannot edit {path}: {e}"))?;
        transaction.set(path.clone(), edited);
        logged.push(format!(
            "logged digest with {department} on {} ({path})",
            context.today
        ));
    }
    if logged.is_empty() {
        return Ok(());
    }
    transaction.commit("recording the digest")?;
    for line in logged {
        context.note(&line);
    }
    Ok(())
}
