//! Constructors for the resolve stage's diagnostics (codes E01xx).

use crate::diagnostics::t;
use crate::diagnostics::{did_you_mean, Arg, Code, Diagnostic, Text};

/// A kind of definition (`department`, `field`, …), translated where the catalog knows it.
fn kind(k: &Arg) -> Text {
    match k {
        Arg::Text(t) => t.clone(),
        Arg::Plain(k) => match k.as_str() {
            "department" => t!("kind-department"),
            "dictionary" => t!("kind-dictionary"),
            "matter" => t!("kind-matter"),
            "item" => t!("kind-item"),
            // An item or a wait: the two share the flow's names.
            "step" => t!("kind-step"),
            "situation" => t!("kind-situation"),
            "option" => t!("kind-option"),
            "shared field" => t!("kind-shared-field"),
            "form field" => t!("kind-form-field"),
            "dictionary field" => t!("kind-dictionary-field"),
            "list field" => t!("kind-list-field"),
            "material" => t!("kind-material"),
            "output" => t!("kind-output"),
            "delivery channel" => t!("kind-delivery-channel"),
            "item kind" => t!("kind-item-kind"),
            "reform figure" => t!("kind-reform-figure"),
            other => t!("kind", kind = other),
        },
    }
}

/// A kind with its article (`a department`, …), translated where the catalog knows it.
fn kind_a(k: &str) -> Text {
    match k {
        "a department" => t!("kind-a-department"),
        "an item" => t!("kind-an-item"),
        "a situation" => t!("kind-a-situation"),
        "a shared field" => t!("kind-a-shared-field"),
        other => t!("kind-a", kind = other),
    }
}
use crate::files::Span;

#[cold]
pub fn bad_utf8(span: Span) -> Diagnostic {
    Diagnostic::error(Code::E0003, t!("e0003"), span, t!("e0003-label"))
        .with_note(t!("e0003-note"))
        .with_help(t!("e0003-help"))
}

#[cold]
pub fn use_missing(span: Span, path: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0101,
        t!("e0101", path = path, why = why),
        span,
        t!("e0101-label"),
    )
    .with_note(t!("e0101-note"))
    .with_help(t!("e0101-help"))
}

#[cold]
pub fn too_large(used_at: Option<Span>, path: &str, max: usize) -> Diagnostic {
    let message = t!("e0002-used", path = path, max = max);
    let d = match used_at {
        Some(at) => Diagnostic::error(Code::E0002, message, at, t!("e0101-label")),
        None => Diagnostic::bare_error(Code::E0002, message),
    };
    d.with_note(t!("e0002-used-note"))
        .with_help(t!("e0002-help"))
}

#[cold]
pub fn walk_loop(link: &str, target: &str) -> Diagnostic {
    Diagnostic::bare_warning(Code::W0110, t!("w0110-loop", link = link, target = target))
        .with_note(t!("w0110-loop-note"))
        .with_help(t!("w0110-loop-help"))
}

#[cold]
pub fn walk_special(path: &str, kind: &str) -> Diagnostic {
    Diagnostic::bare_warning(
        Code::W0110,
        t!(
            "w0110-special",
            path = path,
            kind = match kind {
                "a FIFO (named pipe)" => t!("special-fifo"),
                "a character device" => t!("special-char-device"),
                "a block device" => t!("special-block-device"),
                "a socket" => t!("special-socket"),
                "a special file" => t!("special-file"),
                other => t!("kind-a", kind = other),
            }
        ),
    )
    .with_note(t!("w0110-special-note"))
    .with_help(t!("w0110-special-help"))
}

#[cold]
pub fn root_missing(path: &str, why: &str) -> Diagnostic {
    Diagnostic::bare_error(Code::E0101, t!("e0101", path = path, why = why))
        .with_help(t!("e0101-root-help"))
}

#[cold]
pub fn use_cycle(span: Span, target: &str, chain: &[(String, Span)]) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::E0102,
        t!("e0102", target = target),
        span,
        t!("e0102-label"),
    );
    for (file, at) in chain.iter().rev().skip(1).rev() {
        d = d.with_label(*at, t!("e0102-chain", file = file));
    }
    d.with_note(t!("e0102-note")).with_help(t!("e0102-help"))
}

#[cold]
pub fn duplicate(k: &str, name: &str, span: Span, first: Span) -> Diagnostic {
    let k = Arg::from(k);
    Diagnostic::error(
        Code::E0103,
        t!("e0103", kind = kind(&k), name = name),
        span,
        t!("e0103-label"),
    )
    .with_label(first, t!("e0103-first"))
    .with_help(t!("e0103-help", kind = kind(&k)))
}

