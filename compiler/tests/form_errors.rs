//! Every form diagnostic (E0201–E0206, W0201–W0203) on small in-memory matters, and what stays silent.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use yjs_compiler::diagnostics::{Diagnostic, Severity};

const HEAD: &str = r#"department wsjk "市卫生健康委员会"
department gaj "市公安局"
matter m "一件事" {
  lead wsjk
  window wsjk
  promise 5 workdays
  situation settle "落户地" { local "本市"; other "外地" }
"#;

/// An item of department `dept` with the given form lines.
fn item(id: &str, dept: &str, form: &str) -> String {
    format!(
        "  item {id} \"{id}\" {{\n    department {dept}\n    legal 20 workdays\n    promise 1 workday\n    form {{\n{form}\n    }}\n  }}\n"
    )
}

fn check(shared: &str, items: &[String]) -> Vec<Diagnostic> {
    let src = format!("{HEAD}  shared {{\n{shared}\n  }}\n{}}}\n", items.concat());
    let mut files = BTreeMap::new();
    files.insert(PathBuf::from("m.yjs"), src);
    let checked = yjs_compiler::check(
        &yjs_compiler::resolve::Memory(files),
        &[PathBuf::from("m.yjs")],
    );
    // HEAD declares `settle` for the cases that need a condition; where a case does not use
    // it, its W0101 is beside the point of these tests, as are the source lints (W04xx).
    checked
        .diagnostics
        .into_iter()
        .filter(|d| d.code.0 != "W0101" && !d.code.0.starts_with("W04"))
        .collect()
}

fn codes(d: &[Diagnostic]) -> Vec<&'static str> {
    d.iter().map(|x| x.code.0).collect()
}

#[test]
fn constraint_on_the_wrong_type_is_e0201() {
    for (ty, c) in [
        ("date", "min_length 8"),
        ("text", "min 1"),
        ("id_card", "max_length 18"),
        ("integer", "pattern \"^1\""),
        ("text", "min_items 1"),
        ("file", "default \"x\""),
    ] {
        let d = check(
            &format!("    f \"F\" {ty} {{ {c} }}"),
            &[item("a", "wsjk", "      f")],
        );
        assert_eq!(codes(&d), ["E0201"], "{ty} {{ {c} }}: {d:#?}");
    }
    // A binding is checked against the shared field's type.
    let d = check(
        "    f \"F\" date",
        &[item("a", "wsjk", "      f { max 3 }")],
    );
    assert_eq!(codes(&d), ["E0201"]);
    assert_eq!(d[0].secondary.len(), 1, "points at the shared declaration");
}

