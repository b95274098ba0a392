//! `aplan completions SHELL` and `aplan man`: generated from the same clap definition as
//! `--help`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use crate::cli::{Cli, Shell};
use crate::complete::SHELL_VARIABLE;
use crate::exit::ExitStatus;

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

/// The man page, aplan(1), with a section for every command.
pub fn man() -> Result<ExitStatus> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    let mut out = std::io::stdout().lock();
    out.write_all(&page)?;
    out.flush()?;
    Ok(ExitStatus::Success)
}
