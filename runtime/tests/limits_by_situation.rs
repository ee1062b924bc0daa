//! Limits by situation end to end on the compiler's real output (`generated/restaurant/`): the
//! fire check is one item whose promise and legal limit depend on 告知承诺 (`fire_mode`), and a
//! case's clocks run on the arm its answers select.

mod common;

use common::{at, engine_at};
use serde_json::{json, Value};
use std::path::PathBuf;
use yjs_runtime::{view, Case, NaiveDate};

fn restaurant() -> yjs_runtime::Engine {
    engine_at(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../generated/restaurant"))
}

/// A prepackaged-food shop over 50㎡ with no sign and no tobacco: biz_verify, food_filing, fire.
fn submission(fire_mode: &str) -> Value {
    json!({
        "food_scope": "prepack",
        "small": false,
        "fire_mode": fire_mode,
        "has_sign": false,
        "sells_tobacco": false,
        "company_name": "某某餐饮管理有限公司",
        "uscc": "91310115MA1G4L1WX7",
        "legal_rep": "张三",
        "business_address": "某某区某某路1号",
        "scope": "食品销售",
        "contact_mobile": "13800138000",
        "shop_name": "某某便利店",
        "floor_area": 80,
        "opening_date": "2026-04-01",
        "fire_contact": "王五"
    })
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// The fire step's promised and legal due dates, on the day of receipt.
fn fire_dues(fire_mode: &str) -> (NaiveDate, Option<NaiveDate>, u32) {
    let engine = restaurant();
    let record = engine
        .submit(&submission(fire_mode), at("2026-03-02 09:00"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        record.items.iter().any(|i| i == "fire"),
        "{:?}",
        record.items
    );
    let fire = record
        .plan
        .steps
        .iter()
        .find(|s| s.id == "fire")
        .unwrap_or_else(|| panic!("no fire step"));
    assert!(
        fire.promise_by.is_empty(),
        "the case keeps only its own arm"
    );
    let promised = fire.promise.workdays;
    let case = Case::new(record).unwrap_or_else(|e| panic!("{e}"));
    let v = view(&case, engine.calendar(), date("2026-03-02")).unwrap_or_else(|e| panic!("{e}"));
    let step = v
        .steps
        .iter()
        .find(|s| s.id == "fire")
        .unwrap_or_else(|| panic!("no fire view"));
    let due = step
        .clock
        .as_ref()
        .map(|c| c.due)
        .unwrap_or_else(|| panic!("no clock"));
    (due, step.legal_clock.as_ref().map(|c| c.due), promised)
}

#[test]
fn the_pledge_is_decided_on_the_spot_and_the_inspection_takes_thirteen_working_days() {
    // Accepted 2026-03-02 (a Monday): acceptance takes 1 working day, biz_verify is 即办.
    let (due, legal, promised) = fire_dues("pledge");
    assert_eq!(promised, 0);
    assert_eq!(due, date("2026-03-03"), "即办 after the acceptance day");
    assert_eq!(legal, Some(date("2026-03-03")));
    let (due, legal, promised) = fire_dues("inspect");
    assert_eq!(promised, 13);
    // 1 + 13 working days after 2026-03-02, no holiday in between.
    assert_eq!(due, date("2026-03-20"));
    assert_eq!(legal, Some(date("2026-03-20")));
}

#[test]
fn the_plan_keeps_both_arms_and_schedules_the_longest() {
    let engine = restaurant();
    let plan = engine.artifacts().plan();
    let fire = plan
        .steps
        .iter()
        .find(|s| s.id == "fire")
        .unwrap_or_else(|| panic!("no fire step"));
    let arms: Vec<(String, u32)> = fire
        .promise_by
        .iter()
        .map(|c| (c.limit.unit.clone(), c.limit.workdays))
        .collect();
    assert_eq!(arms, [("immediate".into(), 0), ("workdays".into(), 13)]);
    assert_eq!(fire.legal_by.len(), 2);
    assert_eq!(
        fire.promise.workdays, 13,
        "the static schedule counts the longest arm"
    );
    // The scenarios differ by the arm: a catering shop without sign or tobacco takes the food
    // permit's 1 + 5 + 1 with the pledge, the inspection's 1 + 13 + 1 without.
    let total = |mode: &str| {
        let option = |s: &str| yjs_artifacts::Answer::Option(s.into());
        plan.scenarios
            .list
            .iter()
            .find(|s| {
                s.answers.get("fire_mode") == Some(&option(mode))
                    && s.answers.get("food_scope") == Some(&option("catering"))
                    && s.answers.get("small") == Some(&yjs_artifacts::Answer::Bool(false))
                    && s.answers.get("has_sign") == Some(&yjs_artifacts::Answer::Bool(false))
                    && s.answers.get("sells_tobacco") == Some(&yjs_artifacts::Answer::Bool(false))
            })
            .map(|s| s.total_workdays)
    };
    assert_eq!(total("pledge"), Some(7));
    assert_eq!(total("inspect"), Some(15));
}
