//! The holiday data format: a line-based text file per year (and per overlay), parsed without panicking.
//!
//! # Format
//!
//! One directive per line; blank lines and lines starting with `#` are ignored. A directive is a
//! keyword, whitespace, and a value:
//!
//! | keyword   | value                                   | official year file | overlay        |
//! |-----------|-----------------------------------------|--------------------|----------------|
//! | `year`    | the year, e.g. `2026`                   | required, once     | optional, once |
//! | `notice`  | the notice's title or number            | required, once     | optional, once |
//! | `issued`  | the notice's issue date, `YYYY-MM-DD`   | required, once     | optional, once |
//! | `source`  | a URL or reference to the notice text   | any number         | any number     |
//! | `holiday` | an off date or range, then a label      | any number         | any number     |
//! | `workday` | a make-up workday or range, then a label| any number         | **refused**    |
//!
//! A date is `YYYY-MM-DD`; a range is `YYYY-MM-DD..YYYY-MM-DD` and includes both ends. The label
//! after a date is free text (the festival's name) and may be empty:
//!
//! ```text
//! year 2026
//! notice 国办发明电〔2025〕7号
//! issued 2025-11-04
//! source https://politics.gmw.cn/2025-11/04/content_38391083.htm
//! holiday 2026-02-15..2026-02-23  春节
//! workday 2026-02-14              春节
//! ```
//!
//! Checks: every date exists; in a file with `year`, every date is in that year; no date is listed
//! twice; no date is both a `holiday` and a `workday`; a `workday` falls on a Saturday or Sunday
//! (a make-up day on a weekday would change nothing, so it is a typo); a range runs forwards and
//! spans at most 31 days. Overlays may only add off days: a regional rule that turns a weekend
//! into a working day would shorten legal periods, and none is known to be needed yet.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

/// The longest range one `holiday` or `workday` line may span, in days.
const MAX_RANGE_DAYS: i64 = 31;

/// A line of a data file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The file's name, for messages (e.g. `2026.txt` or the overlay's path).
    pub file: String,
    /// 1-based line number; 0 when the problem is the file as a whole (e.g. a missing `year`).
    pub line: usize,
    /// What is wrong, in Chinese.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "节假日数据文件 {}：{}", self.file, self.message)
        } else {
            write!(
                f,
                "节假日数据文件 {} 第 {} 行：{}",
                self.file, self.line, self.message
            )
        }
    }
}

impl std::error::Error for ParseError {}

/// A date string is not a real `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The text as given.
    pub input: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "日期格式错误：“{}”不是有效的 YYYY-MM-DD 日期",
            self.input
        )
    }
}

impl std::error::Error for DateError {}

/// Parses a strict `YYYY-MM-DD` date: exactly ten characters, zero-padded, and a date that exists.
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let err = || DateError {
        input: input.to_owned(),
    };
    let b = input.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(err());
    }
    // The shape check makes every slice ASCII digits.
    let year = input[0..4].parse::<i32>().map_err(|_| err())?;
    let month = input[5..7].parse::<u32>().map_err(|_| err())?;
    let day = input[8..10].parse::<u32>().map_err(|_| err())?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(err)
}

/// The contents of one data file after parsing and checking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataFile {
    /// The `year` directive, if any.
    pub year: Option<i32>,
    /// The `notice` directive, if any.
    pub notice: Option<String>,
    /// The `issued` directive, if any.
    pub issued: Option<NaiveDate>,
    /// Every `source` directive, in file order.
    pub sources: Vec<String>,
    /// Off dates with their labels.
    pub holidays: BTreeMap<NaiveDate, String>,
    /// Make-up workdays with their labels.
    pub workdays: BTreeMap<NaiveDate, String>,
}

/// Which rules a file is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A State Council year file: `year`, `notice` and `issued` are required.
    Official,
    /// A regional or agency overlay: off days only.
    Overlay,
}

