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
    /// The path names something that is neither a file nor a directory: a FIFO, a device, a
    /// socket. Reading one could block forever (a FIFO) or never end (`/dev/zero`).
    NotRegular(&'static str),
    /// The file holds more than this many bytes; reading stopped there.
    TooLarge(usize),
    /// An in-memory source has no file at the path.
    Missing,
    /// The file system refused.
    Io(std::io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Directory => f.write_str("it is a directory"),
            ReadError::NotRegular(what) => write!(f, "it is {what}, not a regular file"),
            ReadError::TooLarge(max) => write!(f, "it is larger than {max} bytes"),
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
    /// Reads a regular file of at most `MAX_FILE_BYTES`, the path resolved by the operating
    /// system (a `..` after a symbolic link is the parent of the link's target).
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        read_regular(path, syntax::MAX_FILE_BYTES)
    }

    fn key(&self, path: &Path) -> PathBuf {
        std::fs::canonicalize(path).unwrap_or_else(|_| normalize(path))
    }
}

/// Reads a regular file, refusing anything else before opening it, and refusing it when it
/// holds more than `max` bytes: reading stops there, whatever its metadata says.
pub fn read_regular(path: &Path, max: usize) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let kind = |meta: &std::fs::Metadata| {
        if meta.is_dir() {
            Err(ReadError::Directory)
        } else if meta.is_file() {
            Ok(())
        } else {
            Err(ReadError::NotRegular(special_kind(meta)))
        }
    };
    kind(&std::fs::metadata(path).map_err(ReadError::Io)?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should the file be swapped for a FIFO after the check above, opening it must not
        // wait for a writer; the type is checked again on the open file.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    kind(&meta)?;
    // Sized from the metadata (`take` hides it from `read_to_end`, which would otherwise grow
    // the buffer by doubling, copying a large source several times); capped by `max`, since
    // the metadata is only a hint.
    let hint = usize::try_from(meta.len()).unwrap_or(max).min(max);
    let mut bytes = Vec::with_capacity(hint + 1);
    file.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > max {
        return Err(ReadError::TooLarge(max));
    }
    Ok(bytes)
}

/// What a file that is neither regular nor a directory is, in words.
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "a special file"
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

