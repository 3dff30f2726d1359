//! The back office's view of people, reachable without HTTP: what the one
//! search box searches, the person page, and the CSV export in chunks.
//! Every function that returns a person's data writes its audit events
//! before it returns.

use axum::body::Bytes;
use futures_util::{Stream, stream};
use kartlegg_shared::api::RegistrationStatus;
use kartlegg_shared::caseworker::{
    AccessLogEntry, AuditAction, FoundThrough, FoundThroughKind, LinkedPerson, OutsideLookupResult,
    PersonPage, PersonSummary, PrintProfile, SEARCH_LIMIT, SearchKind, SearchResponse,
};
use kartlegg_shared::domain::DufNumber;
use kartlegg_shared::fields::LookupReason;
use kartlegg_shared::search::SearchQuery;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{self, PERSON_PAGE_FIELDS, PRINT_FIELDS, SUMMARY_FIELDS, audit_reads};
use std::collections::HashMap;

use crate::db::{
    AuditFilter, LinkHit, PeopleFilter, Person, PersonListing, PersonMatch, fold_name,
};
use crate::dto;
use crate::dto::api_time;
use crate::error::ApiError;
use crate::services::identity;

/// What a parsed search text looks for, and how the store matches it.
pub fn search_match(query: SearchQuery) -> (SearchKind, PersonMatch) {
    match query {
        SearchQuery::DufNumber(d) => (
            SearchKind::DufNumber,
            PersonMatch::DufNumber(d.as_str().to_owned()),
        ),
        SearchQuery::RegistrationNumber(r) => (
            SearchKind::RegistrationNumber,
            PersonMatch::RegistrationNumber(r),
        ),
        SearchQuery::NationalId(n) => (SearchKind::NationalId, PersonMatch::NationalId(n)),
        SearchQuery::DateOfBirth(d) => (SearchKind::DateOfBirth, PersonMatch::DateOfBirth(d)),
        SearchQuery::Name(n) => (
            SearchKind::Name,
            PersonMatch::Name {
                surname: n.surname.as_deref().map(fold_name),
                first_name: n.first_name.as_deref().map(fold_name),
                words: n.words.iter().map(|w| fold_name(w)).collect(),
            },
        ),
    }
}

/// The search box within the caller's organisation: the people whose own
/// values match, and those found through an alias (marked as such) or a
/// duplicate (the active identity is shown instead, marked with the
/// duplicate's DUF-number). Every person shown is logged as read.
pub async fn search(
    state: &AppState,
    cw: &CaseworkerSession,
    query: SearchQuery,
) -> Result<SearchResponse, ApiError> {
    let (kind, matching) = search_match(query);
    let limit = i64::try_from(SEARCH_LIMIT).unwrap_or(50);
    let org = cw.account.organisation_id;
    let hits = state.store.link_hits(org, &matching, limit + 1).await?;
    let mut filter = PeopleFilter::new(org, cw.account.id, limit + 1);
    filter.matching = Some(matching);
    // The search shows no total: the extra row says whether there are more.
    filter.count_up_to = Some(0);
    let (mut found, _) = state.store.people(&filter).await?;
    // A duplicate is not shown itself: the active identity stands for it.
    found.retain(|l| {
        !hits.iter().any(
            |h| matches!(h, LinkHit::Duplicate { duplicate_id, .. } if *duplicate_id == l.person.id),
        )
    });
    let mut shown: Vec<(PersonListing, Option<FoundThrough>)> =
        found.into_iter().map(|l| (l, None)).collect();
    for hit in hits {
        let (person_id, through) = match hit {
            LinkHit::Alias {
                person_id,
                first_name,
                last_name,
            } => (
                person_id,
                FoundThrough {
                    kind: FoundThroughKind::Alias,
                    text: format!("{last_name}, {first_name}"),
                },
            ),
            LinkHit::Duplicate {
                duplicate_duf,
                active_id,
                ..
            } => (
                active_id,
                FoundThrough {
                    kind: FoundThroughKind::Duplicate,
                    text: duplicate_duf.as_str().to_owned(),
                },
            ),
        };
        if shown.len() > SEARCH_LIMIT || shown.iter().any(|(l, _)| l.person.id == person_id) {
            continue;
        }
        let mut one = PeopleFilter::new(org, cw.account.id, 1);
        one.person_id = Some(person_id);
        one.count_up_to = Some(0);
        if let Some(listing) = state.store.people(&one).await?.0.pop() {
            shown.push((listing, Some(through)));
        }
    }
    let truncated = shown.len() > SEARCH_LIMIT;
    shown.truncate(SEARCH_LIMIT);
    let listings: Vec<PersonListing> = shown.iter().map(|(l, _)| l.clone()).collect();
    back_office::audit_reads(state, cw, AuditAction::Search, &listings, SUMMARY_FIELDS).await?;
    Ok(SearchResponse {
        kind,
        results: shown
            .into_iter()
            .map(|(l, through)| PersonSummary {
                found_through: through,
                ..dto::summary(&l)
            })
            .collect(),
        truncated,
    })
}

