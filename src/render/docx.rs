//! Word documents (`.docx`) from the Markdown documents: the Markdown a template wrote is
//! read back as a tree (comrak) and written as Word paragraphs, tables and lists
//! (docx-rs), so a Word document has every section the Markdown one has, including those
//! a library's own templates add.
//!
//! Headings use Word's built-in heading styles, so Word's navigation pane, python-docx and
//! pandoc see them as headings. Links are written as their text followed by the address,
//! which survives printing. The page is A4, and the same document always gives the same
//! bytes: the file's dates are fixed and nothing in it is numbered by a counter.

use comrak::nodes::{AstNode, ListType, NodeValue, TableAlignment};
use comrak::{Arena, Options};
use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, Docx, Header, IndentLevel, Level, LevelJc,
    LevelOverride, LevelText, NumberFormat, Numbering, NumberingId, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Shading, ShdType, SpecialIndentType,
    Start, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use super::TemplateError;

/// A4 in twentieths of a point.
const A4_WIDTH: u32 = 11906;
const A4_HEIGHT: u32 = 16838;
/// 2 cm margins, in twentieths of a point.
const MARGIN: i32 = 1134;
/// The numbering of bulleted lists; numbered lists each get one of their own after
/// `NUMBERED`. docx-rs brings numberings of its own with small ids.
const BULLETS: usize = 101;
const NUMBERED: usize = 102;
/// The date written as the file's creation and change date when none is given.
const EPOCH: &str = "1970-01-01T00:00:00Z";

/// What a Word document says about itself, beyond its text.
#[derive(Debug, Clone, Default)]
pub struct Properties<'a> {
    /// Printed at the top of every page, for a draft: "Draft for discussion".
    pub page_header: Option<&'a str>,
    /// The file's creation date, `2017-03-01`, so the same document gives the same bytes.
    pub date: Option<String>,
}

/// A Word document of `markdown` (a document a Markdown template wrote; its front matter
/// is left out).
pub fn from_markdown(
    markdown: &str,
    properties: &Properties<'_>,
) -> Result<Vec<u8>, TemplateError> {
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.front_matter_delimiter = Some("---".to_owned());
    let root = comrak::parse_document(&arena, markdown, &options);

    let mut writer = Writer {
        docx: base(properties),
        next_numbering: NUMBERED + 1,
    };
    for node in root.children() {
        writer.block(node, &Place::Body);
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    writer
        .docx
        .build()
        .pack(&mut bytes)
        .map_err(|e| TemplateError(format!("cannot write the Word document: {e}")))?;
    Ok(bytes.into_inner())
}

/// An empty A4 document with the styles and list numbering the writer uses.
fn base(properties: &Properties<'_>) -> Docx {
    let date = properties
        .date
        .as_ref()
        .map_or_else(|| EPOCH.to_owned(), |d| format!("{d}T00:00:00Z"));
    let mut docx = Docx::new()
        .page_size(A4_WIDTH, A4_HEIGHT)
        .page_margin(
            docx_rs::PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .created_at(&date)
        .updated_at(&date)
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri"),
        )
        .default_size(22)
        .add_abstract_numbering(list_levels(BULLETS, false))
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .add_abstract_numbering(list_levels(NUMBERED, true));
    for style in styles() {
        docx = docx.add_style(style);
    }
    if let Some(text) = properties.page_header {
        docx = docx.header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Right)
                    .add_run(Run::new().add_text(text).bold().color("9C2B23")),
            ),
        );
    }
    docx
}

/// Word's built-in heading styles (by the names Word gives them, so other programs know
/// them), a quotation style for the draft banner and quotes, and styles for list items and
/// code.
fn styles() -> Vec<Style> {
    let sizes = [36, 30, 26, 24, 22, 22];
    let mut styles: Vec<Style> = sizes
        .iter()
        .enumerate()
        .map(|(i, size)| {
            Style::new(format!("Heading{}", i + 1), StyleType::Paragraph)
                .name(format!("heading {}", i + 1))
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .size(*size)
                .bold()
                .color("1F3864")
                .outline_lvl(i)
        })
        .collect();
    styles.push(
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .based_on("Normal")
            .q_format(true)
            .indent(Some(567), None, Some(567), None),
    );
    styles.push(
        Style::new("ListParagraph", StyleType::Paragraph)
            .name("List Paragraph")
            .based_on("Normal")
            .q_format(true),
    );
    styles.push(
        Style::new("Code", StyleType::Paragraph)
            .name("Code")
            .based_on("Normal")
            .fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas")),
    );
    styles
}

