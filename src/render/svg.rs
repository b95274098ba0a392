//! The site's charts as inline SVG, drawn from the reports: nothing to load, nothing to
//! run, and readable without colour (over-limit bars are hatched and labelled, each date
//! on the timeline has its own shape). Every piece of text is escaped, and each chart has
//! a title and a description for screen readers; the pages carry the same data as tables.

use std::fmt::Write as _;

use chrono::{Datelike, Months, NaiveDate};

use crate::render::escape::html as escape;
use crate::report::site::activity::ActivityPage;
use crate::report::site::{TimelinePage, WorkloadPage};
use crate::report::timeline::DepartmentTimeline;

const INK: &str = "#1d2430";
const MUTED: &str = "#5a6372";
const ACCENT: &str = "#1f4e79";
const BAD: &str = "#a4262c";
const SHADE: &str = "#f3f6f9";
const RULE: &str = "#d5dbe3";
/// The longest name a chart shows whole, and the average width of a character of it.
const LABEL_CHARS: usize = 56;
const CHAR_WIDTH: f64 = 7.2;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

/// The opening `<svg>` tag, sized by its view box, named by its title and description.
fn open(svg: &mut String, id: &str, width: f64, height: f64, title: &str, desc: &str) {
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {width:.0} {height:.0}\" \
         width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         font-family=\"{FONT}\" font-size=\"13\" fill=\"{INK}\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(title),
        escape(desc)
    );
}

/// A horizontal bar per person: active initiatives against the limit, which is drawn as a
/// dashed line. A bar over the limit is hatched, outlined and labelled "over the limit".
pub fn workload_chart(page: &WorkloadPage) -> String {
    const CHART: f64 = 400.0;
    const RIGHT: f64 = 170.0;
    const TOP: f64 = 36.0;
    const ROW: f64 = 30.0;
    const BAR: f64 = 20.0;
    let people = &page.report.staff;
    let left = label_column(people.iter().map(|p| p.name.as_str()));
    let limit = page.limits.max_initiatives_per_librarian as usize;
    let most = people
        .iter()
        .map(|p| p.active_initiatives)
        .max()
        .unwrap_or(0);
    let scale_max = most.max(limit).max(1);
    let x = |value: usize| left + CHART * value as f64 / scale_max as f64;
    let bottom = TOP + ROW * people.len() as f64;
    let height = bottom + 40.0;

    let over: Vec<String> = people
        .iter()
        .filter(|p| p.active_initiatives > limit)
        .map(|p| format!("{} ({})", p.name, p.active_initiatives))
        .collect();
    let desc = format!(
        "One bar per person, the number of active initiatives they take part in in {}; the limit is {limit}. {}",
        page.report.year,
        if over.is_empty() {
            "Nobody is over the limit.".to_owned()
        } else {
            format!("Over the limit: {}.", over.join(", "))
        }
    );
    let mut svg = String::new();
    open(
        &mut svg,
        "workload-chart",
        left + CHART + RIGHT,
        height,
        &format!("Active initiatives per person, {}", page.report.year),
        &desc,
    );
    let _ = writeln!(
        svg,
        "<defs><pattern id=\"over-limit\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"8\" height=\"8\" fill=\"#f6d7d9\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"{BAD}\" stroke-width=\"4\"/></pattern></defs>"
    );
    for (i, person) in people.iter().enumerate() {
        let y = TOP + ROW * i as f64 + (ROW - BAR) / 2.0;
        let is_over = person.active_initiatives > limit;
        let width = x(person.active_initiatives) - left;
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" dominant-baseline=\"central\">{}</text>",
            left - 10.0,
            y + BAR / 2.0,
            label(&person.name)
        );
        let paint = if is_over {
            format!("fill=\"url(#over-limit)\" stroke=\"{BAD}\" stroke-width=\"2\"")
        } else {
            format!("fill=\"{ACCENT}\"")
        };
        let label = if is_over {
            format!("{} of {limit}: over the limit", person.active_initiatives)
        } else {
            person.active_initiatives.to_string()
        };
        let _ = writeln!(
            svg,
            "<rect x=\"{left:.1}\" y=\"{y:.1}\" width=\"{width:.1}\" height=\"{BAR:.1}\" {paint}><title>{}: {}</title></rect>",
            escape(&person.name),
            escape(&label)
        );
        let weight = if is_over { " font-weight=\"700\"" } else { "" };
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" dominant-baseline=\"central\"{weight}>{}</text>",
            left + width + 6.0,
            y + BAR / 2.0,
            escape(&label)
        );
    }
    // The axis and its ticks.
    let _ = writeln!(
        svg,
        "<line x1=\"{left:.1}\" y1=\"{bottom:.1}\" x2=\"{:.1}\" y2=\"{bottom:.1}\" stroke=\"{MUTED}\"/>",
        left + CHART
    );
    let step = scale_max.div_ceil(10).max(1);
    for value in (0..=scale_max).step_by(step) {
        let _ = writeln!(
            svg,
            "<line x1=\"{0:.1}\" y1=\"{bottom:.1}\" x2=\"{0:.1}\" y2=\"{1:.1}\" stroke=\"{MUTED}\"/>\
             <text x=\"{0:.1}\" y=\"{2:.1}\" text-anchor=\"middle\" fill=\"{MUTED}\">{value}</text>",
            x(value),
            bottom + 5.0,
            bottom + 20.0
        );
    }
    // The limit, over the bars.
    let _ = writeln!(
        svg,
        "<line x1=\"{0:.1}\" y1=\"{1:.1}\" x2=\"{0:.1}\" y2=\"{bottom:.1}\" stroke=\"{INK}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\
         <text x=\"{0:.1}\" y=\"{2:.1}\" text-anchor=\"middle\" font-weight=\"700\">limit: {limit}</text>",
        x(limit),
        TOP - 8.0,
        TOP - 14.0
    );
    svg.push_str("</svg>\n");
    svg
}

