//! Loads the artifacts `yjs build` writes for one matter: `form.schema.json`, `projections.json`,
//! `plan.json`, and `form.sources.json` (for the messages the sources write) when present.
//!
//! The loader is strict about what it uses and tolerant of what it does not: the artifact types
//! accept extra fields, so a newer compiler's output still loads; a missing file, bad JSON, a
//! format version the runtime does not know, artifacts of two different matters, a plan whose
//! steps do not form a graph (a repeated step, an unknown predecessor, a cycle), an item step
//! without exactly one projection, a projection of a step that is not an item, a projected field
//! named twice, or a field pointer that is not a well-formed JSON pointer (RFC 6901: empty is
//! the whole submission and is refused; else `/` then tokens where `~` is `~0` or `~1`) are
//! errors, each with its own code: the runtime never runs artifacts whose cases could not finish
//! or would silently drop fields.
//!
//! The plan's [`PlanGraph`] is built here, once; the engine hands it to every case it opens.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;
use yjs_artifacts::{
    FormSources, GraphError, Plan, PlanGraph, Projections, StepKind, FORMAT_VERSION,
};

use crate::error::Code;

/// The three artifacts of one matter, checked to belong together.
#[derive(Debug, Clone, PartialEq)]
pub struct MatterArtifacts {
    schema: Value,
    projections: Projections,
    plan: Plan,
    graph: PlanGraph,
    /// `form.sources.json`, when the folder has it: the messages the sources write.
    sources: Option<FormSources>,
}

/// Why the artifacts of a matter cannot be used.
#[derive(Debug)]
pub enum ArtifactError {
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
    /// An artifact has a format version this runtime does not support.
    FormatVersion {
        /// The artifact's file name.
        file: &'static str,
        /// The version it declares.
        found: u32,
    },
    /// `projections.json` and `plan.json` name different matters.
    MatterMismatch {
        /// The matter of `projections.json`.
        projections: String,
        /// The matter of `plan.json`.
        plan: String,
    },
    /// `form.sources.json` and `plan.json` name different matters.
    SourcesMismatch {
        /// The matter of `form.sources.json`.
        sources: String,
        /// The matter of `plan.json`.
        plan: String,
    },
    /// `form.schema.json` is not a usable draft-07 JSON Schema.
    FormSchema {
        /// What is wrong with it.
        reason: String,
    },
    /// A projection names an item the plan has no step for.
    ProjectionWithoutStep {
        /// The item id.
        item: String,
    },
    /// An item step of the plan has no projection, or more than one.
    ProjectionCount {
        /// The item id.
        item: String,
        /// How many projections name it.
        count: usize,
    },
    /// A projection names the acceptance or delivery step, which receive no packet.
    ProjectionOfNonItem {
        /// The step id.
        step: String,
    },
    /// A projected field's pointer is not a well-formed JSON pointer into the submission.
    BadPointer {
        /// The item id.
        item: String,
        /// The field's name.
        field: String,
        /// The pointer as written.
        pointer: String,
    },
    /// Two fields of one projection have the same name: one would overwrite the other.
    DuplicateField {
        /// The item id.
        item: String,
        /// The field's name.
        field: String,
    },
    /// The plan's steps do not form a graph.
    Plan(GraphError),
    /// A service was given the same matter twice.
    DuplicateMatter {
        /// The matter id.
        matter: String,
    },
}

impl ArtifactError {
    /// The stable code.
    pub fn code(&self) -> Code {
        match self {
            Self::Io { .. } => Code::ArtifactUnreadable,
            Self::Json { .. } => Code::ArtifactMalformed,
            Self::FormatVersion { .. } => Code::FormatVersion,
            Self::MatterMismatch { .. } | Self::SourcesMismatch { .. } => Code::MatterMismatch,
            Self::FormSchema { .. } => Code::FormSchemaInvalid,
            Self::ProjectionWithoutStep { .. } => Code::ProjectionWithoutStep,
            Self::ProjectionCount { .. } => Code::ProjectionCount,
            Self::ProjectionOfNonItem { .. } => Code::ProjectionOfNonItem,
            Self::BadPointer { .. } => Code::BadPointer,
            Self::DuplicateField { .. } => Code::DuplicateField,
            Self::Plan(GraphError::DuplicateStep(_)) => Code::DuplicateStep,
            Self::Plan(GraphError::UnknownStep { .. }) => Code::UnknownPredecessor,
            Self::Plan(GraphError::Cycle(_)) => Code::PlanCycle,
            Self::DuplicateMatter { .. } => Code::DuplicateMatter,
        }
    }
}

