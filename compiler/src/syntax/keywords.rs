//! The one keyword table: every keyword's spellings, meaning and the statements it starts.
//!
//! The parser's statement dispatch, the "given twice" check, the error messages' lists of
//! what may stand in a block, and the keyword kinds of the syntax tree all read `KEYWORDS`.
//! Tests check it against `grammar.pest` (each `kw_*` rule spells the same words) and against
//! the keyword table of `spec/language.md` (each keyword listed once, with the same words).
//!
//! Further down are the contextual words the AST builder reads from names (constraints,
//! attributes, field types, …): they are names to the grammar, so an unknown one gets a
//! "did you mean" suggestion instead of a bare syntax error.

use super::kind::SyntaxKind::{self, *};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The block a statement stands in; it decides which statements may start there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Context {
    /// The top level of a file.
    Top,
    /// The attributes of a department.
    Department,
    /// The body of a matter.
    Matter,
    /// The body of an item.
    Item,
    /// The body of a flow.
    Flow,
    /// The options of a situation or a choice.
    Options,
    /// Field entries: `shared`, `form`, `dictionary`, `list`.
    Entries,
    /// The constraints of a field.
    Constraints,
    /// The attributes of a material.
    Material,
    /// The attributes of an output.
    Output,
    /// The points of a review.
    Review,
    /// The arms of a limit by situation.
    Limits,
}

impl Context {
    /// Every context.
    pub const ALL: [Context; 12] = [
        Context::Top,
        Context::Department,
        Context::Matter,
        Context::Item,
        Context::Flow,
        Context::Options,
        Context::Entries,
        Context::Constraints,
        Context::Material,
        Context::Output,
        Context::Review,
        Context::Limits,
    ];

    /// The contexts whose statements are chosen by their first keyword.
    pub const DISPATCHED: [Context; 4] =
        [Context::Top, Context::Matter, Context::Item, Context::Flow];

    /// What a statement of this context is called in messages ("a matter statement").
    pub fn statement_name(self) -> &'static str {
        match self {
            Context::Top => "a top-level statement",
            Context::Department => "a department attribute",
            Context::Matter => "a matter statement",
            Context::Item => "an item statement",
            Context::Flow => "a flow statement (`accept`, `deliver`, `wait` or `A -> B`)",
            Context::Options => "an option `ID \"label\"`",
            Context::Entries => "a field entry",
            Context::Constraints => "a constraint",
            Context::Material => "a material attribute",
            Context::Output => "an output attribute",
            Context::Review => "a review point in double quotes",
            Context::Limits => "a limit `DURATION when CONDITION` or `otherwise DURATION`",
        }
    }

    /// The English words that may start a statement here, for "did you mean" help: the
    /// keywords of `KEYWORDS` for the dispatched contexts, the attribute names of a department.
    pub fn starting_words(self) -> Vec<&'static str> {
        match self {
            Context::Department => DEPARTMENT_ATTRS.iter().map(|(en, _)| *en).collect(),
            c if Context::DISPATCHED.contains(&c) => {
                statement_keywords(c).map(|(k, _)| k.english[0]).collect()
            }
            _ => Vec::new(),
        }
    }
}

/// How often a statement may stand in one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Times {
    /// At most once: a second one is E0012.
    Once,
    /// Any number of times.
    Many,
}

/// A statement that a keyword starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    /// The block it stands in.
    pub context: Context,
    /// The node the statement becomes in the syntax tree.
    pub node: SyntaxKind,
    /// How often it may stand in one block.
    pub times: Times,
}

/// A keyword of the grammar.
#[derive(Debug, Clone, Copy)]
pub struct Keyword {
    /// Its token kind in the syntax tree.
    pub kind: SyntaxKind,
    /// Its English spellings; the first is canonical.
    pub english: &'static [&'static str],
    /// Its Chinese spellings; the first is canonical.
    pub chinese: &'static [&'static str],
    /// What it means, in a few words.
    pub meaning: &'static str,
    /// The statements it starts, per block.
    pub starts: &'static [Start],
}

