//! Tests of the questionnaire module against small fixtures and the shipped
//! definition. Each test is named after the rule it pins.

use serde_json::{Value, json};

use super::*;
use crate::codes::{CodeList, CodeListId, CodeLists};

const CTX: Context = Context { current_year: 2026 };

fn t(en: &str) -> Value {
    json!({ "en": en, "nb": format!("{en} (nb)") })
}

fn fixture_codes() -> CodeLists {
    let countries = json!({ "list": "countries", "items": [
        { "code": "SYR", "text": t("Syria") },
        { "code": "XUK", "text": t("Unknown") },
        { "code": "XXX", "text": t("Stateless") } ] });
    CodeLists::new().with(CodeList::parse(CodeListId::Countries, &countries.to_string()).unwrap())
}

fn yes_no() -> Value {
    json!({ "type": "single_choice", "options": [ { "code": "yes", "text": t("Yes") }, { "code": "no", "text": t("No") } ] })
}

/// A small questionnaire with one of each kind and a follow-up of each sort.
fn fixture_json() -> Value {
    json!({ "version": 7, "sections": [
        { "id": "one", "title": t("One"), "questions": [
            { "id": "school", "text": t("School?"), "answer": yes_no() },
            { "id": "years", "text": t("Years?"), "answer": { "type": "number", "min": 0, "max": 30 },
              "visible_if": { "op": "equals", "question": "school", "value": "yes" } },
            { "id": "read", "text": t("Read?"), "answer": yes_no(),
              "visible_if": { "op": "equals", "question": "school", "value": "no" } },
            { "id": "note", "text": t("Note"), "answer": { "type": "info" } },
            { "id": "devices", "text": t("Devices"), "answer": { "type": "multiple_choice", "max": 2, "options": [
                { "code": "phone", "text": t("Phone") },
                { "code": "computer", "text": t("Computer") },
                { "code": "tablet", "text": t("Tablet") },
                { "code": "none", "text": t("None"), "exclusive": true } ] } },
            { "id": "tasks", "text": t("Tasks"), "required": false,
              "visible_if": { "op": "not", "of": { "op": "includes", "question": "devices", "value": "none" } },
              "answer": { "type": "multiple_choice", "min": 1, "options": [
                { "code": "messages", "text": t("Messages") },
                { "code": "office", "text": t("Office"),
                  "visible_if": { "op": "includes", "question": "devices", "value": "computer" } } ] } }
        ] },
        { "id": "two", "title": t("Two"), "questions": [
            { "id": "country", "text": t("Country"), "answer": { "type": "list", "list": "countries",
              "exclude": ["XXX"], "options": [ { "code": "prefer_not_to_say", "text": t("Prefer not") } ] } },
            { "id": "born", "text": t("Born"), "required": false, "answer": { "type": "year", "earliest": -100, "latest": 0 } },
            { "id": "name", "text": t("Name"), "required": false, "answer": { "type": "text", "max_length": 5 } },
            { "id": "jobs", "text": t("Jobs"), "answer": { "type": "group", "min": 1, "max": 2, "questions": [
                { "id": "kind", "text": t("Kind"), "answer": { "type": "single_choice", "options": [
                    { "code": "employed", "text": t("Employed") }, { "code": "self", "text": t("Self") } ] } },
                { "id": "staff", "text": t("Staff"), "answer": { "type": "number", "min": 0, "max": 100 },
                  "visible_if": { "op": "equals", "question": "jobs.kind", "value": "self" } }
              ] },
              "visible_if": { "op": "any", "of": [
                { "op": "compare", "question": "years", "cmp": "ge", "value": 1 },
                { "op": "answered", "question": "read" } ] } }
        ] }
    ] })
}

fn fixture() -> Questionnaire {
    load(&fixture_json().to_string(), &fixture_codes()).unwrap_or_else(|p| panic!("{p:?}"))
}

fn load_problems(mutate: impl FnOnce(&mut Value)) -> Vec<LoadProblem> {
    let mut json = fixture_json();
    mutate(&mut json);
    load(&json.to_string(), &fixture_codes()).unwrap_err()
}

fn question_mut<'a>(json: &'a mut Value, id: &str) -> &'a mut Value {
    json["sections"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .flat_map(|s| s["questions"].as_array_mut().unwrap().iter_mut())
        .find(|q| q["id"] == id)
        .unwrap()
}

