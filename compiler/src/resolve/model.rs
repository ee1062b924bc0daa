//! The resolved model: resolve's own types, where every name is a typed id and every condition is typed.
//!
//! Nothing here is an AST type: the resolver converts what it reads, so the later stages depend on
//! this module and never on `syntax`. Spans are kept for diagnostics. Tables are `la_arena`
//! arenas and references between them are `Idx<T>`, so the type says which table an id indexes.

use crate::files::{FileId, Span};
use la_arena::{Arena, ArenaMap, Idx, RawIdx};

pub use crate::types::{ChoiceOption, Scalar};

/// The position of an id in its arena, for vectors kept parallel to it.
pub fn ix<T>(id: Idx<T>) -> usize {
    u32::from(id.into_raw()) as usize
}

/// The id at position `n` of an arena (the inverse of [`ix`]).
pub fn id_at<T>(n: usize) -> Idx<T> {
    Idx::from_raw(RawIdx::from(n as u32))
}

/// A name where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub name: String,
    pub span: Span,
}

/// A string where it is written, escapes decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub value: String,
    pub span: Span,
}

/// A number, kept as written so decimals stay exact.
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

/// A time limit with where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub kind: DurationKind,
    pub span: Span,
}

/// The unit and amount of a time limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

impl DurationKind {
    /// The working days the static schedule counts for the limit (`spec/plan.md`, *Units*):
    /// 0 for `immediate`, N for `N workdays` and `N days`, ceil(H / 8) for `H hours`.
    pub fn schedule_workdays(self) -> u32 {
        match self {
            DurationKind::Immediate => 0,
            DurationKind::Workdays(n) | DurationKind::Days(n) => n,
            DurationKind::Hours(h) => h.div_ceil(8),
        }
    }
}

/// Everything one compilation defines.
#[derive(Debug, Clone, Default)]
pub struct Program {
    pub departments: Arena<Department>,
    pub dictionaries: Arena<Dictionary>,
    pub matters: Vec<Matter>,
}

/// The id of a department.
pub type DeptId = Idx<Department>;

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
    pub id: Name,
    pub name: Text,
    pub file: FileId,
    pub code: Option<Text>,
    pub lead: Option<(DeptId, Span)>,
    pub window: Option<(DeptId, Span)>,
    pub promise: Option<Duration>,
    pub visits: Option<(u32, Span)>,
    /// Delivery channels, in their English spelling.
    pub delivery: Vec<(String, Span)>,
    pub basis: Vec<Text>,
    pub consult: Option<Text>,
    pub complaint: Option<Text>,
    pub applicant: Vec<Text>,
    pub warn_percent: Option<(u32, Span)>,
    pub extension: Option<Extension>,
    /// Acknowledged 改革成效 figures that merging makes worse (`worse FIGURE "reason"`).
    pub worse: Vec<Worse>,
    /// Where the matter's code and promise come from.
    pub sources: Sources,
    /// Remarks for analysts (`note`); never printed in a public document.
    pub notes: Vec<Text>,
    pub situations: Arena<Situation>,
    /// Conditions every combination of answers meets; the other combinations cannot occur.
    pub rules: Vec<Rule>,
    /// The `shared` block's fields; an `Idx<Field>` of this arena is a shared-field id.
    pub shared: Arena<Field>,
    pub items: Arena<Item>,
    pub flow: Flow,
    pub span: Span,
}

/// The bindings of each shared field, with their items.
pub type Bindings<'a> = ArenaMap<Idx<Field>, Vec<(Idx<Item>, &'a Binding)>>;

impl Matter {
    /// Every binding of each shared field, with its item, in item then form order: one pass
    /// over the forms, so a matter of thousands of fields is indexed in linear time.
    pub fn bindings(&self) -> Bindings<'_> {
        let mut out = Bindings::default();
        for (i, it) in self.items.iter() {
            for f in &it.fields {
                if let ItemField::Shared(b) = f {
                    out.entry(b.shared).or_default().push((i, b));
                }
            }
        }
        out
    }
}

/// A 改革成效 figure that merging can make worse than handling the items one by one. The
/// others cannot grow by merging (spec/guide.md §改革成效): one window for at least one
/// department, 1 + n + 1 steps for 3n, a merged field or material row for at least one use,
/// the same fees; the 法定时限 row is a reference, not a way of handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Figure {
    /// 办理时间.
    Days,
    /// 到现场次数.
    Visits,
}

