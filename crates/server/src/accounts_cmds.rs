//! Accounts from the command line and the workflow config file: `crossdesk agent add`,
//! `crossdesk agent password`, `crossdesk token create`, `crossdesk config apply`, and
//! `serve --config`.
//!
//! The config file (TOML) declares teams, agents and SLA policies; applying it creates or
//! updates each by key (teams, policies) or e-mail (agents) and leaves the rest alone:
//!
//! ```toml
//! [[teams]]
//! key = "cs-shanghai"
//! name = "Shanghai desk"
//! timezone = "Asia/Shanghai"
//! holidays = ["2026-10-01"]
//! categories = []            # every category
//! [teams.hours]
//! mon = [["09:00", "18:00"]]
//! tue = [["09:00", "18:00"]]
//!
//! [[agents]]
//! email = "li.wei@example.com"
//! name = "Li Wei"
//! role = "agent"             # agent | lead | specialist | admin
//! team = "cs-shanghai"
//! languages = ["zh", "en"]
//! groups = ["acme"]          # store groups in scope; `stores` for single stores
//!
//! [[sla_policies]]
//! scope = "store"            # default | team | group | store
//! key = "acme-de"
//! channel = "direct"         # social | marketplace | direct | any
//! urgency = "any"            # inquiry | complaint | crisis | any
//! first_response_minutes = 120
//! solution_minutes = 1440
//! update_minutes = 1440
//! escalate_minutes = 4320
//! ```
//!
//! Passwords never go in the file: set them with `crossdesk agent password EMAIL` (read from
//! standard input) or through the API.

use crate::commands::open_app;
use crossdesk_app::App;
use crossdesk_domain::access::{AgentSpec, SlaPolicySpec, TeamSpec};
use crossdesk_domain::model::{Permission, Role};
use serde::Deserialize;
use std::io::BufRead;
use std::path::Path;
use std::process::ExitCode;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The workflow config file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Teams.
    #[serde(default)]
    pub teams: Vec<TeamSpec>,
    /// Agents.
    #[serde(default)]
    pub agents: Vec<AgentSpec>,
    /// SLA policies.
    #[serde(default)]
    pub sla_policies: Vec<SlaPolicySpec>,
}

/// What applying a config file did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Teams saved.
    pub teams: usize,
    /// Agents saved.
    pub agents: usize,
    /// Policies saved.
    pub policies: usize,
}

/// Reads and checks a config file; errors name the entry and field (`agents[2].email`).
pub fn parse_config(text: &str) -> std::result::Result<ConfigFile, String> {
    let file: ConfigFile = toml::from_str(text).map_err(|e| e.to_string())?;
    for (i, t) in file.teams.iter().enumerate() {
        t.validate()
            .map_err(|e| format!("teams[{i}].{}: {}", e.field, e.message))?;
    }
    for (i, a) in file.agents.iter().enumerate() {
        if a.password.is_some() {
            return Err(format!(
                "agents[{i}].password: passwords do not belong in a config file; use `crossdesk agent password {}`",
                a.email
            ));
        }
        a.validate()
            .map_err(|e| format!("agents[{i}].{}: {}", e.field, e.message))?;
    }
    for (i, p) in file.sla_policies.iter().enumerate() {
        p.validate()
            .map_err(|e| format!("sla_policies[{i}].{}: {}", e.field, e.message))?;
    }
    Ok(file)
}

/// Applies a config file: teams first (agents name them), then agents, then policies.
pub async fn apply_config(app: &App, path: &Path) -> Result<Applied> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let file = parse_config(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let now = app.clock().now();
    let mut applied = Applied::default();
    for t in &file.teams {
        app.db().upsert_team(t, now).await?;
        applied.teams += 1;
    }
    for (i, a) in file.agents.iter().enumerate() {
        app.save_agent(a)
            .await
            .map_err(|e| format!("{}: agents[{i}].{e}", path.display()))?;
        applied.agents += 1;
    }
    for p in &file.sla_policies {
        app.db().upsert_sla_policy(p, now).await?;
        applied.policies += 1;
    }
    Ok(applied)
}

/// `crossdesk config apply FILE`.
pub async fn config_apply(database: &str, path: &Path) -> Result<ExitCode> {
    let app = open_app(database).await?;
    let applied = apply_config(&app, path).await?;
    println!(
        "applied {}: {} teams, {} agents, {} SLA policies",
        path.display(),
        applied.teams,
        applied.agents,
        applied.policies
    );
    app.db().close().await;
    Ok(ExitCode::SUCCESS)
}

/// `crossdesk agent add`: the options of an account.
#[derive(Debug, clap::Args)]
pub struct AgentAddArgs {
    /// Login e-mail.
    #[arg(long)]
    pub email: String,
    /// Display name.
    #[arg(long)]
    pub name: String,
    /// agent, lead, specialist or admin.
    #[arg(long, default_value = "agent")]
    pub role: String,
    /// Team key.
    #[arg(long)]
    pub team: Option<String>,
    /// Languages answered in, comma separated.
    #[arg(long, value_delimiter = ',')]
    pub languages: Vec<String>,
    /// Store keys in scope, comma separated.
    #[arg(long, value_delimiter = ',')]
    pub stores: Vec<String>,
    /// Store group keys in scope, comma separated.
    #[arg(long, value_delimiter = ',')]
    pub groups: Vec<String>,
    /// Sees every store.
    #[arg(long)]
    pub all_stores: bool,
    /// Interface language (en, zh).
    #[arg(long, default_value = "en")]
    pub locale: String,
    /// Read a password from the first line of standard input.
    #[arg(long)]
    pub password_stdin: bool,
}

