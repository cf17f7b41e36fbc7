//! Merging another copy of an assessment (its `.clausewise` file) into the
//! one here: field by field, from what each copy's history says it changed
//! since they parted. What only the other copy changed is taken; records
//! only it has are added; a field both changed differently is a conflict
//! for the consultant to decide. Without a history in the file, every
//! difference is a conflict. Nothing is written until [`Store::merge`],
//! which does it all in one transaction, recorded as one merge.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use clausewise_core::history::{
    short_value, ChangeOp, FieldChange, RecordChange, RecordedGroup, RowOp, Subject,
};
use clausewise_core::merge::{ChangedBy, MergeChoices, MergeConflict, MergePreview, Merged, Side};
use clausewise_core::transfer::{AssessmentFile, OnConflict};
use clausewise_core::Catalogue;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::history::{
    as_map, commit_change, display, insert_row, key_condition, object, rated_level, recorded,
    sql_value, store_recorded, table_info, Row, TableInfo,
};
use crate::sql::touch_assessment;
use crate::{Store, StoreError};

/// The tables a merge weighs, parents first, with which of their rows
/// belong to the assessment `?1`. The client is shared by its assessments
/// and is left as it is here.
const SCOPED: [(&str, &str); 13] = [
    ("assessment", "id = ?1"),
    (
        "person",
        "client_id = (SELECT client_id FROM assessment WHERE id = ?1)",
    ),
    ("scope_item", "assessment_id = ?1"),
    ("clause_response", "assessment_id = ?1"),
    ("finding", "assessment_id = ?1"),
    ("kpi", "assessment_id = ?1"),
    ("practice_profile", "assessment_id = ?1"),
    ("interview", "assessment_id = ?1"),
    ("evidence", "assessment_id = ?1"),
    ("document_register", "assessment_id = ?1"),
    ("narrative", "assessment_id = ?1"),
    (
        "finding_scope",
        "finding_id IN (SELECT id FROM finding WHERE assessment_id = ?1)",
    ),
    (
        "evidence_file",
        "evidence_id IN (SELECT id FROM evidence WHERE assessment_id = ?1)",
    ),
];

/// Columns a merge does not weigh: bookkeeping; the client a record
/// belongs to (the same client, filed under its id here); and the baseline
/// of a follow-up, which each database links to what it holds.
const QUIET: [&str; 6] = [
    "created_at",
    "updated_at",
    "added_at",
    "position",
    "client_id",
    "baseline_id",
];

/// Columns that only make sense together: a merge takes them from one side.
fn units(table: &str) -> &'static [&'static [&'static str]] {
    match table {
        "clause_response" => &[&["rating", "level"]],
        "evidence" => &[&["population", "sample", "exceptions"]],
        _ => &[],
    }
}

type Values = Map<String, Value>;

/// What one side's history changed since the copies parted: per record,
/// the columns (all of them for a record added or removed), who last.
#[derive(Default)]
struct Touched {
    columns: BTreeSet<String>,
    whole: bool,
    by: Option<ChangedBy>,
}

fn touched_by(groups: &[&RecordedGroup]) -> BTreeMap<(String, String), Touched> {
    let mut out: BTreeMap<(String, String), Touched> = BTreeMap::new();
    for g in groups {
        for row in &g.rows {
            let entry = out
                .entry((row.table.clone(), Value::Array(row.key.clone()).to_string()))
                .or_default();
            match row.op {
                RowOp::Update => {
                    for side in [&row.before, &row.after].into_iter().flatten() {
                        entry.columns.extend(side.keys().cloned());
                    }
                }
                RowOp::Insert | RowOp::Delete => entry.whole = true,
            }
            entry.by = Some(ChangedBy {
                author: g.author.clone(),
                at: g.at,
            });
        }
    }
    out
}

impl Touched {
    fn any(&self, columns: &[String]) -> bool {
        self.whole || columns.iter().any(|c| self.columns.contains(c))
    }
}

/// One write the merge would make.
enum Write {
    Insert {
        table: &'static str,
        values: Values,
    },
    Update {
        table: &'static str,
        key: Vec<Value>,
        values: Values,
    },
    /// A record with nothing stored here yet: inserted as the file has it,
    /// or, when written meanwhile, updated in `values` only.
    Upsert {
        table: &'static str,
        row: Values,
        values: Values,
    },
    Delete {
        table: &'static str,
        key: Vec<Value>,
    },
}

