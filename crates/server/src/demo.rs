//! `crossdesk demo`: a realistic workspace (stores in one group, SKUs, orders, shipments with
//! tracking histories) and a live replay of multilingual traffic into the running server
//! over its own HTTP API.

use crate::commands::open_app;
use crate::startup::{Application, shutdown_signal};
use chrono::{Duration, Utc};
use crossdesk_demo::{Scale, workspace};
use crossdesk_domain::import::ImportRecord;
use serde_json::Value;
use std::io::Write;
use std::process::ExitCode;

/// The password of every demo account (printed when the demo starts).
pub const DEMO_PASSWORD: &str = "crossdesk-demo";

/// The demo desk: a Shanghai team working the Asian and global stores, a Berlin team on the
/// European ones, a New York team on the American one, and an admin.
const DEMO_DESK: &str = r#"
[[teams]]
key = "cs-shanghai"
name = "上海客服 Shanghai desk"
timezone = "Asia/Shanghai"
auto_reply = "out_of_hours"
holidays = ["2026-10-01", "2026-10-02", "2026-10-05"]
[teams.hours]
mon = [["09:00", "18:00"]]
tue = [["09:00", "18:00"]]
wed = [["09:00", "18:00"]]
thu = [["09:00", "18:00"]]
fri = [["09:00", "18:00"]]
sat = [["10:00", "16:00"]]

[[teams]]
key = "cs-berlin"
name = "Berlin desk"
timezone = "Europe/Berlin"
auto_reply = "out_of_hours"
categories = ["logistics.delay", "logistics.lost", "logistics.customs", "billing.duties", "logistics.damaged", "logistics.last_mile"]
[teams.hours]
mon = [["08:00", "17:00"]]
tue = [["08:00", "17:00"]]
wed = [["08:00", "17:00"]]
thu = [["08:00", "17:00"]]
fri = [["08:00", "17:00"]]

[[teams]]
key = "cs-newyork"
name = "New York desk"
timezone = "America/New_York"
auto_reply = "out_of_hours"
[teams.hours]
mon = [["09:00", "17:00"]]
tue = [["09:00", "17:00"]]
wed = [["09:00", "17:00"]]
thu = [["09:00", "17:00"]]
fri = [["09:00", "17:00"]]

[[agents]]
email = "admin@demo.crossdesk.dev"
name = "Alex Admin"
role = "admin"
languages = ["en"]

[[agents]]
email = "wang.fang@demo.crossdesk.dev"
name = "王芳 Wang Fang"
role = "lead"
team = "cs-shanghai"
languages = ["zh", "en"]
locale = "zh"
on_call = true
groups = ["acme"]

[[agents]]
email = "li.wei@demo.crossdesk.dev"
name = "李伟 Li Wei"
role = "agent"
team = "cs-shanghai"
languages = ["zh", "en", "ja"]
locale = "zh"
stores = ["acme-global-shop"]
max_open = 30

[[agents]]
email = "anna.schmidt@demo.crossdesk.dev"
name = "Anna Schmidt"
role = "agent"
team = "cs-berlin"
languages = ["de", "en", "fr", "it", "nl"]
stores = ["acme-de-ebay", "acme-global-shop"]

[[agents]]
email = "maria.lopez@demo.crossdesk.dev"
name = "María López"
role = "agent"
team = "cs-newyork"
languages = ["en", "es", "pt"]
stores = ["acme-us-amzn", "acme-global-shop"]

[[agents]]
email = "yuki.tanaka@demo.crossdesk.dev"
name = "田中由紀 Yuki Tanaka"
role = "specialist"
team = "cs-shanghai"
languages = ["ja", "ko", "en", "zh"]
groups = ["acme"]
"#;

/// Options of `crossdesk demo`.
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// Database URL (default: a demo SQLite file beside you).
    #[arg(
        long,
        env = "CROSSDESK_DATABASE",
        default_value = "sqlite://./crossdesk-demo.db"
    )]
    database: String,
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "CROSSDESK_LISTEN", default_value = "127.0.0.1:8080")]
    listen: String,
    /// Live messages per minute (0 stops the replay after the history is loaded).
    #[arg(long, env = "CROSSDESK_DEMO_RATE", default_value_t = 20)]
    rate: u32,
    /// Messages of history loaded before the server starts.
    #[arg(long, env = "CROSSDESK_DEMO_HISTORY", default_value_t = 600)]
    history: usize,
    /// Use the small workspace (3 stores, 60 orders) — for tests.
    #[arg(long, env = "CROSSDESK_DEMO_SMALL")]
    small: bool,
    /// Seed of the workspace.
    #[arg(long, env = "CROSSDESK_DEMO_SEED", default_value_t = 2026)]
    seed: u64,
    #[command(flatten)]
    translator: crate::translate::TranslatorArgs,
}