fn answers(json: Value) -> Answers {
    serde_json::from_value(json).unwrap()
}

fn codes_at(result: &Result<Answers, Vec<AnswerError>>, path: &str) -> Vec<ErrorCode> {
    match result {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .filter(|e| e.path == path)
            .map(|e| e.code)
            .collect(),
    }
}

fn check(json: Value) -> Result<Answers, Vec<AnswerError>> {
    validate(
        &fixture(),
        &answers(json),
        &CTX,
        Submission::whole().draft(),
    )
}

// ---- evaluator -------------------------------------------------------------

#[test]
fn follow_up_appears_only_after_the_answer_it_follows() {
    let q = fixture();
    let none = evaluate(&q, &Answers::new());
    assert!(!none.visible_paths().contains(&"years"));
    assert!(!none.visible_paths().contains(&"read"));
    let yes = evaluate(&q, &answers(json!({ "school": "yes" })));
    assert!(yes.visible_paths().contains(&"years"));
    assert!(!yes.visible_paths().contains(&"read"));
}

#[test]
fn visible_questions_keep_definition_order() {
    let q = fixture();
    let e = evaluate(
        &q,
        &answers(json!({ "school": "yes", "years": 3, "jobs": [ { "kind": "self" } ] })),
    );
    assert_eq!(
        e.visible_paths(),
        [
            "school",
            "years",
            "note",
            "devices",
            "tasks",
            "country",
            "born",
            "name",
            "jobs",
            "jobs/0/kind",
            "jobs/0/staff"
        ]
    );
}

#[test]
fn question_state_is_answered_only_with_a_non_empty_value() {
    let q = fixture();
    let e = evaluate(&q, &answers(json!({ "school": "yes", "devices": [] })));
    let one = e.section("one").unwrap();
    let state = |id: &str| one.questions.iter().find(|v| v.path == id).unwrap().state;
    assert_eq!(state("school"), AnswerState::Answered);
    assert_eq!(state("devices"), AnswerState::NotAnswered);
    assert_eq!(state("note"), AnswerState::Information);
}

#[test]
fn missing_lists_visible_required_unanswered_questions_of_the_section() {
    let q = fixture();
    let e = evaluate(&q, &answers(json!({ "school": "yes" })));
    // `note` is information, `tasks` optional: neither is missing.
    assert_eq!(e.missing("one"), ["years", "devices"]);
    assert!(!e.is_complete());
}

#[test]
fn missing_reaches_into_group_entries() {
    let q = fixture();
    let e = evaluate(
        &q,
        &answers(json!({ "school": "no", "read": "yes", "jobs": [ { "kind": "self" }, {} ] })),
    );
    assert_eq!(e.missing("two"), ["country", "jobs/0/staff", "jobs/1/kind"]);
}

#[test]
fn condition_ignores_stale_answers_to_hidden_questions() {
    // `years` is kept in the browser after `school` turned to "no"; it must
    // not still open the jobs group.
    let q = fixture();
    let e = evaluate(&q, &answers(json!({ "school": "no", "years": 5 })));
    assert!(!e.visible_paths().contains(&"jobs"));
}

#[test]
fn hidden_option_is_not_offered() {
    let q = fixture();
    let e = evaluate(&q, &answers(json!({ "devices": ["phone"] })));
    let tasks = e
        .section("one")
        .unwrap()
        .questions
        .iter()
        .find(|v| v.path == "tasks")
        .unwrap();
    let codes: Vec<_> = tasks.options.iter().map(|o| o.code.as_str()).collect();
    assert_eq!(codes, ["messages"]);
}

#[test]
fn prune_drops_hidden_unknown_and_empty_answers() {
    let q = fixture();
    let pruned = prune(
        &q,
        &answers(json!({
            "school": "no", "years": 5, "read": "yes", "ghost": 1, "name": "  ",
            "devices": ["phone"], "tasks": ["messages", "office"],
            "jobs": [ { "kind": "employed", "staff": 4 } ]
        })),
    );
    assert_eq!(
        pruned,
        answers(json!({
            "school": "no", "read": "yes", "devices": ["phone"], "tasks": ["messages"],
            "jobs": [ { "kind": "employed" } ]
        }))
    );
}

