//! Accounts, teams and SLA policies as they are written in the API and the config file:
//! the shapes, their defaults and their validation (errors name the field). Pure: hashing
//! passwords and storing the result happen in the layers above.

use crate::FieldError;
use crate::model::{Category, ChannelClass, Role, Urgency};
use crate::sla::{BusinessHours, Calendar, PolicyScope, SlaPolicy, SlaTargets};
use chrono::Duration;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The weekday names business hours are written with, Monday first.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The automatic reply settings of a team.
pub const AUTO_REPLY: [&str; 2] = ["off", "out_of_hours"];

/// A team: its business hours in its own time zone, and the categories it handles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamSpec {
    /// Stable key (`cs-shanghai`).
    pub key: String,
    /// Display name.
    pub name: String,
    /// IANA time zone of the hours.
    #[serde(default = "utc")]
    pub timezone: String,
    /// Open intervals per weekday (`{"mon": [["09:00", "18:00"]]}`); empty: around the clock.
    #[serde(default)]
    pub hours: BTreeMap<String, Vec<[String; 2]>>,
    /// Closed dates (`2026-10-01`).
    #[serde(default)]
    pub holidays: Vec<String>,
    /// Categories the team handles; empty: every category.
    #[serde(default)]
    pub categories: Vec<String>,
    /// `off`, or `out_of_hours`: a new private message that arrives while the team is closed
    /// gets the out-of-hours reply in the buyer's language, with the time a person answers.
    #[serde(default = "off")]
    pub auto_reply: String,
}

fn off() -> String {
    "off".into()
}

fn utc() -> String {
    "UTC".into()
}

impl TeamSpec {
    /// Checks the spec and builds its business hours.
    pub fn validate(&self) -> Result<BusinessHours, FieldError> {
        key("key", &self.key)?;
        name("name", &self.name)?;
        categories("categories", &self.categories)?;
        if !AUTO_REPLY.contains(&self.auto_reply.as_str()) {
            return Err(FieldError::new(
                "auto_reply",
                format!("expected one of: {}", AUTO_REPLY.join(", ")),
            ));
        }
        business_hours(&self.timezone, &self.hours, &self.holidays)
    }
}

/// Business hours from the written form; no intervals at all means around the clock in
/// `timezone`.
pub fn business_hours(
    timezone: &str,
    hours: &BTreeMap<String, Vec<[String; 2]>>,
    holidays: &[String],
) -> Result<BusinessHours, FieldError> {
    let mut week: [Vec<(String, String)>; 7] = Default::default();
    for (day, intervals) in hours {
        let Some(d) = WEEKDAYS.iter().position(|w| w == day) else {
            return Err(FieldError::new(
                format!("hours.{day}"),
                format!("unknown weekday; expected one of: {}", WEEKDAYS.join(", ")),
            ));
        };
        week[d] = intervals
            .iter()
            .map(|[a, b]| (a.clone(), b.clone()))
            .collect();
    }
    if week.iter().all(Vec::is_empty) {
        let all = std::array::from_fn(|_| vec![("00:00".to_string(), "24:00".to_string())]);
        return BusinessHours::new(timezone, &all, holidays).map_err(team_field);
    }
    BusinessHours::new(timezone, &week, holidays).map_err(team_field)
}

/// Renames `BusinessHours::new`'s field names to the spec's.
fn team_field(e: FieldError) -> FieldError {
    let field = if e.field == "zone" {
        "timezone".to_string()
    } else if let Some(rest) = e.field.strip_prefix("week[") {
        let day: usize = rest
            .split(']')
            .next()
            .and_then(|d| d.parse().ok())
            .unwrap_or(0);
        format!("hours.{}", WEEKDAYS[day.min(6)])
    } else if e.field == "week" {
        "hours".into()
    } else {
        e.field
    };
    FieldError::new(field, e.message)
}

