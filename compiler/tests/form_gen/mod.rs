//! Submission generator for the form property test, driven by the merged-form IR.
//!
//! For one scenario (an answer to every situation) it builds a complete valid submission: every
//! shared field and every applicable item's local fields present, lists with their minimum of
//! complete entries. It also lists the *sites* of that submission (every field pointer, list
//! entries' fields included), each with values that break one constraint it has. Violations
//! come from every declaration of the field: the merged bounds and each department's effective
//! bounds, so a bound the unifier lost still gets a value that breaks it.

use serde_json::{json, Map, Number, Value};
use yjs_artifacts::{Answer, Answers};
use yjs_compiler::ir::form::{Bound, Bounds, Form, LocalField, Question, Scalar, Ty};

/// Known-valid vectors for the domain types.
pub const ID_CARD: &str = "11010519491231002X";
pub const USCC: &str = "91512081MA62K0260E";
pub const REGION: &str = "110105";
pub const MOBILE: &str = "13800138000";
pub const PHONE: &str = "010-62345678";
pub const EMAIL: &str = "a@example.com";
pub const DATE: &str = "2024-05-06";
pub const DATETIME: &str = "2024-05-06T08:30:00+08:00";

/// One place of a submission that holds a field's value.
#[derive(Debug, Clone)]
pub struct Site {
    pub pointer: String,
    /// Values that each break at least one constraint of the field, with the applicable items
    /// whose own declaration they break (empty when only the merged bounds are broken).
    pub bad: Vec<(Value, Vec<String>)>,
    /// The applicable items that require the field in this scenario (for a list entry's field:
    /// given that the entry is there).
    pub required_by: Vec<String>,
}

/// One declaration of a field: the merged one (`item: None`) or an applicable item's.
#[derive(Clone, Copy)]
struct Decl<'a> {
    ty: &'a Ty,
    bounds: &'a Bounds,
    item: Option<&'a str>,
    required: bool,
}

/// The answers of a scenario: `picks[i]` chooses the answer of situation `i` (modulo its options).
pub fn answers(form: &Form, picks: &[usize]) -> (Answers, Map<String, Value>) {
    let mut answers = Answers::new();
    let mut doc = Map::new();
    for (i, q) in form.situations.iter().enumerate() {
        let pick = picks.get(i).copied().unwrap_or(0);
        let (a, v) = answer(q, pick);
        answers.insert(q.id.clone(), a);
        doc.insert(q.id.clone(), v);
    }
    (answers, doc)
}

fn answer(q: &Question, pick: usize) -> (Answer, Value) {
    if q.multi {
        // `pick` is a bit mask over the options, as the compiler enumerates a multi-select answer.
        let ids: Vec<String> = q
            .options
            .iter()
            .enumerate()
            .filter(|(k, _)| (pick >> k) & 1 == 1)
            .map(|(_, o)| o.id.clone())
            .collect();
        let v = json!(ids);
        (Answer::Options(ids), v)
    } else if q.is_bool {
        let b = pick.is_multiple_of(2);
        (Answer::Bool(b), json!(b))
    } else {
        let o = &q.options[pick % q.options.len()].id;
        (Answer::Option(o.clone()), json!(o))
    }
}

/// The number of answers a situation has.
pub fn arity(q: &Question) -> usize {
    if q.multi {
        1 << q.options.len().min(16)
    } else if q.is_bool {
        2
    } else {
        q.options.len()
    }
}

/// Every applicable item's declaration of the field at `pointer`.
fn views<'a>(form: &'a Form, answers: &Answers, pointer: &str) -> Vec<Decl<'a>> {
    form.items
        .iter()
        .filter(|it| it.applies.eval(answers))
        .flat_map(|it| {
            it.view
                .iter()
                .filter(|v| v.pointer == pointer && v.applies.eval(answers))
                .map(move |v| Decl {
                    ty: &v.ty,
                    bounds: &v.effective,
                    item: Some(it.id.as_str()),
                    required: v.required.as_ref().is_some_and(|c| c.eval(answers)),
                })
        })
        .collect()
}

