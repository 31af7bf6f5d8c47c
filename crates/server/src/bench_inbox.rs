//! `crossdesk bench inbox`: the inbox page's server time over a large database.
//!
//! Fills a database with `--tickets` synthetic tickets (or reuses one that holds that
//! many), starts the real HTTP server in this process on a free port, signs in as an admin
//! and times `GET` requests end to end (the whole body read) for the inbox's usual views
//! and searches. Beside each case it times the same page's storage work alone (the list
//! and the capped count, as the page runs them) so server time can be attributed, and a
//! yardstick measured in the same run (the same page query by primary key), because the
//! machine may be shared and noisy.

use crate::startup::Application;
use chrono::{DateTime, Duration, Utc};
use crossdesk_app::{App, AppConfig, Db, SystemClock};
use crossdesk_db::{BulkTicket, SlaState, StoreScope, TicketFilter};
use crossdesk_domain::access::AgentSpec;
use crossdesk_domain::import::ImportRecord;
use crossdesk_domain::inbound::Inbound;
use crossdesk_domain::model::{Role, TicketStatus};
use crossdesk_domain::text::search_text;
use crossdesk_domain::triage::TriageConfig;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Instant;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The page measured. Until the web inbox serves `/inbox`, the JSON list
/// ([`API_PATH`]) with the same filters stands in (without the count).
pub const INBOX_PATH: &str = "/inbox";
/// The JSON ticket list, measured when [`INBOX_PATH`] is not served.
pub const API_PATH: &str = "/api/v1/tickets";

/// What the page shows as "10,000+".
const COUNT_CAP: i64 = 10_000;
/// Page size of the inbox.
const PAGE: u32 = 50;
/// Tickets per generated chunk (one transaction each).
const CHUNK: usize = 20_000;
/// Untimed requests per case first.
const WARM_UP: usize = 10;

const ADMIN_EMAIL: &str = "bench-admin@crossdesk.invalid";
const ADMIN_PASSWORD: &str = "bench-inbox-password";

/// Options of `crossdesk bench inbox`.
#[derive(Debug, clap::Args)]
pub struct BenchInboxArgs {
    /// Tickets in the database.
    #[arg(long, default_value_t = 1_000_000)]
    tickets: usize,
    /// The database to fill, or to reuse when it already holds that many tickets (it is
    /// never removed). Default: a file in the temporary directory, removed after the run
    /// unless `--keep` (and then reused by the next run).
    #[arg(long)]
    database: Option<String>,
    /// Timed requests per case.
    #[arg(long, default_value_t = 200)]
    requests: usize,
    /// Keep the default database file for the next run.
    #[arg(long)]
    keep: bool,
    /// Seed of the synthetic tickets.
    #[arg(long, default_value_t = 7)]
    seed: u64,
}

/// Stores: three groups of four, over the demo's store templates.
const STORES: &[(&str, &[&str])] = &[
    (
        "acme",
        &[
            "acme-us-amzn",
            "acme-de-ebay",
            "acme-global-shop",
            "acme-ali",
        ],
    ),
    (
        "orbit",
        &[
            "acme-uk-amzn",
            "acme-fr-amzn",
            "acme-global-shop",
            "acme-it-ebay",
        ],
    ),
    (
        "lumen",
        &["acme-jp-amzn", "acme-us-amzn", "acme-ali", "acme-de-ebay"],
    ),
];

fn store_key(group: &str, template: &str) -> String {
    format!("{group}-{}", template.trim_start_matches("acme-"))
}

fn store_records() -> Result<Vec<ImportRecord>> {
    let mut out = Vec::new();
    for (group, templates) in STORES {
        for t in *templates {
            let (platform, currency) = match *t {
                t if t.ends_with("amzn") && t.contains("-jp-") => ("amazon", "JPY"),
                t if t.ends_with("amzn") && t.contains("-uk-") => ("amazon", "GBP"),
                t if t.ends_with("amzn") && t.contains("-us-") => ("amazon", "USD"),
                t if t.ends_with("amzn") => ("amazon", "EUR"),
                t if t.ends_with("ebay") => ("ebay", "EUR"),
                t if t.ends_with("shop") => ("shopify", "USD"),
                _ => ("aliexpress", "USD"),
            };
            let key = store_key(group, t);
            out.push(ImportRecord::parse(&json!({
                "type": "store", "key": key, "name": key, "platform": platform,
                "currency": currency, "group": group,
            }))?);
        }
    }
    Ok(out)
}

