//! The pictograms an option or a question can carry (SPEC.md §2), by name.
//!
//! The pictures are one SVG sprite, `shared/data/pictograms.svg`, one
//! `<symbol id="name">` each, drawn for Kartlegg on a 24 × 24 grid: bold
//! outlines in the text colour, nothing filled in colour, no words or
//! letters (the form is in 14 languages, five of them right to left). The
//! build copies the sprite under a content hash into `/assets/`, where it is
//! cached for a year; the form draws a pictogram with `<use href>` into it.
//!
//! This list is what the loaders check a name against, so that a
//! questionnaire or a code list cannot name a picture the sprite lacks. It is
//! kept here rather than read from the sprite so that the browser does not
//! carry the sprite's text in its WebAssembly; a test holds the two equal.

/// Every pictogram's name, as the sprite's `<symbol>` ids, sorted.
pub const NAMES: &[&str] = &[
    "animals",
    "bank",
    "bus",
    "bus_trailer",
    "car",
    "car_trailer",
    "care",
    "child",
    "cleaning",
    "computer",
    "construction",
    "cooking",
    "document",
    "edu_bachelor",
    "edu_college",
    "edu_doctorate",
    "edu_lower_secondary",
    "edu_master",
    "edu_primary",
    "edu_upper_secondary",
    "edu_vocational",
    "email",
    "field",
    "form",
    "globe",
    "home",
    "interpreter",
    "level_0",
    "level_1",
    "level_2",
    "level_3",
    "level_4",
    "level_5",
    "lorry",
    "lorry_trailer",
    "message",
    "minibus",
    "moped",
    "motorcycle",
    "music",
    "no",
    "ongoing",
    "partly",
    "phone",
    "read",
    "reading",
    "school",
    "search",
    "sewing",
    "shop",
    "speak",
    "sports",
    "tablet",
    "tools",
    "tractor",
    "video_call",
    "work",
    "write",
    "yes",
];

/// Whether the sprite has a pictogram of this name.
pub fn exists(name: &str) -> bool {
    NAMES.binary_search(&name).is_ok()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::codes::{CodeListId, CodeLists};
    use crate::questionnaire::{Question, shipped_v1};

    /// The sprite as committed.
    const SPRITE: &str = include_str!("../data/pictograms.svg");

    /// The ids of the sprite's symbols, in file order.
    fn symbols() -> Vec<&'static str> {
        SPRITE
            .split("<symbol id=\"")
            .skip(1)
            .filter_map(|rest| rest.split_once('"').map(|(id, _)| id))
            .collect()
    }

    /// Every pictogram the shipped questionnaire and code lists name, with
    /// where it is named.
    fn named() -> Vec<(String, String)> {
        fn question(q: &Question, at: &str, out: &mut Vec<(String, String)>) {
            if let Some(p) = &q.pictogram {
                out.push((p.clone(), at.to_owned()));
            }
            for o in q.answer.options() {
                if let Some(p) = &o.pictogram {
                    out.push((p.clone(), format!("{at}/options/{}", o.code)));
                }
            }
            for sub in q.answer.group_questions().unwrap_or(&[]) {
                question(sub, &format!("{at}.{}", sub.id), out);
            }
        }
        let mut out = Vec::new();
        for section in &shipped_v1().sections {
            for q in &section.questions {
                question(q, &q.id, &mut out);
            }
        }
        for id in CodeListId::ALL {
            for item in CodeLists::shipped().get(id).map_or(&[][..], |l| &l.items) {
                if let Some(p) = &item.pictogram {
                    out.push((p.clone(), format!("{id}/{}", item.code)));
                }
            }
        }
        out
    }

    #[test]
    fn the_names_are_the_sprite_s_symbols_sorted_and_unique() {
        let symbols = symbols();
        let mut sorted = symbols.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(symbols, sorted, "one symbol per name, sorted by name");
        assert_eq!(NAMES, symbols.as_slice());
    }

    #[test]
    fn every_pictogram_named_in_the_questionnaire_and_code_lists_exists_in_the_sprite() {
        let symbols: BTreeSet<&str> = symbols().into_iter().collect();
        let missing: Vec<_> = named()
            .into_iter()
            .filter(|(name, _)| !symbols.contains(name.as_str()))
            .collect();
        assert!(missing.is_empty(), "not in the sprite: {missing:?}");
    }

    #[test]
    fn every_symbol_in_the_sprite_is_used() {
        let used: BTreeSet<String> = named().into_iter().map(|(name, _)| name).collect();
        let unused: Vec<_> = symbols()
            .into_iter()
            .filter(|s| !used.contains(*s))
            .collect();
        assert!(unused.is_empty(), "drawn but never shown: {unused:?}");
    }

    #[test]
    fn every_symbol_is_a_24_grid_in_the_text_colour_without_text_or_colour() {
        for chunk in SPRITE.split("<symbol ").skip(1) {
            let symbol = chunk.split("</symbol>").next().unwrap_or_default();
            assert!(symbol.contains("viewBox=\"0 0 24 24\""), "{symbol}");
            assert!(symbol.contains("stroke=\"currentColor\""), "{symbol}");
            // Words would need translating and mirroring; a fixed colour
            // would ignore the page's own (and forced colours).
            assert!(!symbol.contains("<text"), "{symbol}");
            assert!(!symbol.contains('#'), "{symbol}");
        }
    }

    #[test]
    fn exists_knows_the_sprite_s_names_only() {
        assert!(exists("yes"));
        assert!(exists("level_0"));
        assert!(!exists("Yes"));
        assert!(!exists("thumbs_up"));
    }
}
