//! The only writer of the disk. Every file aplan writes goes through [`write_atomic`]: a
//! temporary file in the same folder, flushed to disk, then renamed over the target, so a
//! reader sees the old file or the new one and never half of either.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

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
    #[error("cannot write {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

/// Writes `contents` to `path` atomically, creating the folders above it.
pub fn write_atomic(path: &Path, contents: &[u8], overwrite: Overwrite) -> Result<(), WriteError> {
    let io_error = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    if overwrite == Overwrite::Refuse && fs::symlink_metadata(path).is_ok() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(io_error)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".aplan-").suffix(".tmp");
    if let Some(permissions) = permissions(path) {
        builder.permissions(permissions);
    }
    let mut temp = builder.tempfile_in(dir).map_err(io_error)?;
    temp.write_all(contents).map_err(io_error)?;
    temp.as_file().sync_all().map_err(io_error)?;
    match overwrite {
        Overwrite::Replace => temp
            .persist(path)
            .map(drop)
            .map_err(|e| io_error(e.error))?,
        Overwrite::Refuse => temp.persist_noclobber(path).map(drop).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                WriteError::Exists(path.to_path_buf())
            } else {
                io_error(e.error)
            }
        })?,
    }
    // Make the rename itself durable; not every platform can sync a folder.
    if let Ok(dir) = fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
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