/// The person page of a person already found in the caller's
/// organisation, logged as a read of each part it shows.
pub async fn person_page(
    state: &AppState,
    cw: &CaseworkerSession,
    listing: PersonListing,
) -> Result<PersonPage, ApiError> {
    let person = &listing.person;
    let store = state.store.as_ref();
    let registrations = store.registrations(person.id).await?;
    let consents = store.consents(person.id).await?;
    let code = store.latest_code(person.id).await?;
    let remarks = store.remarks(person.id).await?;
    let details = identity::details_of(state, person.id).await?;
    let history = store.identity_history(person.id).await?;
    let (duplicate_of, duplicates) = store.duplicate_links(person.id).await?;
    let aliases = store.aliases(person.id).await?;
    let organisation = store
        .organisation_by_id(person.organisation_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let shown = back_office::shown_registration(&registrations);
    let now = state.clock.now();
    let mut event = cw.event_about(AuditAction::ReadPerson, now, person);
    event.registration_id = shown.map(|r| r.id);
    event.fields = PERSON_PAGE_FIELDS.iter().map(|f| (*f).to_owned()).collect();
    state.record_audit(&[event]).await?;
    Ok(PersonPage {
        identity: dto::identity(person, details),
        organisation: dto::organisation_info(&organisation),
        state: listing.state,
        on_worklist: listing.on_worklist,
        registrations: registrations.iter().map(dto::history_entry).collect(),
        shown_registration: shown.map(crate::dto::with_provenance),
        consents: consents.into_iter().map(dto::consent_record).collect(),
        code: code.map(|c| dto::code_info(&c, now)),
        remarks: remarks.iter().map(dto::remark).collect(),
        identity_history: history.iter().map(dto::history_entry_of_identity).collect(),
        duplicate_of: duplicate_of.map(|d| LinkedPerson {
            id: d.active_id.to_string(),
            duf_number: d.active_duf.as_str().to_owned(),
        }),
        duplicates: duplicates.iter().map(dto::duplicate_info).collect(),
        aliases: aliases.iter().map(dto::alias_info).collect(),
    })
}

/// The printable profile of a person already found in the caller's
/// organisation: identity and the latest completed registration (never a
/// draft, which may still change). Logged as its own kind of read, so that
/// the access log tells a print, which leaves the system on paper, from a
/// look at the page.
pub async fn print_profile(
    state: &AppState,
    cw: &CaseworkerSession,
    listing: PersonListing,
) -> Result<PrintProfile, ApiError> {
    let person = &listing.person;
    let store = state.store.as_ref();
    let registrations = store.registrations(person.id).await?;
    let organisation = store
        .organisation_by_id(person.organisation_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let completed = registrations
        .iter()
        .find(|r| r.status == RegistrationStatus::Completed);
    let details = identity::details_of(state, person.id).await?;
    let now = state.clock.now();
    let mut event = cw.event_about(AuditAction::PrintPerson, now, person);
    event.registration_id = completed.map(|r| r.id);
    event.fields = PRINT_FIELDS.iter().map(|f| (*f).to_owned()).collect();
    state.record_audit(&[event]).await?;
    Ok(PrintProfile {
        identity: dto::identity(person, details),
        organisation: dto::organisation_info(&organisation),
        state: listing.state,
        registration: completed.map(crate::dto::with_provenance),
        printed_at: api_time(now),
        printed_by: cw.account.display_name.clone(),
    })
}

/// Who has read or changed the person's data, newest first; reading it is
/// recorded first, so the answer starts with this read.
pub async fn access_log(
    state: &AppState,
    cw: &CaseworkerSession,
    person: &Person,
) -> Result<Vec<AccessLogEntry>, ApiError> {
    // Who looked at who looked: the read of the log is itself a read of
    // the person's data, recorded before the answer leaves.
    let mut event = cw.event_about(AuditAction::ReadAccessLog, state.clock.now(), person);
    event.fields = vec!["access_log".to_owned()];
    state.record_audit(&[event]).await?;
    let (events, _) = state
        .store
        .audit_events(&AuditFilter {
            person_id: Some(person.id),
            limit: 500,
            ..AuditFilter::default()
        })
        .await?;
    let names: HashMap<_, _> = state
        .store
        .list_organisations()
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    Ok(events
        .into_iter()
        .map(|e| AccessLogEntry {
            at: api_time(e.event.at),
            actor: e.event.actor,
            organisation: e.event.organisation_id.and_then(|o| names.get(&o).cloned()),
            action: e.event.action,
            fields: e.event.fields,
            reason: e.event.reason,
        })
        .collect())
}

/// Looks up a person outside the caller's organisation by exact
/// DUF-number, for a reason. Logged whether anyone is found or not (it is a
/// question asked); only the summary is given. A duplicate's DUF-number
/// gives its active identity (§ 15.1: the duplicate is no longer the
/// person's identity), marked as found through the duplicate, as the
/// search box does.
pub async fn outside_lookup(
    state: &AppState,
    cw: &CaseworkerSession,
    duf: &DufNumber,
    reason: &LookupReason,
) -> Result<OutsideLookupResult, ApiError> {
    let now = state.clock.now();
    let mut event = cw.event(AuditAction::OutsideLookup, now);
    event.reason = Some(reason.as_str().to_owned());
    event.fields = vec!["duf_number".to_owned()];
    let Some(mut person) = state.store.person_by_duf(duf).await? else {
        // A lookup that finds no one is logged too: it is a question asked.
        state.record_audit(&[event]).await?;
        return Err(ApiError::NotFound);
    };
    let mut found_through = None;
    if let (Some(link), _) = state.store.duplicate_links(person.id).await? {
        // Links are made within one organisation, and an active identity
        // is never itself a duplicate: one step reaches it.
        person = state
            .store
            .person_by_id(link.active_id)
            .await?
            .ok_or(ApiError::NotFound)?;
        found_through = Some(FoundThrough {
            kind: FoundThroughKind::Duplicate,
            text: link.duplicate_duf.as_str().to_owned(),
        });
    }
    let mut filter = PeopleFilter::new(person.organisation_id, cw.account.id, 1);
    filter.count_up_to = Some(0);
    filter.person_id = Some(person.id);
    let (mut found, _) = state.store.people(&filter).await?;
    let listing = found.pop().ok_or(ApiError::NotFound)?;
    let organisation = state
        .store
        .organisation_by_id(person.organisation_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    event.person_id = Some(person.id);
    event.person_organisation_id = Some(person.organisation_id);
    event.fields = SUMMARY_FIELDS.iter().map(|f| (*f).to_owned()).collect();
    state.record_audit(&[event]).await?;
    Ok(OutsideLookupResult {
        person: PersonSummary {
            found_through,
            ..dto::summary(&listing)
        },
        organisation: dto::organisation_info(&organisation),
    })
}

/// The rows of one export chunk, read from one streaming query.
/// 2,000: each chunk is one audit transaction (of one event per person) and
/// one body frame; bigger chunks spend less on commits, and two of them in
/// the channel are still well under a megabyte.
pub const EXPORT_CHUNK: i64 = 2_000;

/// The export's first line.
pub fn export_header() -> String {
    back_office::csv_line(&[
        "duf_number",
        "last_name",
        "first_name",
        "date_of_birth",
        "state",
        "completed_at",
        "created_at",
    ])
}

/// The CSV lines of some rows.
pub fn export_lines(rows: &[PersonListing]) -> String {
    let mut text = String::new();
    for row in rows {
        let p = &row.person;
        text.push_str(&back_office::csv_line(&[
            p.duf_number.as_str(),
            &p.last_name,
            &p.first_name,
            &p.date_of_birth.map(|d| d.to_string()).unwrap_or_default(),
            row.state.as_str(),
            &row.completed_at.map(api_time).unwrap_or_default(),
            &api_time(p.created_at),
        ]));
    }
    text
}

/// Every row `filter` matches, as CSV after the header, read in order by
/// [`crate::db::BackOfficeStore::people_chunks`] (keyset chunks, or one
/// streaming query; no OFFSET and no count per chunk), handed over [`EXPORT_CHUNK`] at a time
/// through a channel of two chunks, so that memory stays flat however
/// long the list; each chunk's people are logged as exported before the
/// chunk is sent. A client that goes away closes the channel, which ends
/// the query.
pub fn export(
    state: AppState,
    cw: CaseworkerSession,
    filter: PeopleFilter,
) -> impl Stream<Item = Result<Bytes, ApiError>> {
    let (tx, rx) = tokio::sync::mpsc::channel(2);
    let store = state.store.clone();
    tokio::spawn(async move {
        store
            .people_chunks(&filter, usize::try_from(EXPORT_CHUNK).unwrap_or(2_000), tx)
            .await;
    });
    let chunks = stream::try_unfold(Some((state, cw, rx)), |next| async move {
        let Some((state, cw, mut rx)) = next else {
            return Ok::<_, ApiError>(None);
        };
        let Some(rows) = rx.recv().await else {
            return Ok(None);
        };
        let rows = rows?;
        audit_reads(&state, &cw, AuditAction::Export, &rows, SUMMARY_FIELDS).await?;
        Ok(Some((
            Bytes::from(export_lines(&rows)),
            Some((state, cw, rx)),
        )))
    });
    futures_util::StreamExt::chain(stream::iter([Ok(Bytes::from(export_header()))]), chunks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(text: &str) -> SearchKind {
        search_match(SearchQuery::parse(text).unwrap()).0
    }

    #[test]
    fn the_search_text_decides_what_is_searched() {
        assert_eq!(kind_of("2024 0000 0042"), SearchKind::DufNumber);
        assert_eq!(kind_of("15076500565"), SearchKind::NationalId);
        assert_eq!(kind_of("31.01.1990"), SearchKind::DateOfBirth);
        assert_eq!(kind_of("Tesfay, am"), SearchKind::Name);
    }

    #[test]
    fn names_are_matched_folded() {
        let (_, matching) = search_match(SearchQuery::parse("Ødegård, Åse").unwrap());
        let PersonMatch::Name {
            surname,
            first_name,
            ..
        } = matching
        else {
            panic!("a name search");
        };
        assert_eq!(surname.as_deref(), Some(fold_name("Ødegård").as_str()));
        assert_eq!(first_name.as_deref(), Some(fold_name("Åse").as_str()));
    }

    #[test]
    fn the_export_starts_with_its_header() {
        assert_eq!(
            export_header().trim_end(),
            "duf_number,last_name,first_name,date_of_birth,state,completed_at,created_at"
        );
    }
}
