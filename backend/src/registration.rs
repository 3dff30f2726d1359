//! The rules of a registration that sit between the HTTP handlers and the
//! store: merging a saved part into the draft, what a save and a completion
//! accept. The questionnaire
//! decisions themselves (visibility, validity, pruning) are the shared
//! crate's, so the browser and the server agree on them.

use kartlegg_shared::problem::FieldError;
use kartlegg_shared::questionnaire::{
    Answers, Context, ErrorCode, Questionnaire, Submission, prune, validate,
};

/// The answer set after saving one part: the draft's answers with this
/// part's replaced by `submitted`, checked in draft mode (a part may be
/// left half done, but what is there must be valid) and pruned of answers
/// that are hidden now. Answers to another part's questions are refused as
/// `unknown_question`, so a save cannot change a part it does not name.
pub fn merge_section(
    questionnaire: &Questionnaire,
    draft: &Answers,
    section: &str,
    submitted: &Answers,
    context: &Context,
) -> Result<Answers, Vec<FieldError>> {
    let foreign: Vec<FieldError> = submitted
        .iter()
        .filter(|(id, _)| questionnaire.section_of(id) != Some(section))
        .map(|(id, _)| {
            FieldError::new(
                id,
                ErrorCode::UnknownQuestion.as_str(),
                ErrorCode::UnknownQuestion.message(),
            )
        })
        .collect();
    if !foreign.is_empty() {
        return Err(foreign);
    }
    let mut merged = Answers::new();
    for (id, value) in draft.iter() {
        if questionnaire.section_of(id) != Some(section) {
            merged.set(id, value.clone());
        }
    }
    for (id, value) in submitted.iter() {
        merged.set(id, value.clone());
    }
    let checked = validate(
        questionnaire,
        &merged,
        context,
        Submission::section(section).draft(),
    )
    .map_err(|errors| errors.iter().map(FieldError::from).collect::<Vec<_>>())?;
    Ok(prune(questionnaire, &checked))
}

/// The answer set a registration is completed with: every part checked,
/// required answers included.
pub fn complete(
    questionnaire: &Questionnaire,
    answers: &Answers,
    context: &Context,
) -> Result<Answers, Vec<FieldError>> {
    validate(questionnaire, answers, context, Submission::whole())
        .map(|checked| prune(questionnaire, &checked))
        .map_err(|errors| errors.iter().map(FieldError::from).collect())
}

/// `saved` with `section` added, in the questionnaire's order.
pub fn with_saved_section(
    questionnaire: &Questionnaire,
    saved: &[String],
    section: &str,
) -> Vec<String> {
    questionnaire
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .filter(|id| *id == section || saved.iter().any(|s| s == id))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use kartlegg_shared::questionnaire::shipped_v1;

    use super::*;

    const CTX: Context = Context { current_year: 2026 };

    #[test]
    fn a_half_done_part_is_accepted_and_other_parts_are_kept() {
        let q = shipped_v1();
        let draft = Answers::new().with("mother_tongue", "ara");
        let saved = merge_section(
            q,
            &draft,
            "education",
            &Answers::new().with("went_to_school", "no"),
            &CTX,
        )
        .unwrap();
        assert_eq!(saved.get("mother_tongue"), Some(&"ara".into()));
        assert_eq!(saved.get("went_to_school"), Some(&"no".into()));
    }

    #[test]
    fn a_save_replaces_the_whole_part() {
        let q = shipped_v1();
        let draft = Answers::new()
            .with("went_to_school", "no")
            .with("can_read_write", "yes");
        let saved = merge_section(
            q,
            &draft,
            "education",
            &Answers::new().with("went_to_school", "no"),
            &CTX,
        )
        .unwrap();
        assert!(saved.get("can_read_write").is_none());
    }

    #[test]
    fn answers_to_another_part_are_refused() {
        let q = shipped_v1();
        let errors = merge_section(
            q,
            &Answers::new(),
            "education",
            &Answers::new().with("mother_tongue", "ara"),
            &CTX,
        )
        .unwrap_err();
        assert_eq!(errors[0].field, "mother_tongue");
        assert_eq!(errors[0].code, "unknown_question");
    }

    #[test]
    fn saved_sections_follow_the_questionnaire_order() {
        let q = shipped_v1();
        let saved = with_saved_section(q, &["work".into()], "personal");
        assert_eq!(saved, ["personal", "work"]);
        assert_eq!(with_saved_section(q, &saved, "work"), saved);
    }
}
