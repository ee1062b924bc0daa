//! JSON Schema (draft-07) for one field: its type and its constraints, in standard keywords only.
//!
//! Identifiers whose check digits JSON Schema cannot express get a custom `format` (`id-card`,
//! `uscc`, `region-code`, implemented by the build's `formats.mjs`) next to their `pattern`, so a
//! validator that does not know the format still applies the pattern. Text must contain a
//! character that is not blank (`pattern: "\\S"`); yes/no fields list 是/否 as `oneOf` titles.
//!
//! Every schema here is written straight to the serializer from the IR (`Serialize` impls that
//! borrow it), never built as a `serde_json::Value`: a value tree per field, its keys hashed,
//! was most of the cost of emitting a large form (`spec/scale.md`).

use super::json::Seq;
use crate::ir::form::{Bound, Bounds, ChoiceOption, LocalField, Scalar, Ty};
use serde::ser::{Serialize, SerializeMap, Serializer};
use yjs_artifacts::validators::pattern;

/// The pattern every text value matches: at least one character that is not blank.
pub use yjs_artifacts::validators::pattern::NOT_BLANK;

/// The custom formats of the identifiers, by field type: `(type, format)`.
pub const FORMATS: [(Scalar, &str); 3] = [
    (Scalar::IdCard, "id-card"),
    (Scalar::Uscc, "uscc"),
    (Scalar::Region, "region-code"),
];

/// The schema of one field: `title`, `description`, the type's keywords, then the constraints.
#[derive(Clone, Copy)]
pub struct FieldSchema<'a> {
    pub label: &'a str,
    pub ty: &'a Ty,
    pub bounds: &'a Bounds,
    /// In a department's packet schema (`projections.json`): a list entry's field required
    /// only in some situations says so in `x-yjs-required-when`, as the packet's own fields do
    /// (the merged form says it with `if`/`then` instead, in standard keywords only).
    pub packet: bool,
}

impl<'a> FieldSchema<'a> {
    /// The schema of a field with its label, type and bounds.
    pub fn new(label: &'a str, ty: &'a Ty, bounds: &'a Bounds) -> Self {
        FieldSchema {
            label,
            ty,
            bounds,
            packet: false,
        }
    }

    /// The same schema as written in a department's packet schema.
    pub fn in_packet(self) -> Self {
        FieldSchema {
            packet: true,
            ..self
        }
    }

    /// Writes the schema's entries into an object being serialized, so a caller can add its own.
    pub fn entries<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        m.serialize_entry("title", self.label)?;
        if let Some(h) = &self.bounds.help {
            m.serialize_entry("description", h)?;
        }
        let has_pattern = type_keywords(self.ty, self.packet, m)?;
        keywords(self.bounds, has_pattern, m)
    }
}

impl Serialize for FieldSchema<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.entries(&mut m)?;
        m.end()
    }
}

/// The JSON Schema keywords for a field's value constraints alone (no title, no type): the
/// `constraints` of a projected field.
pub struct Keywords<'a>(pub &'a Bounds);

impl Serialize for Keywords<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        keywords(self.0, false, &mut m)?;
        m.end()
    }
}

/// One extra `pattern` or `format` of the `allOf` that follows the first pattern.
enum Extra<'a> {
    Pattern(&'a str),
    Format(String),
}

impl Serialize for Extra<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        match self {
            Extra::Pattern(p) => m.serialize_entry("pattern", p)?,
            Extra::Format(f) => m.serialize_entry("format", f)?,
        }
        m.end()
    }
}

/// The keywords of a field's value constraints; `has_pattern` when the type already gave a
/// `pattern`, so that every pattern of the bounds goes under `allOf`.
fn keywords<M: SerializeMap>(
    bounds: &Bounds,
    has_pattern: bool,
    m: &mut M,
) -> Result<(), M::Error> {
    for (key, b) in [
        ("minimum", &bounds.min),
        ("maximum", &bounds.max),
        ("minLength", &bounds.min_length),
        ("maxLength", &bounds.max_length),
        ("minItems", &bounds.min_items),
        ("maxItems", &bounds.max_items),
    ] {
        if let Some(b) = b.as_deref().map(|b: &Bound| &b.value) {
            m.serialize_entry(key, b)?;
        }
    }
    let mut extra = Vec::new();
    let mut patterns = bounds.patterns.iter();
    if !has_pattern {
        if let Some(p) = patterns.next() {
            m.serialize_entry("pattern", &p.pattern)?;
        }
    }
    extra.extend(patterns.map(|p| Extra::Pattern(&p.pattern)));
    extra.extend(bounds.dates.iter().map(|d| Extra::Format(d.format())));
    if !extra.is_empty() {
        m.serialize_entry("allOf", &extra)?;
    }
    if let Some(d) = &bounds.default {
        m.serialize_entry("default", d)?;
    }
    Ok(())
}

