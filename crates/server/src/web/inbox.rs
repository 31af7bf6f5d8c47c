//! The inbox: every channel and store in one list, filtered, searched, live.

use super::format::{ago, due_class, rfc3339, span, stamp, url_encode};
use super::{Chrome, Lang, Viewer, db_failure, render};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use crossdesk_app::App;
use crossdesk_app::views::{StoreView, TicketSummary};
use crossdesk_db::{AgentView, TicketFilter};
use crossdesk_domain::model::{Category, Channel, TicketStatus, Urgency};
use serde::Deserialize;
use std::collections::HashMap;

/// Rows per page.
const PAGE: u32 = 50;
/// Counting stops here: "more than 10,000" is as useful as an exact million and far cheaper.
const COUNT_CAP: i64 = 10_000;

/// The statuses of the default view: everything not yet resolved.
pub const OPEN_STATUSES: [&str; 4] = ["new", "open", "waiting_customer", "solution_proposed"];

/// Languages offered in the filter (the detector knows more; `?language=xx` takes any).
const LANGUAGES: [&str; 15] = [
    "en", "zh", "es", "de", "fr", "pt", "it", "ja", "ko", "ru", "ar", "nl", "pl", "tr", "sv",
];

/// The inbox query string. Every value is optional; empty means "any".
#[derive(Debug, Default, Clone, Deserialize)]
pub struct InboxQuery {
    store: Option<String>,
    channel: Option<String>,
    category: Option<String>,
    urgency: Option<String>,
    language: Option<String>,
    status: Option<String>,
    assignee: Option<String>,
    sla: Option<String>,
    q: Option<String>,
    cursor: Option<String>,
}

fn nonempty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl InboxQuery {
    /// The query string again, without the cursor (for the live refresh and paging links).
    fn encoded(&self) -> String {
        let pairs = [
            ("store", &self.store),
            ("channel", &self.channel),
            ("category", &self.category),
            ("urgency", &self.urgency),
            ("language", &self.language),
            ("status", &self.status),
            ("assignee", &self.assignee),
            ("sla", &self.sla),
            ("q", &self.q),
        ];
        pairs
            .iter()
            .filter_map(|(k, v)| nonempty(v).map(|v| format!("{k}={}", url_encode(v))))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The ticket filter, or the name of the field whose value is not understood.
    fn filter(&self, viewer: &Viewer, now: DateTime<Utc>) -> Result<TicketFilter, String> {
        let mut f = TicketFilter {
            scope: viewer.principal.scope.clone(),
            limit: PAGE,
            cursor: nonempty(&self.cursor).map(str::to_string),
            store: nonempty(&self.store).map(str::to_string),
            text: nonempty(&self.q).map(str::to_string),
            ..TicketFilter::default()
        };
        if let Some(v) = nonempty(&self.channel) {
            Channel::parse(v).ok_or("channel")?;
            f.channel = Some(v.to_string());
        }
        if let Some(v) = nonempty(&self.category) {
            Category::parse(v).ok_or("category")?;
            f.category = Some(v.to_string());
        }
        if let Some(v) = nonempty(&self.urgency) {
            Urgency::parse(v).ok_or("urgency")?;
            f.urgency = Some(v.to_string());
        }
        if let Some(v) = nonempty(&self.language) {
            if v.len() > 12 || !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err("language".into());
            }
            f.language = Some(v.to_string());
        }
        match nonempty(&self.status) {
            None => f.status = OPEN_STATUSES.iter().map(|s| s.to_string()).collect(),
            Some("all") => {}
            Some(v) => {
                TicketStatus::parse(v).ok_or("status")?;
                f.status = vec![v.to_string()];
            }
        }
        match nonempty(&self.assignee) {
            None => {}
            Some("me") => f.assignee = Some(Some(viewer.principal.agent.id)),
            Some("none") => f.assignee = Some(None),
            Some(v) => f.assignee = Some(Some(v.parse().map_err(|_| "assignee")?)),
        }
        if let Some(v) = nonempty(&self.sla) {
            let state = crossdesk_db::SlaState::parse(v).ok_or("sla")?;
            f.sla = Some((state, now));
        }
        Ok(f)
    }
}

/// One inbox row, ready to show.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: i64,
    pub subject: String,
    pub customer: String,
    pub store: String,
    pub channel: String,
    pub channel_label: String,
    pub visibility: String,
    pub urgency: String,
    pub urgency_label: String,
    pub category_label: String,
    pub status: String,
    pub status_label: String,
    pub language: String,
    pub assignee: Option<String>,
    pub due: Option<String>,
    pub due_text: String,
    pub due_class: &'static str,
    pub due_what: String,
    pub last_ago: String,
    pub last_at: String,
    pub messages: i64,
    pub escalated: bool,
}

