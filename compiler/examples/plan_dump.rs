//! Prints the emitted plan files of a `.yjs` file, for eyeballing `flow.mmd` and `plan.json`.

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
        let files = yjs_artifacts::PlanGraph::new(&ir.plan.plan)
            .map_err(|e| e.to_string())
            .and_then(|graph| {
                yjs_compiler::emit::plan::emit(&ir.plan, &graph, &ir.form.situations)
                    .map_err(|e| e.to_string())
            });
        match files {
            Ok(files) => {
                for (name, text) in files {
                    println!("----- {name}\n{text}");
                }
            }
            Err(e) => {
                eprintln!("plan_dump: cannot emit the plan: {e}");
                std::process::exit(1);
            }
        }
    }
}