#[test]
fn prune_is_idempotent() {
    let q = fixture();
    let a = answers(
        json!({ "school": "yes", "years": 2, "read": "no", "devices": ["none"], "tasks": ["messages"] }),
    );
    let once = prune(&q, &a);
    assert_eq!(prune(&q, &once), once);
}

// ---- validator: one test per error code ------------------------------------

#[test]
fn validate_reports_required_when_complete_but_not_in_a_draft() {
    let q = fixture();
    let a = answers(json!({ "school": "yes" }));
    let complete = validate(&q, &a, &CTX, Submission::section("one"));
    assert_eq!(codes_at(&complete, "years"), [ErrorCode::Required]);
    assert!(validate(&q, &a, &CTX, Submission::section("one").draft()).is_ok());
}

#[test]
fn validate_reports_not_an_option() {
    assert_eq!(
        codes_at(&check(json!({ "school": "maybe" })), "school"),
        [ErrorCode::NotAnOption]
    );
    assert_eq!(
        codes_at(&check(json!({ "country": "XXX" })), "country"),
        [ErrorCode::NotAnOption]
    );
    assert_eq!(
        codes_at(&check(json!({ "country": "NOR" })), "country"),
        [ErrorCode::NotAnOption]
    );
    assert_eq!(
        codes_at(&check(json!({ "devices": ["phone", "fax"] })), "devices"),
        [ErrorCode::NotAnOption]
    );
}

#[test]
fn list_question_accepts_list_codes_and_added_options() {
    assert!(check(json!({ "country": "SYR" })).is_ok());
    assert!(check(json!({ "country": "XUK" })).is_ok());
    assert!(check(json!({ "country": "prefer_not_to_say" })).is_ok());
}

#[test]
fn validate_tells_too_small_too_large_and_not_a_number_apart() {
    assert_eq!(
        codes_at(&check(json!({ "school": "yes", "years": 31 })), "years"),
        [ErrorCode::TooLarge]
    );
    assert_eq!(
        codes_at(&check(json!({ "school": "yes", "years": -3 })), "years"),
        [ErrorCode::TooSmall]
    );
    assert_eq!(
        codes_at(&check(json!({ "school": "yes", "years": "abc" })), "years"),
        [ErrorCode::NotANumber]
    );
    assert_eq!(
        codes_at(&check(json!({ "born": 2027 })), "born"),
        [ErrorCode::TooLarge]
    );
    assert_eq!(
        codes_at(&check(json!({ "born": 1925 })), "born"),
        [ErrorCode::TooSmall]
    );
    assert!(check(json!({ "born": 1926 })).is_ok());
}

#[test]
fn validate_reports_too_long_in_characters_not_bytes() {
    assert_eq!(
        codes_at(&check(json!({ "name": "abcdef" })), "name"),
        [ErrorCode::TooLong]
    );
    assert!(check(json!({ "name": "ضصثقف" })).is_ok());
}

#[test]
fn validate_refuses_control_characters_in_a_short_text() {
    for text in ["a\u{0}b", "a\tb", "a\nb", "\u{7f}"] {
        assert_eq!(
            codes_at(&check(json!({ "name": text })), "name"),
            [ErrorCode::ControlCharacters],
            "{text:?}"
        );
    }
}

#[test]
fn validate_reports_too_few() {
    let few = check(json!({ "devices": ["phone"], "tasks": [] }));
    assert!(few.is_ok(), "an empty choice is unanswered, not too few");
    let q = fixture();
    let mut json = fixture_json();
    question_mut(&mut json, "devices")["answer"]["min"] = json!(2);
    let strict = load(&json.to_string(), &fixture_codes()).unwrap();
    let r = validate(
        &strict,
        &answers(json!({ "devices": ["phone"] })),
        &CTX,
        Submission::whole().draft(),
    );
    assert_eq!(codes_at(&r, "devices"), [ErrorCode::TooFew]);
    let r = validate(
        &q,
        &answers(json!({ "school": "no", "read": "yes", "jobs": [] })),
        &CTX,
        Submission::whole(),
    );
    assert_eq!(
        codes_at(&r, "jobs"),
        [ErrorCode::Required],
        "no entries is unanswered"
    );
}

