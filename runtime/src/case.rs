//! A case of a matter: the accepted submission, the event log, and the state machine that replays it.
//!
//! The state of a case is never stored: it is derived by replaying its events in order over the
//! accepted record ([`CaseRecord`], which keeps a snapshot of the plan, so a case runs on the plan
//! it was accepted under). [`Case::check`] decides whether one more event is legal; the store
//! appends only events that pass, in the same transaction. The rules are in `spec/runtime.md`.
//!
//! Every walk over the plan's `after` edges (a step's predecessors, what lies downstream of it)
//! goes through the case's [`PlanGraph`], built once from the record's plan when the case opens.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use yjs_artifacts::{Answers, GraphError, Plan, PlanGraph, StepKind};

use crate::artifacts::graph_message;
use crate::clock::Suspension;
use crate::error::Code;
use crate::event::{Event, EventKind};
use crate::status::{Applied, Outcome, PauseKind, StepStatus, Vocabulary};

/// The accepted submission: everything fixed at receipt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseRecord {
    /// The case id, `<matter>-<YYYYMMDD>-<seq>`.
    pub id: String,
    /// The matter id.
    pub matter: String,
    /// When the submission was received.
    pub received: NaiveDateTime,
    /// The submission as given.
    pub submission: Value,
    /// The situation answers read from it.
    pub answers: Answers,
    /// The applicable items, in plan order.
    pub items: Vec<String>,
    /// One packet per applicable item, by item id.
    pub packets: BTreeMap<String, Packet>,
    /// The plan the case runs on.
    pub plan: Plan,
    /// The submit's idempotency key, if the caller gave one: a retry with it returns this case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// What one department receives: its item's fields under its own names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Packet {
    /// The item id.
    pub item: String,
    /// The department id.
    pub department: String,
    /// The department's name.
    pub department_name: String,
    /// The values, keyed by the department's own field names, in its form's order.
    pub fields: serde_json::Map<String, Value>,
}

/// A step's derived state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepState {
    /// The step id.
    pub id: String,
    /// The status.
    pub status: StepStatus,
    /// When it finished.
    pub finished: Option<NaiveDateTime>,
    /// The output of an approval.
    pub output: Value,
    /// The reason of a refusal or cancellation.
    pub reason: Option<String>,
}

/// The delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Delivery {
    /// How.
    pub method: String,
    /// When.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = "yjs-local-date-time", example = "2026-03-02T09:00:00"))]
    pub at: NaiveDateTime,
}

/// The supervisor's permission for one more 补正 on a step (督办, recorded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Escalation {
    /// The step.
    pub step: String,
    /// When.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = "yjs-local-date-time", example = "2026-03-02T09:00:00"))]
    pub at: NaiveDateTime,
    /// Why.
    pub reason: String,
}

/// The 整改 a 差评 opens: open until the supervisor closes it with a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rectification {
    /// When the 差评 was given.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = "yjs-local-date-time", example = "2026-03-02T09:00:00"))]
    pub opened: NaiveDateTime,
    /// The score (1 or 2).
    pub score: u8,
    /// The applicant's comment.
    pub comment: String,
    /// When it was closed.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = "yjs-local-date-time", example = "2026-03-02T09:00:00"))]
    pub closed: Option<NaiveDateTime>,
    /// What was done.
    pub note: Option<String>,
}

/// The highest score that is a 差评 and opens a 整改 entry.
pub const POOR_SCORE: u8 = 2;

/// The applicant's evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evaluation {
    /// 1 (very poor) to 5 (very good).
    pub score: u8,
    /// Free text.
    pub comment: String,
}

/// Why an event is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Refusal {
    /// A stable code of kind `illegal_event`, e.g. `predecessor_open`.
    pub code: Code,
    /// The reason, in Chinese.
    pub message: String,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]", self.message, self.code)
    }
}

impl std::error::Error for Refusal {}

#[cold]
fn refuse(code: Code, message: impl Into<String>) -> Refusal {
    Refusal {
        code,
        message: message.into(),
    }
}

/// Why a stored case cannot be replayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplayError {
    /// The record's plan is not a graph.
    Plan(GraphError),
    /// The rules refuse an event of the log.
    Event {
        /// The event's position in the log (0-based).
        index: usize,
        /// Why it is refused.
        refusal: Refusal,
    },
}

