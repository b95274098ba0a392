//! `aplan export`: the whole resolved repository for other tools.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ExportFormat;
use crate::exit::ExitStatus;
use crate::report::export;

pub fn run(context: &Context, format: ExportFormat) -> Result<ExitStatus> {
    let workspace = context.workspace()?;
    let report = export::build(&workspace);
    let mut out = std::io::stdout().lock();
    match format {
        ExportFormat::Json => crate::emit::pretty_json(&mut out, &report)?,
        ExportFormat::Yaml => out.write_all(serde_saphyr::to_string(&report)?.as_bytes())?,
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}
