//! The examples are real input: every matter in `dsl-examples/` checks with no error and no warning,
//! except the normative sample, which gives no source for its codes, legal limits and fees and gets
//! exactly those warnings; and the sample written with Chinese keywords means exactly what the
//! English one means.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use yjs_compiler::resolve::{discover, ix, Disk, FlowNode, Program};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn dsl_examples_check_clean() {
    let roots = discover(&[root().join("dsl-examples")]).expect("dsl-examples exists");
    let checked = yjs_compiler::check(&Disk, &roots);
    let rendered =
        yjs_compiler::diagnostics::render_human(&checked.files, &checked.diagnostics, false);
    // The sample states its codes, legal limits and fees without a source: one warning each,
    // and nothing else anywhere.
    let found: Vec<(String, usize, &str)> = checked
        .diagnostics
        .iter()
        .map(|d| {
            let span = d.primary.as_ref().expect("a located diagnostic").span;
            let name = checked.files.name(span.file);
            let file = name.rsplit(['/', '\\']).next().unwrap_or(name).to_string();
            (
                file,
                checked.files.line_col(span.file, span.start as usize).0,
                d.code.0,
            )
        })
        .collect();
    let sample = |line, code| ("newborn.yjs".to_string(), line, code);
    let expected = vec![
        sample(7, "W0403"),
        sample(46, "W0403"),
        sample(50, "W0401"),
        sample(52, "W0402"),
        sample(76, "W0401"),
        sample(78, "W0402"),
        sample(89, "W0403"),
        sample(93, "W0401"),
        sample(95, "W0402"),
        sample(114, "W0401"),
        sample(116, "W0402"),
        sample(133, "W0401"),
        sample(135, "W0402"),
    ];
    assert_eq!(
        found, expected,
        "dsl-examples must check with exactly the sample's source warnings:\n{rendered}"
    );
    let ids: Vec<&str> = checked
        .program
        .matters
        .iter()
        .map(|m| m.id.name.as_str())
        .collect();
    for expected in [
        "newborn",
        "company_setup",
        "restaurant",
        "retirement",
        "company_change",
        "company_deregistration",
    ] {
        assert!(
            ids.contains(&expected),
            "missing matter {expected} in {ids:?}"
        );
    }
}

#[test]
fn the_sample_is_unchanged() {
    let shared = root().join("../shared/samples");
    if !shared.exists() {
        return;
    }
    for f in ["newborn.yjs", "common/departments.yjs"] {
        let ours = std::fs::read(root().join("dsl-examples").join(f)).expect("example");
        let theirs = std::fs::read(shared.join(f)).expect("sample");
        assert!(
            ours == theirs,
            "dsl-examples/{f} must be a byte copy of the normative sample"
        );
    }
}

