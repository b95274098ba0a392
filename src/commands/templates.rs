//! `aplan templates`: which templates are in use, or the built-in ones written out.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;
use crate::cli::TemplatesArgs;
use crate::emit::table::Table;
use crate::exit::ExitStatus;
use crate::render::templates::{BUILT_IN, Origin, TemplateSet, built_in};
use crate::write::{Overwrite, write_atomic};

pub fn run(context: &Context, args: &TemplatesArgs) -> Result<ExitStatus> {
    match &args.dump {
        Some(dir) => dump(context, dir, args.force),
        None => list(context, args),
    }
}

/// The templates in use: outside a plans repository, the built-in ones.
fn list(context: &Context, args: &TemplatesArgs) -> Result<ExitStatus> {
    let set = match (context.root(), &args.templates) {
        (Ok(root), asked) => super::render::template_set(context, &root, asked.as_deref())?,
        (Err(_), Some(asked)) => super::render::template_set(context, &context.cwd, Some(asked))?,
        (Err(_), None) => TemplateSet::new(Vec::new()),
    };
    let mut table = Table::new(["template", "source"]);
    for template in set.iter() {
        let source = match &template.origin {
            Origin::BuiltIn => "built-in".to_owned(),
            Origin::File(path) => match built_in(&template.name) {
                Some(text) if text == template.source => format!("{path} (same as the built-in)"),
                Some(_) => format!("{path} (overrides the built-in)"),
                None => format!("{path} (added)"),
            },
        };
        table.push(vec![template.name.clone(), source]);
    }
    let mut out = std::io::stdout().lock();
    table.write(&mut out, context.color)?;
    out.flush()?;
    Ok(ExitStatus::Success)
}

/// Writes the built-in templates into `dir`, refusing to replace any file unless forced.
fn dump(context: &Context, dir: &std::path::Path, force: bool) -> Result<ExitStatus> {
    if !force
        && let Some((name, _)) = BUILT_IN
            .iter()
            .find(|(name, _)| std::fs::symlink_metadata(dir.join(name)).is_ok())
    {
        bail!(
            "{} already exists; use --force to overwrite",
            dir.join(name).display()
        );
    }
    let overwrite = if force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };
    for (name, text) in BUILT_IN {
        write_atomic(&dir.join(name), text.as_bytes(), overwrite)?;
    }
    context.note(&format!(
        "wrote {} templates to {}",
        BUILT_IN.len(),
        dir.display()
    ));
    Ok(ExitStatus::Success)
}
