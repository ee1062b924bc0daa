//! Validates a submission against the merged form: the JSON Schema plus the domain checks, every problem at once.
//!
//! 一次告知: the applicant learns about every problem in one answer. The JSON Schema (draft-07,
//! `jsonschema` crate) checks presence, types, bounds, options and patterns; then every field whose
//! schema is an identifier (`id_card`, `uscc`, `region`, `mobile`) or has `format: date` gets the
//! domain check from `yjs_artifacts::validators` (check digits, region structure, real dates).
//! The identifiers are recognised by their schema's custom `format` (`id-card`, `uscc`,
//! `region-code`, as the build's `formats.mjs` names them), a mobile number by its `pattern`.
//! A domain failure replaces the schema's `pattern` failure at the same pointer, which would only
//! say "格式不正确" about the same value. Format assertions of the schema engine are off: dates are
//! checked here, with a Chinese message.

use chrono::Datelike;
use chrono::NaiveDate;
use jsonschema::error::ValidationErrorKind;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use yjs_artifacts::validators::{
    check_id_card, check_mobile, check_region_code, check_uscc, pattern, CivilDate,
};

use crate::artifacts::ArtifactError;
use yjs_artifacts::FormSources;

mod text;
use crate::error::InputError;

/// One problem with a submission.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// JSON pointer to the offending value (for a missing field: where it should be).
    pub pointer: String,
    /// The field's label (the schema's `title`), or the pointer when the schema has none.
    pub label: String,
    /// What is wrong, in Chinese, for the applicant.
    pub message: String,
    /// A stable code: the JSON Schema keyword (`required`, `maxLength`, …) or the validator's code.
    pub code: String,
}

/// A compiled merged form.
#[derive(Debug)]
pub struct FormValidator {
    schema: Value,
    compiled: jsonschema::Validator,
    /// Every conditional branch's `if`, compiled, by its pointer in the schema: whether a
    /// field a branch requires is required for a submission (`text::checks`).
    conditions: BTreeMap<String, jsonschema::Validator>,
    /// The messages the sources write (`max_length 15 message "…"`), by the field's pointer as
    /// `form.sources.json` writes it (`/<list>/*/<field>`) and the JSON Schema keyword.
    messages: BTreeMap<(String, String), String>,
}

impl FormValidator {
    /// Compiles the merged form's schema as draft-07.
    pub fn new(schema: &Value) -> Result<Self, ArtifactError> {
        let compiled = jsonschema::draft7::options()
            .should_validate_formats(false)
            .build(schema)
            .map_err(|e| ArtifactError::FormSchema {
                reason: e.to_string(),
            })?;
        let mut conditions = BTreeMap::new();
        let mut todo = vec![(schema, String::new())];
        while let Some((s, at)) = todo.pop() {
            match s {
                Value::Object(map) => {
                    for (k, v) in map {
                        let here = format!("{at}/{}", escape(k));
                        if k == "if" && map.contains_key("then") {
                            let compiled = jsonschema::draft7::options()
                                .should_validate_formats(false)
                                .build(v)
                                .map_err(|e| ArtifactError::FormSchema {
                                    reason: format!("{here}: {e}"),
                                })?;
                            conditions.insert(here.clone(), compiled);
                        }
                        todo.push((v, here));
                    }
                }
                Value::Array(items) => {
                    for (i, v) in items.iter().enumerate() {
                        todo.push((v, format!("{at}/{i}")));
                    }
                }
                _ => {}
            }
        }
        Ok(Self {
            schema: schema.clone(),
            compiled,
            conditions,
            messages: BTreeMap::new(),
        })
    }

    /// The same validator saying, for a failure the sources write a message for, that message
    /// instead of its own: the text after the label in `form.i18n.zh.json`, which the browser
    /// shows for the same failure.
    pub fn with_messages(mut self, sources: &FormSources) -> Self {
        for entry in &sources.fields {
            for (keyword, text) in &entry.messages {
                self.messages
                    .insert((entry.pointer.clone(), keyword.clone()), text.clone());
            }
        }
        self
    }

