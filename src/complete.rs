//! What a TAB press offers: the repository's staff, departments, themes, initiatives,
//! interaction kinds and a department's contacts, its plan and action references, the
//! action statuses and the finding codes.
//!
//! The shells ask through clap_complete's protocol: the script `aplan completions SHELL`
//! prints runs `COMPLETE=<shell> aplan -- <the words typed>`, and aplan answers with the
//! candidates instead of running a command. The functions here are attached to the
//! arguments in [`crate::cli`]. Each reads only what it needs through [`crate::repo`]:
//! `aplan.toml` for people, departments and themes, the names under `plans/` for plan
//! references, one plan for its actions, one contacts file for a department's people. A
//! repository that is missing or broken gives no candidates and no message, so a TAB press
//! never prints an error into the command line.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::engine::{CompletionCandidate, PathCompleter, ValueCompleter};

use crate::cli::Cli;
use crate::diagnostic::Code;
use crate::model::decode::Keyword;
use crate::model::{ActionStatus, Config};
use crate::repo;

/// The environment variable a shell sets to ask aplan for completions.
pub const SHELL_VARIABLE: &str = "COMPLETE";

/// Staff ids from `aplan.toml`, each with the person's name.
pub fn staff() -> Vec<CompletionCandidate> {
    from_settings(|config| {
        config
            .staff
            .iter()
            .map(|s| candidate(s.id.get_ref(), &s.name))
            .collect()
    })
}

/// Department ids from `aplan.toml`, each with the department's name.
pub fn departments() -> Vec<CompletionCandidate> {
    from_settings(|config| {
        config
            .departments
            .iter()
            .map(|d| candidate(d.id.get_ref(), &d.name))
            .collect()
    })
}

/// Theme ids from `aplan.toml`, each with its title.
pub fn themes() -> Vec<CompletionCandidate> {
    from_settings(|config| {
        config
            .themes
            .iter()
            .map(|t| candidate(t.id.get_ref(), &t.title))
            .collect()
    })
}

/// Shared initiatives' ids from `aplan.toml`, each with its title.
pub fn initiatives() -> Vec<CompletionCandidate> {
    from_settings(|config| {
        config
            .initiatives
            .iter()
            .map(|i| candidate(i.id.get_ref(), &i.title))
            .collect()
    })
}

/// The kinds of interaction: `[crm] kinds` of `aplan.toml`, or the default ones.
pub fn kinds() -> Vec<CompletionCandidate> {
    from_settings(|config| {
        config
            .crm
            .kinds
            .iter()
            .map(CompletionCandidate::new)
            .collect()
    })
}

/// The contact ids of the department `aplan log DEPT` names on the line, from
/// `contacts/<department>.toml`, each with the person's name.
pub fn contacts() -> Vec<CompletionCandidate> {
    let Some(root) = root() else {
        return Vec::new();
    };
    let department = Cli::command()
        .ignore_errors(true)
        .try_get_matches_from(typed_words())
        .ok()
        .and_then(|line| {
            let log = line.subcommand_matches("log")?;
            log.get_one::<String>("department").cloned()
        });
    department
        .and_then(|department| repo::read_contacts(&root, &department))
        .map(|contacts| {
            contacts
                .contacts
                .iter()
                .map(|c| candidate(c.id.get_ref(), c.name.get_ref()))
                .collect()
        })
        .unwrap_or_default()
}

/// The statuses an action can have.
pub fn action_statuses() -> Vec<CompletionCandidate> {
    ActionStatus::ALL
        .iter()
        .map(|(word, status)| candidate(word, status.label()))
        .collect()
}

/// Every finding code, with its one-line summary.
pub fn codes() -> Vec<CompletionCandidate> {
    Code::ALL
        .iter()
        .map(|code| candidate(code.name(), code.summary()))
        .collect()
}

/// Plan references (`history/2017`) that start with what was typed, or file paths when
/// what was typed is a path (`plans/2017/…`, `./…`).
pub fn plans(typed: &OsStr) -> Vec<CompletionCandidate> {
    references(typed, Reference::Plan)
}

/// Action references (`history/2017/year1-lists`) that start with what was typed, each
/// with the action's title.
pub fn actions(typed: &OsStr) -> Vec<CompletionCandidate> {
    references(typed, Reference::Action)
}

fn candidate(value: &str, help: &str) -> CompletionCandidate {
    CompletionCandidate::new(value).help(Some(help.to_owned().into()))
}

/// What `offer` makes of the repository's settings; nothing without them.
fn from_settings(
    offer: impl FnOnce(&Config) -> Vec<CompletionCandidate>,
) -> Vec<CompletionCandidate> {
    root()
        .and_then(|root| repo::read_config(&root))
        .map(|config| offer(&config))
        .unwrap_or_default()
}

/// The repository the command line is about: its `--root DIR`, else the nearest folder at
/// or above the current one that has an `aplan.toml`.
fn root() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    match root_option(&typed_words()) {
        Some(dir) => Some(cwd.join(dir)),
        None => repo::find_root(&cwd).ok(),
    }
}

