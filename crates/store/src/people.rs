//! The scope of an assessment, the client's people and the interview
//! sessions of the fieldwork.

use clausewise_core::engagement::{names_in, Criticality, Interview, Person, ScopeItem, ScopeKind};
use clausewise_core::Catalogue;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use uuid::Uuid;

use crate::history::commit_change;
use crate::sql::{json_column, json_text, now, parse_uuid, read_date, timestamp, touch_assessment};
use crate::{Store, StoreError};

fn scope_from_row(row: &Row<'_>) -> rusqlite::Result<ScopeItem> {
    let kind: String = row.get("kind")?;
    let criticality: Option<String> = row.get("criticality")?;
    Ok(ScopeItem {
        id: parse_uuid(&row.get::<_, String>("id")?)?,
        kind: ScopeKind::parse(&kind).unwrap_or(ScopeKind::Service),
        name: row.get("name")?,
        owner: row.get("owner")?,
        criticality: criticality.as_deref().and_then(Criticality::parse),
        customers: row.get("customers")?,
        reference: row.get("reference")?,
        processes: json_column(row, "processes")?,
    })
}

pub(crate) fn list_scope(
    conn: &Connection,
    assessment_id: Uuid,
) -> Result<Vec<ScopeItem>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM scope_item WHERE assessment_id = ?1 ORDER BY position, rowid",
    )?;
    let rows = stmt
        .query_map([assessment_id.to_string()], scope_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Inserts or updates one scope entry (validated); a new one goes last.
pub(crate) fn write_scope(
    conn: &Connection,
    assessment_id: Uuid,
    item: &ScopeItem,
) -> Result<ScopeItem, StoreError> {
    let item = item.validated()?;
    let owner: Option<String> = conn
        .query_row(
            "SELECT assessment_id FROM scope_item WHERE id = ?1",
            [item.id.to_string()],
            |row| row.get(0),
        )
        .optional()?;
    match owner {
        Some(a) if a != assessment_id.to_string() => {
            return Err(StoreError::NotFound { what: "scope item" })
        }
        Some(_) => {
            conn.execute(
                "UPDATE scope_item SET kind = ?2, name = ?3, owner = ?4, criticality = ?5,
                        customers = ?6, reference = ?7, processes = ?8, updated_at = ?9
                  WHERE id = ?1",
                params![
                    item.id.to_string(),
                    item.kind.as_str(),
                    item.name,
                    item.owner,
                    item.criticality.map(Criticality::as_str),
                    item.customers,
                    item.reference,
                    json_text(&item.processes),
                    timestamp(now())
                ],
            )?;
        }
        None => {
            conn.execute(
                "INSERT INTO scope_item (id, assessment_id, position, kind, name, owner,
                        criticality, customers, reference, processes, updated_at)
                 VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM scope_item
                                   WHERE assessment_id = ?2),
                         ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    item.id.to_string(),
                    assessment_id.to_string(),
                    item.kind.as_str(),
                    item.name,
                    item.owner,
                    item.criticality.map(Criticality::as_str),
                    item.customers,
                    item.reference,
                    json_text(&item.processes),
                    timestamp(now())
                ],
            )?;
        }
    }
    Ok(item)
}

fn person_from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: parse_uuid(&row.get::<_, String>("id")?)?,
        name: row.get("name")?,
        role: row.get("role")?,
        unit: row.get("unit")?,
        site: row.get("site")?,
        email: row.get("email")?,
    })
}

