//! Events as callers name them: the event types of a case's log, their names, and how an event is
//! built from a name and its details (the command line's flags, a web form's fields).
//!
//! [`EventName`] is the one list of event kinds with the name a person types (`correction`) and
//! the tag the log stores (`request_correction`); [`EventDraft::build`] checks that the details the
//! kind needs are there; [`Event::new`] gives an event without an id the default id
//! `NAME:STEP:AT`, so repeating the same command is harmless (see `spec/runtime.md`).

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::actor::Actor;
use crate::error::InputError;

/// One event of a case's log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Event {
    /// The caller's id for the event; repeating it is harmless.
    pub id: String,
    /// When it happened.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = "yjs-local-date-time", example = "2026-03-02T09:00:00"))]
    pub at: NaiveDateTime,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
    /// Who recorded it (operator and role); absent in logs written before roles existed and
    /// for events recorded at the command line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Actor>,
}

impl Event {
    /// An event with the caller's id, or without one the default `NAME:STEP:AT`.
    pub fn new(id: Option<String>, at: NaiveDateTime, kind: EventKind) -> Self {
        let id = id.unwrap_or_else(|| Self::default_id(&kind, at));
        Self {
            id,
            at,
            kind,
            by: None,
        }
    }

    /// The same event, recorded by `actor`.
    pub fn by(self, actor: Actor) -> Self {
        Self {
            by: Some(actor),
            ..self
        }
    }

    /// The default id of an event: its name, its step (`-` for none) and its time to the second.
    pub fn default_id(kind: &EventKind, at: NaiveDateTime) -> String {
        format!(
            "{}:{}:{}",
            kind.name(),
            kind.step().unwrap_or("-"),
            at.format("%Y-%m-%dT%H:%M:%S")
        )
    }
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    /// A department starts work on a step.
    Start {
        /// The step.
        step: String,
    },
    /// A step is approved, with the output it produced (e.g. a certificate number).
    Approve {
        /// The step.
        step: String,
        /// What the approval produced.
        #[serde(default)]
        output: Value,
    },
    /// A step is refused, with the reason given to the applicant.
    Reject {
        /// The step.
        step: String,
        /// Why, for the applicant.
        reason: String,
    },
    /// 补正: the step needs something from the applicant; its clock and the matter's pause.
    RequestCorrection {
        /// The step.
        step: String,
        /// What the applicant must supply or correct.
        reason: String,
    },
    /// The correction arrived; the clocks run again.
    CorrectionReceived {
        /// The step.
        step: String,
    },
    /// A special procedure (第四十五条) starts; the clocks pause.
    SpecialStart {
        /// The step.
        step: String,
        /// Which procedure (hearing, inspection, expert_review, …).
        procedure: String,
        /// Its legal basis.
        #[serde(default)]
        basis: String,
    },
    /// The special procedure ends; the clocks run again.
    SpecialEnd {
        /// The step.
        step: String,
    },
    /// The one delivery of every result, by `method` (online, mail, window, …).
    Deliver {
        /// How.
        method: String,
    },
    /// 好差评: the applicant's score (1–5) and comment.
    Evaluate {
        /// 1 (very poor) to 5 (very good).
        score: u8,
        /// Free text.
        #[serde(default)]
        comment: String,
    },
    /// 督办: the supervisor allows one more 补正 on a step that has used its one (一次告知制).
    Escalate {
        /// The step.
        step: String,
        /// Why a second request is justified.
        reason: String,
    },
    /// 整改: the supervisor closes the rectification a 差评 (score ≤ 2) opened, with a note of
    /// what was done.
    Rectify {
        /// What was fixed.
        note: String,
    },
    /// A waiting step's period has ended (届满): recorded by the runtime itself, at the end of
    /// the period's last day, never by a caller.
    WaitEnd {
        /// The waiting step.
        step: String,
    },
}

impl EventKind {
    /// The kind's name.
    pub fn name(&self) -> EventName {
        match self {
            Self::Start { .. } => EventName::Start,
            Self::Approve { .. } => EventName::Approve,
            Self::Reject { .. } => EventName::Reject,
            Self::RequestCorrection { .. } => EventName::Correction,
            Self::CorrectionReceived { .. } => EventName::CorrectionReceived,
            Self::SpecialStart { .. } => EventName::SpecialStart,
            Self::SpecialEnd { .. } => EventName::SpecialEnd,
            Self::Deliver { .. } => EventName::Deliver,
            Self::Evaluate { .. } => EventName::Evaluate,
            Self::Escalate { .. } => EventName::Escalate,
            Self::Rectify { .. } => EventName::Rectify,
            Self::WaitEnd { .. } => EventName::WaitEnd,
        }
    }

