//! `aplan init`: a new plans repository, written only where nothing would be overwritten.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use chrono::Datelike;

use super::Context;
use crate::cli::InitArgs;
use crate::exit::ExitStatus;
use crate::scaffold::{self, Options};
use crate::write::{Overwrite, write_atomic};

pub fn run(context: &Context, args: &InitArgs) -> Result<ExitStatus> {
    let dir = clean(&context.absolute(args.dir.as_deref().unwrap_or(Path::new("."))));
    let options = Options {
        library: args.library.clone(),
        year: context.today.year(),
        aplan_repo: args
            .aplan_repo
            .as_deref()
            .map(scaffold::github_repository)
            .transpose()?,
        aplan_ref: scaffold::git_ref(
            &args.aplan_ref.clone().unwrap_or_else(scaffold::version_tag),
        )?,
        templates: args.templates,
    };
    let files = scaffold::files(&options);
    let existing: Vec<&str> = files
        .iter()
        .filter(|f| !f.append_lines && dir.join(&f.path).symlink_metadata().is_ok())
        .map(|f| f.path.as_str())
        .collect();
    if !existing.is_empty() {
        bail!(
            "{} already has {}; nothing was written",
            dir.display(),
            existing.join(", ")
        );
    }
    // What to write, worked out before anything is: an existing file to append to must
    // be read first, and one that cannot be read stops init with nothing written.
    let mut writes = Vec::with_capacity(files.len());
    for file in &files {
        let path = dir.join(&file.path);
        let (contents, note, overwrite) = match appended(&path, file)? {
            Appended::New => (file.contents.clone(), "", Overwrite::Refuse),
            Appended::With(text) => (text, " (aplan's lines appended)", Overwrite::Replace),
            Appended::Unchanged => continue,
        };
        writes.push((path, contents, overwrite, format!("{}{note}", file.path)));
    }
    for (path, contents, overwrite, _) in &writes {
        write_atomic(path, contents.as_bytes(), *overwrite)?;
    }
    if !context.quiet {
        let mut out = std::io::stdout().lock();
        writeln!(out, "Created a plans repository in {}:", dir.display())?;
        for (_, _, _, shown) in &writes {
            writeln!(out, "  {shown}")?;
        }
        writeln!(out, "\nNext: edit aplan.toml, then run `aplan validate`.")?;
    }
    Ok(ExitStatus::Success)
}

enum Appended {
    New,
    With(String),
    Unchanged,
}

/// For a file that takes appended lines and exists: its text with ours added, if it lacks
/// any.
fn appended(path: &Path, file: &scaffold::ScaffoldFile) -> Result<Appended> {
    if !file.append_lines || path.symlink_metadata().is_err() {
        return Ok(Appended::New);
    }
    if !path.is_file() {
        bail!("{} is not a file; nothing was written", path.display());
    }
    let existing = fs::read_to_string(path)
        .with_context(|| format!("cannot read {}; nothing was written", path.display()))?;
    Ok(
        match scaffold::append_missing_lines(&existing, &file.contents) {
            Some(text) => Appended::With(text),
            None => Appended::Unchanged,
        },
    )
}

/// `path` without `.` and with `..` taken back where it can be, as people write it.
fn clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
