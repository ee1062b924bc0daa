//! Helpers shared by the integration tests that run the `yjs` binary.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// Runs `yjs build SRC --out OUT`, fails the test unless it succeeds, and returns its stderr.
#[allow(clippy::unwrap_used, dead_code)] // not every test crate that includes this module builds
pub fn yjs_build(src: &Path, out: &Path) -> String {
    let run = Command::new(env!("CARGO_BIN_EXE_yjs"))
        .arg("build")
        .arg(src)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{stderr}");
    stderr
}

/// Every file under `dir` but `yjs build`'s ownership markers (written by the command, not
/// emitted), by path relative to it with `/` between components.
#[allow(dead_code)] // not every test crate that includes this module reads trees
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if e.file_name() == ".yjs-build" {
                continue;
            }
            if p.is_dir() {
                walk(base, &p, out);
            } else if let Ok(rel) = p.strip_prefix(base) {
                out.insert(
                    rel.to_string_lossy().replace('\\', "/"),
                    std::fs::read(&p).unwrap_or_default(),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}
