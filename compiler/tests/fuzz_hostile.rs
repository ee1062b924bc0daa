//! Property tests for hostile shapes: deeply nested and very long conditions, and `use` graphs
//! with `..` through real folders and symbolic links.
//!
//! Conditions are generated with their meaning and depth known: one deeper than
//! `MAX_COND_DEPTH` must be refused with E0019, and every other must compile to an artifact
//! condition that decides every answer as the generated one does. `use` graphs are written
//! into a real temporary folder; the files loaded must be exactly the files the operating
//! system resolves the paths to. Nothing may panic or overflow a stack (the test threads
//! have 2 MiB, less than the command's main thread).
//!
//! `cargo test` runs a small budget; `PROPTEST_CASES=N cargo test --release -p yjs-compiler --test fuzz_hostile`
//! runs it long (spec/scale.md records a run).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use yjs_artifacts::{Answer, Answers};
use yjs_compiler::resolve::{Disk, Memory};

/// `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A generated condition over the yes/no situations `a` and `b`.
#[derive(Debug, Clone)]
enum C {
    /// `a`, `b`, `a == true`, `b != true`, `a in [false]` …: (situation, written form).
    Leaf(usize, u8),
    Not(Box<C>),
    And(Vec<C>),
    Or(Vec<C>),
    Paren(Box<C>),
}

impl C {
    fn eval(&self, ans: [bool; 2]) -> bool {
        match self {
            C::Leaf(s, form) => match form % 4 {
                0 | 1 => ans[*s],
                2 => !ans[*s],
                _ => !ans[*s],
            },
            C::Not(c) => !c.eval(ans),
            C::And(args) => args.iter().all(|c| c.eval(ans)),
            C::Or(args) => args.iter().any(|c| c.eval(ans)),
            C::Paren(c) => c.eval(ans),
        }
    }

    /// The depth E0019 counts: each `not`, and each list inside a list of the other operator.
    fn depth(&self) -> usize {
        match self {
            C::Leaf(..) => 0,
            C::Not(c) => c.depth() + 1,
            C::Paren(c) => c.depth(),
            C::And(args) => args
                .iter()
                .map(|c| match c.unparen() {
                    C::And(_) => c.depth(),
                    _ => c.depth() + 1,
                })
                .max()
                .unwrap_or(0),
            C::Or(args) => args
                .iter()
                .map(|c| match c.unparen() {
                    C::Or(_) => c.depth(),
                    _ => c.depth() + 1,
                })
                .max()
                .unwrap_or(0),
        }
    }

    fn unparen(&self) -> &C {
        match self {
            C::Paren(c) => c.unparen(),
            c => c,
        }
    }

    /// The condition as written; parentheses where precedence needs them.
    fn text(&self) -> String {
        let name = |s: &usize| if *s == 0 { "a" } else { "b" };
        match self {
            C::Leaf(s, form) => match form % 4 {
                0 => name(s).to_owned(),
                1 => format!("{} == true", name(s)),
                2 => format!("{} != true", name(s)),
                _ => format!("{} in [false]", name(s)),
            },
            C::Not(c) => match &**c {
                C::And(_) | C::Or(_) => format!("not ({})", c.text()),
                _ => format!("not {}", c.text()),
            },
            C::Paren(c) => format!("({})", c.text()),
            C::And(args) => args
                .iter()
                .map(|c| match c {
                    C::Or(_) => format!("({})", c.text()),
                    _ => c.text(),
                })
                .collect::<Vec<_>>()
                .join(" and "),
            C::Or(args) => args.iter().map(C::text).collect::<Vec<_>>().join(" or "),
        }
    }
}

fn leaf() -> impl Strategy<Value = C> {
    (0..2usize, any::<u8>()).prop_map(|(s, f)| C::Leaf(s, f))
}

/// Nested conditions, up to about 40 levels.
fn nested() -> impl Strategy<Value = C> {
    leaf().prop_recursive(40, 400, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|c| C::Not(Box::new(c))),
            inner.clone().prop_map(|c| C::Paren(Box::new(c))),
            prop::collection::vec(inner.clone(), 2..4).prop_map(C::And),
            prop::collection::vec(inner, 2..4).prop_map(C::Or),
        ]
    })
}

/// A long flat condition: up to 3,000 operands, each under 0–3 `not`s, joined by `and`/`or`
/// (read with `not` > `and` > `or`).
fn long() -> impl Strategy<Value = (Vec<(usize, C)>, Vec<bool>)> {
    prop::collection::vec((0..4usize, leaf()), 1..3000).prop_flat_map(|ops| {
        let n = ops.len();
        (Just(ops), prop::collection::vec(any::<bool>(), n))
    })
}

