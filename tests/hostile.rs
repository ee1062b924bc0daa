//! Hostile inputs: each gets a diagnostic and exit 1 or 2, never a panic, a stack overflow or a hang.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn yjs_check(dir: &Path, name: &str, content: &[u8]) -> (i32, String) {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write input");
    let out = Command::new(env!("CARGO_BIN_EXE_yjs"))
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("run yjs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains("panicked"), "{name}: yjs panicked:\n{text}");
    (out.status.code().unwrap_or(-1), text)
}

fn expect(name: &str, content: &[u8], code: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (status, text) = yjs_check(dir.path(), name, content);
    assert!(status == 1 || status == 2, "{name}: exit {status}:\n{text}");
    assert!(
        text.contains(code),
        "{name}: expected {code}:\n{}",
        &text[..text.len().min(2000)]
    );
}

const HEAD: &str = "department d \"部门\"\nmatter m \"事\" {\n  lead d\n  window d\n  promise 1 workday\n  situation s \"问\" bool\n";

#[test]
fn ten_thousand_nested_parentheses() {
    let cond = format!("{}s{}", "(".repeat(10_000), ")".repeat(10_000));
    let src = format!("{HEAD}  item i \"项\" {{\n    department d\n    promise 1 workday\n    when {cond}\n  }}\n}}\n");
    expect("deep.yjs", src.as_bytes(), "E0008");
}

#[test]
fn ten_megabyte_file() {
    let mut src = String::from(HEAD);
    while src.len() < 10 * 1024 * 1024 {
        src.push_str("  // padding padding padding padding padding padding padding padding\n");
    }
    src.push_str("}\n");
    expect("huge.yjs", src.as_bytes(), "E0002");
}

#[test]
fn invalid_utf8() {
    let mut bytes = HEAD.as_bytes().to_vec();
    bytes.extend_from_slice(b"  code \"\xd6\xd0\xb9\xfa\"\n}\n");
    expect("gbk.yjs", &bytes, "E0003");
}

#[test]
fn nul_byte() {
    let src = format!("{HEAD}  code \"a\0b\"\n}}\n");
    expect("nul.yjs", src.as_bytes(), "E0004");
}

#[test]
fn unterminated_string() {
    let src = format!("{HEAD}  code \"abc\n}}\n");
    expect("string.yjs", src.as_bytes(), "E0005");
}

#[test]
fn unterminated_block_comment() {
    let src = format!("{HEAD}  /* never closed\n}}\n");
    expect("comment.yjs", src.as_bytes(), "E0006");
}

#[test]
fn file_that_uses_itself() {
    expect("self.yjs", b"use \"self.yjs\"\n", "E0102");
}

#[test]
fn missing_path_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_yjs"))
        .args(["check", "no/such/dir"])
        .output()
        .expect("run yjs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn deeply_nested_blocks_and_long_chains() {
    // 100,000 `->` steps and 50,000 statements on one line stay linear and safe.
    let chain = (0..100_000)
        .map(|i| format!("i{i}"))
        .collect::<Vec<_>>()
        .join(" -> ");
    let src = format!("{HEAD}  flow {{\n    {chain}\n  }}\n}}\n");
    let dir = tempfile::tempdir().expect("tempdir");
    let (status, text) = yjs_check(dir.path(), "chain.yjs", src.as_bytes());
    assert_eq!(status, 1, "{}", &text[..text.len().min(2000)]);
    assert!(text.contains("E0104"));
}

/// `a and (b or (a and …))`, `levels` lists deep: each parenthesised list alternates the operator.
fn alternating(levels: usize) -> String {
    let mut cond = "a and b".to_owned();
    for k in 2..=levels {
        let op = if k % 2 == 0 { "or" } else { "and" };
        cond = format!("b {op} ({cond})");
    }
    cond
}

/// A matter whose item, field requirement and material all apply under `cond`.
fn matter_with(cond: &str) -> String {
    format!(
        "department d \"部门\"\nmatter m \"事\" {{\n  lead d\n  window d\n  promise 1 workday\n  \
         situation a \"问一\" bool\n  situation b \"问二\" bool\n  item i \"项\" {{\n    department d\n    \
         legal 1 workday\n    promise 1 workday\n    when {cond}\n    form {{\n      \
         x \"字段\" text {{ required when {cond} }}\n    }}\n    \
         material p \"材料\" {{ original 1; when {cond} }}\n  }}\n}}\n"
    )
}

