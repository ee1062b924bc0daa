//! The staff API: every handler names its caller (a Bearer token or the session cookie), parses
//! the request, calls one service method on the blocking pool and answers with its JSON or the
//! error's status and stable code. The roles and the department isolation are the runtime's
//! (`yjs_runtime::actor`); the handlers only pick the view a role gets.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use yjs_runtime::blame::Board;
use yjs_runtime::event::output_from_text;
use yjs_runtime::hall::{DepartmentCase, InboxEntry};
use yjs_runtime::notice::Notice;
use yjs_runtime::stats::Statistics;
use yjs_runtime::time::parse_time;
use yjs_runtime::validate::parse_submission;
use yjs_runtime::{
    Applied, CaseSummary, CaseView, Error, Event, EventDraft, EventName, Packet, Role, Vocabulary,
};

use super::extract::{blocking, JsonBody, JsonText, PathParams, QueryParams};
use crate::auth::Caller;
use crate::error::{ApiError, ApiErrorBody};
use crate::state::AppState;

/// `?at=DATE`: the date clocks are shown at (default today).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AtQuery {
    /// `YYYY-MM-DD` (a time is accepted and its date used); default today in Asia/Shanghai.
    #[param(
        pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$",
        example = "2026-03-10"
    )]
    pub at: Option<String>,
}

/// `?received=TIME`: when a submission was received (default now).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReceivedQuery {
    /// `YYYY-MM-DD[THH:MM[:SS]]` in Asia/Shanghai, for a paper application entered after the
    /// fact; default now.
    #[param(
        pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$",
        example = "2026-03-02T09:00"
    )]
    pub received: Option<String>,
}

/// The date asked for, or today.
pub fn date_of(state: &AppState, at: Option<&str>) -> Result<NaiveDate, ApiError> {
    match at {
        Some(text) => Ok(parse_time(text).map_err(Error::from)?.date()),
        None => Ok(state.clock.now()?.date()),
    }
}

/// Who is calling.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    /// The user id.
    pub id: String,
    /// The role.
    pub role: Role,
    /// The department of a department officer.
    pub department: Option<String>,
}

/// A matter the service runs.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatterEntry {
    /// The matter id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// A matter's form, for the intake page.
#[derive(Debug, Serialize, ToSchema)]
pub struct FormResponse {
    /// The matter id.
    pub matter: String,
    /// Its name.
    pub name: String,
    /// The situations the applicant answers first, in the form's order.
    pub situations: Vec<String>,
    /// `form.schema.json` (JSON Schema draft-07).
    #[schema(value_type = Object)]
    pub schema: Value,
    /// `form.ui.json` (the RJSF uiSchema).
    #[schema(value_type = Object)]
    pub ui: Value,
}

/// An event to record. `kind` is one of `start`, `approve`, `reject`, `correction`,
/// `correction_received`, `special_start`, `special_end`, `deliver`, `evaluate`, `escalate`,
/// `rectify`; the other fields are the details the kind needs.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EventRequest {
    /// The event kind.
    #[schema(example = "approve")]
    pub kind: String,
    /// The step (every kind but `deliver`, `evaluate` and `rectify`).
    pub step: Option<String>,
    /// The event id; repeating an id with the same event is harmless. Default `KIND:STEP:AT`.
    pub id: Option<String>,
    /// When it happened (`YYYY-MM-DD[THH:MM[:SS]]`); default now.
    #[schema(
        pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$",
        example = "2026-03-02T10:00"
    )]
    pub at: Option<String>,
    /// `approve`: what the approval produced (JSON, or text).
    #[schema(value_type = Object)]
    pub output: Option<Value>,
    /// `reject`, `correction`, `escalate`: the reason.
    pub reason: Option<String>,
    /// `special_start`: the procedure.
    pub procedure: Option<String>,
    /// `special_start`: its legal basis.
    pub basis: Option<String>,
    /// `deliver`: the method (online, mail, window, …).
    pub method: Option<String>,
    /// `evaluate`: the score, 1–5.
    pub score: Option<u8>,
    /// `evaluate`: the comment.
    pub comment: Option<String>,
    /// `rectify`: what was done.
    pub note: Option<String>,
}