/// The activity heat map: a row per department, a column per month of the planning year,
/// each cell shaded by the number of interactions and labelled with it, so it reads
/// without colour; quiet departments are marked in words.
pub fn activity_heat_map(page: &ActivityPage) -> String {
    const CELL: f64 = 40.0;
    const ROW: f64 = 26.0;
    const TOP: f64 = 30.0;
    let left = label_column(page.rows.iter().map(|r| r.name.as_str()));
    let width = left + CELL * page.months.len() as f64 + 90.0;
    let height = TOP + ROW * page.rows.len() as f64 + 10.0;
    let quiet: Vec<&str> = page
        .rows
        .iter()
        .filter(|r| r.quiet)
        .map(|r| r.name.as_str())
        .collect();
    let desc = format!(
        "Interactions with each department in each month, {} in all; the darker the cell, the more. {}",
        page.total,
        if quiet.is_empty() {
            "No department is quiet.".to_owned()
        } else {
            format!("Quiet: {}.", quiet.join(", "))
        }
    );
    let mut svg = String::new();
    open(
        &mut svg,
        "activity-chart",
        width,
        height,
        "Interactions per department and month",
        &desc,
    );
    for (m, month) in page.months.iter().enumerate() {
        let short = month.split(' ').next().unwrap_or(month);
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{MUTED}\">{}</text>",
            left + CELL * m as f64 + CELL / 2.0,
            TOP - 10.0,
            escape(short)
        );
    }
    let most = page.most.max(1) as f64;
    for (i, row) in page.rows.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" dominant-baseline=\"central\">{}</text>",
            left - 10.0,
            y + ROW / 2.0,
            label(&row.name)
        );
        for (m, count) in row.counts.iter().enumerate() {
            let x = left + CELL * m as f64;
            let (fill, ink) = match *count {
                0 => (SHADE.to_owned(), MUTED),
                n => {
                    let opacity = 0.2 + 0.8 * n as f64 / most;
                    let ink = if opacity > 0.55 { "#ffffff" } else { INK };
                    (format!("{ACCENT}\" fill-opacity=\"{opacity:.2}"), ink)
                }
            };
            let _ = writeln!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\" stroke=\"{RULE}\"><title>{}, {}: {count}</title></rect>\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"{ink}\">{count}</text>",
                y + 1.0,
                CELL - 2.0,
                ROW - 2.0,
                escape(&row.name),
                escape(&page.months[m]),
                x + CELL / 2.0 - 1.0,
                y + ROW / 2.0
            );
        }
        if row.quiet {
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" dominant-baseline=\"central\" font-weight=\"700\" fill=\"{BAD}\">quiet</text>",
                left + CELL * page.months.len() as f64 + 8.0,
                y + ROW / 2.0
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}

