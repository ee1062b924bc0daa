//! 居民身份证号码 (GB 11643-1999): normalising, checking and converting legacy 15-digit numbers.
//!
//! An 18-character number is a 6-digit address code (GB/T 2260), an 8-digit birth date
//! `YYYYMMDD`, a 3-digit sequence code and an ISO 7064 MOD 11-2 check character (`0`–`9` or `X`).

use std::fmt;

use super::date::CivilDate;
use super::region::{check_region_code, RegionError};

/// ISO 7064 MOD 11-2 weights W_i = 2^(18−i) mod 11 for positions 1–17.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// Check characters for Y = S mod 11 = 0 … 10.
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// Why an ID number is invalid. Checks run in this order and the first failure is reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdCardError {
    /// Not 18 characters (counted as Unicode scalar values).
    Length {
        /// The number of characters given.
        found: usize,
    },
    /// A character that may not stand at this position: digits only, and `X` only at position 18.
    IllegalChar {
        /// 1-based position of the first offending character.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// The address code (positions 1–6) is not structurally valid.
    Address(RegionError),
    /// The birth date (positions 7–14) does not exist.
    BirthDateInvalid {
        /// The eight birth-date digits as given.
        digits: String,
    },
    /// The birth date is after "today".
    BirthDateInFuture {
        /// The birth date.
        date: CivilDate,
    },
    /// The check character (position 18) is wrong.
    CheckChar {
        /// The check character the first 17 digits call for.
        expected: char,
        /// The check character given.
        found: char,
    },
}

impl IdCardError {
    /// A short, stable identifier of the failed check.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Length { .. } => "id_card.length",
            Self::IllegalChar { .. } => "id_card.char",
            Self::Address(_) => "id_card.address",
            Self::BirthDateInvalid { .. } => "id_card.birth_date",
            Self::BirthDateInFuture { .. } => "id_card.birth_date_future",
            Self::CheckChar { .. } => "id_card.check_char",
        }
    }
}

impl fmt::Display for IdCardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Length { found } => {
                write!(f, "身份证号码长度错误：应为 18 位，实际为 {found} 位")
            }
            Self::IllegalChar { position, found } => write!(
                f,
                "身份证号码含非法字符：第 {position} 位为“{found}”，前 17 位只能是数字，第 18 位只能是数字或 X"
            ),
            Self::Address(e) => write!(f, "身份证号码地址码错误：{e}"),
            Self::BirthDateInvalid { digits } => {
                write!(f, "身份证号码出生日期错误：{digits} 不是有效日期")
            }
            Self::BirthDateInFuture { date } => {
                write!(f, "身份证号码出生日期错误：{date} 晚于今天")
            }
            Self::CheckChar { expected, found } => write!(
                f,
                "身份证号码校验码错误：校验码应为 {expected}，实际为 {found}"
            ),
        }
    }
}

impl std::error::Error for IdCardError {}

/// Normalises user input before checking: trims surrounding whitespace and turns `x` into `X`.
///
/// This is a yjs policy, not part of GB 11643. Nothing else is changed, so a wrong number stays wrong.
pub fn normalize_id_card(input: &str) -> String {
    input.trim().replace('x', "X")
}

/// The ISO 7064 MOD 11-2 check character for the first 17 digits, or `None` if `first17` is not
/// exactly 17 ASCII digits.
pub fn id_card_check_char(first17: &str) -> Option<char> {
    let bytes = first17.as_bytes();
    if bytes.len() != 17 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = bytes
        .iter()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK_CHARS.get((sum % 11) as usize).copied()
}

