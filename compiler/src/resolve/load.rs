//! Loads source files and the files they `use`, detecting missing files and `use` cycles.

use super::diagnostics as d;
use crate::diagnostics::Diagnostic;
use crate::files::{FileId, Files, Span};
use crate::syntax::{self, ast};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// A file's text, read from disk or given in memory (tests, `yjs explain` examples).
pub trait Source {
    /// Reads a file; `Err` carries the reason in words.
    fn read(&self, path: &Path) -> Result<Vec<u8>, String>;
    /// A key that is equal for two paths naming the same file.
    fn key(&self, path: &Path) -> PathBuf;
}

/// The file system.
pub struct Disk;

impl Source for Disk {
    fn read(&self, path: &Path) -> Result<Vec<u8>, String> {
        let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
        if meta.is_dir() {
            return Err("it is a directory".into());
        }
        if meta.len() > (syntax::MAX_FILE_BYTES as u64) * 2 {
            // Too large to be worth reading; the parser reports the size.
            return Ok(vec![b' '; syntax::MAX_FILE_BYTES + 1]);
        }
        std::fs::read(path).map_err(|e| e.to_string())
    }

    fn key(&self, path: &Path) -> PathBuf {
        std::fs::canonicalize(path).unwrap_or_else(|_| normalize(path))
    }
}

/// Files held in memory, by normalised path.
#[derive(Default)]
pub struct Memory(pub BTreeMap<PathBuf, String>);

impl Source for Memory {
    fn read(&self, path: &Path) -> Result<Vec<u8>, String> {
        self.0
            .get(&normalize(path))
            .map(|s| s.as_bytes().to_vec())
            .ok_or_else(|| "no such file".to_string())
    }

    fn key(&self, path: &Path) -> PathBuf {
        normalize(path)
    }
}

/// Removes `.` and resolves `..` lexically, so names stay relative and stable.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The parsed files, with which files each one can see through `use`.
pub struct Loaded {
    pub files: Files,
    pub asts: Vec<ast::SourceFile>,
    /// For each file (by `FileId`), the files whose names it sees: itself and its transitive uses.
    pub visible: Vec<Vec<FileId>>,
}

struct Loader<'a> {
    source: &'a dyn Source,
    files: Files,
    asts: Vec<ast::SourceFile>,
    by_key: BTreeMap<PathBuf, FileId>,
    uses: Vec<Vec<FileId>>,
    diags: Vec<Diagnostic>,
}

/// Loads the roots and everything they use.
pub fn load(source: &dyn Source, roots: &[PathBuf]) -> (Loaded, Vec<Diagnostic>) {
    let mut l = Loader {
        source,
        files: Files::new(),
        asts: Vec::new(),
        by_key: BTreeMap::new(),
        uses: Vec::new(),
        diags: Vec::new(),
    };
    for root in roots {
        let mut stack = Vec::new();
        l.file(root, None, &mut stack);
    }
    let visible = (0..l.asts.len())
        .map(|i| l.closure(FileId(i as u32)))
        .collect();
    (
        Loaded {
            files: l.files,
            asts: l.asts,
            visible,
        },
        l.diags,
    )
}

impl Loader<'_> {
    /// Loads one file, returning its id; `stack` holds the `use` chain that led here.
    fn file(
        &mut self,
        path: &Path,
        used_at: Option<Span>,
        stack: &mut Vec<(FileId, Span)>,
    ) -> Option<FileId> {
        let path = normalize(path);
        let key = self.source.key(&path);
        if let Some(&id) = self.by_key.get(&key) {
            if let Some(pos) = stack.iter().position(|(f, _)| *f == id) {
                if let Some(at) = used_at {
                    let chain: Vec<(String, Span)> = stack[pos..]
                        .iter()
                        .map(|(f, s)| (self.files.name(*f).to_string(), *s))
                        .collect();
                    self.diags
                        .push(d::use_cycle(at, self.files.name(id), &chain));
                }
                return None;
            }
            return Some(id);
        }
        let bytes = match self.source.read(&path) {
            Ok(b) => b,
            Err(why) => {
                self.diags.push(match used_at {
                    Some(at) => d::use_missing(at, &path.display().to_string(), &why),
                    None => d::root_missing(&path.display().to_string(), &why),
                });
                return None;
            }
        };
        let name = path.display().to_string();
        let (text, bad_utf8) = match String::from_utf8(bytes) {
            Ok(s) => (s, None),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
            }
        };
        let id = self.files.add(name, text);
        self.by_key.insert(key, id);
        self.uses.push(Vec::new());
        let src = self
            .files
            .get(id)
            .map(|f| f.source.clone())
            .unwrap_or_default();
        let (ast, diags) = if let Some(at) = bad_utf8 {
            (
                ast::SourceFile {
                    file: id,
                    ..Default::default()
                },
                vec![d::bad_utf8(Span::new(id, at, at + 1))],
            )
        } else {
            syntax::parse(id, &src)
        };
        self.diags.extend(diags);
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let uses: Vec<ast::Use> = ast.uses.clone();
        self.asts.push(ast);
        for u in uses {
            stack.push((id, u.span));
            let target = dir.join(&u.path.value);
            if let Some(used) = self.file(&target, Some(u.span), stack) {
                self.uses[id.0 as usize].push(used);
            }
            stack.pop();
        }
        Some(id)
    }

    fn closure(&self, start: FileId) -> Vec<FileId> {
        let mut seen = vec![start];
        let mut todo = vec![start];
        while let Some(f) = todo.pop() {
            for &u in self.uses.get(f.0 as usize).into_iter().flatten() {
                if !seen.contains(&u) {
                    seen.push(u);
                    todo.push(u);
                }
            }
        }
        seen.sort();
        seen
    }
}

/// The `.yjs` files named by command-line paths: files as given, directories searched
/// recursively, in sorted order so output never depends on the file system's order.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        let meta =
            std::fs::metadata(p).map_err(|e| format!("cannot read `{}`: {e}", p.display()))?;
        if meta.is_dir() {
            walk(p, &mut out).map_err(|e| format!("cannot read `{}`: {e}", p.display()))?;
        } else {
            out.push(normalize(p));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            walk(&e, out)?;
        } else if e.extension().is_some_and(|x| x == "yjs") {
            out.push(normalize(&e));
        }
    }
    Ok(())
}
