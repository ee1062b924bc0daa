//! The runtime's one error type: every failure has a kind, a stable code and a Chinese message.
//!
//! [`Code`] is the one registry of codes: snake_case strings that never change meaning and are
//! never reused (`spec/runtime.md` lists them). Each code belongs to one [`ErrorKind`], the class
//! a caller branches on: the command line turns it into an exit code, a server into an HTTP
//! status. [`Error`] carries the typed detail (the problems of a submission, the rule that refuses
//! an event, …); [`ErrorBody`] is its serializable form, the body a program receives.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::actor::Denied;
use crate::artifacts::ArtifactError;
use crate::calendar::OutOfCoverage;
use crate::case::Refusal;
use crate::event::{Detail, EventName};
use crate::store::StoreError;
use crate::validate::Problem;

/// The class of a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The submission has problems; every one is listed (一次告知). Nothing was stored.
    InvalidSubmission,
    /// The case or matter named does not exist.
    NotFound,
    /// The rules of the case refuse the event in its current state. Nothing was stored.
    IllegalEvent,
    /// The caller's role may not do this (a window clerk approving an item, …).
    Forbidden,
    /// An argument is malformed: a time, an event kind, a missing detail, text that is not JSON.
    BadInput,
    /// A date the answer depends on lies in a year without holiday data.
    Calendar,
    /// The matter's artifacts are missing, malformed or inconsistent.
    Artifacts,
    /// The case store failed or holds data that does not read back.
    Store,
    /// A bug in yjs: a state the code rules out was reached.
    Internal,
}

impl ErrorKind {
    /// The kind's stable name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidSubmission => "invalid_submission",
            Self::NotFound => "not_found",
            Self::IllegalEvent => "illegal_event",
            Self::Forbidden => "forbidden",
            Self::BadInput => "bad_input",
            Self::Calendar => "calendar",
            Self::Artifacts => "artifacts",
            Self::Store => "store",
            Self::Internal => "internal",
        }
    }

    /// Every kind, in the order of the spec's table.
    pub const ALL: [ErrorKind; 9] = [
        Self::InvalidSubmission,
        Self::NotFound,
        Self::IllegalEvent,
        Self::Forbidden,
        Self::BadInput,
        Self::Calendar,
        Self::Artifacts,
        Self::Store,
        Self::Internal,
    ];
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Declares [`Code`] with its string, its kind and its place in [`Code::ALL`] from one table.
macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $text:literal, $kind:ident;)*) => {
        /// Every stable error code of the runtime.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in the order of the spec's table.
            pub const ALL: &'static [Code] = &[$(Self::$variant,)*];

            /// The code's stable text, as serialized.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }

            /// The kind the code belongs to.
            pub fn kind(self) -> ErrorKind {
                match self {
                    $(Self::$variant => ErrorKind::$kind,)*
                }
            }
        }
    };
}