#[test]
fn validate_reports_too_many() {
    assert_eq!(
        codes_at(
            &check(json!({ "devices": ["phone", "computer", "tablet"] })),
            "devices"
        ),
        [ErrorCode::TooMany]
    );
    assert_eq!(
        codes_at(
            &check(json!({ "school": "no", "read": "no", "jobs": [ {}, {}, {} ] })),
            "jobs"
        ),
        [ErrorCode::TooMany]
    );
}

#[test]
fn exclusive_option_cannot_be_combined() {
    assert_eq!(
        codes_at(&check(json!({ "devices": ["phone", "none"] })), "devices"),
        [ErrorCode::TooMany]
    );
    assert!(check(json!({ "devices": ["none"] })).is_ok());
}

#[test]
fn validate_reports_unknown_question() {
    let r = check(json!({ "ghost": "yes", "jobs.kind": "self" }));
    assert_eq!(codes_at(&r, "ghost"), [ErrorCode::UnknownQuestion]);
    assert_eq!(codes_at(&r, "jobs.kind"), [ErrorCode::UnknownQuestion]);
    let r = check(json!({ "school": "no", "read": "no", "jobs": [ { "colour": "red" } ] }));
    assert_eq!(codes_at(&r, "jobs/0/colour"), [ErrorCode::UnknownQuestion]);
}

#[test]
fn answers_to_hidden_questions_and_options_are_dropped_not_refused() {
    // A change of mind: "years" was typed under "school: yes", then "no".
    let r = check(json!({ "school": "no", "years": 3 }));
    assert!(r.as_ref().is_ok_and(|a| a.get("years").is_none()), "{r:?}");
    let r = check(json!({ "devices": ["phone"], "tasks": ["office"] }));
    assert!(r.as_ref().is_ok_and(|a| a.get("tasks").is_none()), "{r:?}");
    let r = check(
        json!({ "school": "no", "read": "no", "jobs": [ { "kind": "employed", "staff": 2 } ] }),
    );
    let jobs = r.expect("accepted");
    let Some(AnswerValue::Group(entries)) = jobs.get("jobs") else {
        panic!("jobs kept")
    };
    assert!(entries[0].get("staff").is_none());
    assert!(entries[0].get("kind").is_some());
}

#[test]
fn validate_reports_wrong_type() {
    assert_eq!(
        codes_at(&check(json!({ "school": ["yes"] })), "school"),
        [ErrorCode::WrongType]
    );
    assert_eq!(
        codes_at(&check(json!({ "note": "hello" })), "note"),
        [ErrorCode::WrongType]
    );
    assert_eq!(
        codes_at(&check(json!({ "devices": "phone" })), "devices"),
        [ErrorCode::WrongType]
    );
}

#[test]
fn section_submission_reports_only_that_section() {
    let q = fixture();
    let a = answers(json!({ "school": "maybe", "country": "NOR" }));
    let r = validate(&q, &a, &CTX, Submission::section("two").draft());
    assert_eq!(
        r.unwrap_err(),
        [AnswerError {
            path: "country".into(),
            code: ErrorCode::NotAnOption
        }]
    );
}

#[test]
fn validate_normalises_digits_text_and_choice_order() {
    let ok = check(json!({
        "school": "yes", "years": "١٢", "name": "  Ali ",
        "devices": ["computer", "phone", "phone"]
    }))
    .unwrap();
    assert_eq!(
        ok,
        answers(
            json!({ "school": "yes", "years": 12, "name": "Ali", "devices": ["phone", "computer"] })
        )
    );
}

#[test]
fn error_codes_serialize_as_stable_snake_case() {
    let all = [
        (ErrorCode::Required, "required"),
        (ErrorCode::NotAnOption, "not_an_option"),
        (ErrorCode::NotANumber, "not_a_number"),
        (ErrorCode::TooSmall, "too_small"),
        (ErrorCode::TooLarge, "too_large"),
        (ErrorCode::TooLong, "too_long"),
        (ErrorCode::TooFew, "too_few"),
        (ErrorCode::TooMany, "too_many"),
        (ErrorCode::UnknownQuestion, "unknown_question"),
        (ErrorCode::WrongType, "wrong_type"),
        (ErrorCode::ControlCharacters, "control_characters"),
    ];
    for (code, s) in all {
        assert_eq!(serde_json::to_value(code).unwrap(), s);
        assert_eq!(code.as_str(), s);
    }
}