struct Plan {
    preview: MergePreview,
    /// What is taken and united.
    writes: Vec<Write>,
    /// What each conflict writes when the file's side is chosen.
    theirs: BTreeMap<String, Write>,
    /// The file's groups this database does not have yet.
    new_groups: Vec<RecordedGroup>,
}

fn rows_of(
    conn: &Connection,
    info: &TableInfo,
    scope: &str,
    id: Uuid,
) -> Result<BTreeMap<String, (Vec<Value>, Values)>, StoreError> {
    let all: Vec<&String> = info.columns.iter().collect();
    let keys: Vec<String> = info.key.iter().map(|c| format!("\"{c}\"")).collect();
    let sql = format!(
        "SELECT json_array({}), {} FROM \"{}\" WHERE {scope}",
        keys.join(", "),
        object("", &all),
        info.name
    );
    let mut out = BTreeMap::new();
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([id.to_string()], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (key, values) = row?;
        let key_values: Vec<Value> = serde_json::from_str(&key).unwrap_or_default();
        let key_text = Value::Array(key_values.clone()).to_string();
        out.insert(key_text, (key_values, as_map(Some(values))));
    }
    Ok(out)
}

/// The fields weighed of a table, each a unit of one or more columns.
fn weighed(info: &TableInfo) -> Vec<Vec<String>> {
    let coupled = units(info.name);
    let mut out: Vec<Vec<String>> = coupled
        .iter()
        .map(|u| u.iter().map(|c| (*c).to_owned()).collect())
        .collect();
    for column in &info.columns {
        if QUIET.contains(&column.as_str())
            || info.key.contains(column)
            || coupled.iter().any(|u| u.contains(&column.as_str()))
        {
            continue;
        }
        out.push(vec![column.clone()]);
    }
    out
}

/// A unit's value as a conflict shows it: a requirement's rating as its
/// level (or "not applicable"), other units as their values joined.
fn shown(table: &str, unit: &[String], values: &Values) -> Option<String> {
    if table == "clause_response" && unit.len() == 2 {
        return rated_level(values);
    }
    let parts: Vec<String> = unit
        .iter()
        .filter_map(|c| values.get(c).and_then(display))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" / "))
}

fn field_name(unit: &[String]) -> String {
    if unit.len() == 2 && unit[0] == "rating" {
        "level".to_owned()
    } else {
        unit.join("/")
    }
}

impl Store {
    /// What merging the assessment file `bytes` into the same assessment
    /// here would do; nothing is written.
    pub fn preview_merge(&self, bytes: &[u8]) -> Result<MergePreview, StoreError> {
        // One snapshot of what is stored, whatever another program writes.
        self.read(|store| Ok(store.plan_merge(bytes)?.preview))
    }

    /// Merges the assessment file `bytes` into the same assessment here, in
    /// one transaction recorded as one merge, deciding the conflicts as
    /// `choices` say. Refused, changing nothing, while a conflict is left
    /// undecided.
    pub fn merge(&mut self, bytes: &[u8], choices: &MergeChoices) -> Result<Merged, StoreError> {
        // The write lock first: the plan is made from what is stored while
        // no other writer can change it, and a refusal rolls back nothing.
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        let Plan {
            preview,
            mut writes,
            mut theirs,
            new_groups,
        } = self.plan_merge(bytes)?;
        let undecided: Vec<String> = preview
            .conflicts
            .iter()
            .filter(|c| !choices.choices.contains_key(&c.id) && choices.prefer.is_none())
            .map(describe_conflict)
            .collect();
        if !undecided.is_empty() {
            return Err(StoreError::MergeConflicts {
                conflicts: undecided,
            });
        }
        for c in &preview.conflicts {
            let side = choices
                .choices
                .get(&c.id)
                .copied()
                .or(choices.prefer)
                .unwrap_or(Side::Mine);
            if side == Side::Theirs {
                writes.extend(theirs.remove(&c.id));
            }
        }
        let id = preview.assessment_id;
        // The other copy's changes first, then the merge that brings them.
        store_recorded(&tx, id, &new_groups)?;
        touch_assessment(&tx, id)?;
        tx.execute(
            "UPDATE change_group SET kind = 'merge'
             WHERE seq = (SELECT group_seq FROM temp.cw_recording)",
            [],
        )?;
        let seq: i64 = tx.query_row("SELECT group_seq FROM temp.cw_recording", [], |r| r.get(0))?;
        tx.pragma_update(None, "defer_foreign_keys", "ON")?;
        let mut infos: BTreeMap<&str, TableInfo> = BTreeMap::new();
        for (table, _) in SCOPED {
            infos.insert(table, table_info(&tx, table)?);
        }
        for w in &writes {
            apply(&tx, &infos, w)?;
        }
        commit_change(tx)?;
        let entry = self.entry(seq)?;
        Ok(Merged {
            taken: preview.taken.len(),
            united: preview.united.len(),
            conflicts: preview.conflicts.len(),
            entry,
        })
    }

