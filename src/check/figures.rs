//! No invented figures: a plan that has gone to the department holds this year's
//! investment, usage and LibQual+ scores, not the commented lines `aplan new` left to fill
//! in, and its LibQual+ scores name the survey they come from.

use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::decode::Keyword;
use crate::model::{Context, Plan, PlanStatus, Span};

/// One list of figures in `[context]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Investment,
    Usage,
    LibQual,
}

impl Part {
    const ALL: [Part; 3] = [Part::Investment, Part::Usage, Part::LibQual];

    /// The key that opens a row of this list, as `aplan new` writes it.
    fn from_first_key(key: &str) -> Option<Part> {
        match key {
            "item" => Some(Part::Investment),
            "measure" => Some(Part::Usage),
            "dimension" => Some(Part::LibQual),
            _ => None,
        }
    }

    fn rows(self, context: &Context) -> usize {
        match self {
            Part::Investment => context.investment.len(),
            Part::Usage => context.usage.len(),
            Part::LibQual => context.libqual.len(),
        }
    }

    fn what(self) -> &'static str {
        match self {
            Part::Investment => "investment figures",
            Part::Usage => "usage figures",
            Part::LibQual => "LibQual+ scores",
        }
    }

    /// What to write, with an example row.
    fn hint(self) -> &'static str {
        match self {
            Part::Investment => {
                "add this year's amounts under [context], as investment = [{ item = \"Books\", amount = 45000 }]"
            }
            Part::Usage => {
                "add this year's figures under [context], as usage = [{ measure = \"Loans\", value = 1200, previous = 1100, source = \"Loans\" }]"
            }
            Part::LibQual => {
                "add the latest survey's scores under [context], as libqual = [{ dimension = \"Library as Place\", minimum = 6.0, desired = 7.5, perceived = 6.8, survey = \"LibQual+ 2016\" }]"
            }
        }
    }
}

pub fn check(plan: &Plan, text: Option<&str>, out: &mut Vec<Diagnostic>) {
    let status = *plan.status.get_ref();
    if status == PlanStatus::Draft {
        return;
    }
    let gaps = text.map(template_gaps).unwrap_or_default();
    let whole = plan
        .context
        .span
        .map_or_else(|| plan.status.span(), Span::range);
    let mut missing = Vec::new();
    for part in Part::ALL {
        let mut left = gaps.iter().filter(|g| g.part == part).peekable();
        if left.peek().is_none() && part.rows(&plan.context) == 0 {
            missing.push(part);
        }
        for gap in left {
            out.push(
                Diagnostic::new(
                    Code::Unfilled,
                    plan.file,
                    Some(gap.span.clone()),
                    format!(
                        "`{}` is still a template line: its {} was never entered",
                        gap.name, gap.missing
                    ),
                )
                .with_hint(format!(
                    "write this year's {} and remove the `#`, or delete the line",
                    gap.missing
                )),
            );
        }
    }
    // One finding for all the lists that are missing: they are one gap in one table.
    if let Some(first) = missing.first() {
        let what: Vec<&str> = missing.iter().map(|p| p.what()).collect();
        let hint = if missing.len() == 1 {
            first.hint().to_owned()
        } else {
            "add this year's figures under [context]: `aplan explain unfilled` shows each list"
                .to_owned()
        };
        out.push(
            Diagnostic::new(
                Code::Unfilled,
                plan.file,
                Some(whole.clone()),
                format!(
                    "the plan is `{}` but has no {}",
                    status.as_str(),
                    or_list(&what)
                ),
            )
            .with_hint(hint),
        );
    }
    let unnamed = plan.context.libqual.iter().any(|row| row.survey.is_none());
    if unnamed {
        out.push(
            Diagnostic::new(
                Code::Unfilled,
                plan.file,
                Some(whole),
                "the LibQual+ scores do not say which survey they come from".to_owned(),
            )
            .with_hint(
                "add `survey = \"LibQual+ 2016\"` (the survey's name and year) to each libqual row",
            ),
        );
    }
}

