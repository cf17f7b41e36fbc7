//! Health check of a database file: SQLite's integrity and foreign-key
//! checks, and that the schema is the one this build writes.

use serde::Serialize;

use crate::sql::{read_date, read_time, strict_date, strict_time};
use crate::{Store, StoreError, SCHEMA_VERSION};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    pub schema_version: i64,
    /// `["ok"]` when the file is sound, else SQLite's list of problems (and
    /// the tables that could not be read at all).
    pub integrity: Vec<String>,
    /// Rows that point at a parent that does not exist, as "table row → parent".
    pub foreign_key_violations: Vec<String>,
    /// Stored times and dates that cannot be read back as they are (outside
    /// the years 1900 to 2999, or no time at all), each naming its row. They
    /// are shown as the nearest readable value, so the rest of the database
    /// stays usable.
    pub unreadable_values: Vec<String>,
    /// Attached files whose stored content no longer matches its SHA-256,
    /// each named by the items that use it.
    pub damaged_files: Vec<String>,
    pub clients: i64,
    pub assessments: i64,
    pub responses: i64,
    pub findings: i64,
    pub kpis: i64,
    /// Attached files stored (each content once).
    pub files: i64,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.integrity == ["ok"]
            && self.foreign_key_violations.is_empty()
            && self.unreadable_values.is_empty()
            && self.damaged_files.is_empty()
            && self.schema_version == SCHEMA_VERSION
    }
}

/// Where times and dates are stored, and how a row of the table is named.
struct StoredTimes {
    table: &'static str,
    label: &'static str,
    id: &'static str,
    times: &'static [&'static str],
    dates: &'static [&'static str],
}

const STORED_TIMES: &[StoredTimes] = &[
    StoredTimes {
        table: "client",
        label: "'client “' || name || '”'",
        id: "id",
        times: &["created_at", "updated_at"],
        dates: &[],
    },
    StoredTimes {
        table: "assessment",
        label: "'assessment “' || title || '”'",
        id: "id",
        times: &["created_at", "updated_at"],
        dates: &["starts_on", "ends_on"],
    },
    StoredTimes {
        table: "clause_response",
        label: "'response to clause ' || clause_id || ' of assessment'",
        id: "assessment_id",
        times: &["updated_at"],
        dates: &[],
    },
    StoredTimes {
        table: "finding",
        label: "'finding “' || title || '”'",
        id: "id",
        times: &["created_at", "updated_at"],
        dates: &["due_date"],
    },
    StoredTimes {
        table: "kpi",
        label: "'KPI “' || name || '”'",
        id: "id",
        times: &["created_at", "updated_at"],
        dates: &[],
    },
];

use crate::error::sqlite_reason as reason;