#[test]
fn answer_error_becomes_a_problem_field_error() {
    let e = AnswerError {
        path: "jobs/0/kind".into(),
        code: ErrorCode::Required,
    };
    let f = crate::problem::FieldError::from(&e);
    assert_eq!(
        (f.field.as_str(), f.code.as_str()),
        ("jobs/0/kind", "required")
    );
}

// ---- loader ----------------------------------------------------------------

#[test]
fn loader_accepts_the_fixture() {
    let q = fixture();
    assert_eq!(q.version, 7);
    assert_eq!(q.section_of("jobs"), Some("two"));
    assert!(q.question("jobs.staff").is_some());
}

#[test]
fn loader_reports_duplicate_ids() {
    let problems = load_problems(|j| question_mut(j, "read")["id"] = json!("school"));
    assert!(
        problems.contains(&LoadProblem::DuplicateId {
            at: "school".into()
        }),
        "{problems:?}"
    );
}

#[test]
fn loader_reports_unknown_question_in_condition() {
    let problems = load_problems(|j| {
        question_mut(j, "years")["visible_if"] = json!({ "op": "answered", "question": "nope" });
    });
    assert_eq!(
        problems,
        [LoadProblem::UnknownQuestion {
            at: "years".into(),
            reference: "nope".into()
        }]
    );
}

#[test]
fn loader_reports_unknown_option_in_condition() {
    let problems = load_problems(|j| {
        question_mut(j, "years")["visible_if"] =
            json!({ "op": "equals", "question": "school", "value": "perhaps" });
    });
    assert_eq!(
        problems,
        [LoadProblem::UnknownOption {
            at: "years".into(),
            reference: "school".into(),
            value: "perhaps".into()
        }]
    );
}

#[test]
fn loader_reports_forward_reference() {
    let problems = load_problems(|j| {
        question_mut(j, "school")["visible_if"] =
            json!({ "op": "answered", "question": "devices" });
    });
    assert_eq!(
        problems,
        [LoadProblem::ForwardReference {
            at: "school".into(),
            reference: "devices".into()
        }]
    );
}

#[test]
fn loader_reports_cycle_through_itself_or_its_group() {
    let problems = load_problems(|j| {
        question_mut(j, "years")["visible_if"] = json!({ "op": "answered", "question": "years" });
        question_mut(j, "jobs")["answer"]["questions"][0]["visible_if"] =
            json!({ "op": "answered", "question": "jobs" });
    });
    assert!(problems.contains(&LoadProblem::Cycle {
        at: "years".into(),
        reference: "years".into()
    }));
    assert!(problems.contains(&LoadProblem::Cycle {
        at: "jobs.kind".into(),
        reference: "jobs".into()
    }));
}

#[test]
fn loader_reports_group_question_referred_to_from_outside() {
    let problems = load_problems(|j| {
        j["sections"][1]["questions"]
            .as_array_mut()
            .unwrap()
            .push(json!({
            "id": "after", "text": t("After"), "answer": yes_no(),
            "visible_if": { "op": "equals", "question": "jobs.kind", "value": "self" } }));
    });
    assert_eq!(
        problems,
        [LoadProblem::OutOfScope {
            at: "after".into(),
            reference: "jobs.kind".into()
        }]
    );
}

#[test]
fn loader_reports_condition_that_does_not_fit_the_kind() {
    let problems = load_problems(|j| {
        question_mut(j, "years")["visible_if"] =
            json!({ "op": "includes", "question": "school", "value": "yes" });
    });
    assert_eq!(
        problems,
        [LoadProblem::WrongConditionKind {
            at: "years".into(),
            reference: "school".into()
        }]
    );
}

#[test]
fn loader_reports_options_without_codes() {
    let problems = load_problems(|j| {
        question_mut(j, "school")["answer"]["options"][1]
            .as_object_mut()
            .unwrap()
            .remove("code");
    });
    assert!(
        problems.contains(&LoadProblem::MissingCode {
            at: "school/options/1".into()
        }),
        "{problems:?}"
    );
}

#[test]
fn loader_reports_texts_missing_in_a_required_language() {
    let problems = load_problems(|j| {
        question_mut(j, "school")["text"] = json!({ "en": "School?" });
        question_mut(j, "devices")["answer"]["options"][0]["text"] = json!({ "nb": "Telefon" });
    });
    assert!(problems.contains(&LoadProblem::MissingText {
        at: "school".into(),
        lang: "nb"
    }));
    assert!(problems.contains(&LoadProblem::MissingText {
        at: "devices/options/phone".into(),
        lang: "en"
    }));
}