/// `a`, `a or b`, `a, b or c`.
fn or_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// A commented row with a key and no value, as `aplan new` writes this year's figures:
/// `#  { item = "Books", amount = },  # 2016: 45000`.
#[derive(Debug)]
struct Gap {
    part: Part,
    span: Range<usize>,
    /// The row's name: its item, measure or dimension.
    name: String,
    /// The key with no value.
    missing: String,
}

/// The template rows of `text`. Only lines holding a `#` can be one, so the search goes from
/// `#` to `#` rather than line by line: a filled-in plan has few comments or none.
fn template_gaps(text: &str) -> Vec<Gap> {
    let bytes = text.as_bytes();
    let mut gaps = Vec::new();
    let mut line_end = 0;
    for hash in memchr::memchr_iter(b'#', bytes) {
        if hash < line_end {
            continue; // a second `#` on a line already looked at
        }
        let start = memchr::memrchr(b'\n', &bytes[..hash]).map_or(0, |n| n + 1);
        line_end = memchr::memchr(b'\n', &bytes[hash..]).map_or(bytes.len(), |n| hash + n);
        let body = text[start..line_end].trim_end();
        let indent = body.len() - body.trim_start().len();
        if let Some(gap) = gap(body.trim_start()) {
            gaps.push(Gap {
                span: start + indent..start + body.len(),
                ..gap
            });
        }
    }
    gaps
}

/// The gap in one commented line, without its place.
fn gap(line: &str) -> Option<Gap> {
    let row = line.strip_prefix('#')?.trim_start().strip_prefix('{')?;
    let row = &row[..row.find('}')?];
    let mut pairs = row.split(',').map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key.trim(), value.trim())
    });
    let (first, name) = pairs.next()?;
    let part = Part::from_first_key(first)?;
    let (missing, _) = pairs.find(|(key, value)| !key.is_empty() && value.is_empty())?;
    Some(Gap {
        part,
        span: 0..0,
        name: name.trim_matches('"').to_owned(),
        missing: missing.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commented_row_with_a_key_left_empty_is_a_gap() {
        let found = gap("#  { item = \"Books\", amount = },  # 2016: 45000").unwrap();
        assert_eq!(found.part, Part::Investment);
        assert_eq!(found.name, "Books");
        assert_eq!(found.missing, "amount");
        let found = gap("# { measure = \"Loans\", value = , previous = 12 }").unwrap();
        assert_eq!((found.part, found.missing.as_str()), (Part::Usage, "value"));
    }

    #[test]
    fn comments_that_are_not_rows_left_empty_are_not_gaps() {
        assert!(gap("#  { item = \"Books\", amount = 45000 },").is_none());
        assert!(gap("# { dimension = \"Affect of Service\", minimum = 6.2, desired = 7.7, perceived = 7.0 },").is_none());
        assert!(gap("# This year's amounts: uncomment each line").is_none());
        assert!(gap("investment = []  # { item = \"Books\", amount = }").is_none());
        assert!(gap("# { staff = \"jsmith\", note = }").is_none());
    }

    #[test]
    fn gaps_point_at_their_line() {
        let text = "a = 1\n  #  { item = \"Books\", amount = },\n";
        let gaps = template_gaps(text);
        assert_eq!(gaps.len(), 1);
        assert_eq!(
            &text[gaps[0].span.clone()],
            "#  { item = \"Books\", amount = },"
        );
    }

    #[test]
    fn every_gap_is_found_whatever_else_the_lines_hold() {
        let text = "#  { item = \"Books\", amount = },  # 2016: 45000\r\n\
                    title = \"Issue #4\"  # not a row\r\n\
                    \t# { measure = \"Loans\", value = , previous = 12 }\r\n\
                    # { dimension = \"Library as Place\", minimum = , desired = 7.7, perceived = 7.0 }";
        let gaps = template_gaps(text);
        let found: Vec<(&str, &str)> = gaps
            .iter()
            .map(|g| (&text[g.span.clone()], g.missing.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "#  { item = \"Books\", amount = },  # 2016: 45000",
                    "amount"
                ),
                (
                    "# { measure = \"Loans\", value = , previous = 12 }",
                    "value"
                ),
                (
                    "# { dimension = \"Library as Place\", minimum = , desired = 7.7, perceived = 7.0 }",
                    "minimum"
                ),
            ]
        );
    }
}
