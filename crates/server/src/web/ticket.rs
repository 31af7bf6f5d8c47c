//! The ticket view: the conversation across channels, triage labels to correct, the
//! customer and the order beside it, the reply box with templates in the buyer's language,
//! the SLA clock and the audit trail.

use super::format::{ago, due_class, rfc3339, span, stamp};
use super::inbox::Opt;
use super::{Chrome, Lang, Viewer, db_failure, error_page, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, Duration, Utc};
use crossdesk_app::App;
use crossdesk_app::views::{
    CustomerDetail, EventView, MessageView, OrderView, TicketDetail, TicketSummary,
};
use crossdesk_domain::model::{Category, Urgency};
use crossdesk_domain::templates::TemplateKind;
use std::collections::{BTreeMap, HashMap};

/// One message in the timeline.
#[derive(Debug, Clone)]
pub struct Msg {
    pub id: i64,
    pub direction: String,
    pub visibility: String,
    pub kind: String,
    pub channel_label: String,
    pub author: String,
    pub followers: Option<i64>,
    pub subject: Option<String>,
    pub text: String,
    pub language: String,
    pub labels: String,
    pub pii: bool,
    pub at: String,
    pub at_ago: String,
    pub visibility_label: String,
}

fn author(m: &MessageView) -> String {
    let a = &m.author;
    match (&a.name, &a.handle, &a.email, &a.buyer_id) {
        (Some(n), Some(h), _, _) => format!("{n} (@{})", h.trim_start_matches('@')),
        (Some(n), _, _, _) => n.clone(),
        (None, Some(h), _, _) => format!("@{}", h.trim_start_matches('@')),
        (None, None, Some(e), _) => e.clone(),
        (None, None, None, Some(b)) => b.clone(),
        _ => String::new(),
    }
}

fn msg(lang: Lang, m: &MessageView, now: DateTime<Utc>) -> Msg {
    let visibility_label = match (m.kind.as_str(), m.visibility.as_str()) {
        ("note", _) => lang.t("ticket.note"),
        ("system", _) => lang.t("ticket.system"),
        (_, "public") => lang.t("ticket.public"),
        _ => lang.t("ticket.private"),
    }
    .to_string();
    let labels = if m.direction == "in" {
        format!(
            "{} · {} · {} {:.0}%",
            lang.label("category", &m.category),
            lang.label("urgency", &m.urgency),
            lang.t("ticket.confidence"),
            m.confidence * 100.0
        )
    } else {
        String::new()
    };
    Msg {
        id: m.id,
        direction: m.direction.clone(),
        visibility: m.visibility.clone(),
        kind: m.kind.clone(),
        channel_label: lang.label("channel", &m.channel).to_string(),
        author: author(m),
        followers: m.author.followers,
        subject: m.subject.clone().filter(|s| !s.trim().is_empty()),
        text: m.text.clone(),
        language: m.language.clone(),
        labels,
        pii: m.pii,
        at: stamp(m.sent_at),
        at_ago: ago(lang, m.sent_at, now),
        visibility_label,
    }
}

/// An SLA clock line.
#[derive(Debug, Clone)]
pub struct Clock {
    pub what: String,
    pub due: Option<String>,
    pub text: String,
    pub class: &'static str,
    pub at: String,
}

