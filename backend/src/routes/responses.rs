//! The error answers operations share, as `utoipa::IntoResponses` sets, so
//! that a handler's `responses(...)` lists its own answers and names the
//! shared ones: `responses((status = 200, …), Session, Readers, NoSuchPerson)`.
//! Every set is problem+json (RFC 9457) with the `Problem` schema.

use std::collections::BTreeMap;

use kartlegg_shared::problem::PROBLEM_JSON;
use utoipa::IntoResponses;
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};

/// One problem+json response with this description.
pub fn problem(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            PROBLEM_JSON,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}

/// A unit struct whose `IntoResponses` is these statuses and descriptions.
macro_rules! problem_set {
    ($(#[$doc:meta])* $name:ident { $($status:literal: $description:literal),+ $(,)? }) => {
        $(#[$doc])*
        pub struct $name;

        impl IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                [$(($status, $description)),+]
                    .into_iter()
                    .map(|(status, description)| (status.to_owned(), RefOr::T(problem(description))))
                    .collect()
            }
        }
    };
}

problem_set!(
    /// Any operation that needs a session (either kind).
    Session { "401": "No live session", "500": "Server error" }
);
problem_set!(
    /// Operations on a person's data.
    Readers { "403": "Needs the reader or counsellor role" }
);
problem_set!(
    /// Operations that change a person's record or codes.
    Counsellors { "403": "Needs the counsellor role" }
);
problem_set!(
    /// Account administration.
    Administrators { "403": "Needs the administrator role" }
);
problem_set!(
    /// The audit log.
    Auditors { "403": "Needs the auditor role" }
);
problem_set!(
    /// The applicant's operations after the consent.
    Consented { "403": "Consent has not been given" }
);
problem_set!(
    /// A person named in the path, looked up in the caller's organisation.
    NoSuchPerson { "404": "No such person in the caller's organisation" }
);
problem_set!(
    /// An account named in the path, looked up in the caller's organisation.
    NoSuchAccount { "404": "No such account in the caller's organisation" }
);
problem_set!(
    /// A path parameter that cannot be read.
    BadPath { "422": "A path parameter that is not valid UTF-8" }
);
problem_set!(
    /// Every integration operation: an API client's access token with the
    /// operation's scope.
    ClientToken {
        "401": "No valid access token of an enabled API client (session tokens are not taken here)",
        "403": "The token lacks the scope this operation needs (`insufficient_scope`)",
        "500": "Server error",
    }
);
problem_set!(
    /// A person named by DUF-number, looked up in the client's organisation.
    NoSuchPersonOfClient { "404": "No person with this DUF-number in the client's organisation" }
);
problem_set!(
    /// An API client named in the path, looked up in the caller's organisation.
    NoSuchClient { "404": "No such API client in the caller's organisation" }
);
problem_set!(
    /// A webhook endpoint named in the path, looked up among the client's.
    NoSuchWebhook { "404": "No such webhook endpoint of this client" }
);
problem_set!(
    /// A delivery named in the path, looked up among the endpoint's.
    NoSuchDelivery {
        "404": "No such webhook endpoint of this client, or no delivery of this event to it",
        "409": "The delivery is still pending, or its endpoint is disabled",
    }
);