#[test]
fn loader_reports_languages_outside_the_fourteen() {
    let problems = load_problems(|j| question_mut(j, "school")["text"]["de"] = json!("Schule?"));
    assert_eq!(
        problems,
        [LoadProblem::UnknownLanguage {
            at: "school".into(),
            lang: "de".into()
        }]
    );
}

#[test]
fn loader_reports_every_problem_at_once() {
    let problems = load_problems(|j| {
        question_mut(j, "note")["id"] = json!("school");
        question_mut(j, "years")["visible_if"] = json!({ "op": "answered", "question": "nope" });
        question_mut(j, "devices")["text"] = json!({ "en": "Devices" });
        question_mut(j, "name")["answer"]["max_length"] = json!(0);
    });
    assert_eq!(problems.len(), 4, "{problems:?}");
}

#[test]
fn loader_reports_bad_ranges_unknown_lists_and_nested_groups() {
    let problems = load_problems(|j| {
        question_mut(j, "years")["answer"] = json!({ "type": "number", "min": 5, "max": 1 });
        question_mut(j, "country")["answer"]["list"] = json!("occupations");
        question_mut(j, "jobs")["answer"]["questions"][0]["answer"] =
            json!({ "type": "group", "max": 1, "questions": [] });
    });
    assert!(problems.contains(&LoadProblem::BadRange { at: "years".into() }));
    assert!(problems.contains(&LoadProblem::UnknownCode {
        at: "country".into(),
        code: "occupations".into()
    }));
    assert!(problems.contains(&LoadProblem::NestedGroup {
        at: "jobs.kind".into()
    }));
}

#[test]
fn loader_enforces_the_schema() {
    let mut json = fixture_json();
    question_mut(&mut json, "school")["colour"] = json!("red");
    assert!(matches!(
        load(&json.to_string(), &fixture_codes()).unwrap_err()[..],
        [LoadProblem::Malformed(_)]
    ));
    let mut json = fixture_json();
    question_mut(&mut json, "school")["answer"]["type"] = json!("script");
    assert!(matches!(
        load(&json.to_string(), &fixture_codes()).unwrap_err()[..],
        [LoadProblem::Malformed(_)]
    ));
}

#[test]
fn loaded_definition_serializes_back_to_the_same_file_shape() {
    let q = fixture();
    let again = load(&serde_json::to_string(&q).unwrap(), &fixture_codes()).unwrap();
    assert_eq!(again, q);
}

#[test]
fn loader_accepts_pictograms_the_sprite_has() {
    let mut json = fixture_json();
    question_mut(&mut json, "school")["pictogram"] = json!("school");
    question_mut(&mut json, "school")["answer"]["options"][0]["pictogram"] = json!("yes");
    let q = load(&json.to_string(), &fixture_codes()).unwrap_or_else(|p| panic!("{p:?}"));
    let school = q.question("school").unwrap();
    assert_eq!(school.pictogram.as_deref(), Some("school"));
    assert_eq!(school.answer.options()[0].pictogram.as_deref(), Some("yes"));
}

#[test]
fn loader_reports_a_pictogram_the_sprite_lacks_on_a_question_and_an_option() {
    let problems = load_problems(|json| {
        question_mut(json, "years")["pictogram"] = json!("abacus");
        question_mut(json, "school")["answer"]["options"][1]["pictogram"] = json!("thumbs_down");
    });
    assert!(problems.contains(&LoadProblem::UnknownPictogram {
        at: "years".into(),
        name: "abacus".into()
    }));
    assert!(problems.contains(&LoadProblem::UnknownPictogram {
        at: "school/options/no".into(),
        name: "thumbs_down".into()
    }));
}

// ---- the shipped questionnaire --------------------------------------------

fn shipped_ids() -> Vec<String> {
    let q = shipped_v1();
    let mut ids = Vec::new();
    for question in q.questions() {
        ids.push(question.id.clone());
        for sub in question.answer.group_questions().unwrap_or(&[]) {
            ids.push(format!("{}.{}", question.id, sub.id));
        }
    }
    ids
}