fn clocks(lang: Lang, t: &TicketSummary, now: DateTime<Utc>) -> Vec<Clock> {
    let paused = matches!(
        t.status.as_str(),
        "waiting_customer" | "resolved" | "closed"
    );
    let line = |key: &str, due: Option<DateTime<Utc>>, done: Option<DateTime<Utc>>| {
        let what = lang.t(key).to_string();
        // The marketplace's limit runs on while the ticket waits on the customer.
        let paused = paused && key != "sla.hard";
        match (due, done) {
            (_, Some(done)) => Some(Clock {
                what,
                due: None,
                text: lang.t("sla.responded").to_string(),
                class: "done",
                at: stamp(done),
            }),
            (Some(_), None) if paused => Some(Clock {
                what,
                due: None,
                text: lang.t("sla.paused").to_string(),
                class: "paused",
                at: String::new(),
            }),
            (Some(d), None) => Some(Clock {
                what,
                due: Some(rfc3339(d)),
                text: span((d - now).num_seconds()),
                class: due_class(d, now),
                at: stamp(d),
            }),
            (None, None) => None,
        }
    };
    [
        line(
            "sla.first_response",
            t.first_response_due_at,
            t.first_responded_at,
        ),
        line(
            "sla.hard",
            t.hard_due_at,
            t.hard_due_at.and(t.first_responded_at),
        ),
        line("sla.solution", t.solution_due_at, None),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// An audit-trail line.
#[derive(Debug, Clone)]
pub struct Ev {
    pub kind: String,
    pub actor: String,
    pub at: String,
    pub data: String,
}

fn event(lang: Lang, e: &EventView, names: &HashMap<i64, String>) -> Ev {
    let actor = match (e.actor_kind.as_str(), e.actor_id) {
        ("agent", Some(id)) => names.get(&id).cloned().unwrap_or_else(|| format!("#{id}")),
        (kind, _) => lang.label("ticket", kind).to_string(),
    };
    let mut parts = Vec::new();
    flatten("", &e.data, &mut parts);
    Ev {
        kind: lang.label("event", &e.kind).to_string(),
        actor,
        at: stamp(e.at),
        data: parts.join(" · ").chars().take(240).collect(),
    }
}

/// An event's data as `key: value` pairs, nested objects as `outer.inner`, nulls left out.
fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        serde_json::Value::Null => {}
        serde_json::Value::String(s) => out.push(format!("{prefix}: {s}")),
        other => out.push(format!("{prefix}: {other}")),
    }
}

/// The customer panel.
#[derive(Debug, Clone)]
pub struct CustomerPanel {
    pub name: String,
    pub identities: Vec<(String, String)>,
    pub since: String,
    pub lifetime: String,
    pub orders: usize,
    pub risk: &'static str,
    pub risk_label: String,
    pub claims: usize,
    pub tickets: Vec<HistoryLine>,
}

/// One of the customer's tickets, in any linked store.
#[derive(Debug, Clone)]
pub struct HistoryLine {
    pub id: i64,
    pub current: bool,
    pub store: String,
    pub category: String,
    pub status: String,
    pub at: String,
}

/// Categories that are claims against the seller (refund, loss, not as described...).
const CLAIMS: [&str; 6] = [
    "logistics.lost",
    "logistics.damaged",
    "product.not_as_described",
    "product.counterfeit_claim",
    "product.defective",
    "billing.refund",
];

