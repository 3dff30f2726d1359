//! The fourteen languages an applicant can choose: Norwegian and English,
//! and the languages most refugees in Norway read.

use unic_langid::LanguageIdentifier;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
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

impl Lang {
    /// The language the app starts in before a choice is made, and the
    /// fallback for a missing text.
    pub const DEFAULT: Lang = Lang::En;

    /// All, in the order the language screen lists them.
    pub const ALL: [Lang; 14] = [
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

    /// The code used in files and the questionnaire's text maps.
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

    /// The BCP 47 tag for the document's `lang` attribute (Dari as `fa-AF`,
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

    /// Parses a code as stored on the device.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The first of the browser's preferred languages (BCP 47 tags, most
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

    /// The prefixes of speech-synthesis voice languages that can read this
    /// language, best first (a Persian voice reads Dari).
    pub const fn voice_tags(self) -> &'static [&'static str] {
        match self {
            Self::Prs => &["fa-af", "prs", "fa"],
            Self::Kmr => &["kmr", "ku"],
            Self::Nb => &["nb", "no"],
            Self::Sq => &["sq"],
            Self::Ar => &["ar"],
            Self::En => &["en"],
            Self::Fa => &["fa"],
            Self::Fr => &["fr"],
            Self::Ckb => &["ckb"],
            Self::Om => &["om"],
            Self::Ps => &["ps"],
            Self::Ru => &["ru"],
            Self::So => &["so"],
            Self::Ti => &["ti"],
        }
    }

    pub(crate) fn langid(self) -> LanguageIdentifier {
        self.bcp47().parse().unwrap_or_default()
    }
}

impl Lang {
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

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn exactly_five_languages_are_right_to_left() {
        let rtl: Vec<_> = Lang::ALL
            .into_iter()
            .filter(|l| l.is_rtl())
            .map(Lang::code)
            .collect();
        assert_eq!(rtl, ["ar", "prs", "fa", "ckb", "ps"]);
    }

    #[test]
    fn negotiation_takes_the_first_preferred_language_we_have() {
        assert_eq!(Lang::negotiate(&["de-DE", "ti-ER", "en"]), Some(Lang::Ti));
        assert_eq!(Lang::negotiate(&["ar-SY"]), Some(Lang::Ar));
        assert_eq!(Lang::negotiate(&["ru_RU"]), Some(Lang::Ru));
        assert_eq!(Lang::negotiate(&["de", "ja"]), None);
        assert_eq!(Lang::negotiate::<&str>(&[]), None);
    }

    #[test]
    fn negotiation_maps_regional_and_older_tags() {
        assert_eq!(Lang::negotiate(&["fa-AF"]), Some(Lang::Prs));
        assert_eq!(Lang::negotiate(&["fa-IR"]), Some(Lang::Fa));
        assert_eq!(Lang::negotiate(&["fa"]), Some(Lang::Fa));
        assert_eq!(Lang::negotiate(&["ku-TR"]), Some(Lang::Kmr));
        assert_eq!(Lang::negotiate(&["ckb-IQ"]), Some(Lang::Ckb));
        assert_eq!(Lang::negotiate(&["no"]), Some(Lang::Nb));
        assert_eq!(Lang::negotiate(&["nn-NO"]), Some(Lang::Nb));
        assert_eq!(Lang::negotiate(&["ps-Arab-AF"]), Some(Lang::Ps));
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }
}
