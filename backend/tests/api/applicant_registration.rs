//! The registration: a draft saved part by part, completed once, filled in
//! again as a new registration, and only ever the applicant's own.

use axum::http::Method;
use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::on_both_engines;

const DUF: &str = "202400000101";
const REGISTRATION: &str = "/api/v1/applicant/registration";
pub(crate) const COMPLETE: &str = "/api/v1/applicant/registration/complete";
const AGAIN: &str = "/api/v1/applicant/registrations";

fn section(id: &str) -> String {
    format!("/api/v1/applicant/registration/sections/{id}")
}

/// Answers to every required question, part by part (the shortest path).
pub(crate) fn complete_answers() -> Vec<(&'static str, Value)> {
    vec![
        (
            "personal",
            json!({ "mother_tongue": "som", "interpreter_language": "no_interpreter", "country_background": "XXX" }),
        ),
        (
            "education",
            json!({ "went_to_school": "no", "can_read_write": "a_little", "prior_learning": "no" }),
        ),
        (
            "language",
            json!({
                "mother_tongue_read_write": "no", "other_languages": "no",
                "norwegian_speak": "cannot", "norwegian_read": "cannot", "norwegian_write": "cannot",
                "english_speak": "cannot", "english_read": "cannot", "english_write": "cannot"
            }),
        ),
        ("digital", json!({ "devices": ["none"] })),
        ("driving", json!({ "has_licence": "no" })),
        (
            "work",
            json!({ "had_work": "no", "activities": ["none"], "volunteer_work": "no" }),
        ),
        (
            "other",
            json!({ "interests": ["none"], "wants_education": "dont_know", "wants_work": "dont_know" }),
        ),
    ]
}

async fn save(
    app: &TestApp,
    token: &str,
    part: &str,
    revision: i64,
    answers: Value,
) -> crate::helpers::TestResponse {
    app.bearer_put(
        &section(part),
        token,
        &json!({ "revision": revision, "answers": answers }),
    )
    .await
}

/// Saves every part; returns the last revision.
pub(crate) async fn fill_in_everything(app: &TestApp, token: &str) -> i64 {
    let mut revision = app.bearer_get(REGISTRATION, token).await.json()["revision"]
        .as_i64()
        .unwrap();
    for (part, answers) in complete_answers() {
        let res = save(app, token, part, revision, answers).await;
        assert_eq!(
            res.status,
            200,
            "{part}: {}",
            String::from_utf8_lossy(&res.body)
        );
        revision = res.json()["revision"].as_i64().unwrap();
    }
    revision
}

async fn first_visit_starts_an_empty_draft(app: TestApp) {
    let token = app.consented_applicant(DUF).await;

    let first = app.bearer_get(REGISTRATION, &token).await;
    let second = app.bearer_get(REGISTRATION, &token).await;

    assert_eq!(first.status, 200);
    let body = first.json();
    assert_eq!(body["status"], "draft");
    assert_eq!(body["revision"], 0);
    assert_eq!(body["questionnaire_version"], 1);
    assert_eq!(body["answers"], json!({}));
    assert_eq!(body["saved_sections"], json!([]));
    assert_eq!(second.json()["id"], body["id"]);
}

async fn saving_a_part_accepts_missing_answers_and_keeps_other_parts(app: TestApp) {
    let token = app.consented_applicant(DUF).await;
    let r1 = save(
        &app,
        &token,
        "personal",
        0,
        json!({ "mother_tongue": "ara" }),
    )
    .await;

    let r2 = save(
        &app,
        &token,
        "education",
        1,
        json!({ "went_to_school": "yes" }),
    )
    .await;

    assert_eq!(r1.status, 200, "{}", String::from_utf8_lossy(&r1.body));
    assert_eq!(r2.status, 200, "{}", String::from_utf8_lossy(&r2.body));
    let body = r2.json();
    assert_eq!(body["revision"], 2);
    assert_eq!(
        body["answers"],
        json!({ "mother_tongue": "ara", "went_to_school": "yes" })
    );
    assert_eq!(body["saved_sections"], json!(["personal", "education"]));
    assert_eq!(
        app.bearer_get(REGISTRATION, &token).await.json(),
        body,
        "a reload loses nothing"
    );
}

