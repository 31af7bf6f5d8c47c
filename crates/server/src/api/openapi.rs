//! The OpenAPI document, generated from the handlers' annotations.

use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    modifiers(&Security),
    security(("bearer" = []), ("session" = [])),
    info(title = "crossdesk API", description = "Complaint and dispute command center for cross-border e-commerce."),
    paths(
        super::queries::healthz,
        super::queries::readyz,
        super::inbound::post_inbound,
        super::auth::log_in,
        super::auth::log_out,
        super::auth::me,
        super::auth::create_token,
        super::auth::list_tokens,
        super::auth::revoke_token,
        super::auth::list_agents,
        super::auth::put_agent,
        super::auth::set_password,
        super::auth::list_teams,
        super::auth::put_team,
        super::auth::list_policies,
        super::auth::put_policy,
        super::auth::delete_policy,
        super::queries::list_tickets,
        super::queries::count_tickets,
        super::workflow::reply,
        super::workflow::preview,
        super::workflow::set_status,
        super::workflow::assign,
        super::workflow::claim,
        super::workflow::outbox,
        super::translate::translate,
        super::workspace::correct_labels,
        super::workspace::label_corrections,
        super::workspace::list_views,
        super::workspace::save_view,
        super::workspace::delete_view,
        super::workspace::list_watch_terms,
        super::workspace::put_watch_terms,
        super::workspace::monitor_posts,
        super::queries::get_ticket,
        super::queries::list_customers,
        super::queries::get_customer,
        super::queries::list_stores,
        super::queries::get_order,
        super::queries::find_order,
    ),
    tags(
        (name = "intake", description = "Messages in"),
        (name = "accounts", description = "Sign-in, API tokens, agents, teams, SLA policies"),
        (name = "workflow", description = "Replies, status, assignment"),
        (name = "workspace", description = "Label corrections, saved views, brand watch and the social monitor"),
        (name = "tickets", description = "Tickets with messages and audit trail"),
        (name = "customers", description = "One customer across channels"),
        (name = "orders", description = "Stores, orders, shipments, tracking"),
        (name = "health", description = "Probes"),
    )
)]
struct ApiDoc;

/// Declares the two ways to authenticate.
struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{
            ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme,
        };
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(super::COOKIE))),
        );
    }
}

/// The OpenAPI 3.1 document as JSON.
pub fn spec() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// `GET /api/v1/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(spec())
}