/// The words typed on the line being completed, `aplan` first: what the shell passes after
/// `--` when it asks for completions.
fn typed_words() -> Vec<OsString> {
    std::env::args_os()
        .skip_while(|a| a != "--")
        .skip(1)
        .collect()
}

/// The value of the last `--root` among the words typed, as clap would take it, with a
/// leading `~/` read as the home folder (the shell has not expanded it yet).
fn root_option(words: &[OsString]) -> Option<PathBuf> {
    let mut found = None;
    let mut words = words.iter().map(|w| w.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--root" {
            found = words.next().map(|w| w.into_owned());
        } else if let Some(value) = word.strip_prefix("--root=") {
            found = Some(value.to_owned());
        }
    }
    let dir = found.filter(|d| !d.is_empty())?;
    match (dir.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Some(Path::new(&home).join(rest)),
        _ => Some(PathBuf::from(dir)),
    }
}

/// The kinds of reference: a plan's two parts, `department/year`, and an action's three,
/// `department/year/id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reference {
    Plan = 2,
    Action = 3,
}

/// One part of a reference that may follow what was typed, with what it names.
#[derive(Debug)]
struct Part {
    name: String,
    help: Option<String>,
}

/// The references of `kind` that start with `typed`, one part at a time: departments that
/// have plans (`history/`), then a department's plan years, newest first
/// (`history/2017/`), then a plan's actions. Where only one part fits, the next are
/// offered straight away, so a TAB goes as far as the repository allows.
fn references(typed: &OsStr, kind: Reference) -> Vec<CompletionCandidate> {
    let Some(typed) = typed.to_str() else {
        return Vec::new();
    };
    let Some(root) = root() else {
        return Vec::new();
    };
    let names = repo::plan_names(&root);
    let (mut parts, last): (Vec<String>, &str) = match typed.rsplit_once('/') {
        Some((before, last)) => (before.split('/').map(str::to_owned).collect(), last),
        None => (Vec::new(), typed),
    };
    let is_department = |name: &str| names.iter().any(|(d, _)| d == name);
    if kind == Reference::Plan && parts.first().is_some_and(|first| !is_department(first)) {
        // `plans/2017/…`, `./…`, `/…`: a path, which `render` takes as well.
        return PathCompleter::any().complete(OsStr::new(typed));
    }
    let depth = kind as usize;
    if parts.len() >= depth {
        return Vec::new();
    }
    let mut found: Vec<Part> = below(&root, &names, &parts)
        .into_iter()
        .filter(|part| part.name.starts_with(last))
        .collect();
    while found.len() == 1 && parts.len() + 1 < depth {
        parts.push(found.remove(0).name);
        found = below(&root, &names, &parts);
    }
    let leaf = parts.len() + 1 == depth;
    found
        .into_iter()
        .map(|part| {
            let mut value: String = parts.iter().map(|p| format!("{p}/")).collect();
            value.push_str(&part.name);
            if !leaf {
                value.push('/');
            }
            CompletionCandidate::new(value).help(part.help.map(Into::into))
        })
        .collect()
}

/// The parts that may follow `parts` in a reference: the departments that have plans
/// (with their names from `aplan.toml`), a department's plan years, newest first, or a
/// plan's actions (with their titles).
fn below(root: &Path, names: &[(String, i64)], parts: &[String]) -> Vec<Part> {
    match parts {
        [] => {
            let config = repo::read_config(root);
            let mut departments: Vec<&str> = names.iter().map(|(d, _)| d.as_str()).collect();
            departments.dedup();
            departments
                .into_iter()
                .map(|id| Part {
                    name: id.to_owned(),
                    help: config
                        .as_ref()
                        .and_then(|c| c.department(id))
                        .map(|d| d.name.clone()),
                })
                .collect()
        }
        [department] => names
            .iter()
            .rev()
            .filter(|(d, _)| d == department)
            .map(|(_, year)| Part {
                name: year.to_string(),
                help: None,
            })
            .collect(),
        [department, year] => {
            let Some(year) = names
                .iter()
                .find(|(d, y)| d == department && y.to_string() == *year)
                .map(|(_, y)| *y)
            else {
                return Vec::new();
            };
            let Some(plan) = repo::read_plan(root, department, year) else {
                return Vec::new();
            };
            plan.actions
                .iter()
                .map(|action| Part {
                    name: action.id.get_ref().clone(),
                    help: Some(action.title.get_ref().clone()),
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_last_root_on_the_line_is_the_repository() {
        let line = words(&[
            "aplan", "--", "aplan", "--root", "a", "update", "--root=b", "",
        ]);
        assert_eq!(root_option(&line), Some(PathBuf::from("b")));
        let line = words(&["aplan", "--", "aplan", "update", "--root", "plans", "x"]);
        assert_eq!(root_option(&line), Some(PathBuf::from("plans")));
        assert_eq!(root_option(&words(&["aplan", "update", "--root"])), None);
        assert_eq!(root_option(&words(&["aplan", "update", "--root="])), None);
    }
}
