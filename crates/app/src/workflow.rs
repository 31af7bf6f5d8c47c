//! Working a case: replies (typed or from a template in the buyer's language, with the
//! public-reply PII guard), lifecycle moves, assignment and claims — each checked against
//! the caller's permissions and stores before storage sees it.

use crate::App;
use crate::auth::{AuthError, Principal};
use crossdesk_db::{Actor, DbError, NewReply, OutboxView, ReplyDone};
use crossdesk_domain::model::{Permission, TicketStatus, Visibility};
use crossdesk_domain::templates::{self, TemplateKind};
use std::collections::BTreeMap;

/// Longest reply accepted.
pub const MAX_REPLY: usize = 10_000;

/// Why a workflow request was refused.
#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    /// Not allowed, or not signed in.
    #[error(transparent)]
    Auth(#[from] AuthError),
    /// A public reply carried personal data.
    #[error("{0}")]
    Pii(#[from] templates::PiiRefusal),
    /// Input rejected, naming the field.
    #[error("{field}: {message}")]
    Invalid {
        /// The field.
        field: String,
        /// Why.
        message: String,
    },
    /// Storage refused or failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

fn invalid(field: &str, message: impl Into<String>) -> WorkflowError {
    WorkflowError::Invalid {
        field: field.into(),
        message: message.into(),
    }
}

/// A reply as asked for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplyRequest {
    /// The text (or a template instead).
    pub text: Option<String>,
    /// A standard reply, filled in the buyer's language.
    pub template: Option<String>,
    /// Template variables beyond the ones the ticket supplies.
    pub values: BTreeMap<String, String>,
    /// `public` or `private` (default private).
    pub visibility: Option<String>,
    /// An internal note, never sent.
    pub note: bool,
    /// The status afterwards (`waiting_customer` after asking for details).
    pub then: Option<String>,
    /// Makes a retry harmless.
    pub idempotency_key: Option<String>,
}

fn actor_of(who: &Principal) -> Actor {
    Actor {
        kind: who.actor_kind(),
        agent: Some(who.agent.id),
    }
}

impl App {
    /// The text a template makes for a ticket: its standard text in the buyer's language,
    /// filled with the ticket's own values (customer, store, agent, order number) and
    /// `values`.
    pub async fn render_template(
        &self,
        who: &Principal,
        ticket: i64,
        kind: &str,
        values: &BTreeMap<String, String>,
    ) -> Result<(TemplateKind, String), WorkflowError> {
        let kind = TemplateKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == kind)
            .ok_or_else(|| {
                invalid(
                    "template",
                    format!(
                        "unknown template; expected one of: {}",
                        TemplateKind::ALL
                            .iter()
                            .map(|k| k.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })?;
        let detail = self.ticket(ticket, &who.scope).await?;
        let mut all: BTreeMap<String, String> = BTreeMap::new();
        let customer = detail
            .customer
            .name
            .clone()
            .or_else(|| {
                detail
                    .customer
                    .identities
                    .iter()
                    .find(|i| i.kind == "handle")
                    .map(|i| i.value.clone())
            })
            .unwrap_or_default();
        all.insert("customer".into(), customer);
        all.insert("agent".into(), who.agent.name.clone());
        if let Some(store) = &detail.ticket.store {
            all.insert("store".into(), store.clone());
        }
        if let Some(n) = &detail.ticket.order_number {
            all.insert("order_number".into(), n.clone());
        }
        for (k, v) in values {
            if !kind.allowed().contains(&k.as_str()) {
                return Err(invalid(
                    &format!("values.{k}"),
                    format!(
                        "{} does not use {{{k}}}; it uses: {}",
                        kind.as_str(),
                        kind.allowed().join(", ")
                    ),
                ));
            }
            all.insert(k.clone(), v.clone());
        }
        let text = templates::standard_text(kind, &detail.ticket.language)
            .ok_or_else(|| invalid("template", "no standard text"))?;
        let filled = templates::fill(text, &all).map_err(|e| match e {
            templates::TemplateError::NoValue(v) => invalid(
                &format!("values.{v}"),
                format!("the template needs {{{v}}}"),
            ),
            other => invalid("template", other.to_string()),
        })?;
        Ok((kind, filled))
    }

    /// What a reply would send: its visibility and text (typed, or a template filled in the
    /// buyer's language), checked as [`App::reply`] checks it, except for personal data in a
    /// public reply, which the caller decides about. Nothing is written.
    pub async fn prepare_reply(
        &self,
        who: &Principal,
        ticket: i64,
        req: &ReplyRequest,
    ) -> Result<(Visibility, String), WorkflowError> {
        self.check_ticket_scope(ticket, &who.scope).await?;
        let visibility = match req.visibility.as_deref() {
            None => Visibility::Private,
            Some(v) => Visibility::parse(v).ok_or_else(|| {
                invalid(
                    "visibility",
                    format!("expected one of: {}", Visibility::expected()),
                )
            })?,
        };
        let text = match (&req.text, &req.template) {
            (Some(_), Some(_)) => {
                return Err(invalid(
                    "template",
                    "give either text or a template, not both",
                ));
            }
            (Some(t), None) => t.trim().to_string(),
            (None, Some(kind)) => {
                let (kind, text) = self.render_template(who, ticket, kind, &req.values).await?;
                if kind.is_public() != (visibility == Visibility::Public) && !req.note {
                    return Err(invalid(
                        "visibility",
                        format!(
                            "{} is a {} reply",
                            kind.as_str(),
                            if kind.is_public() {
                                "public"
                            } else {
                                "private"
                            }
                        ),
                    ));
                }
                text
            }
            (None, None) => return Err(invalid("text", "is required (or a template)")),
        };
        if text.is_empty() {
            return Err(invalid("text", "is empty"));
        }
        if text.chars().count() > MAX_REPLY {
            return Err(invalid(
                "text",
                format!("longer than {MAX_REPLY} characters"),
            ));
        }
        Ok((visibility, text))
    }

    /// Replies on a ticket (or adds a note). A public reply with personal data is refused
    /// with what was found; nothing is written then.
    pub async fn reply(
        &self,
        who: &Principal,
        ticket: i64,
        req: &ReplyRequest,
    ) -> Result<ReplyDone, WorkflowError> {
        who.require(Permission::Write)?;
        let (visibility, text) = self.prepare_reply(who, ticket, req).await?;
        if visibility == Visibility::Public && !req.note {
            templates::check_public_reply(&text)?;
        }
        let then = req
            .then
            .as_deref()
            .map(|s| {
                TicketStatus::parse(s).ok_or_else(|| {
                    invalid(
                        "then",
                        format!("expected one of: {}", TicketStatus::expected()),
                    )
                })
            })
            .transpose()?;
        if then == Some(TicketStatus::Closed) {
            return Err(invalid(
                "then",
                "a ticket closes on the customer's confirmation (POST …/status) or 7 days after resolved",
            ));
        }
        let key = match &req.idempotency_key {
            Some(k) if k.is_empty() || k.len() > 200 => {
                return Err(invalid("idempotency_key", "expected 1 to 200 characters"));
            }
            Some(k) => format!("a{}:t{ticket}:{k}", who.agent.id),
            None => crate::auth::random_secret(),
        };
        let done = self
            .db()
            .reply(
                &NewReply {
                    ticket_id: ticket,
                    actor: actor_of(who),
                    text,
                    visibility,
                    note: req.note,
                    idempotency_key: key,
                    then,
                    outbox_kind: "reply",
                },
                self.clock().now(),
            )
            .await?;
        Ok(done)
    }

    /// Moves a ticket along its lifecycle. Closing needs the customer's confirmation
    /// (`confirmed`); otherwise a resolved ticket closes by itself after 7 quiet days.
    pub async fn set_status(
        &self,
        who: &Principal,
        ticket: i64,
        to: &str,
        confirmed: bool,
        reason: Option<&str>,
    ) -> Result<TicketStatus, WorkflowError> {
        who.require(Permission::Write)?;
        self.check_ticket_scope(ticket, &who.scope).await?;
        let to = TicketStatus::parse(to).ok_or_else(|| {
            invalid(
                "status",
                format!("expected one of: {}", TicketStatus::expected()),
            )
        })?;
        if to == TicketStatus::Closed && !confirmed {
            return Err(invalid(
                "confirmed",
                "a ticket closes only when the customer confirms (send confirmed: true) or 7 days after resolved",
            ));
        }
        let reason = match (to, reason) {
            (TicketStatus::Closed, None) => Some("the customer confirmed"),
            (_, r) => r,
        };
        if reason.is_some_and(|r| r.chars().count() > 500) {
            return Err(invalid("reason", "longer than 500 characters"));
        }
        Ok(self
            .db()
            .change_status(ticket, to, actor_of(who), reason, self.clock().now())
            .await?)
    }

    /// Assigns a ticket (or returns it to the pool with `None`). Agents may only take
    /// tickets themselves; leads, specialists and admins assign anyone in the store's scope.
    pub async fn assign(
        &self,
        who: &Principal,
        ticket: i64,
        agent: Option<i64>,
    ) -> Result<(), WorkflowError> {
        who.require(Permission::Write)?;
        self.check_ticket_scope(ticket, &who.scope).await?;
        if !who.role().assigns_others() {
            if agent != Some(who.agent.id) {
                return Err(AuthError::Forbidden(
                    "an agent assigns tickets only to themself; claim it instead".into(),
                )
                .into());
            }
            // Taking a ticket oneself is a claim: never from under a colleague.
            return self.claim(who, ticket).await;
        }
        Ok(self
            .db()
            .assign(ticket, agent, false, actor_of(who), self.clock().now())
            .await?)
    }

    /// Takes an unassigned ticket from the shared pool.
    pub async fn claim(&self, who: &Principal, ticket: i64) -> Result<(), WorkflowError> {
        who.require(Permission::Write)?;
        self.check_ticket_scope(ticket, &who.scope).await?;
        Ok(self
            .db()
            .assign(
                ticket,
                Some(who.agent.id),
                true,
                actor_of(who),
                self.clock().now(),
            )
            .await?)
    }

    /// What is queued to go out for a ticket.
    pub async fn outbox(
        &self,
        who: &Principal,
        ticket: i64,
    ) -> Result<Vec<OutboxView>, WorkflowError> {
        who.require(Permission::Read)?;
        self.check_ticket_scope(ticket, &who.scope).await?;
        Ok(self.db().outbox(ticket).await?)
    }
}
