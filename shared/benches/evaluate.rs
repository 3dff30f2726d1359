//! How long the evaluator and validator take on the whole shipped
//! questionnaire with a full answer set (every follow-up shown). The browser
//! runs the evaluator on every change, so it must stay far below a frame.
//!
//! Run with `cargo bench -p kartlegg-shared --bench evaluate`. A plain
//! `harness = false` loop with `black_box`: enough to see the order of
//! magnitude without a benchmark framework to build.

use std::hint::black_box;
use std::time::{Duration, Instant};

use kartlegg_shared::questionnaire::{self, Answers, Context, Submission, evaluate, validate};

const FULL: &str = r#"{
  "mother_tongue": "other", "mother_tongue_other": "Hawrami",
  "interpreter_language": "ara", "country_background": "IRQ",
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
  "jobs": [
    { "occupation": "22", "title": "Nurse", "years": 6, "country": "IRQ", "employment": "employed" },
    { "occupation": "52", "title": "Shop", "years": 2, "country": "TUR", "employment": "self_employed" }
  ],
  "activities": ["caring_children", "cooking"],
  "volunteer_work": "yes", "volunteer_what": "Red Crescent",
  "interests": ["helping_people", "computers"],
  "wants_education": "yes", "wanted_level": "6", "wanted_field": "health",
  "wants_work": "yes", "wanted_occupation": "22", "wishes_text": "Work as a nurse"
}"#;

fn time(name: &str, mut f: impl FnMut()) {
    // Warm up, then run for about a second.
    for _ in 0..200 {
        f();
    }
    let mut runs = 0u32;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) {
        for _ in 0..100 {
            f();
        }
        runs += 100;
    }
    let per = start.elapsed() / runs;
    println!("{name:<40} {per:>10.2?} per run ({runs} runs)");
}

fn main() {
    let q = questionnaire::shipped_v1();
    let answers: Answers = match serde_json::from_str(FULL) {
        Ok(a) => a,
        Err(e) => panic!("benchmark answers do not parse: {e}"),
    };
    let context = Context { current_year: 2026 };
    assert!(
        evaluate(q, &answers).is_complete(),
        "the full answer set must be complete"
    );
    assert!(
        validate(q, &answers, &context, Submission::whole()).is_ok(),
        "the full answer set must be valid"
    );

    time("evaluate (visibility + states + missing)", || {
        black_box(evaluate(black_box(q), black_box(&answers)));
    });
    time("validate (whole registration)", || {
        let _ = black_box(validate(
            black_box(q),
            black_box(&answers),
            &context,
            Submission::whole(),
        ));
    });
}