pub(crate) fn list_people(conn: &Connection, client_id: Uuid) -> Result<Vec<Person>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM person WHERE client_id = ?1 ORDER BY name COLLATE NOCASE, id",
    )?;
    let rows = stmt
        .query_map([client_id.to_string()], person_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Inserts or updates one person of a client's directory.
pub(crate) fn write_person(
    conn: &Connection,
    client_id: Uuid,
    person: &Person,
) -> Result<Person, StoreError> {
    let p = person.validated()?;
    let owner: Option<String> = conn
        .query_row(
            "SELECT client_id FROM person WHERE id = ?1",
            [p.id.to_string()],
            |row| row.get(0),
        )
        .optional()?;
    if owner.as_deref().is_some_and(|o| o != client_id.to_string()) {
        return Err(StoreError::NotFound { what: "person" });
    }
    conn.execute(
        "INSERT INTO person (id, client_id, name, role, unit, site, email, updated_at)
              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,
              unit = excluded.unit, site = excluded.site, email = excluded.email,
              updated_at = excluded.updated_at",
        params![
            p.id.to_string(),
            client_id.to_string(),
            p.name,
            p.role,
            p.unit,
            p.site,
            p.email,
            timestamp(now())
        ],
    )?;
    Ok(p)
}

fn interview_from_row(row: &Row<'_>) -> rusqlite::Result<Interview> {
    let held_on: String = row.get("held_on")?;
    Ok(Interview {
        id: parse_uuid(&row.get::<_, String>("id")?)?,
        held_on: read_date(&held_on).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("not a date: {held_on}").into(),
            )
        })?,
        time: row.get("time")?,
        person_ids: json_column(row, "person_ids")?,
        clause_ids: json_column(row, "clause_ids")?,
        notes: row.get("notes")?,
    })
}

pub(crate) fn list_interviews(
    conn: &Connection,
    assessment_id: Uuid,
) -> Result<Vec<Interview>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM interview WHERE assessment_id = ?1 ORDER BY held_on, time, rowid",
    )?;
    let rows = stmt
        .query_map([assessment_id.to_string()], interview_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Inserts or updates one interview; the people must be in the directory of
/// the assessment's client.
pub(crate) fn write_interview(
    conn: &Connection,
    assessment_id: Uuid,
    client_id: Uuid,
    interview: &Interview,
) -> Result<Interview, StoreError> {
    let people: Vec<Uuid> = list_people(conn, client_id)?.iter().map(|p| p.id).collect();
    let v = interview.validated(Catalogue::builtin(), &people)?;
    let owner: Option<String> = conn
        .query_row(
            "SELECT assessment_id FROM interview WHERE id = ?1",
            [v.id.to_string()],
            |row| row.get(0),
        )
        .optional()?;
    if owner
        .as_deref()
        .is_some_and(|o| o != assessment_id.to_string())
    {
        return Err(StoreError::NotFound { what: "interview" });
    }
    conn.execute(
        "INSERT INTO interview (id, assessment_id, held_on, time, person_ids, clause_ids, notes,
                               updated_at)
              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET held_on = excluded.held_on, time = excluded.time,
              person_ids = excluded.person_ids, clause_ids = excluded.clause_ids,
              notes = excluded.notes, updated_at = excluded.updated_at",
        params![
            v.id.to_string(),
            assessment_id.to_string(),
            v.held_on.format("%Y-%m-%d").to_string(),
            v.time,
            json_text(&v.person_ids),
            json_text(&v.clause_ids),
            v.notes,
            timestamp(now())
        ],
    )?;
    Ok(v)
}

/// The names typed under "people interviewed" of every response, added to
/// their client's directory where no one of that name is in it yet.
pub(crate) fn adopt_interviewees(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let texts: Vec<(String, String)> = tx
        .prepare(
            "SELECT a.client_id, r.interviewees FROM clause_response r
               JOIN assessment a ON a.id = r.assessment_id
              WHERE r.interviewees <> '' ORDER BY a.created_at, r.clause_id",
        )?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (client, text) in texts {
        for (name, role) in names_in(&text) {
            // A name that would not pass as typed in the directory is left
            // in the text only.
            let person = Person {
                role: role.clone(),
                ..Person::new(&name)
            };
            if person.validated().is_err() {
                continue;
            }
            let known: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM person WHERE client_id = ?1
                                 AND name = ?2 COLLATE NOCASE)",
                params![client, name],
                |row| row.get(0),
            )?;
            if !known {
                tx.execute(
                    "INSERT INTO person (id, client_id, name, role, updated_at)
                          VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        Uuid::new_v4().to_string(),
                        client,
                        name,
                        role,
                        timestamp(now())
                    ],
                )?;
            }
        }
    }
    Ok(())
}

