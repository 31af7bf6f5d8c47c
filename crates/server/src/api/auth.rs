//! Who is calling: the [`Actor`] extractor (an API token in `Authorization: Bearer`, or the
//! web session cookie with its CSRF header on unsafe methods), and the account endpoints —
//! sign in and out, the caller, API tokens, agents, teams and SLA policies.

use super::ApiError;
use axum::Json;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use crossdesk_app::App;
use crossdesk_app::auth::{AuthError, Principal, Via, same_secret};
use crossdesk_db::{AgentView, TeamView, TokenView};
use crossdesk_domain::access::{AgentSpec, SlaPolicySpec, TeamSpec};
use crossdesk_domain::model::Permission;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

/// The session cookie.
pub const COOKIE: &str = "crossdesk_session";
/// The header that carries the CSRF token with a session.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The authenticated caller.
#[derive(Debug, Clone)]
pub struct Actor(pub Principal);

impl From<AuthError> for ApiError {
    fn from(e: AuthError) -> Self {
        match e {
            AuthError::Unauthenticated => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "sign in, or send an API token as `Authorization: Bearer <token>`",
                None,
            ),
            AuthError::BadLogin => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "bad_login",
                "wrong e-mail or password",
                None,
            ),
            AuthError::Forbidden(m) => ApiError::new(StatusCode::FORBIDDEN, "forbidden", m, None),
            AuthError::Throttled => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts",
                "too many failed sign-ins for this account; try again in a few minutes",
                None,
            ),
            AuthError::Invalid { field, message } => ApiError::invalid(field, message),
            AuthError::Db(e) => e.into(),
        }
    }
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

impl FromRequestParts<App> for Actor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        if let Some(auth) = parts.headers.get(header::AUTHORIZATION) {
            let token = auth
                .to_str()
                .ok()
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(str::trim)
                .ok_or(AuthError::Unauthenticated)?;
            return Ok(Actor(app.token_principal(token).await?));
        }
        let token = cookie(&parts.headers, COOKIE).ok_or(AuthError::Unauthenticated)?;
        let principal = app.session_principal(&token).await?;
        let safe = matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
        if !safe && let Via::Session { csrf } = &principal.via {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            if !same_secret(sent, csrf) {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    "csrf",
                    "missing or wrong X-CSRF-Token header for this session",
                    Some(CSRF_HEADER.into()),
                ));
            }
        }
        Ok(Actor(principal))
    }
}

impl Actor {
    /// Refuses unless the caller holds `p`.
    pub fn require(&self, p: Permission) -> Result<&Principal, ApiError> {
        self.0.require(p)?;
        Ok(&self.0)
    }
}

/// Sign-in.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginBody {
    /// Login e-mail.
    pub email: String,
    /// Password.
    pub password: String,
}

/// The caller.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    /// The agent.
    pub agent: AgentView,
    /// What this credential may do.
    pub permissions: Vec<String>,
    /// Store keys in scope; absent when every store is.
    pub stores: Option<Vec<String>>,
    /// The session's CSRF token, to send as `X-CSRF-Token` (sessions only).
    pub csrf_token: Option<String>,
    /// When the session ends (sessions only).
    pub expires_at: Option<DateTime<Utc>>,
}

async fn me_of(app: &App, p: &Principal) -> Result<Me, ApiError> {
    let stores = match &p.scope {
        crossdesk_db::StoreScope::All => None,
        scope => Some(
            app.stores(scope)
                .await?
                .into_iter()
                .map(|s| s.key)
                .collect(),
        ),
    };
    Ok(Me {
        agent: p.agent.clone(),
        permissions: p.permissions.iter().map(|x| x.to_string()).collect(),
        stores,
        csrf_token: match &p.via {
            Via::Session { csrf } => Some(csrf.clone()),
            Via::Token { .. } => None,
        },
        expires_at: None,
    })
}

