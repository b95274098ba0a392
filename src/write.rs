//! The only writer of the disk. Every file aplan writes goes through [`write_atomic`] (or,
//! many at a time, [`Staged`]): a temporary file in the same folder, flushed to disk, then
//! renamed over the target, so a reader sees the old file or the new one and never half of
//! either.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// Whether an existing file may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Refuse, leaving the existing file as it is.
    Refuse,
    /// Replace it (the user asked with `--force`, or aplan is editing it in place).
    Replace,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{} already exists; use --force to overwrite it", .0.display())]
    Exists(PathBuf),
    #[error("cannot lock {} for editing: {source}", path.display())]
    Lock { path: PathBuf, source: io::Error },
    #[error("cannot write {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error(
        "{} is not a regular file (a device, a pipe or a folder), and aplan replaces only files; name a file to write",
        .0.display()
    )]
    NotAFile(PathBuf),
}

/// Writes `contents` to `path` atomically, creating the folders above it.
pub fn write_atomic(path: &Path, contents: &[u8], overwrite: Overwrite) -> Result<(), WriteError> {
    write_in_steps(path, contents, overwrite, &mut |_| Ok(()))
}

/// The steps of an atomic write, in order. Until [`Step::Rename`] succeeds the target is
/// untouched; after it, the target is the new file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    CreateFolder,
    CreateTemporary,
    /// Halfway through writing the contents, as when a disk fills up.
    Write,
    Sync,
    Rename,
    SyncFolder,
}

/// [`write_atomic`] with `fault` called before each step; an error it returns is taken as
/// that step failing, so tests can show what each failure leaves behind.
fn write_in_steps(
    path: &Path,
    contents: &[u8],
    overwrite: Overwrite,
    fault: &mut dyn FnMut(Step) -> io::Result<()>,
) -> Result<(), WriteError> {
    let dir = write_file(path, contents, overwrite, fault)?;
    // The new file is in place either way; the folder's flush makes the rename durable.
    if fault(Step::SyncFolder).is_ok() {
        sync_folder(&dir);
    }
    Ok(())
}

/// The paths that already exist, as anything (a file, a folder, a link), so that a write
/// that must not replace them can be refused before any file is written.
pub fn existing<'p>(paths: impl IntoIterator<Item = &'p Path>) -> Vec<&'p Path> {
    paths
        .into_iter()
        .filter(|path| fs::symlink_metadata(path).is_ok())
        .collect()
}

/// The first thing in `dir` that aplan would not have written there: anything but the
/// files `ours` accepts and aplan's own temporary files. `None` for an empty or missing
/// folder. Rendered documents and sites go only into such folders unless the user insists,
/// so a mistyped `--out` cannot scatter files among someone's own.
pub fn foreign_entry(dir: &Path, ours: impl Fn(&str) -> bool) -> Option<PathBuf> {
    let entries = fs::read_dir(dir).ok()?;
    let mut foreign: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            !(is_file && (ours(&name) || is_temporary(&name)))
        })
        .map(|entry| entry.path())
        .collect();
    foreign.sort();
    foreign.into_iter().next()
}

