//! The documents IR: what the 服务指南, the 一次告知单 and the 审查工作细则 of one matter say, as data.
//!
//! Built by `lower::documents`, read by `emit::guide`, which words it in Chinese and renders it.
//! Conditions are artifact `Condition`s; the situations themselves are in the form IR
//! (`Form::situations`). No wording is decided here: a fee is an amount or "none", a material
//! has counts and flags, and the emitter chooses the words.

use serde::Serialize;
use yjs_artifacts::{Answers, Condition};

/// One-time notices are written for every combination of answers only up to this many.
pub const MAX_NOTICES: u64 = 64;

/// 改革成效 takes each figure per combination of answers up to this many combinations; past
/// it, every item counts as applying (an upper bound the guide labels as such).
pub const MAX_REFORM_COMBINATIONS: u64 = 4096;

/// The documents of one matter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Documents {
    /// The matter id.
    pub matter: String,
    /// The matter name.
    pub name: String,
    /// The matter's catalogue code.
    pub code: Option<String>,
    /// The lead department.
    pub lead: Option<Department>,
    /// The window department.
    pub window: Option<Department>,
    /// Visits to the window, as declared.
    pub visits: Option<u32>,
    /// Delivery channels, in their English spelling (`online`, `mail`, `window`).
    pub delivery: Vec<String>,
    /// The matter's basis lines.
    pub basis: Vec<String>,
    pub consult: Option<String>,
    pub complaint: Option<String>,
    /// The declared `applicant` lines.
    pub applicant: Vec<String>,
    /// Which kinds of applicant the fields identify (for a guide without `applicant` lines).
    pub identifies: Identifies,
    /// The items, in declaration order.
    pub items: Vec<Item>,
    /// The merged materials table (一套材料): every material once.
    pub materials: Vec<MaterialRow>,
    /// The combinations one-time notices are written for.
    pub notices: Notices,
    /// The material templates the build copies, in the order of the materials table.
    pub templates: Vec<TemplateFile>,
    /// The 改革成效 figures merging can make worse, as check counted them.
    pub reform: Reform,
}

/// A material template (空白表格/示例样表): a repository file the build copies beside the
/// guide. The emitter names the copy from `item`, `material` and `ext`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TemplateFile {
    /// The id of the item whose material names it.
    pub item: String,
    /// The material's id.
    pub material: String,
    /// The extension, in lower case.
    pub ext: String,
    /// The file's contents, as read when the sources were checked.
    #[serde(skip)]
    pub bytes: std::sync::Arc<[u8]>,
}

/// The 改革成效 figures merging can make worse: (one by one, merged), each the maximum over
/// the combinations of answers (spec/guide.md §改革成效). The guide counts fields, materials
/// and fees itself: merging never makes those worse.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Reform {
    pub departments: (u64, u64),
    pub steps: (u64, u64),
    pub days: (u64, u64),
    pub visits: (u64, u64),
    /// The sum of the applicable items' legal limits, and the plan's total.
    pub legal: (u64, u64),
    /// The most applicable items without a legal limit in one combination.
    pub without_legal: u64,
    /// Counted as if every item applied (too many combinations): an upper bound.
    pub bounded: bool,
    /// Figures acknowledged as worse (`days`, `visits`), with
    /// the analyst's reason, which the guide prints next to the figure.
    pub accepted: Vec<(String, String)>,
}

/// A department as the documents show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Department {
    pub id: String,
    pub name: String,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub hours: Option<String>,
    /// Where the department's matters are handled online (`website`).
    pub website: Option<String>,
}

/// Whether some field of the matter (shared or an item's own) has a 居民身份证号码 (a natural
/// person) or a 统一社会信用代码 (an organisation).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Identifies {
    pub person: bool,
    pub organisation: bool,
}

/// An item as the documents show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub id: String,
    pub name: String,
    pub code: Option<String>,
    /// The item's kind (事项类型) in its English spelling (`administrative_license`, …).
    pub kind: Option<String>,
    pub department: Option<Department>,
    pub basis: Vec<String>,
    /// The acceptance conditions (受理条件), one line each.
    pub conditions: Vec<String>,
    /// What the documents say about the item's legal time limit; the length itself is the
    /// plan step's.
    pub legal: Legal,
    /// Who promised the item's time limit, when stated.
    pub promise_basis: Option<String>,
    /// The one fee; for a fee by situation, `None` and the arms are in `fee_by`.
    pub fee: Option<Fee>,
    /// The arms of a fee by situation, in written order, `otherwise` last; empty for one fee.
    pub fee_by: Vec<FeeArm>,
    /// Visits to handle the item on its own, as declared.
    pub visits: Option<u32>,
    /// When the item applies (for an optional item, its question answered yes is part of it).
    pub applies: Condition,
    /// The question of an optional item (`optional "…"`), which the applicant answers.
    pub optional: Option<String>,
    /// The item's form, in order: what the applicant fills in for it.
    pub fields: Vec<FormLine>,
    /// How many materials the item asks for on its own (reused outputs included).
    pub material_count: usize,
    pub outputs: Vec<Output>,
    /// The review points (审查要点).
    pub review: Vec<String>,
    pub faqs: Vec<Faq>,
}

