//! `aplan schema NAME`: the JSON Schema of a file, for editors, or of a command's JSON
//! output, for the tools that read it.

use std::io::Write;

use anyhow::Result;

use crate::cli::SchemaFile;
use crate::emit::json::Output as Findings;
use crate::emit::schema::{export, output};
use crate::exit::ExitStatus;
use crate::model::schema::{
    config_schema, contacts_schema, interactions_schema, plan_schema, review_schema,
};
use crate::report::actions::ActionRow;
use crate::report::activity::Activity;
use crate::report::diff::Diff;
use crate::report::history::History;
use crate::report::review::ReviewReport;
use crate::report::themes::ThemesReport;
use crate::report::timeline::DepartmentTimeline;
use crate::report::workload::Workload;

pub fn run(file: SchemaFile) -> Result<ExitStatus> {
    let schema = match file {
        SchemaFile::Plan => plan_schema(),
        SchemaFile::Config => config_schema(),
        SchemaFile::Contacts => contacts_schema(),
        SchemaFile::Interactions => interactions_schema(),
        SchemaFile::Review => review_schema(),
        SchemaFile::Validate => output::<Findings<'static>>("validate"),
        SchemaFile::Themes => output::<ThemesReport>("themes"),
        SchemaFile::Workload => output::<Workload>("workload"),
        SchemaFile::Actions => output::<Vec<ActionRow>>("actions"),
        SchemaFile::Timeline => output::<Vec<DepartmentTimeline>>("timeline"),
        SchemaFile::Diff => output::<Diff>("diff"),
        SchemaFile::Activity => output::<Activity>("activity"),
        SchemaFile::History => output::<History>("history"),
        SchemaFile::ReviewReport => output::<ReviewReport>("review"),
        SchemaFile::Export => export(),
    };
    let mut out = std::io::stdout().lock();
    crate::emit::pretty_json(&mut out, &schema)?;
    out.flush()?;
    Ok(ExitStatus::Success)
}
