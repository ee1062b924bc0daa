//! A property: random event sequences — legal, illegal, too deep, out of order, reaching years
//! without holiday data — always leave every case showable and the store listable at any date,
//! and a refused event stores nothing. On SQLite, and on PostgreSQL when `YJS_TEST_POSTGRES` is set.

mod common;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use common::{newborn_dir, postgres_url, submission, PgSchemas};
use proptest::prelude::*;
use serde_json::{json, Value};
use yjs_runtime::calendar::Calendar;
use yjs_runtime::{
    CaseStore, Event, EventKind, MatterArtifacts, PostgresStore, Service, SqliteStore,
};

const STEPS: [&str; 8] = [
    "accept",
    "birth_cert",
    "vaccine",
    "hukou",
    "insurance",
    "sscard",
    "deliver",
    "nowhere",
];

/// One random event: its kind, step, minutes after the receipt, and the nesting of its output.
#[derive(Debug, Clone)]
struct Op {
    kind: u8,
    step: usize,
    minutes: i64,
    depth: usize,
}

fn op() -> impl Strategy<Value = Op> {
    (
        0u8..12,
        0..STEPS.len(),
        -600i64..(400 * 24 * 60),
        0usize..80,
    )
        .prop_map(|(kind, step, minutes, depth)| Op {
            kind,
            step,
            minutes,
            depth,
        })
}

fn nested(depth: usize) -> Value {
    let mut v = json!("证照编号");
    for _ in 0..depth {
        v = json!([v]);
    }
    v
}

fn kind(op: &Op) -> EventKind {
    let step = STEPS[op.step].to_owned();
    match op.kind {
        0 => EventKind::Start { step },
        1 | 2 => EventKind::Approve {
            step,
            output: nested(op.depth),
        },
        3 => EventKind::Reject {
            step,
            reason: "不符合条件".to_owned(),
        },
        4 => EventKind::RequestCorrection {
            step,
            reason: "请补充材料".to_owned(),
        },
        5 => EventKind::CorrectionReceived { step },
        6 => EventKind::SpecialStart {
            step,
            procedure: "hearing".to_owned(),
            basis: String::new(),
        },
        7 => EventKind::SpecialEnd { step },
        8 => EventKind::Deliver {
            method: "mail".to_owned(),
        },
        9 => EventKind::Evaluate {
            score: 1,
            comment: "慢".to_owned(),
        },
        10 => EventKind::Escalate {
            step,
            reason: "督办".to_owned(),
        },
        _ => EventKind::Rectify {
            note: "已整改".to_owned(),
        },
    }
}

fn service<S: CaseStore>(store: S) -> Service<S> {
    let cal = Calendar::official().unwrap_or_else(|e| panic!("{e}"));
    let mut s = Service::new(store, cal);
    let artifacts = MatterArtifacts::load(&newborn_dir()).unwrap_or_else(|e| panic!("{e}"));
    if let Err(e) = s.add_matter(artifacts) {
        panic!("{e}");
    }
    s
}

/// Runs the ops on one case received at `received` and checks the property after each one.
fn run<S: CaseStore>(s: &Service<S>, received: NaiveDateTime, ops: &[Op]) {
    let id = match s.submit("newborn", &submission(), received) {
        Ok(v) => v.id,
        Err(e) => panic!("{e}"),
    };
    let dates = |t: NaiveDateTime| -> Vec<NaiveDate> {
        let d = t.date();
        vec![d, d + Duration::days(45), d + Duration::days(500)]
    };
    for (n, op) in ops.iter().enumerate() {
        let at = received + Duration::minutes(op.minutes);
        let before = s.show(&id, received.date()).map(|v| v.events);
        let event = Event::new(Some(format!("e{n}")), at, kind(op));
        let result = s.event(&id, event);
        let after = s.show(&id, received.date()).map(|v| v.events);
        match (&result, &before, &after) {
            (Err(_), Ok(b), Ok(a)) => assert_eq!(a, b, "a refused event stored something"),
            (Ok(_), Ok(_), Ok(_)) => {}
            _ => panic!("{result:?} {before:?} {after:?}"),
        }
        for d in dates(at) {
            if let Err(e) = s.show(&id, d) {
                panic!("show at {d}: {e}");
            }
            let list = s.list(d).unwrap_or_else(|e| panic!("list at {d}: {e}"));
            assert!(list.iter().all(|r| r.unknown.is_none()), "{list:?}");
            let sup = s
                .overdue(d)
                .unwrap_or_else(|e| panic!("overdue at {d}: {e}"));
            assert!(sup.unknown.is_empty(), "{:?}", sup.unknown);
            let board = s.board(d).unwrap_or_else(|e| panic!("board at {d}: {e}"));
            assert!(board.unknown.is_empty());
            let stats = s
                .statistics(d)
                .unwrap_or_else(|e| panic!("statistics at {d}: {e}"));
            assert!(stats.unknown.is_empty());
        }
    }
}

fn received(day: i64, minute: i64) -> NaiveDateTime {
    let start = NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .unwrap_or_default();
    start + Duration::days(day) + Duration::minutes(minute)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn sqlite_cases_stay_showable_and_listable(
        day in 0i64..400,
        minute in 0i64..600,
        ops in prop::collection::vec(op(), 1..14),
    ) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = SqliteStore::open(&dir.path().join("cases.db")).unwrap_or_else(|e| panic!("{e}"));
        run(&service(store), received(day, minute), &ops);
        // The same database, opened afresh, reads back every case.
        let again = service(SqliteStore::open(&dir.path().join("cases.db")).unwrap_or_else(|e| panic!("{e}")));
        prop_assert!(again.list(received(day, 0).date()).is_ok_and(|l| l.len() == 1));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn postgres_cases_stay_showable_and_listable(
        day in 0i64..400,
        minute in 0i64..600,
        ops in prop::collection::vec(op(), 1..10),
    ) {
        let Some(url) = postgres_url() else { return Ok(()) };
        let schemas = PgSchemas::new(&url);
        let store = PostgresStore::open_in_schema(&url, &schemas.fresh())
            .unwrap_or_else(|e| panic!("{e}"));
        run(&service(store), received(day, minute), &ops);
    }
}
