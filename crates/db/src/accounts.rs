//! Teams, agents and what they may see; web sessions and API tokens (only their SHA-256
//! hashes are stored); SLA policies. Validation of the specs is the domain's
//! ([`crossdesk_domain::access`]); this module resolves keys to ids and stores.

use crate::sql::{RowExt, ms, time};
use crate::{Db, DbError};
use chrono::{DateTime, Utc};
use crossdesk_domain::access::{AgentSpec, SlaPolicySpec, TeamSpec};
use crossdesk_domain::model::{Permission, Role};
use serde::Serialize;
use sqlx::any::AnyRow;
use std::collections::BTreeMap;

/// The stores an account may see.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StoreScope {
    /// Every store, and tickets with no store.
    #[default]
    All,
    /// Only these store ids (tickets with no store are not among them).
    Stores(Vec<i64>),
}

impl StoreScope {
    /// Whether a ticket of `store` is visible.
    pub fn allows(&self, store: Option<i64>) -> bool {
        match self {
            StoreScope::All => true,
            StoreScope::Stores(ids) => store.is_some_and(|s| ids.contains(&s)),
        }
    }
}

macro_rules! account_view {
    ($(#[$m:meta])* pub struct $name:ident { $($(#[$fm:meta])* pub $f:ident : $t:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub struct $name { $($(#[$fm])* pub $f: $t),* }
    };
}

account_view! {
    /// A team.
    pub struct TeamView {
        /// Id.
        pub id: i64,
        /// Key.
        pub key: String,
        /// Name.
        pub name: String,
        /// IANA time zone.
        pub timezone: String,
        /// Open intervals per weekday; empty: around the clock.
        pub hours: BTreeMap<String, Vec<Vec<String>>>,
        /// Closed dates.
        pub holidays: Vec<String>,
        /// Categories handled; empty: every category.
        pub categories: Vec<String>,
        /// `off` or `out_of_hours`.
        pub auto_reply: String,
    }
}

impl TeamView {
    /// Back to the spec it was written as.
    pub fn spec(&self) -> TeamSpec {
        TeamSpec {
            key: self.key.clone(),
            name: self.name.clone(),
            timezone: self.timezone.clone(),
            hours: self
                .hours
                .iter()
                .map(|(d, v)| {
                    let pairs = v
                        .iter()
                        .map(|p| {
                            [
                                p.first().cloned().unwrap_or_default(),
                                p.get(1).cloned().unwrap_or_default(),
                            ]
                        })
                        .collect();
                    (d.clone(), pairs)
                })
                .collect(),
            holidays: self.holidays.clone(),
            categories: self.categories.clone(),
            auto_reply: self.auto_reply.clone(),
        }
    }
}

account_view! {
    /// An agent account (never its password).
    pub struct AgentView {
        /// Id.
        pub id: i64,
        /// Login e-mail.
        pub email: String,
        /// Name.
        pub name: String,
        /// `agent`, `lead`, `specialist` or `admin`.
        pub role: String,
        /// Team key.
        pub team: Option<String>,
        /// Languages answered in.
        pub languages: Vec<String>,
        /// Categories handled.
        pub categories: Vec<String>,
        /// Interface language.
        pub locale: String,
        /// Auto-assignment cap.
        pub max_open: i64,
        /// On call for crises.
        pub on_call: bool,
        /// Sees every store.
        pub all_stores: bool,
        /// Store keys in scope.
        pub stores: Vec<String>,
        /// Store group keys in scope.
        pub groups: Vec<String>,
        /// Can log in and be assigned.
        pub active: bool,
        /// Has a password set.
        pub has_password: bool,
    }
}

impl AgentView {
    /// The role, parsed.
    pub fn role(&self) -> Role {
        Role::parse(&self.role).unwrap_or(Role::Agent)
    }
}

account_view! {
    /// An API token (never the token itself).
    pub struct TokenView {
        /// Id.
        pub id: i64,
        /// What it is for.
        pub name: String,
        /// The agent it acts as.
        pub agent_id: i64,
        /// Permissions.
        pub scopes: Vec<String>,
        /// Created.
        pub created_at: DateTime<Utc>,
        /// Expires, if ever.
        pub expires_at: Option<DateTime<Utc>>,
        /// Last used (to the minute).
        pub last_used_at: Option<DateTime<Utc>>,
        /// Revoked.
        pub revoked_at: Option<DateTime<Utc>>,
    }
}

/// A live credential: who it is and what it may do.
#[derive(Debug, Clone, PartialEq)]
pub struct Credential {
    /// The agent.
    pub agent_id: i64,
    /// Token permissions (`None` for a session: whatever the role allows).
    pub permissions: Option<Vec<Permission>>,
    /// The session's CSRF token (sessions only).
    pub csrf: Option<String>,
    /// The token's id (tokens only).
    pub token_id: Option<i64>,
}

const AGENT_COLUMNS: &str = "a.id, a.email, a.name, a.role, t.key, a.languages, a.categories, a.locale, \
     a.max_open, a.on_call, a.all_stores, a.active, a.password_hash IS NOT NULL";

fn json_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

fn agent_row(r: &AnyRow) -> Result<AgentView, DbError> {
    Ok(AgentView {
        id: r.int(0)?,
        email: r.text(1)?,
        name: r.text(2)?,
        role: r.text(3)?,
        team: r.opt_text(4)?,
        languages: json_list(&r.text(5)?),
        categories: json_list(&r.text(6)?),
        locale: r.text(7)?,
        max_open: r.int(8)?,
        on_call: r.int(9)? != 0,
        all_stores: r.int(10)? != 0 || r.text(3)? == Role::Admin.as_str(),
        active: r.int(11)? != 0,
        has_password: bool_col(r, 12)?,
        stores: Vec::new(),
        groups: Vec::new(),
    })
}

/// A boolean expression's value: an integer on SQLite, a boolean on PostgreSQL.
fn bool_col(r: &AnyRow, i: usize) -> Result<bool, DbError> {
    use sqlx::Row;
    match r.try_get::<bool, _>(i) {
        Ok(b) => Ok(b),
        Err(_) => Ok(r.int(i)? != 0),
    }
}

fn team_row(r: &AnyRow) -> Result<TeamView, DbError> {
    Ok(TeamView {
        id: r.int(0)?,
        key: r.text(1)?,
        name: r.text(2)?,
        timezone: r.text(3)?,
        hours: serde_json::from_str(&r.text(4)?).unwrap_or_default(),
        holidays: json_list(&r.text(5)?),
        categories: json_list(&r.text(6)?),
        auto_reply: r.text(7)?,
    })
}

fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

impl Db {
    /// Creates or updates a team by key (validate the spec first); its id.
    pub async fn upsert_team(&self, spec: &TeamSpec, now: DateTime<Utc>) -> Result<i64, DbError> {
        let row = sqlx::query(
            "INSERT INTO teams (key, name, timezone, hours, holidays, categories, auto_reply, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $8, $7, $7) \
             ON CONFLICT (key) DO UPDATE SET name = excluded.name, timezone = excluded.timezone, \
             hours = excluded.hours, holidays = excluded.holidays, categories = excluded.categories, \
             auto_reply = excluded.auto_reply, updated_at = excluded.updated_at RETURNING id",
        )
        .bind(spec.key.as_str())
        .bind(spec.name.as_str())
        .bind(spec.timezone.as_str())
        .bind(to_json(&spec.hours))
        .bind(to_json(&spec.holidays))
        .bind(to_json(&spec.categories))
        .bind(ms(now))
        .bind(spec.auto_reply.as_str())
        .fetch_one(self.writer())
        .await?;
        row.int(0)
    }

    /// Every team, by key.
    pub async fn teams(&self) -> Result<Vec<TeamView>, DbError> {
        sqlx::query(
            "SELECT id, key, name, timezone, hours, holidays, categories, auto_reply FROM teams ORDER BY key",
        )
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(team_row)
        .collect()
    }

    /// Creates or updates an agent by e-mail (validate the spec first), replacing its store
    /// scope; keys that name no team, store or group are refused naming the field. Its id.
    pub async fn upsert_agent(&self, spec: &AgentSpec, now: DateTime<Utc>) -> Result<i64, DbError> {
        let mut tx = self.begin_write().await?;
        let team = match &spec.team {
            None => None,
            Some(k) => Some(
                sqlx::query("SELECT id FROM teams WHERE key = $1")
                    .bind(k.as_str())
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or_else(|| DbError::Invalid {
                        field: "team".into(),
                        message: format!("no team {k:?}"),
                    })?
                    .int(0)?,
            ),
        };
        let email = spec.email.trim().to_lowercase();
        let id = sqlx::query(
            "INSERT INTO agents (email, name, role, team_id, languages, categories, locale, max_open, \
             on_call, all_stores, active, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) \
             ON CONFLICT (email) DO UPDATE SET name = excluded.name, role = excluded.role, \
             team_id = excluded.team_id, languages = excluded.languages, categories = excluded.categories, \
             locale = excluded.locale, max_open = excluded.max_open, on_call = excluded.on_call, \
             all_stores = excluded.all_stores, active = excluded.active, updated_at = excluded.updated_at \
             RETURNING id",
        )
        .bind(email.as_str())
        .bind(spec.name.trim())
        .bind(spec.role.as_str())
        .bind(team)
        .bind(to_json(&spec.languages))
        .bind(to_json(&spec.categories))
        .bind(spec.locale.as_str())
        .bind(i64::from(spec.max_open))
        .bind(i64::from(spec.on_call))
        .bind(i64::from(spec.all_stores))
        .bind(i64::from(spec.active))
        .bind(ms(now))
        .fetch_one(&mut *tx)
        .await?
        .int(0)?;
        sqlx::query("DELETE FROM agent_scopes WHERE agent_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for (field, table, column, keys) in [
            ("stores", "stores", "store_id", &spec.stores),
            ("groups", "store_groups", "group_id", &spec.groups),
        ] {
            for (i, k) in keys.iter().enumerate() {
                let found = sqlx::query(sqlx::AssertSqlSafe(format!(
                    "SELECT id FROM {table} WHERE key = $1"
                )))
                .bind(k.as_str())
                .fetch_optional(&mut *tx)
                .await?
                .ok_or_else(|| DbError::Invalid {
                    field: format!("{field}[{i}]"),
                    message: format!("no {} {k:?}", &field[..field.len() - 1]),
                })?
                .int(0)?;
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "INSERT INTO agent_scopes (agent_id, {column}) VALUES ($1, $2) ON CONFLICT DO NOTHING"
                )))
                .bind(id)
                .bind(found)
                .execute(&mut *tx)
                .await?;
            }
        }
        if !spec.active {
            sqlx::query("DELETE FROM sessions WHERE agent_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Sets (or clears) an agent's password hash; signs the agent out everywhere.
    pub async fn set_password_hash(&self, agent: i64, hash: Option<&str>) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("UPDATE agents SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(agent)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(DbError::NotFound);
        }
        sqlx::query("DELETE FROM sessions WHERE agent_id = $1")
            .bind(agent)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every agent with their scope, by id.
    pub async fn agents(&self) -> Result<Vec<AgentView>, DbError> {
        self.agents_matching(None).await
    }

    /// One agent by id (every request resolves its caller through this: one agent's rows,
    /// not the whole roster).
    pub async fn agent(&self, id: i64) -> Result<AgentView, DbError> {
        self.agents_matching(Some(id))
            .await?
            .pop()
            .ok_or(DbError::NotFound)
    }

    async fn agents_matching(&self, id: Option<i64>) -> Result<Vec<AgentView>, DbError> {
        let mut agents: Vec<AgentView> = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {AGENT_COLUMNS} FROM agents a LEFT JOIN teams t ON t.id = a.team_id \
             WHERE ($1 IS NULL OR a.id = $1) ORDER BY a.id"
        )))
        .bind(id)
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(agent_row)
        .collect::<Result<_, _>>()?;
        let scopes = sqlx::query(
            "SELECT sc.agent_id, s.key, g.key FROM agent_scopes sc \
             LEFT JOIN stores s ON s.id = sc.store_id LEFT JOIN store_groups g ON g.id = sc.group_id \
             WHERE ($1 IS NULL OR sc.agent_id = $1) ORDER BY s.key, g.key",
        )
        .bind(id)
        .fetch_all(self.reader())
        .await?;
        for r in scopes {
            let agent = r.int(0)?;
            if let Some(a) = agents.iter_mut().find(|a| a.id == agent) {
                if let Some(s) = r.opt_text(1)? {
                    a.stores.push(s);
                }
                if let Some(g) = r.opt_text(2)? {
                    a.groups.push(g);
                }
            }
        }
        Ok(agents)
    }

    /// An agent's id and password hash by login e-mail (active agents only).
    pub async fn login_lookup(
        &self,
        email: &str,
    ) -> Result<Option<(i64, Option<String>)>, DbError> {
        let row =
            sqlx::query("SELECT id, password_hash FROM agents WHERE email = $1 AND active = 1")
                .bind(email.trim().to_lowercase())
                .fetch_optional(self.reader())
                .await?;
        row.map(|r| Ok((r.int(0)?, r.opt_text(1)?))).transpose()
    }

    /// The stores an agent may see: every store for admins and all-store accounts, else
    /// the stores named and the stores of the groups named.
    pub async fn store_scope(&self, agent: i64) -> Result<StoreScope, DbError> {
        let mut conn = self.reader().acquire().await?;
        store_scope_on(&mut conn, agent).await
    }

    /// Stores a new session (the token's hash) for an agent.
    pub async fn create_session(
        &self,
        agent: i64,
        token_hash: &str,
        csrf: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        // Expired sessions go as new ones come.
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(ms(now))
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, agent_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(agent)
        .bind(csrf)
        .bind(ms(now))
        .bind(ms(expires_at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The live session with this token hash, if any, of an active agent.
    pub async fn session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Credential>, DbError> {
        let row = sqlx::query(
            "SELECT s.agent_id, s.csrf FROM sessions s JOIN agents a ON a.id = s.agent_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.active = 1",
        )
        .bind(token_hash)
        .bind(ms(now))
        .fetch_optional(self.reader())
        .await?;
        row.map(|r| {
            Ok(Credential {
                agent_id: r.int(0)?,
                permissions: None,
                csrf: Some(r.text(1)?),
                token_id: None,
            })
        })
        .transpose()
    }

    /// Ends a session.
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), DbError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// Stores a new API token (its hash) acting as `agent` with `permissions`; its id.
    pub async fn create_token(
        &self,
        name: &str,
        agent: i64,
        permissions: &[Permission],
        token_hash: &str,
        now: DateTime<Utc>,
        expires_at: Option<DateTime<Utc>>,
    ) -> Result<i64, DbError> {
        let scopes: Vec<&str> = permissions.iter().map(|p| p.as_str()).collect();
        let row = sqlx::query(
            "INSERT INTO api_tokens (name, token_hash, agent_id, scopes, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(name)
        .bind(token_hash)
        .bind(agent)
        .bind(to_json(&scopes))
        .bind(ms(now))
        .bind(expires_at.map(ms))
        .fetch_one(self.writer())
        .await?;
        row.int(0)
    }

    /// The live token with this hash, if any, of an active agent; notes its use (at most
    /// once a minute, so that reads stay reads).
    pub async fn token(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Credential>, DbError> {
        let Some(r) = sqlx::query(
            "SELECT k.id, k.agent_id, k.scopes, k.last_used_at FROM api_tokens k JOIN agents a ON a.id = k.agent_id \
             WHERE k.token_hash = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > $2) \
             AND a.active = 1",
        )
        .bind(token_hash)
        .bind(ms(now))
        .fetch_optional(self.reader())
        .await?
        else {
            return Ok(None);
        };
        let id = r.int(0)?;
        if r.opt_int(3)?.is_none_or(|t| ms(now) - t >= 60_000) {
            sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
                .bind(ms(now))
                .bind(id)
                .execute(self.writer())
                .await?;
        }
        let permissions = json_list(&r.text(2)?)
            .iter()
            .filter_map(|p| Permission::parse(p))
            .collect();
        Ok(Some(Credential {
            agent_id: r.int(1)?,
            permissions: Some(permissions),
            csrf: None,
            token_id: Some(id),
        }))
    }

    /// Every token, or an agent's.
    pub async fn tokens(&self, agent: Option<i64>) -> Result<Vec<TokenView>, DbError> {
        sqlx::query(
            "SELECT id, name, agent_id, scopes, created_at, expires_at, last_used_at, revoked_at \
             FROM api_tokens WHERE ($1 IS NULL OR agent_id = $1) ORDER BY id",
        )
        .bind(agent)
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|r| {
            Ok(TokenView {
                id: r.int(0)?,
                name: r.text(1)?,
                agent_id: r.int(2)?,
                scopes: json_list(&r.text(3)?),
                created_at: time(r.int(4)?),
                expires_at: r.opt_int(5)?.map(time),
                last_used_at: r.opt_int(6)?.map(time),
                revoked_at: r.opt_int(7)?.map(time),
            })
        })
        .collect()
    }

    /// Revokes a token; `false` when there is no such live token.
    pub async fn revoke_token(&self, id: i64, now: DateTime<Utc>) -> Result<bool, DbError> {
        let done = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
        )
        .bind(ms(now))
        .bind(id)
        .execute(self.writer())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Creates or replaces an SLA policy (validate the spec first).
    pub async fn upsert_sla_policy(
        &self,
        spec: &SlaPolicySpec,
        now: DateTime<Utc>,
    ) -> Result<i64, DbError> {
        let row = sqlx::query(
            "INSERT INTO sla_policies (scope_kind, scope_key, channel_class, urgency, first_response_mins, \
             first_response_target_mins, calendar, hard_limit_mins, solution_mins, update_mins, escalate_mins, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
             ON CONFLICT (scope_kind, scope_key, channel_class, urgency) DO UPDATE SET \
             first_response_mins = excluded.first_response_mins, \
             first_response_target_mins = excluded.first_response_target_mins, calendar = excluded.calendar, \
             hard_limit_mins = excluded.hard_limit_mins, solution_mins = excluded.solution_mins, \
             update_mins = excluded.update_mins, escalate_mins = excluded.escalate_mins, \
             updated_at = excluded.updated_at RETURNING id",
        )
        .bind(spec.scope.as_str())
        .bind(spec.key.as_str())
        .bind(spec.channel.as_str())
        .bind(spec.urgency.as_str())
        .bind(i64::from(spec.first_response_minutes))
        .bind(spec.first_response_target_minutes.map(i64::from))
        .bind(spec.calendar.as_str())
        .bind(spec.hard_limit_minutes.map(i64::from))
        .bind(i64::from(spec.solution_minutes))
        .bind(i64::from(spec.update_minutes))
        .bind(i64::from(spec.escalate_minutes))
        .bind(ms(now))
        .fetch_one(self.writer())
        .await?;
        row.int(0)
    }

    /// Removes an SLA policy; `false` when there was none.
    pub async fn delete_sla_policy(&self, id: i64) -> Result<bool, DbError> {
        let done = sqlx::query("DELETE FROM sla_policies WHERE id = $1")
            .bind(id)
            .execute(self.writer())
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Every SLA policy as written, with its id.
    pub async fn sla_policies(&self) -> Result<Vec<(i64, SlaPolicySpec)>, DbError> {
        let mut conn = self.reader().acquire().await?;
        sla_policies_on(&mut conn).await
    }
}

/// Every SLA policy, read on `conn` (inside a transaction).
pub(crate) async fn sla_policies_on(
    conn: &mut sqlx::AnyConnection,
) -> Result<Vec<(i64, SlaPolicySpec)>, DbError> {
    {
        sqlx::query(
            "SELECT id, scope_kind, scope_key, channel_class, urgency, first_response_mins, \
             first_response_target_mins, calendar, hard_limit_mins, solution_mins, update_mins, escalate_mins \
             FROM sla_policies ORDER BY id",
        )
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| {
            let mins = |i| -> Result<u32, DbError> { Ok(u32::try_from(r.int(i)?).unwrap_or(0)) };
            let opt = |i| -> Result<Option<u32>, DbError> {
                Ok(r.opt_int(i)?.and_then(|m| u32::try_from(m).ok()))
            };
            Ok((
                r.int(0)?,
                SlaPolicySpec {
                    scope: r.text(1)?,
                    key: r.text(2)?,
                    channel: r.text(3)?,
                    urgency: r.text(4)?,
                    first_response_minutes: mins(5)?,
                    first_response_target_minutes: opt(6)?,
                    calendar: r.text(7)?,
                    hard_limit_minutes: opt(8)?,
                    solution_minutes: mins(9)?,
                    update_minutes: mins(10)?,
                    escalate_minutes: mins(11)?,
                },
            ))
        })
        .collect()
    }
}

/// [`Db::store_scope`] on `conn` (inside a transaction).
pub(crate) async fn store_scope_on(
    conn: &mut sqlx::AnyConnection,
    agent: i64,
) -> Result<StoreScope, DbError> {
    let row = sqlx::query("SELECT role, all_stores FROM agents WHERE id = $1")
        .bind(agent)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(DbError::NotFound)?;
    if row.text(0)? == Role::Admin.as_str() || row.int(1)? != 0 {
        return Ok(StoreScope::All);
    }
    let ids = sqlx::query(
        "SELECT s.id FROM stores s WHERE s.id IN (SELECT store_id FROM agent_scopes WHERE agent_id = $1) \
         OR s.group_id IN (SELECT group_id FROM agent_scopes WHERE agent_id = $1) ORDER BY s.id",
    )
    .bind(agent)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| r.int(0))
    .collect::<Result<_, _>>()?;
    Ok(StoreScope::Stores(ids))
}