impl fmt::Display for ArtifactError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io { path, error } => write!(f, "无法读取 {}：{error}", path.display()),
            Self::Json { path, error } => {
                write!(f, "{} 不是有效的产物文件：{error}", path.display())
            }
            Self::FormatVersion { file, found } => write!(
                f,
                "{file} 的格式版本为 {found}，本运行时只支持版本 {FORMAT_VERSION}，请用同一版本的 yjs 重新构建"
            ),
            Self::MatterMismatch { projections, plan } => write!(
                f,
                "projections.json 属于事项 {projections}，plan.json 却属于 {plan}"
            ),
            Self::SourcesMismatch { sources, plan } => write!(
                f,
                "form.sources.json 属于事项 {sources}，plan.json 却属于 {plan}"
            ),
            Self::FormSchema { reason } => {
                write!(f, "form.schema.json 不是有效的 JSON Schema：{reason}")
            }
            Self::ProjectionWithoutStep { item } => write!(
                f,
                "projections.json 中的事项 {item} 在 plan.json 中没有对应的步骤"
            ),
            Self::ProjectionCount { item, count } => write!(
                f,
                "plan.json 中的事项 {item} 在 projections.json 中有 {count} 个投影，应恰好一个；请重新构建"
            ),
            Self::ProjectionOfNonItem { step } => write!(
                f,
                "projections.json 为步骤 {step} 写了投影，但它不是事项步骤（受理、送达不接收数据包）"
            ),
            Self::BadPointer {
                item,
                field,
                pointer,
            } => write!(
                f,
                "projections.json 中事项 {item} 的栏目 {field} 的指针 “{pointer}” 不是有效的 JSON 指针（应以 / 开头，~ 只能写作 ~0 或 ~1）"
            ),
            Self::DuplicateField { item, field } => write!(
                f,
                "projections.json 中事项 {item} 的栏目 {field} 出现了两次"
            ),
            Self::Plan(e) => write!(
                f,
                "plan.json 不是有效的办理流程：{}；请检查事项的 after 声明后重新构建",
                graph_message(e)
            ),
            Self::DuplicateMatter { matter } => {
                write!(f, "事项 {matter} 的产物被加载了两次")
            }
        }
    }
}

impl std::error::Error for ArtifactError {}

/// Why a plan is not a graph, in Chinese.
pub fn graph_message(e: &GraphError) -> String {
    match e {
        GraphError::DuplicateStep(id) => format!("步骤 {id} 出现了两次"),
        GraphError::UnknownStep { step, after } => {
            format!("步骤 {step} 的前置步骤 {after} 不存在")
        }
        GraphError::Cycle(ids) => {
            let mut ring = ids.clone();
            if let Some(first) = ids.first() {
                ring.push(first.clone());
            }
            format!("步骤之间循环等待：{}", ring.join(" → "))
        }
    }
}

impl MatterArtifacts {
    /// Reads `DIR/<matter>/`'s `form.schema.json`, `projections.json` and `plan.json`, and
    /// `form.sources.json` when the folder has it (a folder without it gets the runtime's own
    /// wording for every problem; one that has it must be readable and of the same matter).
    pub fn load(dir: &Path) -> Result<Self, ArtifactError> {
        let schema: Value = read_json(&dir.join("form.schema.json"))?;
        let projections: Projections = read_json(&dir.join("projections.json"))?;
        let plan: Plan = read_json(&dir.join("plan.json"))?;
        let artifacts = Self::new(schema, projections, plan)?;
        let sources = dir.join("form.sources.json");
        if !sources.exists() {
            return Ok(artifacts);
        }
        artifacts.with_sources(read_json(&sources)?)
    }

