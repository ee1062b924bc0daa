//! `yjs case`: submit applications, record events, show cases and list overdue steps, on an embedded store.
//!
//! The command only parses its arguments, calls `yjs_runtime::Service` and prints the answer:
//! JSON by default (for programs) and readable text with `--format text`, every status in the
//! runtime's one vocabulary. Exit codes: 0 done; 1 refused (an invalid submission, an illegal
//! event: the answer on stdout); 2 for every other error kind (bad input, an unknown case,
//! artifacts, the calendar, the store, an internal error: one line on stderr with the code).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;
use serde_json::{json, Value};
use yjs_runtime::calendar::{default_dir, Calendar, Estimate};
use yjs_runtime::event::output_from_text;
use yjs_runtime::supervise::Alert;
use yjs_runtime::time::{now_shanghai, parse_time};
use yjs_runtime::validate::parse_submission;
use yjs_runtime::{
    CaseSummary, CaseView, Error, ErrorKind, Event, EventDraft, EventName, MatterArtifacts,
    NaiveDate, NaiveDateTime, Service, SqliteStore, Unknown, Vocabulary,
};
/// `yjs case` with its options.
#[derive(clap::Args, Debug)]
pub struct CaseArgs {
    /// The case database (SQLite), created if missing.
    #[arg(long, global = true, default_value = "yjs-cases.db")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// The calendar directory of installed year files (`yjs calendar add-year`; default:
    /// $YJS_CALENDAR_DIR, else yjs-calendar/ in the working directory).
    #[arg(long, global = true)]
    pub calendar_dir: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub cmd: CaseCmd,
}

/// Output format.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// JSON for programs.
    Json,
    /// Readable text.
    Text,
}

/// The `yjs case` subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum CaseCmd {
    /// Validates a submission; if it is complete, accepts it as a new case and prints it.
    ///
    /// Every problem is reported at once (一次告知) and nothing is stored (exit code 1).
    Submit {
        /// The matter's artifact folder written by `yjs build`, e.g. generated/newborn.
        #[arg(long)]
        artifacts: PathBuf,
        /// When the submission was received (YYYY-MM-DD[THH:MM[:SS]], Asia/Shanghai); default now.
        #[arg(long)]
        received: Option<String>,
        /// An idempotency key: a retry with the same key and file creates nothing and prints the
        /// case first accepted, so a client that lost the answer can safely submit again.
        #[arg(long)]
        key: Option<String>,
        /// The submission, a JSON file.
        file: PathBuf,
    },
    /// Records an event on a case: start, approve, reject, correction, correction_received,
    /// special_start, special_end, deliver, evaluate.
    Event {
        /// The case id.
        case: String,
        /// The event kind.
        kind: String,
        /// The step (for every kind but deliver and evaluate).
        step: Option<String>,
        /// The event's details.
        #[command(flatten)]
        details: Box<EventDetails>,
    },
    /// Shows a case: steps, packets, due dates and clock status.
    Show {
        /// The case id.
        case: String,
        /// The date the clocks are shown at; default today.
        #[arg(long)]
        at: Option<String>,
    },
    /// Lists every case with its outcome and matter due date.
    List {
        /// The date the clocks are shown at; default today.
        #[arg(long)]
        at: Option<String>,
    },
    /// Lists every step in warning or overdue at a date (督办).
    Overdue {
        /// The date, YYYY-MM-DD.
        #[arg(long)]
        at: String,
    },
}

