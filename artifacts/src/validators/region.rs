//! 行政区划代码 (GB/T 2260): the structural rules for a six-digit region code.
//!
//! Only the structure is checked, never membership in the live table: codes of abolished
//! divisions stay valid inside old ID numbers, and the table changes every year. A field that
//! needs a division that exists today must also check a versioned table (not done here).

use std::fmt;

/// Province codes (digits 1–2), matching the ISO 3166-2:CN numeric part (unverified against the standard text).
pub const PROVINCES: [&str; 34] = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
    "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71",
    "81", "82",
];

/// The level a structurally valid region code names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegionLevel {
    /// `PP0000`: a province summary.
    Province,
    /// `PPCC00`: a prefecture summary (including `PP9000`, the group of county-level units directly under the province).
    Prefecture,
    /// `PPCCDD`: a county-level unit (district, county, banner or county-level city).
    County,
}

/// Why a region code is structurally invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionError {
    /// Not exactly six ASCII digits.
    Format,
    /// Digits 1–2 are not a province code.
    Province {
        /// The two province digits as given.
        digits: String,
    },
    /// Digits 3–4 are outside 00, 01–70 and 90.
    Prefecture {
        /// The two prefecture digits as given.
        digits: String,
    },
    /// Digits 3–4 are 00 (province summary) but digits 5–6 are not 00.
    CountyUnderProvince {
        /// The two county digits as given.
        digits: String,
    },
}

impl RegionError {
    /// A short, stable identifier of the failed check.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Format => "region.format",
            Self::Province { .. } => "region.province",
            Self::Prefecture { .. } => "region.prefecture",
            Self::CountyUnderProvince { .. } => "region.county_under_province",
        }
    }
}

impl fmt::Display for RegionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Format => write!(f, "行政区划代码格式错误：应为 6 位数字"),
            Self::Province { digits } => {
                write!(f, "行政区划代码省级代码错误：第 1–2 位 {digits} 不是有效的省级代码")
            }
            Self::Prefecture { digits } => write!(
                f,
                "行政区划代码地级代码错误：第 3–4 位 {digits} 不在 00、01–70、90 范围内"
            ),
            Self::CountyUnderProvince { digits } => write!(
                f,
                "行政区划代码县级代码错误：第 3–4 位为 00（省级汇总）时第 5–6 位应为 00，实际为 {digits}"
            ),
        }
    }
}

impl std::error::Error for RegionError {}

/// Checks the structure of a six-digit region code and tells which level it names.
///
/// Rules (GB/T 2260): digits 1–2 are a province code from [`PROVINCES`]; digits 3–4 are `00`
/// (province summary), `01`–`70` (cities, 地区, 自治州, 盟) or `90` (county-level units directly
/// under the province); digits 5–6 are `00` (prefecture summary) or `01`–`99`, and must be `00`
/// when digits 3–4 are `00`.
pub fn check_region_code(code: &str) -> Result<RegionLevel, RegionError> {
    let bytes = code.as_bytes();
    if bytes.len() != 6 || !bytes.iter().all(u8::is_ascii_digit) {
        return Err(RegionError::Format);
    }
    // All six bytes are ASCII digits, so slicing at any index is on a char boundary.
    let (province, prefecture, county) = (&code[0..2], &code[2..4], &code[4..6]);
    if !PROVINCES.contains(&province) {
        return Err(RegionError::Province {
            digits: province.to_owned(),
        });
    }
    let pref = two_digits(&bytes[2..4]);
    if !(pref <= 70 || pref == 90) {
        return Err(RegionError::Prefecture {
            digits: prefecture.to_owned(),
        });
    }
    match (pref, county) {
        (0, "00") => Ok(RegionLevel::Province),
        (0, _) => Err(RegionError::CountyUnderProvince {
            digits: county.to_owned(),
        }),
        (_, "00") => Ok(RegionLevel::Prefecture),
        _ => Ok(RegionLevel::County),
    }
}

/// The value of two ASCII digits.
fn two_digits(pair: &[u8]) -> u32 {
    pair.iter()
        .fold(0, |acc, b| acc * 10 + u32::from(b.wrapping_sub(b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_vectors() {
        let cases = [
            ("110105", RegionLevel::County),
            ("110000", RegionLevel::Province),
            ("110100", RegionLevel::Prefecture),
            ("440524", RegionLevel::County),
            ("440582", RegionLevel::County),
            ("419001", RegionLevel::County),
            ("429004", RegionLevel::County),
            ("469000", RegionLevel::Prefecture),
            ("710000", RegionLevel::Province),
            ("820000", RegionLevel::Province),
        ];
        for (code, level) in cases {
            assert_eq!(check_region_code(code), Ok(level), "{code}");
        }
    }

    #[test]
    fn invalid_vectors() {
        let cases = [
            ("000000", "region.province"),
            ("991234", "region.province"),
            ("100105", "region.province"),
            ("117105", "region.prefecture"),
            ("118905", "region.prefecture"),
            ("119105", "region.prefecture"),
            ("110010", "region.county_under_province"),
            ("11010", "region.format"),
            ("1101a5", "region.format"),
            ("1101055", "region.format"),
            ("", "region.format"),
            ("１１０１０５", "region.format"),
        ];
        for (code, expected) in cases {
            match check_region_code(code) {
                Err(e) => assert_eq!(e.code(), expected, "{code}: {e}"),
                Ok(level) => panic!("{code} accepted as {level:?}"),
            }
        }
    }

    #[test]
    fn messages_name_the_check() {
        let e = check_region_code("117105").err();
        assert_eq!(
            e.map(|e| e.to_string()),
            Some("行政区划代码地级代码错误：第 3–4 位 71 不在 00、01–70、90 范围内".to_owned())
        );
    }
}
