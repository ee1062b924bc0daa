//! Criterion benchmark of the language server's answer to a change: a 300-line matter is
//! re-checked and its LSP diagnostics computed, as `textDocument/didChange` does.
//!
//! `cargo bench -p yjs-lsp --bench diagnostics`; the figure is recorded in spec/tools.md and
//! spec/scale.md (target: within 20 ms). The allocator is the one the `yjs` binary uses.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use yjs_lsp::world::World;

/// The sample with its items repeated three more times under new ids: 383 lines (the same text
/// as tests/lsp.rs uses).
fn big_matter(root: &Path) -> String {
    let text = std::fs::read_to_string(root.join("dsl-examples/newborn.yjs")).unwrap();
    let items_start = text.find("  item vaccine").unwrap();
    let items_end = text.find("  // 一次联办").unwrap();
    let items = &text[items_start..items_end];
    let mut out = text[..items_end].to_string();
    for k in 0..3 {
        out.push_str(
            &items
                .replace("item vaccine", &format!("item vaccine{k}"))
                .replace("item hukou", &format!("item hukou{k}"))
                .replace("item insurance", &format!("item insurance{k}"))
                .replace("item sscard", &format!("item sscard{k}")),
        );
    }
    out.push_str(&text[items_end..]);
    out
}

fn diagnostics_after_a_change(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("common")).unwrap();
    std::fs::copy(
        root.join("dsl-examples/common/departments.yjs"),
        dir.path().join("common/departments.yjs"),
    )
    .unwrap();
    let path = dir.path().join("newborn.yjs");
    let text = big_matter(&root);
    assert!(text.lines().count() >= 300, "{}", text.lines().count());
    // An analyst types: a promise changes (E0305-free both ways) and changes back.
    let changed = text.replace("promise  7", "promise  8");
    assert_ne!(changed, text, "the sample still has `promise  7`");

    let mut world = World::default();
    world.docs.insert(path.clone(), text.clone());
    // The copies are not in the flow, so there is plenty to report (E0303, W04xx): the timed
    // work includes rendering real diagnostics, as an analyst's unfinished file does.
    let first = yjs_lsp::diagnostics(&world.analyse(&path));
    assert!(first.len() > 10, "{}", first.len());

    let mut group = c.benchmark_group("lsp");
    group.sample_size(50);
    let mut flip = false;
    group.bench_function("diagnostics after a change, 300-line matter", |b| {
        b.iter(|| {
            flip = !flip;
            let t = if flip { &changed } else { &text };
            world.docs.insert(path.clone(), t.clone());
            let a = world.analyse(&path);
            black_box(yjs_lsp::diagnostics(&a))
        })
    });
    group.finish();
}

criterion_group!(benches, diagnostics_after_a_change);
criterion_main!(benches);
