//! The lossless concrete syntax tree: every byte of a file in exactly one token, tokens under nodes.
//!
//! The tree is an arena: tokens are arrays (kind, start, parent node), nodes are an array in
//! preorder, each knowing its kind, its parent, the tokens it covers and where its subtree
//! ends. Handles (`SyntaxNode`, `SyntaxToken`) are a tree reference and an index, so they are
//! `Copy`, and walking (children, ancestors, descendants, the token at an offset) is index
//! arithmetic: no allocation, no recursion. The tree is immutable once built, and `Send`.
//!
//! A node covers the tokens from its first significant token to its last; blanks and
//! comments before or after it belong to the enclosing node (a comment between two
//! statements is a child of their block). Keywords have their own token kinds while the text
//! keeps the spelling used, English or Chinese.

use super::keywords::{self, Keyword};
use super::kind::SyntaxKind::{self, *};
use crate::files::{FileId, Span};
use std::fmt;
use std::ops::Range;

/// A lossless syntax tree of one file.
#[derive(Clone)]
pub struct SyntaxTree {
    file: FileId,
    text: String,
    kinds: Vec<SyntaxKind>,
    /// Token starts, then the text length.
    starts: Vec<u32>,
    /// The node each token is a child of.
    parents: Vec<u32>,
    nodes: Vec<NodeData>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct NodeData {
    pub(super) kind: SyntaxKind,
    /// The parent node; the root's is `NO_PARENT`.
    pub(super) parent: u32,
    /// The first token covered.
    pub(super) first: u32,
    /// One past the last token covered.
    pub(super) end: u32,
    /// One past the last node of this node's subtree.
    pub(super) subtree_end: u32,
}

/// The parent of the root.
pub(super) const NO_PARENT: u32 = u32::MAX;

impl SyntaxTree {
    /// Assembles a tree from the parser's arrays (see `parser::Sink`).
    pub(super) fn from_parts(
        file: FileId,
        text: String,
        kinds: Vec<SyntaxKind>,
        starts: Vec<u32>,
        parents: Vec<u32>,
        nodes: Vec<NodeData>,
    ) -> SyntaxTree {
        debug_assert_eq!(kinds.len() + 1, starts.len());
        debug_assert_eq!(kinds.len(), parents.len());
        SyntaxTree {
            file,
            text,
            kinds,
            starts,
            parents,
            nodes,
        }
    }

    /// The root node, of kind `FILE`.
    pub fn root(&self) -> SyntaxNode<'_> {
        SyntaxNode { tree: self, id: 0 }
    }

    /// The file the tree was parsed from.
    pub fn file(&self) -> FileId {
        self.file
    }

    /// The whole text; equal to the source, byte for byte.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The number of tokens.
    pub fn token_count(&self) -> usize {
        self.kinds.len()
    }

    /// The number of nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Every token in text order.
    pub fn tokens(&self) -> impl Iterator<Item = SyntaxToken<'_>> {
        (0..self.kinds.len() as u32).map(move |id| SyntaxToken { tree: self, id })
    }

    /// The token or tokens at a byte offset: two when the offset is between two tokens.
    pub fn token_at_offset(&self, offset: usize) -> TokenAtOffset<'_> {
        let n = self.kinds.len();
        if n == 0 || offset > self.text.len() {
            return TokenAtOffset::None;
        }
        let idx = self.starts[..n].partition_point(|s| (*s as usize) <= offset) - 1;
        let tok = |id: usize| SyntaxToken {
            tree: self,
            id: id as u32,
        };
        if offset == self.text.len() {
            TokenAtOffset::Single(tok(n - 1))
        } else if idx > 0 && self.starts[idx] as usize == offset {
            TokenAtOffset::Between(tok(idx - 1), tok(idx))
        } else {
            TokenAtOffset::Single(tok(idx))
        }
    }

    /// The smallest node whose text contains the byte range.
    pub fn covering_node(&self, range: Range<usize>) -> SyntaxNode<'_> {
        let start = match self.token_at_offset(range.start) {
            TokenAtOffset::None => return self.root(),
            TokenAtOffset::Single(t) | TokenAtOffset::Between(_, t) => t,
        };
        start
            .parent()
            .ancestors()
            .find(|n| {
                let r = n.range();
                r.start <= range.start && range.end <= r.end
            })
            .unwrap_or_else(|| self.root())
    }

    fn token_range(&self, id: u32) -> Range<usize> {
        self.starts[id as usize] as usize..self.starts[id as usize + 1] as usize
    }
}