    /// The message the sources write for a problem, if any.
    fn written(&self, p: &Problem) -> Option<&String> {
        if self.messages.is_empty() {
            return None;
        }
        let pointer: Vec<&str> = p
            .pointer
            .split('/')
            .map(|s| {
                if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                    "*"
                } else {
                    s
                }
            })
            .collect();
        let key = (pointer.join("/"), schema_keyword(&p.code).to_owned());
        self.messages.get(&key)
    }

    /// Every problem of `submission`, sorted by pointer; empty when it is valid.
    ///
    /// `today` is the receipt date: an ID card's birth date may not be after it.
    pub fn validate(&self, submission: &Value, today: NaiveDate) -> Vec<Problem> {
        let mut problems = Vec::new();
        domain_checks(&self.schema, submission, "", today, &mut problems);
        let holds = |at: &str, value: &Value| {
            self.conditions
                .get(at)
                .is_some_and(|condition| condition.is_valid(value))
        };
        text::checks(&self.schema, submission, "", &holds, &mut problems);
        for error in self.compiled.iter_errors(submission) {
            // A broken rule between situations is worded once, with its text, by the engine.
            if in_rule(&self.schema, error.schema_path().as_str()) {
                continue;
            }
            let at = error.instance_path().as_str().to_owned();
            let code = error.kind().keyword().to_owned();
            // A conditional field or section given where it does not apply: each one by name.
            if let ValidationErrorKind::Not { .. } = error.kind() {
                let location = error.schema_path().as_str();
                let refused = self
                    .schema
                    .pointer(location.strip_suffix("/not").unwrap_or(location))
                    .and_then(|s| s.get("not"))
                    .map(|not| not_applicable(not, submission.pointer(&at), &at))
                    .unwrap_or_default();
                if !refused.is_empty() {
                    for pointer in refused {
                        problems.push(Problem {
                            label: label_at(&self.schema, &pointer),
                            pointer,
                            message: "所选办理情形不需要填写此项，请删除".to_owned(),
                            code: code.clone(),
                        });
                    }
                    continue;
                }
            }
            let (pointer, message) = describe(error.kind(), at);
            let replaced = matches!(code.as_str(), "pattern" | "minLength");
            if replaced && problems.iter().any(|p| p.pointer == pointer) {
                continue;
            }
            let label = label_at(&self.schema, &pointer);
            problems.push(Problem {
                pointer,
                label,
                message,
                code,
            });
        }
        for p in &mut problems {
            if let Some(text) = self.written(p) {
                p.message.clone_from(text);
            }
        }
        problems.sort();
        problems.dedup();
        problems
    }
}

/// The JSON Schema keyword whose failure in the browser matches a problem's code: a schema
/// problem's code is its keyword; an identifier's check fails the identifier's `format`
/// (`formats.mjs`), a mobile number's its `pattern`, a date's (real day, bounds) its `format`.
fn schema_keyword(code: &str) -> &str {
    let prefix = code.split('.').next().unwrap_or(code);
    match prefix {
        "id_card" | "uscc" | "region" | "date" => "format",
        "mobile" => "pattern",
        _ if code.starts_with("date-not-") => "format",
        _ => code,
    }
}

pub use yjs_artifacts::plan::RULE_COMMENT;

/// Whether a schema location lies inside a rule's top-level `allOf` entry.
fn in_rule(schema: &Value, location: &str) -> bool {
    let mut parts = location.trim_start_matches('/').split('/');
    if parts.next() != Some("allOf") {
        return false;
    }
    parts
        .next()
        .and_then(|k| k.parse::<usize>().ok())
        .and_then(|k| schema.get("allOf")?.get(k)?.get("$comment")?.as_str())
        == Some(RULE_COMMENT)
}

/// Reads a submission's text as JSON; a key given twice in one object is refused
/// (`duplicate_key`), never resolved silently.
pub fn parse_submission(text: &str) -> Result<Value, InputError> {
    crate::json::parse_strict(text).map_err(|e| {
        if e.is_data() {
            InputError::DuplicateKey {
                reason: e.to_string(),
            }
        } else {
            InputError::SubmissionNotJson {
                reason: e.to_string(),
            }
        }
    })
}

/// The pointers of the values a form's `else: { not: … }` refuses: the names (or, in a
/// section, the section's fields) its alternatives require that `value` (at `at`) holds.
fn not_applicable(not: &Value, value: Option<&Value>, at: &str) -> Vec<String> {
    let alternatives = match not.get("anyOf").and_then(Value::as_array) {
        Some(list) => list.iter().collect(),
        None => vec![not],
    };
    let mut out = Vec::new();
    for alt in alternatives {
        let names = alt.get("required").and_then(Value::as_array);
        for name in names.into_iter().flatten().filter_map(Value::as_str) {
            let Some(inner) = value.and_then(|v| v.get(name)) else {
                continue;
            };
            let here = format!("{at}/{}", escape(name));
            match alt.pointer(&format!("/properties/{}", escape(name))) {
                Some(nested) if nested.get("required").is_some() => {
                    out.extend(not_applicable(nested, Some(inner), &here))
                }
                _ => out.push(here),
            }
        }
    }
    out
}

