//! An optional item end to end on the compiler's real output (`generated/company_setup/`): the
//! bank appointment is routed only when the applicant chose it, and its fields are asked then.

mod common;

use common::{at, engine_at};
use serde_json::{json, Value};
use std::path::PathBuf;

fn company_setup() -> yjs_runtime::Engine {
    engine_at(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../generated/company_setup"))
}

/// A complete submission of a limited company that has a seal cut, with or without the bank
/// appointment: the fields that apply there and no others.
fn submission(chosen: bool) -> Value {
    let mut s = json!({
        "entity": "llc",
        "need_seal": true,
        "invoice": "no_invoice",
        "employ": false,
        "bank_account_chosen": chosen,
        "company_name": "某某餐饮管理有限公司",
        "reg_address": "某某市某某区某某路1号",
        "region": "310115",
        "scope": "餐饮服务",
        "reg_capital": 10,
        "legal_rep": "张三",
        "legal_rep_id": "110105199001011232",
        "contact_name": "李四",
        "contact_mobile": "13800138000",
        "setup_reg": { "investors": [
            { "investor_name": "张三", "investor_id": "110105199001011232", "subscribed": 10 }
        ] },
        "seal": { "seal_kinds": ["official"] },
        "fund": { "fund_rate": 5 }
    });
    if chosen {
        if let Some(m) = s.as_object_mut() {
            m.insert("bank_name".into(), json!("某某银行某某支行"));
            m.insert(
                "bank_account".into(),
                json!({ "appointment": "2026-03-05" }),
            );
        }
    }
    s
}

#[test]
fn the_bank_appointment_is_routed_only_when_chosen() {
    let engine = company_setup();
    let received = at("2026-03-02 09:00");
    let chosen = match engine.submit(&submission(true), received) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert!(
        chosen.items.iter().any(|i| i == "bank_account"),
        "{:?}",
        chosen.items
    );
    let packet = &chosen.packets["bank_account"];
    assert_eq!(packet.department, "khyh");
    assert_eq!(packet.fields["bank_name"], json!("某某银行某某支行"));
    assert_eq!(packet.fields["appointment"], json!("2026-03-05"));

    let declined = match engine.submit(&submission(false), received) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert!(
        !declined.items.iter().any(|i| i == "bank_account"),
        "{:?}",
        declined.items
    );
    assert!(!declined.packets.contains_key("bank_account"));
    assert_eq!(chosen.items.len(), declined.items.len() + 1);
}

#[test]
fn the_choice_is_a_required_yes_or_no_answer() {
    let engine = company_setup();
    let received = at("2026-03-02 09:00");
    // Unanswered: refused, as any situation.
    let mut s = submission(false);
    if let Some(m) = s.as_object_mut() {
        m.remove("bank_account_chosen");
    }
    assert!(engine.submit(&s, received).is_err());
    // Declined, but the appointment's section given anyway: refused (it does not apply).
    let mut s = submission(false);
    if let Some(m) = s.as_object_mut() {
        m.insert(
            "bank_account".into(),
            json!({ "appointment": "2026-03-05" }),
        );
    }
    assert!(engine.submit(&s, received).is_err());
    // Chosen without the bank's name: refused (required when chosen).
    let mut s = submission(true);
    if let Some(m) = s.as_object_mut() {
        m.remove("bank_name");
    }
    assert!(engine.submit(&s, received).is_err());
}
