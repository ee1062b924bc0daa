//! `form.i18n.zh.json`: Chinese labels and validation messages, keyed as JSON Forms' i18n expects.
//!
//! Keys: `<path>.label` (and `<path>.description` for help), `<path>.error.<keyword>` for every
//! keyword a field's schema can fail, and `error.<keyword>` as the fallback. `<path>` is the data
//! path with dots (`hukou.household_address`; a list's entry fields drop the index:
//! `staff.name`). Each message names the field and what to do, from the DSL: its label, its
//! type and its bounds ("母亲身份证号码：请填写18位居民身份证号码，末位可为X"); a `message "…"`
//! written after a constraint replaces the text after the label for that constraint's keyword,
//! and a field's own `message "…"` does so for `pattern` and `format`.

use super::fields::FORMATS;
use crate::ir::form::{Bounds, Form, LocalField, Scalar, Ty};
use yjs_artifacts::FormMessages;

/// The fallback messages by keyword.
pub const FALLBACK: [(&str, &str); 17] = [
    ("required", "此项为必填项"),
    ("pattern", "格式不正确"),
    ("format", "格式不正确"),
    ("maxLength", "超出长度限制"),
    ("minLength", "长度不足"),
    ("minimum", "数值过小"),
    ("maximum", "数值过大"),
    ("multipleOf", "数值精度不符合要求"),
    ("minItems", "项数不足"),
    ("maxItems", "项数过多"),
    ("uniqueItems", "选项不能重复"),
    ("type", "类型不正确"),
    ("oneOf", "请从选项中选择一项"),
    ("enum", "请从选项中选择一项"),
    ("const", "请从选项中选择一项"),
    ("not", "此项不适用于所选办理情形，请删除"),
    ("additionalProperties", "包含表单以外的栏目"),
];

/// The merged form's Chinese messages.
///
/// Every key is made once: the top-level names are distinct (E0103, E0208), a field's keys
/// start with its own path, and a message written after a constraint is used where its
/// keyword's message is made, not inserted over it afterwards.
pub fn i18n_zh(form: &Form) -> FormMessages {
    let mut m = Messages::default();
    for q in &form.situations {
        m.insert(format!("{}.label", q.id), q.question.clone());
        m.insert(
            format!("{}.error.required", q.id),
            format!("{}：请选择", q.question),
        );
        for kw in ["oneOf", "type", "const", "enum"] {
            m.insert(
                format!("{}.error.{kw}", q.id),
                format!("{}：请从选项中选择一项", q.question),
            );
        }
    }
    for f in &form.shared {
        field(&mut m, &f.id, &f.label, &f.ty, &f.bounds);
    }
    for it in form.items.iter().filter(|i| !i.locals.is_empty()) {
        m.insert(format!("{}.label", it.id), it.name.clone());
        locals(&mut m, &it.id, &it.locals);
    }
    for (kw, text) in FALLBACK {
        m.insert(format!("error.{kw}"), text.to_string());
    }
    m.list
}

/// The messages in the order they are made.
#[derive(Default)]
struct Messages {
    list: FormMessages,
}

impl Messages {
    fn insert(&mut self, key: String, text: String) {
        self.list.0.push((key, text));
    }
}

fn locals(m: &mut Messages, base: &str, fields: &[LocalField]) {
    for f in fields {
        field(m, &format!("{base}.{}", f.id), &f.label, &f.ty, &f.bounds);
    }
}

