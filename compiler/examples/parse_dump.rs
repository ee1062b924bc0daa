//! Prints the diagnostics of checking files (development aid).

#![allow(clippy::unwrap_used, clippy::expect_used)]
fn main() {
    let roots: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let c = yjs_compiler::check(&yjs_compiler::resolve::Disk, &roots);
    println!(
        "{} matters, {} diagnostics",
        c.program.matters.len(),
        c.diagnostics.len()
    );
    print!(
        "{}",
        yjs_compiler::diagnostics::render_human(&c.files, &c.diagnostics, false)
    );
}
