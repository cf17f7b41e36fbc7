//! `clausewise-cli merge`: another copy of an assessment into the one here.

use std::io::Write;
use std::path::{Path, PathBuf};

use clausewise_core::history::{short_value, ChangeOp, RecordChange};
use clausewise_core::merge::{ChangedBy, MergeChoices, MergeConflict, MergePreview, Side};
use clausewise_store::OpenMode;

use crate::cli::SideArg;
use crate::db::{database_path, open};
use crate::error::{finish, json as to_json, CliError};

pub fn run(
    db: Option<PathBuf>,
    author: Option<String>,
    file: &Path,
    prefer: Option<SideArg>,
    dry_run: bool,
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let shown = file.display().to_string();
    let bytes = clausewise_api::import::read_for_merge(file, &shown)?;
    let mut store = open(&database_path(db)?, OpenMode::MustExist)?;
    if let Some(name) = author {
        store.use_author(&name)?;
    }
    let preview = store.preview_merge(&bytes)?;
    let prefer = prefer.map(|p| match p {
        SideArg::Mine => Side::Mine,
        SideArg::Theirs => Side::Theirs,
    });
    if dry_run {
        return finish(if json {
            writeln!(out, "{}", to_json(&preview)?)
        } else {
            write_summary(out, &preview, prefer, true)
        });
    }
    if prefer.is_none() && !preview.conflicts.is_empty() {
        let mut message = format!(
            "the two copies of “{}” changed {} differently; nothing was merged. Choose with \
             --prefer mine (keep this database's values) or --prefer theirs (take the file's):",
            preview.title,
            count(preview.conflicts.len(), "thing", "things")
        );
        for c in &preview.conflicts {
            message.push_str("\n  ");
            message.push_str(&conflict_line(c));
        }
        return Err(CliError::Failed(message));
    }
    let merged = store.merge(
        &bytes,
        &MergeChoices {
            prefer,
            ..MergeChoices::default()
        },
    )?;
    finish(if json {
        writeln!(out, "{}", to_json(&merged)?)
    } else {
        write_summary(out, &preview, prefer, false)
    })
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn write_summary(
    out: &mut impl Write,
    p: &MergePreview,
    prefer: Option<Side>,
    dry_run: bool,
) -> std::io::Result<()> {
    let decided = match prefer {
        Some(Side::Mine) => " (kept mine)",
        Some(Side::Theirs) => " (took theirs)",
        None => "",
    };
    writeln!(
        out,
        "{} “{}”: {} taken, {} united, {}{}.",
        if dry_run { "Would merge" } else { "Merged" },
        p.title,
        p.taken.len(),
        p.united.len(),
        count(p.conflicts.len(), "conflict", "conflicts"),
        if p.conflicts.is_empty() { "" } else { decided }
    )?;
    if !p.with_history {
        writeln!(
            out,
            "The file carries no history (an older Clausewise wrote it): every difference is a conflict."
        )?;
    }
    for t in &p.taken {
        writeln!(out, "  taken     {}", change_line(t))?;
    }
    for u in &p.united {
        writeln!(
            out,
            "  united    {} {}",
            u.subject.label(),
            quoted(&u.label)
        )?;
    }
    for c in &p.conflicts {
        writeln!(out, "  conflict  {}", conflict_line(c))?;
    }
    for l in &p.left_out {
        writeln!(out, "  left out  {l}")?;
    }
    Ok(())
}

fn quoted(label: &str) -> String {
    if label.chars().all(|c| c.is_ascii_digit() || c == '.') {
        label.to_owned()
    } else {
        format!("“{label}”")
    }
}

fn value(v: &Option<String>) -> String {
    short_value(v.as_deref())
}

fn change_line(t: &RecordChange) -> String {
    let what = format!("{} {}", t.subject.label(), quoted(&t.label));
    match t.op {
        ChangeOp::Removed => format!("{what} removed"),
        ChangeOp::Added => format!("{what} added"),
        ChangeOp::Changed => {
            let fields: Vec<String> = t
                .fields
                .iter()
                .map(|f| {
                    format!(
                        "{} {} → {}",
                        f.field.replace('_', " "),
                        value(&f.before),
                        value(&f.after)
                    )
                })
                .collect();
            format!("{what}: {}", fields.join(", "))
        }
    }
}

fn by(b: &Option<ChangedBy>) -> String {
    match b {
        Some(b) => format!(
            " ({}, {})",
            if b.author.is_empty() {
                "unnamed"
            } else {
                &b.author
            },
            b.at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M")
        ),
        None => String::new(),
    }
}

fn conflict_line(c: &MergeConflict) -> String {
    let what = format!("{} {}", c.subject.label(), quoted(&c.label));
    if c.field.is_empty() {
        let (gone, changed) = if c.mine.is_none() {
            ("here", "in the file")
        } else {
            ("in the file", "here")
        };
        return format!(
            "{what}: removed {gone}{}, changed {changed}{}",
            by(if c.mine.is_none() {
                &c.mine_by
            } else {
                &c.theirs_by
            }),
            by(if c.mine.is_none() {
                &c.theirs_by
            } else {
                &c.mine_by
            })
        );
    }
    format!(
        "{what} {}: {}{} here, {}{} in the file",
        c.field.replace('_', " "),
        value(&c.mine),
        by(&c.mine_by),
        value(&c.theirs),
        by(&c.theirs_by)
    )
}
