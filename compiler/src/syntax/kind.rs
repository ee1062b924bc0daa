//! The kinds of the concrete syntax tree: tokens, one kind per keyword, and one per construct.
//!
//! Node kinds are named after the rules of `grammar.pest` (`PROMISE_STMT` is `promise_stmt`),
//! so a test can compare the tree with pest's parse of the same text; keyword kinds are named
//! after the keyword (`PROMISE_KW` is `kw_promise`).

/// What a token or a node of the syntax tree is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum SyntaxKind {
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
    USE_KW,
    DEPARTMENT_KW,
    DICTIONARY_KW,
    MATTER_KW,
    SITUATION_KW,
    OPTION_KW,
    SHARED_KW,
    ITEM_KW,
    FLOW_KW,
    FORM_KW,
    MATERIAL_KW,
    OUTPUT_KW,
    REVIEW_KW,
    FAQ_KW,
    CODE_KW,
    LEAD_KW,
    WINDOW_KW,
    PROMISE_KW,
    LEGAL_KW,
    VISITS_KW,
    DELIVERY_KW,
    BASIS_KW,
    CONSULT_KW,
    COMPLAINT_KW,
    APPLICANT_KW,
    WARN_KW,
    EXTENSION_KW,
    KIND_KW,
    CONDITION_KW,
    FEE_KW,
    NONE_KW,
    YUAN_KW,
    WHEN_KW,
    ACCEPT_KW,
    DELIVER_KW,
    BY_KW,
    BOOL_KW,
    CHOICE_KW,
    MULTI_CHOICE_KW,
    LIST_KW,
    IMMEDIATE_KW,
    WORKDAYS_KW,
    DAYS_KW,
    HOURS_KW,
    AND_KW,
    OR_KW,
    NOT_KW,
    IN_KW,
    TRUE_KW,
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
    /// `80%`.
    PERCENT,
    /// `dictionary ID "name" { fields }`.
    DICTIONARY,
    /// `matter ID "name" { … }`.
    MATTER,
    /// The `{ … }` of a matter.
    MATTER_BLOCK,
    CODE_STMT,
    LEAD_STMT,
    WINDOW_STMT,
    PROMISE_STMT,
    LEGAL_STMT,
    VISITS_STMT,
    DELIVERY_STMT,
    BASIS_STMT,
    CONSULT_STMT,
    COMPLAINT_STMT,
    APPLICANT_STMT,
    WARN_STMT,
    EXTENSION_STMT,
    /// `5 workdays`, `immediate`, …
    DURATION,
    /// `situation ID "question" bool | { options }`.
    SITUATION,
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
    DEPARTMENT_STMT,
    KIND_STMT,
    CONDITION_STMT,
    WHEN_STMT,
    FEE_STMT,
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
    ACCEPT_STMT,
    DELIVER_STMT,
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
        (0..=BARE as u8).filter_map(SyntaxKind::from_u8)
    }

    /// The kind with this number.
    pub fn from_u8(n: u8) -> Option<SyntaxKind> {
        ALL.get(n as usize).copied()
    }
}

/// Every kind, indexed by its number.
const ALL: &[SyntaxKind] = &[
    WHITESPACE,
    NEWLINE,
    LINE_COMMENT,
    BLOCK_COMMENT,
    IDENT,
    STRING,
    NUMBER,
    L_BRACE,
    R_BRACE,
    L_PAREN,
    R_PAREN,
    L_BRACK,
    R_BRACK,
    COMMA,
    SEMICOLON,
    EQ,
    EQ2,
    NEQ,
    ARROW,
    DOT,
    PERCENT_SIGN,
    ERROR_TOKEN,
    USE_KW,
    DEPARTMENT_KW,
    DICTIONARY_KW,
    MATTER_KW,
    SITUATION_KW,
    OPTION_KW,
    SHARED_KW,
    ITEM_KW,
    FLOW_KW,
    FORM_KW,
    MATERIAL_KW,
    OUTPUT_KW,
    REVIEW_KW,
    FAQ_KW,
    CODE_KW,
    LEAD_KW,
    WINDOW_KW,
    PROMISE_KW,
    LEGAL_KW,
    VISITS_KW,
    DELIVERY_KW,
    BASIS_KW,
    CONSULT_KW,
    COMPLAINT_KW,
    APPLICANT_KW,
    WARN_KW,
    EXTENSION_KW,
    KIND_KW,
    CONDITION_KW,
    FEE_KW,
    NONE_KW,
    YUAN_KW,
    WHEN_KW,
    ACCEPT_KW,
    DELIVER_KW,
    BY_KW,
    BOOL_KW,
    CHOICE_KW,
    MULTI_CHOICE_KW,
    LIST_KW,
    IMMEDIATE_KW,
    WORKDAYS_KW,
    DAYS_KW,
    HOURS_KW,
    AND_KW,
    OR_KW,
    NOT_KW,
    IN_KW,
    TRUE_KW,
    FALSE_KW,
    FILE,
    ERROR,
    USE_STMT,
    DEPARTMENT,
    ATTR_BLOCK,
    ATTR,
    PERCENT,
    DICTIONARY,
    MATTER,
    MATTER_BLOCK,
    CODE_STMT,
    LEAD_STMT,
    WINDOW_STMT,
    PROMISE_STMT,
    LEGAL_STMT,
    VISITS_STMT,
    DELIVERY_STMT,
    BASIS_STMT,
    CONSULT_STMT,
    COMPLAINT_STMT,
    APPLICANT_STMT,
    WARN_STMT,
    EXTENSION_STMT,
    DURATION,
    SITUATION,
    OPTION_BLOCK,
    OPTION,
    SHARED,
    ENTRY_BLOCK,
    ENTRY,
    PATH,
    ALIAS,
    CHOICE_TYPE,
    LIST_TYPE,
    SIMPLE_TYPE,
    ITEM,
    ITEM_BLOCK,
    DEPARTMENT_STMT,
    KIND_STMT,
    CONDITION_STMT,
    WHEN_STMT,
    FEE_STMT,
    FORM,
    MATERIAL,
    OUTPUT,
    REVIEW,
    REVIEW_BLOCK,
    FAQ,
    FLOW,
    FLOW_BLOCK,
    ACCEPT_STMT,
    DELIVER_STMT,
    CHAIN,
    EXPR,
    PAREN,
    COMPARISON,
    MEMBERSHIP,
    BARE,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_list_follows_the_enum() {
        for (n, k) in ALL.iter().enumerate() {
            assert_eq!(*k as usize, n, "{k:?} is out of place in ALL");
        }
        assert_eq!(ALL.len(), BARE as usize + 1);
    }
}
