//! A minimal proleptic-Gregorian civil date, enough to check the birth date inside an ID number.

use std::fmt;

/// A calendar date as written in an identifier: year, month (1–12), day (1–31).
///
/// The fields are public and may hold anything; [`CivilDate::is_valid`] says whether the date
/// exists. Ordering is chronological for valid dates (year, then month, then day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// The year, e.g. 1949.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, 1 to 31.
    pub day: u32,
}

impl CivilDate {
    /// Builds a date without checking it; see [`CivilDate::is_valid`].
    pub const fn new(year: i32, month: u32, day: u32) -> Self {
        Self { year, month, day }
    }

    /// Whether the date exists in the proleptic Gregorian calendar (2000-02-29 does, 1900-02-29 does not).
    pub fn is_valid(self) -> bool {
        (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
    }
}

impl From<(i32, u32, u32)> for CivilDate {
    fn from((year, month, day): (i32, u32, u32)) -> Self {
        Self::new(year, month, day)
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Gregorian leap-year rule: every 4th year, except centuries not divisible by 400.
pub(crate) fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in a month, or 0 for a month outside 1–12.
pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years() {
        for (year, leap) in [
            (2000, true),
            (1900, false),
            (2024, true),
            (2023, false),
            (1880, true),
        ] {
            assert_eq!(is_leap_year(year), leap, "{year}");
        }
    }

    #[test]
    fn validity() {
        assert!(CivilDate::new(2000, 2, 29).is_valid());
        assert!(!CivilDate::new(1900, 2, 29).is_valid());
        assert!(!CivilDate::new(1949, 2, 30).is_valid());
        assert!(!CivilDate::new(1949, 12, 32).is_valid());
        assert!(!CivilDate::new(1949, 13, 1).is_valid());
        assert!(!CivilDate::new(1949, 0, 1).is_valid());
        assert!(!CivilDate::new(1949, 1, 0).is_valid());
        assert!(CivilDate::new(1949, 12, 31).is_valid());
        assert!(CivilDate::new(2026, 4, 30).is_valid());
        assert!(!CivilDate::new(2026, 4, 31).is_valid());
    }

    #[test]
    fn ordering_and_display() {
        assert!(CivilDate::new(2026, 1, 2) > CivilDate::new(2025, 12, 31));
        assert!(CivilDate::new(2026, 2, 1) > CivilDate::new(2026, 1, 31));
        assert_eq!(CivilDate::from((1880, 1, 1)).to_string(), "1880-01-01");
    }
}
