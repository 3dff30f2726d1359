//! The `kartlegg` command line: `serve` (the default) and operator
//! subcommands that work against the configured `DATABASE_URL`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use chrono::Utc;
use clap::{Args, Parser, Subcommand, ValueEnum};
use kartlegg_shared::domain::DufNumber;
use kartlegg_shared::text::{Lines, check_text};
use tracing_subscriber::EnvFilter;

use kartlegg_shared::caseworker::{ChainFailure, Role};
use kartlegg_shared::integration::{NewCredential, Scope};

use crate::audit::AuditLog;
use crate::auth::login::issue_code;
use crate::auth::password::{totp_base32, totp_uri};
use crate::auth::token::Keys;
use crate::config::{
    AuditSettings, AuthSettings, DatabaseSettings, LogFormat, Settings, WebhookSettings,
    load_or_create_signing_key, load_signing_key,
};
use crate::db::{NewOrganisation, NewPerson, OrganisationKind, StoreError};
use crate::error::ApiError;
use crate::state::{AppConfig, AppState};
use crate::{build_router, db, demo, http, openapi, population, services};

/// Kartlegg: registers the qualifications of refugees.
#[derive(Debug, Parser)]
#[command(name = "kartlegg", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Settings for `serve` when no subcommand is given.
    #[command(flatten)]
    pub serve: Settings,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (the default).
    Serve(Settings),
    /// Print the OpenAPI document (to refresh openapi/openapi.json).
    Openapi,
    /// Manage organisations.
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Manage people.
    Person {
        #[command(subcommand)]
        command: PersonCommand,
    },
    /// Manage login codes.
    Code {
        #[command(subcommand)]
        command: CodeCommand,
    },
    /// Manage caseworker accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Check the audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Manage API clients (systems that use the integration API).
    Client {
        #[command(subcommand)]
        command: ClientCommand,
    },
    /// Deliver webhooks, without serving HTTP (for deployments that run
    /// the worker apart; `serve` runs one too unless `--worker false`).
    Worker(WorkerArgs),
    /// Erase what has passed its retention period.
    Retention {
        #[command(subcommand)]
        command: RetentionCommand,
    },
    /// Anonymised extracts.
    Extract {
        #[command(subcommand)]
        command: ExtractCommand,
    },
    /// Demo and measurement data.
    Demo {
        #[command(subcommand)]
        command: DemoCommand,
    },
}

#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// The server's signing key file (it keys the webhook secrets' seal).
    /// It must exist: this command never creates one.
    #[arg(
        long,
        env = "KARTLEGG_SIGNING_KEY_FILE",
        default_value = "./data/signing.key"
    )]
    pub signing_key_file: PathBuf,
    /// Log format: `text` for people, `json` for log collectors.
    #[arg(long, env = "KARTLEGG_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    #[command(flatten)]
    pub webhooks: WebhookSettings,
    #[command(flatten)]
    pub database: DatabaseSettings,
}

#[derive(Debug, Subcommand)]
pub enum ClientCommand {
    /// Register an API client of an organisation, with a public key
    /// (`--public-key FILE`, JWK or PEM) or a generated secret (printed
    /// once, alone, as the last line). Prints the client id.
    Add(ClientAdd),
}

#[derive(Debug, Args)]
pub struct ClientAdd {
    /// The number of the organisation the client belongs to.
    #[arg(long)]
    pub org: String,
    /// The client's name, unique in the organisation.
    #[arg(long)]
    pub name: String,
    /// A scope (people:read, people:write, codes:issue, registrations:read,
    /// feed:read, webhooks:manage, statistics:read). Repeat for several.
    #[arg(long = "scope", value_parser = parse_scope, required = true)]
    pub scopes: Vec<Scope>,
    /// A file with the client's public key (JWK JSON or a PEM PUBLIC KEY
    /// block); without it a client secret is generated.
    #[arg(long)]
    pub public_key: Option<PathBuf>,
    /// The server's signing key file (it keys the audit chain). It must
    /// exist: this command never creates one.
    #[arg(
        long,
        env = "KARTLEGG_SIGNING_KEY_FILE",
        default_value = "./data/signing.key"
    )]
    pub signing_key_file: PathBuf,
    #[command(flatten)]
    pub audit: AuditSettings,
    #[command(flatten)]
    pub database: DatabaseSettings,
}