fn customer_panel(
    lang: Lang,
    c: &CustomerDetail,
    current: i64,
    now: DateTime<Utc>,
) -> CustomerPanel {
    let mut totals: BTreeMap<String, f64> = BTreeMap::new();
    for o in &c.orders {
        *totals.entry(o.currency.clone()).or_default() += o.total.parse::<f64>().unwrap_or(0.0);
    }
    let lifetime = if totals.is_empty() {
        "—".to_string()
    } else {
        totals
            .iter()
            .map(|(cur, v)| format!("{v:.2} {cur}"))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let recent = now - Duration::days(90);
    let claims = c
        .tickets
        .iter()
        .filter(|t| t.created_at >= recent && CLAIMS.contains(&t.category.as_str()))
        .count();
    let risk = match claims {
        0 | 1 => "low",
        2 => "medium",
        _ => "high",
    };
    CustomerPanel {
        name: c
            .customer
            .name
            .clone()
            .unwrap_or_else(|| format!("#{}", c.customer.id)),
        identities: c
            .customer
            .identities
            .iter()
            .map(|i| (i.kind.clone(), i.value.clone()))
            .collect(),
        since: stamp(c.customer.created_at),
        lifetime,
        orders: c.orders.len(),
        risk,
        risk_label: lang.t(&format!("risk.{risk}")).to_string(),
        claims,
        tickets: c
            .tickets
            .iter()
            .take(12)
            .map(|t| HistoryLine {
                id: t.id,
                current: t.id == current,
                store: t.store.clone().unwrap_or_else(|| "—".into()),
                category: lang.label("category", &t.category).to_string(),
                status: lang.label("status", &t.status).to_string(),
                at: ago(lang, t.last_message_at, now),
            })
            .collect(),
    }
}

/// The order panel.
#[derive(Debug, Clone)]
pub struct OrderPanel {
    pub store: String,
    pub number: String,
    pub total: String,
    pub incoterm: String,
    pub destination: String,
    pub placed: String,
    pub items: Vec<(String, String, i64, String)>,
    pub shipments: Vec<Parcel>,
}

/// A parcel and its scans, newest first.
#[derive(Debug, Clone)]
pub struct Parcel {
    pub carrier: String,
    pub tracking: String,
    pub status: String,
    pub promised: String,
    pub late: bool,
    pub scans: Vec<(String, String, String, String)>,
}

fn order_panel(o: &OrderView, now: DateTime<Utc>) -> OrderPanel {
    OrderPanel {
        store: o.order.store.clone(),
        number: o.order.number.clone(),
        total: format!("{} {}", o.order.total, o.order.currency),
        incoterm: o.order.incoterm.clone().unwrap_or_else(|| "—".into()),
        destination: o
            .order
            .destination_country
            .clone()
            .unwrap_or_else(|| "—".into()),
        placed: stamp(o.order.placed_at),
        items: o
            .items
            .iter()
            .map(|i| {
                (
                    i.sku.clone(),
                    i.title.clone().unwrap_or_default(),
                    i.quantity,
                    i.price.clone(),
                )
            })
            .collect(),
        shipments: o
            .shipments
            .iter()
            .map(|s| Parcel {
                carrier: s.carrier.clone(),
                tracking: s.tracking_number.clone(),
                status: s.status.clone().unwrap_or_else(|| "Pending".into()),
                promised: s.promised_by.map(stamp).unwrap_or_else(|| "—".into()),
                late: s.promised_by.is_some_and(|p| p < now)
                    && s.status.as_deref() != Some("Delivered"),
                scans: s
                    .events
                    .iter()
                    .rev()
                    .map(|e| {
                        (
                            e.tag.clone(),
                            e.message.clone(),
                            e.location.clone().unwrap_or_default(),
                            stamp(e.at),
                        )
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A standard reply the agent may pick, with the values it still needs.
#[derive(Debug, Clone)]
pub struct TemplateOpt {
    pub value: String,
    pub label: String,
    pub public: bool,
    pub vars: Vec<Var>,
}

/// A template value to fill in.
#[derive(Debug, Clone)]
pub struct Var {
    pub name: String,
    pub label: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "ticket.html")]
struct TicketPage {
    chrome: Chrome,
    id: i64,
    subject: String,
    status: String,
    status_label: String,
    urgency: String,
    urgency_label: String,
    category: String,
    category_label: String,
    channel_label: String,
    store: String,
    language: String,
    language_label: String,
    assignee: Option<String>,
    team: String,
    escalated: Option<String>,
    timeline: Vec<Msg>,
    categories: Vec<Opt>,
    urgencies: Vec<Opt>,
    templates: Vec<TemplateOpt>,
    clocks: Vec<Clock>,
    events: Vec<Ev>,
    customer: Option<CustomerPanel>,
    order: Option<OrderPanel>,
    /// With a translator configured: the hint shown above the timeline (each inbound
    /// message then has a translate button).
    translator: Option<String>,
}

/// `GET /tickets/{id}`.
pub async fn page(
    State(app): State<App>,
    viewer: Viewer,
    translator: Option<axum::Extension<crate::translate::SharedTranslator>>,
    Path(id): Path<String>,
) -> Response {
    let lang = viewer.lang;
    let Ok(id) = id.parse::<i64>() else {
        return error_page(
            &viewer,
            StatusCode::NOT_FOUND,
            lang.t("error.not_found").to_string(),
        );
    };
    let now = app.clock().now();
    let (detail, agents) =
        match tokio::try_join!(app.ticket(id, &viewer.principal.scope), app.db().agents()) {
            Ok(v) => v,
            Err(e) => return db_failure(&viewer, e),
        };
    let customer = app
        .customer(detail.ticket.customer_id, &viewer.principal.scope)
        .await
        .ok();
    let names: HashMap<i64, String> = agents.iter().map(|a| (a.id, a.name.clone())).collect();
    let survey_url = app
        .survey_path(id)
        .await
        .ok()
        .map(|p| format!("{}{p}", app.config().public_url));
    let mut page = build(&viewer, lang, detail, customer, &names, now, survey_url);
    page.translator = translator.map(|t| {
        let target = crate::translate::LanguageCode::of_locale(&viewer.principal.agent.locale);
        format!(
            "{} → {} · {}",
            lang.t("ticket.translate"),
            lang.label("lang", target.as_str()),
            t.provider()
        )
    });
    render(&page)
}

fn build(
    viewer: &Viewer,
    lang: Lang,
    d: TicketDetail,
    customer: Option<CustomerDetail>,
    names: &HashMap<i64, String>,
    now: DateTime<Utc>,
    survey_url: Option<String>,
) -> TicketPage {
    let t = &d.ticket;
    let subject = t
        .subject
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| format!("#{}", t.id));
    let opts = |family: &str, values: Vec<&'static str>, current: &str| -> Vec<Opt> {
        values
            .into_iter()
            .map(|v| Opt {
                value: v.to_string(),
                label: lang.label(family, v).to_string(),
                selected: v == current,
            })
            .collect()
    };
    // The values a template needs beyond what the ticket supplies, prefilled where the
    // order knows them (tracking number, promised date).
    let parcel = d.order.as_ref().and_then(|o| o.shipments.first());
    let templates = TemplateKind::ALL
        .iter()
        .filter(|k| **k != TemplateKind::OutOfHours)
        .map(|k| TemplateOpt {
            value: k.as_str().to_string(),
            label: lang.t(&format!("tpl.{}", k.as_str())).to_string(),
            public: k.is_public(),
            vars: k
                .required()
                .iter()
                .filter(|v| match **v {
                    "customer" | "agent" | "store" => false,
                    "order_number" => t.order_number.is_none(),
                    _ => true,
                })
                .map(|v| {
                    let value = match *v {
                        "tracking_url" => parcel.map(|p| p.tracking_number.clone()),
                        "date" => parcel
                            .and_then(|p| p.promised_by)
                            .map(|d| d.format("%Y-%m-%d").to_string()),
                        "survey_url" => survey_url.clone(),
                        _ => None,
                    };
                    Var {
                        name: v.to_string(),
                        label: lang.t(&format!("var.{v}")).to_string(),
                        value: value.unwrap_or_default(),
                    }
                })
                .collect(),
        })
        .collect();
    TicketPage {
        chrome: viewer.chrome(format!("#{} {subject}", t.id), "ticket"),
        id: t.id,
        status: t.status.clone(),
        status_label: lang.label("status", &t.status).to_string(),
        urgency: t.urgency.clone(),
        urgency_label: lang.label("urgency", &t.urgency).to_string(),
        category: t.category.clone(),
        category_label: lang.label("category", &t.category).to_string(),
        channel_label: lang.label("channel", &t.channel).to_string(),
        store: t.store.clone().unwrap_or_else(|| "—".into()),
        language: t.language.clone(),
        language_label: lang.label("lang", &t.language).to_string(),
        assignee: t
            .assignee_id
            .map(|a| names.get(&a).cloned().unwrap_or_else(|| format!("#{a}"))),
        team: t.team.clone().unwrap_or_else(|| "—".into()),
        escalated: t.escalated_at.map(stamp),
        timeline: d.messages.iter().map(|m| msg(lang, m, now)).collect(),
        categories: opts(
            "category",
            Category::ALL.iter().map(|c| c.as_str()).collect(),
            &t.category,
        ),
        urgencies: opts(
            "urgency",
            Urgency::ALL.iter().map(|c| c.as_str()).collect(),
            &t.urgency,
        ),
        templates,
        clocks: clocks(lang, t, now),
        events: d
            .events
            .iter()
            .rev()
            .map(|e| event(lang, e, names))
            .collect(),
        customer: customer
            .as_ref()
            .map(|c| customer_panel(lang, c, t.id, now)),
        order: d.order.as_ref().map(|o| order_panel(o, now)),
        translator: None,
        subject,
    }
}
