//! Two-space pretty JSON, byte for byte serde_json's `PrettyFormatter`, with each line break
//! and its indentation written as one slice instead of one write per level.
//!
//! serde_json's formatter writes `"  "` once per level before every key and array element: on a
//! 20,000-field form that loop was about 15 % of `yjs build`. Every generated JSON file goes
//! through [`Indent`] (`emit::sink::Out::json`, `emit::error::pretty`).

use serde_json::ser::Formatter;
use std::io::{self, Write};

/// `",\n"` and enough spaces for [`STATIC_DEPTH`] levels: a line break (with or without the
/// comma before it) and its indentation is one slice of it.
const BREAKS: &[u8; 2 + 2 * STATIC_DEPTH] = &{
    let mut b = [b' '; 2 + 2 * STATIC_DEPTH];
    b[0] = b',';
    b[1] = b'\n';
    b
};

/// The depth up to which a break is one slice of [`BREAKS`]; deeper ones are written in parts.
const STATIC_DEPTH: usize = 63;

/// The formatter of every generated JSON file: two spaces per level, `": "` after a key.
#[derive(Debug, Default, Clone)]
pub struct Indent {
    depth: usize,
    has_value: bool,
}

impl Indent {
    /// A line break, after a comma when `comma`, indented to the current depth.
    #[inline]
    fn line<W: ?Sized + Write>(&self, w: &mut W, comma: bool) -> io::Result<()> {
        let start = usize::from(!comma);
        if self.depth <= STATIC_DEPTH {
            w.write_all(&BREAKS[start..2 + 2 * self.depth])
        } else {
            self.deep_line(w, start)
        }
    }

    #[cold]
    fn deep_line<W: ?Sized + Write>(&self, w: &mut W, start: usize) -> io::Result<()> {
        w.write_all(&BREAKS[start..2])?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl Formatter for Indent {
    #[inline]
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    #[inline]
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(w, false)?;
        }
        w.write_all(b"]")
    }

    #[inline]
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, !first)
    }

    #[inline]
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    #[inline]
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    #[inline]
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(w, false)?;
        }
        w.write_all(b"}")
    }

    #[inline]
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, !first)
    }

    #[inline]
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    #[inline]
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Serializes `value` into `w` as two-space pretty JSON (no trailing newline).
pub fn to_writer<W: Write, T: serde::Serialize + ?Sized>(
    w: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, Indent::default());
    value.serialize(&mut ser)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ours(v: &serde_json::Value) -> String {
        let mut out = Vec::new();
        to_writer(&mut out, v).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// An array nested `depth` times around an object with a key.
    fn nested(depth: usize) -> serde_json::Value {
        (0..depth).fold(json!({"k": [1, {}, []]}), |v, _| json!([v, "x"]))
    }

    #[test]
    fn the_bytes_are_serde_jsons_pretty_ones() {
        let values = [
            json!(null),
            json!([]),
            json!({}),
            json!([[], {}, [[]], {"a": {}}]),
            json!({"a": 1, "b": [1, 2, {"c": "字段\n\"引号\""}], "d": {"e": {"f": []}}}),
            nested(STATIC_DEPTH - 2),
            nested(STATIC_DEPTH),
            nested(STATIC_DEPTH + 5),
            nested(200),
        ];
        for v in &values {
            assert_eq!(ours(v), serde_json::to_string_pretty(v).unwrap());
        }
    }
}
