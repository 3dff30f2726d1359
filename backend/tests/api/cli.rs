//! The operator commands of the `kartlegg` binary, run for real against a
//! SQLite file, and the demo seed.

use std::process::Command;

use kartlegg_backend::config::load_or_create_signing_key;
use kartlegg_backend::db;
use kartlegg_backend::demo;
use kartlegg_shared::caseworker::Role;
use sqlx::Connection;

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

/// An organisation 0301 and, in it, the person with `duf`, as staff add them.
fn add_person(dir: &std::path::Path, duf: &str) {
    kartlegg(
        dir,
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
        dir,
        &[
            "person",
            "add",
            "--duf",
            duf,
            "--first-name",
            "Amina",
            "--last-name",
            "Tesfay",
            "--org",
            "0301",
        ],
    );
}

#[tokio::test]
async fn operator_issues_a_code_that_logs_in() {
    let dir = tempfile::tempdir().unwrap();
    // Digit groups as staff often type them.
    add_person(dir.path(), "2024 0000 0555");

    // What `serve` does at its first start; `code issue` only reads it.
    let key = load_or_create_signing_key(&dir.path().join("signing.key")).unwrap();

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
    let app = TestApp::with_config(store, dir, test_config(None, key));
    assert_eq!(app.try_login("202400000555", code).await.status, 201);
}

/// Without the server's key `code issue` refuses, says how to fix it, and
/// neither creates a key (whose codes could never log in) nor prints a code.
#[tokio::test]
async fn issuing_a_code_without_the_servers_key_fails_and_creates_no_key() {
    let dir = tempfile::tempdir().unwrap();
    add_person(dir.path(), "202400000555");
    let key_file = dir.path().join("keys/signing.key");

    let output = Command::new(env!("CARGO_BIN_EXE_kartlegg"))
        .args(["code", "issue", "--duf", "202400000555"])
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("cli.db").display()),
        )
        .env("KARTLEGG_SIGNING_KEY_FILE", &key_file)
        .env_remove("KARTLEGG_LOG")
        .output()
        .unwrap();

    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no signing key file")
            && stderr.contains("kartlegg serve")
            && stderr.contains("KARTLEGG_SIGNING_KEY_FILE"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty(), "no code printed");
    assert!(!key_file.exists() && !key_file.parent().unwrap().exists());
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
    let code = text
        .split("code ")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .unwrap();
    assert_eq!(app.try_login(demo::DEMO_DUF_NUMBER, code).await.status, 201);

    // One demo caseworker per role, with the printed password.
    for role in Role::ALL {
        let username = format!("demo.{}", role.as_str());
        assert!(
            text.contains(&format!("{username} ({})", role.as_str())),
            "{text}"
        );
        let res = app
            .try_caseworker_login(&username, demo::DEMO_CASEWORKER_PASSWORD, None)
            .await;
        assert_eq!(res.status, 201, "{username}");
        assert_eq!(
            res.json()["me"]["roles"],
            serde_json::json!([role.as_str()])
        );
    }
    assert!(text.contains(demo::DEMO_CASEWORKER_PASSWORD));
}

/// `kartlegg user add` reads the password from standard input, refuses a
/// weak one, and the account logs in.
#[tokio::test]
async fn operator_adds_a_caseworker_who_logs_in() {
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
    let weak = kartlegg_with_stdin(
        dir.path(),
        &[
            "user",
            "add",
            "--org",
            "0301",
            "--username",
            "kari",
            "--role",
            "reader",
        ],
        "password1234\n",
    );
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("too easy to guess"));
    let added = kartlegg_with_stdin(
        dir.path(),
        &[
            "user",
            "add",
            "--org",
            "0301",
            "--username",
            "kari",
            "--display-name",
            "Kari Nordmann",
            "--role",
            "reader",
            "--role",
            "counsellor",
        ],
        "correct horse battery\n",
    );
    let stdout = String::from_utf8_lossy(&added.stdout);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(
        stdout.contains("Added kari (Kari Nordmann) to Oslo with roles reader, counsellor"),
        "{stdout}"
    );

    let store = db::connect(&format!("sqlite://{}", dir.path().join("cli.db").display()))
        .await
        .unwrap();
    let key = load_or_create_signing_key(&dir.path().join("signing.key")).unwrap();
    let app = TestApp::with_config(store, tempfile::tempdir().unwrap(), test_config(None, key));
    let res = app
        .try_caseworker_login("kari", "correct horse battery", None)
        .await;
    assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
}

