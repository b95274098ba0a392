//! The planning year: plan year Y runs from 1 October of Y−1 to 30 September of Y, so
//! planning for 2017 starts in October 2016. Interactions are filed by it.

use chrono::{Datelike, NaiveDate};

/// The month and day a planning year starts on.
const STARTS: (u32, u32) = (10, 1);

/// The first day of plan year `year`, or `None` for a year outside the calendar.
pub fn first_day(year: i64) -> Option<NaiveDate> {
    let before = i32::try_from(year.checked_sub(1)?).ok()?;
    NaiveDate::from_ymd_opt(before, STARTS.0, STARTS.1)
}

/// The last day of plan year `year`.
pub fn last_day(year: i64) -> Option<NaiveDate> {
    first_day(year.checked_add(1)?)?.pred_opt()
}

/// The plan year that `date` falls in.
pub fn of(date: NaiveDate) -> i64 {
    let year = i64::from(date.year());
    if (date.month(), date.day()) >= STARTS {
        year + 1
    } else {
        year
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_year_starts_in_october_of_the_year_before() {
        assert_eq!(first_day(2017), Some(date(2016, 10, 1)));
        assert_eq!(last_day(2017), Some(date(2017, 9, 30)));
        assert_eq!(of(date(2016, 9, 30)), 2016);
        assert_eq!(of(date(2016, 10, 1)), 2017);
        assert_eq!(of(date(2017, 9, 30)), 2017);
        assert_eq!(first_day(i64::MAX), None);
        assert_eq!(last_day(i64::MAX), None);
    }
}
