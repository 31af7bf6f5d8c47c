//! The case workflow in storage: routing and SLA clocks for new tickets, replies through
//! the outbox, lifecycle transitions, assignment, and what the timers do when they fire.
//! Every change is written with its ticket events in one transaction; the decisions are the
//! domain's ([`crossdesk_domain::routing`], [`crossdesk_domain::sla`],
//! [`crossdesk_domain::lifecycle`]).
//!
//! A ticket's SLA lives in its `sla` column (the targets it was opened under, its pauses and
//! the warnings already given) and in due-time columns the queues sort by. One `sla` timer
//! per ticket waits for the next moment anything falls due; when it fires it records what
//! is due and schedules the next.

use crate::sql::{RowExt, ms, time};
use crate::{Db, DbError, TeamView};
use chrono::{DateTime, Duration, Utc};
use crossdesk_domain::access::business_hours;
use crossdesk_domain::lifecycle;
use crossdesk_domain::model::{
    ActorKind, Category, Channel, Role, TicketStatus, Urgency, Visibility,
};
use crossdesk_domain::routing::{self, Candidate, Route};
use crossdesk_domain::sla::{
    BusinessHours, Calendar, PolicyFacts, Progress, SlaPolicy, SlaTargets, clocks, targets_for,
};
use crossdesk_domain::templates::{self, TemplateKind};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sqlx::AnyConnection;
use std::collections::HashMap;

/// A ticket closes by itself this long after `resolved` with no customer reply.
pub const AUTO_CLOSE_AFTER: Duration = Duration::days(7);
/// The survey goes out this long after close.
pub const SURVEY_AFTER: Duration = Duration::days(10);

/// Who did something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// Agent, integration or system.
    pub kind: ActorKind,
    /// The agent (for agents and integrations).
    pub agent: Option<i64>,
}

impl Actor {
    /// crossdesk itself.
    pub const SYSTEM: Actor = Actor {
        kind: ActorKind::System,
        agent: None,
    };
}

/// The SLA state kept on a ticket (its `sla` column).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
struct SlaState {
    /// Minutes of each target.
    first_response: i64,
    first_response_target: Option<i64>,
    calendar: String,
    hard_limit: Option<i64>,
    solution: i64,
    update: i64,
    escalate: i64,
    /// Waiting-on-customer spans, Unix ms.
    pauses: Vec<(i64, Option<i64>)>,
    /// Warnings and breaches already recorded (`first_response:warn:<due ms>`).
    marks: Vec<String>,
}

impl SlaState {
    fn new(t: &SlaTargets) -> Self {
        Self {
            first_response: t.first_response.num_minutes(),
            first_response_target: t.first_response_target.map(|d| d.num_minutes()),
            calendar: match t.first_response_calendar {
                Calendar::Always => "always".into(),
                Calendar::Business => "business".into(),
            },
            hard_limit: t.hard_limit.map(|d| d.num_minutes()),
            solution: t.solution_plan.num_minutes(),
            update: t.update_every.num_minutes(),
            escalate: t.escalate_after.num_minutes(),
            pauses: Vec::new(),
            marks: Vec::new(),
        }
    }

    fn targets(&self) -> SlaTargets {
        SlaTargets {
            first_response: Duration::minutes(self.first_response),
            first_response_target: self.first_response_target.map(Duration::minutes),
            first_response_calendar: if self.calendar == "always" {
                Calendar::Always
            } else {
                Calendar::Business
            },
            hard_limit: self.hard_limit.map(Duration::minutes),
            solution_plan: Duration::minutes(self.solution),
            update_every: Duration::minutes(self.update),
            escalate_after: Duration::minutes(self.escalate),
        }
    }

    fn pauses(&self) -> Vec<crossdesk_domain::sla::Pause> {
        self.pauses
            .iter()
            .map(|(a, b)| crossdesk_domain::sla::Pause {
                from: time(*a),
                until: b.map(time),
            })
            .collect()
    }

    fn waiting(&self) -> bool {
        self.pauses.last().is_some_and(|(_, until)| until.is_none())
    }
}

/// The people, teams, stores and policies routing and SLAs decide with, loaded once per
/// batch.
pub(crate) struct Roster {
    teams: HashMap<i64, (TeamView, BusinessHours)>,
    team_order: Vec<i64>,
    agents: Vec<RosterAgent>,
    stores: HashMap<i64, (String, Option<String>)>,
    /// The stores' own time zones (their buyers' local time).
    store_zones: HashMap<i64, crossdesk_domain::sla::Tz>,
    store_names: HashMap<i64, String>,
    policies: Vec<SlaPolicy>,
}

struct RosterAgent {
    candidate: Candidate,
    role: Role,
    team: Option<i64>,
}

