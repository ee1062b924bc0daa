//! The requests, each a query over one document's analysis: byte offsets in, byte ranges out.

use crate::names::{occurrences, Occurrence};
use std::ops::Range;
use yjs_compiler::diagnostics::Diagnostic;
use yjs_compiler::files::FileId;
use yjs_compiler::syntax::keywords::KEYWORDS;
use yjs_compiler::syntax::{SyntaxKind::*, TokenAtOffset};

use crate::world::Analysis;

/// A place in a file of the analysis.
pub type Place = (FileId, Range<usize>);

/// The name at an offset of the document, with every occurrence of the analysis.
fn name_at(a: &Analysis, offset: usize) -> Option<(Occurrence, Vec<(FileId, Occurrence)>)> {
    let all: Vec<(FileId, Occurrence)> = a
        .files()
        .flat_map(|(id, _)| occurrences(&a.tree(id)).into_iter().map(move |o| (id, o)))
        .collect();
    let here = all
        .iter()
        .find(|(f, o)| *f == a.file && o.range.start <= offset && offset <= o.range.end)?
        .1
        .clone();
    Some((here, all))
}

/// Go to definition: the declaration of the name under the cursor.
pub fn definition(a: &Analysis, offset: usize) -> Vec<Place> {
    let Some((here, all)) = name_at(a, offset) else {
        return Vec::new();
    };
    all.into_iter()
        .filter(|(_, o)| o.decl && o.key == here.key)
        .map(|(f, o)| (f, o.range))
        .collect()
}

/// Find references: every occurrence of the name under the cursor, declaration included.
pub fn references(a: &Analysis, offset: usize) -> Vec<Place> {
    let Some((here, all)) = name_at(a, offset) else {
        return Vec::new();
    };
    all.into_iter()
        .filter(|(_, o)| o.key == here.key)
        .map(|(f, o)| (f, o.range))
        .collect()
}

/// Rename: the edits, or why not.
pub fn rename(a: &Analysis, offset: usize, new: &str) -> Result<Vec<(Place, String)>, String> {
    let mut chars = new.chars();
    let ok = chars.next().is_some_and(|c| c == '_' || unicode_start(c))
        && chars.all(|c| c == '_' || c.is_alphanumeric());
    if !ok || yjs_compiler::syntax::keywords::lookup(new).is_some() {
        return Err(format!(
            "`{new}` is not a name (a letter or `_`, then letters, digits, `_`; not a keyword)"
        ));
    }
    let refs = references(a, offset);
    if refs.is_empty() {
        return Err("there is no name to rename here".into());
    }
    Ok(refs.into_iter().map(|p| (p, new.to_string())).collect())
}

fn unicode_start(c: char) -> bool {
    c.is_alphabetic()
}

/// A symbol of the document outline.
pub struct Symbol {
    pub name: String,
    pub detail: String,
    pub table: String,
    pub range: Range<usize>,
    /// The key of the symbol it belongs to (an item's outputs belong to the item).
    pub container: Option<String>,
}

/// The document's declarations, in text order.
pub fn symbols(a: &Analysis) -> Vec<Symbol> {
    let tree = a.tree(a.file);
    occurrences(&tree)
        .into_iter()
        .filter(|o| o.decl)
        .map(|o| {
            let parts: Vec<&str> = o.key.split(':').collect();
            let container = match parts.as_slice() {
                ["out", m, i, _] => Some(format!("item {i} ({m})")),
                ["opt", m, s, _] => Some(format!("situation {s} ({m})")),
                ["dictfield", d, _] => Some(format!("dictionary {d}")),
                [_, m, _] if !m.is_empty() => Some(format!("matter {m}")),
                _ => None,
            };
            Symbol {
                detail: label_after(a.own_text(), o.range.end),
                name: o.name.clone(),
                table: o.table().to_string(),
                range: o.range.clone(),
                container,
            }
        })
        .collect()
}

/// The string right after a declared name (its label), if any.
fn label_after(text: &str, at: usize) -> String {
    let rest = text[at..].trim_start_matches([' ', '\t']);
    rest.strip_prefix('"')
        .and_then(|r| r.split('"').next())
        .unwrap_or("")
        .to_string()
}

/// Hover text (Markdown) for the name or keyword under the cursor.
pub fn hover(a: &Analysis, offset: usize) -> Option<(String, Range<usize>)> {
    if let Some((here, _)) = name_at(a, offset) {
        let parts: Vec<&str> = here.key.split(':').collect();
        let text = match parts.as_slice() {
            ["item", m, i] => item_hover(a, m, i),
            ["shared", m, f] => shared_hover(a, m, f),
            _ => None,
        };
        if let Some(t) = text {
            return Some((t, here.range));
        }
    }
    let tree = a.tree(a.file);
    let tok = tree.token_at_offset(offset).right_biased()?;
    let kw = tok.keyword()?;
    Some((
        format!(
            "`{}` / `{}` — {}",
            kw.english[0],
            kw.chinese[0],
            kw.description()
        ),
        tok.range(),
    ))
}

