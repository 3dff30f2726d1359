//! The caseworker's view of people: the search box, the outside-organisation
//! lookup, lists with filters and their CSV export, the person page and its
//! access log, the printable profile, codes, remarks, identity corrections,
//! duplicates and aliases, the worklist and erasure.
//!
//! Every handler checks the role first (403), then that the person belongs
//! to the caller's organisation (404, the same as no one). Every answer
//! that carries a person's data writes an audit event per person before it
//! leaves. Personal values (search text, DUF-numbers) travel in bodies;
//! paths carry only person ids.
//!
//! One file per action; each holds its handler and what only it uses.

mod access_log;
mod codes;
mod erasure;
mod export;
mod identity;
mod links;
mod list;
mod lookup;
mod page;
mod print;
mod registration;
mod remarks;
mod search;
mod sessions;
mod worklist;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(search::search))
        .routes(routes!(lookup::outside_lookup))
        .routes(routes!(list::list_people))
        .routes(routes!(export::export_people))
        .routes(routes!(page::person_page))
        .routes(routes!(print::print_profile))
        .routes(routes!(registration::person_registration))
        .routes(routes!(access_log::access_log))
        .routes(routes!(codes::issue_new_code))
        .routes(routes!(sessions::end_sessions))
        .routes(routes!(erasure::erase_person))
        .routes(routes!(remarks::add_remark))
        .routes(routes!(identity::correct_identity))
        .routes(routes!(links::link_duplicate))
        .routes(routes!(links::add_alias))
        .routes(routes!(links::unlink_duplicate))
        .routes(routes!(links::remove_alias))
        .routes(routes!(worklist::worklist))
        .routes(routes!(
            worklist::add_to_worklist,
            worklist::remove_from_worklist
        ))
}