codes! {
    /// The submission has problems, listed in `problems`.
    InvalidSubmission = "invalid_submission", InvalidSubmission;
    /// No case has this id.
    UnknownCase = "unknown_case", NotFound;
    /// The service runs no matter with this id.
    UnknownMatter = "unknown_matter", NotFound;
    /// The case has no step by this id the caller may act on.
    StepNotFound = "step_not_found", NotFound;
    /// The case has no packet of this item the caller may read.
    UnknownPacket = "unknown_packet", NotFound;
    /// An event id already names a different event of the case.
    EventIdReused = "event_id_reused", IllegalEvent;
    /// The case is delivered (only `evaluate` is left) or evaluated (nothing is left).
    CaseClosed = "case_closed", IllegalEvent;
    /// The event is earlier than the last event or the receipt.
    TimeBackwards = "time_backwards", IllegalEvent;
    /// The plan has no step with this id.
    UnknownStep = "unknown_step", IllegalEvent;
    /// The `deliver` step is completed by the `deliver` event only.
    DeliverIsAnEvent = "deliver_is_an_event", IllegalEvent;
    /// The step's condition does not hold for this case.
    NotApplicable = "not_applicable", IllegalEvent;
    /// The step's status does not allow the event.
    WrongStatus = "wrong_status", IllegalEvent;
    /// A step the event's step waits for is not approved yet (联办 order).
    PredecessorOpen = "predecessor_open", IllegalEvent;
    /// 补正 and special procedures apply to item steps only.
    NotAnItem = "not_an_item", IllegalEvent;
    /// A waiting step (公示期) is clocked by the runtime: no one starts, decides or ends it.
    WaitIsClocked = "wait_is_clocked", IllegalEvent;
    /// The step has no open 补正 or special procedure to end.
    NoOpenPause = "no_open_pause", IllegalEvent;
    /// A delivery names no method.
    NoMethod = "no_method", IllegalEvent;
    /// A delivery while some step is still open.
    ItemsOpen = "items_open", IllegalEvent;
    /// An evaluation before the delivery.
    NotDelivered = "not_delivered", IllegalEvent;
    /// An evaluation score outside 1–5.
    BadScore = "bad_score", IllegalEvent;
    /// A second 补正 on a step that has used its one, without the supervisor's escalation.
    CorrectionRepeated = "correction_repeated", IllegalEvent;
    /// A rectification (整改) without an open one: no 差评, or already closed.
    NothingToRectify = "nothing_to_rectify", IllegalEvent;
    /// A rectification closed without saying what was done.
    BlankNote = "blank_note", IllegalEvent;
    /// The caller's role may not do this.
    RoleForbidden = "role_forbidden", Forbidden;
    /// A time that is not `YYYY-MM-DD[THH:MM[:SS]]`.
    BadTime = "bad_time", BadInput;
    /// An event kind the runtime does not know.
    UnknownEventKind = "unknown_event_kind", BadInput;
    /// An event kind that needs a step was given none.
    MissingStep = "missing_step", BadInput;
    /// An event kind that needs a detail (reason, procedure, method, score) was given none.
    MissingDetail = "missing_detail", BadInput;
    /// A submission's text is not JSON.
    SubmissionNotJson = "submission_not_json", BadInput;
    /// A submission or an event's output nests deeper than the runtime accepts.
    TooDeep = "too_deep", BadInput;
    /// A submission's JSON names a key twice in one object.
    DuplicateKey = "duplicate_key", BadInput;
    /// A receipt or event time outside 1900-01-01 to 2100-12-31.
    TimeOutOfRange = "time_out_of_range", BadInput;
    /// An idempotency key that is empty, longer than 200 characters or holds a control character.
    BadKey = "bad_key", BadInput;
    /// An idempotency key already used for a different submission.
    KeyReused = "key_reused", BadInput;
    /// A due date or status needs a year the holiday calendar does not cover.
    OutsideCalendar = "outside_calendar", Calendar;
    /// An artifact file cannot be read.
    ArtifactUnreadable = "artifact_unreadable", Artifacts;
    /// An artifact file is not JSON of the expected shape.
    ArtifactMalformed = "artifact_malformed", Artifacts;
    /// An artifact has a format version this runtime does not support.
    FormatVersion = "format_version", Artifacts;
    /// The artifacts name different matters.
    MatterMismatch = "matter_mismatch", Artifacts;
    /// `form.schema.json` is not a usable JSON Schema.
    FormSchemaInvalid = "form_schema_invalid", Artifacts;
    /// A projection names an item the plan has no step for.
    ProjectionWithoutStep = "projection_without_step", Artifacts;
    /// Two plan steps share an id.
    DuplicateStep = "duplicate_step", Artifacts;
    /// An item step has no projection, or more than one.
    ProjectionCount = "projection_count", Artifacts;
    /// A projection names the acceptance or delivery step.
    ProjectionOfNonItem = "projection_of_non_item", Artifacts;
    /// A projected field's pointer is not a well-formed JSON pointer.
    BadPointer = "bad_pointer", Artifacts;
    /// Two fields of one projection have the same name.
    DuplicateField = "duplicate_field", Artifacts;
    /// A plan step waits for a step the plan does not have.
    UnknownPredecessor = "unknown_predecessor", Artifacts;
    /// The plan's steps wait for each other in a circle.
    PlanCycle = "plan_cycle", Artifacts;
    /// The same matter is loaded twice into one service.
    DuplicateMatter = "duplicate_matter", Artifacts;
    /// The database cannot be opened, read or written.
    StoreUnavailable = "store_unavailable", Store;
    /// Stored data does not read back or does not replay.
    StoreCorrupt = "store_corrupt", Store;
    /// The database was written by a newer yjs.
    StoreTooNew = "store_too_new", Store;
    /// Every case number of a matter and day (0001–9999) is used.
    CaseNumbersExhausted = "case_numbers_exhausted", Store;
    /// A bug in yjs.
    InternalError = "internal_error", Internal;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// An argument the runtime cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// A time that is not `YYYY-MM-DD[THH:MM[:SS]]`.
    Time {
        /// The text as given.
        input: String,
    },
    /// An event kind the runtime does not know.
    UnknownEventKind {
        /// The text as given.
        input: String,
    },
    /// An event kind that needs a step was given none.
    MissingStep {
        /// The event kind.
        kind: EventName,
    },
    /// An event kind that needs a detail was given none.
    MissingDetail {
        /// The event kind.
        kind: EventName,
        /// The detail.
        detail: Detail,
    },
    /// A submission's text is not JSON.
    SubmissionNotJson {
        /// The parser's explanation.
        reason: String,
    },
    /// A submission's JSON names a key twice in one object (the last would win silently).
    DuplicateKey {
        /// The parser's explanation, with the key's pointer and position.
        reason: String,
    },
    /// An idempotency key that cannot be used.
    BadKey {
        /// The key as given.
        key: String,
    },
    /// An idempotency key already used for a different submission.
    KeyReused {
        /// The key.
        key: String,
        /// The case it made.
        case: String,
    },
    /// A receipt or event time outside [`crate::time::EARLIEST`] to [`crate::time::LATEST`].
    TimeOutOfRange {
        /// The time as given.
        input: String,
    },
    /// A submission or an event nests deeper than [`crate::json::MAX_INPUT_DEPTH`].
    TooDeep {
        /// What: `申请` or `事件`.
        what: &'static str,
        /// Its depth.
        depth: usize,
    },
}

