//! The open documents and what the compiler says about them.
//!
//! Each open document is checked as a root through a `Source` that reads open buffers before
//! the disk, so unsaved text (and the unsaved text of the files it `use`s) is what the
//! analyst sees diagnostics for. A document's analysis (the compiler's `Checked`, with every
//! file it loaded) is recomputed on each change: a `.yjs` file is small enough to check whole.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use yjs_compiler::files::FileId;
use yjs_compiler::resolve::{Disk, ReadError, Source};
use yjs_compiler::syntax::SyntaxTree;
use yjs_compiler::Checked;

/// Open buffers over the disk.
pub struct Overlay<'a> {
    docs: &'a BTreeMap<PathBuf, String>,
}

impl Source for Overlay<'_> {
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        let key = self.key(path);
        match self.docs.get(path).or_else(|| {
            self.docs
                .iter()
                .find(|(p, _)| Disk.key(p) == key)
                .map(|(_, t)| t)
        }) {
            Some(text) => Ok(text.as_bytes().to_vec()),
            None => Disk.read(path),
        }
    }

    fn key(&self, path: &Path) -> PathBuf {
        Disk.key(path)
    }
}

/// One document's analysis.
pub struct Analysis {
    /// What the compiler made of the document and the files it uses.
    pub checked: Checked,
    /// The document's own file.
    pub file: FileId,
}

impl Analysis {
    /// The text of a file of the analysis.
    pub fn text(&self, file: FileId) -> &str {
        self.checked
            .files
            .get(file)
            .map_or("", |f| f.source.as_str())
    }

    /// The document's text.
    pub fn own_text(&self) -> &str {
        self.text(self.file)
    }

    /// The syntax tree of a file of the analysis.
    pub fn tree(&self, file: FileId) -> SyntaxTree {
        yjs_compiler::syntax::parse_file(file, self.text(file)).tree
    }

    /// Every file of the analysis with its path.
    pub fn files(&self) -> impl Iterator<Item = (FileId, PathBuf)> + '_ {
        self.checked
            .files
            .iter()
            .map(|(id, f)| (id, PathBuf::from(&f.name)))
    }
}

/// The open documents.
#[derive(Default)]
pub struct World {
    /// Open documents by path, with their current text.
    pub docs: BTreeMap<PathBuf, String>,
}

impl World {
    /// Checks one open document (as a root) against the open buffers and the disk.
    pub fn analyse(&self, path: &Path) -> Analysis {
        let checked = yjs_compiler::check(&Overlay { docs: &self.docs }, &[path.to_path_buf()]);
        let name = path.display().to_string();
        let file = checked
            .files
            .iter()
            .find(|(_, f)| f.name == name)
            .map_or(FileId(0), |(id, _)| id);
        Analysis { checked, file }
    }
}