/// An item named like one of the steps every plan has (`accept`, `deliver`).
#[cold]
pub fn reserved_step(name: &str, span: Span) -> Diagnostic {
    let step = if name == "accept" {
        "accept"
    } else {
        "deliver"
    };
    Diagnostic::error(
        Code::E0103,
        t!("e0103-reserved", name = name, step = step),
        span,
        t!("e0103-reserved-label", name = name, step = step),
    )
    .with_note(t!("e0103-reserved-note"))
    .with_help(t!("e0103-reserved-help", name = name))
}

#[cold]
pub fn unknown<'a>(
    k: impl Into<Arg>,
    name: &str,
    span: Span,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Diagnostic {
    let k = k.into();
    let mut d = Diagnostic::error(
        Code::E0104,
        t!("e0104", kind = kind(&k), name = name),
        span,
        t!("e0104-label", kind = kind(&k)),
    );
    match did_you_mean(name, candidates) {
        Some(h) => d = d.with_help(h),
        None => d = d.with_help(t!("e0104-help", kind = kind(&k))),
    }
    d
}

#[cold]
pub fn wrong_kind(expected: &str, found: &str, name: &str, span: Span, def: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0105,
        t!(
            "e0105",
            name = name,
            found = kind_a(found),
            expected = kind_a(expected)
        ),
        span,
        t!("e0105-label", expected = kind_a(expected)),
    )
    .with_label(def, t!("e0105-def", name = name, found = kind_a(found)))
    .with_help(t!("e0105-help", expected = kind_a(expected)))
}

#[cold]
pub fn unknown_type(name: &str, span: Span, candidates: &[&str]) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::E0106,
        t!("e0106", name = name),
        span,
        t!("e0106-label"),
    );
    if let Some(h) = did_you_mean(name, candidates.iter().copied()) {
        d = d.with_help(h);
    }
    d.with_note(t!("e0106-note"))
}

#[cold]
pub fn cond_bare_options(name: &str, span: Span, def: Span, first_option: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0107,
        t!("e0107-bare", name = name),
        span,
        t!("e0107-bare-label"),
    )
    .with_label(def, t!("e0107-bare-def"))
    .with_help(t!("e0107-bare-help", name = name, option = first_option))
}

#[cold]
pub fn cond_bool_option(name: &str, span: Span, def: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0107,
        t!("e0107-bool", name = name),
        span,
        t!("e0107-bool-label"),
    )
    .with_label(def, t!("e0107-bool-def"))
    .with_help(t!("e0107-bool-help", name = name))
}

#[cold]
pub fn cond_bool_literal(name: &str, span: Span, def: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0107,
        t!("e0107-literal", name = name),
        span,
        t!("e0107-literal-label"),
    )
    .with_label(def, t!("e0107-literal-def"))
    .with_help(t!("e0107-literal-help", name = name))
}

#[cold]
pub fn cond_multi_whole(name: &str, span: Span, def: Span, options: &[&str]) -> Diagnostic {
    let tests: Vec<String> = options.iter().map(|o| format!("{o} in {name}")).collect();
    let test = tests.join(" or ");
    let which = match options {
        [one] => t!("e0107-multi-which-one", option = *one),
        _ => t!("e0107-multi-which-any"),
    };
    Diagnostic::error(
        Code::E0107,
        t!("e0107-multi", name = name),
        span,
        t!("e0107-multi-label"),
    )
    .with_label(def, t!("e0107-multi-def"))
    .with_help(t!("e0107-multi-help", test = test, which = which))
}

#[cold]
pub fn cond_has_single(
    option: &str,
    name: &str,
    span: Span,
    def: Span,
    rewrite: Text,
) -> Diagnostic {
    Diagnostic::error(
        Code::E0107,
        t!("e0107-has-single", option = option, name = name),
        span,
        t!("e0107-has-single-label"),
    )
    .with_label(def, t!("e0107-has-single-def"))
    .with_help(t!("e0107-has-single-help", rewrite = rewrite, name = name))
}

#[cold]
pub fn missing(what: &str, owner: impl Into<Text>, span: Span, example: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0108,
        t!("e0108", owner = owner.into(), what = what),
        span,
        t!("e0108-label", what = what),
    )
    .with_help(t!("e0108-help", example = example))
}

