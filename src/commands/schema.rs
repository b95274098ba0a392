//! `aplan schema NAME`: the JSON Schema of a file, for editors, or of a command's JSON
//! output, for the tools that read it.

use std::io::Write;

use anyhow::Result;

use crate::cli::SchemaFile;
use crate::emit::schema::{Output, schema};
use crate::exit::ExitStatus;
use crate::model::schema::{
    config_schema, contacts_schema, interactions_schema, plan_schema, review_schema,
};

pub fn run(file: SchemaFile) -> Result<ExitStatus> {
    let schema = match file {
        SchemaFile::Plan => plan_schema(),
        SchemaFile::Config => config_schema(),
        SchemaFile::Contacts => contacts_schema(),
        SchemaFile::Interactions => interactions_schema(),
        SchemaFile::Review => review_schema(),
        SchemaFile::Validate => schema(Output::Validate),
        SchemaFile::Themes => schema(Output::Themes),
        SchemaFile::Workload => schema(Output::Workload),
        SchemaFile::Actions => schema(Output::Actions),
        SchemaFile::Timeline => schema(Output::Timeline),
        SchemaFile::Diff => schema(Output::Diff),
        SchemaFile::Activity => schema(Output::Activity),
        SchemaFile::History => schema(Output::History),
        SchemaFile::ReviewReport => schema(Output::Review),
        SchemaFile::Export => schema(Output::Export),
    };
    let mut out = std::io::stdout().lock();
    crate::emit::pretty_json(&mut out, &schema)?;
    out.flush()?;
    Ok(ExitStatus::Success)
}
