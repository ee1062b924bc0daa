//! `spec/runtime.md` lists the error codes and the status vocabulary exactly as the code declares them.

use yjs_runtime::status::table;
use yjs_runtime::{Code, ErrorKind};

/// The rows of every Markdown table in `spec/runtime.md`, as trimmed cells without backticks.
fn rows() -> Vec<Vec<String>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/runtime.md");
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => panic!("{path}: {e}"),
    };
    text.lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("|---"))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().trim_matches('`').to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn the_spec_lists_every_error_code_with_its_kind() {
    let kinds: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
    let listed: Vec<(String, String)> = rows()
        .into_iter()
        .filter(|r| r.len() == 3 && kinds.contains(&r[1].as_str()))
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let declared: Vec<(String, String)> = Code::ALL
        .iter()
        .map(|c| (c.as_str().to_owned(), c.kind().as_str().to_owned()))
        .collect();
    assert_eq!(listed, declared);
    let kind_rows: Vec<String> = rows()
        .into_iter()
        .filter(|r| r.len() == 4 && kinds.contains(&r[0].as_str()))
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(kind_rows, kinds);
}

#[test]
fn the_spec_lists_the_status_vocabulary() {
    let declared: Vec<(String, String, String)> = table()
        .into_iter()
        .map(|(f, c, n)| (f.to_owned(), c.to_owned(), n.to_owned()))
        .collect();
    let families: Vec<&str> = table().into_iter().map(|(f, _, _)| f).collect();
    let listed: Vec<(String, String, String)> = rows()
        .into_iter()
        .filter(|r| r.len() == 3 && families.contains(&r[0].as_str()))
        .map(|r| (r[0].clone(), r[1].clone(), r[2].clone()))
        .collect();
    assert_eq!(listed, declared);
}