/// The pointer a schema error is about, and its Chinese message.
fn describe(kind: &ValidationErrorKind, at: String) -> (String, String) {
    use ValidationErrorKind as K;
    match kind {
        K::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            (
                format!("{at}/{}", escape(name)),
                "此项为必填项，请填写".to_owned(),
            )
        }
        K::Type { kind } => (at, format!("类型不正确，应为 {}", type_name(kind))),
        K::MaxLength { limit } => (at, format!("不能超过 {limit} 个字符")),
        K::MinLength { limit } => (at, format!("不能少于 {limit} 个字符")),
        K::Maximum { limit } | K::ExclusiveMaximum { limit } => (at, format!("不能大于 {limit}")),
        K::Minimum { limit } | K::ExclusiveMinimum { limit } => (at, format!("不能小于 {limit}")),
        K::MaxItems { limit } => (at, format!("最多填写 {limit} 项")),
        K::MinItems { limit } => (at, format!("至少填写 {limit} 项")),
        K::Pattern { .. } => (at, "格式不正确".to_owned()),
        K::Enum { .. }
        | K::Constant { .. }
        | K::OneOfNotValid { .. }
        | K::OneOfMultipleValid { .. } => (at, "不是可选的选项之一".to_owned()),
        K::AdditionalProperties { unexpected } => {
            (at, format!("表单中没有这些栏目：{}", unexpected.join("、")))
        }
        K::MultipleOf { multiple_of } => (at, format!("必须是 {multiple_of} 的整数倍")),
        // A conditional section or field given where its items do not apply.
        K::Not { .. } => (at, "填写了不适用于所选办理情形的栏目，请删除".to_owned()),
        K::PropertyNames { .. } => (at, "表单中没有此栏目".to_owned()),
        other => (at, format!("不符合表单要求（{}）", other.keyword())),
    }
}

/// A readable name of the expected JSON type(s).
fn type_name(kind: &jsonschema::error::TypeKind) -> String {
    use jsonschema::error::TypeKind;
    fn one(t: jsonschema::JsonType) -> &'static str {
        use jsonschema::JsonType as J;
        match t {
            J::Array => "列表",
            J::Boolean => "是/否",
            J::Integer => "整数",
            J::Null => "空值",
            J::Number => "数字",
            J::Object => "对象",
            J::String => "文本",
        }
    }
    match kind {
        TypeKind::Single(t) => one(*t).to_owned(),
        TypeKind::Multiple(set) => set.iter().map(one).collect::<Vec<_>>().join("或"),
    }
}

/// Escapes a property name as a JSON pointer segment.
fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// The `title` of the schema that describes the value at `pointer`, or the pointer itself.
pub fn label_at(schema: &Value, pointer: &str) -> String {
    let segments: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|raw| raw.replace("~1", "/").replace("~0", "~"))
        .collect();
    match titled(schema, &segments) {
        Some(t) => t.to_owned(),
        None if pointer.is_empty() => "表单".to_owned(),
        None => pointer.to_owned(),
    }
}

/// The `title` of the schema at `segments` below `node`: through `properties`, a list's
/// `items`, and the `then` of `allOf` entries, where a conditional field or section is defined.
fn titled<'a>(node: &'a Value, segments: &[String]) -> Option<&'a str> {
    let Some((first, rest)) = segments.split_first() else {
        return node.get("title").and_then(Value::as_str);
    };
    let direct = node
        .get("properties")
        .and_then(|p| p.get(first))
        .or_else(|| first.parse::<usize>().ok().and_then(|_| node.get("items")));
    if let Some(t) = direct.and_then(|n| titled(n, rest)) {
        return Some(t);
    }
    let entries = node.get("allOf").and_then(Value::as_array);
    entries
        .into_iter()
        .flatten()
        .filter_map(|e| e.get("then"))
        .find_map(|then| titled(then, segments))
}

/// Walks the schema and the submission together and runs the domain check of every typed value.
fn domain_checks(
    schema: &Value,
    value: &Value,
    pointer: &str,
    today: NaiveDate,
    out: &mut Vec<Problem>,
) {
    match value {
        Value::Object(map) => {
            let branches = met_branches(schema, value);
            for (name, v) in map {
                let p = format!("{pointer}/{}", escape(name));
                for sub in field_schemas(schema, &branches, name) {
                    domain_checks(sub, v, &p, today, out);
                }
            }
        }
        Value::Array(items) => {
            if let Some(sub) = schema.get("items") {
                for (i, v) in items.iter().enumerate() {
                    domain_checks(sub, v, &format!("{pointer}/{i}"), today, out);
                }
            }
        }
        Value::String(text) => {
            if let Some((code, message)) = domain_check(schema, text, today) {
                out.push(Problem {
                    pointer: pointer.to_owned(),
                    label: schema
                        .get("title")
                        .and_then(Value::as_str)
                        .unwrap_or(pointer)
                        .to_owned(),
                    message,
                    code,
                });
            }
        }
        _ => {}
    }
}

