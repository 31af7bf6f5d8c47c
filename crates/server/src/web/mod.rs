//! The agent workspace: server-rendered pages (askama, escaped by default), two embedded
//! assets (one stylesheet, one hand-written script) and a server-sent event stream for live
//! updates. Pages read through the same use cases as the API; the script acts through the
//! JSON API with the session cookie and its CSRF token.
//!
//! No page carries inline script or style: the Content-Security-Policy allows scripts and
//! styles from this origin only, so text from customers can never run, even if a template
//! forgot to escape it.

mod admin;
mod format;
mod i18n;
mod inbox;
mod live;
mod monitor;
mod ticket;

pub use format::url_encode;
pub use i18n::Lang;
pub use live::LiveFeed;

use crate::api::{COOKIE, cookie};
use askama::Template;
use axum::Router;
use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use crossdesk_app::App;
use crossdesk_app::auth::{Principal, Via};
use crossdesk_domain::model::Role;
use serde::Deserialize;

/// The workspace's routes, with the process's live feed over `app`'s database.
pub fn routes(app: &App) -> Router<App> {
    Router::new()
        .route("/", get(index))
        .route("/login", get(login_page))
        .route("/inbox", get(inbox::page))
        .route("/inbox/rows", get(inbox::rows))
        .route("/tickets/{id}", get(ticket::page))
        .route("/monitor", get(monitor::page))
        .route("/admin", get(admin::page))
        .route("/live", get(live::stream))
        .route("/assets/app.js", get(script))
        .route("/assets/app.css", get(stylesheet))
        .layer(axum::Extension(LiveFeed::new(app.db().clone())))
        .layer(axum::middleware::map_response(security_headers))
}

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Every workspace response: a strict CSP, no sniffing, no framing, no referrer leaks.
async fn security_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("../../assets/app.js"),
    )
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("../../assets/app.css"),
    )
}

/// The signed-in agent looking at a page (a web session; API tokens do not open pages).
#[derive(Debug, Clone)]
pub struct Viewer {
    /// Who, with their scope and permissions.
    pub principal: Principal,
    /// Their interface language.
    pub lang: Lang,
    /// The session's CSRF token, for the script's unsafe requests.
    pub csrf: String,
}

impl Viewer {
    /// Whether they administer the desk.
    pub fn is_admin(&self) -> bool {
        self.principal.role() == Role::Admin
    }

    /// The chrome every page shares.
    pub fn chrome(&self, title: String, active: &'static str) -> Chrome {
        Chrome {
            lang: self.lang,
            title,
            active,
            csrf: self.csrf.clone(),
            agent_name: self.principal.agent.name.clone(),
            agent_role: self
                .lang
                .label("role", &self.principal.agent.role)
                .to_string(),
            admin: self.is_admin(),
        }
    }
}

/// What the layout needs: language, title, navigation, the CSRF token.
#[derive(Debug, Clone)]
pub struct Chrome {
    /// Interface language.
    pub lang: Lang,
    /// The page title.
    pub title: String,
    /// The active navigation entry.
    pub active: &'static str,
    /// The session's CSRF token.
    pub csrf: String,
    /// The agent's name.
    pub agent_name: String,
    /// The agent's role, in the interface language.
    pub agent_role: String,
    /// Whether to show the admin entry.
    pub admin: bool,
}

impl Chrome {
    /// A text in the interface language.
    pub fn t<'a>(&self, key: &'a str) -> &'a str {
        self.lang.t(key)
    }
}

/// A signed-out request for a page: go to the sign-in page and come back.
pub struct ToLogin(String);

impl IntoResponse for ToLogin {
    fn into_response(self) -> Response {
        // What the script fetches gets a 401 it can show, not a sign-in page as content.
        if self.0.starts_with("/inbox/rows") || self.0.starts_with("/live") {
            return (StatusCode::UNAUTHORIZED, "signed out").into_response();
        }
        let next = format::url_encode(safe_next(&self.0).unwrap_or("/inbox"));
        Redirect::to(&format!("/login?next={next}")).into_response()
    }
}

