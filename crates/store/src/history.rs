//! The change history: every change to an assessment's content, recorded by
//! the transaction that makes it, and undo and redo built on it.
//!
//! How it is recorded: [`crate::sql::touch_assessment`], which every write
//! to an assessment calls first, opens a group (author, time) and names it
//! in the connection's `temp.cw_recording`; triggers on the recorded tables
//! (temporary, made for each connection from the tables' own columns, so a
//! column added later is recorded without more code) then write one row per
//! inserted, updated or deleted record, with its values before and after.
//! [`commit_change`] closes the group before the commit: a group that
//! changed nothing is dropped, quick successive edits of one text field are
//! folded into one, and the oldest groups go beyond [`HISTORY_LIMIT`].
//!
//! Undo applies a group's values before, in reverse order, as a group of its
//! own that names the group it reverts; redo reverts an undo. Both are
//! refused when a record has changed since in a way the group did not make.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use clausewise_core::history::{
    AssessedBy, ChangeKind, ChangeOp, FieldChange, HistoryEntry, HistoryQuery, Origin,
    RecordChange, RecordedGroup, RecordedRow, Reverted, RowOp, Subject, UndoState,
};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Transaction};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::sql::{enum_text, now, parse_enum, read_time, strict_time, timestamp, touch_assessment};
use crate::{Store, StoreError};

/// The most groups kept per assessment; older ones are let go.
pub const HISTORY_LIMIT: i64 = 20_000;
/// Edits of one text field by one author this close together are one entry.
const FOLD_WINDOW: Duration = Duration::seconds(5);

/// A recorded table's columns, as the triggers and undo use them.
#[derive(Debug, Clone)]
pub(crate) struct TableInfo {
    pub name: &'static str,
    pub columns: Vec<String>,
    pub key: Vec<String>,
    pub has_updated_at: bool,
    /// Each column's default as the log shows values (`not_judged`, `0`):
    /// a record added or removed does not list what it holds by default.
    pub defaults: BTreeMap<String, String>,
}

pub(crate) fn table_info(conn: &Connection, name: &'static str) -> rusqlite::Result<TableInfo> {
    let mut stmt =
        conn.prepare_cached("SELECT name, pk, dflt_value FROM pragma_table_info(?1, 'main')")?;
    let mut columns = Vec::new();
    let mut key: Vec<(i64, String)> = Vec::new();
    let mut defaults = BTreeMap::new();
    for row in stmt.query_map([name], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })? {
        let (column, pk, default) = row?;
        if pk > 0 {
            key.push((pk, column.clone()));
        }
        if let Some(literal) = default {
            let value = literal
                .strip_prefix('\'')
                .and_then(|l| l.strip_suffix('\''))
                .map(|l| l.replace("''", "'"))
                .unwrap_or(literal);
            defaults.insert(column.clone(), value);
        }
        columns.push(column);
    }
    key.sort();
    Ok(TableInfo {
        name,
        has_updated_at: columns.iter().any(|c| c == "updated_at"),
        columns,
        key: key.into_iter().map(|(_, c)| c).collect(),
        defaults,
    })
}

fn recorded_tables(conn: &Connection) -> rusqlite::Result<Vec<TableInfo>> {
    Subject::TABLES
        .iter()
        .map(|(_, table)| table_info(conn, table))
        .collect()
}

/// Makes this connection record changes: the temporary tables that say
/// which group is open and who the author is, and the triggers.
pub(crate) fn install(conn: &Connection) -> rusqlite::Result<()> {
    let mut sql = String::from(
        "CREATE TEMP TABLE IF NOT EXISTS cw_recording (group_seq INTEGER NOT NULL);\n\
         CREATE TEMP TABLE IF NOT EXISTS cw_session (author TEXT NOT NULL);\n",
    );
    for info in recorded_tables(conn)? {
        sql.push_str(&triggers(&info));
    }
    conn.execute_batch(&sql)
}

/// `json_object('a', NEW."a", …)`; `side` is `NEW.`, `OLD.` or nothing.
pub(crate) fn object(side: &str, columns: &[&String]) -> String {
    let pairs: Vec<String> = columns
        .iter()
        .map(|c| format!("'{c}', {side}\"{c}\""))
        .collect();
    format!("json_object({})", pairs.join(", "))
}

