//! `aplan validate`: every rule over the repository, reported in the chosen format.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use super::Context;
use crate::check::{self, baseline};
use crate::cli::{DiagnosticFormat, ValidateArgs};
use crate::diagnostic::Diagnostic;
use crate::emit::{self, Findings};
use crate::exit::ExitStatus;
use crate::repo::{CONFIG_FILE, Repository};

pub fn run(context: &Context, args: &ValidateArgs) -> Result<ExitStatus> {
    let root = context.root()?;
    let scopes = args
        .paths
        .iter()
        .map(|path| scope(&root, &context.absolute(path)))
        .collect::<Result<Vec<_>>>()?;
    let extra: Vec<String> = scopes
        .iter()
        .filter(|s| s.ends_with(".toml") && s.as_str() != CONFIG_FILE)
        .cloned()
        .collect();
    let repo = Repository::load_with(&root, &extra)?;
    if fs::symlink_metadata(root.join("plans")).is_err() {
        context.warn("there is no plans/ folder yet, so only aplan.toml was checked; plans live at plans/<year>/<department>.toml");
    }
    let in_scope = |path: &str| {
        scopes.is_empty()
            || path == CONFIG_FILE
            || scopes.iter().any(|s| {
                s.is_empty()
                    || path == s
                    || path
                        .strip_prefix(s.as_str())
                        .is_some_and(|r| r.starts_with('/'))
            })
    };
    let mut diagnostics: Vec<Diagnostic> = check::validate(&repo)
        .into_iter()
        .filter(|d| in_scope(repo.sources.get(d.file).path()))
        .collect();
    if let Some(revision) = &args.new_from_rev {
        let before = super::load_revision(&root, revision)?;
        let before_findings = before.as_ref().map(check::validate).unwrap_or_default();
        let empty = crate::source::Sources::default();
        let comparison = baseline::compare(
            baseline::Findings {
                sources: before.as_ref().map_or(&empty, |b| &b.sources),
                diagnostics: &before_findings,
            },
            baseline::Findings {
                sources: &repo.sources,
                diagnostics: &diagnostics,
            },
        );
        let already = diagnostics.len() - comparison.added.len();
        if already > 0 {
            let findings = if already == 1 { "finding" } else { "findings" };
            context.note(&format!(
                "note: {already} {findings} already at {revision} not shown"
            ));
        }
        diagnostics = comparison.added;
    }
    let (diagnostics, omitted) = emit::cap_per_file(diagnostics);
    let repo = super::kept(repo);
    let files = repo
        .sources
        .iter()
        .filter(|(_, f)| f.was_read() && in_scope(f.path()))
        .count();
    let findings = Findings {
        sources: &repo.sources,
        diagnostics: &diagnostics,
        files,
        omitted: &omitted,
    };

    let mut out = std::io::stdout().lock();
    match args.format {
        DiagnosticFormat::Human => {
            let style = emit::human::Style {
                color: context.color,
                quiet: context.quiet,
            };
            emit::human::write(&mut out, &findings, style)?;
        }
        DiagnosticFormat::Json => emit::json::write(&mut out, &findings)?,
        DiagnosticFormat::Github => emit::github::write(&mut out, &findings)?,
    }
    out.flush()?;

    let tally = findings.tally();
    Ok(
        if tally.errors > 0 || (args.deny_warnings && tally.warnings > 0) {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        },
    )
}

/// A path from the command line as a path relative to the root (`""` for the root itself).
fn scope(root: &Path, path: &Path) -> Result<String> {
    let canonical = path
        .canonicalize()
        .with_context(|| format!("cannot read {}", path.display()))?;
    let root = root
        .canonicalize()
        .with_context(|| format!("cannot read {}", root.display()))?;
    let Ok(relative) = canonical.strip_prefix(&root) else {
        bail!(
            "{} is outside the plans repository at {}",
            path.display(),
            root.display()
        );
    };
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(parts.join("/"))
}