/// Where sign-in may send the browser afterwards: one of the workspace's own pages, with a
/// plain query string. Anything else (another host, `//`, `\`, control characters that
/// browsers strip into `//`, fragments) is refused.
pub fn safe_next(next: &str) -> Option<&str> {
    let (path, query) = next.split_once('?').unwrap_or((next, ""));
    let page = matches!(path, "/inbox" | "/monitor" | "/admin")
        || path
            .strip_prefix("/tickets/")
            .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()));
    let plain = query
        .bytes()
        .all(|b| b.is_ascii_graphic() && !matches!(b, b'#' | b'\\' | b'<' | b'>' | b'"' | b'\''));
    (page && plain).then_some(next)
}

impl FromRequestParts<App> for Viewer {
    type Rejection = ToLogin;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let here = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/inbox".into());
        let token = cookie(&parts.headers, COOKIE).ok_or_else(|| ToLogin(here.clone()))?;
        let principal = app
            .session_principal(&token)
            .await
            .map_err(|_| ToLogin(here))?;
        let csrf = match &principal.via {
            Via::Session { csrf } => csrf.clone(),
            Via::Token { .. } => String::new(),
        };
        Ok(Viewer {
            lang: Lang::of(&principal.agent.locale),
            principal,
            csrf,
        })
    }
}

/// Renders a template into a page, or a plain 500 naming nothing internal.
pub fn render<T: Template>(page: &T) -> Response {
    match page.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "page failed to render");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the page failed to render",
            )
                .into_response()
        }
    }
}

/// A page-level failure, shown in the agent's language.
#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    message: String,
}

/// An error page with `status`.
pub fn error_page(viewer: &Viewer, status: StatusCode, message: String) -> Response {
    let chrome = viewer.chrome(viewer.lang.t("error.title").to_string(), "");
    (status, render(&ErrorPage { chrome, message })).into_response()
}

/// A database failure on a page: logged, and shown without internals.
pub fn db_failure(viewer: &Viewer, e: crossdesk_app::DbError) -> Response {
    match e {
        crossdesk_app::DbError::NotFound => error_page(
            viewer,
            StatusCode::NOT_FOUND,
            viewer.lang.t("error.not_found").to_string(),
        ),
        other => {
            tracing::error!(error = %other, "workspace query failed");
            error_page(
                viewer,
                StatusCode::INTERNAL_SERVER_ERROR,
                viewer.lang.t("error.title").to_string(),
            )
        }
    }
}

async fn index(State(app): State<App>, headers: axum::http::HeaderMap) -> Redirect {
    let signed_in = match cookie(&headers, COOKIE) {
        Some(token) => app.session_principal(&token).await.is_ok(),
        None => false,
    };
    Redirect::to(if signed_in { "/inbox" } else { "/login" })
}

#[derive(Debug, Deserialize)]
struct LoginQuery {
    next: Option<String>,
    lang: Option<String>,
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    lang: Lang,
    next: String,
    backend: String,
}

impl LoginPage {
    fn t<'a>(&self, key: &'a str) -> &'a str {
        self.lang.t(key)
    }
}

async fn login_page(
    State(app): State<App>,
    headers: axum::http::HeaderMap,
    Query(q): Query<LoginQuery>,
) -> Response {
    // Only same-site paths: never an open redirect to another host.
    let next = q
        .next
        .as_deref()
        .and_then(safe_next)
        .unwrap_or("/inbox")
        .to_string();
    if let Some(token) = cookie(&headers, COOKIE)
        && app.session_principal(&token).await.is_ok()
    {
        return Redirect::to(&next).into_response();
    }
    // Before sign-in the agent's locale is unknown: the browser's preference, or `?lang=`.
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let lang = match q.lang.as_deref() {
        Some(l) => Lang::of(l),
        None => Lang::of(accept),
    };
    render(&LoginPage {
        lang,
        next,
        backend: app.db().backend().name().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn sign_in_returns_only_to_our_pages() {
        for ok in [
            "/inbox",
            "/inbox?store=a&q=%E9%80%80",
            "/tickets/42",
            "/monitor",
            "/admin",
        ] {
            assert_eq!(safe_next(ok), Some(ok), "{ok}");
        }
        for bad in [
            "//evil.example/x",
            "/\t/evil.example",
            "/\n/x",
            "/\\evil.example",
            "https://evil.example",
            "/tickets/",
            "/tickets/1/../../x",
            "/inbox?q=a b",
            "/inbox?q=<x>",
            "/inbox/rows",
            "/live",
            "",
        ] {
            assert_eq!(safe_next(bad), None, "{bad:?}");
        }
    }
}
