//! Working a ticket over the API: replies (through the outbox), status changes, assignment
//! and claims from the shared pool. Every route answers 404 for a ticket outside the
//! caller's stores, exactly as for one that does not exist.

use super::ApiError;
use super::auth::Actor;
use super::queries::id;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use crossdesk_app::App;
use crossdesk_app::workflow::{ReplyRequest, WorkflowError};
use crossdesk_db::{OutboxView, ReplyDone};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use utoipa::ToSchema;

impl From<WorkflowError> for ApiError {
    fn from(e: WorkflowError) -> Self {
        match e {
            WorkflowError::Auth(a) => a.into(),
            WorkflowError::Pii(p) => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "pii_in_public_reply",
                p.to_string(),
                Some("text".into()),
            ),
            WorkflowError::Invalid { field, message } => ApiError::invalid(field, message),
            WorkflowError::Db(crossdesk_db::DbError::NotFound) => {
                ApiError::not_found("no such ticket")
            }
            WorkflowError::Db(crossdesk_db::DbError::Conflict(m)) => {
                ApiError::new(StatusCode::CONFLICT, "conflict", m, None)
            }
            WorkflowError::Db(e) => e.into(),
        }
    }
}

/// A reply, a templated reply, or an internal note.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyBody {
    /// The text (or `template`).
    #[serde(default)]
    pub text: Option<String>,
    /// A standard reply in the buyer's language: `public_ack`, `info_request`,
    /// `delay_update`, `resolution_offer`, `closing_note`, `out_of_hours`.
    #[serde(default)]
    pub template: Option<String>,
    /// Template variables (`tracking_url`, `date`, `resolution`…).
    #[serde(default)]
    pub values: BTreeMap<String, String>,
    /// `public` or `private` (default) on the ticket's channel.
    #[serde(default)]
    pub visibility: Option<String>,
    /// An internal note: kept, never sent.
    #[serde(default)]
    pub note: bool,
    /// The status afterwards, e.g. `waiting_customer` after asking for details.
    #[serde(default)]
    pub then: Option<String>,
}

/// Replies on a ticket: the message goes on the ticket and into the outbox, which a
/// connector sends. A public reply containing an order or tracking number, an address, an
/// e-mail, a phone number or an amount is refused (422 `pii_in_public_reply`) with what was
/// found, and nothing is written. Send an `Idempotency-Key` header to make retries safe.
#[utoipa::path(post, path = "/api/v1/tickets/{id}/replies", tag = "workflow", request_body = ReplyBody,
    params(("id" = i64, Path, description = "Ticket id"), ("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key")),
    responses((status = 201, body = ReplyDone), (status = 200, description = "Repeated key; the first result", body = ReplyDone),
        (status = 404, body = super::ErrorBody), (status = 422, body = super::ErrorBody)))]
pub async fn reply(
    State(app): State<App>,
    actor: Actor,
    Path(ticket): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<ReplyDone>), ApiError> {
    let ticket = id("id", &ticket)?;
    let body: ReplyBody = super::json_body(&body)?;
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let done = app
        .reply(
            &actor.0,
            ticket,
            &ReplyRequest {
                text: body.text,
                template: body.template,
                values: body.values,
                visibility: body.visibility,
                note: body.note,
                then: body.then,
                idempotency_key: key,
            },
        )
        .await?;
    let status = if done.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(done)))
}

/// A status change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusBody {
    /// `open`, `waiting_customer`, `solution_proposed`, `resolved` or `closed`.
    pub status: String,
    /// For `closed`: the customer confirmed the solution.
    #[serde(default)]
    pub confirmed: bool,
    /// Why (kept in the event).
    #[serde(default)]
    pub reason: Option<String>,
}

/// Moves a ticket along `new → open → waiting_customer ⇄ open → solution_proposed →
/// resolved → closed`. Waiting on the customer pauses the SLA clock; resolved schedules the
/// close 7 days later; closed (only with the customer's confirmation) schedules the survey.
#[utoipa::path(post, path = "/api/v1/tickets/{id}/status", tag = "workflow", request_body = StatusBody,
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, description = "The new status"), (status = 404, body = super::ErrorBody), (status = 422, body = super::ErrorBody)))]
pub async fn set_status(
    State(app): State<App>,
    actor: Actor,
    Path(ticket): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let ticket = id("id", &ticket)?;
    let body: StatusBody = super::json_body(&body)?;
    let status = app
        .set_status(
            &actor.0,
            ticket,
            &body.status,
            body.confirmed,
            body.reason.as_deref(),
        )
        .await?;
    Ok(Json(json!({"status": status})))
}