fn triggers(info: &TableInfo) -> String {
    let t = info.name;
    let all: Vec<&String> = info.columns.iter().collect();
    let compared: Vec<&String> = info.columns.iter().filter(|c| *c != "updated_at").collect();
    let key = |side: &str| {
        let cols: Vec<String> = info.key.iter().map(|c| format!("{side}.\"{c}\"")).collect();
        format!("json_array({})", cols.join(", "))
    };
    let differs: Vec<String> = compared
        .iter()
        .map(|c| format!("OLD.\"{c}\" IS NOT NEW.\"{c}\""))
        .collect();
    let unchanged = |side: &str| {
        let paths: Vec<String> = compared
            .iter()
            .map(|c| format!("CASE WHEN OLD.\"{c}\" IS NEW.\"{c}\" THEN '$.{c}' ELSE '$.~' END"))
            .collect();
        format!(
            "json_remove({}, {})",
            object(&format!("{side}."), &compared),
            paths.join(", ")
        )
    };
    let when = "EXISTS (SELECT 1 FROM cw_recording)";
    format!(
        "CREATE TEMP TRIGGER IF NOT EXISTS cw_history_{t}_insert AFTER INSERT ON {t} WHEN {when}
         BEGIN
           INSERT INTO change_row (group_seq, n, tbl, key, op, before, after)
           SELECT group_seq, {n}, '{t}', {key_new}, 'insert', NULL, {all_new} FROM cw_recording;
         END;
         CREATE TEMP TRIGGER IF NOT EXISTS cw_history_{t}_update AFTER UPDATE ON {t}
         WHEN {when} AND ({differs})
         BEGIN
           INSERT INTO change_row (group_seq, n, tbl, key, op, before, after)
           SELECT group_seq, {n}, '{t}', {key_new}, 'update', {before}, {after} FROM cw_recording;
         END;
         CREATE TEMP TRIGGER IF NOT EXISTS cw_history_{t}_delete AFTER DELETE ON {t} WHEN {when}
         BEGIN
           INSERT INTO change_row (group_seq, n, tbl, key, op, before, after)
           SELECT group_seq, {n}, '{t}', {key_old}, 'delete', {all_old}, NULL FROM cw_recording;
         END;\n",
        n = "COALESCE((SELECT max(c.n) FROM change_row c \
             WHERE c.group_seq = cw_recording.group_seq), 0) + 1",
        key_new = key("NEW"),
        key_old = key("OLD"),
        all_new = object("NEW.", &all),
        all_old = object("OLD.", &all),
        differs = differs.join(" OR "),
        before = unchanged("OLD"),
        after = unchanged("NEW"),
    )
}

/// Opens a group for the change the transaction is about to make (called
/// by `touch_assessment`, once the assessment is known to be a draft).
pub(crate) fn open_group(tx: &Transaction<'_>, assessment_id: Uuid) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM temp.cw_recording")?
        .execute([])?;
    tx.prepare_cached(
        "INSERT INTO change_group (id, assessment_id, author, at, kind)
         VALUES (?1, ?2, COALESCE((SELECT author FROM temp.cw_session LIMIT 1),
                                  (SELECT value FROM setting WHERE key = 'author'), ''),
                 ?3, 'edit')",
    )?
    .execute(params![
        Uuid::new_v4().to_string(),
        assessment_id.to_string(),
        timestamp(now())
    ])?;
    tx.prepare_cached("INSERT INTO temp.cw_recording (group_seq) VALUES (last_insert_rowid())")?
        .execute([])?;
    Ok(())
}

/// Closes the open group and commits: every write that opened a group
/// ends here instead of in a bare `commit`.
pub(crate) fn commit_change(tx: Transaction<'_>) -> Result<(), StoreError> {
    close_group(&tx)?;
    tx.commit()?;
    Ok(())
}

fn close_group(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let seq: Option<i64> = tx
        .prepare_cached("SELECT group_seq FROM temp.cw_recording")?
        .query_row([], |r| r.get(0))
        .optional()?;
    tx.prepare_cached("DELETE FROM temp.cw_recording")?
        .execute([])?;
    let Some(seq) = seq else { return Ok(()) };
    let mut rows: i64 = tx
        .prepare_cached("SELECT count(*) FROM change_row WHERE group_seq = ?1")?
        .query_row([seq], |r| r.get(0))?;
    if rows > 1 {
        rows -= drop_rewrites(tx, seq)?;
    }
    if rows == 0 {
        tx.prepare_cached("DELETE FROM change_group WHERE seq = ?1")?
            .execute([seq])?;
        return Ok(());
    }
    if rows == 1 {
        fold(tx, seq)?;
    }
    if seq % 256 == 0 {
        prune(tx, seq)?;
    }
    Ok(())
}

/// A recorded row as stored, JSON unparsed.
struct RawRow {
    id: i64,
    table: String,
    key: String,
    op: String,
    before: Option<String>,
    after: Option<String>,
}

fn raw_rows(tx: &Connection, seq: i64, limit: i64) -> rusqlite::Result<Vec<RawRow>> {
    let mut stmt = tx.prepare_cached(
        "SELECT n, tbl, key, op, before, after FROM change_row WHERE group_seq = ?1
         ORDER BY n LIMIT ?2",
    )?;
    let rows = stmt.query_map([seq, limit], |r| {
        Ok(RawRow {
            id: r.get(0)?,
            table: r.get(1)?,
            key: r.get(2)?,
            op: r.get(3)?,
            before: r.get(4)?,
            after: r.get(5)?,
        })
    })?;
    rows.collect()
}

/// Leaves out a record deleted and written back as it was (lists such as
/// a finding's scope are saved whole): no change to show or undo. Returns
/// how many rows were left out.
fn drop_rewrites(tx: &Transaction<'_>, seq: i64) -> rusqlite::Result<i64> {
    let rows = raw_rows(tx, seq, -1)?;
    let mut dropped: Vec<i64> = Vec::new();
    for (i, deleted) in rows.iter().enumerate() {
        if deleted.op != "delete" || dropped.contains(&deleted.id) {
            continue;
        }
        let written_back = rows[i + 1..].iter().find(|r| {
            r.op == "insert"
                && r.table == deleted.table
                && r.key == deleted.key
                && !dropped.contains(&r.id)
                && as_map(r.after.clone()) == as_map(deleted.before.clone())
        });
        if let Some(inserted) = written_back {
            dropped.push(deleted.id);
            dropped.push(inserted.id);
        }
    }
    for id in &dropped {
        tx.prepare_cached("DELETE FROM change_row WHERE group_seq = ?1 AND n = ?2")?
            .execute([seq, *id])?;
    }
    Ok(dropped.len() as i64)
}

