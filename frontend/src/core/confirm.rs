//! The confirmation dialog: a native modal `<dialog>` with the question,
//! any fields it needs (a reason), a confirming and a cancelling button,
//! and the error of the action it confirms.

use leptos::html;
use leptos::prelude::*;

use super::words::word;

/// A modal confirmation (native `<dialog>`: focus stays inside, Escape
/// cancels, focus returns to the button that opened it). The children are
/// the explanation and any fields, such as a reason.
#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is open.
    open: RwSignal<bool>,
    /// Its heading.
    title: Signal<String>,
    /// The confirming button's text.
    confirm: Signal<String>,
    /// Called on confirm; the caller closes the dialog when done.
    on_confirm: Callback<()>,
    /// True while the action runs.
    #[prop(into)]
    busy: Signal<bool>,
    /// Error text shown inside the dialog.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// A test id for the dialog.
    testid: &'static str,
    /// The action cannot be undone (an erasure): the confirming button is
    /// red, as the button that opened the dialog.
    #[prop(optional)]
    danger: bool,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let title_id = format!("{testid}-title");
    let labelled_by = title_id.clone();
    Effect::new(move || {
        let Some(d) = dialog.get() else { return };
        if open.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        } else if d.open() {
            d.close();
        }
    });
    view! {
        <dialog
            node_ref=dialog
            class="cw-dialog"
            aria-labelledby=labelled_by
            data-testid=testid
            on:close=move |_| open.set(false)
        >
            <form class="cw-dialog__form" method="dialog" on:submit=move |ev| {
                ev.prevent_default();
                on_confirm.run(());
            }>
                <h2 id=title_id class="cw-dialog__title">{move || title.get()}</h2>
                {children()}
                <div role="alert" class="cw-dialog__error">
                    {move || error.get().map(|m| view! { <p class="field__error" data-testid=format!("{testid}-error")>{m}</p> })}
                </div>
                <div class="cw-actions">
                    <button type="submit" class="button" class:button--danger=danger data-testid=format!("{testid}-confirm") disabled=move || busy.get()>
                        {move || confirm.get()}
                    </button>
                    <button type="button" class="button button--secondary" data-testid=format!("{testid}-cancel") on:click=move |_| open.set(false)>
                        {move || word("cancel")}
                    </button>
                </div>
            </form>
        </dialog>
    }
}