impl Figure {
    /// The figure named by the canonical English word of `keywords::REFORM_FIGURES`.
    pub fn from_word(word: &str) -> Option<Figure> {
        Some(match word {
            "days" => Figure::Days,
            "visits" => Figure::Visits,
            _ => return None,
        })
    }

    /// The word the DSL names it by.
    pub fn word(self) -> &'static str {
        match self {
            Figure::Days => "days",
            Figure::Visits => "visits",
        }
    }
}

/// `worse days "reason"`: the analyst acknowledges that merging makes a figure worse.
#[derive(Debug, Clone)]
pub struct Worse {
    pub figure: Figure,
    pub reason: Text,
    pub span: Span,
}

/// `extension 15 workdays "reason"`: an explicit joint-handling extension.
#[derive(Debug, Clone)]
pub struct Extension {
    pub duration: Duration,
    pub reason: Text,
    pub span: Span,
}

/// A situation; a `bool` one has the options `false` (the first) and `true` (the second).
#[derive(Debug, Clone)]
pub struct Situation {
    pub id: Name,
    pub question: Text,
    pub is_bool: bool,
    /// A multi-select situation: the answer is any set of the options.
    pub multi: bool,
    pub options: Arena<SitOption>,
    pub span: Span,
}

impl Situation {
    /// How many answers the situation has: its options, or every subset of a multi-select
    /// situation's options (saturating).
    pub fn radix(&self) -> usize {
        if self.multi {
            u32::try_from(self.options.len())
                .ok()
                .and_then(|n| 1usize.checked_shl(n))
                .unwrap_or(usize::MAX)
        } else {
            self.options.len()
        }
    }

    /// The options an answer picks: the one at its position, or those of its bits for a
    /// multi-select situation, in declaration order.
    pub fn picked(&self, pick: Pick) -> Vec<Idx<SitOption>> {
        if self.multi {
            (0..self.options.len())
                .filter(|k| pick.has(*k))
                .map(id_at)
                .collect()
        } else {
            vec![id_at(pick.0)]
        }
    }
}

/// `rule "text" { cond }`: every combination of answers that can occur meets `cond`.
#[derive(Debug, Clone)]
pub struct Rule {
    pub text: Text,
    pub cond: Cond,
    pub span: Span,
}

/// One situation's answer as a digit of the combination enumerator: the option position of a
/// yes/no or single-choice situation, or the set of chosen options of a multi-select one as a
/// bit mask (option `k` is bit `k`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pick(pub usize);

impl Pick {
    /// Whether a multi-select answer includes option `k`.
    pub fn has(self, k: usize) -> bool {
        u32::try_from(k)
            .ok()
            .and_then(|k| self.0.checked_shr(k))
            .is_some_and(|v| v & 1 == 1)
    }
}

/// An option of a situation.
#[derive(Debug, Clone)]
pub struct SitOption {
    pub id: String,
    pub label: String,
    pub span: Span,
}

/// One answer per situation.
pub type Answers = ArenaMap<Idx<Situation>, Pick>;

/// A field declaration, resolved.
#[derive(Debug, Clone)]
pub struct Field {
    pub id: Name,
    pub label: Text,
    pub ty: FieldType,
    pub constraints: Vec<Constraint>,
    /// `when CONDITION`: the field exists only where the condition holds (never on a
    /// dictionary's or a list's field).
    pub when: Option<FieldWhen>,
    /// Where the field comes from, when it is a shared field taken from a dictionary.
    pub origin: Option<DictOrigin>,
    pub span: Span,
}

/// A field's or a binding's own `when`: its condition and the statement's span.
#[derive(Debug, Clone)]
pub struct FieldWhen {
    pub cond: Cond,
    pub span: Span,
}

