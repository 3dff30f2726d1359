//! Strict input (#11 item 7): a body is exactly one JSON value, a value of
//! the wrong type is a field error like a wrong value, and every refusal is
//! `validation` or `malformed-body` problem+json that changes nothing.

use axum::body::Body;
use axum::http::{Method, Request, header};
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestResponse};
use crate::on_both_engines;

const DUF: &str = "202400000171";
const REGISTRATION: &str = "/api/v1/applicant/registration";

/// A JSON request with the body as given, byte for byte.
async fn raw_json(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: &str,
) -> TestResponse {
    let mut builder = Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, body.len());
    if let Some(token) = token {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    app.send(builder.body(Body::from(body.to_owned())).unwrap())
        .await
}

fn field_error(problem: &Value) -> (&str, &str) {
    let error = &problem["errors"][0];
    (
        error["field"].as_str().unwrap_or_default(),
        error["code"].as_str().unwrap_or_default(),
    )
}

async fn roles_and_gender_are_strings_only(app: TestApp) {
    use kartlegg_shared::caseworker::Role;
    let person = app.person_in(ORG, "202400000173", "Amina", "Tesfay").await;
    let counsellor = app.caseworker(ORG, "counsellor", &[Role::Counsellor]).await;
    let admin = app.caseworker(ORG, "admin", &[Role::Administrator]).await;

    for role in [json!({ "reader": null }), json!(1), json!("boss")] {
        let res = app
            .post_json(
                "/api/v1/caseworker/accounts",
                Some(&admin),
                &json!({ "username": "newbie", "display_name": "New", "password": crate::helpers::CASEWORKER_PASSWORD, "roles": [role] }),
            )
            .await;
        let problem = res.problem(422, "validation");
        assert_eq!(field_error(&problem), ("roles[0]", "invalid"), "{role}");
    }
    for gender in [json!({ "female": null }), json!(2)] {
        let res = app
            .bearer_put(
                &format!("{PEOPLE}/{}/identity", person.id),
                &counsellor,
                &json!({ "first_name": "Amina", "last_name": "Tesfay", "gender": gender, "citizenships": ["XUK"], "reason": "Typo in the name" }),
            )
            .await;
        let problem = res.problem(422, "validation");
        assert_eq!(field_error(&problem), ("gender", "invalid"), "{gender}");
    }
}

async fn a_login_with_trailing_content_is_refused(app: TestApp) {
    let (_, code) = app.seed_person(DUF).await;
    let body = json!({ "duf_number": DUF, "code": code }).to_string();

    for trailing in ["garbage", "{}", " 1", "\"x\""] {
        let res = raw_json(
            &app,
            Method::POST,
            "/api/v1/applicant/session",
            None,
            &format!("{body}{trailing}"),
        )
        .await;
        res.problem(400, "malformed-body");
    }

    // The code was not used up by the refused attempts.
    let res = raw_json(&app, Method::POST, "/api/v1/applicant/session", None, &body).await;
    assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
}

async fn a_save_with_trailing_content_is_refused_and_changes_nothing(app: TestApp) {
    let token = app.consented_applicant(DUF).await;
    let before = app.bearer_get(REGISTRATION, &token).await.json();
    let body = json!({
        "revision": before["revision"],
        "answers": { "went_to_school": "no", "can_read_write": "a_little", "prior_learning": "no" },
    })
    .to_string();

    let res = raw_json(
        &app,
        Method::PUT,
        "/api/v1/applicant/registration/sections/education",
        Some(&token),
        &format!("{body}garbage"),
    )
    .await;

    res.problem(400, "malformed-body");
    assert_eq!(app.bearer_get(REGISTRATION, &token).await.json(), before);
}

async fn a_number_or_object_for_an_enum_is_a_field_error(app: TestApp) {
    let (_, code) = app.seed_person(DUF).await;
    let token = app.login(DUF, &code).await;
    let version = kartlegg_shared::api::CONSENT_VERSION;

    for decision in [
        json!(1),
        json!({}),
        json!({ "accept": null, "x": 1 }),
        json!({ "accept": null }),
        json!([]),
        json!("maybe"),
    ] {
        let res = app
            .post_json(
                "/api/v1/applicant/consent",
                Some(&token),
                &json!({ "version": version, "decision": decision }),
            )
            .await;
        let problem = res.problem(422, "validation");
        assert_eq!(field_error(&problem), ("decision", "invalid"), "{decision}");
    }
}

const ORG: &str = "974760673";
const PEOPLE: &str = "/api/v1/caseworker/people";