    /// The step the event is about; `None` for `deliver`, `evaluate` and `rectify`.
    pub fn step(&self) -> Option<&str> {
        match self {
            Self::Start { step }
            | Self::Approve { step, .. }
            | Self::Reject { step, .. }
            | Self::RequestCorrection { step, .. }
            | Self::CorrectionReceived { step }
            | Self::SpecialStart { step, .. }
            | Self::SpecialEnd { step }
            | Self::Escalate { step, .. }
            | Self::WaitEnd { step } => Some(step),
            Self::Deliver { .. } | Self::Evaluate { .. } | Self::Rectify { .. } => None,
        }
    }
}

/// The kinds of event, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventName {
    /// `start`.
    Start,
    /// `approve`.
    Approve,
    /// `reject`.
    Reject,
    /// `correction` (also accepted: `request_correction`, the log's tag).
    Correction,
    /// `correction_received`.
    CorrectionReceived,
    /// `special_start`.
    SpecialStart,
    /// `special_end`.
    SpecialEnd,
    /// `deliver`.
    Deliver,
    /// `evaluate`.
    Evaluate,
    /// `escalate`.
    Escalate,
    /// `rectify`.
    Rectify,
    /// `wait_end`: the end of a waiting period, which only the runtime records (not in
    /// [`Self::ALL`]: no caller names it).
    WaitEnd,
}

impl EventName {
    /// Every kind, in the order of the spec.
    pub const ALL: [EventName; 11] = [
        Self::Start,
        Self::Approve,
        Self::Reject,
        Self::Correction,
        Self::CorrectionReceived,
        Self::SpecialStart,
        Self::SpecialEnd,
        Self::Deliver,
        Self::Evaluate,
        Self::Escalate,
        Self::Rectify,
    ];

    /// The name a person types, and the first part of a default event id.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Correction => "correction",
            other => other.tag(),
        }
    }

    /// The `kind` tag of the event in the log's JSON.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Approve => "approve",
            Self::Reject => "reject",
            Self::Correction => "request_correction",
            Self::CorrectionReceived => "correction_received",
            Self::SpecialStart => "special_start",
            Self::SpecialEnd => "special_end",
            Self::Deliver => "deliver",
            Self::Evaluate => "evaluate",
            Self::Escalate => "escalate",
            Self::Rectify => "rectify",
            Self::WaitEnd => "wait_end",
        }
    }

    /// Whether the kind is about one step.
    pub fn needs_step(self) -> bool {
        !matches!(self, Self::Deliver | Self::Evaluate | Self::Rectify)
    }
}

impl fmt::Display for EventName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EventName {
    type Err = InputError;

    /// Reads a kind's name or its log tag, ignoring surrounding blanks.
    fn from_str(text: &str) -> Result<Self, InputError> {
        let t = text.trim();
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == t || k.tag() == t)
            .ok_or_else(|| InputError::UnknownEventKind {
                input: text.to_owned(),
            })
    }
}

/// A detail an event kind needs besides its step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Detail {
    /// `reject`, `correction`, `escalate`: the reason.
    Reason,
    /// `special_start`: the procedure.
    Procedure,
    /// `deliver`: the method.
    Method,
    /// `evaluate`: the score.
    Score,
    /// `rectify`: what was done.
    Note,
}

impl Detail {
    /// The field's name (the command line's flag, the JSON field).
    pub fn field(self) -> &'static str {
        match self {
            Self::Reason => "reason",
            Self::Procedure => "procedure",
            Self::Method => "method",
            Self::Score => "score",
            Self::Note => "note",
        }
    }

    /// What the field holds, in Chinese.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Reason => "理由",
            Self::Procedure => "特别程序的种类（hearing、inspection、expert_review 等）",
            Self::Method => "送达方式（online、mail、window 等）",
            Self::Score => "评分（1 到 5）",
            Self::Note => "整改说明",
        }
    }
}

/// An event as a caller describes it, before it is checked: a step and the details given.
/// Details the kind does not use are ignored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventDraft {
    /// The step.
    pub step: Option<String>,
    /// `approve`: the output produced.
    pub output: Option<Value>,
    /// `reject`, `correction`: the reason given to the applicant.
    pub reason: Option<String>,
    /// `special_start`: the procedure.
    pub procedure: Option<String>,
    /// `special_start`: the legal basis.
    pub basis: Option<String>,
    /// `deliver`: the method.
    pub method: Option<String>,
    /// `evaluate`: the score.
    pub score: Option<u8>,
    /// `evaluate`: the comment.
    pub comment: Option<String>,
    /// `rectify`: what was done.
    pub note: Option<String>,
}

