//! What the repositories share for reading and writing rows: the time
//! and its stored form, timestamps, dates, ids and enums read back
//! leniently or strictly, and marking an assessment changed.

use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, SubsecRound, Utc};
use clausewise_core::validation::{
    clamp_date, clamp_timestamp, earliest_timestamp, latest_timestamp, timestamp_in_range,
    MAX_YEAR, MIN_YEAR,
};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{de::DeserializeOwned, Serialize};
use uuid::Uuid;

use crate::StoreError;

/// The current time at the precision stored (microseconds), so that what a
/// write returns equals what a later read gives.
pub(crate) fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// A timestamp as stored: RFC 3339 in UTC, microseconds. Kept within the
/// years the store reads back, whatever the clock says.
pub(crate) fn timestamp(t: DateTime<Utc>) -> String {
    clamp_timestamp(t).to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// A stored timestamp, if it is one the store wrote (valid, within range).
pub(crate) fn strict_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
        .filter(|t| timestamp_in_range(*t))
}

/// A stored timestamp. One that cannot be read back (written by an older
/// version, or by another program) never makes a whole list fail: it reads
/// as the nearest time within range (`+10000-…` as the end of 2999, `-0001-…`
/// as the start of 1900, anything unreadable as the start of 1900), and
/// `check` names the row.
pub(crate) fn read_time(text: &str) -> DateTime<Utc> {
    if let Some(t) = strict_time(text) {
        return t;
    }
    match DateTime::parse_from_rfc3339(text) {
        Ok(t) => clamp_timestamp(t.with_timezone(&Utc)),
        Err(_) if beyond_year_9999(text) => latest_timestamp(),
        Err(_) => earliest_timestamp(),
    }
}

/// `+10000-01-01…`, `12345-…`: a year with more than four digits.
fn beyond_year_9999(text: &str) -> bool {
    let digits = text.strip_prefix('+').unwrap_or(text);
    !text.starts_with('-') && digits.chars().take_while(char::is_ascii_digit).count() > 4
}

/// A stored calendar date (`YYYY-MM-DD`), if it is one the store wrote.
pub(crate) fn strict_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|d| (MIN_YEAR..=MAX_YEAR).contains(&d.year()))
}

/// A stored calendar date, read like [`read_time`]: out of range it reads
/// as the nearest date within range; one that is no date at all as none.
pub(crate) fn read_date(text: &str) -> Option<NaiveDate> {
    if let Some(d) = strict_date(text) {
        return Some(d);
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(d) => Some(clamp_date(d)),
        Err(_) if beyond_year_9999(text) => Some(latest_timestamp().date_naive()),
        Err(_) if text.starts_with('-') => Some(earliest_timestamp().date_naive()),
        Err(_) => None,
    }
}

pub(crate) fn parse_uuid(text: &str) -> rusqlite::Result<Uuid> {
    Uuid::parse_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

pub(crate) fn optional_date(row: &Row<'_>, column: &str) -> rusqlite::Result<Option<NaiveDate>> {
    Ok(row
        .get::<_, Option<String>>(column)?
        .as_deref()
        .and_then(read_date))
}

pub(crate) fn time_column(row: &Row<'_>, column: &str) -> rusqlite::Result<DateTime<Utc>> {
    Ok(read_time(&row.get::<_, String>(column)?))
}

pub(crate) fn optional_uuid(row: &Row<'_>, column: &str) -> rusqlite::Result<Option<Uuid>> {
    row.get::<_, Option<String>>(column)?
        .as_deref()
        .map(parse_uuid)
        .transpose()
}

/// An enum's text in the database: its serde name (`"major_nonconformity"`).
/// Only unit variants are stored this way; the CHECK constraints reject
/// anything else.
pub(crate) fn enum_text<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub(crate) fn parse_enum<T: DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

/// Marks the assessment changed; fails if it does not exist or is final
/// (every change to an assessment's content goes through here).
pub(crate) fn touch_assessment(
    tx: &Transaction<'_>,
    assessment_id: Uuid,
) -> Result<(), StoreError> {
    // Cached: the statement carries the history's triggers.
    let touched = tx
        .prepare_cached("UPDATE assessment SET updated_at = ?2 WHERE id = ?1 AND status = 'draft'")?
        .execute(params![assessment_id.to_string(), timestamp(now())])?;
    if touched == 0 {
        // Either there is no such assessment or it is final.
        let title: Option<String> = tx
            .query_row(
                "SELECT title FROM assessment WHERE id = ?1",
                [assessment_id.to_string()],
                |row| row.get(0),
            )
            .optional()?;
        return Err(match title {
            Some(title) => StoreError::Final { title },
            None => StoreError::NotFound { what: "assessment" },
        });
    }
    crate::history::open_group(tx, assessment_id)?;
    Ok(())
}

/// A JSON column read back as what it holds.
pub(crate) fn json_column<T: serde::de::DeserializeOwned>(
    row: &Row<'_>,
    column: &str,
) -> rusqlite::Result<T> {
    let text: String = row.get(column)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

/// A value as JSON text for a column.
pub(crate) fn json_text(value: &impl serde::Serialize) -> String {
    // Plain lists of strings, numbers and ids always serialise.
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_owned())
}
