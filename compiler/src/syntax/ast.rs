//! The spanned abstract syntax tree: what one `.yjs` file says, before any name is resolved.

use crate::files::{FileId, Span};

/// A name where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A string literal with its escapes decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Str {
    pub value: String,
    pub span: Span,
}

/// A number literal, kept as written so decimals stay exact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    pub text: String,
    pub span: Span,
}

impl Number {
    /// The value as a float.
    pub fn as_f64(&self) -> Option<f64> {
        self.text.parse().ok()
    }

    /// The value as a non-negative whole number.
    pub fn as_u32(&self) -> Option<u32> {
        self.text.parse().ok()
    }
}

/// `ident` or `ident.ident`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub first: Ident,
    pub second: Option<Ident>,
    pub span: Span,
}

/// One parsed file.
#[derive(Debug, Clone, Default)]
pub struct SourceFile {
    pub file: FileId,
    pub uses: Vec<Use>,
    pub departments: Vec<Department>,
    pub dictionaries: Vec<Dictionary>,
    pub matters: Vec<Matter>,
}

/// `use "path"`.
#[derive(Debug, Clone)]
pub struct Use {
    pub path: Str,
    pub span: Span,
}

/// `department ID "name" { … }`.
#[derive(Debug, Clone)]
pub struct Department {
    pub id: Ident,
    pub name: Str,
    pub phone: Option<Str>,
    pub address: Option<Str>,
    pub hours: Option<Str>,
    pub website: Option<Str>,
    pub span: Span,
}

/// `dictionary ID "name" { fields }`.
#[derive(Debug, Clone)]
pub struct Dictionary {
    pub id: Ident,
    pub name: Str,
    pub fields: Vec<FieldDef>,
    pub span: Span,
}

/// A time limit as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub kind: DurationKind,
    pub span: Span,
}

/// An item's limit: one duration, or arms by situation.
#[derive(Debug, Clone)]
pub enum Limit {
    /// `promise 5 workdays`.
    One(Duration),
    /// `promise { 1 workday when a; otherwise 5 workdays }`, or one duration with `when` (which
    /// lacks its `otherwise`).
    By(LimitTable),
}

impl Limit {
    /// The span of the limit as written: the duration, or the whole table.
    pub fn span(&self) -> Span {
        match self {
            Limit::One(d) => d.span,
            Limit::By(t) => t.span,
        }
    }
}

/// The arms of a limit by situation, in written order.
#[derive(Debug, Clone)]
pub struct LimitTable {
    /// The arms with a condition.
    pub arms: Vec<LimitArm>,
    /// The `otherwise` arm (`when` is `None`), when given.
    pub otherwise: Option<LimitArm>,
    /// Whether it was written as a `{ … }` table (else one duration with `when`).
    pub braced: bool,
    pub span: Span,
}

/// One arm: `1 workday basis "…" when a`.
#[derive(Debug, Clone)]
pub struct LimitArm {
    pub duration: Duration,
    pub basis: Option<Str>,
    pub when: Option<Expr>,
    pub span: Span,
}

/// The unit and amount of a time limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "unit", content = "amount", rename_all = "snake_case")]
pub enum DurationKind {
    /// Decided on the spot (即办).
    Immediate,
    /// Working days.
    Workdays(u32),
    /// Calendar (natural) days.
    Days(u32),
    /// Hours.
    Hours(u32),
}