/// The complete valid submission of a scenario, and its sites.
pub fn base(form: &Form, answers: &Answers, situations: Map<String, Value>) -> (Value, Vec<Site>) {
    let mut doc = situations;
    let mut sites = Vec::new();
    for f in &form.shared {
        // A shared field none of whose items applies is not part of the submission.
        if !f.applies.eval(answers) {
            continue;
        }
        let pointer = format!("/{}", f.id);
        let mut decls = vec![Decl {
            ty: &f.ty,
            bounds: &f.bounds,
            item: None,
            required: false,
        }];
        decls.extend(views(form, answers, &pointer));
        doc.insert(f.id.clone(), value(&f.ty, &f.bounds));
        collect_sites(&pointer, &decls, answers, &mut sites);
    }
    for it in form.items.iter().filter(|i| !i.locals.is_empty()) {
        if !it.applies.eval(answers) {
            continue;
        }
        let mut obj = Map::new();
        // A field with its own `when` is part of the submission only where that holds.
        for f in it.locals.iter().filter(|f| f.applies.eval(answers)) {
            let pointer = format!("/{}/{}", it.id, f.id);
            let mut decls = vec![Decl {
                ty: &f.ty,
                bounds: &f.bounds,
                item: None,
                required: false,
            }];
            decls.extend(views(form, answers, &pointer));
            obj.insert(f.id.clone(), value(&f.ty, &f.bounds));
            collect_sites(&pointer, &decls, answers, &mut sites);
        }
        doc.insert(it.id.clone(), Value::Object(obj));
    }
    (Value::Object(doc), sites)
}

/// The site at `pointer` and, for a list, the sites of its first entry's fields.
fn collect_sites(pointer: &str, decls: &[Decl], answers: &Answers, sites: &mut Vec<Site>) {
    let mut bad: Vec<(Value, Vec<String>)> = Vec::new();
    for d in decls {
        for v in violations(d.ty, d.bounds) {
            let i = match bad.iter().position(|(b, _)| *b == v) {
                Some(i) => i,
                None => {
                    bad.push((v, Vec::new()));
                    bad.len() - 1
                }
            };
            if let Some(item) = d.item {
                if !bad[i].1.iter().any(|x| x == item) {
                    bad[i].1.push(item.to_string());
                }
            }
        }
    }
    let mut required_by: Vec<String> = Vec::new();
    for d in decls.iter().filter(|d| d.required) {
        if let Some(item) = d.item.filter(|i| !required_by.iter().any(|x| x == i)) {
            required_by.push(item.to_string());
        }
    }
    sites.push(Site {
        pointer: pointer.to_string(),
        bad,
        required_by,
    });
    let Some(Decl {
        ty: Ty::List(fields),
        ..
    }) = decls.first()
    else {
        return;
    };
    for sub in fields {
        let inner: Vec<Decl> = decls
            .iter()
            .filter_map(|d| match d.ty {
                Ty::List(fields) => fields.iter().find(|f| f.id == sub.id).map(|f| Decl {
                    ty: &f.ty,
                    bounds: &f.bounds,
                    item: d.item,
                    required: d.item.is_some()
                        && f.required.as_ref().is_some_and(|c| c.eval(answers)),
                }),
                _ => None,
            })
            .collect();
        collect_sites(&format!("{pointer}/0/{}", sub.id), &inner, answers, sites);
    }
}

fn num(b: &Option<Box<Bound>>) -> Option<f64> {
    b.as_ref().and_then(|b| b.value.as_f64())
}

fn count(b: &Option<Box<Bound>>) -> Option<usize> {
    b.as_ref()
        .and_then(|b| b.value.as_u64())
        .map(|n| n as usize)
}

fn float(x: f64) -> Value {
    Value::Number(Number::from_f64(x).expect("finite"))
}

