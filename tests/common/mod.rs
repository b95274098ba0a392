//! Shared helpers for the integration tests: fixture repositories in temporary folders and
//! the real `aplan` binary run on them.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The date every test runs on, so output never depends on the clock.
pub const TODAY: &str = "2017-04-01";

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The `aplan` binary with a fixed date and no colour, run in `dir`.
pub fn aplan(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("aplan").expect("the aplan binary is built");
    cmd.current_dir(dir)
        .env("APLAN_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env_remove("APLAN_USER");
    cmd
}

/// A copy of the clean base repository with `overlay`'s files laid over it.
pub fn repo_with(overlay: Option<&Path>) -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_tree(&fixtures().join("base"), dir.path());
    if let Some(overlay) = overlay {
        copy_tree(overlay, dir.path());
    }
    dir
}

/// Copies a folder, keeping symbolic links as links; `expected.txt` files are test data,
/// not repository content.
pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    let mut entries: Vec<_> = fs::read_dir(from).unwrap().map(Result::unwrap).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let target = to.join(entry.file_name());
        let kind = entry.file_type().unwrap();
        if entry.file_name() == "expected.txt" {
            continue;
        } else if kind.is_symlink() {
            let link = fs::read_link(entry.path()).unwrap();
            let _ = fs::remove_file(&target);
            std::os::unix::fs::symlink(link, &target).unwrap();
        } else if kind.is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// `aplan validate --format json` on `dir`: the exit code and the parsed output.
pub fn validate_json(dir: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let output = aplan(dir)
        .args(["validate", "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let code = output.status.code().expect("aplan exited normally");
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "validate printed no JSON ({e}):\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (code, json)
}

/// Each finding as `code file:line:col` (or `code file` when it has no position).
pub fn findings(json: &serde_json::Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .expect("a diagnostics list")
        .iter()
        .map(|d| {
            let code = d["code"].as_str().unwrap();
            let file = d["file"].as_str().unwrap();
            match (d["line"].as_u64(), d["column"].as_u64()) {
                (Some(line), Some(col)) => format!("{code} {file}:{line}:{col}"),
                _ => format!("{code} {file}"),
            }
        })
        .collect()
}