/// What recording an event did.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventAnswer {
    /// `appended`, or `duplicate` when the same event was already recorded.
    pub applied: Applied,
    /// The event as recorded, with its id and who recorded it.
    pub event: Event,
}

/// The `Idempotency-Key` header, if given: on a submit, a retry with it returns the case first
/// created; on an event, it is the event id when the body gives none.
fn idempotency_key(headers: &axum::http::HeaderMap) -> Result<Option<String>, ApiError> {
    match headers.get("idempotency-key") {
        None => Ok(None),
        Some(v) => match v.to_str() {
            Ok(text) => Ok(Some(text.trim().to_owned())),
            Err(_) => Err(Error::from(yjs_runtime::InputError::BadKey {
                key: String::from_utf8_lossy(v.as_bytes()).into_owned(),
            })
            .into()),
        },
    }
}

/// The event a request describes, at its time or now.
pub fn event_of(state: &AppState, req: EventRequest) -> Result<Event, ApiError> {
    let name: EventName = req.kind.parse().map_err(Error::from)?;
    let at = match req.at.as_deref() {
        Some(t) => parse_time(t).map_err(Error::from)?,
        None => state.clock.now()?,
    };
    let draft = EventDraft {
        step: req.step,
        output: req.output.map(|o| match o {
            Value::String(s) => output_from_text(&s),
            other => other,
        }),
        reason: req.reason,
        procedure: req.procedure,
        basis: req.basis,
        method: req.method,
        score: req.score,
        comment: req.comment,
        note: req.note,
    };
    Ok(Event::new(
        req.id,
        at,
        draft.build(name).map_err(Error::from)?,
    ))
}

/// Who is calling.
#[utoipa::path(get, path = "/api/me", tag = "staff", security(("bearer" = [])),
    responses(
        (status = 200, description = "the caller", body = Me),
        (status = 401, description = "no valid token", body = ApiErrorBody),
    ))]
pub async fn me(caller: Caller) -> Json<Me> {
    Json(Me {
        id: caller.0.id,
        role: caller.0.role,
        department: caller.0.department,
    })
}

/// The matters the service runs.
#[utoipa::path(get, path = "/api/matters", tag = "staff", security(("bearer" = [])),
    responses(
        (status = 200, description = "every matter, by id", body = Vec<MatterEntry>),
        (status = 401, description = "no valid token", body = ApiErrorBody),
    ))]
pub async fn matters(
    State(state): State<Arc<AppState>>,
    _caller: Caller,
) -> Json<Vec<MatterEntry>> {
    Json(
        state
            .forms
            .iter()
            .map(|(id, f)| MatterEntry {
                id: id.clone(),
                name: f.name.clone(),
            })
            .collect(),
    )
}

/// A matter's form: situations, schema and uiSchema (window).
#[utoipa::path(get, path = "/api/matters/{matter}/form", tag = "window", security(("bearer" = [])),
    params(("matter" = String, Path, description = "the matter id")),
    responses(
        (status = 200, description = "the form", body = FormResponse),
        (status = 401, description = "no valid token", body = ApiErrorBody),
        (status = 403, description = "not the window", body = ApiErrorBody),
        (status = 404, description = "no such matter", body = ApiErrorBody),
    ))]
pub async fn form(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParams(matter): PathParams<String>,
) -> Result<Json<FormResponse>, ApiError> {
    caller.require(&[Role::Window], "受理申请")?;
    let f = state.forms.get(&matter).ok_or_else(|| {
        ApiError::from(Error::UnknownMatter {
            matter: matter.clone(),
            known: state.forms.keys().cloned().collect(),
        })
    })?;
    Ok(Json(FormResponse {
        matter,
        name: f.name.clone(),
        situations: f.situations.clone(),
        schema: f.schema.clone(),
        ui: f.ui.clone(),
    }))
}

/// The 一次告知 for the situation answers in the body (window).
#[utoipa::path(post, path = "/api/matters/{matter}/notice", tag = "window", security(("bearer" = [])),
    params(("matter" = String, Path, description = "the matter id")),
    request_body(content = Object, description = "the situation answers, e.g. {\"settle\": \"local\", \"card\": true}", content_type = "application/json"),
    responses(
        (status = 200, description = "the notice", body = Notice),
        (status = 400, description = "the body is not a JSON object", body = ApiErrorBody),
        (status = 401, description = "no valid token", body = ApiErrorBody),
        (status = 403, description = "not the window", body = ApiErrorBody),
        (status = 404, description = "no such matter", body = ApiErrorBody),
        (status = 415, description = "the body is not declared JSON", body = ApiErrorBody),
    ))]
