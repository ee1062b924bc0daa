//! The one keyword table (`syntax::keywords::KEYWORDS`) against everything that repeats it:
//! `grammar.pest`, the keyword table of `spec/language.md`, the parser's statement dispatch,
//! the error messages' "did you mean", and the "given twice" check (E0012).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use yjs_artifacts::{Answer, Answers};
use yjs_compiler::diagnostics::Diagnostic;
use yjs_compiler::files::FileId;
use yjs_compiler::resolve::Memory;
use yjs_compiler::syntax::keywords::{self, Context, Times, KEYWORDS};
use yjs_compiler::syntax::{parse_file, SyntaxKind};

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The rules of `grammar.pest`: name → body (the text between the outer braces).
fn grammar_rules() -> BTreeMap<String, String> {
    let text = read("src/syntax/grammar.pest");
    let mut rules = BTreeMap::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some((name, rest)) = line.split_once(" = ") else {
            continue;
        };
        if name.starts_with("//") || name.contains(' ') {
            continue;
        }
        let mut body = rest.to_string();
        while depth(&body) > 0 {
            body.push(' ');
            body.push_str(lines.next().unwrap_or(""));
        }
        let open = body.find('{').unwrap();
        let close = body.rfind('}').unwrap();
        rules.insert(name.to_string(), body[open + 1..close].trim().to_string());
    }
    rules
}

/// How many braces are open at the end of a rule's text, outside string literals.
fn depth(text: &str) -> i32 {
    let mut depth = 0;
    let mut in_string = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_string => {
                chars.next();
            }
            '"' => in_string = !in_string,
            '{' if !in_string => depth += 1,
            '}' if !in_string => depth -= 1,
            _ => {}
        }
    }
    depth
}

/// The string literals of a rule body.
fn literals(body: &str) -> BTreeSet<String> {
    body.split('"')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

#[test]
fn every_grammar_keyword_rule_spells_the_table() {
    let rules = grammar_rules();
    let grammar: BTreeMap<&str, BTreeSet<String>> = rules
        .iter()
        .filter_map(|(name, body)| {
            let word = name.strip_prefix("kw_")?;
            (word != "end").then(|| (word, literals(body)))
        })
        .collect();
    for k in KEYWORDS {
        let name = k.english[0];
        let table: BTreeSet<String> = k.spellings().map(str::to_string).collect();
        assert_eq!(
            grammar.get(name),
            Some(&table),
            "grammar.pest's `kw_{name}` and the table spell `{name}` differently"
        );
    }
    let table: BTreeSet<&str> = KEYWORDS.iter().map(|k| k.english[0]).collect();
    for name in grammar.keys() {
        assert!(
            table.contains(name),
            "`kw_{name}` is not in the keyword table"
        );
    }
}

#[test]
fn every_grammar_rule_is_documented() {
    let text = read("src/syntax/grammar.pest");
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some((name, _)) = line.split_once(" = ") else {
            continue;
        };
        if name.starts_with("//") || name.contains(' ') {
            continue;
        }
        assert!(
            i > 0 && lines[i - 1].starts_with("///"),
            "grammar.pest: the rule `{name}` has no `///` doc"
        );
    }
}

/// The first element of a rule body, when it is a keyword rule.
fn leading_keyword(body: &str) -> Option<&str> {
    body.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .find(|w| !w.is_empty())?
        .strip_prefix("kw_")
}

#[test]
fn the_grammar_statements_of_each_block_are_the_tables() {
    let rules = grammar_rules();
    let blocks = [
        (Context::Top, "top_real"),
        (Context::Matter, "matter_real"),
        (Context::Item, "item_real"),
        (Context::Flow, "flow_real"),
    ];
    for (ctx, rule) in blocks {
        // What the grammar says: each alternative that starts with a keyword.
        let mut grammar = BTreeSet::new();
        for alt in rules[rule].split('|').map(str::trim) {
            if let Some(word) = leading_keyword(&rules[alt]) {
                grammar.insert((word.to_string(), alt.to_uppercase()));
            }
        }
        // What the table says.
        let table: BTreeSet<(String, String)> = keywords::statement_keywords(ctx)
            .map(|(k, s)| (k.english[0].to_string(), format!("{:?}", s.node)))
            .collect();
        assert_eq!(grammar, table, "the statements of {ctx:?} (`{rule}`)");
    }
}

/// The rows of the keyword table in `spec/language.md`: (English, Chinese, meaning, starts).
fn spec_rows() -> Vec<Vec<String>> {
    let text = read("../spec/language.md");
    let section = text.split("## Chinese keywords").nth(1).unwrap();
    section
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().trim_matches('`').to_string())
                .collect()
        })
        .collect()
}

/// Where a keyword starts a statement, as the spec's last column says it.
fn starts_column(k: &keywords::Keyword) -> String {
    let names: Vec<&str> = k
        .starts
        .iter()
        .map(|s| match s.context {
            Context::Top => "top level",
            Context::Matter => "matter",
            Context::Item => "item",
            Context::Flow => "flow",
            Context::Options => "options",
            Context::Material => "material",
            other => panic!("the spec has no word for {other:?}"),
        })
        .collect();
    if names.is_empty() {
        "—".to_string()
    } else {
        names.join(", ")
    }
}

