//! Read endpoints: tickets, customers, stores and orders, plus health probes.

use super::ApiError;
use super::auth::Actor;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use crossdesk_app::App;
use crossdesk_app::views::*;
use crossdesk_db::{CustomerFilter, Page, SlaState, TicketFilter};
use crossdesk_domain::model::Permission;
use crossdesk_domain::model::{Category, Channel, TicketStatus, Urgency};
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::IntoParams;

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", tag = "health", responses((status = 200, description = "Alive")))]
pub async fn healthz() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

/// Readiness: the database answers.
#[utoipa::path(get, path = "/readyz", tag = "health", responses(
    (status = 200, description = "Ready"), (status = 503, description = "Database unavailable")))]
pub async fn readyz(State(app): State<App>) -> (StatusCode, Json<Value>) {
    match app.ready().await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({"status": "ready", "database": app.db().backend().name()})),
        ),
        Err(e) => {
            tracing::warn!(error = %e, "not ready");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({"status": "unavailable"})),
            )
        }
    }
}

/// Ticket list filters. Every parameter narrows the list.
#[derive(Debug, Default, Deserialize, IntoParams)]
pub struct TicketQuery {
    /// Status, or several separated by commas (`new,open`).
    status: Option<String>,
    /// Store key.
    store: Option<String>,
    /// Channel (`email`, `amazon`, `twitter`, …).
    channel: Option<String>,
    /// Open tickets by SLA state now: `breached`, `at_risk` (due within the hour) or
    /// `on_track`.
    sla: Option<String>,
    /// Category (`logistics.customs`).
    category: Option<String>,
    /// Urgency (`inquiry`, `complaint`, `crisis`).
    urgency: Option<String>,
    /// Language code (`de`).
    language: Option<String>,
    /// Agent id, or `none` for unassigned.
    assignee: Option<String>,
    /// Customer id.
    customer: Option<String>,
    /// Words that must all appear (messages, subject, customer).
    q: Option<String>,
    /// `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Page size, 1–500 (default 50).
    limit: Option<String>,
}

fn limit(v: &Option<String>) -> Result<u32, ApiError> {
    match v {
        None => Ok(50),
        Some(s) => s
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=500).contains(n))
            .ok_or_else(|| {
                ApiError::invalid(
                    "limit",
                    format!("expected a whole number from 1 to 500, got {s:?}"),
                )
            }),
    }
}

pub(super) fn id(field: &str, v: &str) -> Result<i64, ApiError> {
    v.parse::<i64>()
        .map_err(|_| ApiError::invalid(field, format!("expected a numeric id, got {v:?}")))
}

fn checked(
    field: &str,
    v: &Option<String>,
    ok: impl Fn(&str) -> bool,
    expected: String,
) -> Result<Option<String>, ApiError> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) if ok(s) => Ok(Some(s.to_string())),
        Some(s) => Err(ApiError::invalid(
            field,
            format!("unknown value {s:?}; expected one of: {expected}"),
        )),
    }
}

/// Lists tickets, most recently active first, with cursor pagination.
#[utoipa::path(get, path = "/api/v1/tickets", tag = "tickets", params(TicketQuery), responses(
    (status = 200, description = "A page of tickets", body = Page<TicketSummary>),
    (status = 422, description = "A filter is invalid; `field` names it", body = super::ErrorBody)))]
pub async fn list_tickets(
    State(app): State<App>,
    actor: Actor,
    Query(q): Query<TicketQuery>,
) -> Result<Json<Page<TicketSummary>>, ApiError> {
    let who = actor.require(Permission::Read)?;
    let filter = ticket_filter(q, who, app.clock().now())?;
    Ok(Json(app.list_tickets(&filter).await?))
}

/// Counts the tickets the same filters select, in total and by status, urgency and channel
/// (for inbox tabs and badges). Only tickets of the caller's stores count.
#[utoipa::path(get, path = "/api/v1/tickets/counts", tag = "tickets", params(TicketQuery), responses(
    (status = 200, description = "Counts", body = crossdesk_db::TicketCounts),
    (status = 422, description = "A filter is invalid; `field` names it", body = super::ErrorBody)))]
