//! The one-shot commands: serve, import, ingest, classify, report and the ingest benchmark.

use crate::cli::EXIT_REJECTED;
use crate::progress::FileProgress;
use crate::startup::{Application, shutdown_signal};
use crossdesk_app::intake::{Progress, Rejection, triage_inbound};
use crossdesk_app::{App, AppConfig, Db, SystemClock};
use crossdesk_db::scratch::ScratchDb;
use crossdesk_domain::FieldError;
use crossdesk_domain::brand::{BrandWatch, Term};
use crossdesk_domain::inbound::Inbound;
use crossdesk_domain::model::Channel;
use crossdesk_domain::triage::{Engine, TriageConfig, TriageInput, triage_with};
use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;
use tokio::io::{AsyncBufRead, BufReader};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Opens the database and builds the application.
pub async fn open_app(database: &str) -> Result<App> {
    let db = Db::connect(database).await?;
    Ok(App::new(db, Arc::new(SystemClock), AppConfig::default()))
}

/// `crossdesk serve`.
pub async fn serve(
    database: &str,
    listen: &str,
    config: Option<&Path>,
    public_url: Option<String>,
    translator: Option<crate::translate::SharedTranslator>,
) -> Result<ExitCode> {
    let db = Db::connect(database).await?;
    // Bind first: the public URL defaults to the address actually bound.
    let listener = crate::startup::bind(listen).await?;
    let address = listener.local_addr()?;
    let app = App::new(
        db,
        Arc::new(SystemClock),
        AppConfig {
            public_url: public_url
                .unwrap_or_else(|| format!("http://{address}"))
                .trim_end_matches('/')
                .to_string(),
            ..AppConfig::default()
        },
    );
    if let Some(path) = config {
        let applied = crate::accounts_cmds::apply_config(&app, path).await?;
        tracing::info!(
            teams = applied.teams,
            agents = applied.agents,
            policies = applied.policies,
            "config applied"
        );
    }
    if app.db().agents().await?.is_empty() {
        tracing::warn!(
            "no agent accounts yet: create one with `crossdesk agent add --role admin …` and \
             a token with `crossdesk token create`; the API refuses requests without them"
        );
    }
    let application =
        Application::from_listener(app.clone(), listener)?.with_translator(translator);
    // Durable timers: every node polls; leases keep two nodes off the same timer.
    let poll = std::env::var("CROSSDESK_TIMER_POLL_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000u64);
    let owner = format!("{}/{}", application.address(), std::process::id());
    let _timers =
        crossdesk_app::timers::start(app.clone(), owner, std::time::Duration::from_millis(poll));
    println!("http://{}", application.address());
    std::io::stdout().flush()?;
    tracing::info!(address = %application.address(), database = app.db().display_url(), "serving");
    application.run(shutdown_signal()).await?;
    app.db().close().await;
    Ok(ExitCode::SUCCESS)
}

async fn open_input(file: &Path) -> Result<(Box<dyn AsyncBufRead + Unpin + Send>, u64)> {
    if file.as_os_str() == "-" {
        return Ok((Box::new(BufReader::new(tokio::io::stdin())), 0));
    }
    let f = tokio::fs::File::open(file)
        .await
        .map_err(|e| format!("cannot open {}: {e}", file.display()))?;
    let size = f.metadata().await.map(|m| m.len()).unwrap_or(0);
    Ok((Box::new(BufReader::with_capacity(1 << 16, f)), size))
}

/// `crossdesk import FILE`.
pub async fn import(database: &str, file: &Path) -> Result<ExitCode> {
    let app = open_app(database).await?;
    let (reader, size) = open_input(file).await?;
    let mut progress = FileProgress::new(size, "importing");
    let stats = app.import_stream(reader, &mut progress).await?;
    progress.finish();
    println!(
        "imported {}: {} created, {} updated, {} unchanged, {} rejected",
        file.display(),
        stats.created,
        stats.updated,
        stats.unchanged,
        stats.rejected
    );
    app.db().close().await;
    Ok(if stats.rejected > 0 {
        ExitCode::from(EXIT_REJECTED)
    } else {
        ExitCode::SUCCESS
    })
}

/// `crossdesk ingest FILE`.
pub async fn ingest(database: &str, file: &Path) -> Result<ExitCode> {
    let app = open_app(database).await?;
    let (reader, size) = open_input(file).await?;
    let mut progress = FileProgress::new(size, "ingesting");
    let s = app.intake().ingest_stream(reader, &mut progress).await?;
    progress.finish();
    println!(
        "ingested {}: {} lines, {} stored ({} new tickets), {} duplicates, {} rejected",
        file.display(),
        s.lines,
        s.stored,
        s.tickets_created,
        s.duplicates,
        s.rejected
    );
    app.db().close().await;
    Ok(if s.rejected > 0 {
        ExitCode::from(EXIT_REJECTED)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads one classify request line.
fn classify_line(
    value: &Value,
    config: &TriageConfig,
    brands: Option<&BrandWatch>,
    engine: Engine,
) -> std::result::Result<Value, FieldError> {
    let obj = value
        .as_object()
        .ok_or_else(|| FieldError::new("$", "expected a JSON object"))?;
    let text = match obj.get("text") {
        Some(Value::String(s)) => s.as_str(),
        Some(_) => return Err(FieldError::new("text", "expected a string")),
        None => return Err(FieldError::new("text", "is required")),
    };
    let channel = match obj.get("channel") {
        None | Some(Value::Null) => None,
        Some(Value::String(c)) => Some(Channel::parse(c).ok_or_else(|| {
            FieldError::new(
                "channel",
                format!(
                    "unknown channel {c:?}; expected one of: {}",
                    Channel::expected()
                ),
            )
        })?),
        Some(_) => return Err(FieldError::new("channel", "expected a string")),
    };
    let order_value_usd = match obj.get("order_value_usd") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_f64()
                .filter(|f| *f >= 0.0)
                .ok_or_else(|| FieldError::new("order_value_usd", "expected a number ≥ 0"))?,
        ),
    };
    let followers = match obj.get("followers") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_u64()
                .ok_or_else(|| FieldError::new("followers", "expected a whole number ≥ 0"))?,
        ),
    };
    let t = triage_with(
        engine,
        &TriageInput {
            text,
            subject: obj.get("subject").and_then(Value::as_str),
            channel,
            visibility: None,
            order_value_usd,
            followers,
            lang_hint: None,
        },
        config,
    );
    let mut out = json!({"id": obj.get("id").cloned().unwrap_or(Value::Null)});
    if let (Some(o), Ok(Value::Object(t))) = (out.as_object_mut(), serde_json::to_value(&t)) {
        o.extend(t);
        if let Some(watch) = brands {
            o.insert("brands".into(), json!(watch.find(text)));
        }
    }
    Ok(out)
}

