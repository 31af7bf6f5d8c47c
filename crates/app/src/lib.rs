//! crossdesk use cases over a [`Db`]: intake (with group commit), reference import,
//! classification and the ticket, customer and order queries. The API handlers, the CLI
//! and the workers call these and nothing below them.

pub mod auth;
pub mod clock;
pub mod import;
pub mod intake;
pub mod jsonl;
pub mod surveys;
pub mod timers;
pub mod workflow;
pub mod workspace;

pub use clock::{Clock, FixedClock, SystemClock};
pub use crossdesk_db::{Backend, Db, DbError, StoreScope, views};

use crossdesk_db::{CustomerFilter, Page, TicketCounts, TicketFilter};
use crossdesk_domain::triage::TriageConfig;
use std::sync::Arc;

/// Settings the use cases need.
#[derive(Debug, Clone, Default)]
pub struct AppConfig {
    /// Urgency-rule thresholds.
    pub triage: TriageConfig,
    /// The address customers reach this server at (survey links), without a trailing
    /// slash; empty: links are relative.
    pub public_url: String,
}

/// The application: storage, clock, configuration and the intake writer.
#[derive(Clone)]
pub struct App {
    db: Db,
    clock: Arc<dyn Clock>,
    config: Arc<AppConfig>,
    intake: intake::IntakeHandle,
    logins: Arc<auth::LoginThrottle>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App").field("db", &self.db).finish()
    }
}

impl App {
    /// Builds the application and starts its intake writer on the current Tokio runtime.
    pub fn new(db: Db, clock: Arc<dyn Clock>, config: AppConfig) -> Self {
        let config = Arc::new(config);
        let intake = intake::IntakeHandle::start(db.clone(), clock.clone(), config.clone());
        Self {
            db,
            clock,
            config,
            intake,
            logins: Arc::default(),
        }
    }

    /// Failed sign-ins per account, to slow down password guessing.
    pub(crate) fn logins(&self) -> &auth::LoginThrottle {
        &self.logins
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The clock.
    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// The configuration.
    pub fn config(&self) -> &AppConfig {
        &self.config
    }

    /// The intake service.
    pub fn intake(&self) -> &intake::IntakeHandle {
        &self.intake
    }

    /// Lists tickets.
    #[tracing::instrument(skip_all)]
    pub async fn list_tickets(
        &self,
        filter: &TicketFilter,
    ) -> Result<Page<views::TicketSummary>, DbError> {
        self.db.list_tickets(filter).await
    }

    /// Counts the tickets a filter selects.
    pub async fn count_tickets(&self, filter: &TicketFilter) -> Result<TicketCounts, DbError> {
        self.db.count_tickets(filter).await
    }

    /// Refuses (as not found, so that existence does not leak) a ticket outside `scope`.
    pub async fn check_ticket_scope(&self, id: i64, scope: &StoreScope) -> Result<(), DbError> {
        if scope.allows(self.db.ticket_store(id).await?) {
            Ok(())
        } else {
            Err(DbError::NotFound)
        }
    }

    /// One ticket with messages, events, customer and order, if it is in `scope`.
    #[tracing::instrument(skip(self, scope))]
    pub async fn ticket(
        &self,
        id: i64,
        scope: &StoreScope,
    ) -> Result<views::TicketDetail, DbError> {
        self.check_ticket_scope(id, scope).await?;
        let mut detail = self.db.ticket(id).await?;
        if let Some(o) = &detail.order
            && !self.store_in_scope(&o.order.store, scope).await?
        {
            detail.order = None;
            detail.ticket.order_id = None;
            detail.ticket.order_number = None;
        }
        Ok(detail)
    }

    async fn store_in_scope(&self, key: &str, scope: &StoreScope) -> Result<bool, DbError> {
        Ok(match scope {
            StoreScope::All => true,
            StoreScope::Stores(_) => scope.allows(self.db.store_id(key).await?),
        })
    }

    /// Lists customers.
    pub async fn list_customers(
        &self,
        filter: &CustomerFilter,
    ) -> Result<Page<views::CustomerView>, DbError> {
        self.db.list_customers(filter).await
    }

    /// One customer with their history in the stores of `scope`.
    pub async fn customer(
        &self,
        id: i64,
        scope: &StoreScope,
    ) -> Result<views::CustomerDetail, DbError> {
        self.db.customer(id, scope).await
    }

    /// An order by store key and number, if the store is in `scope`.
    pub async fn order(
        &self,
        store: &str,
        number: &str,
        scope: &StoreScope,
    ) -> Result<views::OrderView, DbError> {
        if !self.store_in_scope(store, scope).await? {
            return Err(DbError::NotFound);
        }
        self.db.order(store, number).await
    }

    /// The stores of `scope`.
    pub async fn stores(&self, scope: &StoreScope) -> Result<Vec<views::StoreView>, DbError> {
        let mut stores = self.db.stores().await?;
        stores.retain(|s| scope.allows(Some(s.id)));
        Ok(stores)
    }

    /// Whether storage answers.
    pub async fn ready(&self) -> Result<(), DbError> {
        self.db.ping().await
    }
}
