//! One thin file per subcommand: load, check or report, emit.

mod render;
mod templates;
mod validate;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use chrono::NaiveDate;

use crate::cli::{Cli, ColorChoice, Command, GlobalArgs};
use crate::exit::ExitStatus;
use crate::repo;

/// What every command gets from the global options.
#[derive(Debug)]
pub struct Context {
    /// Where the command was run from; relative paths on the command line start here.
    pub cwd: PathBuf,
    root: Option<PathBuf>,
    pub today: NaiveDate,
    pub color: bool,
    pub quiet: bool,
}

impl Context {
    pub fn new(global: &GlobalArgs) -> Result<Context> {
        let cwd = std::env::current_dir().context("cannot read the current folder")?;
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Ok(Context {
            root: global.root.as_ref().map(|r| cwd.join(r)),
            cwd,
            today: global
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            color,
            quiet: global.quiet,
        })
    }

    /// The repository root: `--root`, or the nearest folder with an `aplan.toml`.
    pub fn root(&self) -> Result<PathBuf> {
        match &self.root {
            Some(root) => Ok(root.clone()),
            None => Ok(repo::find_root(&self.cwd)?),
        }
    }

    /// A path from the command line, made absolute.
    pub fn absolute(&self, path: &Path) -> PathBuf {
        self.cwd.join(path)
    }
}

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> Result<ExitStatus> {
    let context = Context::new(&cli.global)?;
    match cli.command {
        Command::Validate(args) => validate::run(&context, &args),
        Command::Render(args) => render::run(&context, &args),
        Command::Templates(args) => templates::run(&context, &args),
    }
}
