//! The least time any build of a given output can take to write it (issue 18's floor):
//! `cargo run -p yjs-compiler --release --example write-floor -- OUT_DIR [--runs N]`.
//!
//! Reads the tree a `yjs build` wrote into memory, then writes the same files into a fresh
//! folder next to it, `N` times (default 30), and prints the best time in milliseconds. Only
//! the writing is timed — creating the folders and the files and copying their bytes in —
//! so the figure is what a compiler that had every byte ready, with no parsing, checking or
//! serializing, would still spend. `scripts/compare-pyxform.py --floor` adds it to the
//! process's start.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: write-floor OUT_DIR [--runs N]";

/// Every file under `dir`, as its path relative to `root` and its bytes, in a stable order.
fn read_tree(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            read_tree(root, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            out.push((rel.to_path_buf(), std::fs::read(&path)?));
        }
    }
    Ok(())
}

/// Writes `files` under `dest`, creating each folder once, and returns the seconds it took.
fn write_tree(dest: &Path, files: &[(PathBuf, Vec<u8>)]) -> std::io::Result<f64> {
    let start = Instant::now();
    std::fs::create_dir(dest)?;
    for (rel, bytes) in files {
        let path = dest.join(rel);
        if let Some(parent) = path.parent().filter(|p| !p.exists()) {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, bytes)?;
    }
    Ok(start.elapsed().as_secs_f64())
}

fn run(out: &Path, runs: u32) -> Result<(), String> {
    let mut files = Vec::new();
    read_tree(out, out, &mut files).map_err(|e| format!("{}: {e}", out.display()))?;
    if files.is_empty() {
        return Err(format!(
            "{} holds no file: run `yjs build` into it first",
            out.display()
        ));
    }
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let dest = out.with_file_name(format!(
        "{}.write-floor",
        out.file_name().and_then(|n| n.to_str()).unwrap_or("out")
    ));
    let mut best = f64::INFINITY;
    for _ in 0..runs {
        // A leftover of an interrupted run would make `create_dir` fail.
        let _ = std::fs::remove_dir_all(&dest);
        let seconds = write_tree(&dest, &files).map_err(|e| format!("{}: {e}", dest.display()))?;
        best = best.min(seconds);
    }
    let _ = std::fs::remove_dir_all(&dest);
    println!(
        "{} files, {bytes} bytes, best write {:.3} ms",
        files.len(),
        best * 1e3
    );
    Ok(())
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut out = None;
    let mut runs = 30;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => match args.next().and_then(|v| v.parse().ok()).filter(|&n| n > 0) {
                Some(n) => runs = n,
                None => {
                    eprintln!("`--runs` needs a positive number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            _ if out.is_none() => out = Some(PathBuf::from(arg)),
            _ => {
                eprintln!("unexpected `{arg}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(out) = out else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match run(&out, runs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("write-floor: {e}");
            ExitCode::FAILURE
        }
    }
}
