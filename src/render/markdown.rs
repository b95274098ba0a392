//! Markdown from plan fields (`summary`, `detail`), made safe to publish.
//!
//! A plan arrives through pull requests, so its Markdown is treated as untrusted: raw HTML
//! is removed, links that could run code (`javascript:`, `data:` …) keep their text but
//! lose their target, and images become their alt text, so a rendered document never
//! fetches anything. Headings are pushed below the document's own, so a `# Heading` in a
//! field cannot compete with the document's title.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options};

/// Headings in a field start at this level (h4) unless the template says otherwise: the
/// document uses h1 to h3.
pub const FIRST_HEADING_LEVEL: u8 = 4;

/// A field's Markdown as an HTML fragment.
pub fn to_html(markdown: &str) -> String {
    to_html_at(markdown, FIRST_HEADING_LEVEL)
}

/// A field's Markdown as an HTML fragment whose headings start at `first_level`, for a
/// field that sits right under an h2 of the document (an h3 there keeps the heading
/// levels in order for screen readers).
pub fn to_html_at(markdown: &str, first_level: u8) -> String {
    let arena = Arena::new();
    let options = options();
    let root = safe_tree(&arena, markdown, &options, first_level);
    let mut html = String::new();
    comrak::format_html(root, &options, &mut html).expect("writing to a String cannot fail");
    html
}

/// A field's Markdown, made safe and normalised, for a Markdown document.
pub fn to_markdown(markdown: &str) -> String {
    to_markdown_at(markdown, FIRST_HEADING_LEVEL)
}

/// A field's Markdown for a Markdown document, its headings starting at `first_level`.
pub fn to_markdown_at(markdown: &str, first_level: u8) -> String {
    let arena = Arena::new();
    let mut options = options();
    // Fenced, so that `portable_escapes` knows where code is.
    options.render.prefer_fenced = true;
    let root = safe_tree(&arena, markdown, &options, first_level);
    let mut text = String::new();
    comrak::format_commonmark(root, &options, &mut text).expect("writing to a String cannot fail");
    portable_escapes(&text)
}

/// The characters Python-Markdown (MkDocs) reads a backslash before as it is meant; before
/// any other, it shows the backslash. CommonMark and GitHub read all of these too.
const PORTABLE_BACKSLASH: &[char] = &[
    '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!',
];

/// A character written so that every Markdown renderer shows it as itself: after a
/// backslash where all of them read that, else as a numeric character reference.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '&' => out.push_str("&amp;"),
        c if PORTABLE_BACKSLASH.contains(&c) => {
            out.push('\\');
            out.push(c);
        }
        c => out.push_str(&format!("&#{};", u32::from(c))),
    }
}

/// comrak's Markdown with each backslash escape that Python-Markdown would show (`\<`,
/// `\&`, `\|` …) written as a character reference instead. Code spans and fenced code
/// are left as they are: nothing is escaped in them.
fn portable_escapes(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut fence: Option<String> = None;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        if let Some(open) = &fence {
            if trimmed.starts_with(open.as_str()) && trimmed.trim_end() == marker {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if marker.len() >= 3
            && marker
                .chars()
                .all(|c| c == marker.chars().next().unwrap_or('`'))
        {
            fence = Some(marker);
            out.push_str(line);
            continue;
        }
        escape_line(line, &mut out);
    }
    out
}

/// One line outside fenced code: backslash escapes rewritten, code spans kept.
fn escape_line(line: &str, out: &mut String) {
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '`' => {
                let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                let closing = (i + run..chars.len()).find(|&j| {
                    chars[j..].iter().take_while(|&&c| c == '`').count() == run
                        && (j == 0 || chars[j - 1] != '`')
                });
                let end = closing.map_or(i + run, |j| j + run);
                out.extend(&chars[i..end]);
                i = end;
            }
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                push_escaped(out, chars[i + 1]);
                i += 2;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
}

/// Plain text for a Markdown document: characters that would start markup are escaped and
/// line breaks become spaces, so the text reads the same in a paragraph or a table cell.
/// Escapes are ones CommonMark, GitHub and Python-Markdown all read: a backslash where
/// each of them takes it, else a character reference (`&lt;`, `&#124;`).
pub fn escape(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(flat.len() + 8);
    for (i, c) in flat.char_indices() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '&' => looks_like_entity(&flat[i + 1..]),
            '#' | '-' | '+' | '=' if i == 0 => starts_block(&flat),
            _ => false,
        };
        if escape {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    if let Some(end) = ordered_list_marker(&out) {
        out.insert(end, '\\');
    }
    out
}

/// `&name;` or `&#123;`: text that Markdown would read as a character reference.
fn looks_like_entity(rest: &str) -> bool {
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .unwrap_or(rest.len());
    name_len > 0 && rest[name_len..].starts_with(';')
}

/// Whether text at the start of a line would open a heading, a list or a rule.
fn starts_block(text: &str) -> bool {
    let first = text.chars().next().unwrap_or(' ');
    let rest = &text[first.len_utf8()..];
    match first {
        '#' => {
            let hashes = text.chars().take_while(|&c| c == '#').count();
            let after = &text[hashes..];
            hashes <= 6 && (after.is_empty() || after.starts_with(' '))
        }
        '-' | '+' => rest.is_empty() || rest.starts_with(' ') || text.chars().all(|c| c == first),
        '=' => text.chars().all(|c| c == '='),
        _ => false,
    }
}

/// Where to put a backslash so `1. text` or `2) text` at a line's start is not a list.
fn ordered_list_marker(text: &str) -> Option<usize> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = &text[digits..];
    let is_marker = (1..=9).contains(&digits)
        && (rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")");
    is_marker.then_some(digits)
}

fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options
}

/// Parses `markdown` and removes everything that is not safe to publish.
fn safe_tree<'a>(
    arena: &'a Arena<'a>,
    markdown: &str,
    options: &Options,
    first_level: u8,
) -> &'a AstNode<'a> {
    let root = comrak::parse_document(arena, markdown, options);
    // Collect first: the tree cannot be changed while it is being walked.
    let nodes: Vec<&AstNode<'_>> = root.descendants().collect();
    for node in nodes {
        let action = match &mut node.data.borrow_mut().value {
            NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_) => Change::Remove,
            NodeValue::Image(_) => Change::Unwrap,
            NodeValue::Link(link) if !is_safe_url(&link.url) => Change::Unwrap,
            NodeValue::Heading(heading) => {
                heading.level = (heading.level + first_level.clamp(1, 6) - 1).min(6);
                heading.setext = false;
                Change::Keep
            }
            _ => Change::Keep,
        };
        match action {
            Change::Keep => {}
            Change::Remove => node.detach(),
            Change::Unwrap => {
                let children: Vec<&AstNode<'_>> = node.children().collect();
                for child in children {
                    node.insert_before(child);
                }
                node.detach();
            }
        }
    }
    root
}

enum Change {
    Keep,
    Remove,
    /// Replace the node by its children: a link by its text, an image by its alt text.
    Unwrap,
}

/// Web and mail links, and links within the document or relative to it; never a scheme
/// that runs code or embeds content.
fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match cleaned.find(':') {
        Some(colon) if !cleaned[..colon].contains(['/', '?', '#']) => {
            matches!(&cleaned[..colon], "http" | "https" | "mailto")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_and_scripts_are_removed() {
        let html =
            to_html("Hello <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div>x</div>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        let md = to_markdown("Hello <b onclick=\"x()\">bold</b>\n\n<script>alert(1)</script>\n");
        assert!(!md.contains('<'), "{md}");
    }

    #[test]
    fn unsafe_links_keep_their_text_only() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:x",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
        ] {
            let source = format!("[click]({url}) and <{url}>");
            let html = to_html(&source);
            assert!(!html.contains("href"), "{url}: {html}");
            assert!(html.contains("click"), "{url}: {html}");
            let md = to_markdown(&source);
            // The address may stay as text, but never as a link.
            let again = to_html(&md);
            assert!(!again.contains("href"), "{url}: {md}");
        }
        let html = to_html("[guide](https://example.ac.uk/guide) [top](#top) [page](page.html)");
        assert_eq!(html.matches("href").count(), 3, "{html}");
    }

    #[test]
    fn images_become_their_alt_text() {
        let html = to_html("![a chart](https://example.org/chart.png)");
        assert_eq!(html, "<p>a chart</p>\n");
    }

    #[test]
    fn headings_sit_below_the_documents_own() {
        assert_eq!(to_html("# Top\n\n## Next"), "<h4>Top</h4>\n<h5>Next</h5>\n");
        assert_eq!(to_markdown("Top\n==="), "#### Top\n");
        assert_eq!(
            to_html_at("# Top\n\n## Next", 3),
            "<h3>Top</h3>\n<h4>Next</h4>\n"
        );
        assert_eq!(to_markdown_at("# Top", 3), "### Top\n");
    }

    #[test]
    fn fields_keep_no_backslash_that_python_markdown_would_show() {
        assert_eq!(to_markdown("a < b and 1 * 2"), "a &lt; b and 1 \\* 2\n");
        assert_eq!(to_markdown("R&D"), "R&amp;D\n");
        assert_eq!(
            to_markdown("keep `x \\< y` as code"),
            "keep `x \\< y` as code\n"
        );
        let fenced = to_markdown("```\na \\< b\n```\n");
        assert!(fenced.contains("a \\< b"), "{fenced}");
    }

    #[test]
    fn plain_text_is_escaped_for_markdown() {
        assert_eq!(
            escape("a *b* [c](d) <e> f|g ~h~"),
            r"a \*b\* \[c\](d) &lt;e&gt; f&#124;g &#126;h&#126;"
        );
        assert_eq!(escape("# not a heading"), r"\# not a heading");
        assert_eq!(escape("- not a list"), r"\- not a list");
        assert_eq!(escape("1. not a list"), r"1\. not a list");
        assert_eq!(escape("-5,745"), "-5,745");
        assert_eq!(escape("R&D &amp; more"), "R&D &amp;amp; more");
        assert_eq!(escape("=="), "&#61;=");
        assert_eq!(escape("two\nlines"), "two lines");
        assert_eq!(escape("Prof. Ann Head"), "Prof. Ann Head");
    }
}