/// One field of an item's form, as a notice lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormLine {
    /// The shared field it binds, if any: the same shared field is listed once.
    pub shared: Option<String>,
    /// The department's name for the field.
    pub name: String,
    /// The label the applicant reads (a shared field's own label).
    pub label: String,
}

/// The item's legal time limit as far as the documents are concerned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Legal {
    /// No `legal` statement.
    Unstated,
    /// `legal unregulated`: no law or regulation sets one; the governing law, if named.
    Unregulated { basis: Option<String> },
    /// `legal DURATION`, with the article that sets it when stated.
    Limit { basis: Option<String> },
}

/// The fee of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fee {
    /// The amount in yuan as written; `None` for `fee none`.
    pub yuan: Option<String>,
    /// Where the fee (or its absence) comes from, when stated.
    pub basis: Option<String>,
}

impl Fee {
    /// `fee none`.
    pub fn is_free(&self) -> bool {
        self.yuan.is_none()
    }

    /// The amount as a number (0 for `fee none`); `None` when it does not read as one.
    pub fn amount(&self) -> Option<f64> {
        match &self.yuan {
            None => Some(0.0),
            Some(y) => y.parse().ok(),
        }
    }
}

/// One arm of a fee by situation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeeArm {
    pub fee: Fee,
    /// When the arm applies; `None` for the `otherwise` arm.
    pub when: Option<Condition>,
}

impl Item {
    /// The fee for these answers: the first arm whose condition holds, else the `otherwise`
    /// arm; or the one fee.
    pub fn fee_for(&self, answers: &Answers) -> Option<&Fee> {
        if self.fee_by.is_empty() {
            return self.fee.as_ref();
        }
        self.fee_by
            .iter()
            .find(|a| a.when.as_ref().is_some_and(|c| c.eval(answers)))
            .or_else(|| self.fee_by.iter().find(|a| a.when.is_none()))
            .map(|a| &a.fee)
    }

    /// The highest fee over the arms (the first on ties), or the one fee: the bound used when
    /// the answers are not enumerated.
    pub fn fee_worst(&self) -> Option<&Fee> {
        if self.fee_by.is_empty() {
            return self.fee.as_ref();
        }
        self.fee_by
            .iter()
            .map(|a| &a.fee)
            .fold(None, |w: Option<&Fee>, f| match w {
                Some(w) if w.amount().unwrap_or(f64::MAX) >= f.amount().unwrap_or(f64::MAX) => {
                    Some(w)
                }
                _ => Some(f),
            })
    }

    /// Whether the item states its fee and charges nothing, whatever the answers.
    pub fn is_free(&self) -> bool {
        if self.fee_by.is_empty() {
            self.fee.as_ref().is_some_and(Fee::is_free)
        } else {
            self.fee_by.iter().all(|a| a.fee.is_free())
        }
    }
}

/// An output (审批结果) of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Output {
    pub id: String,
    pub name: String,
    pub electronic: bool,
    /// Paper copies.
    pub paper: Option<u32>,
    /// The names of the items that reuse it, in declaration order.
    pub used_by: Vec<String>,
}

/// A question and its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Faq {
    pub question: String,
    pub answer: String,
}

/// One row of the merged materials table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MaterialRow {
    /// The material name.
    pub name: String,
    /// The names of the items that need it, in declaration order.
    pub items: Vec<String>,
    /// Where it comes from.
    pub source: MaterialSource,
    pub necessity: Necessity,
    /// Why the material is required, when stated.
    pub basis: Option<String>,
    /// What makes it acceptable at intake (受理标准), when stated.
    pub accept: Option<String>,
    /// Its template, by position in `Documents::templates`.
    pub template: Option<usize>,
    /// When it applies: the union of its uses.
    pub applies: Condition,
    /// When each use applies (the item's condition and the material's).
    pub uses: Vec<Condition>,
}

/// Where a material comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum MaterialSource {
    /// The applicant brings it.
    Applicant(Copies),
    /// Fetched by data sharing from `system` (免提交).
    Shared { system: String, copies: Copies },
    /// An earlier item's output, taken when that item is done (免提交).
    Output {
        /// The producing item's name.
        item: String,
        electronic: bool,
        paper: Option<u32>,
    },
}

/// The forms in which a declared material is handed in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Copies {
    pub original: Option<u32>,
    pub copy: Option<u32>,
    pub electronic: bool,
}

/// How necessary a material is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Necessity {
    /// 必要.
    Required,
    /// 非必要.
    Optional,
    /// 容缺后补: may be supplied after acceptance.
    Deferred,
    /// 告知承诺: replaced by a written pledge.
    Pledge,
}

/// The combinations of situation answers that one-time notices are written for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notices {
    /// How many combinations the situations allow (saturating).
    pub combinations: u64,
    /// Every combination, as one option position per situation of `Form::situations`, first
    /// situation slowest; empty past [`MAX_NOTICES`].
    pub list: Vec<Vec<usize>>,
    /// The same, up to [`MAX_REFORM_COMBINATIONS`] (empty past it): the scenarios 改革成效
    /// takes its maxima over. Not serialized: it repeats `list` in longer form.
    #[serde(skip)]
    pub all: Vec<Vec<usize>>,
}
