//! The working-day calendar: official holiday data for the covered years, overlays, and due-date arithmetic.
//!
//! A date is a working day if it is a make-up workday (调休上班), or a Monday to Friday that is
//! not an off date; an overlay's extra off days beat both. The data is one text file per year
//! under `runtime/calendar/`, each citing its State Council notice, embedded in the binary and
//! parsed by [`Calendar::official`] (format: [`data`] and `spec/calendar.md`).
//!
//! **Coverage is explicit.** A date in a year without data is refused with [`OutOfCoverage`],
//! never guessed from weekdays, and so is any computation that would have to look at such a date.
//!
//! Counting follows 民法典 第二百零一条 with 行政许可法 第八十二条: day 1 is the first working
//! day after the start date (受理), also when the start is not a working day. Pauses follow rule
//! 9 of `shared/domain/deadlines.md`: a pause from S to E excludes the working days in (S, E].

pub mod data;

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

pub use data::{parse_date, DateError, ParseError};
use data::{DataFile, FileKind};

/// The embedded official year files, in year order, with the names used in error messages.
const OFFICIAL_FILES: [(&str, &str); 3] = [
    (
        "runtime/calendar/2024.txt",
        include_str!("../../calendar/2024.txt"),
    ),
    (
        "runtime/calendar/2025.txt",
        include_str!("../../calendar/2025.txt"),
    ),
    (
        "runtime/calendar/2026.txt",
        include_str!("../../calendar/2026.txt"),
    ),
];

/// A date, or a computation, needs a year the calendar has no data for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfCoverage {
    /// The year without data.
    pub year: i32,
}

impl fmt::Display for OutOfCoverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "没有 {} 年的节假日数据（该年的国务院放假通知尚未收录），无法计算工作日",
            self.year
        )
    }
}

impl std::error::Error for OutOfCoverage {}

/// The calendar could not be built from its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// A data file is malformed or inconsistent.
    Parse(ParseError),
    /// Two official files declare the same year.
    DuplicateYear {
        /// The year declared twice.
        year: i32,
    },
    /// An overlay lists a date in a year the official data does not cover.
    OverlayOutOfCoverage {
        /// The overlay's name, as given to [`Calendar::with_named_overlay`].
        file: String,
        /// The uncovered date.
        date: NaiveDate,
    },
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Parse(e) => e.fmt(f),
            Self::DuplicateYear { year } => write!(f, "节假日数据中 {year} 年出现了两次"),
            Self::OverlayOutOfCoverage { file, date } => write!(
                f,
                "叠加文件 {file} 中的日期 {date} 超出国家节假日数据的覆盖范围"
            ),
        }
    }
}

impl std::error::Error for CalendarError {}

impl From<ParseError> for CalendarError {
    fn from(e: ParseError) -> Self {
        Self::Parse(e)
    }
}

/// Where one covered year's data comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearSource {
    /// The year.
    pub year: i32,
    /// The State Council notice's number or title.
    pub notice: String,
    /// The notice's issue date.
    pub issued: NaiveDate,
    /// URLs or references to the notice text.
    pub sources: Vec<String>,
}

/// A clock pause (art. 45 special procedures, rule 9): the working days in (`from`, `to`] do not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    /// Day S: the last day that still counts (if it is a working day).
    pub from: NaiveDate,
    /// Day E: the last excluded day; the clock restarts on the first working day after it.
    pub to: NaiveDate,
}

/// Why a due date with pauses could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PauseError {
    /// The computation needs a year without data.
    OutOfCoverage(OutOfCoverage),
    /// A pause ends before it starts.
    Inverted(Pause),
}

impl fmt::Display for PauseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OutOfCoverage(e) => e.fmt(f),
            Self::Inverted(p) => write!(f, "暂停区间错误：结束日 {} 早于开始日 {}", p.to, p.from),
        }
    }
}

impl std::error::Error for PauseError {}

impl From<OutOfCoverage> for PauseError {
    fn from(e: OutOfCoverage) -> Self {
        Self::OutOfCoverage(e)
    }
}

/// Official holiday data for a set of covered years, plus any overlays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Covered years and their sources.
    years: BTreeMap<i32, YearSource>,
    /// National off dates with their festival labels.
    holidays: BTreeMap<NaiveDate, String>,
    /// National make-up workdays with their festival labels.
    workdays: BTreeMap<NaiveDate, String>,
    /// Extra off days from overlays; these win over make-up workdays.
    extra_off: BTreeMap<NaiveDate, String>,
}

impl Calendar {
    /// The official calendar from the embedded State Council data (2024–2026).
    ///
    /// The data is parsed on every call (a few hundred lines); keep the result rather than
    /// calling this in a loop.
    pub fn official() -> Result<Self, CalendarError> {
        Self::from_year_files(&OFFICIAL_FILES)
    }

    /// A calendar from official year files given as `(name, text)` pairs, in any order.
    pub fn from_year_files(files: &[(&str, &str)]) -> Result<Self, CalendarError> {
        let mut cal = Self {
            years: BTreeMap::new(),
            holidays: BTreeMap::new(),
            workdays: BTreeMap::new(),
            extra_off: BTreeMap::new(),
        };
        for (name, text) in files {
            let file = data::parse(name, text, FileKind::Official)?;
            cal.add_year(file)?;
        }
        Ok(cal)
    }

    /// Adds an overlay of regional or agency off days (same format, `holiday` lines only).
    pub fn with_overlay(self, text: &str) -> Result<Self, CalendarError> {
        self.with_named_overlay("overlay", text)
    }

