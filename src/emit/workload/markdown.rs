//! `--format md`: the table and the broken limits as Markdown, to paste into a report,
//! from the template `workload.md`.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::render::Renderer;
use crate::report::workload::{StaffLoad, Workload};

/// What `workload.md` gets: the report as its JSON has it, the broken limits in words, and
/// the people over a limit who have colleagues with room to spare.
#[derive(Debug, Serialize)]
struct Page<'a> {
    #[serde(flatten)]
    report: &'a Workload,
    breaches: Vec<String>,
    candidates: Vec<&'a StaffLoad>,
}

pub fn write(out: &mut dyn Write, report: &Workload, renderer: &Renderer) -> Result<()> {
    let page = Page {
        report,
        breaches: report.breaches().iter().map(ToString::to_string).collect(),
        candidates: report
            .staff
            .iter()
            .filter(|s| s.is_over() && !s.candidates.is_empty())
            .collect(),
    };
    out.write_all(renderer.report("workload.md", &page)?.as_bytes())?;
    Ok(())
}
