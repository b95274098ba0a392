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
            let pipe = Some(std::io::ErrorKind::BrokenPipe);
            let broken_pipe = error.chain().any(|cause| {
                cause.downcast_ref::<std::io::Error>().map(|e| e.kind()) == pipe
                    || cause
                        .downcast_ref::<serde_json::Error>()
                        .and_then(serde_json::Error::io_error_kind)
                        == pipe
            });
            if broken_pipe {
                return ExitStatus::Success.into();
            }
            #[allow(clippy::print_stderr)]
            {
                // Messages quote paths, arguments and values from the user's files.
                let message = format!("{error:#}");
                eprintln!("error: {}", aplan::sanitize::terminal(&message));
            }
            ExitStatus::Error.into()
        }
    }
}

/// Reading a repository allocates millions of small keys, strings and tables from two
/// threads at once; mimalloc serves them in about three quarters of the time the system
/// allocator takes (see the README's Figures).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