#[test]
fn shipped_questionnaire_loads() {
    if let Err(problems) = load(SHIPPED_V1_JSON, CodeLists::shipped()) {
        panic!(
            "{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn shipped_versions_are_found_by_their_number() {
    assert_eq!(shipped(1).map(|q| q.version), Some(1));
    assert!(shipped(2).is_none());
}

#[test]
fn shipped_questionnaire_has_the_seven_parts_and_40_to_65_questions() {
    let q = shipped_v1();
    let ids: Vec<_> = q.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "personal",
            "education",
            "language",
            "digital",
            "driving",
            "work",
            "other"
        ]
    );
    let n = shipped_ids().len();
    assert!((40..=65).contains(&n), "{n} questions");
}

/// § 47 of seed 001 lists what may be asked; each shipped question must be
/// one of these topics. A new question id must be added here on purpose.
#[test]
fn shipped_questionnaire_asks_only_what_section_47_allows() {
    let allowed = [
        // a. mother tongue, preferred interpreter language, country background
        "mother_tongue",
        "mother_tongue_other",
        "interpreter_language",
        "interpreter_language_other",
        "country_background",
        // b. education and prior learning
        "went_to_school",
        "school_years",
        "school_level",
        "school_country",
        "school_documents",
        "can_read_write",
        "further_education",
        "educations",
        "educations.level",
        "educations.field",
        "educations.country",
        "educations.completed",
        "educations.finished_year",
        "educations.years_studied",
        "educations.documents",
        "prior_learning",
        "prior_learning_what",
        // c. languages and proficiency
        "mother_tongue_read_write",
        "norwegian_speak",
        "norwegian_read",
        "norwegian_write",
        "english_speak",
        "english_read",
        "english_write",
        "other_languages",
        "languages",
        "languages.language",
        "languages.language_other",
        "languages.speak",
        "languages.read",
        "languages.write",
        // d. digital skills
        "devices",
        "digital_tasks",
        "computer_skill",
        // e. driving licence
        "has_licence",
        "licence_classes",
        "licence_country",
        "licence_valid",
        "licence_document",
        // f. work experience
        "work_info",
        "had_work",
        "jobs",
        "jobs.occupation",
        "jobs.title",
        "jobs.years",
        "jobs.country",
        "jobs.employment",
        "activities",
        "volunteer_work",
        "volunteer_what",
        // g. interests; h. wishes for education and work
        "interests",
        "wants_education",
        "wanted_level",
        "wanted_field",
        "wants_work",
        "wanted_occupation",
        "wishes_text",
    ];
    for id in shipped_ids() {
        assert!(
            allowed.contains(&id.as_str()),
            "{id} is not on the § 47 list"
        );
    }
}

#[test]
fn shipped_six_step_scale_matches_seed_000() {
    let q = shipped_v1();
    let codes: Vec<_> = q
        .question("english_speak")
        .unwrap()
        .answer
        .options()
        .iter()
        .map(|o| o.code.as_str())
        .collect();
    assert_eq!(
        codes,
        [
            "very_good",
            "good",
            "neither",
            "poor",
            "very_poor",
            "cannot"
        ]
    );
}

fn every_follow_up_answers() -> Answers {
    // A string, not `json!`: the literal is deeper than the macro's recursion limit.
    serde_json::from_str(
        r#"{
        "mother_tongue": "other", "mother_tongue_other": "Hawrami",
        "interpreter_language": "other", "interpreter_language_other": "Hawrami",
        "country_background": "IRQ",
        "went_to_school": "yes", "school_years": 12, "school_level": "3", "school_country": "IRQ",
        "school_documents": "documents_lost", "further_education": "yes",
        "educations": [
            { "level": "6", "field": "Nursing", "country": "IRQ", "completed": "yes", "finished_year": 2015, "documents": "yes" },
            { "level": "7", "field": "Public health", "country": "TUR", "completed": "ongoing", "years_studied": 1, "documents": "no" }
        ],
        "prior_learning": "yes", "prior_learning_what": "Sewing",
        "mother_tongue_read_write": "yes",
        "norwegian_speak": "poor", "norwegian_read": "poor", "norwegian_write": "very_poor",
        "english_speak": "good", "english_read": "good", "english_write": "neither",
        "other_languages": "yes",
        "languages": [
            { "language": "ara", "speak": "very_good", "read": "good", "write": "good" },
            { "language": "other", "language_other": "Gorani", "speak": "good", "read": "cannot", "write": "cannot" }
        ],
        "devices": ["phone", "computer"], "digital_tasks": ["messages", "video_calls", "office"], "computer_skill": "good",
        "has_licence": "yes", "licence_classes": ["B", "BE"], "licence_country": "IRQ", "licence_valid": "yes",
        "licence_document": "documents_lost",
        "had_work": "yes",
        "jobs": [ { "occupation": "22", "title": "Nurse", "years": 6, "country": "IRQ", "employment": "employed" } ],
        "activities": ["caring_children", "cooking"],
        "volunteer_work": "yes", "volunteer_what": "Red Crescent",
        "interests": ["helping_people", "computers"],
        "wants_education": "yes", "wanted_level": "6", "wanted_field": "health",
        "wants_work": "yes", "wanted_occupation": "22", "wishes_text": "Work as a nurse"
    }"#,
    )
    .unwrap()
}