#[test]
fn the_spec_lists_each_keyword_once_as_the_table() {
    let rows = spec_rows();
    let table: Vec<Vec<String>> = KEYWORDS
        .iter()
        .map(|k| {
            vec![
                k.english[0].to_string(),
                k.chinese[0].to_string(),
                k.description(),
                starts_column(k),
            ]
        })
        .collect();
    for (row, want) in rows.iter().zip(&table) {
        assert_eq!(
            row, want,
            "spec/language.md's keyword row for `{}`",
            want[0]
        );
    }
    assert_eq!(
        rows.len(),
        table.len(),
        "spec/language.md lists {} keyword rows, the table {}",
        rows.len(),
        table.len()
    );
}

#[test]
fn the_spec_table_names_no_keyword_twice() {
    // Compared row by row above, a duplicate in both tables would pass: each spelling, English or
    // Chinese, is one row of the spec.
    let rows = spec_rows();
    for column in [0, 1] {
        let mut seen = BTreeSet::new();
        for row in &rows {
            assert!(
                seen.insert(row[column].clone()),
                "spec/language.md lists `{}` twice in its keyword table",
                row[column]
            );
        }
    }
}

/// Whether each item of a one-file program applies, for `card` answered yes and no.
fn item_conditions(src: &str) -> Vec<(bool, bool)> {
    let path = PathBuf::from("/m.yjs");
    let source = Memory(BTreeMap::from([(path.clone(), src.to_string())]));
    let checked = yjs_compiler::check(&source, &[path]);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked.matters[0]
        .documents
        .items
        .iter()
        .map(|i| {
            let at = |yes: bool| {
                let mut a = Answers::new();
                a.insert("card".into(), Answer::Bool(yes));
                i.applies.eval(&a)
            };
            (at(true), at(false))
        })
        .collect()
}

#[test]
fn yes_and_no_in_a_condition_read_as_true_and_false() {
    let matter = |a: &str, b: &str| {
        format!(
            "department d \"局\"\nmatter m \"事\" {{\n  lead d\n  window d\n  promise 1 workday\n  \
             situation card \"是否申领社会保障卡\" bool\n  \
             item a \"甲\" {{ department d; legal unregulated; promise 1 workday; when {a} }}\n  \
             item b \"乙\" {{ department d; legal unregulated; promise 1 workday; when {b} }}\n}}\n"
        )
    };
    let plain = item_conditions(&matter("card", "not card"));
    assert_eq!(plain, [(true, false), (false, true)]);
    assert_eq!(item_conditions(&matter("card == 是", "card == 否")), plain);
    assert_eq!(
        item_conditions(&matter("card == true", "card == false")),
        plain
    );
    assert_eq!(item_conditions(&matter("card != 否", "card != 是")), plain);
}

fn diagnostics(src: &str) -> Vec<Diagnostic> {
    parse_file(FileId(0), src).diagnostics
}

#[test]
fn a_misspelt_statement_is_told_the_tables_words() {
    let cases = [
        ("departmnt d \"x\"\n", "did you mean `department`?"),
        (
            "matter m \"x\" {\n  promis 5 workdays\n}\n",
            "did you mean `promise`?",
        ),
        (
            "matter m \"x\" {\n  item i \"y\" {\n    fe none\n  }\n}\n",
            "did you mean `fee`?",
        ),
        (
            "matter m \"x\" {\n  flow {\n    delivr 1 workday\n  }\n}\n",
            "did you mean `deliver`?",
        ),
        (
            "123\n",
            "expected one of: `use`, `department`, `dictionary`, `matter`",
        ),
    ];
    for (src, help) in cases {
        let diags = diagnostics(src);
        assert_eq!(diags.len(), 1, "{src:?}: {diags:?}");
        assert_eq!(diags[0].help.as_deref(), Some(help), "{src:?}");
    }
}

