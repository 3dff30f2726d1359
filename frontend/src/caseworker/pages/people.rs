//! The organisation's people: filters above (state, dates, worklist
//! only), a sortable table with a sticky header, paging and counts below,
//! and the CSV export of the filtered list.

use kartlegg_shared::caseworker::{PeopleQuery, PeopleSort, RegistrationState, SortOrder};
use leptos::prelude::*;

use crate::caseworker::api;
use crate::caseworker::components::{StateTag, date, opt_date, state_key};
use crate::caseworker::i18n::{ct, ct1, ctr};
use crate::caseworker::routes::Route;
use crate::core::loaded::Loaded;
use crate::core::table::{Paging, SortHeader, Table};

const PAGE_SIZE: u32 = 50;

#[component]
pub fn PeoplePage() -> impl IntoView {
    // The filters as typed; applied to `query` with the Filter button.
    let state = RwSignal::new(String::new());
    let created_from = RwSignal::new(String::new());
    let created_to = RwSignal::new(String::new());
    let completed_from = RwSignal::new(String::new());
    let completed_to = RwSignal::new(String::new());
    let worklist_only = RwSignal::new(false);
    let query = RwSignal::new(PeopleQuery {
        page: Some(1),
        page_size: Some(PAGE_SIZE),
        ..PeopleQuery::default()
    });
    let page = LocalResource::new(move || {
        let q = query.get();
        async move { api::people(&q).await }
    });
    let some = |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.is_empty());
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        query.update(|q| {
            q.state = RegistrationState::from_name(&state.get_untracked());
            q.created_from = some(created_from);
            q.created_to = some(created_to);
            q.completed_from = some(completed_from);
            q.completed_to = some(completed_to);
            q.worklist_only = worklist_only.get_untracked();
            q.page = Some(1);
        });
    };
    let sort_key = Signal::derive(move || query.with(|q| q.sort));
    let descending = Signal::derive(move || query.with(|q| q.order == SortOrder::Desc));
    let on_sort = Callback::new(move |key: PeopleSort| {
        query.update(|q| {
            q.order = if q.sort == key && q.order == SortOrder::Asc {
                SortOrder::Desc
            } else {
                SortOrder::Asc
            };
            q.sort = key;
            q.page = Some(1);
        });
    });
    let on_page = Callback::new(move |n: u32| query.update(|q| q.page = Some(n)));
    let header = move |key: PeopleSort, label: fn() -> String| {
        view! {
            <SortHeader key=key label=Signal::derive(label) current=sort_key
                descending=descending on_sort=on_sort/>
        }
    };
    view! {
        <h1 data-testid="people-title">{ct("people-title")}</h1>
        <form class="cw-filters" on:submit=apply aria-label=ct("filters")>
            <div class="cw-filter">
                <label for="f-state">{ct("filter-state")}</label>
                <select id="f-state" class="cw-select" data-testid="filter-state"
                    on:change=move |ev| state.set(event_target_value(&ev))>
                    <option value="">{ct("filter-any")}</option>
                    {RegistrationState::ALL.into_iter().map(|st| view! {
                        <option value=st.as_str()>{ct(state_key(st))}</option>
                    }).collect_view()}
                </select>
            </div>
            <DateFilter id="f-created-from" label=ct("filter-created-from") value=created_from/>
            <DateFilter id="f-created-to" label=ct("filter-created-to") value=created_to/>
            <DateFilter id="f-completed-from" label=ct("filter-completed-from") value=completed_from/>
            <DateFilter id="f-completed-to" label=ct("filter-completed-to") value=completed_to/>
            <div class="cw-filter cw-filter--check">
                <input id="f-worklist" type="checkbox" data-testid="filter-worklist"
                    on:change=move |ev| worklist_only.set(event_target_checked(&ev))/>
                <label for="f-worklist">{ct("filter-worklist-only")}</label>
            </div>
            <div class="cw-filter cw-filter--actions">
                <button type="submit" class="button button--small" data-testid="filter-apply">{ct("filter-apply")}</button>
                <a class="button button--secondary button--small" data-testid="export-csv" download="people.csv"
                    href=move || query.with(api::people_export_url)>
                    {ct("export-csv")}
                </a>
            </div>
        </form>
        <Loaded resource=page view={move |p: kartlegg_shared::caseworker::PeoplePage| {
            let total = p.total;
            let paging = Paging::new(p.page, p.total, p.page_size, on_page);
            view! {
                <p role="status" class="cw-count" data-testid="people-count">
                    {move || ct1("people-count", "count", total)}
                </p>
                <Table label="people-title" testid="people-table" paging=paging head=move || view! {
                    {header(PeopleSort::Name, || ctr("col-name"))}
                    {header(PeopleSort::DufNumber, || ctr("col-duf"))}
                    {header(PeopleSort::DateOfBirth, || ctr("col-born"))}
                    {header(PeopleSort::State, || ctr("col-state"))}
                    {header(PeopleSort::CompletedAt, || ctr("col-completed"))}
                    <th scope="col">{ct("col-worklist")}</th>
                }>
                    {p.items.into_iter().map(|p| view! {
                        <tr data-testid="people-row" data-duf=p.duf_number.clone()>
                            <th scope="row"><a href=Route::Person(&p.id).path()>{format!("{}, {}", p.last_name, p.first_name)}</a></th>
                            <td class="cw-num">{p.duf_number.clone()}</td>
                            <td class="cw-num">{opt_date(p.date_of_birth.as_ref())}</td>
                            <td><StateTag state=p.state/></td>
                            <td class="cw-num">{p.completed_at.as_deref().map_or_else(|| "–".to_owned(), date)}</td>
                            <td>{if p.on_worklist { ct("yes").into_any() } else { ct("no").into_any() }}</td>
                        </tr>
                    }).collect_view()}
                </Table>
            }
        }}/>
    }
}

#[component]
fn DateFilter(
    id: &'static str,
    label: impl Fn() -> String + Send + Sync + 'static,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="cw-filter">
            <label for=id>{label}</label>
            <input id=id type="date" class="input cw-input--date" data-testid=id
                on:change=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}