async fn bad_query_parameters_are_field_errors_naming_the_parameter(app: TestApp) {
    let token = app
        .caseworker(ORG, "reader", &[kartlegg_shared::caseworker::Role::Reader])
        .await;

    for (query, field, code) in [
        ("page=abc", "page", "invalid"),
        ("page=-1", "page", "invalid"),
        ("page=0", "page", "out_of_range"),
        ("page=99999999999", "page", "invalid"),
        ("page_size=100000", "page_size", "out_of_range"),
        ("page_size=0", "page_size", "out_of_range"),
        ("state=nope", "state", "invalid"),
        ("sort=42", "sort", "invalid"),
        ("worklist_only=maybe", "worklist_only", "invalid"),
        ("page=1&page=2", "page", "repeated"),
    ] {
        let res = app.bearer_get(&format!("{PEOPLE}?{query}"), &token).await;
        let problem = res.problem(422, "validation");
        assert_eq!(field_error(&problem), (field, code), "{query}");
        // The export takes the same filters, and checks the paging
        // parameters it documents before it ignores them.
        let res = app
            .bearer_get(&format!("{PEOPLE}/export?{query}"), &token)
            .await;
        let problem = res.problem(422, "validation");
        assert_eq!(field_error(&problem), (field, code), "export {query}");
    }

    let res = app
        .bearer_get(&format!("{PEOPLE}?page=1&page_size=200"), &token)
        .await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
}

async fn the_audit_log_pages_by_the_same_rule(app: TestApp) {
    let token = app
        .caseworker(
            ORG,
            "auditor",
            &[kartlegg_shared::caseworker::Role::Auditor],
        )
        .await;

    for (query, field, code) in [
        ("page=0", "page", "out_of_range"),
        ("page=-1", "page", "invalid"),
        ("page_size=201", "page_size", "out_of_range"),
        ("page_size=1&page_size=2", "page_size", "repeated"),
        ("action=nope", "action", "invalid"),
    ] {
        let res = app
            .bearer_get(&format!("/api/v1/caseworker/audit?{query}"), &token)
            .await;
        let problem = res.problem(422, "validation");
        assert_eq!(field_error(&problem), (field, code), "{query}");
    }

    let res = app
        .bearer_get("/api/v1/caseworker/audit?page=2&page_size=200", &token)
        .await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    assert_eq!(
        (
            res.json()["page"].as_u64(),
            res.json()["page_size"].as_u64()
        ),
        (Some(2), Some(200))
    );
}

async fn invalid_utf8_in_a_path_parameter_is_a_field_error(app: TestApp) {
    let token = app
        .caseworker(ORG, "reader", &[kartlegg_shared::caseworker::Role::Reader])
        .await;

    let res = app.bearer_get(&format!("{PEOPLE}/%FF%FE"), &token).await;
    let problem = res.problem(422, "validation");
    assert_eq!(field_error(&problem), ("id", "invalid"));

    let res = app.get("/api/v1/code-lists/%C3%28").await;
    let problem = res.problem(422, "validation");
    assert_eq!(field_error(&problem), ("list", "invalid"));
}

async fn a_bad_language_list_parameter_is_a_field_error(app: TestApp) {
    let res = app.get("/api/v1/questionnaire?lang=ar&lang=en").await;
    let problem = res.problem(422, "validation");
    assert_eq!(field_error(&problem), ("lang", "repeated"));

    // The document says: one to three of the 14 codes, comma-separated.
    for (query, code) in [
        ("lang=ar,%20en", "unknown_language"),
        ("lang=%20ar", "unknown_language"),
        ("lang=", "unknown_language"),
        ("lang=ar,ar,ar,ar", "too_many"),
    ] {
        let res = app.get(&format!("/api/v1/questionnaire?{query}")).await;
        let problem = res.problem(422, "validation");
        assert_eq!(field_error(&problem), ("lang", code), "{query}");
    }
    let res = app.get("/api/v1/code-lists/countries?lang=ar,ar").await;
    assert_eq!(res.status, 200, "a repeat within three is harmless");
}

