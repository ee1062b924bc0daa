//! The service as a hall uses it with several people at once: every call names its [`Actor`], who
//! may see and do only what its role allows (department isolation), and every event it records
//! carries that actor. Also the hall's views: a department's inbox, the 督办 board, statistics,
//! the 一次告知 for a set of answers, and the applicant's progress behind a second factor.
//!
//! These are methods of [`Service`], in their own module so the core service stays small. Each
//! loads what it needs, asks [`Actor`] whether the caller may, and answers with the same typed
//! [`Error`] as the rest of the service; a case or packet a caller may not see is answered as
//! one that does not exist.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::actor::{own_steps, Actor, Role};
use crate::blame::{board, held_clock, position, Board};
use crate::calendar::Estimate;
use crate::case::{Case, Evaluation, Packet};
use crate::clock::ClockView;
use crate::engine::{CaseView, StepView};
use crate::error::Error;
use crate::event::Event;
use crate::notice::{notice, Notice};
use crate::service::{clock_error, CaseSummary, Recorded, Service};
use crate::stats::{statistics, Statistics};
use crate::status::{Outcome, Position, StepStatus};
use crate::store::CaseStore;
use crate::unknown::Unknown;
use crate::wait::WaitView;

/// One step in a department's inbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxEntry {
    /// The case id.
    pub case: String,
    /// The matter id.
    pub matter: String,
    /// When the case was received.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = "yjs-local-date-time", example = "2026-03-02T09:00:00"))]
    pub received: NaiveDateTime,
    /// The step (an item of the department).
    pub step: String,
    /// The step's name.
    pub name: String,
    /// Its status.
    pub status: StepStatus,
    /// `holding` (the department can act) or `waiting` (a step upstream is open).
    pub position: Position,
    /// The step's own clock at the inbox's date (from when it could start).
    pub clock: Option<ClockView>,
    /// 补正 requests made on the step.
    pub corrections: usize,
    /// Whether one more 补正 is allowed now (一次告知: one, plus one per escalation).
    pub correction_allowed: bool,
}

/// A case as a department sees it: its own steps and packets in full, every other step by
/// status only (no outputs or reasons of other departments).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentCase {
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
    /// The department's own steps, in full.
    pub steps: Vec<StepView>,
    /// Every other applicable step: id, name, department and status only.
    pub others: Vec<OtherStep>,
    /// The department's packets, by item.
    pub packets: Vec<Packet>,
}

/// Another department's step, as a department sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OtherStep {
    /// The step id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its department's name; `null` for a waiting step (公示期), which no department handles.
    pub department_name: Option<String>,
    /// Its status.
    pub status: StepStatus,
    /// A waiting step's period: its length, basis and last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<WaitView>,
}

/// What the applicant sees of a case: progress, never the packets or anyone's notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Progress {
    /// The case id.
    pub id: String,
    /// The matter's name.
    pub matter_name: String,
    /// When it was received.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = "yjs-local-date-time", example = "2026-03-02T09:00:00"))]
    pub received: NaiveDateTime,
    /// The date it is shown at.
    pub at: NaiveDate,
    /// `open` until delivery, then how it ended.
    pub outcome: Outcome,
    /// The promised date of the whole matter.
    pub due: NaiveDate,
    /// Set when a date shown is estimated (估算): a year without holiday data.
    pub estimate: Option<Estimate>,
    /// The applicable steps: name, department, status, and the reason of a refusal.
    pub steps: Vec<ProgressStep>,
    /// Whether the service has been delivered, and how.
    pub delivered: Option<String>,
    /// The applicant's evaluation, once given.
    pub evaluation: Option<Evaluation>,
    /// Whether the applicant may evaluate now (delivered, not yet evaluated).
    pub can_evaluate: bool,
}

