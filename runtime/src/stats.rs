//! Statistics for 数据报送 (the standard's §7): per matter and per department — cases, on-time
//! rate, average working days against the promise, 补正 count, evaluation average — as JSON
//! (the serde types) and CSV ([`Statistics::to_csv`]).
//!
//! A matter is measured by its cases' matter clocks (receipt to delivery, suspended days
//! excluded). A department is measured by its own steps on their **own** clocks
//! ([`crate::blame::held_clock`]): a step counts from the day it could start, so a department is
//! never charged for the days the case spent at another one. Rates and averages are over
//! finished work only (delivered cases, decided steps) and are absent when there is none.
//!
//! A figure counted over a year without holiday data (weekends only) is an estimate: its row
//! carries the `Estimate` (估算) with its reason, the statistics carry the union of every row's,
//! and the CSV says it in a last column, so no provisional figure reads as exact.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::blame::{held_clock, ready_at};
use crate::calendar::{Calendar, Estimate, PauseError};
use crate::case::Case;
use crate::clock::{ClockStatus, Suspension};
use crate::engine::matter_clock;
use crate::status::{PauseKind, StepStatus};
use crate::unknown::Unknown;

/// One row of statistics: a matter or a department.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Row {
    /// The matter or department id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Cases received (for a department: cases with at least one of its steps applicable).
    pub cases: u32,
    /// Finished work: delivered cases (matter) or decided steps (department).
    pub finished: u32,
    /// Of those, finished within the promise.
    pub on_time: u32,
    /// `on_time / finished`, when anything is finished.
    pub on_time_rate: Option<f64>,
    /// Average working days used per finished case or step, suspended days excluded.
    pub average_workdays: Option<f64>,
    /// Average promised working days of the same finished cases or steps.
    pub average_promise_workdays: Option<f64>,
    /// Open work past its due date at the statistics' date.
    pub overdue_open: u32,
    /// 补正 requests.
    pub corrections: u32,
    /// Evaluations received (for a department: of cases it took part in).
    pub evaluations: u32,
    /// Their average score (1–5).
    pub evaluation_average: Option<f64>,
    /// 差评 among them (score ≤ 2).
    pub poor_evaluations: u32,
    /// Set when a figure of the row was counted over a year without holiday data (估算,
    /// weekends only); `null` when every figure is exact.
    #[serde(default)]
    pub estimate: Option<Estimate>,
}

/// Statistics at a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statistics {
    /// The date the open clocks are measured at.
    pub at: NaiveDate,
    /// One row per matter, by id.
    pub matters: Vec<Row>,
    /// One row per department, by id.
    pub departments: Vec<Row>,
    /// Cases that cannot be computed, by case: not counted, for a person to look into.
    #[serde(default)]
    pub unknown: Vec<Unknown>,
    /// Set when any row is an estimate (估算): the years without data of every row.
    #[serde(default)]
    pub estimate: Option<Estimate>,
}

/// Sums before the averages are taken.
#[derive(Debug, Default)]
struct Tally {
    name: String,
    cases: u32,
    finished: u32,
    on_time: u32,
    used: u64,
    promised: u64,
    overdue_open: u32,
    corrections: u32,
    scores: Vec<u8>,
    /// Years without holiday data that some figure was counted over.
    provisional: Vec<i32>,
}

impl Tally {
    /// Records that a figure looked at the years of `estimate`, if any.
    fn note(&mut self, estimate: Option<Estimate>) {
        if let Some(e) = estimate {
            self.provisional.extend(e.years);
        }
    }

    fn row(self, id: String) -> Row {
        let avg = |sum: u64, n: u32| (n > 0).then(|| round2(sum as f64 / f64::from(n)));
        let score_sum: u64 = self.scores.iter().map(|&s| u64::from(s)).sum();
        let evaluations = u32::try_from(self.scores.len()).unwrap_or(u32::MAX);
        Row {
            id,
            name: self.name,
            cases: self.cases,
            finished: self.finished,
            on_time: self.on_time,
            on_time_rate: (self.finished > 0)
                .then(|| round2(f64::from(self.on_time) / f64::from(self.finished))),
            average_workdays: avg(self.used, self.finished),
            average_promise_workdays: avg(self.promised, self.finished),
            overdue_open: self.overdue_open,
            corrections: self.corrections,
            evaluations,
            evaluation_average: avg(score_sum, evaluations),
            poor_evaluations: u32::try_from(
                self.scores
                    .iter()
                    .filter(|&&s| s <= crate::case::POOR_SCORE)
                    .count(),
            )
            .unwrap_or(u32::MAX),
            estimate: Estimate::of(self.provisional),
        }
    }
}

/// Two decimals, so the JSON and the CSV say the same number.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Working days in (`from`, `to`] outside every pause of `ledger` (open pauses run to `to`).
fn counted(
    cal: &Calendar,
    from: NaiveDate,
    to: NaiveDate,
    ledger: &[Suspension],
) -> Result<u64, PauseError> {
    let mut n = 0;
    let mut day = from;
    while day < to {
        let Some(next) = day.succ_opt() else { break };
        day = next;
        let paused = ledger
            .iter()
            .any(|s| s.from < day && day <= s.to.unwrap_or(to));
        if cal.is_workday(day)? && !paused {
            n += 1;
        }
    }
    Ok(n)
}