/// Writes the keywords a type implies; whether they include a `pattern`.
fn type_keywords<M: SerializeMap>(ty: &Ty, packet: bool, m: &mut M) -> Result<bool, M::Error> {
    let domain = |m: &mut M, p: &str, s: Scalar| {
        m.serialize_entry("type", "string")?;
        if let Some((_, format)) = FORMATS.iter().find(|(t, _)| *t == s) {
            m.serialize_entry("format", format)?;
        }
        m.serialize_entry("pattern", p)?;
        Ok(true)
    };
    match ty {
        Ty::Scalar(Scalar::Text | Scalar::File) => {
            m.serialize_entry("type", "string")?;
            m.serialize_entry("pattern", NOT_BLANK)?;
            Ok(true)
        }
        Ty::Scalar(Scalar::Integer) => {
            m.serialize_entry("type", "integer")?;
            Ok(false)
        }
        Ty::Scalar(Scalar::Decimal) => {
            m.serialize_entry("type", "number")?;
            Ok(false)
        }
        Ty::Scalar(Scalar::Money) => {
            m.serialize_entry("type", "number")?;
            m.serialize_entry("multipleOf", &0.01)?;
            Ok(false)
        }
        Ty::Scalar(Scalar::Date) => {
            m.serialize_entry("type", "string")?;
            m.serialize_entry("format", "date")?;
            Ok(false)
        }
        Ty::Scalar(Scalar::Datetime) => {
            m.serialize_entry("type", "string")?;
            m.serialize_entry("format", "date-time")?;
            Ok(false)
        }
        Ty::Scalar(Scalar::Bool) => {
            yes_no(m)?;
            Ok(false)
        }
        Ty::Scalar(s @ Scalar::IdCard) => domain(m, pattern::ID_CARD, *s),
        Ty::Scalar(s @ Scalar::Uscc) => domain(m, pattern::USCC, *s),
        Ty::Scalar(s @ Scalar::Region) => domain(m, pattern::REGION, *s),
        Ty::Scalar(s @ Scalar::Mobile) => domain(m, pattern::MOBILE, *s),
        Ty::Scalar(s @ Scalar::Phone) => domain(m, pattern::PHONE, *s),
        Ty::Scalar(s @ Scalar::Email) => domain(m, pattern::EMAIL, *s),
        Ty::Choice {
            multi: false,
            options,
        } => {
            m.serialize_entry("type", "string")?;
            m.serialize_entry("oneOf", &OneOf(options))?;
            Ok(false)
        }
        Ty::Choice {
            multi: true,
            options,
        } => {
            m.serialize_entry("type", "array")?;
            m.serialize_entry("uniqueItems", &true)?;
            m.serialize_entry("items", &StringOf(options))?;
            Ok(false)
        }
        Ty::List(fields) => {
            m.serialize_entry("type", "array")?;
            let entry = ObjectSchema {
                packet,
                ..ObjectSchema::entry(fields)
            };
            m.serialize_entry("items", &entry)?;
            Ok(false)
        }
    }
}

/// `{ "type": "string", "oneOf": … }`: one option of a multi-select.
pub struct StringOf<'a>(pub &'a [ChoiceOption]);

impl Serialize for StringOf<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("type", "string")?;
        m.serialize_entry("oneOf", &OneOf(self.0))?;
        m.end()
    }
}

/// The object schema of one list entry or of an item's section. Sub-fields required
/// unconditionally are listed under `required` (conditional ones are added by the caller through
/// `if`/`then`).
pub struct ObjectSchema<'a> {
    fields: &'a [LocalField],
    /// A section with a field of its own `when`: that field is defined by a conditional part of
    /// the form (`schema.rs`) instead, and the section lists every name under `propertyNames`
    /// (`additionalProperties: false` would see only the others).
    conditional: bool,
    /// In a department's packet schema ([`FieldSchema::packet`]).
    packet: bool,
}

