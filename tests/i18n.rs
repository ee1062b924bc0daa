//! Diagnostics in two languages: the Fluent catalogs are complete both ways, every diagnostic of
//! every ui case and explanation example is built from catalog ids, and the CLI picks the language.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use yjs_compiler::diagnostics::{catalog_ids, has_message, Diagnostic, Lang, Text, ALL_CODES};
use yjs_compiler::resolve::{Disk, Memory};

/// Code series whose constructors still pass raw English text (being translated).
const PENDING: &[&str] = &["E05", "W05", "E06", "W06"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The Rust sources that may name catalog ids.
fn sources() -> String {
    let mut files = Vec::new();
    rs_files(&root().join("compiler/src"), &mut files);
    rs_files(&root().join("src"), &mut files);
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn catalogs_parse_and_have_the_same_ids() {
    let en = catalog_ids(Lang::En).expect("en catalogs parse");
    let zh = catalog_ids(Lang::Zh).expect("zh catalogs parse");
    let en_set: BTreeSet<&String> = en.iter().collect();
    let zh_set: BTreeSet<&String> = zh.iter().collect();
    assert_eq!(en.len(), en_set.len(), "an id is defined twice in en");
    assert_eq!(zh.len(), zh_set.len(), "an id is defined twice in zh");
    let only_en: Vec<_> = en_set.difference(&zh_set).collect();
    let only_zh: Vec<_> = zh_set.difference(&en_set).collect();
    assert!(only_en.is_empty(), "ids missing in zh: {only_en:?}");
    assert!(only_zh.is_empty(), "ids missing in en: {only_zh:?}");
}

#[test]
fn every_catalog_id_is_used_and_every_used_id_exists() {
    let src = sources();
    let ids = catalog_ids(Lang::En).unwrap();
    let unused: Vec<&String> = ids
        .iter()
        .filter(|id| !src.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "catalog ids no code uses: {unused:?}");
    let mut missing = Vec::new();
    let parts: Vec<&str> = src.split("t!(").collect();
    for (before, part) in parts.iter().zip(parts.iter().skip(1)) {
        // `format!(` and `print!(` end in `t!(` too.
        if before.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = part.trim_start();
        let Some(rest) = rest.strip_prefix('"') else {
            continue;
        };
        let id = &rest[..rest.find('"').unwrap()];
        if !ids.iter().any(|i| i == id) {
            missing.push(id.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "t! ids missing in the catalogs: {missing:?}"
    );
}

fn all_texts(d: &Diagnostic) -> Vec<&Text> {
    let mut out = vec![&d.message];
    out.extend(d.primary.iter().map(|l| &l.message));
    out.extend(d.secondary.iter().map(|l| &l.message));
    out.extend(d.notes.iter());
    out.extend(d.help.iter());
    out
}

fn ui_cases() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["tests/ui/fail", "tests/ui/pass"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap().flatten() {
            if e.path().extension().is_some_and(|x| x == "yjs") {
                out.push(PathBuf::from(dir).join(e.file_name()));
            }
        }
    }
    out.sort();
    out
}

fn first_yjs_block(text: &str) -> Option<String> {
    let start = text.find("```yjs\n")? + "```yjs\n".len();
    let end = text[start..].find("```")? + start;
    Some(text[start..end].to_string())
}

/// Every diagnostic of every ui case and every explanation example.
fn every_diagnostic() -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for case in ui_cases() {
        out.extend(yjs_compiler::check(&Disk, &[case]).diagnostics);
    }
    for (_, _, text) in ALL_CODES {
        if let Some(example) = first_yjs_block(text) {
            let files = BTreeMap::from([(PathBuf::from("example.yjs"), example)]);
            let checked = yjs_compiler::check(&Memory(files), &[PathBuf::from("example.yjs")]);
            out.extend(checked.diagnostics);
        }
    }
    out
}

#[test]
fn every_diagnostic_text_comes_from_both_catalogs() {
    let mut raw = Vec::new();
    let mut missing = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for d in every_diagnostic() {
        seen.insert(d.code.0);
        for t in all_texts(&d) {
            if t.has_raw() && !PENDING.iter().any(|p| d.code.0.starts_with(p)) {
                raw.push(format!("{}: {}", d.code, t));
            }
            for id in t.ids() {
                for lang in Lang::ALL {
                    if !has_message(lang, id) {
                        missing.insert(format!("{} {id} ({})", d.code, lang.tag()));
                    }
                }
            }
        }
    }
    assert!(seen.len() > 20, "the cases produce many codes: {seen:?}");
    assert!(
        raw.is_empty(),
        "raw (untranslated) texts:\n{}",
        raw.join("\n")
    );
    assert!(missing.is_empty(), "ids missing: {missing:?}");
}

#[test]
fn chinese_differs_from_english_and_has_no_isolation_marks() {
    for d in every_diagnostic() {
        for t in all_texts(&d) {
            let zh = t.resolve(Lang::Zh);
            assert!(!zh.contains(['\u{2068}', '\u{2069}']), "{zh:?}");
            assert_eq!(t.resolve(Lang::En), t.as_str());
        }
        if !d.message.has_raw() {
            let zh = d.message.resolve(Lang::Zh);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}: message has no Chinese: {zh}",
                d.code
            );
        }
    }
}

