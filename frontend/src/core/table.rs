//! The dense table in a keyboard-reachable scrolling region, its pager,
//! and sortable column headers.

use fluent_bundle::FluentArgs;
use leptos::prelude::*;

use super::words::{word, word_with};

/// The pager under a table, from a page of results.
#[derive(Clone, Copy)]
pub struct Paging {
    /// The page shown, from 1.
    pub page: u32,
    /// How many pages there are.
    pub pages: u32,
    /// Called with the page to show.
    pub on_page: Callback<u32>,
}

impl Paging {
    /// Paging for page `page` of `total` rows, `page_size` a page.
    pub fn new(page: u32, total: u64, page_size: u32, on_page: Callback<u32>) -> Self {
        Self {
            page,
            pages: pages(total, page_size),
            on_page,
        }
    }
}

/// How many pages `total` rows fill, `page_size` a page.
pub fn pages(total: u64, page_size: u32) -> u32 {
    u32::try_from(total.div_ceil(u64::from(page_size.max(1)))).unwrap_or(u32::MAX)
}

/// A dense table in a scrollable region that keyboard users can reach,
/// named and captioned, with paging below when it has pages. The children
/// are its rows.
#[component]
pub fn Table(
    /// Translation key of the region's name, and of the caption unless
    /// `caption` names another.
    label: &'static str,
    /// Translation key of the caption, when it differs from `label`.
    #[prop(optional)]
    caption: Option<&'static str>,
    /// Shows the caption (otherwise it is for screen readers only).
    #[prop(optional)]
    caption_shown: bool,
    /// Tighter rows.
    #[prop(optional)]
    compact: bool,
    /// The table's test id.
    testid: &'static str,
    /// The header row's cells.
    #[prop(into)]
    head: ViewFn,
    /// Paging below the table.
    #[prop(optional)]
    paging: Option<Paging>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="cw-table-wrap" tabindex="0" role="region" aria-label=move || word(label)>
            <table class="cw-table" class:cw-table--compact=compact data-testid=testid>
                <caption class:visually-hidden=!caption_shown>{move || word(caption.unwrap_or(label))}</caption>
                <thead><tr>{head.run()}</tr></thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
        {paging.map(|p| view! { <Pager page=p.page pages=p.pages on_page=p.on_page/> })}
    }
}

/// Paging below a table: previous, "page x of y", next.
#[component]
pub fn Pager(page: u32, pages: u32, on_page: Callback<u32>) -> impl IntoView {
    view! {
        <nav class="cw-pager" aria-label=move || word("paging")>
            <button type="button" class="button button--secondary button--small" data-testid="page-prev"
                disabled={page <= 1} on:click=move |_| on_page.run(page - 1)>
                {move || word("page-previous")}
            </button>
            <span data-testid="page-of">{move || {
                let mut args = FluentArgs::new();
                args.set("page", page);
                args.set("pages", pages.max(1));
                word_with("page-of", &args)
            }}</span>
            <button type="button" class="button button--secondary button--small" data-testid="page-next"
                disabled={page >= pages} on:click=move |_| on_page.run(page + 1)>
                {move || word("page-next")}
            </button>
        </nav>
    }
}

/// A column header that sorts the table: a button inside the `<th>`, with
/// `aria-sort` telling screen readers the current order.
#[component]
pub fn SortHeader<K>(
    /// The column's sort key.
    key: K,
    /// The column title.
    label: Signal<String>,
    /// The table's current key.
    current: Signal<K>,
    /// Whether the current order is descending.
    descending: Signal<bool>,
    /// Called with the key when the header is used.
    on_sort: Callback<K>,
) -> impl IntoView
where
    K: PartialEq + Copy + Send + Sync + 'static,
{
    let sort = move || {
        if current.get() != key {
            "none"
        } else if descending.get() {
            "descending"
        } else {
            "ascending"
        }
    };
    view! {
        <th scope="col" aria-sort=sort>
            <button type="button" class="cw-sort" on:click=move |_| on_sort.run(key)>
                {move || label.get()}
                <span class="cw-sort__icon" aria-hidden="true">
                    {move || match sort() { "ascending" => "▲", "descending" => "▼", _ => "↕" }}
                </span>
            </button>
        </th>
    }
}