/// How old a temporary file of aplan's must be before a write to its folder removes it:
/// far longer than any write takes, so one still being written is never touched.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes the temporary files a write that was killed (`kill -9`, a power cut) left in
/// `dir`: only regular files named as aplan names them and older than [`STALE_AFTER`].
/// Each folder is looked at once per run.
fn remove_stale_temporaries(dir: &Path) {
    static CLEANED: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());
    if !lock(&CLEANED).insert(dir.to_path_buf()) {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let stale = entry.metadata().is_ok_and(|meta| {
            meta.is_file()
                && meta
                    .modified()
                    .is_ok_and(|at| at.elapsed().is_ok_and(|age| age > STALE_AFTER))
        });
        if stale && is_temporary(&entry.file_name().to_string_lossy()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A temporary file of aplan's, as [`prepare`] names them.
fn is_temporary(name: &str) -> bool {
    name.starts_with(".aplan-") && name.ends_with(".tmp")
}

/// How many files [`Staged::write`] writes at once.
const WRITERS: usize = 8;

/// Many files written a batch at a time and put in place together, for commands that write
/// more files than they should hold in memory at once (`site`, `render --out`). Each batch
/// is written and flushed to temporary files beside its targets as it comes, so its texts
/// can be let go; [`Staged::place`] then renames every file into place. Dropped before
/// that, as when a later batch cannot be made, it deletes its temporary files and the
/// folders it made for them, and no target has been touched.
#[derive(Debug)]
pub struct Staged {
    overwrite: Overwrite,
    files: Vec<(PathBuf, tempfile::TempPath)>,
    folders: BTreeSet<PathBuf>,
    /// Folders that did not exist before, to remove if nothing is placed.
    made: Vec<PathBuf>,
}

impl Staged {
    pub fn new(overwrite: Overwrite) -> Staged {
        Staged {
            overwrite,
            files: Vec::new(),
            folders: BTreeSet::new(),
            made: Vec::new(),
        }
    }

    /// Writes a batch to temporary files beside their targets. A few are written at once,
    /// so that a journalling file system commits their flushes to disk together rather
    /// than one after the other. On failure the first file of the batch that failed is
    /// reported.
    pub fn write<C: AsRef<[u8]> + Sync>(
        &mut self,
        files: &[(PathBuf, C)],
    ) -> Result<(), WriteError> {
        for (path, _) in files {
            let mut missing = path.parent();
            while let Some(dir) = missing.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
                if !self.made.iter().any(|made| made == dir) {
                    self.made.push(dir.to_path_buf());
                }
                missing = dir.parent();
            }
        }
        let overwrite = self.overwrite;
        let next = AtomicUsize::new(0);
        let done = Mutex::new(Vec::with_capacity(files.len()));
        std::thread::scope(|scope| {
            for _ in 0..WRITERS.min(files.len()) {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((path, contents)) = files.get(i) else {
                            break;
                        };
                        let prepared = prepare(path, contents.as_ref(), overwrite, &mut |_| Ok(()))
                            .map(|p| (p.dir, p.temp.into_temp_path()));
                        lock(&done).push((i, prepared));
                    }
                });
            }
        });
        let mut done = done.into_inner().unwrap_or_else(PoisonError::into_inner);
        done.sort_by_key(|(i, _)| *i);
        for (i, prepared) in done {
            let (dir, temp) = prepared?;
            self.folders.insert(dir);
            self.files.push((files[i].0.clone(), temp));
        }
        Ok(())
    }

    /// Renames every file written into place, in the order they were written, and flushes
    /// each folder once. On failure the file that failed is reported; those before it stay
    /// in place, and the temporary files of those after it are deleted.
    pub fn place(mut self) -> Result<(), WriteError> {
        self.made.clear();
        for (path, temp) in std::mem::take(&mut self.files) {
            let placed = match self.overwrite {
                Overwrite::Replace => temp.persist(&path),
                Overwrite::Refuse => temp.persist_noclobber(&path),
            };
            placed.map_err(|e| {
                if self.overwrite == Overwrite::Refuse
                    && e.error.kind() == io::ErrorKind::AlreadyExists
                {
                    WriteError::Exists(path.clone())
                } else {
                    io_error(&path, e.error)
                }
            })?;
        }
        for dir in &self.folders {
            sync_folder(dir);
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Deleting the temporary files first leaves the folders made for them empty.
        self.files.clear();
        self.made
            .sort_by_key(|dir| std::cmp::Reverse(dir.components().count()));
        for dir in &self.made {
            let _ = fs::remove_dir(dir);
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Writes a temporary file beside `path`, flushes it to disk and renames it over `path`;
/// returns the folder, whose own flush makes the rename durable.
fn write_file(
    path: &Path,
    contents: &[u8],
    overwrite: Overwrite,
    fault: &mut dyn FnMut(Step) -> io::Result<()>,
) -> Result<PathBuf, WriteError> {
    prepare(path, contents, overwrite, fault)?.place(overwrite, fault)
}

/// A new text for a file, written and flushed to a temporary file beside it, not yet in
/// place. Dropping it deletes the temporary file.
struct Prepared<'p> {
    path: &'p Path,
    dir: PathBuf,
    temp: tempfile::NamedTempFile,
}

fn prepare<'p>(
    path: &'p Path,
    contents: &[u8],
    overwrite: Overwrite,
    fault: &mut dyn FnMut(Step) -> io::Result<()>,
) -> Result<Prepared<'p>, WriteError> {
    let io_error = |source| io_error(path, source);
    match fs::symlink_metadata(path) {
        Ok(_) if overwrite == Overwrite::Refuse => {
            return Err(WriteError::Exists(path.to_path_buf()));
        }
        // A link is replaced, never followed; anything else but a file is left alone, so
        // `--force` cannot turn a device or a pipe into a file.
        Ok(meta) if !meta.is_file() && !meta.file_type().is_symlink() => {
            return Err(WriteError::NotAFile(path.to_path_buf()));
        }
        _ => {}
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fault(Step::CreateFolder).map_err(io_error)?;
    fs::create_dir_all(dir).map_err(io_error)?;
    remove_stale_temporaries(dir);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".aplan-").suffix(".tmp");
    if let Some(permissions) = permissions(path) {
        builder.permissions(permissions);
    }
    fault(Step::CreateTemporary).map_err(io_error)?;
    // Dropped on any error below, which deletes the temporary file.
    let mut temp = builder.tempfile_in(dir).map_err(io_error)?;
    let (first, rest) = contents.split_at(contents.len() / 2);
    temp.write_all(first).map_err(io_error)?;
    fault(Step::Write).map_err(io_error)?;
    temp.write_all(rest).map_err(io_error)?;
    fault(Step::Sync).map_err(io_error)?;
    temp.as_file().sync_all().map_err(io_error)?;
    Ok(Prepared {
        path,
        dir: dir.to_path_buf(),
        temp,
    })
}

