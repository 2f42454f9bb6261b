//! One file's entry in the report of `tinhuy extract --json`: shared by the
//! command and the fuzz checks that read what it prints.

use serde::Serialize;

use crate::extract::{ArticleFacts, Extracted};
use crate::text::DecodeError;

/// The facts of one file, or why it could not be read.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum FileFacts {
    Read {
        file: String,
        #[serde(flatten)]
        facts: Box<ArticleFacts>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        warnings: Vec<String>,
    },
    Failed {
        file: String,
        error: String,
    },
}

impl FileFacts {
    /// What `tinhuy extract` reports for the file named `file`, from the
    /// result of reading its bytes.
    pub fn new(file: String, read: Result<Extracted, DecodeError>) -> FileFacts {
        match read {
            Ok(x) => FileFacts::Read {
                file,
                facts: Box::new(x.facts),
                warnings: x.warnings,
            },
            Err(e) => FileFacts::Failed {
                file,
                error: e.to_string(),
            },
        }
    }
}
