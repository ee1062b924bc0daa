//! `yjs calendar`: working-day arithmetic on the holiday calendar, and installing next year's notice.
//!
//! `due`, `period-end`, `between` and `is` print one plain value on stdout: a date
//! (`2026-10-10`), a number of working days, or `true` / `false`. When the answer looked at a year without holiday data it is
//! an estimate (weekends only) and the line goes on, after a space, with `估算：` and the reason;
//! `--exact` refuses such an answer instead (exit 1). `add-year FILE` checks a year file written
//! from the State Council notice and installs it into the calendar directory (`--calendar-dir`,
//! else `$YJS_CALENDAR_DIR`, else `yjs-calendar/`), atomically; `check FILE` only checks it;
//! `years` lists the covered years and where each comes from. Errors go to stderr with exit code 2
//! when the command line itself is wrong (a date that is not `YYYY-MM-DD`), and 1 when the
//! question cannot be answered or the file is refused.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use yjs_runtime::calendar::{default_dir, parse_date, Calendar, Estimate};
use yjs_runtime::wait::{period_end, Length};

/// Where the installed year files are.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct DirArg {
    /// The calendar directory of installed year files (default: $YJS_CALENDAR_DIR, else
    /// yjs-calendar/ in the working directory).
    #[arg(long)]
    pub calendar_dir: Option<PathBuf>,
}

impl DirArg {
    /// The directory given, or the default.
    pub fn dir(&self) -> PathBuf {
        self.calendar_dir.clone().unwrap_or_else(default_dir)
    }
}

/// The calendar a question is answered on, and whether an estimate will do.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Lookup {
    /// A file of extra regional or agency off days (see spec/calendar.md).
    #[arg(long)]
    pub overlay: Option<PathBuf>,
    /// Refuse an estimate (a year without holiday data) instead of printing it.
    #[arg(long)]
    pub exact: bool,
    #[command(flatten)]
    pub dir: DirArg,
}

impl Lookup {
    /// The calendar with the installed years and the overlay.
    fn calendar(&self) -> Result<Calendar, Failure> {
        load(&self.dir.dir(), self.overlay.as_deref())
    }

    /// The answer, marked or refused when it is an estimate ([`answer`]).
    fn answer(&self, value: String, estimate: Option<Estimate>) -> Result<String, Failure> {
        answer(value, estimate, self.exact)
    }
}

/// The `yjs calendar` subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum CalendarCmd {
    /// Prints the due date N working days after a date.
    ///
    /// Day 1 is the first working day after --from (民法典 第二百零一条); 0 prints --from itself.
    Due {
        /// The start date (e.g. the 受理 date), YYYY-MM-DD.
        #[arg(long)]
        from: String,
        /// The number of working days.
        #[arg(long)]
        workdays: u32,
        #[command(flatten)]
        lookup: Lookup,
    },
    /// Prints the last day of a waiting period (公示期, 公告期) that counts from the day after a
    /// date.
    ///
    /// N natural days end on --from + N, N working days on the N-th working day (民法典
    /// 第二百零一条). With --roll-forward, a last day that is not a working day moves to the next
    /// working day (民法典 第二百零三条), as a `wait … roll_forward` does: the date a BPMN
    /// engine's `waitEnds` needs (spec/bpmn.md).
    #[command(group(clap::ArgGroup::new("length").required(true).args(["days", "workdays"])))]
    PeriodEnd {
        /// The day the period starts after (the day its predecessors finished), YYYY-MM-DD.
        #[arg(long)]
        from: String,
        /// The period's length in natural days.
        #[arg(long)]
        days: Option<u32>,
        /// The period's length in working days.
        #[arg(long)]
        workdays: Option<u32>,
        /// Move a last day that is not a working day to the next working day.
        #[arg(long)]
        roll_forward: bool,
        #[command(flatten)]
        lookup: Lookup,
    },
    /// Prints the number of working days in (from, to].
    ///
    /// The number is negative when --to is before --from.
    Between {
        /// The start date, YYYY-MM-DD (not counted).
        #[arg(long)]
        from: String,
        /// The end date, YYYY-MM-DD (counted).
        #[arg(long)]
        to: String,
        #[command(flatten)]
        lookup: Lookup,
    },
    /// Tells whether a date is a working day: prints `true` or `false`.
    Is {
        /// The date, YYYY-MM-DD.
        date: String,
        #[command(flatten)]
        lookup: Lookup,
    },
    /// Checks a year file written from a State Council notice and installs it into the calendar
    /// directory; from then on that year's dates are exact (see spec/calendar.md).
    AddYear {
        /// The year file (format: spec/calendar.md), e.g. 2027.txt.
        file: PathBuf,
        /// Replace an installed file of the same year that differs.
        #[arg(long)]
        replace: bool,
        #[command(flatten)]
        dir: DirArg,
    },
    /// Checks a year file without installing it.
    Check {
        /// The year file.
        file: PathBuf,
        #[command(flatten)]
        dir: DirArg,
    },
    /// Lists the covered years: notice, issue date, and where the data comes from.
    Years {
        #[command(flatten)]
        dir: DirArg,
    },
}