/// `matter ID "name" { … }`.
#[derive(Debug, Clone)]
pub struct Matter {
    pub id: Ident,
    pub name: Str,
    pub code: Option<Str>,
    pub lead: Option<Ident>,
    pub window: Option<Ident>,
    pub promise: Option<Duration>,
    pub visits: Option<(u32, Span)>,
    pub delivery: Vec<Ident>,
    pub basis: Vec<Str>,
    pub consult: Option<Str>,
    pub complaint: Option<Str>,
    pub applicant: Vec<Str>,
    /// The supervision warning threshold in percent, with its span.
    pub warn: Option<(u32, Span)>,
    pub extension: Option<Extension>,
    /// `worse FIGURE "reason"`: acknowledged 改革成效 figures that merging makes worse.
    pub worse: Vec<Worse>,
    /// Where the matter's code and promise come from.
    pub sources: Sources,
    /// `note "…"` remarks for analysts; never printed.
    pub notes: Vec<Str>,
    pub situations: Vec<Situation>,
    pub rules: Vec<Rule>,
    pub shared: Option<Block<Entry>>,
    pub items: Vec<Item>,
    pub flow: Option<Flow>,
    pub span: Span,
}

/// `extension 15 workdays "who approved, why"`: an explicit joint-handling extension.
#[derive(Debug, Clone)]
pub struct Extension {
    pub duration: Duration,
    pub reason: Str,
    pub span: Span,
}

/// `worse days "reason"`: the analyst acknowledges that merging makes a figure worse.
#[derive(Debug, Clone)]
pub struct Worse {
    /// The figure, as written (`days`, `办理时间`, …).
    pub figure: Ident,
    pub reason: Str,
    pub span: Span,
}

/// A `{ … }` block with its span.
#[derive(Debug, Clone)]
pub struct Block<T> {
    pub entries: Vec<T>,
    pub span: Span,
}

/// `rule "text" { condition }`: a condition every combination of answers meets.
#[derive(Debug, Clone)]
pub struct Rule {
    pub text: Str,
    pub cond: Expr,
    pub span: Span,
}

/// `situation ID "question" bool | { options }`.
#[derive(Debug, Clone)]
pub struct Situation {
    pub id: Ident,
    pub question: Str,
    pub kind: SituationKind,
    pub span: Span,
}

/// A yes/no situation or one with named options.
#[derive(Debug, Clone)]
pub enum SituationKind {
    Bool,
    Options(Vec<OptionDecl>),
    /// `multi { … }`: the applicant picks any set of the options.
    Multi(Vec<OptionDecl>),
}

/// `ID "label"` inside a situation or choice.
#[derive(Debug, Clone)]
pub struct OptionDecl {
    pub id: Ident,
    pub label: Str,
    pub span: Span,
}

/// An entry of a `shared`, `form`, `dictionary` or `list` block.
#[derive(Debug, Clone)]
pub enum Entry {
    /// Declares a new field.
    Def(FieldDef),
    /// Refers to a field declared elsewhere.
    Ref(FieldRef),
}

impl Entry {
    /// The span of the whole entry.
    pub fn span(&self) -> Span {
        match self {
            Entry::Def(d) => d.span,
            Entry::Ref(r) => r.span,
        }
    }
}

/// `ID "label" TYPE { constraints }`.
#[derive(Debug, Clone)]
pub struct FieldDef {
    pub id: Ident,
    pub label: Str,
    pub ty: TypeExpr,
    pub constraints: Vec<Constraint>,
    /// `when CONDITION` in the block: the field exists only where the condition holds.
    pub when: Option<FieldWhen>,
    pub span: Span,
}

/// A field's own `when CONDITION`, with the span of the whole statement.
#[derive(Debug, Clone)]
pub struct FieldWhen {
    pub cond: Expr,
    pub span: Span,
}

/// `target`, `local = target`, with an optional label and narrowing constraints.
#[derive(Debug, Clone)]
pub struct FieldRef {
    /// The name this block gives the field (the alias), when it differs from the target.
    pub local: Option<Ident>,
    /// The referenced field: a shared field, or `dictionary.field` in a `shared` block.
    pub target: Path,
    pub label: Option<Str>,
    pub constraints: Vec<Constraint>,
    /// `when CONDITION` in the block: the binding exists only where the condition holds.
    pub when: Option<FieldWhen>,
    pub span: Span,
}

impl FieldRef {
    /// The name the field has in this block.
    pub fn local_name(&self) -> &Ident {
        match (&self.local, &self.target.second) {
            (Some(l), _) => l,
            (None, Some(s)) => s,
            (None, None) => &self.target.first,
        }
    }
}

