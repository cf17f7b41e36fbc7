//! `clausewise-cli demo`: the demo client and assessment.

use std::io::Write;
use std::path::PathBuf;

use clausewise_store::OpenMode;

use crate::db::{database_path, open};
use crate::error::CliError;

pub fn run(db: Option<PathBuf>, findings: usize, out: &mut impl Write) -> Result<(), CliError> {
    let mut store = open(&database_path(db)?, OpenMode::CreateIfMissing)?;
    let assessment = store.create_demo_with(findings)?;
    super::line(out, assessment.id)
}