/// Runs a `yjs calendar` subcommand, printing the result or an error.
pub fn run(cmd: CalendarCmd) -> ExitCode {
    match execute(&cmd) {
        Ok(output) => {
            // A closed stdout (e.g. `| head -0`) is not worth a panic or an error code.
            let _ = writeln!(std::io::stdout().lock(), "{output}");
            ExitCode::SUCCESS
        }
        Err(failure) => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "yjs calendar: {}",
                failure.message
            );
            ExitCode::from(failure.exit_code)
        }
    }
}

/// Why a subcommand failed: the message for stderr and the exit code.
#[derive(Debug, PartialEq, Eq)]
struct Failure {
    exit_code: u8,
    message: String,
}

impl Failure {
    /// The command line is wrong (exit code 2).
    fn usage(message: impl ToString) -> Self {
        Self {
            exit_code: 2,
            message: message.to_string(),
        }
    }

    /// The question cannot be answered with the data at hand (exit code 1).
    fn data(message: impl ToString) -> Self {
        Self {
            exit_code: 1,
            message: message.to_string(),
        }
    }
}

/// An answer, with its estimate marker when it looked at a year without data.
fn answer(value: String, estimate: Option<Estimate>, exact: bool) -> Result<String, Failure> {
    match estimate {
        None => Ok(value),
        Some(e) if exact => Err(Failure::data(format!(
            "--exact：答案 {value} 是估算，{}",
            e.reason.trim_start_matches("估算：")
        ))),
        Some(e) => Ok(format!("{value} {}", e.reason)),
    }
}