/// The next SLA moment of an open ticket, and which clock it is. Waiting on the customer
/// pauses the first-response and solution clocks; a marketplace's own answer limit never
/// pauses.
pub fn next_due(t: &TicketSummary) -> Option<(DateTime<Utc>, &'static str)> {
    if matches!(t.status.as_str(), "resolved" | "closed") {
        return None;
    }
    let paused = t.status == "waiting_customer";
    let mut due: Vec<(DateTime<Utc>, &'static str)> = Vec::new();
    if t.first_responded_at.is_none() {
        if let Some(d) = t.first_response_due_at.filter(|_| !paused) {
            due.push((d, "sla.first_response"));
        }
        if let Some(d) = t.hard_due_at {
            due.push((d, "sla.hard"));
        }
    }
    if let Some(d) = t.solution_due_at.filter(|_| !paused) {
        due.push((d, "sla.solution"));
    }
    due.into_iter().min_by_key(|(d, _)| *d)
}

/// Turns a ticket into a row.
pub fn row(lang: Lang, t: &TicketSummary, names: &HashMap<i64, String>, now: DateTime<Utc>) -> Row {
    let next = next_due(t);
    let (due, due_text, due_class, due_what) = match next {
        Some((d, what)) => (
            Some(rfc3339(d)),
            span((d - now).num_seconds()),
            due_class(d, now),
            lang.t(what).to_string(),
        ),
        None if t.status == "waiting_customer" => {
            (None, "⏸".into(), "paused", lang.t("sla.paused").to_string())
        }
        None => (None, "—".into(), "none", lang.t("sla.none").to_string()),
    };
    Row {
        id: t.id,
        subject: t
            .subject
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| format!("#{}", t.id)),
        customer: t
            .customer_name
            .clone()
            .unwrap_or_else(|| format!("#{}", t.customer_id)),
        store: t.store.clone().unwrap_or_else(|| "—".into()),
        channel: t.channel.clone(),
        channel_label: lang.label("channel", &t.channel).to_string(),
        visibility: t.visibility.clone(),
        urgency: t.urgency.clone(),
        urgency_label: lang.label("urgency", &t.urgency).to_string(),
        category_label: lang.label("category", &t.category).to_string(),
        status: t.status.clone(),
        status_label: lang.label("status", &t.status).to_string(),
        language: t.language.clone(),
        assignee: t
            .assignee_id
            .map(|a| names.get(&a).cloned().unwrap_or_else(|| format!("#{a}"))),
        due,
        due_text,
        due_class,
        due_what,
        last_ago: ago(lang, t.last_message_at, now),
        last_at: stamp(t.last_message_at),
        messages: t.message_count,
        escalated: t.escalated_at.is_some(),
    }
}

/// A `<select>` option.
#[derive(Debug, Clone)]
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn options<'a>(
    values: impl IntoIterator<Item = (&'a str, String)>,
    current: Option<&str>,
) -> Vec<Opt> {
    values
        .into_iter()
        .map(|(v, label)| Opt {
            selected: current == Some(v),
            value: v.to_string(),
            label,
        })
        .collect()
}

/// The filter bar's choices.
#[derive(Debug, Clone)]
pub struct Filters {
    pub stores: Vec<Opt>,
    pub channels: Vec<Opt>,
    pub categories: Vec<Opt>,
    pub urgencies: Vec<Opt>,
    pub languages: Vec<Opt>,
    pub statuses: Vec<Opt>,
    pub assignees: Vec<Opt>,
    pub slas: Vec<Opt>,
    pub q: String,
    pub active: bool,
}

fn filters(lang: Lang, q: &InboxQuery, stores: &[StoreView], agents: &[AgentView]) -> Filters {
    let l = |family: &str, v: &str| lang.label(family, v).to_string();
    let mut statuses = vec![Opt {
        value: String::new(),
        label: lang.t("filter.open").into(),
        selected: nonempty(&q.status).is_none(),
    }];
    statuses.extend(options(
        TicketStatus::ALL
            .iter()
            .map(|s| (s.as_str(), l("status", s.as_str()))),
        nonempty(&q.status),
    ));
    statuses.push(Opt {
        value: "all".into(),
        label: lang.t("filter.everything").into(),
        selected: nonempty(&q.status) == Some("all"),
    });
    let mut assignees = options(
        [
            ("me", lang.t("filter.me").to_string()),
            ("none", lang.t("filter.pool").to_string()),
        ],
        nonempty(&q.assignee),
    );
    let current = nonempty(&q.assignee);
    assignees.extend(agents.iter().filter(|a| a.active).map(|a| Opt {
        value: a.id.to_string(),
        label: a.name.clone(),
        selected: current == Some(a.id.to_string().as_str()),
    }));
    let mut languages: Vec<&str> = LANGUAGES.to_vec();
    if let Some(v) = nonempty(&q.language)
        && !languages.contains(&v)
    {
        languages.push(v);
    }
    Filters {
        stores: options(
            stores
                .iter()
                .map(|s| (s.key.as_str(), format!("{} · {}", s.name, s.platform))),
            nonempty(&q.store),
        ),
        channels: options(
            Channel::ALL
                .iter()
                .map(|c| (c.as_str(), l("channel", c.as_str()))),
            nonempty(&q.channel),
        ),
        categories: options(
            Category::ALL
                .iter()
                .map(|c| (c.as_str(), l("category", c.as_str()))),
            nonempty(&q.category),
        ),
        urgencies: options(
            Urgency::ALL
                .iter()
                .rev()
                .map(|u| (u.as_str(), l("urgency", u.as_str()))),
            nonempty(&q.urgency),
        ),
        languages: options(
            languages
                .into_iter()
                .map(|v| (v, format!("{} ({v})", l("lang", v)))),
            nonempty(&q.language),
        ),
        statuses,
        assignees,
        slas: options(
            ["breached", "at_risk", "on_track"]
                .into_iter()
                .map(|v| (v, lang.t(&format!("sla.{v}")).to_string())),
            nonempty(&q.sla),
        ),
        q: nonempty(&q.q).unwrap_or_default().to_string(),
        active: !q.encoded().is_empty(),
    }
}

