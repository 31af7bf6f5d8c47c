//! The agent's workspace beyond the ticket itself: correcting triage labels (kept to retrain
//! on), saved inbox views, and the social monitor — the brand-watch terms and the recent
//! public posts that mention them. Each use case checks the caller's permissions and stores
//! before storage sees it.

use crate::App;
use crate::auth::{AuthError, Principal};
use chrono::{DateTime, Utc};
use crossdesk_db::views::TicketSummary;
use crossdesk_db::{
    Actor, CorrectedLabel, DbError, LabelCorrection, SavedView, SocialPost, StoreScope, WatchMatch,
};
use crossdesk_domain::brand::{BrandWatch, Term, TermKind};
use crossdesk_domain::model::{
    Category, Channel, ChannelClass, Permission, Role, TicketStatus, Urgency,
};

/// Most saved views an agent keeps.
pub const MAX_VIEWS: usize = 50;
/// Longest view name, in characters.
pub const MAX_VIEW_NAME: usize = 80;
/// Longest saved query string.
pub const MAX_VIEW_QUERY: usize = 2_000;
/// The inbox filters a saved view may hold (the inbox's query keys).
pub const VIEW_KEYS: &[&str] = &[
    "store", "channel", "category", "urgency", "language", "status", "assignee", "sla", "q",
];
/// The inbox's SLA filter values.
pub const SLA_STATES: &[&str] = &["breached", "at_risk", "on_track"];
/// How many of the newest public social posts the monitor searches per request.
pub const MONITOR_WINDOW: u32 = 2_000;
/// Most posts in one monitor page.
pub const MONITOR_MAX_LIMIT: u32 = 200;
/// Most watch terms.
pub const MAX_WATCH_TERMS: usize = 500;

/// Why a workspace request was refused.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// Not allowed, or not signed in.
    #[error(transparent)]
    Auth(#[from] AuthError),
    /// Input rejected, naming the field.
    #[error("{field}: {message}")]
    Invalid {
        /// The field.
        field: String,
        /// Why.
        message: String,
    },
    /// No such thing, or not the caller's to see (one answer for both).
    #[error("{0}")]
    NotFound(&'static str),
    /// Storage refused or failed.
    #[error(transparent)]
    Db(DbError),
}

impl From<DbError> for WorkspaceError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Invalid { field, message } => WorkspaceError::Invalid { field, message },
            other => WorkspaceError::Db(other),
        }
    }
}

fn invalid(field: &str, message: impl Into<String>) -> WorkspaceError {
    WorkspaceError::Invalid {
        field: field.into(),
        message: message.into(),
    }
}

/// Labels as an agent sets them on a ticket (wire names; at least one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelsRequest {
    /// A category (`logistics.lost`).
    pub category: Option<String>,
    /// An urgency (`inquiry`, `complaint`, `crisis`).
    pub urgency: Option<String>,
    /// An ISO 639-1 language code (`de`).
    pub language: Option<String>,
}

/// Whether `s` looks like an ISO 639-1 code: two lowercase ASCII letters.
pub fn is_language_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_lowercase())
}

impl LabelsRequest {
    /// Parses the wire names; a rejection names its field.
    pub fn parse(&self) -> Result<LabelCorrection, WorkspaceError> {
        if self.category.is_none() && self.urgency.is_none() && self.language.is_none() {
            return Err(invalid(
                "$",
                "give at least one of category, urgency, language",
            ));
        }
        let category = self
            .category
            .as_deref()
            .map(|s| {
                Category::parse(s).ok_or_else(|| {
                    invalid(
                        "category",
                        format!(
                            "unknown category {s:?}; expected one of: {}",
                            Category::expected()
                        ),
                    )
                })
            })
            .transpose()?;
        let urgency = self
            .urgency
            .as_deref()
            .map(|s| {
                Urgency::parse(s).ok_or_else(|| {
                    invalid(
                        "urgency",
                        format!(
                            "unknown urgency {s:?}; expected one of: {}",
                            Urgency::expected()
                        ),
                    )
                })
            })
            .transpose()?;
        let language = match self.language.as_deref() {
            None => None,
            Some(l) if is_language_code(l) => Some(l.to_string()),
            Some(l) => {
                return Err(invalid(
                    "language",
                    format!("expected an ISO 639-1 code such as \"en\" or \"de\", got {l:?}"),
                ));
            }
        };
        Ok(LabelCorrection {
            category,
            urgency,
            language,
        })
    }
}

/// A page of the social monitor.
#[derive(Debug, Clone, PartialEq)]
pub struct MonitorPage {
    /// Matching posts, newest first.
    pub items: Vec<SocialPost>,
    /// Pass as `before` for older posts; `None` when every older post was searched.
    pub next_before: Option<i64>,
}

