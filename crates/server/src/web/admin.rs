//! Admin: stores and store groups, teams with their business hours, agents with skills and
//! scope, SLA policies and the standard templates. Changes go through the JSON API (the
//! agent form here; teams and policies also by `crossdesk config apply`).

use super::{Chrome, Viewer, db_failure, error_page, render};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use crossdesk_app::App;
use crossdesk_app::views::StoreView;
use crossdesk_db::{AgentView, TeamView};
use crossdesk_domain::access::SlaPolicySpec;
use crossdesk_domain::templates::{LOCALES, TemplateKind, standard_text};
use std::collections::BTreeMap;

/// An agent row, with the JSON the edit form is filled from.
#[derive(Debug, Clone)]
pub struct AgentRow {
    pub agent: AgentView,
    pub role_label: String,
    pub scope: String,
    pub json: String,
}

/// A team row.
#[derive(Debug, Clone)]
pub struct TeamRow {
    pub team: TeamView,
    pub hours: String,
}

/// A standard template in every language.
#[derive(Debug, Clone)]
pub struct TemplateRow {
    pub kind: String,
    pub label: String,
    pub public: bool,
    pub texts: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "admin.html")]
struct AdminPage {
    chrome: Chrome,
    stores: Vec<StoreView>,
    groups: Vec<(String, String)>,
    teams: Vec<TeamRow>,
    agents: Vec<AgentRow>,
    policies: Vec<(i64, SlaPolicySpec)>,
    templates: Vec<TemplateRow>,
}

/// `GET /admin`.
pub async fn page(State(app): State<App>, viewer: Viewer) -> Response {
    let lang = viewer.lang;
    if !viewer.is_admin() {
        return error_page(
            &viewer,
            StatusCode::FORBIDDEN,
            lang.t("admin.admins_only").to_string(),
        );
    }
    let (stores, teams, agents, policies) = match tokio::try_join!(
        app.stores(&viewer.principal.scope),
        app.db().teams(),
        app.db().agents(),
        app.db().sla_policies()
    ) {
        Ok(v) => v,
        Err(e) => return db_failure(&viewer, e),
    };
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for s in &stores {
        if let Some(g) = &s.group {
            groups.entry(g.clone()).or_default().push(s.key.clone());
        }
    }
    let teams = teams
        .into_iter()
        .map(|t| {
            let hours = if t.hours.is_empty() {
                "24/7".to_string()
            } else {
                t.hours
                    .iter()
                    .map(|(day, spans)| {
                        let spans = spans.iter().map(|s| s.join("–")).collect::<Vec<_>>();
                        format!("{day} {}", spans.join(", "))
                    })
                    .collect::<Vec<_>>()
                    .join(" · ")
            };
            TeamRow { team: t, hours }
        })
        .collect();
    let agents = agents
        .into_iter()
        .map(|a| AgentRow {
            role_label: lang.label("role", &a.role).to_string(),
            scope: if a.all_stores {
                lang.t("admin.all_stores").to_string()
            } else {
                a.stores
                    .iter()
                    .chain(a.groups.iter())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            json: serde_json::to_string(&a).unwrap_or_default(),
            agent: a,
        })
        .collect();
    let templates = TemplateKind::ALL
        .iter()
        .map(|k| TemplateRow {
            kind: k.as_str().to_string(),
            label: lang.t(&format!("tpl.{}", k.as_str())).to_string(),
            public: k.is_public(),
            texts: LOCALES
                .iter()
                .filter_map(|l| standard_text(*k, l).map(|t| (l.to_string(), t.to_string())))
                .collect(),
        })
        .collect();
    render(&AdminPage {
        chrome: viewer.chrome(lang.t("admin.title").to_string(), "admin"),
        stores,
        groups: groups.into_iter().map(|(g, s)| (g, s.join(", "))).collect(),
        teams,
        agents,
        policies,
        templates,
    })
}