#[derive(Template)]
#[template(path = "inbox.html")]
struct InboxPage {
    chrome: Chrome,
    filters: Filters,
    rows: Vec<Row>,
    count: String,
    query: String,
    next: Option<String>,
    paged: bool,
    error: Option<String>,
    assign_to: Vec<Opt>,
    can_assign: bool,
}

#[derive(Template)]
#[template(path = "rows.html")]
struct RowsFragment {
    chrome: Chrome,
    rows: Vec<Row>,
}

/// Agents' names by id, for the assignee column.
fn names(agents: &[AgentView]) -> HashMap<i64, String> {
    agents.iter().map(|a| (a.id, a.name.clone())).collect()
}

/// `GET /inbox`.
pub async fn page(State(app): State<App>, viewer: Viewer, Query(q): Query<InboxQuery>) -> Response {
    let lang = viewer.lang;
    let now = app.clock().now();
    let (stores, agents) =
        match tokio::try_join!(app.stores(&viewer.principal.scope), app.db().agents()) {
            Ok(v) => v,
            Err(e) => return db_failure(&viewer, e),
        };
    let chrome = viewer.chrome(lang.t("inbox.title").to_string(), "inbox");
    let filter = match q.filter(&viewer, now) {
        Ok(f) => f,
        Err(field) => {
            let page = InboxPage {
                chrome,
                filters: filters(lang, &q, &stores, &agents),
                rows: vec![],
                count: String::new(),
                query: q.encoded(),
                next: None,
                paged: false,
                error: Some(format!(
                    "{}: {}",
                    lang.t(&format!("filter.{field}")),
                    lang.t("filter.invalid")
                )),
                assign_to: vec![],
                can_assign: false,
            };
            return (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response();
        }
    };
    let (list, count) = match tokio::try_join!(
        app.db().list_tickets(&filter),
        app.db().count_tickets_capped(&filter, COUNT_CAP)
    ) {
        Ok(v) => v,
        Err(e) => return db_failure(&viewer, e),
    };
    let names = names(&agents);
    let count = match count {
        (n, false) => format!("{n} {}", lang.t("inbox.count")),
        (n, true) => format!("{} {n} {}", lang.t("inbox.more"), lang.t("inbox.count")),
    };
    let query = q.encoded();
    let next = list.next_cursor.as_ref().map(|c| {
        let sep = if query.is_empty() { "" } else { "&" };
        format!("/inbox?{query}{sep}cursor={}", url_encode(c))
    });
    let can_assign = viewer.principal.role().assigns_others();
    let page = InboxPage {
        filters: filters(lang, &q, &stores, &agents),
        rows: list
            .items
            .iter()
            .map(|t| row(lang, t, &names, now))
            .collect(),
        count,
        query,
        next,
        paged: nonempty(&q.cursor).is_some(),
        error: None,
        assign_to: agents
            .iter()
            .filter(|a| a.active)
            .map(|a| Opt {
                value: a.id.to_string(),
                label: a.name.clone(),
                selected: false,
            })
            .collect(),
        can_assign,
        chrome,
    };
    render(&page)
}

/// `GET /inbox/rows`: the rows alone, for the live refresh.
pub async fn rows(State(app): State<App>, viewer: Viewer, Query(q): Query<InboxQuery>) -> Response {
    let now = app.clock().now();
    let Ok(filter) = q.filter(&viewer, now) else {
        return (StatusCode::UNPROCESSABLE_ENTITY, "bad filter").into_response();
    };
    let (list, agents) = match tokio::try_join!(app.db().list_tickets(&filter), app.db().agents()) {
        Ok(v) => v,
        Err(e) => return db_failure(&viewer, e),
    };
    let names = names(&agents);
    let chrome = viewer.chrome(String::new(), "inbox");
    let fragment = RowsFragment {
        rows: list
            .items
            .iter()
            .map(|t| row(viewer.lang, t, &names, now))
            .collect(),
        chrome,
    };
    let mut response = render(&fragment);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}
