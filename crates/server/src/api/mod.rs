//! The HTTP API under `/api/v1`, health probes and the OpenAPI document.

mod error;
mod inbound;
mod openapi;
mod queries;

pub use error::{ApiError, ErrorBody};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
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
        .route("/api/v1/tickets", get(queries::list_tickets))
        .route("/api/v1/tickets/{id}", get(queries::get_ticket))
        .route("/api/v1/customers", get(queries::list_customers))
        .route("/api/v1/customers/{id}", get(queries::get_customer))
        .route("/api/v1/stores", get(queries::list_stores))
        .route(
            "/api/v1/stores/{store}/orders/{number}",
            get(queries::get_order),
        )
        .route("/api/v1/orders", get(queries::find_order))
        .merge(crate::web::routes())
        .fallback(|| async { ApiError::not_found("no such route") })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(60),
        ))
        .layer(CatchPanicLayer::new())
        .layer(axum::middleware::map_response(json_errors))
        .layer(TraceLayer::new_for_http())
        .with_state(app)
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
