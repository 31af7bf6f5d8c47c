//! The workspace over the API: label corrections on a ticket (and their export for
//! retraining), saved inbox views, the brand-watch terms and the social monitor's feed.

use super::ApiError;
use super::auth::Actor;
use super::queries::id;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use crossdesk_app::App;
use crossdesk_app::views::TicketSummary;
use crossdesk_app::workspace::{LabelsRequest, WorkspaceError};
use crossdesk_db::{CorrectedLabel, SavedView, SocialPost};
use crossdesk_domain::brand::{Term, TermKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

impl From<WorkspaceError> for ApiError {
    fn from(e: WorkspaceError) -> Self {
        match e {
            WorkspaceError::Auth(a) => a.into(),
            WorkspaceError::Invalid { field, message } => ApiError::invalid(field, message),
            WorkspaceError::NotFound(what) => ApiError::not_found(what),
            WorkspaceError::Db(e) => e.into(),
        }
    }
}

/// New labels for a ticket: at least one of the three.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LabelsBody {
    /// A category (`logistics.lost`).
    #[serde(default)]
    pub category: Option<String>,
    /// `inquiry`, `complaint` or `crisis`.
    #[serde(default)]
    pub urgency: Option<String>,
    /// An ISO 639-1 code (`de`).
    #[serde(default)]
    pub language: Option<String>,
}

/// Corrects a ticket's triage labels. The ticket and the customer message the label came
/// from are updated, each changed label is kept as a correction (for retraining) and a
/// `labels_corrected` event records `{field: {from, to, message_id}}`. Setting a label to
/// its current value writes nothing. A ticket made a crisis gets the crisis SLA targets
/// and goes to the on-call lead. Answers the ticket as it is now.
#[utoipa::path(post, path = "/api/v1/tickets/{id}/labels", tag = "workspace", request_body = LabelsBody,
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = TicketSummary), (status = 404, body = super::ErrorBody),
        (status = 422, description = "`field` names the label at fault", body = super::ErrorBody)))]
pub async fn correct_labels(
    State(app): State<App>,
    actor: Actor,
    Path(ticket): Path<String>,
    body: Bytes,
) -> Result<Json<TicketSummary>, ApiError> {
    let ticket = id("id", &ticket)?;
    let body: LabelsBody = super::json_body(&body)?;
    let summary = app
        .correct_labels(
            &actor.0,
            ticket,
            &LabelsRequest {
                category: body.category,
                urgency: body.urgency,
                language: body.language,
            },
        )
        .await?;
    Ok(Json(summary))
}

/// Parameters of the label-correction export.
#[derive(Debug, Default, Deserialize, IntoParams)]
pub struct CorrectionsQuery {
    /// Only messages corrected at or after this time (RFC 3339).
    since: Option<String>,
    /// Most records, 1–5000 (default 500).
    limit: Option<String>,
}

/// A page of the label-correction export.
#[derive(Debug, Serialize, ToSchema)]
pub struct CorrectionsPage {
    /// Labelled examples, oldest latest-correction first.
    pub items: Vec<CorrectedLabel>,
    /// Pass as `since` for the next page (its first records may repeat the last ones of
    /// this page: key them by `message_id`); absent on the last page.
    pub next_since: Option<DateTime<Utc>>,
}

fn whole(field: &str, v: Option<&str>, default: u32, max: u32) -> Result<u32, ApiError> {
    match v {
        None | Some("") => Ok(default),
        Some(s) => s
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| {
                ApiError::invalid(
                    field,
                    format!("expected a whole number from 1 to {max}, got {s:?}"),
                )
            }),
    }
}

/// The messages agents corrected, as labelled JSON records in the shape `crossdesk train
/// triage` reads (`text`, `category`, `urgency`, `language`, `channel`, with the latest
/// correction of each label), plus their corrections. Admins and leads; only tickets of
/// the caller's stores.
#[utoipa::path(get, path = "/api/v1/label-corrections", tag = "workspace", params(CorrectionsQuery),
    responses((status = 200, body = CorrectionsPage), (status = 403, body = super::ErrorBody), (status = 422, body = super::ErrorBody)))]