fn kartlegg_with_stdin(dir: &std::path::Path, args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_kartlegg"))
        .args(args)
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.join("cli.db").display()),
        )
        .env("KARTLEGG_SIGNING_KEY_FILE", dir.join("signing.key"))
        .env_remove("KARTLEGG_LOG")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run kartlegg");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

on_both_engines!(demo_applicant_logs_in_with_the_printed_code);

/// `kartlegg audit verify` with the server's key and checkpoint file.
fn audit_verify(dir: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kartlegg"))
        .args(["audit", "verify"])
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.join("cli.db").display()),
        )
        .env("KARTLEGG_SIGNING_KEY_FILE", dir.join("signing.key"))
        .env(
            "KARTLEGG_AUDIT_CHECKPOINT_FILE",
            dir.join("audit-checkpoints"),
        )
        .env_remove("KARTLEGG_LOG")
        .output()
        .expect("run kartlegg")
}

/// The operator's check passes on the server's chain, checkpoints its
/// head, and after the newest events are cut exits non-zero with a short
/// reason and no personal data.
#[tokio::test]
async fn audit_verify_passes_then_finds_the_newest_events_cut() {
    let dir = tempfile::tempdir().unwrap();
    add_person(dir.path(), "202400000555");
    let key = load_or_create_signing_key(&dir.path().join("signing.key")).unwrap();
    let db_url = format!("sqlite://{}", dir.path().join("cli.db").display());
    let store = db::connect(&db_url).await.unwrap();
    // The command looks where the server checkpoints (here nothing yet:
    // fewer events than the interval), so its file is copied over.
    let server_dir = tempfile::tempdir().unwrap();
    let app = TestApp::with_config(store, server_dir, test_config(None, key));
    for name in ["kari", "ola", "per"] {
        app.caseworker("0301", name, &[Role::Reader]).await;
    }
    std::fs::copy(
        &app.state.config.audit_checkpoint_file,
        dir.path().join("audit-checkpoints"),
    )
    .ok();

    let ok = audit_verify(dir.path());
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        stdout.contains("The audit chain holds: 3 events checked"),
        "{stdout}"
    );

    let mut db = sqlx::SqliteConnection::connect(&db_url).await.unwrap();
    sqlx::query("DROP TRIGGER audit_events_no_delete")
        .execute(&mut db)
        .await
        .unwrap();
    sqlx::query("DELETE FROM audit_events WHERE seq = 3")
        .execute(&mut db)
        .await
        .unwrap();

    let cut = audit_verify(dir.path());
    let stdout = String::from_utf8_lossy(&cut.stdout);
    assert!(!cut.status.success(), "{stdout}");
    assert!(
        stdout.contains("does NOT hold at event 3: the newest events were removed"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("kari") && !stdout.contains("CW "),
        "{stdout}"
    );
}