struct GroupHead {
    seq: i64,
    assessment_id: String,
    author: String,
    at: String,
    kind: String,
    origin: String,
}

fn group_head(
    tx: &Connection,
    sql: &str,
    p: impl rusqlite::Params,
) -> rusqlite::Result<Option<GroupHead>> {
    tx.prepare_cached(sql)?
        .query_row(p, |r| {
            Ok(GroupHead {
                seq: r.get(0)?,
                assessment_id: r.get(1)?,
                author: r.get(2)?,
                at: r.get(3)?,
                kind: r.get(4)?,
                origin: r.get(5)?,
            })
        })
        .optional()
}

/// The single row of a group, if it has just one.
fn only_row(tx: &Connection, seq: i64) -> rusqlite::Result<Option<RawRow>> {
    let rows = raw_rows(tx, seq, 2)?;
    Ok(if rows.len() == 1 {
        rows.into_iter().next()
    } else {
        None
    })
}

/// Folds the group `seq` into the one before it when both are one author's
/// quick edits of the same text fields of the same record: typing a note
/// is one entry to undo, not one per pause.
fn fold(tx: &Transaction<'_>, seq: i64) -> rusqlite::Result<()> {
    const HEAD: &str = "SELECT seq, assessment_id, author, at, kind, origin FROM change_group";
    let Some(new) = group_head(tx, &format!("{HEAD} WHERE seq = ?1"), [seq])? else {
        return Ok(());
    };
    let Some(prev) = group_head(
        tx,
        &format!("{HEAD} WHERE assessment_id = ?1 AND seq < ?2 ORDER BY seq DESC LIMIT 1"),
        params![new.assessment_id, seq],
    )?
    else {
        return Ok(());
    };
    let close_in_time = match (strict_time(&prev.at), strict_time(&new.at)) {
        (Some(a), Some(b)) => b >= a && b - a <= FOLD_WINDOW,
        _ => false,
    };
    if new.kind != "edit"
        || prev.kind != "edit"
        || prev.origin != "local"
        || new.origin != "local"
        || prev.author != new.author
        || !close_in_time
    {
        return Ok(());
    }
    let (Some(a), Some(b)) = (only_row(tx, prev.seq)?, only_row(tx, seq)?) else {
        return Ok(());
    };
    if a.table != b.table || a.key != b.key || a.op != "update" || b.op != "update" {
        return Ok(());
    }
    let parse = |text: &Option<String>| -> Option<Map<String, Value>> {
        text.as_deref()
            .and_then(|t| serde_json::from_str::<Value>(t).ok())
            .and_then(|v| v.as_object().cloned())
    };
    let (Some(a_before), Some(a_after), Some(b_after)) =
        (parse(&a.before), parse(&a.after), parse(&b.after))
    else {
        return Ok(());
    };
    let same_fields = a_after.keys().eq(b_after.keys());
    let all_text = b_after
        .values()
        .chain(a_after.values())
        .all(Value::is_string);
    if !same_fields || !all_text {
        return Ok(());
    }
    if a_before == b_after {
        // Typed and taken back: nothing is left to record.
        tx.prepare_cached("DELETE FROM change_group WHERE seq IN (?1, ?2)")?
            .execute([prev.seq, seq])?;
        return Ok(());
    }
    tx.prepare_cached("UPDATE change_row SET after = ?2 WHERE group_seq = ?1")?
        .execute(params![prev.seq, b.after])?;
    tx.prepare_cached("UPDATE change_group SET at = ?2 WHERE seq = ?1")?
        .execute(params![prev.seq, new.at])?;
    tx.prepare_cached("DELETE FROM change_group WHERE seq = ?1")?
        .execute([seq])?;
    Ok(())
}

/// Lets go of an assessment's oldest groups beyond [`HISTORY_LIMIT`].
fn prune(tx: &Transaction<'_>, seq: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "DELETE FROM change_group
         WHERE assessment_id = (SELECT assessment_id FROM change_group WHERE seq = ?1)
           AND seq <= (SELECT seq FROM change_group
                       WHERE assessment_id = (SELECT assessment_id FROM change_group WHERE seq = ?1)
                       ORDER BY seq DESC LIMIT 1 OFFSET ?2)",
    )?
    .execute(params![seq, HISTORY_LIMIT])?;
    Ok(())
}

/// One recorded row as read back.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub table: String,
    pub key: Vec<Value>,
    pub op: String,
    pub before: Map<String, Value>,
    pub after: Map<String, Value>,
}

pub(crate) fn as_map(text: Option<String>) -> Map<String, Value> {
    text.and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .and_then(|v| match v {
            Value::Object(map) => Some(map),
            _ => None,
        })
        .unwrap_or_default()
}

fn group_rows(conn: &Connection, seq: i64) -> rusqlite::Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(
        "SELECT tbl, key, op, before, after FROM change_row WHERE group_seq = ?1 ORDER BY n",
    )?;
    let rows = stmt.query_map([seq], |r| {
        let key: String = r.get(1)?;
        Ok(Row {
            table: r.get(0)?,
            key: serde_json::from_str(&key).unwrap_or_default(),
            op: r.get(2)?,
            before: as_map(r.get(3)?),
            after: as_map(r.get(4)?),
        })
    })?;
    rows.collect()
}

