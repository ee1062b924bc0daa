//! Bounded JSON: the nesting limit of what the runtime accepts, and the decoder of what it stored.
//!
//! serde_json refuses to parse text nested deeper than 128 levels, but serializes any depth. A
//! value accepted at 127 levels and wrapped in an event therefore used to be stored and then
//! never read back. Two rules close that gap:
//!
//! - **On input**, a submission or an event may nest at most [`MAX_INPUT_DEPTH`] levels
//!   ([`check_depth`]); deeper input is refused before anything is written.
//! - **On read**, stored JSON is decoded by [`decode_stored`] without serde_json's recursion
//!   limit, after a non-recursive scan has checked that it nests at most [`MAX_STORED_DEPTH`]
//!   levels, so every value an earlier version could have stored still reads back, and a
//!   hostile database cannot exhaust the stack.
//!
//! Every store also decodes what it is about to write before its transaction
//! ([`crate::store`]), so a value that would not read back is never stored.

use std::fmt;

use serde::de::{DeserializeOwned, DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// The deepest nesting a submission or an event (with its output) may have.
pub const MAX_INPUT_DEPTH: usize = 64;

/// The deepest nesting stored JSON may have to be read back: an input at the limit of older
/// versions (128, serde_json's own) plus the record or event around it, with room to spare.
pub const MAX_STORED_DEPTH: usize = 256;

/// The nesting depth of a value: 0 for a scalar, 1 for `[]` or `{}`, and so on (iterative).
pub fn depth(value: &Value) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(value, 0usize)];
    while let Some((v, d)) = stack.pop() {
        match v {
            Value::Array(items) => {
                deepest = deepest.max(d + 1);
                stack.extend(items.iter().map(|i| (i, d + 1)));
            }
            Value::Object(map) => {
                deepest = deepest.max(d + 1);
                stack.extend(map.values().map(|i| (i, d + 1)));
            }
            _ => {}
        }
    }
    deepest
}

/// Refuses a value nested deeper than [`MAX_INPUT_DEPTH`]; returns its depth otherwise.
pub fn check_depth(value: &Value) -> Result<usize, usize> {
    match depth(value) {
        d if d > MAX_INPUT_DEPTH => Err(d),
        d => Ok(d),
    }
}

/// The deepest bracket nesting of JSON text, outside strings (a linear scan, no recursion).
pub fn text_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Decodes stored JSON of any depth up to [`MAX_STORED_DEPTH`]; the error says what is wrong.
pub fn decode_stored<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let d = text_depth(text);
    if d > MAX_STORED_DEPTH {
        return Err(format!(
            "JSON 嵌套 {d} 层，超过可读取的 {MAX_STORED_DEPTH} 层"
        ));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    let value = T::deserialize(&mut de).map_err(|e| format!("JSON：{e}"))?;
    de.end().map_err(|e| format!("JSON：{e}"))?;
    Ok(value)
}

/// Parses JSON text like `serde_json::from_str`, but refuses an object that names a key twice
/// (serde_json keeps the last silently). The error of a repeated key is a data error
/// ([`serde_json::Error::is_data`]) naming the key's pointer; a syntax error is a syntax error.
pub fn parse_strict(text: &str) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Strict(String::new()).deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// A value at a JSON pointer, read with repeated keys refused.
struct Strict(String);

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Strict(format!("{}/{}", self.0, out.len())))? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let at = format!("{}/{}", self.0, key.replace('~', "~0").replace('/', "~1"));
            if out.contains_key(&key) {
                return Err(A::Error::custom(format!("键 {at} 出现了两次")));
            }
            let v = map.next_value_seed(Strict(at))?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize) -> String {
        format!("{}{}", "[".repeat(n), "]".repeat(n))
    }

    #[test]
    fn depth_counts_levels_without_recursion() {
        assert_eq!(depth(&Value::Null), 0);
        assert_eq!(depth(&serde_json::json!({"a": [1, {"b": []}]})), 4);
        let deep: Value = decode_stored(&nested(200)).unwrap_or(Value::Null);
        assert_eq!(depth(&deep), 200);
        assert_eq!(check_depth(&deep), Err(200));
        assert_eq!(text_depth(r#"{"a": "[[[{{", "b": ["\"]"]}"#), 2);
    }

    #[test]
    fn strict_parsing_refuses_a_repeated_key_anywhere() {
        let ok = parse_strict(r#"{"a": [1, {"b": 2.5, "c": null}], "d": "x"}"#);
        assert_eq!(
            ok.ok(),
            Some(serde_json::json!({"a": [1, {"b": 2.5, "c": null}], "d": "x"}))
        );
        let top = parse_strict(r#"{"a": 1, "a": 2}"#);
        assert!(matches!(&top, Err(e) if e.is_data() && e.to_string().contains("/a")));
        let deep = parse_strict(r#"{"s": [{"x/y": 1, "x/y": 1}]}"#);
        assert!(matches!(&deep, Err(e) if e.to_string().contains("/s/0/x~1y")));
        assert!(matches!(parse_strict("{"), Err(e) if !e.is_data()));
        assert!(matches!(parse_strict("{} {}"), Err(e) if !e.is_data()));
    }

    #[test]
    fn stored_json_reads_back_past_serde_jsons_limit_up_to_the_stored_limit() {
        assert!(serde_json::from_str::<Value>(&nested(130)).is_err());
        assert!(decode_stored::<Value>(&nested(130)).is_ok());
        assert!(decode_stored::<Value>(&nested(MAX_STORED_DEPTH)).is_ok());
        let refused = decode_stored::<Value>(&nested(MAX_STORED_DEPTH + 1));
        assert!(matches!(refused, Err(m) if m.contains("257")));
        assert!(decode_stored::<Value>("[] x").is_err());
    }
}
