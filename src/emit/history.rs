//! The history of a department or contact in each of its formats: `table` for a
//! terminal, `md` through the template `history.md`, `json` for other tools.

use std::io::{self, Write};

use anyhow::Result;

use crate::emit::table::Table;
use crate::render::Renderer;
use crate::report::history::{Event, History};

/// `--format md`, from the template `history.md`.
pub fn markdown(out: &mut dyn Write, history: &History, renderer: &Renderer) -> Result<()> {
    out.write_all(renderer.report("history.md", history)?.as_bytes())?;
    Ok(())
}

/// `--format table`: a heading, then one row per event.
pub fn table(out: &mut dyn Write, history: &History, color: bool) -> io::Result<()> {
    let subject = &history.subject;
    match &subject.contact {
        Some(contact) => writeln!(out, "History: {} ({})", contact.name, subject.name)?,
        None => writeln!(out, "History: {}", subject.name)?,
    }
    if let Some(since) = history.since {
        writeln!(out, "since {since}")?;
    }
    writeln!(out)?;
    if history.events.is_empty() {
        return writeln!(out, "Nothing recorded.");
    }
    let mut table = Table::new(["date", "what", "by", "with", "summary"]);
    for event in &history.events {
        table.push(vec![
            event.date.to_string(),
            what(event),
            event.by.join(", "),
            event.with.join(", "),
            event.summary.clone(),
        ]);
    }
    table.write(out, color)
}

/// `interaction: teaching`, `update: done`, `meeting`.
fn what(event: &Event) -> String {
    match &event.kind {
        Some(kind) => format!("{}: {kind}", event.event.label()),
        None => event.event.label().to_owned(),
    }
}