impl EventDraft {
    /// The event of kind `name` with these details; refuses a missing step or detail.
    pub fn build(self, name: EventName) -> Result<EventKind, InputError> {
        let step = || {
            self.step
                .clone()
                .ok_or(InputError::MissingStep { kind: name })
        };
        let need = |value: &Option<String>, detail: Detail| {
            value
                .clone()
                .ok_or(InputError::MissingDetail { kind: name, detail })
        };
        Ok(match name {
            EventName::Start => EventKind::Start { step: step()? },
            EventName::Approve => EventKind::Approve {
                step: step()?,
                output: self.output.clone().unwrap_or(Value::Null),
            },
            EventName::Reject => EventKind::Reject {
                step: step()?,
                reason: need(&self.reason, Detail::Reason)?,
            },
            EventName::Correction => EventKind::RequestCorrection {
                step: step()?,
                reason: need(&self.reason, Detail::Reason)?,
            },
            EventName::CorrectionReceived => EventKind::CorrectionReceived { step: step()? },
            EventName::SpecialStart => EventKind::SpecialStart {
                step: step()?,
                procedure: need(&self.procedure, Detail::Procedure)?,
                basis: self.basis.clone().unwrap_or_default(),
            },
            EventName::SpecialEnd => EventKind::SpecialEnd { step: step()? },
            EventName::Deliver => EventKind::Deliver {
                method: need(&self.method, Detail::Method)?,
            },
            EventName::Evaluate => EventKind::Evaluate {
                score: self.score.ok_or(InputError::MissingDetail {
                    kind: name,
                    detail: Detail::Score,
                })?,
                comment: self.comment.clone().unwrap_or_default(),
            },
            EventName::Escalate => EventKind::Escalate {
                step: step()?,
                reason: need(&self.reason, Detail::Reason)?,
            },
            EventName::Rectify => EventKind::Rectify {
                note: need(&self.note, Detail::Note)?,
            },
            EventName::WaitEnd => EventKind::WaitEnd { step: step()? },
        })
    }
}

/// An approval's output given as text: the JSON value when the text is JSON, else the text itself.
pub fn output_from_text(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> NaiveDateTime {
        NaiveDateTime::parse_from_str("2026-03-02 09:30", "%Y-%m-%d %H:%M").unwrap_or_default()
    }

    #[test]
    fn names_parse_and_tags_match_the_log() {
        for name in EventName::ALL {
            assert_eq!(name.as_str().parse::<EventName>(), Ok(name));
            assert_eq!(name.tag().parse::<EventName>(), Ok(name));
        }
        assert_eq!(
            "frobnicate".parse::<EventName>(),
            Err(InputError::UnknownEventKind {
                input: "frobnicate".to_owned()
            })
        );
        let kind = EventKind::RequestCorrection {
            step: "hukou".into(),
            reason: "r".into(),
        };
        let json = serde_json::to_value(&kind).unwrap_or_default();
        assert_eq!(json["kind"], kind.name().tag());
    }

    #[test]
    fn drafts_need_their_step_and_details() {
        let draft = EventDraft {
            step: Some("hukou".into()),
            ..EventDraft::default()
        };
        assert_eq!(
            draft.clone().build(EventName::Reject),
            Err(InputError::MissingDetail {
                kind: EventName::Reject,
                detail: Detail::Reason
            })
        );
        assert_eq!(
            EventDraft::default().build(EventName::Start),
            Err(InputError::MissingStep {
                kind: EventName::Start
            })
        );
        assert_eq!(
            draft.build(EventName::Start),
            Ok(EventKind::Start {
                step: "hukou".into()
            })
        );
    }

    #[test]
    fn default_ids_name_kind_step_and_time() {
        let e = Event::new(
            None,
            at(),
            EventKind::Deliver {
                method: "mail".into(),
            },
        );
        assert_eq!(e.id, "deliver:-:2026-03-02T09:30:00");
        let e = Event::new(
            None,
            at(),
            EventKind::RequestCorrection {
                step: "hukou".into(),
                reason: "r".into(),
            },
        );
        assert_eq!(e.id, "correction:hukou:2026-03-02T09:30:00");
        assert_eq!(Event::new(Some("x".into()), at(), e.kind).id, "x");
        assert_eq!(output_from_text("{\"n\": 1}"), serde_json::json!({"n": 1}));
        assert_eq!(output_from_text("A-001"), serde_json::json!("A-001"));
    }
}