impl InputError {
    /// The stable code.
    pub fn code(&self) -> Code {
        match self {
            Self::Time { .. } => Code::BadTime,
            Self::UnknownEventKind { .. } => Code::UnknownEventKind,
            Self::MissingStep { .. } => Code::MissingStep,
            Self::MissingDetail { .. } => Code::MissingDetail,
            Self::SubmissionNotJson { .. } => Code::SubmissionNotJson,
            Self::TooDeep { .. } => Code::TooDeep,
            Self::DuplicateKey { .. } => Code::DuplicateKey,
            Self::TimeOutOfRange { .. } => Code::TimeOutOfRange,
            Self::BadKey { .. } => Code::BadKey,
            Self::KeyReused { .. } => Code::KeyReused,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Time { input } => write!(
                f,
                "“{input}”不是有效的时间，请写成 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM[:SS]"
            ),
            Self::UnknownEventKind { input } => {
                let known: Vec<&str> = EventName::ALL.iter().map(|k| k.as_str()).collect();
                write!(f, "未知的事件类型 {input}；可用：{}", known.join("、"))
            }
            Self::MissingStep { kind } => {
                write!(f, "事件 {kind} 需要指定步骤（如 accept、hukou）")
            }
            Self::MissingDetail { kind, detail } => write!(
                f,
                "事件 {kind} 需要 {}：{}",
                detail.field(),
                detail.describe()
            ),
            Self::SubmissionNotJson { reason } => {
                write!(f, "申请不是有效的 JSON：{reason}")
            }
            Self::DuplicateKey { reason } => {
                write!(
                    f,
                    "申请的 JSON 中同一对象的键重复，无法确定取哪个值：{reason}"
                )
            }
            Self::BadKey { key } => write!(
                f,
                "幂等键 “{}” 不可用：应为 1 至 200 个字符，且不含控制字符",
                key.chars().take(40).collect::<String>()
            ),
            Self::KeyReused { key, case } => write!(
                f,
                "幂等键 {key} 已用于另一份不同的申请（办件 {case}）；重试时请提交完全相同的申请，新申请请换一个键"
            ),
            Self::TimeOutOfRange { input } => write!(
                f,
                "时间 {input} 超出可受理的范围 {} 至 {}",
                crate::time::EARLIEST,
                crate::time::LATEST
            ),
            Self::TooDeep { what, depth } => write!(
                f,
                "{what}的 JSON 嵌套 {depth} 层，超过允许的 {} 层，未存储",
                crate::json::MAX_INPUT_DEPTH
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Why the service could not do what it was asked. Nothing was stored unless the kind says so.
#[derive(Debug)]
pub enum Error {
    /// The submission has problems; all of them are listed.
    InvalidSubmission(Vec<Problem>),
    /// No case has this id.
    UnknownCase(String),
    /// The service runs no matter with this id.
    UnknownMatter {
        /// The matter asked for.
        matter: String,
        /// The matters the service runs.
        known: Vec<String>,
    },
    /// The rules of the case refuse the event.
    IllegalEvent(Refusal),
    /// The caller may not see or do this (never a case it may not see: that is `UnknownCase`).
    Denied(Denied),
    /// An argument is malformed.
    BadInput(InputError),
    /// A computation needs a year the calendar does not cover.
    Calendar(OutOfCoverage),
    /// The artifacts of a matter cannot be used.
    Artifacts(ArtifactError),
    /// The store failed (never `NotFound` or `Refused`: those become their own variants).
    Store(StoreError),
    /// A bug in yjs, with what went wrong.
    Internal(String),
}

impl Error {
    /// The stable code.
    pub fn code(&self) -> Code {
        match self {
            Self::InvalidSubmission(_) => Code::InvalidSubmission,
            Self::UnknownCase(_) => Code::UnknownCase,
            Self::UnknownMatter { .. } => Code::UnknownMatter,
            Self::IllegalEvent(r) => r.code,
            Self::Denied(d) => match d {
                Denied::Case(_) => Code::UnknownCase,
                Denied::Step { .. } => Code::StepNotFound,
                Denied::Packet { .. } => Code::UnknownPacket,
                Denied::Role { .. } => Code::RoleForbidden,
            },
            Self::BadInput(e) => e.code(),
            Self::Calendar(_) => Code::OutsideCalendar,
            Self::Artifacts(e) => e.code(),
            Self::Store(e) => e.code(),
            Self::Internal(_) => Code::InternalError,
        }
    }

    /// The class of the failure.
    pub fn kind(&self) -> ErrorKind {
        self.code().kind()
    }

    /// The one-line Chinese message (for an invalid submission: the summary; see `problems`).
    pub fn message(&self) -> String {
        match self {
            Self::InvalidSubmission(problems) => {
                format!("申请有 {} 处问题，请一并改正", problems.len())
            }
            Self::UnknownCase(id) => format!("没有编号为 {id} 的办件"),
            Self::UnknownMatter { matter, known } => format!(
                "本服务没有事项 {matter}；可办理的事项有：{}",
                known.join("、")
            ),
            Self::IllegalEvent(r) => r.message.clone(),
            Self::Denied(d) => d.to_string(),
            Self::BadInput(e) => e.to_string(),
            Self::Calendar(e) => e.to_string(),
            Self::Artifacts(e) => e.to_string(),
            Self::Store(e) => e.to_string(),
            Self::Internal(what) => {
                format!("yjs 内部错误（这是程序缺陷，不是输入的问题，请报告）：{what}")
            }
        }
    }

    /// The problems of an invalid submission; empty for every other error.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Self::InvalidSubmission(p) => p,
            _ => &[],
        }
    }

    /// The serializable form: kind, code, message and (for a submission) the problems.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            kind: self.kind(),
            code: self.code(),
            message: self.message(),
            problems: self.problems().to_vec(),
        }
    }
}