/// Nine levels of bullets or numbers, each indented a little more.
fn list_levels(id: usize, numbered: bool) -> AbstractNumbering {
    let mut numbering = AbstractNumbering::new(id);
    for level in 0..9 {
        let (format, text) = if numbered {
            ("decimal", format!("%{}.", level + 1))
        } else {
            ("bullet", ["•", "◦", "▪"][level % 3].to_owned())
        };
        let indent = 360 * (i32::try_from(level).unwrap_or(0) + 1);
        numbering = numbering.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    numbering
}

/// Where a block is written: in the body, in a table cell, in a quotation or a list.
#[derive(Debug, Clone)]
enum Place {
    Body,
    Quote,
    List { numbering: usize, level: usize },
}

struct Writer {
    docx: Docx,
    next_numbering: usize,
}

impl Writer {
    fn block<'a>(&mut self, node: &'a AstNode<'a>, place: &Place) {
        let value = node.data.borrow().value.clone();
        match value {
            NodeValue::Heading(heading) => {
                let paragraph = Paragraph::new()
                    .style(&format!("Heading{}", heading.level.clamp(1, 6)))
                    .keep_next(true);
                self.docx = std::mem::take(&mut self.docx).add_paragraph(inlines(node, paragraph));
            }
            NodeValue::Paragraph => {
                let paragraph = placed(Paragraph::new(), place);
                self.docx = std::mem::take(&mut self.docx).add_paragraph(inlines(node, paragraph));
            }
            NodeValue::BlockQuote => {
                for child in node.children() {
                    self.block(child, &Place::Quote);
                }
            }
            NodeValue::List(list) => {
                let (numbering, level) = match place {
                    Place::List { level, .. } => (None, level + 1),
                    _ => (None, 0),
                };
                let numbering = numbering.unwrap_or(if list.list_type == ListType::Ordered {
                    let id = self.next_numbering;
                    self.next_numbering += 1;
                    self.docx = std::mem::take(&mut self.docx).add_numbering(
                        Numbering::new(id, NUMBERED)
                            .add_override(LevelOverride::new(0).start(list.start)),
                    );
                    id
                } else {
                    BULLETS
                });
                for item in node.children() {
                    for child in item.children() {
                        self.block(child, &Place::List { numbering, level });
                    }
                }
            }
            NodeValue::CodeBlock(code) => {
                for line in code.literal.lines() {
                    let paragraph = match place {
                        Place::Body => Paragraph::new().style("Code"),
                        _ => placed(Paragraph::new(), place),
                    };
                    self.docx = std::mem::take(&mut self.docx)
                        .add_paragraph(paragraph.add_run(Run::new().add_text(line)));
                }
            }
            NodeValue::Table(table) => {
                let table = self.table(node, &table.alignments);
                self.docx = std::mem::take(&mut self.docx).add_table(table);
                // Word joins two tables that follow each other; an empty paragraph keeps
                // them apart and spaces the table from the text after it.
                self.docx =
                    std::mem::take(&mut self.docx).add_paragraph(Paragraph::new().style("Normal"));
            }
            NodeValue::ThematicBreak => {
                let rule = ParagraphBorders::with_empty().set(
                    ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                        .val(BorderType::Single)
                        .size(6),
                );
                self.docx = std::mem::take(&mut self.docx)
                    .add_paragraph(Paragraph::new().style("Normal").set_borders(rule));
            }
            _ => {}
        }
    }

    /// A Markdown table as a Word table: a bold header row that repeats on every page, and
    /// figures aligned as the Markdown aligns them.
    fn table<'a>(&self, node: &'a AstNode<'a>, alignments: &[TableAlignment]) -> Table {
        let columns = alignments.len().max(1);
        let width = (A4_WIDTH - 2 * MARGIN.unsigned_abs()) as usize / columns;
        let rows: Vec<TableRow> = node
            .children()
            .map(|row| {
                let header = matches!(row.data.borrow().value, NodeValue::TableRow(true));
                let cells = row
                    .children()
                    .enumerate()
                    .map(|(i, cell)| {
                        let mut paragraph = Paragraph::new().style("Normal");
                        if let Some(TableAlignment::Right) = alignments.get(i) {
                            paragraph = paragraph.align(AlignmentType::Right);
                        }
                        let mut paragraph = inlines(cell, paragraph);
                        if header {
                            paragraph = paragraph.bold();
                        }
                        let mut cell = TableCell::new()
                            .width(width, WidthType::Dxa)
                            .add_paragraph(paragraph);
                        if header {
                            cell = cell
                                .shading(Shading::new().shd_type(ShdType::Clear).fill("D9E2F3"));
                        }
                        cell
                    })
                    .collect();
                let row = TableRow::new(cells);
                if header { row.cant_split() } else { row }
            })
            .collect();
        Table::new(rows).set_grid(vec![width; columns])
    }
}

