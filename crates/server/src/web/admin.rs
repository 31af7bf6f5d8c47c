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

/// A team row, with the JSON the editor is filled from.
#[derive(Debug, Clone)]
pub struct TeamRow {
    pub team: TeamView,
    pub hours: String,
    pub json: String,
}

/// An SLA policy row, with the JSON the editor is filled from.
#[derive(Debug, Clone)]
pub struct PolicyRow {
    pub id: i64,
    pub policy: SlaPolicySpec,
    pub json: String,
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
    policies: Vec<PolicyRow>,
    templates: Vec<TemplateRow>,
    team_example: String,
    policy_example: String,
}

/// A team's week compactly, in weekday order with equal days joined: `mon–fri 09:00–18:00`.
fn week(hours: &BTreeMap<String, Vec<Vec<String>>>) -> String {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    if hours.is_empty() {
        return "24/7".into();
    }
    let day = |d: &str| {
        hours
            .get(d)
            .map(|spans| {
                spans
                    .iter()
                    .map(|s| s.join("–"))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
    };
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < DAYS.len() {
        let text = day(DAYS[i]);
        let mut j = i;
        while j + 1 < DAYS.len() && day(DAYS[j + 1]) == text {
            j += 1;
        }
        if !text.is_empty() {
            let range = if i == j {
                DAYS[i].to_string()
            } else {
                format!("{}–{}", DAYS[i], DAYS[j])
            };
            parts.push(format!("{range} {text}"));
        }
        i = j + 1;
    }
    parts.join(" · ")
}

/// What the team editor starts from.
const TEAM_EXAMPLE: &str = r#"{
  "key": "cs-madrid",
  "name": "Madrid",
  "timezone": "Europe/Madrid",
  "hours": {"mon": [["09:00", "18:00"]], "tue": [["09:00", "18:00"]], "wed": [["09:00", "18:00"]],
            "thu": [["09:00", "18:00"]], "fri": [["09:00", "17:00"]]},
  "holidays": ["2026-12-25"],
  "categories": [],
  "auto_reply": "out_of_hours"
}"#;

/// What the policy editor starts from.
const POLICY_EXAMPLE: &str = r#"{
  "scope": "store",
  "key": "acme-us-amzn",
  "channel": "marketplace",
  "urgency": "complaint",
  "first_response_minutes": 240,
  "hard_limit_minutes": 1440,
  "solution_minutes": 1440,
  "update_minutes": 1440,
  "escalate_minutes": 4320
}"#;

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
            let hours = week(&t.hours);
            let json = serde_json::to_string_pretty(&t.spec()).unwrap_or_default();
            TeamRow {
                team: t,
                hours,
                json,
            }
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
        policies: policies
            .into_iter()
            .map(|(id, policy)| PolicyRow {
                id,
                json: serde_json::to_string_pretty(&policy).unwrap_or_default(),
                policy,
            })
            .collect(),
        templates,
        team_example: TEAM_EXAMPLE.to_string(),
        policy_example: POLICY_EXAMPLE.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_join_equal_days() {
        let span = |a: &str, b: &str| vec![vec![a.to_string(), b.to_string()]];
        let mut h = BTreeMap::new();
        for d in ["mon", "tue", "wed", "thu"] {
            h.insert(d.to_string(), span("09:00", "18:00"));
        }
        h.insert("fri".to_string(), span("09:00", "17:00"));
        h.insert("sun".to_string(), span("10:00", "14:00"));
        assert_eq!(
            week(&h),
            "mon–thu 09:00–18:00 · fri 09:00–17:00 · sun 10:00–14:00"
        );
        assert_eq!(week(&BTreeMap::new()), "24/7");
    }
}