fn read_password() -> Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

/// `crossdesk agent add`.
pub async fn agent_add(database: &str, a: AgentAddArgs) -> Result<ExitCode> {
    let role = Role::parse(&a.role)
        .ok_or_else(|| format!("--role: expected one of: {}", Role::expected()))?;
    let spec = AgentSpec {
        email: a.email,
        name: a.name,
        role,
        team: a.team,
        languages: a.languages,
        categories: Vec::new(),
        locale: a.locale,
        max_open: 25,
        on_call: false,
        all_stores: a.all_stores,
        stores: a.stores,
        groups: a.groups,
        active: true,
        password: if a.password_stdin {
            Some(read_password()?)
        } else {
            None
        },
    };
    let app = open_app(database).await?;
    let id = app.save_agent(&spec).await.map_err(|e| {
        use crossdesk_app::{DbError, auth::AuthError};
        match e {
            // Name the option the field came from (`stores[0]` → `--stores`).
            AuthError::Invalid { field, message }
            | AuthError::Db(DbError::Invalid { field, message }) => {
                let option = field.split(['[', '.']).next().unwrap_or_default();
                format!("--{}: {message}", option.replace('_', "-"))
            }
            other => other.to_string(),
        }
    })?;
    println!("agent {id} {} ({})", spec.email, spec.role);
    app.db().close().await;
    Ok(ExitCode::SUCCESS)
}

/// `crossdesk agent password EMAIL`: reads the new password from standard input.
pub async fn agent_password(database: &str, email: &str) -> Result<ExitCode> {
    let app = open_app(database).await?;
    let (id, _) = app
        .db()
        .login_lookup(email)
        .await?
        .ok_or_else(|| format!("no active agent {email}"))?;
    app.set_password(id, &read_password()?).await?;
    println!("password set for {email}; their sessions are signed out");
    app.db().close().await;
    Ok(ExitCode::SUCCESS)
}

/// `crossdesk token create`: the options of an API token.
#[derive(Debug, clap::Args)]
pub struct TokenCreateArgs {
    /// The agent the token acts as (their stores, never more).
    #[arg(long)]
    pub agent: String,
    /// What the token is for.
    #[arg(long)]
    pub name: String,
    /// Permissions, comma separated: read, write, inbound, admin.
    #[arg(long, value_delimiter = ',', default_value = "read")]
    pub scopes: Vec<String>,
    /// Lifetime in days (default: until revoked).
    #[arg(long)]
    pub days: Option<u32>,
}

/// `crossdesk token create`: prints the token (once) on standard output.
pub async fn token_create(database: &str, t: TokenCreateArgs) -> Result<ExitCode> {
    let scopes = t
        .scopes
        .iter()
        .map(|s| {
            Permission::parse(s.trim())
                .ok_or_else(|| format!("--scopes: {s:?}; expected: {}", Permission::expected()))
        })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let app = open_app(database).await?;
    let (agent, _) = app
        .db()
        .login_lookup(&t.agent)
        .await?
        .ok_or_else(|| format!("--agent: no active agent {}", t.agent))?;
    let (id, token) = app
        .issue_token(
            &t.name,
            agent,
            &scopes,
            t.days.map(|d| chrono::Duration::days(i64::from(d))),
        )
        .await?;
    eprintln!(
        "token {id} for {}; it is shown once — store it now",
        t.agent
    );
    println!("{token}");
    app.db().close().await;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_config_file_parses_and_names_what_is_wrong() {
        let ok = r#"
[[teams]]
key = "cs-shanghai"
name = "Shanghai"
timezone = "Asia/Shanghai"
[teams.hours]
mon = [["09:00", "18:00"]]

[[agents]]
email = "li@example.com"
name = "Li"
role = "lead"
team = "cs-shanghai"
languages = ["zh", "en"]
on_call = true

[[sla_policies]]
scope = "team"
key = "cs-shanghai"
first_response_minutes = 60
solution_minutes = 600
update_minutes = 600
escalate_minutes = 2000
"#;
        let f = parse_config(ok).unwrap();
        assert_eq!(
            (f.teams.len(), f.agents.len(), f.sla_policies.len()),
            (1, 1, 1)
        );
        let bad_zone = ok.replace("Asia/Shanghai", "Asia/Atlantis");
        assert!(
            parse_config(&bad_zone)
                .unwrap_err()
                .starts_with("teams[0].timezone")
        );
        let bad_role = ok.replace("\"lead\"", "\"boss\"");
        assert!(parse_config(&bad_role).unwrap_err().contains("role"));
        let password = ok.replace(
            "on_call = true",
            "on_call = true\npassword = \"hunter22hunter\"",
        );
        assert!(
            parse_config(&password)
                .unwrap_err()
                .starts_with("agents[0].password")
        );
        let unknown = format!("{ok}\n[[robots]]\nname = \"x\"\n");
        assert!(parse_config(&unknown).unwrap_err().contains("robots"));
    }
}
