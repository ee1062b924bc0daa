//! The keyword tables: every English keyword with its Chinese spelling, in one place.
//!
//! Statement keywords live in the grammar (`grammar.pest`); the names below are
//! contextual words the AST builder reads from identifiers, so an unknown one gets
//! a "did you mean" suggestion instead of a bare syntax error.

/// Grammar keywords: (English, Chinese, meaning). `spec/language.md` lists the same table.
pub const GRAMMAR_KEYWORDS: &[(&str, &str, &str)] = &[
    ("use", "引用", "load another file"),
    ("department", "部门", "a department, or an item's owner"),
    ("dictionary", "字典", "a dictionary of standard fields"),
    ("matter", "一件事", "a matter"),
    ("situation", "情形", "a question the applicant answers"),
    ("option", "选项", "an option of a situation (optional word)"),
    ("shared", "共享", "the matter's shared fields"),
    ("item", "事项", "an item"),
    ("flow", "流程", "the co-approval graph"),
    ("form", "表单", "an item's form"),
    ("material", "材料", "a material"),
    ("output", "结果", "an item's output"),
    ("review", "审查要点", "review points"),
    ("faq", "常见问题", "a question and its answer"),
    ("code", "编码", "a catalogue code"),
    ("lead", "牵头", "the lead department"),
    ("window", "窗口", "the acceptance window"),
    ("promise", "承诺", "the promised time limit"),
    ("legal", "法定", "the legal time limit"),
    ("visits", "到现场次数", "visits in person"),
    ("delivery", "送达方式", "delivery channels"),
    ("basis", "依据", "a legal basis"),
    ("consult", "咨询", "the consultation channel"),
    ("complaint", "投诉", "the complaint channel"),
    ("applicant", "服务对象", "who may apply"),
    ("warn", "预警", "the supervision warning threshold"),
    ("extension", "延长", "an approved joint-handling extension"),
    ("kind", "类型", "an item's kind"),
    ("condition", "条件", "an acceptance condition"),
    ("fee", "收费", "a fee"),
    ("none", "不收费", "no fee"),
    ("yuan", "元", "the fee unit"),
    ("when", "当", "a condition on situations"),
    ("accept", "受理", "the acceptance step"),
    ("deliver", "送达", "the delivery step"),
    ("by", "由", "the accepting department"),
    ("bool", "是否", "a yes/no situation"),
    ("choice", "单选", "a single-choice field"),
    ("multi_choice", "多选", "a multiple-choice field"),
    ("list", "列表", "a repeating group of fields"),
    ("immediate", "即办", "decided on the spot"),
    (
        "workdays",
        "工作日",
        "working days (also `workday`, `个工作日`)",
    ),
    ("days", "日", "calendar days (also `day`, `天`, `自然日`)"),
    ("hours", "小时", "hours (also `hour`)"),
    ("and", "且", "both conditions"),
    ("or", "或", "either condition"),
    ("not", "非", "the opposite condition"),
    ("in", "属于", "one of several options"),
    ("true", "是", "yes"),
    ("false", "否", "no"),
];

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
];

/// Material attributes: (English, Chinese).
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
    ("when", "当"),
];

/// Output attributes: (English, Chinese).
pub const OUTPUT_ATTRS: &[(&str, &str)] = &[("electronic", "电子"), ("paper", "纸质")];

/// Department attributes: (English, Chinese).
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
