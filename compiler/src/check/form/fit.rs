//! Type fit: which constraints a field type takes, whether their values make sense, and defaults as JSON.

use super::diagnostics as d;
use super::memo::Memo;
use crate::diagnostics::Diagnostic;
use crate::files::Span;
use crate::resolve::{Constraint, ConstraintKind, FieldType, Literal, Scalar};
use serde_json::{Number, Value};

/// How a `pattern` reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternReading {
    /// A regular expression both the runtime and a browser accept.
    Valid,
    /// Not a regular expression at all (E0202), with the parser's message.
    Invalid(String),
    /// One a browser refuses (E0207): browsers (Ajv, RJSF, JSON Forms) compile patterns as
    /// `new RegExp(p, "u")`.
    NotEcmascript(String),
}

/// How `pattern` reads, compiled once per process: a pattern is read where it is declared,
/// again where its field is merged, and a dictionary field's in every matter that uses it.
pub fn read_pattern(pattern: &str) -> PatternReading {
    static READ: Memo<String, PatternReading> = Memo::new();
    READ.get_or(pattern, || {
        if let Err(e) = fancy_regex::Regex::new(pattern) {
            PatternReading::Invalid(e.to_string())
        } else if let Err(e) = regress::Regex::with_flags(pattern, "u") {
            PatternReading::NotEcmascript(e.text)
        } else {
            PatternReading::Valid
        }
    })
}

/// Checks every constraint of one declaration against the field's type.
///
/// `decl` is where the type is declared (for a binding, the shared declaration).
pub fn check(ty: &FieldType, constraints: &[Constraint], decl: Span, out: &mut Vec<Diagnostic>) {
    for c in constraints {
        if !fits(&c.kind, ty) {
            out.push(d::wrong_type(c, ty, decl, takes(ty)));
            continue;
        }
        match &c.kind {
            ConstraintKind::MinLength(n)
            | ConstraintKind::MaxLength(n)
            | ConstraintKind::MinItems(n)
            | ConstraintKind::MaxItems(n) => {
                if n.as_u32().is_none() {
                    out.push(d::not_whole(c.kind.keyword(), &n.text, c.span));
                }
            }
            ConstraintKind::Min(n) | ConstraintKind::Max(n) => {
                let whole = n.text.parse::<i64>().is_ok();
                if number(&n.text).is_none() || (ty.is(Scalar::Integer) && !whole) {
                    out.push(d::bad_bound(c.kind.keyword(), &n.text, ty.name(), c.span));
                }
            }
            ConstraintKind::Pattern(p) => match read_pattern(&p.value) {
                PatternReading::Valid => {}
                PatternReading::Invalid(e) => out.push(d::bad_pattern(&p.value, &e, p.span)),
                PatternReading::NotEcmascript(e) => {
                    out.push(d::pattern_not_ecmascript(&p.value, &e, p.span));
                }
            },
            ConstraintKind::Default(lit) => {
                if default_value(ty, lit).is_none() {
                    out.push(d::bad_default(lit, ty, decl));
                }
            }
            ConstraintKind::NotBefore(lit) | ConstraintKind::NotAfter(lit) => {
                if date_limit(lit).is_none() {
                    out.push(d::bad_date_limit(c.kind.keyword(), lit.span()));
                }
            }
            ConstraintKind::Required(_)
            | ConstraintKind::Help(_)
            | ConstraintKind::Placeholder(_)
            | ConstraintKind::Hint(_)
            | ConstraintKind::Message(_) => {}
        }
    }
}

/// Whether a constraint applies to a type at all.
pub fn fits(kind: &ConstraintKind, ty: &FieldType) -> bool {
    use Scalar as S;
    let scalar = match ty {
        FieldType::Scalar(s) => Some(*s),
        _ => None,
    };
    match kind {
        ConstraintKind::Required(_)
        | ConstraintKind::Help(_)
        | ConstraintKind::Placeholder(_)
        | ConstraintKind::Hint(_)
        | ConstraintKind::Message(_) => true,
        ConstraintKind::Min(_) | ConstraintKind::Max(_) => {
            matches!(scalar, Some(S::Integer | S::Decimal | S::Money))
        }
        ConstraintKind::MinLength(_) | ConstraintKind::MaxLength(_) => {
            matches!(scalar, Some(S::Text | S::Phone | S::Email))
        }
        ConstraintKind::Pattern(_) => matches!(
            scalar,
            Some(S::Text | S::Phone | S::Email | S::IdCard | S::Uscc | S::Region | S::Mobile)
        ),
        ConstraintKind::MinItems(_) | ConstraintKind::MaxItems(_) => {
            matches!(
                ty,
                FieldType::List(_) | FieldType::Choice { multi: true, .. }
            )
        }
        ConstraintKind::Default(_) => {
            !matches!(ty, FieldType::Scalar(S::File) | FieldType::List(_))
        }
        ConstraintKind::NotBefore(_) | ConstraintKind::NotAfter(_) => {
            matches!(scalar, Some(S::Date))
        }
    }
}

