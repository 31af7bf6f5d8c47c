//! The social monitor: the watched names (brands, products, competitors, hashtags) and a
//! live feed of public posts that mention them, each one click from its ticket. The feed and
//! the names come from the JSON API; this page is their frame.

use super::{Chrome, Viewer, render};
use askama::Template;
use axum::response::Response;

#[derive(Template)]
#[template(path = "monitor.html")]
struct MonitorPage {
    chrome: Chrome,
    admin: bool,
}

/// `GET /monitor`.
pub async fn page(viewer: Viewer) -> Response {
    render(&MonitorPage {
        chrome: viewer.chrome(viewer.lang.t("monitor.title").to_string(), "monitor"),
        admin: viewer.is_admin(),
    })
}
