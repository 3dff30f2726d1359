//! The OpenAPI document: generated from the handlers' `#[utoipa::path]`
//! annotations, served at `/api/openapi.json`, and committed as
//! `openapi/openapi.json` (a test fails when the two differ).

use kartlegg_shared::domain::DUF_DIGITS;
use kartlegg_shared::schema;
use utoipa::openapi::path::ParameterIn;
use utoipa::openapi::schema::ArrayBuilder;
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Scopes,
    SecurityScheme,
};
use utoipa::openapi::{Ref, RefOr, Schema};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::auth::applicant::SESSION_COOKIE;
use crate::auth::caseworker::CASEWORKER_COOKIE;
use crate::auth::code::CODE_DIGITS;
use crate::auth::throttle::limit_logins;
use crate::config::LoginRateLimit;
use crate::routes::responses::problem;
use crate::services::integration::MAX_BATCH;
use crate::{AppState, routes};
use kartlegg_shared::integration::Scope;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kartlegg API",
        description = "Registers the qualifications of refugees so that the people who advise them on \
                       training, education and work know what they can do and what they want.\n\n\
                       Errors are `application/problem+json` (RFC 9457) with a stable `type` URI. \
                       A request whose URI (path and query) is longer than 8 KiB is answered 414 \
                       (`uri-too-long`), and one whose header fields add up to more than 16 KiB \
                       431 (`headers-too-large`).\n\n\
                       Responses under `/api/v1` are `Cache-Control: no-store` unless they say \
                       otherwise (the public questionnaire and code lists are cacheable, with ETags). \
                       A state-changing request that authenticates with a session cookie, and either \
                       login, is refused with 403 when a browser marks it as coming from another site \
                       (`Sec-Fetch-Site`, else `Origin`); Bearer requests are not affected.\n\n\
                       ## Getting started for integrators\n\n\
                       Systems (a municipality's case system, a career-guidance tool, a statistics \
                       system) use the operations tagged `people`, `codes` and `registrations` with an \
                       access token of an API client (OAuth 2.0 client credentials, as Maskinporten \
                       does).\n\n\
                       1. **Register a client.** An administrator of your organisation registers it in \
                       the back office (or the operator runs `kartlegg client add --org NUMBER --name \
                       NAME --scope people:read --scope registrations:read --public-key key.pem`), \
                       choosing its scopes and giving its public key (JWK or PEM; RSA 2048+, EC P-256 or \
                       Ed25519) or taking a generated client secret, shown once.\n\
                       2. **Get a token.** `POST /api/v1/oauth/token` with \
                       `grant_type=client_credentials`, the scopes you need, and either a client \
                       assertion (`client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`, \
                       `client_assertion=` a JWT signed with your key: `iss` and `sub` your client id, \
                       `aud` the token endpoint's URL, `exp` at most 5 minutes ahead, a fresh `jti`) or \
                       `Authorization: Basic` with the client id and secret. The answer's \
                       `access_token` is valid for an hour; the server metadata is at \
                       `/.well-known/oauth-authorization-server`.\n\
                       3. **Make the first call.** `GET /api/v1/people?limit=10` with \
                       `Authorization: Bearer <access_token>`. Write people with \
                       `PUT /api/v1/people/{duf_number}` (send `If-Match` with the ETag you read to \
                       avoid overwriting another system's change), import up to 1,000 with \
                       `POST /api/v1/people/batch`, and send an `Idempotency-Key` on POSTs you may \
                       retry.\n\n\
                       Every read and change by a client is in the organisation's audit log, with the \
                       client as the actor.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    tags(
        (name = "health", description = "Liveness and readiness"),
        (name = "applicant", description = "The applicant's journey: log in with DUF-number and code, \
                                            consent, fill in and complete the registration, see my data"),
        (name = "questionnaire", description = "The questionnaire definition and code lists (public, cacheable)"),
        (name = "oauth", description = "Access tokens for API clients (OAuth 2.0 client credentials, RFC 6749 §4.4) \
                                        and the server metadata (RFC 8414)"),
        (name = "people", description = "The organisation's people by DUF-number, for API clients: read, list, \
                                         create or update one, import a batch"),
        (name = "codes", description = "Login codes issued by API clients, for the system to hand to the person"),
        (name = "statistics", description = "Anonymised statistics of completed registrations for API clients, \
                                             with small counts hidden"),
        (name = "feed", description = "The change feed of the organisation's events for API clients, read from a \
                                       cursor with long-polling"),
        (name = "webhooks", description = "Webhook endpoints of API clients: each event of the organisation is \
         POSTed to them, signed as Standard Webhooks says, and retried for three days"),
        (name = "registrations", description = "Completed registrations with their answers' stable codes and, \
                                                on request, labels, for API clients"),
        (name = "caseworker", description = "The caseworker back office: log in, search, worklist, people lists and \
                                             export, the person page, codes, remarks, identity corrections, the audit \
                                             log and account administration. Every endpoint checks the caller's roles \
                                             (403) and organisation (404) and writes an audit event for every person \
                                             whose data it reads or changes."),
    ),
    modifiers(&SessionAuth),
    components(schemas(
        kartlegg_shared::problem::Problem,
        kartlegg_shared::problem::FieldError,
        kartlegg_shared::caseworker::PeopleSort,
        kartlegg_shared::caseworker::SortOrder,
        kartlegg_shared::statistics::AgeBand,
        routes::statistics::PeriodName,
    ))
)]
struct ApiDoc;

