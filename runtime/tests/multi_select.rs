//! A multi-select situation end to end on the compiler's real output (`generated/company_change/`):
//! the ticked options decide the items, the form refuses what is not a set of options.

mod common;

use common::{at, engine_at};
use serde_json::{json, Value};
use std::path::PathBuf;
use yjs_artifacts::Answer;

fn company_change() -> yjs_runtime::Engine {
    engine_at(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../generated/company_change"))
}

/// A complete submission for the ticked options: the fields that apply there and no others
/// (a field that does not apply is refused).
fn submission(changes: Value, holds: Value) -> Value {
    let ticked = |v: &Value, o: &str| v.as_array().is_some_and(|a| a.iter().any(|x| x == o));
    let (name, rep) = (ticked(&changes, "name"), ticked(&changes, "rep"));
    let mut s = json!({
        "changes": changes,
        "filer": "rep",
        "holds": holds,
        "company_name": "某某餐饮管理有限公司",
        "uscc": "91310115MA1G4L1WX7",
        "legal_rep": "张三",
        "contact_name": "李四",
        "contact_mobile": "13800138000",
        "resolution_date": "2026-02-27"
    });
    let mut put = |k: &str, v: Value| {
        if let Some(m) = s.as_object_mut() {
            m.insert(k.into(), v);
        }
    };
    if name {
        put("new_name", json!("某某食品有限公司"));
        put("new_seal", json!({ "seal_kinds": ["official"] }));
    }
    if ticked(&changes, "scope") {
        put("new_scope", json!("餐饮服务；食品销售"));
    }
    if rep {
        put("new_rep", json!("王五"));
        put("new_rep_id", json!("110105199001011232"));
    }
    if ticked(&holds, "account") && (name || rep || ticked(&changes, "address")) {
        put("bank_name", json!("某某银行某某支行"));
        put("bank_account", json!("6222020200112233445"));
    }
    if ticked(&holds, "food_permit") && (name || rep) {
        put("food_change", json!({ "permit_no": "JY13101150012345" }));
    }
    s
}

#[test]
fn the_ticked_options_decide_the_items() {
    let engine = company_change();
    let received = at("2026-03-02 09:00");
    let record = engine
        .submit(&submission(json!(["name"]), json!(["account"])), received)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        record.answers["changes"],
        Answer::Options(vec!["name".into()])
    );
    assert_eq!(
        record.items,
        [
            "change_reg",
            "tax_sync",
            "si_sync",
            "med_sync",
            "new_seal",
            "bank_notice"
        ],
        "a name change of a company with a bank account and no fund registration or food permit"
    );
    let scope_only = engine
        .submit(&submission(json!(["scope"]), json!([])), received)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(scope_only.items, ["change_reg", "tax_sync"]);
    let every = engine
        .submit(
            &submission(
                json!(["name", "rep"]),
                json!(["fund", "account", "food_permit"]),
            ),
            received,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(every.items.iter().any(|i| i == "food_change"));
    assert!(every.items.iter().any(|i| i == "fund_sync"));
}

#[test]
fn a_multi_select_answer_must_be_a_set_of_its_options() {
    let engine = company_change();
    let received = at("2026-03-02 09:00");
    for bad in [json!("name"), json!(["name", "name"]), json!(["colour"])] {
        assert!(
            engine
                .submit(&submission(bad.clone(), json!([])), received)
                .is_err(),
            "{bad} is not a set of the options"
        );
    }
}

#[test]
fn a_combination_the_rules_exclude_is_refused_with_the_rule() {
    let engine = company_change();
    let received = at("2026-03-02 09:00");
    let Err(yjs_runtime::SubmitError::Invalid(problems)) =
        engine.submit(&submission(json!([]), json!([])), received)
    else {
        panic!("a change of nothing is no application");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].code, "rule");
    assert_eq!(problems[0].pointer, "/changes");
    assert_eq!(problems[0].label, "变更事项");
    assert_eq!(
        problems[0].message,
        "所选情形不能同时成立：变更登记至少选择一项变更事项"
    );
}

/// The fields with their own `when` (`new_name` only `when name in changes`, …) on the real
/// example: required where they apply, refused elsewhere, and the registrar's packet carries the
/// ticked changes themselves (`changes` is listed in its form).
#[test]
fn a_field_exists_only_for_the_ticked_change() {
    let engine = company_change();
    let received = at("2026-03-02 09:00");
    let mut s = submission(json!(["address"]), json!([]));
    let Err(yjs_runtime::SubmitError::Invalid(problems)) = engine.submit(&s, received) else {
        panic!("an address change names the new address");
    };
    assert!(
        problems
            .iter()
            .any(|p| p.pointer == "/new_address" && p.code == "required"),
        "{problems:?}"
    );
    s["new_address"] = json!("某市某区某路 1 号");
    let record = engine
        .submit(&s, received)
        .unwrap_or_else(|e| panic!("{e}"));
    let reg = &record.packets["change_reg"].fields;
    assert_eq!(reg["changes"], json!(["address"]));
    assert_eq!(reg["new_address"], json!("某市某区某路 1 号"));
    assert!(!reg.contains_key("new_name"), "{reg:?}");

    // A new name given for an address change is refused at its own place.
    s["new_name"] = json!("某某食品有限公司");
    let Err(yjs_runtime::SubmitError::Invalid(problems)) = engine.submit(&s, received) else {
        panic!("a new name does not belong to an address change");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        (problems[0].pointer.as_str(), problems[0].code.as_str()),
        ("/new_name", "not")
    );
    assert_eq!(problems[0].label, "变更后名称");
}

#[test]
fn the_notice_asks_only_the_fields_of_the_ticked_changes() {
    let engine = company_change();
    let mut answers = yjs_artifacts::Answers::new();
    answers.insert("changes".into(), Answer::Options(vec!["address".into()]));
    answers.insert("filer".into(), Answer::Option("rep".into()));
    answers.insert("holds".into(), Answer::Options(vec![]));
    let notice = yjs_runtime::notice::notice(&engine, &answers);
    let labels: Vec<&str> = notice.fields.iter().map(|f| f.label.as_str()).collect();
    assert!(labels.contains(&"变更后住所"), "{labels:?}");
    assert!(!labels.contains(&"变更后名称"), "{labels:?}");
    assert!(
        !labels.contains(&"变更事项"),
        "the ticked changes are answered with the situations: {labels:?}"
    );
}
