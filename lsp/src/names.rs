//! Every name of a file, declared or referred to, with the key of what it names.
//!
//! A key says which table a name lives in and its scope: `dept:wsjk`, `dict:person`,
//! `dictfield:person:name`, `sit:newborn:settle`, `opt:newborn:settle:local`,
//! `shared:newborn:mother_id`, `item:newborn:hukou`, `out:newborn:hukou:hukou_record`.
//! Departments and dictionaries are global (visible through `use`), the rest belong to their
//! matter, as `resolve` scopes them. Definition, references, rename, symbols and completion
//! are all queries over these occurrences.

use yjs_compiler::syntax::{SyntaxKind::*, SyntaxNode, SyntaxToken, SyntaxTree};

/// One name in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// What the name names.
    pub key: String,
    /// The name itself.
    pub name: String,
    /// Its byte range.
    pub range: std::ops::Range<usize>,
    /// Whether this is the declaration.
    pub decl: bool,
}

impl Occurrence {
    /// The table of the key: `dept`, `item`, …
    pub fn table(&self) -> &str {
        self.key.split(':').next().unwrap_or("")
    }
}

/// Every name of a tree, in text order.
pub fn occurrences(tree: &SyntaxTree) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for n in tree.root().descendants() {
        visit(n, &mut out);
    }
    out.sort_by_key(|o| o.range.start);
    out
}

fn idents(n: SyntaxNode<'_>) -> Vec<SyntaxToken<'_>> {
    n.tokens().filter(|t| t.kind() == IDENT).collect()
}

fn push(out: &mut Vec<Occurrence>, key: String, t: SyntaxToken<'_>, decl: bool) {
    out.push(Occurrence {
        key,
        name: t.text().to_string(),
        range: t.range(),
        decl,
    });
}

/// The id of the enclosing node of a kind.
fn enclosing(n: SyntaxNode<'_>, kind: yjs_compiler::syntax::SyntaxKind) -> Option<String> {
    n.ancestors()
        .skip(1)
        .find(|a| a.kind() == kind)
        .and_then(|a| idents(a).first().map(|t| t.text().to_string()))
}

fn matter(n: SyntaxNode<'_>) -> String {
    enclosing(n, MATTER).unwrap_or_default()
}

/// A `dict.field` path: the dictionary and its field; a plain name names `plain(name)`.
fn path(out: &mut Vec<Occurrence>, p: SyntaxNode<'_>, plain: impl Fn(&str) -> String) {
    match idents(p).as_slice() {
        [d, f] => {
            push(out, format!("dict:{}", d.text()), *d, false);
            push(
                out,
                format!("dictfield:{}:{}", d.text(), f.text()),
                *f,
                false,
            );
        }
        [one] => push(out, plain(one.text()), *one, false),
        _ => {}
    }
}

fn visit(n: SyntaxNode<'_>, out: &mut Vec<Occurrence>) {
    let ids = idents(n);
    let first = ids.first().copied();
    match n.kind() {
        DEPARTMENT => {
            if let Some(t) = first {
                push(out, format!("dept:{}", t.text()), t, true);
            }
        }
        DICTIONARY => {
            if let Some(t) = first {
                push(out, format!("dict:{}", t.text()), t, true);
            }
        }
        LEAD_STMT | WINDOW_STMT | DEPARTMENT_STMT | ACCEPT_STMT => {
            if let Some(t) = ids.last().copied() {
                push(out, format!("dept:{}", t.text()), t, false);
            }
        }
        MATTER => {}
        SITUATION => {
            if let Some(t) = first {
                push(out, format!("sit:{}:{}", matter(n), t.text()), t, true);
            }
        }
        OPTION => {
            // Options of a situation; a choice field's options are not names elsewhere.
            let owner = n.parent().and_then(|b| b.parent());
            if let (Some(t), Some(s)) = (first, owner.filter(|o| o.kind() == SITUATION)) {
                let sit = idents(s).first().map(|i| i.text()).unwrap_or("");
                push(
                    out,
                    format!("opt:{}:{sit}:{}", matter(n), t.text()),
                    t,
                    true,
                );
            }
        }
        // A wait step's id shares the items' namespace: chains name both alike.
        ITEM | WAIT_STMT => {
            if let Some(t) = first {
                push(out, format!("item:{}:{}", matter(n), t.text()), t, true);
            }
        }
        OUTPUT => {
            if let (Some(t), Some(item)) = (first, enclosing(n, ITEM)) {
                push(
                    out,
                    format!("out:{}:{item}:{}", matter(n), t.text()),
                    t,
                    true,
                );
            }
        }
        CHAIN => {
            let m = matter(n);
            for t in ids {
                push(out, format!("item:{m}:{}", t.text()), t, false);
            }
        }
        MATERIAL => {
            let m = matter(n);
            if let Some(p) = n.child(PATH) {
                if let [i, o] = idents(p).as_slice() {
                    push(out, format!("item:{m}:{}", i.text()), *i, false);
                    push(out, format!("out:{m}:{}:{}", i.text(), o.text()), *o, false);
                }
            }
        }
        ENTRY => entry(n, out),
        COMPARISON | MEMBERSHIP | BARE => {
            let m = matter(n);
            if let Some(s) = first {
                push(out, format!("sit:{m}:{}", s.text()), s, false);
                for o in &ids[1..] {
                    push(out, format!("opt:{m}:{}:{}", s.text(), o.text()), *o, false);
                }
            }
        }
        _ => {}
    }
}

/// A field entry: in a dictionary or `shared` it declares, in a form it declares a local
/// field (with a type) or refers to a shared field.
fn entry(n: SyntaxNode<'_>, out: &mut Vec<Occurrence>) {
    let Some(block_owner) = n.parent().and_then(|b| b.parent()) else {
        return;
    };
    let Some(name) = n.child(PATH) else {
        return;
    };
    let alias = n.child(ALIAS).and_then(|a| a.child(PATH));
    let m = matter(n);
    let typed = n
        .children()
        .any(|c| matches!(c.kind(), SIMPLE_TYPE | CHOICE_TYPE | LIST_TYPE));
    match block_owner.kind() {
        DICTIONARY => {
            let dict = idents(block_owner).first().map(|t| t.text().to_string());
            if let (Some(d), Some(t)) = (dict, idents(name).first().copied()) {
                push(out, format!("dictfield:{d}:{}", t.text()), t, true);
            }
        }
        SHARED => {
            let ids = idents(name);
            match (alias, ids.as_slice()) {
                (Some(target), [local]) => {
                    push(out, format!("shared:{m}:{}", local.text()), *local, true);
                    path(out, target, |s| format!("shared:{m}:{s}"));
                }
                (None, [d, f]) => {
                    // `org.uscc` declares the shared field `uscc` bound to the dictionary.
                    push(out, format!("dict:{}", d.text()), *d, false);
                    push(
                        out,
                        format!("dictfield:{}:{}", d.text(), f.text()),
                        *f,
                        false,
                    );
                    out.push(Occurrence {
                        key: format!("shared:{m}:{}", f.text()),
                        name: f.text().to_string(),
                        range: f.range(),
                        decl: true,
                    });
                }
                (None, [local]) => push(out, format!("shared:{m}:{}", local.text()), *local, true),
                _ => {}
            }
        }
        FORM => {
            if let Some(target) = alias {
                path(out, target, |s| format!("shared:{m}:{s}"));
            } else if !typed {
                path(out, name, |s| format!("shared:{m}:{s}"));
            }
        }
        _ => {}
    }
}