impl fmt::Display for ReplayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Plan(e) => write!(f, "所存的办理流程有误：{}", graph_message(e)),
            Self::Event { index, refusal } => {
                write!(f, "第 {} 个事件不合规则：{refusal}", index + 1)
            }
        }
    }
}

impl std::error::Error for ReplayError {}

/// A case: its record, its log and the state derived from them.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// The accepted submission.
    pub record: CaseRecord,
    /// Every event, in order.
    pub events: Vec<Event>,
    /// Every step of the plan, in plan order.
    pub steps: Vec<StepState>,
    /// The suspension ledger: every pause, by the step that opened it.
    pub suspensions: Vec<Suspension>,
    /// The delivery, once made.
    pub delivery: Option<Delivery>,
    /// The evaluation, once given.
    pub evaluation: Option<Evaluation>,
    /// The supervisor's escalations, each allowing one more 补正 on its step.
    pub escalations: Vec<Escalation>,
    /// The 整改 opened by a 差评.
    pub rectification: Option<Rectification>,
    /// The record's plan as a graph.
    graph: PlanGraph,
}

impl Case {
    /// A freshly accepted case; refuses a record whose plan is not a graph.
    pub fn new(record: CaseRecord) -> Result<Self, GraphError> {
        let graph = PlanGraph::new(&record.plan)?;
        Ok(Self::with_graph(record, graph))
    }

    /// A freshly accepted case whose plan's graph is already built (it must be `record.plan`'s).
    pub(crate) fn with_graph(record: CaseRecord, graph: PlanGraph) -> Self {
        let steps = record
            .plan
            .steps
            .iter()
            .map(|s| StepState {
                id: s.id.clone(),
                status: if s.condition.eval(&record.answers) {
                    StepStatus::Pending
                } else {
                    StepStatus::NotApplicable
                },
                finished: None,
                output: Value::Null,
                reason: None,
            })
            .collect();
        let mut case = Self {
            record,
            events: Vec::new(),
            steps,
            suspensions: Vec::new(),
            delivery: None,
            evaluation: None,
            escalations: Vec::new(),
            rectification: None,
            graph,
        };
        case.start_waits();
        case
    }

    /// Replays a log; fails if the plan is not a graph or the log holds an event the rules
    /// refuse (a corrupt store).
    pub fn replay(record: CaseRecord, events: Vec<Event>) -> Result<Self, ReplayError> {
        let mut case = Self::new(record).map_err(ReplayError::Plan)?;
        for (index, event) in events.into_iter().enumerate() {
            case.apply(event)
                .map_err(|refusal| ReplayError::Event { index, refusal })?;
        }
        Ok(case)
    }

    /// The plan's graph: its steps indexed, with their `after` edges.
    pub fn graph(&self) -> &PlanGraph {
        &self.graph
    }

    /// Applies an event if the rules allow it.
    pub fn apply(&mut self, event: Event) -> Result<Applied, Refusal> {
        if self.check(&event)? == Applied::Duplicate {
            return Ok(Applied::Duplicate);
        }
        self.transition(&event);
        self.events.push(event);
        self.start_waits();
        Ok(Applied::Appended)
    }

    /// Starts every waiting step whose applicable predecessors have all passed: it becomes
    /// `waiting` and a `wait` pause opens on the ledger from the day the last of them finished
    /// (the receipt, without one), so the matter's and later steps' clocks exclude the period.
    fn start_waits(&mut self) {
        for i in 0..self.steps.len() {
            let is_wait = self.record.plan.steps.get(i).map(|s| s.kind) == Some(StepKind::Wait);
            if !is_wait || self.steps.get(i).map(|s| s.status) != Some(StepStatus::Pending) {
                continue;
            }
            let mut from = self.record.received;
            let mut ready = true;
            for p in self.predecessors(i) {
                match self.steps.get(p) {
                    Some(s) if s.status.is_passed() => {
                        from = from.max(s.finished.unwrap_or(from));
                    }
                    _ => ready = false,
                }
            }
            if !ready {
                continue;
            }
            if let Some(s) = self.steps.get_mut(i) {
                s.status = StepStatus::Waiting;
                self.suspensions.push(Suspension {
                    kind: PauseKind::Wait,
                    step: s.id.clone(),
                    from: from.date(),
                    to: None,
                });
            }
        }
    }