/// The scope each finding of an assessment concerns, findings in creation
/// order, entries in scope order.
pub(crate) fn list_finding_scope(
    conn: &Connection,
    assessment_id: Uuid,
) -> Result<Vec<clausewise_core::engagement::FindingScope>, StoreError> {
    let rows: Vec<(String, String)> = conn
        .prepare_cached(
            "SELECT l.finding_id, l.scope_id FROM finding_scope l
               JOIN finding f ON f.id = l.finding_id
               JOIN scope_item s ON s.id = l.scope_id
              WHERE f.assessment_id = ?1 ORDER BY f.created_at, f.id, s.position",
        )?
        .query_map([assessment_id.to_string()], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut out: Vec<clausewise_core::engagement::FindingScope> = Vec::new();
    for (finding, scope) in rows {
        let (finding, scope) = (parse_uuid(&finding)?, parse_uuid(&scope)?);
        match out.iter_mut().find(|l| l.finding_id == finding) {
            Some(l) => l.scope_ids.push(scope),
            None => out.push(clausewise_core::engagement::FindingScope {
                finding_id: finding,
                scope_ids: vec![scope],
            }),
        }
    }
    Ok(out)
}

/// Sets what one finding concerns (entries of the same assessment only).
pub(crate) fn write_finding_scope(
    conn: &Connection,
    assessment_id: Uuid,
    finding_id: Uuid,
    scope_ids: &[Uuid],
) -> Result<(), StoreError> {
    let ours: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM finding WHERE id = ?1 AND assessment_id = ?2)",
        params![finding_id.to_string(), assessment_id.to_string()],
        |row| row.get(0),
    )?;
    if !ours {
        return Err(StoreError::NotFound { what: "finding" });
    }
    let scope: Vec<Uuid> = list_scope(conn, assessment_id)?
        .iter()
        .map(|s| s.id)
        .collect();
    if scope_ids.iter().any(|s| !scope.contains(s)) {
        return Err(clausewise_core::ValidationError::UnknownScopeItem.into());
    }
    conn.execute(
        "DELETE FROM finding_scope WHERE finding_id = ?1",
        [finding_id.to_string()],
    )?;
    for s in scope_ids {
        conn.execute(
            "INSERT OR IGNORE INTO finding_scope (finding_id, scope_id) VALUES (?1, ?2)",
            params![finding_id.to_string(), s.to_string()],
        )?;
    }
    Ok(())
}