fn field(m: &mut Messages, path: &str, label: &str, ty: &Ty, bounds: &Bounds) {
    m.insert(format!("{path}.label"), label.to_string());
    if let Some(h) = &bounds.help {
        m.insert(format!("{path}.description"), h.clone());
    }
    // The keywords said so far, so that a written message of another keyword is added after.
    let mut said: Vec<&str> = Vec::new();
    let mut say = |kw: &'static str, text: String| {
        // A message written after a constraint replaces the one made from the type and bounds.
        let text = bounds.messages.get(kw).map_or(text, |w| w.clone());
        m.insert(format!("{path}.error.{kw}"), format!("{label}：{text}"));
        said.push(kw);
    };
    let choice = matches!(ty, Ty::Choice { .. } | Ty::Scalar(Scalar::Bool));
    say(
        "required",
        if choice {
            "请选择"
        } else {
            "此项为必填项，请填写"
        }
        .into(),
    );
    let num = |b: &Option<Box<crate::ir::form::Bound>>| b.as_ref().map(|b| b.value.to_string());
    if let Some(n) = num(&bounds.max_length) {
        say("maxLength", format!("不能超过{n}个字"));
    }
    if let Some(n) = num(&bounds.min_length) {
        say("minLength", format!("至少填写{n}个字"));
    }
    if let Some(n) = num(&bounds.min) {
        say("minimum", format!("不能小于{n}"));
    }
    if let Some(n) = num(&bounds.max) {
        say("maximum", format!("不能大于{n}"));
    }
    if let Some(n) = num(&bounds.min_items) {
        say("minItems", format!("至少填写{n}项"));
    }
    if let Some(n) = num(&bounds.max_items) {
        say("maxItems", format!("最多填写{n}项"));
    }
    match ty {
        Ty::Scalar(s) => {
            if let Some(text) = pattern_text(*s, !bounds.patterns.is_empty()) {
                say(
                    "pattern",
                    bounds.message.clone().unwrap_or_else(|| text.into()),
                );
            }
            if let Some(text) = format_text(*s) {
                let mut text = text.to_string();
                for d in &bounds.dates {
                    let may = if d.not_before {
                        "不能早于"
                    } else {
                        "不能晚于"
                    };
                    let day = if d.value == "today" {
                        "今天"
                    } else {
                        &d.value
                    };
                    text.push_str(&format!("，{may}{day}"));
                }
                say("format", bounds.message.clone().unwrap_or(text));
            }
            if let Some(text) = type_text(*s) {
                say("type", text.into());
            }
            if *s == Scalar::Money {
                say("multipleOf", "最多保留两位小数".into());
            }
            if *s == Scalar::Bool {
                say("oneOf", "请选择“是”或“否”".into());
            }
        }
        Ty::Choice { multi, .. } => {
            say("oneOf", "请从选项中选择".into());
            if *multi {
                say("uniqueItems", "同一选项只能选一次".into());
            }
        }
        Ty::List(fields) => locals(m, path, fields),
    }
    for (kw, text) in &bounds.messages {
        if !said.contains(&kw.as_str()) {
            m.insert(format!("{path}.error.{kw}"), format!("{label}：{text}"));
        }
    }
}

/// What a failed `pattern` means for a type, or `None` when the type has no pattern.
fn pattern_text(s: Scalar, own: bool) -> Option<&'static str> {
    Some(match s {
        Scalar::IdCard => "请填写18位居民身份证号码，末位可为X",
        Scalar::Uscc => "请填写18位统一社会信用代码（数字或大写字母）",
        Scalar::Region => "请填写6位行政区划代码",
        Scalar::Mobile => "请填写11位手机号码",
        Scalar::Phone => "请填写固定电话号码，如010-62345678",
        Scalar::Email => "请填写有效的电子邮箱地址",
        Scalar::Text | Scalar::File if own => "格式不正确，请按要求填写",
        Scalar::Text | Scalar::File => "不能只填写空格",
        _ if own => "格式不正确，请按要求填写",
        _ => return None,
    })
}

/// What a failed `format` means for a type.
fn format_text(s: Scalar) -> Option<&'static str> {
    let custom = FORMATS.iter().find(|(t, _)| *t == s).map(|(_, f)| *f);
    Some(match (s, custom) {
        (_, Some("id-card")) => "居民身份证号码有误，请核对出生日期和末位校验码",
        (_, Some("uscc")) => "统一社会信用代码有误，请核对末位校验码",
        (_, Some(_)) => "不是有效的行政区划代码",
        (Scalar::Date, _) => "请按“年-月-日”填写日期，如2025-03-01",
        (Scalar::Datetime, _) => "请按“年-月-日 时:分”填写日期和时间",
        _ => return None,
    })
}

/// What a wrong JSON type means for a type.
fn type_text(s: Scalar) -> Option<&'static str> {
    Some(match s {
        Scalar::Integer => "请填写整数",
        Scalar::Decimal | Scalar::Money => "请填写数字",
        Scalar::Bool => "请选择“是”或“否”",
        _ => return None,
    })
}
