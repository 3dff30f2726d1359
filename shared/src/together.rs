//! Registering together with the applicant (issue #15 item 4): a counsellor
//! opens the applicant's own form in their session, after the applicant's
//! consent is recorded, and every answer records who gave it.
//!
//! The provenance rule lives here, so the server that stores it and the
//! tests that pin it decide the same way: an answer keeps the provenance it
//! had while its value stays the same, and takes the saver's as soon as the
//! saver gives it or changes it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::language::UiLanguage;
use crate::problem::FieldError;
use crate::questionnaire::Answers;

/// How a consent was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", remote = "Self")]
pub enum ConsentGiven {
    /// By the applicant, in their own session (the start bundle's consent
    /// page).
    OwnSession,
    /// The counsellor confirms that the applicant consented in person.
    InPerson,
    /// The applicant consented on the counsellor's screen.
    OnScreen,
}

crate::string_enum!(ConsentGiven);

impl ConsentGiven {
    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::OwnSession => "own_session",
            Self::InPerson => "in_person",
            Self::OnScreen => "on_screen",
        }
    }

    /// The value with this stored name.
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::OwnSession, Self::InPerson, Self::OnScreen]
            .into_iter()
            .find(|g| g.as_str() == name)
    }
}

/// The interpreter who took part, as the counsellor records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Interpreter {
    /// The language interpreted (one of the 14 codes).
    #[cfg_attr(
        feature = "server",
        schema(pattern = "^(sq|ar|prs|en|fa|fr|kmr|ckb|nb|om|ps|ru|so|ti)$")
    )]
    pub language: String,
    /// The interpreter's name, if the counsellor gives it (at most 100
    /// characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "server",
        schema(pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]{0,100}$")
    )]
    pub name: Option<String>,
    /// The interpreter's number in the national register of interpreters,
    /// or the agency's (letters, digits and `-`, at most 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", schema(pattern = "^[A-Za-z0-9-]{0,20}$"))]
    pub number: Option<String>,
}

/// The longest interpreter name kept.
pub const INTERPRETER_NAME_MAX: usize = 100;
/// The longest interpreter number kept.
pub const INTERPRETER_NUMBER_MAX: usize = 20;

impl Interpreter {
    /// The interpreter as typed, trimmed, with empty optional values as none;
    /// each bad value as a field error under `field` (`interpreter`).
    pub fn parse(
        field: &str,
        language: &str,
        name: Option<&str>,
        number: Option<&str>,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let language = match UiLanguage::parse(language) {
            Ok(l) => l.code().to_owned(),
            Err(e) => {
                errors.push(FieldError::new(
                    format!("{field}.language"),
                    e.code,
                    e.message,
                ));
                String::new()
            }
        };
        let name = name.map(str::trim).filter(|n| !n.is_empty());
        if let Some(n) = name {
            if n.chars().count() > INTERPRETER_NAME_MAX {
                errors.push(FieldError::new(
                    format!("{field}.name"),
                    "interpreter_name_too_long",
                    "At most 100 characters",
                ));
            } else if n.chars().any(char::is_control) {
                errors.push(FieldError::new(
                    format!("{field}.name"),
                    "control_characters",
                    "No control characters",
                ));
            }
        }
        let number = number.map(str::trim).filter(|n| !n.is_empty());
        if let Some(n) = number
            && (n.chars().count() > INTERPRETER_NUMBER_MAX
                || !n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        {
            errors.push(FieldError::new(
                format!("{field}.number"),
                "invalid_interpreter_number",
                "Letters, digits and '-', at most 20",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            language,
            name: name.map(str::to_owned),
            number: number.map(str::to_owned),
        })
    }
}

/// Who gave an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", remote = "Self")]
pub enum AnswerSource {
    /// The applicant, in their own session.
    Applicant,
    /// A counsellor registering together with the applicant.
    Staff,
}

crate::string_enum!(AnswerSource);

/// Where one answer came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AnswerProvenance {
    pub by: AnswerSource,
    /// With `staff`: the account's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// With `staff`: the account's display name when the answer was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// With `staff`: the interpreter, when one took part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpreter: Option<Interpreter>,
}

impl AnswerProvenance {
    /// An answer the applicant gave in their own session.
    pub const fn applicant() -> Self {
        Self {
            by: AnswerSource::Applicant,
            account_id: None,
            account: None,
            interpreter: None,
        }
    }
}

/// The provenance of each answer of a registration, by the answer's key
/// (a question id; a repeatable group is one answer).
pub type Provenance = BTreeMap<String, AnswerProvenance>;

/// The provenance after a save turned `before` into `after`: an answer
/// whose value stayed keeps its provenance; a new or changed one is the
/// saver's (`by`); an answer that is gone has none.
pub fn provenance_after(
    before: &Answers,
    after: &Answers,
    kept: &Provenance,
    by: &AnswerProvenance,
) -> Provenance {
    after
        .iter()
        .map(|(id, value)| {
            let unchanged = before.get(id) == Some(value);
            let provenance = match kept.get(id) {
                Some(p) if unchanged => p.clone(),
                _ => by.clone(),
            };
            (id.to_owned(), provenance)
        })
        .collect()
}

/// `POST /api/v1/caseworker/people/{id}/together`: open the applicant's form
/// in the counsellor's session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StartTogether {
    /// The applicant's language (one of the 14 codes): the form shows in it.
    #[cfg_attr(
        feature = "server",
        schema(pattern = "^(sq|ar|prs|en|fa|fr|kmr|ckb|nb|om|ps|ru|so|ti)$")
    )]
    pub language: String,
    /// `in_person`: the counsellor confirms here that the applicant
    /// consented in person, and the consent is recorded now. `on_screen`:
    /// the applicant reads the declaration and answers it on the screen
    /// before the form opens. (`own_session` is the applicant's own and is
    /// refused here.)
    #[cfg_attr(feature = "server", schema(value_type = String, pattern = "^(in_person|on_screen)$"))]
    pub consent: ConsentGiven,
    /// The interpreter, when one takes part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpreter: Option<Interpreter>,
}