    /// The same artifacts with `form.sources.json`, whose messages the validator then uses.
    pub fn with_sources(mut self, sources: FormSources) -> Result<Self, ArtifactError> {
        if sources.matter != self.plan.matter {
            return Err(ArtifactError::SourcesMismatch {
                sources: sources.matter,
                plan: self.plan.matter,
            });
        }
        self.sources = Some(sources);
        Ok(self)
    }

    /// Checks that the three artifacts belong together and that the plan is a graph.
    pub fn new(schema: Value, projections: Projections, plan: Plan) -> Result<Self, ArtifactError> {
        for (file, found) in [
            ("projections.json", projections.format_version),
            ("plan.json", plan.format_version),
        ] {
            if found != FORMAT_VERSION {
                return Err(ArtifactError::FormatVersion { file, found });
            }
        }
        if projections.matter != plan.matter {
            return Err(ArtifactError::MatterMismatch {
                projections: projections.matter.clone(),
                plan: plan.matter.clone(),
            });
        }
        if !schema.is_object() {
            return Err(ArtifactError::FormSchema {
                reason: "顶层必须是一个 JSON 对象".to_owned(),
            });
        }
        let graph = PlanGraph::new(&plan).map_err(ArtifactError::Plan)?;
        check_projections(&plan, &graph, &projections)?;
        Ok(Self {
            schema,
            projections,
            plan,
            graph,
            sources: None,
        })
    }

    /// `form.sources.json`, when it was loaded.
    pub fn sources(&self) -> Option<&FormSources> {
        self.sources.as_ref()
    }

    /// The matter id.
    pub fn matter(&self) -> &str {
        &self.plan.matter
    }

    /// The merged form's JSON Schema (draft-07).
    pub fn schema(&self) -> &Value {
        &self.schema
    }

    /// What each item's department receives.
    pub fn projections(&self) -> &Projections {
        &self.projections
    }

    /// The routing plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan's steps as a checked graph.
    pub fn graph(&self) -> &PlanGraph {
        &self.graph
    }
}

/// Every projection names an item step, every item step has exactly one projection, and every
/// projected field has a unique name and a well-formed pointer.
fn check_projections(
    plan: &Plan,
    graph: &PlanGraph,
    projections: &Projections,
) -> Result<(), ArtifactError> {
    for p in &projections.items {
        let Some(i) = graph.index(&p.item) else {
            return Err(ArtifactError::ProjectionWithoutStep {
                item: p.item.clone(),
            });
        };
        if plan.steps.get(i).map(|s| s.kind) != Some(StepKind::Item) {
            return Err(ArtifactError::ProjectionOfNonItem {
                step: p.item.clone(),
            });
        }
        let mut names = std::collections::BTreeSet::new();
        for f in &p.fields {
            if !well_formed_pointer(&f.pointer) {
                return Err(ArtifactError::BadPointer {
                    item: p.item.clone(),
                    field: f.name.clone(),
                    pointer: f.pointer.clone(),
                });
            }
            if !names.insert(f.name.as_str()) {
                return Err(ArtifactError::DuplicateField {
                    item: p.item.clone(),
                    field: f.name.clone(),
                });
            }
        }
    }
    for step in plan.steps.iter().filter(|s| s.kind == StepKind::Item) {
        let count = projections
            .items
            .iter()
            .filter(|p| p.item == step.id)
            .count();
        if count != 1 {
            return Err(ArtifactError::ProjectionCount {
                item: step.id.clone(),
                count,
            });
        }
    }
    Ok(())
}

/// Whether `pointer` is a non-empty RFC 6901 JSON pointer: `/` then tokens in which every `~`
/// is followed by `0` or `1`.
pub fn well_formed_pointer(pointer: &str) -> bool {
    let Some(rest) = pointer.strip_prefix('/') else {
        return false;
    };
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
            return false;
        }
    }
    true
}

/// Reads and deserialises one JSON file.
fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, ArtifactError> {
    let text = std::fs::read_to_string(path).map_err(|error| ArtifactError::Io {
        path: path.to_owned(),
        error,
    })?;
    serde_json::from_str(&text).map_err(|error| ArtifactError::Json {
        path: path.to_owned(),
        error,
    })
}