/// Computes a subcommand's output without printing it.
fn execute(cmd: &CalendarCmd) -> Result<String, Failure> {
    match cmd {
        CalendarCmd::Due {
            from,
            workdays,
            lookup,
        } => {
            let from = parse_date(from).map_err(Failure::usage)?;
            let cal = lookup.calendar()?;
            let due = cal.add_workdays(from, *workdays).map_err(Failure::data)?;
            lookup.answer(due.to_string(), cal.estimate(from, due))
        }
        CalendarCmd::PeriodEnd {
            from,
            days,
            workdays,
            roll_forward,
            lookup,
        } => {
            let from = parse_date(from).map_err(Failure::usage)?;
            let length = match (days, workdays) {
                (Some(n), None) => Length::Days(*n),
                (None, Some(n)) => Length::Workdays(*n),
                _ => return Err(Failure::usage("give one of --days and --workdays")),
            };
            let cal = lookup.calendar()?;
            let end = period_end(from, length, *roll_forward, &cal).map_err(Failure::data)?;
            // Natural days without rolling never read the calendar.
            let estimate = match length {
                Length::Days(_) if !roll_forward => None,
                _ => cal.estimate(from, end),
            };
            lookup.answer(end.to_string(), estimate)
        }
        CalendarCmd::Between { from, to, lookup } => {
            let from = parse_date(from).map_err(Failure::usage)?;
            let to = parse_date(to).map_err(Failure::usage)?;
            let cal = lookup.calendar()?;
            let n = cal.workdays_between(from, to).map_err(Failure::data)?;
            lookup.answer(n.to_string(), cal.estimate(from, to))
        }
        CalendarCmd::Is { date, lookup } => {
            let date = parse_date(date).map_err(Failure::usage)?;
            let cal = lookup.calendar()?;
            let workday = cal.is_workday(date).map_err(Failure::data)?;
            lookup.answer(workday.to_string(), cal.estimate(date, date))
        }
        CalendarCmd::AddYear { file, replace, dir } => add_year(file, &dir.dir(), *replace),
        CalendarCmd::Check { file, dir } => {
            let (year, summary) = checked(file, &dir.dir())?;
            Ok(format!(
                "{} 可以收录为 {year} 年的数据：{summary}",
                file.display()
            ))
        }
        CalendarCmd::Years { dir } => {
            let cal = load(&dir.dir(), None)?;
            Ok(cal
                .years()
                .map(|y| {
                    format!(
                        "{}  {}  {}  {}",
                        y.year,
                        y.notice,
                        y.issued,
                        y.installed.as_deref().unwrap_or("内置")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
    }
}

/// Checks a year file against the calendar of `dir`: it parses, its year is not covered yet
/// (or only by an installed file), and it adds cleanly. Returns its year and a summary.
fn checked(file: &Path, dir: &Path) -> Result<(i32, String), Failure> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| Failure::data(format!("无法读取 {}：{e}", file.display())))?;
    let name = file.display().to_string();
    let official = Calendar::official().map_err(Failure::data)?;
    let alone =
        Calendar::from_year_files(&[(name.as_str(), text.as_str())]).map_err(Failure::data)?;
    let Some(year) = alone.years().next().map(|y| y.year) else {
        return Err(Failure::data(format!("{name} 没有 year")));
    };
    if official.covers(year) {
        return Err(Failure::data(format!(
            "{year} 年的数据已内置于本程序，无需收录"
        )));
    }
    // The rest of the calendar must still load with the file in place of any installed one.
    let _ = Calendar::installed(dir).map_err(Failure::data)?;
    let source = alone.years().next().cloned();
    let summary = format!(
        "{}（{} 发布），放假 {} 天，调休上班 {} 天",
        source.as_ref().map_or("", |s| s.notice.as_str()),
        source
            .as_ref()
            .map_or(String::new(), |s| s.issued.to_string()),
        alone.holidays_in(year).count(),
        alone.make_up_workdays_in(year).count()
    );
    Ok((year, summary))
}

/// Installs a checked year file as `DIR/YYYY.txt`: written beside, then renamed, so the
/// directory never holds half a file; an identical file already there changes nothing.
fn add_year(file: &Path, dir: &Path, replace: bool) -> Result<String, Failure> {
    let (year, summary) = checked(file, dir)?;
    let text = std::fs::read(file)
        .map_err(|e| Failure::data(format!("无法读取 {}：{e}", file.display())))?;
    let target = dir.join(format!("{year}.txt"));
    match std::fs::read(&target) {
        Ok(old) if old == text => {
            return Ok(format!(
                "{year} 年的数据已收录于 {}，内容相同，未作改变",
                target.display()
            ))
        }
        Ok(_) if !replace => {
            return Err(Failure::data(format!(
                "{} 已收录了不同的 {year} 年数据；确认要替换时加 --replace",
                target.display()
            )))
        }
        _ => {}
    }
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let tmp = dir.join(format!(".{year}.txt.tmp"));
        std::fs::write(&tmp, &text)?;
        std::fs::File::open(&tmp)?.sync_all()?;
        std::fs::rename(&tmp, &target)
    };
    write().map_err(|e| Failure::data(format!("无法写入 {}：{e}", target.display())))?;
    Ok(format!(
        "已收录 {year} 年：{summary}\n文件：{}\n此后该年的时限按准确日期计算，已有办件的时限也随之更新",
        target.display()
    ))
}

/// The calendar with the installed years of `dir`, with the overlay file applied if one is given.
fn load(dir: &Path, overlay: Option<&Path>) -> Result<Calendar, Failure> {
    let cal = Calendar::installed(dir).map_err(Failure::data)?;
    match overlay {
        None => Ok(cal),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure::data(format!("无法读取叠加文件 {}：{e}", path.display())))?;
            cal.with_named_overlay(&path.display().to_string(), &text)
                .map_err(Failure::data)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded calendar alone (no installed year, no overlay).
    fn nowhere(exact: bool) -> Lookup {
        Lookup {
            overlay: None,
            exact,
            dir: DirArg {
                calendar_dir: Some(PathBuf::from("/nonexistent/yjs-calendar")),
            },
        }
    }

    fn due(from: &str, workdays: u32) -> Result<String, Failure> {
        execute(&CalendarCmd::Due {
            from: from.to_owned(),
            workdays,
            lookup: nowhere(false),
        })
    }

    #[test]
    fn due_prints_the_plain_date() {
        assert_eq!(due("2026-09-30", 3), Ok("2026-10-10".to_owned()));
        assert_eq!(due("2025-09-26", 20), Ok("2025-10-30".to_owned()));
    }

    #[test]
    fn between_and_is() {
        let between = execute(&CalendarCmd::Between {
            from: "2025-09-26".to_owned(),
            to: "2025-10-30".to_owned(),
            lookup: nowhere(false),
        });
        assert_eq!(between, Ok("20".to_owned()));
        let is = |date: &str| {
            execute(&CalendarCmd::Is {
                date: date.to_owned(),
                lookup: nowhere(false),
            })
        };
        assert_eq!(is("2026-10-10"), Ok("true".to_owned()));
        assert_eq!(is("2026-10-01"), Ok("false".to_owned()));
    }

    #[test]
    fn exit_codes_and_estimates() {
        assert_eq!(due("2026-9-30", 3).map_err(|f| f.exit_code), Err(2));
        assert_eq!(due("2026-02-30", 3).map_err(|f| f.exit_code), Err(2));
        // Past the covered years: weekends only, marked as an estimate with its reason.
        let estimate = due("2026-12-25", 10).unwrap_or_default();
        assert!(estimate.starts_with("2027-01-08 估算："), "{estimate}");
        assert!(estimate.contains("2027 年"), "{estimate}");
        let exact = execute(&CalendarCmd::Due {
            from: "2026-12-25".to_owned(),
            workdays: 10,
            lookup: nowhere(true),
        });
        assert_eq!(exact.map_err(|f| f.exit_code), Err(1));
        // Beyond what is estimated at all.
        assert_eq!(due("2300-01-04", 3).map_err(|f| f.exit_code), Err(1));
    }

    fn period_end(
        from: &str,
        days: u32,
        roll_forward: bool,
        exact: bool,
    ) -> Result<String, Failure> {
        execute(&CalendarCmd::PeriodEnd {
            from: from.to_owned(),
            days: Some(days),
            workdays: None,
            roll_forward,
            lookup: nowhere(exact),
        })
    }

    #[test]
    fn period_end_counts_natural_days_and_rolls_a_last_day_off() {
        // 2026-09-12 + 20 days is 10-02, inside 国庆节: rolled, it ends on 10-08.
        assert_eq!(
            period_end("2026-09-12", 20, false, false),
            Ok("2026-10-02".to_owned())
        );
        assert_eq!(
            period_end("2026-09-12", 20, true, false),
            Ok("2026-10-08".to_owned())
        );
        // Natural days alone never look at the calendar, so nothing is estimated.
        assert_eq!(
            period_end("2030-01-01", 3, false, true),
            Ok("2030-01-04".to_owned())
        );
        // Rolled over a year without data: an estimate, refused with --exact.
        let estimate = period_end("2030-01-01", 4, true, false).unwrap_or_default();
        assert!(estimate.starts_with("2030-01-07 估算："), "{estimate}");
        assert_eq!(
            period_end("2030-01-01", 4, true, true).map_err(|f| f.exit_code),
            Err(1)
        );
        let workdays = execute(&CalendarCmd::PeriodEnd {
            from: "2026-09-30".to_owned(),
            days: None,
            workdays: Some(3),
            roll_forward: false,
            lookup: nowhere(false),
        });
        assert_eq!(workdays, due("2026-09-30", 3));
        assert_eq!(
            period_end("2026-9-12", 20, true, false).map_err(|f| f.exit_code),
            Err(2)
        );
    }

    #[test]
    fn overlay_file() {
        let dir = match tempfile::tempdir() {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        };
        let path = dir.path().join("overlay.txt");
        if let Err(e) = std::fs::write(&path, "holiday 2026-10-12 本地闭馆\n") {
            panic!("{e}");
        }
        let result = execute(&CalendarCmd::Due {
            from: "2026-10-09".to_owned(),
            workdays: 2,
            lookup: Lookup {
                overlay: Some(path),
                ..nowhere(false)
            },
        });
        assert_eq!(result, Ok("2026-10-13".to_owned()));
        let missing = execute(&CalendarCmd::Due {
            from: "2026-10-09".to_owned(),
            workdays: 2,
            lookup: Lookup {
                overlay: Some(dir.path().join("missing.txt")),
                ..nowhere(false)
            },
        });
        assert_eq!(missing.map_err(|f| f.exit_code), Err(1));
    }
}
