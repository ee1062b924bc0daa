//! The one registry of diagnostic codes; each code has `spec/errors/CODE.md`, which `yjs explain` prints.

use serde::Serialize;
use std::fmt;

/// A diagnostic code such as `E0101`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Code(pub &'static str);

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

macro_rules! codes {
    ($($name:ident => $title:literal,)*) => {
        impl Code {
            $(
                #[doc = $title]
                pub const $name: Code = Code(stringify!($name));
            )*
        }

        /// Every code with its title and explanation, in registry order.
        pub const ALL_CODES: &[(Code, &str, &str)] = &[
            $((Code::$name, $title, include_str!(concat!("../../../spec/errors/", stringify!($name), ".md"))),)*
        ];
    };
}

codes! {
    I0001 => "internal error",
    E0001 => "syntax error",
    E0002 => "source file too large",
    E0003 => "source file is not valid UTF-8",
    E0004 => "control character in source",
    E0005 => "unterminated string",
    E0006 => "unterminated block comment",
    E0007 => "unbalanced delimiter",
    E0008 => "nesting too deep",
    E0009 => "invalid escape in a string",
    E0010 => "unknown attribute",
    E0011 => "invalid attribute value",
    E0012 => "statement given twice",
    E0013 => "invalid number",
    E0014 => "malformed field entry",
    E0019 => "condition nested too deeply",
    E0020 => "limit by situation out of shape",
    E0021 => "matter promise by situation",
    E0025 => "condition on a constraint other than `required`",
    E0101 => "cannot load a used file",
    E0102 => "use cycle",
    E0103 => "duplicate definition",
    E0104 => "unknown name",
    E0105 => "wrong kind of reference",
    E0106 => "unknown field type",
    E0107 => "ill-typed condition",
    E0108 => "missing statement",
    E0110 => "an optional item's question is named like a situation",
    E0111 => "optional item without its question",
    E0112 => "template file cannot be read",
    E0113 => "template path outside the folder of its file",
    E0114 => "template of a kind no applicant can open",
    E0115 => "template on a material the applicant does not submit",
    E0116 => "fee by situation of the wrong shape",
    E0117 => "two arms of a fee by situation apply together",
    W0101 => "situation that changes nothing",
    W0110 => "skipped while searching a folder",
    E0201 => "constraint does not fit the field type",
    E0202 => "invalid constraint value",
    E0203 => "default is not a value of the field type",
    E0204 => "merged bounds allow no value",
    E0205 => "conflicting defaults",
    E0206 => "local field clashes with a shared field",
    E0207 => "pattern a browser refuses",
    E0208 => "two parts of the merged form share a name",
    E0209 => "default the field's own constraints refuse",
    E0210 => "`when` on a field that cannot be conditional",
    E0211 => "field named in a condition",
    E0212 => "constraint on a situation listed in a form",
    E0215 => "message after something a value cannot fail",
    E0216 => "empty message",
    E0217 => "more than one message on a constraint",
    E0218 => "patterns no text satisfies",
    W0201 => "same local field in two items",
    W0202 => "unused shared field",
    W0203 => "local field shadows a shared field",
    W0210 => "list minimum where the list is optional",
    E0301 => "flow edge from an item to itself",
    E0302 => "cycle in the flow",
    E0303 => "reused output not ordered by the flow",
    E0304 => "reused output may be missing in some scenario",
    E0305 => "promise exceeds the legal limit",
    E0306 => "worst case exceeds the matter's promise",
    E0307 => "joint handling exceeds 45 (+15) working days",
    E0308 => "rules exclude every combination of answers",
    E0310 => "limit by situation without `otherwise`",
    E0311 => "arms of a limit overlap",
    E0312 => "limit depends on something other than a situation",
    E0320 => "wait step not in days or working days",
    W0301 => "item without a legal limit",
    W0302 => "joint handling needs an extension",
    W0303 => "limits in different units cannot be compared statically",
    W0304 => "item that the rules exclude",
    W0320 => "wait step without the basis of its duration",
    W0321 => "`roll_forward` on a wait counted in working days",
    E0401 => "analyst's remark in a printed text",
    W0401 => "legal limit without a source",
    W0402 => "fee without a source",
    W0403 => "catalogue code without a source",
    E0410 => "merging makes a 改革成效 figure worse",
    W0410 => "acknowledged 改革成效 figure is not worse",
}

/// The explanation text of a code, e.g. for `yjs explain E0101`.
pub fn explanation(code: &str) -> Option<(Code, &'static str, &'static str)> {
    let wanted = code.trim().to_ascii_uppercase();
    ALL_CODES.iter().copied().find(|(c, _, _)| c.0 == wanted)
}

/// The explanation of a code in `lang` (the English page when no translation exists yet).
pub fn explanation_in(code: &str, lang: super::Lang) -> Option<(Code, &'static str, &'static str)> {
    let (c, title, en) = explanation(code)?;
    let text = match lang {
        super::Lang::En => en,
        super::Lang::Zh => ZH_EXPLANATIONS
            .iter()
            .find(|(z, _)| *z == c)
            .map_or(en, |(_, t)| *t),
    };
    Some((c, title, text))
}

macro_rules! zh_explanations {
    ($($name:ident,)*) => {
        /// The Chinese explanations, `spec/errors/zh/CODE.md`; `tests/explain.rs` checks that every
        /// code of the registry has one whose example produces that code.
        pub const ZH_EXPLANATIONS: &[(Code, &str)] = &[
            $((Code::$name, include_str!(concat!("../../../spec/errors/zh/", stringify!($name), ".md"))),)*
        ];
    };
}

zh_explanations! {
    I0001,
    E0001,
    E0002,
    E0003,
    E0004,
    E0005,
    E0006,
    E0007,
    E0008,
    E0009,
    E0010,
    E0011,
    E0012,
    E0013,
    E0014,
    E0019,
    E0020,
    E0021,
    E0025,
    E0101,
    E0102,
    E0103,
    E0104,
    E0105,
    E0106,
    E0107,
    E0108,
    E0110,
    E0111,
    E0112,
    E0113,
    E0114,
    E0115,
    E0116,
    E0117,
    W0101,
    W0110,
    E0201,
    E0202,
    E0203,
    E0204,
    E0205,
    E0206,
    E0207,
    E0208,
    E0209,
    E0210,
    E0211,
    E0212,
    E0215,
    E0216,
    E0217,
    E0218,
    W0201,
    W0202,
    W0203,
    W0210,
    E0301,
    E0302,
    E0303,
    E0304,
    E0305,
    E0306,
    E0307,
    E0308,
    E0310,
    E0311,
    E0312,
    E0320,
    W0301,
    W0302,
    W0303,
    W0304,
    W0320,
    W0321,
    E0401,
    W0401,
    W0402,
    W0403,
    E0410,
    W0410,
}
