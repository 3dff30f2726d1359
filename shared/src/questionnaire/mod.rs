//! The questionnaire as data: one definition that the applicant's browser and
//! the server read the same way.
//!
//! - [`model`]: the definition's types (sections, questions, options), which
//!   are also the schema of `shared/data/questionnaires/v*.json`;
//! - [`condition`]: follow-up conditions, a small typed expression tree;
//! - [`answers`]: an answer set and its JSON form;
//! - [`eval`]: which questions are visible, their states, what is missing,
//!   and [`prune`];
//! - [`validate`](mod@validate): normalised answers or field errors with stable codes;
//! - [`load`](mod@load): the loader that checks a definition and reports
//!   every problem at once;
//! - [`translations`]: the twelve languages beyond English and bokmål, one
//!   file each, merged in and narrowed per request.
//!
//! The frontend and the backend call the same functions:
//!
//! ```
//! use kartlegg_shared::questionnaire::{self, Answers, Context, Submission};
//!
//! let q = questionnaire::shipped_v1();
//! let answers = Answers::new().with("went_to_school", "no");
//! let view = questionnaire::evaluate(q, &answers);
//! assert!(view.visible_paths().contains(&"can_read_write"));
//! let result = questionnaire::validate(q, &answers, &Context { current_year: 2026 }, Submission::section("education"));
//! assert!(result.is_err()); // "can_read_write" is still missing
//! ```

pub mod answers;
pub mod condition;
pub mod eval;
pub mod load;
pub mod model;
pub mod text;
pub mod translations;
pub mod validate;

use std::sync::OnceLock;

pub use answers::{AnswerValue, Answers};
pub use condition::{Cmp, Condition};
pub use eval::{
    AnswerState, Context, Evaluation, QuestionView, SectionView, evaluate, prune, section_answers,
    section_payload,
};
pub use load::{LoadProblem, load, load_served};
pub use model::{AnswerKind, ChoiceOption, Question, Questionnaire, Section};
pub use text::{
    FALLBACK_LANGUAGE, MAX_REQUESTED_LANGUAGES, REQUIRED_LANGUAGES, Text, UI_LANGUAGES,
};
pub use translations::{TRANSLATED_LANGUAGES, TranslationFile};
pub use validate::{AnswerError, ErrorCode, Submission, validate};

/// The JSON of questionnaire version 1, as shipped.
pub const SHIPPED_V1_JSON: &str = include_str!("../../data/questionnaires/v1.json");

/// Questionnaire version 1, loaded once against the shipped code lists.
///
/// # Panics
///
/// Never for the file in this repository: `shipped_questionnaire_loads`
/// runs the loader on it, so a broken file fails the test suite, not a user.
pub fn shipped_v1() -> &'static Questionnaire {
    static V1: OnceLock<Questionnaire> = OnceLock::new();
    V1.get_or_init(|| {
        #[allow(clippy::expect_used)] // see "Panics": pinned by a test
        load(SHIPPED_V1_JSON, crate::codes::CodeLists::shipped())
            .expect("shipped questionnaire v1 is valid")
    })
}

/// A shipped questionnaire by version, for reading a registration against
/// the version it was answered with.
pub fn shipped(version: u32) -> Option<&'static Questionnaire> {
    match version {
        1 => Some(shipped_v1()),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