impl Prepared<'_> {
    /// Renames the temporary file over the target; returns the folder, whose own flush
    /// makes the rename durable.
    fn place(
        self,
        overwrite: Overwrite,
        fault: &mut dyn FnMut(Step) -> io::Result<()>,
    ) -> Result<PathBuf, WriteError> {
        let path = self.path;
        fault(Step::Rename).map_err(|e| io_error(path, e))?;
        match overwrite {
            Overwrite::Replace => self
                .temp
                .persist(path)
                .map(drop)
                .map_err(|e| io_error(path, e.error))?,
            Overwrite::Refuse => self.temp.persist_noclobber(path).map(drop).map_err(|e| {
                if e.error.kind() == io::ErrorKind::AlreadyExists {
                    WriteError::Exists(path.to_path_buf())
                } else {
                    io_error(path, e.error)
                }
            })?,
        }
        Ok(self.dir)
    }
}

fn io_error(path: &Path, source: io::Error) -> WriteError {
    WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// One file of a change to several files: its new text, and its text before the change
/// (`None` for a file the change creates), to put back if the change cannot be completed.
#[derive(Debug, Clone, Copy)]
pub struct Change<'a> {
    pub path: &'a Path,
    pub text: &'a [u8],
    pub before: Option<&'a [u8]>,
}

/// Writes several files as one change, all or none: every new text is written and flushed
/// to a temporary file beside its target before any target is touched, so a failure while
/// writing (a full disk, a folder that cannot be written) changes nothing; then the
/// temporary files are renamed into place. Should a rename fail, the files already
/// replaced get their old texts back (and files the change created are removed), so the
/// repository is as it was. A new file is never written over one that appeared meanwhile.
pub fn write_change(changes: &[Change<'_>]) -> Result<(), WriteError> {
    write_change_in_steps(changes, &mut |_, _| Ok(()))
}

/// [`write_change`] with `fault` called before each step of each file (by its index).
pub(crate) fn write_change_in_steps(
    changes: &[Change<'_>],
    fault: &mut (dyn FnMut(usize, Step) -> io::Result<()> + Send),
) -> Result<(), WriteError> {
    let overwrite = |change: &Change<'_>| match change.before {
        Some(_) => Overwrite::Replace,
        None => Overwrite::Refuse,
    };
    let prepared = prepare_all(changes, &overwrite, fault)?;
    let mut folders = BTreeSet::new();
    for (i, (change, file)) in changes.iter().zip(prepared).enumerate() {
        match file.place(overwrite(change), &mut |step| fault(i, step)) {
            Ok(dir) => {
                folders.insert(dir);
            }
            Err(error) => {
                undo(&changes[..i]);
                return Err(error);
            }
        }
    }
    for dir in &folders {
        sync_folder(dir);
    }
    Ok(())
}

/// Writes and flushes every new text of a change to its temporary file, a few at a time
/// ([`WRITERS`]), so that the file system commits their flushes together rather than one
/// after the other. On failure the first file in order that failed is reported, and every
/// temporary file is deleted.
fn prepare_all<'c>(
    changes: &'c [Change<'c>],
    overwrite: &(dyn Fn(&Change<'_>) -> Overwrite + Sync),
    fault: &mut (dyn FnMut(usize, Step) -> io::Result<()> + Send),
) -> Result<Vec<Prepared<'c>>, WriteError> {
    let fault = Mutex::new(fault);
    let next = AtomicUsize::new(0);
    let done = Mutex::new(Vec::with_capacity(changes.len()));
    std::thread::scope(|scope| {
        for _ in 0..WRITERS.min(changes.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(change) = changes.get(i) else {
                        break;
                    };
                    let mut step = |step: Step| (lock(&fault))(i, step);
                    let prepared = prepare(change.path, change.text, overwrite(change), &mut step);
                    lock(&done).push((i, prepared));
                }
            });
        }
    });
    let mut done = done.into_inner().unwrap_or_else(PoisonError::into_inner);
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, prepared)| prepared).collect()
}

