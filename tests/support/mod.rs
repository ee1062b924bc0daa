//! Helpers shared by the integration tests that run the `yjs` binary.

use std::path::Path;
use std::process::Command;

/// Runs `yjs build SRC --out OUT`, fails the test unless it succeeds, and returns its stderr.
#[allow(clippy::unwrap_used)]
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
