//! A pictogram from the one sprite (`shared/data/pictograms.svg`, see
//! `kartlegg_shared::pictograms`), drawn beside an option's or a question's
//! text for applicants who read little.
//!
//! The picture says what the text beside it says, so it is hidden from
//! screen readers (`aria-hidden`) and never takes focus (`focusable` for old
//! engines that focus SVG): the option's label stays the text alone, and the
//! row's input keeps its label and its focus ring.

use leptos::prelude::*;

/// The sprite's address. The build (`scripts/build-frontend.sh`) copies the
/// sprite under its content hash and passes that name here, so that the
/// sprite is cached for a year and a new drawing is a new address. A build
/// without the script (clippy, tests) gets a placeholder address.
const SPRITE: &str = match option_env!("KARTLEGG_PICTOGRAMS") {
    Some(path) => path,
    None => "/assets/pictograms.svg",
};

/// The pictogram `name`, or, with `None`, an empty space of the same size,
/// so that option texts line up when only some options have a picture.
#[component]
pub fn Pictogram(name: Option<String>, #[prop(optional)] class: &'static str) -> impl IntoView {
    let class = if class.is_empty() {
        "pictogram".to_owned()
    } else {
        format!("pictogram {class}")
    };
    match name {
        Some(name) => view! {
            <svg class=class viewBox="0 0 24 24" aria-hidden="true" focusable="false" data-pictogram=name.clone()>
                <use href=format!("{SPRITE}#{name}")></use>
            </svg>
        }
        .into_any(),
        None => view! { <span class=class aria-hidden="true"></span> }.into_any(),
    }
}
