//! Read models returned by queries: what the API and the workspace show.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

macro_rules! view {
    ($(#[$m:meta])* pub struct $name:ident { $($(#[$fm:meta])* pub $f:ident : $t:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub struct $name { $($(#[$fm])* pub $f: $t),* }
    };
}

view! {
    /// A store.
    pub struct StoreView {
        /// Id.
        pub id: i64,
        /// Stable key.
        pub key: String,
        /// Display name.
        pub name: String,
        /// Platform.
        pub platform: String,
        /// Market region.
        pub region: Option<String>,
        /// Currency.
        pub currency: String,
        /// IANA time zone.
        pub timezone: Option<String>,
        /// Store group key.
        pub group: Option<String>,
        /// Carriers, preferred first.
        pub carriers: Vec<String>,
    }
}

view! {
    /// A ticket as listed in an inbox.
    pub struct TicketSummary {
        /// Ticket number.
        pub id: i64,
        /// Store key, if addressed to a store.
        pub store: Option<String>,
        /// Customer id.
        pub customer_id: i64,
        /// Customer name.
        pub customer_name: Option<String>,
        /// Linked order id.
        pub order_id: Option<i64>,
        /// Linked order number.
        pub order_number: Option<String>,
        /// Channel of the first message.
        pub channel: String,
        /// Whether it began in public.
        pub visibility: String,
        /// Subject or first line.
        pub subject: Option<String>,
        /// Lifecycle status.
        pub status: String,
        /// Category of its strongest message.
        pub category: String,
        /// Highest urgency.
        pub urgency: String,
        /// Language of the first message.
        pub language: String,
        /// Sentiment of the latest message.
        pub sentiment: f64,
        /// Assigned agent.
        pub assignee_id: Option<i64>,
        /// Messages on it.
        pub message_count: i64,
        /// First message time.
        pub first_message_at: DateTime<Utc>,
        /// Latest message time.
        pub last_message_at: DateTime<Utc>,
        /// Created.
        pub created_at: DateTime<Utc>,
        /// Last changed.
        pub updated_at: DateTime<Utc>,
        /// The team whose hours its SLA clock counts.
        pub team: Option<String>,
        /// The first answer is due (absent once answered or while waiting on the customer).
        pub first_response_due_at: Option<DateTime<Utc>>,
        /// When the first answer went out.
        pub first_responded_at: Option<DateTime<Utc>>,
        /// The solution plan is due.
        pub solution_due_at: Option<DateTime<Utc>>,
        /// The marketplace's own answer limit (Amazon, eBay: 24 h).
        pub hard_due_at: Option<DateTime<Utc>>,
        /// When it was escalated to a specialist.
        pub escalated_at: Option<DateTime<Utc>>,
    }
}

view! {
    /// Who wrote a message.
    pub struct AuthorView {
        /// Social handle.
        pub handle: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// E-mail.
        pub email: Option<String>,
        /// Marketplace buyer id.
        pub buyer_id: Option<String>,
        /// Followers.
        pub followers: Option<i64>,
    }
}

view! {
    /// A message on a ticket.
    pub struct MessageView {
        /// Id.
        pub id: i64,
        /// Channel.
        pub channel: String,
        /// The channel's id for it.
        pub external_id: String,
        /// `in` or `out`.
        pub direction: String,
        /// `reply`, `note` or `system`.
        pub kind: String,
        /// `public` or `private`.
        pub visibility: String,
        /// Author.
        pub author: AuthorView,
        /// Subject.
        pub subject: Option<String>,
        /// Body, as received (render it escaped).
        pub text: String,
        /// Detected language.
        pub language: String,
        /// Triage category.
        pub category: String,
        /// Triage urgency.
        pub urgency: String,
        /// Sentiment.
        pub sentiment: f64,
        /// Category confidence.
        pub confidence: f64,
        /// Whether it contains personal data.
        pub pii: bool,
        /// Extracted entities.
        pub entities: Value,
        /// Attachments.
        pub attachments: Value,
        /// External id of the message it answers.
        pub in_reply_to: Option<String>,
        /// Order reference given by the channel.
        pub order_ref: Option<String>,
        /// Sent.
        pub sent_at: DateTime<Utc>,
        /// Received by crossdesk.
        pub received_at: DateTime<Utc>,
    }
}

view! {
    /// An audit-trail entry.
    pub struct EventView {
        /// Id.
        pub id: i64,
        /// When.
        pub at: DateTime<Utc>,
        /// `system`, `agent`, `customer` or `integration`.
        pub actor_kind: String,
        /// The actor's id.
        pub actor_id: Option<i64>,
        /// What happened.
        pub kind: String,
        /// Before/after values and ids.
        pub data: Value,
    }
}

view! {
    /// A ticket with everything on it.
    pub struct TicketDetail {
        /// The ticket.
        pub ticket: TicketSummary,
        /// Its customer.
        pub customer: CustomerView,
        /// Its order with shipments and tracking.
        pub order: Option<OrderView>,
        /// Messages, oldest first.
        pub messages: Vec<MessageView>,
        /// Audit trail, oldest first.
        pub events: Vec<EventView>,
    }
}

view! {
    /// One identity of a customer.
    pub struct IdentityView {
        /// `handle`, `email` or `buyer_id`.
        pub kind: String,
        /// The value (buyer ids are prefixed by platform).
        pub value: String,
    }
}

view! {
    /// A customer.
    pub struct CustomerView {
        /// Id.
        pub id: i64,
        /// Name.
        pub name: Option<String>,
        /// Identities across channels.
        pub identities: Vec<IdentityView>,
        /// First seen.
        pub created_at: DateTime<Utc>,
    }
}

view! {
    /// A customer with history across linked stores.
    pub struct CustomerDetail {
        /// The customer.
        pub customer: CustomerView,
        /// Orders, newest first.
        pub orders: Vec<OrderSummary>,
        /// Tickets, newest first.
        pub tickets: Vec<TicketSummary>,
    }
}

view! {
    /// An order without its details.
    pub struct OrderSummary {
        /// Id.
        pub id: i64,
        /// Store key.
        pub store: String,
        /// Order number.
        pub number: String,
        /// Customer.
        pub customer_id: Option<i64>,
        /// Currency.
        pub currency: String,
        /// Total as decimal text.
        pub total: String,
        /// Incoterm.
        pub incoterm: Option<String>,
        /// Destination country.
        pub destination_country: Option<String>,
        /// Placed.
        pub placed_at: DateTime<Utc>,
    }
}

view! {
    /// One line of an order.
    pub struct LineItemView {
        /// SKU.
        pub sku: String,
        /// Product title when the SKU is known.
        pub title: Option<String>,
        /// Units.
        pub quantity: i64,
        /// Unit price as decimal text.
        pub price: String,
    }
}

view! {
    /// A carrier scan.
    pub struct TrackingEventView {
        /// Status tag.
        pub tag: String,
        /// Sub-status.
        pub subtag: Option<String>,
        /// Carrier text.
        pub message: String,
        /// Place.
        pub location: Option<String>,
        /// When.
        pub at: DateTime<Utc>,
    }
}

view! {
    /// A parcel with its tracking history.
    pub struct ShipmentView {
        /// Id.
        pub id: i64,
        /// Carrier.
        pub carrier: String,
        /// Tracking number.
        pub tracking_number: String,
        /// Warehouse.
        pub warehouse: Option<String>,
        /// Promised delivery.
        pub promised_by: Option<DateTime<Utc>>,
        /// Latest status tag.
        pub status: Option<String>,
        /// Time of the latest status.
        pub status_at: Option<DateTime<Utc>>,
        /// Scans, oldest first.
        pub events: Vec<TrackingEventView>,
    }
}

view! {
    /// An order with items, shipments and tracking.
    pub struct OrderView {
        /// The order.
        pub order: OrderSummary,
        /// Its lines.
        pub items: Vec<LineItemView>,
        /// Its parcels.
        pub shipments: Vec<ShipmentView>,
    }
}

view! {
    /// A ticket's satisfaction survey and, once given, the customer's answer.
    pub struct SurveyView {
        /// The ticket surveyed.
        pub ticket_id: i64,
        /// The language the survey speaks (the ticket's).
        pub language: String,
        /// When it was sent.
        pub sent_at: DateTime<Utc>,
        /// The rating, 1 (worst) to 5 (best), once answered.
        pub rating: Option<i64>,
        /// The customer's comment, if they left one.
        pub comment: Option<String>,
        /// When it was answered.
        pub answered_at: Option<DateTime<Utc>>,
    }
}
