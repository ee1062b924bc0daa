//! The resolved model: every name is an index, every condition is typed, spans are kept for diagnostics.

use crate::files::{FileId, Span};
use crate::syntax::ast::{self, Duration, Ident, Str};
use yjs_artifacts::{Answer, Condition};

/// Everything one compilation defines.
#[derive(Debug, Clone, Default)]
pub struct Program {
    pub departments: Vec<Department>,
    pub dictionaries: Vec<Dictionary>,
    pub matters: Vec<Matter>,
}

/// Index into `Program::departments`.
pub type DeptId = usize;

/// A department.
#[derive(Debug, Clone)]
pub struct Department {
    pub id: String,
    pub name: String,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub hours: Option<String>,
    pub website: Option<String>,
    pub span: Span,
}

/// A dictionary of standard fields.
#[derive(Debug, Clone)]
pub struct Dictionary {
    pub id: String,
    pub name: String,
    pub fields: Vec<Field>,
    pub span: Span,
}

/// A resolved matter.
#[derive(Debug, Clone)]
pub struct Matter {
    pub id: Ident,
    pub name: Str,
    pub file: FileId,
    pub code: Option<Str>,
    pub lead: Option<(DeptId, Span)>,
    pub window: Option<(DeptId, Span)>,
    pub promise: Option<Duration>,
    pub visits: Option<(u32, Span)>,
    /// Delivery channels, in their English spelling.
    pub delivery: Vec<(String, Span)>,
    pub basis: Vec<Str>,
    pub consult: Option<Str>,
    pub complaint: Option<Str>,
    pub applicant: Vec<Str>,
    pub warn_percent: Option<(u32, Span)>,
    pub extension: Option<ast::Extension>,
    pub situations: Vec<Situation>,
    pub shared: Vec<Field>,
    pub items: Vec<Item>,
    pub flow: Flow,
    pub span: Span,
}

/// A situation; a `bool` one has the options `false` (index 0) and `true` (index 1).
#[derive(Debug, Clone)]
pub struct Situation {
    pub id: Ident,
    pub question: Str,
    pub is_bool: bool,
    pub options: Vec<SitOption>,
    pub span: Span,
}

/// An option of a situation or a choice.
#[derive(Debug, Clone)]
pub struct SitOption {
    pub id: String,
    pub label: String,
    pub span: Span,
}

impl Situation {
    /// The artifact answer for option `index`.
    pub fn answer(&self, index: usize) -> Answer {
        if self.is_bool {
            Answer::Bool(index == 1)
        } else {
            Answer::Option(
                self.options
                    .get(index)
                    .map(|o| o.id.clone())
                    .unwrap_or_default(),
            )
        }
    }
}

/// A field declaration, resolved.
#[derive(Debug, Clone)]
pub struct Field {
    pub id: Ident,
    pub label: Str,
    pub ty: FieldType,
    pub constraints: Vec<Constraint>,
    /// Where the field comes from, when it is a dictionary field.
    pub origin: Option<DictOrigin>,
    pub span: Span,
}

/// A shared field taken from a dictionary: the dictionary's own constraints come first.
#[derive(Debug, Clone)]
pub struct DictOrigin {
    pub dictionary: String,
    pub field: String,
    /// The dictionary declaration.
    pub span: Span,
    /// The dictionary's constraints (the field's `constraints` are the matter's narrowing).
    pub constraints: Vec<Constraint>,
}

/// The field types.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldType {
    Text,
    Integer,
    Decimal,
    Money,
    Date,
    Datetime,
    Bool,
    IdCard,
    Uscc,
    Region,
    Mobile,
    Phone,
    Email,
    File,
    Choice {
        multi: bool,
        options: Vec<ChoiceOption>,
    },
    List(Vec<Field>),
}

impl PartialEq for Field {
    fn eq(&self, other: &Self) -> bool {
        self.id.name == other.id.name && self.ty == other.ty
    }
}

/// An option of a choice field.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
}