/// Decodes one `application/x-www-form-urlencoded` component (`+` is a space).
fn form_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Checks a saved view's query string: inbox filter keys only ([`VIEW_KEYS`]), each once,
/// with values the inbox accepts. Returns it without a leading `?`. A rejection names
/// `query` and says which key is wrong.
pub fn check_view_query(query: &str) -> Result<String, WorkspaceError> {
    let query = query.trim();
    let query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > MAX_VIEW_QUERY {
        return Err(invalid(
            "query",
            format!("longer than {MAX_VIEW_QUERY} characters"),
        ));
    }
    let mut seen: Vec<&str> = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(&key) = VIEW_KEYS.iter().find(|k| **k == key) else {
            return Err(invalid(
                "query",
                format!(
                    "unknown filter key {key:?}; expected one of: {}",
                    VIEW_KEYS.join(", ")
                ),
            ));
        };
        if seen.contains(&key) {
            return Err(invalid(
                "query",
                format!("filter key {key:?} appears twice"),
            ));
        }
        seen.push(key);
        let value = form_decode(raw).ok_or_else(|| {
            invalid(
                "query",
                format!("the value of {key:?} is not valid URL encoding"),
            )
        })?;
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let ok = match key {
            "channel" => Channel::parse(value).is_some(),
            "category" => Category::parse(value).is_some(),
            "urgency" => Urgency::parse(value).is_some(),
            "language" => is_language_code(value),
            "status" => {
                value == "all"
                    || value
                        .split(',')
                        .all(|s| TicketStatus::parse(s.trim()).is_some())
            }
            "assignee" => {
                value == "me"
                    || value == "none"
                    || (value.len() <= 18 && value.bytes().all(|b| b.is_ascii_digit()))
            }
            "sla" => SLA_STATES.contains(&value),
            "store" => value.chars().count() <= 200,
            _ => value.chars().count() <= 500,
        };
        if !ok {
            return Err(invalid(
                "query",
                format!("{key:?} has a value the inbox does not accept: {value:?}"),
            ));
        }
    }
    Ok(query.to_string())
}

/// Checks a list of watch terms (as [`BrandWatch::new`] does) and compiles it. Field names
/// are indexes into the list: `[3].name`, `[0].aliases[1]`.
pub fn compile_terms(terms: Vec<Term>) -> Result<BrandWatch, WorkspaceError> {
    if terms.len() > MAX_WATCH_TERMS {
        return Err(invalid("$", format!("at most {MAX_WATCH_TERMS} terms")));
    }
    BrandWatch::new(terms).map_err(|e| WorkspaceError::Invalid {
        field: e
            .field
            .strip_prefix("terms")
            .map_or(e.field.clone(), str::to_string),
        message: e.message,
    })
}

/// The names the demo's posts mention: the Acme Home brand (its X accounts are
/// `@AcmeHome` and `@AcmeHomeHelp`), its most talked-about products, and two competitors.
pub fn demo_watch_terms() -> Vec<Term> {
    let exact = |t: Term| Term { exact: true, ..t };
    vec![
        Term::new("Acme Home", TermKind::Brand)
            .alias("AcmeHomeHelp")
            .alias("Acme"),
        Term::new("power bank", TermKind::Product).alias("Powerbank"),
        Term::new("air fryer", TermKind::Product).alias("Heißluftfritteuse"),
        Term::new("kettle", TermKind::Product),
        Term::new("robot vacuum", TermKind::Product),
        Term::new("massage gun", TermKind::Product),
        Term::new("earbuds", TermKind::Product),
        Term::new("smartwatch", TermKind::Product),
        exact(Term::new("dash cam", TermKind::Product)),
        Term::new("projector", TermKind::Product),
        Term::new("Anker", TermKind::Competitor),
        Term::new("Xiaomi", TermKind::Competitor).alias("小米"),
    ]
}

/// The social channels (public posts by nature).
fn social_channels() -> Vec<Channel> {
    Channel::ALL
        .iter()
        .copied()
        .filter(|c| c.class() == ChannelClass::Social)
        .collect()
}

impl App {
    /// Corrects a ticket's labels (see [`crossdesk_db::Db::correct_labels`]) and returns the
    /// ticket after it. Needs `write` and the ticket in the caller's stores (not found
    /// otherwise). Setting a label to its current value changes nothing.
    #[tracing::instrument(skip(self, who, req))]
    pub async fn correct_labels(
        &self,
        who: &Principal,
        ticket: i64,
        req: &LabelsRequest,
    ) -> Result<TicketSummary, WorkspaceError> {
        who.require(Permission::Write)?;
        self.scoped_ticket(ticket, &who.scope).await?;
        let correction = req.parse()?;
        let actor = Actor {
            kind: who.actor_kind(),
            agent: Some(who.agent.id),
        };
        match self
            .db()
            .correct_labels(ticket, &correction, actor, self.clock().now())
            .await
        {
            Err(DbError::NotFound) => return Err(WorkspaceError::NotFound("no such ticket")),
            other => other?,
        };
        Ok(self.db().ticket(ticket).await?.ticket)
    }