/// The applicant session scheme: the token from `POST /api/v1/applicant/session`
/// as a Bearer token, or the browser's session cookie.
struct SessionAuth;

impl Modify for SessionAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "applicant_session",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("The token from `POST /api/v1/applicant/session`"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "applicant_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(SESSION_COOKIE))),
        );
        components.add_security_scheme(
            "caseworker_session",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("The token from `POST /api/v1/caseworker/login`"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "caseworker_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(CASEWORKER_COOKIE))),
        );
        let scopes = Scopes::from_iter(Scope::ALL.map(|s| (s.as_str(), scope_description(s))));
        components.add_security_scheme(
            "oauth2",
            SecurityScheme::OAuth2(OAuth2::with_description(
                [Flow::ClientCredentials(ClientCredentials::new(
                    "/api/v1/oauth/token",
                    scopes,
                ))],
                "An API client's access token (client credentials with `private_key_jwt` or a \
                 client secret), sent as `Authorization: Bearer`",
            )),
        );
    }
}

/// What each scope allows, as the document shows it.
const fn scope_description(scope: Scope) -> &'static str {
    match scope {
        Scope::PeopleRead => "Read the organisation's people",
        Scope::PeopleWrite => "Create and update the organisation's people",
        Scope::CodesIssue => "Issue login codes to the organisation's people",
        Scope::RegistrationsRead => "Read completed registrations",
        Scope::FeedRead => "Read the change feed",
        Scope::WebhooksManage => "Manage webhook endpoints",
        Scope::StatisticsRead => "Read anonymised statistics",
    }
}

/// Every documented route, with the document they add up to.
pub fn api_router() -> OpenApiRouter<AppState> {
    api_router_with(None)
}

/// The routes with the per-address login limit, as the server runs them.
pub fn api_router_with(login_limit: Option<LoginRateLimit>) -> OpenApiRouter<AppState> {
    let login = routes::applicant::login_router();
    let caseworker_login = routes::caseworker::login_router();
    let token = routes::oauth::token_router();
    let (login, caseworker_login, token) = match login_limit {
        Some(limit) => (
            limit_logins(login, limit),
            limit_logins(caseworker_login, limit),
            limit_logins(token, limit),
        ),
        None => (login, caseworker_login, token),
    };
    let mut router = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(routes::health::router())
        .merge(login)
        .merge(routes::applicant::router())
        .merge(routes::registration::router())
        .merge(routes::questionnaire::router())
        .merge(caseworker_login)
        .merge(routes::caseworker::router())
        .merge(routes::people::router())
        .merge(routes::audit::router())
        .merge(routes::accounts::router())
        .merge(routes::clients::router())
        .merge(routes::client_webhooks::router())
        .merge(token)
        .merge(routes::oauth::router())
        .merge(routes::integration::router())
        .merge(routes::statistics::router())
        .merge(routes::together::router());
    document_cross_site_refusal(router.get_openapi_mut());
    document_body_refusals(router.get_openapi_mut());
    document_value_rules(router.get_openapi_mut());
    router
}

