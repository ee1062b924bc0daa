//! Sourced facts: every legal limit, fee and catalogue code names where it comes from, and no
//! analyst's remark ("unverified", "illustrative") stands in a text a public document prints.
//!
//! A stated fact without a source is a warning, not an error: the documents print it as
//! unsourced ("未注明法律依据") and never as law. Remarks for analysts belong in `note "…"`,
//! which no document prints; the same words in a printed text are an error.

use crate::diagnostics::{Code, Diagnostic};
use crate::files::Span;
use crate::resolve::{
    ConstraintKind, Field, FieldType, ItemField, Material, Matter, Program, Text,
};

/// Words an analyst writes about a fact's state; a public document never prints them.
/// English words match whole and in any case; Chinese ones anywhere in the text.
const REMARKS_EN: &[&str] = &[
    "unverified",
    "illustrative",
    "recalled",
    "todo",
    "fixme",
    "tbd",
];
const REMARKS_ZH: &[&str] = &["待核实", "未核实", "未经核实", "待补充"];

/// Checks the matter's sources and its printed texts.
pub fn check(program: &Program, matter: &Matter) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    unsourced(matter, &mut diags);
    let (texts, choices) = printed(matter);
    for t in texts {
        if let Some(word) = remark(&t.value) {
            diags.push(remark_in_public_text(word, t.span));
        }
    }
    for (label, span) in choices {
        if let Some(word) = remark(label) {
            diags.push(remark_in_public_text(word, span));
        }
    }
    let options = matter.situations.values().flat_map(|s| s.options.values());
    for o in options {
        if let Some(word) = remark(&o.label) {
            diags.push(remark_in_public_text(word, o.span));
        }
    }
    for (_, d) in program.departments.iter() {
        let attrs = [&d.phone, &d.address, &d.hours, &d.website];
        let texts = std::iter::once(&d.name).chain(attrs.into_iter().flatten());
        if let Some(word) = texts.filter_map(|t| remark(t)).next() {
            diags.push(remark_in_public_text(word, d.span));
        }
    }
    diags
}

/// W0401–W0403: a legal limit, fee or code without its source.
fn unsourced(matter: &Matter, diags: &mut Vec<Diagnostic>) {
    if let (Some(code), None) = (&matter.code, &matter.sources.code) {
        diags.push(code_without_source(&matter.id.name, code.span));
    }
    for it in matter.items.values() {
        let name = &it.id.name;
        if let (Some(code), None) = (&it.code, &it.sources.code) {
            diags.push(code_without_source(name, code.span));
        }
        if let (Some(legal), None) = (&it.legal, &it.sources.legal) {
            diags.push(legal_without_source(name, legal.span));
        }
        let fees = it.fee.iter().chain(it.fee_by.iter().map(|c| &c.fee));
        for fee in fees.filter(|f| f.basis.is_none()) {
            diags.push(fee_without_source(name, fee.span));
        }
    }
}

/// The analyst's word in `text`, if any.
fn remark(text: &str) -> Option<&'static str> {
    // Every text of a matter passes here (each field's label): skip the searches that cannot
    // match. An English remark needs an ASCII letter; each Chinese one starts with 待 or 未.
    let english = text.bytes().any(|b| b.is_ascii_alphabetic());
    if !english && !text.contains(['待', '未']) {
        return None;
    }
    if !english {
        return REMARKS_ZH.iter().find(|w| text.contains(**w)).copied();
    }
    let lower = text.to_ascii_lowercase();
    let word = |w: &&&str| {
        lower.match_indices(**w).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + w.len()..].chars().next();
            let boundary = |c: Option<char>| !c.is_some_and(|c| c.is_ascii_alphanumeric());
            boundary(before) && boundary(after)
        })
    };
    REMARKS_EN
        .iter()
        .find(word)
        .or_else(|| REMARKS_ZH.iter().find(|w| text.contains(**w)))
        .copied()
}

