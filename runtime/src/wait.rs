//! Waiting steps (公示期、公告期、异议期): when each period ends, how a view words it, and the
//! `wait_end` event that records an end the clock has passed.
//!
//! A waiting step starts when every applicable step before it has passed (the state machine
//! opens a `wait` pause on the ledger from that day, S). Its period counts from the day after S
//! (民法典 第二百零一条): `N days` ends on S + N, `N workdays` on the N-th working day after S on
//! the holiday calendar. A period the matter marks `roll_forward` whose last day is a rest day
//! ends on the next working day instead (民法典 第二百零三条). It ends at 23:59:59 of that last
//! day; [`next_end`] gives the event that records it once the date asked about is later than
//! the last day, and the service appends it on every call that reads or writes the case
//! (spec/runtime.md, "Waiting steps").

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use yjs_artifacts::{Step, StepKind};

use crate::calendar::{Calendar, Estimate, OutOfCoverage};
use crate::case::Case;
use crate::event::{Event, EventKind};
use crate::status::{PauseKind, StepStatus};

/// What a case view says about a waiting step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WaitView {
    /// `days` (natural days) or `workdays`.
    pub unit: String,
    /// How many.
    pub amount: u32,
    /// A last day that falls on a rest day moves to the next working day (民法典 第二百零三条).
    #[serde(default)]
    pub roll_forward: bool,
    /// The basis of the period, as the matter wrote it.
    pub basis: Option<String>,
    /// Day S: the day the steps before it passed; the period counts from the next day.
    pub started: Option<NaiveDate>,
    /// The period's last day (届满之日), once it has started.
    pub ends: Option<NaiveDate>,
    /// The period in words, as an official document says it: `简易注销公示期至2026年10月18日届满`.
    pub text: String,
    /// Set when the last day was counted over a year without holiday data (估算).
    pub estimate: Option<Estimate>,
}

/// How long a waiting period runs, in the unit its matter wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// `N days`: natural days.
    Days(u32),
    /// `N workdays`: working days on the holiday calendar.
    Workdays(u32),
}

/// The last day of a period of `length` that counts from the day after `from` (民法典
/// 第二百零一条): `from + N` for days, the N-th working day after `from` for working days;
/// with `roll_forward`, a last day that is not a working day moves to the next one that is
/// (民法典 第二百零三条). The runtime's waits and `yjs calendar period-end` both count here.
pub fn period_end(
    from: NaiveDate,
    length: Length,
    roll_forward: bool,
    cal: &Calendar,
) -> Result<NaiveDate, OutOfCoverage> {
    let last = match length {
        Length::Days(n) => from
            .checked_add_days(Days::new(u64::from(n)))
            .ok_or(OutOfCoverage { year: i32::MAX })?,
        Length::Workdays(n) => cal.add_workdays(from, n)?,
    };
    // 民法典 第二百零三条: a last day on a 法定休假日 gives way to the day after the rest.
    // Every non-working day of the calendar counts as one (weekends, holidays and their
    // 调休 days off), the reading that never ends a period early (spec/runtime.md, "Waiting steps").
    if roll_forward && !cal.is_workday(last)? {
        return cal.add_workdays(last, 1);
    }
    Ok(last)
}

/// The last day of waiting step `step`, which started on day `from` ([`period_end`]).
pub fn last_day(step: &Step, from: NaiveDate, cal: &Calendar) -> Result<NaiveDate, OutOfCoverage> {
    let length = match step.promise.unit.as_str() {
        "days" => Length::Days(step.promise.amount),
        "workdays" => Length::Workdays(step.promise.amount),
        // The compiler refuses other units on a wait (`immediate`, `hours`); a plan written by
        // hand is clocked on its schedule figure.
        _ => Length::Workdays(step.promise.workdays),
    };
    period_end(from, length, step.roll_forward, cal)
}

/// Whether the period's end depends on the holiday calendar: `workdays`, or rolled days.
fn uses_calendar(step: &Step) -> bool {
    step.promise.unit != "days" || step.rolls_forward()
}

/// The instant a period whose last day is `day` ends: the last second of that day.
pub fn end_of(day: NaiveDate) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN))
}

/// The day a waiting step started (its open or closed `wait` pause), if it has.
pub fn started(case: &Case, step: &str) -> Option<NaiveDate> {
    case.suspensions
        .iter()
        .find(|s| s.step == step && s.kind == PauseKind::Wait)
        .map(|s| s.from)
}

/// The event that ends the waiting period the clock passed first, if the day `through` is later
/// than some running period's last day; `None` when no running period has ended by then.
pub fn next_end(
    case: &Case,
    cal: &Calendar,
    through: NaiveDate,
) -> Result<Option<Event>, OutOfCoverage> {
    let mut first: Option<(NaiveDate, &str)> = None;
    for (plan, state) in case.record.plan.steps.iter().zip(&case.steps) {
        if plan.kind != StepKind::Wait || state.status != StepStatus::Waiting {
            continue;
        }
        let Some(from) = started(case, &plan.id) else {
            continue;
        };
        let last = last_day(plan, from, cal)?;
        if last < through && first.is_none_or(|(day, _)| last < day) {
            first = Some((last, &plan.id));
        }
    }
    Ok(first.map(|(day, step)| {
        Event::new(
            None,
            end_of(day),
            EventKind::WaitEnd {
                step: step.to_owned(),
            },
        )
    }))
}

