//! The runtime as a library service: submit, event, show, list and overdue over any [`CaseStore`].
//!
//! A [`Service`] holds the matters it runs (one [`Engine`] each, built once from the artifacts),
//! the holiday calendar and a store. Every front end — the command line today, an HTTP server
//! next — parses its input, calls one method and prints the answer or the [`Error`]; none of them
//! holds runtime logic. "Now" is always an argument: the service never reads the system clock.
//!
//! **Compute, then commit.** A write first computes everything that can fail — validation,
//! routing, the rules of the case, the clocks of the answer — and only then writes, so a call
//! that returns an error has stored nothing. The store re-checks an event inside its own
//! transaction, so a concurrent writer can still make it refuse, never half-apply. Input nested
//! deeper than [`MAX_INPUT_DEPTH`] is refused first, and the store checks that what it writes
//! reads back before its transaction; after the commit nothing can fail the call any more.
//!
//! **Reads degrade per case.** A list, 督办, the board or the statistics never fail because of
//! one case: a case that cannot be read or computed is reported as [`Unknown`] with its reason.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::artifacts::{ArtifactError, MatterArtifacts};
use crate::calendar::{Calendar, Estimate, PauseError};
use crate::case::Case;
use crate::case::Refusal;
use crate::engine::{id_prefix, view, CaseView, Engine, SubmitError};
use crate::error::Code;
use crate::error::Error;
use crate::error::InputError;
use crate::event::{Event, EventKind};
use crate::json::{check_depth, MAX_INPUT_DEPTH};
use crate::status::{Applied, ClockStatus, Outcome};
use crate::store::CaseStore;
use crate::supervise::{alerts, sort, Alert};
use crate::time::check_time;
use crate::unknown::{matter_of, Unknown};

/// The cases of some matters, in one store, on one calendar.
#[derive(Debug)]
pub struct Service<S> {
    store: S,
    calendar: Calendar,
    engines: BTreeMap<String, Engine>,
}

/// An event as recorded, with the case after it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recorded {
    /// `appended`, or `duplicate` when the same event was already in the log.
    pub applied: Applied,
    /// The event, with its id.
    pub event: Event,
    /// The case at the event's date, as stored after the event.
    pub case: CaseView,
}

/// One case in a list. A case that cannot be shown has `unknown` set and no received time,
/// outcome, due date or status (the matter is read from its id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseSummary {
    /// The case id.
    pub id: String,
    /// The matter id.
    pub matter: String,
    /// When it was received.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = "yjs-local-date-time", example = "2026-03-02T09:00:00"))]
    pub received: Option<NaiveDateTime>,
    /// `open` until delivery, then how it ended.
    pub outcome: Option<Outcome>,
    /// The matter's due date as of the date asked about.
    pub due: Option<NaiveDate>,
    /// The matter clock's status at that date.
    pub status: Option<ClockStatus>,
    /// The applicable items.
    pub items: Vec<String>,
    /// The waiting periods (公示期) running at the date asked about, each in words
    /// (`简易注销公示期至2026年10月18日届满`); empty, and left out, when none runs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waiting: Vec<String>,
    /// Set when the due date or status is estimated (估算): a year without holiday data.
    pub estimate: Option<Estimate>,
    /// Why the case cannot be shown; `null` for every case that can.
    pub unknown: Option<Unknown>,
}

impl CaseSummary {
    /// The summary of a case as shown.
    pub fn of(v: CaseView) -> Self {
        Self {
            id: v.id,
            matter: v.matter,
            received: Some(v.received),
            outcome: Some(v.outcome),
            due: Some(v.clock.due),
            status: Some(v.clock.status),
            waiting: v
                .steps
                .iter()
                .filter(|s| s.status == crate::status::StepStatus::Waiting)
                .filter_map(|s| s.wait.as_ref().map(|w| w.text.clone()))
                .collect(),
            items: v.items,
            estimate: v.clock.estimate,
            unknown: None,
        }
    }

    /// The row of a case that cannot be shown.
    pub fn unknown(id: &str, error: &Error) -> Self {
        Self {
            id: id.to_owned(),
            matter: matter_of(id).to_owned(),
            received: None,
            outcome: None,
            due: None,
            status: None,
            items: Vec::new(),
            waiting: Vec::new(),
            estimate: None,
            unknown: Some(Unknown::new(id, error)),
        }
    }
}

/// The 督办 list at a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supervision {
    /// The date.
    pub at: NaiveDate,
    /// Every step in warning or overdue, overdue first (see [`crate::supervise::report`]).
    pub alerts: Vec<Alert>,
    /// Cases whose clocks cannot be computed: not checked, listed for a person to look into.
    #[serde(default)]
    pub unknown: Vec<Unknown>,
}

impl From<SubmitError> for Error {
    fn from(e: SubmitError) -> Self {
        match e {
            SubmitError::Invalid(problems) => Self::InvalidSubmission(problems),
            SubmitError::Calendar(e) => Self::Calendar(e),
        }
    }
}

