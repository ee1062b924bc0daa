//! Names in `plan.bpmn`: yjs identifiers as XML ids (NCNames) and as FEEL names, mapped
//! deterministically where they are not valid as they stand (spec/bpmn.md, "Identifiers").
//!
//! A yjs identifier is Unicode XID text (`XID_Start | _` then `XID_Continue | _`), so it never
//! holds `-` or `.`. Almost every one is already an NCName; the exceptions are the few XID
//! characters that XML's name productions leave out (`ª`, `µ`, `º`, …). Those are escaped as
//! `-HEX-` behind a leading `_`, which no unmapped identifier can produce: the mapping is
//! injective and a mapped id never equals an unmapped one. Generated elements (gateways,
//! timers, flows) are named `BASE-ROLE`, which no identifier can equal either.

use std::collections::BTreeSet;

/// FEEL's reserved words: a variable or a context key with one of these names cannot be
/// written as a plain name in an expression.
pub const FEEL_RESERVED: &[&str] = &[
    "and",
    "between",
    "else",
    "every",
    "external",
    "false",
    "for",
    "function",
    "if",
    "in",
    "instance",
    "not",
    "null",
    "of",
    "or",
    "return",
    "satisfies",
    "some",
    "then",
    "true",
];

/// The process variables `plan.bpmn` reads besides the situations' answers.
pub const OWN_VARIABLES: &[&str] = &["packets", "dueDates", "warnDates"];

/// Whether `c` may start an XML name (XML 1.0 fifth edition, `NameStartChar` without `:`).
fn is_name_start(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// Whether `c` may continue an XML name (`NameChar` without `:`).
fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c,
            '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// Whether `s` is an XML NCName.
pub fn is_ncname(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// The XML id of a yjs identifier: itself when it is an NCName, else `_` followed by the
/// identifier with every character that may not continue a name written as `-HEX-`
/// (upper-case hexadecimal code point): `µg` becomes `_-B5-g`.
pub fn xml_id(id: &str) -> String {
    if is_ncname(id) {
        return id.to_string();
    }
    let mut out = String::with_capacity(id.len() + 8);
    out.push('_');
    for c in id.chars() {
        if is_name_char(c) && c != '-' && c != '.' {
            out.push(c);
        } else {
            out.push_str(&format!("-{:X}-", u32::from(c)));
        }
    }
    out
}

/// Whether `s` can be written as a plain FEEL name: an NCName without `-` or `.` that is not
/// a reserved word.
fn is_plain_feel_name(s: &str) -> bool {
    is_ncname(s) && !s.contains(['-', '.']) && !FEEL_RESERVED.contains(&s)
}

/// A FEEL expression reading the entry `key` of the context variable `context`:
/// `dueDates.hukou`, or `get value(dueDates, "for")` when the key is not a plain FEEL name.
pub fn feel_entry(context: &str, key: &str) -> String {
    if is_plain_feel_name(key) {
        format!("{context}.{key}")
    } else {
        format!("get value({context}, {})", feel_string(key))
    }
}

/// A FEEL string literal.
pub fn feel_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The process variable of each situation, in the order given: the situation id itself when
/// it is a plain FEEL name and not one of [`OWN_VARIABLES`]; otherwise the id with every
/// character a FEEL name may not hold replaced by `_` (and `_` in front when it may not start
/// one), then `_` appended until the name is free — no reserved word, no own variable, no
/// other situation's id or variable.
pub fn situation_variables<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<(String, String)> {
    let ids: Vec<&str> = ids.into_iter().collect();
    let mut taken: BTreeSet<String> = FEEL_RESERVED
        .iter()
        .chain(OWN_VARIABLES)
        .map(|s| (*s).to_string())
        .collect();
    taken.extend(ids.iter().map(|s| (*s).to_string()));
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let plain = is_plain_feel_name(id) && !OWN_VARIABLES.contains(&id);
        let name = if plain {
            id.to_string()
        } else {
            let mut name: String = id
                .chars()
                .map(|c| {
                    if is_name_char(c) && c != '-' && c != '.' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            if !name.chars().next().is_some_and(is_name_start) {
                name.insert(0, '_');
            }
            while taken.contains(&name) {
                name.push('_');
            }
            taken.insert(name.clone());
            name
        };
        out.push((id.to_string(), name));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ncnames_stay_as_they_are() {
        for id in [
            "newborn",
            "hukou",
            "_x",
            "出生登记",
            "a1",
            "caf\u{e9}",
            "x\u{b7}y",
        ] {
            assert!(is_ncname(id), "{id}");
            assert_eq!(xml_id(id), id);
        }
    }

    #[test]
    fn other_identifiers_are_escaped_injectively() {
        assert!(!is_ncname("µg") && !is_ncname("ª") && !is_ncname("") && !is_ncname("1a"));
        assert_eq!(xml_id("µg"), "_-B5-g");
        assert_eq!(
            xml_id("_µg"),
            "__-B5-g",
            "a leading `_` is kept, not merged"
        );
        assert_eq!(xml_id("aº"), "_a-BA-");
        for id in ["µg", "_µg", "aº", "ª"] {
            let mapped = xml_id(id);
            assert!(is_ncname(&mapped), "{mapped}");
            assert!(
                mapped.contains('-'),
                "a mapped id never equals an identifier"
            );
        }
    }

    #[test]
    fn context_entries_use_a_path_or_get_value() {
        assert_eq!(feel_entry("dueDates", "hukou"), "dueDates.hukou");
        assert_eq!(feel_entry("dueDates", "出生登记"), "dueDates.出生登记");
        assert_eq!(
            feel_entry("dueDates", "for"),
            "get value(dueDates, \"for\")"
        );
        assert_eq!(feel_entry("packets", "µg"), "get value(packets, \"µg\")");
        assert_eq!(feel_string("a\"b\\"), "\"a\\\"b\\\\\"");
    }

    #[test]
    fn situation_variables_avoid_reserved_words_and_each_other() {
        let vars = situation_variables(["settle", "in", "in_", "packets", "µg", "not"]);
        let names: Vec<&str> = vars.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(names, ["settle", "in__", "in_", "packets_", "_g", "not_"]);
        let again = situation_variables(["settle", "in", "in_", "packets", "µg", "not"]);
        assert_eq!(vars, again, "the mapping is deterministic");
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
    }
}