async fn saving_a_part_refuses_invalid_answers_and_stores_nothing(app: TestApp) {
    let token = app.consented_applicant(DUF).await;

    let res = save(
        &app,
        &token,
        "education",
        0,
        json!({ "went_to_school": "yes", "school_years": 99 }),
    )
    .await;

    let problem = res.problem(422, "validation");
    assert_eq!(problem["errors"][0]["field"], "school_years");
    assert_eq!(problem["errors"][0]["code"], "too_large");
    let stored = app.bearer_get(REGISTRATION, &token).await.json();
    assert_eq!(stored["revision"], 0);
    assert_eq!(stored["answers"], json!({}));
}

async fn saving_answers_of_another_part_is_refused(app: TestApp) {
    let token = app.consented_applicant(DUF).await;

    let res = save(
        &app,
        &token,
        "education",
        0,
        json!({ "mother_tongue": "ara" }),
    )
    .await;

    let problem = res.problem(422, "validation");
    assert_eq!(problem["errors"][0]["code"], "unknown_question");
}

async fn saving_an_unknown_part_is_not_found(app: TestApp) {
    let token = app.consented_applicant(DUF).await;

    let res = save(&app, &token, "hobbies", 0, json!({})).await;

    res.problem(404, "not-found");
}

async fn saving_on_a_stale_revision_is_a_conflict(app: TestApp) {
    let token = app.consented_applicant(DUF).await;
    save(
        &app,
        &token,
        "personal",
        0,
        json!({ "mother_tongue": "ara" }),
    )
    .await;

    let res = save(
        &app,
        &token,
        "personal",
        0,
        json!({ "mother_tongue": "som" }),
    )
    .await;

    res.problem(409, "conflict");
    let stored = app.bearer_get(REGISTRATION, &token).await.json();
    assert_eq!(stored["answers"]["mother_tongue"], "ara");
    assert_eq!(stored["revision"], 1);
}

async fn concurrent_saves_on_one_revision_cannot_both_win(app: TestApp) {
    let token = app.consented_applicant(DUF).await;
    app.bearer_get(REGISTRATION, &token).await;

    let (a, b) = tokio::join!(
        save(
            &app,
            &token,
            "personal",
            0,
            json!({ "mother_tongue": "ara" })
        ),
        save(&app, &token, "digital", 0, json!({ "devices": ["phone"] })),
    );

    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409]);
    assert_eq!(
        app.bearer_get(REGISTRATION, &token).await.json()["revision"],
        1
    );
}

/// Saves that arrive together are committed together (group commit); each
/// still answers with its own save, exactly as if they came one by one.
async fn hundreds_of_simultaneous_saves_each_get_their_own(app: TestApp) {
    const COUNTRIES: [&str; 4] = ["SOM", "ERI", "SYR", "AFG"];
    let mut tokens = Vec::new();
    for n in 0..150 {
        let token = app.consented_applicant(&format!("2024001{n:05}")).await;
        app.bearer_get(REGISTRATION, &token).await;
        tokens.push(token);
    }
    let saves = tokens.iter().enumerate().map(|(n, token)| {
        let app = &app;
        async move {
            let answers = json!({ "mother_tongue": "som", "country_background": COUNTRIES[n % 4] });
            save(app, token, "personal", 0, answers).await
        }
    });
    let answers = futures_util::future::join_all(saves).await;

    for (n, (token, res)) in tokens.iter().zip(answers).enumerate() {
        assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
        let saved = res.json();
        assert_eq!(saved["revision"], 1);
        assert_eq!(saved["answers"]["country_background"], COUNTRIES[n % 4]);
        let stored = app.bearer_get(REGISTRATION, token).await.json();
        assert_eq!(stored["answers"], saved["answers"], "applicant {n}");
    }
}

/// Of many saves on one revision that arrive together (and so may share
/// a commit), one wins and every other is a conflict that changed nothing.
async fn of_hundreds_of_saves_on_one_revision_one_wins(app: TestApp) {
    const LANGUAGES: [&str; 3] = ["som", "ara", "tir"];
    let token = app.consented_applicant(DUF).await;
    app.bearer_get(REGISTRATION, &token).await;
    let saves = (0..200).map(|n| {
        save(
            &app,
            &token,
            "personal",
            0,
            json!({ "mother_tongue": LANGUAGES[n % 3] }),
        )
    });
    let answers = futures_util::future::join_all(saves).await;

    let won: Vec<_> = answers.iter().filter(|r| r.status == 200).collect();
    assert_eq!(won.len(), 1);
    for res in answers.iter().filter(|r| r.status != 200) {
        res.problem(409, "conflict");
    }
    let stored = app.bearer_get(REGISTRATION, &token).await.json();
    assert_eq!(stored["revision"], 1);
    assert_eq!(stored["answers"], won[0].json()["answers"]);
}