impl FieldType {
    /// The type's keyword, e.g. `id_card`.
    pub fn name(&self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Integer => "integer",
            FieldType::Decimal => "decimal",
            FieldType::Money => "money",
            FieldType::Date => "date",
            FieldType::Datetime => "datetime",
            FieldType::Bool => "bool",
            FieldType::IdCard => "id_card",
            FieldType::Uscc => "uscc",
            FieldType::Region => "region",
            FieldType::Mobile => "mobile",
            FieldType::Phone => "phone",
            FieldType::Email => "email",
            FieldType::File => "file",
            FieldType::Choice { multi: false, .. } => "choice",
            FieldType::Choice { multi: true, .. } => "multi_choice",
            FieldType::List(_) => "list",
        }
    }

    /// The type for a keyword (English or Chinese), without choice and list.
    pub fn from_name(name: &str) -> Option<FieldType> {
        Some(
            match crate::syntax::keywords::canonical(crate::syntax::keywords::FIELD_TYPES, name)? {
                "text" => FieldType::Text,
                "integer" => FieldType::Integer,
                "decimal" => FieldType::Decimal,
                "money" => FieldType::Money,
                "date" => FieldType::Date,
                "datetime" => FieldType::Datetime,
                "bool" => FieldType::Bool,
                "id_card" => FieldType::IdCard,
                "uscc" => FieldType::Uscc,
                "region" => FieldType::Region,
                "mobile" => FieldType::Mobile,
                "phone" => FieldType::Phone,
                "email" => FieldType::Email,
                _ => FieldType::File,
            },
        )
    }
}

/// A constraint with its condition resolved.
#[derive(Debug, Clone)]
pub struct Constraint {
    pub kind: ConstraintKind,
    pub span: Span,
}

/// The constraint kinds, with typed conditions; values are kept as written.
pub type ConstraintKind = ast::ConstraintKind<Cond>;

/// A resolved item.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: Ident,
    pub name: Str,
    pub department: Option<(DeptId, Span)>,
    pub code: Option<Str>,
    /// The kind in its English spelling.
    pub kind: Option<(String, Span)>,
    pub basis: Vec<Str>,
    pub conditions: Vec<Str>,
    pub legal: Option<Duration>,
    pub promise: Option<Duration>,
    pub fee: Option<ast::Fee>,
    pub visits: Option<(u32, Span)>,
    pub when: Option<Cond>,
    pub fields: Vec<ItemField>,
    pub materials: Vec<Material>,
    pub outputs: Vec<ast::Output>,
    pub review: Vec<Str>,
    pub faqs: Vec<ast::Faq>,
    pub span: Span,
}

/// A field of an item's form.
#[derive(Debug, Clone)]
pub enum ItemField {
    /// A binding to a shared field.
    Shared(Binding),
    /// A field only this item needs.
    Local(Field),
}

impl ItemField {
    /// The name the item's department uses.
    pub fn local_name(&self) -> &str {
        match self {
            ItemField::Shared(b) => &b.local.name,
            ItemField::Local(f) => &f.id.name,
        }
    }
}

/// `local = shared "label" { narrowing }` in an item's form.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The department's name for the field.
    pub local: Ident,
    /// Index into `Matter::shared`.
    pub shared: usize,
    /// The department's own label, if it gives one.
    pub label: Option<Str>,
    /// The department's narrowing constraints.
    pub constraints: Vec<Constraint>,
    pub span: Span,
}

/// A material of an item.
#[derive(Debug, Clone)]
pub enum Material {
    /// Declared by the item.
    Own {
        decl: Box<ast::MaterialDecl>,
        when: Option<Cond>,
    },
    /// An earlier item's output.
    Reuse {
        item: usize,
        output: usize,
        when: Option<Cond>,
        span: Span,
    },
}

/// The resolved flow.
#[derive(Debug, Clone, Default)]
pub struct Flow {
    /// `accept DURATION by DEPT`.
    pub accept: Option<(Duration, DeptId, Span)>,
    /// `deliver DURATION`.
    pub deliver: Option<Duration>,
    /// `A -> B` edges, by item index.
    pub edges: Vec<Edge>,
    /// The `flow` block.
    pub span: Option<Span>,
}

/// One `A -> B` edge.
#[derive(Debug, Clone, Copy)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    /// Covers `A -> B`.
    pub span: Span,
}

/// A typed condition: options are indexes into the situation's options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cond {
    /// The situation's answer is one of `values`.
    Is {
        situation: usize,
        values: Vec<usize>,
        span: Span,
    },
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    Not(Box<Cond>),
}

