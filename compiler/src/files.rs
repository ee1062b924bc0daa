//! Source files and spans: a span names its file, and `Files` feeds codespan-reporting.

use codespan_reporting::files::{self as cs, line_starts};
use std::ops::Range;

/// Identifies one loaded source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub u32);

/// A byte range in one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// The file.
    pub file: FileId,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from byte offsets.
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Span {
            file,
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The byte range.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One loaded file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown to users: the path as given, normalised, never absolute unless given so.
    pub name: String,
    /// The text.
    pub source: String,
    /// The offset of the first byte that was not UTF-8 when read (the text is then lossy).
    pub bad_utf8: Option<usize>,
    line_starts: Vec<usize>,
}

/// Every file of a compilation.
#[derive(Debug, Clone, Default)]
pub struct Files {
    files: Vec<SourceFile>,
}

impl Files {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, name: impl Into<String>, source: impl Into<String>) -> FileId {
        self.add_with_status(name, source, None)
    }

    /// Adds a file read with invalid UTF-8 at `bad_utf8` (its text is the lossy decoding).
    pub fn add_with_status(
        &mut self,
        name: impl Into<String>,
        source: impl Into<String>,
        bad_utf8: Option<usize>,
    ) -> FileId {
        let source = source.into();
        let line_starts = line_starts(&source).collect();
        self.files.push(SourceFile {
            name: name.into(),
            source,
            bad_utf8,
            line_starts,
        });
        FileId(self.files.len() as u32 - 1)
    }

    /// The file behind an id.
    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    /// The file's name, or `?` for an unknown id.
    pub fn name(&self, id: FileId) -> &str {
        self.get(id).map_or("?", |f| f.name.as_str())
    }

    /// The text under a span.
    pub fn text(&self, span: Span) -> &str {
        self.get(span.file)
            .and_then(|f| f.source.get(span.range()))
            .unwrap_or("")
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, id: FileId, offset: usize) -> (usize, usize) {
        let Some(f) = self.get(id) else { return (1, 1) };
        let line = f
            .line_starts
            .binary_search(&offset)
            .unwrap_or_else(|n| n.saturating_sub(1));
        let start = f.line_starts.get(line).copied().unwrap_or(0);
        let col = f
            .source
            .get(start..offset.min(f.source.len()))
            .map_or(0, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// All files, in load order.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }
}

impl<'a> cs::Files<'a> for Files {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, cs::Error> {
        self.get(id)
            .map(|f| f.name.as_str())
            .ok_or(cs::Error::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, cs::Error> {
        self.get(id)
            .map(|f| f.source.as_str())
            .ok_or(cs::Error::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, cs::Error> {
        let f = self.get(id).ok_or(cs::Error::FileMissing)?;
        Ok(f.line_starts
            .binary_search(&byte_index)
            .unwrap_or_else(|n| n.saturating_sub(1)))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, cs::Error> {
        let f = self.get(id).ok_or(cs::Error::FileMissing)?;
        let start = *f
            .line_starts
            .get(line_index)
            .ok_or(cs::Error::LineTooLarge {
                given: line_index,
                max: f.line_starts.len().saturating_sub(1),
            })?;
        let end = f
            .line_starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(f.source.len());
        Ok(start..end)
    }
}
