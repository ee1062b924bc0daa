//! The field types: one enum for the resolved model and the IR, below every stage so both can name it.
//!
//! A type is a [`Scalar`] (text, a date, an identifier with a checked format, …), a choice, or a
//! list of entries. The entries of a list are fields, and a field is a different thing in each
//! representation (the model keeps spans and constraints as written, the IR keeps unified
//! bounds), so [`FieldType`] is generic over its list entries: `resolve::FieldType` is
//! `FieldType<resolve::Field>` and `ir::form::Ty` is `FieldType<ir::form::LocalField>`.

use serde::Serialize;

/// The types that hold one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scalar {
    Text,
    Integer,
    Decimal,
    Money,
    Date,
    Datetime,
    Bool,
    /// 居民身份证号码.
    IdCard,
    /// 统一社会信用代码.
    Uscc,
    /// 行政区划代码.
    Region,
    /// A mainland mobile number.
    Mobile,
    /// A landline number.
    Phone,
    Email,
    /// An uploaded file.
    File,
}

impl Scalar {
    /// Every scalar type, in the order of the language reference.
    pub const ALL: [Scalar; 14] = [
        Scalar::Text,
        Scalar::Integer,
        Scalar::Decimal,
        Scalar::Money,
        Scalar::Date,
        Scalar::Datetime,
        Scalar::Bool,
        Scalar::IdCard,
        Scalar::Uscc,
        Scalar::Region,
        Scalar::Mobile,
        Scalar::Phone,
        Scalar::Email,
        Scalar::File,
    ];

    /// The type's English keyword, e.g. `id_card`.
    pub fn name(self) -> &'static str {
        match self {
            Scalar::Text => "text",
            Scalar::Integer => "integer",
            Scalar::Decimal => "decimal",
            Scalar::Money => "money",
            Scalar::Date => "date",
            Scalar::Datetime => "datetime",
            Scalar::Bool => "bool",
            Scalar::IdCard => "id_card",
            Scalar::Uscc => "uscc",
            Scalar::Region => "region",
            Scalar::Mobile => "mobile",
            Scalar::Phone => "phone",
            Scalar::Email => "email",
            Scalar::File => "file",
        }
    }

    /// The type of an English keyword (the resolver maps Chinese spellings to English first).
    pub fn from_name(english: &str) -> Option<Scalar> {
        Scalar::ALL.into_iter().find(|s| s.name() == english)
    }
}

/// An option of a choice field (or of a situation, in the IR).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
}

/// A field's type; `F` is what a list entry's fields are in the representation at hand.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType<F> {
    /// One value of a scalar type.
    Scalar(Scalar),
    /// One option (`choice`), or several (`multi_choice`).
    Choice {
        multi: bool,
        options: Vec<ChoiceOption>,
    },
    /// A repeating group: each entry is an object of these fields.
    List(Vec<F>),
}

impl<F> FieldType<F> {
    /// The type's keyword in the language, e.g. `id_card` or `multi_choice`.
    pub fn name(&self) -> &'static str {
        match self {
            FieldType::Scalar(s) => s.name(),
            FieldType::Choice { multi: false, .. } => "choice",
            FieldType::Choice { multi: true, .. } => "multi_choice",
            FieldType::List(_) => "list",
        }
    }

    /// Whether this is the scalar `s`.
    pub fn is(&self, s: Scalar) -> bool {
        matches!(self, FieldType::Scalar(x) if *x == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in Scalar::ALL {
            assert_eq!(Scalar::from_name(s.name()), Some(s));
        }
        assert_eq!(Scalar::from_name("choice"), None);
        let t: FieldType<()> = FieldType::Choice {
            multi: true,
            options: Vec::new(),
        };
        assert_eq!(t.name(), "multi_choice");
        assert!(FieldType::<()>::Scalar(Scalar::IdCard).is(Scalar::IdCard));
    }
}
