//! `aplan explain CODE`: a diagnostic code's section of docs/checks.md, compiled in.

use std::io::Write;

use anyhow::{Result, bail};

use crate::diagnostic::Code;
use crate::exit::ExitStatus;
use crate::suggest::nearest;

const CHECKS: &str = include_str!("../../docs/checks.md");

pub fn run(code: Option<&str>) -> Result<ExitStatus> {
    let mut out = std::io::stdout().lock();
    let Some(name) = code else {
        for code in Code::ALL {
            let severity = code.severity().to_string();
            writeln!(out, "{:<20} {severity:<8} {}", code.name(), code.summary())?;
        }
        return Ok(ExitStatus::Success);
    };
    let Some(code) = Code::from_name(name) else {
        let near = nearest(name, Code::ALL.iter().map(|c| c.name()), 3);
        bail!(
            "there is no code `{name}`; the nearest are: {} (`aplan explain` lists them all)",
            near.join(", ")
        );
    };
    write!(
        out,
        "{}",
        section(CHECKS, code.name()).unwrap_or(code.summary())
    )?;
    out.flush()?;
    Ok(ExitStatus::Success)
}

/// The text under `## name`, up to the next heading of that level.
fn section<'d>(docs: &'d str, name: &str) -> Option<&'d str> {
    let heading = format!("\n## {name}\n");
    let start = docs.find(&heading)? + 1;
    let end = docs[start + heading.len() - 1..]
        .find("\n## ")
        .map_or(docs.len(), |i| start + heading.len() - 1 + i + 1);
    Some(&docs[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_section() {
        for code in Code::ALL {
            let text = section(CHECKS, code.name()).unwrap();
            assert!(text.starts_with(&format!("## {}\n", code.name())));
            assert!(!text[3..].contains("\n## "));
        }
    }

    #[test]
    fn the_last_section_runs_to_the_end() {
        assert_eq!(
            section("# a\n\n## x\none\n## y\ntwo\n", "y"),
            Some("## y\ntwo\n")
        );
        assert_eq!(
            section("# a\n\n## x\none\n## y\ntwo\n", "x"),
            Some("## x\none\n")
        );
    }
}
