//! One validated change to the plans repository, for every command that edits files:
//! take the repository's edit lock, load it once, change texts in memory, check the
//! changed files as the repository will read them, then write them all or none.
//!
//! Another edit waits for the lock, so two edits of one repository take turns and neither
//! loses the other's change; reading the repository only once the lock is held means an
//! edit always starts from what the one before it wrote.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::check;
use crate::repo::{CONFIG_FILE, Repository};
use crate::source::FileId;
use crate::workspace::{Workspace, describe_error, first_error};
use crate::write::{self, Change, EditLock};

/// A change being made: the repository as read under the lock, and the new texts.
#[derive(Debug)]
pub struct Transaction {
    loaded: Loaded,
    /// New texts by path relative to the root, in the order they were set.
    edits: Vec<(String, String)>,
    /// Where each path is in `edits`: an import sets a thousand plans' texts.
    positions: HashMap<String, usize>,
    _lock: EditLock,
}

/// The repository as read under the lock: as it is for an edit, or validated as a whole
/// for a command that reports on it first.
#[derive(Debug)]
enum Loaded {
    Repository(Box<Repository>),
    Workspace(Box<Workspace>),
}

impl Transaction {
    /// Waits for the repository's edit lock, then loads the repository.
    pub fn begin(root: &Path) -> Result<Transaction> {
        let lock = write::lock_for_edit(&root.join(CONFIG_FILE))?;
        let repo = Repository::load(root)?;
        if repo.config.is_none() {
            bail!("aplan.toml could not be read; run `aplan validate` to see why");
        }
        Ok(Transaction {
            loaded: Loaded::Repository(Box::new(repo)),
            edits: Vec::new(),
            positions: HashMap::new(),
            _lock: lock,
        })
    }

    /// As [`Transaction::begin`], for a command that reports on the whole repository and
    /// then records what it did (`digest --record`): the repository is read once, under
    /// the lock, and validated, so the report and the edit see the same files.
    pub fn begin_with_workspace(root: &Path) -> Result<Transaction> {
        let lock = write::lock_for_edit(&root.join(CONFIG_FILE))?;
        let workspace = Workspace::keeping_texts(Repository::load(root)?)?;
        Ok(Transaction {
            loaded: Loaded::Workspace(Box::new(workspace)),
            edits: Vec::new(),
            positions: HashMap::new(),
            _lock: lock,
        })
    }

    /// The repository as it was read, before any of this change.
    pub fn repo(&self) -> &Repository {
        match &self.loaded {
            Loaded::Repository(repo) => repo,
            Loaded::Workspace(workspace) => &workspace.repo,
        }
    }

    /// The validated repository, when the change began with
    /// [`Transaction::begin_with_workspace`].
    pub fn workspace(&self) -> Option<&Workspace> {
        match &self.loaded {
            Loaded::Repository(_) => None,
            Loaded::Workspace(workspace) => Some(workspace),
        }
    }

    /// Refuses to build on files that already have errors, naming the first of them that
    /// has one: `doing` says what would have been done, as in "so it cannot be updated".
    pub fn refuse_errors(&self, files: &[FileId], doing: &str) -> Result<()> {
        let repo = self.repo();
        let findings = check::validate_files(repo, files);
        for &file in files {
            if let Some(error) = first_error(&findings, file) {
                let path = repo.sources.get(file).path();
                bail!(
                    "{path} does not validate, {doing}: {}; run `aplan validate {path}`",
                    describe_error(&repo.sources, error)
                );
            }
        }
        Ok(())
    }

    /// Sets the new text of the file at `path` (relative to the root), a plan that exists
    /// or a new one.
    pub fn set(&mut self, path: String, text: String) {
        match self.positions.get(&path) {
            Some(&at) => self.edits[at].1 = text,
            None => {
                self.positions.insert(path.clone(), self.edits.len());
                self.edits.push((path, text));
            }
        }
    }

    /// The new text set for `path` in this change, if any.
    pub fn pending(&self, path: &str) -> Option<&str> {
        self.positions
            .get(path)
            .map(|&at| self.edits[at].1.as_str())
    }

    /// Checks every changed file as [`Transaction::commit`] does, and writes nothing: what
    /// a `--dry-run` reports.
    pub fn check(mut self, what: &str) -> Result<()> {
        self.validate(what)
    }

    /// Puts the edited texts in the repository and refuses the change when one of them
    /// would have an error.
    fn validate(&mut self, what: &str) -> Result<()> {
        let repo = match &mut self.loaded {
            Loaded::Repository(repo) => repo,
            Loaded::Workspace(workspace) => &mut workspace.repo,
        };
        let files = repo.replace_texts(&self.edits);
        let findings = check::validate_files(repo, &files);
        for (file, (path, _)) in files.iter().zip(&self.edits) {
            if let Some(error) = first_error(&findings, *file) {
                let hint = error
                    .hint
                    .as_ref()
                    .map(|h| format!("; {h}"))
                    .unwrap_or_default();
                bail!(
                    "{what} would make {path} invalid, so nothing was written: {}{hint}",
                    describe_error(&repo.sources, error)
                );
            }
        }
        Ok(())
    }

    /// Checks every changed file as the repository will read it, refusing the whole change
    /// when one would have an error (`what` names the change, as in "the update"); then
    /// writes every file, all or none. Returns the paths written, in the order set.
    pub fn commit(self, what: &str) -> Result<Vec<String>> {
        self.commit_with_fault(what, &mut |_, _| Ok(()))
    }

    /// [`Transaction::commit`] with `fault` called before each step of writing each file
    /// (by its index in the order set), so tests can fail a write part way through.
    pub(crate) fn commit_with_fault(
        mut self,
        what: &str,
        fault: &mut (dyn FnMut(usize, write::Step) -> std::io::Result<()> + Send),
    ) -> Result<Vec<String>> {
        let repo = self.repo();
        let before: Vec<Option<String>> = self
            .edits
            .iter()
            .map(|(path, _)| {
                let file = repo.file(path)?;
                repo.sources.get(file).text().map(str::to_owned)
            })
            .collect();
        self.validate(what)?;
        let root = &self.repo().root;
        let targets: Vec<PathBuf> = self.edits.iter().map(|(path, _)| root.join(path)).collect();
        let changes: Vec<Change<'_>> = self
            .edits
            .iter()
            .zip(&targets)
            .zip(&before)
            .map(|(((_, text), target), before)| Change {
                path: target,
                text: text.as_bytes(),
                before: before.as_deref().map(str::as_bytes),
            })
            .collect();
        write::write_change_in_steps(&changes, fault)?;
        Ok(self.edits.into_iter().map(|(path, _)| path).collect())
    }
}
