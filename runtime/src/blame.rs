//! 督办 blame: who holds a case, and each department's own clock.
//!
//! The plan's static clocks ([`crate::engine::step_clock`]) count every step from the receipt
//! date: when `birth_cert` is three days late, `hukou`'s static due date passes while `hukou`
//! cannot even start. Blame charges delay to the department **holding** the case:
//!
//! - a step whose applicable predecessors are all approved is [`Position::Holding`]; its
//!   department holds the case;
//! - a step with an open predecessor is [`Position::Waiting`]: never in warning or overdue, its
//!   delay is charged to the departments of the holding steps upstream of it;
//! - a holding step's **own clock** ([`held_clock`]) starts on the later of its planned start and
//!   the day its last predecessor was approved, and runs for its own window (promise): a
//!   department is never charged for the days the case spent elsewhere.
//!
//! [`board`] is the 督办 board built on it; `stats` measures departments with the same clocks.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use yjs_artifacts::StepKind;

use crate::calendar::{Calendar, Estimate, PauseError};
use crate::case::{Case, Rectification};
use crate::clock::{Clock, ClockStatus};
use crate::engine::step_clock;
use crate::status::{Limit, Position};
use crate::unknown::Unknown;

/// When step `i` became ready: the latest finish among its applicable predecessors (the receipt
/// for a step without any); `None` while one of them is not approved.
pub fn ready_at(case: &Case, i: usize) -> Option<NaiveDateTime> {
    let mut ready = case.record.received;
    for p in case.predecessors(i) {
        let state = case.steps.get(p)?;
        if !state.status.is_passed() {
            return None;
        }
        if let Some(f) = state.finished {
            ready = ready.max(f);
        }
    }
    Some(ready)
}

/// Where step `i` stands.
pub fn position(case: &Case, i: usize) -> Position {
    match case.steps.get(i) {
        None => Position::Done,
        Some(s) if s.status.is_final() => Position::Done,
        Some(_) if ready_at(case, i).is_some() => Position::Holding,
        Some(_) => Position::Waiting,
    }
}

/// A clock for step `i` of `budget` working days of its own, starting when it could start.
fn shifted(case: &Case, i: usize, cal: &Calendar, own: u32) -> Result<Option<Clock>, PauseError> {
    let (Some(step), Some(clock)) = (case.record.plan.steps.get(i), step_clock(case, i)) else {
        return Ok(None);
    };
    let planned = cal.add_workdays(case.record.received.date(), step.earliest_start)?;
    let ready = ready_at(case, i).map(|t| t.date());
    Ok(Some(match ready {
        Some(ready) if ready > planned => Clock {
            start: ready,
            open: 0,
            budget: own,
            ..clock
        },
        _ => Clock {
            budget: step.earliest_start.saturating_add(own),
            ..clock
        },
    }))
}

/// Step `i`'s own promised clock: its window (`earliest_finish − earliest_start` working days)
/// from the later of its planned start and the day it became ready. For a step not ready yet it
/// is the plan's static clock. `None` for a step the plan does not have.
pub fn held_clock(case: &Case, i: usize, cal: &Calendar) -> Result<Option<Clock>, PauseError> {
    let Some(step) = case.record.plan.steps.get(i) else {
        return Ok(None);
    };
    let own = step.earliest_finish.saturating_sub(step.earliest_start);
    shifted(case, i, cal, own)
}

/// Step `i`'s own legal clock: the item's legal limit from the same start; `None` for acceptance,
/// delivery and items without a legal limit.
pub fn held_legal_clock(
    case: &Case,
    i: usize,
    cal: &Calendar,
) -> Result<Option<Clock>, PauseError> {
    let Some(step) = case.record.plan.steps.get(i) else {
        return Ok(None);
    };
    match (&step.legal, step.kind) {
        (Some(legal), StepKind::Item) => shifted(case, i, cal, legal.workdays),
        _ => Ok(None),
    }
}

/// One entry of the 督办 board: a step in warning or overdue, charged to a department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Charge {
    /// The case id.
    pub case: String,
    /// The matter id.
    pub matter: String,
    /// The step id.
    pub step: String,
    /// The step's name.
    pub name: String,
    /// The department charged: the step's own, since it holds the case.
    pub department: String,
    /// The department's name.
    pub department_name: String,
    /// The due date of the step's own clock as of the board's date.
    pub due: NaiveDate,
    /// `warning` or `overdue`.
    pub status: ClockStatus,
    /// `promised`, or `legal` for an item past its legal limit (escalated 督办).
    pub limit: Limit,
    /// Working days past the due date.
    pub days_late: u32,
    /// Set when the due date or the days late are estimated (估算): a year without data.
    pub estimate: Option<Estimate>,
}

/// A step whose plan date has come while it still waits for an open step upstream: not overdue
/// itself; its delay is charged to the departments holding the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Wait {
    /// The case id.
    pub case: String,
    /// The step id.
    pub step: String,
    /// The step's name.
    pub name: String,
    /// The step's department.
    pub department: String,
    /// The department's name.
    pub department_name: String,
    /// The plan's date for the step (the static clock), already reached or passed.
    pub planned_due: NaiveDate,
    /// Set when the plan's date is estimated (估算): a year without data.
    pub estimate: Option<Estimate>,
    /// The open steps it waits for, in plan order.
    pub waiting_on: Vec<String>,
    /// The departments holding the case upstream of it, charged with the delay.
    pub charged_to: Vec<String>,
}

