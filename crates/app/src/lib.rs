//! crossdesk use cases over a [`Db`]: intake (with group commit), reference import,
//! classification and the ticket, customer and order queries. The API handlers, the CLI
//! and the workers call these and nothing below them.

pub mod clock;
pub mod import;
pub mod intake;
pub mod jsonl;
pub mod timers;

pub use clock::{Clock, FixedClock, SystemClock};
pub use crossdesk_db::{Backend, Db, DbError, views};

use crossdesk_db::{CustomerFilter, Page, TicketFilter};
use crossdesk_domain::triage::TriageConfig;
use std::sync::Arc;

/// Settings the use cases need.
#[derive(Debug, Clone, Default)]
pub struct AppConfig {
    /// Urgency-rule thresholds.
    pub triage: TriageConfig,
}

/// The application: storage, clock, configuration and the intake writer.
#[derive(Clone)]
pub struct App {
    db: Db,
    clock: Arc<dyn Clock>,
    config: Arc<AppConfig>,
    intake: intake::IntakeHandle,
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
        }
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

    /// One ticket with messages, events, customer and order.
    #[tracing::instrument(skip(self))]
    pub async fn ticket(&self, id: i64) -> Result<views::TicketDetail, DbError> {
        self.db.ticket(id).await
    }

    /// Lists customers.
    pub async fn list_customers(
        &self,
        filter: &CustomerFilter,
    ) -> Result<Page<views::CustomerView>, DbError> {
        self.db.list_customers(filter).await
    }

    /// One customer with history across stores.
    pub async fn customer(&self, id: i64) -> Result<views::CustomerDetail, DbError> {
        self.db.customer(id).await
    }

    /// An order by store key and number.
    pub async fn order(&self, store: &str, number: &str) -> Result<views::OrderView, DbError> {
        self.db.order(store, number).await
    }

    /// Every store.
    pub async fn stores(&self) -> Result<Vec<views::StoreView>, DbError> {
        self.db.stores().await
    }

    /// Whether storage answers.
    pub async fn ready(&self) -> Result<(), DbError> {
        self.db.ping().await
    }
}