/// Parses and checks one data file. `file` names it in error messages.
pub fn parse(file: &str, text: &str, kind: FileKind) -> Result<DataFile, ParseError> {
    let mut data = DataFile::default();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let fail = |message: String| ParseError {
            file: file.to_owned(),
            line,
            message,
        };
        let content = raw.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let (keyword, value) = match content.split_once(char::is_whitespace) {
            Some((k, v)) => (k, v.trim()),
            None => (content, ""),
        };
        match keyword {
            "year" => {
                let year = value
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (1..=9999).contains(y))
                    .ok_or_else(|| fail(format!("year 的值“{value}”不是年份")))?;
                set_once(&mut data.year, year).map_err(|()| fail("year 重复".to_owned()))?;
            }
            "notice" => {
                if value.is_empty() {
                    return Err(fail("notice 不能为空".to_owned()));
                }
                set_once(&mut data.notice, value.to_owned())
                    .map_err(|()| fail("notice 重复".to_owned()))?;
            }
            "issued" => {
                let date = parse_date(value).map_err(|e| fail(e.to_string()))?;
                set_once(&mut data.issued, date).map_err(|()| fail("issued 重复".to_owned()))?;
            }
            "source" => {
                if value.is_empty() {
                    return Err(fail("source 不能为空".to_owned()));
                }
                data.sources.push(value.to_owned());
            }
            "holiday" | "workday" => {
                if keyword == "workday" && kind == FileKind::Overlay {
                    return Err(fail(
                        "叠加文件只能增加休息日（holiday），不能设置调休上班日（workday）"
                            .to_owned(),
                    ));
                }
                let (dates, label) = parse_dates(value).map_err(&fail)?;
                for date in dates {
                    add_date(&mut data, keyword, date, label).map_err(&fail)?;
                }
            }
            other => return Err(fail(format!("未知的关键字“{other}”"))),
        }
    }
    check_whole_file(file, &data, kind)?;
    Ok(data)
}

/// Sets an optional field that may be given once.
fn set_once<T>(slot: &mut Option<T>, value: T) -> Result<(), ()> {
    if slot.is_some() {
        return Err(());
    }
    *slot = Some(value);
    Ok(())
}

/// Parses `DATE [LABEL]` or `DATE..DATE [LABEL]` into the dates it covers and the label.
fn parse_dates(value: &str) -> Result<(Vec<NaiveDate>, &str), String> {
    let (spec, label) = match value.split_once(char::is_whitespace) {
        Some((s, l)) => (s, l.trim()),
        None => (value, ""),
    };
    let (first, last) = match spec.split_once("..") {
        Some((a, b)) => (
            parse_date(a).map_err(|e| e.to_string())?,
            parse_date(b).map_err(|e| e.to_string())?,
        ),
        None => {
            let d = parse_date(spec).map_err(|e| e.to_string())?;
            (d, d)
        }
    };
    let span = (last - first).num_days();
    if span < 0 {
        return Err(format!("日期范围 {first}..{last} 的结束日早于开始日"));
    }
    if span >= MAX_RANGE_DAYS {
        return Err(format!("日期范围 {first}..{last} 超过 {MAX_RANGE_DAYS} 天"));
    }
    let dates = first.iter_days().take_while(|d| *d <= last).collect();
    Ok((dates, label))
}

/// Records one date, rejecting duplicates, conflicts and make-up days on weekdays.
fn add_date(
    data: &mut DataFile,
    keyword: &str,
    date: NaiveDate,
    label: &str,
) -> Result<(), String> {
    if let Some(year) = data.year {
        if date.year() != year {
            return Err(format!("日期 {date} 不在本文件的年份 {year} 内"));
        }
    }
    if data.holidays.contains_key(&date) || data.workdays.contains_key(&date) {
        return Err(format!("日期 {date} 重复出现"));
    }
    if keyword == "workday" {
        if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            return Err(format!(
                "调休上班日 {date} 不是周六或周日：工作日本来就上班，请核对通知"
            ));
        }
        data.workdays.insert(date, label.to_owned());
    } else {
        data.holidays.insert(date, label.to_owned());
    }
    Ok(())
}