/// One step of the applicant's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressStep {
    /// The step's name.
    pub name: String,
    /// The department's name; `null` for a waiting step (公示期), which no department handles.
    pub department_name: Option<String>,
    /// Its status.
    pub status: StepStatus,
    /// Its promised date; for a waiting step, the last day of its period.
    pub due: Option<NaiveDate>,
    /// The reason of a refusal, or what to supply for an open 补正.
    pub reason: Option<String>,
    /// A waiting step's period: its length, basis, last day and wording (`…公示期至…届满`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<WaitView>,
}

/// The last four digits of the first mobile number of a submission (the applicant's second
/// factor): the first top-level field whose schema has the mobile `pattern`.
pub fn phone_tail(schema: &Value, submission: &Value) -> Option<String> {
    let props = schema.get("properties")?.as_object()?;
    let field = props.iter().find(|(_, s)| crate::validate::is_mobile(s))?.0;
    let phone = submission.get(field)?.as_str()?;
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 4).then(|| digits[digits.len() - 4..].iter().collect())
}

impl<S: CaseStore> Service<S> {
    /// A case, replayed.
    pub fn case(&self, case_id: &str) -> Result<Case, Error> {
        Ok(self.store().load(case_id)?)
    }

    /// A case the actor may see, with its clocks at `at`: the whole view for the window and the
    /// supervisor without the packets (a department's data is its own), a department's own view
    /// otherwise (see [`Service::department_case`]).
    pub fn show_as(&self, actor: &Actor, case_id: &str, at: NaiveDate) -> Result<CaseView, Error> {
        let case = self.load(case_id, at)?;
        if !actor.sees(&case) || actor.role == Role::Department || actor.role == Role::Applicant {
            return Err(Error::UnknownCase(case_id.to_owned()));
        }
        let mut v = self.view(&case, at)?;
        v.packets.clear();
        Ok(v)
    }

    /// A case as the actor's department sees it.
    pub fn department_case(
        &self,
        actor: &Actor,
        case_id: &str,
        at: NaiveDate,
    ) -> Result<DepartmentCase, Error> {
        let case = self.load(case_id, at)?;
        let dept = match (&actor.role, &actor.department) {
            (Role::Department, Some(d)) if actor.sees(&case) => d.clone(),
            _ => return Err(Error::UnknownCase(case_id.to_owned())),
        };
        let view = self.view(&case, at)?;
        let own: Vec<usize> = own_steps(&case, &dept).collect();
        let mut steps = Vec::new();
        let mut others = Vec::new();
        for (i, s) in view.steps.into_iter().enumerate() {
            if own.contains(&i) {
                steps.push(s);
            } else if s.status != StepStatus::NotApplicable {
                others.push(OtherStep {
                    id: s.id,
                    name: s.name,
                    department_name: s.department_name,
                    status: s.status,
                    wait: s.wait,
                });
            }
        }
        let packets = case
            .record
            .packets
            .values()
            .filter(|p| p.department == dept)
            .cloned()
            .collect();
        Ok(DepartmentCase {
            id: view.id,
            matter: view.matter,
            received: view.received,
            at,
            outcome: view.outcome,
            steps,
            others,
            packets,
        })
    }

    /// The packet of `item` in a case, for the item's own department only.
    pub fn packet(&self, actor: &Actor, case_id: &str, item: &str) -> Result<Packet, Error> {
        let case = self.case(case_id)?;
        Ok(actor.packet(&case, item)?.clone())
    }

    /// Records an event for `actor`: refused unless the actor may ([`Actor::may`]); the event
    /// is stored with the actor.
    pub fn event_as(&self, actor: &Actor, case_id: &str, event: Event) -> Result<Recorded, Error> {
        let case = self.case(case_id)?;
        actor.may(&case, &event.kind)?;
        self.event(case_id, event.by(actor.clone()))
    }

