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
        .layer(TraceLayer::new_for_http())
        .with_state(app)
}
