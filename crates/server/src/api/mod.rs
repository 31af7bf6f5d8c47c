//! The HTTP API under `/api/v1`, health probes and the OpenAPI document.

mod auth;
mod error;
mod inbound;
mod openapi;
mod queries;
mod translate;
mod workflow;
mod workspace;

pub use auth::{Actor, COOKIE, CSRF_HEADER, cookie};
pub use error::{ApiError, ErrorBody};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{delete, get, post};
use crossdesk_app::App;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Largest request body accepted (an inbound array of a few thousand messages).
const MAX_BODY: usize = 16 * 1024 * 1024;

/// Every route over `app`.
pub fn router(app: App) -> Router {
    Router::new()
        .route("/healthz", get(queries::healthz))
        .route("/readyz", get(queries::readyz))
        .route("/api/v1/openapi.json", get(openapi::document))
        .route("/api/v1/inbound", post(inbound::post_inbound))
        .route("/api/v1/session", post(auth::log_in).delete(auth::log_out))
        .route("/api/v1/me", get(auth::me))
        .route(
            "/api/v1/tokens",
            get(auth::list_tokens).post(auth::create_token),
        )
        .route("/api/v1/tokens/{id}", delete(auth::revoke_token))
        .route(
            "/api/v1/agents",
            get(auth::list_agents).put(auth::put_agent),
        )
        .route("/api/v1/agents/{id}/password", post(auth::set_password))
        .route("/api/v1/teams", get(auth::list_teams).put(auth::put_team))
        .route(
            "/api/v1/sla-policies",
            get(auth::list_policies).put(auth::put_policy),
        )
        .route("/api/v1/sla-policies/{id}", delete(auth::delete_policy))
        .route("/api/v1/tickets", get(queries::list_tickets))
        .route("/api/v1/tickets/counts", get(queries::count_tickets))
        .route("/api/v1/tickets/{id}", get(queries::get_ticket))
        .route("/api/v1/tickets/{id}/replies", post(workflow::reply))
        .route("/api/v1/tickets/{id}/preview", post(workflow::preview))
        .route("/api/v1/tickets/{id}/status", post(workflow::set_status))
        .route("/api/v1/tickets/{id}/assign", post(workflow::assign))
        .route("/api/v1/tickets/{id}/claim", post(workflow::claim))
        .route("/api/v1/tickets/{id}/outbox", get(workflow::outbox))
        .route(
            "/api/v1/messages/{id}/translation",
            post(translate::translate),
        )
        .route(
            "/api/v1/tickets/{id}/labels",
            post(workspace::correct_labels),
        )
        .route(
            "/api/v1/label-corrections",
            get(workspace::label_corrections),
        )
        .route(
            "/api/v1/views",
            get(workspace::list_views).post(workspace::save_view),
        )
        .route("/api/v1/views/{id}", delete(workspace::delete_view))
        .route(
            "/api/v1/watch-terms",
            get(workspace::list_watch_terms).put(workspace::put_watch_terms),
        )
        .route("/api/v1/monitor/posts", get(workspace::monitor_posts))
        .route("/api/v1/customers", get(queries::list_customers))
        .route("/api/v1/customers/{id}", get(queries::get_customer))
        .route("/api/v1/stores", get(queries::list_stores))
        .route(
            "/api/v1/stores/{store}/orders/{number}",
            get(queries::get_order),
        )
        .route("/api/v1/orders", get(queries::find_order))
        .fallback(|| async { ApiError::not_found("no such route") })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(60),
        ))
        .layer(CatchPanicLayer::new())
        .layer(axum::middleware::map_response(json_errors))
        .layer(TraceLayer::new_for_http())
        // HTML pages with their own layers, outside json_errors
        .merge(crate::survey::routes())
        .merge(crate::web::routes(&app))
        .with_state(app)
}

/// Parses a JSON body into `T`, naming the field at fault where serde does.
pub(crate) fn json_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_json(format!("body is not valid JSON: {e}")))?;
    serde_json::from_value(value).map_err(|e| {
        let text = e.to_string();
        let field = text.split('`').nth(1).unwrap_or("$").to_string();
        ApiError::invalid(field, text)
    })
}

/// Gives every error the JSON error body, including the ones axum and tower-http produce
/// themselves (a malformed query string, a body over the limit, a timeout, a caught panic).
async fn json_errors(response: axum::response::Response) -> axum::response::Response {
    use axum::http::{StatusCode, header::CONTENT_TYPE};
    use axum::response::IntoResponse;
    let status = response.status();
    let json = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || json {
        return response;
    }
    let body = axum::body::to_bytes(response.into_body(), 4096)
        .await
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&body).trim().to_string();
    // axum names the offending query field in backticks: "duplicate field `status`".
    let field = text.split('`').nth(1).map(str::to_string);
    let (code, message) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => (
            "too_large",
            format!("request body is larger than {} MiB", MAX_BODY >> 20),
        ),
        StatusCode::REQUEST_TIMEOUT => ("timeout", "the request took too long".to_string()),
        StatusCode::METHOD_NOT_ALLOWED => (
            "method_not_allowed",
            "this route does not accept that method".to_string(),
        ),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ("unsupported_media_type", text),
        s if s.is_server_error() => ("internal", "internal error".to_string()),
        _ => (
            "invalid_input",
            if text.is_empty() {
                status.to_string()
            } else {
                text
            },
        ),
    };
    ApiError::new(status, code, message, field).into_response()
}