    /// Every case the actor may see, in id order, with the matter clock at `at`. A case that
    /// cannot be read is listed as unknown for the window and the supervisor (a department
    /// cannot be shown to hold a step of it); one whose clocks cannot be computed, for everyone
    /// who sees it.
    pub fn list_as(&self, actor: &Actor, at: NaiveDate) -> Result<Vec<CaseSummary>, Error> {
        let mut out = Vec::new();
        if actor.role == Role::Applicant {
            return Ok(out);
        }
        for id in self.store().ids()? {
            let case = match self.load(&id, at) {
                Ok(case) => case,
                Err(e) if actor.role != Role::Department => {
                    out.push(CaseSummary::unknown(&id, &e));
                    continue;
                }
                Err(_) => continue,
            };
            if !actor.sees(&case) {
                continue;
            }
            out.push(match self.view(&case, at) {
                Ok(v) => CaseSummary::of(v),
                Err(e) => CaseSummary::unknown(&id, &e),
            });
        }
        Ok(out)
    }

    /// A department's inbox at `at`: every open applicable step of its own, holding first, then
    /// by due date and case. A step whose clock cannot be computed is listed without a clock;
    /// a case that cannot be read is left out (the window's list shows it as unknown).
    pub fn inbox(&self, department: &str, at: NaiveDate) -> Result<Vec<InboxEntry>, Error> {
        let mut out = Vec::new();
        for case in self.readable_cases(at)?.0 {
            let id = case.record.id.clone();
            if case.delivery.is_some() {
                continue;
            }
            for i in own_steps(&case, department) {
                let (Some(step), Some(state)) = (case.record.plan.steps.get(i), case.steps.get(i))
                else {
                    continue;
                };
                if state.status.is_final() {
                    continue;
                }
                let warn = case.record.plan.supervision.warn_percent;
                let clock = held_clock(&case, i, self.calendar())
                    .and_then(|c| c.map(|c| c.view(self.calendar(), at, warn)).transpose())
                    .unwrap_or(None);
                let corrections = case.corrections(&step.id);
                let allowed = 1 + case
                    .escalations
                    .iter()
                    .filter(|e| e.step == step.id)
                    .count();
                out.push(InboxEntry {
                    case: id.clone(),
                    matter: case.record.matter.clone(),
                    received: case.record.received,
                    step: step.id.clone(),
                    name: step.name.clone(),
                    status: state.status,
                    position: position(&case, i),
                    clock,
                    corrections,
                    correction_allowed: corrections < allowed,
                });
            }
        }
        out.sort_by(|a, b| {
            (a.position != Position::Holding)
                .cmp(&(b.position != Position::Holding))
                .then(
                    a.clock
                        .as_ref()
                        .map(|c| c.due)
                        .cmp(&b.clock.as_ref().map(|c| c.due)),
                )
                .then(a.case.cmp(&b.case))
                .then(a.step.cmp(&b.step))
        });
        Ok(out)
    }

    /// Every case that reads back and whose view at `at` can be computed, and the unknown
    /// entries of the others.
    fn computable_cases(&self, at: NaiveDate) -> Result<(Vec<Case>, Vec<Unknown>), Error> {
        let (cases, mut unknown) = self.readable_cases(at)?;
        let mut good = Vec::new();
        for case in cases {
            let check = self.view(&case, at).and_then(|_| {
                board([&case], self.calendar(), at)
                    .and_then(|_| statistics([&case], self.calendar(), at))
                    .map_err(clock_error)
            });
            match check {
                Ok(_) => good.push(case),
                Err(e) => unknown.push(Unknown::new(&case.record.id, &e)),
            }
        }
        unknown.sort_by(|a, b| a.case.cmp(&b.case));
        Ok((good, unknown))
    }

    /// The 督办 board at `at`: holding steps in warning or overdue charged to their departments,
    /// waiting steps with the departments holding them up, open 整改 entries; cases that cannot
    /// be computed are listed apart as unknown.
    pub fn board(&self, at: NaiveDate) -> Result<Board, Error> {
        let (cases, unknown) = self.computable_cases(at)?;
        let mut b = board(&cases, self.calendar(), at).map_err(clock_error)?;
        b.unknown = unknown;
        Ok(b)
    }