    /// Like [`Calendar::with_overlay`], naming the overlay (e.g. its path) in error messages.
    ///
    /// Every overlay date must fall in a covered year. An overlay off day beats a national
    /// make-up workday; repeating a national off day or a weekend is allowed and changes nothing.
    pub fn with_named_overlay(mut self, name: &str, text: &str) -> Result<Self, CalendarError> {
        let file = data::parse(name, text, FileKind::Overlay)?;
        for (date, label) in file.holidays {
            if !self.years.contains_key(&date.year()) {
                return Err(CalendarError::OverlayOutOfCoverage {
                    file: name.to_owned(),
                    date,
                });
            }
            self.extra_off.insert(date, label);
        }
        Ok(self)
    }

    /// The covered years with their sources, in year order.
    pub fn years(&self) -> impl Iterator<Item = &YearSource> {
        self.years.values()
    }

    /// Whether the calendar has data for `year`.
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// The national off dates of `year` (empty if not covered), in date order.
    pub fn holidays_in(&self, year: i32) -> impl Iterator<Item = NaiveDate> + '_ {
        self.holidays
            .keys()
            .copied()
            .filter(move |d| d.year() == year)
    }

    /// The national make-up workdays of `year` (empty if not covered), in date order.
    pub fn make_up_workdays_in(&self, year: i32) -> impl Iterator<Item = NaiveDate> + '_ {
        self.workdays
            .keys()
            .copied()
            .filter(move |d| d.year() == year)
    }

    /// The festival a date belongs to, if it is an off date or a make-up workday.
    pub fn label(&self, date: NaiveDate) -> Option<&str> {
        self.extra_off
            .get(&date)
            .or_else(|| self.holidays.get(&date))
            .or_else(|| self.workdays.get(&date))
            .map(String::as_str)
    }

    /// Whether `date` is a working day.
    pub fn is_workday(&self, date: NaiveDate) -> Result<bool, OutOfCoverage> {
        self.check_covered(date)?;
        if self.extra_off.contains_key(&date) {
            return Ok(false);
        }
        if self.workdays.contains_key(&date) {
            return Ok(true);
        }
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        Ok(!weekend && !self.holidays.contains_key(&date))
    }

    /// The `n`-th working day after `start` (day 1 is the first working day after `start`);
    /// `n = 0` returns `start`.
    ///
    /// `start` itself must be covered, even for `n = 0`, and so must every date up to the result.
    pub fn add_workdays(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, OutOfCoverage> {
        self.check_covered(start)?;
        let mut date = start;
        let mut left = n;
        while left > 0 {
            date = self.next_day(date)?;
            if self.is_workday(date)? {
                left -= 1;
            }
        }
        Ok(date)
    }

    /// The number of working days in (`a`, `b`]; if `b` is before `a`, minus the number in (`b`, `a`].
    ///
    /// So `workdays_between(a, a) = 0`, `workdays_between(a, b) = -workdays_between(b, a)`, and
    /// `workdays_between(a, add_workdays(a, n)) = n`. Both dates must be covered.
    pub fn workdays_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64, OutOfCoverage> {
        self.check_covered(a)?;
        self.check_covered(b)?;
        let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
        let mut count = 0i64;
        for date in lo.iter_days().skip(1).take_while(|d| *d <= hi) {
            if self.is_workday(date)? {
                count += 1;
            }
        }
        Ok(sign * count)
    }

    /// The due date of a budget of `budget` working days from `start`, with pauses (rule 9).
    ///
    /// A working day after `start` counts unless it lies in some pause's (`from`, `to`]; the
    /// result is the `budget`-th counted day (`start` for a budget of 0). Overlapping pauses
    /// exclude the union of their days; a pause with `from == to` excludes nothing; a pause
    /// with `to < from` is an error.
    pub fn due_with_pauses(
        &self,
        start: NaiveDate,
        budget: u32,
        pauses: &[Pause],
    ) -> Result<NaiveDate, PauseError> {
        if let Some(p) = pauses.iter().find(|p| p.to < p.from) {
            return Err(PauseError::Inverted(*p));
        }
        self.check_covered(start)?;
        let paused = |d: NaiveDate| pauses.iter().any(|p| p.from < d && d <= p.to);
        let mut date = start;
        let mut left = budget;
        while left > 0 {
            date = self.next_day(date)?;
            if self.is_workday(date)? && !paused(date) {
                left -= 1;
            }
        }
        Ok(date)
    }

    /// Refuses a date in a year without data.
    fn check_covered(&self, date: NaiveDate) -> Result<(), OutOfCoverage> {
        if self.years.contains_key(&date.year()) {
            Ok(())
        } else {
            Err(OutOfCoverage { year: date.year() })
        }
    }

    /// The next day, or the following year as uncovered at the end of chrono's range.
    fn next_day(&self, date: NaiveDate) -> Result<NaiveDate, OutOfCoverage> {
        date.succ_opt().ok_or(OutOfCoverage {
            year: date.year().saturating_add(1),
        })
    }

    /// Merges one parsed official year file.
    fn add_year(&mut self, file: DataFile) -> Result<(), CalendarError> {
        let (Some(year), Some(notice), Some(issued)) = (file.year, file.notice, file.issued) else {
            // `data::parse` requires all three for official files; report rather than panic.
            return Err(CalendarError::Parse(ParseError {
                file: String::new(),
                line: 0,
                message: "缺少 year、notice 或 issued".to_owned(),
            }));
        };
        if self.years.contains_key(&year) {
            return Err(CalendarError::DuplicateYear { year });
        }
        self.years.insert(
            year,
            YearSource {
                year,
                notice,
                issued,
                sources: file.sources,
            },
        );
        self.holidays.extend(file.holidays);
        self.workdays.extend(file.workdays);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
