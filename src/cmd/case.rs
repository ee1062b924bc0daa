//! `yjs case`: submit applications, record events, show cases and list overdue steps, on an embedded store.
//!
//! Output is JSON by default (for programs) and readable text with `--format text`. Exit codes:
//! 0 done, 1 refused (an invalid submission, an illegal event), 2 usage or I/O (bad arguments,
//! unreadable files or artifacts, an unknown case, a database error).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{json, Value};
use yjs_runtime::calendar::Calendar;
use yjs_runtime::case::EventKind;
use yjs_runtime::engine::{view, CaseView};
use yjs_runtime::supervise::{report, Alert};
use yjs_runtime::time::{now_shanghai, parse_time};
use yjs_runtime::{
    id_prefix, Applied, CaseStore, Engine, Event, MatterArtifacts, NaiveDateTime, SqliteStore,
    StoreError, SubmitError,
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
    /// The event id; repeating an id is harmless. Default: KIND:STEP:AT.
    #[arg(long)]
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
}

/// Runs a `yjs case` subcommand.
pub fn run(args: CaseArgs) -> ExitCode {
    match execute(&args) {
        Ok(out) => {
            let _ = writeln!(std::io::stdout().lock(), "{}", render(&out, args.format));
            ExitCode::SUCCESS
        }
        Err(Failure::Refused(out)) => {
            let _ = writeln!(std::io::stdout().lock(), "{}", render(&out, args.format));
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            let _ = writeln!(std::io::stderr().lock(), "yjs case: {msg}");
            ExitCode::from(2)
        }
    }
}

/// What a command prints: JSON, and its text rendering.
struct Output {
    json: Value,
    text: String,
}

/// Why a command failed.
enum Failure {
    /// The rules refuse (exit 1); the output says why.
    Refused(Output),
    /// Usage or I/O (exit 2).
    Usage(String),
}

fn usage(msg: impl ToString) -> Failure {
    Failure::Usage(msg.to_string())
}

fn render(out: &Output, format: Format) -> String {
    match format {
        Format::Json => serde_json::to_string_pretty(&out.json).unwrap_or_default(),
        Format::Text => out.text.trim_end().to_owned(),
    }
}

fn time_or_now(text: Option<&str>) -> Result<NaiveDateTime, Failure> {
    match text {
        Some(t) => parse_time(t).map_err(usage),
        None => {
            now_shanghai().ok_or_else(|| usage("无法读取系统时间，请用 --at 或 --received 指定"))
        }
    }
}

fn open(db: &Path) -> Result<SqliteStore, Failure> {
    SqliteStore::open(db).map_err(usage)
}

fn store_failure(e: StoreError) -> Failure {
    match e {
        StoreError::Refused(r) => Failure::Refused(Output {
            text: format!("拒绝：{}\n", r.message),
            json: json!({ "accepted": false, "refusal": r }),
        }),
        other => usage(other),
    }
}