impl Keyword {
    /// Every spelling, English first.
    pub fn spellings(&self) -> impl Iterator<Item = &'static str> {
        self.english.iter().chain(self.chinese).copied()
    }

    /// The meaning as the language reference writes it, naming the other spellings:
    /// "working days (also `workday`, `个工作日`)".
    pub fn description(&self) -> String {
        let others: Vec<String> = self.english[1..]
            .iter()
            .chain(&self.chinese[1..])
            .map(|s| format!("`{s}`"))
            .collect();
        if others.is_empty() {
            self.meaning.to_string()
        } else {
            format!("{} (also {})", self.meaning, others.join(", "))
        }
    }

    /// The statement this keyword starts in `context`, if any.
    pub fn start_in(&self, context: Context) -> Option<&'static Start> {
        self.starts.iter().find(|s| s.context == context)
    }
}

const fn once(context: Context, node: SyntaxKind) -> Start {
    Start {
        context,
        node,
        times: Times::Once,
    }
}

const fn many(context: Context, node: SyntaxKind) -> Start {
    Start {
        context,
        node,
        times: Times::Many,
    }
}

const fn kw(
    kind: SyntaxKind,
    english: &'static [&'static str],
    chinese: &'static [&'static str],
    meaning: &'static str,
    starts: &'static [Start],
) -> Keyword {
    Keyword {
        kind,
        english,
        chinese,
        meaning,
        starts,
    }
}

use Context::{Flow, Item, Material, Matter, Options, Top};

