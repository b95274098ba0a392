//! Every call to the `git` command, in one place: resolving a revision and reading the
//! repository's files as they were at it. Git is there wherever pull requests are, so
//! aplan runs the command rather than linking a Git library.
//!
//! A revision's files are listed with one `git ls-tree` and read with one
//! `git cat-file --batch`, however many plans there are.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Why Git could not give what was asked.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("the `git` command could not be run ({0}); install Git to compare with a revision")]
    NotInstalled(io::Error),
    #[error(
        "{} is not inside a Git repository, so there is no revision to compare with; run this in a clone of the plans repository",
        .0.display()
    )]
    NotARepository(PathBuf),
    #[error(
        "`{0}` is not a revision of this repository; name a commit, branch or tag, such as HEAD or origin/main"
    )]
    UnknownRevision(String),
    #[error(
        "`{0}` is not in this clone, which is shallow (it holds only the latest commits); fetch it: `git fetch --deepen=100` (or `git fetch origin <branch>`), or in GitHub Actions give actions/checkout `fetch-depth: 0`"
    )]
    ShallowMissing(String),
    #[error("this Git repository has no commits yet, so `{0}` names nothing; commit first")]
    NoCommits(String),
    #[error("`git {command}` failed: {message}")]
    Failed { command: String, message: String },
    #[error("cannot talk to `git`: {0}")]
    Io(#[from] io::Error),
}

/// A Git working tree, seen from a folder inside it.
#[derive(Debug, Clone)]
pub struct Git {
    /// The folder Git runs in: the plans repository's root.
    dir: PathBuf,
    /// Where that folder lies in the Git repository, such as `plans-repo/`, or empty.
    prefix: String,
}

/// A file of a revision: its path relative to the folder [`Git`] was opened in, and its
/// bytes, or the size of a file too large to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionFile {
    pub path: String,
    pub contents: Contents,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    Bytes(Vec<u8>),
    /// A file larger than the limit asked for: not read.
    TooLarge(u64),
    /// A symbolic link: its target is not followed.
    Link,
}

impl Git {
    /// The Git working tree that holds `dir`.
    pub fn open(dir: &Path) -> Result<Git, GitError> {
        let git = Git {
            dir: dir.to_path_buf(),
            prefix: String::new(),
        };
        let inside = git.output(&["rev-parse", "--is-inside-work-tree"]);
        match inside {
            Ok(out) if out.trim() == "true" => {}
            Ok(_) | Err(GitError::Failed { .. }) => {
                return Err(GitError::NotARepository(dir.to_path_buf()));
            }
            Err(other) => return Err(other),
        }
        let prefix = git.output(&["rev-parse", "--show-prefix"])?;
        Ok(Git {
            prefix: prefix.trim_end_matches(['\n', '\r']).to_owned(),
            ..git
        })
    }

    /// The commit a revision names, as its full id; a clear error for a name that is not
    /// a revision, or one a shallow clone does not hold.
    pub fn resolve(&self, revision: &str) -> Result<String, GitError> {
        if revision.starts_with('-') || revision.is_empty() {
            return Err(GitError::UnknownRevision(revision.to_owned()));
        }
        let wanted = format!("{revision}^{{commit}}");
        match self.output(&[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &wanted,
        ]) {
            Ok(id) => Ok(id.trim().to_owned()),
            Err(GitError::Failed { .. }) => {
                let no_commits = self
                    .output(&["rev-list", "-n", "1", "--all"])
                    .is_ok_and(|out| out.trim().is_empty());
                if no_commits {
                    return Err(GitError::NoCommits(revision.to_owned()));
                }
                let shallow = self.output(&["rev-parse", "--is-shallow-repository"])?;
                if shallow.trim() == "true" {
                    Err(GitError::ShallowMissing(revision.to_owned()))
                } else {
                    Err(GitError::UnknownRevision(revision.to_owned()))
                }
            }
            Err(other) => Err(other),
        }
    }

