//! Loads source files and the files they `use`, detecting missing files and `use` cycles.

use super::diagnostics as d;
use crate::diagnostics::Diagnostic;
use crate::files::{FileId, Files, Span};
use crate::syntax::{self, ast};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Component, Path, PathBuf};

/// Why a source file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The path names a directory.
    Directory,
    /// An in-memory source has no file at the path.
    Missing,
    /// The file system refused.
    Io(std::io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Directory => f.write_str("it is a directory"),
            ReadError::Missing => f.write_str("no such file"),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// A file's text, read from disk or given in memory (tests, `yjs explain` examples).
pub trait Source {
    /// Reads a file.
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError>;
    /// A key that is equal for two paths naming the same file.
    fn key(&self, path: &Path) -> PathBuf;
}

/// The file system.
pub struct Disk;

impl Source for Disk {
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
        if meta.is_dir() {
            return Err(ReadError::Directory);
        }
        if meta.len() > (syntax::MAX_FILE_BYTES as u64) * 2 {
            // Too large to be worth reading; the parser reports the size.
            return Ok(vec![b' '; syntax::MAX_FILE_BYTES + 1]);
        }
        std::fs::read(path).map_err(ReadError::Io)
    }

    fn key(&self, path: &Path) -> PathBuf {
        std::fs::canonicalize(path).unwrap_or_else(|_| normalize(path))
    }
}

/// Files held in memory, by normalised path.
#[derive(Default)]
pub struct Memory(pub BTreeMap<PathBuf, String>);

impl Source for Memory {
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        self.0
            .get(&normalize(path))
            .map(|s| s.as_bytes().to_vec())
            .ok_or(ReadError::Missing)
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
    /// The directory of each file, for its `use` paths.
    dirs: Vec<PathBuf>,
    uses: Vec<Vec<FileId>>,
    /// Whether a file's `use` lines were followed already.
    expanded: Vec<bool>,
    diags: Vec<Diagnostic>,
}

/// A file read from its source, before parsing.
struct Read {
    name: String,
    key: PathBuf,
    dir: PathBuf,
    text: String,
    /// The offset of the first byte that is not UTF-8, if any.
    bad_utf8: Option<usize>,
}

