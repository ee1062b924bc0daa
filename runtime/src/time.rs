//! Civil times as the runtime takes them: parsing, and "now" in Asia/Shanghai for the command line.
//!
//! The engine never reads the system clock: every event and receipt carries its time. Only the
//! command line asks for [`now_shanghai`] when the user gives no time.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

use crate::error::InputError;

/// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DD HH:MM[:SS]` (a date alone is midnight).
pub fn parse_time(text: &str) -> Result<NaiveDateTime, InputError> {
    let t = text.trim();
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(v) = NaiveDateTime::parse_from_str(t, fmt) {
            return Ok(v);
        }
    }
    if t.len() == 10 {
        if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            return Ok(d.and_time(NaiveTime::MIN));
        }
    }
    Err(InputError::Time {
        input: text.to_owned(),
    })
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
        assert!(parse_time("2026-3-2").is_err());
        assert_eq!(
            shanghai_from_unix(0).map(|t| t.to_string()),
            Some("1970-01-01 08:00:00".to_owned())
        );
    }
}
