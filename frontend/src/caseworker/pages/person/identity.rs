//! The person page's Identity section (UDI 2021-007): the registered
//! identity with country names in the caseworker's language, the preferred
//! citizenship marked, the source and reliability of each value; the
//! counsellor's form, which shows the shared parse's errors as they type;
//! duplicates and aliases; and the history of every change.

use std::collections::HashSet;

use kartlegg_shared::caseworker::{
    AliasInfo, AliasRequest, DuplicateInfo, DuplicateRequest, Gender, IdentityHistoryEntry,
    PersonPage as Page, Role,
};
use kartlegg_shared::codes::{CodeListId, shipped};
use kartlegg_shared::domain::Date;
use kartlegg_shared::fields::CountryCode;
use kartlegg_shared::identity::{
    Address, Alias, BirthDateReliability, BirthDateView, HistoryValue, MaritalStatusKind,
    UNKNOWN_PLACE, UnknownBirthParts, ValueSource,
};
use kartlegg_shared::problem::FieldError;
use leptos::prelude::*;

use super::identity_form::{IdentityForm, Known};
use crate::caseworker::api;
use crate::caseworker::app::load_error;
use crate::caseworker::components::{code_text, date, field_error, focus_id, time};
use crate::caseworker::i18n::{Args, ct, ct1, ctr, ctranslate, cw_lang};
use crate::caseworker::session::session;
use crate::core::confirm::ConfirmDialog;
use crate::core::table::Table;

/// Today in the browser, which no identity date may pass; `None` for a
/// clock outside the years a `Date` holds (the server still checks).
fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(
        u16::try_from(now.get_full_year()).ok()?,
        u8::try_from(now.get_month() + 1).ok()?,
        u8::try_from(now.get_date()).ok()?,
    )
    .ok()
}

/// A country's name in the caseworker's language, with its code; `XUK`
/// and `XXX` by their meaning.
pub fn country_name(code: &str) -> String {
    match code {
        CountryCode::UNKNOWN => ctr("country-unknown"),
        CountryCode::STATELESS => ctr("country-stateless"),
        _ => shipped(CodeListId::Countries).get(code).map_or_else(
            || code.to_owned(),
            |c| c.text.get(cw_lang().code()).to_owned(),
        ),
    }
}

/// The countries by name in the caseworker's language, for a select.
fn countries(with_stateless: bool) -> Vec<(String, String)> {
    let lang = cw_lang().code();
    let mut list: Vec<(String, String)> = shipped(CodeListId::Countries)
        .items
        .iter()
        .map(|c| (c.code.clone(), c.text.get(lang).to_owned()))
        .collect();
    list.sort_by(|a, b| a.1.cmp(&b.1));
    list.insert(0, (CountryCode::UNKNOWN.to_owned(), ctr("country-unknown")));
    if with_stateless {
        list.insert(
            1,
            (CountryCode::STATELESS.to_owned(), ctr("country-stateless")),
        );
    }
    list
}

fn source_key(s: ValueSource) -> &'static str {
    match s {
        ValueSource::TravelDocument => "source-travel-document",
        ValueSource::OtherDocument => "source-other-document",
        ValueSource::OwnStatement => "source-own-statement",
        ValueSource::None => "source-none",
    }
}

fn reliability_key(r: BirthDateReliability) -> &'static str {
    match r {
        BirthDateReliability::Documented => "reliability-documented",
        BirthDateReliability::Stated => "reliability-stated",
        BirthDateReliability::NotDocumented => "reliability-not-documented",
        BirthDateReliability::Fictitious => "reliability-fictitious",
    }
}

fn unknown_key(u: UnknownBirthParts) -> &'static str {
    match u {
        UnknownBirthParts::Day => "unknown-day",
        UnknownBirthParts::DayAndMonth => "unknown-day-month",
        UnknownBirthParts::DayMonthAndYear => "unknown-all",
    }
}

fn marital_key(m: MaritalStatusKind) -> &'static str {
    match m {
        MaritalStatusKind::Unmarried => "marital-unmarried",
        MaritalStatusKind::Married => "marital-married",
        MaritalStatusKind::Widowed => "marital-widowed",
        MaritalStatusKind::Divorced => "marital-divorced",
        MaritalStatusKind::Separated => "marital-separated",
        MaritalStatusKind::RegisteredPartner => "marital-registered-partner",
        MaritalStatusKind::SeparatedPartner => "marital-separated-partner",
        MaritalStatusKind::DivorcedPartner => "marital-divorced-partner",
        MaritalStatusKind::SurvivingPartner => "marital-surviving-partner",
    }
}

/// The words for an identity field's name in the history.
fn field_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "first_name" => "identity-first-name",
        "middle_name" => "identity-middle-name",
        "last_name" => "identity-last-name",
        "date_of_birth" => "col-born",
        "gender" => "identity-gender",
        "place_of_birth" => "identity-place-of-birth",
        "country_of_birth" => "identity-country-of-birth",
        "citizenships" => "identity-citizenships",
        "marital_status" => "identity-marital-status",
        "postal_address" => "identity-postal-address",
        "residence_address" => "identity-residence-address",
        "registration_number" => "identity-registration-number",
        "national_id" => "identity-national-id",
        "duplicates" => "identity-duplicates",
        "duplicate_of" => "identity-duplicate-of",
        "aliases" => "identity-aliases",
        _ => return None,
    })
}

/// A registered date as the caseworker reads dates (`00` parts kept).
fn birth_text(b: &BirthDateView) -> String {
    date(&b.date)
}

/// "VALUE since DATE".
fn since(value: String, from: &str) -> String {
    let mut args = Args::new();
    args.set("value", value);
    args.set("from", date(from));
    ctranslate("identity-since", Some(&args))
}

fn address_text(a: &Address) -> String {
    format!("{}, {} {}", a.street, a.postcode, a.post_town)
}

