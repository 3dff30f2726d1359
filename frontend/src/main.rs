//! The first-load bundle: language, information, login and consent.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(kartlegg_frontend::applicant::app::StartApp);
}