impl Roster {
    /// With `routing`, also the agents' loads and store scopes (what choosing an agent
    /// needs); without, only what the clocks need.
    pub(crate) async fn load(
        db: &Db,
        conn: &mut AnyConnection,
        now: DateTime<Utc>,
        routing: bool,
    ) -> Result<Self, DbError> {
        let mut teams = HashMap::new();
        let mut team_order = Vec::new();
        for r in sqlx::query(
            "SELECT id, key, name, timezone, hours, holidays, categories, auto_reply FROM teams ORDER BY id",
        )
        .fetch_all(&mut *conn)
        .await?
        {
            let team = TeamView {
                id: r.int(0)?,
                key: r.text(1)?,
                name: r.text(2)?,
                timezone: r.text(3)?,
                hours: serde_json::from_str(&r.text(4)?).unwrap_or_default(),
                holidays: serde_json::from_str(&r.text(5)?).unwrap_or_default(),
                categories: serde_json::from_str(&r.text(6)?).unwrap_or_default(),
                auto_reply: r.text(7)?,
            };
            let spec = team.spec();
            // Hours were validated when saved; a team whose stored hours no longer parse
            // (a zone renamed) counts around the clock rather than stopping intake.
            let hours = business_hours(&spec.timezone, &spec.hours, &spec.holidays)
                .unwrap_or_else(|_| BusinessHours::always());
            team_order.push(team.id);
            teams.insert(team.id, (team, hours));
        }
        let mut stores = HashMap::new();
        let mut store_zones = HashMap::new();
        let mut store_names = HashMap::new();
        let mut all_stores = Vec::new();
        for r in sqlx::query(
            "SELECT s.id, s.key, g.key, s.timezone, s.name FROM stores s LEFT JOIN store_groups g ON g.id = s.group_id",
        )
        .fetch_all(&mut *conn)
        .await?
        {
            all_stores.push(r.int(0)?);
            stores.insert(r.int(0)?, (r.text(1)?, r.opt_text(2)?));
            store_names.insert(r.int(0)?, r.text(4)?);
            if let Some(zone) = r.opt_text(3)?.and_then(|z| z.parse::<crossdesk_domain::sla::Tz>().ok()) {
                store_zones.insert(r.int(0)?, zone);
            }
        }
        let mut policies = Vec::new();
        for (_, spec) in db.sla_policies_in(conn).await? {
            if let Ok(p) = spec.validate() {
                policies.push(p);
            }
        }
        let mut agents = Vec::new();
        let rows = sqlx::query(
            "SELECT id, role, team_id, languages, categories, max_open, on_call, all_stores FROM agents \
             WHERE active = 1 ORDER BY id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut open: HashMap<i64, u32> = HashMap::new();
        let mut scopes: HashMap<i64, Vec<i64>> = HashMap::new();
        if routing && !rows.is_empty() {
            for r in sqlx::query(
                "SELECT assignee_id, COUNT(*) FROM tickets WHERE assignee_id IS NOT NULL \
                 AND status IN ('new', 'open', 'waiting_customer', 'solution_proposed') GROUP BY assignee_id",
            )
            .fetch_all(&mut *conn)
            .await?
            {
                open.insert(r.int(0)?, u32::try_from(r.int(1)?).unwrap_or(u32::MAX));
            }
            for r in sqlx::query(
                "SELECT sc.agent_id, s.id FROM agent_scopes sc JOIN stores s \
                 ON s.id = sc.store_id OR (sc.group_id IS NOT NULL AND s.group_id = sc.group_id)",
            )
            .fetch_all(&mut *conn)
            .await?
            {
                scopes.entry(r.int(0)?).or_default().push(r.int(1)?);
            }
        }
        for r in rows {
            let id = r.int(0)?;
            let role = Role::parse(&r.text(1)?).unwrap_or(Role::Agent);
            let team = r.opt_int(2)?;
            let every = role == Role::Admin || r.int(7)? != 0;
            let list = |s: String| -> Vec<String> { serde_json::from_str(&s).unwrap_or_default() };
            let mut categories: Vec<Category> = list(r.text(4)?)
                .iter()
                .filter_map(|c| Category::parse(c))
                .collect();
            if categories.is_empty()
                && let Some((t, _)) = team.and_then(|t| teams.get(&t))
            {
                categories = t
                    .categories
                    .iter()
                    .filter_map(|c| Category::parse(c))
                    .collect();
            }
            let on_shift = team
                .and_then(|t| teams.get(&t))
                .is_none_or(|(_, hours)| hours.is_open(now));
            agents.push(RosterAgent {
                candidate: Candidate {
                    id,
                    languages: list(r.text(3)?),
                    stores: if every {
                        all_stores.clone()
                    } else {
                        scopes.remove(&id).unwrap_or_default()
                    },
                    all_stores: every,
                    categories,
                    open: open.get(&id).copied().unwrap_or(0),
                    cap: u32::try_from(r.int(5)?).unwrap_or(25),
                    on_shift,
                    on_call_lead: r.int(6)? != 0 && matches!(role, Role::Lead | Role::Admin),
                },
                role,
                team,
            });
        }
        Ok(Self {
            teams,
            team_order,
            agents,
            stores,
            store_zones,
            store_names,
            policies,
        })
    }

    /// The team whose hours a ticket's clock counts: the assignee's, else the first team
    /// handling the category, else the first catch-all team.
    fn team_for(&self, assignee: Option<i64>, category: Category) -> Option<i64> {
        if let Some(t) = assignee
            .and_then(|a| self.agents.iter().find(|x| x.candidate.id == a))
            .and_then(|a| a.team)
        {
            return Some(t);
        }
        let handles = |id: &&i64| {
            self.teams
                .get(id)
                .is_some_and(|(t, _)| t.categories.iter().any(|c| c == category.as_str()))
        };
        let catch_all = |id: &&i64| {
            self.teams
                .get(id)
                .is_some_and(|(t, _)| t.categories.is_empty())
        };
        self.team_order
            .iter()
            .find(handles)
            .or_else(|| self.team_order.iter().find(catch_all))
            .copied()
    }

    fn hours(&self, team: Option<i64>) -> BusinessHours {
        team.and_then(|t| self.teams.get(&t))
            .map(|(_, h)| h.clone())
            .unwrap_or_else(BusinessHours::always)
    }

    fn targets(&self, ticket: &TicketFacts, team: Option<i64>) -> SlaTargets {
        let (store, group) = ticket
            .store_id
            .and_then(|s| self.stores.get(&s))
            .map(|(k, g)| (Some(k.as_str()), g.as_deref()))
            .unwrap_or((None, None));
        let team_key = team
            .and_then(|t| self.teams.get(&t))
            .map(|(t, _)| t.key.as_str());
        targets_for(
            &self.policies,
            &PolicyFacts {
                channel: ticket.channel,
                urgency: ticket.urgency,
                store,
                group,
                team: team_key,
            },
        )
    }

    fn route(&mut self, t: &TicketFacts) -> Route {
        let candidates: Vec<Candidate> = self.agents.iter().map(|a| a.candidate.clone()).collect();
        let decision = routing::route(
            &routing::Ticket {
                store: t.store_id,
                language: &t.language,
                category: t.category,
                urgency: t.urgency,
                assignee: t.assignee,
            },
            &candidates,
        );
        if let Route::Assign { agent, .. } = decision
            && t.assignee != Some(agent)
            && let Some(a) = self.agents.iter_mut().find(|a| a.candidate.id == agent)
        {
            a.candidate.open += 1;
        }
        decision
    }

    /// The out-of-hours reply for a new private ticket whose team has it on and is closed
    /// now: the standard text in the buyer's language, with the time a person answers in
    /// the store's zone (its market), else the team's.
    fn out_of_hours_reply(
        &self,
        t: &TicketFacts,
        team: Option<i64>,
        now: DateTime<Utc>,
    ) -> Option<String> {
        let (view, hours) = self.teams.get(&team?)?;
        // Only to a message that arrives now: loading history must not write to past buyers.
        let fresh = now - t.started < Duration::hours(1);
        if t.public || !fresh || view.auto_reply != "out_of_hours" || hours.is_open(now) {
            return None;
        }
        let zone = t
            .store_id
            .and_then(|s| self.store_zones.get(&s))
            .copied()
            .unwrap_or_else(|| hours.zone());
        let next = hours.next_open(now).with_timezone(&zone);
        let mut values = std::collections::BTreeMap::new();
        values.insert(
            "customer".to_string(),
            t.customer_name.clone().unwrap_or_default(),
        );
        values.insert(
            "local_time".to_string(),
            format!("{} ({})", next.format("%Y-%m-%d %H:%M"), zone.name()),
        );
        values.insert(
            "store".to_string(),
            t.store_id
                .and_then(|s| self.store_names.get(&s))
                .cloned()
                .unwrap_or_default(),
        );
        let text = templates::standard_text(TemplateKind::OutOfHours, &t.language)?;
        templates::fill(text, &values)
            .ok()
            .map(|s| s.trim().to_string())
    }

    /// A specialist (else a lead) in scope of the store, least loaded.
    fn specialist_for(&self, store: Option<i64>) -> Option<i64> {
        let in_scope = |a: &&RosterAgent| a.candidate.sees(store);
        [Role::Specialist, Role::Lead]
            .iter()
            .find_map(|role| {
                self.agents
                    .iter()
                    .filter(|a| a.role == *role)
                    .filter(in_scope)
                    .min_by_key(|a| (!a.candidate.on_shift, a.candidate.open, a.candidate.id))
            })
            .map(|a| a.candidate.id)
    }
}

/// What intake writes for a ticket it opens.
pub(crate) struct NewTicketPlan {
    pub id: i64,
    pub assignee: Option<i64>,
    pub team: Option<i64>,
    pub clocks: ClockPlan,
    /// Routing events: kind and data.
    pub events: Vec<(&'static str, Value)>,
    /// The out-of-hours reply to send, when the team has it on and is closed.
    pub auto_reply: Option<String>,
}

/// The columns of [`NewTicketPlan`] on a ticket row, after intake's own.
pub(crate) const PLAN_COLUMNS: &[&str] = &[
    "assignee_id",
    "team_id",
    "sla",
    "first_response_due_at",
    "solution_due_at",
    "hard_due_at",
];

/// What routing and the SLA need of a ticket.
#[derive(Debug, Clone)]
pub(crate) struct TicketFacts {
    pub id: i64,
    pub store_id: Option<i64>,
    pub channel: Channel,
    pub category: Category,
    pub urgency: Urgency,
    pub language: String,
    pub assignee: Option<i64>,
    pub started: DateTime<Utc>,
    /// Whether it began in public.
    pub public: bool,
    /// The buyer's name, for an automatic reply.
    pub customer_name: Option<String>,
}

/// An event row to write.
pub(crate) async fn event(
    conn: &mut AnyConnection,
    ticket: i64,
    at: DateTime<Utc>,
    actor: Actor,
    kind: &str,
    data: Value,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO ticket_events (ticket_id, at, actor_kind, actor_id, kind, data) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(ticket)
    .bind(ms(at))
    .bind(actor.kind.as_str())
    .bind(actor.agent)
    .bind(kind)
    .bind(data.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Schedules a timer inside a transaction; nothing when its key exists.
pub(crate) async fn schedule(
    conn: &mut AnyConnection,
    kind: &str,
    key: &str,
    ticket: i64,
    due_at: DateTime<Utc>,
    payload: Value,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO timers (kind, key, ticket_id, due_at, payload) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (key) DO NOTHING",
    )
    .bind(kind)
    .bind(key)
    .bind(ticket)
    .bind(ms(due_at))
    .bind(payload.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A ticket row as the workflow reads it.
struct Row {
    id: i64,
    store_id: Option<i64>,
    channel: Channel,
    status: TicketStatus,
    category: Category,
    urgency: Urgency,
    assignee: Option<i64>,
    team: Option<i64>,
    sla: Option<SlaState>,
    first_message_at: DateTime<Utc>,
    first_responded_at: Option<i64>,
    solution_at: Option<i64>,
    escalated_at: Option<i64>,
    resolved_at: Option<i64>,
}

async fn load(conn: &mut AnyConnection, db: &Db, id: i64) -> Result<Row, DbError> {
    let sql = format!(
        "SELECT id, store_id, channel, status, category, urgency, assignee_id, team_id, sla, first_message_at, \
         first_responded_at, solution_at, escalated_at, resolved_at FROM tickets WHERE id = $1{}",
        db.backend().for_update()
    );
    let r = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(DbError::NotFound)?;
    let stored =
        |what: &str, v: String| DbError::Other(format!("stored {what} {v:?} is not known"));
    Ok(Row {
        id: r.int(0)?,
        store_id: r.opt_int(1)?,
        channel: Channel::parse(&r.text(2)?).ok_or_else(|| stored("channel", String::new()))?,
        status: {
            let s = r.text(3)?;
            TicketStatus::parse(&s).ok_or_else(|| stored("status", s))?
        },
        category: Category::parse(&r.text(4)?).unwrap_or(Category::Other),
        urgency: Urgency::parse(&r.text(5)?).unwrap_or(Urgency::Inquiry),
        assignee: r.opt_int(6)?,
        team: r.opt_int(7)?,
        sla: r.opt_text(8)?.and_then(|s| serde_json::from_str(&s).ok()),
        first_message_at: time(r.int(9)?),
        first_responded_at: r.opt_int(10)?,
        solution_at: r.opt_int(11)?,
        escalated_at: r.opt_int(12)?,
        resolved_at: r.opt_int(13)?,
    })
}

/// A ticket's clock columns and its next `sla` check.
pub(crate) struct ClockPlan {
    pub sla: String,
    pub first_response_due: Option<i64>,
    pub solution_due: Option<i64>,
    pub hard_due: Option<i64>,
    /// Key and due time of the next check.
    pub next_check: Option<(String, DateTime<Utc>)>,
}

/// Computes a ticket's clocks from its SLA state and progress, and when to check next: the
/// next moment anything falls due that has not been recorded.
fn plan_clocks(roster: &Roster, t: &Row, sla: &SlaState, now: DateTime<Utc>) -> ClockPlan {
    let hours = roster.hours(t.team);
    let progress = Progress {
        responded: t.first_responded_at.is_some(),
        solved: t.solution_at.is_some()
            || matches!(t.status, TicketStatus::Resolved | TicketStatus::Closed),
        escalated: t.escalated_at.is_some(),
        pauses: sla.pauses(),
    };
    let c = clocks(&hours, &sla.targets(), t.first_message_at, &progress);
    // The moments still to check, named as their marks are.
    let mut moments: Vec<(String, DateTime<Utc>)> = Vec::new();
    if let Some(d) = c.first_response {
        moments.push((format!("first_response:warn:{}", ms(d.warn)), d.warn));
        moments.push((format!("first_response:breach:{}", ms(d.due)), d.due));
    }
    if let Some(d) = c.solution {
        moments.push((format!("solution:warn:{}", ms(d.warn)), d.warn));
        moments.push((format!("solution:breach:{}", ms(d.due)), d.due));
    }
    if let Some(h) = c.hard_limit {
        moments.push((format!("marketplace_limit:breach:{}", ms(h)), h));
    }
    if let Some(e) = c.escalate_at {
        moments.push((format!("escalation:escalate:{}", ms(e)), e));
    }
    let next_check = if t.status == TicketStatus::Closed {
        None
    } else {
        moments
            .iter()
            .filter(|(mark, _)| !sla.marks.contains(mark))
            .map(|(_, at)| *at)
            .min()
            .map(|next| {
                // A moment already past is checked now, under a key of its own: the key of
                // an earlier check of the same moment (fired while that clock did not run,
                // say before a reopen) must not swallow this one.
                if next <= now {
                    (format!("t{}:sla:{}:{}", t.id, ms(next), ms(now)), now)
                } else {
                    (format!("t{}:sla:{}", t.id, ms(next)), next)
                }
            })
    };
    ClockPlan {
        sla: serde_json::to_string(sla).unwrap_or_default(),
        first_response_due: c.first_response.map(|d| ms(d.due)),
        solution_due: c.solution.map(|d| ms(d.due)),
        hard_due: c.hard_limit.map(ms),
        next_check,
    }
}

/// Writes a ticket's clocks and schedules its next check.
async fn write_clocks(
    conn: &mut AnyConnection,
    roster: &Roster,
    t: &Row,
    sla: &SlaState,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let p = plan_clocks(roster, t, sla, now);
    sqlx::query(
        "UPDATE tickets SET sla = $1, first_response_due_at = $2, solution_due_at = $3, hard_due_at = $4 WHERE id = $5",
    )
    .bind(p.sla)
    .bind(p.first_response_due)
    .bind(p.solution_due)
    .bind(p.hard_due)
    .bind(t.id)
    .execute(&mut *conn)
    .await?;
    if let Some((key, due)) = p.next_check {
        schedule(conn, "sla", &key, t.id, due, json!({})).await?;
    }
    Ok(())
}

/// A reply to send (or a note to keep).
#[derive(Debug, Clone, PartialEq)]
pub struct NewReply {
    /// The ticket.
    pub ticket_id: i64,
    /// Who writes it.
    pub actor: Actor,
    /// The text.
    pub text: String,
    /// Public (a post) or private (a DM or message) on the ticket's channel.
    pub visibility: Visibility,
    /// An internal note: kept on the ticket, never sent.
    pub note: bool,
    /// Repeating a request with the same key does nothing more.
    pub idempotency_key: String,
    /// The status to move to after it (`waiting_customer` after asking for details).
    pub then: Option<TicketStatus>,
    /// The kind of outbox row (`reply`, `auto_reply`).
    pub outbox_kind: &'static str,
}

/// What a reply did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReplyDone {
    /// The message on the ticket.
    pub message_id: i64,
    /// The outbox row a connector sends (none for a note).
    pub outbox_id: Option<i64>,
    /// The ticket's status after it.
    pub status: String,
    /// `false` when the idempotency key had been used: nothing new was written.
    pub created: bool,
}

/// A row of the outbox.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxView {
    /// Id.
    pub id: i64,
    /// Its ticket.
    pub ticket_id: Option<i64>,
    /// The message it carries.
    pub message_id: Option<i64>,
    /// `reply`, `auto_reply` or `survey`.
    pub kind: String,
    /// Channel to send on.
    pub channel: String,
    /// `public` or `private`.
    pub visibility: String,
    /// Who receives it.
    pub recipient: Value,
    /// The text.
    pub body: String,
    /// `pending`, `sending`, `sent` or `failed`.
    pub status: String,
    /// Created.
    pub created_at: DateTime<Utc>,
}

/// The customer's latest message on a ticket: where an answer goes and what it is about.
struct LastInbound {
    external_id: String,
    /// Who receives an answer (for the outbox).
    recipient: Value,
    language: String,
    category: String,
    urgency: String,
}

async fn last_inbound(
    conn: &mut AnyConnection,
    ticket: i64,
) -> Result<Option<LastInbound>, DbError> {
    sqlx::query(
        "SELECT external_id, author_handle, author_name, author_email, author_buyer_id, language, category, urgency \
         FROM messages WHERE ticket_id = $1 AND direction = 'in' ORDER BY sent_at DESC, id DESC LIMIT 1",
    )
    .bind(ticket)
    .fetch_optional(&mut *conn)
    .await?
    .map(|m| {
        Ok(LastInbound {
            external_id: m.text(0)?,
            recipient: json!({"reply_to": m.text(0)?, "handle": m.opt_text(1)?, "name": m.opt_text(2)?,
                "email": m.opt_text(3)?, "buyer_id": m.opt_text(4)?}),
            language: m.text(5)?,
            category: m.text(6)?,
            urgency: m.text(7)?,
        })
    })
    .transpose()
}

/// Writes an automatic reply on a ticket intake just opened: the message, its outbox row
/// and the event (inside intake's transaction, after its messages).
pub(crate) async fn write_auto_reply(
    conn: &mut AnyConnection,
    ticket: i64,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let channel: String = sqlx::query("SELECT channel FROM tickets WHERE id = $1")
        .bind(ticket)
        .fetch_one(&mut *conn)
        .await?
        .text(0)?;
    let first = last_inbound(conn, ticket).await?.ok_or(DbError::NotFound)?;
    let key = format!("auto_reply:{ticket}");
    let message = sqlx::query(
        "INSERT INTO messages (ticket_id, customer_id, channel, external_id, direction, kind, visibility, \
         author_name, text, language, category, urgency, sentiment, confidence, pii, entities, attachments, \
         in_reply_to, sent_at, received_at) \
         VALUES ($1, NULL, $2, $3, 'out', 'system', 'private', 'crossdesk', $4, $5, $6, $7, 0, 1, 0, '{}', '[]', $8, $9, $9) RETURNING id",
    )
    .bind(ticket)
    .bind(channel.as_str())
    .bind(format!("crossdesk:{key}"))
    .bind(text)
    .bind(first.language.as_str())
    .bind(first.category.as_str())
    .bind(first.urgency.as_str())
    .bind(first.external_id.as_str())
    .bind(ms(now))
    .fetch_one(&mut *conn)
    .await?
    .int(0)?;
    let recipient = first.recipient;
    let outbox = sqlx::query(
        "INSERT INTO outbox (ticket_id, message_id, kind, channel, visibility, recipient, body, idempotency_key, status, created_at) \
         VALUES ($1, $2, 'auto_reply', $3, 'private', $4, $5, $6, 'pending', $7) RETURNING id",
    )
    .bind(ticket)
    .bind(message)
    .bind(channel.as_str())
    .bind(recipient.to_string())
    .bind(text)
    .bind(key.as_str())
    .bind(ms(now))
    .fetch_one(&mut *conn)
    .await?
    .int(0)?;
    sqlx::query("UPDATE tickets SET message_count = message_count + 1 WHERE id = $1")
        .bind(ticket)
        .execute(&mut *conn)
        .await?;
    event(
        conn,
        ticket,
        now,
        Actor::SYSTEM,
        "auto_replied",
        json!({"message_id": message, "outbox_id": outbox, "kind": "out_of_hours"}),
    )
    .await
}

impl Db {
    /// Routes and starts the SLA clocks of tickets intake is opening, inside its
    /// transaction: what to write on each new ticket row, its first check, and the routing
    /// events. Intake writes them with its own multi-row inserts.
    pub(crate) async fn plan_new_tickets(
        &self,
        conn: &mut AnyConnection,
        tickets: &[TicketFacts],
        now: DateTime<Utc>,
    ) -> Result<Vec<NewTicketPlan>, DbError> {
        if tickets.is_empty() {
            return Ok(Vec::new());
        }
        let mut roster = Roster::load(self, conn, now, true).await?;
        let mut plans = Vec::with_capacity(tickets.len());
        for t in tickets {
            let mut events = Vec::new();
            // With no agents at all (a fresh install, a bulk load) there is no one to route
            // to and nothing worth recording.
            let assignee = if roster.agents.is_empty() {
                None
            } else {
                match roster.route(t) {
                    Route::Assign { agent, reason } => {
                        events.push(("assigned", json!({"agent_id": agent, "reason": reason})));
                        if t.urgency == Urgency::Crisis {
                            events.push(("paged", json!({"agent_id": agent})));
                        }
                        Some(agent)
                    }
                    Route::Pool { reason } => {
                        events.push(("pooled", json!({"reason": reason})));
                        None
                    }
                }
            };
            let team = roster.team_for(assignee, t.category);
            let sla = SlaState::new(&roster.targets(t, team));
            let row = Row {
                id: t.id,
                store_id: t.store_id,
                channel: t.channel,
                status: TicketStatus::New,
                category: t.category,
                urgency: t.urgency,
                assignee,
                team,
                sla: None,
                first_message_at: t.started,
                first_responded_at: None,
                solution_at: None,
                escalated_at: None,
                resolved_at: None,
            };
            plans.push(NewTicketPlan {
                id: t.id,
                assignee,
                team,
                clocks: plan_clocks(&roster, &row, &sla, now),
                events,
                auto_reply: roster.out_of_hours_reply(t, team, now),
            });
        }
        Ok(plans)
    }

    /// After a customer message moved tickets' statuses (a waiting ticket resumes, a resolved
    /// one reopens), inside intake's transaction: the pause ends and the clocks move on.
    pub(crate) async fn customer_wrote(
        &self,
        conn: &mut AnyConnection,
        changes: &[(i64, TicketStatus, TicketStatus, bool)],
        now: DateTime<Utc>,
    ) -> Result<(), DbError> {
        let changes: Vec<_> = changes
            .iter()
            .filter(|(_, a, b, crisis)| a != b || *crisis)
            .collect();
        if changes.is_empty() {
            return Ok(());
        }
        let mut roster = Roster::load(self, conn, now, true).await?;
        for (id, before, after, crisis) in changes {
            let mut t = load(conn, self, *id).await?;
            let Some(mut sla) = t.sla.take() else {
                continue;
            };
            if before != after
                && let Some(last) = sla.pauses.last_mut()
                && last.1.is_none()
            {
                last.1 = Some(ms(now));
            }
            if *crisis {
                // A later message made it a crisis: the crisis targets apply (the waits and
                // warnings so far stay), and the on-call lead takes it and is paged.
                let facts = TicketFacts {
                    id: t.id,
                    store_id: t.store_id,
                    channel: t.channel,
                    category: t.category,
                    urgency: Urgency::Crisis,
                    language: String::new(),
                    assignee: None,
                    started: t.first_message_at,
                    public: false,
                    customer_name: None,
                };
                let targets = roster.targets(&facts, t.team);
                sla = SlaState {
                    pauses: sla.pauses,
                    marks: sla.marks,
                    ..SlaState::new(&targets)
                };
                let lead = roster
                    .agents
                    .iter()
                    .filter(|a| a.candidate.on_call_lead && a.candidate.on_shift)
                    .filter(|a| a.candidate.sees(t.store_id))
                    .min_by_key(|a| (a.candidate.open, a.candidate.id))
                    .map(|a| a.candidate.id);
                if let Some(lead) = lead {
                    if t.assignee != Some(lead) {
                        sqlx::query("UPDATE tickets SET assignee_id = $1 WHERE id = $2")
                            .bind(lead)
                            .bind(t.id)
                            .execute(&mut *conn)
                            .await?;
                        event(conn, t.id, now, Actor::SYSTEM, "assigned",
                            json!({"before": t.assignee, "agent_id": lead, "reason": "a crisis goes to the on-call lead"}))
                            .await?;
                        t.assignee = Some(lead);
                        if let Some(a) = roster.agents.iter_mut().find(|a| a.candidate.id == lead) {
                            a.candidate.open += 1;
                        }
                    }
                    event(
                        conn,
                        t.id,
                        now,
                        Actor::SYSTEM,
                        "paged",
                        json!({"agent_id": lead}),
                    )
                    .await?;
                }
            }
            if *before == TicketStatus::Resolved && after != before {
                // Reopened: the solution clock runs again.
                sqlx::query(
                    "UPDATE tickets SET resolved_at = NULL, solution_at = NULL WHERE id = $1",
                )
                .bind(t.id)
                .execute(&mut *conn)
                .await?;
                t.resolved_at = None;
                t.solution_at = None;
            }
            write_clocks(conn, &roster, &t, &sla, now).await?;
        }
        Ok(())
    }

    /// Adds an agent's reply (or note) to a ticket: the message, its outbox row, the events,
    /// the first-response mark and the status change, all or nothing. A repeated
    /// idempotency key returns the first result.
    pub async fn reply(&self, r: &NewReply, now: DateTime<Utc>) -> Result<ReplyDone, DbError> {
        let external_id = format!("crossdesk:{}", r.idempotency_key);
        let mut tx = self.begin_write().await?;
        let mut t = load(&mut tx, self, r.ticket_id).await?;
        if let Some(m) = sqlx::query(
            "SELECT m.id, o.id FROM messages m LEFT JOIN outbox o ON o.message_id = m.id \
             WHERE m.channel = $1 AND m.external_id = $2",
        )
        .bind(t.channel.as_str())
        .bind(external_id.as_str())
        .fetch_optional(&mut *tx)
        .await?
        {
            return Ok(ReplyDone {
                message_id: m.int(0)?,
                outbox_id: m.opt_int(1)?,
                status: t.status.as_str().into(),
                created: false,
            });
        }
        if t.status == TicketStatus::Closed && !r.note {
            return Err(DbError::Invalid {
                field: "ticket".into(),
                message: "the ticket is closed; a new customer message opens a new one".into(),
            });
        }
        let last_in = last_inbound(&mut tx, t.id).await?;
        let (language, category, urgency) = match &last_in {
            Some(m) => (m.language.clone(), m.category.clone(), m.urgency.clone()),
            None => (
                "en".into(),
                t.category.as_str().into(),
                t.urgency.as_str().into(),
            ),
        };
        let kind = if r.note { "note" } else { "reply" };
        let visibility = if r.note {
            Visibility::Private
        } else {
            r.visibility
        };
        let message_id = sqlx::query(
            "INSERT INTO messages (ticket_id, customer_id, channel, external_id, direction, kind, visibility, \
             author_name, text, language, category, urgency, sentiment, confidence, pii, entities, attachments, \
             in_reply_to, sent_at, received_at) \
             VALUES ($1, NULL, $2, $3, 'out', $4, $5, $6, $7, $8, $9, $10, 0, 1, 0, '{}', '[]', $11, $12, $12) RETURNING id",
        )
        .bind(t.id)
        .bind(t.channel.as_str())
        .bind(external_id.as_str())
        .bind(kind)
        .bind(visibility.as_str())
        .bind(match r.actor.agent {
            Some(a) => sqlx::query("SELECT name FROM agents WHERE id = $1")
                .bind(a)
                .fetch_optional(&mut *tx)
                .await?
                .map(|x| x.text(0))
                .transpose()?,
            None => Some("crossdesk".to_string()),
        })
        .bind(r.text.as_str())
        .bind(language.as_str())
        .bind(category.as_str())
        .bind(urgency.as_str())
        .bind(last_in.as_ref().map(|m| m.external_id.clone()))
        .bind(ms(now))
        .fetch_one(&mut *tx)
        .await?
        .int(0)?;
        let outbox_id = if r.note {
            None
        } else {
            let recipient = last_in
                .as_ref()
                .map_or_else(|| json!({}), |m| m.recipient.clone());
            Some(
                sqlx::query(
                    "INSERT INTO outbox (ticket_id, message_id, kind, channel, visibility, recipient, body, \
                     idempotency_key, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9) RETURNING id",
                )
                .bind(t.id)
                .bind(message_id)
                .bind(r.outbox_kind)
                .bind(t.channel.as_str())
                .bind(visibility.as_str())
                .bind(recipient.to_string())
                .bind(r.text.as_str())
                .bind(r.idempotency_key.as_str())
                .bind(ms(now))
                .fetch_one(&mut *tx)
                .await?
                .int(0)?,
            )
        };
        event(
            &mut tx,
            t.id,
            now,
            r.actor,
            if r.note { "note_added" } else { "replied" },
            json!({"message_id": message_id, "outbox_id": outbox_id, "visibility": visibility,
                   "kind": r.outbox_kind}),
        )
        .await?;
        let counts = !r.note && r.outbox_kind == "reply";
        sqlx::query(
            "UPDATE tickets SET message_count = message_count + 1, updated_at = $1 WHERE id = $2",
        )
        .bind(ms(now))
        .bind(t.id)
        .execute(&mut *tx)
        .await?;
        let mut sla = t.sla.take().unwrap_or_default();
        if counts && t.first_responded_at.is_none() {
            let due = sqlx::query("SELECT first_response_due_at FROM tickets WHERE id = $1")
                .bind(t.id)
                .fetch_one(&mut *tx)
                .await?
                .opt_int(0)?;
            sqlx::query("UPDATE tickets SET first_responded_at = $1 WHERE id = $2")
                .bind(ms(now))
                .bind(t.id)
                .execute(&mut *tx)
                .await?;
            t.first_responded_at = Some(ms(now));
            event(
                &mut tx,
                t.id,
                now,
                r.actor,
                "first_response",
                json!({"due_at": due.map(time), "met": due.is_none_or(|d| ms(now) <= d)}),
            )
            .await?;
        }
        let mut status = t.status;
        if counts && status == TicketStatus::New {
            status = self
                .move_status(
                    &mut tx,
                    &mut t,
                    &mut sla,
                    TicketStatus::Open,
                    r.actor,
                    None,
                    now,
                )
                .await?;
        }
        if let Some(to) = r.then
            && to != status
        {
            status = self
                .move_status(&mut tx, &mut t, &mut sla, to, r.actor, None, now)
                .await?;
        }
        if counts && sla.update > 0 && status != TicketStatus::Closed {
            schedule(
                &mut tx,
                "update",
                &format!("t{}:update:{}", t.id, ms(now)),
                t.id,
                now + Duration::minutes(sla.update),
                json!({"since": ms(now)}),
            )
            .await?;
        }
        let roster = Roster::load(self, &mut tx, now, false).await?;
        write_clocks(&mut tx, &roster, &t, &sla, now).await?;
        tx.commit().await?;
        Ok(ReplyDone {
            message_id,
            outbox_id,
            status: status.as_str().into(),
            created: true,
        })
    }

    /// Moves a ticket along its lifecycle, as `actor`, with the event, the SLA pause or
    /// resume, and the auto-close or survey timer. Illegal moves are refused naming
    /// `status`.
    pub async fn change_status(
        &self,
        ticket: i64,
        to: TicketStatus,
        actor: Actor,
        reason: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<TicketStatus, DbError> {
        let mut tx = self.begin_write().await?;
        let mut t = load(&mut tx, self, ticket).await?;
        let mut sla = t.sla.take().unwrap_or_default();
        let status = self
            .move_status(&mut tx, &mut t, &mut sla, to, actor, reason, now)
            .await?;
        let roster = Roster::load(self, &mut tx, now, false).await?;
        write_clocks(&mut tx, &roster, &t, &sla, now).await?;
        tx.commit().await?;
        Ok(status)
    }

    #[allow(clippy::too_many_arguments)]
    async fn move_status(
        &self,
        conn: &mut AnyConnection,
        t: &mut Row,
        sla: &mut SlaState,
        to: TicketStatus,
        actor: Actor,
        reason: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<TicketStatus, DbError> {
        let from = t.status;
        lifecycle::transition(from, to).map_err(|e| DbError::Invalid {
            field: "status".into(),
            message: e.to_string(),
        })?;
        let now_ms = ms(now);
        // The clocks stand still while the ticket waits on the customer, and while it is
        // resolved (a reopen resumes them where they stood).
        let still = |s: TicketStatus| {
            matches!(
                s,
                TicketStatus::WaitingCustomer | TicketStatus::Resolved | TicketStatus::Closed
            )
        };
        if still(to) && !sla.waiting() {
            sla.pauses.push((now_ms, None));
        }
        if still(from)
            && !still(to)
            && let Some(last) = sla.pauses.last_mut()
            && last.1.is_none()
        {
            last.1 = Some(now_ms);
        }
        let mut sets = vec!["status = $1", "updated_at = $2"];
        match to {
            TicketStatus::SolutionProposed | TicketStatus::Resolved if t.solution_at.is_none() => {
                sets.push("solution_at = $2");
                t.solution_at = Some(now_ms);
            }
            _ => {}
        }
        match to {
            TicketStatus::Resolved => {
                sets.push("resolved_at = $2");
                t.resolved_at = Some(now_ms);
                schedule(
                    conn,
                    "auto_close",
                    &format!("t{}:auto_close:{now_ms}", t.id),
                    t.id,
                    now + AUTO_CLOSE_AFTER,
                    json!({"resolved_at": now_ms}),
                )
                .await?;
            }
            TicketStatus::Closed => {
                sets.push("closed_at = $2");
                schedule(
                    conn,
                    "survey",
                    &format!("t{}:survey", t.id),
                    t.id,
                    now + SURVEY_AFTER,
                    json!({}),
                )
                .await?;
            }
            TicketStatus::Open if from == TicketStatus::Resolved => {
                sets.push("resolved_at = NULL");
                sets.push("solution_at = NULL");
                t.resolved_at = None;
                t.solution_at = None;
            }
            _ => {}
        }
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE tickets SET {} WHERE id = $3",
            sets.join(", ")
        )))
        .bind(to.as_str())
        .bind(now_ms)
        .bind(t.id)
        .execute(&mut *conn)
        .await?;
        event(
            conn,
            t.id,
            now,
            actor,
            "status_changed",
            json!({"before": from, "after": to, "reason": reason}),
        )
        .await?;
        t.status = to;
        Ok(to)
    }

    /// Assigns a ticket to an agent (or back to the pool with `None`). With `claim`, only an
    /// unassigned ticket can be taken ([`DbError::Conflict`] otherwise). The agent must be
    /// active and see the ticket's store.
    pub async fn assign(
        &self,
        ticket: i64,
        agent: Option<i64>,
        claim: bool,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        let mut t = load(&mut tx, self, ticket).await?;
        if claim && t.assignee.is_some() && t.assignee != agent {
            return Err(DbError::Conflict(format!(
                "ticket {ticket} is already assigned to agent {}",
                t.assignee.unwrap_or_default()
            )));
        }
        if let Some(a) = agent {
            let active = sqlx::query("SELECT active FROM agents WHERE id = $1")
                .bind(a)
                .fetch_optional(&mut *tx)
                .await?
                .map(|r| r.int(0))
                .transpose()?
                .unwrap_or(0);
            if active == 0 {
                return Err(DbError::Invalid {
                    field: "agent_id".into(),
                    message: format!("no active agent {a}"),
                });
            }
            if !crate::accounts::store_scope_on(&mut tx, a)
                .await?
                .allows(t.store_id)
            {
                return Err(DbError::Invalid {
                    field: "agent_id".into(),
                    message: format!("agent {a} may not see this ticket's store"),
                });
            }
        }
        if t.assignee == agent {
            return Ok(());
        }
        let roster = Roster::load(self, &mut tx, now, false).await?;
        let team = roster.team_for(agent, t.category).or(t.team);
        sqlx::query(
            "UPDATE tickets SET assignee_id = $1, team_id = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(agent)
        .bind(team)
        .bind(ms(now))
        .bind(ticket)
        .execute(&mut *tx)
        .await?;
        event(
            &mut tx,
            ticket,
            now,
            actor,
            if claim { "claimed" } else { "assigned" },
            json!({"before": t.assignee, "agent_id": agent}),
        )
        .await?;
        // Another team's hours: the clocks move with the ticket.
        if team != t.team {
            t.team = team;
            if let Some(sla) = t.sla.take() {
                write_clocks(&mut tx, &roster, &t, &sla, now).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    pub(crate) async fn sla_policies_in(
        &self,
        conn: &mut AnyConnection,
    ) -> Result<Vec<(i64, crossdesk_domain::access::SlaPolicySpec)>, DbError> {
        crate::accounts::sla_policies_on(conn).await
    }

    /// The `sla` timer: records the warnings and breaches now due (each once), escalates an
    /// unresolved ticket past its time to a specialist, and schedules the next check.
    /// Returns the events written.
    pub async fn sla_check(&self, ticket: i64, now: DateTime<Utc>) -> Result<Vec<String>, DbError> {
        let mut tx = self.begin_write().await?;
        let mut t = match load(&mut tx, self, ticket).await {
            Ok(t) => t,
            Err(DbError::NotFound) => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let Some(mut sla) = t.sla.take() else {
            return Ok(Vec::new());
        };
        if t.status == TicketStatus::Closed {
            return Ok(Vec::new());
        }
        let roster = Roster::load(self, &mut tx, now, true).await?;
        let progress = Progress {
            responded: t.first_responded_at.is_some(),
            solved: t.solution_at.is_some() || t.status == TicketStatus::Resolved,
            escalated: t.escalated_at.is_some(),
            pauses: sla.pauses(),
        };
        let c = clocks(
            &roster.hours(t.team),
            &sla.targets(),
            t.first_message_at,
            &progress,
        );
        // (clock, what, moment, the clock's due time)
        let mut due: Vec<(&str, &str, DateTime<Utc>, DateTime<Utc>)> = Vec::new();
        if let Some(d) = c.first_response {
            due.push(("first_response", "warn", d.warn, d.due));
            due.push(("first_response", "breach", d.due, d.due));
        }
        if let Some(d) = c.solution {
            due.push(("solution", "warn", d.warn, d.due));
            due.push(("solution", "breach", d.due, d.due));
        }
        if let Some(h) = c.hard_limit {
            due.push(("marketplace_limit", "breach", h, h));
        }
        if let Some(e) = c.escalate_at {
            due.push(("escalation", "escalate", e, e));
        }
        let mut written = Vec::new();
        for (clock, what, at, due_at) in due {
            let mark = format!("{clock}:{what}:{}", ms(at));
            if at > now || sla.marks.contains(&mark) {
                continue;
            }
            sla.marks.push(mark);
            match what {
                "warn" => {
                    event(
                        &mut tx,
                        t.id,
                        now,
                        Actor::SYSTEM,
                        "sla_warning",
                        json!({"clock": clock, "due_at": due_at}),
                    )
                    .await?;
                    written.push(format!("sla_warning:{clock}"));
                }
                "breach" => {
                    event(&mut tx, t.id, now, Actor::SYSTEM, "sla_breached",
                        json!({"clock": clock, "due_at": due_at, "hard": clock == "marketplace_limit"})).await?;
                    written.push(format!("sla_breached:{clock}"));
                }
                _ => {
                    // A lead or specialist who has it keeps it (a crisis stays with the
                    // on-call lead); an agent's ticket goes to a specialist.
                    let senior = t
                        .assignee
                        .and_then(|a| roster.agents.iter().find(|x| x.candidate.id == a))
                        .is_some_and(|a| a.role != Role::Agent);
                    let to = if senior {
                        None
                    } else {
                        roster.specialist_for(t.store_id)
                    };
                    sqlx::query("UPDATE tickets SET escalated_at = $1, assignee_id = COALESCE($2, assignee_id) WHERE id = $3")
                        .bind(ms(now))
                        .bind(to)
                        .bind(t.id)
                        .execute(&mut *tx)
                        .await?;
                    t.escalated_at = Some(ms(now));
                    event(&mut tx, t.id, now, Actor::SYSTEM, "escalated",
                        json!({"after": sla.escalate, "to_agent_id": to, "before_agent_id": t.assignee})).await?;
                    if to.is_some() {
                        t.assignee = to;
                    }
                    written.push("escalated".into());
                }
            }
        }
        write_clocks(&mut tx, &roster, &t, &sla, now).await?;
        tx.commit().await?;
        Ok(written)
    }

    /// The `update` timer: the customer has not heard from us for the update interval while
    /// the case is ours to move (not waiting on them, not resolved).
    pub async fn update_check(
        &self,
        ticket: i64,
        since: i64,
        now: DateTime<Utc>,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let t = match load(&mut tx, self, ticket).await {
            Ok(t) => t,
            Err(DbError::NotFound) => return Ok(false),
            Err(e) => return Err(e),
        };
        if !matches!(
            t.status,
            TicketStatus::New | TicketStatus::Open | TicketStatus::SolutionProposed
        ) {
            return Ok(false);
        }
        let later = sqlx::query(
            "SELECT COUNT(*) FROM messages WHERE ticket_id = $1 AND direction = 'out' AND kind = 'reply' AND sent_at > $2",
        )
        .bind(ticket)
        .bind(since)
        .fetch_one(&mut *tx)
        .await?
        .int(0)?;
        if later > 0 {
            return Ok(false);
        }
        // Once per update interval, even if the timer runs twice (a node that died between
        // this and marking the timer fired).
        let mut sla = t.sla.unwrap_or_default();
        let mark = format!("update:breach:{since}");
        if sla.marks.contains(&mark) {
            return Ok(false);
        }
        sla.marks.push(mark);
        sqlx::query("UPDATE tickets SET sla = $1 WHERE id = $2")
            .bind(serde_json::to_string(&sla).unwrap_or_default())
            .bind(ticket)
            .execute(&mut *tx)
            .await?;
        event(
            &mut tx,
            ticket,
            now,
            Actor::SYSTEM,
            "sla_breached",
            json!({"clock": "update", "last_update_at": time(since)}),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The `auto_close` timer: a ticket still resolved since `resolved_at`, with no customer
    /// message after it, closes.
    pub async fn auto_close(
        &self,
        ticket: i64,
        resolved_at: i64,
        now: DateTime<Utc>,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let mut t = match load(&mut tx, self, ticket).await {
            Ok(t) => t,
            Err(DbError::NotFound) => return Ok(false),
            Err(e) => return Err(e),
        };
        if t.status != TicketStatus::Resolved || t.resolved_at != Some(resolved_at) {
            return Ok(false);
        }
        let replies = sqlx::query(
            "SELECT COUNT(*) FROM messages WHERE ticket_id = $1 AND direction = 'in' AND received_at > $2",
        )
        .bind(ticket)
        .bind(resolved_at)
        .fetch_one(&mut *tx)
        .await?
        .int(0)?;
        if replies > 0 {
            return Ok(false);
        }
        let mut sla = t.sla.take().unwrap_or_default();
        self.move_status(
            &mut tx,
            &mut t,
            &mut sla,
            TicketStatus::Closed,
            Actor::SYSTEM,
            Some("7 days after resolved without a reply"),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The outbox rows of a ticket, oldest first.
    pub async fn outbox(&self, ticket: i64) -> Result<Vec<OutboxView>, DbError> {
        sqlx::query(
            "SELECT id, ticket_id, message_id, kind, channel, visibility, recipient, body, status, created_at \
             FROM outbox WHERE ticket_id = $1 ORDER BY id",
        )
        .bind(ticket)
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|r| {
            Ok(OutboxView {
                id: r.int(0)?,
                ticket_id: r.opt_int(1)?,
                message_id: r.opt_int(2)?,
                kind: r.text(3)?,
                channel: r.text(4)?,
                visibility: r.text(5)?,
                recipient: serde_json::from_str(&r.text(6)?).unwrap_or_default(),
                body: r.text(7)?,
                status: r.text(8)?,
                created_at: time(r.int(9)?),
            })
        })
        .collect()
    }

    /// Queues a message to the customer that is not a reply on the thread (the survey
    /// link): an outbox row keyed `key`, once.
    pub async fn queue_notice(
        &self,
        ticket: i64,
        kind: &str,
        body: &str,
        key: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let t = load(&mut tx, self, ticket).await?;
        let recipient = last_inbound(&mut tx, ticket)
            .await?
            .map_or_else(|| json!({}), |m| m.recipient);
        let done = sqlx::query(
            "INSERT INTO outbox (ticket_id, kind, channel, visibility, recipient, body, idempotency_key, status, created_at) \
             VALUES ($1, $2, $3, 'private', $4, $5, $6, 'pending', $7) ON CONFLICT (idempotency_key) DO NOTHING",
        )
        .bind(ticket)
        .bind(kind)
        .bind(t.channel.as_str())
        .bind(recipient.to_string())
        .bind(body)
        .bind(key)
        .bind(ms(now))
        .execute(&mut *tx)
        .await?;
        let created = done.rows_affected() == 1;
        if created {
            event(
                &mut tx,
                ticket,
                now,
                Actor::SYSTEM,
                "notice_queued",
                json!({"kind": kind}),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(created)
    }
}
