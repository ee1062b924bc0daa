//! The status vocabulary: every status a step, a case or a clock can have, with its stable English
//! code (the JSON spelling) and its one Chinese name (every text output and message).
//!
//! Each family is declared once by the `vocabulary!` table below, which also fixes the serde
//! name, so the JSON code and the [`Vocabulary::code`] cannot drift apart. The command line's
//! `--format text`, the refusal messages and (later) the web pages all say a status with
//! [`Vocabulary::name`]; `spec/runtime.md` lists the same table, checked by a test.

use serde::{Deserialize, Serialize};

/// A closed set of statuses with a stable code and a Chinese name each.
pub trait Vocabulary: Copy + Sized + 'static {
    /// The family's name in the spec's table (`step`, `outcome`, `clock`, `limit`, `pause`,
    /// `position`, `applied`).
    const FAMILY: &'static str;
    /// Every member, in the order of the spec's table.
    const ALL: &'static [Self];
    /// The stable English code, as JSON spells it.
    fn code(self) -> &'static str;
    /// The one Chinese name, for people.
    fn name(self) -> &'static str;
}

/// Declares a status enum, its serde names and its [`Vocabulary`] from one table.
macro_rules! vocabulary {
    ($(
        $(#[$doc:meta])*
        $ty:ident $family:literal {
            $($(#[$vdoc:meta])* $variant:ident = $code:literal, $name:literal;)*
        }
    )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $ty {
            $($(#[$vdoc])* #[serde(rename = $code)] $variant,)*
        }

        impl Vocabulary for $ty {
            const FAMILY: &'static str = $family;
            const ALL: &'static [Self] = &[$(Self::$variant,)*];

            fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)*
                }
            }

            fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }
        }

        // Written out rather than derived: the derive does not see serde names that come from
        // this macro's arguments, and would list the Rust variant names.
        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $ty {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($code,)*]))
                    .description(Some(concat!(
                        "The `", $family, "` statuses (spec/runtime.md, Status vocabulary)."
                    )))
                    .into()
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $ty {}

        impl std::fmt::Display for $ty {
            /// The Chinese name.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    )*};
}

vocabulary! {
    /// The state of one step.
    StepStatus "step" {
        /// The step's condition does not hold for this case.
        NotApplicable = "not_applicable", "不适用";
        /// Not started yet.
        Pending = "pending", "待办理";
        /// Being handled.
        InProgress = "in_progress", "办理中";
        /// Waiting for a correction (补正) or a special procedure.
        Suspended = "suspended", "暂停计时";
        /// Approved (for `deliver`: delivered).
        Approved = "approved", "已批准";
        /// Refused (不予批准).
        Rejected = "rejected", "不予批准";
        /// Cancelled because a step it depends on was refused.
        Cancelled = "cancelled", "已取消";
        /// A waiting step (公示期、公告期) whose period is running: no department acts on it.
        Waiting = "waiting", "等待中";
        /// A waiting step whose period has ended (届满), recorded by the runtime.
        Elapsed = "elapsed", "已届满";
    }

    /// How the matter stands: open until delivery, then how it ended.
    Outcome "outcome" {
        /// Still running.
        Open = "open", "办理中";
        /// Every applicable item approved.
        Granted = "granted", "准予办理";
        /// Some items approved, some refused or cancelled.
        PartlyRefused = "partly_refused", "部分不予办理";
        /// No item approved.
        Refused = "refused", "不予办理";
    }

    /// The status of a running clock at a date.
    ClockStatus "clock" {
        /// Within the budget and below the warning threshold.
        OnTrack = "on_track", "正常";
        /// The warning threshold of the step's own promise is used up (督办 warning).
        Warning = "warning", "预警";
        /// The due date has passed.
        Overdue = "overdue", "超期";
    }

    /// Which time limit a clock or an alert is about.
    Limit "limit" {
        /// The promised limit: a warning before it runs out, 督办 once it is passed.
        Promised = "promised", "承诺时限";
        /// The legal limit: passed only after the promise was broken; escalated 督办.
        Legal = "legal", "法定时限";
    }

    /// Why a clock is suspended.
    PauseKind "pause" {
        /// 补正 after acceptance: the applicant must supply or correct something.
        Correction = "correction", "补正";
        /// A special procedure under 行政许可法 第四十五条 (hearing, inspection, expert review, …).
        Special = "special", "特别程序";
        /// A waiting step's period (公示期、公告期): not counted in the handling limits.
        Wait = "wait", "等待期";
    }

    /// Where a step stands for 督办 blame: who holds the case.
    Position "position" {
        /// A step it waits for is still open: its delay is charged to whoever holds the case.
        Waiting = "waiting", "等待前序步骤";
        /// Every step it waits for is approved: the step's department holds the case.
        Holding = "holding", "本部门在办";
        /// Finished (approved, refused, cancelled) or not applicable.
        Done = "done", "已办结";
    }

    /// What recording an event did.
    Applied "applied" {
        /// The event was new and is now in the log.
        Appended = "appended", "已记录";
        /// An identical event with this id is already in the log; nothing changed.
        Duplicate = "duplicate", "重复事件，未作改变";
    }
}

impl StepStatus {
    /// Whether the step needs no more work.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::NotApplicable | Self::Approved | Self::Rejected | Self::Cancelled | Self::Elapsed
        )
    }

    /// Whether the step lets the steps after it go: approved, or a waiting period that has ended.
    pub fn is_passed(self) -> bool {
        matches!(self, Self::Approved | Self::Elapsed)
    }
}

/// Every family as `(family, code, Chinese name)` rows, in the order of the spec's table.
pub fn table() -> Vec<(&'static str, &'static str, &'static str)> {
    fn rows<T: Vocabulary>(out: &mut Vec<(&'static str, &'static str, &'static str)>) {
        out.extend(T::ALL.iter().map(|v| (T::FAMILY, v.code(), v.name())));
    }
    let mut out = Vec::new();
    rows::<StepStatus>(&mut out);
    rows::<Outcome>(&mut out);
    rows::<ClockStatus>(&mut out);
    rows::<Limit>(&mut out);
    rows::<PauseKind>(&mut out);
    rows::<Position>(&mut out);
    rows::<Applied>(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<T: Vocabulary + Serialize>() {
        let mut names = std::collections::BTreeSet::new();
        for v in T::ALL {
            assert_eq!(
                serde_json::to_value(v).ok(),
                Some(serde_json::Value::String(v.code().to_owned())),
                "{} {}",
                T::FAMILY,
                v.code()
            );
            assert!(
                names.insert(v.name()),
                "{} says {} twice",
                T::FAMILY,
                v.name()
            );
        }
    }

    #[test]
    fn each_family_has_one_code_and_one_distinct_name_per_status() {
        check::<StepStatus>();
        check::<Outcome>();
        check::<ClockStatus>();
        check::<Limit>();
        check::<PauseKind>();
        check::<Position>();
        check::<Applied>();
        assert_eq!(StepStatus::Pending.name(), "待办理");
        assert_eq!(StepStatus::Approved.to_string(), "已批准");
    }
}