    async fn scoped_ticket(&self, ticket: i64, scope: &StoreScope) -> Result<(), WorkspaceError> {
        match self.check_ticket_scope(ticket, scope).await {
            Ok(()) => Ok(()),
            Err(DbError::NotFound) => Err(WorkspaceError::NotFound("no such ticket")),
            Err(e) => Err(e.into()),
        }
    }

    /// The corrected messages as labelled examples (for retraining), of the caller's
    /// stores: admins and leads only. See [`crossdesk_db::Db::corrected_labels`].
    pub async fn label_corrections(
        &self,
        who: &Principal,
        since: Option<DateTime<Utc>>,
        limit: u32,
    ) -> Result<Vec<CorrectedLabel>, WorkspaceError> {
        who.require(Permission::Read)?;
        if !(who.may(Permission::Admin) || who.role() == Role::Lead) {
            return Err(AuthError::Forbidden(
                "only admins and leads export label corrections".into(),
            )
            .into());
        }
        Ok(self
            .db()
            .corrected_labels(since, &who.scope, Some(limit))
            .await?)
    }

    /// Every corrected message as a labelled example, for the command line (which has
    /// the database itself).
    pub async fn export_label_corrections(
        &self,
        since: Option<DateTime<Utc>>,
    ) -> Result<Vec<CorrectedLabel>, DbError> {
        self.db()
            .corrected_labels(since, &StoreScope::All, None)
            .await
    }

    /// The caller's saved views, by name.
    pub async fn saved_views(&self, who: &Principal) -> Result<Vec<SavedView>, WorkspaceError> {
        who.require(Permission::Read)?;
        Ok(self.db().saved_views(who.agent.id).await?)
    }

