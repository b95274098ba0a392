//! Numbers and dates as a reader in a UK library expects them: `£46,000`, `+31.5%`,
//! `8 March 2017`.

use chrono::NaiveDate;

/// A count or measure: thousands separated, decimals only when it has them.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        grouped(value, 0)
    } else {
        let text = grouped(value, 2);
        text.trim_end_matches('0').to_owned()
    }
}

/// An amount in the library's currency: `£46,000`, `€1,250.50`, `CHF 900`.
pub fn money(amount: f64, currency: &str) -> String {
    let decimals = if amount.fract() == 0.0 { 0 } else { 2 };
    let digits = grouped(amount.abs(), decimals);
    let sign = if amount < 0.0 && !digits.trim_start_matches(['0', ',', '.']).is_empty() {
        "-"
    } else {
        ""
    };
    match symbol(currency) {
        Some(symbol) => format!("{sign}{symbol}{digits}"),
        None => format!("{sign}{currency} {digits}"),
    }
}

fn symbol(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "GBP" => "£",
        "EUR" => "€",
        "USD" => "$",
        "JPY" => "¥",
        _ => return None,
    })
}

/// A change with its sign: `+1,630`, `-1,630`, `0`.
pub fn signed(value: f64) -> String {
    let text = number(value);
    if text.starts_with('-') || text == "0" {
        text
    } else {
        format!("+{text}")
    }
}

/// A percentage with one decimal and its sign: `+31.5%`, `-5.1%`, `0.0%`.
pub fn percent(value: f64) -> String {
    let text = format!("{value:.1}");
    match text.as_str() {
        "0.0" | "-0.0" => "0.0%".to_owned(),
        t if t.starts_with('-') => format!("{t}%"),
        t => format!("+{t}%"),
    }
}

/// A LibQual+ score: two decimals, as the survey's own reports print them.
pub fn score(value: f64) -> String {
    format!("{value:.2}")
}

/// A LibQual+ gap: two decimals with its sign.
pub fn gap(value: f64) -> String {
    let text = format!("{value:.2}");
    match text.as_str() {
        "0.00" | "-0.00" => "0.00".to_owned(),
        t if t.starts_with('-') => t.to_owned(),
        t => format!("+{t}"),
    }
}

/// `8 March 2017`.
pub fn date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// `8 Mar 2017`, for a table's cell, where a date must fit on one line.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// `Wednesday 8 March 2017`, for the meeting.
pub fn day(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// `value` rounded to `decimals` places, with commas between thousands.
fn grouped(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    let is_zero = text.chars().all(|c| c == '0' || c == '.');
    if value < 0.0 && !is_zero {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number(23975.0), "23,975");
        assert_eq!(number(1_234_567.0), "1,234,567");
        assert_eq!(number(999.0), "999");
        assert_eq!(number(4.25), "4.25");
        assert_eq!(number(4.5), "4.5");
        assert_eq!(number(-1630.0), "-1,630");
        assert_eq!(number(0.0), "0");
    }

    #[test]
    fn money_in_the_librarys_currency() {
        assert_eq!(money(45000.0, "GBP"), "£45,000");
        assert_eq!(money(1250.5, "EUR"), "€1,250.50");
        assert_eq!(money(900.0, "CHF"), "CHF 900");
        assert_eq!(money(-200.0, "USD"), "-$200");
    }

    #[test]
    fn changes_and_percentages() {
        assert_eq!(signed(1630.0), "+1,630");
        assert_eq!(signed(-1630.0), "-1,630");
        assert_eq!(signed(0.0), "0");
        assert_eq!(percent(31.5173), "+31.5%");
        assert_eq!(percent(-5.12), "-5.1%");
        assert_eq!(percent(-0.01), "0.0%");
    }

    #[test]
    fn libqual_gaps() {
        // 7.0 - 6.9 is 0.09999… in floating point.
        assert_eq!(gap(7.0 - 6.9), "+0.10");
        assert_eq!(gap(6.1 - 6.4), "-0.30");
        assert_eq!(gap(-0.001), "0.00");
        assert_eq!(score(6.9), "6.90");
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2017, 3, 8).unwrap();
        assert_eq!(date(d), "8 March 2017");
        assert_eq!(day(d), "Wednesday 8 March 2017");
        assert_eq!(short_date(d), "8 Mar 2017");
    }
}
