//! An identity's values as the history shows them: each field rendered as
//! language-neutral text with its source, so that a change is a field whose
//! text or source differs, and the same value as data
//! ([`HistoryValue`]), which the reader's screen puts in their language.
//! The store writes these rows in the transaction of the change.

use kartlegg_shared::caseworker::Gender;
use kartlegg_shared::identity::{
    Address, BirthDateView, HistoryValue, IdentityDetails, ValueSource,
};

use super::{IdentityChange, Person};

/// One field of an identity as the history keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldValue {
    pub field: &'static str,
    pub value: Option<String>,
    /// The same value as data (present with `value`).
    pub data: Option<HistoryValue>,
    pub source: Option<ValueSource>,
}

/// One changed field: old and new value, and the new value's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: &'static str,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub old_data: Option<HistoryValue>,
    pub new_data: Option<HistoryValue>,
    pub source: Option<ValueSource>,
}

/// The basic values (the `people` columns) of an identity.
struct Basic<'a> {
    first_name: &'a str,
    last_name: &'a str,
    /// The calendar date, used when the details hold no registered form.
    date_of_birth: Option<String>,
    gender: Option<Gender>,
    citizenships: &'a [String],
    registration_number: Option<&'a str>,
    national_id: Option<&'a str>,
}

fn address(a: &Address) -> String {
    format!(
        "{}, {} {}, from {}",
        a.street, a.postcode, a.post_town, a.from
    )
}