/// The months the timeline strip spans: from the first to the last date of the year's
/// cycle, and today when it falls in the plan year's window (October of the year before
/// to December), whole months. `None` when no department has a date yet.
pub fn strip_months(
    rows: &[DepartmentTimeline],
    year: i64,
    today: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let mut dates: Vec<NaiveDate> = rows.iter().flat_map(dates_of).collect();
    let window_start = i32::try_from(year - 1)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, 10, 1));
    let window_end = i32::try_from(year)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31));
    if !dates.is_empty()
        && window_start.is_some_and(|s| today >= s)
        && window_end.is_some_and(|e| today <= e)
    {
        dates.push(today);
    }
    let first = dates.iter().min()?;
    let last = dates.iter().max()?;
    let start = first.with_day(1)?;
    let end = last.with_day(1)?.checked_add_months(Months::new(1))?;
    Some((start, end))
}

fn dates_of(row: &DepartmentTimeline) -> Vec<NaiveDate> {
    [
        row.sent,
        row.meeting,
        row.finalised,
        row.send_by,
        row.finalise_by,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A strip across the cycle's months, one row per department: when the plan was sent
/// (triangle), the meeting (circle), the final plan (square), the two deadlines (bars)
/// and a line for today. `None` when no department has a date yet.
pub fn timeline_strip(page: &TimelinePage, year: i64, today: NaiveDate) -> Option<String> {
    const CHART: f64 = 560.0;
    const RIGHT: f64 = 150.0;
    const TOP: f64 = 44.0;
    const ROW: f64 = 28.0;
    let (start, end) = strip_months(&page.report, year, today)?;
    let left = label_column(page.rows.iter().map(|r| r.name.as_str()));
    let days = (end - start).num_days().max(1) as f64;
    let x = |date: NaiveDate| left + CHART * (date - start).num_days() as f64 / days;
    let bottom = TOP + ROW * page.report.len() as f64;
    let legend_y = bottom + 30.0;
    let height = legend_y + 24.0;
    let desc = "One row per department. A triangle marks the day the plan was sent, a circle \
                the meeting, a square the day the final plan was sent; bars mark the deadlines \
                to send the plan and the final plan. A dashed line marks today. The table below \
                gives the same dates.";
    let mut svg = String::new();
    open(
        &mut svg,
        "timeline-chart",
        left + CHART + RIGHT,
        height,
        &format!("The {year} cycle, month by month"),
        desc,
    );
    // Month bands with their names.
    let mut month = start;
    let mut shaded = false;
    while month < end {
        let Some(next) = month.checked_add_months(Months::new(1)) else {
            break;
        };
        let (x0, x1) = (x(month), x(next));
        if shaded {
            let _ = writeln!(
                svg,
                "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{SHADE}\"/>",
                TOP - 8.0,
                x1 - x0,
                bottom - TOP + 8.0
            );
        }
        let name = if x1 - x0 >= 70.0 { "%B %Y" } else { "%b" };
        let _ = writeln!(
            svg,
            "<line x1=\"{x0:.1}\" y1=\"{:.1}\" x2=\"{x0:.1}\" y2=\"{bottom:.1}\" stroke=\"{RULE}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{MUTED}\">{}</text>",
            TOP - 8.0,
            (x0 + x1) / 2.0,
            TOP - 14.0,
            month.format(name)
        );
        shaded = !shaded;
        month = next;
    }
    for (i, (row, words)) in page.report.iter().zip(&page.rows).enumerate() {
        let y = TOP + ROW * i as f64 + ROW / 2.0;
        let name = escape(&words.name);
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{y:.1}\" text-anchor=\"end\" dominant-baseline=\"central\">{}</text>",
            left - 10.0,
            label(&words.name)
        );
        let dates = dates_of(row);
        if let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) {
            let _ = writeln!(
                svg,
                "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{MUTED}\"/>",
                x(*first),
                x(*last)
            );
        }
        for (date, what) in [
            (row.send_by, "send the plan by"),
            (row.finalise_by, "send the final plan by"),
        ] {
            if let Some(date) = date {
                let _ = writeln!(
                    svg,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"3\" height=\"18\" fill=\"{MUTED}\"><title>{name}: {what} {}</title></rect>",
                    x(date) - 1.5,
                    y - 9.0,
                    long(date)
                );
            }
        }
        if let Some(date) = row.sent {
            let cx = x(date);
            let _ = writeln!(
                svg,
                "<path d=\"M{:.1} {:.1} L{:.1} {y:.1} L{:.1} {:.1} Z\" fill=\"{ACCENT}\"><title>{name}: plan sent {}</title></path>",
                cx - 6.0,
                y - 7.0,
                cx + 7.0,
                cx - 6.0,
                y + 7.0,
                long(date)
            );
        }
        if let Some(date) = row.meeting {
            let _ = writeln!(
                svg,
                "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"7\" fill=\"#fff\" stroke=\"{INK}\" stroke-width=\"3\"><title>{name}: meeting {}</title></circle>",
                x(date),
                long(date)
            );
        }
        if let Some(date) = row.finalised {
            let _ = writeln!(
                svg,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"#2e6b30\"><title>{name}: final plan sent {}</title></rect>",
                x(date) - 6.0,
                y - 6.0,
                long(date)
            );
        }
        let (status, weight, colour) = if words.late.is_empty() {
            (words.status_label.to_owned(), "400", INK)
        } else {
            (format!("{}, late", words.status_label), "700", BAD)
        };
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{y:.1}\" dominant-baseline=\"central\" font-weight=\"{weight}\" fill=\"{colour}\">{}</text>",
            left + CHART + 12.0,
            escape(&status)
        );
    }
    if today >= start && today < end {
        let tx = x(today);
        let _ = writeln!(
            svg,
            "<line x1=\"{tx:.1}\" y1=\"{:.1}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"{BAD}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\
             <text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"700\" fill=\"{BAD}\">today, {}</text>",
            TOP - 4.0,
            bottom + 4.0,
            bottom + 16.0,
            today.format("%-d %b")
        );
    }
    legend(&mut svg, legend_y);
    svg.push_str("</svg>\n");
    Some(svg)
}