    /// Whether the event may be appended: `Appended` if new and legal, `Duplicate` if already logged.
    pub fn check(&self, event: &Event) -> Result<Applied, Refusal> {
        if let Some(old) = self.events.iter().find(|e| e.id == event.id) {
            return if old == event {
                Ok(Applied::Duplicate)
            } else {
                Err(refuse(
                    Code::EventIdReused,
                    format!("事件编号 {} 已用于另一个不同的事件", event.id),
                ))
            };
        }
        let rectify = matches!(event.kind, EventKind::Rectify { .. });
        if self.evaluation.is_some() && !rectify {
            return Err(refuse(
                Code::CaseClosed,
                "本件已办结并已评价，不再接受任何事件",
            ));
        }
        if let EventKind::WaitEnd { step } = &event.kind {
            return self.check_wait_end(step, event.at);
        }
        // The latest time in the log: a `wait_end` carries the end of its period, which may be
        // earlier than events recorded before the runtime noticed it.
        let last = self
            .events
            .iter()
            .map(|e| e.at)
            .max()
            .unwrap_or(self.record.received)
            .max(self.record.received);
        if event.at < last {
            return Err(refuse(
                Code::TimeBackwards,
                format!("事件时间 {} 早于上一事件或收件时间 {last}", event.at),
            ));
        }
        if self.delivery.is_some() && !matches!(event.kind, EventKind::Evaluate { .. }) && !rectify
        {
            return Err(refuse(
                Code::CaseClosed,
                "本件已送达办结，只能再接受一次评价",
            ));
        }
        match &event.kind {
            EventKind::Start { step } => {
                let i = self.item_or_accept(step)?;
                self.require_status(i, &[StepStatus::Pending], "开始办理")?;
                self.require_predecessors(i)
            }
            EventKind::Approve { step, .. } | EventKind::Reject { step, .. } => {
                let i = self.item_or_accept(step)?;
                self.require_status(
                    i,
                    &[StepStatus::Pending, StepStatus::InProgress],
                    "作出决定",
                )?;
                self.require_predecessors(i)
            }
            EventKind::RequestCorrection { step, .. } | EventKind::SpecialStart { step, .. } => {
                let i = self.item_or_accept(step)?;
                if self.record.plan.steps.get(i).map(|s| s.kind) != Some(StepKind::Item) {
                    return Err(refuse(
                        Code::NotAnItem,
                        "补正和特别程序只适用于事项步骤（受理后）",
                    ));
                }
                self.require_status(
                    i,
                    &[StepStatus::Pending, StepStatus::InProgress],
                    "暂停计时",
                )?;
                if matches!(event.kind, EventKind::RequestCorrection { .. }) {
                    self.require_correction_left(step)?;
                }
                self.require_predecessors(i)
            }
            EventKind::Escalate { step, .. } => {
                let i = self.item_or_accept(step)?;
                if self.record.plan.steps.get(i).map(|s| s.kind) != Some(StepKind::Item) {
                    return Err(refuse(Code::NotAnItem, "补正只适用于事项步骤（受理后）"));
                }
                self.require_status(
                    i,
                    &[
                        StepStatus::Pending,
                        StepStatus::InProgress,
                        StepStatus::Suspended,
                    ],
                    "批准再次补正",
                )?;
                Ok(Applied::Appended)
            }
            EventKind::Rectify { note } => match &self.rectification {
                Some(r) if r.closed.is_none() => {
                    if note.trim().is_empty() {
                        Err(refuse(Code::BlankNote, "办结整改须写明整改情况"))
                    } else {
                        Ok(Applied::Appended)
                    }
                }
                Some(_) => Err(refuse(Code::NothingToRectify, "本件的整改已经办结")),
                None => Err(refuse(
                    Code::NothingToRectify,
                    "本件没有待整改的差评（评分 1 或 2 才开启整改）",
                )),
            },
            EventKind::CorrectionReceived { step } => {
                self.require_open_pause(step, PauseKind::Correction)
            }
            EventKind::SpecialEnd { step } => self.require_open_pause(step, PauseKind::Special),
            EventKind::Deliver { method } => {
                if method.trim().is_empty() {
                    return Err(refuse(
                        Code::NoMethod,
                        "送达须写明方式（如 online、mail、window）",
                    ));
                }
                let open: Vec<&str> = self
                    .record
                    .plan
                    .steps
                    .iter()
                    .zip(&self.steps)
                    .filter(|(p, s)| p.kind != StepKind::Deliver && !s.status.is_final())
                    .map(|(p, _)| p.id.as_str())
                    .collect();
                if open.is_empty() {
                    Ok(Applied::Appended)
                } else {
                    Err(refuse(
                        Code::ItemsOpen,
                        format!(
                            "还有步骤未办结：{}；全部办结后才能一次送达",
                            open.join("、")
                        ),
                    ))
                }
            }
            EventKind::WaitEnd { step } => self.check_wait_end(step, event.at),
            EventKind::Evaluate { score, .. } => {
                if self.delivery.is_none() {
                    return Err(refuse(Code::NotDelivered, "送达之后才能评价"));
                }
                if !(1..=5).contains(score) {
                    return Err(refuse(
                        Code::BadScore,
                        format!("评分须为 1 到 5，收到 {score}"),
                    ));
                }
                Ok(Applied::Appended)
            }
        }
    }