impl Store {
    /// SQLite's integrity and foreign-key checks, the stored times and dates
    /// that cannot be read back, and what the database holds. A damaged
    /// database is reported on, not refused: what cannot be read is listed
    /// under `integrity`.
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        let mut integrity = self
            .conn
            .prepare("PRAGMA integrity_check")
            .and_then(|mut s| {
                s.query_map([], |row| row.get::<_, String>(0))?
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap_or_else(|e| vec![format!("the database cannot be read: {}", reason(&e))]);
        let mut unreadable_tables = Vec::new();
        let foreign_key_violations = self
            .conn
            .prepare("PRAGMA foreign_key_check")
            .and_then(|mut s| {
                s.query_map([], |row| {
                    Ok(format!(
                        "{} row {} → {}",
                        row.get::<_, String>(0)?,
                        row.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                        row.get::<_, String>(2)?
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()
            })
            .unwrap_or_else(|e| {
                unreadable_tables.push(format!(
                    "the foreign keys could not be checked: {}",
                    reason(&e)
                ));
                Vec::new()
            });
        let unreadable_values = self.unreadable_values(&mut unreadable_tables);
        let mut count = |table: &str| -> i64 {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap_or_else(|e| {
                    unreadable_tables
                        .push(format!("the table {table} cannot be read: {}", reason(&e)));
                    0
                })
        };
        let (clients, assessments, responses, findings, kpis, files) = (
            count("client"),
            count("assessment"),
            count("clause_response"),
            count("finding"),
            count("kpi"),
            count("file_blob"),
        );
        let damaged_files = self.damaged_files(&mut unreadable_tables);
        if !unreadable_tables.is_empty() {
            integrity.retain(|line| line != "ok");
            integrity.extend(unreadable_tables);
        }
        Ok(CheckReport {
            schema_version: self
                .conn
                .pragma_query_value(None, "user_version", |r| r.get(0))?,
            integrity,
            foreign_key_violations,
            unreadable_values,
            damaged_files,
            clients,
            assessments,
            responses,
            findings,
            kpis,
            files,
        })
    }

    /// Reads every stored file back and compares it with its SHA-256.
    fn damaged_files(&self, problems: &mut Vec<String>) -> Vec<String> {
        let stored = match self.stored_files() {
            Ok(s) => s,
            Err(e) => {
                problems.push(format!("the attached files cannot be read: {e}"));
                return Vec::new();
            }
        };
        let mut damaged = Vec::new();
        for (sha256, _) in stored {
            let users: Vec<String> = self
                .conn
                .prepare(
                    "SELECT e.code || ' “' || f.name || '” of assessment “' || a.title || '”'
                       FROM evidence_file f JOIN evidence e ON e.id = f.evidence_id
                       JOIN assessment a ON a.id = e.assessment_id WHERE f.sha256 = ?1",
                )
                .and_then(|mut s| {
                    s.query_map([&sha256], |row| row.get(0))?
                        .collect::<Result<_, _>>()
                })
                .unwrap_or_default();
            let name = users.first().cloned().unwrap_or_else(|| sha256.clone());
            match crate::evidence::copy_blob(&self.conn, &sha256, &name, &mut std::io::sink()) {
                Ok(_) => {}
                Err(StoreError::Attachment(_)) => damaged.push(format!(
                    "{} (SHA-256 {}…): the stored content does not match; attach it again",
                    users.join(", "),
                    &sha256[..12]
                )),
                Err(e) => problems.push(format!("an attached file cannot be read: {e}")),
            }
        }
        damaged
    }

    fn unreadable_values(&self, problems: &mut Vec<String>) -> Vec<String> {
        let mut found = Vec::new();
        for StoredTimes {
            table,
            label,
            id,
            times,
            dates,
        } in STORED_TIMES
        {
            let columns: Vec<&str> = times.iter().chain(dates.iter()).copied().collect();
            let sql = format!("SELECT {label}, {id}, {} FROM {table}", columns.join(", "));
            let scanned = self.conn.prepare(&sql).and_then(|mut stmt| {
                let mut rows = stmt.query([])?;
                while let Some(row) = rows.next()? {
                    let name: String = row.get(0)?;
                    let id: String = row.get(1)?;
                    for (i, column) in columns.iter().enumerate() {
                        let Some(text) = row.get::<_, Option<String>>(i + 2)? else {
                            continue;
                        };
                        let shown = if i < times.len() {
                            strict_time(&text).is_none().then(|| {
                                read_time(&text).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                            })
                        } else {
                            strict_date(&text).is_none().then(|| {
                                read_date(&text)
                                    .map_or_else(|| "no date".to_owned(), |d| d.to_string())
                            })
                        };
                        if let Some(shown) = shown {
                            found.push(format!(
                                "{name} ({id}): {column} “{text}” cannot be read back; \
                                 Clausewise shows {shown} in its place"
                            ));
                        }
                    }
                }
                Ok(())
            });
            if let Err(e) = scanned {
                problems.push(format!("the table {table} cannot be read: {}", reason(&e)));
            }
        }
        found
    }

    /// SQLite's quick integrity check: `Damaged` when it finds a problem.
    /// Fast enough to run at every start of the app.
    pub fn quick_check(&self) -> Result<(), StoreError> {
        let damaged = |detail: String| StoreError::Damaged {
            path: self.path.clone().unwrap_or_default(),
            detail,
        };
        let lines = self
            .conn
            .prepare("PRAGMA quick_check")
            .and_then(|mut s| {
                s.query_map([], |row| row.get::<_, String>(0))?
                    .collect::<Result<Vec<_>, _>>()
            })
            .map_err(|e| damaged(reason(&e)))?;
        match lines.as_slice() {
            [ok] if ok == "ok" => Ok(()),
            [first] => Err(damaged(first.clone())),
            [first, rest @ ..] => Err(damaged(format!(
                "{first}, and {} more problems",
                rest.len()
            ))),
            [] => Err(damaged("no answer".to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sound_database_passes() {
        let mut store = Store::open_in_memory().expect("store");
        store.create_demo().expect("demo");
        let report = store.check().expect("check");
        assert!(report.is_ok(), "{report:?}");
        assert_eq!(
            (
                report.assessments,
                report.responses,
                report.findings,
                report.kpis
            ),
            (1, 57, 32, 8)
        );
    }

    #[test]
    fn dangling_rows_are_reported() {
        let store = Store::open_in_memory().expect("store");
        store
            .conn
            .pragma_update(None, "foreign_keys", "OFF")
            .expect("fk off");
        store
            .conn
            .execute(
                "INSERT INTO finding (id, assessment_id, clause_id, kind, title, priority, status,
                     created_at, updated_at)
                 VALUES ('f', 'gone', '9.3', 'observation', 't', 'low', 'open', 'x', 'x')",
                [],
            )
            .expect("orphan");
        let report = store.check().expect("check");
        assert!(!report.is_ok());
        assert_eq!(report.foreign_key_violations.len(), 1);
        assert!(
            report.foreign_key_violations[0].starts_with("finding row"),
            "{report:?}"
        );
    }
}
