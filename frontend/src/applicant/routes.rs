//! The applicant's addresses as one enum: every link and navigation names
//! a `Route`. The start bundle's pages are switched by `Route::start_page`
//! (no router crate in the first load) and the form bundle's router table
//! in `app.rs` matches the form pages' patterns (a test holds the two
//! together). Crossing between the bundles is a full load (`go_to`).

/// A page of the applicant's app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route<'a> {
    /// The language screen, where everyone starts.
    Language,
    Info,
    Login,
    Consent,
    /// Whether the service is up.
    Status,
    /// The form's overview of its parts.
    Form,
    /// One part of the form, by its id.
    Section(&'a str),
    /// "Check your answers".
    Summary,
    Done,
    MyData,
}

impl Route<'_> {
    /// The start bundle's pages, which `start_page` finds by path.
    pub const START: [Route<'static>; 5] = [
        Route::Language,
        Route::Info,
        Route::Login,
        Route::Consent,
        Route::Status,
    ];

    /// The address to link or navigate to. Registering together with the
    /// applicant (`applicant::together`), the form's pages are under the
    /// session's `/together/{id}`, the consent is the form's first page, and
    /// the start pages (a new login) are the back office's person page.
    pub fn path(self) -> String {
        let own = match self {
            Self::Section(id) => format!("/form/{id}"),
            other => other.pattern().to_owned(),
        };
        let Some(id) = crate::applicant::together::session_id() else {
            return own;
        };
        match self {
            Self::Language | Self::Info | Self::Login | Self::Status => {
                crate::applicant::together::back_office()
            }
            Self::Consent => format!("/together/{id}/form"),
            _ => format!("/together/{id}{own}"),
        }
    }

    /// The router's pattern for the page (`:section` for a part).
    pub const fn pattern(self) -> &'static str {
        match self {
            Self::Language => "/",
            Self::Info => "/info",
            Self::Login => "/login",
            Self::Consent => "/consent",
            Self::Status => "/status",
            Self::Form => "/form",
            Self::Section(_) => "/form/:section",
            Self::Summary => "/summary",
            Self::Done => "/done",
            Self::MyData => "/my-data",
        }
    }

    /// The start bundle's page at `path`, if there is one there.
    pub fn start_page(path: &str) -> Option<Route<'static>> {
        Route::START.into_iter().find(|r| r.pattern() == path)
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    const FORM: [Route<'static>; 5] = [
        Route::Form,
        Route::Section(""),
        Route::Summary,
        Route::Done,
        Route::MyData,
    ];

    #[test]
    fn the_form_router_has_exactly_a_path_for_each_form_page() {
        let app = include_str!("app.rs");
        let mut table: Vec<&str> = app
            .split("path!(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        let mut routes: Vec<&str> = FORM.iter().map(|r| r.pattern()).collect();
        table.sort_unstable();
        routes.sort_unstable();
        assert_eq!(table, routes);
    }

    #[test]
    fn each_start_page_is_found_by_its_path_and_no_form_page_is() {
        for route in Route::START {
            assert_eq!(Route::start_page(&route.path()), Some(route));
        }
        for route in FORM {
            assert_eq!(Route::start_page(&route.path()), None);
        }
        assert_eq!(Route::start_page("/nowhere"), None);
    }

    #[test]
    fn a_part_is_addressed_by_its_id() {
        assert_eq!(Route::Section("education").path(), "/form/education");
        assert_eq!(Route::Language.path(), "/");
    }
}
