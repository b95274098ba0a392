//! `aplan completions SHELL` and `aplan man`: generated from the same clap definition as
//! `--help`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::CommandFactory;

use crate::cli::{Cli, Shell};
use crate::exit::ExitStatus;
use crate::write::{Overwrite, Staged};

pub fn completions(shell: Shell) -> Result<ExitStatus> {
    let mut command = Cli::command();
    let mut out = std::io::stdout().lock();
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
        Shell::Elvish => clap_complete::Shell::Elvish,
    };
    clap_complete::generate(shell, &mut command, "aplan", &mut out);
    out.flush()?;
    Ok(ExitStatus::Success)
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