/// A paragraph styled for where it stands. Body text names the Normal style, as docx-rs
/// does not mark a style as the default one.
fn placed(paragraph: Paragraph, place: &Place) -> Paragraph {
    match place {
        Place::Body => paragraph.style("Normal"),
        Place::Quote => paragraph.style("Quote"),
        Place::List { numbering, level } => paragraph
            .style("ListParagraph")
            .numbering(NumberingId::new(*numbering), IndentLevel::new(*level)),
    }
}

/// How the text of an inline element is set.
#[derive(Debug, Clone, Copy, Default)]
struct Setting {
    bold: bool,
    italic: bool,
    strike: bool,
    code: bool,
}

/// `paragraph` with the runs of `node`'s inline children.
fn inlines<'a>(node: &'a AstNode<'a>, paragraph: Paragraph) -> Paragraph {
    let mut runs = Vec::new();
    for child in node.children() {
        collect_runs(child, Setting::default(), &mut runs);
    }
    runs.into_iter().fold(paragraph, Paragraph::add_run)
}

fn collect_runs<'a>(node: &'a AstNode<'a>, setting: Setting, runs: &mut Vec<Run>) {
    let value = node.data.borrow().value.clone();
    let mut inner = setting;
    match value {
        NodeValue::Text(text) => runs.push(run(&text, setting)),
        NodeValue::Code(code) => runs.push(run(
            &code.literal,
            Setting {
                code: true,
                ..setting
            },
        )),
        NodeValue::SoftBreak => runs.push(run(" ", setting)),
        NodeValue::LineBreak => runs.push(Run::new().add_break(docx_rs::BreakType::TextWrapping)),
        NodeValue::Strong => inner.bold = true,
        NodeValue::Emph => inner.italic = true,
        NodeValue::Strikethrough => inner.strike = true,
        NodeValue::Link(link) => {
            for child in node.children() {
                collect_runs(child, setting, runs);
            }
            let text = plain_text(node);
            let address = link.url.strip_prefix("mailto:").unwrap_or(&link.url);
            if !address.is_empty() && text != address {
                runs.push(run(&format!(" ({address})"), setting));
            }
            return;
        }
        NodeValue::HtmlInline(_) => return,
        _ => {}
    }
    for child in node.children() {
        collect_runs(child, inner, runs);
    }
}

fn run(text: &str, setting: Setting) -> Run {
    let mut run = Run::new().add_text(text);
    if setting.bold {
        run = run.bold();
    }
    if setting.italic {
        run = run.italic();
    }
    if setting.strike {
        run = run.strike();
    }
    if setting.code {
        run = run.fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas"));
    }
    run
}

/// The text of an inline element and everything in it.
fn plain_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut text = String::new();
    for descendant in node.descendants() {
        match &descendant.data.borrow().value {
            NodeValue::Text(t) => text.push_str(t),
            NodeValue::Code(c) => text.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document_xml(bytes: &[u8]) -> String {
        // The document part is stored uncompressed: find it between its XML declaration
        // and the end of the body.
        let text = String::from_utf8_lossy(bytes);
        let start = text.find("<w:document").expect("a document part");
        let end = text[start..].find("</w:document>").expect("its end") + start;
        text[start..end].to_owned()
    }

    #[test]
    fn headings_tables_and_lists_become_word_ones() {
        let markdown = "---\ntitle: x\n---\n\n# Title\n\n> **Draft** banner\n\n- one\n- two\n\n| Action | Owner |\n| --- | ---: |\n| Lists &lt;all&gt; | Jane |\n\n[guide](https://example.ac.uk/)\n";
        let bytes = from_markdown(markdown, &Properties::default()).expect("a document");
        let xml = document_xml(&bytes);
        assert!(xml.contains(r#"<w:pStyle w:val="Heading1" />"#), "{xml}");
        assert!(xml.contains(r#"<w:pStyle w:val="Quote" />"#), "{xml}");
        assert!(xml.contains("<w:numId w:val=\"101\" />"), "{xml}");
        assert!(xml.contains("<w:tbl>"), "{xml}");
        assert!(xml.contains("Lists &lt;all&gt;"), "{xml}");
        assert!(xml.contains("guide"), "{xml}");
        assert!(xml.contains("(https://example.ac.uk/)"), "{xml}");
        assert!(!xml.contains("title: x"), "front matter left out: {xml}");
        assert!(
            xml.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#),
            "A4: {xml}"
        );
    }

    #[test]
    fn the_same_document_gives_the_same_bytes() {
        let markdown = "# Title\n\n1. one\n2. two\n\n[a](https://a.example/)\n";
        let properties = Properties {
            page_header: Some("Draft for discussion"),
            date: Some("2017-03-01".to_owned()),
        };
        let first = from_markdown(markdown, &properties).expect("a document");
        let second = from_markdown(markdown, &properties).expect("a document");
        assert_eq!(first, second);
    }
}