fn limit(v: &yjs_artifacts::Limit) -> String {
    if v.unit == "immediate" {
        "即办 (immediate)".into()
    } else {
        format!(
            "{} {} ({} working days in the schedule)",
            v.amount, v.unit, v.workdays
        )
    }
}

/// A limit by situation, one arm per line of the table cell: `immediate when fire_mode == pledge;
/// otherwise 13 workdays`. `None` for a limit that does not vary.
fn by_situation(cases: &[yjs_artifacts::LimitCase]) -> Option<String> {
    if cases.is_empty() {
        return None;
    }
    let arms: Vec<String> = cases
        .iter()
        .map(|c| match &c.when {
            yjs_artifacts::Condition::Always => format!("otherwise {}", limit(&c.limit)),
            w => format!("{} when `{}`", limit(&c.limit), cond_text(w)),
        })
        .collect();
    Some(format!("by situation: {}", arms.join("; ")))
}

/// A condition of the artifacts in the language's own words.
fn cond_text(c: &yjs_artifacts::Condition) -> String {
    use yjs_artifacts::{Answer, Condition};
    let answer = |a: &Answer| match a {
        Answer::Bool(b) => b.to_string(),
        Answer::Option(o) => o.clone(),
        Answer::Options(v) => format!("[{}]", v.join(", ")),
    };
    let list = |args: &[Condition], word: &str| {
        args.iter()
            .map(|a| match a {
                Condition::All { .. } | Condition::Any { .. } => format!("({})", cond_text(a)),
                _ => cond_text(a),
            })
            .collect::<Vec<_>>()
            .join(word)
    };
    match c {
        Condition::Always => "true".into(),
        Condition::In { situation, values } => match values.as_slice() {
            [Answer::Bool(true)] => situation.clone(),
            [Answer::Bool(false)] => format!("not {situation}"),
            [one] => format!("{situation} == {}", answer(one)),
            _ => format!(
                "{situation} in [{}]",
                values.iter().map(answer).collect::<Vec<_>>().join(", ")
            ),
        },
        Condition::Has { situation, option } => format!("{option} in {situation}"),
        Condition::All { args } => list(args, " and "),
        Condition::Any { args } => list(args, " or "),
        Condition::Not { arg } => match arg.as_ref() {
            Condition::In { .. } | Condition::Has { .. } => format!("not {}", cond_text(arg)),
            _ => format!("not ({})", cond_text(arg)),
        },
    }
}

/// An item: its promise, legal limit, slack and whether it is on the critical path.
fn item_hover(a: &Analysis, matter: &str, item: &str) -> Option<String> {
    let ir = a.checked.matter(matter)?;
    let step = ir.plan.step(item)?;
    if step.kind == yjs_artifacts::StepKind::Wait {
        return Some(format!(
            "**wait `{}`** {} — a waiting period no department handles; it ends by itself\n\n| | |\n|---|---|\n| duration | {} |\n| basis | {} |\n| handling time | not counted (行政许可法 第四十五条): 0 days in the totals, the promise check and the joint cap |\n| starts | day {} of the case, after its predecessors |",
            step.id,
            step.name,
            if step.rolls_forward() {
                format!(
                    "{}; a last day on a rest day rolls to the next working day (民法典 第二百零三条)",
                    limit(&step.promise)
                )
            } else {
                limit(&step.promise)
            },
            step.basis.as_deref().unwrap_or("none declared (W0320)"),
            step.earliest_start,
        ));
    }
    let legal = by_situation(&step.legal_by).unwrap_or_else(|| {
        step.legal
            .as_ref()
            .map_or("none declared".to_string(), limit)
    });
    let promise = by_situation(&step.promise_by).unwrap_or_else(|| limit(&step.promise));
    Some(format!(
        "**item `{}`** {} — {}\n\n| | |\n|---|---|\n| promise | {} |\n| legal limit | {} |\n| schedule | days {}–{} of the case |\n| slack | {} working day(s) |\n| critical path | {} |",
        step.id,
        step.name,
        step.department_name.as_deref().unwrap_or_default(),
        promise,
        legal,
        step.earliest_start,
        step.earliest_finish,
        step.slack,
        if step.critical { "**yes**: any delay delays the matter" } else { "no" },
    ))
}