/// Every keyword, in the order of their kinds (`USE_KW` first). `spec/language.md` lists
/// the same table, and each `kw_*` rule of `grammar.pest` spells the same words.
pub const KEYWORDS: &[Keyword] = &[
    kw(
        USE_KW,
        &["use"],
        &["引用"],
        "load another file",
        &[many(Top, USE_STMT)],
    ),
    kw(
        DEPARTMENT_KW,
        &["department"],
        &["部门"],
        "a department, or an item's owner",
        &[many(Top, DEPARTMENT), once(Item, DEPARTMENT_STMT)],
    ),
    kw(
        DICTIONARY_KW,
        &["dictionary"],
        &["字典"],
        "a dictionary of standard fields",
        &[many(Top, DICTIONARY)],
    ),
    kw(
        MATTER_KW,
        &["matter"],
        &["一件事"],
        "a matter",
        &[many(Top, MATTER)],
    ),
    kw(
        SITUATION_KW,
        &["situation"],
        &["情形"],
        "a question the applicant answers",
        &[many(Matter, SITUATION)],
    ),
    kw(
        OPTION_KW,
        &["option"],
        &["选项"],
        "an option of a situation (optional word)",
        &[many(Options, OPTION)],
    ),
    kw(
        RULE_KW,
        &["rule"],
        &["规则"],
        "a condition every answer combination meets",
        &[many(Matter, RULE_STMT)],
    ),
    kw(
        SHARED_KW,
        &["shared"],
        &["共享"],
        "the matter's shared fields",
        &[once(Matter, SHARED)],
    ),
    kw(
        ITEM_KW,
        &["item"],
        &["事项"],
        "an item",
        &[many(Matter, ITEM)],
    ),
    kw(
        FLOW_KW,
        &["flow"],
        &["流程"],
        "the co-approval graph",
        &[once(Matter, FLOW)],
    ),
    kw(
        FORM_KW,
        &["form"],
        &["表单"],
        "an item's form",
        &[once(Item, FORM)],
    ),
    kw(
        MATERIAL_KW,
        &["material"],
        &["材料"],
        "a material",
        &[many(Item, MATERIAL)],
    ),
    kw(
        OUTPUT_KW,
        &["output"],
        &["结果"],
        "an item's output",
        &[many(Item, OUTPUT)],
    ),
    kw(
        REVIEW_KW,
        &["review"],
        &["审查要点"],
        "review points",
        &[many(Item, REVIEW)],
    ),
    kw(
        FAQ_KW,
        &["faq"],
        &["常见问题"],
        "a question and its answer",
        &[many(Item, FAQ)],
    ),
    kw(
        NOTE_KW,
        &["note"],
        &["备注"],
        "a remark for analysts, never printed",
        &[many(Matter, NOTE_STMT), many(Item, NOTE_STMT)],
    ),
    kw(
        CODE_KW,
        &["code"],
        &["编码"],
        "a catalogue code",
        &[once(Matter, CODE_STMT), once(Item, CODE_STMT)],
    ),
    kw(
        LEAD_KW,
        &["lead"],
        &["牵头"],
        "the lead department",
        &[once(Matter, LEAD_STMT)],
    ),
    kw(
        WINDOW_KW,
        &["window"],
        &["窗口"],
        "the acceptance window",
        &[once(Matter, WINDOW_STMT)],
    ),
    kw(
        PROMISE_KW,
        &["promise"],
        &["承诺"],
        "the promised time limit",
        &[once(Matter, PROMISE_STMT), once(Item, PROMISE_STMT)],
    ),
    kw(
        LEGAL_KW,
        &["legal"],
        &["法定"],
        "the legal time limit",
        &[once(Item, LEGAL_STMT)],
    ),
    kw(
        VISITS_KW,
        &["visits"],
        &["到现场次数"],
        "visits in person",
        &[once(Matter, VISITS_STMT), once(Item, VISITS_STMT)],
    ),
    kw(
        DELIVERY_KW,
        &["delivery"],
        &["送达方式"],
        "delivery channels",
        &[once(Matter, DELIVERY_STMT)],
    ),
    kw(
        BASIS_KW,
        &["basis"],
        &["依据"],
        "a legal basis",
        &[many(Matter, BASIS_STMT), many(Item, BASIS_STMT)],
    ),
    kw(
        CONSULT_KW,
        &["consult"],
        &["咨询"],
        "the consultation channel",
        &[once(Matter, CONSULT_STMT)],
    ),
    kw(
        COMPLAINT_KW,
        &["complaint"],
        &["投诉"],
        "the complaint channel",
        &[once(Matter, COMPLAINT_STMT)],
    ),
    kw(
        APPLICANT_KW,
        &["applicant"],
        &["服务对象"],
        "who may apply",
        &[many(Matter, APPLICANT_STMT)],
    ),
    kw(
        WARN_KW,
        &["warn"],
        &["预警"],
        "the supervision warning threshold",
        &[once(Matter, WARN_STMT)],
    ),
    kw(
        EXTENSION_KW,
        &["extension"],
        &["延长"],
        "an approved joint-handling extension",
        &[once(Matter, EXTENSION_STMT)],
    ),
    kw(
        WORSE_KW,
        &["worse"],
        &["未改善"],
        "an acknowledged 改革成效 figure that merging makes worse, with the reason",
        &[many(Matter, WORSE_STMT)],
    ),
    kw(
        KIND_KW,
        &["kind"],
        &["类型"],
        "an item's kind",
        &[once(Item, KIND_STMT)],
    ),
    kw(
        CONDITION_KW,
        &["condition"],
        &["条件"],
        "an acceptance condition",
        &[many(Item, CONDITION_STMT)],
    ),
    kw(
        OPTIONAL_KW,
        &["optional"],
        &["可选"],
        "an item the applicant chooses, asked as a yes/no question",
        &[once(Item, OPTIONAL_STMT)],
    ),
    kw(
        FEE_KW,
        &["fee"],
        &["收费"],
        "a fee",
        &[once(Item, FEE_STMT)],
    ),
    kw(
        COST_KW,
        &["cost"],
        &["其他费用"],
        "a cost the applicant still pays that is not the item's fee, with its basis",
        &[many(Item, COST_STMT)],
    ),
    kw(NONE_KW, &["none"], &["不收费"], "no fee", &[]),
    kw(
        UNREGULATED_KW,
        &["unregulated"],
        &["未规定"],
        "no law sets a time limit",
        &[],
    ),
    kw(YUAN_KW, &["yuan"], &["元"], "the fee unit", &[]),
    kw(
        WHEN_KW,
        &["when"],
        &["当"],
        "a condition on situations",
        &[once(Item, WHEN_STMT), once(Material, ATTR)],
    ),
    kw(
        OTHERWISE_KW,
        &["otherwise"],
        &["否则"],
        "the limit in every other case",
        &[],
    ),
    kw(
        MESSAGE_KW,
        &["message"],
        &["错误提示"],
        "after a constraint: what the applicant reads when it fails",
        &[],
    ),
    kw(
        ACCEPT_KW,
        &["accept"],
        &["受理"],
        "the acceptance step",
        &[once(Flow, ACCEPT_STMT)],
    ),
    kw(
        DELIVER_KW,
        &["deliver"],
        &["送达"],
        "the delivery step",
        &[once(Flow, DELIVER_STMT)],
    ),
    kw(
        WAIT_KW,
        &["wait"],
        &["等待"],
        "a waiting period (公告期, 公示期) no department handles",
        &[many(Flow, WAIT_STMT)],
    ),
    kw(
        ROLL_FORWARD_KW,
        &["roll_forward"],
        &["顺延"],
        "a waiting period whose last day, if a rest day, moves to the next working day (民法典 第二百零三条)",
        &[],
    ),
    kw(BY_KW, &["by"], &["由"], "the accepting department", &[]),
    kw(BOOL_KW, &["bool"], &["是否"], "a yes/no situation", &[]),
    kw(
        CHOICE_KW,
        &["choice"],
        &["单选"],
        "a single-choice field",
        &[],
    ),
    kw(
        MULTI_CHOICE_KW,
        &["multi_choice", "multi"],
        &["多选"],
        "a multiple-choice field or situation",
        &[],
    ),
    kw(
        LIST_KW,
        &["list"],
        &["列表"],
        "a repeating group of fields",
        &[],
    ),
    kw(
        IMMEDIATE_KW,
        &["immediate"],
        &["即办"],
        "decided on the spot",
        &[],
    ),
    kw(
        WORKDAYS_KW,
        &["workdays", "workday"],
        &["工作日", "个工作日"],
        "working days",
        &[],
    ),
    kw(
        DAYS_KW,
        &["days", "day"],
        &["日", "天", "自然日"],
        "calendar days",
        &[],
    ),
    kw(HOURS_KW, &["hours", "hour"], &["小时"], "hours", &[]),
    kw(AND_KW, &["and"], &["且"], "both conditions", &[]),
    kw(OR_KW, &["or"], &["或"], "either condition", &[]),
    kw(NOT_KW, &["not"], &["非"], "the opposite condition", &[]),
    kw(IN_KW, &["in"], &["属于"], "one of several options", &[]),
    kw(TRUE_KW, &["true"], &["是"], "yes", &[]),
    kw(FALSE_KW, &["false"], &["否"], "no", &[]),
];

