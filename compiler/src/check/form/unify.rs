//! Unification of one field's constraints over every declaration that contributes to it.
//!
//! Bounds take the tightest value on each side, every pattern is kept, help and placeholder come
//! from the first declaration that gives them (the `shared` block first), and defaults must agree.
//! A message written after a bound goes with the bound: the tightest declaration's is kept (a
//! looser bound's message would describe a limit the form does not have); the messages of
//! `required`, `pattern` and the date bounds are the first given.
//! An empty result is an error that names both colliding constraints and every other contributor.
//! The result is check's own: bounds whose provenance is a [`Provenance`] (the item and the
//! constraint's span); `lower::form` turns it into the IR's `file:line:col` text.

use super::diagnostics::{self as d, Side};
use super::{fit, satisfy};
use crate::diagnostics::{Diagnostic, Text};
use crate::files::{Files, Span};
use crate::resolve::{Constraint, ConstraintKind, FieldType, Item};
use crate::types::Scalar;
use la_arena::Idx;
use serde_json::{Number, Value};
use std::collections::BTreeMap;
use std::sync::Arc;
use yjs_artifacts::validators::pattern;

/// Who declared a group of constraints.
#[derive(Debug, Clone)]
pub struct Who {
    /// The item, when an item's form declared them.
    pub item: Option<Idx<Item>>,
    /// A readable description, e.g. "item `birth_cert` (wsjk)", in both languages; shared by
    /// every field of the item, so cloning a `Who` does not allocate.
    pub text: Arc<Text>,
    /// The declaration itself.
    pub span: Span,
}

/// Where a constraint was declared: the item whose form declared it (`None` for the `shared`
/// block or a dictionary) and the constraint itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Provenance {
    pub item: Option<Idx<Item>>,
    pub span: Span,
}

/// A numeric bound with the declaration that set it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    /// The value, exact as written.
    pub value: Number,
    /// The declaration that gave the tightest value.
    pub at: Provenance,
}

/// A `pattern` with where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub pattern: String,
    pub at: Provenance,
}

/// A date bound (`not_before` / `not_after`) with where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct DateBound {
    /// `true` for `not_before`, `false` for `not_after`.
    pub not_before: bool,
    /// `YYYY-MM-DD`, or `today`: the day of validation.
    pub value: String,
    pub at: Provenance,
}

/// The merged value constraints of one field (requiredness is a matter of conditions, left to
/// `lower`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bounds {
    pub min: Option<Bound>,
    pub max: Option<Bound>,
    pub min_length: Option<Bound>,
    pub max_length: Option<Bound>,
    pub min_items: Option<Bound>,
    pub max_items: Option<Bound>,
    /// Every pattern that must hold, in first-declared order.
    pub patterns: Vec<Pattern>,
    /// Every date bound that must hold, in first-declared order (a fixed date and `today`
    /// cannot be compared before the day of validation, so each is kept).
    pub dates: Vec<DateBound>,
    /// The default value, as JSON.
    pub default: Option<Value>,
    /// The first help text given.
    pub help: Option<String>,
    /// The first placeholder given.
    pub placeholder: Option<String>,
    /// The first `hint` given.
    pub hint: Option<String>,
    /// The first `message` given.
    pub message: Option<String>,
    /// The messages written after constraints (`max_length 15 message "…"`), by the JSON
    /// Schema keyword that checks the constraint: a bound's is the tightest bound's own, the
    /// others' the first given.
    pub messages: BTreeMap<&'static str, String>,
}

/// The unification of one field: its bounds and every constraint that contributed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Unified {
    pub bounds: Bounds,
    /// Every contributing constraint, in declaration order.
    pub sources: Vec<Provenance>,
}

/// A bound with where it was declared.
#[derive(Debug, Clone)]
struct Tight {
    value: Number,
    text: String,
    span: Span,
    who: usize,
    source: Provenance,
    /// The message written after the constraint that set it.
    message: Option<String>,
}