/// Checks an 18-character 居民身份证号码 exactly as given (call [`normalize_id_card`] first).
///
/// In order: length 18; digits at positions 1–17 and a digit or `X` at 18; a structurally valid
/// address code (GB/T 2260 structure only, never membership in the current table); a birth date
/// that exists (leap years included, no lower bound on the year) and is not after `today`; the
/// MOD 11-2 check character. `today` is an input so that the function stays pure.
pub fn check_id_card(number: &str, today: impl Into<CivilDate>) -> Result<(), IdCardError> {
    let chars: Vec<char> = number.chars().collect();
    if chars.len() != 18 {
        return Err(IdCardError::Length { found: chars.len() });
    }
    for (i, &c) in chars.iter().enumerate() {
        let allowed = c.is_ascii_digit() || (i == 17 && c == 'X');
        if !allowed {
            return Err(IdCardError::IllegalChar {
                position: i + 1,
                found: c,
            });
        }
    }
    // From here on the number is 18 ASCII bytes, so byte slicing is safe.
    check_region_code(&number[0..6]).map_err(IdCardError::Address)?;
    let birth = birth_date(&number[6..14]);
    if !birth.is_valid() {
        return Err(IdCardError::BirthDateInvalid {
            digits: number[6..14].to_owned(),
        });
    }
    if birth > today.into() {
        return Err(IdCardError::BirthDateInFuture { date: birth });
    }
    let found = chars[17];
    match id_card_check_char(&number[0..17]) {
        Some(expected) if expected == found => Ok(()),
        Some(expected) => Err(IdCardError::CheckChar { expected, found }),
        // Unreachable after the character check; reported as a character error rather than panicking.
        None => Err(IdCardError::IllegalChar {
            position: 1,
            found: chars[0],
        }),
    }
}

/// Converts a legacy 15-digit number (6-digit address + `YYMMDD` + 3-digit sequence, no check
/// character) into 18 characters by inserting `19` before the year and appending the check character.
///
/// Only length and digits are checked here; run [`check_id_card`] on the result to check the
/// address code and the birth date. Whether an item accepts 15-digit input at all is the item's rule.
pub fn id15_to_18(number: &str) -> Result<String, IdCardError> {
    let chars: Vec<char> = number.chars().collect();
    if chars.len() != 15 {
        return Err(IdCardError::Length { found: chars.len() });
    }
    if let Some((i, &c)) = chars.iter().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        return Err(IdCardError::IllegalChar {
            position: i + 1,
            found: c,
        });
    }
    let first17 = format!("{}19{}", &number[0..6], &number[6..15]);
    match id_card_check_char(&first17) {
        Some(check) => Ok(format!("{first17}{check}")),
        None => Err(IdCardError::Length { found: 15 }),
    }
}

