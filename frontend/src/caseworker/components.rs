//! Pieces the back-office pages share: the registration-state tag, dates,
//! error texts, a fetch's loading and error display, the table with its
//! pager, the confirmation dialog and sortable column headers.

use std::sync::Arc;

use kartlegg_shared::caseworker::{AuditAction, CodeStatus, RegistrationState, Role};
use kartlegg_shared::problem::ProblemKind;
use leptos::html;
use leptos::prelude::*;

use super::api::ApiError;
use super::app::load_error;
use super::i18n::{ct, ctr};

/// The translation key of a registration state.
pub const fn state_key(state: RegistrationState) -> &'static str {
    match state {
        RegistrationState::NoCode => "state-no-code",
        RegistrationState::CodeIssued => "state-code-issued",
        RegistrationState::InProgress => "state-in-progress",
        RegistrationState::Completed => "state-completed",
        RegistrationState::CompletedNewInProgress => "state-completed-new-in-progress",
        RegistrationState::Declined => "state-declined",
    }
}

/// A registration state as a coloured tag with text (never colour alone).
#[component]
pub fn StateTag(state: RegistrationState) -> impl IntoView {
    view! {
        <span class=format!("cw-tag cw-tag--{}", state.as_str()) data-testid="state-tag" data-state=state.as_str()>
            {ct(state_key(state))}
        </span>
    }
}

/// The translation key of a code status.
pub const fn code_status_key(status: CodeStatus) -> &'static str {
    match status {
        CodeStatus::Active => "code-status-active",
        CodeStatus::Expired => "code-status-expired",
        CodeStatus::UsedUp => "code-status-used-up",
        CodeStatus::Ended => "code-status-ended",
    }
}

/// The translation key of a role.
pub const fn role_key(role: Role) -> &'static str {
    match role {
        Role::Administrator => "role-administrator",
        Role::Reader => "role-reader",
        Role::Counsellor => "role-counsellor",
        Role::Statistics => "role-statistics",
        Role::Auditor => "role-auditor",
    }
}

/// The translation key of an audit action.
pub const fn action_key(action: AuditAction) -> &'static str {
    match action {
        AuditAction::Login => "action-login",
        AuditAction::Logout => "action-logout",
        AuditAction::Search => "action-search",
        AuditAction::List => "action-list",
        AuditAction::ReadPerson => "action-read-person",
        AuditAction::Export => "action-export",
        AuditAction::OutsideLookup => "action-outside-lookup",
        AuditAction::IssueCode => "action-issue-code",
        AuditAction::AddRemark => "action-add-remark",
        AuditAction::CorrectIdentity => "action-correct-identity",
        AuditAction::WorklistAdd => "action-worklist-add",
        AuditAction::WorklistRemove => "action-worklist-remove",
        AuditAction::AccountCreated => "action-account-created",
        AuditAction::RolesChanged => "action-roles-changed",
        AuditAction::AccountDisabled => "action-account-disabled",
        AuditAction::EndSessions => "action-end-sessions",
        AuditAction::LoginDelayCleared => "action-login-delay-cleared",
        AuditAction::ReadAccessLog => "action-read-access-log",
        AuditAction::IdentityRefused => "action-identity-refused",
        AuditAction::ApiClientCreated => "action-api-client-created",
        AuditAction::ApiClientChanged => "action-api-client-changed",
        AuditAction::ApiClientDisabled => "action-api-client-disabled",
        AuditAction::PersonCreated => "action-person-created",
        AuditAction::ReadRegistrations => "action-read-registrations",
    }
}