    /// Statistics per matter and per department at `at` (数据报送), over the cases that can be
    /// computed; the others are listed apart as unknown.
    pub fn statistics(&self, at: NaiveDate) -> Result<Statistics, Error> {
        let (cases, unknown) = self.computable_cases(at)?;
        let mut s = statistics(&cases, self.calendar(), at).map_err(clock_error)?;
        s.unknown = unknown;
        Ok(s)
    }

    /// The 一次告知 of a matter for the situation answers in `answers` (an object of situation
    /// ids to answers; other keys are ignored).
    pub fn notice(&self, matter: &str, answers: &Value) -> Result<Notice, Error> {
        let engine = self.engine(matter)?;
        Ok(notice(engine, &engine.situation_answers(answers)))
    }

    /// The applicant's progress at `at`, if `phone_tail` is the last four digits of the mobile
    /// number in the submission; otherwise (or for a case that does not exist) `unknown_case`,
    /// so the answer never tells whether the case exists.
    pub fn progress(
        &self,
        case_id: &str,
        phone_tail_given: &str,
        at: NaiveDate,
    ) -> Result<Progress, Error> {
        let case = self.applicant_case(case_id, phone_tail_given)?;
        let case = self.settle(case, at)?;
        let v = self.view(&case, at)?;
        let correction = |step: &str| {
            case.events.iter().rev().find_map(|e| match &e.kind {
                crate::event::EventKind::RequestCorrection { step: s, reason } if s == step => {
                    Some(reason.clone())
                }
                _ => None,
            })
        };
        let steps = v
            .steps
            .iter()
            .filter(|s| s.status != StepStatus::NotApplicable)
            .map(|s| ProgressStep {
                name: s.name.clone(),
                department_name: s.department_name.clone(),
                status: s.status,
                due: s
                    .clock
                    .as_ref()
                    .map(|c| c.due)
                    .or_else(|| s.wait.as_ref().and_then(|w| w.ends)),
                wait: s.wait.clone(),
                reason: match s.status {
                    StepStatus::Suspended => correction(&s.id),
                    _ => s.reason.clone(),
                },
            })
            .collect();
        Ok(Progress {
            id: v.id,
            matter_name: case.record.plan.name.clone(),
            received: v.received,
            at,
            outcome: v.outcome,
            due: v.clock.due,
            estimate: v.estimate.clone(),
            steps,
            delivered: v.delivery.as_ref().map(|d| d.method.clone()),
            can_evaluate: v.delivery.is_some() && v.evaluation.is_none(),
            evaluation: v.evaluation,
        })
    }

    /// The applicant's evaluation (好差评), behind the same second factor as
    /// [`Service::progress`]; recorded with the applicant as actor.
    pub fn evaluate_as_applicant(
        &self,
        case_id: &str,
        phone_tail_given: &str,
        event: Event,
    ) -> Result<Recorded, Error> {
        let case = self.applicant_case(case_id, phone_tail_given)?;
        let actor = Actor::new("applicant", Role::Applicant);
        actor.may(&case, &event.kind)?;
        self.event(case_id, event.by(actor))
    }

    /// The case, if the second factor matches.
    fn applicant_case(&self, case_id: &str, phone_tail_given: &str) -> Result<Case, Error> {
        let unknown = || Error::UnknownCase(case_id.to_owned());
        let case = self.store().load(case_id).map_err(|e| match e {
            crate::store::StoreError::NotFound(_) => unknown(),
            other => other.into(),
        })?;
        let engine = self.engine(&case.record.matter)?;
        let tail = phone_tail(engine.artifacts().schema(), &case.record.submission);
        match tail {
            Some(t) if t == phone_tail_given.trim() => Ok(case),
            _ => Err(unknown()),
        }
    }
}