/// Citizenships as § 8 shows them: the preferred one first and marked when
/// there are several, the others in brackets; by name.
fn citizenships_text(codes: &[String], preferred: Option<&str>) -> String {
    let preferred = preferred.or_else(|| codes.first().map(String::as_str));
    codes
        .iter()
        .map(|c| {
            if Some(c.as_str()) == preferred && codes.len() > 1 {
                ct1("identity-preferred", "country", country_name(c))
            } else if codes.len() > 1 {
                format!("({})", country_name(c))
            } else {
                country_name(c)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A registered date of birth with its reliability and unknown parts.
fn birth_view_text(b: &BirthDateView) -> String {
    let mut text = birth_text(b);
    if let Some(r) = b.reliability {
        text.push_str(&format!(" · {}", ctr(reliability_key(r))));
    }
    if let Some(u) = b.unknown {
        text.push_str(&format!(" · {}", ctr(unknown_key(u))));
    }
    text
}

fn place_text(place: &str) -> String {
    if place == UNKNOWN_PLACE {
        ctr("place-unknown")
    } else {
        place.to_owned()
    }
}

fn gender_text(gender: Gender) -> String {
    match gender {
        Gender::Male => ctr("gender-male"),
        Gender::Female => ctr("gender-female"),
    }
}

/// A history value in the caseworker's language, as the identity above
/// shows the same value.
fn history_text(value: &HistoryValue) -> String {
    match value {
        HistoryValue::Text { text } => text.clone(),
        HistoryValue::Place { place } => place_text(place),
        HistoryValue::Country { code } => country_name(code),
        HistoryValue::Citizenships { codes, preferred } => {
            citizenships_text(codes, preferred.as_deref())
        }
        HistoryValue::BirthDate(b) => birth_view_text(b),
        HistoryValue::Gender { gender } => gender_text(*gender),
        HistoryValue::MaritalStatus(m) => since(ctr(marital_key(m.status)), &m.from),
        HistoryValue::Address(a) => since(address_text(a), &a.from),
        HistoryValue::Alias {
            first_name,
            middle_name,
            last_name,
            date_of_birth,
            citizenship,
        } => {
            let mut text = format!("{last_name}, {first_name}");
            if let Some(m) = middle_name {
                text.push_str(&format!(" {m}"));
            }
            if let Some(d) = date_of_birth {
                text.push_str(&format!(", {}", date(d)));
            }
            if let Some(c) = citizenship {
                text.push_str(&format!(", {}", country_name(c)));
            }
            text
        }
    }
}

/// One side of a history row: the value as data in the caseworker's
/// language; a row written before values were kept as data shows its text.
fn history_side(data: Option<&HistoryValue>, text: Option<String>) -> String {
    data.map(history_text)
        .or(text)
        .unwrap_or_else(|| "–".to_owned())
}

/// A value with its source beside it.
#[component]
fn Fact(
    label: &'static str,
    value: String,
    /// Shown when recorded.
    #[prop(default = None)]
    source: Option<ValueSource>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    view! {
        <div>
            <dt>{ct(label)}</dt>
            <dd data-testid=testid>
                {if value.is_empty() { "–".to_owned() } else { value }}
                {source.map(|s| view! {
                    <span class="cw-source" data-testid="source">{move || ct1("identity-source", "source", ctr(source_key(s)))}</span>
                })}
            </dd>
        </div>
    }
}

#[component]
pub fn IdentitySection(page: Page, reload: Callback<()>) -> impl IntoView {
    let s = session();
    let ident = page.identity.clone();
    let d = ident.details.clone();
    let src = d.sources.clone();
    let is_duplicate = page.duplicate_of.is_some();
    let can_edit = move || s.has(Role::Counsellor) && !is_duplicate;
    let editing = RwSignal::new(false);
    // § 8: the preferred citizenship first, the others in brackets.
    let citizenships = citizenships_text(&ident.citizenships, d.preferred_citizenship.as_deref());
    let birth = d.birth_date.as_ref().map_or_else(
        || ident.date_of_birth.as_deref().map(date).unwrap_or_default(),
        birth_view_text,
    );
    let place = [
        d.place_of_birth.as_deref().map(place_text),
        d.country_of_birth.as_deref().map(country_name),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let marital = d
        .marital_status
        .as_ref()
        .map(|m| since(ctr(marital_key(m.status)), &m.from))
        .unwrap_or_default();
    let gender = ident.gender.map(gender_text).unwrap_or_default();
    let postal = d
        .postal_address
        .as_ref()
        .map(|a| since(address_text(a), &a.from))
        .unwrap_or_default();
    let residence = d
        .residence_address
        .as_ref()
        .map(|a| since(address_text(a), &a.from))
        .unwrap_or_default();
    let person_id = ident.id.clone();
    let editor_identity = ident.clone();
    view! {
        {page.duplicate_of.clone().map(|a| view! {
            <div class="panel panel--warning" role="note" data-testid="duplicate-of">
                <p>{ct1("identity-is-duplicate", "duf", a.duf_number.clone())}" "
                    <a href=format!("/caseworker/people/{}", a.id)>{ct("identity-open-active")}</a></p>
            </div>
        })}
        <dl class="cw-facts" data-testid="identity">
            <Fact label="identity-first-name" value=ident.first_name.clone() source=src.name testid="identity-first-name"/>
            <Fact label="identity-middle-name" value=d.middle_name.clone().unwrap_or_default()/>
            <Fact label="identity-last-name" value=ident.last_name.clone() source=src.name testid="identity-last-name"/>
            <Fact label="col-born" value=birth testid="identity-birth" source=src.birth_date/>
            <Fact label="identity-place-of-birth" value=place testid="identity-place" source=src.place_of_birth/>
            <Fact label="identity-citizenships" value=citizenships testid="identity-citizenships" source=src.citizenships/>
            <Fact label="identity-gender" value=gender source=src.gender/>
            <Fact label="identity-marital-status" value=marital testid="identity-marital" source=src.marital_status/>
            <Fact label="identity-postal-address" value=postal testid="identity-postal" source=src.postal_address/>
            <Fact label="identity-residence-address" value=residence source=src.residence_address/>
            <Fact label="col-duf" value=ident.duf_number.clone()/>
            <Fact label="identity-registration-number" value=ident.registration_number.clone().unwrap_or_default()/>
            <Fact label="identity-national-id" value=ident.national_id.clone().unwrap_or_default()/>
        </dl>
        <Show when=move || can_edit() && !editing.get()>
            <button type="button" class="button button--secondary" data-testid="identity-edit"
                on:click=move |_| { editing.set(true); focus_id("identity-form"); }>
                {ct("identity-edit")}
            </button>
        </Show>
        <Show when=move || editing.get()>
            <IdentityEditor identity=editor_identity.clone() person=person_id.clone() editing=editing reload=reload/>
        </Show>

        <h3>{ct("identity-duplicates")}</h3>
        <Duplicates person=ident.id.clone() initial=page.duplicates.clone() can_edit=Signal::derive(can_edit) reload=reload/>
        <h3>{ct("identity-aliases")}</h3>
        <Aliases person=ident.id.clone() initial=page.aliases.clone() can_edit=Signal::derive(can_edit) reload=reload/>
        <h3>{ct("identity-history")}</h3>
        <History entries=page.identity_history.clone()/>
    }
}

/// The form's signals, shared by its fields.
#[derive(Clone, Copy)]
struct Editor {
    form: RwSignal<IdentityForm>,
    touched: RwSignal<HashSet<String>>,
    submitted: RwSignal<bool>,
    server: RwSignal<Vec<FieldError>>,
    errors: Memo<Vec<FieldError>>,
}

impl Editor {
    /// The words for `field`'s error, once the field was typed in (or the
    /// form was sent): the browser's parse first, then the server's answer.
    fn error(self, field: &'static str) -> impl Fn() -> Option<String> + Copy {
        move || {
            let shown = self.submitted.get() || self.touched.with(|t| t.contains(field));
            if !shown {
                return None;
            }
            let pick = |errors: &[FieldError]| {
                // Ids write the server's `a.b` as `a-b`; a list's rows are
                // shown at the list (`citizenships[1]` at `citizenships`).
                errors
                    .iter()
                    .find(|e| {
                        let f = e.field.replace('.', "-");
                        f == field || f.starts_with(&format!("{field}["))
                    })
                    .map(|e| code_text(&e.code).unwrap_or_else(|| e.message.clone()))
            };
            self.errors
                .with(|e| pick(e))
                .or_else(|| self.server.with(|e| pick(e)))
        }
    }

    fn touch(self, field: &str) {
        self.touched.update(|t| {
            t.insert(field.to_owned());
        });
        self.server.set(Vec::new());
    }
}

/// A text input bound to one field of the form.
#[component]
fn TextInput(
    editor: Editor,
    id: &'static str,
    label: &'static str,
    get: fn(&IdentityForm) -> String,
    set: fn(&mut IdentityForm, String),
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] input_type: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let error = editor.error(id);
    let described = move || {
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push(format!("{id}-hint"));
        }
        if error().is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <label for=id class="field__label">{ct(label)}</label>
            {hint.map(|h| view! { <p class="field__hint" id=format!("{id}-hint")>{ct(h)}</p> })}
            {move || error().map(|m| view! { <p class="field__error" id=format!("{id}-error") data-testid=format!("error-{id}")>{m}</p> })}
            <input id=id type=input_type.unwrap_or("text") class="input" data-testid=format!("input-{id}")
                inputmode=inputmode
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=described
                prop:value=move || editor.form.with(get)
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    editor.form.update(|f| set(f, value));
                    editor.touch(id);
                }/>
        </div>
    }
}

/// A select bound to one field of the form; `options` are (value, words).
#[component]
fn SelectInput(
    editor: Editor,
    id: &'static str,
    label: &'static str,
    get: fn(&IdentityForm) -> String,
    set: fn(&mut IdentityForm, String),
    options: Vec<(String, String)>,
) -> impl IntoView {
    let error = editor.error(id);
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <label for=id class="field__label">{ct(label)}</label>
            {move || error().map(|m| view! { <p class="field__error" id=format!("{id}-error") data-testid=format!("error-{id}")>{m}</p> })}
            <select id=id class="cw-select" data-testid=format!("input-{id}")
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=move || error().is_some().then(|| format!("{id}-error"))
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    editor.form.update(|f| set(f, value));
                    editor.touch(id);
                }>
                <option value="" selected=move || editor.form.with(get).is_empty()>{ct("choose")}</option>
                {options.into_iter().map(|(value, words)| {
                    let v = value.clone();
                    view! { <option value=value selected=move || editor.form.with(get) == v>{words}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

fn source_options() -> Vec<(String, String)> {
    ValueSource::ALL
        .into_iter()
        .map(|s| (s.as_str().to_owned(), ctr(source_key(s))))
        .collect()
}

#[component]
fn IdentityEditor(
    identity: kartlegg_shared::caseworker::PersonIdentity,
    person: String,
    editing: RwSignal<bool>,
    reload: Callback<()>,
) -> impl IntoView {
    let form = RwSignal::new(IdentityForm::of(&identity));
    let today = today();
    let errors = Memo::new(move |_| {
        today
            .map(|t| form.with(|f| f.errors(t)))
            .unwrap_or_default()
    });
    let editor = Editor {
        form,
        touched: RwSignal::new(HashSet::new()),
        submitted: RwSignal::new(false),
        server: RwSignal::new(Vec::new()),
        errors,
    };
    let status = RwSignal::new(None::<String>);
    let save = Action::new_local(
        move |update: &kartlegg_shared::caseworker::IdentityUpdate| {
            let person = person.clone();
            let update = update.clone();
            async move {
                match api::correct_identity(&person, &update).await {
                    Ok(_) => {
                        editing.set(false);
                        reload.run(());
                    }
                    Err(e) => {
                        let fields = e.problem().map(|p| p.errors.clone()).unwrap_or_default();
                        if fields.is_empty() {
                            status.set(Some(load_error(&e)));
                        }
                        editor.server.set(fields);
                    }
                }
            }
        },
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        editor.submitted.set(true);
        // The server's own rules, run here first (shared::identity).
        if let Some(first) = errors.with_untracked(|e| e.first().map(|e| e.field.clone())) {
            status.set(Some(ctr("identity-fix-errors")));
            focus_id(&first.replace('.', "-"));
            return;
        }
        match form.with_untracked(IdentityForm::update) {
            Ok(update) => {
                status.set(None);
                save.dispatch(update);
            }
            Err(_) => status.set(Some(ctr("identity-fix-errors"))),
        }
    };
    let known_options: Vec<(String, String)> = Known::ALL
        .into_iter()
        .filter(|k| *k != Known::None)
        .map(|k| (k.as_str().to_owned(), ctr(&format!("known-{}", k.as_str()))))
        .collect();
    let reliability_options = || -> Vec<(String, String)> {
        [
            BirthDateReliability::Documented,
            BirthDateReliability::Stated,
            BirthDateReliability::NotDocumented,
        ]
        .into_iter()
        .map(|r| (r.as_str().to_owned(), ctr(reliability_key(r))))
        .collect()
    };
    let marital_options: Vec<(String, String)> = MaritalStatusKind::ALL
        .into_iter()
        .map(|m| (m.as_str().to_owned(), ctr(marital_key(m))))
        .collect();
    let known = move || form.with(|f| f.known);
    let preview = move || {
        today
            .and_then(|t| form.with(|f| f.birth_preview(t)))
            .map(|b| {
                let mut text = birth_text(&b);
                if let Some(r) = b.reliability {
                    text.push_str(&format!(" · {}", ctr(reliability_key(r))));
                }
                text
            })
    };
    let citizenship_error = editor.error("citizenships");
    let preferred_error = editor.error("preferred_citizenship");
    let citizen_source_error = editor.error("citizenship_source");
    view! {
        <form id="identity-form" tabindex="-1" class="form cw-identity-form" on:submit=submit novalidate data-testid="identity-form">
            <h3>{ct("identity-edit")}</h3>
            <fieldset class="cw-fieldset">
                <legend>{ct("identity-names")}</legend>
                <p class="field__hint">{ct("identity-names-hint")}</p>
                <TextInput editor=editor id="first_name" label="identity-first-name" get=|f| f.first_name.clone() set=|f, v| f.first_name = v/>
                <TextInput editor=editor id="middle_name" label="identity-middle-name" get=|f| f.middle_name.clone() set=|f, v| f.middle_name = v/>
                <TextInput editor=editor id="last_name" label="identity-last-name" get=|f| f.last_name.clone() set=|f, v| f.last_name = v/>
                <SelectInput editor=editor id="name_source" label="identity-source-of" get=|f| f.name_source.clone() set=|f, v| f.name_source = v options=source_options()/>
            </fieldset>
            <fieldset class="cw-fieldset">
                <legend>{ct("col-born")}</legend>
                <SelectInput editor=editor id="birth_known" label="birth-known" get=|f| match f.known { Known::None => String::new(), k => k.as_str().to_owned() } set=|f, v| f.known = Known::from_str(&v) options=known_options/>
                <Show when=move || known() != Known::None>
                    <div class="cw-date-parts">
                        <TextInput editor=editor id="birth_date-year" label="birth-year" inputmode="numeric" get=|f| f.year.clone() set=|f, v| f.year = v/>
                        <Show when=move || matches!(known(), Known::Full | Known::MonthYear)>
                            <TextInput editor=editor id="birth_date-month" label="birth-month" inputmode="numeric" get=|f| f.month.clone() set=|f, v| f.month = v/>
                        </Show>
                        <Show when=move || known() == Known::Full>
                            <TextInput editor=editor id="birth_date-day" label="birth-day" hint="birth-zero-hint" inputmode="numeric" get=|f| f.day.clone() set=|f, v| f.day = v/>
                        </Show>
                    </div>
                    <Show when=move || known() == Known::Full fallback=move || view! {
                        <TextInput editor=editor id="birth_date-case_opened_on" label="birth-case-opened" hint="birth-case-opened-hint" input_type="date" get=|f| f.case_opened_on.clone() set=|f, v| f.case_opened_on = v/>
                    }>
                        <SelectInput editor=editor id="birth_date-reliability" label="birth-reliability" get=|f| f.reliability.clone() set=|f, v| f.reliability = v options=reliability_options()/>
                    </Show>
                    <SelectInput editor=editor id="birth_source" label="identity-source-of" get=|f| f.birth_source.clone() set=|f, v| f.birth_source = v options=source_options()/>
                    <p class="cw-preview" role="status" data-testid="birth-preview">
                        {move || preview().map(|p| ct1("birth-preview", "date", p))}
                    </p>
                </Show>
            </fieldset>
            <fieldset class="cw-fieldset">
                <legend>{ct("identity-place-of-birth")}</legend>
                <TextInput editor=editor id="place_of_birth" label="identity-place" hint="place-hint" get=|f| f.place_of_birth.clone() set=|f, v| f.place_of_birth = v/>
                <SelectInput editor=editor id="country_of_birth" label="identity-country-of-birth" get=|f| f.country_of_birth.clone() set=|f, v| f.country_of_birth = v options=countries(false)/>
                <SelectInput editor=editor id="place_source" label="identity-source-of" get=|f| f.place_source.clone() set=|f, v| f.place_source = v options=source_options()/>
            </fieldset>
            <fieldset class="cw-fieldset" data-testid="citizenships-fieldset">
                <legend>{ct("identity-citizenships")}</legend>
                <p class="field__hint">{ct("citizenships-hint")}</p>
                {move || citizenship_error().map(|m| view! { <p class="field__error" data-testid="error-citizenships">{m}</p> })}
                {move || preferred_error().map(|m| view! { <p class="field__error" data-testid="error-preferred_citizenship">{m}</p> })}
                <ul class="cw-citizenships">
                    {move || (0..form.with(|f| f.citizenships.len())).map(|i| {
                        let code = move || form.with(|f| f.citizenships.get(i).cloned().unwrap_or_default());
                        let select_id = format!("citizenship-{i}");
                        view! {
                            <li class="cw-citizenship" data-testid="citizenship-row">
                                <label for=select_id.clone() class="visually-hidden">{move || ct1("citizenship-n", "n", i + 1)}</label>
                                <select id=select_id class="cw-select" data-testid="citizenship-select"
                                    on:change=move |ev| {
                                        let value = event_target_value(&ev);
                                        form.update(|f| if let Some(c) = f.citizenships.get_mut(i) { *c = value; });
                                        editor.touch("citizenships");
                                    }>
                                    <option value="" selected=move || code().is_empty()>{ct("choose")}</option>
                                    {countries(true).into_iter().map(|(value, words)| {
                                        let v = value.clone();
                                        view! { <option value=value selected=move || code() == v>{words}</option> }
                                    }).collect_view()}
                                </select>
                                <label class="cw-radio">
                                    <input type="radio" name="preferred" data-testid="citizenship-preferred"
                                        prop:checked=move || { let c = code(); !c.is_empty() && form.with(|f| f.preferred == c) }
                                        on:change=move |_| { let c = code(); form.update(|f| f.preferred = c); editor.touch("preferred_citizenship"); }/>
                                    {ct("citizenship-preferred")}
                                </label>
                                <button type="button" class="link-button" data-testid="citizenship-remove"
                                    aria-label=move || ct1("citizenship-remove-n", "n", i + 1)
                                    on:click=move |_| { form.update(|f| { if i < f.citizenships.len() { f.citizenships.remove(i); } }); editor.touch("citizenships"); }>
                                    {ct("citizenship-remove")}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="button" class="button button--secondary button--small" data-testid="citizenship-add"
                    on:click=move |_| form.update(|f| f.citizenships.push(String::new()))>
                    {ct("citizenship-add")}
                </button>
                {move || citizen_source_error().map(|m| view! { <p class="field__error" data-testid="error-citizenship_source">{m}</p> })}
                <SelectInput editor=editor id="citizenship_source" label="identity-source-of" get=|f| f.citizenship_source.clone() set=|f, v| f.citizenship_source = v options=source_options()/>
            </fieldset>
            <fieldset class="cw-fieldset">
                <legend>{ct("identity-gender")}</legend>
                <SelectInput editor=editor id="gender" label="identity-gender" get=|f| f.gender.clone() set=|f, v| f.gender = v
                    options=vec![("male".to_owned(), ctr("gender-male")), ("female".to_owned(), ctr("gender-female"))]/>
                <SelectInput editor=editor id="gender_source" label="identity-source-of" get=|f| f.gender_source.clone() set=|f, v| f.gender_source = v options=source_options()/>
            </fieldset>
            <fieldset class="cw-fieldset">
                <legend>{ct("identity-marital-status")}</legend>
                <SelectInput editor=editor id="marital_status" label="identity-marital-status" get=|f| f.marital_status.clone() set=|f, v| f.marital_status = v options=marital_options/>
                <TextInput editor=editor id="marital_status-from" label="identity-from" input_type="date" get=|f| f.marital_from.clone() set=|f, v| f.marital_from = v/>
                <SelectInput editor=editor id="marital_source" label="identity-source-of" get=|f| f.marital_source.clone() set=|f, v| f.marital_source = v options=source_options()/>
            </fieldset>
            <fieldset class="cw-fieldset">
                <legend>{ct("identity-postal-address")}</legend>
                <TextInput editor=editor id="postal_address-street" label="address-street" get=|f| f.postal.street.clone() set=|f, v| f.postal.street = v/>
                <TextInput editor=editor id="postal_address-postcode" label="address-postcode" inputmode="numeric" get=|f| f.postal.postcode.clone() set=|f, v| f.postal.postcode = v/>
                <TextInput editor=editor id="postal_address-post_town" label="address-post-town" get=|f| f.postal.post_town.clone() set=|f, v| f.postal.post_town = v/>
                <TextInput editor=editor id="postal_address-from" label="identity-from" input_type="date" get=|f| f.postal.from.clone() set=|f, v| f.postal.from = v/>
                <SelectInput editor=editor id="postal_source" label="identity-source-of" get=|f| f.postal_source.clone() set=|f, v| f.postal_source = v options=source_options()/>
            </fieldset>
            <fieldset class="cw-fieldset">
                <legend>{ct("identity-residence-address")}</legend>
                <p class="field__hint">{ct("residence-hint")}</p>
                <TextInput editor=editor id="residence_address-street" label="address-street" get=|f| f.residence.street.clone() set=|f, v| f.residence.street = v/>
                <TextInput editor=editor id="residence_address-postcode" label="address-postcode" inputmode="numeric" get=|f| f.residence.postcode.clone() set=|f, v| f.residence.postcode = v/>
                <TextInput editor=editor id="residence_address-post_town" label="address-post-town" get=|f| f.residence.post_town.clone() set=|f, v| f.residence.post_town = v/>
                <TextInput editor=editor id="residence_address-from" label="identity-from" input_type="date" get=|f| f.residence.from.clone() set=|f, v| f.residence.from = v/>
                <SelectInput editor=editor id="residence_source" label="identity-source-of" get=|f| f.residence_source.clone() set=|f, v| f.residence_source = v options=source_options()/>
            </fieldset>
            <fieldset class="cw-fieldset">
                <legend>{ct("identity-numbers")}</legend>
                <TextInput editor=editor id="registration_number" label="identity-registration-number" inputmode="numeric" get=|f| f.registration_number.clone() set=|f, v| f.registration_number = v/>
                <TextInput editor=editor id="national_id" label="identity-national-id" inputmode="numeric" get=|f| f.national_id.clone() set=|f, v| f.national_id = v/>
            </fieldset>
            <TextInput editor=editor id="reason" label="identity-reason" hint="identity-reason-hint" get=|f| f.reason.clone() set=|f, v| f.reason = v/>
            <p role="status" class="cw-status" data-testid="identity-status">{move || status.get()}</p>
            <div class="cw-form-actions">
                <button type="submit" class="button" data-testid="identity-save" disabled=move || save.pending().get()>{ct("identity-save")}</button>
                <button type="button" class="button button--secondary" data-testid="identity-cancel" on:click=move |_| editing.set(false)>{ct("cancel")}</button>
            </div>
        </form>
    }
}

#[component]
fn Duplicates(
    person: String,
    initial: Vec<DuplicateInfo>,
    can_edit: Signal<bool>,
    reload: Callback<()>,
) -> impl IntoView {
    let duf = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let person_for_removal = person.clone();
    let link = Action::new_local(move |request: &DuplicateRequest| {
        let person = person.clone();
        let request = request.clone();
        async move {
            match api::link_duplicate(&person, &request).await {
                Ok(_) => reload.run(()),
                Err(e) => error.set(Some(
                    e.problem()
                        .and_then(|p| p.errors.first().cloned())
                        .map(|f| code_text(&f.code).unwrap_or(f.message))
                        .unwrap_or_else(|| match e.kind() {
                            Some(kartlegg_shared::problem::ProblemKind::Conflict) => {
                                ctr("duplicate-conflict")
                            }
                            Some(kartlegg_shared::problem::ProblemKind::NotFound) => {
                                ctr("duplicate-not-found")
                            }
                            _ => load_error(&e),
                        }),
                )),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        link.dispatch(DuplicateRequest {
            duf_number: duf.get_untracked(),
            reason: reason.get_untracked(),
        });
    };
    let removal = RemovalState::new();
    view! {
        {if initial.is_empty() {
            view! { <p data-testid="duplicates-none">{ct("duplicates-none")}</p> }.into_any()
        } else {
            view! {
                <ul data-testid="duplicates">
                    {initial.into_iter().map(|d| {
                        let target = Removal { id: d.person.id.clone(), label: d.person.duf_number.clone() };
                        view! {
                            <li data-testid="duplicate">
                                <a class="cw-num" href=format!("/caseworker/people/{}", d.person.id)>{d.person.duf_number.clone()}</a>
                                {format!(" · {} · {} · {}", d.linked_by, time(&d.linked_at), d.reason)}
                                <RemoveButton kind=LinkKind::Duplicate target=target state=removal can_edit=can_edit/>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <RemoveDialog person=person_for_removal kind=LinkKind::Duplicate state=removal reload=reload/>
        <Show when=move || can_edit.get()>
            <form class="form cw-inline-form" on:submit=submit novalidate data-testid="duplicate-form">
                <p class="field__hint">{ct("duplicate-hint")}</p>
                {move || error.get().map(|m| view! { <p class="field__error" role="alert" data-testid="duplicate-error">{m}</p> })}
                <div class="field">
                    <label for="duplicate-duf" class="field__label">{ct("duplicate-duf")}</label>
                    <input id="duplicate-duf" class="input" inputmode="numeric" data-testid="duplicate-duf"
                        prop:value=move || duf.get() on:input=move |ev| duf.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="duplicate-reason" class="field__label">{ct("identity-reason")}</label>
                    <input id="duplicate-reason" class="input" data-testid="duplicate-reason"
                        prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button button--secondary" data-testid="duplicate-link">{ct("duplicate-link")}</button>
            </form>
        </Show>
    }
}

/// The alias form's values, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct AliasForm {
    first: String,
    last: String,
    born: String,
    citizenship: String,
    reason: String,
}

impl AliasForm {
    fn request(&self) -> AliasRequest {
        AliasRequest {
            first_name: self.first.clone(),
            middle_name: None,
            last_name: self.last.clone(),
            date_of_birth: (!self.born.is_empty()).then(|| self.born.clone()),
            citizenship: (!self.citizenship.is_empty()).then(|| self.citizenship.clone()),
            reason: self.reason.clone(),
        }
    }

    /// The server's rules, run here first (shared::identity::Alias).
    fn errors(&self, today: Date) -> Vec<FieldError> {
        let r = self.request();
        let mut errors = Alias::parse(
            &r.first_name,
            None,
            &r.last_name,
            r.date_of_birth.as_deref(),
            r.citizenship.as_deref(),
            today,
        )
        .err()
        .unwrap_or_default();
        if self.reason.trim().is_empty() {
            errors.push(FieldError::new("reason", "reason_required", "Say why"));
        }
        errors
    }
}

#[component]
fn Aliases(
    person: String,
    initial: Vec<AliasInfo>,
    can_edit: Signal<bool>,
    reload: Callback<()>,
) -> impl IntoView {
    let person_for_removal = person.clone();
    let removal = RemovalState::new();
    let form = RwSignal::new(AliasForm::default());
    let touched = RwSignal::new(HashSet::<&'static str>::new());
    let submitted = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let today = today();
    let errors = Memo::new(move |_| {
        today
            .map(|t| form.with(|f| f.errors(t)))
            .unwrap_or_default()
    });
    let error = move |field: &'static str| {
        move || {
            (submitted.get() || touched.with(|t| t.contains(field)))
                .then(|| {
                    errors.with(|e| {
                        e.iter()
                            .find(|e| e.field == field)
                            .map(|e| code_text(&e.code).unwrap_or_else(|| e.message.clone()))
                    })
                })
                .flatten()
        }
    };
    let add = Action::new_local(move |request: &AliasRequest| {
        let person = person.clone();
        let request = request.clone();
        async move {
            match api::add_alias(&person, &request).await {
                Ok(_) => reload.run(()),
                Err(e) => status.set(Some(
                    e.problem()
                        .and_then(|p| p.errors.first().cloned())
                        .map(|f| code_text(&f.code).unwrap_or(f.message))
                        .unwrap_or_else(|| load_error(&e)),
                )),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        if let Some(first) = errors.with_untracked(|e| e.first().map(|e| e.field.clone())) {
            focus_id(&format!("alias-{first}"));
            return;
        }
        status.set(None);
        add.dispatch(form.with_untracked(AliasForm::request));
    };
    let field = move |id: &'static str,
                      key: &'static str,
                      input_type: &'static str,
                      get: fn(&AliasForm) -> String,
                      set: fn(&mut AliasForm, String)| {
        let err = error(id);
        let input_id = format!("alias-{id}");
        view! {
            <div class="field" class:field--error=move || err().is_some()>
                <label for=input_id.clone() class="field__label">{ct(key)}</label>
                {move || err().map(|m| view! { <p class="field__error" id=format!("alias-{id}-error") data-testid=format!("alias-error-{id}")>{m}</p> })}
                <input id=input_id type=input_type class="input" data-testid=format!("alias-{id}")
                    aria-invalid=move || err().is_some().then_some("true")
                    aria-describedby=move || err().is_some().then(|| format!("alias-{id}-error"))
                    prop:value=move || form.with(get)
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        form.update(|f| set(f, value));
                        touched.update(|t| { t.insert(id); });
                    }/>
            </div>
        }
    };
    let citizenship_error = error("citizenship");
    view! {
        {if initial.is_empty() {
            view! { <p data-testid="aliases-none">{ct("aliases-none")}</p> }.into_any()
        } else {
            view! {
                <ul data-testid="aliases">
                    {initial.into_iter().map(|a| {
                        let target = Removal { id: a.id.clone(), label: format!("{}, {}", a.last_name, a.first_name) };
                        let mut text = format!("{}, {}", a.last_name, a.first_name);
                        if let Some(d) = &a.date_of_birth { text.push_str(&format!(" · {}", date(d))); }
                        if let Some(c) = &a.citizenship { text.push_str(&format!(" · {}", country_name(c))); }
                        view! {
                            <li data-testid="alias">
                                {text}<span class="cw-muted">{format!(" · {} · {}", a.created_by, a.reason)}</span>
                                <RemoveButton kind=LinkKind::Alias target=target state=removal can_edit=can_edit/>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <RemoveDialog person=person_for_removal kind=LinkKind::Alias state=removal reload=reload/>
        <Show when=move || can_edit.get()>
            <form class="form cw-inline-form" on:submit=submit novalidate data-testid="alias-form">
                <p class="field__hint">{ct("alias-hint")}</p>
                {move || status.get().map(|m| view! { <p class="field__error" role="alert" data-testid="alias-error">{m}</p> })}
                {field("first_name", "identity-first-name", "text", |f| f.first.clone(), |f, v| f.first = v)}
                {field("last_name", "identity-last-name", "text", |f| f.last.clone(), |f, v| f.last = v)}
                {field("date_of_birth", "col-born", "date", |f| f.born.clone(), |f, v| f.born = v)}
                <div class="field" class:field--error=move || citizenship_error().is_some()>
                    <label for="alias-citizenship" class="field__label">{ct("alias-citizenship")}</label>
                    {move || citizenship_error().map(|m| view! { <p class="field__error">{m}</p> })}
                    <select id="alias-citizenship" class="cw-select" data-testid="alias-citizenship"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            form.update(|f| f.citizenship = value);
                            touched.update(|t| { t.insert("citizenship"); });
                        }>
                        <option value="" selected=move || form.with(|f| f.citizenship.is_empty())>{ct("choose")}</option>
                        {countries(true).into_iter().map(|(value, words)| view! { <option value=value>{words}</option> }).collect_view()}
                    </select>
                </div>
                {field("reason", "identity-reason", "text", |f| f.reason.clone(), |f, v| f.reason = v)}
                <button type="submit" class="button button--secondary" data-testid="alias-add">{ct("alias-add")}</button>
            </form>
        </Show>
    }
}

/// A duplicate link or an alias being undone: its id and how the dialog
/// names it (the duplicate's DUF-number, the alias's name).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Removal {
    id: String,
    label: String,
}

/// The state of one list's removal dialog: which row, whether open, the
/// reason typed and the error. The row's button sets them all when it
/// opens the dialog, so that nothing needs to react to the dialog closing.
#[derive(Clone, Copy)]
struct RemovalState {
    removing: RwSignal<Option<Removal>>,
    open: RwSignal<bool>,
    reason: RwSignal<String>,
    error: RwSignal<Option<String>>,
}

impl RemovalState {
    fn new() -> Self {
        Self {
            removing: RwSignal::new(None),
            open: RwSignal::new(false),
            reason: RwSignal::new(String::new()),
            error: RwSignal::new(None),
        }
    }
}

/// Which of the two a removal undoes, with its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LinkKind {
    Duplicate,
    Alias,
}

impl LinkKind {
    /// The button's text, its accessible name (the text and whom it is
    /// about), the dialog's title and explanation, and the test id.
    fn words(
        self,
    ) -> (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    ) {
        match self {
            Self::Duplicate => (
                "duplicate-unlink",
                "duplicate-unlink-label",
                "duplicate-unlink-title",
                "duplicate-unlink-explain",
                "unlink",
            ),
            Self::Alias => (
                "alias-remove",
                "alias-remove-label",
                "alias-remove-title",
                "alias-remove-explain",
                "alias-remove",
            ),
        }
    }
}

/// The button on a duplicate's or an alias's row that opens the
/// confirmation; counsellors only, and not on a duplicate's page.
#[component]
fn RemoveButton(
    kind: LinkKind,
    target: Removal,
    state: RemovalState,
    can_edit: Signal<bool>,
) -> impl IntoView {
    let (text, label, _, _, testid) = kind.words();
    let name = ct1(label, "name", target.label.clone());
    view! {
        <Show when=move || can_edit.get()>
            {
                let target = target.clone();
                view! {
                    <button type="button" class="button button--secondary cw-link-remove"
                        aria-label=name.clone() data-testid=format!("{testid}-open")
                        on:click=move |_| {
                            state.removing.set(Some(target.clone()));
                            state.reason.set(String::new());
                            state.error.set(None);
                            state.open.set(true);
                            focus_id(&format!("{testid}-reason"));
                        }>
                        {ct(text)}
                    </button>
                }
            }
        </Show>
    }
}

/// The confirmation of an undone duplicate link or a removed alias, with
/// the reason the identity history keeps.
#[component]
fn RemoveDialog(
    person: String,
    kind: LinkKind,
    state: RemovalState,
    reload: Callback<()>,
) -> impl IntoView {
    let (_, _, title, explain, testid) = kind.words();
    let RemovalState {
        removing,
        open,
        reason,
        error,
    } = state;
    let reason_id = format!("{testid}-reason");
    let remove = Action::new_local(move |(target, text): &(Removal, String)| {
        let (person, target, text) = (person.clone(), target.clone(), text.clone());
        let reason_id = reason_id.clone();
        async move {
            let done = match kind {
                LinkKind::Duplicate => api::unlink_duplicate(&person, &target.id, text).await,
                LinkKind::Alias => api::remove_alias(&person, &target.id, text).await,
            };
            match done {
                Ok(()) => {
                    open.set(false);
                    reload.run(());
                }
                Err(e) => {
                    error.set(Some(
                        field_error(&e, "reason").unwrap_or_else(|| load_error(&e)),
                    ));
                    focus_id(&reason_id);
                }
            }
        }
    });
    let reason_id = format!("{testid}-reason");
    let confirm = {
        let reason_id = reason_id.clone();
        Callback::new(move |()| {
            let Some(target) = removing.get_untracked() else {
                return;
            };
            let text = reason.get_untracked();
            // The server's rule, checked here first so the dialog stays open.
            if text.trim().is_empty() {
                error.set(Some(ctr("removal-reason-required")));
                focus_id(&reason_id);
                return;
            }
            remove.dispatch((target, text));
        })
    };
    let label = move || removing.with(|r| r.as_ref().map(|r| r.label.clone()).unwrap_or_default());
    let title = Signal::derive(move || ct1(title, "name", label()));
    let confirm_text = Signal::derive(move || ctr(kind.words().0));
    let hint_id = format!("{testid}-reason-hint");
    view! {
        <ConfirmDialog
            open=open
            title=title
            confirm=confirm_text
            on_confirm=confirm
            busy=remove.pending()
            error=error
            testid=testid
        >
            <p>{move || ct1(explain, "name", label())}</p>
            <div class="field">
                <label for=reason_id.clone() class="field__label">{ct("reason-label")}</label>
                <p class="field__hint" id=hint_id.clone()>{ct("identity-reason-hint")}</p>
                <textarea id=reason_id.clone() class="input cw-textarea" rows="2" data-testid=format!("{testid}-reason")
                    aria-describedby=hint_id
                    prop:value=move || reason.get()
                    on:input=move |ev| {
                        reason.set(event_target_value(&ev));
                        error.set(None);
                    }></textarea>
            </div>
        </ConfirmDialog>
    }
}

#[component]
fn History(entries: Vec<IdentityHistoryEntry>) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p data-testid="identity-history-none">{ct("identity-history-none")}</p> }
            .into_any();
    }
    view! {
        <Table label="identity-history" caption="identity-history" compact=true testid="identity-history" head=|| view! {
            <th scope="col">{ct("col-when")}</th>
            <th scope="col">{ct("col-who")}</th>
            <th scope="col">{ct("history-field")}</th>
            <th scope="col">{ct("history-old")}</th>
            <th scope="col">{ct("history-new")}</th>
            <th scope="col">{ct("history-source")}</th>
            <th scope="col">{ct("col-reason")}</th>
        }>
            {entries.into_iter().map(|h| {
                let field = field_key(&h.field).map_or_else(|| h.field.clone(), ctr);
                view! {
                    <tr data-testid="identity-history-row" data-field=h.field.clone()>
                        <td class="cw-num">{time(&h.changed_at)}</td>
                        <td>{h.actor}</td>
                        <td>{field}</td>
                        <td data-testid="history-old">{history_side(h.old.as_ref(), h.old_value)}</td>
                        <td data-testid="history-new">{history_side(h.new.as_ref(), h.new_value)}</td>
                        <td>{h.source.map_or_else(|| "–".to_owned(), |s| ctr(source_key(s)))}</td>
                        <td>{h.reason}</td>
                    </tr>
                }
            }).collect_view()}
        </Table>
    }
    .into_any()
}