/// Runs the demo until Ctrl-C.
#[allow(clippy::disallowed_methods)] // the demo anchors its data to today
pub async fn run(args: DemoArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let translator = args.translator.build()?;
    let now = Utc::now();
    // The workspace is anchored to the day so that restarting the demo re-imports the same
    // records (idempotent) instead of piling up new ones.
    let day = now
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .map(|d| d.and_utc())
        .unwrap_or(now);
    let scale = if args.small {
        Scale::small()
    } else {
        Scale::demo()
    };
    let ws = workspace(args.seed, &scale, day);
    let app = open_app(&args.database).await?;
    let records = ws
        .records()
        .iter()
        .map(ImportRecord::parse)
        .collect::<Result<Vec<_>, _>>()?;
    eprintln!(
        "crossdesk demo: importing {} reference records into {} …",
        records.len(),
        app.db().display_url()
    );
    let stats = app.import_records(&records).await?;
    eprintln!(
        "  {} created, {} updated, {} unchanged",
        stats.created, stats.updated, stats.unchanged
    );

    // The desk: teams in three time zones, agents with languages and store scopes.
    let config = crate::accounts_cmds::parse_config(DEMO_DESK)?;
    let now_at = app.clock().now();
    for t in &config.teams {
        app.db().upsert_team(t, now_at).await?;
    }
    let mut admin = 0;
    for a in &config.agents {
        let spec = crossdesk_domain::access::AgentSpec {
            password: Some(DEMO_PASSWORD.to_string()),
            ..a.clone()
        };
        let id = app.save_agent(&spec).await?;
        if a.role == crossdesk_domain::model::Role::Admin {
            admin = id;
        }
    }
    for p in &config.sla_policies {
        app.db().upsert_sla_policy(p, now_at).await?;
    }
    app.seed_demo_watch_terms().await?;
    eprintln!(
        "  {} agents in {} teams; sign in as {} (or any demo agent) with password {DEMO_PASSWORD}",
        config.agents.len(),
        config.teams.len(),
        config
            .agents
            .first()
            .map(|a| a.email.as_str())
            .unwrap_or_default()
    );

    let history = ws.traffic(
        args.seed,
        args.history,
        day - Duration::days(3),
        Duration::days(3),
    );
    for chunk in history.chunks(500) {
        app.intake().submit(chunk).await?;
    }
    eprintln!(
        "  {} messages of history threaded into tickets",
        history.len()
    );

    let application = Application::build(app.clone(), &args.listen)
        .await?
        .with_translator(translator);
    let url = format!("http://{}", application.address());
    println!("{url}");
    std::io::stdout().flush()?;
    eprintln!("crossdesk demo is running at {url} — open it in a browser; Ctrl-C stops it.");
    let _timers = crossdesk_app::timers::start(
        app.clone(),
        format!("{}/{}", application.address(), std::process::id()),
        std::time::Duration::from_secs(1),
    );
    if args.rate > 0 {
        let live = ws.traffic(now.timestamp() as u64, 100_000, now, Duration::days(30));
        // The replay is an integration like any other: it posts with an inbound-only token.
        let (_, token) = app
            .issue_token(
                "demo replay",
                admin,
                &[crossdesk_domain::model::Permission::Inbound],
                Some(Duration::days(1)),
            )
            .await?;
        tokio::spawn(replay(url.clone(), token, live, args.rate));
    }
    application.run(shutdown_signal()).await?;
    app.db().close().await;
    Ok(ExitCode::SUCCESS)
}

/// Posts `messages` to the server's own API, `per_minute` of them a minute, each stamped
/// with the time it is sent.
#[allow(clippy::disallowed_methods)] // live messages are stamped when sent
async fn replay(url: String, token: String, messages: Vec<Value>, per_minute: u32) {
    let client = reqwest::Client::new();
    let pause = std::time::Duration::from_millis(60_000 / u64::from(per_minute.max(1)));
    let endpoint = format!("{url}/api/v1/inbound");
    for mut m in messages {
        tokio::time::sleep(pause).await;
        m["sent_at"] = Value::String(Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        match client
            .post(&endpoint)
            .bearer_auth(&token)
            .json(&m)
            .send()
            .await
        {
            Ok(r) if r.status().is_success() => {
                tracing::info!(
                    channel = m["channel"].as_str(),
                    store = m["store"].as_str(),
                    "demo message posted"
                );
            }
            Ok(r) => tracing::warn!(status = %r.status(), "demo message refused"),
            Err(e) => {
                tracing::warn!(error = %e, "demo replay stopped");
                return;
            }
        }
    }
}
