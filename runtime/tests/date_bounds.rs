//! Date bounds of the form (`not_before` / `not_after`, a date or `today`), as the runtime applies
//! them: `allOf` entries with the custom formats `date-not-before-…` / `date-not-after-…`, on the
//! receipt date for `today`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use serde_json::json;
use yjs_runtime::validate::FormValidator;

#[test]
fn date_bounds_hold_on_the_receipt_date() {
    let schema = json!({
        "type": "object",
        "properties": {
            "born": {
                "title": "出生日期",
                "type": "string",
                "format": "date",
                "allOf": [
                    { "format": "date-not-before-1900-01-01" },
                    { "format": "date-not-after-today" }
                ]
            }
        }
    });
    let v = FormValidator::new(&schema).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let problems = |d: &str| v.validate(&json!({ "born": d }), today);
    assert!(problems("2026-03-02").is_empty());
    assert!(problems("1900-01-01").is_empty());
    let late = problems("2026-03-03");
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].code, "date-not-after-today");
    assert_eq!(late[0].pointer, "/born");
    assert_eq!(
        late[0].message,
        "日期不能晚于今天（2026-03-02），填写的是 2026-03-03"
    );
    let early = problems("1899-12-31");
    assert_eq!(early[0].code, "date-not-before-1900-01-01");
    assert_eq!(
        early[0].message,
        "日期不能早于1900-01-01，填写的是 1899-12-31"
    );
    // A date that does not exist is reported as such, not as out of bounds.
    assert_eq!(problems("2026-02-30")[0].code, "date");
}

/// A field defined only in the `then` of an `if` over the situations (a conditional field, as
/// restaurant's 拟开业日期) gets the same checks where its `if` holds; where it does not, it is
/// refused as not applicable, and nothing else is said of it.
#[test]
fn a_conditional_fields_value_is_checked_where_it_applies() {
    let schema = json!({
        "type": "object",
        "properties": { "open": { "type": "boolean" } },
        "allOf": [{
            "if": { "properties": { "open": { "const": true } }, "required": ["open"] },
            "then": {
                "properties": {
                    "opening": {
                        "title": "拟开业日期", "type": "string", "format": "date",
                        "allOf": [{ "format": "date-not-before-today" }]
                    },
                    "owner_id": { "title": "经营者身份证号码", "type": "string", "format": "id-card" }
                }
            },
            "else": { "not": { "anyOf": [{ "required": ["opening"] }, { "required": ["owner_id"] }] } }
        }]
    });
    let v = FormValidator::new(&schema).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let codes = |s: serde_json::Value| -> Vec<(String, String)> {
        v.validate(&s, today)
            .into_iter()
            .map(|p| (p.pointer, p.code))
            .collect()
    };
    assert_eq!(
        codes(json!({ "open": true, "opening": "2026-03-02" })),
        vec![]
    );
    assert_eq!(
        codes(json!({ "open": true, "opening": "2026-03-01", "owner_id": "110105194912310021" })),
        vec![
            ("/opening".to_string(), "date-not-before-today".to_string()),
            ("/owner_id".to_string(), "id_card.check_char".to_string()),
        ]
    );
    assert_eq!(
        codes(json!({ "open": true, "opening": "2026-02-30" })),
        vec![("/opening".to_string(), "date".to_string())]
    );
    assert_eq!(
        codes(json!({ "open": false, "opening": "2026-03-01" })),
        vec![("/opening".to_string(), "not".to_string())]
    );
}