/// A rule the derives cannot state from the shared constants: the schema
/// that replaces a derived one (its description is kept).
type Rule = fn() -> Schema;

/// Body fields whose values have rules: (schema, property, rule).
fn property_rules() -> Vec<(&'static str, &'static str, Rule)> {
    vec![
        ("CaseworkerLoginRequest", "username", || {
            Schema::Object(schema::one_line())
        }),
        ("SearchRequest", "query", || {
            Schema::Object(schema::one_line_non_blank())
        }),
        ("LoginRequest", "duf_number", || {
            Schema::Object(schema::typed_digits(DUF_DIGITS))
        }),
        ("LoginRequest", "code", || {
            Schema::Object(schema::typed_digits(CODE_DIGITS))
        }),
        ("OutsideLookupRequest", "duf_number", || {
            Schema::Object(schema::typed_digits(DUF_DIGITS))
        }),
        ("NewAccount", "username", || {
            Schema::Object(schema::username())
        }),
        ("NewAccount", "password", || {
            Schema::Object(schema::password())
        }),
        ("IdentityUpdate", "first_name", || {
            Schema::Object(schema::name())
        }),
        ("IdentityUpdate", "last_name", || {
            Schema::Object(schema::name())
        }),
        ("IdentityUpdate", "date_of_birth", || {
            Schema::Object(schema::optional_date())
        }),
        ("IdentityUpdate", "reason", || {
            Schema::Object(schema::correction_reason())
        }),
        ("IdentityUpdate", "middle_name", || {
            Schema::Object(schema::optional_name())
        }),
        ("IdentityUpdate", "place_of_birth", || {
            Schema::Object(schema::optional_name())
        }),
        ("PersonPut", "middle_name", || {
            Schema::Object(schema::optional_name())
        }),
        ("PersonPut", "place_of_birth", || {
            Schema::Object(schema::optional_name())
        }),
        ("PersonPut", "reason", || {
            Schema::Object(schema::optional_reason())
        }),
        ("BirthDateInput", "case_opened_on", || {
            Schema::Object(schema::optional_date())
        }),
        ("MaritalStatus", "from", || Schema::Object(schema::date())),
        ("Address", "street", || {
            Schema::Object(schema::address_line())
        }),
        ("Address", "post_town", || {
            Schema::Object(schema::address_line())
        }),
        ("Address", "postcode", || Schema::Object(schema::postcode())),
        ("Address", "from", || Schema::Object(schema::date())),
        ("DuplicateRequest", "duf_number", || {
            Schema::Object(schema::typed_digits(DUF_DIGITS))
        }),
        ("DuplicateRequest", "reason", || {
            Schema::Object(schema::correction_reason())
        }),
        ("AliasRequest", "first_name", || {
            Schema::Object(schema::name())
        }),
        ("AliasRequest", "last_name", || {
            Schema::Object(schema::name())
        }),
        ("AliasRequest", "middle_name", || {
            Schema::Object(schema::optional_name())
        }),
        ("AliasRequest", "date_of_birth", || {
            Schema::Object(schema::optional_date())
        }),
        ("AliasRequest", "reason", || {
            Schema::Object(schema::correction_reason())
        }),
        ("NewRemark", "text", || Schema::Object(schema::remark())),
        ("OutsideLookupRequest", "reason", || {
            Schema::Object(schema::lookup_reason())
        }),
        // The same rule as a lookup's reason (`fields::ErasureReason`).
        ("ErasureRequest", "reason", || {
            Schema::Object(schema::lookup_reason())
        }),
        ("NewAccount", "display_name", || {
            Schema::Object(schema::display_name())
        }),
        ("ConsentRequest", "version", || {
            Schema::Object(schema::consent_version())
        }),
        ("SaveSectionRequest", "language", || {
            Schema::Object(schema::optional_language())
        }),
        ("PersonPut", "first_name", || Schema::Object(schema::name())),
        ("PersonPut", "last_name", || Schema::Object(schema::name())),
        ("PersonPut", "date_of_birth", || {
            Schema::Object(schema::optional_date())
        }),
        ("BatchPerson", "duf_number", || {
            Schema::Object(schema::ascii_digits(DUF_DIGITS))
        }),
        ("NewApiClient", "name", || {
            Schema::Object(schema::client_name())
        }),
        ("PeopleBatch", "people", || {
            Schema::Array(
                ArrayBuilder::new()
                    .items(RefOr::Ref(Ref::from_schema_name("BatchPerson")))
                    .min_items(Some(1))
                    .max_items(Some(MAX_BATCH))
                    .build(),
            )
        }),
    ]
}