impl Store {
    /// Sets the services, sites and parties a finding concerns; returns what
    /// every finding of the assessment concerns.
    pub fn set_finding_scope(
        &mut self,
        assessment_id: Uuid,
        finding_id: Uuid,
        scope_ids: &[Uuid],
    ) -> Result<Vec<clausewise_core::engagement::FindingScope>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        write_finding_scope(&tx, assessment_id, finding_id, scope_ids)?;
        let all = list_finding_scope(&tx, assessment_id)?;
        commit_change(tx)?;
        Ok(all)
    }

    fn client_of(&self, assessment_id: Uuid) -> Result<Uuid, StoreError> {
        Ok(self.get_assessment(assessment_id)?.client_id)
    }

    /// The scope of an assessment, in the order entered.
    pub fn scope(&self, assessment_id: Uuid) -> Result<Vec<ScopeItem>, StoreError> {
        self.get_assessment(assessment_id)?;
        list_scope(&self.conn, assessment_id)
    }

    /// Adds or changes one scope entry; returns the whole scope.
    pub fn save_scope_item(
        &mut self,
        assessment_id: Uuid,
        item: &ScopeItem,
    ) -> Result<Vec<ScopeItem>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        write_scope(&tx, assessment_id, item)?;
        let all = list_scope(&tx, assessment_id)?;
        commit_change(tx)?;
        Ok(all)
    }

    /// Removes one scope entry and every evidence item's link to it.
    pub fn delete_scope_item(
        &mut self,
        assessment_id: Uuid,
        id: Uuid,
    ) -> Result<Vec<ScopeItem>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let gone = tx.execute(
            "DELETE FROM scope_item WHERE id = ?1 AND assessment_id = ?2",
            params![id.to_string(), assessment_id.to_string()],
        )?;
        if gone == 0 {
            return Err(StoreError::NotFound { what: "scope item" });
        }
        tx.execute(
            "UPDATE evidence SET scope_ids =
                 (SELECT json_group_array(value) FROM json_each(evidence.scope_ids)
                   WHERE value <> ?2)
              WHERE assessment_id = ?1 AND EXISTS
                 (SELECT 1 FROM json_each(evidence.scope_ids) WHERE value = ?2)",
            params![assessment_id.to_string(), id.to_string()],
        )?;
        let all = list_scope(&tx, assessment_id)?;
        commit_change(tx)?;
        Ok(all)
    }

    /// The directory of the assessment's client, by name.
    pub fn people(&self, assessment_id: Uuid) -> Result<Vec<Person>, StoreError> {
        let client = self.client_of(assessment_id)?;
        list_people(&self.conn, client)
    }

    /// Adds or changes one person of the client's directory; returns it.
    pub fn save_person(
        &mut self,
        assessment_id: Uuid,
        person: &Person,
    ) -> Result<Vec<Person>, StoreError> {
        let client = self.client_of(assessment_id)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        write_person(&tx, client, person)?;
        let all = list_people(&tx, client)?;
        commit_change(tx)?;
        Ok(all)
    }

    /// Removes a person from the directory and from every interview of the
    /// client's assessments.
    pub fn delete_person(
        &mut self,
        assessment_id: Uuid,
        id: Uuid,
    ) -> Result<Vec<Person>, StoreError> {
        let client = self.client_of(assessment_id)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let gone = tx.execute(
            "DELETE FROM person WHERE id = ?1 AND client_id = ?2",
            params![id.to_string(), client.to_string()],
        )?;
        if gone == 0 {
            return Err(StoreError::NotFound { what: "person" });
        }
        tx.execute(
            "UPDATE interview SET person_ids =
                 (SELECT json_group_array(value) FROM json_each(interview.person_ids)
                   WHERE value <> ?2)
              WHERE assessment_id IN (SELECT id FROM assessment WHERE client_id = ?1)
                AND EXISTS (SELECT 1 FROM json_each(interview.person_ids) WHERE value = ?2)",
            params![client.to_string(), id.to_string()],
        )?;
        let all = list_people(&tx, client)?;
        commit_change(tx)?;
        Ok(all)
    }

    /// The interview sessions of an assessment, by date and time.
    pub fn interviews(&self, assessment_id: Uuid) -> Result<Vec<Interview>, StoreError> {
        self.get_assessment(assessment_id)?;
        list_interviews(&self.conn, assessment_id)
    }

    pub fn save_interview(
        &mut self,
        assessment_id: Uuid,
        interview: &Interview,
    ) -> Result<Vec<Interview>, StoreError> {
        let client = self.client_of(assessment_id)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        write_interview(&tx, assessment_id, client, interview)?;
        let all = list_interviews(&tx, assessment_id)?;
        commit_change(tx)?;
        Ok(all)
    }

    pub fn delete_interview(
        &mut self,
        assessment_id: Uuid,
        id: Uuid,
    ) -> Result<Vec<Interview>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        touch_assessment(&tx, assessment_id)?;
        let gone = tx.execute(
            "DELETE FROM interview WHERE id = ?1 AND assessment_id = ?2",
            params![id.to_string(), assessment_id.to_string()],
        )?;
        if gone == 0 {
            return Err(StoreError::NotFound { what: "interview" });
        }
        let all = list_interviews(&tx, assessment_id)?;
        commit_change(tx)?;
        Ok(all)
    }
}