fn session_cookie(value: &str, max_age: i64) -> HeaderValue {
    let secure = if std::env::var("CROSSDESK_COOKIE_SECURE").is_ok_and(|v| v == "1" || v == "true")
    {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("crossdesk_session=; Max-Age=0"))
}

/// Signs in with e-mail and password: sets the HttpOnly, SameSite session cookie and
/// returns the CSRF token the pages must echo on changes.
#[utoipa::path(post, path = "/api/v1/session", tag = "accounts", request_body = LoginBody,
    responses((status = 200, body = Me), (status = 401, body = super::ErrorBody), (status = 422, body = super::ErrorBody)))]
pub async fn log_in(
    State(app): State<App>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    // Only JSON: a cross-site form (text/plain, urlencoded) cannot sign a victim in to
    // another account (login CSRF), since browsers send JSON cross-site only after a
    // preflight this server never grants.
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
    if !json {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the sign-in as application/json",
            Some("content-type".into()),
        ));
    }
    if headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "cross-site")
    {
        return Err(AuthError::Forbidden("cross-site sign-in refused".into()).into());
    }
    let login: LoginBody = super::json_body(&body)?;
    let session = app.log_in(&login.email, &login.password).await?;
    let principal = app.session_principal(&session.token).await?;
    let mut me = me_of(&app, &principal).await?;
    me.expires_at = Some(session.expires_at);
    let mut response = Json(me).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        session_cookie(
            &session.token,
            crossdesk_app::auth::SESSION_TTL.num_seconds(),
        ),
    );
    Ok(response)
}

/// Signs out: ends the session and clears the cookie.
#[utoipa::path(delete, path = "/api/v1/session", tag = "accounts", responses((status = 204, description = "Signed out")))]
pub async fn log_out(
    State(app): State<App>,
    _actor: Actor,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(token) = cookie(&headers, COOKIE) {
        app.log_out(&token).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session_cookie("", 0));
    Ok(response)
}

/// The caller: agent, permissions, stores in scope and (for a session) the CSRF token.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts", responses((status = 200, body = Me), (status = 401, body = super::ErrorBody)))]
pub async fn me(State(app): State<App>, actor: Actor) -> Result<Json<Me>, ApiError> {
    Ok(Json(me_of(&app, &actor.0).await?))
}

/// A new API token.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTokenBody {
    /// What it is for.
    pub name: String,
    /// Permissions: `read`, `write`, `inbound`, `admin`.
    pub scopes: Vec<String>,
    /// The agent it acts as (admins only; default: the caller).
    #[serde(default)]
    pub agent_id: Option<i64>,
    /// Lifetime in days (default: no expiry).
    #[serde(default)]
    pub expires_in_days: Option<u32>,
}

/// The token, shown once.
#[derive(Debug, Serialize, ToSchema)]
pub struct IssuedToken {
    /// Its id (to revoke it).
    pub id: i64,
    /// The secret: send as `Authorization: Bearer <token>`. Not shown again.
    pub token: String,
}

/// Issues an API token acting as the caller (or, for an admin, as any agent), with at most
/// the permissions of that agent's role. Only its hash is stored.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "accounts", request_body = NewTokenBody,
    responses((status = 201, body = IssuedToken), (status = 422, body = super::ErrorBody)))]
