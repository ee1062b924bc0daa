//! The yjs runtime: runs cases of a compiled matter on one machine with an embedded store.
//!
//! | module | what |
//! |---|---|
//! | [`calendar`] | the official working-day calendar |
//! | [`artifacts`] | loads `form.schema.json`, `projections.json`, `plan.json` |
//! | [`validate`] | the merged form's schema plus domain checks, every problem at once |
//! | [`engine`] | submit (validate and route) and the clocks of a case at a date |
//! | [`case`] | the event log and the state machine that replays it |
//! | [`clock`] | budget plus suspension ledger, status at a date |
//! | [`supervise`] | 督办: steps in warning or overdue |
//! | [`time`] | parsing times; "now" for the command line only |
//! | [`store`] | the `CaseStore` trait, SQLite and in-memory |

#![forbid(unsafe_code)]

pub mod artifacts;
pub mod calendar;
pub mod case;
pub mod clock;
pub mod engine;
pub mod store;
pub mod supervise;
pub mod time;
pub mod validate;

pub use artifacts::{LoadError, MatterArtifacts};
pub use case::{Applied, Case, CaseRecord, Event, EventKind, Outcome, Packet, Refusal, StepStatus};
pub use engine::{id_prefix, view, CaseView, Engine, SubmitError};
pub use store::{CaseStore, MemoryStore, SqliteStore, StoreError};
pub use validate::Problem;

pub use chrono::{NaiveDate, NaiveDateTime};