/// A field type as written.
#[derive(Debug, Clone)]
pub struct TypeExpr {
    pub kind: TypeExprKind,
    pub span: Span,
}

/// The kinds of field type.
#[derive(Debug, Clone)]
pub enum TypeExprKind {
    /// `text`, `id_card`, …: resolved by name later.
    Named(Ident),
    /// `choice { … }` or `multi_choice { … }`.
    Choice {
        multi: bool,
        options: Vec<OptionDecl>,
    },
    /// `list { fields }`.
    List(Vec<FieldDef>),
}

/// A constraint on a field.
#[derive(Debug, Clone)]
pub struct Constraint {
    pub kind: ConstraintKind,
    /// The constraint, without the message written after it.
    pub span: Span,
    /// `max_length 15 message "…"`: what the applicant reads when this constraint fails.
    pub message: Option<Str>,
}

/// The constraints of the language.
#[derive(Debug, Clone)]
pub enum ConstraintKind<C = Expr> {
    /// `required` or `required when CONDITION`; `C` is `Expr` as written and the typed
    /// `Cond` once resolved.
    Required(Option<C>),
    Min(Number),
    Max(Number),
    MinLength(Number),
    MaxLength(Number),
    Pattern(Str),
    MinItems(Number),
    MaxItems(Number),
    Default(Literal),
    Help(Str),
    Placeholder(Str),
    /// `hint "18位，末位可为X"`: what to type, shown in the empty input.
    Hint(Str),
    /// `message "…"`: what the applicant reads when the field's pattern or format fails.
    Message(Str),
    /// `not_before "2000-01-01"` or `not_before today`: a date bound (a string or `today`).
    NotBefore(Literal),
    /// `not_after "2100-12-31"` or `not_after today`.
    NotAfter(Literal),
}

impl<C> ConstraintKind<C> {
    /// The keyword of this constraint.
    pub fn keyword(&self) -> &'static str {
        match self {
            ConstraintKind::Required(_) => "required",
            ConstraintKind::Min(_) => "min",
            ConstraintKind::Max(_) => "max",
            ConstraintKind::MinLength(_) => "min_length",
            ConstraintKind::MaxLength(_) => "max_length",
            ConstraintKind::Pattern(_) => "pattern",
            ConstraintKind::MinItems(_) => "min_items",
            ConstraintKind::MaxItems(_) => "max_items",
            ConstraintKind::Default(_) => "default",
            ConstraintKind::Help(_) => "help",
            ConstraintKind::Placeholder(_) => "placeholder",
            ConstraintKind::Hint(_) => "hint",
            ConstraintKind::Message(_) => "message",
            ConstraintKind::NotBefore(_) => "not_before",
            ConstraintKind::NotAfter(_) => "not_after",
        }
    }

    /// The same constraint with its condition converted by `f`; `None` when `f` fails.
    pub fn map_cond<D>(&self, f: impl FnOnce(&C) -> Option<D>) -> Option<ConstraintKind<D>> {
        use ConstraintKind as K;
        Some(match self {
            K::Required(None) => K::Required(None),
            K::Required(Some(c)) => K::Required(Some(f(c)?)),
            K::Min(n) => K::Min(n.clone()),
            K::Max(n) => K::Max(n.clone()),
            K::MinLength(n) => K::MinLength(n.clone()),
            K::MaxLength(n) => K::MaxLength(n.clone()),
            K::Pattern(s) => K::Pattern(s.clone()),
            K::MinItems(n) => K::MinItems(n.clone()),
            K::MaxItems(n) => K::MaxItems(n.clone()),
            K::Default(l) => K::Default(l.clone()),
            K::Help(s) => K::Help(s.clone()),
            K::Placeholder(s) => K::Placeholder(s.clone()),
            K::Hint(s) => K::Hint(s.clone()),
            K::Message(s) => K::Message(s.clone()),
            K::NotBefore(l) => K::NotBefore(l.clone()),
            K::NotAfter(l) => K::NotAfter(l.clone()),
        })
    }
}

