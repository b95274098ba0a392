//! `aplan completions SHELL` and `aplan man`: generated from the same clap definition as
//! `--help`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::CommandFactory;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use crate::cli::{Cli, Shell};
use crate::complete::SHELL_VARIABLE;
use crate::exit::ExitStatus;
use crate::write::{Overwrite, Staged};

/// The script that registers aplan's completions with `shell`: at each TAB it runs aplan
/// again, which answers with the candidates (see [`crate::complete`]).
pub fn completions(shell: Shell) -> Result<ExitStatus> {
    let shell: &dyn EnvCompleter = match shell {
        Shell::Bash => &Bash,
        Shell::Zsh => &Zsh,
        Shell::Fish => &Fish,
        Shell::Powershell => &Powershell,
        Shell::Elvish => &Elvish,
    };
    let name = Cli::command().get_name().to_owned();
    let mut script = Vec::new();
    shell.write_registration(SHELL_VARIABLE, &name, &name, &called_as(), &mut script)?;
    let mut out = std::io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(ExitStatus::Success)
}

/// How the shell should run aplan for completions: as it was run now, so the script calls
/// back the same aplan; a relative path (`./target/debug/aplan`) is made absolute, so it
/// works from any folder, and a bare `aplan` stays a name looked up on the PATH.
fn called_as() -> String {
    let called = std::env::args_os()
        .next()
        .map_or_else(|| PathBuf::from("aplan"), PathBuf::from);
    let called = match std::env::current_dir() {
        Ok(cwd) if called.components().count() > 1 => cwd.join(called),
        _ => called,
    };
    called.to_string_lossy().into_owned()
}

/// aplan(1) on standard output, or every page written into `out`; pages there are not
/// overwritten without `force`, and none is written when any would be refused.
pub fn man(out: Option<&Path>, force: bool) -> Result<ExitStatus> {
    let pages = crate::render::man::pages(Cli::command())?;
    let Some(dir) = out else {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(pages[0].text.as_bytes())?;
        stdout.flush()?;
        return Ok(ExitStatus::Success);
    };
    let overwrite = if force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };
    if dir.exists() && !dir.is_dir() {
        bail!(
            "{} is a file, not a folder; name a folder for the man pages",
            dir.display()
        );
    }
    let files: Vec<(PathBuf, &[u8])> = pages
        .iter()
        .map(|page| (dir.join(&page.file), page.text.as_bytes()))
        .collect();
    super::refuse_existing(files.iter().map(|(path, _)| path.as_path()), overwrite)?;
    let mut staged = Staged::new(overwrite);
    staged.write(&files)?;
    staged.place()?;
    Ok(ExitStatus::Success)
}