/// A condition nested level by level: each level a `not`, or an `and`/`or` of a comparison
/// and the level below, up to 44 levels (some past the limit, some within).
fn deep() -> impl Strategy<Value = C> {
    (leaf(), prop::collection::vec((0..3u8, leaf()), 0..45)).prop_map(|(first, levels)| {
        levels.into_iter().fold(first, |c, (kind, l)| match kind {
            0 => C::Not(Box::new(c)),
            1 => C::And(vec![l, c]),
            _ => C::Or(vec![l, c]),
        })
    })
}

/// How deep the parentheses of a text go.
fn paren_depth(text: &str) -> usize {
    let mut depth = 0usize;
    let mut max = 0;
    for ch in text.chars() {
        match ch {
            '(' => {
                depth += 1;
                max = max.max(depth);
            }
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// A run of `not`s over one leaf.
fn nots() -> impl Strategy<Value = C> {
    (0..80usize, leaf()).prop_map(|(n, l)| (0..n).fold(l, |c, _| C::Not(Box::new(c))))
}

const HEAD: &str = "department d \"部门\"\nmatter m \"事\" {\n  lead d\n  window d\n  promise 1 workday\n  situation a \"问一\" bool\n  situation b \"问二\" bool\n";

/// Compiles `cond` as an item's `when` (and a field's `required when`); checks E0019 against
/// the depth, and the artifact condition against `truth` for every answer.
fn compiles_as(cond: &str, depth: usize, truth: impl Fn([bool; 2]) -> bool) {
    let src = format!(
        "{HEAD}  item i \"项\" {{\n    department d\n    legal 1 workday\n    promise 1 workday\n    \
         when {cond}\n    form {{\n      x \"字段\" text {{ required when {cond} }}\n    }}\n  }}\n}}\n"
    );
    let mut files = BTreeMap::new();
    files.insert(PathBuf::from("m.yjs"), src);
    let checked = yjs_compiler::check(&Memory(files), &[PathBuf::from("m.yjs")]);
    let codes: Vec<&str> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code.0)
        .collect();
    if depth > yjs_compiler::syntax::MAX_COND_DEPTH {
        assert_eq!(codes, ["E0019", "E0019"], "depth {depth}: {cond}");
        return;
    }
    assert!(codes.is_empty(), "depth {depth}: {codes:?}: {cond}");
    let step = checked.matters[0]
        .plan
        .plan
        .steps
        .iter()
        .find(|s| s.id == "i")
        .expect("step i");
    for ans in [[false, false], [false, true], [true, false], [true, true]] {
        let mut answers = Answers::new();
        answers.insert("a".into(), Answer::Bool(ans[0]));
        answers.insert("b".into(), Answer::Bool(ans[1]));
        assert_eq!(step.condition.eval(&answers), truth(ans), "{ans:?}: {cond}");
    }
    let files = yjs_compiler::emit(&checked).expect("emit");
    for (path, text) in &files {
        if path.ends_with(".json") {
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(text);
            assert!(parsed.is_ok(), "{path}: {parsed:?}");
        }
    }
}

/// A `use` graph: files in folders, some reached through a symbolic link, each `use` path
/// written from its file's folder with `..`, `.` and detours through other folders.
#[derive(Debug, Clone)]
struct Graph {
    /// The folder of each file (an index into `DIRS`).
    dirs: Vec<usize>,
    /// `use` lines: (from, to, how the path is written).
    uses: Vec<(usize, usize, u8)>,
}

/// Real folders, then links: `l` → `a/b`, `a/m` → `x/y`.
const DIRS: &[&str] = &["", "a", "a/b", "a/b/c", "x", "x/y", "l", "a/m"];

fn graph() -> impl Strategy<Value = Graph> {
    prop::collection::vec(0..DIRS.len(), 2..10).prop_flat_map(|dirs| {
        let n = dirs.len();
        let uses = prop::collection::vec((0..n, 0..n, any::<u8>()), 0..(3 * n));
        (Just(dirs), uses).prop_map(|(dirs, uses)| Graph { dirs, uses })
    })
}

/// The path from folder `from` to file `to_dir/name`, as a `use` line writes it: up with
/// `..` as far as needed (through the link itself when `from` is a link: the operating
/// system goes up from its target), down again, with a detour (`x/..`) or a `./` by `how`.
fn relative(root: &Path, from: &str, to_dir: &str, name: &str, how: u8) -> String {
    let from_real = std::fs::canonicalize(root.join(from)).expect("folder");
    let to_real = std::fs::canonicalize(root.join(to_dir)).expect("folder");
    let base = std::fs::canonicalize(root).expect("root");
    let up = from_real
        .strip_prefix(&base)
        .expect("inside")
        .components()
        .count();
    let down = to_real.strip_prefix(&base).expect("inside");
    let mut parts: Vec<String> = vec!["..".to_owned(); up];
    parts.extend(down.iter().map(|c| c.to_string_lossy().into_owned()));
    parts.push(name.to_owned());
    match how % 4 {
        0 => {}
        1 => parts.insert(0, ".".to_owned()),
        // A detour through a real folder next to the start and back.
        2 if up > 0 => {
            parts.insert(up, "x".to_owned());
            parts.insert(up + 1, "..".to_owned());
        }
        _ => {}
    }
    parts.join("/")
}

/// Writes the graph under `root`; the files that should load from file 0, by canonical path.
fn write_graph(root: &Path, g: &Graph) -> BTreeSet<PathBuf> {
    for d in ["a/b/c", "x/y"] {
        std::fs::create_dir_all(root.join(d)).expect("mkdir");
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root.join("a/b"), root.join("l")).expect("ln l");
        std::os::unix::fs::symlink(root.join("x/y"), root.join("a/m")).expect("ln a/m");
    }
    let name = |k: usize| format!("f{k}.yjs");
    let mut text: Vec<String> = (0..g.dirs.len()).map(|_| String::new()).collect();
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); g.dirs.len()];
    for &(from, to, how) in &g.uses {
        let path = relative(root, DIRS[g.dirs[from]], DIRS[g.dirs[to]], &name(to), how);
        text[from].push_str(&format!("use \"{path}\"\n"));
        edges[from].push(to);
    }
    let mut path_of = Vec::new();
    for (k, t) in text.iter().enumerate() {
        let p = root.join(DIRS[g.dirs[k]]).join(name(k));
        std::fs::write(&p, format!("{t}department d{k} \"部门{k}\"\n")).expect("write");
        path_of.push(std::fs::canonicalize(&p).expect("canonical"));
    }
    let mut seen = BTreeSet::new();
    let mut todo = vec![0];
    while let Some(k) = todo.pop() {
        if seen.insert(path_of[k].clone()) {
            todo.extend(edges[k].iter().copied());
        }
    }
    seen
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

    #[test]
    fn nested_conditions_are_refused_or_mean_what_they_say(c in nested()) {
        // The matter, item, form and field blocks take 4 of the 64 brackets.
        prop_assume!(paren_depth(&c.text()) < 60);
        compiles_as(&c.text(), c.depth(), |ans| c.eval(ans));
    }

    #[test]
    fn deep_conditions_are_refused_past_the_limit_and_mean_what_they_say(c in deep()) {
        prop_assume!(paren_depth(&c.text()) < 60);
        compiles_as(&c.text(), c.depth(), |ans| c.eval(ans));
    }

    #[test]
    fn long_conditions_mean_what_they_say((ops, ors) in long()) {
        let mut text = String::new();
        let mut leaves = Vec::new();
        for (k, (n, l)) in ops.iter().enumerate() {
            if k > 0 {
                text.push_str(if ors[k] { " or " } else { " and " });
            }
            text.push_str(&"not ".repeat(*n));
            text.push_str(&l.text());
            leaves.push((*n, l.clone()));
        }
        // The depth: an operand's `not`s, one more in an `and` run of several, one more when
        // there are several runs.
        let mut runs: Vec<Vec<usize>> = vec![Vec::new()];
        for (k, (n, _)) in ops.iter().enumerate() {
            if k > 0 && ors[k] {
                runs.push(Vec::new());
            }
            if let Some(run) = runs.last_mut() {
                run.push(*n);
            }
        }
        let several = usize::from(runs.len() > 1);
        let depth = runs
            .iter()
            .map(|run| run.iter().max().unwrap_or(&0) + usize::from(run.len() > 1) + several)
            .max()
            .unwrap_or(0);
        compiles_as(&text, depth, |ans| {
            // `or` of `and` runs, each operand under its `not`s.
            let mut any = false;
            let mut all = true;
            for (k, (n, l)) in leaves.iter().enumerate() {
                if k > 0 && ors[k] {
                    any |= all;
                    all = true;
                }
                all &= l.eval(ans) ^ (n % 2 == 1);
            }
            any | all
        });
    }

    #[test]
    fn runs_of_not_are_refused_past_the_limit(c in nots()) {
        compiles_as(&c.text(), c.depth(), |ans| c.eval(ans));
    }

    #[test]
    #[cfg(unix)]
    fn use_paths_load_exactly_the_files_they_name(g in graph()) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        let expected = write_graph(root, &g);
        let first = root.join(DIRS[g.dirs[0]]).join("f0.yjs");
        let checked = yjs_compiler::check(&Disk, &[first]);
        let loaded: BTreeSet<PathBuf> = checked
            .files
            .iter()
            .map(|(_, f)| std::fs::canonicalize(&f.name).expect("a loaded name names a file"))
            .collect();
        prop_assert_eq!(&loaded, &expected);
        for d in &checked.diagnostics {
            prop_assert!(
                matches!(d.code.0, "E0102" | "E0103"),
                "{:?}", d
            );
        }
    }
}
