//! The `aplan` binary: parse arguments, run, turn the outcome into an exit code.

use std::process::ExitCode;

use aplan::cli::Cli;
use aplan::exit::ExitStatus;
use clap::{CommandFactory, Parser};
use clap_complete::CompleteEnv;

fn main() -> ExitCode {
    // A shell asking for the candidates at a TAB press (`COMPLETE=bash aplan -- …`, from
    // the script `aplan completions` prints) is answered here, and aplan exits.
    CompleteEnv::with_factory(Cli::command)
        .var(aplan::complete::SHELL_VARIABLE)
        .complete();
    let cli = Cli::parse();
    if !stdout_is_open() {
        // Writes to a closed standard output are silently dropped, so a report would go
        // nowhere and the run would still look successful.
        #[allow(clippy::print_stderr)]
        {
            eprintln!(
                "error: standard output is closed, so nothing aplan prints could be read; send it to a file or a pipe instead"
            );
        }
        return ExitStatus::Error.into();
    }
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
                let message = message(&error);
                eprintln!("error: {}", aplan::sanitize::terminal(&message));
            }
            ExitStatus::Error.into()
        }
    }
}

/// Reading a repository allocates millions of small keys, strings and tables from two
/// threads at once; mimalloc serves them in about three quarters of the time the system
/// allocator takes (see the README's Figures). It is built without transparent huge pages
/// (`no_thp`): with them, memory is taken from the system two megabytes at a time, and a
/// large repository's peak grows by 3 to 8 per cent for a few per cent of speed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The error and its causes, each said once: a cause whose text the message already
/// holds (as in "cannot write x: Is a directory") is not said again.
fn message(error: &anyhow::Error) -> String {
    let mut message = error.to_string();
    for cause in error.chain().skip(1) {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
    }
    message
}

/// Whether standard output was open when aplan started. The Rust runtime opens
/// `/dev/null` read-write in place of a closed one; a shell's `> /dev/null` opens it for
/// writing only, so on Linux the two can be told apart.
fn stdout_is_open() -> bool {
    let Ok(target) = std::fs::read_link("/proc/self/fd/1") else {
        return true;
    };
    let Ok(info) = std::fs::read_to_string("/proc/self/fdinfo/1") else {
        return true;
    };
    let flags = info
        .lines()
        .find_map(|line| line.strip_prefix("flags:"))
        .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok());
    const ACCESS_MODE: u32 = 0o3;
    const READ_WRITE: u32 = 0o2;
    !(target == std::path::Path::new("/dev/null")
        && flags.is_some_and(|f| f & ACCESS_MODE == READ_WRITE))
}