impl Cond {
    /// Evaluates over answers given as one option index per situation.
    pub fn eval(&self, answers: &[usize]) -> bool {
        match self {
            Cond::Is {
                situation, values, ..
            } => answers.get(*situation).is_some_and(|a| values.contains(a)),
            Cond::And(a, b) => a.eval(answers) && b.eval(answers),
            Cond::Or(a, b) => a.eval(answers) || b.eval(answers),
            Cond::Not(a) => !a.eval(answers),
        }
    }

    /// The situations mentioned, sorted, without repeats.
    pub fn situations(&self) -> Vec<usize> {
        fn walk(c: &Cond, out: &mut Vec<usize>) {
            match c {
                Cond::Is { situation, .. } => out.push(*situation),
                Cond::And(a, b) | Cond::Or(a, b) => {
                    walk(a, out);
                    walk(b, out);
                }
                Cond::Not(a) => walk(a, out),
            }
        }
        let mut out = Vec::new();
        walk(self, &mut out);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The artifact form of the condition.
    pub fn to_artifact(&self, situations: &[Situation]) -> Condition {
        match self {
            Cond::Is {
                situation, values, ..
            } => {
                let s = &situations[*situation];
                Condition::In {
                    situation: s.id.name.clone(),
                    values: values.iter().map(|v| s.answer(*v)).collect(),
                }
            }
            Cond::And(a, b) => {
                let mut args = Vec::new();
                for c in [a, b] {
                    match c.to_artifact(situations) {
                        Condition::All { args: inner } => args.extend(inner),
                        other => args.push(other),
                    }
                }
                Condition::All { args }
            }
            Cond::Or(a, b) => {
                let mut args = Vec::new();
                for c in [a, b] {
                    match c.to_artifact(situations) {
                        Condition::Any { args: inner } => args.extend(inner),
                        other => args.push(other),
                    }
                }
                Condition::Any { args }
            }
            Cond::Not(a) => Condition::Not {
                arg: Box::new(a.to_artifact(situations)),
            },
        }
    }

    /// The condition as an analyst would write it, e.g. `settle == local and card`.
    pub fn display(&self, situations: &[Situation]) -> String {
        match self {
            Cond::Is {
                situation, values, ..
            } => {
                let s = &situations[*situation];
                if s.is_bool {
                    match values.as_slice() {
                        [1] => s.id.name.clone(),
                        [0] => format!("not {}", s.id.name),
                        _ => format!("{} in [false, true]", s.id.name),
                    }
                } else if values.len() == 1 {
                    format!(
                        "{} == {}",
                        s.id.name,
                        s.options.get(values[0]).map_or("?", |o| o.id.as_str())
                    )
                } else {
                    let names: Vec<&str> = values
                        .iter()
                        .map(|v| s.options.get(*v).map_or("?", |o| o.id.as_str()))
                        .collect();
                    format!("{} in [{}]", s.id.name, names.join(", "))
                }
            }
            Cond::And(a, b) => format!(
                "{} and {}",
                a.display_nested(situations),
                b.display_nested(situations)
            ),
            Cond::Or(a, b) => format!(
                "{} or {}",
                a.display_nested(situations),
                b.display_nested(situations)
            ),
            Cond::Not(a) => format!("not {}", a.display_nested(situations)),
        }
    }

    fn display_nested(&self, situations: &[Situation]) -> String {
        match self {
            Cond::And(..) | Cond::Or(..) => format!("({})", self.display(situations)),
            _ => self.display(situations),
        }
    }
}

/// `a and b`, where a missing side means "always".
pub fn and(a: Option<&Cond>, b: Option<&Cond>) -> Option<Cond> {
    match (a, b) {
        (Some(a), Some(b)) => Some(Cond::And(Box::new(a.clone()), Box::new(b.clone()))),
        (Some(x), None) | (None, Some(x)) => Some(x.clone()),
        (None, None) => None,
    }
}

/// The artifact form of an optional condition (`None` is `Always`).
pub fn artifact(c: Option<&Cond>, situations: &[Situation]) -> Condition {
    c.map_or(Condition::Always, |c| c.to_artifact(situations))
}
