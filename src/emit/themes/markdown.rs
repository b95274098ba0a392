//! `--format md`: the themes report as a Markdown page with YAML front matter, the
//! theme-by-department matrix first, then the lists, from the template `themes.md`.

use std::io::Write;

use anyhow::Result;

use super::page;
use crate::render::Renderer;
use crate::report::themes::ThemesReport;

pub fn write(out: &mut dyn Write, report: &ThemesReport, renderer: &Renderer) -> Result<()> {
    let text = renderer.report("themes.md", &page::build(report))?;
    out.write_all(text.as_bytes())?;
    Ok(())
}