    fn plan_merge(&self, bytes: &[u8]) -> Result<Plan, StoreError> {
        let file = AssessmentFile::parse(bytes, Catalogue::builtin())?;
        let id = file.assessment.id;
        let title: Option<String> = self
            .conn
            .query_row(
                "SELECT title FROM assessment WHERE id = ?1",
                [id.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        let Some(title) = title else {
            return Err(StoreError::NotACopy {
                title: file.assessment.title,
            });
        };
        // The other copy as it would be stored: the same rows, the same
        // columns, read the same way as the one here.
        let mut theirs = Store::open_in_memory()?;
        theirs.import_assessment(bytes, OnConflict::Fail)?;

        let mine_groups = recorded(&self.conn, id)?;
        let mine_ids: HashSet<&str> = mine_groups.iter().map(|g| g.id.as_str()).collect();
        let their_ids: HashSet<&str> = file.history.iter().map(|g| g.id.as_str()).collect();
        let with_history = !file.history.is_empty();
        let mine_new: Vec<&RecordedGroup> = mine_groups
            .iter()
            .filter(|g| !their_ids.contains(g.id.as_str()))
            .collect();
        let their_new: Vec<&RecordedGroup> = file
            .history
            .iter()
            .filter(|g| !mine_ids.contains(g.id.as_str()))
            .collect();
        let mine_touched = touched_by(&mine_new);
        let their_touched = touched_by(&their_new);
        let none = Touched::default();

        let mut preview = MergePreview {
            assessment_id: id,
            title,
            with_history,
            taken: Vec::new(),
            united: Vec::new(),
            conflicts: Vec::new(),
            left_out: Vec::new(),
        };
        let mut writes = Vec::new();
        let mut on_theirs = BTreeMap::new();
        for (table, scope) in SCOPED {
            let info = table_info(&self.conn, table)?;
            let subject = Subject::from_table(table).unwrap_or(Subject::Assessment);
            let here = rows_of(&self.conn, &info, scope, id)?;
            let there = rows_of(&theirs.conn, &info, scope, id)?;
            let fields = weighed(&info);
            let keys: BTreeSet<&String> = here.keys().chain(there.keys()).collect();
            for key_text in keys {
                let at = (table.to_owned(), key_text.clone());
                let t = their_touched.get(&at).unwrap_or(&none);
                let m = mine_touched.get(&at).unwrap_or(&none);
                // A requirement, a register entry, a practice, a part of the
                // report text is there for the consultant even when nothing
                // is stored for it yet: weighed field by field against none.
                let empty = (Vec::new(), Values::new());
                let pair = match (here.get(key_text), there.get(key_text)) {
                    (None, Some(other)) if subject.always_there() => Some((&empty, other, false)),
                    (Some(mine), Some(other)) => Some((mine, other, true)),
                    _ => None,
                };
                let write = |key: &Vec<Value>, values: Values, exists: bool, row: &Values| {
                    if exists {
                        Write::Update {
                            table,
                            key: key.clone(),
                            values,
                        }
                    } else {
                        Write::Upsert {
                            table,
                            row: row.clone(),
                            values,
                        }
                    }
                };
                if let Some(((_, mine), (key, other), exists)) = pair {
                    {
                        let mut taken = Vec::new();
                        let mut values = Values::new();
                        for unit in &fields {
                            if unit.iter().all(|c| mine.get(c) == other.get(c)) {
                                continue;
                            }
                            let theirs_did = !with_history || t.any(unit);
                            let mine_did = !with_history || m.any(unit);
                            if theirs_did && !mine_did {
                                for c in unit {
                                    values.insert(
                                        c.clone(),
                                        other.get(c).cloned().unwrap_or(Value::Null),
                                    );
                                }
                                taken.push(FieldChange {
                                    field: field_name(unit),
                                    before: shown(table, unit, mine),
                                    after: shown(table, unit, other),
                                });
                            } else if mine_did && !theirs_did {
                                continue;
                            } else {
                                let label = self.record_label(subject, &info, key, mine)?;
                                let field = field_name(unit);
                                let cid = format!("{key_text}{table}.{field}");
                                let mut one = Values::new();
                                for c in unit {
                                    one.insert(
                                        c.clone(),
                                        other.get(c).cloned().unwrap_or(Value::Null),
                                    );
                                }
                                on_theirs.insert(cid.clone(), write(key, one, exists, other));
                                preview.conflicts.push(MergeConflict {
                                    id: cid,
                                    subject,
                                    label,
                                    field,
                                    mine: shown(table, unit, mine),
                                    theirs: shown(table, unit, other),
                                    mine_by: m.by.clone(),
                                    theirs_by: t.by.clone(),
                                });
                            }
                        }
                        if !values.is_empty() {
                            writes.push(write(key, values, exists, other));
                            preview.taken.push(RecordChange {
                                subject,
                                key: key.iter().filter_map(display).collect(),
                                label: self.record_label(subject, &info, key, mine)?,
                                op: ChangeOp::Changed,
                                fields: taken,
                            });
                        }
                    }
                    continue;
                }
                match (here.get(key_text), there.get(key_text)) {
                    (None, Some((key, other))) => {
                        // Removed here since the copies parted: stays removed,
                        // unless the other copy changed it meanwhile.
                        let removed_here = with_history && m.whole;
                        if removed_here && !t.any(&info.columns) {
                            continue;
                        }
                        if table == "evidence_file" && !self.has_blob(other)? {
                            preview.left_out.push(format!(
                                "the attached file “{}”: its content is not in this database \
                                 (merge the package that carries it)",
                                other.get("name").and_then(display).unwrap_or_default()
                            ));
                            continue;
                        }
                        let mut values = other.clone();
                        if table == "person" {
                            // The same client, filed under its id here.
                            values.insert(
                                "client_id".to_owned(),
                                Value::String(self.merge_client(id)?),
                            );
                        }
                        let write = Write::Insert { table, values };
                        let label = self.record_label(subject, &info, key, other)?;
                        if removed_here {
                            let cid = format!("{key_text}{table}");
                            on_theirs.insert(cid.clone(), write);
                            preview.conflicts.push(removed_on_one_side(
                                cid,
                                subject,
                                label,
                                Side::Mine,
                                m,
                                t,
                            ));
                            continue;
                        }
                        writes.push(write);
                        preview.united.push(RecordChange {
                            subject,
                            key: key.iter().filter_map(display).collect(),
                            label,
                            op: ChangeOp::Added,
                            fields: Vec::new(),
                        });
                    }
                    (Some((key, mine)), None) => {
                        // Removed in the other copy since they parted.
                        if !(with_history && t.whole) {
                            continue;
                        }
                        let label = self.record_label(subject, &info, key, mine)?;
                        let write = Write::Delete {
                            table,
                            key: key.clone(),
                        };
                        if m.any(&info.columns) {
                            let cid = format!("{key_text}{table}");
                            on_theirs.insert(cid.clone(), write);
                            preview.conflicts.push(removed_on_one_side(
                                cid,
                                subject,
                                label,
                                Side::Theirs,
                                m,
                                t,
                            ));
                            continue;
                        }
                        writes.push(write);
                        preview.taken.push(RecordChange {
                            subject,
                            key: key.iter().filter_map(display).collect(),
                            label,
                            op: ChangeOp::Removed,
                            fields: Vec::new(),
                        });
                    }
                    // Weighed above.
                    (Some(_), Some(_)) | (None, None) => {}
                }
            }
        }
        Ok(Plan {
            preview,
            writes,
            theirs: on_theirs,
            new_groups: their_new.into_iter().cloned().collect(),
        })
    }

    fn record_label(
        &self,
        subject: Subject,
        info: &TableInfo,
        key: &[Value],
        values: &Values,
    ) -> Result<String, StoreError> {
        let row = Row {
            table: info.name.to_owned(),
            key: key.to_vec(),
            op: "update".to_owned(),
            before: values.clone(),
            after: values.clone(),
        };
        self.label(subject, info, &row)
    }

    fn merge_client(&self, id: Uuid) -> Result<String, StoreError> {
        Ok(self.conn.query_row(
            "SELECT client_id FROM assessment WHERE id = ?1",
            [id.to_string()],
            |r| r.get(0),
        )?)
    }

    fn has_blob(&self, file: &Values) -> Result<bool, StoreError> {
        let sha = file.get("sha256").and_then(display).unwrap_or_default();
        Ok(self
            .conn
            .query_row("SELECT 1 FROM file_blob WHERE sha256 = ?1", [sha], |_| {
                Ok(())
            })
            .optional()?
            .is_some())
    }
}

/// A record removed on the `removed` side and changed on the other.
fn removed_on_one_side(
    id: String,
    subject: Subject,
    label: String,
    removed: Side,
    m: &Touched,
    t: &Touched,
) -> MergeConflict {
    let changed = || Some("changed".to_owned());
    MergeConflict {
        id,
        subject,
        label,
        field: String::new(),
        mine: if removed == Side::Mine {
            None
        } else {
            changed()
        },
        theirs: if removed == Side::Theirs {
            None
        } else {
            changed()
        },
        mine_by: m.by.clone(),
        theirs_by: t.by.clone(),
    }
}

/// "requirement 9.2, notes: “…” here, “…” in the file".
fn describe_conflict(c: &MergeConflict) -> String {
    let value = |v: &Option<String>| short_value(v.as_deref());
    let what = if c.field.is_empty() {
        "removed in one copy, changed in the other".to_owned()
    } else {
        format!(
            "{}: {} here, {} in the file",
            c.field.replace('_', " "),
            value(&c.mine),
            value(&c.theirs)
        )
    };
    format!("{} {}, {what}", c.subject.label(), c.label)
}

fn apply(
    tx: &Connection,
    infos: &BTreeMap<&str, TableInfo>,
    write: &Write,
) -> Result<(), StoreError> {
    match write {
        Write::Insert { table, values } => insert_row(tx, &infos[table], values)?,
        Write::Update { table, key, values } => {
            let info = &infos[table];
            let mut params: Vec<SqlValue> = key.iter().map(sql_value).collect();
            let mut sets = Vec::new();
            for (column, value) in values {
                params.push(sql_value(value));
                sets.push(format!("\"{column}\" = ?{}", params.len()));
            }
            let sql = format!(
                "UPDATE \"{}\" SET {} WHERE {}",
                info.name,
                sets.join(", "),
                key_condition(info)
            );
            tx.execute(&sql, params_from_iter(params))?;
        }
        Write::Upsert { table, row, values } => {
            let info = &infos[table];
            let columns: Vec<&String> = info
                .columns
                .iter()
                .filter(|c| row.contains_key(*c))
                .collect();
            let names: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
            let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
            let keys: Vec<String> = info.key.iter().map(|c| format!("\"{c}\"")).collect();
            let sets: Vec<String> = values
                .keys()
                .map(|c| format!("\"{c}\" = excluded.\"{c}\""))
                .collect();
            let sql = format!(
                "INSERT INTO \"{}\" ({}) VALUES ({}) ON CONFLICT ({}) DO UPDATE SET {}",
                info.name,
                names.join(", "),
                marks.join(", "),
                keys.join(", "),
                sets.join(", ")
            );
            let params = columns.iter().map(|c| sql_value(&row[c.as_str()]));
            tx.execute(&sql, params_from_iter(params))?;
        }
        Write::Delete { table, key } => {
            let info = &infos[table];
            let sql = format!(
                "DELETE FROM \"{}\" WHERE {}",
                info.name,
                key_condition(info)
            );
            tx.execute(&sql, params_from_iter(key.iter().map(sql_value)))?;
        }
    }
    Ok(())
}
