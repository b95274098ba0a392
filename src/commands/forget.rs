//! `aplan forget CONTACT --confirm`: erase a contact from every file of the repository, or
//! from none.

use std::io::Write;

use anyhow::{Result, anyhow};

use super::Context;
use crate::cli::ForgetArgs;
use crate::edit::Transaction;
use crate::edit::forget::{Erased, FileKind, Forgotten, erase};
use crate::exit::ExitStatus;
use crate::repo::Repository;

pub fn run(context: &Context, args: &ForgetArgs) -> Result<ExitStatus> {
    let mut transaction = Transaction::begin(&context.root()?)?;
    let erasure = erasure(transaction.repo(), &args.contact)?;

    let mut out = std::io::stdout().lock();
    if !args.confirm {
        writeln!(
            out,
            "forgetting {} ({}) would change:",
            erasure.subject, erasure.name
        )?;
        list(&mut out, &erasure)?;
        writeln!(
            out,
            "nothing was written; run `aplan forget {} --confirm` to make the change",
            args.contact
        )?;
        out.flush()?;
        return Ok(ExitStatus::Success);
    }
    for (path, erased) in &erasure.changes {
        transaction.set(path.clone(), erased.text.clone());
    }
    transaction.commit("forgetting the contact")?;
    if !context.quiet {
        writeln!(out, "forgot {}; changed:", erasure.subject)?;
        list(&mut out, &erasure)?;
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}

fn list(out: &mut dyn Write, erasure: &Erasure) -> std::io::Result<()> {
    for (path, erased) in &erasure.changes {
        writeln!(out, "  {path}: {}", erased.what.join("; "))?;
    }
    Ok(())
}

/// The erasure of one contact: who, and each file it changes, by path.
#[derive(Debug)]
struct Erasure {
    /// `history/dosei`.
    subject: String,
    name: String,
    changes: Vec<(String, Erased)>,
}

fn erasure(repo: &Repository, name: &str) -> Result<Erasure> {
    let Some(config) = repo.config.as_ref() else {
        anyhow::bail!("aplan.toml could not be read; run `aplan validate aplan.toml` to see why");
    };
    let departments: Vec<&str> = config
        .departments
        .iter()
        .map(|d| d.id.get_ref().as_str())
        .collect();
    let contacts: Vec<_> = repo.contacts.iter().collect();
    let (file, contact) = super::find_contact(&contacts, name, &departments)?;
    let who = Forgotten::new(&file.department, contact);
    let mut changes = Vec::new();
    for (_, source) in repo.sources.iter() {
        let Some(text) = source.text() else {
            continue;
        };
        let path = source.path();
        let kind = kind_of(path, who.department);
        let erased = erase(text, kind, &who).map_err(|e| anyhow!("cannot edit {path}: {e}"))?;
        if let Some(erased) = erased {
            changes.push((path.to_owned(), erased));
        }
    }
    changes.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Erasure {
        subject: format!("{}/{}", file.department, contact.id.get_ref()),
        name: contact.name.get_ref().clone(),
        changes,
    })
}

/// What the erasure does in a file: structural changes in the department's own files,
/// the name replaced everywhere.
fn kind_of(path: &str, department: &str) -> FileKind {
    let own = path
        .rsplit('/')
        .next()
        .and_then(|name| name.strip_suffix(".toml"))
        == Some(department);
    match path.split('/').next() {
        Some("contacts") if own => FileKind::Contacts,
        Some("interactions") if own => FileKind::Interactions,
        Some("plans") if own => FileKind::Plan,
        _ => FileKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::io;
    use std::path::Path;

    use super::*;
    use crate::write::Step;

    /// Lays a fixture over `to` with `cp`, as the repository's own code writes files only
    /// through the atomic writer.
    fn copy(from: &Path, to: &Path) {
        let status = std::process::Command::new("cp")
            .arg("-R")
            .arg(format!("{}/.", from.display()))
            .arg(to)
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Every file under `root`, by path, with its text.
    fn files(root: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let path = e.path().strip_prefix(root).unwrap().display().to_string();
                (path, fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        files.retain(|(path, _)| !path.starts_with(".aplan"));
        files
    }

    /// Fault injection: an erasure that fails while putting its second file in place
    /// leaves every file of the repository as it was, with nothing left behind.
    #[test]
    fn a_failure_half_way_leaves_every_file_as_it_was() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for failing in [Step::Write, Step::Rename] {
            let dir = tempfile::tempdir().unwrap();
            copy(&fixtures.join("base"), dir.path());
            copy(&fixtures.join("crm"), dir.path());
            let before = files(dir.path());
            let mut transaction = Transaction::begin(dir.path()).unwrap();
            let erasure = erasure(transaction.repo(), "ahead").unwrap();
            assert!(erasure.changes.len() >= 3, "{:?}", erasure.changes);
            for (path, erased) in &erasure.changes {
                transaction.set(path.clone(), erased.text.clone());
            }
            let mut fault = |i: usize, step: Step| {
                if i == 1 && step == failing {
                    Err(io::Error::new(io::ErrorKind::StorageFull, "injected"))
                } else {
                    Ok(())
                }
            };
            let result = transaction.commit_with_fault("forgetting the contact", &mut fault);
            assert!(result.is_err(), "failing at {failing:?}");
            assert_eq!(files(dir.path()), before, "failing at {failing:?}");
        }
    }
}
