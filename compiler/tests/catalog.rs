//! Scale test: a generated catalog checks clean, and injected errors are all reported at their lines.

#[path = "../examples/gen_catalog/catalog.rs"]
#[allow(dead_code)]
mod catalog;

use yjs_compiler::diagnostics::render_json;
use yjs_compiler::resolve::Disk;

/// Generates `matters` matters with `errors` injected errors on disk and checks them.
#[allow(clippy::expect_used)] // test helper: a failure to set up is a test failure
fn check(matters: usize, errors: usize) -> (catalog::Catalog, Vec<(String, usize, String)>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let cat = catalog::generate(&catalog::Options {
        matters,
        errors,
        seed: 7,
    });
    cat.write(dir.path()).expect("write catalog");
    let checked = yjs_compiler::check(&Disk, &cat.roots(dir.path()));
    assert_eq!(checked.program.matters.len(), matters);
    let found = render_json(&checked.files, &checked.diagnostics)
        .into_iter()
        .map(|d| {
            let primary = d.labels.iter().find(|l| l.primary).expect("primary label");
            (primary.file.clone(), primary.line, d.code)
        })
        .collect();
    (cat, found)
}

#[test]
fn generated_catalog_checks_clean() {
    let (_, found) = check(20, 0);
    assert!(found.is_empty(), "unexpected diagnostics: {found:?}");
}

#[test]
fn injected_errors_are_each_reported_at_their_line() {
    let (cat, found) = check(20, 7);
    assert_eq!(cat.expected.len(), 7);
    let mut found: Vec<(String, usize, String)> = found
        .into_iter()
        .map(|(file, line, code)| {
            let name = std::path::Path::new(&file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or(file);
            (name, line, code)
        })
        .collect();
    found.sort();
    let expected: Vec<(String, usize, String)> = cat
        .expected
        .iter()
        .map(|e| (e.file.display().to_string(), e.line, e.code.to_string()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn generation_is_deterministic() {
    let opts = catalog::Options {
        matters: 3,
        errors: 2,
        seed: 42,
    };
    let a = catalog::generate(&opts);
    let b = catalog::generate(&opts);
    assert_eq!(a.files, b.files);
    assert_eq!(a.expected_text(), b.expected_text());
}

#[test]
fn big_form_and_many_situations_check_clean() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("common")).expect("mkdir");
    std::fs::write(
        dir.path().join("common/departments.yjs"),
        catalog::departments_text(),
    )
    .expect("write");
    std::fs::write(dir.path().join("big.yjs"), catalog::big_form(2000)).expect("write");
    std::fs::write(dir.path().join("sit.yjs"), catalog::many_situations(20)).expect("write");
    let roots = [dir.path().join("big.yjs"), dir.path().join("sit.yjs")];
    let checked = yjs_compiler::check(&Disk, &roots);
    let rendered =
        yjs_compiler::diagnostics::render_human(&checked.files, &checked.diagnostics, false);
    assert!(checked.diagnostics.is_empty(), "{rendered}");
    assert_eq!(checked.program.matters.len(), 2);

    // The big form (11,000 fields) is checked, lowered and emitted on several threads; what it
    // emits is its parts, in the order a small matter writes them.
    use yjs_compiler::emit;
    let ir = checked.matter("big").expect("the big matter");
    assert!(
        ir.form.fields_before >= 5_000,
        "above par::LARGE_FORM (1,000)"
    );
    let graph = yjs_artifacts::PlanGraph::new(&ir.plan.plan).expect("graph");
    let mut parts = emit::form::emit(&ir.form).expect("form");
    parts.extend(emit::plan::emit(&ir.plan, &graph, &ir.form.situations).expect("plan"));
    parts.extend(emit::bpmn::emit(&ir.plan, &graph));
    parts.extend(emit::guide::guide_files(ir, &graph).expect("documents"));
    let parts: Vec<(String, String)> = parts
        .into_iter()
        .map(|(p, c)| (format!("{}/{p}", emit::names::bounded(ir.id())), c))
        .collect();
    assert_eq!(emit::matter(ir).expect("emit"), parts);
    // Threads do not change a byte.
    let again = yjs_compiler::check(&Disk, &roots);
    assert_eq!(
        yjs_compiler::emit(&checked).expect("emit"),
        yjs_compiler::emit(&again).expect("emit")
    );
}