fn parse_scope(value: &str) -> Result<Scope, String> {
    Scope::parse(value).ok_or_else(|| {
        let all: Vec<&str> = Scope::ALL.iter().map(|s| s.as_str()).collect();
        format!("scopes are {}, not {value:?}", all.join(", "))
    })
}

#[derive(Debug, Subcommand)]
pub enum DemoCommand {
    /// Make the demo organisation and accounts (as `serve --demo` does)
    /// and add made-up people in bulk, each with a completed registration,
    /// for measuring at scale (`scripts/bench-people.sh`). Running it again
    /// adds only what is missing.
    Seed(DemoSeed),
}

#[derive(Debug, Args)]
pub struct DemoSeed {
    /// How many made-up people the demo organisation should have.
    #[arg(long, default_value_t = 0)]
    pub people: u64,
    /// How many of them to put on `demo.counsellor`'s worklist.
    #[arg(long, default_value_t = 0)]
    pub worklist: u64,
    /// Append audit events (list reads of the made-up people by
    /// `demo.counsellor`), keyed and checkpointed as the server does, until
    /// the log holds this many. Needs the server's signing key file.
    #[arg(long, default_value_t = 0)]
    pub audit_events: u64,
    /// The server's signing key file, for `--audit-events`.
    #[arg(
        long,
        env = "KARTLEGG_SIGNING_KEY_FILE",
        default_value = "./data/signing.key"
    )]
    pub signing_key_file: PathBuf,
    #[command(flatten)]
    pub audit: AuditSettings,
    #[command(flatten)]
    pub database: DatabaseSettings,
}

#[derive(Debug, Subcommand)]
pub enum ExtractCommand {
    /// The anonymised research extract for the directorate: one row per
    /// completed registration, no direct identifier, k-anonymous (k = 5).
    #[command(long_about = RESEARCH_HELP)]
    Research(ResearchArgs),
}

/// `extract research --help`: the rules of seed 001 the extract follows.
const RESEARCH_HELP: &str = "\
The anonymised research extract for the directorate: one row per completed
registration in the period, with no direct identifier (no DUF-number, names,
national ID, dates of birth, addresses; birth year in five-year bands; the
organisation as a municipality only), k-anonymous with k = 5 on birth year,
gender, country background, municipality and mother tongue (generalised, and
the rows of groups still under five left out), with a data dictionary beside
it (FILE.dictionary.md). The extraction is recorded in the audit log.

It follows the rules seed 001 (IMDi's guidelines for disclosing data from
IMDinett to research) quotes from GDPR article 5 (1):

  b) samles inn for spesifikke, uttrykkelig angitte og berettigede formål og
     ikke viderebehandles på en måte som er uforenlig med disse formålene;
     viderebehandling [...] for formål knyttet til vitenskapelig eller
     historisk forskning eller for statistiske formål skal [...] ikke anses
     som uforenlig med de opprinnelige formålene («formålsbegrensning»),
     (purpose limitation)

  c) være adekvate, relevante og begrenset til det som er nødvendig for
     formålene de behandles for («dataminimering»),
     (data minimisation)

and its section 3.2: anonymised data means that it «ikke på noe vis kan
identifisere enkeltpersoner i et datamateriale, hverken direkte eller
indirekte» (cannot identify anyone, directly or indirectly). Disclose the
file only for the purpose a request was granted for.";

#[derive(Debug, Args)]
pub struct ResearchArgs {
    /// First day of completion (YYYY-MM-DD), included.
    #[arg(long)]
    pub from: chrono::NaiveDate,
    /// Last day of completion (YYYY-MM-DD), included.
    #[arg(long)]
    pub to: chrono::NaiveDate,
    /// The CSV file to write; the data dictionary goes beside it as
    /// FILE.dictionary.md. Neither may exist.
    #[arg(long)]
    pub out: PathBuf,
    #[command(flatten)]
    pub audit: AuditArgs,
}

#[derive(Debug, Subcommand)]
pub enum RetentionCommand {
    /// Erase the people with no activity for the retention period and the
    /// registrations older than theirs (seed 002 § 11), or with `--dry-run`
    /// list them. Prints each by DUF-number, organisation and date to this
    /// terminal (never to the log), so that what § 11 says must be passed
    /// on before deletion can be; the server runs the same rules daily.
    Run(RetentionRun),
}