/// `crossdesk classify [FILE]`.
pub async fn classify(
    file: Option<&Path>,
    brands: Option<&Path>,
    engine: Engine,
) -> Result<ExitCode> {
    let brands = match brands {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let terms: Vec<Term> = serde_json::from_str(&text)
                .map_err(|e| format!("{}: not a list of brand terms: {e}", path.display()))?;
            Some(BrandWatch::new(terms).map_err(|e| format!("{}: {e}", path.display()))?)
        }
    };
    let (reader, _) = open_input(file.unwrap_or(Path::new("-"))).await?;
    let mut lines = crossdesk_app::jsonl::JsonLines::new(reader);
    let config = TriageConfig::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut rejected = 0u64;
    while let Some(line) = lines.next().await? {
        let result = line
            .value
            .map_err(|m| FieldError::new("$", m))
            .and_then(|v| classify_line(&v, &config, brands.as_ref(), engine));
        match result {
            Ok(v) => writeln!(out, "{v}")?,
            Err(e) => {
                rejected += 1;
                eprintln!("line {}: {}: {}", line.number, e.field, e.message);
            }
        }
    }
    out.flush()?;
    Ok(if rejected > 0 {
        ExitCode::from(EXIT_REJECTED)
    } else {
        ExitCode::SUCCESS
    })
}