/// A customer: the identity of the first message given to them.
#[derive(Debug, Clone)]
struct Customer {
    name: String,
    contact: String,
    id: Option<i64>,
}

/// Deterministic ticket generator (the same seed and count give the same tickets).
struct Generator {
    messages: Box<dyn Iterator<Item = Value> + Send>,
    rng: fastrand::Rng,
    now: DateTime<Utc>,
    customers: Vec<Option<Customer>>,
    stores: HashMap<String, i64>,
    agents: Vec<i64>,
    config: TriageConfig,
}

/// One generated ticket before its customer has an id.
struct Draft {
    ticket: BulkTicket,
    customer: usize,
    order_number: Option<String>,
}

impl Generator {
    fn new(seed: u64, n: usize, now: DateTime<Utc>, stores: HashMap<String, i64>) -> Self {
        Self {
            messages: Box::new(crossdesk_demo::synthetic_inbound(seed, n, now)),
            rng: fastrand::Rng::with_seed(seed ^ 0x1b0c),
            now,
            customers: vec![None; (n / 3).max(1)],
            stores,
            agents: Vec::new(),
            config: TriageConfig::default(),
        }
    }

    /// The next `size` tickets (fewer at the end).
    fn chunk(&mut self, size: usize) -> Result<Vec<Draft>> {
        let inbound: Vec<Inbound> = self
            .messages
            .by_ref()
            .take(size)
            .map(|v| Inbound::parse(&v))
            .collect::<std::result::Result<_, _>>()?;
        // Triage is the costly part: both cores.
        let config = &self.config;
        let half = inbound.len().div_ceil(2);
        let triaged = std::thread::scope(|s| {
            let parts: Vec<_> = inbound
                .chunks(half.max(1))
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .map(|m| crossdesk_app::intake::triage_inbound(m, config))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            parts
                .into_iter()
                .map(|p| p.join().unwrap_or_default())
                .collect::<Vec<_>>()
                .concat()
        });
        let mut out = Vec::with_capacity(inbound.len());
        for (m, t) in inbound.iter().zip(triaged) {
            out.push(self.draft(m, &t));
        }
        Ok(out)
    }

