//! Checks that a rendered HTML document holds only the markup aplan's templates and safe
//! Markdown make: known elements, known attributes, links that cannot run code, and no
//! stray `<` that a browser might read as the start of a tag. Plan text that slipped
//! through unescaped shows up as an unknown element or attribute, or as a stray `<`.
//!
//! Shared by the property tests and the `render` fuzz target (`fuzz/src/lib.rs`).

/// Elements of the built-in templates and of Markdown rendered without raw HTML, and the
/// small trend lines of "At a glance" (`svg`, `polyline`, `circle`).
const ELEMENTS: &[&str] = &[
    "a",
    "article",
    "blockquote",
    "body",
    "br",
    "caption",
    "circle",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "meta",
    "ol",
    "p",
    "polyline",
    "pre",
    "section",
    "span",
    "strong",
    "style",
    "svg",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Attributes of the same; none of them runs code or fetches anything.
const ATTRIBUTES: &[&str] = &[
    "align",
    "aria-label",
    "aria-labelledby",
    "charset",
    "class",
    "content",
    "cx",
    "cy",
    "data-label",
    "fill",
    "height",
    "href",
    "http-equiv",
    "id",
    "lang",
    "name",
    "points",
    "r",
    "role",
    "scope",
    "start",
    "stroke",
    "stroke-width",
    "tabindex",
    "title",
    "viewbox",
    "width",
    "xmlns",
];

/// Attribute names and values, as written.
pub type Attributes = Vec<(String, String)>;

/// One start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub attributes: Attributes,
}

/// Every problem with the document's markup; empty when it is safe.
pub fn problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let tags = match tags(html) {
        Ok(tags) => tags,
        Err(problem) => return vec![problem],
    };
    for tag in tags {
        if !ELEMENTS.contains(&tag.name.as_str()) {
            problems.push(format!("unexpected element <{}>", tag.name));
        }
        for (name, value) in &tag.attributes {
            if !ATTRIBUTES.contains(&name.as_str()) {
                problems.push(format!("unexpected attribute {name} on <{}>", tag.name));
            }
            if name == "href" && !is_safe_link(value) {
                problems.push(format!("unsafe link {value:?}"));
            }
        }
    }
    problems
}

/// The start tags of a document, or where it has a `<` that starts no tag.
pub fn tags(html: &str) -> Result<Vec<Tag>, String> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let after = &rest[at + 1..];
        if let Some(comment) = after.strip_prefix("!--") {
            let end = comment.find("-->").ok_or("an unclosed comment")?;
            rest = &comment[end + 3..];
        } else if after.starts_with("!DOCTYPE") || after.starts_with("!doctype") {
            let end = after.find('>').ok_or("an unclosed doctype")?;
            rest = &after[end + 1..];
        } else if let Some(closing) = after.strip_prefix('/') {
            let name_len = name_length(closing);
            if name_len == 0 || !closing[name_len..].starts_with('>') {
                return Err(format!("a stray `</` before {:?}", excerpt(closing)));
            }
            rest = &closing[name_len + 1..];
        } else {
            let name_len = name_length(after);
            if name_len == 0 {
                return Err(format!("a stray `<` before {:?}", excerpt(after)));
            }
            let name = after[..name_len].to_ascii_lowercase();
            let (attributes, remaining) = attributes(&after[name_len..])?;
            rest = remaining;
            if name == "style" {
                // Style sheets come from the templates; skip to the end of the element.
                let end = rest.find("</style>").ok_or("an unclosed <style>")?;
                rest = &rest[end..];
            }
            tags.push(Tag { name, attributes });
        }
    }
    Ok(tags)
}

fn name_length(text: &str) -> usize {
    text.find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(text.len())
}

/// The attributes of a start tag up to its `>`, and the text after it.
fn attributes(mut text: &str) -> Result<(Attributes, &str), String> {
    let mut found = Vec::new();
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix('>') {
            return Ok((found, rest));
        }
        if let Some(rest) = text.strip_prefix("/>") {
            return Ok((found, rest));
        }
        let name_end = text
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/' | '"' | '\'' | '<'))
            .unwrap_or(text.len());
        if name_end == 0 {
            return Err(format!("a malformed tag at {:?}", excerpt(text)));
        }
        let name = text[..name_end].to_ascii_lowercase();
        text = &text[name_end..];
        let mut value = String::new();
        if let Some(rest) = text.trim_start().strip_prefix('=') {
            let rest = rest.trim_start();
            let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'');
            let Some(quote) = quote else {
                return Err(format!("an unquoted value for {name}"));
            };
            let end = rest[1..]
                .find(quote)
                .ok_or_else(|| format!("an unclosed value for {name}"))?;
            value = rest[1..1 + end].to_owned();
            if value.contains('<') {
                return Err(format!("a `<` inside the value of {name}"));
            }
            text = &rest[end + 2..];
        }
        found.push((name, value));
    }
}

/// Web and mail links, and links within the document or to a neighbouring file.
fn is_safe_link(href: &str) -> bool {
    let decoded = href
        .replace("&amp;", "&")
        .replace("&#x3a;", ":")
        .replace("&#58;", ":")
        .to_ascii_lowercase();
    match decoded.find(':') {
        Some(colon) if !decoded[..colon].contains(['/', '?', '#']) => {
            matches!(&decoded[..colon], "http" | "https" | "mailto")
        }
        _ => true,
    }
}

fn excerpt(text: &str) -> String {
    text.chars().take(30).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checker_sees_injected_markup() {
        assert!(problems("<p class=\"x\">a &lt;b&gt;</p>").is_empty());
        assert!(!problems("<p>a <script>x</script></p>").is_empty());
        assert!(!problems("<p onclick=\"x\">a</p>").is_empty());
        assert!(!problems("<a href=\"javascript:x\">a</a>").is_empty());
        assert!(!problems("<p>a < b</p>").is_empty());
        assert!(!problems("<p title=\"a\"b>x</p>").is_empty());
    }
}