    /// Saves the caller's view `name` (1–80 characters) with an inbox query (see
    /// [`check_view_query`]); an existing view of that name gets the new query. Returns
    /// the view and whether it is new. At most [`MAX_VIEWS`] per agent.
    pub async fn save_view(
        &self,
        who: &Principal,
        name: &str,
        query: &str,
    ) -> Result<(SavedView, bool), WorkspaceError> {
        who.require(Permission::Read)?;
        let name = name.trim();
        let n = name.chars().count();
        if n == 0 || n > MAX_VIEW_NAME {
            return Err(invalid(
                "name",
                format!("expected 1 to {MAX_VIEW_NAME} characters"),
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(invalid("name", "must not contain control characters"));
        }
        let query = check_view_query(query)?;
        Ok(self
            .db()
            .save_view(who.agent.id, name, &query, MAX_VIEWS, self.clock().now())
            .await?)
    }

    /// Deletes one of the caller's own views (not found for anyone else's).
    pub async fn delete_view(&self, who: &Principal, id: i64) -> Result<(), WorkspaceError> {
        who.require(Permission::Read)?;
        if self.db().delete_view(who.agent.id, id).await? {
            Ok(())
        } else {
            Err(WorkspaceError::NotFound("no such view"))
        }
    }

    /// The brand-watch terms (any signed-in agent).
    pub async fn watch_terms(&self, who: &Principal) -> Result<Vec<Term>, WorkspaceError> {
        who.require(Permission::Read)?;
        Ok(self.db().watch_terms().await?)
    }

    /// Replaces the brand-watch terms (admins). The list is validated whole first
    /// ([`compile_terms`]); returns it as stored.
    pub async fn set_watch_terms(
        &self,
        who: &Principal,
        terms: Vec<Term>,
    ) -> Result<Vec<Term>, WorkspaceError> {
        who.require(Permission::Admin)?;
        compile_terms(terms.clone())?;
        self.db()
            .set_watch_terms(&terms, self.clock().now())
            .await?;
        Ok(self.db().watch_terms().await?)
    }

    /// Stores [`demo_watch_terms`] unless terms are configured already.
    pub async fn seed_demo_watch_terms(&self) -> Result<(), DbError> {
        if self.db().watch_terms().await?.is_empty() {
            self.db()
                .set_watch_terms(&demo_watch_terms(), self.clock().now())
                .await?;
        }
        Ok(())
    }

    /// The social monitor: of the newest [`MONITOR_WINDOW`] public customer posts on
    /// social channels in the caller's stores (older than post `before`, when given), the
    /// ones naming a watched term, newest first, at most `limit` (1–200).
    pub async fn monitor_posts(
        &self,
        who: &Principal,
        before: Option<i64>,
        limit: u32,
    ) -> Result<MonitorPage, WorkspaceError> {
        who.require(Permission::Read)?;
        if !(1..=MONITOR_MAX_LIMIT).contains(&limit) {
            return Err(invalid(
                "limit",
                format!("expected a whole number from 1 to {MONITOR_MAX_LIMIT}"),
            ));
        }
        let terms = self.db().watch_terms().await?;
        if terms.is_empty() {
            return Ok(MonitorPage {
                items: Vec::new(),
                next_before: None,
            });
        }
        // Stored terms were checked when saved; a list that no longer compiles is a bug.
        let watch = BrandWatch::new(terms)
            .map_err(|e| DbError::Other(format!("stored watch terms do not compile: {e}")))?;
        let posts = self
            .db()
            .recent_public_posts(&social_channels(), &who.scope, before, MONITOR_WINDOW)
            .await?;
        let scanned_all = posts.len() < MONITOR_WINDOW as usize;
        let last_scanned = posts.last().map(|p| p.message_id);
        let mut items = Vec::new();
        for mut post in posts {
            let found = watch.find(&post.text);
            if found.is_empty() {
                continue;
            }
            post.matches = found
                .into_iter()
                .map(|m| WatchMatch {
                    term: m.term,
                    kind: match m.kind {
                        TermKind::Brand => "brand",
                        TermKind::Product => "product",
                        TermKind::Competitor => "competitor",
                    }
                    .into(),
                    start: m.start,
                    end: m.end,
                    matched: m.matched,
                    distance: m.distance,
                    hashtag: m.hashtag,
                })
                .collect();
            items.push(post);
            if items.len() == limit as usize {
                let next_before = items.last().map(|p| p.message_id);
                return Ok(MonitorPage { items, next_before });
            }
        }
        Ok(MonitorPage {
            items,
            next_before: if scanned_all { None } else { last_scanned },
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn field(e: WorkspaceError) -> (String, String) {
        match e {
            WorkspaceError::Invalid { field, message } => (field, message),
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn a_view_query_holds_only_inbox_filters() {
        assert_eq!(
            check_view_query("?store=acme-us&urgency=crisis&q=refund+now").ok(),
            Some("store=acme-us&urgency=crisis&q=refund+now".to_string())
        );
        assert_eq!(check_view_query("").ok(), Some(String::new()));
        assert!(
            check_view_query("status=new,open&assignee=me&sla=breached&channel=twitter").is_ok()
        );
        let (f, m) = field(check_view_query("store=a&sort=desc").unwrap_err());
        assert_eq!(f, "query");
        assert!(m.contains("\"sort\""), "{m}");
        let (f, m) = field(check_view_query("urgency=panic").unwrap_err());
        assert_eq!(f, "query");
        assert!(m.contains("urgency"), "{m}");
        let (_, m) = field(check_view_query("q=a&q=b").unwrap_err());
        assert!(m.contains("twice"), "{m}");
        assert!(check_view_query("q=%ZZ").is_err());
        assert_eq!(form_decode("a%20b+c%E9%80%80").as_deref(), Some("a b c退"));
    }

    #[test]
    fn labels_name_the_field_at_fault() {
        let req = |c: Option<&str>, u: Option<&str>, l: Option<&str>| LabelsRequest {
            category: c.map(str::to_string),
            urgency: u.map(str::to_string),
            language: l.map(str::to_string),
        };
        assert_eq!(field(req(None, None, None).parse().unwrap_err()).0, "$");
        assert_eq!(
            field(req(Some("logistics"), None, None).parse().unwrap_err()).0,
            "category"
        );
        assert_eq!(
            field(req(None, Some("urgent"), None).parse().unwrap_err()).0,
            "urgency"
        );
        assert_eq!(
            field(req(None, None, Some("deu")).parse().unwrap_err()).0,
            "language"
        );
        let ok = req(Some("logistics.lost"), Some("crisis"), Some("de"))
            .parse()
            .unwrap();
        assert_eq!(ok.category, Some(Category::LogisticsLost));
        assert_eq!(ok.urgency, Some(Urgency::Crisis));
    }

    #[test]
    fn term_errors_are_indexed_into_the_list() {
        let (f, _) = field(
            compile_terms(vec![
                Term::new("Anker", TermKind::Competitor),
                Term::new("  ", TermKind::Brand),
            ])
            .unwrap_err(),
        );
        assert_eq!(f, "[1].name");
    }

    #[test]
    fn the_demo_terms_compile_and_find_the_demo_brand() {
        let watch = compile_terms(demo_watch_terms()).unwrap();
        let found = watch.find("@AcmeHomeHelp my power bank is swelling");
        let names: Vec<&str> = found.iter().map(|m| m.term.as_str()).collect();
        assert_eq!(names, ["Acme Home", "power bank"]);
    }
}