impl PartialEq for Field {
    fn eq(&self, other: &Self) -> bool {
        self.id.name == other.id.name && self.ty == other.ty
    }
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

/// The type of a resolved field: a list's entries are resolved fields.
pub type FieldType = crate::types::FieldType<Field>;

/// A constraint with its condition resolved.
#[derive(Debug, Clone)]
pub struct Constraint {
    pub kind: ConstraintKind,
    /// The constraint, without its message.
    pub span: Span,
    /// What the applicant reads when this constraint fails (`max_length 15 message "…"`).
    pub message: Option<Text>,
}

/// The constraints of the language, with typed conditions; values are kept as written.
#[derive(Debug, Clone)]
pub enum ConstraintKind {
    /// `required` or `required when CONDITION`.
    Required(Option<Cond>),
    Min(Number),
    Max(Number),
    MinLength(Number),
    MaxLength(Number),
    Pattern(Text),
    MinItems(Number),
    MaxItems(Number),
    Default(Literal),
    Help(Text),
    Placeholder(Text),
    /// What to type, shown in the empty input.
    Hint(Text),
    /// The message for a failed pattern or format.
    Message(Text),
    /// A date bound: a date string, or the name `today` (the day of validation).
    NotBefore(Literal),
    NotAfter(Literal),
}

impl ConstraintKind {
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
}

/// A literal value: a string, a number, a boolean or a name.
#[derive(Debug, Clone)]
pub enum Literal {
    Str(Text),
    Number(Number),
    Bool(bool, Span),
    Ident(Name),
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

/// A resolved item.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: Name,
    pub name: Text,
    pub department: Option<(DeptId, Span)>,
    pub code: Option<Text>,
    /// The kind in its English spelling.
    pub kind: Option<(String, Span)>,
    pub basis: Vec<Text>,
    pub conditions: Vec<Text>,
    /// The legal limit; for a limit by situation, its worst arm (see [`Item::legal_for`]).
    pub legal: Option<Duration>,
    /// `legal unregulated`: no law or regulation sets the item's time limit.
    pub unregulated: Option<Span>,
    /// The promise; for a promise by situation, its worst arm (see [`Item::promise_for`]).
    pub promise: Option<Duration>,
    /// The arms of a legal limit by situation (`otherwise` last); empty for one limit.
    pub legal_by: Vec<LimitCase>,
    /// The arms of a promise by situation (`otherwise` last); empty for one limit.
    pub promise_by: Vec<LimitCase>,
    /// Where the item's code, legal limit and promise come from.
    pub sources: Sources,
    /// Remarks for analysts (`note`); never printed in a public document.
    pub notes: Vec<Text>,
    /// The one fee; `None` for a fee by situation, whose arms are `fee_by`.
    pub fee: Option<Fee>,
    /// The arms of a fee by situation (`otherwise` last); empty for one fee.
    pub fee_by: Vec<FeeCase>,
    /// Costs the applicant still pays besides the fee (`cost "…" basis "…"`).
    pub costs: Vec<Cost>,
    pub visits: Option<(u32, Span)>,
    /// When the item applies: its `when`, and for an optional item the applicant's choice.
    pub when: Option<Cond>,
    /// `optional "question"`: the yes/no situation that asks whether the applicant chooses
    /// the item (already part of `when`).
    pub optional: Option<Idx<Situation>>,
    pub fields: Vec<ItemField>,
    pub materials: Vec<Material>,
    pub outputs: Arena<Output>,
    pub review: Vec<Text>,
    pub faqs: Vec<Faq>,
    pub span: Span,
}

/// One arm of a limit by situation: `1 workday basis "…" when a`, or the `otherwise` arm.
#[derive(Debug, Clone)]
pub struct LimitCase {
    pub duration: Duration,
    pub basis: Option<Text>,
    /// `None` for the `otherwise` arm.
    pub when: Option<Cond>,
    pub span: Span,
}

/// The arm that applies for `answers`: the first whose condition holds, else `otherwise`
/// (the arms of a checked table are exclusive, so "first" only matters for a refused one).
pub fn pick_case<'c>(cases: &'c [LimitCase], answers: &Answers) -> Option<&'c LimitCase> {
    cases
        .iter()
        .find(|c| c.when.as_ref().is_some_and(|w| w.eval(answers)))
        .or_else(|| cases.iter().find(|c| c.when.is_none()))
}

/// The worst arm: the most working days in the static schedule, the first on ties.
pub fn worst_case(cases: &[LimitCase]) -> Option<&LimitCase> {
    cases
        .iter()
        .fold(None, |worst: Option<&LimitCase>, c| match worst {
            Some(w)
                if w.duration.kind.schedule_workdays() >= c.duration.kind.schedule_workdays() =>
            {
                Some(w)
            }
            _ => Some(c),
        })
}

