//! Time units in the static schedule: how `immediate`, `workdays`, `days` and `hours` become working days.
//!
//! The rules (normative text in `spec/plan.md`):
//! - `immediate` is 0 working days; `N workdays` is N.
//! - `N days` (calendar days) is N working days: N calendar days never hold more than N working
//!   days, so a step promised in calendar days uses at most N of the schedule's working days.
//! - `H hours` is ceil(H / 8) working days (an 8-hour working day; a part day counts whole).
//!
//! These are upper bounds of the time a step uses, so the schedule never under-estimates. A
//! limit used as a *budget* (a legal limit, the matter's promise) is compared with [`fits`],
//! which is exact for equal units and says [`Fit::Unproven`] when the units differ and the
//! calendar decides the answer.

use crate::resolve::model::DurationKind;
use yjs_artifacts::Limit;

/// Hours in a working day, for `hours` limits.
pub const HOURS_PER_WORKDAY: u32 = 8;

/// The working days the static schedule counts for a limit.
pub fn workdays(d: DurationKind) -> u32 {
    debug_assert_eq!(HOURS_PER_WORKDAY, 8);
    d.schedule_workdays()
}

/// The unit keyword of a limit.
pub fn unit(d: DurationKind) -> &'static str {
    match d {
        DurationKind::Immediate => "immediate",
        DurationKind::Workdays(_) => "workdays",
        DurationKind::Days(_) => "days",
        DurationKind::Hours(_) => "hours",
    }
}

/// The amount in the limit's own unit (0 for `immediate`).
pub fn amount(d: DurationKind) -> u32 {
    match d {
        DurationKind::Immediate => 0,
        DurationKind::Workdays(n) | DurationKind::Days(n) | DurationKind::Hours(n) => n,
    }
}

/// The limit as written, e.g. `2 workdays`, `1 workday`, `immediate`.
pub fn show(d: DurationKind) -> String {
    let n = amount(d);
    let unit = match d {
        DurationKind::Immediate => return "immediate".to_string(),
        DurationKind::Workdays(_) => "workday",
        DurationKind::Days(_) => "day",
        DurationKind::Hours(_) => "hour",
    };
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// The artifact form of a limit.
pub fn limit(d: DurationKind) -> Limit {
    Limit {
        unit: unit(d).to_string(),
        amount: amount(d),
        workdays: workdays(d),
    }
}

/// Whether a duration that is used up fits a budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// It fits on every calendar.
    Fits,
    /// It exceeds the budget on every calendar.
    Exceeds,
    /// The units differ and the holiday calendar decides; the schedule's conversion says it fits.
    Unproven,
}

/// Compares a used duration with a budget, never mixing units silently.
///
/// Equal units compare amounts. A working-day budget takes the used duration's schedule
/// figure (an upper bound), so a fit is proven; only a `workdays` duration can then be
/// proven to exceed it. For a calendar-day or hour budget, more schedule working days than
/// the budget's figure exceed it; anything less is unproven, because N calendar days may hold
/// fewer than N working days (a holiday week holds none).
pub fn fits(used: DurationKind, budget: DurationKind) -> Fit {
    use DurationKind as K;
    let (u, b) = (workdays(used), workdays(budget));
    match (used, budget) {
        (K::Immediate, _) => Fit::Fits,
        (_, K::Immediate) if amount(used) == 0 => Fit::Fits,
        (_, K::Immediate) => Fit::Exceeds,
        (K::Workdays(x), K::Workdays(y))
        | (K::Days(x), K::Days(y))
        | (K::Hours(x), K::Hours(y)) => {
            if x <= y {
                Fit::Fits
            } else {
                Fit::Exceeds
            }
        }
        (_, K::Workdays(_)) if u <= b => Fit::Fits,
        (_, K::Workdays(_)) => Fit::Unproven,
        _ if u > b => Fit::Exceeds,
        _ => Fit::Unproven,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DurationKind as K;

    #[test]
    fn converts_units_to_workdays() {
        assert_eq!(workdays(K::Immediate), 0);
        assert_eq!(workdays(K::Workdays(3)), 3);
        assert_eq!(workdays(K::Days(5)), 5);
        assert_eq!(workdays(K::Hours(4)), 1);
        assert_eq!(workdays(K::Hours(8)), 1);
        assert_eq!(workdays(K::Hours(9)), 2);
        assert_eq!(show(K::Workdays(1)), "1 workday");
        assert_eq!(show(K::Days(3)), "3 days");
    }

    #[test]
    fn compares_without_mixing_units_silently() {
        assert_eq!(fits(K::Workdays(2), K::Workdays(20)), Fit::Fits);
        assert_eq!(fits(K::Workdays(21), K::Workdays(20)), Fit::Exceeds);
        assert_eq!(fits(K::Days(3), K::Days(2)), Fit::Exceeds);
        assert_eq!(fits(K::Days(3), K::Workdays(5)), Fit::Fits);
        assert_eq!(fits(K::Days(8), K::Workdays(5)), Fit::Unproven);
        assert_eq!(fits(K::Workdays(3), K::Days(5)), Fit::Unproven);
        assert_eq!(fits(K::Workdays(6), K::Days(5)), Fit::Exceeds);
        assert_eq!(fits(K::Hours(16), K::Workdays(2)), Fit::Fits);
        assert_eq!(fits(K::Immediate, K::Hours(1)), Fit::Fits);
        assert_eq!(fits(K::Workdays(1), K::Immediate), Fit::Exceeds);
    }
}