#[test]
fn shipped_path_where_every_follow_up_appears_is_complete_and_valid() {
    let q = shipped_v1();
    let a = every_follow_up_answers();
    let e = evaluate(q, &a);
    let visible = e.visible_paths();
    for id in shipped_ids() {
        let Some((group, local)) = id.split_once('.') else {
            // `can_read_write` is the "no school" branch, tested below.
            assert!(
                visible.contains(&id.as_str()) || id == "can_read_write",
                "{id} not shown"
            );
            continue;
        };
        let shown = visible
            .iter()
            .any(|p| p.starts_with(&format!("{group}/")) && p.ends_with(&format!("/{local}")));
        assert!(shown, "{id} not shown in any entry");
    }
    assert!(
        e.is_complete(),
        "{:?}",
        e.sections.iter().map(|s| &s.missing).collect::<Vec<_>>()
    );
    assert_eq!(validate(q, &a, &CTX, Submission::whole()), Ok(a));
}

#[test]
fn shipped_path_where_no_follow_up_appears_is_complete_and_valid() {
    let q = shipped_v1();
    let a = answers(json!({
        "mother_tongue": "som", "interpreter_language": "no_interpreter", "country_background": "XXX",
        "went_to_school": "no", "can_read_write": "a_little",
        "prior_learning": "no",
        "norwegian_speak": "cannot", "norwegian_read": "cannot", "norwegian_write": "cannot",
        "english_speak": "cannot", "english_read": "cannot", "english_write": "cannot",
        "mother_tongue_read_write": "no",
        "other_languages": "no",
        "devices": ["none"],
        "has_licence": "no",
        "had_work": "no", "activities": ["none"], "volunteer_work": "no",
        "interests": ["none"], "wants_education": "dont_know", "wants_work": "dont_know"
    }));
    let e = evaluate(q, &a);
    let follow_ups: Vec<_> = q
        .questions()
        .filter(|qq| qq.visible_if.is_some())
        .map(|qq| qq.id.as_str())
        .collect();
    let shown: Vec<_> = e
        .visible_paths()
        .into_iter()
        .filter(|p| {
            follow_ups.contains(p) && *p != "can_read_write" && *p != "mother_tongue_read_write"
        })
        .collect();
    assert!(shown.is_empty(), "follow-ups shown: {shown:?}");
    assert!(
        e.is_complete(),
        "{:?}",
        e.sections.iter().map(|s| &s.missing).collect::<Vec<_>>()
    );
    assert_eq!(validate(q, &a, &CTX, Submission::whole()), Ok(a));
}

#[test]
fn shipped_empty_answers_report_each_sections_first_questions_missing() {
    let q = shipped_v1();
    let e = evaluate(q, &Answers::new());
    assert_eq!(e.missing("education"), ["went_to_school", "prior_learning"]);
    assert_eq!(e.missing("driving"), ["has_licence"]);
}

#[cfg(feature = "server")]
#[test]
fn definition_schemas_terminate_despite_recursion() {
    use utoipa::{PartialSchema, ToSchema};
    let mut deps = Vec::new();
    Questionnaire::schemas(&mut deps);
    AnswerError::schemas(&mut deps);
    let names: Vec<_> = deps.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        names.contains(&"Question") && names.contains(&"Condition"),
        "{names:?}"
    );
    let question = serde_json::to_value(Question::schema()).unwrap();
    assert!(question["properties"]["answer"].is_object());
}