/// E0110: the question of an optional item would be the situation `id`, which is declared.
#[cold]
pub fn opt_in_clash(item: &str, id: &str, span: Span, declared: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0110,
        t!("e0110", item = item, id = id),
        span,
        t!("e0110-label", id = id),
    )
    .with_label(declared, t!("e0110-declared", id = id))
    .with_note(t!("e0110-note", item = item, id = id))
    .with_help(t!("e0110-help", id = id))
}

/// E0112: a template file that cannot be read.
#[cold]
pub fn template_unreadable(span: Span, path: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0112,
        t!("e0112", path = path, why = why),
        span,
        t!("e0112-label"),
    )
    .with_note(t!("e0112-note"))
    .with_help(t!("e0112-help"))
}

/// E0112: a template file over the size limit.
#[cold]
pub fn template_too_large(span: Span, path: &str, max: usize) -> Diagnostic {
    Diagnostic::error(
        Code::E0112,
        t!("e0112-large", path = path, max = max),
        span,
        t!("e0112-label"),
    )
    .with_help(t!("e0112-large-help"))
}

/// E0113: a template path that is absolute or leaves the folder of its `.yjs` file.
#[cold]
pub fn template_outside(span: Span, path: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0113,
        t!("e0113", path = path),
        span,
        t!("e0113-label"),
    )
    .with_note(t!("e0113-note"))
    .with_help(t!("e0113-help"))
}

/// E0114: a template of a kind no applicant is handed.
#[cold]
pub fn template_kind(span: Span, path: &str, kinds: &[&str]) -> Diagnostic {
    Diagnostic::error(
        Code::E0114,
        t!("e0114", path = path),
        span,
        t!("e0114-label"),
    )
    .with_help(t!("e0114-help", kinds = kinds.join(", ")))
}

/// E0115: a template on a material fetched by data sharing.
#[cold]
pub fn template_shared(span: Span, material: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0115,
        t!("e0115", material = material),
        span,
        t!("e0115-label", why = t!("e0115-shared")),
    )
    .with_help(t!("e0115-help"))
}

#[cold]
pub fn dead_situation(name: &str, span: Span) -> Diagnostic {
    Diagnostic::warning(
        Code::W0101,
        t!("w0101", name = name),
        span,
        t!("w0101-label"),
    )
    .with_note(t!("w0101-note"))
    .with_help(t!("w0101-help", name = name))
}

/// `when` on a field that cannot be conditional: a list's entry field or a dictionary field.
#[cold]
pub fn when_not_here(span: Span, field: &str, dictionary: bool) -> Diagnostic {
    let (label, help) = if dictionary {
        (t!("e0210-dictionary-label"), t!("e0210-dictionary-help"))
    } else {
        (t!("e0210-list-label"), t!("e0210-list-help"))
    };
    Diagnostic::error(Code::E0210, t!("e0210", field = field), span, label).with_help(help)
}

/// A condition names a field of the form: conditions speak of situations.
#[cold]
pub fn field_in_condition(name: &str, span: Span, def: Span, choice: bool) -> Diagnostic {
    let help = if choice {
        t!("e0211-choice-help", name = name)
    } else {
        t!("e0211-help", name = name)
    };
    Diagnostic::error(
        Code::E0211,
        t!("e0211", name = name),
        span,
        t!("e0211-label"),
    )
    .with_label(def, t!("e0211-def", name = name))
    .with_note(t!("e0211-note"))
    .with_help(help)
}

/// A situation listed in a form with constraints or a `when`: its answer is given as the
/// situation, always and once.
#[cold]
pub fn situation_constrained(name: &str, span: Span, def: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0212,
        t!("e0212", name = name),
        span,
        t!("e0212-label"),
    )
    .with_label(def, t!("e0212-def", name = name))
    .with_note(t!("e0212-note"))
    .with_help(t!("e0212-help", name = name))
}

/// An arm of a limit by situation whose condition names a field (E0312).
#[cold]
pub fn limit_names_field(what: &str, item: &str, name: &str, span: Span, def: Span) -> Diagnostic {
    let what = if what == "legal" {
        t!("limit-legal")
    } else {
        t!("limit-promise")
    };
    Diagnostic::error(
        Code::E0312,
        t!("e0312", what = what, item = item, name = name),
        span,
        t!("e0312-label", name = name),
    )
    .with_label(def, t!("e0312-field"))
    .with_note(t!("e0312-note"))
    .with_help(t!("e0312-help", name = name))
}
