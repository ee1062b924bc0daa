//! A case that cannot be shown: an explicit "unknown" with its reason, so one bad case never fails a whole list.
//!
//! Lists, 督办, the board and the statistics read every case. A case whose stored data does not
//! read back, or whose clocks cannot be computed, is not skipped silently and does not fail the
//! whole answer: it is listed as [`Unknown`], with the stable code and the reason, for a person
//! to look into (`spec/runtime.md`, "One rule for every write").

use serde::{Deserialize, Serialize};

use crate::error::{Code, Error};

/// A case whose view cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Unknown {
    /// The case id.
    pub case: String,
    /// The stable code of the failure (`store_corrupt`, `outside_calendar`, …).
    pub code: Code,
    /// Why, in Chinese.
    pub reason: String,
}

impl Unknown {
    /// The unknown entry of `case` for the error that stopped its view.
    pub fn new(case: &str, error: &Error) -> Self {
        Self {
            case: case.to_owned(),
            code: error.code(),
            reason: error.message(),
        }
    }
}

/// The matter of a case id `<matter>-<YYYYMMDD>-<seq>`, for a case whose record cannot be read.
pub fn matter_of(case_id: &str) -> &str {
    let mut parts = case_id.rsplitn(3, '-');
    let (_seq, _date) = (parts.next(), parts.next());
    parts.next().unwrap_or(case_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matter_is_read_from_the_id() {
        assert_eq!(matter_of("newborn-20260302-0001"), "newborn");
        assert_eq!(matter_of("company-setup-20260302-12345"), "company-setup");
        assert_eq!(matter_of("odd"), "odd");
    }
}
