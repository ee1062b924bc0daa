//! Byte offsets ↔ LSP positions: lines, and columns in UTF-16 code units, as LSP counts them.
//!
//! The server keeps byte offsets everywhere inside and converts only at the boundary.

use lsp_types::{Position, Range};

/// The line starts of one text.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    /// Indexes a text.
    pub fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// The position of a byte offset (clamped to the text, and back to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|s| *s <= offset) - 1;
        let col: usize = self.text[self.starts[line]..offset]
            .chars()
            .map(char::len_utf16)
            .sum();
        Position::new(line as u32, col as u32)
    }

    /// The range of a byte range.
    pub fn range(&self, range: std::ops::Range<usize>) -> Range {
        Range::new(self.position(range.start), self.position(range.end))
    }

    /// The byte offset of a position; a position past a line's end is that line's end.
    pub fn offset(&self, pos: Position) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(pos.line as usize + 1)
            .map_or(self.text.len(), |e| e - 1);
        let mut units = 0;
        for (i, c) in self.text[start..end].char_indices() {
            if units >= pos.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        // `承诺` is two UTF-16 units and six bytes; `𠀋` (outside the BMP) is two units.
        let text = "一件事 m \"x\" {\n  承诺 𠀋x\n}";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap_or(0);
        assert_eq!(idx.position(x), Position::new(0, 7));
        let last_x = text.rfind('x').unwrap_or(0);
        assert_eq!(idx.position(last_x), Position::new(1, 7));
        assert_eq!(idx.offset(Position::new(1, 7)), last_x);
        assert_eq!(
            idx.offset(Position::new(1, 99)),
            text.rfind('\n').unwrap_or(0)
        );
        assert_eq!(idx.offset(Position::new(9, 0)), text.len());
    }
}
