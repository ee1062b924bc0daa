//! Mainland mobile numbers: 11 digits matching `^1[3-9][0-9]{9}$` (a yjs structural rule).
//!
//! Which prefixes are actually allocated changes over time and is not checked.

use std::fmt;

/// Why a mobile number is invalid. Checks run in this order and the first failure is reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MobileError {
    /// A character that is not an ASCII digit.
    IllegalChar {
        /// 1-based position of the first offending character.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// Not 11 digits.
    Length {
        /// The number of digits given.
        found: usize,
    },
    /// The first digit is not 1.
    FirstDigit {
        /// The first digit given.
        found: char,
    },
    /// The second digit is not 3–9.
    SecondDigit {
        /// The second digit given.
        found: char,
    },
}

impl MobileError {
    /// A short, stable identifier of the failed check.
    pub fn code(&self) -> &'static str {
        match self {
            Self::IllegalChar { .. } => "mobile.char",
            Self::Length { .. } => "mobile.length",
            Self::FirstDigit { .. } => "mobile.first_digit",
            Self::SecondDigit { .. } => "mobile.second_digit",
        }
    }
}

impl fmt::Display for MobileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::IllegalChar { position, found } => write!(
                f,
                "手机号码含非法字符：第 {position} 位为“{found}”，只能是数字"
            ),
            Self::Length { found } => {
                write!(f, "手机号码长度错误：应为 11 位，实际为 {found} 位")
            }
            Self::FirstDigit { found } => {
                write!(f, "手机号码首位错误：应为 1，实际为 {found}")
            }
            Self::SecondDigit { found } => {
                write!(f, "手机号码第 2 位错误：应为 3–9，实际为 {found}")
            }
        }
    }
}

impl std::error::Error for MobileError {}

/// Normalises user input before checking (a yjs policy, unverified as a norm): trims, removes
/// spaces and hyphens anywhere, then removes one leading `+86` or `0086` country prefix.
pub fn normalize_mobile(input: &str) -> String {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    for prefix in ["+86", "0086"] {
        if let Some(rest) = compact.strip_prefix(prefix) {
            return rest.to_owned();
        }
    }
    compact
}

/// Checks a mobile number exactly as given (call [`normalize_mobile`] first): only ASCII digits,
/// 11 of them, the first `1`, the second `3`–`9`.
pub fn check_mobile(number: &str) -> Result<(), MobileError> {
    if let Some((i, c)) = number
        .chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii_digit())
    {
        return Err(MobileError::IllegalChar {
            position: i + 1,
            found: c,
        });
    }
    let digits: Vec<char> = number.chars().collect();
    if digits.len() != 11 {
        return Err(MobileError::Length {
            found: digits.len(),
        });
    }
    match (digits[0], digits[1]) {
        ('1', '3'..='9') => Ok(()),
        ('1', second) => Err(MobileError::SecondDigit { found: second }),
        (first, _) => Err(MobileError::FirstDigit { found: first }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_vectors() {
        for number in ["13800138000", "19912345678", "16612345678", "14512345678"] {
            assert_eq!(check_mobile(number), Ok(()), "{number}");
        }
    }

    #[test]
    fn invalid_vectors() {
        let cases = [
            ("12012345678", "mobile.second_digit"),
            ("10012345678", "mobile.second_digit"),
            ("1380013800", "mobile.length"),
            ("138001380000", "mobile.length"),
            ("23800138000", "mobile.first_digit"),
            ("+8613800138000", "mobile.char"),
            ("138-0013-8000", "mobile.char"),
            ("", "mobile.length"),
            ("１３８００１３８０００", "mobile.char"),
        ];
        for (number, code) in cases {
            match check_mobile(number) {
                Err(e) => assert_eq!(e.code(), code, "{number}: {e}"),
                Ok(()) => panic!("{number} accepted"),
            }
        }
    }

    #[test]
    fn valid_after_normalising() {
        for raw in [
            "+8613800138000",
            "138-0013-8000",
            "0086 138 0013 8000",
            " 13800138000 ",
            "+86 138-0013-8000",
        ] {
            let normal = normalize_mobile(raw);
            assert_eq!(normal, "13800138000", "{raw}");
            assert_eq!(check_mobile(&normal), Ok(()), "{raw}");
        }
    }

    #[test]
    fn messages() {
        let msg = |n: &str| check_mobile(n).err().map(|e| e.to_string());
        assert_eq!(
            msg("12012345678"),
            Some("手机号码第 2 位错误：应为 3–9，实际为 2".to_owned())
        );
        assert_eq!(
            msg("1380013800"),
            Some("手机号码长度错误：应为 11 位，实际为 10 位".to_owned())
        );
    }
}
