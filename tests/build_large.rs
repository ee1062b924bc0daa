//! `yjs build` of a matter large enough to be written from two threads (a forked output writer)
//! writes exactly the files, and the bytes, of the in-memory emit.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../compiler/examples/gen_catalog/catalog.rs"]
#[allow(dead_code)]
mod catalog;
mod support;

use std::collections::BTreeMap;
use yjs_compiler::resolve::{discover, Disk};

#[test]
fn a_large_matter_written_from_two_threads_is_the_in_memory_emit() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("common")).unwrap();
    std::fs::write(
        src.join("common/departments.yjs"),
        catalog::departments_text(),
    )
    .unwrap();
    std::fs::write(src.join("big.yjs"), catalog::big_form(300)).unwrap();

    let roots = discover(std::slice::from_ref(&src)).unwrap();
    let checked = yjs_compiler::check(&Disk, &roots);
    assert!(!checked.has_errors());
    let ir = checked.matter("big").unwrap();
    // From 1,000 fields (`par::DOCUMENTS_APART`) the guide documents and `projections.json`
    // are written by a writer forked for the matter's folder.
    assert!(ir.form.fields_before >= 1_000, "{}", ir.form.fields_before);
    let expected: BTreeMap<String, Vec<u8>> = yjs_compiler::emit(&checked)
        .unwrap()
        .into_iter()
        .map(|(path, text)| (path, text.into_bytes()))
        .collect();

    let out = dir.path().join("out");
    let stderr = support::yjs_build(&src, &out);
    let written = support::read_tree(&out);
    assert_eq!(
        written.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &expected {
        assert!(written[path] == *bytes, "{path} differs");
    }
    // Every file is counted once, the forked writer's too.
    assert!(
        stderr.contains(&format!("wrote {} file(s)", expected.len())),
        "{stderr}"
    );
}
