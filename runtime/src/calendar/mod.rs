//! The working-day calendar: official holiday data for the covered years, overlays, and due-date arithmetic.
//!
//! A date is a working day if it is a make-up workday (调休上班), or a Monday to Friday that is
//! not an off date; an overlay's extra off days beat both. The data is one text file per year
//! under `runtime/calendar/`, each citing its State Council notice, embedded in the binary and
//! parsed by [`Calendar::official`] (format: [`data`] and `spec/calendar.md`).
//!
//! **Estimates are explicit.** A date in a year without data (the State Council publishes next
//! year's notice each November) is counted on weekends alone, and every answer that looked at
//! such a year says so: [`Calendar::estimate`] gives the [`Estimate`] (估算) with its reason, which
//! every clock, list and alert carries. Due dates are never stored, so they become exact as soon
//! as the year's data is added (embedded, or installed by `yjs calendar add-year` into the
//! calendar directory, [`Calendar::installed`]). Only years outside [`ESTIMATE_YEARS`] are
//! refused with [`OutOfCoverage`].
//!
//! Counting follows 民法典 第二百零一条 with 行政许可法 第八十二条: day 1 is the first working
//! day after the start date (受理), also when the start is not a working day. Pauses follow rule
//! 9 of `shared/domain/deadlines.md`: a pause from S to E excludes the working days in (S, E].

pub mod data;

use std::collections::BTreeMap;
use std::fmt;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

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

/// The years counted without data, on weekends alone (估算); outside them nothing is counted.
pub const ESTIMATE_YEARS: RangeInclusive<i32> = 1900..=2199;

/// The environment variable naming the calendar directory (default [`DEFAULT_DIR`]).
pub const DIR_ENV: &str = "YJS_CALENDAR_DIR";

/// The calendar directory when [`DIR_ENV`] is not set, relative to the working directory.
pub const DEFAULT_DIR: &str = "yjs-calendar";

/// A date, or a computation, needs a year outside [`ESTIMATE_YEARS`] without data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfCoverage {
    /// The year.
    pub year: i32,
}

impl fmt::Display for OutOfCoverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} 年没有节假日数据，也不在可按周末估算的 {}–{} 年之内，无法计算工作日",
            self.year,
            ESTIMATE_YEARS.start(),
            ESTIMATE_YEARS.end()
        )
    }
}

/// An answer that looked at years without official data: its working days there are estimated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Estimate {
    /// The years without data, ascending.
    pub years: Vec<i32>,
    /// Why the answer is an estimate and what makes it exact, in Chinese.
    pub reason: String,
}

impl Estimate {
    /// The estimate for these years (sorted, deduplicated); `None` for none.
    pub fn of(years: impl IntoIterator<Item = i32>) -> Option<Self> {
        let mut years: Vec<i32> = years.into_iter().collect();
        years.sort_unstable();
        years.dedup();
        if years.is_empty() {
            return None;
        }
        let list: Vec<String> = years.iter().map(|y| format!("{y} 年")).collect();
        Some(Self {
            reason: format!(
                "估算：{}的国务院节假日安排尚未收录，只按周末排除了休息日；收录该年通知\
                 （yjs calendar add-year）后自动改为准确日期",
                list.join("、")
            ),
            years,
        })
    }

    /// The union of several estimates.
    pub fn merge<'a>(parts: impl IntoIterator<Item = &'a Option<Estimate>>) -> Option<Self> {
        Self::of(parts.into_iter().flatten().flat_map(|e| e.years.clone()))
    }
}

impl fmt::Display for Estimate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
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
    /// The calendar directory or one of its files cannot be read.
    Io {
        /// The path.
        path: String,
        /// What went wrong.
        reason: String,
    },
    /// An installed year file's name and its `year` line disagree.
    MisnamedYearFile {
        /// The file.
        path: String,
        /// The year in its `year` line.
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
            Self::Io { path, reason } => write!(f, "无法读取节假日数据 {path}：{reason}"),
            Self::MisnamedYearFile { path, year } => write!(
                f,
                "节假日数据文件 {path} 的 year 是 {year}，文件名应为 {year}.txt"
            ),
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
    /// The installed file it was read from; `None` for the data embedded in the program.
    pub installed: Option<String>,
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

    /// The official calendar plus the year files installed in `dir` (`yjs calendar add-year`):
    /// every `YYYY.txt` there whose year the embedded data does not cover. A file for an embedded
    /// year is skipped (the data released with the program wins); other names are ignored; a
    /// missing `dir` adds nothing. A file that does not parse is an error naming it.
    pub fn installed(dir: &Path) -> Result<Self, CalendarError> {
        let mut cal = Self::official()?;
        for (year, path) in year_files(dir)? {
            if cal.covers(year) {
                continue;
            }
            let name = path.display().to_string();
            let text = std::fs::read_to_string(&path).map_err(|e| CalendarError::Io {
                path: name.clone(),
                reason: e.to_string(),
            })?;
            let file = data::parse(&name, &text, FileKind::Official)?;
            if file.year != Some(year) {
                return Err(CalendarError::MisnamedYearFile {
                    path: name,
                    year: file.year.unwrap_or(year),
                });
            }
            cal.add_year(file, Some(name))?;
        }
        Ok(cal)
    }

    /// Checks an official year file's text and adds its year (for `yjs calendar add-year`).
    pub fn with_year_file(mut self, name: &str, text: &str) -> Result<Self, CalendarError> {
        let file = data::parse(name, text, FileKind::Official)?;
        self.add_year(file, Some(name.to_owned()))?;
        Ok(self)
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
            cal.add_year(file, None)?;
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

    /// The estimate of an answer that looked at the dates from `a` to `b` (either order): the
    /// years in between without data; `None` when every one is covered.
    pub fn estimate(&self, a: NaiveDate, b: NaiveDate) -> Option<Estimate> {
        let (lo, hi) = (a.min(b).year(), a.max(b).year());
        Estimate::of((lo..=hi).filter(|y| !self.covers(*y)))
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

    /// Refuses a date in a year without data outside [`ESTIMATE_YEARS`].
    fn check_covered(&self, date: NaiveDate) -> Result<(), OutOfCoverage> {
        if self.years.contains_key(&date.year()) || ESTIMATE_YEARS.contains(&date.year()) {
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
    fn add_year(&mut self, file: DataFile, installed: Option<String>) -> Result<(), CalendarError> {
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
                installed,
            },
        );
        self.holidays.extend(file.holidays);
        self.workdays.extend(file.workdays);
        Ok(())
    }
}

/// The calendar directory: `$YJS_CALENDAR_DIR`, else `yjs-calendar` in the working directory.
pub fn default_dir() -> PathBuf {
    std::env::var_os(DIR_ENV).map_or_else(|| PathBuf::from(DEFAULT_DIR), PathBuf::from)
}

/// The `YYYY.txt` files of `dir` with their years, in year order; none when `dir` is missing.
pub fn year_files(dir: &Path) -> Result<Vec<(i32, PathBuf)>, CalendarError> {
    let io = |e: std::io::Error| CalendarError::Io {
        path: dir.display().to_string(),
        reason: e.to_string(),
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let path = entry.map_err(io)?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name.strip_suffix(".txt") else {
            continue;
        };
        if stem.len() == 4 && stem.bytes().all(|b| b.is_ascii_digit()) && path.is_file() {
            if let Ok(year) = stem.parse::<i32>() {
                out.push((year, path));
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests;