/// An open 整改: a 差评 not yet closed with a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenRectification {
    /// The case id.
    pub case: String,
    /// The matter id.
    pub matter: String,
    /// The 差评.
    #[serde(flatten)]
    pub rectification: Rectification,
}

/// The 督办 board at a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Board {
    /// The date.
    pub at: NaiveDate,
    /// Holding steps in warning or overdue on their own clocks: overdue first, legal before
    /// promised, then by due date, case and step.
    pub charges: Vec<Charge>,
    /// Waiting steps past their plan date, by case and step.
    pub waiting: Vec<Wait>,
    /// Open 整改 entries, by case.
    pub rectifications: Vec<OpenRectification>,
    /// Cases whose clocks cannot be computed, by case: not on the board, for a person to look into.
    #[serde(default)]
    pub unknown: Vec<Unknown>,
}

/// The board entries of one case at `at`.
pub fn case_board(
    case: &Case,
    cal: &Calendar,
    at: NaiveDate,
) -> Result<(Vec<Charge>, Vec<Wait>), PauseError> {
    let mut charges = Vec::new();
    let mut waits = Vec::new();
    if case.delivery.is_some() {
        return Ok((charges, waits));
    }
    let warn = case.record.plan.supervision.warn_percent;
    for (i, plan) in case.record.plan.steps.iter().enumerate() {
        // A waiting period (公示期) belongs to no department: never charged, never on the board.
        if plan.kind == StepKind::Wait {
            continue;
        }
        match position(case, i) {
            Position::Done => {}
            Position::Holding => {
                let promised = held_clock(case, i, cal)?
                    .map(|c| c.view(cal, at, warn))
                    .transpose()?;
                let legal = held_legal_clock(case, i, cal)?
                    .map(|c| c.view(cal, at, 100))
                    .transpose()?
                    .filter(|v| v.status == ClockStatus::Overdue);
                for (limit, v) in [(Limit::Promised, promised), (Limit::Legal, legal)] {
                    let Some(v) = v.filter(|v| v.status != ClockStatus::OnTrack) else {
                        continue;
                    };
                    charges.push(Charge {
                        case: case.record.id.clone(),
                        matter: case.record.matter.clone(),
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
            Position::Waiting => {
                let Some(clock) = step_clock(case, i) else {
                    continue;
                };
                let planned = clock.view(cal, at, warn)?;
                if planned.status == ClockStatus::OnTrack {
                    continue;
                }
                let waiting_on = case
                    .predecessors(i)
                    .into_iter()
                    .filter(|&p| !case.steps.get(p).is_some_and(|s| s.status.is_passed()))
                    .filter_map(|p| case.record.plan.steps.get(p).map(|s| s.id.clone()))
                    .collect();
                let mut charged_to: Vec<String> = (0..case.steps.len())
                    .filter(|&j| {
                        case.graph().reaches(j, i) && position(case, j) == Position::Holding
                    })
                    .filter_map(|j| case.record.plan.steps.get(j)?.department.clone())
                    .collect();
                charged_to.sort();
                charged_to.dedup();
                waits.push(Wait {
                    case: case.record.id.clone(),
                    step: plan.id.clone(),
                    name: plan.name.clone(),
                    department: plan.department.clone().unwrap_or_default(),
                    department_name: plan.department_name.clone().unwrap_or_default(),
                    planned_due: planned.due,
                    estimate: planned.estimate,
                    waiting_on,
                    charged_to,
                });
            }
        }
    }
    Ok((charges, waits))
}

/// The 督办 board of many cases at `at`.
pub fn board<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    cal: &Calendar,
    at: NaiveDate,
) -> Result<Board, PauseError> {
    let mut out = Board {
        at,
        charges: Vec::new(),
        waiting: Vec::new(),
        rectifications: Vec::new(),
        unknown: Vec::new(),
    };
    for case in cases {
        let (charges, waits) = case_board(case, cal, at)?;
        out.charges.extend(charges);
        out.waiting.extend(waits);
        if let Some(r) = case.rectification.as_ref().filter(|r| r.closed.is_none()) {
            out.rectifications.push(OpenRectification {
                case: case.record.id.clone(),
                matter: case.record.matter.clone(),
                rectification: r.clone(),
            });
        }
    }
    out.charges.sort_by(|a, b| {
        (b.status == ClockStatus::Overdue)
            .cmp(&(a.status == ClockStatus::Overdue))
            .then((b.limit == Limit::Legal).cmp(&(a.limit == Limit::Legal)))
            .then(a.due.cmp(&b.due))
            .then(a.case.cmp(&b.case))
            .then(a.step.cmp(&b.step))
    });
    out.waiting
        .sort_by(|a, b| a.case.cmp(&b.case).then(a.step.cmp(&b.step)));
    out.rectifications.sort_by(|a, b| a.case.cmp(&b.case));
    Ok(out)
}