pub async fn notice(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParams(matter): PathParams<String>,
    JsonBody(answers): JsonBody<serde_json::Map<String, Value>>,
) -> Result<Json<Notice>, ApiError> {
    caller.require(&[Role::Window], "受理申请")?;
    blocking(&state, move |s| {
        Ok(Json(s.service.notice(&matter, &Value::Object(answers))?))
    })
    .await
}

/// Submits an application: every problem at once (422), or the new case (201). Window only.
#[utoipa::path(post, path = "/api/matters/{matter}/cases", tag = "window", security(("bearer" = [])),
    params(("matter" = String, Path, description = "the matter id"), ReceivedQuery,
        ("Idempotency-Key" = Option<String>, Header, description = "a client's key for this submit: a retry with the same key and body returns the first answer and creates nothing; the same key with another body is `key_reused`")),
    request_body(content = Object, description = "the submission: the merged form's JSON (form.schema.json)", content_type = "application/json"),
    responses(
        (status = 201, description = "accepted as a new case (packets are the departments' own)", body = CaseView),
        (status = 400, description = "the body is not JSON, or a bad time", body = ApiErrorBody),
        (status = 401, description = "no valid token", body = ApiErrorBody),
        (status = 403, description = "not the window", body = ApiErrorBody),
        (status = 404, description = "no such matter", body = ApiErrorBody),
        (status = 415, description = "the body is not declared JSON", body = ApiErrorBody),
        (status = 422, description = "the submission has problems (all listed), or its dates leave the calendar", body = ApiErrorBody),
    ))]
pub async fn submit(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParams(matter): PathParams<String>,
    QueryParams(q): QueryParams<ReceivedQuery>,
    headers: axum::http::HeaderMap,
    JsonText(body): JsonText,
) -> Result<Response, ApiError> {
    caller.require(&[Role::Window], "受理申请")?;
    let key = idempotency_key(&headers)?;
    let view = blocking(&state, move |s| {
        let received = match q.received.as_deref() {
            Some(t) => parse_time(t).map_err(Error::from)?,
            None => s.clock.now()?,
        };
        let submission = parse_submission(&body).map_err(Error::from)?;
        let mut view = s
            .service
            .submit_keyed(&matter, &submission, received, key.as_deref())?;
        view.packets.clear();
        Ok(view)
    })
    .await?;
    tracing::info!(case = %view.id, operator = %caller.0.id, "case submitted");
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

/// The cases the caller may see, with the matter clock at `at`.
#[utoipa::path(get, path = "/api/cases", tag = "staff", security(("bearer" = [])),
    params(AtQuery),
    responses(
        (status = 200, description = "the cases, by id (a department: those with a step of its own)", body = Vec<CaseSummary>),
        (status = 400, description = "a bad date", body = ApiErrorBody),
        (status = 401, description = "no valid token", body = ApiErrorBody),
        (status = 422, description = "a date the calendar does not cover", body = ApiErrorBody),
    ))]
pub async fn cases(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    QueryParams(q): QueryParams<AtQuery>,
) -> Result<Json<Vec<CaseSummary>>, ApiError> {
    blocking(&state, move |s| {
        let at = date_of(s, q.at.as_deref())?;
        Ok(Json(s.service.list_as(&caller.actor(), at)?))
    })
    .await
}

/// A case with its clocks, for the window and the supervisor (no packets).
#[utoipa::path(get, path = "/api/cases/{case}", tag = "staff", security(("bearer" = [])),
    params(("case" = String, Path, description = "the case id"), AtQuery),
    responses(
        (status = 200, description = "the case", body = CaseView),
        (status = 400, description = "a bad date", body = ApiErrorBody),
        (status = 401, description = "no valid token", body = ApiErrorBody),
        (status = 403, description = "a department (see /api/department/cases/{case})", body = ApiErrorBody),
        (status = 404, description = "no such case", body = ApiErrorBody),
        (status = 422, description = "a date the calendar does not cover", body = ApiErrorBody),
    ))]