#[test]
fn locale_environment_picks_the_language() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
    assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
    assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    assert_eq!(
        Lang::from_locale(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
        Lang::En
    );
    assert_eq!(
        Lang::from_locale(env(&[("LC_MESSAGES", "zh_TW"), ("LANG", "en_US")])),
        Lang::Zh
    );
    assert_eq!(
        Lang::from_locale(env(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")])),
        Lang::Zh
    );
}

fn yjs(args: &[&str], lang_env: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_yjs"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang_env)
        .env("NO_COLOR", "1")
        .current_dir(root())
        .output()
        .expect("run yjs")
}

const CASE: &str = "tests/ui/fail/e0104-unknown-name.yjs";

#[test]
fn cli_follows_lang_and_the_flag() {
    let zh = yjs(&["check", CASE], "zh_CN.UTF-8");
    assert_eq!(zh.status.code(), Some(1));
    let err = String::from_utf8(zh.stderr).unwrap();
    assert!(err.contains("错误[E0104]: 未知的"), "{err}");
    assert!(!err.contains("error["), "{err}");
    assert!(err.contains("处理办法："), "{err}");
    assert!(err.contains("已检查 1 个文件"), "{err}");

    let en = yjs(&["check", CASE], "en_US.UTF-8");
    let err_en = String::from_utf8(en.stderr).unwrap();
    assert!(err_en.contains("error[E0104]: unknown "), "{err_en}");
    assert!(err_en.contains("checked 1 file(s)"), "{err_en}");

    // The flag wins over the locale, both ways.
    let flag_en = yjs(&["--lang", "en", "check", CASE], "zh_CN.UTF-8");
    assert_eq!(String::from_utf8(flag_en.stderr).unwrap(), err_en);
    let flag_zh = yjs(&["check", "--lang", "zh", CASE], "C");
    assert_eq!(String::from_utf8(flag_zh.stderr).unwrap(), err);

    let bad = yjs(&["--lang", "fr", "check", CASE], "C");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn json_carries_the_chosen_language() {
    let out = yjs(&["check", "--format", "json", "--lang", "zh", CASE], "C");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &v.as_array().unwrap()[0];
    assert_eq!(first["code"], "E0104");
    let msg = first["message"].as_str().unwrap();
    assert!(msg.starts_with("未知的"), "{msg}");
    let label = first["labels"][0]["message"].as_str().unwrap();
    assert!(label.starts_with("没有以此命名的"), "{label}");
    let en = yjs(&["check", "--format", "json", CASE], "zh_CN.UTF-8");
    let v: serde_json::Value = serde_json::from_slice(&en.stdout).unwrap();
    assert!(v[0]["message"].as_str().unwrap().contains("未知的"));
}

/// The ASCII words of a Chinese text outside code: backquoted spans and quoted source excerpts
/// (`“…”`, `"…"`, `「…」`) are identifiers, keywords or the analyst's own text.
fn english_words(zh: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut closing: Option<char> = None;
    for c in zh.chars().chain(std::iter::once(' ')) {
        match closing {
            Some(end) if c == end => closing = None,
            Some(_) => {}
            None => match c {
                '`' => closing = Some('`'),
                '"' => closing = Some('"'),
                '“' => closing = Some('”'),
                '「' => closing = Some('」'),
                _ => {}
            },
        }
        if closing.is_none() && c.is_ascii_alphabetic() {
            word.push(c);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    words
}

/// Technical names a Chinese official text writes in Latin letters.
const LATIN_TERMS: &[&str] = &[
    "JSON",
    "Schema",
    "ECMAScript",
    "ECMA",
    "JavaScript",
    "Ajv",
    "RJSF",
    "Forms",
    "UTF",
    "yjs",
];

#[test]
fn chinese_messages_carry_no_english_words() {
    let mut leaks = BTreeSet::new();
    for d in every_diagnostic() {
        for t in all_texts(&d) {
            let zh = t.resolve(Lang::Zh);
            for w in english_words(&zh) {
                if !LATIN_TERMS.contains(&w.as_str()) {
                    leaks.insert(format!("{}: {w:?} in {zh}", d.code));
                }
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "English words in Chinese texts:\n{}",
        leaks.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn english_words_skip_code_and_quotes() {
    assert_eq!(
        english_words("事项 `birth_cert`（wsjk）与 item “abc” 的 shared"),
        ["wsjk", "item", "shared"]
    );
    assert!(english_words("「Who」与 `x` \"y\"").is_empty());
}

#[test]
fn chinese_headers_name_the_severity_in_chinese_with_and_without_colour() {
    use yjs_compiler::diagnostics::render_human_in;
    let checked = yjs_compiler::check(
        &Disk,
        &[PathBuf::from("tests/ui/fail/e0107-ill-typed-condition.yjs")],
    );
    assert!(checked.diagnostics.iter().any(|d| d.is_error()));
    assert!(checked.diagnostics.iter().any(|d| !d.is_error()));
    for color in [false, true] {
        let zh = render_human_in(&checked.files, &checked.diagnostics, color, Lang::Zh);
        assert!(
            zh.contains("错误[E0107]") && zh.contains("警告[W0401]"),
            "{zh}"
        );
        assert!(!zh.contains("error[") && !zh.contains("warning["), "{zh}");
        let en = render_human_in(&checked.files, &checked.diagnostics, color, Lang::En);
        assert!(
            en.contains("error[E0107]") && en.contains("warning[W0401]"),
            "{en}"
        );
    }
}
