//! Why emitting failed: always a bug in yjs (the IR of a checked program is consistent), so the
//! CLI shows it as the internal error I0001.

use super::guide::GuideError;
use crate::diagnostics::{Code, Diagnostic};
use std::fmt;
use yjs_artifacts::GraphError;

/// An artifact that could not be emitted.
#[derive(Debug)]
pub enum EmitError {
    /// An artifact could not be serialized to JSON.
    Serialize {
        /// The artifact, e.g. `plan.json`.
        artifact: &'static str,
        source: serde_json::Error,
    },
    /// The plan's steps do not form a graph.
    Graph(GraphError),
    /// A document could not be built or rendered.
    Guide(GuideError),
    /// An artifact kept in memory is not UTF-8 text (every emitter writes text).
    NotText {
        /// The artifact's path.
        path: String,
    },
    /// One of the above, in one matter.
    Matter {
        matter: String,
        error: Box<EmitError>,
    },
}

impl EmitError {
    /// The error, said to have happened in `matter`.
    pub fn in_matter(self, matter: &str) -> Self {
        EmitError::Matter {
            matter: matter.to_string(),
            error: Box::new(self),
        }
    }

    /// The internal-error diagnostic (I0001) that tells the user what happened.
    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic::bare_error(
            Code::I0001,
            crate::diagnostics::t!("i0001-emit", what = self.to_string()),
        )
        .with_note(crate::diagnostics::t!("i0001-emit-note"))
        .with_help(crate::diagnostics::t!("i0001-emit-help"))
    }
}

impl fmt::Display for EmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmitError::Serialize { artifact, source } => {
                write!(f, "cannot serialize `{artifact}`: {source}")
            }
            EmitError::Graph(e) => write!(f, "the plan is not a graph: {e}"),
            EmitError::Guide(e) => write!(f, "{e}"),
            EmitError::NotText { path } => write!(f, "`{path}` is not UTF-8 text"),
            EmitError::Matter { matter, error } => write!(f, "matter `{matter}`: {error}"),
        }
    }
}

impl std::error::Error for EmitError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EmitError::Serialize { source, .. } => Some(source),
            EmitError::Graph(e) => Some(e),
            EmitError::Guide(e) => Some(e),
            EmitError::Matter { error, .. } => Some(error),
            EmitError::NotText { .. } => None,
        }
    }
}

impl From<GuideError> for EmitError {
    fn from(e: GuideError) -> Self {
        EmitError::Guide(e)
    }
}

/// Two-space pretty JSON with a trailing newline.
pub fn pretty<T: serde::Serialize + ?Sized>(
    artifact: &'static str,
    value: &T,
) -> Result<String, EmitError> {
    let mut bytes = Vec::with_capacity(128);
    super::indent::to_writer(&mut bytes, value)
        .map_err(|source| EmitError::Serialize { artifact, source })?;
    bytes.push(b'\n');
    // serde_json writes only UTF-8.
    String::from_utf8(bytes).map_err(|_| EmitError::NotText {
        path: artifact.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value whose serialization fails, as a map with a non-string key does.
    struct Broken;

    impl serde::Serialize for Broken {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("no"))
        }
    }

    #[test]
    fn a_serialization_failure_is_an_error_not_an_empty_file() {
        let e = pretty("plan.json", &Broken).unwrap_err().in_matter("m");
        assert_eq!(
            e.to_string(),
            "matter `m`: cannot serialize `plan.json`: no"
        );
        let d = e.diagnostic();
        assert_eq!(d.code, Code::I0001);
        assert!(d.is_error());
        assert_eq!(pretty("x", &[1]).ok().as_deref(), Some("[\n  1\n]\n"));
    }
}