pub async fn create_token(
    State(app): State<App>,
    actor: Actor,
    body: axum::body::Bytes,
) -> Result<(StatusCode, Json<IssuedToken>), ApiError> {
    let body: NewTokenBody = super::json_body(&body)?;
    if matches!(actor.0.via, Via::Token { .. }) && !actor.0.may(Permission::Admin) {
        return Err(AuthError::Forbidden(
            "tokens are issued from a signed-in session (or by an admin token)".into(),
        )
        .into());
    }
    let agent = match body.agent_id {
        Some(a) if a != actor.0.agent.id => {
            actor.require(Permission::Admin)?;
            a
        }
        _ => actor.0.agent.id,
    };
    let mut scopes = Vec::new();
    for (i, s) in body.scopes.iter().enumerate() {
        let p = Permission::parse(s).ok_or_else(|| {
            ApiError::invalid(
                format!("scopes[{i}]"),
                format!("expected one of: {}", Permission::expected()),
            )
        })?;
        // A token never holds more than the credential that made it.
        actor.require(p)?;
        scopes.push(p);
    }
    let ttl = body
        .expires_in_days
        .map(|d| chrono::Duration::days(i64::from(d.clamp(1, 3650))));
    let (id, token) = app.issue_token(&body.name, agent, &scopes, ttl).await?;
    Ok((StatusCode::CREATED, Json(IssuedToken { id, token })))
}

/// API tokens: an admin sees all, others their own (never the secrets).
#[utoipa::path(get, path = "/api/v1/tokens", tag = "accounts", responses((status = 200, body = Vec<TokenView>)))]
pub async fn list_tokens(
    State(app): State<App>,
    actor: Actor,
) -> Result<Json<Vec<TokenView>>, ApiError> {
    Ok(Json(app.list_tokens(&actor.0).await?))
}

/// Revokes a token at once.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "accounts", params(("id" = i64, Path, description = "Token id")),
    responses((status = 204, description = "Revoked"), (status = 404, body = super::ErrorBody)))]
pub async fn revoke_token(
    State(app): State<App>,
    actor: Actor,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = super::queries::id("id", &id)?;
    app.revoke_token(&actor.0, id).await.map_err(|e| match e {
        AuthError::Db(crossdesk_db::DbError::NotFound) => {
            ApiError::not_found(format!("no live token {id} of yours"))
        }
        other => other.into(),
    })?;
    Ok(StatusCode::NO_CONTENT)
}

/// Agents (everyone signed in may see the roster, to assign and mention).
#[utoipa::path(get, path = "/api/v1/agents", tag = "accounts", responses((status = 200, body = Vec<AgentView>)))]
pub async fn list_agents(
    State(app): State<App>,
    actor: Actor,
) -> Result<Json<Vec<AgentView>>, ApiError> {
    actor.require(Permission::Read)?;
    Ok(Json(app.db().agents().await?))
}

/// Creates or updates an agent by e-mail (admins).
#[utoipa::path(put, path = "/api/v1/agents", tag = "accounts",
    request_body(content = Object, description = "email, name, role (agent, lead, specialist, admin), team, languages, categories, locale (en, zh), max_open, on_call, all_stores, stores, groups, active, and an optional write-only password"),
    responses((status = 200, body = AgentView), (status = 403, body = super::ErrorBody), (status = 422, body = super::ErrorBody)))]
pub async fn put_agent(
    State(app): State<App>,
    actor: Actor,
    body: axum::body::Bytes,
) -> Result<Json<AgentView>, ApiError> {
    actor.require(Permission::Admin)?;
    let spec: AgentSpec = super::json_body(&body)?;
    let id = app.save_agent(&spec).await?;
    Ok(Json(app.db().agent(id).await?))
}

/// A password change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordBody {
    /// The new password (at least 10 characters).
    pub password: String,
    /// The current password (required when changing one's own).
    #[serde(default)]
    pub current_password: Option<String>,
}

/// Sets an agent's password (the agent themself, or an admin); signs them out everywhere.
#[utoipa::path(post, path = "/api/v1/agents/{id}/password", tag = "accounts", request_body = PasswordBody,
    params(("id" = i64, Path, description = "Agent id")),
    responses((status = 204, description = "Changed"), (status = 403, body = super::ErrorBody)))]