/// An agent account: who, what role, which stores, which skills.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentSpec {
    /// Login e-mail (unique).
    pub email: String,
    /// Display name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Team key.
    #[serde(default)]
    pub team: Option<String>,
    /// Languages the agent answers in (`en`, `zh`…).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Categories the agent handles; empty: the team's.
    #[serde(default)]
    pub categories: Vec<String>,
    /// Interface language: `en` or `zh`.
    #[serde(default = "en")]
    pub locale: String,
    /// Most open tickets taken by auto-assignment.
    #[serde(default = "cap")]
    pub max_open: u32,
    /// On call for crises (leads).
    #[serde(default)]
    pub on_call: bool,
    /// Sees every store (admins always do).
    #[serde(default)]
    pub all_stores: bool,
    /// Store keys the agent may see.
    #[serde(default)]
    pub stores: Vec<String>,
    /// Store group keys the agent may see (every store of the group).
    #[serde(default)]
    pub groups: Vec<String>,
    /// Can log in and be assigned.
    #[serde(default = "yes")]
    pub active: bool,
    /// A new password (write-only: hashed with argon2id when saved, never stored or shown).
    #[serde(default, skip_serializing)]
    pub password: Option<String>,
}

fn en() -> String {
    "en".into()
}
fn cap() -> u32 {
    25
}
fn yes() -> bool {
    true
}

/// Interface languages of the workspace.
pub const UI_LOCALES: [&str; 2] = ["en", "zh"];

impl AgentSpec {
    /// Checks the spec.
    pub fn validate(&self) -> Result<(), FieldError> {
        let email = self.email.trim();
        if email.len() > 254
            || email.chars().any(char::is_whitespace)
            || !email
                .split_once('@')
                .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
        {
            return Err(FieldError::new("email", "expected an e-mail address"));
        }
        name("name", &self.name)?;
        if let Some(team) = &self.team {
            key("team", team)?;
        }
        for (i, l) in self.languages.iter().enumerate() {
            if !(2..=3).contains(&l.len()) || !l.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(FieldError::new(
                    format!("languages[{i}]"),
                    format!("{l:?} is not a language code such as en, de, zh"),
                ));
            }
        }
        categories("categories", &self.categories)?;
        if !UI_LOCALES.contains(&self.locale.as_str()) {
            return Err(FieldError::new(
                "locale",
                format!("expected one of: {}", UI_LOCALES.join(", ")),
            ));
        }
        if !(1..=1000).contains(&self.max_open) {
            return Err(FieldError::new("max_open", "expected 1 to 1000"));
        }
        for (i, s) in self.stores.iter().enumerate() {
            key(&format!("stores[{i}]"), s)?;
        }
        for (i, g) in self.groups.iter().enumerate() {
            key(&format!("groups[{i}]"), g)?;
        }
        Ok(())
    }

    /// Whether the account sees every store.
    pub fn sees_all_stores(&self) -> bool {
        self.all_stores || self.role == Role::Admin
    }
}

/// An SLA policy as written: minutes, a scope, a channel family and an urgency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlaPolicySpec {
    /// `default`, `team`, `group` or `store`.
    #[serde(default = "default_scope")]
    pub scope: String,
    /// The team, group or store key (empty for `default`).
    #[serde(default)]
    pub key: String,
    /// `social`, `marketplace`, `direct` or `any`.
    #[serde(default = "any")]
    pub channel: String,
    /// `inquiry`, `complaint`, `crisis` or `any`.
    #[serde(default = "any")]
    pub urgency: String,
    /// First response, minutes.
    pub first_response_minutes: u32,
    /// The internal first-response target before the breach (warning), minutes.
    #[serde(default)]
    pub first_response_target_minutes: Option<u32>,
    /// `business` (the team's hours) or `always` (24/7).
    #[serde(default = "business")]
    pub calendar: String,
    /// The platform's own hard limit, minutes.
    #[serde(default)]
    pub hard_limit_minutes: Option<u32>,
    /// Solution plan, minutes.
    pub solution_minutes: u32,
    /// Updates while open, every so many minutes.
    pub update_minutes: u32,
    /// Escalate unresolved after so many minutes (0: at once).
    pub escalate_minutes: u32,
}

