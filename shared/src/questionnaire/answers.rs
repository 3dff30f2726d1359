//! An applicant's answers, as the browser keeps them, the API carries them
//! and the server stores them.
//!
//! The JSON form is a plain object from question id to value, where the
//! question's kind says how a value is read:
//!
//! ```json
//! {
//!   "mother_tongue": "ara",
//!   "went_to_school": "yes",
//!   "school_years": 9,
//!   "devices": ["phone", "computer"],
//!   "jobs": [ { "occupation": "71", "years": 5, "country": "SYR" } ]
//! }
//! ```
//!
//! - a string: the option code of a single choice (radio or list), or the
//!   text of a short-text question; a number question also accepts a string
//!   of digits (Eastern Arabic and Persian digits too) and the validator
//!   normalises it to a number;
//! - an array of strings: the option codes of a multiple choice;
//! - an integer: a number or a year;
//! - an array of objects: the entries of a repeatable group, each keyed by the
//!   group's own question ids (`occupation`, not `jobs.occupation`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::digits::normalize_digits;

/// The answers to a questionnaire, or to one entry of a repeatable group.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(
    feature = "server",
    derive(utoipa::ToSchema),
    schema(
        value_type = BTreeMap<String, AnswerValue>,
        example = json!({"went_to_school": "yes", "school_years": 9, "devices": ["phone"], "jobs": [{"occupation": "71", "years": 5}]})
    )
)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, AnswerValue>);

/// One answer. See the module documentation for the JSON form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum AnswerValue {
    /// A number or a year.
    Number(i64),
    /// A single choice's option code, or a short text.
    Text(String),
    /// A multiple choice's option codes.
    Choices(Vec<String>),
    /// The entries of a repeatable group.
    #[cfg_attr(feature = "server", schema(no_recursion))]
    Group(Vec<Answers>),
}

impl AnswerValue {
    /// Whether this counts as an answer: a number, a non-blank string, or a
    /// non-empty list. An empty string or list is the same as no answer, so
    /// that clearing a field in the browser un-answers it.
    pub fn is_answered(&self) -> bool {
        match self {
            Self::Number(_) => true,
            Self::Text(s) => !s.trim().is_empty(),
            Self::Choices(c) => !c.is_empty(),
            Self::Group(g) => !g.is_empty(),
        }
    }

    /// The value read as a whole number: a number, or a string of digits as
    /// a person may type it (with an optional minus sign).
    pub fn as_number(&self) -> Option<i64> {
        match self {
            Self::Number(n) => Some(*n),
            Self::Text(s) => {
                let digits = normalize_digits(s);
                let (neg, body) = match digits.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, digits.as_str()),
                };
                // `i64::from_str` also takes a leading '+'; people do not type one.
                if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let n: i64 = body.parse().ok()?;
                Some(if neg { -n } else { n })
            }
            Self::Choices(_) | Self::Group(_) => None,
        }
    }

    /// The single code or text, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::Text(s) => Some(s),
            _ => None,
        }
    }

    /// Whether the answer selects `code`: a single choice equal to it, or a
    /// multiple choice that includes it.
    pub fn selects(&self, code: &str) -> bool {
        match self {
            Self::Text(s) => s == code,
            Self::Choices(c) => c.iter().any(|x| x == code),
            _ => false,
        }
    }
}

impl From<&str> for AnswerValue {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl From<i64> for AnswerValue {
    fn from(n: i64) -> Self {
        Self::Number(n)
    }
}

impl<const N: usize> From<[&str; N]> for AnswerValue {
    fn from(codes: [&str; N]) -> Self {
        Self::Choices(codes.iter().map(|&c| c.to_owned()).collect())
    }
}

impl From<Vec<Answers>> for AnswerValue {
    fn from(entries: Vec<Answers>) -> Self {
        Self::Group(entries)
    }
}

impl Answers {
    /// No answers.
    pub fn new() -> Self {
        Self::default()
    }

    /// The answer to a question id.
    pub fn get(&self, id: &str) -> Option<&AnswerValue> {
        self.0.get(id)
    }

    /// The answer, if it counts as answered (see [`AnswerValue::is_answered`]).
    pub fn answered(&self, id: &str) -> Option<&AnswerValue> {
        self.0.get(id).filter(|v| v.is_answered())
    }

    /// Sets an answer, returning the earlier one.
    pub fn set(
        &mut self,
        id: impl Into<String>,
        value: impl Into<AnswerValue>,
    ) -> Option<AnswerValue> {
        self.0.insert(id.into(), value.into())
    }

    /// Builder form of [`Answers::set`].
    #[must_use]
    pub fn with(mut self, id: impl Into<String>, value: impl Into<AnswerValue>) -> Self {
        self.set(id, value);
        self
    }

    /// Removes an answer.
    pub fn remove(&mut self, id: &str) -> Option<AnswerValue> {
        self.0.remove(id)
    }

    /// The answers, by question id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &AnswerValue)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How many questions have a value.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_use_plain_json_values() {
        let json = serde_json::json!({
            "mother_tongue": "ara",
            "years": 5,
            "devices": ["phone"],
            "jobs": [{ "occupation": "71" }]
        });
        let answers: Answers = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(
            answers.get("mother_tongue"),
            Some(&AnswerValue::from("ara"))
        );
        assert_eq!(answers.get("years"), Some(&AnswerValue::Number(5)));
        assert_eq!(answers.get("devices"), Some(&AnswerValue::from(["phone"])));
        assert_eq!(
            answers.get("jobs"),
            Some(&AnswerValue::Group(vec![
                Answers::new().with("occupation", "71")
            ]))
        );
        assert_eq!(serde_json::to_value(&answers).unwrap(), json);
    }

    #[test]
    fn digits_typed_in_arabic_or_persian_read_as_numbers() {
        assert_eq!(AnswerValue::from("١٢").as_number(), Some(12));
        assert_eq!(AnswerValue::from("۱۹۹۸").as_number(), Some(1998));
        assert_eq!(AnswerValue::from("-3").as_number(), Some(-3));
        assert_eq!(AnswerValue::from("+3").as_number(), None);
        assert_eq!(AnswerValue::from("12a").as_number(), None);
        assert_eq!(AnswerValue::from("99999999999999999999").as_number(), None);
    }

    #[cfg(feature = "server")]
    #[test]
    fn answers_schema_is_a_map_of_answer_values() {
        use utoipa::{PartialSchema, ToSchema};
        let schema = serde_json::to_value(Answers::schema()).unwrap();
        assert_eq!(
            schema["additionalProperties"]["$ref"],
            "#/components/schemas/AnswerValue"
        );
        let mut deps = Vec::new();
        AnswerValue::schemas(&mut deps);
        // Collecting the recursive pair terminates.
        assert!(deps.len() < 10);
    }

    #[test]
    fn empty_values_do_not_count_as_answered() {
        assert!(!AnswerValue::from(" ").is_answered());
        assert!(!AnswerValue::Choices(vec![]).is_answered());
        assert!(!AnswerValue::Group(vec![]).is_answered());
        assert!(AnswerValue::Number(0).is_answered());
    }
}