pub async fn set_password(
    State(app): State<App>,
    actor: Actor,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<StatusCode, ApiError> {
    let id = super::queries::id("id", &id)?;
    let body: PasswordBody = super::json_body(&body)?;
    if actor.0.may(Permission::Admin) {
        // An admin sets anyone's password.
    } else if id == actor.0.agent.id && matches!(actor.0.via, Via::Session { .. }) {
        // One's own, in a signed-in session, with the current password: a leaked token
        // or an unattended session cannot take the account over.
        let current = body.current_password.as_deref().unwrap_or_default();
        app.check_password(&actor.0.agent.email, current)
            .await
            .map_err(|_| ApiError::invalid("current_password", "wrong current password"))?;
    } else {
        return Err(AuthError::Forbidden(
            "a password is changed by its owner in a signed-in session, or by an admin".into(),
        )
        .into());
    }
    app.set_password(id, &body.password).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Teams with their business hours.
#[utoipa::path(get, path = "/api/v1/teams", tag = "accounts", responses((status = 200, body = Vec<TeamView>)))]
pub async fn list_teams(
    State(app): State<App>,
    actor: Actor,
) -> Result<Json<Vec<TeamView>>, ApiError> {
    actor.require(Permission::Read)?;
    Ok(Json(app.db().teams().await?))
}

/// Creates or updates a team by key (admins).
#[utoipa::path(put, path = "/api/v1/teams", tag = "accounts", request_body(content = Object, description = "A team: key, name, timezone, hours, holidays, categories"),
    responses((status = 200, body = TeamView), (status = 422, body = super::ErrorBody)))]
pub async fn put_team(
    State(app): State<App>,
    actor: Actor,
    body: axum::body::Bytes,
) -> Result<Json<TeamView>, ApiError> {
    actor.require(Permission::Admin)?;
    let spec: TeamSpec = super::json_body(&body)?;
    spec.validate()?;
    let id = app.db().upsert_team(&spec, app.clock().now()).await?;
    let team = app
        .db()
        .teams()
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or_else(|| ApiError::not_found("team vanished"))?;
    Ok(Json(team))
}

/// SLA policies as written, with their ids.
#[utoipa::path(get, path = "/api/v1/sla-policies", tag = "accounts", responses((status = 200, description = "Policies")))]
pub async fn list_policies(State(app): State<App>, actor: Actor) -> Result<Json<Value>, ApiError> {
    actor.require(Permission::Read)?;
    let policies: Vec<Value> = app
        .db()
        .sla_policies()
        .await?
        .into_iter()
        .map(|(id, spec)| {
            let mut v = serde_json::to_value(spec).unwrap_or_default();
            v["id"] = json!(id);
            v
        })
        .collect();
    Ok(Json(Value::Array(policies)))
}

/// Creates or replaces the SLA policy of a scope, channel family and urgency (admins).
#[utoipa::path(put, path = "/api/v1/sla-policies", tag = "accounts", request_body(content = Object, description = "scope, key, channel, urgency and the minutes"),
    responses((status = 200, description = "Saved; its id"), (status = 422, body = super::ErrorBody)))]
pub async fn put_policy(
    State(app): State<App>,
    actor: Actor,
    body: axum::body::Bytes,
) -> Result<Json<Value>, ApiError> {
    actor.require(Permission::Admin)?;
    let spec: SlaPolicySpec = super::json_body(&body)?;
    spec.validate()?;
    let id = app.db().upsert_sla_policy(&spec, app.clock().now()).await?;
    Ok(Json(json!({"id": id})))
}

/// Removes an SLA policy (admins); the defaults apply again where it applied.
#[utoipa::path(delete, path = "/api/v1/sla-policies/{id}", tag = "accounts", params(("id" = i64, Path, description = "Policy id")),
    responses((status = 204, description = "Removed"), (status = 404, body = super::ErrorBody)))]
pub async fn delete_policy(
    State(app): State<App>,
    actor: Actor,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    actor.require(Permission::Admin)?;
    let id = super::queries::id("id", &id)?;
    if app.db().delete_sla_policy(id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found(format!("no SLA policy {id}")))
    }
}