/// A legend entry's shape, drawn from its left edge `x` around the middle line `y`.
type Shape = fn(f64, f64) -> String;

/// The shapes of the strip and what they mean, under it.
fn legend(svg: &mut String, y: f64) {
    // Each entry: its shape drawn at x, the gap to its label, the label, and the room the
    // label takes before the next entry.
    let sent: Shape = |x, y| {
        format!(
            "<path d=\"M{x:.1} {:.1} L{:.1} {y:.1} L{x:.1} {:.1} Z\" fill=\"{ACCENT}\"/>",
            y - 7.0,
            x + 13.0,
            y + 7.0
        )
    };
    let meeting: Shape = |x, y| {
        format!(
            "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"7\" fill=\"#fff\" stroke=\"{INK}\" stroke-width=\"3\"/>",
            x + 7.0
        )
    };
    let final_sent: Shape = |x, y| {
        format!(
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"#2e6b30\"/>",
            y - 6.0
        )
    };
    let deadline: Shape = |x, y| {
        format!(
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"3\" height=\"18\" fill=\"{MUTED}\"/>",
            y - 9.0
        )
    };
    let entries = [
        (sent, 20.0, "plan sent", 90.0),
        (meeting, 20.0, "meeting", 80.0),
        (final_sent, 20.0, "final plan sent", 120.0),
        (
            deadline,
            12.0,
            "deadline to send the plan or the final plan",
            0.0,
        ),
    ];
    let mut x = 10.0;
    for (shape, gap, label, width) in entries {
        svg.push_str(&shape(x, y));
        x += gap;
        let _ = writeln!(
            svg,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" dominant-baseline=\"central\">{label}</text>"
        );
        x += width;
    }
}

/// The width of the column of names left of a chart: room for the longest name at the
/// charts' font size, within bounds; longer names are shortened by [`label`].
fn label_column<'a>(names: impl Iterator<Item = &'a str>) -> f64 {
    let longest = names.map(|n| n.chars().count()).max().unwrap_or(0);
    (longest.min(LABEL_CHARS) as f64 * CHAR_WIDTH).max(80.0) + 16.0
}

