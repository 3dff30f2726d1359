//! The fourteen languages an applicant can choose: Norwegian and English,
//! and the languages most refugees in Norway read. One type for the server
//! (the language a registration is answered in, the languages a
//! questionnaire request names) and the browser (the interface's language,
//! the device's remembered choice), so a code one side takes the other
//! takes too.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::ParseError;

/// A language of the applicant's interface, as its code on the wire
/// (`"ar"`, `"prs"`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum UiLanguage {
    Sq,
    Ar,
    Prs,
    En,
    Fa,
    Fr,
    Kmr,
    Ckb,
    Nb,
    Om,
    Ps,
    Ru,
    So,
    Ti,
}

impl UiLanguage {
    /// The language the app starts in before a choice is made, and the
    /// fallback for a missing text.
    pub const DEFAULT: UiLanguage = UiLanguage::En;

    /// All, in the order the language screen lists them.
    pub const ALL: [UiLanguage; 14] = [
        Self::Sq,
        Self::Ar,
        Self::Prs,
        Self::En,
        Self::Fa,
        Self::Fr,
        Self::Kmr,
        Self::Ckb,
        Self::Nb,
        Self::Om,
        Self::Ps,
        Self::Ru,
        Self::So,
        Self::Ti,
    ];

    /// Parses a code exactly as written (`"ar"`, not `" AR"`): the codes
    /// are machine-made, by the language screen and the API's clients.
    pub fn parse(code: &str) -> Result<Self, ParseError> {
        Self::ALL
            .into_iter()
            .find(|l| l.code() == code)
            .ok_or(ParseError {
                code: "unknown_language",
                message: "Not one of the 14 languages",
            })
    }

    /// Parses a code as stored on the device; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::parse(code).ok()
    }

    /// The code used in files, the questionnaire's text maps and the API.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Sq => "sq",
            Self::Ar => "ar",
            Self::Prs => "prs",
            Self::En => "en",
            Self::Fa => "fa",
            Self::Fr => "fr",
            Self::Kmr => "kmr",
            Self::Ckb => "ckb",
            Self::Nb => "nb",
            Self::Om => "om",
            Self::Ps => "ps",
            Self::Ru => "ru",
            Self::So => "so",
            Self::Ti => "ti",
        }
    }

    /// The BCP 47 tag for a document's `lang` attribute (Dari as `fa-AF`,
    /// which screen readers and speech synthesis know).
    pub const fn bcp47(self) -> &'static str {
        match self {
            Self::Prs => "fa-AF",
            other => other.code(),
        }
    }

    /// Written right to left.
    pub const fn is_rtl(self) -> bool {
        matches!(self, Self::Ar | Self::Prs | Self::Fa | Self::Ps | Self::Ckb)
    }

    /// The first of a browser's preferred languages (BCP 47 tags, most
    /// preferred first, as `navigator.languages` gives them) that is one of
    /// the fourteen. Regional and older tags map to ours: `fa-AF` is Dari,
    /// `ku` Kurmanji, `no` and `nn` bokmål.
    pub fn negotiate<S: AsRef<str>>(preferred: &[S]) -> Option<Self> {
        preferred.iter().find_map(|tag| {
            let tag = tag.as_ref().trim().replace('_', "-").to_ascii_lowercase();
            let mut parts = tag.split('-');
            let primary = parts.next()?;
            let region = parts.find(|p| p.len() == 2);
            match (primary, region) {
                ("fa", Some("af")) | ("prs", _) => Some(Self::Prs),
                ("ku" | "kmr", _) => Some(Self::Kmr),
                ("no" | "nn" | "nb", _) => Some(Self::Nb),
                _ => Self::from_code(primary),
            }
        })
    }

    /// The language's name in its own script, as the language screen shows it.
    pub const fn native_name(self) -> &'static str {
        match self {
            Self::Sq => "Shqip",
            Self::Ar => "عربية",
            Self::Prs => "دری",
            Self::En => "English",
            Self::Fa => "فارسی",
            Self::Fr => "Français",
            Self::Kmr => "Kurmancî",
            Self::Ckb => "سۆرانی",
            Self::Nb => "Norsk",
            Self::Om => "Afaan Oromoo",
            Self::Ps => "پښتو",
            Self::Ru => "Русский",
            Self::So => "Af-Soomaali",
            Self::Ti => "ትግርኛ",
        }
    }

    /// The language's English name, shown beside the native one.
    pub const fn english_name(self) -> &'static str {
        match self {
            Self::Sq => "Albanian",
            Self::Ar => "Arabic",
            Self::Prs => "Dari",
            Self::En => "English",
            Self::Fa => "Farsi",
            Self::Fr => "French",
            Self::Kmr => "Kurmanji",
            Self::Ckb => "Sorani",
            Self::Nb => "Norwegian",
            Self::Om => "Oromo",
            Self::Ps => "Pashto",
            Self::Ru => "Russian",
            Self::So => "Somali",
            Self::Ti => "Tigrinya",
        }
    }
}

