//! The caseworker bundle, served under `/caseworker/`: the back office.
//! A bundle of its own so that none of it weighs on the applicant's first
//! load.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(kartlegg_frontend::caseworker::app::CaseworkerApp);
    // The back office shows its own loading states from here on.
    kartlegg_frontend::core::page::boot_done();
}
