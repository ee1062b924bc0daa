//! Anchored regular expressions for the JSON Schema `pattern` keyword, one per identifier.
//!
//! Every pattern is ECMA-262 compatible (JSON Schema's dialect) and anchored with `^…$`. Digit
//! classes are spelled `[0-9]`, never `\d`: some regex engines (the Rust `regex` crate among them)
//! let `\d` match any Unicode digit, such as full-width `１`.
//!
//! A pattern is a first, structural filter for forms; the check functions in
//! [`crate::validators`] remain the authority (check characters, dates, region structure). Each
//! pattern applies to the **normalised** value (for example an ID number with `X`, not `x`).

/// 居民身份证号码: 17 digits then a digit or `X`. The check character and the birth date are not
/// checked by the pattern; see [`super::check_id_card`].
pub const ID_CARD: &str = "^[0-9]{17}[0-9X]$";

/// 统一社会信用代码: the GB 32100 alphabet (digits and upper-case letters except `I O S V Z`),
/// with digits at positions 3–8. The check character is not checked; see [`super::check_uscc`].
pub const USCC: &str = "^[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}$";

/// 行政区划代码: the full structural rule of [`super::check_region_code`]: a known province, then
/// `0000`, or prefecture digits `01`–`70` or `90` followed by any two digits.
pub const REGION: &str = "^(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])(?:0000|(?:0[1-9]|[1-6][0-9]|70|90)[0-9]{2})$";

/// Mainland mobile number, 11 digits: `1`, then `3`–`9`, then nine digits. Same rule as
/// [`super::check_mobile`].
pub const MOBILE: &str = "^1[3-9][0-9]{9}$";

/// Fixed-line and service telephone numbers. Accepted forms:
/// - landline: area code `0` + 2 or 3 digits (`010`, `021`, `0571`), an optional `-`, a local
///   number of 7 or 8 digits not starting with 0 or 1 (those prefixes are kept for trunk and
///   service codes; unverified as a norm), and an optional extension `-` + 1–6 digits
///   (`010-62345678`, `057187654321`, `0571-8765432-123`);
/// - national toll-free and shared-cost numbers: `400` / `800` + 7 digits, with optional hyphens
///   after the prefix and after the next three digits (`400-123-4567`, `8001234567`);
/// - short service numbers: `1` + 4 digits (government and carrier hotlines such as `12345`,
///   `12315`, `10086`) and `95` / `96` + 3 to 6 digits (`95588`, `96110`).
///
/// Mobile numbers are not accepted here; use [`MOBILE`]. Spaces, brackets and `+86` are not
/// accepted: normalise them away first.
pub const PHONE: &str = "^(?:0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}(?:-[0-9]{1,6})?|[48]00-?[0-9]{3}-?[0-9]{4}|1[0-9]{4}|9[56][0-9]{3,6})$";

/// E-mail address: the WHATWG HTML "valid e-mail address" rule (ASCII only), except that the
/// domain must contain at least one dot.
pub const EMAIL: &str = "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$";

/// Text and files: at least one character that is not blank (`\S` reads as ECMAScript's
/// white space, so U+3000 and U+FEFF are blank too).
pub const NOT_BLANK: &str = "\\S";

/// Every pattern by the name a field type uses for it, in a fixed order.
pub const ALL: [(&str, &str); 6] = [
    ("id_card", ID_CARD),
    ("uscc", USCC),
    ("region", REGION),
    ("mobile", MOBILE),
    ("phone", PHONE),
    ("email", EMAIL),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_anchored_and_avoid_unicode_digit_classes() {
        for (name, pattern) in ALL {
            assert!(pattern.starts_with('^') && pattern.ends_with('$'), "{name}");
            assert!(!pattern.contains("\\d"), "{name}");
        }
    }

    #[test]
    fn region_pattern_lists_exactly_the_known_provinces() {
        // Expand the alternation by hand to keep it in step with PROVINCES.
        let mut listed = Vec::new();
        for (tens, units) in [
            ('1', "12345"),
            ('2', "123"),
            ('3', "1234567"),
            ('4', "123456"),
            ('5', "01234"),
            ('6', "12345"),
            ('7', "1"),
            ('8', "12"),
        ] {
            for u in units.chars() {
                listed.push(format!("{tens}{u}"));
            }
        }
        let expected: Vec<String> = super::super::region::PROVINCES
            .iter()
            .map(|p| (*p).to_owned())
            .collect();
        assert_eq!(listed, expected);
    }
}