pub(crate) fn sql_value(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    }
}

pub(crate) fn display(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// A requirement's rating as the log reads it: its level, `not applicable`,
/// or none for not assessed.
pub(crate) fn rated_level(values: &Map<String, Value>) -> Option<String> {
    match values.get("rating").and_then(display).as_deref() {
        Some("level") => values.get("level").and_then(display),
        Some("not_applicable") => Some("not applicable".to_owned()),
        Some(_) => None,
        // Not among the values (an update of the level only).
        None => values.get("level").and_then(display),
    }
}

/// A requirement's rating and level read as one field, `level`: a number,
/// `not applicable`, or none for not assessed.
fn rating_as_level(fields: Vec<FieldChange>, row: &Row) -> Vec<FieldChange> {
    if !fields
        .iter()
        .any(|f| f.field == "rating" || f.field == "level")
    {
        return fields;
    }
    let level = FieldChange {
        field: "level".to_owned(),
        before: rated_level(&row.before),
        after: rated_level(&row.after),
    };
    let mut out = Vec::with_capacity(fields.len());
    let mut placed = false;
    for field in fields {
        if field.field == "rating" || field.field == "level" {
            if !placed && level.before != level.after {
                out.push(level.clone());
            }
            placed = true;
        } else {
            out.push(field);
        }
    }
    out
}

pub(crate) fn key_condition(info: &TableInfo) -> String {
    let parts: Vec<String> = info
        .key
        .iter()
        .enumerate()
        .map(|(i, c)| format!("\"{c}\" = ?{}", i + 1))
        .collect();
    parts.join(" AND ")
}

/// A record's current values, or `None` when it is not there.
pub(crate) fn current(
    conn: &Connection,
    info: &TableInfo,
    key: &[Value],
) -> rusqlite::Result<Option<Map<String, Value>>> {
    let all: Vec<&String> = info.columns.iter().collect();
    let sql = format!(
        "SELECT {} FROM \"{}\" WHERE {}",
        object("", &all),
        info.name,
        key_condition(info)
    );
    let text: Option<String> = conn
        .prepare_cached(&sql)?
        .query_row(params_from_iter(key.iter().map(sql_value)), |r| r.get(0))
        .optional()?;
    Ok(text.map(|t| as_map(Some(t))))
}

/// What a record must look like for a group to be reverted: as the group
/// left it.
enum Expected {
    Absent,
    Present(Map<String, Value>),
}

impl Store {
    /// The consultant's name as recorded with each change: the one given for
    /// this session ([`Store::use_author`]), else the one in the settings.
    pub fn author(&self) -> Result<String, StoreError> {
        let session: Option<String> = self
            .conn
            .query_row("SELECT author FROM temp.cw_session LIMIT 1", [], |r| {
                r.get(0)
            })
            .optional()
            .unwrap_or(None);
        match session {
            Some(name) => Ok(name),
            None => Ok(self.configured_author()?.unwrap_or_default()),
        }
    }

    /// The name in the settings; `None` until the consultant has given one
    /// (the app asks on first start).
    pub fn configured_author(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = 'author'", [], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// The name changes are recorded under, `None` while there is none
    /// (neither given for this session nor in the settings).
    pub fn known_author(&self) -> Result<Option<String>, StoreError> {
        Ok(Some(self.author()?).filter(|name| !name.is_empty()))
    }

    /// Keeps the consultant's name in the settings, for every later change
    /// (also this session's, whatever name it was given).
    pub fn set_author(&mut self, name: &str) -> Result<String, StoreError> {
        let name = checked_author(name)?;
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES ('author', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [&name],
        )?;
        self.conn.execute_batch("DELETE FROM temp.cw_session")?;
        Ok(name)
    }

    /// Records this connection's changes under `name`, whatever the settings
    /// say (the CLI's `--author`); nothing is stored.
    pub fn use_author(&mut self, name: &str) -> Result<(), StoreError> {
        let name = checked_author(name)?;
        self.conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS cw_session (author TEXT NOT NULL);
             DELETE FROM temp.cw_session;",
        )?;
        self.conn
            .execute("INSERT INTO temp.cw_session (author) VALUES (?1)", [&name])?;
        Ok(())
    }

    /// Stops or restarts recording on this connection: only for measuring
    /// what recording costs (the benchmarks); the product always records.
    #[doc(hidden)]
    pub fn set_recording(&mut self, on: bool) -> Result<(), StoreError> {
        if on {
            install(&self.conn)?;
        } else {
            let names: Vec<String> = self
                .conn
                .prepare("SELECT name FROM temp.sqlite_schema WHERE type = 'trigger' AND name LIKE 'cw_history_%'")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for name in names {
                self.conn
                    .execute_batch(&format!("DROP TRIGGER temp.\"{name}\""))?;
            }
        }
        Ok(())
    }

    /// The assessment's log, newest first, as `query` narrows it.
    pub fn history(
        &self,
        assessment_id: Uuid,
        query: &HistoryQuery,
    ) -> Result<Vec<HistoryEntry>, StoreError> {
        self.read(|store| store.read_history(assessment_id, query))
    }

    fn read_history(
        &self,
        assessment_id: Uuid,
        query: &HistoryQuery,
    ) -> Result<Vec<HistoryEntry>, StoreError> {
        let mut sql = String::from("SELECT g.seq FROM change_group g WHERE g.assessment_id = ?1");
        let mut args: Vec<SqlValue> = vec![SqlValue::Text(assessment_id.to_string())];
        let mut arg = |sql: &mut String, text: &str, value: String| {
            args.push(SqlValue::Text(value));
            sql.push_str(&text.replace('?', &format!("?{}", args.len())));
        };
        if let Some(author) = &query.author {
            arg(&mut sql, " AND g.author = ?", author.clone());
        }
        if let Some(from) = query.from {
            arg(&mut sql, " AND g.at >= ?", day_start(from));
        }
        if let Some(to) = query.to {
            if let Some(next) = to.succ_opt() {
                arg(&mut sql, " AND g.at < ?", day_start(next));
            }
        }
        if let Some(clause) = &query.clause_id {
            arg(
                &mut sql,
                " AND EXISTS (SELECT 1 FROM change_row r WHERE r.group_seq = g.seq
                   AND r.tbl IN ('clause_response', 'document_register')
                   AND json_extract(r.key, '$[1]') = ?)",
                clause.clone(),
            );
        }
        if let Some(finding) = &query.finding_id {
            arg(
                &mut sql,
                " AND EXISTS (SELECT 1 FROM change_row r WHERE r.group_seq = g.seq
                   AND r.tbl IN ('finding', 'finding_scope')
                   AND json_extract(r.key, '$[0]') = ?)",
                finding.clone(),
            );
        }
        sql.push_str(" ORDER BY g.seq DESC");
        if let Some(limit) = query.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let seqs: Vec<i64> = self
            .conn
            .prepare(&sql)?
            .query_map(params_from_iter(args), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut entries = Vec::with_capacity(seqs.len());
        for seq in seqs {
            if let Some(mut entry) = self.entry(seq)? {
                entry.changes.retain(|c| matches_query(c, query));
                entries.push(entry);
            }
        }
        Ok(entries)
    }

    /// One group as the log shows it.
    pub(crate) fn entry(&self, seq: i64) -> Result<Option<HistoryEntry>, StoreError> {
        let head = self
            .conn
            .prepare_cached(
                "SELECT g.id, g.at, g.author, g.kind, g.origin, g.reverts,
                   (SELECT r.id FROM change_group r WHERE r.reverts = g.id
                      AND NOT EXISTS (SELECT 1 FROM change_group rr WHERE rr.reverts = r.id)
                    ORDER BY r.seq DESC LIMIT 1)
                 FROM change_group g WHERE g.seq = ?1",
            )?
            .query_row([seq], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                ))
            })
            .optional()?;
        let Some((id, at, author, kind, origin, reverts, reverted_by)) = head else {
            return Ok(None);
        };
        let mut infos: BTreeMap<String, TableInfo> = BTreeMap::new();
        let mut changes = Vec::new();
        for row in group_rows(&self.conn, seq)? {
            let Some(subject) = Subject::from_table(&row.table) else {
                continue;
            };
            if !infos.contains_key(&row.table) {
                infos.insert(row.table.clone(), table_info(&self.conn, subject.table())?);
            }
            let info = &infos[&row.table];
            changes.push(self.record_change(subject, info, row)?);
        }
        Ok(Some(HistoryEntry {
            id,
            at: read_time(&at),
            author,
            kind: parse_enum::<ChangeKind>(&kind)?,
            origin: parse_enum::<Origin>(&origin)?,
            reverts,
            reverted_by,
            changes,
        }))
    }

    fn record_change(
        &self,
        subject: Subject,
        info: &TableInfo,
        row: Row,
    ) -> Result<RecordChange, StoreError> {
        let op = match row.op.as_str() {
            "insert" => ChangeOp::Added,
            "delete" => ChangeOp::Removed,
            _ => ChangeOp::Changed,
        };
        let label = self.label(subject, info, &row)?;
        const QUIET: [&str; 7] = [
            "id",
            "assessment_id",
            "client_id",
            "created_at",
            "updated_at",
            "position",
            "added_at",
        ];
        let fields = match op {
            ChangeOp::Changed => info
                .columns
                .iter()
                .filter(|c| row.after.contains_key(*c) || row.before.contains_key(*c))
                .map(|c| FieldChange {
                    field: c.clone(),
                    before: row.before.get(c).and_then(display),
                    after: row.after.get(c).and_then(display),
                })
                .collect(),
            ChangeOp::Added | ChangeOp::Removed => {
                let values = if op == ChangeOp::Added {
                    &row.after
                } else {
                    &row.before
                };
                info.columns
                    .iter()
                    .filter(|c| !QUIET.contains(&c.as_str()) && !info.key.contains(c))
                    .filter_map(|c| {
                        let shown = values.get(c).and_then(display).filter(|v| {
                            !v.is_empty() && v != "[]" && info.defaults.get(c) != Some(v)
                        })?;
                        Some(if op == ChangeOp::Added {
                            FieldChange {
                                field: c.clone(),
                                before: None,
                                after: Some(shown),
                            }
                        } else {
                            FieldChange {
                                field: c.clone(),
                                before: Some(shown),
                                after: None,
                            }
                        })
                    })
                    .collect()
            }
        };
        let fields = if subject == Subject::Requirement {
            rating_as_level(fields, &row)
        } else {
            fields
        };
        Ok(RecordChange {
            subject,
            key: row.key.iter().filter_map(display).collect(),
            label,
            op: if subject.always_there() {
                ChangeOp::Changed
            } else {
                op
            },
            fields,
        })
    }

    /// What a record is called in the log.
    pub(crate) fn label(
        &self,
        subject: Subject,
        info: &TableInfo,
        row: &Row,
    ) -> Result<String, StoreError> {
        let key_text = |i: usize| row.key.get(i).and_then(display).unwrap_or_default();
        let column = match subject {
            Subject::Requirement => return Ok(key_text(1)),
            Subject::Document => return Ok(format!("{} {}", key_text(1), key_text(2))),
            Subject::Practice | Subject::Narrative => return Ok(key_text(1)),
            Subject::Assessment | Subject::Finding => "title",
            Subject::Evidence => "code",
            Subject::Interview => "held_on",
            Subject::EvidenceFile => "name",
            Subject::FindingScope => {
                let finding: Option<String> = self
                    .conn
                    .query_row(
                        "SELECT title FROM finding WHERE id = ?1",
                        [key_text(0)],
                        |r| r.get(0),
                    )
                    .optional()?;
                return Ok(finding.unwrap_or_else(|| key_text(0)));
            }
            Subject::Client | Subject::Kpi | Subject::Scope | Subject::Person => "name",
        };
        if let Some(found) = row
            .after
            .get(column)
            .or_else(|| row.before.get(column))
            .and_then(display)
        {
            return Ok(found);
        }
        let now = current(&self.conn, info, &row.key)?;
        Ok(now
            .and_then(|m| m.get(column).and_then(display))
            .unwrap_or_else(|| key_text(row.key.len().saturating_sub(1))))
    }

    /// Who assessed which requirements: every author of a change to a
    /// requirement's response that stands (not undone), with the
    /// requirements they changed, by name.
    pub fn assessed_by(&self, assessment_id: Uuid) -> Result<Vec<AssessedBy>, StoreError> {
        self.read(|store| {
            let rows: Vec<(String, String)> = store
                .conn
                .prepare(
                    "SELECT DISTINCT g.author, json_extract(r.key, '$[1]')
                     FROM change_group g JOIN change_row r ON r.group_seq = g.seq
                     WHERE g.assessment_id = ?1 AND g.author <> ''
                       AND g.kind IN ('edit', 'merge', 'redo')
                       AND r.tbl = 'clause_response'
                       AND NOT EXISTS (SELECT 1 FROM change_group u WHERE u.reverts = g.id
                         AND NOT EXISTS (SELECT 1 FROM change_group rr WHERE rr.reverts = u.id))",
                )?
                .query_map([assessment_id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut by: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for (author, clause) in rows {
                by.entry(author).or_default().push(clause);
            }
            let mut out: Vec<AssessedBy> = by
                .into_iter()
                .map(|(author, mut clauses)| {
                    clauses.sort_by(|a, b| clausewise_core::catalogue::compare_clause_ids(a, b));
                    AssessedBy { author, clauses }
                })
                .collect();
            out.sort_by_key(|a| a.author.to_lowercase());
            Ok(out)
        })
    }

    /// Everyone who changed the assessment, by name, for filtering the log.
    pub fn history_authors(&self, assessment_id: Uuid) -> Result<Vec<String>, StoreError> {
        self.read(|store| {
            Ok(store
                .conn
                .prepare(
                    "SELECT DISTINCT author FROM change_group
                     WHERE assessment_id = ?1 AND author <> ''
                     ORDER BY author COLLATE NOCASE",
                )?
                .query_map([assessment_id.to_string()], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        })
    }

    /// What undo and redo would do now.
    pub fn undo_state(&self, assessment_id: Uuid) -> Result<UndoState, StoreError> {
        self.read(|store| {
            let undo = match undo_target(&store.conn, assessment_id)? {
                Some(seq) => store.entry(seq)?.map(|e| e.summary()),
                None => None,
            };
            let redo = match redo_target(&store.conn, assessment_id)? {
                Some(seq) => store.reverted_summary(seq)?,
                None => None,
            };
            Ok(UndoState { undo, redo })
        })
    }

    /// The summary of the group that the undo `seq` took back.
    fn reverted_summary(&self, seq: i64) -> Result<Option<String>, StoreError> {
        Ok(match reverted_group(&self.conn, seq)? {
            Some(t) => self.entry(t)?.map(|e| e.summary()),
            None => None,
        })
    }

    /// Takes back the assessment's latest change that stands, as a change
    /// of its own (recorded, durable, itself undoable by redo).
    pub fn undo(&mut self, assessment_id: Uuid) -> Result<Reverted, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let target = undo_target(&tx, assessment_id)?.ok_or(StoreError::NothingToUndo)?;
        revert(&tx, assessment_id, target, ChangeKind::Undo)?;
        commit_change(tx)?;
        self.reverted(assessment_id, target)
    }

    /// Brings back what the latest undo took back, unless something was
    /// changed since.
    pub fn redo(&mut self, assessment_id: Uuid) -> Result<Reverted, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let target = redo_target(&tx, assessment_id)?.ok_or(StoreError::NothingToRedo)?;
        let undone = reverted_group(&tx, target)?.ok_or(StoreError::NotFound { what: "change" })?;
        revert(&tx, assessment_id, target, ChangeKind::Redo)?;
        commit_change(tx)?;
        self.reverted(assessment_id, undone)
    }

    fn reverted(&self, assessment_id: Uuid, seq: i64) -> Result<Reverted, StoreError> {
        let entry = self
            .entry(seq)?
            .ok_or(StoreError::NotFound { what: "change" })?;
        Ok(Reverted {
            summary: entry.summary(),
            entry,
            state: self.undo_state(assessment_id)?,
        })
    }
}

fn checked_author(name: &str) -> Result<String, StoreError> {
    let name: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned();
    Ok(clausewise_core::validation::optional_line(
        clausewise_core::Field::Author,
        &name,
    )?)
}

fn day_start(day: NaiveDate) -> String {
    timestamp(day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc())
}

fn matches_query(change: &RecordChange, query: &HistoryQuery) -> bool {
    let key = |i: usize| change.key.get(i).map(String::as_str);
    if let Some(clause) = &query.clause_id {
        if !matches!(change.subject, Subject::Requirement | Subject::Document)
            || key(1) != Some(clause)
        {
            return false;
        }
    }
    if let Some(finding) = &query.finding_id {
        if !matches!(change.subject, Subject::Finding | Subject::FindingScope)
            || key(0) != Some(finding)
        {
            return false;
        }
    }
    true
}

/// The group that the group `seq` reverts (for an undo: what it took back).
fn reverted_group(conn: &Connection, seq: i64) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached(
        "SELECT t.seq FROM change_group u JOIN change_group t ON t.id = u.reverts
         WHERE u.seq = ?1",
    )?
    .query_row([seq], |r| r.get(0))
    .optional()
}