/// The table entry of a keyword kind.
pub fn keyword(kind: SyntaxKind) -> Option<&'static Keyword> {
    KEYWORDS
        .get(kind.keyword_index()?)
        .filter(|k| k.kind == kind)
}

/// The keyword a word spells, in either language: `承诺` and `promise` are `PROMISE_KW`.
/// Whether the word is read as that keyword depends on where it stands.
pub fn lookup(word: &str) -> Option<SyntaxKind> {
    static MAP: OnceLock<HashMap<&'static str, SyntaxKind>> = OnceLock::new();
    MAP.get_or_init(|| {
        KEYWORDS
            .iter()
            .flat_map(|k| k.spellings().map(move |s| (s, k.kind)))
            .collect()
    })
    .get(word)
    .copied()
}

/// The statement `kind` starts in `context`, if it starts one there.
pub fn start(kind: SyntaxKind, context: Context) -> Option<&'static Start> {
    keyword(kind)?.start_in(context)
}

/// The keywords that start a statement in `context`, with that statement.
pub fn statement_keywords(
    context: Context,
) -> impl Iterator<Item = (&'static Keyword, &'static Start)> {
    KEYWORDS
        .iter()
        .filter_map(move |k| k.start_in(context).map(|s| (k, s)))
}

/// Whether a statement node may stand only once in a block of `context`.
pub fn given_once(node: SyntaxKind, context: Context) -> bool {
    statement_keywords(context).any(|(_, s)| s.node == node && s.times == Times::Once)
}

/// Field constraints: (English, Chinese).
pub const CONSTRAINTS: &[(&str, &str)] = &[
    ("required", "必填"),
    ("min", "最小值"),
    ("max", "最大值"),
    ("min_length", "最小长度"),
    ("max_length", "最大长度"),
    ("pattern", "格式"),
    ("min_items", "最少条数"),
    ("max_items", "最多条数"),
    ("default", "默认值"),
    ("help", "说明"),
    ("placeholder", "提示"),
    ("hint", "填写提示"),
    ("message", "错误提示"),
    ("not_before", "不早于"),
    ("not_after", "不晚于"),
];

/// The spellings of `when`, also read where a bad statement is diagnosed.
pub const WHEN: &[&str] = &["when", "当"];