/// A constraint as written, for a diagnostic: by which contributor, where, and its value.
#[derive(Debug, Clone)]
struct Written {
    who: usize,
    span: Span,
    text: String,
}

/// Collects the constraints of one field over its contributors.
pub struct Unifier<'a> {
    files: &'a Files,
    field: &'a str,
    ty: &'a FieldType,
    whos: Vec<Who>,
    min: Option<Tight>,
    max: Option<Tight>,
    min_length: Option<Tight>,
    max_length: Option<Tight>,
    min_items: Option<Tight>,
    max_items: Option<Tight>,
    patterns: Vec<Pattern>,
    dates: Vec<DateBound>,
    /// Who wrote each of `patterns` and `dates`, where and how: what E0209 names.
    pattern_from: Vec<Written>,
    date_from: Vec<Written>,
    default: Option<(Value, String, Span, usize)>,
    help: Option<String>,
    placeholder: Option<String>,
    hint: Option<String>,
    message: Option<String>,
    /// The first message of each keyword other than a bound's.
    messages: BTreeMap<&'static str, String>,
    sources: Vec<Provenance>,
    diags: Vec<Diagnostic>,
}

impl<'a> Unifier<'a> {
    /// An empty unifier for a field of type `ty`.
    pub fn new(files: &'a Files, field: &'a str, ty: &'a FieldType) -> Self {
        Unifier {
            files,
            field,
            ty,
            whos: Vec::new(),
            min: None,
            max: None,
            min_length: None,
            max_length: None,
            min_items: None,
            max_items: None,
            patterns: Vec::new(),
            dates: Vec::new(),
            pattern_from: Vec::new(),
            date_from: Vec::new(),
            default: None,
            help: None,
            placeholder: None,
            hint: None,
            message: None,
            messages: BTreeMap::new(),
            sources: Vec::new(),
            diags: Vec::new(),
        }
    }

    /// Adds one contributor's constraints; those that do not fit the type were reported by `fit`
    /// and are skipped here.
    pub fn add(&mut self, who: Who, constraints: &[Constraint]) {
        let w = self.whos.len();
        for c in constraints {
            if !fit::fits(&c.kind, self.ty) {
                continue;
            }
            let source = Provenance {
                item: who.item,
                span: c.span,
            };
            let message = c.message.as_ref().map(|m| m.value.as_str());
            match &c.kind {
                ConstraintKind::Required(_) => self.first_message("required", message),
                ConstraintKind::Min(n) => {
                    tighten(&mut self.min, n, c.span, w, &source, true, message)
                }
                ConstraintKind::Max(n) => {
                    tighten(&mut self.max, n, c.span, w, &source, false, message)
                }
                ConstraintKind::MinLength(n) => {
                    tighten(&mut self.min_length, n, c.span, w, &source, true, message)
                }
                ConstraintKind::MaxLength(n) => {
                    tighten(&mut self.max_length, n, c.span, w, &source, false, message)
                }
                ConstraintKind::MinItems(n) => {
                    tighten(&mut self.min_items, n, c.span, w, &source, true, message)
                }
                ConstraintKind::MaxItems(n) => {
                    tighten(&mut self.max_items, n, c.span, w, &source, false, message)
                }
                ConstraintKind::Pattern(p) => {
                    self.first_message("pattern", message);
                    if !matches!(fit::read_pattern(&p.value), fit::PatternReading::Invalid(_))
                        && !self.patterns.iter().any(|x| x.pattern == p.value)
                    {
                        self.patterns.push(Pattern {
                            pattern: p.value.clone(),
                            at: source,
                        });
                        self.pattern_from.push(Written {
                            who: w,
                            span: c.span,
                            text: self.files.text(p.span).to_string(),
                        });
                    }
                }
                ConstraintKind::NotBefore(lit) | ConstraintKind::NotAfter(lit) => {
                    self.first_message("format", message);
                    let not_before = matches!(c.kind, ConstraintKind::NotBefore(_));
                    if let Some(value) = fit::date_limit(lit) {
                        if !self
                            .dates
                            .iter()
                            .any(|x| x.not_before == not_before && x.value == value)
                        {
                            self.dates.push(DateBound {
                                not_before,
                                value,
                                at: source,
                            });
                            self.date_from.push(Written {
                                who: w,
                                span: c.span,
                                text: self.files.text(lit.span()).trim().to_string(),
                            });
                        }
                    }
                }
                ConstraintKind::Default(lit) => {
                    let text = self.files.text(lit.span()).trim().to_string();
                    if let Some(v) = fit::default_value(self.ty, lit) {
                        match &self.default {
                            None => self.default = Some((v, text.clone(), c.span, w)),
                            Some((first, first_text, first_span, first_who)) if *first != v => {
                                let first_who = self.describe(*first_who);
                                let diag = d::conflicting_defaults(
                                    self.field,
                                    &Side {
                                        keyword: "default",
                                        value: first_text,
                                        span: *first_span,
                                        who: &first_who,
                                    },
                                    &Side {
                                        keyword: "default",
                                        value: &text,
                                        span: c.span,
                                        who: &who.text,
                                    },
                                );
                                self.diags.push(diag);
                            }
                            Some(_) => {}
                        }
                    }
                }
                ConstraintKind::Help(s) => {
                    self.help.get_or_insert_with(|| s.value.clone());
                }
                ConstraintKind::Placeholder(s) => {
                    self.placeholder.get_or_insert_with(|| s.value.clone());
                }
                ConstraintKind::Hint(s) => {
                    self.hint.get_or_insert_with(|| s.value.clone());
                }
                ConstraintKind::Message(s) => {
                    self.message.get_or_insert_with(|| s.value.clone());
                }
            }
            self.sources.push(source);
        }
        self.whos.push(who);
    }