impl fmt::Debug for SyntaxTree {
    /// One line per node and token, indented by depth: `PROMISE_STMT 12..30`, `NUMBER "5"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut depth: Vec<u32> = Vec::new();
        for el in self.root().preorder_with_tokens() {
            let parent = match el {
                SyntaxElement::Node(n) => n.parent().map(|p| p.id),
                SyntaxElement::Token(t) => Some(t.parent().id),
            };
            while let Some(&top) = depth.last() {
                if Some(top) == parent {
                    break;
                }
                depth.pop();
            }
            let indent = "  ".repeat(depth.len());
            match el {
                SyntaxElement::Node(n) => {
                    let r = n.range();
                    writeln!(f, "{indent}{:?} {}..{}", n.kind(), r.start, r.end)?;
                    depth.push(n.id);
                }
                SyntaxElement::Token(t) => writeln!(f, "{indent}{:?} {:?}", t.kind(), t.text())?,
            }
        }
        Ok(())
    }
}

/// What stands at an offset: nothing (an empty file), one token, or the two it separates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenAtOffset<'t> {
    /// The offset is past the end, or the file is empty.
    None,
    /// The offset is inside this token (or at the end of the last one).
    Single(SyntaxToken<'t>),
    /// The offset is where the first token ends and the second begins.
    Between(SyntaxToken<'t>, SyntaxToken<'t>),
}

impl<'t> TokenAtOffset<'t> {
    /// The token to the right of the offset, or the only one.
    pub fn right_biased(self) -> Option<SyntaxToken<'t>> {
        match self {
            TokenAtOffset::None => None,
            TokenAtOffset::Single(t) | TokenAtOffset::Between(_, t) => Some(t),
        }
    }

    /// The token to the left of the offset, or the only one.
    pub fn left_biased(self) -> Option<SyntaxToken<'t>> {
        match self {
            TokenAtOffset::None => None,
            TokenAtOffset::Single(t) | TokenAtOffset::Between(t, _) => Some(t),
        }
    }
}

/// A node of the tree.
#[derive(Clone, Copy)]
pub struct SyntaxNode<'t> {
    tree: &'t SyntaxTree,
    id: u32,
}

/// A token of the tree.
#[derive(Clone, Copy)]
pub struct SyntaxToken<'t> {
    tree: &'t SyntaxTree,
    id: u32,
}

/// A node or a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxElement<'t> {
    /// A node.
    Node(SyntaxNode<'t>),
    /// A token.
    Token(SyntaxToken<'t>),
}

impl<'t> SyntaxElement<'t> {
    /// Its kind.
    pub fn kind(self) -> SyntaxKind {
        match self {
            SyntaxElement::Node(n) => n.kind(),
            SyntaxElement::Token(t) => t.kind(),
        }
    }

    /// Its byte range.
    pub fn range(self) -> Range<usize> {
        match self {
            SyntaxElement::Node(n) => n.range(),
            SyntaxElement::Token(t) => t.range(),
        }
    }

    /// The node, if it is one.
    pub fn into_node(self) -> Option<SyntaxNode<'t>> {
        match self {
            SyntaxElement::Node(n) => Some(n),
            SyntaxElement::Token(_) => None,
        }
    }

    /// The token, if it is one.
    pub fn into_token(self) -> Option<SyntaxToken<'t>> {
        match self {
            SyntaxElement::Node(_) => None,
            SyntaxElement::Token(t) => Some(t),
        }
    }
}

impl<'t> SyntaxNode<'t> {
    fn data(self) -> NodeData {
        self.tree.nodes[self.id as usize]
    }