fn values(b: &Basic<'_>, d: &IdentityDetails) -> Vec<FieldValue> {
    let s = &d.sources;
    // A source belongs to a value: none is kept for a field left empty, so
    // that a name's source does not make an empty middle name "change".
    let v = |field, value: Option<(String, HistoryValue)>, source: Option<ValueSource>| {
        let (value, data) = value.unzip();
        FieldValue {
            field,
            source: source.filter(|_| value.is_some()),
            value,
            data,
        }
    };
    let text = |t: &str| (t.to_owned(), HistoryValue::Text { text: t.to_owned() });
    let birth = d
        .birth_date
        .as_ref()
        .map(|b| {
            let mut text = b.date.clone();
            if let Some(r) = b.reliability {
                text.push_str(&format!(" ({}", r.as_str()));
                if let Some(u) = b.unknown {
                    text.push_str(&format!(", unknown {}", u.as_str()));
                }
                text.push(')');
            }
            (text, HistoryValue::BirthDate(b.clone()))
        })
        .or_else(|| {
            // A person stored before the registered form was kept: the
            // calendar date alone, its reliability not known.
            b.date_of_birth.clone().map(|date| {
                let view = BirthDateView {
                    date: date.clone(),
                    reliability: None,
                    unknown: None,
                    case_opened_on: None,
                };
                (date, HistoryValue::BirthDate(view))
            })
        });
    let citizenships = (!b.citizenships.is_empty()).then(|| {
        let listed = b
            .citizenships
            .iter()
            .map(|c| {
                if d.preferred_citizenship.as_deref() == Some(c.as_str())
                    && b.citizenships.len() > 1
                {
                    format!("{c} (preferred)")
                } else {
                    c.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        let preferred = d
            .preferred_citizenship
            .clone()
            .or_else(|| b.citizenships.first().cloned());
        (
            listed,
            HistoryValue::Citizenships {
                codes: b.citizenships.to_vec(),
                preferred,
            },
        )
    });
    let address = |a: &Address| (address(a), HistoryValue::Address(a.clone()));
    vec![
        v("first_name", Some(text(b.first_name)), s.name),
        v("middle_name", d.middle_name.as_deref().map(text), s.name),
        v("last_name", Some(text(b.last_name)), s.name),
        v("date_of_birth", birth, s.birth_date),
        v(
            "gender",
            b.gender
                .map(|g| (g.as_str().to_owned(), HistoryValue::Gender { gender: g })),
            s.gender,
        ),
        v(
            "place_of_birth",
            d.place_of_birth
                .clone()
                .map(|p| (p.clone(), HistoryValue::Place { place: p })),
            s.place_of_birth,
        ),
        v(
            "country_of_birth",
            d.country_of_birth
                .clone()
                .map(|c| (c.clone(), HistoryValue::Country { code: c })),
            s.place_of_birth,
        ),
        v("citizenships", citizenships, s.citizenships),
        v(
            "marital_status",
            d.marital_status.as_ref().map(|m| {
                (
                    format!("{} from {}", m.status.as_str(), m.from),
                    HistoryValue::MaritalStatus(m.clone()),
                )
            }),
            s.marital_status,
        ),
        v(
            "postal_address",
            d.postal_address.as_ref().map(address),
            s.postal_address,
        ),
        v(
            "residence_address",
            d.residence_address.as_ref().map(address),
            s.residence_address,
        ),
        v("registration_number", b.registration_number.map(text), None),
        v("national_id", b.national_id.map(text), None),
    ]
}

/// A stored person's values.
pub fn of_person(p: &Person, d: &IdentityDetails) -> Vec<FieldValue> {
    values(
        &Basic {
            first_name: &p.first_name,
            last_name: &p.last_name,
            date_of_birth: p.date_of_birth.map(|d| d.to_string()),
            gender: p.gender,
            citizenships: &p.citizenships,
            registration_number: p.registration_number.as_ref().map(|r| r.as_str()),
            national_id: p.national_id.as_ref().map(|n| n.as_str()),
        },
        d,
    )
}

/// The values a change writes.
pub fn of_change(c: &IdentityChange) -> Vec<FieldValue> {
    values(
        &Basic {
            first_name: &c.first_name,
            last_name: &c.last_name,
            date_of_birth: c.date_of_birth.map(|d| d.to_string()),
            gender: c.gender,
            citizenships: &c.citizenships,
            registration_number: c.registration_number.as_ref().map(|r| r.as_str()),
            national_id: c.national_id.as_ref().map(|n| n.as_str()),
        },
        &c.details,
    )
}

/// The fields whose value or source differs; with no `before` (a new
/// person) every field that has a value.
pub fn changes(before: Option<&[FieldValue]>, after: &[FieldValue]) -> Vec<FieldChange> {
    after
        .iter()
        .enumerate()
        .filter_map(|(i, new)| {
            let old = before.and_then(|b| b.get(i));
            let differs = match old {
                Some(old) => old.value != new.value || old.source != new.source,
                None => new.value.is_some(),
            };
            differs.then(|| FieldChange {
                field: new.field,
                old_value: old.and_then(|o| o.value.clone()),
                new_value: new.value.clone(),
                old_data: old.and_then(|o| o.data.clone()),
                new_data: new.data.clone(),
                source: new.source,
            })
        })
        .collect()
}

/// Inside the transaction `$tx` of an identity change of `$person_id`:
/// locks the person where the engine needs it, reads the stored details
/// and evaluates to them (default when none), so the caller can compare
/// before it writes. `$d` is the engine's dialect.
macro_rules! lock_and_read_details {
    ($d:path, $tx:expr, $person_id:expr) => {{
        if let Some(lock) = $d.lock_person {
            sqlx::query(&$d.sql(lock))
                .bind($person_id)
                .execute(&mut *$tx)
                .await?;
        }
        let stored: Option<(String,)> =
            sqlx::query_as(&$d.sql("SELECT details FROM person_identity WHERE person_id = ?"))
                .bind($person_id)
                .fetch_optional(&mut *$tx)
                .await?;
        $crate::db::history::parse_details(stored.map(|(d,)| d).as_deref())?
    }};
}

/// Inside the transaction `$tx`: stores the change's details for
/// `$person_id` and one history row per changed field (`$changes`, from
/// [`changes`]), with the change's actor, reason and time.
macro_rules! write_identity {
    ($d:path, $tx:expr, $person_id:expr, $change:expr, $changes:expr) => {{
        let change: &$crate::db::IdentityChange = $change;
        sqlx::query(&$d.sql(
            "INSERT INTO person_identity (person_id, details, updated_at) VALUES (?, ?, ?) \
             ON CONFLICT (person_id) DO UPDATE SET details = excluded.details, \
             updated_at = excluded.updated_at",
        ))
        .bind($person_id)
        .bind($crate::db::history::details_text(&change.details)?)
        .bind(change.log.at)
        .execute(&mut *$tx)
        .await?;
        // Newest first is by `seq` descending: the fields go in backwards
        // so that one change reads in the identity's order.
        for c in $changes.iter().rev() {
            sqlx::query(&$d.sql(
                "INSERT INTO identity_changes (person_id, changed_at, actor, reason, field, \
                 old_value, new_value, source, old_data, new_data) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ))
            .bind($person_id)
            .bind(change.log.at)
            .bind(&change.log.actor)
            .bind(&change.log.reason)
            .bind(c.field)
            .bind(&c.old_value)
            .bind(&c.new_value)
            .bind(c.source.map(|s| s.as_str()))
            .bind($crate::db::history::data_text(c.old_data.as_ref())?)
            .bind($crate::db::history::data_text(c.new_data.as_ref())?)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

/// Inside the transaction `$tx`: returns `Conflict("duplicate")` from the
/// enclosing function when `$person_id` is linked as a duplicate (§ 15.1:
/// a duplicate can no longer be changed).
macro_rules! refuse_duplicate {
    ($d:path, $tx:expr, $person_id:expr) => {{
        let linked: Option<(uuid::Uuid,)> = sqlx::query_as(
            &$d.sql("SELECT duplicate_id FROM person_duplicates WHERE duplicate_id = ?"),
        )
        .bind($person_id)
        .fetch_optional(&mut *$tx)
        .await?;
        if linked.is_some() {
            return Err($crate::db::StoreError::Conflict(
                $crate::db::history::DUPLICATE.into(),
            ));
        }
    }};
}

/// The conflict a change of a duplicate is refused with.
pub const DUPLICATE: &str = "duplicate";

/// One history row of a link or an alias of `$person_id` (old and new
/// value each as text and data, `Option<(String, HistoryValue)>`). A link
/// or an alias is part of the person as systems read them, so the person's
/// version (their ETag) counts up and a `person.changed` event is recorded,
/// in the same transaction.
macro_rules! write_history_row {
    ($d:path, $tx:expr, $person_id:expr, $log:expr, $field:expr, $old:expr, $new:expr) => {{
        let log: &$crate::db::ChangeLog = $log;
        let (old, new): (
            Option<(String, kartlegg_shared::identity::HistoryValue)>,
            Option<(String, kartlegg_shared::identity::HistoryValue)>,
        ) = ($old, $new);
        let (old_value, old_data) = old.unzip();
        let (new_value, new_data) = new.unzip();
        sqlx::query(&$d.sql(
            "INSERT INTO identity_changes (person_id, changed_at, actor, reason, field, \
             old_value, new_value, source, old_data, new_data) \
             VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
        ))
        .bind($person_id)
        .bind(log.at)
        .bind(&log.actor)
        .bind(&log.reason)
        .bind($field)
        .bind(old_value)
        .bind(new_value)
        .bind($crate::db::history::data_text(old_data.as_ref())?)
        .bind($crate::db::history::data_text(new_data.as_ref())?)
        .execute(&mut *$tx)
        .await?;
        sqlx::query(&$d.sql("UPDATE people SET version = version + 1 WHERE id = ?"))
            .bind($person_id)
            .execute(&mut *$tx)
            .await?;
        let none: Option<uuid::Uuid> = None;
        record_event!(
            $d,
            $tx,
            kartlegg_shared::integration::ChangeEventType::PersonChanged,
            $person_id,
            none,
            log.at
        );
    }};
}

/// A DUF-number as a history value.
pub fn duf_value(duf: &kartlegg_shared::domain::DufNumber) -> Option<(String, HistoryValue)> {
    let text = duf.as_str().to_owned();
    Some((text.clone(), HistoryValue::Text { text }))
}

pub(super) use {lock_and_read_details, refuse_duplicate, write_history_row, write_identity};

/// The stored details document (none stored: nothing beyond the basics).
pub(super) fn parse_details(text: Option<&str>) -> Result<IdentityDetails, super::StoreError> {
    text.map_or_else(
        || Ok(IdentityDetails::default()),
        |t| {
            serde_json::from_str(t)
                .map_err(|e| super::StoreError::Corrupt(format!("identity details: {e}")))
        },
    )
}

/// A history value as stored (JSON text), none for none.
pub(super) fn data_text(value: Option<&HistoryValue>) -> Result<Option<String>, super::StoreError> {
    value
        .map(|v| {
            serde_json::to_string(v)
                .map_err(|e| super::StoreError::Corrupt(format!("cannot encode: {e}")))
        })
        .transpose()
}

/// A stored history value; `None` for a row written before migration 0018
/// kept values as data.
pub(super) fn parse_data(text: Option<&str>) -> Result<Option<HistoryValue>, super::StoreError> {
    text.map(|t| {
        serde_json::from_str(t)
            .map_err(|e| super::StoreError::Corrupt(format!("identity history value: {e}")))
    })
    .transpose()
}

pub(super) fn details_text(details: &IdentityDetails) -> Result<String, super::StoreError> {
    serde_json::to_string(details)
        .map_err(|e| super::StoreError::Corrupt(format!("cannot encode: {e}")))
}