/// A shared field: its merged constraints with where each comes from.
fn shared_hover(a: &Analysis, matter: &str, field: &str) -> Option<String> {
    let ir = a.checked.matter(matter)?;
    let form = serde_json::to_value(&ir.form).ok()?;
    let f = form["shared"]
        .as_array()?
        .iter()
        .find(|f| f["id"] == field)?;
    let mut out = format!(
        "**shared field `{field}`** {}\n\nmerged from every declaration (the tightest wins):\n",
        f["label"].as_str().unwrap_or("")
    );
    for s in f["sources"].as_array().into_iter().flatten() {
        let who = match s["item"].as_str() {
            Some(i) => format!("item `{i}`"),
            None => "the `shared` block".into(),
        };
        out.push_str(&format!(
            "- `{}` — {who}, {}\n",
            s["constraint"].as_str().unwrap_or(""),
            s["at"].as_str().unwrap_or("")
        ));
    }
    if let Some(items) = f["items"].as_array() {
        let names: Vec<&str> = items.iter().filter_map(|i| i.as_str()).collect();
        out.push_str(&format!("\nbound by: {}", names.join(", ")));
    }
    Some(out)
}

/// What completion offers at an offset: `(label, kind)` with kind `keyword`, `option` or the
/// table of a name.
pub fn completion(a: &Analysis, offset: usize) -> Vec<(String, String)> {
    let tree = a.tree(a.file);
    // The significant tokens before the cursor on its line.
    let mut before = Vec::new();
    let mut tok = match tree.token_at_offset(offset) {
        TokenAtOffset::None => None,
        TokenAtOffset::Single(t) | TokenAtOffset::Between(t, _) => Some(t),
    };
    while let Some(t) = tok {
        if t.kind() == NEWLINE && t.range().end <= offset {
            break;
        }
        if !t.kind().is_trivia() && t.kind() != NEWLINE && t.range().start < offset {
            before.push(t);
        }
        tok = t.prev_token();
    }
    // `SITUATION ==` (or `!=`, `in [`, `in [a,`): that situation's options.
    let mut rest = before
        .iter()
        .skip_while(|t| t.kind() == IDENT && t.range().end == offset);
    let op = rest.next();
    if let Some(op) = op.filter(|t| matches!(t.kind(), EQ2 | NEQ | L_BRACK | COMMA)) {
        let sit = if op.kind() == EQ2 || op.kind() == NEQ {
            rest.next()
        } else {
            rest.find(|t| t.kind() == IN_KW).and_then(|_| rest.next())
        };
        if let Some(s) = sit {
            let m = tree
                .covering_node(s.range())
                .ancestors()
                .find(|n| n.kind() == MATTER)
                .and_then(|n| n.tokens().find(|t| t.kind() == IDENT))
                .map(|t| t.text().to_string())
                .unwrap_or_default();
            let prefix = format!("opt:{m}:{}:", s.text());
            let mut opts: Vec<(String, String)> = all_decls(a)
                .into_iter()
                .filter(|o| o.key.starts_with(&prefix))
                .map(|o| (o.name, "option".to_string()))
                .collect();
            if opts.is_empty() {
                opts = vec![
                    ("true".into(), "keyword".into()),
                    ("false".into(), "keyword".into()),
                ];
            }
            return opts;
        }
    }
    let mut out: Vec<(String, String)> = KEYWORDS
        .iter()
        .flat_map(|k| {
            k.spellings()
                .map(|s| (s.to_string(), "keyword".to_string()))
        })
        .collect();
    let mut names: Vec<(String, String)> = all_decls(a)
        .into_iter()
        .filter(|o| o.table() != "opt" && o.table() != "out")
        .map(|o| (o.name.clone(), o.table().to_string()))
        .collect();
    names.sort();
    names.dedup();
    out.extend(names);
    out
}

fn all_decls(a: &Analysis) -> Vec<Occurrence> {
    a.files()
        .flat_map(|(id, _)| occurrences(&a.tree(id)))
        .filter(|o| o.decl)
        .collect()
}

/// The "did you mean" fixes of the diagnostics of the document: the diagnostic, the range to
/// replace and the suggested name.
pub fn fixes(a: &Analysis) -> Vec<(&Diagnostic, Range<usize>, String)> {
    a.checked
        .diagnostics
        .iter()
        .filter_map(|d| {
            let l = d.primary.as_ref().filter(|l| l.span.file == a.file)?;
            let help = d.help.as_deref()?;
            let rest = help.strip_prefix("did you mean `")?;
            let name = rest.split('`').next()?;
            Some((d, l.span.range(), name.to_string()))
        })
        .collect()
}