impl Item {
    /// The promise for these answers: the arm that applies, or the one promise.
    pub fn promise_for(&self, answers: &Answers) -> Option<Duration> {
        pick_case(&self.promise_by, answers)
            .map(|c| c.duration)
            .or(self.promise)
    }

    /// The legal limit for these answers: the arm that applies, or the one limit.
    pub fn legal_for(&self, answers: &Answers) -> Option<Duration> {
        pick_case(&self.legal_by, answers)
            .map(|c| c.duration)
            .or(self.legal)
    }

    /// The situations the item's limits depend on.
    pub fn limit_situations(&self) -> Vec<Idx<Situation>> {
        let mut out: Vec<Idx<Situation>> = self
            .promise_by
            .iter()
            .chain(&self.legal_by)
            .filter_map(|c| c.when.as_ref())
            .flat_map(Cond::situations)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The `basis "…"` written after a stated fact.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub code: Option<Text>,
    pub legal: Option<Text>,
    pub promise: Option<Text>,
}

/// `cost "…" basis "…"`: a cost the applicant still pays besides the fee.
#[derive(Debug, Clone)]
pub struct Cost {
    pub text: Text,
    pub basis: Option<Text>,
    pub span: Span,
}

/// `fee none` or `fee 10 yuan`, with its basis.
#[derive(Debug, Clone)]
pub struct Fee {
    /// The amount in yuan; `None` for `fee none`.
    pub yuan: Option<Number>,
    pub basis: Option<Text>,
    pub span: Span,
}

/// One arm of a fee by situation: `10 yuan basis "…" when a`, or the `otherwise` arm.
#[derive(Debug, Clone)]
pub struct FeeCase {
    pub fee: Fee,
    /// `None` for the `otherwise` arm.
    pub when: Option<Cond>,
    pub span: Span,
}

/// `output ID "name" { electronic | paper N }`.
#[derive(Debug, Clone)]
pub struct Output {
    pub id: Name,
    pub name: Text,
    pub electronic: Option<Span>,
    pub paper: Option<(u32, Span)>,
    pub span: Span,
}

/// `faq "question" "answer"`.
#[derive(Debug, Clone)]
pub struct Faq {
    pub question: Text,
    pub answer: Text,
    pub span: Span,
}

/// A field of an item's form.
#[derive(Debug, Clone)]
pub enum ItemField {
    /// A binding to a shared field.
    Shared(Binding),
    /// A field only this item needs.
    Local(Field),
    /// A situation's answer, which the department needs too: the applicant answers it once,
    /// as the situation, and the packet carries the answer.
    Situation(Asked),
}

/// A situation listed in an item's form.
#[derive(Debug, Clone)]
pub struct Asked {
    /// The department's name for the answer.
    pub local: Name,
    pub situation: Idx<Situation>,
    /// The department's own label, if it gives one (else the situation's question).
    pub label: Option<Text>,
    pub span: Span,
}

impl ItemField {
    /// The name the item's department uses.
    pub fn local_name(&self) -> &str {
        match self {
            ItemField::Shared(b) => &b.local.name,
            ItemField::Local(f) => &f.id.name,
            ItemField::Situation(a) => &a.local.name,
        }
    }
}

/// `local = shared "label" { narrowing }` in an item's form.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The department's name for the field.
    pub local: Name,
    /// The shared field.
    pub shared: Idx<Field>,
    /// The department's own label, if it gives one.
    pub label: Option<Text>,
    /// The department's narrowing constraints.
    pub constraints: Vec<Constraint>,
    /// `when CONDITION`: the item needs the field only where the condition holds.
    pub when: Option<FieldWhen>,
    pub span: Span,
}

/// A material of an item.
#[derive(Debug, Clone)]
pub enum Material {
    /// Declared by the item.
    Own(Box<OwnMaterial>),
    /// An earlier item's output.
    Reuse {
        item: Idx<Item>,
        output: Idx<Output>,
        when: Option<Cond>,
        span: Span,
    },
}

