//! Prints the emitted plan files of a `.yjs` file, for eyeballing `flow.mmd` and `plan.json`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: plan_dump FILE.yjs");
        return;
    };
    let checked = yjs_compiler::check(&yjs_compiler::resolve::Disk, &[PathBuf::from(path)]);
    for d in &checked.diagnostics {
        eprintln!("{} {}", d.code, d.message);
    }
    for ir in &checked.matters {
        let graph = yjs_artifacts::PlanGraph::new(&ir.plan.plan).unwrap();
        for (name, text) in
            yjs_compiler::emit::plan::emit(&ir.plan, &graph, &ir.form.situations).unwrap()
        {
            println!("----- {name}\n{text}");
        }
    }
}