/// A literal value: a string, a number, a boolean or a name.
#[derive(Debug, Clone)]
pub enum Literal {
    Str(Str),
    Number(Number),
    Bool(bool, Span),
    Ident(Ident),
}

impl Literal {
    /// Where it is written.
    pub fn span(&self) -> Span {
        match self {
            Literal::Str(s) => s.span,
            Literal::Number(n) => n.span,
            Literal::Bool(_, s) => *s,
            Literal::Ident(i) => i.span,
        }
    }
}

/// `item ID "name" { … }`.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: Ident,
    pub name: Str,
    pub department: Option<Ident>,
    pub code: Option<Str>,
    pub kind: Option<Ident>,
    pub basis: Vec<Str>,
    pub conditions: Vec<Str>,
    pub legal: Option<Limit>,
    /// `legal unregulated`: no law or regulation sets the item's time limit.
    pub unregulated: Option<Span>,
    pub promise: Option<Limit>,
    /// Where the item's code, legal limit and promise come from (for a limit by situation,
    /// each arm holds its own).
    pub sources: Sources,
    /// `note "…"` remarks for analysts; never printed.
    pub notes: Vec<Str>,
    pub fee: Option<Fee>,
    /// `fee { 10 yuan when a; otherwise none }`: a fee by situation.
    pub fee_by: Option<FeeTable>,
    /// `cost "…" basis "…"`: costs the applicant still pays besides the fee.
    pub costs: Vec<Cost>,
    pub visits: Option<(u32, Span)>,
    pub when: Option<Expr>,
    /// `optional "question"`: the applicant chooses whether the item is handled.
    pub optional: Option<Str>,
    pub form: Option<Block<Entry>>,
    pub materials: Vec<Material>,
    pub outputs: Vec<Output>,
    pub review: Vec<Str>,
    pub faqs: Vec<Faq>,
    pub span: Span,
}

/// The `basis "…"` written after a stated fact: `code`, `legal`, `promise`.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub code: Option<Str>,
    pub legal: Option<Str>,
    pub promise: Option<Str>,
}

/// `cost "…" basis "…"`: a cost the applicant still pays besides the fee.
#[derive(Debug, Clone)]
pub struct Cost {
    pub text: Str,
    pub basis: Option<Str>,
    pub span: Span,
}

/// `fee none basis "…"` or `fee 10 yuan basis "…"` (also `fee 10 yuan "…"`).
#[derive(Debug, Clone)]
pub struct Fee {
    /// The amount in yuan; `None` for `fee none`.
    pub yuan: Option<Number>,
    /// Where the fee (or its absence) comes from.
    pub basis: Option<Str>,
    pub span: Span,
}

/// The arms of a fee by situation, in written order; the builder has checked that the
/// arms with a condition come first and one `otherwise` arm last (E0116).
#[derive(Debug, Clone)]
pub struct FeeTable {
    /// The arms with a condition.
    pub arms: Vec<(Fee, Expr)>,
    /// The `otherwise` arm; `None` when the table was refused (E0116), whose arms are kept
    /// only so that their situations count as used.
    pub otherwise: Option<Fee>,
    pub span: Span,
}

/// A material of an item.
#[derive(Debug, Clone)]
pub enum Material {
    /// `material ID "name" { … }`.
    Own(Box<MaterialDecl>),
    /// `material ITEM.OUTPUT { when … }`: reuses an earlier item's output.
    Reuse(MaterialReuse),
}

/// A material the item declares itself.
#[derive(Debug, Clone)]
pub struct MaterialDecl {
    pub id: Ident,
    pub name: Str,
    pub attrs: MaterialAttrs,
    pub span: Span,
}

/// A reused output.
#[derive(Debug, Clone)]
pub struct MaterialReuse {
    pub item: Ident,
    pub output: Ident,
    pub when: Option<Expr>,
    pub span: Span,
}