fn default_scope() -> String {
    "default".into()
}
fn any() -> String {
    "any".into()
}
fn business() -> String {
    "business".into()
}

impl SlaPolicySpec {
    /// Checks the spec and builds the policy.
    pub fn validate(&self) -> Result<SlaPolicy, FieldError> {
        let scope = match self.scope.as_str() {
            "default" if self.key.is_empty() => PolicyScope::Default,
            "default" => return Err(FieldError::new("key", "a default policy has no key")),
            "team" | "group" | "store" => {
                key("key", &self.key)?;
                match self.scope.as_str() {
                    "team" => PolicyScope::Team(self.key.clone()),
                    "group" => PolicyScope::Group(self.key.clone()),
                    _ => PolicyScope::Store(self.key.clone()),
                }
            }
            _ => {
                return Err(FieldError::new(
                    "scope",
                    "expected one of: default, team, group, store",
                ));
            }
        };
        let class = match self.channel.as_str() {
            "any" => None,
            c => Some(ChannelClass::parse(c).ok_or_else(|| {
                FieldError::new(
                    "channel",
                    format!("expected any or one of: {}", ChannelClass::expected()),
                )
            })?),
        };
        let urgency = match self.urgency.as_str() {
            "any" => None,
            u => Some(Urgency::parse(u).ok_or_else(|| {
                FieldError::new(
                    "urgency",
                    format!("expected any or one of: {}", Urgency::expected()),
                )
            })?),
        };
        let calendar = match self.calendar.as_str() {
            "business" => Calendar::Business,
            "always" => Calendar::Always,
            _ => return Err(FieldError::new("calendar", "expected business or always")),
        };
        let minutes = |field: &str, m: u32, zero: bool| {
            if (m == 0 && !zero) || m > 525_600 {
                Err(FieldError::new(
                    field,
                    "expected minutes from 1 to 525600 (a year)",
                ))
            } else {
                Ok(Duration::minutes(i64::from(m)))
            }
        };
        let first_response = minutes("first_response_minutes", self.first_response_minutes, false)?;
        let first_response_target = self
            .first_response_target_minutes
            .map(|m| minutes("first_response_target_minutes", m, false))
            .transpose()?;
        if first_response_target.is_some_and(|t| t > first_response) {
            return Err(FieldError::new(
                "first_response_target_minutes",
                "the target comes after the breach",
            ));
        }
        Ok(SlaPolicy {
            scope,
            class,
            urgency,
            targets: SlaTargets {
                first_response,
                first_response_target,
                first_response_calendar: calendar,
                hard_limit: self
                    .hard_limit_minutes
                    .map(|m| minutes("hard_limit_minutes", m, false))
                    .transpose()?,
                solution_plan: minutes("solution_minutes", self.solution_minutes, false)?,
                update_every: minutes("update_minutes", self.update_minutes, false)?,
                escalate_after: minutes("escalate_minutes", self.escalate_minutes, true)?,
            },
        })
    }
}

/// A stable key: lowercase letters, digits, `-`, `_` and `.`, 1–64 characters.
pub fn key(field: &str, v: &str) -> Result<(), FieldError> {
    if v.is_empty()
        || v.len() > 64
        || !v
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
    {
        return Err(FieldError::new(
            field,
            format!("{v:?} is not a key (lowercase letters, digits, - _ .; at most 64)"),
        ));
    }
    Ok(())
}

fn name(field: &str, v: &str) -> Result<(), FieldError> {
    if v.trim().is_empty() || v.chars().count() > 200 {
        return Err(FieldError::new(field, "expected 1 to 200 characters"));
    }
    Ok(())
}

