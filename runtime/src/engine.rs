//! The engine of one matter: validates and routes a submission, and shows a case's clocks at a date.
//!
//! [`Engine::submit`] is pure: it returns either every problem of the submission (一次告知) or the
//! [`CaseRecord`] to store (answers, applicable items, one packet per item). The case id is given
//! by the store, which numbers cases per matter and receipt date. [`view`] derives the due dates
//! and clock statuses of every step and of the matter from the plan's offsets on the calendar.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use yjs_artifacts::{Answer, Answers, Condition, StepKind};

use crate::artifacts::{ArtifactError, MatterArtifacts};
use crate::calendar::{Calendar, Estimate, OutOfCoverage, PauseError};
use crate::case::{Case, CaseRecord, Delivery, Evaluation, Packet};
use crate::clock::{Clock, ClockView, Suspension};
use crate::status::{Outcome, StepStatus};
use crate::validate::{FormValidator, Problem};
use crate::wait::WaitView;

/// A matter ready to take submissions.
#[derive(Debug)]
pub struct Engine {
    artifacts: MatterArtifacts,
    validator: FormValidator,
    calendar: Calendar,
    situations: Vec<String>,
}

/// Why a submission was not accepted.
#[derive(Debug, Clone, PartialEq)]
pub enum SubmitError {
    /// The submission has problems; all of them are listed.
    Invalid(Vec<Problem>),
    /// The due dates cannot be computed: they reach a year the calendar does not cover.
    Calendar(OutOfCoverage),
}

