//! Dumps the parse diagnostics of files (development aid).
fn main() {
    for path in std::env::args().skip(1) {
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        let mut files = yjs_compiler::files::Files::new();
        let id = files.add(path.clone(), src.clone());
        let (ast, diags) = yjs_compiler::syntax::parse(id, &src);
        println!(
            "{path}: {} matters, {} departments, {} diags",
            ast.matters.len(),
            ast.departments.len(),
            diags.len()
        );
        print!(
            "{}",
            yjs_compiler::diagnostics::render_human(&files, &diags, false)
        );
    }
}