/// A valid value of the type under the bounds.
pub fn value(ty: &Ty, bounds: &Bounds) -> Value {
    let (lo, hi) = (num(&bounds.min), num(&bounds.max));
    let pick = |default: f64| match (lo, hi) {
        (Some(l), Some(h)) => {
            assert!(l <= h, "empty range [{l}, {h}]");
            l
        }
        (Some(l), None) => l,
        (None, Some(h)) => h.min(default),
        (None, None) => default,
    };
    match ty {
        Ty::Scalar(Scalar::Text) | Ty::Scalar(Scalar::File) => text(bounds),
        Ty::Scalar(Scalar::Integer) => {
            let lo = lo.map(f64::ceil);
            let v = match (lo, hi.map(f64::floor)) {
                (Some(l), Some(h)) => {
                    assert!(l <= h, "no integer in [{l}, {h}]");
                    l
                }
                (Some(l), None) => l,
                (None, Some(h)) => h.min(1.0),
                (None, None) => 1.0,
            };
            json!(v as i64)
        }
        Ty::Scalar(Scalar::Decimal) => float(pick(1.5)),
        Ty::Scalar(Scalar::Money) => float((pick(100.0) * 100.0).ceil() / 100.0),
        Ty::Scalar(Scalar::Date) => json!(DATE),
        Ty::Scalar(Scalar::Datetime) => json!(DATETIME),
        Ty::Scalar(Scalar::Bool) => json!(true),
        Ty::Scalar(Scalar::IdCard) => json!(ID_CARD),
        Ty::Scalar(Scalar::Uscc) => json!(USCC),
        Ty::Scalar(Scalar::Region) => json!(REGION),
        Ty::Scalar(Scalar::Mobile) => json!(MOBILE),
        Ty::Scalar(Scalar::Phone) => json!(PHONE),
        Ty::Scalar(Scalar::Email) => json!(EMAIL),
        Ty::Choice {
            multi: false,
            options,
        } => json!(options[0].id),
        Ty::Choice {
            multi: true,
            options,
        } => {
            let n = count(&bounds.min_items).unwrap_or(1).max(1);
            assert!(n <= options.len(), "min_items {n} above the option count");
            Value::Array(options[..n].iter().map(|o| json!(o.id)).collect())
        }
        Ty::List(fields) => {
            let n = count(&bounds.min_items).unwrap_or(1).max(1);
            Value::Array((0..n).map(|_| entry(fields)).collect())
        }
    }
}

/// A complete valid list entry.
fn entry(fields: &[LocalField]) -> Value {
    Value::Object(
        fields
            .iter()
            .map(|f| (f.id.clone(), value(&f.ty, &f.bounds)))
            .collect(),
    )
}

/// Whether `s` matches every pattern of the bounds.
fn matches_all(s: &str, bounds: &Bounds) -> bool {
    bounds.patterns.iter().all(|p| matches(s, &p.pattern))
}

fn matches(s: &str, pattern: &str) -> bool {
    let schema = json!({ "type": "string", "pattern": pattern });
    jsonschema::draft7::new(&schema)
        .unwrap_or_else(|e| panic!("pattern `{pattern}` does not compile: {e}"))
        .is_valid(&json!(s))
}

/// The alphabets tried, in order, to build strings of a given length.
const ALPHABETS: [&str; 5] = ["名", "1", "a", "A", "a1"];

/// Strings of exactly `n` characters, one per alphabet.
fn strings(n: usize) -> impl Iterator<Item = String> {
    ALPHABETS
        .iter()
        .map(move |a| a.chars().cycle().take(n).collect())
}

/// A valid text: the shortest allowed non-empty length, matching every pattern.
fn text(bounds: &Bounds) -> Value {
    let min = count(&bounds.min_length).unwrap_or(0).max(1);
    let max = count(&bounds.max_length).unwrap_or(min.max(4)).max(min);
    let n = min.max(2).min(max);
    strings(n)
        .find(|s| matches_all(s, bounds))
        .map(Value::String)
        .unwrap_or_else(|| panic!("no generated string of length {n} fits {bounds:?}"))
}

/// A string of `n` characters that matches the patterns if one can, for length violations.
fn text_of(n: usize, bounds: &Bounds) -> String {
    strings(n)
        .find(|s| matches_all(s, bounds))
        .unwrap_or_else(|| "名".repeat(n))
}