/// The newest local change that stands: an edit, a merge or a redo that no
/// undo has taken back.
fn undo_target(conn: &Connection, assessment_id: Uuid) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached(
        "SELECT g.seq FROM change_group g
         WHERE g.assessment_id = ?1 AND g.origin = 'local' AND g.kind IN ('edit', 'merge', 'redo')
           AND NOT EXISTS (SELECT 1 FROM change_group r WHERE r.reverts = g.id)
         ORDER BY g.seq DESC LIMIT 1",
    )?
    .query_row([assessment_id.to_string()], |r| r.get(0))
    .optional()
}

/// The newest undo that stands, when nothing was edited or merged since.
fn redo_target(conn: &Connection, assessment_id: Uuid) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached(
        "SELECT g.seq FROM change_group g
         WHERE g.assessment_id = ?1 AND g.origin = 'local' AND g.kind = 'undo'
           AND NOT EXISTS (SELECT 1 FROM change_group r WHERE r.reverts = g.id)
           AND NOT EXISTS (SELECT 1 FROM change_group n WHERE n.assessment_id = g.assessment_id
                             AND n.seq > g.seq AND n.kind IN ('edit', 'merge'))
         ORDER BY g.seq DESC LIMIT 1",
    )?
    .query_row([assessment_id.to_string()], |r| r.get(0))
    .optional()
}

