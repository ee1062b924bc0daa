//! `formats.mjs`: the custom formats of every form schema as one ES module, at the build's root.
//!
//! The module's text is `formats.mjs` next to this file, with the province table of
//! `yjs_artifacts::validators` filled in; `tests/consumers/forms/` runs it on the test vectors
//! the Rust validators run (`artifacts/src/validators/vectors.json`).

use super::GENERATED;
use yjs_artifacts::validators::PROVINCES;

/// The module's path relative to the build folder.
pub const FORMATS_MJS: &str = "formats.mjs";

/// The module's text.
pub fn formats_mjs() -> String {
    let provinces = PROVINCES
        .iter()
        .map(|p| format!("'{p}'"))
        .collect::<Vec<_>>()
        .join(", ");
    include_str!("formats.mjs")
        .replace("__GENERATED__", GENERATED)
        .replace("__PROVINCES__", &format!("[{provinces}]"))
}