/// Values of a (non-list-entry) field that each break one constraint of `ty` and `bounds`.
pub fn violations(ty: &Ty, bounds: &Bounds) -> Vec<Value> {
    let mut out = vec![Value::Null];
    let length = |out: &mut Vec<Value>| {
        if let Some(max) = count(&bounds.max_length) {
            out.push(json!(text_of(max + 1, bounds)));
        }
        if let Some(min) = count(&bounds.min_length).filter(|m| *m > 0) {
            out.push(json!(text_of(min - 1, bounds)));
        }
    };
    let numeric = |out: &mut Vec<Value>, integer: bool| {
        let n = |x: f64| if integer { json!(x as i64) } else { float(x) };
        if let Some(min) = num(&bounds.min) {
            out.push(n(if integer { min.ceil() - 1.0 } else { min - 1.0 }));
        }
        if let Some(max) = num(&bounds.max) {
            out.push(n(if integer {
                max.floor() + 1.0
            } else {
                max + 1.0
            }));
        }
        out.push(json!("1"));
    };
    match ty {
        Ty::Scalar(Scalar::Text) | Ty::Scalar(Scalar::File) => {
            out.push(json!(12345));
            length(&mut out);
            let (lo, hi) = (
                count(&bounds.min_length).unwrap_or(0).max(1),
                count(&bounds.max_length).unwrap_or(usize::MAX),
            );
            for p in &bounds.patterns {
                let off = (lo..=hi.min(lo + 8))
                    .flat_map(strings)
                    .chain(["-", "x y"].map(String::from))
                    .find(|s| !matches(s, &p.pattern));
                if let Some(s) = off {
                    out.push(json!(s));
                }
            }
        }
        Ty::Scalar(Scalar::Integer) => {
            numeric(&mut out, true);
            out.push(json!(1.5));
        }
        Ty::Scalar(Scalar::Decimal) => numeric(&mut out, false),
        Ty::Scalar(Scalar::Money) => {
            numeric(&mut out, false);
            let v = value(ty, bounds).as_f64().unwrap_or(0.0);
            out.push(float(v + 0.001));
        }
        Ty::Scalar(Scalar::Date) => out.extend([json!(20240506), json!("2024-13-45")]),
        Ty::Scalar(Scalar::Datetime) => out.extend([json!(1), json!("yesterday")]),
        Ty::Scalar(Scalar::Bool) => out.extend([json!("yes"), json!(1)]),
        Ty::Scalar(Scalar::IdCard) => {
            out.extend([json!("123"), json!("11010519491231002x"), json!(1)])
        }
        Ty::Scalar(Scalar::Uscc) => {
            out.extend([json!("91512081MA62K0260I"), json!("9151208"), json!(1)])
        }
        Ty::Scalar(Scalar::Region) => {
            out.extend([json!("000000"), json!("1101050"), json!(110105)])
        }
        Ty::Scalar(Scalar::Mobile) => {
            out.extend([json!("12345678901"), json!("1380013800"), json!(1)])
        }
        Ty::Scalar(Scalar::Phone) => out.extend([json!("12-345"), json!("62345678a"), json!(1)]),
        Ty::Scalar(Scalar::Email) => out.extend([json!("not-an-email"), json!("a@"), json!(1)]),
        Ty::Choice {
            multi: false,
            options,
        } => {
            out.extend([json!("__unknown__"), json!(""), json!(1)]);
            if let Some(o) = options.first() {
                out.push(json!([o.id]));
            }
        }
        Ty::Choice {
            multi: true,
            options,
        } => {
            out.extend([json!("__unknown__"), json!(["__unknown__"])]);
            if let Some(o) = options.first() {
                out.push(json!([o.id, o.id]));
                out.push(json!(o.id));
            }
            if let Some(min) = count(&bounds.min_items).filter(|m| *m > 0) {
                let n = (min - 1).min(options.len());
                out.push(Value::Array(
                    options[..n].iter().map(|o| json!(o.id)).collect(),
                ));
            }
            if let Some(max) = count(&bounds.max_items) {
                let mut v: Vec<Value> = options.iter().map(|o| json!(o.id)).collect();
                if v.len() > max {
                    v.truncate(max + 1);
                    out.push(Value::Array(v));
                }
            }
        }
        Ty::List(fields) => {
            out.push(json!("x"));
            out.push(json!([1]));
            let mut extra = entry(fields);
            if let Value::Object(m) = &mut extra {
                m.insert("__extra__".into(), json!(1));
            }
            out.push(json!([extra]));
            if let Some(min) = count(&bounds.min_items).filter(|m| *m > 0) {
                out.push(Value::Array((1..min).map(|_| entry(fields)).collect()));
            }
            if let Some(max) = count(&bounds.max_items) {
                out.push(Value::Array((0..=max).map(|_| entry(fields)).collect()));
            }
        }
    }
    out
}

/// Sets (`Some`) or removes (`None`) the value at `pointer`; a no-op when its parent is gone.
pub fn set(doc: &mut Value, pointer: &str, v: Option<Value>) {
    let Some((parent, last)) = pointer.rsplit_once('/') else {
        return;
    };
    match doc.pointer_mut(parent) {
        Some(Value::Object(obj)) => match v {
            Some(v) => {
                obj.insert(last.to_string(), v);
            }
            None => {
                obj.remove(last);
            }
        },
        Some(Value::Array(arr)) => {
            if let Ok(i) = last.parse::<usize>() {
                match v {
                    Some(v) if i < arr.len() => arr[i] = v,
                    None if i < arr.len() => {
                        arr.remove(i);
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
}
