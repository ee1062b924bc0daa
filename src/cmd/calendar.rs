//! `yjs calendar`: working-day arithmetic on the official holiday calendar.
//!
//! Output is one plain value on stdout: a date (`2026-10-10`), a number of working days, or
//! `true` / `false` for `is`. Errors go to stderr with exit code 2 when the command line itself is
//! wrong (a date that is not `YYYY-MM-DD`), and 1 when the question cannot be answered (a date
//! outside the covered years, an unreadable or invalid overlay file).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use yjs_runtime::calendar::{parse_date, Calendar};

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
        /// A file of extra regional or agency off days (see spec/calendar.md).
        #[arg(long)]
        overlay: Option<PathBuf>,
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
        /// A file of extra regional or agency off days (see spec/calendar.md).
        #[arg(long)]
        overlay: Option<PathBuf>,
    },
    /// Tells whether a date is a working day: prints `true` or `false`.
    Is {
        /// The date, YYYY-MM-DD.
        date: String,
        /// A file of extra regional or agency off days (see spec/calendar.md).
        #[arg(long)]
        overlay: Option<PathBuf>,
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

/// Computes a subcommand's output without printing it.
fn execute(cmd: &CalendarCmd) -> Result<String, Failure> {
    match cmd {
        CalendarCmd::Due {
            from,
            workdays,
            overlay,
        } => {
            let from = parse_date(from).map_err(Failure::usage)?;
            let cal = load(overlay.as_deref())?;
            let due = cal.add_workdays(from, *workdays).map_err(Failure::data)?;
            Ok(due.to_string())
        }
        CalendarCmd::Between { from, to, overlay } => {
            let from = parse_date(from).map_err(Failure::usage)?;
            let to = parse_date(to).map_err(Failure::usage)?;
            let cal = load(overlay.as_deref())?;
            let n = cal.workdays_between(from, to).map_err(Failure::data)?;
            Ok(n.to_string())
        }
        CalendarCmd::Is { date, overlay } => {
            let date = parse_date(date).map_err(Failure::usage)?;
            let cal = load(overlay.as_deref())?;
            let workday = cal.is_workday(date).map_err(Failure::data)?;
            Ok(workday.to_string())
        }
    }
}

/// The official calendar, with the overlay file applied if one is given.
fn load(overlay: Option<&Path>) -> Result<Calendar, Failure> {
    let cal = Calendar::official().map_err(Failure::data)?;
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

    fn due(from: &str, workdays: u32) -> Result<String, Failure> {
        execute(&CalendarCmd::Due {
            from: from.to_owned(),
            workdays,
            overlay: None,
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
            overlay: None,
        });
        assert_eq!(between, Ok("20".to_owned()));
        let is = |date: &str| {
            execute(&CalendarCmd::Is {
                date: date.to_owned(),
                overlay: None,
            })
        };
        assert_eq!(is("2026-10-10"), Ok("true".to_owned()));
        assert_eq!(is("2026-10-01"), Ok("false".to_owned()));
    }

    #[test]
    fn exit_codes() {
        assert_eq!(due("2026-9-30", 3).map_err(|f| f.exit_code), Err(2));
        assert_eq!(due("2026-02-30", 3).map_err(|f| f.exit_code), Err(2));
        assert_eq!(due("2027-01-04", 3).map_err(|f| f.exit_code), Err(1));
        assert_eq!(due("2026-12-25", 10).map_err(|f| f.exit_code), Err(1));
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
            overlay: Some(path),
        });
        assert_eq!(result, Ok("2026-10-13".to_owned()));
        let missing = execute(&CalendarCmd::Due {
            from: "2026-10-09".to_owned(),
            workdays: 2,
            overlay: Some(dir.path().join("missing.txt")),
        });
        assert_eq!(missing.map_err(|f| f.exit_code), Err(1));
    }
}