#[derive(Debug, Args)]
pub struct RetentionRun {
    /// Only list what would be erased.
    #[arg(long, conflicts_with = "apply", required_unless_present = "apply")]
    pub dry_run: bool,
    /// Erase it, and record each erasure in the audit log.
    #[arg(long)]
    pub apply: bool,
    #[command(flatten)]
    pub retention: crate::config::RetentionSettings,
    #[command(flatten)]
    pub audit: AuditArgs,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Verify the keyed audit chain against the latest signed checkpoint
    /// (and checkpoint its head when it holds). Exits non-zero when it does
    /// not hold.
    Verify(AuditArgs),
    /// Take over a chain written before the chain was keyed: checks its
    /// plain SHA-256 links and writes a signed checkpoint that pins them.
    /// Run once, after upgrading, on a database you trust.
    Adopt(AuditArgs),
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// The server's signing key file (the chain's key is derived from it).
    /// It must exist: this command never creates one.
    #[arg(
        long,
        env = "KARTLEGG_SIGNING_KEY_FILE",
        default_value = "./data/signing.key"
    )]
    pub signing_key_file: PathBuf,
    #[command(flatten)]
    pub audit: AuditSettings,
    #[command(flatten)]
    pub database: DatabaseSettings,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a caseworker account. The password is read from standard input
    /// (one line), so that it stays out of the shell history and `ps`.
    Add(UserAdd),
}

#[derive(Debug, Args)]
pub struct UserAdd {
    /// The number of the organisation the account belongs to.
    #[arg(long)]
    pub org: String,
    /// The login name (3–64 of a–z, 0–9, '.', '-', '_').
    #[arg(long)]
    pub username: String,
    /// The name shown in the UI and access logs; the username when absent.
    #[arg(long)]
    pub display_name: Option<String>,
    /// A role: administrator, reader, counsellor, statistics or auditor.
    /// Repeat for several.
    #[arg(long = "role", value_parser = parse_role, required = true)]
    pub roles: Vec<Role>,
    /// Set up a TOTP second factor and print its secret.
    #[arg(long)]
    pub totp: bool,
    #[command(flatten)]
    pub database: DatabaseSettings,
}

fn parse_role(value: &str) -> Result<Role, String> {
    Role::from_name(value).ok_or_else(|| {
        format!(
            "roles are administrator, reader, counsellor, statistics and auditor, not {value:?}"
        )
    })
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Add an organisation.
    Add(OrgAdd),
}

#[derive(Debug, Args)]
pub struct OrgAdd {
    /// The organisation's number (for a municipality its municipality number).
    #[arg(long)]
    pub number: String,
    #[arg(long)]
    pub name: String,
    #[arg(long, value_enum)]
    pub kind: KindArg,
    #[command(flatten)]
    pub database: DatabaseSettings,
}

/// The kinds of organisation, as the command line names them.
#[derive(Debug, Clone, Copy, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum KindArg {
    ReceptionCentre,
    Municipality,
    Directorate,
}

impl From<KindArg> for OrganisationKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::ReceptionCentre => Self::ReceptionCentre,
            KindArg::Municipality => Self::Municipality,
            KindArg::Directorate => Self::Directorate,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Add a person who may register.
    Add(PersonAdd),
}

#[derive(Debug, Args)]
pub struct PersonAdd {
    /// The 12-digit DUF-number.
    #[arg(long, value_parser = parse_duf)]
    pub duf: DufNumber,
    #[arg(long, value_parser = parse_name)]
    pub first_name: String,
    #[arg(long, value_parser = parse_name)]
    pub last_name: String,
    /// The number of the organisation that follows the person up.
    #[arg(long)]
    pub org: String,
    #[command(flatten)]
    pub database: DatabaseSettings,
}

#[derive(Debug, Subcommand)]
pub enum CodeCommand {
    /// Issue a new login code (ending any earlier one) and print it, alone
    /// on the last line, as `1234 5678`.
    Issue(CodeIssue),
}