/// Dates and ids in query strings are exactly what the document's
/// `format: date` and `format: uuid` say; absent is no filter, and empty
/// is not absent.
async fn filter_dates_and_ids_are_as_documented(app: TestApp) {
    use kartlegg_shared::caseworker::Role;
    let reader = app.caseworker(ORG, "reader", &[Role::Reader]).await;
    let auditor = app.caseworker(ORG, "auditor", &[Role::Auditor]).await;

    for value in [
        "",
        " 2026-01-01",
        "2026-1-1",
        "2026-02-30",
        "+202-01-01",
        "20260101xx",
    ] {
        let query = format!("created_from={}", value.replace(' ', "%20"));
        let res = app.bearer_get(&format!("{PEOPLE}?{query}"), &reader).await;
        let problem = res.problem(422, "validation");
        assert_eq!(
            field_error(&problem),
            ("created_from", "invalid_date"),
            "{value:?}"
        );
    }
    // Any calendar date is a valid bound, however far from today.
    for value in ["0001-01-01", "2026-02-28", "9999-12-31"] {
        let res = app
            .bearer_get(&format!("{PEOPLE}?completed_to={value}"), &reader)
            .await;
        assert_eq!(res.status, 200, "{value}");
        let res = app
            .bearer_get(&format!("/api/v1/caseworker/audit?from={value}"), &auditor)
            .await;
        assert_eq!(res.status, 200, "{value}");
    }

    for value in ["", "not-an-id", "67e5504410b1426f9247bb680e5fe0c8"] {
        let res = app
            .bearer_get(
                &format!("/api/v1/caseworker/audit?actor_id={value}"),
                &auditor,
            )
            .await;
        let problem = res.problem(422, "validation");
        assert_eq!(
            field_error(&problem),
            ("actor_id", "invalid_id"),
            "{value:?}"
        );
    }
    let res = app
        .bearer_get(
            "/api/v1/caseworker/audit?person_id=67e55044-10b1-426f-9247-bb680e5fe0c8",
            &auditor,
        )
        .await;
    assert_eq!(res.status, 200);
}

/// Lengths are counted as sent, as the document's `maxLength` counts them.
async fn lengths_are_counted_as_sent(app: TestApp) {
    use kartlegg_shared::caseworker::{NAME_MAX_CHARS, REMARK_MAX_CHARS, Role};
    let person = app.person_in(ORG, "202400000175", "Amina", "Tesfay").await;
    let counsellor = app.caseworker(ORG, "counsellor", &[Role::Counsellor]).await;
    let remarks = format!("/api/v1/caseworker/people/{}/remarks", person.id);

    let padded = format!(" {} ", "x".repeat(REMARK_MAX_CHARS - 1));
    let res = app
        .post_json(&remarks, Some(&counsellor), &json!({ "text": padded }))
        .await;
    let problem = res.problem(422, "validation");
    assert_eq!(field_error(&problem), ("text", "invalid_length"));
    let res = app
        .post_json(
            &remarks,
            Some(&counsellor),
            &json!({ "text": "x".repeat(REMARK_MAX_CHARS) }),
        )
        .await;
    assert_eq!(res.status, 201);

    let identity = format!("/api/v1/caseworker/people/{}/identity", person.id);
    let long = format!("{}  ", "A".repeat(NAME_MAX_CHARS - 1));
    let res = app
        .bearer_put(
            &identity,
            &counsellor,
            &json!({ "first_name": long, "last_name": "Tesfay", "citizenships": ["XUK"], "reason": "Typo" }),
        )
        .await;
    let problem = res.problem(422, "validation");
    assert_eq!(field_error(&problem), ("first_name", "invalid_name"));
    let res = app
        .bearer_put(
            &identity,
            &counsellor,
            &json!({ "first_name": "Amina", "last_name": "Tesfay", "date_of_birth": "", "citizenships": ["XUK"], "reason": "Typo" }),
        )
        .await;
    let problem = res.problem(422, "validation");
    assert_eq!(
        field_error(&problem),
        ("date_of_birth", "invalid_date"),
        "an empty date is not a date; null clears it"
    );
}

/// Text with a character of each refused kind; NUL is the one PostgreSQL
/// cannot store.
const CONTROLLED: [&str; 4] = ["Ola\u{0}", "Ola\u{7}x", "O\u{1b}[31mla", "Ola\u{7f}"];

