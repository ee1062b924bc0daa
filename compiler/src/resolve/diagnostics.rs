//! Constructors for the resolve stage's diagnostics (codes E01xx).

use crate::diagnostics::{did_you_mean, Code, Diagnostic};
use crate::files::Span;

#[cold]
pub fn bad_utf8(span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0003,
        "the file is not valid UTF-8",
        span,
        "the first invalid byte is here",
    )
    .with_note(
        "yjs reads source files as UTF-8 text; files saved as GBK or GB 18030 look like this",
    )
    .with_help("re-save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)")
}

#[cold]
pub fn use_missing(span: Span, path: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0101,
        format!("cannot load `{path}`: {why}"),
        span,
        "used here",
    )
    .with_note("a `use` path is relative to the file that contains the `use`")
    .with_help("check the spelling and the folder of the path")
}

#[cold]
pub fn too_large(used_at: Option<Span>, path: &str, max: usize) -> Diagnostic {
    let message = format!("cannot load `{path}`: it is larger than {max} bytes");
    let d = match used_at {
        Some(at) => Diagnostic::error(Code::E0002, message, at, "used here"),
        None => Diagnostic::bare_error(Code::E0002, message),
    };
    d.with_note("reading stopped at the limit; a matter fits in a few hundred lines, so a file this large is almost certainly not a hand-written matter")
        .with_help("split the catalogue into one file per matter and `use` the shared parts")
}

#[cold]
pub fn walk_loop(link: &str, target: &str) -> Diagnostic {
    Diagnostic::bare_warning(
        Code::W0110,
        format!(
            "`{link}` leads back to `{target}` (a symbolic link loop); its files were read once"
        ),
    )
    .with_note("following the link would find the same files again, without end")
    .with_help("remove the link, or check the folder it points into instead")
}

#[cold]
pub fn walk_special(path: &str, kind: &str) -> Diagnostic {
    Diagnostic::bare_warning(
        Code::W0110,
        format!("`{path}` is {kind}, not a regular file; it was skipped"),
    )
    .with_note("reading a FIFO could wait forever, and a device may never end")
    .with_help("replace it with the `.yjs` file it stands for, or remove it")
}

#[cold]
pub fn root_missing(path: &str, why: &str) -> Diagnostic {
    Diagnostic::bare_error(Code::E0101, format!("cannot load `{path}`: {why}"))
        .with_help("check the path given on the command line")
}

#[cold]
pub fn use_cycle(span: Span, target: &str, chain: &[(String, Span)]) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::E0102,
        format!("`use` cycle: `{target}` is already being loaded"),
        span,
        "this `use` closes the cycle",
    );
    for (file, at) in chain.iter().rev().skip(1).rev() {
        d = d.with_label(*at, format!("`{file}` uses the next file here"));
    }
    d.with_note("files may share a common file, but a file may not (indirectly) use itself")
        .with_help("move what both files need into a third file that both `use`")
}

#[cold]
pub fn duplicate(kind: &str, name: &str, span: Span, first: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0103,
        format!("the {kind} `{name}` is defined twice"),
        span,
        "defined again here",
    )
    .with_label(first, "first defined here")
    .with_help(format!("rename one of them, or delete the second {kind}"))
}

/// An item named like one of the steps every plan has (`accept`, `deliver`).
#[cold]
pub fn reserved_step(name: &str, span: Span) -> Diagnostic {
    let what = if name == "accept" {
        "the acceptance step"
    } else {
        "the delivery step"
    };
    Diagnostic::error(
        Code::E0103,
        format!("the item `{name}` has the name of {what}"),
        span,
        format!("`{name}` is the plan's {}", &what[4..]),
    )
    .with_note("every plan has the steps `accept` and `deliver`; an item of the same name would make two steps of one name in `plan.json`")
    .with_help(format!("rename the item, e.g. `{name}_item`"))
}

#[cold]
pub fn unknown<'a>(
    kind: &str,
    name: &str,
    span: Span,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::E0104,
        format!("unknown {kind} `{name}`"),
        span,
        format!("no {kind} has this name"),
    );
    match did_you_mean(name, candidates) {
        Some(h) => d = d.with_help(h),
        None => {
            d = d.with_help(format!(
                "declare the {kind} first, or check the `use` lines of this file"
            ))
        }
    }
    d
}

#[cold]
pub fn wrong_kind(expected: &str, found: &str, name: &str, span: Span, def: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0105,
        format!("`{name}` is {found}, but {expected} is expected here"),
        span,
        format!("expected {expected}"),
    )
    .with_label(def, format!("`{name}` is defined here as {found}"))
    .with_help(format!("name {expected} here"))
}

#[cold]
pub fn unknown_type(name: &str, span: Span, candidates: &[&str]) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::E0106,
        format!("unknown field type `{name}`"),
        span,
        "not a field type",
    );
    if let Some(h) = did_you_mean(name, candidates.iter().copied()) {
        d = d.with_help(h);
    }
    d.with_note("the types are text, integer, decimal, money, date, datetime, bool, choice, multi_choice, id_card, uscc, region, mobile, phone, email, file and list")
}

#[cold]
pub fn cond_bare_options(name: &str, span: Span, def: Span, first_option: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0107,
        format!("the situation `{name}` has options, so it cannot stand alone as a condition"),
        span,
        "not a yes/no situation",
    )
    .with_label(def, "declared with options here")
    .with_help(format!(
        "compare it with an option, e.g. `{name} == {first_option}`"
    ))
}

#[cold]
pub fn cond_bool_option(name: &str, span: Span, def: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0107,
        format!("the situation `{name}` is yes/no, so it has no named options"),
        span,
        "expected `true` or `false`",
    )
    .with_label(def, "declared `bool` here")
    .with_help(format!("write `{name}` for yes and `not {name}` for no"))
}

#[cold]
pub fn cond_bool_literal(name: &str, span: Span, def: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0107,
        format!("the situation `{name}` has named options, not yes/no"),
        span,
        "expected one of its options",
    )
    .with_label(def, "declared here")
    .with_help(format!("compare `{name}` with one of its options"))
}

#[cold]
pub fn missing(what: &str, owner: &str, span: Span, example: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0108,
        format!("{owner} has no `{what}`"),
        span,
        format!("`{what}` is missing here"),
    )
    .with_help(format!("add a line such as `{example}`"))
}

#[cold]
pub fn dead_situation(name: &str, span: Span) -> Diagnostic {
    Diagnostic::warning(Code::W0101, format!("the situation `{name}` changes nothing"), span, "asked, but no condition uses the answer")
        .with_note("every question the applicant answers must decide some item, material or field; otherwise it only lengthens the form")
        .with_help(format!("use it in a `when` (e.g. `when {name} …`) or a `required when`, or delete it"))
}
