//! Criterion benchmarks on generated catalogs: parse, check (every stage) and build (every artifact).
//!
//! `cargo bench -p yjs-compiler --bench compile`; see spec/scale.md for the measured figures.
//! The allocator is the one the `yjs` binary uses, so the figures match the command line.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../examples/gen_catalog/catalog.rs"]
#[allow(dead_code)]
mod catalog;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;
use yjs_compiler::files::Files;
use yjs_compiler::resolve::Memory;

/// A generated catalog held in memory, with its roots.
fn in_memory(matters: usize) -> (Memory, Vec<PathBuf>) {
    let cat = catalog::generate(&catalog::Options {
        matters,
        errors: 0,
        seed: 1,
    });
    let roots = cat.roots(std::path::Path::new(""));
    (Memory(cat.files.into_iter().collect()), roots)
}

/// One matter file plus the departments it uses.
fn single(name: &str, text: String) -> (Memory, Vec<PathBuf>) {
    let mut files = BTreeMap::new();
    files.insert(
        PathBuf::from("common/departments.yjs"),
        catalog::departments_text(),
    );
    files.insert(PathBuf::from(name), text);
    (Memory(files), vec![PathBuf::from(name)])
}

fn parse_all(src: &Memory) -> usize {
    let mut files = Files::new();
    let mut n = 0;
    for (path, text) in &src.0 {
        let id = files.add(path.display().to_string(), text.clone());
        let (ast, diags) = yjs_compiler::syntax::parse(id, text);
        n += diags.len();
        black_box(ast);
    }
    n
}

fn catalogs(c: &mut Criterion) {
    let mut group = c.benchmark_group("catalog");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for matters in [1, 100, 1000] {
        let (src, roots) = in_memory(matters);
        group.bench_with_input(BenchmarkId::new("parse", matters), &src, |b, src| {
            b.iter(|| parse_all(src))
        });
        group.bench_with_input(BenchmarkId::new("check", matters), &src, |b, src| {
            b.iter(|| yjs_compiler::check(src, &roots).diagnostics.len())
        });
        // Every artifact of every matter: forms, plans, guides, notices, review rules.
        group.bench_with_input(BenchmarkId::new("build", matters), &src, |b, src| {
            b.iter(|| {
                let checked = yjs_compiler::check(src, &roots);
                yjs_compiler::emit(&checked).map(|a| a.len()).unwrap_or(0)
            })
        });
    }
    group.finish();
}

fn shapes(c: &mut Criterion) {
    let mut group = c.benchmark_group("shape");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let (src, roots) = single("big.yjs", catalog::big_form(2000));
    group.bench_function("check_2000_fields", |b| {
        b.iter(|| yjs_compiler::check(&src, &roots).diagnostics.len())
    });
    let (src, roots) = single("sit.yjs", catalog::many_situations(20));
    group.bench_function("check_20_situations", |b| {
        b.iter(|| yjs_compiler::check(&src, &roots).diagnostics.len())
    });
    group.finish();
}

criterion_group!(benches, catalogs, shapes);
criterion_main!(benches);