/// An assignment.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignBody {
    /// The agent, or null to return the ticket to the pool.
    pub agent_id: Option<i64>,
}

/// Assigns a ticket to an agent who may see its store (leads and above), or returns it to
/// the pool.
#[utoipa::path(post, path = "/api/v1/tickets/{id}/assign", tag = "workflow", request_body = AssignBody,
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, description = "Assigned"), (status = 403, body = super::ErrorBody), (status = 404, body = super::ErrorBody), (status = 422, body = super::ErrorBody)))]
pub async fn assign(
    State(app): State<App>,
    actor: Actor,
    Path(ticket): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let ticket = id("id", &ticket)?;
    let body: AssignBody = super::json_body(&body)?;
    app.assign(&actor.0, ticket, body.agent_id).await?;
    Ok(Json(json!({"assignee_id": body.agent_id})))
}

/// Takes an unassigned ticket from the shared pool (409 when someone has it).
#[utoipa::path(post, path = "/api/v1/tickets/{id}/claim", tag = "workflow",
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, description = "Claimed"), (status = 404, body = super::ErrorBody), (status = 409, body = super::ErrorBody)))]
pub async fn claim(
    State(app): State<App>,
    actor: Actor,
    Path(ticket): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let ticket = id("id", &ticket)?;
    app.claim(&actor.0, ticket).await?;
    Ok(Json(json!({"assignee_id": actor.0.agent.id})))
}

/// What is queued to be sent for a ticket.
#[utoipa::path(get, path = "/api/v1/tickets/{id}/outbox", tag = "workflow",
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = Vec<OutboxView>), (status = 404, body = super::ErrorBody)))]
pub async fn outbox(
    State(app): State<App>,
    actor: Actor,
    Path(ticket): Path<String>,
) -> Result<Json<Vec<OutboxView>>, ApiError> {
    let ticket = id("id", &ticket)?;
    Ok(Json(app.outbox(&actor.0, ticket).await?))
}

/// What a reply would say.
#[derive(Debug, serde::Serialize, ToSchema)]
pub struct PreviewDone {
    /// The text as it would be sent (a template filled in the buyer's language).
    pub text: String,
    /// The template used, if any.
    pub template: Option<String>,
    /// The language of the text's template (the ticket's language).
    pub language: String,
    /// For a public reply: why it would be refused (personal data found); absent otherwise.
    pub refused: Option<String>,
}

/// Previews a reply without sending it: fills the template in the buyer's language and runs
/// the public-reply personal-data guard. Nothing is written.
#[utoipa::path(post, path = "/api/v1/tickets/{id}/preview", tag = "workflow", request_body = ReplyBody,
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = PreviewDone), (status = 404, body = super::ErrorBody), (status = 422, body = super::ErrorBody)))]
pub async fn preview(
    State(app): State<App>,
    actor: Actor,
    Path(ticket): Path<String>,
    body: Bytes,
) -> Result<Json<PreviewDone>, ApiError> {
    let who = actor.require(crossdesk_domain::model::Permission::Read)?;
    let ticket = id("id", &ticket)?;
    let body: ReplyBody = super::json_body(&body)?;
    let request = ReplyRequest {
        text: body.text,
        template: body.template.clone(),
        values: body.values,
        visibility: body.visibility,
        note: body.note,
        then: None,
        idempotency_key: None,
    };
    let (visibility, text) = app.prepare_reply(who, ticket, &request).await?;
    let language = app.db().ticket_language(ticket).await?;
    let public = visibility == crossdesk_domain::model::Visibility::Public && !request.note;
    let refused = if public {
        crossdesk_domain::templates::check_public_reply(&text)
            .err()
            .map(|p| p.to_string())
    } else {
        None
    };
    Ok(Json(PreviewDone {
        text,
        template: body.template,
        language,
        refused,
    }))
}
