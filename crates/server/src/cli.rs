//! The command line. Every option has an environment twin (`CROSSDESK_DATABASE`,
//! `CROSSDESK_LISTEN`, …); flags override the environment, which overrides defaults.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status when some records were rejected but the others were kept.
pub const EXIT_REJECTED: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "crossdesk",
    version,
    about = "Complaint and dispute command center for cross-border e-commerce"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the data lives.
#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB.
    #[arg(
        long,
        env = "CROSSDESK_DATABASE",
        default_value = "sqlite://./crossdesk.db",
        global = true
    )]
    pub database: String,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the HTTP API, the web workspace and the workers.
    Serve {
        #[command(flatten)]
        db: DbArgs,
        /// Address to listen on; port 0 picks a free port.
        #[arg(long, env = "CROSSDESK_LISTEN", default_value = "127.0.0.1:8080")]
        listen: String,
        /// A workflow config file (teams, agents, SLA policies) applied at start.
        #[arg(long, env = "CROSSDESK_CONFIG")]
        config: Option<PathBuf>,
        /// The address customers reach this server at (for survey links); default: the
        /// bound address.
        #[arg(long, env = "CROSSDESK_PUBLIC_URL")]
        public_url: Option<String>,
        #[command(flatten)]
        translator: crate::translate::TranslatorArgs,
    },
    /// Agent accounts.
    Agent {
        #[command(subcommand)]
        which: AgentCommand,
    },
    /// API tokens for integrations.
    Token {
        #[command(subcommand)]
        which: TokenCommand,
    },
    /// The workflow config file.
    Config {
        #[command(subcommand)]
        which: ConfigCommand,
    },
    /// A ready workspace with realistic stores, orders and shipments, and live multilingual traffic.
    Demo(crate::demo::DemoArgs),
    /// Import reference data (stores, SKUs, orders, shipments, tracking events) from JSON lines.
    Import {
        #[command(flatten)]
        db: DbArgs,
        /// The JSONL file (`-` for standard input).
        file: PathBuf,
    },
    /// Take in inbound messages from JSON lines (one message per line).
    Ingest {
        #[command(flatten)]
        db: DbArgs,
        /// The JSONL file (`-` for standard input).
        file: PathBuf,
    },
    /// Triage JSON lines ({"text": …}) from a file or standard input; JSON lines out.
    Classify {
        /// The JSONL file; standard input when absent or `-`.
        file: Option<PathBuf>,
        /// Brand watch: a JSON file with a list of terms (`[{"name": "Anker", "kind":
        /// "brand", "aliases": ["AnkerDirect"]}, …]`, kind brand, product or competitor);
        /// each output line then carries the names found in `text`, as `brands`.
        #[arg(long, env = "CROSSDESK_BRANDS")]
        brands: Option<PathBuf>,
        /// The triage engine (the keyword engine is kept as a baseline).
        #[arg(long, value_enum, default_value_t = crate::triage_cmds::EngineArg::Model)]
        engine: crate::triage_cmds::EngineArg,
    },
    /// Print what the database holds.
    Report {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Benchmarks.
    Bench {
        #[command(subcommand)]
        which: BenchCommand,
    },
    /// Evaluations against labelled data.
    Eval {
        #[command(subcommand)]
        which: EvalCommand,
    },
    /// Train the triage model from labelled JSON lines.
    Train {
        #[command(subcommand)]
        which: TrainCommand,
    },
    /// Turn public labelled sets into labelled JSON lines.
    Data {
        #[command(subcommand)]
        which: DataCommand,
    },
    /// Triage data kept in the database.
    Triage {
        #[command(subcommand)]
        which: TriageCommand,
    },
}

#[derive(Debug, Subcommand)]
enum TriageCommand {
    /// Export the messages agents relabelled as labelled JSON lines (for `train triage`).
    Corrections(crate::triage_cmds::CorrectionsArgs),
}

#[derive(Debug, Subcommand)]
enum AgentCommand {
    /// Create or update an agent by e-mail.
    Add {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        agent: crate::accounts_cmds::AgentAddArgs,
    },
    /// Set an agent's password, read from standard input.
    Password {
        #[command(flatten)]
        db: DbArgs,
        /// The agent's e-mail.
        email: String,
    },
}