pub async fn case(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParams(case): PathParams<String>,
    QueryParams(q): QueryParams<AtQuery>,
) -> Result<Json<CaseView>, ApiError> {
    caller.require(
        &[Role::Window, Role::Supervisor],
        "查看整个办件（部门请用 /api/department/cases/{case}）",
    )?;
    blocking(&state, move |s| {
        let at = date_of(s, q.at.as_deref())?;
        Ok(Json(s.service.show_as(&caller.actor(), &case, at)?))
    })
    .await
}

/// A case as the caller's department sees it: its own steps and packets.
#[utoipa::path(get, path = "/api/department/cases/{case}", tag = "department", security(("bearer" = [])),
    params(("case" = String, Path, description = "the case id"), AtQuery),
    responses(
        (status = 200, description = "the department's view", body = DepartmentCase),
        (status = 400, description = "a bad date", body = ApiErrorBody),
        (status = 401, description = "no valid token", body = ApiErrorBody),
        (status = 403, description = "not a department", body = ApiErrorBody),
        (status = 404, description = "no such case with a step of the department", body = ApiErrorBody),
        (status = 422, description = "a date the calendar does not cover", body = ApiErrorBody),
    ))]
pub async fn department_case(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParams(case): PathParams<String>,
    QueryParams(q): QueryParams<AtQuery>,
) -> Result<Json<DepartmentCase>, ApiError> {
    caller.require(&[Role::Department], "查看部门办件")?;
    blocking(&state, move |s| {
        let at = date_of(s, q.at.as_deref())?;
        Ok(Json(s.service.department_case(
            &caller.actor(),
            &case,
            at,
        )?))
    })
    .await
}

/// The packet of one item: what its department receives. Its department only; for any other
/// department it does not exist.
#[utoipa::path(get, path = "/api/cases/{case}/packets/{item}", tag = "department", security(("bearer" = [])),
    params(("case" = String, Path, description = "the case id"), ("item" = String, Path, description = "the item id")),
    responses(
        (status = 200, description = "the packet", body = Packet),
        (status = 401, description = "no valid token", body = ApiErrorBody),
        (status = 403, description = "not a department", body = ApiErrorBody),
        (status = 404, description = "no such case or packet of the caller's department", body = ApiErrorBody),
    ))]
pub async fn packet(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParams((case, item)): PathParams<(String, String)>,
) -> Result<Json<Packet>, ApiError> {
    blocking(&state, move |s| {
        Ok(Json(s.service.packet(&caller.actor(), &case, &item)?))
    })
    .await
}

/// Records an event as the caller: the window accepts and delivers, a department decides its own
/// steps (补正 once), the supervisor escalates and closes 整改.
#[utoipa::path(post, path = "/api/cases/{case}/events", tag = "staff", security(("bearer" = [])),
    params(("case" = String, Path, description = "the case id"),
        ("Idempotency-Key" = Option<String>, Header, description = "the event's id when the body gives none: a retry with it returns the first answer")),
    request_body(content = EventRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "recorded (or already recorded: `duplicate`)", body = EventAnswer),
        (status = 400, description = "a bad kind, time or missing detail", body = ApiErrorBody),
        (status = 401, description = "no valid token", body = ApiErrorBody),
        (status = 403, description = "the role may not record this event", body = ApiErrorBody),
        (status = 404, description = "no such case, or no such step of the caller's department", body = ApiErrorBody),
        (status = 409, description = "the rules of the case refuse the event now", body = ApiErrorBody),
        (status = 415, description = "the body is not declared JSON", body = ApiErrorBody),
        (status = 422, description = "a date the calendar does not cover", body = ApiErrorBody),
    ))]
pub async fn event(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    PathParams(case): PathParams<String>,
    headers: axum::http::HeaderMap,
    JsonBody(mut req): JsonBody<EventRequest>,
) -> Result<Json<EventAnswer>, ApiError> {
    // The event id is the event's idempotency key; the header gives it when the body does not.
    if req.id.is_none() {
        req.id = idempotency_key(&headers)?;
    }
    let answer = blocking(&state, move |s| {
        let event = event_of(s, req)?;
        let r = s.service.event_as(&caller.actor(), &case, event)?;
        Ok((case, r))
    })
    .await;
    let (case, recorded) = answer?;
    tracing::info!(case = %case, event = %recorded.event.id, applied = recorded.applied.code(), "event recorded");
    Ok(Json(EventAnswer {
        applied: recorded.applied,
        event: recorded.event,
    }))
}

