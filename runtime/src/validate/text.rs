//! The submission's text, checked whatever the schema says: no control characters anywhere, no
//! blank value for a required text field, dates within the years a case can concern.
//!
//! These checks hold for artifacts of any compiler version: a schema that forgot a `pattern`
//! still cannot let a NUL into a department's packet, or a required name of spaces through.

use chrono::NaiveDate;
use serde_json::Value;

use super::{escape, Problem};

/// The earliest date a submitted date may be.
pub const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The latest date a submitted date may be.
pub const LATEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Whether a submitted date lies within [`EARLIEST_DATE`] and [`LATEST_DATE`].
pub fn date_in_range(d: NaiveDate) -> bool {
    (EARLIEST_DATE..=LATEST_DATE).contains(&d)
}

/// A character no form text may hold: a C0 or C1 control or DEL, except tab and line breaks.
fn forbidden(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Every string of the submission, and every required text field, at once (iterative).
pub fn checks(schema: &Value, value: &Value, pointer: &str, out: &mut Vec<Problem>) {
    let mut stack = vec![(Some(schema), value, pointer.to_owned())];
    while let Some((schema, value, pointer)) = stack.pop() {
        match value {
            Value::Object(map) => {
                let required: Vec<&str> = schema
                    .and_then(|s| s.get("required"))
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                for (name, v) in map {
                    let at = format!("{pointer}/{}", escape(name));
                    let sub = schema
                        .and_then(|s| s.get("properties"))
                        .and_then(|p| p.get(name));
                    let blank = v.as_str().is_some_and(|t| t.trim().is_empty());
                    if blank && required.contains(&name.as_str()) {
                        out.push(problem(
                            sub,
                            &at,
                            "blank",
                            "此项为必填项，不能只填空白，请填写",
                        ));
                    }
                    stack.push((sub, v, at));
                }
            }
            Value::Array(items) => {
                let sub = schema.and_then(|s| s.get("items"));
                for (i, v) in items.iter().enumerate() {
                    stack.push((sub, v, format!("{pointer}/{i}")));
                }
            }
            Value::String(text) => {
                if let Some(c) = text.chars().find(|c| forbidden(*c)) {
                    let message = format!(
                        "含有不可见的控制字符 U+{:04X}，请删除后重新填写",
                        u32::from(c)
                    );
                    out.push(problem(schema, &pointer, "control_character", &message));
                }
            }
            _ => {}
        }
    }
}

fn problem(schema: Option<&Value>, pointer: &str, code: &str, message: &str) -> Problem {
    Problem {
        pointer: pointer.to_owned(),
        label: schema
            .and_then(|s| s.get("title"))
            .and_then(Value::as_str)
            .unwrap_or(pointer)
            .to_owned(),
        message: message.to_owned(),
        code: code.to_owned(),
    }
}