#[derive(Debug, Subcommand)]
enum TokenCommand {
    /// Issue an API token; it is printed once on standard output.
    Create {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        token: crate::accounts_cmds::TokenCreateArgs,
    },
}

#[derive(Debug, Subcommand)]
enum ConfigCommand {
    /// Apply a config file (TOML: teams, agents, SLA policies).
    Apply {
        #[command(flatten)]
        db: DbArgs,
        /// The file.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum TrainCommand {
    /// Train the category and urgency model and write it where the build embeds it.
    Triage(crate::triage_cmds::TrainArgs),
}

#[derive(Debug, Subcommand)]
enum DataCommand {
    /// Convert a CSV set (Bitext, twcs, MARC…) with its label map into labelled JSON lines
    /// on standard output.
    Convert(crate::datasets::ConvertArgs),
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Score triage on labelled JSON lines ({"text", "category", "language", "urgency",
    /// "entities", "polarity"}).
    Triage {
        /// The labelled JSONL file.
        file: PathBuf,
        /// The engine to score.
        #[arg(long, value_enum, default_value_t = crate::triage_cmds::EngineArg::Model)]
        engine: crate::triage_cmds::EngineArg,
    },
}

#[derive(Debug, Subcommand)]
enum BenchCommand {
    /// Intake end to end (parse → triage → threading → persist) against a bare INSERT loop.
    Ingest(crate::commands::BenchIngestArgs),
    /// Full triage throughput on one core.
    Triage(crate::triage_cmds::BenchTriageArgs),
    /// The inbox page's server time over a large database (default 1,000,000 tickets).
    Inbox(crate::bench_inbox::BenchInboxArgs),
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let default_log = match &cli.command {
        Command::Serve { .. } | Command::Demo(_) => "info,tower_http=warn,sqlx=warn",
        _ => "warn",
    };
    crate::telemetry::init(default_log);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<ExitCode, Box<dyn std::error::Error>> {
    use crate::commands;
    match cli.command {
        Command::Serve {
            db,
            listen,
            config,
            public_url,
            translator,
        } => {
            let translator = translator.build()?;
            commands::serve(
                &db.database,
                &listen,
                config.as_deref(),
                public_url,
                translator,
            )
            .await
        }
        Command::Agent {
            which: AgentCommand::Add { db, agent },
        } => crate::accounts_cmds::agent_add(&db.database, agent).await,
        Command::Agent {
            which: AgentCommand::Password { db, email },
        } => crate::accounts_cmds::agent_password(&db.database, &email).await,
        Command::Token {
            which: TokenCommand::Create { db, token },
        } => crate::accounts_cmds::token_create(&db.database, token).await,
        Command::Config {
            which: ConfigCommand::Apply { db, file },
        } => crate::accounts_cmds::config_apply(&db.database, &file).await,
        Command::Demo(args) => crate::demo::run(args).await,
        Command::Import { db, file } => commands::import(&db.database, &file).await,
        Command::Ingest { db, file } => commands::ingest(&db.database, &file).await,
        Command::Classify {
            file,
            brands,
            engine,
        } => commands::classify(file.as_deref(), brands.as_deref(), engine.into()).await,
        Command::Report { db } => commands::report(&db.database).await,
        Command::Bench {
            which: BenchCommand::Ingest(args),
        } => commands::bench_ingest(args).await,
        Command::Bench {
            which: BenchCommand::Triage(args),
        } => crate::triage_cmds::bench(args),
        Command::Bench {
            which: BenchCommand::Inbox(args),
        } => crate::bench_inbox::run(args).await,
        Command::Eval {
            which: EvalCommand::Triage { file, engine },
        } => crate::triage_cmds::eval(&file, engine).await,
        Command::Train {
            which: TrainCommand::Triage(args),
        } => crate::triage_cmds::train(args).await,
        Command::Data {
            which: DataCommand::Convert(args),
        } => crate::datasets::convert(args),
        Command::Triage {
            which: TriageCommand::Corrections(args),
        } => crate::triage_cmds::corrections(args).await,
    }
}