/// Applies the values before of group `target`, in reverse order, as a new
/// group of `kind` that names it. Refused, changing nothing, when a record
/// is no longer as the group left it.
fn revert(
    tx: &Transaction<'_>,
    assessment_id: Uuid,
    target: i64,
    kind: ChangeKind,
) -> Result<(), StoreError> {
    let rows = group_rows(tx, target)?;
    let mut infos: BTreeMap<String, TableInfo> = BTreeMap::new();
    for row in &rows {
        let subject = Subject::from_table(&row.table).ok_or(StoreError::UndoBlocked {
            what: format!("the table {}", row.table),
        })?;
        if !infos.contains_key(&row.table) {
            infos.insert(row.table.clone(), table_info(tx, subject.table())?);
        }
    }

    // What each record must look like now: as the group left it.
    let mut expected: Vec<(String, Vec<Value>, Expected)> = Vec::new();
    for row in &rows {
        let slot = expected
            .iter()
            .position(|(t, k, _)| *t == row.table && *k == row.key);
        let state = match row.op.as_str() {
            "insert" => Expected::Present(row.after.clone()),
            "delete" => Expected::Absent,
            _ => {
                let mut values = match slot.map(|i| &expected[i].2) {
                    Some(Expected::Present(values)) => values.clone(),
                    _ => Map::new(),
                };
                values.extend(row.after.clone());
                Expected::Present(values)
            }
        };
        match slot {
            Some(i) => expected[i].2 = state,
            None => expected.push((row.table.clone(), row.key.clone(), state)),
        }
    }
    for (table, key, state) in &expected {
        let info = &infos[table];
        let now = current(tx, info, key)?;
        let as_left = match (state, &now) {
            (Expected::Absent, None) => true,
            (Expected::Present(values), Some(now)) => values
                .iter()
                .filter(|(c, _)| *c != "updated_at")
                .all(|(c, v)| now.get(c) == Some(v)),
            _ => false,
        };
        if !as_left {
            return Err(StoreError::UndoBlocked {
                what: describe(tx, info, key)?,
            });
        }
    }

    let target_id: String = tx.query_row(
        "SELECT id FROM change_group WHERE seq = ?1",
        [target],
        |r| r.get(0),
    )?;
    touch_assessment(tx, assessment_id)?;
    tx.execute(
        "UPDATE change_group SET kind = ?1, reverts = ?2
         WHERE seq = (SELECT group_seq FROM temp.cw_recording)",
        params![crate::sql::enum_text(kind), target_id],
    )?;
    // Records come back in any order (a finding before its scope links).
    tx.pragma_update(None, "defer_foreign_keys", "ON")?;
    let stamp = timestamp(now());
    for row in rows.iter().rev() {
        let info = &infos[&row.table];
        let keys = row.key.iter().map(sql_value);
        match row.op.as_str() {
            "insert" => {
                let sql = format!(
                    "DELETE FROM \"{}\" WHERE {}",
                    info.name,
                    key_condition(info)
                );
                tx.prepare_cached(&sql)?.execute(params_from_iter(keys))?;
            }
            "delete" => insert_row(tx, info, &row.before)?,
            _ => {
                let mut sets: Vec<String> = Vec::new();
                let mut values: Vec<SqlValue> = row.key.iter().map(sql_value).collect();
                for column in info.columns.iter().filter(|c| row.before.contains_key(*c)) {
                    values.push(sql_value(&row.before[column.as_str()]));
                    sets.push(format!("\"{column}\" = ?{}", values.len()));
                }
                if info.has_updated_at {
                    values.push(SqlValue::Text(stamp.clone()));
                    sets.push(format!("\"updated_at\" = ?{}", values.len()));
                }
                if sets.is_empty() {
                    continue;
                }
                let sql = format!(
                    "UPDATE \"{}\" SET {} WHERE {}",
                    info.name,
                    sets.join(", "),
                    key_condition(info)
                );
                tx.prepare_cached(&sql)?.execute(params_from_iter(values))?;
            }
        }
    }
    Ok(())
}