/// Removes `.` and resolves `..` lexically, so names stay relative and stable: `a/../b` is
/// `b`, but a `..` never cancels another `..` (`../../b` stays as written), and a `..` at the
/// root stays at the root.
///
/// Lexical resolution is what the operating system does only when no directory on the way is
/// a symbolic link; `Loader` reads the path as written and uses the normalised one as the
/// file's name only when both name the same file.
pub fn normalize(path: &Path) -> PathBuf {
    let mut parts: Vec<Component<'_>> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match parts.last() {
                Some(Component::Normal(_)) => {
                    parts.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                Some(Component::ParentDir | Component::CurDir) | None => parts.push(c),
            },
            other => parts.push(other),
        }
    }
    parts.iter().map(|c| c.as_os_str()).collect()
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
        l.expand(id);
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
    ///
    /// The path is read as written, so the operating system resolves each `..` against the
    /// real directory (after a symbolic link, the parent of its target); the file is named by
    /// the normalised path only when that names the same file.
    fn read(&mut self, path: &Path, used_at: Option<Span>) -> Option<Result<Read, FileId>> {
        let key = self.source.key(path);
        if let Some(&id) = self.by_key.get(&key) {
            return Some(Err(id));
        }
        let normal = normalize(path);
        let name = if normal == path || self.source.key(&normal) == key {
            normal.display().to_string()
        } else {
            path.display().to_string()
        };
        let bytes = match self.source.read(path) {
            Ok(b) => b,
            Err(ReadError::TooLarge(max)) => {
                self.diags.push(d::too_large(used_at, &name, max));
                return None;
            }
            Err(why) => {
                let special = matches!(why, ReadError::NotRegular(_));
                let why = why.to_string();
                let diag = match used_at {
                    Some(at) => d::use_missing(at, &name, &why),
                    None => d::root_missing(&name, &why),
                };
                self.diags.push(if special {
                    diag.with_help("name the `.yjs` file itself: only regular files are read")
                } else {
                    diag
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
            name,
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

    /// Follows the `use` lines of `root` and of the files they load, depth first with an
    /// explicit stack (a chain of 100,000 files never recurses); a file met again on the
    /// chain that led to it closes a cycle.
    fn expand(&mut self, root: FileId) {
        if !self.start(root) {
            return;
        }
        // The chain being followed: each file with the index of its next `use`, and for each
        // but the last the span of the `use` that led to the next.
        let mut frames: Vec<(FileId, usize)> = vec![(root, 0)];
        let mut via: Vec<Span> = Vec::new();
        let mut on_chain = vec![false; self.asts.len()];
        mark(&mut on_chain, root, true);
        while let Some(&(id, next)) = frames.last() {
            let i = id.0 as usize;
            let Some(u) = self.asts.get(i).and_then(|a| a.uses.get(next)).cloned() else {
                mark(&mut on_chain, id, false);
                frames.pop();
                via.pop();
                continue;
            };
            if let Some(frame) = frames.last_mut() {
                frame.1 += 1;
            }
            let dir = self.dirs.get(i).cloned().unwrap_or_default();
            let used = match self.read(&dir.join(&u.path.value), Some(u.span)) {
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
            if on_chain.get(used.0 as usize).copied().unwrap_or(false) {
                let start = frames.iter().position(|(f, _)| *f == used).unwrap_or(0);
                let mut chain: Vec<(String, Span)> = frames[start..]
                    .iter()
                    .zip(&via[start..])
                    .map(|((f, _), s)| (self.files.name(*f).to_string(), *s))
                    .collect();
                chain.push((self.files.name(id).to_string(), u.span));
                self.diags
                    .push(d::use_cycle(u.span, self.files.name(used), &chain));
                continue;
            }
            self.uses[i].push(used);
            if self.start(used) {
                mark(&mut on_chain, used, true);
                frames.push((used, 0));
                via.push(u.span);
            }
        }
    }

    /// Marks a file's `use` lines as followed; false when they were already.
    fn start(&mut self, id: FileId) -> bool {
        match self.expanded.get_mut(id.0 as usize) {
            Some(done) if !*done => {
                *done = true;
                true
            }
            _ => false,
        }
    }

    /// The files `start` sees: itself and everything it uses, directly or not, in id order.
    fn closure(&self, start: FileId) -> Vec<FileId> {
        let mut seen = vec![false; self.uses.len()];
        mark(&mut seen, start, true);
        let mut todo = vec![start];
        while let Some(f) = todo.pop() {
            for &u in self.uses.get(f.0 as usize).into_iter().flatten() {
                if !seen.get(u.0 as usize).copied().unwrap_or(true) {
                    mark(&mut seen, u, true);
                    todo.push(u);
                }
            }
        }
        (0..seen.len())
            .filter(|&i| seen[i])
            .map(|i| FileId(i as u32))
            .collect()
    }
}

/// Sets a file's flag, growing the flags for files loaded after they were made.
fn mark(flags: &mut Vec<bool>, id: FileId, value: bool) {
    let i = id.0 as usize;
    if flags.len() <= i {
        flags.resize(i + 1, false);
    }
    flags[i] = value;
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
    discover_all(paths).map(|d| d.roots)
}

/// What a search of command-line paths found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// The files to load, in order.
    pub roots: Vec<PathBuf>,
    /// What the search skipped (W0110): symbolic link loops, special files named `*.yjs`.
    pub diagnostics: Vec<Diagnostic>,
}

/// `discover`, with what the search skipped. A file named on the command line is kept as
/// given (the loader refuses it if it is not a regular file); in a directory, only regular
/// files are taken, and each directory is searched once, however many links lead to it, so
/// a symbolic link loop is one warning rather than the same files again and again.
pub fn discover_all(paths: &[PathBuf]) -> Result<Discovered, DiscoverError> {
    let mut found = Discovered::default();
    let mut searched = BTreeMap::new();
    for p in paths {
        let failed = |source| DiscoverError {
            path: p.clone(),
            source,
        };
        let meta = std::fs::metadata(p).map_err(failed)?;
        if meta.is_dir() {
            walk(p, &mut searched, &mut found).map_err(failed)?;
        } else {
            found.roots.push(p.clone());
        }
    }
    Ok(found)
}

/// Searches `top` depth first in sorted order, with an explicit stack. `searched` maps each
/// directory searched (by its canonical path) to the path it was searched under.
fn walk(
    top: &Path,
    searched: &mut BTreeMap<PathBuf, PathBuf>,
    found: &mut Discovered,
) -> std::io::Result<()> {
    let Some(entries) = enter(top, None, searched, found)? else {
        return Ok(());
    };
    // Each directory being searched, with its entries still to look at, and its canonical path.
    let mut stack = vec![(entries.into_iter(), std::fs::canonicalize(top)?)];
    while let Some((entries, _)) = stack.last_mut() {
        let Some(e) = entries.next() else {
            stack.pop();
            continue;
        };
        let is_yjs = e.extension().is_some_and(|x| x == "yjs");
        match std::fs::metadata(&e) {
            Ok(meta) if meta.is_dir() => {
                let ancestors: Vec<&PathBuf> = stack.iter().map(|(_, c)| c).collect();
                if let Some(entries) = enter(&e, Some(&ancestors), searched, found)? {
                    let canonical = std::fs::canonicalize(&e)?;
                    stack.push((entries.into_iter(), canonical));
                }
            }
            Ok(meta) if meta.is_file() => {
                if is_yjs {
                    found.roots.push(normalize(&e));
                }
            }
            Ok(meta) => {
                if is_yjs {
                    found.diagnostics.push(d::walk_special(
                        &e.display().to_string(),
                        special_kind(&meta),
                    ));
                }
            }
            // A broken link named `*.yjs` is kept, so the loader says why it cannot be read.
            Err(_) => {
                if is_yjs {
                    found.roots.push(normalize(&e));
                }
            }
        }
    }
    Ok(())
}

/// The sorted entries of a directory not searched yet; `None` when it was (a symbolic link
/// back to one of `ancestors` is a loop, reported once; another link to a directory
/// searched already is skipped quietly, its files being found already).
fn enter(
    dir: &Path,
    ancestors: Option<&[&PathBuf]>,
    searched: &mut BTreeMap<PathBuf, PathBuf>,
    found: &mut Discovered,
) -> std::io::Result<Option<Vec<PathBuf>>> {
    let canonical = std::fs::canonicalize(dir)?;
    if let Some(first) = searched.get(&canonical) {
        if ancestors.is_some_and(|a| a.contains(&&canonical)) {
            found.diagnostics.push(d::walk_loop(
                &dir.display().to_string(),
                &first.display().to_string(),
            ));
        }
        return Ok(None);
    }
    searched.insert(canonical, dir.to_path_buf());
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    Ok(Some(entries))
}