fn categories(field: &str, v: &[String]) -> Result<Vec<Category>, FieldError> {
    v.iter()
        .enumerate()
        .map(|(i, c)| {
            Category::parse(c).ok_or_else(|| {
                FieldError::new(
                    format!("{field}[{i}]"),
                    format!(
                        "unknown category {c:?}; expected one of: {}",
                        Category::expected()
                    ),
                )
            })
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_team_spec_builds_its_hours_and_names_bad_fields() {
        let team: TeamSpec = serde_json::from_value(json!({
            "key": "cs-shanghai", "name": "Shanghai", "timezone": "Asia/Shanghai",
            "hours": {"mon": [["09:00", "18:00"]], "fri": [["09:00", "18:00"]]},
            "holidays": ["2026-10-01"]}))
        .unwrap();
        assert!(team.validate().is_ok());
        let mut bad = team.clone();
        bad.timezone = "Mars/Olympus".into();
        assert_eq!(bad.validate().unwrap_err().field, "timezone");
        let mut bad = team.clone();
        bad.hours
            .insert("fri".into(), vec![["18:00".into(), "09:00".into()]]);
        assert_eq!(bad.validate().unwrap_err().field, "hours.fri");
        let mut bad = team.clone();
        bad.hours.insert("friday".into(), vec![]);
        assert_eq!(bad.validate().unwrap_err().field, "hours.friday");
        let mut bad = team;
        bad.categories = vec!["logistics.nope".into()];
        assert_eq!(bad.validate().unwrap_err().field, "categories[0]");
        let always: TeamSpec =
            serde_json::from_value(json!({"key": "night", "name": "Night"})).unwrap();
        assert!(
            always
                .validate()
                .unwrap()
                .is_open(chrono::DateTime::UNIX_EPOCH)
        );
    }

    #[test]
    fn an_agent_spec_has_defaults_and_names_bad_fields() {
        let a: AgentSpec = serde_json::from_value(json!({
            "email": "li@example.com", "name": "Li", "role": "agent",
            "languages": ["zh", "en"], "stores": ["acme-us"]}))
        .unwrap();
        assert_eq!((a.max_open, a.active, a.locale.as_str()), (25, true, "en"));
        assert!(a.validate().is_ok());
        assert!(!a.sees_all_stores());
        for (patch, field) in [
            (json!({"email": "nope"}), "email"),
            (json!({"languages": ["EN"]}), "languages[0]"),
            (json!({"locale": "fr"}), "locale"),
            (json!({"max_open": 0}), "max_open"),
            (json!({"stores": ["Acme US"]}), "stores[0]"),
        ] {
            let mut v = serde_json::to_value(&a).unwrap();
            for (k, x) in patch.as_object().unwrap() {
                v[k] = x.clone();
            }
            let spec: AgentSpec = serde_json::from_value(v).unwrap();
            assert_eq!(spec.validate().unwrap_err().field, field);
        }
        assert!(
            serde_json::from_value::<AgentSpec>(
                json!({"email": "a@b.c", "name": "A", "role": "boss"})
            )
            .is_err()
        );
    }

    #[test]
    fn a_policy_spec_builds_targets() {
        let p: SlaPolicySpec = serde_json::from_value(json!({
            "scope": "store", "key": "acme-de", "channel": "direct", "urgency": "complaint",
            "first_response_minutes": 120, "solution_minutes": 1440, "update_minutes": 1440,
            "escalate_minutes": 4320}))
        .unwrap();
        let policy = p.validate().unwrap();
        assert_eq!(policy.scope, PolicyScope::Store("acme-de".into()));
        assert_eq!(policy.targets.first_response, Duration::hours(2));
        assert_eq!(policy.targets.first_response_calendar, Calendar::Business);
        let mut bad = p.clone();
        bad.channel = "fax".into();
        assert_eq!(bad.validate().unwrap_err().field, "channel");
        let mut bad = p.clone();
        bad.first_response_target_minutes = Some(500);
        assert_eq!(
            bad.validate().unwrap_err().field,
            "first_response_target_minutes"
        );
        let mut bad = p;
        bad.scope = "default".into();
        assert_eq!(bad.validate().unwrap_err().field, "key");
    }
}
