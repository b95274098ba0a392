//! Aligned text tables for terminals.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::terminal::clean;

/// Rows of cells under a header; numbers can be right-aligned.
#[derive(Debug, Clone, Default)]
pub struct Table {
    headers: Vec<String>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Self {
        let headers: Vec<String> = headers
            .into_iter()
            .map(|h| clean(&h.into()).into_owned())
            .collect();
        Self {
            right: vec![false; headers.len()],
            headers,
            rows: Vec::new(),
        }
    }

    /// Right-aligns the columns at these positions.
    pub fn right_align(mut self, columns: &[usize]) -> Self {
        for &c in columns {
            if let Some(r) = self.right.get_mut(c) {
                *r = true;
            }
        }
        self
    }

    /// Adds a row; control characters in its cells are replaced, so text from a plan cannot
    /// steer the terminal or break the row over several lines.
    pub fn push(&mut self, row: Vec<String>) {
        let row = row
            .into_iter()
            .map(|cell| match clean(&cell) {
                std::borrow::Cow::Borrowed(_) => cell,
                std::borrow::Cow::Owned(cleaned) => cleaned,
            })
            .collect();
        self.rows.push(row);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Writes the table; `bold` styles the header (for a terminal).
    pub fn write(&self, out: &mut dyn Write, bold: bool) -> io::Result<()> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(cell.width());
                }
            }
        }
        let header = self.line(&self.headers, &widths);
        if bold {
            writeln!(out, "\u{1b}[1m{header}\u{1b}[0m")?;
        } else {
            writeln!(out, "{header}")?;
        }
        for row in &self.rows {
            writeln!(out, "{}", self.line(row, &widths))?;
        }
        Ok(())
    }

    /// Writes the table as a GitHub-flavoured Markdown table. Cells are escaped as every
    /// Markdown document escapes plain text ([`crate::render::markdown::escape`]), so a
    /// name holding `<script>` or `|` stays text and a line break stays in its cell.
    pub fn write_markdown(&self, out: &mut dyn Write) -> io::Result<()> {
        let row = |cells: &[String]| {
            let cells: Vec<String> = cells
                .iter()
                .map(|c| crate::render::markdown::escape(&crate::sanitize::document(c)))
                .collect();
            format!("| {} |", cells.join(" | "))
        };
        writeln!(out, "| {} |", self.headers.join(" | "))?;
        let rule: Vec<&str> = self
            .right
            .iter()
            .map(|&right| if right { "---:" } else { "---" })
            .collect();
        writeln!(out, "| {} |", rule.join(" | "))?;
        for cells in &self.rows {
            writeln!(out, "{}", row(cells))?;
        }
        Ok(())
    }

    fn line(&self, cells: &[String], widths: &[usize]) -> String {
        let mut line = String::new();
        for (i, width) in widths.iter().enumerate() {
            let cell = cells.get(i).map_or("", String::as_str);
            let pad = " ".repeat(width.saturating_sub(cell.width()));
            if i > 0 {
                line.push_str("  ");
            }
            if self.right[i] {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        line.trim_end().to_owned()
    }
}

/// A bar of `value / unit` cells, drawn in eighths of a cell and at most `max_cells` long:
/// `bar(3.5, 1.0, 12)` is `███▌`.
pub fn bar(value: f64, unit: f64, max_cells: usize) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    if unit <= 0.0 || value <= 0.0 {
        return String::new();
    }
    let eighths = ((value / unit) * 8.0).round() as usize;
    let eighths = eighths.min(max_cells * 8);
    format!("{}{}", "█".repeat(eighths / 8), EIGHTHS[eighths % 8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_in_eighths() {
        assert_eq!(bar(7.0, 1.0, 12), "███████");
        assert_eq!(bar(3.5, 1.0, 12), "███▌");
        assert_eq!(bar(7.0, 2.0, 12), "███▌");
        assert_eq!(bar(0.0, 1.0, 12), "");
        assert_eq!(bar(20.0, 1.0, 12), "████████████");
    }

    #[test]
    fn markdown_escapes_pipes() {
        let mut table = Table::new(["a", "n"]).right_align(&[1]);
        table.push(vec!["x | y".into(), "1".into()]);
        let mut out = Vec::new();
        table.write_markdown(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "| a | n |\n| --- | ---: |\n| x &#124; y | 1 |\n"
        );
    }

    /// Regression guard: `workload --format md` printed staff names raw, so `<script>` and
    /// `onerror=` reached a Markdown page that every other output escapes.
    #[test]
    fn markdown_cells_are_escaped_as_text() {
        let mut table = Table::new(["name"]);
        table.push(vec!["<script>x</script> *b*\n\u{1b}[2J".into()]);
        let mut out = Vec::new();
        table.write_markdown(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "| name |\n| --- |\n| &lt;script&gt;x&lt;/script&gt; \\*b\\*↵\u{fffd}\\[2J |\n"
        );
    }

    #[test]
    fn aligns_by_display_width() {
        let mut table = Table::new(["name", "n"]).right_align(&[1]);
        table.push(vec!["Siân".into(), "7".into()]);
        table.push(vec!["Bo".into(), "12".into()]);
        let mut out = Vec::new();
        table.write(&mut out, false).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "name   n\nSiân   7\nBo    12\n"
        );
    }
}
