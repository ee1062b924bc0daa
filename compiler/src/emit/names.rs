//! File and folder names made from identifiers, bounded so every path component fits a file system.
//!
//! Most file systems refuse a name longer than 255 bytes, and long situation ids make a
//! notice's name (one `id-answer` per situation) far longer. A name over `MAX_NAME_BYTES` keeps
//! its beginning, cut at a character boundary, and ends with a hash of the whole name, so it
//! is the same in every build and two long names that differ anywhere stay different.

/// The longest name an emitter makes, in bytes: room is left for an extension (`.schema.json`)
/// within the 255 bytes most file systems allow.
pub const MAX_NAME_BYTES: usize = 200;

/// `name` when it has at most `MAX_NAME_BYTES` bytes; else its beginning, `~`, and 16 hex
/// digits of its 64-bit FNV-1a hash, `MAX_NAME_BYTES` bytes at most.
pub fn bounded(name: &str) -> String {
    if name.len() <= MAX_NAME_BYTES {
        return name.to_owned();
    }
    let hash = fnv1a(name.as_bytes());
    let mut keep = MAX_NAME_BYTES - 17;
    while !name.is_char_boundary(keep) {
        keep -= 1;
    }
    format!("{}~{hash:016x}", &name[..keep])
}

/// Where the build puts a material template, relative to the matter folder:
/// `templates/ITEM-MATERIAL.EXT` (ids hold no `-`, so two materials never share a name).
pub fn template_path(t: &crate::ir::documents::TemplateFile) -> String {
    format!(
        "templates/{}.{}",
        bounded(&format!("{}-{}", t.item, t.material)),
        t.ext
    )
}

/// The 64-bit FNV-1a hash: tiny, and fixed by its definition, so names never change between
/// versions or platforms.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_kept() {
        assert_eq!(bounded("settle-local_card-true"), "settle-local_card-true");
        assert_eq!(
            bounded(&"a".repeat(MAX_NAME_BYTES)),
            "a".repeat(MAX_NAME_BYTES)
        );
    }

    #[test]
    fn long_names_are_cut_at_a_character_and_keep_a_stable_hash() {
        let long = "情形".repeat(100);
        let b = bounded(&long);
        assert!(b.len() <= MAX_NAME_BYTES, "{}", b.len());
        assert!(b.starts_with("情形情形"));
        assert_eq!(b, bounded(&long), "stable");
        // The hash is of the whole name: names equal up to the cut still differ.
        let other = format!("{long}x");
        assert_ne!(bounded(&other), b);
        // FNV-1a's published test vector.
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
