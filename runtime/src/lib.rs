//! The yjs runtime: runs cases of compiled matters as a library service over a case store.
//!
//! | module | what |
//! |---|---|
//! | [`service`] | the service: submit, event, show, list, overdue over any store |
//! | [`hall`] | the service for a hall: calls on behalf of an actor, inbox, board, statistics, progress |
//! | [`actor`] | roles, the actor on every event, who may see and do what (department isolation) |
//! | [`blame`] | 督办 blame: waiting vs holding steps, each department's own clock, the board |
//! | [`stats`] | statistics per matter and department (数据报送), JSON and CSV |
//! | [`notice`] | the 一次告知 for one set of situation answers |
//! | [`error`] | the one error type: kinds, stable codes, Chinese messages |
//! | [`status`] | the status vocabulary: one code and one Chinese name per status |
//! | [`calendar`] | the official working-day calendar |
//! | [`artifacts`] | loads `form.schema.json`, `projections.json`, `plan.json`; the plan graph |
//! | [`validate`] | the merged form's schema plus domain checks, every problem at once |
//! | [`engine`] | submit (validate and route) and the clocks of a case at a date |
//! | [`event`] | event kinds by name, their details, default event ids |
//! | [`case`] | the event log and the state machine that replays it |
//! | [`clock`] | budget plus suspension ledger, status at a date |
//! | [`supervise`] | 督办: steps in warning or overdue |
//! | [`json`] | the nesting limit of input, and the decoder of stored JSON |
//! | [`time`] | parsing times; "now" for the command line only |
//! | [`unknown`] | a case that cannot be shown, listed as unknown with its reason |
//! | [`store`] | the `CaseStore` trait and its contract: SQLite, PostgreSQL and in-memory |
//! | [`wait`] | waiting steps (公示期): when a period ends, its wording, the event that ends it |

#![forbid(unsafe_code)]

pub mod actor;
pub mod artifacts;
pub mod blame;
pub mod calendar;
pub mod case;
pub mod clock;
pub mod engine;
pub mod error;
pub mod event;
pub mod hall;
pub mod json;
pub mod notice;
pub mod service;
pub mod stats;
pub mod status;
pub mod store;
pub mod supervise;
pub mod time;
pub mod unknown;
pub mod validate;
pub mod wait;

pub use actor::{Actor, Denied, Role};
pub use artifacts::{ArtifactError, MatterArtifacts};
pub use case::{Case, CaseRecord, Packet, Refusal, ReplayError};
pub use engine::{id_prefix, view, CaseView, Engine, SubmitError};
pub use error::{Code, Error, ErrorBody, ErrorKind, InputError};
pub use event::{Event, EventDraft, EventKind, EventName};
pub use service::{CaseSummary, Recorded, Service, Supervision};
pub use status::{
    Applied, ClockStatus, Limit, Outcome, PauseKind, Position, StepStatus, Vocabulary,
};
pub use store::{CaseStore, MemoryStore, PostgresStore, SqliteStore, StoreError};
pub use unknown::Unknown;
pub use validate::Problem;

pub use chrono::{NaiveDate, NaiveDateTime};
