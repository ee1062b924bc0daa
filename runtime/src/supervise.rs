//! Supervision (督办): every open step in warning or overdue at a date, across cases.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, Estimate, PauseError};
use crate::case::Case;
use crate::clock::ClockStatus;
use crate::engine::{legal_clock, step_clock};
pub use crate::status::Limit;

/// One step that needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    /// The case id.
    pub case: String,
    /// The step id.
    pub step: String,
    /// The step's name.
    pub name: String,
    /// The department that handles it.
    pub department: String,
    /// The department's name.
    pub department_name: String,
    /// The due date as of `at`.
    pub due: NaiveDate,
    /// `warning` or `overdue`.
    pub status: ClockStatus,
    /// Which limit: `promised` (承诺时限) or `legal` (法定时限, escalated: the law is broken).
    pub limit: Limit,
    /// Working days past the due date.
    pub days_late: u32,
    /// Set when the due date or the days late are estimated (估算): a year without data.
    pub estimate: Option<Estimate>,
}

/// The alerts of one case at `at`: its open steps (not finished, applicable) in warning or overdue.
pub fn alerts(case: &Case, cal: &Calendar, at: NaiveDate) -> Result<Vec<Alert>, PauseError> {
    if case.delivery.is_some() {
        return Ok(Vec::new());
    }
    let warn = case.record.plan.supervision.warn_percent;
    let mut out = Vec::new();
    for (i, (plan, state)) in case.record.plan.steps.iter().zip(&case.steps).enumerate() {
        if state.status.is_final() {
            continue;
        }
        let promised = step_clock(case, i)
            .map(|c| c.view(cal, at, warn))
            .transpose()?;
        let legal = legal_clock(case, i)
            .map(|c| c.view(cal, at, 100))
            .transpose()?;
        let views = [
            (Limit::Promised, promised),
            (
                Limit::Legal,
                legal.filter(|v| v.status == ClockStatus::Overdue),
            ),
        ];
        for (limit, v) in views {
            let Some(v) = v.filter(|v| v.status != ClockStatus::OnTrack) else {
                continue;
            };
            out.push(Alert {
                case: case.record.id.clone(),
                step: plan.id.clone(),
                name: plan.name.clone(),
                department: plan.department.clone().unwrap_or_default(),
                department_name: plan.department_name.clone().unwrap_or_default(),
                due: v.due,
                status: v.status,
                limit,
                days_late: v.days_late,
                estimate: v.estimate,
            });
        }
    }
    Ok(out)
}

/// The alerts of many cases, overdue first, then by due date, case and step.
pub fn report<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    cal: &Calendar,
    at: NaiveDate,
) -> Result<Vec<Alert>, PauseError> {
    let mut out = Vec::new();
    for case in cases {
        out.extend(alerts(case, cal, at)?);
    }
    sort(&mut out);
    Ok(out)
}

/// Sorts alerts: overdue first, legal before promised, then by due date, case and step.
pub fn sort(out: &mut [Alert]) {
    out.sort_by(|a, b| {
        (b.status == ClockStatus::Overdue)
            .cmp(&(a.status == ClockStatus::Overdue))
            .then((b.limit == Limit::Legal).cmp(&(a.limit == Limit::Legal)))
            .then(a.due.cmp(&b.due))
            .then(a.case.cmp(&b.case))
            .then(a.step.cmp(&b.step))
    });
}
