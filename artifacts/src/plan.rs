//! `plan.json`: the routing plan of one matter (一次联办).

use crate::condition::{Answers, Condition};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The routing plan of one matter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Plan {
    /// Artifact format version (`FORMAT_VERSION`).
    pub format_version: u32,
    /// The matter id.
    pub matter: String,
    /// The matter name.
    pub name: String,
    /// The lead department id.
    pub lead: String,
    /// The acceptance window's department id.
    pub window: String,
    /// The matter's promised limit.
    pub promise: Limit,
    /// The worst case over all scenarios, in working days (accept + longest path + deliver);
    /// an upper bound (every item applies) when `scenarios.complete` is false.
    pub total_workdays: u32,
    /// The best case over all scenarios, in working days; a lower bound (only the
    /// unconditional items apply) when `scenarios.complete` is false.
    pub best_workdays: u32,
    /// The step ids of the worst case's critical path, in order.
    pub critical_path: Vec<String>,
    /// The worst total with each applicable wait step counting its duration, in working days:
    /// the time a case may take from receipt to delivery. `total_workdays` and the checks are
    /// the handling schedule, in which a waiting period (a 特殊环节, 行政许可法 第四十五条)
    /// counts 0 days; equal to `total_workdays` when the matter has no wait step. Absent (read
    /// as 0) in plans stored in case records before waiting steps existed.
    #[serde(default)]
    pub elapsed_workdays: u32,
    /// The joint-handling check (行政许可法 第四十二条第二款) over the items' legal limits.
    pub joint: Joint,
    /// Every step: accept, one per item or wait step, deliver.
    pub steps: Vec<Step>,
    /// Per combination of situation answers: the applicable items and the total.
    pub scenarios: Scenarios,
    /// Supervision (督办) settings.
    pub supervision: Supervision,
    /// The rules between situations (`rule "…" { … }`): every possible combination of answers
    /// meets each; a submission that breaks one is refused with its text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<SituationRule>,
}

/// The `$comment` that marks a rule's entry in `form.schema.json`'s `allOf`: the compiler writes
/// it, and the runtime words a failure inside it once, with the rule's text.
pub const RULE_COMMENT: &str = "yjs rule";

/// A rule between situations: its text, as the analyst wrote it, and its condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SituationRule {
    /// What the rule says, e.g. 简易注销不适用于被吊销的企业.
    pub text: String,
    /// What every possible combination of answers meets.
    pub condition: Condition,
}

/// A time limit with its unit, and its static equivalent in working days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Limit {
    /// `immediate`, `workdays`, `days` or `hours`.
    pub unit: String,
    /// The amount in `unit` (0 for `immediate`).
    pub amount: u32,
    /// How many working days the static schedule counts for it (see spec/plan.md).
    pub workdays: u32,
}

/// One arm of a limit by situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LimitCase {
    /// When the arm applies (`always` for `otherwise`).
    pub when: Condition,
    /// The limit in that case.
    pub limit: Limit,
}

/// The arm of `cases` that applies for `answers`, if the limit varies.
fn pick<'a>(cases: &'a [LimitCase], answers: &Answers) -> Option<&'a Limit> {
    cases
        .iter()
        .find(|c| c.when.eval(answers))
        .map(|c| &c.limit)
}

impl Step {
    /// The promised limit for a case with these answers.
    pub fn promise_for(&self, answers: &Answers) -> &Limit {
        pick(&self.promise_by, answers).unwrap_or(&self.promise)
    }

    /// The legal limit for a case with these answers, when there is one.
    pub fn legal_for(&self, answers: &Answers) -> Option<&Limit> {
        pick(&self.legal_by, answers).or(self.legal.as_ref())
    }

    /// The working days the handling schedule counts for the step: its promise, or 0 for a
    /// wait step (a waiting period is not handling time, 行政许可法 第四十五条).
    pub fn handling_workdays(&self) -> u32 {
        match self.kind {
            StepKind::Wait => 0,
            _ => self.promise.workdays,
        }
    }

    /// Whether the step's last day can move past a rest day: a period in natural days marked
    /// `roll_forward` (the N-th working day is a working day already, W0321).
    pub fn rolls_forward(&self) -> bool {
        self.roll_forward && self.promise.unit == "days"
    }