/// The value of a date bound: a real `YYYY-MM-DD` date, or `today` (`今天`), the day of
/// validation.
pub fn date_limit(lit: &Literal) -> Option<String> {
    match lit {
        Literal::Str(s) if is_date(&s.value) => Some(s.value.clone()),
        Literal::Ident(i) if i.name == "today" || i.name == "今天" => Some("today".into()),
        _ => None,
    }
}

/// The constraints a type takes, for help text.
pub fn takes(ty: &FieldType) -> Vec<&'static str> {
    let all = [
        ConstraintKind::Min(dummy()),
        ConstraintKind::Max(dummy()),
        ConstraintKind::MinLength(dummy()),
        ConstraintKind::MaxLength(dummy()),
        ConstraintKind::Pattern(crate::resolve::Text {
            value: String::new(),
            span: Span::default(),
        }),
        ConstraintKind::MinItems(dummy()),
        ConstraintKind::MaxItems(dummy()),
        ConstraintKind::Default(Literal::Bool(false, Span::default())),
        ConstraintKind::NotBefore(Literal::Bool(false, Span::default())),
        ConstraintKind::NotAfter(Literal::Bool(false, Span::default())),
    ];
    let mut out = vec!["required"];
    out.extend(
        all.iter()
            .filter(|k| fits(k, ty))
            .map(ConstraintKind::keyword),
    );
    out.extend(["help", "placeholder", "hint", "message"]);
    out
}

fn dummy() -> crate::resolve::Number {
    crate::resolve::Number {
        text: "0".into(),
        span: Span::default(),
    }
}

/// A number literal as an exact JSON number.
pub fn number(text: &str) -> Option<Number> {
    let n: Number = text.parse().ok()?;
    n.as_f64().filter(|f| f.is_finite()).map(|_| n)
}

/// A number's value for comparisons.
pub fn float(n: &Number) -> f64 {
    n.as_f64().unwrap_or(0.0)
}

/// The JSON value of a `default`, when it is a value of the type.
pub fn default_value(ty: &FieldType, lit: &Literal) -> Option<Value> {
    use FieldType as T;
    use Scalar as S;
    match (ty, lit) {
        (T::Scalar(S::Bool), Literal::Bool(b, _)) => Some(Value::Bool(*b)),
        (T::Scalar(S::Integer), Literal::Number(n)) => n.text.parse::<i64>().ok().map(Value::from),
        (T::Scalar(S::Decimal | S::Money), Literal::Number(n)) => {
            number(&n.text).map(Value::Number)
        }
        (T::Scalar(S::Date), Literal::Str(s)) => {
            is_date(&s.value).then(|| Value::String(s.value.clone()))
        }
        (T::Scalar(S::Datetime), Literal::Str(s)) => {
            let ok = s.value.len() > 11
                && is_date(s.value.get(..10).unwrap_or(""))
                && s.value.as_bytes().get(10) == Some(&b'T');
            ok.then(|| Value::String(s.value.clone()))
        }
        (
            T::Scalar(S::Text | S::Phone | S::Email | S::IdCard | S::Uscc | S::Region | S::Mobile),
            Literal::Str(s),
        ) => Some(Value::String(s.value.clone())),
        (T::Choice { multi, options }, Literal::Ident(i)) => option(options, &i.name, *multi),
        (T::Choice { multi, options }, Literal::Str(s)) => option(options, &s.value, *multi),
        _ => None,
    }
}

fn option(options: &[crate::resolve::ChoiceOption], id: &str, multi: bool) -> Option<Value> {
    let o = options.iter().find(|o| o.id == id)?;
    let v = Value::String(o.id.clone());
    Some(if multi { Value::Array(vec![v]) } else { v })
}

/// `YYYY-MM-DD` with a real month and day.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        s[..4].parse::<i32>(),
        s[5..7].parse::<u32>(),
        s[8..10].parse::<u32>(),
    ) else {
        return false;
    };
    yjs_artifacts::validators::CivilDate::new(y, m, d).is_valid()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2024-2-29"));
        assert!(!is_date("２０２４-02-29"));
    }

    #[test]
    fn length_fits_text_but_not_dates() {
        let k = ConstraintKind::MinLength(dummy());
        let t = |s| FieldType::Scalar(s);
        assert!(fits(&k, &t(Scalar::Text)));
        assert!(!fits(&k, &t(Scalar::Date)));
        assert!(!fits(&k, &t(Scalar::IdCard)));
        assert!(takes(&t(Scalar::Date)).contains(&"default"));
        assert!(!takes(&t(Scalar::Date)).contains(&"min"));
    }
}