/// The view of waiting step `plan` in its state `status`.
pub fn view(
    case: &Case,
    plan: &Step,
    status: StepStatus,
    cal: &Calendar,
) -> Result<WaitView, OutOfCoverage> {
    let started = started(case, &plan.id);
    let ends = started.map(|s| last_day(plan, s, cal)).transpose()?;
    let estimate = match (started, ends) {
        (Some(s), Some(e)) if uses_calendar(plan) => cal.estimate(s, e),
        _ => None,
    };
    let period = period_name(&plan.name);
    let text = match (status, ends) {
        (StepStatus::Elapsed, Some(day)) => format!("{period}已于{}届满", date_words(day)),
        (StepStatus::Waiting, Some(day)) => format!("{period}至{}届满", date_words(day)),
        (StepStatus::NotApplicable, _) => format!("{period}不适用于本件"),
        (StepStatus::Cancelled, _) => format!("{period}已取消"),
        _ => format!(
            "{period}{}，自前序步骤办结之次日起算{}",
            length_words(&plan.promise.unit, plan.promise.amount),
            if plan.rolls_forward() {
                ROLL_FORWARD_WORDS
            } else {
                ""
            }
        ),
    };
    Ok(WaitView {
        unit: plan.promise.unit.clone(),
        amount: plan.promise.amount,
        roll_forward: plan.roll_forward,
        basis: plan.basis.clone(),
        started,
        ends,
        text,
        estimate,
    })
}

/// What a `roll_forward` period adds to its description, after 民法典 第二百零三条's wording.
pub const ROLL_FORWARD_WORDS: &str =
    "，期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日";

/// The period's name as a document says it: `简易注销公示` → `简易注销公示期`; a name that already
/// ends in 期 or 期间 (`债权人申报债权期间`) is kept.
pub fn period_name(name: &str) -> String {
    if name.ends_with('期') || name.ends_with("期间") {
        name.to_owned()
    } else {
        format!("{name}期")
    }
}

/// A date as an official document writes it: `2026年3月23日`.
pub fn date_words(day: NaiveDate) -> String {
    day.format("%Y年%-m月%-d日").to_string()
}

/// A period's length in words: `20日`, `5个工作日`.
fn length_words(unit: &str, amount: u32) -> String {
    match unit {
        "workdays" => format!("{amount}个工作日"),
        _ => format!("{amount}日"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn names_and_dates_read_as_a_document_writes_them() {
        assert_eq!(period_name("简易注销公示"), "简易注销公示期");
        assert_eq!(period_name("债权人申报债权期间"), "债权人申报债权期间");
        assert_eq!(period_name("异议期"), "异议期");
        assert_eq!(date_words(d("2026-03-23")), "2026年3月23日");
        assert_eq!(date_words(d("2026-10-09")), "2026年10月9日");
        assert_eq!(length_words("workdays", 5), "5个工作日");
        assert_eq!(end_of(d("2026-10-18")).to_string(), "2026-10-18 23:59:59");
    }

    /// The 简易注销 公示 step as the compiler writes it (`generated/`), with its length and
    /// `roll_forward` set.
    fn period(unit: &str, amount: u32, roll_forward: bool) -> Step {
        let plan: yjs_artifacts::Plan = serde_json::from_str(include_str!(
            "../../generated/company_deregistration/plan.json"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        let mut step = plan
            .steps
            .into_iter()
            .find(|s| s.id == "publicity")
            .unwrap_or_else(|| panic!("no publicity step"));
        step.promise.unit = unit.to_owned();
        step.promise.amount = amount;
        step.roll_forward = roll_forward;
        step
    }

    #[test]
    fn a_rolled_period_ends_on_the_next_working_day() {
        let cal = Calendar::official().unwrap_or_else(|e| panic!("{e}"));
        let last = |unit, amount, roll, from| last_day(&period(unit, amount, roll), d(from), &cal);
        // 2026-09-12 + 20 days is 2026-10-02, inside 国庆节 (10-01..10-07): rolled to 10-08.
        assert_eq!(last("days", 20, false, "2026-09-12"), Ok(d("2026-10-02")));
        assert_eq!(last("days", 20, true, "2026-09-12"), Ok(d("2026-10-08")));
        // A Saturday rolls to the Monday.
        assert_eq!(last("days", 4, true, "2026-10-27"), Ok(d("2026-11-02")));
        // A working day stays, a 调休 Sunday that is a working day (2026-09-20) included.
        assert_eq!(last("days", 20, true, "2026-09-19"), Ok(d("2026-10-09")));
        assert_eq!(last("days", 20, true, "2026-08-31"), Ok(d("2026-09-20")));
        // The N-th working day is a working day already.
        assert_eq!(
            last("workdays", 3, true, "2026-09-29"),
            last("workdays", 3, false, "2026-09-29")
        );
        // A year without data is counted on weekends alone (an estimate the view flags), and a
        // year beyond the estimate's range is out of coverage, not a guess.
        assert_eq!(last("days", 1, true, "2199-12-27"), Ok(d("2199-12-30")));
        assert_eq!(last("days", 3, false, "2199-12-30"), Ok(d("2200-01-02")));
        assert!(last("days", 3, true, "2199-12-30").is_err());
    }
}