impl<'a> ObjectSchema<'a> {
    /// The object schema of one list entry.
    pub fn entry(fields: &'a [LocalField]) -> Self {
        ObjectSchema {
            fields,
            conditional: false,
            packet: false,
        }
    }

    /// The object schema of an item's section.
    pub fn section(fields: &'a [LocalField]) -> Self {
        ObjectSchema {
            fields,
            conditional: fields.iter().any(|f| !f.applies.is_always()),
            packet: false,
        }
    }

    fn defined(&self) -> impl Iterator<Item = &'a LocalField> + Clone {
        let conditional = self.conditional;
        self.fields
            .iter()
            .filter(move |f| !conditional || f.applies.is_always())
    }

    /// Writes the object's entries into an object being serialized.
    pub fn entries<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        let defined = self.defined();
        m.serialize_entry("type", "object")?;
        m.serialize_entry("properties", &Properties(defined.clone(), self.packet))?;
        let mut required = defined
            .filter(|f| f.required == Some(yjs_artifacts::Condition::Always))
            .map(|f| f.id.as_str())
            .peekable();
        if required.peek().is_some() {
            m.serialize_entry("required", &Seq::new(required))?;
        }
        if self.conditional {
            m.serialize_entry("propertyNames", &Enum(self.fields))?;
        } else {
            m.serialize_entry("additionalProperties", &false)?;
        }
        Ok(())
    }
}

impl Serialize for ObjectSchema<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.entries(&mut m)?;
        m.end()
    }
}

/// Fields by id, each with its schema; in a packet schema when the flag is set.
struct Properties<I>(I, bool);

impl<'a, I: Iterator<Item = &'a LocalField> + Clone> Serialize for Properties<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for f in self.0.clone() {
            let schema = FieldSchema::new(&f.label, &f.ty, &f.bounds);
            if self.1 {
                m.serialize_entry(&f.id, &PacketEntryField(schema.in_packet(), f))?;
            } else {
                m.serialize_entry(&f.id, &schema)?;
            }
        }
        m.end()
    }
}

/// A list entry's field in a packet schema: its schema, and when it is required where that
/// depends on situations.
struct PacketEntryField<'a>(FieldSchema<'a>, &'a LocalField);

impl Serialize for PacketEntryField<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.0.entries(&mut m)?;
        required_when(self.1.required.as_ref(), &mut m)?;
        m.end()
    }
}

/// `x-yjs-required-when` in a packet schema, for a field required only in some situations
/// (a packet holds no answers, so its schema cannot decide it).
pub fn required_when<M: SerializeMap>(
    required: Option<&yjs_artifacts::Condition>,
    m: &mut M,
) -> Result<(), M::Error> {
    match required.filter(|c| !c.is_always()) {
        Some(c) => m.serialize_entry("x-yjs-required-when", c),
        None => Ok(()),
    }
}

/// `{ "enum": [every field id] }`.
struct Enum<'a>(&'a [LocalField]);

impl Serialize for Enum<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("enum", &Seq::new(self.0.iter().map(|f| f.id.as_str())))?;
        m.end()
    }
}

/// `oneOf` of `{const, title}` for labelled options.
pub struct OneOf<'a>(pub &'a [ChoiceOption]);

impl Serialize for OneOf<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Seq::new(self.0.iter().map(|o| ConstTitle(&o.id, &o.label))).serialize(s)
    }
}

/// `{ "const": …, "title": … }`.
struct ConstTitle<'a, T: Serialize>(T, &'a str);

impl<T: Serialize> Serialize for ConstTitle<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("const", &self.0)?;
        m.serialize_entry("title", self.1)?;
        m.end()
    }
}

/// A yes/no value: `type: boolean` with 是/否 as the titles of its two constants, which both
/// renderers show instead of their own "Yes"/"No".
pub fn yes_no<M: SerializeMap>(m: &mut M) -> Result<(), M::Error> {
    m.serialize_entry("type", "boolean")?;
    m.serialize_entry("oneOf", &[ConstTitle(true, "是"), ConstTitle(false, "否")])
}