    /// Whether the runtime may record that waiting step `step`'s period ended at `at`: the step
    /// is a running wait, and `at` is no earlier than its start plus its length in natural days
    /// (the exact last day, on the calendar, is the service's to compute; `N workdays` never end
    /// sooner than `N days`).
    fn check_wait_end(&self, step: &str, at: NaiveDateTime) -> Result<Applied, Refusal> {
        let Some(i) = self.graph.index(step) else {
            return Err(refuse(Code::UnknownStep, format!("没有步骤 {step}")));
        };
        if self.record.plan.steps.get(i).map(|s| s.kind) != Some(StepKind::Wait) {
            return Err(refuse(
                Code::WrongStatus,
                format!("步骤 {step} 不是等待期间，不能由系统届满"),
            ));
        }
        self.require_status(i, &[StepStatus::Waiting], "届满")?;
        let from = self
            .suspensions
            .iter()
            .find(|s| s.step == step && s.kind == PauseKind::Wait)
            .map(|s| s.from);
        let amount = self
            .record
            .plan
            .steps
            .get(i)
            .map_or(0, |s| u64::from(s.promise.amount));
        let earliest = from.and_then(|f| f.checked_add_days(chrono::Days::new(amount)));
        match earliest {
            Some(day) if at.date() >= day => Ok(Applied::Appended),
            _ => Err(refuse(
                Code::TimeBackwards,
                format!("步骤 {step} 的等待期间到 {at} 尚未届满"),
            )),
        }
    }

    /// The index of an accept or item step, refusing `deliver`, unknown and inapplicable steps.
    fn item_or_accept(&self, step: &str) -> Result<usize, Refusal> {
        let Some(i) = self.graph.index(step) else {
            let known: Vec<&str> = (0..self.graph.len()).map(|j| self.graph.id(j)).collect();
            return Err(refuse(
                Code::UnknownStep,
                format!("没有步骤 {step}；本事项的步骤有：{}", known.join("、")),
            ));
        };
        match self.record.plan.steps.get(i).map(|s| s.kind) {
            Some(StepKind::Deliver) => {
                return Err(refuse(
                    Code::DeliverIsAnEvent,
                    "送达步骤用 deliver 事件完成",
                ))
            }
            Some(StepKind::Wait) => {
                return Err(refuse(
                    Code::WaitIsClocked,
                    format!("步骤 {step} 是等待期间，由系统按期间计时、届满后自动结束，无需办理"),
                ))
            }
            _ => {}
        }
        if self.steps.get(i).map(|s| s.status) == Some(StepStatus::NotApplicable) {
            return Err(refuse(
                Code::NotApplicable,
                format!("步骤 {step} 不适用于本件（申请人的情形不满足其条件）"),
            ));
        }
        Ok(i)
    }

    /// Refuses unless step `i` has one of the allowed statuses.
    fn require_status(&self, i: usize, allowed: &[StepStatus], what: &str) -> Result<(), Refusal> {
        let status = self
            .steps
            .get(i)
            .map_or(StepStatus::NotApplicable, |s| s.status);
        if allowed.contains(&status) {
            Ok(())
        } else {
            let id = self.steps.get(i).map_or("", |s| s.id.as_str());
            Err(refuse(
                Code::WrongStatus,
                format!("步骤 {id} 当前状态为 {}，不能{what}", status.name()),
            ))
        }
    }

