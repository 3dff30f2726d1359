//! A fetch's frame on a page: "loading", then the value, or the error
//! where the person looks.

use std::sync::Arc;

use leptos::prelude::*;

use super::http::ApiError;
use super::words::{failure, word};

/// A fetch on a page: "loading" until the answer is in, then `view` of the
/// value. A failed fetch is thrown to an `ErrorBoundary`, which shows it
/// where the person looks (under `title`, when given, the page's
/// heading), in the app's words for a failed fetch (`Words::failure`,
/// which in the back office also leaves an ended session to the login
/// page).
#[component]
pub fn Loaded<T, V, F>(
    resource: LocalResource<Result<T, ApiError>>,
    view: F,
    /// Translation key of a heading above the error.
    #[prop(optional)]
    title: Option<&'static str>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    let body: Body = Arc::new(move || {
        let view = view.clone();
        Suspend::new(async move { resource.await.map(|value| view(value).into_any()) })
    });
    load_frame(body, title)
}

/// What `Loaded` shows once the fetch is in, type-erased so that one
/// `Transition` and one `ErrorBoundary` serve every page (a generic frame
/// per page cost the bundle several kilobytes).
type Body = Arc<dyn Fn() -> Suspend<Result<AnyView, ApiError>> + Send + Sync>;

fn load_frame(body: Body, title: Option<&'static str>) -> AnyView {
    view! {
        <Transition fallback=|| view! { <p>{move || word("loading")}</p> }>
            <ErrorBoundary fallback=move |errors| view! {
                {title.map(|key| view! { <h1>{move || word(key)}</h1> })}
                {move || errors.with(|errors| {
                    errors.iter().find_map(|(_, e)| e.downcast_ref::<ApiError>().map(failure))
                }).map(|m| view! { <p role="alert" class="field__error">{m}</p> })}
            }>
                {let body = body.clone(); move || body()}
            </ErrorBoundary>
        </Transition>
    }
    .into_any()
}