impl fmt::Display for Error {
    /// The message; for an invalid submission, followed by one line per problem.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())?;
        if let Self::InvalidSubmission(problems) = self {
            f.write_str("：")?;
            for p in problems {
                write!(f, "\n- {}（{}）：{}", p.label, p.pointer, p.message)?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.body().serialize(serializer)
    }
}

/// An error as a program receives it: `{"kind", "code", "message", "problems"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// The class of the failure.
    pub kind: ErrorKind,
    /// The stable code.
    pub code: Code,
    /// What is wrong, in Chinese.
    pub message: String,
    /// Every problem of an invalid submission; absent otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

impl From<InputError> for Error {
    fn from(e: InputError) -> Self {
        Self::BadInput(e)
    }
}

impl From<Denied> for Error {
    /// A case the caller may not see is answered as a case that does not exist.
    fn from(d: Denied) -> Self {
        match d {
            Denied::Case(id) => Self::UnknownCase(id),
            other => Self::Denied(other),
        }
    }
}

impl From<Refusal> for Error {
    fn from(r: Refusal) -> Self {
        Self::IllegalEvent(r)
    }
}

impl From<ArtifactError> for Error {
    fn from(e: ArtifactError) -> Self {
        Self::Artifacts(e)
    }
}

impl From<OutOfCoverage> for Error {
    fn from(e: OutOfCoverage) -> Self {
        Self::Calendar(e)
    }
}

impl From<StoreError> for Error {
    /// A missing case and a refused event keep their own kinds; the rest is a store failure.
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(id) => Self::UnknownCase(id),
            StoreError::Refused(r) => Self::IllegalEvent(r),
            other => Self::Store(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialize_as_their_text_and_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            assert_eq!(
                serde_json::to_value(code).ok(),
                Some(serde_json::Value::String(code.as_str().to_owned()))
            );
            assert!(seen.insert(code.as_str()), "{code} twice");
            assert!(code
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'));
        }
        for kind in ErrorKind::ALL {
            assert_eq!(
                serde_json::to_value(kind).ok(),
                Some(serde_json::Value::String(kind.as_str().to_owned()))
            );
            assert!(
                Code::ALL.iter().any(|c| c.kind() == kind),
                "{kind} has no code"
            );
        }
    }
}