    /// The files under `paths` (relative to the folder Git was opened in; a folder ends
    /// in `/`) at `commit`, sorted by path. Files larger than `max_size` are not read.
    pub fn files_at(
        &self,
        commit: &str,
        paths: &[&str],
        max_size: u64,
    ) -> Result<Vec<RevisionFile>, GitError> {
        let mut args = vec!["ls-tree", "-r", "-z", "-l", "--full-tree", commit, "--"];
        let wanted: Vec<String> = paths
            .iter()
            .map(|p| format!("{}{p}", self.prefix))
            .collect();
        args.extend(wanted.iter().map(String::as_str));
        let listing = self.output(&args)?;
        let mut files = Vec::new();
        let mut to_read = Vec::new();
        for entry in listing.split('\0').filter(|e| !e.is_empty()) {
            let Some(entry) = TreeEntry::parse(entry) else {
                continue;
            };
            let Some(path) = entry.path.strip_prefix(&self.prefix) else {
                continue;
            };
            let contents = match (entry.mode, entry.kind) {
                ("120000", _) => Contents::Link,
                (_, "blob") if entry.size > max_size => Contents::TooLarge(entry.size),
                (_, "blob") => {
                    to_read.push((files.len(), entry.object.to_owned()));
                    Contents::Bytes(Vec::new())
                }
                // A submodule: not a file of this repository.
                _ => continue,
            };
            files.push(RevisionFile {
                path: path.to_owned(),
                contents,
            });
        }
        let objects: Vec<&str> = to_read.iter().map(|(_, id)| id.as_str()).collect();
        for ((at, _), bytes) in to_read.iter().zip(self.read_blobs(&objects)?) {
            files[*at].contents = Contents::Bytes(bytes);
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }

    /// The contents of each object, in order, from one `git cat-file --batch`.
    fn read_blobs(&self, objects: &[&str]) -> Result<Vec<Vec<u8>>, GitError> {
        if objects.is_empty() {
            return Ok(Vec::new());
        }
        let mut child = self
            .command(&["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(GitError::NotInstalled)?;
        let mut stdin = child.stdin.take().expect("stdin is piped");
        let request: String = objects.iter().map(|id| format!("{id}\n")).collect();
        // Written from another thread: git answers while it reads, and a full pipe either
        // way would otherwise stop both.
        let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut blobs = Vec::with_capacity(objects.len());
        for id in objects {
            let mut header = String::new();
            stdout.read_line(&mut header)?;
            let size = match header.split(' ').collect::<Vec<_>>()[..] {
                [_, "blob", size] => size.trim().parse::<usize>().ok(),
                _ => None,
            };
            let Some(size) = size else {
                let _ = child.kill();
                let _ = child.wait();
                return Err(GitError::Failed {
                    command: "cat-file --batch".to_owned(),
                    message: format!("object {id} could not be read: {}", header.trim()),
                });
            };
            let mut bytes = vec![0; size + 1];
            stdout.read_exact(&mut bytes)?;
            bytes.pop();
            blobs.push(bytes);
        }
        writer
            .join()
            .map_err(|_| io::Error::other("writing to git failed"))??;
        drop(stdout);
        let status = child.wait()?;
        if !status.success() {
            let mut message = String::new();
            if let Some(mut stderr) = child.stderr.take() {
                let _ = stderr.read_to_string(&mut message);
            }
            return Err(GitError::Failed {
                command: "cat-file --batch".to_owned(),
                message: message.trim().to_owned(),
            });
        }
        Ok(blobs)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new("git");
        // Git's messages in English whatever the machine's language, so they can be told
        // apart; no pager, no prompts.
        command
            .current_dir(&self.dir)
            .args(["-c", "core.quotepath=off"])
            .args(args)
            .env("LC_ALL", "C")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .stdin(Stdio::null());
        command
    }

    /// What a git command prints, or why it failed.
    fn output(&self, args: &[&str]) -> Result<String, GitError> {
        let output = self
            .command(args)
            .output()
            .map_err(GitError::NotInstalled)?;
        if !output.status.success() {
            return Err(GitError::Failed {
                command: args.join(" "),
                message: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
            });
        }
        String::from_utf8(output.stdout).map_err(|_| GitError::Failed {
            command: args.join(" "),
            message: "git printed something that is not UTF-8".to_owned(),
        })
    }
}

/// One entry of `git ls-tree -l -z`: `<mode> <type> <object> <size>\t<path>`.
#[derive(Debug)]
struct TreeEntry<'a> {
    mode: &'a str,
    kind: &'a str,
    object: &'a str,
    size: u64,
    path: &'a str,
}

impl<'a> TreeEntry<'a> {
    fn parse(entry: &'a str) -> Option<TreeEntry<'a>> {
        let (meta, path) = entry.split_once('\t')?;
        let mut parts = meta.split_ascii_whitespace();
        Some(TreeEntry {
            mode: parts.next()?,
            kind: parts.next()?,
            object: parts.next()?,
            size: parts.next()?.parse().unwrap_or(0),
            path,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_entries_keep_tabs_and_spaces_in_paths() {
        let entry = TreeEntry::parse(
            "100644 blob 3b18e512dba79e4c8300dd08aeb37f8e728b8dad      12\tplans/2017/a b.toml",
        )
        .unwrap();
        assert_eq!(entry.mode, "100644");
        assert_eq!(entry.kind, "blob");
        assert_eq!(entry.size, 12);
        assert_eq!(entry.path, "plans/2017/a b.toml");
        let link = TreeEntry::parse(
            "160000 commit 3b18e512dba79e4c8300dd08aeb37f8e728b8dad       -\tplans/sub",
        )
        .unwrap();
        assert_eq!((link.kind, link.size), ("commit", 0));
    }
}
