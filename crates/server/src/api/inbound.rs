//! `POST /api/v1/inbound`: one inbound message or an array, stored all or nothing.

use super::ApiError;
use super::auth::Actor;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use crossdesk_app::App;
use crossdesk_db::IngestOutcome;
use crossdesk_domain::model::Permission;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

/// The result for one message.
#[derive(Debug, Serialize, ToSchema)]
pub struct InboundResult {
    /// `stored` or `duplicate`.
    pub result: String,
    /// The message id.
    pub message_id: i64,
    /// The ticket it is on.
    pub ticket_id: i64,
    /// Whether this message opened the ticket.
    pub ticket_created: bool,
}

/// The answer to an array.
#[derive(Debug, Serialize, ToSchema)]
pub struct InboundResults {
    /// One result per message, in order.
    pub results: Vec<InboundResult>,
}

fn result(o: IngestOutcome) -> InboundResult {
    match o {
        IngestOutcome::Stored {
            message_id,
            ticket_id,
            ticket_created,
            ..
        } => InboundResult {
            result: "stored".into(),
            message_id,
            ticket_id,
            ticket_created,
        },
        IngestOutcome::Duplicate {
            message_id,
            ticket_id,
        } => InboundResult {
            result: "duplicate".into(),
            message_id,
            ticket_id,
            ticket_created: false,
        },
    }
}

/// Takes in one inbound message (an object) or several (an array). The messages are
/// validated first; if any is invalid nothing is stored and the error names it
/// (`[2].author.email`). Answers after the messages are committed: `201` when a single
/// message was stored, `200` for a duplicate or an array.
#[utoipa::path(
    post,
    path = "/api/v1/inbound",
    tag = "intake",
    request_body(content = Object, description = "An inbound message per the contract in DESIGN.md, or an array of them"),
    responses(
        (status = 201, description = "Stored", body = InboundResult),
        (status = 200, description = "A duplicate, or the results of an array", body = InboundResults),
        (status = 400, description = "Not JSON", body = super::ErrorBody),
        (status = 422, description = "Invalid message; `field` names it", body = super::ErrorBody),
        (status = 503, description = "Storage unavailable; nothing stored", body = super::ErrorBody),
    )
)]
pub async fn post_inbound(
    State(app): State<App>,
    actor: Actor,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let who = actor.require(Permission::Inbound)?;
    let value: Value = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_json(format!("body is not valid JSON: {e}")))?;
    check_stores(&app, who, &value).await?;
    match value {
        Value::Array(items) => {
            if items.is_empty() {
                return Err(ApiError::invalid(
                    "$",
                    "empty array: send at least one message",
                ));
            }
            let outcomes = app
                .intake()
                .submit_scoped(&items, scope_ids(who))
                .await
                .map_err(|e| prefix_index(e, true))?;
            let results = InboundResults {
                results: outcomes.into_iter().map(result).collect(),
            };
            Ok((
                StatusCode::OK,
                Json(serde_json::to_value(results).unwrap_or_default()),
            ))
        }
        single => {
            let outcomes = app
                .intake()
                .submit_scoped(std::slice::from_ref(&single), scope_ids(who))
                .await
                .map_err(|e| prefix_index(e, false))?;
            let first = outcomes.into_iter().next().map(result);
            let Some(first) = first else {
                return Err(ApiError::from(crossdesk_app::DbError::Other(
                    "no outcome".into(),
                )));
            };
            let status = if first.result == "stored" {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            Ok((
                status,
                Json(serde_json::to_value(first).unwrap_or_default()),
            ))
        }
    }
}

fn scope_ids(who: &crossdesk_app::auth::Principal) -> Option<Vec<i64>> {
    match &who.scope {
        crossdesk_db::StoreScope::All => None,
        crossdesk_db::StoreScope::Stores(ids) => Some(ids.clone()),
    }
}

/// A credential limited to some stores posts only to those stores, and never a message
/// without a store (which any store's order could claim).
async fn check_stores(
    app: &App,
    who: &crossdesk_app::auth::Principal,
    value: &Value,
) -> Result<(), ApiError> {
    if who.scope == crossdesk_db::StoreScope::All {
        return Ok(());
    }
    let (items, array) = match value {
        Value::Array(items) => (items.as_slice(), true),
        single => (std::slice::from_ref(single), false),
    };
    let refuse = |i: usize, name: &str, message: &str| {
        let field = if array {
            format!("[{i}].{name}")
        } else {
            name.to_string()
        };
        ApiError::new(StatusCode::FORBIDDEN, "forbidden", message, Some(field))
    };
    for (i, m) in items.iter().enumerate() {
        let allowed = match m.get("store").and_then(Value::as_str) {
            Some(key) => who.scope.allows(app.db().store_id(key).await?),
            None => false,
        };
        if !allowed {
            return Err(refuse(
                i,
                "store",
                "this credential may post only to the stores it is scoped to",
            ));
        }
        // Threading follows `in_reply_to` to the parent's ticket and answers a repeated
        // external id with the earlier message: neither may reach a ticket outside the
        // credential's stores (nor name one).
        let Some(channel) = m.get("channel").and_then(Value::as_str) else {
            continue;
        };
        for name in ["external_id", "in_reply_to"] {
            let Some(id) = m.get(name).and_then(Value::as_str) else {
                continue;
            };
            if let Some(store) = app.db().message_store(channel, id).await?
                && !who.scope.allows(store)
            {
                return Err(refuse(
                    i,
                    name,
                    "refers to a message outside the stores this credential is scoped to",
                ));
            }
        }
    }
    Ok(())
}

fn prefix_index(e: crossdesk_app::intake::IntakeError, array: bool) -> ApiError {
    match e {
        crossdesk_app::intake::IntakeError::Invalid(r) if array => {
            let field = if r.error.field == "$" {
                format!("[{}]", r.at)
            } else {
                format!("[{}].{}", r.at, r.error.field)
            };
            ApiError::invalid(field, r.error.message)
        }
        other => other.into(),
    }
}
