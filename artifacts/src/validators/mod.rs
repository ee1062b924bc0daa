//! Field validators for the identifiers found in almost every matter: ID card, USCC, region code, mobile.
//!
//! Every check is a pure function over a string: no I/O, no clock (the caller passes "today"), no
//! panic on any input. Each error type names the failed check in Chinese through `Display` (for
//! applicants and case workers) and has a short, stable `code()` for logs and tests.
//!
//! Normalising (trimming spaces, `x` → `X`, stripping `+86`) is a yjs policy, not part of the
//! standards, so it is a separate step: call `normalize_*` first, then `check_*` on the result. The
//! `check_*` functions are strict and never normalise on their own.
//!
//! The algorithms and their test vectors come from `shared/domain/validators.md`.

mod date;
mod id_card;
mod mobile;
pub mod pattern;
mod region;
mod uscc;
#[cfg(test)]
#[cfg(test)]
mod vectors;

pub use date::CivilDate;
pub use id_card::{check_id_card, id15_to_18, id_card_check_char, normalize_id_card, IdCardError};
pub use mobile::{check_mobile, normalize_mobile, MobileError};
pub use region::{check_region_code, RegionError, RegionLevel, PROVINCES};
pub use uscc::{check_uscc, normalize_uscc, OrgCodeWarning, UsccError, UsccInfo};