/// Builds `src` into a temporary folder; the exit code, the output and the folder.
fn yjs_build(src: &str) -> (i32, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.yjs");
    std::fs::write(&path, src).expect("write input");
    let out = Command::new(env!("CARGO_BIN_EXE_yjs"))
        .arg("build")
        .arg(&path)
        .arg("--out")
        .arg(dir.path().join("out"))
        .output()
        .expect("run yjs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text, dir)
}

/// Every JSON artifact parses within serde_json's recursion limit, and the runtime loads the matter.
fn artifacts_load(dir: &Path) {
    for entry in std::fs::read_dir(dir).expect("matter folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|x| x == "json") {
            let text = std::fs::read_to_string(&path).expect("read artifact");
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(&text);
            assert!(parsed.is_ok(), "{}: {parsed:?}", path.display());
        }
    }
    let loaded = yjs_runtime::artifacts::MatterArtifacts::load(dir);
    assert!(loaded.is_ok(), "{loaded:?}");
}

#[test]
fn thousands_of_nots_are_refused() {
    let cond = format!("{}a", "not ".repeat(5_000));
    let dir = tempfile::tempdir().expect("tempdir");
    let (status, text) = yjs_check(dir.path(), "nots.yjs", matter_with(&cond).as_bytes());
    assert_eq!(status, 1, "{}", &text[..text.len().min(2000)]);
    assert!(text.contains("E0019"), "{}", &text[..text.len().min(2000)]);
}

#[test]
fn nots_inside_sixty_parentheses_are_refused() {
    let cond = format!("{}a{}", "not (".repeat(60), ")".repeat(60));
    expect("notparen.yjs", matter_with(&cond).as_bytes(), "E0019");
}

#[test]
fn one_level_too_deep_is_refused_once_per_condition() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = matter_with(&alternating(33));
    let (status, text) = yjs_check(dir.path(), "deep.yjs", src.as_bytes());
    assert_eq!(status, 1, "{text}");
    // The item's `when`, the field's `required when` and the material's `when`.
    assert_eq!(text.matches("\"E0019\"").count(), 3, "{text}");
}

#[test]
fn the_deepest_condition_accepted_builds_and_its_artifacts_load() {
    let (status, text, dir) = yjs_build(&matter_with(&alternating(32)));
    assert_eq!(status, 0, "{text}");
    artifacts_load(&dir.path().join("out/m"));
}

#[test]
fn long_and_or_chains_check_build_and_their_artifacts_load() {
    // A chain is one flat list: 100,000 operands check without recursion; a build writes each
    // condition several times over (plan, form, projections, guide), so it gets 10,000.
    for op in [" and ", " or "] {
        let chain = vec!["a"; 100_000].join(op);
        let dir = tempfile::tempdir().expect("tempdir");
        let (status, text) = yjs_check(dir.path(), "chain.yjs", matter_with(&chain).as_bytes());
        assert_eq!(status, 0, "{op}: {}", &text[..text.len().min(2000)]);
        let chain = vec!["a"; 10_000].join(op);
        let (status, text, dir) = yjs_build(&matter_with(&chain));
        assert_eq!(status, 0, "{op}: {}", &text[..text.len().min(2000)]);
        artifacts_load(&dir.path().join("out/m"));
    }
    let mixed = vec!["a and not b"; 5_000].join(" or ");
    let (status, text, dir) = yjs_build(&matter_with(&mixed));
    assert_eq!(status, 0, "{}", &text[..text.len().min(2000)]);
    artifacts_load(&dir.path().join("out/m"));
}

/// Runs `yjs check --format json` in `cwd` on `args`: exit code and output.
fn check_in(cwd: &Path, args: &[&str]) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_yjs"));
    cmd.current_dir(cwd)
        .args(["check", "--format", "json"])
        .args(args);
    let out = cmd.output().expect("run yjs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains("panicked"), "yjs panicked:\n{text}");
    (out.status.code().unwrap_or(-1), text)
}

const USES_D: &str = "matter m \"事\" {\n  lead d\n  window d\n  promise 1 workday\n  \
    item i \"项\" {\n    department d\n    legal 1 workday\n    promise 1 workday\n  }\n}\n";

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

