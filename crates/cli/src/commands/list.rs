//! `clausewise-cli list`: the assessments, most recently changed first.

use std::io::Write;
use std::path::PathBuf;

use clausewise_core::AssessmentSummary;

use crate::db::{database_path, open_for_reading};
use crate::error::{finish, json as to_json, CliError};

pub fn run(db: Option<PathBuf>, json: bool, out: &mut impl Write) -> Result<(), CliError> {
    let store = open_for_reading(&database_path(db)?)?;
    let rows = store.list_assessments()?;
    if json {
        super::line(out, to_json(&rows)?)
    } else {
        finish(write_table(out, &rows))
    }
}

fn write_table(out: &mut impl Write, rows: &[AssessmentSummary]) -> std::io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "No assessments yet.");
    }
    let headers = ["ID", "CLIENT", "TITLE", "STATUS", "LAST CHANGED (UTC)"];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [
                r.id.to_string(),
                r.client_name.clone(),
                r.title.clone(),
                r.status.as_str().to_owned(),
                r.updated_at.format("%Y-%m-%d %H:%M").to_string(),
            ]
        })
        .collect();
    let mut widths = headers.map(|h| h.chars().count());
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |out: &mut dyn Write, row: &[&str]| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            if i + 1 == row.len() {
                text.push_str(cell);
            } else {
                let pad = w - cell.chars().count();
                text.push_str(cell);
                text.extend(std::iter::repeat_n(' ', pad + 2));
            }
        }
        writeln!(out, "{text}")
    };
    line(out, &headers)?;
    for row in &cells {
        line(out, &row.each_ref().map(String::as_str))?;
    }
    Ok(())
}
