//! `sqlx::migrate!` embeds the migration files at compile time; without
//! this, a migration added to the folder is not picked up until some Rust
//! source of the crate changes.

fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
