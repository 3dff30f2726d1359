//! The caseworker back office's rules between the handlers and the store:
//! the organisation fence around people, turning stored rows into the
//! shared DTOs, query parameters into store filters, and audit events for
//! every person whose data leaves the server.

use chrono::{DateTime, NaiveTime, Utc};
use kartlegg_shared::api::RegistrationStatus;
use kartlegg_shared::caseworker::{AuditAction, PeopleQuery};
use kartlegg_shared::domain::{Date, ParseError};
use kartlegg_shared::paging::Page;
use uuid::Uuid;

use crate::auth::CaseworkerSession;
use crate::db::{PeopleFilter, PersonListing, StoredRegistration};
use crate::error::ApiError;
use crate::state::AppState;

/// The field set of a person in a search result, list or export.
pub const SUMMARY_FIELDS: &[&str] = &["duf_number", "name", "date_of_birth", "registration_state"];

/// The field sets of the person page.
pub const PERSON_PAGE_FIELDS: &[&str] = &[
    "identity",
    "identity_history",
    "registration_state",
    "registrations",
    "answers",
    "consents",
    "code_status",
    "remarks",
];

/// The field sets of the printable profile.
pub const PRINT_FIELDS: &[&str] = &["identity", "registration_state", "answers"];

/// The field sets of one registration opened from the person's history.
pub const REGISTRATION_FIELDS: &[&str] = &["registrations", "answers"];

/// An id from a path; anything that is not a hyphenated UUID (the
/// document's `format: uuid`) names no one.
pub fn parse_id(id: &str) -> Result<Uuid, ApiError> {
    hyphenated_id(id).ok_or(ApiError::NotFound)
}

/// The person with this id, if they belong to the caller's organisation;
/// 404 otherwise, the same as for no one, so that ids of other
/// organisations' people reveal nothing.
pub async fn person_in_org(
    state: &AppState,
    cw: &CaseworkerSession,
    person_id: Uuid,
) -> Result<PersonListing, ApiError> {
    let mut filter = PeopleFilter::new(cw.account.organisation_id, cw.account.id, 1);
    filter.count_up_to = Some(0);
    filter.person_id = Some(person_id);
    let (mut found, _) = state.store.people(&filter).await?;
    found.pop().ok_or(ApiError::NotFound)
}

/// The registration the person page shows by default, of a history newest
/// first: the latest completed one, so that a new draft (often empty) does
/// not hide what the person has completed; the draft while none is.
pub fn shown_registration(history: &[StoredRegistration]) -> Option<&StoredRegistration> {
    history
        .iter()
        .find(|r| r.status == RegistrationStatus::Completed)
        .or_else(|| history.first())
}

/// Writes one event per person whose data is in an answer, before the
/// answer leaves: no read without its record.
pub async fn audit_reads(
    state: &AppState,
    cw: &CaseworkerSession,
    action: AuditAction,
    people: &[PersonListing],
    fields: &[&str],
) -> Result<(), ApiError> {
    let now = state.clock.now();
    let events: Vec<_> = people
        .iter()
        .map(|p| {
            let mut event = cw.event_about(action, now, &p.person);
            event.fields = fields.iter().map(|f| (*f).to_owned()).collect();
            event
        })
        .collect();
    Ok(state.record_audit(&events).await?)
}

/// A date of birth written exactly as the document's `format: date` says,
/// `YYYY-MM-DD` (no spaces, ASCII digits), within [`Date`]'s own range.
pub fn iso_date(value: &str) -> Result<Date, ParseError> {
    calendar_date(value)?;
    Date::parse_iso(value)
}

/// Any calendar date written exactly `YYYY-MM-DD` (RFC 3339 `full-date`,
/// the document's `format: date`), years 0000 to 9999.
pub fn calendar_date(value: &str) -> Result<chrono::NaiveDate, ParseError> {
    let bytes = value.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    let number = |range: std::ops::Range<usize>| value[range].parse::<u32>().unwrap_or(0);
    shaped
        .then(|| {
            let year = i32::try_from(number(0..4)).unwrap_or(0);
            chrono::NaiveDate::from_ymd_opt(year, number(5..7), number(8..10))
        })
        .flatten()
        .ok_or(ParseError {
            code: "invalid_date",
            message: "A date is written YYYY-MM-DD and must exist",
        })
}

