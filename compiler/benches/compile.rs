//! Criterion benchmarks on generated catalogs: parse, check (every stage) and build (every artifact).
//!
//! `cargo bench -p yjs-compiler --bench compile`; see spec/scale.md for the measured figures.
//! The allocator is the one the `yjs` binary uses, so the figures match the command line.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../examples/gen_catalog/catalog.rs"]
#[allow(dead_code)]
mod catalog;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
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

/// The `.yjs` files under `dsl-examples/`, in sorted order.
fn dsl_examples() -> Memory {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../dsl-examples");
    let mut files = BTreeMap::new();
    let mut todo = vec![root.clone()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "yjs") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    let rel = path.strip_prefix(&root).unwrap_or(&path).to_path_buf();
                    files.insert(rel, text);
                }
            }
        }
    }
    Memory(files)
}

/// Parsing alone, in bytes per second: a 8,000-field matter (1.1 MB in
/// one file) and the hand-written examples.
fn parsing(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let (big, _) = single("big.yjs", catalog::big_form(8_000));
    let examples = dsl_examples();
    for (name, src) in [("big_form_8000", &big), ("dsl_examples", &examples)] {
        let bytes: usize = src.0.values().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::new("bytes", name), src, |b, src| {
            b.iter(|| parse_all(src))
        });
    }
    group.finish();
}

criterion_group!(benches, parsing, catalogs, shapes);
criterion_main!(benches);
