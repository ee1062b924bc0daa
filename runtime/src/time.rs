//! Civil times as the runtime takes them: parsing, and "now" in Asia/Shanghai for the command line.
//!
//! The engine never reads the system clock: every event and receipt carries its time. Only the
//! command line asks for [`now_shanghai`] when the user gives no time.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::error::InputError;

/// The earliest receipt or event time the runtime takes.
pub const EARLIEST: NaiveDateTime = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d.and_time(NaiveTime::MIN),
    None => NaiveDateTime::MIN,
};

/// The latest receipt or event time the runtime takes.
pub const LATEST: NaiveDateTime = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(d) => match d.and_hms_opt(23, 59, 59) {
        Some(t) => t,
        None => NaiveDateTime::MAX,
    },
    None => NaiveDateTime::MAX,
};

/// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DD HH:MM[:SS]` (a date alone is
/// midnight). Seconds run 0–59 (a leap second `:60` is refused), and the time must lie within
/// [`EARLIEST`] and [`LATEST`] ([`check_time`]).
pub fn parse_time(text: &str) -> Result<NaiveDateTime, InputError> {
    let t = text.trim();
    let bad = || InputError::Time {
        input: text.to_owned(),
    };
    let mut parsed = None;
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(v) = NaiveDateTime::parse_from_str(t, fmt) {
            parsed = Some(v);
            break;
        }
    }
    if parsed.is_none() && t.len() == 10 {
        parsed = NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .ok()
            .map(|d| d.and_time(NaiveTime::MIN));
    }
    let v = parsed.ok_or_else(bad)?;
    check_time(v)
}

/// Refuses a leap second (`bad_time`) and a time outside [`EARLIEST`]..=[`LATEST`]
/// (`time_out_of_range`): every receipt and event time passes here, whatever parsed it.
pub fn check_time(t: NaiveDateTime) -> Result<NaiveDateTime, InputError> {
    if t.nanosecond() >= 1_000_000_000 {
        return Err(InputError::Time {
            input: t.format("%Y-%m-%dT%H:%M:60").to_string(),
        });
    }
    if !(EARLIEST..=LATEST).contains(&t) {
        return Err(InputError::TimeOutOfRange {
            input: t.format("%Y-%m-%dT%H:%M:%S").to_string(),
        });
    }
    Ok(t)
}

/// The civil time in Asia/Shanghai (UTC+8, no daylight saving) for seconds since the Unix epoch.
pub fn shanghai_from_unix(secs: i64) -> Option<NaiveDateTime> {
    DateTime::from_timestamp(secs.checked_add(8 * 3600)?, 0).map(|t| t.naive_utc())
}

/// The current civil time in Asia/Shanghai, from the system clock (command line only).
pub fn now_shanghai() -> Option<NaiveDateTime> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    shanghai_from_unix(i64::try_from(secs).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_times() {
        assert_eq!(
            parse_time("2026-03-02").map(|t| t.to_string()),
            Ok("2026-03-02 00:00:00".to_owned())
        );
        assert_eq!(
            parse_time("2026-03-02T09:30").map(|t| t.to_string()),
            Ok("2026-03-02 09:30:00".to_owned())
        );
        assert!(parse_time("2026-02-30").is_err());
        assert!(matches!(
            parse_time("2026-11-27T10:00:60"),
            Err(InputError::Time { .. })
        ));
        assert!(parse_time("2026-11-27T10:00:59").is_ok());
        assert!(matches!(
            parse_time("0000-01-01"),
            Err(InputError::TimeOutOfRange { .. })
        ));
        assert!(matches!(
            parse_time("9999-12-31T10:00"),
            Err(InputError::TimeOutOfRange { .. })
        ));
        assert!(parse_time("2100-12-31T23:59:59").is_ok());
        assert!(parse_time("1900-01-01").is_ok());
        assert!(parse_time("2026-3-2").is_err());
        assert_eq!(
            shanghai_from_unix(0).map(|t| t.to_string()),
            Some("1970-01-01 08:00:00".to_owned())
        );
    }
}