    /// Keeps the first message given for a keyword other than a bound's.
    fn first_message(&mut self, keyword: &'static str, message: Option<&str>) {
        if let Some(m) = message {
            self.messages
                .entry(keyword)
                .or_insert_with(|| m.to_string());
        }
    }

    /// Finishes: the merged bounds with every source, and the collisions found.
    #[inline]
    pub fn finish(self) -> (Unified, Vec<Diagnostic>) {
        self.finish_with(true)
    }

    /// Finishes without judging: the merged bounds of a view whose collisions are reported
    /// with the field itself.
    #[inline]
    pub fn bounds(self) -> Bounds {
        self.finish_with(false).0.bounds
    }

    /// The collisions of the merged constraints: bounds that allow nothing (E0204), patterns
    /// no text satisfies (E0218), a default they refuse (E0209).
    fn judge(&self) -> Vec<Diagnostic> {
        let field = self.field;
        let mut diags = self.diags.clone();
        let pairs = [
            (&self.min, &self.max, "min", "max", "value"),
            (
                &self.min_length,
                &self.max_length,
                "min_length",
                "max_length",
                "length",
            ),
            (
                &self.min_items,
                &self.max_items,
                "min_items",
                "max_items",
                "number of entries",
            ),
        ];
        for (lo, hi, lo_kw, hi_kw, what) in pairs {
            let (Some(lo), Some(hi)) = (lo, hi) else {
                continue;
            };
            if fit::float(&lo.value) <= fit::float(&hi.value) {
                continue;
            }
            let others = self.others(lo.who, hi.who);
            let (lo_who, hi_who) = (self.describe(lo.who), self.describe(hi.who));
            diags.push(d::empty_range(
                field,
                what,
                &Side {
                    keyword: lo_kw,
                    value: &lo.text,
                    span: lo.span,
                    who: &lo_who,
                },
                &Side {
                    keyword: hi_kw,
                    value: &hi.text,
                    span: hi.span,
                    who: &hi_who,
                },
                &others,
            ));
        }
        let lengths_collide = diags.len() > self.diags.len();
        if !lengths_collide {
            diags.extend(self.no_text());
        }
        diags.extend(self.no_date());
        diags.extend(self.too_few_options());
        if let Some((value, text, span, who)) = &self.default {
            let default_who = self.describe(*who);
            for (keyword, bound) in self.refusing(value) {
                let bound_who = self.describe(bound.who);
                diags.push(d::default_refused(
                    field,
                    &Side {
                        keyword: "default",
                        value: text,
                        span: *span,
                        who: &default_who,
                    },
                    &Side {
                        keyword,
                        value: &bound.text,
                        span: bound.span,
                        who: &bound_who,
                    },
                ));
            }
        }
        diags
    }

