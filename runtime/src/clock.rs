//! Working-day clocks: a budget counted from receipt, a suspension ledger, and the status at a date.
//!
//! A clock is never stored as a target date (shared/domain/deadlines.md §5): its due date is a
//! projection of the budget, the pauses and the calendar, recomputed whenever it is asked for. A
//! pause from S to E excludes the working days in (S, E] (rule 9), so a due date moves by exactly
//! the suspended working days. A pause still open at the date asked about is treated as running
//! up to that date: the clock does not advance while suspended.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, Estimate, Pause, PauseError};
pub use crate::status::{ClockStatus, PauseKind};

/// One entry of a suspension ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suspension {
    /// Why.
    pub kind: PauseKind,
    /// The step whose event opened it.
    pub step: String,
    /// Day S: the last day that still counts.
    pub from: NaiveDate,
    /// Day E: the last excluded day; `None` while the suspension is open.
    pub to: Option<NaiveDate>,
}

/// A clock: from `start`, the window (`open`, `budget`] in working days, with its ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    /// The receipt date; day 1 is the first working day after it.
    pub start: NaiveDate,
    /// The working day offset at which the window opens (a step's earliest start).
    pub open: u32,
    /// The working day offset at which the window closes (a step's earliest finish).
    pub budget: u32,
    /// Suspensions that apply to this clock.
    pub ledger: Vec<Suspension>,
}

/// What a clock says at a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClockView {
    /// The due date, moved by every suspended working day up to the date asked about.
    pub due: NaiveDate,
    /// The status.
    pub status: ClockStatus,
    /// Whether a suspension is open.
    pub suspended: bool,
    /// Working days suspended so far.
    pub suspended_workdays: u32,
    /// Working days past the due date (0 unless overdue).
    pub days_late: u32,
    /// Set when the due date, the status or the days late were counted over a year without
    /// holiday data (估算, weekends only); `null` when they are exact.
    pub estimate: Option<Estimate>,
}

impl Clock {
    /// The ledger as calendar pauses, open suspensions running up to `at`.
    fn pauses(&self, at: NaiveDate) -> Vec<Pause> {
        self.ledger
            .iter()
            .map(|s| {
                let to = s.to.unwrap_or(at).max(s.from);
                Pause { from: s.from, to }
            })
            .collect()
    }

    /// The due date as the ledger stands at `at`.
    pub fn due(&self, cal: &Calendar, at: NaiveDate) -> Result<NaiveDate, PauseError> {
        cal.due_with_pauses(self.start, self.budget, &self.pauses(at))
    }

    /// The clock at `at`, with the plan's warning threshold in percent.
    pub fn view(
        &self,
        cal: &Calendar,
        at: NaiveDate,
        warn_percent: u32,
    ) -> Result<ClockView, PauseError> {
        let pauses = self.pauses(at);
        let due = cal.due_with_pauses(self.start, self.budget, &pauses)?;
        let unpaused = cal.due_with_pauses(self.start, self.budget, &[])?;
        let suspended_workdays = u32::try_from(cal.workdays_between(unpaused, due)?).unwrap_or(0);
        let suspended = self.ledger.iter().any(|s| s.to.is_none());
        let estimate = cal.estimate(self.start, due.max(unpaused).max(at));
        if at > due {
            let late = cal.workdays_between(due, at)?;
            return Ok(ClockView {
                due,
                status: ClockStatus::Overdue,
                suspended,
                suspended_workdays,
                days_late: u32::try_from(late).unwrap_or(0),
                estimate,
            });
        }
        // Working days counted so far (after `start`, up to `at`, outside pauses).
        let mut counted = 0u32;
        let mut day = self.start;
        while day < at {
            day = day.succ_opt().unwrap_or(at);
            let paused = pauses.iter().any(|p| p.from < day && day <= p.to);
            if cal.is_workday(day)? && !paused {
                counted += 1;
            }
        }
        let window = self.budget.saturating_sub(self.open);
        let used = counted.saturating_sub(self.open);
        let warning =
            window > 0 && u64::from(used) * 100 >= u64::from(warn_percent) * u64::from(window);
        Ok(ClockView {
            due,
            status: if warning {
                ClockStatus::Warning
            } else {
                ClockStatus::OnTrack
            },
            suspended,
            suspended_workdays,
            days_late: 0,
            estimate,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn clock(open: u32, budget: u32, ledger: Vec<Suspension>) -> Clock {
        Clock {
            start: d("2026-03-02"),
            open,
            budget,
            ledger,
        }
    }

    #[test]
    fn warns_at_the_threshold_of_the_window_and_is_overdue_after_the_due_date() {
        let Ok(cal) = Calendar::official() else {
            panic!("calendar");
        };
        // Window (2, 7]: 5 working days, 80 % = 4 used, i.e. on 2026-03-10 (6 counted).
        let c = clock(2, 7, Vec::new());
        let status = |at: &str| c.view(&cal, d(at), 80).map(|v| (v.status, v.days_late));
        assert_eq!(status("2026-03-09"), Ok((ClockStatus::OnTrack, 0)));
        assert_eq!(status("2026-03-10"), Ok((ClockStatus::Warning, 0)));
        assert_eq!(status("2026-03-11"), Ok((ClockStatus::Warning, 0)));
        // Due 2026-03-11; late days are working days: Thursday 1, Saturday still 2, Monday 3.
        assert_eq!(status("2026-03-12"), Ok((ClockStatus::Overdue, 1)));
        assert_eq!(status("2026-03-14"), Ok((ClockStatus::Overdue, 2)));
        assert_eq!(status("2026-03-16"), Ok((ClockStatus::Overdue, 3)));
        // An immediate step never warns.
        let immediate = clock(1, 1, Vec::new());
        assert_eq!(
            immediate.view(&cal, d("2026-03-03"), 80).map(|v| v.status),
            Ok(ClockStatus::OnTrack)
        );
    }

    #[test]
    fn an_open_suspension_holds_the_clock() {
        let Ok(cal) = Calendar::official() else {
            panic!("calendar");
        };
        let open = Suspension {
            kind: PauseKind::Special,
            step: "x".into(),
            from: d("2026-03-03"),
            to: None,
        };
        let c = clock(0, 2, vec![open]);
        // Without the pause the clock would be due 2026-03-04; a month later it is still running.
        let v = c.view(&cal, d("2026-04-03"), 80);
        assert_eq!(v.as_ref().map(|v| v.status), Ok(ClockStatus::OnTrack));
        assert_eq!(v.as_ref().map(|v| v.suspended), Ok(true));
        assert_eq!(v.map(|v| v.due), Ok(d("2026-04-07")));
    }
}