/// The attributes of a declared material.
#[derive(Debug, Clone, Default)]
pub struct MaterialAttrs {
    /// `original N`: paper originals.
    pub original: Option<(u32, Span)>,
    /// `copy N`: paper copies.
    pub copy: Option<(u32, Span)>,
    /// `electronic`: an electronic file is accepted.
    pub electronic: Option<Span>,
    /// `shared "system"`: fetched by data sharing, so the applicant submits nothing.
    pub shared: Option<Str>,
    /// `optional`: not required (非必要).
    pub optional: Option<Span>,
    /// `deferred`: may be supplied after acceptance (容缺后补).
    pub deferred: Option<Span>,
    /// `pledge`: replaced by the applicant's written pledge (告知承诺).
    pub pledge: Option<Span>,
    /// `basis "…"`: why the material is required.
    pub basis: Option<Str>,
    /// `accept "…"`: what makes it acceptable at intake (受理标准).
    pub accept: Option<Str>,
    /// `template "path"`: a blank form or sample (样表) in the repository, relative to the file.
    pub template: Option<Str>,
    /// `when EXPR`: the situations in which it applies.
    pub when: Option<Expr>,
}

/// `output ID "name" { electronic | paper N }`.
#[derive(Debug, Clone)]
pub struct Output {
    pub id: Ident,
    pub name: Str,
    pub electronic: Option<Span>,
    pub paper: Option<(u32, Span)>,
    pub span: Span,
}

/// `faq "question" "answer"`.
#[derive(Debug, Clone)]
pub struct Faq {
    pub question: Str,
    pub answer: Str,
    pub span: Span,
}

/// `flow { … }`.
#[derive(Debug, Clone)]
pub struct Flow {
    pub accept: Option<Accept>,
    pub deliver: Option<Duration>,
    pub waits: Vec<Wait>,
    pub chains: Vec<Vec<Ident>>,
    pub span: Span,
}

/// `wait ID "name" DURATION roll_forward basis "…" when CONDITION`: a waiting period (公告期,
/// 公示期).
#[derive(Debug, Clone)]
pub struct Wait {
    pub id: Ident,
    pub name: Str,
    pub duration: Duration,
    /// `roll_forward`: a last day that is a rest day moves to the next working day.
    pub roll_forward: Option<Span>,
    pub basis: Option<Str>,
    pub when: Option<Expr>,
    pub span: Span,
}

/// `accept DURATION by DEPT`.
#[derive(Debug, Clone)]
pub struct Accept {
    pub duration: Duration,
    pub department: Ident,
    pub span: Span,
}

/// A condition over situation answers.
#[derive(Debug, Clone)]
pub enum Expr {
    /// Every operand holds: two or more, none an `And` itself (`a and (b and c)` is one list).
    And(Vec<Expr>),
    /// At least one operand holds: two or more, none an `Or` itself.
    Or(Vec<Expr>),
    Not(Box<Expr>, Span),
    /// `situation == option` (or `!=` when `negated`).
    Compare {
        situation: Ident,
        value: Literal,
        negated: bool,
        span: Span,
    },
    /// `situation in [a, b]`.
    In {
        situation: Ident,
        values: Vec<Literal>,
        span: Span,
    },
    /// `option in situation`: a multi-select situation's answer includes the option.
    Has {
        option: Ident,
        situation: Ident,
        span: Span,
    },
    /// A bool situation on its own.
    Bare(Ident),
}

impl Expr {
    /// Where the whole condition is written.
    pub fn span(&self) -> Span {
        match self {
            Expr::And(args) | Expr::Or(args) => match (args.first(), args.last()) {
                (Some(a), Some(b)) => a.span().to(b.span()),
                _ => Span::default(),
            },
            Expr::Not(_, s) => *s,
            Expr::Compare { span, .. } | Expr::In { span, .. } | Expr::Has { span, .. } => *span,
            Expr::Bare(i) => i.span,
        }
    }
}