    /// Whether the step's limits vary by situation.
    pub fn varies(&self) -> bool {
        !self.promise_by.is_empty() || !self.legal_by.is_empty()
    }
}

/// The kind of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Acceptance at the window.
    Accept,
    /// One item's review and decision.
    Item,
    /// A waiting period (公告期、公示期、异议期) that no department handles: it ends by itself
    /// once its duration has passed.
    Wait,
    /// The one delivery of all results.
    Deliver,
}

/// One step of the plan, with its static schedule in working days after receipt,
/// computed with every item applying (each step's times bound those of every scenario).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Step {
    /// `accept`, the item or wait step id, or `deliver`.
    pub id: String,
    /// What the step is.
    pub kind: StepKind,
    /// A readable name.
    pub name: String,
    /// The department that handles it; `null` for a wait step, set for every other step.
    pub department: Option<String>,
    /// The department's name; `null` for a wait step.
    pub department_name: Option<String>,
    /// The steps that must finish first.
    pub after: Vec<String>,
    /// When the step applies.
    pub condition: Condition,
    /// The legal limit, when there is one; for a legal limit by situation, its longest arm.
    /// `null` for a wait step.
    pub legal: Option<Limit>,
    /// The promised limit; for a promise by situation, its longest arm (the static schedule
    /// below counts it, so its times bound every case). For a wait step, its duration.
    pub promise: Limit,
    /// The basis of a wait step's duration, as written (`basis "…"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// A wait step whose last day, when it falls on a rest day (休息日、法定节假日), moves to
    /// the next working day on the holiday calendar (民法典 第二百零三条; `roll_forward` in the
    /// matter). Absent, read as `false`, for every other step.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub roll_forward: bool,
    /// A promise by situation: the arms in written order; the first whose condition holds for
    /// a case's answers applies, and the last (`otherwise`) always holds. Empty when the
    /// promise is the same for every case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promise_by: Vec<LimitCase>,
    /// A legal limit by situation, read as `promise_by`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_by: Vec<LimitCase>,
    /// Earliest start, in working days from the start of the case.
    pub earliest_start: u32,
    /// Earliest finish.
    pub earliest_finish: u32,
    /// Latest finish that keeps the total of the schedule in which every item applies.
    pub latest_finish: u32,
    /// `latest_finish - earliest_finish`.
    pub slack: u32,
    /// Whether the step is on the critical path.
    pub critical: bool,
}

/// The joint-handling cap: the legal limits along the longest path, plus acceptance, against 45 (+15) working days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Joint {
    /// Acceptance plus the longest path over the counted items' legal limits (worst case), in
    /// working days; items not counted take 0 days.
    pub legal_workdays: u32,
    /// The step ids of that longest legal path, in order.
    pub legal_path: Vec<String>,
    /// The items the cap counts: those governed by 行政许可法 (kind `administrative_license`,
    /// or no kind declared).
    pub counted: Vec<String>,
    /// The statutory cap without extension (45).
    pub cap_workdays: u32,
    /// The extension the matter declares (`extension N workdays "reason"`), in working days (0 without one).
    pub extension_workdays: u32,
    /// Who approved the extension and why, as declared.
    pub extension_reason: Option<String>,
}

/// The scenario analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Scenarios {
    /// Whether every combination was enumerated (false past 4,096 combinations).
    pub complete: bool,
    /// The situations that decide which items apply (those named in an item's `when`), in declaration order.
    pub deciding: Vec<String>,
    /// How many combinations of answers to the deciding situations there are (saturating).
    pub combinations: u64,
    /// The enumerated scenarios, the first deciding situation varying slowest and options in declaration order (empty when not complete).
    pub list: Vec<Scenario>,
}

/// One combination of situation answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Scenario {
    /// The answers to the deciding situations.
    pub answers: Answers,
    /// The items that apply, in declaration order.
    pub items: Vec<String>,
    /// accept + longest path over the applicable items + deliver (wait steps count 0 days).
    pub total_workdays: u32,
    /// The critical path of this scenario.
    pub critical_path: Vec<String>,
    /// The same total with each applicable wait step counting its duration (absent, read as 0,
    /// in plans stored before waiting steps existed).
    #[serde(default)]
    pub elapsed_workdays: u32,
}

/// Supervision settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Supervision {
    /// A step warns once this percentage of its promised time is used (default 80).
    pub warn_percent: u32,
}