/// An id in its one documented form (`format: uuid`): hyphenated, 36
/// characters.
pub fn hyphenated_id(value: &str) -> Option<Uuid> {
    (value.len() == 36)
        .then(|| Uuid::parse_str(value).ok())
        .flatten()
}

/// The start of a day (UTC) from a `YYYY-MM-DD` query value; `days_after`
/// 1 gives the exclusive end of that day.
pub fn day_start(
    field: &str,
    value: Option<&str>,
    days_after: i64,
) -> Result<Option<DateTime<Utc>>, ApiError> {
    let Some(value) = value else {
        return Ok(None);
    };
    let naive = calendar_date(value).map_err(|e| ApiError::field(field, e.code, e.message))?;
    Ok(Some(
        (naive.and_time(NaiveTime::MIN) + chrono::Duration::days(days_after)).and_utc(),
    ))
}

/// The page number and size asked for, within the bounds of
/// [`kartlegg_shared::paging`].
pub fn paging(page: Option<u32>, page_size: Option<u32>) -> Result<Page, ApiError> {
    Page::parse(page, page_size).map_err(|e| ApiError::Validation(vec![e]))
}

/// How far past a page's first person the list counts: the total is exact
/// up to there, so that the next pages are always known, and a list of a
/// million does not read every match on every page.
pub const PEOPLE_COUNT_AHEAD: i64 = 10_000;

/// Whether a count stopped at its cap (`count_up_to`), so that the total
/// shown is "at least".
pub fn reached_cap(total: u64, count_up_to: Option<i64>) -> bool {
    count_up_to
        .and_then(|cap| u64::try_from(cap).ok())
        .is_some_and(|cap| total >= cap)
}

/// The store filter for a people list query, within the caller's organisation.
pub fn people_filter(cw: &CaseworkerSession, q: &PeopleQuery) -> Result<PeopleFilter, ApiError> {
    let page = paging(q.page, q.page_size)?;
    let mut filter = PeopleFilter::new(
        cw.account.organisation_id,
        cw.account.id,
        i64::from(page.size),
    );
    filter.offset = page.offset();
    filter.count_up_to = Some(filter.offset + PEOPLE_COUNT_AHEAD);
    filter.state = q.state;
    filter.created_from = day_start("created_from", q.created_from.as_deref(), 0)?;
    filter.created_before = day_start("created_to", q.created_to.as_deref(), 1)?;
    filter.completed_from = day_start("completed_from", q.completed_from.as_deref(), 0)?;
    filter.completed_before = day_start("completed_to", q.completed_to.as_deref(), 1)?;
    filter.worklist_only = q.worklist_only;
    filter.sort = q.sort;
    filter.order = q.order;
    if let Some(after) = q.after.as_deref() {
        let bad = |code, message| Err(ApiError::field("after", code, message));
        if q.page.is_some() {
            return bad(
                "after_with_page",
                "Give either a page number or a cursor, not both",
            );
        }
        let Some(id) = hyphenated_id(after) else {
            return bad("invalid_cursor", "Not a cursor this server gave");
        };
        filter.after = Some(id);
        filter.offset = 0;
        filter.count_up_to = Some(PEOPLE_COUNT_AHEAD);
    }
    Ok(filter)
}

/// One CSV line, with values that a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@` first) prefixed with `'`.
pub fn csv_line(values: &[&str]) -> String {
    let mut line = values
        .iter()
        .map(|v| {
            let v = if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{v}")
            } else {
                (*v).to_owned()
            };
            if v.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", v.replace('"', "\"\""))
            } else {
                v
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dto::api_time;

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv_line(&["a", "b,c", "d\"e"]), "a,\"b,c\",\"d\"\"e\"\r\n");
        assert_eq!(csv_line(&["=SUM(A1)"]), "'=SUM(A1)\r\n");
    }

    #[test]
    fn day_filters_cover_whole_days() {
        let from = day_start("f", Some("2026-01-31"), 0).unwrap().unwrap();
        let to = day_start("t", Some("2026-01-31"), 1).unwrap().unwrap();
        assert_eq!(api_time(from), "2026-01-31T00:00:00Z");
        assert_eq!(api_time(to), "2026-02-01T00:00:00Z");
        assert!(day_start("f", Some("31.01.2026"), 0).is_err());
    }
}
