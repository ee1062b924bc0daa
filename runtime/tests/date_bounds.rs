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
