//! The OpenAPI document, generated from the handlers' annotations.

use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "crossdesk API", description = "Complaint and dispute command center for cross-border e-commerce."),
    paths(
        super::queries::healthz,
        super::queries::readyz,
        super::inbound::post_inbound,
        super::queries::list_tickets,
        super::queries::get_ticket,
        super::queries::list_customers,
        super::queries::get_customer,
        super::queries::list_stores,
        super::queries::get_order,
        super::queries::find_order,
    ),
    tags(
        (name = "intake", description = "Messages in"),
        (name = "tickets", description = "Tickets with messages and audit trail"),
        (name = "customers", description = "One customer across channels"),
        (name = "orders", description = "Stores, orders, shipments, tracking"),
        (name = "health", description = "Probes"),
    )
)]
struct ApiDoc;

/// The OpenAPI 3.1 document as JSON.
pub fn spec() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// `GET /api/v1/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(spec())
}
