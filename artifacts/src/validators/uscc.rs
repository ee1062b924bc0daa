//! 统一社会信用代码 (GB 32100-2015): the mod-31 check, with the GB 11714 organisation-code check as a warning.
//!
//! Structure: 1 登记管理部门, 2 机构类别, 3–8 登记管理机关行政区划码, 9–17 主体标识码 (the
//! 组织机构代码 of GB 11714), 18 check character.

use std::fmt;

use super::region::{check_region_code, RegionError};

/// The GB 32100 alphabet; a character's value is its index (0–30). `I O Z S V` never occur.
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Mod-31 weights W_i = 3^(i−1) mod 31 for positions 1–17.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// GB 11714 weights for the first 8 characters of the organisation code.
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// The region code used by central-level registrations (unverified), allowed besides GB/T 2260 codes.
const CENTRAL_REGION: &str = "100000";

/// What a valid code carries besides being valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsccInfo {
    /// Set when the GB 11714 check on characters 9–17 fails. This is a warning only: the main check passed.
    pub org_code_warning: Option<OrgCodeWarning>,
}

/// The GB 11714 organisation-code check character (position 17 of the USCC) does not match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgCodeWarning {
    /// The check character characters 9–16 call for.
    pub expected: char,
    /// The character at position 17.
    pub found: char,
}

impl OrgCodeWarning {
    /// A short, stable identifier of the warning.
    pub fn code(&self) -> &'static str {
        "uscc.org_code_check"
    }
}

impl fmt::Display for OrgCodeWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "统一社会信用代码第 9–17 位（组织机构代码）校验码不符：校验码应为 {}，实际为 {}（仅提示，请核对）",
            self.expected, self.found
        )
    }
}

/// Why a USCC is invalid. Checks run in this order and the first failure is reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsccError {
    /// Not 18 characters.
    Length {
        /// The number of characters given.
        found: usize,
    },
    /// Positions 3–8 (the region code) hold a character that is not a digit.
    RegionNotDigits {
        /// 1-based position of the first offending character.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// A character outside the GB 32100 alphabet `0-9 A-H J-N P-R T U W-Y`.
    IllegalChar {
        /// 1-based position of the first offending character.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// Positions 3–8 are digits but not a structurally valid region code (nor `100000`).
    Region(RegionError),
    /// The check character (position 18) is wrong.
    CheckChar {
        /// The check character the first 17 characters call for.
        expected: char,
        /// The check character given.
        found: char,
    },
}

impl UsccError {
    /// A short, stable identifier of the failed check.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Length { .. } => "uscc.length",
            Self::RegionNotDigits { .. } => "uscc.region_digits",
            Self::IllegalChar { .. } => "uscc.char",
            Self::Region(_) => "uscc.region",
            Self::CheckChar { .. } => "uscc.check_char",
        }
    }
}

impl fmt::Display for UsccError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Length { found } => {
                write!(f, "统一社会信用代码长度错误：应为 18 位，实际为 {found} 位")
            }
            Self::RegionNotDigits { position, found } => write!(
                f,
                "统一社会信用代码行政区划码错误：第 3–8 位应为数字，第 {position} 位为“{found}”"
            ),
            Self::IllegalChar { position, found } => write!(
                f,
                "统一社会信用代码含非法字符：第 {position} 位为“{found}”，只能使用数字和除 I、O、S、V、Z 以外的大写字母"
            ),
            Self::Region(e) => write!(f, "统一社会信用代码行政区划码错误：{e}"),
            Self::CheckChar { expected, found } => write!(
                f,
                "统一社会信用代码校验码错误：校验码应为 {expected}，实际为 {found}"
            ),
        }
    }
}

impl std::error::Error for UsccError {}

/// Normalises user input before checking: trims surrounding whitespace and upper-cases ASCII letters.
///
/// This is a yjs policy, not part of GB 32100.
pub fn normalize_uscc(input: &str) -> String {
    input.trim().to_ascii_uppercase()
}

/// Checks an 18-character 统一社会信用代码 exactly as given (call [`normalize_uscc`] first).
///
/// In order: length 18; digits at positions 3–8; every character in the GB 32100 alphabet; a
/// structurally valid region code at 3–8 (GB/T 2260 structure, or `100000` for central-level
/// registrations); the mod-31 check character. The GB 11714 check on characters 9–17 (letters
/// valued A = 10 … Z = 35, a different table from the main check) is returned as a warning.
pub fn check_uscc(code: &str) -> Result<UsccInfo, UsccError> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Err(UsccError::Length { found: chars.len() });
    }
    if let Some((i, &c)) = chars
        .iter()
        .enumerate()
        .take(8)
        .skip(2)
        .find(|(_, c)| !c.is_ascii_digit())
    {
        return Err(UsccError::RegionNotDigits {
            position: i + 1,
            found: c,
        });
    }
    let mut values = [0u32; 18];
    for (i, &c) in chars.iter().enumerate() {
        match (gb32100_value(c), values.get_mut(i)) {
            (Some(v), Some(slot)) => *slot = v,
            _ => {
                return Err(UsccError::IllegalChar {
                    position: i + 1,
                    found: c,
                })
            }
        }
    }
    // All 18 characters are ASCII now, so byte slicing is safe.
    let region = &code[2..8];
    if region != CENTRAL_REGION {
        check_region_code(region).map_err(UsccError::Region)?;
    }
    let sum: u32 = values.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    let expected = match 31 - sum % 31 {
        31 => '0',
        n => ALPHABET.chars().nth(n as usize).unwrap_or('?'),
    };
    let found = chars[17];
    if expected != found {
        return Err(UsccError::CheckChar { expected, found });
    }
    Ok(UsccInfo {
        org_code_warning: org_code_warning(&chars[8..17]),
    })
}

