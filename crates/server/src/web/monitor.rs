//! The social monitor: the watched names (brands, products, competitors, hashtags) and a
//! live feed of public posts that mention them, each one click from its ticket. The feed and
//! the names come from the JSON API; this page is their frame.

use super::{Chrome, Lang, Viewer, render};
use askama::Template;
use axum::response::Response;
use crossdesk_domain::model::Urgency;

#[derive(Template)]
#[template(path = "monitor.html")]
struct MonitorPage {
    chrome: Chrome,
    admin: bool,
    /// Labels the script shows for wire values, as JSON.
    labels: String,
}

/// The labels of urgencies and term kinds in the agent's language, for the script.
fn labels(lang: Lang) -> String {
    let mut map = serde_json::Map::new();
    for u in Urgency::ALL {
        let key = format!("urgency.{}", u.as_str());
        map.insert(key.clone(), lang.t(&key).into());
    }
    for kind in ["brand", "product", "competitor"] {
        let key = format!("kind.{kind}");
        map.insert(key.clone(), lang.t(&key).into());
    }
    serde_json::Value::Object(map).to_string()
}

/// `GET /monitor`.
pub async fn page(viewer: Viewer) -> Response {
    render(&MonitorPage {
        chrome: viewer.chrome(viewer.lang.t("monitor.title").to_string(), "monitor"),
        admin: viewer.is_admin(),
        labels: labels(viewer.lang),
    })
}