    /// The merged bounds, moved out of the unifier, and the collisions when `judge`.
    fn finish_with(self, judge: bool) -> (Unified, Vec<Diagnostic>) {
        let diags = if judge { self.judge() } else { Vec::new() };
        let mut messages = self.messages;
        let tights = [
            (&self.min, "minimum"),
            (&self.max, "maximum"),
            (&self.min_length, "minLength"),
            (&self.max_length, "maxLength"),
            (&self.min_items, "minItems"),
            (&self.max_items, "maxItems"),
        ];
        for (t, keyword) in tights {
            if let Some(m) = t.as_ref().and_then(|t| t.message.clone()) {
                messages.insert(keyword, m);
            }
        }
        let bound = |t: &Option<Tight>| {
            t.as_ref().map(|t| Bound {
                value: t.value.clone(),
                at: t.source,
            })
        };
        let bounds = Bounds {
            min: bound(&self.min),
            max: bound(&self.max),
            min_length: bound(&self.min_length),
            max_length: bound(&self.max_length),
            min_items: bound(&self.min_items),
            max_items: bound(&self.max_items),
            patterns: self.patterns,
            dates: self.dates,
            default: self.default.map(|(v, ..)| v),
            help: self.help,
            placeholder: self.placeholder,
            hint: self.hint,
            message: self.message,
            messages,
        };
        (
            Unified {
                bounds,
                sources: self.sources,
            },
            diags,
        )
    }

    /// The merged constraints that refuse `value`, the field's default, each with its
    /// keyword: a bound it falls outside, a pattern it does not match (ECMAScript, as the
    /// browser and the runtime read it), a fixed date it is before or after (`today` moves, so
    /// it is not judged here).
    fn refusing(&self, value: &Value) -> Vec<(&'static str, Written)> {
        let mut out = Vec::new();
        let written = |t: &Tight| Written {
            who: t.who,
            span: t.span,
            text: t.text.clone(),
        };
        let number = value.as_f64();
        let length = value.as_str().map(|s| s.chars().count() as f64);
        let entries = value.as_array().map(|a| a.len() as f64);
        let bounds = [
            (&self.min, "min", number, true),
            (&self.max, "max", number, false),
            (&self.min_length, "min_length", length, true),
            (&self.max_length, "max_length", length, false),
            (&self.min_items, "min_items", entries, true),
            (&self.max_items, "max_items", entries, false),
        ];
        for (bound, keyword, actual, lower) in bounds {
            let (Some(t), Some(actual)) = (bound, actual) else {
                continue;
            };
            let limit = fit::float(&t.value);
            if (lower && actual < limit) || (!lower && actual > limit) {
                out.push((keyword, written(t)));
            }
        }
        let Some(text) = value.as_str() else {
            return out;
        };
        for (p, from) in self.patterns.iter().zip(&self.pattern_from) {
            let matches = regress::Regex::with_flags(&p.pattern, "u")
                .map(|re| re.find(text).is_some())
                // A pattern the browser refuses is E0207's; it judges no default.
                .unwrap_or(true);
            if !matches {
                out.push(("pattern", from.clone()));
            }
        }
        let day = text.get(..10).unwrap_or(text);
        for (date, from) in self.dates.iter().zip(&self.date_from) {
            if date.value == "today" {
                continue;
            }
            if date.not_before && day < date.value.as_str() {
                out.push(("not_before", from.clone()));
            } else if !date.not_before && day > date.value.as_str() {
                out.push(("not_after", from.clone()));
            }
        }
        out
    }