#[derive(Debug, Args)]
pub struct CodeIssue {
    /// The person's DUF-number.
    #[arg(long, value_parser = parse_duf)]
    pub duf: DufNumber,
    /// The server's signing key file (the code's hash is keyed by it). It
    /// must exist: this command never creates one.
    #[arg(
        long,
        env = "KARTLEGG_SIGNING_KEY_FILE",
        default_value = "./data/signing.key"
    )]
    pub signing_key_file: PathBuf,
    #[command(flatten)]
    pub auth: AuthSettings,
    #[command(flatten)]
    pub database: DatabaseSettings,
}

fn parse_duf(value: &str) -> Result<DufNumber, String> {
    DufNumber::parse(value).map_err(|e| e.to_string())
}

/// A name as the API takes it: one line, no control characters.
fn parse_name(value: &str) -> Result<String, String> {
    check_text(value, Lines::One).map_err(|e| e.to_string())?;
    Ok(value.to_owned())
}

/// Runs the chosen command.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        None => serve(cli.serve).await,
        Some(Command::Serve(settings)) => serve(settings).await,
        Some(Command::Openapi) => {
            print!("{}", openapi::document_json());
            Ok(())
        }
        Some(Command::Org {
            command: OrgCommand::Add(args),
        }) => org_add(args).await,
        Some(Command::Person {
            command: PersonCommand::Add(args),
        }) => person_add(args).await,
        Some(Command::Code {
            command: CodeCommand::Issue(args),
        }) => code_issue(args).await,
        Some(Command::User {
            command: UserCommand::Add(args),
        }) => user_add(args).await,
        Some(Command::Audit {
            command: AuditCommand::Verify(args),
        }) => audit_verify(args).await,
        Some(Command::Audit {
            command: AuditCommand::Adopt(args),
        }) => audit_adopt(args).await,
        Some(Command::Client {
            command: ClientCommand::Add(args),
        }) => client_add(args).await,
        Some(Command::Retention {
            command: RetentionCommand::Run(args),
        }) => retention_run(args).await,
        Some(Command::Extract {
            command: ExtractCommand::Research(args),
        }) => research_extract(args).await,
        Some(Command::Demo {
            command: DemoCommand::Seed(args),
        }) => demo_seed(args).await,
        Some(Command::Worker(args)) => worker(args).await,
    }
}

async fn demo_seed(args: DemoSeed) -> anyhow::Result<()> {
    // The key first, when it is needed: without it no event would verify.
    let keys = if args.audit_events > 0 {
        Some(Keys::derive(&load_signing_key(&args.signing_key_file)?))
    } else {
        None
    };
    let store = db::connect(&args.database.url).await?;
    let now = Utc::now();
    let base = demo::seed_base(store.as_ref(), now).await?;
    let org = base.organisation.id;
    // Batches commit whole and in order, so the people present are a
    // prefix of the population: find its length by bisection.
    let (mut have, mut missing) = (0, args.people + 1);
    while have + 1 < missing {
        let mid = u64::midpoint(have, missing);
        if store
            .person_by_duf(&population::duf_number(mid - 1))
            .await?
            .is_some()
        {
            have = mid;
        } else {
            missing = mid;
        }
    }
    let started = std::time::Instant::now();
    let count = args.people.saturating_sub(have);
    population::insert(store.as_ref(), org, have, count, args.people, now, |done| {
        eprint!("\r{} of {count} people added", done);
    })
    .await?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!();
    println!(
        "{} made-up people in {} ({count} added in {secs:.1} s, {:.0} people/s)",
        args.people,
        base.organisation.name,
        count as f64 / secs.max(1e-9)
    );
    let counsellor = store
        .caseworker_by_username("demo.counsellor")
        .await?
        .context("the demo counsellor exists after seeding")?;
    for i in 0..args.worklist.min(args.people) {
        // Spread over the population, so that the worklist is not one page
        // of the list.
        let duf = population::duf_number(i * (args.people / args.worklist.max(1)).max(1));
        if let Some(person) = store.person_by_duf(&duf).await? {
            store.add_to_worklist(counsellor.id, person.id, now).await?;
        }
    }
    if let Some(keys) = keys {
        let log = AuditLog::new(
            keys.audit.clone(),
            args.audit.checkpoint_file(&args.database.url),
            args.audit.audit_checkpoint_every,
        );
        let started = std::time::Instant::now();
        // Up to the number asked for, counting what is there already.
        let (_, have) = store
            .audit_events(&db::AuditFilter {
                limit: 1,
                ..db::AuditFilter::default()
            })
            .await?;
        let mut done = have.min(args.audit_events);
        while done < args.audit_events {
            let n = (args.audit_events - done).min(5_000);
            let events: Vec<_> = (done..done + n)
                .map(|i| {
                    let person = population::person(i % args.people.max(1), args.people, org, now);
                    db::NewAuditEvent {
                        at: now,
                        actor_id: Some(counsellor.id),
                        actor: counsellor.display_name.clone(),
                        organisation_id: Some(org),
                        action: kartlegg_shared::caseworker::AuditAction::List,
                        person_id: Some(person.person.id),
                        person_organisation_id: Some(org),
                        registration_id: None,
                        fields: crate::back_office::SUMMARY_FIELDS
                            .iter()
                            .map(|f| (*f).to_owned())
                            .collect(),
                        reason: None,
                        client_address: Some("127.0.0.1".to_owned()),
                        request_id: None,
                    }
                })
                .collect();
            log.append(store.as_ref(), &events).await?;
            done += n;
            eprint!("\r{done} of {} audit events appended", args.audit_events);
        }
        if args.audit_events > 0 {
            eprintln!();
            println!(
                "{} audit events appended in {:.1} s",
                args.audit_events,
                started.elapsed().as_secs_f64()
            );
        }
    }
    Ok(())
}