/// The `then` of every `allOf` entry of `schema` whose `if` the object meets and which defines
/// fields: where a conditional field or section is defined (a field given where its `if` fails
/// is refused as not applicable, not checked further). Each `if` is decided once per object,
/// not once per field. An `if` that does not compile on its own (a `$ref` into the whole
/// schema) is taken as not met.
fn met_branches<'a>(schema: &'a Value, object: &Value) -> Vec<&'a Value> {
    schema
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let then = entry
                .get("then")
                .filter(|t| t.get("properties").is_some())?;
            let met = match entry.get("if") {
                None => true,
                Some(cond) => jsonschema::draft7::new(cond).is_ok_and(|v| v.is_valid(object)),
            };
            met.then_some(then)
        })
        .collect()
}

/// The schemas of an object's field `name`: its `properties` entry, and its entry in each met
/// conditional branch (`met_branches`).
fn field_schemas<'a>(schema: &'a Value, branches: &[&'a Value], name: &str) -> Vec<&'a Value> {
    let own = schema.get("properties").and_then(|p| p.get(name));
    own.into_iter()
        .chain(
            branches
                .iter()
                .filter_map(|then| then.get("properties").and_then(|p| p.get(name))),
        )
        .collect()
}

/// The date bounds of a field (`allOf` entries with the formats `date-not-before-…` and
/// `date-not-after-…`, a date or `today`, the receipt date), on a real `YYYY-MM-DD` date.
fn date_bounds(schema: &Value, text: &str, today: NaiveDate) -> Option<(String, String)> {
    let formats = schema
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("format").and_then(Value::as_str));
    for f in formats {
        let (not_before, limit) = match (
            f.strip_prefix("date-not-before-"),
            f.strip_prefix("date-not-after-"),
        ) {
            (Some(l), _) => (true, l),
            (_, Some(l)) => (false, l),
            _ => continue,
        };
        let today_text = today.format("%Y-%m-%d").to_string();
        let (bound, name) = if limit == "today" {
            (today_text.as_str(), format!("今天（{today_text}）"))
        } else {
            (limit, limit.to_owned())
        };
        let broken = if not_before {
            text < bound
        } else {
            text > bound
        };
        if broken {
            let may = if not_before {
                "不能早于"
            } else {
                "不能晚于"
            };
            return Some((f.to_owned(), format!("日期{may}{name}，填写的是 {text}")));
        }
    }
    None
}

/// Whether a field's schema is a mobile number's: its `pattern` is the mobile pattern.
pub fn is_mobile(schema: &Value) -> bool {
    schema.get("pattern").and_then(Value::as_str) == Some(pattern::MOBILE)
}

/// The domain check for one string value, by its schema's `format` (or mobile `pattern`).
fn domain_check(schema: &Value, text: &str, today: NaiveDate) -> Option<(String, String)> {
    let format = schema.get("format").and_then(Value::as_str);
    let civil = CivilDate::new(today.year(), today.month(), today.day());
    match format {
        Some("id-card") => check_id_card(text, civil)
            .err()
            .map(|e| (e.code().to_owned(), e.to_string())),
        Some("uscc") => check_uscc(text)
            .err()
            .map(|e| (e.code().to_owned(), e.to_string())),
        Some("region-code") => check_region_code(text)
            .err()
            .map(|e| (e.code().to_owned(), e.to_string())),
        _ if is_mobile(schema) => check_mobile(text)
            .err()
            .map(|e| (e.code().to_owned(), e.to_string())),
        Some("date") => {
            let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .filter(|_| text.len() == 10);
            match date {
                None => Some((
                    "date".to_owned(),
                    format!("“{text}”不是真实存在的日期，请按 YYYY-MM-DD 填写"),
                )),
                // The field's own bounds first; then the runtime's 1900–2100 for every date.
                Some(d) => date_bounds(schema, text, today).or_else(|| {
                    (!text::date_in_range(d)).then(|| {
                        (
                            "date_range".to_owned(),
                            format!(
                                "日期 {text} 不在可受理的 {} 至 {} 之间",
                                text::EARLIEST_DATE,
                                text::LATEST_DATE
                            ),
                        )
                    })
                }),
            }
        }
        _ => None,
    }
}