async fn answers_hidden_by_a_changed_answer_are_dropped(app: TestApp) {
    let token = app.consented_applicant(DUF).await;
    save(
        &app,
        &token,
        "personal",
        0,
        json!({ "mother_tongue": "som" }),
    )
    .await;
    save(
        &app,
        &token,
        "language",
        1,
        json!({ "mother_tongue_read_write": "no" }),
    )
    .await;

    let res = save(&app, &token, "personal", 2, json!({})).await;

    assert_eq!(res.status, 200);
    assert_eq!(
        res.json()["answers"],
        json!({}),
        "the follow-up went with its question"
    );
}

/// Changing your mind never blocks a part: "Yes", 4 years, then "No": a
/// browser that still sends the years (or an answer to a radio follow-up
/// it can no longer un-answer) gets its part saved, and the hidden answer
/// is not stored.
async fn answers_to_hidden_questions_are_not_stored_and_not_refused(app: TestApp) {
    let token = app.consented_applicant(DUF).await;

    let res = save(
        &app,
        &token,
        "education",
        0,
        json!({ "went_to_school": "no", "school_years": 4, "school_documents": "yes", "can_read_write": "yes" }),
    )
    .await;

    assert_eq!(res.status, 200, "{}", res.json());
    assert_eq!(
        res.json()["answers"],
        json!({ "went_to_school": "no", "can_read_write": "yes" })
    );
}

async fn completing_needs_every_required_answer(app: TestApp) {
    let token = app.consented_applicant(DUF).await;
    save(
        &app,
        &token,
        "personal",
        0,
        json!({ "mother_tongue": "ara" }),
    )
    .await;

    let res = app.bearer_post(COMPLETE, &token).await;

    let problem = res.problem(422, "validation");
    let errors = problem["errors"].as_array().unwrap();
    assert!(
        errors
            .iter()
            .any(|e| e["field"] == "went_to_school" && e["code"] == "required")
    );
    assert_eq!(
        app.bearer_get(REGISTRATION, &token).await.json()["status"],
        "draft"
    );
}

async fn completed_registration_is_read_only(app: TestApp) {
    let token = app.consented_applicant(DUF).await;
    let revision = fill_in_everything(&app, &token).await;

    let done = app.bearer_post(COMPLETE, &token).await;

    assert_eq!(done.status, 200, "{}", String::from_utf8_lossy(&done.body));
    let body = done.json();
    assert_eq!(body["status"], "completed");
    assert_eq!(body["questionnaire_version"], 1);
    assert!(body["completed_at"].as_str().is_some());
    let revision = revision + 1;
    assert_eq!(body["revision"], revision);
    save(
        &app,
        &token,
        "personal",
        revision,
        json!({ "mother_tongue": "ara" }),
    )
    .await
    .problem(409, "conflict");
    app.bearer_post(COMPLETE, &token)
        .await
        .problem(409, "conflict");
}

async fn filling_in_again_starts_a_new_draft_with_the_answers_and_keeps_the_history(app: TestApp) {
    let token = app.consented_applicant(DUF).await;
    fill_in_everything(&app, &token).await;
    app.bearer_post(AGAIN, &token)
        .await
        .problem(409, "conflict");
    let first = app.bearer_post(COMPLETE, &token).await.json();

    let again = app.bearer_post(AGAIN, &token).await;

    assert_eq!(again.status, 201);
    let draft = again.json();
    assert_eq!(draft["status"], "draft");
    assert_eq!(
        draft["answers"], first["answers"],
        "the previous answers are filled in"
    );
    assert_eq!(draft["saved_sections"], first["saved_sections"]);
    assert!(draft["completed_at"].is_null());
    assert_ne!(draft["id"], first["id"]);
    assert_eq!(
        app.bearer_get(REGISTRATION, &token).await.json()["id"],
        draft["id"]
    );
    let mine = app
        .bearer_get("/api/v1/applicant/my-data", &token)
        .await
        .json();
    let ids: Vec<_> = mine["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(
        ids,
        [draft["id"].clone(), first["id"].clone()],
        "newest first"
    );
    assert_eq!(mine["consents"][0]["decision"], "accept");
}