/// `YYYY-MM-DD` as `dd.mm.yyyy`, the way Norwegian offices write dates
/// (and the search box reads them).
pub fn date(iso: &str) -> String {
    let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    match parts.as_slice() {
        [y, m, d] => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
}

/// An RFC 3339 time in the browser's time zone as `dd.mm.yyyy hh:mm`.
pub fn time(rfc3339: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
    if d.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    format!(
        "{:02}.{:02}.{} {:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// An optional date, or a dash.
pub fn opt_date(iso: Option<&String>) -> String {
    iso.map_or_else(|| "–".to_owned(), |d| date(d))
}

/// What to tell the caseworker about an error that is not a field error.
pub fn error_text(error: &ApiError) -> String {
    match error.kind() {
        Some(ProblemKind::Unauthorized) => ctr("error-session"),
        Some(ProblemKind::Forbidden) => ctr("error-forbidden"),
        Some(ProblemKind::NotFound) => ctr("error-not-found"),
        Some(ProblemKind::TooManyRequests) => ctr("error-too-many"),
        Some(ProblemKind::Validation) => ctr("error-validation"),
        _ if *error == ApiError::Network => ctr("error-network"),
        _ => ctr("error-server"),
    }
}

/// The server's field error for `field`, in words, if there is one.
pub fn field_error(error: &ApiError, field: &str) -> Option<String> {
    let problem = error.problem()?;
    problem
        .errors
        .iter()
        .find(|e| e.field == field || e.field.trim_start_matches('/') == field)
        .map(|e| code_text(&e.code).unwrap_or_else(|| e.message.clone()))
}

/// Every field error of a validation problem, in words.
pub fn field_errors(error: &ApiError) -> Vec<String> {
    error.problem().map_or_else(Vec::new, |p| {
        p.errors
            .iter()
            .map(|e| code_text(&e.code).unwrap_or_else(|| e.message.clone()))
            .collect()
    })
}

/// The caseworker's words for a stable error code, the server's or a
/// shared parse's run in the browser.
pub fn code_text(code: &str) -> Option<String> {
    let key = match code {
        "empty_query" => "err-empty-query",
        "query_too_long" => "err-query-too-long",
        "invalid_number_length" => "err-number-length",
        "invalid_duf_number" => "err-duf-number",
        "invalid_national_id" => "err-national-id",
        "national_id_check_digits" => "err-national-id-check-digits",
        "invalid_registration_number" => "err-registration-number",
        "invalid_date" => "err-date",
        "invalid_name" => "err-name",
        "control_characters" => "err-control-characters",
        "totp_required" => "err-totp-required",
        "invalid_totp" | "totp_invalid" => "err-totp-invalid",
        "reason_too_short" | "reason_required" => "err-reason",
        "password_too_short" => "err-password-short",
        "password_common" | "common_password" => "err-password-common",
        "username_taken" => "err-username-taken",
        "invalid_username" => "err-username",
        "required" => "err-required",
        "invalid_length" => "err-remark-length",
        _ => return None,
    };
    Some(ctr(key))
}

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
                    <button type="submit" class="button" data-testid=format!("{testid}-confirm") disabled=move || busy.get()>
                        {move || confirm.get()}
                    </button>
                    <button type="button" class="button button--secondary" data-testid=format!("{testid}-cancel") on:click=move |_| open.set(false)>
                        {ct("cancel")}
                    </button>
                </div>
            </form>
        </dialog>
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

/// A fetch on a page: "loading" until the answer is in, then `view` of the
/// value. A failed fetch is thrown to an `ErrorBoundary`, which shows it
/// where the caseworker looks (under `title`, when given, the page's
/// heading) and leaves an ended session to the login page.
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
        <Transition fallback=|| view! { <p>{ct("loading")}</p> }>
            <ErrorBoundary fallback=move |errors| view! {
                {title.map(|key| view! { <h1>{ct(key)}</h1> })}
                {move || errors.with(|errors| {
                    errors.iter().find_map(|(_, e)| e.downcast_ref::<ApiError>().map(load_error))
                }).map(|m| view! { <p role="alert" class="field__error">{m}</p> })}
            }>
                {let body = body.clone(); move || body()}
            </ErrorBoundary>
        </Transition>
    }
    .into_any()
}

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
        <div class="cw-table-wrap" tabindex="0" role="region" aria-label=ct(label)>
            <table class="cw-table" class:cw-table--compact=compact data-testid=testid>
                <caption class:visually-hidden=!caption_shown>{ct(caption.unwrap_or(label))}</caption>
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
        <nav class="cw-pager" aria-label=ct("paging")>
            <button type="button" class="button button--secondary button--small" data-testid="page-prev"
                disabled={page <= 1} on:click=move |_| on_page.run(page - 1)>
                {ct("page-previous")}
            </button>
            <span data-testid="page-of">{move || {
                super::i18n::ctranslate("page-of", Some(&{
                    let mut a = super::i18n::Args::new();
                    a.set("page", page);
                    a.set("pages", pages.max(1));
                    a
                }))
            }}</span>
            <button type="button" class="button button--secondary button--small" data-testid="page-next"
                disabled={page >= pages} on:click=move |_| on_page.run(page + 1)>
                {ct("page-next")}
            </button>
        </nav>
    }
}

/// Moves keyboard focus to the element with this id (after a render).
pub fn focus_id(id: &str) {
    crate::components::layout::focus_id(id);
}