fn execute(args: &CaseArgs) -> Result<Output, Failure> {
    let cal = Calendar::official().map_err(usage)?;
    match &args.cmd {
        CaseCmd::Submit {
            artifacts,
            received,
            file,
        } => {
            let received = time_or_now(received.as_deref())?;
            let artifacts = MatterArtifacts::load(artifacts).map_err(usage)?;
            let engine = Engine::new(artifacts, cal.clone()).map_err(usage)?;
            let text = std::fs::read_to_string(file)
                .map_err(|e| usage(format!("无法读取 {}：{e}", file.display())))?;
            let submission: Value = serde_json::from_str(&text)
                .map_err(|e| usage(format!("{} 不是有效的 JSON：{e}", file.display())))?;
            match engine.submit(&submission, received) {
                Err(SubmitError::Invalid(problems)) => Err(Failure::Refused(Output {
                    text: SubmitError::Invalid(problems.clone()).to_string(),
                    json: json!({ "accepted": false, "problems": problems }),
                })),
                Err(e @ SubmitError::Calendar(_)) => Err(usage(e)),
                Ok(record) => {
                    let mut store = open(&args.db)?;
                    let prefix = id_prefix(&record.matter, received);
                    let record = store.create(&prefix, record).map_err(usage)?;
                    let case = store.load(&record.id).map_err(usage)?;
                    let v = view(&case, &cal, received.date()).map_err(usage)?;
                    Ok(Output {
                        text: format!("已受理，办件编号 {}\n{}", v.id, case_text(&v)),
                        json: json!({ "accepted": true, "case": v }),
                    })
                }
            }
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
            } = details.as_ref();
            let at = time_or_now(at.as_deref())?;
            let need_step = || {
                step.clone().ok_or_else(|| {
                    usage(format!(
                        "事件 {kind} 需要指定步骤，如 `yjs case event CASE {kind} hukou`"
                    ))
                })
            };
            let need = |v: &Option<String>, flag: &str| {
                v.clone()
                    .ok_or_else(|| usage(format!("事件 {kind} 需要 --{flag}")))
            };
            let event_kind = match kind.as_str() {
                "start" => EventKind::Start { step: need_step()? },
                "approve" => EventKind::Approve {
                    step: need_step()?,
                    output: output.as_deref().map_or(Value::Null, |o| {
                        serde_json::from_str(o).unwrap_or_else(|_| Value::String(o.to_owned()))
                    }),
                },
                "reject" => EventKind::Reject {
                    step: need_step()?,
                    reason: need(reason, "reason")?,
                },
                "correction" | "request_correction" => EventKind::RequestCorrection {
                    step: need_step()?,
                    reason: need(reason, "reason")?,
                },
                "correction_received" => EventKind::CorrectionReceived { step: need_step()? },
                "special_start" => EventKind::SpecialStart {
                    step: need_step()?,
                    procedure: need(procedure, "procedure")?,
                    basis: basis.clone().unwrap_or_default(),
                },
                "special_end" => EventKind::SpecialEnd { step: need_step()? },
                "deliver" => EventKind::Deliver {
                    method: need(method, "method")?,
                },
                "evaluate" => EventKind::Evaluate {
                    score: score.ok_or_else(|| usage("事件 evaluate 需要 --score（1 到 5）"))?,
                    comment: comment.clone().unwrap_or_default(),
                },
                other => {
                    return Err(usage(format!(
                        "未知的事件类型 {other}；可用：start、approve、reject、correction、correction_received、special_start、special_end、deliver、evaluate"
                    )))
                }
            };
            let id = id.clone().unwrap_or_else(|| {
                format!(
                    "{kind}:{}:{}",
                    step.as_deref().unwrap_or("-"),
                    at.format("%Y-%m-%dT%H:%M:%S")
                )
            });
            let event = Event {
                id,
                at,
                kind: event_kind,
            };
            let mut store = open(&args.db)?;
            let applied = store.append(case, &event).map_err(store_failure)?;
            let loaded = store.load(case).map_err(usage)?;
            let v = view(&loaded, &cal, at.date()).map_err(usage)?;
            let note = match applied {
                Applied::Appended => "已记录",
                Applied::Duplicate => "重复事件，未作改变",
            };
            Ok(Output {
                text: format!("{note}：{}\n{}", event.id, case_text(&v)),
                json: json!({ "accepted": true, "applied": applied, "event": event, "case": v }),
            })
        }
        CaseCmd::Show { case, at } => {
            let at = time_or_now(at.as_deref())?.date();
            let store = open(&args.db)?;
            let loaded = store.load(case).map_err(usage)?;
            let v = view(&loaded, &cal, at).map_err(usage)?;
            Ok(Output {
                text: case_text(&v),
                json: serde_json::to_value(&v).unwrap_or(Value::Null),
            })
        }
        CaseCmd::List { at } => {
            let at = time_or_now(at.as_deref())?.date();
            let store = open(&args.db)?;
            let mut rows = Vec::new();
            let mut text = String::new();
            for id in store.ids().map_err(usage)? {
                let loaded = store.load(&id).map_err(usage)?;
                let v = view(&loaded, &cal, at).map_err(usage)?;
                text.push_str(&format!(
                    "{}  {}  收件 {}  {}  总时限至 {}  {}\n",
                    v.id,
                    v.matter,
                    v.received,
                    label(&v.outcome),
                    v.clock.due,
                    label(&v.clock.status)
                ));
                rows.push(json!({
                    "id": v.id, "matter": v.matter, "received": v.received,
                    "outcome": v.outcome, "due": v.clock.due, "status": v.clock.status,
                    "items": v.items,
                }));
            }
            Ok(Output {
                text,
                json: Value::Array(rows),
            })
        }
        CaseCmd::Overdue { at } => {
            let at = parse_time(at).map_err(usage)?.date();
            let store = open(&args.db)?;
            let mut cases = Vec::new();
            for id in store.ids().map_err(usage)? {
                cases.push(store.load(&id).map_err(usage)?);
            }
            let alerts = report(&cases, &cal, at).map_err(usage)?;
            Ok(Output {
                text: alerts_text(&alerts, at),
                json: json!({ "at": at, "alerts": alerts }),
            })
        }
    }
}