/// The options of `yjs case event`.
#[derive(clap::Args, Debug)]
pub struct EventDetails {
    /// The event id, which is its idempotency key: repeating it is harmless and answers
    /// `duplicate` with the case. Default: KIND:STEP:AT.
    #[arg(long, visible_alias = "key")]
    pub id: Option<String>,
    /// When it happened (YYYY-MM-DD[THH:MM[:SS]]); default now.
    #[arg(long)]
    pub at: Option<String>,
    /// approve: the output produced (JSON, or plain text).
    #[arg(long)]
    pub output: Option<String>,
    /// reject, correction: the reason given to the applicant.
    #[arg(long)]
    pub reason: Option<String>,
    /// special_start: the procedure (hearing, inspection, expert_review, …).
    #[arg(long)]
    pub procedure: Option<String>,
    /// special_start: the legal basis.
    #[arg(long)]
    pub basis: Option<String>,
    /// deliver: the method (online, mail, window, …).
    #[arg(long)]
    pub method: Option<String>,
    /// evaluate: the score, 1 to 5.
    #[arg(long)]
    pub score: Option<u8>,
    /// evaluate: the comment.
    #[arg(long)]
    pub comment: Option<String>,
    /// rectify: what was done to fix the cause of a poor evaluation (整改说明).
    #[arg(long)]
    pub note: Option<String>,
}