/// A name as a chart shows it: at most [`LABEL_CHARS`] characters, escaped.
fn label(name: &str) -> String {
    if name.chars().count() <= LABEL_CHARS {
        return escape(name);
    }
    let short: String = name.chars().take(LABEL_CHARS - 1).collect();
    escape(&format!("{}…", short.trim_end()))
}

/// `8 March 2017`.
fn long(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// A small line of a usage measure's figure over the years, for "At a glance": its
/// points marked, the latest one filled, and read out as "by year: 2016: 100; …" (the
/// measure's name is the label beside it). `points` are (year, value, value as printed),
/// oldest first; fewer than two draw nothing.
pub fn trend(points: &[(i64, f64, String)]) -> String {
    const WIDTH: f64 = 120.0;
    const HEIGHT: f64 = 28.0;
    const PAD: f64 = 4.0;
    if points.len() < 2 {
        return String::new();
    }
    let (low, high) = points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.1), hi.max(p.1))
    });
    let span = if high > low { high - low } else { 1.0 };
    let step = (WIDTH - 2.0 * PAD) / (points.len() - 1) as f64;
    let at = |i: usize, value: f64| {
        let y = if high > low {
            HEIGHT - PAD - (value - low) / span * (HEIGHT - 2.0 * PAD)
        } else {
            HEIGHT / 2.0
        };
        (PAD + step * i as f64, y)
    };
    let said: Vec<String> = points
        .iter()
        .map(|(year, _, text)| format!("{year}: {text}"))
        .collect();
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" viewBox=\"0 0 {WIDTH:.0} {HEIGHT:.0}\" \
         width=\"{WIDTH:.0}\" height=\"{HEIGHT:.0}\" role=\"img\" aria-label=\"{}\">",
        escape(&format!("by year: {}", said.join("; ")))
    );
    let line: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (x, y) = at(i, p.1);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let _ = write!(
        svg,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{ACCENT}\" stroke-width=\"2\"/>",
        line.join(" ")
    );
    for (i, p) in points.iter().enumerate() {
        let (x, y) = at(i, p.1);
        let fill = if i + 1 == points.len() {
            ACCENT
        } else {
            "#fff"
        };
        let _ = write!(
            svg,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3\" fill=\"{fill}\" stroke=\"{ACCENT}\" stroke-width=\"1.5\"/>"
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::timeline::{Next, Step};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn row(meeting: Option<NaiveDate>) -> DepartmentTimeline {
        DepartmentTimeline {
            department: "history".to_owned(),
            name: "Department of History".to_owned(),
            year: 2017,
            status: Some("draft"),
            meeting,
            sent: None,
            finalised: None,
            send_by: meeting.map(|m| m - chrono::Days::new(7)),
            finalise_by: meeting.map(|m| m + chrono::Days::new(7)),
            late: Vec::new(),
            next: Some(Next {
                step: Step::Send,
                by: None,
            }),
            follow_ups: Vec::new(),
        }
    }

    #[test]
    fn the_strip_spans_whole_months_of_the_dates_and_today_in_the_plan_year() {
        let rows = [row(Some(date(2017, 3, 14)))];
        // 7 to 21 March; today in April of the plan year stretches the strip to April.
        assert_eq!(
            strip_months(&rows, 2017, date(2017, 4, 10)),
            Some((date(2017, 3, 1), date(2017, 5, 1)))
        );
        // Today years later is left off rather than stretching the strip.
        assert_eq!(
            strip_months(&rows, 2017, date(2026, 11, 28)),
            Some((date(2017, 3, 1), date(2017, 4, 1)))
        );
        // October of the year before is in the plan year's window.
        assert_eq!(
            strip_months(&rows, 2017, date(2016, 10, 3)),
            Some((date(2016, 10, 1), date(2017, 4, 1)))
        );
        assert_eq!(strip_months(&[row(None)], 2017, date(2017, 4, 10)), None);
    }

    #[test]
    fn long_names_are_shortened_and_escaped() {
        let long = "Department of A Very Long Name & Many Words That Go On and On Forever";
        let shown = label(long);
        assert!(shown.ends_with('…'), "{shown}");
        assert!(shown.contains("&amp;"), "{shown}");
        assert_eq!(label("Short <b>"), "Short &lt;b&gt;");
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>"x" & 'y'</script>"#),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