fn case_text(v: &CaseView) -> String {
    let mut s = format!(
        "办件 {}（{}）收件 {}，状态 {}\n总时限至 {}（{}{}）\n",
        v.id,
        v.matter,
        v.received,
        label(&v.outcome),
        v.clock.due,
        label(&v.clock.status),
        if v.clock.suspended {
            "，暂停计时中"
        } else {
            ""
        }
    );
    for step in &v.steps {
        let clock = step.clock.as_ref().map_or_else(String::new, |c| {
            format!("  时限至 {}  {}", c.due, label(&c.status))
        });
        s.push_str(&format!(
            "  {:<12} {:<16} {}{clock}\n",
            step.id,
            step.department_name,
            label(&step.status)
        ));
    }
    s
}

fn alerts_text(alerts: &[Alert], at: yjs_runtime::NaiveDate) -> String {
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
            "{}  {}  {}  {}时限至 {}  {}{late}\n",
            a.case,
            a.step,
            a.department_name,
            match a.limit {
                yjs_runtime::supervise::Limit::Promised => "承诺",
                yjs_runtime::supervise::Limit::Legal => "法定",
            },
            a.due,
            label(&a.status),
        ));
    }
    s
}

/// A status in the words of the hall, for `--format text`: `overdue` is 超期, `approved` 已办结.
fn label<T: serde::Serialize>(value: &T) -> String {
    let json = name(value);
    let words = match json.as_str() {
        // Case outcomes.
        "open" => "办理中",
        "granted" => "准予办理",
        "partly_refused" => "部分不予办理",
        "refused" => "不予办理",
        // Step statuses.
        "not_applicable" => "不适用",
        "pending" => "待办理",
        "in_progress" => "办理中",
        "suspended" => "暂停计时",
        "approved" => "已办结",
        "rejected" => "不予批准",
        "cancelled" => "已取消",
        // Clock statuses.
        "on_track" => "正常",
        "warning" => "预警",
        "overdue" => "超期",
        _ => return json,
    };
    words.to_string()
}

/// The JSON name of a status (`on_track`, `in_progress`, …), as the JSON output spells it.
fn name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("runtime/tests/fixtures/newborn")
    }

    fn args(db: &Path, cmd: CaseCmd) -> CaseArgs {
        CaseArgs {
            db: db.to_owned(),
            format: Format::Json,
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
            }),
        }
    }

    /// The exit code a command would have: 0, 1 or 2.
    fn code(result: &Result<Output, Failure>) -> u8 {
        match result {
            Ok(_) => 0,
            Err(Failure::Refused(_)) => 1,
            Err(Failure::Usage(_)) => 2,
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
        assert_eq!(code(&early), 1);
        let deliver = execute(&args(&db, event(&id, "deliver", None, "2026-03-02T10:00")));
        assert_eq!(code(&deliver), 1);
        let accept = execute(&args(
            &db,
            event(&id, "approve", Some("accept"), "2026-03-02T10:00"),
        ));
        assert_eq!(code(&accept), 0);
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
        assert_eq!(code(&unknown), 2);
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
        assert_eq!(code(&missing), 2);
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
                file,
            },
        ));
        let problems = match result {
            Err(Failure::Refused(o)) => o.json["problems"].clone(),
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
