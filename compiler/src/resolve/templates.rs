//! Material templates (`template "path"`): the path's rules when resolved, the file read after.
//!
//! A template is a file in the repository, beside the `.yjs` file that names it or in a folder
//! below it: the path is relative, written with `/`, without `.` or `..` (E0113), names a kind
//! of file a public service hands out (E0114), and once read is a regular file of at most
//! `MAX_TEMPLATE_BYTES` whose real place is still inside that folder (E0112, E0113). The
//! bytes read here are the ones the build copies, so a file changed meanwhile cannot slip in.

use super::diagnostics as d;
use super::load::{ReadError, Source};
use super::model::{Material, Program, Template, Text};
use crate::diagnostics::Diagnostic;
use crate::files::{FileId, Files};
use std::path::Path;
use std::sync::Arc;

/// The largest template copied into a build: a blank form or sample is a few hundred KiB.
pub const MAX_TEMPLATE_BYTES: usize = 2 * 1024 * 1024;

/// The kinds of file a template may be, by extension: documents and spreadsheets an
/// applicant can open (Word, WPS, OpenDocument, PDF) and plain text.
pub const TEMPLATE_KINDS: &[&str] = &[
    "pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "odt", "ods", "txt", "md",
];

/// Checks how a template path is written; the file is read later by [`read_templates`].
pub fn template(path: &Text, file: FileId) -> Result<Template, Box<Diagnostic>> {
    let p = path.value.as_str();
    let parts: Vec<&str> = p.split('/').collect();
    let absolute = p.starts_with('/') || p.contains('\\') || p.contains(':');
    if p.is_empty() || absolute || parts.iter().any(|c| matches!(*c, "" | "." | "..")) {
        return Err(Box::new(d::template_outside(path.span, p)));
    }
    let name = parts.last().copied().unwrap_or("");
    let ext = name
        .rsplit_once('.')
        .map(|(stem, ext)| (stem, ext.to_ascii_lowercase()))
        .filter(|(stem, _)| !stem.is_empty())
        .map(|(_, ext)| ext);
    match ext {
        Some(ext) if TEMPLATE_KINDS.contains(&ext.as_str()) => Ok(Template {
            path: path.clone(),
            file,
            ext,
            bytes: None,
        }),
        _ => Err(Box::new(d::template_kind(path.span, p, TEMPLATE_KINDS))),
    }
}

/// Reads every template of the program through `source`, relative to the folder of the file
/// that names it; a template that cannot be read, is too large or lies outside that folder is
/// reported and keeps no bytes.
pub fn read_templates(
    source: &dyn Source,
    files: &Files,
    program: &mut Program,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for m in &mut program.matters {
        for (_, item) in m.items.iter_mut() {
            for mat in &mut item.materials {
                let Material::Own(own) = mat else { continue };
                let Some(t) = own.template.as_mut() else {
                    continue;
                };
                match read(source, files, t) {
                    Ok(bytes) => t.bytes = Some(bytes),
                    Err(e) => diags.push(*e),
                }
            }
        }
    }
    diags
}

fn read(source: &dyn Source, files: &Files, t: &Template) -> Result<Arc<[u8]>, Box<Diagnostic>> {
    let dir = match Path::new(files.name(t.file)).parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let target = dir.join(&t.path.value);
    let bytes = source.read(&target).map_err(|e| {
        Box::new(match e {
            ReadError::TooLarge(_) => {
                d::template_too_large(t.path.span, &t.path.value, MAX_TEMPLATE_BYTES)
            }
            e => d::template_unreadable(t.path.span, &t.path.value, &e.to_string()),
        })
    })?;
    // A symbolic link on the way may lead out of the folder: compare the real places.
    let (real, folder) = (source.key(&target), source.key(dir));
    if !real.starts_with(&folder) {
        return Err(Box::new(d::template_outside(t.path.span, &t.path.value)));
    }
    if bytes.len() > MAX_TEMPLATE_BYTES {
        return Err(Box::new(d::template_too_large(
            t.path.span,
            &t.path.value,
            MAX_TEMPLATE_BYTES,
        )));
    }
    Ok(bytes.into())
}