/// The audit log as the server keys it, for the operator commands.
async fn audit_log(args: &AuditArgs) -> anyhow::Result<(AuditLog, std::sync::Arc<dyn db::Store>)> {
    // The key first: without it nothing can be checked, and connecting
    // could create a database file for nothing.
    let keys = Keys::derive(&load_signing_key(&args.signing_key_file)?);
    let store = db::connect(&args.database.url).await?;
    let log = AuditLog::new(
        keys.audit.clone(),
        args.audit.checkpoint_file(&args.database.url),
        args.audit.audit_checkpoint_every,
    );
    Ok((log, store))
}

async fn audit_verify(args: AuditArgs) -> anyhow::Result<()> {
    let (log, store) = audit_log(&args).await?;
    let result = log.verify(store.as_ref()).await?;
    let checkpoint = result.checkpoint_seq.map_or_else(
        || "no checkpoint yet".to_owned(),
        |seq| format!("checkpoint at event {seq}"),
    );
    if result.intact() {
        println!(
            "The audit chain holds: {} events checked, head at event {}, {checkpoint}.",
            result.events_checked, result.head_seq
        );
        return Ok(());
    }
    let at = result
        .first_broken_seq
        .map_or_else(String::new, |seq| format!(" at event {seq}"));
    let why = match result.failure {
        Some(ChainFailure::Truncated) => "the newest events were removed",
        Some(ChainFailure::CheckpointMismatch) => "an event differs from its checkpoint",
        Some(ChainFailure::CheckpointInvalid) => {
            "the checkpoint file holds a line not signed by this server"
        }
        _ => "an event was changed, removed, inserted or moved",
    };
    println!(
        "The audit chain does NOT hold{at}: {why} ({} events checked, {checkpoint}).",
        result.events_checked
    );
    anyhow::bail!("audit chain verification failed")
}

async fn research_extract(args: ResearchArgs) -> anyhow::Result<()> {
    anyhow::ensure!(args.from <= args.to, "--from must not be after --to");
    let dictionary = {
        let mut name = args.out.clone().into_os_string();
        name.push(".dictionary.md");
        // `extract.csv` → `extract.dictionary.md`, not `extract.csv.dictionary.md`.
        match args.out.extension() {
            Some(_) => args.out.with_extension("dictionary.md"),
            None => PathBuf::from(name),
        }
    };
    for file in [&args.out, &dictionary] {
        anyhow::ensure!(
            !file.exists(),
            "{} exists; an extract never overwrites a file",
            file.display()
        );
    }
    let (log, store) = audit_log(&args.audit).await?;
    let extract = services::research::extract(
        store.as_ref(),
        &log,
        kartlegg_shared::questionnaire::shipped_v1(),
        args.from,
        args.to,
        Utc::now(),
    )
    .await?;
    std::fs::write(&args.out, &extract.csv)
        .with_context(|| format!("writing {}", args.out.display()))?;
    std::fs::write(&dictionary, &extract.dictionary)
        .with_context(|| format!("writing {}", dictionary.display()))?;
    println!(
        "Wrote {} rows to {} and the data dictionary to {}; {} rows left out (k = {}).",
        extract.rows,
        args.out.display(),
        dictionary.display(),
        extract.suppressed,
        services::research::K
    );
    Ok(())
}

