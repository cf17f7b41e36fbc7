//! `clausewise-cli follow-up`: a new assessment measured against an earlier
//! one.

use std::io::Write;
use std::path::PathBuf;

use clausewise_store::OpenMode;
use uuid::Uuid;

use crate::cli::LevelsArg;
use crate::db::{database_path, open};
use crate::error::CliError;

pub fn run(
    db: Option<PathBuf>,
    id: Uuid,
    title: Option<String>,
    levels: LevelsArg,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let mut store = open(&database_path(db)?, OpenMode::MustExist)?;
    let follow_up =
        clausewise_api::follow_up::start(&mut store, id, title, levels == LevelsArg::Copy)?;
    super::line(out, follow_up.id)
}