    fn node(self, id: u32) -> SyntaxNode<'t> {
        SyntaxNode {
            tree: self.tree,
            id,
        }
    }

    /// Its kind.
    pub fn kind(self) -> SyntaxKind {
        self.data().kind
    }

    /// The tree it belongs to.
    pub fn tree(self) -> &'t SyntaxTree {
        self.tree
    }

    /// Its byte range: from its first token to its last (the root: the whole text).
    pub fn range(self) -> Range<usize> {
        let d = self.data();
        let t = self.tree;
        t.starts[d.first as usize] as usize..t.starts[d.end as usize] as usize
    }

    /// Its byte range as a span of the tree's file.
    pub fn span(self) -> Span {
        let r = self.range();
        Span::new(self.tree.file, r.start, r.end)
    }

    /// Its text, exactly as in the source.
    pub fn text(self) -> &'t str {
        &self.tree.text[self.range()]
    }

    /// The node it is a child of; `None` for the root.
    pub fn parent(self) -> Option<SyntaxNode<'t>> {
        let p = self.data().parent;
        (p != NO_PARENT).then(|| self.node(p))
    }

    /// This node, then its parent, and so on up to the root.
    pub fn ancestors(self) -> impl Iterator<Item = SyntaxNode<'t>> {
        std::iter::successors(Some(self), |n| n.parent())
    }

    /// Its child nodes, in order.
    pub fn children(self) -> impl Iterator<Item = SyntaxNode<'t>> {
        let end = self.data().subtree_end;
        let tree = self.tree;
        std::iter::successors(
            (self.id + 1 < end).then(|| self.node(self.id + 1)),
            move |c| {
                let next = c.data().subtree_end;
                (next < end).then_some(SyntaxNode { tree, id: next })
            },
        )
    }

    /// Its child nodes and tokens, trivia included, in text order.
    pub fn children_with_tokens(self) -> Children<'t> {
        let d = self.data();
        Children {
            tree: self.tree,
            parent: self.id,
            token: d.first,
            end: d.end,
            next_child: self.id + 1,
            children_end: d.subtree_end,
        }
    }

    /// Its child tokens (not those of child nodes), trivia included.
    pub fn tokens(self) -> impl Iterator<Item = SyntaxToken<'t>> {
        self.children_with_tokens()
            .filter_map(SyntaxElement::into_token)
    }

    /// Its first child token of a kind.
    pub fn token(self, kind: SyntaxKind) -> Option<SyntaxToken<'t>> {
        self.tokens().find(|t| t.kind() == kind)
    }

    /// Its first child node of a kind.
    pub fn child(self, kind: SyntaxKind) -> Option<SyntaxNode<'t>> {
        self.children().find(|n| n.kind() == kind)
    }

    /// This node and every node below it, in preorder.
    pub fn descendants(self) -> impl Iterator<Item = SyntaxNode<'t>> {
        let tree = self.tree;
        (self.id..self.data().subtree_end).map(move |id| SyntaxNode { tree, id })
    }

    /// Every token it covers, in text order.
    pub fn descendant_tokens(self) -> impl Iterator<Item = SyntaxToken<'t>> {
        let d = self.data();
        let tree = self.tree;
        (d.first..d.end).map(move |id| SyntaxToken { tree, id })
    }

    /// This node and everything below it, nodes before their tokens, in text order.
    pub fn preorder_with_tokens(self) -> impl Iterator<Item = SyntaxElement<'t>> {
        let mut stack = vec![self.children_with_tokens()];
        let mut first = Some(SyntaxElement::Node(self));
        std::iter::from_fn(move || {
            if let Some(f) = first.take() {
                return Some(f);
            }
            loop {
                let top = stack.last_mut()?;
                match top.next() {
                    Some(SyntaxElement::Node(n)) => {
                        stack.push(n.children_with_tokens());
                        return Some(SyntaxElement::Node(n));
                    }
                    Some(t) => return Some(t),
                    None => {
                        stack.pop();
                    }
                }
            }
        })
    }

    /// Its first token (never trivia, except for the root of a file of blanks).
    pub fn first_token(self) -> Option<SyntaxToken<'t>> {
        self.descendant_tokens().next()
    }

    /// Its last token.
    pub fn last_token(self) -> Option<SyntaxToken<'t>> {
        let d = self.data();
        (d.end > d.first).then(|| SyntaxToken {
            tree: self.tree,
            id: d.end - 1,
        })
    }

    /// The keyword that starts this statement, with the spelling used: `承诺` in `承诺 5 工作日`.
    pub fn keyword(self) -> Option<SyntaxToken<'t>> {
        self.first_token().filter(|t| t.kind().is_keyword())
    }

    /// The blanks, line breaks and comments right before this node, in text order: the
    /// comments on the lines above a statement, as a formatter keeps them.
    pub fn leading_trivia(self) -> impl Iterator<Item = SyntaxToken<'t>> {
        let first = self.data().first;
        let tree = self.tree;
        let mut start = first;
        while start > 0 && is_layout(tree.kinds[start as usize - 1]) {
            start -= 1;
        }
        (start..first).map(move |id| SyntaxToken { tree, id })
    }

    /// The blanks and comments after this node on its last line: a trailing `// comment`.
    pub fn trailing_trivia(self) -> impl Iterator<Item = SyntaxToken<'t>> {
        let end = self.data().end;
        let tree = self.tree;
        let mut stop = end;
        while (stop as usize) < tree.kinds.len() && tree.kinds[stop as usize].is_trivia() {
            stop += 1;
        }
        (end..stop).map(move |id| SyntaxToken { tree, id })
    }
}