/// Material attributes: (English, Chinese). Each may be given once per material.
pub const MATERIAL_ATTRS: &[(&str, &str)] = &[
    ("original", "原件"),
    ("copy", "复印件"),
    ("electronic", "电子"),
    ("shared", "共享"),
    ("optional", "非必要"),
    ("deferred", "容缺"),
    ("pledge", "告知承诺"),
    ("basis", "依据"),
    ("accept", "受理标准"),
    ("template", "样表"),
    ("when", "当"),
];

/// Output attributes: (English, Chinese). Each may be given once per output.
pub const OUTPUT_ATTRS: &[(&str, &str)] = &[("electronic", "电子"), ("paper", "纸质")];

/// Department attributes: (English, Chinese). Each may be given once per department.
pub const DEPARTMENT_ATTRS: &[(&str, &str)] = &[
    ("phone", "电话"),
    ("address", "地址"),
    ("hours", "办公时间"),
    ("website", "网址"),
];

/// Named field types: (English, Chinese).
pub const FIELD_TYPES: &[(&str, &str)] = &[
    ("text", "文本"),
    ("integer", "整数"),
    ("decimal", "小数"),
    ("money", "金额"),
    ("date", "日期"),
    ("datetime", "日期时间"),
    ("bool", "布尔"),
    ("id_card", "身份证号码"),
    ("uscc", "统一社会信用代码"),
    ("region", "行政区划"),
    ("mobile", "手机号码"),
    ("phone", "固定电话"),
    ("email", "电子邮箱"),
    ("file", "附件"),
];

/// Item kinds: (English, Chinese).
pub const ITEM_KINDS: &[(&str, &str)] = &[
    ("administrative_license", "行政许可"),
    ("administrative_confirmation", "行政确认"),
    ("administrative_payment", "行政给付"),
    ("administrative_award", "行政奖励"),
    ("administrative_ruling", "行政裁决"),
    ("filing", "备案"),
    ("public_service", "公共服务"),
    ("other", "其他"),
];

/// Delivery channels: (English, Chinese).
pub const DELIVERY: &[(&str, &str)] = &[
    ("online", "网上"),
    ("mail", "邮寄"),
    ("window", "窗口"),
    ("self_print", "自助打印"),
];

/// The 改革成效 figures merging can make worse, named by `worse FIGURE "reason"`:
/// (English, Chinese).
pub const REFORM_FIGURES: &[(&str, &str)] = &[("days", "办理时间"), ("visits", "到现场次数")];

/// The English spelling of `word` in `table`, accepting either spelling.
pub fn canonical(table: &[(&'static str, &'static str)], word: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(en, zh)| *en == word || *zh == word)
        .map(|(en, _)| *en)
}

/// Every spelling in a table, for suggestions.
pub fn spellings(table: &[(&'static str, &'static str)]) -> Vec<&'static str> {
    table.iter().flat_map(|(en, zh)| [*en, *zh]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn the_table_follows_the_keyword_kinds() {
        let kinds: Vec<SyntaxKind> = SyntaxKind::all().filter(|k| k.is_keyword()).collect();
        let table: Vec<SyntaxKind> = KEYWORDS.iter().map(|k| k.kind).collect();
        assert_eq!(kinds, table);
        for k in KEYWORDS {
            assert_eq!(keyword(k.kind).map(|x| x.english), Some(k.english));
        }
    }

    #[test]
    fn no_spelling_names_two_keywords() {
        let mut seen = BTreeMap::new();
        for k in KEYWORDS {
            assert!(!k.english.is_empty() && !k.chinese.is_empty());
            for s in k.spellings() {
                if let Some(other) = seen.insert(s, k.kind) {
                    panic!("`{s}` spells both {other:?} and {:?}", k.kind);
                }
                assert_eq!(lookup(s), Some(k.kind));
            }
        }
        assert_eq!(lookup("promis"), None);
    }

    #[test]
    fn a_statement_node_belongs_to_one_keyword_per_context() {
        for ctx in Context::ALL {
            let mut seen = BTreeMap::new();
            for (k, s) in statement_keywords(ctx) {
                if let Some(other) = seen.insert(s.node, k.kind) {
                    panic!(
                        "{:?} in {ctx:?} is started by {other:?} and {:?}",
                        s.node, k.kind
                    );
                }
            }
        }
    }
}
