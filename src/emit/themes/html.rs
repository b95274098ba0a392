//! `--format html`: the themes report as one self-contained page (inline CSS, no script,
//! nothing fetched) that prints on A4, from the template `themes.html` and its stylesheet
//! `themes.css`. The theme-by-department matrix comes first, its cells shaded by count,
//! then the lists.

use std::io::Write;

use anyhow::Result;

use super::page;
use crate::render::Renderer;
use crate::report::themes::ThemesReport;

pub fn write(out: &mut dyn Write, report: &ThemesReport, renderer: &Renderer) -> Result<()> {
    let text = renderer.report("themes.html", &page::build(report))?;
    out.write_all(text.as_bytes())?;
    Ok(())
}
