//! The form bundle, loaded after login: the seven parts, summary, completion
//! and "my data".

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(kartlegg_frontend::applicant::app::FormApp);
}