impl fmt::Display for SubmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid(problems) => {
                writeln!(f, "申请有 {} 处问题，请一并改正：", problems.len())?;
                for p in problems {
                    writeln!(f, "- {}（{}）：{}", p.label, p.pointer, p.message)?;
                }
                Ok(())
            }
            Self::Calendar(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SubmitError {}

impl Engine {
    /// Compiles the form and collects the situations the conditions mention.
    pub fn new(artifacts: MatterArtifacts, calendar: Calendar) -> Result<Self, ArtifactError> {
        let mut validator = FormValidator::new(artifacts.schema())?;
        if let Some(sources) = artifacts.sources() {
            validator = validator.with_messages(sources);
        }
        let mut conds: Vec<&Condition> = Vec::new();
        for step in &artifacts.plan().steps {
            conds.push(&step.condition);
        }
        conds.extend(artifacts.plan().rules.iter().map(|r| &r.condition));
        for p in &artifacts.projections().items {
            conds.push(&p.condition);
            conds.extend(p.fields.iter().filter_map(|f| f.required.as_ref()));
            conds.extend(p.fields.iter().map(|f| &f.applies));
            conds.extend(p.materials.iter().map(|m| &m.condition));
        }
        let mut situations: Vec<String> = conds
            .iter()
            .flat_map(|c| c.situations())
            .map(str::to_owned)
            .collect();
        for s in &artifacts.plan().scenarios.list {
            situations.extend(s.answers.keys().cloned());
        }
        situations.sort();
        situations.dedup();
        Ok(Self {
            artifacts,
            validator,
            calendar,
            situations,
        })
    }

    /// The matter's artifacts.
    pub fn artifacts(&self) -> &MatterArtifacts {
        &self.artifacts
    }

    /// The calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Validates and routes a submission; the record's `id` is empty until the store numbers it.
    pub fn submit(
        &self,
        submission: &Value,
        received: NaiveDateTime,
    ) -> Result<CaseRecord, SubmitError> {
        let date = received.date();
        let mut problems = self.validator.validate(submission, date);
        problems.extend(self.broken_rules(&self.answers(submission)));
        if !problems.is_empty() {
            return Err(SubmitError::Invalid(problems));
        }
        let plan = self.artifacts.plan();
        let last = plan
            .steps
            .iter()
            .map(|s| s.earliest_finish)
            .max()
            .unwrap_or(0);
        self.calendar
            .add_workdays(date, last.max(plan.promise.workdays))
            .map_err(SubmitError::Calendar)?;
        let answers = self.answers(submission);
        let mut items = Vec::new();
        let mut packets = BTreeMap::new();
        for step in &plan.steps {
            if step.kind != StepKind::Item || !step.condition.eval(&answers) {
                continue;
            }
            let Some(projection) = self
                .artifacts
                .projections()
                .items
                .iter()
                .find(|p| p.item == step.id)
            else {
                continue;
            };
            if !projection.condition.eval(&answers) {
                continue;
            }
            let mut fields = serde_json::Map::new();
            // A field with its own `when` reaches the department only where it applies (the
            // form refuses a value given elsewhere).
            for f in projection
                .fields
                .iter()
                .filter(|f| f.applies.eval(&answers))
            {
                if let Some(v) = submission.pointer(&f.pointer) {
                    fields.insert(f.name.clone(), v.clone());
                }
            }
            items.push(step.id.clone());
            packets.insert(
                step.id.clone(),
                Packet {
                    item: step.id.clone(),
                    department: projection.department.clone(),
                    department_name: projection.department_name.clone(),
                    fields,
                },
            );
        }
        let case_plan = plan.for_answers(self.artifacts.graph(), &answers);
        Ok(CaseRecord {
            id: String::new(),
            matter: plan.matter.clone(),
            received,
            submission: submission.clone(),
            answers,
            items,
            packets,
            // The case runs on its own limits: each limit by situation at the arm its answers
            // select, the schedule recomputed with them.
            plan: case_plan,
            key: None,
        })
    }

    /// A freshly accepted case of a record this engine made, on the graph built at load.
    pub(crate) fn open(&self, record: CaseRecord) -> Case {
        Case::with_graph(record, self.artifacts.graph().clone())
    }

    /// The rules between situations that `answers` break, each as a problem worded with the
    /// rule's text at its first situation. A rule over an unanswered situation is not judged
    /// (the missing answer is its own problem).
    pub fn broken_rules(&self, answers: &Answers) -> Vec<Problem> {
        let schema = self.artifacts.schema();
        self.artifacts
            .plan()
            .rules
            .iter()
            .filter(|r| {
                let sits = r.condition.situations();
                sits.iter().all(|s| answers.contains_key(*s)) && !r.condition.eval(answers)
            })
            .map(|r| {
                let first = r
                    .condition
                    .situations()
                    .first()
                    .copied()
                    .unwrap_or_default();
                let pointer = format!("/{first}");
                Problem {
                    label: crate::validate::label_at(schema, &pointer),
                    pointer,
                    message: format!("所选情形不能同时成立：{}", r.text),
                    code: "rule".to_owned(),
                }
            })
            .collect()
    }

    /// The situations some condition mentions, by id.
    pub fn situations(&self) -> &[String] {
        &self.situations
    }

    /// The situation answers in a submission (or in an object of answers alone).
    pub fn situation_answers(&self, submission: &Value) -> Answers {
        self.answers(submission)
    }

    /// The situation answers in a submission.
    fn answers(&self, submission: &Value) -> Answers {
        let mut answers = Answers::new();
        for s in &self.situations {
            match submission.get(s) {
                Some(Value::Bool(b)) => {
                    answers.insert(s.clone(), Answer::Bool(*b));
                }
                Some(Value::String(o)) => {
                    answers.insert(s.clone(), Answer::Option(o.clone()));
                }
                // A multi-select situation: the ticked option ids (the form schema keeps
                // them strings and unique).
                Some(Value::Array(list)) => {
                    let ids = list.iter().filter_map(Value::as_str).map(String::from);
                    answers.insert(s.clone(), Answer::Options(ids.collect()));
                }
                _ => {}
            }
        }
        answers
    }
}

/// The case id prefix for a matter and a receipt date: `<matter>-<YYYYMMDD>-`.
pub fn id_prefix(matter: &str, received: NaiveDateTime) -> String {
    format!("{matter}-{}-", received.date().format("%Y%m%d"))
}

/// One step as shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StepView {
    /// The step id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its department; `null` for a waiting step, which no department handles.
    pub department: Option<String>,
    /// The department's name; `null` for a waiting step.
    pub department_name: Option<String>,
    /// Its status.
    pub status: StepStatus,
    /// The promised clock (承诺时限); `None` for a step that does not apply.
    pub clock: Option<ClockView>,
    /// The legal clock (法定时限) of an item with a legal limit; `None` otherwise.
    #[serde(default)]
    pub legal_clock: Option<ClockView>,
    /// When it finished.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = "yjs-local-date-time", example = "2026-03-02T09:00:00"))]
    pub finished: Option<NaiveDateTime>,
    /// The output of an approval.
    pub output: Value,
    /// The reason of a refusal or cancellation.
    pub reason: Option<String>,
    /// A waiting step's period (公示期): its length, basis, last day and wording; `null` for
    /// every other step. A waiting step has no clock of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<WaitView>,
}