/// A registration session together with the applicant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TogetherSession {
    /// Opaque id; the form's address and every call name it.
    pub id: String,
    /// The person's id (for the way back to the person page).
    pub person_id: String,
    /// The applicant's first name, for a greeting.
    pub first_name: String,
    /// The applicant's language.
    pub language: String,
    /// How the consent is (to be) given.
    pub consent: ConsentGiven,
    /// True until the applicant's consent is recorded in this session.
    pub consent_required: bool,
    /// The consent text version the applicant is asked to accept.
    pub consent_version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpreter: Option<Interpreter>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff() -> AnswerProvenance {
        AnswerProvenance {
            by: AnswerSource::Staff,
            account_id: Some("a".into()),
            account: Some("Kari".into()),
            interpreter: None,
        }
    }

    #[test]
    fn an_unchanged_answer_keeps_its_provenance_and_a_changed_one_takes_the_savers() {
        let before = Answers::new()
            .with("went_to_school", "yes")
            .with("mother_tongue", "tir");
        let after = Answers::new()
            .with("went_to_school", "yes")
            .with("mother_tongue", "ara")
            .with("devices", "phone");
        let kept: Provenance = [
            ("went_to_school".to_owned(), AnswerProvenance::applicant()),
            ("mother_tongue".to_owned(), AnswerProvenance::applicant()),
        ]
        .into();
        let after = provenance_after(&before, &after, &kept, &staff());
        assert_eq!(after["went_to_school"], AnswerProvenance::applicant());
        assert_eq!(after["mother_tongue"], staff());
        assert_eq!(after["devices"], staff());
        assert_eq!(after.len(), 3);
    }

    #[test]
    fn a_removed_answer_has_no_provenance() {
        let before = Answers::new().with("went_to_school", "yes");
        let kept: Provenance =
            [("went_to_school".to_owned(), AnswerProvenance::applicant())].into();
        assert!(provenance_after(&before, &Answers::new(), &kept, &staff()).is_empty());
    }

    #[test]
    fn an_interpreter_is_trimmed_and_checked() {
        let i = Interpreter::parse("interpreter", "ar", Some("  Amal  "), Some(" ")).unwrap();
        assert_eq!(i.name.as_deref(), Some("Amal"));
        assert_eq!(i.number, None);
        let errors = Interpreter::parse("interpreter", "xx", None, Some("12 34")).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["interpreter.language", "interpreter.number"]);
        let long = "x".repeat(101);
        assert!(Interpreter::parse("interpreter", "ar", Some(&long), None).is_err());
    }

    #[test]
    fn consent_ways_have_stable_names() {
        for g in [
            ConsentGiven::OwnSession,
            ConsentGiven::InPerson,
            ConsentGiven::OnScreen,
        ] {
            assert_eq!(ConsentGiven::from_name(g.as_str()), Some(g));
            assert_eq!(
                serde_json::to_string(&g).unwrap(),
                format!("\"{}\"", g.as_str())
            );
        }
    }
}
