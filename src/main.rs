//! The `aplan` binary: parse arguments, run, turn the outcome into an exit code.

use std::process::ExitCode;

use aplan::cli::Cli;
use aplan::exit::ExitStatus;
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match aplan::commands::run(cli) {
        Ok(status) => status.into(),
        Err(error) => {
            // A closed pipe (`aplan … | head`) is the reader's choice, not a failure.
            let broken_pipe = error.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitStatus::Success.into();
            }
            #[allow(clippy::print_stderr)]
            {
                eprintln!("error: {error:#}");
            }
            ExitStatus::Error.into()
        }
    }
}