/// The GB 32100 value of a character (0–30), or `None` outside the alphabet.
fn gb32100_value(c: char) -> Option<u32> {
    ALPHABET
        .chars()
        .position(|a| a == c)
        .and_then(|p| u32::try_from(p).ok())
}

/// The GB 11714 value of a character: digits 0–9, letters A = 10 … Z = 35 over the full alphabet.
fn gb11714_value(c: char) -> Option<u32> {
    c.to_digit(36).filter(|_| !c.is_ascii_lowercase())
}

/// Runs the GB 11714 check on the 9-character organisation code and reports a mismatch.
fn org_code_warning(org: &[char]) -> Option<OrgCodeWarning> {
    let (body, check) = (org.get(0..8)?, *org.get(8)?);
    let mut sum = 0;
    for (&c, w) in body.iter().zip(ORG_WEIGHTS) {
        sum += gb11714_value(c)? * w;
    }
    let expected = match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10)?,
    };
    (expected != check).then_some(OrgCodeWarning {
        expected,
        found: check,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_vectors() {
        let cases = [
            "91512081MA62K0260E",
            "91350100M000100Y43",
            "914403001922038216",
            "91110108MA01ABCD5T",
            "92110105MA0000007H",
            "52110000500000007X",
            "1210000040000000XN",
            "91110108MA00000070",
        ];
        for code in cases {
            assert_eq!(
                check_uscc(code),
                Ok(UsccInfo {
                    org_code_warning: None
                }),
                "{code}"
            );
        }
    }

    #[test]
    fn warning_only_vector() {
        let info = check_uscc("91110108MA01ABCD1E");
        let warning = OrgCodeWarning {
            expected: '5',
            found: '1',
        };
        assert_eq!(
            info,
            Ok(UsccInfo {
                org_code_warning: Some(warning)
            })
        );
        assert_eq!(warning.code(), "uscc.org_code_check");
        assert!(warning.to_string().contains("校验码应为 5"));
    }

    #[test]
    fn invalid_vectors() {
        let cases = [
            ("91310115MA1G4L1WXK", "uscc.check_char"),
            ("91512081MA62K0260F", "uscc.check_char"),
            ("91512081MA62K0260I", "uscc.char"),
            ("91512081MA62K026OE", "uscc.char"),
            ("9151208IMA62K0260E", "uscc.region_digits"),
            ("91512081MA62K0260", "uscc.length"),
        ];
        for (code, expected) in cases {
            match check_uscc(code) {
                Err(e) => assert_eq!(e.code(), expected, "{code}: {e}"),
                Ok(info) => panic!("{code} accepted: {info:?}"),
            }
        }
    }

    #[test]
    fn messages_name_the_expected_check_char() {
        let msg = |c: &str| check_uscc(c).err().map(|e| e.to_string());
        assert_eq!(
            msg("91310115MA1G4L1WXK"),
            Some("统一社会信用代码校验码错误：校验码应为 7，实际为 K".to_owned())
        );
        assert_eq!(
            msg("91512081MA62K0260F"),
            Some("统一社会信用代码校验码错误：校验码应为 E，实际为 F".to_owned())
        );
        assert_eq!(
            msg("9151208IMA62K0260E"),
            Some("统一社会信用代码行政区划码错误：第 3–8 位应为数字，第 8 位为“I”".to_owned())
        );
    }

    #[test]
    fn the_two_letter_tables_differ() {
        assert_eq!(gb32100_value('M'), Some(21));
        assert_eq!(gb11714_value('M'), Some(22));
        assert_eq!(gb32100_value('X'), Some(29));
        assert_eq!(gb11714_value('X'), Some(33));
        assert_eq!(gb32100_value('I'), None);
        assert_eq!(gb11714_value('I'), Some(18));
        assert_eq!(gb11714_value('m'), None);
    }

    #[test]
    fn region_structure_is_checked_and_central_code_allowed() {
        // 1210000040000000XN uses 100000, which is not a GB/T 2260 province.
        assert!(check_uscc("1210000040000000XN").is_ok());
        // 990000 is not a province: build a code with a correct check character so only the region fails.
        let code = with_check("91990000MA0000007");
        assert_eq!(check_uscc(&code).map_err(|e| e.code()), Err("uscc.region"));
    }

    #[test]
    fn normalising_upper_cases_and_trims() {
        assert_eq!(normalize_uscc(" 91512081ma62k0260e "), "91512081MA62K0260E");
        assert!(check_uscc(&normalize_uscc(" 91512081ma62k0260e ")).is_ok());
    }

    #[test]
    fn odd_input_never_panics() {
        for code in [
            "",
            "统一社会信用代码统一社会信用代码统一社",
            "９１５１２０８１ＭＡ６２Ｋ０２６０Ｅ",
        ] {
            assert!(check_uscc(code).is_err(), "{code}");
        }
    }

    /// Appends the correct mod-31 check character to 17 valid characters.
    fn with_check(first17: &str) -> String {
        let sum: u32 = first17
            .chars()
            .zip(WEIGHTS)
            .map(|(c, w)| gb32100_value(c).unwrap_or(0) * w)
            .sum();
        let check = match 31 - sum % 31 {
            31 => '0',
            n => ALPHABET.chars().nth(n as usize).unwrap_or('?'),
        };
        format!("{first17}{check}")
    }
}
