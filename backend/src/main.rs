//! The `kartlegg` binary: parses the command line and hands over to the
//! library. `kartlegg serve` (the default) runs the server.

use clap::Parser;
use kartlegg_backend::cli::{Cli, run};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    run(Cli::parse()).await
}
