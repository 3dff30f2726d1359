//! The served OpenAPI document is valid 3.1 and is exactly the committed one.

use crate::helpers::TestApp;

const COMMITTED: &str = include_str!("../../../openapi/openapi.json");

#[tokio::test]
async fn served_document_equals_the_committed_file() {
    let app = TestApp::sqlite().await;
    let res = app.get("/api/openapi.json").await;
    assert_eq!(res.status, 200);
    let served = res.json();
    let committed: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    assert!(
        served == committed,
        "openapi/openapi.json is out of date. Refresh it with:\n  \
         cargo run -q -p kartlegg-backend -- openapi > openapi/openapi.json"
    );
}

#[tokio::test]
async fn document_is_openapi_3_1_and_documents_errors() {
    let app = TestApp::sqlite().await;
    let doc = app.get("/api/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    let readyz = &doc["paths"]["/readyz"]["get"]["responses"];
    assert!(readyz["503"]["content"]["application/problem+json"].is_object());
}

#[tokio::test]
async fn reference_page_is_served() {
    let app = TestApp::sqlite().await;
    let res = app.get("/api/docs/").await;
    assert_eq!(res.status, 200);
    assert!(String::from_utf8_lossy(&res.body).contains("swagger"));
}

/// Every operation of the document, with its path and method.
fn operations(doc: &serde_json::Value) -> Vec<(String, String, &serde_json::Value)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            found.push((path.clone(), method.clone(), operation));
        }
    }
    found
}

#[tokio::test]
async fn every_reference_resolves_and_every_operation_id_is_unique() {
    let doc: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    let text = COMMITTED;
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for reference in text.split("\"#/components/schemas/").skip(1) {
        let name = &reference[..reference.find('"').unwrap()];
        assert!(
            schemas.contains_key(name),
            "{name} is referenced but not defined"
        );
    }
    let mut ids = std::collections::HashSet::new();
    for (path, method, operation) in operations(&doc) {
        let id = operation["operationId"].as_str().unwrap();
        assert!(
            ids.insert(id.to_owned()),
            "{method} {path}: operationId {id} twice"
        );
        for parameter in operation["parameters"].as_array().into_iter().flatten() {
            if parameter["in"] == "path" {
                let name = parameter["name"].as_str().unwrap();
                assert!(
                    path.contains(&format!("{{{name}}}")),
                    "{method} {path}: {name}"
                );
            }
        }
    }
}

#[tokio::test]
async fn every_json_body_documents_what_the_extractor_refuses() {
    let doc: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    for (path, method, operation) in operations(&doc) {
        // JSON bodies only: the token endpoint takes a form (RFC 6749).
        if operation["requestBody"]["content"]["application/json"].is_null() {
            continue;
        }
        for status in ["400", "413", "415", "422"] {
            assert!(
                operation["responses"][status]["content"]["application/problem+json"].is_object(),
                "{method} {path} does not document {status}"
            );
        }
    }
}

#[tokio::test]
async fn value_rules_come_from_the_shared_constants() {
    use kartlegg_shared::api::CONSENT_VERSION;
    use kartlegg_shared::caseworker::{LOOKUP_REASON_MIN_CHARS, NAME_MAX_CHARS, REMARK_MAX_CHARS};
    use kartlegg_shared::digits::typed_digits_pattern;
    use kartlegg_shared::domain::DUF_DIGITS;
    use kartlegg_shared::paging::MAX_PAGE_SIZE;
    use kartlegg_shared::questionnaire::{MAX_REQUESTED_LANGUAGES, UI_LANGUAGES};
    use kartlegg_shared::text::{Lines, non_blank_pattern};

    let doc: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    let schemas = &doc["components"]["schemas"];
    let remark = &schemas["NewRemark"]["properties"]["text"];
    assert_eq!(
        (remark["minLength"].as_u64(), remark["maxLength"].as_u64()),
        (Some(1), Some(REMARK_MAX_CHARS as u64))
    );
    let name = &schemas["IdentityUpdate"]["properties"]["first_name"];
    assert_eq!(name["maxLength"].as_u64(), Some(NAME_MAX_CHARS as u64));
    assert_eq!(name["pattern"], non_blank_pattern(Lines::One));
    assert_eq!(
        schemas["LoginRequest"]["properties"]["duf_number"]["pattern"],
        typed_digits_pattern(DUF_DIGITS)
    );
    let reason = &schemas["OutsideLookupRequest"]["properties"]["reason"];
    assert_eq!(
        reason["minLength"].as_u64(),
        Some(LOOKUP_REASON_MIN_CHARS as u64)
    );
    assert_eq!(
        schemas["ConsentRequest"]["properties"]["version"]["enum"],
        serde_json::json!([CONSENT_VERSION])
    );
    assert_eq!(
        schemas["PeopleSort"]["enum"].as_array().map(Vec::len),
        Some(6)
    );

    let people = &doc["paths"]["/api/v1/caseworker/people"]["get"]["parameters"];
    let param = |name: &str| {
        people
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap()["schema"]
            .clone()
    };
    assert_eq!(
        param("page_size")["maximum"].as_u64(),
        Some(u64::from(MAX_PAGE_SIZE))
    );
    assert_eq!(param("page")["minimum"].as_u64(), Some(1));
    assert_eq!(param("created_from")["format"], "date");
    assert_eq!(param("sort")["$ref"], "#/components/schemas/PeopleSort");

    let lang = &doc["paths"]["/api/v1/questionnaire"]["get"]["parameters"][0];
    assert_eq!(
        (
            lang["name"].as_str(),
            lang["style"].as_str(),
            lang["explode"].as_bool()
        ),
        (Some("lang"), Some("form"), Some(false))
    );
    assert_eq!(
        lang["schema"]["maxItems"].as_u64(),
        Some(MAX_REQUESTED_LANGUAGES as u64)
    );
    assert_eq!(
        lang["schema"]["items"]["enum"],
        serde_json::json!(UI_LANGUAGES)
    );

    let my_data = &doc["paths"]["/api/v1/applicant/my-data"]["get"]["parameters"][0];
    assert_eq!(
        (my_data["name"].as_str(), my_data["in"].as_str()),
        (Some("download"), Some("query"))
    );
}