/// Reads `YYYYMMDD` (eight ASCII digits, already checked) into a date that may not exist.
fn birth_date(digits: &str) -> CivilDate {
    let num = |s: &str| {
        s.bytes()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'))
    };
    CivilDate {
        year: i32::try_from(num(&digits[0..4])).unwrap_or(i32::MAX),
        month: num(&digits[4..6]),
        day: num(&digits[6..8]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: (i32, u32, u32) = (2026, 11, 25);

    #[test]
    fn valid_vectors() {
        let cases = [
            "11010519491231002X",
            "440524188001010014",
            "34052419800101001X",
            "370101190102039973",
            "513101198201130014",
            "110105194912310070",
            "110105194912310011",
            "110105200002290013",
        ];
        for number in cases {
            assert_eq!(check_id_card(number, TODAY), Ok(()), "{number}");
        }
    }

    #[test]
    fn lower_case_x_is_valid_only_after_normalising() {
        let raw = "11010519491231002x";
        assert_eq!(normalize_id_card(raw), "11010519491231002X");
        assert_eq!(check_id_card(&normalize_id_card(raw), TODAY), Ok(()));
        assert_eq!(
            check_id_card(&normalize_id_card("  11010519491231002x\t"), TODAY),
            Ok(())
        );
        assert_eq!(
            check_id_card(raw, TODAY).map_err(|e| e.code()),
            Err("id_card.char")
        );
    }

    #[test]
    fn check_sums_match_the_worked_examples() {
        let cases = [
            ("11010519491231002", 'X'),
            ("44052418800101001", '4'),
            ("34052419800101001", 'X'),
            ("37010119010203997", '3'),
            ("51310119820113001", '4'),
            ("11010519491231007", '0'),
            ("11010519491231001", '1'),
        ];
        for (first17, check) in cases {
            assert_eq!(id_card_check_char(first17), Some(check), "{first17}");
        }
        assert_eq!(id_card_check_char("1101051949123100"), None);
        assert_eq!(id_card_check_char("1101051949123100A"), None);
    }

    #[test]
    fn invalid_vectors() {
        let cases = [
            ("110105194912310021", "id_card.check_char"),
            ("11010519491231003X", "id_card.check_char"),
            ("11010519491231002A", "id_card.char"),
            ("1101051949123100X", "id_card.length"),
            ("110105194902300012", "id_card.birth_date"),
            ("110105190002290017", "id_card.birth_date"),
            ("110105194912320017", "id_card.birth_date"),
            ("110105209901010012", "id_card.birth_date_future"),
        ];
        for (number, code) in cases {
            match check_id_card(number, TODAY) {
                Err(e) => assert_eq!(e.code(), code, "{number}: {e}"),
                Ok(()) => panic!("{number} accepted"),
            }
        }
    }

    #[test]
    fn invalid_vectors_with_check_passing_really_pass_the_check() {
        // The date vectors are built so that only the date is wrong.
        for number in [
            "110105194902300012",
            "110105190002290017",
            "110105194912320017",
            "110105209901010012",
        ] {
            let last = number.chars().last();
            assert_eq!(id_card_check_char(&number[0..17]), last, "{number}");
        }
    }

    #[test]
    fn messages_name_the_expected_check_char() {
        let msg = |n: &str| check_id_card(n, TODAY).err().map(|e| e.to_string());
        assert_eq!(
            msg("110105194912310021"),
            Some("身份证号码校验码错误：校验码应为 X，实际为 1".to_owned())
        );
        assert_eq!(
            msg("11010519491231003X"),
            Some("身份证号码校验码错误：校验码应为 8，实际为 X".to_owned())
        );
        assert_eq!(
            msg("1101051949123100X"),
            Some("身份证号码长度错误：应为 18 位，实际为 17 位".to_owned())
        );
        assert_eq!(
            msg("110105209901010012"),
            Some("身份证号码出生日期错误：2099-01-01 晚于今天".to_owned())
        );
    }

    #[test]
    fn birth_date_today_is_allowed_and_tomorrow_is_not() {
        let first17 = "11010520261125001";
        let number = format!("{first17}{}", id_card_check_char(first17).unwrap_or('?'));
        assert_eq!(check_id_card(&number, TODAY), Ok(()));
        assert_eq!(
            check_id_card(&number, (2026, 11, 24)).map_err(|e| e.code()),
            Err("id_card.birth_date_future")
        );
    }

    #[test]
    fn address_code_structure_is_checked() {
        let first17 = "00010519491231002";
        let number = format!("{first17}{}", id_card_check_char(first17).unwrap_or('?'));
        assert_eq!(
            check_id_card(&number, TODAY).map_err(|e| e.code()),
            Err("id_card.address")
        );
    }

    #[test]
    fn odd_input_never_panics() {
        for number in [
            "",
            "中华人民共和国居民身份证号码一二三",
            "１１０１０５１９４９１２３１００２Ｘ",
            "\u{0}",
        ] {
            assert!(check_id_card(number, TODAY).is_err(), "{number}");
            assert!(id15_to_18(number).is_err(), "{number}");
        }
    }

    #[test]
    fn legacy_15_to_18() {
        assert_eq!(
            id15_to_18("110105491231002").as_deref(),
            Ok("11010519491231002X")
        );
        assert_eq!(
            id15_to_18("340524800101001").as_deref(),
            Ok("34052419800101001X")
        );
        assert_eq!(
            id15_to_18("11010549123100").map_err(|e| e.code()),
            Err("id_card.length")
        );
        assert_eq!(
            id15_to_18("11010549123100a").map_err(|e| e.code()),
            Err("id_card.char")
        );
    }
}