/// Writes a record back with the values it holds (the columns of `info`
/// among them).
pub(crate) fn insert_row(
    conn: &Connection,
    info: &TableInfo,
    values: &Map<String, Value>,
) -> rusqlite::Result<()> {
    let columns: Vec<&String> = info
        .columns
        .iter()
        .filter(|c| values.contains_key(*c))
        .collect();
    let names: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
    let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO \"{}\" ({}) VALUES ({})",
        info.name,
        names.join(", "),
        marks.join(", ")
    );
    conn.prepare_cached(&sql)?.execute(params_from_iter(
        columns.iter().map(|c| sql_value(&values[c.as_str()])),
    ))?;
    Ok(())
}

/// A record as a refusal names it: "requirement 8.2", "finding “…”".
fn describe(conn: &Connection, info: &TableInfo, key: &[Value]) -> rusqlite::Result<String> {
    let subject = Subject::from_table(info.name)
        .map(Subject::label)
        .unwrap_or("record");
    let name_column = ["title", "name", "code"]
        .into_iter()
        .find(|c| info.columns.iter().any(|col| col == c));
    if let Some(column) = name_column {
        if let Some(now) = current(conn, info, key)? {
            if let Some(name) = now.get(column).and_then(display) {
                return Ok(format!("the {subject} “{name}”"));
            }
        }
    }
    let last = key.last().and_then(display).unwrap_or_default();
    Ok(format!("the {subject} {last}"))
}