/// Runs a `yjs case` subcommand.
pub fn run(args: CaseArgs) -> ExitCode {
    let result = execute(&args);
    let (out, code) = match result {
        Ok(out) => (Some(out), 0),
        Err(Failure::Runtime(e)) if refused(&e) => (Some(refusal(&e)), 1),
        Err(Failure::Runtime(e)) => {
            let _ = writeln!(std::io::stderr().lock(), "yjs case: {e} [{}]", e.code());
            (None, 2)
        }
        Err(Failure::Usage(msg)) => {
            let _ = writeln!(std::io::stderr().lock(), "yjs case: {msg}");
            (None, 2)
        }
    };
    if let Some(out) = out {
        match render(&out, args.format) {
            Ok(text) => {
                let _ = writeln!(std::io::stdout().lock(), "{text}");
            }
            Err(e) => {
                let _ = writeln!(std::io::stderr().lock(), "yjs case: {e} [{}]", e.code());
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::from(code)
}

/// What a command prints: JSON, and its text rendering.
struct Output {
    json: Value,
    text: String,
}

/// Why a command failed.
enum Failure {
    /// The runtime's answer: a refusal (exit 1) or another error (exit 2).
    Runtime(Error),
    /// The command line's own trouble: an unreadable file, no system clock (exit 2).
    Usage(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Self::Runtime(e)
    }
}

/// Whether an error is a refusal of what was asked (exit 1), not a failure to ask (exit 2).
fn refused(e: &Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::InvalidSubmission | ErrorKind::IllegalEvent
    )
}

/// The answer to a refused submission or event.
fn refusal(e: &Error) -> Output {
    let text = match e.kind() {
        ErrorKind::InvalidSubmission => e.to_string(),
        _ => format!("拒绝：{} [{}]", e.message(), e.code()),
    };
    Output {
        text,
        json: json!({ "accepted": false, "error": e }),
    }
}

fn render(out: &Output, format: Format) -> Result<String, Error> {
    match format {
        Format::Json => serde_json::to_string_pretty(&out.json)
            .map_err(|e| Error::Internal(format!("无法输出 JSON：{e}"))),
        Format::Text => Ok(out.text.trim_end().to_owned()),
    }
}

/// A value as JSON; failing only on a bug, reported as one.
fn to_json<T: Serialize>(value: &T) -> Result<Value, Failure> {
    serde_json::to_value(value)
        .map_err(|e| Failure::Runtime(Error::Internal(format!("无法输出 JSON：{e}"))))
}

/// The time given, or now in Asia/Shanghai: the command line is the only place that reads the clock.
fn time_or_now(text: Option<&str>) -> Result<NaiveDateTime, Failure> {
    match text {
        Some(t) => Ok(parse_time(t).map_err(Error::from)?),
        None => now_shanghai().ok_or_else(|| {
            Failure::Usage("无法读取系统时间，请用 --at 或 --received 指定".to_owned())
        }),
    }
}

/// The service over the case database on the official calendar with the installed years,
/// running no matter yet.
fn service(args: &CaseArgs) -> Result<Service<SqliteStore>, Failure> {
    let dir = args.calendar_dir.clone().unwrap_or_else(default_dir);
    let calendar = Calendar::installed(&dir)
        .map_err(|e| Failure::Usage(format!("节假日数据无法读取：{e}")))?;
    let db = args.db.as_path();
    let store = SqliteStore::open(db).map_err(Error::from)?;
    Ok(Service::new(store, calendar))
}

fn execute(args: &CaseArgs) -> Result<Output, Failure> {
    match &args.cmd {
        CaseCmd::Submit {
            artifacts,
            received,
            key,
            file,
        } => {
            let received = time_or_now(received.as_deref())?;
            let artifacts = MatterArtifacts::load(artifacts).map_err(Error::from)?;
            let matter = artifacts.matter().to_owned();
            let text = std::fs::read_to_string(file)
                .map_err(|e| Failure::Usage(format!("无法读取 {}：{e}", file.display())))?;
            let submission = parse_submission(&text).map_err(Error::from)?;
            let mut service = service(args)?;
            service.add_matter(artifacts)?;
            let v = service.submit_keyed(&matter, &submission, received, key.as_deref())?;
            Ok(Output {
                text: format!("已受理，办件编号 {}\n{}", v.id, case_text(&v)),
                json: json!({ "accepted": true, "case": to_json(&v)? }),
            })
        }
        CaseCmd::Event {
            case,
            kind,
            step,
            details,
        } => {
            let EventDetails {
                id,
                at,
                output,
                reason,
                procedure,
                basis,
                method,
                score,
                comment,
                note,
            } = details.as_ref();
            let at = time_or_now(at.as_deref())?;
            let name: EventName = kind.parse().map_err(Error::from)?;
            let draft = EventDraft {
                step: step.clone(),
                output: output.as_deref().map(output_from_text),
                reason: reason.clone(),
                procedure: procedure.clone(),
                basis: basis.clone(),
                method: method.clone(),
                score: *score,
                comment: comment.clone(),
                note: note.clone(),
            };
            let event = Event::new(id.clone(), at, draft.build(name).map_err(Error::from)?);
            let recorded = service(args)?.event(case, event)?;
            let mut json = to_json(&recorded)?;
            if let Some(map) = json.as_object_mut() {
                map.insert("accepted".to_owned(), Value::Bool(true));
            }
            Ok(Output {
                text: format!(
                    "{}：{}\n{}",
                    recorded.applied.name(),
                    recorded.event.id,
                    case_text(&recorded.case)
                ),
                json,
            })
        }
        CaseCmd::Show { case, at } => {
            let at = time_or_now(at.as_deref())?.date();
            let v = service(args)?.show(case, at)?;
            Ok(Output {
                text: case_text(&v),
                json: to_json(&v)?,
            })
        }
        CaseCmd::List { at } => {
            let at = time_or_now(at.as_deref())?.date();
            let rows = service(args)?.list(at)?;
            Ok(Output {
                text: rows.iter().map(summary_text).collect(),
                json: to_json(&rows)?,
            })
        }
        CaseCmd::Overdue { at } => {
            let at = parse_time(at).map_err(Error::from)?.date();
            let supervision = service(args)?.overdue(at)?;
            Ok(Output {
                text: alerts_text(&supervision.alerts, at) + &unknown_text(&supervision.unknown),
                json: to_json(&supervision)?,
            })
        }
    }
}

/// `（估算）` after a date that is an estimate.
fn mark(estimate: Option<&Estimate>) -> &'static str {
    if estimate.is_some() {
        "（估算）"
    } else {
        ""
    }
}

fn case_text(v: &CaseView) -> String {
    let mut s = format!(
        "办件 {}（{}）收件 {}，状态 {}\n总时限至 {}{}（{}{}）\n",
        v.id,
        v.matter,
        v.received,
        v.outcome.name(),
        v.clock.due,
        mark(v.clock.estimate.as_ref()),
        v.clock.status.name(),
        if v.clock.suspended {
            "，暂停计时中"
        } else {
            ""
        }
    );
    for step in &v.steps {
        let clock = step.clock.as_ref().map_or_else(String::new, |c| {
            format!(
                "  时限至 {}{}  {}",
                c.due,
                mark(c.estimate.as_ref()),
                c.status.name()
            )
        });
        // A waiting step (公示期) has no department and no clock: its period says when it ends.
        let period = step.wait.as_ref().map_or_else(String::new, |w| {
            format!("  {}{}", w.text, mark(w.estimate.as_ref()))
        });
        s.push_str(&format!(
            "  {:<12} {:<16} {}{clock}{period}\n",
            step.id,
            step.department_name.as_deref().unwrap_or("（无办理部门）"),
            step.status.name()
        ));
    }
    if let Some(e) = &v.estimate {
        s.push_str(&format!("{e}\n"));
    }
    s
}

fn summary_text(v: &CaseSummary) -> String {
    match (&v.unknown, v.received, v.outcome, v.due, v.status) {
        (None, Some(received), Some(outcome), Some(due), Some(status)) => {
            format!(
                "{}  {}  收件 {received}  {}  总时限至 {due}{}  {}\n",
                v.id,
                v.matter,
                outcome.name(),
                mark(v.estimate.as_ref()),
                status.name(),
            ) + &v
                .waiting
                .iter()
                .map(|w| format!("  等待中：{w}\n"))
                .collect::<String>()
        }
        (unknown, ..) => format!(
            "{}  {}  状态未知：{} [{}]\n",
            v.id,
            v.matter,
            unknown.as_ref().map_or("", |u| u.reason.as_str()),
            unknown.as_ref().map_or("", |u| u.code.as_str()),
        ),
    }
}

fn unknown_text(unknown: &[Unknown]) -> String {
    let mut s = String::new();
    if !unknown.is_empty() {
        s.push_str("无法计算时限、未纳入督办的办件：\n");
    }
    for u in unknown {
        s.push_str(&format!("{}  {} [{}]\n", u.case, u.reason, u.code));
    }
    s
}

fn alerts_text(alerts: &[Alert], at: NaiveDate) -> String {
    if alerts.is_empty() {
        return format!("{at}：没有预警或超期的步骤\n");
    }
    let mut s = format!("{at} 督办清单：\n");
    for a in alerts {
        let late = if a.days_late > 0 {
            format!("（{} 个工作日）", a.days_late)
        } else {
            String::new()
        };
        s.push_str(&format!(
            "{}  {}  {}  {}至 {}{}  {}{late}\n",
            a.case,
            a.step,
            a.department_name,
            a.limit.name(),
            a.due,
            mark(a.estimate.as_ref()),
            a.status.name(),
        ));
    }
    if let Some(e) = Estimate::merge(alerts.iter().map(|a| &a.estimate)) {
        s.push_str(&format!("{e}\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn fixtures() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("runtime/tests/fixtures/newborn")
    }

    fn args(db: &Path, cmd: CaseCmd) -> CaseArgs {
        CaseArgs {
            db: db.to_owned(),
            format: Format::Json,
            calendar_dir: Some(PathBuf::from("/nonexistent/yjs-calendar")),
            cmd,
        }
    }

    fn event(case: &str, kind: &str, step: Option<&str>, at: &str) -> CaseCmd {
        CaseCmd::Event {
            case: case.to_owned(),
            kind: kind.to_owned(),
            step: step.map(str::to_owned),
            details: Box::new(EventDetails {
                id: None,
                at: Some(at.to_owned()),
                output: None,
                reason: None,
                procedure: None,
                basis: None,
                method: Some("mail".to_owned()),
                score: None,
                comment: None,
                note: None,
            }),
        }
    }

    /// The exit code a command would have (0, 1 or 2) and the error code, if any.
    fn code(result: &Result<Output, Failure>) -> (u8, &'static str) {
        match result {
            Ok(_) => (0, ""),
            Err(Failure::Runtime(e)) if refused(e) => (1, e.code().as_str()),
            Err(Failure::Runtime(e)) => (2, e.code().as_str()),
            Err(Failure::Usage(_)) => (2, ""),
        }
    }

    #[test]
    fn submit_event_show_and_overdue() {
        let dir = match tempfile::tempdir() {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        };
        let db = dir.path().join("cases.db");
        let submit = execute(&args(
            &db,
            CaseCmd::Submit {
                artifacts: fixtures(),
                received: Some("2026-03-02T09:00".to_owned()),
                key: None,
                file: fixtures().join("submission.json"),
            },
        ));
        let out = match submit {
            Ok(o) => o,
            Err(_) => panic!("submit failed"),
        };
        let id = out.json["case"]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert_eq!(id, "newborn-20260302-0001");
        assert_eq!(
            out.json["case"]["packets"]["hukou"]["fields"]["guardian_id"],
            json!("110105199001011232")
        );
        let early = execute(&args(
            &db,
            event(&id, "approve", Some("hukou"), "2026-03-02T10:00"),
        ));
        assert_eq!(code(&early), (1, "predecessor_open"));
        let deliver = execute(&args(&db, event(&id, "deliver", None, "2026-03-02T10:00")));
        assert_eq!(code(&deliver), (1, "items_open"));
        let accept = execute(&args(
            &db,
            event(&id, "approve", Some("accept"), "2026-03-02T10:00"),
        ));
        assert_eq!(code(&accept), (0, ""));
        // The same command again is a duplicate, not a second event.
        let again = execute(&args(
            &db,
            event(&id, "approve", Some("accept"), "2026-03-02T10:00"),
        ));
        assert!(matches!(&again, Ok(o) if o.json["applied"] == json!("duplicate")));
        let unknown = execute(&args(
            &db,
            event(&id, "frobnicate", None, "2026-03-02T10:00"),
        ));
        assert_eq!(code(&unknown), (2, "unknown_event_kind"));
        let overdue = execute(&args(
            &db,
            CaseCmd::Overdue {
                at: "2026-03-06".to_owned(),
            },
        ));
        let alerts = match overdue {
            Ok(o) => o.json["alerts"].clone(),
            Err(_) => panic!("overdue failed"),
        };
        assert_eq!(alerts[0]["step"], json!("vaccine"));
        assert_eq!(alerts[0]["status"], json!("overdue"));
        let missing = execute(&args(
            &db,
            CaseCmd::Show {
                case: "nope".to_owned(),
                at: Some("2026-03-02".to_owned()),
            },
        ));
        assert_eq!(code(&missing), (2, "unknown_case"));
    }

    #[test]
    fn an_invalid_submission_lists_every_problem_and_stores_nothing() {
        let dir = match tempfile::tempdir() {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        };
        let db = dir.path().join("cases.db");
        let file = dir.path().join("bad.json");
        if let Err(e) = std::fs::write(&file, r#"{"settle": "local"}"#) {
            panic!("{e}");
        }
        let result = execute(&args(
            &db,
            CaseCmd::Submit {
                artifacts: fixtures(),
                received: Some("2026-03-02".to_owned()),
                key: None,
                file,
            },
        ));
        let problems = match result {
            Err(Failure::Runtime(e)) if refused(&e) => {
                refusal(&e).json["error"]["problems"].clone()
            }
            _ => panic!("expected a refusal"),
        };
        assert_eq!(problems.as_array().map(Vec::len), Some(11));
        let list = execute(&args(
            &db,
            CaseCmd::List {
                at: Some("2026-03-02".to_owned()),
            },
        ));
        assert!(matches!(list, Ok(o) if o.json == json!([])));
    }
}
