//! A small indenting XML writer in which every attribute value and every text is escaped.

/// An XML document being written, two spaces per level.
pub struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    /// A document with its declaration and a comment line.
    pub fn new(comment: &str) -> Self {
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str("<!-- ");
        // No `--` may stand in a comment, however many dashes a name has in a row.
        let mut text = comment.replace("--", "- -");
        while text.contains("--") {
            text = text.replace("--", "- -");
        }
        out.push_str(&text);
        out.push_str(" -->\n");
        Xml { out, depth: 0 }
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)], end: &str) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape_into(&mut self.out, v, true);
            self.out.push('"');
        }
        self.out.push_str(end);
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// `<name attrs>`; the children follow until [`Xml::close`].
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs, ">\n");
        self.depth += 1;
    }

    /// `</name>`.
    pub fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.indent();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attrs />`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs, " />\n");
    }

    /// `<name attrs>text</name>` on one line.
    pub fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.tag(name, attrs, ">");
        escape_into(&mut self.out, text, false);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// The document.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Appends `s` escaped to `out`: for a double-quoted attribute value when `in_attribute` (line
/// breaks and tabs as character references, so that attribute-value normalisation keeps them),
/// else for element content. Text with nothing to escape (most labels) is appended whole.
fn escape_into(out: &mut String, s: &str, in_attribute: bool) {
    let plain = !s
        .bytes()
        .any(|b| b < 0x20 || matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
        && !s.contains(['\u{FFFE}', '\u{FFFF}']);
    if plain {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if in_attribute => out.push_str("&quot;"),
            '\'' if in_attribute => out.push_str("&apos;"),
            '\n' if in_attribute => out.push_str("&#10;"),
            '\t' if in_attribute => out.push_str("&#9;"),
            c if is_allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// Whether XML 1.0 allows the character at all (control characters other than tab, line
/// feed and carriage return are not, even as references).
fn is_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attribute(s: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, s, true);
        out
    }

    fn content(s: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, s, false);
        out
    }

    #[test]
    fn escapes_attributes_and_text() {
        assert_eq!(
            attribute("a<b & \"c\" 'd'\n"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&#10;"
        );
        assert_eq!(
            content("x < y && z > \"q\""),
            "x &lt; y &amp;&amp; z &gt; \"q\""
        );
        assert_eq!(content("a\u{1}b"), "a\u{FFFD}b");
        assert_eq!(content("a\u{FFFE}b\u{FFFF}"), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(attribute("情形（甲）\t乙"), "情形（甲）&#9;乙");
        assert_eq!(content("情形（甲）\t乙\n"), "情形（甲）\t乙\n");
        assert_eq!(attribute("事项0"), "事项0");
        let mut x = Xml::new("made -- by a test");
        x.open("a", &[("id", "1\"")]);
        x.text("b", &[], "<t>");
        x.empty("c", &[("k", "&")]);
        x.close("a");
        assert_eq!(
            x.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- made - - by a test -->\n\
             <a id=\"1&quot;\">\n  <b>&lt;t&gt;</b>\n  <c k=\"&amp;\" />\n</a>\n"
        );
    }
}
