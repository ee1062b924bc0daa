//! Loads the artifacts `yjs build` writes for one matter: `form.schema.json`, `projections.json`, `plan.json`.
//!
//! The loader is strict about what it uses and tolerant of what it does not: the artifact types
//! accept extra fields, so a newer compiler's output still loads; a missing file, bad JSON, a
//! format version the runtime does not know, or artifacts of two different matters are errors.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;
use yjs_artifacts::{Plan, Projections, FORMAT_VERSION};

/// The three artifacts of one matter.
#[derive(Debug, Clone, PartialEq)]
pub struct MatterArtifacts {
    /// The merged form's JSON Schema (draft-07).
    pub schema: Value,
    /// What each item's department receives.
    pub projections: Projections,
    /// The routing plan.
    pub plan: Plan,
}

/// Why the artifacts of a matter could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// A file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        error: std::io::Error,
    },
    /// A file is not valid JSON of the expected shape.
    Json {
        /// The file.
        path: PathBuf,
        /// The parse error.
        error: serde_json::Error,
    },
    /// The artifacts are inconsistent or of an unknown format.
    Invalid(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io { path, error } => write!(f, "无法读取 {}：{error}", path.display()),
            Self::Json { path, error } => {
                write!(f, "{} 不是有效的产物文件：{error}", path.display())
            }
            Self::Invalid(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for LoadError {}

impl MatterArtifacts {
    /// Reads `DIR/<matter>/`'s `form.schema.json`, `projections.json` and `plan.json`.
    pub fn load(dir: &Path) -> Result<Self, LoadError> {
        let schema: Value = read_json(&dir.join("form.schema.json"))?;
        let projections: Projections = read_json(&dir.join("projections.json"))?;
        let plan: Plan = read_json(&dir.join("plan.json"))?;
        Self::new(schema, projections, plan)
    }

    /// Checks that the three artifacts belong together.
    pub fn new(schema: Value, projections: Projections, plan: Plan) -> Result<Self, LoadError> {
        for (name, version) in [
            ("projections.json", projections.format_version),
            ("plan.json", plan.format_version),
        ] {
            if version != FORMAT_VERSION {
                return Err(LoadError::Invalid(format!(
                    "{name} 的格式版本为 {version}，本运行时只支持版本 {FORMAT_VERSION}，请用同一版本的 yjs 重新构建"
                )));
            }
        }
        if projections.matter != plan.matter {
            return Err(LoadError::Invalid(format!(
                "projections.json 属于事项 {}，plan.json 却属于 {}",
                projections.matter, plan.matter
            )));
        }
        if !schema.is_object() {
            return Err(LoadError::Invalid(
                "form.schema.json 的顶层必须是一个 JSON 对象".to_owned(),
            ));
        }
        for p in &projections.items {
            if !plan.steps.iter().any(|s| s.id == p.item) {
                return Err(LoadError::Invalid(format!(
                    "projections.json 中的事项 {} 在 plan.json 中没有对应的步骤",
                    p.item
                )));
            }
        }
        for step in &plan.steps {
            for pred in &step.after {
                if !plan.steps.iter().any(|s| &s.id == pred) {
                    return Err(LoadError::Invalid(format!(
                        "plan.json 中步骤 {} 的前置步骤 {pred} 不存在",
                        step.id
                    )));
                }
            }
        }
        Ok(Self {
            schema,
            projections,
            plan,
        })
    }

    /// The matter id.
    pub fn matter(&self) -> &str {
        &self.plan.matter
    }
}

/// Reads and deserialises one JSON file.
fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|error| LoadError::Io {
        path: path.to_owned(),
        error,
    })?;
    serde_json::from_str(&text).map_err(|error| LoadError::Json {
        path: path.to_owned(),
        error,
    })
}