/// Checks the rules that need the whole file: required directives, and dates listed before `year`.
fn check_whole_file(file: &str, data: &DataFile, kind: FileKind) -> Result<(), ParseError> {
    let fail = |message: String| ParseError {
        file: file.to_owned(),
        line: 0,
        message,
    };
    if kind == FileKind::Official {
        if data.year.is_none() {
            return Err(fail("缺少 year".to_owned()));
        }
        if data.notice.is_none() {
            return Err(fail("缺少 notice（国务院放假通知的文号或标题）".to_owned()));
        }
        if data.issued.is_none() {
            return Err(fail("缺少 issued（通知的发布日期）".to_owned()));
        }
    }
    if let Some(year) = data.year {
        let stray = data
            .holidays
            .keys()
            .chain(data.workdays.keys())
            .find(|d| d.year() != year);
        if let Some(date) = stray {
            return Err(fail(format!("日期 {date} 不在本文件的年份 {year} 内")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    const HEADER: &str = "year 2026\nnotice N\nissued 2025-11-04\n";

    fn official(body: &str) -> Result<DataFile, ParseError> {
        parse("t.txt", &format!("{HEADER}{body}"), FileKind::Official)
    }

    #[test]
    fn strict_dates() {
        assert_eq!(parse_date("2026-10-10"), Ok(date(2026, 10, 10)));
        for bad in [
            "2026-1-01",
            "2026-02-30",
            "20261010",
            "2026/10/10",
            " 2026-10-10",
            "２０２６-10-10",
            "",
            "+2026-10-1",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ranges_labels_and_comments() {
        let data =
            official("# comment\n\nholiday 2026-02-15..2026-02-17 春节\nworkday 2026-02-14\n");
        let data = match data {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(data.holidays.len(), 3);
        assert_eq!(
            data.holidays.get(&date(2026, 2, 16)).map(String::as_str),
            Some("春节")
        );
        assert_eq!(
            data.workdays.get(&date(2026, 2, 14)).map(String::as_str),
            Some("")
        );
        assert_eq!(data.year, Some(2026));
        assert_eq!(data.issued, Some(date(2025, 11, 4)));
    }

    #[test]
    fn errors_carry_line_numbers() {
        let cases = [
            ("holiday 2026-02-30\n", 4),
            ("holiday 2026-01-01\nholiday 2026-01-01\n", 5),
            ("holiday 2026-01-01\nworkday 2026-01-01\n", 5),
            ("workday 2026-01-05\n", 4),
            ("holiday 2025-12-31\n", 4),
            ("holiday 2026-02-17..2026-02-15\n", 4),
            ("holiday 2026-01-01..2026-03-01\n", 4),
            ("frobnicate 1\n", 4),
            ("year 2027\n", 4),
        ];
        for (body, line) in cases {
            match official(body) {
                Err(e) => assert_eq!(e.line, line, "{body}: {e}"),
                Ok(_) => panic!("accepted: {body}"),
            }
        }
    }

    #[test]
    fn official_files_need_their_header() {
        for text in [
            "notice N\nissued 2025-11-04\n",
            "year 2026\nissued 2025-11-04\n",
            "year 2026\nnotice N\n",
        ] {
            assert!(parse("t.txt", text, FileKind::Official).is_err(), "{text}");
        }
    }

    #[test]
    fn overlays_only_add_off_days() {
        assert!(parse("o.txt", "holiday 2026-05-27 古尔邦节\n", FileKind::Overlay).is_ok());
        let err = parse("o.txt", "workday 2026-05-30\n", FileKind::Overlay).err();
        assert_eq!(err.map(|e| e.line), Some(1));
    }

    #[test]
    fn dates_before_the_year_line_are_checked_too() {
        let text = "holiday 2025-01-01\nyear 2026\nnotice N\nissued 2025-11-04\n";
        assert!(parse("t.txt", text, FileKind::Official).is_err());
    }
}