impl<S: CaseStore> Service<S> {
    /// A service over `store` on `calendar`, running no matter yet.
    pub fn new(store: S, calendar: Calendar) -> Self {
        Self {
            store,
            calendar,
            engines: BTreeMap::new(),
        }
    }

    /// Runs a matter: compiles its form and keeps its plan graph. A matter is added once.
    pub fn add_matter(&mut self, artifacts: MatterArtifacts) -> Result<&Engine, Error> {
        let matter = artifacts.matter().to_owned();
        if self.engines.contains_key(&matter) {
            return Err(ArtifactError::DuplicateMatter { matter }.into());
        }
        let engine = Engine::new(artifacts, self.calendar.clone())?;
        Ok(self.engines.entry(matter).or_insert(engine))
    }

    /// The matters the service runs, in id order.
    pub fn matters(&self) -> impl Iterator<Item = &str> {
        self.engines.keys().map(String::as_str)
    }

    /// The engine of a matter.
    pub fn engine(&self, matter: &str) -> Result<&Engine, Error> {
        self.engines
            .get(matter)
            .ok_or_else(|| Error::UnknownMatter {
                matter: matter.to_owned(),
                known: self.engines.keys().cloned().collect(),
            })
    }

    /// The store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Validates and routes a submission received at `received`; if it is complete, stores it as
    /// a new case and returns the case at its receipt date. An invalid submission is refused with
    /// every problem, and nothing is stored.
    pub fn submit(
        &self,
        matter: &str,
        submission: &Value,
        received: NaiveDateTime,
    ) -> Result<CaseView, Error> {
        self.submit_keyed(matter, submission, received, None)
    }

    /// [`Service::submit`] with an optional idempotency key: the first call with a key creates
    /// the case; a retry with the same key and the same submission creates nothing and returns
    /// the original answer (the case at its receipt, as first accepted), whatever its receipt
    /// time says; the same key with a different submission is `key_reused`.
    pub fn submit_keyed(
        &self,
        matter: &str,
        submission: &Value,
        received: NaiveDateTime,
        key: Option<&str>,
    ) -> Result<CaseView, Error> {
        let engine = self.engine(matter)?;
        if let Some(key) = key {
            check_key(key)?;
            if let Some(id) = self.store.find_key(key)? {
                let case = self.store.load(&id)?;
                return self.original_answer(engine, case.record, matter, submission, key);
            }
        }
        check_time(received)?;
        check_depth(submission).map_err(|depth| InputError::TooDeep {
            what: "申请",
            depth,
        })?;
        let mut record = engine.submit(submission, received)?;
        record.key = key.map(str::to_owned);
        let prefix = id_prefix(&record.matter, received);
        // The answer is computed before the case is stored: a failure leaves nothing behind.
        let mut shown = self.view(&engine.open(record.clone()), received.date())?;
        let stored = self.store.create(&prefix, record)?;
        if let Some(key) =
            key.filter(|_| stored.received != received || stored.submission != *submission)
        {
            // A concurrent call with the same key created the case first.
            return self.original_answer(engine, stored, matter, submission, key);
        }
        shown.id = stored.id;
        Ok(shown)
    }

    /// The answer a keyed submit gave first, or `key_reused` for a different submission.
    fn original_answer(
        &self,
        engine: &Engine,
        record: crate::case::CaseRecord,
        matter: &str,
        submission: &Value,
        key: &str,
    ) -> Result<CaseView, Error> {
        if record.matter != matter || record.submission != *submission {
            return Err(InputError::KeyReused {
                key: key.to_owned(),
                case: record.id,
            }
            .into());
        }
        let date = record.received.date();
        self.view(&engine.open(record), date)
    }

    /// Records an event on a case and returns the case at the event's date. A repeated event
    /// (same id, same content) changes nothing and says `duplicate`.
    pub fn event(&self, case_id: &str, event: Event) -> Result<Recorded, Error> {
        check_time(event.at)?;
        let date = event.at.date();
        let depth = serde_json::to_value(&event)
            .map(|v| crate::json::depth(&v))
            .map_err(|e| Error::Internal(format!("事件无法编码：{e}")))?;
        if depth > MAX_INPUT_DEPTH {
            return Err(InputError::TooDeep {
                what: "事件",
                depth,
            }
            .into());
        }
        if matches!(event.kind, EventKind::WaitEnd { .. }) {
            return Err(Refusal {
                code: Code::WaitIsClocked,
                message: "等待期间由系统按期间计时、届满时自动记录，不受理人工记录的届满事件"
                    .to_owned(),
            }
            .into());
        }
        // Periods that ended before the event's day are recorded first: the event may be the
        // step that waited for one.
        let mut case = self.load(case_id, date)?;
        let applied = case.apply(event.clone())?;
        // The case after the event must be viewable before the event is stored.
        let shown = self.view(&case, date)?;
        if applied == Applied::Duplicate {
            return Ok(Recorded {
                applied,
                event,
                case: shown,
            });
        }
        let applied = self.store.append(case_id, &event)?;
        // Another writer may have appended in between: show the case as stored. The event is
        // committed, so a failure to read it back now must not turn into an error: the view
        // computed before the commit answers instead.
        let stored = self
            .store
            .load(case_id)
            .map_err(Error::from)
            .and_then(|case| self.view(&case, date));
        Ok(Recorded {
            applied,
            case: stored.unwrap_or(shown),
            event,
        })
    }