pub async fn label_corrections(
    State(app): State<App>,
    actor: Actor,
    Query(q): Query<CorrectionsQuery>,
) -> Result<Json<CorrectionsPage>, ApiError> {
    let since = match q.since.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(
            DateTime::parse_from_rfc3339(s)
                .map_err(|_| {
                    ApiError::invalid(
                        "since",
                        format!(
                            "expected an RFC 3339 time such as 2026-11-01T00:00:00Z, got {s:?}"
                        ),
                    )
                })?
                .with_timezone(&Utc),
        ),
    };
    let limit = whole("limit", q.limit.as_deref(), 500, 5_000)?;
    let items = app.label_corrections(&actor.0, since, limit).await?;
    let next_since = if items.len() == limit as usize {
        items.last().map(|i| i.corrected_at)
    } else {
        None
    };
    Ok(Json(CorrectionsPage { items, next_since }))
}

/// The caller's saved inbox views, by name.
#[utoipa::path(get, path = "/api/v1/views", tag = "workspace", responses((status = 200, body = Vec<SavedView>)))]
pub async fn list_views(
    State(app): State<App>,
    actor: Actor,
) -> Result<Json<Vec<SavedView>>, ApiError> {
    Ok(Json(app.saved_views(&actor.0).await?))
}

/// A view to save.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ViewBody {
    /// 1–80 characters, unique per agent.
    pub name: String,
    /// The inbox's query string: keys `store`, `channel`, `category`, `urgency`,
    /// `language`, `status`, `assignee`, `sla`, `q`.
    pub query: String,
}

/// Saves an inbox view for the caller: 201 with the new view, or 200 when a view of that
/// name existed (its query is replaced). At most 50 per agent.
#[utoipa::path(post, path = "/api/v1/views", tag = "workspace", request_body = ViewBody,
    responses((status = 201, body = SavedView), (status = 200, description = "Replaced the view of that name", body = SavedView),
        (status = 422, description = "`field` is `name` or `query` (the message names the key)", body = super::ErrorBody)))]
pub async fn save_view(
    State(app): State<App>,
    actor: Actor,
    body: Bytes,
) -> Result<(StatusCode, Json<SavedView>), ApiError> {
    let body: ViewBody = super::json_body(&body)?;
    let (view, created) = app.save_view(&actor.0, &body.name, &body.query).await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(view)))
}

/// Deletes one of the caller's views (404 for anyone else's).
#[utoipa::path(delete, path = "/api/v1/views/{id}", tag = "workspace", params(("id" = i64, Path, description = "View id")),
    responses((status = 204, description = "Deleted"), (status = 404, body = super::ErrorBody)))]
pub async fn delete_view(
    State(app): State<App>,
    actor: Actor,
    Path(view): Path<String>,
) -> Result<StatusCode, ApiError> {
    let view = id("id", &view)?;
    app.delete_view(&actor.0, view).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A watched name.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TermBody {
    /// The canonical name (`Acme Home`).
    pub name: String,
    /// `brand`, `product` or `competitor`.
    pub kind: String,
    /// Other spellings (`AcmeHomeHelp`, `小米`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Never match misspellings (for names one letter from common words).
    #[serde(default)]
    pub exact: bool,
}

fn kind_name(k: TermKind) -> &'static str {
    match k {
        TermKind::Brand => "brand",
        TermKind::Product => "product",
        TermKind::Competitor => "competitor",
    }
}

impl From<Term> for TermBody {
    fn from(t: Term) -> Self {
        Self {
            name: t.name,
            kind: kind_name(t.kind).into(),
            aliases: t.aliases,
            exact: t.exact,
        }
    }
}