/// Query and path parameters whose values have rules, wherever they occur
/// (unless a handler states the parameter's own pattern): (where, name,
/// rule).
fn parameter_rules() -> Vec<(ParameterIn, &'static str, Rule)> {
    let date = || Schema::Object(schema::date());
    vec![
        (
            ParameterIn::Query,
            "page",
            || Schema::Object(schema::page()),
        ),
        (ParameterIn::Query, "page_size", || {
            Schema::Object(schema::page_size())
        }),
        (ParameterIn::Query, "lang", || {
            Schema::Array(schema::languages())
        }),
        (ParameterIn::Query, "created_from", date),
        (ParameterIn::Query, "created_to", date),
        (ParameterIn::Query, "completed_from", date),
        (ParameterIn::Query, "completed_to", date),
        (ParameterIn::Query, "from", date),
        (ParameterIn::Query, "to", date),
        (ParameterIn::Query, "actor_id", || {
            Schema::Object(schema::id())
        }),
        (ParameterIn::Query, "person_id", || {
            Schema::Object(schema::id())
        }),
        (ParameterIn::Path, "section", || {
            Schema::Object(schema::section_id())
        }),
        (ParameterIn::Path, "id", || Schema::Object(schema::id())),
        (ParameterIn::Path, "person_id", || {
            Schema::Object(schema::id())
        }),
        (ParameterIn::Path, "registration_id", || {
            Schema::Object(schema::id())
        }),
        (ParameterIn::Path, "credential_id", || {
            Schema::Object(schema::id())
        }),
        (ParameterIn::Path, "duf_number", || {
            Schema::Object(schema::ascii_digits(DUF_DIGITS))
        }),
        (ParameterIn::Query, "labels", || {
            Schema::Object(schema::language_list())
        }),
    ]
}

/// States the value rules of `kartlegg_shared` (lengths, patterns, bounds,
/// enums, formats) in the document, from the same constants and functions
/// the validators use, so that the two cannot drift apart. A rule that
/// finds nothing to apply to is a bug (a renamed field): it panics, and the
/// drift test fails.
fn document_value_rules(doc: &mut utoipa::openapi::OpenApi) {
    let components = doc.components.get_or_insert_with(Default::default);
    for (name, property, rule) in property_rules() {
        let target = match components.schemas.get_mut(name) {
            Some(RefOr::T(Schema::Object(object))) => object.properties.get_mut(property),
            _ => None,
        };
        let Some(RefOr::T(target)) = target else {
            panic!("no property {name}.{property} to state a rule on");
        };
        let description = description_of(target);
        let mut schema = rule();
        set_description(&mut schema, description);
        *target = schema;
    }
    for (place, name, rule) in parameter_rules() {
        let mut found = false;
        for item in doc.paths.paths.values_mut() {
            let operations = [
                item.get.as_mut(),
                item.post.as_mut(),
                item.put.as_mut(),
                item.patch.as_mut(),
                item.delete.as_mut(),
            ];
            for operation in operations.into_iter().flatten() {
                let parameters = operation.parameters.iter_mut().flatten();
                for parameter in parameters.filter(|p| p.name == name && p.parameter_in == place) {
                    // A parameter that states its own pattern keeps it: the
                    // statistics' `from` and `to` are months, not the
                    // dates the audit's and lists' `from` and `to` are.
                    if has_own_pattern(parameter) {
                        continue;
                    }
                    parameter.schema = Some(RefOr::T(rule()));
                    found = true;
                }
            }
        }
        assert!(found, "no parameter {name} to state a rule on");
    }
}