fn is_layout(kind: SyntaxKind) -> bool {
    kind.is_trivia() || kind == NEWLINE
}

impl<'t> SyntaxToken<'t> {
    /// Its kind; a keyword's kind names the keyword whatever its spelling.
    pub fn kind(self) -> SyntaxKind {
        self.tree.kinds[self.id as usize]
    }

    /// Its text, exactly as in the source.
    pub fn text(self) -> &'t str {
        &self.tree.text[self.range()]
    }

    /// Its byte range.
    pub fn range(self) -> Range<usize> {
        self.tree.token_range(self.id)
    }

    /// Its byte range as a span of the tree's file.
    pub fn span(self) -> Span {
        let r = self.range();
        Span::new(self.tree.file, r.start, r.end)
    }

    /// The node it is a child of.
    pub fn parent(self) -> SyntaxNode<'t> {
        SyntaxNode {
            tree: self.tree,
            id: self.tree.parents[self.id as usize],
        }
    }

    /// Its parent node, then that node's parent, and so on up to the root.
    pub fn ancestors(self) -> impl Iterator<Item = SyntaxNode<'t>> {
        self.parent().ancestors()
    }

    /// The token before it in the text, trivia included.
    pub fn prev_token(self) -> Option<SyntaxToken<'t>> {
        (self.id > 0).then(|| SyntaxToken {
            tree: self.tree,
            id: self.id - 1,
        })
    }

    /// The token after it in the text, trivia included.
    pub fn next_token(self) -> Option<SyntaxToken<'t>> {
        ((self.id as usize + 1) < self.tree.kinds.len()).then(|| SyntaxToken {
            tree: self.tree,
            id: self.id + 1,
        })
    }

    /// The keyword it is, with its spellings and meaning.
    pub fn keyword(self) -> Option<&'static Keyword> {
        keywords::keyword(self.kind())
    }
}

/// The children of a node, tokens and nodes, in text order.
pub struct Children<'t> {
    tree: &'t SyntaxTree,
    parent: u32,
    token: u32,
    end: u32,
    next_child: u32,
    children_end: u32,
}

impl<'t> Iterator for Children<'t> {
    type Item = SyntaxElement<'t>;

    fn next(&mut self) -> Option<SyntaxElement<'t>> {
        if self.token >= self.end {
            return None;
        }
        let tree = self.tree;
        let child = self.next_child;
        let owned = tree.parents[self.token as usize] == self.parent;
        if !owned && child < self.children_end && tree.nodes[child as usize].first == self.token {
            let d = tree.nodes[child as usize];
            self.token = d.end;
            self.next_child = d.subtree_end;
            return Some(SyntaxElement::Node(SyntaxNode { tree, id: child }));
        }
        let id = self.token;
        self.token += 1;
        Some(SyntaxElement::Token(SyntaxToken { tree, id }))
    }
}

impl PartialEq for SyntaxNode<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.tree, other.tree) && self.id == other.id
    }
}

impl Eq for SyntaxNode<'_> {}

impl PartialEq for SyntaxToken<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.tree, other.tree) && self.id == other.id
    }
}

impl Eq for SyntaxToken<'_> {}

impl fmt::Debug for SyntaxNode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.range();
        write!(f, "{:?}@{}..{}", self.kind(), r.start, r.end)
    }
}

impl fmt::Debug for SyntaxToken<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.range();
        write!(
            f,
            "{:?}@{}..{} {:?}",
            self.kind(),
            r.start,
            r.end,
            self.text()
        )
    }
}

impl fmt::Display for SyntaxNode<'_> {
    /// The node's text, exactly as in the source.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}