    fn draft(&mut self, m: &Inbound, t: &crossdesk_domain::triage::Triage) -> Draft {
        let rng = &mut self.rng;
        let c = rng.usize(..self.customers.len());
        let customer = self.customers[c]
            .get_or_insert_with(|| Customer {
                name: m
                    .author
                    .name
                    .clone()
                    .or_else(|| m.author.handle.clone())
                    .unwrap_or_else(|| format!("Customer {c}")),
                contact: m
                    .author
                    .email
                    .clone()
                    .or_else(|| m.author.handle.clone())
                    .or_else(|| m.author.buyer_id.clone())
                    .unwrap_or_default(),
                id: None,
            })
            .clone();
        // Tickets arrive evenly over the year; old ones are mostly done.
        let age = Duration::seconds(rng.i64(0..365 * 86_400));
        let first = self.now - age;
        let last = (first + Duration::seconds(rng.i64(0..5 * 86_400))).min(self.now);
        let age_days = age.num_seconds() as f64 / 86_400.0;
        let open = rng.f64() < 0.25 + 0.7 * (-age_days / 90.0).exp();
        let status = if open {
            match rng.u32(0..10) {
                0..=2 => TicketStatus::New,
                3..=6 => TicketStatus::Open,
                7..=8 => TicketStatus::WaitingCustomer,
                _ => TicketStatus::SolutionProposed,
            }
        } else if rng.u32(0..10) < 7 {
            TicketStatus::Closed
        } else {
            TicketStatus::Resolved
        };
        let assigned = match status {
            TicketStatus::New => rng.u32(0..10) < 2,
            _ => rng.u32(0..20) != 0,
        };
        let assignee_id = if assigned && !self.agents.is_empty() {
            Some(self.agents[rng.usize(..self.agents.len())])
        } else {
            None
        };
        let marketplace = matches!(m.channel.as_str(), "amazon" | "ebay");
        let hours = |h: i64| Duration::hours(h);
        let (frd, responded, sd, hd) = match status {
            TicketStatus::New => (
                Some(first + hours(if marketplace { 12 } else { 4 })),
                None,
                Some(first + hours(48)),
                marketplace.then(|| first + hours(24)),
            ),
            TicketStatus::Open => (
                None,
                Some(first + Duration::minutes(rng.i64(5..600))),
                Some(last + hours(rng.i64(4..72))),
                None,
            ),
            _ => (
                None,
                Some(first + Duration::minutes(rng.i64(5..600))),
                None,
                None,
            ),
        };
        let done = (!open).then(|| last + hours(rng.i64(1..96)));
        let store_id = m.store.as_deref().and_then(|template| {
            let groups: Vec<&str> = STORES
                .iter()
                .filter(|(_, ts)| ts.contains(&template))
                .map(|(g, _)| *g)
                .collect();
            let group = groups.get(rng.usize(..groups.len().max(1)))?;
            self.stores.get(&store_key(group, template)).copied()
        });
        let order_number = m
            .text
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':' | '(' | ')'))
            .find(|w| {
                let parts: Vec<&str> = w.split('-').collect();
                parts.len() == 3
                    && [3, 7, 7] == [parts[0].len(), parts[1].len(), parts[2].len()]
                    && w.chars().all(|c| c.is_ascii_digit() || c == '-')
            })
            .map(str::to_string);
        let ticket = BulkTicket {
            store_id,
            customer_id: 0,
            channel: m.channel.as_str().to_string(),
            visibility: m.visibility.as_str().to_string(),
            subject: Some(
                m.subject
                    .clone()
                    .unwrap_or_else(|| m.text.chars().take(120).collect()),
            ),
            status: status.as_str().to_string(),
            category: t.category.as_str().to_string(),
            urgency: t.urgency.as_str().to_string(),
            language: t.language.clone(),
            sentiment: f64::from(t.sentiment),
            assignee_id,
            message_count: 1 + i64::from(rng.u8(0..6)),
            first_message_at: first,
            last_message_at: last.max(first),
            search_text: search_text(&[
                m.subject.as_deref().unwrap_or_default(),
                &m.text,
                &customer.name,
                &customer.contact,
                m.order_ref.as_deref().unwrap_or_default(),
            ]),
            first_response_due_at: frd,
            first_responded_at: responded,
            solution_due_at: sd,
            hard_due_at: hd,
            resolved_at: done,
            closed_at: done.filter(|_| status == TicketStatus::Closed),
        };
        Draft {
            ticket,
            customer: c,
            order_number,
        }
    }
}

/// What the searches look for, taken from the generated tickets.
#[derive(Debug, Default)]
struct Samples {
    customer_name: Option<String>,
    order_number: Option<String>,
}

impl Samples {
    fn take(&mut self, drafts: &[Draft], customers: &[Option<Customer>]) {
        for d in drafts.iter().skip(1000) {
            if self.order_number.is_none() {
                self.order_number = d.order_number.clone();
            }
            if self.customer_name.is_none()
                && let Some(c) = &customers[d.customer]
                && c.name.split_whitespace().count() >= 2
            {
                self.customer_name = Some(c.name.clone());
            }
        }
    }
}

async fn ticket_count(db: &Db) -> Result<i64> {
    Ok(db
        .counts()
        .await?
        .into_iter()
        .find(|(t, _)| *t == "tickets")
        .map_or(0, |(_, n)| n))
}

/// Creates the stores and agents (again, harmlessly, on a reused database) and returns
/// the store ids by key and the agent ids.
async fn accounts(app: &App) -> Result<(HashMap<String, i64>, Vec<i64>)> {
    app.import_records(&store_records()?).await?;
    let stores = app
        .db()
        .stores()
        .await?
        .into_iter()
        .map(|s| (s.key, s.id))
        .collect();
    let agent = |email: String, role: Role, password: Option<&str>| AgentSpec {
        email,
        name: "Bench agent".into(),
        role,
        team: None,
        languages: Vec::new(),
        categories: Vec::new(),
        locale: "en".into(),
        max_open: 25,
        on_call: false,
        all_stores: true,
        stores: Vec::new(),
        groups: Vec::new(),
        active: true,
        password: password.map(str::to_string),
    };
    app.save_agent(&agent(
        ADMIN_EMAIL.into(),
        Role::Admin,
        Some(ADMIN_PASSWORD),
    ))
    .await?;
    let mut agents = Vec::new();
    for i in 0..24 {
        let spec = agent(format!("agent{i}@bench.invalid"), Role::Agent, None);
        agents.push(app.save_agent(&spec).await?);
    }
    Ok((stores, agents))
}

