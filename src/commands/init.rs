//! `aplan init`: a new plans repository, written only where nothing would be overwritten.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;
use crate::cli::InitArgs;
use crate::exit::ExitStatus;
use crate::model::YearStart;
use crate::scaffold::{self, Options};
use crate::write::{Overwrite, write_atomic};

pub fn run(context: &Context, args: &InitArgs) -> Result<ExitStatus> {
    let dir = context.absolute(args.dir.as_deref().unwrap_or(".".as_ref()));
    let files = scaffold::files(&Options {
        library: args.library.clone(),
        // The example plan belongs to the planning year under way, as `aplan.toml` sets it.
        year: YearStart::default().planning_year(context.today),
        aplan_repo: args.aplan_repo.clone(),
        templates: args.templates,
    });
    let existing: Vec<&str> = files
        .iter()
        .filter(|f| dir.join(&f.path).symlink_metadata().is_ok())
        .map(|f| f.path.as_str())
        .collect();
    if !existing.is_empty() {
        bail!(
            "{} already has {}; nothing was written",
            dir.display(),
            existing.join(", ")
        );
    }
    for file in &files {
        write_atomic(
            &dir.join(&file.path),
            file.contents.as_bytes(),
            Overwrite::Refuse,
        )?;
    }
    if !context.quiet {
        let mut out = std::io::stdout().lock();
        writeln!(out, "Created a plans repository in {}:", dir.display())?;
        for file in &files {
            writeln!(out, "  {}", file.path)?;
        }
        writeln!(out, "\nNext: edit aplan.toml, then run `aplan validate`.")?;
    }
    Ok(ExitStatus::Success)
}
