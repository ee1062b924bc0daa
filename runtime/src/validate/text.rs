//! The submission's text, checked whatever the schema says: no control characters anywhere, no
//! blank value for a required text field, dates within the years a case can concern.
//!
//! These checks hold for artifacts of any compiler version: a schema that forgot a `pattern`
//! still cannot let a NUL into a department's packet, or a required name of spaces through.
//! A field is required where its object's schema lists it, or where a conditional branch that
//! applies to the submission does (`allOf: [{if, then: {required}}]`, as the merged form writes
//! a field that only some situations need): the `if` is decided by the schema engine, so a
//! blank field is named `blank` whether it is always or only conditionally required.

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

/// Whether the `if` schema at a schema pointer holds for an instance.
pub type Holds<'a> = dyn Fn(&str, &Value) -> bool + 'a;

/// A schema and its pointer in the whole schema (`""` for the root).
type At<'s> = (&'s Value, String);

/// Every string of the submission, and every required text field, at once (iterative);
/// `holds` decides a conditional branch's `if`. A value is checked against every schema that
/// applies to it: a conditional branch may repeat a property to add to it (a list entry's field
/// required only in some situations is `then: {properties: {list: {items: {required}}}}`).
pub fn checks(schema: &Value, value: &Value, pointer: &str, holds: &Holds, out: &mut Vec<Problem>) {
    let mut stack: Vec<(Vec<At>, &Value, String)> =
        vec![(vec![(schema, String::new())], value, pointer.to_owned())];
    while let Some((schemas, value, pointer)) = stack.pop() {
        match value {
            Value::Object(map) => {
                let layers: Vec<At> = schemas
                    .into_iter()
                    .flat_map(|(s, at)| layers(s, at, value, holds))
                    .collect();
                let required: Vec<&str> = layers
                    .iter()
                    .filter_map(|(s, _)| s.get("required").and_then(Value::as_array))
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                for (name, v) in map {
                    let at = format!("{pointer}/{}", escape(name));
                    let subs: Vec<At> = layers
                        .iter()
                        .filter_map(|(s, at)| {
                            let sub = s.get("properties")?.get(name)?;
                            Some((sub, format!("{at}/properties/{}", escape(name))))
                        })
                        .collect();
                    let blank = v.as_str().is_some_and(|t| t.trim().is_empty());
                    if blank && required.contains(&name.as_str()) {
                        out.push(problem(
                            titled(&subs),
                            &at,
                            "blank",
                            "此项为必填项，不能只填空白，请填写",
                        ));
                    }
                    stack.push((subs, v, at));
                }
            }
            Value::Array(items) => {
                let subs: Vec<At> = schemas
                    .iter()
                    .filter_map(|(s, at)| Some((s.get("items")?, format!("{at}/items"))))
                    .collect();
                for (i, v) in items.iter().enumerate() {
                    stack.push((subs.clone(), v, format!("{pointer}/{i}")));
                }
            }
            Value::String(text) => {
                if let Some(c) = text.chars().find(|c| forbidden(*c)) {
                    let message = format!(
                        "含有不可见的控制字符 U+{:04X}，请删除后重新填写",
                        u32::from(c)
                    );
                    out.push(problem(
                        titled(&schemas),
                        &pointer,
                        "control_character",
                        &message,
                    ));
                }
            }
            _ => {}
        }
    }
}

/// The first of a value's schemas that has a `title` (a branch's part of it may not).
fn titled<'s>(schemas: &[At<'s>]) -> Option<&'s Value> {
    schemas
        .iter()
        .map(|(s, _)| *s)
        .find(|s| s.get("title").is_some())
}

/// The schema of an object and every conditional branch of it that applies to `value`
/// (`allOf` entries whose `if` holds, their `then`, and theirs in turn), with their pointers.
fn layers<'s>(schema: &'s Value, at: String, value: &Value, holds: &Holds) -> Vec<At<'s>> {
    let mut out = Vec::new();
    let mut todo = vec![(schema, at)];
    while let Some((s, at)) = todo.pop() {
        for (k, branch) in s
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let (Some(_), Some(then)) = (branch.get("if"), branch.get("then")) else {
                continue;
            };
            let branch_at = format!("{at}/allOf/{k}");
            if holds(&format!("{branch_at}/if"), value) {
                todo.push((then, format!("{branch_at}/then")));
            }
        }
        out.push((s, at));
    }
    out
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
