//! The `kartlegg` command line: `serve` (the default) and operator
//! subcommands that work against the configured `DATABASE_URL`.

use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use crate::config::{LogFormat, Settings, load_or_create_signing_key};
use crate::state::{AppConfig, AppState};
use crate::{build_router, db, demo, http, openapi};

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
    }
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

async fn serve(settings: Settings) -> anyhow::Result<()> {
    init_tracing(settings.log_format);
    let store = db::connect(&settings.database.url).await?;
    let signing_key = load_or_create_signing_key(&settings.signing_key_file)?;
    let demo = if settings.demo {
        Some(demo::seed(store.as_ref()).await?)
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
            static_dir,
            signing_key,
            cors_origins: settings.cors_origins.clone(),
            body_limit: settings.body_limit,
            request_timeout: settings.request_timeout(),
        },
    );
    let listener = tokio::net::TcpListener::bind(settings.addr).await?;
    let url = format!("http://{}", listener.local_addr()?);
    println!("Kartlegg is running at {url}/  (API reference: {url}/api/docs)");
    println!("Database: {}", store.engine().name());
    if let Some(demo) = demo {
        println!("{}", demo.describe());
    }
    axum::serve(listener, build_router(state))
        .with_graceful_shutdown(http::shutdown_signal())
        .await?;
    Ok(())
}