/// A valid statement for each (block, statement node) of the table.
fn sample(ctx: Context, node: SyntaxKind) -> &'static str {
    use SyntaxKind::*;
    match (ctx, node) {
        (Context::Top, USE_STMT) => "use \"a.yjs\"",
        (Context::Top, DEPARTMENT) => "department d \"部门\"",
        (Context::Top, DICTIONARY) => "dictionary x \"字典\" { a \"甲\" text }",
        (Context::Top, MATTER) => "matter n \"事\" { lead d }",
        (_, CODE_STMT) => "code \"a\" basis \"c\"",
        (_, LEAD_STMT) => "lead d",
        (_, WINDOW_STMT) => "window d",
        (_, PROMISE_STMT) => "promise 5 workdays",
        (_, VISITS_STMT) => "visits 1",
        (_, DELIVERY_STMT) => "delivery online, mail",
        (_, BASIS_STMT) => "basis \"b\"",
        (_, CONSULT_STMT) => "consult \"c\"",
        (_, COMPLAINT_STMT) => "complaint \"c\"",
        (_, APPLICANT_STMT) => "applicant \"a\", \"b\"",
        (_, WARN_STMT) => "warn 80%",
        (_, EXTENSION_STMT) => "extension 5 workdays \"r\"",
        (_, WORSE_STMT) => "worse days \"r\"",
        (_, COST_STMT) => "cost \"c\" basis \"b\"",
        (_, SITUATION) => "situation s \"问\" bool",
        (_, RULE_STMT) => "rule \"规则\" { s }",
        (_, SHARED) => "shared { a \"甲\" text }",
        (_, ITEM) => "item i \"项\" { department d }",
        (_, FLOW) => "flow { accept immediate by d }",
        (_, DEPARTMENT_STMT) => "department d",
        (_, KIND_STMT) => "kind filing",
        (_, CONDITION_STMT) => "condition \"c\"",
        (_, LEGAL_STMT) => "legal 5 workdays basis \"l\"",
        (_, FEE_STMT) => "fee 10 yuan basis \"b\"",
        (_, WHEN_STMT) => "when s and not t",
        (_, OPTIONAL_STMT) => "optional \"是否办理\"",
        (_, FORM) => "form { a }",
        (_, MATERIAL) => "material m \"材料\" { original 1 }",
        (_, OUTPUT) => "output o \"结果\" { paper 1 }",
        (_, REVIEW) => "review { \"r\" }",
        (_, FAQ) => "faq \"q\" \"a\"",
        (_, NOTE_STMT) => "note \"n\"",
        (_, ACCEPT_STMT) => "accept 1 workday by d",
        (_, DELIVER_STMT) => "deliver 1 workday",
        (_, WAIT_STMT) => "wait w \"公示\" 20 days basis \"b\" when s",
        _ => panic!("no sample statement for {node:?} in {ctx:?}: add one"),
    }
}

/// A file with `body` standing twice in a block of `ctx`, and the two statements' offsets.
fn twice(ctx: Context, body: &str) -> (String, usize, usize) {
    let (head, tail) = match ctx {
        Context::Top => ("", ""),
        Context::Matter => ("matter m \"事\" {\n", "}\n"),
        Context::Item => ("matter m \"事\" {\n item i \"项\" {\n", " }\n}\n"),
        Context::Flow => ("matter m \"事\" {\n flow {\n", " }\n}\n"),
        Context::Department => ("department d \"部门\" {\n", "}\n"),
        Context::Material => (
            "matter m \"事\" {\n item i \"项\" {\n  material x \"材料\" {\n",
            "  }\n }\n}\n",
        ),
        Context::Output => (
            "matter m \"事\" {\n item i \"项\" {\n  output x \"结果\" {\n",
            "  }\n }\n}\n",
        ),
        other => panic!("no block for {other:?}"),
    };
    let first = head.len() + 2;
    let second = first + body.len() + 3;
    (format!("{head}  {body}\n  {body}\n{tail}"), first, second)
}

/// Checks that `body` given twice in `ctx` is E0012 (labelled at both) exactly when `once`.
fn check_twice(ctx: Context, body: &str, once: bool) {
    let (src, first, second) = twice(ctx, body);
    let diags = diagnostics(&src);
    let repeated: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.code.to_string() == "E0012")
        .collect();
    assert!(
        diags.len() == repeated.len(),
        "{src}: unexpected diagnostics {diags:?}"
    );
    if !once {
        assert!(repeated.is_empty(), "{src}: {repeated:?}");
        return;
    }
    assert_eq!(repeated.len(), 1, "{src}: {diags:?}");
    let d = repeated[0];
    let given_again = d.primary.as_ref().unwrap().span;
    let given_first = d.secondary[0].span;
    assert_eq!(
        (given_first.range(), given_again.range()),
        (first..first + body.len(), second..second + body.len()),
        "{src}"
    );
}

#[test]
fn every_statement_given_once_is_reported_twice_at_both_places() {
    for ctx in Context::DISPATCHED {
        for (k, start) in keywords::statement_keywords(ctx) {
            let body = sample(ctx, start.node);
            assert_eq!(
                parse_file(FileId(0), body).tree.text(),
                body,
                "{:?}",
                k.kind
            );
            check_twice(ctx, body, start.times == Times::Once);
        }
    }
}

#[test]
fn every_attribute_given_once_is_reported_twice_at_both_places() {
    let value = |attr: &str| match attr {
        "original" | "copy" | "paper" => " 1",
        "shared" | "basis" | "accept" | "template" | "phone" | "address" | "hours" | "website" => {
            " \"x\""
        }
        "when" => " s",
        _ => "",
    };
    let tables = [
        (Context::Department, keywords::DEPARTMENT_ATTRS),
        (Context::Material, keywords::MATERIAL_ATTRS),
        (Context::Output, keywords::OUTPUT_ATTRS),
    ];
    for (ctx, table) in tables {
        for (en, zh) in table {
            check_twice(ctx, &format!("{en}{}", value(en)), true);
            check_twice(ctx, &format!("{zh}{}", value(en)), true);
        }
    }
}