/// Every text of the matter that a public document may print, and the option labels of its
/// choice fields with the field's span: not `note`s, which no document prints, nor review
/// points, which only the department's 审查工作细则 carries.
fn printed(m: &Matter) -> (Vec<&Text>, Vec<(&str, Span)>) {
    let mut choices = Vec::new();
    let mut out: Vec<&Text> = vec![&m.name];
    out.extend(&m.code);
    out.extend(&m.basis);
    out.extend(&m.consult);
    out.extend(&m.complaint);
    out.extend(&m.applicant);
    out.extend(sources(&m.sources));
    for s in m.situations.values() {
        out.push(&s.question);
    }
    let mut fields: Vec<&Field> = m.shared.values().collect();
    for it in m.items.values() {
        out.push(&it.name);
        out.extend(&it.code);
        out.extend(&it.basis);
        out.extend(&it.conditions);
        out.extend(sources(&it.sources));
        out.extend(it.fee.as_ref().and_then(|f| f.basis.as_ref()));
        out.extend(it.fee_by.iter().filter_map(|c| c.fee.basis.as_ref()));
        for f in &it.fields {
            match f {
                ItemField::Shared(b) => out.extend(&b.label),
                ItemField::Local(f) => fields.push(f),
            }
        }
        for mat in &it.materials {
            if let Material::Own(o) = mat {
                out.push(&o.name);
                let a = &o.attrs;
                out.extend([&a.shared, &a.basis, &a.accept].into_iter().flatten());
            }
        }
        out.extend(it.outputs.values().map(|o| &o.name));
        for f in &it.faqs {
            out.extend([&f.question, &f.answer]);
        }
    }
    // Fields nest through lists: walk them with a stack, never recursion.
    while let Some(f) = fields.pop() {
        out.push(&f.label);
        for c in &f.constraints {
            if let ConstraintKind::Help(t) | ConstraintKind::Placeholder(t) = &c.kind {
                out.push(t);
            }
        }
        match &f.ty {
            FieldType::List(entries) => fields.extend(entries.iter()),
            FieldType::Choice { options, .. } => {
                choices.extend(options.iter().map(|o| (o.label.as_str(), f.span)));
            }
            FieldType::Scalar(_) => {}
        }
    }
    (out, choices)
}

fn sources(s: &crate::resolve::Sources) -> impl Iterator<Item = &Text> {
    [&s.code, &s.legal, &s.promise].into_iter().flatten()
}

#[cold]
fn legal_without_source(item: &str, span: Span) -> Diagnostic {
    Diagnostic::warning(
        Code::W0401,
        crate::diagnostics::t!("w0401", item = item),
        span,
        crate::diagnostics::t!("w0401-label"),
    )
    .with_note(crate::diagnostics::t!("w0401-note"))
    .with_help(crate::diagnostics::t!("w0401-help"))
}

#[cold]
fn fee_without_source(item: &str, span: Span) -> Diagnostic {
    Diagnostic::warning(
        Code::W0402,
        crate::diagnostics::t!("w0402", item = item),
        span,
        crate::diagnostics::t!("w0402-label"),
    )
    .with_note(crate::diagnostics::t!("w0402-note"))
    .with_help(crate::diagnostics::t!("w0402-help"))
}

#[cold]
fn code_without_source(owner: &str, span: Span) -> Diagnostic {
    Diagnostic::warning(
        Code::W0403,
        crate::diagnostics::t!("w0403", owner = owner),
        span,
        crate::diagnostics::t!("w0403-label"),
    )
    .with_note(crate::diagnostics::t!("w0403-note"))
    .with_help(crate::diagnostics::t!("w0403-help"))
}

#[cold]
fn remark_in_public_text(word: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0401,
        crate::diagnostics::t!("e0401", word = word),
        span,
        crate::diagnostics::t!("e0401-label"),
    )
    .with_note(crate::diagnostics::t!("e0401-note"))
    .with_help(crate::diagnostics::t!("e0401-help"))
}

#[cfg(test)]
mod tests {
    use super::{remark, REMARKS_EN, REMARKS_ZH};

    #[test]
    fn remarks_are_whole_words_in_any_case() {
        assert_eq!(remark("fee basis (Unverified)"), Some("unverified"));
        assert_eq!(remark("待核实"), Some("待核实"));
        assert_eq!(remark("《行政许可法》第五十八条"), None);
        assert_eq!(remark("todos"), None);
        assert_eq!(remark("Stodo"), None);
        assert_eq!(remark("出生医学证明（未经核实）"), Some("未经核实"));
        assert_eq!(remark("材料 TBD，待补充"), Some("tbd"));
        assert_eq!(remark("字段0-0"), None);
    }

    /// `remark` skips texts without an ASCII letter or without 待/未: every word must be
    /// findable through that shortcut.
    #[test]
    fn every_remark_word_passes_the_shortcut() {
        assert!(REMARKS_EN
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_lowercase())));
        assert!(REMARKS_ZH
            .iter()
            .all(|w| w.starts_with('待') || w.starts_with('未')));
        for w in REMARKS_EN.iter().chain(REMARKS_ZH) {
            assert_eq!(remark(&format!("《某法》{w}")), Some(*w));
        }
    }
}