/// `crossdesk report`.
pub async fn report(database: &str) -> Result<ExitCode> {
    let db = Db::connect(database).await?;
    println!("database: {} ({})", db.display_url(), db.backend().name());
    for (table, n) in db.counts().await? {
        println!("{table:>16}: {n}");
    }
    println!("tickets by status:");
    for (status, n) in db.count_tickets_by_status().await? {
        println!("{status:>16}: {n}");
    }
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

/// Options of `crossdesk bench ingest`.
#[derive(Debug, clap::Args)]
pub struct BenchIngestArgs {
    /// Number of synthetic messages.
    #[arg(long, env = "CROSSDESK_BENCH_N", default_value_t = 20_000)]
    n: usize,
    /// A server to benchmark on (postgres://…); a scratch database is created there and
    /// dropped after. Default: a scratch SQLite file.
    #[arg(long = "on", env = "CROSSDESK_BENCH_ON")]
    on: Option<String>,
    /// Seed of the synthetic traffic.
    #[arg(long, env = "CROSSDESK_BENCH_SEED", default_value_t = 7)]
    seed: u64,
    /// Rounds; the median of each measurement is reported.
    #[arg(long, env = "CROSSDESK_BENCH_ROUNDS", default_value_t = 3)]
    rounds: usize,
}

struct Quiet;

impl Progress for Quiet {
    fn advance(&mut self, _: u64) {}
    fn rejected(&mut self, r: &Rejection) {
        eprintln!("rejected {}: {}", r.at, r.error);
    }
}

async fn scratch(on: &Option<String>) -> Result<ScratchDb> {
    Ok(match on {
        Some(url) => ScratchDb::like(url).await?,
        None => ScratchDb::sqlite()?,
    })
}

/// `crossdesk bench ingest`: the intake pipeline against a bare INSERT loop of the same rows.
#[allow(clippy::disallowed_methods)] // synthetic traffic is anchored to now
pub async fn bench_ingest(args: BenchIngestArgs) -> Result<ExitCode> {
    let now = chrono::Utc::now();
    let messages: Vec<Value> = crossdesk_demo::synthetic_inbound(args.seed, args.n, now).collect();
    let mut keys: Vec<String> = messages
        .iter()
        .filter_map(|m| m["store"].as_str().map(str::to_string))
        .collect();
    keys.sort();
    keys.dedup();
    let stores: Vec<_> = keys
        .iter()
        .map(|k| json!({"type": "store", "key": k, "name": k, "platform": "other", "currency": "USD", "group": "bench"}))
        .map(|v| crossdesk_domain::import::ImportRecord::parse(&v))
        .collect::<std::result::Result<_, _>>()?;
    let mut jsonl = Vec::with_capacity(messages.len() * 400);
    for m in &messages {
        serde_json::to_writer(&mut jsonl, m)?;
        jsonl.push(b'\n');
    }

    // Items for the baselines, prepared once, outside any timing.
    let ids: std::collections::HashMap<&str, i64> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i as i64 + 1))
        .collect();
    let config = TriageConfig::default();
    let mut items = Vec::with_capacity(messages.len());
    for m in &messages {
        let inbound = Inbound::parse(m)?;
        let store_id = inbound.store.as_deref().and_then(|k| ids.get(k)).copied();
        let triage = triage_inbound(&inbound, &config);
        items.push(crossdesk_db::IngestItem::new(inbound, triage, store_id));
    }

    // Rounds interleave the four measurements so that a noisy neighbour hits them alike.
    let mut times: [Vec<f64>; 4] = Default::default();
    let mut backend = "";
    let mut last = Default::default();
    for _ in 0..args.rounds.max(1) {
        let db = scratch(&args.on).await?;
        let app = open_app(db.url()).await?;
        app.import_records(&stores).await?;
        backend = app.db().backend().name();
        let started = Instant::now();
        let first = app.intake().ingest_stream(&jsonl[..], &mut Quiet).await?;
        times[0].push(started.elapsed().as_secs_f64());
        let started = Instant::now();
        let again = app.intake().ingest_stream(&jsonl[..], &mut Quiet).await?;
        times[1].push(started.elapsed().as_secs_f64());
        app.db().close().await;
        last = (first, again);
        for (slot, bulk) in [(2, false), (3, true)] {
            let db = scratch(&args.on).await?;
            let base = open_app(db.url()).await?;
            base.import_records(&stores).await?;
            let started = Instant::now();
            crossdesk_db::baseline_insert(base.db(), &items, now, bulk).await?;
            times[slot].push(started.elapsed().as_secs_f64());
            base.db().close().await;
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let [p, r, a, b] = times.each_mut().map(median);
    let rate = |secs: f64| args.n as f64 / secs;
    let (first, again) = last;
    println!(
        "crossdesk bench ingest: {} synthetic messages on {backend}, median of {} rounds",
        args.n,
        args.rounds.max(1)
    );
    println!(
        "pipeline (parse → triage → threading → persist):               {:>9.0} msg/s  {p:>6.2} s  ({} stored, {} tickets)",
        rate(p),
        first.stored,
        first.tickets_created
    );
    println!(
        "re-ingest of the same file (all duplicates):                   {:>9.0} msg/s  {r:>6.2} s  ({} stored, {} duplicates)",
        rate(r),
        again.stored,
        again.duplicates
    );
    println!(
        "baseline A, the same rows as bare single-row INSERTs, one txn: {:>9.0} msg/s  {a:>6.2} s",
        rate(a)
    );
    println!(
        "baseline B, the same rows as multi-row INSERTs, one txn:       {:>9.0} msg/s  {b:>6.2} s",
        rate(b)
    );
    println!(
        "ratio pipeline / baseline A: {:.2}   pipeline / baseline B: {:.2}",
        a / p,
        b / p
    );
    Ok(ExitCode::SUCCESS)
}
