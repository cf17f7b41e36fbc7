//! Why a command failed: a sentence for stderr (exit code 1).

use clausewise_api::OpError;
use clausewise_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Failed(String),
    #[error("could not write the output: {0}")]
    Output(std::io::Error),
}

impl From<String> for CliError {
    fn from(message: String) -> Self {
        CliError::Failed(message)
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        CliError::Failed(e.to_string())
    }
}

impl From<OpError> for CliError {
    fn from(e: OpError) -> Self {
        CliError::Failed(e.to_string())
    }
}

impl From<clausewise_core::ValidationError> for CliError {
    fn from(e: clausewise_core::ValidationError) -> Self {
        CliError::Failed(e.to_string())
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Output(e)
    }
}

/// What the command wrote to stdout; a reader that went away (`| head`)
/// has what it wanted, so that is no failure.
pub fn finish(written: std::io::Result<()>) -> Result<(), CliError> {
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(CliError::Output),
    }
}

/// Serialises `value` as pretty JSON for stdout.
pub fn json(value: &impl serde::Serialize) -> Result<String, CliError> {
    serde_json::to_string_pretty(value).map_err(|e| CliError::Failed(e.to_string()))
}