#[test]
fn a_dotdot_never_cancels_a_dotdot() {
    // From a/b, `../../lib/d.yjs` is <tmp>/lib/d.yjs; cancelling one `..` with the other
    // would load the decoy a/b/lib/d.yjs, which declares another department.
    let tmp = tempfile::tempdir().expect("tempdir");
    write(&tmp.path().join("lib/d.yjs"), "department d \"部门\"\n");
    write(
        &tmp.path().join("a/b/lib/d.yjs"),
        "department decoy \"诱饵\"\n",
    );
    let m = format!("use \"../../lib/d.yjs\"\n{USES_D}");
    write(&tmp.path().join("a/b/m.yjs"), &m);
    let (status, text) = check_in(&tmp.path().join("a/b"), &["m.yjs"]);
    assert_eq!(status, 0, "{text}");
    // Nested: a file loaded through `..` uses a file through `..` again.
    write(&tmp.path().join("lib/d.yjs"), "use \"../common/x.yjs\"\n");
    write(&tmp.path().join("common/x.yjs"), "department d \"部门\"\n");
    write(
        &tmp.path().join("a/common/x.yjs"),
        "department decoy \"诱饵\"\n",
    );
    let (status, text) = check_in(&tmp.path().join("a/b"), &["m.yjs"]);
    assert_eq!(status, 0, "{text}");
}

#[test]
#[cfg(unix)]
fn a_dotdot_after_a_symbolic_link_is_the_parent_of_its_target() {
    // a/link -> x/y, so a/link/../d.yjs is x/d.yjs; read lexically it would be the decoy a/d.yjs.
    let tmp = tempfile::tempdir().expect("tempdir");
    write(&tmp.path().join("x/d.yjs"), "department d \"部门\"\n");
    write(&tmp.path().join("x/y/keep"), "");
    write(&tmp.path().join("a/d.yjs"), "department decoy \"诱饵\"\n");
    std::os::unix::fs::symlink(tmp.path().join("x/y"), tmp.path().join("a/link")).expect("ln");
    write(
        &tmp.path().join("a/m.yjs"),
        &format!("use \"link/../d.yjs\"\n{USES_D}"),
    );
    let (status, text) = check_in(&tmp.path().join("a"), &["m.yjs"]);
    assert_eq!(status, 0, "{text}");
    // The file is named as written, never by the lexical name of the decoy.
    write(
        &tmp.path().join("x/d.yjs"),
        "department d \"部门\"\nbroken\n",
    );
    let (status, text) = check_in(&tmp.path().join("a"), &["m.yjs"]);
    assert_eq!(status, 1, "{text}");
    assert!(text.contains("\"file\": \"link/../d.yjs\""), "{text}");
}

#[test]
fn a_chain_of_ten_thousand_uses_loads_without_recursion() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let n = 10_000;
    for i in 0..n {
        let text = if i + 1 < n {
            format!("use \"f{}.yjs\"\n", i + 1)
        } else {
            "department d \"部门\"\n".to_owned()
        };
        std::fs::write(tmp.path().join(format!("f{i}.yjs")), text).expect("write");
    }
    write(
        &tmp.path().join("m.yjs"),
        &format!("use \"f0.yjs\"\n{USES_D}"),
    );
    let (status, text) = check_in(tmp.path(), &["m.yjs"]);
    assert_eq!(status, 0, "{}", &text[..text.len().min(2000)]);
    // Closing the chain into a cycle is one E0102.
    std::fs::write(
        tmp.path().join(format!("f{}.yjs", n - 1)),
        "use \"f0.yjs\"\n",
    )
    .expect("write");
    let (status, text) = check_in(tmp.path(), &["m.yjs"]);
    assert_eq!(status, 1);
    assert_eq!(text.matches("\"E0102\"").count(), 1);
}

#[test]
#[cfg(unix)]
fn special_files_are_refused_without_blocking_or_reading_forever() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let fifo = tmp.path().join("pipe.yjs");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    for (name, target) in [
        ("fifo", "pipe.yjs"),
        ("zero", "/dev/zero"),
        ("urandom", "/dev/urandom"),
        ("dir", "."),
    ] {
        let user = format!("use_{name}.yjs");
        write(&tmp.path().join(&user), &format!("use \"{target}\"\n"));
        let (status, text) = check_in(tmp.path(), &[&user]);
        assert_eq!(status, 1, "{name}: {text}");
        assert!(text.contains("E0101"), "{name}: {text}");
    }
    // Named on the command line.
    for root in ["pipe.yjs", "/dev/zero", "/dev/urandom"] {
        let (status, text) = check_in(tmp.path(), &[root]);
        assert_eq!(status, 1, "{root}: {text}");
        assert!(text.contains("not a regular file"), "{root}: {text}");
    }
}