pub async fn count_tickets(
    State(app): State<App>,
    actor: Actor,
    Query(q): Query<TicketQuery>,
) -> Result<Json<crossdesk_db::TicketCounts>, ApiError> {
    let who = actor.require(Permission::Read)?;
    let filter = ticket_filter(q, who, app.clock().now())?;
    Ok(Json(app.count_tickets(&filter).await?))
}

fn ticket_filter(
    q: TicketQuery,
    who: &crossdesk_app::auth::Principal,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<TicketFilter, ApiError> {
    let mut status = Vec::new();
    for s in q
        .status
        .iter()
        .flat_map(|s| s.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if TicketStatus::parse(s).is_none() {
            return Err(ApiError::invalid(
                "status",
                format!(
                    "unknown status {s:?}; expected: {}",
                    TicketStatus::expected()
                ),
            ));
        }
        status.push(s.to_string());
    }
    let language = checked(
        "language",
        &q.language,
        |s| s.len() <= 3 && s.chars().all(|c| c.is_ascii_lowercase()),
        "a language code such as en, de, zh".into(),
    )?;
    let assignee = match q.assignee.as_deref() {
        None | Some("") => None,
        Some("none") => Some(None),
        Some(v) => Some(Some(id("assignee", v)?)),
    };
    if let Some(c) = q.cursor.as_deref()
        && crossdesk_db::decode_cursor(c).is_none()
    {
        return Err(ApiError::invalid(
            "cursor",
            "not a cursor returned by this endpoint",
        ));
    }
    let sla = checked(
        "sla",
        &q.sla,
        |s| SlaState::parse(s).is_some(),
        SlaState::ALL.map(SlaState::as_str).join(", "),
    )?
    .and_then(|s| SlaState::parse(&s))
    .map(|state| (state, now));
    let filter = TicketFilter {
        status,
        store: q.store.filter(|s| !s.is_empty()),
        channel: checked(
            "channel",
            &q.channel,
            |s| Channel::parse(s).is_some(),
            Channel::expected(),
        )?,
        sla,
        category: checked(
            "category",
            &q.category,
            |s| Category::parse(s).is_some(),
            Category::expected(),
        )?,
        urgency: checked(
            "urgency",
            &q.urgency,
            |s| Urgency::parse(s).is_some(),
            Urgency::expected(),
        )?,
        language,
        assignee,
        customer_id: q
            .customer
            .as_deref()
            .map(|c| id("customer", c))
            .transpose()?,
        text: q.q.filter(|s| !s.trim().is_empty()),
        scope: who.scope.clone(),
        cursor: q.cursor,
        limit: limit(&q.limit)?,
    };
    Ok(filter)
}

/// One ticket with its customer, order (items, shipments, tracking), messages and events.
#[utoipa::path(get, path = "/api/v1/tickets/{id}", tag = "tickets", params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = TicketDetail), (status = 404, body = super::ErrorBody)))]
pub async fn get_ticket(
    State(app): State<App>,
    actor: Actor,
    Path(ticket): Path<String>,
) -> Result<Json<TicketDetail>, ApiError> {
    let who = actor.require(Permission::Read)?;
    let ticket = id("id", &ticket)?;
    app.ticket(ticket, &who.scope)
        .await
        .map(Json)
        .map_err(|e| match e {
            crossdesk_app::DbError::NotFound => ApiError::not_found(format!("no ticket {ticket}")),
            other => other.into(),
        })
}

/// Customer search.
#[derive(Debug, Default, Deserialize, IntoParams)]
pub struct CustomerQuery {
    /// Part of a name, handle, e-mail or buyer id.
    q: Option<String>,
    /// `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Page size, 1–500 (default 50).
    limit: Option<String>,
}

/// Lists customers, newest first.
#[utoipa::path(get, path = "/api/v1/customers", tag = "customers", params(CustomerQuery),
    responses((status = 200, body = Page<CustomerView>), (status = 422, body = super::ErrorBody)))]