    /// Refuses unless every applicable predecessor of step `i` is approved.
    fn require_predecessors(&self, i: usize) -> Result<Applied, Refusal> {
        let open: Vec<&str> = self
            .predecessors(i)
            .into_iter()
            .filter(|&p| !self.steps.get(p).is_some_and(|s| s.status.is_passed()))
            .filter_map(|p| self.record.plan.steps.get(p).map(|s| s.id.as_str()))
            .collect();
        if open.is_empty() {
            Ok(Applied::Appended)
        } else {
            let id = self.steps.get(i).map_or("", |s| s.id.as_str());
            Err(refuse(
                Code::PredecessorOpen,
                format!(
                    "步骤 {id} 须在 {} 办结后才能办理（联办顺序）",
                    open.join("、")
                ),
            ))
        }
    }

    /// Refuses a 补正 on a step that has used its one and every one the supervisor allowed since
    /// (一次告知: the applicant is told everything missing at once).
    fn require_correction_left(&self, step: &str) -> Result<(), Refusal> {
        let used = self.corrections(step);
        let allowed = 1 + self.escalations.iter().filter(|e| e.step == step).count();
        if used < allowed {
            Ok(())
        } else {
            Err(refuse(
                Code::CorrectionRepeated,
                format!(
                    "步骤 {step} 已要求过 {used} 次补正；一次告知制下再次要求补正须经督办批准（escalate）"
                ),
            ))
        }
    }

    /// How many 补正 requests step `step` has made.
    pub fn corrections(&self, step: &str) -> usize {
        self.suspensions
            .iter()
            .filter(|s| s.step == step && s.kind == PauseKind::Correction)
            .count()
    }

    /// Refuses unless `step` has an open pause of `kind`.
    fn require_open_pause(&self, step: &str, kind: PauseKind) -> Result<Applied, Refusal> {
        if self.open_pause(step, kind).is_some() {
            Ok(Applied::Appended)
        } else {
            Err(refuse(
                Code::NoOpenPause,
                format!("步骤 {step} 没有进行中的{}", kind.name()),
            ))
        }
    }

    /// The index of `step`'s open pause of `kind` in the ledger.
    fn open_pause(&self, step: &str, kind: PauseKind) -> Option<usize> {
        self.suspensions
            .iter()
            .position(|s| s.step == step && s.kind == kind && s.to.is_none())
    }

    /// The applicable steps step `i` waits for: its `after`, looking through inapplicable steps.
    pub fn predecessors(&self, i: usize) -> Vec<usize> {
        let applies: Vec<bool> = self
            .steps
            .iter()
            .map(|s| s.status != StepStatus::NotApplicable)
            .collect();
        self.graph.applicable_predecessors(i, &applies)
    }

    /// Every step that depends on step `i`, directly or transitively, in plan order.
    pub fn downstream(&self, i: usize) -> Vec<usize> {
        self.graph.downstream(i)
    }

    /// The state of the step with id `step`.
    fn state_mut(&mut self, step: &str) -> Option<&mut StepState> {
        let i = self.graph.index(step)?;
        self.steps.get_mut(i)
    }

