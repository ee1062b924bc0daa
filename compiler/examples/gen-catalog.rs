//! Writes a synthetic catalog of matters for scale tests:
//! `cargo run -p yjs-compiler --release --example gen-catalog -- --matters N --out DIR [--errors K] [--seed S]`.

#[path = "gen_catalog/catalog.rs"]
#[allow(dead_code)]
mod catalog;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen-catalog --matters N --out DIR [--errors K] [--seed S]";

fn parse_args() -> Result<(catalog::Options, PathBuf), String> {
    let mut opts = catalog::Options {
        matters: 0,
        errors: 0,
        seed: 1,
    };
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("`{flag}` needs a value\n{USAGE}"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|e| format!("`{flag} {value}`: {e}\n{USAGE}"))
        };
        match flag.as_str() {
            "--matters" => opts.matters = number()? as usize,
            "--errors" => opts.errors = number()? as usize,
            "--seed" => opts.seed = number()?,
            "--out" => out = Some(PathBuf::from(&value)),
            _ => return Err(format!("unknown argument `{flag}`\n{USAGE}")),
        }
    }
    let out = out.ok_or_else(|| format!("`--out` is required\n{USAGE}"))?;
    if opts.matters == 0 {
        return Err(format!("`--matters` must be at least 1\n{USAGE}"));
    }
    Ok((opts, out))
}

fn main() -> ExitCode {
    let (opts, out) = match parse_args() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let catalog = catalog::generate(&opts);
    if let Err(e) = catalog.write(&out) {
        eprintln!("cannot write `{}`: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} matters and {} injected errors to {}",
        opts.matters,
        catalog.expected.len(),
        out.display()
    );
    ExitCode::SUCCESS
}
