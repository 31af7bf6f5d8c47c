//! The vocabulary of DESIGN.md as types: channels, platforms, taxonomy, statuses.
//!
//! Each enum has a stable snake_case wire and storage name (`as_str`/`parse`), which is what
//! the database stores and the API returns; renaming a variant is a migration.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $wire)] $variant),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable wire and storage name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// Parses the wire name; `None` when it is not one of [`Self::ALL`].
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($wire => Some($name::$variant),)+ _ => None }
            }

            /// The accepted wire names, comma separated, for error messages.
            pub fn expected() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

wire_enum! {
    /// Where a message came from.
    Channel {
        /// Public posts, mentions and DMs on X.
        Twitter => "twitter",
        /// E-mail, including marketplace relay mail.
        Email => "email",
        /// Amazon buyer-seller messages.
        Amazon => "amazon",
        /// eBay member messages, inquiries and cases.
        Ebay => "ebay",
        /// AliExpress messages.
        Aliexpress => "aliexpress",
        /// Shopify Inbox chat.
        ShopifyChat => "shopify_chat",
        /// The store's own web chat.
        Webchat => "webchat",
        /// WhatsApp Business.
        Whatsapp => "whatsapp",
        /// Anything else.
        Other => "other",
    }
}

impl Channel {
    /// Channels where a post is public by nature and `store` may be omitted.
    pub fn is_social(self) -> bool {
        matches!(self, Channel::Twitter)
    }

    /// Marketplace message channels, which carry a platform's own response-time rule.
    pub fn is_marketplace(self) -> bool {
        matches!(self, Channel::Amazon | Channel::Ebay | Channel::Aliexpress)
    }
}

wire_enum! {
    /// Who can see a message.
    Visibility {
        /// Anyone on the internet (a public post or reply).
        Public => "public",
        /// Only the customer and the seller.
        Private => "private",
    }
}

wire_enum! {
    /// Whether a message came from the customer or went to them.
    Direction {
        /// From the customer.
        Inbound => "in",
        /// From the seller.
        Outbound => "out",
    }
}

wire_enum! {
    /// What role a message plays in a conversation.
    MessageKind {
        /// A message exchanged with the customer.
        Reply => "reply",
        /// An agent's note, never sent.
        Note => "note",
        /// Written by crossdesk itself (auto-replies, notices).
        System => "system",
    }
}

wire_enum! {
    /// The commerce platform a store sells on.
    Platform {
        /// Amazon Seller Central.
        Amazon => "amazon",
        /// eBay.
        Ebay => "ebay",
        /// AliExpress.
        Aliexpress => "aliexpress",
        /// Shopify.
        Shopify => "shopify",
        /// Anything else (own site, Temu, TikTok Shop, …).
        Other => "other",
    }
}

wire_enum! {
    /// Who pays import duties.
    Incoterm {
        /// Delivered Duty Paid: the seller pays duties.
        Ddp => "DDP",
        /// Delivered At Place: the buyer pays duties at the door.
        Dap => "DAP",
    }
}

wire_enum! {
    /// A tracking aggregator's status tag (AfterShip/17TRACK common set).
    TrackingStatus {
        /// Registered, no information yet.
        Pending => "Pending",
        /// The carrier has the shipment data but not the parcel.
        InfoReceived => "InfoReceived",
        /// Moving.
        InTransit => "InTransit",
        /// With the courier for delivery today.
        OutForDelivery => "OutForDelivery",
        /// A delivery attempt failed.
        AttemptFail => "AttemptFail",
        /// Delivered.
        Delivered => "Delivered",
        /// Waiting at a pickup point.
        AvailableForPickup => "AvailableForPickup",
        /// Held, returned, damaged, customs problem…
        Exception => "Exception",
        /// No update for a long time.
        Expired => "Expired",
    }
}

impl TrackingStatus {
    /// Statuses that call for attention before the customer complains.
    pub fn is_exception(self) -> bool {
        matches!(
            self,
            TrackingStatus::AttemptFail | TrackingStatus::Exception | TrackingStatus::Expired
        )
    }
}

wire_enum! {
    /// What a message is about (DESIGN.md's triage taxonomy).
    Category {
        /// Parcel late, stuck, no tracking update.
        LogisticsDelay => "logistics.delay",
        /// Held at customs, documents, clearance.
        LogisticsCustoms => "logistics.customs",
        /// Never arrived, or marked delivered but not received.
        LogisticsLost => "logistics.lost",
        /// Arrived broken.
        LogisticsDamaged => "logistics.damaged",
        /// Failed delivery, wrong address, pickup point, courier.
        LogisticsLastMile => "logistics.last_mile",
        /// Does not work, broke, quality.
        ProductDefective => "product.defective",
        /// Wrong item, size, color, different from photos.
        ProductNotAsDescribed => "product.not_as_described",
        /// "This is fake".
        ProductCounterfeitClaim => "product.counterfeit_claim",
        /// Asks for a refund or where it is.
        BillingRefund => "billing.refund",
        /// Import tax, customs fees, VAT at the door.
        BillingDuties => "billing.duties",
        /// Charged twice, payment failed, currency.
        BillingPayment => "billing.payment",
        /// Change address, cancel order.
        OrderChangeCancel => "order.change_cancel",
        /// Slow or rude support, broken promise.
        ServiceComplaint => "service.complaint",
        /// Threats, harassment, extortion.
        Abuse => "abuse",
        /// A question without a complaint.
        Inquiry => "inquiry",
        /// Thanks, positive.
        Praise => "praise",
        /// None of the above.
        Other => "other",
    }
}

