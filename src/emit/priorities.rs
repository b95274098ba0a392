//! The priorities paper in its two formats: Markdown with front matter from the template
//! `priorities.md`, and one self-contained HTML page that prints on A4 from
//! `priorities.html`.

use std::io::Write;

use anyhow::Result;

use crate::render::{Format, Renderer};
use crate::report::priorities::Priorities;

pub fn write(
    out: &mut dyn Write,
    paper: &Priorities,
    renderer: &Renderer,
    format: Format,
) -> Result<()> {
    out.write_all(renderer.priorities(paper, format)?.as_bytes())?;
    Ok(())
}
