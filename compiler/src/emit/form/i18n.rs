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
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::convert::Infallible;
use std::fmt::{self, Arguments};
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

/// The merged form's Chinese messages, collected (the runtime's tests read them this way).
///
/// Every key is made once: the top-level names are distinct (E0103, E0208), a field's keys
/// start with its own path, and a message written after a constraint is used where its
/// keyword's message is made, not inserted over it afterwards.
pub fn i18n_zh(form: &Form) -> FormMessages {
    let mut m = Collect(FormMessages::default());
    match messages(form, &mut m) {
        Ok(()) => m.0,
        Err(never) => match never {},
    }
}

/// `form.i18n.zh.json` as it is written: each message serialized as it is made, its key and
/// text formatted straight into the file, the same messages in the same order as [`i18n_zh`].
pub struct I18nZh<'a>(pub &'a Form);

impl Serialize for I18nZh<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = Stream {
            map: s.serialize_map(None)?,
            key: String::with_capacity(64),
            text: String::with_capacity(128),
        };
        messages(self.0, &mut m)?;
        m.map.end()
    }
}

/// Where the messages go, one `(key, text)` at a time, in the order they are made.
trait Put {
    type Error;
    fn put(&mut self, key: Arguments<'_>, text: Arguments<'_>) -> Result<(), Self::Error>;
}

/// Into a list.
struct Collect(FormMessages);

impl Put for Collect {
    type Error = Infallible;
    fn put(&mut self, key: Arguments<'_>, text: Arguments<'_>) -> Result<(), Infallible> {
        self.0 .0.push((key.to_string(), text.to_string()));
        Ok(())
    }
}

/// Into a JSON object being serialized. Key and text are formatted into two reused strings
/// first, so that each is escaped as one string: serialized as `Arguments`, every piece of the
/// format was escaped on its own through `core::fmt`, twice the cost per message.
struct Stream<M> {
    map: M,
    key: String,
    text: String,
}

impl<M: SerializeMap> Put for Stream<M> {
    type Error = M::Error;
    fn put(&mut self, key: Arguments<'_>, text: Arguments<'_>) -> Result<(), M::Error> {
        fill(&mut self.key, key);
        fill(&mut self.text, text);
        self.map
            .serialize_entry(self.key.as_str(), self.text.as_str())
    }
}

/// `buf` holding `args` alone; a format without arguments is copied as it is.
fn fill(buf: &mut String, args: Arguments<'_>) {
    buf.clear();
    match args.as_str() {
        Some(s) => buf.push_str(s),
        None => {
            // Writing into a `String` cannot fail.
            let _ = fmt::Write::write_fmt(buf, args);
        }
    }
}

fn messages<P: Put>(form: &Form, m: &mut P) -> Result<(), P::Error> {
    for q in &form.situations {
        let (id, question) = (&q.id, &q.question);
        m.put(format_args!("{id}.label"), format_args!("{question}"))?;
        m.put(
            format_args!("{id}.error.required"),
            format_args!("{question}：请选择"),
        )?;
        for kw in ["oneOf", "type", "const", "enum"] {
            m.put(
                format_args!("{id}.error.{kw}"),
                format_args!("{question}：请从选项中选择一项"),
            )?;
        }
    }
    for f in &form.shared {
        field(m, &f.id, &f.label, &f.ty, &f.bounds)?;
    }
    for it in form.items.iter().filter(|i| !i.locals.is_empty()) {
        let (id, name) = (&it.id, &it.name);
        m.put(format_args!("{id}.label"), format_args!("{name}"))?;
        locals(m, id, &it.locals)?;
    }
    for (kw, text) in FALLBACK {
        m.put(format_args!("error.{kw}"), format_args!("{text}"))?;
    }
    Ok(())
}

fn locals<P: Put>(m: &mut P, base: &str, fields: &[LocalField]) -> Result<(), P::Error> {
    let mut path = String::with_capacity(base.len() + 32);
    for f in fields {
        path.clear();
        path.push_str(base);
        path.push('.');
        path.push_str(&f.id);
        field(m, &path, &f.label, &f.ty, &f.bounds)?;
    }
    Ok(())
}

fn field<P: Put>(
    m: &mut P,
    path: &str,
    label: &str,
    ty: &Ty,
    bounds: &Bounds,
) -> Result<(), P::Error> {
    m.put(format_args!("{path}.label"), format_args!("{label}"))?;
    if let Some(h) = &bounds.help {
        m.put(format_args!("{path}.description"), format_args!("{h}"))?;
    }
    // The keywords said so far, so that a written message of another keyword is added after.
    let mut said: Vec<&str> = Vec::new();
    let mut say = |kw: &'static str, text: Arguments<'_>| {
        said.push(kw);
        let key = format_args!("{path}.error.{kw}");
        // A message written after a constraint replaces the one made from the type and bounds.
        match bounds.messages.get(kw) {
            Some(written) => m.put(key, format_args!("{label}：{written}")),
            None => m.put(key, format_args!("{label}：{text}")),
        }
    };
    let choice = matches!(ty, Ty::Choice { .. } | Ty::Scalar(Scalar::Bool));
    let required = if choice {
        "请选择"
    } else {
        "此项为必填项，请填写"
    };
    say("required", format_args!("{required}"))?;
    if let Some(b) = &bounds.max_length {
        say("maxLength", format_args!("不能超过{}个字", b.value))?;
    }
    if let Some(b) = &bounds.min_length {
        say("minLength", format_args!("至少填写{}个字", b.value))?;
    }
    if let Some(b) = &bounds.min {
        say("minimum", format_args!("不能小于{}", b.value))?;
    }
    if let Some(b) = &bounds.max {
        say("maximum", format_args!("不能大于{}", b.value))?;
    }
    if let Some(b) = &bounds.min_items {
        say("minItems", format_args!("至少填写{}项", b.value))?;
    }
    if let Some(b) = &bounds.max_items {
        say("maxItems", format_args!("最多填写{}项", b.value))?;
    }
    match ty {
        Ty::Scalar(s) => {
            if let Some(text) = pattern_text(*s, !bounds.patterns.is_empty()) {
                let text = bounds.message.as_deref().unwrap_or(text);
                say("pattern", format_args!("{text}"))?;
            }
            if let Some(text) = format_text(*s) {
                match &bounds.message {
                    Some(own) => say("format", format_args!("{own}"))?,
                    None => say("format", format_args!("{text}{}", Dates(&bounds.dates)))?,
                }
            }
            if let Some(text) = type_text(*s) {
                say("type", format_args!("{text}"))?;
            }
            if *s == Scalar::Money {
                say("multipleOf", format_args!("最多保留两位小数"))?;
            }
            if *s == Scalar::Bool {
                say("oneOf", format_args!("请选择“是”或“否”"))?;
            }
        }
        Ty::Choice { multi, .. } => {
            say("oneOf", format_args!("请从选项中选择"))?;
            if *multi {
                say("uniqueItems", format_args!("同一选项只能选一次"))?;
            }
        }
        Ty::List(fields) => locals(m, path, fields)?,
    }
    for (kw, text) in &bounds.messages {
        if !said.contains(&kw.as_str()) {
            m.put(
                format_args!("{path}.error.{kw}"),
                format_args!("{label}：{text}"),
            )?;
        }
    }
    Ok(())
}

/// The date bounds of a `format` message: `，不能早于2025-01-01`, `，不能晚于今天`.
struct Dates<'a>(&'a [crate::ir::form::DateBound]);

impl fmt::Display for Dates<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.0 {
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
            write!(f, "，{may}{day}")?;
        }
        Ok(())
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