/// Puts back the files a change had already replaced or created.
fn undo(done: &[Change<'_>]) {
    for change in done.iter().rev() {
        let _ = match change.before {
            Some(before) => write_atomic(change.path, before, Overwrite::Replace),
            None => fs::remove_file(change.path).map_err(|e| io_error(change.path, e)),
        };
    }
}

/// Makes the renames in a folder durable; not every platform can sync a folder.
fn sync_folder(dir: &Path) {
    if let Ok(dir) = fs::File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// An exclusive lock on a file that aplan edits in place, held until it is dropped.
/// Two edits of one file take turns, so neither loses the other's change.
#[derive(Debug)]
pub struct EditLock {
    _file: fs::File,
}

/// Waits for and takes the edit lock on `path`. Read the file only once the lock is held.
pub fn lock_for_edit(path: &Path) -> Result<EditLock, WriteError> {
    let lock_error = |source| WriteError::Lock {
        path: path.to_path_buf(),
        source,
    };
    loop {
        let file = fs::File::open(path).map_err(lock_error)?;
        file.lock().map_err(lock_error)?;
        // The edit that held the lock before this one renamed a new file over `path`, so
        // this lock may be on the old file; then lock the new one instead.
        let locked = file.metadata().map_err(lock_error)?;
        let current = fs::metadata(path).map_err(lock_error)?;
        if same_file(&locked, &current) {
            return Ok(EditLock { _file: file });
        }
    }
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

/// Without inode numbers to compare, the file opened is taken to be the current one.
#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    true
}

/// A replaced file keeps its permissions; a new one gets what any program's new file gets
/// (read-write for all, less the umask), not the temporary file's owner-only mode, so a
/// rendered page can be served and a plan shared.
fn permissions(path: &Path) -> Option<fs::Permissions> {
    match fs::metadata(path) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => new_file_permissions(),
    }
}

#[cfg(unix)]
fn new_file_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_clobber_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/plan.toml");
        write_atomic(&path, b"one", Overwrite::Refuse).unwrap();
        let err = write_atomic(&path, b"two", Overwrite::Refuse).unwrap_err();
        assert!(matches!(err, WriteError::Exists(_)));
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"three", Overwrite::Replace).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
        // No temporary files are left behind.
        assert_eq!(fs::read_dir(dir.path().join("sub")).unwrap().count(), 1);
    }

    /// Writes `files` in batches of `batch` through [`Staged`], then places them.
    fn staged(
        files: &[(PathBuf, String)],
        batch: usize,
        overwrite: Overwrite,
    ) -> Result<(), WriteError> {
        let mut staged = Staged::new(overwrite);
        for chunk in files.chunks(batch) {
            staged.write(chunk)?;
        }
        staged.place()
    }

    #[test]
    fn many_files_are_written_and_the_first_failure_in_order_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<(PathBuf, String)> = (0..40)
            .map(|i| {
                (
                    dir.path().join(format!("out/{i:02}.html")),
                    format!("page {i}"),
                )
            })
            .collect();
        staged(&files, 7, Overwrite::Refuse).unwrap();
        for (path, text) in &files {
            assert_eq!(&fs::read_to_string(path).unwrap(), text);
        }
        assert_eq!(fs::read_dir(dir.path().join("out")).unwrap().count(), 40);
        // Every file exists now: the first of them is the one named.
        let err = staged(&files, 7, Overwrite::Refuse).unwrap_err();
        assert!(
            matches!(&err, WriteError::Exists(p) if p == &files[0].0),
            "{err}"
        );
        staged(&files[..3], 2, Overwrite::Replace).unwrap();
        assert_eq!(fs::read_dir(dir.path().join("out")).unwrap().count(), 40);
    }

    /// A batch that cannot be written, after earlier batches were, leaves no file in place
    /// and no temporary file behind.
    #[test]
    fn staged_files_are_placed_only_when_every_batch_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        // A file where a later batch needs a folder.
        fs::write(dir.path().join("blocked"), "").unwrap();
        let files: Vec<(PathBuf, String)> = vec![
            (out.join("a.html"), "a".to_owned()),
            (out.join("b.html"), "b".to_owned()),
            (dir.path().join("blocked/c.html"), "c".to_owned()),
        ];
        let mut staged = Staged::new(Overwrite::Refuse);
        staged.write(&files[..2]).unwrap();
        assert_eq!(
            fs::read_dir(&out).unwrap().count(),
            2,
            "two temporary files"
        );
        let err = staged.write(&files[2..]).unwrap_err();
        assert!(
            matches!(&err, WriteError::Io { path, .. } if path == &files[2].0),
            "{err}"
        );
        drop(staged);
        assert_eq!(fs::read_dir(&out).unwrap().count(), 0);
    }

    #[test]
    fn a_lock_follows_the_file_to_its_replacement() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        fs::write(&path, "one").unwrap();
        let first = lock_for_edit(&path).unwrap();
        write_atomic(&path, b"two", Overwrite::Replace).unwrap();
        drop(first);
        // The old file's lock is free, and the new file can be locked.
        let second = lock_for_edit(&path).unwrap();
        drop(second);
    }

    /// Fault injection: whichever step of the write fails, the old file is still there,
    /// whole, and no temporary file is left behind; only once the rename has happened is
    /// the new file in place.
    #[test]
    fn a_failure_at_any_step_leaves_the_old_file_intact() {
        let steps = [
            Step::CreateFolder,
            Step::CreateTemporary,
            Step::Write,
            Step::Sync,
            Step::Rename,
            Step::SyncFolder,
        ];
        for failing in steps {
            for overwrite in [Overwrite::Replace, Overwrite::Refuse] {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("plan.toml");
                let old = "department = \"history\"\n".repeat(1000);
                if overwrite == Overwrite::Replace {
                    fs::write(&path, &old).unwrap();
                }
                let new = "department = \"chemistry\"\n".repeat(1000);
                let mut fault = |step: Step| {
                    if step == failing {
                        Err(io::Error::new(io::ErrorKind::StorageFull, "injected"))
                    } else {
                        Ok(())
                    }
                };
                let result = write_in_steps(&path, new.as_bytes(), overwrite, &mut fault);
                let now = fs::read_to_string(&path).ok();
                let expected = match (failing, overwrite) {
                    (Step::SyncFolder, _) => Some(new.clone()),
                    (_, Overwrite::Replace) => Some(old.clone()),
                    (_, Overwrite::Refuse) => None,
                };
                assert_eq!(now, expected, "failing at {failing:?}, {overwrite:?}");
                assert_eq!(result.is_err(), failing != Step::SyncFolder, "{failing:?}");
                let names: Vec<_> = fs::read_dir(dir.path())
                    .unwrap()
                    .map(|e| e.unwrap().file_name())
                    .collect();
                let files = usize::from(expected.is_some());
                assert_eq!(names.len(), files, "left behind at {failing:?}: {names:?}");
            }
        }
    }

    /// Fault injection: a change to five files that fails at any step of the third file
    /// leaves all five as they were, with no temporary file behind.
    #[test]
    fn a_change_to_several_files_is_all_or_none() {
        let steps = [
            Step::CreateFolder,
            Step::CreateTemporary,
            Step::Write,
            Step::Sync,
            Step::Rename,
        ];
        for failing in steps {
            let dir = tempfile::tempdir().unwrap();
            let paths: Vec<PathBuf> = (0..5)
                .map(|i| dir.path().join(format!("{i}.toml")))
                .collect();
            let old: Vec<String> = (0..5).map(|i| format!("old {i}\n")).collect();
            // The last file is new: the change creates it.
            for (path, text) in paths.iter().zip(&old).take(4) {
                fs::write(path, text).unwrap();
            }
            let new: Vec<String> = (0..5).map(|i| format!("new {i}\n")).collect();
            let changes: Vec<Change<'_>> = (0..5)
                .map(|i| Change {
                    path: &paths[i],
                    text: new[i].as_bytes(),
                    before: (i < 4).then(|| old[i].as_bytes()),
                })
                .collect();
            let mut fault = |i: usize, step: Step| {
                if i == 2 && step == failing {
                    Err(io::Error::new(io::ErrorKind::StorageFull, "injected"))
                } else {
                    Ok(())
                }
            };
            assert!(write_change_in_steps(&changes, &mut fault).is_err());
            for (i, path) in paths.iter().enumerate() {
                let now = fs::read_to_string(path).ok();
                let expected = (i < 4).then(|| old[i].clone());
                assert_eq!(now, expected, "file {i} after a failure at {failing:?}");
            }
            assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 4, "{failing:?}");
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write_change(&[Change {
            path: &path,
            text: b"one",
            before: None,
        }])
        .unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one");
    }

    /// Regression: files were left owner-only (the temporary file's 0600), so a web server
    /// could not serve a rendered folder.
    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.html");
        write_atomic(&path, b"one", Overwrite::Refuse).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o044, 0o044, "{mode:o}");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"two", Overwrite::Replace).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "{mode:o}");
    }
}