fn codes_by_field(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn control_characters_are_refused_in_caseworker_text_fields(app: TestApp) {
    use kartlegg_shared::caseworker::Role;
    let person = app.person_in(ORG, "202400000172", "Amina", "Tesfay").await;
    let counsellor = app.caseworker(ORG, "counsellor", &[Role::Counsellor]).await;
    let admin = app.caseworker(ORG, "admin", &[Role::Administrator]).await;
    let people = format!("{PEOPLE}/{}", person.id);
    let before = app.bearer_get(&people, &counsellor).await.json();

    for bad in CONTROLLED {
        // Names and the reason of an identity correction.
        let res = app
            .bearer_put(
                &format!("{people}/identity"),
                &counsellor,
                &json!({ "first_name": bad, "last_name": "Tesfay\tX", "citizenships": [], "reason": format!("Fixing {bad}") }),
            )
            .await;
        let problem = res.problem(422, "validation");
        let errors = codes_by_field(&problem);
        for field in ["first_name", "last_name", "reason"] {
            assert!(
                errors.contains(&(field.to_owned(), "control_characters".to_owned())),
                "{bad:?}: {errors:?}"
            );
        }

        // A remark.
        let res = app
            .post_json(
                &format!("{people}/remarks"),
                Some(&counsellor),
                &json!({ "text": bad }),
            )
            .await;
        let problem = res.problem(422, "validation");
        assert_eq!(field_error(&problem), ("text", "control_characters"));

        // The search box and the outside lookup's reason.
        let res = app
            .post_json(
                "/api/v1/caseworker/search",
                Some(&counsellor),
                &json!({ "query": bad }),
            )
            .await;
        let problem = res.problem(422, "validation");
        assert_eq!(field_error(&problem), ("query", "control_characters"));
        let res = app
            .post_json(
                "/api/v1/caseworker/lookup",
                Some(&counsellor),
                &json!({ "duf_number": "202400000172", "reason": format!("Checking up on {bad}") }),
            )
            .await;
        let problem = res.problem(422, "validation");
        assert_eq!(field_error(&problem), ("reason", "control_characters"));

        // A new account's username and display name.
        let res = app
            .post_json(
                "/api/v1/caseworker/accounts",
                Some(&admin),
                &json!({ "username": format!("new{bad}"), "display_name": bad, "password": crate::helpers::CASEWORKER_PASSWORD, "roles": ["reader"] }),
            )
            .await;
        let problem = res.problem(422, "validation");
        let errors = codes_by_field(&problem);
        for field in ["username", "display_name"] {
            assert!(
                errors.contains(&(field.to_owned(), "control_characters".to_owned())),
                "{bad:?}: {errors:?}"
            );
        }

        // The login's username.
        let res = app
            .post_json(
                "/api/v1/caseworker/login",
                None,
                &json!({ "username": format!("counsellor{bad}"), "password": crate::helpers::CASEWORKER_PASSWORD }),
            )
            .await;
        let problem = res.problem(422, "validation");
        assert_eq!(field_error(&problem), ("username", "control_characters"));
    }

    // Nothing changed.
    assert_eq!(
        app.bearer_get(&people, &counsellor).await.json()["identity"],
        before["identity"]
    );
    assert_eq!(
        app.bearer_get(&people, &counsellor).await.json()["remarks"],
        json!([])
    );

    // A remark and a reason may hold several lines and tabs.
    let res = app
        .post_json(
            &format!("{people}/remarks"),
            Some(&counsellor),
            &json!({ "text": "Line one\r\nLine two\n\tindented" }),
        )
        .await;
    assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
}

async fn control_characters_are_refused_in_free_text_answers(app: TestApp) {
    let token = app.consented_applicant(DUF).await;
    let before = app.bearer_get(REGISTRATION, &token).await.json();

    for bad in CONTROLLED.into_iter().chain(["two\nlines", "a\ttab"]) {
        let res = app
            .bearer_put(
                "/api/v1/applicant/registration/sections/other",
                &token,
                &json!({ "revision": before["revision"], "answers": { "wishes_text": bad } }),
            )
            .await;
        let problem = res.problem(422, "validation");
        let (field, code) = field_error(&problem);
        assert_eq!(code, "control_characters", "{bad:?}");
        assert!(field.contains("wishes_text"), "{field}");
    }

    assert_eq!(app.bearer_get(REGISTRATION, &token).await.json(), before);
}

on_both_engines!(
    control_characters_are_refused_in_caseworker_text_fields,
    control_characters_are_refused_in_free_text_answers,
    bad_query_parameters_are_field_errors_naming_the_parameter,
    invalid_utf8_in_a_path_parameter_is_a_field_error,
    the_audit_log_pages_by_the_same_rule,
    a_bad_language_list_parameter_is_a_field_error,
    filter_dates_and_ids_are_as_documented,
    lengths_are_counted_as_sent,
    a_login_with_trailing_content_is_refused,
    a_save_with_trailing_content_is_refused_and_changes_nothing,
    a_number_or_object_for_an_enum_is_a_field_error,
    roles_and_gender_are_strings_only,
);