/// A case as shown at a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseView {
    /// The case id.
    pub id: String,
    /// The matter id.
    pub matter: String,
    /// When it was received.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = "yjs-local-date-time", example = "2026-03-02T09:00:00"))]
    pub received: NaiveDateTime,
    /// The date the clocks are shown at.
    pub at: NaiveDate,
    /// `open` until delivery, then how it ended.
    pub outcome: Outcome,
    /// The situation answers.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
    /// The applicable items.
    pub items: Vec<String>,
    /// The packets, by item.
    pub packets: BTreeMap<String, Packet>,
    /// The matter's clock (promise of the whole matter).
    pub clock: ClockView,
    /// Every step.
    pub steps: Vec<StepView>,
    /// The suspension ledger.
    pub suspensions: Vec<Suspension>,
    /// The delivery.
    pub delivery: Option<Delivery>,
    /// The evaluation.
    pub evaluation: Option<Evaluation>,
    /// How many events are in the log.
    pub events: usize,
    /// Set when some date or status of this view is estimated (估算): the union of its clocks'.
    pub estimate: Option<Estimate>,
}

/// The matter's clock: the matter promise, paused by every suspension.
pub fn matter_clock(case: &Case) -> Clock {
    Clock {
        start: case.record.received.date(),
        open: 0,
        budget: case.record.plan.promise.workdays,
        ledger: case.suspensions.clone(),
    }
}

/// Step `i`'s clock: the plan's offsets, paused by suspensions of the step and of every step upstream.
pub fn step_clock(case: &Case, i: usize) -> Option<Clock> {
    let step = case.record.plan.steps.get(i)?;
    // A waiting period is clocked by its own length (`wait.rs`), never as a department's step.
    if step.kind == yjs_artifacts::StepKind::Wait {
        return None;
    }
    let graph = case.graph();
    let ledger = case
        .suspensions
        .iter()
        .filter(|s| s.step == step.id || graph.index(&s.step).is_some_and(|j| graph.reaches(j, i)))
        .cloned()
        .collect();
    Some(Clock {
        start: case.record.received.date(),
        open: step.earliest_start,
        budget: step.earliest_finish,
        ledger,
    })
}

/// The legal clock of an item step: its own legal limit (法定时限), counted from the working day
/// the plan lets it start, with the same suspension ledger as its promised clock. `None` for
/// acceptance, delivery and items without a legal limit.
pub fn legal_clock(case: &Case, i: usize) -> Option<Clock> {
    let step = case.record.plan.steps.get(i)?;
    if step.kind != yjs_artifacts::StepKind::Item {
        return None;
    }
    let legal = step.legal.as_ref()?;
    let promised = step_clock(case, i)?;
    Some(Clock {
        budget: step.earliest_start.saturating_add(legal.workdays),
        ..promised
    })
}

/// The case with its clocks at `at`. A finished step's clock is shown as of its finish date,
/// and the matter's as of delivery.
pub fn view(case: &Case, cal: &Calendar, at: NaiveDate) -> Result<CaseView, PauseError> {
    let warn = case.record.plan.supervision.warn_percent;
    let mut steps = Vec::new();
    for (i, (plan, state)) in case.record.plan.steps.iter().zip(&case.steps).enumerate() {
        let when = state.finished.map_or(at, |f| f.date().min(at));
        let clock = match (state.status, step_clock(case, i)) {
            (StepStatus::NotApplicable, _) | (_, None) => None,
            (_, Some(c)) => Some(c.view(cal, when, warn)?),
        };
        // The legal clock only turns overdue: its early warning is the promised clock's.
        let legal_clock = match (state.status, legal_clock(case, i)) {
            (StepStatus::NotApplicable, _) | (_, None) => None,
            (_, Some(c)) => Some(c.view(cal, when, 100)?),
        };
        steps.push(StepView {
            id: plan.id.clone(),
            name: plan.name.clone(),
            department: plan.department.clone(),
            department_name: plan.department_name.clone(),
            status: state.status,
            clock,
            legal_clock,
            finished: state.finished,
            output: state.output.clone(),
            reason: state.reason.clone(),
            wait: match plan.kind {
                StepKind::Wait => Some(crate::wait::view(case, plan, state.status, cal)?),
                _ => None,
            },
        });
    }
    let matter_at = case.delivery.as_ref().map_or(at, |d| d.at.date().min(at));
    let clock = matter_clock(case).view(cal, matter_at, warn)?;
    let estimate = Estimate::merge(
        std::iter::once(&clock.estimate).chain(steps.iter().flat_map(|s| {
            [&s.clock, &s.legal_clock]
                .into_iter()
                .flatten()
                .map(|c| &c.estimate)
        })),
    );
    Ok(CaseView {
        id: case.record.id.clone(),
        matter: case.record.matter.clone(),
        received: case.record.received,
        at,
        outcome: case.outcome(),
        answers: case.record.answers.clone(),
        items: case.record.items.clone(),
        packets: case.record.packets.clone(),
        clock,
        steps,
        suspensions: case.suspensions.clone(),
        delivery: case.delivery.clone(),
        evaluation: case.evaluation.clone(),
        events: case.events.len(),
        estimate,
    })
}
