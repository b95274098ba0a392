//! Dates written the way people write them in letters (`31/10/2017`, `2017/10/31`,
//! `31 October 2017`), read back so a finding can give the date in the form TOML needs.

use chrono::{Datelike, NaiveDate};

/// What a date written in another form stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LooseDate {
    /// One date only: `31/10/2017`, `2017/10/31`, `31 October 2017`.
    One(NaiveDate),
    /// Day and month could be either way round: `05/06/2017` is 5 June or 6 May.
    Either(NaiveDate, NaiveDate),
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl LooseDate {
    /// Reads `text` as a date in another order or form; `None` when it is not one, or is
    /// already written as TOML wants it.
    pub fn read(text: &str) -> Option<LooseDate> {
        let text = text.trim();
        if text.chars().any(|c| c.is_ascii_alphabetic()) {
            return in_words(text).map(LooseDate::One);
        }
        in_figures(text)
    }

    /// The hint for a value of `key` written this way.
    pub fn hint(self, key: &str) -> String {
        match self {
            LooseDate::One(date) => {
                format!("write dates as YYYY-MM-DD, without quotes: `{key} = {date}`")
            }
            LooseDate::Either(first, second) => format!(
                "write dates as YYYY-MM-DD, without quotes: `{key} = {first}` ({}) or `{key} = {second}` ({}), whichever was meant",
                spoken(first),
                spoken(second)
            ),
        }
    }

    /// The date as TOML and the command line write it, or both when either could be meant:
    /// `2017-06-05 (5 June) or 2017-05-06 (6 May)`.
    pub fn as_written(self) -> String {
        match self {
            LooseDate::One(date) => date.to_string(),
            LooseDate::Either(first, second) => format!(
                "{first} ({}) or {second} ({})",
                spoken(first),
                spoken(second)
            ),
        }
    }
}

/// `5 June`.
fn spoken(date: NaiveDate) -> String {
    let month = MONTHS[date.month0() as usize];
    let mut name = month.to_owned();
    name[..1].make_ascii_uppercase();
    format!("{} {name}", date.day())
}

/// Three numbers with `/`, `.` or `-` between them, the year first or last.
fn in_figures(text: &str) -> Option<LooseDate> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (a_n, b_n, c_n) = (number(a)?, number(b)?, number(c)?);
    if a.len() == 4 {
        // 2017/10/31; 2017-10-31 itself is no mistake, but 2017-6-30 is.
        if text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-' {
            return None;
        }
        return date(a_n, b_n, c_n).map(LooseDate::One);
    }
    if c.len() != 4 || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let day_first = date(c_n, b_n, a_n);
    let month_first = date(c_n, a_n, b_n);
    match (day_first, month_first) {
        (Some(one), Some(other)) if one != other => Some(LooseDate::Either(one, other)),
        (Some(one), _) | (None, Some(one)) => Some(LooseDate::One(one)),
        (None, None) => None,
    }
}

/// `31 October 2017`, `October 31, 2017`, `31st Oct 2017`.
fn in_words(text: &str) -> Option<NaiveDate> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.len() != 3 {
        return None;
    }
    let (mut day, mut month, mut year) = (None, None, None);
    for word in &words {
        if let Some(m) = month_named(word) {
            month = Some(m);
        } else if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
            year = word.parse().ok();
        } else {
            let digits = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|suffix| word.strip_suffix(suffix))
                .unwrap_or(word);
            day = digits.parse().ok().filter(|_| digits.len() <= 2);
        }
    }
    date(year?, month?, day?)
}

/// The month a word names, in full or cut short to three letters or more (`Oct`, `Sept`).
fn month_named(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(word))
        .map(|i| i as u32 + 1)
}

fn date(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_the_orders_people_write() {
        let one = |y, m, d| Some(LooseDate::One(ymd(y, m, d)));
        assert_eq!(LooseDate::read("31/10/2026"), one(2026, 10, 31));
        assert_eq!(LooseDate::read("10/31/2026"), one(2026, 10, 31));
        assert_eq!(LooseDate::read("2026/10/31"), one(2026, 10, 31));
        assert_eq!(LooseDate::read("31.10.2026"), one(2026, 10, 31));
        assert_eq!(LooseDate::read("2026-6-30"), one(2026, 6, 30));
        assert_eq!(LooseDate::read("31 October 2026"), one(2026, 10, 31));
        assert_eq!(LooseDate::read("October 31, 2026"), one(2026, 10, 31));
        assert_eq!(LooseDate::read("31st Oct 2026"), one(2026, 10, 31));
        assert_eq!(LooseDate::read("6/6/2026"), one(2026, 6, 6));
        assert_eq!(
            LooseDate::read("05/06/2017"),
            Some(LooseDate::Either(ymd(2017, 6, 5), ymd(2017, 5, 6)))
        );
    }

    #[test]
    fn leaves_other_text_alone() {
        for text in [
            "2026-10-31",
            "31/13/2026",
            "soon",
            "31 Octopus 2026",
            "1/2/3",
            "Reading lists",
            "30 February 2026",
        ] {
            assert_eq!(LooseDate::read(text), None, "{text}");
        }
    }

    #[test]
    fn hints_say_which_date_and_when_it_is_unsure() {
        let either = LooseDate::read("05/06/2017").unwrap();
        assert_eq!(
            either.hint("due"),
            "write dates as YYYY-MM-DD, without quotes: `due = 2017-06-05` (5 June) or `due = 2017-05-06` (6 May), whichever was meant"
        );
    }
}
