//! `projections.json`: what each item's department receives, and a draft-07 schema of its packet.
//!
//! A packet's keys are the department's own field names; it holds exactly the fields the item's
//! form declares. Requirements that depend on situations cannot be checked on the packet alone
//! (the answers are not in it), so they appear as `x-yjs-required-when` and in
//! `ProjectedField::required`; unconditional ones are the packet schema's `required`. The same
//! holds for a list entry's fields, under the list's `items`. A field
//! with its own `when` is in the packet only where that holds (`x-yjs-when`, `applies`).

use super::super::error::EmitError;
use super::fields::{required_when, FieldSchema, Keywords};
use super::json::Seq;
use super::schema::section_title;
use super::{DRAFT_07, GENERATED};
use crate::ir::form::{Form, ItemForm, ViewField};
use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};
use yjs_artifacts::{Condition, Projections, FORMAT_VERSION};

/// `projections.json`, written straight from the IR: the same fields in the same order as
/// [`Projections`] (which the runtime reads back), borrowing the IR rather than copying it.
pub struct ProjectionsOut<'a>(&'a Form);

/// Every item's projection, to be written out.
pub fn projections_out(form: &Form) -> ProjectionsOut<'_> {
    ProjectionsOut(form)
}

impl Serialize for ProjectionsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Projections", 3)?;
        m.serialize_field("format_version", &FORMAT_VERSION)?;
        m.serialize_field("matter", &self.0.matter)?;
        m.serialize_field("items", &Seq::new(self.0.items.iter().map(ProjectionOut)))?;
        m.end()
    }
}

/// One item's projection, as `Projection`.
struct ProjectionOut<'a>(&'a ItemForm);

impl Serialize for ProjectionOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let it = self.0;
        let mut m = s.serialize_struct("Projection", 8)?;
        m.serialize_field("item", &it.id)?;
        m.serialize_field("name", &it.name)?;
        m.serialize_field("department", &it.department)?;
        m.serialize_field("department_name", &it.department_name)?;
        m.serialize_field("condition", &it.applies)?;
        m.serialize_field("fields", &Seq::new(it.view.iter().map(FieldOut)))?;
        m.serialize_field("materials", &it.materials)?;
        m.serialize_field("packet_schema", &PacketSchema(it))?;
        m.end()
    }
}

/// One projected field, as `ProjectedField`.
struct FieldOut<'a>(&'a ViewField);

impl Serialize for FieldOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = self.0;
        let mut m = s.serialize_struct("ProjectedField", 9)?;
        m.serialize_field("name", &f.name)?;
        m.serialize_field("label", &f.label)?;
        m.serialize_field("pointer", &f.pointer)?;
        m.serialize_field("shared", &f.shared)?;
        if let Some(situation) = &f.situation {
            m.serialize_field("situation", situation)?;
        } else {
            m.skip_field("situation")?;
        }
        m.serialize_field("type", f.ty.name())?;
        if f.applies.is_always() {
            m.skip_field("applies")?;
        } else {
            m.serialize_field("applies", &f.applies)?;
        }
        m.serialize_field("required", &f.required)?;
        m.serialize_field("constraints", &Keywords(&f.own))?;
        m.end()
    }
}

/// Every item's projection, as the artifact type the runtime reads back from
/// `projections.json` (read back from the same serialization).
pub fn projections(form: &Form) -> Result<Projections, EmitError> {
    let broken = |source| EmitError::Serialize {
        artifact: "projections.json",
        source,
    };
    let value = serde_json::to_value(projections_out(form)).map_err(broken)?;
    serde_json::from_value(value).map_err(broken)
}

/// The draft-07 schema of the packet an item's department receives.
pub struct PacketSchema<'a>(pub &'a ItemForm);

impl Serialize for PacketSchema<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let it = self.0;
        let mut m = s.serialize_map(Some(7))?;
        m.serialize_entry("$schema", DRAFT_07)?;
        m.serialize_entry("$comment", GENERATED)?;
        m.serialize_entry("title", &section_title(it))?;
        m.serialize_entry("type", "object")?;
        m.serialize_entry("properties", &PacketFields(&it.view))?;
        let required = it
            .view
            .iter()
            .filter(|f| f.required == Some(Condition::Always))
            .map(|f| f.name.as_str());
        m.serialize_entry("required", &Seq::new(required))?;
        m.serialize_entry("additionalProperties", &false)?;
        m.end()
    }
}

/// The packet's fields by the department's names.
struct PacketFields<'a>(&'a [ViewField]);

impl Serialize for PacketFields<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for f in self.0 {
            m.serialize_entry(&f.name, &PacketField(f))?;
        }
        m.end()
    }
}

/// A packet field: its schema, where it sits in the submission, and when it is there and
/// required when that depends on situations.
struct PacketField<'a>(&'a ViewField);

impl Serialize for PacketField<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = self.0;
        let mut m = s.serialize_map(None)?;
        FieldSchema::new(&f.label, &f.ty, &f.effective)
            .in_packet()
            .entries(&mut m)?;
        m.serialize_entry("x-yjs-pointer", &f.pointer)?;
        if !f.applies.is_always() {
            m.serialize_entry("x-yjs-when", &f.applies)?;
        }
        required_when(f.required.as_ref(), &mut m)?;
        m.end()
    }
}