async fn my_data_can_be_downloaded_as_a_file(app: TestApp) {
    let token = app.consented_applicant(DUF).await;

    let file = app
        .bearer_get("/api/v1/applicant/my-data/download", &token)
        .await;
    let query = app
        .bearer_get("/api/v1/applicant/my-data?download=1", &token)
        .await;

    for res in [file, query] {
        assert_eq!(res.status, 200);
        assert_eq!(
            res.header("content-disposition"),
            "attachment; filename=\"kartlegg-my-data.json\""
        );
        assert_eq!(res.json()["person"]["duf_number"], DUF);
    }
}

/// No route takes a registration id, so B's registration cannot be named;
/// A's session reads and writes A's data only.
async fn applicants_only_ever_see_their_own_data(app: TestApp) {
    let a = app.consented_applicant("202400000201").await;
    let b = app.consented_applicant("202400000202").await;
    let a_reg = save(&app, &a, "personal", 0, json!({ "mother_tongue": "ara" }))
        .await
        .json();

    let b_reg = app.bearer_get(REGISTRATION, &b).await.json();
    let b_save = save(&app, &b, "personal", 0, json!({ "mother_tongue": "som" })).await;
    let b_data = app.bearer_get("/api/v1/applicant/my-data", &b).await.json();
    let a_after = app.bearer_get(REGISTRATION, &a).await.json();

    assert_ne!(b_reg["id"], a_reg["id"]);
    assert_eq!(b_reg["answers"], json!({}));
    assert_eq!(b_save.status, 200);
    assert_eq!(b_data["person"]["duf_number"], "202400000202");
    let b_ids: Vec<_> = b_data["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert!(!b_ids.contains(&a_reg["id"]));
    assert_eq!(a_after["answers"], json!({ "mother_tongue": "ara" }));
    assert_eq!(a_after["revision"], 1);
    let by_id = app
        .bearer(
            Method::GET,
            &format!("{REGISTRATION}/{}", a_reg["id"].as_str().unwrap()),
            &b,
        )
        .await;
    by_id.problem(404, "not-found");
}

async fn a_save_records_the_language_the_applicant_answers_in(app: TestApp) {
    let token = app.consented_applicant(DUF).await;
    let body = |revision: i64, language: Option<&str>| {
        let mut body = json!({ "revision": revision, "answers": { "went_to_school": "yes" } });
        if let Some(l) = language {
            body["language"] = json!(l);
        }
        body
    };

    let saved = app
        .bearer_put(&section("education"), &token, &body(0, Some("ti")))
        .await;
    assert_eq!(saved.status, 200);
    assert_eq!(saved.json()["language"], "ti");
    // A save without a language keeps the one recorded.
    let again = app
        .bearer_put(&section("education"), &token, &body(1, None))
        .await;
    assert_eq!(again.json()["language"], "ti");

    let refused = app
        .bearer_put(&section("education"), &token, &body(2, Some("tlh")))
        .await;
    assert_eq!(
        refused.problem(422, "validation")["errors"][0]["field"],
        "language"
    );
    let stored = app.bearer_get(REGISTRATION, &token).await.json();
    assert_eq!(stored["revision"], 2, "the refused save changed nothing");
    assert_eq!(stored["language"], "ti");
}

on_both_engines!(
    a_save_records_the_language_the_applicant_answers_in,
    first_visit_starts_an_empty_draft,
    saving_a_part_accepts_missing_answers_and_keeps_other_parts,
    saving_a_part_refuses_invalid_answers_and_stores_nothing,
    saving_answers_of_another_part_is_refused,
    saving_an_unknown_part_is_not_found,
    saving_on_a_stale_revision_is_a_conflict,
    concurrent_saves_on_one_revision_cannot_both_win,
    hundreds_of_simultaneous_saves_each_get_their_own,
    of_hundreds_of_saves_on_one_revision_one_wins,
    answers_hidden_by_a_changed_answer_are_dropped,
    answers_to_hidden_questions_are_not_stored_and_not_refused,
    completing_needs_every_required_answer,
    completed_registration_is_read_only,
    filling_in_again_starts_a_new_draft_with_the_answers_and_keeps_the_history,
    my_data_can_be_downloaded_as_a_file,
    applicants_only_ever_see_their_own_data,
);