/// The statistics of `cases` at `at`.
pub fn statistics<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    cal: &Calendar,
    at: NaiveDate,
) -> Result<Statistics, PauseError> {
    let mut matters: BTreeMap<String, Tally> = BTreeMap::new();
    let mut depts: BTreeMap<String, Tally> = BTreeMap::new();
    for case in cases {
        let plan = &case.record.plan;
        let warn = plan.supervision.warn_percent;
        let m = matters.entry(case.record.matter.clone()).or_default();
        m.name.clone_from(&plan.name);
        m.cases += 1;
        let corrections = case
            .suspensions
            .iter()
            .filter(|s| s.kind == PauseKind::Correction);
        m.corrections += u32::try_from(corrections.count()).unwrap_or(u32::MAX);
        if let Some(e) = &case.evaluation {
            m.scores.push(e.score);
        }
        let clock = matter_clock(case);
        match &case.delivery {
            Some(d) => {
                let view = clock.view(cal, d.at.date(), warn)?;
                m.note(view.estimate);
                m.note(cal.estimate(clock.start, d.at.date()));
                m.finished += 1;
                if view.status != ClockStatus::Overdue {
                    m.on_time += 1;
                }
                m.used += counted(cal, clock.start, d.at.date(), &clock.ledger)?;
                m.promised += u64::from(clock.budget);
            }
            None => {
                let view = clock.view(cal, at, warn)?;
                if view.status == ClockStatus::Overdue {
                    m.overdue_open += 1;
                }
                m.note(view.estimate);
            }
        }

        let mut took_part: Vec<&str> = Vec::new();
        for (i, (step, state)) in plan.steps.iter().zip(&case.steps).enumerate() {
            // A waiting period (公示期) is no department's step: it counts for none.
            let Some(dept) = step.department.as_deref() else {
                continue;
            };
            if state.status == StepStatus::NotApplicable {
                continue;
            }
            let d = depts.entry(dept.to_owned()).or_default();
            d.name = step.department_name.clone().unwrap_or_default();
            if !took_part.contains(&dept) {
                took_part.push(dept);
                d.cases += 1;
                if let Some(e) = &case.evaluation {
                    d.scores.push(e.score);
                }
            }
            d.corrections += u32::try_from(case.corrections(&step.id)).unwrap_or(u32::MAX);
            let Some(own) = held_clock(case, i, cal)? else {
                continue;
            };
            match (state.status, state.finished) {
                (StepStatus::Approved | StepStatus::Rejected, Some(done)) => {
                    let view = own.view(cal, done.date(), warn)?;
                    d.note(view.estimate);
                    d.finished += 1;
                    if view.status != ClockStatus::Overdue {
                        d.on_time += 1;
                    }
                    let start = ready_at(case, i)
                        .map_or(own.start, |r| r.date())
                        .max(cal.add_workdays(own.start, own.open)?);
                    let ledger: Vec<Suspension> = own
                        .ledger
                        .iter()
                        .filter(|s| s.step == step.id)
                        .cloned()
                        .collect();
                    d.note(cal.estimate(start, done.date()));
                    d.used += counted(cal, start, done.date(), &ledger)?;
                    d.promised += u64::from(own.budget.saturating_sub(own.open));
                }
                (status, _)
                    if !status.is_final()
                        && case.delivery.is_none()
                        && ready_at(case, i).is_some() =>
                {
                    let view = own.view(cal, at, warn)?;
                    if view.status == ClockStatus::Overdue {
                        d.overdue_open += 1;
                    }
                    d.note(view.estimate);
                }
                _ => {}
            }
        }
    }
    let matters: Vec<Row> = matters.into_iter().map(|(id, t)| t.row(id)).collect();
    let departments: Vec<Row> = depts.into_iter().map(|(id, t)| t.row(id)).collect();
    let estimate = Estimate::merge(matters.iter().chain(&departments).map(|r| &r.estimate));
    Ok(Statistics {
        at,
        matters,
        departments,
        unknown: Vec::new(),
        estimate,
    })
}

impl Statistics {
    /// The statistics as CSV: a header, then one line per matter and per department, the first
    /// column saying which (`matter` or `department`). Empty values for absent rates; the last
    /// column, `estimate`, holds the reason (估算：…) of a row counted over a year without data.
    pub fn to_csv(&self) -> String {
        let mut out = String::from(
            "scope,id,name,cases,finished,on_time,on_time_rate,average_workdays,\
             average_promise_workdays,overdue_open,corrections,evaluations,\
             evaluation_average,poor_evaluations,estimate\n",
        );
        let opt = |x: Option<f64>| x.map_or_else(String::new, |x| format!("{x:.2}"));
        for (scope, rows) in [("matter", &self.matters), ("department", &self.departments)] {
            for r in rows {
                out.push_str(&format!(
                    "{scope},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                    csv_field(&r.id),
                    csv_field(&r.name),
                    r.cases,
                    r.finished,
                    r.on_time,
                    opt(r.on_time_rate),
                    opt(r.average_workdays),
                    opt(r.average_promise_workdays),
                    r.overdue_open,
                    r.corrections,
                    r.evaluations,
                    opt(r.evaluation_average),
                    r.poor_evaluations,
                    csv_field(r.estimate.as_ref().map_or("", |e| e.reason.as_str())),
                ));
            }
        }
        out
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}
