//! Diagnostic texts as message ids with named arguments, resolved from the Fluent catalogs in `compiler/locales`.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::fmt;
use std::sync::OnceLock;

/// The language diagnostics and command-line messages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language tag: `en` or `zh`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// `zh`/`en` (also `zh-CN`, `zh_CN.UTF-8`, `en_US`, …); `None` for anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        let base = s.split(['_', '-', '.', '@']).next().unwrap_or("");
        match base.to_ascii_lowercase().as_str() {
            "zh" => Some(Lang::Zh),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of a POSIX locale environment: the first set of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` decides (as in gettext); `zh_*` gives Chinese, anything else English.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| var(k).filter(|v| !v.is_empty()))
            .map(|v| Lang::parse(&v).unwrap_or(Lang::En))
            .next()
            .unwrap_or(Lang::En)
    }

    /// The language of this process's locale environment.
    pub fn from_env() -> Lang {
        Lang::from_locale(|k| std::env::var(k).ok())
    }
}

/// The catalog sources of one language, in load order.
pub fn catalog_sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => &[
            (
                "en/diagnostics.ftl",
                include_str!("../../locales/en/diagnostics.ftl"),
            ),
            ("en/cli.ftl", include_str!("../../locales/en/cli.ftl")),
        ],
        Lang::Zh => &[
            (
                "zh/diagnostics.ftl",
                include_str!("../../locales/zh/diagnostics.ftl"),
            ),
            ("zh/cli.ftl", include_str!("../../locales/zh/cli.ftl")),
        ],
    }
}

/// The message ids of the catalogs of `lang`, sorted, or the syntax errors found in them.
pub fn catalog_ids(lang: Lang) -> Result<Vec<String>, Vec<String>> {
    let mut ids = Vec::new();
    let mut errors = Vec::new();
    for (name, src) in catalog_sources(lang) {
        match fluent_syntax::parser::parse(*src) {
            Ok(res) => ids.extend(res.body.iter().filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })),
            Err((_, errs)) => errors.extend(errs.iter().map(|e| format!("{name}: {e:?}"))),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    ids.sort();
    Ok(ids)
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static ZH: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    };
    cell.get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
        let mut b = FluentBundle::new_concurrent(vec![id]);
        // Isolation marks (U+2068/U+2069) would end up in terminals, JSON and snapshots.
        b.set_use_isolating(false);
        for (_, src) in catalog_sources(lang) {
            // The catalogs are checked by tests (tests/i18n.rs); a broken entry is skipped.
            let res = FluentResource::try_new((*src).to_string()).unwrap_or_else(|(r, _)| r);
            let _ = b.add_resource(res);
        }
        b
    })
}

/// Whether the catalog of `lang` has message `id`.
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// Formats catalog message `id` with string arguments; a missing message falls back to English,
/// then to the id itself (tests keep both catalogs complete).
pub fn message(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        fa.set(*k, FluentValue::from(v.as_str()));
    }
    format_in(lang, id, &fa)
        .or_else(|| format_in(Lang::En, id, &fa))
        .unwrap_or_else(|| id.to_string())
}

fn format_in(lang: Lang, id: &str, args: &FluentArgs) -> Option<String> {
    let b = bundle(lang);
    let pattern = b.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let s = b.format_pattern(pattern, Some(args), &mut errors);
    Some(s.into_owned())
}

/// One argument of a text: plain (names, numbers, source excerpts) or itself a text to translate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Written as is in every language.
    Plain(String),
    /// Resolved in the chosen language.
    Text(Text),
}

macro_rules! plain_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Arg::Plain(v.to_string())
            }
        }
    )*};
}
plain_from!(String, &str, &String, char, usize, u32, u64, i64, u8);

impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Arg::Text(t)
    }
}

/// A diagnostic text: a catalog message id with named arguments, or raw text (the escape hatch
/// for code not yet translated; `tests/i18n.rs` reports every raw text of a registered code).
/// The English rendering is made on first reading and kept, so programs and tests can read a
/// text as a string. It is lazy because most texts are never read: the checker names every
/// item ("item `x` (dept)") in case a diagnostic cites it, and a clean build cites none, so it
/// never loads the message catalogs at all.
#[derive(Debug, Clone)]
pub struct Text {
    id: Option<&'static str>,
    args: Vec<(&'static str, Arg)>,
    en: OnceLock<String>,
}

impl Text {
    /// Message `id` of the catalogs with its arguments.
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Text {
        Text {
            id: Some(id),
            args,
            en: OnceLock::new(),
        }
    }

    /// Text that is the same in every language (not from the catalogs).
    pub fn raw(s: impl Into<String>) -> Text {
        Text {
            id: None,
            args: Vec::new(),
            en: OnceLock::from(s.into()),
        }
    }

    /// The English text, rendered on first use.
    fn en(&self) -> &str {
        self.en.get_or_init(|| self.render(Lang::En))
    }

    /// The message id, `None` for raw text.
    pub fn id(&self) -> Option<&'static str> {
        self.id
    }

    /// Every message id this text uses, its arguments' included.
    pub fn ids(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = self.id.into_iter().collect();
        for (_, a) in &self.args {
            if let Arg::Text(t) = a {
                out.extend(t.ids());
            }
        }
        out
    }

    /// Whether this text or one of its arguments is raw.
    pub fn has_raw(&self) -> bool {
        self.id.is_none()
            || self.args.iter().any(|(_, a)| match a {
                Arg::Text(t) => t.has_raw(),
                Arg::Plain(_) => false,
            })
    }

    /// The text in `lang`.
    pub fn resolve(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en().to_string(),
            _ => self.render(lang),
        }
    }

    /// The text rendered from the catalog of `lang` (raw text as it is).
    fn render(&self, lang: Lang) -> String {
        let Some(id) = self.id else {
            return self.en().to_string();
        };
        let args: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(k, a)| {
                let v = match a {
                    Arg::Plain(s) => s.clone(),
                    Arg::Text(t) => t.resolve(lang),
                };
                (*k, v)
            })
            .collect();
        message(lang, id, &args)
    }

    /// The English text.
    pub fn as_str(&self) -> &str {
        self.en()
    }
}

/// Two texts are equal when they say the same: the same message with the same arguments, or
/// the same raw text (whether or not either was rendered yet).
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.id == other.id
            && self.args == other.args
            && (self.id.is_some() || self.en() == other.en())
    }
}

impl Eq for Text {}

/// Reads as the English text, so programs can search and compare it like a string.
impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.en()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.en())
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.en() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.en() == *other
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::raw(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::raw(s)
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Self {
        Text::raw(s.clone())
    }
}

/// A catalog text: `t!("e0104", name = name)`.
macro_rules! t {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::diagnostics::Text::new(
            $id,
            vec![$((stringify!($k), ::core::convert::Into::<$crate::diagnostics::Arg>::into($v))),*],
        )
    };
}

pub(crate) use t;