/// The assessment's history as its file carries it, oldest first.
pub(crate) fn recorded(
    conn: &Connection,
    assessment_id: Uuid,
) -> Result<Vec<RecordedGroup>, StoreError> {
    // seq, id, at, author, kind, origin, reverts
    type Head = (i64, String, String, String, String, String, Option<String>);
    let heads: Vec<Head> = conn
        .prepare(
            "SELECT seq, id, at, author, kind, origin, reverts FROM change_group
             WHERE assessment_id = ?1 ORDER BY seq",
        )?
        .query_map([assessment_id.to_string()], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(heads.len());
    for (seq, id, at, author, kind, origin, reverts) in heads {
        let rows = group_rows(conn, seq)?
            .into_iter()
            .filter_map(|row| {
                Some(RecordedRow {
                    op: RowOp::parse(&row.op)?,
                    table: row.table,
                    key: row.key,
                    before: Some(row.before).filter(|m| !m.is_empty()),
                    after: Some(row.after).filter(|m| !m.is_empty()),
                })
            })
            .collect();
        out.push(RecordedGroup {
            id,
            at: read_time(&at),
            author,
            kind: parse_enum::<ChangeKind>(&kind)?,
            origin: parse_enum::<Origin>(&origin)?,
            reverts,
            rows,
        });
    }
    Ok(out)
}

/// Stores the history an imported file carries, as made elsewhere: undo
/// never takes it back, the log shows it, a merge reads it.
pub(crate) fn store_recorded(
    tx: &Transaction<'_>,
    assessment_id: Uuid,
    groups: &[RecordedGroup],
) -> Result<(), StoreError> {
    let mut head = tx.prepare_cached(
        "INSERT INTO change_group (id, assessment_id, author, at, kind, reverts, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'imported')",
    )?;
    let mut line = tx.prepare_cached(
        "INSERT INTO change_row (group_seq, n, tbl, key, op, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let json =
        |m: &Option<Map<String, Value>>| m.as_ref().map(|m| Value::Object(m.clone()).to_string());
    for g in groups {
        head.execute(params![
            g.id,
            assessment_id.to_string(),
            g.author,
            timestamp(g.at),
            enum_text(g.kind),
            g.reverts
        ])?;
        let seq = tx.last_insert_rowid();
        for (n, row) in g.rows.iter().enumerate() {
            line.execute(params![
                seq,
                n as i64,
                row.table,
                Value::Array(row.key.clone()).to_string(),
                row.op.as_str(),
                json(&row.before),
                json(&row.after)
            ])?;
        }
    }
    Ok(())
}