async fn retention_run(args: RetentionRun) -> anyhow::Result<()> {
    let policy = args.retention.policy();
    let now = Utc::now();
    let (log, store) = if args.apply {
        let (log, store) = audit_log(&args.audit).await?;
        (Some(log), store)
    } else {
        // A dry run changes nothing, so it needs no key to record with.
        (None, db::connect(&args.audit.database.url).await?)
    };
    let report =
        services::erasure::run_retention(store.as_ref(), log.as_ref(), &policy, now).await?;
    let organisations: std::collections::HashMap<_, _> = store
        .list_organisations()
        .await?
        .into_iter()
        .map(|o| (o.id, o.number))
        .collect();
    let org = |id| organisations.get(&id).map_or("?", String::as_str);
    let verb = if args.apply { "Erased" } else { "Would erase" };
    let day = |t: chrono::DateTime<Utc>| t.format("%Y-%m-%d").to_string();
    println!(
        "{verb} {} people with no activity since {}:",
        report.people.len(),
        day(policy.person_cutoff(now))
    );
    for (person, _) in &report.people {
        println!(
            "  {}  organisation {}  added {}",
            person.duf_number.as_str(),
            org(person.organisation_id),
            day(person.created_at)
        );
    }
    println!(
        "{verb} {} registrations last changed before {} (of people who stay):",
        report.registrations.len(),
        day(policy.registration_cutoff(now))
    );
    for r in &report.registrations {
        println!(
            "  {}  organisation {}  registration {}  last changed {}",
            r.duf_number.as_str(),
            org(r.organisation_id),
            r.number,
            day(r.updated_at)
        );
    }
    if args.apply {
        println!(
            "Deleted {} erasure notices older than {} days.",
            report.notices, policy.erasure_notice_days
        );
    } else {
        let most = usize::try_from(services::erasure::DRY_RUN_MOST).unwrap_or(usize::MAX);
        if report.people.len() >= most || report.registrations.len() >= most {
            println!("(A dry run lists at most {most} of each; --apply erases them all.)");
        }
    }
    Ok(())
}

async fn audit_adopt(args: AuditArgs) -> anyhow::Result<()> {
    let (log, store) = audit_log(&args).await?;
    match log.adopt_legacy(store.as_ref()).await? {
        Some(head) => println!(
            "Adopted the audit chain up to event {}; checkpoint written to {}.",
            head.seq,
            log.checkpoint_file().display()
        ),
        None => println!("The audit log is empty: nothing to adopt."),
    }
    Ok(())
}

async fn user_add(args: UserAdd) -> anyhow::Result<()> {
    let store = db::connect(&args.database.url).await?;
    let org = store
        .organisation_by_number(&args.org)
        .await?
        .with_context(|| format!("no organisation has the number {:?}", args.org))?;
    let mut password = String::new();
    std::io::stdin()
        .read_line(&mut password)
        .context("reading the password from standard input")?;
    let password = password.trim_end_matches(['\r', '\n']);
    let display_name = args.display_name.unwrap_or_else(|| args.username.clone());
    let (account, secret) = services::accounts::create(
        store.as_ref(),
        services::accounts::NewAccount {
            organisation_id: org.id,
            username: &args.username,
            display_name: &display_name,
            password,
            roles: &args.roles,
            totp: args.totp,
        },
        Utc::now(),
    )
    .await
    .map_err(cli_error)?;
    let roles: Vec<&str> = account.roles.iter().map(|r| r.as_str()).collect();
    println!(
        "Added {} ({}) to {} with roles {}",
        account.username,
        account.display_name,
        org.name,
        roles.join(", ")
    );
    if let Some(secret) = secret {
        println!(
            "TOTP secret (enter it in an authenticator app): {}",
            totp_base32(&secret)
        );
        println!("{}", totp_uri(&secret, &account.username));
    }
    Ok(())
}