/// A material the item declares itself.
#[derive(Debug, Clone)]
pub struct OwnMaterial {
    pub id: Name,
    pub name: Text,
    pub attrs: MaterialAttrs,
    pub when: Option<Cond>,
    /// `template "path"`: the blank form or sample the applicant downloads.
    pub template: Option<Template>,
    pub span: Span,
}

/// `template "path"` on a material: a file beside the `.yjs` file (or below its folder),
/// copied into the build. The path was checked when resolved (relative, inside the folder,
/// a known kind); `bytes` are read by [`crate::resolve::read_templates`].
#[derive(Debug, Clone)]
pub struct Template {
    /// The path as written, relative to the folder of `file`.
    pub path: Text,
    /// The `.yjs` file that names it.
    pub file: FileId,
    /// The file name's extension, in lower case (`docx`).
    pub ext: String,
    /// The file's contents; `None` until read, and when it could not be read (E0112, E0113).
    pub bytes: Option<std::sync::Arc<[u8]>>,
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
    pub shared: Option<Text>,
    /// `optional`: not required (非必要).
    pub optional: Option<Span>,
    /// `deferred`: may be supplied after acceptance (容缺后补).
    pub deferred: Option<Span>,
    /// `pledge`: replaced by the applicant's written pledge (告知承诺).
    pub pledge: Option<Span>,
    /// `basis "…"`: why the material is required.
    pub basis: Option<Text>,
    /// `accept "…"`: what makes it acceptable at intake (受理标准).
    pub accept: Option<Text>,
}

/// The resolved flow.
#[derive(Debug, Clone, Default)]
pub struct Flow {
    /// `accept DURATION by DEPT`.
    pub accept: Option<(Duration, DeptId, Span)>,
    /// `deliver DURATION`.
    pub deliver: Option<Duration>,
    /// `wait ID "name" DURATION …`: the waiting periods, in declaration order.
    pub waits: Arena<Wait>,
    /// `A -> B` edges.
    pub edges: Vec<Edge>,
    /// The `flow` block.
    pub span: Option<Span>,
}

/// A waiting period (公告期, 公示期, 异议期): a step no department handles, which ends by
/// itself once its duration has passed. Its id shares the items' namespace.
#[derive(Debug, Clone)]
pub struct Wait {
    pub id: Name,
    pub name: Text,
    /// `N days` or `N workdays` (anything else is E0320).
    pub duration: Duration,
    /// `roll_forward`: a last day that is a rest day moves to the next working day (民法典
    /// 第二百零三条); the span of the keyword.
    pub roll_forward: Option<Span>,
    /// `basis "…"`: what sets the duration.
    pub basis: Option<Text>,
    /// `when CONDITION`: the wait applies only where it holds.
    pub when: Option<Cond>,
    pub span: Span,
}

/// A step of the flow graph: an item, or a wait step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlowNode {
    Item(Idx<Item>),
    Wait(Idx<Wait>),
}

impl Matter {
    /// The id of a flow step, as written.
    pub fn node_name(&self, node: FlowNode) -> &str {
        match node {
            FlowNode::Item(i) => &self.items[i].id.name,
            FlowNode::Wait(w) => &self.flow.waits[w].id.name,
        }
    }
}

/// One `A -> B` edge.
#[derive(Debug, Clone, Copy)]
pub struct Edge {
    pub from: FlowNode,
    pub to: FlowNode,
    /// Covers `A -> B`.
    pub span: Span,
}

/// A typed condition over situation answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cond {
    /// The situation's answer is one of `values`.
    Is {
        situation: Idx<Situation>,
        values: Vec<Idx<SitOption>>,
        span: Span,
    },
    /// The multi-select situation's answer includes `option`.
    Has {
        situation: Idx<Situation>,
        option: Idx<SitOption>,
        span: Span,
    },
    /// Every operand holds (two or more; none is an `And` itself).
    And(Vec<Cond>),
    /// At least one operand holds (two or more; none is an `Or` itself).
    Or(Vec<Cond>),
    Not(Box<Cond>),
}

impl Cond {
    /// `a and b and …`, an operand that is an `And` itself spliced in; one operand is itself.
    pub fn all(operands: impl IntoIterator<Item = Cond>) -> Cond {
        Cond::list(operands, true)
    }