#[test]
#[cfg(unix)]
fn a_file_growing_past_the_limit_is_refused_while_reading() {
    // /proc files say they are empty and regular; reading stops at the limit anyway.
    let tmp = tempfile::tempdir().expect("tempdir");
    let huge = tmp.path().join("huge.yjs");
    let file = std::fs::File::create(&huge).expect("create");
    file.set_len(64 * 1024 * 1024).expect("sparse file");
    write(&tmp.path().join("m.yjs"), "use \"huge.yjs\"\n");
    let (status, text) = check_in(tmp.path(), &["m.yjs"]);
    assert_eq!(status, 1, "{text}");
    assert!(text.contains("E0002"), "{text}");
    let read = yjs_compiler::resolve::read_regular(Path::new("/proc/self/status"), 10);
    assert!(
        matches!(read, Err(yjs_compiler::resolve::ReadError::TooLarge(10))),
        "{read:?}"
    );
}

#[test]
#[cfg(unix)]
fn a_folder_walk_skips_special_files_and_reports_a_link_loop_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let top = tmp.path().join("top");
    write(&top.join("d.yjs"), "department d \"部门\"\n");
    write(
        &top.join("sub/m.yjs"),
        &format!("use \"../d.yjs\"\n{USES_D}"),
    );
    std::os::unix::fs::symlink("..", top.join("sub/loop")).expect("ln");
    std::os::unix::fs::symlink("../sub", top.join("sub/again")).expect("ln");
    let made = Command::new("mkfifo")
        .arg(top.join("pipe.yjs"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let (status, text) = check_in(tmp.path(), &["top"]);
    assert_eq!(status, 0, "{text}");
    // Two links back (to top and to sub) and the FIFO; each file read once (no E0103).
    assert!(!text.contains("E0103"), "{text}");
    assert_eq!(text.matches("\"W0110\"").count(), 3, "{text}");
    assert!(
        text.contains("`top/sub/loop` leads back to `top`"),
        "{text}"
    );
    assert!(
        text.contains("`top/sub/again` leads back to `top/sub`"),
        "{text}"
    );
}

/// Runs `yjs build` in `cwd`: exit code and output.
fn build_in(cwd: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yjs"))
        .current_dir(cwd)
        .arg("build")
        .args(args)
        .output()
        .expect("run yjs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains("panicked"), "yjs panicked:\n{text}");
    (out.status.code().unwrap_or(-1), text)
}

/// Every file under `dir` with its bytes, symbolic links as their targets.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir").flatten() {
            let p = e.path();
            let meta = std::fs::symlink_metadata(&p).expect("lstat");
            if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&p).expect("readlink");
                out.push((p, target.to_string_lossy().as_bytes().to_vec()));
            } else if meta.is_dir() {
                out.push((p.clone(), Vec::new()));
                todo.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).expect("read")));
            }
        }
    }
    out.sort();
    out
}

const MATTER_COMMON: &str = "department d \"部门\"\nmatter common \"事\" {\n  lead d\n  window d\n  \
    promise 1 workday\n  item i \"项\" {\n    department d\n    legal 1 workday\n    promise 1 workday\n  }\n}\n";

#[test]
fn build_never_replaces_a_folder_it_did_not_write() {
    // The sources' `common/` folder and a matter named `common`, built with `--out .`.
    let tmp = tempfile::tempdir().expect("tempdir");
    write(
        &tmp.path().join("common/departments.yjs"),
        "department d \"部门\"\n",
    );
    write(&tmp.path().join("m.yjs"), MATTER_COMMON);
    let before = snapshot(tmp.path());
    let (status, text) = build_in(tmp.path(), &["m.yjs", "--out", "."]);
    assert_eq!(status, 2, "{text}");
    assert!(text.contains("has no `.yjs-build` marker"), "{text}");
    assert_eq!(
        snapshot(tmp.path()),
        before,
        "a refused build changes nothing"
    );
    // Into a folder of its own it builds, and builds again over its own output.
    for _ in 0..2 {
        let (status, text) = build_in(tmp.path(), &["m.yjs", "--out", "out"]);
        assert_eq!(status, 0, "{text}");
    }
    assert!(tmp.path().join("out/common/.yjs-build").is_file());
    assert!(tmp.path().join("out/common/plan.json").is_file());
}

