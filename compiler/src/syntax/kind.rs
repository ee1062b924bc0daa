//! The kinds of the concrete syntax tree: tokens, one kind per keyword, and one per construct.
//!
//! Node kinds are named after the rules of `grammar.pest` (`PROMISE_STMT` is `promise_stmt`),
//! so a test can compare the tree with pest's parse of the same text; keyword kinds are named
//! after the keyword (`PROMISE_KW` is `kw_promise`).

/// Declares `SyntaxKind` and `ALL`, the list of every kind in declaration order.
macro_rules! kinds {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// What a token or a node of the syntax tree is.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u8)]
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        pub enum SyntaxKind {
            $($(#[$doc])* $name,)*
        }

        /// Every kind, indexed by its number.
        const ALL: &[SyntaxKind] = &[$(SyntaxKind::$name,)*];
    };
}

kinds! {
    // ------------------------------------------------------------ trivia and plain tokens
    /// Spaces, tabs, the full-width space U+3000 and a byte-order mark.
    WHITESPACE,
    /// One line break: `\n`, `\r\n` or `\r`. It ends a statement where the grammar says so.
    NEWLINE,
    /// `// …` up to the end of the line.
    LINE_COMMENT,
    /// `/* … */`, possibly over several lines.
    BLOCK_COMMENT,
    /// A name (a word that is not read as a keyword where it stands).
    IDENT,
    /// A double-quoted string, quotes included.
    STRING,
    /// A whole or decimal number, with its sign.
    NUMBER,
    /// `{`
    L_BRACE,
    /// `}`
    R_BRACE,
    /// `(`
    L_PAREN,
    /// `)`
    R_PAREN,
    /// `[`
    L_BRACK,
    /// `]`
    R_BRACK,
    /// `,`
    COMMA,
    /// `;`
    SEMICOLON,
    /// `=`
    EQ,
    /// `==`
    EQ2,
    /// `!=`
    NEQ,
    /// `->`
    ARROW,
    /// `.`
    DOT,
    /// `%`
    PERCENT_SIGN,
    /// A character that starts no token.
    ERROR_TOKEN,

    // ------------------------------------------------------------ keywords (`keywords::KEYWORDS`)
    /// The keyword `use`, in either spelling.
    USE_KW,
    /// The keyword `department`, in either spelling.
    DEPARTMENT_KW,
    /// The keyword `dictionary`, in either spelling.
    DICTIONARY_KW,
    /// The keyword `matter`, in either spelling.
    MATTER_KW,
    /// The keyword `situation`, in either spelling.
    SITUATION_KW,
    /// The keyword `option`, in either spelling.
    OPTION_KW,
    /// The keyword `rule`, in either spelling.
    RULE_KW,
    /// The keyword `shared`, in either spelling.
    SHARED_KW,
    /// The keyword `item`, in either spelling.
    ITEM_KW,
    /// The keyword `flow`, in either spelling.
    FLOW_KW,
    /// The keyword `form`, in either spelling.
    FORM_KW,
    /// The keyword `material`, in either spelling.
    MATERIAL_KW,
    /// The keyword `output`, in either spelling.
    OUTPUT_KW,
    /// The keyword `review`, in either spelling.
    REVIEW_KW,
    /// The keyword `faq`, in either spelling.
    FAQ_KW,
    /// The keyword `note`, in either spelling.
    NOTE_KW,
    /// The keyword `code`, in either spelling.
    CODE_KW,
    /// The keyword `lead`, in either spelling.
    LEAD_KW,
    /// The keyword `window`, in either spelling.
    WINDOW_KW,
    /// The keyword `promise`, in either spelling.
    PROMISE_KW,
    /// The keyword `legal`, in either spelling.
    LEGAL_KW,
    /// The keyword `visits`, in either spelling.
    VISITS_KW,
    /// The keyword `delivery`, in either spelling.
    DELIVERY_KW,
    /// The keyword `basis`, in either spelling.
    BASIS_KW,
    /// The keyword `consult`, in either spelling.
    CONSULT_KW,
    /// The keyword `complaint`, in either spelling.
    COMPLAINT_KW,
    /// The keyword `applicant`, in either spelling.
    APPLICANT_KW,
    /// The keyword `warn`, in either spelling.
    WARN_KW,
    /// The keyword `extension`, in either spelling.
    EXTENSION_KW,
    /// The keyword `worse`, in either spelling.
    WORSE_KW,
    /// The keyword `kind`, in either spelling.
    KIND_KW,
    /// The keyword `condition`, in either spelling.
    CONDITION_KW,
    /// The keyword `optional`, in either spelling.
    OPTIONAL_KW,
    /// The keyword `fee`, in either spelling.
    FEE_KW,
    /// The keyword `cost`, in either spelling.
    COST_KW,
    /// The keyword `none`, in either spelling.
    NONE_KW,
    /// The keyword `unregulated`, in either spelling.
    UNREGULATED_KW,
    /// The keyword `yuan`, in either spelling.
    YUAN_KW,
    /// The keyword `when`, in either spelling.
    WHEN_KW,
    /// The keyword `otherwise`, in either spelling.
    OTHERWISE_KW,
    /// The keyword `message` after a constraint, in either spelling.
    MESSAGE_KW,
    /// The keyword `accept`, in either spelling.
    ACCEPT_KW,
    /// The keyword `deliver`, in either spelling.
    DELIVER_KW,
    /// The keyword `wait`, in either spelling.
    WAIT_KW,
    /// The keyword `roll_forward` of a wait, in either spelling.
    ROLL_FORWARD_KW,
    /// The keyword `by`, in either spelling.
    BY_KW,
    /// The keyword `bool`, in either spelling.
    BOOL_KW,
    /// The keyword `choice`, in either spelling.
    CHOICE_KW,
    /// The keyword `multi_choice`, in either spelling.
    MULTI_CHOICE_KW,
    /// The keyword `list`, in either spelling.
    LIST_KW,
    /// The keyword `immediate`, in either spelling.
    IMMEDIATE_KW,
    /// The keyword `workdays`, in either spelling.
    WORKDAYS_KW,
    /// The keyword `days`, in either spelling.
    DAYS_KW,
    /// The keyword `hours`, in either spelling.
    HOURS_KW,
    /// The keyword `and`, in either spelling.
    AND_KW,
    /// The keyword `or`, in either spelling.
    OR_KW,
    /// The keyword `not`, in either spelling.
    NOT_KW,
    /// The keyword `in`, in either spelling.
    IN_KW,
    /// The keyword `true`, in either spelling.
    TRUE_KW,
    /// The keyword `false`, in either spelling.
    FALSE_KW,

    // ------------------------------------------------------------ nodes
    /// A whole file.
    FILE,
    /// A statement that does not parse in its block (`bad_stmt`), or a file the lexer refused.
    ERROR,
    /// `use "path"`.
    USE_STMT,
    /// `department ID "name" { … }`.
    DEPARTMENT,
    /// `{ attributes }` of a department, a field, a material or an output.
    ATTR_BLOCK,
    /// One attribute or constraint: a name with values, or with `when` and a condition.
    ATTR,
    /// `message "…"` after a constraint: what the applicant reads when it fails.
    CONSTRAINT_MESSAGE,
    /// `80%`.
    PERCENT,
    /// `dictionary ID "name" { fields }`.
    DICTIONARY,
    /// `matter ID "name" { … }`.
    MATTER,
    /// The `{ … }` of a matter.
    MATTER_BLOCK,
    /// `code "…"`.
    CODE_STMT,
    /// `lead DEPT`.
    LEAD_STMT,
    /// `window DEPT`.
    WINDOW_STMT,
    /// `promise DURATION`.
    PROMISE_STMT,
    /// `legal DURATION basis "…"` or `legal unregulated`.
    LEGAL_STMT,
    /// `visits N`.
    VISITS_STMT,
    /// `delivery CHANNEL, …`.
    DELIVERY_STMT,
    /// `basis "…"`.
    BASIS_STMT,
    /// `consult "…"`.
    CONSULT_STMT,
    /// `complaint "…"`.
    COMPLAINT_STMT,
    /// `applicant "…", …`.
    APPLICANT_STMT,
    /// `warn 80%`.
    WARN_STMT,
    /// `extension DURATION "reason"`.
    EXTENSION_STMT,
    /// `worse FIGURE "reason"`.
    WORSE_STMT,
    /// `5 workdays`, `immediate`, …
    DURATION,
    /// `{ 1 workday when a; otherwise 10 workdays }`: a limit by situation.
    LIMIT_BLOCK,
    /// `1 workday basis "…" when a`, or `otherwise 10 workdays`: one arm of a limit table.
    LIMIT_ARM,
    /// `basis "…"` after a stated fact: where the fact comes from.
    SOURCE,
    /// `note "…"`: a remark for analysts that no public document prints.
    NOTE_STMT,
    /// `situation ID "question" bool | { options }`.
    SITUATION,
    /// `rule "text" { condition }`.
    RULE_STMT,
    /// The `{ condition }` of a rule.
    RULE_BLOCK,
    /// The `{ … }` of a situation or a choice.
    OPTION_BLOCK,
    /// `option? ID "label"`.
    OPTION,
    /// `shared { … }`.
    SHARED,
    /// The `{ … }` of fields: shared, form, dictionary, list.
    ENTRY_BLOCK,
    /// A field declaration, reference or alias.
    ENTRY,
    /// `name` or `name.name`.
    PATH,
    /// `= target` in an alias.
    ALIAS,
    /// `choice { … }` or `multi_choice { … }`.
    CHOICE_TYPE,
    /// `list { … }`.
    LIST_TYPE,
    /// A named field type such as `text`.
    SIMPLE_TYPE,
    /// `item ID "name" { … }`.
    ITEM,
    /// The `{ … }` of an item.
    ITEM_BLOCK,
    /// `department DEPT` in an item.
    DEPARTMENT_STMT,
    /// `kind KIND`.
    KIND_STMT,
    /// `condition "…"`.
    CONDITION_STMT,
    /// `when CONDITION` in an item.
    WHEN_STMT,
    /// `fee none` or `fee N yuan`, with `basis "…"`.
    FEE_STMT,
    /// `cost "…" basis "…"`.
    COST_STMT,
    /// `optional "question"`: the applicant chooses whether the item is handled.
    OPTIONAL_STMT,
    /// `{ 10 yuan when a; otherwise none }`: a fee by situation.
    FEE_TABLE,
    /// `10 yuan basis "…" when a`, or `otherwise none basis "…"`: one arm of a fee table.
    FEE_ARM,
    /// `form { … }`.
    FORM,
    /// `material …`.
    MATERIAL,
    /// `output ID "name" { … }`.
    OUTPUT,
    /// `review { … }`.
    REVIEW,
    /// The `{ … }` of review points.
    REVIEW_BLOCK,
    /// `faq "question" "answer"`.
    FAQ,
    /// `flow { … }`.
    FLOW,
    /// The `{ … }` of a flow.
    FLOW_BLOCK,
    /// `accept DURATION by DEPT`.
    ACCEPT_STMT,
    /// `deliver DURATION`.
    DELIVER_STMT,
    /// `wait ID "name" DURATION basis "…" when CONDITION`.
    WAIT_STMT,
    /// `A -> B -> C`.
    CHAIN,
    /// A condition: operands and the operators `not`, `and`, `or` between them, flat.
    EXPR,
    /// `( condition )`.
    PAREN,
    /// `SITUATION == OPTION` or `!=`.
    COMPARISON,
    /// `SITUATION in [A, B]`.
    MEMBERSHIP,
    /// `OPTION in SITUATION` over a multi-select situation.
    HAS,
    /// A yes/no situation on its own.
    BARE,
}

use SyntaxKind::*;

impl SyntaxKind {
    /// Whitespace and comments: skipped between any two tokens, except inside `a.b` and `80%`.
    pub fn is_trivia(self) -> bool {
        matches!(self, WHITESPACE | LINE_COMMENT | BLOCK_COMMENT)
    }

    /// A keyword token.
    pub fn is_keyword(self) -> bool {
        (USE_KW as u8..=FALSE_KW as u8).contains(&(self as u8))
    }

    /// A token kind (as opposed to a node kind).
    pub fn is_token(self) -> bool {
        (self as u8) < FILE as u8
    }

    /// The position of a keyword kind in `keywords::KEYWORDS`.
    pub(crate) fn keyword_index(self) -> Option<usize> {
        self.is_keyword()
            .then(|| (self as u8 - USE_KW as u8) as usize)
    }

    /// Every kind, in declaration order.
    pub fn all() -> impl Iterator<Item = SyntaxKind> {
        ALL.iter().copied()
    }

    /// The kind with this number.
    pub fn from_u8(n: u8) -> Option<SyntaxKind> {
        ALL.get(n as usize).copied()
    }
}