impl Category {
    /// How strongly a category should define its ticket: a ticket takes the category of its
    /// strongest message (DESIGN.md). Complaints outrank questions, thanks and `other`.
    pub fn strength(self) -> u8 {
        match self {
            Category::Abuse => 9,
            Category::ProductCounterfeitClaim => 8,
            Category::LogisticsLost | Category::LogisticsDamaged | Category::ProductDefective => 7,
            Category::ProductNotAsDescribed
            | Category::LogisticsCustoms
            | Category::BillingDuties
            | Category::BillingPayment => 6,
            Category::LogisticsDelay | Category::LogisticsLastMile | Category::BillingRefund => 5,
            Category::ServiceComplaint | Category::OrderChangeCancel => 4,
            Category::Inquiry => 2,
            Category::Praise => 1,
            Category::Other => 0,
        }
    }
}

wire_enum! {
    /// How fast a message needs a person (`inquiry` < `complaint` < `crisis`).
    Urgency {
        /// A question.
        Inquiry => "inquiry",
        /// A complaint.
        Complaint => "complaint",
        /// Safety, legal, high-value loss, media or viral reach.
        Crisis => "crisis",
    }
}

wire_enum! {
    /// Where a ticket is in its lifecycle (DESIGN.md).
    TicketStatus {
        /// Created, nobody has looked at it.
        New => "new",
        /// Being worked on.
        Open => "open",
        /// Waiting on the customer; the SLA clock pauses.
        WaitingCustomer => "waiting_customer",
        /// A resolution was offered.
        SolutionProposed => "solution_proposed",
        /// Resolved; closes on confirmation or after 7 quiet days.
        Resolved => "resolved",
        /// Closed.
        Closed => "closed",
    }
}

impl TicketStatus {
    /// Whether new customer messages about the same problem join this ticket.
    pub fn is_open(self) -> bool {
        !matches!(self, TicketStatus::Closed)
    }
}

wire_enum! {
    /// Who did something recorded in the audit trail.
    ActorKind {
        /// crossdesk itself (intake, timers, automation).
        System => "system",
        /// An agent in the workspace.
        Agent => "agent",
        /// The customer.
        Customer => "customer",
        /// An integration using an API token.
        Integration => "integration",
    }
}

wire_enum! {
    /// What an agent account is (DESIGN.md's authority levels).
    Role {
        /// Works tickets in their stores.
        Agent => "agent",
        /// Leads a team: assigns, takes crises on call.
        Lead => "lead",
        /// Regional specialist: escalations, higher authority.
        Specialist => "specialist",
        /// Administers accounts, teams and policies; sees every store.
        Admin => "admin",
    }
}

impl Role {
    /// Whether the role may assign tickets to other agents.
    pub fn assigns_others(self) -> bool {
        !matches!(self, Role::Agent)
    }
}

wire_enum! {
    /// What an API token may do (a session may do everything its role may).
    Permission {
        /// Read tickets, customers, orders and stores.
        Read => "read",
        /// Reply, change status, assign.
        Write => "write",
        /// Post inbound messages (connectors).
        Inbound => "inbound",
        /// Manage agents, teams, policies and tokens.
        Admin => "admin",
    }
}

wire_enum! {
    /// The channel families SLA policies are written for.
    ChannelClass {
        /// Public social posts (X).
        Social => "social",
        /// Marketplace messages (Amazon, eBay, AliExpress).
        Marketplace => "marketplace",
        /// E-mail, chat and messaging.
        Direct => "direct",
    }
}

impl Channel {
    /// The SLA channel family.
    pub fn class(self) -> ChannelClass {
        if self.is_social() {
            ChannelClass::Social
        } else if self.is_marketplace() {
            ChannelClass::Marketplace
        } else {
            ChannelClass::Direct
        }
    }
}

wire_enum! {
    /// The kind of an identity that points at a customer.
    IdentityKind {
        /// A social handle, lowercased with its `@`.
        Handle => "handle",
        /// An e-mail address, lowercased.
        Email => "email",
        /// A marketplace buyer id.
        BuyerId => "buyer_id",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wire_name_round_trips() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(*c));
            let json = serde_json::to_string(c).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
        }
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.as_str()), Some(*c));
        }
        assert_eq!(Channel::parse("fax"), None);
    }

    #[test]
    fn complaints_outrank_questions_and_thanks() {
        assert!(Category::LogisticsLost.strength() > Category::Inquiry.strength());
        assert!(Category::Inquiry.strength() > Category::Other.strength());
    }
}
