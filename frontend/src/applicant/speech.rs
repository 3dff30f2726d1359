//! Read aloud: the browser's own speech synthesis reads a question and its
//! options in the current language, for applicants who read little. Nothing
//! leaves the device. The button shows only when the browser has a voice
//! for the language; voices often arrive after the page loads, so the list
//! is followed through `voiceschanged`.

use kartlegg_shared::questionnaire::Text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use crate::applicant::i18n::{Lang, current_lang, tr};

/// The languages of the browser's voices (lower case BCP 47), and which
/// button's text is being read, in context.
#[derive(Clone, Copy, Debug)]
pub struct Voices {
    langs: RwSignal<Vec<String>>,
    reading: RwSignal<Option<String>>,
}

impl Voices {
    /// Reads the voices now and whenever the browser's list changes.
    pub fn init() -> Self {
        let voices = Self {
            langs: RwSignal::new(voice_langs()),
            reading: RwSignal::new(None),
        };
        if let Some(synth) = synthesis() {
            let on_change = Closure::<dyn FnMut()>::new(move || voices.langs.set(voice_langs()));
            synth.set_onvoiceschanged(Some(on_change.as_ref().unchecked_ref()));
            // Lives as long as the page, like the synthesis object.
            on_change.forget();
        }
        voices
    }

    /// Whether a voice can read `lang` (reactive).
    pub fn can_read(self, lang: Lang) -> bool {
        self.langs
            .with(|langs| langs.iter().any(|v| matches(v, lang)))
    }
}

fn synthesis() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

fn voices() -> Vec<SpeechSynthesisVoice> {
    synthesis()
        .map(|s| {
            s.get_voices()
                .iter()
                .filter_map(|v| v.dyn_into::<SpeechSynthesisVoice>().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// The prefixes of speech-synthesis voice languages that can read `lang`,
/// best first (a Persian voice reads Dari).
const fn voice_tags(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Prs => &["fa-af", "prs", "fa"],
        Lang::Kmr => &["kmr", "ku"],
        Lang::Nb => &["nb", "no"],
        Lang::Sq => &["sq"],
        Lang::Ar => &["ar"],
        Lang::En => &["en"],
        Lang::Fa => &["fa"],
        Lang::Fr => &["fr"],
        Lang::Ckb => &["ckb"],
        Lang::Om => &["om"],
        Lang::Ps => &["ps"],
        Lang::Ru => &["ru"],
        Lang::So => &["so"],
        Lang::Ti => &["ti"],
    }
}

fn voice_langs() -> Vec<String> {
    voices().iter().map(|v| normalise(&v.lang())).collect()
}

fn normalise(tag: &str) -> String {
    tag.replace('_', "-").to_ascii_lowercase()
}

/// Whether a voice of language tag `voice` (normalised) reads `lang`.
fn matches(voice: &str, lang: Lang) -> bool {
    voice_tags(lang)
        .iter()
        .any(|tag| voice == *tag || voice.starts_with(&format!("{tag}-")))
}

/// The best voice for `lang`: the first tag of [`voice_tags`] that any
/// voice matches.
fn voice_for(lang: Lang) -> Option<SpeechSynthesisVoice> {
    let voices = voices();
    voice_tags(lang).iter().find_map(|tag| {
        voices
            .iter()
            .find(|v| {
                let l = normalise(&v.lang());
                l == *tag || l.starts_with(&format!("{tag}-"))
            })
            .cloned()
    })
}

/// Reads `parts` one after another, after stopping anything being read;
/// `done` runs when the reading ends.
fn speak(lang: Lang, parts: &[String], done: impl FnOnce() + 'static) {
    let (Some(synth), Some(voice)) = (synthesis(), voice_for(lang)) else {
        return;
    };
    synth.cancel();
    if let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&parts.join(". ")) {
        utterance.set_lang(lang.bcp47());
        utterance.set_voice(Some(&voice));
        let on_end = Closure::once_into_js(done);
        utterance.set_onend(Some(on_end.unchecked_ref()));
        synth.speak(&utterance);
    }
}

fn stop() {
    if let Some(synth) = synthesis() {
        synth.cancel();
    }
}

/// Lists longer than this are not read out option by option.
const MAX_READ_OPTIONS: usize = 12;

/// The speaker button beside a question: reads the question and its
/// options in the current language. Not shown without a voice for it.
#[component]
pub fn ReadAloud(text: Text, options: Vec<Text>, testid: String) -> impl IntoView {
    let voices = expect_context::<Voices>();
    let options = StoredValue::new(options);
    let text = StoredValue::new(text);
    move || {
        let lang = current_lang();
        voices.can_read(lang).then(|| {
            let me = testid.clone();
            let reading =
                Memo::new(move |_| voices.reading.with(|r| r.as_deref() == Some(me.as_str())));
            let label = Signal::derive(move || {
                tr(if reading.get() {
                    "read-aloud-stop"
                } else {
                    "read-aloud"
                })
            });
            let me = testid.clone();
            view! {
                <button type="button" class="speak" class:speak--on=reading data-testid=testid.clone()
                    aria-label=label title=label
                    on:click=move |_| {
                        if voices.reading.with_untracked(|r| r.as_deref() == Some(me.as_str())) {
                            stop();
                            voices.reading.set(None);
                            return;
                        }
                        let lang = current_lang();
                        let mut parts = vec![text.with_value(|t| t.get(lang.code()).to_owned())];
                        options.with_value(|opts| {
                            if opts.len() <= MAX_READ_OPTIONS {
                                parts.extend(opts.iter().map(|o| o.get(lang.code()).to_owned()));
                            }
                        });
                        voices.reading.set(Some(me.clone()));
                        let me = me.clone();
                        speak(lang, &parts, move || {
                            // Only the reading that ended: a newer one may have started.
                            if voices.reading.with_untracked(|r| r.as_deref() == Some(me.as_str())) {
                                voices.reading.set(None);
                            }
                        });
                    }>
                    <svg class="speak__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                        <path d="M3 9v6h4l5 5V4L7 9H3z" fill="currentColor"/>
                        <path d="M16.5 12a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" fill="currentColor"/>
                    </svg>
                </button>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{matches, normalise};
    use crate::applicant::i18n::Lang;

    #[test]
    fn a_voice_matches_by_language_prefix() {
        assert!(matches(&normalise("ar-SA"), Lang::Ar));
        assert!(matches(&normalise("ar"), Lang::Ar));
        assert!(!matches(&normalise("arn-CL"), Lang::Ar));
        assert!(matches(&normalise("nb_NO"), Lang::Nb));
        assert!(
            matches(&normalise("fa-IR"), Lang::Prs),
            "a Persian voice reads Dari"
        );
        assert!(!matches(&normalise("en-GB"), Lang::Ti));
    }
}