async fn client_add(args: ClientAdd) -> anyhow::Result<()> {
    let credential = match &args.public_key {
        None => NewCredential::Secret,
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("reading the public key {}", file.display()))?;
            // A JWK is JSON; anything else is taken as PEM.
            let key = serde_json::from_str::<serde_json::Value>(&text)
                .ok()
                .filter(serde_json::Value::is_object)
                .unwrap_or(serde_json::Value::String(text));
            NewCredential::PublicKey { key }
        }
    };
    let signing_key = load_signing_key(&args.signing_key_file)?;
    let store = db::connect(&args.database.url).await?;
    let org = store
        .organisation_by_number(&args.org)
        .await?
        .with_context(|| format!("no organisation has the number {:?}", args.org))?;
    let state = AppState::new(
        store,
        AppConfig {
            audit_checkpoint_file: args.audit.checkpoint_file(&args.database.url),
            audit_checkpoint_every: args.audit.audit_checkpoint_every,
            ..AppConfig::new(None, signing_key)
        },
    );
    let actor = services::clients::Actor {
        id: None,
        name: "operator (command line)".to_owned(),
        meta: crate::auth::caseworker::RequestMeta::default(),
    };
    let (client, secret) = services::clients::create(
        &state,
        &actor,
        org.id,
        &args.name,
        &args.scopes,
        &credential,
    )
    .await
    .map_err(cli_error)?;
    println!(
        "Registered API client {} of {} with scopes {}",
        client.name,
        org.name,
        Scope::join(&client.scopes)
    );
    println!("client_id: {}", client.id);
    if let Some(secret) = secret {
        println!("The client secret, shown this once:");
        println!("{secret}");
    }
    Ok(())
}

/// An API error as the operator reads it.
fn cli_error(error: ApiError) -> anyhow::Error {
    match error {
        ApiError::Validation(errors) => anyhow::anyhow!(
            "{}",
            errors
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        ApiError::Conflict(detail) => anyhow::anyhow!(detail),
        other => anyhow::anyhow!(other),
    }
}

async fn org_add(args: OrgAdd) -> anyhow::Result<()> {
    let store = db::connect(&args.database.url).await?;
    let org = store
        .create_organisation(&NewOrganisation {
            number: args.number,
            name: args.name,
            kind: args.kind.into(),
        })
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => {
                anyhow::anyhow!("an organisation with this number exists already")
            }
            other => other.into(),
        })?;
    println!("Added organisation {} ({})", org.number, org.name);
    Ok(())
}

async fn person_add(args: PersonAdd) -> anyhow::Result<()> {
    let store = db::connect(&args.database.url).await?;
    let org = store
        .organisation_by_number(&args.org)
        .await?
        .with_context(|| format!("no organisation has the number {:?}", args.org))?;
    let person = store
        .create_person(&NewPerson {
            duf_number: args.duf,
            organisation_id: org.id,
            first_name: args.first_name,
            last_name: args.last_name,
        })
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => {
                anyhow::anyhow!("a person with this DUF-number exists already")
            }
            other => other.into(),
        })?;
    println!(
        "Added {} {} to {}",
        person.first_name, person.last_name, org.name
    );
    Ok(())
}

async fn code_issue(args: CodeIssue) -> anyhow::Result<()> {
    // The key first: without the server's key there is nothing to do, and
    // connecting could create a database file for nothing.
    let keys = Keys::derive(&load_signing_key(&args.signing_key_file)?);
    let store = db::connect(&args.database.url).await?;
    let person = store
        .person_by_duf(&args.duf)
        .await?
        .context("no person has this DUF-number")?;
    let issued = issue_code(
        store.as_ref(),
        &keys,
        &person,
        Utc::now(),
        args.auth.code_ttl(),
    )
    .await?;
    println!(
        "Login code for {} {}, valid until {}:",
        person.first_name,
        person.last_name,
        issued.expires_at.format("%Y-%m-%d %H:%M UTC")
    );
    // Alone on the last line: scripts read it from there.
    println!("{}", issued.code.display());
    Ok(())
}

