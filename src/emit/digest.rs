//! A department's digest in each of its formats: Markdown and HTML from the templates
//! `digest.md` and `digest.html`, and an e-mail message ([`eml`]) with both as its parts.

pub mod eml;

use std::io::Write;

use anyhow::Result;

use crate::render::{Format, Renderer};
use crate::report::digest::Digest;

/// The formats of `aplan digest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DigestFormat {
    Markdown,
    Html,
    Eml,
}

impl DigestFormat {
    /// The file extension of a digest written with `--out`.
    pub fn extension(self) -> &'static str {
        match self {
            DigestFormat::Markdown => "md",
            DigestFormat::Html => "html",
            DigestFormat::Eml => "eml",
        }
    }
}

/// The digest as the bytes of a file in `format`.
pub fn bytes(digest: &Digest, renderer: &Renderer, format: DigestFormat) -> Result<Vec<u8>> {
    Ok(match format {
        DigestFormat::Markdown => renderer
            .digest(digest, Format::Markdown, true)?
            .into_bytes(),
        DigestFormat::Html => renderer.digest(digest, Format::Html, true)?.into_bytes(),
        DigestFormat::Eml => eml::message(digest, renderer)?,
    })
}

/// Writes the digest in `format`.
pub fn write(
    out: &mut dyn Write,
    digest: &Digest,
    renderer: &Renderer,
    format: DigestFormat,
) -> Result<()> {
    out.write_all(&bytes(digest, renderer, format)?)?;
    Ok(())
}