    /// A case with its clocks at `at`.
    pub fn show(&self, case_id: &str, at: NaiveDate) -> Result<CaseView, Error> {
        let case = self.load(case_id, at)?;
        self.view(&case, at)
    }

    /// The case as the clock stands on day `at`: loaded, with every waiting period whose last
    /// day is before `at` recorded as ended ([`Service::settle`]).
    pub fn load(&self, case_id: &str, at: NaiveDate) -> Result<Case, Error> {
        let case = self.store.load(case_id)?;
        self.settle(case, at)
    }

    /// Records the end of every waiting period (公示期) of `case` whose last day is before `at`,
    /// earliest first, each as a `wait_end` event at the end of its last day, and returns the
    /// case with them. Every call that reads or writes a case goes through here, so a period
    /// ends by itself once the runtime's clock has passed it (spec/runtime.md, "Waiting
    /// steps"). The events' ids are fixed by step and end, so two callers settling at once
    /// store each end once (the second is a duplicate).
    pub fn settle(&self, mut case: Case, at: NaiveDate) -> Result<Case, Error> {
        // Each waiting step ends at most once, so this loop ends.
        for _ in 0..case.steps.len() {
            let Some(event) = crate::wait::next_end(&case, &self.calendar, at)? else {
                break;
            };
            case.apply(event.clone())?;
            self.store.append(&case.record.id, &event)?;
        }
        Ok(case)
    }

    /// Every case, in id order, with its outcome and the matter clock at `at`; a case that
    /// cannot be shown is listed as unknown with its reason.
    pub fn list(&self, at: NaiveDate) -> Result<Vec<CaseSummary>, Error> {
        let mut out = Vec::new();
        for id in self.store.ids()? {
            out.push(match self.show(&id, at) {
                Ok(v) => CaseSummary::of(v),
                Err(e) => CaseSummary::unknown(&id, &e),
            });
        }
        Ok(out)
    }

    /// Every open step of every case in warning or overdue at `at` (督办); cases whose clocks
    /// cannot be computed are listed apart as unknown.
    pub fn overdue(&self, at: NaiveDate) -> Result<Supervision, Error> {
        let (cases, mut unknown) = self.readable_cases(at)?;
        let mut out = Vec::new();
        for case in &cases {
            match alerts(case, &self.calendar, at) {
                Ok(a) => out.extend(a),
                Err(e) => unknown.push(Unknown::new(&case.record.id, &clock_error(e))),
            }
        }
        sort(&mut out);
        unknown.sort_by(|a, b| a.case.cmp(&b.case));
        Ok(Supervision {
            at,
            alerts: out,
            unknown,
        })
    }

    /// Every case that reads back, in id order, and the unknown entries of those that do not.
    pub(crate) fn readable_cases(&self, at: NaiveDate) -> Result<(Vec<Case>, Vec<Unknown>), Error> {
        let mut cases = Vec::new();
        let mut unknown = Vec::new();
        for id in self.store.ids()? {
            match self.load(&id, at) {
                Ok(case) => cases.push(case),
                Err(e) => unknown.push(Unknown::new(&id, &e)),
            }
        }
        Ok((cases, unknown))
    }

    /// A case's view at `at` on the service's calendar.
    pub(crate) fn view(&self, case: &Case, at: NaiveDate) -> Result<CaseView, Error> {
        view(case, &self.calendar, at).map_err(clock_error)
    }
}

/// Refuses an idempotency key that is empty, longer than 200 characters or holds a control
/// character.
fn check_key(key: &str) -> Result<(), InputError> {
    let n = key.chars().count();
    if n == 0 || n > 200 || key.chars().any(char::is_control) {
        return Err(InputError::BadKey {
            key: key.to_owned(),
        });
    }
    Ok(())
}

/// A clock that cannot be computed: a year without holiday data, or (a bug) an inverted pause,
/// which the rules exclude since events never go back in time.
pub(crate) fn clock_error(e: PauseError) -> Error {
    match e {
        PauseError::OutOfCoverage(e) => Error::Calendar(e),
        PauseError::Inverted(p) => Error::Internal(format!(
            "暂停区间 {} 至 {} 的结束日早于开始日",
            p.from, p.to
        )),
    }
}