fn init_tracing(format: LogFormat) {
    let filter = EnvFilter::try_from_env("KARTLEGG_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

async fn worker(args: WorkerArgs) -> anyhow::Result<()> {
    init_tracing(args.log_format);
    let store = db::connect(&args.database.url).await?;
    let signing_key = load_signing_key(&args.signing_key_file)?;
    let settings = args.webhooks.worker();
    let state = AppState::new(
        store,
        AppConfig {
            webhooks: settings.clone(),
            ..AppConfig::new(None, signing_key)
        },
    );
    println!("Delivering webhooks from {}", state.store.engine().name());
    tokio::select! {
        result = crate::webhooks::worker::run(state, settings) => result,
        () = http::shutdown_signal() => Ok(()),
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    init_tracing(settings.log_format);
    let store = db::connect(&settings.database.url).await?;
    let signing_key = load_or_create_signing_key(&settings.signing_key_file)?;
    let keys = Keys::derive(&signing_key);
    let demo = if settings.demo {
        Some(demo::seed(store.as_ref(), &keys, Utc::now(), settings.auth.code_ttl()).await?)
    } else {
        None
    };
    let static_dir = settings
        .static_dir
        .join("index.html")
        .is_file()
        .then(|| settings.static_dir.clone());
    if static_dir.is_none() {
        tracing::warn!(dir = %settings.static_dir.display(), "no built frontend here; serving the API only");
    }
    let state = AppState::new(
        store.clone(),
        AppConfig {
            cors_origins: settings.cors_origins.clone(),
            body_limit: settings.body_limit,
            request_timeout: settings.request_timeout(),
            code_ttl: settings.auth.code_ttl(),
            session_idle: chrono::Duration::minutes(i64::from(settings.auth.session_idle_minutes)),
            session_max: chrono::Duration::hours(i64::from(settings.auth.session_max_hours)),
            cookie_secure: settings.auth.cookie_secure,
            login_rate_limit: settings.auth.login_rate_limit(),
            require_admin_totp: settings.auth.require_admin_totp,
            audit_checkpoint_file: settings.audit.checkpoint_file(&settings.database.url),
            audit_checkpoint_every: settings.audit.audit_checkpoint_every,
            public_url: settings.public_url.trim_end_matches('/').to_owned(),
            webhooks: settings.webhooks.worker(),
            ..AppConfig::new(static_dir, signing_key)
        },
    );
    tracing::info!(
        file = %state.audit.checkpoint_file().display(),
        "audit chain checkpoints go here"
    );
    if settings.retention_every_hours > 0 {
        tokio::spawn(services::erasure::retention_job(
            state.clone(),
            settings.retention.policy(),
            Duration::from_secs(settings.retention_every_hours.saturating_mul(3600)),
        ));
    }
    let listener = tokio::net::TcpListener::bind(settings.addr).await?;
    let url = format!("http://{}", listener.local_addr()?);
    println!("Kartlegg is running at {url}/  (API reference: {url}/api/docs)");
    println!("Database: {}", store.engine().name());
    if let Some(demo) = demo {
        println!("{}", demo.describe());
    }
    if let Some(addr) = settings.metrics_addr {
        let metrics = tokio::net::TcpListener::bind(addr).await?;
        println!("Metrics: http://{}/metrics", metrics.local_addr()?);
        let router = crate::metrics::router(state.clone());
        tokio::spawn(async move {
            if let Err(error) = axum::serve(metrics, router)
                .with_graceful_shutdown(http::shutdown_signal())
                .await
            {
                tracing::error!(%error, "the metrics listener stopped");
            }
        });
    }
    if settings.worker {
        let worker = crate::webhooks::worker::run(state.clone(), state.config.webhooks.clone());
        tokio::spawn(async move {
            if let Err(error) = worker.await {
                tracing::error!(%error, "the webhook worker stopped");
            }
        });
    }
    // With the peer address, for the per-address login limit.
    axum::serve(
        listener,
        build_router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(http::shutdown_signal())
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::Cli;

    fn person_add(first_name: &str) -> Result<Cli, clap::Error> {
        Cli::try_parse_from([
            "kartlegg",
            "person",
            "add",
            "--duf",
            "202400000001",
            "--first-name",
            first_name,
            "--last-name",
            "Tesfay",
            "--org",
            "0301",
        ])
    }

    #[test]
    fn a_name_with_a_control_character_is_refused_on_the_command_line() {
        assert!(person_add("Amina").is_ok());
        for bad in ["Am\u{0}ina", "Amina\n", "A\tmina"] {
            let error = person_add(bad).unwrap_err();
            assert!(error.to_string().contains("control character"), "{error}");
        }
    }
}
