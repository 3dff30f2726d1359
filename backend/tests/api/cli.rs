//! The operator commands of the `kartlegg` binary, run for real against a
//! SQLite file, and the demo seed.

use std::process::Command;

use kartlegg_backend::config::load_or_create_signing_key;
use kartlegg_backend::db;
use kartlegg_backend::demo;

use crate::helpers::{TestApp, test_config};
use crate::on_both_engines;

fn kartlegg(dir: &std::path::Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_kartlegg"))
        .args(args)
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.join("cli.db").display()),
        )
        .env("KARTLEGG_SIGNING_KEY_FILE", dir.join("signing.key"))
        .env_remove("KARTLEGG_LOG")
        .output()
        .expect("run kartlegg");
    assert!(
        output.status.success(),
        "kartlegg {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[tokio::test]
async fn operator_issues_a_code_that_logs_in() {
    let dir = tempfile::tempdir().unwrap();
    kartlegg(
        dir.path(),
        &[
            "org",
            "add",
            "--number",
            "0301",
            "--name",
            "Oslo",
            "--kind",
            "municipality",
        ],
    );
    kartlegg(
        dir.path(),
        &[
            "person",
            "add",
            "--duf",
            "2024 0000 0555",
            "--first-name",
            "Amina",
            "--last-name",
            "Tesfay",
            "--org",
            "0301",
        ],
    );

    let out = kartlegg(dir.path(), &["code", "issue", "--duf", "202400000555"]);

    let code = out.lines().last().unwrap();
    assert!(
        code.len() == 9
            && code.as_bytes()[4] == b' '
            && code.replace(' ', "").bytes().all(|b| b.is_ascii_digit()),
        "last line is the code alone: {out:?}"
    );
    let store = db::connect(&format!("sqlite://{}", dir.path().join("cli.db").display()))
        .await
        .unwrap();
    let key = load_or_create_signing_key(&dir.path().join("signing.key")).unwrap();
    let app = TestApp::with_config(store, dir, test_config(None, key));
    assert_eq!(app.try_login("202400000555", code).await.status, 201);
}

#[tokio::test]
async fn person_needs_an_existing_organisation_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_kartlegg"))
        .args([
            "person",
            "add",
            "--duf",
            "202400000555",
            "--first-name",
            "A",
            "--last-name",
            "B",
            "--org",
            "nope",
        ])
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("cli.db").display()),
        )
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no organisation"));
}

/// The start-up lines print a fresh demo code that logs in; seeding twice
/// finds what is there.
async fn demo_applicant_logs_in_with_the_printed_code(app: TestApp) {
    let store = app.store.clone();
    demo::seed(
        store.as_ref(),
        &app.state.keys,
        app.state.clock.now(),
        app.state.config.code_ttl,
    )
    .await
    .unwrap();

    let logins = demo::seed(
        store.as_ref(),
        &app.state.keys,
        app.state.clock.now(),
        app.state.config.code_ttl,
    )
    .await
    .unwrap();

    let text = logins.describe();
    assert!(
        text.contains("Demo applicant: DUF-number 2024 0000 0001, code "),
        "{text}"
    );
    let code = text.rsplit("code ").next().unwrap();
    assert_eq!(app.try_login(demo::DEMO_DUF_NUMBER, code).await.status, 201);
}

on_both_engines!(demo_applicant_logs_in_with_the_printed_code);