/// A department's inbox: its open steps, holding first, with their own clocks.
#[utoipa::path(get, path = "/api/inbox", tag = "department", security(("bearer" = [])),
    params(AtQuery),
    responses(
        (status = 200, description = "the inbox", body = Vec<InboxEntry>),
        (status = 400, description = "a bad date", body = ApiErrorBody),
        (status = 401, description = "no valid token", body = ApiErrorBody),
        (status = 403, description = "not a department", body = ApiErrorBody),
        (status = 422, description = "a date the calendar does not cover", body = ApiErrorBody),
    ))]
pub async fn inbox(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    QueryParams(q): QueryParams<AtQuery>,
) -> Result<Json<Vec<InboxEntry>>, ApiError> {
    caller.require(&[Role::Department], "查看部门待办")?;
    let dept = caller.0.department.clone().unwrap_or_default();
    blocking(&state, move |s| {
        let at = date_of(s, q.at.as_deref())?;
        Ok(Json(s.service.inbox(&dept, at)?))
    })
    .await
}

/// The 督办 board: overdue and warning steps charged to the departments holding the cases,
/// waiting steps, open 整改 entries (supervisor).
#[utoipa::path(get, path = "/api/supervision", tag = "supervisor", security(("bearer" = [])),
    params(AtQuery),
    responses(
        (status = 200, description = "the board", body = Board),
        (status = 400, description = "a bad date", body = ApiErrorBody),
        (status = 401, description = "no valid token", body = ApiErrorBody),
        (status = 403, description = "not the supervisor", body = ApiErrorBody),
        (status = 422, description = "a date the calendar does not cover", body = ApiErrorBody),
    ))]
pub async fn supervision(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    QueryParams(q): QueryParams<AtQuery>,
) -> Result<Json<Board>, ApiError> {
    caller.require(&[Role::Supervisor], "查看督办看板")?;
    blocking(&state, move |s| {
        let at = date_of(s, q.at.as_deref())?;
        Ok(Json(s.service.board(at)?))
    })
    .await
}

/// Statistics per matter and department (数据报送), as JSON (supervisor).
#[utoipa::path(get, path = "/api/statistics", tag = "supervisor", security(("bearer" = [])),
    params(AtQuery),
    responses(
        (status = 200, description = "the statistics", body = Statistics),
        (status = 400, description = "a bad date", body = ApiErrorBody),
        (status = 401, description = "no valid token", body = ApiErrorBody),
        (status = 403, description = "not the supervisor", body = ApiErrorBody),
        (status = 422, description = "a date the calendar does not cover", body = ApiErrorBody),
    ))]
pub async fn statistics(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    QueryParams(q): QueryParams<AtQuery>,
) -> Result<Json<Statistics>, ApiError> {
    caller.require(&[Role::Supervisor], "查看统计")?;
    blocking(&state, move |s| {
        let at = date_of(s, q.at.as_deref())?;
        Ok(Json(s.service.statistics(at)?))
    })
    .await
}

/// The same statistics as CSV, one line per matter and per department (supervisor).
#[utoipa::path(get, path = "/api/statistics.csv", tag = "supervisor", security(("bearer" = [])),
    params(AtQuery),
    responses(
        (status = 200, description = "the statistics as CSV", body = String, content_type = "text/csv"),
        (status = 400, description = "a bad date", body = ApiErrorBody),
        (status = 401, description = "no valid token", body = ApiErrorBody),
        (status = 403, description = "not the supervisor", body = ApiErrorBody),
        (status = 422, description = "a date the calendar does not cover", body = ApiErrorBody),
    ))]
pub async fn statistics_csv(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    QueryParams(q): QueryParams<AtQuery>,
) -> Result<Response, ApiError> {
    caller.require(&[Role::Supervisor], "查看统计")?;
    let csv = blocking(&state, move |s| {
        let at = date_of(s, q.at.as_deref())?;
        Ok(s.service.statistics(at)?.to_csv())
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], csv).into_response())
}