#[test]
fn fitting_constraints_are_accepted() {
    let d = check(
        r#"    a "A" integer { min 1; max 9; default 3 }
    b "B" money { min 0.5 }
    c "C" email { max_length 60; pattern "^[a-z]" }
    e "E" multi_choice { x "X"; y "Y" } { min_items 1; default x }
    g "G" list { n "N" text { required } } { max_items 5 }
    h "H" bool { default false }
    i "I" date { default "2024-02-29" }
    j "J" region { pattern "^44" }"#,
        &[item(
            "a",
            "wsjk",
            "      a\n      b\n      c\n      e\n      g\n      h\n      i\n      j",
        )],
    );
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn invalid_values_are_e0202() {
    // A fractional count is already a syntax error (E0013); the pattern is checked here.
    for c in ["pattern \"^([0-9]$\"", "pattern \"[z-a]\""] {
        let d = check(
            &format!("    f \"F\" text {{ {c} }}"),
            &[item("a", "wsjk", "      f")],
        );
        assert_eq!(codes(&d), ["E0202"], "{c}");
    }
    let d = check(
        "    f \"F\" integer { min 0.5 }",
        &[item("a", "wsjk", "      f")],
    );
    assert_eq!(codes(&d), ["E0202"]);
}

#[test]
fn a_default_outside_the_type_is_e0203() {
    for (ty, lit) in [
        ("choice { x \"X\" }", "y"),
        ("integer", "\"3\""),
        ("date", "\"2023-02-29\""),
        ("bool", "1"),
    ] {
        let d = check(
            &format!("    f \"F\" {ty} {{ default {lit} }}"),
            &[item("a", "wsjk", "      f")],
        );
        assert_eq!(codes(&d), ["E0203"], "{ty} default {lit}");
    }
}

#[test]
fn disjoint_bounds_are_e0204_naming_every_contributor() {
    let d = check(
        "    f \"F\" text { max_length 20 }\n    n \"N\" integer { min 1; max 10 }",
        &[
            item("a", "wsjk", "      f { max_length 5 }\n      n { max 3 }"),
            item("b", "gaj", "      f { min_length 6 }\n      n { min 4 }"),
            item("c", "gaj", "      f"),
        ],
    );
    assert_eq!(
        codes(&d),
        ["E0204", "E0204"],
        "both reported at once: {d:#?}"
    );
    let text = d
        .iter()
        .find(|x| x.message.contains("`f`"))
        .expect("the diagnostic about f");
    assert!(text.message.contains("min_length 6") && text.message.contains("max_length 5"));
    let labels: Vec<&str> = std::iter::once(
        text.primary
            .as_ref()
            .map(|l| l.message.as_str())
            .unwrap_or(""),
    )
    .chain(text.secondary.iter().map(|l| l.message.as_str()))
    .collect();
    let all = labels.join("\n");
    for who in [
        "item `a` (wsjk)",
        "item `b` (gaj)",
        "item `c` (gaj)",
        "the `shared` block",
    ] {
        assert!(all.contains(who), "{who} missing from:\n{all}");
    }
    assert!(text.help.is_some());
}

#[test]
fn an_empty_range_in_one_declaration_is_e0204() {
    let d = check(
        "    f \"F\" integer",
        &[item(
            "a",
            "wsjk",
            "      f\n      g \"G\" integer { min 5; max 4 }",
        )],
    );
    assert_eq!(codes(&d), ["E0204"]);
}

#[test]
fn different_defaults_are_e0205_and_a_repeated_one_is_silent() {
    let d = check(
        "    f \"F\" integer { default 1 }",
        &[item("a", "wsjk", "      f { default 2 }")],
    );
    assert_eq!(codes(&d), ["E0205"]);
    let d = check(
        "    f \"F\" integer { default 1; max 9 }",
        &[item("a", "wsjk", "      f { default 1; max 9 }")],
    );
    assert!(
        d.is_empty(),
        "repeating the shared constraints is silent: {d:#?}"
    );
}

#[test]
fn a_local_field_with_a_shared_name_is_e0206_or_w0203() {
    let d = check(
        "    phone \"电话\" mobile",
        &[item("a", "wsjk", "      phone \"电话\" text")],
    );
    assert!(codes(&d).contains(&"E0206"), "{d:#?}");
    let d = check(
        "    phone \"电话\" mobile",
        &[item("a", "wsjk", "      phone \"电话\" mobile")],
    );
    assert!(codes(&d).contains(&"W0203"), "{d:#?}");
}

#[test]
fn lints_are_warnings() {
    let d = check(
        "    used \"U\" text\n    spare \"S\" text",
        &[
            item("a", "wsjk", "      used\n      address \"地址\" text"),
            item("b", "gaj", "      used\n      address \"住址\" text"),
        ],
    );
    assert_eq!(codes(&d), ["W0202", "W0201"]);
    assert!(d.iter().all(|x| x.severity == Severity::Warning));
    assert!(d[1].help.as_deref().unwrap_or("").contains("shared"));
}

#[test]
fn date_bounds_take_a_date_or_today_on_date_fields() {
    let d = check(
        r#"    a "A" date { not_before "1900-01-01"; not_after today }
    b "B" date { 不早于 今天; 不晚于 "2100-12-31" }"#,
        &[item("a", "wsjk", "      a\n      b")],
    );
    assert!(d.is_empty(), "{d:#?}");
    for c in [
        "not_after \"2025-02-30\"",
        "not_before tomorrow",
        "not_after \"今天\"",
    ] {
        let d = check(
            &format!("    f \"F\" date {{ {c} }}"),
            &[item("a", "wsjk", "      f")],
        );
        assert_eq!(codes(&d), ["E0202"], "{c}: {d:#?}");
    }
    let d = check(
        "    f \"F\" text { not_after today }",
        &[item("a", "wsjk", "      f")],
    );
    assert_eq!(codes(&d), ["E0201"]);
}

#[test]
fn fixed_date_bounds_become_formats_of_the_build() {
    let src = format!(
        "{HEAD}  shared {{\n    a \"A\" date {{ not_before \"1900-01-01\"; not_after today }}\n  }}\n{}}}\n",
        item("a", "wsjk", "      a { not_after \"2100-12-31\" }")
    );
    let mut files = BTreeMap::new();
    files.insert(PathBuf::from("m.yjs"), src);
    let checked = yjs_compiler::check(
        &yjs_compiler::resolve::Memory(files),
        &[PathBuf::from("m.yjs")],
    );
    let form = &checked.matters[0].form;
    let schema = serde_json::to_value(yjs_compiler::emit::form::form_schema(form)).unwrap();
    let formats: Vec<&str> = schema["properties"]["a"]["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["format"].as_str().unwrap())
        .collect();
    assert_eq!(
        formats,
        [
            "date-not-before-1900-01-01",
            "date-not-after-today",
            "date-not-after-2100-12-31"
        ]
    );
    let mjs = yjs_compiler::emit::form::formats_mjs([form]);
    assert!(mjs.contains("  'date-not-before-1900-01-01': dateLimit(true, '1900-01-01'),\n"));
    assert!(mjs.contains("  'date-not-after-2100-12-31': dateLimit(false, '2100-12-31'),\n"));
    assert!(mjs.contains("'date-not-after-today': dateLimit(false, 'today')"));
}

#[test]
fn hint_and_message_reach_the_ui_schema_and_the_messages() {
    let src = format!(
        "{HEAD}  shared {{\n    code \"户号\" text {{ required; pattern \"^[0-9]{{9}}$\"; hint \"9位数字\"; message \"请填写户口簿首页的9位户号\" }}\n    id \"身份证号码\" id_card {{ 填写提示 \"18位，末位可为X\" }}\n  }}\n{}}}\n",
        item("a", "wsjk", "      code\n      id")
    );
    let mut files = BTreeMap::new();
    files.insert(PathBuf::from("m.yjs"), src);
    let checked = yjs_compiler::check(
        &yjs_compiler::resolve::Memory(files),
        &[PathBuf::from("m.yjs")],
    );
    let d: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code.0 != "W0101" && !d.code.0.starts_with("W04"))
        .collect();
    assert!(d.is_empty(), "{d:#?}");
    let form = &checked.matters[0].form;
    let ui = serde_json::to_value(yjs_compiler::emit::form::ui_schema(form)).unwrap();
    assert_eq!(ui["code"]["ui:placeholder"], "9位数字");
    assert_eq!(ui["id"]["ui:placeholder"], "18位，末位可为X");
    let zh = yjs_compiler::emit::form::i18n_zh(form);
    assert_eq!(
        zh.get("code.error.pattern").unwrap(),
        "户号：请填写户口簿首页的9位户号"
    );
    assert_eq!(
        zh.get("id.error.pattern").unwrap(),
        "身份证号码：请填写18位居民身份证号码，末位可为X"
    );
}
