//! The browser entry point: mounts the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(kartlegg_frontend::app::App);
}