/// A span-free description of what a program means.
fn meaning(p: &Program) -> String {
    let mut out = String::new();
    for d in p.departments.values() {
        out += &format!(
            "dept {} {} {:?} {:?} {:?}\n",
            d.id, d.name, d.phone, d.address, d.hours
        );
    }
    for m in &p.matters {
        out += &format!(
            "matter {} {} {:?} lead={:?} window={:?} promise={:?} visits={:?} delivery={:?}\n",
            m.id.name,
            m.name.value,
            m.code.as_ref().map(|c| &c.value),
            m.lead.map(|l| l.0),
            m.window.map(|w| w.0),
            m.promise.map(|x| x.kind),
            m.visits.map(|v| v.0),
            m.delivery.iter().map(|d| &d.0).collect::<Vec<_>>()
        );
        for s in m.situations.values() {
            let opts: Vec<String> = s
                .options
                .values()
                .map(|o| format!("{}={}", o.id, o.label))
                .collect();
            out += &format!(
                "  situation {} {} bool={} {opts:?}\n",
                s.id.name, s.question.value, s.is_bool
            );
        }
        for f in m.shared.values() {
            let cs: Vec<&str> = f.constraints.iter().map(|c| c.kind.keyword()).collect();
            out += &format!(
                "  shared {} {} {} {cs:?}\n",
                f.id.name,
                f.label.value,
                f.ty.name()
            );
        }
        for it in m.items.values() {
            out += &format!(
                "  item {} {} dept={:?} kind={:?} legal={:?} promise={:?} when={:?}\n",
                it.id.name,
                it.name.value,
                it.department.map(|d| d.0),
                it.kind.as_ref().map(|k| &k.0),
                it.legal.map(|x| x.kind),
                it.promise.map(|x| x.kind),
                it.when.as_ref().map(|w| w.display(&m.situations))
            );
            for f in &it.fields {
                out += &format!("    field {}\n", f.local_name());
            }
            out += &format!(
                "    materials {} outputs {}\n",
                it.materials.len(),
                it.outputs.len()
            );
        }
        let node = |n: FlowNode| match n {
            FlowNode::Item(i) => format!("item {}", ix(i)),
            FlowNode::Wait(w) => format!("wait {}", ix(w)),
        };
        let edges: Vec<(String, String)> = m
            .flow
            .edges
            .iter()
            .map(|e| (node(e.from), node(e.to)))
            .collect();
        out += &format!(
            "  flow {edges:?} accept={:?}\n",
            m.flow.accept.map(|a| (a.0.kind, a.1))
        );
    }
    out
}

#[test]
fn chinese_keywords_compile_to_the_same_model() {
    let en = yjs_compiler::check(&Disk, &[root().join("dsl-examples/newborn.yjs")]);
    let zh = yjs_compiler::check(&Disk, &[root().join("tests/fixtures/zh/newborn.yjs")]);
    assert!(!en.has_errors() && !zh.has_errors());
    assert_eq!(meaning(&en.program), meaning(&zh.program));
    let zh_src =
        std::fs::read_to_string(root().join("tests/fixtures/zh/newborn.yjs")).expect("zh fixture");
    for word in [
        "一件事",
        "事项",
        "情形",
        "共享",
        "表单",
        "材料",
        "结果",
        "流程",
        "受理",
        "送达",
        "必填",
        "工作日",
        "即办",
    ] {
        assert!(
            zh_src.contains(word),
            "the Chinese fixture should use {word}"
        );
    }
    assert!(
        !zh_src.contains("\nmatter ") && !zh_src.contains(" item "),
        "the fixture must not use English keywords"
    );
}

/// The 改革成效 rows of a built guide: (对比项, 逐项办理, 一件事办理).
fn reform_rows(guide_md: &str) -> Vec<(String, String, String)> {
    let Some(start) = guide_md.find("## 改革成效") else {
        return Vec::new();
    };
    guide_md[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells.len() > 4 && !cells[1].is_empty() && !cells[1].starts_with('-')).then(|| {
                (
                    cells[1].to_string(),
                    cells[2].to_string(),
                    cells[3].to_string(),
                )
            })
        })
        .collect()
}

/// The figures worked by hand in spec/guide.md are exactly what the built guides print.
#[test]
fn reform_figures_match_the_worked_examples() {
    let spec = std::fs::read_to_string(root().join("spec/guide.md")).expect("spec/guide.md");
    let start = spec.find("| matter | 对比项 |").expect("the worked table");
    let mut checked = 0;
    for line in spec[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
    {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let (matter, aspect, before, after) = (cells[1], cells[2], cells[3], cells[4]);
        let guide = std::fs::read_to_string(root().join("generated").join(matter).join("guide.md"))
            .expect("generated guide");
        let rows = reform_rows(&guide);
        let row = rows
            .iter()
            .find(|(a, _, _)| a == aspect)
            .unwrap_or_else(|| panic!("{matter}: no 改革成效 row {aspect} in {rows:?}"));
        assert_eq!(
            (row.1.as_str(), row.2.as_str()),
            (before, after),
            "{matter} {aspect}: the build differs from spec/guide.md's worked figure"
        );
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} worked figures found");
}
