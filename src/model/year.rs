//! The planning year: plan year Y runs from `[process] year_starts` (a month and day,
//! October 1st unless set) in Y−1 to the day before it in Y, so that planning for 2017
//! starts in October 2016 and the drafts written then belong to 2017.

use std::fmt;

use chrono::{Datelike as _, NaiveDate};
use serde::{Serialize, Serializer};

/// The month and day a planning year starts on, written `"10-01"` in aplan.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearStart {
    month: u32,
    day: u32,
}

impl Default for YearStart {
    fn default() -> Self {
        YearStart { month: 10, day: 1 }
    }
}

impl YearStart {
    /// Reads `"MM-DD"`, a day that every year has (so not `"02-29"`).
    pub fn parse(text: &str) -> Option<YearStart> {
        let (month, day) = text.split_once('-')?;
        if month.len() != 2 || day.len() != 2 {
            return None;
        }
        let start = YearStart {
            month: month.parse().ok()?,
            day: day.parse().ok()?,
        };
        NaiveDate::from_ymd_opt(2001, start.month, start.day).map(|_| start)
    }

    /// The planning year that includes `date`. A year that starts on January 1st is the
    /// calendar year.
    pub fn planning_year(self, date: NaiveDate) -> i64 {
        let year = i64::from(date.year());
        let turned = (date.month(), date.day()) >= (self.month, self.day);
        if turned && self != (YearStart { month: 1, day: 1 }) {
            year + 1
        } else {
            year
        }
    }

    /// The first day of plan year `year`, or `None` for a year beyond the calendar.
    pub fn first_day(self, year: i64) -> Option<NaiveDate> {
        let calendar = if self == (YearStart { month: 1, day: 1 }) {
            year
        } else {
            year - 1
        };
        NaiveDate::from_ymd_opt(i32::try_from(calendar).ok()?, self.month, self.day)
    }
}

impl fmt::Display for YearStart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

impl Serialize for YearStart {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn planning_for_a_year_starts_in_the_autumn_before_it() {
        let start = YearStart::default();
        assert_eq!(start.planning_year(day("2016-09-30")), 2016);
        assert_eq!(start.planning_year(day("2016-10-01")), 2017);
        assert_eq!(start.planning_year(day("2017-04-10")), 2017);
        assert_eq!(start.first_day(2017), Some(day("2016-10-01")));
    }

    #[test]
    fn a_year_that_starts_in_january_is_the_calendar_year() {
        let start = YearStart::parse("01-01").unwrap();
        assert_eq!(start.planning_year(day("2017-01-01")), 2017);
        assert_eq!(start.planning_year(day("2017-12-31")), 2017);
        assert_eq!(start.first_day(2017), Some(day("2017-01-01")));
    }

    #[test]
    fn only_a_day_every_year_has_is_a_start() {
        assert_eq!(
            YearStart::parse("09-01").map(|s| s.to_string()).as_deref(),
            Some("09-01")
        );
        for bad in ["02-29", "13-01", "9-1", "10-32", "october", "10-01-01"] {
            assert_eq!(YearStart::parse(bad), None, "{bad}");
        }
    }
}