    /// Changes the state for a checked event.
    fn transition(&mut self, event: &Event) {
        let date = event.at.date();
        match &event.kind {
            EventKind::Start { step } => {
                if let Some(s) = self.state_mut(step) {
                    s.status = StepStatus::InProgress;
                }
            }
            EventKind::Approve { step, output } => {
                if let Some(s) = self.state_mut(step) {
                    s.status = StepStatus::Approved;
                    s.finished = Some(event.at);
                    s.output = output.clone();
                }
            }
            EventKind::Reject { step, reason } => {
                let Some(i) = self.graph.index(step) else {
                    return;
                };
                if let Some(s) = self.steps.get_mut(i) {
                    s.status = StepStatus::Rejected;
                    s.finished = Some(event.at);
                    s.reason = Some(reason.clone());
                }
                let kinds: Vec<StepKind> = self.record.plan.steps.iter().map(|s| s.kind).collect();
                for j in self.downstream(i) {
                    if kinds.get(j) == Some(&StepKind::Deliver) {
                        continue;
                    }
                    if let Some(s) = self.steps.get_mut(j) {
                        if !s.status.is_final() {
                            s.status = StepStatus::Cancelled;
                            s.finished = Some(event.at);
                            s.reason = Some(format!("所依赖的步骤 {step} 未获批准：{reason}"));
                        }
                    }
                }
            }
            EventKind::RequestCorrection { step, .. } | EventKind::SpecialStart { step, .. } => {
                let kind = if matches!(event.kind, EventKind::RequestCorrection { .. }) {
                    PauseKind::Correction
                } else {
                    PauseKind::Special
                };
                if let Some(s) = self.state_mut(step) {
                    s.status = StepStatus::Suspended;
                }
                self.suspensions.push(Suspension {
                    kind,
                    step: step.clone(),
                    from: date,
                    to: None,
                });
            }
            EventKind::CorrectionReceived { step } | EventKind::SpecialEnd { step } => {
                let kind = if matches!(event.kind, EventKind::CorrectionReceived { .. }) {
                    PauseKind::Correction
                } else {
                    PauseKind::Special
                };
                if let Some(p) = self.open_pause(step, kind) {
                    if let Some(s) = self.suspensions.get_mut(p) {
                        s.to = Some(date);
                    }
                }
                let still = self
                    .suspensions
                    .iter()
                    .any(|s| &s.step == step && s.to.is_none());
                if !still {
                    if let Some(s) = self.state_mut(step) {
                        s.status = StepStatus::InProgress;
                    }
                }
            }
            EventKind::Deliver { method } => {
                let kinds: Vec<StepKind> = self.record.plan.steps.iter().map(|s| s.kind).collect();
                for (s, kind) in self.steps.iter_mut().zip(kinds) {
                    if kind == StepKind::Deliver && s.status != StepStatus::NotApplicable {
                        s.status = StepStatus::Approved;
                        s.finished = Some(event.at);
                    }
                }
                self.delivery = Some(Delivery {
                    method: method.clone(),
                    at: event.at,
                });
            }
            EventKind::Evaluate { score, comment } => {
                self.evaluation = Some(Evaluation {
                    score: *score,
                    comment: comment.clone(),
                });
                if *score <= POOR_SCORE {
                    self.rectification = Some(Rectification {
                        opened: event.at,
                        score: *score,
                        comment: comment.clone(),
                        closed: None,
                        note: None,
                    });
                }
            }
            EventKind::Escalate { step, reason } => self.escalations.push(Escalation {
                step: step.clone(),
                at: event.at,
                reason: reason.clone(),
            }),
            EventKind::Rectify { note } => {
                if let Some(r) = &mut self.rectification {
                    r.closed = Some(event.at);
                    r.note = Some(note.clone());
                }
            }
            EventKind::WaitEnd { step } => {
                if let Some(p) = self.open_pause(step, PauseKind::Wait) {
                    if let Some(s) = self.suspensions.get_mut(p) {
                        s.to = Some(date);
                    }
                }
                if let Some(s) = self.state_mut(step) {
                    s.status = StepStatus::Elapsed;
                    s.finished = Some(event.at);
                }
            }
        }
    }

    /// How the matter stands: open until delivered, then by the items' decisions.
    pub fn outcome(&self) -> Outcome {
        if self.delivery.is_none() {
            return Outcome::Open;
        }
        let items = self
            .record
            .plan
            .steps
            .iter()
            .zip(&self.steps)
            .filter(|(p, s)| p.kind == StepKind::Item && s.status != StepStatus::NotApplicable);
        let (mut approved, mut other) = (0, 0);
        for (_, s) in items {
            if s.status == StepStatus::Approved {
                approved += 1;
            } else {
                other += 1;
            }
        }
        match (approved, other) {
            (_, 0) => Outcome::Granted,
            (0, _) => Outcome::Refused,
            _ => Outcome::PartlyRefused,
        }
    }

    /// Whether the case takes no more events: evaluated, and any 整改 closed.
    pub fn is_closed(&self) -> bool {
        self.evaluation.is_some()
            && self
                .rectification
                .as_ref()
                .is_none_or(|r| r.closed.is_some())
    }
}