/// Reads the list of terms, naming the field at fault as `[i].field`.
fn terms_body(body: &[u8]) -> Result<Vec<Term>, ApiError> {
    let Value::Array(items) = super::json_body::<Value>(body)? else {
        return Err(ApiError::invalid("$", "expected a list of terms"));
    };
    let mut terms = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let t: TermBody = serde_json::from_value(item).map_err(|e| {
            let text = e.to_string();
            let field = text.split('`').nth(1).unwrap_or("");
            let field = if field.is_empty() {
                format!("[{i}]")
            } else {
                format!("[{i}].{field}")
            };
            ApiError::invalid(field, text)
        })?;
        let kind = [TermKind::Brand, TermKind::Product, TermKind::Competitor]
            .into_iter()
            .find(|k| kind_name(*k) == t.kind)
            .ok_or_else(|| {
                ApiError::invalid(
                    format!("[{i}].kind"),
                    format!(
                        "unknown kind {:?}; expected one of: brand, product, competitor",
                        t.kind
                    ),
                )
            })?;
        terms.push(Term {
            name: t.name,
            kind,
            aliases: t.aliases,
            exact: t.exact,
        });
    }
    Ok(terms)
}

/// The brand-watch terms (anyone signed in).
#[utoipa::path(get, path = "/api/v1/watch-terms", tag = "workspace", responses((status = 200, body = Vec<TermBody>)))]
pub async fn list_watch_terms(
    State(app): State<App>,
    actor: Actor,
) -> Result<Json<Vec<TermBody>>, ApiError> {
    let terms = app.watch_terms(&actor.0).await?;
    Ok(Json(terms.into_iter().map(TermBody::from).collect()))
}

/// Replaces the brand-watch terms with the list sent (admins). Names are matched ignoring
/// case, accents, spacing and small misspellings; a rejection names `[i].name`,
/// `[i].aliases[j]` or `[i].kind`. Answers the list as stored.
#[utoipa::path(put, path = "/api/v1/watch-terms", tag = "workspace", request_body = Vec<TermBody>,
    responses((status = 200, body = Vec<TermBody>), (status = 403, body = super::ErrorBody), (status = 422, body = super::ErrorBody)))]
pub async fn put_watch_terms(
    State(app): State<App>,
    actor: Actor,
    body: Bytes,
) -> Result<Json<Vec<TermBody>>, ApiError> {
    actor.require(crossdesk_domain::model::Permission::Admin)?;
    let terms = terms_body(&body)?;
    let stored = app.set_watch_terms(&actor.0, terms).await?;
    Ok(Json(stored.into_iter().map(TermBody::from).collect()))
}

/// Parameters of the monitor feed.
#[derive(Debug, Default, Deserialize, IntoParams)]
pub struct MonitorQuery {
    /// Most posts, 1–200 (default 50).
    limit: Option<String>,
    /// Only posts older than this post (`next_before` of the previous page).
    before: Option<String>,
}

/// A page of the monitor feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct MonitorPageBody {
    /// Posts naming a watched term, newest first.
    pub items: Vec<SocialPost>,
    /// Pass as `before` for older posts; absent when there are none to search.
    pub next_before: Option<i64>,
}

/// The social monitor: recent public customer posts on social channels (X) in the
/// caller's stores that name a watched brand, product or competitor, newest first, each
/// with its matches. Searches the newest 2,000 such posts per request.
#[utoipa::path(get, path = "/api/v1/monitor/posts", tag = "workspace", params(MonitorQuery),
    responses((status = 200, body = MonitorPageBody), (status = 422, body = super::ErrorBody)))]
pub async fn monitor_posts(
    State(app): State<App>,
    actor: Actor,
    Query(q): Query<MonitorQuery>,
) -> Result<Json<MonitorPageBody>, ApiError> {
    let limit = whole("limit", q.limit.as_deref(), 50, 200)?;
    let before = match q.before.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(b) => Some(id("before", b)?),
    };
    let page = app.monitor_posts(&actor.0, before, limit).await?;
    Ok(Json(MonitorPageBody {
        items: page.items,
        next_before: page.next_before,
    }))
}
