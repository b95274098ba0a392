//! Source files kept for diagnostics: paths relative to the repository root, their text,
//! and the mapping from byte offsets to 1-based lines and columns.
//!
//! Every file's text is kept from reading until every rule has run, so a finding can
//! always show its line and no file is read twice.

use std::ops::Range;
use std::sync::OnceLock;

/// An index into [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(u32);

impl FileId {
    /// The id `n` places after this one.
    pub fn offset(self, n: usize) -> FileId {
        let n = u32::try_from(n).expect("fewer than 4 billion files");
        FileId(self.0.checked_add(n).expect("fewer than 4 billion files"))
    }
}

/// One file or folder a diagnostic can point at.
#[derive(Debug, Clone)]
pub struct SourceFile {
    path: String,
    /// `None` for a folder or a file that could not be read as text.
    text: Option<String>,
    /// Where each line starts, worked out the first time a location is asked for.
    line_starts: OnceLock<Vec<usize>>,
}

/// A line and column, both starting at 1; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    /// A file read as `text`, or a folder or unreadable file (`None`).
    pub fn new(path: String, text: Option<String>) -> Self {
        Self {
            path,
            text,
            line_starts: OnceLock::new(),
        }
    }

    /// The path relative to the repository root, with `/` separators.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The text, when the path is a file that was read as text.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// Whether the path is a file that was read as text.
    pub fn was_read(&self) -> bool {
        self.text.is_some()
    }

    /// Lets go of the text once nothing will point into it (a report, once every rule has
    /// run, shows no line of a file without findings), so a large repository's texts do
    /// not stay beside its plans while documents are built.
    pub fn release_text(&mut self) {
        self.text = None;
        self.line_starts = OnceLock::new();
    }

    fn line_starts(&self, text: &str) -> &[usize] {
        self.line_starts.get_or_init(|| {
            // A byte-order mark is not part of the first line as people see it.
            let first = if text.starts_with('\u{feff}') { 3 } else { 0 };
            std::iter::once(first)
                .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
                .collect()
        })
    }

    /// The line and column of a byte offset.
    pub fn location(&self, offset: usize) -> Location {
        let Some(text) = &self.text else {
            return Location { line: 1, column: 1 };
        };
        let line_starts = self.line_starts(text);
        let offset = offset.min(text.len());
        let line = line_starts.partition_point(|&start| start <= offset).max(1);
        let start = line_starts[line - 1].min(offset);
        let column = text
            .get(start..offset)
            .map_or(offset - start, |before| before.chars().count())
            + 1;
        Location { line, column }
    }

    /// The text of a 1-based line without its line ending, and the byte offset it starts at.
    pub fn line(&self, line: usize) -> Option<(&str, usize)> {
        let text = self.text.as_deref()?;
        let line_starts = self.line_starts(text);
        let start = *line_starts.get(line.checked_sub(1)?)?;
        let end = line_starts.get(line).map_or(text.len(), |next| next - 1);
        let content = text.get(start..end)?;
        Some((content.strip_suffix('\r').unwrap_or(content), start))
    }

    /// The part of a span that lies on its first line, relative to that line's start.
    pub fn span_on_line(&self, span: &Range<usize>) -> Option<(usize, &str, Range<usize>)> {
        let Location { line, .. } = self.location(span.start);
        let (content, start) = self.line(line)?;
        let from = span.start.saturating_sub(start).min(content.len());
        let to = span.end.saturating_sub(start).clamp(from, content.len());
        Some((line, content, from..to))
    }
}

/// Every file the run looked at, so diagnostics can name them by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// Records a file (with its text) or a folder or unreadable file (without).
    pub fn add(&mut self, path: String, text: Option<String>) -> FileId {
        self.push(SourceFile::new(path, text))
    }

    /// Records a file; it gets [`Sources::next_id`].
    pub fn push(&mut self, file: SourceFile) -> FileId {
        let id = self.next_id();
        self.files.push(file);
        id
    }

    /// The id the next file recorded gets, so files read in parallel can be numbered
    /// before they are recorded in order.
    pub fn next_id(&self) -> FileId {
        FileId(0).offset(self.files.len())
    }

    /// Makes room for `more` files.
    pub fn reserve(&mut self, more: usize) {
        self.files.reserve_exact(more);
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn get_mut(&mut self, id: FileId) -> &mut SourceFile {
        &mut self.files[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        (0..).map(FileId).zip(self.files.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("plans/2017/x.toml".into(), Some(text.into()))
    }

    #[test]
    fn lines_and_columns_start_at_one() {
        let f = file("a = 1\nowner = \"x\"\n");
        assert_eq!(f.location(0), Location { line: 1, column: 1 });
        assert_eq!(f.location(14), Location { line: 2, column: 9 });
        assert_eq!(f.line(2), Some(("owner = \"x\"", 6)));
    }

    #[test]
    fn columns_count_characters_and_skip_a_byte_order_mark() {
        let f = file("\u{feff}name = \"Siân\"\ndue = 1");
        assert_eq!(f.location(3), Location { line: 1, column: 1 });
        assert_eq!(f.line(1), Some(("name = \"Siân\"", 3)));
        let f = file("t = \"é\" # x\nb = 2");
        assert_eq!(f.location(9), Location { line: 1, column: 9 });
    }

    #[test]
    fn crlf_line_endings_are_not_part_of_the_line() {
        let f = file("a = 1\r\nb = 2\r\n");
        assert_eq!(f.line(1), Some(("a = 1", 0)));
        assert_eq!(f.location(11), Location { line: 2, column: 5 });
    }

    #[test]
    fn spans_are_clipped_to_their_first_line() {
        let f = file("[meeting]\ndate = 1\n");
        let (line, content, range) = f.span_on_line(&(0..19)).unwrap();
        assert_eq!((line, content, range), (1, "[meeting]", 0..9));
    }
}