/// The codes of [`UiLanguage::ALL`], in its order, for code that works on
/// text maps keyed by code.
pub const fn codes() -> [&'static str; 14] {
    let mut out = [""; 14];
    let mut i = 0;
    while i < out.len() {
        out[i] = UiLanguage::ALL[i].code();
        i += 1;
    }
    out
}

impl fmt::Display for UiLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl TryFrom<String> for UiLanguage {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<UiLanguage> for String {
    fn from(value: UiLanguage) -> Self {
        value.code().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::UiLanguage;

    #[test]
    fn exactly_five_languages_are_right_to_left() {
        let rtl: Vec<_> = UiLanguage::ALL
            .into_iter()
            .filter(|l| l.is_rtl())
            .map(UiLanguage::code)
            .collect();
        assert_eq!(rtl, ["ar", "prs", "fa", "ckb", "ps"]);
    }

    #[test]
    fn negotiation_takes_the_first_preferred_language_we_have() {
        assert_eq!(
            UiLanguage::negotiate(&["de-DE", "ti-ER", "en"]),
            Some(UiLanguage::Ti)
        );
        assert_eq!(UiLanguage::negotiate(&["ar-SY"]), Some(UiLanguage::Ar));
        assert_eq!(UiLanguage::negotiate(&["ru_RU"]), Some(UiLanguage::Ru));
        assert_eq!(UiLanguage::negotiate(&["de", "ja"]), None);
        assert_eq!(UiLanguage::negotiate::<&str>(&[]), None);
    }

    #[test]
    fn negotiation_maps_regional_and_older_tags() {
        assert_eq!(UiLanguage::negotiate(&["fa-AF"]), Some(UiLanguage::Prs));
        assert_eq!(UiLanguage::negotiate(&["fa-IR"]), Some(UiLanguage::Fa));
        assert_eq!(UiLanguage::negotiate(&["fa"]), Some(UiLanguage::Fa));
        assert_eq!(UiLanguage::negotiate(&["ku-TR"]), Some(UiLanguage::Kmr));
        assert_eq!(UiLanguage::negotiate(&["ckb-IQ"]), Some(UiLanguage::Ckb));
        assert_eq!(UiLanguage::negotiate(&["no"]), Some(UiLanguage::Nb));
        assert_eq!(UiLanguage::negotiate(&["nn-NO"]), Some(UiLanguage::Nb));
        assert_eq!(UiLanguage::negotiate(&["ps-Arab-AF"]), Some(UiLanguage::Ps));
    }

    #[test]
    fn codes_round_trip_and_nothing_else_parses() {
        for lang in UiLanguage::ALL {
            assert_eq!(UiLanguage::parse(lang.code()), Ok(lang));
        }
        for bad in ["", "AR", " ar", "ar ", "de", "fa-AF"] {
            assert_eq!(UiLanguage::parse(bad).unwrap_err().code, "unknown_language");
        }
        assert_eq!(
            serde_json::from_str::<UiLanguage>("\"prs\"").unwrap(),
            UiLanguage::Prs
        );
        assert!(serde_json::from_str::<UiLanguage>("\"xx\"").is_err());
    }
}