#[test]
fn build_replaces_its_own_folders_whole_and_leaves_no_staging() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(&tmp.path().join("m.yjs"), MATTER_COMMON);
    let (status, text) = build_in(tmp.path(), &["m.yjs", "--out", "out"]);
    assert_eq!(status, 0, "{text}");
    // A file left by an earlier build of the matter is gone after the next one.
    write(&tmp.path().join("out/common/notices/stale.md"), "old");
    let (status, text) = build_in(tmp.path(), &["m.yjs", "--out", "out"]);
    assert_eq!(status, 0, "{text}");
    assert!(!tmp.path().join("out/common/notices/stale.md").exists());
    let names: Vec<String> = std::fs::read_dir(tmp.path().join("out"))
        .expect("out")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, [".yjs-build", "common", "formats.mjs", "index.md"]);
    assert!(names.contains(&"common".to_owned()), "{names:?}");
    assert!(
        !names.iter().any(|n| n.starts_with(".yjs-build-")),
        "no staging folder is left: {names:?}"
    );
}

#[test]
#[cfg(unix)]
fn build_never_writes_through_a_symbolic_link() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(&tmp.path().join("m.yjs"), MATTER_COMMON);
    let (status, text) = build_in(tmp.path(), &["m.yjs", "--out", "out"]);
    assert_eq!(status, 0, "{text}");
    // index.md replaced by a link out of the output folder.
    write(&tmp.path().join("outside.md"), "not yours");
    std::fs::remove_file(tmp.path().join("out/index.md")).expect("rm");
    std::os::unix::fs::symlink(
        tmp.path().join("outside.md"),
        tmp.path().join("out/index.md"),
    )
    .expect("ln");
    let before = snapshot(tmp.path());
    let (status, text) = build_in(tmp.path(), &["m.yjs", "--out", "out"]);
    assert_eq!(status, 2, "{text}");
    assert!(text.contains("is a symbolic link"), "{text}");
    assert_eq!(snapshot(tmp.path()), before);
    // The matter's folder replaced by a link to a folder outside.
    std::fs::remove_file(tmp.path().join("out/index.md")).expect("rm");
    std::fs::rename(tmp.path().join("out/common"), tmp.path().join("elsewhere")).expect("mv");
    std::os::unix::fs::symlink(tmp.path().join("elsewhere"), tmp.path().join("out/common"))
        .expect("ln");
    let before = snapshot(tmp.path());
    let (status, text) = build_in(tmp.path(), &["m.yjs", "--out", "out"]);
    assert_eq!(status, 2, "{text}");
    assert_eq!(snapshot(tmp.path()), before);
}

#[test]
fn a_refused_build_changes_none_of_the_other_matters() {
    // Two matters; the second's folder is not ours, so the first is not replaced either.
    let tmp = tempfile::tempdir().expect("tempdir");
    let second = MATTER_COMMON
        .replace("department d \"部门\"\n", "")
        .replace("matter common", "matter zz");
    write(&tmp.path().join("a.yjs"), MATTER_COMMON);
    write(
        &tmp.path().join("b.yjs"),
        &format!("use \"a.yjs\"\n{second}"),
    );
    let (status, text) = build_in(tmp.path(), &["a.yjs", "--out", "out"]);
    assert_eq!(status, 0, "{text}");
    write(
        &tmp.path().join("out/zz/mine.txt"),
        "a folder of the user's",
    );
    let before = snapshot(tmp.path());
    let (status, text) = build_in(tmp.path(), &["a.yjs", "b.yjs", "--out", "out"]);
    assert_eq!(status, 2, "{text}");
    assert!(text.contains("out/zz"), "{text}");
    assert_eq!(snapshot(tmp.path()), before);
}

#[test]
fn long_situation_ids_give_bounded_file_names_that_links_still_reach() {
    let ids: Vec<String> = (0..6).map(|i| format!("s{i}_{}", "x".repeat(60))).collect();
    let mut src = String::from(
        "department d \"部门\"\nmatter m \"事\" {\n  lead d\n  window d\n  promise 9 workdays\n",
    );
    for id in &ids {
        src.push_str(&format!("  situation {id} \"问\" bool\n"));
    }
    for (i, id) in ids.iter().enumerate() {
        src.push_str(&format!(
            "  item i{i} \"项\" {{\n    department d\n    legal 1 workday\n    promise 1 workday\n    when {id}\n  }}\n"
        ));
    }
    src.push_str("}\n");
    let tmp = tempfile::tempdir().expect("tempdir");
    write(&tmp.path().join("m.yjs"), &src);
    let (status, text) = build_in(tmp.path(), &["m.yjs", "--out", "out"]);
    assert_eq!(status, 0, "{text}");
    let files = snapshot(&tmp.path().join("out"));
    let notices: Vec<&PathBuf> = files
        .iter()
        .map(|(p, _)| p)
        .filter(|p| p.parent().is_some_and(|d| d.ends_with("notices")))
        .collect();
    assert!(notices.len() > 1, "{files:?}");
    for (p, _) in &files {
        let name = p.file_name().expect("name").len();
        assert!(name <= 255, "{}: {name} bytes", p.display());
    }
    // Every notice the guide links to exists.
    let guide = std::fs::read_to_string(tmp.path().join("out/m/guide.md")).expect("guide");
    let mut linked = 0;
    for part in guide.split("(notices/").skip(1) {
        // Markdown escapes the `~` of a bounded name in the link.
        let target = part[..part.find(')').expect("link end")].replace("\\~", "~");
        assert!(
            tmp.path().join("out/m/notices").join(&target).is_file(),
            "{target}"
        );
        linked += 1;
    }
    assert!(linked > 0, "{guide}");
}

