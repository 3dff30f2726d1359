//! The back office's addresses as one enum: every link and navigation
//! names a `Route`, and the router's table in `app.rs` matches the same
//! paths (a test holds the two together).

/// A page of the back office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route<'a> {
    /// The start page: the worklist.
    Start,
    Login,
    /// The search box's results.
    Search,
    People,
    /// One person's page, by the person's id.
    Person(&'a str),
    /// One person's printable profile, by the person's id.
    PersonPrint(&'a str),
    Audit,
    Accounts,
    /// The organisation's API clients (administrators).
    ApiClients,
    /// One API client's webhooks and their deliveries, by the client's id.
    ApiClientWebhooks(&'a str),
    /// Statistics (the statistics role's start page).
    Statistics,
}

impl Route<'_> {
    /// The address to link or navigate to.
    pub fn path(self) -> String {
        match self {
            Self::Person(id) => format!("/caseworker/people/{id}"),
            Self::ApiClientWebhooks(id) => format!("/caseworker/api-clients/{id}/webhooks"),
            Self::PersonPrint(id) => format!("/caseworker/people/{id}/print"),
            other => other.pattern().to_owned(),
        }
    }

    /// The router's pattern for the page (`:id` for the person).
    pub const fn pattern(self) -> &'static str {
        match self {
            Self::Start => "/caseworker",
            Self::Login => "/caseworker/login",
            Self::Search => "/caseworker/search",
            Self::People => "/caseworker/people",
            Self::Person(_) => "/caseworker/people/:id",
            Self::PersonPrint(_) => "/caseworker/people/:id/print",
            Self::Audit => "/caseworker/audit",
            Self::Accounts => "/caseworker/accounts",
            Self::ApiClients => "/caseworker/api-clients",
            Self::ApiClientWebhooks(_) => "/caseworker/api-clients/:id/webhooks",
            Self::Statistics => "/caseworker/statistics",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    const ALL: [Route<'static>; 11] = [
        Route::Start,
        Route::Login,
        Route::Search,
        Route::People,
        Route::Person(""),
        Route::PersonPrint(""),
        Route::Audit,
        Route::Accounts,
        Route::ApiClients,
        Route::ApiClientWebhooks(""),
        Route::Statistics,
    ];

    #[test]
    fn the_router_has_exactly_a_path_for_each_route() {
        let app = include_str!("app.rs");
        let mut table: Vec<&str> = app
            .split("path!(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        let mut routes: Vec<&str> = ALL.iter().map(|r| r.pattern()).collect();
        table.sort_unstable();
        routes.sort_unstable();
        assert_eq!(table, routes);
    }

    #[test]
    fn a_person_is_addressed_by_id() {
        assert_eq!(Route::Person("p-1").path(), "/caseworker/people/p-1");
        assert_eq!(
            Route::PersonPrint("p-1").path(),
            "/caseworker/people/p-1/print"
        );
        assert_eq!(Route::Start.path(), "/caseworker");
    }
}
