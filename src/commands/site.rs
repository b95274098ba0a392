//! `aplan site`: load the repository, build the site's data for a year, render its pages a
//! batch at a time into the output folder, then put them all in place.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::Context;
use crate::cli::SiteArgs;
use crate::exit::ExitStatus;
use crate::render::Renderer;
use crate::render::site::{Page, pages};
use crate::report::site;
use crate::write::{Overwrite, Staged};

pub fn run(context: &Context, args: &SiteArgs) -> Result<ExitStatus> {
    let root = context.root()?;
    let workspace = context.workspace()?;
    let year = context.year(&workspace, args.year)?;
    let templates = super::render::template_set(context, &root, args.templates.as_deref())?;
    super::render::announce_overrides(context, &templates, super::render::used_by_documents);
    let renderer = Renderer::new(templates)?;
    let site = site::build(&workspace, year, context.today);
    let pages = pages(&site);
    let overwrite = if args.force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };
    check_folder(&args.out, &root, &pages, overwrite)?;

    let progress = super::progress_bar(context, pages.len());
    let mut staged = Staged::new(overwrite);
    super::render_in_batches(&pages, &mut staged, |page| {
        let text = renderer.site_page(&site, page)?;
        progress.inc(1);
        Ok((args.out.join(&page.file), text, ()))
    })?;
    progress.finish_and_clear();
    staged.place()?;
    context.note(&format!(
        "wrote the {year} site ({} plan pages, {} files in all) to {}",
        site.plans.len(),
        pages.len(),
        args.out.display()
    ));
    Ok(ExitStatus::Success)
}

/// Refuses, before anything is written, an output path that is not a folder, and files
/// already there unless allowed, so a refusal leaves the folder as it was.
fn check_folder(dir: &Path, root: &Path, pages: &[Page], overwrite: Overwrite) -> Result<()> {
    super::check_out_folder(dir, root, overwrite)?;
    let paths: Vec<PathBuf> = pages.iter().map(|page| dir.join(&page.file)).collect();
    super::refuse_existing(paths.iter().map(PathBuf::as_path), overwrite)?;
    Ok(())
}