pub async fn list_customers(
    State(app): State<App>,
    actor: Actor,
    Query(q): Query<CustomerQuery>,
) -> Result<Json<Page<CustomerView>>, ApiError> {
    let who = actor.require(Permission::Read)?;
    if let Some(c) = q.cursor.as_deref() {
        id("cursor", c)?;
    }
    let filter = CustomerFilter {
        q: q.q,
        scope: who.scope.clone(),
        cursor: q.cursor,
        limit: limit(&q.limit)?,
    };
    Ok(Json(app.list_customers(&filter).await?))
}

/// One customer with identities, orders and tickets across every store.
#[utoipa::path(get, path = "/api/v1/customers/{id}", tag = "customers", params(("id" = i64, Path, description = "Customer id")),
    responses((status = 200, body = CustomerDetail), (status = 404, body = super::ErrorBody)))]
pub async fn get_customer(
    State(app): State<App>,
    actor: Actor,
    Path(customer): Path<String>,
) -> Result<Json<CustomerDetail>, ApiError> {
    let who = actor.require(Permission::Read)?;
    let customer = id("id", &customer)?;
    app.customer(customer, &who.scope)
        .await
        .map(Json)
        .map_err(|e| match e {
            crossdesk_app::DbError::NotFound => {
                ApiError::not_found(format!("no customer {customer}"))
            }
            other => other.into(),
        })
}

/// Every store.
#[utoipa::path(get, path = "/api/v1/stores", tag = "orders", responses((status = 200, body = Vec<StoreView>)))]
pub async fn list_stores(
    State(app): State<App>,
    actor: Actor,
) -> Result<Json<Vec<StoreView>>, ApiError> {
    let who = actor.require(Permission::Read)?;
    Ok(Json(app.stores(&who.scope).await?))
}

/// An order by store and number, with items, shipments and tracking history. Shopify
/// numbers start with `#`: encode it as `%23`, or use `GET /api/v1/orders?store=&number=`.
#[utoipa::path(get, path = "/api/v1/stores/{store}/orders/{number}", tag = "orders",
    params(("store" = String, Path, description = "Store key"), ("number" = String, Path, description = "Order number")),
    responses((status = 200, body = OrderView), (status = 404, body = super::ErrorBody)))]
pub async fn get_order(
    State(app): State<App>,
    actor: Actor,
    Path((store, number)): Path<(String, String)>,
) -> Result<Json<OrderView>, ApiError> {
    let who = actor.require(Permission::Read)?;
    order(&app, who, &store, &number).await
}

/// Order lookup by query parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
pub struct OrderQuery {
    /// Store key.
    store: Option<String>,
    /// Order number.
    number: Option<String>,
}

/// The same as `/api/v1/stores/{store}/orders/{number}`, with both as query parameters.
#[utoipa::path(get, path = "/api/v1/orders", tag = "orders", params(OrderQuery),
    responses((status = 200, body = OrderView), (status = 404, body = super::ErrorBody), (status = 422, body = super::ErrorBody)))]
pub async fn find_order(
    State(app): State<App>,
    actor: Actor,
    Query(q): Query<OrderQuery>,
) -> Result<Json<OrderView>, ApiError> {
    let who = actor.require(Permission::Read)?;
    let store = q
        .store
        .filter(|s| !s.is_empty())
        .ok_or_else(|| ApiError::invalid("store", "is required"))?;
    let number = q
        .number
        .filter(|s| !s.is_empty())
        .ok_or_else(|| ApiError::invalid("number", "is required"))?;
    order(&app, who, &store, &number).await
}

async fn order(
    app: &App,
    who: &crossdesk_app::auth::Principal,
    store: &str,
    number: &str,
) -> Result<Json<OrderView>, ApiError> {
    app.order(store, number, &who.scope)
        .await
        .map(Json)
        .map_err(|e| match e {
            crossdesk_app::DbError::NotFound => {
                ApiError::not_found(format!("no order {number:?} in store {store:?}"))
            }
            other => other.into(),
        })
}