#[test]
fn build_replaces_a_top_level_file_only_when_it_says_it_is_generated() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(&tmp.path().join("m.yjs"), MATTER_COMMON);
    // An output folder from before the markers: its index.md says it is generated.
    write(
        &tmp.path().join("out/index.md"),
        "<!-- generated by `yjs build` — do not edit -->\nold\n",
    );
    let (status, text) = build_in(tmp.path(), &["m.yjs", "--out", "out"]);
    assert_eq!(status, 0, "{text}");
    // A user's own index.md is not replaced.
    write(&tmp.path().join("mine/index.md"), "# my notes\n");
    let (status, text) = build_in(tmp.path(), &["m.yjs", "--out", "mine"]);
    assert_eq!(status, 2, "{text}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("mine/index.md")).expect("read"),
        "# my notes\n"
    );
    assert!(!tmp.path().join("mine/common").exists());
}

/// `levels` lists inside each other in one item's form.
fn nested_lists(levels: usize) -> String {
    let mut inner = "amount \"金额\" integer".to_owned();
    for k in 0..levels {
        inner = format!("l{k} \"列表\" list {{ {inner} }}");
    }
    format!(
        "department d \"部门\"\nmatter m \"事\" {{\n  lead d\n  window d\n  promise 1 workday\n  \
         item i \"项\" {{\n    department d\n    legal 1 workday\n    promise 1 workday\n    \
         form {{\n      {inner}\n    }}\n  }}\n}}\n"
    )
}

#[test]
fn lists_nested_past_the_limit_are_refused_once_and_the_deepest_accepted_load() {
    // 55 lists fit in the bracket limit, but their artifacts would be 170 levels of JSON.
    let dir = tempfile::tempdir().expect("tempdir");
    let (status, text) = yjs_check(dir.path(), "lists.yjs", nested_lists(55).as_bytes());
    assert_eq!(status, 1, "{text}");
    assert_eq!(text.matches("\"E0008\"").count(), 1, "{text}");
    let (status, text, dir) = yjs_build(&nested_lists(yjs_compiler::syntax::MAX_LIST_DEPTH));
    assert_eq!(status, 0, "{text}");
    artifacts_load(&dir.path().join("out/m"));
}

/// Patterns too large to walk, lengths in the thousands and an exponential DFA are judged
/// within a budget: the check ends, names the pattern that matches nothing, and gives no
/// answer (no error) where it cannot tell.
#[test]
fn patterns_no_text_satisfies_are_judged_within_a_budget() {
    let src = format!(
        "{HEAD}  shared {{\n\
         \x20   a \"甲\" text {{ pattern \"^(?:.{{0,100}}){{0,100}}$\"; pattern \"[^\\\\s\\\\S]\"; min_length 1000 }}\n\
         \x20   b \"乙\" text {{ pattern \"(a|b)*a(a|b){{20}}$\"; pattern \"^(a|b)+$\"; min_length 500; max_length 1000 }}\n\
         \x20   c \"丙\" text {{ pattern \"^[0-9]+$\"; min_length 900000 }}\n\
         \x20 }}\n\
         \x20 item x \"项\" {{\n    department d\n    legal 1 workday basis \"《条例》第一条\"\n    promise 1 workday\n    form {{ a; b; c }}\n  }}\n}}\n"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let (status, text) = yjs_check(dir.path(), "patterns.yjs", src.as_bytes());
    assert_eq!(status, 1, "{text}");
    assert_eq!(text.matches("\"E0218\"").count(), 1, "{text}");
    assert!(text.contains(r#"[^\\\\s\\\\S]"#), "{text}");
}