    /// E0218: no text satisfies the field's patterns (its type's included) within its length
    /// bounds. Asked only when the field has a pattern of its own; the smallest cause is named:
    /// one pattern, a pattern against the type's, two patterns, a pattern against the length
    /// bounds, else all of them.
    fn no_text(&self) -> Option<Diagnostic> {
        let own: Vec<(&str, &Written)> = self
            .patterns
            .iter()
            .zip(&self.pattern_from)
            .filter(|(p, _)| fit::read_pattern(&p.pattern) == fit::PatternReading::Valid)
            .map(|(p, w)| (p.pattern.as_str(), w))
            .collect();
        let typed = match self.ty {
            FieldType::Scalar(Scalar::Text | Scalar::File) => Some(pattern::NOT_BLANK),
            FieldType::Scalar(s) => pattern::ALL
                .iter()
                .find(|(name, _)| *name == s.name())
                .map(|(_, p)| *p),
            _ => None,
        };
        // A type's own pattern (an `id_card`'s 18 characters) against a length bound.
        let implied = typed.filter(|t| *t != pattern::NOT_BLANK);
        let lengths = self.min_length.is_some() || self.max_length.is_some();
        if own.is_empty() && !(implied.is_some() && lengths) {
            return None;
        }
        let length = |t: &Option<Tight>| t.as_ref().and_then(|t| t.value.as_u64());
        let (min, max) = (
            length(&self.min_length).unwrap_or(0),
            length(&self.max_length),
        );
        let none = |ps: &[&str], min: u64, max: Option<u64>| {
            satisfy::satisfiable(ps, min, max) == Some(false)
        };
        let all: Vec<&str> = typed
            .into_iter()
            .chain(own.iter().map(|(p, _)| *p))
            .collect();
        // When the whole cannot be told (a pattern too large to walk), a part may still be.
        let whole = satisfy::satisfiable(&all, min, max);
        if whole == Some(true) {
            return None;
        }
        let said = |keyword: &'static str, w: &Written| d::Said {
            keyword,
            text: w.text.clone(),
            span: w.span,
            who: self.describe(w.who),
        };
        if let Some((_, w)) = own.iter().find(|(p, _)| none(&[p], 0, None)) {
            return Some(d::no_text(self.field, d::NoText::Alone(said("pattern", w))));
        }
        let decl = self.whos.first().map(|w| w.span);
        // Text's own `\S` counts here too: a pattern of blanks alone refuses every text.
        let typed_at = typed.zip(decl).map(|(implied, decl)| d::Implied {
            ty: self.ty.name(),
            pattern: implied,
            decl,
        });
        if let Some(t) = &typed_at {
            if let Some((_, w)) = own.iter().find(|(p, _)| none(&[t.pattern, p], 0, None)) {
                let why = d::NoText::Type(t.clone(), said("pattern", w));
                return Some(d::no_text(self.field, why));
            }
        }
        for (i, (a, wa)) in own.iter().enumerate() {
            if let Some((_, wb)) = own[i + 1..].iter().find(|(b, _)| none(&[a, b], 0, None)) {
                let why = d::NoText::Pair(said("pattern", wa), said("pattern", wb));
                return Some(d::no_text(self.field, why));
            }
        }
        let (implied, patterns) = match own.iter().find(|(p, _)| none(&[p], min, max)) {
            _ if implied.is_some_and(|t| none(&[t], min, max)) => (typed_at, Vec::new()),
            Some((_, w)) => (None, vec![said("pattern", w)]),
            None if whole == Some(false) => {
                // The type's pattern is named only when the field's own do not collide alone.
                let own_only: Vec<&str> = own.iter().map(|(p, _)| *p).collect();
                let implied = typed_at.filter(|_| !none(&own_only, min, max));
                let patterns = own.iter().map(|(_, w)| said("pattern", w)).collect();
                (implied, patterns)
            }
            None => return None,
        };
        let kind = match (patterns.is_empty(), lengths) {
            (true, _) => d::Together::TypeLengths,
            (false, false) => d::Together::Patterns,
            (false, true) => d::Together::Lengths,
        };
        let bounds = [
            (&self.min_length, "min_length"),
            (&self.max_length, "max_length"),
        ]
        .into_iter()
        .filter_map(|(t, keyword)| {
            t.as_ref().map(|t| d::Said {
                keyword,
                text: t.text.clone(),
                span: t.span,
                who: self.describe(t.who),
            })
        });
        // Never empty: a pattern, or the type's pattern against a bound.
        let mut said = patterns.into_iter().chain(bounds);
        let first = said.next()?;
        let why = d::NoText::Together {
            kind,
            implied,
            first,
            rest: said.collect(),
        };
        Some(d::no_text(self.field, why))
    }

    /// E0204 for dates: the latest fixed `not_before` is after the earliest fixed `not_after`,
    /// so no date is accepted. `today` moves with the day of filling, and a diagnostic must
    /// not depend on the day `yjs check` runs, so it is not judged here.
    fn no_date(&self) -> Option<Diagnostic> {
        let fixed = |not_before: bool| {
            self.dates
                .iter()
                .zip(&self.date_from)
                .filter(move |(d, _)| d.not_before == not_before && d.value != "today")
        };
        let (lo, lo_from) = fixed(true).max_by(|a, b| a.0.value.cmp(&b.0.value))?;
        let (hi, hi_from) = fixed(false).min_by(|a, b| a.0.value.cmp(&b.0.value))?;
        if lo.value <= hi.value {
            return None;
        }
        let others = self.others(lo_from.who, hi_from.who);
        let (lo_who, hi_who) = (self.describe(lo_from.who), self.describe(hi_from.who));
        Some(d::empty_range(
            self.field,
            "date",
            &Side {
                keyword: "not_before",
                value: &lo_from.text,
                span: lo_from.span,
                who: &lo_who,
            },
            &Side {
                keyword: "not_after",
                value: &hi_from.text,
                span: hi_from.span,
                who: &hi_who,
            },
            &others,
        ))
    }

    /// E0204 for a `multi_choice`: each option is chosen at most once (`uniqueItems`), so a
    /// `min_items` above the number of options admits no answer.
    fn too_few_options(&self) -> Option<Diagnostic> {
        let FieldType::Choice {
            multi: true,
            options,
        } = self.ty
        else {
            return None;
        };
        let min = self.min_items.as_ref()?;
        if fit::float(&min.value) <= options.len() as f64 {
            return None;
        }
        let decl = self.whos.first()?.span;
        let who = self.describe(min.who);
        Some(d::too_few_options(
            self.field,
            options.len(),
            &Side {
                keyword: "min_items",
                value: &min.text,
                span: min.span,
                who: &who,
            },
            decl,
        ))
    }

    /// Every contributor but `a` and `b`, for the "also contributes" labels of E0204.
    fn others(&self, a: usize, b: usize) -> Vec<(Span, Text)> {
        self.whos
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != a && *i != b)
            .map(|(_, w)| (w.span, Text::clone(&w.text)))
            .collect()
    }

    fn describe(&self, who: usize) -> Text {
        self.whos
            .get(who)
            .map_or_else(|| Text::raw(""), |w| Text::clone(&w.text))
    }
}

fn tighten(
    slot: &mut Option<Tight>,
    n: &crate::resolve::Number,
    span: Span,
    who: usize,
    source: &Provenance,
    lower: bool,
    message: Option<&str>,
) {
    let Some(value) = fit::number(&n.text) else {
        return;
    };
    let v = fit::float(&value);
    let better = match slot {
        None => true,
        Some(t) if lower => v > fit::float(&t.value),
        Some(t) => v < fit::float(&t.value),
    };
    // An equal bound written later lends its message to the first when that has none.
    if let Some(t) = slot
        .as_mut()
        .filter(|t| !better && fit::float(&t.value) == v)
    {
        if t.message.is_none() {
            t.message = message.map(str::to_string);
        }
    }
    if better {
        *slot = Some(Tight {
            value,
            text: n.text.clone(),
            span,
            who,
            source: *source,
            message: message.map(str::to_string),
        });
    }
}
