//! `yjs fmt`: one golden case per construct, and over every repository `.yjs` file and fuzzed
//! input: idempotence, comments kept, meaning kept (the AST without spans, and each matter's
//! IR without source positions), in the keyword language kept or converted; the command's
//! `--check`, writes and refusals.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use yjs_compiler::files::FileId;
use yjs_compiler::format::{format, Keywords, Options};
use yjs_compiler::resolve::Memory;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn opts(keywords: Keywords) -> Options {
    Options { keywords }
}

fn fmt(src: &str) -> String {
    format(FileId(0), src, Options::default()).unwrap_or_else(|d| panic!("{d:?}\n{src}"))
}

/// Every `.yjs` file of the repository that parses, with its path.
fn repository_files() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for dir in [
        "dsl-examples",
        "tests/ui/pass",
        "tests/ui/fail",
        "tests/fixtures",
    ] {
        if let Ok(paths) = yjs_compiler::resolve::discover(&[root().join(dir)]) {
            for p in paths {
                if let Ok(text) = std::fs::read_to_string(&p) {
                    out.push((p, text));
                }
            }
        }
    }
    assert!(out.len() > 20, "found only {} files", out.len());
    out
}

/// The AST with every span removed: what the file means to the compiler.
fn meaning(src: &str) -> String {
    let (ast, _) = yjs_compiler::syntax::parse(FileId(0), src);
    let debug = format!("{ast:#?}");
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug.as_str();
    while let Some(at) = rest.find("Span {") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('}').map_or(rest.len(), |e| at + e + 1);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The comments of a text, in order.
fn comments(src: &str) -> Vec<String> {
    let parse = yjs_compiler::syntax::parse_file(FileId(0), src);
    parse
        .tree
        .tokens()
        .filter(|t| {
            matches!(
                t.kind(),
                yjs_compiler::syntax::SyntaxKind::LINE_COMMENT
                    | yjs_compiler::syntax::SyntaxKind::BLOCK_COMMENT
            )
        })
        .map(|t| t.text().trim_end().to_string())
        .collect()
}

/// The properties every formatted text has; `None` when the input has syntax errors.
fn check_properties(src: &str) -> Option<String> {
    let once = format(FileId(0), src, Options::default()).ok()?;
    let twice = fmt(&once);
    assert_eq!(once, twice, "not idempotent on:\n{src}");
    assert_eq!(
        meaning(src),
        meaning(&once),
        "meaning changed:\n{src}\n---\n{once}"
    );
    assert_eq!(comments(src), comments(&once), "comments changed:\n{src}");
    Some(once)
}

#[test]
fn every_repository_file_formats_idempotently_keeping_meaning_and_comments() {
    let mut formatted = 0;
    for (path, text) in repository_files() {
        if check_properties(&text).is_some() {
            formatted += 1;
        } else {
            // Only files with syntax errors are refused.
            let (_, diags) = yjs_compiler::syntax::parse(FileId(0), &text);
            assert!(diags.iter().any(|d| d.is_error()), "{}", path.display());
        }
    }
    assert!(formatted > 20);
}

/// Formats every file of `dsl-examples` and checks each matter's IR against the original's,
/// source positions aside (they move with the layout) and, when keywords are converted, the
/// constraints' source words.
fn ir_after(keywords: Keywords) -> (String, String) {
    let dir = root().join("dsl-examples");
    let paths = yjs_compiler::resolve::discover(std::slice::from_ref(&dir)).unwrap();
    let mut before = BTreeMap::new();
    let mut after = BTreeMap::new();
    for p in &paths {
        let rel = p.strip_prefix(&dir).unwrap().to_path_buf();
        let text = std::fs::read_to_string(p).unwrap();
        let formatted = format(FileId(0), &text, opts(keywords)).unwrap();
        assert_eq!(fmt(&formatted), fmt(&fmt(&formatted)), "{}", rel.display());
        before.insert(rel.clone(), text);
        after.insert(rel, formatted);
    }
    let roots: Vec<PathBuf> = before
        .keys()
        .filter(|p| !p.starts_with("common"))
        .cloned()
        .collect();
    // The material templates the examples name are read too (they are text files).
    let templates: Vec<(PathBuf, String)> = std::fs::read_dir(dir.join("templates"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let rel = PathBuf::from("templates").join(e.file_name());
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    let ir = |mut files: BTreeMap<PathBuf, String>| {
        files.extend(templates.iter().cloned());
        let checked = yjs_compiler::check(&Memory(files), &roots);
        assert!(!checked.has_errors());
        let mut json = serde_json::to_value(&checked.matters).unwrap();
        strip(&mut json, keywords != Keywords::Keep);
        serde_json::to_string_pretty(&json).unwrap()
    };
    (ir(before), ir(after))
}

fn strip(v: &mut serde_json::Value, words: bool) {
    match v {
        serde_json::Value::Object(map) => {
            map.remove("at");
            if words {
                map.remove("constraint");
            }
            map.values_mut().for_each(|v| strip(v, words));
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| strip(v, words)),
        _ => {}
    }
}

#[test]
fn examples_keep_their_ir() {
    for keywords in [Keywords::Keep, Keywords::English, Keywords::Chinese] {
        let (before, after) = ir_after(keywords);
        assert!(before.len() > 1000);
        if before != after {
            let diff = similar::TextDiff::from_lines(&before, &after);
            panic!(
                "{keywords:?} changed the IR:\n{}",
                diff.unified_diff().context_radius(3)
            );
        }
    }
}

#[test]
fn keyword_conversion_round_trips_and_keeps_names() {
    let src = std::fs::read_to_string(root().join("dsl-examples/newborn.yjs")).unwrap();
    let zh = format(FileId(0), &src, opts(Keywords::Chinese)).unwrap();
    assert!(zh.contains("一件事 newborn \"新生儿出生一件事\" {"), "{zh}");
    assert!(zh.contains("承诺       7 工作日"), "{zh}");
    assert!(zh.contains("当   settle == local"), "{zh}");
    assert!(zh.contains("身份证号码 { 必填 }"), "{zh}");
    assert!(zh.contains("受理 1 工作日 由 zwfw"), "{zh}");
    let en = format(FileId(0), &zh, opts(Keywords::English)).unwrap();
    assert_eq!(en, fmt(&src), "zh → en is the formatted original");
    // `1 workday`, not `1 workdays`.
    assert!(en.contains("promise    1 workday\n"), "{en}");
    // The AST keeps the spelling of contextual words (`文本`); `examples_keep_their_ir`
    // shows that the converted files mean the same.
}

/// Golden cases: one per construct, input and expected output.
#[test]
fn each_construct_has_its_layout() {
    let cases: &[(&str, &str)] = &[
        // Spacing: one space, none inside `a.b`, `80%`, before `,` and `;`, inside `( )` `[ ]`.
        (
            "matter   m  \"x\"{\n warn    80%\n  delivery online ,mail\n}",
            "matter m \"x\" {\n  warn     80%\n  delivery online, mail\n}\n",
        ),
        // Blank lines: at most one, none after `{` or before `}`, none at the ends of the file.
        (
            "\n\nmatter m \"x\" {\n\n\n  lead d\n\n\n\n  window d\n\n}\n\n\n",
            "matter m \"x\" {\n  lead d\n\n  window d\n}\n",
        ),
        // A one-line block stays on one line; redundant `;` go.
        (
            "department d \"部\" {  phone \"1\" ; ; address \"2\";}",
            "department d \"部\" { phone \"1\"; address \"2\" }\n",
        ),
        // A block over lines gets one statement a line; `a; b` on one line stays.
        (
            "department d \"部\" { phone \"1\"\naddress \"2\"; hours \"3\" }",
            "department d \"部\" {\n  phone \"1\"\n  address \"2\"; hours \"3\"\n}\n",
        ),
        // Departments are rows: names and labels line up by display width (CJK = 2 columns).
        (
            "department ab \"市公安局\" { phone \"1\" }\ndepartment c \"局\" { phone \"2\" }\n",
            "department ab \"市公安局\" { phone \"1\" }\ndepartment c  \"局\"       { phone \"2\" }\n",
        ),
        // Comments: kept, trailing ones of a run on one column, leading ones with their statement.
        (
            "// head\nmatter m \"x\" { // opens\n  lead d // who\n  promise 5 workdays   // how long\n  /* block */ window d\n}",
            "// head\nmatter m \"x\" { // opens\n  lead    d           // who\n  promise 5 workdays  // how long\n  /* block */ window d\n}\n",
        ),
        // Top-level declarations of different kinds, and items, are one blank line apart.
        (
            "use \"a.yjs\"\nuse \"b.yjs\"\nmatter m \"x\" {\n  lead d\n  item a \"A\" {\n    department d\n  }\n  // the second item\n  item b \"B\" {\n    department d\n  }\n}",
            "use \"a.yjs\"\nuse \"b.yjs\"\n\nmatter m \"x\" {\n  lead d\n\n  item a \"A\" {\n    department d\n  }\n\n  // the second item\n  item b \"B\" {\n    department d\n  }\n}\n",
        ),
        // Field entries: name, label and type columns; a block ends the row's alignment;
        // an alias stays with its name.
        (
            "matter m \"x\" {\nshared {\n  a \"甲\" text { required }\n  long_name \"乙乙\" id_card\n  c = d\n  e \"丙\" choice { x \"X\"; y \"Y\" } { required }\n}\n}",
            "matter m \"x\" {\n  shared {\n    a         \"甲\"   text    { required }\n    long_name \"乙乙\" id_card\n    c = d\n    e         \"丙\"   choice { x \"X\"; y \"Y\" } { required }\n  }\n}\n",
        ),
        // A constraints block starts on the run's block column: a reference without a label
        // or a field without a type leaves their columns empty instead of filling them.
        (
            "matter m \"x\" {\nshared {\n  a \"甲\" text { required }\n  org.uscc { required }\n  b = org.name \"乙乙\" { required }\n  long_name \"丙\" id_card\n}\n}",
            "matter m \"x\" {\n  shared {\n    a            \"甲\"   text    { required }\n    org.uscc                    { required }\n    b = org.name \"乙乙\"         { required }\n    long_name    \"丙\"   id_card\n  }\n}\n",
        ),
        // Conditions and chains: line breaks inside a statement are kept, one level deeper.
        (
            "matter m \"x\" {\nflow {\n  accept 1 workday by d\n  a -> b ->\n c\n  deliver 1 workday\n}\nitem i \"I\" {\n  when (x == y and\n not z) or w in [p,q]\n}\n}",
            "matter m \"x\" {\n  flow {\n    accept 1 workday by d\n    a -> b ->\n      c\n    deliver 1 workday\n  }\n\n  item i \"I\" {\n    when (x == y and\n      not z) or w in [p, q]\n  }\n}\n",
        ),
        // Tabs, full-width spaces and CRLF become spaces and LF; strings are never touched.
        (
            "matter\tm\u{3000}\"a  b\" {\r\n\tlead d\r\n}\r\n",
            "matter m \"a  b\" {\n  lead d\n}\n",
        ),
        // Review points, one a line.
        (
            "matter m \"x\" {\nitem i \"I\" {\nreview {\n\"一\"\n    \"二\"\n}\n}\n}",
            "matter m \"x\" {\n  item i \"I\" {\n    review {\n      \"一\"\n      \"二\"\n    }\n  }\n}\n",
        ),
        // An empty file stays empty; an empty block is `{}`.
        ("", ""),
        ("department d \"部\" {   }", "department d \"部\" {}\n"),
    ];
    for (input, expected) in cases {
        let got = fmt(input);
        assert_eq!(&got, expected, "input:\n{input}");
        assert_eq!(fmt(&got), got, "not idempotent:\n{got}");
        assert_eq!(meaning(input), meaning(&got));
    }
}

#[test]
fn files_with_syntax_errors_are_refused() {
    let err = format(
        FileId(0),
        "matter m \"x\" {\n  promise 5 weeks\n}\n",
        Options::default(),
    )
    .unwrap_err();
    assert!(err.iter().all(|d| d.code.0.starts_with("E00")), "{err:?}");
    let err = format(FileId(0), "matter m \"x\" {", Options::default()).unwrap_err();
    assert!(!err.is_empty());
}

fn seeds() -> Vec<String> {
    repository_files().into_iter().map(|(_, t)| t).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Mutated repository files: whatever still parses formats idempotently with its meaning
    /// and comments kept.
    #[test]
    fn mutated_files_keep_their_meaning(
        pick in any::<usize>(),
        cuts in prop::collection::vec((any::<usize>(), 0usize..3, prop_oneof![
            Just(""), Just("\n"), Just("\n\n"), Just("  "), Just("\t"), Just(";"), Just(" // c\n"),
            Just("/* b */"), Just("\u{3000}"),
        ]), 1..6),
    ) {
        let seeds = seeds();
        let mut s: Vec<char> = seeds[pick % seeds.len()].chars().collect();
        for (at, del, ins) in cuts {
            let at = at % (s.len() + 1);
            let end = (at + del).min(s.len());
            s.splice(at..end, ins.chars());
        }
        let src: String = s.into_iter().collect();
        let _ = check_properties(&src);
    }

    /// Random statements from a small vocabulary, in both languages.
    #[test]
    fn random_layouts_keep_their_meaning(parts in prop::collection::vec(prop_oneof![
        Just("matter m \"x\" {"), Just("一件事 n \"y\" {"), Just("}"), Just("\n"), Just("\n\n"),
        Just(";"), Just("lead d"), Just("承诺 5 工作日"), Just("item i \"I\" {"), Just("form {"),
        Just("a \"甲\" text { required }"), Just("b = c"), Just("when x == y and"), Just("z"),
        Just("// note"), Just("flow {"), Just("a -> b"), Just("department d \"部\" { phone \"1\" }"),
    ], 0..40)) {
        let src = parts.join(" ");
        let _ = check_properties(&src);
    }
}

// ------------------------------------------------------------------ the command

fn yjs(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yjs"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_checks_writes_and_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let messy = "matter m \"x\" {\n   lead   d\n}\n";
    std::fs::write(dir.path().join("a.yjs"), messy).unwrap();
    std::fs::write(dir.path().join("b.yjs"), "department d \"部\"\n").unwrap();

    let (code, out, err) = yjs(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(out.trim(), "a.yjs");
    assert!(err.contains("1 of 2 file(s) are not formatted"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.yjs")).unwrap(),
        messy
    );

    let (code, _, err) = yjs(dir.path(), &["fmt", "."]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.yjs")).unwrap(),
        "matter m \"x\" {\n  lead d\n}\n"
    );
    let (code, out, _) = yjs(dir.path(), &["fmt", "--check", "."]);
    assert_eq!((code, out.as_str()), (0, ""));

    let (code, _, err) = yjs(dir.path(), &["fmt", "--keywords", "zh", "a.yjs"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.yjs")).unwrap(),
        "一件事 m \"x\" {\n  牵头 d\n}\n"
    );

    // A syntax error anywhere: diagnostics with a code, exit 1, and nothing written.
    std::fs::write(dir.path().join("a.yjs"), messy).unwrap();
    std::fs::write(
        dir.path().join("c.yjs"),
        "matter m \"x\" {\n  promise 5 weeks\n}\n",
    )
    .unwrap();
    let (code, _, err) = yjs(dir.path(), &["fmt", "."]);
    assert_eq!(code, 1);
    assert!(err.contains("error[E00"), "{err}");
    assert!(err.contains("c.yjs:2:"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.yjs")).unwrap(),
        messy
    );

    // Not UTF-8: E0003.
    std::fs::write(dir.path().join("c.yjs"), b"matter m \"\xff\" {}\n").unwrap();
    let (code, _, err) = yjs(dir.path(), &["fmt", "c.yjs"]);
    assert_eq!(code, 1);
    assert!(err.contains("error[E0003]"), "{err}");

    // Standard input to standard output.
    let mut child = Command::new(env!("CARGO_BIN_EXE_yjs"))
        .args(["fmt", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), messy.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "matter m \"x\" {\n  lead d\n}\n"
    );

    let (code, _, _) = yjs(dir.path(), &["fmt", "missing.yjs"]);
    assert_eq!(code, 2);
}

#[test]
fn special_files_are_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.yjs");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // Without the regular-file check this would block forever on the FIFO's open.
    let (code, _, err) = yjs(dir.path(), &["fmt", "--check", "pipe.yjs"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a regular file"), "{err}");
}