#[allow(clippy::disallowed_methods)] // the tickets are anchored to now, like the server's clock
fn now() -> DateTime<Utc> {
    Utc::now()
}

async fn fill(app: &App, generator: &mut Generator, n: usize, samples: &mut Samples) -> Result<()> {
    let started = Instant::now();
    let mut made = 0;
    while made < n {
        let mut drafts = generator.chunk(CHUNK.min(n - made))?;
        if drafts.is_empty() {
            break;
        }
        samples.take(&drafts, &generator.customers);
        let fresh: Vec<usize> = {
            let mut v: Vec<usize> = drafts
                .iter()
                .map(|d| d.customer)
                .filter(|&c| {
                    generator.customers[c]
                        .as_ref()
                        .is_some_and(|c| c.id.is_none())
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let names: Vec<String> = fresh
            .iter()
            .filter_map(|&c| generator.customers[c].as_ref().map(|c| c.name.clone()))
            .collect();
        let ids = app
            .db()
            .bulk_insert_customers(&names, generator.now)
            .await?;
        for (&c, id) in fresh.iter().zip(ids) {
            if let Some(customer) = generator.customers[c].as_mut() {
                customer.id = Some(id);
            }
        }
        for d in &mut drafts {
            d.ticket.customer_id = generator.customers[d.customer]
                .as_ref()
                .and_then(|c| c.id)
                .ok_or("a customer without an id")?;
        }
        let tickets: Vec<BulkTicket> = drafts.into_iter().map(|d| d.ticket).collect();
        app.db()
            .bulk_insert_tickets(&tickets, generator.now)
            .await?;
        made += tickets.len();
        if made % 100_000 < CHUNK || made == n {
            let secs = started.elapsed().as_secs_f64();
            eprintln!(
                "  {made:>9} / {n} tickets  {secs:>6.1} s  ({:.0} tickets/s)",
                made as f64 / secs
            );
        }
    }
    Ok(())
}

/// One measured view: its query string and the filter the page builds from it.
struct Case {
    name: String,
    query: String,
    filter: TicketFilter,
}

fn open_statuses() -> Vec<String> {
    TicketStatus::ALL
        .iter()
        .filter(|s| !matches!(s, TicketStatus::Resolved | TicketStatus::Closed))
        .map(|s| s.as_str().to_string())
        .collect()
}

fn cases(samples: &Samples, store: &str, now: DateTime<Utc>) -> Vec<Case> {
    let base = || TicketFilter {
        status: open_statuses(),
        scope: StoreScope::All,
        limit: PAGE,
        ..TicketFilter::default()
    };
    let mut out = Vec::new();
    let mut add = |name: &str, params: &[(&str, &str)], filter: TicketFilter| {
        let query = params
            .iter()
            .map(|(k, v)| format!("{k}={}", crate::web::url_encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        out.push(Case {
            name: name.to_string(),
            query,
            filter,
        });
    };
    add("default view (open, newest first)", &[], base());
    let text = |q: &str| TicketFilter {
        text: Some(q.to_string()),
        ..base()
    };
    add(
        "search \"refund\" in one store",
        &[("q", "refund"), ("store", store)],
        TicketFilter {
            store: Some(store.to_string()),
            ..text("refund")
        },
    );
    add("search 退款 (Chinese)", &[("q", "退款")], text("退款"));
    if let Some(name) = &samples.customer_name {
        add(
            &format!("search a customer name ({name})"),
            &[("q", name)],
            text(name),
        );
    }
    if let Some(order) = &samples.order_number {
        add(
            &format!("search an order number ({order})"),
            &[("q", order)],
            text(order),
        );
    }
    add(
        "search \"order\" (common word)",
        &[("q", "order")],
        text("order"),
    );
    add(
        "search \"lieferung\" + prefix \"verspä\"",
        &[("q", "lieferung verspä")],
        text("lieferung verspä"),
    );
    add(
        "one store",
        &[("store", store)],
        TicketFilter {
            store: Some(store.to_string()),
            ..base()
        },
    );
    add(
        "one language (de)",
        &[("language", "de")],
        TicketFilter {
            language: Some("de".to_string()),
            ..base()
        },
    );
    add(
        "pool (unassigned)",
        &[("assignee", "none")],
        TicketFilter {
            assignee: Some(None),
            ..base()
        },
    );
    for state in [SlaState::Breached, SlaState::AtRisk] {
        add(
            &format!("sla={}", state.as_str()),
            &[("sla", state.as_str())],
            TicketFilter {
                sla: Some((state, now)),
                ..base()
            },
        );
    }
    out
}

#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    p50: f64,
    p95: f64,
    p99: f64,
    max: f64,
}

fn stats(mut ms: Vec<f64>) -> Stats {
    if ms.is_empty() {
        return Stats::default();
    }
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((q * ms.len() as f64).ceil() as usize).clamp(1, ms.len()) - 1];
    Stats {
        p50: at(0.50),
        p95: at(0.95),
        p99: at(0.99),
        max: ms[ms.len() - 1],
    }
}

async fn sign_in(client: &reqwest::Client, base: &str) -> Result<String> {
    let response = client
        .post(format!("{base}/api/v1/session"))
        .json(&json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}))
        .send()
        .await?;
    if !response.status().is_success() {
        return Err(format!("sign-in answered {}", response.status()).into());
    }
    let prefix = format!("{}=", crate::api::COOKIE);
    response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&prefix))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
        .ok_or_else(|| "no session cookie in the sign-in answer".into())
}