/// `kartlegg retention run`: a dry run lists the person whose retention
/// period has ended and changes nothing; `--apply` erases them, records it
/// in a chain that still verifies, and says what it did. One of the two is
/// required.
#[tokio::test]
async fn retention_run_lists_then_erases_what_is_due() {
    let dir = tempfile::tempdir().unwrap();
    add_person(dir.path(), "202400000556");
    load_or_create_signing_key(&dir.path().join("signing.key")).unwrap();
    let db_url = format!("sqlite://{}", dir.path().join("cli.db").display());
    // Added (and last changed) eleven years ago.
    let mut db = sqlx::SqliteConnection::connect(&db_url).await.unwrap();
    for table in [
        "UPDATE people SET created_at = '2015-01-05T10:00:00.000000Z'",
        "UPDATE change_events SET occurred_at = '2015-01-05T10:00:00.000000Z'",
    ] {
        sqlx::query(table).execute(&mut db).await.unwrap();
    }
    let count = async |db: &mut sqlx::SqliteConnection| -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM people")
            .fetch_one(db)
            .await
            .unwrap()
    };
    let retention = |mode: &str| {
        Command::new(env!("CARGO_BIN_EXE_kartlegg"))
            .args(["retention", "run", mode])
            .env(
                "DATABASE_URL",
                format!("sqlite://{}", dir.path().join("cli.db").display()),
            )
            .env("KARTLEGG_SIGNING_KEY_FILE", dir.path().join("signing.key"))
            .env(
                "KARTLEGG_AUDIT_CHECKPOINT_FILE",
                dir.path().join("audit-checkpoints"),
            )
            .env_remove("KARTLEGG_LOG")
            .output()
            .expect("run kartlegg")
    };

    let neither = retention("--quiet");
    assert!(!neither.status.success());
    let dry = retention("--dry-run");
    let dry_out = String::from_utf8_lossy(&dry.stdout);
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    assert!(dry_out.contains("Would erase 1 people"), "{dry_out}");
    assert!(
        dry_out.contains("202400000556  organisation 0301  added 2015-01-05"),
        "{dry_out}"
    );
    assert_eq!(count(&mut db).await, 1);

    let applied = retention("--apply");
    let out = String::from_utf8_lossy(&applied.stdout);
    assert!(
        applied.status.success(),
        "{}",
        String::from_utf8_lossy(&applied.stderr)
    );
    assert!(out.contains("Erased 1 people"), "{out}");
    assert!(out.contains("202400000556"), "{out}");
    assert_eq!(count(&mut db).await, 0);
    let verified = audit_verify(dir.path());
    let verified_out = String::from_utf8_lossy(&verified.stdout);
    assert!(verified.status.success(), "{verified_out}");
    assert!(verified_out.contains("1 events checked"), "{verified_out}");
}

/// `kartlegg extract research`: writes the CSV and its data dictionary
/// beside it, never over an existing file, and its help quotes seed 001's
/// rules.
#[tokio::test]
async fn research_extract_writes_the_file_and_its_dictionary_once() {
    let dir = tempfile::tempdir().unwrap();
    add_person(dir.path(), "202400000557");
    load_or_create_signing_key(&dir.path().join("signing.key")).unwrap();
    let out = dir.path().join("extract.csv");
    let out_arg = out.display().to_string();
    let args = [
        "extract",
        "research",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--out",
        out_arg.as_str(),
    ];

    let printed = kartlegg(dir.path(), &args);

    assert!(printed.contains("Wrote 0 rows"), "{printed}");
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with(
        "birth_year_band,gender,country_background,municipality,mother_tongue,completed_year,"
    ));
    assert!(!csv.contains("202400000557") && !csv.contains("Amina"));
    let dictionary = std::fs::read_to_string(dir.path().join("extract.dictionary.md")).unwrap();
    assert!(dictionary.contains("k = 5"), "{dictionary}");
    let again = Command::new(env!("CARGO_BIN_EXE_kartlegg"))
        .args(args)
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("cli.db").display()),
        )
        .env("KARTLEGG_SIGNING_KEY_FILE", dir.path().join("signing.key"))
        .output()
        .unwrap();
    assert!(
        !again.status.success(),
        "an extract never overwrites a file"
    );
    let help = kartlegg(dir.path(), &["extract", "research", "--help"]);
    assert!(help.contains("«formålsbegrensning»"), "{help}");
    assert!(help.contains("«dataminimering»"), "{help}");
}