    /// `a or b or …`, an operand that is an `Or` itself spliced in; one operand is itself.
    pub fn any(operands: impl IntoIterator<Item = Cond>) -> Cond {
        Cond::list(operands, false)
    }

    fn list(operands: impl IntoIterator<Item = Cond>, and: bool) -> Cond {
        let mut args = Vec::new();
        for c in operands {
            match (c, and) {
                (Cond::And(inner), true) | (Cond::Or(inner), false) => args.extend(inner),
                (c, _) => args.push(c),
            }
        }
        if args.len() == 1 {
            if let Some(one) = args.pop() {
                return one;
            }
        }
        if and {
            Cond::And(args)
        } else {
            Cond::Or(args)
        }
    }

    /// Evaluates over answers; an unanswered situation makes its test false.
    pub fn eval(&self, answers: &Answers) -> bool {
        match self {
            Cond::Is {
                situation, values, ..
            } => answers
                .get(*situation)
                .is_some_and(|a| values.iter().any(|v| ix(*v) == a.0)),
            Cond::Has {
                situation, option, ..
            } => answers.get(*situation).is_some_and(|a| a.has(ix(*option))),
            Cond::And(args) => args.iter().all(|c| c.eval(answers)),
            Cond::Or(args) => args.iter().any(|c| c.eval(answers)),
            Cond::Not(a) => !a.eval(answers),
        }
    }

    /// The situations mentioned, sorted, without repeats.
    pub fn situations(&self) -> Vec<Idx<Situation>> {
        fn walk(c: &Cond, out: &mut Vec<Idx<Situation>>) {
            match c {
                Cond::Is { situation, .. } | Cond::Has { situation, .. } => out.push(*situation),
                Cond::And(args) | Cond::Or(args) => args.iter().for_each(|c| walk(c, out)),
                Cond::Not(a) => walk(a, out),
            }
        }
        let mut out = Vec::new();
        walk(self, &mut out);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The source range the condition covers.
    pub fn span(&self) -> Span {
        match self {
            Cond::Is { span, .. } | Cond::Has { span, .. } => *span,
            Cond::And(args) | Cond::Or(args) => match (args.first(), args.last()) {
                (Some(a), Some(b)) => a.span().to(b.span()),
                _ => Span::default(),
            },
            Cond::Not(a) => a.span(),
        }
    }

    /// The condition as an analyst would write it, e.g. `settle == local and card`.
    pub fn display(&self, situations: &Arena<Situation>) -> String {
        match self {
            Cond::Is {
                situation, values, ..
            } => {
                let s = &situations[*situation];
                let option = |v: &Idx<SitOption>| s.options[*v].id.as_str();
                if s.is_bool {
                    match values.iter().map(|v| ix(*v)).collect::<Vec<_>>().as_slice() {
                        [1] => s.id.name.clone(),
                        [0] => format!("not {}", s.id.name),
                        _ => format!("{} in [false, true]", s.id.name),
                    }
                } else if let [one] = values.as_slice() {
                    format!("{} == {}", s.id.name, option(one))
                } else {
                    let names: Vec<&str> = values.iter().map(option).collect();
                    format!("{} in [{}]", s.id.name, names.join(", "))
                }
            }
            Cond::Has {
                situation, option, ..
            } => {
                let s = &situations[*situation];
                format!("{} in {}", s.options[*option].id, s.id.name)
            }
            Cond::And(args) => args
                .iter()
                .map(|c| c.display_nested(situations))
                .collect::<Vec<_>>()
                .join(" and "),
            Cond::Or(args) => args
                .iter()
                .map(|c| c.display_nested(situations))
                .collect::<Vec<_>>()
                .join(" or "),
            Cond::Not(a) => format!("not {}", a.display_nested(situations)),
        }
    }

    fn display_nested(&self, situations: &Arena<Situation>) -> String {
        match self {
            Cond::And(..) | Cond::Or(..) => format!("({})", self.display(situations)),
            _ => self.display(situations),
        }
    }
}

/// `a and b`, where a missing side means "always".
pub fn and(a: Option<&Cond>, b: Option<&Cond>) -> Option<Cond> {
    match (a, b) {
        (Some(a), Some(b)) => Some(Cond::all([a.clone(), b.clone()])),
        (Some(x), None) | (None, Some(x)) => Some(x.clone()),
        (None, None) => None,
    }
}
