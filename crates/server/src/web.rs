//! The front page: what this server is and where to go. (The agent workspace replaces it.)

use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use crossdesk_app::App;

pub fn routes() -> Router<App> {
    Router::new().route("/", get(index))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

async fn index(State(app): State<App>) -> Html<String> {
    // Nothing about the data before sign-in: no counts, no names.
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>crossdesk</title>\
         <meta name=\"viewport\" content=\"width=device-width\"></head>\
         <body style=\"font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;line-height:1.5\">\
         <h1>crossdesk</h1><p>Complaint and dispute command center. Database: {}.</p>\
         <ul><li><a href=\"/api/v1/tickets\">/api/v1/tickets</a></li><li><a href=\"/api/v1/customers\">/api/v1/customers</a></li>\
         <li><a href=\"/api/v1/stores\">/api/v1/stores</a></li><li><a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a></li></ul>\
         </body></html>",
        escape(app.db().backend().name())
    ))
}