/// Loads the roots and everything they use.
///
/// The roots are read first and parsed in parallel (they are most of the work in a
/// catalogue); the files they `use` are then loaded depth-first, which also finds cycles.
pub fn load(source: &dyn Source, roots: &[PathBuf]) -> (Loaded, Vec<Diagnostic>) {
    let mut l = Loader {
        source,
        files: Files::new(),
        asts: Vec::new(),
        by_key: BTreeMap::new(),
        dirs: Vec::new(),
        uses: Vec::new(),
        expanded: Vec::new(),
        diags: Vec::new(),
    };
    let mut root_ids = Vec::new();
    let mut fresh = Vec::new();
    for root in roots {
        match l.read(root, None) {
            Some(Ok(read)) => {
                let id = l.add(read);
                fresh.push(id);
                root_ids.push(id);
            }
            Some(Err(id)) => root_ids.push(id),
            None => {}
        }
    }
    let parsed = crate::par::map(&fresh, |id| {
        let bad = l.files.get(*id).and_then(|f| f.bad_utf8);
        parse_file(&l.files, *id, bad)
    });
    for (ast, diags) in parsed {
        l.asts.push(ast);
        l.diags.extend(diags);
    }
    for id in root_ids {
        let mut stack = Vec::new();
        l.expand(id, &mut stack);
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

/// Parses one loaded file, or reports that it is not UTF-8.
fn parse_file(
    files: &Files,
    id: FileId,
    bad_utf8: Option<usize>,
) -> (ast::SourceFile, Vec<Diagnostic>) {
    if let Some(at) = bad_utf8 {
        return (
            ast::SourceFile {
                file: id,
                ..Default::default()
            },
            vec![d::bad_utf8(Span::new(id, at, at + 1))],
        );
    }
    let src = files.get(id).map_or("", |f| f.source.as_str());
    syntax::parse(id, src)
}

impl Loader<'_> {
    /// Reads a file not loaded yet: `Some(Ok)` with its text, `Some(Err(id))` when it is
    /// loaded already, `None` when it cannot be read (reported).
    fn read(&mut self, path: &Path, used_at: Option<Span>) -> Option<Result<Read, FileId>> {
        let path = normalize(path);
        let key = self.source.key(&path);
        if let Some(&id) = self.by_key.get(&key) {
            return Some(Err(id));
        }
        let bytes = match self.source.read(&path) {
            Ok(b) => b,
            Err(why) => {
                let why = why.to_string();
                self.diags.push(match used_at {
                    Some(at) => d::use_missing(at, &path.display().to_string(), &why),
                    None => d::root_missing(&path.display().to_string(), &why),
                });
                return None;
            }
        };
        let (text, bad_utf8) = match String::from_utf8(bytes) {
            Ok(s) => (s, None),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
            }
        };
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Some(Ok(Read {
            name: path.display().to_string(),
            key,
            dir,
            text,
            bad_utf8,
        }))
    }

    /// Registers a read file and returns its id; its AST is pushed by the caller.
    fn add(&mut self, read: Read) -> FileId {
        let id = self
            .files
            .add_with_status(read.name, read.text, read.bad_utf8);
        self.by_key.insert(read.key, id);
        self.dirs.push(read.dir);
        self.uses.push(Vec::new());
        self.expanded.push(false);
        id
    }

    /// Follows the `use` lines of a file, loading what they name; `stack` holds the `use`
    /// chain that led here, so a file met again on it closes a cycle.
    fn expand(&mut self, id: FileId, stack: &mut Vec<(FileId, Span)>) {
        let i = id.0 as usize;
        if self.expanded.get(i).copied().unwrap_or(true) {
            return;
        }
        if let Some(e) = self.expanded.get_mut(i) {
            *e = true;
        }
        let uses: Vec<ast::Use> = self.asts.get(i).map(|a| a.uses.clone()).unwrap_or_default();
        let dir = self.dirs.get(i).cloned().unwrap_or_default();
        for u in uses {
            let target = dir.join(&u.path.value);
            let used = match self.read(&target, Some(u.span)) {
                None => continue,
                Some(Err(existing)) => existing,
                Some(Ok(read)) => {
                    let new = self.add(read);
                    let bad = self.files.get(new).and_then(|f| f.bad_utf8);
                    let (ast, diags) = parse_file(&self.files, new, bad);
                    self.asts.push(ast);
                    self.diags.extend(diags);
                    new
                }
            };
            if used == id || stack.iter().any(|(f, _)| *f == used) {
                let mut chain: Vec<(String, Span)> = stack
                    .iter()
                    .skip_while(|(f, _)| *f != used)
                    .map(|(f, s)| (self.files.name(*f).to_string(), *s))
                    .collect();
                chain.push((self.files.name(id).to_string(), u.span));
                self.diags
                    .push(d::use_cycle(u.span, self.files.name(used), &chain));
                continue;
            }
            self.uses[i].push(used);
            stack.push((id, u.span));
            self.expand(used, stack);
            stack.pop();
        }
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

/// A command-line path that could not be searched for `.yjs` files.
#[derive(Debug)]
pub struct DiscoverError {
    /// The path as given.
    pub path: PathBuf,
    /// What the file system said.
    pub source: std::io::Error,
}

impl fmt::Display for DiscoverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read `{}`: {}", self.path.display(), self.source)
    }
}

impl std::error::Error for DiscoverError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// The `.yjs` files named by command-line paths: files as given, directories searched
/// recursively, in sorted order so output never depends on the file system's order.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, DiscoverError> {
    let mut out = Vec::new();
    for p in paths {
        let failed = |source| DiscoverError {
            path: p.clone(),
            source,
        };
        let meta = std::fs::metadata(p).map_err(failed)?;
        if meta.is_dir() {
            walk(p, &mut out).map_err(failed)?;
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
