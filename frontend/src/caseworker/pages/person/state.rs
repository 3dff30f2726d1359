//! The person page's state beside what the server sent, as plain data
//! tested natively: which registration's answers are shown, which one is
//! being opened, and the applicant's language shown beside the
//! caseworker's.

use kartlegg_shared::api::Registration;
use kartlegg_shared::caseworker::RegistrationHistoryEntry;
use kartlegg_shared::questionnaire::{AnswerValue, Answers};

use kartlegg_shared::language::UiLanguage as Lang;

/// The Registration section: the history's numbers, the registration
/// whose answers are shown (the server's default, the latest completed,
/// until the caseworker opens another) and the one being fetched.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    numbers: Vec<(String, i64)>,
    /// The registration whose answers are shown.
    pub shown: Option<Registration>,
    /// The registration being fetched, if any.
    pub opening: Option<String>,
}

impl History {
    /// The history as the server sent it, with its default registration.
    pub fn new(entries: &[RegistrationHistoryEntry], shown: Option<Registration>) -> Self {
        Self {
            numbers: entries.iter().map(|r| (r.id.clone(), r.number)).collect(),
            shown,
            opening: None,
        }
    }

    /// Whether registration `id`'s answers are shown.
    pub fn is_shown(&self, id: &str) -> bool {
        self.shown.as_ref().is_some_and(|r| r.id == id)
    }

    /// Whether registration `id` is being fetched.
    pub fn is_opening(&self, id: &str) -> bool {
        self.opening.as_deref() == Some(id)
    }

    /// The caseworker opens registration `id`: true when it must be
    /// fetched, false when it is shown already (focus goes to it).
    pub fn open(&mut self, id: &str) -> bool {
        if self.is_shown(id) {
            return false;
        }
        self.opening = Some(id.to_owned());
        true
    }

    /// The fetch ended: with the registration, or without (an error).
    pub fn opened(&mut self, registration: Option<Registration>) {
        self.opening = None;
        if let Some(r) = registration {
            self.shown = Some(r);
        }
    }

    /// The shown registration's number in the person's history (0 when
    /// the history does not list it).
    pub fn shown_number(&self) -> i64 {
        self.shown.as_ref().map_or(0, |r| {
            self.numbers
                .iter()
                .find(|(id, _)| *id == r.id)
                .map_or(0, |(_, n)| *n)
        })
    }
}

/// The message after the worklist toggle went through.
pub const fn worklist_message(added: bool) -> &'static str {
    if added {
        "worklist-added"
    } else {
        "worklist-removed"
    }
}

/// The language the applicant answered in, as the registration records
/// it; for registrations saved before it was recorded, the interpreter
/// language they asked for or their mother tongue when it is one of the
/// fourteen; otherwise English.
pub fn applicant_language(recorded: Option<&str>, answers: &Answers) -> Lang {
    if let Some(lang) = recorded.and_then(Lang::from_code) {
        return lang;
    }
    let from_iso639_3 = |code: &str| -> Option<Lang> {
        let ui = match code {
            "sqi" | "alb" => "sq",
            "ara" | "arb" => "ar",
            "prs" => "prs",
            "eng" => "en",
            "pes" | "fas" | "per" => "fa",
            "fra" | "fre" => "fr",
            "kmr" => "kmr",
            "ckb" => "ckb",
            "nob" | "nor" | "nno" => "nb",
            "orm" | "gaz" => "om",
            "pus" | "pbt" | "pbu" => "ps",
            "rus" => "ru",
            "som" => "so",
            "tir" => "ti",
            _ => return None,
        };
        Lang::from_code(ui)
    };
    ["interpreter_language", "mother_tongue"]
        .into_iter()
        .filter_map(|q| match answers.get(q) {
            Some(AnswerValue::Text(code)) => from_iso639_3(code),
            _ => None,
        })
        .next()
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use kartlegg_shared::api::RegistrationStatus;

    use super::*;

    fn registration(id: &str) -> Registration {
        Registration {
            id: id.to_owned(),
            status: RegistrationStatus::Completed,
            questionnaire_version: 1,
            revision: 1,
            answers: Answers::new(),
            saved_sections: Vec::new(),
            created_at: "2026-01-01T00:00:00Z".to_owned(),
            updated_at: "2026-01-01T00:00:00Z".to_owned(),
            completed_at: None,
            language: None,
            provenance: Default::default(),
        }
    }

    fn entry(id: &str, number: i64) -> RegistrationHistoryEntry {
        RegistrationHistoryEntry {
            id: id.to_owned(),
            number,
            status: RegistrationStatus::Completed,
            questionnaire_version: 1,
            created_at: "2026-01-01T00:00:00Z".to_owned(),
            updated_at: "2026-01-01T00:00:00Z".to_owned(),
            completed_at: None,
        }
    }

    #[test]
    fn opening_the_shown_registration_fetches_nothing() {
        let mut h = History::new(&[entry("b", 2), entry("a", 1)], Some(registration("b")));
        assert_eq!(h.shown_number(), 2);
        assert!(!h.open("b"));
        assert_eq!(h.opening, None);
    }

    #[test]
    fn another_registration_is_fetched_then_shown_with_its_number() {
        let mut h = History::new(&[entry("b", 2), entry("a", 1)], Some(registration("b")));
        assert!(h.open("a"));
        assert!(h.is_opening("a") && h.is_shown("b"));
        h.opened(Some(registration("a")));
        assert!(h.is_shown("a") && !h.is_opening("a"));
        assert_eq!(h.shown_number(), 1);
    }

    #[test]
    fn a_failed_fetch_keeps_the_answers_shown() {
        let mut h = History::new(&[entry("b", 2), entry("a", 1)], Some(registration("b")));
        h.open("a");
        h.opened(None);
        assert!(h.is_shown("b") && h.opening.is_none());
    }

    #[test]
    fn the_applicant_language_is_the_recorded_one_then_the_interpreter_language() {
        let answers = Answers::new()
            .with("interpreter_language", "tir")
            .with("mother_tongue", "ara");
        assert_eq!(applicant_language(Some("so"), &answers), Lang::So);
        assert_eq!(applicant_language(None, &answers), Lang::Ti);
        let mother = Answers::new().with("mother_tongue", "ara");
        assert_eq!(applicant_language(None, &mother), Lang::Ar);
        assert_eq!(applicant_language(None, &Answers::new()), Lang::En);
    }
}