async fn get(client: &reqwest::Client, url: &str, cookie: &str) -> Result<(u16, usize)> {
    let response = client
        .get(url)
        .header(reqwest::header::COOKIE, cookie)
        .send()
        .await?;
    let status = response.status().as_u16();
    let body = response.bytes().await?;
    Ok((status, body.len()))
}

/// `crossdesk bench inbox`.
pub async fn run(args: BenchInboxArgs) -> Result<ExitCode> {
    let n = args.tickets.max(1);
    let default_file = std::env::temp_dir().join(format!("crossdesk-bench-inbox-{n}.db"));
    let (url, remove_after) = match &args.database {
        Some(url) => (url.clone(), None),
        None => (
            format!("sqlite://{}", default_file.display()),
            (!args.keep).then(|| default_file.clone()),
        ),
    };
    let db = Db::connect(&url).await?;
    let backend = db.backend().name();
    let app = App::new(db, std::sync::Arc::new(SystemClock), AppConfig::default());
    let (stores, agents) = accounts(&app).await?;
    let now = now();
    let mut generator = Generator::new(args.seed, n, now, stores.clone());
    generator.agents = agents;
    let mut samples = Samples::default();
    let existing = ticket_count(app.db()).await?;
    let origin = if existing >= n as i64 {
        // Regenerate the first chunk (not stored) for the search terms.
        let drafts = generator.chunk(CHUNK.min(n))?;
        samples.take(&drafts, &generator.customers);
        format!("reused, {existing} tickets")
    } else if existing == 0 {
        eprintln!("filling {} with {n} tickets…", app.db().display_url());
        let started = Instant::now();
        fill(&app, &mut generator, n, &mut samples).await?;
        app.db().refresh_statistics().await?;
        format!("filled in {:.0} s", started.elapsed().as_secs_f64())
    } else {
        return Err(format!(
            "{} holds {existing} tickets, fewer than --tickets {n}: use an empty or new database",
            app.db().display_url()
        )
        .into());
    };

    // The real server, in this process, on a free port.
    let listener = crate::startup::bind("127.0.0.1:0").await?;
    let application = Application::from_listener(app.clone(), listener)?;
    let base = format!("http://{}", application.address());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(application.run(async move {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::new();
    let cookie = sign_in(&client, &base).await?;
    let (probe, _) = get(&client, &format!("{base}{INBOX_PATH}"), &cookie).await?;
    let (path, api) = if probe == 200 {
        (INBOX_PATH.to_string(), false)
    } else {
        eprintln!(
            "note: {INBOX_PATH} answered {probe}; measuring {API_PATH} (the list alone) instead"
        );
        (
            format!(
                "{API_PATH}?limit={PAGE}&status={}",
                open_statuses().join(",")
            ),
            true,
        )
    };
    let store = STORES
        .first()
        .and_then(|(g, ts)| ts.first().map(|t| store_key(g, t)))
        .unwrap_or_default();
    let cases = cases(&samples, &store, now);

    println!(
        "crossdesk bench inbox: {n} tickets on {backend} ({origin}); {} timed requests per case after {WARM_UP} warm-ups",
        args.requests
    );
    println!(
        "HTTP: GET {path}{} end to end (signed in, whole body read); DB: list_tickets + count_tickets_capped({COUNT_CAP}) side by side, as the page runs them",
        if api { "&…" } else { "?…" }
    );
    println!(
        "{:<44} {:>8} {:>8} | {:>8} {:>8} {:>8} {:>8} | {:>8} {:>8}",
        "case", "matches", "rows", "HTTP p50", "p95", "p99", "max", "DB p50", "p95"
    );
    let db = app.db().clone();
    let mut default_p95 = (0.0, 0.0);
    for case in &cases {
        let sep = if path.contains('?') { '&' } else { '?' };
        let url = if case.query.is_empty() {
            format!("{base}{path}")
        } else {
            format!("{base}{path}{sep}{}", case.query)
        };
        for _ in 0..WARM_UP {
            let (status, _) = get(&client, &url, &cookie).await?;
            if status != 200 {
                return Err(format!("GET {url} answered {status}").into());
            }
        }
        let mut http = Vec::with_capacity(args.requests);
        for _ in 0..args.requests {
            let started = Instant::now();
            get(&client, &url, &cookie).await?;
            http.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        let mut storage = Vec::with_capacity(args.requests);
        let mut shown = (0, (0, false));
        for _ in 0..args.requests.clamp(1, 50) {
            let started = Instant::now();
            let (page, count) = tokio::try_join!(
                db.list_tickets(&case.filter),
                db.count_tickets_capped(&case.filter, COUNT_CAP)
            )?;
            storage.push(started.elapsed().as_secs_f64() * 1000.0);
            shown = (page.items.len(), count);
        }
        let (h, d) = (stats(http), stats(storage));
        if case.query.is_empty() {
            default_p95 = (h.p95, d.p95);
        }
        let (rows, (count, capped)) = shown;
        let matches = if capped {
            format!("{count}+")
        } else {
            count.to_string()
        };
        println!(
            "{:<44} {matches:>8} {rows:>8} | {:>8.1} {:>8.1} {:>8.1} {:>8.1} | {:>8.1} {:>8.1}",
            truncate(&case.name, 44),
            h.p50,
            h.p95,
            h.p99,
            h.max,
            d.p50,
            d.p95
        );
    }

    // The yardstick, same run: the page query by primary key, and the HTTP floor.
    let mut floor = Vec::with_capacity(args.requests);
    for _ in 0..args.requests {
        let started = Instant::now();
        get(&client, &format!("{base}/healthz"), "").await?;
        floor.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let mut yard = Vec::with_capacity(args.requests);
    for _ in 0..args.requests {
        let started = Instant::now();
        db.baseline_page(PAGE).await?;
        yard.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let (f, y) = (stats(floor), stats(yard));
    println!(
        "{:<44} {:>8} {:>8} | {:>8.1} {:>8.1} {:>8.1} {:>8.1} | {:>8} {:>8}",
        "baseline: GET /healthz (HTTP floor)", "", "", f.p50, f.p95, f.p99, f.max, "", ""
    );
    println!(
        "{:<44} {:>8} {:>8} | {:>8} {:>8} {:>8} {:>8} | {:>8.1} {:>8.1}",
        "baseline: the page query by primary key",
        "",
        PAGE + 1,
        "",
        "",
        "",
        "",
        y.p50,
        y.p95
    );
    println!(
        "ratio to the page by primary key (p95): default view HTTP {:.1}x, DB {:.1}x",
        default_p95.0 / y.p95.max(0.001),
        default_p95.1 / y.p95.max(0.001)
    );

    let _ = stop.send(());
    let _ = server.await;
    app.db().close().await;
    if let Some(file) = remove_after {
        for suffix in ["", "-wal", "-shm"] {
            let mut path = file.clone().into_os_string();
            path.push(suffix);
            let _ = std::fs::remove_file(path);
        }
    } else if args.database.is_none() {
        println!("kept {}", default_file.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}