fn has_own_pattern(parameter: &utoipa::openapi::path::Parameter) -> bool {
    matches!(&parameter.schema, Some(RefOr::T(Schema::Object(o))) if o.pattern.is_some())
}

fn description_of(schema: &Schema) -> Option<String> {
    match schema {
        Schema::Object(object) => object.description.clone(),
        Schema::Array(array) => array.description.clone(),
        Schema::OneOf(one_of) => one_of.description.clone(),
        _ => None,
    }
}

fn set_description(schema: &mut Schema, description: Option<String>) {
    match schema {
        Schema::Object(object) => object.description = description,
        Schema::Array(array) => array.description = description,
        _ => {}
    }
}

/// What `AppJson` answers for every operation that takes a JSON body,
/// before the handler runs: 400 (not one well-formed JSON value), 413 (over
/// the body limit), 415 (not JSON) and 422 (a value of the wrong shape).
/// Added here, over the merged document, so that no handler can forget
/// them; a handler's own wording of one is kept.
fn document_body_refusals(doc: &mut utoipa::openapi::OpenApi) {
    const REFUSALS: [(&str, &str); 4] = [
        (
            "400",
            "The body is not one well-formed JSON value (`malformed-body`)",
        ),
        (
            "413",
            "The body is over the size limit (`payload-too-large`)",
        ),
        (
            "415",
            "The body is not `application/json` (`unsupported-media-type`)",
        ),
        (
            "422",
            "A value of the body is missing, of the wrong type or invalid (`validation`)",
        ),
    ];
    for item in doc.paths.paths.values_mut() {
        let operations = [
            item.post.as_mut(),
            item.put.as_mut(),
            item.patch.as_mut(),
            item.delete.as_mut(),
        ];
        for operation in operations.into_iter().flatten() {
            // The token endpoint takes a form and answers RFC 6749 errors.
            let form = operation.operation_id.as_deref() == Some("token");
            if operation.request_body.is_none() || form {
                continue;
            }
            let responses = &mut operation.responses.responses;
            for (status, description) in REFUSALS {
                responses
                    .entry(status.to_owned())
                    .or_insert_with(|| RefOr::T(problem(description)));
            }
        }
    }
}

/// What the router's cross-site check adds to every state-changing
/// operation (each authenticates by session, or is a login): a 403, or a
/// wider description of the 403 it has already. Done here, over the merged
/// document, so that no handler can forget it.
fn document_cross_site_refusal(doc: &mut utoipa::openapi::OpenApi) {
    const WHY: &str = "a browser sent it from another site with the session cookie";
    for (path, item) in &mut doc.paths.paths {
        if !path.starts_with("/api/v1/") {
            continue;
        }
        let unsafe_operations = [
            item.post.as_mut(),
            item.put.as_mut(),
            item.patch.as_mut(),
            item.delete.as_mut(),
        ];
        for operation in unsafe_operations.into_iter().flatten() {
            let responses = &mut operation.responses.responses;
            match responses.get_mut("403") {
                Some(RefOr::T(response)) => {
                    response.description = format!("{}; or {WHY}", response.description);
                }
                Some(RefOr::Ref(_)) => {}
                None => {
                    responses.insert("403".into(), RefOr::T(problem(&format!("Refused: {WHY}"))));
                }
            }
        }
    }
}

/// The OpenAPI document alone, for `kartlegg openapi` and the drift test.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, api) = api_router().split_for_parts();
    api
}

/// The document as the server serves and the repository commits it.
pub fn document_json() -> String {
    let mut json = document().to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}
